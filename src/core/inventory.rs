//! The inventory of unmet needs: every gap and every service not fully covered, grouped by
//! tier (then needs outside the range, then orphaned gaps), filtered and sorted as the
//! workshop asks, with the coverage of each tier.

use super::figures::{summary_of, ServiceSummary, TierSummary};
use super::gaps::{Coverage, Gap, GapKind, GapSeverity, GapTarget, Perspective};
use super::model::Config;
use super::session::Session;
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

/// Where an inventory line belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// A tier, by its position in the config.
    Tier(usize),
    /// Needs that the range does not name.
    Other,
    /// Gaps whose service or tier is no longer in the config.
    Orphaned,
}

/// One line of the inventory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A gap, by its index in the session.
    Gap(usize),
    /// A service, by its index in the config, that is not fully covered.
    Uncovered { service: usize, coverage: Coverage },
}

/// One line with its group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub group: Group,
    pub entry: Entry,
}

/// What the inventory shows; `None` means any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub group: Option<Group>,
    pub kind: Option<GapKind>,
    pub severity: Option<GapSeverity>,
    pub perspective: Option<Perspective>,
    /// Only gaps whose priority is at least this.
    pub min_priority: u8,
}

impl Filter {
    /// True when only gaps can match (uncovered services have no kind, severity,
    /// perspective or priority).
    fn gaps_only(&self) -> bool {
        self.kind.is_some()
            || self.severity.is_some()
            || self.perspective.is_some()
            || self.min_priority > 1
    }
}

/// The column the lines are sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    Priority,
    Severity,
    Kind,
    Perspective,
    Service,
    Modified,
}

/// How the lines are ordered within each group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub by: SortBy,
    pub descending: bool,
}

impl Default for Sort {
    /// Top priorities first.
    fn default() -> Sort {
        Sort {
            by: SortBy::Priority,
            descending: true,
        }
    }
}

/// Covered services of a tier, out of all its services.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TierCoverage {
    pub covered: usize,
    pub partial: usize,
    pub absent: usize,
    pub not_assessed: usize,
    pub total: usize,
}

/// The coverage of a service: as assessed in the workshop, else as its offers suggest.
pub fn coverage_of(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
    service: usize,
) -> Coverage {
    match summary_of(range, service) {
        Some(summary) => coverage_in(config, session, summary),
        None => session
            .assessed(&config.services[service].id)
            .unwrap_or(Coverage::NotAssessed),
    }
}

/// The coverage of a service of the range: as assessed, else as its offers suggest.
fn coverage_in(config: &Config, session: &Session, summary: &ServiceSummary) -> Coverage {
    session
        .assessed(&config.services[summary.service].id)
        .unwrap_or_else(|| Coverage::suggested(summary.status))
}

/// The coverage of the service a gap is about, when it is about a service still in the config.
pub fn gap_coverage(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
    gap: &Gap,
) -> Option<Coverage> {
    let GapTarget::Service { service } = &gap.target else {
        return None;
    };
    let index = config.services.iter().position(|s| &s.id == service)?;
    Some(coverage_of(config, range, session, index))
}

/// The coverage of each tier, in range order.
pub fn tier_coverage(
    config: &Config,
    range: &[TierSummary],
    session: &Session,
) -> Vec<TierCoverage> {
    tier_coverage_assessed(config, range, &session.coverage)
}

/// The coverage of each tier, in range order, with the coverage assessed by service id (a
/// session's, or a milestone's frozen copy of it); other services as their offers suggest.
pub fn tier_coverage_assessed(
    config: &Config,
    range: &[TierSummary],
    assessed: &BTreeMap<String, Coverage>,
) -> Vec<TierCoverage> {
    range
        .iter()
        .map(|tier| {
            let mut c = TierCoverage {
                total: tier.services.len(),
                ..TierCoverage::default()
            };
            for s in &tier.services {
                let coverage = assessed
                    .get(&config.services[s.service].id)
                    .copied()
                    .unwrap_or_else(|| Coverage::suggested(s.status));
                match coverage {
                    Coverage::Covered => c.covered += 1,
                    Coverage::Partial => c.partial += 1,
                    Coverage::Absent => c.absent += 1,
                    Coverage::NotAssessed => c.not_assessed += 1,
                }
            }
            c
        })
        .collect()
}

/// Every line of the inventory, unfiltered, in group order.
pub fn lines(config: &Config, range: &[TierSummary], session: &Session) -> Vec<Line> {
    let tier_position: HashMap<&str, usize> = range
        .iter()
        .enumerate()
        .map(|(position, t)| (config.tiers[t.tier].id.as_str(), position))
        .collect();
    let service_tier: HashMap<&str, usize> = range
        .iter()
        .enumerate()
        .flat_map(|(position, t)| t.services.iter().map(move |s| (s.service, position)))
        .map(|(service, position)| (config.services[service].id.as_str(), position))
        .collect();
    let mut lines = Vec::new();
    for (position, tier) in range.iter().enumerate() {
        for s in &tier.services {
            let coverage = coverage_in(config, session, s);
            if coverage != Coverage::Covered {
                lines.push(Line {
                    group: Group::Tier(position),
                    entry: Entry::Uncovered {
                        service: s.service,
                        coverage,
                    },
                });
            }
        }
    }
    for (i, gap) in session.gaps.iter().enumerate() {
        let group = match &gap.target {
            GapTarget::Service { service } => {
                service_tier.get(service.as_str()).map(|&p| Group::Tier(p))
            }
            GapTarget::Tier { tier } => tier_position.get(tier.as_str()).map(|&p| Group::Tier(p)),
            GapTarget::Other => Some(Group::Other),
        };
        lines.push(Line {
            group: group.unwrap_or(Group::Orphaned),
            entry: Entry::Gap(i),
        });
    }
    lines
}

/// The lines the filter keeps, sorted within each group; groups keep their order.
pub fn select(
    config: &Config,
    session: &Session,
    mut lines: Vec<Line>,
    filter: &Filter,
    sort: Sort,
) -> Vec<Line> {
    lines.retain(|line| {
        if filter.group.is_some_and(|g| g != line.group) {
            return false;
        }
        match line.entry {
            Entry::Uncovered { .. } => !filter.gaps_only(),
            Entry::Gap(i) => {
                let gap = &session.gaps[i];
                filter.kind.is_none_or(|k| k == gap.kind)
                    && filter.severity.is_none_or(|s| s == gap.severity)
                    && filter.perspective.is_none_or(|p| p == gap.perspective)
                    && gap.priority() >= filter.min_priority
            }
        }
    });
    let service_label = |line: &Line| -> String {
        let service = match line.entry {
            Entry::Uncovered { service, .. } => Some(service),
            Entry::Gap(i) => match &session.gaps[i].target {
                GapTarget::Service { service } => {
                    config.services.iter().position(|s| &s.id == service)
                }
                _ => None,
            },
        };
        service
            .map(|s| {
                config.services[s]
                    .label
                    .get(super::text::Lang::Fr)
                    .to_lowercase()
            })
            .unwrap_or_default()
    };
    // Lines without a value for the column (uncovered services have no priority) always
    // come after those with one, whichever the direction.
    let gap = |line: &Line| match line.entry {
        Entry::Gap(i) => Some(&session.gaps[i]),
        Entry::Uncovered { .. } => None,
    };
    let key = |line: &Line| -> (bool, SortKey) {
        let g = gap(line);
        let value = match sort.by {
            SortBy::Priority => {
                g.map(|g| SortKey::Number(u32::from(g.priority()) * 10 + severity_rank(g.severity)))
            }
            SortBy::Severity => g.map(|g| {
                SortKey::Number(severity_rank(g.severity) * 100 + u32::from(g.priority()))
            }),
            SortBy::Kind => g.map(|g| SortKey::Number(g.kind as u32)),
            SortBy::Perspective => g.map(|g| SortKey::Number(g.perspective as u32)),
            SortBy::Modified => g.map(|g| SortKey::Text(g.modified.clone())),
            SortBy::Service => Some(SortKey::Text(service_label(line))),
        };
        (value.is_none(), value.unwrap_or(SortKey::Number(0)))
    };
    lines.sort_by(|a, b| {
        let (missing_a, key_a) = key(a);
        let (missing_b, key_b) = key(b);
        let within = if sort.descending {
            key_b.cmp(&key_a)
        } else {
            key_a.cmp(&key_b)
        };
        a.group
            .cmp(&b.group)
            .then(missing_a.cmp(&missing_b))
            .then(within)
    });
    lines
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Number(u32),
    Text(String),
}

fn severity_rank(severity: GapSeverity) -> u32 {
    match severity {
        GapSeverity::Low => 1,
        GapSeverity::Medium => 2,
        GapSeverity::High => 3,
    }
}

/// The gaps worth acting on first: highest priority, then highest severity.
pub fn top_priorities(session: &Session, n: usize) -> Vec<&Gap> {
    let mut gaps: Vec<&Gap> = session.gaps.iter().collect();
    gaps.sort_by_key(|g| Reverse((g.priority(), severity_rank(g.severity))));
    gaps.truncate(n);
    gaps
}
