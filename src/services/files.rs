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
            let read = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            match read {
                Ok(buffer) => {
                    let bytes = web_sys::js_sys::Uint8Array::new(&buffer).to_vec();
                    each(name, Ok(bytes));
                }
                Err(_) => each(name, Err("the browser could not read the file".into())),
            }
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (files, each);
}
