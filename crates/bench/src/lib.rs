//! Workloads shared by the native benchmark (`synoptic-bench`) and its
//! WebAssembly build (run in Node.js by `cargo xtask bench`).

pub mod adversarial;
pub mod inputs;
pub mod synthetic;

use synoptic_core::figures::{dateline, extract};
use synoptic_core::{corpus, Article};

/// The embedded articles.
pub fn embedded() -> Vec<Article> {
    corpus::embedded()
}

/// Bytes of text in `articles`.
pub fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

/// Parses and extracts the figures of every embedded article `iterations`
/// times; returns the number of figures found (so nothing is optimised away).
pub fn extract_embedded(iterations: u32) -> u32 {
    let mut n = 0;
    for _ in 0..iterations {
        for f in corpus::FILES {
            let meta = synoptic_core::Metadata::from_json(f.meta_json).unwrap_or_default();
            let a = Article::parse(f.id, f.file, f.text, meta);
            let reference = dateline::reference_date(&a, None).map(|r| r.0);
            n += extract(&a, reference).len() as u32;
        }
    }
    n
}

/// Analyses and compares the embedded story `iterations` times (what the
/// app does at start); returns the number of quantities found.
pub fn compare_embedded(iterations: u32) -> u32 {
    let articles = corpus::embedded();
    let mut n = 0;
    for _ in 0..iterations {
        n += synoptic_core::compare::compare(&articles, None)
            .quantities
            .len() as u32;
    }
    n
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// See [`crate::compare_embedded`].
    #[wasm_bindgen]
    pub fn compare_embedded(iterations: u32) -> u32 {
        crate::compare_embedded(iterations)
    }

    /// See [`crate::extract_embedded`].
    #[wasm_bindgen]
    pub fn extract_embedded(iterations: u32) -> u32 {
        crate::extract_embedded(iterations)
    }

    /// Bytes of the embedded corpus.
    #[wasm_bindgen]
    pub fn embedded_bytes() -> u32 {
        crate::bytes(&crate::embedded()) as u32
    }
}
