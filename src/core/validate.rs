//! Reading a config and telling its author everything that is wrong with it, at once.
//!
//! Text is parsed with `jsonc-parser` in strict JSON mode, which keeps the position of every
//! value, so each problem carries its JSON path and, for text, its line and column. Each
//! section item is then deserialized on its own (serde, with `serde_path_to_error` for the
//! path of a failure and `serde_ignored` for unknown fields), so one bad service does not
//! hide the problems of the others. Cross-references, duplicates, empty labels and links
//! are checked on the typed items.

use super::model::{Config, Contact, Offer, Provider, Service, Territory, Tier, CONFIG_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a problem is: errors stop the config from rendering, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Which kind of thing an id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Referent {
    Tier,
    Service,
    Provider,
}

/// Which kind of contact link is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    Web,
    Email,
    Phone,
}

/// What is wrong. Rendered in the interface language by [`super::i18n`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The text is not JSON.
    Syntax { detail: String },
    /// A value has the wrong type or an unexpected value (the deserializer's words).
    Invalid { detail: String },
    MissingField { field: String },
    UnsupportedVersion { found: String },
    DuplicateKey { key: String },
    DuplicateId { id: String, first: String },
    UnknownReference { referent: Referent, id: String },
    EmptyText,
    BadLink { link: LinkKind, value: String },
    UnknownField { field: String },
    DuplicateOffer { provider: String, service: String },
    EmptyTier { tier: String },
    NoServices,
}

/// A 1-based line and column (in characters) in the config text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One thing wrong with a config, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path of the value concerned, like `$.services[3].tier`.
    pub path: String,
    /// Where the value starts in the text; absent when the config was not given as text.
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub position: Option<Position>,
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The outcome of reading a config: the config when it has no error, and every problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub config: Option<Config>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.is_error())
    }
}

/// A JSON path under construction (`$`, `$.services[2].label`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct JsonPath(String);

impl JsonPath {
    fn root() -> JsonPath {
        JsonPath("$".into())
    }
    fn key(&self, key: &str) -> JsonPath {
        let plain = !key.is_empty()
            && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        if plain {
            JsonPath(format!("{}.{key}", self.0))
        } else {
            JsonPath(format!("{}[{}]", self.0, Value::String(key.into())))
        }
    }
    fn index(&self, i: usize) -> JsonPath {
        JsonPath(format!("{}[{i}]", self.0))
    }
    /// The nearest enclosing path (`$.a[1].b` → `$.a[1]`).
    fn parent(&self) -> Option<JsonPath> {
        let cut = self.0.rfind(['.', '['])?;
        Some(JsonPath(self.0[..cut].to_string()))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where each value starts in the text, by JSON path.
#[derive(Default)]
struct Positions {
    text_lines: Vec<usize>,
    starts: HashMap<String, usize>,
}

impl Positions {
    fn new(text: &str) -> Positions {
        let mut text_lines = vec![0];
        text_lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Positions {
            text_lines,
            starts: HashMap::new(),
        }
    }

    fn at_offset(&self, text: &str, offset: usize) -> Position {
        let line = self.text_lines.partition_point(|&start| start <= offset);
        let line_start = self.text_lines[line - 1];
        let column = text[line_start..offset.min(text.len())].chars().count() + 1;
        Position { line, column }
    }

    /// The position of the path, or of its closest ancestor present in the text (a missing
    /// field is reported at the object that lacks it).
    fn of(&self, text: &str, path: &str) -> Option<Position> {
        let mut path = JsonPath(path.to_string());
        loop {
            if let Some(&offset) = self.starts.get(&path.0) {
                return Some(self.at_offset(text, offset));
            }
            path = path.parent()?;
        }
    }
}

/// Collects problems, each with its path.
#[derive(Default)]
struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn error(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.push(Severity::Error, path, kind);
    }
    fn warning(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.push(Severity::Warning, path, kind);
    }
    fn push(&mut self, severity: Severity, path: &JsonPath, kind: ProblemKind) {
        self.problems.push(Problem {
            severity,
            path: path.0.clone(),
            position: None,
            kind,
        });
    }
}

fn strict_json() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Reads a config written as JSON text. Every problem carries line and column.
pub fn load_text(text: &str) -> Loaded {
    let mut report = Report::default();
    let mut positions = Positions::new(text);
    let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &strict_json());
    let value = match parsed {
        Ok(result) => match result.value {
            Some(ast) => ast_to_value(&ast, &JsonPath::root(), &mut positions, &mut report),
            None => {
                report.error(
                    &JsonPath::root(),
                    ProblemKind::Syntax {
                        detail: "empty text".into(),
                    },
                );
                Value::Null
            }
        },
        Err(err) => {
            return Loaded {
                config: None,
                problems: vec![Problem {
                    severity: Severity::Error,
                    path: "$".into(),
                    position: Some(Position {
                        line: err.line_display(),
                        column: err.column_display(),
                    }),
                    kind: ProblemKind::Syntax {
                        detail: err.kind().to_string(),
                    },
                }],
            };
        }
    };
    let mut loaded = if report.problems.is_empty() {
        load_value(&value)
    } else {
        Loaded {
            config: None,
            problems: report.problems,
        }
    };
    for problem in &mut loaded.problems {
        problem.position = positions.of(text, &problem.path);
    }
    loaded
}

/// Converts the parsed text into a JSON value, noting where each value starts and
/// reporting keys written twice in one object (JSON parsers silently keep the last one).
fn ast_to_value(
    ast: &jsonc_parser::ast::Value,
    path: &JsonPath,
    positions: &mut Positions,
    report: &mut Report,
) -> Value {
    use jsonc_parser::ast::Value as Ast;
    use jsonc_parser::common::Ranged;
    positions.starts.insert(path.0.clone(), ast.range().start);
    match ast {
        Ast::StringLit(s) => Value::String(s.value.to_string()),
        Ast::NumberLit(n) => serde_json::from_str(n.value).unwrap_or(Value::Null),
        Ast::BooleanLit(b) => Value::Bool(b.value),
        Ast::NullKeyword(_) => Value::Null,
        Ast::Array(array) => Value::Array(
            array
                .elements
                .iter()
                .enumerate()
                .map(|(i, element)| ast_to_value(element, &path.index(i), positions, report))
                .collect(),
        ),
        Ast::Object(object) => {
            let mut map = Map::new();
            for prop in &object.properties {
                let key = prop.name.as_str();
                let child = path.key(key);
                if map.contains_key(key) {
                    report.error(&child, ProblemKind::DuplicateKey { key: key.into() });
                }
                let value = ast_to_value(&prop.value, &child, positions, report);
                map.insert(key.to_string(), value);
            }
            Value::Object(map)
        }
    }
}

/// The top-level fields of a config, in the order they are checked.
pub const TOP_LEVEL_FIELDS: [&str; 8] = [
    "$schema",
    "version",
    "id",
    "territory",
    "tiers",
    "services",
    "providers",
    "offers",
];

/// Reads a config given as a JSON value (a JavaScript object): problems carry paths only.
pub fn load_value(value: &Value) -> Loaded {
    let mut report = Report::default();
    let config = check(value, &mut report);
    Loaded {
        config: config.filter(|_| !report.problems.iter().any(Problem::is_error)),
        problems: report.problems,
    }
}

fn check(value: &Value, report: &mut Report) -> Option<Config> {
    let root = JsonPath::root();
    let Some(object) = value.as_object() else {
        report.error(
            &root,
            ProblemKind::Invalid {
                detail: "a config is a JSON object { … }".into(),
            },
        );
        return None;
    };
    for key in object.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            report.warning(&root.key(key), ProblemKind::UnknownField { field: key.clone() });
        }
    }

    let version = field::<u32>(object, "version", &root, report, true);
    if let Some(found) = version.filter(|v| *v != CONFIG_VERSION) {
        report.error(
            &root.key("version"),
            ProblemKind::UnsupportedVersion {
                found: found.to_string(),
            },
        );
    }
    let schema = field::<String>(object, "$schema", &root, report, false);
    let id = field::<String>(object, "id", &root, report, false);
    let territory = field::<Territory>(object, "territory", &root, report, true);
    let tiers = match object.get("tiers") {
        Some(_) => list::<Tier>(object, "tiers", &root, report),
        None => super::defaults::default_tiers()
            .into_iter()
            .enumerate()
            .collect(),
    };
    let services = list::<Service>(object, "services", &root, report);
    let providers = list::<Provider>(object, "providers", &root, report);
    let offers = list::<Offer>(object, "offers", &root, report);
    if object.contains_key("services") && services.is_empty() && !has_errors_under(report, "$.services") {
        report.warning(&root.key("services"), ProblemKind::NoServices);
    }

    if let Some(territory) = &territory {
        let path = root.key("territory");
        if territory.name.is_blank() {
            report.error(&path.key("name"), ProblemKind::EmptyText);
        }
    }
    let tier_ids = unique_ids(&tiers, "tiers", |t| &t.id, report);
    let service_ids = unique_ids(&services, "services", |s| &s.id, report);
    let provider_ids = unique_ids(&providers, "providers", |p| &p.id, report);

    for (i, tier) in &tiers {
        if object.contains_key("tiers") && tier.label.is_blank() {
            report.error(&root.key("tiers").index(*i).key("label"), ProblemKind::EmptyText);
        }
    }
    let mut used_tiers = HashSet::new();
    for (i, service) in &services {
        let path = root.key("services").index(*i);
        if service.label.is_blank() {
            report.error(&path.key("label"), ProblemKind::EmptyText);
        }
        if !tier_ids.contains(service.tier.as_str()) {
            report.error(
                &path.key("tier"),
                ProblemKind::UnknownReference {
                    referent: Referent::Tier,
                    id: service.tier.clone(),
                },
            );
        }
        used_tiers.insert(service.tier.as_str());
    }
    if !services.is_empty() {
        for (i, tier) in &tiers {
            if !used_tiers.contains(tier.id.as_str()) && object.contains_key("tiers") {
                report.warning(
                    &root.key("tiers").index(*i),
                    ProblemKind::EmptyTier {
                        tier: tier.id.clone(),
                    },
                );
            }
        }
    }
    for (i, provider) in &providers {
        let path = root.key("providers").index(*i);
        if provider.name.is_blank() {
            report.error(&path.key("name"), ProblemKind::EmptyText);
        }
        check_contact(&provider.contact, &path.key("contact"), report);
    }
    let mut pairs = HashSet::new();
    for (i, offer) in &offers {
        let path = root.key("offers").index(*i);
        if !provider_ids.contains(offer.provider.as_str()) {
            report.error(
                &path.key("provider"),
                ProblemKind::UnknownReference {
                    referent: Referent::Provider,
                    id: offer.provider.clone(),
                },
            );
        }
        if !service_ids.contains(offer.service.as_str()) {
            report.error(
                &path.key("service"),
                ProblemKind::UnknownReference {
                    referent: Referent::Service,
                    id: offer.service.clone(),
                },
            );
        }
        if !pairs.insert((offer.provider.as_str(), offer.service.as_str())) {
            report.warning(
                &path,
                ProblemKind::DuplicateOffer {
                    provider: offer.provider.clone(),
                    service: offer.service.clone(),
                },
            );
        }
    }

    Some(Config {
        schema,
        version: version?,
        id,
        territory: territory?,
        tiers: tiers.into_iter().map(|(_, t)| t).collect(),
        services: services.into_iter().map(|(_, s)| s).collect(),
        providers: providers.into_iter().map(|(_, p)| p).collect(),
        offers: offers.into_iter().map(|(_, o)| o).collect(),
    })
}

fn has_errors_under(report: &Report, prefix: &str) -> bool {
    report
        .problems
        .iter()
        .any(|p| p.is_error() && p.path.starts_with(prefix))
}

/// Deserializes one value, reporting the path of a failure and of every unknown field.
fn read<T: DeserializeOwned>(value: &Value, path: &JsonPath, report: &mut Report) -> Option<T> {
    let mut unknown = Vec::new();
    let mut note_unknown = |p: serde_ignored::Path| unknown.push(ignored_path(path, &p));
    let deserializer = serde_ignored::Deserializer::new(value, &mut note_unknown);
    let result: Result<T, _> = serde_path_to_error::deserialize(deserializer);
    for (field_path, field) in unknown {
        report.warning(&field_path, ProblemKind::UnknownField { field });
    }
    match result {
        Ok(v) => Some(v),
        Err(err) => {
            let mut at = path.clone();
            for segment in err.path().iter() {
                at = match segment {
                    serde_path_to_error::Segment::Seq { index } => at.index(*index),
                    serde_path_to_error::Segment::Map { key } => at.key(key),
                    serde_path_to_error::Segment::Enum { variant } => at.key(variant),
                    serde_path_to_error::Segment::Unknown => at,
                };
            }
            let detail = err.into_inner().to_string();
            // serde words a missing field as "missing field `name`": report it at the
            // field's own path so the author sees exactly what to add.
            let kind = match detail
                .strip_prefix("missing field `")
                .and_then(|rest| rest.strip_suffix('`'))
            {
                Some(field) => {
                    at = at.key(field);
                    ProblemKind::MissingField {
                        field: field.into(),
                    }
                }
                None => ProblemKind::Invalid { detail },
            };
            report.error(&at, kind);
            None
        }
    }
}

/// The JSON path of an unknown field reported by `serde_ignored`, and the field's name.
fn ignored_path(base: &JsonPath, path: &serde_ignored::Path) -> (JsonPath, String) {
    use serde_ignored::Path as P;
    match path {
        P::Root => (base.clone(), String::new()),
        P::Seq { parent, index } => {
            let (p, _) = ignored_path(base, parent);
            (p.index(*index), index.to_string())
        }
        P::Map { parent, key } => {
            let (p, _) = ignored_path(base, parent);
            (p.key(key), key.clone())
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            ignored_path(base, parent)
        }
    }
}

/// Reads one field of an object; reports it when required and absent.
fn field<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    base: &JsonPath,
    report: &mut Report,
    required: bool,
) -> Option<T> {
    let path = base.key(key);
    match object.get(key) {
        Some(value) => read(value, &path, report),
        None => {
            if required {
                report.error(&path, ProblemKind::MissingField { field: key.into() });
            }
            None
        }
    }
}

/// Reads each item of an array field on its own, keeping its index for later paths.
fn list<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    base: &JsonPath,
    report: &mut Report,
) -> Vec<(usize, T)> {
    let path = base.key(key);
    match object.get(key) {
        None if key == "services" => {
            report.error(&path, ProblemKind::MissingField { field: key.into() });
            Vec::new()
        }
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| read(item, &path.index(i), report).map(|t| (i, t)))
            .collect(),
        Some(_) => {
            report.error(
                &path,
                ProblemKind::Invalid {
                    detail: "expected an array [ … ]".into(),
                },
            );
            Vec::new()
        }
    }
}

/// Checks that ids are present and unique within a section; returns the set of ids.
fn unique_ids<'a, T>(
    items: &'a [(usize, T)],
    section: &str,
    id_of: impl Fn(&T) -> &String,
    report: &mut Report,
) -> HashSet<&'a str> {
    let base = JsonPath::root().key(section);
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, item) in items {
        let id = id_of(item);
        let path = base.index(*i).key("id");
        if id.trim().is_empty() {
            report.error(&path, ProblemKind::EmptyText);
            continue;
        }
        if let Some(first) = first_seen.get(id.as_str()) {
            report.error(
                &path,
                ProblemKind::DuplicateId {
                    id: id.clone(),
                    first: base.index(*first).to_string(),
                },
            );
        } else {
            first_seen.insert(id, *i);
        }
    }
    first_seen.into_keys().collect()
}

fn check_contact(contact: &Contact, path: &JsonPath, report: &mut Report) {
    if let Some(web) = &contact.web {
        if super::links::web_href(web).is_none() {
            report.error(
                &path.key("web"),
                ProblemKind::BadLink {
                    link: LinkKind::Web,
                    value: web.clone(),
                },
            );
        }
    }
    if let Some(email) = &contact.email {
        if super::links::mailto_href(email).is_none() {
            report.error(
                &path.key("email"),
                ProblemKind::BadLink {
                    link: LinkKind::Email,
                    value: email.clone(),
                },
            );
        }
    }
    if let Some(phone) = &contact.phone {
        if super::links::tel_href(phone).is_none() {
            report.error(
                &path.key("phone"),
                ProblemKind::BadLink {
                    link: LinkKind::Phone,
                    value: phone.clone(),
                },
            );
        }
    }
}
