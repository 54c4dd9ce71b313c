//! A reader's files as articles: plain text, Markdown with front matter,
//! a web page saved from a browser, and Synoptic's own JSON export.
//!
//! One entry point, [`import`], takes a file's name and bytes and gives
//! the articles it holds, or an [`ImportError`] that says what is wrong in
//! words a reader can act on. The CLI and the app read files through it,
//! so a researcher and a reader get the same text from the same file.
//!
//! What it guarantees:
//! - **Nothing is invented.** Metadata comes from the file (front matter,
//!   the page's own metadata, the export); a date read from the text is
//!   marked as inferred ([`Imported::inferred`]).
//! - **Imported HTML is never rendered.** A page is parsed to a tree and
//!   only its readable text is kept; scripts, handlers and styles are
//!   dropped with the markup.
//! - **Bounded.** Files over [`MAX_BYTES`] are refused with the limit in
//!   the message; the page parser stops after [`MAX_ELEMENTS`] elements.
//! - **Texts as users have them.** UTF-8 with or without a byte-order
//!   mark is kept byte for byte; UTF-16 (with a mark, or recognised by
//!   its zero bytes) and Windows-1252 / Latin-1 are converted, and the
//!   article says so ([`Imported::notes`]); binary files are refused.

use std::fmt;

use serde::{Deserialize, Serialize};
use synoptic_core::article::{Article, Metadata};

/// The largest file read (bytes): a long report is a few hundred KB.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// The most elements of a saved page the readability parser looks at.
pub const MAX_ELEMENTS: usize = 200_000;

/// The schema version of Synoptic's JSON export this build writes and the
/// newest it reads.
pub const EXPORT_VERSION: u32 = 1;

/// The `format` of the app's library export (stories, each with its
/// articles): read here too, its stories' articles in order.
pub const LIBRARY_FORMAT: &str = "synoptic-library";

/// The value of the export's `format` field.
pub const EXPORT_FORMAT: &str = "synoptic-articles";

/// What a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, or anything that is not one of the others).
    Text,
    /// Markdown (`.md`, `.markdown`), with optional front matter.
    Markdown,
    /// A web page saved from a browser (`.html`, `.htm`).
    Html,
    /// Synoptic's own export (`.json`).
    Json,
}

impl Format {
    /// The format a file's name says (its extension, any case).
    pub fn of_name(name: &str) -> Format {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            _ => Format::Text,
        }
    }
}

/// One article read from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The file's name, or the name the export gave the article.
    pub name: String,
    /// The article's text, as it will be analysed.
    pub text: String,
    /// Its metadata, from the file.
    pub meta: Metadata,
    /// What the file was read as.
    pub format: Format,
    /// Metadata fields read from the text rather than given (`date`).
    pub inferred: Vec<String>,
    /// What was done to read it (a conversion, a field ignored).
    pub notes: Vec<String>,
}

/// Why a file gives no article.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// No bytes, or only spaces.
    Empty,
    /// Over [`MAX_BYTES`].
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Not text (an image, an archive, a document format).
    Binary,
    /// JSON that cannot be parsed.
    Json(String),
    /// JSON that is not Synoptic's export.
    Foreign,
    /// An export of a newer schema than this build reads.
    NewerSchema {
        /// The schema version of the file.
        found: u32,
    },
    /// An export or front matter whose content is wrong (says where).
    Invalid(String),
    /// A web page with no readable article in it.
    NoArticle(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {:.1} MB; Synoptic reads files up to {} MB",
                *bytes as f64 / 1e6,
                MAX_BYTES / (1024 * 1024)
            ),
            ImportError::Binary => write!(
                f,
                "the file is not text (an image, an archive or a document format?); save the article as text, Markdown or a web page"
            ),
            ImportError::Json(e) => write!(f, "the JSON cannot be read: {e}"),
            ImportError::Foreign => write!(
                f,
                "this JSON is not a Synoptic export (it has no \"format\": \"{EXPORT_FORMAT}\" or \"{LIBRARY_FORMAT}\")"
            ),
            ImportError::NewerSchema { found } => write!(
                f,
                "this export was made by a newer Synoptic (schema {found}; this one reads up to {EXPORT_VERSION}): update Synoptic to read it"
            ),
            ImportError::Invalid(e) => write!(f, "{e}"),
            ImportError::NoArticle(e) => write!(f, "no article text found in the page: {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The message in Italian (the [`Display`](fmt::Display) text is English).
    pub fn italian(&self) -> String {
        match self {
            ImportError::Empty => "il file è vuoto".into(),
            ImportError::TooLarge { bytes } => format!(
                "il file è di {:.1} MB; Synoptic legge file fino a {} MB",
                *bytes as f64 / 1e6,
                MAX_BYTES / (1024 * 1024)
            ),
            ImportError::Binary => "il file non è testo (un’immagine, un archivio, un documento?): salva l’articolo come testo, Markdown o pagina web".into(),
            ImportError::Json(e) => format!("il JSON non si può leggere: {e}"),
            ImportError::Foreign => format!(
                "questo JSON non è un’esportazione di Synoptic (manca \"format\": \"{EXPORT_FORMAT}\" o \"{LIBRARY_FORMAT}\")"
            ),
            ImportError::NewerSchema { found } => format!(
                "questa esportazione viene da una versione più recente di Synoptic (schema {found}; questa legge fino al {EXPORT_VERSION}): aggiorna Synoptic per leggerla"
            ),
            ImportError::Invalid(e) => format!("contenuto non valido: {e}"),
            ImportError::NoArticle(e) => format!("nessun testo di articolo trovato nella pagina: {e}"),
        }
    }
}

/// An [`Imported::notes`] entry in Italian (notes are written in English).
pub fn note_italian(note: &str) -> String {
    if let Some(from) = note
        .strip_prefix("converted from ")
        .and_then(|r| r.strip_suffix(" to UTF-8"))
    {
        return format!("convertito da {from} in UTF-8");
    }
    if let Some(field) = note
        .strip_prefix("front matter field ")
        .and_then(|r| r.strip_suffix(" ignored"))
    {
        return format!("campo {field} dell’intestazione ignorato");
    }
    if let Some(rest) = note.strip_prefix("the page's metadata: ") {
        let why = rest.strip_suffix("; its date is left out").unwrap_or(rest);
        return format!("metadati della pagina: {why}; la data è stata tralasciata");
    }
    note.to_string()
}

/// The articles a file holds: one for text, Markdown and a web page, each
/// article of an export.
pub fn import(name: &str, bytes: &[u8]) -> Result<Vec<Imported>, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let (text, converted) = decode(bytes)?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ImportError::Empty);
    }
    let format = match Format::of_name(name) {
        // A page or an export saved with another extension.
        Format::Text => sniff(&text),
        f => f,
    };
    let mut out = match format {
        Format::Text => vec![Imported {
            name: name.to_string(),
            text,
            meta: Metadata::default(),
            format,
            inferred: Vec::new(),
            notes: Vec::new(),
        }],
        Format::Markdown => vec![markdown(name, &text)?],
        Format::Html => vec![html(name, &text)?],
        Format::Json => export(&text)?,
    };
    for a in &mut out {
        if let Some(from) = converted {
            a.notes.push(format!("converted from {from} to UTF-8"));
        }
        if a.text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        infer_date(a);
    }
    Ok(out)
}

/// What a text with no telling extension looks like it is.
fn sniff(text: &str) -> Format {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        Format::Html
    } else {
        Format::Text
    }
}

/// The text of a file's bytes, and the encoding it was converted from
/// (`None` for UTF-8, kept byte for byte).
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => utf16_without_mark(bytes),
    };
    if let Some(enc) = utf16 {
        let (text, _, bad) = enc.decode(bytes);
        if bad || looks_binary(&text) {
            return Err(ImportError::Binary);
        }
        return Ok((text.into_owned(), Some(enc.name())));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) if looks_binary(t) => Err(ImportError::Binary),
        Ok(t) => Ok((t.to_string(), None)),
        Err(_) => {
            if bytes.contains(&0) {
                return Err(ImportError::Binary);
            }
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            if looks_binary(&text) {
                return Err(ImportError::Binary);
            }
            Ok((text.into_owned(), Some("Windows-1252 (Latin-1)")))
        }
    }
}

/// UTF-16 without a byte-order mark: ASCII text in it has a zero in
/// every other byte.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let n = bytes.len().min(4096) / 2;
    if n < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let zeros = |parity: usize| {
        bytes[..2 * n]
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= n * 7 && even * 10 <= n {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= n * 7 && odd * 10 <= n {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Control characters other than spacing in more than 1 % of the first
/// characters (or any NUL): not a text.
fn looks_binary(text: &str) -> bool {
    let mut n = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(8192) {
        n += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}' | '\u{85}') {
            control += 1;
        }
    }
    control * 100 > n
}

/// A date read from the text when the file gave none, marked as inferred.
fn infer_date(a: &mut Imported) {
    if a.meta.date.is_some() {
        return;
    }
    let article = Article::parse("import", a.name.as_str(), a.text.as_str(), a.meta.clone());
    if let Some((date, _)) = synoptic_core::figures::dateline::reference_date(&article, None) {
        a.meta.date = Some(date.to_string());
        a.inferred.push("date".to_string());
    }
}

/// Metadata from `key: value` pairs (front matter, a page's own
/// metadata), through the core's one check of metadata records.
fn metadata(pairs: &[(String, String)]) -> Result<(Metadata, Vec<String>), String> {
    let mut fields = serde_json::Map::new();
    let mut notes = Vec::new();
    for (key, value) in pairs {
        let field = match key.to_ascii_lowercase().as_str() {
            "outlet" | "testata" | "source" | "fonte" => "outlet",
            "date" | "data" | "published" => "date",
            "url" | "link" | "canonical" => "url",
            "author" | "autore" | "byline" | "by" => "author",
            "kind" | "tipo" => "kind",
            "site" | "sito" => "site",
            "distributor" => "distributor",
            "language" | "lang" | "lingua" => "language",
            "title" | "titolo" => continue,
            other => {
                notes.push(format!("front matter field {other:?} ignored"));
                continue;
            }
        };
        let mut value = value.trim().to_string();
        if field == "date" {
            // `2025-01-21T10:00:00+01:00` from a page: its day.
            if value.len() > 10 && value.is_char_boundary(10) && value.as_bytes()[10] == b'T' {
                value.truncate(10);
            }
        }
        if !value.is_empty() {
            fields.insert(field.to_string(), serde_json::Value::String(value));
        }
    }
    let json = serde_json::Value::Object(fields).to_string();
    Metadata::from_json(&json)
        .map(|m| (m, notes))
        .map_err(|e| e.to_string())
}

/// A Markdown file: front matter between `---` lines, then the text
/// without its markup (headings and paragraphs on lines of their own).
fn markdown(name: &str, text: &str) -> Result<Imported, ImportError> {
    let body_text = text.trim_start_matches('\u{feff}');
    let (pairs, body) = front_matter(body_text)?;
    let (mut meta, notes) =
        metadata(&pairs).map_err(|e| ImportError::Invalid(format!("the front matter: {e}")))?;
    let title = pairs
        .iter()
        .find(|(k, _)| matches!(k.to_ascii_lowercase().as_str(), "title" | "titolo"))
        .map(|(_, v)| v.trim().to_string());
    let body = markdown_text(body);
    let mut plain = String::new();
    if let Some(t) = title.filter(|t| !t.is_empty() && body.lines().next() != Some(t.as_str())) {
        plain.push_str(&t);
        plain.push_str("\n\n");
    }
    plain.push_str(&body);
    if meta.language.is_empty() {
        meta.language = Metadata::default().language;
    }
    Ok(Imported {
        name: name.to_string(),
        text: plain,
        meta,
        format: Format::Markdown,
        inferred: Vec::new(),
        notes,
    })
}

/// `key: value` pairs, in order.
type Pairs = Vec<(String, String)>;

/// The `key: value` pairs of a front matter and the text after it.
fn front_matter(text: &str) -> Result<(Pairs, &str), ImportError> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return Ok((Vec::new(), text));
    };
    let mut pairs = Vec::new();
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        let l = line.trim_end_matches(['\n', '\r']);
        if l.trim() == "---" || l.trim() == "..." {
            return Ok((pairs, &rest[at..]));
        }
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let Some((k, v)) = l.split_once(':') else {
            return Err(ImportError::Invalid(format!(
                "the front matter: line {l:?} is not `field: value`"
            )));
        };
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(v);
        pairs.push((k.trim().to_string(), v.to_string()));
    }
    Err(ImportError::Invalid(
        "the front matter opened with `---` is never closed".into(),
    ))
}

/// Markdown's text: blocks separated by blank lines, list items on lines
/// of their own, emphasis and links reduced to their words, raw HTML
/// dropped (never rendered).
pub fn markdown_text(md: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let block_end = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    // Inside inline `<script>` or `<style>`: words that are code.
    let mut hidden = false;
    for event in Parser::new(md) {
        match event {
            Event::InlineHtml(h) => {
                let h = h.to_ascii_lowercase();
                if h.starts_with("<script") || h.starts_with("<style") {
                    hidden = !h.contains("</");
                } else if h.starts_with("</script") || h.starts_with("</style") {
                    hidden = false;
                }
            }
            Event::Text(_) | Event::Code(_) if hidden => {}
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("- ");
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Table,
            ) => block_end(&mut out),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            Event::Rule => block_end(&mut out),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// A saved web page: its readable article (Mozilla's Readability, as
/// the `dom_smoothie` crate implements it), title first; its metadata.
fn html(name: &str, page: &str) -> Result<Imported, ImportError> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::new(page, None, Some(cfg))
        .map_err(|e| ImportError::NoArticle(e.to_string()))?;
    let a = r
        .parse()
        .map_err(|e| ImportError::NoArticle(e.to_string()))?;
    let mut pairs = Vec::new();
    let mut push = |k: &str, v: &Option<String>| {
        if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            pairs.push((k.to_string(), v.to_string()));
        }
    };
    push("outlet", &a.site_name);
    push("author", &a.byline);
    push("date", &a.published_time);
    let (mut meta, mut notes) = match metadata(&pairs) {
        Ok(m) => m,
        // A page's metadata in a form the record does not take (a date
        // written otherwise): the article without it, and a note.
        Err(e) => {
            let kept: Vec<_> = pairs.into_iter().filter(|(k, _)| k != "date").collect();
            let (m, mut n) = metadata(&kept).unwrap_or_default();
            n.push(format!("the page's metadata: {e}; its date is left out"));
            (m, n)
        }
    };
    notes.retain(|n| !n.is_empty());
    if let Some(lang) = a.lang.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        meta.language = lang.to_string();
    }
    let body = paragraphs(&a.text_content);
    if body.trim().is_empty() {
        return Err(ImportError::NoArticle("the page has no text".into()));
    }
    let mut text = String::new();
    let title = a.title.trim();
    if !title.is_empty() && !body.starts_with(title) {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(&body);
    Ok(Imported {
        name: name.to_string(),
        text,
        meta,
        format: Format::Html,
        inferred: Vec::new(),
        notes,
    })
}

/// Readability's formatted text with each paragraph's lines joined and
/// paragraphs separated by one blank line.
fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for para in text.split("\n\n") {
        let joined = para
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if !joined.is_empty() {
            out.push_str(&joined);
            out.push_str("\n\n");
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Synoptic's export: a versioned list of articles with their metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The schema version ([`EXPORT_VERSION`]).
    pub version: u32,
    /// The articles, in order.
    pub articles: Vec<ExportedArticle>,
}

/// One article of an [`Export`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedArticle {
    /// Its name (the file it came from).
    pub name: String,
    /// Its text.
    pub text: String,
    /// Its metadata record.
    #[serde(default)]
    pub meta: serde_json::Value,
    /// Metadata fields read from the text.
    #[serde(default)]
    pub inferred: Vec<String>,
}

/// An export of `articles`, as JSON.
pub fn export_json(articles: &[Imported]) -> String {
    let e = Export {
        format: EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        articles: articles
            .iter()
            .map(|a| ExportedArticle {
                name: a.name.clone(),
                text: a.text.clone(),
                meta: serde_json::to_value(&a.meta).unwrap_or_default(),
                inferred: a.inferred.clone(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&e).unwrap_or_default()
}

/// The articles of an export.
fn export(json: &str) -> Result<Vec<Imported>, ImportError> {
    let json = json.trim_start_matches('\u{feff}');
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ImportError::Json(e.to_string()))?;
    let format = value.get("format").and_then(|f| f.as_str());
    let library = match format {
        Some(EXPORT_FORMAT) => false,
        Some(LIBRARY_FORMAT) => true,
        _ => return Err(ImportError::Foreign),
    };
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| ImportError::Invalid("the export has no schema version".into()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > EXPORT_VERSION {
        return Err(ImportError::NewerSchema { found: version });
    }
    let value = if library {
        // The stories' articles, as one export's.
        let mut articles = Vec::new();
        let stories = value
            .get("stories")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| ImportError::Invalid("the library export has no stories".into()))?;
        for story in stories {
            if let Some(list) = story.get("articles").and_then(serde_json::Value::as_array) {
                articles.extend(list.iter().cloned());
            }
        }
        serde_json::json!({ "format": EXPORT_FORMAT, "version": version, "articles": articles })
    } else {
        value
    };
    let e: Export = serde_json::from_value(value)
        .map_err(|e| ImportError::Invalid(format!("the export: {e}")))?;
    let mut out = Vec::with_capacity(e.articles.len());
    for (k, a) in e.articles.into_iter().enumerate() {
        let meta = if a.meta.is_null() {
            Metadata::default()
        } else {
            Metadata::from_json(&a.meta.to_string()).map_err(|err| {
                ImportError::Invalid(format!("article {} ({}): {err}", k + 1, a.name))
            })?
        };
        out.push(Imported {
            name: a.name,
            text: a.text,
            meta,
            format: Format::Json,
            inferred: a.inferred,
            notes: Vec::new(),
        });
    }
    if out.is_empty() {
        return Err(ImportError::Invalid("the export holds no article".into()));
    }
    Ok(out)
}

/// Keeps the first of articles with the same text (spaces aside) and says
/// which were left out.
pub fn dedupe(articles: &mut Vec<Imported>) -> Vec<String> {
    let key = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut said = Vec::new();
    articles.retain(|a| {
        let k = key(&a.text);
        if let Some((_, first)) = seen.iter().find(|(s, _)| *s == k) {
            said.push(format!("{}: the same text as {first}; kept once", a.name));
            false
        } else {
            seen.push((k, a.name.clone()));
            true
        }
    });
    said
}

#[cfg(test)]
mod tests;
