//! The range as an import would leave it, before anything is applied: per tier, its
//! services and how many are offered before and after; then the services nobody offers.

use crate::core::directory_text::{directory_text, uncovered_title};
use crate::core::mapping::{uncovered, Applied};
use crate::core::model::Config;
use crate::core::text::{join, Lang};
use crate::state::Shared;
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    pub before: Shared<Config>,
    pub after: Shared<Config>,
    pub done: Rc<Applied>,
    pub lang: Lang,
    pub uid: AttrValue,
}

/// How many services of a tier have at least one offer.
fn offered(config: &Config, tier: &str) -> (usize, usize) {
    let with_offer: HashSet<&str> = config.offers.iter().map(|o| o.service.as_str()).collect();
    let services = config.services.iter().filter(|s| s.tier == tier);
    let (mut all, mut covered) = (0, 0);
    for s in services {
        all += 1;
        covered += usize::from(with_offer.contains(s.id.as_str()));
    }
    (all, covered)
}

#[component]
pub fn ImportPreview(props: &ImportPreviewProps) -> Html {
    let lang = props.lang;
    let t = directory_text(lang);
    let (before, after) = (&*props.before, &*props.after);
    let rows = after.tiers.iter().map(|tier| {
        let (_, was) = offered(before, &tier.id);
        let (all, now) = offered(after, &tier.id);
        html! {
            <tr key={tier.id.clone()}>
                <th scope="row">{ tier.label.get(lang) }</th>
                <td>{ all }</td>
                <td>{ format!("{was} → {now}") }</td>
            </tr>
        }
    });
    let missing = uncovered(after);
    let names: Vec<&str> = missing.iter().map(|s| s.label.get(lang)).collect();
    let title = format!("{}-import-preview", props.uid);
    html! {
        <div class="srm-import-preview">
            <h4 id={title.clone()}>{ t.preview_title }</h4>
            <table aria-labelledby={title}>
                <thead>
                    <tr>
                        <th scope="col">{ t.col_tier }</th>
                        <th scope="col">{ t.col_services }</th>
                        <th scope="col">{ t.col_covered }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p><strong>{ uncovered_title(lang, missing.len()) }</strong>{ if names.is_empty() { String::new() } else { format!(" : {}", join(&names, ", ")) } }</p>
        </div>
    }
}
