//! The interface language: chosen by the user, remembered in the browser,
//! first guessed from the browser's language.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::services::{dom, storage};

const STORAGE_KEY: &str = "synoptic.lang";

/// The language context: the current language and a way to change it.
#[derive(Clone, PartialEq)]
pub struct LangHandle {
    lang: Lang,
    set: Callback<Lang>,
}

impl LangHandle {
    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// An interface string in the current language.
    pub fn t(&self, text: Text) -> &'static str {
        self.lang.t(text)
    }

    /// Switches the interface language (and remembers it).
    pub fn set_lang(&self, lang: Lang) {
        self.set.emit(lang);
    }
}

/// Props of [`LangProvider`].
#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    /// The app.
    pub children: Html,
    /// The language to start in, instead of the remembered or guessed one.
    #[prop_or_default]
    pub initial: Option<Lang>,
}

fn initial_lang() -> Lang {
    storage::get(STORAGE_KEY)
        .and_then(|s| Lang::from_tag(&s))
        .or_else(|| dom::browser_language().and_then(|s| Lang::from_tag(&s)))
        .unwrap_or_default()
}

/// Provides the language to everything below it.
#[component]
pub fn LangProvider(props: &LangProviderProps) -> Html {
    let lang = {
        let initial = props.initial;
        use_state(move || initial.unwrap_or_else(initial_lang))
    };
    {
        let code = lang.code();
        use_effect_with(*lang, move |_| dom::set_document_lang(code));
    }
    let set = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            storage::set(STORAGE_KEY, next.code());
            lang.set(next);
        })
    };
    let handle = LangHandle { lang: *lang, set };
    html! {
        <ContextProvider<LangHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<LangHandle>>
    }
}

/// The language context. Outside a [`LangProvider`] (never in the app) it
/// falls back to Italian with a switch that does nothing.
#[hook]
pub fn use_lang() -> LangHandle {
    use_context::<LangHandle>().unwrap_or(LangHandle {
        lang: Lang::default(),
        set: Callback::noop(),
    })
}
