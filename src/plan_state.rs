//! The plan's part of a widget's state: the action form, how the plan is grouped, the
//! milestone just marked and the two moments compared — and the reducer's steps over them
//! ([`PlanStep`]). Every change of the session goes through [`WidgetState::change`], so
//! undo and autosave treat actions and milestones like gaps.

use crate::core::milestone::{self, MarkRefused, MarkWarning};
use crate::core::plan::{Addressed, PlanAction, StatusRefused};
use crate::state::WidgetState;

/// How the plan view lists actions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PlanGroup {
    #[default]
    Status,
    Lead,
    Tier,
}

impl PlanGroup {
    pub const ALL: [PlanGroup; 3] = [PlanGroup::Status, PlanGroup::Lead, PlanGroup::Tier];

    pub fn key(self) -> &'static str {
        match self {
            PlanGroup::Status => "status",
            PlanGroup::Lead => "lead",
            PlanGroup::Tier => "tier",
        }
    }
}

/// The action form, when open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionFormOpen {
    /// A new action addressing these gaps, its title suggested (a gap's proposed action).
    New {
        addresses: Vec<Addressed>,
        title: String,
    },
    /// An action of the plan, by id.
    Edit(String),
}

/// What marking a milestone said: refused (nothing changed), or marked with warnings.
pub type MarkOutcome = Result<(String, Vec<MarkWarning>), MarkRefused>;

/// The plan's faces' own state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanFace {
    pub form: Option<ActionFormOpen>,
    /// Why the last save of the form was refused (the form stays open, as typed).
    pub refused: Option<StatusRefused>,
    pub group: PlanGroup,
    /// The last milestone marked (its label) or why it was not.
    pub marked: Option<MarkOutcome>,
    /// The moments compared, by milestone id; none: the latest milestone before, now after.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A step of the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanStep {
    Open(ActionFormOpen),
    Close,
    /// Saves the form's action: a new one (empty id) takes the next id; an existing one is
    /// replaced, its status changed by the plan's rules (a reason to abandon, the reason
    /// kept when taken up again, the start date when put in progress).
    Save(Box<PlanAction>),
    Delete(String),
    Group(PlanGroup),
    /// Marks the session: label, ISO date.
    Mark(String, String),
    DismissMarked,
    RemoveMilestone(String),
    /// The two moments to compare (milestone ids; none after: now).
    Compare(Option<String>, Option<String>),
}

impl WidgetState {
    /// Applies a plan step to `next` (a copy of `self`); false when nothing changes.
    pub(crate) fn plan_step(&self, next: &mut WidgetState, step: PlanStep, editing: bool) -> bool {
        let face = &mut next.plan;
        match step {
            PlanStep::Open(open) if editing => {
                face.form = Some(open);
                face.refused = None;
            }
            PlanStep::Close => {
                if face.form.is_none() {
                    return false;
                }
                face.form = None;
                face.refused = None;
            }
            PlanStep::Save(action) if editing => {
                let now = crate::browser::now_iso();
                let mut session = (*self.session).clone();
                let saved = match session.action_mut(&action.id) {
                    Some(existing) => update(existing, *action, &now, self.lang),
                    None => {
                        let id = session.add_action(&action.title, Vec::new(), &now);
                        let added = session.action_mut(&id).expect("just added");
                        let fresh = PlanAction { id, ..*action };
                        update(added, fresh, &now, self.lang)
                    }
                };
                match saved {
                    Err(refused) => face.refused = Some(refused),
                    Ok(()) => {
                        face.form = None;
                        face.refused = None;
                        next.change(session);
                    }
                }
            }
            PlanStep::Delete(id) if editing => {
                if self.session.action(&id).is_none() {
                    return false;
                }
                let mut session = (*self.session).clone();
                session.actions.retain(|a| a.id != id);
                face.form = None;
                next.change(session);
            }
            PlanStep::Group(group) => {
                if face.group == group {
                    return false;
                }
                face.group = group;
            }
            PlanStep::Mark(label, date) if editing => {
                let config = &self.prepared.as_ref().expect("checked").config;
                let now = crate::browser::now_iso();
                match milestone::mark(config, &self.session, &label, &date, &now) {
                    Err(refused) => face.marked = Some(Err(refused)),
                    Ok((session, warnings)) => {
                        face.marked = Some(Ok((label.trim().to_string(), warnings)));
                        next.change(session);
                    }
                }
            }
            PlanStep::DismissMarked => {
                if face.marked.is_none() {
                    return false;
                }
                face.marked = None;
            }
            PlanStep::RemoveMilestone(id) if editing => {
                if !self.session.milestones.iter().any(|m| m.id == id) {
                    return false;
                }
                let session = milestone::remove(&self.session, &id);
                for compared in [&mut face.before, &mut face.after] {
                    if compared.as_deref() == Some(id.as_str()) {
                        *compared = None;
                    }
                }
                next.change(session);
            }
            PlanStep::Compare(before, after) => {
                if (&face.before, &face.after) == (&before, &after) {
                    return false;
                }
                face.before = before;
                face.after = after;
            }
            _ => return false,
        }
        true
    }
}

/// An action of the plan after the form: its fields as typed, its status by the rules.
fn update(
    existing: &mut PlanAction,
    typed: PlanAction,
    now: &str,
    lang: crate::core::text::Lang,
) -> Result<(), StatusRefused> {
    let (status, reason) = (typed.status, typed.abandoned_reason.clone());
    // What the form does not edit stays as it was; the status goes through its rules.
    let mut updated = PlanAction {
        id: existing.id.clone(),
        status: existing.status,
        abandoned_reason: existing.abandoned_reason.clone(),
        created: existing.created.clone(),
        modified: existing.modified.clone(),
        detached: existing.detached.clone(),
        ..typed
    };
    updated.set_status(status, &reason, now, lang)?;
    if updated != *existing {
        updated.modified = now.to_string();
    }
    *existing = updated;
    Ok(())
}
