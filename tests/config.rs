//! Native tests of the config model: parsing, every kind of validation problem with its
//! path and position, language fallback, the built-in default and the youth example.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::figures::{range, ServiceStatus};
use service_range_mapper::core::model::{AccessRoute, Availability, ProviderKind};
use service_range_mapper::core::text::{Lang, Text};
use service_range_mapper::core::validate::{
    load_text, load_value, Expected, LinkKind, Position, Problem, ProblemKind, Referent, Severity,
};

/// A small valid config to break in each test.
fn base() -> serde_json::Value {
    serde_json::json!({
        "version": 1,
        "territory": { "name": "Quartier Nord", "kind": "neighbourhood" },
        "services": [
            { "id": "crise", "tier": "proximite", "label": { "fr": "Crise", "en": "Crisis" } },
            { "id": "logement", "tier": "intersectoriel", "label": "Logement" },
            { "id": "urgence", "tier": "specialise", "label": "Urgence" }
        ],
        "providers": [
            { "id": "clsc", "name": "CLSC Nord", "kind": "public_establishment",
              "contact": { "phone": "514 555-0101 poste 22", "email": "a@example.org", "web": "https://example.org" } }
        ],
        "offers": [
            { "provider": "clsc", "service": "crise", "availability": "partial", "access": "single_access_point" }
        ]
    })
}

fn problems_of(value: serde_json::Value) -> Vec<Problem> {
    load_value(&value).problems
}

fn only_error(value: serde_json::Value) -> Problem {
    let errors: Vec<_> = problems_of(value)
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn a_valid_config_parses_with_defaults_filled_in() {
    let loaded = load_value(&base());
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    assert_eq!(
        config.tiers.len(),
        3,
        "default tiers are used when none are given"
    );
    assert_eq!(config.tiers[0].id, "proximite");
    assert_eq!(config.providers[0].kind, ProviderKind::PublicEstablishment);
    assert_eq!(config.offers[0].availability, Availability::Partial);
    assert_eq!(config.offers[0].access, AccessRoute::SingleAccessPoint);
}

#[test]
fn text_falls_back_to_the_other_language() {
    let both = Text::bilingual("Crise", "Crisis");
    assert_eq!(both.get(Lang::Fr), "Crise");
    assert_eq!(both.get(Lang::En), "Crisis");
    let fr_only: Text = serde_json::from_str(r#"{"fr": "Hébergement"}"#).unwrap();
    assert_eq!(fr_only.get(Lang::En), "Hébergement");
    let en_only: Text = serde_json::from_str(r#"{"en": "Housing", "fr": "  "}"#).unwrap();
    assert_eq!(
        en_only.get(Lang::Fr),
        "Housing",
        "a blank translation falls back too"
    );
    let plain: Text = serde_json::from_str(r#""Loisirs""#).unwrap();
    assert_eq!(plain.get(Lang::En), "Loisirs");
    assert!(
        serde_json::from_str::<Text>("{}").is_err(),
        "a text needs a language"
    );
    assert!(serde_json::from_str::<Text>("3").is_err());
}

#[test]
fn syntax_errors_give_line_and_column() {
    let loaded = load_text(
        "{\n  \"version\": 1,\n  \"territory\": { \"name\": \"X\" },\n  \"services\": [,]\n}",
    );
    assert!(loaded.config.is_none());
    assert_eq!(loaded.problems.len(), 1);
    let p = &loaded.problems[0];
    assert!(matches!(p.kind, ProblemKind::Syntax { .. }), "{p:?}");
    assert_eq!(
        p.position,
        Some(Position {
            line: 4,
            column: 16
        })
    );
}

#[test]
fn syntax_errors_are_named_in_the_interface_language() {
    use service_range_mapper::core::i18n::problem_message;
    use service_range_mapper::core::validate::SyntaxError;
    for (text, expected) in [
        (r#"{"version": 1,}"#, SyntaxError::TrailingComma),
        ("{\"version\": 1 // c\n}", SyntaxError::CommentsNotAllowed),
        ("{'version': 1}", SyntaxError::UnexpectedToken),
        (r#"{"version" 1}"#, SyntaxError::ExpectedColon),
        (r#"{"a": 1 "b": 2}"#, SyntaxError::ExpectedComma),
        (r#"{"a": [1, 2}"#, SyntaxError::UnexpectedToken),
        (r#"{"a": "b"#, SyntaxError::UnterminatedString),
        (r#"{"a": 1"#, SyntaxError::UnterminatedObject),
        ("", SyntaxError::Empty),
        ("{} {}", SyntaxError::SeveralValues),
    ] {
        let loaded = load_text(text);
        match &loaded.problems[..] {
            [Problem {
                kind: ProblemKind::Syntax { error, .. },
                ..
            }] => {
                assert_eq!(*error, expected, "{text:?}")
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let problem = &load_text(r#"{"version": 1,}"#).problems[0];
    assert_eq!(
        problem_message(Lang::Fr, problem),
        "Ce n'est pas du JSON valide : virgule en trop avant la fermeture."
    );
    assert_eq!(
        problem_message(Lang::En, problem),
        "This is not valid JSON: a comma too many before the closing bracket."
    );
}

#[test]
fn semantic_errors_in_text_carry_the_line_and_column_of_the_value() {
    let text = r#"{
  "version": 1,
  "territory": { "name": "T" },
  "services": [
    { "id": "a", "tier": "proximite", "label": "A" },
    { "id": "b", "tier": "nowhere", "label": "B" }
  ]
}"#;
    let loaded = load_text(text);
    let p = loaded.errors().next().unwrap();
    assert_eq!(p.path, "$.services[1].tier");
    assert_eq!(
        p.position,
        Some(Position {
            line: 6,
            column: 26
        })
    );
}

#[test]
fn wrong_types_are_reported_at_their_path() {
    let mut v = base();
    v["territory"]["population"] = serde_json::json!("beaucoup");
    let p = only_error(v);
    assert_eq!(p.path, "$.territory.population");
    assert_eq!(
        p.kind,
        ProblemKind::WrongType {
            expected: Expected::WholeNumber
        }
    );

    let mut v = base();
    v["services"] = serde_json::json!({ "id": "x" });
    v["offers"] = serde_json::json!([]);
    assert_eq!(only_error(v).path, "$.services");

    let mut v = base();
    v["offers"][0]["availability"] = serde_json::json!("sometimes");
    assert_eq!(only_error(v).path, "$.offers[0].availability");

    let p = only_error(serde_json::json!([1, 2]));
    assert_eq!(p.path, "$");
}

#[test]
fn wrong_types_are_said_in_correct_french() {
    let mut v = base();
    v["services"] = serde_json::json!({ "id": "x" });
    v["offers"] = serde_json::json!([]);
    let p = only_error(v);
    let message = service_range_mapper::core::i18n::problem_message(Lang::Fr, &p);
    assert_eq!(message, "Type incorrect : on attend une liste [ … ].");
    // Whatever the kind of value, the sentence agrees with it (no "une liste … attendu").
    let mut v = base();
    v["territory"]["population"] = serde_json::json!("beaucoup");
    let message = service_range_mapper::core::i18n::problem_message(Lang::Fr, &only_error(v));
    assert_eq!(
        message,
        "Type incorrect : on attend un nombre entier positif."
    );
}

#[test]
fn missing_required_fields_are_named() {
    let mut v = base();
    v["services"][1].as_object_mut().unwrap().remove("label");
    let p = only_error(v);
    assert_eq!(p.path, "$.services[1].label");
    assert_eq!(
        p.kind,
        ProblemKind::MissingField {
            field: "label".into()
        }
    );

    let mut v = base();
    v.as_object_mut().unwrap().remove("territory");
    assert_eq!(only_error(v).path, "$.territory");

    let mut v = base();
    v.as_object_mut().unwrap().remove("version");
    assert_eq!(only_error(v).path, "$.version");
}

#[test]
fn missing_field_position_points_at_the_object_that_lacks_it() {
    let text = "{\n  \"version\": 1,\n  \"territory\": { \"name\": \"T\" },\n  \"services\": [\n    { \"id\": \"a\", \"tier\": \"proximite\" }\n  ]\n}";
    let p = load_text(text).problems.into_iter().next().unwrap();
    assert_eq!(p.path, "$.services[0].label");
    assert_eq!(p.position, Some(Position { line: 5, column: 5 }));
}

#[test]
fn unsupported_version_is_an_error() {
    let mut v = base();
    v["version"] = serde_json::json!(2);
    assert_eq!(
        only_error(v).kind,
        ProblemKind::UnsupportedVersion { found: "2".into() }
    );
}

#[test]
fn duplicate_ids_name_the_first_use() {
    let mut v = base();
    v["services"][2]["id"] = serde_json::json!("crise");
    let p = only_error(v);
    assert_eq!(p.path, "$.services[2].id");
    assert_eq!(
        p.kind,
        ProblemKind::DuplicateId {
            id: "crise".into(),
            first: "$.services[0]".into()
        }
    );
}

#[test]
fn duplicate_keys_in_text_are_errors() {
    let loaded =
        load_text(r#"{"version": 1, "version": 1, "territory": {"name": "T"}, "services": []}"#);
    let p = loaded.errors().next().unwrap();
    assert_eq!(
        p.kind,
        ProblemKind::DuplicateKey {
            key: "version".into()
        }
    );
    assert_eq!(
        p.position,
        Some(Position {
            line: 1,
            column: 16
        }),
        "at the repeated key"
    );
}

#[test]
fn unknown_references_are_errors() {
    let mut v = base();
    v["services"][0]["tier"] = serde_json::json!("troisieme");
    assert_eq!(
        only_error(v).kind,
        ProblemKind::UnknownReference {
            referent: Referent::Tier,
            id: "troisieme".into()
        }
    );
    let mut v = base();
    v["offers"][0]["service"] = serde_json::json!("ghost");
    let p = only_error(v);
    assert_eq!(p.path, "$.offers[0].service");
    assert_eq!(
        p.kind,
        ProblemKind::UnknownReference {
            referent: Referent::Service,
            id: "ghost".into()
        }
    );
    let mut v = base();
    v["offers"][0]["provider"] = serde_json::json!("nobody");
    assert_eq!(only_error(v).path, "$.offers[0].provider");
}

#[test]
fn empty_labels_and_ids_are_errors() {
    let mut v = base();
    v["services"][1]["label"] = serde_json::json!({ "fr": " ", "en": "" });
    let p = only_error(v);
    assert_eq!(
        (p.path.as_str(), &p.kind),
        ("$.services[1].label", &ProblemKind::EmptyText)
    );
    let mut v = base();
    v["providers"][0]["name"] = serde_json::json!("");
    assert_eq!(only_error(v).path, "$.providers[0].name");
    let mut v = base();
    v["territory"]["name"] = serde_json::json!("");
    assert_eq!(only_error(v).path, "$.territory.name");
    let mut v = base();
    v["services"][0]["id"] = serde_json::json!("");
    assert!(problems_of(v)
        .iter()
        .any(|p| p.path == "$.services[0].id" && p.kind == ProblemKind::EmptyText));
}

#[test]
fn only_safe_links_are_accepted() {
    for (field, value, link) in [
        ("web", "javascript:alert(1)", LinkKind::Web),
        ("web", "example.org", LinkKind::Web),
        ("email", "pas une adresse", LinkKind::Email),
        ("phone", "call me", LinkKind::Phone),
    ] {
        let mut v = base();
        v["providers"][0]["contact"][field] = serde_json::json!(value);
        let p = only_error(v);
        assert_eq!(p.path, format!("$.providers[0].contact.{field}"));
        assert_eq!(
            p.kind,
            ProblemKind::BadLink {
                link,
                value: value.into()
            }
        );
    }
}

#[test]
fn unknown_fields_are_warnings_not_errors() {
    let mut v = base();
    v["services"][0]["descripton"] = serde_json::json!("typo");
    v["providers"][0]["contact"]["fax"] = serde_json::json!("1");
    v["services"][1]["label"] = serde_json::json!({ "fr": "Logement", "de": "Wohnung" });
    v["colour"] = serde_json::json!("red");
    let loaded = load_value(&v);
    assert!(loaded.config.is_some(), "warnings do not stop the config");
    let mut paths: Vec<_> = loaded.warnings().map(|p| p.path.clone()).collect();
    paths.sort();
    assert_eq!(
        paths,
        [
            "$.colour",
            "$.providers[0].contact.fax",
            "$.services[0].descripton",
            "$.services[1].label.de"
        ]
    );
    assert!(loaded
        .warnings()
        .all(|p| p.severity == Severity::Warning
            && matches!(p.kind, ProblemKind::UnknownField { .. })));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = base();
    // Two problems in one service, and problems in every other section.
    v["services"][0]["tier"] = serde_json::json!("nowhere");
    v["services"][0]["label"] = serde_json::json!(42);
    v["services"][2].as_object_mut().unwrap().remove("id");
    v["providers"][0]["contact"]["web"] = serde_json::json!("ftp://x");
    v["offers"][0]["provider"] = serde_json::json!("nobody");
    v["offers"][0]["availability"] = serde_json::json!("often");
    let errors: Vec<_> = problems_of(v)
        .into_iter()
        .filter(Problem::is_error)
        .map(|p| p.path)
        .collect();
    let mut expected = vec![
        "$.services[0].tier",
        "$.services[0].label",
        "$.services[2].id",
        "$.providers[0].contact.web",
        "$.offers[0].provider",
        "$.offers[0].availability",
    ];
    let mut errors_sorted = errors.clone();
    errors_sorted.sort();
    expected.sort();
    assert_eq!(errors_sorted, expected);
}

#[test]
fn references_of_faulty_items_are_still_checked() {
    let mut v = base();
    // The provider is faulty (no name) but declared: its offer must not be flagged.
    v["providers"][0].as_object_mut().unwrap().remove("name");
    // The offer is faulty (bad availability) yet its unknown service is still reported.
    v["offers"][0]["availability"] = serde_json::json!(3);
    v["offers"][0]["service"] = serde_json::json!("ghost");
    let mut errors: Vec<_> = problems_of(v)
        .into_iter()
        .filter(Problem::is_error)
        .map(|p| p.path)
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            "$.offers[0].availability",
            "$.offers[0].service",
            "$.providers[0].name"
        ]
    );
}

#[test]
fn problems_come_in_reading_order() {
    let text = "{\n \"version\": 2,\n \"territory\": {\"name\": \"\"},\n \"services\": [{\"id\": \"a\", \"tier\": \"x\", \"label\": \"A\"}]\n}";
    let lines: Vec<_> = load_text(text)
        .problems
        .iter()
        .map(|p| p.position.unwrap().line)
        .collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn duplicate_offers_and_empty_tiers_are_warnings() {
    let mut v = base();
    v["offers"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({ "provider": "clsc", "service": "crise" }));
    v["tiers"] = serde_json::json!([
        { "id": "proximite", "label": "Proximité" },
        { "id": "intersectoriel", "label": "Intersectoriel" },
        { "id": "specialise", "label": "Spécialisé" },
        { "id": "surspecialise", "label": "Surspécialisé" }
    ]);
    let loaded = load_value(&v);
    assert!(loaded.config.is_some());
    let kinds: Vec<_> = loaded
        .warnings()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    assert!(kinds.contains(&(
        "$.offers[1]".into(),
        ProblemKind::DuplicateOffer {
            provider: "clsc".into(),
            service: "crise".into()
        }
    )));
    assert!(kinds.contains(&(
        "$.tiers[3]".into(),
        ProblemKind::EmptyTier {
            tier: "surspecialise".into()
        }
    )));
}

#[test]
fn phone_links_keep_only_digits_and_extension() {
    use service_range_mapper::core::links::{mailto_href, tel_href, web_href};
    assert_eq!(
        tel_href("514 555-0101 poste 22").as_deref(),
        Some("tel:5145550101;ext=22")
    );
    assert_eq!(
        tel_href("+1 (418) 555-0100").as_deref(),
        Some("tel:+14185550100")
    );
    assert_eq!(tel_href("811").as_deref(), Some("tel:811"));
    assert_eq!(tel_href("javascript:1").as_deref(), None);
    assert_eq!(
        mailto_href("info@example.org").as_deref(),
        Some("mailto:info@example.org")
    );
    assert_eq!(mailto_href("a@b").as_deref(), None);
    assert_eq!(web_href("HTTPS://Example.org/a b"), None);
    assert_eq!(
        web_href("https://example.org/x?y=1").as_deref(),
        Some("https://example.org/x?y=1")
    );
}

#[test]
fn the_default_is_the_msss_mental_health_range_as_an_example() {
    let loaded = default_config();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    assert!(
        config.territory.example,
        "the default territory is labelled as an example"
    );
    let tiers = range(&config);
    let counts: Vec<_> = tiers
        .iter()
        .map(|t| (config.tiers[t.tier].id.as_str(), t.services.len()))
        .collect();
    assert_eq!(
        counts,
        [("proximite", 9), ("intersectoriel", 8), ("specialise", 7)]
    );
    assert_eq!(config.services.len(), 24);
    for service in &config.services {
        assert_ne!(
            service.label.fr, service.label.en,
            "{} is bilingual",
            service.id
        );
        assert!(service.label.fr.is_some() && service.label.en.is_some());
    }
    assert!(config.providers.len() >= 8 && config.offers.len() >= 15);
    // The example shows every status so the legend means something on first load.
    let statuses: std::collections::HashSet<_> = tiers
        .iter()
        .flat_map(|t| t.services.iter().map(|s| s.status))
        .collect();
    assert_eq!(statuses.len(), ServiceStatus::ALL.len());
}

#[test]
fn the_youth_example_maps_another_range() {
    let text = std::fs::read_to_string("www/examples/jeunesse.json").unwrap();
    let loaded = load_text(&text);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    let labels: Vec<_> = config
        .services
        .iter()
        .map(|s| s.label.get(Lang::Fr))
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("protection de la jeunesse")),
        "{labels:?}"
    );
    // Its own four tiers, from promotion and prevention to protection: nothing is hard-wired.
    let tiers: Vec<_> = config.tiers.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        tiers,
        [
            "promotion-prevention",
            "proximite",
            "specialise",
            "protection"
        ]
    );
}

#[test]
fn tier_counts_only_services_with_an_available_provider() {
    let mut v = base();
    v["offers"] = serde_json::json!([
        { "provider": "clsc", "service": "crise", "availability": "waiting_list" },
        { "provider": "clsc", "service": "logement", "availability": "available" },
        { "provider": "clsc", "service": "urgence", "availability": "planned" }
    ]);
    let config = load_value(&v).config.unwrap();
    let tiers = range(&config);
    assert_eq!(
        tiers.iter().map(|t| t.available).collect::<Vec<_>>(),
        [0, 1, 0]
    );
    assert_eq!(tiers[0].services[0].status, ServiceStatus::WaitingList);
    assert_eq!(tiers[2].services[0].status, ServiceStatus::Planned);
}

#[test]
fn the_readme_example_is_a_valid_complete_config() {
    let loaded = load_text(&common::readme_json_after("A complete example"));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let config = loaded.config.unwrap();
    // It shows every part of the format.
    assert!(config.id.is_some() && config.territory.population.is_some());
    assert!(config.tiers.iter().any(|t| t.description.is_some()));
    assert!(config.services.iter().any(|s| !s.examples.is_empty()));
    assert!(config
        .providers
        .iter()
        .any(|p| p.contact.address.is_some() && !p.languages.is_empty()));
    assert!(config.offers.iter().any(|o| o.eligibility.is_some()));
}
