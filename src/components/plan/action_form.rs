//! An action of the plan, in a modal dialog: its title, the gaps it addresses, the lead and
//! partner organisations, start and due dates, status (a reason to abandon it), the
//! indicator that will show it worked and its target, a budget note and dated progress
//! notes. What is worth checking is said beside the form as it is typed; an action is kept
//! as typed except without a title or abandoned without a reason.

use super::super::modal::{CloseModal, Modal};
use crate::browser;
use crate::components::{field_checked, field_value};
use crate::core::i18n::{catalogue, workshop_text};
use crate::core::plan::{
    addressed_label, date_text, gap_choices, problems, ActionField, ActionStatus, Addressed,
    Lookup, PlanAction, ProgressNote,
};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, ActionFormOpen, PlanStep, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct ActionFormProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub open: ActionFormOpen,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ActionForm(props: &ActionFormProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_| on_action.emit(Action::Plan(PlanStep::Close)))
    };
    let text = plan_text(props.lang);
    let title = match props.open {
        ActionFormOpen::New { .. } => text.form_new,
        ActionFormOpen::Edit(_) => text.form_edit,
    };
    html! {
        <Modal class="srm-detail srm-action-form" {title}
               title_id={format!("{}-action-form-title", props.uid)} {on_close}>
            <ActionFormBody ..props.clone() />
        </Modal>
    }
}

/// A check box that puts `item` in one of the draft's lists (`list`) or takes it out.
fn tick_box<T: PartialEq + Clone + 'static>(
    draft: &UseStateHandle<PlanAction>,
    list: fn(&mut PlanAction) -> &mut Vec<T>,
    item: &T,
    checked: bool,
    box_id: String,
    label: &str,
) -> Html {
    let onchange = {
        let (draft, item) = (draft.clone(), item.clone());
        Callback::from(move |event: Event| {
            let mut next = (*draft).clone();
            let items = list(&mut next);
            items.retain(|x| *x != item);
            if field_checked(&event) {
                items.push(item.clone());
            }
            draft.set(next);
        })
    };
    html! {
        <li key={box_id.clone()}>
            <input type="checkbox" id={box_id.clone()} {checked} {onchange} />
            <label for={box_id}>{ label.to_string() }</label>
        </li>
    }
}

/// A date field's value: none when left empty.
fn date_value(value: String) -> Option<String> {
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

#[component]
fn ActionFormBody(props: &ActionFormProps) -> Html {
    let lang = props.lang;
    let (text, colon) = (plan_text(lang), catalogue(lang).colon);
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let draft = {
        let (open, session) = (props.open.clone(), props.session.clone());
        use_state(move || {
            let (addresses, title) = match open {
                ActionFormOpen::Edit(id) => match session.action(&id) {
                    Some(action) => return action.clone(),
                    // Deleted meanwhile (undo): a new one.
                    None => (Vec::new(), String::new()),
                },
                ActionFormOpen::New { addresses, title } => (addresses, title),
            };
            PlanAction::new(String::new(), &title, addresses, &browser::now_iso())
        })
    };
    // Blocking problems are shown once Save was pressed; the others as they are typed.
    let tried = use_state(|| false);
    let note = use_state(|| (date_text(browser::today()), String::new()));
    let choices = use_memo(
        (props.prepared.clone(), props.session.clone(), lang),
        |(prepared, session, lang)| {
            gap_choices(&prepared.config, session, &prepared.network(session), *lang)
        },
    );
    let id = |name: &str| format!("{}-action-{name}", props.uid);
    let close = use_context::<CloseModal>();
    let found = problems(config, &props.session, &draft);
    let blocking = |p: &&crate::core::plan::ActionProblem| {
        matches!(p.field, ActionField::Title | ActionField::AbandonedReason) && !p.is_warning()
    };
    let blocked = found.iter().any(|p| blocking(&p));
    let onsubmit = {
        let (draft, tried) = (draft.clone(), tried.clone());
        let (on_action, close) = (props.on_action.clone(), close.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if blocked {
                tried.set(true);
                return;
            }
            on_action.emit(Action::Plan(PlanStep::Save(Box::new((*draft).clone()))));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    let cancel = CloseModal::cancel(
        close.clone(),
        &props.on_action,
        Action::Plan(PlanStep::Close),
    );
    let delete = {
        let (on_action, close, action) = (props.on_action.clone(), close, draft.id.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Plan(PlanStep::Delete(action.clone())));
            if let Some(CloseModal(close)) = &close {
                close.emit(());
            }
        })
    };
    // One field changed: the draft after `apply`.
    let set = |apply: fn(&mut PlanAction, String)| {
        let draft = draft.clone();
        Callback::from(move |event: Event| {
            let mut next = (*draft).clone();
            apply(&mut next, field_value(&event));
            draft.set(next);
        })
    };
    let text_field = |name: &str,
                      label: &'static str,
                      value: &str,
                      apply: fn(&mut PlanAction, String)| {
        html! {
            <>
                <label for={id(name)}>{ label }</label>
                <input type="text" id={id(name)} value={value.to_string()} onchange={set(apply)} />
            </>
        }
    };
    let date_field = |name: &str,
                      label: &'static str,
                      value: &Option<String>,
                      apply: fn(&mut PlanAction, String)| {
        html! {
            <>
                <label for={id(name)}>{ label }</label>
                <input type="date" id={id(name)} value={value.clone().unwrap_or_default()}
                       min="2000-01-01" max="2100-12-31" onchange={set(apply)} />
            </>
        }
    };
    let addressed_box = |gap: &Addressed, label: &str, n: usize| {
        let checked = draft.addresses.contains(gap);
        tick_box(
            &draft,
            |a| &mut a.addresses,
            gap,
            checked,
            id(&format!("gap-{n}")),
            label,
        )
    };
    // Gaps addressed that are no longer among the choices (deleted outside this form).
    let known: Vec<&Addressed> = choices.iter().map(|(a, _)| a).collect();
    let lookup = Lookup::new(config, &props.session.gaps);
    let others: Vec<(Addressed, String)> = draft
        .addresses
        .iter()
        .filter(|a| !known.contains(a))
        .map(|a| (a.clone(), addressed_label(config, &lookup, a, lang)))
        .collect();
    let partner_box = |n: usize| {
        let provider = &config.providers[n];
        let checked = draft.partners.contains(&provider.id);
        let label = provider.name.get(lang);
        tick_box(
            &draft,
            |a| &mut a.partners,
            &provider.id,
            checked,
            id(&format!("partner-{n}")),
            label,
        )
    };
    let statuses = ActionStatus::ALL.iter().map(|&status| {
        let radio = id(&format!("status-{}", status.key()));
        let onchange = {
            let draft = draft.clone();
            Callback::from(move |_: Event| {
                let mut next = (*draft).clone();
                next.status = status;
                draft.set(next);
            })
        };
        html! {
            <span key={status.key()} class="srm-severity-choice">
                <input type="radio" id={radio.clone()} name={id("status")} value={status.key()}
                       checked={draft.status == status} {onchange} />
                <label for={radio}>{ status.label(lang) }</label>
            </span>
        }
    });
    let notes = draft.progress.iter().enumerate().map(|(n, note)| {
        let remove = {
            let draft = draft.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*draft).clone();
                if n < next.progress.len() {
                    next.progress.remove(n);
                }
                draft.set(next);
            })
        };
        html! {
            <li key={format!("{n}-{}", note.date)}>
                <span>{ &note.date }{ colon }{ &note.text }</span>{ " " }
                <button type="button" onclick={remove}>
                    { text.remove_note }<span class="srm-visually-hidden">{ format!(" — {}", note.date) }</span>
                </button>
            </li>
        }
    });
    let add_note = {
        let (draft, note) = (draft.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (date, words) = (*note).clone();
            if words.trim().is_empty() {
                return;
            }
            let mut next = (*draft).clone();
            next.progress.push(ProgressNote {
                date: date.trim().to_string(),
                text: words.trim().to_string(),
            });
            draft.set(next);
            note.set((date, String::new()));
        })
    };
    let note_date = {
        let note = note.clone();
        Callback::from(move |event: Event| note.set((field_value(&event), note.1.clone())))
    };
    let note_text = {
        let note = note.clone();
        Callback::from(move |event: InputEvent| note.set((note.0.clone(), field_value(&event))))
    };
    let shown: Vec<_> = found.iter().filter(|p| *tried || !blocking(p)).collect();
    let lead = draft.lead.clone().unwrap_or_default();
    html! {
        <form class="srm-action-fields" {onsubmit} novalidate=true>
            if !shown.is_empty() {
                <div class="srm-form-problems" role="status">
                    <p><strong>{ text.problems_title }</strong></p>
                    <ul>
                        { for shown.iter().map(|p| html! {
                            <li class={classes!(if p.is_warning() { "srm-warning" } else { "srm-error" })}>
                                <span aria-hidden="true">{ if p.is_warning() { "⚠ " } else { "✖ " } }</span>{ p.text(lang) }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <div class="srm-form-grid">
                <label for={id("title")}>{ text.field_title }</label>
                <input type="text" id={id("title")} value={draft.title.clone()} required=true
                       aria-invalid={(*tried && draft.title.trim().is_empty()).to_string()}
                       onchange={set(|a, v| a.title = v)} />
                <label for={id("lead")}>{ text.field_lead }</label>
                <select id={id("lead")} onchange={set(|a, v| a.lead = Some(v).filter(|v| !v.is_empty()))}>
                    <option value="" selected={lead.is_empty()}>{ text.no_lead }</option>
                    { for config.providers.iter().map(|p| html! {
                        <option key={p.id.clone()} value={p.id.clone()} selected={p.id == lead}>{ p.name.get(lang) }</option>
                    }) }
                </select>
                { date_field("start", text.field_start, &draft.start, |a, v| a.start = date_value(v)) }
                { date_field("due", text.field_due, &draft.due, |a, v| a.due = date_value(v)) }
            </div>
            <fieldset class="srm-severity">
                <legend>{ text.field_status }</legend>
                { for statuses }
            </fieldset>
            if draft.status == ActionStatus::Abandoned {
                <label class="srm-form-label" for={id("reason")}>{ text.field_reason }</label>
                <textarea id={id("reason")} rows="2" value={draft.abandoned_reason.clone()}
                          aria-invalid={(*tried && draft.abandoned_reason.trim().is_empty()).to_string()}
                          onchange={set(|a, v| a.abandoned_reason = v)} />
            }
            <fieldset class="srm-checklist">
                <legend>{ text.field_addresses }</legend>
                if choices.is_empty() && others.is_empty() {
                    <p class="srm-empty">{ text.no_gaps_to_address }</p>
                }
                <ul>
                    { for choices.iter().enumerate().map(|(n, (gap, label))| addressed_box(gap, label, n)) }
                    { for others.iter().enumerate().map(|(n, (gap, label))| addressed_box(gap, label, choices.len() + n)) }
                </ul>
            </fieldset>
            <fieldset class="srm-checklist">
                <legend>{ text.field_partners }</legend>
                <ul>{ for (0..config.providers.len()).map(partner_box) }</ul>
            </fieldset>
            <div class="srm-form-grid">
                { text_field("indicator", text.field_indicator, &draft.indicator, |a, v| a.indicator = v) }
                { text_field("target", text.field_target, &draft.target, |a, v| a.target = v) }
                { text_field("budget", text.field_budget, &draft.budget, |a, v| a.budget = v) }
            </div>
            <fieldset class="srm-progress-notes">
                <legend>{ text.field_progress }</legend>
                if !draft.progress.is_empty() {
                    <ul>{ for notes }</ul>
                }
                <div class="srm-form-grid">
                    <label for={id("note-date")}>{ text.col_date }</label>
                    <input type="date" id={id("note-date")} value={note.0.clone()} onchange={note_date} />
                    <label for={id("note-text")}>{ text.note_text }</label>
                    <textarea id={id("note-text")} rows="2" value={note.1.clone()} oninput={note_text} />
                </div>
                <button type="button" onclick={add_note}>{ text.add_note }</button>
            </fieldset>
            <div class="srm-form-buttons">
                <button type="submit" class="srm-primary">{ text.save_action }</button>
                <button type="button" onclick={cancel}>{ work.cancel }</button>
                if !draft.id.is_empty() {
                    <button type="button" class="srm-danger" onclick={delete}>{ text.delete_action }</button>
                }
            </div>
        </form>
    }
}
