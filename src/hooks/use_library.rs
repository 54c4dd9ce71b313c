//! The library of the reader's stories, as the app holds it: what the
//! browser's database gave at start-up, changed only through
//! [`Library::save`] and [`Library::delete`], which write to the database
//! first and then read it back, so what is on screen is what is stored. A
//! story is analysed in the worker when one of its views is first shown,
//! and again only when its articles change; its views show the worker's
//! progress until then.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::hooks::use_corpus::Corpus;
use crate::library::{Damaged, StoredStory};
use crate::model::Story;
use crate::services::worker::{ArticleDone, Progress};
use crate::services::{db, worker};

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

/// Where a story's analysis is.
#[derive(Clone, PartialEq)]
pub enum Analysed {
    /// Done: the story to show.
    Ready(Corpus),
    /// In the worker: articles analysed of all, and what each analysed so
    /// far holds (shown while the rest is analysed).
    Working {
        /// Analysed so far.
        done: u32,
        /// All of the story's.
        total: u32,
        /// The articles analysed so far, in the story's order.
        ready: Rc<Vec<ArticleDone>>,
    },
    /// The worker could not: why.
    Failed(String),
    /// No such story.
    Missing,
}

/// A story's analysis, for the version of the story it was asked for.
struct Entry {
    seen: StoredStory,
    state: Analysed,
}

/// The library handle every view shares.
#[derive(Clone)]
pub struct Library {
    /// The reading on screen, compared by pointer.
    current: Rc<Shelf>,
    shelf: UseStateHandle<Rc<Shelf>>,
    analysed: Rc<RefCell<HashMap<String, Entry>>>,
    /// Moves whenever an analysis does, so that views re-render.
    revision: u32,
    bump: Callback<()>,
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.current, &other.current) && self.revision == other.revision
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

    /// The story `id`, analysed (once per version of its articles, in the
    /// worker: the first call starts it).
    pub fn corpus(&self, id: &str) -> Analysed {
        let Some(story) = self.current.stories.iter().find(|s| s.id == id) else {
            return Analysed::Missing;
        };
        let mut cache = self.analysed.borrow_mut();
        if let Some(entry) = cache.get(id) {
            if entry.seen == *story {
                return entry.state.clone();
            }
        }
        let total = u32::try_from(story.articles.len()).unwrap_or(u32::MAX);
        let working = Analysed::Working {
            done: 0,
            total,
            ready: Rc::default(),
        };
        cache.insert(
            id.to_string(),
            Entry {
                seen: story.clone(),
                state: working.clone(),
            },
        );
        drop(cache);
        let (story, analysed, bump) = (story.clone(), self.analysed.clone(), self.bump.clone());
        // Records the new state of `story`'s analysis, unless the story
        // changed since.
        let settle = move |state: Analysed| {
            if let Some(entry) = analysed.borrow_mut().get_mut(&story.id) {
                if entry.seen == story {
                    entry.state = state;
                }
            }
            bump.emit(());
        };
        let progress = {
            let settle = settle.clone();
            let ready: RefCell<Vec<ArticleDone>> = RefCell::default();
            Callback::from(move |p: Progress| {
                let mut list = ready.borrow_mut();
                if let Some(a) = p.article {
                    list.push(a);
                }
                settle(Analysed::Working {
                    done: p.done,
                    total: p.total,
                    ready: Rc::new(list.clone()),
                });
            })
        };
        let story = self.current.stories.iter().find(|s| s.id == id).cloned();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(story) = story else { return };
            // Kept with the story, if this version of the analysis made it
            // from these very articles.
            let key =
                worker::version().map(|v| format!("{v}:{}", crate::library::fingerprint(&story)));
            if let Some(key) = &key {
                if let Some(kept) = db::analysis(&story.id, key).await {
                    if let Ok(analysed) = Story::from_bytes(&kept) {
                        return settle(Analysed::Ready(Corpus::stored(&story, analysed)));
                    }
                }
            }
            let record = crate::library::write_record(&story);
            let answer = worker::ask(worker::Request::Analyse { record: &record }, progress).await;
            let bytes = match answer.and_then(worker::Reply::bytes) {
                Ok(b) => b,
                Err(why) => return settle(Analysed::Failed(why)),
            };
            match Story::from_bytes(&bytes) {
                Ok(analysed) => {
                    settle(Analysed::Ready(Corpus::stored(&story, analysed)));
                    // Kept for the next visit; a full or refused storage
                    // only means it is made again then.
                    if let Some(key) = &key {
                        let _ = db::put_analysis(&story.id, key, &bytes).await;
                    }
                }
                Err(why) => settle(Analysed::Failed(why)),
            }
        });
        working
    }

    /// Forgets a failed analysis of `id`, so the next view asks again.
    pub fn retry(&self, id: &str) {
        self.analysed.borrow_mut().remove(id);
        self.bump.emit(());
    }

    /// Stores `story`, then reads the library back; `done` gets the
    /// database's refusal in words, if any (nothing stored changed then).
    pub fn save(&self, story: StoredStory, done: Callback<Result<(), String>>) {
        self.save_all(vec![story], done);
    }

    /// Stores every story of `stories` in one transaction (all or none),
    /// then reads the library back.
    pub fn save_all(&self, stories: Vec<StoredStory>, done: Callback<Result<(), String>>) {
        let shelf = self.shelf.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = db::put_all(&stories).await;
            if result.is_ok() {
                // Asked, not awaited: Firefox asks the reader first, and its
                // answer may never come; the story is stored either way.
                wasm_bindgen_futures::spawn_local(db::persist());
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
            if result.is_ok() {
                let _ = db::forget_analysis(&id).await;
            }
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
    let revision = use_state(|| 0u32);
    let counter = use_mut_ref(|| Cell::new(0u32));
    let bump = {
        let revision = revision.clone();
        Callback::from(move |()| {
            let counter = counter.borrow();
            counter.set(counter.get().wrapping_add(1));
            revision.set(counter.get());
        })
    };
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
        revision: *revision,
        bump,
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
