//! A participant's contribution: what one partner says of the range on their own before
//! the group compares views — each service's coverage, the gaps they see, and their own
//! organisation's relations with the others. It travels as a file (versioned, tied to the
//! config's identity and version, like a session) from the participant's page to the
//! facilitator's, where contributions are gathered into the session.
//! The decisions the group takes after comparing them are in [`Decision`].

use super::continuum::level_ids;
use super::gaps::{
    Barrier, Coverage, Gap, GapKind, GapSeverity, GapTarget, Perspective, SCORE_RANGE,
};
use super::json::Value as Node;
use super::model::{Config, Mechanism, Named};
use super::problems::{Problem, ProblemKind};
use super::read::{syntax_problems, At, Reader, ROOT};
use super::session::{fingerprint, identity, Session};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// The `format` every contribution file carries.
pub const CONTRIBUTION_FORMAT: &str = "service-range-mapper/contribution";
/// The contribution format version this build writes and reads.
pub const CONTRIBUTION_VERSION: u32 = 1;

/// One participant's ratings of one config.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub format: String,
    pub version: u32,
    /// Identity of the config rated (see [`super::session::identity`]).
    pub config: String,
    /// Fingerprint of the config version rated.
    pub fingerprint: String,
    /// Made once per participant on their device and kept as they change their ratings:
    /// the same id twice is the same contribution, never counted twice.
    pub id: String,
    pub participant: Contributor,
    /// ISO 8601 times.
    pub created: String,
    pub modified: String,
    /// Coverage by service id; `not_assessed` is the participant's "don't know".
    /// Services not listed were not rated.
    #[serde(default)]
    pub coverage: BTreeMap<String, Coverage>,
    #[serde(default)]
    pub gaps: Vec<Gap>,
    /// The participant's organisation's relations with the others, as they see them.
    #[serde(default)]
    pub relations: Vec<RelationRating>,
}

/// Who contributes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Contributor {
    /// Optional: a participant may stay anonymous.
    #[serde(default)]
    pub name: String,
    /// A provider's id; none: a person using services or a family member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub perspective: Perspective,
}

/// How a participant sees their organisation's relation with another provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationRating {
    /// The other provider's id.
    pub with: String,
    /// The level now (a level id of the config's scale); none: don't know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The level wanted; none: no opinion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mechanisms: Vec<Mechanism>,
}

/// What gaps raised by different participants have in common to count as one: what they
/// are attached to, what is wrong and, for an access barrier, which one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GapKey {
    pub target: GapTarget,
    pub kind: GapKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barrier: Option<Barrier>,
}

impl GapKey {
    pub fn of(gap: &Gap) -> GapKey {
        GapKey {
            target: gap.target.clone(),
            kind: gap.kind,
            barrier: gap.barrier.filter(|_| gap.kind == GapKind::AccessBarrier),
        }
    }
}

/// An item the participants rate and the group decides on. Externally tagged
/// (`{"service": "s1"}`): serde reads it without buffering, so numbers keep their type
/// whether they come from JSON text or from a JavaScript object.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    /// A service's coverage (its id).
    Service(String),
    /// A pair of providers' relation (ids in order, as [`super::continuum::pair_key`]).
    Relation([String; 2]),
    /// A gap, as raised by one or more participants.
    Gap(GapKey),
}

/// The value the group agreed on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreed {
    Coverage(Coverage),
    Level {
        level: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target: Option<String>,
    },
    Scores {
        severity: GapSeverity,
        impact: u8,
        feasibility: u8,
    },
}

/// What the group decided on an item after comparing the participants' views; it becomes
/// the session's value, and the individual ratings stay beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub item: Item,
    pub agreed: Agreed,
    /// Why, or what was said.
    #[serde(default)]
    pub note: String,
    /// ISO 8601 time.
    pub decided: String,
}

/// One change of who contributes. Changes name one field each, so that two changes made
/// before the page shows the first (a name typed, then an organisation chosen) both hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContributorEdit {
    Name(String),
    /// A provider's id; none: a person using services or a family member.
    Organisation(Option<String>),
    Perspective(Perspective),
}

/// One change of a participant's rating of a relation (see [`ContributorEdit`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingEdit {
    Level(Option<String>),
    Target(Option<String>),
    /// A mechanism in place, or not.
    Mechanism(Mechanism, bool),
}

/// Why a contribution file was not gathered. Nothing of the session changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not JSON, or a value is wrong: each problem with its JSON path, line and column.
    Unreadable(Vec<Problem>),
    /// JSON, but another kind of file (a session file, a config…).
    NotAContribution,
    UnsupportedVersion {
        found: u64,
    },
    /// A contribution to another config (another territory or range).
    OtherConfig {
        config: String,
    },
    /// This participant (same name, organisation and perspective) already has another
    /// contribution here, made on `earlier`: the facilitator removes one if it is a
    /// second try, or asks the participant to add a detail to their name.
    SamePerson {
        name: String,
        earlier: String,
    },
    /// Larger than any contribution (a wrong file): not read.
    TooLarge {
        bytes: usize,
    },
}

/// What gathering one file did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gathered {
    /// A new participant's contribution. `orphans`: ratings of services, providers or
    /// tiers the config no longer has (kept and listed); `other_version`: made on another
    /// version of the config.
    Added { orphans: usize, other_version: bool },
    /// A newer version of a contribution already gathered (same id): it replaces it.
    Updated { orphans: usize, other_version: bool },
    /// This very contribution, or an older version of it, is already here: nothing is
    /// counted twice.
    AlreadyGathered,
}

/// One file's outcome, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutcome {
    pub file: String,
    /// The participant, when the file could be read.
    pub participant: Option<String>,
    pub result: Result<Gathered, Refusal>,
}

impl Contribution {
    /// An empty contribution to a config, by a participant.
    pub fn new(config: &Config, id: String, participant: Contributor, now: &str) -> Contribution {
        Contribution {
            format: CONTRIBUTION_FORMAT.into(),
            version: CONTRIBUTION_VERSION,
            config: identity(config),
            fingerprint: fingerprint(config),
            id,
            participant,
            created: now.into(),
            modified: now.into(),
            coverage: BTreeMap::new(),
            gaps: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// Changes who contributes. Another organisation's relations are not theirs: they go.
    /// A person using services speaks from that perspective, an organisation's participant
    /// most often as a practitioner: the perspective follows the organisation until chosen.
    pub fn edit_contributor(&mut self, edit: ContributorEdit) {
        let participant = &mut self.participant;
        match edit {
            ContributorEdit::Name(name) => participant.name = name,
            ContributorEdit::Perspective(perspective) => participant.perspective = perspective,
            ContributorEdit::Organisation(organisation) => {
                if organisation != participant.organisation {
                    self.relations.clear();
                }
                use Perspective as P;
                participant.perspective = match (&organisation, participant.perspective) {
                    (None, P::Practitioner | P::Organisation | P::Government) => {
                        P::PersonUsingServices
                    }
                    (Some(_), P::PersonUsingServices | P::FamilyAndCloseOnes) => P::Practitioner,
                    (_, kept) => kept,
                };
                participant.organisation = organisation;
            }
        }
    }

    /// Changes the rating of the relation with a provider; a rating left empty goes.
    pub fn edit_relation(&mut self, with: &str, edit: RatingEdit) {
        let at = match self.relations.iter().position(|r| r.with == with) {
            Some(at) => at,
            None => {
                self.relations.push(RelationRating {
                    with: with.to_string(),
                    level: None,
                    target: None,
                    mechanisms: Vec::new(),
                });
                self.relations.len() - 1
            }
        };
        let rating = &mut self.relations[at];
        match edit {
            RatingEdit::Level(level) => rating.level = level,
            RatingEdit::Target(target) => rating.target = target,
            RatingEdit::Mechanism(mechanism, on) => {
                rating.mechanisms.retain(|m| *m != mechanism);
                if on {
                    rating.mechanisms.push(mechanism);
                    rating.mechanisms.sort();
                }
            }
        }
        if rating.level.is_none() && rating.target.is_none() && rating.mechanisms.is_empty() {
            self.relations.remove(at);
        }
    }

    /// True when it holds no rating at all.
    pub fn is_empty(&self) -> bool {
        self.coverage.is_empty() && self.gaps.is_empty() && self.relations.is_empty()
    }

    /// How many of its ratings concern something the config does not have (kept, never
    /// dropped: the comparison lists them apart).
    pub fn orphans(&self, known: &Known) -> usize {
        let services = self
            .coverage
            .keys()
            .filter(|s| !known.services.contains(s.as_str()))
            .count();
        let gaps = self
            .gaps
            .iter()
            .filter(|g| match &g.target {
                GapTarget::Service { service } => !known.services.contains(service.as_str()),
                GapTarget::Tier { tier } => !known.tiers.contains(tier.as_str()),
                GapTarget::Other => false,
            })
            .count();
        let unknown = |l: &Option<String>| l.as_deref().is_some_and(|l| !known.levels.contains(&l));
        let relations = self
            .relations
            .iter()
            .filter(|r| {
                !known.providers.contains(r.with.as_str())
                    || unknown(&r.level)
                    || unknown(&r.target)
            })
            .count();
        let organisation = self
            .participant
            .organisation
            .as_deref()
            .is_some_and(|o| !known.providers.contains(o));
        services + gaps + relations + usize::from(organisation)
    }

    /// The same participant as `other` (not anonymous): same name, organisation and
    /// perspective.
    fn same_person(&self, other: &Contribution) -> bool {
        let name = self.participant.name.trim();
        !name.is_empty()
            && name.to_lowercase() == other.participant.name.trim().to_lowercase()
            && self.participant.organisation == other.participant.organisation
            && self.participant.perspective == other.participant.perspective
    }
}

/// The ids a config has, to tell a contribution's orphans in one look each.
pub struct Known<'c> {
    services: HashSet<&'c str>,
    tiers: HashSet<&'c str>,
    providers: HashSet<&'c str>,
    levels: Vec<&'c str>,
}

impl<'c> Known<'c> {
    pub fn of(config: &'c Config) -> Known<'c> {
        Known {
            services: config.services.iter().map(|s| s.id.as_str()).collect(),
            tiers: config.tiers.iter().map(|t| t.id.as_str()).collect(),
            providers: config.providers.iter().map(|p| p.id.as_str()).collect(),
            levels: level_ids(config),
        }
    }
}

/// Gathers contribution files (name, text) into a session, in the order given; returns
/// the session with every accepted contribution and what happened to each file.
pub fn gather(
    config: &Config,
    session: &Session,
    files: &[(String, String)],
) -> (Session, Vec<FileOutcome>) {
    let mut next = session.clone();
    let mut outcomes = Vec::with_capacity(files.len());
    let here = identity(config);
    let version = fingerprint(config);
    let known = Known::of(config);
    for (file, text) in files {
        let read = read(text);
        let participant = read.as_ref().ok().map(|c| c.participant.name.clone());
        let result = read.and_then(|c| {
            if c.config != here {
                return Err(Refusal::OtherConfig { config: c.config });
            }
            let orphans = c.orphans(&known);
            let other_version = c.fingerprint != version;
            let same_id = next.contributions.iter().position(|e| e.id == c.id);
            if let Some(at) = same_id {
                if next.contributions[at].modified >= c.modified {
                    return Ok(Gathered::AlreadyGathered);
                }
                std::rc::Rc::make_mut(&mut next.contributions)[at] = c;
                return Ok(Gathered::Updated {
                    orphans,
                    other_version,
                });
            }
            if let Some(earlier) = next.contributions.iter().find(|e| e.same_person(&c)) {
                return Err(Refusal::SamePerson {
                    name: c.participant.name.trim().to_string(),
                    earlier: earlier.modified.clone(),
                });
            }
            std::rc::Rc::make_mut(&mut next.contributions).push(c);
            Ok(Gathered::Added {
                orphans,
                other_version,
            })
        });
        outcomes.push(FileOutcome {
            file: file.clone(),
            participant,
            result,
        });
    }
    (next, outcomes)
}

/// The largest file read as a contribution: one of thousands of services and relations
/// stays far below.
pub const LARGEST_FILE: usize = 20 * 1024 * 1024;

/// The outcome of a file too large to be a contribution.
pub fn too_large(file: &str, bytes: usize) -> FileOutcome {
    FileOutcome {
        file: file.into(),
        participant: None,
        result: Err(Refusal::TooLarge { bytes }),
    }
}

/// The keys a contribution file may hold, by object (others are warned about: typos).
const CONTRIBUTION_FIELDS: &[&str] = &[
    "format",
    "version",
    "config",
    "fingerprint",
    "id",
    "participant",
    "created",
    "modified",
    "coverage",
    "gaps",
    "relations",
];
const CONTRIBUTOR_FIELDS: &[&str] = &["name", "organisation", "perspective"];
const RELATION_FIELDS: &[&str] = &["with", "level", "target", "mechanisms"];
const GAP_FIELDS: &[&str] = &[
    "id",
    "target",
    "kind",
    "barrier",
    "severity",
    "population",
    "perspective",
    "note",
    "action",
    "impact",
    "feasibility",
    "created",
    "modified",
    "author",
];

/// Reads a contribution file's text, strictly: every problem with its JSON path, line
/// and column (a file edited by hand says where it went wrong). The config is not
/// consulted: ratings of services it no longer has are kept (see [`gather`]).
pub fn read(text: &str) -> Result<Contribution, Refusal> {
    let tree = match super::json::parse(text) {
        Ok(tree) => tree,
        Err(err) => return Err(Refusal::Unreadable(syntax_problems(text, err, true))),
    };
    let node = tree.root();
    let mut r = Reader::new(text, Some(node), true);
    // Another kind of file is said as such, not as a list of unknown fields. (The first
    // `format` and `version` when written twice: the reading reports those.)
    let first = |key: &str| node.members().find(|(k, _, _)| *k == key).map(|m| m.2);
    let format = first("format").and_then(Node::as_str);
    if format != Some(CONTRIBUTION_FORMAT) {
        return Err(Refusal::NotAContribution);
    }
    let version = first("version")
        .and_then(Node::as_number)
        .map(str::parse::<u64>);
    if let Some(Ok(found)) = version.filter(|v| *v != Ok(u64::from(CONTRIBUTION_VERSION))) {
        return Err(Refusal::UnsupportedVersion { found });
    }
    let contribution = read_contribution(&mut r, node);
    let errors: Vec<Problem> = r.problems.into_iter().filter(Problem::is_error).collect();
    match contribution {
        Some(c) if errors.is_empty() => Ok(c),
        _ => Err(Refusal::Unreadable(errors)),
    }
}

fn read_contribution(r: &mut Reader, node: Node) -> Option<Contribution> {
    let f = r.object(node, ROOT, CONTRIBUTION_FIELDS)?;
    let format = r.string(&f, "format", true);
    let version = r.whole_number(&f, "version", true);
    let config = r.string(&f, "config", true);
    let fingerprint = r.string(&f, "fingerprint", true);
    let id = r.string(&f, "id", true);
    let participant = r
        .field(&f, "participant", true)
        .and_then(|node| read_contributor(r, node, f.at.key("participant")));
    let created = r.string(&f, "created", true);
    let modified = r.string(&f, "modified", true);
    let coverage = match r.field(&f, "coverage", false) {
        None => Some(BTreeMap::new()),
        Some(node) => read_coverage(r, node, f.at.key("coverage")),
    };
    let gaps = r.list(&f, "gaps", false, read_gap);
    let relations = r.list(&f, "relations", false, read_relation);
    Some(Contribution {
        format: format?,
        version: u32::try_from(version?).ok()?,
        config: config?,
        fingerprint: fingerprint?,
        id: id?,
        participant: participant?,
        created: created?,
        modified: modified?,
        coverage: coverage?,
        gaps: gaps?,
        relations: relations?,
    })
}

fn read_contributor(r: &mut Reader, node: Node, at: At) -> Option<Contributor> {
    let f = r.object(node, at, CONTRIBUTOR_FIELDS)?;
    let name = r.string(&f, "name", false);
    let organisation = r.string(&f, "organisation", false);
    let failed = f.has("name") && name.is_none() || f.has("organisation") && organisation.is_none();
    let perspective = r.one_of(&f, "perspective", true, Perspective::ALL, Perspective::key);
    (!failed).then_some(Contributor {
        name: name.unwrap_or_default(),
        organisation,
        perspective: perspective?,
    })
}

fn read_coverage(r: &mut Reader, node: Node, at: At) -> Option<BTreeMap<String, Coverage>> {
    let entries = r.entries(node, at)?;
    let mut coverage = BTreeMap::new();
    let mut failed = false;
    for (service, value) in entries {
        match r.one_of_value(value, at.key(service), Coverage::ALL, Coverage::key) {
            Some(c) => {
                coverage.insert(service.to_string(), c);
            }
            None => failed = true,
        }
    }
    (!failed).then_some(coverage)
}

fn read_relation(r: &mut Reader, node: Node, at: At) -> Option<RelationRating> {
    let f = r.object(node, at, RELATION_FIELDS)?;
    let with = r.string(&f, "with", true);
    let level = r.string(&f, "level", false);
    let target = r.string(&f, "target", false);
    let failed = f.has("level") && level.is_none() || f.has("target") && target.is_none();
    let mechanisms = r.list(&f, "mechanisms", false, |r, node, at| {
        r.named(node, at, Mechanism::NAMES)
    });
    (!failed).then_some(RelationRating {
        with: with?,
        level,
        target,
        mechanisms: mechanisms?,
    })
}

fn read_gap(r: &mut Reader, node: Node, at: At) -> Option<Gap> {
    let f = r.object(node, at, GAP_FIELDS)?;
    let id = r.string(&f, "id", true);
    let target = r
        .field(&f, "target", true)
        .and_then(|node| read_target(r, node, f.at.key("target")));
    let kind = r.one_of(&f, "kind", true, GapKind::ALL, GapKind::key);
    let barrier = r.one_of(&f, "barrier", false, Barrier::ALL, Barrier::key);
    let severity = r.one_of(&f, "severity", true, GapSeverity::ALL, GapSeverity::key);
    let perspective = r.one_of(&f, "perspective", true, Perspective::ALL, Perspective::key);
    let mut texts = ["population", "note", "action", "author"].map(|key| {
        let value = r.string(&f, key, false);
        (f.has(key) && value.is_none(), value)
    });
    let failed = texts.iter().any(|(failed, _)| *failed) || f.has("barrier") && barrier.is_none();
    let mut score = |key: &str| {
        let value = r.whole_number(&f, key, true)?;
        if !SCORE_RANGE.contains(&u8::try_from(value).unwrap_or(0)) {
            let kind = ProblemKind::OutOfRange {
                value: value.to_string(),
                min: u32::from(*SCORE_RANGE.start()),
                max: u32::from(*SCORE_RANGE.end()),
            };
            r.error(f.at.key(key), kind);
            return None;
        }
        u8::try_from(value).ok()
    };
    let impact = score("impact");
    let feasibility = score("feasibility");
    let created = r.string(&f, "created", true);
    let modified = r.string(&f, "modified", true);
    let mut text = |i: usize| texts[i].1.take();
    let (population, note, action, author) = (text(0), text(1), text(2), text(3));
    if failed {
        return None;
    }
    Some(Gap {
        id: id?,
        target: target?,
        kind: kind?,
        barrier,
        severity: severity?,
        population: population.unwrap_or_default(),
        perspective: perspective?,
        note: note.unwrap_or_default(),
        action: action.unwrap_or_default(),
        impact: impact?,
        feasibility: feasibility?,
        created: created?,
        modified: modified?,
        author,
    })
}

fn read_target(r: &mut Reader, node: Node, at: At) -> Option<GapTarget> {
    let f = r.object(node, at, &["on", "service", "tier"])?;
    let on = r.one_of(&f, "on", true, &["service", "tier", "other"], |k| k)?;
    match on {
        "service" => Some(GapTarget::Service {
            service: r.string(&f, "service", true)?,
        }),
        "tier" => Some(GapTarget::Tier {
            tier: r.string(&f, "tier", true)?,
        }),
        _ => Some(GapTarget::Other),
    }
}
