//! One outlet's card on the overview.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::kind_badge::kind_badges;
use crate::components::minimap::minimap;
use crate::format;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// Props of [`OutletCard`].
#[derive(Properties, PartialEq)]
pub struct OutletCardProps {
    /// The index in the story of the article the card stands for.
    pub index: usize,
}

/// Outlet, kind, date, author, length, sources, and the way into the reader.
#[component]
pub fn OutletCard(props: &OutletCardProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    if props.index >= story.len() {
        return html! {};
    }
    let a = story.article(props.index);
    let words = story.words(props.index);
    let m = &a.meta;
    let title_id = format!("card-{}-title", a.id);
    let outlet = match &m.outlet {
        Some(name) => html! { <span class="outlet-name">{ name }</span> },
        None => {
            html! { <span class="outlet-name not-named">{ lang.t(Text::OutletNotNamed) }</span> }
        }
    };
    let date = match &m.date {
        Some(d) => {
            html! { <time datetime={d.clone()}>{ format::long_date(d, lang.lang()) }</time> }
        }
        None => html! { <span class="not-named">{ lang.t(Text::DateUnknown) }</span> },
    };
    let author = match &m.author {
        Some(name) => html! { { name } },
        None => html! { <span class="not-named">{ lang.t(Text::AuthorNotNamed) }</span> },
    };
    let sources = if m.cites.is_empty() {
        html! { <span class="not-named">{ lang.t(Text::NoSourcesCited) }</span> }
    } else {
        html! { { m.cites.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(" · ") } }
    };
    html! {
        <li class="card" data-article={a.id.clone()}>
            <article aria-labelledby={title_id.clone()}>
                <p class="card-outlet">{ outlet }{ kind_badges(lang.lang(), m) }</p>
                <h2 class="card-title" id={title_id} lang={m.language.clone()}>
                    <Link<Route> to={corpus.at(Route::Read { id: a.id.clone() })}>{ a.display_title() }</Link<Route>>
                </h2>
                <dl class="card-meta">
                    <div><dt>{ lang.t(Text::Date) }</dt><dd>{ date }</dd></div>
                    <div><dt>{ lang.t(Text::Author) }</dt><dd>{ author }</dd></div>
                    <div><dt>{ lang.t(Text::Words) }</dt><dd>{ format::count(words, lang.lang()) }</dd></div>
                    <div class="card-sources"><dt>{ lang.t(Text::SourcesCited) }</dt><dd>{ sources }</dd></div>
                </dl>
                { minimap(lang.lang(), &corpus, props.index) }
                <p class="card-action">
                    <Link<Route> to={corpus.at(Route::Read { id: a.id.clone() })} classes="button">
                        { lang.t(Text::ReadArticle) }
                        <span class="visually-hidden">{ format!(": {}", m.outlet.as_deref().unwrap_or(lang.t(Text::OutletNotNamed))) }</span>
                    </Link<Route>>
                </p>
            </article>
        </li>
    }
}
