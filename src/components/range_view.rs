//! The range of services: every tier at once, in config order (proximity first).

use super::TierSection;
use crate::core::gaps::{GapSeverity, GapTarget};
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
    html! {
        <div class={classes!("srm-range", format!("srm-range-{tiers}"))}>
            { for (0..tiers).map(|position| html! {
                <TierSection
                    key={props.prepared.config.tiers[props.prepared.range[position].tier].id.clone()}
                    prepared={props.prepared.clone()}
                    {position}
                    lang={props.lang}
                    uid={props.uid.clone()}
                    session={props.session.clone()}
                    badges={badges.clone()}
                    editable={props.editable}
                    on_open={props.on_open.clone()}
                    on_action={props.on_action.clone()} />
            }) }
        </div>
    }
}
