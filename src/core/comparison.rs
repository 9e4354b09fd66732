//! Comparing the participants' contributions: for each service, relation and gap that at
//! least one participant rated, how the ratings spread, whether the participants agree, and
//! what the group decided ([`decide`]). The items come in the order a facilitator discusses
//! them: divergent items first, then agreed ones, then those nobody rated; within each, the
//! lowest share within one step first, then the most ratings, then the config's order. The
//! order the contributions were gathered in changes nothing but their indices (see
//! [`Comparison::renumbered`]).
//!
//! # Agreement
//!
//! Ratings are steps on an ordinal scale, as small integers:
//! - coverage: absent 0, partial 1, covered 2; `not_assessed` is the participant's "don't
//!   know": it is counted apart and is not a rating;
//! - a relation's level (now or wanted): its rank in the config's scale, 0 = no relation; a
//!   level id that is not in the scale is unreadable, not a rating (counted in
//!   [`Side::unreadable`]);
//! - a gap's severity: low 0, medium 1, high 2; its impact and feasibility: 1 to 5 (a score
//!   outside 1–5 is not a rating).
//!
//! The rule, as the interface shows it (Delphi practice):
//!
//! > Un point fait accord quand au moins 75 % des réponses se situent à un échelon ou moins
//! > de la médiane; sinon, il est divergent. Les « je ne sais pas » ne sont pas comptés.
//! >
//! > An item is in agreement when at least 75% of the ratings lie within one step of the
//! > median; otherwise it is divergent. "Don't know" answers are not counted.
//!
//! With an odd number of ratings the median is the middle one. With an even number it is
//! the two middle ones; when they differ the median lies between them, and the share within
//! one step is the better of the share around the lower middle and the share around the
//! higher one (symmetric: absent and covered split half and half is divergent, not
//! "agreement around partial"). The test is in integers: `within × 4 ≥ ratings × 3`.
//! An item nobody rated (only "don't know") has no ratings: neither agreed nor divergent.
//!
//! A relation or a gap has several scales (level now and wanted; severity, impact and
//! feasibility): it is divergent when one of them is, and its share is the lowest of theirs.

use super::continuum::{edit_for, level_ids, level_label, pair_key, scale};
use super::contribution::{Agreed, Contribution, Decision, GapKey, Item, RelationRating};
use super::export::{gap_target_label, spreadsheet_safe, UTF8_BOM};
use super::gaps::{Coverage, Gap, GapKind, GapSeverity, GapTarget, Perspective, SCORE_RANGE};
use super::i18n::{
    barrier_label, coverage_label, gap_kind_label, level_and_target, percent_text,
    perspective_label, severity_label,
};
use super::model::{Config, Level, Mechanism};
use super::perspectives_text::{
    asymmetry_text, between, median_of, orphan_label, participant_count, participant_number,
    perspectives_text, scores_text, side_text,
};
use super::session::Session;
use super::text::Lang;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The median of ratings: one step, or between two steps (`low < high`) when an even
/// number of ratings has two different middles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Median {
    pub low: u8,
    pub high: u8,
}

impl Median {
    /// True when the median lies between two steps.
    pub fn is_between(self) -> bool {
        self.low != self.high
    }
}

/// Whether the participants agree on an item (see the module doc for the rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Agreement {
    Agreed,
    Divergent,
    /// Nobody rated it, or everyone said "don't know".
    NoRatings,
}

impl Agreement {
    pub const ALL: &'static [Agreement] = &[
        Agreement::Agreed,
        Agreement::Divergent,
        Agreement::NoRatings,
    ];

    /// The name in exports and the DOM.
    pub fn key(self) -> &'static str {
        match self {
            Agreement::Agreed => "agreed",
            Agreement::Divergent => "divergent",
            Agreement::NoRatings => "no_ratings",
        }
    }

    /// Several scales of one item: divergent when one is, agreed when one has ratings.
    pub fn of_all(spreads: &[&Spread]) -> Agreement {
        let all = || spreads.iter().map(|s| s.agreement);
        if all().any(|a| a == Agreement::Divergent) {
            Agreement::Divergent
        } else if all().any(|a| a == Agreement::Agreed) {
            Agreement::Agreed
        } else {
            Agreement::NoRatings
        }
    }

    /// Divergent items are discussed first, then agreed ones, then the unrated.
    fn rank(self) -> u8 {
        match self {
            Agreement::Divergent => 0,
            Agreement::Agreed => 1,
            Agreement::NoRatings => 2,
        }
    }
}

/// How the ratings of one scale spread around their median.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spread {
    /// Sorted.
    pub ratings: Vec<u8>,
    /// None without ratings.
    pub median: Option<Median>,
    /// Ratings within one step of the median (the better middle when it lies between two).
    pub within: usize,
    pub agreement: Agreement,
}

impl Spread {
    /// The spread of some ratings, in any order.
    pub fn of(values: impl IntoIterator<Item = u8>) -> Spread {
        Spread::of_ratings(values.into_iter().collect())
    }

    /// The arithmetic, once in the bundle whatever the iterators the ratings come from.
    fn of_ratings(mut ratings: Vec<u8>) -> Spread {
        ratings.sort_unstable();
        let n = ratings.len();
        if n == 0 {
            return Spread {
                ratings,
                median: None,
                within: 0,
                agreement: Agreement::NoRatings,
            };
        }
        // Odd: both indices are the middle; even: the two middles.
        let median = Median {
            low: ratings[(n - 1) / 2],
            high: ratings[n / 2],
        };
        let near = |m: u8| ratings.iter().filter(|r| r.abs_diff(m) <= 1).count();
        let within = near(median.low).max(near(median.high));
        let agreement = if within * 4 >= n * 3 {
            Agreement::Agreed
        } else {
            Agreement::Divergent
        };
        Spread {
            ratings,
            median: Some(median),
            within,
            agreement,
        }
    }

    /// How many ratings.
    pub fn len(&self) -> usize {
        self.ratings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ratings.is_empty()
    }

    /// Share of the ratings within one step of the median, 0 to 1 (0 without ratings).
    pub fn share(&self) -> f64 {
        super::continuum::ratio(self.within, self.len())
    }

    /// The share as a whole percentage, rounded down: an item just under 75 % never shows
    /// "75 %" beside "divergent".
    pub fn percent(&self) -> u32 {
        if self.is_empty() {
            0
        } else {
            (self.within * 100 / self.len()) as u32
        }
    }

    /// Lower share first; with equal shares, more ratings first (a wider disagreement).
    fn cmp_divergence(&self, other: &Spread) -> Ordering {
        (self.within * other.len())
            .cmp(&(other.within * self.len()))
            .then(other.len().cmp(&self.len()))
    }

    /// The scale of an item that agrees least (the one its share is told by).
    fn weakest<'a>(spreads: &[&'a Spread]) -> Option<&'a Spread> {
        spreads
            .iter()
            .copied()
            .filter(|s| !s.is_empty())
            .min_by(|a, b| a.cmp_divergence(b))
    }
}

/// A coverage as a rating: absent 0, partial 1, covered 2; "don't know" is none.
pub fn coverage_rank(coverage: Coverage) -> Option<u8> {
    match coverage {
        Coverage::Absent => Some(0),
        Coverage::Partial => Some(1),
        Coverage::Covered => Some(2),
        Coverage::NotAssessed => None,
    }
}

/// The coverage of a rating (2 and above: covered).
pub fn coverage_of_rank(rank: u8) -> Coverage {
    match rank {
        0 => Coverage::Absent,
        1 => Coverage::Partial,
        _ => Coverage::Covered,
    }
}

/// A severity as a rating: low 0, medium 1, high 2.
pub fn severity_rank(severity: GapSeverity) -> u8 {
    match severity {
        GapSeverity::Low => 0,
        GapSeverity::Medium => 1,
        GapSeverity::High => 2,
    }
}

/// The severity of a rating (2 and above: high).
pub fn severity_of_rank(rank: u8) -> GapSeverity {
    match rank {
        0 => GapSeverity::Low,
        1 => GapSeverity::Medium,
        _ => GapSeverity::High,
    }
}

/// The participants' views of one service's coverage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceItem {
    pub service: String,
    /// Index in `config.services`; none: an orphan (the service is no longer in the config).
    pub position: Option<usize>,
    /// In [`Coverage::ALL`] order: covered, partial, absent, not assessed ("don't know").
    pub counts: [usize; 4],
    /// (index in `session.contributions`, coverage), in contribution order.
    pub ratings: Vec<(usize, Coverage)>,
    /// Only the perspectives present, in [`Perspective::ALL`] order: counts as above and
    /// the median of their ratings.
    pub by_perspective: Vec<(Perspective, [usize; 4], Option<Median>)>,
    pub spread: Spread,
    /// Index in `session.decisions` of the decision on this service.
    pub decision: Option<usize>,
}

impl ServiceItem {
    pub fn agreement(&self) -> Agreement {
        self.spread.agreement
    }
}

/// One participant's rating of a relation: (index in `session.contributions`, level rank
/// now, level rank wanted, mechanisms); a rank is none for "don't know" / no opinion, or
/// an unreadable level id.
pub type SideRating = (usize, Option<u8>, Option<u8>, Vec<Mechanism>);

/// The ratings of a pair by side (see [`RelationItem::sides`]), before they are read.
type Sides<'a> = [Vec<(usize, &'a RelationRating)>; 2];

/// One side's view of a relation: what participants of one organisation say of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// In contribution order.
    pub ratings: Vec<SideRating>,
    pub level: Spread,
    pub wanted: Spread,
    /// Level ids given that are not in the config's scale (now or wanted).
    pub unreadable: usize,
}

/// The participants' views of a relation between two providers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationItem {
    /// Provider ids, in [`pair_key`] order.
    pub providers: [String; 2],
    /// Side `i`: the ratings of participants of `providers[i]` about `providers[1 - i]`.
    pub sides: [Side; 2],
    /// The level now, both sides pooled.
    pub level: Spread,
    /// The level wanted, both sides pooled.
    pub wanted: Spread,
    /// Steps between the two sides' medians of the level now (lower middles), when both
    /// sides rated it.
    pub asymmetry: Option<u8>,
    pub decision: Option<usize>,
}

impl RelationItem {
    pub fn agreement(&self) -> Agreement {
        Agreement::of_all(&[&self.level, &self.wanted])
    }

    /// The scale that agrees least, if any has ratings.
    pub fn weakest(&self) -> Option<&Spread> {
        Spread::weakest(&[&self.level, &self.wanted])
    }
}

/// The gaps raised by the participants that share a [`GapKey`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapItem {
    pub key: GapKey,
    /// (index in `session.contributions`, index in its `gaps`), in contribution order.
    /// Each gap counts: a participant may raise the same gap twice, for two populations.
    pub raised_by: Vec<(usize, usize)>,
    pub severity: Spread,
    pub impact: Spread,
    pub feasibility: Spread,
    /// Divergent when one of the three is.
    pub agreement: Agreement,
    pub decision: Option<usize>,
}

impl GapItem {
    /// How many participants raised it (distinct contributions).
    pub fn people(&self) -> usize {
        let mut people: Vec<usize> = self.raised_by.iter().map(|(c, _)| *c).collect();
        people.dedup();
        people.len()
    }

    /// The scale that agrees least.
    pub fn weakest(&self) -> Option<&Spread> {
        Spread::weakest(&[&self.severity, &self.impact, &self.feasibility])
    }
}

/// Every item rated, each list in the order to discuss it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub services: Vec<ServiceItem>,
    pub relations: Vec<RelationItem>,
    pub gaps: Vec<GapItem>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.services.is_empty() && self.relations.is_empty() && self.gaps.is_empty()
    }

    /// The same comparison with every contribution index passed through `map` (and each
    /// item's ratings back in index order): two comparisons of the same contributions
    /// loaded in another order are equal once one is renumbered to the other's indices.
    pub fn renumbered(&self, map: impl Fn(usize) -> usize) -> Comparison {
        let mut out = self.clone();
        for item in &mut out.services {
            for rating in &mut item.ratings {
                rating.0 = map(rating.0);
            }
            item.ratings.sort_by_key(|r| r.0);
        }
        for item in &mut out.relations {
            for side in &mut item.sides {
                for rating in &mut side.ratings {
                    rating.0 = map(rating.0);
                }
                side.ratings.sort_by_key(|r| r.0);
            }
        }
        for item in &mut out.gaps {
            for raised in &mut item.raised_by {
                raised.0 = map(raised.0);
            }
            item.raised_by.sort();
        }
        out
    }
}

/// An item as decisions name it: a relation's pair in [`pair_key`] order, a gap key's
/// barrier only for an access barrier (as [`GapKey::of`] makes them).
fn normalized(item: &Item) -> Item {
    match item {
        Item::Service(_) => item.clone(),
        Item::Relation([a, b]) => {
            let (a, b) = pair_key(a, b);
            Item::Relation([a.to_string(), b.to_string()])
        }
        Item::Gap(key) => Item::Gap(GapKey {
            barrier: key.barrier.filter(|_| key.kind == GapKind::AccessBarrier),
            ..key.clone()
        }),
    }
}

fn decision_index(session: &Session, item: &Item) -> Option<usize> {
    let item = normalized(item);
    session
        .decisions
        .iter()
        .position(|d| normalized(&d.item) == item)
}

/// The group's decision on an item, if it took one.
pub fn decision_of<'a>(session: &'a Session, item: &Item) -> Option<&'a Decision> {
    decision_index(session, item).map(|i| &session.decisions[i])
}

/// Divergent first, then agreed, then unrated; within each, the lowest share first, then
/// the most ratings. The caller breaks the remaining ties (config order).
fn discuss_next(a: (Agreement, Option<&Spread>), b: (Agreement, Option<&Spread>)) -> Ordering {
    a.0.rank().cmp(&b.0.rank()).then_with(|| match (a.1, b.1) {
        (Some(x), Some(y)) => x.cmp_divergence(y),
        _ => Ordering::Equal,
    })
}

/// A participant's first rating of each partner: a contribution lists each partner once,
/// and a repeated one must not count twice.
fn relation_ratings(session: &Session) -> BTreeMap<(String, String), Sides<'_>> {
    let mut pairs: BTreeMap<(String, String), Sides<'_>> = BTreeMap::new();
    for (i, contribution) in session.contributions.iter().enumerate() {
        // A person using services or a family member speaks for no provider.
        let Some(own) = contribution.participant.organisation.as_deref() else {
            continue;
        };
        let mut seen = HashSet::new();
        for rating in &contribution.relations {
            if rating.with == own || !seen.insert(rating.with.as_str()) {
                continue;
            }
            let (a, b) = pair_key(own, &rating.with);
            let side = usize::from(own != a);
            pairs.entry((a.to_string(), b.to_string())).or_default()[side].push((i, rating));
        }
    }
    pairs
}

/// Compares the contributions of a session.
pub fn compare(config: &Config, session: &Session) -> Comparison {
    // Looked up once per item: thousands of items, a few decisions, ids found by hash
    // rather than by going through the config's lists.
    let mut decided: HashMap<Item, usize> = HashMap::new();
    for (i, d) in session.decisions.iter().enumerate() {
        decided.entry(normalized(&d.item)).or_insert(i);
    }
    let decision_of = |item: Item| {
        if decided.is_empty() {
            None
        } else {
            decided.get(&item).copied()
        }
    };
    let positions = |ids: &mut dyn Iterator<Item = &str>| -> HashMap<String, usize> {
        ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect()
    };
    let service_at = positions(&mut config.services.iter().map(|s| s.id.as_str()));
    let provider_at = positions(&mut config.providers.iter().map(|p| p.id.as_str()));
    let tier_at = positions(&mut config.tiers.iter().map(|t| t.id.as_str()));
    let levels = level_ids(config);
    let rank = |id: &str| {
        levels
            .iter()
            .position(|l| *l == id)
            .and_then(|r| u8::try_from(r).ok())
    };
    let perspective = |i: usize| session.contributions[i].participant.perspective;

    // Services, by id (a BTreeMap: the same whatever the contributions' order).
    let mut rated: BTreeMap<&str, Vec<(usize, Coverage)>> = BTreeMap::new();
    for (i, contribution) in session.contributions.iter().enumerate() {
        for (service, coverage) in &contribution.coverage {
            rated.entry(service).or_default().push((i, *coverage));
        }
    }
    let counts_of = |ratings: &mut dyn Iterator<Item = Coverage>| {
        let mut counts = [0; 4];
        for coverage in ratings {
            let at = Coverage::ALL
                .iter()
                .position(|c| *c == coverage)
                .unwrap_or(3);
            counts[at] += 1;
        }
        counts
    };
    let mut services: Vec<ServiceItem> = rated
        .into_iter()
        .map(|(service, ratings)| {
            let by_perspective = Perspective::ALL
                .iter()
                .filter_map(|&p| {
                    let theirs: Vec<Coverage> = ratings
                        .iter()
                        .filter(|(i, _)| perspective(*i) == p)
                        .map(|(_, c)| *c)
                        .collect();
                    (!theirs.is_empty()).then(|| {
                        let counts = counts_of(&mut theirs.iter().copied());
                        let median =
                            Spread::of(theirs.into_iter().filter_map(coverage_rank)).median;
                        (p, counts, median)
                    })
                })
                .collect();
            ServiceItem {
                service: service.to_string(),
                position: service_at.get(service).copied(),
                counts: counts_of(&mut ratings.iter().map(|(_, c)| *c)),
                spread: Spread::of(ratings.iter().filter_map(|(_, c)| coverage_rank(*c))),
                by_perspective,
                ratings,
                decision: decision_of(Item::Service(service.to_string())),
            }
        })
        .collect();
    services.sort_by(|a, b| {
        discuss_next(
            (a.agreement(), Some(&a.spread)),
            (b.agreement(), Some(&b.spread)),
        )
        .then_with(|| {
            let at = |s: &ServiceItem| s.position.unwrap_or(usize::MAX);
            at(a).cmp(&at(b)).then_with(|| a.service.cmp(&b.service))
        })
    });

    // Relations, by pair.
    let mut relations: Vec<RelationItem> = relation_ratings(session)
        .into_iter()
        .map(|((a, b), sides)| {
            let sides = sides.map(|ratings| {
                let mut unreadable = 0;
                let mut read = |id: &Option<String>| {
                    let r = id.as_deref().and_then(rank);
                    if id.is_some() && r.is_none() {
                        unreadable += 1;
                    }
                    r
                };
                let ratings: Vec<SideRating> = ratings
                    .into_iter()
                    .map(|(i, r)| (i, read(&r.level), read(&r.target), r.mechanisms.clone()))
                    .collect();
                Side {
                    level: Spread::of(ratings.iter().filter_map(|r| r.1)),
                    wanted: Spread::of(ratings.iter().filter_map(|r| r.2)),
                    ratings,
                    unreadable,
                }
            });
            let pooled = |pick: fn(&SideRating) -> Option<u8>| {
                Spread::of(sides.iter().flat_map(|s| s.ratings.iter().filter_map(pick)))
            };
            let asymmetry = match (sides[0].level.median, sides[1].level.median) {
                (Some(x), Some(y)) => Some(x.low.abs_diff(y.low)),
                _ => None,
            };
            let providers = [a, b];
            RelationItem {
                level: pooled(|r| r.1),
                wanted: pooled(|r| r.2),
                asymmetry,
                decision: decision_of(Item::Relation(providers.clone())),
                providers,
                sides,
            }
        })
        .collect();
    let provider_at = |id: &str| provider_at.get(id).copied().unwrap_or(usize::MAX);
    let at = |r: &RelationItem| {
        let (x, y) = (provider_at(&r.providers[0]), provider_at(&r.providers[1]));
        (x.min(y), x.max(y))
    };
    relations.sort_by(|a, b| {
        discuss_next((a.agreement(), a.weakest()), (b.agreement(), b.weakest()))
            .then_with(|| at(a).cmp(&at(b)))
            .then_with(|| a.providers.cmp(&b.providers))
    });

    // Gaps, by key.
    let mut raised: BTreeMap<GapKey, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, contribution) in session.contributions.iter().enumerate() {
        for (g, gap) in contribution.gaps.iter().enumerate() {
            raised.entry(GapKey::of(gap)).or_default().push((i, g));
        }
    }
    let gap = |(i, g): &(usize, usize)| &session.contributions[*i].gaps[*g];
    let score = |s: u8| SCORE_RANGE.contains(&s).then_some(s);
    let mut gaps: Vec<GapItem> = raised
        .into_iter()
        .map(|(key, raised_by)| {
            let severity = Spread::of(raised_by.iter().map(|r| severity_rank(gap(r).severity)));
            let impact = Spread::of(raised_by.iter().filter_map(|r| score(gap(r).impact)));
            let feasibility =
                Spread::of(raised_by.iter().filter_map(|r| score(gap(r).feasibility)));
            GapItem {
                agreement: Agreement::of_all(&[&severity, &impact, &feasibility]),
                decision: decision_of(Item::Gap(key.clone())),
                key,
                raised_by,
                severity,
                impact,
                feasibility,
            }
        })
        .collect();
    let target_at = |target: &GapTarget| match target {
        GapTarget::Service { service } => {
            (0, service_at.get(service).copied().unwrap_or(usize::MAX))
        }
        GapTarget::Tier { tier } => (1, tier_at.get(tier).copied().unwrap_or(usize::MAX)),
        GapTarget::Other => (2, 0),
    };
    gaps.sort_by(|a, b| {
        discuss_next((a.agreement, a.weakest()), (b.agreement, b.weakest()))
            .then_with(|| target_at(&a.key.target).cmp(&target_at(&b.key.target)))
            .then_with(|| a.key.cmp(&b.key))
    });

    Comparison {
        services,
        relations,
        gaps,
    }
}

/// The session after the group's decision: recorded (replacing an earlier decision on the
/// same item) and applied. The session comes back unchanged when the decision cannot
/// apply: a value of another kind than its item (a coverage for a relation…), a level not
/// in the scale, scores outside 1–5, or a relation of a provider not in the config or with
/// itself. Undo is the caller's: it keeps the previous session.
pub fn decide(config: &Config, session: &Session, decision: Decision) -> Session {
    let decision = Decision {
        item: normalized(&decision.item),
        ..decision
    };
    let mut next = session.clone();
    match (&decision.item, &decision.agreed) {
        (Item::Service(service), Agreed::Coverage(coverage)) => {
            next.coverage.insert(service.clone(), *coverage);
        }
        (Item::Relation([a, b]), Agreed::Level { level, target }) => {
            let levels = level_ids(config);
            let in_scale = |id: &str| levels.contains(&id);
            if a == b
                || config.provider(a).is_none()
                || config.provider(b).is_none()
                || !in_scale(level)
                || target.as_deref().is_some_and(|t| !in_scale(t))
            {
                return session.clone();
            }
            // The group decides the levels; the mechanisms in place stay as they are.
            let mechanisms = session
                .relations
                .iter()
                .find(|r| r.pair() == (a.as_str(), b.as_str()))
                .map(|r| r.mechanisms.clone())
                .or_else(|| {
                    config
                        .continuum
                        .iter()
                        .flat_map(|c| c.relations.iter())
                        .find(|r| pair_key(&r.providers[0], &r.providers[1]) == (a, b))
                        .map(|r| r.mechanisms.clone())
                })
                .unwrap_or_default();
            let edit = edit_for(
                config,
                [a.clone(), b.clone()],
                level.clone(),
                target.clone(),
                mechanisms,
            );
            next.set_relation((a, b), edit);
        }
        (
            Item::Gap(key),
            Agreed::Scores {
                severity,
                impact,
                feasibility,
            },
        ) => {
            if !SCORE_RANGE.contains(impact) || !SCORE_RANGE.contains(feasibility) {
                return session.clone();
            }
            let mut found = false;
            for gap in next.gaps.iter_mut().filter(|g| GapKey::of(g) == *key) {
                gap.severity = *severity;
                gap.impact = *impact;
                gap.feasibility = *feasibility;
                gap.modified = decision.decided.clone();
                found = true;
            }
            if !found {
                let gap = gap_from_contributions(
                    session,
                    key,
                    (*severity, *impact, *feasibility),
                    &decision,
                );
                next.gaps.push(gap);
            }
        }
        _ => return session.clone(),
    }
    match decision_index(&next, &decision.item) {
        Some(i) => next.decisions[i] = decision,
        None => next.decisions.push(decision),
    }
    next
}

/// The session's gap for a key the participants raised and the session has not: the
/// agreed scores, the most frequent perspective of the participants' gaps (ties: the first
/// in [`Perspective::ALL`]; none raised it: organisation), their populations and actions.
fn gap_from_contributions(
    session: &Session,
    key: &GapKey,
    (severity, impact, feasibility): (GapSeverity, u8, u8),
    decision: &Decision,
) -> Gap {
    let theirs: Vec<&Gap> = session
        .contributions
        .iter()
        .flat_map(|c| c.gaps.iter())
        .filter(|g| GapKey::of(g) == *key)
        .collect();
    let perspective = Perspective::ALL
        .iter()
        .copied()
        .map(|p| (p, theirs.iter().filter(|g| g.perspective == p).count()))
        .filter(|(_, n)| *n > 0)
        // max_by_key keeps the last of equals: reversed, the first in ALL order wins.
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(Perspective::Organisation, |(p, _)| p);
    let joined = |field: fn(&Gap) -> &str| {
        let mut distinct: Vec<&str> = Vec::new();
        for value in theirs.iter().map(|g| field(g).trim()) {
            if !value.is_empty() && !distinct.contains(&value) {
                distinct.push(value);
            }
        }
        distinct.join(" / ")
    };
    Gap {
        id: session.next_gap_id(),
        target: key.target.clone(),
        kind: key.kind,
        barrier: key.barrier,
        severity,
        population: joined(|g| &g.population),
        perspective,
        note: decision.note.clone(),
        action: joined(|g| &g.action),
        impact,
        feasibility,
        created: decision.decided.clone(),
        modified: decision.decided.clone(),
        author: None,
    }
}

/// How a participant is shown: "Name — Organisation (perspective)", or "Participant 3 —
/// Organisation (perspective)" without a name or when the session keeps names private
/// (privacy never hides the organisation or the perspective).
pub fn participant_label(config: &Config, session: &Session, index: usize, lang: Lang) -> String {
    let Some(contribution) = session.contributions.get(index) else {
        return participant_number(lang, index + 1);
    };
    let participant = &contribution.participant;
    let name = participant.name.trim();
    let who = if name.is_empty() || session.privacy {
        participant_number(lang, index + 1)
    } else {
        name.to_string()
    };
    let organisation = match &participant.organisation {
        Some(id) => provider_name(config, id, lang),
        None => perspectives_text(lang).person_or_family.to_string(),
    };
    format!(
        "{who} — {organisation} ({})",
        perspective_label(lang, participant.perspective)
    )
}

/// A provider's name, or its id said as no longer in the config.
fn provider_name(config: &Config, id: &str, lang: Lang) -> String {
    config
        .provider(id)
        .map_or_else(|| orphan_label(lang, id), |p| p.name.get(lang).to_string())
}

/// The perspectives of the participants, in [`Perspective::ALL`] order, each with its
/// number of participants.
pub fn perspectives_present(contributions: &[Contribution]) -> Vec<(Perspective, usize)> {
    Perspective::ALL
        .iter()
        .map(|&p| {
            let n = contributions
                .iter()
                .filter(|c| c.participant.perspective == p)
                .count();
            (p, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Service,
    Relation,
    Gap,
}

impl ItemKind {
    pub fn label(self, lang: Lang) -> &'static str {
        let text = perspectives_text(lang);
        match self {
            ItemKind::Service => text.type_service,
            ItemKind::Relation => text.type_relation,
            ItemKind::Gap => text.type_gap,
        }
    }
}

/// One item of the comparison in words, as the comparison table and the report tell it.
/// Empty strings where there is nothing to say (no rating, no decision).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemLine {
    pub kind: ItemKind,
    pub label: String,
    /// One per contribution, in session order: that participant's rating.
    pub ratings: Vec<String>,
    /// One per perspective of [`perspectives_present`]: the median of its participants.
    pub by_perspective: Vec<String>,
    /// For a service, one per perspective as above: how many said what ("Couvert 1 ·
    /// Absent 2"); empty for relations and gaps.
    pub perspective_answers: Vec<String>,
    pub median: String,
    /// Share within one step of the median, as a percentage.
    pub share: String,
    pub agreement: Agreement,
    pub consensus: String,
    pub note: String,
    /// The item, to decide on it.
    pub item: Item,
    /// The answers in short: counts by answer (a service), each side's median and their
    /// asymmetry (a relation), how many raised it (a gap).
    pub answers: String,
    /// What a decision form opens with: the decision taken, else the median.
    pub proposal: Agreed,
}

impl ItemLine {
    /// Each participant who answered, with their answer, in session order (`who`: the
    /// participants as shown, one per contribution).
    pub fn answers_by<'a>(
        &'a self,
        who: &'a [String],
    ) -> impl Iterator<Item = (&'a String, &'a String)> + 'a {
        who.iter().zip(&self.ratings).filter(|(_, r)| !r.is_empty())
    }
}

/// Words of ratings on one scale.
struct Words<'a> {
    lang: Lang,
    scale: Vec<Level>,
    levels: Vec<&'a str>,
}

impl Words<'_> {
    fn coverage(&self, coverage: Coverage) -> String {
        match coverage {
            Coverage::NotAssessed => perspectives_text(self.lang).dont_know.to_string(),
            c => coverage_label(self.lang, c).to_string(),
        }
    }

    fn median(&self, median: Option<Median>, word: impl Fn(u8) -> String) -> String {
        match median {
            None => String::new(),
            Some(m) if m.is_between() => between(&word(m.low), &word(m.high)),
            Some(m) => word(m.low),
        }
    }

    fn coverage_median(&self, median: Option<Median>) -> String {
        self.median(median, |r| {
            coverage_label(self.lang, coverage_of_rank(r)).to_string()
        })
    }

    fn level(&self, rank: u8) -> String {
        level_label(&self.scale, usize::from(rank), self.lang)
    }

    /// A level id as given: its label, the id itself when the scale has no such level.
    fn level_id(&self, id: Option<&str>) -> String {
        match id {
            None => perspectives_text(self.lang).dont_know.to_string(),
            Some(id) => match self.levels.iter().position(|l| *l == id) {
                Some(r) => level_label(&self.scale, r, self.lang),
                None => id.to_string(),
            },
        }
    }

    fn level_median(&self, level: &Spread, wanted: &Spread) -> String {
        if level.is_empty() && wanted.is_empty() {
            return String::new();
        }
        let now = match level.median {
            None => perspectives_text(self.lang).dont_know.to_string(),
            m => self.median(m, |r| self.level(r)),
        };
        let wanted = self.median(wanted.median, |r| self.level(r));
        level_and_target(
            self.lang,
            &now,
            Some(wanted.as_str()).filter(|w| !w.is_empty()),
        )
    }

    fn number_median(&self, median: Option<Median>) -> String {
        match median {
            None => "—".into(),
            Some(m) if m.is_between() => format!("{}–{}", m.low, m.high),
            Some(m) => m.low.to_string(),
        }
    }

    fn scores_median(&self, severity: &Spread, impact: &Spread, feasibility: &Spread) -> String {
        if severity.is_empty() && impact.is_empty() && feasibility.is_empty() {
            return String::new();
        }
        let severity = match severity.median {
            None => "—".into(),
            m => self.median(m, |r| {
                severity_label(self.lang, severity_of_rank(r)).to_string()
            }),
        };
        scores_text(
            self.lang,
            &severity,
            &self.number_median(impact.median),
            &self.number_median(feasibility.median),
        )
    }

    fn scores(&self, severity: GapSeverity, impact: u8, feasibility: u8) -> String {
        scores_text(
            self.lang,
            severity_label(self.lang, severity),
            &impact.to_string(),
            &feasibility.to_string(),
        )
    }

    fn share(&self, spread: Option<&Spread>) -> String {
        spread.map_or_else(String::new, |s| percent_text(self.lang, s.percent()))
    }

    fn agreed(&self, agreed: &Agreed) -> String {
        match agreed {
            Agreed::Coverage(c) => coverage_label(self.lang, *c).to_string(),
            Agreed::Level { level, target } => level_and_target(
                self.lang,
                &self.level_id(Some(level)),
                target.as_deref().map(|t| self.level_id(Some(t))).as_deref(),
            ),
            Agreed::Scores {
                severity,
                impact,
                feasibility,
            } => self.scores(*severity, *impact, *feasibility),
        }
    }
}

/// A gap key in words: "Crise — Obstacle à l'accès (Distance)".
pub fn gap_key_label(config: &Config, key: &GapKey, lang: Lang) -> String {
    let kind = match key.barrier {
        Some(b) => format!(
            "{} ({})",
            gap_kind_label(lang, key.kind),
            barrier_label(lang, b)
        ),
        None => gap_kind_label(lang, key.kind).to_string(),
    };
    format!("{} — {kind}", gap_target_label(config, &key.target, lang))
}

/// A relation's pair in words: "CISSS — Hôpital" (ids of providers no longer in the config).
pub fn pair_label(config: &Config, providers: &[String; 2], lang: Lang) -> String {
    format!(
        "{} — {}",
        provider_name(config, &providers[0], lang),
        provider_name(config, &providers[1], lang)
    )
}

/// The words of the comparison's items, one item at a time: a table shows a page of them,
/// the exports every one. Decisions are found by item, so a comparison computed before a
/// decision (kept while contributions do not change) still words it.
pub struct Wording<'a> {
    config: &'a Config,
    session: &'a Session,
    lang: Lang,
    words: Words<'a>,
    present: Vec<(Perspective, usize)>,
}

impl<'a> Wording<'a> {
    pub fn new(config: &'a Config, session: &'a Session, lang: Lang) -> Wording<'a> {
        Wording {
            config,
            session,
            lang,
            words: Words {
                lang,
                scale: scale(config),
                levels: level_ids(config),
            },
            present: perspectives_present(&session.contributions),
        }
    }

    /// The decision on an item, in words, and its note.
    fn consensus(&self, item: &Item) -> (String, String) {
        decision_of(self.session, item).map_or((String::new(), String::new()), |d| {
            (self.words.agreed(&d.agreed), d.note.clone())
        })
    }

    fn decided(&self, item: &Item) -> Option<Agreed> {
        decision_of(self.session, item).map(|d| d.agreed.clone())
    }

    pub fn service(&self, item: &ServiceItem) -> ItemLine {
        let (config, session, lang) = (self.config, self.session, self.lang);
        let (words, present, people) = (&self.words, &self.present, session.contributions.len());
        let key = Item::Service(item.service.clone());

        let mut ratings = vec![String::new(); people];
        for (i, coverage) in &item.ratings {
            ratings[*i] = words.coverage(*coverage);
        }
        let by_perspective = present
            .iter()
            .map(|(p, _)| {
                item.by_perspective
                    .iter()
                    .find(|(q, _, _)| q == p)
                    .map(|(_, _, m)| words.coverage_median(*m))
                    .unwrap_or_default()
            })
            .collect();
        let (consensus, note) = self.consensus(&key);
        let counted = |counts: [usize; 4]| {
            Coverage::ALL
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(c, n)| format!("{} {n}", words.coverage(*c)))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        let answers = counted(item.counts);
        let perspective_answers = present
            .iter()
            .map(|(p, _)| {
                item.by_perspective
                    .iter()
                    .find(|(q, _, _)| q == p)
                    .map(|(_, counts, _)| counted(*counts))
                    .unwrap_or_default()
            })
            .collect();
        let median = item.spread.median.map(|m| coverage_of_rank(m.low));
        let proposal = self.decided(&key).unwrap_or(Agreed::Coverage(
            median
                .or(session.assessed(&item.service))
                .unwrap_or(Coverage::Partial),
        ));
        ItemLine {
            item: key,
            answers,
            proposal,
            kind: ItemKind::Service,
            label: config.service(&item.service).map_or_else(
                || orphan_label(lang, &item.service),
                |s| s.label.get(lang).to_string(),
            ),
            ratings,
            by_perspective,
            perspective_answers,
            median: words.coverage_median(item.spread.median),
            share: words.share(Some(&item.spread).filter(|s| !s.is_empty())),
            agreement: item.agreement(),
            consensus,
            note,
        }
    }

    pub fn relation(&self, item: &RelationItem) -> ItemLine {
        let (config, session, lang) = (self.config, self.session, self.lang);
        let (words, present, people) = (&self.words, &self.present, session.contributions.len());
        let perspective_of = |i: usize| session.contributions[i].participant.perspective;
        let key = Item::Relation(item.providers.clone());

        let mut ratings = vec![String::new(); people];
        for (side, other) in [(0, 1), (1, 0)] {
            for (i, ..) in &item.sides[side].ratings {
                // The words of the ids as given (an unreadable level shows its id).
                let given = session.contributions[*i]
                    .relations
                    .iter()
                    .find(|r| r.with == item.providers[other]);
                if let Some(r) = given {
                    let target = r.target.as_deref().map(|t| words.level_id(Some(t)));
                    ratings[*i] = level_and_target(
                        lang,
                        &words.level_id(r.level.as_deref()),
                        target.as_deref(),
                    );
                }
            }
        }
        let by_perspective = present
            .iter()
            .map(|(p, _)| {
                let theirs = || {
                    item.sides
                        .iter()
                        .flat_map(|s| s.ratings.iter())
                        .filter(|r| perspective_of(r.0) == *p)
                };
                let level = Spread::of(theirs().filter_map(|r| r.1));
                let wanted = Spread::of(theirs().filter_map(|r| r.2));
                words.level_median(&level, &wanted)
            })
            .collect();
        let (consensus, note) = self.consensus(&key);
        let mut sides: Vec<String> = [0, 1]
            .iter()
            .filter(|&&side| !item.sides[side].ratings.is_empty())
            .map(|&side| {
                let s = &item.sides[side];
                side_text(
                    lang,
                    &provider_name(config, &item.providers[side], lang),
                    &words.level_median(&s.level, &s.wanted),
                )
            })
            .collect();
        if let Some(steps) = item.asymmetry.filter(|s| *s > 0) {
            sides.push(asymmetry_text(lang, steps));
        }
        let rank_id = |spread: &Spread| {
            let rank = usize::from(spread.median?.low);
            words.levels.get(rank).map(|id| id.to_string())
        };
        let proposal = self.decided(&key).unwrap_or(Agreed::Level {
            level: rank_id(&item.level).unwrap_or_else(|| words.levels[0].to_string()),
            target: rank_id(&item.wanted),
        });
        ItemLine {
            item: key,
            answers: sides.join(" · "),
            proposal,
            kind: ItemKind::Relation,
            perspective_answers: Vec::new(),
            label: pair_label(config, &item.providers, lang),
            ratings,
            by_perspective,
            median: words.level_median(&item.level, &item.wanted),
            share: words.share(item.weakest()),
            agreement: item.agreement(),
            consensus,
            note,
        }
    }

    pub fn gap(&self, item: &GapItem) -> ItemLine {
        let (config, session, lang) = (self.config, self.session, self.lang);
        let (words, present, people) = (&self.words, &self.present, session.contributions.len());
        let perspective_of = |i: usize| session.contributions[i].participant.perspective;
        let key = Item::Gap(item.key.clone());

        let mut ratings = vec![String::new(); people];
        for (i, g) in &item.raised_by {
            let gap = &session.contributions[*i].gaps[*g];
            let said = words.scores(gap.severity, gap.impact, gap.feasibility);
            let cell = &mut ratings[*i];
            if !cell.is_empty() {
                cell.push_str("; ");
            }
            cell.push_str(&said);
        }
        let by_perspective = present
            .iter()
            .map(|(p, _)| {
                let theirs: Vec<&Gap> = item
                    .raised_by
                    .iter()
                    .filter(|(i, _)| perspective_of(*i) == *p)
                    .map(|(i, g)| &session.contributions[*i].gaps[*g])
                    .collect();
                let in_range = |s: u8| SCORE_RANGE.contains(&s).then_some(s);
                words.scores_median(
                    &Spread::of(theirs.iter().map(|g| severity_rank(g.severity))),
                    &Spread::of(theirs.iter().filter_map(|g| in_range(g.impact))),
                    &Spread::of(theirs.iter().filter_map(|g| in_range(g.feasibility))),
                )
            })
            .collect();
        let (consensus, note) = self.consensus(&key);
        let middle = |spread: &Spread, otherwise: u8| spread.median.map_or(otherwise, |m| m.low);
        let proposal = self.decided(&key).unwrap_or(Agreed::Scores {
            severity: severity_of_rank(middle(&item.severity, 1)),
            impact: middle(&item.impact, 3),
            feasibility: middle(&item.feasibility, 3),
        });
        ItemLine {
            item: key,
            answers: participant_count(lang, item.people()),
            proposal,
            kind: ItemKind::Gap,
            perspective_answers: Vec::new(),
            label: gap_key_label(config, &item.key, lang),
            ratings,
            by_perspective,
            median: words.scores_median(&item.severity, &item.impact, &item.feasibility),
            share: words.share(item.weakest()),
            agreement: item.agreement,
            consensus,
            note,
        }
    }
}

/// Every item of the comparison in words: services, then relations, then gaps, each in
/// the order to discuss them.
pub fn item_lines(config: &Config, session: &Session, lang: Lang) -> Vec<ItemLine> {
    let comparison = compare(config, session);
    let wording = Wording::new(config, session, lang);
    let services = comparison.services.iter().map(|i| wording.service(i));
    let relations = comparison.relations.iter().map(|i| wording.relation(i));
    let gaps = comparison.gaps.iter().map(|i| wording.gap(i));
    services.chain(relations).chain(gaps).collect()
}

/// The column titles of the comparison table: type, item, one per participant, one per
/// perspective present, median, share, agreement, consensus, its note.
pub fn comparison_header(config: &Config, session: &Session, lang: Lang) -> Vec<String> {
    let text = perspectives_text(lang);
    let mut header = vec![text.col_type.to_string(), text.col_item.to_string()];
    header.extend(
        (0..session.contributions.len()).map(|i| participant_label(config, session, i, lang)),
    );
    header.extend(
        perspectives_present(&session.contributions)
            .into_iter()
            .map(|(p, _)| median_of(lang, perspective_label(lang, p))),
    );
    header.extend(
        [
            text.col_median,
            text.col_share,
            text.col_agreement,
            text.col_consensus,
            text.col_consensus_note,
        ]
        .map(String::from),
    );
    header
}

/// The rows of the comparison table, one per item, in [`item_lines`] order.
pub fn comparison_rows(config: &Config, session: &Session, lang: Lang) -> Vec<Vec<String>> {
    item_lines(config, session, lang)
        .into_iter()
        .map(|line| {
            let mut row = vec![line.kind.label(lang).to_string(), line.label];
            row.extend(line.ratings);
            row.extend(line.by_perspective);
            row.extend([
                line.median,
                line.share,
                super::perspectives_text::agreement_label(lang, line.agreement).to_string(),
                line.consensus,
                line.note,
            ]);
            row
        })
        .collect()
}

/// The comparison as CSV, written with the `csv` crate, UTF-8 with a BOM; no cell starts
/// a formula (see [`spreadsheet_safe`]).
pub fn comparison_csv(config: &Config, session: &Session, lang: Lang) -> Vec<u8> {
    let mut out = UTF8_BOM.to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        // Writing to memory cannot fail; a failure would only lose the row, never panic.
        let header = comparison_header(config, session, lang);
        let _ = writer.write_record(
            header
                .iter()
                .map(|cell| spreadsheet_safe(cell).into_owned()),
        );
        for row in comparison_rows(config, session, lang) {
            let _ = writer.write_record(row.iter().map(|cell| spreadsheet_safe(cell).into_owned()));
        }
        let _ = writer.flush();
    }
    out
}
