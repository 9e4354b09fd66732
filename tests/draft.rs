//! The range editor's model, natively: ids, edits and their consequences (on the config
//! and on a workshop session beside it), the summary of changes, the translations, the
//! config written and read back, and the editor's reducer.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::configs::any_config;

use proptest::prelude::*;
use service_range_mapper::core::draft::*;
use service_range_mapper::core::gaps::{Coverage, GapTarget};
use service_range_mapper::core::model::*;
use service_range_mapper::core::session::{identity, Session};
use service_range_mapper::core::text::{Lang, Text};
use service_range_mapper::core::validate::load_text;
use service_range_mapper::editor_state::{
    read_text, DraftCheck, EditorAction, EditorState, Section,
};
use std::rc::Rc;
use yew::Reducible;

fn edit(config: &mut Config, edit: Edit) -> Applied {
    apply(config, &edit).unwrap_or_else(|refusal| panic!("{edit:?} refused: {refusal:?}"))
}

/// An empty range with one tier ("Proximité") and one service in it ("Crise").
fn one_tier_one_service() -> Config {
    let mut config = start(StartPoint::Empty);
    edit(
        &mut config,
        Edit::AddTier {
            label: "Proximité".into(),
        },
    );
    edit(
        &mut config,
        Edit::AddService {
            tier: "proximite".into(),
            label: "Crise".into(),
        },
    );
    config
}

fn example() -> Config {
    start(StartPoint::MentalHealthExample)
}

#[test]
fn ids_are_made_from_the_first_label_with_accents_folded_and_unique() {
    assert_eq!(
        slug("Hébergement spécialisé ou de longue durée"),
        "hebergement-specialise-ou-de-longue-duree"
    );
    assert_eq!(
        slug("  Œuvre d'entraide — Côte-Nord!  "),
        "oeuvre-d-entraide-cote-nord"
    );
    assert_eq!(slug("<script>"), "script");
    assert_eq!(slug("???"), "element");
    assert!(slug(&"a".repeat(500)).len() <= 48);
    assert_eq!(new_id("Logement", ["logement", "logement-2"]), "logement-3");
    let mut config = one_tier_one_service();
    edit(
        &mut config,
        Edit::AddService {
            tier: "proximite".into(),
            label: "crise".into(),
        },
    );
    let ids: Vec<&str> = config.services.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["crise", "crise-2"]);
    assert_eq!(
        apply(
            &mut config,
            &Edit::AddService {
                tier: "proximite".into(),
                label: "  ".into()
            }
        ),
        Err(Refusal::EmptyLabel)
    );
}

#[test]
fn a_rename_never_changes_an_id_and_a_session_stays_attached() {
    let mut config = example();
    let session = {
        let mut s = Session::new(&config);
        s.gaps.push(common::gap(
            "g1",
            GapTarget::Service {
                service: "crise".into(),
            },
        ));
        s.coverage.insert("crise".into(), Coverage::Partial);
        s
    };
    let crisis = config
        .services
        .iter()
        .position(|s| s.id == "crise")
        .unwrap();
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(crisis),
            lang: Lang::Fr,
            value: "Urgence psychosociale".into(),
        },
    );
    assert_eq!(config.services[crisis].id, "crise");
    // Moved to another tier: at its end, still the same service for the session.
    let applied = edit(
        &mut config,
        Edit::ServiceTier {
            index: crisis,
            tier: "specialise".into(),
        },
    );
    let moved = applied.index.unwrap();
    assert_eq!(config.services[moved].id, "crise");
    assert_eq!(config.services[moved].tier, "specialise");
    assert_eq!(
        config.services.iter().rposition(|s| s.tier == "specialise"),
        Some(moved)
    );
    assert!(!Session::is_orphan(&session.gaps[0], &config));
    assert_eq!(session.check(&config).map(|_| ()), Ok(()));
    assert_eq!(session.orphans(&config).gaps, 0);
}

#[test]
fn renaming_a_territory_without_id_keeps_its_identity_and_a_new_range_gets_one() {
    let mut config = example();
    config.id = None;
    let before = identity(&config);
    edit(
        &mut config,
        Edit::Text {
            field: TextField::TerritoryName,
            lang: Lang::Fr,
            value: "Autre nom".into(),
        },
    );
    assert_eq!(identity(&config), before);
    let mut fresh = start(StartPoint::Empty);
    edit(
        &mut fresh,
        Edit::Text {
            field: TextField::TerritoryName,
            lang: Lang::Fr,
            value: "MRC des Érables".into(),
        },
    );
    assert_eq!(fresh.id.as_deref(), Some("mrc-des-erables"));
    edit(
        &mut fresh,
        Edit::Text {
            field: TextField::TerritoryName,
            lang: Lang::Fr,
            value: "MRC de l'Érable".into(),
        },
    );
    assert_eq!(
        fresh.id.as_deref(),
        Some("mrc-des-erables"),
        "never changed by a rename"
    );
}

#[test]
fn deleting_a_service_says_what_depends_on_it_and_takes_its_offers() {
    let mut config = example();
    let mut session = Session::new(&config);
    session.gaps.push(common::gap(
        "g1",
        GapTarget::Service {
            service: "logement-social".into(),
        },
    ));
    session
        .coverage
        .insert("logement-social".into(), Coverage::Absent);
    let index = config
        .services
        .iter()
        .position(|s| s.id == "logement-social")
        .unwrap();
    let offers = config
        .offers
        .iter()
        .filter(|o| o.service == "logement-social")
        .count();
    let related = relations(&config)
        .iter()
        .filter(|r| r.services.contains(&"logement-social".to_string()))
        .count();
    assert!(
        offers > 0 && related > 0,
        "the example has offers and relations on social housing"
    );
    let dependents = service_dependents(&config, Some(&session), index);
    assert_eq!(
        dependents,
        Dependents {
            offers,
            relations: related,
            gaps: 1,
            coverage: true,
            ..Dependents::default()
        }
    );
    edit(&mut config, Edit::DeleteService { index });
    assert!(config.service("logement-social").is_none());
    assert!(config.offers.iter().all(|o| o.service != "logement-social"));
    assert!(relations(&config)
        .iter()
        .all(|r| !r.services.contains(&"logement-social".to_string())));
    assert!(
        check(&config).errors().next().is_none(),
        "{:?}",
        check(&config).problems
    );
    // The gap is kept by the session, as an orphan.
    assert_eq!(session.orphans(&config).gaps, 1);
}

#[test]
fn a_tier_with_services_needs_a_tier_to_send_them_to() {
    let mut config = example();
    let index = config
        .tiers
        .iter()
        .position(|t| t.id == "intersectoriel")
        .unwrap();
    let count = config
        .services
        .iter()
        .filter(|s| s.tier == "intersectoriel")
        .count();
    assert_eq!(tier_dependents(&config, None, index).services, count);
    assert_eq!(
        apply(
            &mut config,
            &Edit::DeleteTier {
                index,
                services_to: None
            }
        ),
        Err(Refusal::TierHasServices { services: count })
    );
    let before = config
        .services
        .iter()
        .filter(|s| s.tier == "proximite")
        .count();
    edit(
        &mut config,
        Edit::DeleteTier {
            index,
            services_to: Some("proximite".into()),
        },
    );
    assert!(config.tier("intersectoriel").is_none());
    assert_eq!(
        config
            .services
            .iter()
            .filter(|s| s.tier == "proximite")
            .count(),
        before + count
    );
    assert!(check(&config).errors().next().is_none());
}

#[test]
fn deleting_a_provider_takes_its_offers_and_relations() {
    let mut config = example();
    let index = 0;
    let id = config.providers[index].id.clone();
    let d = provider_dependents(&config, None, index);
    assert_eq!(
        d.offers,
        config.offers.iter().filter(|o| o.provider == id).count()
    );
    edit(&mut config, Edit::DeleteProvider { index });
    assert!(config.offers.iter().all(|o| o.provider != id));
    assert!(relations(&config)
        .iter()
        .all(|r| !r.providers.contains(&id)));
    assert!(check(&config).errors().next().is_none());
}

#[test]
fn changing_an_id_by_hand_follows_every_reference_and_refuses_a_taken_one() {
    let mut config = example();
    let id = config.providers[0].id.clone();
    let other = config.providers[1].id.clone();
    assert_eq!(
        apply(
            &mut config,
            &Edit::ProviderId {
                index: 0,
                id: other.clone()
            }
        ),
        Err(Refusal::IdTaken { id: other })
    );
    assert_eq!(
        apply(
            &mut config,
            &Edit::ProviderId {
                index: 0,
                id: " ".into()
            }
        ),
        Err(Refusal::EmptyId)
    );
    edit(
        &mut config,
        Edit::ProviderId {
            index: 0,
            id: "nouvel-id".into(),
        },
    );
    assert!(config.offers.iter().all(|o| o.provider != id));
    assert!(relations(&config)
        .iter()
        .all(|r| !r.providers.contains(&id)));
    assert!(check(&config).errors().next().is_none());
    edit(
        &mut config,
        Edit::TierId {
            index: 0,
            id: "premiere-ligne".into(),
        },
    );
    assert!(config.services.iter().all(|s| s.tier != "proximite"));
    assert!(check(&config).errors().next().is_none());
}

#[test]
fn services_move_within_their_tier_and_tiers_move() {
    let mut config = example();
    let tier = config.services[0].tier.clone();
    let second = (1..config.services.len())
        .find(|i| config.services[*i].tier == tier)
        .unwrap();
    let first_id = config.services[0].id.clone();
    let moved = edit(
        &mut config,
        Edit::MoveService {
            index: 0,
            up: false,
        },
    )
    .index
    .unwrap();
    assert_eq!(moved, second);
    assert_eq!(config.services[second].id, first_id);
    assert_eq!(
        apply(&mut config, &Edit::MoveService { index: 0, up: true }),
        Err(Refusal::Unchanged)
    );
    let tiers: Vec<String> = config.tiers.iter().map(|t| t.id.clone()).collect();
    edit(
        &mut config,
        Edit::MoveTier {
            index: 0,
            up: false,
        },
    );
    assert_eq!(config.tiers[1].id, tiers[0]);
    assert_eq!(
        apply(&mut config, &Edit::MoveTier { index: 0, up: true }),
        Err(Refusal::Unchanged)
    );
}

#[test]
fn a_text_has_french_and_english_side_by_side_and_missing_translations_are_counted() {
    let plain = Text::plain("Centre");
    assert_eq!(
        with_side(Some(&plain), Lang::Fr, "Centre Nord"),
        Some(Text::plain("Centre Nord"))
    );
    assert_eq!(
        with_side(Some(&plain), Lang::En, "North Centre"),
        Some(Text::bilingual("Centre", "North Centre"))
    );
    let fr_only = with_side(None, Lang::Fr, "Logement").unwrap();
    assert_eq!(misses_translation(&fr_only), Some(Lang::En));
    assert_eq!(
        misses_translation(&plain),
        None,
        "a plain text is for every language"
    );
    assert_eq!(with_side(Some(&fr_only), Lang::Fr, ""), None);
    let mut config = one_tier_one_service();
    let missing = missing_translations(&config);
    assert_eq!(
        missing,
        [
            (TextField::TierLabel(0), Lang::En),
            (TextField::ServiceLabel(0), Lang::En)
        ]
    );
    assert_eq!(
        next_missing(&missing, None),
        Some((TextField::TierLabel(0), Lang::En))
    );
    assert_eq!(
        next_missing(&missing, Some((TextField::TierLabel(0), Lang::En))),
        Some((TextField::ServiceLabel(0), Lang::En))
    );
    assert_eq!(
        next_missing(&missing, Some((TextField::ServiceLabel(0), Lang::En))),
        Some((TextField::TierLabel(0), Lang::En))
    );
    assert_eq!(
        side_path(TextField::ServiceLabel(0), Lang::En),
        "$.services[0].label.en"
    );
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(0),
            lang: Lang::En,
            value: "Crisis".into(),
        },
    );
    assert_eq!(missing_translations(&config).len(), 1);
    // Examples: one per line in each language, paired by line.
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceExamples(0),
            lang: Lang::Fr,
            value: "Ligne de crise\nSuivi".into(),
        },
    );
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceExamples(0),
            lang: Lang::En,
            value: "Crisis line".into(),
        },
    );
    assert_eq!(
        config.services[0].examples[0],
        Text::bilingual("Ligne de crise", "Crisis line")
    );
    assert_eq!(
        field_text(&config, TextField::ServiceExamples(0), Lang::Fr),
        "Ligne de crise\nSuivi"
    );
}

#[test]
fn hostile_and_odd_text_is_kept_as_text_and_checked() {
    let mut config = example();
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(0),
            lang: Lang::Fr,
            value: "<script>alert(1)</script>\u{7}\u{0}".into(),
        },
    );
    assert_eq!(
        config.services[0].label.get(Lang::Fr),
        "<script>alert(1)</script>",
        "control characters removed"
    );
    let long = "x".repeat(100_000);
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceDescription(0),
            lang: Lang::Fr,
            value: long.clone(),
        },
    );
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(1),
            lang: Lang::Fr,
            value: long.clone(),
        },
    );
    assert!(advice(&config)
        .iter()
        .any(|(path, a)| path == "$.services[1].label"
            && matches!(a, Advice::LongLabel { length: 100_000 })));
    edit(
        &mut config,
        Edit::Contact {
            index: 0,
            field: ContactField::Web,
            value: "javascript:alert(1)".into(),
        },
    );
    let loaded = check(&config);
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.path == "$.providers[0].contact.web" && p.is_error()));
    // Two services of one tier with the same name: said, at the second.
    let mut config = example();
    let same = config.services[0].label.clone();
    let second = (1..config.services.len())
        .find(|i| config.services[*i].tier == config.services[0].tier)
        .unwrap();
    config.services[second].label = same;
    assert!(advice(&config)
        .iter()
        .any(|(path, a)| *path == format!("$.services[{second}].label")
            && matches!(a, Advice::SameName { .. })));
}

#[test]
fn the_summary_of_changes_counts_by_kind() {
    let opened = example();
    let mut config = opened.clone();
    let tier = config.tiers[0].id.clone();
    for label in ["Un", "Deux", "Trois"] {
        edit(
            &mut config,
            Edit::AddService {
                tier: tier.clone(),
                label: label.into(),
            },
        );
    }
    edit(
        &mut config,
        Edit::ProviderKind {
            index: 0,
            kind: ProviderKind::Other,
        },
    );
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ProviderName(1),
            lang: Lang::Fr,
            value: "Renommé".into(),
        },
    );
    let changes = changes(&opened, &config);
    assert_eq!(
        changes.services,
        Count {
            added: 3,
            removed: 0,
            changed: 0
        }
    );
    assert_eq!(
        changes.providers,
        Count {
            added: 0,
            removed: 0,
            changed: 2
        }
    );
    assert!(!changes.territory);
    use service_range_mapper::core::editor_text::changes_text;
    assert_eq!(
        changes_text(Lang::Fr, &changes),
        "Depuis l'ouverture : 3 services ajoutés, 2 organismes modifiés."
    );
    assert_eq!(
        changes_text(Lang::En, &changes),
        "Since it was opened: 3 services added, 2 organisations changed."
    );
    assert!(crate::changes(&opened, &opened).is_empty());
}

#[test]
fn the_start_points_are_valid_and_the_reference_ranges_have_no_provider() {
    for point in StartPoint::ALL {
        let config = start(point);
        // The territory of a reference range is for the person to name: the only error,
        // which the preview shows as "(sans nom)".
        let loaded = check(&config);
        let errors: Vec<&str> = loaded.errors().map(|p| p.path.as_str()).collect();
        match point {
            StartPoint::MentalHealthExample | StartPoint::YouthExample => {
                assert!(errors.is_empty(), "{point:?}: {errors:?}")
            }
            _ => assert_eq!(errors, ["$.territory.name"], "{point:?}"),
        }
        assert!(check(&with_blank_names_marked(&config))
            .errors()
            .next()
            .is_none());
        assert_eq!(StartPoint::from_key(point.key()), Some(point));
    }
    let range = start(StartPoint::MentalHealthRange);
    assert!(range.providers.is_empty() && range.offers.is_empty() && !range.services.is_empty());
    assert!(!range.territory.example);
    assert!(start(StartPoint::YouthRange).tiers.len() >= 4);
}

#[test]
fn a_kept_draft_reads_back_even_with_errors() {
    let opened = example();
    let mut config = opened.clone();
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(0),
            lang: Lang::Fr,
            value: "".into(),
        },
    );
    edit(
        &mut config,
        Edit::Text {
            field: TextField::ServiceLabel(0),
            lang: Lang::En,
            value: "".into(),
        },
    );
    assert!(check(&config)
        .errors()
        .any(|p| p.path == "$.services[0].label"));
    let file = DraftFile::new(&opened, &config, "2026-11-29T15:00:00.000Z".into());
    assert_eq!(DraftFile::read(&file.to_text()), Some(file));
    assert_eq!(DraftFile::read("{\"format\":\"other\"}"), None);
    assert_eq!(
        draft_key("quartier-nord", Some("a")),
        "srm:draft:quartier-nord:a"
    );
}

#[test]
fn json_text_with_errors_the_forms_can_mend_is_read_and_broken_text_is_not() {
    let mut blank = example();
    blank.services[0].label = Text::plain("");
    let text = to_json(&blank);
    let (loaded, config) = read_text(&text);
    assert!(loaded.errors().any(|p| p.path.ends_with(".label")));
    assert!(config.is_some(), "a blank label is for the forms to mend");
    let (loaded, config) = read_text("{\"version\": 1, \"territory\": ");
    assert!(config.is_none());
    assert!(loaded.problems[0].position.is_some(), "line and column");
}

// ---- The reducer

fn state() -> EditorState {
    let config = example();
    EditorState::new(config.clone(), config, Lang::Fr)
}

fn act(state: EditorState, action: EditorAction) -> EditorState {
    (*Rc::new(state).reduce(action)).clone()
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_undo_goes_back_to_the_start() {
    let start_draft = state().draft.clone();
    let mut s = state();
    for typed in ["C", "Cr", "Cri"] {
        s = act(
            s,
            EditorAction::Edit(Edit::Text {
                field: TextField::ServiceLabel(0),
                lang: Lang::Fr,
                value: typed.into(),
            }),
        );
    }
    s = act(
        s,
        EditorAction::Edit(Edit::Text {
            field: TextField::ServiceLabel(0),
            lang: Lang::En,
            value: "Cri".into(),
        }),
    );
    s = act(s, EditorAction::Undo);
    assert_eq!(s.draft.services[0].label.fr.as_deref(), Some("Cri"));
    s = act(s, EditorAction::Undo);
    assert_eq!(*s.draft, *start_draft);
    assert!(!s.can_undo());
    s = act(s, EditorAction::Redo);
    assert_eq!(s.draft.services[0].label.fr.as_deref(), Some("Cri"));
}

#[test]
fn a_new_range_takes_its_id_from_the_first_name_typed_whole() {
    let empty = start(StartPoint::Empty);
    let mut s = EditorState::new(empty.clone(), empty, Lang::Fr);
    for typed in ["M", "MR", "MRC des É", "MRC des Érables"] {
        s = act(
            s,
            EditorAction::Edit(Edit::Text {
                field: TextField::TerritoryName,
                lang: Lang::Fr,
                value: typed.into(),
            }),
        );
    }
    assert_eq!(s.draft.id.as_deref(), Some("mrc-des-erables"));
    s = act(
        s,
        EditorAction::Edit(Edit::Text {
            field: TextField::TerritoryName,
            lang: Lang::En,
            value: "Érables RCM".into(),
        }),
    );
    s = act(
        s,
        EditorAction::Edit(Edit::Text {
            field: TextField::TerritoryName,
            lang: Lang::Fr,
            value: "MRC de l'Érable".into(),
        }),
    );
    assert_eq!(
        s.draft.id.as_deref(),
        Some("mrc-des-erables"),
        "a later rename keeps it"
    );
}

#[test]
fn a_problem_leads_to_its_part_of_the_editor_and_field() {
    let mut s = state();
    s = act(s, EditorAction::GoTo("$.providers[2].contact.web".into()));
    assert_eq!((s.section, s.open), (Section::Providers, Some(2)));
    assert_eq!(
        s.focus.as_ref().map(|(_, p)| p.as_str()),
        Some("$.providers[2].contact.web")
    );
    s = act(
        s,
        EditorAction::GoTo("$.continuum.relations[1].level".into()),
    );
    assert_eq!((s.section, s.open), (Section::Continuum, Some(1)));
    s = act(s, EditorAction::GoTo("$.offers[0].availability".into()));
    let service = s
        .draft
        .services
        .iter()
        .position(|x| x.id == s.draft.offers[0].service);
    assert_eq!((s.section, s.open), (Section::Range, service));
    s = act(s, EditorAction::GoTo("$.territory.name".into()));
    assert_eq!(s.section, Section::Territory);
}

#[test]
fn starting_elsewhere_is_one_undo_away_and_unreadable_json_keeps_the_draft() {
    let mut s = state();
    let before = s.draft.clone();
    let opening = service_range_mapper::editor_state::Opening {
        config: start(StartPoint::Empty),
        name: "vide".into(),
    };
    s = act(s, EditorAction::Start(Rc::new(opening)));
    assert!(s.draft.services.is_empty());
    s = act(s, EditorAction::Undo);
    assert_eq!(*s.draft, *before);
    s = act(s, EditorAction::ShowJson(true));
    s = act(s, EditorAction::SetJson("{ not json".into()));
    assert_eq!(*s.draft, *before);
    assert!(!s.json.as_ref().unwrap().readable);
    let s2 = act(s.clone(), EditorAction::ShowJson(false));
    assert!(
        s2.json.is_some(),
        "stays on the text while it cannot be read"
    );
    let text = to_json(&before).replace("\"Quartier Nord\"", "\"Quartier Sud\"");
    let s = act(s, EditorAction::SetJson(text.clone()));
    assert!(s.json.as_ref().unwrap().readable);
    assert_eq!(to_json(&s.draft), text);
}

// ---- Written and read back

/// Every kind of edit, with indexes that may point past the lists (refused then).
fn any_edit() -> impl Strategy<Value = Edit> {
    let i = 0..12usize;
    let field = prop_oneof![
        Just(TextField::TerritoryName),
        Just(TextField::TerritoryDescription),
        i.clone().prop_map(TextField::TierLabel),
        i.clone().prop_map(TextField::TierDescription),
        i.clone().prop_map(TextField::ServiceLabel),
        i.clone().prop_map(TextField::ServiceExamples),
        i.clone().prop_map(TextField::ProviderName),
        i.clone().prop_map(TextField::ProviderAddress),
        i.clone().prop_map(TextField::OfferEligibility),
        i.clone().prop_map(TextField::OfferHowToApply),
        i.clone().prop_map(TextField::OfferHours),
        i.clone().prop_map(TextField::RelationNote),
    ];
    let id = "[a-z0-9-]{0,6}";
    prop_oneof![
        (field, any::<bool>(), "[a-zé <\\n]{0,8}").prop_map(|(field, en, value)| Edit::Text {
            field,
            lang: if en { Lang::En } else { Lang::Fr },
            value
        }),
        "[a-zé ]{0,8}".prop_map(|label| Edit::AddTier { label }),
        (i.clone(), any::<bool>()).prop_map(|(index, up)| Edit::MoveTier { index, up }),
        (i.clone(), prop::option::of("t[0-9]"))
            .prop_map(|(index, services_to)| Edit::DeleteTier { index, services_to }),
        (i.clone(), id).prop_map(|(index, id)| Edit::TierId { index, id }),
        ("t[0-9]", "[a-zé ]{0,8}").prop_map(|(tier, label)| Edit::AddService { tier, label }),
        (i.clone(), "t[0-9]").prop_map(|(index, tier)| Edit::ServiceTier { index, tier }),
        (i.clone(), any::<bool>()).prop_map(|(index, up)| Edit::MoveService { index, up }),
        i.clone().prop_map(|index| Edit::DeleteService { index }),
        (i.clone(), id).prop_map(|(index, id)| Edit::ServiceId { index, id }),
        "[a-zé ]{0,8}".prop_map(|label| Edit::AddProvider { label }),
        (i.clone(), "[a-z:/.0-9 ]{0,12}").prop_map(|(index, value)| Edit::Contact {
            index,
            field: ContactField::Web,
            value
        }),
        (i.clone(), "[0-9 a-z]{0,12}").prop_map(|(index, value)| Edit::Contact {
            index,
            field: ContactField::Phone,
            value
        }),
        i.clone().prop_map(|index| Edit::DeleteProvider { index }),
        (i.clone(), id).prop_map(|(index, id)| Edit::ProviderId { index, id }),
        ("p[0-9]", "s[0-9]").prop_map(|(provider, service)| Edit::AddOffer { provider, service }),
        (i.clone(), "p[0-9]").prop_map(|(index, provider)| Edit::OfferProvider { index, provider }),
        i.clone().prop_map(|index| Edit::DeleteOffer { index }),
        (["p[0-9]", "p[0-9]"]).prop_map(|providers| Edit::AddRelation { providers }),
        (i.clone(), "[a-z]{0,12}").prop_map(|(index, level)| Edit::RelationLevel { index, level }),
        (i.clone(), "s[0-9]", any::<bool>())
            .prop_map(|(index, service, on)| Edit::RelationService { index, service, on }),
        i.prop_map(|index| Edit::DeleteRelation { index }),
    ]
}

/// True when a problem's path names something the editor has a field or a form for.
fn points_at_a_field(path: &str) -> bool {
    let patterns = [
        r"^\$\.(id|territory(\.(name|kind|population|description|population_served|example))?)$",
        r"^\$\.(services|tiers)$",
        r"^\$\.tiers\[\d+\](\.(id|label|description))?$",
        r"^\$\.services\[\d+\](\.(id|tier|label|description|examples(\[\d+\])?))?$",
        r"^\$\.providers\[\d+\](\.(id|name|kind|languages|contact\.(phone|email|web|address)))?$",
        r"^\$\.offers\[\d+\](\.(provider|service|availability|access|eligibility))?$",
        r"^\$\.continuum\.relations\[\d+\](\.(providers(\[\d\])?|level|target|services(\[\d+\])?|note))?$",
    ];
    patterns
        .iter()
        .any(|p| regex_lite::Regex::new(p).unwrap().is_match(path))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_config_written_by_the_editor_reads_back_identical(config in any_config()) {
        let text = to_json(&config);
        let loaded = load_text(&text);
        prop_assert!(loaded.errors().next().is_none(), "{:?}", loaded.problems);
        prop_assert_eq!(loaded.config.as_ref(), Some(&config));
        // And through the kept draft.
        let file = DraftFile::new(&config, &config, String::new());
        prop_assert_eq!(DraftFile::read(&file.to_text()).map(|f| f.config), Some(config));
    }

    #[test]
    fn a_text_typed_is_checked_as_the_whole_reader_checks_it(
        edits in prop::collection::vec(any_edit(), 0..12),
        typed in prop::collection::vec(any_edit(), 1..12),
    ) {
        let mut config = start(StartPoint::MentalHealthExample);
        for edit in &edits {
            let _ = apply(&mut config, edit);
        }
        for edit in typed.iter().filter(|e| matches!(e, Edit::Text { .. })) {
            let Edit::Text { field, .. } = edit else { unreachable!() };
            let before = DraftCheck::of(&config);
            if apply(&mut config, edit).is_err() {
                continue;
            }
            let fast = before.after_text(&config, *field);
            let full = DraftCheck::of(&config);
            let sorted = |c: &DraftCheck| {
                let mut p: Vec<String> = c.loaded.problems.iter().map(|p| format!("{} {:?} {:?}", p.path, p.severity, p.kind)).collect();
                p.sort();
                p
            };
            prop_assert_eq!(sorted(&fast), sorted(&full));
            prop_assert_eq!(&fast.loaded.config, &full.loaded.config);
            prop_assert_eq!(&fast.advice, &full.advice);
            prop_assert_eq!(&fast.missing, &full.missing);
        }
    }

    #[test]
    fn any_edits_give_a_config_the_reader_accepts_or_whose_problems_point_at_fields(
        edits in prop::collection::vec(any_edit(), 0..25)
    ) {
        let mut config = start(StartPoint::MentalHealthRange);
        // Ids the edits can name: t0…, s0…, p0….
        for (i, tier) in config.tiers.clone().iter().enumerate() {
            let _ = apply(&mut config, &Edit::TierId { index: i, id: format!("t{i}") });
            let _ = tier;
        }
        for i in 0..config.services.len() {
            let _ = apply(&mut config, &Edit::ServiceId { index: i, id: format!("s{i}") });
        }
        for i in 0..4 {
            let _ = apply(&mut config, &Edit::AddProvider { label: format!("p{i}") });
        }
        for edit in &edits {
            let before = config.clone();
            if apply(&mut config, edit).is_err() {
                prop_assert_eq!(&config, &before, "a refused edit changes nothing");
            }
        }
        let loaded = check(&config);
        for problem in &loaded.problems {
            prop_assert!(points_at_a_field(&problem.path), "{} ({:?})", problem.path, problem.kind);
        }
        if loaded.errors().next().is_none() {
            prop_assert_eq!(loaded.config.as_ref(), Some(&config));
        }
    }
}

#[test]
fn a_problem_says_where_it_is_in_words() {
    use service_range_mapper::core::editor_text::place_of;
    let config = example();
    assert_eq!(
        place_of(&config, "$.territory.name", Lang::Fr),
        "Territoire"
    );
    let service = config.services[0].label.get(Lang::Fr).to_string();
    assert_eq!(
        place_of(&config, "$.services[0].label", Lang::Fr),
        format!("Service « {service} »")
    );
    let provider = config.providers[1].name.get(Lang::En).to_string();
    assert_eq!(
        place_of(&config, "$.providers[1].contact.web", Lang::En),
        format!("Organisation “{provider}”")
    );
    let offer = &config.offers[0];
    let place = place_of(&config, "$.offers[0].availability", Lang::Fr);
    assert!(
        place.starts_with("Offre « ") && place.contains(" — "),
        "{place} ({offer:?})"
    );
    assert!(
        place_of(&config, "$.continuum.relations[0].level", Lang::Fr).starts_with("Relation « ")
    );
    assert_eq!(
        place_of(&config, "$.services[999].label", Lang::Fr),
        "$.services[999].label"
    );
    assert_eq!(place_of(&config, "$.id", Lang::Fr), "$.id");
}

#[test]
fn a_text_opened_goes_into_the_forms_or_stays_as_text_with_a_notice() {
    use service_range_mapper::editor_state::EditorNotice;
    let s = state();
    let before = s.draft.clone();
    let empty = to_json(&start(StartPoint::Empty));
    let opened = act(
        s,
        EditorAction::OpenText {
            name: Some("vide.json".into()),
            text: empty,
        },
    );
    assert!(opened.draft.services.is_empty());
    assert_eq!(
        opened.notice,
        Some(EditorNotice::Opened {
            name: "vide.json".into()
        })
    );
    let s = act(opened, EditorAction::Undo);
    assert_eq!(*s.draft, *before, "one undo away");
    let s = act(
        s,
        EditorAction::OpenText {
            name: None,
            text: "{ pas du JSON".into(),
        },
    );
    assert_eq!(*s.draft, *before, "the draft has not changed");
    let json = s.json.as_ref().expect("shown as text");
    assert!(!json.readable && json.text == "{ pas du JSON");
    assert!(
        matches!(&s.notice, Some(EditorNotice::Unreadable { source, .. }) if source == "la configuration donnée par la page")
    );
}
