//! A participant's contribution: what one partner says of the range on their own before
//! the group compares views — each service's coverage, the gaps they see, and their own
//! organisation's relations with the others. It travels as a file (versioned, tied to the
//! config's identity and version, like a session) from the participant's page to the
//! facilitator's, where contributions are gathered into the session.
//! The decisions the group takes after comparing them are in [`Decision`].

use super::gaps::{Barrier, Coverage, Gap, GapKind, GapSeverity, GapTarget, Perspective};
use super::model::Mechanism;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
