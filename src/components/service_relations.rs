//! In a service's detail: every pair of the providers that offer it, at its level and
//! target ("no relation" included: two organisations offering the same service without
//! working together is what a workshop looks for), with a button to set it in a workshop.
//! The link from the range to the continuum.

use crate::core::continuum::{level_label, providers_label};
use crate::core::i18n::{action_on, catalogue, level_and_target, workshop_text};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{use_collaboration, Action, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ServiceRelationsProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    /// Index of the service in the config.
    pub service: usize,
    pub lang: Lang,
    pub editable: bool,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ServiceRelations(props: &ServiceRelationsProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let colon = catalogue(lang).colon;
    let collaboration = use_collaboration(&props.prepared, &props.session);
    let config = &props.prepared.config;
    let service = &config.services[props.service];
    let providers: Vec<usize> = config
        .offers
        .iter()
        .filter(|o| o.service == service.id)
        .filter_map(|o| config.providers.iter().position(|p| p.id == o.provider))
        .collect();
    let scale = &collaboration.scale;
    let pairs = collaboration.network.pairs_among(&providers);
    html! {
        <section class="srm-service-relations">
            <h3>{ work.relations_between_providers }</h3>
            if pairs.is_empty() {
                <p class="srm-empty">{ work.no_pair_of_providers }</p>
            } else {
                <ul>
                    { for pairs.iter().map(|&((a, b), link)| {
                        let pair = providers_label(config, (a, b), lang);
                        let level = level_label(scale, link.map_or(0, |l| l.level), lang);
                        let target = link.and_then(|l| l.target).map(|t| level_label(scale, t, lang));
                        let ids = [config.providers[a].id.clone(), config.providers[b].id.clone()];
                        let onclick = {
                            let on_action = props.on_action.clone();
                            Callback::from(move |_: MouseEvent| on_action.emit(Action::EditRelation(ids.clone())))
                        };
                        html! {
                            <li key={format!("{a}-{b}")}>
                                <strong>{ &pair }</strong>{ colon }{ level_and_target(lang, &level, target.as_deref()) }
                                if props.editable {
                                    { " " }
                                    <button type="button" class="srm-edit-relation" {onclick}
                                            aria-label={action_on(lang, work.edit_relation, &pair)}>{ work.edit }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
