//! Two moments compared — a milestone with a later one, or with now: each tier's coverage
//! then and now, the collaboration indicators then and now, and every change in words
//! (gaps closed, opened or changed in severity; relations that moved along the continuum
//! and mechanisms added; actions done).

use super::BarChartFigure;
use crate::components::field_value;
use crate::core::chart::{coverage_bars, BarChart};
use crate::core::milestone::{
    change_lines, change_tables, chronological, compare_views, latest, Basis, ThenNow,
    View as Moment,
};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, PlanStep, Prepared, Shared};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MilestoneComparisonProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    /// The moments chosen (milestone ids; none: the latest milestone, and now).
    pub before: Option<String>,
    pub after: Option<String>,
    pub lang: Lang,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

/// The comparison in words.
#[derive(PartialEq)]
pub struct Compared {
    pub before: String,
    pub after: String,
    pub coverage: Vec<ThenNow>,
    /// The coverage as paired bars.
    pub bars: Rc<BarChart>,
    pub indicators: Vec<ThenNow>,
    pub lines: Vec<String>,
}

/// Compares the chosen moments of a session (none when it has no milestone).
pub fn compared(
    prepared: &Prepared,
    session: &Session,
    before: Option<&str>,
    after: Option<&str>,
    lang: Lang,
) -> Option<Compared> {
    let config = &prepared.config;
    let milestones = &session.milestones;
    let find = |id: Option<&str>| id.and_then(|id| milestones.iter().position(|m| m.id == id));
    let first = find(before).or_else(|| latest(milestones))?;
    let second = find(after);
    let then = milestones[first].snapshot.view();
    let now = second.map_or_else(
        || Moment::of_session(session),
        |i| milestones[i].snapshot.view(),
    );
    let basis = Basis::new(config);
    let changes = compare_views(config, &basis, then, now);
    let (coverage, indicators) = change_tables(config, &basis, &changes, lang);
    let label = |i: Option<usize>| {
        i.map_or_else(
            || plan_text(lang).now.to_string(),
            |i| milestones[i].label.clone(),
        )
    };
    let (before, after) = (label(Some(first)), label(second));
    let bars = Rc::new(coverage_bars(
        config,
        &basis,
        &changes,
        [&before, &after],
        lang,
    ));
    Some(Compared {
        before,
        after,
        coverage,
        bars,
        indicators,
        lines: change_lines(config, &basis, then, now, &changes, lang),
    })
}

#[component]
pub fn MilestoneComparison(props: &MilestoneComparisonProps) -> Html {
    let lang = props.lang;
    let text = plan_text(lang);
    let result = use_memo(
        (
            props.prepared.clone(),
            props.session.clone(),
            props.before.clone(),
            props.after.clone(),
            lang,
        ),
        |(prepared, session, before, after, lang)| {
            compared(
                prepared,
                session,
                before.as_deref(),
                after.as_deref(),
                *lang,
            )
        },
    );
    let Some(result) = &*result else {
        return Html::default();
    };
    let milestones = &props.session.milestones;
    let order = chronological(milestones);
    let chosen_before = props
        .before
        .clone()
        .or_else(|| latest(milestones).map(|i| milestones[i].id.clone()));
    let id = |name: &str| format!("{}-compare-{name}", props.uid);
    let choose = |first: bool| {
        let (on_action, before, after) = (
            props.on_action.clone(),
            chosen_before.clone(),
            props.after.clone(),
        );
        Callback::from(move |event: Event| {
            let value = Some(field_value(&event)).filter(|v| !v.is_empty());
            let step = if first {
                PlanStep::Compare(value, after.clone())
            } else {
                PlanStep::Compare(before.clone(), value)
            };
            on_action.emit(Action::Plan(step));
        })
    };
    let options = |selected: Option<&str>| {
        order.iter().map(|&i| {
        let m = &milestones[i];
        html! { <option key={m.id.clone()} value={m.id.clone()} selected={selected == Some(m.id.as_str())}>{ format!("{} ({})", m.label, m.date) }</option> }
    }).collect::<Html>()
    };
    let table = |caption: &'static str, first: &'static str, rows: &[ThenNow]| {
        html! {
            <div class="srm-table-scroll">
                <table class="srm-table srm-then-now">
                    <caption>{ caption }</caption>
                    <thead><tr>
                        <th scope="col">{ first }</th>
                        <th scope="col">{ &result.before }</th>
                        <th scope="col">{ &result.after }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|[what, then, now]| html! {
                            <tr key={what.clone()}>
                                <th scope="row">{ what }</th>
                                <td>{ then }</td>
                                <td>{ now }{ if then != now { " ◆" } else { "" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="srm-comparison-moments" aria-labelledby={id("title")}>
            <h4 id={id("title")}>{ text.compare_title }</h4>
            <div class="srm-plan-controls">
                <label for={id("before")}>{ text.compare_before }</label>
                <select id={id("before")} onchange={choose(true)}>{ options(chosen_before.as_deref()) }</select>
                <label for={id("after")}>{ text.compare_after }</label>
                <select id={id("after")} onchange={choose(false)}>
                    <option value="" selected={props.after.is_none()}>{ text.now }</option>
                    { options(props.after.as_deref()) }
                </select>
            </div>
            <BarChartFigure chart={result.bars.clone()} id={id("bars")} />
            { table(text.coverage_title, text.group_tier, &result.coverage) }
            { table(text.indicators_title, text.col_indicator, &result.indicators) }
            <h5>{ text.changes_title }</h5>
            if result.lines.is_empty() {
                <p class="srm-empty">{ text.no_change }</p>
            } else {
                <ul class="srm-changes">{ for result.lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            }
        </section>
    }
}
