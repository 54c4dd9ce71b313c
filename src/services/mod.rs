//! The browser, behind small functions: the analysis worker, storage (the
//! library's database, preferences), the DOM, downloads.
//! Natively (in component tests) they do nothing, so components render
//! anywhere.

pub mod db;
pub mod dom;
pub mod download;
pub mod files;
pub mod pwa;
pub mod storage;
pub mod worker;
