//! Where the story's analysis gets its speed. A browser compiles WebAssembly
//! functions on their first call, so the analysis's first run on the page
//! is slow (75–120 ms, where a warm run takes 10–20): long enough to block
//! input. The boot script therefore offers `synopticWarmUp(module)`: a worker
//! that loads this same compiled module and runs the analysis once
//! ([`warm_up`]); the code it compiles is shared with the page, which then
//! analyses in a fraction of the time. Where there is no worker, or it
//! fails, the page analyses cold; nothing is lost either way.

use synoptic_core::compare::compare;

use crate::hooks::use_corpus::Corpus;

/// How the page's analysis ran, as `<html data-analysis>` records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// After the worker had run the analysis code.
    Warm,
    /// Without it (no worker, or it failed).
    Cold,
}

impl Start {
    /// `warm` or `cold`.
    pub fn code(self) -> &'static str {
        match self {
            Start::Warm => "warm",
            Start::Cold => "cold",
        }
    }
}

/// What the worker runs: the analysis of the embedded story, once, for its
/// side effect of compiling the code. Returns the number of quantities.
pub fn warm_up() -> usize {
    compare(&synoptic_core::corpus::embedded(), None)
        .quantities
        .len()
}

/// The embedded story, analysed after the worker's warm-up if the page has
/// one.
pub async fn embedded() -> (Corpus, Start) {
    #[cfg(target_arch = "wasm32")]
    let start = if warmed_in_worker().await {
        Start::Warm
    } else {
        Start::Cold
    };
    #[cfg(not(target_arch = "wasm32"))]
    let start = Start::Cold;
    (Corpus::embedded(), start)
}

/// Asks the page's worker to run the analysis code; true once it has.
#[cfg(target_arch = "wasm32")]
async fn warmed_in_worker() -> bool {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(promise) = crate::services::dom::page_function("synopticWarmUp")
        .and_then(|warm| warm.call1(&JsValue::NULL, &wasm_bindgen::module()).ok())
        .and_then(|p| p.dyn_into::<web_sys::js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warm_up_runs_the_whole_analysis() {
        let story = Corpus::embedded();
        assert_eq!(warm_up(), story.story().comparison.quantities.len());
        assert!(warm_up() > 0);
    }
}
