//! A contribution file, as text: read, then gathered into an empty session of the example
//! config (identity, version and orphans checked).
#![no_main]

use libfuzzer_sys::fuzz_target;
use service_range_mapper::core::contribution::gather;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::session::Session;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = default_config().config.expect("the example is valid");
    let _ = gather(
        &config,
        &Session::new(&config),
        &[("f.json".to_string(), text.to_string())],
    );
});
