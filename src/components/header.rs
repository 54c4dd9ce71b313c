//! The banner: brand, main navigation, language switch.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_lang::use_lang;
use crate::i18n::{Lang, Text};

/// The page banner.
#[component]
pub fn Header() -> Html {
    let lang = use_lang();
    html! {
        <header class="site-header">
            <div class="brand">
                <Link<Route> to={Route::Overview} classes="brand-name">{ "Synoptic" }</Link<Route>>
                <span class="brand-tagline">{ lang.t(Text::AppTagline) }</span>
            </div>
            <nav class="main-nav" aria-label={lang.t(Text::MainNav)}>
                <Link<Route> to={Route::Overview}>{ lang.t(Text::NavOverview) }</Link<Route>>
            </nav>
            <LangSwitch />
        </header>
    }
}

/// Two toggle buttons, IT and EN; the pressed one is the current language.
#[component]
fn LangSwitch() -> Html {
    let handle = use_lang();
    let current = handle.lang();
    html! {
        <div class="lang-switch" role="group" aria-label={handle.t(Text::LanguageLabel)}>
            { for Lang::ALL.iter().map(|&l| {
                let handle = handle.clone();
                let onclick = Callback::from(move |_| handle.set_lang(l));
                html! {
                    <button type="button" lang={l.code()} title={l.name()}
                        aria-pressed={(l == current).to_string()} {onclick}>
                        { l.code().to_uppercase() }
                    </button>
                }
            }) }
        </div>
    }
}
