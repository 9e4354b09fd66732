//! The participant's organisation's relation with one other provider, as they see it: the
//! level now, the level wanted (either may be "don't know") and the mechanisms in place.

use crate::components::{field_checked, field_value};
use crate::core::contribution::{RatingEdit, RelationRating};
use crate::core::i18n::mechanism_label;
use crate::core::model::{Level, Mechanism, Named};
use crate::core::participant_text::participant_text;
use crate::core::text::Lang;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationRatingProps {
    /// The other provider's id and name.
    pub with: AttrValue,
    pub name: AttrValue,
    pub rating: Option<RelationRating>,
    /// The config's scale, level 0 first.
    pub scale: std::rc::Rc<Vec<Level>>,
    pub lang: Lang,
    /// Prefix of the fields' ids.
    pub prefix: AttrValue,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RelationRatingRow(props: &RelationRatingProps) -> Html {
    let lang = props.lang;
    let words = participant_text(lang);
    let current = props.rating.clone().unwrap_or(RelationRating {
        with: props.with.to_string(),
        level: None,
        target: None,
        mechanisms: Vec::new(),
    });
    let select = |label: &'static str, blank: &'static str, value: Option<String>, wanted: bool| {
        let onchange = {
            let (on_action, with) = (props.on_action.clone(), props.with.to_string());
            Callback::from(move |event: Event| {
                let chosen = Some(field_value(&event)).filter(|v| !v.is_empty());
                let edit = if wanted {
                    RatingEdit::Target(chosen)
                } else {
                    RatingEdit::Level(chosen)
                };
                on_action.emit(Action::RateRelation(with.clone(), edit));
            })
        };
        let id = format!("{}-{}", props.prefix, if wanted { "wanted" } else { "now" });
        html! {
            <p class="srm-field">
                <label for={id.clone()}>{ label }</label>
                <select {id} {onchange}>
                    <option value="" selected={value.is_none()}>{ blank }</option>
                    { for props.scale.iter().map(|level| html! {
                        <option value={level.id.clone()} selected={value.as_deref() == Some(level.id.as_str())}>
                            { level.label.get(lang) }
                        </option>
                    }) }
                </select>
            </p>
        }
    };
    let mechanism = |(key, mechanism): &(&'static str, Mechanism)| {
        let mechanism = *mechanism;
        let checked = current.mechanisms.contains(&mechanism);
        let onchange = {
            let (on_action, with) = (props.on_action.clone(), props.with.to_string());
            Callback::from(move |event: Event| {
                let on = field_checked(&event);
                on_action.emit(Action::RateRelation(
                    with.clone(),
                    RatingEdit::Mechanism(mechanism, on),
                ));
            })
        };
        html! {
            <label class="srm-check">
                <input type="checkbox" value={*key} {checked} {onchange} />
                { mechanism_label(lang, mechanism) }
            </label>
        }
    };
    let count = current.mechanisms.len();
    html! {
        <fieldset class="srm-relation-rating" data-provider={props.with.clone()}>
            <legend>{ &props.name }</legend>
            { select(words.level_now, words.dont_know, current.level.clone(), false) }
            { select(words.level_wanted, words.no_opinion, current.target.clone(), true) }
            <details class="srm-mechanisms">
                <summary>{ words.mechanisms_in_place }{ format!(" ({count})") }</summary>
                { for Mechanism::NAMES.iter().map(mechanism) }
            </details>
        </fieldset>
    }
}
