//! The service worker as the app sees it: whether offline use is available
//! here, and the "new version ready" signal with its switch. The worker is
//! registered by the boot script that `tools/pwa.mjs` writes for release
//! builds; this module only listens and asks.

use crate::services::dom::root_data;

/// Offline use as the boot script reported it: `Some(true)` ready,
/// `Some(false)` unavailable here (file://, private modes, old browsers),
/// `None` not known (dev server, or not yet registered).
pub fn offline_available() -> Option<bool> {
    match root_data("offline")?.as_str() {
        "ready" => Some(true),
        "unavailable" => Some(false),
        _ => None,
    }
}

/// Whether a new version is installed and waiting already
/// (`<html data-update="ready">`, set by the boot script, which may find it
/// before the app has mounted).
pub fn update_ready() -> bool {
    root_data("update").is_some_and(|v| v == "ready")
}

/// Calls `f` when a new version is installed and waiting. The returned
/// guard removes the listener when dropped.
pub fn on_update_ready(f: impl Fn() + 'static) -> Listener {
    #[cfg(target_arch = "wasm32")]
    {
        Listener {
            _listener: web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "synoptic:update-ready", move |_| f())
            }),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        Listener { _listener: None }
    }
}

/// Switches to the waiting version: the page reloads when it takes over.
pub fn apply_update() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let Some(w) = web_sys::window() else { return };
        let _ = web_sys::js_sys::Reflect::set(
            &w,
            &JsValue::from_str("synopticUpdating"),
            &JsValue::TRUE,
        );
        if let Some(f) = crate::services::dom::page_function("synopticApplyUpdate") {
            let _ = f.call0(&w);
        }
    }
}

/// Removes its event listener when dropped.
pub struct Listener {
    _listener: Option<gloo_events::EventListener>,
}
