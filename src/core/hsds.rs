//! Reading Open Referral HSDS 3.0 directories: compiled JSON (one service, an array of
//! them, an API page, organisations with their services) and the tabular data package (its
//! CSV files, chosen together or in a .zip). The tables are joined into compiled services,
//! so one reader gives both forms the same meaning; what only a table can say wrong (a
//! missing column, a duplicate id, an unknown reference) is said with its file, row and
//! column.
//!
//! An export of ours carries what HSDS has no field for as attributes under our own
//! taxonomy, whose term codes start with `srm:` (see `hsds_export` and the README).

use super::directory::{
    decode, Directory, FileKind, ImportKind, ImportProblem, Listing, Organization, RangeTerm,
    Source, Status, MAX_FILE_BYTES,
};
use super::links::{mailto_href, tel_href, web_href};
use super::model::{AccessRoute, Availability, Named, ProviderKind};
use super::text::Text;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// The prefix of our taxonomy's term codes.
pub const SRM: &str = "srm:";

/// Reads one HSDS JSON text.
pub fn read_json(file: &str, text: &str) -> Directory {
    let mut dir = Directory::default();
    dir.files.push((file.to_string(), FileKind::HsdsJson));
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => {
            let mut problem = ImportProblem::file(
                true,
                file,
                ImportKind::Syntax {
                    message: e.to_string(),
                },
            );
            problem.line = Some((e.line(), e.column()));
            dir.problems.push(problem);
            return dir;
        }
    };
    let mut reader = JsonReader::new(file);
    match &value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                reader.item(item, &format!("$[{i}]"));
            }
            if items.is_empty() {
                reader.problem(ImportProblem::file(true, file, ImportKind::Empty));
            }
        }
        Value::Object(object) if object.get("contents").is_some_and(Value::is_array) => {
            let items = object["contents"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for (i, item) in items.iter().enumerate() {
                reader.item(item, &format!("$.contents[{i}]"));
            }
        }
        item => reader.item(item, "$"),
    }
    reader.finish(dir)
}

/// Reads the compiled objects of one JSON text (or of a joined data package).
struct JsonReader {
    file: String,
    organizations: Vec<Organization>,
    by_id: HashMap<String, usize>,
    listings: Vec<Listing>,
    seen_services: HashMap<String, String>,
    /// Organisations named by a service without their object: checked at the end.
    references: Vec<(String, String)>,
    tiers: Vec<RangeTerm>,
    services: Vec<RangeTerm>,
    problems: Vec<ImportProblem>,
}

/// What our own attributes say of an item (none of it for another directory's export).
#[derive(Default)]
struct Ours {
    texts: HashMap<String, Text>,
    codes: Vec<String>,
    /// Our codes that carry their value in the attribute's `value` (`srm:provider`).
    values: HashMap<String, String>,
    /// Other terms' names: words for the mapping.
    terms: Vec<String>,
    /// Range terms met (code, name, description, term id).
    range: Vec<(String, String, String, String)>,
}

impl Ours {
    fn code(&self, kind: &str) -> Option<&str> {
        self.codes
            .iter()
            .find_map(|c| c.strip_prefix(kind)?.strip_prefix(':'))
    }
    /// A text field: ours when it says the same as the plain field (else the directory
    /// changed it since our export, and its word wins).
    fn text(&self, key: &str, plain: Option<String>) -> Option<Text> {
        whole(self.texts.get(key).cloned(), plain.as_deref())
    }
}

/// A text from our `srm:text` attribute when the directory's plain field still says what
/// it said in French (or is empty and so is ours), else the plain field as written.
fn whole(ours: Option<Text>, plain: Option<&str>) -> Option<Text> {
    match (ours, plain) {
        (Some(ours), Some(plain)) if ours.get(super::text::Lang::Fr).trim() == plain.trim() => {
            Some(ours)
        }
        (Some(ours), None) if ours.is_blank() => Some(ours),
        (_, plain) => plain.map(Text::plain),
    }
}

impl JsonReader {
    fn new(file: &str) -> JsonReader {
        JsonReader {
            file: file.to_string(),
            organizations: Vec::new(),
            by_id: HashMap::new(),
            listings: Vec::new(),
            seen_services: HashMap::new(),
            references: Vec::new(),
            tiers: Vec::new(),
            services: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, problem: ImportProblem) {
        self.problems.push(problem);
    }

    fn at(&mut self, error: bool, path: &str, kind: ImportKind) {
        let problem = ImportProblem::file(error, &self.file, kind).at_path(path);
        self.problems.push(problem);
    }

    /// A service or an organisation (with its services).
    fn item(&mut self, item: &Value, path: &str) {
        let Some(object) = item.as_object() else {
            self.at(true, path, ImportKind::NotHsds);
            return;
        };
        let is_service = [
            "status",
            "organization",
            "organization_id",
            "service_at_locations",
        ]
        .iter()
        .any(|k| object.contains_key(*k));
        let is_organization = ["services", "website", "locations", "legal_status"]
            .iter()
            .any(|k| object.contains_key(*k));
        if is_service && object.contains_key("name") {
            self.service(object, path, None, None);
        } else if is_organization && object.contains_key("name") {
            if let Some(org) = self.organization(object, path) {
                if let Some(services) = object.get("services") {
                    match services.as_array() {
                        Some(services) => {
                            for (i, service) in services.iter().enumerate() {
                                let path = format!("{path}.services[{i}]");
                                match service.as_object() {
                                    Some(s) => self.service(s, &path, Some(&org), None),
                                    None => self.at(true, &path, ImportKind::NotHsds),
                                }
                            }
                        }
                        None => self.wrong_type(&format!("{path}.services"), "services", "liste"),
                    }
                }
            }
        } else {
            self.at(true, path, ImportKind::NotHsds);
        }
    }

    fn wrong_type(&mut self, path: &str, field: &str, expected: &str) {
        self.at(
            true,
            path,
            ImportKind::WrongType {
                field: field.into(),
                expected: expected.into(),
            },
        );
    }

    /// A string field; numbers are read as written. Blank is none.
    fn string(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match object.get(key)? {
            Value::String(s) if s.trim().is_empty() => None,
            // As written: a text's spaces are the author's (ids are trimmed where read).
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.wrong_type(&format!("{path}.{key}"), key, "texte");
                None
            }
        }
    }

    fn required(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let value = self.string(object, key, path);
        if value.is_none()
            && !matches!(object.get(key), Some(v) if !v.is_string() && !v.is_null() && !v.is_number())
        {
            self.at(
                true,
                &format!("{path}.{key}"),
                ImportKind::MissingValue { field: key.into() },
            );
        }
        value
    }

    fn list<'v>(&mut self, object: &'v Map<String, Value>, key: &str, path: &str) -> &'v [Value] {
        match object.get(key) {
            Some(Value::Array(items)) => items,
            None | Some(Value::Null) => &[],
            Some(_) => {
                self.wrong_type(&format!("{path}.{key}"), key, "liste");
                &[]
            }
        }
    }

    /// Our attributes and the other terms of an item.
    fn attributes(&mut self, object: &Map<String, Value>, path: &str) -> Ours {
        let mut ours = Ours::default();
        for (i, attribute) in self.list(object, "attributes", path).iter().enumerate() {
            let Some(attribute) = attribute.as_object() else {
                continue;
            };
            let term = attribute.get("taxonomy_term").and_then(Value::as_object);
            let code = term
                .and_then(|t| t.get("code"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let value = attribute.get("value").and_then(Value::as_str).unwrap_or("");
            if let Some(ours_code) = code.strip_prefix(SRM) {
                if ours_code == "text" {
                    let key = attribute
                        .get("link_type")
                        .and_then(Value::as_str)
                        .unwrap_or("");
                    match serde_json::from_str::<Text>(value) {
                        Ok(text) => {
                            ours.texts.insert(key.to_string(), text);
                        }
                        Err(_) => self.at(
                            false,
                            &format!("{path}.attributes[{i}].value"),
                            ImportKind::UnknownValue {
                                field: "value".into(),
                                value: value.chars().take(60).collect(),
                            },
                        ),
                    }
                } else {
                    let term = term.expect("a code comes from a term");
                    let text = |k: &str| {
                        term.get(k)
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string()
                    };
                    if ours_code.starts_with("tier:") || ours_code.starts_with("service:") {
                        ours.range.push((
                            ours_code.to_string(),
                            text("name"),
                            text("description"),
                            text("id"),
                        ));
                    }
                    if !ours_code.contains(':') {
                        ours.values.insert(ours_code.to_string(), value.to_string());
                    }
                    ours.codes.push(ours_code.to_string());
                }
            } else if let Some(name) = term.and_then(|t| t.get("name")).and_then(Value::as_str) {
                ours.terms.push(name.to_string());
            }
        }
        ours
    }

    /// A link field, kept when it can be made a safe link (else said, and left out).
    fn link(
        &mut self,
        object: &Map<String, Value>,
        key: &str,
        path: &str,
        href: fn(&str) -> Option<String>,
    ) -> Option<String> {
        let value = self.string(object, key, path)?;
        self.safe(value, key, &format!("{path}.{key}"), href)
    }

    fn safe(
        &mut self,
        value: String,
        field: &str,
        path: &str,
        href: fn(&str) -> Option<String>,
    ) -> Option<String> {
        if href(&value).is_some() {
            return Some(value);
        }
        self.at(
            false,
            path,
            ImportKind::BadLink {
                field: field.into(),
                value: value.chars().take(60).collect(),
            },
        );
        None
    }

    /// An organisation, added once by id; returns its id.
    fn organization(&mut self, object: &Map<String, Value>, path: &str) -> Option<String> {
        let id = self
            .required(object, "id", path)
            .map(|id| id.trim().to_string());
        let name = self.required(object, "name", path);
        let (id, name) = (id?, name?);
        if self.by_id.contains_key(&id) {
            return Some(id);
        }
        let ours = self.attributes(object, path);
        let mut org = Organization {
            id: id.clone(),
            name: ours.text("name", Some(name)).unwrap_or_default(),
            provider_id: ours.values.get("provider").cloned(),
            kind: ours.code("provider-kind").and_then(ProviderKind::named),
            email: self.link(object, "email", path, mailto_href),
            web: self.link(object, "website", path, web_href),
            source: Source {
                file: self.file.clone(),
                row: None,
                path: Some(path.to_string()),
            },
            ..Organization::default()
        };
        org.phone = self.phone(object, path);
        // An organisation that gives no email or phone of its own: its first contact's.
        for contact in self.list(object, "contacts", path) {
            let Some(contact) = contact.as_object() else {
                continue;
            };
            if org.email.is_none() {
                let path = format!("{path}.contacts");
                org.email = self.link(contact, "email", &path, mailto_href);
            }
            if org.phone.is_none() {
                org.phone = self.phone(contact, path);
            }
        }
        if let Some(phone) = org.phone.take() {
            org.phone = self.safe(
                phone,
                "phones[0].number",
                &format!("{path}.phones[0].number"),
                tel_href,
            );
        }
        for (i, location) in self.list(object, "locations", path).iter().enumerate() {
            if let Some(location) = location.as_object() {
                self.location(location, &format!("{path}.locations[{i}]"), &mut org);
            }
        }
        self.by_id.insert(id.clone(), self.organizations.len());
        self.organizations.push(org);
        Some(id)
    }

    /// The first phone number of an item (with its extension).
    fn phone(&mut self, object: &Map<String, Value>, path: &str) -> Option<String> {
        self.list(object, "phones", path).iter().find_map(|phone| {
            let phone = phone.as_object()?;
            let number = phone.get("number")?.as_str()?.trim();
            let extension = phone.get("extension").and_then(|e| match e {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            });
            (!number.is_empty()).then(|| match extension.filter(|e| !e.is_empty()) {
                Some(ext) => format!("{number} poste {ext}"),
                None => number.to_string(),
            })
        })
    }

    /// A location's address and languages, for the organisation when it has none yet.
    fn location(&mut self, location: &Map<String, Value>, path: &str, org: &mut Organization) {
        // Our export keeps the address as written on the location's own attributes.
        let ours = self.attributes(location, path);
        if org.address.is_none() {
            let address = self.list(location, "addresses", path).iter().find_map(|a| {
                let a = a.as_object()?;
                let parts: Vec<&str> = [
                    "address_1",
                    "address_2",
                    "city",
                    "state_province",
                    "postal_code",
                ]
                .iter()
                .filter_map(|k| a.get(*k)?.as_str())
                .filter(|s| !s.trim().is_empty())
                .collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            });
            let ours_address = ours.texts.get("address").cloned();
            org.address = match (ours_address, address) {
                // Unchanged since our export: the address as it was written.
                (Some(text), Some(plain))
                    if super::hsds_export::address_parts(text.get(super::text::Lang::Fr))
                        .is_some_and(|p| p.join(", ") == plain) =>
                {
                    Some(text)
                }
                (Some(text), None)
                    if location.get("description").and_then(Value::as_str)
                        == Some(text.get(super::text::Lang::Fr)) =>
                {
                    Some(text)
                }
                (_, address) => address.map(Text::plain),
            };
        }
        for code in languages(self.list(location, "languages", path)) {
            if !org.languages.contains(&code) {
                org.languages.push(code);
            }
        }
    }

    /// A compiled service; `org`: the organisation it is nested in.
    fn service(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        org: Option<&str>,
        row: Option<usize>,
    ) {
        let id = self
            .required(object, "id", path)
            .map(|id| id.trim().to_string());
        let name = self.required(object, "name", path);
        let status = match self.string(object, "status", path) {
            Some(s) => Status::read(&s).unwrap_or_else(|| {
                self.at(
                    false,
                    &format!("{path}.status"),
                    ImportKind::UnknownValue {
                        field: "status".into(),
                        value: s,
                    },
                );
                Status::Active
            }),
            None => Status::Active,
        };
        let organization = match (org, object.get("organization").and_then(Value::as_object)) {
            (Some(org), _) => Some(org.to_string()),
            (None, Some(nested)) => self.organization(nested, &format!("{path}.organization")),
            (None, None) => match self
                .string(object, "organization_id", path)
                .map(|o| o.trim().to_string())
            {
                Some(org) => {
                    self.references
                        .push((org.clone(), format!("{path}.organization_id")));
                    Some(org)
                }
                None => {
                    self.at(
                        true,
                        &format!("{path}.organization"),
                        ImportKind::MissingValue {
                            field: "organization".into(),
                        },
                    );
                    None
                }
            },
        };
        let (Some(id), Some(name), Some(organization)) = (id, name, organization) else {
            return;
        };
        if let Some(first) = self.seen_services.get(&id) {
            // The same service listed twice (an array and a page of it): read once.
            if *first != path {
                self.at(
                    false,
                    &format!("{path}.id"),
                    ImportKind::DuplicateId { id, first: None },
                );
            }
            return;
        }
        self.seen_services.insert(id.clone(), path.to_string());
        let ours = self.attributes(object, path);
        // The organisation's phone, address and languages may be given on the service.
        let phone = self.phone(object, path);
        let mut hours = Vec::new();
        for schedule in self.list(object, "schedules", path) {
            if let Some(text) = schedule.as_object().and_then(schedule_text) {
                hours.push(text);
            }
        }
        let mut at = Organization::default();
        for (i, sal) in self
            .list(object, "service_at_locations", path)
            .iter()
            .enumerate()
        {
            let Some(sal) = sal.as_object() else { continue };
            let path = format!("{path}.service_at_locations[{i}]");
            if let Some(location) = sal.get("location").and_then(Value::as_object) {
                self.location(location, &format!("{path}.location"), &mut at);
            }
            for schedule in self.list(sal, "schedules", &path) {
                if let Some(text) = schedule.as_object().and_then(schedule_text) {
                    hours.push(text);
                }
            }
        }
        if let Some(&index) = self.by_id.get(&organization) {
            let phone = phone.and_then(|p| {
                self.safe(
                    p,
                    "phones[0].number",
                    &format!("{path}.phones[0].number"),
                    tel_href,
                )
            });
            let org = &mut self.organizations[index];
            org.phone = org.phone.take().or(phone);
            org.address = org.address.take().or(at.address);
            // Where the organisation gives no location of its own, its services' tell.
            if org.languages.is_empty() {
                org.languages = at.languages.clone();
            }
            if org.email.is_none() {
                org.email = object
                    .get("email")
                    .and_then(Value::as_str)
                    .filter(|e| mailto_href(e).is_some())
                    .map(str::to_string);
            }
        }
        let mut service_languages = languages(self.list(object, "languages", path));
        for code in at.languages {
            if !service_languages.contains(&code) {
                service_languages.push(code);
            }
        }
        let mut terms = ours.terms.clone();
        if let Some(alternate) = object.get("alternate_name").and_then(Value::as_str) {
            terms.push(alternate.to_string());
        }
        let tier = ours.code("tier").map(str::to_string);
        let range_service = ours.code("service").map(str::to_string);
        for (code, term_name, description, term_id) in &ours.range {
            let (kind, range_id) = code.split_once(':').unwrap_or_default();
            let list = if kind == "tier" {
                &mut self.tiers
            } else {
                &mut self.services
            };
            if list.iter().all(|t| t.id != range_id) {
                let (label, description) = if kind == "service" {
                    (
                        ours.text("name", Some(name.clone())).unwrap_or_default(),
                        ours.text(
                            "description",
                            object
                                .get("description")
                                .and_then(Value::as_str)
                                .map(str::to_string),
                        ),
                    )
                } else {
                    (
                        Text::plain(term_name.clone()),
                        Some(Text::plain(description.clone()))
                            .filter(|d| !d.is_blank() && d.get(super::text::Lang::Fr) != term_name),
                    )
                };
                list.push(RangeTerm {
                    id: range_id.to_string(),
                    tier: if kind == "service" {
                        tier.clone()
                    } else {
                        None
                    },
                    label,
                    description,
                    examples: Vec::new(),
                    hsds: term_id.clone(),
                });
            }
        }
        let description = self.string(object, "description", path);
        let eligibility = self.string(object, "eligibility_description", path);
        let how_to_apply = self.string(object, "application_process", path);
        let hours = (!hours.is_empty()).then(|| hours.join(" ; "));
        self.listings.push(Listing {
            id: Some(id),
            organization,
            name: ours.text("name", Some(name)).unwrap_or_default(),
            description: ours.text("description", description),
            terms,
            status,
            eligibility: ours.text("eligibility", eligibility),
            how_to_apply: ours.text("how_to_apply", how_to_apply),
            hours: ours.text("hours", hours),
            languages: service_languages,
            tier,
            range_service,
            availability: ours.code("availability").and_then(Availability::named),
            access: ours.code("access").and_then(AccessRoute::named),
            source: Source {
                file: self.file.clone(),
                row,
                path: Some(path.to_string()),
            },
        });
    }

    fn finish(mut self, mut dir: Directory) -> Directory {
        for (org, path) in std::mem::take(&mut self.references) {
            if !self.by_id.contains_key(&org) {
                self.at(
                    true,
                    &path,
                    ImportKind::UnknownReference {
                        table: "organization".into(),
                        id: org,
                    },
                );
            }
        }
        // A service whose organisation is unknown cannot become an offer.
        let known = &self.by_id;
        self.listings
            .retain(|l| known.contains_key(&l.organization));
        dir.organizations = self.organizations;
        dir.listings = self.listings;
        dir.tiers = self.tiers;
        dir.services = self.services;
        dir.problems.extend(self.problems);
        dir
    }
}

/// Language codes of HSDS language objects (the code, else the name as written).
fn languages(items: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for item in items {
        let Some(item) = item.as_object() else {
            continue;
        };
        let code = ["code", "name"].iter().find_map(|k| {
            item.get(*k)?
                .as_str()
                .map(str::trim)
                .filter(|s| !s.is_empty())
        });
        if let Some(code) = code {
            let code = code.to_lowercase();
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

/// A schedule in words: its description, else its days and hours as given.
fn schedule_text(schedule: &Map<String, Value>) -> Option<String> {
    let get = |k: &str| {
        schedule
            .get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    // The description as written (spaces kept: our export's hours come back the same).
    let description = schedule.get("description").and_then(Value::as_str);
    if let Some(description) = description.filter(|d| !d.trim().is_empty()) {
        return Some(description.to_string());
    }
    let hours = match (get("opens_at"), get("closes_at")) {
        (Some(opens), Some(closes)) => {
            Some(format!("{}–{}", short_time(opens), short_time(closes)))
        }
        _ => None,
    };
    let parts: Vec<String> = [
        get("byday").map(str::to_string),
        hours,
        get("notes").map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// "08:30:00" → "08:30".
fn short_time(time: &str) -> &str {
    match time.len() {
        8 if time.ends_with(":00") => &time[..5],
        _ => time,
    }
}

/// One CSV table of a data package, read whole.
pub struct Table {
    pub file: String,
    pub headers: Vec<String>,
    /// The headers in lower case (the keys of HSDS fields).
    keys: Vec<String>,
    pub rows: Vec<Vec<String>>,
    columns: HashMap<String, usize>,
}

impl Table {
    /// The value of a column in a row, none when blank or absent.
    pub fn get<'r>(&self, row: &'r [String], column: &str) -> Option<&'r str> {
        let i = *self.columns.get(column)?;
        row.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())
    }
    /// A value as written (spaces kept), none when blank or absent.
    pub fn raw<'r>(&self, row: &'r [String], column: &str) -> Option<&'r str> {
        let i = *self.columns.get(column)?;
        row.get(i)
            .map(String::as_str)
            .filter(|s| !s.trim().is_empty())
    }
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }
}

/// Reads a CSV file (of a data package or a flat spreadsheet): its header and rows, the
/// separator found in the header (comma, semicolon or tab), ragged rows said.
pub fn read_table(file: &str, bytes: &[u8], problems: &mut Vec<ImportProblem>) -> Option<Table> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        problems.push(ImportProblem::file(true, file, ImportKind::Empty));
        return None;
    }
    if looks_binary(bytes) {
        problems.push(ImportProblem::file(true, file, ImportKind::WrongKind));
        return None;
    }
    let (text, mixed) = decode(bytes);
    let first_line = text.lines().next().unwrap_or("");
    let separator = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&sep| first_line.bytes().filter(|&b| b == sep).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        // No table of HSDS nor any spreadsheet of offers has a thousand columns.
        Ok(h) if h.len() > MAX_COLUMNS => {
            problems.push(
                ImportProblem::file(true, file, ImportKind::TooManyColumns { columns: h.len() })
                    .at_row(1),
            );
            return None;
        }
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => {
            problems.push(ImportProblem::file(
                true,
                file,
                ImportKind::Syntax {
                    message: e.to_string(),
                },
            ));
            return None;
        }
    };
    let mut rows = Vec::new();
    // The line each row starts on: a quoted cell may hold line breaks.
    let mut starts: Vec<u64> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let row = rows.len() + 2;
                if record.len() != headers.len() && !(record.len() == 1 && record[0].is_empty()) {
                    problems.push(
                        ImportProblem::file(
                            false,
                            file,
                            ImportKind::RaggedRow {
                                cells: record.len(),
                                expected: headers.len(),
                            },
                        )
                        .at_row(row),
                    );
                }
                rows.push(record.iter().map(unguarded).collect());
                starts.push(record.position().map_or(0, |p| p.byte()));
            }
            Ok(false) => break,
            Err(e) => {
                problems.push(
                    ImportProblem::file(
                        true,
                        file,
                        ImportKind::Syntax {
                            message: e.to_string(),
                        },
                    )
                    .at_row(rows.len() + 2),
                );
                break;
            }
        }
    }
    if !mixed.is_empty() {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut rows: Vec<usize> = mixed
            .iter()
            .map(|&line| {
                // The byte the line starts at, then the rows started by then.
                let byte = line_starts.get(line - 1).copied().unwrap_or(usize::MAX) as u64;
                1 + starts.partition_point(|&start| start <= byte)
            })
            .collect();
        rows.dedup();
        problems.push(ImportProblem::file(
            false,
            file,
            ImportKind::MixedEncoding { rows },
        ));
    }
    let columns = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.to_ascii_lowercase(), i))
        .collect();
    Some(Table {
        file: file.to_string(),
        keys: headers.iter().map(|h| h.to_ascii_lowercase()).collect(),
        headers,
        rows,
        columns,
    })
}

/// A cell as written before a spreadsheet-safe export put an apostrophe in front of it
/// (see `export::spreadsheet_safe`): the apostrophe marks text, it is not part of it.
fn unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// More columns than this is not a table this import reads.
const MAX_COLUMNS: usize = 1000;

/// True for bytes no text file has (images, documents, archives).
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(4096).any(|&b| b == 0)
        || bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"%PDF")
        || bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"\xFF\xD8\xFF")
        || bytes.starts_with(b"GIF8")
}

/// The files of a data package: its descriptor, and the tables by their file names (those
/// this editor reads and, named but not used, the others).
pub fn is_package_file(name: &str) -> bool {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    let stem = base.strip_suffix(".csv").unwrap_or("");
    base == "datapackage.json" || TABLES.contains(&stem) || UNUSED_TABLES.contains(&stem)
}

/// HSDS tables this editor has no use for.
const UNUSED_TABLES: &[&str] = &[
    "taxonomies",
    "programs",
    "funding",
    "service_areas",
    "required_documents",
    "accessibility",
    "cost_options",
    "organization_identifiers",
    "metadata",
    "meta_table_descriptions",
];

/// The tables of HSDS this editor reads, by file name (without `.csv`).
const TABLES: &[&str] = &[
    "organizations",
    "services",
    "locations",
    "service_at_location",
    "addresses",
    "phones",
    "languages",
    "schedules",
    "contacts",
    "attributes",
    "taxonomy_terms",
];

/// The columns a table cannot go without, as the data package's descriptor requires them
/// (those this editor reads).
fn required_columns(table: &str) -> &'static [&'static str] {
    match table {
        "organizations" => &["id", "name"],
        "services" => &["id", "organization_id", "name", "status"],
        "locations" | "addresses" | "contacts" | "taxonomy_terms" => &["id"],
        "service_at_location" => &["id", "service_id", "location_id"],
        "phones" => &["id", "number"],
        "attributes" => &["id", "link_id", "taxonomy_term_id"],
        _ => &["id"],
    }
}

/// Reads a data package: its files by name (the `datapackage.json` and its CSV files).
pub fn read_package(files: &[(String, Vec<u8>)]) -> Directory {
    let mut dir = Directory::default();
    let mut tables: HashMap<&str, Table> = HashMap::new();
    for (name, bytes) in files {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if bytes.len() > MAX_FILE_BYTES {
            dir.problems.push(ImportProblem::file(
                true,
                name,
                ImportKind::TooLarge { bytes: bytes.len() },
            ));
            continue;
        }
        let stem = base.strip_suffix(".csv").unwrap_or("");
        match TABLES.iter().find(|t| **t == stem) {
            Some(table) => {
                dir.files.push((name.clone(), FileKind::DataPackage));
                if let Some(t) = read_table(name, bytes, &mut dir.problems) {
                    tables.insert(table, t);
                }
            }
            None if base == "datapackage.json" => {
                dir.files.push((name.clone(), FileKind::DataPackage));
                if let Err(e) = serde_json::from_slice::<Value>(bytes) {
                    let mut p = ImportProblem::file(
                        false,
                        name,
                        ImportKind::Syntax {
                            message: e.to_string(),
                        },
                    );
                    p.line = Some((e.line(), e.column()));
                    dir.problems.push(p);
                }
            }
            None if base.ends_with(".csv") => dir.files.push((name.clone(), FileKind::Ignored)),
            None => {
                dir.problems
                    .push(ImportProblem::file(true, name, ImportKind::WrongKind));
            }
        }
    }
    for name in ["organizations", "services"] {
        if !tables.contains_key(name) {
            dir.problems.push(ImportProblem::file(
                true,
                &format!("{name}.csv"),
                ImportKind::MissingFile {
                    name: format!("{name}.csv"),
                },
            ));
        }
    }
    // Required columns; a table without one is not read.
    tables.retain(|name, table| {
        let missing: Vec<&str> = required_columns(name)
            .iter()
            .copied()
            .filter(|c| table.column(c).is_none())
            .collect();
        for column in &missing {
            dir.problems.push(
                ImportProblem::file(
                    true,
                    &table.file,
                    ImportKind::MissingColumn {
                        names: vec![column.to_string()],
                    },
                )
                .at_row(1),
            );
        }
        missing.is_empty()
    });
    let joined = Joined::new(&tables, &mut dir.problems);
    let (values, rows) = joined.compiled_services(&tables, &mut dir.problems);
    let mut reader = JsonReader::new("services.csv");
    // Organisations first, in their file's order, each with its locations and attributes.
    for org in joined.organizations(&tables) {
        reader.organization(org.as_object().expect("built as an object"), "");
    }
    for (value, row) in values.iter().zip(rows) {
        let object = value.as_object().expect("built as an object");
        let org = object
            .get("organization_id")
            .and_then(Value::as_str)
            .map(str::to_string);
        reader.service(object, "", org.as_deref(), Some(row));
    }
    // Paths of joined objects mean nothing to the person: their rows were checked above.
    for problem in &mut reader.problems {
        problem.path = None;
    }
    let mut dir = reader.finish(dir);
    for org in &mut dir.organizations {
        org.source.path = None;
        org.source.file = "organizations.csv".into();
        org.source.row = joined.org_rows.get(&org.id).copied();
    }
    for listing in &mut dir.listings {
        listing.source.path = None;
    }
    // The range terms of our taxonomy, in the table's order: the whole range.
    let (tiers, services) = joined.range_terms(&tables);
    if !tiers.is_empty() || !services.is_empty() {
        dir.tiers = tiers;
        dir.services = services;
    }
    dir
}

/// The tables of a package, indexed for joining.
struct Joined<'t> {
    /// Row index of each id, per table.
    ids: HashMap<&'static str, HashMap<&'t str, usize>>,
    /// Rows of a child table by the id of its parent: (table, parent column) → id → rows.
    children: HashMap<(&'static str, &'static str), HashMap<&'t str, Vec<usize>>>,
    org_rows: HashMap<String, usize>,
}

impl<'t> Joined<'t> {
    fn new(tables: &'t HashMap<&str, Table>, problems: &mut Vec<ImportProblem>) -> Joined<'t> {
        let mut ids = HashMap::new();
        for name in TABLES {
            let Some(table) = tables.get(name) else {
                continue;
            };
            let mut seen: HashMap<&str, usize> = HashMap::with_capacity(table.rows.len());
            let column = table.column("id").unwrap_or(0);
            for (i, row) in table.rows.iter().enumerate() {
                let Some(id) = table.get(row, "id") else {
                    problems.push(
                        ImportProblem::file(
                            true,
                            &table.file,
                            ImportKind::MissingValue { field: "id".into() },
                        )
                        .at_row(i + 2)
                        .at_column("id", column),
                    );
                    continue;
                };
                if let Some(first) = seen.get(id) {
                    problems.push(
                        ImportProblem::file(
                            true,
                            &table.file,
                            ImportKind::DuplicateId {
                                id: id.to_string(),
                                first: Some(first + 2),
                            },
                        )
                        .at_row(i + 2)
                        .at_column("id", column),
                    );
                } else {
                    seen.insert(id, i);
                }
            }
            ids.insert(*name, seen);
        }
        let mut children: HashMap<(&'static str, &'static str), HashMap<&'t str, Vec<usize>>> =
            HashMap::new();
        let links: &[(&str, &str, &str)] = &[
            ("services", "organization_id", "organizations"),
            ("service_at_location", "service_id", "services"),
            ("service_at_location", "location_id", "locations"),
            ("locations", "organization_id", "organizations"),
            ("addresses", "location_id", "locations"),
            ("phones", "organization_id", "organizations"),
            ("phones", "service_id", "services"),
            ("phones", "location_id", "locations"),
            ("phones", "contact_id", "contacts"),
            ("phones", "service_at_location_id", "service_at_location"),
            ("contacts", "organization_id", "organizations"),
            ("contacts", "service_id", "services"),
            ("languages", "service_id", "services"),
            ("languages", "location_id", "locations"),
            ("schedules", "service_id", "services"),
            ("schedules", "service_at_location_id", "service_at_location"),
            ("attributes", "taxonomy_term_id", "taxonomy_terms"),
        ];
        for (child, column, parent) in links {
            let Some(table) = tables.get(child) else {
                continue;
            };
            let Some(index) = table.column(column) else {
                continue;
            };
            let mut by_parent: HashMap<&'t str, Vec<usize>> = HashMap::new();
            for (i, row) in table.rows.iter().enumerate() {
                let Some(id) = table.get(row, column) else {
                    if *child == "services" {
                        problems.push(
                            ImportProblem::file(
                                true,
                                &table.file,
                                ImportKind::MissingValue {
                                    field: column.to_string(),
                                },
                            )
                            .at_row(i + 2)
                            .at_column(column, index),
                        );
                    }
                    continue;
                };
                let known = ids.get(parent).map(|ids| ids.contains_key(id));
                if known == Some(false) || (known.is_none() && *child == "services") {
                    problems.push(
                        ImportProblem::file(
                            true,
                            &table.file,
                            ImportKind::UnknownReference {
                                table: parent.to_string(),
                                id: id.to_string(),
                            },
                        )
                        .at_row(i + 2)
                        .at_column(column, index),
                    );
                    continue;
                }
                by_parent.entry(id).or_default().push(i);
            }
            children.insert((child, column), by_parent);
        }
        // Attributes link to any table (link_entity): by their link_id.
        if let Some(table) = tables.get("attributes") {
            let mut by_link: HashMap<&'t str, Vec<usize>> = HashMap::new();
            for (i, row) in table.rows.iter().enumerate() {
                if let Some(link) = table.get(row, "link_id") {
                    by_link.entry(link).or_default().push(i);
                }
            }
            children.insert(("attributes", "link_id"), by_link);
        }
        let org_rows = ids
            .get("organizations")
            .map(|ids| ids.iter().map(|(id, i)| (id.to_string(), i + 2)).collect())
            .unwrap_or_default();
        Joined {
            ids,
            children,
            org_rows,
        }
    }

    fn rows(&self, child: &'static str, column: &'static str, parent: &str) -> &[usize] {
        self.children
            .get(&(child, column))
            .and_then(|m| m.get(parent))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// A row as a JSON object of its non-empty cells.
    fn object(table: &Table, row: &[String]) -> Map<String, Value> {
        let mut object = Map::new();
        for (header, cell) in table.keys.iter().zip(row) {
            if !cell.trim().is_empty() {
                object.insert(header.clone(), Value::String(cell.clone()));
            }
        }
        object
    }

    /// The child rows of an item as JSON objects.
    fn nested(
        &self,
        tables: &HashMap<&str, Table>,
        child: &'static str,
        column: &'static str,
        parent: &str,
        each: impl Fn(&mut Map<String, Value>),
    ) -> Value {
        let Some(table) = tables.get(child) else {
            return Value::Array(Vec::new());
        };
        Value::Array(
            self.rows(child, column, parent)
                .iter()
                .map(|&i| {
                    let mut object = Self::object(table, &table.rows[i]);
                    each(&mut object);
                    Value::Object(object)
                })
                .collect(),
        )
    }

    /// An item's attributes, each with its taxonomy term.
    fn attributes(&self, tables: &HashMap<&str, Table>, link: &str) -> Value {
        let terms = tables.get("taxonomy_terms");
        self.nested(tables, "attributes", "link_id", link, |attribute| {
            let term = attribute
                .get("taxonomy_term_id")
                .and_then(Value::as_str)
                .and_then(|id| Some((terms?, *self.ids.get("taxonomy_terms")?.get(id)?)));
            if let Some((terms, i)) = term {
                attribute.insert(
                    "taxonomy_term".into(),
                    Value::Object(Self::object(terms, &terms.rows[i])),
                );
            }
        })
    }

    fn location(&self, tables: &HashMap<&str, Table>, id: &str) -> Option<Value> {
        let table = tables.get("locations")?;
        let &i = self.ids.get("locations")?.get(id)?;
        let mut location = Self::object(table, &table.rows[i]);
        location.insert(
            "addresses".into(),
            self.nested(tables, "addresses", "location_id", id, |_| {}),
        );
        location.insert(
            "languages".into(),
            self.nested(tables, "languages", "location_id", id, |_| {}),
        );
        location.insert("attributes".into(), self.attributes(tables, id));
        Some(Value::Object(location))
    }

    fn organizations(&self, tables: &HashMap<&str, Table>) -> Vec<Value> {
        let Some(table) = tables.get("organizations") else {
            return Vec::new();
        };
        let ids = self.ids.get("organizations");
        table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                let id = table.get(row, "id")?;
                // A duplicate id: the first row is the organisation.
                if ids?.get(id) != Some(&i) {
                    return None;
                }
                let mut org = Self::object(table, row);
                org.insert(
                    "phones".into(),
                    self.nested(tables, "phones", "organization_id", id, |_| {}),
                );
                // Its contacts (people), each with their phones.
                org.insert(
                    "contacts".into(),
                    self.nested(tables, "contacts", "organization_id", id, |contact| {
                        let contact_id = contact
                            .get("id")
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_string();
                        contact.insert(
                            "phones".into(),
                            self.nested(tables, "phones", "contact_id", &contact_id, |_| {}),
                        );
                    }),
                );
                let locations: Vec<Value> = self
                    .rows("locations", "organization_id", id)
                    .iter()
                    .filter_map(|&l| {
                        self.location(
                            tables,
                            tables
                                .get("locations")?
                                .get(&tables.get("locations")?.rows[l], "id")?,
                        )
                    })
                    .collect();
                org.insert("locations".into(), Value::Array(locations));
                org.insert("attributes".into(), self.attributes(tables, id));
                Some(Value::Object(org))
            })
            .collect()
    }

    /// Each service row as a compiled service, with its row number.
    fn compiled_services(
        &self,
        tables: &HashMap<&str, Table>,
        problems: &mut Vec<ImportProblem>,
    ) -> (Vec<Value>, Vec<usize>) {
        let Some(table) = tables.get("services") else {
            return (Vec::new(), Vec::new());
        };
        let ids = self.ids.get("services");
        let orgs = self.ids.get("organizations");
        let mut values = Vec::with_capacity(table.rows.len());
        let mut rows = Vec::with_capacity(table.rows.len());
        for (i, row) in table.rows.iter().enumerate() {
            let Some(id) = table.get(row, "id") else {
                continue;
            };
            if ids.and_then(|ids| ids.get(id)) != Some(&i) {
                continue;
            }
            let org_known = table
                .get(row, "organization_id")
                .is_some_and(|org| orgs.is_some_and(|orgs| orgs.contains_key(org)));
            if !org_known {
                continue;
            }
            for column in ["name", "status"] {
                if table.get(row, column).is_none() {
                    problems.push(
                        ImportProblem::file(
                            column == "name",
                            &table.file,
                            ImportKind::MissingValue {
                                field: column.into(),
                            },
                        )
                        .at_row(i + 2)
                        .at_column(column, table.column(column).unwrap_or(0)),
                    );
                }
            }
            if table.get(row, "name").is_none() {
                continue;
            }
            let mut service = Self::object(table, row);
            service.insert(
                "phones".into(),
                self.nested(tables, "phones", "service_id", id, |_| {}),
            );
            service.insert(
                "languages".into(),
                self.nested(tables, "languages", "service_id", id, |_| {}),
            );
            service.insert(
                "schedules".into(),
                self.nested(tables, "schedules", "service_id", id, |_| {}),
            );
            service.insert("attributes".into(), self.attributes(tables, id));
            let sal: Vec<Value> = match tables.get("service_at_location") {
                Some(sal_table) => self
                    .rows("service_at_location", "service_id", id)
                    .iter()
                    .map(|&s| {
                        let sal_row = &sal_table.rows[s];
                        let mut sal = Self::object(sal_table, sal_row);
                        let sal_id = sal_table.get(sal_row, "id").unwrap_or("");
                        sal.insert(
                            "schedules".into(),
                            self.nested(
                                tables,
                                "schedules",
                                "service_at_location_id",
                                sal_id,
                                |_| {},
                            ),
                        );
                        if let Some(location) = sal_table
                            .get(sal_row, "location_id")
                            .and_then(|l| self.location(tables, l))
                        {
                            sal.insert("location".into(), location);
                        }
                        Value::Object(sal)
                    })
                    .collect(),
                None => Vec::new(),
            };
            service.insert("service_at_locations".into(), Value::Array(sal));
            values.push(Value::Object(service));
            rows.push(i + 2);
        }
        (values, rows)
    }

    /// Our taxonomy's tiers and services, in the table's order, with their texts from our
    /// attributes.
    fn range_terms(&self, tables: &HashMap<&str, Table>) -> (Vec<RangeTerm>, Vec<RangeTerm>) {
        let (mut tiers, mut services) = (Vec::new(), Vec::new());
        let Some(terms) = tables.get("taxonomy_terms") else {
            return (tiers, services);
        };
        let code_of = |id: &str| {
            let &i = self.ids.get("taxonomy_terms")?.get(id)?;
            terms.get(&terms.rows[i], "code")
        };
        for row in &terms.rows {
            let (Some(id), Some(code)) = (terms.get(row, "id"), terms.get(row, "code")) else {
                continue;
            };
            let Some((kind, range_id)) = code.strip_prefix(SRM).and_then(|c| c.split_once(':'))
            else {
                continue;
            };
            if kind != "tier" && kind != "service" {
                continue;
            }
            // Our texts of the term: srm:text attributes linked to it.
            let mut texts: HashMap<String, String> = HashMap::new();
            if let Some(attributes) = tables.get("attributes") {
                for &a in self.rows("attributes", "link_id", id) {
                    let attribute = &attributes.rows[a];
                    let is_text = attributes
                        .get(attribute, "taxonomy_term_id")
                        .and_then(code_of)
                        .is_some_and(|c| c == "srm:text");
                    if let (true, Some(key)) = (is_text, attributes.get(attribute, "link_type")) {
                        let value = attributes.column("value").and_then(|v| attribute.get(v));
                        texts.insert(key.to_string(), value.cloned().unwrap_or_default());
                    }
                }
            }
            let text = |key: &str, plain: Option<&str>| {
                whole(
                    texts
                        .get(key)
                        .and_then(|v| serde_json::from_str::<Text>(v).ok()),
                    plain,
                )
            };
            let name = terms.raw(row, "name");
            let label = text("label", name).unwrap_or_default();
            // Our export writes the label as the description of a term that has none.
            let description = match texts.get("description") {
                Some(_) => text("description", terms.raw(row, "description")),
                None => None,
            };
            let examples = texts
                .get("examples")
                .and_then(|v| serde_json::from_str::<Vec<Text>>(v).ok())
                .unwrap_or_default();
            let tier = terms
                .get(row, "parent_id")
                .and_then(code_of)
                .and_then(|c| c.strip_prefix("srm:tier:"))
                .map(str::to_string);
            let term = RangeTerm {
                id: range_id.to_string(),
                tier,
                label,
                description,
                examples,
                hsds: id.to_string(),
            };
            if kind == "tier" {
                tiers.push(term);
            } else {
                services.push(term);
            }
        }
        (tiers, services)
    }
}
