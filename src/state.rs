//! The state of one widget instance and the only way it changes: a reducer over
//! [`Action`]s. The JavaScript handle reaches the reducer through a [`Remote`].

use crate::core::figures::{range, TierSummary};
use crate::core::model::Config;
use crate::core::text::Lang;
use crate::core::validate::Loaded;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A shared value compared by identity, so props holding a large config compare in O(1).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

/// A config ready to show, with its range computed once.
#[derive(Debug, PartialEq)]
pub struct Prepared {
    pub config: Config,
    pub range: Vec<TierSummary>,
}

/// Everything one widget instance shows.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub lang: Lang,
    /// Every problem of the current config (errors and warnings).
    pub loaded: Shared<Loaded>,
    /// The config when it has no error, with its derived range.
    pub prepared: Option<Shared<Prepared>>,
    /// Index of the service whose detail is open.
    pub open_service: Option<usize>,
}

impl WidgetState {
    pub fn new(loaded: Shared<Loaded>, lang: Lang) -> WidgetState {
        let prepared = prepare(&loaded);
        WidgetState {
            lang,
            loaded,
            prepared,
            open_service: None,
        }
    }
}

fn prepare(loaded: &Loaded) -> Option<Shared<Prepared>> {
    loaded.config.clone().map(|config| {
        let range = range(&config);
        Shared::from(Prepared { config, range })
    })
}

/// Every change a widget can go through.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// A new config (or the same one read again); the open detail stays open when its
    /// service still exists.
    ReplaceConfig(Shared<Loaded>),
    OpenService(usize),
    CloseDetail,
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            Action::ReplaceConfig(loaded) => {
                let open_id = self
                    .open_service
                    .zip(self.prepared.as_ref())
                    .map(|(i, p)| p.config.services[i].id.clone());
                next.prepared = prepare(&loaded);
                next.loaded = loaded;
                next.open_service = open_id.and_then(|id| {
                    let prepared = next.prepared.as_ref()?;
                    prepared.config.services.iter().position(|s| s.id == id)
                });
            }
            Action::OpenService(i) => {
                let exists = self
                    .prepared
                    .as_ref()
                    .is_some_and(|p| i < p.config.services.len());
                if !exists || self.open_service == Some(i) {
                    return self;
                }
                next.open_service = Some(i);
            }
            Action::CloseDetail => {
                if self.open_service.is_none() {
                    return self;
                }
                next.open_service = None;
            }
        }
        Rc::new(next)
    }
}

/// The way in from outside Yew (the JavaScript handle): actions sent before the widget
/// has rendered once wait in a queue and are applied in order when it connects.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<RemoteInner>>);

#[derive(Default)]
struct RemoteInner {
    dispatch: Option<Callback<Action>>,
    pending: Vec<Action>,
}

impl PartialEq for Remote {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Remote {
    pub fn send(&self, action: Action) {
        let dispatch = self.0.borrow().dispatch.clone();
        match dispatch {
            Some(dispatch) => dispatch.emit(action),
            None => self.0.borrow_mut().pending.push(action),
        }
    }

    /// Connects the widget's reducer and applies what was sent before.
    pub fn connect(&self, dispatch: Callback<Action>) {
        let pending = {
            let mut inner = self.0.borrow_mut();
            inner.dispatch = Some(dispatch.clone());
            std::mem::take(&mut inner.pending)
        };
        for action in pending {
            dispatch.emit(action);
        }
    }

    pub fn disconnect(&self) {
        self.0.borrow_mut().dispatch = None;
    }
}
