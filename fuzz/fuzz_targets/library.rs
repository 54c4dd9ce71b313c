//! Any bytes as stored state of the library: a stored record
//! (`read_record`) and a library export to import (`read_export`). Either
//! reads or says why; what reads is written back to the same record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic_library::{read_export, read_record, write_record};

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let key = serde_json::from_str::<serde_json::Value>(&raw)
        .ok()
        .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
        .unwrap_or_default();
    if let Ok(story) = read_record(&key, &raw) {
        let written = write_record(&story);
        let again = read_record(&story.id, &written)
            .unwrap_or_else(|d| panic!("{written} is refused when read again: {}", d.why));
        assert_eq!(again, story, "{written} reads back as another story");
    }
    match read_export(&raw, &[]) {
        Ok(restore) => {
            for s in &restore.add {
                let written = write_record(s);
                assert!(read_record(&s.id, &written).is_ok(), "{written} is refused when read again");
            }
        }
        Err(e) => assert!(!e.message(true).is_empty() && !e.message(false).is_empty()),
    }
});
