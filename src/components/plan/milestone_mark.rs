//! Marking a milestone: its name ("T0 — atelier du 12 mars") and the date it stands for
//! (today unless changed). What marking said — refused, or marked with a warning (two
//! milestones on one day, a date far off) — is said right under the form.

use crate::browser;
use crate::components::field_value;
use crate::core::plan::date_text;
use crate::core::plan_text::plan_text;
use crate::core::text::Lang;
use crate::plan_state::MarkOutcome;
use crate::state::{Action, PlanStep};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MilestoneMarkProps {
    pub marked: Option<MarkOutcome>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn MilestoneMark(props: &MilestoneMarkProps) -> Html {
    let lang = props.lang;
    let text = plan_text(lang);
    let label = use_state(String::new);
    let date = use_state(|| date_text(browser::today()));
    let id = |name: &str| format!("{}-mark-{name}", props.uid);
    let onsubmit = {
        let (label, date, on_action) = (label.clone(), date.clone(), props.on_action.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_action.emit(Action::Plan(PlanStep::Mark(
                (*label).clone(),
                (*date).clone(),
            )));
        })
    };
    // The name is cleared once marked, ready for the next milestone.
    {
        let label = label.clone();
        use_effect_with(props.marked.clone(), move |marked| {
            if matches!(marked, Some(Ok(_))) {
                label.set(String::new());
            }
        });
    }
    let on_label = {
        let label = label.clone();
        Callback::from(move |event: InputEvent| label.set(field_value(&event)))
    };
    let on_date = {
        let date = date.clone();
        Callback::from(move |event: Event| date.set(field_value(&event)))
    };
    let outcome = match &props.marked {
        None => Html::default(),
        Some(Ok((name, warnings))) => html! {
            <div class="srm-mark-outcome">
                <p>{ (text.marked)(name) }</p>
                { for warnings.iter().map(|w| html! {
                    <p class="srm-late"><span aria-hidden="true">{ "⚠ " }</span>{ w.text(lang) }</p>
                }) }
            </div>
        },
        Some(Err(refused)) => html! {
            <p class="srm-late"><span aria-hidden="true">{ "✖ " }</span><strong>{ refused.text(lang) }</strong></p>
        },
    };
    html! {
        <form class="srm-mark" {onsubmit} novalidate=true aria-labelledby={id("title")}>
            <h4 id={id("title")}>{ text.mark_title }</h4>
            <p class="srm-hint">{ text.mark_help }</p>
            <div class="srm-form-grid">
                <label for={id("label")}>{ text.mark_label }</label>
                <input type="text" id={id("label")} value={(*label).clone()} oninput={on_label}
                       aria-describedby={id("label-hint")} />
                <label for={id("date")}>{ text.col_date }</label>
                <input type="date" id={id("date")} value={(*date).clone()} onchange={on_date} />
            </div>
            <p class="srm-hint" id={id("label-hint")}>{ text.mark_label_hint }</p>
            <div class="srm-form-buttons">
                <button type="submit" class="srm-primary">{ text.mark_button }</button>
            </div>
            <div role="status">{ outcome }</div>
        </form>
    }
}
