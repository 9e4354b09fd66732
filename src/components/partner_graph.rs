//! The network graph in SVG: providers as nodes on a circle, each kind of organisation on
//! its own arc; relations as edges whose thickness and dash say their level. A node is a
//! button: arrow keys move between nodes, Enter or Space selects one, which highlights its
//! relations and labels them with their level (the table beside lists them). No inline
//! style: positions are SVG attributes, looks are classes of the workshop stylesheet.

use super::{Edge, GraphNode, ProviderEdges};
use crate::core::continuum::{by_kind, kind_key, layout, level_label, scale};
use crate::core::i18n::{catalogue, provider_kind_label, workshop_text};
use crate::core::text::Lang;
use crate::state::{Collaboration, Prepared, Shared};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PartnerGraphProps {
    pub prepared: Shared<Prepared>,
    pub collaboration: Shared<Collaboration>,
    pub lang: Lang,
    /// The selected provider, whose relations are highlighted.
    pub selected: Option<usize>,
    pub on_select: Callback<Option<usize>>,
}

/// The side of the drawing, in SVG units.
const SIZE: f64 = 800.0;
/// Up to this many providers, every node is named; beyond, only the one in focus.
const NAMED: usize = 40;

/// A name short enough to sit beside its node (the full name is the node's label).
fn short(name: &str) -> String {
    const LONGEST: usize = 24;
    match name.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", name[..cut].trim_end()),
        None => name.to_string(),
    }
}

/// The style class (1 to 5) of a level rank on a scale whose top rank is `top`.
fn style_of(level: usize, top: usize) -> usize {
    if level == 0 {
        0
    } else {
        (level * 5).div_ceil(top.max(1)).clamp(1, 5)
    }
}

#[component]
pub fn PartnerGraph(props: &PartnerGraphProps) -> Html {
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let n = config.providers.len();
    let groups = use_memo(props.prepared.clone(), |p| by_kind(&p.config));
    let positions = use_memo(props.prepared.clone(), |p| {
        let groups = by_kind(&p.config);
        layout(&groups, p.config.providers.len(), SIZE)
            .into_iter()
            .map(|(x, y)| (x.round() as i32, y.round() as i32))
            .collect::<Vec<_>>()
    });
    let levels = use_memo((props.prepared.clone(), lang), |(p, lang)| {
        let scale = scale(&p.config);
        (0..scale.len())
            .map(|r| AttrValue::from(level_label(&scale, r, *lang)))
            .collect::<Vec<_>>()
    });
    // The node reached with Tab: the one in focus last (roving focus).
    let focused = use_state(|| None::<usize>);
    let network = &props.collaboration.network;
    let top = props.collaboration.scale.len().saturating_sub(1);
    let spot = props.selected.or(*focused);
    let mut edges: Vec<Vec<Edge>> = vec![Vec::new(); n];
    for link in &network.links {
        // The level of each relation of the provider in focus, written two thirds of the
        // way to the other provider: the other ends spread around the circle, so the
        // labels do not pile up around the provider in focus.
        let label = spot.filter(|&s| link.a == s || link.b == s).map(|s| {
            let ((x0, y0), (x1, y1)) = (positions[s], positions[link.other(s)]);
            let at = (x0 + (x1 - x0) * 2 / 3, y0 + (y1 - y0) * 2 / 3);
            (levels[link.level].clone(), at)
        });
        edges[link.a].push(Edge {
            to: link.b,
            from_xy: positions[link.a],
            to_xy: positions[link.b],
            style: style_of(link.level, top),
            lit: props.selected.map(|s| link.a == s || link.b == s),
            label,
            gap: link.is_gap(),
        });
    }
    let svg_ref = use_node_ref();
    let order: Rc<Vec<usize>> =
        Rc::new(groups.iter().flat_map(|(_, m)| m.iter().copied()).collect());
    let onkeydown = {
        let (svg_ref, order, on_select, selected) = (
            svg_ref.clone(),
            order.clone(),
            props.on_select.clone(),
            props.selected,
        );
        Callback::from(move |event: KeyboardEvent| {
            let Some(node) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.get_attribute("data-node"))
                .and_then(|n| n.parse::<usize>().ok())
            else {
                return;
            };
            let at = order.iter().position(|&p| p == node).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (at + 1) % order.len(),
                "ArrowLeft" | "ArrowUp" => (at + order.len() - 1) % order.len(),
                "Home" => 0,
                "End" => order.len() - 1,
                "Enter" | " " => {
                    event.prevent_default();
                    on_select.emit(if selected == Some(node) {
                        None
                    } else {
                        Some(node)
                    });
                    return;
                }
                "Escape" => {
                    on_select.emit(None);
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            let selector = format!("[data-node=\"{}\"]", order[next]);
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                if let Ok(Some(target)) = svg.query_selector(&selector) {
                    let _ = target.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        })
    };
    let tab_node = spot.or_else(|| order.first().copied());
    let colon = catalogue(lang).colon;
    // Each provider's relations above level 0, counted in one pass.
    let mut related = vec![0usize; n];
    for link in network.links.iter().filter(|l| l.level > 0) {
        related[link.a] += 1;
        related[link.b] += 1;
    }
    let on_focus = {
        let focused = focused.clone();
        use_callback((), move |p: usize, _| focused.set(Some(p)))
    };
    let nodes = order.iter().map(|&p| {
        let provider = &config.providers[p];
        let label = format!(
            "{}, {}{colon}{} ({})",
            provider.name.get(lang),
            provider_kind_label(lang, provider.kind),
            related[p],
            work.col_count.to_lowercase()
        );
        let named = n <= NAMED || spot == Some(p);
        html! {
            <GraphNode key={p} provider={p} at={positions[p]} kind={kind_key(provider.kind)}
                       label={label} name={named.then(|| AttrValue::from(short(provider.name.get(lang))))}
                       outward={positions[p].0 as f64 >= SIZE / 2.0} selected={props.selected == Some(p)}
                       tab_stop={tab_node == Some(p)} on_select={props.on_select.clone()} on_focus={on_focus.clone()} />
        }
    });
    html! {
        <figure class="srm-graph">
            <svg ref={svg_ref} viewBox={format!("-280 -40 {} {}", SIZE + 560.0, SIZE + 80.0)} role="group"
                 aria-label={work.graph_label} {onkeydown}>
                <g class="srm-links">
                    { for edges.into_iter().enumerate().filter(|(_, e)| !e.is_empty()).map(|(p, e)| html! {
                        <ProviderEdges key={p} edges={Rc::new(e)} />
                    }) }
                </g>
                <g class="srm-nodes">{ for nodes }</g>
            </svg>
            <figcaption class="srm-hint">
                <p>{ work.graph_hint }{ " " }{ work.legend_levels }</p>
                <ul class="srm-graph-legend">
                    { for groups.iter().map(|(kind, _)| html! {
                        <li key={kind_key(*kind)} class={classes!("srm-node-wrap", format!("srm-node-{}", kind_key(*kind)))}>
                            <svg viewBox="-10 -10 20 20" width="14" height="14" aria-hidden="true"><circle r="8" /></svg>
                            { provider_kind_label(lang, *kind) }
                        </li>
                    }) }
                    { for levels.iter().enumerate().skip(1).map(|(rank, label)| html! {
                        <li key={format!("level-{rank}")}>
                            <svg viewBox="0 0 40 14" width="40" height="14" aria-hidden="true">
                                <line class={classes!("srm-edge", format!("srm-edge-{}", style_of(rank, top)))} x1="2" y1="7" x2="38" y2="7" />
                            </svg>
                            { label.clone() }
                        </li>
                    }) }
                </ul>
            </figcaption>
        </figure>
    }
}
