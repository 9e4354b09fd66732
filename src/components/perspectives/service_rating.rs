//! One service as a participant rates it: covered, partial, absent or "don't know" (a
//! radio group: arrow keys move between the answers), a way to report a gap on it, and
//! the gaps they reported there.

use crate::components::GapList;
use crate::core::gaps::{Coverage, Gap, GapTarget};
use crate::core::i18n::action_on;
use crate::core::participant_text::{participant_text, rating_label};
use crate::core::text::Lang;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ServiceRatingProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub rating: Option<Coverage>,
    /// The participant's gaps on this service.
    pub gaps: Vec<Gap>,
    pub lang: Lang,
    /// Unique name of the radio group in the page.
    pub name: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ServiceRating(props: &ServiceRatingProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let choice = |coverage: Coverage| {
        let onchange = {
            let (on_action, id) = (props.on_action.clone(), props.id.to_string());
            Callback::from(move |_: Event| {
                on_action.emit(Action::RateService(id.clone(), Some(coverage)))
            })
        };
        html! {
            <label class={classes!("srm-rating-choice", format!("srm-rating-{}", coverage.key()))}>
                <input type="radio" name={props.name.clone()} value={coverage.key()}
                       checked={props.rating == Some(coverage)} {onchange} />
                { rating_label(lang, coverage) }
            </label>
        }
    };
    let report = {
        let (on_action, id) = (props.on_action.clone(), props.id.to_string());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::NewGap(GapTarget::Service {
                service: id.clone(),
            }))
        })
    };
    html! {
        <fieldset class="srm-rating" data-service={props.id.clone()}>
            <legend>{ &props.label }</legend>
            <div class="srm-rating-choices">
                { for [Coverage::Covered, Coverage::Partial, Coverage::Absent, Coverage::NotAssessed].map(choice) }
            </div>
            <button type="button" class="srm-rating-gap" onclick={report}
                    aria-label={action_on(lang, words.report_gap, &props.label)}>{ words.report_gap }</button>
            <GapList gaps={props.gaps.clone()} {lang} editable={true} on_action={props.on_action.clone()} />
        </fieldset>
    }
}
