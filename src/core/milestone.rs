//! Milestones: the session marked at a date ("T0 — atelier du 12 mars"), a frozen copy of
//! its coverage, gaps, relations, decisions and actions kept in the session file; the
//! comparison of two of them (or of one with now), and the dashboard's series over all.
//!
//! # Rules
//!
//! - Two milestones on one day are **allowed and said**: a morning and an afternoon workshop
//!   are two moments, and refusing would lose one; the facilitator is warned, by the other
//!   milestone's label. A date that is not a date is refused (nothing changes); a date
//!   before 2000 or after 2100 is said and kept, as for the plan's dates.
//! - Milestones are never changed by later work; they keep items the config no longer has
//!   (a service removed, a provider renamed), and [`orphans`] lists them.
//! - Ids (`m1`, `m2`…) are never reused in a session's list of milestones while it has the
//!   highest ones.
//! - The series and the comparison order milestones by date, then by the time they were
//!   taken.
//!
//! # In the session file
//!
//! A frozen copy of 2,000 gaps, 3,000 relations and 500 actions is about 1 MB of JSON; 20 of
//! them would exceed what a session file should weigh. So, in the file only, an item of a
//! milestone that is identical to the same item (same gap or action id, same relation
//! pair) in the milestone before it in the list is written as that id (`"g12"`, `"a3"`) or
//! pair (`["cisss", "gmf"]`) instead of the whole object. Read back, every milestone is a
//! whole copy again: the file writes and reads back the same session.

use super::continuum::{indicators, level_ids, level_label, scale, Network};
use super::contribution::Decision;
use super::figures::{range, TierSummary};
use super::gaps::{Coverage, Gap, GapSeverity};
use super::i18n::{coverage_label, mechanism_label, percent_text, severity_label};
use super::inventory::{tier_coverage_assessed, TierCoverage};
use super::model::{Config, Mechanism};
use super::plan::{day_of, gap_label, parse_date, within_period, ActionStatus, PlanAction};
use super::plan_text::plan_text;
use super::session::{fingerprint, RelationEdit, Session};
use super::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use time::Date;

/// A frozen copy of what a session says at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub coverage: BTreeMap<String, Coverage>,
    #[serde(default)]
    pub gaps: Vec<Gap>,
    #[serde(default)]
    pub relations: Vec<RelationEdit>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub actions: Vec<PlanAction>,
}

impl Snapshot {
    /// A copy of a session's state.
    pub fn of(session: &Session) -> Snapshot {
        Snapshot {
            coverage: session.coverage.clone(),
            gaps: session.gaps.clone(),
            relations: session.relations.clone(),
            decisions: session.decisions.clone(),
            actions: session.actions.clone(),
        }
    }

    /// A borrowed view of it, for the comparison.
    pub fn view(&self) -> View<'_> {
        View {
            coverage: &self.coverage,
            gaps: &self.gaps,
            relations: &self.relations,
            decisions: &self.decisions,
            actions: &self.actions,
        }
    }
}

/// What the comparison reads of a moment: a milestone's snapshot or the live session,
/// borrowed (comparing with now copies nothing).
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    pub coverage: &'a BTreeMap<String, Coverage>,
    pub gaps: &'a [Gap],
    pub relations: &'a [RelationEdit],
    pub decisions: &'a [Decision],
    pub actions: &'a [PlanAction],
}

impl<'a> View<'a> {
    /// The live session, now.
    pub fn of_session(session: &'a Session) -> View<'a> {
        View {
            coverage: &session.coverage,
            gaps: &session.gaps,
            relations: &session.relations,
            decisions: &session.decisions,
            actions: &session.actions,
        }
    }
}

/// The session marked at a date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    /// `m1`, `m2`…
    pub id: String,
    /// "T0 — atelier du 12 mars".
    pub label: String,
    /// ISO date the milestone stands for.
    pub date: String,
    /// ISO time it was taken.
    pub taken: String,
    /// The version of the config it was taken with (see [`super::session::fingerprint`]).
    pub fingerprint: String,
    pub snapshot: Snapshot,
}

impl Milestone {
    /// Taken with another version of the config than `config`: items may be orphans.
    pub fn other_version(&self, config: &Config) -> bool {
        self.fingerprint != fingerprint(config)
    }

    /// The day it stands for; a date that does not read falls back to the day it was taken.
    pub fn day(&self) -> Option<Date> {
        parse_date(&self.date).or_else(|| day_of(&self.taken))
    }
}

/// Why a milestone was not marked. Nothing changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkRefused {
    EmptyLabel,
    NotADate { value: String },
}

impl MarkRefused {
    pub fn text(&self, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            MarkRefused::EmptyLabel => text.milestone_empty_label.to_string(),
            MarkRefused::NotADate { value } => format!(
                "{}{}{}",
                text.col_date,
                super::i18n::catalogue(lang).colon,
                (text.not_a_date)(value)
            ),
        }
    }
}

/// What is said when a milestone is marked (it is marked all the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkWarning {
    /// Another milestone has the same date: its label.
    SameDay { date: String, other: String },
    /// A date before 2000 or after 2100.
    FarDate { value: String },
}

impl MarkWarning {
    pub fn text(&self, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            MarkWarning::SameDay { date, other } => (text.milestone_same_day)(date, other),
            MarkWarning::FarDate { value } => format!(
                "{}{}{}",
                text.col_date,
                super::i18n::catalogue(lang).colon,
                (text.far_date)(value, super::plan::EARLIEST_YEAR, super::plan::LATEST_YEAR)
            ),
        }
    }
}

/// Marks the session at `date` (ISO date) with `label`, taken at `now` (ISO time): the
/// session with the new milestone, and what is worth saying about it.
pub fn mark(
    config: &Config,
    session: &Session,
    label: &str,
    date: &str,
    now: &str,
) -> Result<(Session, Vec<MarkWarning>), MarkRefused> {
    let label = label.trim();
    if label.is_empty() {
        return Err(MarkRefused::EmptyLabel);
    }
    let date = date.trim();
    let day = parse_date(date).ok_or_else(|| MarkRefused::NotADate {
        value: date.to_string(),
    })?;
    let mut warnings = Vec::new();
    if !within_period(day) {
        warnings.push(MarkWarning::FarDate { value: date.into() });
    }
    for other in session.milestones.iter().filter(|m| m.date == date) {
        warnings.push(MarkWarning::SameDay {
            date: date.into(),
            other: other.label.clone(),
        });
    }
    let highest = session
        .milestones
        .iter()
        .filter_map(|m| m.id.strip_prefix('m')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let milestone = Milestone {
        id: format!("m{}", highest + 1),
        label: label.to_string(),
        date: date.to_string(),
        taken: now.to_string(),
        fingerprint: fingerprint(config),
        snapshot: Snapshot::of(session),
    };
    let mut next = session.clone();
    Rc::make_mut(&mut next.milestones).push(milestone);
    Ok((next, warnings))
}

/// The session without the milestone `id`.
pub fn remove(session: &Session, id: &str) -> Session {
    let mut next = session.clone();
    if next.milestones.iter().any(|m| m.id == id) {
        Rc::make_mut(&mut next.milestones).retain(|m| m.id != id);
    }
    next
}

/// The milestones' indices, by date then time taken.
pub fn chronological(milestones: &[Milestone]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..milestones.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&milestones[a], &milestones[b]);
        (x.day(), &x.taken, a).cmp(&(y.day(), &y.taken, b))
    });
    order
}

/// The latest milestone, by date then time taken.
pub fn latest(milestones: &[Milestone]) -> Option<usize> {
    chronological(milestones).last().copied()
}

// ---- Orphans.

/// An item of a milestone the config no longer has (kept in the milestone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MilestoneOrphan {
    /// A service's coverage, by service id.
    Service(String),
    /// A gap whose service or tier is gone: its id and its label.
    Gap { id: String, label: String },
    /// A relation edit whose provider or level is gone.
    Relation([String; 2]),
    /// A lead or partner of an action, or a side of a collaboration gap it addresses.
    Provider(String),
}

impl MilestoneOrphan {
    pub fn text(&self, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            MilestoneOrphan::Service(id) => (text.orphan_service)(id),
            MilestoneOrphan::Gap { label, .. } => (text.orphan_gap)(label),
            MilestoneOrphan::Relation([a, b]) => (text.orphan_relation)(a, b),
            MilestoneOrphan::Provider(id) => (text.orphan_provider)(id),
        }
    }
}

/// What of a milestone the config no longer has: services, gaps, relations, then
/// organisations of its actions (each once).
pub fn orphans(config: &Config, milestone: &Milestone, lang: Lang) -> Vec<MilestoneOrphan> {
    let s = &milestone.snapshot;
    let services: HashSet<&str> = config.services.iter().map(|s| s.id.as_str()).collect();
    let providers: HashSet<&str> = config.providers.iter().map(|p| p.id.as_str()).collect();
    let levels = level_ids(config);
    let mut found: Vec<MilestoneOrphan> = s
        .coverage
        .keys()
        .filter(|id| !services.contains(id.as_str()))
        .map(|id| MilestoneOrphan::Service(id.clone()))
        .collect();
    found.extend(
        s.gaps
            .iter()
            .filter(|g| Session::is_orphan(g, config))
            .map(|g| MilestoneOrphan::Gap {
                id: g.id.clone(),
                label: gap_label(config, g, lang),
            }),
    );
    let level_known = |l: &str| levels.contains(&l);
    found.extend(
        s.relations
            .iter()
            .filter(|r| {
                r.providers.iter().any(|p| !providers.contains(p.as_str()))
                    || !level_known(&r.level)
                    || r.target.as_deref().is_some_and(|t| !level_known(t))
            })
            .map(|r| MilestoneOrphan::Relation(r.providers.clone())),
    );
    let mut seen = HashSet::new();
    for action in &s.actions {
        let sides = action.addresses.iter().flat_map(|a| match a {
            super::plan::Addressed::Relation(pair) => pair.as_slice(),
            super::plan::Addressed::Gap(_) => &[],
        });
        for id in action.lead.iter().chain(&action.partners).chain(sides) {
            if !providers.contains(id.as_str()) && seen.insert(id.as_str()) {
                found.push(MilestoneOrphan::Provider(id.clone()));
            }
        }
    }
    found
}

// ---- Figures and comparison.

/// What every figure of a config needs, computed once: its range and its relations.
pub struct Basis {
    pub range: Vec<TierSummary>,
    pub network: Network,
}

impl Basis {
    pub fn new(config: &Config) -> Basis {
        Basis {
            range: range(config),
            network: Network::of_config(config),
        }
    }
}

/// The collaboration indicators at one moment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CollabFigures {
    /// Pairs of providers there can be.
    pub pairs: usize,
    /// Pairs with a relation above level 0.
    pub related: usize,
    /// `related / pairs`, 0 to 1.
    pub density: f64,
    /// Mean level rank of the relations above level 0.
    pub mean_level: Option<f64>,
    /// Relations whose target is above their level.
    pub below_target: usize,
}

impl CollabFigures {
    pub fn of(network: &Network) -> CollabFigures {
        let i = indicators(network);
        CollabFigures {
            pairs: i.pairs,
            related: i.related,
            density: i.density(),
            mean_level: i.mean_level,
            below_target: i.below_target,
        }
    }
}

/// A tier's coverage then and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierChange {
    /// Position in the range (index in [`Basis::range`]).
    pub position: usize,
    pub before: TierCoverage,
    pub after: TierCoverage,
}

/// A service whose coverage changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceChange {
    /// Index in the config.
    pub service: usize,
    pub before: Coverage,
    pub after: Coverage,
}

/// A relation whose level or mechanisms changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationChange {
    /// Provider indices in the config, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Level ranks, 0 = no relation.
    pub before: usize,
    pub after: usize,
    pub added: Vec<Mechanism>,
    pub removed: Vec<Mechanism>,
}

impl RelationChange {
    /// True when the relation moved along the continuum.
    pub fn moved(&self) -> bool {
        self.before != self.after
    }
}

/// What changed between two moments. Items are indices into the `before` or `after` view
/// (nothing copied); every list is in the order of the view it indexes.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneChanges {
    /// Every tier, then and now, in range order.
    pub coverage: Vec<TierChange>,
    /// Services whose coverage changed, in range order.
    pub services: Vec<ServiceChange>,
    /// Gaps no longer there (indices in `before.gaps`).
    pub closed: Vec<usize>,
    /// New gaps (indices in `after.gaps`).
    pub opened: Vec<usize>,
    /// Gaps whose severity changed: (index before, index after), in `after` order.
    pub severity: Vec<(usize, usize)>,
    /// Relations that moved or changed mechanisms, in pair order.
    pub relations: Vec<RelationChange>,
    pub collaboration: (CollabFigures, CollabFigures),
    /// Actions done now and not before, or new and done (indices in `after.actions`).
    pub done: Vec<usize>,
    /// Actions done before and not now, or gone (indices in `before.actions`).
    pub undone: Vec<usize>,
    /// Actions whose status changed: (index before, index after), in `after` order.
    pub statuses: Vec<(usize, usize)>,
    /// New actions (indices in `after.actions`).
    pub added: Vec<usize>,
    /// Actions no longer in the plan (indices in `before.actions`).
    pub removed: Vec<usize>,
    /// Decisions new or changed (indices in `after.decisions`).
    pub decided: Vec<usize>,
    /// Decisions gone or changed (indices in `before.decisions`).
    pub undecided: Vec<usize>,
}

impl MilestoneChanges {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.coverage.iter().all(|t| t.before == t.after)
            && self.services.is_empty()
            && self.closed.is_empty()
            && self.opened.is_empty()
            && self.severity.is_empty()
            && self.relations.is_empty()
            && self.collaboration.0 == self.collaboration.1
            && self.done.is_empty()
            && self.undone.is_empty()
            && self.statuses.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.decided.is_empty()
            && self.undecided.is_empty()
    }
}

/// Compares two milestones' snapshots.
pub fn compare(config: &Config, before: &Snapshot, after: &Snapshot) -> MilestoneChanges {
    compare_views(config, &Basis::new(config), before.view(), after.view())
}

/// Compares two moments, with the config's basis computed once.
pub fn compare_views(
    config: &Config,
    basis: &Basis,
    before: View,
    after: View,
) -> MilestoneChanges {
    let coverage = tier_coverage_assessed(config, &basis.range, before.coverage)
        .into_iter()
        .zip(tier_coverage_assessed(config, &basis.range, after.coverage))
        .enumerate()
        .map(|(position, (b, a))| TierChange {
            position,
            before: b,
            after: a,
        })
        .collect();
    let mut services = Vec::new();
    for summary in basis.range.iter().flat_map(|t| &t.services) {
        let id = &config.services[summary.service].id;
        let of = |view: &View| {
            view.coverage
                .get(id)
                .copied()
                .unwrap_or_else(|| Coverage::suggested(summary.status))
        };
        let (b, a) = (of(&before), of(&after));
        if b != a {
            services.push(ServiceChange {
                service: summary.service,
                before: b,
                after: a,
            });
        }
    }

    let (closed, opened, severity) = {
        let b = by_key(before.gaps, |g| g.id.as_str());
        let a = by_key(after.gaps, |g| g.id.as_str());
        let closed = missing_from(before.gaps, &a, |g| g.id.as_str());
        let opened = missing_from(after.gaps, &b, |g| g.id.as_str());
        let severity = (0..after.gaps.len())
            .filter_map(|ai| {
                let gap = &after.gaps[ai];
                let bi = *b.get(gap.id.as_str())?;
                (before.gaps[bi].severity != gap.severity).then_some((bi, ai))
            })
            .collect();
        (closed, opened, severity)
    };

    let nb = basis.network.with_relation_edits(config, before.relations);
    let na = basis.network.with_relation_edits(config, after.relations);
    let relations = relation_changes(&nb, &na);
    let collaboration = (CollabFigures::of(&nb), CollabFigures::of(&na));

    let id = action_key;
    let ab = by_key(before.actions, id);
    let aa = by_key(after.actions, id);
    let is_done = |a: &PlanAction| a.status == ActionStatus::Done;
    let done = (0..after.actions.len())
        .filter(|&i| {
            let a = &after.actions[i];
            is_done(a) && ab.get(id(a)).is_none_or(|&j| !is_done(&before.actions[j]))
        })
        .collect();
    let undone = (0..before.actions.len())
        .filter(|&i| {
            let b = &before.actions[i];
            is_done(b) && aa.get(id(b)).is_none_or(|&j| !is_done(&after.actions[j]))
        })
        .collect();
    let statuses = (0..after.actions.len())
        .filter_map(|ai| {
            let a = &after.actions[ai];
            let bi = *ab.get(id(a))?;
            (before.actions[bi].status != a.status).then_some((bi, ai))
        })
        .collect();
    let added = missing_from(after.actions, &ab, id);
    let removed = missing_from(before.actions, &aa, id);

    let item = decision_key;
    let db = by_key(before.decisions, item);
    let da = by_key(after.decisions, item);
    let decided = (0..after.decisions.len())
        .filter(|&i| {
            let d = &after.decisions[i];
            db.get(&d.item).is_none_or(|&j| before.decisions[j] != *d)
        })
        .collect();
    let undecided = (0..before.decisions.len())
        .filter(|&i| {
            let d = &before.decisions[i];
            da.get(&d.item).is_none_or(|&j| after.decisions[j] != *d)
        })
        .collect();

    MilestoneChanges {
        coverage,
        services,
        closed,
        opened,
        severity,
        relations,
        collaboration,
        done,
        undone,
        statuses,
        added,
        removed,
        decided,
        undecided,
    }
}

fn action_key(a: &PlanAction) -> &str {
    &a.id
}

fn decision_key(d: &Decision) -> &super::contribution::Item {
    &d.item
}

/// Each item's index by key (a key given twice keeps its last item, as the file codec).
fn by_key<'a, T, K: std::hash::Hash + Eq + 'a>(
    items: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> HashMap<K, usize> {
    items.iter().enumerate().map(|(i, x)| (key(x), i)).collect()
}

/// The indices of `items` whose key is not in `other`.
fn missing_from<'a, T, K: std::hash::Hash + Eq + 'a>(
    items: &'a [T],
    other: &HashMap<K, usize>,
    key: impl Fn(&'a T) -> K,
) -> Vec<usize> {
    (0..items.len())
        .filter(|&i| !other.contains_key(&key(&items[i])))
        .collect()
}

/// The relations whose level or mechanisms differ between two networks of one config.
fn relation_changes(before: &Network, after: &Network) -> Vec<RelationChange> {
    let (x, y) = (&before.links, &after.links);
    let (mut i, mut j) = (0, 0);
    let mut changes = Vec::new();
    let none: &[Mechanism] = &[];
    while i < x.len() || j < y.len() {
        let kx = x.get(i).map(|l| (l.a, l.b));
        let ky = y.get(j).map(|l| (l.a, l.b));
        let (pair, lb, la) = match (kx, ky) {
            (Some(p), Some(q)) if p == q => {
                i += 1;
                j += 1;
                (p, Some(&x[i - 1]), Some(&y[j - 1]))
            }
            (Some(p), q) if q.is_none_or(|q| p < q) => {
                i += 1;
                (p, Some(&x[i - 1]), None)
            }
            (_, Some(q)) => {
                j += 1;
                (q, None, Some(&y[j - 1]))
            }
            _ => unreachable!("one side has a link left"),
        };
        let level = |l: Option<&super::continuum::Link>| l.map_or(0, |l| l.level);
        let mechanisms = |l: Option<&super::continuum::Link>| -> Vec<Mechanism> {
            l.map_or(none, |l| &l.mechanisms).to_vec()
        };
        let (mb, ma) = (mechanisms(lb), mechanisms(la));
        let added: Vec<Mechanism> = ma.iter().copied().filter(|m| !mb.contains(m)).collect();
        let removed: Vec<Mechanism> = mb.iter().copied().filter(|m| !ma.contains(m)).collect();
        let (before, after) = (level(lb), level(la));
        if before != after || !added.is_empty() || !removed.is_empty() {
            changes.push(RelationChange {
                a: pair.0,
                b: pair.1,
                before,
                after,
                added,
                removed,
            });
        }
    }
    changes
}

/// The changes in words, as the progress report and the comparison's summary say them:
/// coverage by tier, services, gaps, relations, collaboration indicators, actions.
pub fn change_lines(
    config: &Config,
    basis: &Basis,
    before: View,
    after: View,
    changes: &MilestoneChanges,
    lang: Lang,
) -> Vec<String> {
    let text = plan_text(lang);
    let mut lines = Vec::new();
    for t in changes.coverage.iter().filter(|t| t.before != t.after) {
        let tier = config.tiers[basis.range[t.position].tier].label.get(lang);
        lines.push((text.tier_then_now)(
            tier,
            &covered_text(t.before),
            &covered_text(t.after),
        ));
    }
    for s in &changes.services {
        lines.push((text.service_coverage_moved)(
            config.services[s.service].label.get(lang),
            coverage_label(lang, s.before),
            coverage_label(lang, s.after),
        ));
    }
    for &i in &changes.closed {
        lines.push((text.gap_closed)(&gap_label(config, &before.gaps[i], lang)));
    }
    for &i in &changes.opened {
        lines.push((text.gap_opened)(&gap_label(config, &after.gaps[i], lang)));
    }
    for &(b, a) in &changes.severity {
        lines.push((text.gap_severity_moved)(
            &gap_label(config, &after.gaps[a], lang),
            severity_label(lang, before.gaps[b].severity),
            severity_label(lang, after.gaps[a].severity),
        ));
    }
    let levels = scale(config);
    for r in &changes.relations {
        let pair = super::continuum::providers_label(config, (r.a, r.b), lang);
        if r.moved() {
            lines.push((text.relation_moved)(
                &pair,
                &level_label(&levels, r.before, lang),
                &level_label(&levels, r.after, lang),
            ));
        }
        let list = |ms: &[Mechanism]| {
            ms.iter()
                .map(|m| mechanism_label(lang, *m))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !r.added.is_empty() {
            lines.push((text.mechanisms_added)(&pair, &list(&r.added)));
        }
        if !r.removed.is_empty() {
            lines.push((text.mechanisms_removed)(&pair, &list(&r.removed)));
        }
    }
    let (cb, ca) = &changes.collaboration;
    let top = levels.len().saturating_sub(1);
    let figures = [
        (
            text.col_density,
            density_text(lang, cb.density),
            density_text(lang, ca.density),
        ),
        (
            text.col_mean_level,
            super::i18n::mean_level(lang, cb.mean_level, top),
            super::i18n::mean_level(lang, ca.mean_level, top),
        ),
        (
            text.col_below_target,
            cb.below_target.to_string(),
            ca.below_target.to_string(),
        ),
    ];
    for (label, then, now) in figures {
        if then != now {
            lines.push((text.tier_then_now)(label, &then, &now));
        }
    }
    for &i in &changes.done {
        lines.push((text.action_done)(&after.actions[i].title));
    }
    for &i in &changes.undone {
        lines.push((text.action_reopened)(&before.actions[i].title));
    }
    // A status change to or from done is said above, once.
    let done = |a: &PlanAction| a.status == ActionStatus::Done;
    for &(b, a) in &changes.statuses {
        if done(&before.actions[b]) || done(&after.actions[a]) {
            continue;
        }
        lines.push((text.action_status_moved)(
            &after.actions[a].title,
            before.actions[b].status.label(lang),
            after.actions[a].status.label(lang),
        ));
    }
    for &i in &changes.added {
        lines.push((text.action_added)(&after.actions[i].title));
    }
    for &i in &changes.removed {
        lines.push((text.action_removed)(&before.actions[i].title));
    }
    lines
}

/// A tier's coverage in figures: services covered out of all (`12/20`).
pub fn covered_text(c: TierCoverage) -> String {
    format!("{}/{}", c.covered, c.total)
}

/// One line of a then-and-now table: what, before, after.
pub type ThenNow = [String; 3];

/// The comparison as two tables in words: each tier's services covered then and now, and
/// the collaboration indicators then and now (density, mean level, relations below their
/// target).
pub fn change_tables(
    config: &Config,
    basis: &Basis,
    changes: &MilestoneChanges,
    lang: Lang,
) -> (Vec<ThenNow>, Vec<ThenNow>) {
    let text = plan_text(lang);
    let coverage = changes
        .coverage
        .iter()
        .map(|t| {
            [
                config.tiers[basis.range[t.position].tier]
                    .label
                    .get(lang)
                    .to_string(),
                covered_text(t.before),
                covered_text(t.after),
            ]
        })
        .collect();
    let top = level_ids(config).len().saturating_sub(1);
    let (then, now) = &changes.collaboration;
    let indicators = vec![
        [
            text.col_density.to_string(),
            density_text(lang, then.density),
            density_text(lang, now.density),
        ],
        [
            text.col_mean_level.to_string(),
            super::i18n::mean_level(lang, then.mean_level, top),
            super::i18n::mean_level(lang, now.mean_level, top),
        ],
        [
            text.col_below_target.to_string(),
            then.below_target.to_string(),
            now.below_target.to_string(),
        ],
    ];
    (coverage, indicators)
}

/// A density as a whole percentage.
pub fn density_text(lang: Lang, density: f64) -> String {
    percent_text(lang, (density * 100.0).round() as u32)
}

// ---- The dashboard.

/// The figures of one moment of the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub struct DashboardPoint {
    /// Index in the session's milestones; none: now (the live session).
    pub milestone: Option<usize>,
    pub label: String,
    /// ISO date.
    pub date: String,
    /// Each tier's coverage, in range order.
    pub coverage: Vec<TierCoverage>,
    pub collaboration: CollabFigures,
    pub gaps: usize,
    pub high_gaps: usize,
    /// Actions of each status, in [`ActionStatus::ALL`] order.
    pub actions: [usize; 5],
    /// Actions late on the point's date.
    pub late: usize,
}

/// The indicators over every milestone, in chronological order, then now: plain data that a
/// chart and its table both read.
#[derive(Clone, Debug, PartialEq)]
pub struct Dashboard {
    /// The config's tier index of each range position.
    pub tiers: Vec<usize>,
    /// The top level rank of the scale (the mean level's maximum).
    pub top_level: usize,
    pub points: Vec<DashboardPoint>,
}

/// One series of the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Services covered in a tier (by range position).
    Covered(usize),
    Density,
    MeanLevel,
    BelowTarget,
    Gaps,
    HighGaps,
    ActionsDone,
    ActionsLate,
}

impl Measure {
    /// The series' name.
    pub fn label(self, config: &Config, dashboard: &Dashboard, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            Measure::Covered(p) => {
                (text.covered_in)(config.tiers[dashboard.tiers[p]].label.get(lang))
            }
            Measure::Density => text.col_density.into(),
            Measure::MeanLevel => text.col_mean_level.into(),
            Measure::BelowTarget => text.col_below_target.into(),
            Measure::Gaps => text.col_gaps.into(),
            Measure::HighGaps => text.col_high_gaps.into(),
            Measure::ActionsDone => text.col_actions_done.into(),
            Measure::ActionsLate => text.col_actions_late.into(),
        }
    }

    /// The value at a point (none: no mean level, no relation above level 0). Covered
    /// services are counts, density a share from 0 to 1.
    pub fn value(self, point: &DashboardPoint) -> Option<f64> {
        Some(match self {
            Measure::Covered(p) => point.coverage.get(p)?.covered as f64,
            Measure::Density => point.collaboration.density,
            Measure::MeanLevel => point.collaboration.mean_level?,
            Measure::BelowTarget => point.collaboration.below_target as f64,
            Measure::Gaps => point.gaps as f64,
            Measure::HighGaps => point.high_gaps as f64,
            Measure::ActionsDone => point.actions[ActionStatus::Done.index()] as f64,
            Measure::ActionsLate => point.late as f64,
        })
    }

    /// The highest value the series can take at a point (a chart's axis): a tier's
    /// services, 1 for a density, the top level; none for counts without a bound.
    pub fn max(self, dashboard: &Dashboard, point: &DashboardPoint) -> Option<f64> {
        match self {
            Measure::Covered(p) => point.coverage.get(p).map(|c| c.total as f64),
            Measure::Density => Some(1.0),
            Measure::MeanLevel => Some(dashboard.top_level as f64),
            _ => None,
        }
    }

    /// The value at a point in words, as the table shows it.
    pub fn text(self, dashboard: &Dashboard, point: &DashboardPoint, lang: Lang) -> String {
        match self {
            Measure::Covered(p) => point
                .coverage
                .get(p)
                .map(|c| covered_text(*c))
                .unwrap_or_default(),
            Measure::Density => density_text(lang, point.collaboration.density),
            Measure::MeanLevel => {
                super::i18n::mean_level(lang, point.collaboration.mean_level, dashboard.top_level)
            }
            _ => self
                .value(point)
                .map_or_else(String::new, |v| (v as u64).to_string()),
        }
    }
}

impl Dashboard {
    /// Every series, in the order the dashboard shows them.
    pub fn measures(&self) -> Vec<Measure> {
        (0..self.tiers.len())
            .map(Measure::Covered)
            .chain([
                Measure::Density,
                Measure::MeanLevel,
                Measure::BelowTarget,
                Measure::Gaps,
                Measure::HighGaps,
                Measure::ActionsDone,
                Measure::ActionsLate,
            ])
            .collect()
    }

    /// A series' values, one per point.
    pub fn series(&self, measure: Measure) -> Vec<Option<f64>> {
        self.points.iter().map(|p| measure.value(p)).collect()
    }

    /// The dashboard as a table in words: a header, then one row per point (milestone,
    /// date, then each measure).
    pub fn table(&self, config: &Config, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
        let text = plan_text(lang);
        let measures = self.measures();
        let header = [text.col_milestone.to_string(), text.col_date.to_string()]
            .into_iter()
            .chain(measures.iter().map(|m| m.label(config, self, lang)))
            .collect();
        let rows = self
            .points
            .iter()
            .map(|p| {
                [p.label.clone(), p.date.clone()]
                    .into_iter()
                    .chain(measures.iter().map(|m| m.text(self, p, lang)))
                    .collect()
            })
            .collect();
        (header, rows)
    }
}

/// The figures of one moment.
fn point(
    config: &Config,
    basis: &Basis,
    view: View,
    milestone: Option<usize>,
    label: String,
    day: Option<Date>,
    date: String,
) -> DashboardPoint {
    let network = basis.network.with_relation_edits(config, view.relations);
    let mut actions = [0; 5];
    let mut late = 0;
    for a in view.actions {
        actions[a.status.index()] += 1;
        if day.is_some_and(|d| a.is_late(d)) {
            late += 1;
        }
    }
    DashboardPoint {
        milestone,
        label,
        date,
        coverage: tier_coverage_assessed(config, &basis.range, view.coverage),
        collaboration: CollabFigures::of(&network),
        gaps: view.gaps.len(),
        high_gaps: view
            .gaps
            .iter()
            .filter(|g| g.severity == GapSeverity::High)
            .count(),
        actions,
        late,
    }
}

/// The dashboard of a session: every milestone (late actions counted on its date), then now
/// (on `today`).
pub fn dashboard(config: &Config, session: &Session, today: Date, lang: Lang) -> Dashboard {
    let basis = Basis::new(config);
    let mut points: Vec<DashboardPoint> = chronological(&session.milestones)
        .into_iter()
        .map(|i| {
            let m = &session.milestones[i];
            point(
                config,
                &basis,
                m.snapshot.view(),
                Some(i),
                m.label.clone(),
                m.day(),
                m.date.clone(),
            )
        })
        .collect();
    points.push(point(
        config,
        &basis,
        View::of_session(session),
        None,
        plan_text(lang).now.to_string(),
        Some(today),
        super::plan::date_text(today),
    ));
    Dashboard {
        tiers: basis.range.iter().map(|t| t.tier).collect(),
        top_level: level_ids(config).len().saturating_sub(1),
        points,
    }
}

// ---- The session file.

/// How the session's milestones are written and read (see the module doc): an item equal
/// to the same item of the milestone before it is written as its id or pair.
pub mod stored {
    use super::{Milestone, Snapshot};
    use crate::core::contribution::Decision;
    use crate::core::gaps::{Coverage, Gap};
    use crate::core::plan::PlanAction;
    use crate::core::session::RelationEdit;
    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::{BTreeMap, HashMap};
    use std::hash::Hash;
    use std::marker::PhantomData;
    use std::rc::Rc;

    /// An item as written: the same as the one before (by key), or whole.
    enum Entry<'a, T> {
        Id(&'a str),
        Pair(&'a [String; 2]),
        Whole(&'a T),
    }

    impl<T: Serialize> Serialize for Entry<'_, T> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Entry::Id(id) => s.serialize_str(id),
                Entry::Pair(pair) => pair.serialize(s),
                Entry::Whole(item) => item.serialize(s),
            }
        }
    }

    /// Writes `items`, each equal to the item of `earlier` with its key as its key.
    struct Items<'a, T, K> {
        items: &'a [T],
        earlier: Option<HashMap<K, &'a T>>,
        entry: fn(&'a T) -> Entry<'a, T>,
        key: fn(&'a T) -> K,
    }

    impl<'a, T: Serialize + PartialEq, K: Hash + Eq> Serialize for Items<'a, T, K> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.items.len()))?;
            for item in self.items {
                let same = self
                    .earlier
                    .as_ref()
                    .and_then(|e| e.get(&(self.key)(item)))
                    .is_some_and(|e| *e == item);
                if same {
                    seq.serialize_element(&(self.entry)(item))?;
                } else {
                    seq.serialize_element(&Entry::Whole(item))?;
                }
            }
            seq.end()
        }
    }

    fn earlier_of<'a, T, K: Hash + Eq>(
        items: Option<&'a [T]>,
        key: fn(&'a T) -> K,
    ) -> Option<HashMap<K, &'a T>> {
        items.map(|items| items.iter().map(|x| (key(x), x)).collect())
    }

    fn gap_id(g: &Gap) -> &str {
        &g.id
    }
    fn action_id(a: &PlanAction) -> &str {
        &a.id
    }
    fn pair(r: &RelationEdit) -> &[String; 2] {
        &r.providers
    }

    #[derive(Serialize)]
    struct SnapshotOut<'a> {
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        coverage: &'a BTreeMap<String, Coverage>,
        #[serde(skip_serializing_if = "Items::is_empty")]
        gaps: Items<'a, Gap, &'a str>,
        #[serde(skip_serializing_if = "Items::is_empty")]
        relations: Items<'a, RelationEdit, &'a [String; 2]>,
        #[serde(skip_serializing_if = "<[Decision]>::is_empty")]
        decisions: &'a [Decision],
        #[serde(skip_serializing_if = "Items::is_empty")]
        actions: Items<'a, PlanAction, &'a str>,
    }

    impl<T, K> Items<'_, T, K> {
        fn is_empty(&self) -> bool {
            self.items.is_empty()
        }
    }

    #[derive(Serialize)]
    struct MilestoneOut<'a> {
        id: &'a str,
        label: &'a str,
        date: &'a str,
        taken: &'a str,
        fingerprint: &'a str,
        snapshot: SnapshotOut<'a>,
    }

    pub fn serialize<S: Serializer>(
        milestones: &Rc<Vec<Milestone>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(milestones.len()))?;
        let mut before: Option<&Snapshot> = None;
        for m in milestones.iter() {
            let snap = &m.snapshot;
            let out = MilestoneOut {
                id: &m.id,
                label: &m.label,
                date: &m.date,
                taken: &m.taken,
                fingerprint: &m.fingerprint,
                snapshot: SnapshotOut {
                    coverage: &snap.coverage,
                    gaps: Items {
                        items: &snap.gaps,
                        earlier: earlier_of(before.map(|b| b.gaps.as_slice()), gap_id),
                        entry: |g| Entry::Id(&g.id),
                        key: gap_id,
                    },
                    relations: Items {
                        items: &snap.relations,
                        earlier: earlier_of(before.map(|b| b.relations.as_slice()), pair),
                        entry: |r| Entry::Pair(&r.providers),
                        key: pair,
                    },
                    decisions: &snap.decisions,
                    actions: Items {
                        items: &snap.actions,
                        earlier: earlier_of(before.map(|b| b.actions.as_slice()), action_id),
                        entry: |a| Entry::Id(&a.id),
                        key: action_id,
                    },
                },
            };
            seq.serialize_element(&out)?;
            before = Some(snap);
        }
        seq.end()
    }

    /// An item as read: a key of the milestone before, or whole.
    enum Read<T> {
        Id(String),
        Pair([String; 2]),
        Whole(T),
    }

    impl<'de, T: Deserialize<'de>> Deserialize<'de> for Read<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V<T>(PhantomData<T>);
            impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
                type Value = Read<T>;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("an object, an id or a pair of ids")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Read<T>, E> {
                    Ok(Read::Id(v.to_string()))
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<Read<T>, E> {
                    Ok(Read::Id(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Read<T>, A::Error> {
                    let pair =
                        <[String; 2]>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
                    Ok(Read::Pair(pair))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Read<T>, A::Error> {
                    T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Read::Whole)
                }
            }
            d.deserialize_any(V(PhantomData))
        }
    }

    #[derive(Deserialize, Default)]
    struct SnapshotIn {
        #[serde(default)]
        coverage: BTreeMap<String, Coverage>,
        #[serde(default)]
        gaps: Vec<Read<Gap>>,
        #[serde(default)]
        relations: Vec<Read<RelationEdit>>,
        #[serde(default)]
        decisions: Vec<Decision>,
        #[serde(default)]
        actions: Vec<Read<PlanAction>>,
    }

    #[derive(Deserialize)]
    struct MilestoneIn {
        id: String,
        label: String,
        date: String,
        taken: String,
        fingerprint: String,
        #[serde(default)]
        snapshot: SnapshotIn,
    }

    /// Resolves items read against the milestone before.
    fn resolve<T: Clone, E: de::Error>(
        read: Vec<Read<T>>,
        earlier: &[T],
        key_of: impl Fn(&T) -> String,
        what: &str,
        milestone: &str,
    ) -> Result<Vec<T>, E> {
        let mut map: Option<HashMap<String, &T>> = None;
        read.into_iter()
            .map(|r| {
                let key = match r {
                    Read::Whole(item) => return Ok(item),
                    Read::Id(id) => id,
                    Read::Pair([a, b]) => format!("{a}\u{1f}{b}"),
                };
                let map =
                    map.get_or_insert_with(|| earlier.iter().map(|x| (key_of(x), x)).collect());
                map.get(&key).map(|x| (*x).clone()).ok_or_else(|| {
                    E::custom(format!(
                        "milestone {milestone}: {what} {} is not in the milestone before it",
                        key.replace('\u{1f}', "–")
                    ))
                })
            })
            .collect()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<Vec<Milestone>>, D::Error> {
        let read: Vec<MilestoneIn> = Vec::deserialize(d)?;
        let mut milestones: Vec<Milestone> = Vec::with_capacity(read.len());
        for m in read {
            let empty = Snapshot::default();
            let before = milestones.last().map_or(&empty, |b| &b.snapshot);
            let s = m.snapshot;
            let snapshot = Snapshot {
                coverage: s.coverage,
                gaps: resolve(s.gaps, &before.gaps, |g| g.id.clone(), "gap", &m.id)?,
                relations: resolve(
                    s.relations,
                    &before.relations,
                    |r| format!("{}\u{1f}{}", r.providers[0], r.providers[1]),
                    "relation",
                    &m.id,
                )?,
                decisions: s.decisions,
                actions: resolve(
                    s.actions,
                    &before.actions,
                    |a| a.id.clone(),
                    "action",
                    &m.id,
                )?,
            };
            milestones.push(Milestone {
                id: m.id,
                label: m.label,
                date: m.date,
                taken: m.taken,
                fingerprint: m.fingerprint,
                snapshot,
            });
        }
        Ok(Rc::new(milestones))
    }
}

/// The session has no milestone (the field is then left out of the file).
pub fn none_marked(milestones: &Rc<Vec<Milestone>>) -> bool {
    milestones.is_empty()
}
