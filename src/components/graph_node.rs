//! One provider in the network graph: a keyboard button (a circle) that selects the
//! provider, and its shortened name beside it. A node re-renders only when what it shows
//! changes, so that a change of level redraws a node or two, not three hundred.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GraphNodeProps {
    /// Provider index in the config.
    pub provider: usize,
    /// Where the node sits, in SVG units.
    pub at: (i32, i32),
    /// The kind of organisation (its key), which gives the node its look.
    pub kind: &'static str,
    /// The button's name: provider, kind, and how many relations it has.
    pub label: AttrValue,
    /// The name drawn beside the node, when shown.
    pub name: Option<AttrValue>,
    /// Names sit on the side of the circle the node faces.
    pub outward: bool,
    pub selected: bool,
    /// The node reached with Tab (the others by arrow keys).
    pub tab_stop: bool,
    /// Selects a provider, or none (a second press on the selected one).
    pub on_select: Callback<Option<usize>>,
    pub on_focus: Callback<usize>,
}

#[component]
pub fn GraphNode(props: &GraphNodeProps) -> Html {
    let p = props.provider;
    let (x, y) = props.at;
    let onclick = {
        let (on_select, selected) = (props.on_select.clone(), props.selected);
        Callback::from(move |_: MouseEvent| on_select.emit((!selected).then_some(p)))
    };
    let onfocus = {
        let on_focus = props.on_focus.clone();
        Callback::from(move |_: FocusEvent| on_focus.emit(p))
    };
    // The name is beside the button, not in it: shortened, it would not match the button's
    // full name (WCAG 2.5.3).
    html! {
        <g class={classes!("srm-node-wrap", format!("srm-node-{}", props.kind), props.selected.then_some("srm-node-selected"))}
           transform={format!("translate({x} {y})")}>
            <g class="srm-node" role="button" data-node={p.to_string()}
               tabindex={if props.tab_stop { "0" } else { "-1" }}
               aria-pressed={props.selected.to_string()} aria-label={props.label.clone()}
               {onclick} {onfocus}>
                <circle r="9" />
            </g>
            if let Some(name) = &props.name {
                <text x={if props.outward { "14" } else { "-14" }} y="6" text-anchor={if props.outward { "start" } else { "end" }}
                      aria-hidden="true">{ name.clone() }</text>
            }
        </g>
    }
}
