//! Tokens: words, digit groups, symbols and punctuation, each with its byte
//! span in the article's text, cut once per article by [`tokenize`] and read
//! by every later stage (the figure grammar, sentences, terms).
//!
//! Italian elision is split at the apostrophe (`dell’80°` is `dell'`, `80`,
//! `°`; `quest’anno` is `quest'`, `anno`), and every word carries a folded
//! lower-case form with straight apostrophes and no accents on its vowels
//! (`ventitré` → `ventitre`), so that grammars match spelling variants.
//!
//! Text as users have it: a byte-order mark, zero-width spaces and the
//! Unicode line and paragraph separators are spacing (the last two, like
//! CR, LF and NEL, are line ends); a digit group continues across a
//! no-break, narrow no-break, thin or single plain space when exactly three
//! digits follow (`1 000 000`, as word processors and agencies write it; a
//! plain space only after a first group of one to three digits), and its
//! folded form drops those spaces.
//!
//! ```
//! use synoptic_core::token::tokenize;
//! let toks = tokenize("Più di 1\u{202f}000 persone", 0);
//! let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
//! assert_eq!(norms, ["piu", "di", "1000", "persone"]);
//! ```

use compact_str::CompactString;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters, possibly ending in an elision apostrophe.
    Word,
    /// Digits, with inner `.` or `,` separators (`1.234,5`).
    Digits,
    /// `%`, currency signs, `°`, `º`, `ª`.
    Symbol,
    /// Anything else that is not a space.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub struct Tok {
    /// Byte offset of the first character in the text tokenised.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// Kind of token.
    pub kind: TokKind,
    /// Folded text: lower case, `'` for every apostrophe, accents removed
    /// from vowels; digit groups without their spacing separators.
    pub norm: CompactString,
    /// True if whitespace (or the start of the text) comes right before.
    pub space_before: bool,
    /// True if a line break comes right before (paragraph or line boundary).
    pub newline_before: bool,
    /// True if the token starts with a capital letter.
    pub cap: bool,
    /// `norm`'s first seven bytes and its length, packed by [`pack`]: a
    /// short word is compared with it at once.
    key: u64,
}

/// The first seven bytes of `w` and its length (at most 255) in one number:
/// two words of at most seven bytes are equal when their packings are.
#[inline]
fn pack(w: &[u8]) -> u64 {
    let mut k = (w.len().min(255) as u64) << 56;
    for (n, &b) in w.iter().take(7).enumerate() {
        k |= u64::from(b) << (8 * n);
    }
    k
}

impl Tok {
    /// True for a token with this folded text.
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        let w = word.as_bytes();
        // Length and first byte from the packing, which rejects nearly
        // every word; a short word is then equal when its packing is (a
        // constant for the grammar's literals).
        if (self.key >> 56) as usize != w.len().min(255) {
            return false;
        }
        match w.first() {
            None => true,
            Some(&b) if b != self.key as u8 => false,
            Some(_) if w.len() <= 7 => self.key == pack(w),
            Some(_) => self.norm.as_bytes() == w,
        }
    }

    /// True for a token whose folded text is one of `words`.
    #[inline]
    pub fn is_any(&self, words: &[&str]) -> bool {
        is_one_of(&self.norm, words)
    }

    /// True for a word.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// True for a digit group.
    pub fn is_digits(&self) -> bool {
        self.kind == TokKind::Digits
    }

    /// The original text of the token.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// True if the token starts with a capital letter (`source` is kept for
    /// callers that have it at hand; the flag was set when tokenising).
    pub fn is_capitalized(&self, _source: &str) -> bool {
        self.cap
    }
}

/// Byte equality that rejects on length and first byte before comparing
/// the rest: the grammar compares each token with many short words, and
/// nearly all differ there.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// The folded forms of `toks`, with a space between each two.
pub fn joined(toks: &[Tok]) -> String {
    let mut out = String::new();
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(&t.norm);
    }
    out
}

/// True if `w` is one of `words` (compared as [`Tok::is`] compares).
pub fn is_one_of(w: &str, words: &[&str]) -> bool {
    let w = w.as_bytes();
    words.iter().any(|x| same(w, x.as_bytes()))
}

/// `w.starts_with(p)`, a byte at a time: for the short words and stems of
/// the grammar, cheaper than a call to compare memory.
pub fn has_prefix(w: &str, p: &str) -> bool {
    let (w, p) = (w.as_bytes(), p.as_bytes());
    w.len() >= p.len() && w.iter().zip(p).all(|(a, b)| a == b)
}

/// `w.ends_with(s)`, a byte at a time (see [`has_prefix`]).
pub fn has_suffix(w: &str, s: &str) -> bool {
    let (w, s) = (w.as_bytes(), s.as_bytes());
    w.len() >= s.len() && w.iter().rev().zip(s.iter().rev()).all(|(a, b)| a == b)
}

/// True for the apostrophes that mark an elision.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | '´' | 'ʼ')
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '%' | '$' | '€' | '£' | '¥' | '₽' | '°' | 'º' | 'ª' | '‰' | '₹' | '₩' | '₺' | '₣'
    )
}

/// Spacing for tokens: Unicode white space, plus the byte-order mark and
/// the zero-width spaces (which are not white space to Unicode).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}')
}

/// Line ends: LF, CR (alone or before LF), NEL, and the Unicode line and
/// paragraph separators.
pub fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Spaces that separate thousands when three digits follow (`1 000`).
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The most spacing separators one number has (`1 000 000 000 000`).
const MAX_SPACED_GROUPS: usize = 4;

/// Marks that combine with the letter before them (accents typed apart).
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

/// Folds one character of a word: lower case, straight apostrophe, vowels
/// without accents.
fn fold_into(out: &mut String, c: char) {
    if is_apostrophe(c) {
        out.push('\'');
        return;
    }
    if is_combining(c) {
        return;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        out.push(match l {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        });
    }
}

/// An ASCII word in lower case, copied once.
fn ascii_lower(w: &str) -> CompactString {
    let mut out = CompactString::from(w);
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        out.make_ascii_lowercase();
    }
    out
}

/// Folds a word as the tokenizer does.
pub fn fold_word(s: &str) -> CompactString {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(&mut out, c);
    }
    CompactString::from(out)
}

/// Words among tokens, counted as a reader counts them: words and
/// numbers, an elided word and the word it is glued to as one
/// (`dall’Asia`), punctuation and symbols not at all.
pub fn count_words(toks: &[Tok]) -> usize {
    let mut n = 0;
    for (i, t) in toks.iter().enumerate() {
        let glued_to_elision = i > 0
            && !t.space_before
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].norm.ends_with('\'');
        if matches!(t.kind, TokKind::Word | TokKind::Digits) && !glued_to_elision {
            n += 1;
        }
    }
    n
}

/// Cuts `text` into tokens whose offsets are `base` plus their offset in
/// `text` (pass the start of a block to get offsets into the whole text).
pub fn tokenize(text: &str, base: usize) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, base, &mut toks);
    toks
}

/// [`tokenize`], appending to `out`.
pub fn tokenize_into(text: &str, base: usize, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    // The folded form is built here, then copied once into the token.
    let mut norm = String::with_capacity(32);
    // The character at byte `i` and its length.
    let at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => Some((b as char, 1)),
            Some(_) => {
                let c = text.get(i..)?.chars().next()?;
                Some((c, c.len_utf8()))
            }
            None => None,
        }
    };
    while let Some((c, len)) = at(i) {
        // Plain ASCII spacing, the most common byte after letters.
        if c == ' ' {
            space_before = true;
            i += 1;
            continue;
        }
        if is_space(c) {
            space_before = true;
            if is_line_end(c) {
                newline_before = true;
            }
            i += len;
            continue;
        }
        let start = i;
        norm.clear();
        let kind;
        if c.is_alphabetic() {
            kind = TokKind::Word;
            let mut j = i;
            // A run of ASCII letters, the common case, copied at once.
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            // Followed by ASCII that is no apostrophe (a space, a comma):
            // the word is its ASCII letters, folded straight into the token.
            if j > i
                && bytes
                    .get(j)
                    .is_none_or(|&d| d.is_ascii() && d != b'\'' && d != b'`')
            {
                let norm = ascii_lower(&text[i..j]);
                out.push(Tok {
                    start: base + start,
                    end: base + j,
                    kind: TokKind::Word,
                    key: pack(norm.as_bytes()),
                    norm,
                    space_before,
                    newline_before,
                    cap: c.is_uppercase(),
                });
                i = j;
                space_before = false;
                newline_before = false;
                continue;
            }
            norm.push_str(&text[i..j]);
            norm.make_ascii_lowercase();
            while let Some((d, dl)) = at(j) {
                if d.is_alphabetic() || is_combining(d) {
                    fold_into(&mut norm, d);
                    j += dl;
                } else {
                    break;
                }
            }
            // An elision apostrophe belongs to the word before it.
            if let Some((d, dl)) = at(j) {
                if is_apostrophe(d) {
                    norm.push('\'');
                    j += dl;
                }
            }
            i = j;
        } else if c.is_ascii_digit() {
            kind = TokKind::Digits;
            let mut j = i;
            // Separators seen: a spacing one only joins groups of a number
            // written without `.`/`,`, and only a few of them (a trillion
            // has four), so a long list of numbers stays a list.
            let mut marks = false;
            let mut spaced = 0;
            loop {
                let run = j;
                while j < bytes.len() && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                norm.push_str(&text[run..j]);
                let digit_at = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
                if j < bytes.len() && matches!(bytes[j], b'.' | b',') && digit_at(j + 1) {
                    norm.push(bytes[j] as char);
                    marks = true;
                    j += 1;
                    continue;
                }
                // A spacing separator of thousands: exactly three digits after it.
                if let Some((d, dl)) = at(j) {
                    let three = (1..=3).all(|k| digit_at(j + dl + k - 1)) && !digit_at(j + dl + 3);
                    // A plain space groups thousands too (`1 500 persone`,
                    // `4 881 500 dollari`) after a first group of one to
                    // three digits: `2024 500` stays two numbers.
                    // `051 527 …` (a leading zero) is a telephone number.
                    let plain = d == ' ' && bytes[i] != b'0' && (spaced > 0 || j - i <= 3);
                    if (is_group_space(d) || plain) && three && !marks && spaced < MAX_SPACED_GROUPS
                    {
                        spaced += 1;
                        j += dl;
                        continue;
                    }
                }
                break;
            }
            i = j;
        } else if is_symbol(c) {
            kind = TokKind::Symbol;
            norm.push(c);
            i += len;
        } else {
            kind = TokKind::Punct;
            match c {
                '–' | '—' | '‑' | '−' | '‐' | '‒' | '―' => norm.push('-'),
                '“' | '”' | '«' | '»' | '„' | '‟' => norm.push('"'),
                c if is_apostrophe(c) => norm.push('\''),
                c => norm.push(c),
            }
            i += len;
        }
        out.push(Tok {
            start: base + start,
            end: base + i,
            kind,
            key: pack(norm.as_bytes()),
            norm: CompactString::from(norm.as_str()),
            space_before,
            newline_before,
            cap: c.is_uppercase(),
        });
        space_before = false;
        newline_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, 0)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn splits_elision_and_symbols() {
        assert_eq!(
            norms("dell’80° anniversario"),
            ["dell'", "80", "°", "anniversario"]
        );
        assert_eq!(
            norms("quest'anno il 14,7%"),
            ["quest'", "anno", "il", "14,7", "%"]
        );
        assert_eq!(norms("Ventitré volte"), ["ventitre", "volte"]);
        assert_eq!(
            norms("1.234.567, poi 2024-2025."),
            ["1.234.567", ",", "poi", "2024", "-", "2025", "."]
        );
        assert_eq!(norms("“non alleanza”"), ["\"", "non", "alleanza", "\""]);
    }

    #[test]
    fn spans_point_into_the_text() {
        let s = "Più di 40 volte — è così";
        for t in tokenize(s, 0) {
            assert!(!fold_word(t.text(s)).is_empty());
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        let t = tokenize("a\n\nb c", 0);
        assert!(t[1].newline_before && t[1].space_before);
        assert!(!t[2].newline_before && t[2].space_before);
        let t = tokenize("x y", 10);
        assert_eq!((t[1].start, t[1].end), (12, 13));
    }

    #[test]
    fn packed_words_compare_as_their_text() {
        let toks = tokenize(
            "il Prossimo ventitré, dell’ anno 1.234 miliardi dodicesimo € x",
            0,
        );
        let words = [
            "il",
            "prossimo",
            "prossima",
            "ventitre",
            "ventitr",
            ",",
            "dell'",
            "anno",
            "1.234",
            "miliardi",
            "miliardo",
            "dodicesimo",
            "dodicesima",
            "€",
            "x",
            "",
            "ilx",
        ];
        for t in &toks {
            for w in words {
                assert_eq!(t.is(w), t.norm == w, "{:?} {w:?}", t.norm);
            }
        }
    }

    #[test]
    fn trailing_separator_is_not_part_of_the_number() {
        assert_eq!(norms("192."), ["192", "."]);
        assert_eq!(norms("4,800"), ["4,800"]);
    }

    #[test]
    fn spacing_thousands_separators() {
        assert_eq!(norms("1\u{a0}000 persone"), ["1000", "persone"]);
        assert_eq!(
            norms("1\u{202f}000\u{202f}000 di euro"),
            ["1000000", "di", "euro"]
        );
        assert_eq!(norms("12\u{2009}500,5"), ["12500,5"]);
        // Not three digits after the space: two numbers.
        assert_eq!(norms("12\u{a0}50"), ["12", "50"]);
        assert_eq!(norms("circa 1 500 persone"), ["circa", "1500", "persone"]);
        assert_eq!(norms("4 881 500 dollari"), ["4881500", "dollari"]);
        assert_eq!(
            norms("nel 2024 500 persone"),
            ["nel", "2024", "500", "persone"]
        );
        assert_eq!(norms("tra 3 e 4"), ["tra", "3", "e", "4"]);
        assert_eq!(norms("tel. 051 527"), ["tel", ".", "051", "527"]);
        assert_eq!(norms("12\u{a0}5000"), ["12", "5000"]);
        // A plain space is not a separator here.
        assert_eq!(norms("2024 100"), ["2024", "100"]);
    }

    #[test]
    fn byte_order_mark_and_line_ends() {
        let t = tokenize("\u{feff}Titolo\rcorpo\u{2028}fine", 0);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].norm, "titolo");
        assert!(t[0].cap);
        assert!(t[1].newline_before && t[2].newline_before);
    }

    #[test]
    fn combining_accents_fold_away() {
        assert_eq!(norms("perche\u{301} citta\u{300}"), ["perche", "citta"]);
    }
}
