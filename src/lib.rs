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
pub mod model;
pub mod pages;
pub mod query;
pub mod services;

/// Mounts the app on the page's `<body>`, where it takes the place of the
/// overview the release build prerendered.
#[cfg(target_arch = "wasm32")]
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
