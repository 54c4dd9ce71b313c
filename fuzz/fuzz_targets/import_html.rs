//! Any bytes as a saved web page (`synoptic_import::import` on a `.html`
//! file): an article list or an error with its message in both languages,
//! never a panic; every article it gives is accepted or refused by the
//! library's checks as a pasted text would be, and is analysed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: synoptic_fuzz::install_overflow_handler(), |data: &[u8]| {
    let data = data.to_vec();
    synoptic_fuzz::with_browser_stack(move || synoptic_fuzz::check_import("file.html", &data));
});
