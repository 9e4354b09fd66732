//! The JavaScript API, built to `www/pkg/service_range_mapper.js` (the view bundle) and
//! `www/pkg/service_range_mapper_workshop.js` (the workshop bundle, which adds
//! `inventory()` and `load_session()`):
//!
//! ```js
//! await init();
//! const w = mount(element, config, { lang: "en", mode: "workshop", view: "inventory",
//!                                    editable: true, storageKey: "room-a",
//!                                    place: { q: "logement", service: "crise" },
//!                                    onplace: (place) => …, onerror: (errors) => … });
//! w.update(otherConfig);   // returns the problems of the new config
//! w.set_lang("fr");
//! w.set_view("range");
//! w.go_to({ view: "range", q: "crise", tier: "proximite", kind: "community_organisation",
//!           service: "crise" });
//! w.problems();            // errors and warnings of the current config
//! w.inventory();           // the session: gaps and coverage, as a plain object
//! w.load_session(session); // null, or why it was refused (nothing changed then)
//! w.destroy();
//! ```
//!
//! `config` is an object, a JSON string, or null/undefined for the built-in example.
//! The element receives `srm-ready` (after the first render), `srm-change` (workshop
//! bundle: after every change of the session, detail = the session) and `srm-error`
//! (detail = the config's errors); all bubble and cross shadow roots.

use crate::browser;
use crate::components::{Widget, WidgetProps};
use crate::core::contribution::Contribution;
#[cfg(feature = "workshop")]
use crate::core::defaults::{default_config, DEFAULT_CONFIG_JSON};
use crate::core::i18n::catalogue;
use crate::core::i18n::problem_message;
use crate::core::model::Config;
use crate::core::model::{Named, ProviderKind};
use crate::core::place::Place;
use crate::core::search::RangeQuery;
use crate::core::session::{identity, Session};
use crate::core::text::Lang;
use crate::core::validate::{
    load_serialised, load_text, Loaded, Problem, ProblemKind, Severity, SyntaxError,
};
use crate::session_io;
use crate::state::{new_session, Action, Mode, Notice, Remote, Shared, View, WORKSHOP};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
    /// The host elements of the widgets alive on the page, to tell their users if the
    /// module ever stops on an internal error.
    pub(crate) static LIVE: RefCell<Vec<(Element, Lang)>> = const { RefCell::new(Vec::new()) };
}

/// Installs, once, a panic hook that logs the error and replaces every live widget with a
/// visible notice: an internal error must never leave a blank box.
pub(crate) fn install_crash_notice() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
            let _ = LIVE.try_with(|live| {
                if let Ok(live) = live.try_borrow() {
                    for (element, lang) in live.iter() {
                        show_crash_notice(element, *lang);
                    }
                }
            });
        }));
    });
}

/// Replaces the content of a widget's host element with a notice that it stopped.
pub fn show_crash_notice(element: &Element, lang: Lang) {
    let text = catalogue(lang);
    let Some(document) = element.owner_document() else {
        return;
    };
    let build = || -> Result<Element, JsValue> {
        let root = document.create_element("div")?;
        root.set_class_name("srm");
        root.set_attribute("lang", lang.code())?;
        let alert = document.create_element("div")?;
        alert.set_class_name("srm-alert");
        alert.set_attribute("role", "alert")?;
        let title = document.create_element("p")?;
        title.set_class_name("srm-alert-title");
        title.set_text_content(Some(text.crash_title));
        let body = document.create_element("p")?;
        body.set_text_content(Some(text.crash_body));
        alert.append_child(&title)?;
        alert.append_child(&body)?;
        root.append_child(&alert)?;
        Ok(root)
    };
    if let Ok(notice) = build() {
        element.set_text_content(None);
        let _ = element.append_child(&notice);
    }
}

/// The option `name` of a JavaScript options object (undefined when absent, or when the
/// options are not an object).
pub(crate) fn option(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The language the options ask for, else the closest ancestor's `lang`, else French.
pub(crate) fn lang_option(options: &JsValue, element: &Element) -> Lang {
    option(options, "lang")
        .as_string()
        .or_else(|| inherited_lang(element))
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Takes a mounted app out of its element: no longer told of a crash, disconnected from
/// its handle, destroyed, the element emptied. Nothing when it is gone already.
pub(crate) fn unmount<C: yew::BaseComponent>(
    app: Option<AppHandle<C>>,
    element: &Element,
    disconnect: impl FnOnce(),
) {
    if let Some(app) = app {
        LIVE.with(|live| live.borrow_mut().retain(|(e, _)| e != element));
        disconnect();
        app.destroy();
        element.set_text_content(None);
    }
}

/// A prefix for the element ids of a new instance, unique on the page.
pub(crate) fn next_uid() -> String {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id + 1);
        format!("srm{id}")
    })
}

/// A mounted widget.
#[wasm_bindgen]
pub struct WidgetHandle {
    /// The app, once rendered (after the saved work is read); none after `destroy`.
    app: Rc<RefCell<Option<AppHandle<Widget>>>>,
    /// Set by `destroy`: a render still waiting for storage does not happen.
    destroyed: Rc<Cell<bool>>,
    remote: Remote,
    element: Element,
    lang: Lang,
    loaded: Shared<Loaded>,
    on_error: Option<js_sys::Function>,
    autosave: bool,
    instance: Option<String>,
    /// The session the widget started with, until it mirrors its own.
    first_session: Rc<RefCell<Shared<Session>>>,
}

/// The session to start with for a config: the one saved in this browser when there is
/// one and it fits, else a new one; and what to tell the user about it.
async fn restore(
    config: &Config,
    autosave: bool,
    instance: Option<&str>,
    remote: &Remote,
) -> (Session, Option<Notice>) {
    if !WORKSHOP || !autosave {
        return (Session::new(config), None);
    }
    let key = session_io::storage_key(config, instance);
    match browser::stored(&key).await {
        Err(browser::StorageUnavailable) => {
            remote.send(Action::StorageFailed(true));
            (Session::new(config), None)
        }
        Ok(None) => (Session::new(config), None),
        Ok(Some(text)) => match session_io::from_text(&text, config) {
            Ok((session, _)) => {
                let orphans = session.orphans(config);
                let notice = Notice::SessionLoaded {
                    orphans,
                    saved: true,
                };
                (session, Some(notice))
            }
            Err(_) => {
                // Never overwrite what cannot be read: set it aside first.
                let backup = format!("{key}:damaged");
                let _ = browser::store(&backup, &text).await;
                (
                    Session::new(config),
                    Some(Notice::SavedSessionDamaged { backup }),
                )
            }
        },
    }
}

/// Mounts a widget in `element`. Never throws for a bad config: the widget shows what is
/// wrong, and the errors are also reported through `options.onerror` and an `srm-error`
/// event on the element.
#[wasm_bindgen]
pub fn mount(element: Element, config: JsValue, options: JsValue) -> WidgetHandle {
    let option = |name: &str| option(&options, name);
    let lang = lang_option(&options, &element);
    let on_error = option("onerror").dyn_into::<js_sys::Function>().ok();
    let mode = option("mode")
        .as_string()
        .and_then(|m| Mode::from_key(&m))
        .unwrap_or(Mode::of_build());
    // Workshops edit unless told not to; intranet pages only when asked; citizens never.
    let editable = match mode {
        Mode::Workshop | Mode::Participant => option("editable").as_bool().unwrap_or(true),
        Mode::Intranet => option("editable").as_bool().unwrap_or(false),
        Mode::Citizen => false,
    };
    let autosave = editable && option("autosave").as_bool().unwrap_or(true);
    let instance = option("storageKey")
        .as_string()
        .or_else(|| Some(element.id()).filter(|id| !id.is_empty()));
    let uid = next_uid();
    install_crash_notice();
    LIVE.with(|live| live.borrow_mut().push((element.clone(), lang)));
    let loaded = Shared::from(read_config(&config));
    let remote = Remote::default();
    let mut place = place_from_js(&option("place"));
    if let Some(view) = option("view").as_string() {
        place.view = Some(view);
    }
    let on_place = option("onplace")
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(|on_place| {
            yew::Callback::from(move |place: Place| {
                // A failing host callback must not break the widget.
                let _ = on_place.call1(&JsValue::NULL, &place_to_js(&place));
            })
        });
    let on_ready = {
        let element = element.clone();
        yew::Callback::from(move |()| emit(&element, "srm-ready", &JsValue::NULL))
    };
    let on_change = WORKSHOP.then(|| {
        let element = element.clone();
        yew::Callback::from(move |session: Shared<Session>| {
            emit(&element, "srm-change", &session_io::to_js(&*session))
        })
    });
    let first_session = Rc::new(RefCell::new(Shared::from(Session::empty())));
    let (app, destroyed) = (Rc::new(RefCell::new(None)), Rc::new(Cell::new(false)));
    // Renders the widget from its starting session (the handle's calls wait in the
    // remote's queue until then).
    let render = {
        let (element, loaded, remote) = (element.clone(), loaded.clone(), remote.clone());
        let (first_session, app, destroyed) =
            (first_session.clone(), app.clone(), destroyed.clone());
        let instance = instance.clone().map(yew::AttrValue::from);
        move |session: Session, notice: Option<Notice>, draft: Option<Contribution>| {
            if destroyed.get() {
                return;
            }
            let session = Shared::from(session);
            *first_session.borrow_mut() = session.clone();
            let props = WidgetProps {
                loaded,
                lang,
                uid: uid.into(),
                remote,
                editable,
                session: Some(session),
                notice,
                draft: draft.map(Shared::from),
                autosave,
                instance,
                mode,
                place,
                on_place,
                on_ready: Some(on_ready),
                on_change,
                #[cfg(feature = "workshop")]
                region_label: None,
            };
            let rendered = yew::Renderer::<Widget>::with_root_and_props(element, props).render();
            *app.borrow_mut() = Some(rendered);
        }
    };
    // A session handed over (the plan bundle taking over from the workshop's) starts the
    // widget as it was; else the work saved in this browser, read first (IndexedDB
    // answers asynchronously; the widget appears once it has, nothing edited before).
    let handed = option("session");
    match &loaded.config {
        Some(config) if WORKSHOP && autosave => {
            let handed = session_io::from_js(&handed, config)
                .ok()
                .filter(|_| handed.is_object());
            let (config, remote) = (config.clone(), remote.clone());
            let instance = instance.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (session, notice) = match handed {
                    Some((session, _)) => (session, None),
                    None => restore(&config, autosave, instance.as_deref(), &remote).await,
                };
                let key = session_io::draft_key(&config, instance.as_deref());
                let draft = session_io::restore_draft(&config, &key).await;
                render(session, notice, draft);
            });
        }
        Some(config) => {
            // The view build reads no session (its code is left out of it).
            let handed = (WORKSHOP && handed.is_object())
                .then(|| session_io::from_js(&handed, config).ok())
                .flatten();
            let session = handed.map_or_else(|| new_session(config), |(s, _)| s);
            render(session, None, None);
        }
        None => render(Session::empty(), None, None),
    }
    let handle = WidgetHandle {
        app,
        destroyed,
        remote,
        element,
        lang,
        loaded,
        on_error,
        autosave,
        instance,
        first_session,
    };
    handle.report_errors();
    handle
}

/// The built-in example config as JSON text, to start a config from (workshop bundle; the
/// view bundle's build ships it as `pkg/default-config.json`).
#[cfg(feature = "workshop")]
#[wasm_bindgen]
pub fn default_config_json() -> String {
    DEFAULT_CONFIG_JSON.into()
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Shows another config in place (the language and the open detail are kept). Returns
    /// its problems, like `problems()`.
    pub fn update(&mut self, config: JsValue) -> JsValue {
        self.loaded = Shared::from(read_config(&config));
        // Another territory's config brings its own saved session.
        let current = self.current_session();
        match self.loaded.config.as_ref() {
            // Another territory's config brings its own saved session: shown together,
            // once read (never the new range with the other territory's session).
            Some(config) if WORKSHOP && current.config != identity(config) => {
                let (config, loaded, remote) =
                    (config.clone(), self.loaded.clone(), self.remote.clone());
                let (autosave, instance) = (self.autosave, self.instance.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let (session, _) =
                        restore(&config, autosave, instance.as_deref(), &remote).await;
                    remote.send(Action::ReplaceConfig(loaded, Some(Shared::from(session))));
                });
            }
            _ => self
                .remote
                .send(Action::ReplaceConfig(self.loaded.clone(), None)),
        }
        self.report_errors();
        self.problems()
    }

    /// Switches the language ("fr" or "en"); the state of the widget is kept.
    pub fn set_lang(&mut self, lang: &str) {
        self.lang = Lang::from_code(lang);
        let element = &self.element;
        let lang = self.lang;
        LIVE.with(|live| {
            for entry in live.borrow_mut().iter_mut().filter(|(e, _)| e == element) {
                entry.1 = lang;
            }
        });
        self.remote.send(Action::SetLang(self.lang));
    }

    /// Shows a face of the widget: "range", or in the workshop bundle "inventory".
    /// Unknown names, and faces the mode does not have, are ignored.
    pub fn set_view(&self, view: &str) {
        if let Some(view) = View::from_key(view) {
            self.remote.send(Action::SetView(view));
        }
    }

    /// Goes to a place: `{view?, q?, tier?, kind?, service?}` (what is absent is reset).
    pub fn go_to(&self, place: JsValue) {
        self.remote.send(Action::GoTo(place_from_js(&place)));
    }

    /// Errors and warnings of the current config: `{severity, path, line?, column?, kind,
    /// message}`, the message in the widget's language.
    pub fn problems(&self) -> JsValue {
        problems_to_js(&self.loaded.problems, false, self.lang)
    }

    /// The workshop's session — every gap and coverage assessment — as a plain object, in
    /// the format of the session file.
    #[cfg(feature = "workshop")]
    pub fn inventory(&self) -> JsValue {
        let session = self.current_session();
        match &self.loaded.config {
            Some(config) => session_io::to_js(&(*session).clone().stamped(config)),
            None => session_io::to_js(&*session),
        }
    }

    /// Loads a session (an object, as `inventory()` gives, or its JSON text). Returns null
    /// when loaded, else `{kind, message}` saying why it was refused; then nothing changed.
    #[cfg(feature = "workshop")]
    pub fn load_session(&mut self, session: JsValue) -> JsValue {
        let Some(config) = &self.loaded.config else {
            return JsValue::NULL;
        };
        let read = match session.as_string() {
            Some(text) => session_io::from_text(&text, config),
            None => session_io::from_js(&session, config),
        };
        match read {
            Ok((session, _)) => {
                self.remote.send(Action::LoadSession(Shared::from(session)));
                JsValue::NULL
            }
            Err(problem) => {
                let report = js_sys::Object::new();
                let kind = serde_wasm_bindgen::to_value(&problem).ok();
                let kind = kind.and_then(|k| js_sys::Reflect::get(&k, &"kind".into()).ok());
                let _ =
                    js_sys::Reflect::set(&report, &"kind".into(), &kind.unwrap_or(JsValue::NULL));
                let message = crate::core::i18n::session_problem_message(self.lang, &problem);
                let _ = js_sys::Reflect::set(&report, &"message".into(), &message.into());
                self.remote.send(Action::RefuseSession(problem));
                report.into()
            }
        }
    }

    /// Removes the widget and frees what it holds. Calling it twice does nothing.
    pub fn destroy(&mut self) {
        self.destroyed.set(true);
        let app = self.app.borrow_mut().take();
        unmount(app, &self.element, || self.remote.disconnect());
    }
}

impl WidgetHandle {
    fn current_session(&self) -> Shared<Session> {
        self.remote
            .mirrored()
            .unwrap_or_else(|| self.first_session.borrow().clone())
    }

    fn report_errors(&self) {
        if self.loaded.errors().next().is_none() {
            return;
        }
        let errors = problems_to_js(&self.loaded.problems, true, self.lang);
        if let Some(on_error) = &self.on_error {
            // A failing host callback must not break the widget.
            let _ = on_error.call1(&JsValue::NULL, &errors);
        }
        emit(&self.element, "srm-error", &errors);
    }
}

/// A place from `{view?, q?, tier?, kind?, service?}` (strings; anything else is ignored).
fn place_from_js(value: &JsValue) -> Place {
    let field = |name: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.is_empty())
    };
    if !value.is_object() {
        return Place::default();
    }
    Place {
        view: field("view"),
        query: RangeQuery {
            text: field("q").unwrap_or_default(),
            tier: field("tier"),
            kind: field("kind").and_then(|k| ProviderKind::named(&k)),
        },
        service: field("service"),
    }
}

/// The place as `{view, q?, tier?, kind?, service?}`, leaving out what is empty.
fn place_to_js(place: &Place) -> JsValue {
    let object = js_sys::Object::new();
    let kind = place.query.kind.map(ProviderKind::name);
    let fields = [
        ("view", place.view.as_deref()),
        (
            "q",
            Some(place.query.text.as_str()).filter(|q| !q.is_empty()),
        ),
        ("tier", place.query.tier.as_deref()),
        ("kind", kind),
        ("service", place.service.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = js_sys::Reflect::set(&object, &name.into(), &value.into());
        }
    }
    object.into()
}

/// Tells the host page: an event that bubbles and crosses shadow roots.
pub(crate) fn emit(element: &Element, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = element.dispatch_event(&event);
    }
}

/// The language of the closest ancestor that declares one.
fn inherited_lang(element: &Element) -> Option<String> {
    element
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.is_empty())
}

/// Reads a config given from JavaScript: null/undefined for the built-in example (workshop
/// bundle; the view bundle says a config is needed), a JSON
/// string (problems get line and column), or an object (problems get paths only).
pub fn read_config(config: &JsValue) -> Loaded {
    if config.is_null() || config.is_undefined() {
        #[cfg(feature = "workshop")]
        return default_config();
        #[cfg(not(feature = "workshop"))]
        return Loaded {
            config: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: "$".into(),
                position: None,
                kind: ProblemKind::NoConfig,
            }],
        };
    }
    if let Some(text) = config.as_string() {
        return load_text(&text);
    }
    match js_sys::JSON::stringify(config)
        .ok()
        .and_then(|s| s.as_string())
    {
        Some(text) => load_serialised(&text),
        None => Loaded {
            config: None,
            problems: vec![Problem {
                severity: Severity::Error,
                path: "$".into(),
                position: None,
                kind: ProblemKind::Syntax {
                    error: SyntaxError::UnexpectedToken,
                },
            }],
        },
    }
}

/// Problems as plain JavaScript objects: `{severity, path, line?, column?, kind, message}`
/// plus what the kind names (`field`, `id`, `referent`, `expected`, `value`, `allowed`…).
///
/// Not generic over an iterator, so that the bundle holds one copy of it.
pub(crate) fn problems_to_js(problems: &[Problem], errors_only: bool, lang: Lang) -> JsValue {
    let list = js_sys::Array::new();
    for problem in problems.iter().filter(|p| p.is_error() || !errors_only) {
        let object = js_sys::Object::new();
        let set = |key: &str, value: JsValue| {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
        };
        let text = |s: &str| JsValue::from_str(s);
        set(
            "severity",
            text(if problem.is_error() {
                "error"
            } else {
                "warning"
            }),
        );
        set("path", text(&problem.path));
        if let Some(position) = problem.position {
            set("line", JsValue::from(position.line as u32));
            set("column", JsValue::from(position.column as u32));
        }
        let kind = match &problem.kind {
            ProblemKind::Syntax { .. } => "syntax",
            ProblemKind::WrongType { expected } => {
                set("expected", text(expected.key()));
                "wrong_type"
            }
            ProblemKind::UnknownValue { value, allowed } => {
                set("value", text(value));
                set(
                    "allowed",
                    allowed
                        .iter()
                        .map(|a| text(a))
                        .collect::<js_sys::Array>()
                        .into(),
                );
                "unknown_value"
            }
            ProblemKind::MissingField { field } => {
                set("field", text(field));
                "missing_field"
            }
            ProblemKind::UnknownField { field } => {
                set("field", text(field));
                "unknown_field"
            }
            ProblemKind::UnsupportedVersion { found } => {
                set("value", text(found));
                "unsupported_version"
            }
            ProblemKind::DuplicateKey { key } => {
                set("field", text(key));
                "duplicate_key"
            }
            ProblemKind::DuplicateId { id, first } => {
                set("id", text(id));
                set("first", text(first));
                "duplicate_id"
            }
            ProblemKind::UnknownReference { referent, id } => {
                set("referent", text(referent.key()));
                set("id", text(id));
                "unknown_reference"
            }
            ProblemKind::EmptyText => "empty_text",
            ProblemKind::OutOfRange { value, .. } => {
                set("value", text(value));
                "out_of_range"
            }
            ProblemKind::BadLink { link, value } => {
                set("link", text(link.key()));
                set("value", text(value));
                "bad_link"
            }
            ProblemKind::DuplicateOffer { provider, service } => {
                set("provider", text(provider));
                set("service", text(service));
                "duplicate_offer"
            }
            ProblemKind::EmptyTier { tier } => {
                set("id", text(tier));
                "empty_tier"
            }
            ProblemKind::NoServices => "no_services",
            ProblemKind::NoConfig => "no_config",
            ProblemKind::RelationWithItself { provider } => {
                set("provider", text(provider));
                "relation_with_itself"
            }
            ProblemKind::DuplicateRelation { providers, first } => {
                set(
                    "providers",
                    providers
                        .iter()
                        .map(|p| text(p))
                        .collect::<js_sys::Array>()
                        .into(),
                );
                set("first", text(first));
                "duplicate_relation"
            }
            ProblemKind::TargetBelowLevel { level, target } => {
                set("level", text(level));
                set("target", text(target));
                "target_below_level"
            }
            ProblemKind::ReservedId { id } => {
                set("id", text(id));
                "reserved_id"
            }
        };
        set("kind", text(kind));
        set("message", text(&problem_message(lang, problem)));
        list.push(&object);
    }
    list.into()
}
