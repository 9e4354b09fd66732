//! The state of one widget instance and the only way it changes: a reducer over
//! [`Action`]s. The JavaScript handle reaches the reducer through a [`Remote`].

use crate::core::comparison::decide;
use crate::core::continuum::{indicators, scale, Indicators, Network};
use crate::core::contribution::{
    gather, too_large, Contribution, Contributor, ContributorEdit, Decision, FileOutcome, Item,
    RatingEdit,
};
use crate::core::figures::{range, TierSummary};
use crate::core::gaps::{Coverage, Gap, GapTarget, Perspective};
use crate::core::inventory::{Filter, Sort};
use crate::core::model::Level;
use crate::core::model::{Config, Provider};
use crate::core::place::Place;
use crate::core::search::{haystacks, RangeQuery};
use crate::core::session::{Orphans, RelationEdit, Session, SessionProblem};
use crate::core::text::Lang;
use crate::core::validate::Loaded;
pub use crate::plan_state::{ActionFormOpen, PlanFace, PlanGroup, PlanStep};
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

/// The config a [`Loaded`] holds, shared with it rather than copied (a config of thousands
/// of services takes milliseconds to copy). Only made from a `Loaded` that has a config.
#[derive(Debug)]
pub struct LoadedConfig(Shared<Loaded>);

impl std::ops::Deref for LoadedConfig {
    type Target = Config;
    fn deref(&self) -> &Config {
        self.0
            .config
            .as_ref()
            .expect("made only from a loaded config")
    }
}

/// A config ready to show, with its range computed once.
#[derive(Debug)]
pub struct Prepared {
    pub config: LoadedConfig,
    pub range: Vec<TierSummary>,
    /// Each service's id as a list key, shared rather than copied at every render; made
    /// at the first render of workshop cards (the citizens' cards need no keys).
    keys: std::cell::OnceCell<Vec<Rc<str>>>,
    /// What each service can be found by (see [`crate::core::search`]), built at the first
    /// search: folding every text of thousands of services would slow every mount.
    haystacks: std::cell::OnceCell<Vec<String>>,
    /// The providers' positions in the order of their ids, sorted at the first card shown:
    /// finding a provider by looking through thousands, for each offer on each card, took
    /// longer than making the cards.
    providers_by_id: std::cell::OnceCell<Vec<usize>>,
    /// The relations the config lists, built on first use: each change of the session
    /// applies its edits to a copy rather than reading thousands of relations again.
    #[cfg(feature = "workshop")]
    network: std::cell::OnceCell<Network>,
}

impl Prepared {
    /// The list key of the service at `index` in the config.
    pub fn key(&self, index: usize) -> Rc<str> {
        let keys = self.keys.get_or_init(|| {
            let services = &self.config.services;
            services.iter().map(|s| Rc::from(s.id.as_str())).collect()
        });
        keys[index].clone()
    }

    pub fn haystacks(&self) -> &[String] {
        self.haystacks.get_or_init(|| haystacks(&self.config))
    }

    /// The provider with this id, if the config has one.
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        let providers = &self.config.providers;
        let by_id = self.providers_by_id.get_or_init(|| {
            let mut order: Vec<usize> = (0..providers.len()).collect();
            order.sort_by(|&a, &b| providers[a].id.cmp(&providers[b].id));
            order
        });
        let found = by_id.binary_search_by(|&p| providers[p].id.as_str().cmp(id));
        found.ok().map(|i| &providers[by_id[i]])
    }

    /// The config's relations as `session` leaves them.
    pub fn network(&self, session: &Session) -> Network {
        #[cfg(feature = "workshop")]
        return self
            .network
            .get_or_init(|| Network::of_config(&self.config))
            .with_edits(&self.config, session);
        // The citizens' build never shows relations: nothing to keep.
        #[cfg(not(feature = "workshop"))]
        Network::build(&self.config, session)
    }
}

/// The faces of the widget: the range, the inventory, and the three views of the
/// continuum of collaboration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Range,
    Inventory,
    Continuum,
    Matrix,
    Network,
    /// The participants' views compared, and the group's decisions.
    Perspectives,
    /// A participant's own ratings (the only face of participant mode; the facilitator's
    /// turns).
    Contribute,
    /// The action plan (the plan bundle's; the workshop bundle asks the page for it).
    Plan,
    /// The milestones and the comparison of two of them.
    Milestones,
    /// The indicators over every milestone.
    Dashboard,
}

impl View {
    /// The name in the DOM (`data-view`), attributes, options and URLs.
    pub fn key(self) -> &'static str {
        match self {
            View::Range => "range",
            View::Inventory => "inventory",
            View::Continuum => "continuum",
            View::Matrix => "matrix",
            View::Network => "network",
            View::Perspectives => "perspectives",
            View::Contribute => "contribute",
            View::Plan => "plan",
            View::Milestones => "milestones",
            View::Dashboard => "dashboard",
        }
    }
}

impl View {
    pub const ALL: [View; 10] = [
        View::Range,
        View::Inventory,
        View::Continuum,
        View::Matrix,
        View::Network,
        View::Perspectives,
        View::Contribute,
        View::Plan,
        View::Milestones,
        View::Dashboard,
    ];

    /// One of the faces of the plan followed over time.
    pub fn is_plan(self) -> bool {
        matches!(self, View::Plan | View::Milestones | View::Dashboard)
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// Who the widget is for: citizens get a read-only guide, staff an overview, workshops
/// every tool, a workshop's participants only what they rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    Citizen,
    Intranet,
    #[default]
    Workshop,
    Participant,
}

impl Mode {
    /// `citizen`, `intranet` or `workshop`; anything else is the build's default.
    pub fn from_key(key: &str) -> Option<Mode> {
        match key {
            "citizen" => Some(Mode::Citizen),
            "intranet" => Some(Mode::Intranet),
            "workshop" => Some(Mode::Workshop),
            "participant" => Some(Mode::Participant),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Mode::Citizen => "citizen",
            Mode::Intranet => "intranet",
            Mode::Workshop => "workshop",
            Mode::Participant => "participant",
        }
    }

    /// The mode of a build when none is asked for: the view build is the citizens' guide.
    pub fn of_build() -> Mode {
        if WORKSHOP {
            Mode::Workshop
        } else {
            Mode::Citizen
        }
    }
}

/// The person adding gaps in a workshop: their name and perspective stamp each new gap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub perspective: Option<Perspective>,
}

/// The gap form, when open: what the gap is about, and the gap edited (none: a new one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapForm {
    pub target: GapTarget,
    pub editing: Option<String>,
    /// Who is adding the gap (stamps a new one).
    pub by: Participant,
}

/// A message shown above the widget's content until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A session file or the saved session was loaded; some of it may have lost its place.
    SessionLoaded { orphans: Orphans, saved: bool },
    /// A session file was refused; nothing changed.
    SessionRefused(SessionProblem),
    /// A saved session could not be restored; it was set aside under `backup`.
    SavedSessionDamaged { backup: String },
    /// A new, empty session was started.
    NewSession,
}

/// True in the workshop build: the editing tools are compiled in. In the view build every
/// branch that tests it is removed at compile time, and the bundle with it.
pub const WORKSHOP: bool = cfg!(feature = "workshop");

/// True in the plan build: the plan's faces are compiled in. The workshop build keeps the
/// plan in its sessions (nothing lost) but shows its faces only once the page has loaded
/// the plan bundle.
pub const PLAN: bool = cfg!(feature = "plan");

/// How many changes undo remembers.
const HISTORY: usize = 200;

/// Everything one widget instance shows.
#[derive(Clone, Debug)]
pub struct WidgetState {
    pub lang: Lang,
    /// Every problem of the current config (errors and warnings).
    pub loaded: Shared<Loaded>,
    /// The config when it has no error, with its derived range.
    pub prepared: Option<Shared<Prepared>>,
    /// Index of the service whose detail is open.
    pub open_service: Option<usize>,
    /// False: read-only, no editing control anywhere.
    pub editable: bool,
    pub view: View,
    /// The workshop's gaps and assessments.
    pub session: Shared<Session>,
    undo: Vec<Shared<Session>>,
    redo: Vec<Shared<Session>>,
    pub form: Option<GapForm>,
    /// The pair whose relation is being edited (provider ids).
    pub relation_form: Option<[String; 2]>,
    pub confirm_new_session: bool,
    pub filter: Filter,
    pub sort: Sort,
    pub notice: Option<Notice>,
    /// True when the last autosave failed (storage full, blocked or missing).
    pub storage_failed: bool,
    pub mode: Mode,
    /// What the range is narrowed to (search words, tier, provider kind).
    pub query: RangeQuery,
    /// Large type for a projector (workshop mode).
    pub projector: bool,
    pub participant: Participant,
    /// The contribution being entered: the participant's own (participant mode), or the
    /// one of the participant whose turn it is at the facilitator's machine.
    pub draft: Option<Shared<Contribution>>,
    /// What the last gathering of contribution files did, file by file.
    pub gathered: Shared<Vec<FileOutcome>>,
    /// The item whose decision form is open.
    pub deciding: Option<Item>,
    /// The plan's faces: the action form, the grouping, the milestones compared.
    pub plan: PlanFace,
}

impl WidgetState {
    pub fn new(loaded: Shared<Loaded>, lang: Lang) -> WidgetState {
        let prepared = prepare(&loaded);
        let session = Shared::from(match &loaded.config {
            Some(config) => new_session(config),
            None => Session::empty(),
        });
        WidgetState {
            lang,
            loaded,
            prepared,
            open_service: None,
            editable: true,
            view: View::Range,
            session,
            undo: Vec::new(),
            redo: Vec::new(),
            form: None,
            relation_form: None,
            confirm_new_session: false,
            filter: Filter::default(),
            sort: Sort::default(),
            notice: None,
            storage_failed: false,
            mode: Mode::of_build(),
            query: RangeQuery::default(),
            projector: false,
            participant: Participant::default(),
            draft: None,
            gathered: Shared::from(Vec::new()),
            deciding: None,
            plan: PlanFace::default(),
        }
    }

    /// In this mode: citizens never edit, and the view build has no workshop mode.
    pub fn in_mode(mut self, mode: Mode) -> WidgetState {
        self.mode = if WORKSHOP { mode } else { Mode::Citizen };
        if self.mode == Mode::Citizen {
            self.editable = false;
        }
        if self.mode == Mode::Participant {
            self.view = View::Contribute;
        }
        self
    }

    /// With a contribution being entered (restored from storage); participant mode
    /// starts one when none was kept.
    pub fn with_draft(mut self, draft: Option<Contribution>) -> WidgetState {
        let fresh = || {
            let prepared = self.prepared.as_ref().filter(|_| WORKSHOP)?;
            (self.mode == Mode::Participant).then(|| fresh_draft(&prepared.config, None))
        };
        self.draft = draft.or_else(fresh).map(Shared::from);
        self
    }

    /// Who a new gap is from: the participant whose contribution is entered, else the
    /// workshop's participant.
    fn author(&self) -> Participant {
        match &self.draft {
            Some(draft) if self.contributing() => Participant {
                name: draft.participant.name.clone(),
                perspective: Some(draft.participant.perspective),
            },
            _ => self.participant.clone(),
        }
    }

    /// True when the participant's face shows (and gaps go to the contribution).
    pub fn contributing(&self) -> bool {
        self.view == View::Contribute && self.draft.is_some()
    }

    /// At a place (from the URL or the host): its view, search and open service; what
    /// does not exist here is ignored.
    pub fn at(mut self, place: &Place) -> WidgetState {
        // No view named: the range, the first face (as `place()` writes it).
        let view = place.view.as_deref().and_then(View::from_key);
        self.view = match self.mode {
            Mode::Participant => View::Contribute,
            // The turns' form opens from the comparison only, never from a link.
            _ => view
                .filter(|v| self.tools() || *v == View::Range)
                .filter(|v| *v != View::Contribute)
                .unwrap_or(View::Range),
        };
        self.query = place.query.clone();
        self.open_service = place.service.as_ref().and_then(|id| {
            let prepared = self.prepared.as_ref()?;
            prepared.config.services.iter().position(|s| s.id == *id)
        });
        self
    }

    /// Where the person is, to write in the URL.
    pub fn place(&self) -> Place {
        let service = self
            .open_service
            .zip(self.prepared.as_ref())
            .map(|(i, p)| p.config.services[i].id.clone());
        Place {
            view: Some(self.view.key().to_string())
                .filter(|_| !matches!(self.view, View::Range | View::Contribute)),
            query: self.query.clone(),
            service,
        }
    }

    /// True when the workshop tools (views, exports, sessions) are shown at all.
    pub fn tools(&self) -> bool {
        WORKSHOP && matches!(self.mode, Mode::Intranet | Mode::Workshop)
    }

    /// Starts from a session (restored from storage), read-only or editable.
    pub fn with_session(
        mut self,
        session: Shared<Session>,
        editable: bool,
        notice: Option<Notice>,
    ) -> WidgetState {
        self.session = session;
        self.editable = editable && WORKSHOP && self.mode != Mode::Citizen;
        if self.mode == Mode::Participant {
            self.editable = WORKSHOP;
        }
        self.notice = notice;
        self
    }

    pub fn can_undo(&self) -> bool {
        self.editable && !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        self.editable && !self.redo.is_empty()
    }

    /// Records a change of session, so that it can be undone.
    pub(crate) fn change(&mut self, next: Session) {
        let previous = std::mem::replace(&mut self.session, Shared::from(next));
        self.undo.push(previous);
        if self.undo.len() > HISTORY {
            self.undo.remove(0);
        }
        self.redo.clear();
    }
}

/// A new, empty contribution, with an id of its own (the time and a random part: two
/// participants' devices never make the same).
fn fresh_draft(config: &Config, like: Option<&Contributor>) -> Contribution {
    let now = crate::browser::now_iso();
    let participant = like.cloned().unwrap_or(Contributor {
        name: String::new(),
        organisation: None,
        perspective: Perspective::PersonUsingServices,
    });
    Contribution::new(config, crate::browser::fresh_id(), participant, &now)
}

/// Adds a gap, or replaces the one with its id (the session's gaps or a contribution's).
fn put_gap(gaps: &mut Vec<Gap>, gap: Gap) {
    match gaps.iter_mut().find(|g| g.id == gap.id) {
        Some(existing) => *existing = gap,
        None => gaps.push(gap),
    }
}

/// The draft after a change, stamped with the time (a newer file replaces an older one
/// when gathered).
fn touched(draft: &Contribution, change: impl FnOnce(&mut Contribution)) -> Contribution {
    let mut next = draft.clone();
    change(&mut next);
    next.modified = crate::browser::now_iso().max(draft.modified.clone());
    next
}

/// A new session for `config`; the citizens' build keeps none (no need to fingerprint a
/// large config there).
pub fn new_session(config: &Config) -> Session {
    match WORKSHOP {
        true => Session::new(config),
        false => Session::empty(),
    }
}

fn prepare(loaded: &Shared<Loaded>) -> Option<Shared<Prepared>> {
    let config = loaded.config.as_ref()?;
    Some(Shared::from(Prepared {
        config: LoadedConfig(loaded.clone()),
        range: range(config),
        keys: std::cell::OnceCell::new(),
        haystacks: std::cell::OnceCell::new(),
        providers_by_id: std::cell::OnceCell::new(),
        #[cfg(feature = "workshop")]
        network: std::cell::OnceCell::new(),
    }))
}

/// Every change a widget can go through.
#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    /// A new config (or the same one read again); the open detail stays open when its
    /// service still exists. With a session: the config belongs elsewhere, switch to it.
    ReplaceConfig(Shared<Loaded>, Option<Shared<Session>>),
    OpenService(usize),
    CloseDetail,
    SetView(View),
    /// Opens the gap form for a new gap on this target.
    NewGap(GapTarget),
    /// Opens the gap form on an existing gap.
    EditGap(String),
    CloseGapForm,
    /// Adds the gap, or replaces the one with its id.
    SaveGap(Gap),
    DeleteGap(String),
    /// Sets the assessed coverage of a service (none: back to what the offers suggest).
    SetCoverage(String, Option<Coverage>),
    /// Opens the relation form on a pair of providers (ids).
    EditRelation([String; 2]),
    CloseRelationForm,
    /// Sets the workshop's relation of a pair (none: back to the config's).
    SaveRelation([String; 2], Option<RelationEdit>),
    Undo,
    Redo,
    /// Loads a session already checked against the config.
    LoadSession(Shared<Session>),
    RefuseSession(SessionProblem),
    AskNewSession,
    CancelNewSession,
    /// Starts an empty session (undo brings the previous one back).
    NewSession,
    SetFilter(Filter),
    SetSort(Sort),
    StorageFailed(bool),
    DismissNotice,
    /// Narrows the range (search, tier, provider kind).
    SetQuery(RangeQuery),
    /// Large type on or off (workshop mode).
    SetProjector(bool),
    SetParticipant(Participant),
    /// Goes to a place (the URL changed).
    GoTo(Place),
    /// Who gives the contribution being entered.
    EditContributor(ContributorEdit),
    /// A service's coverage as the participant sees it (none: not rated).
    RateService(String, Option<Coverage>),
    /// The participant's organisation's relation with a provider.
    RateRelation(String, RatingEdit),
    /// The facilitator starts entering contributions in turns.
    StartTurns,
    /// The contribution entered is added to the session; the next participant starts.
    NextParticipant,
    /// The turns end (the contribution entered, if any, added); back to the comparison.
    EndTurns,
    /// Starts the participant's contribution over (a new one, same participant).
    ClearDraft,
    /// Contribution files read (name, text), to gather into the session, and those too
    /// large to read (name, size).
    Gather(Vec<(String, String)>, Vec<(String, usize)>),
    /// Takes a contribution (by id) out of the session.
    RemoveContribution(String),
    OpenDecision(Item),
    CloseDecision,
    /// Records the group's decision and makes it the session's value.
    Decide(Decision),
    /// Names hidden (participants shown by perspective and organisation).
    SetPrivacy(bool),
    /// A step of the action plan or its milestones.
    Plan(PlanStep),
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let editing = WORKSHOP && self.editable && self.prepared.is_some();
        match action {
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                next.lang = lang;
            }
            Action::ReplaceConfig(loaded, session) => {
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
                if let Some(session) = session {
                    next.session = session;
                    next.undo.clear();
                    next.redo.clear();
                    next.form = None;
                }
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
            Action::SetView(view) => {
                if view == self.view || (!self.tools() && view != View::Range) {
                    return self;
                }
                next.view = view;
            }
            Action::NewGap(target) if editing => {
                next.form = Some(GapForm {
                    target,
                    editing: None,
                    by: self.author(),
                });
            }
            Action::EditGap(id) if editing => {
                let gaps = match &self.draft {
                    Some(draft) if self.contributing() => &draft.gaps,
                    _ => &self.session.gaps,
                };
                let Some(gap) = gaps.iter().find(|g| g.id == id) else {
                    return self;
                };
                next.form = Some(GapForm {
                    target: gap.target.clone(),
                    editing: Some(id),
                    by: self.author(),
                });
            }
            Action::CloseGapForm if WORKSHOP => {
                if self.form.is_none() {
                    return self;
                }
                next.form = None;
            }
            Action::SaveGap(gap) if editing && self.contributing() => {
                let draft = self.draft.as_ref().expect("contributing");
                next.draft = Some(Shared::from(touched(draft, |d| put_gap(&mut d.gaps, gap))));
                next.form = None;
            }
            Action::DeleteGap(id) if editing && self.contributing() => {
                let draft = self.draft.as_ref().expect("contributing");
                next.draft = Some(Shared::from(touched(draft, |d| {
                    d.gaps.retain(|g| g.id != id)
                })));
            }
            Action::SaveGap(gap) if editing => {
                let mut session = (*self.session).clone();
                put_gap(&mut session.gaps, gap);
                next.change(session);
                next.form = None;
            }
            Action::DeleteGap(id) if editing => {
                let config = &self.prepared.as_ref().expect("editing").config;
                let mut session = (*self.session).clone();
                // Actions that addressed the gap keep a note of it.
                let now = crate::browser::now_iso();
                if crate::core::plan::remove_gap(config, &mut session, &id, self.lang, &now)
                    .is_none()
                {
                    return self;
                }
                next.change(session);
            }
            Action::SetCoverage(service, coverage) if editing => {
                let mut session = (*self.session).clone();
                match coverage {
                    Some(c) => session.coverage.insert(service, c),
                    None => session.coverage.remove(&service),
                };
                if session == *self.session {
                    return self;
                }
                next.change(session);
            }
            Action::EditRelation(pair) if editing => {
                next.relation_form = Some(pair);
            }
            Action::CloseRelationForm if WORKSHOP => {
                if self.relation_form.is_none() {
                    return self;
                }
                next.relation_form = None;
            }
            Action::SaveRelation([a, b], edit) if editing => {
                let mut session = (*self.session).clone();
                session.set_relation((&a, &b), edit);
                next.relation_form = None;
                if session != *self.session {
                    next.change(session);
                }
            }
            Action::Undo if WORKSHOP && self.can_undo() => {
                let previous = next.undo.pop().expect("can_undo");
                let current = std::mem::replace(&mut next.session, previous);
                next.redo.push(current);
                next.form = None;
                next.relation_form = None;
                next.deciding = None;
            }
            Action::Redo if WORKSHOP && self.can_redo() => {
                let following = next.redo.pop().expect("can_redo");
                let current = std::mem::replace(&mut next.session, following);
                next.undo.push(current);
                next.form = None;
                next.relation_form = None;
                next.deciding = None;
            }
            // The host page may load a session into a read-only widget too.
            Action::LoadSession(session) if WORKSHOP && self.prepared.is_some() => {
                let config = &self.prepared.as_ref().expect("checked").config;
                let orphans = session.orphans(config);
                next.change((*session).clone());
                next.notice = Some(Notice::SessionLoaded {
                    orphans,
                    saved: false,
                });
                next.form = None;
            }
            Action::RefuseSession(problem) if WORKSHOP => {
                next.notice = Some(Notice::SessionRefused(problem));
            }
            Action::AskNewSession if editing => {
                next.confirm_new_session = true;
            }
            Action::CancelNewSession if WORKSHOP => {
                if !self.confirm_new_session {
                    return self;
                }
                next.confirm_new_session = false;
            }
            Action::NewSession if editing => {
                let config = &self.prepared.as_ref().expect("editing").config;
                next.change(Session::new(config));
                next.confirm_new_session = false;
                next.notice = Some(Notice::NewSession);
            }
            Action::SetFilter(filter) if WORKSHOP => {
                next.filter = filter;
            }
            Action::SetSort(sort) if WORKSHOP => {
                next.sort = sort;
            }
            Action::StorageFailed(failed) if WORKSHOP => {
                if failed == self.storage_failed {
                    return self;
                }
                next.storage_failed = failed;
            }
            Action::DismissNotice if WORKSHOP => {
                if self.notice.is_none() {
                    return self;
                }
                next.notice = None;
            }
            Action::SetQuery(query) => {
                if query == self.query {
                    return self;
                }
                next.query = query;
            }
            Action::SetProjector(on) if WORKSHOP && self.mode == Mode::Workshop => {
                if on == self.projector {
                    return self;
                }
                next.projector = on;
            }
            Action::GoTo(place) => {
                let moved = (*self).clone().at(&place);
                if moved.place() == self.place() {
                    return self;
                }
                next = moved;
            }
            Action::SetParticipant(participant) if editing => {
                next.participant = participant;
            }
            Action::EditContributor(edit) if editing => {
                let Some(draft) = &self.draft else {
                    return self;
                };
                next.draft = Some(Shared::from(touched(draft, |d| d.edit_contributor(edit))));
            }
            Action::RateService(service, coverage) if editing => {
                let Some(draft) = &self.draft else {
                    return self;
                };
                if draft.coverage.get(&service) == coverage.as_ref() {
                    return self;
                }
                next.draft = Some(Shared::from(touched(draft, |d| match coverage {
                    Some(c) => {
                        d.coverage.insert(service, c);
                    }
                    None => {
                        d.coverage.remove(&service);
                    }
                })));
            }
            Action::RateRelation(with, edit) if editing => {
                let Some(draft) = &self.draft else {
                    return self;
                };
                next.draft = Some(Shared::from(touched(draft, |d| {
                    d.edit_relation(&with, edit)
                })));
            }
            Action::StartTurns if editing && self.mode == Mode::Workshop => {
                let config = &self.prepared.as_ref().expect("editing").config;
                if self.draft.is_none() {
                    next.draft = Some(Shared::from(fresh_draft(config, None)));
                }
                next.view = View::Contribute;
            }
            Action::NextParticipant | Action::EndTurns
                if editing && self.mode == Mode::Workshop && self.draft.is_some() =>
            {
                let config = &self.prepared.as_ref().expect("editing").config;
                let draft = (**self.draft.as_ref().expect("checked")).clone();
                if !draft.is_empty() {
                    let mut session = (*self.session).clone();
                    Rc::make_mut(&mut session.contributions).push(draft);
                    next.change(session);
                }
                next.form = None;
                if matches!(action, Action::NextParticipant) {
                    next.draft = Some(Shared::from(fresh_draft(config, None)));
                } else {
                    next.draft = None;
                    next.view = View::Perspectives;
                }
            }
            Action::ClearDraft if editing => {
                let config = &self.prepared.as_ref().expect("editing").config;
                let like = self.draft.as_ref().map(|d| d.participant.clone());
                next.draft = Some(Shared::from(fresh_draft(config, like.as_ref())));
                next.form = None;
            }
            Action::Gather(files, too_big) if editing && self.tools() => {
                let config = &self.prepared.as_ref().expect("editing").config;
                let (session, mut outcomes) = gather(config, &self.session, &files);
                outcomes.extend(too_big.iter().map(|(file, bytes)| too_large(file, *bytes)));
                if session != *self.session {
                    next.change(session);
                }
                next.gathered = Shared::from(outcomes);
            }
            Action::RemoveContribution(id) if editing && self.tools() => {
                // Looked for first: taking none out must not copy every contribution.
                if !self.session.contributions.iter().any(|c| c.id == id) {
                    return self;
                }
                let mut session = (*self.session).clone();
                Rc::make_mut(&mut session.contributions).retain(|c| c.id != id);
                next.change(session);
            }
            Action::OpenDecision(item) if editing && self.tools() => {
                next.deciding = Some(item);
            }
            Action::CloseDecision if WORKSHOP => {
                if self.deciding.is_none() {
                    return self;
                }
                next.deciding = None;
            }
            Action::Decide(decision) if editing && self.tools() => {
                let config = &self.prepared.as_ref().expect("editing").config;
                let session = decide(config, &self.session, decision);
                // A decision that cannot apply leaves the session as it was: no undo step.
                if session != *self.session {
                    next.change(session);
                }
                next.deciding = None;
            }
            Action::SetPrivacy(on) if editing && self.tools() => {
                if on == self.session.privacy {
                    return self;
                }
                let mut session = (*self.session).clone();
                session.privacy = on;
                next.change(session);
            }
            Action::Plan(step) if PLAN && self.tools() && self.prepared.is_some() => {
                if !self.plan_step(&mut next, step, editing) {
                    return self;
                }
            }
            // Editing actions in a read-only widget, with no config, or in the view build,
            // change nothing.
            _ => return self,
        }
        Rc::new(next)
    }
}

/// The way in from outside Yew (the JavaScript handle): actions sent before the widget
/// has rendered once wait in a queue and are applied in order when it connects. The widget
/// mirrors what the handle reads here (its current session; the editor's draft).
pub struct Remote<A = Action, M = Shared<Session>>(Rc<RefCell<RemoteInner<A, M>>>);

struct RemoteInner<A, M> {
    dispatch: Option<Callback<A>>,
    pending: Vec<A>,
    mirrored: Option<M>,
}

impl<A, M> Default for Remote<A, M> {
    fn default() -> Self {
        Remote(Rc::new(RefCell::new(RemoteInner {
            dispatch: None,
            pending: Vec::new(),
            mirrored: None,
        })))
    }
}

impl<A, M> Clone for Remote<A, M> {
    fn clone(&self) -> Self {
        Remote(Rc::clone(&self.0))
    }
}

impl<A, M> PartialEq for Remote<A, M> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<A: 'static, M: Clone> Remote<A, M> {
    pub fn send(&self, action: A) {
        let dispatch = self.0.borrow().dispatch.clone();
        match dispatch {
            Some(dispatch) => dispatch.emit(action),
            None => self.0.borrow_mut().pending.push(action),
        }
    }

    /// Connects the widget's reducer and applies what was sent before.
    pub fn connect(&self, dispatch: Callback<A>) {
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

    /// Records the widget's current state (its session, the editor's draft).
    pub fn mirror(&self, state: M) {
        self.0.borrow_mut().mirrored = Some(state);
    }

    /// The widget's current state, once it has rendered.
    pub fn mirrored(&self) -> Option<M> {
        self.0.borrow().mirrored.clone()
    }
}

/// The continuum of a config as the session leaves it: the relations, the scale and the
/// indicators, computed once per change of config or session.
#[derive(Debug, PartialEq)]
pub struct Collaboration {
    pub network: Network,
    /// Level 0 first.
    pub scale: Vec<Level>,
    pub indicators: Indicators,
}

/// The [`Collaboration`] of a config and session, recomputed only when either changes.
#[hook]
pub fn use_collaboration(
    prepared: &Shared<Prepared>,
    session: &Shared<Session>,
) -> Shared<Collaboration> {
    let memo = use_memo(
        (prepared.clone(), session.clone()),
        |(prepared, session)| {
            let network = prepared.network(session);
            Shared::from(Collaboration {
                indicators: indicators(&network),
                scale: scale(&prepared.config),
                network,
            })
        },
    );
    (*memo).clone()
}
