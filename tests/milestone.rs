//! Native tests of milestones: marking (refusals, same-day warnings), orphans of an older
//! config version, the comparison of two moments (property tests: a milestone compared with
//! itself shows no change; b with a is the inverse of a with b), the dashboard's series, the
//! session file (round trip, items unchanged since the milestone before written by id,
//! older files unchanged), and an ignored timing test at the figures.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::gap;
use proptest::prelude::*;
use service_range_mapper::core::continuum::Network;
use service_range_mapper::core::contribution::{Agreed, Decision, Item};
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::gaps::{Coverage, Gap, GapSeverity, GapTarget};
use service_range_mapper::core::milestone::*;
use service_range_mapper::core::model::{Config, Mechanism};
use service_range_mapper::core::plan::{parse_date, ActionStatus, Addressed, PlanAction};
use service_range_mapper::core::session::{Fit, RelationEdit, Session};
use service_range_mapper::core::text::{Lang, Text};
use std::collections::BTreeMap;
use std::rc::Rc;

const NOW: &str = "2026-03-12T14:15:00.000Z";

fn config() -> Config {
    default_config().config.unwrap()
}

fn service(id: &str) -> GapTarget {
    GapTarget::Service { service: id.into() }
}

fn edit(a: &str, b: &str, level: &str, mechanisms: Vec<Mechanism>) -> RelationEdit {
    RelationEdit {
        providers: [a.into(), b.into()],
        level: level.into(),
        target: None,
        mechanisms,
    }
}

fn action(id: &str, title: &str, status: ActionStatus) -> PlanAction {
    let mut a = PlanAction::new(id.into(), title, vec![], NOW);
    a.status = status;
    a
}

#[test]
fn marking_refuses_no_label_or_no_date_and_says_two_on_one_day() {
    let config = config();
    let s = Session::new(&config);
    assert_eq!(
        mark(&config, &s, "  ", "2026-03-12", NOW).unwrap_err(),
        MarkRefused::EmptyLabel
    );
    let refused = mark(&config, &s, "T0", "12 mars", NOW).unwrap_err();
    assert_eq!(
        refused,
        MarkRefused::NotADate {
            value: "12 mars".into()
        }
    );
    assert_eq!(
        refused.text(Lang::Fr),
        "Date\u{a0}: «\u{a0}12 mars\u{a0}» n'est pas une date (AAAA-MM-JJ)."
    );
    assert_eq!(
        MarkRefused::EmptyLabel.text(Lang::En),
        "Give the milestone a name (“T0 — workshop of 12 March”)."
    );

    let (s, warnings) = mark(&config, &s, "T0 — atelier du 12 mars", "2026-03-12", NOW).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(s.milestones.len(), 1);
    let m = &s.milestones[0];
    assert_eq!(
        (m.id.as_str(), m.date.as_str(), m.taken.as_str()),
        ("m1", "2026-03-12", NOW)
    );
    assert_eq!(m.fingerprint, s.fingerprint);
    assert!(!m.other_version(&config));

    // A second one the same day: kept, and said.
    let (s, warnings) = mark(&config, &s, "T0 bis — après-midi", "2026-03-12", NOW).unwrap();
    assert_eq!(s.milestones.len(), 2);
    assert_eq!(s.milestones[1].id, "m2");
    assert_eq!(
        warnings,
        vec![MarkWarning::SameDay {
            date: "2026-03-12".into(),
            other: "T0 — atelier du 12 mars".into()
        }]
    );
    assert_eq!(
        warnings[0].text(Lang::Fr),
        "Un autre jalon porte déjà la date du 2026-03-12\u{a0}: «\u{a0}T0 — atelier du 12 mars\u{a0}». Les deux sont gardés."
    );
    // Far in the future: kept, and said.
    let (s, warnings) = mark(&config, &s, "T9", "2226-09-15", NOW).unwrap();
    assert_eq!(
        warnings,
        vec![MarkWarning::FarDate {
            value: "2226-09-15".into()
        }]
    );
    assert!(warnings[0]
        .text(Lang::En)
        .contains("outside the allowed period (2000 to 2100)"));
    // Removed, then marked again: ids follow the highest left.
    let s = remove(&s, "m2");
    assert_eq!(s.milestones.len(), 2);
    let (s, _) = mark(&config, &s, "T1", "2026-09-15", NOW).unwrap();
    assert_eq!(s.milestones[2].id, "m4");
    assert_eq!(chronological(&s.milestones), vec![0, 2, 1]);
    assert_eq!(latest(&s.milestones), Some(1));
}

#[test]
fn a_milestone_is_frozen_and_shared_between_session_versions() {
    let config = config();
    let mut s = Session::new(&config);
    s.gaps.push(gap("g1", service("crise")));
    let (mut s, _) = mark(&config, &s, "T0", "2026-03-12", NOW).unwrap();
    let copy = s.clone();
    assert!(Rc::ptr_eq(&s.milestones, &copy.milestones), "not copied");
    s.gaps.clear();
    s.coverage.insert("crise".into(), Coverage::Covered);
    assert_eq!(s.milestones[0].snapshot.gaps.len(), 1, "frozen");
    assert!(s.milestones[0].snapshot.coverage.is_empty());
}

/// A config without the service `crise`, the provider `gmf` and the tier `specialise`.
fn older_config_removed() -> Config {
    let mut c = config();
    c.services
        .retain(|s| s.id != "crise" && s.tier != "specialise");
    c.offers
        .retain(|o| c.services.iter().any(|s| s.id == o.service));
    c.providers.retain(|p| p.id != "gmf");
    c.tiers.retain(|t| t.id != "specialise");
    if let Some(continuum) = &mut c.continuum {
        Rc::make_mut(continuum)
            .relations
            .retain(|r| !r.providers.iter().any(|p| p == "gmf"));
    }
    c
}

#[test]
fn milestones_of_an_older_config_keep_and_list_their_orphans() {
    let config = config();
    let mut s = Session::new(&config);
    s.coverage.insert("crise".into(), Coverage::Partial);
    s.coverage.insert("entraide".into(), Coverage::Covered);
    s.gaps.push(gap("g1", service("crise")));
    s.gaps.push(gap(
        "g2",
        GapTarget::Tier {
            tier: "specialise".into(),
        },
    ));
    s.gaps.push(gap("g3", service("entraide")));
    s.relations.push(edit("cisss", "gmf", "coalition", vec![]));
    s.relations
        .push(edit("cisss", "hopital", "integration", vec![]));
    let mut a = action("a1", "Liaison", ActionStatus::Adopted);
    a.lead = Some("gmf".into());
    a.partners = vec!["cisss".into(), "gmf".into()];
    a.addresses = vec![Addressed::relation("gmf", "hopital")];
    s.actions.push(a);
    let (s, _) = mark(&config, &s, "T0", "2026-03-12", NOW).unwrap();

    // The range changed since: the milestone keeps everything and says what is gone.
    let newer = older_config_removed();
    let m = &s.milestones[0];
    assert!(m.other_version(&newer));
    let found = orphans(&newer, m, Lang::Fr);
    assert_eq!(
        found,
        vec![
            MilestoneOrphan::Service("crise".into()),
            MilestoneOrphan::Gap {
                id: "g1".into(),
                label: "crise — Service absent du territoire".into()
            },
            MilestoneOrphan::Gap {
                id: "g2".into(),
                label: "specialise — Tout le palier — Service absent du territoire".into()
            },
            MilestoneOrphan::Relation(["cisss".into(), "gmf".into()]),
            MilestoneOrphan::Provider("gmf".into()),
        ]
    );
    assert_eq!(
        found[0].text(Lang::Fr),
        "Service «\u{a0}crise\u{a0}» (n'est plus dans la gamme)"
    );
    assert_eq!(
        found[3].text(Lang::En),
        "Relation cisss — gmf (organisation or level removed)"
    );
    assert!(orphans(&config, m, Lang::Fr).is_empty());
    assert_eq!(m.snapshot.gaps.len(), 3, "nothing dropped");

    // Compared under the newer config: what it has is compared, nothing panics.
    let mut now = s.clone();
    now.coverage.insert("entraide".into(), Coverage::Partial);
    let basis = Basis::new(&newer);
    let changes = compare_views(&newer, &basis, m.snapshot.view(), View::of_session(&now));
    assert_eq!(changes.services.len(), 1);
    assert!(changes.closed.is_empty() && changes.opened.is_empty());
    // And the progress report lists the orphans.
    let r = service_range_mapper::core::export::progress_report(
        &newer,
        &service_range_mapper::core::figures::range(&newer),
        &now,
        Lang::Fr,
        "x",
        parse_date("2026-04-01").unwrap(),
    );
    let p = r.progress.unwrap();
    assert_eq!(p.orphans.len(), 5);
    assert!(p.orphans[0].starts_with("T0\u{a0}: Service «\u{a0}crise"));
}

#[test]
fn the_comparison_tells_coverage_gaps_relations_indicators_and_actions() {
    let config = config();
    let mut s = Session::new(&config);
    s.gaps.push(gap("g1", service("crise")));
    s.gaps.push(gap("g2", service("transport")));
    s.relations.push(edit(
        "cisss",
        "gmf",
        "coordination",
        vec![Mechanism::LiaisonOfficer],
    ));
    s.actions
        .push(action("a1", "Équipe mobile", ActionStatus::InProgress));
    s.actions
        .push(action("a2", "Bottin", ActionStatus::Adopted));
    let (t0, _) = mark(&config, &s, "T0", "2026-03-12", NOW).unwrap();
    let mut s = t0.clone();
    // The offers say the crisis services are covered; the workshop says they are not.
    s.coverage.insert("crise".into(), Coverage::Absent);
    s.gaps.retain(|g| g.id != "g1");
    s.gaps[0].severity = GapSeverity::High;
    s.gaps.push(gap("g3", GapTarget::Other));
    s.relations[0] = edit(
        "cisss",
        "gmf",
        "coalition",
        vec![Mechanism::LiaisonOfficer, Mechanism::SharedCare],
    );
    s.actions[0].status = ActionStatus::Done;
    s.actions[1].status = ActionStatus::Abandoned;
    s.actions
        .push(action("a3", "Transport du soir", ActionStatus::Proposed));
    let (s, _) = mark(&config, &s, "T1", "2026-09-15", "2026-09-15T10:00:00Z").unwrap();

    let (before, after) = (&s.milestones[0].snapshot, &s.milestones[1].snapshot);
    let c = compare(&config, before, after);
    assert!(!c.is_empty());
    let proximity = &c.coverage[0];
    assert_eq!(proximity.after.covered + 1, proximity.before.covered);
    assert_eq!(proximity.after.absent, proximity.before.absent + 1);
    assert_eq!(c.services.len(), 1);
    assert_eq!(c.services[0].before, Coverage::Covered);
    assert_eq!(c.services[0].after, Coverage::Absent);
    assert_eq!(c.closed, vec![0], "g1");
    assert_eq!(c.opened, vec![1], "g3");
    assert_eq!(c.severity, vec![(1, 0)], "g2: medium → high");
    let cisss = config
        .providers
        .iter()
        .position(|p| p.id == "cisss")
        .unwrap();
    let gmf = config.providers.iter().position(|p| p.id == "gmf").unwrap();
    assert_eq!(c.relations.len(), 1);
    let r = &c.relations[0];
    assert_eq!((r.a, r.b), (cisss.min(gmf), cisss.max(gmf)));
    assert_eq!((r.before, r.after), (3, 4), "coordination → coalition");
    assert_eq!(r.added, vec![Mechanism::SharedCare]);
    assert!(r.removed.is_empty());
    assert!(c.collaboration.1.mean_level > c.collaboration.0.mean_level);
    assert_eq!(c.done, vec![0]);
    assert_eq!(c.statuses, vec![(0, 0), (1, 1)]);
    assert_eq!(c.added, vec![2]);
    assert!(c.removed.is_empty() && c.undone.is_empty());

    let basis = Basis::new(&config);
    let lines = change_lines(&config, &basis, before.view(), after.view(), &c, Lang::Fr);
    let expect = [
        "Services de proximité\u{a0}: ",
        "Écart fermé\u{a0}: Services de crise (liaison ou dispensation) — Service absent du territoire",
        "Nouvel écart\u{a0}: Besoins hors gamme — Service absent du territoire",
        "Gravité de l'écart Transport (municipal, scolaire, adapté) — Service absent du territoire\u{a0}: Moyenne → Élevée",
        "Relation CISSS de l'Estuaire — installation CLSC des Pins — GMF des Deux-Rives\u{a0}: Coordination → Coalition",
        "Mécanismes ajoutés (CISSS de l'Estuaire — installation CLSC des Pins — GMF des Deux-Rives)\u{a0}: ",
        "Action réalisée\u{a0}: Équipe mobile",
        "Bottin\u{a0}: Adoptée → Abandonnée",
        "Nouvelle action\u{a0}: Transport du soir",
    ];
    for e in expect {
        assert!(lines.iter().any(|l| l.starts_with(e)), "{e}\n{lines:#?}");
    }
    let en = change_lines(&config, &basis, before.view(), after.view(), &c, Lang::En);
    assert!(
        en.iter().any(|l| l == "Action done: Équipe mobile"),
        "{en:#?}"
    );
    // Said once: done, not also as a status change.
    assert!(
        !lines.iter().any(|l| l.starts_with("Équipe mobile")),
        "{lines:#?}"
    );
}

#[test]
fn the_dashboard_has_every_milestone_in_date_order_then_now() {
    let config = config();
    let mut s = Session::new(&config);
    let mut late = action("a1", "En retard", ActionStatus::Adopted);
    late.due = Some("2026-06-01".into());
    s.actions.push(late);
    // Marked out of order: September first, then March.
    let (s, _) = mark(&config, &s, "T1", "2026-09-15", "2026-09-15T10:00:00Z").unwrap();
    let mut s2 = s.clone();
    s2.gaps.push(gap("g1", service("crise")));
    let (s, _) = mark(&config, &s2, "T0", "2026-03-12", "2026-09-16T10:00:00Z").unwrap();
    let mut s = s;
    s.actions[0].status = ActionStatus::Done;
    s.coverage.insert("crise".into(), Coverage::Absent);
    let d = dashboard(&config, &s, parse_date("2026-10-01").unwrap(), Lang::Fr);
    let labels: Vec<&str> = d.points.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["T0", "T1", "Maintenant"]);
    assert_eq!(d.points[0].milestone, Some(1));
    assert_eq!(d.points[2].milestone, None);
    assert_eq!(d.points[2].date, "2026-10-01");
    assert_eq!(
        d.series(Measure::Gaps),
        vec![Some(1.0), Some(0.0), Some(1.0)]
    );
    // Late counted on each point's own date: not in March, yes in September, done now.
    assert_eq!(
        d.series(Measure::ActionsLate),
        vec![Some(0.0), Some(1.0), Some(0.0)]
    );
    assert_eq!(
        d.series(Measure::ActionsDone),
        vec![Some(0.0), Some(0.0), Some(1.0)]
    );
    let covered = d.series(Measure::Covered(0));
    assert_eq!(covered[2], covered[1].map(|c| c - 1.0));
    assert_eq!(d.tiers.len(), 3);
    assert_eq!(d.top_level, 5);
    let measures = d.measures();
    assert_eq!(measures.len(), 3 + 7);
    assert_eq!(Measure::Density.max(&d, &d.points[0]), Some(1.0));
    let (header, rows) = d.table(&config, Lang::Fr);
    assert_eq!(header.len(), 2 + measures.len());
    assert_eq!(header[2], "Services couverts — Services de proximité");
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    assert_eq!(rows[0][0], "T0");
    assert!(rows[0][header
        .iter()
        .position(|h| h == "Densité des relations")
        .unwrap()]
    .ends_with('%'));
}

// ---- Property tests.

fn config_ids() -> (Vec<String>, Vec<String>) {
    let c = config();
    (
        c.services.iter().map(|s| s.id.clone()).collect(),
        c.providers.iter().map(|p| p.id.clone()).collect(),
    )
}

fn any_gap() -> impl Strategy<Value = Gap> {
    let (services, _) = config_ids();
    (
        0u8..14,
        prop::sample::select(GapSeverity::ALL.to_vec()),
        prop_oneof![
            prop::sample::select(services).prop_map(|s| GapTarget::Service { service: s }),
            Just(GapTarget::Tier {
                tier: "intersectoriel".into()
            }),
            Just(GapTarget::Other),
            Just(GapTarget::Service {
                service: "retire".into()
            }),
        ],
    )
        .prop_map(|(n, severity, target)| {
            let mut g = gap(&format!("g{n}"), target);
            g.severity = severity;
            g
        })
}

fn any_edit() -> impl Strategy<Value = RelationEdit> {
    let (_, mut providers) = config_ids();
    providers.truncate(6);
    providers.push("ancien".into());
    (
        prop::sample::select(providers.clone()),
        prop::sample::select(providers),
        prop::sample::select(vec![
            "none",
            "communication",
            "coalition",
            "integration",
            "inconnu",
        ]),
        prop::option::of(prop::sample::select(vec!["coordination", "integration"])),
        prop::sample::subsequence(
            vec![
                Mechanism::LiaisonOfficer,
                Mechanism::SharedCare,
                Mechanism::Merger,
            ],
            0..=3,
        ),
    )
        .prop_filter("two providers", |(a, b, ..)| a != b)
        .prop_map(|(a, b, level, target, mechanisms)| {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            RelationEdit {
                providers: [a, b],
                level: level.into(),
                target: target.map(String::from),
                mechanisms,
            }
        })
}

fn any_action() -> impl Strategy<Value = PlanAction> {
    (
        0u8..10,
        prop::sample::select(ActionStatus::ALL.to_vec()),
        prop::option::of(prop::sample::select(vec![
            "2026-01-01",
            "2026-06-30",
            "2027-02-28",
        ])),
        "[ -~é]{0,10}",
        prop::option::of(prop::sample::select(vec!["cisss", "gmf", "ancien"])),
    )
        .prop_map(|(n, status, due, title, lead)| {
            let mut a = action(&format!("a{n}"), &title, status);
            a.due = due.map(String::from);
            a.lead = lead.map(String::from);
            if n.is_multiple_of(3) {
                a.addresses = vec![
                    Addressed::Gap(format!("g{n}")),
                    Addressed::relation("gmf", "cisss"),
                ];
            }
            a
        })
}

fn any_decision() -> impl Strategy<Value = Decision> {
    let (services, _) = config_ids();
    (
        prop::sample::select(services),
        prop::sample::select(Coverage::ALL.to_vec()),
    )
        .prop_map(|(service, coverage)| Decision {
            item: Item::Service(service),
            agreed: Agreed::Coverage(coverage),
            note: String::new(),
            decided: NOW.into(),
        })
}

/// Unique by key, in first-seen order (sessions hold one item per id or pair).
fn unique<T, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = std::collections::BTreeSet::new();
    items.into_iter().filter(|x| seen.insert(key(x))).collect()
}

fn any_snapshot() -> impl Strategy<Value = Snapshot> {
    let (services, _) = config_ids();
    (
        prop::collection::btree_map(
            prop::sample::select(services),
            prop::sample::select(Coverage::ALL.to_vec()),
            0..8,
        ),
        prop::collection::vec(any_gap(), 0..10),
        prop::collection::vec(any_edit(), 0..8),
        prop::collection::vec(any_decision(), 0..4),
        prop::collection::vec(any_action(), 0..7),
    )
        .prop_map(|(coverage, gaps, relations, decisions, actions)| Snapshot {
            coverage,
            gaps: unique(gaps, |g| g.id.clone()),
            relations: unique(relations, |r| r.providers.clone()),
            decisions: unique(decisions, |d| d.item.clone()),
            actions: unique(actions, |a| a.id.clone()),
        })
}

/// `b`, made from `a` with some of `b`'s items over it: most items stay the same, as they
/// do between two milestones (and the file writes them by id).
fn evolved(a: &Snapshot, b: Snapshot, keep: bool) -> Snapshot {
    if !keep {
        return b;
    }
    fn over<T: Clone, K: Ord>(a: &[T], b: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
        let mut out: Vec<T> = a.to_vec();
        for item in b {
            match out.iter().position(|x| key(x) == key(&item)) {
                Some(i) => out[i] = item,
                None => out.push(item),
            }
        }
        out
    }
    Snapshot {
        coverage: a.coverage.clone().into_iter().chain(b.coverage).collect(),
        gaps: over(&a.gaps, b.gaps, |g| g.id.clone()),
        relations: over(&a.relations, b.relations, |r| r.providers.clone()),
        decisions: over(&a.decisions, b.decisions, |d| d.item.clone()),
        actions: over(&a.actions, b.actions, |x| x.id.clone()),
    }
}

fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    let mut v = v.to_vec();
    v.sort();
    v
}

fn swapped(v: &[(usize, usize)]) -> Vec<(usize, usize)> {
    sorted(&v.iter().map(|&(x, y)| (y, x)).collect::<Vec<_>>())
}

fn assert_inverse(ab: &MilestoneChanges, ba: &MilestoneChanges) {
    assert_eq!(ab.coverage.len(), ba.coverage.len());
    for (x, y) in ab.coverage.iter().zip(&ba.coverage) {
        assert_eq!(
            (x.position, x.before, x.after),
            (y.position, y.after, y.before)
        );
    }
    let services: Vec<_> = ba
        .services
        .iter()
        .map(|s| (s.service, s.after, s.before))
        .collect();
    assert_eq!(
        ab.services
            .iter()
            .map(|s| (s.service, s.before, s.after))
            .collect::<Vec<_>>(),
        services
    );
    assert_eq!(ab.closed, ba.opened);
    assert_eq!(ab.opened, ba.closed);
    assert_eq!(sorted(&ab.severity), swapped(&ba.severity));
    assert_eq!(ab.relations.len(), ba.relations.len());
    for (x, y) in ab.relations.iter().zip(&ba.relations) {
        assert_eq!((x.a, x.b), (y.a, y.b));
        assert_eq!((x.before, x.after), (y.after, y.before));
        assert_eq!((&x.added, &x.removed), (&y.removed, &y.added));
    }
    assert_eq!(ab.collaboration.0, ba.collaboration.1);
    assert_eq!(ab.collaboration.1, ba.collaboration.0);
    assert_eq!(ab.done, ba.undone);
    assert_eq!(ab.undone, ba.done);
    assert_eq!(sorted(&ab.statuses), swapped(&ba.statuses));
    assert_eq!(ab.added, ba.removed);
    assert_eq!(ab.removed, ba.added);
    assert_eq!(ab.decided, ba.undecided);
    assert_eq!(ab.undecided, ba.decided);
    assert_eq!(ab.is_empty(), ba.is_empty());
}

fn any_session() -> impl Strategy<Value = Session> {
    (
        any_snapshot(),
        prop::collection::vec((any_snapshot(), any::<bool>(), 0u8..3), 0..5),
    )
        .prop_map(|(now, marks)| {
            let config = config();
            let mut s = Session::new(&config);
            s.coverage = now.coverage;
            s.gaps = now.gaps;
            s.relations = now.relations;
            s.decisions = now.decisions;
            s.actions = now.actions;
            let mut milestones: Vec<Milestone> = Vec::new();
            for (i, (snapshot, keep, day)) in marks.into_iter().enumerate() {
                let snapshot = match milestones.last() {
                    Some(m) => evolved(&m.snapshot, snapshot, keep),
                    None => snapshot,
                };
                milestones.push(Milestone {
                    id: format!("m{}", i + 1),
                    label: format!("T{i} — «\u{a0}bilan\u{a0}»"),
                    date: format!("2026-0{}-1{day}", i + 1),
                    taken: NOW.into(),
                    fingerprint: if day == 2 {
                        "ancienne".into()
                    } else {
                        s.fingerprint.clone()
                    },
                    snapshot,
                });
            }
            s.milestones = Rc::new(milestones);
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_milestone_compared_with_itself_shows_no_change(a in any_snapshot()) {
        let config = config();
        let c = compare(&config, &a, &a);
        prop_assert!(c.is_empty(), "{c:#?}");
        let basis = Basis::new(&config);
        prop_assert!(change_lines(&config, &basis, a.view(), a.view(), &c, Lang::Fr).is_empty());
    }

    #[test]
    fn comparing_b_with_a_is_the_inverse_of_a_with_b(
        a in any_snapshot(),
        b in any_snapshot(),
        keep in any::<bool>(),
    ) {
        let config = config();
        let b = evolved(&a, b, keep);
        let ab = compare(&config, &a, &b);
        let ba = compare(&config, &b, &a);
        assert_inverse(&ab, &ba);
        // Said in words, as many lines either way.
        let basis = Basis::new(&config);
        let lab = change_lines(&config, &basis, a.view(), b.view(), &ab, Lang::En);
        let lba = change_lines(&config, &basis, b.view(), a.view(), &ba, Lang::En);
        prop_assert_eq!(lab.len(), lba.len());
    }

    #[test]
    fn a_session_with_actions_and_milestones_reads_back_identical(s in any_session()) {
        let text = serde_json::to_string(&s).unwrap();
        let back: Session = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &s);
        // Written again, the same text.
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
        // And through a generic JSON value (how the browser build hands it over).
        let value = serde_json::to_value(&s).unwrap();
        let again: Session = serde_json::from_value(value).unwrap();
        prop_assert_eq!(again, s);
    }
}

#[test]
fn an_item_unchanged_since_the_milestone_before_is_written_by_its_id() {
    let config = config();
    let mut s = Session::new(&config);
    s.gaps.push(gap("g1", service("crise")));
    s.gaps.push(gap("g2", service("entraide")));
    s.relations.push(edit("cisss", "gmf", "coalition", vec![]));
    s.actions
        .push(action("a1", "Équipe mobile", ActionStatus::Adopted));
    let (s, _) = mark(&config, &s, "T0", "2026-03-12", NOW).unwrap();
    let mut s = s;
    s.gaps[1].severity = GapSeverity::High;
    let (s, _) = mark(&config, &s, "T1", "2026-09-15", NOW).unwrap();
    let value = serde_json::to_value(&s).unwrap();
    let t1 = &value["milestones"][1]["snapshot"];
    assert_eq!(t1["gaps"][0], "g1");
    assert_eq!(t1["gaps"][1]["severity"], "high", "changed: whole");
    assert_eq!(t1["relations"][0], serde_json::json!(["cisss", "gmf"]));
    assert_eq!(t1["actions"][0], "a1");
    let t0 = &value["milestones"][0]["snapshot"];
    assert_eq!(t0["gaps"][0]["id"], "g1", "the first milestone is whole");
    let back: Session = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, s);
    assert_eq!(back.milestones[1].snapshot.gaps[0], s.gaps[0]);

    // A reference to nothing is refused with words, not read half.
    let mut broken = value;
    broken["milestones"][1]["snapshot"]["gaps"][0] = "g9".into();
    let err = serde_json::from_value::<Session>(broken)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("milestone m2: gap g9 is not in the milestone before it"),
        "{err}"
    );
}

#[test]
fn the_session_file_saved_before_the_plan_reads_and_writes_back_unchanged() {
    let config = config();
    for file in [
        "tests/fixtures/session-before-contributions.json",
        "tests/fixtures/session-before-plan.json",
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let session: Session = serde_json::from_str(&text).unwrap();
        assert_eq!(session.check(&config), Ok(Fit::Same), "{file}");
        assert!(session.actions.is_empty() && session.milestones.is_empty());
        let before: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_value(&session).unwrap(), before, "{file}");
    }
    let text = std::fs::read_to_string("tests/fixtures/session-before-plan.json").unwrap();
    let session: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(session.contributions.len(), 2);
    assert_eq!(session.decisions.len(), 2);
    assert!(session.privacy);
    assert_eq!(session.gaps.len(), 2);
}

/// The session of `tests/fixtures/session-before-plan.json`: contributions and decisions,
/// no plan. Run `cargo test --test milestone -- --ignored write_the_fixture` to write it
/// again (it was written so, and is checked in).
fn session_before_plan() -> Session {
    use service_range_mapper::core::contribution::{
        Contribution, Contributor, RelationRating, CONTRIBUTION_FORMAT, CONTRIBUTION_VERSION,
    };
    use service_range_mapper::core::gaps::Perspective;
    let config = config();
    let mut s = Session::new(&config);
    s.gaps.push(gap("g1", service("crise")));
    s.gaps.push(gap("g2", GapTarget::Other));
    s.coverage.insert("crise".into(), Coverage::Partial);
    s.relations.push(edit(
        "cisss",
        "gmf",
        "coalition",
        vec![Mechanism::SharedCare],
    ));
    let contribution = |id: &str, name: &str, organisation: Option<&str>, p| Contribution {
        format: CONTRIBUTION_FORMAT.into(),
        version: CONTRIBUTION_VERSION,
        config: s.config.clone(),
        fingerprint: s.fingerprint.clone(),
        id: id.into(),
        participant: Contributor {
            name: name.into(),
            organisation: organisation.map(String::from),
            perspective: p,
        },
        created: "2026-02-10T10:00:00.000Z".into(),
        modified: "2026-02-10T10:30:00.000Z".into(),
        coverage: BTreeMap::from([("crise".to_string(), Coverage::Partial)]),
        gaps: vec![gap("g1", service("crise"))],
        relations: vec![RelationRating {
            with: "gmf".into(),
            level: Some("coordination".into()),
            target: Some("integration".into()),
            mechanisms: vec![],
        }],
    };
    let contributions = vec![
        contribution(
            "c-1",
            "Marie Tremblay",
            Some("cisss"),
            Perspective::Practitioner,
        ),
        contribution("c-2", "", None, Perspective::PersonUsingServices),
    ];
    s.contributions = Rc::new(contributions);
    s.decisions = vec![
        Decision {
            item: Item::Service("crise".into()),
            agreed: Agreed::Coverage(Coverage::Partial),
            note: "Accord en atelier".into(),
            decided: "2026-02-10T11:00:00.000Z".into(),
        },
        Decision {
            item: Item::Relation(["cisss".into(), "gmf".into()]),
            agreed: Agreed::Level {
                level: "coalition".into(),
                target: Some("integration".into()),
            },
            note: String::new(),
            decided: "2026-02-10T11:05:00.000Z".into(),
        },
    ];
    s.privacy = true;
    s
}

#[test]
fn the_fixture_before_the_plan_is_the_session_it_was_written_from() {
    let text = std::fs::read_to_string("tests/fixtures/session-before-plan.json").unwrap();
    let read: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(read, session_before_plan());
}

#[test]
#[ignore = "writes tests/fixtures/session-before-plan.json"]
fn write_the_fixture() {
    let text = serde_json::to_string_pretty(&session_before_plan()).unwrap();
    std::fs::write("tests/fixtures/session-before-plan.json", text + "\n").unwrap();
}

// ---- The figures.

/// A config with `n` more providers (`p0`…), so that thousands of relations fit.
fn large_config(n: usize) -> Config {
    let mut c = config();
    let model = c.providers[0].clone();
    for i in 0..n {
        let mut p = model.clone();
        p.id = format!("p{i}");
        p.name = Text::plain(format!("Organisme {i}"));
        c.providers.push(p);
    }
    c
}

/// A moment of a territory's plan: 2,000 gaps, 3,000 relations, 500 actions; `step` changes
/// a tenth of them.
fn large_state(config: &Config, step: usize) -> Snapshot {
    let services: Vec<&str> = config.services.iter().map(|s| s.id.as_str()).collect();
    let levels = [
        "communication",
        "cooperation",
        "coordination",
        "coalition",
        "integration",
    ];
    let changed = |i: usize| (i + step).is_multiple_of(10) && step > 0;
    let gaps = (0..2000)
        .map(|i| {
            let mut g = gap(
                &format!("g{}", i + 1 + if changed(i) { 10_000 * step } else { 0 }),
                service(services[i % services.len()]),
            );
            g.severity = GapSeverity::ALL[(i + usize::from(changed(i)) * step) % 3];
            g.population = format!("Population {}", i % 50);
            g
        })
        .collect();
    let mut relations = Vec::new();
    'outer: for a in 0..100 {
        for b in a + 1..100 {
            if relations.len() == 3000 {
                break 'outer;
            }
            let i = relations.len();
            let level = (i + if changed(i) { step } else { 0 }) % 5;
            relations.push(RelationEdit {
                providers: [format!("p{a}"), format!("p{b}")],
                level: levels[level].into(),
                target: i.is_multiple_of(3).then(|| "integration".into()),
                mechanisms: if i.is_multiple_of(4) {
                    vec![Mechanism::LiaisonOfficer]
                } else {
                    vec![]
                },
            });
        }
    }
    let actions = (0..500)
        .map(|i| {
            let mut a = action(
                &format!("a{}", i + 1),
                &format!("Action {i} du plan"),
                ActionStatus::ALL[(i + usize::from(changed(i)) * step) % 5],
            );
            a.lead = Some(format!("p{}", i % 100));
            a.partners = vec![format!("p{}", (i + 1) % 100)];
            a.due = Some(format!("2026-{:02}-15", i % 12 + 1));
            a.addresses = vec![Addressed::Gap(format!("g{}", i * 4 + 1))];
            a.indicator = "Délai d'attente".into();
            a.target = "Moins de deux semaines".into();
            a
        })
        .collect();
    let coverage = config
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), Coverage::ALL[(i + step) % 3]))
        .collect();
    Snapshot {
        coverage,
        gaps,
        relations,
        decisions: Vec::new(),
        actions,
    }
}

#[test]
#[ignore = "timing at the issue's figures; run with --release -- --ignored --nocapture"]
fn timing_twenty_milestones_of_two_thousand_gaps() {
    use std::time::Instant;
    let config = large_config(100);
    let mut s = Session::new(&config);
    let mut milestones = Vec::new();
    for step in 0..20 {
        milestones.push(Milestone {
            id: format!("m{}", step + 1),
            label: format!("T{step}"),
            date: format!("{}-{:02}-01", 2026 + step / 12, step % 12 + 1),
            taken: NOW.into(),
            fingerprint: s.fingerprint.clone(),
            snapshot: large_state(&config, step),
        });
    }
    let now = large_state(&config, 20);
    s.coverage = now.coverage;
    s.gaps = now.gaps;
    s.relations = now.relations;
    s.actions = now.actions;
    s.milestones = Rc::new(milestones);

    let t = Instant::now();
    let basis = Basis::new(&config);
    let (a, b) = (&s.milestones[0].snapshot, &s.milestones[19].snapshot);
    let changes = compare_views(&config, &basis, a.view(), b.view());
    let compare_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let lines = change_lines(&config, &basis, a.view(), b.view(), &changes, Lang::Fr);
    let words_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let d = dashboard(&config, &s, parse_date("2027-09-01").unwrap(), Lang::Fr);
    let dashboard_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let text = serde_json::to_string(&s).unwrap();
    let save_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let back: Session = serde_json::from_str(&text).unwrap();
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(back, s);
    assert_eq!(d.points.len(), 21);
    assert!(!changes.is_empty() && !lines.is_empty());
    assert_eq!(Network::of_config(&config).providers, 112);
    // Every milestone whole, for scale: what the file would weigh without the codec.
    let whole: usize = s
        .milestones
        .iter()
        .map(|m| serde_json::to_string(&m.snapshot).unwrap().len())
        .sum();
    println!(
        "compare: {compare_ms:.1} ms ({} changes, {} lines in {words_ms:.1} ms)\n\
         dashboard (21 points): {dashboard_ms:.1} ms\n\
         save: {save_ms:.1} ms, load: {load_ms:.1} ms\n\
         file: {:.2} MB (milestones whole: {:.2} MB)",
        changes.closed.len()
            + changes.opened.len()
            + changes.relations.len()
            + changes.statuses.len(),
        lines.len(),
        text.len() as f64 / 1e6,
        whole as f64 / 1e6,
    );
    assert!(text.len() < 10_000_000);
}
