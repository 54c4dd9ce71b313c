//! The page for addresses that match no view, and for a story the library
//! does not hold (deleted, or never made).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq, Default)]
pub struct NotFoundProps {
    /// The address names a story the library does not hold.
    #[prop_or_default]
    pub story_missing: bool,
}

/// "Page not found", with a way back.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let lang = use_lang();
    let (title, hint) = if props.story_missing {
        (Text::StoryNotFound, Text::StoryNotFoundHint)
    } else {
        (Text::PageNotFound, Text::PageNotFoundHint)
    };
    html! {
        <section class="not-found" aria-labelledby="nf-title">
            <h1 id="nf-title" tabindex="-1">{ lang.t(title) }</h1>
            <p>{ lang.t(hint) }</p>
            <p><Link<Route> to={Route::Overview}>{ lang.t(Text::BackToOverview) }</Link<Route>></p>
            <p><Link<Route> to={Route::Library}>{ lang.t(Text::NavLibrary) }</Link<Route>></p>
        </section>
    }
}
