//! The root of one widget instance: owns its state (a reducer), connects the JavaScript
//! handle, autosaves the session, takes the undo and redo shortcuts, and shows either the
//! range or the inventory — or what is wrong with the config.

use super::{
    config_problems, history_key, service_detail, territory_header, ActionForm,
    ConfigProblemsProps, ConfirmNewSession, ContinuumView, ContributeView, DashboardView, GapForm,
    HistoryKey, InventoryView, MilestonesView, NetworkView, NoticeBar, PartnerMatrix,
    PerspectivesView, PlanNeeded, PlanTabs, PlanView, RangeView, RelationForm, ServiceDetailProps,
    TerritoryHeaderProps, Toolbar, WorkshopBar,
};
use crate::browser;
use crate::core::comparison::{compare, Comparison};
use crate::core::contribution::Contribution;
use crate::core::i18n::catalogue;
use crate::core::place::Place;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::core::validate::Loaded;
use crate::session_io;
use crate::state::{
    Action, Mode, Notice, Prepared, Remote, Shared, View, WidgetState, PLAN, WORKSHOP,
};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The config as first read (later ones arrive through the remote).
    pub loaded: Shared<Loaded>,
    #[prop_or_default]
    pub lang: Lang,
    /// Prefix for element ids, unique per instance on the page.
    pub uid: AttrValue,
    #[prop_or_default]
    pub remote: Remote,
    /// False: read-only, no editing control.
    #[prop_or(true)]
    pub editable: bool,
    /// The session to start from (restored from storage); none: an empty one.
    #[prop_or_default]
    pub session: Option<Shared<Session>>,
    /// What the widget should say on start (a restored or unreadable saved session).
    #[prop_or_default]
    pub notice: Option<Notice>,
    /// The contribution being entered, restored from storage (participant mode, turns).
    #[prop_or_default]
    pub draft: Option<Shared<Contribution>>,
    /// Autosave to the browser's storage (off in read-only widgets and tests).
    #[prop_or_default]
    pub autosave: bool,
    /// Keeps the saved work of widgets of the same config on one page apart.
    #[prop_or_default]
    pub instance: Option<AttrValue>,
    /// Who the widget is for (the view build is always the citizens' guide).
    #[prop_or(Mode::of_build())]
    pub mode: Mode,
    /// Where to open (the face, a search, a service).
    #[prop_or_default]
    pub place: Place,
    /// Told where the person is after every move (for a link that reopens the place).
    #[prop_or_default]
    pub on_place: Option<Callback<Place>>,
    /// Told once, after the first render.
    #[prop_or_default]
    pub on_ready: Option<Callback<()>>,
    /// Told after every change of the session (a gap, an assessment, undo, a load…), with
    /// the session stamped with the config's version.
    #[prop_or_default]
    pub on_change: Option<Callback<Shared<Session>>>,
    /// The name of the widget's region when it is not the range's (the editor's preview).
    #[cfg(feature = "workshop")]
    #[prop_or_default]
    pub region_label: Option<AttrValue>,
}

/// The callbacks children receive, made once per widget so that they stay equal and
/// children with unchanged data do not re-render.
struct Callbacks {
    on_action: Callback<Action>,
    on_lang: Callback<Lang>,
    on_open: Callback<usize>,
    on_close: Callback<()>,
}

/// A callback that sends the action made from its value.
fn relay<T: 'static>(on_action: &Callback<Action>, make: fn(T) -> Action) -> Callback<T> {
    let on_action = on_action.clone();
    Callback::from(move |value| on_action.emit(make(value)))
}

/// What a widget keeps for contributions: the comparison, computed once per change of them,
/// and the gaps the gap form adds to (the contribution's while one is entered).
struct Contributions {
    comparisons: Rc<RefCell<ComparisonCache>>,
    gap_home: Shared<Session>,
}

/// The hooks of contributions: the contribution being entered kept as it changes
/// (participant mode, turns), the comparison kept while the contributions do not change
/// (a decision, or the view left and opened again, does not compute it again), the gap
/// form's home. The view build has no contributions, and none of these hooks.
#[hook]
fn use_contributions(
    state: &UseReducerHandle<WidgetState>,
    autosave: bool,
    instance: Option<AttrValue>,
) -> Contributions {
    #[cfg(feature = "workshop")]
    {
        let dispatcher = state.dispatcher();
        let loaded = state.loaded.clone();
        use_effect_with(state.draft.clone(), move |draft| {
            // The key is found when a draft changes, not at every render.
            let key = draft_key(&loaded, autosave, instance.as_deref());
            if let (Some(key), Some(draft)) = (key, draft.clone()) {
                save_soon(key, draft, dispatcher);
            }
        });
        let comparisons = use_mut_ref(|| None);
        let (draft, session) = (state.draft.clone(), state.session.clone());
        let contributing = state.contributing();
        let gap_home = use_memo(
            (draft, session, contributing),
            |(draft, session, contributing)| match draft.as_ref().filter(|_| *contributing) {
                Some(draft) => Shared::from(Session {
                    gaps: draft.gaps.clone(),
                    ..Session::empty()
                }),
                None => session.clone(),
            },
        );
        Contributions {
            comparisons,
            gap_home: (*gap_home).clone(),
        }
    }
    #[cfg(not(feature = "workshop"))]
    {
        let _ = (autosave, instance);
        Contributions {
            comparisons: Rc::default(),
            gap_home: state.session.clone(),
        }
    }
}

/// Saves work (the session, a contribution) under `key` right after the page shows the
/// change, not before: a large session takes a few milliseconds to write, which an edit
/// should not wait for. The widget hears whether storage took it.
fn save_soon<T: serde::Serialize + 'static>(
    key: String,
    work: Shared<T>,
    dispatcher: UseReducerDispatcher<WidgetState>,
) {
    browser::soon(move || {
        let text = session_io::to_text(&*work, false);
        // IndexedDB writes in order: a later save never lands before an earlier one.
        wasm_bindgen_futures::spawn_local(async move {
            let saved = browser::store(&key, &text).await;
            dispatcher.dispatch(Action::StorageFailed(saved.is_err()));
        });
    });
}

/// A comparison computed once: (config, contributions) -> comparison.
type ComparisonCache = Option<(Shared<Prepared>, Rc<Vec<Contribution>>, Shared<Comparison>)>;

/// The comparison of the session's contributions, from the cache when they are the same.
fn cached_comparison(
    cache: &RefCell<ComparisonCache>,
    prepared: &Shared<Prepared>,
    session: &Session,
) -> Shared<Comparison> {
    let mut cache = cache.borrow_mut();
    match &*cache {
        Some((p, c, comparison)) if p == prepared && Rc::ptr_eq(c, &session.contributions) => {
            comparison.clone()
        }
        _ => {
            let comparison = Shared::from(compare(&prepared.config, session));
            *cache = Some((
                prepared.clone(),
                Rc::clone(&session.contributions),
                comparison.clone(),
            ));
            comparison
        }
    }
}

/// Where the contribution being entered is kept, when the widget autosaves.
#[cfg(feature = "workshop")]
fn draft_key(loaded: &Loaded, autosave: bool, instance: Option<&str>) -> Option<String> {
    let config = loaded.config.as_ref().filter(|_| WORKSHOP && autosave)?;
    Some(session_io::draft_key(config, instance))
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let state = {
        let (loaded, lang, editable) = (props.loaded.clone(), props.lang, props.editable);
        let (session, notice) = (props.session.clone(), props.notice.clone());
        let mode = props.mode;
        let place = props.place.clone();
        // The contribution being entered, kept in this browser (restored by `mount`).
        let draft = props.draft.as_ref().map(|d| (**d).clone());
        use_reducer(move || {
            let state = WidgetState::new(loaded.clone(), lang).in_mode(mode);
            let session = session.unwrap_or_else(|| state.session.clone());
            state
                .with_session(session, editable, notice)
                .with_draft(draft)
                .at(&place)
        })
    };
    {
        let on_ready = props.on_ready.clone();
        use_effect_with((), move |_| {
            if let Some(on_ready) = on_ready {
                on_ready.emit(());
            }
        });
    }
    {
        let on_place = props.on_place.clone();
        use_effect_with(state.place(), move |here| {
            if let Some(on_place) = on_place {
                on_place.emit(here.clone());
            }
        });
    }
    {
        let remote = props.remote.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(remote, move |remote| {
            remote.connect(dispatcher.into());
            let remote = remote.clone();
            move || remote.disconnect()
        });
    }
    // Autosave after every change of session (not the one the widget started with).
    let initial = use_mut_ref(|| state.session.clone());
    let first_run = use_mut_ref(|| true);
    {
        let (remote, dispatcher) = (props.remote.clone(), state.dispatcher());
        let on_change = props.on_change.clone();
        let prepared = state.prepared.clone();
        let key = state
            .prepared
            .as_ref()
            .filter(|_| WORKSHOP && props.autosave && state.editable)
            .map(|p| session_io::storage_key(&p.config, props.instance.as_deref()));
        use_effect_with(state.session.clone(), move |session| {
            remote.mirror(session.clone());
            if !WORKSHOP {
                return;
            }
            let changed = *initial.borrow() != *session;
            // The host hears of every change after the start, undo back to it included.
            let started = !std::mem::replace(&mut *first_run.borrow_mut(), false);
            if let (Some(on_change), Some(prepared), true) = (on_change, prepared, started) {
                // Told right after the page shows the change, like autosave: the host's
                // copy of a large session takes milliseconds an edit should not wait for.
                let session = session.clone();
                browser::soon(move || {
                    // Stamped with the config's version, like the session file.
                    on_change.emit(Shared::from((*session).clone().stamped(&prepared.config)));
                });
            }
            if let (Some(key), true) = (key, changed) {
                save_soon(key, session.clone(), dispatcher);
            }
        });
    }
    let contributions = use_contributions(&state, props.autosave, props.instance.clone());
    // Stable callbacks: children compare their props, so unchanged cards do not re-render.
    let callbacks = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            let on_action = Callback::from(move |action| dispatcher.dispatch(action));
            Callbacks {
                on_lang: relay(&on_action, Action::SetLang),
                on_open: relay(&on_action, Action::OpenService),
                on_close: relay(&on_action, |()| Action::CloseDetail),
                on_action,
            }
        })
    };
    let onkeydown = {
        let on_action = callbacks.on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            // The view build has no history: nothing of this is compiled in.
            if !WORKSHOP {
                return;
            }
            let Some(key) = history_key(&event) else {
                return;
            };
            event.prevent_default();
            on_action.emit(match key {
                HistoryKey::Undo => Action::Undo,
                HistoryKey::Redo => Action::Redo,
            });
        })
    };
    let (comparisons, gap_home) = (contributions.comparisons, contributions.gap_home);
    let lang = state.lang;
    let text = catalogue(lang);
    let on_action = callbacks.on_action.clone();
    let mut label = text.widget_label.to_string();
    let body = match &state.prepared {
        None => html! {
            { config_problems(&ConfigProblemsProps { problems: state.loaded.clone(), lang, fatal: true }) }
        },
        Some(prepared) => {
            label = format!("{label} — {}", prepared.config.territory.name.get(lang));
            html! {
                <>
                    { territory_header(&TerritoryHeaderProps { prepared: prepared.clone(), lang, on_lang: callbacks.on_lang.clone() }) }
                    if state.tools() && state.mode == Mode::Workshop && state.editable {
                        <WorkshopBar participant={state.participant.clone()} projector={state.projector}
                                     {lang} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                    if state.tools() {
                        <Toolbar prepared={prepared.clone()} session={state.session.clone()} {lang}
                                 view={state.view} editable={state.editable}
                                 can_undo={state.can_undo()} can_redo={state.can_redo()}
                                 on_action={on_action.clone()} />
                    }
                    if state.tools() || (WORKSHOP && state.mode == Mode::Participant) {
                        <NoticeBar notice={state.notice.clone()} storage_failed={state.storage_failed}
                                   {lang} on_action={on_action.clone()} />
                    }
                    if let Some(draft) = state.draft.as_ref().filter(|_| WORKSHOP && state.view == View::Contribute) {
                        <ContributeView prepared={prepared.clone()} draft={draft.clone()} {lang} uid={props.uid.clone()}
                                        turns={state.mode != Mode::Participant} on_action={on_action.clone()} />
                    }
                    // The range stays in the page while the inventory shows: taking
                    // thousands of cards out and back would cost more than hiding them.
                    if state.mode != Mode::Participant {
                    <div class="srm-range-view" hidden={WORKSHOP && state.view != View::Range}>
                        <RangeView prepared={prepared.clone()} {lang} uid={props.uid.clone()}
                                   session={state.session.clone()} editable={state.editable}
                                   query={state.query.clone()}
                                   on_open={callbacks.on_open.clone()} on_action={on_action.clone()} />
                    </div>
                    }
                    if WORKSHOP && state.view == View::Inventory {
                        <InventoryView prepared={prepared.clone()} session={state.session.clone()} {lang}
                                       filter={state.filter.clone()} sort={state.sort}
                                       editable={state.editable} uid={props.uid.clone()}
                                       on_action={on_action.clone()} />
                    }
                    if WORKSHOP && state.view == View::Continuum {
                        <ContinuumView prepared={prepared.clone()} session={state.session.clone()} {lang}
                                       editable={state.editable} on_action={on_action.clone()} />
                    }
                    if WORKSHOP && state.view == View::Matrix {
                        <PartnerMatrix prepared={prepared.clone()} session={state.session.clone()} {lang}
                                       editable={state.editable} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                    if WORKSHOP && state.view == View::Perspectives {
                        <PerspectivesView prepared={prepared.clone()} session={state.session.clone()}
                                          comparison={cached_comparison(&comparisons, prepared, &state.session)}
                                          gathered={state.gathered.clone()} deciding={state.deciding.clone()}
                                          {lang} uid={props.uid.clone()} editable={state.editable}
                                          on_action={on_action.clone()} />
                    }
                    if WORKSHOP && state.view.is_plan() && state.tools() {
                        <div class="srm-plan-face">
                        if PLAN {
                            <PlanTabs prepared={prepared.clone()} session={state.session.clone()} view={state.view}
                                      {lang} on_action={on_action.clone()} />
                        } else {
                            <PlanNeeded prepared={prepared.clone()} session={state.session.clone()} view={state.view} {lang} />
                        }
                        if PLAN && state.view == View::Plan {
                            <PlanView prepared={prepared.clone()} session={state.session.clone()} group={state.plan.group}
                                      {lang} uid={props.uid.clone()} editable={state.editable} on_action={on_action.clone()} />
                        }
                        if PLAN && state.view == View::Dashboard {
                            <DashboardView prepared={prepared.clone()} session={state.session.clone()} {lang} uid={props.uid.clone()} />
                        }
                        if PLAN && state.view == View::Milestones {
                            <MilestonesView prepared={prepared.clone()} session={state.session.clone()} face={state.plan.clone()}
                                            {lang} uid={props.uid.clone()} editable={state.editable} on_action={on_action.clone()} />
                        }
                        </div>
                    }
                    if WORKSHOP && state.view == View::Network {
                        <NetworkView prepared={prepared.clone()} session={state.session.clone()} {lang}
                                     editable={state.editable} on_action={on_action.clone()} />
                    }
                    if state.loaded.warnings().next().is_some() {
                        { config_problems(&ConfigProblemsProps { problems: state.loaded.clone(), lang, fatal: false }) }
                    }
                    if let Some(service) = state.open_service {
                        { service_detail(&ServiceDetailProps {
                            prepared: prepared.clone(), service, lang, uid: props.uid.clone(),
                            session: state.session.clone(), editable: state.editable,
                            on_close: callbacks.on_close.clone(), on_action: on_action.clone(),
                        }) }
                    }
                    if let Some(form) = state.form.as_ref().filter(|_| WORKSHOP) {
                        <GapForm prepared={prepared.clone()} session={gap_home.clone()} form={form.clone()}
                                 {lang} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                    if let Some(pair) = state.relation_form.as_ref().filter(|_| WORKSHOP) {
                        <RelationForm prepared={prepared.clone()} session={state.session.clone()} pair={pair.clone()}
                                      {lang} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                    if let Some(open) = state.plan.form.as_ref().filter(|_| PLAN) {
                        <ActionForm prepared={prepared.clone()} session={state.session.clone()} open={open.clone()}
                                    {lang} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                    if WORKSHOP && state.confirm_new_session {
                        <ConfirmNewSession prepared={prepared.clone()} session={state.session.clone()}
                                           {lang} uid={props.uid.clone()} on_action={on_action.clone()} />
                    }
                </>
            }
        }
    };
    #[cfg(feature = "workshop")]
    if let Some(region) = &props.region_label {
        label = region.to_string();
    }
    let class = classes!(
        "srm",
        format!("srm-mode-{}", state.mode.key()),
        state.projector.then_some("srm-projector")
    );
    html! {
        <div {class} lang={lang.code()} data-lang={lang.code()} data-view={state.view.key()}
             data-mode={state.mode.key()} role="region" aria-label={label} {onkeydown}>
            { body }
        </div>
    }
}
