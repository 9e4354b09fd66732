//! The range sent out as Open Referral HSDS 3.0: a JSON list of compiled services (one per
//! offer, with its organisation, location, phones and languages) and the tabular data
//! package (`datapackage.json` and its CSV files, in one .zip).
//!
//! What HSDS has no field for travels as attributes under our own taxonomy, whose term
//! codes start with `srm:` — `srm:tier:<id>` and `srm:service:<id>` (the range itself:
//! the data package lists every tier and service of it, offered or not), `srm:access:…`,
//! `srm:availability:…`, `srm:provider-kind:…`, `srm:provider` (our id as the value) and `srm:text` (a
//! field's text in both languages, as our config writes it, named by `link_type`) — so that
//! importing an export gives back the same range. Items get a stable UUID v5 when they have
//! no HSDS id yet (kept from an import otherwise).

use super::export::spreadsheet_safe;
use super::i18n::{access_label, availability_label, provider_kind_label};
use super::model::{Config, Named, Offer, Provider};
use super::session::identity;
use super::text::{Lang, Text};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// A UUID of ours for an item with no HSDS id: the same at every export of the same config.
fn uuid(config: &Config, kind: &str, id: &str) -> String {
    uuid_in(&prefix(config), kind, id)
}

/// The start of the names our UUIDs are made from.
fn prefix(config: &Config) -> String {
    format!("urn:service-range-mapper:{}:", identity(config))
}

fn uuid_in(prefix: &str, kind: &str, id: &str) -> String {
    let name = format!("{prefix}{kind}:{id}");
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
}

/// The config with the HSDS ids an export gives its providers, services and offers (those
/// it already has are kept): what importing the export back gives.
pub fn with_hsds_ids(config: &Config) -> Config {
    let mut out = config.clone();
    // An id twice (a config edited by hand) would make two items one: the second gets ours.
    let mut seen = std::collections::HashSet::new();
    let mut id = |kind: &str, hsds: &mut Option<String>, ours: &str| {
        let kept = hsds.take().filter(|h| seen.insert(format!("{kind}|{h}")));
        *hsds = Some(kept.unwrap_or_else(|| uuid(config, kind, ours)));
    };
    for p in &mut out.providers {
        id("provider", &mut p.hsds, &p.id);
    }
    for s in &mut out.services {
        id("service", &mut s.hsds, &s.id);
    }
    for o in &mut out.offers {
        let key = offer_key(o);
        id("offer", &mut o.hsds, &key);
    }
    out
}

fn offer_key(offer: &Offer) -> String {
    format!("{}|{}", offer.provider, offer.service)
}

/// Everything an export writes, as rows of its tables (the JSON is built from them too).
struct Tables {
    taxonomy_id: String,
    terms: Vec<Map<String, Value>>,
    attributes: Vec<Map<String, Value>>,
    organizations: Vec<Map<String, Value>>,
    services: Vec<Map<String, Value>>,
    locations: Vec<Map<String, Value>>,
    addresses: Vec<Map<String, Value>>,
    phones: Vec<Map<String, Value>>,
    languages: Vec<Map<String, Value>>,
    schedules: Vec<Map<String, Value>>,
    service_at_location: Vec<Map<String, Value>>,
    /// Term ids by code, and the location of each organisation (lookups while building).
    term_codes: HashMap<String, String>,
    org_location: HashMap<String, String>,
    prefix: String,
    services_at: HashMap<String, usize>,
    providers_at: HashMap<String, usize>,
}

fn obj(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// The text an HSDS field gets (French first) and, when the config's text is not one plain
/// string, the attribute that keeps it whole.
fn field_text(text: &Text) -> String {
    text.get(Lang::Fr).to_string()
}

impl Tables {
    fn new(config: &Config) -> Tables {
        let config = with_hsds_ids(config);
        let config = &config;
        let taxonomy_id = uuid(config, "taxonomy", "range");
        let mut t = Tables {
            taxonomy_id,
            terms: Vec::new(),
            attributes: Vec::new(),
            organizations: Vec::new(),
            services: Vec::new(),
            locations: Vec::new(),
            addresses: Vec::new(),
            phones: Vec::new(),
            languages: Vec::new(),
            schedules: Vec::new(),
            service_at_location: Vec::new(),
            term_codes: HashMap::new(),
            org_location: HashMap::new(),
            prefix: prefix(config),
            services_at: config
                .services
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect(),
            providers_at: config
                .providers
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i))
                .collect(),
        };
        t.term(
            "srm:text",
            "Texte bilingue (service-range-mapper)",
            "Un champ en français et en anglais, écrit comme la configuration l'écrit",
            None,
        );
        for tier in &config.tiers {
            let id = t.term(
                &format!("srm:tier:{}", tier.id),
                tier.label.get(Lang::Fr),
                tier.description
                    .as_ref()
                    .map_or(tier.label.get(Lang::Fr), |d| d.get(Lang::Fr)),
                None,
            );
            t.text("taxonomy_term", &id, "label", Some(&tier.label));
            if let Some(description) = &tier.description {
                t.whole_text("taxonomy_term", &id, "description", description);
            }
        }
        for service in &config.services {
            let parent = uuid_in(&t.prefix, "term", &format!("srm:tier:{}", service.tier));
            let term_id = service.hsds.clone().unwrap_or_default();
            let id = t.term_with_id(
                &term_id,
                &format!("srm:service:{}", service.id),
                service.label.get(Lang::Fr),
                service
                    .description
                    .as_ref()
                    .map_or(service.label.get(Lang::Fr), |d| d.get(Lang::Fr)),
                Some(parent),
            );
            t.text("taxonomy_term", &id, "label", Some(&service.label));
            if let Some(description) = &service.description {
                t.whole_text("taxonomy_term", &id, "description", description);
            }
            if !service.examples.is_empty() {
                let value = serde_json::to_string(&service.examples).unwrap_or_default();
                t.attribute("taxonomy_term", &id, "srm:text", "examples", &value);
            }
        }
        for provider in &config.providers {
            t.organization(provider);
        }
        for offer in &config.offers {
            t.service(config, offer);
        }
        t
    }

    fn term(
        &mut self,
        code: &str,
        name: &str,
        description: &str,
        parent: Option<String>,
    ) -> String {
        let id = uuid_in(&self.prefix, "term", code);
        self.term_with_id(&id, code, name, description, parent)
    }

    fn term_with_id(
        &mut self,
        id: &str,
        code: &str,
        name: &str,
        description: &str,
        parent: Option<String>,
    ) -> String {
        // A code is one term (its id given once).
        if let Some(known) = self.term_codes.get(code) {
            return known.clone();
        }
        let mut term = obj(json!({
            "id": id,
            "code": code,
            "name": name,
            "description": description,
            "taxonomy": "service-range-mapper",
            "taxonomy_id": self.taxonomy_id,
        }));
        if let Some(parent) = parent {
            term.insert("parent_id".into(), Value::String(parent));
        }
        self.terms.push(term);
        self.term_codes.insert(code.to_string(), id.to_string());
        id.to_string()
    }

    /// An attribute of ours on an item; `code`'s term is added on first use.
    fn attribute(&mut self, entity: &str, link: &str, code: &str, link_type: &str, value: &str) {
        let term = match self.term_codes.get(code) {
            Some(id) => id.clone(),
            None => {
                let (kind, name) = code
                    .strip_prefix("srm:")
                    .and_then(|c| c.split_once(':'))
                    .unwrap_or(("", code));
                let label = match kind {
                    "access" => {
                        super::model::AccessRoute::named(name).map(|a| access_label(Lang::Fr, a))
                    }
                    "availability" => super::model::Availability::named(name)
                        .map(|a| availability_label(Lang::Fr, a)),
                    "provider-kind" => super::model::ProviderKind::named(name)
                        .map(|k| provider_kind_label(Lang::Fr, k)),
                    _ => None,
                }
                .unwrap_or(name)
                .to_string();
                self.term(code, &label, &label, None)
            }
        };
        let id = uuid_in(
            &self.prefix,
            "attribute",
            &format!("{link}|{code}|{link_type}"),
        );
        self.attributes.push(obj(json!({
            "id": id,
            "link_id": link,
            "taxonomy_term_id": term,
            "link_type": link_type,
            "link_entity": entity,
            "value": value,
        })));
    }

    /// Keeps a text whole when it is more than one plain string.
    fn text(&mut self, entity: &str, link: &str, key: &str, text: Option<&Text>) {
        let Some(text) = text else { return };
        if text.plain.is_some() && text.fr.is_none() && text.en.is_none() {
            return;
        }
        self.whole_text(entity, link, key, text);
    }

    /// Keeps a text whole, even a plain one (a term's description is written whether the
    /// config has one or not: only this says it has).
    fn whole_text(&mut self, entity: &str, link: &str, key: &str, text: &Text) {
        let value = serde_json::to_string(text).unwrap_or_default();
        self.attribute(entity, link, "srm:text", key, &value);
    }

    fn organization(&mut self, provider: &Provider) {
        let id = provider.hsds.clone().unwrap_or_default();
        let mut org = obj(json!({
            "id": id,
            "name": field_text(&provider.name),
            "description": provider_kind_label(Lang::Fr, provider.kind),
        }));
        if let Some(email) = &provider.contact.email {
            org.insert("email".into(), json!(email));
        }
        if let Some(web) = &provider.contact.web {
            org.insert("website".into(), json!(web));
        }
        self.organizations.push(org);
        self.text("organization", &id, "name", Some(&provider.name));
        self.attribute(
            "organization",
            &id,
            "srm:provider",
            "provider",
            &provider.id,
        );
        self.attribute(
            "organization",
            &id,
            &format!("srm:provider-kind:{}", provider.kind.name()),
            "provider_kind",
            "",
        );
        if let Some(phone) = &provider.contact.phone {
            self.phones.push(obj(json!({
                "id": uuid_in(&self.prefix, "phone", &provider.id),
                "organization_id": id,
                "number": phone,
            })));
        }
        if provider.contact.address.is_some() || !provider.languages.is_empty() {
            let location = uuid_in(&self.prefix, "location", &provider.id);
            let mut place = obj(json!({
                "id": location,
                "location_type": if provider.contact.address.is_some() { "physical" } else { "virtual" },
                "organization_id": id,
                "name": field_text(&provider.name),
            }));
            if let Some(address) = &provider.contact.address {
                // A structured address when the text has its city, province and postal
                // code; else the text as the location's description (HSDS requires them).
                match address_parts(&field_text(address)) {
                    Some([street, city, province, postal]) => self.addresses.push(obj(json!({
                        "id": uuid_in(&self.prefix, "address", &provider.id),
                        "location_id": location,
                        "address_1": street,
                        "city": city,
                        "state_province": province,
                        "postal_code": postal,
                        "country": "CA",
                        "address_type": "physical",
                    }))),
                    None => {
                        place.insert("description".into(), json!(field_text(address)));
                    }
                }
                self.whole_text("location", &location, "address", address);
            }
            self.org_location.insert(id.clone(), location.clone());
            self.locations.push(place);
            for (n, code) in provider.languages.iter().enumerate() {
                self.languages.push(obj(json!({
                    "id": uuid_in(&self.prefix, "language", &format!("{}|{n}|{code}", provider.id)),
                    "location_id": location,
                    "name": super::i18n::language_name(Lang::Fr, code),
                    "code": code,
                })));
            }
        }
    }

    fn service(&mut self, config: &Config, offer: &Offer) {
        let id = offer.hsds.clone().unwrap_or_default();
        let Some(range) = self
            .services_at
            .get(&offer.service)
            .map(|&i| &config.services[i])
        else {
            return;
        };
        let Some(provider) = self
            .providers_at
            .get(&offer.provider)
            .map(|&i| &config.providers[i])
        else {
            return;
        };
        let org = provider.hsds.clone().unwrap_or_default();
        let status = match offer.availability {
            super::model::Availability::Planned => "inactive",
            _ => "active",
        };
        let mut service = obj(json!({
            "id": id,
            "organization_id": org,
            "name": field_text(&range.label),
            "status": status,
        }));
        if let Some(d) = &range.description {
            service.insert("description".into(), json!(field_text(d)));
        }
        for (key, field, text) in [
            ("eligibility_description", "eligibility", &offer.eligibility),
            ("application_process", "how_to_apply", &offer.how_to_apply),
        ] {
            if let Some(text) = text {
                service.insert(key.into(), json!(field_text(text)));
                self.text("service", &id, field, Some(text));
            }
        }
        self.services.push(service);
        self.text("service", &id, "name", Some(&range.label));
        self.text("service", &id, "description", range.description.as_ref());
        if let Some(hours) = &offer.hours {
            self.schedules.push(obj(json!({
                "id": uuid_in(&self.prefix, "schedule", &offer_key(offer)),
                "service_id": id,
                "description": field_text(hours),
            })));
            self.text("service", &id, "hours", Some(hours));
        }
        let term = range.hsds.clone().unwrap_or_default();
        self.term_with_id(
            &term,
            &format!("srm:service:{}", range.id),
            range.label.get(Lang::Fr),
            range.label.get(Lang::Fr),
            None,
        );
        self.attributes.push(obj(json!({
            "id": uuid_in(&self.prefix, "attribute", &format!("{id}|service")),
            "link_id": id,
            "taxonomy_term_id": term,
            "link_type": "service_type",
            "link_entity": "service",
            "value": "",
        })));
        self.attribute(
            "service",
            &id,
            &format!("srm:tier:{}", range.tier),
            "tier",
            "",
        );
        self.attribute(
            "service",
            &id,
            &format!("srm:access:{}", offer.access.name()),
            "access",
            "",
        );
        self.attribute(
            "service",
            &id,
            &format!("srm:availability:{}", offer.availability.name()),
            "availability",
            "",
        );
        if let Some(location) = self.org_location.get(&org).cloned() {
            self.service_at_location.push(obj(json!({
                "id": uuid_in(&self.prefix, "service_at_location", &offer_key(offer)),
                "service_id": id,
                "location_id": location,
            })));
        }
    }
}

/// Rows of a table by the value of one of their columns.
fn index<'a>(
    rows: &'a [Map<String, Value>],
    key: &str,
) -> HashMap<&'a str, Vec<&'a Map<String, Value>>> {
    let mut by: HashMap<&str, Vec<&Map<String, Value>>> = HashMap::new();
    for row in rows {
        if let Some(value) = row.get(key).and_then(Value::as_str) {
            by.entry(value).or_default().push(row);
        }
    }
    by
}

/// Rows of a table by the value of one of their columns, borrowed.
type Index<'t> = HashMap<&'t str, Vec<&'t Map<String, Value>>>;

fn rows_of<'t>(by: &Index<'t>, id: &str) -> Vec<&'t Map<String, Value>> {
    by.get(id).cloned().unwrap_or_default()
}

/// The compiled forms, written as they are serialised: each row borrowed from the tables,
/// each organisation and location built once and borrowed by every service that nests it
/// (no copy of the tree per service).
#[derive(Serialize)]
struct AttributeOut<'t> {
    #[serde(flatten)]
    row: &'t Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    taxonomy_term: Option<&'t Map<String, Value>>,
}

#[derive(Serialize)]
struct LocationOut<'t> {
    #[serde(flatten)]
    row: &'t Map<String, Value>,
    addresses: Vec<&'t Map<String, Value>>,
    languages: Vec<&'t Map<String, Value>>,
    attributes: Vec<AttributeOut<'t>>,
}

#[derive(Serialize)]
struct OrganizationOut<'t> {
    #[serde(flatten)]
    row: &'t Map<String, Value>,
    phones: Vec<&'t Map<String, Value>>,
    // Its location is each of its services' `service_at_locations` (nested in full once per
    // service, not twice: the file of 5,000 services is a third smaller).
    attributes: Vec<AttributeOut<'t>>,
}

#[derive(Serialize)]
struct SalOut<'t> {
    #[serde(flatten)]
    row: &'t Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'t LocationOut<'t>>,
}

#[derive(Serialize)]
struct ServiceOut<'t> {
    #[serde(flatten)]
    row: &'t Map<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organization: Option<&'t OrganizationOut<'t>>,
    schedules: Vec<&'t Map<String, Value>>,
    service_at_locations: Vec<SalOut<'t>>,
    attributes: Vec<AttributeOut<'t>>,
}

/// The tables indexed for nesting (each lookup a hash, not a scan).
struct Compiler<'t> {
    attributes: Index<'t>,
    terms: Index<'t>,
    schedules: Index<'t>,
    service_at_location: Index<'t>,
}

impl<'t> Compiler<'t> {
    fn new(t: &'t Tables) -> Compiler<'t> {
        Compiler {
            attributes: index(&t.attributes, "link_id"),
            terms: index(&t.terms, "id"),
            schedules: index(&t.schedules, "service_id"),
            service_at_location: index(&t.service_at_location, "service_id"),
        }
    }

    /// Attributes of an item, each with its term.
    fn attributes(&self, link: &str) -> Vec<AttributeOut<'t>> {
        rows_of(&self.attributes, link)
            .into_iter()
            .map(|row| AttributeOut {
                row,
                taxonomy_term: row
                    .get("taxonomy_term_id")
                    .and_then(Value::as_str)
                    .and_then(|id| self.terms.get(id)?.first().copied()),
            })
            .collect()
    }

    fn locations(&self, t: &'t Tables) -> HashMap<&'t str, LocationOut<'t>> {
        let addresses = index(&t.addresses, "location_id");
        let languages = index(&t.languages, "location_id");
        t.locations
            .iter()
            .map(|row| {
                let id = row["id"].as_str().unwrap_or("");
                let location = LocationOut {
                    row,
                    addresses: rows_of(&addresses, id),
                    languages: rows_of(&languages, id),
                    attributes: self.attributes(id),
                };
                (id, location)
            })
            .collect()
    }

    fn organizations(&self, t: &'t Tables) -> HashMap<&'t str, OrganizationOut<'t>> {
        let phones = index(&t.phones, "organization_id");
        t.organizations
            .iter()
            .map(|row| {
                let id = row["id"].as_str().unwrap_or("");
                let org = OrganizationOut {
                    row,
                    phones: rows_of(&phones, id),
                    attributes: self.attributes(id),
                };
                (id, org)
            })
            .collect()
    }

    fn service<'l>(
        &self,
        row: &'t Map<String, Value>,
        organizations: &'l HashMap<&'t str, OrganizationOut<'l>>,
        locations: &'l HashMap<&'t str, LocationOut<'t>>,
    ) -> ServiceOut<'l>
    where
        't: 'l,
    {
        let id = row["id"].as_str().unwrap_or("");
        let org = row["organization_id"].as_str().unwrap_or("");
        ServiceOut {
            row,
            organization: organizations.get(org),
            schedules: rows_of(&self.schedules, id),
            service_at_locations: rows_of(&self.service_at_location, id)
                .into_iter()
                .map(|sal| SalOut {
                    row: sal,
                    location: sal["location_id"].as_str().and_then(|l| locations.get(l)),
                })
                .collect(),
            attributes: self.attributes(id),
        }
    }
}

/// The range as a JSON list of compiled HSDS services (one per offer).
pub fn to_json(config: &Config) -> String {
    let tables = Tables::new(config);
    let compiler = Compiler::new(&tables);
    let locations = compiler.locations(&tables);
    let organizations = compiler.organizations(&tables);
    let services: Vec<ServiceOut> = tables
        .services
        .iter()
        .map(|s| compiler.service(s, &organizations, &locations))
        .collect();
    // Compact: a directory of thousands of services is read by programs, not people.
    serde_json::to_string(&services).unwrap_or_default()
}

/// The columns of each table we write, in HSDS's order (the descriptor's).
const COLUMNS: &[(&str, &[&str])] = &[
    (
        "organizations",
        &[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ],
    ),
    (
        "services",
        &[
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
        ],
    ),
    (
        "locations",
        &[
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ],
    ),
    (
        "service_at_location",
        &["id", "service_id", "location_id", "description"],
    ),
    (
        "addresses",
        &[
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
    ),
    (
        "phones",
        &[
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ],
    ),
    (
        "languages",
        &[
            "id",
            "service_id",
            "location_id",
            "phone_id",
            "name",
            "code",
            "note",
        ],
    ),
    (
        "schedules",
        &[
            "id",
            "service_id",
            "location_id",
            "service_at_location_id",
            "valid_from",
            "valid_to",
            "dtstart",
            "timezone",
            "until",
            "count",
            "wkst",
            "freq",
            "interval",
            "byday",
            "byweekno",
            "bymonthday",
            "byyearday",
            "description",
            "opens_at",
            "closes_at",
            "schedule_link",
            "attending_type",
            "notes",
        ],
    ),
    (
        "taxonomies",
        &["id", "name", "description", "uri", "version"],
    ),
    (
        "taxonomy_terms",
        &[
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "language",
            "taxonomy_id",
            "term_uri",
        ],
    ),
    (
        "attributes",
        &[
            "id",
            "link_id",
            "taxonomy_term_id",
            "link_type",
            "link_entity",
            "value",
        ],
    ),
];

/// The tabular form: each CSV file by name. No cell starts a formula.
pub fn to_tables(config: &Config) -> Vec<(String, String)> {
    let t = Tables::new(config);
    let taxonomy = vec![obj(json!({
        "id": t.taxonomy_id,
        "name": "service-range-mapper",
        "description": format!("Gamme de services — {}", config.territory.name.get(Lang::Fr)),
        "uri": "urn:service-range-mapper:range",
        "version": "1",
    }))];
    COLUMNS
        .iter()
        .map(|(name, columns)| {
            let rows: &[Map<String, Value>] = match *name {
                "organizations" => &t.organizations,
                "services" => &t.services,
                "locations" => &t.locations,
                "service_at_location" => &t.service_at_location,
                "addresses" => &t.addresses,
                "phones" => &t.phones,
                "languages" => &t.languages,
                "schedules" => &t.schedules,
                "taxonomies" => &taxonomy,
                "taxonomy_terms" => &t.terms,
                _ => &t.attributes,
            };
            let mut writer = csv::Writer::from_writer(Vec::new());
            let _ = writer.write_record(*columns);
            for row in rows {
                let _ = writer.write_record(columns.iter().map(|c| {
                    let cell = match row.get(*c) {
                        Some(Value::String(s)) => s.clone(),
                        Some(Value::Null) | None => String::new(),
                        Some(other) => other.to_string(),
                    };
                    spreadsheet_safe(&cell).into_owned()
                }));
            }
            let bytes = writer.into_inner().unwrap_or_default();
            (
                format!("{name}.csv"),
                String::from_utf8(bytes).unwrap_or_default(),
            )
        })
        .collect()
}

/// The data package's descriptor for the files of `to_tables`.
pub fn descriptor(config: &Config) -> String {
    let resources: Vec<Value> = COLUMNS
        .iter()
        .map(|(name, columns)| {
            let resource = name.trim_end_matches('s').replace("addresse", "address").replace("taxonomie", "taxonomy");
            json!({
                "name": resource,
                "path": format!("{name}.csv"),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": columns.iter().map(|c| json!({"name": c, "type": "string"})).collect::<Vec<_>>(),
                    "primaryKey": "id",
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "name": "service-range-mapper-hsds",
        "title": format!("Gamme de services — {}", config.territory.name.get(Lang::Fr)),
        "profile": "tabular-data-package",
        "resources": resources,
    }))
    .unwrap_or_default()
}

/// The data package as one .zip: `datapackage.json` and the CSV files.
pub fn to_zip(config: &Config) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            // Quick deflate: CSV of ids compresses well at any level, and the person waits.
            .compression_level(Some(1));
        let mut files = vec![("datapackage.json".to_string(), descriptor(config))];
        files.extend(to_tables(config));
        for (name, text) in files {
            if zip.start_file(name, options).is_ok() {
                let _ = zip.write_all(text.as_bytes());
            }
        }
        let _ = zip.finish();
    }
    out.into_inner()
}

/// The files of a .zip, by name (folders flattened), or why it cannot be read.
pub fn unzip(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::Read;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        if file.is_dir() {
            continue;
        }
        let name = file
            .name()
            .map_err(|e| e.to_string())?
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        // A zip bomb stops at the size limit of one file.
        let mut data = Vec::new();
        (&mut file)
            .take(super::directory::MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|e| e.to_string())?;
        if name.starts_with('.') || name.is_empty() {
            continue;
        }
        files.push((name, data));
    }
    Ok(files)
}

/// The provinces and territories of Canada: their names as addresses write them, and codes.
const PROVINCES: &[(&str, &str)] = &[
    ("quebec", "QC"),
    ("qc", "QC"),
    ("ontario", "ON"),
    ("on", "ON"),
    ("nouveau brunswick", "NB"),
    ("new brunswick", "NB"),
    ("nb", "NB"),
    ("nouvelle ecosse", "NS"),
    ("nova scotia", "NS"),
    ("ns", "NS"),
    ("manitoba", "MB"),
    ("mb", "MB"),
    ("alberta", "AB"),
    ("ab", "AB"),
    ("saskatchewan", "SK"),
    ("sk", "SK"),
    ("colombie britannique", "BC"),
    ("british columbia", "BC"),
    ("bc", "BC"),
    ("terre neuve et labrador", "NL"),
    ("newfoundland and labrador", "NL"),
    ("nl", "NL"),
    ("ile du prince edouard", "PE"),
    ("prince edward island", "PE"),
    ("pe", "PE"),
    ("nunavut", "NU"),
    ("nu", "NU"),
    ("yukon", "YT"),
    ("yt", "YT"),
    ("territoires du nord ouest", "NT"),
    ("northwest territories", "NT"),
    ("nt", "NT"),
];

/// A Canadian address written as one text, split as HSDS wants it: street, city, province
/// code and postal code — none unless all four are found ("125, rue Principale,
/// Val-des-Collines (Québec) J0X 1K0").
pub fn address_parts(text: &str) -> Option<[String; 4]> {
    // The postal code: letter, digit, letter, an optional space or dash, digit, letter, digit.
    let chars: Vec<char> = text.chars().collect();
    let is_postal = |w: &[char]| {
        let w: Vec<char> = w
            .iter()
            .copied()
            .filter(|c| *c != ' ' && *c != '-')
            .collect();
        w.len() == 6
            && w.iter().enumerate().all(|(i, c)| {
                if i % 2 == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c.is_ascii_digit()
                }
            })
    };
    let (start, len) = (0..chars.len()).rev().find_map(|i| {
        [7, 6].into_iter().find_map(|len| {
            let w = chars.get(i..i + len)?;
            let sep_ok = len == 6 || matches!(w[3], ' ' | '-');
            (sep_ok && is_postal(w)).then_some((i, len))
        })
    })?;
    let postal: String = chars[start..start + len]
        .iter()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_uppercase();
    let postal = format!("{} {}", &postal[..3], &postal[3..]);
    let rest: String = chars[..start].iter().chain(&chars[start + len..]).collect();
    // The province: the last words that name one (in parentheses or not).
    let rest = rest.replace(['(', ')'], ",");
    let mut segments: Vec<String> = rest
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let province = segments.iter().rposition(|s| {
        let folded = super::directory::words(s).collect::<Vec<_>>().join(" ");
        PROVINCES.iter().any(|(name, _)| *name == folded)
    })?;
    let folded = super::directory::words(&segments[province])
        .collect::<Vec<_>>()
        .join(" ");
    let code = PROVINCES
        .iter()
        .find(|(name, _)| *name == folded)?
        .1
        .to_string();
    segments.remove(province);
    let city = segments.pop()?;
    if segments.is_empty() {
        return None;
    }
    Some([segments.join(", "), city, code, postal])
}
