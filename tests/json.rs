//! The JSON parser of the config reader (src/core/json.rs), natively: property tests with
//! serde_json as the oracle (values it writes, compactly and pretty, read back the same;
//! arbitrary and mutated texts accepted exactly when serde_json accepts them), then each
//! syntax error with its kind and offset, strings borrowed or decoded, positions, and
//! deep nesting.
//!
//! Where it differs from serde_json, on purpose (as `JSON.parse`): numbers beyond f64's
//! range (`1e999`) are accepted, as text, where serde_json says "number out of range";
//! containers nest 512 deep, serde_json's limit is 128. Both refuse lone surrogates
//! (`"\ud800"`), which `JSON.parse` accepts but a Rust string cannot hold.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use service_range_mapper::core::json::{parse, Error, Tree, Value, View, MAX_DEPTH};
use service_range_mapper::core::problems::SyntaxError;

/// The tree as serde_json's value (a key written twice keeps its last value, as
/// serde_json and `JSON.parse` do).
fn to_serde(value: Value) -> serde_json::Value {
    match value.view() {
        View::Object => serde_json::Value::Object(
            value
                .members()
                .map(|(key, _, value)| (key.to_string(), to_serde(value)))
                .collect(),
        ),
        View::Array => serde_json::Value::Array(value.elements().map(to_serde).collect()),
        View::String(s) => serde_json::Value::String(s.to_string()),
        // Numbers as serde_json reads their text (so the same float rounding).
        View::Number(n) => serde_json::from_str(n).expect(n),
        View::Bool(b) => serde_json::Value::Bool(b),
        View::Null => serde_json::Value::Null,
    }
}

fn parsed(text: &str) -> serde_json::Value {
    to_serde(
        parse(text)
            .unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
            .root(),
    )
}

fn error(text: &str) -> (SyntaxError, usize) {
    match parse(text) {
        Ok(tree) => panic!("{text:?} parsed: {:?}", to_serde(tree.root())),
        Err(Error { kind, offset }) => (kind, offset),
    }
}

/// Where serde_json refuses what `JSON.parse` (and this parser) accepts.
fn deliberate_difference(err: &serde_json::Error) -> bool {
    let message = err.to_string();
    message.contains("number out of range") || message.contains("recursion limit")
}

// ---- Property tests

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| n.into()),
        any::<u64>().prop_map(|n| n.into()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.into()),
        // Any characters: quotes, backslashes and control characters get escaped.
        any::<String>().prop_map(serde_json::Value::String),
        "[a-z\"\\\\/\u{0}-\u{1f}é\u{2028}😀]{0,12}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Characters that matter to JSON's grammar, and some that only look like they do.
const PIECES: &[char] = &[
    '{', '}', '[', ']', '"', ',', ':', '\\', ' ', '\t', '\n', '\r', '/', '*', '0', '1', '9', '-',
    '+', '.', 'e', 'E', 't', 'r', 'u', 'f', 'a', 'l', 's', 'n', 'x', '\'', '\u{0}', '\u{1f}',
    '\u{7f}', 'é', '\u{a0}', '\u{b}', '\u{c}', '\u{feff}', '\u{2028}',
];

/// A text with characters inserted, removed or replaced.
fn mutated(text: &str, edits: &[(usize, u8, usize)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, piece) in edits {
        let at = at % (chars.len() + 1);
        let piece = PIECES[piece % PIECES.len()];
        match op % 3 {
            0 => chars.insert(at, piece),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars[at] = piece,
            _ => chars.push(piece),
        }
    }
    chars.into_iter().collect()
}

/// This parser and serde_json agree on `text`: both refuse it, or both read the same.
fn agrees_with_serde(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => {
            let tree = ours.map_err(|e| TestCaseError::fail(format!("{text:?}: {e:?}")))?;
            prop_assert_eq!(to_serde(tree.root()), value, "{:?}", text);
        }
        Err(err) if deliberate_difference(&err) => {}
        Err(err) => prop_assert!(
            ours.is_err(),
            "{:?} accepted; serde_json says {}",
            text,
            err
        ),
    }
    Ok(())
}

proptest! {
    #[test]
    fn values_written_by_serde_json_read_back_the_same(value in any_json()) {
        let compact = serde_json::to_string(&value).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        for text in [compact, pretty] {
            let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(parsed(&text), expected);
        }
    }

    #[test]
    fn mutated_json_is_accepted_exactly_when_serde_json_accepts_it(
        value in any_json(),
        pretty in any::<bool>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..4),
    ) {
        let text = match pretty {
            true => serde_json::to_string_pretty(&value).unwrap(),
            false => serde_json::to_string(&value).unwrap(),
        };
        agrees_with_serde(&mutated(&text, &edits))?;
    }

    #[test]
    fn short_texts_are_accepted_exactly_when_serde_json_accepts_them(
        text in "[\\[\\]{}\",:0-9a-fnrtu \\\\/+.eE\t\n\r\u{0}\u{b}-]{0,24}",
    ) {
        agrees_with_serde(&text)?;
    }

    #[test]
    fn arbitrary_strings_are_accepted_exactly_when_serde_json_accepts_them(text in any::<String>()) {
        agrees_with_serde(&text)?;
    }

    #[test]
    fn string_literals_decode_as_serde_json_decodes_them(
        inner in "([a-zé😀 ]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}|\\\\u[dD][89abAB][0-9a-f]{2}\\\\u[dD][c-fC-F][0-9a-f]{2}){0,8}",
    ) {
        agrees_with_serde(&format!("\"{inner}\""))?;
    }
}

// ---- Errors: kind and offset

#[test]
fn each_syntax_error_has_its_kind_and_offset() {
    use SyntaxError::*;
    for (text, kind, offset) in [
        ("", Empty, 0),
        (" \n\t\r ", Empty, 0),
        ("// c", CommentsNotAllowed, 0),
        ("[1, /* c */ 2]", CommentsNotAllowed, 4),
        ("{\"a\": 1 // c\n}", CommentsNotAllowed, 8),
        ("{\"a\" /* c */: 1}", CommentsNotAllowed, 5),
        ("{} // c", CommentsNotAllowed, 3),
        ("[1,]", TrailingComma, 2),
        ("{\"a\": 1 , }", TrailingComma, 8),
        ("[1 2]", ExpectedComma, 2),
        ("{\"a\": 1\n \"b\": 2}", ExpectedComma, 7),
        ("[[] {}]", ExpectedComma, 3),
        ("[true false]", ExpectedComma, 5),
        ("{\"a\" 1}", ExpectedColon, 5),
        ("{\"a\"}", ExpectedColon, 4),
        ("{\"a\"", ExpectedColon, 4),
        ("{\"a\": }", ExpectedValue, 6),
        ("{\"a\":,\"b\":1}", ExpectedValue, 5),
        ("{\"a\":", ExpectedValue, 5),
        ("{a: 1}", ExpectedPropertyName, 1),
        ("{\"a\": 1, 2: 1}", ExpectedPropertyName, 9),
        ("{'a': 1}", UnexpectedToken, 1),
        ("['a']", UnexpectedToken, 1),
        ("{\"a\": [1, 2}", UnexpectedToken, 11),
        ("[1, 2}", UnexpectedToken, 5),
        ("{,}", UnexpectedToken, 1),
        ("[,1]", UnexpectedToken, 1),
        ("[1,,2]", UnexpectedToken, 3),
        ("]", UnexpectedToken, 0),
        ("NaN", UnexpectedToken, 0),
        ("Infinity", UnexpectedToken, 0),
        ("+1", UnexpectedToken, 0),
        ("True", UnexpectedToken, 0),
        ("truex", UnexpectedToken, 0),
        ("nul", UnexpectedToken, 0),
        ("undefined", UnexpectedToken, 0),
        ("[1 / 2]", UnexpectedToken, 3),
        ("\u{feff}{}", UnexpectedToken, 0),
        ("[\u{a0}1]", UnexpectedToken, 1),
        ("[\u{b}1]", UnexpectedToken, 1),
        ("[\u{c}1]", UnexpectedToken, 1),
        ("01", BadNumber, 1),
        ("-01", BadNumber, 2),
        ("1.", BadNumber, 2),
        ("1.e5", BadNumber, 2),
        (".5", BadNumber, 0),
        ("[-]", BadNumber, 2),
        ("-", BadNumber, 1),
        ("-Infinity", BadNumber, 1),
        ("1e", BadNumber, 2),
        ("1e+", BadNumber, 3),
        ("0x1F", BadNumber, 1),
        ("1.2.3", BadNumber, 3),
        ("[12a]", BadNumber, 3),
        ("\"a\\x41\"", BadString, 2),
        ("\"a\\u12\"", BadString, 2),
        ("\"\\u12G4\"", BadString, 1),
        ("\"\\ud800\"", BadString, 1),
        ("\"\\udc00\"", BadString, 1),
        ("\"\\ud800\\u0041\"", BadString, 1),
        ("\"\\ud800\\ud800\"", BadString, 1),
        ("\"\\'\"", BadString, 1),
        ("\"a\nb\"", BadString, 2),
        ("\"a\tb\"", BadString, 2),
        ("\"a\\n\u{0}\"", BadString, 4),
        ("\"\u{1f}\"", BadString, 1),
        ("{\"a\": \"b", UnterminatedString, 6),
        ("\"abc\\", UnterminatedString, 0),
        ("\"a\\nb", UnterminatedString, 0),
        ("{", UnterminatedObject, 0),
        ("[{\"a\": 1", UnterminatedObject, 1),
        ("{\"a\": 1,", UnterminatedObject, 0),
        ("[", UnterminatedArray, 0),
        ("{\"a\": [1", UnterminatedArray, 6),
        ("[1, ", UnterminatedArray, 0),
        ("{} {}", SeveralValues, 3),
        ("1 2", SeveralValues, 2),
        ("\"a\" \"b\"", SeveralValues, 4),
        ("{}}", SeveralValues, 2),
        ("[] x", SeveralValues, 3),
    ] {
        assert_eq!(error(text), (kind, offset), "{text:?}");
    }
}

#[test]
fn deep_nesting_stops_at_the_limit_without_overflowing_the_stack() {
    let deep = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    let tree = parse(&deep).unwrap();
    let (mut value, mut depth) = (tree.root(), 1);
    while let Some(inner) = value.elements().next() {
        (value, depth) = (inner, depth + 1);
    }
    assert_eq!(depth, MAX_DEPTH);
    let deeper = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
    assert_eq!(error(&deeper), (SyntaxError::TooDeep, MAX_DEPTH));
    assert_eq!(
        error(&"[".repeat(100_000)),
        (SyntaxError::TooDeep, MAX_DEPTH)
    );
    let objects = "{\"a\":".repeat(100_000) + &"}".repeat(100_000);
    assert_eq!(error(&objects), (SyntaxError::TooDeep, 5 * MAX_DEPTH));
    // A megabyte of brackets that close as they open is no depth at all.
    let wide = "[]".repeat(1 << 19);
    assert_eq!(error(&wide), (SyntaxError::SeveralValues, 2));
    let wide = format!("[{}[]]", "[],".repeat(1 << 18));
    assert_eq!(parse(&wide).unwrap().root().len(), (1 << 18) + 1);
}

// ---- Strings, numbers, positions

fn string_of<'a>(tree: &'a Tree, key: &str) -> &'a str {
    tree.root().get(key).and_then(Value::as_str).unwrap()
}

#[test]
fn escapes_are_decoded() {
    let text = r#"{"a": "q\"b\\s\/b\bf\fn\nr\rt\t", "u": "\u00e9\u20AC\ud83d\ude00 \u0000", "mixed": "é\n😀"}"#;
    let tree = parse(text).unwrap();
    assert_eq!(string_of(&tree, "a"), "q\"b\\s/b\u{8}f\u{c}n\nr\rt\t");
    assert_eq!(string_of(&tree, "u"), "é€😀 \u{0}");
    assert_eq!(string_of(&tree, "mixed"), "é\n😀");
    // Keys are strings too.
    let tree = parse(r#"{"\u0041b": 1}"#).unwrap();
    assert_eq!(tree.root().members().next().unwrap().0, "Ab");
}

#[test]
fn strings_without_escapes_are_borrowed_from_the_text() {
    let text = r#"{"plain": "texte ordinaire, accentué", "escaped": "a\nb", "key\"": 1}"#;
    let tree = parse(text).unwrap();
    let inside = |s: &str| text.as_bytes().as_ptr_range().contains(&s.as_ptr());
    let plain = string_of(&tree, "plain");
    assert!(inside(plain));
    assert_eq!(plain, "texte ordinaire, accentué");
    assert!(!inside(string_of(&tree, "escaped")));
    let keys: Vec<(&str, bool)> = tree
        .root()
        .members()
        .map(|(key, _, _)| (key, inside(key)))
        .collect();
    assert_eq!(keys, [("plain", true), ("escaped", true), ("key\"", false)]);
}

#[test]
fn numbers_stay_as_written() {
    let tree =
        parse("[0, -0, 12, -3.25, 1e999, 6.02E+23, 1E-7, 123456789012345678901234567890]").unwrap();
    let numbers: Vec<&str> = tree
        .root()
        .elements()
        .map(|n| n.as_number().unwrap())
        .collect();
    assert_eq!(
        numbers,
        [
            "0",
            "-0",
            "12",
            "-3.25",
            "1e999",
            "6.02E+23",
            "1E-7",
            "123456789012345678901234567890"
        ]
    );
}

#[test]
fn values_know_where_they_start() {
    let text = "{\n  \"a\": [1, {\"b\": \"x\"}, [], null],\n  \"c\": true,\n  \"a\": -2\n}";
    let tree = parse(text).unwrap();
    let root = tree.root();
    assert_eq!((root.start(), root.len()), (0, 3));
    let members: Vec<(&str, usize, usize)> = root
        .members()
        .map(|(key, key_start, value)| (key, key_start, value.start()))
        .collect();
    assert_eq!(members, [("a", 4, 9), ("c", 38, 43), ("a", 51, 56)]);
    let (_, _, array) = root.members().next().unwrap();
    assert_eq!(array.len(), 4);
    let starts: Vec<usize> = array.elements().map(Value::start).collect();
    assert_eq!(starts, [10, 13, 25, 29]);
    let object = array.elements().nth(1).unwrap();
    assert_eq!(object.view(), View::Object);
    let (key, key_start, b) = object.members().next().unwrap();
    assert_eq!(
        (key, key_start, b.start(), b.view()),
        ("b", 14, 19, View::String("x"))
    );
    assert_eq!(array.elements().nth(3).unwrap().view(), View::Null);
    assert!(array.elements().nth(2).unwrap().is_empty());
    // The last value of a key written twice, as JSON.parse keeps.
    assert_eq!(root.get("a").unwrap().view(), View::Number("-2"));
    assert_eq!(root.get("c").unwrap().as_bool(), Some(true));
    assert!(root.get("d").is_none());
    // Scalars have no children; containers of the other kind neither.
    assert_eq!(array.members().count(), 0);
    assert_eq!(root.elements().count(), 0);
    assert_eq!(b.len(), 0);
}

#[test]
fn only_json_whitespace_separates_tokens() {
    assert_eq!(parsed(" \t\r\n[ 1 ,\t2 ]\r\n "), serde_json::json!([1, 2]));
    for text in ["\u{b}1", "1\u{c}", "\u{a0}1", "\u{2028}1", "\u{feff}1"] {
        assert!(parse(text).is_err(), "{text:?}");
    }
}

#[test]
fn the_deliberate_differences_from_serde_json() {
    // Lone surrogates: refused by both (JSON.parse would accept them).
    for text in [
        r#""\ud800""#,
        r#""\udfff""#,
        r#""\ud800\u0041""#,
        r#""\ud800x""#,
    ] {
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "{text}"
        );
        assert_eq!(error(text), (SyntaxError::BadString, 1), "{text}");
    }
    // Numbers beyond f64 and nesting beyond 128: accepted, as JSON.parse does.
    for text in ["1e999".to_string(), "[".repeat(200) + &"]".repeat(200)] {
        let err = serde_json::from_str::<serde_json::Value>(&text).unwrap_err();
        assert!(deliberate_difference(&err), "{err}");
        assert!(parse(&text).is_ok());
    }
}

#[test]
fn the_end_of_a_string_is_found_wherever_it_is() {
    // Strings are scanned eight bytes at a time: every place in a word, and after it.
    for len in 0..20 {
        for special in [
            "\"", "\\n", "\\u00e9", "\n", "\u{0}", "\u{1f}", "é", "\u{7f}", " ",
        ] {
            for at in 0..=len {
                let inner = "a".repeat(at) + special + &"b".repeat(len - at);
                let text = format!("[\"{inner}\", \"{}\"]", "c".repeat(len));
                agrees_with_serde(&text).unwrap();
            }
        }
    }
}
