//! The reader's own stories: what is stored, how a pasted or chosen text
//! becomes an article, and how a stored record is read back. Pure Rust,
//! tested natively; `services::db` keeps the records in IndexedDB.
//!
//! Each story is one record, stored as its JSON text under its id, so that
//! a damaged record is found when it is read (its raw text can still be
//! exported) and never stops the rest of the library from opening.
//! A record carries its schema version: a record of a newer schema is
//! reported, never overwritten.

use serde::Serialize;
use synoptic_core::{Article, Metadata};

/// The schema of stored stories this build writes and reads.
pub const SCHEMA: u32 = 1;

/// The largest text one article may have (bytes); the message says so.
pub const MAX_TEXT_BYTES: usize = 2_000_000;

/// The most articles one story may hold.
pub const MAX_ARTICLES: usize = 200;

/// Route segment of the embedded story's own views (never a stored id).
pub const EMBEDDED: &str = "embedded";

/// One story of the library, as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredStory {
    /// The schema version of the record ([`SCHEMA`]).
    pub schema: u32,
    /// The id in the story's address (`#/s/<id>/`): lowercase letters,
    /// digits and `-`.
    pub id: String,
    /// The name the reader gave it.
    pub name: String,
    /// The articles, in the order they were added.
    pub articles: Vec<StoredArticle>,
}

/// One article of a stored story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    /// The name it came with (a file's name, or `pasted text N`).
    pub name: String,
    /// The text, as analysed.
    pub text: String,
    /// What the reader said of it, or what the text gave.
    pub meta: Metadata,
    /// Metadata fields read from the text rather than given (`date`).
    pub inferred: Vec<String>,
}

/// Why a text could not be added, in words for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// Nothing but spaces.
    Empty,
    /// Over [`MAX_TEXT_BYTES`].
    TooLarge(usize),
    /// Not text (control bytes of a binary file).
    Binary,
    /// The date field is not a day.
    BadDate(String),
    /// The same text is in the story already, under that name.
    Duplicate(String),
    /// The story holds [`MAX_ARTICLES`] already.
    Full,
}

impl AddError {
    /// The message, in the interface language (`it` or `en`).
    pub fn message(&self, italian: bool) -> String {
        match (self, italian) {
            (AddError::Empty, true) => "Il testo è vuoto: incolla o scegli un articolo.".into(),
            (AddError::Empty, false) => "The text is empty: paste or choose an article.".into(),
            (AddError::TooLarge(n), true) => format!(
                "Il testo è troppo lungo ({:.1} MB): il limite è {} MB per articolo.",
                *n as f64 / 1e6,
                MAX_TEXT_BYTES / 1_000_000
            ),
            (AddError::TooLarge(n), false) => format!(
                "The text is too long ({:.1} MB): the limit is {} MB an article.",
                *n as f64 / 1e6,
                MAX_TEXT_BYTES / 1_000_000
            ),
            (AddError::Binary, true) => {
                "Non è un testo (sembra un file binario): salva l'articolo come testo.".into()
            }
            (AddError::Binary, false) => {
                "This is not text (it looks like a binary file): save the article as text.".into()
            }
            (AddError::BadDate(d), true) => {
                format!("La data «{d}» non è un giorno valido (AAAA-MM-GG).")
            }
            (AddError::BadDate(d), false) => {
                format!("The date “{d}” is not a valid day (YYYY-MM-DD).")
            }
            (AddError::Duplicate(n), true) => {
                format!("Lo stesso testo è già nella storia («{n}»): tenuto una volta sola.")
            }
            (AddError::Duplicate(n), false) => {
                format!("The same text is in the story already (“{n}”): kept once.")
            }
            (AddError::Full, true) => {
                format!("Una storia contiene al massimo {MAX_ARTICLES} articoli.")
            }
            (AddError::Full, false) => format!("A story holds at most {MAX_ARTICLES} articles."),
        }
    }
}

/// What the reader typed beside a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// The outlet's name.
    pub outlet: String,
    /// The day, `YYYY-MM-DD` (a date input's value).
    pub date: String,
    /// The article's address.
    pub url: String,
    /// The author.
    pub author: String,
}

/// Checks a text and what the reader said of it, and makes the article to
/// add to `existing`: blank fields stay unknown; a date read from the text
/// fills an empty date, marked as inferred; nothing else is invented.
pub fn make_article(
    name: &str,
    text: &str,
    given: &Given,
    existing: &[StoredArticle],
) -> Result<StoredArticle, AddError> {
    let text = check_text(text, existing)?;
    let mut meta = metadata(given, None)?;
    let mut inferred = Vec::new();
    if meta.date.is_none() {
        let article = Article::parse("new", name, text, meta.clone());
        if let Some((date, _)) = synoptic_core::figures::dateline::reference_date(&article, None) {
            meta.date = Some(date.to_string());
            inferred.push("date".to_string());
        }
    }
    Ok(StoredArticle {
        name: name.trim().to_string(),
        text: text.to_string(),
        meta,
        inferred,
    })
}

/// The metadata record of what the reader typed (blank fields unknown) and,
/// if given, the kind; a date that is not a day refused.
fn metadata(given: &Given, kind: Option<&str>) -> Result<Metadata, AddError> {
    let mut fields = serde_json::Map::new();
    for (field, value) in [
        ("outlet", &given.outlet),
        ("date", &given.date),
        ("url", &given.url),
        ("author", &given.author),
    ] {
        let value = value.trim();
        if !value.is_empty() {
            fields.insert(field.into(), value.into());
        }
    }
    if let Some(kind) = kind {
        fields.insert("kind".into(), kind.into());
    }
    Metadata::from_json(&serde_json::Value::Object(fields).to_string()).map_err(|e| match e {
        synoptic_core::article::MetadataError::Date(d) => AddError::BadDate(d),
        synoptic_core::article::MetadataError::Json(_) => AddError::BadDate(given.date.clone()),
    })
}

/// An article read from a file (its metadata and what was inferred as the
/// file gave them), checked like a pasted text.
pub fn imported_article(
    name: &str,
    text: &str,
    meta: Metadata,
    inferred: Vec<String>,
    existing: &[StoredArticle],
) -> Result<StoredArticle, AddError> {
    let text = check_text(text, existing)?;
    Ok(StoredArticle {
        name: name.trim().to_string(),
        text: text.to_string(),
        meta,
        inferred,
    })
}

/// The checks every new text passes, in this order: not empty, not too
/// large, not binary, room in the story, not a text it has already. The
/// text without a leading byte-order mark.
pub fn check_text<'a>(text: &'a str, existing: &[StoredArticle]) -> Result<&'a str, AddError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(AddError::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(AddError::TooLarge(text.len()));
    }
    if looks_binary(text) {
        return Err(AddError::Binary);
    }
    if existing.len() >= MAX_ARTICLES {
        return Err(AddError::Full);
    }
    if let Some(same) = duplicate_of(text, existing) {
        return Err(AddError::Duplicate(same.to_string()));
    }
    Ok(text)
}

/// The name of the article of `existing` with the same text as `text`
/// (compared with runs of spacing as one space), if one has it.
pub fn duplicate_of<'a>(text: &str, existing: &'a [StoredArticle]) -> Option<&'a str> {
    let key = spaced(text);
    existing
        .iter()
        .find(|a| spaced(&a.text) == key)
        .map(|a| a.name.as_str())
}

/// A chosen file's bytes as text: UTF-8 (a byte-order mark dropped), UTF-16
/// with its mark, else Windows-1252 (Latin-1), which every byte sequence
/// is, with a note saying so. Bytes with NULs and no UTF-16 mark are a
/// binary file.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<&'static str>), AddError> {
    if bytes.len() > MAX_TEXT_BYTES * 2 {
        return Err(AddError::TooLarge(bytes.len()));
    }
    let utf16 = |big: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if big {
                    u16::from_be_bytes([c[0], c[1]])
                } else {
                    u16::from_le_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| AddError::Binary)
    };
    match bytes {
        [0xFF, 0xFE, ..] => return utf16(false).map(|t| (t, Some("UTF-16"))),
        [0xFE, 0xFF, ..] => return utf16(true).map(|t| (t, Some("UTF-16"))),
        _ => {}
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return Err(AddError::Binary);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(_) => Ok((
            body.iter().map(|&b| windows_1252(b)).collect(),
            Some("Windows-1252"),
        )),
    }
}

/// One byte of Windows-1252 as a character (Latin-1 but for 0x80–0x9F).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The text with every run of spaces as one space: two copies of one
/// article differ in nothing else.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters other than tabs and line ends, as a share of the
/// first 4 000 characters: a binary file read as text has many.
fn looks_binary(text: &str) -> bool {
    let head = text.chars().take(4000);
    let (mut n, mut bad) = (0usize, 0usize);
    for c in head {
        n += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) {
            bad += 1;
        }
    }
    bad > 0 && bad * 100 >= n
}

/// An id for a story named `name`, not among `taken`: its words in
/// lowercase ASCII joined by `-` (at most 40 characters), else `story`, with
/// `-2`, `-3`… when needed.
pub fn new_id<'a>(name: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut base = String::new();
    for c in name.chars().map(fold) {
        if c.is_ascii_alphanumeric() {
            if base.len() < 40 {
                base.push(c.to_ascii_lowercase());
            }
        } else if !base.is_empty() && !base.ends_with('-') && base.len() < 40 {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() || base == EMBEDDED {
        "story".to_string()
    } else {
        base.to_string()
    };
    let free = |id: &str| !taken.clone().any(|t| t == id);
    if free(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| free(id))
        .unwrap_or(base)
}

/// A letter without its accent (`è` → `e`), for ids.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'Ò' | 'Ó' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' => 'u',
        c => c,
    }
}

/// Whether `id` can be a stored story's id (what [`new_id`] makes).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 48
        && id != EMBEDDED
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The articles of a stored story, as the analysis takes them (ids `1`,
/// `2`… in order).
pub fn articles(story: &StoredStory) -> Vec<Article> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Article::parse(
                format!("{:03}", i + 1),
                a.name.clone(),
                a.text.clone(),
                a.meta.clone(),
            )
        })
        .collect()
}

/// A stored record that could not be read as a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// The key it is stored under.
    pub key: String,
    /// Its stored text, for export as it is.
    pub raw: String,
    /// What is wrong with it, in English (the interface adds its words).
    pub why: String,
}

/// Sets what the reader said of article `index` of `story`: outlet, date,
/// address and author as typed (blank fields become unknown), and its kind
/// (`blog`, `newspaper`, `agency`, `press-release`, `other`). A field the
/// reader set is no longer marked as inferred. The story as it was if the
/// date is not a day or the index is out of the story.
pub fn edit_article(
    story: &StoredStory,
    index: usize,
    given: &Given,
    kind: &str,
) -> Result<StoredStory, AddError> {
    let mut out = story.clone();
    let Some(article) = out.articles.get_mut(index) else {
        return Ok(out);
    };
    let edited = metadata(given, Some(kind))?;
    let was = article.meta.clone();
    let changed = |a: &Option<String>, b: &Option<String>| a != b;
    article.inferred.retain(|f| match f.as_str() {
        "date" => !changed(&was.date, &edited.date),
        "outlet" => !changed(&was.outlet, &edited.outlet),
        _ => true,
    });
    article.meta.outlet = edited.outlet;
    article.meta.date = edited.date;
    article.meta.url = edited.url;
    article.meta.author = edited.author;
    article.meta.kind = edited.kind;
    Ok(out)
}

/// Moves article `index` of `from` to the end of `to`: both stories
/// changed, or why not (`to` full, or holding the same text already).
pub fn move_article(
    from: &StoredStory,
    index: usize,
    to: &StoredStory,
) -> Result<(StoredStory, StoredStory), AddError> {
    let (mut from, mut to) = (from.clone(), to.clone());
    if index >= from.articles.len() {
        return Ok((from, to));
    }
    let article = from.articles.remove(index);
    check_text(&article.text, &to.articles)?;
    to.articles.push(article);
    Ok((from, to))
}

/// A fingerprint of the story's stored record (FNV-1a, 64 bits, in hex):
/// it changes whenever anything stored of the story does.
pub fn fingerprint(story: &StoredStory) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in write_record(story).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Reads one stored record (its JSON text, stored under `key`).
pub fn read_record(key: &str, raw: &str) -> Result<StoredStory, Damaged> {
    let damaged = |why: String| Damaged {
        key: key.to_string(),
        raw: raw.to_string(),
        why,
    };
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| damaged(format!("not JSON: {e}")))?;
    let schema = value
        .get("schema")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| damaged("no schema version".into()))?;
    if schema > u64::from(SCHEMA) {
        return Err(damaged(format!(
            "made by a newer Synoptic (schema {schema}; this one reads up to {SCHEMA})"
        )));
    }
    let story = story_of(&value).map_err(|e| damaged(format!("not a story: {e}")))?;
    if story.id != key || !valid_id(&story.id) {
        return Err(damaged(format!("its id {:?} is not its key", story.id)));
    }
    Ok(story)
}

/// A story from a record's JSON (of schema 1, or migrated to it).
fn story_of(value: &serde_json::Value) -> Result<StoredStory, String> {
    let text = |v: &serde_json::Value, field: &str| -> Result<String, String> {
        v.get(field)
            .and_then(serde_json::Value::as_str)
            .map(str::to_string)
            .ok_or_else(|| format!("{field} is not a string"))
    };
    let list = |v: &serde_json::Value, field: &str| -> Result<Vec<serde_json::Value>, String> {
        match v.get(field) {
            None => Ok(Vec::new()),
            Some(serde_json::Value::Array(items)) => Ok(items.clone()),
            Some(_) => Err(format!("{field} is not a list")),
        }
    };
    let mut articles = Vec::new();
    for (i, a) in list(value, "articles")?.iter().enumerate() {
        let at = |e: String| format!("article {}: {e}", i + 1);
        let meta = a.get("meta").cloned().unwrap_or_default();
        let meta = Metadata::from_json(&meta.to_string()).map_err(|e| at(e.to_string()))?;
        let inferred = list(a, "inferred")
            .map_err(at)?
            .iter()
            .map(|f| {
                f.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| at("inferred is not a list of names".into()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        articles.push(StoredArticle {
            name: text(a, "name").map_err(at)?,
            text: text(a, "text").map_err(at)?,
            meta,
            inferred,
        });
    }
    Ok(StoredStory {
        schema: SCHEMA,
        id: text(value, "id")?,
        name: text(value, "name")?,
        articles,
    })
}

/// The JSON text a story is stored as.
pub fn write_record(story: &StoredStory) -> String {
    serde_json::to_string(story).unwrap_or_default()
}

/// What importing a library export into `library` does: the stories to
/// store (a story already there with the same content is left as it is;
/// one whose id is taken by another story gets a new id), and the names of
/// those already there. Nothing is stored unless the whole file reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    /// Stories to store.
    pub add: Vec<StoredStory>,
    /// Names of the stories the library has already, unchanged.
    pub present: Vec<String>,
}

/// Why a library export cannot be imported, in English (`message` of
/// [`ExportError`] gives both languages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// Not JSON.
    NotJson(String),
    /// JSON, but not a library export.
    Foreign,
    /// Of a newer version than this build reads.
    Newer(u64),
    /// A story in it cannot be read: which, and why.
    Story(usize, String),
}

impl ExportError {
    /// The message, in Italian or English.
    pub fn message(&self, italian: bool) -> String {
        match (self, italian) {
            (ExportError::NotJson(e), true) => format!("il file non è JSON leggibile ({e})"),
            (ExportError::NotJson(e), false) => format!("the file is not readable JSON ({e})"),
            (ExportError::Foreign, true) => "il file non è una raccolta esportata da Synoptic (manca \"format\": \"synoptic-library\")".into(),
            (ExportError::Foreign, false) => "the file is not a library exported by Synoptic (it has no \"format\": \"synoptic-library\")".into(),
            (ExportError::Newer(v), true) => format!("la raccolta viene da una versione più recente di Synoptic (versione {v}; questa legge fino alla {EXPORT_VERSION}): aggiorna Synoptic"),
            (ExportError::Newer(v), false) => format!("the library comes from a newer Synoptic (version {v}; this one reads up to {EXPORT_VERSION}): update Synoptic"),
            (ExportError::Story(i, why), true) => format!("la storia {} non si può leggere: {why}", i + 1),
            (ExportError::Story(i, why), false) => format!("story {} cannot be read: {why}", i + 1),
        }
    }
}

/// The version of the library export this build writes and the newest it reads.
pub const EXPORT_VERSION: u32 = 1;

/// Reads a library export (from [`export`]) against the stories stored.
pub fn read_export(json: &str, library: &[StoredStory]) -> Result<Restore, ExportError> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ExportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some("synoptic-library") {
        return Err(ExportError::Foreign);
    }
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(ExportError::Foreign)?;
    if version > u64::from(EXPORT_VERSION) {
        return Err(ExportError::Newer(version));
    }
    let stories = value
        .get("stories")
        .and_then(serde_json::Value::as_array)
        .ok_or(ExportError::Foreign)?;
    let mut out = Restore {
        add: Vec::new(),
        present: Vec::new(),
    };
    let mut taken: Vec<String> = library.iter().map(|s| s.id.clone()).collect();
    for (i, raw) in stories.iter().enumerate() {
        let id = raw
            .get("id")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        let mut story =
            read_record(id, &raw.to_string()).map_err(|d| ExportError::Story(i, d.why))?;
        if library.contains(&story) || out.add.contains(&story) {
            out.present.push(story.name);
            continue;
        }
        if taken.contains(&story.id) {
            story.id = new_id(&story.name, taken.iter().map(String::as_str));
        }
        taken.push(story.id.clone());
        out.add.push(story);
    }
    Ok(out)
}

/// The whole library (or one story) as one file:
/// `{"format":"synoptic-library","version":1,"stories":[…]}`, each story
/// as it is stored.
pub fn export(stories: &[StoredStory]) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        format: &'static str,
        version: u32,
        stories: &'a [StoredStory],
    }
    serde_json::to_string(&Export {
        format: "synoptic-library",
        version: EXPORT_VERSION,
        stories,
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(outlet: &str, date: &str) -> Given {
        Given {
            outlet: outlet.into(),
            date: date.into(),
            ..Given::default()
        }
    }

    #[test]
    fn a_pasted_text_becomes_an_article_with_what_the_reader_said() {
        let a = make_article(
            "incollato 1",
            "\u{feff}Roma, 3 marzo 2025 - Il governo ha stanziato 1,2 miliardi.",
            &given(" ANSA ", ""),
            &[],
        )
        .unwrap();
        assert_eq!(a.meta.outlet.as_deref(), Some("ANSA"));
        assert!(a.text.starts_with("Roma"), "the byte-order mark is dropped");
        // The date was not given: read from the dateline, marked inferred.
        assert_eq!(a.meta.date.as_deref(), Some("2025-03-03"));
        assert_eq!(a.inferred, ["date"]);
        let b = make_article("x", "Un altro testo.", &given("", "2025-03-04"), &[]).unwrap();
        assert_eq!(b.meta.date.as_deref(), Some("2025-03-04"));
        assert!(b.inferred.is_empty());
        assert_eq!(b.meta.outlet, None, "nothing is invented");
    }

    #[test]
    fn files_are_read_in_their_encoding() {
        assert_eq!(
            decode("\u{feff}città".as_bytes()),
            Ok(("città".into(), None))
        );
        let latin: Vec<u8> = b"citt\xe0 \x80 5".to_vec();
        assert_eq!(
            decode(&latin),
            Ok(("città € 5".into(), Some("Windows-1252")))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("però".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16), Ok(("però".into(), Some("UTF-16"))));
        assert_eq!(decode(b"PNG\x00\x01\x02"), Err(AddError::Binary));
    }

    #[test]
    fn bad_texts_are_refused_with_a_reason() {
        let none = Given::default();
        assert_eq!(
            make_article("a", " \n\t ", &none, &[]),
            Err(AddError::Empty)
        );
        let big = "parola ".repeat(MAX_TEXT_BYTES / 7 + 10);
        assert!(matches!(
            make_article("a", &big, &none, &[]),
            Err(AddError::TooLarge(_))
        ));
        let binary: String = (0u8..200).map(|b| (b % 32) as char).collect();
        assert_eq!(
            make_article("a", &binary, &none, &[]),
            Err(AddError::Binary)
        );
        assert_eq!(
            make_article("a", "Testo.", &given("", "2025-02-30"), &[]),
            Err(AddError::BadDate("2025-02-30".into()))
        );
        let first = make_article("primo", "Lo stesso  testo.\n", &none, &[]).unwrap();
        assert_eq!(
            make_article("secondo", "Lo stesso testo.", &none, &[first]),
            Err(AddError::Duplicate("primo".into()))
        );
        for e in [
            AddError::Empty,
            AddError::TooLarge(3_000_000),
            AddError::Full,
        ] {
            assert!(!e.message(true).is_empty() && !e.message(false).is_empty());
        }
        assert!(AddError::TooLarge(3_000_000)
            .message(false)
            .contains("2 MB"));
    }

    #[test]
    fn ids_are_safe_and_unique() {
        let taken = ["vertice-di-pechino", "story"];
        assert_eq!(
            new_id("Vertice di Pechino", taken.iter().copied()),
            "vertice-di-pechino-2"
        );
        assert_eq!(new_id("Città è già", taken.iter().copied()), "citta-e-gia");
        assert_eq!(new_id("  ¿¿ ", taken.iter().copied()), "story-2");
        assert_eq!(new_id("Embedded", [].iter().copied()), "story");
        assert!(valid_id(&new_id(&"x".repeat(300), [].iter().copied())));
        assert!(!valid_id("../x") && !valid_id("") && !valid_id(EMBEDDED));
    }

    fn story(id: &str, name: &str, texts: &[&str]) -> StoredStory {
        let mut articles = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let a =
                make_article(&format!("t{i}"), t, &given("ANSA", "2026-03-14"), &articles).unwrap();
            articles.push(a);
        }
        StoredStory {
            schema: SCHEMA,
            id: id.into(),
            name: name.into(),
            articles,
        }
    }

    #[test]
    fn a_library_export_imports_back_to_the_same_records() {
        let stories = vec![
            story(
                "porto",
                "Porto",
                &["Evacuati 120 lavoratori.", "Danni per 5 milioni."],
            ),
            story(
                "sisma",
                "Sisma",
                &["Una scossa di magnitudo 4,4 alle 3.12."],
            ),
        ];
        let file = export(&stories);
        // Into an empty library: the very records.
        let r = read_export(&file, &[]).unwrap();
        assert_eq!(r.add, stories);
        let records: Vec<String> = r.add.iter().map(write_record).collect();
        let before: Vec<String> = stories.iter().map(write_record).collect();
        assert_eq!(records, before);
        assert!(r.present.is_empty());
        // Into the same library: nothing to add.
        let r = read_export(&file, &stories).unwrap();
        assert!(r.add.is_empty());
        assert_eq!(r.present, ["Porto", "Sisma"]);
        // A different story under the same id keeps both.
        let other = story("porto", "Porto", &["Un altro testo."]);
        let r = read_export(&file, std::slice::from_ref(&other)).unwrap();
        assert_eq!(r.add.len(), 2);
        assert_eq!(r.add[0].id, "porto-2");
        assert_eq!(r.add[0].articles, stories[0].articles);
    }

    #[test]
    fn metadata_is_edited_and_articles_move() {
        let a = story(
            "porto",
            "Porto",
            &["Genova, 14 marzo 2026 – Evacuati 120 lavoratori."],
        );
        let mut inferred = a.clone();
        inferred.articles[0].inferred = vec!["date".into()];
        let typed = Given {
            outlet: " AGI ".into(),
            date: "2026-03-15".into(),
            url: String::new(),
            author: "Redazione".into(),
        };
        let e = edit_article(&inferred, 0, &typed, "agency").unwrap();
        let m = &e.articles[0].meta;
        assert_eq!(m.outlet.as_deref(), Some("AGI"));
        assert_eq!(m.date.as_deref(), Some("2026-03-15"));
        assert_eq!(m.url, None);
        assert_eq!(m.author.as_deref(), Some("Redazione"));
        assert_eq!(m.kind, synoptic_core::ArticleKind::Agency);
        assert!(
            e.articles[0].inferred.is_empty(),
            "the date is the reader's now"
        );
        assert_eq!(e.articles[0].text, a.articles[0].text);
        // The same date kept: still inferred.
        let same = Given {
            date: "2026-03-14".into(),
            ..Given::default()
        };
        let mut at14 = inferred.clone();
        at14.articles[0].meta.date = Some("2026-03-14".into());
        assert_eq!(
            edit_article(&at14, 0, &same, "other").unwrap().articles[0].inferred,
            ["date"]
        );
        let bad = Given {
            date: "2026-02-30".into(),
            ..Given::default()
        };
        assert_eq!(
            edit_article(&a, 0, &bad, "other"),
            Err(AddError::BadDate("2026-02-30".into()))
        );

        let b = story("sisma", "Sisma", &["Una scossa di magnitudo 4,4."]);
        let (from, to) = move_article(&a, 0, &b).unwrap();
        assert!(from.articles.is_empty());
        assert_eq!(to.articles.len(), 2);
        assert_eq!(to.articles[1], a.articles[0]);
        // Not where the same text is already.
        assert!(matches!(
            move_article(&a, 0, &a.clone()),
            Err(AddError::Duplicate(_))
        ));
    }

    #[test]
    fn a_fingerprint_moves_with_the_story() {
        let a = story("porto", "Porto", &["Evacuati 120 lavoratori."]);
        let mut b = a.clone();
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_eq!(fingerprint(&a).len(), 16);
        b.articles[0].meta.outlet = Some("AGI".into());
        assert_ne!(fingerprint(&a), fingerprint(&b));
        let mut c = a.clone();
        c.articles[0].text.push(' ');
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn a_bad_library_file_is_refused_whole() {
        assert!(matches!(
            read_export("{", &[]),
            Err(ExportError::NotJson(_))
        ));
        assert_eq!(read_export("[]", &[]), Err(ExportError::Foreign));
        assert_eq!(
            read_export(
                r#"{"format":"synoptic-articles","version":1,"articles":[]}"#,
                &[]
            ),
            Err(ExportError::Foreign)
        );
        assert_eq!(
            read_export(
                r#"{"format":"synoptic-library","version":7,"stories":[]}"#,
                &[]
            ),
            Err(ExportError::Newer(7))
        );
        // One bad story among good ones: the file is refused, nothing added.
        let good = write_record(&story("a", "A", &["Testo."]));
        let file = format!(
            r#"{{"format":"synoptic-library","version":1,"stories":[{good},{{"schema":1,"id":"b","name":"B","articles":[{{"name":"x","text":"y","meta":{{"date":"2026-02-30"}}}}]}}]}}"#
        );
        let e = read_export(&file, &[]).unwrap_err();
        assert!(matches!(e, ExportError::Story(1, _)), "{e:?}");
        assert!(e.message(true).starts_with("la storia 2"));
    }

    #[test]
    fn records_round_trip_and_damage_is_reported() {
        let a = make_article(
            "a.txt",
            "Il 3 marzo 2025 il PIL è cresciuto dello 0,4%.",
            &Given::default(),
            &[],
        )
        .unwrap();
        let story = StoredStory {
            schema: SCHEMA,
            id: "pil".into(),
            name: "PIL".into(),
            articles: vec![a],
        };
        let raw = write_record(&story);
        assert_eq!(read_record("pil", &raw), Ok(story.clone()));
        assert_eq!(write_record(&read_record("pil", &raw).unwrap()), raw);
        // Damaged records: each says what is wrong and keeps its text.
        for (raw, why) in [
            ("{\"schema\": 1, \"id\": \"pil\"", "not JSON"),
            ("[]", "no schema"),
            ("{\"schema\": 9}", "newer Synoptic (schema 9"),
            (
                "{\"schema\": 1, \"id\": \"pil\", \"name\": 3}",
                "not a story",
            ),
        ] {
            let d = read_record("pil", raw).unwrap_err();
            assert!(d.why.contains(why), "{raw}: {}", d.why);
            assert_eq!(d.raw, raw);
        }
        let other = write_record(&StoredStory {
            id: "altro".into(),
            ..story.clone()
        });
        assert!(read_record("pil", &other)
            .unwrap_err()
            .why
            .contains("not its key"));
        // Every article reaches the analysis, in order.
        assert_eq!(articles(&story)[0].id, "001");
        let exported = export(&[story]);
        assert!(exported.starts_with("{\"format\":\"synoptic-library\",\"version\":1,"));
    }
}
