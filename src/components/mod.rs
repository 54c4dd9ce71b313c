//! Reusable pieces of the views. Each takes data and callbacks as props.

pub mod chrome_panel;
pub mod header;
pub mod kind_badge;
pub mod outlet_card;
