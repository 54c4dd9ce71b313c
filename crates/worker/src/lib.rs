//! What Synoptic's analysis worker does, as plain Rust (tested natively;
//! `main.rs` exports it to the worker script in the browser build).
//!
//! The page keeps the interface and the reader's database; the analysis
//! code, the import of files and the readability extraction live here, in
//! a module of their own that the page loads only when a reader's own
//! story needs them. Everything crosses the worker's boundary as JSON
//! text, but for the analysis: a story goes as its stored record, its
//! [`Comparison`](synoptic_core::compare::Comparison) comes back as its
//! compact bytes; texts checked into
//! articles as a record of the articles accepted and the messages for the
//! reader in both interface languages.

use serde_json::{json, Value};
use synoptic_core::analysis::{analyse, Analysis};
use synoptic_core::compare::compare_analysed;
use synoptic_core::Article;
use synoptic_library::{self as library, AddError, Given, StoredArticle, StoredStory};

/// How many figures of each article analysed [`Job::last`] names.
pub const FIRST_SHOWN: usize = 3;

/// One story's analysis, an article per step, so the worker can say how
/// far it has gone between steps.
pub struct Job {
    articles: Vec<Article>,
    analysed: Vec<Analysis>,
}

impl Job {
    /// The job for a stored record (`write_record`'s JSON); why it cannot
    /// be read otherwise.
    pub fn new(record: &str) -> Result<Job, String> {
        let story = read(record)?;
        Ok(Job {
            articles: library::articles(&story),
            analysed: Vec::new(),
        })
    }

    /// The number of articles.
    pub fn total(&self) -> usize {
        self.articles.len()
    }

    /// The number of articles analysed so far.
    pub fn done(&self) -> usize {
        self.analysed.len()
    }

    /// Analyses the next article; false once every article is.
    pub fn step(&mut self) -> bool {
        match self.articles.get(self.analysed.len()) {
            Some(a) => {
                self.analysed.push(analyse(a, None));
                true
            }
            None => false,
        }
    }

    /// What the last article analysed holds, for the reader to see while
    /// the rest is analysed: JSON `{"id", "title", "outlet", "figures",
    /// "first"}`, where `figures` counts its story figures that measure
    /// something (bare numbers and page chrome left out, as the views
    /// show them) and `first` gives the first [`FIRST_SHOWN`] of them as
    /// `[kind, text]`. `null` before the first step.
    pub fn last(&self) -> String {
        let Some(a) = self.analysed.last() else {
            return "null".into();
        };
        let mut shown = a.figures.iter().filter(|f| f.is_story_measure());
        let first: Vec<Value> = shown
            .by_ref()
            .take(FIRST_SHOWN)
            .map(|f| {
                json!([
                    f.kind.as_str(),
                    synoptic_core::text::collapse_whitespace(&f.text)
                ])
            })
            .collect();
        let figures = first.len() + shown.count();
        json!({
            "id": a.article.id,
            "title": a.article.headline().unwrap_or(&a.article.id),
            "outlet": a.article.meta.outlet,
            "figures": figures,
            "first": first,
        })
        .to_string()
    }

    /// Analyses what is left, compares the articles and gives the
    /// comparison as its bytes ([`Comparison::to_bytes`]).
    ///
    /// [`Comparison::to_bytes`]: synoptic_core::compare::Comparison::to_bytes
    pub fn finish(mut self) -> Vec<u8> {
        while self.step() {}
        compare_analysed(self.analysed).to_bytes()
    }
}

/// What checking texts gave: the articles accepted (as a record, read back
/// with `read_record`) and a message for each text refused or changed.
struct Outcome {
    accepted: Vec<StoredArticle>,
    messages: Vec<Value>,
}

impl Outcome {
    fn new() -> Outcome {
        Outcome {
            accepted: Vec::new(),
            messages: Vec::new(),
        }
    }

    fn say(&mut self, ok: bool, it: String, en: String) {
        self.messages.push(json!({ "ok": ok, "it": it, "en": en }));
    }

    fn refuse(&mut self, name: &str, e: &AddError) {
        self.say(
            false,
            format!("{name}: {}", e.message(true)),
            format!("{name}: {}", e.message(false)),
        );
    }

    fn json(self) -> String {
        let record = StoredStory {
            schema: library::SCHEMA,
            id: "accepted".into(),
            name: "accepted".into(),
            articles: self.accepted,
        };
        json!({ "record": library::write_record(&record), "messages": self.messages }).to_string()
    }
}

/// The articles already in the story (or being added to it), from a
/// record's JSON; none if it cannot be read.
fn existing(record: &str) -> Vec<StoredArticle> {
    read(record).map(|s| s.articles).unwrap_or_default()
}

/// A story from its record's JSON, wherever it is kept.
pub fn read(record: &str) -> Result<StoredStory, String> {
    let id = serde_json::from_str::<Value>(record)
        .ok()
        .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_string))
        .unwrap_or_default();
    library::read_record(&id, record).map_err(|d| d.why)
}

/// A pasted text and what the reader typed beside it, checked against the
/// articles of `record`.
pub fn prepare_text(name: &str, text: &str, given: &Given, record: &str) -> String {
    let mut out = Outcome::new();
    match library::make_article(name, text, given, &existing(record)) {
        Ok(a) => out.accepted.push(a),
        Err(e) => out.refuse(name, &e),
    }
    out.json()
}

/// A chosen file (text, Markdown, a saved web page, Synoptic's export),
/// each article it holds checked against the articles of `record` and the
/// file's earlier articles.
pub fn prepare_file(name: &str, bytes: &[u8], record: &str) -> String {
    let mut out = Outcome::new();
    let mut known = existing(record);
    match synoptic_import::import(name, bytes) {
        Err(e) => out.say(
            false,
            format!("{name}: {}", e.italian()),
            format!("{name}: {e}"),
        ),
        Ok(found) => {
            for a in found {
                match library::imported_article(&a.name, &a.text, a.meta, a.inferred, &known) {
                    Ok(article) => {
                        for note in &a.notes {
                            out.say(
                                true,
                                format!("{}: {}", a.name, synoptic_import::note_italian(note)),
                                format!("{}: {note}", a.name),
                            );
                        }
                        known.push(article.clone());
                        out.accepted.push(article);
                    }
                    Err(e) => out.refuse(&a.name, &e),
                }
            }
        }
    }
    out.json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use synoptic_core::compare::{compare, Comparison};

    fn record(texts: &[(&str, &str)]) -> String {
        let story = StoredStory {
            schema: library::SCHEMA,
            id: "s".into(),
            name: "S".into(),
            articles: texts
                .iter()
                .map(|(name, text)| {
                    library::make_article(name, text, &Given::default(), &[]).unwrap()
                })
                .collect(),
        };
        library::write_record(&story)
    }

    const A: &str = "Roma, 3 marzo 2025 – Il governo ha stanziato 2,5 miliardi di euro per 120 mila famiglie.\n";
    const B: &str = "Il governo ha stanziato 2,4 miliardi di euro, ha detto il ministro martedì.\n";

    #[test]
    fn a_job_gives_the_comparison_the_page_would_have_computed() {
        let raw = record(&[("a.txt", A), ("b.txt", B)]);
        let mut job = Job::new(&raw).unwrap();
        assert_eq!((job.total(), job.done()), (2, 0));
        assert_eq!(job.last(), "null");
        assert!(job.step());
        assert_eq!(job.done(), 1);
        let last: Value = serde_json::from_str(&job.last()).unwrap();
        assert_eq!(last["id"], "001");
        assert_eq!(last["figures"], 3, "{last}");
        assert_eq!(
            last["first"],
            json!([
                ["date", "3 marzo 2025"],
                ["amount", "2,5 miliardi di euro"],
                ["count", "120 mila famiglie"]
            ])
        );
        let got = Comparison::from_bytes(&job.finish()).unwrap();
        let story = read(&raw).unwrap();
        let want = compare(&library::articles(&story), None);
        assert_eq!(
            serde_json::to_string(&got).unwrap(),
            serde_json::to_string(&want).unwrap()
        );
        assert!(!got.quantities.is_empty());
    }

    #[test]
    fn a_damaged_record_is_no_job() {
        assert!(Job::new("{").is_err());
        assert!(Job::new(r#"{"schema": 99, "id": "x", "name": "x", "articles": []}"#).is_err());
    }

    fn outcome(json: &str) -> (Vec<StoredArticle>, Vec<Value>) {
        let v: Value = serde_json::from_str(json).unwrap();
        let story = read(v["record"].as_str().unwrap()).unwrap();
        (story.articles, v["messages"].as_array().unwrap().clone())
    }

    #[test]
    fn texts_are_checked_against_the_story() {
        let raw = record(&[("a.txt", A)]);
        let (ok, said) = outcome(&prepare_text("b", B, &Given::default(), &raw));
        assert_eq!(ok.len(), 1);
        assert!(said.is_empty());
        let (ok, said) = outcome(&prepare_text("again", A, &Given::default(), &raw));
        assert!(ok.is_empty());
        assert_eq!(said.len(), 1);
        assert!(said[0]["it"].as_str().unwrap().contains("a.txt"));
        assert!(said[0]["en"].as_str().unwrap().contains("kept once"));
        // The dateline's date is inferred.
        let (ok, _) = outcome(&prepare_text("a", A, &Given::default(), "{}"));
        assert_eq!(ok[0].meta.date.as_deref(), Some("2025-03-03"));
        assert_eq!(ok[0].inferred, ["date"]);
    }

    #[test]
    fn files_of_every_format_become_articles() {
        let md = "---\noutlet: Il Foglio\ndate: 2025-03-04\n---\n# Titolo\n\nIl governo ha stanziato 2,4 miliardi.\n";
        let (ok, said) = outcome(&prepare_file("nota.md", md.as_bytes(), "{}"));
        assert_eq!(ok.len(), 1, "{said:?}");
        assert_eq!(ok[0].meta.outlet.as_deref(), Some("Il Foglio"));
        assert_eq!(ok[0].meta.date.as_deref(), Some("2025-03-04"));
        assert!(!ok[0].text.contains("outlet:"));

        let page = "<!doctype html><html><head><title>T</title><script>alert(1)</script></head><body><nav>Home | Esteri</nav><article><h1>Il governo stanzia 2,4 miliardi</h1><p>Il governo ha stanziato 2,4 miliardi di euro per le famiglie colpite, ha annunciato il ministro dell'Economia nel corso di una conferenza stampa a Roma.</p><p>Le misure riguardano 120 mila nuclei e saranno operative da aprile, secondo il testo del decreto approvato ieri sera.</p></article></body></html>";
        let (ok, said) = outcome(&prepare_file("pagina.html", page.as_bytes(), "{}"));
        assert_eq!(ok.len(), 1, "{said:?}");
        assert!(ok[0].text.contains("2,4 miliardi"));
        assert!(!ok[0].text.contains("alert"));

        let latin1: Vec<u8> = b"Il governo ha stanziato pi\xf9 di 2 miliardi.\n".to_vec();
        let (ok, said) = outcome(&prepare_file("vecchio.txt", &latin1, "{}"));
        assert!(ok[0].text.contains("più"));
        assert_eq!(said.len(), 1);
        assert_eq!(said[0]["ok"], true);

        let (ok, said) = outcome(&prepare_file(
            "foto.txt",
            &[0, 159, 146, 150, 0, 0, 1, 2],
            "{}",
        ));
        assert!(ok.is_empty());
        assert_eq!(said[0]["ok"], false);
        assert!(said[0]["it"].as_str().unwrap().starts_with("foto.txt: "));
    }

    #[test]
    fn an_export_brings_all_its_articles_and_the_same_text_twice_once() {
        let two = record(&[("a.txt", A), ("b.txt", B)]);
        let story = read(&two).unwrap();
        let export = library::export(&[story]);
        let (ok, said) = outcome(&prepare_file("export.json", export.as_bytes(), "{}"));
        assert_eq!(ok.len(), 2, "{said:?}");
        let (ok, said) = outcome(&prepare_file(
            "export.json",
            export.as_bytes(),
            &record(&[("x", A)]),
        ));
        assert_eq!(ok.len(), 1);
        assert_eq!(said.len(), 1);
    }
}
