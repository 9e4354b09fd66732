//! One service in its tier: its label and who offers it, how available (icon and text,
//! never colour alone). Activating it opens the detail.

use crate::core::gaps::{GapSeverity, GapTarget};
use crate::core::i18n::{
    access_label, action_on, catalogue, gap_badge, provider_count, status_label, workshop_text,
};
use crate::core::text::{join, Lang};
use crate::state::{Action, Prepared, Shared, WORKSHOP};
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

#[component]
pub fn ServiceCard(props: &ServiceCardProps) -> Html {
    let lang = props.lang;
    let config = &props.prepared.config;
    let summary = &props.prepared.range[props.position].services[props.index];
    let service = &config.services[summary.service];
    let status = summary.status;
    let onclick = {
        let (on_open, index) = (props.on_open.clone(), summary.service);
        Callback::from(move |_| on_open.emit(index))
    };
    let providers: Vec<&str> = summary
        .offers
        .iter()
        .filter_map(|&o| config.provider(&config.offers[o].provider))
        .map(|p| p.name.get(lang))
        .collect();
    // How to get there, once per route: what a citizen needs before calling anyone.
    let mut routes = Vec::new();
    for &o in &summary.offers {
        let label = access_label(lang, config.offers[o].access);
        if !routes.contains(&label) {
            routes.push(label);
        }
    }
    let add_gap = {
        let (on_action, id) = (props.on_action.clone(), service.id.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::NewGap(GapTarget::Service {
                service: id.clone(),
            }))
        })
    };
    // One text node per line keeps long ranges light to render.
    let status_line = match providers.len() {
        0 => status_label(lang, status).to_string(),
        n => format!(
            "{} · {}",
            status_label(lang, status),
            provider_count(lang, n)
        ),
    };
    html! {
        <li class={classes!("srm-service", format!("srm-status-{}", status.key()))} part="service"
            data-service={service.id.clone()} data-status={status.key()}>
            <button type="button" class="srm-service-open" aria-haspopup="dialog" {onclick}>
                <span class="srm-service-label">{ service.label.get(lang) }</span>
                <span class="srm-service-status srm-status-mark">{ status_line }</span>
                if !providers.is_empty() {
                    <span class="srm-service-providers">{ join(&providers, ", ") }</span>
                }
                if !routes.is_empty() {
                    <span class="srm-service-access">
                        { format!("{}{}{}", catalogue(lang).access, catalogue(lang).colon, join(&routes, " · ")) }
                    </span>
                }
                if let Some((count, highest)) = props.badge.filter(|_| WORKSHOP) {
                    <span class={classes!("srm-gap-badge", format!("srm-severity-{}", highest.key()))}>
                        { gap_badge(lang, count, highest) }
                    </span>
                }
            </button>
            if WORKSHOP && props.editable {
                <button type="button" class="srm-add-gap srm-card-add" onclick={add_gap}
                        aria-label={action_on(lang, workshop_text(lang).add_gap, service.label.get(lang))}>
                    <span aria-hidden="true">{ "+ " }</span>{ workshop_text(lang).add_gap }
                </button>
            }
        </li>
    }
}
