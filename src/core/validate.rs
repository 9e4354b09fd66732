//! Reading a config and telling its author everything that is wrong with it, at once:
//! syntax, types, required and unknown fields (via [`super::read`]), then what only the
//! whole config can tell — duplicate ids, references to unknown tiers, services or
//! providers, empty labels, unsafe or malformed contact links.

use super::continuum::{builtin_ids, NONE};
use super::links::{mailto_href, tel_href, web_href};
use super::model::{
    AccessRoute, Aspect, Availability, BuiltInScale, Config, Contact, Continuum, Criterion, Level,
    Mechanism, Named, Offer, Provider, ProviderKind, Relation, Service, Territory, TerritoryKind,
    Tier, CONFIG_VERSION,
};
pub use super::problems::*;
use super::read::{all, Fields, Reader};
use super::text::Text;
use jsonc_parser::ast::Value as Node;
use std::collections::HashMap;

/// The fields each object of the format accepts, by the name of its schema definition.
/// Anything else is reported as an unknown field. A test checks them against the schema.
pub const FIELDS: &[(&str, &[&str])] = &[
    (
        "Config",
        &[
            "$schema",
            "version",
            "id",
            "territory",
            "tiers",
            "services",
            "providers",
            "offers",
            "continuum",
        ],
    ),
    (
        "Territory",
        &[
            "name",
            "kind",
            "population",
            "description",
            "population_served",
            "example",
        ],
    ),
    ("Tier", &["id", "label", "description"]),
    (
        "Service",
        &["id", "tier", "label", "description", "examples"],
    ),
    ("Provider", &["id", "name", "kind", "contact", "languages"]),
    ("Contact", &["phone", "email", "web", "address"]),
    (
        "Offer",
        &[
            "provider",
            "service",
            "availability",
            "access",
            "eligibility",
        ],
    ),
    ("Continuum", &["scale", "levels", "relations"]),
    ("Level", &["id", "label", "description", "criteria"]),
    ("Criterion", &["aspect", "text"]),
    (
        "Relation",
        &[
            "providers",
            "level",
            "target",
            "mechanisms",
            "services",
            "note",
        ],
    ),
];

fn fields_of(definition: &str) -> &'static [&'static str] {
    FIELDS
        .iter()
        .find(|(name, _)| *name == definition)
        .map(|(_, fields)| *fields)
        .unwrap_or(&[])
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

/// Reads a config written as JSON text. Every problem carries its line and column.
pub fn load_text(text: &str) -> Loaded {
    load(text, true)
}

/// Reads a config that was given as an object and serialised to JSON by us: problems
/// carry paths only, since the author never saw this text.
pub fn load_serialised(text: &str) -> Loaded {
    load(text, false)
}

/// Reads a config given as a JSON value.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_value(value: &serde_json::Value) -> Loaded {
    load_serialised(&value.to_string())
}

fn load(text: &str, with_positions: bool) -> Loaded {
    let mut reader = Reader::new(text, with_positions);
    let root = JsonPath::root();
    match jsonc_parser::parse_to_ast(text, &Default::default(), &strict_json()) {
        Err(err) => {
            let kind = ProblemKind::Syntax {
                error: SyntaxError::of(err.kind()),
                detail: err.kind().to_string(),
            };
            reader.report_at(Severity::Error, &root, err.range().start, kind);
        }
        Ok(parsed) => match parsed.value {
            None => {
                let kind = ProblemKind::Syntax {
                    error: SyntaxError::Empty,
                    detail: "empty text".into(),
                };
                reader.report_at(Severity::Error, &root, 0, kind);
            }
            Some(node) => {
                let config = read_config(&mut reader, &node);
                let mut problems = reader.problems;
                // In the order the author reads the text (stable: paths keep their order
                // when the config has no positions).
                problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
                let has_errors = problems.iter().any(Problem::is_error);
                return Loaded {
                    config: config.filter(|_| !has_errors),
                    problems,
                };
            }
        },
    }
    Loaded {
        config: None,
        problems: reader.problems,
    }
}

fn read_config(r: &mut Reader, node: &Node) -> Option<Config> {
    let config = r.object(node, JsonPath::root(), fields_of("Config"))?;
    let schema = r.string(&config, "$schema", false);
    let version = r.whole_number(&config, "version", true);
    if let Some(found) = version.filter(|v| *v != u64::from(CONFIG_VERSION)) {
        let kind = ProblemKind::UnsupportedVersion {
            found: found.to_string(),
        };
        r.error(&config.path.key("version"), kind);
    }
    let id = r.string(&config, "id", false);
    let territory = r
        .field(&config, "territory", true)
        .and_then(|(node, path)| read_territory(r, node, path));
    let tiers = match r.field(&config, "tiers", false) {
        None => Some(
            super::defaults::default_tiers()
                .into_iter()
                .map(Some)
                .collect(),
        ),
        Some(_) => r.items(&config, "tiers", false, read_tier),
    };
    let services = r.items(&config, "services", true, read_service);
    let providers = r.items(&config, "providers", false, read_provider);
    let offers = r.items(&config, "offers", false, read_offer);
    let continuum = match r.field(&config, "continuum", false) {
        None => Some(None),
        Some((node, path)) => read_continuum(r, node, path).map(Some),
    };

    // Cross-checks run on what each item declares, even an item with other problems, so
    // one bad field hides nothing else and a faulty provider does not also make each of
    // its offers look wrong.
    let none = Vec::new();
    let listed = |items: &Option<Vec<Option<_>>>| items.as_ref().unwrap_or(&none).len();
    if config.has("services") && services.is_some() && listed(&services) == 0 {
        r.warning(&config.path.key("services"), ProblemKind::NoServices);
    }
    let tier_ids = match config.has("tiers") {
        true => declared(&config, "tiers", "id"),
        false => super::defaults::default_tiers()
            .into_iter()
            .map(|t| Some(t.id))
            .collect(),
    };
    let service_ids = declared(&config, "services", "id");
    let provider_ids = declared(&config, "providers", "id");
    let service_tiers = declared(&config, "services", "tier");
    let offer_providers = declared(&config, "offers", "provider");
    let offer_services = declared(&config, "offers", "service");

    let root = JsonPath::root();
    let known_tiers = unique_ids(r, &root.key("tiers"), &tier_ids);
    let known_services = unique_ids(r, &root.key("services"), &service_ids);
    let known_providers = unique_ids(r, &root.key("providers"), &provider_ids);
    if let Some(continuum) = config.nested("continuum") {
        check_continuum(r, &continuum, &known_providers, &known_services);
    }
    check_references(
        r,
        (&root.key("services"), "tier"),
        Referent::Tier,
        &service_tiers,
        &known_tiers,
    );
    check_references(
        r,
        (&root.key("offers"), "provider"),
        Referent::Provider,
        &offer_providers,
        &known_providers,
    );
    check_references(
        r,
        (&root.key("offers"), "service"),
        Referent::Service,
        &offer_services,
        &known_services,
    );

    // An empty tier is worth a word only when the author listed the tiers themselves.
    let used: HashMap<&str, usize> = service_tiers
        .iter()
        .flatten()
        .map(|t| (t.as_str(), 0))
        .collect();
    if config.has("tiers") && !used.is_empty() {
        for (i, id) in tier_ids.iter().enumerate() {
            if let Some(id) = id.as_ref().filter(|id| !used.contains_key(id.as_str())) {
                let kind = ProblemKind::EmptyTier { tier: id.clone() };
                r.warning(&JsonPath::root().key("tiers").index(i), kind);
            }
        }
    }
    let pair_keys: Vec<Option<String>> = offer_providers
        .iter()
        .zip(&offer_services)
        .map(|pair| match pair {
            (Some(provider), Some(service)) => Some(format!("{provider}\u{1f}{service}")),
            _ => None,
        })
        .collect();
    let mut pairs: HashMap<&str, usize> = HashMap::new();
    for (i, (key, pair)) in pair_keys
        .iter()
        .zip(offer_providers.iter().zip(&offer_services))
        .enumerate()
    {
        if let (Some(key), (Some(provider), Some(service))) = (key, pair) {
            if pairs.insert(key, i).is_some() {
                let kind = ProblemKind::DuplicateOffer {
                    provider: provider.clone(),
                    service: service.clone(),
                };
                r.warning(&JsonPath::root().key("offers").index(i), kind);
            }
        }
    }

    Some(Config {
        schema,
        version: u32::try_from(version?).ok()?,
        id,
        territory: territory?,
        tiers: all(tiers)?,
        services: all(services)?,
        providers: all(providers)?,
        offers: all(offers)?,
        continuum: continuum?,
    })
}

fn read_continuum(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Continuum> {
    let fields = r.object(node, path, fields_of("Continuum"))?;
    let scale = r.choice(&fields, "scale", BuiltInScale::NAMES);
    let levels = r.items(&fields, "levels", false, read_level);
    let relations = r.items(&fields, "relations", false, read_relation);
    Some(Continuum {
        scale: scale?,
        levels: all(levels)?,
        relations: all(relations)?,
    })
}

fn read_level(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Level> {
    let fields = r.object(node, path, fields_of("Level"))?;
    let id = r.string(&fields, "id", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    let criteria = all(r.items(&fields, "criteria", false, |r, node, path| {
        let fields = r.object(node, path, fields_of("Criterion"))?;
        let aspect = r
            .field(&fields, "aspect", true)
            .and_then(|(node, path)| r.named(node, &path, Aspect::NAMES));
        let text = required_text(r, &fields, "text");
        Some(Criterion {
            aspect: aspect?,
            text: text?,
        })
    }));
    Some(Level {
        id: id?,
        label: label?,
        description: description?,
        criteria: criteria?,
    })
}

fn read_relation(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Relation> {
    let fields = r.object(node, path, fields_of("Relation"))?;
    let providers = all(r.items(&fields, "providers", true, |r, node, path| {
        r.string_value(node, &path)
    }));
    let providers: Option<[String; 2]> = match providers {
        Some(list) => match <[String; 2]>::try_from(list) {
            Ok(pair) => Some(pair),
            Err(list) => {
                let kind = ProblemKind::NotAPair { found: list.len() };
                r.error(&fields.path.key("providers"), kind);
                None
            }
        },
        None => None,
    };
    let level = r.string(&fields, "level", true);
    let target = optional(
        fields.has("target").then_some(()),
        r.string(&fields, "target", false),
    );
    let mechanisms = all(r.items(&fields, "mechanisms", false, |r, node, path| {
        r.named(node, &path, Mechanism::NAMES)
    }));
    let services = all(r.items(&fields, "services", false, |r, node, path| {
        r.string_value(node, &path)
    }));
    let note = optional_text(r, &fields, "note");
    Some(Relation {
        providers: providers?,
        level: level?,
        target: target?,
        mechanisms: mechanisms?,
        services: services?,
        note: note?,
    })
}

/// The cross-checks of the continuum: unique step ids (never "none", level 0), relations
/// between two known and distinct providers, each pair once, known levels and services,
/// and a target that is not below the current level.
fn check_continuum(
    r: &mut Reader,
    continuum: &Fields,
    providers: &HashMap<&str, usize>,
    services: &HashMap<&str, usize>,
) {
    let base = continuum.path.clone();
    // Level ids in scale order, level 0 first.
    let level_ids: Vec<Option<String>> = declared(continuum, "levels", "id");
    let mut levels: Vec<&str> = vec![NONE];
    if continuum.has("levels") {
        let known = unique_ids(r, &base.key("levels"), &level_ids);
        for (i, id) in level_ids.iter().enumerate() {
            match id.as_deref() {
                Some(NONE) => {
                    let kind = ProblemKind::ReservedId { id: NONE.into() };
                    r.error(&base.key("levels").index(i).key("id"), kind);
                }
                Some(id) if known.get(id) == Some(&i) => levels.push(id),
                _ => {}
            }
        }
    } else {
        let scale = match continuum.get("scale").and_then(Node::as_string_lit) {
            Some(name) => BuiltInScale::NAMES
                .iter()
                .find(|(n, _)| *n == name.value)
                .map_or(BuiltInScale::default(), |(_, s)| *s),
            None => BuiltInScale::default(),
        };
        levels.extend(builtin_ids(scale));
    }
    let rank = |id: &str| levels.iter().position(|l| *l == id);
    let relations = base.key("relations");
    let pairs = declared_lists(continuum, "relations", "providers");
    let current = declared(continuum, "relations", "level");
    let targets = declared(continuum, "relations", "target");
    let concerned = declared_lists(continuum, "relations", "services");
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, pair) in pairs.iter().enumerate() {
        let at = relations.index(i);
        for (j, id) in pair.iter().enumerate() {
            if !providers.contains_key(id.as_str()) {
                let kind = ProblemKind::UnknownReference {
                    referent: Referent::Provider,
                    id: id.clone(),
                };
                r.error(&at.key("providers").index(j), kind);
            }
        }
        if let [a, b] = pair.as_slice() {
            if a == b {
                let kind = ProblemKind::RelationWithItself {
                    provider: a.clone(),
                };
                r.error(&at.key("providers"), kind);
            } else {
                let key = if a < b {
                    (a.as_str(), b.as_str())
                } else {
                    (b.as_str(), a.as_str())
                };
                if let Some(first) = seen.get(&key) {
                    let kind = ProblemKind::DuplicateRelation {
                        providers: [a.clone(), b.clone()],
                        first: relations.index(*first).to_string(),
                    };
                    r.error(&at, kind);
                } else {
                    seen.insert(key, i);
                }
            }
        }
        for (j, id) in concerned.get(i).into_iter().flatten().enumerate() {
            if !services.contains_key(id.as_str()) {
                let kind = ProblemKind::UnknownReference {
                    referent: Referent::Service,
                    id: id.clone(),
                };
                r.error(&at.key("services").index(j), kind);
            }
        }
        let mut ranks = [None, None];
        for (k, (field, id)) in [("level", &current), ("target", &targets)]
            .iter()
            .enumerate()
        {
            let Some(id) = id.get(i).and_then(Option::as_ref) else {
                continue;
            };
            ranks[k] = rank(id);
            if ranks[k].is_none() {
                let kind = ProblemKind::UnknownReference {
                    referent: Referent::Level,
                    id: id.clone(),
                };
                r.error(&at.key(field), kind);
            }
        }
        if let [Some(level), Some(target)] = ranks {
            if target < level {
                let kind = ProblemKind::TargetBelowLevel {
                    level: levels[level].into(),
                    target: levels[target].into(),
                };
                r.warning(&at.key("target"), kind);
            }
        }
    }
}

fn read_territory(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Territory> {
    let fields = r.object(node, path, fields_of("Territory"))?;
    let name = required_text(r, &fields, "name");
    let kind = r.choice(&fields, "kind", TerritoryKind::NAMES);
    let population = optional(
        r.field(&fields, "population", false),
        r.whole_number(&fields, "population", false),
    );
    let description = optional_text(r, &fields, "description");
    let population_served = optional_text(r, &fields, "population_served");
    let example = optional(
        r.field(&fields, "example", false),
        r.boolean(&fields, "example"),
    );
    Some(Territory {
        name: name?,
        kind: kind?,
        population: population?,
        description: description?,
        population_served: population_served?,
        example: example?.unwrap_or(false),
    })
}

fn read_tier(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Tier> {
    let fields = r.object(node, path, fields_of("Tier"))?;
    let id = r.string(&fields, "id", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    Some(Tier {
        id: id?,
        label: label?,
        description: description?,
    })
}

fn read_service(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Service> {
    let fields = r.object(node, path, fields_of("Service"))?;
    let id = r.string(&fields, "id", true);
    let tier = r.string(&fields, "tier", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    let examples = all(r.items(&fields, "examples", false, |r, node, path| {
        r.text_value(node, path)
    }));
    Some(Service {
        id: id?,
        tier: tier?,
        label: label?,
        description: description?,
        examples: examples?,
    })
}

fn read_provider(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Provider> {
    let fields = r.object(node, path, fields_of("Provider"))?;
    let id = r.string(&fields, "id", true);
    let name = required_text(r, &fields, "name");
    let kind = r.choice(&fields, "kind", ProviderKind::NAMES);
    let contact = match r.field(&fields, "contact", false) {
        Some((node, path)) => read_contact(r, node, path),
        None => Some(Contact::default()),
    };
    let languages = all(r.items(&fields, "languages", false, |r, node, path| {
        r.string_value(node, &path)
    }));
    Some(Provider {
        id: id?,
        name: name?,
        kind: kind?,
        contact: contact?,
        languages: languages?,
    })
}

fn read_contact(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Contact> {
    let fields = r.object(node, path, fields_of("Contact"))?;
    let phone = link(r, &fields, "phone", LinkKind::Phone, tel_href);
    let email = link(r, &fields, "email", LinkKind::Email, mailto_href);
    let web = link(r, &fields, "web", LinkKind::Web, web_href);
    let address = optional_text(r, &fields, "address");
    Some(Contact {
        phone: phone?,
        email: email?,
        web: web?,
        address: address?,
    })
}

fn read_offer(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Offer> {
    let fields = r.object(node, path, fields_of("Offer"))?;
    let provider = r.string(&fields, "provider", true);
    let service = r.string(&fields, "service", true);
    let availability = r.choice(&fields, "availability", Availability::NAMES);
    let access = r.choice(&fields, "access", AccessRoute::NAMES);
    let eligibility = optional_text(r, &fields, "eligibility");
    Some(Offer {
        provider: provider?,
        service: service?,
        availability: availability?,
        access: access?,
        eligibility: eligibility?,
    })
}

/// `Some(None)` when the field is absent, `Some(Some(v))` when read, `None` when invalid.
fn optional<T>(present: Option<impl Sized>, value: Option<T>) -> Option<Option<T>> {
    match (present, value) {
        (None, _) => Some(None),
        (Some(_), Some(v)) => Some(Some(v)),
        (Some(_), None) => None,
    }
}

fn optional_text(r: &mut Reader, fields: &Fields, key: &str) -> Option<Option<Text>> {
    let present = fields.has(key);
    optional(present.then_some(()), r.text(fields, key, false))
}

/// A label or name: required and not blank.
fn required_text(r: &mut Reader, fields: &Fields, key: &str) -> Option<Text> {
    let text = r.text(fields, key, true)?;
    if text.is_blank() {
        r.error(&fields.path.key(key), ProblemKind::EmptyText);
        return None;
    }
    Some(text)
}

/// A contact value that must make a safe link of its kind.
fn link(
    r: &mut Reader,
    fields: &Fields,
    key: &str,
    kind: LinkKind,
    href: fn(&str) -> Option<String>,
) -> Option<Option<String>> {
    if !fields.has(key) {
        return Some(None);
    }
    let value = r.string(fields, key, false)?;
    if href(&value).is_none() {
        let problem = ProblemKind::BadLink { link: kind, value };
        r.error(&fields.path.key(key), problem);
        return None;
    }
    Some(Some(value))
}

/// The string value of `field` in each element of the array `list`, by index (`None`
/// where there is none: reading the element reports that).
fn declared(fields: &Fields, list: &str, field: &str) -> Vec<Option<String>> {
    let Some(Node::Array(array)) = fields.get(list) else {
        return Vec::new();
    };
    array
        .elements
        .iter()
        .map(|element| {
            let object = element.as_object()?;
            let prop = object
                .properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == field)?;
            Some(prop.value.as_string_lit()?.value.to_string())
        })
        .collect()
}

/// The strings of the array `field` in each element of the array `list`, by index (values
/// that are not strings are left out: reading the element reports them).
fn declared_lists(fields: &Fields, list: &str, field: &str) -> Vec<Vec<String>> {
    let Some(Node::Array(array)) = fields.get(list) else {
        return Vec::new();
    };
    array
        .elements
        .iter()
        .map(|element| {
            let values = element.as_object().and_then(|object| {
                let prop = object
                    .properties
                    .iter()
                    .rev()
                    .find(|p| p.name.as_str() == field)?;
                prop.value.as_array()
            });
            values
                .into_iter()
                .flat_map(|a| a.elements.iter())
                .filter_map(|v| Some(v.as_string_lit()?.value.to_string()))
                .collect()
        })
        .collect()
}

/// Checks that ids are not blank and unique within a list; returns the set of ids.
fn unique_ids<'a>(
    r: &mut Reader,
    base: &JsonPath,
    ids: &'a [Option<String>],
) -> HashMap<&'a str, usize> {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        let path = base.index(i).key("id");
        if id.trim().is_empty() {
            r.error(&path, ProblemKind::EmptyText);
        } else if let Some(first) = first_seen.get(id.as_str()) {
            let kind = ProblemKind::DuplicateId {
                id: id.clone(),
                first: base.index(*first).to_string(),
            };
            r.error(&path, kind);
        } else {
            first_seen.insert(id, i);
        }
    }
    first_seen
}

/// Reports each reference (`list[i].field`) to an id that no item declares.
fn check_references(
    r: &mut Reader,
    (base, field): (&JsonPath, &str),
    referent: Referent,
    references: &[Option<String>],
    known: &HashMap<&str, usize>,
) {
    for (i, reference) in references.iter().enumerate() {
        if let Some(id) = reference
            .as_ref()
            .filter(|id| !known.contains_key(id.as_str()))
        {
            let kind = ProblemKind::UnknownReference {
                referent,
                id: id.clone(),
            };
            r.error(&base.index(i).key(field), kind);
        }
    }
}
