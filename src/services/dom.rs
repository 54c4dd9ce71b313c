//! Direct DOM touches that Yew does not model: the document language, the
//! browser's language, moving focus.

/// The page's document.
#[cfg(target_arch = "wasm32")]
pub(crate) fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The element with this id.
#[cfg(target_arch = "wasm32")]
fn element_by_id(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// Sets `<html lang>` so that screen readers speak the interface correctly.
pub fn set_document_lang(code: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(el) = document().and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", code);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = code;
}

/// The browser's preferred language tag (`it-IT`), if it says.
pub fn browser_language() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?.navigator().language()
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Once the app has mounted: removes the overview the build prerendered
/// (the app now shows the same) and marks `<html data-app="ready">`.
pub fn app_mounted() {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = element_by_id("prerender") {
        el.remove();
    }
    set_root_data("app", "ready");
}

/// Resolves in a later task (`setTimeout(0)`): long start-up work split in
/// two lets the page handle input in between.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

/// Sets `data-<name>` on `<html>` (what the page is in, for styles and tests).
pub fn set_root_data(name: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = document().and_then(|d| d.document_element()) {
        let _ = el.set_attribute(&format!("data-{name}"), value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, value);
}

/// `data-<name>` of `<html>`, as the app or the boot script set it
/// (natively: none).
pub fn root_data(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        document()?
            .document_element()?
            .get_attribute(&format!("data-{name}"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// A function the boot script put on `window` (`synopticWarmUp`, …).
#[cfg(target_arch = "wasm32")]
pub(crate) fn page_function(name: &str) -> Option<web_sys::js_sys::Function> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    web_sys::js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// Moves keyboard focus to the element with this id (skip links, page
/// changes).
pub fn focus_by_id(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Scrolls the window back to the top (after a page change).
pub fn scroll_to_top() {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus `step` rows down (or up) among the side by side's rows
/// shown, from the row that has focus (the first if none).
pub fn focus_next_row(step: i32) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let (Some(view), Some(doc)) = (shown_view(), document()) else {
            return;
        };
        let Ok(rows) = view.query_selector_all(".sbs-row:not([hidden])") else {
            return;
        };
        let current = doc
            .active_element()
            .and_then(|el| el.closest(".sbs-row").ok().flatten());
        let at = (0..rows.length()).find(|&i| {
            rows.item(i)
                .zip(current.as_ref())
                .is_some_and(|(row, cur)| row.is_same_node(Some(cur)))
        });
        let next = match at {
            Some(i) => (i as i64 + i64::from(step)).clamp(0, i64::from(rows.length()) - 1),
            None => 0,
        };
        if let Some(row) = rows
            .item(next as u32)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = row.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = step;
}

/// Scrolls the element with this id into view and focuses it.
pub fn reveal(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = element_by_id(id) {
            el.scroll_into_view();
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// Calls `f` with a link's `href` (`#/compare`) when the reader is about
/// to follow it: a pointer over it, focus on it, a touch on it. Listens on
/// the document until the returned guard is dropped.
pub fn on_link_intent(f: impl Fn(String) + 'static) -> impl Drop {
    /// The listeners, removed when dropped.
    struct Guard {
        #[cfg(target_arch = "wasm32")]
        _listeners: Vec<gloo_events::EventListener>,
    }
    impl Drop for Guard {
        fn drop(&mut self) {}
    }
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_events::EventListener;
        use wasm_bindgen::JsCast;
        let f = std::rc::Rc::new(f);
        let Some(doc) = document() else {
            return Guard {
                _listeners: Vec::new(),
            };
        };
        let _listeners = LINK_INTENT
            .into_iter()
            .map(|kind| {
                let f = f.clone();
                // Passive (gloo's default): it never delays scrolling.
                EventListener::new(&doc, kind, move |e: &web_sys::Event| {
                    let href = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
                        .and_then(|a| a.get_attribute("href"));
                    if let Some(href) = href {
                        f(href);
                    }
                })
            })
            .collect();
        Guard { _listeners }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = f;
        Guard {}
    }
}

/// The events that say a link is about to be followed.
#[cfg(target_arch = "wasm32")]
const LINK_INTENT: [&str; 3] = ["pointerover", "focusin", "touchstart"];

/// The shown view's element (views stay in the page, hidden, once built).
#[cfg(target_arch = "wasm32")]
fn shown_view() -> Option<web_sys::Element> {
    document()?
        .query_selector("main > .view:not([hidden])")
        .ok()
        .flatten()
}

/// Moves keyboard focus to the shown view's main heading, so that screen
/// readers announce the new view (without scrolling: the caller decides).
pub fn focus_view_heading() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let Some(h) = shown_view()
            .and_then(|v| v.query_selector("h1").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = h.focus_with_options(&options);
    }
}

/// Runs `f` once after `ms` milliseconds (natively: never).
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    {
        gloo_timers::callback::Timeout::new(u32::try_from(ms).unwrap_or(0), f).forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (ms, f);
    }
}

/// Lights up every highlighted figure of quantity `q` (class `active`) and
/// dims the others.
pub fn mark_active(q: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        // The shown view's marks: hidden views keep their own.
        let Some(view) = shown_view() else {
            return;
        };
        if let Ok(marks) = view.query_selector_all("mark.fig") {
            for i in 0..marks.length() {
                if let Some(el) = marks
                    .item(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                {
                    let on = el.get_attribute("data-q").as_deref() == Some(q);
                    let _ = el.class_list().toggle_with_force("active", on);
                }
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = q;
}

/// An address whose fragment is an element's id (`/#main`, the skip
/// link's target, or an old anchor) rather than a route (`/#/…`): the
/// fragment becomes the overview's route and the element, if the view has
/// it, gets focus. Done now and on every later change of the address,
/// before the router reads it (this listener is added first).
pub fn guard_fragments() {
    #[cfg(target_arch = "wasm32")]
    {
        fn settle() {
            let Some(window) = web_sys::window() else {
                return;
            };
            let hash = window.location().hash().unwrap_or_default();
            let Some(id) = anchor_of(&hash) else {
                return;
            };
            if let Ok(history) = window.history() {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/"));
            }
            let id = id.to_string();
            after_ms(0, move || focus_by_id(&id));
        }
        settle();
        if let Some(window) = web_sys::window() {
            for event in ["popstate", "hashchange"] {
                gloo_events::EventListener::new(&window, event, |_| settle()).forget();
            }
        }
    }
}

/// The element id a fragment names, when it is not a route: `#main` →
/// `main`; `#/…`, `#` and an empty fragment are routes.
pub fn anchor_of(hash: &str) -> Option<&str> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    (!fragment.is_empty() && !fragment.starts_with('/')).then_some(fragment)
}

#[cfg(test)]
mod fragment_tests {
    #[test]
    fn fragments_that_are_anchors() {
        assert_eq!(super::anchor_of("#main"), Some("main"));
        assert_eq!(super::anchor_of("#/compare"), None);
        assert_eq!(super::anchor_of("#"), None);
        assert_eq!(super::anchor_of(""), None);
    }
}
