//! The config reader's speed, and a fingerprint of its results to compare two versions of
//! it: both `#[ignore]`d, run by hand.
//!
//! - `cargo test --release --test read_speed -- --ignored --nocapture time_` prints the
//!   median time of `load_text` on generated configs of 1,000 and 5,000 services (the
//!   browser benchmark's `generated()` of scripts/bench.mjs, written out the same way).
//! - `FINGERPRINT=/tmp/before.txt cargo test --release --test read_speed -- --ignored
//!   fingerprint` writes one line per input (the corpus, the examples, generated configs
//!   and thousands of deterministic mutations of them): a hash of `format!("{:?}")` of what
//!   `load_text` (and, for contribution files, `contribution::read`) returned. Two versions
//!   of the reader give the same file when they give the same results.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::mutate::{mutate_bytes, Rng};
use service_range_mapper::core::contribution;
use service_range_mapper::core::validate::load_text;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// `generated(n)` of scripts/bench.mjs: `n` services over three tiers, n/4 providers,
/// about 1.5 offers each, as `JSON.stringify` writes it. With `relations`, a continuum
/// too, of that many relations between providers (some of them wrong on purpose when
/// `faults`).
fn generated(n: usize, relations: usize, faults: bool) -> String {
    let provider_count = (n / 4).max(1);
    let tiers = ["proximite", "intersectoriel", "specialise"];
    let kinds = [
        "public_establishment",
        "community_organisation",
        "private_practice",
        "intersectoral_partner",
    ];
    let availability = ["available", "partial", "waiting_list", "planned"];
    let access = [
        "direct",
        "single_access_point",
        "referral",
        "service_corridor",
        "service_agreement",
        "liaison_officer",
    ];
    let mut s = String::new();
    let _ = write!(
        s,
        r#"{{"version":1,"id":"bench-{n}","territory":{{"name":"Territoire généré ({n} services)","kind":"region"}},"services":["#
    );
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            r#"{{"id":"s{i}","tier":"{}","label":{{"fr":"Service numéro {i} de la gamme","en":"Service number {i} of the range"}},"description":{{"fr":"Description du service {i}.","en":"Description of service {i}."}}}}"#,
            tiers[i % 3]
        );
    }
    s.push_str(r#"],"providers":["#);
    for i in 0..provider_count {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            r#"{{"id":"p{i}","name":{{"fr":"Organisme {i}","en":"Organisation {i}"}},"kind":"{}","contact":{{"phone":"418 555-{:04}","email":"p{i}@example.org","web":"https://example.org/p{i}"}},"languages":["fr","en"]}}"#,
            kinds[i % kinds.len()],
            i % 10000
        );
    }
    s.push_str(r#"],"offers":["#);
    let mut first = true;
    for i in 0..n {
        if i % 7 == 0 {
            continue;
        }
        if !first {
            s.push(',');
        }
        first = false;
        let _ = write!(
            s,
            r#"{{"provider":"p{}","service":"s{i}","availability":"{}","access":"{}"}}"#,
            i % provider_count,
            availability[i % 4],
            access[i % 6]
        );
        if i % 2 == 0 {
            let _ = write!(
                s,
                r#",{{"provider":"p{}","service":"s{i}","availability":"available","access":"referral"}}"#,
                (i + 1) % provider_count
            );
        }
    }
    s.push(']');
    if relations > 0 {
        let levels = [
            "none",
            "communication",
            "cooperation",
            "coordination",
            "coalition",
            "integration",
        ];
        let mechanisms = ["service_agreement", "referral_forms", "liaison_officer"];
        s.push_str(r#","continuum":{"scale":"five_steps","relations":["#);
        for r in 0..relations {
            if r > 0 {
                s.push(',');
            }
            let a = r % provider_count;
            let mut b = (r / provider_count + a + 1) % provider_count;
            if faults && r % 97 == 0 {
                b = a; // with itself
            }
            let unknown = if faults && r % 89 == 0 { "x" } else { "" };
            let _ = write!(
                s,
                r#"{{"providers":["p{a}","p{b}{unknown}"],"level":"{}","target":"{}","mechanisms":["{}"],"services":["s{}","s{}{unknown}"],"note":"Relation {r}"}}"#,
                levels[r % 5],
                levels[r % 5 + 1],
                mechanisms[r % 3],
                r % n.max(1),
                (r * 7) % n.max(1)
            );
        }
        s.push_str("]}");
    }
    s.push('}');
    s
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
#[ignore]
fn time_load_text_on_generated_configs() {
    for (n, relations) in [(1000, 0), (5000, 0), (1000, 1000)] {
        let text = generated(n, relations, false);
        let loaded = load_text(&text);
        assert!(loaded.config.is_some(), "{:?}", &loaded.problems[..1]);
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
        let runs = if n >= 5000 { 41 } else { 101 };
        let times: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let loaded = load_text(std::hint::black_box(&text));
                let took = start.elapsed();
                std::hint::black_box(loaded);
                took
            })
            .collect();
        // The parser's part (src/core/json.rs): parsing alone (and dropping the tree).
        let parsing: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                let parsed = service_range_mapper::core::json::parse(std::hint::black_box(&text));
                std::hint::black_box(&parsed);
                drop(parsed);
                start.elapsed()
            })
            .collect();
        println!(
            "load_text, {n} services, {relations} relations ({} KB): median {:?} (parsing alone: {:?})",
            text.len() / 1024,
            median(times),
            median(parsing)
        );
    }
}

/// FNV-1a, 64 bits: the same on every run and version (unlike the std hasher).
fn fnv(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Where the string literals of a text are (byte ranges, quotes included), found
/// roughly: good enough to swap them.
fn string_literals(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            if i < bytes.len() {
                found.push((start, i + 1));
            }
        }
        i += 1;
    }
    found
}

/// Values thrown in where a string literal was: wrong types, blank or odd strings, names
/// of fields and of fixed lists' values.
const VALUES: &[&str] = &[
    "1",
    "-1",
    "1.5",
    "true",
    "null",
    "{}",
    "[]",
    "[1]",
    "\"\"",
    "\" \"",
    "\"none\"",
    "\"p0\"",
    "\"s1\"",
    "\"proximite\"",
    "\"a b\"",
    "\"a.b\"",
    "\"x[0]\"",
    "\"q\\\"uote\"",
    "\"é\"",
    "{\"fr\": \"\"}",
    "{\"en\": 1}",
    "{\"fr\": \"a\", \"de\": \"b\"}",
    "{\"fr\": \"a\", \"fr\": \"b\"}",
    "\"javascript:alert(1)\"",
    "\"mailto:x\"",
    "\"id\"",
    "\"label\"",
    "\"kind\"",
    "\"version\"",
    "\"coalition\"",
    "\"integration\"",
    "\"\\u001f\"",
    "[\"p0\", \"p0\"]",
    "[\"p0\", \"p1\", \"p2\"]",
];

/// One mutation: bytes (as tests/fuzz.rs: mostly broken JSON) or, half the time, string
/// literals swapped or replaced (mostly JSON still, wrong in what it says).
fn mutate(rng: &mut Rng, text: &str) -> String {
    if rng.below(2) == 0 {
        return String::from_utf8_lossy(&mutate_bytes(rng, text.as_bytes())).into_owned();
    }
    let mut text = text.to_string();
    for _ in 0..=rng.below(6) {
        let literals = string_literals(&text);
        if literals.is_empty() {
            break;
        }
        let (start, end) = literals[rng.below(literals.len())];
        let with = match rng.below(3) {
            0 => {
                let (s, e) = literals[rng.below(literals.len())];
                text[s..e].to_string()
            }
            1 => VALUES[rng.below(VALUES.len())].to_string(),
            _ => {
                // A property or element repeated or dropped.
                let (s, e) = literals[rng.below(literals.len())];
                format!("{}, {}", &text[start..end], &text[s..e])
            }
        };
        text.replace_range(start..end, &with);
    }
    text
}

#[test]
#[ignore]
fn fingerprint_of_results() {
    let out = std::env::var("FINGERPRINT").unwrap_or("/tmp/fingerprint.txt".into());
    let mut inputs: Vec<(String, String)> = Vec::new();
    let mut names: Vec<_> = [
        "tests/corpus/config",
        "tests/corpus/contribution",
        "www/examples",
    ]
    .iter()
    .flat_map(|dir| std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()))
    .filter(|p| p.extension().is_some_and(|e| e == "json"))
    .collect();
    names.push("src/core/default_config.json".into());
    names.sort();
    for name in names {
        let text = String::from_utf8_lossy(&std::fs::read(&name).unwrap()).into_owned();
        inputs.push((name.display().to_string(), text));
    }
    for (n, relations, faults) in [
        (1000, 0, false),
        (5000, 0, false),
        (30, 40, true),
        (200, 300, true),
        (12, 0, false),
    ] {
        inputs.push((
            format!("generated({n}, {relations}, {faults})"),
            generated(n, relations, faults),
        ));
    }
    // Listed tiers (one empty), the config's own levels with criteria, offers whose ids
    // hold the separator of the duplicate-offer check.
    inputs.push((
        "tiers and levels".into(),
        r#"{"version": 1, "territory": {"name": "T", "kind": "region", "population": 12, "example": true},
        "tiers": [{"id": "a", "label": "A"}, {"id": "b", "label": {"fr": "B"}, "description": "d"}, {"id": "c", "label": "C"}],
        "services": [{"id": "s1", "tier": "a", "label": "S1", "examples": ["e", {"en": "f"}]}, {"id": "s2", "tier": "b", "label": "S2", "hsds": "h"}],
        "providers": [{"id": "p\u001fq", "name": "P", "kind": "private_practice", "languages": ["fr"], "contact": {"address": "x", "phone": "418 555-1234"}}, {"id": "p", "name": "Q"}, {"id": "r", "name": "R"}],
        "offers": [{"provider": "p\u001fq", "service": "s1"}, {"provider": "p", "service": "q\u001fs1"}, {"provider": "p", "service": "s2", "hours": "9-5"}, {"provider": "p", "service": "s2"}],
        "continuum": {"levels": [{"id": "l1", "label": "L1", "criteria": [{"aspect": "governance", "text": "t"}]}, {"id": "l2", "label": "L2"}],
          "relations": [{"providers": ["p", "r"], "level": "l2", "target": "l1", "mechanisms": ["referral_forms"]}, {"providers": ["r", "p"], "level": "none"}]}}"#.into(),
    ));
    let iterations: usize = std::env::var("ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6000);
    let mut rng = Rng(0x5eed_f00d);
    let corpus = inputs.clone();
    for i in 0..iterations {
        let (name, text) = &corpus[rng.below(corpus.len())];
        // The big generated configs less often: they take long to hash.
        if text.len() > 200_000 && rng.below(8) != 0 {
            continue;
        }
        inputs.push((format!("mutation {i} of {name}"), mutate(&mut rng, text)));
    }
    let mut lines = String::new();
    let (mut problems, mut configs) = (0usize, 0usize);
    let mut kinds = std::collections::BTreeMap::new();
    for (name, text) in &inputs {
        let loaded = load_text(text);
        problems += loaded.problems.len();
        for p in &loaded.problems {
            let kind = format!("{:?}", p.kind);
            let name = kind.split([' ', '{', '(']).next().unwrap_or_default();
            *kinds.entry(name.to_string()).or_insert(0usize) += 1;
        }
        configs += usize::from(loaded.config.is_some());
        let dump = format!("{loaded:?}");
        let read = format!("{:?}", contribution::read(text));
        let _ = writeln!(
            lines,
            "{name}\t{}\t{:016x}\t{}\t{:016x}",
            dump.len(),
            fnv(&dump),
            loaded.problems.len(),
            fnv(&read)
        );
    }
    std::fs::write(&out, lines).unwrap();
    println!(
        "{} inputs, {problems} problems, {configs} configs read: {out}",
        inputs.len()
    );
    println!("problems by kind: {kinds:?}");
}
