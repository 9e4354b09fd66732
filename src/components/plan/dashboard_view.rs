//! The dashboard (*tableau de bord*): every indicator over every milestone, in date order,
//! then now — one line chart each, then the whole as one table (the charts' equivalent,
//! and what print and screen readers read first).

use super::LineChartFigure;
use crate::browser;
use crate::core::chart::{dashboard_line, LineChart};
use crate::core::milestone::dashboard;
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Prepared, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DashboardViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub uid: AttrValue,
}

/// The dashboard's charts and table.
struct Board {
    charts: Vec<Rc<LineChart>>,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn board(prepared: &Prepared, session: &Session, lang: Lang) -> Board {
    let config = &prepared.config;
    let d = dashboard(config, session, browser::today(), lang);
    let charts = d
        .measures()
        .into_iter()
        .map(|m| Rc::new(dashboard_line(config, &d, m, lang)))
        .collect();
    let (header, rows) = d.table(config, lang);
    Board {
        charts,
        header,
        rows,
    }
}

#[component]
pub fn DashboardView(props: &DashboardViewProps) -> Html {
    let lang = props.lang;
    let text = plan_text(lang);
    let board = use_memo(
        (props.prepared.clone(), props.session.clone(), lang),
        |(prepared, session, lang)| board(prepared, session, *lang),
    );
    let id = |name: &str| format!("{}-dashboard-{name}", props.uid);
    html! {
        <section class="srm-dashboard" aria-labelledby={id("title")}>
            <h3 id={id("title")}>{ text.tab_dashboard }</h3>
            <p>{ text.dashboard_intro }</p>
            if props.session.milestones.is_empty() {
                <p class="srm-empty">{ text.dashboard_first }</p>
            }
            <div class="srm-charts">
                { for board.charts.iter().enumerate().map(|(n, chart)| html! {
                    <LineChartFigure key={n} chart={chart.clone()} id={id(&format!("chart-{n}"))} />
                }) }
            </div>
            <div class="srm-table-scroll">
                <table class="srm-table srm-dashboard-table">
                    <caption>{ text.dashboard_table }</caption>
                    <thead><tr>
                        { for board.header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for board.rows.iter().map(|row| html! {
                            <tr>
                                { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                    html! { <th scope="row">{ cell }</th> }
                                } else {
                                    html! { <td>{ cell }</td> }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
