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
//!
//! One module per family: [`absolute`] dates, [`relative`] dates,
//! [`periods`] and ranges, [`named`] days (holidays), [`clock`] times; this module holds what they
//! share (the token helpers, the leads such as `nel` or `lo scorso`, the
//! resolution of partial dates) and [`find`], which tries them at every
//! token where a time expression can start.

mod absolute;
mod clock;
mod named;
mod periods;
mod relative;

use std::cell::Cell;

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
    &["nel", "solo", "mese", "di"],
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
    // Bounds: before, after, since, until, by. The core that follows may
    // bring its own article or preposition (`fino alle 8.45`, `dopo
    // l'Epifania`, `prima delle 23`, `a partire dalle 10`).
    &["fino", "a"],
    &["fino"],
    &["sino", "a"],
    &["almeno", "fino", "a"],
    &["almeno", "fino"],
    &["a", "partire", "da"],
    &["a", "partire"],
    &["da"],
    &["non", "oltre"],
    &["non", "oltre", "il"],
    &["non", "oltre", "la"],
    &["prima", "di"],
    &["prima"],
    &["poco", "prima"],
    &["poco", "prima", "di"],
    &["subito", "prima"],
    &["non", "prima"],
    &["non", "prima", "di"],
    &["dopo"],
    &["poco", "dopo"],
    &["subito", "dopo"],
    &["appena", "dopo"],
];

/// First-person futures ending in `-rò` that no past shares (`sarò`,
/// `andrò`); the regular ones (`tornerò`, `partirò`) are spelt like pasts.
const FIRST_PERSON_FUTURES: &[&str] = &[
    "saro", "avro", "faro", "daro", "staro", "andro", "potro", "dovro", "vedro", "sapro", "vivro",
    "verro", "vorro", "terro", "rimarro", "berro", "cadro",
];

/// How far around a date its clause's verb is looked for.
const TENSE_WINDOW: usize = 12;

/// How a lead word shifts or bounds what follows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lead {
    Plain,
    Past,
    Next,
    Since,
    Until,
    Before,
    After,
}

fn lead_kind(words: &[&str]) -> Lead {
    let has = |w: &str| words.contains(&w);
    if has("scorso") || has("scorsa") {
        Lead::Past
    } else if has("prossimo") || has("prossima") {
        Lead::Next
    } else if has("non") && has("prima") {
        // "non prima delle 10": from then on.
        Lead::After
    } else if has("prima") {
        Lead::Before
    } else if has("dopo") {
        Lead::After
    } else if has("dal") || has("dall'") || has("dalla") || has("partire") || has("da") {
        Lead::Since
    } else if has("entro") || has("fino") || has("sino") || has("oltre") {
        Lead::Until
    } else {
        Lead::Plain
    }
}

impl Lead {
    /// The bound a lead puts on the time that follows it, as the
    /// qualifier of that figure: before (`Under`), after (`Over`), since
    /// (`AtLeast`), until and by (`AtMost`).
    fn bound(self) -> Option<Qualifier> {
        Some(match self {
            Lead::Before => Qualifier::Under,
            Lead::After => Qualifier::Over,
            Lead::Since => Qualifier::AtLeast,
            Lead::Until => Qualifier::AtMost,
            _ => return None,
        })
    }
}

struct Ctx<'a> {
    toks: &'a [Tok],
    src: &'a str,
    reference: Option<Date>,
    numbers: &'a Reader,
    memo: Memo,
}

/// The date parts read at each token of a block: many grammars start by
/// asking for the same day, month or year at the same token, and each
/// read depends only on the block's tokens and the reference date. Each is
/// computed the first time it is asked for.
struct Memo(Vec<Slot>);

/// What was read at one token (`None`: not read yet).
#[derive(Clone, Default)]
struct Slot {
    day: Cell<Option<Option<(u32, usize)>>>,
    year: Cell<Option<Option<(i32, usize)>>>,
    month: Cell<Option<Option<(u32, usize)>>>,
    full_month: Cell<Option<Option<(u32, usize)>>>,
    day_month_year: Cell<Option<Option<Parts>>>,
    month_day_year: Cell<Option<Option<Parts>>>,
    month_year: Cell<Option<Option<Parts>>>,
    numeric_date: Cell<Option<Option<Parts>>>,
}

impl Memo {
    fn new(len: usize) -> Memo {
        Memo(vec![Slot::default(); len])
    }

    /// The value of `field` at token `i`, read by `read` the first time.
    fn get<T: Copy>(
        &self,
        i: usize,
        field: impl FnOnce(&Slot) -> &Cell<Option<T>>,
        read: impl FnOnce() -> T,
    ) -> T {
        let Some(slot) = self.0.get(i).map(field) else {
            return read();
        };
        if let Some(v) = slot.get() {
            return v;
        }
        let v = read();
        slot.set(Some(v));
        v
    }
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

    /// The tense of the clause around token `j`: `Lead::Past` for a past
    /// verb (`ha detto`, `firmò`, `erano`), `Lead::Next` for a future one
    /// (`incontrerà`, `si terrà`, `è previsto`), the nearer if both, none
    /// for the present. Looks at most [`TENSE_WINDOW`] tokens each way,
    /// not past the sentence.
    pub(super) fn tense_near(&self, j: usize) -> Option<Lead> {
        let stop =
            |t: &Tok| t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | ";" | "!" | "?");
        let mut best: Option<(usize, Lead)> = None;
        let mut note = |d: usize, l: Lead| {
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, l));
            }
        };
        let hi = self.toks.len().min(j + TENSE_WINDOW);
        for k in j..hi {
            if stop(&self.toks[k]) {
                break;
            }
            if let Some(l) = self.tense_at(k) {
                note(k - j, l);
                break;
            }
        }
        let lo = j.saturating_sub(TENSE_WINDOW);
        for k in (lo..j).rev() {
            if stop(&self.toks[k]) {
                break;
            }
            if let Some(l) = self.tense_at(k) {
                note(j - k, l);
                break;
            }
        }
        best.map(|(_, l)| l)
    }

    /// The tense a single word shows, if any.
    fn tense_at(&self, k: usize) -> Option<Lead> {
        let t = self.tok(k)?;
        if !t.is_word() || t.cap && k > 0 && !self.toks[k - 1].newline_before {
            return None;
        }
        let w = t.norm.as_str();
        let raw = t.text(self.src);
        if raw.ends_with("rà")
            || w.ends_with("ranno")
            || w.ends_with("remo")
            || matches!(
                w,
                "sara"
                    | "saranno"
                    | "dovra"
                    | "dovranno"
                    | "potra"
                    | "potranno"
                    | "programma"
                    | "programmato"
                    | "programmata"
            )
            || EXPECTED.contains(&w)
        {
            return Some(Lead::Next);
        }
        let participle = |i: usize| {
            self.tok(i).is_some_and(|p| {
                p.is_word()
                    && [
                        "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta",
                        "uti", "ute", "so", "sa", "tto", "tta", "sto", "sta", "lto", "lta",
                        "lti", "lte",
                    ]
                    .iter()
                    .any(|e| crate::token::has_suffix(&p.norm, e))
                    // Irregular participles in -rto (`è morto`, `si è
                    // aperto`); not `certo`, `corto`.
                    || matches!(
                        p.norm.as_str(),
                        "morto" | "morta" | "morti" | "morte" | "aperto" | "aperta" | "aperti"
                            | "aperte" | "offerto" | "offerta" | "scoperto" | "scoperta"
                            | "coperto" | "coperta" | "sofferto"
                    )
            })
        };
        let aux = matches!(
            w,
            "ha" | "hanno"
                | "abbiamo"
                | "aveva"
                | "avevano"
                | "avevo"
                | "ho"
                | "e"
                | "sono"
                | "era"
                | "erano"
                | "fu"
                | "furono"
                | "stato"
                | "stata"
        );
        // `è atteso`, `sono previste`: expected, the future (the participle
        // of expecting, not a past event).
        let expected = |i: usize| {
            self.tok(i).is_some_and(|p| {
                let w = p.norm.as_str();
                EXPECTED.contains(&w)
                    || matches!(
                        w,
                        "programmato" | "programmata" | "programmati" | "programmate"
                    )
            })
        };
        let been = self
            .tok(k + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "stato" | "stata" | "stati" | "state"));
        if aux && matches!(w, "e" | "sono") && (expected(k + 1) || !been && expected(k + 2)) {
            return Some(Lead::Next);
        }
        if aux && (participle(k + 1) || participle(k + 2)) {
            return Some(Lead::Past);
        }
        // A final `-rò` is a first-person future as often as a past
        // (`tornerò`, `partirò` against `superò`, `ritirò`): only the
        // irregular futures and the pasts no future can spell (`entrò`,
        // `dichiarò`) tell the tense.
        if raw.ends_with("rò") {
            if FIRST_PERSON_FUTURES.contains(&w) {
                return Some(Lead::Next);
            }
            if w.ends_with("ero") || w.ends_with("iro") {
                return None;
            }
        }
        if (raw.ends_with('ò') && w.len() > 3)
            || ["arono", "irono", "erono", "avano", "evano", "ivano"]
                .iter()
                .any(|e| crate::token::has_suffix(w, e))
            || matches!(w, "era" | "erano" | "fu" | "furono" | "disse" | "fece")
        {
            return Some(Lead::Past);
        }
        None
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

    /// A year: four digits 1000–2199, or a number in words 1900–2199.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        self.memo.get(i, |m| &m.year, || self.read_year(i))
    }

    fn read_year(&self, i: usize) -> Option<(i32, usize)> {
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
                // In words only the years news spells out (duemilaventi,
                // millenovecentottantanove): "da mille a millecinquecento"
                // is a range of numbers.
                if !n.ordinal && y.fract() == 0.0 && (1900.0..=2199.0).contains(&y) {
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
        self.memo.get(i, |m| &m.day, || self.read_day(i))
    }

    fn read_day(&self, i: usize) -> Option<(u32, usize)> {
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
        if abbrev {
            self.memo.get(i, |m| &m.month, || self.read_month(i, true))
        } else {
            self.memo
                .get(i, |m| &m.full_month, || self.read_month(i, false))
        }
    }

    fn read_month(&self, i: usize, abbrev: bool) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let m = month_of(&t.norm, abbrev)?;
        let mut next = i + 1;
        let is_abbrev = month_of(&t.norm, false).is_none();
        // "Mar del Giappone", "Mar Nero", "Mar dei Caraibi": a sea.
        let sea = t.norm == "mar"
            && t.cap
            && self.tok(next).is_some_and(|n| {
                (n.is_word() && n.cap) || n.is_any(&["del", "dei", "della", "delle", "di"])
            });
        if sea {
            return None;
        }
        if is_abbrev && self.is_punct(next, ".") {
            next += 1;
        }
        Some((m, next))
    }
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
    if lead == Lead::Plain {
        // No tense to go by: the nearest occurrence (`il 20 gennaio` in a
        // November article is next January).
        return [reference.year, reference.year - 1, reference.year + 1]
            .into_iter()
            .filter_map(|y| Date::from_ymd(y, month, day.min(days_in_month(y, month))))
            .filter(|d| d.day == day)
            .min_by_key(|d| (d.to_days() - reference.to_days()).abs());
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

/// The day `day` of the month nearest to `reference` in the direction
/// `lead` asks for: a day still to come this month or in the next for a
/// future verb, one gone by this month or in the last for a past one, the
/// nearest of the three months without a tense (`per il 27`).
fn resolve_month_day(day: u32, reference: Date, lead: Lead) -> Option<Date> {
    let this = Date::from_ymd(reference.year, reference.month, day);
    let shifted = |k: i32| {
        let m = reference.add_months(k);
        Date::from_ymd(m.year, m.month, day)
    };
    match lead {
        Lead::Past => this.filter(|d| *d <= reference).or_else(|| shifted(-1)),
        Lead::Next => this.filter(|d| *d >= reference).or_else(|| shifted(1)),
        _ => [this, shifted(-1), shifted(1)]
            .into_iter()
            .flatten()
            .min_by_key(|d| (d.to_days() - reference.to_days()).abs()),
    }
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
        (None, None, Some(d)) => {
            let r = reference?;
            Some((DayRange::day(resolve_month_day(d, r, lead)?), true))
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
        memo: Memo::new(toks.len()),
    };
    // Which tokens can begin the core of a time expression, computed once:
    // a lead word (`nel`, `il`, `a partire dal`) is tried only when one of
    // the next few tokens can.
    let roles: Vec<Option<&Role>> = toks.iter().map(|t| role(&t.norm)).collect();
    let starts: Vec<bool> = (0..toks.len())
        .map(|i| cx.core_starter(i, roles[i].is_some_and(|r| r.starter || r.calendar)))
        .collect();
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let lead = || {
            let reach = roles[i].map_or(0, |r| r.reach);
            reach > 0
                && starts[i + 1..toks.len().min(i + 1 + reach)]
                    .iter()
                    .any(|&s| s)
        };
        if !(starts[i] || lead()) {
            i += 1;
            continue;
        }
        match cx.match_at(i, roles[i].map_or(&[], |r| r.leads.as_slice())) {
            Some(f) if f.last > i => {
                i = f.last;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    clock::join_days_and_clocks(toks, &mut out);
    out
}

pub use clock::{in_brackets, settle_days, zone_of_place, DayContext};
pub(crate) use periods::same_period;

/// Participles of expecting (`previsto`, `attesa`): what is expected is
/// ahead, alone or after `è`, `sono`.
const EXPECTED: &[&str] = &[
    "previsto", "prevista", "previsti", "previste", "atteso", "attesa", "attesi", "attese",
];

/// What a word is to [`find`]'s scan.
struct Role {
    /// One of the [`STARTERS`].
    starter: bool,
    /// How far after the word the core of a time expression may start
    /// when the word leads it: the first words of [`LEADS`] (up to three
    /// words, `a partire dal`), and the prepositions a named period may
    /// begin with (`del prossimo mese`, two at most); 0 for any other word.
    reach: usize,
    /// The [`LEADS`] that begin with the word, in their order, each with
    /// its kind.
    leads: Vec<(&'static [&'static str], Lead)>,
    /// A month's name or abbreviation, or a weekday's ([`month_of`],
    /// [`weekday_of`]).
    calendar: bool,
}

/// Every word [`month_of`] (with abbreviations) or [`weekday_of`] reads.
const CALENDAR_WORDS: &[&str] = &[
    "gennaio",
    "january",
    "febbraio",
    "february",
    "marzo",
    "march",
    "aprile",
    "april",
    "maggio",
    "may",
    "giugno",
    "june",
    "luglio",
    "july",
    "agosto",
    "august",
    "settembre",
    "september",
    "ottobre",
    "october",
    "novembre",
    "november",
    "dicembre",
    "december",
    "gen",
    "jan",
    "feb",
    "mar",
    "apr",
    "mag",
    "giu",
    "jun",
    "lug",
    "jul",
    "ago",
    "aug",
    "set",
    "sett",
    "sep",
    "sept",
    "ott",
    "oct",
    "nov",
    "dic",
    "dec",
    "lunedi",
    "lun",
    "martedi",
    "mercoledi",
    "mer",
    "giovedi",
    "gio",
    "venerdi",
    "ven",
    "sabato",
    "sab",
    "domenica",
    "dom",
];

/// The role of the word `w`, if it has one (one look-up a token).
fn role(w: &str) -> Option<&'static Role> {
    type Roles = (rustc_hash::FxHashMap<&'static str, usize>, Vec<Role>);
    static ROLES: std::sync::OnceLock<Roles> = std::sync::OnceLock::new();
    let (index, roles) = ROLES.get_or_init(|| {
        let mut index: rustc_hash::FxHashMap<&'static str, usize> = Default::default();
        let mut roles: Vec<Role> = Vec::new();
        let mut of = |w: &'static str| {
            let k = *index.entry(w).or_insert(roles.len());
            if k == roles.len() {
                roles.push(Role {
                    starter: false,
                    reach: 0,
                    leads: Vec::new(),
                    calendar: false,
                });
            }
            k
        };
        let mut reach = Vec::new();
        for w in [
            "di", "del", "della", "dell'", "dello", "il", "lo", "la", "l'", "nel", "nella",
            "nell'", "le", "delle", "al", "alla",
        ] {
            reach.push((of(w), 2, None));
        }
        for &l in LEADS {
            reach.push((of(l[0]), l.len() + 2, Some((l, lead_kind(l)))));
        }
        let starters: Vec<usize> = STARTERS.iter().map(|&w| of(w)).collect();
        let calendar: Vec<usize> = CALENDAR_WORDS.iter().map(|&w| of(w)).collect();
        for (k, n, lead) in reach {
            roles[k].reach = roles[k].reach.max(n);
            roles[k].leads.extend(lead);
        }
        for k in starters {
            roles[k].starter = true;
        }
        for k in calendar {
            roles[k].calendar = true;
        }
        (index, roles)
    });
    index.get(w).and_then(|&k| roles.get(k))
}

/// Words that may begin a time expression (besides digits, month and
/// weekday names and number words): a cheap filter before the grammar.
const STARTERS: &[&str] = &[
    "primi",
    "prime",
    "natale",
    "santo",
    "san",
    "capodanno",
    "epifania",
    "befana",
    "festa",
    "ferragosto",
    "ognissanti",
    "tutti",
    "commemorazione",
    "immacolata",
    "pasquetta",
    "pasqua",
    "vigilia",
    "ascensione",
    "pentecoste",
    "corpus",
    "domattina",
    "mattina",
    "mattinata",
    "mattino",
    "pomeriggio",
    "sera",
    "serata",
    "notte",
    "nottata",
    "alba",
    "tramonto",
    "mezzogiorno",
    "mezzanotte",
    "verso",
    "intorno",
    "attorno",
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
    "piu",
    "durante",
    "ora",
    "ringraziamento",
    "thanksgiving",
];

impl Ctx<'_> {
    /// True if the core of a time expression may start at token `i` (a
    /// number, a month, a weekday or a deictic word; leads are tried by
    /// [`find`] when one of these follows); `starter` says whether its
    /// word is one of the [`STARTERS`] or a month or weekday name.
    fn core_starter(&self, i: usize, starter: bool) -> bool {
        let Some(t) = self.tok(i) else { return false };
        match t.kind {
            TokKind::Digits => true,
            TokKind::Word => {
                let w = t.norm.as_str();
                starter || self.numbers.word_value(w).is_some()
            }
            _ => false,
        }
    }

    /// The longest time expression starting at token `i` (its lead words,
    /// `nel`, `lo scorso`, are taken from before `i` by the caller's scan:
    /// a lead is matched when the scan reaches it); `leads` are the
    /// [`LEADS`] that begin with its word.
    fn match_at(&self, i: usize, leads: &[(&'static [&'static str], Lead)]) -> Option<Figure> {
        // Try every lead that starts at i, longest first, then no lead.
        let mut best: Option<Figure> = None;
        let mut consider = |f: Option<Figure>| {
            if let Some(f) = f {
                if best.as_ref().is_none_or(|b| f.last > b.last) {
                    best = Some(f);
                }
            }
        };
        for &(lead, kind) in leads {
            let n = lead.len();
            if i + n > self.toks.len() {
                continue;
            }
            // `prima metà`: a half, not "before".
            if lead.last() == Some(&"prima") && self.is(i + n, "meta") {
                continue;
            }
            if self.toks[i..i + n]
                .iter()
                .zip(lead.iter())
                .all(|(t, w)| t.is(w))
            {
                consider(
                    self.core(i + n, i, kind)
                        .map(|f| self.bounded(f, kind, i, i + n)),
                );
            }
        }
        consider(self.core(i, i, Lead::Plain));
        best
    }

    /// A time expression whose words start at `j`, whose span starts at
    /// `span_start` (the lead, if any).
    /// A time figure with the bound its lead (`toks[from..to]`) puts on
    /// it: `fino a giovedì` is until Thursday. A stated range keeps its
    /// own (`dal 3 al 5 maggio` is no "since").
    fn bounded(&self, mut f: Figure, lead: Lead, from: usize, to: usize) -> Figure {
        if let Some(q) = lead.bound() {
            if f.kind.is_time() && f.qualifier.is_none() {
                f.qualifier = Some(q);
                f.qualifier_text = Some(crate::token::joined(&self.toks[from..to]));
            }
        }
        f
    }

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
        keep(self.minutes_to(j, span_start));
        keep(self.day_part(j, span_start));
        keep(self.named_day(j, span_start, lead));
        keep(self.first_months(j, span_start));
        keep(self.month_range(j, span_start));
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
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.norm.as_str())
    }
}

/// Monday–Sunday week containing `d`.
fn week_of(d: Date) -> DayRange {
    let start = d.add_days(-(d.weekday() as i64));
    DayRange::new(start, start.add_days(6))
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
        memo: Memo::new(toks.len()),
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

    pub(super) fn check(s: &str, reference: Option<&str>, expected: &[(&str, &str, Option<&str>)]) {
        let got = find_in(s, reference);
        let want: Vec<(String, String, Option<String>)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "in {s:?}");
    }

    #[test]
    fn calendar_words_are_the_names_read() {
        for &w in CALENDAR_WORDS {
            assert!(
                month_of(w, true).is_some() || weekday_of(w).is_some(),
                "{w}"
            );
            assert!(role(w).is_some_and(|r| r.calendar), "{w}");
        }
        let months = CALENDAR_WORDS
            .iter()
            .filter(|w| month_of(w, true).is_some())
            .count();
        let weekdays = CALENDAR_WORDS
            .iter()
            .filter(|w| weekday_of(w).is_some())
            .count();
        // Every arm of the two matches, once each.
        assert_eq!((months, weekdays), (45, 13));
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
