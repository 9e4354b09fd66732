//! One measure over the dashboard's points as an SVG line chart (geometry from
//! [`crate::core::chart`]): its axis and ticks, the line broken where a value is missing,
//! a marker and the value written at each shown point, a `<title>` on each with the whole
//! label, and the chart in one sentence for screen readers. The table beside it says the
//! same figures.

use super::chart_frame::chart_svg;
use crate::core::chart::{points_attr, LineChart, PLOT_LEFT, PLOT_RIGHT, X_LABEL_Y};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LineChartFigureProps {
    pub chart: Rc<LineChart>,
    /// Unique in the page: names the chart's title and description.
    pub id: AttrValue,
}

#[component]
pub fn LineChartFigure(props: &LineChartFigureProps) -> Html {
    let chart = &props.chart;
    html! {
        <figure class="srm-chart">
            <figcaption>{ &chart.title }</figcaption>
            { chart_svg(&props.id, &chart.title, &chart.summary, &chart.axis, html! {
                <>
                if let Some(y) = chart.limit_y {
                    <line class="srm-chart-limit" x1={PLOT_LEFT.to_string()} x2={PLOT_RIGHT.to_string()}
                          y1={y.to_string()} y2={y.to_string()} />
                }
                { for chart.lines.iter().map(|line| html! {
                    <polyline class="srm-chart-line" points={points_attr(line)} />
                }) }
                { for chart.points.iter().map(|point| html! {
                    <g class="srm-chart-point">
                        if let Some(marker) = &point.marker {
                            <g class={classes!("srm-chart-marker", marker.clamped.then_some("srm-chart-clamped"))}>
                                <title>{ &marker.title }</title>
                                <circle cx={point.x.to_string()} cy={marker.y.to_string()} r="6" />
                                if point.shown {
                                    <text x={point.x.to_string()} y={marker.text_y.to_string()} text-anchor="middle">{ &marker.text }</text>
                                }
                            </g>
                        }
                        if point.shown {
                            <text class="srm-chart-label" x={point.x.to_string()} y={X_LABEL_Y.to_string()} text-anchor="middle">
                                <title>{ &point.label }</title>{ &point.short }
                            </text>
                        }
                    </g>
                }) }
                </>
            }) }
        </figure>
    }
}
