//! Synoptic in the browser: a Yew app over the analysis core.
//!
//! [`app`] holds the routes and the page shell; `pages/` one module per view;
//! `components/` the pieces they share; `hooks/` shared state as providers and
//! `use_*` hooks; `services/` the only code that touches the browser.

pub mod app;
pub mod components;
pub mod format;
pub mod hooks;
pub mod i18n;
pub use synoptic_library as library;
pub mod model;
pub mod pages;
pub mod query;
pub mod services;

/// Mounts the app on the page's `<body>`, where it takes the place of the
/// overview the release build prerendered. The embedded story comes
/// analysed with the build; a reader's own stories are analysed in the
/// worker (`services::worker`).
#[cfg(target_arch = "wasm32")]
pub fn run() {
    if web_sys::window().is_none() {
        return;
    }
    services::dom::guard_fragments();
    wasm_bindgen_futures::spawn_local(async {
        let corpus = hooks::use_corpus::Corpus::embedded();
        // Reading the story and the first render are two tasks, not one long one.
        services::dom::next_task().await;
        yew::Renderer::<app::App>::with_props(app::AppProps { corpus }).render();
    });
}
