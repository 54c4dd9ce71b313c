//! Reusable pieces of the views. Each takes data and callbacks as props.

pub mod chrome_panel;
pub mod header;
pub mod inspector;
pub mod kind_badge;
pub mod minimap;
pub mod outlet_card;
pub mod passage;
pub mod verdict;
pub mod views;
