//! The readers against arbitrary input, natively: the committed corpus (`tests/corpus/`,
//! with the example configs) replayed, then a short deterministic run of mutations of it
//! — bytes flipped, cut, repeated, JSON tokens thrown in — through every reader of text
//! that comes from outside: the config reader (as the widget and the editor use it), the
//! editor's reading of JSON text and of kept drafts, session files and contribution files. Zero panics, and
//! every input, up to 1 MB, read in under a second.
//!
//! The directory importers (HSDS JSON, data packages and their .zip, flat spreadsheets) get
//! the same treatment on their own corpus: the fixtures of `tests/fixtures/hsds/`, each file
//! mutated as bytes (encodings and archives included), a package with one of its files
//! mutated, through reading, the mapping proposals and applying.
//!
//! `FUZZ_ITERATIONS=200000 cargo test --release --test fuzz -- --nocapture` runs longer
//! (the seed is printed; `FUZZ_SEED=…` replays one run).

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::mutate::{mutate_bytes, Rng};
use service_range_mapper::core::contribution::gather;
use service_range_mapper::core::draft::DraftFile;
use service_range_mapper::core::session::Session;
use service_range_mapper::core::validate::load_text;
use service_range_mapper::editor_state::read_text;
use std::time::{Duration, Instant};

/// Longest a reader may take on one input.
const LIMIT: Duration = Duration::from_secs(1);

/// A clock of the work done: this thread's CPU time where Linux tells it (in 10 ms steps),
/// so that a test run beside a build (the test command builds the bundles meanwhile) does
/// not count the time the thread waited for a core; elsewhere, the wall clock.
enum Clock {
    Cpu(Duration),
    Wall(Instant),
}

impl Clock {
    fn start() -> Clock {
        thread_cpu_time().map_or_else(|| Clock::Wall(Instant::now()), Clock::Cpu)
    }
    fn elapsed(&self) -> Duration {
        match self {
            Clock::Cpu(start) => thread_cpu_time().unwrap_or(*start).saturating_sub(*start),
            Clock::Wall(start) => start.elapsed(),
        }
    }
}

/// User + system time of this thread from /proc (fields 14 and 15, in clock ticks of
/// 1/100 s, Linux's fixed USER_HZ).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Every reader of outside text, on one input; panics propagate and fail the test.
fn read_everything(text: &str) -> Duration {
    let start = Clock::start();
    let loaded = load_text(text);
    if let Some(config) = &loaded.config {
        // A config that reads is also a config a session can be checked against.
        if let Ok(session) = serde_json::from_str::<Session>(text) {
            let _ = session.check(config);
        }
    }
    let _ = read_text(text);
    let _ = DraftFile::read(text);
    let config = service_range_mapper::core::defaults::default_config()
        .config
        .unwrap();
    if let Ok(session) = serde_json::from_str::<Session>(text) {
        let _ = session.check(&config);
        let _ = session.orphans(&config);
    }
    // Gathering reads the file and, when it reads, checks it against the example.
    let file = [("f.json".to_string(), text.to_string())];
    let _ = gather(&config, &Session::new(&config), &file);
    start.elapsed()
}

fn corpus() -> Vec<(String, String)> {
    let mut inputs = Vec::new();
    for dir in [
        "tests/corpus/config",
        "tests/corpus/session",
        "tests/corpus/contribution",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
            inputs.push((file.display().to_string(), text));
        }
    }
    for file in ["src/core/default_config.json", "www/examples/jeunesse.json"] {
        inputs.push((file.into(), std::fs::read_to_string(file).unwrap()));
    }
    inputs
}

/// One mutation of `text` (see [`mutate_bytes`]), as text again.
fn mutate(rng: &mut Rng, text: &str) -> String {
    String::from_utf8_lossy(&mutate_bytes(rng, text.as_bytes())).into_owned()
}

#[test]
fn the_corpus_reads_without_panic_and_in_time() {
    for (name, text) in corpus() {
        let took = read_everything(&text);
        assert!(took < LIMIT, "{name}: {took:?}");
    }
}

#[test]
fn mutations_of_the_corpus_read_without_panic_and_in_time() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5eed_cafe);
    println!("fuzz: {iterations} mutations, FUZZ_SEED={seed}");
    let corpus = corpus();
    let mut rng = Rng(seed | 1);
    for i in 0..iterations {
        let (name, text) = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, text);
        let took = read_everything(&input);
        assert!(took < LIMIT, "mutation {i} of {name} took {took:?}");
    }
}

#[test]
fn a_megabyte_of_anything_reads_in_under_a_second() {
    // A real config of about 1 MB, and 1 MB of deep or broken JSON.
    let services: Vec<String> = (0..4500)
        .map(|i| format!(r#"{{"id": "s{i}", "tier": "proximite", "label": {{"fr": "Service numéro {i} de la gamme", "en": "Service number {i} of the range"}}, "description": "Une description de quelques dizaines de caractères, pour le poids."}}"#))
        .collect();
    let big = format!(
        r#"{{"version": 1, "territory": {{"name": "T"}}, "services": [{}]}}"#,
        services.join(",")
    );
    assert!(big.len() > 700_000, "{}", big.len());
    #[cfg(target_os = "linux")]
    assert!(
        thread_cpu_time().is_some(),
        "the limit counts this thread's CPU time"
    );
    let inputs = [
        big.clone(),
        "[".repeat(1 << 20),
        format!("{}{}", "{\"a\":".repeat(1 << 17), "}".repeat(1 << 17)),
        "\"".to_string() + &"\\u00e9".repeat(170_000) + "\"",
        big.replace("\"tier\": \"proximite\"", "\"tier\": \"nulle-part\""),
        big.replace(',', ",,"),
    ];
    for input in inputs {
        let took = read_everything(&input);
        assert!(took < LIMIT, "{} bytes took {took:?}", input.len());
    }
}

// ---- The directory importers

use service_range_mapper::core::import::read_files;
use service_range_mapper::core::mapping::{apply, propose};

/// An import of these files, through to the draft it would make (panics fail the test);
/// the time of the reading (the importer's part; the benchmark times the rest).
fn import_everything(files: Vec<(String, Vec<u8>)>) -> Duration {
    let range = service_range_mapper::core::draft::start(
        service_range_mapper::core::draft::StartPoint::MentalHealthRange,
    );
    let start = Clock::start();
    let directory = read_files(files);
    let took = start.elapsed();
    let places: Vec<_> = propose(&range, &directory)
        .into_iter()
        .map(|p| p.place)
        .collect();
    let _ = apply(&range, &directory, &places, true);
    took
}

/// The import corpus: each fixture file alone, and the data package's files together.
fn import_corpus() -> Vec<Vec<(String, Vec<u8>)>> {
    let root = std::path::Path::new("tests/fixtures/hsds");
    let read = |path: &std::path::Path| -> (String, Vec<u8>) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        (name, std::fs::read(path).unwrap())
    };
    let files_in = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths
            .iter()
            .filter(|p| p.is_file())
            .map(|p| read(p))
            .collect()
    };
    let mut corpus: Vec<Vec<(String, Vec<u8>)>> = Vec::new();
    for dir in [root.to_path_buf(), root.join("bad")] {
        for file in files_in(&dir) {
            if !file.0.ends_with(".md") {
                corpus.push(vec![file]);
            }
        }
    }
    for package in ["package", "bad/unknown-org", "bad/duplicate-ids"] {
        corpus.push(files_in(&root.join(package)));
    }
    corpus
}

#[test]
fn the_import_corpus_reads_without_panic_and_in_time() {
    for files in import_corpus() {
        let name = files
            .iter()
            .map(|f| f.0.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let took = import_everything(files);
        assert!(took < LIMIT, "{name}: {took:?}");
    }
}

#[test]
fn mutations_of_the_import_corpus_read_without_panic_and_in_time() {
    let iterations: usize = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x1_5eed);
    println!("import fuzz: {iterations} mutations, FUZZ_SEED={seed}");
    let corpus = import_corpus();
    let mut rng = Rng(seed | 1);
    for i in 0..iterations {
        let mut files = corpus[rng.below(corpus.len())].clone();
        let which = rng.below(files.len());
        let name = files[which].0.clone();
        files[which].1 = mutate_bytes(&mut rng, &files[which].1);
        let took = import_everything(files);
        assert!(took < LIMIT, "mutation {i} of {name} took {took:?}");
    }
}

#[test]
fn a_megabyte_of_directory_imports_in_under_a_second() {
    let mut sheet = String::from("organisation;service;palier\n");
    let mut i = 0;
    while sheet.len() < 1 << 20 {
        sheet.push_str(&format!(
            "Organisme {};Accueil psychosocial {i};Proximité\n",
            i % 700
        ));
        i += 1;
    }
    let json = format!("[{}]", (0..3000).map(|i| format!(r#"{{"id": "s{i}", "name": "Ligne d'écoute {i}", "status": "active", "organization": {{"id": "o{}", "name": "Organisme {}", "description": ""}}, "description": "Une description de quelques dizaines de caractères pour le poids."}}"#, i % 500, i % 500)).collect::<Vec<_>>().join(","));
    let inputs: Vec<(String, Vec<u8>)> = vec![
        ("bottin.csv".into(), sheet.clone().into_bytes()),
        ("services.json".into(), json.into_bytes()),
        ("bottin.csv".into(), ";".repeat(1 << 20).into_bytes()),
        ("bottin.csv".into(), "\"".repeat(1 << 20).into_bytes()),
        ("services.json".into(), "[".repeat(1 << 20).into_bytes()),
        ("services.csv".into(), sheet.into_bytes()),
    ];
    for (name, bytes) in inputs {
        let size = bytes.len();
        let took = import_everything(vec![(name.clone(), bytes)]);
        println!("{name}, {size} bytes: {took:?}");
        assert!(took < LIMIT, "{name}, {size} bytes, took {took:?}");
    }
}
