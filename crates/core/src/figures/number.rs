//! Reading one number at a token position: digits written the Italian way
//! (`1.000`, `227,9`), number words (`quaranta`, `ventitré`,
//! `tremiladuecento`, through the `text2num` crate), scale words (`mila`,
//! `milioni`, `mld`), `e mezzo`, fractions (`un quarto`, `tre quarti`,
//! `metà`, `3/4`) and ordinals (`25°`, `21esimo`, `terzo`).
//!
//! Values are kept as decimals (mantissa and power of ten) until the end, so
//! `227,9 miliardi` is exactly 227 900 000 000 and the precision of what was
//! written (here 0,1 miliardi = 10⁸) is known.

use rustc_hash::FxHashMap as HashMap;
use std::cell::{Cell, RefCell};

use text2num::{text2digits, Language};

use crate::token::{Tok, TokKind};

/// A decimal number: `mantissa × 10^exp`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal {
    /// Digits as an integer.
    pub mantissa: i128,
    /// Power of ten.
    pub exp: i32,
}

impl Decimal {
    /// An integer.
    pub fn int(n: i128) -> Decimal {
        Decimal {
            mantissa: n,
            exp: 0,
        }
    }

    /// The value as a float, rounded once.
    pub fn to_f64(self) -> f64 {
        let m = self.mantissa as f64;
        if self.exp >= 0 {
            m * 10f64.powi(self.exp)
        } else {
            m / 10f64.powi(-self.exp)
        }
    }

    /// The place value of the last written digit (`227,9` → 0.1).
    pub fn precision(self) -> f64 {
        10f64.powi(self.exp)
    }

    /// Multiplied by `10^k`.
    pub fn scaled(self, k: i32) -> Decimal {
        Decimal {
            mantissa: self.mantissa,
            exp: self.exp.saturating_add(k),
        }
    }
}

/// Reads a digit group the Italian way: `.` groups thousands, `,` is the
/// decimal mark (`1.234,5`, `227,9`, `4,800` = 4,8). A lone `.` that does
/// not group three digits is read as a decimal point (`6.2`).
pub fn parse_digits(s: &str) -> Option<Decimal> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let commas = s.bytes().filter(|&b| b == b',').count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    // The integer part keeps only its digits (its separators group
    // thousands); the fraction is read as written.
    let (int_part, frac_part) = if commas == 1 {
        s.split_once(',')?
    } else if commas > 1 {
        // 1,234,567: English thousands.
        if dots > 0 {
            return None;
        }
        (s, "")
    } else if dots == 0 {
        (s, "")
    } else {
        let mut groups = s.split('.');
        let first = groups.next().unwrap_or("");
        let thousands = first.len() <= 3 && groups.all(|g| g.len() == 3);
        if thousands {
            (s, "")
        } else if dots == 1 {
            s.split_once('.')?
        } else {
            return None;
        }
    };
    let int_digits = int_part.bytes().filter(u8::is_ascii_digit).count();
    if int_digits + frac_part.len() > 30 || (int_digits == 0 && frac_part.is_empty()) {
        return None;
    }
    let mut mantissa: i128 = 0;
    for b in int_part.bytes().filter(u8::is_ascii_digit) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    for b in frac_part.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    // Trailing zeros after the decimal mark do not change the value.
    let mut d = Decimal {
        mantissa,
        exp: -(frac_part.len() as i32),
    };
    while d.exp < 0 && d.mantissa % 10 == 0 && d.mantissa != 0 {
        d.mantissa /= 10;
        d.exp += 1;
    }
    Some(d)
}

/// The power of ten of a scale word (`milioni` → 6).
pub fn scale_word(w: &str) -> Option<i32> {
    Some(match w {
        "mila" | "mille" => 3,
        "milione" | "milioni" | "mln" | "mio" => 6,
        "miliardo" | "miliardi" | "mld" | "mrd" | "mdl" => 9,
        "bilione" | "bilioni" => 12,
        "trilione" | "trilioni" => 18,
        _ => return None,
    })
}

/// Elided number words (`vent'anni`, `settant'anni`, `un'ora`) and their
/// full form.
fn unelide(w: &str) -> Option<&'static str> {
    // Every elided form ends in its apostrophe: other words are not looked up.
    if !w.ends_with('\'') {
        return None;
    }
    Some(match w {
        "un'" => "una",
        "vent'" => "venti",
        "trent'" => "trenta",
        "quarant'" => "quaranta",
        "cinquant'" => "cinquanta",
        "sessant'" => "sessanta",
        "settant'" => "settanta",
        "ottant'" => "ottanta",
        "novant'" => "novanta",
        "cent'" => "cento",
        _ => return None,
    })
}

/// Words that text2num reads as numbers but that are usually something else
/// (`secondo` = according to, `prima` = before, `quarto` = room): they count
/// as numbers only after a determiner.
const NEEDS_DETERMINER: &[&str] = &[
    "secondo", "seconda", "secondi", "seconde", "prima", "primo", "primi", "prime", "terzo",
    "terza", "terzi", "terze", "quarto", "quarta", "quarti", "quarte",
];

/// `prima manche`, `primo turno`: `primo` right before a noun in lower
/// case is the ordinal, without its article (in headlines, lists and
/// sports results; its idioms, `primo ministro`, are left out where the
/// figure is made). Not `secondo` (`secondo fonti`: according to), nor
/// `terzo` (`terzo mondo`), nor `quarto` (`quarto d'ora`), nor after a bare
/// preposition (`di prima necessità`), nor before a word that is no noun
/// (an article, a preposition, a verb, an adverb, a time: `prima ieri`).
fn ranks_a_noun(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !crate::token::has_prefix(&t.norm, "prim") {
        return false;
    }
    // `di prima necessità`, `in prima linea`, `in prima serata`: after a
    // bare preposition, a set phrase.
    if i > 0
        && toks[i - 1].is_any(&[
            "di", "d'", "in", "a", "da", "per", "su", "con", "tra", "fra",
        ])
    {
        return false;
    }
    let Some(n) = toks.get(i + 1) else {
        return false;
    };
    let w = n.norm.as_str();
    n.kind == TokKind::Word
        && n.space_before
        && !n.cap
        && w.len() > 3
        && !w.ends_with('\'')
        && !w.ends_with("mente")
        && !crate::lexicon::lexicons().is_stop(w)
        && super::verbs::form(w).is_none()
        && !matches!(
            w,
            "ieri" | "oggi" | "domani" | "ancora" | "sempre" | "allora" | "dopo"
        )
}

/// Determiners and articulated prepositions before an ordinal.
pub const DETERMINERS: &[&str] = &[
    "il", "lo", "la", "l'", "i", "gli", "le", "un", "una", "uno", "un'", "al", "allo", "alla",
    "all'", "ai", "agli", "alle", "del", "dello", "della", "dell'", "dei", "degli", "delle", "nel",
    "nello", "nella", "nell'", "nei", "negli", "nelle", "dal", "dallo", "dalla", "dall'", "dai",
    "dagli", "dalle", "sul", "sullo", "sulla", "sull'", "sui", "sugli", "sulle", "questo",
    "questa", "quest'", "suo", "sua", "loro",
];

/// Denominators of fractions in words, singular and plural.
fn denominator(w: &str) -> Option<(f64, bool)> {
    // (denominator, plural form?)
    let (d, plural): (u32, bool) = match w {
        "milionesimo" => return Some((1e6, false)),
        "milionesimi" => return Some((1e6, true)),
        "miliardesimo" => return Some((1e9, false)),
        "miliardesimi" => return Some((1e9, true)),
        "bilionesimo" => return Some((1e12, false)),
        "bilionesimi" => return Some((1e12, true)),
        "trilionesimo" => return Some((1e18, false)),
        "trilionesimi" => return Some((1e18, true)),
        _ => match w {
            "mezzo" | "mezza" => (2, false),
            "mezzi" | "mezze" => (2, true),
            "terzo" => (3, false),
            "terzi" => (3, true),
            "quarto" => (4, false),
            "quarti" => (4, true),
            "quinto" => (5, false),
            "quinti" => (5, true),
            "sesto" => (6, false),
            "sesti" => (6, true),
            "settimo" => (7, false),
            "settimi" => (7, true),
            "ottavo" => (8, false),
            "ottavi" => (8, true),
            "nono" => (9, false),
            "noni" => (9, true),
            "decimo" => (10, false),
            "decimi" => (10, true),
            "centesimo" => (100, false),
            "centesimi" => (100, true),
            "millesimo" => (1000, false),
            "millesimi" => (1000, true),
            _ => return None,
        },
    };
    Some((f64::from(d), plural))
}

/// What was read at a position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// The value.
    pub value: f64,
    /// Place value of the last written digit, scaled (`227,9 miliardi` → 1e8).
    pub precision: f64,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// An ordinal (`25°`, `terzo`).
    pub ordinal: bool,
    /// A fraction (`un quarto`, `3/4`, `metà`).
    pub fraction: bool,
    /// Written in words (at least in part).
    pub words: bool,
    /// A bare article `un`/`una`/`uno` read as one.
    pub article_one: bool,
}

/// Number reader with its word interpreter. Word values are memoised: a
/// text repeats its words, and the interpreter is the costly part.
pub struct Reader {
    memo: RefCell<HashMap<String, Option<(f64, bool)>>>,
    /// What the interpreter made of each run of number words read.
    phrases: RefCell<HashMap<String, Option<(f64, bool)>>>,
    /// Reads of the current block by token index, between `begin` and
    /// `end` (empty outside a block); each slot is `None` until read.
    block: RefCell<Vec<Cell<Option<Option<Num>>>>>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            memo: RefCell::new(HashMap::default()),
            phrases: RefCell::new(HashMap::default()),
            block: RefCell::new(Vec::new()),
        }
    }
}

/// Beginnings of every Italian number word (cardinal, ordinal, scale): a
/// word that starts with none of them is not a number, without asking the
/// interpreter.
/// Beginnings of every Italian number word (cardinal, ordinal, scale), by
/// first letter: a word that starts with none of them is not a number,
/// without asking the interpreter.
fn has_number_root(w: &str) -> bool {
    let roots: &[&str] = match w.as_bytes().first() {
        Some(b'z') => &["zero"],
        Some(b'u') => &["un"],
        Some(b'd') => &["due", "diec", "dic", "dodic", "decim"],
        Some(b't') => &["tre", "trent", "trilion", "terz"],
        Some(b'q') => &["quatt", "quindic", "quarant", "quart", "quint"],
        Some(b'c') => &["cinqu", "cent"],
        Some(b's') => &["sei", "sed", "sett", "sessant", "second", "sest"],
        Some(b'o') => &["ott"],
        Some(b'n') => &["nov", "non"],
        Some(b'v') => &["vent"],
        Some(b'm') => &["mill", "mila", "milion", "miliard"],
        Some(b'b') => &["bilion"],
        Some(b'p') => &["prim"],
        _ => return false,
    };
    roots.iter().any(|r| crate::token::has_prefix(w, r))
}

/// True if a number read from words may start with `w`: a number word,
/// `metà`, `mezzo`, or an elided number word (`vent'`).
fn may_start_number(w: &str) -> bool {
    has_number_root(w) || matches!(w, "meta" | "mezzo" | "mezza") || unelide(w).is_some()
}

/// The Italian interpreter of `text2num`, built once.
fn italian() -> &'static Language {
    static IT: std::sync::OnceLock<Language> = std::sync::OnceLock::new();
    IT.get_or_init(Language::italian)
}

impl Reader {
    /// Value of a single number word (`quaranta`, `ventitre`, `terzo`).
    pub fn word_value(&self, w: &str) -> Option<(f64, bool)> {
        let w = unelide(w).unwrap_or(w);
        if w.len() > 60 || !has_number_root(w) {
            return None;
        }
        if let Some(v) = self.memo.borrow().get(w) {
            return *v;
        }
        let v = if w.chars().all(char::is_alphabetic) {
            text2digits(w, italian())
                .ok()
                .and_then(|d| parse_text2num_output(&d))
        } else {
            None
        };
        let mut memo = self.memo.borrow_mut();
        if memo.len() > 50_000 {
            memo.clear();
        }
        memo.insert(w.to_string(), v);
        v
    }

    /// The interpreter's value of a run of number words, memoised.
    fn phrase_value(&self, phrase: &str) -> Option<(f64, bool)> {
        if let Some(v) = self.phrases.borrow().get(phrase) {
            return *v;
        }
        let v = text2digits(phrase, italian())
            .ok()
            .and_then(|s| parse_text2num_output(&s));
        let mut phrases = self.phrases.borrow_mut();
        if phrases.len() > 50_000 {
            phrases.clear();
        }
        phrases.insert(phrase.to_string(), v);
        v
    }

    fn is_number_word(&self, toks: &[Tok], i: usize) -> bool {
        let t = &toks[i];
        if t.kind != TokKind::Word {
            return false;
        }
        if crate::token::is_one_of(&t.norm, NEEDS_DETERMINER) {
            return i > 0 && toks[i - 1].is_any(DETERMINERS) || ranks_a_noun(toks, i);
        }
        // Scale words continue a run ("un milione duemiladuecento").
        if i > 0 && scale_word(&t.norm).is_some() && toks[i - 1].kind == TokKind::Word {
            return true;
        }
        self.word_value(&t.norm).is_some()
    }

    /// Starts memoising reads of one block of `len` tokens: until [`end`],
    /// every `read` must be of that block's tokens.
    ///
    /// [`end`]: Reader::end
    pub fn begin(&self, len: usize) {
        *self.block.borrow_mut() = vec![Cell::new(None); len];
    }

    /// Stops memoising reads.
    pub fn end(&self) {
        *self.block.borrow_mut() = Vec::new();
    }

    /// Reads the number starting at token `i`, if there is one.
    pub fn read(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = toks.get(i)?;
        // Punctuation and symbols start no number: the memo is not asked.
        if !matches!(t.kind, TokKind::Digits | TokKind::Word) {
            return None;
        }
        // The memo holds this block's reads when `toks` is its block.
        let cached = {
            let block = self.block.borrow();
            (block.len() == toks.len())
                .then(|| block.get(i).and_then(Cell::get))
                .flatten()
        };
        if let Some(hit) = cached {
            return hit;
        }
        // Most words are no number: say so before the interpreter is asked
        // (and remember it, like any other read).
        let may = t.kind == TokKind::Digits || may_start_number(&t.norm);
        let n = if may {
            self.read_uncached(toks, i)
        } else {
            None
        };
        let block = self.block.borrow();
        if block.len() == toks.len() {
            if let Some(slot) = block.get(i) {
                slot.set(Some(n));
            }
        }
        n
    }

    fn read_uncached(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = toks.get(i)?;
        let mut num = match t.kind {
            TokKind::Digits => self.read_digits(toks, i)?,
            TokKind::Word => self.read_words(toks, i)?,
            _ => return None,
        };
        if num.ordinal {
            return Some(num);
        }
        self.read_fraction_after(toks, &mut num);
        if num.fraction {
            return Some(num);
        }
        // Mixed numbers in words: "uno e mezzo", "due e tre quarti".
        if num.words && toks.get(num.last).is_some_and(|t| t.is("e")) {
            let after = num.last + 1;
            if toks
                .get(after)
                .is_some_and(|t| t.is_any(&["mezzo", "mezza"]))
                && toks
                    .get(after + 1)
                    .is_none_or(|t| scale_word(&t.norm).is_none())
            {
                // "un milione e mezzo": half of the scale word that ends the run.
                let half = toks[num.last - 1..num.last]
                    .iter()
                    .find_map(|t| scale_word(&t.norm))
                    .map_or(0.5, |k| 10f64.powi(k) / 2.0);
                num.value += half;
                num.precision = 0.0;
                num.last = after + 1;
                return Some(num);
            }
            // Only a fraction may follow (never another mixed number), so
            // a chain "due e due e due …" is read one link at a time.
            if let Some(fr) = self.read_fraction(toks, after).filter(|f| f.value < 1.0) {
                num.value += fr.value;
                num.precision = 0.0;
                num.last = fr.last;
                return Some(num);
            }
        }
        // Dozens: "tre dozzine", "una dozzina".
        if toks
            .get(num.last)
            .is_some_and(|t| t.is_any(&["dozzina", "dozzine"]))
        {
            num.value *= 12.0;
            num.precision *= 12.0;
            num.last += 1;
            num.article_one = false;
            return Some(num);
        }
        // Scale word: "227,9 miliardi", "3 mila".
        if let Some(k) = toks.get(num.last).and_then(|s| scale_word(&s.norm)) {
            num.value *= 10f64.powi(k);
            num.precision *= 10f64.powi(k);
            num.last += 1;
            num.article_one = false;
            // "un milione e mezzo", "3 milioni e mezzo"
            if toks.get(num.last).is_some_and(|t| t.is("e"))
                && toks
                    .get(num.last + 1)
                    .is_some_and(|t| t.is_any(&["mezzo", "mezza"]))
            {
                num.value += 10f64.powi(k) / 2.0;
                num.precision = num.precision.min(10f64.powi(k) / 2.0);
                num.last += 2;
            }
        }
        Some(num)
    }

    fn read_digits(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = &toks[i];
        // `,77` (a price or a time in hundredths, written without its
        // zero): a comma glued to the digits, with a space, or nothing
        // that is a number, before it.
        let bare_decimal = i > 0
            && !t.space_before
            && toks[i - 1].is(",")
            && toks[i - 1].space_before
            && t.norm.bytes().all(|b| b.is_ascii_digit())
            && (2..=3).contains(&t.norm.len());
        let d = if bare_decimal {
            parse_digits(&format!("0,{}", t.norm))?
        } else {
            parse_digits(&t.norm)?
        };
        let mut num = Num {
            value: d.to_f64(),
            precision: d.precision(),
            first: if bare_decimal { i - 1 } else { i },
            last: i + 1,
            ordinal: false,
            fraction: false,
            words: false,
            article_one: false,
        };
        let next = toks.get(i + 1);
        // Ordinals: 25°, 25º, 1ª, 21esimo, 30mo.
        if let Some(n) = next {
            let glued = !n.space_before;
            // "3°C" is a temperature, not the third.
            let celsius = toks
                .get(i + 2)
                .is_some_and(|c| c.is_any(&["c", "celsius"]) && !c.space_before);
            // `º` and `ª` are letters to the tokenizer, `°` a symbol.
            let ordinal_sign = matches!(n.kind, TokKind::Symbol | TokKind::Word)
                && n.is_any(&["°", "º", "ª"])
                && glued
                && !celsius;
            let ordinal_suffix = n.kind == TokKind::Word
                && glued
                && n.is_any(&[
                    "esimo", "esima", "esimi", "esime", "mo", "ma", "simo", "sima", "o", "a",
                ]);
            if (ordinal_sign || ordinal_suffix) && d.exp >= 0 {
                num.ordinal = true;
                num.last = i + 2;
                return Some(num);
            }
        }
        // Digit fractions: 3/4, 1/2 (not dates: both sides small).
        if let (Some(slash), Some(den)) = (toks.get(i + 1), toks.get(i + 2)) {
            if slash.norm == "/" && !slash.space_before && den.is_digits() && !den.space_before {
                let after = toks.get(i + 3);
                let more = after.is_some_and(|a| a.norm == "/" && !a.space_before);
                if let (Some(a), Some(b)) = (parse_digits(&t.norm), parse_digits(&den.norm)) {
                    let (a, b) = (a.to_f64(), b.to_f64());
                    if !more && b > 0.0 && b <= 100.0 && a < b && a.fract() == 0.0 {
                        num.value = a / b;
                        num.precision = 0.0;
                        num.fraction = true;
                        num.last = i + 3;
                    }
                }
            }
        }
        Some(num)
    }

    fn read_words(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = &toks[i];
        // Fractions in words that start with their own word: "metà".
        // "la metà", "della metà", and with a qualifier and no article
        // ("quasi metà dei mutui", "oltre metà").
        let before = &[
            "la", "a", "alla", "della", "per", "di", "quasi", "oltre", "almeno",
        ];
        if t.is("meta") && i > 0 && toks[i - 1].is_any(before) {
            return Some(Num {
                value: 0.5,
                precision: 0.0,
                first: i,
                last: i + 1,
                ordinal: false,
                fraction: true,
                words: true,
                article_one: false,
            });
        }
        // "mezzo milione", "mezza dozzina"
        if t.is_any(&["mezzo", "mezza"]) {
            let next = toks.get(i + 1)?;
            let v = if next.is("dozzina") {
                6.0
            } else {
                10f64.powi(scale_word(&next.norm)?) / 2.0
            };
            return Some(Num {
                value: v,
                precision: v,
                first: i,
                last: i + 2,
                ordinal: false,
                fraction: false,
                words: true,
                article_one: false,
            });
        }
        // Scale ordinals: "trilionesimo", "tre milionesimo".
        let scale_ordinal = |w: &str| match w {
            "milionesimo" | "milionesima" => Some(1e6),
            "miliardesimo" | "miliardesima" => Some(1e9),
            "bilionesimo" | "bilionesima" => Some(1e12),
            "trilionesimo" | "trilionesima" => Some(1e18),
            _ => None,
        };
        if let Some(v) = scale_ordinal(&t.norm) {
            return Some(Num {
                value: v,
                precision: 1.0,
                first: i,
                last: i + 1,
                ordinal: true,
                fraction: false,
                words: true,
                article_one: false,
            });
        }
        if !self.is_number_word(toks, i) {
            return None;
        }
        // The longest run of number words that text2num reads as one number.
        let mut j = i;
        while j < toks.len()
            && j - i < 8
            && self.is_number_word(toks, j)
            && (j == i || toks[j].space_before)
        {
            j += 1;
        }
        // A plural ordinal ends a numerator: "cento trentacinquesimi".
        if j > i + 1 && (toks[j - 1].norm.ends_with("esimi") || toks[j - 1].norm.ends_with("esime"))
        {
            j -= 1;
        }
        if let Some(v) = toks.get(j).and_then(|n| scale_ordinal(&n.norm)) {
            if let Some((base, false)) = self.word_value(
                &toks[i..j]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(""),
            ) {
                if !(j == i + 1 && t.is_any(&["un", "una", "uno"])) {
                    return Some(Num {
                        value: base * v,
                        precision: 1.0,
                        first: i,
                        last: j + 1,
                        ordinal: true,
                        fraction: false,
                        words: true,
                        article_one: false,
                    });
                }
            }
        }
        let mut phrase = String::new();
        while j > i {
            phrase.clear();
            for (k, t) in toks[i..j].iter().enumerate() {
                if k > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(unelide(&t.norm).unwrap_or(&t.norm));
            }
            if let Some((value, ordinal)) = self.phrase_value(&phrase) {
                // Ambiguous ordinal words need a determiner ("il terzo").
                let ambiguous = toks[i..j]
                    .iter()
                    .any(|t| crate::token::is_one_of(&t.norm, NEEDS_DETERMINER));
                if ordinal
                    && ambiguous
                    && !(i > 0 && toks[i - 1].is_any(DETERMINERS))
                    && !(j == i + 1 && ranks_a_noun(toks, i))
                {
                    if j - i == 1 {
                        return None;
                    }
                    j -= 1;
                    continue;
                }
                let single_article = j == i + 1 && t.is_any(&["un", "una", "uno", "un'"]);
                return Some(Num {
                    value,
                    precision: if ordinal {
                        1.0
                    } else {
                        precision_of_words(value)
                    },
                    first: i,
                    last: j,
                    ordinal,
                    fraction: false,
                    words: true,
                    article_one: single_article,
                });
            }
            j -= 1;
        }
        None
    }

    /// A cardinal number at `i`, without fractions or ordinals.
    fn read_plain(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = toks.get(i)?;
        let n = match t.kind {
            TokKind::Digits => self.read_digits(toks, i)?,
            TokKind::Word => self.read_words(toks, i)?,
            _ => return None,
        };
        (!n.ordinal && !n.fraction).then_some(n)
    }

    /// A fraction at `i` (`tre quarti`, `un terzo`, `3/4`), read without
    /// looking for a mixed number after it.
    fn read_fraction(&self, toks: &[Tok], i: usize) -> Option<Num> {
        let t = toks.get(i)?;
        let mut n = match t.kind {
            TokKind::Digits => self.read_digits(toks, i)?,
            TokKind::Word => self.read_words(toks, i)?,
            _ => return None,
        };
        if n.ordinal {
            return None;
        }
        if !n.fraction {
            self.read_fraction_after(toks, &mut n);
        }
        n.fraction.then_some(n)
    }

    /// "un quarto", "tre quarti", "due e tre quarti": turns a read integer
    /// into a fraction when a denominator follows.
    fn read_fraction_after(&self, toks: &[Tok], num: &mut Num) {
        let Some(next) = toks.get(num.last) else {
            return;
        };
        // "X su Y": a ratio ("uno su tre").
        if next.is("su") {
            if let Some(den) = self.read_plain(toks, num.last + 1) {
                if den.value >= 1.0 && num.value <= den.value && num.value.fract() == 0.0 {
                    num.value /= den.value;
                    num.precision = 0.0;
                    num.fraction = true;
                    num.article_one = false;
                    num.last = den.last;
                    return;
                }
            }
        }
        let general = || -> Option<(f64, bool)> {
            // Any ordinal word as a denominator: "ventunesimo", "venticinquesimi".
            // Built in place (a word of the text is short): no allocation.
            let w = next.norm.as_str();
            let singular = if let Some(stem) = w.strip_suffix('i') {
                let mut s = compact_str::CompactString::from(stem);
                s.push('o');
                s
            } else if let Some(stem) = w.strip_suffix('e') {
                let mut s = compact_str::CompactString::from(stem);
                s.push('a');
                s
            } else {
                next.norm.clone()
            };
            let (v, ordinal) = self.word_value(&singular)?;
            // Halves are `mezzo` and `metà`: `un secondo`, `due secondi` are
            // seconds (or a second one), never a fraction.
            (ordinal && (3.0..=1e6).contains(&v) && v.fract() == 0.0).then_some((v, singular != w))
        };
        if let Some((den, plural)) = denominator(&next.norm).or_else(general) {
            let numerator = num.value;
            // "un quarto", "tre quarti" (and the looser "due centesimo").
            let fits = numerator != 1.0 || !plural;
            if fits && numerator.fract() == 0.0 && numerator >= 1.0 && num.words {
                num.value = numerator / den;
                num.precision = 0.0;
                num.fraction = true;
                num.article_one = false;
                num.last += 1;
            }
        }
    }
}

/// Every number of a text, in order: (byte start, byte end, value). The
/// number layer alone, as the number model of the evaluation sees it:
/// articles read as one, no units, a glued minus sign makes a negative.
pub fn scan(text: &str) -> Vec<(usize, usize, f64)> {
    let toks = crate::token::tokenize(text, 0);
    let reader = Reader::default();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match reader.read(&toks, i) {
            Some(n) if n.last > i => {
                let mut start = toks[i].start;
                let mut value = n.value;
                let minus = i > 0
                    && toks[i - 1].norm == "-"
                    && !toks[i].space_before
                    && (i == 1 || toks[i - 1].space_before);
                if minus {
                    start = toks[i - 1].start;
                    value = -value;
                }
                out.push((start, toks[n.last - 1].end, value));
                i = n.last;
            }
            _ => i += 1,
        }
    }
    out
}

/// A rough precision for numbers in words: `quaranta` → 10, `cento` → 100,
/// `ventitre` → 1.
fn precision_of_words(v: f64) -> f64 {
    if v == 0.0 || v.fract() != 0.0 {
        return 1.0;
    }
    let mut p = 1.0;
    while v % (p * 10.0) == 0.0 && p < 1e15 {
        p *= 10.0;
    }
    p
}

/// text2num writes `25º`, `1ª`, `3243` or `200.03`.
fn parse_text2num_output(s: &str) -> Option<(f64, bool)> {
    let ordinal = s.ends_with('º') || s.ends_with('ª') || s.ends_with("°");
    let digits = s.trim_end_matches(['º', 'ª', '°']);
    let v: f64 = digits.parse().ok()?;
    v.is_finite().then_some((v, ordinal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn read(s: &str) -> Option<(f64, String, bool, bool)> {
        let toks = tokenize(s, 0);
        let r = Reader::default();
        let n = r.read(&toks, 0)?;
        let text = s[toks[n.first].start..toks[n.last - 1].end].to_string();
        Some((n.value, text, n.ordinal, n.fraction))
    }

    #[test]
    fn digits_italian_style() {
        assert_eq!(parse_digits("1.000").unwrap().to_f64(), 1000.0);
        assert_eq!(parse_digits("227,9").unwrap().to_f64(), 227.9);
        assert_eq!(parse_digits("4,800").unwrap().to_f64(), 4.8);
        assert_eq!(parse_digits("1.234,56").unwrap().to_f64(), 1234.56);
        assert_eq!(parse_digits("0,23456000").unwrap().to_f64(), 0.23456);
        assert_eq!(parse_digits("6.2").unwrap().to_f64(), 6.2);
        assert_eq!(parse_digits("1,234,567").unwrap().to_f64(), 1_234_567.0);
        assert!(parse_digits("1.2.3").is_none());
        assert!(parse_digits("").is_none());
        assert!(parse_digits(&"9".repeat(60)).is_none());
        assert_eq!(parse_digits("227,9").unwrap().precision(), 0.1);
    }

    #[test]
    fn first_ranks_the_noun_it_stands_before() {
        let at = |s: &str, w: &str| {
            let toks = tokenize(s, 0);
            let i = toks.iter().position(|t| t.norm == w).unwrap();
            Reader::default()
                .read(&toks, i)
                .map(|n| (n.value, n.ordinal))
        };
        assert_eq!(
            at("Domani prima manche alle 10.", "prima"),
            Some((1.0, true))
        );
        assert_eq!(
            at("Domenica primo turno delle comunali.", "primo"),
            Some((1.0, true))
        );
        assert_eq!(at("Approvata terza fase del piano.", "terza"), None);
        assert_eq!(at("Beni di prima necessità.", "prima"), None);
        assert_eq!(at("Sono in prima linea.", "prima"), None);
        assert_eq!(
            at("Lo dicono, secondo fonti vicine al governo.", "secondo"),
            None
        );
        assert_eq!(at("Era arrivato prima ieri.", "prima"), None);
        assert_eq!(at("Prima Roma, poi Milano.", "prima"), None);
        assert_eq!(at("Prima erano stati bloccati.", "prima"), None);
    }

    #[test]
    fn scale_words_keep_exact_values() {
        assert_eq!(read("227,9 miliardi").unwrap().0, 227_900_000_000.0);
        assert_eq!(read("61,2 mld").unwrap().0, 61_200_000_000.0);
        assert_eq!(read("3 milioni e mezzo").unwrap().0, 3_500_000.0);
        assert_eq!(read("mezzo milione").unwrap().0, 500_000.0);
        assert_eq!(read("un milione e mezzo").unwrap().0, 1_500_000.0);
        assert_eq!(read("12 mila").unwrap().0, 12_000.0);
    }

    #[test]
    fn words() {
        assert_eq!(read("quaranta volte").unwrap().0, 40.0);
        assert_eq!(read("ventitré").unwrap().0, 23.0);
        assert_eq!(read("tremiladuecentoquarantatre").unwrap().0, 3243.0);
        assert_eq!(read("cinque milioni di yen").unwrap().0, 5_000_000.0);
        assert_eq!(read("settant'anni").unwrap().0, 70.0);
        assert!(read("secondo fonti").is_none());
        assert!(
            read("terzo mondo").is_none(),
            "ordinal words need a determiner"
        );
        let u = Reader::default();
        let toks = tokenize("un incontro", 0);
        assert!(u.read(&toks, 0).unwrap().article_one);
    }

    #[test]
    fn every_number_word_passes_the_first_letter_filter() {
        // "quattordici" is no "quattr…": the filter once dropped it.
        for (w, v) in [
            ("Quattordici condanne", 14.0),
            ("quattordicimila euro", 14_000.0),
            ("centottanta", 180.0),
            ("ottocento", 800.0),
            ("diciassette", 17.0),
            ("novantanove", 99.0),
            ("sessantamila", 60_000.0),
        ] {
            assert_eq!(read(w).map(|n| n.0), Some(v), "{w}");
        }
    }

    #[test]
    fn fractions_and_ordinals() {
        assert_eq!(
            read("un quarto").unwrap(),
            (0.25, "un quarto".into(), false, true)
        );
        assert_eq!(read("tre quarti").unwrap().0, 0.75);
        assert_eq!(read("due terzi").unwrap().1, "due terzi");
        assert_eq!(read("3/4").unwrap().0, 0.75);
        assert_eq!(
            read("25° anniversario").unwrap(),
            (25.0, "25°".into(), true, false)
        );
        assert!(read("21esima").unwrap().2);
        let toks = tokenize("il terzo anno", 0);
        let n = Reader::default().read(&toks, 1).unwrap();
        assert!(n.ordinal && n.value == 3.0);
        let toks = tokenize("la metà dei voti", 0);
        let n = Reader::default().read(&toks, 1).unwrap();
        assert!(n.fraction && n.value == 0.5);
    }
}
