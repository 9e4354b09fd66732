//! One service in its tier: its label and who offers it, how available (icon and text,
//! never colour alone). Activating it opens the detail.

use crate::core::figures::ServiceSummary;
use crate::core::i18n::{catalogue, provider_count, status_icon, status_label};
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
    html! {
        <li class={classes!("srm-service", format!("srm-status-{}", status.key()))}
            data-service={service.id.clone()} data-status={status.key()}>
            <button type="button" class="srm-service-open" aria-haspopup="dialog"
                    title={catalogue(lang).open_detail} {onclick}>
                <span class="srm-service-label">{ service.label.get(lang) }</span>
                <span class="srm-service-status">
                    <span class="srm-status-icon" aria-hidden="true">{ status_icon(status) }</span>
                    { status_label(lang, status) }
                    if !providers.is_empty() {
                        { " · " }{ provider_count(lang, providers.len()) }
                    }
                </span>
                if !providers.is_empty() {
                    <span class="srm-service-providers">{ providers.join(", ") }</span>
                }
            </button>
        </li>
    }
}
