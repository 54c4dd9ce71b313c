//! The page for addresses that match no view.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// "Page not found", with a way back.
#[component]
pub fn NotFound() -> Html {
    let lang = use_lang();
    html! {
        <section class="not-found" aria-labelledby="nf-title">
            <h1 id="nf-title" tabindex="-1">{ lang.t(Text::PageNotFound) }</h1>
            <p>{ lang.t(Text::PageNotFoundHint) }</p>
            <p><Link<Route> to={Route::Overview}>{ lang.t(Text::BackToOverview) }</Link<Route>></p>
        </section>
    }
}
