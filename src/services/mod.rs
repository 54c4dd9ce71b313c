//! The browser, behind small functions: the warm-up worker, storage (the
//! library's database, preferences), the DOM, downloads.
//! Natively (in component tests) they do nothing, so components render
//! anywhere.

pub mod analysis;
pub mod db;
pub mod dom;
pub mod download;
pub mod files;
pub mod pwa;
pub mod storage;
