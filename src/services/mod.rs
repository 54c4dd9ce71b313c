//! The browser, behind small functions: storage and the DOM. Natively (in
//! component tests) they do nothing, so components render anywhere.

pub mod dom;
pub mod storage;
