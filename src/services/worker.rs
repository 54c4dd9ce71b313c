//! The analysis worker, as the page talks to it. The analysis code, file
//! import and readability extraction are not in the page's module: the
//! boot script offers `synopticWorker()`, which starts the worker
//! (`tools/pwa.mjs` writes its script; it loads `crates/worker`'s module
//! on its first message). One worker serves the page; every request gets
//! an id, and the worker answers each with progress (`[done, total]`),
//! then its result or its error. If the worker cannot start or dies,
//! every waiting request fails with the reason, and the next request
//! starts a new one.
//!
//! Natively (component tests, the prerender) there is no worker: every
//! request fails at once with [`UNAVAILABLE`].

use yew::Callback;

/// Why a request fails where there is no worker.
pub const UNAVAILABLE: &str = "no analysis worker in this page";

/// A request to the worker.
pub enum Request<'a> {
    /// Analyse a story, given as its stored record.
    Analyse { record: &'a str },
    /// Check a pasted text against the story's record.
    Text {
        name: &'a str,
        text: &'a str,
        given: &'a crate::library::Given,
        record: &'a str,
    },
    /// Check a chosen file against the story's record.
    File {
        name: &'a str,
        bytes: &'a [u8],
        record: &'a str,
    },
}

/// The version of the worker's analysis (its module's hash, as the boot
/// script gives it): a kept analysis made by another version is made again.
pub fn version() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let start = crate::services::dom::page_function("synopticWorker")?;
        web_sys::js_sys::Reflect::get(&start, &wasm_bindgen::JsValue::from_str("version"))
            .ok()?
            .as_string()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// What the worker answers.
pub enum Reply {
    /// JSON text (texts and files checked).
    Text(String),
    /// Bytes (an analysis: a comparison's compact bytes).
    Bytes(Vec<u8>),
}

impl Reply {
    /// The text, if the answer is text.
    pub fn text(self) -> Result<String, String> {
        match self {
            Reply::Text(t) => Ok(t),
            Reply::Bytes(_) => Err("the worker answered bytes, not text".into()),
        }
    }

    /// The bytes, if the answer is bytes.
    pub fn bytes(self) -> Result<Vec<u8>, String> {
        match self {
            Reply::Bytes(b) => Ok(b),
            Reply::Text(_) => Err("the worker answered text, not bytes".into()),
        }
    }
}

/// What an article analysed holds, as the worker says it after each
/// article of a story (see `Job::last` in `crates/worker`).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDone {
    /// The article's id in its story.
    pub id: String,
    /// Its headline, or its id.
    pub title: String,
    /// Its outlet, if known.
    pub outlet: Option<String>,
    /// How many story figures it has that the views show.
    pub figures: usize,
    /// The first of them, as `(kind, text)`.
    pub first: Vec<(String, String)>,
}

/// How far the worker has gone: articles done of all, and what the one
/// just done holds (for an analysis).
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Articles done.
    pub done: u32,
    /// All of them.
    pub total: u32,
    /// The article just analysed, if the worker said.
    pub article: Option<ArticleDone>,
}

/// Sends `request`; `progress` hears how far the worker has gone.
/// The worker's answer or why there is none.
pub async fn ask(request: Request<'_>, progress: Callback<Progress>) -> Result<Reply, String> {
    #[cfg(target_arch = "wasm32")]
    {
        browser::ask(request, progress).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (request, progress);
        Err(UNAVAILABLE.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::article_done;

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
    use yew::Callback;

    use super::{Progress, Reply, Request, UNAVAILABLE};

    /// A request waiting for its answer.
    struct Waiting {
        resolve: Function,
        reject: Function,
        progress: Callback<Progress>,
    }

    /// The running worker and what waits on it.
    struct Channel {
        worker: web_sys::Worker,
        waiting: RefCell<HashMap<u32, Waiting>>,
        _listeners: [gloo_events::EventListener; 2],
    }

    thread_local! {
        static CHANNEL: RefCell<Option<Rc<Channel>>> = const { RefCell::new(None) };
        static NEXT: Cell<u32> = const { Cell::new(1) };
    }

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The article the worker describes (`{id, title, outlet, figures,
    /// first: [[kind, text], …]}`, see `Job::last`); none if it is not
    /// that.
    pub fn article_done(v: &JsValue) -> Option<super::ArticleDone> {
        let text = |v: JsValue| v.as_string();
        let first = get(v, "first")
            .dyn_into::<Array>()
            .map(|a| {
                a.iter()
                    .filter_map(|pair| Some((text(get(&pair, "0"))?, text(get(&pair, "1"))?)))
                    .collect()
            })
            .unwrap_or_default();
        Some(super::ArticleDone {
            id: text(get(v, "id"))?,
            title: text(get(v, "title"))?,
            outlet: text(get(v, "outlet")),
            figures: get(v, "figures").as_f64()? as usize,
            first,
        })
    }

    /// Fails every waiting request and forgets the worker.
    fn fail_all(why: &str) {
        let Some(channel) = CHANNEL.with(|c| c.borrow_mut().take()) else {
            return;
        };
        channel.worker.terminate();
        let waiting: Vec<Waiting> = channel
            .waiting
            .borrow_mut()
            .drain()
            .map(|(_, w)| w)
            .collect();
        for w in waiting {
            let _ = w.reject.call1(&JsValue::NULL, &JsValue::from_str(why));
        }
    }

    fn on_message(e: &web_sys::Event) {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = e.data();
        let Some(id) = get(&data, "id").as_f64().map(|n| n as u32) else {
            return;
        };
        let Some(channel) = CHANNEL.with(|c| c.borrow().clone()) else {
            return;
        };
        let progress = get(&data, "progress");
        if let Some(p) = progress.dyn_ref::<Array>() {
            let n = |i| p.get(i).as_f64().unwrap_or(0.0) as u32;
            if let Some(w) = channel.waiting.borrow().get(&id) {
                w.progress.emit(Progress {
                    done: n(0),
                    total: n(1),
                    article: article_done(&get(&data, "article")),
                });
            }
            return;
        }
        let Some(w) = channel.waiting.borrow_mut().remove(&id) else {
            return;
        };
        let ok = get(&data, "ok");
        if ok.is_string() || ok.is_instance_of::<Uint8Array>() {
            let _ = w.resolve.call1(&JsValue::NULL, &ok);
        } else {
            let error = get(&data, "error")
                .as_string()
                .unwrap_or_else(|| "the worker gave no answer".into());
            let _ = w.reject.call1(&JsValue::NULL, &JsValue::from_str(&error));
            // A trap: the worker has closed; the next request starts another.
            if get(&data, "fatal").is_truthy() {
                fail_all(&error);
            }
        }
    }

    /// The page's worker, started on first use.
    fn channel() -> Result<Rc<Channel>, String> {
        if let Some(c) = CHANNEL.with(|c| c.borrow().clone()) {
            return Ok(c);
        }
        let start = crate::services::dom::page_function("synopticWorker")
            .ok_or_else(|| UNAVAILABLE.to_string())?;
        let worker: web_sys::Worker = start
            .call0(&JsValue::NULL)
            .map_err(|e| format!("{e:?}"))?
            .dyn_into()
            .map_err(|_| UNAVAILABLE.to_string())?;
        use gloo_events::{EventListener, EventListenerOptions};
        let on_message = EventListener::new(&worker, "message", on_message);
        // Not passive: the error is handled here, not reported as uncaught.
        let on_error = EventListener::new_with_options(
            &worker,
            "error",
            EventListenerOptions::enable_prevent_default(),
            |e: &web_sys::Event| {
                e.prevent_default();
                let message = get(e, "message").as_string().unwrap_or_default();
                fail_all(&format!("the analysis worker stopped ({message})"));
            },
        );
        let channel = Rc::new(Channel {
            worker,
            waiting: RefCell::new(HashMap::new()),
            _listeners: [on_message, on_error],
        });
        CHANNEL.with(|c| *c.borrow_mut() = Some(channel.clone()));
        Ok(channel)
    }

    fn message(id: u32, request: &Request<'_>) -> Object {
        let m = Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&m, &JsValue::from_str(k), v);
        };
        set("id", &JsValue::from(id));
        let s = |v: &str| JsValue::from_str(v);
        match request {
            Request::Analyse { record } => {
                set("kind", &s("analyse"));
                set("record", &s(record));
            }
            Request::Text {
                name,
                text,
                given,
                record,
            } => {
                set("kind", &s("text"));
                set("name", &s(name));
                set("text", &s(text));
                set("outlet", &s(&given.outlet));
                set("date", &s(&given.date));
                set("url", &s(&given.url));
                set("author", &s(&given.author));
                set("record", &s(record));
            }
            Request::File {
                name,
                bytes,
                record,
            } => {
                set("kind", &s("file"));
                set("name", &s(name));
                set("bytes", &Uint8Array::from(*bytes));
                set("record", &s(record));
            }
        }
        m
    }

    pub async fn ask(request: Request<'_>, progress: Callback<Progress>) -> Result<Reply, String> {
        let channel = channel()?;
        let id = NEXT.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        let promise = Promise::new(&mut |resolve, reject| {
            channel.waiting.borrow_mut().insert(
                id,
                Waiting {
                    resolve,
                    reject,
                    progress: progress.clone(),
                },
            );
        });
        if let Err(e) = channel.worker.post_message(&message(id, &request)) {
            channel.waiting.borrow_mut().remove(&id);
            return Err(format!("{e:?}"));
        }
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(v) => match v.as_string() {
                Some(text) => Ok(Reply::Text(text)),
                None => v
                    .dyn_into::<Uint8Array>()
                    .map(|b| Reply::Bytes(b.to_vec()))
                    .map_err(|_| "the worker gave no answer".into()),
            },
            Err(e) => Err(e.as_string().unwrap_or_else(|| format!("{e:?}"))),
        }
    }
}
