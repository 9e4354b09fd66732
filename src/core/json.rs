//! A strict JSON parser of our own, giving a positioned tree for [`super::read`]: configs
//! and contribution files are read from it, each problem placed at its line and column.
//!
//! Why not a crate: jsonc-parser, used before, took about 19 ms of the 38 ms spent reading
//! a 5,000-service config in the browser (`JSON.parse` of the same text: 8 ms), and its
//! code weighed on the citizens' bundle, whose size budget had 2.8 KB left; jiter, tried as
//! the tokenizer of a flat tree, was fast enough (5.7 ms natively) but adds 9 KB (gzip) to
//! the bundle. This one scans bytes into one flat vector of nodes (reserved from the
//! text's length; no allocation per node), borrows every string that holds no escape
//! from the text and decodes the others into one side buffer, and leaves numbers as
//! their text (the reader parses the whole numbers it wants; no float parsing is pulled
//! in). Natively (release profile, the benchmark's 5,000-service config of 1.9 MB,
//! fastest of 30 runs): jsonc-parser 12.6 ms, this parser 2.4 ms (about half of it the
//! first touch of the node vector's fresh memory); the whole `load_text` 24 → 15 ms.
//! `tests/read_speed.rs` times it.
//!
//! It accepts exactly what `JSON.parse` accepts (RFC 8259), with two limits of its own:
//! a string may not hold an escaped lone surrogate (`"\ud800"`: a Rust string cannot hold
//! one; serde_json and jsonc-parser refuse it too), and containers nest at most
//! [`MAX_DEPTH`] deep (the parser keeps its own stack: no input can overflow the
//! thread's). Every refusal is a [`SyntaxError`] with the byte offset where the text goes
//! wrong.
//!
//! Tested in `tests/json.rs`: property tests against serde_json (generated values, as
//! written compactly and pretty, read back equal; arbitrary and mutated texts accepted
//! exactly when serde_json accepts them), each error's kind and offset, strings borrowed
//! or decoded, deep nesting; and through the config and contribution readers'
//! tests, `tests/fuzz.rs` and the fingerprint of `tests/read_speed.rs`.

use super::problems::SyntaxError;

/// How deep arrays and objects may nest (jsonc-parser stopped at 512 too).
pub const MAX_DEPTH: usize = 512;

/// Why a text is not JSON, and the byte offset where it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: SyntaxError,
    pub offset: usize,
}

/// A parsed text: its values as a flat list of nodes in the order they are written (a
/// container, then its whole subtree; an object's members as key, then value). Offsets
/// and indices are `u32`: texts are under 4 GB (a wasm32 memory holds no more).
pub struct Tree<'t> {
    text: &'t str,
    nodes: Vec<Node>,
    /// The strings that held escapes, decoded one after the other.
    decoded: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    /// A string without escapes, borrowed from the text.
    Plain,
    /// A string with escapes, decoded into [`Tree::decoded`].
    Escaped,
    Number,
    True,
    False,
    Null,
}

/// One value. What `a` and `b` hold depends on its kind:
/// - object, array: `a` is the index of the node after its subtree (its next sibling's),
///   `b` how many members or elements it has;
/// - string, number: `a..b` is its text (in the text, or in `decoded` when escaped);
/// - true, false, null: nothing.
#[derive(Clone, Copy)]
struct Node {
    kind: Kind,
    /// Where the value starts in the text (the `"` of a string).
    start: u32,
    a: u32,
    b: u32,
}

/// A value of a [`Tree`]: a cheap handle to copy around.
#[derive(Clone, Copy)]
pub struct Value<'a> {
    tree: &'a Tree<'a>,
    index: u32,
}

/// What a value is, with the text of strings and numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View<'a> {
    Object,
    Array,
    String(&'a str),
    /// A number as written (`-1.5e3`).
    Number(&'a str),
    Bool(bool),
    Null,
}

impl<'t> Tree<'t> {
    /// The value the text holds.
    pub fn root(&self) -> Value<'_> {
        Value {
            tree: self,
            index: 0,
        }
    }

    /// The index of the node after `index` and its subtree.
    #[inline(always)]
    fn after(&self, index: u32) -> u32 {
        let node = &self.nodes.as_slice()[index as usize];
        match node.kind {
            Kind::Object | Kind::Array => node.a,
            _ => index + 1,
        }
    }
}

// The accessors the reader calls for every value are `inline(always)`: in the bundle's
// profile (opt-level "z") they would stay calls, each of a line (a quarter of the
// reading's time natively). For the same reason nodes are indexed through `as_slice()`:
// a slice's indexing is built in, a `Vec`'s is a call.
impl<'a> Value<'a> {
    #[inline(always)]
    fn node(self) -> Node {
        self.tree.nodes.as_slice()[self.index as usize]
    }

    /// The byte offset where the value starts in the text.
    #[inline(always)]
    pub fn start(self) -> usize {
        self.node().start as usize
    }

    pub fn view(self) -> View<'a> {
        let node = self.node();
        let (a, b) = (node.a as usize, node.b as usize);
        match node.kind {
            Kind::Object => View::Object,
            Kind::Array => View::Array,
            Kind::Plain | Kind::Escaped => View::String(self.as_str().unwrap_or_default()),
            Kind::Number => View::Number(self.tree.text.get(a..b).unwrap_or_default()),
            Kind::True => View::Bool(true),
            Kind::False => View::Bool(false),
            Kind::Null => View::Null,
        }
    }

    #[inline(always)]
    pub fn is_object(self) -> bool {
        self.node().kind == Kind::Object
    }

    #[inline(always)]
    pub fn is_array(self) -> bool {
        self.node().kind == Kind::Array
    }

    /// The string, decoded (borrowed from the text when it held no escape).
    #[inline(always)]
    pub fn as_str(self) -> Option<&'a str> {
        let node = self.node();
        let (a, b) = (node.a as usize, node.b as usize);
        match node.kind {
            Kind::Plain => self.tree.text.get(a..b),
            Kind::Escaped => self.tree.decoded.get(a..b),
            _ => None,
        }
    }

    /// The number as written.
    pub fn as_number(self) -> Option<&'a str> {
        match self.view() {
            View::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self.view() {
            View::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// How many members (object) or elements (array); 0 for other values.
    #[inline(always)]
    pub fn len(self) -> usize {
        match self.node().kind {
            Kind::Object | Kind::Array => self.node().b as usize,
            _ => 0,
        }
    }

    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// An object's members in the order written, keys written twice included: (key,
    /// where the key starts, value). None for other values.
    pub fn members(self) -> Members<'a> {
        Members(self.children(self.is_object()))
    }

    /// An array's elements. None for other values.
    pub fn elements(self) -> Elements<'a> {
        Elements(self.children(self.is_array()))
    }

    /// The walk over this value's children, or over none when `wanted` is false.
    fn children(self, wanted: bool) -> Children<'a> {
        let count = if wanted { self.len() } else { 0 };
        Children {
            tree: self.tree,
            next: self.index + 1,
            left: count as u32,
        }
    }

    /// The value of `key` in an object: the last one when it is written twice, as
    /// `JSON.parse` keeps.
    pub fn get(self, key: &str) -> Option<Value<'a>> {
        let mut found = None;
        for (k, _, value) in self.members() {
            if k == key {
                found = Some(value);
            }
        }
        found
    }
}

/// The same value of the same tree.
impl PartialEq for Value<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.index == other.index
    }
}

/// The nodes of a container's children, walked by skipping each one's subtree.
#[derive(Clone)]
struct Children<'a> {
    tree: &'a Tree<'a>,
    next: u32,
    left: u32,
}

impl<'a> Children<'a> {
    #[inline(always)]
    fn next_value(&mut self) -> Option<Value<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let value = Value {
            tree: self.tree,
            index: self.next,
        };
        self.next = self.tree.after(self.next);
        Some(value)
    }
}

/// An array's elements (see [`Value::elements`]).
#[derive(Clone)]
pub struct Elements<'a>(Children<'a>);

impl<'a> Iterator for Elements<'a> {
    type Item = Value<'a>;
    #[inline(always)]
    fn next(&mut self) -> Option<Value<'a>> {
        self.0.next_value()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.0.left as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Elements<'_> {}

/// An object's members (see [`Value::members`]).
#[derive(Clone)]
pub struct Members<'a>(Children<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, usize, Value<'a>);
    #[inline(always)]
    fn next(&mut self) -> Option<Self::Item> {
        // A member is two nodes: the key (a string, no subtree), then the value and its
        // subtree.
        let key = self.0.next_value()?;
        let value = Value {
            tree: self.0.tree,
            index: self.0.next,
        };
        self.0.next = self.0.tree.after(value.index);
        Some((key.as_str().unwrap_or_default(), key.start(), value))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.0.left as usize;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Members<'_> {}

/// Parses a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Tree<'_>, Error> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        // A config has a value every 11 bytes or so: reserved once, grown rarely.
        nodes: Vec::with_capacity(text.len() / 8 + 4),
        decoded: String::new(),
    };
    parser.run()?;
    Ok(Tree {
        text,
        nodes: parser.nodes,
        decoded: parser.decoded,
    })
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    /// Where the parser is, in bytes.
    pos: usize,
    nodes: Vec<Node>,
    decoded: String,
}

fn fail<T>(kind: SyntaxError, offset: usize) -> Result<T, Error> {
    Err(Error { kind, offset })
}

/// Whether a byte continues a word (`truex` is one word, not `true` then `x`).
fn in_word(byte: Option<&u8>) -> bool {
    matches!(
        byte,
        Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'$' | 0x80..)
    )
}

impl Parser<'_> {
    fn byte(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// An error at the parser's place: a comment there is said to be one, whatever else
    /// was expected.
    fn error_here(&self, kind: SyntaxError) -> Error {
        let comment = matches!(self.bytes.get(self.pos..self.pos + 2), Some(b"//" | b"/*"));
        let kind = if comment {
            SyntaxError::CommentsNotAllowed
        } else {
            kind
        };
        Error {
            kind,
            offset: self.pos,
        }
    }

    fn fail_here<T>(&self, kind: SyntaxError) -> Result<T, Error> {
        Err(self.error_here(kind))
    }

    /// The error for what stands where a value should (`within`: its container).
    fn not_a_value(&self, within: Option<Node>) -> Error {
        let after_colon = within.is_some_and(|node| node.kind == Kind::Object);
        let kind = match (self.byte(), within) {
            (None | Some(b'}' | b']' | b','), _) if after_colon => SyntaxError::ExpectedValue,
            (None, Some(array)) => {
                return Error {
                    kind: SyntaxError::UnterminatedArray,
                    offset: array.start as usize,
                }
            }
            (Some(b'.'), _) => SyntaxError::BadNumber,
            _ => SyntaxError::UnexpectedToken,
        };
        self.error_here(kind)
    }

    fn push(&mut self, kind: Kind, start: usize, a: usize, b: usize) {
        self.nodes.push(Node {
            kind,
            start: start as u32,
            a: a as u32,
            b: b as u32,
        });
    }

    /// The whole text: one value, then only whitespace. Containers are kept on a stack
    /// of their own (`open`), not on the thread's.
    fn run(&mut self) -> Result<(), Error> {
        let mut open = [0u32; MAX_DEPTH];
        let mut depth = 0;
        self.skip_whitespace();
        if self.pos == self.bytes.len() {
            return fail(SyntaxError::Empty, 0);
        }
        loop {
            // A value is expected here.
            let at = self.pos;
            match self.byte() {
                Some(open_byte @ (b'{' | b'[')) => {
                    if depth == MAX_DEPTH {
                        return fail(SyntaxError::TooDeep, at);
                    }
                    let object = open_byte == b'{';
                    open[depth] = self.nodes.len() as u32;
                    depth += 1;
                    let kind = if object { Kind::Object } else { Kind::Array };
                    self.push(kind, at, 0, 0);
                    self.pos += 1;
                    self.skip_whitespace();
                    let close = if object { b'}' } else { b']' };
                    if self.byte() == Some(close) {
                        self.pos += 1;
                        depth -= 1;
                        self.close(open[depth]);
                    } else if object {
                        self.member(at, None)?;
                        continue;
                    } else {
                        continue;
                    }
                }
                Some(b'"') => self.string(at)?,
                Some(b'-' | b'0'..=b'9') => self.number(at)?,
                Some(b't') if self.word(b"true") => self.push(Kind::True, at, 0, 0),
                Some(b'f') if self.word(b"false") => self.push(Kind::False, at, 0, 0),
                Some(b'n') if self.word(b"null") => self.push(Kind::Null, at, 0, 0),
                _ => {
                    let within = (depth > 0).then(|| self.nodes[open[depth - 1] as usize]);
                    return Err(self.not_a_value(within));
                }
            }
            // After a value: the end of the text, or of its container, or a comma and the
            // next value.
            loop {
                let end = self.pos;
                self.skip_whitespace();
                if depth == 0 {
                    // Anything after the value: most often, the value was closed too early.
                    return match self.byte() {
                        None => Ok(()),
                        Some(_) => self.fail_here(SyntaxError::SeveralValues),
                    };
                }
                let container = open[depth - 1] as usize;
                self.nodes[container].b += 1;
                let Node { kind, start, .. } = self.nodes[container];
                let start = start as usize;
                let object = kind == Kind::Object;
                match self.byte() {
                    Some(b',') => {
                        let comma = self.pos;
                        self.pos += 1;
                        self.skip_whitespace();
                        if object {
                            self.member(start, Some(comma))?;
                        } else if self.byte() == Some(b']') {
                            return fail(SyntaxError::TrailingComma, comma);
                        }
                        break;
                    }
                    Some(b'}') if object => {}
                    Some(b']') if !object => {}
                    None if object => return fail(SyntaxError::UnterminatedObject, start),
                    None => return fail(SyntaxError::UnterminatedArray, start),
                    // The comma between is missing, where the previous value ends.
                    Some(b) if starts_value(b) => return fail(SyntaxError::ExpectedComma, end),
                    Some(_) => return self.fail_here(SyntaxError::UnexpectedToken),
                }
                // The container closes: it is a value of its own container.
                self.pos += 1;
                depth -= 1;
                self.close(container as u32);
            }
        }
    }

    /// Ends the container at `index`: its subtree is complete.
    fn close(&mut self, index: u32) {
        let next = self.nodes.len() as u32;
        self.nodes[index as usize].a = next;
    }

    /// An object's member, up to its value: the key and the colon (`comma`: where the
    /// comma before it is, when there is one).
    fn member(&mut self, object: usize, comma: Option<usize>) -> Result<(), Error> {
        let at = self.pos;
        match self.byte() {
            Some(b'"') => self.string(at)?,
            // Reached after a comma only: `{}` is read before.
            Some(b'}') => return fail(SyntaxError::TrailingComma, comma.unwrap_or(at)),
            None => return fail(SyntaxError::UnterminatedObject, object),
            // A name without its quotes (or a number).
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'$' | b'-' | 0x80..) => {
                return self.fail_here(SyntaxError::ExpectedPropertyName)
            }
            Some(_) => return self.fail_here(SyntaxError::UnexpectedToken),
        }
        self.skip_whitespace();
        if self.byte() != Some(b':') {
            return self.fail_here(SyntaxError::ExpectedColon);
        }
        self.pos += 1;
        self.skip_whitespace();
        Ok(())
    }

    /// `true`, `false` or `null` at the parser's place, as a whole word.
    fn word(&mut self, word: &[u8]) -> bool {
        let end = self.pos + word.len();
        let found = self.bytes.get(self.pos..end) == Some(word) && !in_word(self.bytes.get(end));
        if found {
            self.pos = end;
        }
        found
    }

    /// A string starting at `at` (its opening quote).
    fn string(&mut self, at: usize) -> Result<(), Error> {
        let bytes = self.bytes;
        let mut i = plain(bytes, at + 1);
        // Most strings hold no escape: found whole, borrowed.
        if bytes.get(i) == Some(&b'"') {
            self.push(Kind::Plain, at, at + 1, i);
            self.pos = i + 1;
            return Ok(());
        }
        let from = self.decoded.len();
        let mut run = at + 1;
        loop {
            // From `run` to `i`, plain characters (`i` is at an ASCII byte or the end: on a
            // character boundary).
            self.decoded
                .push_str(self.text.get(run..i).unwrap_or_default());
            match bytes.get(i) {
                Some(b'"') => {
                    self.push(Kind::Escaped, at, from, self.decoded.len());
                    self.pos = i + 1;
                    return Ok(());
                }
                Some(b'\\') => match escape(bytes, i) {
                    Some((c, len)) => {
                        self.decoded.push(c);
                        i += len;
                    }
                    None if i + 1 == bytes.len() => {
                        return fail(SyntaxError::UnterminatedString, at)
                    }
                    None => return fail(SyntaxError::BadString, i),
                },
                // A line break, a tab or another control character, which must be escaped.
                Some(_) => return fail(SyntaxError::BadString, i),
                None => return fail(SyntaxError::UnterminatedString, at),
            }
            run = i;
            i = plain(bytes, i);
        }
    }

    /// A number starting at `at`, checked as JSON writes them; kept as text.
    fn number(&mut self, at: usize) -> Result<(), Error> {
        let bytes = self.bytes;
        let digit = |i: usize| matches!(bytes.get(i), Some(b'0'..=b'9'));
        let digits = |mut i: usize| {
            while digit(i) {
                i += 1;
            }
            i
        };
        let mut i = at + usize::from(bytes[at] == b'-');
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i + 1),
            _ => return fail(SyntaxError::BadNumber, i),
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if !digit(i) {
                return fail(SyntaxError::BadNumber, i);
            }
            i = digits(i);
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            if !digit(i) {
                return fail(SyntaxError::BadNumber, i);
            }
            i = digits(i);
        }
        // A number running on: "01", "0x1F", "1.2.3", "2nd".
        if in_word(bytes.get(i)) || bytes.get(i) == Some(&b'.') {
            return fail(SyntaxError::BadNumber, i);
        }
        self.push(Kind::Number, at, at, i);
        self.pos = i;
        Ok(())
    }
}

/// Where the plain characters of a string that go on from `i` end: at its closing quote,
/// a backslash, a control character (to be refused), or the end of the text. Eight bytes
/// at a time: strings are most of a config's bytes.
fn plain(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `word` below `n` (exact up to the first such byte).
    let below = |word: u64, n: u64| word.wrapping_sub(ONES * n) & !word & HIGH;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let found = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// Whether a byte starts a value (or a name without its quotes, written by mistake).
fn starts_value(byte: u8) -> bool {
    matches!(byte, b'"' | b'-' | b'0'..=b'9' | b'{' | b'[' | b'a'..=b'z' | b'A'..=b'Z')
}

/// The escape at `at` (its backslash): the character, and how many bytes it takes;
/// `None` when it is not one JSON allows.
fn escape(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let c = match bytes.get(at + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let (code, len) = match hex(bytes, at + 2)? {
                // A high surrogate and its low one, escaped each.
                high @ 0xd800..=0xdbff if bytes.get(at + 6..at + 8) == Some(b"\\u") => {
                    match hex(bytes, at + 8)? {
                        low @ 0xdc00..=0xdfff => {
                            (0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), 12)
                        }
                        _ => return None,
                    }
                }
                code => (code, 6),
            };
            // A lone surrogate is no character.
            return char::from_u32(code).map(|c| (c, len));
        }
        _ => return None,
    };
    Some((c, 2))
}

/// Four hexadecimal digits at `at`.
fn hex(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let mut value = 0;
    for &d in digits {
        value = value * 16 + (d as char).to_digit(16)?;
    }
    Some(value)
}
