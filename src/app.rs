//! Routes and the page shell.
//!
//! Routes are hash-based (`/#/read/004`) so every deep link survives a reload
//! from a plain static file server, with no server-side fallback.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::header::Header;
use crate::components::views::Views;
use crate::hooks::use_corpus::{Corpus, CorpusProvider};
use crate::hooks::use_lang::{use_lang, LangProvider};
use crate::hooks::use_library::LibraryProvider;
use crate::i18n::{Lang, Text};

/// Every place in the app.
#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    /// The story overview: one card per outlet.
    #[at("/")]
    Overview,
    /// One article in the reader.
    #[at("/read/:id")]
    Read {
        /// The article id (`004`).
        id: String,
    },
    /// Side by side, every outlet.
    #[at("/compare")]
    CompareAll,
    /// Side by side, chosen outlets (`000~004`).
    #[at("/compare/:outlets")]
    Compare {
        /// Article ids joined by `~`.
        outlets: String,
    },
    /// The figures table.
    #[at("/figures")]
    Figures,
    /// Sources and framing.
    #[at("/framing")]
    Framing,
    /// The library: the embedded story and the reader's own.
    #[at("/library")]
    Library,
    /// A story of the library: its overview.
    #[at("/s/:story")]
    StoryOverview {
        /// The story's id.
        story: String,
    },
    /// A story of the library: one article in the reader.
    #[at("/s/:story/read/:id")]
    StoryRead {
        /// The story's id.
        story: String,
        /// The article id.
        id: String,
    },
    /// A story of the library: side by side, every outlet.
    #[at("/s/:story/compare")]
    StoryCompareAll {
        /// The story's id.
        story: String,
    },
    /// A story of the library: side by side, chosen outlets.
    #[at("/s/:story/compare/:outlets")]
    StoryCompare {
        /// The story's id.
        story: String,
        /// Article ids joined by `~`.
        outlets: String,
    },
    /// A story of the library: the figures table.
    #[at("/s/:story/figures")]
    StoryFigures {
        /// The story's id.
        story: String,
    },
    /// A story of the library: sources and framing.
    #[at("/s/:story/framing")]
    StoryFraming {
        /// The story's id.
        story: String,
    },
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The story a route is in (`None`: the embedded story) and the view
    /// it shows, as the embedded story's route of that view.
    /// `#/s/embedded/…` is the embedded story too.
    pub fn split(&self) -> (Option<String>, Route) {
        let (story, plain) = match self.clone() {
            Route::StoryOverview { story } => (story, Route::Overview),
            Route::StoryRead { story, id } => (story, Route::Read { id }),
            Route::StoryCompareAll { story } => (story, Route::CompareAll),
            Route::StoryCompare { story, outlets } => (story, Route::Compare { outlets }),
            Route::StoryFigures { story } => (story, Route::Figures),
            Route::StoryFraming { story } => (story, Route::Framing),
            other => return (None, other),
        };
        if story == crate::library::EMBEDDED {
            (None, plain)
        } else {
            (Some(story), plain)
        }
    }

    /// The view `self` (a route of the embedded story) in `story`.
    pub fn in_story(self, story: Option<&str>) -> Route {
        let Some(story) = story.map(str::to_string) else {
            return self;
        };
        match self {
            Route::Overview => Route::StoryOverview { story },
            Route::Read { id } => Route::StoryRead { story, id },
            Route::CompareAll => Route::StoryCompareAll { story },
            Route::Compare { outlets } => Route::StoryCompare { story, outlets },
            Route::Figures => Route::StoryFigures { story },
            Route::Framing => Route::StoryFraming { story },
            other => other,
        }
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The analysed story.
    pub corpus: Corpus,
}

/// The app as the browser runs it: hash routing around the shell. Once
/// mounted it takes the place of the overview the build prerendered.
#[component]
pub fn App(props: &AppProps) -> Html {
    use_effect_with((), |_| crate::services::dom::app_mounted());
    html! {
        <HashRouter>
            <Shell corpus={props.corpus.clone()} />
        </HashRouter>
    }
}

/// Props of [`Shell`].
#[derive(Properties, PartialEq, Default)]
pub struct ShellProps {
    /// The interface language to start in, instead of the remembered or
    /// guessed one (prerendering each language at build time).
    #[prop_or_default]
    pub lang: Option<Lang>,
    /// The analysed story; the embedded one, analysed here, if none.
    #[prop_or_default]
    pub corpus: Option<Corpus>,
}

/// Providers, header, the routed page and the footer. Tests and the build's
/// prerendering render it inside a `Router` with a memory history.
#[component]
pub fn Shell(props: &ShellProps) -> Html {
    html! {
        <LangProvider initial={props.lang}>
            <LibraryProvider>
            <CorpusProvider corpus={props.corpus.clone()}>
                <SkipLink />
                <Header />
                <main id="main" tabindex="-1">
                    <Views />
                </main>
                <Footer />
                <UpdateBanner />
            </CorpusProvider>
            </LibraryProvider>
        </LangProvider>
    }
}

#[component]
fn SkipLink() -> Html {
    let lang = use_lang();
    html! { <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
        e.prevent_default();
        crate::services::dom::focus_by_id("main");
    })}>{ lang.t(Text::SkipToContent) }</a> }
}

#[component]
fn Footer() -> Html {
    let lang = use_lang();
    // Whether offline use is available is known once the boot script has
    // registered the worker: look again shortly after start.
    let offline = use_state(crate::services::pwa::offline_available);
    {
        let offline = offline.clone();
        use_effect_with((), move |_| {
            let offline = offline.clone();
            crate::services::dom::after_ms(1500, move || {
                offline.set(crate::services::pwa::offline_available())
            });
        });
    }
    html! {
        <footer class="site-footer">
            if *offline == Some(false) {
                <p>{ lang.t(Text::FooterPrivate) }</p>
                <p class="offline-note" id="offline-note">{ lang.t(Text::OfflineUnavailable) }</p>
            } else {
                <p>{ lang.t(Text::FooterOffline) }</p>
            }
        </footer>
    }
}

/// "A new version is ready": shown when the service worker has installed
/// a new build; the user decides when to switch.
#[component]
fn UpdateBanner() -> Html {
    let lang = use_lang();
    let ready = use_state(crate::services::pwa::update_ready);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = {
                let ready = ready.clone();
                crate::services::pwa::on_update_ready(move || ready.set(true))
            };
            // Found between the first render and now: the event is gone.
            if crate::services::pwa::update_ready() {
                ready.set(true);
            }
            move || drop(listener)
        });
    }
    if !*ready {
        return html! {};
    }
    let onclick = Callback::from(|_: MouseEvent| crate::services::pwa::apply_update());
    html! {
        <div class="update-banner" role="status" id="update-banner">
            <span>{ lang.t(Text::UpdateReady) }</span>
            <button type="button" class="button" id="apply-update" {onclick}>{ lang.t(Text::UpdateNow) }</button>
        </div>
    }
}

/// Rendering the app to HTML natively: the build prerenders the overview
/// with it, and tests render every route.
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender {
    use super::*;
    use yew::LocalServerRenderer;
    use yew_router::history::{AnyHistory, MemoryHistory};

    #[derive(Properties, PartialEq)]
    struct AtProps {
        path: AttrValue,
        lang: Option<Lang>,
    }

    #[component]
    fn At(props: &AtProps) -> Html {
        let history = AnyHistory::from(MemoryHistory::with_entries(vec![props.path.to_string()]));
        html! { <Router {history}><Shell lang={props.lang} /></Router> }
    }

    /// The whole app at route `path` as HTML, in `lang` (or the default).
    pub async fn render_at(path: &str, lang: Option<Lang>) -> String {
        LocalServerRenderer::<At>::with_props(AtProps {
            path: AttrValue::from(path.to_string()),
            lang,
        })
        .hydratable(false)
        .render()
        .await
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    /// Renders the whole app at `path`, natively, in Italian.
    pub(crate) async fn render_at(path: &str) -> String {
        super::prerender::render_at(path, None).await
    }

    #[tokio::test]
    async fn unknown_route_says_so() {
        let html = render_at("/nowhere").await;
        assert!(html.contains("Pagina non trovata"), "{html}");
    }

    #[tokio::test]
    async fn shell_has_landmarks() {
        let html = render_at("/").await;
        for landmark in ["<header", "<main", "<footer", "<nav"] {
            assert!(html.contains(landmark), "missing {landmark}");
        }
    }
}
