//! One module per routed view.

pub mod not_found;
pub mod overview;
pub mod reader;
