//! Reading parsed JSON into typed values, field by field, collecting every problem instead
//! of stopping at the first: each value's type, required fields, unknown fields (warnings),
//! keys written twice and values outside fixed lists. The parsed tree comes from
//! `jsonc-parser` in strict JSON mode and keeps where each value starts in the text, so each
//! problem carries its JSON path and its line and column.

use super::problems::{Expected, JsonPath, Position, Problem, ProblemKind, Severity};
use super::text::Text;
use jsonc_parser::ast::{Object, Value as Node};
use jsonc_parser::common::Ranged;

/// Reads values out of one parsed text and keeps the problems found.
pub struct Reader<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
    /// Where each value that was read starts in the text, by JSON path, in reading order;
    /// sorted by path the first time a problem needs a value read long before.
    starts: Vec<(String, usize)>,
    sorted: bool,
    /// False when the text is our own serialisation of an object: positions would mean
    /// nothing to the author.
    with_positions: bool,
    pub problems: Vec<Problem>,
}

/// An object being read, with its path.
pub struct Fields<'a, 'n> {
    object: &'n Object<'a>,
    pub path: JsonPath,
}

impl<'a, 'n> Fields<'a, 'n> {
    /// The value of a key (the last one when written twice, as `JSON.parse` does).
    pub fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        self.object
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == key)
            .map(|p| &p.value)
    }
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'t> Reader<'t> {
    pub fn new(text: &'t str, with_positions: bool) -> Reader<'t> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Reader {
            text,
            line_starts,
            starts: Vec::new(),
            sorted: false,
            with_positions,
            problems: Vec::new(),
        }
    }

    /// Line and column of a byte offset (column counted in characters).
    pub fn position(&self, offset: usize) -> Option<Position> {
        if !self.with_positions {
            return None;
        }
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text.get(line_start..offset)?.chars().count() + 1;
        Some(Position { line, column })
    }

    /// Reports a problem at a byte offset.
    pub fn report_at(
        &mut self,
        severity: Severity,
        path: &JsonPath,
        offset: usize,
        kind: ProblemKind,
    ) {
        self.problems.push(Problem {
            severity,
            path: path.to_string(),
            position: self.position(offset),
            kind,
        });
    }

    /// Reports a problem about a value read before, at the value's start (or at the
    /// closest enclosing value that was read).
    pub fn report(&mut self, severity: Severity, path: &JsonPath, kind: ProblemKind) {
        let mut probe = path.as_str();
        let offset = loop {
            if let Some(offset) = self.start_of(probe) {
                break offset;
            }
            match probe.rfind(['.', '[']) {
                Some(cut) => probe = &probe[..cut],
                None => break 0,
            }
        };
        self.report_at(severity, path, offset, kind);
    }

    /// Where the value at `path` starts. Problems found while reading concern the values
    /// just read (the last few noted); cross-checks come after reading, and search the
    /// whole list, sorted once.
    fn start_of(&mut self, path: &str) -> Option<usize> {
        let recent = self.starts.iter().rev().take(16).find(|(p, _)| p == path);
        if let Some((_, offset)) = recent {
            return Some(*offset);
        }
        if !self.sorted {
            self.starts.sort_unstable();
            self.sorted = true;
        }
        let found = self
            .starts
            .binary_search_by(|(p, _)| p.as_str().cmp(path))
            .ok()?;
        Some(self.starts[found].1)
    }

    pub fn error(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.report(Severity::Error, path, kind);
    }

    pub fn warning(&mut self, path: &JsonPath, kind: ProblemKind) {
        self.report(Severity::Warning, path, kind);
    }

    fn wrong_type(&mut self, path: &JsonPath, node: &Node, expected: Expected) {
        self.report_at(
            Severity::Error,
            path,
            node.range().start,
            ProblemKind::WrongType { expected },
        );
    }

    fn note(&mut self, path: &JsonPath, node: &Node) {
        self.starts.push((path.to_string(), node.range().start));
        self.sorted = false;
    }

    /// Opens an object: reports keys written twice (errors) and keys not in `known`
    /// (warnings: most likely typos).
    pub fn object<'a, 'n>(
        &mut self,
        node: &'n Node<'a>,
        path: JsonPath,
        known: &[&str],
    ) -> Option<Fields<'a, 'n>> {
        self.note(&path, node);
        let Node::Object(object) = node else {
            self.wrong_type(&path, node, Expected::Object);
            return None;
        };
        for (i, prop) in object.properties.iter().enumerate() {
            let key = prop.name.as_str();
            let at = prop.range.start;
            if object.properties[..i]
                .iter()
                .any(|p| p.name.as_str() == key)
            {
                let kind = ProblemKind::DuplicateKey { key: key.into() };
                self.report_at(Severity::Error, &path.key(key), at, kind);
            } else if !known.contains(&key) {
                let kind = ProblemKind::UnknownField { field: key.into() };
                self.report_at(Severity::Warning, &path.key(key), at, kind);
            }
        }
        Some(Fields { object, path })
    }

    /// The value of a field; reports it missing when required.
    pub fn field<'a, 'n>(
        &mut self,
        fields: &Fields<'a, 'n>,
        key: &str,
        required: bool,
    ) -> Option<(&'n Node<'a>, JsonPath)> {
        let path = fields.path.key(key);
        match fields.get(key) {
            Some(node) => {
                self.note(&path, node);
                Some((node, path))
            }
            None => {
                if required {
                    let kind = ProblemKind::MissingField { field: key.into() };
                    self.report_at(Severity::Error, &path, fields.object.range.start, kind);
                }
                None
            }
        }
    }

    pub fn string(&mut self, fields: &Fields, key: &str, required: bool) -> Option<String> {
        let (node, path) = self.field(fields, key, required)?;
        self.string_value(node, &path)
    }

    pub fn string_value(&mut self, node: &Node, path: &JsonPath) -> Option<String> {
        match node {
            Node::StringLit(s) => Some(s.value.to_string()),
            _ => {
                self.wrong_type(path, node, Expected::String);
                None
            }
        }
    }

    pub fn text(&mut self, fields: &Fields, key: &str, required: bool) -> Option<Text> {
        let (node, path) = self.field(fields, key, required)?;
        self.text_value(node, path)
    }

    /// A text: a plain string, or an object with `fr` and/or `en`.
    pub fn text_value(&mut self, node: &Node, path: JsonPath) -> Option<Text> {
        match node {
            Node::StringLit(s) => Some(Text::plain(s.value.to_string())),
            Node::Object(_) => {
                let fields = self.object(node, path, &["fr", "en"])?;
                let fr = self.string(&fields, "fr", false);
                let en = self.string(&fields, "en", false);
                if !fields.has("fr") && !fields.has("en") {
                    self.wrong_type(&fields.path, node, Expected::Text);
                    return None;
                }
                let failed =
                    (fields.has("fr") && fr.is_none()) || (fields.has("en") && en.is_none());
                (!failed).then_some(Text {
                    plain: None,
                    fr,
                    en,
                })
            }
            _ => {
                self.wrong_type(&path, node, Expected::Text);
                None
            }
        }
    }

    pub fn whole_number(&mut self, fields: &Fields, key: &str, required: bool) -> Option<u64> {
        let (node, path) = self.field(fields, key, required)?;
        match node {
            Node::NumberLit(n) => match n.value.parse::<u64>() {
                Ok(v) => Some(v),
                Err(_) => {
                    self.wrong_type(&path, node, Expected::WholeNumber);
                    None
                }
            },
            _ => {
                self.wrong_type(&path, node, Expected::WholeNumber);
                None
            }
        }
    }

    pub fn boolean(&mut self, fields: &Fields, key: &str) -> Option<bool> {
        let (node, path) = self.field(fields, key, false)?;
        match node {
            Node::BooleanLit(b) => Some(b.value),
            _ => {
                self.wrong_type(&path, node, Expected::Boolean);
                None
            }
        }
    }

    /// One of a fixed list of names; absent gives the default; `None` when invalid.
    pub fn choice<E: Copy + Default>(
        &mut self,
        fields: &Fields,
        key: &str,
        choices: &[(&'static str, E)],
    ) -> Option<E> {
        let Some((node, path)) = self.field(fields, key, false) else {
            return Some(E::default());
        };
        self.named(node, &path, choices)
    }

    /// A value that must be one of a fixed list of names.
    pub fn named<E: Copy>(
        &mut self,
        node: &Node,
        path: &JsonPath,
        choices: &[(&'static str, E)],
    ) -> Option<E> {
        let name_at = |i: usize| choices.get(i).map(|(name, _)| *name);
        self.name_index(node, path, &name_at).map(|i| choices[i].1)
    }

    /// A field that must be one of `all`, by the name `name` gives each (the lists of the
    /// gap format); `None` when absent or invalid.
    pub fn one_of<E: Copy>(
        &mut self,
        fields: &Fields,
        key: &str,
        required: bool,
        all: &'static [E],
        name: fn(E) -> &'static str,
    ) -> Option<E> {
        let (node, path) = self.field(fields, key, required)?;
        self.one_of_value(node, &path, all, name)
    }

    /// A value that must be one of `all` (see [`Reader::one_of`]).
    pub fn one_of_value<E: Copy>(
        &mut self,
        node: &Node,
        path: &JsonPath,
        all: &'static [E],
        name: fn(E) -> &'static str,
    ) -> Option<E> {
        self.name_index(node, path, &|i| all.get(i).map(|e| name(*e)))
            .map(|i| all[i])
    }

    /// The entries of an object whose keys are ids (a map: every key is known), each with
    /// its path; a key written twice is an error. Linear in the number of keys, which may
    /// be thousands.
    pub fn entries<'a, 'n>(
        &mut self,
        node: &'n Node<'a>,
        path: JsonPath,
    ) -> Option<Vec<(&'n str, &'n Node<'a>, JsonPath)>> {
        self.note(&path, node);
        let Node::Object(object) = node else {
            self.wrong_type(&path, node, Expected::Object);
            return None;
        };
        let mut seen = std::collections::HashSet::with_capacity(object.properties.len());
        let mut entries = Vec::with_capacity(object.properties.len());
        for prop in &object.properties {
            let key = prop.name.as_str();
            let at = path.key(key);
            if !seen.insert(key) {
                let kind = ProblemKind::DuplicateKey { key: key.into() };
                self.report_at(Severity::Error, &at, prop.range.start, kind);
                continue;
            }
            self.note(&at, &prop.value);
            entries.push((key, &prop.value, at));
        }
        Some(entries)
    }

    /// The position of a value in a list of names; reports it when it is not there. Not
    /// generic, so that the lists share one copy of it in the bundle.
    fn name_index(
        &mut self,
        node: &Node,
        path: &JsonPath,
        name_at: &dyn Fn(usize) -> Option<&'static str>,
    ) -> Option<usize> {
        let value = self.string_value(node, path)?;
        let mut allowed = Vec::new();
        while let Some(name) = name_at(allowed.len()) {
            if name == value {
                return Some(allowed.len());
            }
            allowed.push(name.to_string());
        }
        let kind = ProblemKind::UnknownValue { value, allowed };
        self.report_at(Severity::Error, path, node.range().start, kind);
        None
    }

    /// A list of strings (`None` when any is not a string).
    pub fn strings(&mut self, fields: &Fields, key: &str, required: bool) -> Option<Vec<String>> {
        self.list(fields, key, required, |r, node, path| {
            r.string_value(node, &path)
        })
    }

    /// The elements of an array field, each with its path.
    pub fn array<'a, 'n>(
        &mut self,
        fields: &Fields<'a, 'n>,
        key: &str,
        required: bool,
    ) -> Option<Vec<(&'n Node<'a>, JsonPath)>> {
        let (node, path) = self.field(fields, key, required)?;
        match node {
            Node::Array(array) => Some(
                array
                    .elements
                    .iter()
                    .enumerate()
                    .map(|(i, element)| {
                        let element_path = path.index(i);
                        self.note(&element_path, element);
                        (element, element_path)
                    })
                    .collect(),
            ),
            _ => {
                self.wrong_type(&path, node, Expected::Array);
                None
            }
        }
    }

    /// Every element of an array field, each read with `read` (all of them, so that every
    /// problem is reported). `None` when the field itself is wrong or required and missing,
    /// or when any element could not be read; an empty list when it is optional and absent.
    pub fn list<T>(
        &mut self,
        fields: &Fields,
        key: &str,
        required: bool,
        mut read: impl FnMut(&mut Self, &Node, JsonPath) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !required && !fields.has(key) {
            return Some(Vec::new());
        }
        // A plain loop rather than an iterator chain: each kind of item gets its own copy
        // of this in the bundle.
        let elements = self.array(fields, key, required)?;
        let mut items = Vec::with_capacity(elements.len());
        let mut failed = false;
        for (node, path) in elements {
            match read(self, node, path) {
                Some(item) => items.push(item),
                None => failed = true,
            }
        }
        (!failed).then_some(items)
    }
}
