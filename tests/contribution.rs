//! Contribution files: read back exactly what is written, hand-edited and broken files
//! said with their path, line and column, and gathering — other territories, older
//! config versions, the same contribution or person twice, hundreds of files — without
//! ever counting one twice or losing one. Also: a session file saved before
//! contributions existed still opens with everything in it.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use service_range_mapper::core::contribution::{
    gather, read, Contribution, Contributor, Gathered, Refusal, RelationRating,
};
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::gaps::{
    Coverage, Gap, GapKind, GapSeverity, GapTarget, Perspective,
};
use service_range_mapper::core::model::{Config, Mechanism};
use service_range_mapper::core::problems::{Position, ProblemKind};
use service_range_mapper::core::session::{Fit, Session};

fn config() -> Config {
    default_config().config.unwrap()
}

fn contribution(id: &str, name: &str, organisation: Option<&str>) -> Contribution {
    let mut c = Contribution::new(
        &config(),
        id.into(),
        Contributor {
            name: name.into(),
            organisation: organisation.map(String::from),
            perspective: Perspective::Practitioner,
        },
        "2026-03-12T09:00:00Z",
    );
    c.coverage.insert("crise".into(), Coverage::Partial);
    c.coverage.insert("entraide".into(), Coverage::NotAssessed);
    c.gaps.push(Gap {
        id: "g1".into(),
        target: GapTarget::Service {
            service: "crise".into(),
        },
        kind: GapKind::WaitingList,
        barrier: None,
        severity: GapSeverity::High,
        population: "Jeunes adultes".into(),
        perspective: Perspective::Practitioner,
        note: "=1+1 dit en atelier".into(),
        action: String::new(),
        impact: 4,
        feasibility: 2,
        created: "2026-03-12T09:05:00Z".into(),
        modified: "2026-03-12T09:05:00Z".into(),
        author: None,
    });
    if organisation.is_some() {
        c.relations.push(RelationRating {
            with: "hopital".into(),
            level: Some("coordination".into()),
            target: Some("integration".into()),
            mechanisms: vec![Mechanism::LiaisonOfficer],
        });
    }
    c
}

fn file(c: &Contribution) -> String {
    serde_json::to_string_pretty(c).unwrap()
}

fn problems(text: &str) -> Vec<(String, Option<Position>, ProblemKind)> {
    match read(text) {
        Err(Refusal::Unreadable(problems)) => problems
            .into_iter()
            .map(|p| (p.path, p.position, p.kind))
            .collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_contribution_file_reads_back_exactly() {
    for c in [
        contribution("c1", "Marie", Some("cisss")),
        contribution("c2", "", None),
    ] {
        assert_eq!(read(&file(&c)), Ok(c.clone()));
        // As the browser writes it: compact.
        assert_eq!(read(&serde_json::to_string(&c).unwrap()), Ok(c));
    }
}

#[test]
fn broken_text_is_said_with_its_line_and_column() {
    let text = file(&contribution("c1", "Marie", Some("cisss")));
    let cut = &text[..text.len() / 2];
    let found = problems(cut);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].2, ProblemKind::Syntax { .. }));
    assert!(found[0].1.is_some_and(|p| p.line > 1));
    assert!(matches!(read(""), Err(Refusal::Unreadable(_))));
}

#[test]
fn hand_edited_values_outside_the_scale_are_said_where_they_are() {
    let text = file(&contribution("c1", "Marie", Some("cisss")))
        .replace("\"partial\"", "\"peut-être\"")
        .replace("\"impact\": 4", "\"impact\": 9")
        .replace("\"liaison_officer\"", "\"pigeon\"");
    let found = problems(&text);
    let paths: Vec<&str> = found.iter().map(|(p, _, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.coverage.crise",
            "$.gaps[0].impact",
            "$.relations[0].mechanisms[0]"
        ]
    );
    assert!(
        matches!(&found[0].2, ProblemKind::UnknownValue { value, allowed }
        if value == "peut-être" && allowed.contains(&"covered".to_string()))
    );
    assert!(
        matches!(&found[1].2, ProblemKind::OutOfRange { value, min: 1, max: 5 } if value == "9")
    );
    // Each at the line the value is on.
    for (path, position, _) in &found {
        let line = position.expect("positioned").line;
        let wanted = match path.as_str() {
            "$.coverage.crise" => "peut-être",
            "$.gaps[0].impact" => "\"impact\": 9",
            _ => "pigeon",
        };
        assert!(
            text.lines().nth(line - 1).unwrap().contains(wanted),
            "{path}"
        );
    }
}

#[test]
fn missing_and_mistyped_fields_are_errors_with_paths() {
    let mut value: serde_json::Value =
        serde_json::to_value(contribution("c1", "Marie", Some("cisss"))).unwrap();
    value["participant"]
        .as_object_mut()
        .unwrap()
        .remove("perspective");
    value["gaps"][0]["severity"] = serde_json::json!(3);
    value["created"] = serde_json::json!(null);
    let found = problems(&serde_json::to_string_pretty(&value).unwrap());
    let mut paths: Vec<&str> = found.iter().map(|(p, _, _)| p.as_str()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "$.created",
            "$.gaps[0].severity",
            "$.participant.perspective"
        ]
    );
}

#[test]
fn other_files_and_versions_are_named_as_such() {
    let session = serde_json::to_string(&Session::new(&config())).unwrap();
    assert_eq!(read(&session), Err(Refusal::NotAContribution));
    assert_eq!(read("[1, 2]"), Err(Refusal::NotAContribution));
    let future = file(&contribution("c1", "Marie", Some("cisss")))
        .replace("\"version\": 1", "\"version\": 2");
    assert_eq!(read(&future), Err(Refusal::UnsupportedVersion { found: 2 }));
}

fn named(c: &Contribution) -> (String, String) {
    (format!("{}.json", c.id), file(c))
}

#[test]
fn gathering_says_what_happened_to_each_file_and_counts_nothing_twice() {
    let config = config();
    let marie = contribution("c1", "Marie", Some("cisss"));
    let mut marie_later = marie.clone();
    marie_later.modified = "2026-03-12T10:00:00Z".into();
    marie_later
        .coverage
        .insert("crise".into(), Coverage::Absent);
    let mut marie_again = contribution("c9", " marie ", Some("cisss"));
    marie_again.modified = "2026-03-12T11:00:00Z".into();
    let anonymous = contribution("c2", "", None);
    let anonymous_too = contribution("c3", "", None);
    let mut foreign = contribution("c4", "Luc", Some("gmf"));
    foreign.config = "another-territory".into();
    let mut older = contribution("c5", "Léa", Some("gmf"));
    older.fingerprint = "0000000000000000".into();
    older
        .coverage
        .insert("service-retire".into(), Coverage::Covered);
    let files = vec![
        named(&marie),
        named(&marie),
        named(&anonymous),
        named(&anonymous_too),
        named(&marie_later),
        named(&marie),
        named(&marie_again),
        named(&foreign),
        named(&older),
        ("broken.json".into(), "{\"format\": ".into()),
    ];
    let (session, outcomes) = gather(&config, &Session::new(&config), &files);
    let results: Vec<_> = outcomes.iter().map(|o| o.result.clone()).collect();
    let added = Ok(Gathered::Added {
        orphans: 0,
        other_version: false,
    });
    assert_eq!(results[0], added);
    assert_eq!(results[1], Ok(Gathered::AlreadyGathered));
    assert_eq!(results[2], added);
    assert_eq!(results[3], added, "two anonymous people are two people");
    assert_eq!(
        results[4],
        Ok(Gathered::Updated {
            orphans: 0,
            other_version: false
        })
    );
    assert_eq!(
        results[5],
        Ok(Gathered::AlreadyGathered),
        "older than what is here"
    );
    assert!(matches!(&results[6], Err(Refusal::SamePerson { name, .. }) if name == "marie"));
    assert_eq!(
        results[7],
        Err(Refusal::OtherConfig {
            config: "another-territory".into()
        })
    );
    assert_eq!(
        results[8],
        Ok(Gathered::Added {
            orphans: 1,
            other_version: true
        })
    );
    assert!(matches!(results[9], Err(Refusal::Unreadable(_))));
    let ids: Vec<&str> = session
        .contributions
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(ids, ["c1", "c2", "c3", "c5"]);
    assert_eq!(session.contributions[0], marie_later);
    // The orphan rating is kept.
    assert_eq!(
        session.contributions[3].coverage.get("service-retire"),
        Some(&Coverage::Covered)
    );
    assert_eq!(outcomes[9].file, "broken.json");
    assert_eq!(outcomes[0].participant.as_deref(), Some("Marie"));
}

#[test]
fn two_hundred_contributions_gather_in_any_number_of_drops() {
    let config = config();
    let all: Vec<(String, String)> = (0..200)
        .map(|i| {
            named(&contribution(
                &format!("c{i}"),
                &format!("P{i}"),
                Some("cisss"),
            ))
        })
        .collect();
    let (at_once, outcomes) = gather(&config, &Session::new(&config), &all);
    assert_eq!(at_once.contributions.len(), 200);
    assert!(outcomes.iter().all(|o| o.result.is_ok()));
    let (first, _) = gather(&config, &Session::new(&config), &all[..120]);
    let (both, _) = gather(&config, &first, &all[80..]);
    assert_eq!(both, at_once);
}

#[test]
fn a_session_file_saved_before_contributions_opens_with_everything_kept() {
    let text = std::fs::read_to_string("tests/fixtures/session-before-contributions.json").unwrap();
    let session: Session = serde_json::from_str(&text).unwrap();
    let config = config();
    assert_eq!(session.check(&config), Ok(Fit::Same));
    assert_eq!(session.gaps.len(), 2);
    assert_eq!(session.coverage.len(), 2);
    assert_eq!(session.relations.len(), 1);
    assert!(session.contributions.is_empty() && session.decisions.is_empty());
    // Written back, it is the same file: nothing added, nothing lost.
    let before: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_value(&session).unwrap(), before);
}

fn any_contribution() -> impl Strategy<Value = Contribution> {
    let services: Vec<String> = config().services.iter().map(|s| s.id.clone()).collect();
    (
        "[a-z0-9]{1,8}",
        "[ -~À-ÿ]{0,12}",
        prop::option::of(prop::sample::select(vec!["cisss", "gmf", "hopital"])),
        prop::collection::btree_map(
            prop::sample::select(services),
            prop::sample::select(Coverage::ALL.to_vec()),
            0..10,
        ),
        prop::collection::vec(
            (
                prop::sample::select(vec!["cisss", "gmf", "entraide", "inconnu"]),
                prop::option::of(prop::sample::select(vec!["cooperation", "coalition"])),
                prop::option::of(prop::sample::select(vec!["integration"])),
                prop::collection::vec(
                    prop::sample::select(vec![Mechanism::Merger, Mechanism::SharedCare]),
                    0..3,
                ),
            ),
            0..4,
        ),
    )
        .prop_map(|(id, name, organisation, coverage, relations)| {
            let mut c = contribution(&id, &name, organisation);
            c.coverage = coverage;
            c.relations = relations
                .into_iter()
                .map(|(with, level, target, mechanisms)| RelationRating {
                    with: with.into(),
                    level: level.map(String::from),
                    target: target.map(String::from),
                    mechanisms,
                })
                .collect();
            c
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_contribution_survives_its_file_and_the_session_file(c in any_contribution()) {
        prop_assert_eq!(read(&file(&c)), Ok(c.clone()));
        let config = config();
        let (session, _) = gather(&config, &Session::new(&config), &[named(&c)]);
        let text = serde_json::to_string(&session).unwrap();
        let back: Session = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&*back.contributions, &vec![c]);
        prop_assert_eq!(back, session);
    }
}

#[test]
fn the_readme_contribution_example_is_gathered_into_a_session_of_the_default_config() {
    let text = common::readme_json_after("The contribution file");
    let contribution = read(&text).expect("the README's example reads");
    assert_eq!(
        contribution.participant.organisation.as_deref(),
        Some("cisss")
    );
    let config = config();
    let (session, outcomes) = gather(
        &config,
        &Session::new(&config),
        &[("exemple.json".into(), text)],
    );
    assert_eq!(
        outcomes[0].result,
        Ok(Gathered::Added {
            orphans: 0,
            other_version: false
        })
    );
    assert_eq!(session.contributions.len(), 1);
}

#[test]
fn the_readme_decision_examples_read_as_decisions() {
    use service_range_mapper::core::contribution::Decision;
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("A decision in the session file: `").unwrap() + 33;
    let end = start + readme[start..].find('`').unwrap();
    let decision: Decision = serde_json::from_str(&readme[start..end].replace("\n", " ")).unwrap();
    assert_eq!(decision.note, "…");
}
