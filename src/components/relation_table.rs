//! The relations between partners as a table: the accessible equivalent of the network
//! graph, beside it. With a provider selected, its relations only. Each row names the pair,
//! its current and target levels, its mechanisms and the services it concerns (each opens
//! the service's detail); in a workshop, a button edits the relation, and with a provider
//! selected, "Relation avec" opens its relation with any other provider.

use super::field_value;
use crate::core::continuum::{level_label, mechanisms_text, pair_label};
use crate::core::i18n::{action_on, lines_shown, relations_of, show_more, workshop_text};
use crate::core::text::Lang;
use crate::state::{Action, Collaboration, Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RelationTableProps {
    pub prepared: Shared<Prepared>,
    pub collaboration: Shared<Collaboration>,
    pub lang: Lang,
    pub editable: bool,
    /// Only the relations of this provider, when one is selected.
    pub selected: Option<usize>,
    pub on_action: Callback<Action>,
    /// Shows every relation again.
    pub on_clear: Callback<()>,
}

/// How many rows are shown at first, and added by "show more".
const PAGE: usize = 100;

#[component]
pub fn RelationTable(props: &RelationTableProps) -> Html {
    let limit = use_state(|| PAGE);
    // The partner chosen for a new relation of the selected provider.
    let partner = use_state(|| None::<usize>);
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let collaboration = &props.collaboration;
    let scale = &collaboration.scale;
    let links: Vec<_> = match props.selected {
        Some(p) => collaboration.network.links_of(p).collect(),
        None => collaboration.network.links.iter().collect(),
    };
    let total = links.len();
    let caption = match props.selected {
        Some(p) => relations_of(lang, config.providers[p].name.get(lang)),
        None => work.relations_caption.to_string(),
    };
    let rows = links.iter().take(*limit).map(|link| {
        let pair = pair_label(config, link, lang);
        let ids = [config.providers[link.a].id.clone(), config.providers[link.b].id.clone()];
        let edit = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: MouseEvent| on_action.emit(Action::EditRelation(ids.clone())))
        };
        html! {
            <tr key={format!("{}-{}", link.a, link.b)} class={classes!(link.is_gap().then_some("srm-below-target"))}
                data-pair={format!("{}|{}", config.providers[link.a].id, config.providers[link.b].id)}>
                <th scope="row">{ &pair }</th>
                <td class="srm-relation-level">{ level_label(scale, link.level, lang) }</td>
                <td class="srm-relation-target">{ link.target.map(|t| level_label(scale, t, lang)).unwrap_or_default() }</td>
                <td>{ mechanisms_text(&link.mechanisms, lang) }</td>
                <td>
                    <ul class="srm-inline-list">
                        { for link.services.iter().map(|&s| {
                            let on_action = props.on_action.clone();
                            let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::OpenService(s)));
                            html! {
                                <li key={s}><button type="button" class="srm-link-button" {onclick}>{ config.services[s].label.get(lang) }</button></li>
                            }
                        }) }
                    </ul>
                </td>
                if props.editable {
                    <td class="srm-row-buttons">
                        <button type="button" onclick={edit} aria-label={action_on(lang, work.edit_relation, &pair)}>{ work.edit }</button>
                    </td>
                }
            </tr>
        }
    });
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    let clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };
    // With a provider selected, a workshop can open the relation with any other provider,
    // related or not yet: the graph draws only the pairs that have one.
    let new_relation = props.selected.filter(|_| props.editable).map(|p| {
        let chosen = partner
            .filter(|&q| q != p && q < config.providers.len())
            .or_else(|| (0..config.providers.len()).find(|&q| q != p));
        let onchange = {
            let partner = partner.clone();
            Callback::from(move |event: Event| partner.set(field_value(&event).parse().ok()))
        };
        let open = {
            let on_action = props.on_action.clone();
            let providers = &config.providers;
            let ids = chosen.map(|q| [providers[p].id.clone(), providers[q].id.clone()]);
            Callback::from(move |_: MouseEvent| {
                if let Some(ids) = &ids {
                    on_action.emit(Action::EditRelation(ids.clone()));
                }
            })
        };
        html! {
            <p class="srm-new-relation">
                <label>
                    { work.relation_with }{ " " }
                    <select {onchange}>
                        { for config.providers.iter().enumerate().filter(|(q, _)| *q != p).map(|(q, provider)| html! {
                            <option key={q} value={q.to_string()} selected={chosen == Some(q)}>{ provider.name.get(lang) }</option>
                        }) }
                    </select>
                </label>
                { " " }
                <button type="button" class="srm-edit-relation" onclick={open}>{ work.set_relation }</button>
            </p>
        }
    });
    html! {
        <div class="srm-relation-table">
            <p class="srm-inventory-count" role="status">{ lines_shown(lang, total.min(*limit), total) }</p>
            if props.selected.is_some() {
                <p><button type="button" class="srm-link-button" onclick={clear}>{ work.show_every_relation }</button></p>
            }
            { for new_relation }
            <div class="srm-table-scroll">
                <table class="srm-table srm-relations">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ work.col_relation }</th>
                        <th scope="col">{ work.col_level }</th>
                        <th scope="col">{ work.col_target }</th>
                        <th scope="col">{ work.col_mechanisms }</th>
                        <th scope="col">{ work.col_services }</th>
                        if props.editable { <th scope="col">{ work.col_actions }</th> }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if total > *limit {
                <p><button type="button" class="srm-more" onclick={more}>{ show_more(lang, PAGE.min(total - *limit)) }</button></p>
            }
        </div>
    }
}
