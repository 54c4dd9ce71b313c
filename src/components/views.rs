//! The routed views, kept alive.
//!
//! Building a view is most of the cost of switching to it: creating its
//! elements, then the browser's style and layout of all of them. So a view
//! once shown stays in the page, hidden with `content-visibility: hidden`
//! (which keeps its rendering state: showing it again re-uses its style and
//! layout) and frozen with the route and query it last had, so navigating
//! elsewhere does not re-render it. A view is built ahead, hidden, when the
//! reader is about to open it: a pointer over, a focus on or a touch of a
//! link to it (building every view while idle after start-up was tried:
//! its tasks cost the first load's blocking time). At most [`KEEP`] views
//! stay; the one used longest ago goes first.
//!
//! A switch moves the reader to the top of the new view and its heading
//! gets keyboard focus, so screen readers announce it (a reader link with a
//! sentence, `?s=`, goes to that sentence instead).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::hooks::use_corpus::CorpusProvider;
use crate::hooks::use_lang::use_lang;
use crate::hooks::use_library::{use_library, Analysed};
use crate::i18n::{Lang, Text};
use crate::pages::{
    compare::Compare, figures::Figures, framing::Framing, library::LibraryPage,
    not_found::NotFound, overview::Overview, reader::Reader,
};
use crate::query;
use crate::services::dom;
use crate::services::worker::ArticleDone;

/// How many views stay in the page.
pub const KEEP: usize = 8;

/// One kept view: which one, and the route and query it shows.
#[derive(Clone, PartialEq)]
struct Slot {
    key: String,
    route: Route,
    query: AttrValue,
    /// When it was last shown (0: built ahead, never shown).
    used: u64,
}

#[derive(Default)]
struct Slots {
    slots: Vec<Slot>,
    clock: u64,
}

impl Slots {
    /// Makes `route` the shown view, adding its slot if need be.
    fn show(&mut self, route: &Route, query: &AttrValue) {
        self.clock += 1;
        let key = view_key(route);
        match self.slots.iter_mut().find(|s| s.key == key) {
            Some(slot) => {
                if slot.route != *route {
                    slot.route = route.clone();
                }
                if slot.query != *query {
                    slot.query = query.clone();
                }
                slot.used = self.clock;
            }
            None => self.slots.push(Slot {
                key: key.clone(),
                route: route.clone(),
                query: query.clone(),
                used: self.clock,
            }),
        }
        self.evict(&key);
    }

    /// Adds a view built ahead, if there is room and it is not there yet.
    fn ahead(&mut self, route: Route) -> bool {
        let key = view_key(&route);
        if self.slots.len() >= KEEP || self.slots.iter().any(|s| s.key == key) {
            return false;
        }
        self.slots.push(Slot {
            key,
            route,
            query: AttrValue::default(),
            used: 0,
        });
        true
    }

    /// Drops the views used longest ago beyond [`KEEP`], never `active`.
    fn evict(&mut self, active: &str) {
        while self.slots.len() > KEEP {
            let Some(i) = self
                .slots
                .iter()
                .enumerate()
                .filter(|(_, s)| s.key != active)
                .min_by_key(|(_, s)| s.used)
                .map(|(i, _)| i)
            else {
                return;
            };
            self.slots.remove(i);
        }
    }
}

/// The view a route belongs to: side by side with any outlets is one view,
/// each article's reader is one.
fn view_key(route: &Route) -> String {
    let (story, plain) = route.split();
    match story {
        Some(story) => format!("s/{story}/{}", plain_key(&plain)),
        None => plain_key(&plain),
    }
}

/// The view of a route of the embedded story.
fn plain_key(route: &Route) -> String {
    match route {
        Route::Overview => "overview".into(),
        Route::Read { id } => format!("read:{id}"),
        Route::CompareAll | Route::Compare { .. } => "compare".into(),
        Route::Figures => "figures".into(),
        Route::Framing => "framing".into(),
        Route::Library => "library".into(),
        _ => "not-found".into(),
    }
}

/// The page for a route and its query: a story's views inside its
/// analysis, once the library is read.
fn page(route: &Route, query: &AttrValue) -> Html {
    match route.split() {
        (Some(story), plain) => html! {
            <InStory story={AttrValue::from(story)} route={plain} query={query.clone()} />
        },
        (None, plain) => plain_page(&plain, query),
    }
}

/// Props of [`InStory`].
#[derive(Properties, PartialEq)]
struct InStoryProps {
    story: AttrValue,
    route: Route,
    query: AttrValue,
}

/// A view of a library story: "loading" until the library is read, the
/// story's own view then, or "no such story" (deleted, or never made).
#[component]
fn InStory(props: &InStoryProps) -> Html {
    let lang = use_lang();
    let Some(library) = use_library() else {
        return html! { <NotFound /> };
    };
    if !library.shelf().loaded {
        return html! {
            <section class="loading" aria-busy="true">
                <h1 tabindex="-1">{ lang.t(Text::LoadingStory) }</h1>
            </section>
        };
    }
    match library.corpus(&props.story) {
        Analysed::Ready(corpus) => html! {
            <CorpusProvider corpus={Some(corpus)}>
                { plain_page(&props.route, &props.query) }
            </CorpusProvider>
        },
        Analysed::Working { done, total, ready } => html! {
            <section class="loading" aria-busy="true">
                <h1 tabindex="-1">{ lang.t(Text::AnalysingStory) }</h1>
                <p>
                    <progress id="analysis-progress" max={total.max(1).to_string()} value={done.to_string()}
                        aria-label={lang.t(Text::AnalysingStory)} />
                    { format!(" {done} / {total} {}", lang.t(Text::ArticlesWord)) }
                </p>
                { analysed_so_far(lang.lang(), &ready) }
            </section>
        },
        Analysed::Failed(why) => {
            let retry = {
                let (library, id) = (library.clone(), props.story.clone());
                Callback::from(move |_: MouseEvent| library.retry(&id))
            };
            let unavailable = why == crate::services::worker::UNAVAILABLE;
            html! {
                <section class="loading" role="alert">
                    <h1 tabindex="-1">{ lang.t(Text::AnalysisFailed) }</h1>
                    if unavailable {
                        <p>{ lang.t(Text::WorkerUnavailable) }</p>
                    } else {
                        <p>{ why }</p>
                        <p><button type="button" class="button" id="analysis-retry" onclick={retry}>{ lang.t(Text::TryAgain) }</button></p>
                    }
                </section>
            }
        }
        Analysed::Missing => html! { <NotFound story_missing=true /> },
    }
}

/// The articles of a story the worker has analysed so far, each with how
/// many figures it holds and the first of them: what the reader can look
/// at while the rest is analysed.
fn analysed_so_far(lang: Lang, ready: &[ArticleDone]) -> Html {
    if ready.is_empty() {
        return html! {};
    }
    let figures: usize = ready.iter().map(|a| a.figures).sum();
    html! {
        <section class="analysed-so-far" aria-labelledby="analysed-so-far-title">
            <h2 id="analysed-so-far-title">{ lang.t(Text::AnalysedSoFar) }</h2>
            <p id="analysed-so-far-total">{ lang.figures_in_articles(figures, ready.len()) }</p>
            <ol id="analysed-so-far" class="analysed-list">
                { for ready.iter().map(|a| html! {
                    <li key={a.id.clone()} data-article={a.id.clone()}>
                        <span class="analysed-title">{ &a.title }</span>
                        if let Some(o) = &a.outlet {
                            <span class="analysed-outlet">{ format!(" · {o}") }</span>
                        }
                        <span class="analysed-count" data-figures={a.figures.to_string()}>
                            { format!(" — {}", lang.figures_word(a.figures)) }
                        </span>
                        if !a.first.is_empty() {
                            <ul class="analysed-first" role="list">
                                { for a.first.iter().map(|(kind, text)| html! {
                                    <li><span class="kind" data-kind={kind.clone()}>{ kind }</span>{ " " }{ text }</li>
                                }) }
                            </ul>
                        }
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// The page of a route of the embedded story (or of the story provided).
fn plain_page(route: &Route, query: &AttrValue) -> Html {
    match route {
        Route::Overview => html! { <Overview /> },
        Route::Read { id } => {
            html! { <Reader id={AttrValue::from(id.clone())} query={query.clone()} /> }
        }
        Route::CompareAll => html! { <Compare query={query.clone()} /> },
        Route::Compare { outlets } => {
            html! { <Compare outlets={AttrValue::from(outlets.clone())} query={query.clone()} /> }
        }
        Route::Figures => html! { <Figures query={query.clone()} /> },
        Route::Framing => html! { <Framing /> },
        Route::Library => html! { <LibraryPage /> },
        _ => html! { <NotFound /> },
    }
}

/// Props of [`ViewSlot`].
#[derive(Properties, PartialEq)]
struct ViewSlotProps {
    slot: Slot,
    shown: bool,
}

/// One kept view. Its page re-renders only when its own route or query
/// changes (a hidden view's are frozen).
#[component]
fn ViewSlot(props: &ViewSlotProps) -> Html {
    html! {
        <div class="view" data-view={props.slot.key.clone()} hidden={!props.shown}>
            { page(&props.slot.route, &props.slot.query) }
        </div>
    }
}

/// The routed views: the current one shown, the others kept hidden.
#[component]
pub fn Views() -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let query: AttrValue = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default()
        .into();
    let slots = use_mut_ref(Slots::default);
    let rerender = use_force_update();
    slots.borrow_mut().show(&route, &query);
    let key = view_key(&route);

    // A view the reader is about to open (pointer over, focus on or touch
    // of a link to it) is built then, hidden, before the click.
    {
        let slots = slots.clone();
        use_effect_with((), move |_| {
            let listener = dom::on_link_intent(move |href| {
                let path = href.trim_start_matches('#');
                let path = path.split(['?', '#']).next().unwrap_or(path);
                if let Some(route) = Route::recognize(path) {
                    if slots.borrow_mut().ahead(route) {
                        rerender.force_update();
                    }
                }
            });
            move || drop(listener)
        });
    }

    // A new view: to its top, and its heading focused (not on start-up,
    // where focus stays at the start of the page, except in the reader).
    {
        let started = use_mut_ref(|| false);
        let reveal = matches!(route.split().1, Route::Read { .. })
            .then(|| query::get(&query, "s"))
            .flatten();
        use_effect_with((key.clone(), reveal), move |(key, reveal)| {
            let start = !std::mem::replace(&mut *started.borrow_mut(), true);
            match reveal {
                Some(s) => dom::reveal(&format!("sent-{s}")),
                None if !start || key.contains("read:") => {
                    dom::scroll_to_top();
                    dom::focus_view_heading();
                }
                None => {}
            }
        });
    }

    let shown = slots.borrow().slots.clone();
    html! {
        { for shown.into_iter().map(|slot| {
            let (id, on) = (slot.key.clone(), slot.key == key);
            html! { <ViewSlot key={id} {slot} shown={on} /> }
        }) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_views_used_last() {
        let mut s = Slots::default();
        let q = AttrValue::default();
        for id in 0..KEEP + 3 {
            s.show(
                &Route::Read {
                    id: format!("{id:03}"),
                },
                &q,
            );
        }
        assert_eq!(s.slots.len(), KEEP);
        assert!(!s.slots.iter().any(|x| x.key == "read:000"));
        assert!(s
            .slots
            .iter()
            .any(|x| x.key == format!("read:{:03}", KEEP + 2)));
        // Built ahead only while there is room, never twice.
        assert!(!s.ahead(Route::Overview));
        let mut s = Slots::default();
        s.show(&Route::Figures, &q);
        assert!(s.ahead(Route::Overview));
        assert!(!s.ahead(Route::Overview));
        assert!(!s.ahead(Route::Figures));
        // One view for every outlet selection of the side by side.
        s.show(&Route::CompareAll, &q);
        s.show(
            &Route::Compare {
                outlets: "000~004".into(),
            },
            &AttrValue::from("?diff=1"),
        );
        let compare: Vec<_> = s.slots.iter().filter(|x| x.key == "compare").collect();
        assert_eq!(compare.len(), 1);
        assert_eq!(compare[0].query.as_str(), "?diff=1");
    }
}
