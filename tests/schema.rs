//! The published JSON Schema (`www/config.schema.json`) is generated from the Rust model;
//! this test fails when the committed file is stale (run with `UPDATE_SCHEMA=1` to rewrite
//! it), and checks that the config reader accepts exactly what the schema describes.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use service_range_mapper::core::defaults::DEFAULT_CONFIG_JSON;
use service_range_mapper::core::model::{
    AccessRoute, Aspect, Availability, BuiltInScale, Config, Mechanism, Named, ProviderKind,
    TerritoryKind,
};
use service_range_mapper::core::validate::{load_text, FIELDS};
use std::collections::BTreeSet;

const SCHEMA_PATH: &str = "www/config.schema.json";

fn generated() -> Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Config)).unwrap();
    let object = schema.as_object_mut().unwrap();
    object.insert(
        "$id".into(),
        "https://service-range-mapper.example/config.schema.json".into(),
    );
    object.insert(
        "title".into(),
        "service-range-mapper config, version 1".into(),
    );
    schema
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let fresh = serde_json::to_string_pretty(&generated()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == fresh,
        "{SCHEMA_PATH} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema` and commit it"
    );
}

fn definition<'a>(schema: &'a Value, name: &str) -> &'a Value {
    if name == "Config" {
        return schema;
    }
    &schema["$defs"][name]
}

#[test]
fn the_reader_knows_exactly_the_fields_of_the_schema() {
    let schema = generated();
    for (name, fields) in FIELDS {
        let def = definition(&schema, name);
        let in_schema: BTreeSet<&str> = def["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no properties for {name}"))
            .keys()
            .map(String::as_str)
            .collect();
        let in_reader: BTreeSet<&str> = fields.iter().copied().collect();
        assert_eq!(in_schema, in_reader, "fields of {name}");
        assert_eq!(
            def["additionalProperties"],
            Value::Bool(false),
            "{name}: the schema flags unknown fields so editors catch typos"
        );
    }
}

fn names_in_schema(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("const") {
                out.insert(s.clone());
            }
            if let Some(Value::Array(list)) = map.get("enum") {
                out.extend(list.iter().filter_map(|v| v.as_str().map(String::from)));
            }
            map.values().for_each(|v| names_in_schema(v, out));
        }
        Value::Array(list) => list.iter().for_each(|v| names_in_schema(v, out)),
        _ => {}
    }
}

fn check_names<E: Named + serde::Serialize>(definition_name: &str) {
    let schema = generated();
    let mut in_schema = BTreeSet::new();
    names_in_schema(definition(&schema, definition_name), &mut in_schema);
    let in_reader: BTreeSet<String> = E::NAMES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(in_schema, in_reader, "names of {definition_name}");
    for (name, value) in E::NAMES {
        assert_eq!(serde_json::to_value(value).unwrap(), Value::from(*name));
    }
}

#[test]
fn the_reader_accepts_exactly_the_names_of_the_schema() {
    check_names::<TerritoryKind>("TerritoryKind");
    check_names::<ProviderKind>("ProviderKind");
    check_names::<Availability>("Availability");
    check_names::<AccessRoute>("AccessRoute");
    check_names::<BuiltInScale>("BuiltInScale");
    check_names::<Aspect>("Aspect");
    check_names::<Mechanism>("Mechanism");
}

#[test]
fn the_reader_and_serde_agree_on_the_examples() {
    let youth = std::fs::read_to_string("www/examples/jeunesse.json").unwrap();
    for (name, text) in [("default", DEFAULT_CONFIG_JSON), ("youth", youth.as_str())] {
        let read = load_text(text).config.unwrap();
        let parsed: Config = serde_json::from_str(text).unwrap();
        assert!(
            read == parsed,
            "{name}: the reader and serde read the same config"
        );
        // The model writes itself back to the same JSON (the default tiers included when
        // the text leaves them out).
        let mut original: Value = serde_json::from_str(text).unwrap();
        if original.get("tiers").is_none() {
            original["tiers"] = serde_json::to_value(&read.tiers).unwrap();
        }
        let written = serde_json::to_value(&read).unwrap();
        assert!(written == original, "{name}: written back unchanged");
    }
}
