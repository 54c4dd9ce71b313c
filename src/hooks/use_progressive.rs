//! Long lists built a slice per task: the first slice renders at once, the
//! rest follows in later tasks, so that building a long view (the side by
//! side's rows) never holds the page for more than a few milliseconds and
//! input is handled in between.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::services::dom;

/// How many of `total` items to render now: `first`, then `step` more in
/// each later task until all are. Natively (prerendering, tests) all at once.
#[hook]
pub fn use_progressive(total: usize, first: usize, step: usize) -> usize {
    let shown = use_state_eq(|| first.min(total));
    {
        let shown = shown.clone();
        use_effect_with((*shown, total), move |&(n, total)| {
            let alive = Rc::new(Cell::new(true));
            if n < total {
                let alive = alive.clone();
                dom::after_ms(0, move || {
                    if alive.get() {
                        shown.set((n + step.max(1)).min(total));
                    }
                });
            }
            move || alive.set(false)
        });
    }
    if cfg!(target_arch = "wasm32") {
        (*shown).min(total)
    } else {
        total
    }
}
