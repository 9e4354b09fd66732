//! A config as text, through the reader the widget uses and the editor's reading of JSON
//! text (which also takes configs with errors the forms can mend).
#![no_main]

use libfuzzer_sys::fuzz_target;
use service_range_mapper::core::validate::load_text;
use service_range_mapper::editor_state::read_text;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = load_text(text);
        let _ = read_text(text);
    }
});
