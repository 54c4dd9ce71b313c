//! Times of day: clock times and parts of the day, with the day and the
//! place they belong to when the text says so.
//!
//! - clock times: `alle 15`, `alle 15:30`, `alle ore 9`, `ore 15.30`,
//!   `all'1.25`, `delle 23`, `le 16 in Italia`, `alle tre del pomeriggio`
//!   (15:00), `1:30 del pomeriggio` (13:30), `all'una e mezza di notte`,
//!   `a mezzogiorno`, a bare `15:30`, and `21.00` opening a line (a live
//!   blog's entry);
//! - ranges of clock times: `dalle 6 alle 9`, `tra le 15 e le 18`, `dalle
//!   20 alle 2 del mattino` (past midnight: two days);
//! - parts of the day: `in mattinata`, `nel (tardo) pomeriggio`, `in
//!   serata`, `nella notte`, `all'alba`, `a mezzanotte`;
//! - the day after a time: `alle 21 di giovedì 27 novembre`, `alle 15 di
//!   lunedì`, `le 23.53 di ieri`, `nel pomeriggio del 12 marzo`;
//! - the place: `ora di Pechino`, `ora italiana`, `(ora locale)`, `in
//!   Italia` (an IANA zone in [`Figure::zone`]).
//!
//! A time without its day takes it from the text around it later
//! ([`settle_days`]): the day the story was speaking of, else the article's.

use super::*;

/// A clock reading: minutes after midnight and the token past it.
#[derive(Debug, Clone, Copy)]
struct Reading {
    minutes: u32,
    /// Seconds, when written (`3:36:32`).
    seconds: Option<u32>,
    /// A part of the day followed it (`alle 5 del mattino`).
    part: bool,
    /// That part made its hour one after noon (`le 6 del pomeriggio`).
    afternoon: bool,
    last: usize,
    /// Written with minutes, a part of the day or as a word: a clock for
    /// sure (a bare `le 3` could count things).
    sure: bool,
}

/// Words that open a clock time (`alle 15`, `le 3`, `dalle 8`).
const CLOCK_LEADS: &[&str] = &[
    "alle", "all'", "dalle", "dall'", "delle", "dell'", "le", "l'", "ore",
];

/// A part of the day's name, folded, and its code.
pub(super) fn part_of_day(w: &str) -> &'static str {
    match w {
        "mattina" | "mattinata" | "mattino" | "alba" | "stamattina" | "stamani" | "stamane"
        | "domattina" => "morning",
        "pomeriggio" => "afternoon",
        "sera" | "serata" | "tramonto" | "stasera" => "evening",
        "mezzogiorno" => "midday",
        "mezzanotte" => "midnight",
        _ => "night",
    }
}

/// True for the words of a part of the day.
fn is_part_word(w: &str) -> bool {
    matches!(
        w,
        "mattina"
            | "mattinata"
            | "mattino"
            | "pomeriggio"
            | "sera"
            | "serata"
            | "notte"
            | "nottata"
            | "alba"
            | "tramonto"
    )
}

/// The verbs before a count of minutes to an hour (`mancano cinque
/// minuti alle otto`).
const LACKING: &[&str] = &[
    "manca",
    "mancano",
    "mancava",
    "mancavano",
    "mancheranno",
    "mancherebbero",
    "mancassero",
];

impl Ctx<'_> {
    /// Minutes of a clock reading at `k`: 1–59 in words (`venti`,
    /// `quarantacinque`), or in digits followed by `minuti`/`min`, with an
    /// optional `minuti`/`min` after words; nothing counted may follow
    /// (`alle 8 e due feriti` is no 8:02). Returns the minutes and the
    /// token past them.
    /// `bare_digits` allows digits without the unit (`le tre meno 20`).
    fn clock_minutes(&self, k: usize, bare_digits: bool) -> Option<(u32, usize)> {
        let t = self.tok(k)?;
        let (n, mut last) = match t.kind {
            TokKind::Digits => {
                if t.norm.len() > 2 || !t.norm.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (t.norm.parse::<u32>().ok()?, k + 1)
            }
            TokKind::Word => {
                let n = self.numbers.read(self.toks, k)?;
                if n.ordinal || n.fraction || n.value.fract() != 0.0 || n.article_one {
                    return None;
                }
                (n.value as u32, n.last)
            }
            _ => return None,
        };
        if !(1..=59).contains(&n) {
            return None;
        }
        let unit = self
            .tok(last)
            .is_some_and(|u| u.is_any(&["minuti", "minuto", "min"]));
        if unit {
            last += 1;
        } else if t.kind == TokKind::Digits && !bare_digits {
            return None;
        }
        let counted = self.tok(last).is_some_and(|x| {
            x.is_word()
                && !x.newline_before
                && !crate::figures::lexicon::is_function_word(&x.norm)
                && !matches!(
                    x.norm.as_str(),
                    "meno" | "ora" | "precise" | "esatte" | "circa"
                )
        });
        (!counted).then_some((n, last))
    }

    /// Minutes to an hour: `(mancano) cinque minuti alle otto` is 7:55,
    /// only after the verb that says something is lacking.
    pub(super) fn minutes_to(&self, j: usize, span_start: usize) -> Option<Figure> {
        if j == 0 || !self.tok(j - 1)?.is_any(LACKING) {
            return None;
        }
        let (n, after) = self.clock_minutes(j, false)?;
        if !self.tok(after - 1)?.is_any(&["minuti", "minuto", "min"])
            || !self.tok(after)?.is_any(&["alle", "all'", "a"])
        {
            return None;
        }
        let hour = self.reading(after + 1)?;
        let total = (hour.minutes + 24 * 60 - n) % (24 * 60);
        let mut f = Figure::new(FigureKind::Time, span_start, hour.last);
        f.clock = Some(format!("{:02}:{:02}", total / 60, total % 60));
        Some(f)
    }

    /// The hour and minutes at `k`: `15`, `15:30`, `15.30`, `tre`, `una`,
    /// `mezzogiorno`, `mezzanotte`, with `e mezza`, `e un quarto`, `meno un
    /// quarto`, and a part of the day after it (`del pomeriggio`, `di sera`,
    /// `del mattino`, `di notte`) that makes 3 into 15.
    fn reading(&self, k: usize) -> Option<Reading> {
        let t = self.tok(k)?;
        let mut seconds = None;
        let (mut afternoon, mut part_read) = (false, false);
        let (mut h, mut m, mut last, mut sure) = match t.kind {
            TokKind::Digits => {
                if let Some((a, b)) = t.norm.split_once('.') {
                    let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
                    if a.len() > 2 || b.len() != 2 || h > 24 || m > 59 {
                        return None;
                    }
                    (h, m, k + 1, true)
                } else {
                    if t.norm.len() > 2 {
                        return None;
                    }
                    let h: u32 = t.norm.parse().ok()?;
                    if h > 24 {
                        return None;
                    }
                    let minutes = (self.is_punct(k + 1, ":") && !self.tok(k + 2)?.space_before)
                        .then(|| self.tok(k + 2))
                        .flatten()
                        .filter(|m| m.is_digits() && m.norm.len() == 2)
                        .and_then(|m| m.norm.parse::<u32>().ok())
                        .filter(|m| *m < 60);
                    match minutes {
                        Some(m) => {
                            // "3:36:32": seconds after the minutes.
                            seconds = (self.is_punct(k + 3, ":")
                                && self.tok(k + 4).is_some_and(|s| {
                                    !s.space_before && s.is_digits() && s.norm.len() == 2
                                }))
                            .then(|| self.tok(k + 4)?.norm.parse::<u32>().ok())
                            .flatten()
                            .filter(|s| *s < 60);
                            (h, m, k + 3 + 2 * usize::from(seconds.is_some()), true)
                        }
                        None => (h, 0, k + 1, false),
                    }
                }
            }
            TokKind::Word => match t.norm.as_str() {
                "mezzogiorno" => (12, 0, k + 1, true),
                "mezzanotte" => (0, 0, k + 1, true),
                "una" | "un'" => (1, 0, k + 1, false),
                _ => {
                    let mut n = self.numbers.read(self.toks, k)?;
                    // "otto e mezza" reads as 8,5: the hour is its first word.
                    if n.value.fract() != 0.0 {
                        n.value = self.numbers.word_value(&t.norm).map_or(n.value, |(v, _)| v);
                        n.last = k + 1;
                    }
                    if n.ordinal
                        || n.fraction
                        || n.value.fract() != 0.0
                        || !(0.0..=24.0).contains(&n.value)
                    {
                        return None;
                    }
                    (n.value as u32, 0, n.last, false)
                }
            },
            _ => return None,
        };
        // "e mezza", "e un quarto", "e tre quarti", "meno un quarto", "e 40".
        let w = |i: usize| self.w(i);
        match (w(last), w(last + 1), w(last + 2)) {
            ("e", "mezza" | "mezzo", _) => {
                m += 30;
                last += 2;
                sure = true;
            }
            ("e", "un", "quarto") => {
                m += 15;
                last += 3;
                sure = true;
            }
            ("e", "tre", "quarti") => {
                m += 45;
                last += 3;
                sure = true;
            }
            ("meno", "un", "quarto") if h > 0 => {
                h -= 1;
                m += 45;
                last += 3;
                sure = true;
            }
            // "e venti", "e cinque", "e 30 minuti": minutes after the hour.
            ("e", _, _) if m == 0 => {
                if let Some((n, after)) = self.clock_minutes(last + 1, false) {
                    m = n;
                    last = after;
                    sure = true;
                }
            }
            _ => {}
        }
        // "meno tre minuti", "meno 20": minutes before the hour (or before
        // the half hour: "e trenta meno tre").
        if w(last) == "meno" && !(w(last + 1) == "un" && w(last + 2) == "quarto") {
            if let Some((n, after)) = self.clock_minutes(last + 1, true) {
                let total = (h * 60 + m) as i64 - n as i64;
                if total >= 0 {
                    h = (total / 60) as u32;
                    m = (total % 60) as u32;
                    last = after;
                    sure = true;
                }
            }
        }
        // Lunchtime after it: "all'una, ora di pranzo" is 13:00.
        let lunch = self.is_punct(last, ",") && (w(last + 1), w(last + 2)) == ("ora", "di")
            || (w(last), w(last + 1)) == ("ora", "di");
        let at = last + usize::from(self.is_punct(last, ","));
        if lunch && w(at + 2) == "pranzo" {
            if (1..=3).contains(&h) {
                h += 12;
            }
            last = at + 3;
            sure = true;
        }
        // A part of the day after it: "del pomeriggio", "di sera".
        if matches!(w(last), "del" | "di" | "della" | "nel" | "nella") && is_part_word(w(last + 1))
        {
            let part = part_of_day(w(last + 1));
            match part {
                "afternoon" | "evening" if h < 12 => {
                    h += 12;
                    afternoon = true;
                }
                "night" if (8..12).contains(&h) => {
                    h += 12;
                    afternoon = true;
                }
                "morning" | "night" if h == 12 => h = 0,
                _ => {}
            }
            last += 2;
            sure = true;
            part_read = true;
        }
        (h <= 24 && m < 60).then_some(Reading {
            minutes: (h % 24) * 60 + m,
            seconds,
            part: part_read,
            afternoon,
            last,
            sure,
        })
    }

    /// After a time: the day it is on (`di lunedì`, `di giovedì 27
    /// novembre`, `del 12 marzo`, `di ieri`, `di stanotte`), its days,
    /// whether they were resolved against the reference, and the token
    /// past it.
    fn day_after(&self, k: usize) -> Option<(DayRange, bool, usize)> {
        /// How far back the bound of a time (`fino alla mezzanotte`) is.
        const UNTIL_REACH: usize = 5;
        if !self.tok(k)?.is_any(&["di", "del", "dell'", "della"]) {
            return None;
        }
        let j = k + 1;
        let single = |f: Figure| {
            f.time
                .filter(|t| t.len_days() == 1)
                .map(|t| (t, f.relative, f.last))
        };
        // `fino alla mezzanotte di lunedì`, `entro le 12 di venerdì`: the
        // bound that leads the time looks ahead for its day too, whatever
        // the tense (`ha prorogato l'allerta fino alla mezzanotte di
        // lunedì`). Looked for a few words back, within the clause.
        let until = (k.saturating_sub(UNTIL_REACH)..k)
            .rev()
            .take_while(|&i| !self.tok(i).is_some_and(|t| t.kind == TokKind::Punct))
            .any(|i| {
                self.tok(i)
                    .is_some_and(|t| t.is_any(&["fino", "sino", "entro"]))
            });
        let lead = if until { Lead::Until } else { Lead::Plain };
        self.single_date(j, j, Lead::Plain)
            .and_then(single)
            .or_else(|| self.relative_expr(j, j, lead).and_then(single))
            // `nel pomeriggio di Capodanno`, `la sera di Natale`.
            .or_else(|| self.named_day(j, j, Lead::Plain).and_then(single))
    }

    /// After a time: where its clock is read (`ora di Pechino`, `ora
    /// italiana`, `(ora locale)`, `in Italia`, `italiane`): the zone, if a
    /// place is named (`ora locale` names none here: the dateline does),
    /// and the token past the words.
    fn zone_after(&self, k: usize) -> Option<(Option<&'static str>, usize)> {
        let mut i = k;
        let paren = self.is_punct(i, "(");
        if paren {
            i += 1;
        }
        let w = |i: usize| self.w(i);
        let (zone, last) = match (w(i), w(i + 1), w(i + 2)) {
            ("ora" | "ore", "italiana" | "italiane", _) => (Some("Europe/Rome"), i + 2),
            ("ora" | "ore", "locale" | "locali", _) => (None, i + 2),
            ("ora" | "ore", "di" | "del", place) => {
                let two = format!("{place} {}", w(i + 3));
                match zone_of_place(&two) {
                    Some(z) => (Some(z), i + 4),
                    None => (Some(zone_of_place(place)?), i + 3),
                }
            }
            // "all'1:30 del pomeriggio di New York": a named place.
            ("di", place, _) if self.tok(i + 1).is_some_and(|t| t.cap) => {
                let two = format!("{place} {}", w(i + 2));
                match zone_of_place(&two) {
                    Some(z) => (Some(z), i + 3),
                    None => (Some(zone_of_place(place)?), i + 2),
                }
            }
            ("cet" | "cest", _, _) => (Some("Europe/Rome"), i + 1),
            ("in", "italia", _) => (Some("Europe/Rome"), i + 2),
            ("italiane", _, _) => (Some("Europe/Rome"), i + 1),
            ("utc" | "gmt", _, _) => (Some("UTC"), i + 1),
            _ => return None,
        };
        let last = if paren && self.is_punct(last, ")") {
            last + 1
        } else if paren {
            return None;
        } else {
            last
        };
        Some((zone, last))
    }

    /// A clock time, a range of them, or a time at the start of a line.
    pub(super) fn clock_time(&self, j: usize, span_start: usize) -> Option<Figure> {
        let w = |i: usize| self.w(i);
        let mut k = j;
        let mut about = false;
        // Leads: "alle", "verso le", "intorno alle", "tra le", "alle ore".
        let mut range_open = false;
        match w(k) {
            // "più o meno alle 11", "più o meno a mezzogiorno".
            "piu" if (w(k + 1), w(k + 2)) == ("o", "meno") => {
                about = true;
                k += 3;
                if w(k) == "a" {
                    k += 1;
                }
            }
            "verso" | "intorno" | "attorno" => {
                about = true;
                k += 1;
                if w(k) == "a" {
                    k += 1;
                }
            }
            "tra" | "fra" => {
                range_open = true;
                k += 1;
            }
            _ => {}
        }
        let lead_word = w(k);
        let led = CLOCK_LEADS.contains(&lead_word) || range_open || about;
        if matches!(
            lead_word,
            "alle" | "all'" | "dalle" | "dall'" | "delle" | "dell'" | "le" | "l'"
        ) {
            k += 1;
        }
        if self.is(k, "ore") {
            k += 1;
        }
        // "dalle 2 alle 4 persone": the end of a range read (or refused)
        // from its start.
        if matches!(lead_word, "alle" | "all'")
            && j >= 2
            && self.tok(j - 1).is_some_and(Tok::is_digits)
            && self
                .tok(j - 2)
                .is_some_and(|t| t.is_any(&["dalle", "dall'"]))
        {
            return None;
        }
        let bare = k == j;
        let start = self.reading(k)?;
        if bare {
            // A bare time must look like one: 15:30, or 21.00 opening a line
            // (a live blog's entry), not a price or a measure.
            let t = self.tok(j)?;
            let next_is_unit = self.tok(start.last).is_some_and(|n| {
                n.kind == TokKind::Symbol || (n.is_word() && !n.cap && !n.newline_before)
            });
            let line_start = t.newline_before && t.norm.contains('.') && !next_is_unit;
            let colon = !t.norm.contains('.') && self.is_punct(j + 1, ":");
            if !(colon || line_start) || t.kind != TokKind::Digits {
                return None;
            }
        } else if !led {
            return None;
        }
        // "le 3", "delle 23": a bare hour after an article is a clock only
        // when something says so (a zone, a day, a part of the day) or
        // nothing counted follows it.
        let weak = matches!(lead_word, "le" | "l'" | "delle" | "dell'") && !start.sure;
        let mut last = start.last;
        let mut clock = format!("{:02}:{:02}", start.minutes / 60, start.minutes % 60);
        if let Some(sec) = start.seconds {
            clock = format!("{clock}:{sec:02}");
        }
        let mut end_minutes = None;
        // Ranges: "dalle 6 alle 9", "tra le 15 e le 18", "dalle 10 fino alle 12".
        let sep = match (w(last), w(last + 1)) {
            ("alle" | "all'", _) if matches!(lead_word, "dalle" | "dall'") => Some(1),
            ("fino", "alle" | "all'") if matches!(lead_word, "dalle" | "dall'") => Some(2),
            ("e", "le" | "l'") if range_open => Some(2),
            _ => None,
        };
        let mut days: Option<DayRange> = None;
        let mut relative = false;
        // The first end may carry its own day ("tra le 14 di ieri e le 2").
        let mut sep = sep;
        if sep.is_none() && range_open {
            if let Some((d, rel, after)) = self.day_after(last) {
                days = Some(d);
                relative = rel;
                last = after;
                sep = matches!((w(last), w(last + 1)), ("e", "le" | "l'")).then_some(2);
            }
        }
        if let Some(n) = sep {
            let mut e = last + n;
            if self.is(e, "ore") {
                e += 1;
            }
            // The first end may carry its own day ("tra le 14 di ieri e le 2").
            if let Some(end) = self.reading(e) {
                // "dalle 2 alle 4 persone": a count, not hours.
                let counted = !start.sure
                    && !end.sure
                    && self.tok(end.last).is_some_and(|t| {
                        t.is_word()
                            && !t.newline_before
                            && !crate::figures::lexicon::is_function_word(&t.norm)
                    });
                if counted {
                    return None;
                }
                end_minutes = Some(end.minutes);
                // "tra le 5 e le 6 del pomeriggio": the part of the day
                // after the end is the start's too, when it keeps the
                // start before the end.
                if end.afternoon
                    && !start.part
                    && start.minutes < 12 * 60
                    && start.minutes + 12 * 60 <= end.minutes
                {
                    let m = start.minutes + 12 * 60;
                    clock = format!("{:02}:{:02}", m / 60, m % 60);
                }
                last = end.last;
            }
        } else if range_open {
            return None;
        }
        // The day: "di lunedì", "del 12 marzo" (for a range, of its end).
        if let Some((d, rel, after)) = self.day_after(last) {
            days = Some(match days {
                Some(first) => DayRange::new(first.start, d.end),
                None => d,
            });
            relative |= rel;
            last = after;
        }
        // The place: "ora di Mosca", "in Italia".
        let mut zone = None;
        let mut placed = false;
        if let Some((z, after)) = self.zone_after(last) {
            zone = z;
            placed = true;
            last = after;
            // "alle 16.10 ora locale di lunedì": the day after the place.
            if days.is_none() {
                if let Some((d, rel, after)) = self.day_after(last) {
                    days = Some(d);
                    relative = rel;
                    last = after;
                }
            }
        }
        if weak && end_minutes.is_none() && days.is_none() && !placed {
            let counted = self.tok(start.last).is_some_and(|t| {
                (t.is_word() && !crate::figures::lexicon::is_function_word(&t.norm))
                    || t.kind == TokKind::Symbol
                    || t.is_any(&["per", "punti"])
            });
            // "sono le 7", "erano le tre": the hour the verb tells.
            // "dopo le 13", "entro le 14": a bound on the hour.
            let told = j > 0
                && self.tok(j - 1).is_some_and(|t| {
                    t.is_any(&[
                        "sono",
                        "erano",
                        "saranno",
                        "sarebbero",
                        "fossero",
                        "siano",
                        "dopo",
                        "entro",
                        "verso",
                    ])
                });
            if counted || (matches!(lead_word, "le" | "l'") && !told) {
                return None;
            }
        }
        if let Some(e) = end_minutes {
            clock = format!("{clock}-{:02}:{:02}", e / 60, e % 60);
            // Past midnight: the range runs into the next day.
            if e < start.minutes {
                if let Some(d) = days.filter(|d| d.len_days() == 1) {
                    days = Some(DayRange::new(d.start, d.end.add_days(1)));
                }
            }
        }
        let mut f = Figure::new(FigureKind::Time, span_start, last);
        f.clock = Some(clock);
        f.zone = zone.map(str::to_string);
        f.time = days;
        f.relative = relative;
        if about {
            f.qualifier = Some(Qualifier::About);
            f.qualifier_text = Some(w(j).to_string());
        } else if end_minutes.is_none() && matches!(lead_word, "dalle" | "dall'") {
            f.qualifier = Some(Qualifier::AtLeast);
            f.qualifier_text = Some(lead_word.to_string());
        }
        Some(f)
    }

    /// A part of the day: `in mattinata`, `nel (tardo) pomeriggio`, `in
    /// serata`, `nella notte`, `all'alba`, `a mezzanotte`, `di sera`,
    /// `durante la notte`, `a notte fonda`, `al mattino presto`, `a metà
    /// mattinata`, `all'ora di pranzo`, with its day when it follows (`nel
    /// pomeriggio del 12 marzo`), or the clock it puts in its hours (`nel
    /// pomeriggio alle 3` is 15:00).
    pub(super) fn day_part(&self, j: usize, span_start: usize) -> Option<Figure> {
        let w = |i: usize| self.w(i);
        let mut k = j;
        let mut lead = w(k);
        if lead == "durante" && matches!(w(k + 1), "la" | "il" | "l'") {
            // "durante la notte", "durante il pomeriggio".
            k += 1;
            lead = "nella";
        }
        // "la mattina del 12 marzo", "il pomeriggio di sabato": an article
        // leads a part of the day only when its day follows.
        let article = matches!(lead, "la" | "il");
        let led = article
            || matches!(
                lead,
                "in" | "nel"
                    | "nella"
                    | "nell'"
                    | "al"
                    | "all'"
                    | "alla"
                    | "a"
                    | "verso"
                    | "dalla"
                    | "di"
            );
        if led {
            k += 1;
        }
        let mut phase = None;
        match w(k) {
            "tarda" | "tardo" => phase = Some("late"),
            "primo" | "prima" | "primissima" | "primissimo" => phase = Some("early"),
            "meta" => phase = Some("mid"),
            "piena" | "pieno" => {}
            _ => {}
        }
        let modified = matches!(
            w(k),
            "tarda" | "tardo" | "primo" | "prima" | "piena" | "pieno" | "primissima" | "primissimo"
        ) || w(k) == "meta";
        if modified {
            // "prima serata" is the evening's first hours of television; fine.
            k += 1;
        }
        let part = w(k);
        let mut code = part_of_day(part);
        let mut last = k + 1;
        let named = match part {
            "mattinata" | "serata" | "nottata" | "pomeriggio" | "alba" | "tramonto" => true,
            "mattina" | "sera" | "notte" | "mattino" => {
                matches!(lead, "nella" | "nel" | "in" | "al" | "a" | "la" | "il")
                    || lead == "di" && self.di_part_is_time(j)
                    || (lead == "meta" || w(j) == "meta")
            }
            "giornata" if k > 0 && w(k - 1) == "meta" => {
                code = "midday";
                true
            }
            "mezzogiorno" | "mezzanotte" => matches!(lead, "a" | "alla" | "verso" | "dalla"),
            // "all'ora di pranzo": lunchtime.
            "ora"
                if matches!(lead, "all'" | "dall'" | "verso")
                    && (w(k + 1), w(k + 2)) == ("di", "pranzo") =>
            {
                code = "midday";
                last = k + 3;
                true
            }
            _ => false,
        };
        // "a metà mattinata", "metà pomeriggio": its middle, with or
        // without a preposition.
        let bare_mid = !led && w(j) == "meta";
        if !named || !(led || bare_mid) {
            return self.bare_midday(j, span_start);
        }
        if lead == "a" && part == "notte" && w(last) != "fonda" && phase.is_none() {
            return None;
        }
        if article
            && (phase.is_some()
                || !matches!(w(last), "del" | "di" | "dell'" | "della" | "tra" | "fra")
                || self.day_after(last).is_none())
        {
            return None;
        }
        // After it: "presto", "tardi", "fonda" (early or late hours).
        match w(last) {
            "presto" => {
                phase = Some("early");
                last += 1;
            }
            "tardi" | "fonda" | "inoltrata" => {
                phase = Some("late");
                last += 1;
            }
            _ => {}
        }
        if lead == "al" && !matches!(part, "mattino" | "pomeriggio" | "tramonto") {
            return None;
        }
        let mut f = Figure::new(FigureKind::Time, span_start, last);
        f.clock = Some(code.to_string());
        f.phase = phase.map(str::to_string);
        // "nel pomeriggio alle 3", "di notte alle cinque": the clock in
        // that part of the day.
        let at = last + usize::from(self.is_punct(last, ","));
        if self.tok(at).is_some_and(|t| t.is_any(&["alle", "all'"])) {
            if let Some(c) = self.clock_time(at, at) {
                if c.time.is_none() && c.clock.as_deref().is_some_and(|c| !c.contains('-')) {
                    let clock = c.clock.as_deref().unwrap_or("");
                    let h: u32 = clock.get(0..2).and_then(|h| h.parse().ok()).unwrap_or(0);
                    let shift = match code {
                        "afternoon" | "evening" => h < 12,
                        "night" => (8..12).contains(&h),
                        _ => false,
                    };
                    let clock = if shift {
                        format!("{:02}{}", h + 12, &clock[2..])
                    } else {
                        clock.to_string()
                    };
                    f.clock = Some(clock);
                    f.phase = None;
                    last = c.last;
                }
            }
        }
        if let Some((d, rel, after)) = self.day_after(last) {
            f.time = Some(d);
            f.relative = rel;
            last = after;
        }
        if let Some((z, after)) = self.zone_after(last) {
            f.zone = z.map(str::to_string);
            last = after;
        }
        f.last = last;
        if lead == "dalla" {
            f.qualifier = Some(Qualifier::AtLeast);
            f.qualifier_text = Some("dalla".into());
        }
        Some(f)
    }

    /// `di sera`, `di notte` is a time after a verb or at a clause's start
    /// (`si lavora di notte`, `di sera, poi`), not after the nouns it makes
    /// compounds with (`turno di notte`, `treno di notte`, `abito da sera`).
    fn di_part_is_time(&self, j: usize) -> bool {
        let Some(prev) = j.checked_sub(1).and_then(|p| self.tok(p)) else {
            return true;
        };
        if !prev.is_word() || j == 1 {
            return true;
        }
        const COMPOUNDS: &[&str] = &[
            "turno",
            "turni",
            "treno",
            "treni",
            "volo",
            "voli",
            "servizio",
            "servizi",
            "guardia",
            "vita",
            "ora",
            "ore",
            "corsa",
            "corse",
            "club",
            "locale",
            "locali",
            "abito",
            "abiti",
            "programma",
            "programmi",
            "edizione",
            "spettacolo",
            "spettacoli",
            "lavoro",
            "cielo",
            "popolo",
            "giro",
            "camicia",
            "camicie",
            "bus",
            "autobus",
            "linea",
            "linee",
            "lezioni",
            "corsi",
            "corso",
            "scuola",
            "scuole",
            "cena",
            "pranzo",
            "messa",
            "bar",
            "vigilanza",
            "pattuglia",
            "pattuglie",
            "apertura",
            "aperture",
            "orario",
            "orari",
            "notte",
            "sera",
        ];
        let w = prev.norm.as_str();
        !(COMPOUNDS.contains(&w) || prev.cap)
    }

    /// A bare `mezzanotte` or `mezzogiorno` (`scoccata la mezzanotte`,
    /// `fino a mezzogiorno`), lower case and not after a masculine article:
    /// `il Mezzogiorno` is the South of Italy.
    fn bare_midday(&self, j: usize, span_start: usize) -> Option<Figure> {
        let t = self.tok(j)?;
        if !t.is_any(&["mezzanotte", "mezzogiorno"]) || t.cap || span_start != j {
            return None;
        }
        let prev = j.checked_sub(1).map_or("", |p| self.w(p));
        if t.is("mezzogiorno")
            && matches!(
                prev,
                "il" | "del" | "nel" | "al" | "dal" | "sul" | "col" | "per"
            )
        {
            return None;
        }
        let mut f = Figure::new(FigureKind::Time, j, j + 1);
        f.clock = Some(part_of_day(&t.norm).to_string());
        let mut last = j + 1;
        if let Some((d, rel, after)) = self.day_after(last) {
            f.time = Some(d);
            f.relative = rel;
            last = after;
        }
        f.last = last;
        Some(f)
    }
}

/// The zone of a place named after `ora di` or in a dateline (folded
/// name: `pechino`, `mosca`), from the data file `zones.txt`.
pub fn zone_of_place(place: &str) -> Option<&'static str> {
    crate::figures::lexicon::zone_of(place)
}

/// Joins a day and a clock written one after the other into one time
/// figure (`12 marzo 2025 | 14:05`, `venerdì 24 aprile alle 21`,
/// `stamattina alle 10`): the day's days, the clock's clock and zone.
pub(super) fn join_days_and_clocks(toks: &[Tok], found: &mut Vec<Figure>) {
    let mut out: Vec<Figure> = Vec::with_capacity(found.len());
    for f in std::mem::take(found) {
        let joined = out.last_mut().and_then(|d| {
            let gap_ok = (d.last..f.first).all(|x| {
                toks.get(x)
                    .is_some_and(|t| t.is_any(&[",", "ore", "h", "alle"]))
            }) && f.first >= d.last
                && f.first - d.last <= 2;
            let day = d.time.is_some_and(|t| t.len_days() <= 2) && d.kind.is_time();
            let clock_only = f.kind == FigureKind::Time && f.time.is_none() && f.clock.is_some();
            // A part of the day on a day ("stamattina") and a clock.
            let precise_clock = f.clock.as_deref().is_some_and(|c| c.contains(':'));
            let d_vague_clock = d.clock.as_deref().is_none_or(|c| !c.contains(':'));
            (gap_ok && day && clock_only && precise_clock && d_vague_clock).then_some(d)
        });
        match joined {
            Some(d) => {
                d.last = f.last;
                d.kind = FigureKind::Time;
                // A range past midnight runs into the next day.
                if let (Some(t), Some((a, b))) =
                    (d.time, f.clock.as_deref().and_then(|c| c.split_once('-')))
                {
                    if b < a && t.len_days() == 1 {
                        d.time = Some(DayRange::new(t.start, t.end.add_days(1)));
                    }
                }
                d.clock = f.clock;
                d.zone = f.zone.or(d.zone.take());
                if d.qualifier.is_none() {
                    d.qualifier = f.qualifier;
                    d.qualifier_text = f.qualifier_text;
                }
            }
            None => out.push(f),
        }
    }
    *found = out;
}

/// How far from the report's date a day named in one paragraph may be and
/// still give the next paragraphs' times of day their day.
const CARRY_DAYS: i64 = 7;

/// What the text said last about days, carried from block to block.
#[derive(Debug, Clone, Copy, Default)]
pub struct DayContext {
    /// The last day a story figure named.
    current: Option<Date>,
    /// The last day a block named on its own (a live blog's `Domenica 20
    /// ottobre`, a page's `2 APRILE, 09:05`).
    header: Option<Date>,
    /// The last live-blog entry's clock (minutes) and day.
    entry: Option<(u32, Date)>,
}

/// A time in brackets right after another (`alle 19 della costa orientale
/// (l'1 in Italia)`): it glosses that one, in another zone, and is no
/// later moment nor the zone of what follows. `toks` are the tokens
/// `f`'s indices count in.
pub fn in_brackets(toks: &[Tok], f: &Figure) -> bool {
    f.first > 0 && toks.get(f.first - 1).is_some_and(|t| t.is("("))
}

/// `HH:MM` (the start of a range) as minutes after midnight.
fn clock_minutes(c: &str) -> Option<u32> {
    let start = c.split('-').next()?;
    let (h, m) = start.split_once(':')?;
    Some(h.parse::<u32>().ok()? * 60 + m.parse::<u32>().ok()?)
}

/// Gives a time of day without its day the day the text was speaking of,
/// and records the days this block names (`figs`, its figures in text
/// order, over the block's tokens `toks`). A time opening its block (a live
/// blog's entry) is on the last day a block named on its own; any other on
/// the last day a figure named; else on the reference. Days that bound
/// (`fino a lunedì`) or span (`dal 3 al 5`) set no context.
pub fn settle_days(
    figs: &mut [Figure],
    toks: &[Tok],
    cx: &mut DayContext,
    reference: Option<Date>,
) {
    let block_len = toks.len();
    let n = figs.len();
    // A day far from the report's (a background paragraph's `il 20 maggio
    // 2024`) is the day of its own paragraph only: the next paragraph's
    // `nella notte` is the story's night.
    if let (Some(c), Some(r)) = (cx.current, reference) {
        if (c.to_days() - r.to_days()).abs() > CARRY_DAYS {
            cx.current = None;
        }
    }
    // The block's last clock and its day: a story told in order that goes
    // from the evening to the small hours has crossed midnight (`alle
    // 20.59 … nella notte, alle 3.32`).
    let mut last_clock: Option<(u32, Date)> = None;
    for f in figs.iter_mut() {
        if f.boilerplate {
            continue;
        }
        let opens_block = f.first == 0;
        if f.kind == FigureKind::Time && f.time.is_none() && f.clock.is_some() {
            let minutes = f.clock.as_deref().and_then(clock_minutes);
            let mut day = if opens_block {
                cx.header.or(reference)
            } else {
                cx.current.or(cx.header).or(reference)
            };
            if let (false, Some(m), Some((pm, pd)), Some(d)) =
                (opens_block, minutes, last_clock, day)
            {
                if pd == d && pm >= 18 * 60 && m < 6 * 60 && !in_brackets(toks, f) {
                    day = Some(d.add_days(1));
                }
            }
            // Entries across midnight: `23:50 – …` then `00:47 – …` is the
            // next day; newest first, `01:10` then `23:50` the day before.
            if let (true, Some(m), Some((pm, pd))) = (opens_block, minutes, cx.entry) {
                if pm >= 20 * 60 && m < 6 * 60 {
                    day = Some(pd.add_days(1));
                } else if pm < 6 * 60 && m >= 20 * 60 {
                    day = Some(pd.add_days(-1));
                } else {
                    // No heading since (it clears the entry): the same day.
                    day = Some(pd);
                }
            }
            if let Some(d) = day {
                let end = match f.clock.as_deref().and_then(|c| c.split_once('-')) {
                    Some((a, b)) if b < a => d.add_days(1),
                    _ => d,
                };
                f.time = Some(DayRange::new(d, end));
                last_clock = minutes.map(|m| (m, d));
                f.relative = true;
                f.note = Some("day taken from the text before it, else the article's date".into());
                if opens_block {
                    // An entry's time: its sentences speak of its day.
                    cx.current = Some(d);
                    cx.entry = minutes.map(|m| (m, d));
                }
            }
            continue;
        }
        let bounded = matches!(
            f.qualifier,
            Some(
                Qualifier::Under
                    | Qualifier::Over
                    | Qualifier::AtLeast
                    | Qualifier::AtMost
                    | Qualifier::Range
            )
        );
        if f.kind.is_time() && f.kind != FigureKind::Period && !bounded {
            if let Some(t) = f.time.filter(|t| t.len_days() == 1) {
                cx.current = Some(t.start);
                if let Some(m) = f.clock.as_deref().and_then(clock_minutes) {
                    last_clock = Some((m, t.start));
                }
                let alone = opens_block && n == 1 && f.last + 1 >= block_len;
                if alone {
                    cx.header = Some(t.start);
                    // A day's heading: the entries under it start afresh.
                    cx.entry = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// (text, clock, phase) of the times of day found in `s`.
    fn clocks(s: &str) -> Vec<(String, String, Option<String>)> {
        let toks = tokenize(s, 0);
        let numbers = Reader::default();
        find(&toks, s, None, &numbers)
            .into_iter()
            .filter(|f| f.kind == FigureKind::Time)
            .map(|f| {
                let text = s[toks[f.first].start..toks[f.last - 1].end].to_string();
                (text, f.clock.unwrap_or_default(), f.phase)
            })
            .collect()
    }

    fn one(s: &str, text: &str, clock: &str, phase: Option<&str>) {
        assert_eq!(
            clocks(s),
            vec![(text.into(), clock.into(), phase.map(str::to_string))],
            "in {s:?}"
        );
    }

    #[test]
    fn minutes_in_words_and_before_the_hour() {
        one(
            "Il treno è ripartito alle nove e venti.",
            "alle nove e venti",
            "09:20",
            None,
        );
        one(
            "La seduta è ripresa alle 16 e 10 minuti.",
            "alle 16 e 10 minuti",
            "16:10",
            None,
        );
        one(
            "Il crollo è avvenuto alle sei meno cinque.",
            "alle sei meno cinque",
            "05:55",
            None,
        );
        one(
            "Mancavano dieci minuti alle 23 quando è scattato l'allarme.",
            "dieci minuti alle 23",
            "22:50",
            None,
        );
        one(
            "Erano le quattro e mezza del mattino.",
            "le quattro e mezza del mattino",
            "04:30",
            None,
        );
        one(
            "La scossa è stata registrata alle 3:36:32 di notte.",
            "alle 3:36:32 di notte",
            "03:36:32",
            None,
        );
        // Minutes are no count of things: "alle 8 e due feriti".
        assert_eq!(
            clocks("Arrivati alle otto e due feriti gravi.")[0].1,
            "08:00"
        );
    }

    #[test]
    fn parts_of_the_day_and_their_hours() {
        one(
            "Il vertice è finito nel tardo pomeriggio.",
            "nel tardo pomeriggio",
            "afternoon",
            Some("late"),
        );
        one(
            "Si è lavorato di notte per riaprire la strada.",
            "di notte",
            "night",
            None,
        );
        one(
            "Le ruspe sono arrivate al mattino presto.",
            "al mattino presto",
            "morning",
            Some("early"),
        );
        one(
            "Scioperi a metà mattinata.",
            "a metà mattinata",
            "morning",
            Some("mid"),
        );
        one(
            "Il blitz a notte fonda.",
            "a notte fonda",
            "night",
            Some("late"),
        );
        one(
            "Durante la notte la pioggia non ha dato tregua.",
            "Durante la notte",
            "night",
            None,
        );
        one(
            "Il presidio riprende nel pomeriggio, alle 4.",
            "nel pomeriggio, alle 4",
            "16:00",
            None,
        );
        one(
            "La sirena è suonata più o meno alle 11.",
            "più o meno alle 11",
            "11:00",
            None,
        );
        one(
            "Il consiglio si è riunito tra le 5 e le 7 del pomeriggio.",
            "tra le 5 e le 7 del pomeriggio",
            "17:00-19:00",
            None,
        );
    }

    #[test]
    fn not_times_of_day() {
        assert!(clocks("Il turno di notte degli infermieri.").is_empty());
        assert!(clocks("I fondi per il Mezzogiorno e per il mezzogiorno d'Italia.").is_empty());
        assert!(clocks("Gruppi dalle 2 alle 4 persone.").is_empty());
        assert!(clocks("Sono le 7 regioni in zona rossa.").is_empty());
    }
}
