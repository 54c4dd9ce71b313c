//! Dates, periods and times of day in Italian (and English-style dates
//! inside Italian text), each resolved to a [`DayRange`].
//!
//! Absolute forms (`4 febbraio 2026`, `nel marzo 2013`, `nel 2019`,
//! `May 18, 2026`, `07.03.2001`, `tra il 2017 e il 2024`, `2024-2025`,
//! `anni '70`) need nothing else. Relative forms (`quest'anno`, `lo scorso 9
//! dicembre`, `questa mattina`, `ieri`, `nel primo trimestre`,
//! `nell'ultimo decennio`, `dal 19 al 20 maggio`) are resolved against the
//! reference date (the article's own) and marked `relative`; without one
//! they keep `time: None` and a note says why.

use super::lexicon::ARTICLES;
use super::number::Reader;
use super::{Figure, FigureKind, Qualifier};
use crate::date::{days_in_month, Date, DayRange};
use crate::token::{Tok, TokKind};

/// Month number of a month name or abbreviation (Italian or English).
/// Abbreviations are accepted only where `abbrev` is true.
pub fn month_of(w: &str, abbrev: bool) -> Option<u32> {
    let full = match w {
        "gennaio" | "january" => 1,
        "febbraio" | "february" => 2,
        "marzo" | "march" => 3,
        "aprile" | "april" => 4,
        "maggio" | "may" => 5,
        "giugno" | "june" => 6,
        "luglio" | "july" => 7,
        "agosto" | "august" => 8,
        "settembre" | "september" => 9,
        "ottobre" | "october" => 10,
        "novembre" | "november" => 11,
        "dicembre" | "december" => 12,
        _ => 0,
    };
    if full > 0 {
        return Some(full);
    }
    if !abbrev {
        return None;
    }
    Some(match w {
        "gen" | "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "mag" => 5,
        "giu" | "jun" => 6,
        "lug" | "jul" => 7,
        "ago" | "aug" => 8,
        "set" | "sett" | "sep" | "sept" => 9,
        "ott" | "oct" => 10,
        "nov" => 11,
        "dic" | "dec" => 12,
        _ => return None,
    })
}

/// Day of the week (0 = Monday) of a weekday name or abbreviation.
fn weekday_of(w: &str) -> Option<u32> {
    Some(match w {
        "lunedi" | "lun" => 0,
        "martedi" => 1,
        "mercoledi" | "mer" => 2,
        "giovedi" | "gio" => 3,
        "venerdi" | "ven" => 4,
        "sabato" | "sab" => 5,
        "domenica" | "dom" => 6,
        _ => return None,
    })
}

/// Prepositions and articles that belong to a time expression's span.
const LEADS: &[&[&str]] = &[
    &["lo", "scorso"],
    &["la", "scorsa"],
    &["il", "prossimo"],
    &["la", "prossima"],
    &["entro", "il"],
    &["entro", "l'"],
    &["fino", "al"],
    &["fino", "all'"],
    &["a", "partire", "dalla"],
    &["a", "partire", "dal"],
    &["a", "partire", "dall'"],
    &["nel", "corso", "del"],
    &["nel", "mese", "di"],
    &["il", "mese", "di"],
    &["all'"],
    &["alla"],
    &["per", "il"],
    &["per", "la"],
    &["verso", "la"],
    &["entro", "la"],
    &["nel"],
    &["nell'"],
    &["nei"],
    &["negli"],
    &["il"],
    &["l'"],
    &["dal"],
    &["dall'"],
    &["dalla"],
    &["dell'"],
    &["d'"],
    &["a"],
    &["ad"],
    &["in"],
    &["entro"],
    &["scorso"],
    &["scorsa"],
    &["prossimo"],
    &["prossima"],
];

/// How a lead word shifts or bounds what follows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lead {
    Plain,
    Past,
    Next,
    Since,
    Until,
}

fn lead_kind(words: &[&str]) -> Lead {
    if words.contains(&"scorso") || words.contains(&"scorsa") {
        Lead::Past
    } else if words.contains(&"prossimo") || words.contains(&"prossima") {
        Lead::Next
    } else if words.contains(&"dal") || words.contains(&"dall'") || words.contains(&"partire") {
        Lead::Since
    } else if words.contains(&"entro") || words.contains(&"fino") {
        Lead::Until
    } else {
        Lead::Plain
    }
}

struct Ctx<'a> {
    toks: &'a [Tok],
    src: &'a str,
    reference: Option<Date>,
    numbers: &'a Reader,
}

/// A date part read at a position.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    day: Option<u32>,
    month: Option<u32>,
    year: Option<i32>,
    weekday: Option<u32>,
    last: usize,
}

impl Ctx<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(w))
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.norm == p)
    }

    /// A year after `i`, past one of the marks `punct` and then, when
    /// `linked`, a `del`/`di` (`, 2026`, `. del 2026`, `di 2026`).
    fn year_after(&self, i: usize, punct: &[&str], linked: bool) -> Option<(i32, usize)> {
        let mut k = i;
        if punct.iter().any(|p| self.is_punct(k, p)) {
            k += 1;
        }
        if linked && (self.is(k, "del") || self.is(k, "di")) {
            k += 1;
        }
        self.year_at(k)
    }

    /// A year: four digits 1000–2199, or a number in words in that range.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Digits => {
                if t.norm.len() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
                    let y: i32 = t.norm.parse().ok()?;
                    // A year is not followed by a scale word or a percent.
                    let next = self.tok(i + 1);
                    let unit_after = next.is_some_and(|n| {
                        n.kind == TokKind::Symbol || super::number::scale_word(&n.norm).is_some()
                    });
                    if (1000..=2199).contains(&y) && !unit_after {
                        return Some((y, i + 1));
                    }
                }
                None
            }
            TokKind::Word => {
                let n = self.numbers.read(self.toks, i)?;
                let y = n.value;
                if !n.ordinal && y.fract() == 0.0 && (1000.0..=2199.0).contains(&y) {
                    Some((y as i32, n.last))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A day of the month: 1–31 in digits (optionally `1°`) or words.
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Digits => {
                if t.norm.len() > 2 || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let d: u32 = t.norm.parse().ok()?;
                if !(1..=31).contains(&d) {
                    return None;
                }
                let mut next = i + 1;
                if self
                    .tok(next)
                    .is_some_and(|n| !n.space_before && n.is_any(&["°", "º"]))
                {
                    next += 1;
                }
                Some((d, next))
            }
            TokKind::Word => {
                if t.is("primo") {
                    return Some((1, i + 1));
                }
                let n = self.numbers.read(self.toks, i)?;
                let d = n.value;
                if n.ordinal || n.article_one || d.fract() != 0.0 || !(1.0..=31.0).contains(&d) {
                    return None;
                }
                Some((d as u32, n.last))
            }
            _ => None,
        }
    }

    /// A month name at `i` (abbreviations only when `abbrev`), with an
    /// optional abbreviation dot.
    fn month_at(&self, i: usize, abbrev: bool) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let m = month_of(&t.norm, abbrev)?;
        let mut next = i + 1;
        let is_abbrev = month_of(&t.norm, false).is_none();
        if is_abbrev && self.is_punct(next, ".") {
            next += 1;
        }
        Some((m, next))
    }

    /// `[weekday[,]] day month [,] [del|di] [year]`
    fn day_month_year(&self, i: usize) -> Option<Parts> {
        let mut p = Parts::default();
        let mut j = i;
        if let Some(w) = self.tok(j).and_then(|t| weekday_of(&t.norm)) {
            p.weekday = Some(w);
            j += 1;
            if self.is_punct(j, ",") {
                j += 1;
            }
        }
        if p.weekday.is_some() {
            if let Some(mut q) = self.month_day_year(j) {
                q.weekday = p.weekday;
                return Some(q);
            }
        }
        let (d, after_day) = self.day_at(j)?;
        let mut k = after_day;
        if self.is_punct(k, "-") || self.is(k, "di") || self.is_punct(k, ".") {
            k += 1;
        }
        let (m, after_month) = self.month_at(k, true)?;
        p.day = Some(d);
        p.month = Some(m);
        p.last = after_month;
        if let Some((y, after_year)) = self.year_after(after_month, &[",", "."], true) {
            p.year = Some(y);
            p.last = after_year;
        }
        Some(p)
    }

    /// English order: `May 18, 2026`, `Maggio 18, 2026`, `Ottobre 22`.
    fn month_day_year(&self, i: usize) -> Option<Parts> {
        let (m, after_month) = self.month_at(i, true)?;
        let (d, after_day) = self.day_at(after_month)?;
        // "maggio 2026" is month-year, not day 20.
        if self
            .tok(after_month)
            .is_some_and(|t| t.kind == TokKind::Digits && t.norm.len() == 4)
        {
            return None;
        }
        let mut p = Parts {
            day: Some(d),
            month: Some(m),
            last: after_day,
            ..Parts::default()
        };
        if let Some((y, after_year)) = self.year_after(after_day, &[","], false) {
            p.year = Some(y);
            p.last = after_year;
        }
        Some(p)
    }

    /// `month [,] [del|di] year`
    fn month_year(&self, i: usize) -> Option<Parts> {
        let (m, after_month) = self.month_at(i, true)?;
        let (y, last) = self.year_after(after_month, &[","], true)?;
        Some(Parts {
            month: Some(m),
            year: Some(y),
            last,
            ..Parts::default()
        })
    }

    /// Three parts joined by `/` or `-` where one is a month name:
    /// `23/set/2020`, `set-23-2020`, `2020/set/23`.
    fn mixed_date(&self, i: usize) -> Option<Parts> {
        let a = self.tok(i)?;
        let s1 = self
            .tok(i + 1)
            .filter(|t| (t.norm == "/" || t.norm == "-") && !t.space_before)?;
        let b = self.tok(i + 2).filter(|t| !t.space_before)?;
        // The second separator must be the first one again.
        self.tok(i + 3)
            .filter(|t| t.norm == s1.norm && !t.space_before)?;
        let c = self.tok(i + 4).filter(|t| !t.space_before)?;
        let parts = [a, b, c];
        let month_pos = parts
            .iter()
            .position(|t| t.kind == TokKind::Word && month_of(&t.norm, true).is_some())?;
        let m = month_of(&parts[month_pos].norm, true)?;
        let nums: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != month_pos)
            .map(|(_, t)| t.norm.as_str())
            .collect();
        if !nums.iter().all(|n| n.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let (y, d) = if nums[0].len() == 4 {
            (nums[0], nums[1])
        } else {
            (nums[1], nums[0])
        };
        let (y, d): (i32, u32) = (y.parse().ok()?, d.parse().ok()?);
        Date::from_ymd(y, m, d)?;
        Some(Parts {
            day: Some(d),
            month: Some(m),
            year: Some(y),
            weekday: None,
            last: i + 5,
        })
    }

    /// Numeric dates: `21/04/2016`, `07.03.2001`, `2015/08/12`, `2025-12-25`.
    fn numeric_date(&self, i: usize) -> Option<Parts> {
        if let Some(p) = self.mixed_date(i) {
            return Some(p);
        }
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits {
            return None;
        }
        // One token with dots: 07.03.2001
        let dotted: Vec<&str> = t.norm.split('.').collect();
        if dotted.len() == 3 && t.norm.split(',').count() == 1 {
            if let Some(p) = dmy(dotted[0], dotted[1], dotted[2]) {
                return Some(Parts { last: i + 1, ..p });
            }
        }
        // Tokens: a / b / c or a - b - c
        let sep = self.tok(i + 1)?;
        if !(sep.norm == "/" || sep.norm == "-") || sep.space_before {
            return None;
        }
        let b = self
            .tok(i + 2)
            .filter(|b| b.is_digits() && !b.space_before)?;
        let third = self
            .tok(i + 3)
            .filter(|s| s.norm == sep.norm && !s.space_before)
            .and(self.tok(i + 4))
            .filter(|c| c.is_digits() && !c.space_before);
        if let Some(c) = third {
            let p = if t.norm.len() == 4 {
                ymd(&t.norm, &b.norm, &c.norm)
            } else {
                dmy(&t.norm, &b.norm, &c.norm)
            }?;
            return Some(Parts { last: i + 5, ..p });
        }
        // Two parts: 2015-3, 3/2015 (month and year), 22/04, 4/22 (day and month).
        let (a, bn) = (&t.norm, &b.norm);
        let (x, y): (u32, u32) = (a.parse().ok()?, bn.parse().ok()?);
        if a.len() == 4 && bn.len() <= 2 && (1..=12).contains(&y) {
            return Some(Parts {
                month: Some(y),
                year: Some(x as i32),
                last: i + 3,
                ..Parts::default()
            });
        }
        if bn.len() == 4 && a.len() <= 2 && (1..=12).contains(&x) {
            return Some(Parts {
                month: Some(x),
                year: Some(y as i32),
                last: i + 3,
                ..Parts::default()
            });
        }
        if a.len() <= 2 && bn.len() <= 2 && sep.norm == "/" {
            let (d, m) = if y > 12 && x <= 12 { (y, x) } else { (x, y) };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(Parts {
                    day: Some(d),
                    month: Some(m),
                    last: i + 3,
                    ..Parts::default()
                });
            }
        }
        None
    }
}

fn dmy(a: &str, b: &str, c: &str) -> Option<Parts> {
    if a.len() > 2 || b.len() > 2 || !(c.len() == 2 || c.len() == 4) {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let mut y: i32 = c.parse().ok()?;
    if c.len() == 2 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    // Italian order; American when the second part cannot be a month.
    let (d, m) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    Date::from_ymd(y, m, d)?;
    Some(Parts {
        day: Some(d),
        month: Some(m),
        year: Some(y),
        ..Parts::default()
    })
}

fn ymd(a: &str, b: &str, c: &str) -> Option<Parts> {
    let (y, m, d): (i32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    Date::from_ymd(y, m, d)?;
    Some(Parts {
        day: Some(d),
        month: Some(m),
        year: Some(y),
        ..Parts::default()
    })
}

/// The occurrence of month/day nearest to `reference` in the direction
/// `lead` asks for (same year for a plain date).
fn resolve_day(month: u32, day: u32, reference: Date, lead: Lead) -> Option<Date> {
    if month == 2 && day == 29 {
        // The leap day: the nearest leap year, looking back first.
        let y = (0..8)
            .flat_map(|k| [reference.year - k, reference.year + k])
            .find(|y| {
                crate::date::is_leap(*y) && {
                    let d = Date::from_ymd(*y, 2, 29);
                    match lead {
                        Lead::Past => d.is_some_and(|d| d <= reference),
                        Lead::Next => d.is_some_and(|d| d >= reference),
                        _ => true,
                    }
                }
            })?;
        return Date::from_ymd(y, 2, 29);
    }
    let mut y = reference.year;
    let mut candidate = Date::from_ymd(y, month, day.min(days_in_month(y, month)))?;
    match lead {
        Lead::Past => {
            while candidate > reference {
                y -= 1;
                candidate = Date::from_ymd(y, month, day.min(days_in_month(y, month)))?;
            }
        }
        Lead::Next => {
            while candidate < reference {
                y += 1;
                candidate = Date::from_ymd(y, month, day.min(days_in_month(y, month)))?;
            }
        }
        _ => {}
    }
    Some(candidate)
}

/// The range a set of date parts covers, with a reference for what is
/// missing. Returns (range, relative).
fn parts_range(p: &Parts, reference: Option<Date>, lead: Lead) -> Option<(DayRange, bool)> {
    match (p.year, p.month, p.day) {
        (Some(y), Some(m), Some(d)) => Some((DayRange::day(Date::from_ymd(y, m, d)?), false)),
        (Some(y), Some(m), None) => Some((DayRange::month(y, m)?, false)),
        (Some(y), None, None) => Some((DayRange::year(y)?, false)),
        (None, Some(m), Some(d)) => {
            let r = reference?;
            Some((DayRange::day(resolve_day(m, d, r, lead)?), true))
        }
        (None, Some(m), None) => {
            let r = reference?;
            let mut y = r.year;
            match lead {
                Lead::Past if m >= r.month => y -= 1,
                Lead::Next if m <= r.month => y += 1,
                _ => {}
            }
            Some((DayRange::month(y, m)?, true))
        }
        _ => None,
    }
}

/// Finds every time figure in a block's tokens.
pub fn find(toks: &[Tok], src: &str, reference: Option<Date>, numbers: &Reader) -> Vec<Figure> {
    let cx = Ctx {
        toks,
        src,
        reference,
        numbers,
    };
    // Which tokens can begin the core of a time expression, computed once:
    // a lead word (`nel`, `il`, `a partire dal`) is tried only when one of
    // the next few tokens can.
    let starts: Vec<bool> = (0..toks.len()).map(|i| cx.core_starter(i)).collect();
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let lead = || {
            let reach = lead_reach(&toks[i].norm);
            reach > 0
                && starts[i + 1..toks.len().min(i + 1 + reach)]
                    .iter()
                    .any(|&s| s)
        };
        if !(starts[i] || lead()) {
            i += 1;
            continue;
        }
        match cx.match_at(i) {
            Some(f) if f.last > i => {
                i = f.last;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}

/// How far after a word the core of a time expression may start when the
/// word leads it: the first words of [`LEADS`] (up to three words, `a
/// partire dal`), and the prepositions a named period may begin with (`del
/// prossimo mese`, two at most); 0 for any other word.
fn lead_reach(w: &str) -> usize {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, usize> = [
            "di", "del", "della", "dell'", "dello", "il", "lo", "la", "l'", "nel", "nella", "nell'",
        ]
        .into_iter()
        .map(|w| (w, 2))
        .collect();
        for l in LEADS {
            let e = m.entry(l[0]).or_insert(0);
            *e = (*e).max(l.len() + 2);
        }
        m
    });
    map.get(w).copied().unwrap_or(0)
}

/// [`STARTERS`] as a set.
fn is_starter(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STARTERS.iter().copied().collect())
        .contains(w)
}

/// Words that may begin a time expression (besides digits, month and
/// weekday names and number words): a cheap filter before the grammar.
const STARTERS: &[&str] = &[
    "oggi",
    "ieri",
    "domani",
    "dopodomani",
    "altroieri",
    "l'altroieri",
    "altro",
    "stamattina",
    "stamani",
    "stamane",
    "stasera",
    "stanotte",
    "questa",
    "questo",
    "quest'",
    "ultimo",
    "ultimi",
    "ultima",
    "ultime",
    "prossimo",
    "prossimi",
    "prossima",
    "prossime",
    "scorso",
    "scorsa",
    "anni",
    "anno",
    "mese",
    "settimana",
    "weekend",
    "giorno",
    "giornata",
    "inizio",
    "fine",
    "meta",
    "resto",
    "primo",
    "prima",
    "secondo",
    "seconda",
    "terzo",
    "terza",
    "quarto",
    "quarta",
    "quinto",
    "quinta",
    "tra",
    "fra",
    "da",
    "pochi",
    "qualche",
    "alcuni",
    "diversi",
    "vari",
    "molti",
    "estate",
    "inverno",
    "primavera",
    "autunno",
    "alle",
    "ore",
    "dalle",
];

impl Ctx<'_> {
    /// True if the core of a time expression may start at token `i` (a
    /// number, a month, a weekday or a deictic word; leads are tried by
    /// [`find`] when one of these follows).
    fn core_starter(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokKind::Digits => true,
            TokKind::Word => {
                let w = t.norm.as_str();
                is_starter(w)
                    || month_of(w, true).is_some()
                    || weekday_of(w).is_some()
                    || self.numbers.word_value(w).is_some()
            }
            _ => false,
        }
    }

    /// The longest time expression starting at token `i` (its lead words,
    /// `nel`, `lo scorso`, are taken from before `i` by the caller's scan:
    /// a lead is matched when the scan reaches it).
    fn match_at(&self, i: usize) -> Option<Figure> {
        // Try every lead that starts at i, longest first, then no lead.
        let mut best: Option<Figure> = None;
        let mut consider = |f: Option<Figure>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.last > b.last) {
                    best = Some(f);
                }
            }
        };
        for lead in LEADS {
            let n = lead.len();
            if i + n > self.toks.len() {
                continue;
            }
            if self.toks[i..i + n]
                .iter()
                .zip(lead.iter())
                .all(|(t, w)| t.is(w))
            {
                consider(self.core(i + n, i, lead_kind(lead)));
            }
        }
        consider(self.core(i, i, Lead::Plain));
        best
    }

    /// A time expression whose words start at `j`, whose span starts at
    /// `span_start` (the lead, if any).
    fn core(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        self.tok(j)?;
        let mut best: Option<Figure> = None;
        let mut keep = |f: Option<Figure>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.last > b.last) {
                    best = Some(f);
                }
            }
        };
        keep(self.range_expr(j, span_start, lead));
        keep(self.single_date(j, span_start, lead));
        keep(self.relative_expr(j, span_start, lead));
        keep(self.quarter(j, span_start));
        keep(self.decade(j, span_start));
        keep(self.season(j, span_start, lead));
        keep(self.clock_time(j, span_start));
        keep(self.compound(j, span_start));
        best
    }

    fn found_range(
        &self,
        kind: FigureKind,
        first: usize,
        last: usize,
        range: Option<(DayRange, bool)>,
        needs_reference: bool,
    ) -> Figure {
        let mut f = Figure::new(kind, first, last);
        match range {
            Some((r, relative)) => {
                f.time = Some(r);
                f.relative = relative;
                if relative {
                    f.note = Some("resolved against the article's date".into());
                }
            }
            None if needs_reference => {
                f.relative = true;
                f.note = Some("relative time: the article's date is unknown".into());
            }
            None => {}
        }
        f
    }

    /// A single day, month or year.
    fn single_date(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let has_lead = span_start != j;
        let parts = self
            .numeric_date(j)
            .filter(|p| p.year.is_some() || has_lead || p.day > p.month)
            .or_else(|| self.day_month_year(j))
            .or_else(|| self.month_day_year(j))
            .or_else(|| self.month_year(j))
            .or_else(|| self.bare_month(j, span_start != j))
            .or_else(|| self.bare_year(j, span_start != j))
            .or_else(|| self.weekday_day(j))
            .or_else(|| self.bare_day(j, span_start != j));
        let p = parts?;
        // "di quest'anno" after a day and month: the reference year.
        let mut p = p;
        let mut last = p.last;
        if p.year.is_none() && p.month.is_some() {
            if let Some((y, after)) = self.this_year_suffix(last) {
                p.year = y;
                last = after;
            }
        }
        let needs_ref = p.year.is_none();
        let mut range = parts_range(&p, self.reference, lead);
        if p.year.is_some() && p.month.is_none() && lead == Lead::Since {
            // "dal 2013": from then to the article's date.
            if let (Some((r, _)), Some(reference)) = (range, self.reference) {
                if r.start <= reference {
                    range = Some((DayRange::new(r.start, reference), true));
                    let mut f =
                        self.found_range(FigureKind::Period, span_start, last, range, false);
                    f.note = Some("from the stated year to the article's date".into());
                    return Some(f);
                }
            }
        }
        if p.year.is_none() && p.month.is_some() && self.reference.is_some() && range.is_some() {
            // resolved, relative
        }
        let mut f = self.found_range(FigureKind::Date, span_start, last, range, needs_ref);
        if p.year.is_some() && needs_ref {
            f.relative = false;
        }
        if lead == Lead::Until {
            f.qualifier = Some(Qualifier::AtMost);
            f.qualifier_text = Some("entro".into());
        }
        if let (Some(w), Some((r, _))) = (p.weekday, range) {
            if r.len_days() == 1 && r.start.weekday() != w {
                f.note = Some("the weekday does not match the date".into());
            }
        }
        Some(f)
    }

    /// `di quest'anno`, `dell'anno in corso`, `di questo anno`: (year, next).
    fn this_year_suffix(&self, i: usize) -> Option<(Option<i32>, usize)> {
        let r = self.reference;
        let y = r.map(|d| d.year);
        if self.is(i, "di") && self.is(i + 1, "quest'") && self.is(i + 2, "anno") {
            return Some((y, i + 3));
        }
        if self.is(i, "di") && self.is(i + 1, "questo") && self.is(i + 2, "anno") {
            return Some((y, i + 3));
        }
        if self.is(i, "dell'")
            && self.is(i + 1, "anno")
            && self.is(i + 2, "in")
            && self.is(i + 3, "corso")
        {
            return Some((y, i + 4));
        }
        if self.is(i, "dello") && self.is(i + 1, "scorso") && self.is(i + 2, "anno") {
            return Some((y.map(|y| y - 1), i + 3));
        }
        if self.is(i, "dell'") && self.is(i + 1, "anno") && self.is(i + 2, "scorso") {
            return Some((y.map(|y| y - 1), i + 3));
        }
        None
    }

    /// `Giovedì 21`, `sabato due`: a weekday and a day of the month, in the
    /// month around the reference date where they agree.
    fn weekday_day(&self, j: usize) -> Option<Parts> {
        let wd = weekday_of(self.w(j)).filter(|_| self.w(j).len() > 3)?;
        let (d, last) = self.day_at(j + 1)?;
        if self
            .tok(last)
            .is_some_and(|t| month_of(&t.norm, true).is_some())
        {
            return None;
        }
        let r = self.reference?;
        let found = [0, 1, -1, 2, -2].iter().find_map(|&shift| {
            let m = r.add_months(shift);
            Date::from_ymd(m.year, m.month, d).filter(|x| x.weekday() == wd)
        })?;
        Some(Parts {
            day: Some(found.day),
            month: Some(found.month),
            year: Some(found.year),
            weekday: Some(wd),
            last,
        })
    }

    /// `il 15`, `per il ventidue`: a day of the reference month, only after
    /// a lead and before nothing that would make it a quantity.
    fn bare_day(&self, j: usize, has_lead: bool) -> Option<Parts> {
        if !has_lead
            || !self
                .tok(j.wrapping_sub(1))
                .is_some_and(|t| t.is_any(&["il", "l'"]))
        {
            return None;
        }
        let t = self.tok(j)?;
        let (d, last) = self.day_at(j)?;
        if t.kind == TokKind::Digits && self.tok(j + 1).is_some_and(|n| n.is_any(&["°", "º"])) {
            return None;
        }
        let ends = self.tok(last).is_none_or(|n| {
            n.kind == TokKind::Punct && n.norm != "/" && n.norm != "-"
                || n.is_any(&["con", "e", "o", "alle", "ma", "quando", "per"])
                    && !self.is(last + 1, "cento")
        });
        if !ends {
            return None;
        }
        let r = self.reference;
        Some(Parts {
            day: Some(d),
            month: r.map(|r| r.month),
            year: None,
            last,
            ..Parts::default()
        })
    }

    /// A full month name after a preposition (`a maggio`, `nel marzo`).
    fn bare_month(&self, j: usize, has_lead: bool) -> Option<Parts> {
        if !has_lead {
            return None;
        }
        let capital = self.tok(j).is_some_and(|t| t.is_capitalized(self.src));
        let (m, last) = self.month_at(j, capital)?;
        let abbreviated = month_of(self.w(j), false).is_none();
        let name_follows = self
            .tok(last)
            .is_some_and(|t| t.kind == TokKind::Word && t.is_capitalized(self.src));
        if abbreviated && name_follows {
            return None; // "nel Mar Cinese"
        }
        Some(Parts {
            month: Some(m),
            last,
            ..Parts::default()
        })
    }

    /// A year on its own: after a lead always; bare only when nothing
    /// counted follows it.
    fn bare_year(&self, j: usize, has_lead: bool) -> Option<Parts> {
        let t = self.tok(j)?;
        let (y, last) = self.year_at(j)?;
        if t.kind == TokKind::Word && !has_lead {
            return None;
        }
        let after_copyright = j > 0 && self.toks[j - 1].norm == "©";
        if !has_lead && !after_copyright {
            // "1.000" is not a year; "2025 persone" is a count.
            let next = self.tok(last);
            let counted = next.is_some_and(|n| {
                n.kind == TokKind::Word
                    && !super::lexicon::is_function_word(&n.norm)
                    && n.norm.chars().all(|c| c.is_lowercase() || c == '\'')
                    && month_of(&n.norm, false).is_none()
            });
            if counted {
                return None;
            }
        }
        Some(Parts {
            year: Some(y),
            last,
            ..Parts::default()
        })
    }

    /// Ranges: `dal 19 al 20 maggio`, `tra il 2017 e il 2024`, `2024-2025`,
    /// `dal 4 settembre all'8 settembre`, `19-20 novembre`, `da gennaio ad
    /// aprile`, `da oggi fino a domenica`.
    fn range_expr(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        // Opening words.
        let (open_end, opened) = if lead == Lead::Since {
            (j, true)
        } else if self.is(j, "tra") || self.is(j, "fra") {
            let k = if self.tok(j + 1).is_some_and(|t| t.is_any(ARTICLES)) {
                j + 2
            } else {
                j + 1
            };
            (k, true)
        } else if self.is(j, "da") {
            (j + 1, true)
        } else {
            (j, false)
        };
        let left = self.endpoint(open_end, opened)?;
        let mut k = left.last();
        // Separator.
        let sep_words: &[&[&str]] = if opened {
            &[
                &["fino", "al"],
                &["fino", "all'"],
                &["fino", "alla"],
                &["fino", "a"],
                &["al"],
                &["all'"],
                &["alla"],
                &["ad"],
                &["a"],
                &["e", "il"],
                &["e", "l'"],
                &["e"],
                &["-"],
                &["/"],
            ]
        } else {
            &[&["-"], &["/"]]
        };
        let mut matched = false;
        for sep in sep_words {
            let n = sep.len();
            if k + n <= self.toks.len()
                && self.toks[k..k + n]
                    .iter()
                    .zip(sep.iter())
                    .all(|(t, w)| t.norm == *w)
            {
                k += n;
                matched = true;
                break;
            }
        }
        if !matched {
            return None;
        }
        let right = self.endpoint(k, true)?;
        let (l, r) = match (left, right) {
            (End::Parts(l), End::Parts(r)) => (l, r),
            (a, b) => {
                // Relative endpoints: resolve each side on its own.
                let last = b.last();
                let ra = a.resolve(self.reference)?;
                let mut rb = b.resolve(self.reference)?;
                if let End::Parts(p) = &b {
                    if rb.0.end < ra.0.start && p.year.is_none() {
                        if let (Some(m), Some(d)) = (p.month, p.day) {
                            rb = (
                                DayRange::day(resolve_day(m, d, ra.0.start, Lead::Next)?),
                                true,
                            );
                        }
                    }
                }
                if ra.0.start > rb.0.end {
                    return None;
                }
                let mut f = self.found_range(
                    FigureKind::Period,
                    span_start,
                    last,
                    Some((ra.0.span(rb.0), ra.1 || rb.1)),
                    true,
                );
                f.qualifier = Some(Qualifier::Range);
                return Some(f);
            }
        };
        // Unopened dashes join only like with like (2024-2025, 19-20 maggio).
        let like = l.day.is_some() && r.day.is_some()
            || l.year.is_some() && r.year.is_some() && l.day.is_none() && l.month.is_none();
        if !opened && !like {
            return None;
        }
        let mut last = r.last;
        let mut l = l;
        let mut r = r;
        // What the right side leaves to a suffix: "di set", "questo mese".
        if r.day.is_some() && r.month.is_none() {
            let k = if self.is(last, "di") { last + 1 } else { last };
            if let Some((m, after)) = self.month_at(k, true) {
                r.month = Some(m);
                last = after;
                if let Some((y, after_year)) = self.year_at(after) {
                    r.year = Some(y);
                    last = after_year;
                }
            }
        }
        if r.day.is_some() && r.month.is_none() {
            if let Some((range, Unit::Month, _, after)) = self.period_spec(last, false) {
                r.month = Some(range.start.month);
                r.year = Some(range.start.year);
                last = after;
            }
        }
        // Fill what the left side leaves out from the right side.
        if l.month.is_none() && l.day.is_some() {
            l.month = r.month;
        }
        if l.year.is_none() && (l.month.is_some() || l.day.is_some()) {
            l.year = r.year;
        }
        if r.year.is_none() && r.month.is_some() {
            if let Some((y, after)) = self.this_year_suffix(last) {
                r.year = y;
                l.year = l.year.or(y);
                last = after;
            }
        }
        if l.day.is_some() && l.month.is_none() || r.day.is_some() && r.month.is_none() {
            return None;
        }
        let needs_ref = l.year.is_none() || r.year.is_none();
        let a = parts_range(&l, self.reference, Lead::Plain);
        let b = parts_range(&r, self.reference, Lead::Plain);
        let range = match (a, b) {
            (Some((a, ra)), Some((b, rb))) if a.start <= b.end => Some((a.span(b), ra || rb)),
            _ => None,
        };
        if range.is_none() && !needs_ref {
            return None;
        }
        let mut f = self.found_range(FigureKind::Period, span_start, last, range, needs_ref);
        f.qualifier = Some(Qualifier::Range);
        Some(f)
    }

    /// One side of a range: date parts, or a relative day (`oggi`,
    /// `domenica prossima`).
    fn endpoint(&self, i: usize, opened: bool) -> Option<End> {
        if let Some(p) = self.date_part(i) {
            return Some(End::Parts(p));
        }
        if !opened {
            return None;
        }
        let capital = self.tok(i).is_some_and(|t| t.is_capitalized(self.src));
        if let Some((m, last)) = self.month_at(i, capital) {
            return Some(End::Parts(Parts {
                month: Some(m),
                last,
                ..Parts::default()
            }));
        }
        let rel = self
            .relative_expr(i, i, Lead::Plain)
            .or_else(|| self.relative_expr(i + 1, i, lead_kind(&[self.w(i)])))
            .or_else(|| self.compound(i, i))?;
        Some(End::Figure(Box::new(rel)))
    }

    /// One side of a range: a day (with optional month/year), a month with
    /// a year, or a year.
    fn date_part(&self, i: usize) -> Option<Parts> {
        if let Some(p) = self.numeric_date(i) {
            return Some(p);
        }
        if let Some(p) = self.weekday_day(i) {
            return Some(p);
        }
        if let Some(p) = self.day_month_year(i) {
            return Some(p);
        }
        if let Some(p) = self.month_day_year(i) {
            return Some(p);
        }
        if let Some(p) = self.month_year(i) {
            return Some(p);
        }
        if let Some((y, last)) = self.year_at(i) {
            if self.tok(i).is_some_and(|t| t.kind == TokKind::Digits) {
                return Some(Parts {
                    year: Some(y),
                    last,
                    ..Parts::default()
                });
            }
        }
        if let Some((d, last)) = self.day_at(i) {
            if self.tok(i).is_some_and(|t| t.kind == TokKind::Digits) {
                return Some(Parts {
                    day: Some(d),
                    last,
                    ..Parts::default()
                });
            }
        }
        None
    }

    /// Quarters and semesters: `nel primo trimestre [del 2025 | di quest'anno]`.
    fn quarter(&self, j: usize, span_start: usize) -> Option<Figure> {
        let ord = match self.tok(j)?.norm.as_str() {
            "primo" | "prima" => 1,
            "secondo" | "seconda" => 2,
            "terzo" | "terza" => 3,
            "quarto" | "quarta" => 4,
            "ultimo" | "ultima" => 0,
            _ => return None,
        };
        let (months, count) = match self.tok(j + 1)?.norm.as_str() {
            "trimestre" => (3, 4),
            "semestre" => (6, 2),
            "quadrimestre" => (4, 3),
            "bimestre" => (2, 6),
            "meta" => (6, 2),
            _ => return None,
        };
        let ord = if ord == 0 { count } else { ord };
        if ord > count {
            return None;
        }
        let mut last = j + 2;
        let mut year = None;
        let mut relative = true;
        if let Some((y, after)) = self.this_year_suffix(last) {
            year = y;
            last = after;
        } else if (self.is(last, "del") || self.is(last, "dell'") || self.is(last, "di"))
            && self.year_at(last + 1).is_some()
        {
            let (y, after) = self.year_at(last + 1)?;
            year = Some(y);
            relative = false;
            last = after;
        } else {
            year = year.or(self.reference.map(|r| r.year));
        }
        let first_month = (ord - 1) * months + 1;
        let range = year.and_then(|y| DayRange::months(y, first_month, first_month + months - 1));
        let mut f = self.found_range(
            FigureKind::Period,
            span_start,
            last,
            range.map(|r| (r, relative)),
            relative,
        );
        if relative && range.is_some() {
            f.note = Some("year taken from the article's date".into());
        }
        Some(f)
    }

    /// Decades: `anni '70`, `anni settanta`, `anni 2000`.
    fn decade(&self, j: usize, span_start: usize) -> Option<Figure> {
        if !self.is(j, "anni") {
            return None;
        }
        let mut k = j + 1;
        if self.is_punct(k, "'") {
            k += 1;
        }
        let t = self.tok(k)?;
        let start = match t.kind {
            TokKind::Digits => {
                let v: i32 = t.norm.parse().ok()?;
                match (t.norm.len(), v) {
                    (2, v) if v % 10 == 0 => 1900 + v,
                    (4, v) if v % 10 == 0 && (1000..=2190).contains(&v) => v,
                    _ => return None,
                }
            }
            TokKind::Word => {
                let v = match t.norm.as_str() {
                    "venti" => 1920,
                    "trenta" => 1930,
                    "quaranta" => 1940,
                    "cinquanta" => 1950,
                    "sessanta" => 1960,
                    "settanta" => 1970,
                    "ottanta" => 1980,
                    "novanta" => 1990,
                    "duemila" => 2000,
                    _ => {
                        let n = self.numbers.read(self.toks, k)?;
                        let v = n.value as i32;
                        if n.value.fract() == 0.0 && v % 10 == 0 && (1000..=2190).contains(&v) {
                            v
                        } else {
                            return None;
                        }
                    }
                };
                v
            }
            _ => return None,
        };
        let last = if t.kind == TokKind::Word {
            self.numbers
                .read(self.toks, k)
                .map_or(k + 1, |n| n.last.max(k + 1))
        } else {
            k + 1
        };
        let range = DayRange::year(start)
            .zip(DayRange::year(start + 9))
            .map(|(a, b)| (a.span(b), false));
        Some(self.found_range(FigureKind::Period, span_start, last, range, false))
    }

    /// Seasons: `questa estate`, `l'estate 2016`, `la primavera del 1978`.
    fn season(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let mut k = j;
        let mut shift = 0;
        if self.is(k, "questa") || self.is(k, "quest'") {
            k += 1;
        } else if self.is(k, "scorsa") {
            shift = -1;
            k += 1;
        } else if self.is(k, "prossima") {
            shift = 1;
            k += 1;
        }
        match lead {
            Lead::Past => shift = -1,
            Lead::Next => shift = 1,
            _ => {}
        }
        let (m0, m1) = match self.tok(k)?.norm.as_str() {
            "primavera" => (3, 5),
            "estate" => (6, 8),
            "autunno" => (9, 11),
            "inverno" => (12, 14),
            _ => return None,
        };
        let mut last = k + 1;
        let mut year = None;
        if let Some((y, after)) = self.year_after(last, &[], true) {
            year = Some(y);
            last = after;
        }
        let relative = year.is_none();
        let year = year.or_else(|| self.reference.map(|r| r.year + shift));
        // A season needs a year or a clear deictic to be a time figure.
        if relative && k == j && span_start == j {
            return None;
        }
        let range = year.and_then(|y| {
            let start = DayRange::month(y, m0)?.start;
            let end = if m1 > 12 {
                DayRange::month(y + 1, m1 - 12)?.end
            } else {
                DayRange::month(y, m1)?.end
            };
            Some((DayRange::new(start, end), relative))
        });
        Some(self.found_range(FigureKind::Period, span_start, last, range, relative))
    }

    /// `alle 15:30`, `alle ore 9`, `ore 15.30`.
    fn clock_time(&self, j: usize, span_start: usize) -> Option<Figure> {
        let mut k = j;
        let lead = self
            .tok(k)
            .is_some_and(|t| t.is_any(&["alle", "ore", "dalle"]));
        if !lead && span_start == j {
            // A bare 15:30.
            let (h, m, last) = self.hh_mm(k, true)?;
            let mut f = Figure::new(FigureKind::Time, span_start, last);
            f.clock = Some(format!("{h:02}:{m:02}"));
            return Some(f);
        }
        if self.is(k, "alle") || self.is(k, "dalle") {
            k += 1;
        }
        if self.is(k, "ore") {
            k += 1;
        }
        let (h, m, last) = self.hh_mm(k, false)?;
        if k == j {
            return None;
        }
        let mut f = Figure::new(FigureKind::Time, span_start, last);
        f.clock = Some(format!("{h:02}:{m:02}"));
        Some(f)
    }

    fn hh_mm(&self, k: usize, need_minutes: bool) -> Option<(u32, u32, usize)> {
        let t = self.tok(k)?;
        if t.kind != TokKind::Digits {
            return None;
        }
        // "15.30" is one token; only after "alle"/"ore" is it a time.
        if let Some((a, b)) = t.norm.split_once('.') {
            if need_minutes {
                return None;
            }
            let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            return (h < 24 && m < 60 && b.len() == 2).then_some((h, m, k + 1));
        }
        let h: u32 = t.norm.parse().ok()?;
        if h >= 24 || t.norm.len() > 2 {
            return None;
        }
        if self.is_punct(k + 1, ":") {
            let mt = self
                .tok(k + 2)
                .filter(|m| m.is_digits() && m.norm.len() == 2)?;
            let m: u32 = mt.norm.parse().ok()?;
            return (m < 60).then_some((h, m, k + 3));
        }
        (!need_minutes).then_some((h, 0, k + 1))
    }

    /// Relative words and phrases.
    fn relative_expr(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let r = self.reference;
        let w = |i: usize| self.tok(i).map_or("", |t| t.norm.as_str());
        let day = |off: i64| r.map(|d| DayRange::day(d.add_days(off)));
        let mut part: Option<&str> = None;
        // (kind, last token, range)
        let (kind, last, range): (FigureKind, usize, Option<DayRange>) = match w(j) {
            "oggi" => (FigureKind::Date, j + 1, day(0)),
            "ieri" | "altroieri" | "l'altroieri" => {
                let off = if w(j) == "ieri" { -1 } else { -2 };
                match w(j + 1) {
                    "mattina" | "sera" | "pomeriggio" | "notte" => {
                        part = Some(w(j + 1));
                        (FigureKind::Time, j + 2, day(off))
                    }
                    _ => (FigureKind::Date, j + 1, day(off)),
                }
            }
            "domani" => match w(j + 1) {
                "mattina" | "sera" | "pomeriggio" => {
                    part = Some(w(j + 1));
                    (FigureKind::Time, j + 2, day(1))
                }
                _ => (FigureKind::Date, j + 1, day(1)),
            },
            "dopodomani" => (FigureKind::Date, j + 1, day(2)),
            "altro" if w(j + 1) == "ieri" => (FigureKind::Date, j + 2, day(-2)),
            "stamattina" | "stamani" | "stamane" => {
                part = Some("mattina");
                (FigureKind::Time, j + 1, day(0))
            }
            "stasera" => {
                part = Some("sera");
                (FigureKind::Time, j + 1, day(0))
            }
            "stanotte" => {
                part = Some("notte");
                (FigureKind::Time, j + 1, day(0))
            }
            "questa" | "questo" | "quest'" => match w(j + 1) {
                "mattina" | "mattinata" | "sera" | "serata" | "notte" | "pomeriggio" => {
                    part = Some(w(j + 1));
                    (FigureKind::Time, j + 2, day(0))
                }
                "anno" => (
                    FigureKind::Date,
                    j + 2,
                    r.and_then(|d| DayRange::year(d.year)),
                ),
                "mese" => (
                    FigureKind::Date,
                    j + 2,
                    r.and_then(|d| DayRange::month(d.year, d.month)),
                ),
                "settimana" => (FigureKind::Period, j + 2, r.map(week_of)),
                _ => return self.weekday_expr(j + 1, span_start, 0),
            },
            "anno" if lead != Lead::Plain || span_start < j => {
                // "lo scorso anno", "il prossimo anno", "l'anno scorso"
                let (shift, last) = match (lead, w(j + 1)) {
                    (Lead::Past, _) => (-1, j + 1),
                    (Lead::Next, _) => (1, j + 1),
                    (_, "scorso" | "passato" | "precedente") => (-1, j + 2),
                    (_, "prossimo" | "successivo") => (1, j + 2),
                    (_, "in") if w(j + 2) == "corso" => (0, j + 3),
                    _ => return None,
                };
                (
                    FigureKind::Date,
                    last,
                    r.and_then(|d| DayRange::year(d.year + shift)),
                )
            }
            "mese" if lead != Lead::Plain || span_start < j => {
                let (shift, last) = match (lead, w(j + 1)) {
                    (Lead::Past, _) => (-1, j + 1),
                    (Lead::Next, _) => (1, j + 1),
                    (_, "scorso" | "passato") => (-1, j + 2),
                    (_, "prossimo") => (1, j + 2),
                    _ => return None,
                };
                let m = r.map(|d| d.add_months(shift));
                (
                    FigureKind::Date,
                    last,
                    m.and_then(|d| DayRange::month(d.year, d.month)),
                )
            }
            "settimana" if lead != Lead::Plain || span_start < j => {
                let (shift, last) = match (lead, w(j + 1)) {
                    (Lead::Past, _) => (-7, j + 1),
                    (Lead::Next, _) => (7, j + 1),
                    (_, "scorsa" | "passata") => (-7, j + 2),
                    (_, "prossima") => (7, j + 2),
                    _ => return None,
                };
                (
                    FigureKind::Period,
                    last,
                    r.map(|d| week_of(d.add_days(shift))),
                )
            }
            "ultimo" | "ultimi" | "ultima" | "ultime" | "prossimi" | "prossime" | "prossimo"
            | "prossima" => {
                return self.last_n(j, span_start);
            }
            "giornata" if span_start < j => (FigureKind::Date, j + 1, day(0)),
            "giorno"
                if span_start < j && matches!(w(j + 1), "dopo" | "seguente" | "successivo") =>
            {
                (FigureKind::Date, j + 2, day(1))
            }
            "giorno" if span_start < j && matches!(w(j + 1), "prima" | "precedente") => {
                (FigureKind::Date, j + 2, day(-1))
            }
            "diversi" | "vari" | "molti"
                if matches!(w(j + 2), "passati" | "scorsi" | "precedenti") =>
            {
                let unit = match w(j + 1) {
                    "giorni" => 1,
                    "mesi" => 30,
                    "anni" => 365,
                    "settimane" => 7,
                    _ => return None,
                };
                let mut f = Figure::new(FigureKind::Period, span_start, j + 3);
                f.relative = true;
                f.qualifier = Some(Qualifier::About);
                f.time = r.map(|d| DayRange::new(d.add_days(-5 * unit), d.add_days(-1)));
                f.note = Some("vague period: length assumed".into());
                return Some(f);
            }
            "pochi" | "qualche" | "alcuni" => {
                let unit = w(j + 1);
                if w(j + 2) != "fa" {
                    return None;
                }
                let (lo, hi) = match unit {
                    "giorni" | "giorno" => (7, 1),
                    "settimane" | "settimana" => (30, 7),
                    "mesi" | "mese" => (180, 30),
                    "anni" | "anno" => (365 * 5, 365),
                    _ => return None,
                };
                let mut f = Figure::new(FigureKind::Period, span_start, j + 3);
                f.relative = true;
                f.qualifier = Some(Qualifier::About);
                match r {
                    Some(d) => {
                        f.time = Some(DayRange::new(d.add_days(-lo), d.add_days(-hi)));
                        f.note = Some("vague: resolved against the article's date".into());
                    }
                    None => f.note = Some("relative time: the article's date is unknown".into()),
                }
                return Some(f);
            }
            _ => {
                if let Some(f) = self.ago(j, span_start) {
                    return Some(f);
                }
                if let Some(f) = self.n_units_past(j, span_start) {
                    return Some(f);
                }
                if lead == Lead::Past || lead == Lead::Next || span_start == j {
                    let shift = match lead {
                        Lead::Past => -1,
                        Lead::Next => 1,
                        _ => 0,
                    };
                    return self.weekday_expr(j, span_start, shift);
                }
                return None;
            }
        };
        let mut f = Figure::new(kind, span_start, last);
        f.relative = true;
        f.clock = part.map(|p| part_of_day(p).to_string());
        match range {
            Some(r) => {
                f.time = Some(r);
                f.note = Some("resolved against the article's date".into());
            }
            None => f.note = Some("relative time: the article's date is unknown".into()),
        }
        Some(f)
    }

    /// `lunedì`, `lunedì scorso`, `questo venerdì`: the nearest such day
    /// (before the reference unless `shift` is positive).
    fn weekday_expr(&self, j: usize, span_start: usize, shift: i32) -> Option<Figure> {
        let wd = weekday_of(&self.tok(j)?.norm)?;
        // Bare abbreviations are too ambiguous ("mer", "dom").
        if self.tok(j)?.norm.len() <= 3 {
            return None;
        }
        let mut last = j + 1;
        let mut shift = shift;
        match self.tok(last).map(|t| t.norm.as_str()) {
            Some("scorso" | "scorsa") => {
                shift = -1;
                last += 1;
            }
            Some("prossimo" | "prossima") => {
                shift = 1;
                last += 1;
            }
            _ => {}
        }
        let mut f = Figure::new(FigureKind::Date, span_start, last);
        f.relative = true;
        match self.reference {
            Some(r) => {
                let today = r.weekday() as i64;
                let target = wd as i64;
                let d = if shift > 0 {
                    let mut off = (target - today).rem_euclid(7);
                    if off == 0 {
                        off = 7;
                    }
                    r.add_days(off)
                } else {
                    let mut off = (today - target).rem_euclid(7);
                    if off == 0 && shift < 0 {
                        off = 7;
                    }
                    r.add_days(-off)
                };
                f.time = Some(DayRange::day(d));
                f.note = Some("weekday resolved against the article's date".into());
            }
            None => f.note = Some("relative time: the article's date is unknown".into()),
        }
        Some(f)
    }

    /// `tre giorni fa`, `2 anni fa`, `1 mese e 21 giorni fa`, `due giorni
    /// dopo`, `tra due settimane da adesso`, `4 settimane in futuro`.
    fn ago(&self, j: usize, span_start: usize) -> Option<Figure> {
        let mut k = j;
        let prefixed = self.is(k, "tra") || self.is(k, "fra") || self.is(k, "a");
        if prefixed {
            k += 1;
        }
        // (days, months) offsets and the coarsest unit named.
        let mut days: i64 = 0;
        let mut months: i32 = 0;
        let mut units = 0;
        let mut coarse = 0u8; // 1 day, 2 week, 3 month, 4 year
                              // "1 anno, 2 mesi e 3 giorni fa": a few units at most. A longer
                              // chain is no date of the news, and stopping here keeps the scan
                              // linear when every token of a chain is tried as a start.
        while units < MAX_AGO_UNITS {
            let Some(n) = self.numbers.read(self.toks, k) else {
                break;
            };
            if n.ordinal
                || n.fraction
                || !(0.0..=10_000.0).contains(&n.value)
                || n.value.fract() != 0.0
            {
                break;
            }
            let v = n.value as i64;
            let (d, m, c) = match self.w(n.last) {
                "giorno" | "giorni" => (v, 0, 1),
                "settimana" | "settimane" => (7 * v, 0, 2),
                "mese" | "mesi" => (0, v as i32, 3),
                "anno" | "anni" => (0, 12 * v as i32, 4),
                _ => break,
            };
            days = days.saturating_add(d);
            months = months.saturating_add(m);
            units += 1;
            coarse = coarse.max(c);
            k = n.last + 1;
            if self.is(k, "e") && self.numbers.read(self.toks, k + 1).is_some() {
                k += 1;
            }
        }
        if units == 0 {
            return None;
        }
        let (sign, last) = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("fa", _, _) if !prefixed => (-1, k + 1),
            ("dopo", _, _) if !prefixed => (1, k + 1),
            ("in", "futuro", _) => (1, k + 2),
            ("da", "adesso" | "oggi" | "ora", _) => (1, k + 2),
            ("da", "questo", "momento") => (1, k + 3),
            _ => return None,
        };
        let mut f = Figure::new(FigureKind::Date, span_start, last);
        f.relative = true;
        f.time = self.reference.and_then(|r| {
            let d = r
                .checked_add_months(sign * months)?
                .checked_add_days(i64::from(sign) * days)?;
            if units > 1 || coarse <= 1 {
                Some(DayRange::day(d))
            } else {
                match coarse {
                    2 => Some(week_of(d)),
                    3 => DayRange::month(d.year, d.month),
                    _ => DayRange::year(d.year),
                }
            }
        });
        f.note = Some(match (f.time.is_some(), self.reference.is_some()) {
            (true, _) => "resolved against the article's date".into(),
            (false, true) => "the offset leaves the calendar (years 1 to 9999)".into(),
            (false, false) => "relative time: the article's date is unknown".into(),
        });
        Some(f)
    }

    /// `le 3 settimane precedenti`, `nei 2 decenni passati`.
    fn n_units_past(&self, j: usize, span_start: usize) -> Option<Figure> {
        let n = self.numbers.read(self.toks, j)?;
        if n.ordinal || n.fraction || n.value.fract() != 0.0 || !(1.0..=1000.0).contains(&n.value) {
            return None;
        }
        let unit_days: i64 = match self.w(n.last) {
            "giorni" => 1,
            "settimane" => 7,
            "mesi" => 30,
            "anni" => 365,
            "decenni" => 3652,
            _ => return None,
        };
        if !matches!(
            self.w(n.last + 1),
            "passati" | "passate" | "precedenti" | "scorsi" | "scorse"
        ) {
            return None;
        }
        let mut f = Figure::new(FigureKind::Period, span_start, n.last + 2);
        f.relative = true;
        f.time = self.reference.and_then(|r| {
            let from = r.checked_add_days((n.value as i64).saturating_mul(-unit_days))?;
            Some(DayRange::new(from, r.add_days(-1)))
        });
        f.note = Some("resolved against the article's date".into());
        Some(f)
    }

    /// `nell'ultimo decennio`, `negli ultimi dieci anni`, `nei prossimi 3 mesi`,
    /// `negli ultimi mesi`.
    fn last_n(&self, j: usize, span_start: usize) -> Option<Figure> {
        let future = self.tok(j)?.norm.starts_with("prossim");
        let singular = self.tok(j)?.is_any(&["prossimo", "prossima"]);
        if singular
            && self
                .tok(j + 1)
                .is_some_and(|t| t.is_any(&["anno", "mese", "settimana"]))
        {
            return None; // "il prossimo anno" is the next calendar year
        }
        let mut k = j + 1;
        let mut count: Option<f64> = Some(1.0);
        let mut vague = false;
        if let Some(n) = self.numbers.read(self.toks, k) {
            if !n.ordinal && !n.fraction {
                count = Some(n.value);
                k = n.last;
            }
        } else if self.tok(j)?.norm.ends_with('i') || self.tok(j)?.norm.ends_with('e') {
            // plural without a number: "negli ultimi mesi"
            count = None;
            vague = true;
        }
        let unit_days: i64 = match self.tok(k)?.norm.as_str() {
            "giorno" | "giorni" => 1,
            "settimana" | "settimane" => 7,
            "mese" | "mesi" => 30,
            "anno" | "anni" => 365,
            "decennio" | "decenni" => 3652,
            "secolo" | "secoli" => 36_524,
            _ => return None,
        };
        // The pattern needs a lead ("negli", "nei", "nell'") or plural form.
        if span_start == j && !vague && count == Some(1.0) {
            return None;
        }
        let n = count.unwrap_or(match unit_days {
            1 => 7.0,
            7 => 3.0,
            30 => 6.0,
            365 => 5.0,
            _ => 2.0,
        });
        // "gli ultimi 19 miliardi di anni" is no period of the news.
        if !(0.0..=10_000.0).contains(&n) {
            return None;
        }
        let mut f = Figure::new(FigureKind::Period, span_start, k + 1);
        f.relative = true;
        if vague {
            f.qualifier = Some(Qualifier::About);
        }
        f.time = self.reference.and_then(|r| {
            let span = (n * unit_days as f64).round() as i64;
            let exact_months = matches!(unit_days, 30 | 365 | 3652 | 36_524) && n.fract() == 0.0;
            let other = if exact_months {
                let months = match unit_days {
                    30 => n as i32,
                    365 => 12 * n as i32,
                    3652 => 120 * n as i32,
                    _ => 1200 * n as i32,
                };
                r.checked_add_months(if future { months } else { -months })?
            } else {
                r.checked_add_days(if future { span } else { -span })?
            };
            // The reference day itself belongs to neither side.
            Some(if future {
                DayRange::new(r.add_days(1), other)
            } else {
                DayRange::new(other, r.add_days(-1))
            })
        });
        f.note = Some(match (f.time.is_some(), vague) {
            (true, true) => {
                "vague period: length assumed, resolved against the article's date".into()
            }
            (true, false) => "resolved against the article's date".into(),
            (false, _) => "relative time: the article's date is unknown".into(),
        });
        Some(f)
    }
}

/// The most units a date of the form `N anni, M mesi e K giorni fa` joins.
const MAX_AGO_UNITS: usize = 4;

/// One side of a range.
enum End {
    Parts(Parts),
    Figure(Box<Figure>),
}

impl End {
    fn last(&self) -> usize {
        match self {
            End::Parts(p) => p.last,
            End::Figure(f) => f.last,
        }
    }

    fn resolve(&self, reference: Option<Date>) -> Option<(DayRange, bool)> {
        match self {
            End::Parts(p) => parts_range(p, reference, Lead::Plain),
            End::Figure(f) => f.time.map(|t| (t, true)),
        }
    }
}

/// The unit of a named period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Week,
    Weekend,
    Month,
    Year,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.norm.as_str())
    }

    /// A named period: `questo mese`, `la prossima settimana`, `l'anno
    /// scorso`, `luglio [2024]`, `2027`, `il weekend`. With `bare`, a unit
    /// word alone (`mese` in `fine mese`) means the current one.
    /// Returns (range, unit, relative, last).
    fn period_spec(&self, i: usize, bare: bool) -> Option<(DayRange, Unit, bool, usize)> {
        self.period_spec_at(i, bare, true)
    }

    /// [`Ctx::period_spec`]; a month name is read only when `months`, so
    /// that the year after a month (`luglio dell'anno scorso`) is read by
    /// one more call at most: the depth never depends on the text.
    fn period_spec_at(
        &self,
        i: usize,
        bare: bool,
        months: bool,
    ) -> Option<(DayRange, Unit, bool, usize)> {
        let mut k = i;
        let mut skipped = 0;
        while skipped < 2
            && self.tok(k).is_some_and(|t| {
                t.is_any(&[
                    "di", "del", "della", "dell'", "dello", "il", "lo", "la", "l'", "nel", "nella",
                    "nell'",
                ])
            })
        {
            k += 1;
            skipped += 1;
        }
        // Month name, with an optional year, maybe after questo/scorso/prossimo.
        let month_shift = match self.w(k) {
            "questo" => Some(Lead::Plain),
            "scorso" => Some(Lead::Past),
            "prossimo" => Some(Lead::Next),
            _ => None,
        };
        let mk = if month_shift.is_some() { k + 1 } else { k };
        let capital = self.tok(mk).is_some_and(|t| t.is_capitalized(self.src));
        let month = if months {
            self.month_at(mk, capital || month_shift.is_some())
        } else {
            None
        };
        if let Some((m, after)) = month {
            if let Some(lead) = month_shift {
                let r = self.reference?;
                let parts = Parts {
                    month: Some(m),
                    last: after,
                    ..Parts::default()
                };
                let (range, _) = parts_range(&parts, Some(r), lead)?;
                return Some((range, Unit::Month, true, after));
            }
            let k = mk;
            let followed_by_name = self
                .tok(after)
                .is_some_and(|t| t.is_capitalized(self.src) && t.kind == TokKind::Word);
            if month_of(self.w(k), false).is_none() && followed_by_name {
                return None; // "Mar Cinese"
            }
            let mut y_at = after;
            if self.is(y_at, "del") || self.is(y_at, "di") || self.is_punct(y_at, ",") {
                y_at += 1;
            }
            if let Some((y, last)) = self.year_at(y_at) {
                return Some((DayRange::month(y, m)?, Unit::Month, false, last));
            }
            if let Some((year, Unit::Year, rel, last)) = self.period_spec_at(after, false, false) {
                return Some((DayRange::month(year.start.year, m)?, Unit::Month, rel, last));
            }
            let r = self.reference?;
            return Some((DayRange::month(r.year, m)?, Unit::Month, true, after));
        }
        if let Some((y, last)) = self.year_at(k) {
            if self.tok(k).is_some_and(|t| t.kind == TokKind::Digits) || skipped > 0 {
                return Some((DayRange::year(y)?, Unit::Year, false, last));
            }
        }
        let mut shift: Option<i32> = match self.w(k) {
            "questo" | "questa" | "quest'" => Some(0),
            "prossimo" | "prossima" => Some(1),
            "scorso" | "scorsa" => Some(-1),
            _ => None,
        };
        let u_at = if shift.is_some() { k + 1 } else { k };
        let unit = match self.w(u_at) {
            "settimana" => Unit::Week,
            "weekend" => Unit::Weekend,
            "mese" => Unit::Month,
            "anno" => Unit::Year,
            "fine" if self.w(u_at + 1) == "settimana" && shift.is_some() => Unit::Weekend,
            _ => return None,
        };
        let mut last = if unit == Unit::Weekend && self.w(u_at) == "fine" {
            u_at + 2
        } else {
            u_at + 1
        };
        if shift.is_none() {
            shift = match (self.w(last), self.w(last + 1)) {
                ("prossimo" | "prossima", _) => {
                    last += 1;
                    Some(1)
                }
                ("scorso" | "scorsa" | "passato" | "passata", _) => {
                    last += 1;
                    Some(-1)
                }
                ("corrente", _) => {
                    last += 1;
                    Some(0)
                }
                ("in", "corso") => {
                    last += 2;
                    Some(0)
                }
                ("in", "arrivo") => {
                    last += 2;
                    Some(1)
                }
                _ if bare || unit == Unit::Weekend => Some(0),
                _ => None,
            };
        }
        let shift = shift?;
        let r = self.reference?;
        let range = match unit {
            Unit::Week => week_of(r.add_days(7 * i64::from(shift))),
            Unit::Weekend => {
                let w = week_of(r.add_days(7 * i64::from(shift)));
                DayRange::new(w.start.add_days(5), w.end)
            }
            Unit::Month => {
                let d = r.add_months(shift);
                DayRange::month(d.year, d.month)?
            }
            Unit::Year => DayRange::year(r.year + shift)?,
        };
        Some((range, unit, true, last))
    }

    /// Composite expressions: `all'inizio del prossimo anno`, `a fine mese`,
    /// `il primo venerdì di luglio`, `la terza settimana del 2027`, `venerdì
    /// della prossima settimana`, `il 20 del prossimo mese`, `questo weekend`.
    fn compound(&self, j: usize, span_start: usize) -> Option<Figure> {
        let r = self.reference;
        let relative_found = |kind, last, range: Option<DayRange>, relative: bool| {
            let mut f = Figure::new(kind, span_start, last);
            f.relative = relative;
            match range {
                Some(t) => {
                    f.time = Some(t);
                    if relative {
                        f.note = Some("resolved against the article's date".into());
                    }
                }
                None => f.note = Some("relative time: the article's date is unknown".into()),
            }
            f
        };
        // Part of a period.
        let part = match (self.w(j), self.w(j + 1)) {
            ("inizio", _) => Some((1, j + 1)),
            ("fine", _) if self.w(j + 1) != "settimana" || span_start < j => Some((3, j + 1)),
            ("meta", _) => Some((2, j + 1)),
            ("resto", _) => Some((4, j + 1)),
            _ => None,
        };
        if let Some((which, after)) = part {
            let (range, _, relative, last) = self.period_spec(after, true)?;
            let len = range.len_days();
            let third = (len / 3).max(1);
            let sub = match which {
                1 => DayRange::new(range.start, range.start.add_days(third - 1)),
                2 => DayRange::new(range.start.add_days(third), range.end.add_days(-third)),
                3 => DayRange::new(range.end.add_days(-(third - 1)), range.end),
                _ => {
                    let from = r
                        .filter(|d| range.start <= *d && *d <= range.end)
                        .unwrap_or(range.start);
                    DayRange::new(from, range.end)
                }
            };
            return Some(relative_found(
                FigureKind::Period,
                last,
                Some(sub),
                relative,
            ));
        }
        // nth weekday or week of a month or year.
        let nth = match self.w(j) {
            "primo" | "prima" => Some(1),
            "secondo" | "seconda" => Some(2),
            "terzo" | "terza" => Some(3),
            "quarto" | "quarta" => Some(4),
            "quinto" | "quinta" => Some(5),
            "ultimo" | "ultima" => Some(0),
            _ => None,
        };
        if let Some(n) = nth {
            let what = self.tok(j + 1)?;
            let weekday = weekday_of(&what.norm);
            let week = what.is("settimana");
            if weekday.is_none() && !week {
                return None;
            }
            let (outer, relative, last) = match self.period_spec(j + 2, false) {
                Some((range, Unit::Month | Unit::Year, rel, last)) => (range, rel, last),
                _ => {
                    let d = r?;
                    (DayRange::month(d.year, d.month)?, true, j + 2)
                }
            };
            let range = if let Some(wd) = weekday {
                let days: Vec<Date> = (0..outer.len_days())
                    .map(|k| outer.start.add_days(k))
                    .filter(|d| d.weekday() == wd)
                    .collect();
                let pick = if n == 0 { days.last() } else { days.get(n - 1) };
                pick.map(|d| DayRange::day(*d))
            } else {
                let first_monday = (0..7)
                    .map(|k| outer.start.add_days(k))
                    .find(|d| d.weekday() == 0)?;
                let weeks: Vec<DayRange> = (0..)
                    .map(|k| week_of(first_monday.add_days(7 * k)))
                    .take_while(|w| w.start <= outer.end)
                    .collect();
                let pick = if n == 0 {
                    weeks.last()
                } else {
                    weeks.get(n - 1)
                };
                pick.copied()
            };
            let kind = if weekday.is_some() {
                FigureKind::Date
            } else {
                FigureKind::Period
            };
            return Some(relative_found(kind, last, range, relative));
        }
        // weekday + of a week: "venerdì della prossima settimana"
        if let Some(wd) = weekday_of(self.w(j)).filter(|_| self.w(j).len() > 3) {
            if let Some((week, Unit::Week, rel, last)) = self.period_spec(j + 1, false) {
                if self.is(j + 1, "di") || self.is(j + 1, "della") || self.is(j + 1, "del") {
                    let d = (0..7)
                        .map(|k| week.start.add_days(k))
                        .find(|d| d.weekday() == wd);
                    return Some(relative_found(
                        FigureKind::Date,
                        last,
                        d.map(DayRange::day),
                        rel,
                    ));
                }
            }
        }
        // a week, then its weekday: "la prossima settimana, di domenica"
        if let Some((range, unit, rel, last)) = self.period_spec(j, false) {
            if unit == Unit::Week {
                let mut k = last;
                if self.is_punct(k, ",") {
                    k += 1;
                }
                if self.is(k, "di") || self.is(k, "il") {
                    k += 1;
                }
                if let Some(wd) = weekday_of(self.w(k)).filter(|_| self.w(k).len() > 3) {
                    let d = (0..7)
                        .map(|x| range.start.add_days(x))
                        .find(|d| d.weekday() == wd);
                    return Some(relative_found(
                        FigureKind::Date,
                        k + 1,
                        d.map(DayRange::day),
                        rel,
                    ));
                }
            }
            let deictic = self.tok(j).is_some_and(|t| {
                t.is_any(&[
                    "questo", "questa", "quest'", "prossimo", "prossima", "scorso", "scorsa",
                    "weekend",
                ])
            }) || span_start < j;
            // An absolute month or year alone is a date, found elsewhere.
            let absolute = matches!(unit, Unit::Year | Unit::Month) && !rel;
            if deictic && !absolute {
                let kind = if matches!(unit, Unit::Week | Unit::Weekend) {
                    FigureKind::Period
                } else {
                    FigureKind::Date
                };
                return Some(relative_found(kind, last, Some(range), rel));
            }
        }
        // day of a named month: "il 20 del prossimo mese", "il 31 di questo mese"
        if let Some((d, after)) = self.day_at(j) {
            if self.tok(j).is_some_and(|t| t.kind == TokKind::Digits) || span_start < j {
                if let Some((range, Unit::Month, rel, last)) = self.period_spec(after, false) {
                    let day = Date::from_ymd(range.start.year, range.start.month, d);
                    return Some(relative_found(
                        FigureKind::Date,
                        last,
                        day.map(DayRange::day),
                        rel,
                    ));
                }
            }
        }
        None
    }
}

/// Monday–Sunday week containing `d`.
fn week_of(d: Date) -> DayRange {
    let start = d.add_days(-(d.weekday() as i64));
    DayRange::new(start, start.add_days(6))
}

fn part_of_day(w: &str) -> &'static str {
    match w {
        "mattina" | "mattinata" | "mattino" => "morning",
        "pomeriggio" => "afternoon",
        "sera" | "serata" => "evening",
        _ => "night",
    }
}

/// Reads a date written in a line of metadata or a dateline (`4 febbraio
/// 2026`, `May 18, 2026`, `2025-12-25`, `Maggio 18, 2026`): the first full
/// date among the first tokens of `s`.
pub fn first_full_date(s: &str, within_tokens: usize) -> Option<Date> {
    let toks = crate::token::tokenize(s, 0);
    let numbers = Reader::default();
    let cx = Ctx {
        toks: &toks,
        src: s,
        reference: None,
        numbers: &numbers,
    };
    let iso = |i: usize| -> Option<Date> {
        // 2025 - 12 - 25 as tokens
        let p = cx.numeric_date(i)?;
        Date::from_ymd(p.year?, p.month?, p.day?)
    };
    for i in 0..toks.len().min(within_tokens) {
        let p = cx
            .day_month_year(i)
            .or_else(|| cx.month_day_year(i))
            .filter(|p| p.year.is_some());
        if let Some(p) = p {
            if let Some(d) = Date::from_ymd(p.year?, p.month?, p.day?) {
                return Some(d);
            }
        }
        if let Some(d) = iso(i) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn find_in(s: &str, reference: Option<&str>) -> Vec<(String, String, Option<String>)> {
        let toks = tokenize(s, 0);
        let r = reference.and_then(Date::parse_iso);
        let numbers = Reader::default();
        find(&toks, s, r, &numbers)
            .into_iter()
            .map(|f| {
                let text = s[toks[f.first].start..toks[f.last - 1].end].to_string();
                let kind = f.kind.as_str().to_string();
                let time = f.time.map(|t| format!("{}..{}", t.start, t.end));
                (text, kind, time)
            })
            .collect()
    }

    fn check(s: &str, reference: Option<&str>, expected: &[(&str, &str, Option<&str>)]) {
        let got = find_in(s, reference);
        let want: Vec<(String, String, Option<String>)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "in {s:?}");
    }

    #[test]
    fn full_and_partial_dates() {
        check(
            "Milano, 12 ottobre 2023 – L'assemblea si è riunita.",
            None,
            &[("12 ottobre 2023", "date", Some("2023-10-12..2023-10-12"))],
        );
        check(
            "Il decreto fu firmato nel giugno 2011 e rivisto nel 2015.",
            None,
            &[
                ("nel giugno 2011", "date", Some("2011-06-01..2011-06-30")),
                ("nel 2015", "date", Some("2015-01-01..2015-12-31")),
            ],
        );
        check(
            "ROMA, June 3, 2024 (ANSA) - Il testo",
            None,
            &[("June 3, 2024", "date", Some("2024-06-03..2024-06-03"))],
        );
        check(
            "legge n. 40 del 19.02.2004",
            None,
            &[("19.02.2004", "date", Some("2004-02-19..2004-02-19"))],
        );
    }

    #[test]
    fn ranges_and_periods() {
        check(
            "Il festival si terrà dal 3 al 5 luglio.",
            Some("2024-06-10"),
            &[(
                "dal 3 al 5 luglio",
                "period",
                Some("2024-07-03..2024-07-05"),
            )],
        );
        check(
            "Tra il 2010 e il 2015 gli iscritti sono cresciuti.",
            None,
            &[(
                "Tra il 2010 e il 2015",
                "period",
                Some("2010-01-01..2015-12-31"),
            )],
        );
        check(
            "la stagione 2022-2023",
            None,
            &[("2022-2023", "period", Some("2022-01-01..2023-12-31"))],
        );
        check(
            "Nel secondo trimestre del 2023 il PIL è salito.",
            None,
            &[(
                "Nel secondo trimestre del 2023",
                "period",
                Some("2023-04-01..2023-06-30"),
            )],
        );
        check(
            "nel primo semestre di quest'anno",
            Some("2024-09-01"),
            &[(
                "nel primo semestre di quest'anno",
                "period",
                Some("2024-01-01..2024-06-30"),
            )],
        );
        check(
            "negli anni '80",
            None,
            &[("negli anni '80", "period", Some("1980-01-01..1989-12-31"))],
        );
    }

    #[test]
    fn relative_dates() {
        check(
            "Ieri il sindaco ha parlato; lo scorso 3 marzo aveva taciuto.",
            Some("2024-02-10"),
            &[
                ("Ieri", "date", Some("2024-02-09..2024-02-09")),
                ("lo scorso 3 marzo", "date", Some("2023-03-03..2023-03-03")),
            ],
        );
        check(
            "Questa mattina la Borsa ha aperto in calo.",
            Some("2024-02-10"),
            &[("Questa mattina", "time", Some("2024-02-10..2024-02-10"))],
        );
        check(
            "Quest'anno le vendite crescono.",
            Some("2023-05-05"),
            &[("Quest'anno", "date", Some("2023-01-01..2023-12-31"))],
        );
        check(
            "negli ultimi cinque anni",
            Some("2024-03-31"),
            &[(
                "negli ultimi cinque anni",
                "period",
                Some("2019-03-31..2024-03-30"),
            )],
        );
        check("Quest'anno", None, &[("Quest'anno", "date", None)]);
    }

    #[test]
    fn glued_day_after_scorso() {
        check(
            "arrivato lo scorso9 dicembre, quando",
            Some("2025-12-25"),
            &[(
                "lo scorso9 dicembre",
                "date",
                Some("2025-12-09..2025-12-09"),
            )],
        );
    }

    #[test]
    fn not_dates() {
        check("Il 25° anniversario", Some("2024-01-01"), &[]);
        check("Nel Mar Cinese Meridionale", Some("2024-01-01"), &[]);
        check("1.000 persone e 2025 euro", None, &[]);
        check("secondo fonti del governo", Some("2024-01-01"), &[]);
    }

    #[test]
    fn clock_times() {
        let got = find_in(
            "La riunione è iniziata alle 15:30 e finita alle ore 18.",
            None,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "alle 15:30");
        assert_eq!(got[1].0, "alle ore 18");
    }

    #[test]
    fn full_date_in_a_line() {
        assert_eq!(
            first_full_date("PECHINO, May 18, 2026 (GLOBE NEWSWIRE)", 8)
                .unwrap()
                .to_string(),
            "2026-05-18"
        );
        assert_eq!(
            first_full_date("Maggio 18, 2026", 8).unwrap().to_string(),
            "2026-05-18"
        );
        assert_eq!(
            first_full_date("date 2025-12-25", 8).unwrap().to_string(),
            "2025-12-25"
        );
        assert!(first_full_date("nel 2025", 8).is_none());
    }
}
