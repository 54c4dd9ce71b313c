//! A strip per article showing where the outlets differ most: one tick per
//! sentence, darker where differences are dense; each tick leads to its
//! sentence in the reader.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_corpus::Corpus;
use crate::i18n::{Lang, Text};

/// The difference map of article `article` (a function of its caller's
/// render: it has no state of its own).
pub fn minimap(lang: Lang, corpus: &Corpus, article: usize) -> Html {
    let story = corpus.story();
    if article >= story.len() {
        return html! {};
    }
    let id = story.article(article).id.clone();
    let heat = story.heat(article);
    let max = heat.iter().map(|(_, h)| *h).fold(0.0f64, f64::max).max(1.0);
    let sentences = &story.comparison.statements.sentences;
    html! {
        <nav class="minimap" aria-label={format!("{} — {}", lang.t(Text::Minimap), id)}>
            <ol role="list">
                { for heat.iter().enumerate().map(|(k, (si, h))| {
                    let level = ((h / max) * 4.0).ceil() as u8;
                    let text: String = sentences[*si].text.chars().take(90).collect();
                    let label = format!("{} {}: {}", lang.t(Text::Sentence), k + 1, text);
                    html! {
                        <li class={classes!("tick", format!("heat-{level}"))}>
                            <Link<Route, SentenceQuery> to={corpus.at(Route::Read { id: id.clone() })} query={Some(SentenceQuery { s: *si })}>
                                <span class="visually-hidden">{ label }</span>
                            </Link<Route, SentenceQuery>>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

/// `?s=12`: a sentence to scroll to in the reader.
#[derive(Clone, PartialEq, serde::Serialize)]
pub struct SentenceQuery {
    /// Sentence index.
    pub s: usize,
}
