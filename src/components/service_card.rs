//! One service in its tier: its label and who offers it, how available (icon and text,
//! never colour alone). Activating it opens the detail.

use super::service_chunk::Badge;
use crate::core::gaps::{GapSeverity, GapTarget};
use crate::core::i18n::{
    access_label, action_on, catalogue, gap_badge, provider_count, status_label, workshop_text,
};
use crate::core::text::{join, Lang};
use crate::state::{Action, Prepared, Shared, WORKSHOP};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ServiceCardProps {
    pub prepared: Shared<Prepared>,
    /// Position of the tier in the range, and of the service in the tier.
    pub position: usize,
    pub index: usize,
    pub lang: Lang,
    /// How many gaps the service has, and the highest severity.
    pub badge: Option<(usize, GapSeverity)>,
    pub editable: bool,
    pub on_open: Callback<usize>,
    pub on_action: Callback<Action>,
}

/// What a service's card says, in both of its forms below.
struct CardText<'a> {
    id: &'a str,
    label: &'a str,
    status: &'static str,
    /// Its availability, and how many organisations offer it.
    status_line: String,
    providers: Option<String>,
    /// How to get there, once per route: what a citizen needs before calling anyone.
    access: Option<String>,
    badge: Option<(String, &'static str)>,
}

fn card_text<'a>(
    prepared: &'a Prepared,
    position: usize,
    index: usize,
    lang: Lang,
    badge: Badge,
) -> CardText<'a> {
    let config = &prepared.config;
    let summary = &prepared.range[position].services[index];
    let service = &config.services[summary.service];
    let providers: Vec<&str> = summary
        .offers
        .iter()
        .filter_map(|&o| prepared.provider(&config.offers[o].provider))
        .map(|p| p.name.get(lang))
        .collect();
    let mut routes = Vec::new();
    for &o in &summary.offers {
        let label = access_label(lang, config.offers[o].access);
        if !routes.contains(&label) {
            routes.push(label);
        }
    }
    let status_line = match providers.len() {
        0 => status_label(lang, summary.status).to_string(),
        n => format!(
            "{} · {}",
            status_label(lang, summary.status),
            provider_count(lang, n)
        ),
    };
    let text = catalogue(lang);
    CardText {
        id: &service.id,
        label: service.label.get(lang),
        status: summary.status.key(),
        status_line,
        providers: (!providers.is_empty()).then(|| join(&providers, ", ")),
        access: (!routes.is_empty())
            .then(|| format!("{}{}{}", text.access, text.colon, join(&routes, " · "))),
        badge: badge
            .filter(|_| WORKSHOP)
            .map(|(count, highest)| (gap_badge(lang, count, highest), highest.key())),
    }
}

/// A card for a workshop, where gaps come and go: a component, so that a gap added
/// re-renders its card only and the focus stays where it was.
#[component]
pub fn ServiceCard(props: &ServiceCardProps) -> Html {
    let lang = props.lang;
    let card = card_text(
        &props.prepared,
        props.position,
        props.index,
        lang,
        props.badge,
    );
    let service = props.prepared.range[props.position].services[props.index].service;
    let onclick = {
        let on_open = props.on_open.clone();
        Callback::from(move |_| on_open.emit(service))
    };
    let add_gap = {
        let (on_action, id) = (props.on_action.clone(), card.id.to_string());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::NewGap(GapTarget::Service {
                service: id.clone(),
            }))
        })
    };
    // One text node per line keeps long ranges light to render.
    html! {
        <li class={classes!("srm-service", format!("srm-status-{}", card.status))} part="service"
            data-service={card.id.to_string()} data-status={card.status}>
            <button type="button" class="srm-service-open" aria-haspopup="dialog" {onclick}>
                <span class="srm-service-label">{ card.label }</span>
                <span class="srm-service-status srm-status-mark">{ card.status_line }</span>
                if let Some(providers) = card.providers {
                    <span class="srm-service-providers">{ providers }</span>
                }
                if let Some(access) = card.access {
                    <span class="srm-service-access">{ access }</span>
                }
                if let Some((badge, severity)) = card.badge {
                    <span class={classes!("srm-gap-badge", format!("srm-severity-{severity}"))}>
                        { badge }
                    </span>
                }
            </button>
            if WORKSHOP && props.editable {
                <button type="button" class="srm-add-gap srm-card-add" onclick={add_gap}
                        aria-label={action_on(lang, workshop_text(lang).add_gap, card.label)}>
                    <span aria-hidden="true">{ "+ " }</span>{ workshop_text(lang).add_gap }
                </button>
            }
        </li>
    }
}

/// The texts of the cards of a list in the citizens' bundle, for [`super::CardList`] (which makes the
/// cards in one call, see `src/cards.js`): for each card its id, status, label, status
/// line, providers and access, each followed by U+001F (taken out of the texts, where it
/// would shift every field after it). Citizens see no gaps: their cards have no badge.
pub fn cards_record(
    prepared: &Prepared,
    position: usize,
    positions: &[usize],
    lang: Lang,
) -> String {
    let mut record = String::with_capacity(positions.len() * 160);
    for &index in positions {
        let card = card_text(prepared, position, index, lang, None);
        for field in [
            card.id,
            card.status,
            card.label,
            &card.status_line,
            card.providers.as_deref().unwrap_or(""),
            card.access.as_deref().unwrap_or(""),
        ] {
            // A separator inside a text (never in real ones) becomes a space.
            match field.contains(SEPARATOR) {
                false => record.push_str(field),
                true => record.push_str(&field.replace(SEPARATOR, " ")),
            }
            record.push(SEPARATOR);
        }
    }
    record
}

/// What ends each field of [`cards_record`]: a control character no text needs.
pub const SEPARATOR: char = '\u{1f}';

/// The service whose card a click in a [`super::CardList`] opened, if it opened one:
/// its index in the config, found by the card's `data-service`.
pub fn opened_service(prepared: &Prepared, event: &Event) -> Option<usize> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let card = target
        .closest(".srm-service-open")
        .ok()??
        .parent_element()?;
    let id = card.get_attribute("data-service")?;
    prepared.config.services.iter().position(|s| s.id == id)
}
