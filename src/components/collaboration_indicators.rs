//! The indicators shown with every view of the continuum: density (share of the pairs of
//! providers in a relation), mean level, relations below their target, providers with no
//! relation at all, and the mechanisms most and least used.

use crate::core::continuum::{mechanisms_text, percent};
use crate::core::i18n::{catalogue, mean_level, pairs_related, workshop_text};
use crate::core::text::Lang;
use crate::state::{Collaboration, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CollaborationIndicatorsProps {
    pub prepared: Shared<Prepared>,
    pub collaboration: Shared<Collaboration>,
    pub lang: Lang,
}

/// How many isolated providers are named before "…".
const NAMED: usize = 12;

#[component]
pub fn CollaborationIndicators(props: &CollaborationIndicatorsProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let ind = &props.collaboration.indicators;
    let top = props.collaboration.scale.len().saturating_sub(1);
    let none = work.none_word.to_string();
    let or_none = |s: String| if s.is_empty() { none.clone() } else { s };
    let mut isolated: Vec<&str> = ind
        .isolated
        .iter()
        .take(NAMED)
        .map(|&p| config.providers[p].name.get(lang))
        .collect();
    if ind.isolated.len() > NAMED {
        isolated.push("…");
    }
    let isolated = match ind.isolated.len() {
        0 => none.clone(),
        n => format!("{n}{}{}", catalogue(lang).colon, isolated.join(", ")),
    };
    let facts = [
        (
            "density",
            work.ind_density,
            pairs_related(
                lang,
                ind.related,
                ind.pairs,
                percent(ind.related, ind.pairs),
            ),
        ),
        ("mean", work.ind_mean, mean_level(lang, ind.mean_level, top)),
        (
            "below-target",
            work.ind_below_target,
            ind.below_target.to_string(),
        ),
        ("isolated", work.ind_isolated, isolated),
        (
            "most-used",
            work.ind_most_used,
            or_none(mechanisms_text(&ind.most_used(), lang)),
        ),
        (
            "least-used",
            work.ind_least_used,
            or_none(mechanisms_text(&ind.least_used(), lang)),
        ),
    ];
    html! {
        <section class="srm-indicators" aria-label={work.indicators}>
            <h3 class="srm-section-title">{ work.indicators }</h3>
            <dl class="srm-indicator-list">
                { for facts.into_iter().map(|(key, label, value)| html! {
                    <div key={key} class="srm-indicator" data-indicator={key}>
                        <dt>{ label }</dt>
                        <dd>{ value }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
