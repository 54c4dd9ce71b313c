//! The panel that explains the active quantity: its verdict, what it
//! measures, why, and what each outlet says. Screen readers hear it change.

use synoptic_core::compare::explain::Part;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::verdict::verdict_badge;
use crate::hooks::use_corpus::use_corpus;
use crate::hooks::use_lang::use_lang;
use crate::i18n::Text;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The active quantity id.
    pub active: Option<AttrValue>,
    /// The id of its heading, unique in the page (views stay in the page
    /// side by side, hidden).
    pub heading: AttrValue,
}

/// Verdict, measure, explanation and each outlet's figures.
#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let lang = use_lang();
    let corpus = use_corpus();
    let story = corpus.story();
    let quantity = props.active.as_ref().and_then(|id| {
        story
            .comparison
            .quantities
            .iter()
            .find(|q| q.id == id.as_str())
    });
    html! {
        <aside class="inspector" aria-labelledby={props.heading.clone()}>
            <h2 id={props.heading.clone()}>{ lang.t(Text::Inspector) }</h2>
            <div role="status" aria-live="polite" aria-atomic="true">
            if let Some(q) = quantity {
                <p class="inspector-verdict">{ verdict_badge(lang.lang(), q.verdict) }</p>
                <p><strong>{ lang.t(Text::Measures) }{ ": " }</strong>{ &q.label }</p>
                // Why the figures are taken for one quantity, then what
                // agrees and what differs.
                if let Some(identity) = q.parts.iter().find(|p| matches!(p, Part::Identity { .. })) {
                    <p class="inspector-identity"><strong>{ lang.t(Text::WhyOneQuantity) }{ ": " }</strong>
                        { lang.lang().explain(std::slice::from_ref(identity)) }</p>
                }
                <p class="inspector-why">{ lang.lang().explain(&q.parts.iter().filter(|p| !matches!(p, Part::Identity { .. })).cloned().collect::<Vec<_>>()) }</p>
                <ul class="inspector-figures">
                    { for q.figures.iter().filter_map(|r| {
                        let f = story.comparison.figure(*r)?;
                        let a = story.article(r.article);
                        Some(html! {
                            <li>
                                <Link<Route> to={corpus.at(Route::Read { id: a.id.clone() })}>
                                    { a.meta.outlet.clone().unwrap_or_else(|| a.id.clone()) }
                                </Link<Route>>
                                { ": " }<span lang="it">{ synoptic_core::text::collapse_whitespace(&f.text) }</span>
                                if let Some(s) = &f.source { <span class="cites">{ format!(" — {} {s}", lang.t(Text::Cites)) }</span> }
                            </li>
                        })
                    }) }
                </ul>
            } else {
                <p class="hint">{ lang.t(Text::InspectorEmpty) }</p>
            }
            </div>
        </aside>
    }
}
