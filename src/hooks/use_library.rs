//! The library of the reader's stories, as the app holds it: what the
//! browser's database gave at start-up, changed only through
//! [`Library::save`] and [`Library::delete`], which write to the database
//! first and then read it back, so what is on screen is what is stored. A
//! story's analysis is computed when one of its views is first shown, and
//! again only when its articles change.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_corpus::Corpus;
use crate::library::{Damaged, StoredStory};
use crate::services::db;

/// What is known of the stored library.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shelf {
    /// Whether the database has been read (or found missing).
    pub loaded: bool,
    /// The stories, in id order.
    pub stories: Vec<StoredStory>,
    /// Records that could not be read.
    pub damaged: Vec<Damaged>,
    /// Why the database could not be used, if it could not.
    pub unavailable: Option<String>,
}

/// The library handle every view shares.
#[derive(Clone)]
pub struct Library {
    /// The reading on screen, compared by pointer.
    current: Rc<Shelf>,
    shelf: UseStateHandle<Rc<Shelf>>,
    analysed: Rc<RefCell<HashMap<String, (StoredStory, Corpus)>>>,
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current)
    }
}

impl Library {
    /// The stored library as last read.
    pub fn shelf(&self) -> Rc<Shelf> {
        self.current.clone()
    }

    /// The stored story `id`.
    pub fn story(&self, id: &str) -> Option<StoredStory> {
        self.current.stories.iter().find(|s| s.id == id).cloned()
    }

    /// The story `id`, analysed (once per version of its articles).
    pub fn corpus(&self, id: &str) -> Option<Corpus> {
        let story = self.current.stories.iter().find(|s| s.id == id)?;
        let mut cache = self.analysed.borrow_mut();
        if let Some((seen, corpus)) = cache.get(id) {
            if seen == story {
                return Some(corpus.clone());
            }
        }
        let corpus = Corpus::stored(story);
        cache.insert(id.to_string(), (story.clone(), corpus.clone()));
        Some(corpus)
    }

    /// Stores `story`, then reads the library back; `done` gets the
    /// database's refusal in words, if any (nothing stored changed then).
    pub fn save(&self, story: StoredStory, done: Callback<Result<(), String>>) {
        let shelf = self.shelf.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = db::put(&story).await;
            if result.is_ok() {
                db::persist().await;
            }
            reload(&shelf).await;
            done.emit(result);
        });
    }

    /// Removes the story `id`, then reads the library back.
    pub fn delete(&self, id: String, done: Callback<Result<(), String>>) {
        let shelf = self.shelf.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = db::delete(&id).await;
            reload(&shelf).await;
            done.emit(result);
        });
    }
}

/// Reads the database into `shelf`.
async fn reload(shelf: &UseStateHandle<Rc<Shelf>>) {
    let next = match db::load().await {
        Ok(loaded) => Shelf {
            loaded: true,
            stories: loaded.stories,
            damaged: loaded.damaged,
            unavailable: None,
        },
        Err(why) => Shelf {
            loaded: true,
            unavailable: Some(why),
            ..Shelf::default()
        },
    };
    shelf.set(Rc::new(next));
}

/// Props of [`LibraryProvider`].
#[derive(Properties, PartialEq)]
pub struct LibraryProviderProps {
    /// The app.
    pub children: Html,
}

/// Reads the stored library once and shares it.
#[component]
pub fn LibraryProvider(props: &LibraryProviderProps) -> Html {
    let shelf = use_state(|| Rc::new(Shelf::default()));
    let analysed = use_mut_ref(HashMap::new);
    {
        let shelf = shelf.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move { reload(&shelf).await });
        });
    }
    let library = Library {
        current: (*shelf).clone(),
        shelf,
        analysed,
    };
    html! {
        <ContextProvider<Library> context={library}>
            { props.children.clone() }
        </ContextProvider<Library>>
    }
}

/// The library (`None` outside a provider: never in the app).
#[hook]
pub fn use_library() -> Option<Library> {
    use_context::<Library>()
}
