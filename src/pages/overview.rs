//! The story overview: one card per outlet.

use yew::prelude::*;

use yew_router::prelude::*;

use crate::app::Route;
use crate::components::outlet_card::OutletCard;
use crate::components::verdict::verdict_badge;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// The first view: what the story is and who reports it.
#[component]
pub fn Overview() -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    html! {
        <section class="overview" aria-labelledby="overview-title">
            if let Some(name) = corpus.name() {
                <h1 id="overview-title" tabindex="-1">{ name }</h1>
                <p class="lede">{ format!("{} {}", corpus.story().len(), lang.t(Text::StoryIntro)) }</p>
            } else {
                <h1 id="overview-title" tabindex="-1">{ lang.t(Text::OverviewTitle) }</h1>
                <p class="lede">{ lang.t(Text::OverviewIntro) }</p>
            }
            <ul class="cards" role="list">
                { for corpus.articles().into_iter().enumerate().map(|(i, a)| html! {
                    <OutletCard key={a.id.clone()} index={i} />
                }) }
            </ul>
            <section class="totals" aria-labelledby="totals-title">
                <h2 id="totals-title">{ lang.t(Text::TotalsTitle) }</h2>
                <p class="hint">{ lang.t(Text::TotalsHint) }</p>
                <ul class="totals-list" role="list">
                    { for corpus.story().totals().iter().map(|(v, n)| html! {
                        <li class={format!("total v-{}", v.as_str())} data-verdict={v.as_str()}>
                            <span class="total-n">{ *n }</span>
                            { verdict_badge(lang.lang(), *v) }
                        </li>
                    }) }
                </ul>
                <ul class="view-cards" role="list">
                    <li><Link<Route> to={corpus.at(Route::CompareAll)} classes="button">{ lang.t(Text::NavCompare) }</Link<Route>></li>
                    <li><Link<Route> to={corpus.at(Route::Figures)} classes="button">{ lang.t(Text::NavFigures) }</Link<Route>></li>
                    <li><Link<Route> to={corpus.at(Route::Framing)} classes="button">{ lang.t(Text::NavFraming) }</Link<Route>></li>
                </ul>
            </section>
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::app::tests::render_at;

    #[tokio::test]
    async fn overview_shows_every_outlet_with_its_facts() {
        let html = render_at("/").await;
        for s in [
            "Smettere di Lavorare",
            "Testata non indicata",
            "CGTN",
            "Comunicato stampa",
            "Media statale",
            "Quotidiano",
            "Blog",
            "4 febbraio 2026",
            "25 dicembre 2025",
            "18 maggio 2026",
            "Luca Carlini",
            "Wall Street Journal",
            "href=\"/read/003\"",
        ] {
            assert!(html.contains(s), "overview lacks {s:?}");
        }
        assert_eq!(html.matches("class=\"card\"").count(), 3);
    }

    #[tokio::test]
    async fn overview_word_counts_are_body_counts() {
        let html = render_at("/").await;
        for a in synoptic_core::corpus::embedded() {
            let n = crate::format::count(a.word_count(), crate::i18n::Lang::It);
            assert!(
                html.contains(&format!("<dd>{n}</dd>")),
                "no count {n} for {}",
                a.id
            );
        }
    }
}
