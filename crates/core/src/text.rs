//! Small text helpers shared by the analysis modules.
//!
//! - [`normalize`] folds typographic variants (curly quotes and apostrophes,
//!   dashes, case, runs of whitespace) so that two spellings of one line compare
//!   equal;
//! - [`word_count`] counts words the way a reader would (numbers included,
//!   an elided article and its word as one, punctuation excluded);
//! - [`CharIndex`] turns byte offsets into the character offsets that
//!   reports use, in logarithmic time from one table per text
//!   ([`char_offset`] does one conversion by walking the text).

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
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A run of lower-case ASCII letters and digits, copied at once.
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            let run = i;
            while i < bytes.len() && (bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()) {
                i += 1;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push_str(&s[run..i]);
            continue;
        }
        // Other ASCII, a byte at a time.
        let c = if b.is_ascii() {
            i += 1;
            match b {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => {
                    space = !out.is_empty();
                    continue;
                }
                b'`' => '\'',
                b => b.to_ascii_lowercase() as char,
            }
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                c if crate::token::is_space(c) => {
                    space = !out.is_empty();
                    continue;
                }
                c => c,
            }
        };
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Counts the words of a text as a reader counts them (`227,9` and
/// `dall’Asia` are one word each; punctuation and symbols none), from the
/// same tokens the analysis reads.
///
/// ```
/// assert_eq!(synoptic_core::text::word_count("Il commercio ha raggiunto i 227,9 miliardi."), 7);
/// ```
pub fn word_count(s: &str) -> usize {
    crate::token::count_words(&crate::token::tokenize(s, 0))
}

/// A fast word count for classification: runs of non-space characters that
/// contain a letter or digit. Close to [`word_count`] on running text, at a
/// fraction of its cost.
pub fn rough_word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// [`rough_word_count`], counting no further than `cap` (enough to compare
/// a line with thresholds, at the cost of its first words only).
pub fn rough_word_count_upto(s: &str, cap: usize) -> usize {
    // One pass over the characters: a word ends at white space (as
    // `split_whitespace` cuts) and counts if it had a letter or digit.
    let mut n = 0;
    let mut in_word = false;
    let mut counts = false;
    for c in s.chars() {
        if n >= cap {
            return cap;
        }
        if c.is_whitespace() {
            n += usize::from(in_word && counts);
            in_word = false;
            counts = false;
        } else {
            in_word = true;
            counts = counts || c.is_alphanumeric();
        }
    }
    n += usize::from(in_word && counts);
    n.min(cap)
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

/// Byte → character offsets of one text, from one table built once: the
/// byte offset of every character that takes more than one byte, with how
/// many extra bytes the text has up to it. A lookup is a binary search.
///
/// ```
/// use synoptic_core::text::CharIndex;
/// let s = "città è così";
/// let ix = CharIndex::new(s);
/// assert_eq!(ix.char_at(s.find("così").unwrap()), 8);
/// assert_eq!(ix.char_at(s.len()), s.chars().count());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharIndex {
    /// (byte offset of a multi-byte character, its width, extra bytes before it).
    wide: Vec<(usize, u8, usize)>,
    len: usize,
}

impl CharIndex {
    /// The table of `s`.
    pub fn new(s: &str) -> CharIndex {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in s.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                wide.push((i, n as u8, extra));
                extra += n - 1;
            }
        }
        CharIndex { wide, len: s.len() }
    }

    /// The number of characters before byte offset `byte` (offsets past the
    /// end count every character; an offset inside a character counts the
    /// characters that start before it).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        // The last multi-byte character that starts before `byte`.
        let k = self.wide.partition_point(|&(start, _, _)| start < byte);
        let Some(&(start, width, before)) = k.checked_sub(1).and_then(|k| self.wide.get(k)) else {
            return byte;
        };
        let width = usize::from(width);
        if byte >= start + width {
            byte - before - (width - 1)
        } else {
            // Inside that character: it counts as one.
            start - before + 1
        }
    }
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
    fn rough_counts_stop_at_their_cap() {
        let texts = [
            "",
            "   ",
            "Un testo — di prova, con 12 parole\u{a0}e  spazi\tvari !",
            "uno\u{2028}due\u{3000}tre ... – 4",
        ];
        for s in texts {
            let all = s
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(rough_word_count(s), all, "{s:?}");
            for cap in 0..12 {
                assert_eq!(rough_word_count_upto(s, cap), all.min(cap), "{s:?} {cap}");
            }
        }
    }

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
    fn char_index_agrees_with_walking() {
        let s = "Però è così: 1\u{202f}000 € — 🎉 fine";
        let ix = CharIndex::new(s);
        for b in 0..=s.len() + 2 {
            assert_eq!(ix.char_at(b), char_offset(s, b), "byte {b}");
        }
        assert_eq!(CharIndex::new("").char_at(5), 0);
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
