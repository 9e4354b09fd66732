//! Native tests of the continuum of collaboration: the scales, level arithmetic, the
//! relations as the session leaves them (orphans kept), the indicators, the reading and
//! cross-checks of the config (paths and positions), the session file, the reducer, and the
//! collaboration gaps in the exports.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use service_range_mapper::core::continuum::{
    builtin_levels, edit_for, indicators, layout, level_ids, percent, scale, Network, NONE,
};
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::export::{csv, markdown, report, table_rows};
use service_range_mapper::core::figures::range;
use service_range_mapper::core::gaps::GapTarget;
use service_range_mapper::core::i18n::session_loaded;
use service_range_mapper::core::model::{Aspect, BuiltInScale, Config, Mechanism};
use service_range_mapper::core::session::{Orphans, RelationEdit, Session, SessionProblem};
use service_range_mapper::core::text::Lang;
use service_range_mapper::core::validate::{load_text, load_value, ProblemKind, Severity};
use service_range_mapper::state::{Action, Notice, Shared, WidgetState};
use std::rc::Rc;
use yew::Reducible;

fn config() -> Config {
    default_config()
        .config
        .expect("the built-in example is valid")
}

fn edit(a: &str, b: &str, level: &str, target: Option<&str>) -> RelationEdit {
    RelationEdit {
        providers: [a.into(), b.into()],
        level: level.into(),
        target: target.map(String::from),
        mechanisms: Vec::new(),
    }
}

fn position(config: &Config, id: &str) -> usize {
    config.providers.iter().position(|p| p.id == id).unwrap()
}

/// A small config: four providers, the relations given.
fn small(relations: Value) -> Value {
    json!({
        "version": 1,
        "territory": { "name": "Test" },
        "services": [
            { "id": "s1", "tier": "proximite", "label": "S1" },
            { "id": "s2", "tier": "proximite", "label": "S2" }
        ],
        "providers": [
            { "id": "a", "name": "A", "kind": "public_establishment" },
            { "id": "b", "name": "B", "kind": "community_organisation" },
            { "id": "c", "name": "C", "kind": "community_organisation" },
            { "id": "d", "name": "D", "kind": "other" }
        ],
        "continuum": { "relations": relations }
    })
}

#[test]
fn the_scales_have_no_relation_first_then_their_steps() {
    let config = config();
    assert_eq!(
        level_ids(&config),
        [
            NONE,
            "communication",
            "cooperation",
            "coordination",
            "coalition",
            "integration"
        ]
    );
    let five = scale(&config);
    assert_eq!(five[0].label.get(Lang::Fr), "Aucune relation");
    assert_eq!(five[2].label.get(Lang::Fr), "Coopération");
    assert_eq!(five[2].label.get(Lang::En), "Cooperation");
    assert!(five[1..].iter().all(|l| l.description.is_some()));
    // Fleury's three steps, each told apart by the five criteria.
    let fleury = builtin_levels(BuiltInScale::Fleury);
    let ids: Vec<&str> = fleury.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["mutual_adjustment", "alliance", "integration"]);
    for level in &fleury {
        let aspects: Vec<Aspect> = level.criteria.iter().map(|c| c.aspect).collect();
        assert_eq!(
            aspects,
            [
                Aspect::Governance,
                Aspect::Formalisation,
                Aspect::Sanctions,
                Aspect::Transactions,
                Aspect::Problem
            ]
        );
    }
    assert_eq!(fleury[2].criteria[0].text.get(Lang::Fr), "Hiérarchique");
}

#[test]
fn a_config_chooses_fleury_or_its_own_steps() {
    let mut value = small(json!([{ "providers": ["a", "b"], "level": "alliance" }]));
    value["continuum"]["scale"] = json!("fleury");
    let config = load_value(&value).config.expect("valid");
    assert_eq!(
        level_ids(&config),
        [NONE, "mutual_adjustment", "alliance", "integration"]
    );
    let network = Network::build(&config, &Session::new(&config));
    assert_eq!(network.level_of(0, 1), 2);

    let mut value = small(json!([{ "providers": ["b", "a"], "level": "high", "target": "high" }]));
    value["continuum"]["levels"] = json!([
        { "id": "low", "label": "Bas" },
        { "id": "high", "label": { "fr": "Haut", "en": "High" },
          "criteria": [{ "aspect": "governance", "text": "Comité conjoint" }] }
    ]);
    let config = load_value(&value).config.expect("valid");
    assert_eq!(level_ids(&config), [NONE, "low", "high"]);
    let steps = scale(&config);
    assert_eq!(steps[2].label.get(Lang::En), "High");
    assert_eq!(steps[2].criteria[0].aspect, Aspect::Governance);
}

#[test]
fn a_config_without_a_continuum_has_no_relation() {
    let mut value = small(json!([]));
    value.as_object_mut().unwrap().remove("continuum");
    let loaded = load_value(&value);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let config = loaded.config.unwrap();
    assert!(config.continuum.is_none());
    let network = Network::build(&config, &Session::new(&config));
    assert!(network.links.is_empty());
    let ind = indicators(&network);
    assert_eq!((ind.pairs, ind.related, ind.isolated.len()), (6, 0, 4));
    assert_eq!(ind.density(), 0.0);
    assert_eq!(ind.mean_level, None);
}

#[test]
fn level_arithmetic_steps_to_the_target_and_gaps() {
    let config = config();
    let network = Network::build(&config, &Session::new(&config));
    let (cisss, omh, hopital, lac) = (
        position(&config, "cisss"),
        position(&config, "omh"),
        position(&config, "hopital"),
        position(&config, "logement-accompagne"),
    );
    // Communication (1) → coordination (3): two steps to climb, a collaboration gap.
    let link = network.link(omh, cisss).expect("A–B and B–A are one pair");
    assert_eq!(network.link(cisss, omh), Some(link));
    assert_eq!(
        (link.level, link.target, link.steps_to_target()),
        (1, Some(3), 2)
    );
    assert!(link.is_gap());
    assert_eq!(link.other(cisss), omh);
    // No relation yet (level 0) with a target: also a gap.
    let none = network.link(hopital, lac).unwrap();
    assert_eq!((none.level, none.target), (0, Some(2)));
    assert!(none.is_gap());
    // Coordination with no target: no gap.
    let settled = network.link(cisss, lac).unwrap();
    assert_eq!((settled.level, settled.steps_to_target()), (3, 0));
    assert!(!settled.is_gap());
    // A pair with no relation at all sits at level 0.
    assert_eq!(
        network.level_of(position(&config, "cegep"), position(&config, "banque")),
        0
    );
    // The gaps, widest first.
    let gaps = network.gaps();
    assert_eq!(gaps.len(), 12);
    assert!(gaps
        .windows(2)
        .all(|w| w[0].steps_to_target() >= w[1].steps_to_target()));
    assert_eq!(network.level_id(3), "coordination");
    assert_eq!(network.rank("coalition"), Some(4));
}

#[test]
fn indicators_of_the_built_in_example() {
    let config = config();
    let ind = indicators(&Network::build(&config, &Session::new(&config)));
    // 12 providers: 66 pairs; 17 relations, 2 of them at "no relation".
    assert_eq!(ind.pairs, 66);
    assert_eq!(ind.relations(), 17);
    assert_eq!(ind.per_level, [2, 3, 6, 5, 1, 0]);
    assert_eq!(ind.related, 15);
    assert_eq!(percent(ind.related, ind.pairs), 23);
    // (3×1 + 6×2 + 5×3 + 1×4) / 15
    assert!((ind.mean_level.unwrap() - 34.0 / 15.0).abs() < 1e-9);
    assert_eq!(ind.below_target, 12);
    // Transport adapté has only a relation at "no relation".
    assert_eq!(ind.isolated, [position(&config, "transport")]);
    assert_eq!(ind.most_used(), [Mechanism::ServiceAgreement]);
    assert!(ind.least_used().contains(&Mechanism::SingleAccessPoint));
    assert!(!ind.least_used().contains(&Mechanism::ServiceAgreement));
    assert!(ind.mechanisms.iter().all(|(_, n)| *n > 0));
}

#[test]
fn the_session_changes_relations_and_keeps_its_orphans() {
    let config = config();
    let mut session = Session::new(&config);
    // Changes a relation of the config (given in the other order)…
    session.set_relation(
        ("omh", "cisss"),
        Some(edit("cisss", "omh", "coordination", None)),
    );
    // …makes a new one…
    session.set_relation(
        ("cegep", "banque"),
        Some(edit("banque", "cegep", "cooperation", Some("coordination"))),
    );
    // …and keeps one whose provider left the config.
    session
        .relations
        .push(edit("cisss", "gone", "coalition", None));
    let network = Network::build(&config, &session);
    let (cisss, omh) = (position(&config, "cisss"), position(&config, "omh"));
    let changed = network.link(cisss, omh).unwrap();
    assert_eq!(
        (changed.level, changed.target, changed.edited),
        (3, None, true)
    );
    assert!(
        !changed.services.is_empty(),
        "the config's services stay with the pair"
    );
    let new = network
        .link(position(&config, "cegep"), position(&config, "banque"))
        .unwrap();
    assert_eq!((new.level, new.target, new.relation), (2, Some(3), None));
    assert_eq!(network.orphans, [2]);
    assert_eq!(network.links.len(), 18);
    // Loading that session says so, beside the gaps that lost their service.
    let mut with_orphan_gap = session.clone();
    with_orphan_gap.gaps.push(common::gap(
        "g1",
        GapTarget::Service {
            service: "gone".into(),
        },
    ));
    let orphans = with_orphan_gap.orphans(&config);
    assert_eq!(
        orphans,
        Orphans {
            gaps: 1,
            relations: 1
        }
    );
    let state = Rc::new(WidgetState::new(Shared::from(default_config()), Lang::Fr))
        .reduce(Action::LoadSession(Shared::from(with_orphan_gap)));
    assert_eq!(
        state.notice,
        Some(Notice::SessionLoaded {
            orphans,
            saved: false
        })
    );
    let said = session_loaded(Lang::Fr, orphans, false);
    assert!(said.contains("1 écart orphelin"), "{said}");
    assert!(said.contains("1 relation orpheline : un de ses partenaires ou de ses niveaux n'est plus dans la configuration"), "{said}");
    let said = session_loaded(
        Lang::En,
        Orphans {
            gaps: 0,
            relations: 2,
        },
        true,
    );
    assert_eq!(said, "Previous session restored. 2 orphaned relations: one of their partners or levels is no longer in the configuration; they stay in the inventory, under “Orphaned relations (partner or level removed from the configuration)”.");
    // Setting it back to none removes the session's edit only.
    session.set_relation(("cisss", "omh"), None);
    assert_eq!(session.relations.len(), 2);
    assert_eq!(
        Network::build(&config, &session)
            .link(cisss, omh)
            .unwrap()
            .level,
        1
    );
}

#[test]
fn every_pair_of_a_services_providers_is_listed_related_or_not() {
    let config = config();
    let network = Network::build(&config, &Session::new(&config));
    let (cisss, gmf, banque) = (
        position(&config, "cisss"),
        position(&config, "gmf"),
        position(&config, "banque"),
    );
    // In any order, a provider offering twice counted once.
    let pairs = network.pairs_among(&[banque, cisss, gmf, cisss]);
    let found: Vec<((usize, usize), Option<usize>)> = pairs
        .iter()
        .map(|&(pair, link)| (pair, link.map(|l| l.level)))
        .collect();
    let cisss_gmf = network.link(cisss, gmf).map(|l| l.level);
    assert!(
        cisss_gmf.is_some(),
        "the example relates the CLSC and the GMF"
    );
    assert_eq!(
        found,
        [
            ((cisss.min(gmf), cisss.max(gmf)), cisss_gmf),
            (
                (cisss.min(banque), cisss.max(banque)),
                network.link(cisss, banque).map(|l| l.level)
            ),
            ((gmf.min(banque), gmf.max(banque)), None),
        ]
        .into_iter()
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    assert!(network.pairs_among(&[cisss]).is_empty());
}

#[test]
fn an_edit_equal_to_the_config_leaves_no_trace() {
    let config = config();
    let same = edit_for(
        &config,
        ["omh".into(), "cisss".into()],
        "communication".into(),
        Some("coordination".into()),
        Vec::new(),
    );
    assert_eq!(same, None);
    let changed = edit_for(
        &config,
        ["omh".into(), "cisss".into()],
        "cooperation".into(),
        Some("coordination".into()),
        Vec::new(),
    )
    .unwrap();
    assert_eq!(changed.providers, ["cisss", "omh"], "stored in pair order");
    // A pair with no relation, left at none: nothing to keep.
    let nothing = edit_for(
        &config,
        ["cegep".into(), "banque".into()],
        NONE.into(),
        None,
        vec![],
    );
    assert_eq!(nothing, None);
}

#[test]
fn relations_are_saved_restored_and_checked_in_the_session_file() {
    let config = config();
    let mut session = Session::new(&config);
    let mut with_mechanisms = edit("cisss", "omh", "coordination", Some("coalition"));
    with_mechanisms.mechanisms = vec![Mechanism::ServiceAgreement, Mechanism::JointGovernance];
    session.relations.push(with_mechanisms);
    let text = serde_json::to_string(&session).unwrap();
    assert!(text.contains("\"joint_governance\""));
    let back: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(back, session);
    assert!(back.check(&config).is_ok());
    // A session file from before the continuum still loads, with no relation.
    let mut old: Value =
        serde_json::from_str(&serde_json::to_string(&Session::new(&config)).unwrap()).unwrap();
    assert!(
        old.get("relations").is_none(),
        "an empty list is not written"
    );
    old.as_object_mut().unwrap().remove("relations");
    let old: Session = serde_json::from_value(old).unwrap();
    assert!(old.relations.is_empty());
    // The same pair twice, in either order, is refused.
    session
        .relations
        .push(edit("omh", "cisss", "coalition", None));
    assert!(matches!(
        session.check(&config),
        Err(SessionProblem::Invalid { .. })
    ));
}

#[test]
fn the_reducer_saves_undoes_and_redoes_a_relation() {
    let s = Rc::new(WidgetState::new(Shared::from(default_config()), Lang::Fr));
    let pair = ["cisss".to_string(), "omh".to_string()];
    let s = s.reduce(Action::EditRelation(pair.clone()));
    assert_eq!(s.relation_form.as_ref(), Some(&pair));
    let change = edit("cisss", "omh", "coalition", Some("integration"));
    let s = s.reduce(Action::SaveRelation(pair.clone(), Some(change.clone())));
    assert_eq!(s.relation_form, None);
    assert_eq!(s.session.relations, std::slice::from_ref(&change));
    assert!(s.can_undo());
    let s = s.reduce(Action::Undo);
    assert!(s.session.relations.is_empty());
    let s = s.reduce(Action::Redo);
    assert_eq!(s.session.relations, [change]);
    // Saving what is already there changes nothing to undo.
    let before = s.clone();
    let s = s.reduce(Action::SaveRelation(
        pair.clone(),
        before.session.relations.first().cloned(),
    ));
    assert_eq!(s.session, before.session);
    // A read-only widget edits nothing.
    let read_only = Rc::new(
        WidgetState::new(Shared::from(default_config()), Lang::Fr).with_session(
            Shared::from(Session::new(&config())),
            false,
            None,
        ),
    );
    let same = read_only.clone().reduce(Action::SaveRelation(pair, None));
    assert!(Rc::ptr_eq(&same, &read_only));
}

#[test]
fn collaboration_gaps_are_in_the_csv_and_the_report() {
    let config = config();
    let range = range(&config);
    let session = Session::new(&config);
    let rows = table_rows(&config, &range, &session, Lang::Fr);
    let collab: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[2] == "Écart de collaboration")
        .collect();
    assert_eq!(collab.len(), 12);
    let omh = collab
        .iter()
        .find(|r| r[1] == "CISSS de l'Estuaire — installation CLSC des Pins — Office municipal d'habitation de Port-aux-Pins")
        .expect("the pair, by name");
    assert_eq!(omh[3], "Communication → cible\u{a0}: Coordination");
    let text = String::from_utf8(csv(&config, &range, &session, Lang::En)[3..].to_vec()).unwrap();
    assert!(text.contains("Collaboration gap"));
    let md = markdown(&report(
        &config,
        &range,
        &session,
        Lang::Fr,
        "22 novembre 2026",
    ));
    assert!(md.contains("## Écarts de collaboration (cible au-dessus du niveau actuel)"));
    // An orphaned relation of the session is listed, not dropped.
    let mut session = session;
    session
        .relations
        .push(edit("cisss", "gone", "coalition", None));
    let md = markdown(&report(
        &config,
        &range,
        &session,
        Lang::En,
        "22 November 2026",
    ));
    assert!(md.contains("## Orphaned relations"));
    assert!(md.contains("gone"));
}

/// A problem as (severity, path, kind, line and column).
type Found = (Severity, String, ProblemKind, Option<(usize, usize)>);

/// Problems of a config text.
fn problems_of(text: &str) -> Vec<Found> {
    load_text(text)
        .problems
        .into_iter()
        .map(|p| {
            (
                p.severity,
                p.path,
                p.kind,
                p.position.map(|p| (p.line, p.column)),
            )
        })
        .collect()
}

#[test]
fn every_problem_of_the_continuum_at_once_with_its_path_and_position() {
    let mut value = small(json!([
        { "providers": ["a", "b"], "level": "coordination", "target": "cooperation" },
        { "providers": ["b", "a"], "level": "coalition" },
        { "providers": ["c", "c"], "level": "communication" },
        { "providers": ["a", "zz"], "level": "huge", "target": "giant", "services": ["s1", "s9"] },
        { "providers": ["a"], "level": "communication", "mechanisms": ["telepathy"] }
    ]));
    value["continuum"]["colour"] = json!("blue");
    let text = serde_json::to_string_pretty(&value).unwrap();
    let problems = problems_of(&text);
    let find = |path: &str| {
        problems
            .iter()
            .find(|p| p.1 == path)
            .unwrap_or_else(|| panic!("no problem at {path}: {problems:#?}"))
    };
    let below = find("$.continuum.relations[0].target");
    assert_eq!(below.0, Severity::Warning);
    assert!(
        matches!(&below.2, ProblemKind::TargetBelowLevel { level, target } if level == "coordination" && target == "cooperation")
    );
    let duplicate = find("$.continuum.relations[1]");
    assert!(
        matches!(&duplicate.2, ProblemKind::DuplicateRelation { first, .. } if first == "$.continuum.relations[0]")
    );
    assert!(matches!(
        find("$.continuum.relations[2].providers").2,
        ProblemKind::RelationWithItself { .. }
    ));
    assert!(
        matches!(&find("$.continuum.relations[3].providers[1]").2, ProblemKind::UnknownReference { id, .. } if id == "zz")
    );
    assert!(
        matches!(&find("$.continuum.relations[3].level").2, ProblemKind::UnknownReference { id, .. } if id == "huge")
    );
    assert!(
        matches!(&find("$.continuum.relations[3].target").2, ProblemKind::UnknownReference { id, .. } if id == "giant")
    );
    assert!(
        matches!(&find("$.continuum.relations[3].services[1]").2, ProblemKind::UnknownReference { id, .. } if id == "s9")
    );
    assert!(matches!(
        find("$.continuum.relations[4].providers").2,
        ProblemKind::WrongType { .. }
    ));
    assert!(matches!(
        find("$.continuum.relations[4].mechanisms[0]").2,
        ProblemKind::UnknownValue { .. }
    ));
    assert_eq!(find("$.continuum.colour").0, Severity::Warning);
    // Positions point at the value in the text.
    let lines: Vec<&str> = text.lines().collect();
    let (line, column) = find("$.continuum.relations[3].services[1]").3.unwrap();
    assert!(
        lines[line - 1][column - 1..].starts_with("\"s9\""),
        "{line}:{column}"
    );
    let (line, column) = find("$.continuum.relations[3].level").3.unwrap();
    assert!(
        lines[line - 1][column - 1..].starts_with("\"huge\""),
        "{line}:{column}"
    );
    assert!(
        load_text(&text).config.is_none(),
        "errors keep the config from rendering"
    );
}

#[test]
fn own_steps_need_unique_ids_other_than_none() {
    let mut value = small(json!([]));
    value["continuum"]["levels"] = json!([
        { "id": "none", "label": "Rien" },
        { "id": "x", "label": "X" },
        { "id": "x", "label": "X again" },
        { "id": "y", "label": "" }
    ]);
    let problems = problems_of(&serde_json::to_string_pretty(&value).unwrap());
    let at = |path: &str| {
        problems
            .iter()
            .filter(|p| p.1 == path)
            .map(|p| &p.2)
            .collect::<Vec<_>>()
    };
    assert!(matches!(
        at("$.continuum.levels[0].id")[..],
        [ProblemKind::ReservedId { .. }]
    ));
    assert!(matches!(
        at("$.continuum.levels[2].id")[..],
        [ProblemKind::DuplicateId { .. }]
    ));
    assert!(matches!(
        at("$.continuum.levels[3].label")[..],
        [ProblemKind::EmptyText]
    ));
}

#[test]
fn the_graph_sets_each_kind_on_its_own_arc() {
    let config = config();
    let groups = service_range_mapper::core::continuum::by_kind(&config);
    let positions = layout(&groups, config.providers.len(), 800.0);
    // Every provider on the circle, none on another.
    for (x, y) in &positions {
        let r = ((x - 400.0).powi(2) + (y - 400.0).powi(2)).sqrt();
        assert!((r - 336.0).abs() < 1e-6);
    }
    for i in 0..positions.len() {
        for j in 0..i {
            assert!(positions[i] != positions[j]);
        }
    }
}

fn any_edits() -> impl Strategy<Value = Vec<(usize, usize, usize, Option<usize>)>> {
    proptest::collection::vec(
        (
            0..12usize,
            0..12usize,
            0..6usize,
            proptest::option::of(0..6usize),
        ),
        0..40,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the workshop sets, the relations stay one per pair, in both orders, and
    /// the indicators add up.
    #[test]
    fn indicators_add_up_whatever_the_edits(edits in any_edits()) {
        let config = config();
        let ids = level_ids(&config).into_iter().map(String::from).collect::<Vec<_>>();
        let mut session = Session::new(&config);
        for (a, b, level, target) in edits {
            if a == b { continue; }
            let (pa, pb) = (&config.providers[a].id, &config.providers[b].id);
            let e = edit(pa, pb, &ids[level], target.map(|t| ids[t].as_str()));
            session.set_relation((pa, pb), Some(e));
        }
        prop_assert!(session.check(&config).is_ok());
        // The config's relations are read once; the edits go on a copy, never on them.
        let base = Network::of_config(&config);
        let untouched = base.clone();
        let network = base.with_edits(&config, &session);
        prop_assert_eq!(&base, &untouched);
        prop_assert_eq!(&network, &Network::build(&config, &session));
        prop_assert!(network.links.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));
        for link in &network.links {
            prop_assert!(link.a < link.b);
            prop_assert_eq!(network.link(link.b, link.a), Some(link));
        }
        // Each pair shows the session's edit when it has one, else the config's relation.
        for link in &base.links {
            if !session.relations.iter().any(|e| {
                let pair = [position(&config, &e.providers[0]), position(&config, &e.providers[1])];
                pair == [link.a, link.b] || pair == [link.b, link.a]
            }) {
                prop_assert_eq!(network.link(link.a, link.b), Some(link));
            }
        }
        for e in &session.relations {
            let (a, b) = (position(&config, &e.providers[0]), position(&config, &e.providers[1]));
            let found = network.link(a, b).expect("an edited pair has a link");
            prop_assert_eq!(network.level_id(found.level), e.level.as_str());
            prop_assert!(found.edited);
        }
        let ind = indicators(&network);
        prop_assert_eq!(ind.relations(), network.links.len());
        prop_assert!(ind.related <= ind.pairs);
        prop_assert!((0.0..=1.0).contains(&ind.density()));
        if let Some(mean) = ind.mean_level {
            prop_assert!((1.0..=5.0).contains(&mean));
        }
        prop_assert_eq!(ind.below_target, network.gaps().len());
        for &p in &ind.isolated {
            prop_assert!(network.links_of(p).all(|l| l.level == 0));
        }
        // The session file keeps every edit.
        let back: Session = serde_json::from_str(&serde_json::to_string(&session).unwrap()).unwrap();
        prop_assert_eq!(back, session);
    }
}
