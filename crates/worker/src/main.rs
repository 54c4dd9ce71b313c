//! The browser build of the analysis worker: the functions of the library
//! exported to the worker script (`tools/pwa.mjs` writes it), which calls
//! them for each message of the page.

#[cfg(target_arch = "wasm32")]
mod exports {
    use synoptic_library::Given;
    use wasm_bindgen::prelude::*;

    /// A story's analysis, an article per step ([`synoptic_worker::Job`]).
    #[wasm_bindgen]
    pub struct Job(Option<synoptic_worker::Job>);

    #[wasm_bindgen]
    impl Job {
        /// The job for a stored record's JSON.
        #[wasm_bindgen(constructor)]
        pub fn new(record: &str) -> Result<Job, JsError> {
            synoptic_worker::Job::new(record)
                .map(|j| Job(Some(j)))
                .map_err(|why| JsError::new(&why))
        }

        /// The number of articles.
        pub fn total(&self) -> usize {
            self.0.as_ref().map_or(0, |j| j.total())
        }

        /// The number analysed so far.
        pub fn done(&self) -> usize {
            self.0.as_ref().map_or(0, |j| j.done())
        }

        /// Analyses the next article; false once every article is.
        pub fn step(&mut self) -> bool {
            self.0.as_mut().is_some_and(|j| j.step())
        }

        /// What the last article analysed holds, as JSON
        /// ([`synoptic_worker::Job::last`]).
        pub fn last(&self) -> String {
            self.0.as_ref().map_or_else(|| "null".into(), |j| j.last())
        }

        /// The comparison's bytes (empty once taken).
        pub fn finish(&mut self) -> Vec<u8> {
            self.0.take().map(|j| j.finish()).unwrap_or_default()
        }
    }

    /// A pasted text checked against a story's record.
    #[wasm_bindgen]
    pub fn prepare_text(
        name: &str,
        text: &str,
        outlet: String,
        date: String,
        url: String,
        author: String,
        record: &str,
    ) -> String {
        let given = Given {
            outlet,
            date,
            url,
            author,
        };
        synoptic_worker::prepare_text(name, text, &given, record)
    }

    /// A chosen file checked against a story's record.
    #[wasm_bindgen]
    pub fn prepare_file(name: &str, bytes: &[u8], record: &str) -> String {
        synoptic_worker::prepare_file(name, bytes, record)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("synoptic-worker runs in the browser, as the app's analysis worker.");
    std::process::exit(2);
}
