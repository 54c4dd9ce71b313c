//! Tokens for figure extraction: words, digit groups, symbols and
//! punctuation, each with its byte span in the source text.
//!
//! Italian elision is split at the apostrophe (`dell’80°` is `dell'`, `80`,
//! `°`; `quest’anno` is `quest'`, `anno`), and every word carries a folded
//! lower-case form with straight apostrophes and no accents on the final
//! vowel (`ventitré` → `ventitre`), so that grammars match spelling variants.

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
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// Kind of token.
    pub kind: TokKind,
    /// Folded text: lower case, `'` for every apostrophe, final accents
    /// removed from number words.
    pub norm: String,
    /// True if whitespace (or the start of the text) comes right before.
    pub space_before: bool,
    /// True if a line break comes right before (paragraph or line boundary).
    pub newline_before: bool,
}

impl Tok {
    /// True for a word token with this folded text.
    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }

    /// True for a word token whose folded text is one of `words`.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.norm.as_str())
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

    /// True if the token starts with a capital letter in the source.
    pub fn is_capitalized(&self, source: &str) -> bool {
        self.text(source)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | '´' | 'ʼ')
}

fn is_symbol(c: char) -> bool {
    matches!(c, '%' | '$' | '€' | '£' | '¥' | '₽' | '°' | 'º' | 'ª' | '‰')
}

/// Folds a word: lower case, straight apostrophe, and a final accented vowel
/// made plain (`tré` → `tre`, `città` stays `citta`).
fn fold_word(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_apostrophe(c) {
            out.push('\'');
            continue;
        }
        for l in c.to_lowercase() {
            out.push(match l {
                'à' | 'á' => 'a',
                'è' | 'é' => 'e',
                'ì' | 'í' => 'i',
                'ò' | 'ó' => 'o',
                'ù' | 'ú' => 'u',
                other => other,
            });
        }
    }
    out
}

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    let mut space_before = true;
    let mut newline_before = true;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' || c == '\r' {
                newline_before = true;
            }
            i += 1;
            continue;
        }
        let (kind, next) = if c.is_alphabetic() {
            let mut j = i + 1;
            while j < n && (chars[j].1.is_alphabetic() || chars[j].1 == '\u{0301}') {
                j += 1;
            }
            // An elision apostrophe belongs to the word before it.
            if j < n && is_apostrophe(chars[j].1) {
                j += 1;
            }
            (TokKind::Word, j)
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            loop {
                while j < n && chars[j].1.is_ascii_digit() {
                    j += 1;
                }
                let sep =
                    j + 1 < n && matches!(chars[j].1, '.' | ',') && chars[j + 1].1.is_ascii_digit();
                if sep {
                    j += 1;
                } else {
                    break;
                }
            }
            (TokKind::Digits, j)
        } else if is_symbol(c) {
            (TokKind::Symbol, i + 1)
        } else {
            (TokKind::Punct, i + 1)
        };
        let end = byte_at(next);
        let raw = &text[start..end];
        let norm = match kind {
            TokKind::Word => fold_word(raw),
            TokKind::Punct if is_apostrophe(c) => "'".to_string(),
            TokKind::Punct => match c {
                '–' | '—' | '‑' | '−' => "-".to_string(),
                '“' | '”' | '«' | '»' | '„' => "\"".to_string(),
                _ => raw.to_string(),
            },
            _ => raw.to_string(),
        };
        toks.push(Tok {
            start,
            end,
            kind,
            norm,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
        i = next;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.norm).collect()
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
        for t in tokenize(s) {
            assert!(!fold_word(t.text(s)).is_empty());
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        let t = tokenize("a\n\nb c");
        assert!(t[1].newline_before && t[1].space_before);
        assert!(!t[2].newline_before && t[2].space_before);
    }

    #[test]
    fn trailing_separator_is_not_part_of_the_number() {
        assert_eq!(norms("192."), ["192", "."]);
        assert_eq!(norms("4,800"), ["4,800"]);
    }
}
