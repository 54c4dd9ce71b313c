//! The reader: one article's clean body, its headline and metadata, and its
//! page chrome collapsed.

use synoptic_core::BlockKind;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::chrome_panel::chrome_panel;
use crate::components::inspector::Inspector;
use crate::components::kind_badge::kind_badges;
use crate::components::minimap::minimap;
use crate::components::passage::passage;
use crate::components::verdict::verdict_badge;
use crate::format;
use crate::hooks::use_active::use_active_quantity;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// Props of [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Id of the article to show.
    pub id: AttrValue,
    /// The address's query (`?s=12`: the sentence to go to; the views
    /// container goes there).
    #[prop_or_default]
    pub query: AttrValue,
}

/// One article, clean.
#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let (active, on_active) = use_active_quantity();
    // Ids are the article's own: several articles' readers stay in the page.
    let title_id = format!("article-title-{}", props.id);
    let Some(a) = corpus.get(&props.id) else {
        return html! {
            <section class="not-found" aria-labelledby={title_id.clone()}>
                <h1 id={title_id} tabindex="-1">{ lang.t(Text::PageNotFound) }</h1>
                <p>{ lang.t(Text::ArticleNotFound) }</p>
                <p><Link<Route> to={corpus.at(Route::Overview)}>{ lang.t(Text::BackToOverview) }</Link<Route>></p>
            </section>
        };
    };
    let m = &a.meta;
    let text_lang = m.language.clone();
    let story = corpus.story();
    let ai = story.index_of(&a.id).unwrap_or(0);
    let sentences = &story.comparison.statements.sentences;
    let groups = &story.comparison.statements.groups;

    let headline = a.headline();
    let others: Vec<&synoptic_core::Article> = corpus
        .articles()
        .into_iter()
        .filter(|o| o.id != a.id)
        .collect();
    html! {
        <>
        <nav class="breadcrumbs" aria-label={lang.t(Text::ArticleNav)}>
            <Link<Route> to={corpus.at(Route::Overview)}>{ "← " }{ lang.t(Text::BackToOverview) }</Link<Route>>
            <ul role="list">
                { for others.iter().map(|o| html! {
                    <li><Link<Route> to={corpus.at(Route::Read { id: o.id.clone() })}>
                        { o.meta.outlet.clone().unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string()) }
                        { format!(" ({})", o.id) }
                    </Link<Route>></li>
                }) }
            </ul>
        </nav>
        <article class="reader" data-article={a.id.clone()} aria-labelledby={title_id.clone()}>
            <header class="article-head">
                <p class="article-outlet">
                    if let Some(name) = &m.outlet {
                        <span class="outlet-name">{ name }</span>
                    } else {
                        <span class="outlet-name not-named">{ lang.t(Text::OutletNotNamed) }</span>
                    }
                    { kind_badges(lang.lang(), m) }
                </p>
                <h1 id={title_id} tabindex="-1" lang={text_lang.clone()}>{ a.display_title() }</h1>
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
                    <div><dt>{ lang.t(Text::Words) }</dt><dd>{ format::count(story.words(ai), lang.lang()) }</dd></div>
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
            <div class="reader-layout">
            <div class="article-body" lang={text_lang}>
                { for a.body().map(|b| {
                    let in_block: Vec<(usize, &synoptic_core::compare::statements::Sentence)> = sentences
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| s.article == ai && s.start >= b.start && s.end <= b.end)
                        .collect();
                    let body = html! {
                        <>
                        { for in_block.iter().map(|(si, s)| html! {
                            <>
                            <span class="sent" id={format!("sent-{si}")} tabindex="-1">
                                { passage(lang.lang(), &corpus, ai, (s.start, s.end), &on_active) }
                            </span>{ " " }
                            </>
                        }) }
                        </>
                    };
                    let notes: Vec<Html> = in_block.iter().filter_map(|(si, _)| {
                        let g = groups.get(story.group_of_sentence[*si])?;
                        let others: Vec<_> = g.members.iter().filter(|m| m.article != ai).collect();
                        if others.is_empty() {
                            return None;
                        }
                        Some(html! {
                            <li class={format!("note v-{}", g.verdict.as_str())}>
                                { verdict_badge(lang.lang(), g.verdict) }
                                { for others.iter().take(3).map(|m| {
                                    let o = story.article(m.article);
                                    let text: String = sentences[m.sentence].text.chars().take(160).collect();
                                    html! {
                                        <p><strong>{ o.meta.outlet.clone().unwrap_or_else(|| o.id.clone()) }{ ": " }</strong>
                                        <span lang="it">{ text }{ if sentences[m.sentence].text.chars().count() > 160 { "…" } else { "" } }</span></p>
                                    }
                                }) }
                            </li>
                        })
                    }).collect();
                    html! {
                        <div class="para">
                            if b.kind == BlockKind::Heading { <h2>{ body }</h2> } else { <p>{ body }</p> }
                            if !notes.is_empty() {
                                <aside class="margin-notes" aria-label={lang.t(Text::MarginNote)}>
                                    <ul role="list">{ for notes }</ul>
                                </aside>
                            }
                        </div>
                    }
                }) }
            </div>
            <div class="reader-side">
                { minimap(lang.lang(), &corpus, ai) }
                <p class="hint">{ lang.t(Text::MinimapHint) }</p>
                <Inspector active={(*active).clone()} heading={format!("inspector-title-{}", a.id)} />
            </div>
            </div>
            { chrome_panel(lang.lang(), a) }
        </article>
        </>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::tests::render_at;

    /// The visible text of rendered HTML: tags removed, entities of quotes
    /// decoded, whitespace collapsed.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        synoptic_core::text::collapse_whitespace(
            &out.replace("&#x27;", "'").replace("&quot;", "\""),
        )
    }

    #[tokio::test]
    async fn reader_shows_body_and_collapses_chrome() {
        let raw = render_at("/read/000").await;
        let html = &raw;
        assert!(html.contains("Xi e Russia: un’alleanza per la giustizia internazionale"));
        assert!(text_of(html)
            .contains("il commercio tra i due Paesi ha superato i 200 miliardi di dollari"));
        // The trade figure is highlighted with its verdict and a second cue.
        assert!(html.contains("class=\"fig v-compatible\""));
        assert!(html.contains("≈"));
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
        let t = text_of(&html);
        let at = t.find("227,9").unwrap();
        assert!(
            t.contains("ha raggiunto i 227,9 miliardi di dollari"),
            "{}",
            &t[at - 40..at + 80]
        );
        // Margin notes say what the other outlets state about the passage.
        assert!(html.contains("class=\"margin-notes\""));
        assert!(text_of(&html).contains(
            "Smettere di Lavorare: Solo nel 2025, dicono i dati del Ministero degli Esteri russo"
        ));
        assert!(html.contains("GlobeNewswire / Immediapress"));
    }

    #[tokio::test]
    async fn unknown_article_is_reported() {
        let html = render_at("/read/999").await;
        assert!(html.contains("Nessun articolo con questo identificativo."));
    }
}
