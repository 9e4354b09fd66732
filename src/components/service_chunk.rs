//! A run of services of a tier (at most [`CHUNK`]). A tier's list is made of
//! chunks so that a change to one service (a gap added) re-renders its chunk only, not the
//! thousands of cards of a large range.

use super::ServiceCard;
use crate::core::gaps::GapSeverity;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared};
use std::rc::Rc;
use yew::prelude::*;

/// How many cards a chunk holds.
pub const CHUNK: usize = 64;

/// A service's gap badge: how many gaps, and the highest severity.
pub type Badge = Option<(usize, GapSeverity)>;

#[derive(Properties, PartialEq)]
pub struct ServiceChunkProps {
    pub prepared: Shared<Prepared>,
    /// Position of the tier in the range.
    pub position: usize,
    /// The services of the chunk, by their positions in the tier.
    pub positions: Rc<[usize]>,
    /// The badges of the chunk's services, in order (compared by value).
    pub badges: Rc<[Badge]>,
    pub lang: Lang,
    pub editable: bool,
    pub on_open: Callback<usize>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn ServiceChunk(props: &ServiceChunkProps) -> Html {
    let services = &props.prepared.range[props.position].services;
    html! {
        { for props.positions.iter().zip(props.badges.iter()).map(|(&index, badge)| {
            html! {
                <ServiceCard
                    key={props.prepared.key(services[index].service)}
                    prepared={props.prepared.clone()}
                    position={props.position}
                    {index}
                    lang={props.lang}
                    badge={*badge}
                    editable={props.editable}
                    on_open={props.on_open.clone()}
                    on_action={props.on_action.clone()} />
            }
        }) }
    }
}
