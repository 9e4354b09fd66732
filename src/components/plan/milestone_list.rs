//! The session's milestones in date order: name, date, when it was marked, what of it the
//! config no longer has (kept and listed, never dropped), and a button to remove it (undo
//! brings it back).

use crate::browser;
use crate::core::i18n::catalogue;
use crate::core::milestone::{chronological, orphans};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, PlanStep, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MilestoneListProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn MilestoneList(props: &MilestoneListProps) -> Html {
    let lang = props.lang;
    let (text, colon) = (plan_text(lang), catalogue(lang).colon);
    let config = &props.prepared.config;
    let milestones = &props.session.milestones;
    if milestones.is_empty() {
        return html! { <p class="srm-empty">{ text.no_milestones }</p> };
    }
    let order = chronological(milestones);
    let taken = browser::moments_long(
        order.iter().map(|&i| milestones[i].taken.as_str()),
        lang.code(),
    );
    html! {
        <ol class="srm-milestones">
            { for order.iter().zip(taken).map(|(&i, taken)| {
                let m = &milestones[i];
                let lost = orphans(config, m, lang);
                let remove = {
                    let (on_action, id) = (props.on_action.clone(), m.id.clone());
                    Callback::from(move |_: MouseEvent| on_action.emit(Action::Plan(PlanStep::RemoveMilestone(id.clone()))))
                };
                html! {
                    <li key={m.id.clone()} class="srm-milestone" data-milestone={m.id.clone()}>
                        <p><strong>{ &m.label }</strong>{ format!(" — {}", m.date) }
                           <span class="srm-hint">{ format!(" ({})", (text.taken_on)(&taken)) }</span></p>
                        if m.other_version(config) {
                            <p class="srm-late"><span aria-hidden="true">{ "⚠ " }</span>{ text.milestone_other_version }</p>
                        }
                        if !lost.is_empty() {
                            <details>
                                <summary>{ format!("{}{colon}{}", text.section_orphans, lost.len()) }</summary>
                                <ul>{ for lost.iter().map(|o| html! { <li>{ o.text(lang) }</li> }) }</ul>
                            </details>
                        }
                        if props.editable {
                            <button type="button" onclick={remove}>
                                { text.remove_milestone }<span class="srm-visually-hidden">{ format!(" — {}", m.label) }</span>
                            </button>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
