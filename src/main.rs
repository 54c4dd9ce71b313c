//! Entry point of the browser build: everything lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    synoptic_app::run();
}

/// Natively, `synoptic-app prerender` prints the story overview rendered in
/// each interface language as JSON (`{"it": "<…>", "en": "<…>"}`); the
/// release build puts it in `index.html` so the page shows the story before
/// the WebAssembly has loaded.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use synoptic_app::{app::prerender::render_at, i18n::Lang};
    if std::env::args().nth(1).as_deref() != Some("prerender") {
        eprintln!("synoptic-app runs in the browser: start it with `cargo xtask serve`.");
        eprintln!("natively: `synoptic-app prerender` prints the prerendered overview.");
        std::process::exit(2);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-thread runtime");
    let mut out = serde_json::Map::new();
    for lang in Lang::ALL {
        let html = runtime.block_on(render_at("/", Some(lang)));
        out.insert(lang.code().to_string(), html.into());
    }
    println!("{}", serde_json::Value::Object(out));
}
