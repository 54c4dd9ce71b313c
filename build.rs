//! The embedded story's analysis, computed when the app is built: the page
//! ships it as data, in the comparison's compact bytes (`Story::embedded`
//! reads it back), so the analysis code itself stays out of the first load
//! and lives in the worker (`crates/worker`), which a reader's own story
//! loads.

use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let comparison = synoptic_core::compare::compare(&synoptic_core::corpus::embedded(), None);
    fs::write(out.join("embedded.bin"), comparison.to_bytes()).expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
}
