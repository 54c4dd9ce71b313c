//! The browser, behind small functions: storage, the DOM, downloads.
//! Natively (in component tests) they do nothing, so components render
//! anywhere.

pub mod dom;
pub mod download;
pub mod pwa;
pub mod storage;
