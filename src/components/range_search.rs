//! Finding services: a search box that forgives accents, case and the language, and
//! filters by tier and by kind of provider, with the number found said aloud.

use super::field_value;
use crate::core::i18n::{catalogue, provider_kind_label, services_found};
use crate::core::model::{Named, ProviderKind};
use crate::core::search::RangeQuery;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use yew::prelude::*;

pub struct RangeSearchProps {
    pub prepared: Shared<Prepared>,
    pub query: RangeQuery,
    /// How many services the query finds.
    pub found: usize,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// A plain function, not a component (no state; each component costs the bundle).
pub fn range_search(props: &RangeSearchProps) -> Html {
    let lang = props.lang;
    let text = catalogue(lang);
    let id = |part: &str| format!("{}-search-{part}", props.uid);
    // Each control sends the whole query with its own part changed.
    let change = |edit: fn(&mut RangeQuery, String)| {
        let (query, on_action) = (props.query.clone(), props.on_action.clone());
        Callback::from(move |event: Event| {
            let mut query = query.clone();
            edit(&mut query, field_value(&event));
            on_action.emit(Action::SetQuery(query));
        })
    };
    let oninput = {
        let (query, on_action) = (props.query.clone(), props.on_action.clone());
        Callback::from(move |event: InputEvent| {
            let text = field_value(&event);
            on_action.emit(Action::SetQuery(RangeQuery {
                text,
                ..query.clone()
            }));
        })
    };
    let clear = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::SetQuery(RangeQuery::default())))
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let tiers = &props.prepared.config.tiers;
    let kinds: Vec<ProviderKind> = ProviderKind::NAMES
        .iter()
        .map(|(_, kind)| *kind)
        .filter(|kind| {
            props
                .prepared
                .config
                .providers
                .iter()
                .any(|p| p.kind == *kind)
        })
        .collect();
    let kind_key = ProviderKind::name;
    let selected_kind = props.query.kind.map_or("", kind_key);
    // Named after the territory: two widgets on a page make two distinct search landmarks.
    let name = format!(
        "{} — {}",
        text.search_title,
        props.prepared.config.territory.name.get(lang)
    );
    html! {
        <form class="srm-search" part="search" role="search" aria-label={name} {onsubmit}>
            <div class="srm-search-field srm-search-words">
                <label for={id("words")}>{ text.search_label }</label>
                <input id={id("words")} type="search" value={props.query.text.clone()}
                       aria-describedby={id("hint")} autocomplete="off" {oninput} />
                <p class="srm-search-hint" id={id("hint")}>{ text.search_hint }</p>
            </div>
            if tiers.len() > 1 {
                <div class="srm-search-field">
                    <label for={id("tier")}>{ text.filter_tier }</label>
                    <select id={id("tier")} onchange={change(|q, v| q.tier = Some(v).filter(|v| !v.is_empty()))}>
                        <option value="" selected={props.query.tier.is_none()}>{ text.all_tiers }</option>
                        { for tiers.iter().map(|tier| html! {
                            <option key={tier.id.clone()} value={tier.id.clone()}
                                    selected={props.query.tier.as_ref() == Some(&tier.id)}>
                                { tier.label.get(lang) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            if kinds.len() > 1 {
                <div class="srm-search-field">
                    <label for={id("kind")}>{ text.filter_kind }</label>
                    <select id={id("kind")} onchange={change(|q, v| {
                        q.kind = ProviderKind::named(&v)
                    })}>
                        <option value="" selected={selected_kind.is_empty()}>{ text.all_kinds }</option>
                        { for kinds.iter().map(|&kind| html! {
                            <option key={kind_key(kind)} value={kind_key(kind)} selected={selected_kind == kind_key(kind)}>
                                { provider_kind_label(lang, kind) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            <p class="srm-search-result" role="status">
                if !props.query.is_empty() {
                    { services_found(lang, props.found) }{ " " }
                    <button type="button" class="srm-search-clear" onclick={clear}>{ text.clear_search }</button>
                }
            </p>
        </form>
    }
}
