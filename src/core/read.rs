//! Reading parsed JSON into typed values, field by field, collecting every problem instead
//! of stopping at the first: each value's type, required fields, unknown fields (warnings),
//! keys written twice and values outside fixed lists. The parsed tree comes from
//! [`super::json`] (strict JSON, as `JSON.parse` reads it) and keeps where each value
//! starts in the text, so each problem carries its JSON path and its line and column.

use super::hash::Ids;
use super::json::{self, Elements, Value as Node, View};
use super::problems::{Expected, JsonPath, Position, Problem, ProblemKind, Severity};
use super::text::Text;
use std::cell::{Cell, OnceCell};
use std::ptr;

/// Reads values out of one parsed text and keeps the problems found.
///
/// Reading a big config is mostly reading values that are right: nothing is kept for the
/// problems it may have (no path written out, no position noted) until there is one. A
/// value's path is then written from its [`At`], and its position taken from the tree.
pub struct Reader<'t> {
    text: &'t str,
    /// The parsed text, where a problem found after reading looks up the value it is about.
    root: Option<Node<'t>>,
    /// Where each line starts; found when a problem first needs a line.
    line_starts: OnceCell<Vec<usize>>,
    /// The array whose element a problem was last about, and its elements from the next
    /// one on: problems are found element after element, and an element is reached by
    /// skipping the ones before it.
    last_element: Cell<Option<(Node<'t>, usize, Elements<'t>)>>,
    /// False when the text is our own serialisation of an object: positions would mean
    /// nothing to the author.
    with_positions: bool,
    pub problems: Vec<Problem>,
}

/// Where a value is: the steps to it from the root, on the stack while it is read, and
/// written out as a [`JsonPath`] only for a problem (most values have none).
#[derive(Clone, Copy, Debug)]
pub enum At<'p> {
    Root,
    Key(&'p At<'p>, &'p str),
    Index(&'p At<'p>, usize),
}

/// The root, to start paths from (`ROOT.key("services")`).
pub static ROOT: At<'static> = At::Root;

impl<'p> At<'p> {
    pub fn key(&'p self, key: &'p str) -> At<'p> {
        At::Key(self, key)
    }
    pub fn index(&'p self, i: usize) -> At<'p> {
        At::Index(self, i)
    }
    /// The JSON path, written out.
    pub fn path(&self) -> JsonPath {
        match *self {
            At::Root => JsonPath::root(),
            At::Key(parent, key) => {
                let mut path = parent.path();
                path.push_key(key);
                path
            }
            At::Index(parent, i) => {
                let mut path = parent.path();
                path.push_index(i);
                path
            }
        }
    }
}

/// How many fields an object read may have a place for in [`Fields`]: the most any object
/// read has (a contribution's gap, fourteen). An object with more known fields would have
/// its fields looked up in the object.
const MOST_FIELDS: usize = 16;

/// An object being read, and where it is.
pub struct Fields<'n, 'p> {
    object: Node<'n>,
    /// The fields the object may have, and the value of each it has (the last when written
    /// twice), found in one pass over its keys: the reading asks for each field, most of
    /// them absent, often several times.
    known: &'static [&'static str],
    values: [Option<Node<'n>>; MOST_FIELDS],
    pub at: At<'p>,
}

/// The place of `key` in `known`: usually asked with the very literal of the list, so
/// the same address, no bytes compared.
#[inline]
fn which(known: &[&str], key: &str) -> Option<usize> {
    known
        .iter()
        .position(|k| ptr::eq(*k, key))
        .or_else(|| known.iter().position(|k| *k == key))
}

impl<'n> Fields<'n, '_> {
    /// The value of a key (the last one when written twice, as `JSON.parse` does).
    pub fn get(&self, key: &str) -> Option<Node<'n>> {
        match which(self.known, key).and_then(|i| self.values.get(i)) {
            Some(value) => *value,
            None => self.object.get(key),
        }
    }
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl<'t> Reader<'t> {
    /// A reader of `text`, parsed into `root` (`None` when it is not JSON).
    pub fn new(text: &'t str, root: Option<Node<'t>>, with_positions: bool) -> Reader<'t> {
        Reader {
            text,
            root,
            line_starts: OnceCell::new(),
            last_element: Cell::new(None),
            with_positions,
            problems: Vec::new(),
        }
    }

    /// Line and column of a byte offset (column counted in characters).
    pub fn position(&self, offset: usize) -> Option<Position> {
        if !self.with_positions {
            return None;
        }
        let line_starts = self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        });
        let offset = offset.min(self.text.len());
        let line = line_starts.partition_point(|&start| start <= offset);
        let line_start = line_starts[line - 1];
        let column = self.text.get(line_start..offset)?.chars().count() + 1;
        Some(Position { line, column })
    }

    /// Reports a problem at a byte offset.
    pub fn report_at(&mut self, severity: Severity, at: At, offset: usize, kind: ProblemKind) {
        self.problems.push(Problem {
            severity,
            path: at.path().into_string(),
            position: self.position(offset),
            kind,
        });
    }

    /// Reports a problem about a value, at the value's start (or at the closest enclosing
    /// value in the text).
    pub fn report(&mut self, severity: Severity, at: At, kind: ProblemKind) {
        let offset = match self.root.filter(|_| self.with_positions) {
            Some(root) => self.value_at(root, &at).0.start(),
            None => 0,
        };
        self.report_at(severity, at, offset, kind);
    }

    pub fn error(&mut self, at: At, kind: ProblemKind) {
        self.report(Severity::Error, at, kind);
    }

    pub fn warning(&mut self, at: At, kind: ProblemKind) {
        self.report(Severity::Warning, at, kind);
    }

    fn wrong_type(&mut self, at: At, node: Node, expected: Expected) {
        let kind = ProblemKind::WrongType { expected };
        self.report_at(Severity::Error, at, node.start(), kind);
    }

    /// Opens an object: reports keys written twice (errors) and keys not in `known`
    /// (warnings: most likely typos).
    pub fn object<'n, 'p>(
        &mut self,
        node: Node<'n>,
        at: At<'p>,
        known: &'static [&'static str],
    ) -> Option<Fields<'n, 'p>> {
        if !node.is_object() {
            self.wrong_type(at, node, Expected::Object);
            return None;
        }
        let mut values = [None; MOST_FIELDS];
        // Known fields have a place each; unknown ones (rare) are looked for among the
        // keys before.
        let places = if known.len() <= MOST_FIELDS {
            known
        } else {
            &[]
        };
        for (i, (key, key_start, value)) in node.members().enumerate() {
            let field = places.iter().position(|k| *k == key);
            let written_before = match field {
                Some(place) => values[place].replace(value).is_some(),
                None => node.members().take(i).any(|(k, _, _)| k == key),
            };
            let (severity, kind) = if written_before {
                let kind = ProblemKind::DuplicateKey { key: key.into() };
                (Severity::Error, kind)
            } else if field.is_none() && !known.contains(&key) {
                let kind = ProblemKind::UnknownField { field: key.into() };
                (Severity::Warning, kind)
            } else {
                continue;
            };
            self.report_at(severity, at.key(key), key_start, kind);
        }
        Some(Fields {
            object: node,
            known: places,
            values,
            at,
        })
    }

    /// The value of a field; reports it missing when required.
    pub fn field<'n>(
        &mut self,
        fields: &Fields<'n, '_>,
        key: &str,
        required: bool,
    ) -> Option<Node<'n>> {
        let node = fields.get(key);
        if node.is_none() && required {
            let kind = ProblemKind::MissingField { field: key.into() };
            let start = fields.object.start();
            self.report_at(Severity::Error, fields.at.key(key), start, kind);
        }
        node
    }

    pub fn string(&mut self, fields: &Fields, key: &str, required: bool) -> Option<String> {
        let node = self.field(fields, key, required)?;
        self.string_value(node, fields.at.key(key))
    }

    pub fn string_value(&mut self, node: Node, at: At) -> Option<String> {
        self.str_value(node, at).map(str::to_string)
    }

    /// A string, borrowed from the tree.
    fn str_value<'n>(&mut self, node: Node<'n>, at: At) -> Option<&'n str> {
        let value = node.as_str();
        if value.is_none() {
            self.wrong_type(at, node, Expected::String);
        }
        value
    }

    pub fn text(&mut self, fields: &Fields, key: &str, required: bool) -> Option<Text> {
        let node = self.field(fields, key, required)?;
        self.text_value(node, fields.at.key(key))
    }

    /// A text: a plain string, or an object with `fr` and/or `en`.
    pub fn text_value(&mut self, node: Node, at: At) -> Option<Text> {
        match node.view() {
            View::String(s) => Some(Text::plain(s.to_string())),
            View::Object => {
                if let Some(text) = plain_text_object(node) {
                    return Some(text);
                }
                // Something is wrong with it: read field by field, saying what.
                let fields = self.object(node, at, &["fr", "en"])?;
                let fr = self.string(&fields, "fr", false);
                let en = self.string(&fields, "en", false);
                let (has_fr, has_en) = (fields.has("fr"), fields.has("en"));
                if !has_fr && !has_en {
                    self.wrong_type(fields.at, node, Expected::Text);
                    return None;
                }
                let failed = (has_fr && fr.is_none()) || (has_en && en.is_none());
                (!failed).then_some(Text {
                    plain: None,
                    fr,
                    en,
                })
            }
            _ => {
                self.wrong_type(at, node, Expected::Text);
                None
            }
        }
    }

    pub fn whole_number(&mut self, fields: &Fields, key: &str, required: bool) -> Option<u64> {
        let node = self.field(fields, key, required)?;
        let number = node.as_number().and_then(|n| n.parse::<u64>().ok());
        if number.is_none() {
            self.wrong_type(fields.at.key(key), node, Expected::WholeNumber);
        }
        number
    }

    pub fn boolean(&mut self, fields: &Fields, key: &str) -> Option<bool> {
        let node = self.field(fields, key, false)?;
        let value = node.as_bool();
        if value.is_none() {
            self.wrong_type(fields.at.key(key), node, Expected::Boolean);
        }
        value
    }

    /// One of a fixed list of names; absent gives the default; `None` when invalid.
    pub fn choice<E: Copy + Default>(
        &mut self,
        fields: &Fields,
        key: &str,
        choices: &[(&'static str, E)],
    ) -> Option<E> {
        let Some(node) = self.field(fields, key, false) else {
            return Some(E::default());
        };
        self.named(node, fields.at.key(key), choices)
    }

    /// A value that must be one of a fixed list of names.
    pub fn named<E: Copy>(
        &mut self,
        node: Node,
        at: At,
        choices: &[(&'static str, E)],
    ) -> Option<E> {
        let name_at = |i: usize| choices.get(i).map(|(name, _)| *name);
        self.name_index(node, at, &name_at).map(|i| choices[i].1)
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
        let node = self.field(fields, key, required)?;
        self.one_of_value(node, fields.at.key(key), all, name)
    }

    /// A value that must be one of `all` (see [`Reader::one_of`]).
    pub fn one_of_value<E: Copy>(
        &mut self,
        node: Node,
        at: At,
        all: &'static [E],
        name: fn(E) -> &'static str,
    ) -> Option<E> {
        self.name_index(node, at, &|i| all.get(i).map(|e| name(*e)))
            .map(|i| all[i])
    }

    /// The entries of an object whose keys are ids (a map: every key is known); a key
    /// written twice is an error. Linear in the number of keys, which may be thousands.
    pub fn entries<'n>(&mut self, node: Node<'n>, at: At) -> Option<Vec<(&'n str, Node<'n>)>> {
        if !node.is_object() {
            self.wrong_type(at, node, Expected::Object);
            return None;
        }
        let mut seen = Ids::default();
        seen.reserve(node.len());
        let mut entries = Vec::with_capacity(node.len());
        for (key, key_start, value) in node.members() {
            if seen.insert(key, 0).is_some() {
                let kind = ProblemKind::DuplicateKey { key: key.into() };
                self.report_at(Severity::Error, at.key(key), key_start, kind);
                continue;
            }
            entries.push((key, value));
        }
        Some(entries)
    }

    /// The position of a value in a list of names; reports it when it is not there (the
    /// list of names written out only then). Not generic, so that the lists share one copy
    /// of it in the bundle.
    fn name_index(
        &mut self,
        node: Node,
        at: At,
        name_at: &dyn Fn(usize) -> Option<&'static str>,
    ) -> Option<usize> {
        let value = self.str_value(node, at)?;
        let mut i = 0;
        while let Some(name) = name_at(i) {
            if name == value {
                return Some(i);
            }
            i += 1;
        }
        let kind = ProblemKind::UnknownValue {
            value: value.to_string(),
            allowed: (0..i).filter_map(name_at).map(str::to_string).collect(),
        };
        self.report_at(Severity::Error, at, node.start(), kind);
        None
    }

    /// A list of strings (`None` when any is not a string).
    pub fn strings(&mut self, fields: &Fields, key: &str, required: bool) -> Option<Vec<String>> {
        self.list(fields, key, required, |r, node, at| {
            r.string_value(node, at)
        })
    }

    /// An array field (checked to be one).
    pub fn array<'n>(
        &mut self,
        fields: &Fields<'n, '_>,
        key: &str,
        required: bool,
    ) -> Option<Node<'n>> {
        let node = self.field(fields, key, required)?;
        if !node.is_array() {
            self.wrong_type(fields.at.key(key), node, Expected::Array);
            return None;
        }
        Some(node)
    }

    /// Every element of an array field, each read with `read` (all of them, so that every
    /// problem is reported). `None` when the field itself is wrong or required and missing,
    /// or when any element could not be read; an empty list when it is optional and absent.
    pub fn list<'n, T>(
        &mut self,
        fields: &Fields<'n, '_>,
        key: &str,
        required: bool,
        mut read: impl FnMut(&mut Self, Node<'n>, At) -> Option<T>,
    ) -> Option<Vec<T>> {
        if !required && !fields.has(key) {
            return Some(Vec::new());
        }
        let array = self.array(fields, key, required)?;
        let at = fields.at.key(key);
        // A plain loop rather than an iterator chain: each kind of item gets its own copy
        // of this in the bundle.
        let mut items = Vec::with_capacity(array.len());
        let mut failed = false;
        for (i, node) in array.elements().enumerate() {
            match read(self, node, at.index(i)) {
                Some(item) => items.push(item),
                None => failed = true,
            }
        }
        (!failed).then_some(items)
    }

    /// The value at `at`, or the closest enclosing value when it is not in the tree (then
    /// with `false`). Problems found after reading are rare: their values are looked up
    /// from the root, rather than every value read noting where it is.
    fn value_at(&self, root: Node<'t>, at: &At) -> (Node<'t>, bool) {
        let (parent, child) = match *at {
            At::Root => return (root, true),
            At::Key(parent, key) => {
                let (parent, found) = self.value_at(root, parent);
                (parent, parent.get(key).filter(|_| found))
            }
            At::Index(parent, i) => {
                let (parent, found) = self.value_at(root, parent);
                let child = match found {
                    true => self.element(parent, i),
                    false => None,
                };
                (parent, child)
            }
        };
        match child {
            Some(child) => (child, true),
            None => (parent, false),
        }
    }

    /// Element `i` of an array, skipping on from the element last looked up when it is of
    /// the same array and before it.
    fn element(&self, array: Node<'t>, i: usize) -> Option<Node<'t>> {
        let (mut elements, skip) = match self.last_element.take() {
            Some((last, next, elements)) if last == array && next <= i => (elements, i - next),
            _ => (array.elements(), i),
        };
        let element = elements.nth(skip)?;
        self.last_element.set(Some((array, i + 1, elements)));
        Some(element)
    }
}

/// What is wrong with a text that is not JSON: one problem, at the character where it
/// stops being JSON (with its line and column when `with_positions`).
pub fn syntax_problems(text: &str, error: json::Error, with_positions: bool) -> Vec<Problem> {
    let mut r = Reader::new(text, None, with_positions);
    let kind = ProblemKind::Syntax { error: error.kind };
    r.report_at(Severity::Error, ROOT, error.offset, kind);
    r.problems
}

/// A text object as nearly all are (`fr` and/or `en`, each once, each a string), read in
/// one pass over its members; `None` for anything else, which the reader then reads field by
/// field to say what is wrong. Most objects of a large config are its texts.
fn plain_text_object(node: Node) -> Option<Text> {
    let (mut fr, mut en) = (None, None);
    for (key, _, value) in node.members() {
        let slot = match key {
            "fr" => &mut fr,
            "en" => &mut en,
            _ => return None,
        };
        if slot.replace(value.as_str()?).is_some() {
            return None;
        }
    }
    if fr.is_none() && en.is_none() {
        return None;
    }
    Some(Text {
        plain: None,
        fr: fr.map(str::to_string),
        en: en.map(str::to_string),
    })
}
