//! Gaps in the range, as a workshop marks them: what is missing or insufficient, for whom,
//! seen from whose perspective, what to put in place, and how urgent it is. Also the
//! assessed coverage of each service, pre-filled from the offers.

use super::figures::ServiceStatus;
use serde::{Deserialize, Serialize};

/// Fixed lists of the gap format, with the names serde writes (the reader and tests use
/// them; the UI labels are in [`super::i18n`]).
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }
        impl $name {
            /// Every value, in the order forms and filters list them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The name in session files, CSV and the DOM.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            /// The value with this name.
            pub fn from_key(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}

pub(crate) use named_enum;

named_enum! {
    /// What is wrong.
    GapKind {
        /// The service does not exist on the territory.
        Absent = "absent",
        InsufficientCapacity = "insufficient_capacity",
        WaitingList = "waiting_list",
        /// Distance, cost, language, eligibility or opening hours keep people out.
        AccessBarrier = "access_barrier",
        /// A break between services or tiers: people fall "between two chairs".
        ContinuityBreak = "continuity_break",
        Duplication = "duplication",
    }
}

named_enum! {
    /// For an access barrier: which one.
    Barrier {
        Distance = "distance",
        Cost = "cost",
        Language = "language",
        Eligibility = "eligibility",
        OpeningHours = "opening_hours",
    }
}

named_enum! {
    /// How serious a gap is.
    GapSeverity {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

named_enum! {
    /// Whose point of view the gap comes from (seed 000, table 1).
    Perspective {
        PersonUsingServices = "person_using_services",
        FamilyAndCloseOnes = "family_and_close_ones",
        Practitioner = "practitioner",
        Organisation = "organisation",
        Government = "government",
    }
}

named_enum! {
    /// How well the territory covers a service, as assessed in the workshop.
    Coverage {
        Covered = "covered",
        Partial = "partial",
        Absent = "absent",
        NotAssessed = "not_assessed",
    }
}

impl Coverage {
    /// The coverage the offers suggest, before anyone assesses it.
    pub fn suggested(status: ServiceStatus) -> Coverage {
        match status {
            ServiceStatus::Available => Coverage::Covered,
            ServiceStatus::Partial | ServiceStatus::WaitingList => Coverage::Partial,
            ServiceStatus::Planned | ServiceStatus::NoProvider => Coverage::Absent,
        }
    }
}

/// What a gap is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum GapTarget {
    Service {
        service: String,
    },
    Tier {
        tier: String,
    },
    /// A need that the range does not name.
    Other,
}

/// The lowest and highest impact or feasibility score.
pub const SCORE_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One gap marked in a workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// Unique within its session.
    pub id: String,
    pub target: GapTarget,
    pub kind: GapKind,
    /// Which barrier, when `kind` is an access barrier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barrier: Option<Barrier>,
    pub severity: GapSeverity,
    /// Who is affected ("young adults of the north sector").
    #[serde(default)]
    pub population: String,
    pub perspective: Perspective,
    #[serde(default)]
    pub note: String,
    /// The service or measure to put in place.
    #[serde(default)]
    pub action: String,
    /// 1 (little) to 5 (great): what closing the gap would change.
    pub impact: u8,
    /// 1 (hard) to 5 (easy): how feasible closing it is.
    pub feasibility: u8,
    /// ISO 8601 times.
    pub created: String,
    pub modified: String,
    /// Who entered it (a workshop participant), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl Gap {
    /// Impact × feasibility, from 1 to 25: the gaps worth acting on first score highest.
    pub fn priority(&self) -> u8 {
        self.impact.clamp(1, 5) * self.feasibility.clamp(1, 5)
    }
}
