//! One service in its tier: its label and who offers it, how available (icon and text,
//! never colour alone). Activating it opens the detail.

use crate::core::figures::ServiceSummary;
use crate::core::i18n::{provider_count, status_label};
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ServiceCardProps {
    pub prepared: Shared<Prepared>,
    pub summary: ServiceSummary,
    pub lang: Lang,
    pub on_open: Callback<usize>,
}

#[component]
pub fn ServiceCard(props: &ServiceCardProps) -> Html {
    let lang = props.lang;
    let config = &props.prepared.config;
    let service = &config.services[props.summary.service];
    let status = props.summary.status;
    let onclick = {
        let (on_open, index) = (props.on_open.clone(), props.summary.service);
        Callback::from(move |_| on_open.emit(index))
    };
    let providers: Vec<&str> = props
        .summary
        .offers
        .iter()
        .filter_map(|&o| config.provider(&config.offers[o].provider))
        .map(|p| p.name.get(lang))
        .collect();
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
        <li class={classes!("srm-service", format!("srm-status-{}", status.key()))}
            data-service={service.id.clone()} data-status={status.key()}>
            <button type="button" class="srm-service-open" aria-haspopup="dialog" {onclick}>
                <span class="srm-service-label">{ service.label.get(lang) }</span>
                <span class="srm-service-status srm-status-mark">{ status_line }</span>
                if !providers.is_empty() {
                    <span class="srm-service-providers">{ providers.join(", ") }</span>
                }
            </button>
        </li>
    }
}
