//! Files the reader chooses: their names and bytes, read one after another
//! (never more than one file's bytes held at a time beyond what is kept).

/// Files larger than this are refused before they are read (bytes).
pub const MAX_FILE_BYTES: f64 = 4_000_000.0;

/// The files chosen in a file input.
pub fn chosen(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads each file's bytes and gives them to `each` with the file's name
/// (or why it could not be read), in order.
pub fn read_all(
    files: Vec<web_sys::File>,
    each: impl Fn(String, Result<Vec<u8>, String>) + 'static,
) {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                each(
                    name,
                    Err(format!(
                        "{:.1} MB > {:.0} MB",
                        file.size() / 1e6,
                        MAX_FILE_BYTES / 1e6
                    )),
                );
                continue;
            }
            let blob = gloo_file::Blob::from(file);
            match gloo_file::futures::read_as_bytes(&blob).await {
                Ok(bytes) => each(name, Ok(bytes)),
                Err(_) => each(name, Err("the browser could not read the file".into())),
            }
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (files, each);
}

/// One thing another app shared with Synoptic (its share target): a text
/// (with the title and link it came with) or a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// A file (else a text).
    pub file: bool,
    /// The file's name.
    pub name: String,
    /// The title shared with a text.
    pub title: String,
    /// The link shared with a text.
    pub url: String,
    /// The text's UTF-8, or the file's bytes.
    pub bytes: Vec<u8>,
}

/// What was shared with the app since it last looked, taken out of the
/// service worker's keeping (nothing where there is none).
pub async fn take_shared() -> Vec<Shared> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        use web_sys::js_sys::{Array, Promise, Reflect, Uint8Array};
        let Some(take) = crate::services::dom::page_function("synopticTakeShared") else {
            return Vec::new();
        };
        let Some(promise) = take
            .call0(&JsValue::NULL)
            .ok()
            .and_then(|p| p.dyn_into::<Promise>().ok())
        else {
            return Vec::new();
        };
        let Ok(items) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return Vec::new();
        };
        let text = |v: &JsValue, k: &str| {
            Reflect::get(v, &JsValue::from_str(k))
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default()
        };
        Array::from(&items)
            .iter()
            .map(|item| Shared {
                file: text(&item, "kind") == "file",
                name: text(&item, "name"),
                title: text(&item, "title"),
                url: text(&item, "url"),
                bytes: Reflect::get(&item, &JsValue::from_str("bytes"))
                    .ok()
                    .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                    .map(|b| b.to_vec())
                    .unwrap_or_default(),
            })
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}
