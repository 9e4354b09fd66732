//! A session file or a kept draft, as text: read, then checked against the example config
//! (orphans counted, as when a session meets another version of its config).
#![no_main]

use libfuzzer_sys::fuzz_target;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::draft::DraftFile;
use service_range_mapper::core::session::Session;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = DraftFile::read(text);
    if let Ok(session) = serde_json::from_str::<Session>(text) {
        let config = default_config().config.expect("the example is valid");
        let _ = session.check(&config);
        let _ = session.orphans(&config);
    }
});
