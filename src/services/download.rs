//! Saving an export as a file the browser downloads.

/// Offers `content` as a download named `filename` of type `mime`.
pub fn save(filename: &str, mime: &str, content: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let blob = gloo_file::Blob::new_with_options(content, Some(mime));
        // Revoked when dropped, after the click has started the download.
        let url = gloo_file::ObjectUrl::from(blob);
        if let Some(a) = super::dom::document()
            .and_then(|d| d.create_element("a").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (filename, mime, content);
}
