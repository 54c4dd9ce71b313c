//! How a verdict looks: a colour, an icon and a word, so that it reads the
//! same without colour.

use synoptic_core::compare::Verdict;
use yew::prelude::*;

use crate::hooks::use_lang::use_lang;

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

/// Props of [`VerdictBadge`].
#[derive(Properties, PartialEq)]
pub struct VerdictBadgeProps {
    /// The verdict.
    pub verdict: Verdict,
}

/// Icon and word in the verdict's colour.
#[component]
pub fn VerdictBadge(props: &VerdictBadgeProps) -> Html {
    let lang = use_lang();
    let v = props.verdict;
    html! {
        <span class={classes!("verdict", format!("v-{}", code(v)))}>
            <span class="vicon" aria-hidden="true">{ icon(v) }</span>
            { lang.lang().verdict(v) }
        </span>
    }
}
