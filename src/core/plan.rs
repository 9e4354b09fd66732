//! The action plan: what the partners decide to do about the gaps a workshop marked, who
//! leads it, by when, and how it goes — followed over years, milestone after milestone
//! (see [`super::milestone`]).
//!
//! # Rules
//!
//! - **Ids** (`a1`, `a2`…) are never reused in a session, not even those of actions deleted
//!   since a milestone: the next id is above every id in the session and its milestones.
//! - **Dates** are ISO calendar dates, `YYYY-MM-DD`, checked by the `time` crate (a real
//!   day of the Gregorian calendar). Dates before 2000-01-01 or after 2100-12-31 are said
//!   (a typo in the year, most often) but kept.
//! - **Lateness**: an action is late when it is neither done nor abandoned and its due date
//!   is before `today` (the day it is due, it is not late yet); it is late by the number of
//!   days between the two. An action without a due date, or with one that is not a date, is
//!   never late (validation says the latter).
//! - **Statuses**: any status may follow any other — a coordinator corrects a slip, and a
//!   plan is revised with the partners (seed 002, 7th step). Two rules hold: abandoning
//!   needs a reason, and an abandoned action taken up again keeps that reason in a progress
//!   note. An action put in progress without a start date starts that day.
//! - **A gap deleted** that actions address is detached from them: each keeps its label as
//!   it was and the time, in [`PlanAction::detached`]; nothing else changes.

use super::continuum::pair_key;
use super::export::target_label;
use super::gaps::{named_enum, Gap, GapTarget};
use super::i18n::gap_kind_label;
use super::model::Config;
use super::plan_text::plan_text;
use super::session::Session;
use super::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use time::{Date, Month};

named_enum! {
    /// Where an action stands.
    ActionStatus {
        Proposed = "proposed",
        Adopted = "adopted",
        InProgress = "in_progress",
        Done = "done",
        Abandoned = "abandoned",
    }
}

impl ActionStatus {
    /// The status in words.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = plan_text(lang);
        match self {
            ActionStatus::Proposed => text.proposed,
            ActionStatus::Adopted => text.adopted,
            ActionStatus::InProgress => text.in_progress,
            ActionStatus::Done => text.done,
            ActionStatus::Abandoned => text.abandoned,
        }
    }

    /// Done or abandoned: nothing more is expected of the action.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Abandoned)
    }

    /// Its position in [`ActionStatus::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A gap an action addresses. Externally tagged, like [`super::contribution::Item`]:
/// `{"gap": "g3"}`, `{"relation": ["cisss", "gmf"]}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Addressed {
    /// A gap of the session, by id: a service's, a tier's or a need outside the range.
    Gap(String),
    /// A collaboration gap, by its pair of provider ids (in [`pair_key`] order).
    Relation([String; 2]),
}

impl Addressed {
    /// A collaboration gap between two providers, in either order.
    pub fn relation(a: &str, b: &str) -> Addressed {
        let (a, b) = pair_key(a, b);
        Addressed::Relation([a.to_string(), b.to_string()])
    }
}

/// A dated note of how an action goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    /// ISO date.
    pub date: String,
    pub text: String,
}

/// A gap an action addressed until it was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetachedGap {
    pub gap: Addressed,
    /// Its label as it was, in the interface language of the time.
    pub label: String,
    /// ISO time of the deletion.
    pub when: String,
}

/// One action of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    /// `a1`, `a2`…: never reused in a session.
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Addressed>,
    /// The lead organisation (a provider id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// ISO dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub status: ActionStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub abandoned_reason: String,
    /// What will show it worked, and its target value.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub indicator: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub budget: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressNote>,
    /// ISO 8601 times.
    pub created: String,
    pub modified: String,
    /// Gaps it addressed that were deleted since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detached: Vec<DetachedGap>,
}

impl PlanAction {
    /// A proposed action with a title, made at `now` (ISO time).
    pub fn new(id: String, title: &str, addresses: Vec<Addressed>, now: &str) -> PlanAction {
        PlanAction {
            id,
            title: title.to_string(),
            addresses,
            lead: None,
            partners: Vec::new(),
            start: None,
            due: None,
            status: ActionStatus::Proposed,
            abandoned_reason: String::new(),
            indicator: String::new(),
            target: String::new(),
            budget: String::new(),
            progress: Vec::new(),
            created: now.to_string(),
            modified: now.to_string(),
            detached: Vec::new(),
        }
    }

    /// Changes the status, following the module's rules: abandoning needs a reason (`reason`,
    /// ignored otherwise); an abandoned action taken up again keeps its reason in a progress
    /// note; an action put in progress without a start date starts on the day of `now`.
    pub fn set_status(
        &mut self,
        to: ActionStatus,
        reason: &str,
        now: &str,
        lang: Lang,
    ) -> Result<(), StatusRefused> {
        if to == self.status {
            if to == ActionStatus::Abandoned && !reason.trim().is_empty() {
                self.abandoned_reason = reason.trim().to_string();
                self.modified = now.to_string();
            }
            return Ok(());
        }
        if to == ActionStatus::Abandoned {
            if reason.trim().is_empty() {
                return Err(StatusRefused::ReasonNeeded);
            }
            self.abandoned_reason = reason.trim().to_string();
        } else if self.status == ActionStatus::Abandoned {
            let reason = std::mem::take(&mut self.abandoned_reason);
            if !reason.is_empty() {
                self.progress.push(ProgressNote {
                    date: day_text(now),
                    text: (plan_text(lang).reopened_note)(&reason),
                });
            }
        }
        if to == ActionStatus::InProgress && self.start.is_none() {
            self.start = Some(day_text(now));
        }
        self.status = to;
        self.modified = now.to_string();
        Ok(())
    }

    /// The number of days the action is late on `today` (see the module doc), if it is.
    pub fn days_late(&self, today: Date) -> Option<i64> {
        if self.status.is_closed() {
            return None;
        }
        let due = parse_date(self.due.as_deref()?)?;
        let days = (today - due).whole_days();
        (days > 0).then_some(days)
    }

    /// True when the action is late on `today`.
    pub fn is_late(&self, today: Date) -> bool {
        self.days_late(today).is_some()
    }

    /// The id's number (`a12` → 12), for ordering.
    pub fn number(&self) -> u64 {
        id_number(&self.id, 'a').unwrap_or(u64::MAX)
    }
}

/// Why a status change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusRefused {
    /// Abandoning an action needs a reason.
    ReasonNeeded,
}

impl StatusRefused {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            StatusRefused::ReasonNeeded => plan_text(lang).reason_needed,
        }
    }
}

// ---- Dates.

/// The earliest and latest years a plan date may fall in without a warning.
pub const EARLIEST_YEAR: i32 = 2000;
pub const LATEST_YEAR: i32 = 2100;

/// A calendar date written `YYYY-MM-DD` (exactly: four-digit year, two-digit month and
/// day), if it is a real day.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u16> {
        let digits = text.get(from..to)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(i32::from(year), month, u8::try_from(day).ok()?).ok()
}

/// A date as `YYYY-MM-DD`.
pub fn date_text(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The day of an ISO time (`2026-03-12T14:00:00.000Z` → 2026-03-12), if it starts with one.
pub fn day_of(time: &str) -> Option<Date> {
    parse_date(time.get(..10)?)
}

/// The day of an ISO time as text (the first ten characters when they are a date, else the
/// time as given: nothing is lost).
fn day_text(time: &str) -> String {
    day_of(time).map_or_else(|| time.to_string(), date_text)
}

/// True when a date lies within [`EARLIEST_YEAR`]–[`LATEST_YEAR`].
pub fn within_period(date: Date) -> bool {
    (EARLIEST_YEAR..=LATEST_YEAR).contains(&date.year())
}

fn id_number(id: &str, prefix: char) -> Option<u64> {
    id.strip_prefix(prefix)?.parse().ok()
}

// ---- Validation.

/// The field of an action a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionField {
    Title,
    Addresses,
    Lead,
    Partners,
    Start,
    Due,
    AbandonedReason,
    /// A progress note, by index.
    Progress(usize),
}

impl ActionField {
    /// The field's name in words.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = plan_text(lang);
        match self {
            ActionField::Title => text.field_title,
            ActionField::Addresses => text.field_addresses,
            ActionField::Lead => text.field_lead,
            ActionField::Partners => text.field_partners,
            ActionField::Start => text.field_start,
            ActionField::Due => text.field_due,
            ActionField::AbandonedReason => text.field_reason,
            ActionField::Progress(_) => text.field_progress,
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionProblemKind {
    EmptyTitle,
    NotADate {
        value: String,
    },
    /// A real date, before [`EARLIEST_YEAR`] or after [`LATEST_YEAR`] (a warning).
    FarDate {
        value: String,
    },
    DueBeforeStart {
        start: String,
        due: String,
    },
    AbandonedWithoutReason,
    /// A lead, partner or side of a collaboration gap that is not a provider of the config.
    UnknownProvider {
        id: String,
    },
    /// A gap id neither in the session nor detached (a file edited by hand; a warning).
    UnknownGap {
        id: String,
    },
    /// The lead is also listed as a partner (a warning).
    LeadAlsoPartner,
}

/// One problem of an action, with its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionProblem {
    pub field: ActionField,
    pub kind: ActionProblemKind,
}

impl ActionProblem {
    /// Said, not refused: the action is kept as it is.
    pub fn is_warning(&self) -> bool {
        matches!(
            self.kind,
            ActionProblemKind::FarDate { .. }
                | ActionProblemKind::UnknownGap { .. }
                | ActionProblemKind::LeadAlsoPartner
        )
    }

    /// The problem in words, its field first: "Échéance : « 2026-02-30 » n'est pas une date".
    pub fn text(&self, lang: Lang) -> String {
        let text = plan_text(lang);
        let said = match &self.kind {
            ActionProblemKind::EmptyTitle => text.empty_title.to_string(),
            ActionProblemKind::NotADate { value } => (text.not_a_date)(value),
            ActionProblemKind::FarDate { value } => {
                (text.far_date)(value, EARLIEST_YEAR, LATEST_YEAR)
            }
            ActionProblemKind::DueBeforeStart { start, due } => (text.due_before_start)(start, due),
            ActionProblemKind::AbandonedWithoutReason => text.abandoned_without_reason.to_string(),
            ActionProblemKind::UnknownProvider { id } => (text.unknown_provider)(id),
            ActionProblemKind::UnknownGap { id } => (text.unknown_gap)(id),
            ActionProblemKind::LeadAlsoPartner => text.lead_also_partner.to_string(),
        };
        let field = match self.field {
            ActionField::Progress(i) => format!("{} {}", self.field.label(lang), i + 1),
            field => field.label(lang).to_string(),
        };
        format!("{field}{}{said}", super::i18n::catalogue(lang).colon)
    }
}

/// Every problem of an action, in field order. Nothing is refused on their account: the
/// form says them, and the action is kept as typed.
pub fn problems(config: &Config, session: &Session, action: &PlanAction) -> Vec<ActionProblem> {
    let mut found = Vec::new();
    let found = &mut found;
    if action.title.trim().is_empty() {
        say(found, ActionField::Title, ActionProblemKind::EmptyTitle);
    }
    let known = |id: &str| config.provider(id).is_some();
    for addressed in &action.addresses {
        match addressed {
            Addressed::Gap(id) => {
                if !session.gaps.iter().any(|g| &g.id == id) {
                    say(
                        found,
                        ActionField::Addresses,
                        ActionProblemKind::UnknownGap { id: id.clone() },
                    );
                }
            }
            Addressed::Relation(pair) => {
                for id in pair.iter().filter(|id| !known(id)) {
                    say(
                        found,
                        ActionField::Addresses,
                        ActionProblemKind::UnknownProvider { id: id.clone() },
                    );
                }
            }
        }
    }
    if let Some(lead) = action.lead.as_deref().filter(|l| !known(l)) {
        say(
            found,
            ActionField::Lead,
            ActionProblemKind::UnknownProvider { id: lead.into() },
        );
    }
    for partner in action.partners.iter().filter(|p| !known(p)) {
        say(
            found,
            ActionField::Partners,
            ActionProblemKind::UnknownProvider {
                id: partner.clone(),
            },
        );
    }
    if action.lead.is_some()
        && action
            .partners
            .iter()
            .any(|p| Some(p) == action.lead.as_ref())
    {
        say(
            found,
            ActionField::Partners,
            ActionProblemKind::LeadAlsoPartner,
        );
    }
    let date = |found: &mut Vec<ActionProblem>, field, value: Option<&String>| -> Option<Date> {
        let value = value?;
        match parse_date(value.trim()) {
            None => {
                say(
                    found,
                    field,
                    ActionProblemKind::NotADate {
                        value: value.clone(),
                    },
                );
                None
            }
            Some(d) => {
                if !within_period(d) {
                    say(
                        found,
                        field,
                        ActionProblemKind::FarDate {
                            value: value.clone(),
                        },
                    );
                }
                Some(d)
            }
        }
    };
    let start = date(found, ActionField::Start, action.start.as_ref());
    let due = date(found, ActionField::Due, action.due.as_ref());
    if let (Some(start), Some(due)) = (start, due) {
        if due < start {
            say(
                found,
                ActionField::Due,
                ActionProblemKind::DueBeforeStart {
                    start: date_text(start),
                    due: date_text(due),
                },
            );
        }
    }
    if action.status == ActionStatus::Abandoned && action.abandoned_reason.trim().is_empty() {
        say(
            found,
            ActionField::AbandonedReason,
            ActionProblemKind::AbandonedWithoutReason,
        );
    }
    for (i, note) in action.progress.iter().enumerate() {
        date(found, ActionField::Progress(i), Some(&note.date));
    }
    std::mem::take(found)
}

fn say(found: &mut Vec<ActionProblem>, field: ActionField, kind: ActionProblemKind) {
    found.push(ActionProblem { field, kind });
}

// ---- The session's plan.

impl Session {
    /// A fresh id for the next action (`a1`, `a2`…), above every action id of the session
    /// and of its milestones: an id deleted since a milestone is not given again.
    pub fn next_action_id(&self) -> String {
        let frozen = self
            .milestones
            .iter()
            .flat_map(|m| m.snapshot.actions.iter());
        let highest = self
            .actions
            .iter()
            .chain(frozen)
            .filter_map(|a| id_number(&a.id, 'a'))
            .max()
            .unwrap_or(0);
        format!("a{}", highest + 1)
    }

    /// Adds a proposed action addressing `addresses`; returns its id.
    pub fn add_action(&mut self, title: &str, addresses: Vec<Addressed>, now: &str) -> String {
        let id = self.next_action_id();
        self.actions
            .push(PlanAction::new(id.clone(), title, addresses, now));
        id
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<&PlanAction> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The action with this id, to change.
    pub fn action_mut(&mut self, id: &str) -> Option<&mut PlanAction> {
        self.actions.iter_mut().find(|a| a.id == id)
    }
}

/// Detaches a deleted gap (or collaboration gap) from every action that addresses it: each
/// keeps `label` and `now` in its [`PlanAction::detached`]. Returns how many actions did.
pub fn detach(session: &mut Session, gap: &Addressed, label: &str, now: &str) -> usize {
    let mut touched = 0;
    for action in &mut session.actions {
        let before = action.addresses.len();
        action.addresses.retain(|a| a != gap);
        if action.addresses.len() != before {
            action.detached.push(DetachedGap {
                gap: gap.clone(),
                label: label.to_string(),
                when: now.to_string(),
            });
            action.modified = now.to_string();
            touched += 1;
        }
    }
    touched
}

/// [`detach`] for a gap of the session, by id.
pub fn detach_gap(session: &mut Session, gap_id: &str, label: &str, now: &str) -> usize {
    detach(session, &Addressed::Gap(gap_id.to_string()), label, now)
}

/// Deletes a gap of the session; the actions that addressed it keep its label (see
/// [`detach`]). Returns the gap deleted, if there was one.
pub fn remove_gap(
    config: &Config,
    session: &mut Session,
    gap_id: &str,
    lang: Lang,
    now: &str,
) -> Option<Gap> {
    let at = session.gaps.iter().position(|g| g.id == gap_id)?;
    let gap = session.gaps.remove(at);
    detach_gap(session, gap_id, &gap_label(config, &gap, lang), now);
    Some(gap)
}

/// A gap in words: what it is attached to and what is wrong ("Services de crise — Liste
/// d'attente").
pub fn gap_label(config: &Config, gap: &Gap, lang: Lang) -> String {
    format!(
        "{} — {}",
        target_label(config, gap, lang),
        gap_kind_label(lang, gap.kind)
    )
}

/// Gaps of a session by id, and providers of a config by id: the plan's views and exports
/// look each up once.
pub struct Lookup<'a> {
    pub gaps: HashMap<&'a str, &'a Gap>,
    pub providers: HashMap<&'a str, usize>,
    pub services: HashMap<&'a str, usize>,
    pub tiers: HashMap<&'a str, usize>,
}

impl<'a> Lookup<'a> {
    pub fn new(config: &'a Config, gaps: &'a [Gap]) -> Lookup<'a> {
        Lookup {
            gaps: gaps.iter().map(|g| (g.id.as_str(), g)).collect(),
            providers: index(config.providers.iter().map(|p| p.id.as_str())),
            services: index(config.services.iter().map(|s| s.id.as_str())),
            tiers: index(config.tiers.iter().map(|t| t.id.as_str())),
        }
    }

    /// The tier (index in the config) of a gap's service or tier, if still in the config.
    pub fn tier_of(&self, config: &Config, target: &GapTarget) -> Option<usize> {
        match target {
            GapTarget::Service { service } => {
                let s = *self.services.get(service.as_str())?;
                self.tiers.get(config.services[s].tier.as_str()).copied()
            }
            GapTarget::Tier { tier } => self.tiers.get(tier.as_str()).copied(),
            GapTarget::Other => None,
        }
    }
}

fn index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        // A duplicate id (refused by validation) keeps its first place.
        map.entry(id).or_insert(i);
    }
    map
}

/// A provider's name, or its id said as no longer in the range.
pub fn organisation_label(config: &Config, id: &str, lang: Lang) -> String {
    config.provider(id).map_or_else(
        || (plan_text(lang).unknown_organisation)(id),
        |p| p.name.get(lang).to_string(),
    )
}

/// What an action addresses, in words. A gap no longer in the session (edited by hand)
/// is said by its id.
pub fn addressed_label(
    config: &Config,
    lookup: &Lookup,
    addressed: &Addressed,
    lang: Lang,
) -> String {
    match addressed {
        Addressed::Gap(id) => lookup
            .gaps
            .get(id.as_str())
            .map_or_else(|| id.clone(), |g| gap_label(config, g, lang)),
        Addressed::Relation([a, b]) => (plan_text(lang).collaboration_of)(&format!(
            "{} — {}",
            organisation_label(config, a, lang),
            organisation_label(config, b, lang)
        )),
    }
}

/// A detached gap in words: "Services de crise — Absent (écart supprimé le 2026-03-12)".
pub fn detached_label(detached: &DetachedGap, lang: Lang) -> String {
    (plan_text(lang).gap_removed)(&detached.label, &day_text(&detached.when))
}

// ---- Views.

/// Plan views list each group's actions soonest due first (no due date last), then by id.
fn sort_actions(actions: &[PlanAction], members: &mut [usize]) {
    members.sort_by(|&x, &y| {
        let (a, b) = (&actions[x], &actions[y]);
        let due = |a: &PlanAction| a.due.as_deref().and_then(parse_date);
        let (da, db) = (due(a), due(b));
        (da.is_none(), da, a.number()).cmp(&(db.is_none(), db, b.number()))
    });
}

/// The actions by status, every status in [`ActionStatus::ALL`] order (empty ones too: a
/// board shows each column), indices in `actions`.
pub fn by_status(actions: &[PlanAction]) -> Vec<(ActionStatus, Vec<usize>)> {
    ActionStatus::ALL
        .iter()
        .map(|&status| {
            let mut members: Vec<usize> = (0..actions.len())
                .filter(|&i| actions[i].status == status)
                .collect();
            sort_actions(actions, &mut members);
            (status, members)
        })
        .collect()
}

/// A group of the view by lead organisation.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeadGroup {
    /// A provider, by index in the config.
    Provider(usize),
    /// A lead id no longer in the config (kept, said as such).
    Unknown(String),
    NoLead,
}

impl LeadGroup {
    pub fn label(&self, config: &Config, lang: Lang) -> String {
        match self {
            LeadGroup::Provider(p) => config.providers[*p].name.get(lang).to_string(),
            LeadGroup::Unknown(id) => (plan_text(lang).unknown_organisation)(id),
            LeadGroup::NoLead => plan_text(lang).no_lead.to_string(),
        }
    }
}

/// The actions by lead organisation: providers in config order, then leads no longer in
/// the config, then actions without a lead; groups without an action are left out.
pub fn by_lead(config: &Config, actions: &[PlanAction]) -> Vec<(LeadGroup, Vec<usize>)> {
    let providers = index(config.providers.iter().map(|p| p.id.as_str()));
    let mut groups: std::collections::BTreeMap<LeadGroup, Vec<usize>> = Default::default();
    for (i, action) in actions.iter().enumerate() {
        let group = match action.lead.as_deref() {
            None => LeadGroup::NoLead,
            Some(id) => providers.get(id).map_or_else(
                || LeadGroup::Unknown(id.to_string()),
                |&p| LeadGroup::Provider(p),
            ),
        };
        groups.entry(group).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|(group, mut members)| {
            sort_actions(actions, &mut members);
            (group, members)
        })
        .collect()
}

/// A group of the view by tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TierGroup {
    /// A tier, by index in the config.
    Tier(usize),
    /// Needs the range does not name.
    Other,
    Collaboration,
    /// Gaps whose service or tier left the config, or ids the session no longer has.
    Orphaned,
    /// Actions whose gaps were all deleted.
    Detached,
    /// Actions that address no gap and never did.
    Unaddressed,
}

impl TierGroup {
    pub fn label(self, config: &Config, lang: Lang) -> String {
        let text = plan_text(lang);
        match self {
            TierGroup::Tier(t) => config.tiers[t].label.get(lang).to_string(),
            TierGroup::Other => super::i18n::workshop_text(lang).other_needs.to_string(),
            TierGroup::Collaboration => text.group_collaboration.to_string(),
            TierGroup::Orphaned => text.group_orphaned.to_string(),
            TierGroup::Detached => text.group_detached.to_string(),
            TierGroup::Unaddressed => text.group_unaddressed.to_string(),
        }
    }
}

/// The actions by the tier of the gaps they address: tiers in config order, then needs
/// outside the range, collaboration gaps, orphaned gaps, actions whose gaps were deleted
/// and actions addressing none. An action addressing gaps of two tiers is in both; groups
/// without an action are left out.
pub fn by_tier(config: &Config, session: &Session) -> Vec<(TierGroup, Vec<usize>)> {
    let lookup = Lookup::new(config, &session.gaps);
    let mut groups: std::collections::BTreeMap<TierGroup, Vec<usize>> = Default::default();
    for (i, action) in session.actions.iter().enumerate() {
        let mut mine: HashSet<TierGroup> = HashSet::new();
        for addressed in &action.addresses {
            mine.insert(match addressed {
                Addressed::Relation(_) => TierGroup::Collaboration,
                Addressed::Gap(id) => match lookup.gaps.get(id.as_str()) {
                    None => TierGroup::Orphaned,
                    Some(gap) => match (&gap.target, lookup.tier_of(config, &gap.target)) {
                        (GapTarget::Other, _) => TierGroup::Other,
                        (_, Some(t)) => TierGroup::Tier(t),
                        (_, None) => TierGroup::Orphaned,
                    },
                },
            });
        }
        if mine.is_empty() {
            mine.insert(if action.detached.is_empty() {
                TierGroup::Unaddressed
            } else {
                TierGroup::Detached
            });
        }
        for group in mine {
            groups.entry(group).or_default().push(i);
        }
    }
    groups
        .into_iter()
        .map(|(group, mut members)| {
            sort_actions(&session.actions, &mut members);
            (group, members)
        })
        .collect()
}

/// The plan at a glance, for the progress report and the dashboard.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanSummary {
    /// Actions of each status, in [`ActionStatus::ALL`] order.
    pub by_status: [usize; 5],
    /// Late actions (index, days late), the latest first.
    pub late: Vec<(usize, i64)>,
}

impl PlanSummary {
    pub fn total(&self) -> usize {
        self.by_status.iter().sum()
    }

    pub fn count(&self, status: ActionStatus) -> usize {
        self.by_status[status.index()]
    }

    /// "Proposée : 2", for each status some action has, in status order.
    pub fn counts_text(&self, lang: Lang) -> Vec<String> {
        let colon = super::i18n::catalogue(lang).colon;
        ActionStatus::ALL
            .iter()
            .filter(|s| self.count(**s) > 0)
            .map(|s| format!("{}{colon}{}", s.label(lang), self.count(*s)))
            .collect()
    }
}

/// The plan's figures on `today`.
pub fn summary(actions: &[PlanAction], today: Date) -> PlanSummary {
    let mut s = PlanSummary::default();
    for (i, action) in actions.iter().enumerate() {
        s.by_status[action.status.index()] += 1;
        if let Some(days) = action.days_late(today) {
            s.late.push((i, days));
        }
    }
    s.late
        .sort_by_key(|&(i, days)| (std::cmp::Reverse(days), actions[i].number()));
    s
}

/// One action in words, as the CSV and the progress report tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionLine {
    pub id: String,
    pub title: String,
    pub status: String,
    /// "En retard de 3 jours", or empty.
    pub late: String,
    pub lead: String,
    pub partners: String,
    pub start: String,
    pub due: String,
    /// The gaps addressed, in words, separated by " ; ".
    pub addresses: String,
    /// Gaps deleted since, in words.
    pub detached: String,
    pub indicator: String,
    pub target: String,
    pub budget: String,
    pub reason: String,
    /// Every progress note, "date : text", separated by " ; ", oldest first.
    pub progress: String,
    pub created: String,
    pub modified: String,
}

/// The actions in words, in plan order (by id).
pub fn action_lines(
    config: &Config,
    session: &Session,
    lang: Lang,
    today: Date,
) -> Vec<ActionLine> {
    let lookup = Lookup::new(config, &session.gaps);
    let colon = super::i18n::catalogue(lang).colon;
    let mut order: Vec<usize> = (0..session.actions.len()).collect();
    order.sort_by_key(|&i| session.actions[i].number());
    order
        .into_iter()
        .map(|i| {
            let a = &session.actions[i];
            let join = |parts: Vec<String>| parts.join(" ; ");
            ActionLine {
                id: a.id.clone(),
                title: a.title.clone(),
                status: a.status.label(lang).to_string(),
                late: a
                    .days_late(today)
                    .map(|d| (plan_text(lang).late_by)(d))
                    .unwrap_or_default(),
                lead: a
                    .lead
                    .as_deref()
                    .map(|l| organisation_label(config, l, lang))
                    .unwrap_or_default(),
                partners: a
                    .partners
                    .iter()
                    .map(|p| organisation_label(config, p, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                start: a.start.clone().unwrap_or_default(),
                due: a.due.clone().unwrap_or_default(),
                addresses: join(
                    a.addresses
                        .iter()
                        .map(|x| addressed_label(config, &lookup, x, lang))
                        .collect(),
                ),
                detached: join(a.detached.iter().map(|d| detached_label(d, lang)).collect()),
                indicator: a.indicator.clone(),
                target: a.target.clone(),
                budget: a.budget.clone(),
                reason: a.abandoned_reason.clone(),
                progress: join(
                    a.progress
                        .iter()
                        .map(|n| format!("{}{colon}{}", n.date, n.text))
                        .collect(),
                ),
                created: a.created.clone(),
                modified: a.modified.clone(),
            }
        })
        .collect()
}

// ---- What an action can address.

/// Every gap an action can address, in words: the session's gaps in their order, then the
/// collaboration gaps of `network` (relations whose target is above their level), the
/// widest first.
pub fn gap_choices(
    config: &Config,
    session: &Session,
    network: &super::continuum::Network,
    lang: Lang,
) -> Vec<(Addressed, String)> {
    let lookup = Lookup::new(config, &session.gaps);
    let mut choices: Vec<(Addressed, String)> = session
        .gaps
        .iter()
        .map(|g| Addressed::Gap(g.id.clone()))
        .chain(
            network
                .gaps()
                .into_iter()
                .map(|l| Addressed::relation(&config.providers[l.a].id, &config.providers[l.b].id)),
        )
        .map(|a| {
            let label = addressed_label(config, &lookup, &a, lang);
            (a, label)
        })
        .collect();
    choices.dedup_by(|x, y| x.0 == y.0);
    choices
}

/// The gaps of [`gap_choices`] that no action of the plan addresses yet.
pub fn unaddressed(
    session: &Session,
    choices: Vec<(Addressed, String)>,
) -> Vec<(Addressed, String)> {
    let addressed: HashSet<&Addressed> =
        session.actions.iter().flat_map(|a| &a.addresses).collect();
    choices
        .into_iter()
        .filter(|(a, _)| !addressed.contains(a))
        .collect()
}
