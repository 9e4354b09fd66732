//! What a directory of services brings into the range editor, whatever it was written in
//! (HSDS 3.0 JSON, the HSDS tabular data package, a flat spreadsheet): its organisations and
//! its services, each with where it was read, and every problem found on the way with its
//! file, row and column (or JSON path, line and column). The readers fill it; the mapping
//! step (`mapping`) places its services in the range.

use super::model::{AccessRoute, Availability, ProviderKind};
use super::text::Text;

/// Files larger than this are refused before they are read: a directory of 5,000 services
/// is a few megabytes; a file of 50 MB is a mistake (a database dump, a video).
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// An organisation of the directory (a provider of the range once imported).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Organization {
    /// Its id in the directory (HSDS `id`); for a flat spreadsheet, one made from its name.
    pub id: String,
    pub name: Text,
    /// Our own id of the provider, when the directory is an export of ours.
    pub provider_id: Option<String>,
    pub kind: Option<ProviderKind>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub address: Option<Text>,
    pub languages: Vec<String>,
    pub source: Source,
}

/// What the directory says of a service's state (HSDS `status`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Active,
    /// Offered again later: imported as partial, and said.
    TemporarilyClosed,
    /// Left out, and listed.
    Inactive,
    Defunct,
}

impl Status {
    pub fn read(value: &str) -> Option<Status> {
        match value.trim().to_ascii_lowercase().replace('_', " ").as_str() {
            "active" => Some(Status::Active),
            "temporarily closed" => Some(Status::TemporarilyClosed),
            "inactive" => Some(Status::Inactive),
            "defunct" => Some(Status::Defunct),
            _ => None,
        }
    }
    /// True when the service is still offered (or will be again).
    pub fn offered(self) -> bool {
        matches!(self, Status::Active | Status::TemporarilyClosed)
    }
}

/// A service of the directory: one organisation's offer of something.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// Its id in the directory (HSDS `id`); for a flat spreadsheet, none.
    pub id: Option<String>,
    /// The id of its organisation in the directory.
    pub organization: String,
    pub name: Text,
    pub description: Option<Text>,
    /// Taxonomy terms and other names it goes by: words for the mapping proposal.
    pub terms: Vec<String>,
    pub status: Status,
    pub eligibility: Option<Text>,
    pub how_to_apply: Option<Text>,
    pub hours: Option<Text>,
    pub languages: Vec<String>,
    /// What the directory says of its place in the range: the tier (an id or a label), the
    /// service of the range (our export's own attribute), availability and access.
    pub tier: Option<String>,
    pub range_service: Option<String>,
    pub availability: Option<Availability>,
    pub access: Option<AccessRoute>,
    pub source: Source,
}

/// Where an item was read: the file and its row (a spreadsheet's numbering: the header is
/// row 1) or its JSON path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub file: String,
    pub row: Option<usize>,
    pub path: Option<String>,
}

/// A tier or a service of the range described by the directory itself (an export of ours
/// carries the whole range in its taxonomy).
#[derive(Clone, Debug, PartialEq)]
pub struct RangeTerm {
    /// Our id of the tier or service.
    pub id: String,
    /// For a service: the id of its tier.
    pub tier: Option<String>,
    pub label: Text,
    pub description: Option<Text>,
    pub examples: Vec<Text>,
    /// The term's id in the directory.
    pub hsds: String,
}

/// Everything read from the files of one import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Directory {
    pub organizations: Vec<Organization>,
    pub listings: Vec<Listing>,
    /// The range's tiers and services, in order, when the directory carries them.
    pub tiers: Vec<RangeTerm>,
    pub services: Vec<RangeTerm>,
    /// The files read, by name, with what they were read as.
    pub files: Vec<(String, FileKind)>,
    pub problems: Vec<ImportProblem>,
}

impl Directory {
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.error).count()
    }
    /// Adds what another file brought (files chosen together are one directory).
    pub fn extend(&mut self, other: Directory) {
        self.organizations.extend(other.organizations);
        self.listings.extend(other.listings);
        self.tiers.extend(other.tiers);
        self.services.extend(other.services);
        self.files.extend(other.files);
        self.problems.extend(other.problems);
    }
}

/// What a file was read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    HsdsJson,
    DataPackage,
    Spreadsheet,
    Zip,
    /// Read and not used (a file of the package this editor has no use for).
    Ignored,
}

/// A problem found in an imported file. `error`: the item it concerns is not imported
/// (else a warning: imported, with something to know).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub error: bool,
    pub file: String,
    /// A spreadsheet's row (the header is row 1).
    pub row: Option<usize>,
    /// A spreadsheet's column: its header and its letter.
    pub column: Option<(String, usize)>,
    /// A JSON path (`$[3].organization.name`).
    pub path: Option<String>,
    /// Line and column in the text (JSON syntax errors).
    pub line: Option<(usize, usize)>,
    pub kind: ImportKind,
}

/// What is wrong, with what the message needs to say it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// Not a file this import reads (an image, a document…).
    WrongKind,
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// JSON that cannot be parsed.
    Syntax {
        message: String,
    },
    /// JSON that parses but holds no HSDS service or organisation.
    NotHsds,
    /// A column this kind of file needs (one of the names it may go by).
    MissingColumn {
        names: Vec<String>,
    },
    /// A required value left empty.
    MissingValue {
        field: String,
    },
    /// A value of the wrong JSON type.
    WrongType {
        field: String,
        expected: String,
    },
    /// An id that another row or object of the same table already has.
    DuplicateId {
        id: String,
        first: Option<usize>,
    },
    /// A reference to an item the files do not have (a service's organisation…).
    UnknownReference {
        table: String,
        id: String,
    },
    /// A value outside the allowed list (kept as the nearest allowed value, said).
    UnknownValue {
        field: String,
        value: String,
    },
    /// A cell that a spreadsheet would run as a formula: imported as plain text.
    Formula {
        value: String,
    },
    /// A web address, email or phone that cannot be made a safe link: left out.
    BadLink {
        field: String,
        value: String,
    },
    /// Rows written in another encoding than the rest of the file (each read as written).
    MixedEncoding {
        rows: Vec<usize>,
    },
    /// A file of the data package that is missing (the package names it).
    MissingFile {
        name: String,
    },
    /// A zip that cannot be opened.
    BadZip {
        message: String,
    },
    /// A header of more columns than any table this import reads.
    TooManyColumns {
        columns: usize,
    },
    /// A row with more or fewer cells than the header.
    RaggedRow {
        cells: usize,
        expected: usize,
    },
}

impl ImportProblem {
    pub fn file(error: bool, file: &str, kind: ImportKind) -> ImportProblem {
        ImportProblem {
            error,
            file: file.to_string(),
            row: None,
            column: None,
            path: None,
            line: None,
            kind,
        }
    }
    pub fn at_row(mut self, row: usize) -> ImportProblem {
        self.row = Some(row);
        self
    }
    pub fn at_column(mut self, name: &str, index: usize) -> ImportProblem {
        self.column = Some((name.to_string(), index));
        self
    }
    pub fn at_path(mut self, path: impl Into<String>) -> ImportProblem {
        self.path = Some(path.into());
        self
    }
}

/// A spreadsheet's column letter: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Windows-1252 bytes 0x80–0x9F (WHATWG's index); the other bytes are Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// A text file as spreadsheet programs write it: UTF-8 with or without BOM, or
/// Windows-1252. Each line is read as written, so a file whose rows were pasted from
/// both encodings reads right; the lines that differ from the rest are returned (1-based)
/// to be said.
pub fn decode(bytes: &[u8]) -> (String, Vec<usize>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut utf8_lines = Vec::new();
    let mut other_lines = 0;
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            // A line of plain ASCII is the same in both: only lines with other bytes count.
            Ok(s) if !s.is_ascii() => {
                utf8_lines.push(i + 1);
                text.push_str(s);
            }
            Ok(s) => text.push_str(s),
            Err(_) => {
                other_lines += 1;
                text.push_str(&cp1252(line));
            }
        }
    }
    // A file mostly in UTF-8 with a few Windows-1252 lines is said the other way round.
    let mixed = if other_lines == 0 {
        Vec::new()
    } else {
        utf8_lines
    };
    (text, mixed)
}

/// The words of a text for comparing: folded as the citizens' search folds it (lower case,
/// no accents), split at every other character. "Ligne d'écoute 24/7" → ligne, d, ecoute,
/// 24, 7.
pub fn words(text: &str) -> impl Iterator<Item = String> {
    super::search::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter()
}
