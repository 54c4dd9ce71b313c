//! Units the text gives away from the number.
//!
//! - **The counted noun after a copula**: `Sono almeno cinque le vittime`,
//!   `salgono a 44 le scosse`, `restano 12 i dispersi` — Italian news puts
//!   the noun after the number and its article; the number counts it. Or
//!   before it, the number ending the clause: `i morti sono 22`.
//! - **The currency of the story**: `una manovra da 30 miliardi`, `vale
//!   circa 30 miliardi`. A bare number with a scale of millions or more,
//!   counting nothing, is money when its sentence, or else its article,
//!   gives its amounts in one currency. The figure says so in its note.
//!
//! Both walks are bounded: a fixed window around each figure, and one pass
//! over the article's figures.

use super::number::scale_word;
use super::{Figure, FigureKind};
use crate::token::{Tok, TokKind};

/// Verbs that put a count before its noun (`sono cinque le vittime`).
const COPULAS: &[&str] = &[
    "sono",
    "erano",
    "saranno",
    "sarebbero",
    "salgono",
    "saliti",
    "salite",
    "sale",
    "arrivano",
    "arrivati",
    "arrivate",
    "scendono",
    "scesi",
    "scese",
    "restano",
    "rimangono",
    "risultano",
    "ammontano",
];

/// How many tokens before a number its copula may stand (`sono almeno`,
/// `sono saliti a`).
const COPULA_WINDOW: usize = 3;

/// Counts whose noun follows them after a plural article, in one block's
/// figures (block-local token indices).
pub(crate) fn counted_after_copula(toks: &[Tok], found: &mut [Figure]) {
    for f in found.iter_mut().filter(|f| countable(f)) {
        let (Some(art), Some(noun)) = (toks.get(f.last), toks.get(f.last + 1)) else {
            continue;
        };
        if !is_plural_article(art) || !is_plain_word(noun) {
            continue;
        }
        let Some(w) = noun_word(noun) else {
            continue;
        };
        let from = f.first.saturating_sub(COPULA_WINDOW);
        if !toks[from..f.first].iter().any(|t| t.is_any(COPULAS)) {
            continue;
        }
        f.kind = FigureKind::Count;
        f.unit = Some(w.to_string());
    }
    counted_before_copula(toks, found);
}

/// Counts whose noun comes first, with its article, before the copula,
/// and the number ends the clause: `i morti sono 22`, `le vittime sono
/// salite a 22.` — the number counts that noun.
fn counted_before_copula(toks: &[Tok], found: &mut [Figure]) {
    for f in found.iter_mut().filter(|f| countable(f)) {
        // The clause ends with the number.
        if toks
            .get(f.last)
            .is_some_and(|t| !(t.kind == TokKind::Punct && t.is_any(&[".", ",", ";", ":"])))
        {
            continue;
        }
        // The copula within a few tokens before, then the noun and its
        // plural article right before the copula.
        let from = f.first.saturating_sub(COPULA_WINDOW);
        let Some(c) = (from..f.first).find(|&k| toks[k].is_any(COPULAS)) else {
            continue;
        };
        // `le vittime sono`, or with one word after the noun (`le persone
        // evacuate sono`): the noun is the word after the article.
        let plural = |k: usize| is_plural_article(&toks[k]);
        let word = |k: usize| is_plain_word(&toks[k]);
        let noun = if c >= 2 && plural(c - 2) && word(c - 1) {
            &toks[c - 1]
        } else if c >= 3 && plural(c - 3) && word(c - 2) && word(c - 1) {
            &toks[c - 2]
        } else {
            continue;
        };
        let Some(w) = noun_word(noun) else {
            continue;
        };
        f.kind = FigureKind::Count;
        f.unit = Some(w.to_string());
    }
}

/// A bare whole number of at least one, counting nothing yet: what a
/// copula's noun may count.
fn countable(f: &Figure) -> bool {
    f.kind == FigureKind::Number
        && f.unit.is_none()
        && f.first < f.last
        && f.stated.is_some_and(|v| v >= 1.0 && v.fract() == 0.0)
}

fn is_plural_article(t: &Tok) -> bool {
    t.is_any(&["i", "le", "gli"])
}

/// A word in lower case (a noun or adjective, not a name).
fn is_plain_word(t: &Tok) -> bool {
    t.kind == TokKind::Word && !t.cap
}

/// The folded word of a counted noun: three letters at least, no stop
/// word.
fn noun_word(t: &Tok) -> Option<&str> {
    let w = t.norm.as_str();
    (w.chars().count() >= 3 && !crate::lexicon::lexicons().is_stop(w)).then_some(w)
}

/// How many figures back [`elided_scale`] looks for the amount whose
/// scale and unit `altri 1,9` leaves out.
const ELIDED_BACK: usize = 3;

/// `spenderanno 2,7 miliardi di euro, mentre il cenone ne varrà altri
/// 1,9`: a bare number after `altri`, `altre` or `ulteriori` is more of
/// the amount before it in its sentence (at most [`ELIDED_BACK`] figures
/// back), in its scale and unit. Article token indices.
pub(crate) fn elided_scale(tokens: &[Tok], figures: &mut [Figure]) {
    for k in 0..figures.len() {
        let f = &figures[k];
        if f.kind != FigureKind::Number || f.unit.is_some() || f.first == 0 {
            continue;
        }
        let Some(stated) = f.stated.filter(|v| *v > 0.0 && *v < 1000.0) else {
            continue;
        };
        if !tokens[f.first - 1].is_any(&["altri", "altre", "ulteriori"]) {
            continue;
        }
        let own_scale = tokens
            .get(f.first..f.last)
            .unwrap_or_default()
            .iter()
            .any(|t| scale_word(&t.norm).is_some());
        if own_scale {
            continue;
        }
        let sentence = f.sentence;
        let before = figures[k.saturating_sub(ELIDED_BACK)..k]
            .iter()
            .rev()
            .take_while(|g| g.sentence == sentence)
            .find_map(|g| {
                let scale = tokens
                    .get(g.first..g.last)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|t| scale_word(&t.norm))?;
                (g.kind == FigureKind::Amount).then(|| (scale, g.unit.clone(), g.text.clone()))
            });
        let Some((scale, unit, text)) = before else {
            continue;
        };
        let factor = 10f64.powi(scale);
        let f = &mut figures[k];
        f.kind = FigureKind::Amount;
        f.unit = unit;
        f.value = f.value.map(|v| super::Interval {
            min: v.min.map(|x| x * factor),
            max: v.max.map(|x| x * factor),
            ..v
        });
        f.stated = Some(stated * factor);
        f.precision = f.precision.map(|p| p * factor);
        f.note = Some(format!("more of \"{text}\": its scale and unit"));
    }
}

/// Bare numbers in millions or more (`30 miliardi`) take the currency of
/// their sentence's amounts, or else of the article's when all of them are
/// in one currency. Article token indices.
pub(crate) fn implied_currency(tokens: &[Tok], figures: &mut [Figure]) {
    let currency = |f: &Figure| {
        (f.kind == FigureKind::Amount && !f.boilerplate)
            .then(|| f.unit.clone())
            .flatten()
    };
    let mut article: Option<String> = None;
    let mut one_currency = true;
    for f in figures.iter() {
        if let Some(c) = currency(f) {
            match &article {
                Some(a) if *a != c => one_currency = false,
                Some(_) => {}
                None => article = Some(c),
            }
        }
    }
    let article = article.filter(|_| one_currency);
    // The currency of each sentence's amounts (the first one written),
    // in one pass: figures are in text order.
    let mut by_sentence: Vec<(usize, String)> = Vec::new();
    for f in figures.iter() {
        if let Some(c) = currency(f) {
            if by_sentence.last().is_none_or(|(s, _)| *s != f.sentence) {
                by_sentence.push((f.sentence, c));
            }
        }
    }
    for f in figures.iter_mut() {
        if f.kind != FigureKind::Number || f.unit.is_some() || f.last == 0 {
            continue;
        }
        // The scale may be followed by the figure's own words (`1,3
        // miliardi in più`).
        let scaled = tokens
            .get(f.first..f.last)
            .unwrap_or_default()
            .iter()
            .any(|t| scale_word(&t.norm).is_some_and(|k| k >= 6));
        // `1,6 miliardi ($ 2,54 miliardi)`: the brackets convert it from
        // a currency the text does not name.
        let converted = tokens.get(f.last).is_some_and(|t| t.is("("));
        if !scaled || converted {
            continue;
        }
        let own = by_sentence
            .binary_search_by_key(&f.sentence, |(s, _)| *s)
            .ok()
            .map(|k| by_sentence[k].1.clone());
        let Some(c) = own.or_else(|| article.clone()) else {
            continue;
        };
        let note = format!("currency implied by the article's amounts ({c})");
        f.note = Some(match f.note.take() {
            Some(n) => format!("{n}; {note}"),
            None => note,
        });
        f.kind = FigureKind::Amount;
        f.unit = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::figures::{extract_text, Figure, FigureKind};

    fn fig<'a>(all: &'a [Figure], text: &str) -> &'a Figure {
        all.iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("no figure {text:?} in {all:#?}"))
    }

    #[test]
    fn the_noun_after_a_copula_is_counted() {
        let all = extract_text(
            "Sono almeno cinque le vittime degli incendi. Salgono a 44 le scosse registrate.",
            None,
        );
        let f = fig(&all, "almeno cinque");
        assert_eq!(f.kind, FigureKind::Count);
        assert_eq!(f.unit.as_deref(), Some("vittime"));
        assert_eq!(fig(&all, "44").unit.as_deref(), Some("scosse"));
        // Not without a copula, not a name, not a singular article.
        let all = extract_text(
            "Il gruppo ha vinto 3 le Mans. Nel 2024 erano 5 Le Monde e altri. È salito a 7 il numero.",
            None,
        );
        assert!(all.iter().all(|f| f.kind != FigureKind::Count), "{all:#?}");
    }

    #[test]
    fn a_bare_sum_takes_the_currency_of_its_story() {
        let all = extract_text(
            "La manovra vale 30 miliardi. Il taglio costa 18 miliardi di euro.",
            None,
        );
        let f = fig(&all, "30 miliardi");
        assert_eq!(f.kind, FigureKind::Amount);
        assert_eq!(f.unit.as_deref(), Some("EUR"));
        assert!(f.note.as_deref().is_some_and(|n| n.contains("implied")));
        // Two currencies and none in its sentence: no guess; nor for
        // thousands (often people) or a number counting something.
        let all = extract_text(
            "Il piano vale 30 miliardi. Costa 5 milioni di euro e 3 milioni di dollari. Erano 100mila.",
            None,
        );
        assert_eq!(fig(&all, "30 miliardi").kind, FigureKind::Number);
        assert_eq!(fig(&all, "100mila").kind, FigureKind::Number);
        let all = extract_text(
            "Il disavanzo è di 1,6 miliardi ($ 2,54 miliardi) nel trimestre.",
            None,
        );
        assert_eq!(fig(&all, "1,6 miliardi").kind, FigureKind::Number);
        // The scale followed by the figure's own words.
        let all = extract_text(
            "Il bonus vale 1000 euro. Alla sanità vanno 1,3 miliardi in più.",
            None,
        );
        let f = fig(&all, "1,3 miliardi in più");
        assert_eq!(
            (f.kind, f.unit.as_deref()),
            (FigureKind::Amount, Some("EUR"))
        );
        let all = extract_text("Servono 2 milioni di euro: 3 milioni di persone.", None);
        assert_eq!(fig(&all, "3 milioni di persone").kind, FigureKind::Count);
    }
}
