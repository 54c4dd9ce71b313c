//! Entry point of the browser build: everything lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    synoptic_app::run();
}

/// Natively the crate only builds for its tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("synoptic-app runs in the browser: start it with `cargo xtask serve`.");
}
