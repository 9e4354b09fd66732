//! The gaps reported on one service or tier: kind, severity and priority in words, who is
//! affected and what to put in place, with buttons to edit or delete each (when editable).

use crate::core::gaps::Gap;
use crate::core::i18n::{
    action_on, catalogue, gap_kind_text, perspective_label, priority_text, severity_label,
    workshop_text,
};
use crate::core::plan::Addressed;
use crate::core::plan_text::plan_text;
use crate::core::text::Lang;
use crate::state::{Action, ActionFormOpen, PlanStep, PLAN};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GapListProps {
    pub gaps: Vec<Gap>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

/// The click callbacks of a gap's buttons: "Edit", "Delete", and (plan build) "Create an
/// action", which opens the action form addressing the gap, titled with its proposed
/// action.
pub fn gap_buttons(
    on_action: &Callback<Action>,
    gap: &Gap,
) -> (
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    Callback<MouseEvent>,
) {
    let send = |make: fn(String) -> Action| {
        let (on_action, id) = (on_action.clone(), gap.id.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(make(id.clone())))
    };
    let plan = {
        let on_action = on_action.clone();
        let form = ActionFormOpen::New {
            addresses: vec![Addressed::Gap(gap.id.clone())],
            title: gap.action.clone(),
        };
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Plan(PlanStep::Open(form.clone())))
        })
    };
    (send(Action::EditGap), send(Action::DeleteGap), plan)
}

#[component]
pub fn GapList(props: &GapListProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    if props.gaps.is_empty() {
        return Html::default();
    }
    let item = |gap: &Gap| {
        let kind = gap_kind_text(lang, gap);
        let (edit, delete, plan) = gap_buttons(&props.on_action, gap);
        html! {
            <li key={gap.id.clone()} class={classes!("srm-gap", format!("srm-severity-{}", gap.severity.key()))}
                data-gap={gap.id.clone()}>
                <p class="srm-gap-title"><strong>{ &kind }</strong></p>
                <p class="srm-gap-meta">
                    <span class="srm-severity-mark">{ work.col_severity }{ text.colon }{ severity_label(lang, gap.severity) }</span>
                    { " · " }{ priority_text(lang, gap.priority()) }
                    { " · " }{ perspective_label(lang, gap.perspective) }
                </p>
                if !gap.population.is_empty() {
                    <p>{ work.col_population }{ text.colon }{ &gap.population }</p>
                }
                if !gap.action.is_empty() {
                    <p>{ work.col_action }{ text.colon }{ &gap.action }</p>
                }
                if !gap.note.is_empty() {
                    <p>{ work.col_note }{ text.colon }{ &gap.note }</p>
                }
                if props.editable {
                    <p class="srm-gap-buttons">
                        <button type="button" onclick={edit} aria-label={action_on(lang, work.edit, &kind)}>{ work.edit }</button>
                        <button type="button" onclick={delete} aria-label={action_on(lang, work.delete, &kind)}>{ work.delete }</button>
                        if PLAN {
                            <button type="button" onclick={plan} aria-label={action_on(lang, plan_text(lang).action_for_gap, &kind)}>
                                { plan_text(lang).action_for_gap }
                            </button>
                        }
                    </p>
                }
            </li>
        }
    };
    html! {
        <ul class="srm-gaps">
            { for props.gaps.iter().map(item) }
        </ul>
    }
}
