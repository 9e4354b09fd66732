//! One action of the plan, in words: its status, lateness said in words (with a mark, never
//! by colour alone), lead, due date, the gaps it addresses, its indicator and latest note,
//! and what in it is worth checking.

use crate::core::i18n::catalogue;
use crate::core::plan::{ActionLine, ActionStatus};
use crate::core::plan_text::plan_text;
use crate::core::text::Lang;
use crate::state::{Action, ActionFormOpen, PlanStep};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ActionRowProps {
    /// The action in words.
    pub line: ActionLine,
    pub status: ActionStatus,
    /// How many problems its fields have.
    pub problems: usize,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ActionRow(props: &ActionRowProps) -> Html {
    let lang = props.lang;
    let (text, colon) = (plan_text(lang), catalogue(lang).colon);
    let line = &props.line;
    let edit = {
        let (on_action, id) = (props.on_action.clone(), line.id.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Plan(PlanStep::Open(ActionFormOpen::Edit(
                id.clone(),
            ))))
        })
    };
    let field = |label: &'static str, value: &str| {
        (!value.is_empty()).then(|| html! { <p>{ label }{ colon }{ value.to_string() }</p> })
    };
    let latest_note = line.progress.rsplit(" ; ").next().unwrap_or_default();
    html! {
        <li class={classes!("srm-action", format!("srm-status-{}", props.status.key()))} data-action={line.id.clone()}>
            <p class="srm-action-title"><strong>{ &line.title }</strong></p>
            <p class="srm-action-meta">
                <span class="srm-action-status">{ text.field_status }{ colon }{ &line.status }</span>
                if !line.lead.is_empty() {
                    { " · " }{ text.field_lead }{ colon }{ &line.lead }
                }
                if !line.due.is_empty() {
                    { " · " }{ text.field_due }{ colon }{ &line.due }
                }
            </p>
            if !line.late.is_empty() {
                <p class="srm-late"><span aria-hidden="true">{ "⚠ " }</span><strong>{ &line.late }</strong></p>
            }
            { field(text.field_reason, &line.reason) }
            { field(text.field_addresses, &line.addresses) }
            { field(text.field_detached, &line.detached) }
            { field(text.field_partners, &line.partners) }
            if !line.indicator.is_empty() {
                <p>{ text.field_indicator }{ colon }{ &line.indicator }
                   if !line.target.is_empty() { { " — " }{ text.field_target }{ colon }{ &line.target } }</p>
            }
            { field(text.field_progress, latest_note) }
            if props.problems > 0 {
                <p class="srm-action-problems"><span aria-hidden="true">{ "⚠ " }</span>{ (text.action_problems)(props.problems) }</p>
            }
            if props.editable {
                <button type="button" onclick={edit}>
                    { text.edit_action }<span class="srm-visually-hidden">{ format!(" — {}", line.title) }</span>
                </button>
            }
        </li>
    }
}
