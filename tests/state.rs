//! Native tests of the widget reducer: every change goes through an action, and what the
//! user opened survives language switches and config updates when it still exists.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::gaps::{Coverage, Gap, GapSeverity, GapTarget, Perspective};
use service_range_mapper::core::session::{Orphans, Session};
use service_range_mapper::core::text::Lang;
use service_range_mapper::core::validate::load_text;
use service_range_mapper::state::{Action, Notice, Shared, View, WidgetState};
use std::rc::Rc;
use yew::Reducible;

fn state() -> Rc<WidgetState> {
    Rc::new(WidgetState::new(Shared::from(default_config()), Lang::Fr))
}

fn index_of(state: &WidgetState, id: &str) -> usize {
    let prepared = state.prepared.as_ref().unwrap();
    prepared
        .config
        .services
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

#[test]
fn a_citizens_cards_record_has_six_fields_a_card_whatever_its_texts_hold() {
    use service_range_mapper::components::{cards_record, SEPARATOR};
    // A separator inside a text would shift every field after it: it becomes a space.
    let loaded = load_text(
        r#"{"version": 1, "territory": {"name": "T"},
            "services": [
                {"id": "a", "tier": "proximite", "label": "Un\u001fdeux <b>"},
                {"id": "b", "tier": "proximite", "label": "Trois"}],
            "providers": [{"id": "p", "name": "Org \u001f", "kind": "community_organisation"}],
            "offers": [{"provider": "p", "service": "a"}]}"#,
    );
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let state = WidgetState::new(Shared::from(loaded), Lang::Fr);
    let prepared = state.prepared.as_ref().unwrap();
    let record = cards_record(prepared, 0, &[0, 1], Lang::Fr);
    let fields: Vec<&str> = record.split(SEPARATOR).collect();
    assert_eq!(fields.len(), 2 * 6 + 1, "{fields:?}");
    assert_eq!(
        &fields[..4],
        [
            "a",
            "available",
            "Un deux <b>",
            "Disponible · 1 fournisseur"
        ]
    );
    assert_eq!(fields[4], "Org  ");
    assert_eq!(&fields[6..9], ["b", "none", "Trois"]);
    assert_eq!(&fields[10..12], ["", ""], "no provider, no access");
}

#[test]
fn providers_are_found_by_id_as_the_config_finds_them() {
    let s = state();
    let prepared = s.prepared.as_ref().unwrap();
    for provider in &prepared.config.providers {
        let found = prepared.provider(&provider.id).unwrap();
        assert!(std::ptr::eq(found, provider), "{}", provider.id);
    }
    for missing in ["", "inconnu", "zzz"] {
        assert!(prepared.provider(missing).is_none());
    }
}

#[test]
fn the_range_is_prepared_once_with_the_config() {
    let s = state();
    let prepared = s.prepared.as_ref().unwrap();
    assert_eq!(prepared.range.len(), 3);
    assert_eq!(
        prepared
            .range
            .iter()
            .map(|t| t.services.len())
            .sum::<usize>(),
        24
    );
}

#[test]
fn switching_language_keeps_the_open_detail() {
    let s = state();
    let crisis = index_of(&s, "crise");
    let s = s.reduce(Action::OpenService(crisis));
    let s = s.reduce(Action::SetLang(Lang::En));
    assert_eq!((s.lang, s.open_service), (Lang::En, Some(crisis)));
}

#[test]
fn unchanged_actions_keep_the_same_state() {
    let s = state();
    let same = s.clone().reduce(Action::SetLang(Lang::Fr));
    assert!(Rc::ptr_eq(&s, &same), "no re-render for nothing");
    let same = s.clone().reduce(Action::CloseDetail);
    assert!(Rc::ptr_eq(&s, &same));
    let same = s.clone().reduce(Action::OpenService(10_000));
    assert!(Rc::ptr_eq(&s, &same), "an unknown service opens nothing");
}

#[test]
fn a_new_config_keeps_the_detail_of_a_service_that_still_exists() {
    let s = state();
    let urgence = index_of(&s, "urgence");
    let s = s.reduce(Action::OpenService(urgence));
    let text = r#"{"version": 1, "territory": {"name": "T"}, "services": [
        {"id": "autre", "tier": "proximite", "label": "Autre"},
        {"id": "urgence", "tier": "specialise", "label": "Urgence"}]}"#;
    let s = s.reduce(Action::ReplaceConfig(Shared::from(load_text(text)), None));
    assert_eq!(
        s.open_service,
        Some(1),
        "found again by id, at its new index"
    );

    let gone = r#"{"version": 1, "territory": {"name": "T"}, "services": [
        {"id": "autre", "tier": "proximite", "label": "Autre"}]}"#;
    let s = s.reduce(Action::ReplaceConfig(Shared::from(load_text(gone)), None));
    assert_eq!(s.open_service, None);

    let broken = s.reduce(Action::ReplaceConfig(Shared::from(load_text("{")), None));
    assert!(broken.prepared.is_none() && broken.loaded.errors().count() == 1);
}

fn a_gap(state: &WidgetState, target: GapTarget) -> Gap {
    Gap {
        severity: GapSeverity::High,
        population: String::new(),
        perspective: Perspective::Organisation,
        action: "Ouvrir un service".into(),
        impact: 4,
        ..common::gap(&state.session.next_gap_id(), target)
    }
}

#[test]
fn every_session_change_can_be_undone_and_redone() {
    let s = state();
    let gap = a_gap(
        &s,
        GapTarget::Service {
            service: "loisirs".into(),
        },
    );
    let s = s.reduce(Action::NewGap(gap.target.clone()));
    assert!(s.form.is_some());
    let s = s.reduce(Action::SaveGap(gap.clone()));
    assert!(s.form.is_none() && s.session.gaps.len() == 1);
    let mut edited = gap.clone();
    edited.severity = GapSeverity::Low;
    let s = s.reduce(Action::SaveGap(edited));
    assert_eq!(
        s.session.gaps.len(),
        1,
        "saving an existing gap replaces it"
    );
    let s = s.reduce(Action::SetCoverage(
        "loisirs".into(),
        Some(Coverage::Partial),
    ));
    let s = s.reduce(Action::DeleteGap(gap.id.clone()));
    assert!(s.session.gaps.is_empty());

    let s = s.reduce(Action::Undo);
    assert_eq!(
        s.session.gaps[0].severity,
        GapSeverity::Low,
        "the deletion is undone"
    );
    let s = s.reduce(Action::Undo);
    assert_eq!(
        s.session.assessed("loisirs"),
        None,
        "the coverage change is undone"
    );
    let s = s.reduce(Action::Undo).reduce(Action::Undo);
    assert!(s.session.gaps.is_empty() && !s.can_undo());
    let s = s
        .reduce(Action::Redo)
        .reduce(Action::Redo)
        .reduce(Action::Redo);
    assert_eq!(s.session.assessed("loisirs"), Some(Coverage::Partial));
    // A new change after undo forgets what could be redone.
    let s = s.reduce(Action::Undo).reduce(Action::SetCoverage(
        "urgence".into(),
        Some(Coverage::Absent),
    ));
    assert!(!s.can_redo());
}

#[test]
fn a_new_session_is_one_undoable_change() {
    let s = state();
    let gap = a_gap(&s, GapTarget::Other);
    let s = s.reduce(Action::SaveGap(gap)).reduce(Action::AskNewSession);
    assert!(s.confirm_new_session);
    let s = s.reduce(Action::NewSession);
    assert!(s.session.gaps.is_empty() && !s.confirm_new_session);
    let s = s.reduce(Action::Undo);
    assert_eq!(s.session.gaps.len(), 1);
}

#[test]
fn a_read_only_widget_changes_nothing() {
    let base = state();
    let session = base.session.clone();
    let s = Rc::new((*base).clone().with_session(session, false, None));
    let gap = a_gap(&s, GapTarget::Other);
    for action in [
        Action::NewGap(GapTarget::Other),
        Action::SaveGap(gap),
        Action::SetCoverage("crise".into(), Some(Coverage::Absent)),
        Action::AskNewSession,
        Action::NewSession,
        Action::Undo,
    ] {
        let after = s.clone().reduce(action.clone());
        assert!(
            Rc::ptr_eq(&s, &after),
            "{action:?} changed a read-only widget"
        );
    }
    // Browsing still works.
    let after = s.clone().reduce(Action::SetView(View::Inventory));
    assert_eq!(after.view, View::Inventory);
}

#[test]
fn loading_a_session_counts_its_orphans_and_can_be_undone() {
    let s = state();
    let config = s.prepared.as_ref().unwrap().config.clone();
    let mut loaded = Session::new(&config);
    loaded.gaps = vec![
        a_gap(
            &s,
            GapTarget::Service {
                service: "disparu".into(),
            },
        ),
        Gap {
            id: "g2".into(),
            ..a_gap(&s, GapTarget::Other)
        },
    ];
    let s = s.reduce(Action::LoadSession(Shared::from(loaded)));
    assert_eq!(
        s.notice,
        Some(Notice::SessionLoaded {
            orphans: Orphans {
                gaps: 1,
                relations: 0
            },
            saved: false
        })
    );
    assert_eq!(s.session.gaps.len(), 2);
    let s = s.reduce(Action::Undo);
    assert!(s.session.gaps.is_empty());
}

#[test]
fn citizens_never_edit_and_see_the_range_only() {
    use service_range_mapper::state::Mode;
    let citizen = Rc::new(
        WidgetState::new(Shared::from(default_config()), Lang::Fr)
            .in_mode(Mode::Citizen)
            .with_session(
                Shared::from(Session::new(&default_config().config.unwrap())),
                true,
                None,
            ),
    );
    assert!(!citizen.editable, "editable asked, citizen mode wins");
    assert!(!citizen.tools());
    let same = citizen.clone().reduce(Action::SetView(View::Inventory));
    assert_eq!(same.view, View::Range);
    let same = same.reduce(Action::NewGap(GapTarget::Other));
    assert!(same.form.is_none());
    // Searching is for everyone.
    let searched = same.reduce(Action::SetQuery(
        service_range_mapper::core::search::RangeQuery {
            text: "logement".into(),
            ..Default::default()
        },
    ));
    assert_eq!(searched.query.text, "logement");
}

#[test]
fn a_place_opens_the_view_search_and_service_and_is_written_back() {
    use service_range_mapper::core::place::Place;
    use service_range_mapper::core::search::RangeQuery;
    let place = Place {
        view: Some("inventory".into()),
        query: RangeQuery {
            text: "crise".into(),
            tier: Some("proximite".into()),
            kind: None,
        },
        service: Some("crise".into()),
    };
    let moved = state().reduce(Action::GoTo(place.clone()));
    assert_eq!(moved.view, View::Inventory);
    assert_eq!(moved.open_service, Some(index_of(&moved, "crise")));
    assert_eq!(moved.place(), place);
    // A place without a view is the range; an unknown service opens nothing.
    let back = moved.reduce(Action::GoTo(Place {
        service: Some("nulle-part".into()),
        ..Place::default()
    }));
    assert_eq!(back.view, View::Range);
    assert_eq!(back.open_service, None);
    assert_eq!(back.place(), Place::default());
}

#[test]
fn the_participant_stamps_the_gaps_they_add() {
    use service_range_mapper::state::Participant;
    let s = state().reduce(Action::SetParticipant(Participant {
        name: "Julie".into(),
        perspective: Some(Perspective::FamilyAndCloseOnes),
    }));
    let s = s.reduce(Action::NewGap(GapTarget::Other));
    let form = s.form.as_ref().unwrap();
    assert_eq!(form.by.name, "Julie");
    assert_eq!(form.by.perspective, Some(Perspective::FamilyAndCloseOnes));
}

mod perspectives {
    //! The participants' face and the comparison, through the reducer: a participant's
    //! ratings go to their contribution (never to the session), turns add contributions
    //! one by one, gathering and decisions are changes undo takes back.
    use super::*;
    use service_range_mapper::core::contribution::{
        Agreed, Contribution, Contributor, ContributorEdit, Decision, Gathered, Item, RatingEdit,
    };
    use service_range_mapper::core::model::Mechanism;
    use service_range_mapper::state::Mode;

    fn participant() -> Rc<WidgetState> {
        Rc::new(
            WidgetState::new(Shared::from(default_config()), Lang::Fr)
                .in_mode(Mode::Participant)
                .with_session(Shared::from(Session::empty()), true, None)
                .with_draft(None),
        )
    }

    fn gap(id: &str) -> Gap {
        Gap {
            id: id.into(),
            target: GapTarget::Service {
                service: "crise".into(),
            },
            kind: service_range_mapper::core::gaps::GapKind::WaitingList,
            barrier: None,
            severity: GapSeverity::High,
            population: String::new(),
            perspective: Perspective::Practitioner,
            note: String::new(),
            action: String::new(),
            impact: 4,
            feasibility: 2,
            created: "2026-03-12T09:00:00Z".into(),
            modified: "2026-03-12T09:00:00Z".into(),
            author: None,
        }
    }

    #[test]
    fn a_participant_rates_into_their_contribution_only() {
        let s = participant();
        assert_eq!(s.view, View::Contribute);
        assert!(!s.tools(), "no workshop tools for a participant");
        let first_id = s.draft.as_ref().unwrap().id.clone();
        let s = s.reduce(Action::RateService("crise".into(), Some(Coverage::Absent)));
        // Two changes before the page shows the first: both hold.
        let s = s.reduce(Action::EditContributor(ContributorEdit::Name(
            "Marie".into(),
        )));
        let s = s.reduce(Action::EditContributor(ContributorEdit::Organisation(
            Some("cisss".into()),
        )));
        assert_eq!(
            s.draft.as_ref().unwrap().participant.perspective,
            Perspective::Practitioner,
            "an organisation's participant: a practitioner until they choose"
        );
        let s = s.reduce(Action::RateRelation(
            "hopital".into(),
            RatingEdit::Level(Some("coalition".into())),
        ));
        let s = s.reduce(Action::RateRelation(
            "hopital".into(),
            RatingEdit::Mechanism(Mechanism::LiaisonOfficer, true),
        ));
        let s = s.reduce(Action::RateRelation("gmf".into(), RatingEdit::Target(None)));
        assert_eq!(
            s.draft.as_ref().unwrap().relations.len(),
            1,
            "an empty rating is none"
        );
        assert_eq!(
            s.draft.as_ref().unwrap().relations[0].mechanisms,
            [Mechanism::LiaisonOfficer]
        );
        let s = s.reduce(Action::NewGap(GapTarget::Service {
            service: "crise".into(),
        }));
        assert_eq!(
            s.form.as_ref().unwrap().by.name,
            "Marie",
            "stamped with the participant"
        );
        let s = s.reduce(Action::SaveGap(gap("g1")));
        let draft = s.draft.as_ref().unwrap();
        assert_eq!(draft.id, first_id);
        assert_eq!(draft.coverage.get("crise"), Some(&Coverage::Absent));
        assert_eq!(draft.relations.len(), 1);
        assert_eq!(draft.gaps.len(), 1);
        assert!(s.session.gaps.is_empty() && s.session.coverage.is_empty());
        // Another organisation: the relations were the first one's.
        let s = s.reduce(Action::EditContributor(ContributorEdit::Organisation(
            Some("gmf".into()),
        )));
        assert!(s.draft.as_ref().unwrap().relations.is_empty());
        let s = s.reduce(Action::DeleteGap("g1".into()));
        assert!(s.draft.as_ref().unwrap().gaps.is_empty());
        // Starting over keeps who they are, under a new id.
        let s = s.reduce(Action::ClearDraft);
        let draft = s.draft.as_ref().unwrap();
        assert_ne!(draft.id, first_id);
        assert!(draft.is_empty());
        assert_eq!(draft.participant.organisation.as_deref(), Some("gmf"));
        // Facilitator's actions do nothing here.
        let same = s.clone().reduce(Action::SetPrivacy(true));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn turns_add_one_contribution_per_participant_and_undo_takes_one_back() {
        let s = state().reduce(Action::StartTurns);
        assert_eq!(s.view, View::Contribute);
        let s = s.reduce(Action::RateService("crise".into(), Some(Coverage::Covered)));
        let s = s.reduce(Action::NextParticipant);
        assert_eq!(s.session.contributions.len(), 1);
        assert!(
            s.draft.as_ref().unwrap().is_empty(),
            "an empty form for the next one"
        );
        // Nobody answered: nothing added.
        let s = s.reduce(Action::NextParticipant);
        assert_eq!(s.session.contributions.len(), 1);
        let s = s.reduce(Action::RateService("crise".into(), Some(Coverage::Absent)));
        let s = s.reduce(Action::EndTurns);
        assert_eq!(s.session.contributions.len(), 2);
        assert_ne!(s.session.contributions[0].id, s.session.contributions[1].id);
        assert_eq!((s.view, s.draft.is_none()), (View::Perspectives, true));
        let s = s.reduce(Action::Undo);
        assert_eq!(s.session.contributions.len(), 1);
    }

    fn file(id: &str, coverage: Coverage) -> (String, String) {
        let config = default_config().config.unwrap();
        let mut c = Contribution::new(
            &config,
            id.into(),
            Contributor {
                name: id.into(),
                organisation: None,
                perspective: Perspective::FamilyAndCloseOnes,
            },
            "2026-03-12T09:00:00Z",
        );
        c.coverage.insert("crise".into(), coverage);
        (format!("{id}.json"), serde_json::to_string(&c).unwrap())
    }

    #[test]
    fn gathering_deciding_and_privacy_are_changes_undo_takes_back() {
        let s = state().reduce(Action::Gather(
            vec![
                file("a", Coverage::Covered),
                file("b", Coverage::Absent),
                file("a", Coverage::Covered),
            ],
            vec![("huge.json".into(), 30_000_000)],
        ));
        assert_eq!(s.session.contributions.len(), 2);
        assert_eq!(s.gathered.len(), 4);
        assert_eq!(s.gathered[2].result, Ok(Gathered::AlreadyGathered));
        assert!(s.gathered[3].result.is_err(), "too large, said");
        let s = s.reduce(Action::OpenDecision(Item::Service("crise".into())));
        assert!(s.deciding.is_some());
        let s = s.reduce(Action::Decide(Decision {
            item: Item::Service("crise".into()),
            agreed: Agreed::Coverage(Coverage::Partial),
            note: "Selon le secteur".into(),
            decided: "2026-03-12T10:00:00Z".into(),
        }));
        assert_eq!(s.deciding, None);
        assert_eq!(s.session.assessed("crise"), Some(Coverage::Partial));
        assert_eq!(s.session.decisions.len(), 1);
        let s = s.reduce(Action::Undo);
        assert_eq!(
            (s.session.assessed("crise"), s.session.decisions.len()),
            (None, 0)
        );
        let s = s.reduce(Action::Redo);
        assert_eq!(s.session.assessed("crise"), Some(Coverage::Partial));
        let s = s.reduce(Action::SetPrivacy(true));
        assert!(s.session.privacy);
        let s = s.reduce(Action::RemoveContribution("a".into()));
        assert_eq!(s.session.contributions.len(), 1);
        let s = s.reduce(Action::Undo).reduce(Action::Undo);
        assert_eq!(
            (s.session.privacy, s.session.contributions.len()),
            (false, 2)
        );
    }

    #[test]
    fn a_decision_that_cannot_apply_or_a_contribution_not_there_leaves_no_undo_step() {
        let s = state();
        assert!(!s.can_undo());
        let s = s.reduce(Action::Decide(Decision {
            item: Item::Service("crise".into()),
            agreed: Agreed::Scores {
                severity: GapSeverity::High,
                impact: 3,
                feasibility: 3,
            },
            note: String::new(),
            decided: "2026-03-12T10:00:00Z".into(),
        }));
        assert!(
            !s.can_undo(),
            "a coverage item decided with scores changes nothing"
        );
        let same = s
            .clone()
            .reduce(Action::RemoveContribution("nobody".into()));
        assert!(Rc::ptr_eq(&s, &same));
    }
}

/// The plan's steps (the plan build's: the workshop build keeps the plan in its sessions
/// but leaves its steps to the plan bundle).
#[cfg(feature = "plan")]
mod plan {
    use super::*;
    use service_range_mapper::core::plan::{ActionStatus, Addressed, PlanAction};
    use service_range_mapper::state::{ActionFormOpen, PlanGroup, PlanStep};

    fn step(s: Rc<WidgetState>, step: PlanStep) -> Rc<WidgetState> {
        s.reduce(Action::Plan(step))
    }

    fn typed(title: &str, addresses: Vec<Addressed>) -> Box<PlanAction> {
        Box::new(PlanAction::new(
            String::new(),
            title,
            addresses,
            "2026-03-01T10:00:00Z",
        ))
    }

    fn with_two_gaps() -> Rc<WidgetState> {
        let s = state();
        let first = a_gap(
            &s,
            GapTarget::Service {
                service: "crise".into(),
            },
        );
        let s = s.reduce(Action::SaveGap(first));
        let second = a_gap(&s, GapTarget::Other);
        s.reduce(Action::SaveGap(second))
    }

    #[test]
    fn an_action_from_two_gaps_is_saved_edited_and_undone() {
        let s = with_two_gaps();
        let gaps: Vec<Addressed> = s
            .session
            .gaps
            .iter()
            .map(|g| Addressed::Gap(g.id.clone()))
            .collect();
        let s = step(
            s,
            PlanStep::Open(ActionFormOpen::New {
                addresses: gaps.clone(),
                title: String::new(),
            }),
        );
        assert!(s.plan.form.is_some());
        let s = step(
            s,
            PlanStep::Save(typed("Équipe mobile de crise", gaps.clone())),
        );
        assert!(s.plan.form.is_none(), "saved: the form closes");
        assert_eq!(s.session.actions.len(), 1);
        let action = s.session.actions[0].clone();
        assert_eq!((action.id.as_str(), action.addresses.len()), ("a1", 2));
        assert_eq!(action.status, ActionStatus::Proposed);

        // Edited: put in progress (the start date is set), then done.
        let mut edited = action.clone();
        edited.status = ActionStatus::InProgress;
        edited.due = Some("2026-09-30".into());
        let s = step(s, PlanStep::Save(Box::new(edited)));
        let a = &s.session.actions[0];
        assert_eq!(a.status, ActionStatus::InProgress);
        assert_eq!(a.due.as_deref(), Some("2026-09-30"));
        assert!(
            a.start.is_some(),
            "in progress without a start: starts that day"
        );
        assert_eq!(s.session.actions.len(), 1, "saved in place");

        // Undo takes the edit back, then the action.
        let s = s.reduce(Action::Undo);
        assert_eq!(s.session.actions[0].status, ActionStatus::Proposed);
        let s = s.reduce(Action::Undo);
        assert!(s.session.actions.is_empty());
        // A new action after that does not reuse a1's number only if a milestone froze it:
        // here a1 is free again.
        let s = step(s, PlanStep::Save(typed("Autre", Vec::new())));
        assert_eq!(s.session.actions[0].id, "a1");
    }

    #[test]
    fn abandoning_needs_a_reason_and_the_form_stays_open_as_typed() {
        let s = step(state(), PlanStep::Save(typed("Bottin", Vec::new())));
        let s = step(s, PlanStep::Open(ActionFormOpen::Edit("a1".into())));
        let mut abandoned = s.session.actions[0].clone();
        abandoned.status = ActionStatus::Abandoned;
        abandoned.budget = "5 000 $".into();
        let before = s.session.clone();
        let s = step(s, PlanStep::Save(Box::new(abandoned.clone())));
        assert!(s.plan.refused.is_some(), "refused: said");
        assert!(s.plan.form.is_some(), "the form stays open");
        assert_eq!(s.session, before, "nothing changed");
        abandoned.abandoned_reason = "Financement refusé".into();
        let s = step(s, PlanStep::Save(Box::new(abandoned.clone())));
        let a = &s.session.actions[0];
        assert_eq!(
            (a.status, a.abandoned_reason.as_str()),
            (ActionStatus::Abandoned, "Financement refusé")
        );
        assert_eq!(a.budget, "5 000 $");
        // Taken up again: the reason is kept as a progress note.
        let mut again = a.clone();
        again.status = ActionStatus::Adopted;
        let s = step(s, PlanStep::Save(Box::new(again)));
        let a = &s.session.actions[0];
        assert!(a.abandoned_reason.is_empty());
        assert!(
            a.progress
                .iter()
                .any(|n| n.text.contains("Financement refusé")),
            "{:?}",
            a.progress
        );
    }

    #[test]
    fn deleting_a_gap_leaves_a_note_in_the_actions_that_addressed_it() {
        let s = with_two_gaps();
        let gap = s.session.gaps[0].id.clone();
        let s = step(
            s,
            PlanStep::Save(typed("Équipe mobile", vec![Addressed::Gap(gap.clone())])),
        );
        let s = s.reduce(Action::DeleteGap(gap.clone()));
        let a = &s.session.actions[0];
        assert!(a.addresses.is_empty());
        assert_eq!(a.detached.len(), 1);
        assert!(
            a.detached[0].label.contains("Crise") || a.detached[0].label.contains("crise"),
            "{:?}",
            a.detached
        );
        // Undo brings the gap back, addressed again.
        let s = s.reduce(Action::Undo);
        assert_eq!(s.session.actions[0].addresses, vec![Addressed::Gap(gap)]);
    }

    #[test]
    fn milestones_are_marked_refused_removed_and_compared() {
        let s = state();
        let s = step(s, PlanStep::Mark("  ".into(), "2026-03-12".into()));
        assert!(matches!(s.plan.marked, Some(Err(_))), "no name: refused");
        assert!(s.session.milestones.is_empty() && !s.can_undo());
        let s = step(
            s,
            PlanStep::Mark("T0 — atelier du 12 mars".into(), "2026-03-12".into()),
        );
        assert!(
            matches!(&s.plan.marked, Some(Ok((label, warnings))) if label == "T0 — atelier du 12 mars" && warnings.is_empty())
        );
        let s = step(s, PlanStep::Mark("T0 bis".into(), "2026-03-12".into()));
        assert!(
            matches!(&s.plan.marked, Some(Ok((_, warnings))) if warnings.len() == 1),
            "two on one day: said, marked"
        );
        assert_eq!(s.session.milestones.len(), 2);
        let first = s.session.milestones[0].id.clone();
        let s = step(s, PlanStep::Compare(Some(first.clone()), None));
        assert_eq!(s.plan.before.as_deref(), Some(first.as_str()));
        let s = step(s, PlanStep::RemoveMilestone(first.clone()));
        assert_eq!(s.session.milestones.len(), 1);
        assert_eq!(
            s.plan.before, None,
            "the removed milestone is no longer compared"
        );
        let s = s.reduce(Action::Undo);
        assert_eq!(s.session.milestones.len(), 2);
        let same = step(s.clone(), PlanStep::Group(PlanGroup::Status));
        assert!(Rc::ptr_eq(&s, &same), "the same grouping: no change");
    }

    #[test]
    fn a_read_only_widget_never_changes_the_plan() {
        let s = state();
        let s = Rc::new((*s).clone().with_session(s.session.clone(), false, None));
        let same = step(s.clone(), PlanStep::Save(typed("x", Vec::new())));
        assert!(same.session.actions.is_empty());
        let same = step(same, PlanStep::Mark("T0".into(), "2026-03-12".into()));
        assert!(same.session.milestones.is_empty());
        assert_eq!(same.view, View::Range);
    }
}
