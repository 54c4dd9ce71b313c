//! Sources and framing: who each outlet cites, how much it hedges, and the
//! words with which it frames the relationship, side by side.

use synoptic_core::compare::statements::GroupKind;
use yew::prelude::*;

use crate::components::verdict::verdict_badge;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// The framing and sources view.
#[component]
pub fn Framing() -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let c = &story.comparison;
    let name = |i: usize| {
        let a = story.article(i);
        a.meta
            .outlet
            .clone()
            .unwrap_or_else(|| lang.t(Text::OutletNotNamed).to_string())
    };
    html! {
        <section class="framing" aria-labelledby="framing-title">
            <h1 id="framing-title" tabindex="-1">{ lang.t(Text::FramingTitle) }</h1>
            <p class="lede">{ lang.t(Text::FramingIntro) }</p>

            <h2>{ lang.t(Text::SourcesTitle) }</h2>
            <div class={classes!("outlet-grid", format!("cols-{}", story.len().min(6)))}>
                { for c.outlets.iter().enumerate().map(|(i, o)| html! {
                    <section class="outlet-col" aria-labelledby={format!("src-{i}")} data-outlet={o.article.clone()}>
                        <h3 id={format!("src-{i}")}>{ format!("{} · {}", name(i), o.article) }</h3>
                        <ul class="sources">
                            { for o.sources.iter().map(|(s, n)| html! { <li lang="it">{ s }<span class="muted">{ format!(" ×{n}") }</span></li> }) }
                        </ul>
                        <p class="hedge-bar" aria-label={format!("{}: {} {} / {} {}", lang.t(Text::HedgedTitle), o.hedged, lang.t(Text::Hedged), o.sentences - o.hedged, lang.t(Text::Asserted))}>
                            <span class="bar"><span class={classes!("fill", format!("w-{}", (10.0 * o.hedged as f64 / o.sentences.max(1) as f64).round() as u32))}></span></span>
                            <span>{ format!("{} {} · {} {}", o.hedged, lang.t(Text::Hedged), o.sentences - o.hedged, lang.t(Text::Asserted)) }</span>
                        </p>
                    </section>
                }) }
            </div>

            <h2>{ lang.t(Text::HedgedTitle) }</h2>
            <div class={classes!("outlet-grid", format!("cols-{}", story.len().min(6)))}>
                { for (0..story.len()).map(|i| html! {
                    <section class="outlet-col" aria-label={name(i)}>
                        <h3>{ format!("{} · {}", name(i), story.article(i).id) }</h3>
                        <ul class="hedged-list">
                            { for c.statements.sentences.iter().filter(|s| s.article == i && s.hedge.is_some()).map(|s| html! {
                                <li><span lang="it">{ &s.text }</span>
                                    <span class="hedge">{ format!(" ⚠ {}", s.hedge.clone().unwrap_or_default()) }</span></li>
                            }) }
                        </ul>
                    </section>
                }) }
            </div>

            <h2>{ lang.t(Text::FramingWords) }</h2>
            { for c.statements.groups.iter().filter(|g| g.kind == GroupKind::Framing).map(|g| html! {
                <section class="frame" aria-label={g.topic.clone()} data-frame={g.topic.clone()}>
                    <h3>{ g.topic.trim_start_matches("framing: ").to_string() }{ " " }{ verdict_badge(lang.lang(), g.verdict) }</h3>
                    <p class="sbs-why">{ lang.lang().explain(&g.parts) }</p>
                    <div class={classes!("outlet-grid", format!("cols-{}", story.len().min(6)))}>
                        { for (0..story.len()).map(|i| {
                            let members: Vec<_> = g.members.iter().filter(|m| m.article == i).collect();
                            html! {
                                <div class="cell" data-outlet={story.article(i).id.clone()}>
                                    <p class="cell-outlet">{ name(i) }</p>
                                    if members.is_empty() {
                                        <p class="not-mentioned">{ lang.t(Text::NotMentioned) }</p>
                                    }
                                    { for members.iter().map(|m| {
                                        let s = &c.statements.sentences[m.sentence];
                                        let (cls, word) = if m.polarity == Some(-1) { ("denies", Text::Denies) } else { ("asserts", Text::Asserts) };
                                        html! {
                                            <p class={classes!("framed", cls)}>
                                                <span class="polarity">{ if cls == "denies" { "− " } else { "+ " } }{ lang.t(word) }{ ": " }</span>
                                                <strong lang="it">{ m.framing_words.clone().unwrap_or_default() }</strong>
                                                <span class="context" lang="it">{ format!(" — {}", s.text) }</span>
                                            </p>
                                        }
                                    }) }
                                </div>
                            }
                        }) }
                    </div>
                </section>
            }) }
        </section>
    }
}
