//! The territory the range belongs to: name, kind, population, who is served, and a clear
//! mark when it is an example.

use super::language_switch;
use crate::core::i18n::{catalogue, population, territory_kind_label};
use crate::core::text::{join, Lang};
use crate::state::{Prepared, Shared};
use yew::prelude::*;

pub struct TerritoryHeaderProps {
    pub prepared: Shared<Prepared>,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

/// A plain function, not a component (no state; each component costs the bundle).
pub fn territory_header(props: &TerritoryHeaderProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let territory = &props.prepared.config.territory;
    let mut facts = vec![territory_kind_label(lang, territory.kind).to_string()];
    if let Some(n) = territory.population {
        facts.push(population(lang, n));
    }
    html! {
        <div class="srm-header" part="header">
            <div class="srm-header-main">
                <p class="srm-eyebrow">{ text.widget_label }</p>
                <h2 class="srm-title">
                    { territory.name.get(lang) }
                    if territory.example {
                        { " " }<span class="srm-badge srm-badge-example">{ text.example_badge }</span>
                    }
                </h2>
                <p class="srm-facts">{ join(&facts, " · ") }</p>
                if let Some(served) = &territory.population_served {
                    <p class="srm-served">
                        <span class="srm-served-label">{ text.population_served }{ text.colon }</span>
                        { served.get(lang) }
                    </p>
                }
                if let Some(description) = &territory.description {
                    // On a phone the range view shows it after the search instead.
                    <p class="srm-description srm-description-wide">{ description.get(lang) }</p>
                }
                if territory.example {
                    <p class="srm-example-notice">{ text.example_notice }</p>
                }
            </div>
            { language_switch(lang, &props.on_lang) }
        </div>
    }
}
