//! Shared state as providers and `use_*` hooks: components ask for intent
//! (`set_lang`), never touch storage or the DOM themselves.

pub mod use_active;
pub mod use_corpus;
pub mod use_lang;
pub mod use_library;
pub mod use_progressive;
