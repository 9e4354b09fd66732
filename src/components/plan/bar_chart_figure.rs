//! Paired bars "then / now" as an SVG chart (geometry from [`crate::core::chart`]): the
//! earlier moment hatched, the later one solid — told apart by the pattern and the legend,
//! not by colour alone — each bar's value written above it, and the chart in one sentence
//! for screen readers. The comparison's table says the same figures.

use super::chart_frame::chart_svg;
use crate::core::chart::{BarChart, Series, X_LABEL_Y};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BarChartFigureProps {
    pub chart: Rc<BarChart>,
    /// Unique in the page: names the chart's title, description and hatching.
    pub id: AttrValue,
}

#[component]
pub fn BarChartFigure(props: &BarChartFigureProps) -> Html {
    let chart = &props.chart;
    let hatch = format!("{}-hatch", props.id);
    let fill = |series: Series| match series {
        Series::Then => format!("url(#{hatch})"),
        Series::Now => "currentColor".to_string(),
    };
    html! {
        <figure class="srm-chart srm-chart-bars">
            <figcaption>
                { &chart.title }
                <span class="srm-chart-legend">
                    { for Series::ALL.iter().zip(&chart.legend).map(|(series, name)| html! {
                        <span class={classes!("srm-chart-key", format!("srm-chart-{}", series.key()))}>
                            <svg viewBox="0 0 16 16" aria-hidden="true" width="16" height="16">
                                <rect width="16" height="16" fill={fill(*series)} />
                            </svg>
                            { name }
                        </span>
                    }) }
                </span>
            </figcaption>
            { chart_svg(&props.id, &chart.title, &chart.summary, &chart.axis, html! {
                <>
                <defs>
                    <pattern id={hatch.clone()} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="srm-chart-hatch-ground" width="8" height="8" />
                        <line class="srm-chart-hatch" x1="0" y1="0" x2="0" y2="8" />
                    </pattern>
                </defs>
                { for chart.groups.iter().map(|group| html! {
                    <g class="srm-chart-group">
                        { for group.bars.iter().map(|bar| html! {
                            <g class={classes!("srm-chart-bar", format!("srm-chart-{}", bar.series.key()))}>
                                <title>{ &bar.title }</title>
                                <rect x={bar.x.to_string()} y={bar.y.to_string()} width={bar.width.to_string()}
                                      height={bar.height.to_string()} fill={fill(bar.series)} />
                                <text x={bar.text_x.to_string()} y={bar.text_y.to_string()} text-anchor="middle">{ &bar.text }</text>
                            </g>
                        }) }
                        if group.shown {
                            <text class="srm-chart-label" x={group.x.to_string()} y={X_LABEL_Y.to_string()} text-anchor="middle">
                                <title>{ &group.label }</title>{ &group.short }
                            </text>
                        }
                    </g>
                }) }
                </>
            }) }
        </figure>
    }
}
