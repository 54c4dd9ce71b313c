//! The corpus the app shows: the embedded story, parsed once at start-up and
//! shared by reference with every view.

use std::rc::Rc;

use synoptic_core::Article;
use yew::prelude::*;

/// The articles on screen, shared cheaply (comparison is by pointer).
#[derive(Clone)]
pub struct Corpus(pub Rc<Vec<Article>>);

impl PartialEq for Corpus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Corpus {
    /// The embedded story.
    pub fn embedded() -> Corpus {
        Corpus(Rc::new(synoptic_core::corpus::embedded()))
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.0.iter().find(|a| a.id == id)
    }

    /// All articles, in corpus order.
    pub fn articles(&self) -> &[Article] {
        &self.0
    }
}

/// Props of [`CorpusProvider`].
#[derive(Properties, PartialEq)]
pub struct CorpusProviderProps {
    /// The app.
    pub children: Html,
}

/// Parses the embedded corpus once and provides it.
#[component]
pub fn CorpusProvider(props: &CorpusProviderProps) -> Html {
    let corpus = use_memo((), |_| Corpus::embedded());
    html! {
        <ContextProvider<Corpus> context={(*corpus).clone()}>
            { props.children.clone() }
        </ContextProvider<Corpus>>
    }
}

/// The corpus context (the embedded story outside a provider).
#[hook]
pub fn use_corpus() -> Corpus {
    let fallback = use_memo((), |_| Corpus::embedded());
    use_context::<Corpus>().unwrap_or_else(|| (*fallback).clone())
}
