//! Any bytes as a metadata record: `Metadata::from_json` answers `Ok` or
//! `Err`, and a record it accepts survives a round trip through JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic_core::Metadata;

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    if let Ok(meta) = Metadata::from_json(&json) {
        let written = serde_json::to_string(&meta).expect("a record serialises");
        let read = Metadata::from_json(&written)
            .unwrap_or_else(|e| panic!("{written} is refused when read again: {e}"));
        assert_eq!(read, meta, "{written} reads back as another record");
    }
});
