//! The article model: one outlet's text of the story, its metadata and its
//! blocks.
//!
//! [`Article::parse`] takes the text exactly as it was scraped plus a
//! [`Metadata`] record (what the text says about its outlet, date, author and
//! sources) and keeps both: the text is never rewritten, every block and every
//! later figure points at byte ranges of it.
//!
//! Metadata records are written by people (or by the import form) and read
//! from JSON with [`Metadata::from_json`], which checks them and says what is
//! wrong instead of guessing.

use serde::{Deserialize, Serialize};

use crate::chrome::{segment, Block, BlockKind, ChromeKind};
use crate::text::{collapse_whitespace, word_count};

/// What kind of publication an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleKind {
    /// An online magazine or blog.
    Blog,
    /// A newspaper (print or online daily).
    Newspaper,
    /// A news agency wire.
    Agency,
    /// A press release distributed by a wire service.
    PressRelease,
    /// Anything else, or not known.
    #[default]
    Other,
}

impl ArticleKind {
    /// A stable machine name (`blog`, `press-release`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ArticleKind::Blog => "blog",
            ArticleKind::Newspaper => "newspaper",
            ArticleKind::Agency => "agency",
            ArticleKind::PressRelease => "press-release",
            ArticleKind::Other => "other",
        }
    }
}

/// A source an article cites, as the article names it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The name as a reader would recognise it (`Wall Street Journal`).
    pub name: String,
    /// The words of the article that name it, verbatim (`dall’agenzia Tass`),
    /// so that the claim can be checked against the text.
    pub quote: String,
}

/// What the text tells about where an article comes from. Fields the text
/// does not support stay empty: `outlet: None` is shown as "outlet not named".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The outlet's name, if the text names it.
    #[serde(default)]
    pub outlet: Option<String>,
    /// The outlet's web site (domain), if the text gives it.
    #[serde(default)]
    pub site: Option<String>,
    /// The article's URL, if the text gives it.
    #[serde(default)]
    pub url: Option<String>,
    /// Who distributed the text, when not the outlet itself (wire services).
    #[serde(default)]
    pub distributor: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// The author, as credited.
    #[serde(default)]
    pub author: Option<String>,
    /// Kind of publication.
    #[serde(default)]
    pub kind: ArticleKind,
    /// Whether the outlet is a state-controlled medium.
    #[serde(default)]
    pub state_media: bool,
    /// BCP 47 language tag of the text (`it`).
    #[serde(default = "default_language")]
    pub language: String,
    /// Sources the article cites.
    #[serde(default)]
    pub cites: Vec<Source>,
}

fn default_language() -> String {
    "it".to_string()
}

/// Why a metadata record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataError {
    /// The JSON could not be read as a metadata record.
    Json(String),
    /// The date is not a real `YYYY-MM-DD` day.
    Date(String),
}

impl std::fmt::Display for MetadataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MetadataError::Json(e) => write!(f, "metadata is not valid: {e}"),
            MetadataError::Date(d) => write!(f, "date {d:?} is not a valid YYYY-MM-DD day"),
        }
    }
}

impl std::error::Error for MetadataError {}

impl Metadata {
    /// Reads and checks a metadata record from JSON: an object whose
    /// fields are those of [`Metadata`], each of its type (`null` only
    /// where a field may be absent). Errors name the field and say what it
    /// must be.
    pub fn from_json(json: &str) -> Result<Metadata, MetadataError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| MetadataError::Json(e.to_string()))?;
        let serde_json::Value::Object(fields) = &value else {
            return Err(MetadataError::Json(format!(
                "a metadata record is a JSON object {{\"outlet\": …, \"date\": …}}, not {}",
                json_kind(&value)
            )));
        };
        for (name, v) in fields {
            let must = match name.as_str() {
                "outlet" | "site" | "url" | "distributor" | "date" | "author" => {
                    (!v.is_string() && !v.is_null()).then_some("a string or null")
                }
                "kind" => (!v.is_string()).then_some(
                    "one of \"blog\", \"newspaper\", \"agency\", \"press-release\", \"other\"",
                ),
                "state_media" => (!v.is_boolean()).then_some("true or false"),
                "language" => (!v.is_string()).then_some("a language tag such as \"it\""),
                "cites" => (!v.is_array())
                    .then_some("a list of {\"name\": …, \"quote\": …}"),
                _ => {
                    return Err(MetadataError::Json(format!(
                        "unknown field {name:?} (fields: outlet, site, url, distributor, date, author, kind, state_media, language, cites)"
                    )))
                }
            };
            if let Some(must) = must {
                return Err(MetadataError::Json(format!(
                    "field {name:?} must be {must}, not {}",
                    json_kind(v)
                )));
            }
        }
        let meta: Metadata = serde_json::from_value(value).map_err(|e| {
            let e = e.to_string();
            MetadataError::Json(match e.split_once("unknown variant") {
                Some(_) if e.contains("blog") => format!(
                    "field \"kind\" must be one of \"blog\", \"newspaper\", \"agency\", \"press-release\", \"other\" ({e})"
                ),
                _ => e,
            })
        })?;
        if let Some(d) = &meta.date {
            if !is_iso_day(d) {
                return Err(MetadataError::Date(d.clone()));
            }
        }
        Ok(meta)
    }
}

/// What a JSON value is, for messages.
fn json_kind(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "null".into(),
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => format!("the number {n}"),
        serde_json::Value::String(s) => format!("the text {s:?}"),
        serde_json::Value::Array(_) => "a list".into(),
        serde_json::Value::Object(_) => "an object".into(),
    }
}

/// True if `s` is a real calendar day written `YYYY-MM-DD`.
pub fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// One outlet's article: the text as scraped, its metadata and its blocks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Short identifier, unique in a corpus (`000`).
    pub id: String,
    /// The file the text came from.
    pub file: String,
    /// The text, verbatim.
    pub text: String,
    /// What the text tells about its origin.
    pub meta: Metadata,
    /// The text cut into blocks, in order, covering every non-blank line.
    pub blocks: Vec<Block>,
}

impl Article {
    /// Builds an article from its text; never fails.
    pub fn parse(
        id: impl Into<String>,
        file: impl Into<String>,
        text: impl Into<String>,
        meta: Metadata,
    ) -> Article {
        let text = text.into();
        let blocks = segment(&text);
        Article {
            id: id.into(),
            file: file.into(),
            text,
            meta,
            blocks,
        }
    }

    /// The headline, if the page has one before its body.
    pub fn headline(&self) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Headline)
            .map(|b| b.text(&self.text))
    }

    /// A title to show: the headline, else the first body heading, else the
    /// start of the first paragraph.
    pub fn display_title(&self) -> String {
        if let Some(h) = self.headline() {
            return collapse_whitespace(h);
        }
        if let Some(b) = self.blocks.iter().find(|b| b.kind == BlockKind::Heading) {
            return collapse_whitespace(b.text(&self.text));
        }
        let first = self
            .body()
            .next()
            .map(|b| collapse_whitespace(b.text(&self.text)))
            .unwrap_or_default();
        let mut words: Vec<&str> = first.split(' ').take(12).collect();
        if first.split(' ').count() > 12 {
            words.push("…");
        }
        words.join(" ")
    }

    /// Body headings and paragraphs, in order (no headline, no chrome).
    pub fn body(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph))
    }

    /// The chrome blocks, in order.
    pub fn chrome(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Chrome(_)))
    }

    /// The chrome blocks of one kind.
    pub fn chrome_of(&self, kind: ChromeKind) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(move |b| b.kind == BlockKind::Chrome(kind))
    }

    /// The body as text, one block per line, whitespace inside blocks collapsed.
    pub fn body_text(&self) -> String {
        self.body()
            .map(|b| collapse_whitespace(b.text(&self.text)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Number of words of the body (headline and chrome excluded).
    pub fn word_count(&self) -> usize {
        self.body().map(|b| word_count(b.text(&self.text))).sum()
    }

    /// True if byte offset `at` lies in page chrome (or outside every block).
    pub fn is_chrome_at(&self, at: usize) -> bool {
        !self
            .blocks
            .iter()
            .any(|b| b.kind.is_story() && b.start <= at && at < b.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_rejects_bad_dates_and_fields() {
        assert!(matches!(
            Metadata::from_json(r#"{"date":"2026-02-30"}"#),
            Err(MetadataError::Date(_))
        ));
        assert!(matches!(
            Metadata::from_json(r#"{"outlet":"X","colour":"red"}"#),
            Err(MetadataError::Json(_))
        ));
        assert!(matches!(
            Metadata::from_json("not json"),
            Err(MetadataError::Json(_))
        ));
        // Not a record: a list, a string, a number.
        for bad in ["[]", "\"x\"", "3", "null"] {
            let e = Metadata::from_json(bad).unwrap_err().to_string();
            assert!(e.contains("JSON object"), "{bad}: {e}");
        }
        // A field of the wrong type is named, with what it must be.
        let e = Metadata::from_json(r#"{"kind": null}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("\"kind\"") && e.contains("press-release") && e.contains("null"),
            "{e}"
        );
        let e = Metadata::from_json(r#"{"kind": "magazine"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"kind\"") && e.contains("newspaper"), "{e}");
        let e = Metadata::from_json(r#"{"state_media": "yes"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("state_media") && e.contains("true or false"),
            "{e}"
        );
        let e = Metadata::from_json(r#"{"outlet": 3}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("outlet") && e.contains("number 3"), "{e}");
        let ok = Metadata::from_json(r#"{"date":"2024-02-29","kind":"newspaper"}"#).unwrap();
        assert_eq!(ok.kind, ArticleKind::Newspaper);
        assert_eq!(ok.language, "it");
        assert_eq!(ok.outlet, None);
    }

    #[test]
    fn iso_days() {
        assert!(is_iso_day("2000-02-29"));
        assert!(!is_iso_day("1900-02-29"));
        assert!(!is_iso_day("2025-13-01"));
        assert!(!is_iso_day("2025-1-01"));
        assert!(!is_iso_day("2025-01-00"));
        assert!(!is_iso_day("２０２５-01-01"));
    }

    #[test]
    fn display_title_falls_back_to_heading_then_lead() {
        let a = Article::parse(
            "a",
            "a.txt",
            "Il primo paragrafo apre la storia.\nUn titoletto qui\nAltro testo.",
            Metadata::default(),
        );
        assert_eq!(a.headline(), None);
        assert_eq!(a.display_title(), "Un titoletto qui");
        let b = Article::parse(
            "b",
            "b.txt",
            "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici.",
            Metadata::default(),
        );
        assert_eq!(
            b.display_title(),
            "uno due tre quattro cinque sei sette otto nove dieci undici dodici …"
        );
    }

    #[test]
    fn chrome_offsets() {
        let a = Article::parse("a", "a.txt", "Share\nIl testo vero.", Metadata::default());
        assert!(a.is_chrome_at(0));
        assert!(!a.is_chrome_at(7));
        assert!(a.is_chrome_at(10_000));
    }
}
