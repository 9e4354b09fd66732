//! Importing directories and exporting the range as Open Referral HSDS 3.0, natively: each
//! reader on our fixtures (written from the schemas, see tests/fixtures/hsds/README.md),
//! each kind of problem with its file, row and column, the mapping proposals, applying,
//! and the round trips config → HSDS → config as property tests.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::configs::any_config;
use proptest::prelude::*;
use service_range_mapper::core::directory::{decode, Directory, ImportKind, Status};
use service_range_mapper::core::draft::{start, StartPoint};
use service_range_mapper::core::hsds_export::{
    address_parts, descriptor, to_json, to_tables, to_zip, with_hsds_ids,
};
use service_range_mapper::core::import::read_files;
use service_range_mapper::core::mapping::{apply, propose, Place, Reason};
use service_range_mapper::core::model::*;
use service_range_mapper::core::spreadsheet::template;
use service_range_mapper::core::text::Lang;

const FIXTURES: &str = "tests/fixtures/hsds";

fn file(name: &str) -> (String, Vec<u8>) {
    let path = format!("{FIXTURES}/{name}");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (name.rsplit('/').next().unwrap().to_string(), bytes)
}

fn folder(name: &str) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(format!("{FIXTURES}/{name}"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .map(|f| file(&format!("{name}/{f}")))
        .collect();
    files.sort();
    files
}

fn names(dir: &Directory) -> Vec<&str> {
    dir.listings.iter().map(|l| l.name.get(Lang::Fr)).collect()
}

fn errors(dir: &Directory) -> Vec<&ImportKind> {
    dir.problems
        .iter()
        .filter(|p| p.error)
        .map(|p| &p.kind)
        .collect()
}

// ---- Readers

#[test]
fn a_data_package_is_read_with_its_organisations_locations_phones_languages_and_schedules() {
    let dir = read_files(folder("package"));
    assert_eq!(
        errors(&dir),
        Vec::<&ImportKind>::new(),
        "{:#?}",
        dir.problems
    );
    assert_eq!(dir.organizations.len(), 4);
    assert_eq!(dir.listings.len(), 8);
    let closed = dir
        .listings
        .iter()
        .find(|l| l.name.get(Lang::Fr) == "Aide alimentaire")
        .unwrap();
    assert_eq!(closed.status, Status::TemporarilyClosed);
    let defunct = dir
        .listings
        .iter()
        .find(|l| l.name.get(Lang::Fr) == "Ancien programme jeunesse")
        .unwrap();
    assert_eq!(defunct.status, Status::Defunct);
    // The application process with a line break inside its quotes.
    let crisis = dir
        .listings
        .iter()
        .find(|l| l.name.get(Lang::Fr) == "Hébergement de crise")
        .unwrap();
    assert!(crisis
        .how_to_apply
        .as_ref()
        .unwrap()
        .get(Lang::Fr)
        .contains('\n'));
    assert_eq!(crisis.source.row, Some(5));
    // Schedules as text, languages, taxonomy terms as words for the mapping.
    assert!(dir.listings.iter().any(|l| l
        .hours
        .as_ref()
        .is_some_and(|h| h.get(Lang::Fr).contains("8 h 30"))));
    assert!(dir
        .listings
        .iter()
        .any(|l| l.languages.contains(&"es".to_string())));
    assert!(dir
        .listings
        .iter()
        .any(|l| l.terms.iter().any(|t| t == "Crise")));
    // Organisations get a phone and an address from their locations.
    let cisss = dir
        .organizations
        .iter()
        .find(|o| o.name.get(Lang::Fr).starts_with("CISSS"))
        .unwrap();
    assert!(cisss.phone.is_some(), "{cisss:?}");
    assert!(
        cisss
            .address
            .as_ref()
            .unwrap()
            .get(Lang::Fr)
            .contains("rue"),
        "{cisss:?}"
    );
    assert_eq!(cisss.source.row, Some(2));
}

#[test]
fn the_zip_of_a_package_reads_as_its_files() {
    let from_zip = read_files(vec![file("package.zip")]);
    let from_files = read_files(folder("package"));
    assert_eq!(
        errors(&from_zip),
        Vec::<&ImportKind>::new(),
        "{:#?}",
        from_zip.problems
    );
    assert_eq!(names(&from_zip), names(&from_files));
    assert_eq!(from_zip.organizations.len(), from_files.organizations.len());
}

#[test]
fn each_compiled_json_form_is_read() {
    for (name, services, organizations) in [
        ("service.json", 1, 1),
        ("services.json", 3, 2),
        ("service_list.json", 2, 2),
        ("organizations.json", 5, 2),
    ] {
        let dir = read_files(vec![file(name)]);
        assert_eq!(
            errors(&dir),
            Vec::<&ImportKind>::new(),
            "{name}: {:#?}",
            dir.problems
        );
        assert_eq!(dir.listings.len(), services, "{name}");
        assert_eq!(dir.organizations.len(), organizations, "{name}");
    }
    let one = read_files(vec![file("service.json")]);
    let listing = &one.listings[0];
    assert!(listing.id.is_some());
    assert!(listing.hours.is_some(), "{listing:?}");
    assert!(!listing.languages.is_empty());
    assert!(
        one.organizations[0].address.is_some(),
        "{:?}",
        one.organizations[0]
    );
}

#[test]
fn flat_spreadsheets_in_french_english_and_windows_1252_read_the_same_offers() {
    let fr = read_files(vec![file("flat-fr.csv")]);
    let en = read_files(vec![file("flat-en.csv")]);
    let cp = read_files(vec![file("flat-1252.csv")]);
    for dir in [&fr, &en, &cp] {
        assert_eq!(
            errors(dir),
            Vec::<&ImportKind>::new(),
            "{:#?}",
            dir.problems
        );
        assert_eq!(dir.listings.len(), 8);
        assert!(
            dir.listings
                .iter()
                .all(|l| l.availability.is_some() && l.access.is_some()),
            "{:#?}",
            dir.listings
        );
    }
    assert_eq!(names(&fr), names(&cp));
    // One organisation on three rows is one organisation.
    assert!(fr.organizations.len() < 8);
    // Windows-1252's curly apostrophe and dash are read as such.
    assert!(cp.listings.iter().any(|l| l
        .description
        .as_ref()
        .is_some_and(|d| d.get(Lang::Fr).contains('’'))));
    assert!(cp.listings.iter().any(|l| l
        .description
        .as_ref()
        .is_some_and(|d| d.get(Lang::Fr).contains('—'))));
    // A line break inside quotes (Alt+Enter) stays in the cell.
    assert!(fr.listings[1]
        .how_to_apply
        .as_ref()
        .unwrap()
        .get(Lang::Fr)
        .contains('\n'));
}

#[test]
fn a_file_of_mixed_encodings_reads_each_row_as_written_and_says_which() {
    let dir = read_files(vec![file("flat-mixed.csv")]);
    assert!(
        names(&dir).contains(&"Hébergement de crise"),
        "{:?}",
        names(&dir)
    );
    assert!(!names(&dir).iter().any(|n| n.contains('Ã')));
    let mixed = dir.problems.iter().find_map(|p| match &p.kind {
        ImportKind::MixedEncoding { rows } => Some(rows.clone()),
        _ => None,
    });
    assert_eq!(mixed, Some(vec![6]));
}

#[test]
fn formulas_in_cells_are_said_with_their_row_and_column_and_kept_as_text() {
    let dir = read_files(vec![file("flat-formula.csv")]);
    let at: Vec<(usize, String)> = dir
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ImportKind::Formula { .. }))
        .map(|p| {
            (
                p.row.unwrap(),
                service_range_mapper::core::directory::column_letter(p.column.as_ref().unwrap().1),
            )
        })
        .collect();
    assert!(at.contains(&(2, "E".into())), "{at:?}");
    assert!(at.contains(&(4, "O".into())), "{at:?}");
    assert!(at.contains(&(5, "G".into())), "{at:?}");
    // The website that is a formula is not a link: left out, said.
    assert!(dir
        .problems
        .iter()
        .any(|p| matches!(p.kind, ImportKind::BadLink { .. }) && p.row == Some(2)));
    assert!(names(&dir).contains(&"@SUM(A1)"));
}

#[test]
fn decoding_strips_the_bom_and_reads_windows_1252() {
    assert_eq!(decode(b"\xEF\xBB\xBFabc").0, "abc");
    assert_eq!(decode(b"caf\xe9 \x92 \x80").0, "café ’ €");
}

// ---- Bad input: every problem with its file, row and column

#[test]
fn bad_files_are_each_said_with_where() {
    let empty = read_files(vec![file("bad/empty.csv")]);
    assert_eq!(errors(&empty), vec![&ImportKind::Empty]);
    let png = read_files(vec![file("bad/image.png")]);
    assert_eq!(errors(&png), vec![&ImportKind::WrongKind]);
    let not = read_files(vec![file("bad/not-hsds.json")]);
    assert_eq!(errors(&not), vec![&ImportKind::NotHsds]);
    let broken = read_files(vec![file("bad/broken.json")]);
    assert!(matches!(errors(&broken)[..], [ImportKind::Syntax { .. }]));
    assert_eq!(broken.problems[0].line.map(|l| l.0), Some(3));
    let no_service = read_files(vec![file("bad/no-service-column.csv")]);
    assert!(
        matches!(&errors(&no_service)[..], [ImportKind::MissingColumn { names }] if names.contains(&"service".to_string()))
    );
    assert_eq!(no_service.problems[0].row, Some(1));

    let unknown = read_files(folder("bad/unknown-org"));
    let problem = unknown
        .problems
        .iter()
        .find(|p| matches!(p.kind, ImportKind::UnknownReference { .. }))
        .unwrap();
    assert_eq!(
        (problem.file.as_str(), problem.row),
        ("services.csv", Some(4))
    );
    assert_eq!(
        problem.column.as_ref().map(|c| (c.0.as_str(), c.1)),
        Some(("organization_id", 1))
    );
    let duplicate = read_files(folder("bad/duplicate-ids"));
    let problem = duplicate
        .problems
        .iter()
        .find(|p| matches!(p.kind, ImportKind::DuplicateId { .. }))
        .unwrap();
    assert_eq!(problem.row, Some(4));
    assert!(matches!(
        &problem.kind,
        ImportKind::DuplicateId { first: Some(2), .. }
    ));

    // All at once: every file's problems, nothing of the good file lost.
    let all = read_files(vec![
        file("bad/empty.csv"),
        file("bad/image.png"),
        file("flat-en.csv"),
    ]);
    assert_eq!(all.listings.len(), 8);
    assert_eq!(all.errors(), 2);
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let big = vec![b'a'; service_range_mapper::core::directory::MAX_FILE_BYTES + 1];
    let dir = read_files(vec![("big.csv".into(), big)]);
    assert!(matches!(errors(&dir)[..], [ImportKind::TooLarge { .. }]));
}

// ---- Mapping

#[test]
fn proposals_place_directory_services_in_the_reference_range_by_their_words() {
    let range = start(StartPoint::MentalHealthRange);
    let dir = read_files(folder("package"));
    let proposals = propose(&range, &dir);
    let place = |name: &str| {
        let i = dir
            .listings
            .iter()
            .position(|l| l.name.get(Lang::Fr) == name)
            .unwrap();
        proposals[i].clone()
    };
    assert_eq!(
        place("Groupe d'entraide").place,
        Place::Service("entraide".into())
    );
    assert_eq!(
        place("Hébergement de crise").place,
        Place::Service("crise".into())
    );
    assert_eq!(
        place("Aide alimentaire").place,
        Place::Service("subsistance".into())
    );
    // A general category ("Santé mentale") does not place a service: its name decides.
    assert!(matches!(
        place("Accueil psychosocial").place,
        Place::New { .. }
    ));
    // The words in common are said as the directory wrote them.
    assert!(matches!(&place("Groupe d'entraide").reason, Reason::Words(w) if w[0] == "entraide"));
    assert_eq!(
        place("Soutien aux familles et proches").place,
        Place::Service("soutien-proches".into())
    );
    assert!(matches!(
        place("Ancien programme jeunesse").reason,
        Reason::NotOffered(Status::Defunct)
    ));
    assert_eq!(place("Ancien programme jeunesse").place, Place::LeftOut);
}

#[test]
fn applying_makes_providers_services_and_offers_and_a_newer_copy_updates_them() {
    let range = start(StartPoint::MentalHealthRange);
    let dir = read_files(folder("package"));
    let places: Vec<Place> = propose(&range, &dir).into_iter().map(|p| p.place).collect();
    let (after, done) = apply(&range, &dir, &places, false);
    assert_eq!(done.providers_added, 4);
    assert_eq!(done.left_out.len(), 1);
    assert_eq!(after.offers.len(), 7 - merged(&after, &dir, &places));
    assert_eq!(done.offers_merged, merged(&after, &dir, &places));
    assert_eq!(done.offers_updated, 0, "nothing was there to update");
    assert!(after.offers.iter().all(|o| o.hsds.is_some()));
    let closed = after
        .offers
        .iter()
        .find(|o| o.availability == Availability::Partial);
    assert!(closed.is_some(), "temporarily closed → partial");
    // The draft is valid.
    let loaded = service_range_mapper::core::draft::check(&after);
    // (The reference range has no territory name yet: that is the only error.)
    assert!(
        loaded.problems.iter().all(|p| p.severity
            != service_range_mapper::core::problems::Severity::Error
            || p.path == "$.territory.name"),
        "{:#?}",
        loaded.problems
    );

    // The same directory again: everything updated, nothing added twice.
    let places_again: Vec<Place> = propose(&after, &dir).into_iter().map(|p| p.place).collect();
    let (again, done) = apply(&after, &dir, &places_again, false);
    assert_eq!(
        (done.providers_added, done.offers_added, done.services_added),
        (0, 0, 0)
    );
    assert_eq!(again, after);
}

/// Offers merged because two imported services of one organisation landed on one service.
fn merged(config: &Config, dir: &Directory, places: &[Place]) -> usize {
    let placed = dir
        .listings
        .iter()
        .zip(places)
        .filter(|(_, p)| **p != Place::LeftOut)
        .count();
    placed - config.offers.len()
}

#[test]
fn the_template_in_both_languages_reads_back_without_problem() {
    for lang in [Lang::Fr, Lang::En] {
        let dir = read_files(vec![("modele.csv".into(), template(lang).into_bytes())]);
        assert_eq!(dir.problems, vec![], "{lang:?}");
        assert_eq!(dir.listings.len(), 2);
        assert!(dir
            .listings
            .iter()
            .all(|l| l.tier.is_some() && l.availability.is_some()));
    }
}

// ---- Export and round trips

/// The range part of a config (what HSDS carries).
fn range_of(config: &Config) -> (Vec<Tier>, Vec<Service>, Vec<Provider>, Vec<Offer>) {
    (
        config.tiers.clone(),
        config.services.clone(),
        config.providers.clone(),
        config.offers.clone(),
    )
}

fn import_all(into: &Config, files: Vec<(String, Vec<u8>)>) -> Config {
    let dir = read_files(files);
    assert_eq!(dir.errors(), 0, "{:#?}", dir.problems);
    let places: Vec<Place> = propose(into, &dir).into_iter().map(|p| p.place).collect();
    apply(into, &dir, &places, true).0
}

fn package_files(config: &Config) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![(
        "datapackage.json".to_string(),
        descriptor(config).into_bytes(),
    )];
    files.extend(
        to_tables(config)
            .into_iter()
            .map(|(n, t)| (n, t.into_bytes())),
    );
    files
}

fn without_range(config: &Config) -> Config {
    let mut empty = config.clone();
    empty.tiers.clear();
    empty.services.clear();
    empty.providers.clear();
    empty.offers.clear();
    empty
}

#[test]
fn the_example_range_goes_out_and_comes_back_the_same() {
    let config = start(StartPoint::MentalHealthExample);
    let expected = with_hsds_ids(&config);
    let back = import_all(
        &without_range(&config),
        vec![("gamme.zip".into(), to_zip(&config))],
    );
    assert_eq!(range_of(&back), range_of(&expected));
    // Exported again, it gives the same files.
    assert_eq!(to_tables(&back), to_tables(&config));
}

#[test]
fn a_canadian_address_is_structured_for_hsds_and_comes_back_as_written() {
    let written = "125, rue Principale, Val-des-Collines (Québec) J0X 1K0";
    assert_eq!(
        address_parts(written),
        Some([
            "125, rue Principale".into(),
            "Val-des-Collines".into(),
            "QC".into(),
            "J0X 1K0".into()
        ])
    );
    assert_eq!(
        address_parts("45 King St W, Toronto, ON M5H1J8").map(|p| p[3].clone()),
        Some("M5H 1J8".into())
    );
    // Without province or postal code: not structured (HSDS requires them).
    assert_eq!(address_parts("120, rue Principale, Saint-Aurèle"), None);
    let mut config = start(StartPoint::MentalHealthExample);
    config.providers[0].contact.address =
        Some(service_range_mapper::core::text::Text::plain(written));
    let tables = to_tables(&config);
    let addresses = &tables.iter().find(|(n, _)| n == "addresses.csv").unwrap().1;
    assert!(
        addresses.contains("Val-des-Collines,,QC,J0X 1K0,CA"),
        "{addresses}"
    );
    for files in [
        package_files(&config),
        vec![("services.json".to_string(), to_json(&config).into_bytes())],
    ] {
        let back = import_all(&without_range(&config), files);
        let provider = back
            .providers
            .iter()
            .find(|p| p.id == config.providers[0].id)
            .unwrap();
        assert_eq!(
            provider.contact.address,
            config.providers[0].contact.address
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn config_to_data_package_to_config(config in any_config()) {
        let expected = with_hsds_ids(&config);
        let back = import_all(&without_range(&config), package_files(&config));
        prop_assert_eq!(range_of(&back), range_of(&expected));
    }

    #[test]
    fn config_to_json_to_config(config in any_config()) {
        // The JSON list carries the offers: imported into the same range, it gives them back.
        // (No offer: an empty list, which an import refuses as empty.)
        prop_assume!(!config.offers.is_empty());
        let expected = with_hsds_ids(&config);
        let mut range = expected.clone();
        range.providers.retain(|p| config.offers.iter().any(|o| o.provider == p.id));
        let mut into = range.clone();
        into.providers.clear();
        into.offers.clear();
        let mut back = import_all(&into, vec![("services.json".into(), to_json(&config).into_bytes())]);
        // Providers come in the order of their first service.
        back.providers.sort_by(|a, b| a.id.cmp(&b.id));
        range.providers.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(range_of(&back), range_of(&range));
    }
}

#[test]
#[ignore = "prints the proposals of the fixtures, to look at"]
fn print_proposals() {
    let range = start(StartPoint::MentalHealthRange);
    for files in [
        folder("package"),
        vec![file("flat-fr.csv")],
        vec![file("flat-en.csv")],
    ] {
        let dir = read_files(files);
        for (l, p) in dir.listings.iter().zip(propose(&range, &dir)) {
            println!("{:40} → {:?} {:?}", l.name.get(Lang::Fr), p.place, p.reason);
        }
    }
}

/// A flat spreadsheet of `n` rows, as the benchmark makes it.
fn flat_sheet(n: usize) -> Vec<u8> {
    let tiers = ["Proximité", "Intersectoriel", "Spécialisé"];
    let words = [
        "Accueil psychosocial",
        "Ligne d'écoute",
        "Groupe d'entraide",
        "Aide alimentaire",
        "Transport adapté",
        "Logement social",
    ];
    let mut text = String::from(
        "\u{feff}organisation;téléphone;service;palier;disponibilité;accès;admissibilité\r\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "Organisme {};819 555-{:04};{} {};{};Disponible;Accès direct;Adultes\r\n",
            i % 3000,
            i % 10000,
            words[i % words.len()],
            i % 500,
            tiers[i % 3]
        ));
    }
    text.into_bytes()
}

#[test]
#[ignore = "timings, natively: cargo test --release --test hsds timings -- --ignored --nocapture"]
fn timings() {
    let range = start(StartPoint::MentalHealthRange);
    let t = std::time::Instant::now();
    let dir = read_files(vec![("bottin.csv".into(), flat_sheet(10_000))]);
    println!("flat 10,000: read {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let proposals = propose(&range, &dir);
    println!("  propose {:?}", t.elapsed());
    let places: Vec<Place> = proposals.into_iter().map(|p| p.place).collect();
    let t = std::time::Instant::now();
    let (after, _) = apply(&range, &dir, &places, false);
    println!(
        "  apply {:?} ({} services, {} offers)",
        t.elapsed(),
        after.services.len(),
        after.offers.len()
    );
    let t = std::time::Instant::now();
    let json = to_json(&after);
    println!("  export JSON {:?} ({} bytes)", t.elapsed(), json.len());
    let t = std::time::Instant::now();
    let zip = to_zip(&after);
    println!("  export zip {:?} ({} bytes)", t.elapsed(), zip.len());
    let t = std::time::Instant::now();
    let back = read_files(vec![("x.zip".into(), zip)]);
    println!(
        "  read zip {:?} ({} listings)",
        t.elapsed(),
        back.listings.len()
    );
    let t = std::time::Instant::now();
    let p = propose(&range, &back);
    println!("  propose {:?} ({})", t.elapsed(), p.len());
}

// ---- The editor's import steps (its reducer)

#[test]
fn an_import_is_read_placed_applied_as_one_step_and_undone() {
    use service_range_mapper::editor_state::{
        EditorAction, EditorNotice, EditorState, ImportAction, Section,
    };
    use std::rc::Rc;
    use yew::Reducible;
    let range = start(StartPoint::MentalHealthRange);
    let state = Rc::new(EditorState::new(range.clone(), range.clone(), Lang::Fr));
    let dir = Rc::new(read_files(folder("package")));
    let state = state.reduce(EditorAction::Import(ImportAction::Read(dir.clone())));
    assert_eq!(state.section, Section::Directory);
    let step = state.import.as_ref().unwrap();
    assert_eq!(step.places.len(), 8);
    // Nothing applied yet.
    assert_eq!(*state.draft, range);
    let intake = dir
        .listings
        .iter()
        .position(|l| l.name.get(Lang::Fr) == "Accueil psychosocial")
        .unwrap();
    let state = state.reduce(EditorAction::Import(ImportAction::Place {
        index: intake,
        place: Place::Service("professionnels".into()),
    }));
    let step = state.import.as_ref().unwrap();
    assert!(step
        .result
        .offers
        .iter()
        .any(|o| o.service == "professionnels"));
    let state = state.reduce(EditorAction::Import(ImportAction::Apply));
    assert!(state.import.is_none());
    assert_eq!(state.draft.providers.len(), 4);
    assert!(
        matches!(&state.notice, Some(EditorNotice::Imported(done)) if done.left_out == vec!["Ancien programme jeunesse".to_string()])
    );
    // One undo takes it all back.
    let state = state.reduce(EditorAction::Undo);
    assert_eq!(*state.draft, range);
    // Dropped: the draft stays as it was.
    let state = state.reduce(EditorAction::Import(ImportAction::Read(dir)));
    let state = state.reduce(EditorAction::Import(ImportAction::Cancel));
    assert!(state.import.is_none());
    assert_eq!(*state.draft, range);
}

#[test]
fn an_organisation_without_an_email_of_its_own_gets_its_contacts() {
    let mut files = folder("package");
    let orgs = files
        .iter_mut()
        .find(|(n, _)| n == "organizations.csv")
        .unwrap();
    orgs.1 = String::from_utf8(orgs.1.clone())
        .unwrap()
        .replace("info@afpl.example", "")
        .into_bytes();
    let dir = read_files(files);
    let afpl = dir
        .organizations
        .iter()
        .find(|o| {
            o.name.get(Lang::Fr).contains("AFPL")
                || o.name.get(Lang::Fr).starts_with("Association des familles")
        })
        .unwrap();
    assert_eq!(afpl.email.as_deref(), Some("direction@afpl.example"));
}
