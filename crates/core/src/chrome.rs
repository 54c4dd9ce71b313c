//! Splitting a scraped page into blocks and telling the story from its chrome.
//!
//! A text copied from a web page carries more than the article: breadcrumbs,
//! share buttons, repeated titles, author boxes, site footers with VAT numbers
//! and law citations, press-release disclaimers, contacts, category and tag
//! lists. [`segment`] cuts a text into [`Block`]s and gives each a
//! [`BlockKind`]: the headline, body headings and paragraphs, or
//! [`ChromeKind`] chrome with the rule that recognised it.
//!
//! The rules are general, not per-file: they look at the shape of a line
//! (length, terminal punctuation, capitals, links, e-mail addresses), at short
//! lexicons of interface words in Italian and English, and at the position of
//! a block relative to the headline and to the end of the story (the *tail*:
//! once a byline box, contact block, taxonomy or legal footer starts after the
//! body, the rest of the page is chrome). Chrome is never dropped: the reader
//! shows it collapsed, and its figures are flagged as boilerplate.
//!
//! ```
//! use synoptic_core::chrome::{segment, BlockKind, ChromeKind};
//! let text = "Home Notizie Un titolo di prova\nUn titolo di prova\nShare\nIl testo dice una cosa.\n© 2025 Editore Srl - P.IVA 01234567890";
//! let kinds: Vec<BlockKind> = segment(text).iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, vec![
//!     BlockKind::Chrome(ChromeKind::Navigation),
//!     BlockKind::Headline,
//!     BlockKind::Chrome(ChromeKind::Share),
//!     BlockKind::Paragraph,
//!     BlockKind::Chrome(ChromeKind::Legal),
//! ]);
//! ```

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::text::{normalize, rough_word_count_upto};

/// Words of a line, counted as far as any rule here needs (26).
fn word_count(s: &str) -> usize {
    rough_word_count_upto(s, 26)
}

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The article's title.
    Headline,
    /// A heading inside the body.
    Heading,
    /// A paragraph of the body.
    Paragraph,
    /// Page chrome: kept, shown collapsed, never part of the story.
    Chrome(ChromeKind),
}

impl BlockKind {
    /// True for headline, headings and paragraphs: the story itself.
    pub fn is_story(self) -> bool {
        !matches!(self, BlockKind::Chrome(_))
    }
}

/// The kinds of page chrome Synoptic recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChromeKind {
    /// Breadcrumbs and menus (`Home News …`).
    Navigation,
    /// Share and social buttons.
    Share,
    /// The headline repeated (image captions, social cards).
    TitleRepeat,
    /// Section or widget labels (`News`, `Descrizione`).
    SectionLabel,
    /// Page metadata: creation date, author field, machine date lines.
    Metadata,
    /// The author box heading and the author's name.
    Byline,
    /// The author's biography.
    AuthorBio,
    /// A description of the site or publisher.
    SiteInfo,
    /// Contacts: e-mail addresses, press offices.
    Contact,
    /// Copyright, VAT number, address, legal notices.
    Legal,
    /// Press-release and sponsored-content disclaimers.
    Disclaimer,
    /// Category and tag lists.
    Taxonomy,
    /// Bare links (source URL, distributor link).
    Link,
    /// Lines with no words at all (`??`, separators).
    Noise,
    /// Other articles of the site: a "Leggi anche" list, headlines with
    /// their dates.
    Related,
}

impl ChromeKind {
    /// All kinds, in declaration order.
    pub const ALL: [ChromeKind; 15] = [
        ChromeKind::Navigation,
        ChromeKind::Share,
        ChromeKind::TitleRepeat,
        ChromeKind::SectionLabel,
        ChromeKind::Metadata,
        ChromeKind::Byline,
        ChromeKind::AuthorBio,
        ChromeKind::SiteInfo,
        ChromeKind::Contact,
        ChromeKind::Legal,
        ChromeKind::Disclaimer,
        ChromeKind::Taxonomy,
        ChromeKind::Link,
        ChromeKind::Noise,
        ChromeKind::Related,
    ];

    /// A stable machine name (`share`, `author_bio`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ChromeKind::Navigation => "navigation",
            ChromeKind::Share => "share",
            ChromeKind::TitleRepeat => "title_repeat",
            ChromeKind::SectionLabel => "section_label",
            ChromeKind::Metadata => "metadata",
            ChromeKind::Byline => "byline",
            ChromeKind::AuthorBio => "author_bio",
            ChromeKind::SiteInfo => "site_info",
            ChromeKind::Contact => "contact",
            ChromeKind::Legal => "legal",
            ChromeKind::Disclaimer => "disclaimer",
            ChromeKind::Taxonomy => "taxonomy",
            ChromeKind::Link => "link",
            ChromeKind::Noise => "noise",
            ChromeKind::Related => "related",
        }
    }

    /// Kinds that, met after the body has started, open the page's tail:
    /// everything after them is chrome too.
    fn opens_tail(self) -> bool {
        matches!(
            self,
            ChromeKind::Byline
                | ChromeKind::Contact
                | ChromeKind::Legal
                | ChromeKind::Taxonomy
                | ChromeKind::Metadata
                | ChromeKind::Disclaimer
        )
    }
}

/// A block of the page: a byte range of the source text and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte offset of the first character (trimmed).
    pub start: usize,
    /// Byte offset just past the last character (trimmed).
    pub end: usize,
    /// What the block is.
    pub kind: BlockKind,
    /// The rule that decided the kind, for people who want to know why
    /// (borrowed from the rule table; owned once deserialised).
    pub rule: Cow<'static, str>,
}

impl Block {
    /// The block's text, as written in `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Interface words that make up share bars and widgets.
const SHARE_WORDS: &[&str] = &[
    "share",
    "condividi",
    "condividi su",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "email",
    "e-mail",
    "stampa",
    "print",
    "copia link",
    "copy link",
];

/// Labels of sections and widgets.
const LABEL_WORDS: &[&str] = &[
    "news",
    "notizie",
    "home",
    "menu",
    "cerca",
    "search",
    "descrizione",
    "description",
    "sommario",
    "summary",
    "leggi anche",
    "leggi di più",
    "read more",
    "read also",
    "articoli correlati",
    "related",
    "related articles",
    "commenti",
    "comments",
    "pubblicità",
    "advertisement",
    "sponsor",
    "ascolta",
    "listen",
    "ultime notizie",
    "in evidenza",
];

/// Labels that open a list of other articles.
const RELATED_LABELS: &[&str] = &[
    "leggi anche",
    "potrebbe interessarti",
    "ti potrebbe interessare",
    "potrebbero interessarti",
    "articoli correlati",
    "correlati",
    "notizie correlate",
    "altre notizie",
    "dalla stessa sezione",
    "i piu letti",
    "i più letti",
    "piu letti",
    "più letti",
    "ultime notizie",
    "le ultime",
    "in evidenza",
    "read also",
    "related",
    "related articles",
    "vedi anche",
    "guarda anche",
];

/// Words of share bars and counters of a page.
const SHARE_ROW_WORDS: &[&str] = &[
    "condividi",
    "facebook",
    "whatsapp",
    "telegram",
    "linkedin",
    "twitter",
    "x",
    "email",
    "condivisioni",
    "commenti",
    "commento",
    "mi piace",
    "pinterest",
    "copia",
    "link",
];

const TAXONOMY_WORDS: &[&str] = &[
    "categoria",
    "categorie",
    "category",
    "categories",
    "tag",
    "tags",
    "argomenti",
    "topics",
    "parole chiave",
    "keywords",
];

const METADATA_LABELS: &[&str] = &[
    "data di creazione",
    "data di pubblicazione",
    "data",
    "pubblicato il",
    "pubblicato",
    "aggiornato il",
    "ultimo aggiornamento",
    "autore",
    "autrice",
    "author",
    "published",
    "updated",
    "date",
];

const CONTACT_LABELS: &[&str] = &[
    "contatti",
    "contatto",
    "contacts",
    "contact",
    "info & comunicati",
    "info e comunicati",
    "ufficio stampa",
    "press office",
    "media contact",
    "per informazioni",
];

const BYLINE_LABELS: &[&str] = &[
    "written by",
    "scritto da",
    "a cura di",
    "autore dell'articolo",
    "about the author",
    "sull'autore",
    "l'autore",
];

/// Phrases that only legal footers use.
const LEGAL_PHRASES: &[&str] = &[
    "p.iva",
    "p. iva",
    "partita iva",
    "vat number",
    "vat no",
    "ai sensi della legge",
    "testata giornalistica",
    "tutti i diritti riservati",
    "all rights reserved",
    "registrazione al tribunale",
    "iscrizione al tribunale",
    "privacy policy",
    "cookie policy",
];

/// Phrases of press-release and sponsored-content disclaimers.
const DISCLAIMER_PHRASES: &[&str] = &[
    "contenuto promozionale",
    "contenuto sponsorizzato",
    "non sono responsabili",
    "non è responsabile",
    "not responsible for",
    "sponsored content",
    "promotional content",
];

/// Verbs and nouns with which a site describes itself in a footer.
const SITE_INFO_PATTERNS: &[&str] = &[
    " è un magazine",
    " è una rivista",
    " è un blog",
    " è un sito",
    " è un portale",
    " è una testata",
    " è un quotidiano",
    " è il quotidiano",
    " is a magazine",
    " is a blog",
    " is a website",
];

/// Cuts `text` into blocks and classifies each one (see the module docs).
pub fn segment(text: &str) -> Vec<Block> {
    let raw = raw_blocks(text);
    let mut blocks: Vec<Block> = Vec::with_capacity(raw.len());
    for (start, end) in raw {
        let (start, end, meta_prefix) = split_metadata_prefix(text, start, end);
        if let Some(prefix_end) = meta_prefix {
            blocks.push(Block {
                start,
                end: prefix_end,
                kind: BlockKind::Chrome(ChromeKind::Metadata),
                rule: Cow::Borrowed("machine date line at the start of the text"),
            });
            let rest = skip_space(text, prefix_end, end);
            if rest < end {
                blocks.push(classify_alone(text, rest, end));
            }
        } else {
            blocks.push(classify_alone(text, start, end));
        }
    }
    structure(text, &mut blocks);
    blocks
}

/// The non-blank lines of `text`, trimmed of spacing (a byte-order mark
/// included), as byte ranges. Lines end at LF, CR, CRLF, NEL and the
/// Unicode line and paragraph separators, so old Mac exports and word
/// processors' separators cut lines as readers see them.
pub fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut push = |a: usize, b: usize| {
        let line = &text[a..b];
        let trimmed = line.trim_start_matches(crate::token::is_space);
        let start = a + (line.len() - trimmed.len());
        let trimmed = trimmed.trim_end_matches(crate::token::is_space);
        if !trimmed.is_empty() {
            out.push((start, start + trimmed.len()));
        }
    };
    // The line ends' bytes in UTF-8: LF, CR (CRLF), NEL (C2 85), and the
    // line and paragraph separators (E2 80 A8, E2 80 A9).
    let bytes = text.as_bytes();
    let at = |k: usize| bytes.get(k).copied();
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while all are ASCII at or above 0x0e (no
        // line end is among them): a word of the text read as one number.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            const ONES: u64 = u64::MAX / 255;
            let below = x.wrapping_sub(ONES * 0x0e) & !x & (ONES * 0x80);
            if (below | (x & (ONES * 0x80))) != 0 {
                break;
            }
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        let len = match b {
            b'\n' => 1,
            b'\r' if at(i + 1) == Some(b'\n') => 2,
            b'\r' => 1,
            0xc2 if at(i + 1) == Some(0x85) => 2,
            0xe2 if at(i + 1) == Some(0x80) && matches!(at(i + 2), Some(0xa8 | 0xa9)) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        push(line_start, i);
        i += len;
        line_start = i;
    }
    push(line_start, text.len());
    out
}

/// Non-blank lines, trimmed, with a paragraph that a blank line broke in the
/// middle of a sentence joined back together.
fn raw_blocks(text: &str) -> Vec<(usize, usize)> {
    let lines = lines(text);
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for (start, end) in lines {
        if let Some(last) = merged.last_mut() {
            let prev = &text[last.0..last.1];
            let next = &text[start..end];
            if is_broken_sentence(prev, next) {
                last.1 = end;
                continue;
            }
        }
        merged.push((start, end));
    }
    merged
}

/// A line that stops mid-sentence (a long line ending in a lowercase word or a
/// comma) followed by a line that starts in lowercase is one paragraph.
fn is_broken_sentence(prev: &str, next: &str) -> bool {
    // Hard-wrapped text (teletext pages, e-mails) breaks lines anywhere:
    // after a word, a comma or a number ("per 500" / "milioni di euro").
    let ends_open = prev
        .chars()
        .last()
        .is_some_and(|c| c.is_lowercase() || c == ',' || c.is_ascii_digit());
    // A line that opens with a number runs on only into lower-case words
    // ("4.20 una nuova scossa"), not into an index ("100 Indice").
    let second_lower = next
        .split_whitespace()
        .nth(1)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_lowercase);
    let starts_on = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || (c.is_ascii_digit() && second_lower));
    // A title's last name before a byline (`… parla a Trump` / `22 gennaio
    // 2025 · di …`): a line of parts between `·` or `|` is no run-on.
    if !(ends_open && starts_on && word_count(prev) >= 5) {
        return false;
    }
    let last_capital = || {
        prev.split_whitespace().last().is_some_and(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::figures::lexicon::is_function_word(&crate::token::fold_word(w))
        })
    };
    let digit_first = next.starts_with(|c: char| c.is_ascii_digit());
    let parts = next.contains(" · ") || next.contains(" | ");
    !(parts || digit_first && last_capital() || is_byline_start(next))
}

/// A byline's line: `di` or `a cura di`, then a capitalised name, and a
/// few words at most (`di Mario Rossi`, `di Mario Rossi12 marzo 2024`),
/// never the run-on of the line before it.
fn is_byline_start(line: &str) -> bool {
    let rest = line
        .strip_prefix("di ")
        .or_else(|| line.strip_prefix("a cura di "));
    rest.is_some_and(|r| {
        r.starts_with(|c: char| c.is_uppercase()) && word_count(line) <= 8 && !ends_sentence(line)
    })
}

/// A leading `date 2025-12-25` (or `data:`/`published`) token glued to the
/// first line by a scraper: returns the end of that prefix.
fn split_metadata_prefix(text: &str, start: usize, end: usize) -> (usize, usize, Option<usize>) {
    let line = &text[start..end];
    // Only its first characters can be a label and a date.
    let mut head = line.len().min(32);
    while !line.is_char_boundary(head) {
        head -= 1;
    }
    let lower = line[..head].to_lowercase();
    for label in ["date", "data", "published", "pubblicato"] {
        let Some(rest) = lower.strip_prefix(label) else {
            continue;
        };
        let after_label = rest.trim_start_matches([':', ' ']);
        let skipped = rest.len() - after_label.len();
        if skipped == 0 {
            continue;
        }
        let bytes = after_label.as_bytes();
        let iso = bytes.len() >= 10
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4] == b'-'
            && bytes[5..7].iter().all(u8::is_ascii_digit)
            && bytes[7] == b'-'
            && bytes[8..10].iter().all(u8::is_ascii_digit)
            && bytes.get(10).is_none_or(|b| !b.is_ascii_alphanumeric());
        if iso {
            // Lowercasing ASCII labels and digits keeps byte lengths.
            let prefix_len = label.len() + skipped + 10;
            if line.is_char_boundary(prefix_len) {
                return (start, end, Some(start + prefix_len));
            }
        }
    }
    (start, end, None)
}

fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

/// The last visible character, looking through closing quotes and brackets.
fn last_significant(s: &str) -> Option<char> {
    s.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_'))
}

fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | ';' | '…'))
}

fn has_alnum(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

fn is_url_line(s: &str) -> bool {
    let s = s.trim_matches(|c| c == '<' || c == '>');
    let bare_url = (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
        && !s.contains(char::is_whitespace);
    let markdown_link = s.starts_with('[') && s.ends_with(')') && s.contains("](");
    bare_url || markdown_link
}

/// True if `s` holds something shaped like an e-mail address.
fn has_email(s: &str) -> bool {
    if !s.contains('@') {
        return false;
    }
    s.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';'))
        .any(|w| {
            let w = w.trim_end_matches(['.', ':']);
            match w.split_once('@') {
                Some((user, host)) => {
                    !user.is_empty()
                        && host.contains('.')
                        && !host.starts_with('.')
                        && !host.ends_with('.')
                        && !host.contains('@')
                }
                None => false,
            }
        })
}

/// A label line: its folded text, without a trailing colon, is in `words`.
fn is_label(norm: &str, words: &[&str]) -> bool {
    let norm = norm.trim_end_matches(':').trim();
    words.contains(&norm)
}

/// A line written in capitals (at least two words, no lowercase letters).
fn is_all_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 6 && !s.chars().any(char::is_lowercase)
}

/// The pairs of adjacent bytes of a text, hashed into a set of 4096 bits:
/// a text that lacks a pair of a phrase cannot contain the phrase (a
/// collision only lets a phrase through to the exact search).
struct Pairs([u64; 64]);

impl Pairs {
    fn slot(a: u8, b: u8) -> usize {
        ((usize::from(a) << 5) ^ usize::from(b)) & 4095
    }

    fn of(s: &str) -> Pairs {
        let mut set = [0u64; 64];
        for w in s.as_bytes().windows(2) {
            let k = Pairs::slot(w[0], w[1]);
            set[k >> 6] |= 1 << (k & 63);
        }
        Pairs(set)
    }

    /// False only if `needle` is not in the text.
    fn may_contain(&self, needle: &str) -> bool {
        needle.as_bytes().windows(2).all(|w| {
            let k = Pairs::slot(w[0], w[1]);
            self.0[k >> 6] & (1 << (k & 63)) != 0
        })
    }
}

/// Classifies a block on its own text, before its position is known.
fn classify_alone(text: &str, start: usize, end: usize) -> Block {
    let s = &text[start..end];
    let norm = normalize(s);
    let words = word_count(s);
    let chrome = |kind, rule: &'static str| Block {
        start,
        end,
        kind: BlockKind::Chrome(kind),
        rule: Cow::Borrowed(rule),
    };
    if !has_alnum(s) {
        return chrome(ChromeKind::Noise, "no letters or digits");
    }
    if is_url_line(s) {
        return chrome(ChromeKind::Link, "a bare link");
    }
    if s.starts_with('©') || norm.starts_with("(c) ") || norm.starts_with("copyright") {
        return chrome(ChromeKind::Legal, "copyright notice");
    }
    // The phrases below are looked for only in a line that has every pair
    // of bytes of them.
    let pairs = Pairs::of(&norm);
    let has = |p: &str| pairs.may_contain(p) && norm.contains(p);
    if LEGAL_PHRASES.iter().any(|p| has(p)) {
        return chrome(
            ChromeKind::Legal,
            "legal notice (VAT number, law citation, rights)",
        );
    }
    // In capitals in the line, so in lower case in its folded text.
    let caps_press_release = pairs.may_contain("comunicato stampa")
        && s.contains("COMUNICATO STAMPA")
        || pairs.may_contain("press release") && s.contains("PRESS RELEASE");
    if caps_press_release || DISCLAIMER_PHRASES.iter().any(|p| has(p)) {
        return chrome(
            ChromeKind::Disclaimer,
            "press-release or sponsored-content disclaimer",
        );
    }
    if words <= 5 && is_label(&norm, RELATED_LABELS) {
        return chrome(ChromeKind::Related, "label of a list of other articles");
    }
    if is_share_row(&norm, words) {
        return chrome(ChromeKind::Share, "share buttons and counters");
    }
    if is_media_link(s, &norm, words) {
        return chrome(
            ChromeKind::Related,
            "a link to the site's video or audio, with its length",
        );
    }
    if is_reading_time(&norm, words) {
        return chrome(ChromeKind::SectionLabel, "reading time");
    }
    if is_page_index(s, words) {
        return chrome(ChromeKind::Navigation, "page numbers of a teletext index");
    }
    if words <= 20
        && [
            "pubblicato il ",
            "pubblicato ",
            "aggiornato il ",
            "aggiornato alle ",
            "ultimo aggiornamento",
        ]
        .iter()
        .any(|p| norm.starts_with(p))
        && !ends_sentence(s)
    {
        return chrome(ChromeKind::Metadata, "publication line of the page");
    }
    if words <= 4 {
        if is_label(&norm, SHARE_WORDS) {
            return chrome(ChromeKind::Share, "share button");
        }
        if is_label(&norm, TAXONOMY_WORDS) {
            return chrome(ChromeKind::Taxonomy, "category or tag label");
        }
        if is_label(&norm, CONTACT_LABELS) {
            return chrome(ChromeKind::Contact, "contacts label");
        }
        if is_label(&norm, BYLINE_LABELS) {
            return chrome(ChromeKind::Byline, "author box label");
        }
        if is_label(&norm, METADATA_LABELS) {
            return chrome(ChromeKind::Metadata, "page metadata label");
        }
        if is_label(&norm, LABEL_WORDS) {
            return chrome(ChromeKind::SectionLabel, "section or widget label");
        }
    }
    if has_email(s) && words <= 25 {
        return chrome(ChromeKind::Contact, "e-mail address");
    }
    // A longer line in capitals that gives figures between its clauses
    // (`CAMPI FLEGREI, SCOSSA 4.4 NELLA NOTTE`) is a teletext or agency
    // headline, not a label.
    let headline_in_capitals =
        words > 5 && s.bytes().any(|b| b.is_ascii_digit()) && s.contains([',', ':']);
    if words <= 12 && is_all_caps(s) && !ends_sentence(s) && !headline_in_capitals {
        return chrome(ChromeKind::SectionLabel, "label in capitals");
    }
    let breadcrumb =
        (norm.starts_with("home ") || norm.starts_with("home >") || norm.starts_with("home »"))
            && !ends_sentence(s);
    if breadcrumb {
        return chrome(ChromeKind::Navigation, "breadcrumb trail");
    }
    let kind = if looks_like_heading(s, words) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    Block {
        start,
        end,
        kind,
        rule: Cow::Borrowed(if kind == BlockKind::Heading {
            "short line without final punctuation"
        } else {
            "running text"
        }),
    }
}

/// A share bar with its counters (`Condividi: Facebook · X · 1.204
/// condivisioni`, `💬 7 commenti`): a short line made of share words,
/// numbers and symbols.
fn is_share_row(norm: &str, words: usize) -> bool {
    if words > 16 {
        return false;
    }
    let parts: Vec<&str> = norm
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    let share = parts.iter().filter(|w| SHARE_ROW_WORDS.contains(w)).count();
    let other = parts
        .iter()
        .filter(|w| {
            !SHARE_ROW_WORDS.contains(w) && !w.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
        .count();
    // `Condividi · 1,2 mila`: the word and its counter.
    let counter = norm.starts_with("condividi")
        && parts.iter().all(|w| {
            SHARE_ROW_WORDS.contains(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || COUNT_WORDS.contains(w)
        });
    counter || share >= 2 && (other <= 1 || norm.starts_with("condividi"))
}

/// What a counter of shares or views ends with (`1,2 mila`, `3k`).
const COUNT_WORDS: &[&str] = &[
    "mila",
    "k",
    "mln",
    "condivisioni",
    "commenti",
    "visualizzazioni",
];

/// Words that open a link to the site's own video or audio.
const MEDIA_LEADS: &[&str] = &[
    "guarda il video",
    "guarda il servizio",
    "guarda la diretta",
    "ascolta il podcast",
    "ascolta l'intervista",
    "video:",
    "watch:",
];

/// A link to the site's video or audio (`▶ Guarda il servizio del Tg delle
/// 13 (1:42)`, `VIDEO: l'intervista al sindaco (3:05)`): a short line that
/// opens with a play sign or words that say so, and gives a length in
/// minutes and seconds, or ends there; its numbers are the player's, not
/// the story's.
fn is_media_link(s: &str, norm: &str, words: usize) -> bool {
    if words > 16 {
        return false;
    }
    let t = s.trim_start();
    let play = t.starts_with(['▶', '►', '⏵', '🎥', '📺', '🎧']);
    let lead = MEDIA_LEADS.iter().any(|l| norm.starts_with(l));
    // `(1:42)`, `(12:05)`: a length in parentheses.
    let length = s.split('(').skip(1).any(|p| {
        let inner = p.split(')').next().unwrap_or("");
        let mut halves = inner.split(':');
        let (m, sec) = (halves.next().unwrap_or(""), halves.next().unwrap_or(""));
        halves.next().is_none()
            && (1..=3).contains(&m.len())
            && sec.len() == 2
            && m.bytes().chain(sec.bytes()).all(|b| b.is_ascii_digit())
    });
    (play || lead) && (length || play && lead)
}

/// A reading time: `Tempo di lettura: 3 minuti`, `Lettura 4 min`.
fn is_reading_time(norm: &str, words: usize) -> bool {
    words <= 8 && norm.contains("lettura") && (norm.contains("min") || norm.contains("minuti"))
}

/// A teletext index line: page numbers with their labels (`100 Indice
/// 101 Ultim'ora 401 Meteo`).
fn is_page_index(s: &str, words: usize) -> bool {
    if words > 14 {
        return false;
    }
    let pages = s
        .split_whitespace()
        .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_digit()))
        .count();
    words <= 14 && pages >= 2 && pages * 3 >= words
}

/// An item of a list: a bullet or dash first (`•`, `›`, `-`, `*`).
fn is_list_item(s: &str) -> bool {
    s.starts_with(['•', '›', '»', '▪', '◦', '·', '*', '-', '–'])
}

fn looks_like_heading(s: &str, words: usize) -> bool {
    (1..=25).contains(&words) && !ends_sentence(s) && last_significant(s) != Some(',')
}

/// How many words of story come before a date or publication line can
/// open the page's tail (one under the title is no tail; `word_count`
/// stops at 26 per block, so this is at least two blocks of story). A
/// byline box, contacts, a legal footer open it after any story.
const TAIL_AFTER_WORDS: usize = 30;

/// The positional pass: headline, title repeats, labels before the headline,
/// and the page tail.
fn structure(text: &str, blocks: &mut [Block]) {
    // Headline: among the title-like blocks before the first running
    // paragraph (a line of at most 25 words without a full stop; a question
    // or an exclamation counts), the one with the most words, if it has at
    // least three; the short ones before it (a site's name, a section) are
    // labels. A question heading the page is a title, not the story.
    let running = |s: &str| {
        ends_sentence(s) && !matches!(last_significant(s), Some('?' | '!')) || word_count(s) > 25
    };
    let mut candidates: Vec<usize> = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        match b.kind {
            BlockKind::Paragraph | BlockKind::Heading => {
                let s = b.text(text);
                if running(s) {
                    break;
                }
                candidates.push(k);
            }
            BlockKind::Headline | BlockKind::Chrome(_) => {}
        }
    }
    let mut headline: Option<String> = None;
    let best = candidates
        .iter()
        .copied()
        .filter(|&k| word_count(blocks[k].text(text)) >= 3)
        .max_by_key(|&k| (word_count(blocks[k].text(text)), std::cmp::Reverse(k)));
    if let Some(h) = best {
        for &k in candidates.iter().take_while(|&&k| k < h) {
            if word_count(blocks[k].text(text)) < 3 {
                blocks[k].kind = BlockKind::Chrome(ChromeKind::SectionLabel);
                blocks[k].rule = Cow::Borrowed("short label before the headline");
            }
        }
        let b = &mut blocks[h];
        b.kind = BlockKind::Headline;
        b.rule = Cow::Borrowed("the longest title-like line before the body");
        headline = Some(normalize(b.text(text)));
    } else if let Some(&k) = candidates.first() {
        blocks[k].kind = BlockKind::Chrome(ChromeKind::SectionLabel);
        blocks[k].rule = Cow::Borrowed("short label before the headline");
    }

    if let Some(h) = &headline {
        for b in blocks.iter_mut() {
            // Only blocks of about the headline's length can repeat it.
            let len = b.end - b.start;
            if matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph)
                && (len > 2 * h.len() + 8 || 2 * len + 8 < h.len())
            {
                continue;
            }
            let norm = normalize(b.text(text));
            match b.kind {
                BlockKind::Heading | BlockKind::Paragraph if norm == *h => {
                    b.kind = BlockKind::Chrome(ChromeKind::TitleRepeat);
                    b.rule = Cow::Borrowed("the headline repeated");
                }
                BlockKind::Chrome(ChromeKind::Navigation) if norm.contains(h.as_str()) => {
                    b.rule = Cow::Borrowed("breadcrumb trail ending in the headline");
                }
                _ => {}
            }
        }
    }

    // A related list: after its label, the items and the headlines (short
    // lines without a full stop, or items with a bullet), up to the first
    // running paragraph.
    let mut related = false;
    for b in blocks.iter_mut() {
        match b.kind {
            BlockKind::Chrome(ChromeKind::Related) => related = true,
            BlockKind::Chrome(_) => {}
            BlockKind::Heading | BlockKind::Paragraph | BlockKind::Headline if related => {
                let s = b.text(text);
                let headline_like = !ends_sentence(s) && word_count(s) <= 25;
                if is_list_item(s) || headline_like {
                    b.kind = BlockKind::Chrome(ChromeKind::Related);
                    b.rule = Cow::Borrowed("a headline in a list of other articles");
                } else {
                    related = false;
                }
            }
            _ => {}
        }
    }

    // The tail: after the body has started, a byline box, contact block,
    // taxonomy, metadata field or legal footer ends the story.
    // The story has started once some of it is in.
    let mut body_words = 0;
    let mut region: Option<ChromeKind> = None;
    for b in blocks.iter_mut() {
        match (b.kind, region) {
            // Counted only as far as the threshold it is compared with.
            (BlockKind::Paragraph, None) if body_words < TAIL_AFTER_WORDS => {
                body_words += word_count(b.text(text));
            }
            (BlockKind::Chrome(kind), None)
                if kind.opens_tail()
                    && body_words > 0
                    && (kind != ChromeKind::Metadata || body_words >= TAIL_AFTER_WORDS) =>
            {
                region = Some(kind);
            }
            (BlockKind::Chrome(kind), Some(_))
                if kind != ChromeKind::Noise && kind != ChromeKind::Link =>
            {
                region = Some(kind);
            }
            (BlockKind::Headline | BlockKind::Heading | BlockKind::Paragraph, Some(current)) => {
                let s = b.text(text);
                let norm = normalize(s);
                let (kind, rule) = if SITE_INFO_PATTERNS.iter().any(|p| norm.contains(p)) {
                    (
                        ChromeKind::SiteInfo,
                        "the site describing itself, after the story",
                    )
                } else if current == ChromeKind::Byline && word_count(s) > 12 {
                    (ChromeKind::AuthorBio, "author biography, in the author box")
                } else if matches!(current, ChromeKind::AuthorBio | ChromeKind::SiteInfo) {
                    (current, "more of the author box, after the story")
                } else {
                    (current, "in the page tail, after the story")
                };
                b.kind = BlockKind::Chrome(kind);
                b.rule = Cow::Borrowed(rule);
                region = Some(kind);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        segment(text)
            .iter()
            .map(|b| (b.text(text).to_string(), b.kind))
            .collect()
    }

    fn check(text: &str, expected: &[(&str, BlockKind)]) {
        let got = kinds(text);
        let want: Vec<(String, BlockKind)> =
            expected.iter().map(|(s, k)| (s.to_string(), *k)).collect();
        assert_eq!(got, want);
    }

    use BlockKind::{Chrome, Heading, Headline, Paragraph};
    use ChromeKind::*;

    #[test]
    fn share_bar_and_repeated_title() {
        check(
            "Cronaca\n\nIl sindaco inaugura il nuovo ponte sul fiume\n\nCondividi\nIl sindaco inaugura il nuovo ponte sul fiume\nWhatsApp\n\nIl ponte è costato tre milioni di euro.",
            &[
                ("Cronaca", Chrome(SectionLabel)),
                ("Il sindaco inaugura il nuovo ponte sul fiume", Headline),
                ("Condividi", Chrome(Share)),
                ("Il sindaco inaugura il nuovo ponte sul fiume", Chrome(TitleRepeat)),
                ("WhatsApp", Chrome(Share)),
                ("Il ponte è costato tre milioni di euro.", Paragraph),
            ],
        );
    }

    #[test]
    fn author_box_and_footer_are_tail() {
        check(
            "Titolo: la giunta approva il bilancio\nLa giunta ha approvato il bilancio ieri sera.\nScritto da\nMaria Rossi\nGiornalista dal 2001, scrive di politica locale e di economia per diverse testate del Nord Italia.\nIl Foglio Locale è un quotidiano online di informazione.\n© 2024 Editrice Locale Srl",
            &[
                ("Titolo: la giunta approva il bilancio", Headline),
                ("La giunta ha approvato il bilancio ieri sera.", Paragraph),
                ("Scritto da", Chrome(Byline)),
                ("Maria Rossi", Chrome(Byline)),
                (
                    "Giornalista dal 2001, scrive di politica locale e di economia per diverse testate del Nord Italia.",
                    Chrome(AuthorBio),
                ),
                ("Il Foglio Locale è un quotidiano online di informazione.", Chrome(SiteInfo)),
                ("© 2024 Editrice Locale Srl", Chrome(Legal)),
            ],
        );
    }

    #[test]
    fn press_release_contacts_and_taxonomy() {
        check(
            "Nuovo stabilimento per Acme Italia\nPRESS RELEASE\nMILANO, 3 marzo 2025 – Acme apre un impianto.\nContatti:\nUfficio Acme\nstampa@acme.example\nCategoria\n1. Comunicati\nData di creazione\nMarzo 3, 2025",
            &[
                ("Nuovo stabilimento per Acme Italia", Headline),
                ("PRESS RELEASE", Chrome(Disclaimer)),
                ("MILANO, 3 marzo 2025 – Acme apre un impianto.", Paragraph),
                ("Contatti:", Chrome(Contact)),
                ("Ufficio Acme", Chrome(Contact)),
                ("stampa@acme.example", Chrome(Contact)),
                ("Categoria", Chrome(Taxonomy)),
                ("1. Comunicati", Chrome(Taxonomy)),
                ("Data di creazione", Chrome(Metadata)),
                ("Marzo 3, 2025", Chrome(Metadata)),
            ],
        );
    }

    #[test]
    fn body_headings_stay_in_the_body() {
        check(
            "Il governo vara la manovra\nIl testo arriva in aula.\nLe misure principali\nSi parte dal fisco.",
            &[
                ("Il governo vara la manovra", Headline),
                ("Il testo arriva in aula.", Paragraph),
                ("Le misure principali", Heading),
                ("Si parte dal fisco.", Paragraph),
            ],
        );
    }

    #[test]
    fn sentence_broken_by_a_blank_line_is_joined() {
        let text =
            "Il fatturato del gruppo ha raggiunto quest'anno i 12 milioni di\n\neuro, un record.";
        let blocks = segment(text);
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].kind, Paragraph);
        assert_eq!(blocks[0].text(text), text);
    }

    #[test]
    fn a_title_does_not_run_on_into_its_byline() {
        let text = "Il vertice sul clima si chiude con un appello di Guterres\n22 gennaio 2025 · di Anna Neri\n\nIl vertice si è chiuso ieri sera a Baku dopo due settimane.";
        let blocks = segment(text);
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        // A hard-wrapped sentence still joins after a capitalised article.
        let text = "Il corteo partirà dalla stazione e arriverà in piazza. Alle\n16 la cerimonia al Quirinale con il capo dello Stato.";
        assert_eq!(segment(text).len(), 1);
    }

    #[test]
    fn machine_date_prefix_is_split_off() {
        let text = " date 2024-06-01 Il consiglio comunale si è riunito ieri.";
        check(
            text,
            &[
                ("date 2024-06-01", Chrome(Metadata)),
                ("Il consiglio comunale si è riunito ieri.", Paragraph),
            ],
        );
    }

    #[test]
    fn links_noise_and_breadcrumbs() {
        check(
            "Home Sport Calcio La squadra vince\nLa squadra vince\nLa partita è finita due a zero.\n<https://esempio.example/articolo>\n??\n[sito/sezione](https://esempio.example/sezione)",
            &[
                ("Home Sport Calcio La squadra vince", Chrome(Navigation)),
                ("La squadra vince", Headline),
                ("La partita è finita due a zero.", Paragraph),
                ("<https://esempio.example/articolo>", Chrome(Link)),
                ("??", Chrome(Noise)),
                ("[sito/sezione](https://esempio.example/sezione)", Chrome(Link)),
            ],
        );
    }

    #[test]
    fn body_mentioning_a_press_release_is_body() {
        check(
            "Il ministero risponde alle critiche\nIn un comunicato stampa il ministero ha respinto le accuse.",
            &[
                ("Il ministero risponde alle critiche", Headline),
                ("In un comunicato stampa il ministero ha respinto le accuse.", Paragraph),
            ],
        );
    }

    #[test]
    fn related_lists_share_rows_reading_times_and_indexes() {
        check(
            "Il porto riapre dopo la mareggiata\nTempo di lettura: 2 minuti\nIl porto ha riaperto ieri dopo tre giorni di chiusura per la mareggiata.\nCondividi: Facebook · WhatsApp · 312 condivisioni\nLeggi anche\n• Traghetti, orari estivi dal 1° giugno · 3 maggio 2025\nPesca, le nuove quote europee\n100 Indice 101 Ultim'ora 401 Meteo",
            &[
                ("Il porto riapre dopo la mareggiata", Headline),
                ("Tempo di lettura: 2 minuti", Chrome(SectionLabel)),
                ("Il porto ha riaperto ieri dopo tre giorni di chiusura per la mareggiata.", Paragraph),
                ("Condividi: Facebook · WhatsApp · 312 condivisioni", Chrome(Share)),
                ("Leggi anche", Chrome(Related)),
                ("• Traghetti, orari estivi dal 1° giugno · 3 maggio 2025", Chrome(Related)),
                ("Pesca, le nuove quote europee", Chrome(Related)),
                ("100 Indice 101 Ultim'ora 401 Meteo", Chrome(Navigation)),
            ],
        );
        // An inline "Leggi anche" takes its headline, not the story after it.
        let text = "Titolo della notizia di oggi\nIl primo paragrafo racconta i fatti principali.\nLeggi anche\nUn altro titolo qui\nIl secondo paragrafo continua il racconto dei fatti.";
        let kinds: Vec<BlockKind> = segment(text).iter().map(|b| b.kind).collect();
        assert_eq!(kinds[4], Paragraph);
    }

    #[test]
    fn a_byline_is_not_the_run_on_of_the_headline() {
        let text = "Il ponte sul Tevere riapre dopo tre mesi di lavori\ndi Mario Rossi\nIl ponte ha riaperto stamattina alle sette.";
        let blocks = segment(text);
        assert_eq!(
            blocks[0].text(text),
            "Il ponte sul Tevere riapre dopo tre mesi di lavori"
        );
        // A real run-on still joins.
        let text = "Il fatturato del gruppo ha raggiunto quest'anno i dodici milioni\ndi euro, un record per l'azienda.";
        assert_eq!(segment(text).len(), 1);
    }

    #[test]
    fn a_headline_in_capitals_with_figures_is_no_label() {
        check(
            "ULTIM'ORA\nMALTEMPO, 120 SFOLLATI IN LIGURIA: CHIUSE 40 SCUOLE\nSono 120 le persone lasciate fuori casa dalla piena del Magra.",
            &[
                ("ULTIM'ORA", Chrome(SectionLabel)),
                ("MALTEMPO, 120 SFOLLATI IN LIGURIA: CHIUSE 40 SCUOLE", Headline),
                ("Sono 120 le persone lasciate fuori casa dalla piena del Magra.", Paragraph),
            ],
        );
    }

    #[test]
    fn links_to_the_sites_video_and_share_counters_are_chrome() {
        check(
            "Frana sulla provinciale, strada chiusa per tre giorni\n▶ Guarda il video del crollo (2:15)\nLa frana ha invaso la carreggiata ieri sera alle 22.\nVIDEO: il sindaco sul posto (0:48)\nI tecnici della Provincia stimano tre giorni di lavori.\nCondividi · 4,8 mila",
            &[
                ("Frana sulla provinciale, strada chiusa per tre giorni", Headline),
                ("▶ Guarda il video del crollo (2:15)", Chrome(Related)),
                ("La frana ha invaso la carreggiata ieri sera alle 22.", Paragraph),
                ("VIDEO: il sindaco sul posto (0:48)", Chrome(Related)),
                ("I tecnici della Provincia stimano tre giorni di lavori.", Paragraph),
                ("Condividi · 4,8 mila", Chrome(Share)),
            ],
        );
        // A sentence that speaks of a video is the story's.
        check(
            "Il caso del video diffuso in rete\nGuarda il video chi vuole: alle 14:30 il sindaco (in carica da tre anni) ha parlato per 20 minuti.",
            &[
                ("Il caso del video diffuso in rete", Headline),
                ("Guarda il video chi vuole: alle 14:30 il sindaco (in carica da tre anni) ha parlato per 20 minuti.", Paragraph),
            ],
        );
    }

    #[test]
    fn line_ends_as_users_have_them() {
        let want = [
            ("Il titolo del pezzo di prova", Headline),
            (
                "ROMA, 3 marzo 2024 - Il testo dice che 200 persone sono arrivate.",
                Paragraph,
            ),
            ("Share", Chrome(Share)),
        ];
        for sep in ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}"] {
            let text = want.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(sep) + sep;
            check(&text, &want);
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_line() {
        let text = "\u{feff}Home Notizie Mondo\nIl titolo del pezzo di prova\nIl testo dice che 200 persone sono arrivate.";
        let blocks = segment(text);
        assert_eq!(blocks[0].kind, Chrome(Navigation));
        assert_eq!(
            blocks[0].start, 3,
            "offsets still point into the original text"
        );
        assert_eq!(blocks[1].kind, Headline);
    }

    #[test]
    fn pairs_never_hide_a_phrase() {
        let texts = [
            "Tutti i diritti riservati - P.IVA 0123",
            "contenuto sponsorizzato, non è responsabile",
            "x",
            "",
            "un testo qualunque senza frasi legali",
        ];
        for t in texts {
            let norm = normalize(t);
            let pairs = Pairs::of(&norm);
            for p in LEGAL_PHRASES.iter().chain(DISCLAIMER_PHRASES).chain(&[
                "comunicato stampa",
                "press release",
                "a",
                "",
            ]) {
                if norm.contains(p) {
                    assert!(pairs.may_contain(p), "{p:?} in {norm:?}");
                }
            }
            for k in 0..norm.len() {
                for e in k..=norm.len() {
                    if let Some(sub) = norm.get(k..e) {
                        assert!(pairs.may_contain(sub), "{sub:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(segment("").is_empty());
        assert!(segment("\n\n \n").is_empty());
        let odd = "date 2024-0\u{e9}\ndata: 2024-01-01x\n@\n\u{0301}";
        for b in segment(odd) {
            assert!(b.start <= b.end && b.end <= odd.len());
        }
    }
}
