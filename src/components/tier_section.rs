//! One tier: a landmark region named by its label, its criteria, how many of its services
//! have an available provider, and its services as a list. A very long tier shows its
//! services [`PAGE`] at a time, with a button for the next ones: nobody reads thousands of
//! cards in a row, and a page of tens of thousands of elements makes every change slow
//! (Chromium restyles the whole page when a modal dialog opens or closes).

use super::range_view::Badges;
use super::service_chunk::{Badge, CHUNK};
use super::{CardList, GapList, ServiceChunk};
use crate::core::gaps::GapTarget;
use crate::core::i18n::{
    catalogue, services_shown, show_more_services, tier_coverage, workshop_text,
};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared, WORKSHOP};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many services a tier shows at first, and how many more each "show more" adds.
pub const PAGE: usize = CHUNK;

#[derive(Properties, PartialEq)]
pub struct TierSectionProps {
    pub prepared: Shared<Prepared>,
    /// Position of the tier in the range.
    pub position: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub session: Shared<Session>,
    pub badges: Badges,
    /// The positions in the tier of the services to show (all, or those a search found).
    pub found: Rc<[usize]>,
    pub editable: bool,
    pub on_open: Callback<usize>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn TierSection(props: &TierSectionProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let work = workshop_text(lang);
    let summary = &props.prepared.range[props.position];
    let tier = &props.prepared.config.tiers[summary.tier];
    let heading_id = format!("{}-tier-{}", props.uid, props.position);
    let total = props.found.len();
    let shown = use_state_eq(|| PAGE);
    let visible = (*shown).min(total);
    // After "show more", focus goes to the first card it revealed (once rendered), so that
    // keyboard and screen reader users carry on reading where the list grew.
    let section = use_node_ref();
    let on_more = {
        let (shown, section) = (shown.clone(), section.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(visible + PAGE);
            let section = section.clone();
            crate::browser::soon(move || {
                let selector = format!(
                    ".srm-services > li:nth-child({}) .srm-service-open",
                    visible + 1
                );
                if let Some(Ok(Some(card))) = section
                    .cast::<web_sys::Element>()
                    .map(|section| section.query_selector(&selector))
                {
                    let _ = card.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        })
    };
    let positions = &props.found[..visible];
    let badges: Vec<Badge> = positions
        .iter()
        .map(|&p| {
            let service = summary.services[p].service;
            props
                .badges
                .get(&props.prepared.config.services[service].id)
                .copied()
        })
        .collect();
    let target = GapTarget::Tier {
        tier: tier.id.clone(),
    };
    let tier_gaps: Vec<_> = props
        .session
        .gaps
        .iter()
        .filter(|g| WORKSHOP && g.target == target)
        .cloned()
        .collect();
    let add_gap = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::NewGap(target.clone())))
    };
    html! {
        <section ref={section} class="srm-tier" part="tier" aria-labelledby={heading_id.clone()} data-tier={tier.id.clone()}>
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
            if WORKSHOP && !tier_gaps.is_empty() {
                <h4 class="srm-gaps-title">{ work.gaps_heading }</h4>
                <GapList gaps={tier_gaps} {lang} editable={props.editable} on_action={props.on_action.clone()} />
            }
            if WORKSHOP && props.editable {
                <p class="srm-tier-tools">
                    <button type="button" class="srm-add-gap" onclick={add_gap}>
                        <span aria-hidden="true">{ "+ " }</span>{ work.add_tier_gap }
                    </button>
                </p>
            }
            if summary.services.is_empty() {
                <p class="srm-empty">{ text.no_service_in_tier }</p>
            } else if total == 0 {
                <p class="srm-empty">{ text.nothing_found_in_tier }</p>
            } else {
                if !WORKSHOP {
                    <CardList
                        prepared={props.prepared.clone()}
                        position={props.position}
                        positions={Rc::<[usize]>::from(positions)}
                        {lang}
                        on_open={props.on_open.clone()} />
                } else {
                    <ul class="srm-services">
                        { for (0..visible).step_by(CHUNK).map(|start| {
                            let end = (start + CHUNK).min(visible);
                            html! {
                                <ServiceChunk
                                    key={start}
                                    prepared={props.prepared.clone()}
                                    position={props.position}
                                    positions={Rc::<[usize]>::from(&positions[start..end])}
                                    badges={Rc::<[Badge]>::from(&badges[start..end])}
                                    {lang}
                                    editable={props.editable}
                                    on_open={props.on_open.clone()}
                                    on_action={props.on_action.clone()} />
                            }
                        }) }
                    </ul>
                }
                if visible < total {
                    <p class="srm-more">
                        <span>{ services_shown(lang, visible, total) }</span>{ " " }
                        <button type="button" class="srm-more-button" onclick={on_more}>
                            { show_more_services(lang, PAGE.min(total - visible)) }
                        </button>
                    </p>
                }
            }
        </section>
    }
}
