//! The form that adds or edits a gap, in a modal dialog: what kind of gap, how serious,
//! for whom, from whose perspective, what to put in place, and its impact and feasibility
//! (which give its priority, shown as it changes). Every field is labelled and works from
//! the keyboard; Escape or "Cancel" leaves without saving.

use super::field_value;
use super::modal::{CloseModal, Modal};
use crate::browser;
use crate::core::export::target_label;
use crate::core::figures::{summary_of, ServiceStatus};
use crate::core::gaps::{Barrier, Gap, GapKind, GapSeverity, GapTarget, Perspective, SCORE_RANGE};
use crate::core::i18n::{
    barrier_label, catalogue, gap_kind_label, perspective_label, priority_text, severity_label,
    workshop_text,
};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, GapForm as FormState, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GapFormProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub form: FormState,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// A new gap on a target, with the kind the range suggests.
fn new_gap(prepared: &Prepared, session: &Session, form: &FormState) -> Gap {
    let target = form.target.clone();
    let kind = match &target {
        GapTarget::Service { service } => {
            let status = prepared
                .config
                .services
                .iter()
                .position(|s| s.id == *service)
                .and_then(|index| summary_of(&prepared.range, index))
                .map(|s| s.status);
            match status {
                Some(ServiceStatus::NoProvider | ServiceStatus::Planned) => GapKind::Absent,
                Some(ServiceStatus::WaitingList) => GapKind::WaitingList,
                _ => GapKind::InsufficientCapacity,
            }
        }
        GapTarget::Tier { .. } => GapKind::ContinuityBreak,
        GapTarget::Other => GapKind::Absent,
    };
    let now = browser::now_iso();
    Gap {
        id: session.next_gap_id(),
        target,
        kind,
        barrier: None,
        severity: GapSeverity::Medium,
        population: String::new(),
        perspective: form.by.perspective.unwrap_or(Perspective::Practitioner),
        note: String::new(),
        action: String::new(),
        impact: 3,
        feasibility: 3,
        created: now.clone(),
        modified: now,
        author: Some(form.by.name.trim().to_string()).filter(|name| !name.is_empty()),
    }
}

/// The dialog; its content is [`GapFormBody`], which closes it through the modal's context
/// so that the browser returns focus to the button that opened the form.
#[component]
pub fn GapForm(props: &GapFormProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::CloseGapForm))
    };
    let work = workshop_text(props.lang);
    let title = if props.form.editing.is_some() {
        work.form_title_edit
    } else {
        work.form_title_new
    };
    html! {
        <Modal class="srm-detail srm-gap-form" title={title} title_id={format!("{}-gap-title", props.uid)} {on_close}>
            <GapFormBody prepared={props.prepared.clone()} session={props.session.clone()}
                         form={props.form.clone()} lang={props.lang} uid={props.uid.clone()}
                         on_action={props.on_action.clone()} />
        </Modal>
    }
}

#[component]
fn GapFormBody(props: &GapFormProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let draft = {
        let (prepared, session, form) = (
            props.prepared.clone(),
            props.session.clone(),
            props.form.clone(),
        );
        use_state(move || {
            form.editing
                .as_ref()
                .and_then(|id| session.gaps.iter().find(|g| &g.id == id).cloned())
                .unwrap_or_else(|| new_gap(&prepared, &session, &form))
        })
    };
    let id = |name: &str| format!("{}-gap-{name}", props.uid);
    let edit = |apply: fn(&mut Gap, String)| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let mut gap = (*draft).clone();
            apply(&mut gap, field_value(&event));
            draft.set(gap);
        })
    };
    let close = use_context::<CloseModal>();
    let onsubmit = {
        let (draft, on_action, close) = (draft.clone(), props.on_action.clone(), close.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut gap = (*draft).clone();
            gap.modified = browser::now_iso();
            if gap.kind != GapKind::AccessBarrier {
                gap.barrier = None;
            }
            gap.population = gap.population.trim().to_string();
            gap.author = gap.author.filter(|a| !a.trim().is_empty());
            on_action.emit(Action::SaveGap(gap));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    let cancel = CloseModal::cancel(close, &props.on_action, Action::CloseGapForm);
    let gap = &*draft;
    let about = target_label(&props.prepared.config, gap, lang);
    let other = gap.target == GapTarget::Other;
    let options = |selected: &str, items: Vec<(&'static str, &'static str)>| {
        items
            .into_iter()
            .map(|(key, label)| html! { <option key={key} value={key} selected={key == selected}>{ label }</option> })
            .collect::<Html>()
    };
    let scores = |selected: u8| {
        SCORE_RANGE
            .map(|n| html! { <option key={n} value={n.to_string()} selected={n == selected}>{ n }</option> })
            .collect::<Html>()
    };
    html! {
            <form class="srm-gap-fields" {onsubmit}>
                <p class="srm-form-about"><strong>{ work.form_about }{ text.colon }</strong>{ about }</p>
                <div class="srm-form-grid">
                    <label for={id("kind")}>{ work.col_kind }</label>
                    <select id={id("kind")} onchange={edit(|g, v| g.kind = GapKind::from_key(&v).unwrap_or(g.kind))}>
                        { options(gap.kind.key(), GapKind::ALL.iter().map(|k| (k.key(), gap_kind_label(lang, *k))).collect()) }
                    </select>
                    if gap.kind == GapKind::AccessBarrier {
                        <label for={id("barrier")}>{ work.col_barrier }</label>
                        <select id={id("barrier")} required=true
                                onchange={edit(|g, v| g.barrier = Barrier::from_key(&v))}>
                            <option value="" selected={gap.barrier.is_none()}>{ "—" }</option>
                            { options(gap.barrier.map_or("", |b| b.key()), Barrier::ALL.iter().map(|b| (b.key(), barrier_label(lang, *b))).collect()) }
                        </select>
                    }
                    <label for={id("perspective")}>{ work.form_perspective }</label>
                    <select id={id("perspective")} onchange={edit(|g, v| g.perspective = Perspective::from_key(&v).unwrap_or(g.perspective))}>
                        { options(gap.perspective.key(), Perspective::ALL.iter().map(|p| (p.key(), perspective_label(lang, *p))).collect()) }
                    </select>
                    <label for={id("population")}>{ work.col_population }</label>
                    <input id={id("population")} type="text" value={gap.population.clone()}
                           onchange={edit(|g, v| g.population = v)} />
                </div>
                <fieldset class="srm-severity">
                    <legend>{ work.col_severity }</legend>
                    { for GapSeverity::ALL.iter().map(|s| {
                        let radio_id = id(&format!("severity-{}", s.key()));
                        let severity = *s;
                        let draft = draft.clone();
                        let onchange = Callback::from(move |_: Event| {
                            let mut gap = (*draft).clone();
                            gap.severity = severity;
                            draft.set(gap);
                        });
                        html! {
                            <span key={s.key()} class={classes!("srm-severity-choice", format!("srm-severity-{}", s.key()))}>
                                <input type="radio" id={radio_id.clone()} name={id("severity")} value={s.key()}
                                       checked={gap.severity == *s} {onchange} />
                                <label for={radio_id}>{ severity_label(lang, *s) }</label>
                            </span>
                        }
                    }) }
                </fieldset>
                <div class="srm-form-grid">
                    <label for={id("impact")}>{ work.form_impact }</label>
                    <select id={id("impact")} onchange={edit(|g, v| g.impact = v.parse().unwrap_or(g.impact))}>
                        { scores(gap.impact) }
                    </select>
                    <label for={id("feasibility")}>{ work.form_feasibility }</label>
                    <select id={id("feasibility")} onchange={edit(|g, v| g.feasibility = v.parse().unwrap_or(g.feasibility))}>
                        { scores(gap.feasibility) }
                    </select>
                </div>
                <p class="srm-priority"><output>{ priority_text(lang, gap.priority()) }</output></p>
                <label class="srm-form-label" for={id("note")}>{ if other { work.form_need } else { work.col_note } }</label>
                <textarea id={id("note")} rows="3" required={other} value={gap.note.clone()}
                          onchange={edit(|g, v| g.note = v)} />
                <label class="srm-form-label" for={id("action")}>{ work.form_action }</label>
                <textarea id={id("action")} rows="2" value={gap.action.clone()}
                          onchange={edit(|g, v| g.action = v)} />
                <label class="srm-form-label" for={id("author")}>{ work.form_author }</label>
                <input id={id("author")} type="text" value={gap.author.clone().unwrap_or_default()}
                       onchange={edit(|g, v| g.author = Some(v))} />
                <div class="srm-form-buttons">
                    <button type="submit" class="srm-primary">{ work.save }</button>
                    <button type="button" onclick={cancel}>{ work.cancel }</button>
                </div>
            </form>
    }
}
