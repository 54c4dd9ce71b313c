//! The library in the browser's database (IndexedDB, through `web-sys`'s
//! bindings: the maintained wrappers cost 23 KB of the first load, over
//! its budget, for four calls):
//! one object store, `stories`, each story's JSON text under its id (see
//! `library`), and one of each story's analysis, `analyses`, a cache the
//! app can always rebuild. Every call says what failed in words for the reader; where
//! there is no database (private modes, a browser that refuses it, natively)
//! the library is empty and saving says so, while the embedded story works
//! as ever.

#[cfg(target_arch = "wasm32")]
use crate::library::read_record;
use crate::library::{write_record, Damaged, StoredStory};

/// The database's name.
pub const NAME: &str = "synoptic";
/// The database's version: raised with each change of its stores.
pub const VERSION: u32 = 2;
/// How a refusal for want of space begins (the interface says it in its
/// own words).
pub const FULL: &str = "the browser's storage is full";
/// The object store of stories (version 1).
pub const STORIES: &str = "stories";
/// The object store of stories' analyses (version 2): under a story's id,
/// `{key, bytes}`, the comparison's bytes and the key of what they were
/// computed from (the worker's version and the story's fingerprint).
pub const ANALYSES: &str = "analyses";

/// What the library holds: the stories read, and the records that could not
/// be.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// Stories, in key order.
    pub stories: Vec<StoredStory>,
    /// Records that are damaged or of a newer schema.
    pub damaged: Vec<Damaged>,
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::js_sys::{Array, Promise};
    use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

    /// What a failed request or transaction said, in words.
    fn said(error: JsValue) -> String {
        let text = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| format!("{}: {}", e.name(), e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "unknown error".into());
        if text.contains("Quota") {
            format!("{FULL} ({text})")
        } else {
            text
        }
    }

    /// Resolves when `request` succeeds (its result), or with its error.
    async fn finished(request: &IdbRequest) -> Result<JsValue, String> {
        let promise = Promise::new(&mut |resolve, reject| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&reject));
        });
        let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
        request.set_onsuccess(None);
        request.set_onerror(None);
        match outcome {
            Ok(_) => request.result().map_err(said),
            Err(_) => Err(request
                .error()
                .ok()
                .flatten()
                .map(|e| said(e.into()))
                .unwrap_or_else(|| "the request failed".into())),
        }
    }

    /// Resolves when `tx` has committed, or with why it did not.
    async fn committed(tx: &IdbTransaction) -> Result<(), String> {
        let promise = Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onerror(Some(&reject));
            tx.set_onabort(Some(&reject));
        });
        let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
        match outcome {
            Ok(_) => Ok(()),
            Err(_) => Err(tx
                .error()
                .map(|e| said(e.into()))
                .unwrap_or_else(|| "the change was not saved".into())),
        }
    }

    /// Opens the database, creating or migrating its stores: each version
    /// adds its step, run once from whatever version the browser has.
    async fn open() -> Result<IdbDatabase, String> {
        let unavailable = |why: String| format!("the browser's database cannot be opened ({why})");
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| unavailable("no IndexedDB".into()))?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(NAME, VERSION)
            .map_err(|e| unavailable(said(e)))?;
        let upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
            move |e: web_sys::IdbVersionChangeEvent| {
                let Some(db) = e
                    .target()
                    .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                    .and_then(|r| r.result().ok())
                    .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
                else {
                    return;
                };
                // Version 1: one store of stories, keys given by the app.
                if e.old_version() < 1.0 && !db.object_store_names().contains(STORIES) {
                    let _ = db.create_object_store(STORIES);
                }
                // Version 2: the stories' analyses, kept with them.
                if e.old_version() < 2.0 && !db.object_store_names().contains(ANALYSES) {
                    let _ = db.create_object_store(ANALYSES);
                }
            },
        );
        request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let result = finished(&request).await;
        request.set_onupgradeneeded(None);
        drop(upgrade);
        result
            .map_err(unavailable)?
            .dyn_into::<IdbDatabase>()
            .map_err(|_| unavailable("not a database".into()))
    }

    pub async fn load() -> Result<Loaded, String> {
        let db = open().await?;
        let tx = db.transaction_with_str(STORIES).map_err(said)?;
        let store = tx.object_store(STORIES).map_err(said)?;
        let keys = finished(&store.get_all_keys().map_err(said)?).await;
        let values = finished(&store.get_all().map_err(said)?).await;
        db.close();
        let (keys, values) = (Array::from(&keys?), Array::from(&values?));
        let mut loaded = Loaded::default();
        for (key, value) in keys.iter().zip(values.iter()) {
            let key = key.as_string().unwrap_or_default();
            let raw = value.as_string().unwrap_or_else(|| {
                web_sys::js_sys::JSON::stringify(&value)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default()
            });
            match read_record(&key, &raw) {
                Ok(story) => loaded.stories.push(story),
                Err(d) => loaded.damaged.push(d),
            }
        }
        Ok(loaded)
    }

    /// Runs `change` on the stories in one read-write transaction and waits
    /// for it to commit.
    async fn write(
        change: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), String> {
        write_in(STORIES, change).await
    }

    /// Runs `change` on the store `name` in one read-write transaction and
    /// waits for it to commit.
    async fn write_in(
        name: &str,
        change: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), String> {
        let db = open().await?;
        let result = async {
            let tx = db
                .transaction_with_str_and_mode(name, IdbTransactionMode::Readwrite)
                .map_err(said)?;
            let store = tx.object_store(name).map_err(said)?;
            change(&store).map_err(said)?;
            committed(&tx).await
        }
        .await;
        db.close();
        result
    }

    pub async fn put_all(stories: &[StoredStory]) -> Result<(), String> {
        write(|store| {
            for story in stories {
                let value = JsValue::from_str(&write_record(story));
                store.put_with_key(&value, &JsValue::from_str(&story.id))?;
            }
            Ok(())
        })
        .await
    }

    pub async fn delete(id: &str) -> Result<(), String> {
        let key = JsValue::from_str(id);
        write(|store| store.delete(&key).map(drop)).await
    }

    pub async fn put_analysis(id: &str, key: &str, bytes: &[u8]) -> Result<(), String> {
        let value = web_sys::js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            web_sys::js_sys::Reflect::set(&value, &JsValue::from_str(k), v).map(drop)
        };
        set("key", &JsValue::from_str(key)).map_err(said)?;
        set("bytes", &web_sys::js_sys::Uint8Array::from(bytes)).map_err(said)?;
        let id = JsValue::from_str(id);
        write_in(ANALYSES, |store| store.put_with_key(&value, &id).map(drop)).await
    }

    pub async fn analysis(id: &str, key: &str) -> Option<Vec<u8>> {
        let db = open().await.ok()?;
        let found = async {
            let tx = db.transaction_with_str(ANALYSES).ok()?;
            let request = tx
                .object_store(ANALYSES)
                .ok()?
                .get(&JsValue::from_str(id))
                .ok()?;
            let value = finished(&request).await.ok()?;
            let get = |k: &str| web_sys::js_sys::Reflect::get(&value, &JsValue::from_str(k)).ok();
            if get("key")?.as_string()? != key {
                return None;
            }
            let bytes = get("bytes")?
                .dyn_into::<web_sys::js_sys::Uint8Array>()
                .ok()?;
            Some(bytes.to_vec())
        }
        .await;
        db.close();
        found
    }

    pub async fn forget_analysis(id: &str) -> Result<(), String> {
        let id = JsValue::from_str(id);
        write_in(ANALYSES, |store| store.delete(&id).map(drop)).await
    }

    pub async fn persist() {
        let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
            return;
        };
        if let Ok(p) = storage.persist() {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        }
    }
}

/// Reads every stored story.
pub async fn load() -> Result<Loaded, String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::load().await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(Loaded::default())
    }
}

/// Stores every story of `stories` in one transaction: all or, on
/// failure, none.
pub async fn put_all(stories: &[StoredStory]) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::put_all(stories).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = stories.iter().map(write_record).count();
        Err("no browser database here".into())
    }
}

/// Keeps the analysis of story `id` (a comparison's bytes) under `key`.
pub async fn put_analysis(id: &str, key: &str, bytes: &[u8]) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::put_analysis(id, key, bytes).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (id, key, bytes);
        Err("no browser database here".into())
    }
}

/// The kept analysis of story `id`, if it was kept under `key`.
pub async fn analysis(id: &str, key: &str) -> Option<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::analysis(id, key).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (id, key);
        None
    }
}

/// Drops the kept analysis of story `id` (a deleted story's texts are
/// in it).
pub async fn forget_analysis(id: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::forget_analysis(id).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        Ok(())
    }
}

/// Removes the story `id`.
pub async fn delete(id: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::delete(id).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = id;
        Err("no browser database here".into())
    }
}

/// Asks the browser to keep the library when it clears storage (it may
/// still decide otherwise: Safari evicts a site's data after days without a
/// visit unless the app is installed).
pub async fn persist() {
    #[cfg(target_arch = "wasm32")]
    browser::persist().await;
}
