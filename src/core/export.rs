//! The inventory as files, in the interface language: a CSV table (UTF-8 with a BOM so that
//! Excel keeps accents), and a report — the document a facilitator sends to partners after
//! the workshop — as Markdown and as printable HTML. Both reports are written from the same
//! [`Report`], so they always say the same thing.

use super::comparison::{item_lines, participant_label, perspectives_present, ItemLine};
use super::continuum::{relation_lines, RelationLine};
use super::figures::TierSummary;
use super::gaps::{Gap, GapTarget};
use super::i18n::{
    barrier_label, catalogue, coverage_label, gap_kind_label, gap_kind_text, perspective_label,
    priority_text, severity_label, tier_covered, workshop_text,
};
use super::inventory::{
    gap_coverage, lines, select, tier_coverage, Entry, Filter, Group, Sort, TierCoverage,
};
use super::model::Config;
use super::perspectives_text::{
    agreement_label, participant_count, perspective_count, perspectives_text,
};
use super::plan::{action_lines, ActionLine};
use super::plan_text::plan_text;
use super::session::Session;
use super::text::Lang;

/// The byte order mark that tells spreadsheet programs the file is UTF-8.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The name of a gap's service or tier, or what it was when it is no longer in the config.
pub fn target_label(config: &Config, gap: &Gap, lang: Lang) -> String {
    gap_target_label(config, &gap.target, lang)
}

/// The name of what a gap is attached to (see [`target_label`]).
pub fn gap_target_label(config: &Config, target: &GapTarget, lang: Lang) -> String {
    let work = workshop_text(lang);
    match target {
        GapTarget::Service { service } => config
            .service(service)
            .map_or_else(|| service.clone(), |s| s.label.get(lang).to_string()),
        GapTarget::Tier { tier } => {
            let label = config
                .tier(tier)
                .map_or(tier.as_str(), |t| t.label.get(lang));
            format!("{label} — {}", work.whole_tier)
        }
        GapTarget::Other => work.other_needs.to_string(),
    }
}

fn group_title(config: &Config, range: &[TierSummary], group: Group, lang: Lang) -> String {
    let work = workshop_text(lang);
    match group {
        Group::Tier(position) => config.tiers[range[position].tier]
            .label
            .get(lang)
            .to_string(),
        Group::Other => work.other_needs.to_string(),
        Group::Orphaned => work.orphaned.to_string(),
    }
}

/// The column titles of the CSV table.
pub fn table_header(lang: Lang) -> Vec<String> {
    let work = workshop_text(lang);
    [
        work.col_tier,
        work.col_service,
        work.col_line,
        work.col_kind,
        work.col_barrier,
        work.col_severity,
        work.col_population,
        work.col_perspective,
        work.col_impact,
        work.col_feasibility,
        work.col_priority,
        work.col_coverage,
        work.col_action,
        work.col_note,
        work.col_author,
        work.col_created,
        work.col_modified,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// The inventory as table rows: one per gap and one per service not fully covered, in
/// the inventory's order (by tier, top priorities first), then the collaboration gaps and
/// orphaned relations.
pub fn table_rows(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
    lang: Lang,
) -> Vec<Vec<String>> {
    let work = workshop_text(lang);
    let all = lines(config, range, session);
    let mut rows: Vec<Vec<String>> =
        select(config, session, all, &Filter::default(), Sort::default())
            .into_iter()
            .map(|line| {
                let group = group_title(config, range, line.group, lang);
                match line.entry {
                    Entry::Uncovered { service, coverage } => {
                        let mut row = vec![String::new(); 17];
                        row[0] = group;
                        row[1] = config.services[service].label.get(lang).to_string();
                        row[2] = work.line_uncovered.to_string();
                        row[11] = coverage_label(lang, coverage).to_string();
                        row
                    }
                    Entry::Gap(i) => {
                        let gap = &session.gaps[i];
                        let coverage = gap_coverage(config, range, session, gap)
                            .map(|c| coverage_label(lang, c).to_string());
                        vec![
                            group,
                            target_label(config, gap, lang),
                            work.line_gap.to_string(),
                            gap_kind_label(lang, gap.kind).to_string(),
                            gap.barrier
                                .map(|b| barrier_label(lang, b).to_string())
                                .unwrap_or_default(),
                            severity_label(lang, gap.severity).to_string(),
                            gap.population.clone(),
                            perspective_label(lang, gap.perspective).to_string(),
                            gap.impact.to_string(),
                            gap.feasibility.to_string(),
                            gap.priority().to_string(),
                            coverage.unwrap_or_default(),
                            gap.action.clone(),
                            gap.note.clone(),
                            gap.author.clone().unwrap_or_default(),
                            gap.created.clone(),
                            gap.modified.clone(),
                        ]
                    }
                }
            })
            .collect();
    rows.extend(relation_rows(config, session, lang));
    rows
}

/// The collaboration gaps, then the orphaned relations, as rows of the same table: the
/// pair in the service column, "level → target" as the kind, the mechanisms in place as
/// the action column, the services concerned and the note as the note.
pub fn relation_rows(config: &Config, session: &Session, lang: Lang) -> Vec<Vec<String>> {
    let work = workshop_text(lang);
    let (gaps, orphans) = relation_lines(config, session, lang);
    let row = |group: &str, line: RelationLine| {
        let mut row = vec![String::new(); 17];
        row[0] = group.to_string();
        row[1] = line.pair;
        row[2] = work.line_collab_gap.to_string();
        row[3] = super::i18n::level_and_target(
            lang,
            &line.level,
            Some(&line.target)
                .filter(|t| !t.is_empty())
                .map(String::as_str),
        );
        row[12] = line.mechanisms;
        row[13] = [line.services, line.note]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" — ");
        row
    };
    let mut rows: Vec<Vec<String>> = gaps.into_iter().map(|l| row(work.collab_gaps, l)).collect();
    rows.extend(orphans.into_iter().map(|l| row(work.orphaned_relations, l)));
    rows
}

/// A cell as a spreadsheet shows it as text: one that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be read as a formula (OWASP, "CSV injection"), so it
/// gets an apostrophe in front, which spreadsheets show as text and do not display.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The inventory as CSV, written with the `csv` crate, UTF-8 with a BOM; no cell starts a
/// formula (see [`spreadsheet_safe`]).
pub fn csv(config: &Config, range: &[TierSummary], session: &Session, lang: Lang) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail; a failure would only lose the row, never panic.
        let _ = writer.write_record(table_header(lang));
        for row in table_rows(config, range, session, lang) {
            let _ = writer.write_record(row.iter().map(|cell| spreadsheet_safe(cell).into_owned()));
        }

        let _ = writer.flush();
    }
    out
}

/// One gap as the report tells it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportGap {
    pub target: String,
    pub kind: String,
    pub severity: String,
    pub priority: String,
    pub perspective: String,
    pub population: String,
    pub action: String,
    pub note: String,
}

/// One group of the report: a tier, the needs outside the range, or orphaned gaps.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportGroup {
    pub title: String,
    pub gaps: Vec<ReportGap>,
    /// Services of the tier not fully covered, with their coverage.
    pub uncovered: Vec<(String, String)>,
}

/// What the report says, in one language, whatever its format.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub lang: Lang,
    pub title: String,
    pub territory: String,
    pub exported: String,
    pub coverage: Vec<(String, TierCoverage)>,
    pub groups: Vec<ReportGroup>,
    /// Proposed actions, top priorities first: (priority text, target, action).
    pub actions: Vec<(String, String, String)>,
    /// True when the config or the session has a continuum of collaboration.
    pub has_continuum: bool,
    /// Collaboration gaps, widest first, then orphaned relations.
    pub collaboration: (Vec<RelationLine>, Vec<RelationLine>),
    /// The participants' views compared, when the session gathered contributions.
    pub perspectives: Option<PerspectivesSection>,
    /// The progress report's section (rapport d'étape), in [`progress_report`] when the
    /// session has actions or milestones.
    pub progress: Option<ProgressSection>,
}

/// The progress report's section: what changed since the last milestone, the plan and its
/// status, the dashboard's figures, and what of the milestones the range no longer has.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressSection {
    /// "Depuis le jalon « T1 » (2026-09-15)", or that none was marked yet.
    pub since: String,
    /// The changes since then, in words (empty without a milestone).
    pub changes: Vec<String>,
    /// True when there is a milestone to compare with.
    pub compared: bool,
    /// "Adoptée : 3", for each status with actions.
    pub counts: Vec<String>,
    /// "2 actions en retard."
    pub late: String,
    pub actions: Vec<ActionLine>,
    /// The dashboard as a table: header, then one row per milestone and now.
    pub dashboard: (Vec<String>, Vec<Vec<String>>),
    /// "T0 — …: Service « x » (n'est plus dans la gamme)".
    pub orphans: Vec<String>,
}

/// The progress section of a session on `today`, when it has actions or milestones.
pub fn progress_section(
    config: &Config,
    session: &Session,
    lang: Lang,
    today: time::Date,
) -> Option<ProgressSection> {
    use super::milestone::{change_lines, compare_views, dashboard, latest, orphans, Basis, View};
    if session.actions.is_empty() && session.milestones.is_empty() {
        return None;
    }
    let text = plan_text(lang);
    let colon = catalogue(lang).colon;
    let basis = Basis::new(config);
    let now = View::of_session(session);
    let (since, changes, compared) = match latest(&session.milestones) {
        Some(i) => {
            let m = &session.milestones[i];
            let then = m.snapshot.view();
            let changes = compare_views(config, &basis, then, now);
            (
                (text.since_milestone)(&m.label, &m.date),
                change_lines(config, &basis, then, now, &changes, lang),
                true,
            )
        }
        None => (text.no_milestone_yet.to_string(), Vec::new(), false),
    };
    let plan = super::plan::summary(&session.actions, today);
    let counts = plan.counts_text(lang);
    let mut orphan_lines = Vec::new();
    for i in super::milestone::chronological(&session.milestones) {
        let m = &session.milestones[i];
        for o in orphans(config, m, lang) {
            orphan_lines.push(format!("{}{colon}{}", m.label, o.text(lang)));
        }
    }
    Some(ProgressSection {
        since,
        changes,
        compared,
        counts,
        late: (text.late_actions)(plan.late.len()),
        actions: action_lines(config, session, lang, today),
        dashboard: dashboard(config, session, today, lang).table(config, lang),
        orphans: orphan_lines,
    })
}

/// The progress report (rapport d'étape): the report with its progress section, lateness
/// counted on `today`. Without actions or milestones, it is the report as before.
pub fn progress_report(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
    lang: Lang,
    exported: &str,
    today: time::Date,
) -> Report {
    let progress = progress_section(config, session, lang, today);
    let report = report(config, range, session, lang, exported);
    Report {
        // A plan or milestones make it the progress report, and say so first.
        title: match progress {
            Some(_) => format!("{} — {}", plan_text(lang).progress_title, report.title),
            None => report.title.clone(),
        },
        progress,
        ..report
    }
}

/// The columns of the plan's table in the progress report, and each action's cells.
fn plan_table(lang: Lang, actions: &[ActionLine]) -> ([&'static str; 8], Vec<[String; 8]>) {
    let t = plan_text(lang);
    let header = [
        t.field_title,
        t.field_status,
        t.field_late,
        t.field_lead,
        t.field_due,
        t.field_addresses,
        t.field_indicator,
        t.field_target,
    ];
    let rows = actions
        .iter()
        .map(|a| {
            let mut addresses = a.addresses.clone();
            if !a.detached.is_empty() {
                if !addresses.is_empty() {
                    addresses.push_str(" ; ");
                }
                addresses.push_str(&a.detached);
            }
            let status = if a.reason.is_empty() {
                a.status.clone()
            } else {
                format!("{} ({})", a.status, a.reason)
            };
            [
                a.title.clone(),
                status,
                a.late.clone(),
                a.lead.clone(),
                a.due.clone(),
                addresses,
                a.indicator.clone(),
                a.target.clone(),
            ]
        })
        .collect();
    (header, rows)
}

/// The "Points de vue" section: who took part, and each item the participants rated, the
/// most divergent first, with the group's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct PerspectivesSection {
    /// The agreement rule, in one sentence.
    pub rule: String,
    /// Each participant's label (without names when the session keeps them private).
    pub participants: Vec<String>,
    /// "Intervenant : 2", for each perspective present.
    pub by_perspective: Vec<String>,
    pub items: Vec<ItemLine>,
}

/// The "Points de vue" section of a session, when it has contributions.
pub fn perspectives_section(
    config: &Config,
    session: &Session,
    lang: Lang,
) -> Option<PerspectivesSection> {
    if session.contributions.is_empty() {
        return None;
    }
    Some(PerspectivesSection {
        rule: perspectives_text(lang).rule.to_string(),
        participants: (0..session.contributions.len())
            .map(|i| participant_label(config, session, i, lang))
            .collect(),
        by_perspective: perspectives_present(&session.contributions)
            .into_iter()
            .map(|(p, n)| perspective_count(lang, perspective_label(lang, p), n))
            .collect(),
        items: item_lines(config, session, lang),
    })
}

impl Report {
    /// True when at least one gap was reported.
    pub fn has_gaps(&self) -> bool {
        self.groups.iter().any(|g| !g.gaps.is_empty())
    }
}

/// Gathers the report of a session; `exported` is the date written on it.
pub fn report(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
    lang: Lang,
    exported: &str,
) -> Report {
    let work = workshop_text(lang);
    let coverage = tier_coverage(config, range, session)
        .into_iter()
        .enumerate()
        .map(|(position, c)| {
            (
                config.tiers[range[position].tier]
                    .label
                    .get(lang)
                    .to_string(),
                c,
            )
        })
        .collect();
    let mut groups: Vec<(Group, ReportGroup)> = Vec::new();
    let mut actions = Vec::new();
    let all = lines(config, range, session);
    for line in select(config, session, all, &Filter::default(), Sort::default()) {
        if groups.last().is_none_or(|(g, _)| *g != line.group) {
            let title = group_title(config, range, line.group, lang);
            groups.push((
                line.group,
                ReportGroup {
                    title,
                    gaps: Vec::new(),
                    uncovered: Vec::new(),
                },
            ));
        }
        let group = &mut groups.last_mut().expect("pushed above").1;
        match line.entry {
            Entry::Uncovered { service, coverage } => group.uncovered.push((
                config.services[service].label.get(lang).to_string(),
                coverage_label(lang, coverage).to_string(),
            )),
            Entry::Gap(i) => {
                let gap = &session.gaps[i];
                let kind = gap_kind_text(lang, gap);
                let entry = ReportGap {
                    target: target_label(config, gap, lang),
                    kind,
                    severity: severity_label(lang, gap.severity).to_string(),
                    priority: priority_text(lang, gap.priority()),
                    perspective: perspective_label(lang, gap.perspective).to_string(),
                    population: gap.population.clone(),
                    action: gap.action.clone(),
                    note: gap.note.clone(),
                };
                if !gap.action.trim().is_empty() {
                    actions.push((
                        gap.priority(),
                        entry.priority.clone(),
                        entry.target.clone(),
                        entry.action.clone(),
                    ));
                }
                group.gaps.push(entry);
            }
        }
    }
    actions.sort_by_key(|a| std::cmp::Reverse(a.0));
    Report {
        lang,
        title: work.inventory_title.to_string(),
        territory: config.territory.name.get(lang).to_string(),
        exported: exported.to_string(),
        coverage,
        groups: groups.into_iter().map(|(_, g)| g).collect(),
        actions: actions.into_iter().map(|(_, p, t, a)| (p, t, a)).collect(),
        has_continuum: config.continuum.is_some() || !session.relations.is_empty(),
        collaboration: relation_lines(config, session, lang),
        perspectives: perspectives_section(config, session, lang),
        progress: None,
    }
}

/// The collaboration gaps and orphaned relations of a report, each line in words (the
/// Markdown and HTML reports escape them their own way).
fn relation_sections(report: &Report) -> Vec<(&'static str, Vec<String>)> {
    let work = workshop_text(report.lang);
    let text = catalogue(report.lang);
    let tell = |l: &RelationLine| {
        let mut line = format!(
            "{}{}{}",
            l.pair,
            text.colon,
            super::i18n::level_and_target(
                report.lang,
                &l.level,
                Some(l.target.as_str()).filter(|t| !t.is_empty())
            )
        );
        for (label, value) in [
            (work.col_mechanisms, &l.mechanisms),
            (work.col_services, &l.services),
            (work.col_note, &l.note),
        ] {
            if !value.is_empty() {
                line.push_str(&format!(" · {label}{}{value}", text.colon));
            }
        }
        line
    };
    let (gaps, orphans) = &report.collaboration;
    let mut sections = vec![(work.collab_gaps, gaps.iter().map(tell).collect())];
    if !orphans.is_empty() {
        sections.push((work.orphaned_relations, orphans.iter().map(tell).collect()));
    }
    sections
}

/// The columns of the items of the "Points de vue" section, and each item's cells in
/// words (the Markdown and HTML reports escape them their own way).
fn perspectives_table(lang: Lang, items: &[ItemLine]) -> ([&'static str; 7], Vec<[String; 7]>) {
    let text = perspectives_text(lang);
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let rows = items
        .iter()
        .map(|line| {
            [
                line.kind.label(lang).to_string(),
                line.label.clone(),
                or_dash(&line.median),
                or_dash(&line.share),
                agreement_label(lang, line.agreement).to_string(),
                if line.consensus.is_empty() {
                    text.no_consensus.to_string()
                } else {
                    line.consensus.clone()
                },
                line.note.clone(),
            ]
        })
        .collect();
    let header = [
        text.col_type,
        text.col_item,
        text.col_median,
        text.col_share,
        text.col_agreement,
        text.col_consensus,
        text.col_consensus_note,
    ];
    (header, rows)
}

/// Who took part: "3 participants · Intervenant : 2 · Organisation : 1".
fn participants_summary(lang: Lang, section: &PerspectivesSection) -> String {
    std::iter::once(participant_count(lang, section.participants.len()))
        .chain(section.by_perspective.iter().cloned())
        .collect::<Vec<_>>()
        .join(" · ")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>|#".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    use std::fmt::Write;
    let text = catalogue(report.lang);
    let work = workshop_text(report.lang);
    let t = |s: &str| md_escape(s);
    let mut md = String::new();
    let _ = writeln!(
        md,
        "# {}\n\n**{}**  \n{} {}\n",
        t(&report.title),
        t(&report.territory),
        work.exported_on,
        t(&report.exported)
    );
    // A progress report says what changed, and the plan, before the inventory.
    if let Some(p) = &report.progress {
        progress_markdown(&mut md, report.lang, p);
        md.push('\n');
    }
    let _ = writeln!(
        md,
        "## {}\n\n| {} | {} |\n| --- | --- |",
        work.coverage_by_tier, work.col_tier, work.col_coverage
    );
    for (tier, c) in &report.coverage {
        let _ = writeln!(
            md,
            "| {} | {} |",
            t(tier),
            tier_covered(report.lang, c.covered, c.total)
        );
    }
    for group in &report.groups {
        let _ = writeln!(md, "\n## {}\n", t(&group.title));
        for gap in &group.gaps {
            let _ = writeln!(
                md,
                "- **{}** — {} · {} {} · {}",
                t(&gap.target),
                t(&gap.kind),
                work.col_severity,
                t(&gap.severity).to_lowercase(),
                t(&gap.priority)
            );
            let _ = writeln!(
                md,
                "  - {}{}{}",
                work.col_perspective,
                text.colon,
                t(&gap.perspective)
            );
            for (label, value) in [
                (work.col_population, &gap.population),
                (work.col_action, &gap.action),
                (work.col_note, &gap.note),
            ] {
                if !value.trim().is_empty() {
                    let _ = writeln!(md, "  - {label}{}{}", text.colon, t(value));
                }
            }
        }
        if !group.uncovered.is_empty() {
            let _ = writeln!(md, "\n**{}**\n", work.uncovered_services);
            for (service, coverage) in &group.uncovered {
                let _ = writeln!(md, "- {} — {}", t(service), t(coverage));
            }
        }
    }
    if report.has_continuum {
        for (title, lines) in relation_sections(report) {
            let _ = writeln!(md, "\n## {}\n", t(title));
            if lines.is_empty() {
                let _ = writeln!(md, "{}", work.no_collab_gaps);
            }
            for line in lines {
                let _ = writeln!(md, "- {}", t(&line));
            }
        }
    }
    if let Some(section) = &report.perspectives {
        let p = perspectives_text(report.lang);
        let _ = writeln!(md, "\n## {}\n\n{}\n", p.section_title, t(&section.rule));
        let _ = writeln!(md, "### {}\n", p.participants_title);
        for participant in &section.participants {
            let _ = writeln!(md, "- {}", t(participant));
        }
        let _ = writeln!(md, "\n{}\n", t(&participants_summary(report.lang, section)));
        let (header, rows) = perspectives_table(report.lang, &section.items);
        let _ = writeln!(md, "### {}\n", p.items_title);
        let _ = writeln!(md, "| {} |", header.join(" | "));
        let _ = writeln!(md, "|{}", " --- |".repeat(header.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| t(c)).collect();
            let _ = writeln!(md, "| {} |", cells.join(" | "));
        }
    }
    let _ = writeln!(md, "\n## {}\n", work.proposed_actions);
    if report.actions.is_empty() {
        let _ = writeln!(
            md,
            "{}",
            if report.has_gaps() {
                work.no_actions
            } else {
                work.no_gaps
            }
        );
    }
    for (i, (priority, target, action)) in report.actions.iter().enumerate() {
        let _ = writeln!(
            md,
            "{}. **{}** ({}){}{}",
            i + 1,
            t(target),
            t(priority),
            text.colon,
            t(action)
        );
    }
    md
}

/// Text for HTML: `<`, `>`, `&` and quotes escaped, so config and workshop text stay text.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const REPORT_CSS: &str = "body{font:11pt/1.45 system-ui,sans-serif;color:#1b1f24;max-width:60rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:2px solid #0b5cad;padding-bottom:.2em;margin-top:1.6em}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #c5ccd3;padding:.35em .5em;text-align:left;vertical-align:top}\
th{background:#f4f6f8}.gap{border-left:4px solid #0b5cad;padding:.3em .8em;margin:.6em 0;break-inside:avoid}\
.gap p{margin:.2em 0}.meta{color:#4a5560}meter{width:8em;vertical-align:middle}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}a{color:inherit}@page{margin:1.5cm}}";

/// The report as a printable HTML document (its own stylesheet, with print rules).
pub fn html(report: &Report) -> String {
    use std::fmt::Write;
    let text = catalogue(report.lang);
    let work = workshop_text(report.lang);
    let e = |s: &str| html_escape(s);
    let mut h = String::new();
    let _ = writeln!(h, "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title><style>{REPORT_CSS}</style></head><body>",
        report.lang.code(),
        e(&report.title),
        e(&report.territory)
    );
    let _ = writeln!(
        h,
        "<h1>{}</h1>\n<p><strong>{}</strong><br><span class=\"meta\">{} {}</span></p>",
        e(&report.title),
        e(&report.territory),
        work.exported_on,
        e(&report.exported)
    );
    // A progress report says what changed, and the plan, before the inventory.
    if let Some(p) = &report.progress {
        progress_html(&mut h, report.lang, p);
    }
    let _ = writeln!(h, "<h2>{}</h2>\n<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>", work.coverage_by_tier, work.col_tier, work.col_coverage);
    for (tier, c) in &report.coverage {
        let _ = writeln!(h, "<tr><th scope=\"row\">{}</th><td><meter min=\"0\" max=\"{}\" value=\"{}\"></meter> {}</td></tr>",
            e(tier),
            c.total,
            c.covered,
            tier_covered(report.lang, c.covered, c.total)
        );
    }
    h.push_str("</tbody></table>\n");
    for group in &report.groups {
        let _ = writeln!(h, "<h2>{}</h2>", e(&group.title));
        for gap in &group.gaps {
            let _ = write!(
                h,
                "<div class=\"gap\"><p><strong>{}</strong> — {}</p><p class=\"meta\">{}{}{} · {} · {}{}{}</p>",
                e(&gap.target),
                e(&gap.kind),
                work.col_severity,
                text.colon,
                e(&gap.severity),
                e(&gap.priority),
                work.col_perspective,
                text.colon,
                e(&gap.perspective)
            );
            for (label, value) in [
                (work.col_population, &gap.population),
                (work.col_action, &gap.action),
                (work.col_note, &gap.note),
            ] {
                if !value.trim().is_empty() {
                    let _ = write!(h, "<p>{label}{}{}</p>", text.colon, e(value));
                }
            }
            h.push_str("</div>\n");
        }
        if !group.uncovered.is_empty() {
            let _ = write!(h, "<p><strong>{}</strong></p><ul>", work.uncovered_services);
            for (service, coverage) in &group.uncovered {
                let _ = write!(h, "<li>{} — {}</li>", e(service), e(coverage));
            }
            h.push_str("</ul>\n");
        }
    }
    if report.has_continuum {
        for (title, lines) in relation_sections(report) {
            let _ = writeln!(h, "<h2>{title}</h2>");
            if lines.is_empty() {
                let _ = writeln!(h, "<p>{}</p>", work.no_collab_gaps);
            } else {
                h.push_str("<ul>");
                for line in lines {
                    let _ = write!(h, "<li>{}</li>", e(&line));
                }
                h.push_str("</ul>\n");
            }
        }
    }
    if let Some(section) = &report.perspectives {
        let p = perspectives_text(report.lang);
        let _ = writeln!(
            h,
            "<h2>{}</h2>\n<p>{}</p>\n<h3>{}</h3>\n<ul>",
            p.section_title,
            e(&section.rule),
            p.participants_title
        );
        for participant in &section.participants {
            let _ = write!(h, "<li>{}</li>", e(participant));
        }
        let _ = writeln!(
            h,
            "</ul>\n<p class=\"meta\">{}</p>",
            e(&participants_summary(report.lang, section))
        );
        let (header, rows) = perspectives_table(report.lang, &section.items);
        let _ = write!(h, "<h3>{}</h3>\n<table><thead><tr>", e(p.items_title));
        for title in header {
            let _ = write!(h, "<th scope=\"col\">{}</th>", e(title));
        }
        h.push_str("</tr></thead><tbody>");
        for row in rows {
            h.push_str("<tr>");
            for cell in row {
                let _ = write!(h, "<td>{}</td>", e(&cell));
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table>\n");
    }
    let _ = writeln!(h, "<h2>{}</h2>", work.proposed_actions);
    if report.actions.is_empty() {
        let none = if report.has_gaps() {
            work.no_actions
        } else {
            work.no_gaps
        };
        let _ = writeln!(h, "<p>{none}</p>");
    } else {
        h.push_str("<ol>");
        for (priority, target, action) in &report.actions {
            let _ = write!(
                h,
                "<li><strong>{}</strong> ({}){}{}</li>",
                e(target),
                e(priority),
                text.colon,
                e(action)
            );
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</body></html>\n");
    h
}

/// The progress section as Markdown.
fn progress_markdown(md: &mut String, lang: Lang, p: &ProgressSection) {
    use std::fmt::Write;
    let text = plan_text(lang);
    let t = |s: &str| md_escape(s);
    let table = |md: &mut String, header: &[String], rows: &[Vec<String>]| {
        let cells: Vec<String> = header.iter().map(|c| t(c)).collect();
        let _ = writeln!(md, "| {} |", cells.join(" | "));
        let _ = writeln!(md, "|{}", " --- |".repeat(header.len()));
        for row in rows {
            let cells: Vec<String> = row.iter().map(|c| t(c)).collect();
            let _ = writeln!(md, "| {} |", cells.join(" | "));
        }
    };
    let _ = writeln!(md, "\n## {}\n\n{}\n", t(text.section_plan), t(&p.since));
    if p.compared {
        let _ = writeln!(md, "### {}\n", t(text.section_changes));
        if p.changes.is_empty() {
            let _ = writeln!(md, "{}", t(text.no_change));
        }
        for line in &p.changes {
            let _ = writeln!(md, "- {}", t(line));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "### {}\n", t(text.section_actions));
    if p.actions.is_empty() {
        let _ = writeln!(md, "{}\n", t(text.no_actions));
    } else {
        let _ = writeln!(md, "{}  \n{}\n", t(&p.counts.join(" · ")), t(&p.late));
        let (header, rows) = plan_table(lang, &p.actions);
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
        table(md, &header, &rows);
        md.push('\n');
    }
    let _ = writeln!(md, "### {}\n", t(text.section_dashboard));
    table(md, &p.dashboard.0, &p.dashboard.1);
    if !p.orphans.is_empty() {
        let _ = writeln!(md, "\n### {}\n", t(text.section_orphans));
        for line in &p.orphans {
            let _ = writeln!(md, "- {}", t(line));
        }
    }
}

/// The progress section as HTML (every text escaped).
fn progress_html(h: &mut String, lang: Lang, p: &ProgressSection) {
    use std::fmt::Write;
    let text = plan_text(lang);
    let e = |s: &str| html_escape(s);
    let table = |h: &mut String, caption: &str, header: &[String], rows: &[Vec<String>]| {
        let _ = write!(h, "<table><caption>{}</caption><thead><tr>", e(caption));
        for title in header {
            let _ = write!(h, "<th scope=\"col\">{}</th>", e(title));
        }
        h.push_str("</tr></thead><tbody>");
        for row in rows {
            h.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                if i == 0 {
                    let _ = write!(h, "<th scope=\"row\">{}</th>", e(cell));
                } else {
                    let _ = write!(h, "<td>{}</td>", e(cell));
                }
            }
            h.push_str("</tr>");
        }
        h.push_str("</tbody></table>\n");
    };
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<p>{}</p>",
        e(text.section_plan),
        e(&p.since)
    );
    if p.compared {
        let _ = writeln!(h, "<h3>{}</h3>", e(text.section_changes));
        if p.changes.is_empty() {
            let _ = writeln!(h, "<p>{}</p>", e(text.no_change));
        } else {
            h.push_str("<ul>");
            for line in &p.changes {
                let _ = write!(h, "<li>{}</li>", e(line));
            }
            h.push_str("</ul>\n");
        }
    }
    let _ = writeln!(h, "<h3>{}</h3>", e(text.section_actions));
    if p.actions.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", e(text.no_actions));
    } else {
        let _ = writeln!(
            h,
            "<p>{}<br><strong>{}</strong></p>",
            e(&p.counts.join(" · ")),
            e(&p.late)
        );
        let (header, rows) = plan_table(lang, &p.actions);
        let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
        let rows: Vec<Vec<String>> = rows.into_iter().map(Vec::from).collect();
        table(h, text.section_actions, &header, &rows);
    }
    let _ = writeln!(h, "<h3>{}</h3>", e(text.section_dashboard));
    table(h, text.section_dashboard, &p.dashboard.0, &p.dashboard.1);
    if !p.orphans.is_empty() {
        let _ = write!(h, "<h3>{}</h3><ul>", e(text.section_orphans));
        for line in &p.orphans {
            let _ = write!(h, "<li>{}</li>", e(line));
        }
        h.push_str("</ul>\n");
    }
}
