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

/// Makes room for `need` more bytes at `k` in `out`, then writes the
/// space still pending, if any.
#[inline]
fn open_room(out: &mut Vec<u8>, k: &mut usize, space: &mut bool, need: usize) {
    if out.len() < *k + need {
        out.resize(*k + 16, 0);
    }
    if *space {
        out[*k] = b' ';
        *k += 1;
        *space = false;
    }
}

/// Folds a line for comparison: lower case, straight quotes and apostrophes,
/// plain hyphens, single spaces, trimmed.
///
/// ```
/// use synoptic_core::text::normalize;
/// assert_eq!(normalize("Xi e Russia: un’alleanza"), normalize("xi e  Russia: un'alleanza "));
/// ```
pub fn normalize(s: &str) -> String {
    // Written into a buffer by index (every byte written is a whole
    // character's, so the result is UTF-8): a lower-case character takes
    // at most half as many bytes again as its capital (`İ` → `i̇`).
    let bytes = s.as_bytes();
    let mut out = vec![0u8; bytes.len() + bytes.len() / 2 + 4];
    let mut k = 0;
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time while they are printable ASCII whose single
        // spaces stay as they are: lowered as one number.
        if let Some(word) = plain_eight(bytes.get(i..i + 8), space || k == 0) {
            open_room(&mut out, &mut k, &mut space, 9);
            out[k..k + 8].copy_from_slice(&word);
            k += 8;
            i += 8;
            continue;
        }
        let b = bytes[i];
        // Plain ASCII, through a table.
        let m = ASCII_FOLD[usize::from(b)];
        if m >= FOLD_PLAIN {
            i += 1;
            open_room(&mut out, &mut k, &mut space, 2);
            out[k] = m;
            k += 1;
            continue;
        }
        if m == FOLD_SPACE {
            i += 1;
            space = k > 0;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if crate::token::is_space(c) => {
                space = k > 0;
                continue;
            }
            c => c,
        };
        // A space, then at most three characters of four bytes.
        open_room(&mut out, &mut k, &mut space, 13);
        if let Some(l) = latin1_lower(c) {
            k += l.encode_utf8(&mut out[k..]).len();
        } else {
            for l in c.to_lowercase() {
                k += l.encode_utf8(&mut out[k..]).len();
            }
        }
    }
    out.truncate(k);
    String::from_utf8(out).unwrap_or_default()
}

/// Eight bytes that [`normalize`] folds one for one, folded: printable
/// ASCII without a backtick, whose spaces are single, none of them last
/// (what follows decides) nor first when `space_first_folds` (a space
/// already pending, or nothing written yet). `None` for any other bytes.
fn plain_eight(chunk: Option<&[u8]>, space_first_folds: bool) -> Option<[u8; 8]> {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk?);
    let x = u64::from_le_bytes(word);
    // The high bit of each byte equal to `b` (exact: no carry between bytes).
    let equal = |b: u8| {
        let t = x ^ (ONES * u64::from(b));
        !(((t & !HIGH) + !HIGH) | t) & HIGH
    };
    // A byte from 0x80 up, or below a space.
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    if ((x & HIGH) | below_space | equal(b'`')) != 0 {
        return None;
    }
    let spaces = equal(b' ');
    let first_space = (spaces & 0x80) != 0;
    let last_space = spaces >> 56 != 0;
    if (spaces & (spaces >> 8)) != 0 || last_space || first_space && space_first_folds {
        return None;
    }
    // Capitals: at or above `A` and not above `Z` (all bytes are below 0x80).
    let from_a = x.wrapping_add(ONES * u64::from(0x80 - b'A'));
    let above_z = x.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
    let capitals = from_a & !above_z & HIGH;
    Some((x | (capitals >> 2)).to_le_bytes())
}

/// [`ASCII_FOLD`] of a byte that is spacing.
const FOLD_SPACE: u8 = 1;
/// [`ASCII_FOLD`] values from here up are the folded byte itself.
const FOLD_PLAIN: u8 = 2;

/// How [`normalize`] folds each ASCII byte: lower case, a straight
/// apostrophe for a backtick, [`FOLD_SPACE`] for spacing, 0 for the bytes
/// read as characters (non-ASCII, and the two control bytes below
/// [`FOLD_PLAIN`]).
const ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = FOLD_PLAIN;
    while b < 0x80 {
        t[b as usize] = match b {
            b'`' => b'\'',
            b'A'..=b'Z' => b + 32,
            _ => b,
        };
        b += 1;
    }
    t[b' ' as usize] = FOLD_SPACE;
    t[b'\t' as usize] = FOLD_SPACE;
    t[b'\n' as usize] = FOLD_SPACE;
    t[b'\r' as usize] = FOLD_SPACE;
    t[0x0b] = FOLD_SPACE;
    t[0x0c] = FOLD_SPACE;
    t
};

/// The lower case of a Latin-1 letter (`È` → `è`), as `char::to_lowercase`
/// gives it, without its table (ASCII too); `None` above Latin-1.
fn latin1_lower(c: char) -> Option<char> {
    match c {
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20),
        '\u{0}'..='\u{ff}' => Some(c.to_ascii_lowercase()),
        _ => None,
    }
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
    // ASCII is classified a byte at a time.
    let bytes = s.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut counts = false;
    let mut i = 0;
    while i < bytes.len() {
        if n >= cap {
            return cap;
        }
        let b = bytes[i];
        let (white, alnum) = if b.is_ascii() {
            i += 1;
            // A run of ASCII letters and digits at once: it only makes the
            // word count (the cap is checked at its end, as a space would).
            if b.is_ascii_alphanumeric() {
                while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
            }
            (matches!(b, b' ' | b'\t'..=b'\r'), b.is_ascii_alphanumeric())
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            (c.is_whitespace(), c.is_alphanumeric())
        };
        if white {
            n += usize::from(in_word && counts);
            in_word = false;
            counts = false;
        } else {
            in_word = true;
            counts = counts || alnum;
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
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// `s` in lower case, borrowed when it already is (ASCII without capitals).
pub fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
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

    /// The plain reading of both, character by character, to compare with.
    fn normalize_as_it_was(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // A run of lower-case ASCII letters and digits, copied at once.
            if b.is_ascii_lowercase() || b.is_ascii_digit() {
                let run = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit())
                {
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
    fn rough_count_as_it_was(s: &str, cap: usize) -> usize {
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

    #[test]
    fn fast_paths_read_as_the_plain_ones() {
        for u in 0..0x180u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(l) = latin1_lower(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        let texts = [
            "",
            "  L’asse “anti Usa” — sì  ",
            "ÀÉÌÒÙ àéìòù ÆØÞ ß × ÷ µ ª º « » \u{a0}x\u{85}y K İ ΣΑ `z`",
            "Più di 1\u{202f}000\u{2009}persone\u{2028}a\u{3000}b\u{feff}c\u{200b}d\u{1c}e",
            "\t\r\n\u{b}\u{c}ABC xyz 123 🎉 ‐‑‒–—―−",
            "\u{0}A\u{1}B\u{2}\u{7f} İİİİİİİİ",
            "İ",
            " İ",
            "Nel primo trimestre di quest'anno la spesa per la Difesa ha toccato 619,9 miliardi.",
            "abcdefgh ABCDEFGH abcdefg  ABCDEFG abcdefg\tABCDEFG `abcdefg` abcdefg ",
            "  leading spaces and trailing ones, eight by eight: xxxxxxx yyyyyyy zzzzzzz  ",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H I J K",
        ];
        // Random texts of the bytes and characters each path handles.
        let pieces = [
            "a", "b", "z", "A", "M", "Z", "@", "[", "`", "{", "~", "\u{7f}", "0", "9", " ", " ",
            " ", "\t", "\n", "\r", "\u{1}", "\u{1f}", "!", "'", "é", "È", "’", "—", "\u{a0}", "İ",
            "K",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut random = Vec::new();
        for _ in 0..2000 {
            let mut t = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            random.push(t);
        }
        for s in texts
            .iter()
            .copied()
            .chain(random.iter().map(String::as_str))
        {
            assert_eq!(normalize(s), normalize_as_it_was(s), "{s:?}");
            for cap in 0..12 {
                assert_eq!(
                    rough_word_count_upto(s, cap),
                    rough_count_as_it_was(s, cap),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn collapsed_and_lowered_as_before() {
        for s in [
            "",
            "  ",
            " a  b\tc\n",
            "x",
            "Più  È\u{a0}ok",
            "ABC def",
            "İ",
        ] {
            assert_eq!(
                collapse_whitespace(s),
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            );
            assert_eq!(lower(s), s.to_lowercase());
        }
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
