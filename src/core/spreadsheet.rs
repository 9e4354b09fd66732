//! The flat spreadsheet: one row per offer (an organisation and its contact, a service, its
//! tier, availability, access route, eligibility…), as a community organiser keeps it.
//! French or English headers (accents, case and punctuation forgiven), comma, semicolon or
//! tab separated, UTF-8 with or without BOM or Windows-1252. A template in both languages.

use super::directory::{
    words, Directory, FileKind, ImportKind, ImportProblem, Listing, Organization, Source, Status,
    MAX_FILE_BYTES,
};
use super::hsds::read_table;
use super::i18n::{access_label, availability_label, provider_kind_label};
use super::links::{mailto_href, tel_href, web_href};
use super::model::Named;
use super::text::{Lang, Text};
use std::collections::HashMap;

/// A column of the flat spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Organization,
    OrganizationId,
    OrganizationType,
    Phone,
    Email,
    Web,
    Address,
    Service,
    ServiceId,
    Tier,
    Availability,
    Access,
    Eligibility,
    HowToApply,
    Hours,
    Languages,
    Description,
}

/// Each column with its French and English header (the template's) and the other names it
/// is recognised by (folded: lower case, no accents, words separated by one space).
pub const COLUMNS: &[(Column, &str, &str, &[&str])] = &[
    (
        Column::Organization,
        "organisation",
        "organization",
        &[
            "organisme",
            "nom de l organisation",
            "organization name",
            "fournisseur",
            "provider",
            "partenaire",
        ],
    ),
    (
        Column::OrganizationId,
        "id organisation",
        "organization id",
        &["organisation id", "id de l organisation"],
    ),
    (
        Column::OrganizationType,
        "type d'organisation",
        "organization type",
        &["type d organisme", "type"],
    ),
    (
        Column::Phone,
        "téléphone",
        "phone",
        &["tel", "telephone number", "numero de telephone"],
    ),
    (
        Column::Email,
        "courriel",
        "email",
        &["e mail", "adresse courriel", "courriel de l organisation"],
    ),
    (
        Column::Web,
        "site web",
        "website",
        &["site internet", "web", "url", "site"],
    ),
    (
        Column::Address,
        "adresse",
        "address",
        &["adresse postale", "lieu"],
    ),
    (
        Column::Service,
        "service",
        "service",
        &["nom du service", "service name", "services"],
    ),
    (
        Column::ServiceId,
        "id service",
        "service id",
        &["id du service"],
    ),
    (
        Column::Tier,
        "palier",
        "tier",
        &["niveau", "palier de services", "level"],
    ),
    (
        Column::Availability,
        "disponibilité",
        "availability",
        &["etat", "statut", "status"],
    ),
    (
        Column::Access,
        "accès",
        "access",
        &["voie d acces", "access route", "mode d acces"],
    ),
    (
        Column::Eligibility,
        "admissibilité",
        "eligibility",
        &[
            "criteres d admissibilite",
            "clientele",
            "eligibility criteria",
        ],
    ),
    (
        Column::HowToApply,
        "modalités d'accès",
        "how to apply",
        &[
            "comment y acceder",
            "application process",
            "pour y acceder",
            "demande de service",
        ],
    ),
    (
        Column::Hours,
        "horaire",
        "hours",
        &["heures d ouverture", "opening hours", "heures", "schedule"],
    ),
    (
        Column::Languages,
        "langues",
        "languages",
        &["langue", "language", "langues de service"],
    ),
    (
        Column::Description,
        "description",
        "description",
        &["description du service"],
    ),
];

fn folded(header: &str) -> String {
    words(header).collect::<Vec<_>>().join(" ")
}

/// The column a header names, if any.
pub fn column_of(header: &str) -> Option<Column> {
    let header = folded(header);
    COLUMNS
        .iter()
        .find(|(_, fr, en, others)| {
            folded(fr) == header || folded(en) == header || others.contains(&header.as_str())
        })
        .map(|(column, ..)| *column)
}

/// The template: the header in one language and two example rows, separated as that
/// language's spreadsheet programs expect (semicolons in French), with a BOM so that they
/// open it as UTF-8.
pub fn template(lang: Lang) -> String {
    let (separator, rows): (&str, [[&str; 17]; 2]) = match lang {
        Lang::Fr => (
            ";",
            [
                [
                    "CLSC du Lac",
                    "",
                    "Établissement public",
                    "819 555-0100",
                    "accueil@clsc.example",
                    "https://clsc.example",
                    "125, rue Principale, Val-des-Collines",
                    "Accueil psychosocial",
                    "",
                    "Proximité",
                    "Disponible",
                    "Accès direct",
                    "Adultes du territoire",
                    "Se présenter ou appeler",
                    "Lundi au vendredi, 8 h 30 à 16 h 30",
                    "fr, en",
                    "Écoute, évaluation et orientation",
                ],
                [
                    "Centre d'écoute Le Phare",
                    "",
                    "Organisme communautaire",
                    "819 555-0101",
                    "",
                    "",
                    "",
                    "Ligne d'écoute",
                    "",
                    "Proximité",
                    "Disponible",
                    "Accès direct",
                    "",
                    "Appeler",
                    "24 h sur 24, 7 jours sur 7",
                    "fr",
                    "",
                ],
            ],
        ),
        Lang::En => (
            ",",
            [
                [
                    "CLSC du Lac",
                    "",
                    "Public establishment",
                    "819 555-0100",
                    "accueil@clsc.example",
                    "https://clsc.example",
                    "125 rue Principale, Val-des-Collines",
                    "Psychosocial intake",
                    "",
                    "Proximity",
                    "Available",
                    "Direct access",
                    "Adults of the territory",
                    "Walk in or call",
                    "Monday to Friday, 8:30 a.m. to 4:30 p.m.",
                    "fr, en",
                    "Listening, assessment and referral",
                ],
                [
                    "Le Phare listening centre",
                    "",
                    "Community organisation",
                    "819 555-0101",
                    "",
                    "",
                    "",
                    "Listening line",
                    "",
                    "Proximity",
                    "Available",
                    "Direct access",
                    "",
                    "Call",
                    "24/7",
                    "fr",
                    "",
                ],
            ],
        ),
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(separator.as_bytes()[0])
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = COLUMNS.iter().map(|(_, fr, en, _)| match lang {
        Lang::Fr => *fr,
        Lang::En => *en,
    });
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// The values of a fixed list read so far in a column, each read once.
struct Choices<T> {
    label: fn(Lang, T) -> &'static str,
    read: HashMap<String, Option<T>>,
}

impl<T: Named> Choices<T> {
    fn new(label: fn(Lang, T) -> &'static str) -> Choices<T> {
        Choices {
            label,
            read: HashMap::new(),
        }
    }
    fn get(&mut self, value: &str) -> Option<T> {
        if let Some(known) = self.read.get(value) {
            return *known;
        }
        let found = choice(value, self.label);
        self.read.insert(value.to_string(), found);
        found
    }
}

/// A value of a fixed list, by its name in a config or its label in either language, said
/// shortly: "Guichet d'accès" is "Par le guichet d'accès", "Partiel" is "Offert en partie".
fn choice<T: Named>(value: &str, label: fn(Lang, T) -> &'static str) -> Option<T> {
    let value = folded(value);
    let all = || T::NAMES.iter().map(|(_, v)| *v);
    let exact = all().find(|v| {
        folded(v.name()) == value
            || folded(label(Lang::Fr, *v)) == value
            || folded(label(Lang::En, *v)) == value
    });
    exact.or_else(|| {
        all().find(|v| {
            close_words(&value, &folded(label(Lang::Fr, *v)))
                || close_words(&value, &folded(label(Lang::En, *v)))
        })
    })
}

/// True when each telling word of `value` begins like a word of `label` (four letters).
fn close_words(value: &str, label: &str) -> bool {
    const LITTLE: &[&str] = &["par", "sur", "une", "the", "through", "les", "des", "and"];
    let telling: Vec<&str> = value
        .split(' ')
        .filter(|w| w.len() >= 3 && !LITTLE.contains(w))
        .collect();
    let prefix = |w: &str| w.chars().take(4).collect::<String>();
    !telling.is_empty()
        && telling.iter().all(|w| {
            label
                .split(' ')
                .any(|l| l.len() >= 3 && prefix(l) == prefix(w))
        })
}

/// True for a cell a spreadsheet would run as a formula.
fn is_formula(value: &str, column: Column) -> bool {
    match value.chars().next() {
        Some('=') | Some('@') => true,
        // A phone number may start with + (or a list with a dash): only elsewhere.
        Some('+') | Some('-') => !matches!(column, Column::Phone),
        _ => false,
    }
}

/// Reads one flat spreadsheet.
pub fn read_flat(file: &str, bytes: &[u8]) -> Directory {
    let mut dir = Directory::default();
    if bytes.len() > MAX_FILE_BYTES {
        dir.problems.push(ImportProblem::file(
            true,
            file,
            ImportKind::TooLarge { bytes: bytes.len() },
        ));
        return dir;
    }
    let Some(table) = read_table(file, bytes, &mut dir.problems) else {
        return dir;
    };
    dir.files.push((file.to_string(), FileKind::Spreadsheet));
    // The columns it may have are found among its first ones (a line of a million
    // separators is not a million columns to name).
    let columns: Vec<Option<Column>> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i < 4 * COLUMNS.len() {
                column_of(h)
            } else {
                None
            }
        })
        .collect();
    for needed in [Column::Organization, Column::Service] {
        if !columns.contains(&Some(needed)) {
            let (_, fr, en, _) = COLUMNS.iter().find(|c| c.0 == needed).expect("listed");
            dir.problems.push(
                ImportProblem::file(
                    true,
                    file,
                    ImportKind::MissingColumn {
                        names: vec![fr.to_string(), en.to_string()],
                    },
                )
                .at_row(1),
            );
        }
    }
    if dir.errors() > 0 {
        return dir;
    }
    let mut orgs: Vec<Organization> = Vec::new();
    let mut org_index: HashMap<String, usize> = HashMap::new();
    // A column of a fixed list holds a few values, many times: each is read once.
    let mut kinds = Choices::new(provider_kind_label);
    let mut availabilities = Choices::new(availability_label);
    let mut accesses = Choices::new(access_label);
    for (r, row) in table.rows.iter().enumerate() {
        let row_number = r + 2;
        let mut cell = |column: Column, dir: &mut Directory| -> Option<String> {
            let index = columns.iter().position(|c| *c == Some(column))?;
            let value = row.get(index)?.trim();
            if value.is_empty() {
                return None;
            }
            if is_formula(value, column) {
                dir.problems.push(
                    ImportProblem::file(
                        false,
                        file,
                        ImportKind::Formula {
                            value: value.chars().take(40).collect(),
                        },
                    )
                    .at_row(row_number)
                    .at_column(&table.headers[index], index),
                );
            }
            Some(value.to_string())
        };
        let org_name = cell(Column::Organization, &mut dir);
        let service = cell(Column::Service, &mut dir);
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let missing = |column: Column, dir: &mut Directory| {
            let index = columns.iter().position(|c| *c == Some(column)).unwrap_or(0);
            dir.problems.push(
                ImportProblem::file(
                    true,
                    file,
                    ImportKind::MissingValue {
                        field: table.headers[index].clone(),
                    },
                )
                .at_row(row_number)
                .at_column(&table.headers[index], index),
            );
        };
        let (Some(org_name), Some(service)) = (org_name.clone(), service.clone()) else {
            if org_name.is_none() {
                missing(Column::Organization, &mut dir);
            }
            if service.is_none() {
                missing(Column::Service, &mut dir);
            }
            continue;
        };
        let org_key = cell(Column::OrganizationId, &mut dir)
            .unwrap_or_else(|| format!("~{}", folded(&org_name)));
        let link =
            |column: Column,
             href: fn(&str) -> Option<String>,
             dir: &mut Directory,
             cell: &mut dyn FnMut(Column, &mut Directory) -> Option<String>| {
                let value = cell(column, dir)?;
                if href(&value).is_some() {
                    return Some(value);
                }
                let index = columns.iter().position(|c| *c == Some(column)).unwrap_or(0);
                dir.problems.push(
                    ImportProblem::file(
                        false,
                        file,
                        ImportKind::BadLink {
                            field: table.headers[index].clone(),
                            value: value.chars().take(60).collect(),
                        },
                    )
                    .at_row(row_number)
                    .at_column(&table.headers[index], index),
                );
                None
            };
        let phone = link(Column::Phone, tel_href, &mut dir, &mut cell);
        let email = link(Column::Email, mailto_href, &mut dir, &mut cell);
        let web = link(Column::Web, web_href, &mut dir, &mut cell);
        let address = cell(Column::Address, &mut dir);
        let languages: Vec<String> = cell(Column::Languages, &mut dir)
            .map(|l| {
                l.split([',', ';', ' ', '/'])
                    .map(|c| c.trim().to_lowercase())
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let fixed = |column: Column,
                     dir: &mut Directory,
                     cell: &mut dyn FnMut(Column, &mut Directory) -> Option<String>,
                     read: &mut dyn FnMut(&str) -> bool| {
            let value = cell(column, dir)?;
            if read(&value) {
                return Some(value);
            }
            let index = columns.iter().position(|c| *c == Some(column)).unwrap_or(0);
            dir.problems.push(
                ImportProblem::file(
                    false,
                    file,
                    ImportKind::UnknownValue {
                        field: table.headers[index].clone(),
                        value: value.clone(),
                    },
                )
                .at_row(row_number)
                .at_column(&table.headers[index], index),
            );
            None
        };
        let kind = fixed(Column::OrganizationType, &mut dir, &mut cell, &mut |v| {
            kinds.get(v).is_some()
        })
        .and_then(|v| kinds.get(&v));
        let availability = fixed(Column::Availability, &mut dir, &mut cell, &mut |v| {
            availabilities.get(v).is_some()
        })
        .and_then(|v| availabilities.get(&v));
        let access = fixed(Column::Access, &mut dir, &mut cell, &mut |v| {
            accesses.get(v).is_some()
        })
        .and_then(|v| accesses.get(&v));
        let text =
            |column: Column,
             dir: &mut Directory,
             cell: &mut dyn FnMut(Column, &mut Directory) -> Option<String>| {
                cell(column, dir).map(Text::plain)
            };
        let listing = Listing {
            id: cell(Column::ServiceId, &mut dir),
            organization: org_key.clone(),
            name: Text::plain(service),
            description: text(Column::Description, &mut dir, &mut cell),
            terms: Vec::new(),
            status: Status::Active,
            eligibility: text(Column::Eligibility, &mut dir, &mut cell),
            how_to_apply: text(Column::HowToApply, &mut dir, &mut cell),
            hours: text(Column::Hours, &mut dir, &mut cell),
            languages: languages.clone(),
            tier: cell(Column::Tier, &mut dir),
            range_service: None,
            availability,
            access,
            source: Source {
                file: file.to_string(),
                row: Some(row_number),
                path: None,
            },
        };
        match org_index.get(&org_key).map(|&i| &mut orgs[i]) {
            // The organisation's contact is on each of its rows: the first given wins.
            Some(org) => {
                org.phone = org.phone.take().or(phone);
                org.email = org.email.take().or(email);
                org.web = org.web.take().or(web);
                org.address = org.address.take().or(address.map(Text::plain));
                org.kind = org.kind.or(kind);
                for code in languages {
                    if !org.languages.contains(&code) {
                        org.languages.push(code);
                    }
                }
            }
            None => {
                org_index.insert(org_key.clone(), orgs.len());
                orgs.push(Organization {
                    id: org_key,
                    name: Text::plain(org_name),
                    provider_id: None,
                    kind,
                    phone,
                    email,
                    web,
                    address: address.map(Text::plain),
                    languages,
                    source: Source {
                        file: file.to_string(),
                        row: Some(row_number),
                        path: None,
                    },
                });
            }
        }
        dir.listings.push(listing);
    }
    dir.organizations = orgs;
    dir
}
