//! Native tests of the widget reducer: every change goes through an action, and what the
//! user opened survives language switches and config updates when it still exists.
#![cfg(not(target_arch = "wasm32"))]

use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::text::Lang;
use service_range_mapper::core::validate::load_text;
use service_range_mapper::state::{Action, Shared, WidgetState};
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
    let s = s.reduce(Action::ReplaceConfig(Shared::from(load_text(text))));
    assert_eq!(
        s.open_service,
        Some(1),
        "found again by id, at its new index"
    );

    let gone = r#"{"version": 1, "territory": {"name": "T"}, "services": [
        {"id": "autre", "tier": "proximite", "label": "Autre"}]}"#;
    let s = s.reduce(Action::ReplaceConfig(Shared::from(load_text(gone))));
    assert_eq!(s.open_service, None);

    let broken = s.reduce(Action::ReplaceConfig(Shared::from(load_text("{"))));
    assert!(broken.prepared.is_none() && broken.loaded.errors().count() == 1);
}
