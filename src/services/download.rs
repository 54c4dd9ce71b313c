//! Saving an export as a file the browser downloads.

/// Offers `content` as a download named `filename` of type `mime`.
pub fn save(filename: &str, mime: &str, content: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys_array(content);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(a) = document
            .as_ref()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (filename, mime, content);
}

#[cfg(target_arch = "wasm32")]
fn js_sys_array(s: &str) -> wasm_bindgen::JsValue {
    // A one-element array of strings, without pulling in js-sys.
    let array = web_sys::js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(s));
    array.into()
}
