//! What can be wrong with a config, and where: the problems that validation reports.

use super::model::Config;
use std::fmt;

/// How serious a problem is: errors stop the config from rendering, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Which kind of thing an id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    Tier,
    Service,
    Provider,
    /// A level of the continuum.
    Level,
}

/// Which kind of contact link is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Web,
    Email,
    Phone,
}

/// The type a value should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    /// A string or `{"fr": …, "en": …}`.
    Text,
    WholeNumber,
    Boolean,
    Object,
    Array,
    /// A list of exactly two provider ids (a relation's pair).
    Pair,
}

/// Why a text is not JSON, in words the interface can translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    Empty,
    CommentsNotAllowed,
    TrailingComma,
    ExpectedComma,
    ExpectedColon,
    ExpectedValue,
    ExpectedPropertyName,
    /// A character or word that JSON does not allow here (including single quotes,
    /// unquoted words, `NaN`, `Infinity` and `+` numbers).
    UnexpectedToken,
    /// A number JSON does not write so: `01`, `1.`, `.5`, `1e`, `0x1F`.
    BadNumber,
    /// An escape JSON does not know (`\x41`, a lone surrogate), or a character that must
    /// be escaped (a line break, a tab…) written as is in a string.
    BadString,
    UnterminatedString,
    UnterminatedObject,
    UnterminatedArray,
    SeveralValues,
    TooDeep,
}

impl Expected {
    /// The name programs see.
    pub fn key(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Text => "text",
            Expected::WholeNumber => "whole_number",
            Expected::Boolean => "boolean",
            Expected::Object => "object",
            Expected::Array => "array",
            Expected::Pair => "pair",
        }
    }
}

impl Referent {
    /// The name programs see.
    pub fn key(self) -> &'static str {
        match self {
            Referent::Tier => "tier",
            Referent::Service => "service",
            Referent::Provider => "provider",
            Referent::Level => "level",
        }
    }
}

impl LinkKind {
    /// The name programs see.
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Web => "web",
            LinkKind::Email => "email",
            LinkKind::Phone => "phone",
        }
    }
}

/// What is wrong. Rendered in the interface language by [`super::i18n`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The text is not JSON.
    Syntax {
        error: SyntaxError,
    },
    WrongType {
        expected: Expected,
    },
    /// A value outside a fixed list (a kind, an availability, an access route…).
    UnknownValue {
        value: String,
        allowed: Vec<String>,
    },
    MissingField {
        field: String,
    },
    UnsupportedVersion {
        found: String,
    },
    DuplicateKey {
        key: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    UnknownReference {
        referent: Referent,
        id: String,
    },
    EmptyText,
    BadLink {
        link: LinkKind,
        value: String,
    },
    UnknownField {
        field: String,
    },
    DuplicateOffer {
        provider: String,
        service: String,
    },
    EmptyTier {
        tier: String,
    },
    NoServices,
    /// No config was given to a build that carries no example.
    NoConfig,
    /// A relation of a provider with itself.
    RelationWithItself {
        provider: String,
    },
    /// The pair already has a relation (A–B and B–A are the same pair).
    DuplicateRelation {
        providers: [String; 2],
        first: String,
    },
    /// A target below the current level (a warning: it may be a wanted step back).
    TargetBelowLevel {
        level: String,
        target: String,
    },
    /// "none" is level 0 of every scale: a step cannot take that id.
    ReservedId {
        id: String,
    },
    /// A whole number outside its scale (a gap's impact or feasibility).
    OutOfRange {
        value: String,
        min: u32,
        max: u32,
    },
}

/// A 1-based line and column (in characters) in the config text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One thing wrong with a config, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path of the value concerned, like `$.services[3].tier`.
    pub path: String,
    /// Where the value starts in the text; absent when the config was not given as text.
    pub position: Option<Position>,
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

/// A JSON path (`$`, `$.services[2].label`, `$.tiers[0]["a b"]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JsonPath(String);

impl JsonPath {
    pub fn root() -> JsonPath {
        JsonPath("$".into())
    }
    pub fn key(&self, key: &str) -> JsonPath {
        let mut path = self.clone();
        path.push_key(key);
        path
    }
    pub fn index(&self, i: usize) -> JsonPath {
        let mut path = self.clone();
        path.push_index(i);
        path
    }
    /// This path made the path of its `key`.
    pub fn push_key(&mut self, key: &str) {
        let plain = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
        if plain {
            self.0.push('.');
            self.0.push_str(key);
        } else {
            // Quoted as JSON writes it (not with `{:?}`, whose escaping of every
            // non-printable character costs the bundle more than this loop).
            self.0.push_str("[\"");
            for c in key.chars() {
                if c == '"' || c == '\\' {
                    self.0.push('\\');
                }
                self.0.push(c);
            }
            self.0.push_str("\"]");
        }
    }
    /// This path made the path of its element `i`.
    pub fn push_index(&mut self, i: usize) {
        use fmt::Write;
        let _ = write!(self.0, "[{i}]");
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}
