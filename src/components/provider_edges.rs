//! The edges of one provider in the network graph (to providers after it in the config, so
//! each relation is drawn once). Grouped by provider so that a change of level or of
//! selection redraws a few groups, not thousands of edges. The style of an edge says its
//! level by more than colour: the higher the level, the thicker and the more solid the line.

use std::rc::Rc;
use yew::prelude::*;

/// One edge: where it goes, its style class (1 to 5, by level), and its label when shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub to: usize,
    pub from_xy: (i32, i32),
    pub to_xy: (i32, i32),
    pub style: usize,
    /// Highlighted (a relation of the selected provider), dimmed (another), or neither.
    pub lit: Option<bool>,
    /// The level in words and where it is written, when a provider of the edge is in focus.
    pub label: Option<(AttrValue, (i32, i32))>,
    pub gap: bool,
}

#[derive(Properties, PartialEq)]
pub struct ProviderEdgesProps {
    pub edges: Rc<Vec<Edge>>,
}

#[component]
pub fn ProviderEdges(props: &ProviderEdgesProps) -> Html {
    html! {
        <g class="srm-edges">
            { for props.edges.iter().map(|e| {
                let class = classes!(
                    "srm-edge",
                    format!("srm-edge-{}", e.style),
                    e.gap.then_some("srm-edge-gap"),
                    match e.lit { Some(true) => Some("srm-edge-on"), Some(false) => Some("srm-edge-off"), None => None },
                );
                let (x1, y1) = e.from_xy;
                let (x2, y2) = e.to_xy;
                html! {
                    <g key={e.to}>
                        <line {class} x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()} />
                        if let Some((label, (x, y))) = &e.label {
                            <text class="srm-edge-label" x={x.to_string()} y={y.to_string()}
                                  text-anchor="middle">{ label.clone() }</text>
                        }
                    </g>
                }
            }) }
        </g>
    }
}
