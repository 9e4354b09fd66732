//! Native tests of the comparison of participants' contributions: the agreement arithmetic,
//! the items and their discuss-next order, relation sides, gaps grouped by key, the group's
//! decisions, participant labels and privacy, the comparison CSV and the report's
//! "Points de vue" section; property tests for load-order independence, the session file
//! and decisions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use service_range_mapper::core::comparison::*;
use service_range_mapper::core::continuum::{level_ids, Network};
use service_range_mapper::core::contribution::*;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::export::{html, html_escape, markdown, report};
use service_range_mapper::core::figures::range;
use service_range_mapper::core::gaps::*;
use service_range_mapper::core::model::{Config, Mechanism};
use service_range_mapper::core::session::Session;
use service_range_mapper::core::text::Lang;
use std::collections::BTreeMap;

fn config() -> Config {
    default_config().config.unwrap()
}

fn participant(name: &str, organisation: Option<&str>, perspective: Perspective) -> Contributor {
    Contributor {
        name: name.into(),
        organisation: organisation.map(String::from),
        perspective,
    }
}

fn contribution(id: &str, participant: Contributor) -> Contribution {
    // The config's identity and fingerprint, once: property tests make many contributions.
    static RATED: std::sync::OnceLock<(String, String)> = std::sync::OnceLock::new();
    let (config, fingerprint) = RATED.get_or_init(|| {
        let session = Session::new(&config());
        (session.config, session.fingerprint)
    });
    Contribution {
        format: CONTRIBUTION_FORMAT.into(),
        version: CONTRIBUTION_VERSION,
        config: config.clone(),
        fingerprint: fingerprint.clone(),
        id: id.into(),
        participant,
        created: "2026-11-20T09:00:00.000Z".into(),
        modified: "2026-11-20T09:00:00.000Z".into(),
        coverage: BTreeMap::new(),
        gaps: Vec::new(),
        relations: Vec::new(),
    }
}

/// A session whose contributions rated one service, one each.
fn rated(service: &str, coverages: &[Coverage]) -> Session {
    let config = config();
    let mut session = Session::new(&config);
    for (i, c) in coverages.iter().enumerate() {
        let mut contribution = contribution(
            &format!("c{i}"),
            participant("", Some("cisss"), Perspective::Practitioner),
        );
        contribution.coverage.insert(service.into(), *c);
        std::rc::Rc::make_mut(&mut session.contributions).push(contribution);
    }
    session
}

fn rating(with: &str, level: Option<&str>, target: Option<&str>) -> RelationRating {
    RelationRating {
        with: with.into(),
        level: level.map(String::from),
        target: target.map(String::from),
        mechanisms: Vec::new(),
    }
}

fn gap_on(service: &str, kind: GapKind, barrier: Option<Barrier>) -> Gap {
    Gap {
        kind,
        barrier,
        ..common::gap(
            "g1",
            GapTarget::Service {
                service: service.into(),
            },
        )
    }
}

fn median(low: u8, high: u8) -> Option<Median> {
    Some(Median { low, high })
}

// ---- Agreement arithmetic

#[test]
fn one_rating_agrees_with_itself() {
    let s = Spread::of([1]);
    assert_eq!(s.median, median(1, 1));
    assert_eq!((s.within, s.agreement), (1, Agreement::Agreed));
    assert_eq!(s.share(), 1.0);
}

#[test]
fn two_ratings_one_step_apart_agree_two_apart_diverge() {
    let agree = Spread::of([2, 1]);
    assert_eq!(agree.ratings, [1, 2], "sorted");
    assert_eq!(agree.median, median(1, 2));
    assert_eq!(agree.agreement, Agreement::Agreed);
    // Absent against covered: the median lies between them, not on "partial".
    let split = Spread::of([0, 2]);
    assert_eq!(split.median, median(0, 2));
    assert!(split.median.unwrap().is_between());
    assert_eq!(split.within, 1);
    assert_eq!(split.agreement, Agreement::Divergent);
    assert_eq!(split.share(), 0.5);
}

#[test]
fn an_even_count_takes_the_better_middle_either_side() {
    // Middles 2 and 3: around 2, two of four (0 is three steps away); around 3, three.
    let higher = Spread::of([0, 2, 3, 4]);
    assert_eq!(higher.median, median(2, 3));
    assert_eq!(higher.within, 3);
    assert_eq!(higher.agreement, Agreement::Agreed);
    // The mirror: the lower middle wins.
    let lower = Spread::of([0, 1, 2, 4]);
    assert_eq!(lower.median, median(1, 2));
    assert_eq!(lower.within, 3);
    assert_eq!(lower.agreement, Agreement::Agreed);
    // Equal middles of an even count.
    let equal = Spread::of([0, 1, 1, 2]);
    assert_eq!(equal.median, median(1, 1));
    assert!(!equal.median.unwrap().is_between());
    // Two camps two steps apart.
    let camps = Spread::of([0, 0, 2, 2]);
    assert_eq!(camps.median, median(0, 2));
    assert_eq!((camps.within, camps.agreement), (2, Agreement::Divergent));
}

#[test]
fn no_ratings_when_everyone_says_dont_know() {
    let none = Spread::of([]);
    assert_eq!(none.median, None);
    assert_eq!((none.within, none.agreement), (0, Agreement::NoRatings));
    assert_eq!(none.share(), 0.0);
    let session = rated(
        "crise",
        &[
            Coverage::NotAssessed,
            Coverage::NotAssessed,
            Coverage::NotAssessed,
        ],
    );
    let comparison = compare(&config(), &session);
    let item = &comparison.services[0];
    assert_eq!(item.agreement(), Agreement::NoRatings);
    assert_eq!(item.counts, [0, 0, 0, 3]);
    assert_eq!(item.ratings.len(), 3, "don't know is kept, counted apart");
}

#[test]
fn exactly_three_quarters_agree_just_under_diverge() {
    let four = Spread::of([0, 2, 2, 2]);
    assert_eq!((four.within, four.len()), (3, 4));
    assert_eq!(four.agreement, Agreement::Agreed);
    assert_eq!(four.percent(), 75);
    let eight = Spread::of([0, 0, 2, 2, 2, 2, 2, 2]);
    assert_eq!((eight.within, eight.agreement), (6, Agreement::Agreed));
    let seven = Spread::of([0, 0, 2, 2, 2, 2, 2]);
    assert_eq!((seven.within, seven.agreement), (5, Agreement::Divergent));
    assert_eq!(seven.percent(), 71);
    // 74.9 %: shown rounded down, never as 75 % beside "divergent".
    let mut many = vec![0u8; 251];
    many.extend(vec![2u8; 749]);
    let just_under = Spread::of(many);
    assert_eq!(just_under.agreement, Agreement::Divergent);
    assert_eq!(just_under.percent(), 74);
}

#[test]
fn scores_from_one_to_five() {
    let wide = Spread::of([1, 2, 3, 4, 5]);
    assert_eq!(wide.median, median(3, 3));
    assert_eq!((wide.within, wide.agreement), (3, Agreement::Divergent));
    let close = Spread::of([4, 5, 5, 4, 3]);
    assert_eq!(close.median, median(4, 4));
    assert_eq!((close.within, close.agreement), (5, Agreement::Agreed));
    assert_eq!(Spread::of([1, 5]).median, median(1, 5));
    assert_eq!(Spread::of([1, 5]).agreement, Agreement::Divergent);
}

#[test]
fn rating_scales_and_keys() {
    assert_eq!(coverage_rank(Coverage::Absent), Some(0));
    assert_eq!(coverage_rank(Coverage::Partial), Some(1));
    assert_eq!(coverage_rank(Coverage::Covered), Some(2));
    assert_eq!(coverage_rank(Coverage::NotAssessed), None);
    for &c in &Coverage::ALL[..3] {
        assert_eq!(coverage_of_rank(coverage_rank(c).unwrap()), c);
    }
    for &s in GapSeverity::ALL {
        assert_eq!(severity_of_rank(severity_rank(s)), s);
    }
    assert_eq!(severity_rank(GapSeverity::High), 2);
    let keys: Vec<&str> = Agreement::ALL.iter().map(|a| a.key()).collect();
    assert_eq!(keys, ["agreed", "divergent", "no_ratings"]);
}

// ---- Items

#[test]
fn services_counts_by_perspective_and_orphans() {
    let config = config();
    let mut session = Session::new(&config);
    let people = [
        ("a", Perspective::Practitioner, Coverage::Covered),
        ("b", Perspective::Practitioner, Coverage::Partial),
        ("c", Perspective::Government, Coverage::Absent),
        ("d", Perspective::PersonUsingServices, Coverage::NotAssessed),
    ];
    for (id, p, c) in people {
        let mut contribution = contribution(id, participant("", None, p));
        contribution.coverage.insert("crise".into(), c);
        contribution
            .coverage
            .insert("service-retire".into(), Coverage::Absent);
        std::rc::Rc::make_mut(&mut session.contributions).push(contribution);
    }
    let comparison = compare(&config, &session);
    assert_eq!(comparison.services.len(), 2);
    let crise = comparison
        .services
        .iter()
        .find(|s| s.service == "crise")
        .unwrap();
    assert_eq!(crise.position, Some(0));
    assert_eq!(crise.counts, [1, 1, 1, 1]);
    assert_eq!(crise.spread.ratings, [0, 1, 2]);
    assert_eq!(
        crise.by_perspective,
        [
            (Perspective::PersonUsingServices, [0, 0, 0, 1], None),
            (Perspective::Practitioner, [1, 1, 0, 0], median(1, 2)),
            (Perspective::Government, [0, 0, 1, 0], median(0, 0)),
        ]
    );
    // The orphan is kept.
    let orphan = comparison
        .services
        .iter()
        .find(|s| s.service == "service-retire")
        .unwrap();
    assert_eq!(orphan.position, None);
    assert_eq!(orphan.counts, [0, 0, 4, 0]);
    assert_eq!(orphan.agreement(), Agreement::Agreed);
}

#[test]
fn items_come_most_divergent_first_then_agreed_then_unrated() {
    let config = config();
    let mut session = Session::new(&config);
    // Four participants; per service their ratings.
    let table: [(&str, [Coverage; 4]); 5] = {
        use Coverage::*;
        [
            ("crise", [Covered, Covered, Covered, Covered]),
            (
                "entraide",
                [NotAssessed, NotAssessed, NotAssessed, NotAssessed],
            ),
            ("medicaux", [Covered, Covered, Absent, Absent]), // 50 %, 4 ratings
            ("loisirs", [Covered, Absent, NotAssessed, NotAssessed]), // 50 %, 2 ratings
            ("transport", [Covered, Covered, Covered, Absent]), // 75 %, agreed
        ]
    };
    for i in 0..4 {
        let mut c = contribution(
            &format!("c{i}"),
            participant("", None, Perspective::Government),
        );
        for (service, ratings) in &table {
            c.coverage.insert(service.to_string(), ratings[i]);
        }
        std::rc::Rc::make_mut(&mut session.contributions).push(c);
    }
    let comparison = compare(&config, &session);
    let order: Vec<&str> = comparison
        .services
        .iter()
        .map(|s| s.service.as_str())
        .collect();
    // Equal shares: more ratings first. Agreed: lower share first, then config order.
    assert_eq!(
        order,
        ["medicaux", "loisirs", "transport", "crise", "entraide"]
    );
}

#[test]
fn relation_sides_pool_and_asymmetry() {
    let config = config();
    let mut session = Session::new(&config);
    let mut a = contribution(
        "a",
        participant("", Some("hopital"), Perspective::Organisation),
    );
    a.relations
        .push(rating("cisss", Some("cooperation"), Some("coalition")));
    // A second rating of the same partner by the same participant does not count.
    a.relations.push(rating("cisss", Some("integration"), None));
    let mut b = contribution(
        "b",
        participant("", Some("cisss"), Perspective::Practitioner),
    );
    b.relations.push(RelationRating {
        mechanisms: vec![Mechanism::LiaisonOfficer],
        ..rating("hopital", Some("coalition"), Some("integration"))
    });
    b.relations.push(rating("gmf", None, Some("coalition")));
    b.relations.push(rating("cisss", Some("coalition"), None)); // with itself: ignored
    let mut c = contribution(
        "c",
        participant("", Some("cisss"), Perspective::Organisation),
    );
    c.relations
        .push(rating("hopital", Some("coalition"), Some("unknown-step")));
    let mut d = contribution(
        "d",
        participant("", Some("cisss"), Perspective::Organisation),
    );
    d.relations.push(rating("hopital", Some("mystery"), None));
    // Without organisation: their relations are not anyone's side.
    let mut e = contribution("e", participant("", None, Perspective::FamilyAndCloseOnes));
    e.relations.push(rating("hopital", Some("none"), None));
    session.contributions = vec![a, b, c, d, e].into();

    let comparison = compare(&config, &session);
    assert_eq!(comparison.relations.len(), 2);
    let pair = comparison
        .relations
        .iter()
        .find(|r| r.providers == ["cisss".to_string(), "hopital".to_string()])
        .unwrap();
    // Side 0: cisss's people about hopital (b, c, d); side 1: hopital's (a).
    let contributions =
        |side: usize| -> Vec<usize> { pair.sides[side].ratings.iter().map(|r| r.0).collect() };
    assert_eq!(contributions(0), [1, 2, 3]);
    assert_eq!(contributions(1), [0]);
    assert_eq!(
        pair.sides[0].ratings[0],
        (1, Some(4), Some(5), vec![Mechanism::LiaisonOfficer])
    );
    assert_eq!(pair.sides[0].ratings[2], (3, None, None, vec![]));
    assert_eq!(pair.sides[0].unreadable, 2, "unknown-step and mystery");
    assert_eq!(pair.sides[0].level.ratings, [4, 4]);
    assert_eq!(pair.sides[1].level.ratings, [2]);
    assert_eq!(pair.level.ratings, [2, 4, 4]);
    assert_eq!(pair.wanted.ratings, [4, 5]);
    assert_eq!(pair.asymmetry, Some(2));
    assert_eq!(pair.level.agreement, Agreement::Divergent);
    assert_eq!(pair.agreement(), Agreement::Divergent);

    let gmf = comparison
        .relations
        .iter()
        .find(|r| r.providers == ["cisss".to_string(), "gmf".to_string()])
        .unwrap();
    assert_eq!(gmf.sides[1].ratings.len(), 0);
    assert_eq!(gmf.asymmetry, None, "one side only");
    assert_eq!(gmf.level.agreement, Agreement::NoRatings);
    assert_eq!(
        gmf.agreement(),
        Agreement::Agreed,
        "the wanted level agrees"
    );
    // The divergent pair first.
    assert_eq!(comparison.relations[0].providers[1], "hopital");
}

#[test]
fn gaps_are_grouped_by_key_across_participants() {
    let config = config();
    let mut session = Session::new(&config);
    let mut a = contribution("a", participant("", None, Perspective::PersonUsingServices));
    a.gaps.push(Gap {
        severity: GapSeverity::High,
        impact: 5,
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    a.gaps.push(Gap {
        severity: GapSeverity::High,
        impact: 4,
        population: "Aînés".into(),
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    // A barrier on another kind of gap is not part of its key.
    a.gaps
        .push(gap_on("crise", GapKind::Absent, Some(Barrier::Cost)));
    let mut b = contribution("b", participant("", Some("gmf"), Perspective::Practitioner));
    b.gaps.push(Gap {
        severity: GapSeverity::Low,
        impact: 2,
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    b.gaps.push(gap_on("crise", GapKind::Absent, None));
    b.gaps
        .push(gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Cost)));
    session.contributions = vec![a, b].into();

    let comparison = compare(&config, &session);
    assert_eq!(comparison.gaps.len(), 3);
    let distance = comparison
        .gaps
        .iter()
        .find(|g| g.key.barrier == Some(Barrier::Distance))
        .unwrap();
    assert_eq!(distance.raised_by, [(0, 0), (0, 1), (1, 0)]);
    assert_eq!(distance.people(), 2);
    assert_eq!(distance.severity.ratings, [0, 2, 2]);
    assert_eq!(distance.impact.ratings, [2, 4, 5]);
    assert_eq!(distance.feasibility.ratings, [3, 3, 3]);
    // Severity 2/3 within a step of high, impact 2/3 within a step of 4.
    assert_eq!(distance.agreement, Agreement::Divergent);
    let absent = comparison
        .gaps
        .iter()
        .find(|g| g.key.kind == GapKind::Absent)
        .unwrap();
    assert_eq!(absent.key.barrier, None);
    assert_eq!(absent.raised_by, [(0, 2), (1, 1)]);
    assert_eq!(absent.agreement, Agreement::Agreed);
    assert_eq!(comparison.gaps[0].key, distance.key, "divergent first");
}

// ---- Decisions

fn decision(item: Item, agreed: Agreed, note: &str) -> Decision {
    Decision {
        item,
        agreed,
        note: note.into(),
        decided: "2026-11-22T11:00:00.000Z".into(),
    }
}

#[test]
fn a_decision_on_a_service_sets_its_coverage_and_replaces_the_earlier_one() {
    let config = config();
    let session = rated("crise", &[Coverage::Covered, Coverage::Absent]);
    let item = Item::Service("crise".into());
    let once = decide(
        &config,
        &session,
        decision(item.clone(), Agreed::Coverage(Coverage::Partial), "Nuit"),
    );
    assert_eq!(once.assessed("crise"), Some(Coverage::Partial));
    assert_eq!(once.decisions.len(), 1);
    assert_eq!(compare(&config, &once).services[0].decision, Some(0));
    let twice = decide(
        &config,
        &once,
        decision(item.clone(), Agreed::Coverage(Coverage::Covered), "Revu"),
    );
    assert_eq!(twice.assessed("crise"), Some(Coverage::Covered));
    assert_eq!(twice.decisions.len(), 1);
    assert_eq!(decision_of(&twice, &item).unwrap().note, "Revu");
    assert_eq!(
        session.decisions.len(),
        0,
        "the previous session is kept for undo"
    );
}

#[test]
fn a_decision_on_a_relation_keeps_its_mechanisms_and_drops_an_edit_equal_to_the_config() {
    let config = config();
    let session = Session::new(&config);
    // Given in either order: the same pair.
    let item = Item::Relation(["hopital".into(), "cisss".into()]);
    let level = |level: &str, target: Option<&str>| Agreed::Level {
        level: level.into(),
        target: target.map(String::from),
    };
    let decided = decide(
        &config,
        &session,
        decision(item.clone(), level("coordination", Some("integration")), ""),
    );
    assert_eq!(decided.relations.len(), 1);
    let edit = &decided.relations[0];
    assert_eq!(edit.providers, ["cisss".to_string(), "hopital".to_string()]);
    assert_eq!(edit.level, "coordination");
    assert_eq!(
        edit.mechanisms,
        [
            Mechanism::JointGovernance,
            Mechanism::SharedInformationSystem,
            Mechanism::LiaisonOfficer
        ],
        "the config's mechanisms stay"
    );
    assert_eq!(
        decided.decisions[0].item,
        Item::Relation(["cisss".into(), "hopital".into()])
    );
    assert!(decision_of(&decided, &item).is_some());
    // Back to the config's own values: no edit left, one decision.
    let back = decide(
        &config,
        &decided,
        decision(item.clone(), level("coalition", Some("integration")), ""),
    );
    assert!(back.relations.is_empty());
    assert_eq!(back.decisions.len(), 1);
    // A level not in the scale, or a provider not in the config: nothing changes.
    for bad in [
        decision(item.clone(), level("mystery", None), ""),
        decision(item.clone(), level("coalition", Some("mystery")), ""),
        decision(
            Item::Relation(["cisss".into(), "gone".into()]),
            level("coalition", None),
            "",
        ),
        decision(
            Item::Relation(["cisss".into(), "cisss".into()]),
            level("coalition", None),
            "",
        ),
    ] {
        assert_eq!(decide(&config, &session, bad), session);
    }
}

#[test]
fn a_decision_on_a_gap_updates_the_sessions_gaps_or_makes_one_from_the_contributions() {
    let config = config();
    let mut session = Session::new(&config);
    let mut a = contribution("a", participant("", None, Perspective::PersonUsingServices));
    a.gaps.push(Gap {
        population: "Aînés".into(),
        perspective: Perspective::PersonUsingServices,
        action: "Navette".into(),
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    let mut b = contribution("b", participant("", None, Perspective::Practitioner));
    b.gaps.push(Gap {
        population: "Jeunes".into(),
        action: "Navette".into(),
        perspective: Perspective::PersonUsingServices,
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    b.gaps.push(Gap {
        population: " Aînés ".into(),
        perspective: Perspective::Practitioner,
        ..gap_on("crise", GapKind::AccessBarrier, Some(Barrier::Distance))
    });
    session.contributions = vec![a, b].into();
    session.gaps.push(common::gap("g7", GapTarget::Other));
    let key = GapKey::of(&session.contributions[0].gaps[0]);
    let scores = Agreed::Scores {
        severity: GapSeverity::High,
        impact: 5,
        feasibility: 2,
    };
    let made = decide(
        &config,
        &session,
        decision(Item::Gap(key.clone()), scores.clone(), "=Priorité"),
    );
    assert_eq!(made.gaps.len(), 2);
    let gap = &made.gaps[1];
    assert_eq!(gap.id, "g8");
    assert_eq!(GapKey::of(gap), key);
    assert_eq!(
        (gap.severity, gap.impact, gap.feasibility),
        (GapSeverity::High, 5, 2)
    );
    assert_eq!(gap.perspective, Perspective::PersonUsingServices);
    assert_eq!(gap.population, "Aînés / Jeunes");
    assert_eq!(gap.action, "Navette");
    assert_eq!(gap.note, "=Priorité");
    assert_eq!(gap.created, "2026-11-22T11:00:00.000Z");
    assert_eq!(gap.modified, gap.created);
    // The second time, the gap is updated, not made again.
    let again = decide(
        &config,
        &made,
        Decision {
            decided: "2026-11-22T12:00:00.000Z".into(),
            ..decision(
                Item::Gap(key.clone()),
                Agreed::Scores {
                    severity: GapSeverity::Low,
                    impact: 1,
                    feasibility: 1,
                },
                "",
            )
        },
    );
    assert_eq!(again.gaps.len(), 2);
    assert_eq!(again.gaps[1].severity, GapSeverity::Low);
    assert_eq!(again.gaps[1].modified, "2026-11-22T12:00:00.000Z");
    assert_eq!(again.gaps[1].created, "2026-11-22T11:00:00.000Z");
    assert_eq!(again.decisions.len(), 1);
    // Scores out of range, or a value of another kind: nothing changes.
    let out_of_range = Agreed::Scores {
        severity: GapSeverity::Low,
        impact: 6,
        feasibility: 1,
    };
    assert_eq!(
        decide(
            &config,
            &session,
            decision(Item::Gap(key.clone()), out_of_range, "")
        ),
        session
    );
    for (item, agreed) in [
        (Item::Gap(key.clone()), Agreed::Coverage(Coverage::Covered)),
        (Item::Service("crise".into()), scores.clone()),
        (
            Item::Relation(["cisss".into(), "gmf".into()]),
            Agreed::Coverage(Coverage::Absent),
        ),
    ] {
        assert_eq!(
            decide(&config, &session, decision(item, agreed, "")),
            session
        );
    }
}

// ---- Names and privacy

#[test]
fn participants_are_labelled_by_name_or_number_with_organisation_and_perspective() {
    let config = config();
    let mut session = Session::new(&config);
    session.contributions = vec![
        contribution(
            "a",
            participant("Marie Tremblay", Some("gmf"), Perspective::Practitioner),
        ),
        contribution(
            "b",
            participant("  ", Some("cisss"), Perspective::Organisation),
        ),
        contribution(
            "c",
            participant("Luc", None, Perspective::FamilyAndCloseOnes),
        ),
        contribution(
            "d",
            participant("Ana", Some("ferme"), Perspective::Government),
        ),
    ]
    .into();
    let label = |s: &Session, i, lang| participant_label(&config, s, i, lang);
    assert_eq!(
        label(&session, 0, Lang::Fr),
        "Marie Tremblay — GMF des Deux-Rives (Intervenant)"
    );
    assert_eq!(
        label(&session, 1, Lang::Fr),
        "Participant 2 — CISSS de l'Estuaire — installation CLSC des Pins (Organisation)"
    );
    assert_eq!(
        label(&session, 2, Lang::En),
        "Luc — Person using services or family (Family and close ones)"
    );
    assert_eq!(
        label(&session, 3, Lang::En),
        "Ana — ferme (no longer in the range) (Government)"
    );
    session.privacy = true;
    assert_eq!(
        label(&session, 0, Lang::En),
        "Participant 1 — Deux-Rives Family Medicine Group (Practitioner)"
    );
    assert_eq!(
        label(&session, 2, Lang::Fr),
        "Participant 3 — Personne utilisatrice ou proche (Famille et proches)"
    );
}

// ---- Exports

/// Two named participants who disagree on a service, a relation and a gap, and a decision
/// whose note would be a formula.
fn workshop() -> Session {
    let config = config();
    let mut session = Session::new(&config);
    let mut a = contribution(
        "a",
        participant("Marie Tremblay", Some("cisss"), Perspective::Organisation),
    );
    a.coverage.insert("crise".into(), Coverage::Covered);
    a.coverage.insert("loisirs".into(), Coverage::NotAssessed);
    a.relations
        .push(rating("hopital", Some("coalition"), Some("integration")));
    a.gaps.push(Gap {
        severity: GapSeverity::High,
        impact: 5,
        feasibility: 2,
        ..gap_on("crise", GapKind::WaitingList, None)
    });
    let mut b = contribution(
        "b",
        participant("Jean Roy", Some("hopital"), Perspective::Practitioner),
    );
    b.coverage.insert("crise".into(), Coverage::Absent);
    b.relations
        .push(rating("cisss", Some("communication"), None));
    b.gaps.push(Gap {
        severity: GapSeverity::Low,
        impact: 1,
        feasibility: 2,
        ..gap_on("crise", GapKind::WaitingList, None)
    });
    session.contributions = vec![a, b].into();
    decide(
        &config,
        &session,
        decision(
            Item::Service("crise".into()),
            Agreed::Coverage(Coverage::Partial),
            "=HYPERLINK(\"x\")",
        ),
    )
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_comparison_csv_has_each_participants_rating_and_safe_cells() {
    let config = config();
    let session = workshop();
    let (header, rows) = read_csv(&comparison_csv(&config, &session, Lang::Fr));
    assert_eq!(
        header,
        [
            "Type",
            "Point",
            "Marie Tremblay — CISSS de l'Estuaire — installation CLSC des Pins (Organisation)",
            "Jean Roy — Hôpital régional de l'Estuaire (Intervenant)",
            "Médiane — Intervenant",
            "Médiane — Organisation",
            "Médiane",
            "Réponses à un échelon de la médiane",
            "Accord",
            "Consensus",
            "Note du consensus",
        ]
    );
    assert_eq!(
        rows.len(),
        4,
        "services (crise, loisirs), the relation, the gap"
    );
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let crise = &rows[0];
    assert_eq!(
        crise[..4],
        [
            "Service",
            "Services de crise (liaison ou dispensation)",
            "Couvert",
            "Absent"
        ]
    );
    assert_eq!(crise[4..6], ["Absent", "Couvert"]);
    assert_eq!(crise[6], "Absent – Couvert");
    assert_eq!(crise[7], "50\u{a0}%");
    assert_eq!(crise[8], "Divergent");
    assert_eq!(crise[9], "Couvert en partie");
    assert_eq!(
        crise[10], "'=HYPERLINK(\"x\")",
        "a formula comes out as text"
    );
    // Unrated after divergent; "don't know" is a participant's answer.
    let loisirs = &rows[1];
    assert_eq!(loisirs[2], "Je ne sais pas");
    assert_eq!(loisirs[3], "");
    assert_eq!(loisirs[6], "");
    assert_eq!(loisirs[8], "Aucune réponse");
    assert_eq!(loisirs[9], "");
    let relation = &rows[2];
    assert_eq!(relation[0], "Relation");
    assert_eq!(
        relation[1],
        "CISSS de l'Estuaire — installation CLSC des Pins — Hôpital régional de l'Estuaire"
    );
    assert_eq!(relation[2], "Coalition → cible\u{a0}: Intégration");
    assert_eq!(relation[3], "Communication");
    assert_eq!(relation[8], "Divergent");
    assert_eq!(
        relation[6],
        "Communication – Coalition → cible\u{a0}: Intégration"
    );
    let gap = &rows[3];
    assert_eq!(gap[0], "Écart");
    assert_eq!(
        gap[1],
        "Services de crise (liaison ou dispensation) — Liste d'attente"
    );
    assert_eq!(gap[2], "Élevée · impact 5 · faisabilité 2");
    assert_eq!(gap[3], "Faible · impact 1 · faisabilité 2");
    assert_eq!(gap[6], "Faible – Élevée · impact 1–5 · faisabilité 2");
    // English headers.
    let (en, _) = read_csv(&comparison_csv(&config, &session, Lang::En));
    assert_eq!(en[0..2], ["Type", "Item"]);
    assert_eq!(en[en.len() - 3], "Agreement");
}

#[test]
fn privacy_keeps_names_out_of_the_csv_and_the_report() {
    let config = config();
    let range = range(&config);
    let mut session = workshop();
    for private in [false, true] {
        session.privacy = private;
        let csv = String::from_utf8(comparison_csv(&config, &session, Lang::Fr)).unwrap();
        let r = report(&config, &range, &session, Lang::Fr, "22 novembre 2026");
        let first = participant_label(&config, &session, 0, Lang::Fr);
        let second = participant_label(&config, &session, 1, Lang::Fr);
        assert_eq!(first.starts_with("Participant 1 — "), private);
        assert!(
            first.ends_with(" — CISSS de l'Estuaire — installation CLSC des Pins (Organisation)")
        );
        assert!(second.ends_with(" — Hôpital régional de l'Estuaire (Intervenant)"));
        for (text, escape) in [(csv, false), (markdown(&r), false), (html(&r), true)] {
            for name in ["Marie Tremblay", "Jean Roy"] {
                assert_eq!(text.contains(name), !private, "{name} in {text}");
            }
            // Organisations and perspectives stay, in the participants' labels.
            for label in [&first, &second] {
                let label = if escape {
                    html_escape(label)
                } else {
                    label.clone()
                };
                assert!(text.contains(&label), "{label} in {text}");
            }
        }
    }
}

#[test]
fn the_report_has_the_perspectives_section_only_with_contributions() {
    let config = config();
    let range = range(&config);
    let session = workshop();
    let r = report(&config, &range, &session, Lang::Fr, "22 novembre 2026");
    let section = r.perspectives.as_ref().unwrap();
    assert_eq!(section.participants.len(), 2);
    assert_eq!(
        section.by_perspective,
        ["Intervenant\u{a0}: 1", "Organisation\u{a0}: 1"]
    );
    assert_eq!(section.items.len(), 4);
    let md = markdown(&r);
    assert!(md.contains("## Points de vue"));
    assert!(md.contains("75\u{a0}%"), "the rule");
    assert!(md.contains("2 participants · Intervenant\u{a0}: 1 · Organisation\u{a0}: 1"));
    assert!(md.contains(
        "| Service | Services de crise (liaison ou dispensation) | Absent – Couvert | 50\u{a0}% | Divergent | Couvert en partie | =HYPERLINK(\"x\") |"
    ));
    assert!(md.contains("Pas encore décidé"));
    let h = html(&r);
    assert!(h.contains("<h2>Points de vue</h2>"));
    assert!(h.contains("<td>=HYPERLINK(&quot;x&quot;)</td>"), "escaped");
    assert!(h.contains("CISSS de l&#39;Estuaire"));
    let en = markdown(&report(
        &config,
        &range,
        &session,
        Lang::En,
        "22 November 2026",
    ));
    assert!(en.contains("## Perspectives"));
    assert!(en.contains("within one step of the median"));

    // Without contributions, nothing of it.
    let plain = Session {
        contributions: Default::default(),
        ..session.clone()
    };
    let r = report(&config, &range, &plain, Lang::Fr, "22 novembre 2026");
    assert!(r.perspectives.is_none());
    assert!(!markdown(&r).contains("Points de vue"));
    assert!(!html(&r).contains("Points de vue"));
    assert!(!markdown(&report(&config, &range, &plain, Lang::En, "x")).contains("Perspectives"));
}

// ---- Properties

fn pick<T: Copy + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

fn some_of(ids: Vec<String>) -> impl Strategy<Value = String> {
    (0..ids.len()).prop_map(move |i| ids[i].clone())
}

prop_compose! {
    fn any_gap(services: Vec<String>)(
        target in prop_oneof![
            some_of(services).prop_map(|service| GapTarget::Service { service }),
            Just(GapTarget::Tier { tier: "intersectoriel".into() }),
            Just(GapTarget::Other),
            Just(GapTarget::Service { service: "service-retire".into() }),
        ],
        kind in pick(GapKind::ALL),
        barrier in proptest::option::of(pick(Barrier::ALL)),
        severity in pick(GapSeverity::ALL),
        perspective in pick(Perspective::ALL),
        population in "[a-zé ]{0,8}",
        action in "[a-zé ]{0,8}",
        impact in 0u8..=6,
        feasibility in 1u8..=5,
    ) -> Gap {
        Gap {
            kind, barrier, severity, population, perspective, action, impact, feasibility,
            ..common::gap("g1", target)
        }
    }
}

fn any_contribution() -> impl Strategy<Value = Contribution> {
    let config = config();
    // A few services and providers, so that ratings meet.
    let services: Vec<String> = config
        .services
        .iter()
        .take(4)
        .map(|s| s.id.clone())
        .collect();
    let mut providers: Vec<String> = config
        .providers
        .iter()
        .take(2)
        .map(|p| p.id.clone())
        .collect();
    providers.push("ferme".into());
    let mut levels: Vec<String> = level_ids(&config).into_iter().map(String::from).collect();
    levels.push("mystery".into());
    let rated = {
        let mut ids = services.clone();
        ids.push("service-retire".into());
        ids
    };
    (
        "[A-Za-z ]{0,8}",
        // Mostly someone's organisation, so that both sides of a pair meet.
        prop_oneof![
            4 => some_of(providers.clone()).prop_map(Some),
            1 => Just(None),
        ],
        pick(Perspective::ALL),
        proptest::collection::btree_map(some_of(rated), pick(Coverage::ALL), 0..4),
        proptest::collection::vec(any_gap(services), 0..3),
        proptest::collection::vec(
            (
                some_of(providers),
                proptest::option::of(some_of(levels.clone())),
                proptest::option::of(some_of(levels)),
            ),
            1..6,
        ),
    )
        .prop_map(
            |(name, organisation, perspective, coverage, gaps, relations)| Contribution {
                coverage,
                gaps,
                relations: relations
                    .into_iter()
                    .map(|(with, level, target)| RelationRating {
                        with,
                        level,
                        target,
                        mechanisms: Vec::new(),
                    })
                    .collect(),
                ..contribution(
                    "",
                    Contributor {
                        name,
                        organisation,
                        perspective,
                    },
                )
            },
        )
}

fn any_session() -> impl Strategy<Value = Session> {
    (
        proptest::collection::vec(any_contribution(), 0..10),
        any::<bool>(),
    )
        .prop_map(|(mut contributions, privacy)| {
            for (i, c) in contributions.iter_mut().enumerate() {
                c.id = format!("id{i}");
            }
            Session {
                contributions: contributions.into(),
                privacy,
                ..Session::new(&config())
            }
        })
}

/// A decision on an item of the default config, with a value of its kind.
fn any_decision() -> impl Strategy<Value = Decision> {
    let config = config();
    let services: Vec<String> = config.services.iter().map(|s| s.id.clone()).collect();
    let providers: Vec<String> = config.providers.iter().map(|p| p.id.clone()).collect();
    let levels: Vec<String> = level_ids(&config).into_iter().map(String::from).collect();
    let key = (
        prop_oneof![
            some_of(services.clone()).prop_map(|service| GapTarget::Service { service }),
            Just(GapTarget::Other),
        ],
        pick(GapKind::ALL),
        proptest::option::of(pick(Barrier::ALL)),
    )
        .prop_map(|(target, kind, barrier)| GapKey {
            target,
            kind,
            barrier,
        });
    let item_and_value = prop_oneof![
        (some_of(services), pick(Coverage::ALL))
            .prop_map(|(s, c)| (Item::Service(s), Agreed::Coverage(c))),
        (
            some_of(providers.clone()),
            some_of(providers),
            some_of(levels.clone()),
            proptest::option::of(some_of(levels)),
        )
            .prop_filter("two providers", |(a, b, ..)| a != b)
            .prop_map(|(a, b, level, target)| (
                Item::Relation([a, b]),
                Agreed::Level { level, target }
            )),
        (key, pick(GapSeverity::ALL), 1u8..=5, 1u8..=5).prop_map(
            |(key, severity, impact, feasibility)| (
                Item::Gap(key),
                Agreed::Scores {
                    severity,
                    impact,
                    feasibility
                }
            )
        ),
    ];
    (item_and_value, "[=a-z ]{0,10}")
        .prop_map(|((item, agreed), note)| decision(item, agreed, &note))
}

/// The session's value of a decided item equals the agreed value.
fn holds(config: &Config, session: &Session, item: &Item, agreed: &Agreed) -> bool {
    match (item, agreed) {
        (Item::Service(s), Agreed::Coverage(c)) => session.assessed(s) == Some(*c),
        (Item::Relation([a, b]), Agreed::Level { level, target }) => {
            let network = Network::build(config, session);
            let at = |id: &str| config.providers.iter().position(|p| p.id == id).unwrap();
            let (now, wanted) = network
                .link(at(a), at(b))
                .map_or((0, None), |l| (l.level, l.target));
            now == network.rank(level).unwrap()
                && wanted == target.as_deref().map(|t| network.rank(t).unwrap())
        }
        (
            Item::Gap(key),
            Agreed::Scores {
                severity,
                impact,
                feasibility,
            },
        ) => {
            let key = GapKey {
                barrier: key.barrier.filter(|_| key.kind == GapKind::AccessBarrier),
                ..key.clone()
            };
            let theirs: Vec<&Gap> = session
                .gaps
                .iter()
                .filter(|g| GapKey::of(g) == key)
                .collect();
            !theirs.is_empty()
                && theirs.iter().all(|g| {
                    (g.severity, g.impact, g.feasibility) == (*severity, *impact, *feasibility)
                })
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_order_contributions_are_loaded_in_never_changes_the_comparison(
        (session, shuffled) in any_session().prop_flat_map(|s| {
            let contributions: Vec<_> = s.contributions.to_vec();
            (Just(s), Just(contributions).prop_shuffle())
        }),
        decisions in proptest::collection::vec(any_decision(), 0..4),
    ) {
        let config = config();
        let mut session = session;
        for d in decisions {
            session = decide(&config, &session, d);
        }
        let other = Session { contributions: shuffled.into(), ..session.clone() };
        let index_in = |s: &Session, id: &str| s.contributions.iter().position(|c| c.id == id).unwrap();
        let renumbered = compare(&config, &other)
            .renumbered(|i| index_in(&session, &other.contributions[i].id));
        prop_assert_eq!(renumbered, compare(&config, &session));
    }

    #[test]
    fn contributions_survive_the_session_file_exactly(
        session in any_session(),
        decisions in proptest::collection::vec(any_decision(), 0..4),
    ) {
        let config = config();
        let mut session = session;
        for d in decisions {
            session = decide(&config, &session, d);
        }
        let text = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &session);
        prop_assert!(back.check(&config).is_ok());
    }

    #[test]
    fn a_decision_becomes_the_sessions_value_and_stays_one_per_item(
        session in any_session(),
        first in any_decision(),
        second in any_decision(),
    ) {
        let config = config();
        let once = decide(&config, &session, first.clone());
        prop_assert!(holds(&config, &once, &first.item, &first.agreed));
        prop_assert_eq!(decision_of(&once, &first.item).map(|d| &d.agreed), Some(&first.agreed));
        prop_assert_eq!(once.decisions.len(), 1);
        // The same item decided again, with another item's kind of value when it fits.
        let again = Decision { item: first.item.clone(), ..second.clone() };
        let twice = decide(&config, &once, again.clone());
        let fits = std::mem::discriminant(&first.agreed) == std::mem::discriminant(&second.agreed);
        prop_assert_eq!(twice.decisions.len(), 1);
        let kept = if fits { &again } else { &first };
        prop_assert!(holds(&config, &twice, &first.item, &kept.agreed));
        prop_assert_eq!(decision_of(&twice, &first.item).map(|d| &d.agreed), Some(&kept.agreed));
        prop_assert!(twice.check(&config).is_ok());
    }

    #[test]
    fn the_csv_has_a_row_per_item_and_reads_back(session in any_session(), english in any::<bool>()) {
        let config = config();
        let lang = if english { Lang::En } else { Lang::Fr };
        let comparison = compare(&config, &session);
        let (header, rows) = read_csv(&comparison_csv(&config, &session, lang));
        prop_assert_eq!(&header, &comparison_header(&config, &session, lang));
        prop_assert_eq!(
            rows.len(),
            comparison.services.len() + comparison.relations.len() + comparison.gaps.len()
        );
        prop_assert!(rows.iter().flatten().all(|c| !c.starts_with(['=', '+', '-', '@'])));
        // Each list: divergent, then agreed, then unrated.
        let ranks = |a: Agreement| match a { Agreement::Divergent => 0, Agreement::Agreed => 1, Agreement::NoRatings => 2 };
        let services: Vec<u8> = comparison.services.iter().map(|s| ranks(s.agreement())).collect();
        prop_assert!(services.is_sorted());
        let gaps: Vec<u8> = comparison.gaps.iter().map(|g| ranks(g.agreement)).collect();
        prop_assert!(gaps.is_sorted());
        prop_assert!(comparison.gaps.iter().all(|g| g.agreement != Agreement::NoRatings));
    }
}
