//! The range of services: every tier at once, in config order (proximity first).

use super::TierSection;
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RangeViewProps {
    pub prepared: Shared<Prepared>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_open: Callback<usize>,
}

#[component]
pub fn RangeView(props: &RangeViewProps) -> Html {
    let tiers = props.prepared.range.len();
    html! {
        <div class={classes!("srm-range", format!("srm-range-{tiers}"))}>
            { for (0..tiers).map(|position| html! {
                <TierSection
                    key={props.prepared.config.tiers[props.prepared.range[position].tier].id.clone()}
                    prepared={props.prepared.clone()}
                    {position}
                    lang={props.lang}
                    uid={props.uid.clone()}
                    on_open={props.on_open.clone()} />
            }) }
        </div>
    }
}
