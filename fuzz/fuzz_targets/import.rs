//! A file given to the range editor's import, read as each kind it may be taken for (HSDS
//! JSON, a flat spreadsheet, a data package's services table, a .zip), then placed in the
//! reference range and applied. The fixtures of `tests/fixtures/hsds/` are a corpus as
//! they are.
#![no_main]

use libfuzzer_sys::fuzz_target;
use service_range_mapper::core::draft::{start, StartPoint};
use service_range_mapper::core::import::read_files;
use service_range_mapper::core::mapping::{apply, propose};

fuzz_target!(|data: &[u8]| {
    let range = start(StartPoint::MentalHealthRange);
    for name in ["services.json", "bottin.csv", "services.csv", "paquet.zip"] {
        let directory = read_files(vec![(name.to_string(), data.to_vec())]);
        let places: Vec<_> = propose(&range, &directory).into_iter().map(|p| p.place).collect();
        let _ = apply(&range, &directory, &places, true);
    }
});
