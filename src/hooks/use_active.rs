//! The active quantity: the figure the reader has focused or hovered, whose
//! counterparts light up and whose verdict the inspector explains.

use yew::prelude::*;

use crate::services::dom;

/// The active quantity id, and the callback passages call on focus/hover.
/// The callback is memoised: passages keep equal props, so focusing a
/// figure re-renders only what shows the active quantity.
#[hook]
pub fn use_active_quantity() -> (
    UseStateHandle<Option<AttrValue>>,
    Callback<Option<AttrValue>>,
) {
    let active = use_state(|| None::<AttrValue>);
    let on_active = {
        let active = active.clone();
        use_callback((), move |q: Option<AttrValue>, _| {
            if let Some(q) = &q {
                dom::mark_active(q);
                active.set(Some(q.clone()));
            }
        })
    };
    (active, on_active)
}
