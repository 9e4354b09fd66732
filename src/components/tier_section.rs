//! One tier: a landmark region named by its label, its criteria, how many of its services
//! have an available provider, and its services as a list.

use super::ServiceCard;
use crate::core::i18n::{catalogue, tier_coverage};
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TierSectionProps {
    pub prepared: Shared<Prepared>,
    /// Position of the tier in the range.
    pub position: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_open: Callback<usize>,
}

#[component]
pub fn TierSection(props: &TierSectionProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let summary = &props.prepared.range[props.position];
    let tier = &props.prepared.config.tiers[summary.tier];
    let heading_id = format!("{}-tier-{}", props.uid, props.position);
    html! {
        <section class="srm-tier" aria-labelledby={heading_id.clone()} data-tier={tier.id.clone()}>
            <h3 class="srm-tier-title" id={heading_id}>{ tier.label.get(lang) }</h3>
            <p class="srm-tier-count">
                <span class="srm-tier-count-figure" aria-hidden="true">{ format!("{}/{}", summary.available, summary.services.len()) }</span>
                { " " }{ tier_coverage(lang, summary.available, summary.services.len()) }
            </p>
            if let Some(criteria) = &tier.description {
                <details class="srm-tier-criteria">
                    <summary>{ text.criteria }</summary>
                    <p>{ criteria.get(lang) }</p>
                </details>
            }
            if summary.services.is_empty() {
                <p class="srm-empty">{ text.no_service_in_tier }</p>
            } else {
                <ul class="srm-services">
                    { for summary.services.iter().map(|service| html! {
                        <ServiceCard
                            key={props.prepared.config.services[service.service].id.clone()}
                            prepared={props.prepared.clone()}
                            summary={service.clone()}
                            {lang}
                            on_open={props.on_open.clone()} />
                    }) }
                </ul>
            }
        </section>
    }
}
