//! The range of services: the search, the legend, then every tier at once, in config
//! order (proximity first).

use super::{legend, range_search, RangeSearchProps, TierSection};
use crate::core::gaps::{GapSeverity, GapTarget};
use crate::core::search::{find, RangeQuery};
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared, WORKSHOP};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// For each service with gaps: how many, and the highest severity.
pub type Badges = Rc<HashMap<String, (usize, GapSeverity)>>;

#[derive(Properties, PartialEq)]
pub struct RangeViewProps {
    pub prepared: Shared<Prepared>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub session: Shared<Session>,
    pub editable: bool,
    pub query: RangeQuery,
    pub on_open: Callback<usize>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn RangeView(props: &RangeViewProps) -> Html {
    let tiers = props.prepared.range.len();
    // Computed once per session change; each card then compares only its own badge.
    let badges: Badges = use_memo(props.session.clone(), |session| {
        let mut badges: HashMap<String, (usize, GapSeverity)> = HashMap::new();
        for gap in session.gaps.iter().filter(|_| WORKSHOP) {
            if let GapTarget::Service { service } = &gap.target {
                let badge = badges.entry(service.clone()).or_insert((0, gap.severity));
                badge.0 += 1;
                badge.1 = badge.1.max(gap.severity);
            }
        }
        badges
    });
    // The services each tier shows, computed again only when the config or query change.
    let found = use_memo(
        (props.prepared.clone(), props.query.clone()),
        |(prepared, query)| -> Vec<std::rc::Rc<[usize]>> {
            let positions = match query.is_empty() {
                true => prepared
                    .range
                    .iter()
                    .map(|tier| (0..tier.services.len()).collect())
                    .collect(),
                false => find(
                    &prepared.config,
                    &prepared.range,
                    prepared.haystacks(),
                    query,
                ),
            };
            positions.into_iter().map(Rc::from).collect()
        },
    );
    let count = found.iter().map(|f| f.len()).sum::<usize>();
    let tier_id =
        |position: usize| &props.prepared.config.tiers[props.prepared.range[position].tier].id;
    let shown: Vec<usize> = (0..tiers)
        .filter(|&p| props.query.tier.as_ref().is_none_or(|t| t == tier_id(p)))
        .collect();
    html! {
        <>
        { range_search(&RangeSearchProps {
            prepared: props.prepared.clone(),
            query: props.query.clone(),
            found: count,
            lang: props.lang,
            uid: props.uid.clone(),
            on_action: props.on_action.clone(),
        }) }
        // On a phone, the territory's long description after the search (what citizens
        // came for) rather than above it; srm.css shows one of the two.
        if let Some(description) = &props.prepared.config.territory.description {
            <p class="srm-description srm-description-narrow">{ description.get(props.lang) }</p>
        }
        // The search first, then what the marks mean.
        { legend(props.lang) }
        <div class={classes!("srm-range", format!("srm-range-{}", shown.len()))} part="range">
            { for shown.into_iter().map(|position| html! {
                <TierSection
                    key={tier_id(position).clone()}
                    prepared={props.prepared.clone()}
                    {position}
                    lang={props.lang}
                    uid={props.uid.clone()}
                    session={props.session.clone()}
                    badges={badges.clone()}
                    found={found[position].clone()}
                    editable={props.editable}
                    on_open={props.on_open.clone()}
                    on_action={props.on_action.clone()} />
            }) }
        </div>
        </>
    }
}
