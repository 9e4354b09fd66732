//! Native tests of the action plan: dates, lateness, validation in words, statuses, gaps
//! deleted under an action, the plan views, the plan's CSV and iCalendar files read back
//! with their own parsers, and the report's progress section.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::gap;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::export::{html, markdown, progress_report, report};
use service_range_mapper::core::figures::range;
use service_range_mapper::core::gaps::{GapKind, GapSeverity, GapTarget};
use service_range_mapper::core::model::Config;
use service_range_mapper::core::plan::*;
use service_range_mapper::core::plan_export::{action_uid, ical_text, plan_csv, plan_ical};
use service_range_mapper::core::session::Session;
use service_range_mapper::core::text::Lang;
use time::Date;

const NOW: &str = "2026-03-12T14:15:00.000Z";

fn config() -> Config {
    default_config().config.unwrap()
}

fn day(text: &str) -> Date {
    parse_date(text).unwrap_or_else(|| panic!("{text} is a date"))
}

fn service(id: &str) -> GapTarget {
    GapTarget::Service { service: id.into() }
}

/// A session with a gap on the crisis services (g1), one on a whole tier (g2), one outside
/// the range (g3).
fn session() -> Session {
    let mut s = Session::new(&config());
    s.gaps.push(gap("g1", service("crise")));
    let mut g2 = gap(
        "g2",
        GapTarget::Tier {
            tier: "intersectoriel".into(),
        },
    );
    g2.kind = GapKind::ContinuityBreak;
    s.gaps.push(g2);
    s.gaps.push(gap("g3", GapTarget::Other));
    s
}

fn action(due: Option<&str>, status: ActionStatus) -> PlanAction {
    let mut a = PlanAction::new("a1".into(), "Deuxième équipe mobile", vec![], NOW);
    a.due = due.map(String::from);
    a.status = status;
    if status == ActionStatus::Abandoned {
        a.abandoned_reason = "Pas de financement".into();
    }
    a
}

#[test]
fn dates_are_real_days_written_yyyy_mm_dd() {
    assert_eq!(date_text(day("2028-02-29")), "2028-02-29");
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "26-04-01",
        "2026-4-1",
        "2026/04/01",
        "2026-04-01T00:00",
        "",
        "aaaa-bb-cc",
        "+026-04-01",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(day_of(NOW), Some(day("2026-03-12")));
    assert!(within_period(day("2000-01-01")) && within_period(day("2100-12-31")));
    assert!(!within_period(day("1999-12-31")) && !within_period(day("2101-01-01")));
}

#[test]
fn an_action_is_late_only_after_its_due_date_and_while_open() {
    let open = action(Some("2026-06-30"), ActionStatus::InProgress);
    assert_eq!(open.days_late(day("2026-06-29")), None, "the day before");
    assert_eq!(open.days_late(day("2026-06-30")), None, "the day it is due");
    assert_eq!(open.days_late(day("2026-07-01")), Some(1));
    assert_eq!(open.days_late(day("2026-08-01")), Some(32));
    assert_eq!(open.days_late(day("2027-06-30")), Some(365));
    assert!(open.is_late(day("2026-07-01")));
    for status in [ActionStatus::Proposed, ActionStatus::Adopted] {
        assert_eq!(
            action(Some("2026-06-30"), status).days_late(day("2026-07-02")),
            Some(2)
        );
    }
    for status in [ActionStatus::Done, ActionStatus::Abandoned] {
        let closed = action(Some("2026-06-30"), status);
        assert_eq!(closed.days_late(day("2030-01-01")), None, "{status:?}");
    }
    // No due date, or one that is not a date: never late.
    assert_eq!(
        action(None, ActionStatus::Adopted).days_late(day("2030-01-01")),
        None
    );
    assert_eq!(
        action(Some("2026-02-30"), ActionStatus::Adopted).days_late(day("2030-01-01")),
        None
    );
    // In words, in both languages.
    let text = service_range_mapper::core::plan_text::plan_text;
    assert_eq!((text(Lang::Fr).late_by)(1), "En retard d'un jour");
    assert_eq!((text(Lang::Fr).late_by)(32), "En retard de 32\u{a0}jours");
    assert_eq!((text(Lang::En).late_by)(32), "32 days late");
}

#[test]
fn validation_says_each_problem_with_its_field() {
    let config = config();
    let session = session();
    let mut a = action(Some("2026-01-10"), ActionStatus::Abandoned);
    a.title = "  ".into();
    a.start = Some("2026-02-01".into());
    a.abandoned_reason.clear();
    a.lead = Some("inconnu".into());
    a.partners = vec!["gmf".into(), "ailleurs".into()];
    a.addresses = vec![
        Addressed::Gap("g1".into()),
        Addressed::Gap("g99".into()),
        Addressed::relation("gmf", "nulle-part"),
    ];
    a.progress.push(ProgressNote {
        date: "12 mars".into(),
        text: "Rencontre".into(),
    });
    let found = problems(&config, &session, &a);
    let kinds: Vec<(ActionField, ActionProblemKind)> =
        found.iter().map(|p| (p.field, p.kind.clone())).collect();
    assert_eq!(
        kinds,
        vec![
            (ActionField::Title, ActionProblemKind::EmptyTitle),
            (
                ActionField::Addresses,
                ActionProblemKind::UnknownGap { id: "g99".into() }
            ),
            (
                ActionField::Addresses,
                ActionProblemKind::UnknownProvider {
                    id: "nulle-part".into()
                }
            ),
            (
                ActionField::Lead,
                ActionProblemKind::UnknownProvider {
                    id: "inconnu".into()
                }
            ),
            (
                ActionField::Partners,
                ActionProblemKind::UnknownProvider {
                    id: "ailleurs".into()
                }
            ),
            (
                ActionField::Due,
                ActionProblemKind::DueBeforeStart {
                    start: "2026-02-01".into(),
                    due: "2026-01-10".into()
                }
            ),
            (
                ActionField::AbandonedReason,
                ActionProblemKind::AbandonedWithoutReason
            ),
            (
                ActionField::Progress(0),
                ActionProblemKind::NotADate {
                    value: "12 mars".into()
                }
            ),
        ]
    );
    let fr: Vec<String> = found.iter().map(|p| p.text(Lang::Fr)).collect();
    assert!(
        fr.contains(
            &"Échéance\u{a0}: l'échéance (2026-01-10) tombe avant le début (2026-02-01)."
                .to_string()
        ),
        "{fr:?}"
    );
    assert!(fr.contains(
        &"Motif de l'abandon\u{a0}: une action abandonnée doit dire pourquoi.".to_string()
    ));
    assert!(fr.contains(
        &"Suivi 1\u{a0}: «\u{a0}12 mars\u{a0}» n'est pas une date (AAAA-MM-JJ).".to_string()
    ));
    let en: Vec<String> = found.iter().map(|p| p.text(Lang::En)).collect();
    assert!(
        en.contains(
            &"Lead organisation: “inconnu” is not an organisation of the range.".to_string()
        ),
        "{en:?}"
    );
    assert!(en
        .contains(&"Due: the due date (2026-01-10) is before the start (2026-02-01).".to_string()));
    assert!(
        found.iter().filter(|p| p.is_warning()).count() == 1,
        "the unknown gap only"
    );

    // Far dates are said, as warnings; a valid action has no problem.
    let mut far = action(Some("2206-05-01"), ActionStatus::Adopted);
    far.start = Some("1926-05-01".into());
    let found = problems(&config, &session, &far);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(ActionProblem::is_warning));
    assert!(
        found[1].text(Lang::Fr).contains("de 2000 à 2100"),
        "{}",
        found[1].text(Lang::Fr)
    );
    assert!(found[0]
        .text(Lang::En)
        .starts_with("Start: 1926-05-01 is outside"));
    let mut good = action(Some("2026-06-30"), ActionStatus::Adopted);
    good.start = Some("2026-06-30".into());
    good.lead = Some("cisss".into());
    good.partners = vec!["gmf".into()];
    good.addresses = vec![
        Addressed::Gap("g1".into()),
        Addressed::relation("gmf", "cisss"),
    ];
    assert_eq!(problems(&config, &session, &good), vec![]);
    good.partners.push("cisss".into());
    assert_eq!(
        problems(&config, &session, &good)[0].kind,
        ActionProblemKind::LeadAlsoPartner
    );
}

#[test]
fn statuses_follow_the_documented_rules() {
    let mut a = action(Some("2026-06-30"), ActionStatus::Proposed);
    // Any status may follow any other.
    for &to in ActionStatus::ALL
        .iter()
        .filter(|s| **s != ActionStatus::Abandoned)
    {
        for &from in ActionStatus::ALL
            .iter()
            .filter(|s| **s != ActionStatus::Abandoned)
        {
            a.status = from;
            assert_eq!(a.set_status(to, "", NOW, Lang::Fr), Ok(()));
            assert_eq!(a.status, to);
        }
    }
    // Abandoning needs a reason: refused without, nothing changes.
    a.status = ActionStatus::Adopted;
    a.modified = "before".into();
    assert_eq!(
        a.set_status(ActionStatus::Abandoned, "  ", NOW, Lang::Fr),
        Err(StatusRefused::ReasonNeeded)
    );
    assert_eq!(
        (a.status, a.modified.as_str()),
        (ActionStatus::Adopted, "before")
    );
    assert_eq!(
        StatusRefused::ReasonNeeded.text(Lang::En),
        "To abandon an action, say why."
    );
    assert_eq!(
        a.set_status(ActionStatus::Abandoned, " Pas de budget ", NOW, Lang::Fr),
        Ok(())
    );
    assert_eq!(a.abandoned_reason, "Pas de budget");
    assert_eq!(a.modified, NOW);
    // Taken up again: the reason is kept in a progress note dated that day.
    let later = "2026-09-15T09:00:00.000Z";
    a.start = None;
    assert_eq!(
        a.set_status(ActionStatus::InProgress, "", later, Lang::Fr),
        Ok(())
    );
    assert_eq!(a.abandoned_reason, "");
    assert_eq!(a.progress.len(), 1);
    assert_eq!(a.progress[0].date, "2026-09-15");
    assert!(a.progress[0].text.contains("Pas de budget"));
    // Put in progress without a start: it starts that day; a start given stays.
    assert_eq!(a.start.as_deref(), Some("2026-09-15"));
    a.status = ActionStatus::Adopted;
    a.start = Some("2026-08-01".into());
    a.set_status(ActionStatus::InProgress, "", later, Lang::Fr)
        .unwrap();
    assert_eq!(a.start.as_deref(), Some("2026-08-01"));
    // The same status changes nothing.
    a.modified = "x".into();
    a.set_status(ActionStatus::InProgress, "", later, Lang::Fr)
        .unwrap();
    assert_eq!(a.modified, "x");
    // Keys and labels.
    assert_eq!(ActionStatus::InProgress.key(), "in_progress");
    assert_eq!(ActionStatus::from_key("done"), Some(ActionStatus::Done));
    assert_eq!(ActionStatus::Done.label(Lang::Fr), "Réalisée");
    assert_eq!(ActionStatus::Abandoned.label(Lang::En), "Abandoned");
}

#[test]
fn action_ids_are_never_reused() {
    let config = config();
    let mut s = session();
    assert_eq!(s.add_action("Une", vec![], NOW), "a1");
    assert_eq!(s.add_action("Deux", vec![], NOW), "a2");
    // Marked in a milestone, then deleted: a2 is not given again.
    let (mut s, _) =
        service_range_mapper::core::milestone::mark(&config, &s, "T0", "2026-03-12", NOW).unwrap();
    s.actions.retain(|a| a.id != "a2");
    assert_eq!(s.next_action_id(), "a3");
    assert_eq!(s.action("a1").unwrap().title, "Une");
    s.action_mut("a1").unwrap().title = "Première".into();
    assert_eq!(s.actions[0].title, "Première");
    // A file with one action id twice is refused with words.
    assert!(s.check(&config).is_ok());
    let twice = s.actions[0].clone();
    s.actions.push(twice);
    assert_eq!(
        s.check(&config),
        Err(
            service_range_mapper::core::session::SessionProblem::Invalid {
                detail: "action id a1 used twice".into()
            }
        )
    );
}

#[test]
fn deleting_a_gap_leaves_a_note_in_each_action_that_addressed_it() {
    let config = config();
    let mut s = session();
    let a1 = s.add_action(
        "Équipe mobile",
        vec![Addressed::Gap("g1".into()), Addressed::Gap("g3".into())],
        NOW,
    );
    let a2 = s.add_action("Liaison", vec![Addressed::Gap("g1".into())], NOW);
    let a3 = s.add_action("Autre", vec![Addressed::Gap("g2".into())], NOW);
    let later = "2026-04-02T10:00:00.000Z";
    let removed = remove_gap(&config, &mut s, "g1", Lang::Fr, later).unwrap();
    assert_eq!(removed.id, "g1");
    assert!(s.gaps.iter().all(|g| g.id != "g1"));
    let a1 = s.action(&a1).unwrap();
    assert_eq!(a1.addresses, vec![Addressed::Gap("g3".into())]);
    assert_eq!(
        a1.detached,
        vec![DetachedGap {
            gap: Addressed::Gap("g1".into()),
            label: "Services de crise (liaison ou dispensation) — Service absent du territoire"
                .into(),
            when: later.into(),
        }]
    );
    assert_eq!(a1.modified, later);
    let a2 = s.action(&a2).unwrap();
    assert!(a2.addresses.is_empty());
    assert_eq!(a2.detached.len(), 1);
    assert_eq!(
        detached_label(&a2.detached[0], Lang::Fr),
        "Services de crise (liaison ou dispensation) — Service absent du territoire (écart supprimé le 2026-04-02)"
    );
    let a3 = s.action(&a3).unwrap();
    assert!(a3.detached.is_empty() && a3.modified == NOW, "untouched");
    // Detaching what no action addresses touches nothing; a collaboration gap detaches too.
    assert_eq!(detach_gap(&mut s, "g42", "x", later), 0);
    assert_eq!(remove_gap(&config, &mut s, "g42", Lang::Fr, later), None);
    s.actions[2]
        .addresses
        .push(Addressed::relation("hopital", "cisss"));
    assert_eq!(
        detach(
            &mut s,
            &Addressed::relation("cisss", "hopital"),
            "CISSS — Hôpital",
            later
        ),
        1
    );
    assert_eq!(s.actions[2].addresses, vec![Addressed::Gap("g2".into())]);
}

#[test]
fn the_plan_views_group_by_status_lead_and_tier() {
    let config = config();
    let mut s = session();
    s.gaps.push(gap("g4", service("urgence")));
    s.gaps.push(gap("g5", service("retire-de-la-gamme")));
    let mk = |s: &mut Session, title: &str, addresses: Vec<Addressed>| {
        let id = s.add_action(title, addresses, NOW);
        s.actions.iter().position(|a| a.id == id).unwrap()
    };
    let a = mk(
        &mut s,
        "Crise et urgence",
        vec![Addressed::Gap("g1".into()), Addressed::Gap("g4".into())],
    );
    let b = mk(&mut s, "Transport", vec![Addressed::Gap("g2".into())]);
    let c = mk(&mut s, "Hors gamme", vec![Addressed::Gap("g3".into())]);
    let d = mk(
        &mut s,
        "Liaison",
        vec![Addressed::relation("cisss", "hopital")],
    );
    let e = mk(&mut s, "Orpheline", vec![Addressed::Gap("g5".into())]);
    let f = mk(&mut s, "Sans écart", vec![]);
    let g = mk(&mut s, "Écart supprimé", vec![Addressed::Gap("g3".into())]);
    s.actions[a].status = ActionStatus::InProgress;
    s.actions[a].lead = Some("hopital".into());
    s.actions[a].due = Some("2026-09-01".into());
    s.actions[b].lead = Some("cisss".into());
    s.actions[b].due = Some("2026-05-01".into());
    s.actions[c].lead = Some("cisss".into());
    s.actions[c].status = ActionStatus::Done;
    s.actions[d].lead = Some("ancien".into());
    s.actions[d].status = ActionStatus::InProgress;
    s.actions[d].due = Some("2026-06-01".into());
    detach(
        &mut s,
        &Addressed::Gap("g3".into()),
        "Hors gamme — Absent",
        NOW,
    );

    let statuses = by_status(&s.actions);
    assert_eq!(statuses.len(), 5, "every status, empty ones too");
    assert_eq!(statuses[0], (ActionStatus::Proposed, vec![b, e, f, g]));
    // Soonest due first.
    assert_eq!(statuses[2], (ActionStatus::InProgress, vec![d, a]));
    assert_eq!(statuses[3], (ActionStatus::Done, vec![c]));
    assert_eq!(statuses[4], (ActionStatus::Abandoned, vec![]));

    let cisss = config
        .providers
        .iter()
        .position(|p| p.id == "cisss")
        .unwrap();
    let hopital = config
        .providers
        .iter()
        .position(|p| p.id == "hopital")
        .unwrap();
    let leads = by_lead(&config, &s.actions);
    assert_eq!(
        leads,
        vec![
            (LeadGroup::Provider(cisss), vec![b, c]),
            (LeadGroup::Provider(hopital), vec![a]),
            (LeadGroup::Unknown("ancien".into()), vec![d]),
            (LeadGroup::NoLead, vec![e, f, g]),
        ]
    );
    assert_eq!(
        leads[2].0.label(&config, Lang::Fr),
        "ancien (n'est plus dans la gamme)"
    );
    assert_eq!(leads[3].0.label(&config, Lang::En), "No lead organisation");

    let tier = |id: &str| config.tiers.iter().position(|t| t.id == id).unwrap();
    let tiers = by_tier(&config, &s);
    assert_eq!(
        tiers,
        vec![
            (TierGroup::Tier(tier("proximite")), vec![a]),
            (TierGroup::Tier(tier("intersectoriel")), vec![b]),
            (TierGroup::Tier(tier("specialise")), vec![a]),
            (TierGroup::Collaboration, vec![d]),
            (TierGroup::Orphaned, vec![e]),
            (TierGroup::Detached, vec![c, g]),
            (TierGroup::Unaddressed, vec![f]),
        ]
    );
    assert_eq!(
        TierGroup::Collaboration.label(&config, Lang::Fr),
        "Écarts de collaboration"
    );

    let sum = summary(&s.actions, day("2026-07-01"));
    assert_eq!(sum.total(), 7);
    assert_eq!(sum.count(ActionStatus::Proposed), 4);
    assert_eq!(sum.late, vec![(b, 61), (d, 30)], "the latest first");
}

fn plan_session() -> Session {
    let mut s = session();
    let a1 = s.add_action(
        "=HYPERLINK(\"http://x\") équipe",
        vec![
            Addressed::Gap("g1".into()),
            Addressed::relation("gmf", "cisss"),
        ],
        NOW,
    );
    {
        let a = s.action_mut(&a1).unwrap();
        a.lead = Some("cisss".into());
        a.partners = vec!["gmf".into(), "hopital".into()];
        a.start = Some("2026-03-15".into());
        a.due = Some("2026-06-30".into());
        a.status = ActionStatus::InProgress;
        a.indicator = "Délai d'attente".into();
        a.target = "Moins de 2 semaines".into();
        a.budget = "40 000 $".into();
        a.progress.push(ProgressNote {
            date: "2026-04-01".into(),
            text: "=1+1, première rencontre; suite\nau comité".into(),
        });
    }
    let a2 = s.add_action(
        "Transport adapté, soir",
        vec![Addressed::Gap("g2".into())],
        NOW,
    );
    s.action_mut(&a2).unwrap().due = Some("2026-12-01".into());
    s.action_mut(&a2).unwrap().status = ActionStatus::Abandoned;
    s.action_mut(&a2).unwrap().abandoned_reason = "Pas de transporteur".into();
    // No due date: in the CSV, not in the calendar.
    s.add_action(
        "Bottin de ressources",
        vec![Addressed::Gap("g3".into())],
        NOW,
    );
    s
}

#[test]
fn the_plan_csv_reads_back_one_row_per_action_with_its_gaps() {
    let config = config();
    let s = plan_session();
    let bytes = plan_csv(&config, &s, Lang::Fr, day("2026-07-10"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[0], "No");
    assert_eq!(header[8], "Écarts visés");
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let r = &rows[0];
    assert_eq!(r[col("No")], "a1");
    assert_eq!(
        r[col("Action")],
        "'=HYPERLINK(\"http://x\") équipe",
        "formula neutralised"
    );
    assert_eq!(r[col("Statut")], "En cours");
    assert_eq!(r[col("Retard")], "En retard de 10\u{a0}jours");
    assert_eq!(
        r[col("Organisation responsable")],
        "CISSS de l'Estuaire — installation CLSC des Pins"
    );
    assert!(r[col("Partenaires")].contains(", "));
    assert_eq!(
        r[col("Écarts visés")],
        "Services de crise (liaison ou dispensation) — Service absent du territoire ; Collaboration\u{a0}: CISSS de l'Estuaire — installation CLSC des Pins — GMF des Deux-Rives"
    );
    assert_eq!(r[col("Budget")], "40 000 $");
    assert_eq!(
        r[col("Suivi")],
        "2026-04-01\u{a0}: =1+1, première rencontre; suite\nau comité"
    );
    assert_eq!(rows[1][col("Statut")], "Abandonnée");
    assert_eq!(rows[1][col("Motif de l'abandon")], "Pas de transporteur");
    assert_eq!(rows[1][col("Retard")], "", "abandoned: never late");
    assert_eq!(
        rows[1][col("Écarts visés")],
        "Services intersectoriels dans le milieu — Tout le palier — Bris de continuité"
    );
    assert_eq!(rows[2][col("Échéance")], "");
    // English headers and words.
    let en = plan_csv(&config, &s, Lang::En, day("2026-07-10"));
    let mut reader = csv::Reader::from_reader(&en[3..]);
    assert_eq!(reader.headers().unwrap().get(1), Some("Action"));
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(first.get(2), Some("In progress"));
    assert_eq!(first.get(3), Some("10 days late"));
}

#[test]
fn a_note_starting_with_equals_is_prefixed_in_the_csv() {
    let config = config();
    let mut s = session();
    let id = s.add_action("Action", vec![], NOW);
    s.action_mut(&id).unwrap().budget = "=SUM(A1:A9)".into();
    s.action_mut(&id).unwrap().progress.push(ProgressNote {
        date: "2026-04-01".into(),
        text: "x".into(),
    });
    s.action_mut(&id).unwrap().indicator = "@cmd".into();
    let bytes = plan_csv(&config, &s, Lang::En, day("2026-04-01"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(row.get(12), Some("'=SUM(A1:A9)"));
    assert_eq!(row.get(10), Some("'@cmd"));
}

#[test]
fn the_calendar_reads_back_with_one_all_day_event_per_due_date() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let config = config();
    let s = plan_session();
    let text = plan_ical(&config, &s, Lang::Fr, NOW, day("2026-07-10"));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "folded: {line}");
    }
    let calendar: Calendar = text.parse().expect("icalendar reads it");
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(
        events.len(),
        2,
        "the action without a due date has no event"
    );
    let e = events[0];
    assert_eq!(e.get_summary(), Some("=HYPERLINK(\"http://x\") équipe"));
    match e.get_start() {
        Some(DatePerhapsTime::Date(d)) => assert_eq!(d.to_string(), "2026-06-30"),
        other => panic!("an all-day start: {other:?}"),
    }
    match e.get_end() {
        Some(DatePerhapsTime::Date(d)) => assert_eq!(d.to_string(), "2026-07-01"),
        other => panic!("an all-day end: {other:?}"),
    }
    let uid = e.get_uid().unwrap();
    assert_eq!(uid, action_uid("exemple-sante-mentale-estuaire", "a1"));
    assert_eq!(
        uid,
        "a1.exemple-sante-mentale-estuaire@service-range-mapper"
    );
    let description = e.get_description().unwrap();
    assert!(
        description.contains("Statut\u{a0}: En cours"),
        "{description}"
    );
    assert!(description.contains("Services de crise"), "{description}");
    assert!(description.contains("Organisation responsable\u{a0}: CISSS"));
    assert!(text.contains("DTSTAMP:20260312T141500Z"));
    let abandoned = events[1];
    assert_eq!(abandoned.get_summary(), Some("Transport adapté, soir"));
    assert_eq!(
        abandoned.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    // The same action gets the same UID at every export, another config another one.
    let again = plan_ical(
        &config,
        &s,
        Lang::En,
        "2027-01-01T00:00:00Z",
        day("2027-01-01"),
    );
    assert!(again.contains("UID:a1.exemple-sante-mentale-estuaire@service-range-mapper"));
    assert_ne!(action_uid("territory:Autre lieu", "a1"), uid);
    assert_eq!(
        action_uid("territory:Autre lieu", "a1"),
        "a1.territory%3AAutre%20lieu@service-range-mapper"
    );
    assert_eq!(ical_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
}

#[test]
fn the_report_keeps_its_form_without_a_plan_and_adds_the_progress_section_with_one() {
    let config = config();
    let range = range(&config);
    let plain = session();
    let today = day("2026-07-10");
    let before = report(&config, &range, &plain, Lang::Fr, "10 juillet 2026");
    let with = progress_report(&config, &range, &plain, Lang::Fr, "10 juillet 2026", today);
    assert!(with.progress.is_none());
    assert_eq!(markdown(&before), markdown(&with));
    assert_eq!(html(&before), html(&with));

    let mut s = plan_session();
    s.gaps[0].severity = GapSeverity::High;
    let (marked, _) = service_range_mapper::core::milestone::mark(
        &config,
        &s,
        "T0 — atelier du 12 mars",
        "2026-03-12",
        NOW,
    )
    .unwrap();
    let mut s = marked;
    s.action_mut("a1").unwrap().status = ActionStatus::Done;
    s.gaps.retain(|g| g.id != "g3");
    let r = progress_report(&config, &range, &s, Lang::Fr, "10 juillet 2026", today);
    let p = r.progress.as_ref().unwrap();
    assert_eq!(
        p.since,
        "Depuis le jalon «\u{a0}T0 — atelier du 12 mars\u{a0}» (2026-03-12)"
    );
    assert!(
        p.changes
            .iter()
            .any(|l| l.starts_with("Écart fermé\u{a0}: Besoins hors gamme")),
        "{:?}",
        p.changes
    );
    assert!(p
        .changes
        .iter()
        .any(|l| l.starts_with("Action réalisée\u{a0}: =HYPERLINK")));
    let md = markdown(&r);
    assert!(md.contains("## Rapport d'étape\u{a0}: plan d'action"));
    assert!(md.contains("### Tableau de bord"));
    assert!(
        md.contains("| T0 — atelier du 12 mars | 2026-03-12 |"),
        "{md}"
    );
    assert!(md.contains("| Maintenant | 2026-07-10 |"));
    // What changed and the plan come first, then the inventory.
    let at = |text: &str, what: &str| text.find(what).unwrap_or_else(|| panic!("{what}"));
    assert!(md.starts_with("# Rapport d'étape — "), "{md}");
    assert!(at(&md, "## Rapport d'étape") < at(&md, "## Couverture par palier"));
    let h = html(&r);
    assert!(at(&h, "<h2>Rapport d&#39;étape") < at(&h, "<h2>Couverture par palier"));
    assert!(h.contains("<h2>Rapport d&#39;étape\u{a0}: plan d&#39;action</h2>"));
    assert!(
        h.contains("=HYPERLINK(&quot;http://x&quot;) équipe"),
        "escaped"
    );
    assert!(!h.contains("HYPERLINK(\"http"));
    let en = markdown(&progress_report(
        &config,
        &range,
        &s,
        Lang::En,
        "July 10, 2026",
        today,
    ));
    assert!(en.contains("## Progress report: action plan"));
    assert!(en.contains("Action done: =HYPERLINK"));
}
