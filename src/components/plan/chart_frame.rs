//! What every chart of the plan draws the same way: the `<svg>` with its title and its
//! sentence for screen readers (the chart is one image to them; its table beside it says
//! the figures), and the y axis's ticks with their labels.

use crate::core::chart::{Axis, FONT, HEIGHT, PLOT_LEFT, PLOT_RIGHT, TICK_LABEL_X, WIDTH};
use yew::prelude::*;

/// The chart's `<svg>`: `id` names its title and description; `marks` are drawn over the
/// axis.
pub fn chart_svg(id: &str, title: &str, summary: &str, axis: &Axis, marks: Html) -> Html {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    html! {
        <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" font-size={FONT.to_string()}
             aria-labelledby={format!("{title_id} {desc_id}")}>
            <title id={title_id}>{ title }</title>
            <desc id={desc_id}>{ summary }</desc>
            { for axis.ticks.iter().map(|tick| html! {
                <g class="srm-chart-tick">
                    <line x1={PLOT_LEFT.to_string()} x2={PLOT_RIGHT.to_string()}
                          y1={tick.y.to_string()} y2={tick.y.to_string()} />
                    <text x={TICK_LABEL_X.to_string()} y={tick.text_y.to_string()} text-anchor="end">{ &tick.text }</text>
                </g>
            }) }
            { marks }
        </svg>
    }
}
