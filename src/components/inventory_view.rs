//! The inventory: coverage per tier (a meter with its figures, in a table), the top
//! priorities, then every gap and every service not fully covered in one table grouped
//! by tier, which the workshop filters and sorts.

use super::field_value;
use super::gap_list::gap_buttons;
use super::CollaborationGaps;
use crate::core::export::target_label;
use crate::core::gaps::{Gap, GapKind, GapSeverity, GapTarget, Perspective};
use crate::core::i18n::{
    action_on, coverage_label, gap_kind_label, gap_kind_text, perspective_label, priority_text,
    severity_label, tier_covered, workshop_text,
};
use crate::core::inventory::{
    gap_coverage, lines, select, tier_coverage, top_priorities, Entry, Filter, Group, Sort, SortBy,
};
use crate::core::plan_text::plan_text;
use crate::core::session::Session;
use crate::core::text::Lang;
use crate::state::{Action, Prepared, Shared, PLAN};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InventoryViewProps {
    pub prepared: Shared<Prepared>,
    pub session: Shared<Session>,
    pub lang: Lang,
    pub filter: Filter,
    pub sort: Sort,
    pub editable: bool,
    pub uid: AttrValue,
    pub on_action: Callback<Action>,
}

fn group_key(group: Option<Group>) -> String {
    match group {
        None => String::new(),
        Some(Group::Tier(p)) => format!("tier-{p}"),
        Some(Group::Other) => "other".into(),
        Some(Group::Orphaned) => "orphaned".into(),
    }
}

fn group_from_key(key: &str) -> Option<Group> {
    match key {
        "other" => Some(Group::Other),
        "orphaned" => Some(Group::Orphaned),
        _ => key.strip_prefix("tier-")?.parse().ok().map(Group::Tier),
    }
}

/// How many inventory lines are shown at first, and added by "show more".
const PAGE: usize = 200;

#[component]
pub fn InventoryView(props: &InventoryViewProps) -> Html {
    let limit = use_state(|| PAGE);
    let lang = props.lang;
    let work = workshop_text(lang);
    let config = &props.prepared.config;
    let range = &props.prepared.range;
    let session = &props.session;
    let group_title = |group: Group| match group {
        Group::Tier(p) => config.tiers[range[p].tier].label.get(lang).to_string(),
        Group::Other => work.other_needs.to_string(),
        Group::Orphaned => work.orphaned.to_string(),
    };
    let id = |name: &str| format!("{}-inventory-{name}", props.uid);

    // Coverage per tier, as a table (the meters are its visual form).
    let coverage = tier_coverage(config, range, session);
    let coverage_table = html! {
        <table class="srm-table srm-coverage">
            <caption>{ work.coverage_by_tier }</caption>
            <thead><tr>
                <th scope="col">{ work.col_tier }</th>
                <th scope="col">{ coverage_label(lang, crate::core::gaps::Coverage::Covered) }</th>
                <th scope="col">{ coverage_label(lang, crate::core::gaps::Coverage::Partial) }</th>
                <th scope="col">{ coverage_label(lang, crate::core::gaps::Coverage::Absent) }</th>
                <th scope="col">{ coverage_label(lang, crate::core::gaps::Coverage::NotAssessed) }</th>
            </tr></thead>
            <tbody>
                { for coverage.iter().enumerate().map(|(p, c)| html! {
                    <tr key={p}>
                        <th scope="row">{ group_title(Group::Tier(p)) }</th>
                        <td>
                            <meter min="0" max={c.total.max(1).to_string()} value={c.covered.to_string()} aria-hidden="true"></meter>
                            { " " }{ tier_covered(lang, c.covered, c.total) }
                        </td>
                        <td>{ c.partial }</td>
                        <td>{ c.absent }</td>
                        <td>{ c.not_assessed }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    };

    let top: Vec<&Gap> = top_priorities(session, 5);
    let filter = props.filter.clone();
    let set_filter = |apply: fn(&mut Filter, String)| {
        let (on_action, filter) = (props.on_action.clone(), filter.clone());
        Callback::from(move |event: Event| {
            let mut next = filter.clone();
            apply(&mut next, field_value(&event));
            on_action.emit(Action::SetFilter(next));
        })
    };
    let mut groups: Vec<Group> = (0..range.len()).map(Group::Tier).collect();
    groups.extend([Group::Other, Group::Orphaned]);
    let option = |value: String, label: String, selected: bool| {
        html! {
            <option key={value.clone()} value={value} {selected}>{ label }</option>
        }
    };
    let filters = html! {
        <fieldset class="srm-filters">
            <legend>{ work.filters }</legend>
            <span class="srm-filter">
                <label for={id("group")}>{ work.col_tier }</label>
                <select id={id("group")} onchange={set_filter(|f, v| f.group = group_from_key(&v))}>
                    { option(String::new(), work.filter_all.into(), filter.group.is_none()) }
                    { for groups.iter().map(|g| option(group_key(Some(*g)), group_title(*g), filter.group == Some(*g))) }
                </select>
            </span>
            <span class="srm-filter">
                <label for={id("kind")}>{ work.col_kind }</label>
                <select id={id("kind")} onchange={set_filter(|f, v| f.kind = GapKind::from_key(&v))}>
                    { option(String::new(), work.filter_all.into(), filter.kind.is_none()) }
                    { for GapKind::ALL.iter().map(|k| option(k.key().into(), gap_kind_label(lang, *k).into(), filter.kind == Some(*k))) }
                </select>
            </span>
            <span class="srm-filter">
                <label for={id("severity")}>{ work.col_severity }</label>
                <select id={id("severity")} onchange={set_filter(|f, v| f.severity = GapSeverity::from_key(&v))}>
                    { option(String::new(), work.filter_all.into(), filter.severity.is_none()) }
                    { for GapSeverity::ALL.iter().map(|s| option(s.key().into(), severity_label(lang, *s).into(), filter.severity == Some(*s))) }
                </select>
            </span>
            <span class="srm-filter">
                <label for={id("perspective")}>{ work.col_perspective }</label>
                <select id={id("perspective")} onchange={set_filter(|f, v| f.perspective = Perspective::from_key(&v))}>
                    { option(String::new(), work.filter_all.into(), filter.perspective.is_none()) }
                    { for Perspective::ALL.iter().map(|p| option(p.key().into(), perspective_label(lang, *p).into(), filter.perspective == Some(*p))) }
                </select>
            </span>
            <span class="srm-filter">
                <label for={id("priority")}>{ work.min_priority }</label>
                <select id={id("priority")} onchange={set_filter(|f, v| f.min_priority = v.parse().unwrap_or(0))}>
                    { for [0u8, 5, 10, 15, 20].iter().map(|&p| {
                        let label = if p == 0 { work.filter_all.to_string() } else { format!("≥ {p}") };
                        option(p.to_string(), label, filter.min_priority == p)
                    }) }
                </select>
            </span>
        </fieldset>
    };

    let all_lines = select(
        config,
        session,
        lines(config, range, session),
        &props.filter,
        props.sort,
    );
    // A large inventory shows its first lines, and more on request: a projected table of
    // thousands of rows helps no one, and the exports always hold every line.
    let total = all_lines.len();
    let shown: Vec<_> = all_lines.into_iter().take(*limit).collect();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    let sort_header = |by: SortBy, label: &'static str| {
        let active = props.sort.by == by;
        let aria_sort = match (active, props.sort.descending) {
            (false, _) => None,
            (true, true) => Some("descending"),
            (true, false) => Some("ascending"),
        };
        let onclick = {
            let (on_action, sort) = (props.on_action.clone(), props.sort);
            Callback::from(move |_: MouseEvent| {
                let descending = if sort.by == by {
                    !sort.descending
                } else {
                    matches!(by, SortBy::Priority | SortBy::Severity | SortBy::Modified)
                };
                on_action.emit(Action::SetSort(Sort { by, descending }));
            })
        };
        let arrow = match aria_sort {
            Some("descending") => " ↓",
            Some(_) => " ↑",
            None => "",
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                <button type="button" class="srm-sort" {onclick}>{ label }<span aria-hidden="true">{ arrow }</span></button>
            </th>
        }
    };
    let columns = if props.editable { 10 } else { 9 };
    // One row group (tbody) per tier, then other needs, then orphans.
    let mut bodies: Vec<(Group, Vec<Html>)> = Vec::new();
    for line in &shown {
        if bodies.last().is_none_or(|(g, _)| *g != line.group) {
            bodies.push((line.group, Vec::new()));
        }
        let rows = &mut bodies.last_mut().expect("pushed above").1;
        rows.push(match line.entry {
            Entry::Uncovered { service, coverage } => {
                let label = config.services[service].label.get(lang);
                html! {
                    <tr key={format!("service-{}", config.services[service].id)} class="srm-uncovered" data-service={config.services[service].id.clone()}>
                        <td>{ label }</td>
                        <td>{ work.line_uncovered }</td>
                        <td></td><td></td><td></td><td></td>
                        <td>{ coverage_label(lang, coverage) }</td>
                        <td></td><td></td>
                        if props.editable {
                            <td class="srm-row-buttons">
                                <button type="button" onclick={{
                                    let (on_action, id) = (props.on_action.clone(), config.services[service].id.clone());
                                    Callback::from(move |_: MouseEvent| on_action.emit(Action::NewGap(GapTarget::Service { service: id.clone() })))
                                }} aria-label={action_on(lang, work.add_gap, label)}>{ work.add_gap }</button>
                            </td>
                        }
                    </tr>
                }
            }
            Entry::Gap(i) => {
                let gap = &session.gaps[i];
                let target = target_label(config, gap, lang);
                let kind = gap_kind_text(lang, gap);
                let coverage = gap_coverage(config, range, session, gap).map(|c| coverage_label(lang, c));
                let (edit, delete, plan) = gap_buttons(&props.on_action, gap);
                html! {
                    <tr key={gap.id.clone()} class={classes!("srm-gap-row", format!("srm-severity-{}", gap.severity.key()))} data-gap={gap.id.clone()}>
                        <td>{ &target }</td>
                        <td>{ work.line_gap }</td>
                        <td>{ &kind }</td>
                        <td class="srm-severity-mark">{ severity_label(lang, gap.severity) }</td>
                        <td>{ perspective_label(lang, gap.perspective) }</td>
                        <td>{ priority_text(lang, gap.priority()) }</td>
                        <td>{ coverage.unwrap_or("") }</td>
                        <td>{ &gap.action }</td>
                        // What the partners said: shown here, not only in the exports.
                        <td class="srm-note">{ &gap.note }</td>
                        if props.editable {
                            <td class="srm-row-buttons">
                                <button type="button" onclick={edit} aria-label={action_on(lang, work.edit, &format!("{target} — {kind}"))}>{ work.edit }</button>
                                <button type="button" onclick={delete} aria-label={action_on(lang, work.delete, &format!("{target} — {kind}"))}>{ work.delete }</button>
                                if PLAN {
                                    <button type="button" onclick={plan} aria-label={action_on(lang, plan_text(lang).action_for_gap, &format!("{target} — {kind}"))}>
                                        { plan_text(lang).action_for_gap }
                                    </button>
                                }
                            </td>
                        }
                    </tr>
                }
            }
        });
    }
    let add_other = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::NewGap(GapTarget::Other)))
    };
    html! {
        <div class="srm-inventory" part="inventory">
            <h3 class="srm-section-title">{ work.inventory_title }</h3>
            { coverage_table }
            if !top.is_empty() {
                <h4>{ work.top_priorities }</h4>
                <ol class="srm-top">
                    { for top.iter().map(|g| html! {
                        <li key={g.id.clone()}>
                            <strong>{ target_label(config, g, lang) }</strong>{ " — " }{ gap_kind_label(lang, g.kind) }
                            { " · " }{ priority_text(lang, g.priority()) }
                        </li>
                    }) }
                </ol>
            }
            { filters }
            if props.editable {
                <p><button type="button" onclick={add_other}>{ work.add_other_need }</button></p>
            }
            <p class="srm-inventory-count" role="status">{ crate::core::i18n::lines_shown(lang, shown.len(), total) }{ " " }{ work.sort_hint }</p>
            <div class="srm-table-scroll">
                <table class="srm-table srm-inventory-table">
                    <caption>{ work.inventory_caption }</caption>
                    <thead><tr>
                        { sort_header(SortBy::Service, work.col_service) }
                        <th scope="col">{ work.col_line }</th>
                        { sort_header(SortBy::Kind, work.col_kind) }
                        { sort_header(SortBy::Severity, work.col_severity) }
                        { sort_header(SortBy::Perspective, work.col_perspective) }
                        { sort_header(SortBy::Priority, work.col_priority) }
                        <th scope="col">{ work.col_coverage }</th>
                        <th scope="col">{ work.col_action }</th>
                        <th scope="col">{ work.col_note }</th>
                        if props.editable { <th scope="col">{ work.col_actions }</th> }
                    </tr></thead>
                    { for bodies.into_iter().map(|(group, rows)| html! {
                        <tbody key={group_key(Some(group))}>
                            <tr class="srm-group-row">
                                <th scope="rowgroup" colspan={columns.to_string()}>{ group_title(group) }</th>
                            </tr>
                            { for rows }
                        </tbody>
                    }) }
                </table>
            </div>
            if shown.is_empty() {
                <p class="srm-empty">{ work.inventory_empty }</p>
            }
            <CollaborationGaps prepared={props.prepared.clone()} session={props.session.clone()} {lang} />
            if total > shown.len() {
                <p>
                    <button type="button" class="srm-more" onclick={more}>
                        { crate::core::i18n::show_more(lang, PAGE.min(total - shown.len())) }
                    </button>
                </p>
            }
        </div>
    }
}
