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
    service_cards(
        &props.prepared,
        props.position,
        &props.positions,
        &props.badges,
        props.lang,
        props.editable,
        &props.on_open,
        &props.on_action,
    )
}

/// The cards of services of a tier (by their positions in it), each with its badge. The workshop
/// wraps runs of them in [`ServiceChunk`]s; the view build, which never re-renders for a
/// gap, lists them directly.
#[allow(clippy::too_many_arguments)]
pub fn service_cards(
    prepared: &Shared<Prepared>,
    position: usize,
    positions: &[usize],
    badges: &[Badge],
    lang: Lang,
    editable: bool,
    on_open: &Callback<usize>,
    on_action: &Callback<Action>,
) -> Html {
    let services = &prepared.range[position].services;
    html! {
        { for positions.iter().zip(badges).map(|(&index, badge)| {
            html! {
                <ServiceCard
                    key={prepared.keys[services[index].service].clone()}
                    prepared={prepared.clone()}
                    {position}
                    {index}
                    {lang}
                    badge={*badge}
                    {editable}
                    on_open={on_open.clone()}
                    on_action={on_action.clone()} />
            }
        }) }
    }
}
