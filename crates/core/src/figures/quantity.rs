//! Quantities: amounts, percentages, counts, fractions, multipliers,
//! ordinals and bare numbers, with the qualifier, negation and change words
//! around them.
//!
//! Every number the [`Reader`] finds and the time grammar did not take
//! becomes a figure; what follows it decides the kind (`%` or `per cento`
//! → percent, a currency → amount, a noun → count), what precedes it the
//! qualifier (`oltre il`, `più di`, `superato i`, `quasi`) and whether it is
//! a change (`aumentate di`) or negated (`non … più di`).

use super::context::noun_phrase_range;
use super::lexicon::{
    currency_sign, is_common_verb, is_function_word, ADJECTIVE_ENDINGS, APPROX_COUNTS, ARTICLES,
    CHANGE_STEMS, CURRENCY_WORDS, FALL_STEMS, FIRST_IDIOMS, MULTIPLIER_NOUNS, MULTIPLIER_STEMS,
    ONE_COUNTS, QUALIFIERS, VAGUE_COUNTS, VERBS,
};
use super::number::{Num, Reader};
use super::{Figure, FigureKind, Interval, Qualifier};
use crate::token::{has_prefix, has_suffix, is_one_of, Tok, TokKind};

/// A qualifier found before a number.
struct Qual {
    q: Qualifier,
    /// First token of the qualifier words.
    first: usize,
    /// Verbal qualifiers stay outside the span.
    verbal: bool,
    text: String,
    negated: bool,
}

/// Finds the quantities of a block; `taken` marks tokens inside time
/// figures.
pub fn find(toks: &[Tok], src: &str, taken: &[bool], numbers: &Reader) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if taken.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        // The number at `i`, read once for the grammars that start with it.
        let number = numbers.read(toks, i);
        let found = currency_first(toks, src, i, numbers)
            .or_else(|| proportion(toks, src, i, number.as_ref(), numbers))
            .or_else(|| approximate_count(toks, src, i))
            .or_else(|| multiplier(toks, src, i))
            .or_else(|| number_figure(toks, src, i, number.as_ref(), numbers));
        match found {
            Some(f) if f.last > i && !overlaps_taken(taken, &f) => {
                i = f.last;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    merge_bounds(toks, &mut out);
    out
}

/// `un italiano su tre`, `due famiglie su cinque`, `una transazione su
/// tre`: a share, as the fraction of the counted noun (`number` is the
/// number read at `i`).
fn proportion(
    toks: &[Tok],
    src: &str,
    i: usize,
    number: Option<&Num>,
    numbers: &Reader,
) -> Option<Figure> {
    let t = &toks[i];
    if !(t.is_word() || t.is_digits()) {
        return None;
    }
    let part = *number?;
    if part.ordinal || part.fraction || part.value < 1.0 || part.value.fract() != 0.0 {
        return None;
    }
    // The noun takes at most `NOUN_TOKENS` tokens: without a `su` that
    // close, no noun is read.
    let su_near = (1..=NOUN_TOKENS).any(|n| toks.get(part.last + n).is_some_and(|t| t.is("su")));
    if !su_near {
        return None;
    }
    let (noun, used) = counted_noun(toks, src, part.last)?;
    debug_assert!((1..=NOUN_TOKENS).contains(&used));
    let su = part.last + used;
    if !toks.get(su).is_some_and(|t| t.is("su")) {
        return None;
    }
    let whole = numbers.read(toks, su + 1)?;
    // A share of a few: "51 seggi su 100" is a count out of a total.
    if whole.ordinal || whole.fraction || whole.value <= part.value || whole.value > 10.0 {
        return None;
    }
    let share = part.value / whole.value;
    let mut f = Figure::new(FigureKind::Fraction, part.first, whole.last);
    f.stated = Some(share);
    f.value = Some(Interval::exact(share));
    f.subject = Some(noun.clone());
    f.unit = Some(noun);
    f.subject_tokens = Some(part.last..su);
    // "quasi un elettore su due", "almeno 51 seggi su 100".
    if let Some(q) = qualifier_before(toks, part.first) {
        f.qualifier = Some(q.q);
        f.qualifier_text = Some(q.text.clone());
        f.negated = q.negated;
        f.value = Some(Interval::qualified(share, Some(q.q)));
        if !q.verbal {
            f.first = q.first;
        }
    }
    Some(f)
}

fn overlaps_taken(taken: &[bool], f: &Figure) -> bool {
    (f.first..f.last).any(|k| taken.get(k).copied().unwrap_or(false))
}

/// Adverbs that may stand between a verbal qualifier and its figure.
const ADVERBS: &[&str] = &[
    "gia",
    "ampiamente",
    "abbondantemente",
    "largamente",
    "nettamente",
    "ormai",
    "complessivamente",
];

/// The qualifier ending right before token `at` (over an optional article
/// and `la soglia dei`).
fn qualifier_before(toks: &[Tok], at: usize) -> Option<Qual> {
    let mut k = at;
    if k > 0 && toks[k - 1].is_any(ARTICLES) {
        k -= 1;
    }
    // "superando la soglia dei 200"
    if k >= 2
        && toks[k - 1].is_any(&["dei", "di", "del", "delle", "degli"])
        && toks[k - 2].is("soglia")
    {
        k -= 2;
        if k > 0 && toks[k - 1].is("la") {
            k -= 1;
        }
    }
    let found = |k: usize, verbal_only: bool| -> Option<(usize, Qualifier, bool)> {
        let mut best: Option<(usize, Qualifier, bool)> = None;
        // Only the qualifiers that end with the word before can end here.
        let candidates = match k.checked_sub(1) {
            Some(last) => ending_with(&toks[last].norm),
            None => &[],
        };
        for &(words, q, verbal) in candidates.iter().map(|&c| &QUALIFIERS[c]) {
            let n = words.len();
            if k < n || (verbal_only && !verbal) {
                continue;
            }
            let matches = toks[k - n..k]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t.is(w));
            if matches && best.is_none_or(|(len, _, _)| n > len) {
                best = Some((n, q, verbal));
            }
        }
        best
    };
    // A verb may stand before an adverb (`ha superato in media l'80%`,
    // `ha già superato i 200`).
    let adverb = if k >= 2 && toks[k - 2].is("in") && toks[k - 1].is("media") {
        2
    } else if k >= 1 && toks[k - 1].is_any(ADVERBS) {
        1
    } else {
        0
    };
    let (n, mut q, verbal, k) = match found(k, false) {
        Some((n, q, verbal)) => (n, q, verbal, k),
        None if adverb > 0 => {
            let (n, q, verbal) = found(k - adverb, true)?;
            (n, q, verbal, k - adverb)
        }
        None => return None,
    };
    let first = k - n;
    let text = crate::token::joined(&toks[first..k]);
    // Negation: "non ha superato", "non oltre" is already in the table.
    let negated = !text.starts_with("non")
        && (first >= 1 && toks[first - 1].is("non")
            || first >= 2 && toks[first - 2].is("non") && toks[first - 1].is_any(VERBS));
    if negated {
        q = match q {
            Qualifier::Over => Qualifier::AtMost,
            Qualifier::AtLeast => Qualifier::Under,
            Qualifier::Under => Qualifier::AtLeast,
            Qualifier::AtMost => Qualifier::Over,
            other => other,
        };
    }
    Some(Qual {
        q,
        first,
        verbal,
        text,
        negated,
    })
}

/// The qualifiers of [`QUALIFIERS`] that end with the word `w`, as
/// indices in their order there.
fn ending_with(w: &str) -> &'static [usize] {
    type ByLast = rustc_hash::FxHashMap<&'static str, Vec<usize>>;
    static MAP: std::sync::OnceLock<ByLast> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = ByLast::default();
        for (k, (words, _, _)) in QUALIFIERS.iter().enumerate() {
            if let Some(&last) = words.last() {
                m.entry(last).or_default().push(k);
            }
        }
        m
    })
    .get(w)
    .map_or(&[], Vec::as_slice)
}

/// True if a currency of [`CURRENCY_WORDS`] begins with the word `w`.
fn begins_currency(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        CURRENCY_WORDS
            .iter()
            .filter_map(|(w, _)| w.first().copied())
            .collect()
    })
    .contains(w)
}

/// A change word right before the figure (`aumentate di`, `un calo del`):
/// where its words start (`in calo del`, `è sceso del`, `in crescita
/// dell'`) and whether it is a fall.
fn change_before(toks: &[Tok], span_first: usize) -> Option<(usize, bool)> {
    if span_first < 2 {
        return None;
    }
    let prep = &toks[span_first - 1];
    // "salito al 5%" is a level, "passato dal 3 al 5%" too.
    if !prep.is_any(&[
        "di", "del", "dello", "della", "dell'", "dei", "degli", "delle",
    ]) {
        return None;
    }
    let word = &toks[span_first - 2];
    let starts = |stems: &[&str]| stems.iter().any(|s| has_prefix(&word.norm, s));
    if !starts(CHANGE_STEMS) && !starts(FALL_STEMS) {
        return None;
    }
    let fall = starts(FALL_STEMS);
    // The words that carry the change: "in calo", "è scesa", "un aumento".
    let mut first = span_first - 2;
    if first > 0
        && toks[first - 1].is_any(&[
            // "e" is the folded "è" here: "e sceso" is "è sceso".
            "in", "e", "sono", "ha", "hanno", "un", "una", "con", "il", "la", "stato", "stata",
        ])
    {
        first -= 1;
        if first > 0 && toks[first].is_any(&["stato", "stata"]) && toks[first - 1].is("e") {
            first -= 1;
        }
    }
    Some((first, fall))
}

/// A sign written on the number: `-4,3%`, `−1.200`, `+2,1%` (glued), or
/// `meno 5 gradi`, `meno 1.200` (the word, not `meno di`). Returns the
/// sign's token and whether it is negative.
fn sign_before(toks: &[Tok], at: usize) -> Option<(usize, bool)> {
    let p = toks.get(at.checked_sub(1)?)?;
    let n = &toks[at];
    if !n.space_before && matches!(p.norm.as_str(), "-" | "+") {
        let before_ok = at < 2 || p.space_before || toks[at - 2].kind == TokKind::Punct;
        let after_word = at >= 2 && toks[at - 2].is_word() && !p.space_before;
        return (before_ok && !after_word).then_some((at - 1, p.norm == "-"));
    }
    if p.is("meno") && n.is_digits() {
        let pp = at.checked_sub(2).map(|k| &toks[k]);
        let idiom = pp.is_some_and(|t| t.is_any(&["o", "piu", "poco", "per"]));
        return (!idiom).then_some((at - 1, true));
    }
    None
}

/// `in meno`, `in più`, `di meno`, `in calo` after a figure: (tokens, fall).
fn change_after(toks: &[Tok], k: usize) -> Option<(usize, bool)> {
    match (
        toks.get(k).map(|t| t.norm.as_str()),
        toks.get(k + 1).map(|t| t.norm.as_str()),
    ) {
        (Some("in" | "di"), Some("meno")) => Some((2, true)),
        (Some("in"), Some("piu")) => Some((2, false)),
        _ => None,
    }
}

/// Makes a figure a change with a sign: its value negated for a fall.
fn signed(f: &mut Figure, fall: bool) {
    f.change = true;
    if fall {
        f.stated = f.stated.map(|v| -v.abs());
        f.value = f.value.map(negate);
    }
}

/// The interval of the opposite numbers.
fn negate(v: Interval) -> Interval {
    Interval {
        min: v.max.map(|x| -x),
        max: v.min.map(|x| -x),
        min_inclusive: v.max_inclusive,
        max_inclusive: v.min_inclusive,
    }
}

/// The temperature scale a word names (`celsius`, `centigradi`,
/// `fahrenheit` and its common misspelling `farenheit`, `kelvin`; after
/// `gradi` also the letters `c`, `f`).
fn temperature_scale(w: &str, after_degrees: bool) -> Option<&'static str> {
    Some(match w {
        "celsius" | "centigradi" => "°C",
        "fahrenheit" | "farenheit" => "°F",
        "kelvin" => "K",
        "c" if after_degrees => "°C",
        "f" if after_degrees => "°F",
        _ => return None,
    })
}

/// Percent, currency or counted noun after a number ending at `k`:
/// (kind, unit, tokens consumed).
fn unit_after(toks: &[Tok], k: usize) -> Option<(FigureKind, String, usize)> {
    let t = toks.get(k)?;
    // Temperatures: "3°C", "3 °C", "5 gradi (centigradi)".
    if t.is("°")
        && toks
            .get(k + 1)
            .is_some_and(|c| c.is_any(&["c", "celsius"]) && !c.space_before)
    {
        return Some((FigureKind::Number, "°C".into(), 2));
    }
    if t.is("°")
        && toks
            .get(k + 1)
            .is_some_and(|c| c.is_any(&["f", "fahrenheit"]) && !c.space_before)
    {
        return Some((FigureKind::Number, "°F".into(), 2));
    }
    // "20 celsius", "90 fahrenheit", "300 kelvin": the scale alone.
    if let Some(scale) = temperature_scale(&t.norm, false) {
        return Some((FigureKind::Number, scale.into(), 1));
    }
    if t.is_any(&["gradi", "grado"]) {
        // "un angolo di 45 gradi", "ruotare di 90 gradi": an angle.
        let angle = (k.saturating_sub(5)..k).any(|i| {
            toks[i].is_word()
                && [
                    "angol", "ruot", "rotazion", "gir", "inclina", "virat", "svolt",
                ]
                .iter()
                .any(|p| has_prefix(&toks[i].norm, p))
        });
        if angle {
            return Some((FigureKind::Number, "°".into(), 1));
        }
        // "gradi celsius", "gradi centigradi", "gradi fahrenheit", "gradi f".
        let scale = toks
            .get(k + 1)
            .and_then(|c| temperature_scale(&c.norm, true));
        let extra = usize::from(scale.is_some());
        return Some((FigureKind::Number, scale.unwrap_or("°C").into(), 1 + extra));
    }
    if t.kind == TokKind::Symbol {
        match t.norm.as_str() {
            "%" => return Some((FigureKind::Percent, "%".into(), 1)),
            "‰" => return Some((FigureKind::Percent, "‰".into(), 1)),
            s => {
                if let Some(code) = currency_sign(s, None) {
                    return Some((FigureKind::Amount, code.into(), 1));
                }
            }
        }
    }
    let w = |i: usize| toks.get(k + i).map_or("", |t| t.norm.as_str());
    match (w(0), w(1)) {
        ("per", "cento") => return Some((FigureKind::Percent, "%".into(), 2)),
        ("percento" | "percentuale", _) => return Some((FigureKind::Percent, "%".into(), 1)),
        ("punti", "percentuali") | ("punto", "percentuale") => {
            return Some((FigureKind::Percent, "pp".into(), 2))
        }
        ("punti", "base") => return Some((FigureKind::Percent, "bp".into(), 2)),
        _ => {}
    }
    // Currency words, with or without "di".
    let skip = usize::from(w(0) == "di" || w(0) == "d'");
    let candidates = if begins_currency(w(skip)) {
        CURRENCY_WORDS
    } else {
        &[]
    };
    for &(words, code) in candidates {
        let n = words.len();
        let ok = words
            .iter()
            .enumerate()
            .all(|(j, cw)| toks.get(k + skip + j).is_some_and(|t| t.is(cw)));
        if ok {
            return Some((FigureKind::Amount, code.into(), skip + n));
        }
    }
    None
}

/// The most tokens [`counted_noun`] takes (`miglia all'ora`).
const NOUN_TOKENS: usize = 3;

/// The noun a number counts (`volte`, `anni consecutivi`, `esercitazioni
/// militari`): (unit, tokens consumed, one to [`NOUN_TOKENS`]).
fn counted_noun(toks: &[Tok], src: &str, k: usize) -> Option<(String, usize)> {
    let t = toks.get(k)?;
    // After an elided number the noun is glued to it ("quarant'anni").
    let glued_ok = k > 0 && toks[k - 1].norm.ends_with('\'');
    // A unit symbol glued to its number: "75ml", "10l", "300mm", "0,8rad".
    let hyphen = k > 1 && toks[k - 1].norm == "-" && !toks[k - 1].space_before;
    let symbol = !t.space_before
        && k > 0
        && (toks[k - 1].is_digits() || hyphen && toks[k - 2].is_digits())
        && is_one_of(&t.norm, GLUED_UNITS);
    if symbol {
        return Some(with_power(toks, src, k));
    }
    if t.kind != TokKind::Word || !(t.space_before || glued_ok) {
        return None;
    }
    if is_one_of(&t.norm, GLUED_UNITS) {
        return Some(with_power(toks, src, k));
    }
    // A speed: "miglia all'ora", "chilometri all'ora".
    if toks.get(k + 1).is_some_and(|a| a.is("all'"))
        && toks
            .get(k + 2)
            .is_some_and(|o| o.is("ora") && !o.space_before)
    {
        let unit = format!("{} all'ora", t.text(src));
        return Some((unit, 3));
    }
    // The nouns "un" counts are nouns even where they are other words too
    // ("un'ora", "ora" being also "now").
    if glued_ok && t.is_any(ONE_COUNTS) {
        return Some((t.text(src).to_string(), 1));
    }
    let w = t.norm.as_str();
    if is_function_word(w) || is_common_verb(w) || w.ends_with('\'') || w == "fa" {
        return None;
    }
    // "tre dichiara": a verb counts nothing.
    if !t.cap && super::verbs::form(w) == Some(super::verbs::Form::Finite) {
        return None;
    }
    let mut words = t.text(src).to_string();
    let mut n = 1;
    if let Some(adj) = toks.get(k + 1) {
        let a = adj.norm.as_str();
        let is_adj = adj.kind == TokKind::Word
            && adj.space_before
            && !is_function_word(a)
            && !adj.is_capitalized(src)
            // `10 squadre passano`: a verb, not the noun's adjective.
            && super::verbs::form(a) != Some(super::verbs::Form::Finite)
            && (ADJECTIVE_ENDINGS.iter().any(|e| has_suffix(a, e)) && a.len() > 4
                // "metri quadri", "piedi cubi": a unit's square or cube.
                || matches!(a, "quadri" | "quadrati" | "cubi" | "cubici"));
        if is_adj {
            words.push(' ');
            words.push_str(adj.text(src));
            n += 1;
        }
    }
    Some((words, n))
}

/// Unit symbols written glued to their number (`75ml`, `300mm`, `0,8rad`)
/// or after a hyphen (`16-bit`). Not `g`, which glued is a network
/// generation (`5G`).
const GLUED_UNITS: &[&str] = &[
    "ml", "cl", "dl", "l", "mm", "cm", "m", "km", "kg", "mg", "rad", "kw", "kwh", "mw", "gw",
    "mwh", "gwh", "mb", "gb", "tb", "hz", "mhz", "ghz", "mq", "kmq", "bit", "byte",
];

/// A unit symbol at `k` with its square or cube glued to it (`km2`,
/// `m3`): (unit as written, tokens).
fn with_power(toks: &[Tok], src: &str, k: usize) -> (String, usize) {
    let unit = toks[k].text(src).to_string();
    match toks.get(k + 1) {
        Some(p) if !p.space_before && p.is_any(&["2", "3", "²", "³"]) => {
            (format!("{unit}{}", p.text(src)), 2)
        }
        _ => (unit, 1),
    }
}

/// The noun a number counts, past `solo`/`sola` (`una sola linea`):
/// (unit, tokens of the noun, where the noun starts).
fn counted_after(toks: &[Tok], src: &str, k: usize) -> Option<(String, usize, usize)> {
    let scale = k > 0
        && toks[k - 1].is_any(&[
            "milione", "milioni", "miliardo", "miliardi", "bilione", "bilioni", "trilione",
            "trilioni",
        ]);
    let at = if toks
        .get(k)
        .is_some_and(|t| t.is_any(&["solo", "sola", "soli", "sole"]))
    {
        k + 1
    } else if scale && toks.get(k).is_some_and(|t| t.is_any(&["di", "d'"])) {
        // "2,4 miliardi di galloni", "3 milioni di persone".
        k + 1
    } else if toks
        .get(k)
        .is_some_and(|t| t.norm == "-" && !t.space_before)
        && toks
            .get(k + 1)
            .is_some_and(|u| !u.space_before && is_one_of(&u.norm, GLUED_UNITS))
    {
        // "16-bit".
        k + 1
    } else {
        k
    };
    let (unit, used) = counted_noun(toks, src, at)?;
    // `97,3 milioni registrati`: a participle after a scale word says what
    // happened to the amount; it counts nothing.
    let after_scale = k > 0 && super::number::scale_word(&toks[k - 1].norm).is_some();
    if after_scale
        && toks
            .get(at)
            .is_some_and(|t| super::verbs::form(&t.norm) == Some(super::verbs::Form::Participle))
    {
        return None;
    }
    Some((unit, used, at))
}

/// The ISO currency codes written before or after amounts.
fn iso_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "eur" => "EUR",
        "usd" => "USD",
        "gbp" => "GBP",
        "chf" => "CHF",
        "jpy" => "JPY",
        "cny" => "CNY",
        "rub" => "RUB",
        "cad" => "CAD",
        "aud" => "AUD",
        "inr" => "INR",
        _ => return None,
    })
}

/// `$ 75 milioni`, `€ 2 milioni`, `US $ 10 miliardi`, `c $ 1,34`.
fn currency_first(toks: &[Tok], _src: &str, i: usize, numbers: &Reader) -> Option<Figure> {
    let t = &toks[i];
    // An ISO code in capitals before the amount: "EUR 20 milioni", "USD 1,23".
    let iso = (t.kind == TokKind::Word && t.cap && toks.get(i + 1).is_some_and(|n| n.is_digits()))
        .then(|| iso_code(&t.norm))
        .flatten();
    let (sign_at, code) = if let Some(code) = iso {
        (i, code)
    } else {
        let (sign_at, prefix) = if t.kind == TokKind::Word
            && toks.get(i + 1).is_some_and(|s| s.kind == TokKind::Symbol)
        {
            (i + 1, Some(t.norm.as_str()))
        } else if t.kind == TokKind::Symbol {
            (i, None)
        } else {
            return None;
        };
        (sign_at, currency_sign(&toks[sign_at].norm, prefix)?)
    };
    let n = numbers.read(toks, sign_at + 1)?;
    if n.ordinal || n.fraction {
        return None;
    }
    let mut f = Figure::new(FigureKind::Amount, i, n.last);
    f.unit = Some(code.into());
    apply_value(&mut f, &n, None);
    if let Some(q) = qualifier_before(toks, i) {
        apply_qualifier(&mut f, &n, &q);
    }
    Some(finish(toks, f, i))
}

/// `una trentina di`, `un centinaio di`, `decine di`, `migliaia di`.
fn approximate_count(toks: &[Tok], src: &str, i: usize) -> Option<Figure> {
    let t = &toks[i];
    let (value, word_at, interval) = if t.is_any(&["una", "un"]) {
        let w = toks.get(i + 1)?;
        let v = APPROX_COUNTS.iter().find(|(n, _)| w.is(n))?.1;
        (v, i + 1, Interval::qualified(v, Some(Qualifier::About)))
    } else if let Some((_, lo, hi)) = VAGUE_COUNTS.iter().find(|(n, _, _)| t.is(n)) {
        (*lo, i, Interval::closed(*lo, *hi))
    } else {
        return None;
    };
    if !toks
        .get(word_at + 1)
        .is_some_and(|d| d.is_any(&["di", "d'"]))
    {
        return None;
    }
    // "milioni di dollari" after a number is an amount, read elsewhere.
    if i > 0 && toks[i - 1].is_digits() {
        return None;
    }
    let mut f = Figure::new(FigureKind::Count, i, word_at + 1);
    f.stated = Some(value);
    f.value = Some(interval);
    f.qualifier = Some(Qualifier::About);
    f.qualifier_text = Some(t.text(src).to_string());
    let (kind, unit) = match unit_after(toks, word_at + 1) {
        Some((FigureKind::Amount, code, used)) => {
            f.last = word_at + 1 + used;
            (FigureKind::Amount, code)
        }
        _ => {
            let np = noun_phrase_range(toks, word_at + 2, 4, src);
            f.subject_tokens = np.clone();
            let text = np.map(|r| phrase_text(toks, src, r)).unwrap_or_default();
            (FigureKind::Count, text)
        }
    };
    f.kind = kind;
    if !unit.is_empty() {
        f.unit = Some(unit);
    }
    Some(f)
}

/// `triplicare la produzione`, `raddoppiato`, `il doppio`.
fn multiplier(toks: &[Tok], src: &str, i: usize) -> Option<Figure> {
    let t = &toks[i];
    if t.kind != TokKind::Word {
        return None;
    }
    // The first letter rejects nearly every word at once.
    let verb = MULTIPLIER_STEMS
        .iter()
        .find(|(stem, _)| {
            t.norm.as_bytes().first() == stem.as_bytes().first()
                && t.norm.starts_with(stem)
                && t.norm.len() > stem.len()
        })
        .map(|(_, f)| *f);
    let factor = verb.or_else(|| {
        let after_article = i > 0 && toks[i - 1].is_any(&["il", "al", "del"]);
        MULTIPLIER_NOUNS
            .iter()
            .find(|(n, _)| t.is(n) && after_article)
            .map(|(_, f)| *f)
    })?;
    let mut f = Figure::new(FigureKind::Multiplier, i, i + 1);
    f.stated = Some(factor);
    f.value = Some(Interval::exact(factor));
    f.unit = Some("×".into());
    f.change = true;
    // What it multiplies when it follows as an object (`triplicare la
    // produzione`); `raddoppiati in Asia` and `il doppio della media` leave
    // it to the clause.
    let mut k = i + 1;
    let object = verb.is_some() && toks.get(k).is_some_and(|t| t.is_any(ARTICLES));
    while toks.get(k).is_some_and(|t| t.is_any(ARTICLES)) {
        k += 1;
    }
    let np = if object {
        noun_phrase_range(toks, k, 6, src)
    } else {
        None
    };
    f.subject = np.clone().map(|r| phrase_text(toks, src, r));
    f.subject_tokens = np;
    // "quasi raddoppiati", "più che triplicato".
    if let Some(q) = qualifier_before(toks, i) {
        let n = Num {
            value: factor,
            precision: 0.0,
            first: i,
            last: i + 1,
            ordinal: false,
            fraction: false,
            words: true,
            article_one: false,
        };
        apply_qualifier(&mut f, &n, &q);
    }
    Some(f)
}

fn apply_value(f: &mut Figure, n: &Num, q: Option<Qualifier>) {
    f.stated = Some(n.value);
    f.precision = (n.precision > 0.0).then_some(n.precision);
    f.value = Some(Interval::qualified(n.value, q));
}

fn apply_qualifier(f: &mut Figure, n: &Num, q: &Qual) {
    f.qualifier = Some(q.q);
    f.qualifier_text = Some(q.text.clone());
    f.negated = q.negated;
    f.value = Some(Interval::qualified(n.value, Some(q.q)));
    if !q.verbal {
        f.first = q.first;
    }
}

/// A number and what follows it (`number` is the number read at `i`).
fn number_figure(
    toks: &[Tok],
    src: &str,
    i: usize,
    number: Option<&Num>,
    numbers: &Reader,
) -> Option<Figure> {
    let t = &toks[i];
    // Numbers glued to letters are names (G20, Covid-19, Su-57).
    if t.kind == TokKind::Digits && !t.space_before && i > 0 {
        let prev = &toks[i - 1];
        let glued_name = (prev.kind == TokKind::Word && !prev.norm.ends_with('\''))
            || (prev.norm == "-"
                && i > 1
                && toks[i - 2].kind == TokKind::Word
                && !prev.space_before);
        if glued_name {
            return None;
        }
    }
    if is_identifier(toks, src, i) {
        return None;
    }
    let n = *number?;
    if is_anaphoric_pair(toks, &n) {
        return None;
    }
    // "un" is one only before a unit ("un euro", "uno yen"), a noun it
    // counts ("un morto", "un'ora di ritardo"), or with "solo" ("una sola
    // linea", "un solo voto").
    if n.article_one {
        let unit = matches!(
            unit_after(toks, n.last),
            Some((FigureKind::Amount | FigureKind::Percent, _, _))
        );
        let next = toks.get(n.last);
        // "un uomo di 58 anni", "è un ragazzo": a person described, not
        // counted.
        let described = toks.get(n.last + 1).is_some_and(|t| t.is("di"))
            && toks
                .get(n.last + 2)
                .is_some_and(|t| t.is_digits() || numbers.word_value(&t.norm).is_some());
        let predicate = n.first > 0 && {
            let p = &toks[n.first - 1];
            p.is_any(&["era", "sara", "fu"]) || p.text(src).starts_with(['È', 'è'])
        };
        let counted = next.is_some_and(|t| t.is_any(ONE_COUNTS))
            && !described
            && !predicate
            && !toks
                .get(n.last + 1)
                .is_some_and(|t| t.is_any(&["fa", "dopo", "prima"]));
        let only = next.is_some_and(|t| t.is_any(&["solo", "sola"]));
        if !(unit || counted || only) {
            return None;
        }
    }
    let mut f;
    if n.ordinal {
        let noun = toks.get(n.last);
        // "la prima volta", "il primo posto", "prima serata": the first of
        // nothing counted. And an ordinal standing for a noun
        // ("tredicesime", the year-end bonus) ranks nothing.
        if n.value == 1.0 && n.words && noun.is_some_and(|t| t.is_any(FIRST_IDIOMS)) {
            return None;
        }
        let bare_plural = n.words
            && n.last == n.first + 1
            && (toks[n.first].norm.ends_with('i') || toks[n.first].norm.ends_with('e'))
            && counted_noun(toks, src, n.last).is_none();
        if bare_plural {
            return None;
        }
        // `a un secondo dal vincitore`, `per un secondo.`: one second, where
        // no noun follows for `secondo` to rank (`un secondo mandato`).
        if n.value == 2.0
            && n.first > 0
            && toks[n.first].is("secondo")
            && toks[n.first - 1].is_any(&["un", "uno"])
            && noun.is_none_or(|t| {
                t.kind != TokKind::Word
                    || t.is_any(&[
                        "da", "dal", "dalla", "dallo", "di", "del", "della", "e", "in", "per",
                        "prima", "dopo", "fa",
                    ])
            })
        {
            let mut f = Figure::new(FigureKind::Count, n.first - 1, n.last);
            f.stated = Some(1.0);
            f.value = Some(Interval::exact(1.0));
            f.unit = Some(toks[n.first].text(src).to_string());
            f.subject_tokens = Some(n.first..n.last);
            return Some(f);
        }
        // `i primi cinque (della classifica)`, `le prime 10 squadre`: a
        // count of the first so many, the number after being the figure.
        if n.words
            && noun.is_some_and(|t| {
                t.kind == TokKind::Digits
                    || numbers.word_value(&t.norm).is_some_and(|(_, ord)| !ord)
            })
        {
            let m = numbers
                .read(toks, n.last)
                .filter(|m| !m.ordinal && m.value >= 2.0)?;
            if !toks[n.first].is_any(&["primi", "prime"]) {
                return None;
            }
            let mut f = Figure::new(FigureKind::Count, n.first, m.last);
            apply_value(&mut f, &m, None);
            if let Some((unit, used)) = counted_noun(toks, src, m.last) {
                f.unit = Some(unit);
                f.subject_tokens = Some(m.last..m.last + used);
                f.last = m.last + used;
            }
            return Some(f);
        }
        f = Figure::new(FigureKind::Ordinal, n.first, n.last);
        f.stated = Some(n.value);
        f.value = Some(Interval::exact(n.value));
        if let Some((unit, used)) = counted_noun(toks, src, n.last) {
            f.unit = Some(unit);
            f.subject_tokens = Some(n.last..n.last + used);
            f.last = n.last + used;
        }
        return Some(f);
    }
    // Ranges of quantities: "tra 20 e 30 euro", "da 5 a 10 anni", "20-30%".
    if let Some(r) = quantity_range(toks, src, &n, numbers) {
        return Some(r);
    }
    if n.fraction {
        f = Figure::new(FigureKind::Fraction, n.first, n.last);
        apply_value(&mut f, &n, None);
        // "1/4 di miglio": a written fraction of a unit.
        if !n.words && toks.get(n.last).is_some_and(|t| t.is_any(&["di", "d'"])) {
            if let Some((unit, used)) = counted_noun(toks, src, n.last + 1) {
                f.kind = FigureKind::Count;
                f.unit = Some(unit);
                f.subject_tokens = Some(n.last + 1..n.last + 1 + used);
                f.last = n.last + 1 + used;
            }
        }
    } else if let Some((kind, unit, used)) = unit_after(toks, n.last) {
        f = Figure::new(kind, n.first, n.last + used);
        f.unit = Some(unit);
        apply_value(&mut f, &n, None);
    } else if let Some((unit, used, at)) = counted_after(toks, src, n.last) {
        f = Figure::new(FigureKind::Count, n.first, at + used);
        f.unit = Some(unit);
        f.subject_tokens = Some(at..at + used);
        apply_value(&mut f, &n, None);
    } else {
        // A small number in words with nothing counted after it is mostly
        // not a figure at all ("venti e onde", "a tre a tre"), unless a
        // qualifier bends it ("circa cinquecento o più", "non inferiore a
        // trenta").
        let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
        let qualified = qualifier_before(toks, n.first).is_some_and(|q| !q.verbal)
            || matches!(
                (w(n.last), w(n.last + 1)),
                ("o" | "e", "piu") | ("o", "meno")
            );
        if n.words && n.value.abs() < 1000.0 && !qualified {
            return None;
        }
        f = Figure::new(FigureKind::Number, n.first, n.last);
        apply_value(&mut f, &n, None);
    }
    if let Some(q) = qualifier_before(toks, n.first) {
        apply_qualifier(&mut f, &n, &q);
    } else {
        // "non 200": a plain negation before the number.
        let lo = n.first.saturating_sub(3);
        if toks[lo..n.first].iter().any(|t| t.is("non")) {
            f.negated = true;
        }
    }
    // "cinquecento o più", "cinquecento e più", "cinquecento o meno".
    if f.qualifier.is_none() {
        let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
        let q = match (w(f.last), w(f.last + 1)) {
            ("o" | "e", "piu") => Some(Qualifier::AtLeast),
            ("o", "meno") => Some(Qualifier::AtMost),
            _ => None,
        };
        if let (Some(q), Some(stated)) = (q, f.stated) {
            f.qualifier = Some(q);
            f.qualifier_text = Some(format!("{} {}", w(f.last), w(f.last + 1)));
            f.value = Some(Interval::qualified(stated, Some(q)));
            f.last += 2;
        }
    }
    Some(finish(toks, f, n.first))
}

/// What every quantity gets once read: the sign written on it (`-4,3%`,
/// `meno 5 gradi`), the change words before or after it (`in calo del`,
/// `è salito del`, `in meno`), which also make a fall negative, and cents
/// in their currency (`5 centesimi` is 0,05 euro). `number_at` is the
/// number's first token.
fn finish(toks: &[Tok], mut f: Figure, number_at: usize) -> Figure {
    let temperature = matches!(f.unit.as_deref(), Some("°C" | "°F" | "K"));
    if f.first == number_at {
        if let Some((at, negative)) = sign_before(toks, number_at) {
            f.first = at;
            if negative {
                f.stated = f.stated.map(|v| -v.abs());
                f.value = f.value.map(negate);
            }
            f.change = !temperature;
        }
    }
    if let Some((at, fall)) = change_before(toks, f.first) {
        f.first = at;
        signed(&mut f, fall);
    } else if let Some((used, fall)) = change_after(toks, f.last) {
        f.last += used;
        signed(&mut f, fall);
    }
    if let Some(code) = f.unit.as_deref().and_then(|u| u.strip_suffix('¢')) {
        f.unit = Some(code.to_string());
        f.stated = f.stated.map(|v| v / 100.0);
        f.precision = f.precision.map(|p| p / 100.0);
        f.value = f.value.map(|v| Interval {
            min: v.min.map(|x| x / 100.0),
            max: v.max.map(|x| x / 100.0),
            ..v
        });
    }
    f
}

/// Joins a lower and an upper bound stated one after the other (`superiore
/// a 1000 e inferiore a 1500`, `non più di 50 e non meno di 20`) into one
/// figure with both bounds.
pub fn merge_bounds(toks: &[Tok], found: &mut Vec<Figure>) {
    let lower = |q: Option<Qualifier>| matches!(q, Some(Qualifier::Over | Qualifier::AtLeast));
    let upper = |q: Option<Qualifier>| matches!(q, Some(Qualifier::Under | Qualifier::AtMost));
    let mut out: Vec<Figure> = Vec::with_capacity(found.len());
    let mut rest = std::mem::take(found).into_iter().peekable();
    while let Some(a) = rest.next() {
        let merged = rest.peek().and_then(|b| {
            // Only "e", "," or "ma" between them, and not many of those.
            let gap = b
                .first
                .checked_sub(a.last)
                .filter(|g| (1..=3).contains(g))?;
            let joined = (a.last..a.last + gap).all(|x| toks[x].is_any(&["e", ",", "ma"]));
            let pair = (lower(a.qualifier) && upper(b.qualifier))
                || (upper(a.qualifier) && lower(b.qualifier));
            if !(joined && pair && a.kind == b.kind && (a.unit == b.unit || a.unit.is_none())) {
                return None;
            }
            let (lo, hi) = if lower(a.qualifier) { (&a, b) } else { (b, &a) };
            let (l, h) = (lo.value?, hi.value?);
            if l.min.zip(h.max).is_none_or(|(x, y)| x > y) {
                return None;
            }
            let mut m = a.clone();
            m.last = b.last;
            m.value = Some(Interval {
                min: l.min,
                max: h.max,
                min_inclusive: l.min_inclusive,
                max_inclusive: h.max_inclusive,
            });
            m.qualifier = Some(Qualifier::Range);
            m.unit = a.unit.clone().or_else(|| b.unit.clone());
            Some(m)
        });
        match merged {
            Some(m) => {
                rest.next();
                out.push(m);
            }
            None => out.push(a),
        }
    }
    *found = out;
}

/// The words of tokens `r`, whitespace collapsed.
fn phrase_text(toks: &[Tok], src: &str, r: std::ops::Range<usize>) -> String {
    let (s, e) = (toks[r.start].start, toks[r.end - 1].end);
    crate::text::collapse_whitespace(src.get(s..e).unwrap_or(""))
}

/// Numbers that name rather than measure: `legge n. 62`, `numero 5`, list
/// markers at the start of a block (`1. Comunicati`), long codes (VAT and
/// phone numbers).
fn is_identifier(toks: &[Tok], src: &str, i: usize) -> bool {
    let t = &toks[i];
    if t.kind != TokKind::Digits {
        return false;
    }
    let after_number_sign = (i >= 1 && toks[i - 1].is_any(&["numero", "nr", "n°"]))
        || (i >= 2
            && toks[i - 1].norm == "."
            && toks[i - 2].is_any(&["n", "nr", "num", "art", "artt", "comma"]))
        || (i >= 1
            && toks[i - 1].is_any(&[
                "art",
                "articolo",
                "comma",
                "via",
                "piazza",
                "corso",
                "viale",
                // Roads, lines and platforms: "statale 36", "binario 4".
                "statale",
                "provinciale",
                "regionale",
                "ss",
                "sp",
                "sr",
                "autostrada",
                "tangenziale",
                "binario",
                "linea",
                "volo",
                "gate",
                "uscita",
                "svincolo",
                "casello",
                "km",
            ]));
    let list_marker = i == 0
        && toks.get(1).is_some_and(|d| d.norm == "." || d.norm == ")")
        && toks.get(2).is_some_and(|w| w.is_capitalized(src));
    let code = t.norm.len() >= 9 && t.norm.bytes().all(|b| b.is_ascii_digit());
    // A street number: "Via Roma 12", "piazza Garibaldi 3".
    let street = (1..=4).any(|d| {
        i > d
            && toks[i - d - 1].is_any(&[
                "via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "strada",
            ])
            && toks[i - d..i]
                .iter()
                .all(|w| w.is_word() && (w.cap || w.is_any(&["del", "della", "dei", "di", "de"])))
    });
    // Telephone numbers: "tel. 055 123 4567", "numero verde 800 123 456",
    // "+39 02 1234567" (three or more groups of digits in a row).
    let group = |k: usize| {
        toks.get(k)
            .is_some_and(|g| g.is_digits() && !g.norm.contains([',', '.']))
    };
    let phone_run = (group(i + 1) && group(i + 2)) || (i >= 1 && group(i - 1) && group(i + 1));
    let phone_label = (1..=3).any(|d| {
        i >= d
            && toks[i - d].is_any(&["tel", "telefono", "fax", "cell", "verde", "whatsapp", "sms"])
    });
    // A postal code: five digits before a place's name ("55100 Lucca").
    let postal = t.norm.len() == 5
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word() && n.cap && crate::figures::time::month_of(&n.norm, false).is_none()
        });
    after_number_sign
        || list_marker
        || code
        || street
        || (phone_run && !t.norm.contains([',', '.']))
        || phone_label
        || postal
}

/// `i due Paesi`, `le tre parti`: a definite article before a small number
/// in words refers to known things ("both countries"), it reports no
/// quantity.
fn is_anaphoric_pair(toks: &[Tok], n: &Num) -> bool {
    const DEFINITE: &[&str] = &[
        "i", "le", "gli", "dei", "delle", "degli", "ai", "alle", "agli", "nei", "nelle", "negli",
        "dai", "dalle", "dagli", "sui", "sulle", "sugli", "coi",
    ];
    n.words
        && !n.ordinal
        && !n.fraction
        && n.value <= 3.0
        && n.first > 0
        && toks[n.first - 1].is_any(DEFINITE)
}

/// `tra 20 e 30 euro`, `da 5 a 10 anni`, `20-30%`: one figure with the
/// range as its interval.
fn quantity_range(toks: &[Tok], src: &str, left: &Num, numbers: &Reader) -> Option<Figure> {
    // "tra -3 e -6 gradi": a sign on either end.
    let left_sign = sign_before(toks, left.first);
    let lstart = left_sign.map_or(left.first, |(at, _)| at);
    // "tra il 5 e l'8%": an article may stand before either end.
    let article_before = lstart > 0 && toks[lstart - 1].is_any(&["il", "l'", "i", "gli", "le"]);
    let open_at = if article_before {
        lstart.checked_sub(2)
    } else {
        lstart.checked_sub(1)
    };
    let opener = open_at.map(|k| &toks[k]);
    let (joiners, first): (&[&str], usize) = match (opener, open_at) {
        (Some(o), Some(k)) if o.is_any(&["tra", "fra"]) => (&["e"], k),
        (Some(o), Some(k)) if o.is_any(&["da", "dal", "dai", "dalle"]) => {
            (&["a", "al", "ai", "alle"], k)
        }
        _ => (&["-", "/"], lstart),
    };
    let sep = toks.get(left.last)?;
    // "da 10-20 euro": a tight dash joins whatever opens; "2 o 3 gradi".
    let tight = sep.is_any(&["-", "/"])
        && !sep.space_before
        && toks.get(left.last + 1).is_some_and(|t| !t.space_before);
    let (opener, first) = if (tight || sep.is("o")) && !sep.is_any(joiners) {
        (None, lstart)
    } else {
        (opener, first)
    };
    if !(sep.is_any(joiners) || tight || sep.is("o")) {
        return None;
    }
    if matches!(sep.norm.as_str(), "-" | "/")
        && (sep.space_before || toks.get(left.last + 1).is_none_or(|t| t.space_before))
    {
        return None;
    }
    let mut r_at = left.last + 1;
    if toks
        .get(r_at)
        .is_some_and(|t| t.is_any(&["il", "l'", "i", "gli", "le"]))
    {
        r_at += 1;
    }
    // The right end's sign: "-6", "meno 6".
    let right_negative = toks.get(r_at).is_some_and(|t| {
        (t.is("-")
            && toks
                .get(r_at + 1)
                .is_some_and(|n| !n.space_before && n.is_digits()))
            || (t.is("meno") && toks.get(r_at + 1).is_some_and(Tok::is_digits))
    });
    if right_negative {
        r_at += 1;
    }
    let mut right = numbers.read(toks, r_at)?;
    if right.ordinal || right.fraction || right.article_one {
        return None;
    }
    if right_negative {
        right.value = -right.value;
    }
    // "tra 3 e 4 milioni": the scale written once, after the second.
    let mut left = *left;
    if left_sign.is_some_and(|(_, negative)| negative) {
        left.value = -left.value;
    }
    let scale_of = |n: &Num| {
        toks.get(n.last.wrapping_sub(1))
            .and_then(|t| super::number::scale_word(&t.norm))
    };
    if let (None, Some(k)) = (scale_of(&left), scale_of(&right)) {
        let factor = 10f64.powi(k);
        if left.value * factor <= right.value {
            left.value *= factor;
            left.precision *= factor;
        }
    }
    // "tra -3 e -6 gradi": from mild to cold, both below zero.
    let descending = right.value < left.value;
    if descending && !(right.value < 0.0 && left.value < 0.0) {
        return None;
    }
    if sep.is("o") && (left.value.fract() != 0.0 || right.value.fract() != 0.0) {
        // "1,5 o 2": a choice of decimals is rarely a range in news.
        return None;
    }
    right.first = r_at;
    let (kind, unit, used, counted) = match unit_after(toks, right.last) {
        Some((k, u, used)) => (k, Some(u), used, false),
        None => match counted_noun(toks, src, right.last) {
            Some((u, used)) => (FigureKind::Count, Some(u), used, true),
            None => (FigureKind::Number, None, 0, false),
        },
    };
    // A bare "da 3 a 5" with nothing counted is a range only of large
    // numbers ("da mille a millecinquecento"); small ones are scores or times.
    if unit.is_none()
        && opener.is_some_and(|o| o.is_any(&["da", "dal", "dai", "dalle"]))
        && right.value < 100.0
    {
        return None;
    }
    let mut f = Figure::new(kind, first, right.last + used);
    f.unit = unit;
    if counted {
        f.subject_tokens = Some(right.last..right.last + used);
    }
    let (lo, hi) = if descending {
        (right.value, left.value)
    } else {
        (left.value, right.value)
    };
    f.stated = Some(left.value);
    f.value = Some(Interval::closed(lo, hi));
    f.qualifier = Some(Qualifier::Range);
    f.qualifier_text = opener.map(|o| o.norm.to_string()).or(Some("-".into()));
    f.precision = Some(left.precision.min(right.precision)).filter(|p| *p > 0.0);
    Some(finish(toks, f, left.first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn figs(s: &str) -> Vec<Figure> {
        let toks = tokenize(s, 0);
        let taken = vec![false; toks.len()];
        find(&toks, s, &taken, &Reader::default())
    }

    fn text(s: &str, f: &Figure) -> String {
        let toks = tokenize(s, 0);
        s[toks[f.first].start..toks[f.last - 1].end].to_string()
    }

    #[test]
    fn amounts_with_scale_and_currency() {
        let s = "Il fatturato ha raggiunto i 12,5 miliardi di euro, contro $ 3 milioni.";
        let f = figs(s);
        assert_eq!(f.len(), 2);
        assert_eq!(text(s, &f[0]), "12,5 miliardi di euro");
        assert_eq!(f[0].kind, FigureKind::Amount);
        assert_eq!(f[0].unit.as_deref(), Some("EUR"));
        assert_eq!(f[0].value, Some(Interval::exact(12_500_000_000.0)));
        assert_eq!(text(s, &f[1]), "$ 3 milioni");
        assert_eq!(f[1].unit.as_deref(), Some("USD"));
    }

    #[test]
    fn qualifiers_change_the_interval() {
        let s = "Hanno partecipato oltre 200 persone, quasi un terzo degli iscritti, circa cento volontari.";
        let f = figs(s);
        assert_eq!(text(s, &f[0]), "oltre 200 persone");
        let v = f[0].value.unwrap();
        assert!(!v.contains(200.0) && v.contains(200.5) && v.max.is_none());
        assert_eq!(text(s, &f[1]), "quasi un terzo");
        assert!(f[1].value.unwrap().contains(0.32) && !f[1].value.unwrap().contains(1.0 / 3.0));
        assert_eq!(text(s, &f[2]), "circa cento volontari");
        assert!(f[2].value.unwrap().contains(95.0) && f[2].value.unwrap().contains(105.0));
    }

    #[test]
    fn verbal_qualifier_and_negation() {
        let s = "Le vendite non hanno superato i 50 milioni di euro.";
        let f = figs(s);
        assert_eq!(text(s, &f[0]), "50 milioni di euro");
        assert_eq!(f[0].qualifier, Some(Qualifier::AtMost));
        assert!(f[0].negated);
        let s = "Il debito ha superato i 3.000 miliardi di euro.";
        let f = figs(s);
        assert_eq!(f[0].qualifier, Some(Qualifier::Over));
        assert_eq!(f[0].stated, Some(3e12));
        // Over an adverb.
        for s in [
            "L'adesione ha superato in media l'80%.",
            "I contagi hanno già superato i 200.",
        ] {
            let f = figs(s);
            assert_eq!(f[0].qualifier, Some(Qualifier::Over), "{s}");
        }
        // An adverb alone qualifies nothing.
        let f = figs("La quota è in media l'80%.");
        assert_eq!(f[0].qualifier, None);
    }

    #[test]
    fn percentages_and_changes() {
        let s = "L'inflazione è salita del 2,3 per cento, con un calo del 5% dei consumi; più del 40% dei giovani.";
        let f = figs(s);
        // The change words are part of the figure: they carry its sign.
        assert_eq!(text(s, &f[0]), "è salita del 2,3 per cento");
        assert!(f[0].change, "salita del 2,3%: risen by");
        assert_eq!(f[0].stated, Some(2.3));
        assert_eq!(text(s, &f[1]), "un calo del 5%");
        assert!(f[1].change);
        assert_eq!(f[1].stated, Some(-5.0), "a fall is negative");
        assert_eq!(f[1].value, Some(Interval::exact(-5.0)));
        assert_eq!(text(s, &f[2]), "più del 40%");
        assert_eq!(f[2].qualifier, Some(Qualifier::Over));
        assert!(!f[2].change);
    }

    #[test]
    fn signs_falls_and_differences() {
        let s = "Il titolo cede -4,3%, il greggio +2,1%; il saldo è di meno 1.200 posti e il biglietto costa 3 euro in meno, il pieno 12 euro in più.";
        let f = figs(s);
        let got: Vec<(String, Option<f64>, bool)> =
            f.iter().map(|x| (text(s, x), x.stated, x.change)).collect();
        assert_eq!(
            got,
            vec![
                ("-4,3%".to_string(), Some(-4.3), true),
                ("+2,1%".to_string(), Some(2.1), true),
                ("meno 1.200 posti".to_string(), Some(-1200.0), true),
                ("3 euro in meno".to_string(), Some(-3.0), true),
                ("12 euro in più".to_string(), Some(12.0), true),
            ]
        );
        // A hyphen inside a name is no sign.
        assert!(figs("il Covid-19 e la A-4").is_empty());
    }

    #[test]
    fn temperatures_cents_and_one_counted() {
        let s = "Minime di -8°C e meno 5 gradi, massime di 3 °C; il gasolio cala di 5 centesimi. Un morto e una sola linea attiva, un incontro a Roma.";
        let f = figs(s);
        let got: Vec<(String, FigureKind, Option<&str>, Option<f64>)> = f
            .iter()
            .map(|x| (text(s, x), x.kind, x.unit.as_deref(), x.stated))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "-8°C".to_string(),
                    FigureKind::Number,
                    Some("°C"),
                    Some(-8.0)
                ),
                (
                    "meno 5 gradi".to_string(),
                    FigureKind::Number,
                    Some("°C"),
                    Some(-5.0)
                ),
                (
                    "3 °C".to_string(),
                    FigureKind::Number,
                    Some("°C"),
                    Some(3.0)
                ),
                (
                    "cala di 5 centesimi".to_string(),
                    FigureKind::Amount,
                    Some("EUR"),
                    Some(-0.05)
                ),
                (
                    "Un morto".to_string(),
                    FigureKind::Count,
                    Some("morto"),
                    Some(1.0)
                ),
                (
                    "una sola linea attiva".to_string(),
                    FigureKind::Count,
                    Some("linea attiva"),
                    Some(1.0)
                ),
            ]
        );
    }

    #[test]
    fn counts_ordinals_multipliers() {
        let s = "Il ministro è stato in Francia 7 volte per il quinto anno consecutivo; i costi sono raddoppiati.";
        let f = figs(s);
        assert_eq!(text(s, &f[0]), "7 volte");
        assert_eq!(f[0].unit.as_deref(), Some("volte"));
        assert_eq!(text(s, &f[1]), "quinto anno consecutivo");
        assert_eq!(f[1].kind, FigureKind::Ordinal);
        assert_eq!(f[2].kind, FigureKind::Multiplier);
        assert_eq!(f[2].stated, Some(2.0));
    }

    #[test]
    fn ranges_and_vague_counts() {
        let s = "tra 20 e 30 euro, decine di migliaia, una ventina di sindaci";
        let f = figs(s);
        assert_eq!(text(s, &f[0]), "tra 20 e 30 euro");
        assert_eq!(f[0].value, Some(Interval::closed(20.0, 30.0)));
        assert_eq!(f[1].kind, FigureKind::Count);
        assert_eq!(text(s, &f[2]), "una ventina");
        assert_eq!(f[2].unit.as_deref(), Some("sindaci"));
    }

    #[test]
    fn names_with_numbers_are_not_figures() {
        assert!(figs("il vertice del G20 e il Covid-19").is_empty());
        assert!(figs("un incontro").is_empty());
    }

    #[test]
    fn temperature_scales_angles_and_squares() {
        let units = |s: &str| -> Vec<(String, Option<String>, Option<f64>)> {
            figs(s)
                .iter()
                .map(|f| (text(s, f), f.unit.clone(), f.stated))
                .collect()
        };
        let s = "A Phoenix 110 gradi fahrenheit, cioè 43 celsius; il reattore a 300 kelvin.";
        let u = units(s);
        assert_eq!(u[0].1.as_deref(), Some("°F"));
        assert_eq!(u[0].0, "110 gradi fahrenheit");
        assert_eq!(u[1].1.as_deref(), Some("°C"));
        assert_eq!(u[2].1.as_deref(), Some("K"));
        let s = "La gru ha ruotato di 90 gradi, con un'inclinazione di 15 gradi.";
        assert!(units(s).iter().all(|x| x.1.as_deref() == Some("°")));
        let s = "Un appartamento di 85 metri quadri e una cisterna di 40 metri cubi.";
        let u = units(s);
        assert_eq!(u[0].1.as_deref(), Some("metri quadri"));
        assert_eq!(u[1].1.as_deref(), Some("metri cubi"));
        // "gradi" alone stays Celsius, the scale of Italian weather news.
        assert_eq!(
            units("Punte di 38 gradi a Foggia.")[0].1.as_deref(),
            Some("°C")
        );
    }

    /// (text, stated value, unit) of each figure in `s`.
    fn units(s: &str) -> Vec<(String, f64, String)> {
        figs(s)
            .iter()
            .map(|f| {
                (
                    text(s, f),
                    f.stated.unwrap_or(f64::NAN),
                    f.unit.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_scale_counts_the_noun_after_di() {
        assert_eq!(
            units("Sono arrivati 2,5 milioni di turisti e 1 miliardo di litri d'acqua."),
            vec![
                (
                    "2,5 milioni di turisti".into(),
                    2_500_000.0,
                    "turisti".into()
                ),
                ("1 miliardo di litri".into(), 1e9, "litri".into()),
            ]
        );
    }

    #[test]
    fn unit_symbols_glued_squared_and_speeds() {
        assert_eq!(
            units("Una bottiglia da 50cl, un tubo da 20mm e un parco di 35 km2."),
            vec![
                ("50cl".into(), 50.0, "cl".into()),
                ("20mm".into(), 20.0, "mm".into()),
                ("35 km2".into(), 35.0, "km2".into()),
            ]
        );
        assert_eq!(
            units("Il treno viaggiava a 300 chilometri all'ora."),
            vec![(
                "300 chilometri all'ora".into(),
                300.0,
                "chilometri all'ora".into()
            )]
        );
        // Glued to a letter the number is a name's, and "5G" no grams.
        assert_eq!(units("La rete 5G")[0].2, "");
    }

    #[test]
    fn a_written_fraction_of_a_unit() {
        assert_eq!(
            units("Il corteo ha percorso 3/4 di miglio."),
            vec![("3/4 di miglio".into(), 0.75, "miglio".into())]
        );
        assert_eq!(
            units("un processore a 64-bit")[0],
            ("64-bit".into(), 64.0, "bit".into())
        );
    }
}
