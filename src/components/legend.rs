//! What each service status means: icon, name and explanation. A plain function, not a
//! component: it has no state, and each component costs the bundle its share of Yew.

use crate::core::figures::ServiceStatus;
use crate::core::i18n::{catalogue, status_explanation, status_label};
use crate::core::text::Lang;
use yew::prelude::*;

pub fn legend(lang: Lang) -> Html {
    let text = catalogue(lang);
    html! {
        <div class="srm-legend" part="legend">
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
