//! The story the app shows: the embedded articles as the build analysed
//! them, or a library story as the worker did, shared by reference with
//! every view.

use std::rc::Rc;

use synoptic_core::Article;
use yew::prelude::*;

use crate::model::Story;

/// The story on screen, shared cheaply (comparison is by pointer), with
/// the library's id and name for it (`None`: the embedded story).
#[derive(Clone)]
pub struct Corpus(pub Rc<Story>, pub Option<(AttrValue, AttrValue)>);

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.1 == other.1
    }
}

impl Corpus {
    /// The embedded story, analysed.
    pub fn embedded() -> Corpus {
        Corpus(Rc::new(Story::embedded()), None)
    }

    /// A story of the library, from its comparison.
    pub fn stored(story: &crate::library::StoredStory, analysed: Story) -> Corpus {
        Corpus(
            Rc::new(analysed),
            Some((story.id.clone().into(), story.name.clone().into())),
        )
    }

    /// The library's id of the story (`None`: the embedded one).
    pub fn id(&self) -> Option<&str> {
        self.1.as_ref().map(|(id, _)| id.as_str())
    }

    /// The name the reader gave the story (`None`: the embedded one).
    pub fn name(&self) -> Option<&str> {
        self.1.as_ref().map(|(_, name)| name.as_str())
    }

    /// The view `route` (a route of the embedded story) in this story.
    pub fn at(&self, route: crate::app::Route) -> crate::app::Route {
        route.in_story(self.id())
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.0.index_of(id).map(|i| self.0.article(i))
    }

    /// All articles, in corpus order.
    pub fn articles(&self) -> Vec<&Article> {
        self.0.articles().collect()
    }

    /// The analysed story.
    pub fn story(&self) -> &Story {
        &self.0
    }
}

/// Props of [`CorpusProvider`].
#[derive(Properties, PartialEq)]
pub struct CorpusProviderProps {
    /// The story to show; if none, the embedded one.
    #[prop_or_default]
    pub corpus: Option<Corpus>,
    /// The app.
    pub children: Html,
}

/// Provides the story: the one given, else the embedded one.
#[component]
pub fn CorpusProvider(props: &CorpusProviderProps) -> Html {
    let corpus = use_memo(props.corpus.clone(), |given| {
        given.clone().unwrap_or_else(Corpus::embedded)
    });
    html! {
        <ContextProvider<Corpus> context={(*corpus).clone()}>
            { props.children.clone() }
        </ContextProvider<Corpus>>
    }
}

thread_local! {
    /// The embedded story for components rendered outside a provider
    /// (never in the app), read on first use only.
    static FALLBACK: Corpus = Corpus::embedded();
}

/// The corpus context (the embedded story outside a provider).
#[hook]
pub fn use_corpus() -> Corpus {
    use_context::<Corpus>().unwrap_or_else(|| FALLBACK.with(Corpus::clone))
}
