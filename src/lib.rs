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
pub mod library;
pub mod model;
pub mod pages;
pub mod query;
pub mod services;

/// Analyses the story (after the page's worker has warmed the code up, see
/// `services::analysis`), then mounts the app on the page's `<body>`, where
/// it takes the place of the overview the release build prerendered. In a
/// worker (no window) the module is loaded for [`warm_up`] only.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    if web_sys::window().is_none() {
        return;
    }
    services::dom::guard_fragments();
    wasm_bindgen_futures::spawn_local(async {
        let (corpus, start) = services::analysis::embedded().await;
        services::dom::set_root_data("analysis", start.code());
        // The analysis and the first render are two tasks, not one long one.
        services::dom::next_task().await;
        yew::Renderer::<app::App>::with_props(app::AppProps { corpus }).render();
    });
}

/// For the page's worker: runs the analysis once, compiling its code in the
/// module the worker shares with the page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn warm_up() -> usize {
    services::analysis::warm_up()
}
