//! Dates relative to the article's own: deictic words (`oggi`, `ieri`,
//! `domani`, `questa settimana`, `l'anno scorso`), offsets (`tre giorni
//! fa`, `due settimane dopo`), spans back or ahead (`negli ultimi cinque
//! anni`, `nei prossimi mesi`) and bare weekdays (`lunedì`, `venerdì
//! scorso`), all resolved against the reference date.

use super::*;

/// The `shift` of [`Ctx::weekday_expr`] for a bound ahead (`fino a`,
/// `entro`): today or the next such day.
const UNTIL: i32 = 2;

impl Ctx<'_> {
    /// `oggi` meaning nowadays, not the article's day: `ancora oggi`,
    /// `oggi come oggi`, `oggi di 10 anni` (currently ten years), or set
    /// against the past at the start of its sentence or the one before
    /// (`Una volta il fisso costava di più. Oggi no`, `Un tempo …, oggi …`,
    /// `In passato …`). Looks back a bounded window only.
    fn nowadays(&self, j: usize) -> bool {
        let w = |i: usize| self.tok(i).map_or("", |t| t.norm.as_str());
        if j > 0 && matches!(w(j - 1), "ancora" | "tuttora") {
            return true;
        }
        if w(j + 1) == "come" && w(j + 2) == "oggi"
            || j >= 2 && w(j - 1) == "come" && w(j - 2) == "oggi"
        {
            return true;
        }
        if w(j + 1) == "di" && self.tok(j + 2).is_some_and(|t| t.kind == TokKind::Digits) {
            return true;
        }
        let ends_sentence = |k: usize| {
            let t = &self.toks[k];
            t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | ";")
        };
        // Back to the start of its sentence; when `oggi` opens the sentence
        // (`Oggi no`, `Oggi invece`), to the start of the one before. At
        // most 60 words.
        let opens = j == 0 || ends_sentence(j - 1) || self.toks[j].newline_before;
        let mut ends = 0;
        let lo = j.saturating_sub(60);
        for k in (lo..j).rev() {
            if ends_sentence(k) {
                ends += 1;
                if ends > usize::from(opens) {
                    break;
                }
                continue;
            }
            let starts = k == 0
                || self.toks[k - 1].kind == TokKind::Punct
                    && matches!(
                        self.toks[k - 1].norm.as_str(),
                        "." | "!" | "?" | ";" | "," | ":" | "-" | "–" | "—"
                    )
                || self.toks[k].newline_before;
            if starts
                && matches!(
                    (w(k), w(k + 1)),
                    ("una", "volta") | ("un", "tempo") | ("in", "passato") | ("allora", _)
                )
                && !matches!(w(k + 2), "al" | "all'" | "alla" | "a" | "ogni")
            {
                return true;
            }
        }
        false
    }

    /// Relative words and phrases.
    pub(super) fn relative_expr(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let r = self.reference;
        let w = |i: usize| self.tok(i).map_or("", |t| t.norm.as_str());
        let day = |off: i64| r.map(|d| DayRange::day(d.add_days(off)));
        let mut part: Option<&str> = None;
        // (kind, last token, range)
        let (kind, last, range): (FigureKind, usize, Option<DayRange>) = match w(j) {
            "oggi" if span_start == j && self.nowadays(j) => return None,
            "oggi" => match w(j + 1) {
                "pomeriggio" | "mattina" | "sera" => {
                    part = Some(w(j + 1));
                    (FigureKind::Time, j + 2, day(0))
                }
                _ => (FigureKind::Date, j + 1, day(0)),
            },
            "domattina" => {
                part = Some("mattina");
                (FigureKind::Time, j + 1, day(1))
            }

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
                "mattina" | "sera" | "pomeriggio" | "notte" => {
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
                // "questo venerdì": the Friday of the article's week.
                _ => {
                    let mut f = self.weekday_expr(j + 1, span_start, 0)?;
                    let wd = weekday_of(w(j + 1))?;
                    if let Some(r) = r {
                        f.time = Some(DayRange::day(week_of(r).start.add_days(i64::from(wd))));
                    }
                    return Some(f);
                }
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
            "notte"
                if lead != Lead::Plain
                    || span_start < j
                    || matches!(w(j + 1), "scorsa" | "passata") =>
            {
                // "la scorsa notte", "la notte scorsa": the night before the
                // article's day.
                let last = match (lead, w(j + 1)) {
                    (Lead::Past, _) => j + 1,
                    (_, "scorsa" | "passata") => j + 2,
                    _ => return None,
                };
                part = Some("notte");
                (FigureKind::Time, last, day(-1))
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
                // `lunedì scorso`, `fino a giovedì`, `entro lunedì`, `da
                // venerdì`: a bound leaves the day to the tense.
                let bound = matches!(lead, Lead::Until | Lead::Since | Lead::Before | Lead::After);
                if lead == Lead::Past || lead == Lead::Next || bound || span_start == j {
                    let shift = match lead {
                        Lead::Past => -1,
                        Lead::Next => 1,
                        // A deadline or an end looks ahead, whatever the
                        // tense (`ha chiesto i listini entro venerdì`).
                        Lead::Until => UNTIL,
                        _ => 0,
                    };
                    return self.weekday_expr(j, span_start, shift);
                }
                return None;
            }
        };
        let mut f = Figure::new(kind, span_start, last);
        f.relative = true;
        f.clock = part.map(|p| clock::part_of_day(p).to_string());
        match range {
            Some(r) => {
                f.time = Some(r);
                f.note = Some("resolved against the article's date".into());
            }
            None => f.note = Some("relative time: the article's date is unknown".into()),
        }
        Some(f)
    }

    /// `lunedì`, `lunedì scorso`, `questo venerdì`: the such day before the
    /// reference (`shift` -1), after it (1), this one or the next
    /// ([`UNTIL`]), or by the tense, else the nearest (0).
    pub(super) fn weekday_expr(&self, j: usize, span_start: usize, shift: i32) -> Option<Figure> {
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
        // "giovedì sera", "lunedì mattina": the part of the day.
        let part = match self.w(last) {
            w @ ("mattina" | "mattinata" | "pomeriggio" | "sera" | "serata" | "notte") => {
                last += 1;
                Some(clock::part_of_day(w))
            }
            _ => None,
        };
        // A bare weekday: the nearest past one for a past verb, the next
        // for a future one ("lunedì ha detto", "lunedì incontrerà"), else
        // the nearest either way ("venerdì nero per i treni" in a Wednesday
        // article is two days on, not five back).
        if shift == 0 {
            shift = match self.tense_near(j) {
                Some(Lead::Next) => 1,
                Some(Lead::Past) => -1,
                _ => 0,
            };
        }
        let mut f = Figure::new(
            if part.is_some() {
                FigureKind::Time
            } else {
                FigureKind::Date
            },
            span_start,
            last,
        );
        f.clock = part.map(str::to_string);
        f.relative = true;
        match self.reference {
            Some(r) => {
                let today = r.weekday() as i64;
                let target = wd as i64;
                let back = (today - target).rem_euclid(7);
                let ahead = (target - today).rem_euclid(7);
                let d = if shift == UNTIL {
                    r.add_days(ahead)
                } else if shift == 0 {
                    if ahead < back {
                        r.add_days(ahead)
                    } else {
                        r.add_days(-back)
                    }
                } else if shift > 0 {
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

    /// `tre giorni fa`, `2 anni fa`, `1 mese e 21 giorni fa`, `tra due
    /// settimane da adesso`, `fra tre mesi`, `4 settimane in futuro` (not `due giorni dopo`:
    /// after what the story told, not after the article's date).
    pub(super) fn ago(&self, j: usize, span_start: usize) -> Option<Figure> {
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
            // "2 anni e 21 giorni", "2 anni, 1 mese e 21 giorni".
            if (self.is(k, "e") || self.is_punct(k, ","))
                && self.numbers.read(self.toks, k + 1).is_some()
            {
                k += 1;
            }
        }
        if units == 0 {
            return None;
        }
        // `tra due settimane`, `fra tre mesi` alone: ahead of the
        // article's date, unless a second bound follows (`tra 6 mesi e 6
        // anni` is a range of lengths) or what it is of (`tra due anni di
        // lavori`).
        let ahead_alone = self.is(j, "tra") || self.is(j, "fra");
        let (sign, last) = match (self.w(k), self.w(k + 1), self.w(k + 2)) {
            ("fa", _, _) if !prefixed => (-1, k + 1),
            ("in", "futuro", _) => (1, k + 2),
            ("da", "adesso" | "oggi" | "ora", _) => (1, k + 2),
            ("da", "questo", "momento") => (1, k + 3),
            (next, _, _)
                if ahead_alone
                    && units == 1
                    && !matches!(
                        next,
                        "e" | "ed"
                            | "o"
                            | "-"
                            | "di"
                            | "del"
                            | "della"
                            | "dei"
                            | "delle"
                            | "a"
                            | "al"
                            | "alle"
                    )
                    && self.numbers.read(self.toks, k).is_none() =>
            {
                (1, k)
            }
            _ => return None,
        };
        let mut f = Figure::new(FigureKind::Date, span_start, last);
        f.relative = true;
        f.time = self.reference.and_then(|r| {
            let d = r
                .checked_add_months(sign * months)?
                .checked_add_days(i64::from(sign) * days)?;
            // `rispetto a un anno fa`: a baseline of a comparison is the
            // same day back (a price then), not the whole year.
            let baseline = (1..=2).any(|b| span_start >= b && self.is(span_start - b, "rispetto"));
            if units > 1 || coarse <= 1 || baseline {
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
    pub(super) fn n_units_past(&self, j: usize, span_start: usize) -> Option<Figure> {
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
    pub(super) fn last_n(&self, j: usize, span_start: usize) -> Option<Figure> {
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
pub(super) const MAX_AGO_UNITS: usize = 4;

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn a_weekday_of_this_week() {
        // 2024-03-12 is a Tuesday.
        check(
            "Il testo arriverà in aula questo giovedì.",
            Some("2024-03-12"),
            &[("questo giovedì", "date", Some("2024-03-14..2024-03-14"))],
        );
        check(
            "Questa domenica si vota.",
            Some("2024-03-12"),
            &[("Questa domenica", "date", Some("2024-03-17..2024-03-17"))],
        );
    }

    #[test]
    fn units_counted_back_joined_by_commas() {
        check(
            "Il ponte è stato chiuso 1 anno, 2 mesi e 10 giorni fa.",
            Some("2024-03-12"),
            &[(
                "1 anno, 2 mesi e 10 giorni fa",
                "date",
                Some("2023-01-02..2023-01-02"),
            )],
        );
    }

    #[test]
    fn a_first_person_future_is_no_past() {
        // "tornerò" is spelt like a past ("superò"): no tense, the nearest
        // 20 March; "sarò" is a future: the next one.
        check(
            "«Tornerò il 20 marzo»",
            Some("2024-03-12"),
            &[("il 20 marzo", "date", Some("2024-03-20..2024-03-20"))],
        );
        check(
            "«Sarò a Roma il 2 marzo»",
            Some("2024-03-12"),
            &[("il 2 marzo", "date", Some("2025-03-02..2025-03-02"))],
        );
    }
}
