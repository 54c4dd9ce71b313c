//! One module per routed view.

pub mod compare;
pub mod figures;
pub mod framing;
pub mod library;
pub mod not_found;
pub mod overview;
pub mod reader;
