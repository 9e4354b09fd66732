//! What each service status means: icon, name and explanation.

use crate::core::figures::ServiceStatus;
use crate::core::i18n::{catalogue, status_explanation, status_label};
use crate::core::text::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub lang: Lang,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    html! {
        <div class="srm-legend">
            <h3 class="srm-legend-title">{ text.legend }</h3>
            <p class="srm-legend-intro">{ text.legend_intro }</p>
            <ul class="srm-legend-list">
                { for ServiceStatus::ALL.iter().map(|&status| html! {
                    <li key={status.key()} class={classes!("srm-legend-item", format!("srm-status-{}", status.key()))}>
                        <strong class="srm-status-mark">{ status_label(lang, status) }</strong>
                        { " — " }{ status_explanation(lang, status) }
                    </li>
                }) }
            </ul>
        </div>
    }
}
