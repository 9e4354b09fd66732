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
use super::read::{Fields, Reader};
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
        &["id", "tier", "label", "description", "examples", "hsds"],
    ),
    (
        "Provider",
        &["id", "name", "kind", "contact", "languages", "hsds"],
    ),
    ("Contact", &["phone", "email", "web", "address"]),
    (
        "Offer",
        &[
            "provider",
            "service",
            "availability",
            "access",
            "eligibility",
            "how_to_apply",
            "hours",
            "hsds",
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

/// JSON as `JSON.parse` reads it: no comments, no trailing commas, no JavaScript extras.
pub(crate) fn strict_json() -> jsonc_parser::ParseOptions {
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
            };
            reader.report_at(Severity::Error, &root, err.range().start, kind);
        }
        Ok(parsed) => match parsed.value {
            None => {
                let kind = ProblemKind::Syntax {
                    error: SyntaxError::Empty,
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
        None => Some(super::defaults::default_tiers()),
        Some(_) => r.list(&config, "tiers", false, read_tier),
    };
    let services = r.list(&config, "services", true, read_service);
    let providers = r.list(&config, "providers", false, read_provider);
    let offers = r.list(&config, "offers", false, read_offer);

    // Cross-checks run on what each item declares, even an item with other problems, so
    // one bad field hides nothing else and a faulty provider does not also make each of
    // its offers look wrong.
    if config.has("services") && services.as_ref().is_some_and(Vec::is_empty) {
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
    // The continuum is read once the providers and services are known: each relation is
    // checked as it is read. The citizens' (view) bundle does not show the continuum and
    // does not read it: a mistake there is for the full bundle and the editor to report,
    // and never keeps citizens from their guide.
    let reads_continuum = cfg!(any(feature = "workshop", not(target_arch = "wasm32")));
    let continuum = match r
        .field(&config, "continuum", false)
        .filter(|_| reads_continuum)
    {
        None => Some(None),
        Some((node, path)) => {
            let known = (&known_providers, &known_services);
            read_continuum(r, node, path, known).map(|c| Some(std::rc::Rc::new(c)))
        }
    };
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
        tiers: tiers?,
        services: services?,
        providers: providers?,
        offers: offers?,
        continuum: continuum?,
    })
}

/// The ids a relation may name, the rank of each level id ("none" is 0), and the pairs
/// already described (provider positions in order, with the path of their relation).
struct Known<'k> {
    providers: &'k HashMap<&'k str, usize>,
    services: &'k HashMap<&'k str, usize>,
    levels: HashMap<&'k str, usize>,
    pairs: Vec<(usize, usize, String)>,
}

fn read_continuum(
    r: &mut Reader,
    node: &Node,
    path: JsonPath,
    (providers, services): (&HashMap<&str, usize>, &HashMap<&str, usize>),
) -> Option<Continuum> {
    let fields = r.object(node, path, fields_of("Continuum"))?;
    let scale = r.choice(&fields, "scale", BuiltInScale::NAMES);
    let levels = r.list(&fields, "levels", false, read_level);
    // The config's own steps (ids unique, never "none", which is level 0), else the
    // built-in scale's.
    let ids = declared(&fields, "levels", "id");
    let mut ranks: HashMap<&str, usize> = HashMap::new();
    if fields.has("levels") {
        let steps = fields.path.key("levels");
        for (id, i) in unique_ids(r, &steps, &ids) {
            ranks.insert(id, i + 1);
        }
        for (i, id) in ids.iter().enumerate() {
            if id.as_deref() == Some(NONE) {
                let kind = ProblemKind::ReservedId { id: NONE.into() };
                r.error(&steps.index(i).key("id"), kind);
            }
        }
    } else {
        for (i, id) in builtin_ids(scale.unwrap_or_default()).iter().enumerate() {
            ranks.insert(id, i + 1);
        }
    }
    ranks.insert(NONE, 0);
    let mut known = Known {
        providers,
        services,
        levels: ranks,
        pairs: Vec::new(),
    };
    let relations = r.list(&fields, "relations", false, |r, node, path| {
        read_relation(r, node, path, &mut known)
    });
    Some(Continuum {
        scale: scale?,
        levels: levels?,
        relations: relations?,
    })
}

/// True when `id` is in `known`; else reports an unknown reference at `path`.
fn check_reference(
    r: &mut Reader,
    known: &HashMap<&str, usize>,
    (referent, id): (Referent, &str),
    path: &JsonPath,
) -> bool {
    let found = known.contains_key(id);
    if !found {
        let kind = ProblemKind::UnknownReference {
            referent,
            id: id.into(),
        };
        r.error(path, kind);
    }
    found
}

fn read_level(r: &mut Reader, node: &Node, path: JsonPath) -> Option<Level> {
    let fields = r.object(node, path, fields_of("Level"))?;
    let id = r.string(&fields, "id", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    let criteria = r.list(&fields, "criteria", false, |r, node, path| {
        let fields = r.object(node, path, fields_of("Criterion"))?;
        let aspect = r
            .field(&fields, "aspect", true)
            .and_then(|(node, path)| r.named(node, &path, Aspect::NAMES));
        let text = required_text(r, &fields, "text");
        Some(Criterion {
            aspect: aspect?,
            text: text?,
        })
    });
    Some(Level {
        id: id?,
        label: label?,
        description: description?,
        criteria: criteria?,
    })
}

/// A relation, checked as it is read: two known and distinct providers, a pair not
/// described before, known levels with a target not below the level, known services.
fn read_relation(
    r: &mut Reader,
    node: &Node,
    path: JsonPath,
    known: &mut Known,
) -> Option<Relation> {
    let fields = r.object(node, path, fields_of("Relation"))?;
    let at = &fields.path;
    let providers = match r.strings(&fields, "providers", true).as_deref() {
        Some([a, b]) => Some([a.clone(), b.clone()]),
        None => None,
        Some(_) => {
            let kind = ProblemKind::WrongType {
                expected: Expected::Pair,
            };
            r.error(&at.key("providers"), kind);
            None
        }
    };
    if let Some([a, b]) = &providers {
        for (j, id) in [a, b].into_iter().enumerate() {
            let path = at.key("providers").index(j);
            check_reference(r, known.providers, (Referent::Provider, id), &path);
        }
        // A linear search: a config describes a few thousand relations at most, and a map
        // would cost the bundle more than it saves in time.
        let positions = (
            known.providers.get(a.as_str()),
            known.providers.get(b.as_str()),
        );
        if a == b {
            let kind = ProblemKind::RelationWithItself {
                provider: a.clone(),
            };
            r.error(&at.key("providers"), kind);
        } else if let (Some(&i), Some(&j)) = positions {
            let pair = (i.min(j), i.max(j));
            match known.pairs.iter().find(|(x, y, _)| (*x, *y) == pair) {
                Some((_, _, first)) => {
                    let kind = ProblemKind::DuplicateRelation {
                        providers: [a.clone(), b.clone()],
                        first: first.clone(),
                    };
                    r.error(at, kind);
                }
                None => known.pairs.push((pair.0, pair.1, at.to_string())),
            }
        }
    }
    let level = r.string(&fields, "level", true);
    let target = optional(
        fields.has("target").then_some(()),
        r.string(&fields, "target", false),
    );
    let rank = |r: &mut Reader, key: &str, id: Option<&String>| {
        let id = id?;
        let reference = (Referent::Level, id.as_str());
        check_reference(r, &known.levels, reference, &at.key(key))
            .then(|| known.levels[id.as_str()])
    };
    let ranks = (
        rank(r, "level", level.as_ref()),
        rank(r, "target", target.as_ref().and_then(Option::as_ref)),
    );
    if let (Some(l), Some(t), Some(level), Some(Some(target))) = (ranks.0, ranks.1, &level, &target)
    {
        if t < l {
            let kind = ProblemKind::TargetBelowLevel {
                level: level.clone(),
                target: target.clone(),
            };
            r.warning(&at.key("target"), kind);
        }
    }
    let mechanisms = r.list(&fields, "mechanisms", false, |r, node, path| {
        r.named(node, &path, Mechanism::NAMES)
    });
    let services = r.strings(&fields, "services", false);
    for (j, id) in services.iter().flatten().enumerate() {
        let path = at.key("services").index(j);
        check_reference(r, known.services, (Referent::Service, id), &path);
    }
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
    let examples = r.list(&fields, "examples", false, |r, node, path| {
        r.text_value(node, path)
    });
    Some(Service {
        id: id?,
        tier: tier?,
        label: label?,
        description: description?,
        examples: examples?,
        #[cfg(feature = "workshop")]
        hsds: r.string(&fields, "hsds", false),
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
    let languages = r.strings(&fields, "languages", false);
    Some(Provider {
        id: id?,
        name: name?,
        kind: kind?,
        contact: contact?,
        languages: languages?,
        #[cfg(feature = "workshop")]
        hsds: r.string(&fields, "hsds", false),
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
    let how_to_apply = optional_text(r, &fields, "how_to_apply");
    let hours = optional_text(r, &fields, "hours");
    Some(Offer {
        provider: provider?,
        service: service?,
        availability: availability?,
        access: access?,
        eligibility: eligibility?,
        how_to_apply: how_to_apply?,
        hours: hours?,
        #[cfg(feature = "workshop")]
        hsds: r.string(&fields, "hsds", false),
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
