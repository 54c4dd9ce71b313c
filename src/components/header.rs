//! The banner: brand, main navigation, language switch.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_lang::{use_lang, LangHandle};
use crate::i18n::{Lang, Text};

/// The page banner.
#[component]
pub fn Header() -> Html {
    let lang = use_lang();
    // The views of the story on screen (the embedded one outside a story's
    // address, and on the library's page).
    let story = use_route::<Route>().and_then(|r| r.split().0);
    let at = |r: Route| r.in_story(story.as_deref());
    html! {
        <header class="site-header">
            <div class="brand">
                <Link<Route> to={Route::Overview} classes="brand-name">{ "Synoptic" }</Link<Route>>
                <span class="brand-tagline">{ lang.t(Text::AppTagline) }</span>
            </div>
            <nav class="main-nav" aria-label={lang.t(Text::MainNav)}>
                <ul role="list">
                    <li><NavLink to={at(Route::Overview)} label={lang.t(Text::NavOverview)} /></li>
                    <li><NavLink to={at(Route::CompareAll)} label={lang.t(Text::NavCompare)} /></li>
                    <li><NavLink to={at(Route::Figures)} label={lang.t(Text::NavFigures)} /></li>
                    <li><NavLink to={at(Route::Framing)} label={lang.t(Text::NavFraming)} /></li>
                    <li><NavLink to={Route::Library} label={lang.t(Text::NavLibrary)} /></li>
                </ul>
            </nav>
            { lang_switch(&lang) }
        </header>
    }
}

/// Two toggle buttons, IT and EN; the pressed one is the current language.
fn lang_switch(handle: &LangHandle) -> Html {
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

/// Props of [`NavLink`].
#[derive(Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    label: &'static str,
}

/// A navigation link that says when it is the current page.
#[component]
fn NavLink(props: &NavLinkProps) -> Html {
    let current = use_route::<Route>().map(|r| r.split());
    let (to_story, to) = props.to.split();
    let is_current = match (&current, &to) {
        (Some((story, _)), _) if *story != to_story => false,
        (Some((_, Route::Compare { .. })), Route::CompareAll) => true,
        (Some((_, c)), t) => c == t,
        _ => false,
    };
    let onclick = {
        let navigator = use_navigator();
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(n) = &navigator {
                n.push(&to);
            }
        })
    };
    html! {
        <a href={format!("#{}", props.to.to_path())} aria-current={is_current.then_some("page")} {onclick}>{ props.label }</a>
    }
}
