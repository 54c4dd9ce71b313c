//! The reader: one article's clean body, its headline and metadata, and its
//! page chrome collapsed.

use synoptic_core::BlockKind;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::chrome_panel::ChromePanel;
use crate::components::kind_badge::KindBadges;
use crate::format;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;
use crate::services::dom;

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Id of the article to show.
    pub id: AttrValue,
}

/// One article, clean.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    use_effect_with(props.id.clone(), |_| {
        dom::scroll_to_top();
        dom::focus_by_id("article-title");
    });
    let Some(a) = corpus.get(&props.id) else {
        return html! {
            <section class="not-found" aria-labelledby="article-title">
                <h1 id="article-title" tabindex="-1">{ lang.t(Text::PageNotFound) }</h1>
                <p>{ lang.t(Text::ArticleNotFound) }</p>
                <p><Link<Route> to={Route::Overview}>{ lang.t(Text::BackToOverview) }</Link<Route>></p>
            </section>
        };
    };
    let m = &a.meta;
    let text_lang = m.language.clone();
    let headline = a.headline();
    let others = corpus.articles().iter().filter(|o| o.id != a.id);
    html! {
        <>
        <nav class="breadcrumbs" aria-label={lang.t(Text::ArticleNav)}>
            <Link<Route> to={Route::Overview}>{ "← " }{ lang.t(Text::BackToOverview) }</Link<Route>>
            <ul role="list">
                { for others.map(|o| html! {
                    <li><Link<Route> to={Route::Read { id: o.id.clone() }}>
                        { o.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string()) }
                        { format!(" ({})", o.id) }
                    </Link<Route>></li>
                }) }
            </ul>
        </nav>
        <article class="reader" data-article={a.id.clone()} aria-labelledby="article-title">
            <header class="article-head">
                <p class="article-outlet">
                    if let Some(name) = &m.outlet {
                        <span class="outlet-name">{ name }</span>
                    } else {
                        <span class="outlet-name not-named">{ lang.t(Text::OutletNotNamed) }</span>
                    }
                    <KindBadges meta={m.clone()} />
                </p>
                <h1 id="article-title" tabindex="-1" lang={text_lang.clone()}>{ a.display_title() }</h1>
                if headline.is_none() {
                    <p class="note">{ lang.t(Text::NoHeadline) }</p>
                }
                <dl class="article-meta">
                    <div><dt>{ lang.t(Text::Date) }</dt><dd>
                        if let Some(d) = &m.date {
                            <time datetime={d.clone()}>{ format::long_date(d, lang.lang()) }</time>
                        } else {
                            <span class="not-named">{ lang.t(Text::DateUnknown) }</span>
                        }
                    </dd></div>
                    <div><dt>{ lang.t(Text::Author) }</dt><dd>
                        if let Some(author) = &m.author { { author } } else {
                            <span class="not-named">{ lang.t(Text::AuthorNotNamed) }</span>
                        }
                    </dd></div>
                    <div><dt>{ lang.t(Text::Words) }</dt><dd>{ format::count(a.word_count(), lang.lang()) }</dd></div>
                    if let Some(url) = &m.url {
                        <div><dt>{ lang.t(Text::Original) }</dt><dd>
                            <a href={url.clone()} rel="noopener noreferrer external" target="_blank">{ m.site.clone().unwrap_or_else(|| url.clone()) }</a>
                        </dd></div>
                    } else if let Some(site) = &m.site {
                        <div><dt>{ lang.t(Text::Outlet) }</dt><dd>{ site }</dd></div>
                    }
                    if let Some(d) = &m.distributor {
                        <div><dt>{ lang.t(Text::DistributedBy) }</dt><dd>{ d }</dd></div>
                    }
                </dl>
            </header>
            <div class="article-body" lang={text_lang}>
                { for a.body().map(|b| {
                    let text = synoptic_core::text::collapse_whitespace(b.text(&a.text));
                    match b.kind {
                        BlockKind::Heading => html! { <h2>{ text }</h2> },
                        _ => html! { <p>{ text }</p> },
                    }
                }) }
            </div>
            <ChromePanel article={a.clone()} />
        </article>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::tests::render_at;

    #[tokio::test]
    async fn reader_shows_body_and_collapses_chrome() {
        let html = render_at("/read/000").await;
        assert!(html.contains("Xi e Russia: un’alleanza per la giustizia internazionale"));
        assert!(html.contains("il commercio tra i due Paesi ha superato i 200 miliardi di dollari"));
        let body_start = html.find("class=\"article-body\"").unwrap();
        let chrome_start = html.find("<details class=\"chrome-panel\"").unwrap();
        assert!(body_start < chrome_start);
        let (body, chrome) = html.split_at(chrome_start);
        assert!(
            !body.contains("P.IVA 14920521003"),
            "footer leaked into the body"
        );
        assert!(
            chrome.contains("P.IVA 14920521003"),
            "footer is kept, collapsed"
        );
        assert!(!chrome.contains("<details class=\"chrome-panel\" open"));
    }

    #[tokio::test]
    async fn reader_without_headline_says_so() {
        let html = render_at("/read/003").await;
        assert!(html.contains("Si rafforza l&#x27;asse") || html.contains("Si rafforza l'asse"));
        assert!(html.contains("non ha un titolo prima del corpo"));
        assert!(html.contains("Testata non indicata"));
    }

    #[tokio::test]
    async fn reader_links_the_original_and_joins_broken_paragraphs() {
        let html = render_at("/read/004").await;
        assert!(html.contains("href=\"https://news.cgtn.com/news/2026-05-17/"));
        assert!(html.contains("ha raggiunto i 227,9 miliardi di dollari nel 2025"));
        assert!(html.contains("GlobeNewswire / Immediapress"));
    }

    #[tokio::test]
    async fn unknown_article_is_reported() {
        let html = render_at("/read/999").await;
        assert!(html.contains("Nessun articolo con questo identificativo."));
    }
}
