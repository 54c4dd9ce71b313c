//! An article's own date, read from its text: a machine date line
//! (`date 2025-12-25`), a metadata field (`Data di creazione` / `Maggio 18,
//! 2026`, `Pubblicato il …`), or a dateline (`Pechino, 4 febbraio 2026 –`,
//! `PECHINO, May 18, 2026 (GLOBE NEWSWIRE)`).
//!
//! [`infer`] says which evidence it used; [`reference_date`] picks the date
//! relative times are resolved against: a date set by a person (metadata or
//! a user edit) wins, then the inferred one, then a fallback given by the
//! caller (the CLI's `--date`).

use serde::{Deserialize, Serialize};

use super::time::first_full_date;
use crate::article::Article;
use crate::chrome::{BlockKind, ChromeKind};
use crate::date::Date;
use crate::text::normalize;

/// Where a date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// A `date YYYY-MM-DD` line.
    DateLine,
    /// A labelled metadata field (`Data di creazione`, `Pubblicato il`).
    MetadataField,
    /// A dateline at the start of the story.
    Dateline,
    /// A short line of the page's head that is little more than a date: a
    /// timestamp (`12.03.2024 09:41`), a byline's (`di Mario Rossi, 12
    /// marzo 2024`).
    Timestamp,
}

/// A date read from an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inferred {
    /// The day.
    pub date: Date,
    /// What it was read from.
    pub evidence: Evidence,
    /// Byte range of the words it was read from.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// Where the reference date of an analysis came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Set by a person: the metadata record or an edit.
    Metadata,
    /// Read from the text.
    Text,
    /// Given by the caller for texts without a date (`--date`).
    Fallback,
}

const FIELD_LABELS: &[&str] = &[
    "data di creazione",
    "data di pubblicazione",
    "pubblicato il",
    "pubblicato",
    "published",
    "published on",
    "data",
    "date",
];

/// Reads the article's own date from its text.
pub fn infer(article: &Article) -> Option<Inferred> {
    let text = &article.text;
    let blocks = &article.blocks;
    // 1. A machine date line.
    for b in blocks {
        if b.kind == BlockKind::Chrome(ChromeKind::Metadata) {
            let s = head(b.text(text), 200);
            let lower = normalize(s);
            if lower.starts_with("date") || lower.starts_with("data ") || lower.starts_with("data:")
            {
                if let Some(date) = first_full_date(s, 6) {
                    return Some(Inferred {
                        date,
                        evidence: Evidence::DateLine,
                        start: b.start,
                        end: b.end,
                    });
                }
            }
        }
    }
    // 2. A labelled field, with the date in the same block or the next one.
    let longest = FIELD_LABELS.iter().map(|l| l.len()).max().unwrap_or(0);
    for (k, b) in blocks.iter().enumerate() {
        let s = head(b.text(text), 200);
        // The normal form of the first bytes begins that of the whole: when
        // it is at least as long as any label and none begins it, none
        // begins the whole (most blocks).
        let start = normalize(head(s, 2 * longest));
        if start.len() >= longest && !FIELD_LABELS.iter().any(|l| start.starts_with(*l)) {
            continue;
        }
        let lower = normalize(s);
        let Some(label) = FIELD_LABELS.iter().find(|l| lower.starts_with(*l)) else {
            continue;
        };
        if lower.len() > label.len() + 40 {
            continue;
        }
        if let Some(date) = first_full_date(s, 10) {
            return Some(Inferred {
                date,
                evidence: Evidence::MetadataField,
                start: b.start,
                end: b.end,
            });
        }
        if lower.trim_end_matches(':') == *label {
            if let Some(next) = blocks.get(k + 1) {
                if let Some(date) = first_full_date(head(next.text(text), 200), 6) {
                    return Some(Inferred {
                        date,
                        evidence: Evidence::MetadataField,
                        start: next.start,
                        end: next.end,
                    });
                }
            }
        }
    }
    // 3. A dateline in one of the first paragraphs.
    for b in blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
    {
        let s = b.text(text);
        let head: String = s.chars().take(80).collect();
        if !head.contains(',') {
            continue;
        }
        if let Some(date) = first_full_date(&head, 8) {
            return Some(Inferred {
                date,
                evidence: Evidence::Dateline,
                start: b.start,
                end: b.start + head.len(),
            });
        }
    }
    // 4. A short line of the page's head that is little more than a date,
    // before the story's third paragraph: a timestamp, a byline's date.
    // Lists of other articles carry their own dates: not those.
    let mut paragraphs = 0;
    for b in blocks.iter().take(HEAD_BLOCKS) {
        if b.kind == BlockKind::Paragraph {
            paragraphs += 1;
            if paragraphs > 2 {
                break;
            }
        }
        if matches!(
            b.kind,
            BlockKind::Chrome(ChromeKind::Related | ChromeKind::TitleRepeat)
        ) {
            continue;
        }
        let s = b.text(text);
        if s.len() > 80 || s.split_whitespace().count() > 10 {
            continue;
        }
        if let Some(date) = first_full_date(s, 8) {
            return Some(Inferred {
                date,
                evidence: Evidence::Timestamp,
                start: b.start,
                end: b.end,
            });
        }
    }
    None
}

/// How many blocks of a page's head [`infer`] looks at for a timestamp.
const HEAD_BLOCKS: usize = 8;

/// The place a story is datelined from, folded (`pechino`, `new york`):
/// the words before the first comma or dash of one of its first
/// paragraphs, when they are a name in capitals (`PECHINO, …`, `(ANSA) -
/// MOSCA, 12 MAR -`, `Washington –`). Only places of the zones table
/// count (see [`super::time::zone_of_place`]).
pub fn place(article: &Article) -> Option<String> {
    let text = &article.text;
    for b in article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .take(3)
    {
        let head = head(b.text(text), 80);
        let cut = head
            .find([',', '–', '—'])
            .or_else(|| head.find(" - "))
            .unwrap_or(head.len());
        let before = &head[..cut];
        // The agency's slug before the place: "(ANSA) - ROMA".
        let before = before.rsplit(" - ").next().unwrap_or(before);
        let before = before.rsplit(')').next().unwrap_or(before).trim();
        let words: Vec<&str> = before.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            continue;
        }
        let named = words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !named {
            continue;
        }
        let folded: Vec<String> = words
            .iter()
            .map(|w| crate::token::fold_word(w).to_string())
            .collect();
        for n in (1..=folded.len().min(3)).rev() {
            let name = folded[folded.len() - n..].join(" ");
            if super::time::zone_of_place(&name).is_some() {
                return Some(name);
            }
        }
    }
    None
}

/// The date relative times are resolved against, and where it came from.
pub fn reference_date(article: &Article, fallback: Option<Date>) -> Option<(Date, Origin)> {
    reference_from(article, infer(article), fallback)
}

/// [`reference_date`] with the date already read from the text.
pub fn reference_from(
    article: &Article,
    inferred: Option<Inferred>,
    fallback: Option<Date>,
) -> Option<(Date, Origin)> {
    if let Some(d) = article.meta.date.as_deref().and_then(Date::parse_iso) {
        return Some((d, Origin::Metadata));
    }
    if let Some(i) = inferred {
        return Some((i.date, Origin::Text));
    }
    fallback.map(|d| (d, Origin::Fallback))
}

/// The first `n` bytes of `s` (at most), cut at a character boundary: a
/// date line or field is read from its start only, however long the block.
fn head(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Metadata;

    fn inferred(text: &str) -> Option<(String, Evidence)> {
        let a = Article::parse("t", "t.txt", text, Metadata::default());
        infer(&a).map(|i| (i.date.to_string(), i.evidence))
    }

    #[test]
    fn a_timestamp_or_a_bylines_date_under_the_headline() {
        assert_eq!(
            inferred(
                "Il ponte riapre dopo tre mesi\n12.03.2024 09:41\nIl ponte sul Tevere riapre oggi."
            )
            .unwrap(),
            ("2024-03-12".into(), Evidence::Timestamp)
        );
        assert_eq!(
            inferred("Il ponte riapre dopo tre mesi\ndi Mario Rossi12 marzo 2024\nIl ponte sul Tevere riapre oggi.").unwrap(),
            ("2024-03-12".into(), Evidence::Timestamp)
        );
        // A date in a list of other articles is theirs.
        assert_eq!(
            inferred("Il ponte riapre dopo tre mesi\nIl ponte sul Tevere riapre oggi, dice il Comune.\nLeggi anche\n• Traghetti, orari estivi · 3 maggio 2025"),
            None
        );
    }

    #[test]
    fn datelines_and_fields() {
        assert_eq!(
            inferred("Titolo del pezzo qui\nTORINO, 3 marzo 2024 – La giunta ha deciso.").unwrap(),
            ("2024-03-03".into(), Evidence::Dateline)
        );
        assert_eq!(
            inferred("Titolo del pezzo qui\nIl testo.\nPubblicato il 12 aprile 2023").unwrap(),
            ("2023-04-12".into(), Evidence::MetadataField)
        );
        assert_eq!(
            inferred(
                "Titolo del pezzo qui\nIl testo dice cose.\nData di creazione\nAprile 12, 2023"
            )
            .unwrap(),
            ("2023-04-12".into(), Evidence::MetadataField)
        );
        assert_eq!(
            inferred(" date 2022-01-31 Il testo comincia qui.").unwrap(),
            ("2022-01-31".into(), Evidence::DateLine)
        );
        // A date deep inside a sentence is not a dateline.
        assert!(inferred("Titolo del pezzo qui\nNel 2019 il governo, dopo lunghe trattative con tutte le parti sociali, decise il 4 maggio 2019.").is_none());
        assert!(inferred("Nessuna data qui.").is_none());
    }

    #[test]
    fn reference_prefers_metadata_then_text_then_fallback() {
        let text = "Titolo del pezzo qui\nROMA, 1 giugno 2024 – Testo.";
        let mut a = Article::parse("t", "t.txt", text, Metadata::default());
        let fb = Date::from_ymd(2000, 1, 1);
        assert_eq!(reference_date(&a, fb).unwrap().1, Origin::Text);
        a.meta.date = Some("2024-06-02".into());
        assert_eq!(
            reference_date(&a, fb).unwrap(),
            (Date::from_ymd(2024, 6, 2).unwrap(), Origin::Metadata)
        );
        let b = Article::parse("t", "t.txt", "Niente.", Metadata::default());
        assert_eq!(reference_date(&b, fb).unwrap().1, Origin::Fallback);
    }
}
