//! Reading a config and telling its author everything that is wrong with it, at once:
//! syntax, types, required and unknown fields (via [`super::read`]), then what only the
//! whole config can tell — duplicate ids, references to unknown tiers, services or
//! providers, empty labels, unsafe or malformed contact links.

use super::continuum::{builtin_ids, NONE};
use super::hash::{FxHashSet, Ids};
use super::json::Value as Node;
use super::links::{mailto_href, tel_href, web_href};
use super::model::{
    AccessRoute, Aspect, Availability, BuiltInScale, Config, Contact, Continuum, Criterion, Level,
    Mechanism, Named, Offer, Provider, ProviderKind, Relation, Service, Territory, TerritoryKind,
    Tier, CONFIG_VERSION,
};
pub use super::problems::*;
use super::read::{syntax_problems, At, Fields, Reader, ROOT};
use super::text::Text;

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
    // Not a map: nine names, once per object read.
    FIELDS
        .iter()
        .find(|(name, _)| *name == definition)
        .map(|(_, fields)| *fields)
        .unwrap_or(&[])
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
    let tree = match super::json::parse(text) {
        Ok(tree) => tree,
        Err(err) => {
            return Loaded {
                config: None,
                problems: syntax_problems(text, err, with_positions),
            };
        }
    };
    let root = tree.root();
    let mut reader = Reader::new(text, Some(root), with_positions);
    let config = read_config(&mut reader, root);
    let mut problems = reader.problems;
    // In the order the author reads the text (stable: paths keep their order when the
    // config has no positions).
    problems.sort_by_key(|p| p.position.map(|p| (p.line, p.column)));
    let has_errors = problems.iter().any(Problem::is_error);
    Loaded {
        config: config.filter(|_| !has_errors),
        problems,
    }
}

fn read_config(r: &mut Reader, node: Node) -> Option<Config> {
    let config = r.object(node, ROOT, fields_of("Config"))?;
    let schema = r.string(&config, "$schema", false);
    let version = r.whole_number(&config, "version", true);
    if let Some(found) = version.filter(|v| *v != u64::from(CONFIG_VERSION)) {
        let kind = ProblemKind::UnsupportedVersion {
            found: found.to_string(),
        };
        r.error(config.at.key("version"), kind);
    }
    let id = r.string(&config, "id", false);
    let territory = r
        .field(&config, "territory", true)
        .and_then(|node| read_territory(r, node, config.at.key("territory")));
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
        r.warning(config.at.key("services"), ProblemKind::NoServices);
    }
    let default_tiers: Vec<String> = match config.has("tiers") {
        true => Vec::new(),
        false => super::defaults::default_tiers()
            .into_iter()
            .map(|t| t.id)
            .collect(),
    };
    let tier_ids = match config.has("tiers") {
        true => declared(&config, "tiers", "id"),
        false => default_tiers.iter().map(|id| Some(id.as_str())).collect(),
    };
    let service_ids = declared(&config, "services", "id");
    let provider_ids = declared(&config, "providers", "id");
    let service_tiers = declared(&config, "services", "tier");
    let offer_providers = declared(&config, "offers", "provider");
    let offer_services = declared(&config, "offers", "service");

    let known_tiers = unique_ids(r, ROOT.key("tiers"), &tier_ids);
    let known_services = unique_ids(r, ROOT.key("services"), &service_ids);
    let known_providers = unique_ids(r, ROOT.key("providers"), &provider_ids);
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
        Some(node) => {
            let known = (&known_providers, &known_services);
            let at = config.at.key("continuum");
            read_continuum(r, node, at, known).map(|c| Some(std::rc::Rc::new(c)))
        }
    };
    check_references(
        r,
        (ROOT.key("services"), "tier"),
        Referent::Tier,
        &service_tiers,
        &known_tiers,
    );
    check_references(
        r,
        (ROOT.key("offers"), "provider"),
        Referent::Provider,
        &offer_providers,
        &known_providers,
    );
    check_references(
        r,
        (ROOT.key("offers"), "service"),
        Referent::Service,
        &offer_services,
        &known_services,
    );

    // An empty tier is worth a word only when the author listed the tiers themselves.
    let used: Ids = service_tiers.iter().flatten().map(|t| (*t, 0)).collect();
    if config.has("tiers") && !used.is_empty() {
        for (i, id) in tier_ids.iter().enumerate() {
            if let Some(id) = id.filter(|id| !used.contains_key(id)) {
                let kind = ProblemKind::EmptyTier { tier: id.into() };
                r.warning(ROOT.key("tiers").index(i), kind);
            }
        }
    }
    duplicate_offers(r, &offer_providers, &offer_services);

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
/// already described (provider positions in order, with the index of their relation).
struct Known<'k> {
    providers: &'k Ids<'k>,
    services: &'k Ids<'k>,
    levels: Ids<'k>,
    pairs: Vec<(usize, usize, usize)>,
}

fn read_continuum(
    r: &mut Reader,
    node: Node,
    at: At,
    (providers, services): (&Ids, &Ids),
) -> Option<Continuum> {
    let fields = r.object(node, at, fields_of("Continuum"))?;
    let scale = r.choice(&fields, "scale", BuiltInScale::NAMES);
    let levels = r.list(&fields, "levels", false, read_level);
    // The config's own steps (ids unique, never "none", which is level 0), else the
    // built-in scale's.
    let ids = declared(&fields, "levels", "id");
    let mut ranks = Ids::default();
    if fields.has("levels") {
        let steps = fields.at.key("levels");
        for (id, i) in unique_ids(r, steps, &ids) {
            ranks.insert(id, i + 1);
        }
        for (i, id) in ids.iter().enumerate() {
            if *id == Some(NONE) {
                let kind = ProblemKind::ReservedId { id: NONE.into() };
                r.error(steps.index(i).key("id"), kind);
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
    let relations = r.list(&fields, "relations", false, |r, node, at| {
        read_relation(r, node, at, &mut known)
    });
    Some(Continuum {
        scale: scale?,
        levels: levels?,
        relations: relations?,
    })
}

/// True when `id` is in `known`; else reports an unknown reference at `path`.
fn check_reference(r: &mut Reader, known: &Ids, (referent, id): (Referent, &str), at: At) -> bool {
    let found = known.contains_key(id);
    if !found {
        let kind = ProblemKind::UnknownReference {
            referent,
            id: id.into(),
        };
        r.error(at, kind);
    }
    found
}

fn read_level(r: &mut Reader, node: Node, at: At) -> Option<Level> {
    let fields = r.object(node, at, fields_of("Level"))?;
    let id = r.string(&fields, "id", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    let criteria = r.list(&fields, "criteria", false, |r, node, at| {
        let fields = r.object(node, at, fields_of("Criterion"))?;
        let aspect = r
            .field(&fields, "aspect", true)
            .and_then(|node| r.named(node, fields.at.key("aspect"), Aspect::NAMES));
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
fn read_relation(r: &mut Reader, node: Node, at: At, known: &mut Known) -> Option<Relation> {
    let fields = r.object(node, at, fields_of("Relation"))?;
    let providers = match r.strings(&fields, "providers", true).as_deref() {
        Some([a, b]) => Some([a.clone(), b.clone()]),
        None => None,
        Some(_) => {
            let kind = ProblemKind::WrongType {
                expected: Expected::Pair,
            };
            r.error(at.key("providers"), kind);
            None
        }
    };
    if let Some([a, b]) = &providers {
        let list = at.key("providers");
        for (j, id) in [a, b].into_iter().enumerate() {
            check_reference(r, known.providers, (Referent::Provider, id), list.index(j));
        }
        let positions = (
            known.providers.get(a.as_str()),
            known.providers.get(b.as_str()),
        );
        if a == b {
            let kind = ProblemKind::RelationWithItself {
                provider: a.clone(),
            };
            r.error(at.key("providers"), kind);
        } else if let (Some(&i), Some(&j)) = positions {
            // Relations are read as the elements of their list: the first of a pair is
            // told by its index in the list, written out as a path when there is a second.
            let (list, index) = match at {
                At::Index(list, index) => (Some(list), index),
                _ => (None, 0),
            };
            let pair = (i.min(j), i.max(j));
            // A linear search: a config describes a few thousand relations at most, and a
            // map would cost the bundle more than it saves in time.
            match known.pairs.iter().find(|(x, y, _)| (*x, *y) == pair) {
                Some(&(_, _, first)) => {
                    let first = match list {
                        Some(list) => list.index(first).path(),
                        None => at.path(),
                    };
                    let kind = ProblemKind::DuplicateRelation {
                        providers: [a.clone(), b.clone()],
                        first: first.into_string(),
                    };
                    r.error(at, kind);
                }
                None => known.pairs.push((pair.0, pair.1, index)),
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
        check_reference(r, &known.levels, reference, at.key(key)).then(|| known.levels[id.as_str()])
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
            r.warning(at.key("target"), kind);
        }
    }
    let mechanisms = r.list(&fields, "mechanisms", false, |r, node, at| {
        r.named(node, at, Mechanism::NAMES)
    });
    let services = r.strings(&fields, "services", false);
    let list = at.key("services");
    for (j, id) in services.iter().flatten().enumerate() {
        check_reference(r, known.services, (Referent::Service, id), list.index(j));
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

fn read_territory(r: &mut Reader, node: Node, at: At) -> Option<Territory> {
    let fields = r.object(node, at, fields_of("Territory"))?;
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

fn read_tier(r: &mut Reader, node: Node, at: At) -> Option<Tier> {
    let fields = r.object(node, at, fields_of("Tier"))?;
    let id = r.string(&fields, "id", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    Some(Tier {
        id: id?,
        label: label?,
        description: description?,
    })
}

fn read_service(r: &mut Reader, node: Node, at: At) -> Option<Service> {
    let fields = r.object(node, at, fields_of("Service"))?;
    let id = r.string(&fields, "id", true);
    let tier = r.string(&fields, "tier", true);
    let label = required_text(r, &fields, "label");
    let description = optional_text(r, &fields, "description");
    let examples = r.list(&fields, "examples", false, |r, node, at| {
        r.text_value(node, at)
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

fn read_provider(r: &mut Reader, node: Node, at: At) -> Option<Provider> {
    let fields = r.object(node, at, fields_of("Provider"))?;
    let id = r.string(&fields, "id", true);
    let name = required_text(r, &fields, "name");
    let kind = r.choice(&fields, "kind", ProviderKind::NAMES);
    let contact = match r.field(&fields, "contact", false) {
        Some(node) => read_contact(r, node, fields.at.key("contact")),
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

fn read_contact(r: &mut Reader, node: Node, at: At) -> Option<Contact> {
    let fields = r.object(node, at, fields_of("Contact"))?;
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

fn read_offer(r: &mut Reader, node: Node, at: At) -> Option<Offer> {
    let fields = r.object(node, at, fields_of("Offer"))?;
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
        r.error(fields.at.key(key), ProblemKind::EmptyText);
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
        r.error(fields.at.key(key), problem);
        return None;
    }
    Some(Some(value))
}

/// The string value of `field` in each element of the array `list`, by index (`None`
/// where there is none: reading the element reports that).
fn declared<'n>(fields: &Fields<'n, '_>, list: &str, field: &str) -> Vec<Option<&'n str>> {
    let Some(array) = fields.get(list).filter(|list| list.is_array()) else {
        return Vec::new();
    };
    array
        .elements()
        .map(|element| element.get(field)?.as_str())
        .collect()
}

/// Checks that ids are not blank and unique within a list; returns the set of ids.
fn unique_ids<'a>(r: &mut Reader, base: At, ids: &[Option<&'a str>]) -> Ids<'a> {
    let mut first_seen = Ids::default();
    first_seen.reserve(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = *id else { continue };
        let element = base.index(i);
        if id.trim().is_empty() {
            r.error(element.key("id"), ProblemKind::EmptyText);
        } else if let Some(first) = first_seen.get(id) {
            let kind = ProblemKind::DuplicateId {
                id: id.into(),
                first: base.index(*first).path().into_string(),
            };
            r.error(element.key("id"), kind);
        } else {
            first_seen.insert(id, i);
        }
    }
    first_seen
}

/// Reports each reference (`list[i].field`) to an id that no item declares.
fn check_references(
    r: &mut Reader,
    (base, field): (At, &str),
    referent: Referent,
    references: &[Option<&str>],
    known: &Ids,
) {
    for (i, reference) in references.iter().enumerate() {
        if let Some(id) = reference.filter(|id| !known.contains_key(id)) {
            let kind = ProblemKind::UnknownReference {
                referent,
                id: id.into(),
            };
            r.error(base.index(i).key(field), kind);
        }
    }
}

/// Warns of each offer of a provider for a service that an offer before it already made.
fn duplicate_offers(r: &mut Reader, providers: &[Option<&str>], services: &[Option<&str>]) {
    let pairs = providers.iter().zip(services).enumerate();
    let pairs = pairs.filter_map(|(i, pair)| match pair {
        (Some(provider), Some(service)) => Some((i, *provider, *service)),
        _ => None,
    });
    // A pair is the provider and the service joined by U+001F, as it always was: ids that
    // hold that character could make pairs that are the same once joined. Without it (every
    // real config), the two ids themselves are the key, with no string made.
    let warn = |r: &mut Reader, i: usize, provider: &str, service: &str| {
        let kind = ProblemKind::DuplicateOffer {
            provider: provider.into(),
            service: service.into(),
        };
        r.warning(ROOT.key("offers").index(i), kind);
    };
    let mut ids = providers.iter().chain(services).flatten();
    if ids.any(|id| id.contains('\u{1f}')) {
        let pairs: Vec<_> = pairs.collect();
        let keys: Vec<String> = pairs
            .iter()
            .map(|(_, provider, service)| format!("{provider}\u{1f}{service}"))
            .collect();
        let mut seen = Ids::default();
        for ((i, provider, service), key) in pairs.into_iter().zip(&keys) {
            if seen.insert(key, i).is_some() {
                warn(r, i, provider, service);
            }
        }
    } else {
        let mut seen = FxHashSet::default();
        seen.reserve(providers.len());
        for (i, provider, service) in pairs {
            if !seen.insert((provider, service)) {
                warn(r, i, provider, service);
            }
        }
    }
}
