//! How a verdict looks: a colour, an icon and a word, so that it reads the
//! same without colour.

use synoptic_core::compare::Verdict;
use yew::prelude::*;

use crate::i18n::Lang;

/// CSS class suffix of a verdict.
pub fn code(v: Verdict) -> &'static str {
    v.as_str()
}

/// The icon of a verdict (shown beside the colour).
pub fn icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Same => "=",
        Verdict::Compatible => "≈",
        Verdict::Conflict => "≠",
        Verdict::OnlyHere => "◦",
    }
}

/// Icon and word in the verdict's colour (a function, not a component:
/// it has no state, and each component costs the first load its share of
/// the framework's code).
pub fn verdict_badge(lang: Lang, v: Verdict) -> Html {
    html! {
        <span class={classes!("verdict", format!("v-{}", code(v)))}>
            <span class="vicon" aria-hidden="true">{ icon(v) }</span>
            { lang.verdict(v) }
        </span>
    }
}
