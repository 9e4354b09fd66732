//! A workshop session: the gaps and coverage assessments entered for one config. It is
//! what autosave keeps, what the session file holds, and what the host page receives.
//! A session names the config it belongs to (its identity) and the version of that config
//! it was made with (a fingerprint of its content), so that it can follow the config as it
//! changes: gaps whose service disappeared are kept, as orphans.

use super::continuum::pair_key;
use super::contribution::{Contribution, Decision};
use super::gaps::{Coverage, Gap, GapTarget, SCORE_RANGE};
use super::milestone::Milestone;
use super::model::{Config, Mechanism};
use super::plan::PlanAction;
use super::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

/// The `format` every session file carries.
pub const SESSION_FORMAT: &str = "service-range-mapper/session";
/// The session format version this build writes and reads.
pub const SESSION_VERSION: u32 = 1;

/// How many gaps lost their service or tier, and how many relation edits a provider or a
/// level, when a session meets a config other than its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Orphans {
    pub gaps: usize,
    pub relations: usize,
}

/// The gaps and assessments of one config.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub format: String,
    pub version: u32,
    /// Identity of the config the session belongs to.
    pub config: String,
    /// Fingerprint of the config version the session was last saved with.
    pub fingerprint: String,
    pub gaps: Vec<Gap>,
    /// Coverage assessed in the workshop, by service id; other services keep the
    /// coverage their offers suggest.
    #[serde(default)]
    pub coverage: BTreeMap<String, Coverage>,
    /// Relations between providers as the workshop set them, overriding the config's
    /// (absent from older session files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<RelationEdit>,
    /// The participants' contributions gathered (absent from older session files).
    /// Shared between the session's versions (undo, decisions): a change elsewhere does not
    /// copy them, and the comparison knows they did not change.
    #[serde(default, skip_serializing_if = "none_gathered")]
    pub contributions: Rc<Vec<Contribution>>,
    /// What the group decided after comparing them, one per item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Participants shown by perspective and organisation only, without their names (on
    /// screen and in exports).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub privacy: bool,
    /// The action plan (absent from older session files).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<PlanAction>,
    /// The session marked at dates, frozen copies (absent from older session files).
    /// Shared between the session's versions, like the contributions; in the file, an item
    /// unchanged since the milestone before is written by its id (see [`super::milestone`]).
    #[serde(
        default,
        skip_serializing_if = "super::milestone::none_marked",
        with = "super::milestone::stored"
    )]
    pub milestones: Rc<Vec<Milestone>>,
}

/// A relation between two providers as the workshop set it: its current and target
/// levels (by id) and its mechanisms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationEdit {
    /// The two provider ids, in order.
    pub providers: [String; 2],
    pub level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default)]
    pub mechanisms: Vec<Mechanism>,
}

impl RelationEdit {
    /// The pair, in order.
    pub fn pair(&self) -> (&str, &str) {
        pair_key(&self.providers[0], &self.providers[1])
    }
}

/// Why a session file cannot be loaded. Loading one changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionProblem {
    /// Not JSON, or JSON that is not a session file.
    NotASession,
    UnsupportedVersion {
        found: u32,
    },
    /// A session of another config (another territory or range).
    OtherConfig {
        config: String,
    },
    /// Readable, but a value is wrong (the deserializer's or our words).
    Invalid {
        detail: String,
    },
}

/// How a loaded session relates to the config on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Made with this very version of the config.
    Same,
    /// Made with another version of this config: some gaps may be orphaned.
    OtherVersion,
}

impl Session {
    /// An empty session for a config.
    pub fn new(config: &Config) -> Session {
        Session {
            format: SESSION_FORMAT.into(),
            version: SESSION_VERSION,
            config: identity(config),
            fingerprint: fingerprint(config),
            gaps: Vec::new(),
            coverage: BTreeMap::new(),
            relations: Vec::new(),
            contributions: Rc::default(),
            decisions: Vec::new(),
            privacy: false,
            actions: Vec::new(),
            milestones: Rc::default(),
        }
    }

    /// A session for no config (a config with errors shows no range to mark).
    pub fn empty() -> Session {
        Session {
            format: SESSION_FORMAT.into(),
            version: SESSION_VERSION,
            config: String::new(),
            fingerprint: String::new(),
            gaps: Vec::new(),
            coverage: BTreeMap::new(),
            relations: Vec::new(),
            contributions: Rc::default(),
            decisions: Vec::new(),
            privacy: false,
            actions: Vec::new(),
            milestones: Rc::default(),
        }
    }

    /// A fresh id for the next gap (`g1`, `g2`…), never reusing one in the session.
    pub fn next_gap_id(&self) -> String {
        let highest = self
            .gaps
            .iter()
            .filter_map(|g| g.id.strip_prefix('g')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("g{}", highest + 1)
    }

    /// Checks a session read from a file or storage against the config on screen.
    pub fn check(&self, config: &Config) -> Result<Fit, SessionProblem> {
        if self.format != SESSION_FORMAT {
            return Err(SessionProblem::NotASession);
        }
        if self.version != SESSION_VERSION {
            return Err(SessionProblem::UnsupportedVersion {
                found: self.version,
            });
        }
        if self.config != identity(config) {
            return Err(SessionProblem::OtherConfig {
                config: self.config.clone(),
            });
        }
        let mut ids = HashSet::new();
        for gap in &self.gaps {
            if !ids.insert(gap.id.as_str()) {
                return Err(SessionProblem::Invalid {
                    detail: format!("gap id {} used twice", gap.id),
                });
            }
            if !SCORE_RANGE.contains(&gap.impact) || !SCORE_RANGE.contains(&gap.feasibility) {
                return Err(SessionProblem::Invalid {
                    detail: format!("gap {}: scores go from 1 to 5", gap.id),
                });
            }
        }
        let mut actions = HashSet::new();
        for action in &self.actions {
            if !actions.insert(action.id.as_str()) {
                return Err(SessionProblem::Invalid {
                    detail: format!("action id {} used twice", action.id),
                });
            }
        }
        let mut pairs = HashSet::new();
        for relation in &self.relations {
            if !pairs.insert(relation.pair()) {
                let (a, b) = relation.pair();
                return Err(SessionProblem::Invalid {
                    detail: format!("relation {a}–{b} given twice"),
                });
            }
        }
        Ok(if self.fingerprint == fingerprint(config) {
            Fit::Same
        } else {
            Fit::OtherVersion
        })
    }

    /// The session as it is saved now: stamped with the version of the config on screen.
    pub fn stamped(mut self, config: &Config) -> Session {
        self.fingerprint = fingerprint(config);
        self
    }

    /// The coverage assessed for a service, if the workshop set one.
    pub fn assessed(&self, service: &str) -> Option<Coverage> {
        self.coverage.get(service).copied()
    }

    /// What of this session the config no longer has a place for (kept, never dropped).
    pub fn orphans(&self, config: &Config) -> Orphans {
        Orphans {
            gaps: self
                .gaps
                .iter()
                .filter(|g| Session::is_orphan(g, config))
                .count(),
            relations: super::continuum::Network::build(config, self).orphans.len(),
        }
    }

    /// Gaps whose service or tier is not in the config (kept, never dropped).
    pub fn is_orphan(gap: &Gap, config: &Config) -> bool {
        match &gap.target {
            GapTarget::Service { service } => config.service(service).is_none(),
            GapTarget::Tier { tier } => config.tier(tier).is_none(),
            GapTarget::Other => false,
        }
    }

    /// Sets the workshop's relation of a pair (`None`: back to the config's).
    pub fn set_relation(&mut self, pair: (&str, &str), edit: Option<RelationEdit>) {
        let pair = pair_key(pair.0, pair.1);
        let at = self.relations.iter().position(|r| r.pair() == pair);
        match (at, edit) {
            (Some(i), Some(edit)) => self.relations[i] = edit,
            (None, Some(edit)) => self.relations.push(edit),
            (Some(i), None) => {
                self.relations.remove(i);
            }
            (None, None) => {}
        }
    }

    /// The gaps attached to one service.
    pub fn gaps_of_service<'a>(&'a self, service: &'a str) -> impl Iterator<Item = &'a Gap> {
        self.gaps
            .iter()
            .filter(move |g| matches!(&g.target, GapTarget::Service { service: s } if s == service))
    }
}

fn none_gathered(contributions: &Rc<Vec<Contribution>>) -> bool {
    contributions.is_empty()
}

/// The identity of a config: its `id`, else its territory's name. It stays the same when
/// services are added or renamed, so saved work follows the config.
pub fn identity(config: &Config) -> String {
    match &config.id {
        Some(id) if !id.trim().is_empty() => id.trim().to_string(),
        _ => format!("territory:{}", config.territory.name.get(Lang::Fr).trim()),
    }
}

/// A fingerprint of what a session depends on in a config: tiers, services and where
/// they sit. Changing a description does not change it; removing a service does.
pub fn fingerprint(config: &Config) -> String {
    // FNV-1a, 64 bits: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for byte in s.bytes().chain([0x1f]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for tier in &config.tiers {
        feed("t");
        feed(&tier.id);
    }
    for service in &config.services {
        feed("s");
        feed(&service.id);
        feed(&service.tier);
    }
    format!("{hash:016x}")
}
