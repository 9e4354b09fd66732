//! Reading a config and telling its author everything that is wrong with it, at once:
//! syntax, types, required and unknown fields (via [`super::read`]), then what only the
//! whole config can tell — duplicate ids, references to unknown tiers, services or
//! providers, empty labels, unsafe or malformed contact links.

use super::links::{mailto_href, tel_href, web_href};
use super::model::{
    AccessRoute, Availability, Config, Contact, Named, Offer, Provider, ProviderKind, Service,
    Territory, TerritoryKind, Tier, CONFIG_VERSION,
};
pub use super::problems::*;
use super::read::{all, Fields, Reader};
use super::text::Text;
use jsonc_parser::ast::Value as Node;
use std::collections::{HashMap, HashSet};

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
                detail: err.kind().to_string(),
            };
            reader.report_at(Severity::Error, &root, err.range().start, kind);
        }
        Ok(parsed) => match parsed.value {
            None => {
                let kind = ProblemKind::Syntax {
                    detail: "empty text".into(),
                };
                reader.report_at(Severity::Error, &root, 0, kind);
            }
            Some(node) => {
                let config = read_config(&mut reader, &node);
                let problems = reader.problems;
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

    // Cross-checks run on whatever could be read, so one bad item hides nothing else.
    let none = Vec::new();
    let listed = |items: &Option<Vec<Option<_>>>| items.as_ref().unwrap_or(&none).len();
    if config.has("services") && services.is_some() && listed(&services) == 0 {
        r.warning(&config.path.key("services"), ProblemKind::NoServices);
    }
    // Ids are taken from every item that declares one, even an item with other problems,
    // so that a faulty provider does not also make each of its offers look wrong.
    let tier_ids = match config.has("tiers") {
        true => declared_ids(&config, "tiers"),
        false => each(&tiers).map(|t| t.map(|t| t.id.clone())).collect(),
    };
    let tier_ids = unique_ids(r, "tiers", &tier_ids);
    let service_ids = declared_ids(&config, "services");
    let service_ids = unique_ids(r, "services", &service_ids);
    let provider_ids = declared_ids(&config, "providers");
    let provider_ids = unique_ids(r, "providers", &provider_ids);
    check_services(r, &config, &tiers, &services, &tier_ids);
    check_offers(r, &offers, &service_ids, &provider_ids);

    Some(Config {
        schema,
        version: u32::try_from(version?).ok()?,
        id,
        territory: territory?,
        tiers: all(tiers)?,
        services: all(services)?,
        providers: all(providers)?,
        offers: all(offers)?,
    })
}

/// The items of a list as read, by index (`None` for an item that could not be read).
fn each<T>(items: &Option<Vec<Option<T>>>) -> impl Iterator<Item = Option<&T>> {
    items.iter().flatten().map(Option::as_ref)
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

/// The string `id` of each element of an array field, by index (`None` where there is
/// none: reading the element reports that).
fn declared_ids(fields: &Fields, key: &str) -> Vec<Option<String>> {
    let Some(Node::Array(array)) = fields.get(key) else {
        return Vec::new();
    };
    array
        .elements
        .iter()
        .map(|element| {
            let object = element.as_object()?;
            let id = object
                .properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == "id")?;
            Some(id.value.as_string_lit()?.value.to_string())
        })
        .collect()
}

/// Checks that ids are not blank and unique within a section; returns the set of ids.
fn unique_ids<'a>(r: &mut Reader, section: &str, ids: &'a [Option<String>]) -> HashSet<&'a str> {
    let base = JsonPath::root().key(section);
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
    first_seen.into_keys().collect()
}

fn check_services(
    r: &mut Reader,
    config: &Fields,
    tiers: &Option<Vec<Option<Tier>>>,
    services: &Option<Vec<Option<Service>>>,
    tier_ids: &HashSet<&str>,
) {
    let base = JsonPath::root().key("services");
    let mut used = HashSet::new();
    for (i, service) in each(services).enumerate() {
        let Some(service) = service else { continue };
        used.insert(service.tier.as_str());
        if !tier_ids.contains(service.tier.as_str()) {
            let kind = ProblemKind::UnknownReference {
                referent: Referent::Tier,
                id: service.tier.clone(),
            };
            r.error(&base.index(i).key("tier"), kind);
        }
    }
    // An empty tier is worth a word only when the author listed the tiers themselves.
    if config.has("tiers") && !used.is_empty() {
        for (i, tier) in each(tiers).enumerate() {
            if let Some(tier) = tier.filter(|t| !used.contains(t.id.as_str())) {
                let kind = ProblemKind::EmptyTier {
                    tier: tier.id.clone(),
                };
                r.warning(&JsonPath::root().key("tiers").index(i), kind);
            }
        }
    }
}

fn check_offers(
    r: &mut Reader,
    offers: &Option<Vec<Option<Offer>>>,
    service_ids: &HashSet<&str>,
    provider_ids: &HashSet<&str>,
) {
    let base = JsonPath::root().key("offers");
    let mut pairs = HashSet::new();
    for (i, offer) in each(offers).enumerate() {
        let Some(offer) = offer else { continue };
        let path = base.index(i);
        if !provider_ids.contains(offer.provider.as_str()) {
            let kind = ProblemKind::UnknownReference {
                referent: Referent::Provider,
                id: offer.provider.clone(),
            };
            r.error(&path.key("provider"), kind);
        }
        if !service_ids.contains(offer.service.as_str()) {
            let kind = ProblemKind::UnknownReference {
                referent: Referent::Service,
                id: offer.service.clone(),
            };
            r.error(&path.key("service"), kind);
        }
        if !pairs.insert((offer.provider.as_str(), offer.service.as_str())) {
            let kind = ProblemKind::DuplicateOffer {
                provider: offer.provider.clone(),
                service: offer.service.clone(),
            };
            r.warning(&path, kind);
        }
    }
}
