//! Small text helpers shared by the analysis modules.
//!
//! - [`normalize`] folds typographic variants (curly quotes and apostrophes,
//!   dashes, case, runs of whitespace) so that two spellings of one line compare
//!   equal;
//! - [`word_count`] counts words the way a reader would (Unicode word
//!   boundaries, numbers included, punctuation excluded);
//! - [`char_offset`] turns a byte offset into the character offset that reports
//!   use.

use unicode_segmentation::UnicodeSegmentation;

/// Folds a line for comparison: lower case, straight quotes and apostrophes,
/// plain hyphens, single spaces, trimmed.
///
/// ```
/// use synoptic_core::text::normalize;
/// assert_eq!(normalize("Xi e Russia: un’alleanza"), normalize("xi e  Russia: un'alleanza "));
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Counts the words of a text (Unicode word boundaries; `227,9` and
/// `dall’Asia` are one word each).
///
/// ```
/// assert_eq!(synoptic_core::text::word_count("Il commercio ha raggiunto i 227,9 miliardi."), 7);
/// ```
pub fn word_count(s: &str) -> usize {
    s.unicode_words().count()
}

/// A fast word count for classification: runs of non-space characters that
/// contain a letter or digit. Close to [`word_count`] on running text, at a
/// fraction of its cost.
pub fn rough_word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The number of characters (Unicode scalar values) before byte offset `byte`
/// of `s`. Offsets past the end, or inside a character, count the characters
/// that start before them.
///
/// ```
/// assert_eq!(synoptic_core::text::char_offset("città è", 7), 6);
/// ```
pub fn char_offset(s: &str, byte: usize) -> usize {
    s.char_indices().take_while(|(i, _)| *i < byte).count()
}

/// Collapses every run of whitespace (including blank lines inside a block) to
/// one space and trims the ends: the text of a block as a reader sees it.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_typography() {
        assert_eq!(
            normalize("  L’asse “anti Usa” — sì  "),
            "l'asse \"anti usa\" - sì"
        );
    }

    #[test]
    fn normalize_empty_and_blank() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t "), "");
    }

    #[test]
    fn char_offset_handles_multibyte() {
        let s = "Però è così";
        let byte = s.find("così").unwrap();
        assert_eq!(char_offset(s, byte), 7);
        assert_eq!(char_offset(s, 1_000), s.chars().count());
    }

    #[test]
    fn word_count_counts_italian_words() {
        assert_eq!(
            word_count("Dall’approfondimento della fiducia, 14,7% in più"),
            6
        );
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("?? —"), 0);
    }
}
