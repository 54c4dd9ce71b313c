//! Absolute dates: a day, a month or a year named by the text, in every
//! written form — `4 febbraio 2026`, `martedì 14 ottobre`, `May 18, 2026`,
//! `21/04/2016`, `07.03.2001`, `2025-12-25`, `23/set/2020`, `nel marzo
//! 2013`, `nel 2019` — with the year taken from the reference date when
//! the text leaves it out (`il 3 marzo`), and a weekday checked against
//! the calendar (a mismatch is noted).

use super::*;

impl Ctx<'_> {
    /// `[weekday[,]] day month [,] [del|di] [year]`
    pub(super) fn day_month_year(&self, i: usize) -> Option<Parts> {
        self.memo
            .get(i, |m| &m.day_month_year, || self.read_day_month_year(i))
    }

    fn read_day_month_year(&self, i: usize) -> Option<Parts> {
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
    pub(super) fn month_day_year(&self, i: usize) -> Option<Parts> {
        self.memo
            .get(i, |m| &m.month_day_year, || self.read_month_day_year(i))
    }

    fn read_month_day_year(&self, i: usize) -> Option<Parts> {
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
    pub(super) fn month_year(&self, i: usize) -> Option<Parts> {
        self.memo
            .get(i, |m| &m.month_year, || self.read_month_year(i))
    }

    fn read_month_year(&self, i: usize) -> Option<Parts> {
        let (m, after_month) = self.month_at(i, true)?;
        let (y, last) = self.year_after(after_month, &[","], true)?;
        Some(Parts {
            month: Some(m),
            year: Some(y),
            last,
            ..Parts::default()
        })
    }

    /// A month and a year in two digits (`agosto '99`, `agosto 99`): the
    /// number cannot be a day (over 31) or bears the apostrophe of an
    /// elided century, and nothing it would count follows.
    pub(super) fn month_short_year(&self, i: usize) -> Option<Parts> {
        let (m, after_month) = self.month_at(i, true)?;
        let mut k = after_month;
        let elided = self.is_punct(k, "'") || self.is(k, "'");
        if elided {
            k += 1;
        }
        let t = self.tok(k).filter(|t| t.is_digits() && t.norm.len() == 2)?;
        let v: i32 = t.norm.parse().ok()?;
        if !(elided || v > 31) {
            return None;
        }
        if self
            .tok(k + 1)
            .is_some_and(|n| n.is_word() || n.kind == TokKind::Symbol)
        {
            return None;
        }
        Some(Parts {
            month: Some(m),
            year: Some(if v < 50 { 2000 + v } else { 1900 + v }),
            last: k + 1,
            ..Parts::default()
        })
    }

    /// A year and its month joined by a dot after a lead (`nel 2015.3`,
    /// `il 2019.11`): no Italian number is written so (thousands take
    /// three digits after the dot).
    pub(super) fn year_dot_month(&self, i: usize, has_lead: bool) -> Option<Parts> {
        if !has_lead {
            return None;
        }
        let t = self.tok(i).filter(|t| t.is_digits())?;
        let (y, m) = t.norm.split_once('.')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 || m.contains('.') {
            return None;
        }
        let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
        if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        Some(Parts {
            month: Some(m),
            year: Some(y),
            last: i + 1,
            ..Parts::default()
        })
    }

    /// Three parts joined by `/` or `-` where one is a month name:
    /// `23/set/2020`, `set-23-2020`, `2020/set/23`; or a day and a month
    /// name joined by `/` (`2/ott`).
    pub(super) fn mixed_date(&self, i: usize) -> Option<Parts> {
        let a = self.tok(i)?;
        let s1 = self
            .tok(i + 1)
            .filter(|t| (t.norm == "/" || t.norm == "-") && !t.space_before)?;
        let b = self.tok(i + 2).filter(|t| !t.space_before)?;
        let two_parts = s1.norm == "/"
            && a.is_digits()
            && a.norm.len() <= 2
            && b.kind == TokKind::Word
            && self
                .tok(i + 3)
                .is_none_or(|t| t.space_before || t.kind == TokKind::Punct && t.norm != "/");
        if two_parts {
            let m = month_of(&b.norm, true)?;
            let d: u32 = a.norm.parse().ok()?;
            (1..=days_in_month(2024, m)).contains(&d).then_some(())?;
            return Some(Parts {
                day: Some(d),
                month: Some(m),
                last: i + 3,
                ..Parts::default()
            });
        }
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
    pub(super) fn numeric_date(&self, i: usize) -> Option<Parts> {
        self.memo
            .get(i, |m| &m.numeric_date, || self.read_numeric_date(i))
    }

    fn read_numeric_date(&self, i: usize) -> Option<Parts> {
        if let Some(p) = self.mixed_date(i) {
            return Some(p);
        }
        let t = self.tok(i)?;
        if t.kind != TokKind::Digits {
            return None;
        }
        // One token with dots: 07.03.2001
        let mut dotted = t.norm.split('.');
        if let (Some(d), Some(m), Some(y), None) =
            (dotted.next(), dotted.next(), dotted.next(), dotted.next())
        {
            if !t.norm.contains(',') {
                if let Some(p) = dmy(d, m, y) {
                    return Some(Parts { last: i + 1, ..p });
                }
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

    /// A single day, month or year.
    pub(super) fn single_date(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let has_lead = span_start != j;
        let parts = self
            .numeric_date(j)
            .filter(|p| p.year.is_some() || has_lead || p.day > p.month)
            .or_else(|| self.day_month_year(j))
            .or_else(|| self.month_day_year(j))
            .or_else(|| self.month_year(j))
            .or_else(|| self.month_short_year(j))
            .or_else(|| self.year_dot_month(j, span_start != j))
            .or_else(|| self.bare_month(j, span_start != j))
            .or_else(|| self.bare_year(j, span_start != j))
            .or_else(|| self.weekday_day(j))
            .or_else(|| self.bare_day(j, span_start));
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
        // A day or month without its year: the tense says which.
        let lead = if needs_ref && lead == Lead::Plain {
            self.tense_near(j).unwrap_or(Lead::Plain)
        } else {
            lead
        };
        // With a weekday, the year whose calendar agrees.
        let range = match (p.weekday, p.year, p.month, p.day, self.reference) {
            (Some(wd), None, Some(m), Some(d), Some(r)) => [r.year, r.year + 1, r.year - 1]
                .into_iter()
                .filter_map(|y| Date::from_ymd(y, m, d))
                .filter(|x| x.weekday() == wd)
                .min_by_key(|x| (x.to_days() - r.to_days()).abs())
                .map(|x| (DayRange::day(x), true))
                .or_else(|| parts_range(&p, self.reference, lead)),
            _ => parts_range(&p, self.reference, lead),
        };
        let mut f = self.found_range(FigureKind::Date, span_start, last, range, needs_ref);
        if p.year.is_some() && needs_ref {
            f.relative = false;
        }
        if let (Some(w), Some((r, _))) = (p.weekday, range) {
            if r.len_days() == 1 && r.start.weekday() != w {
                f.note = Some("the weekday does not match the date".into());
            }
        }
        Some(f)
    }

    /// `di quest'anno`, `dell'anno in corso`, `di questo anno`: (year, next).
    pub(super) fn this_year_suffix(&self, i: usize) -> Option<(Option<i32>, usize)> {
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
    pub(super) fn weekday_day(&self, j: usize) -> Option<Parts> {
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

    /// `per il 15`, `entro il ventidue`, `lunedì 3 e il 10`: a day of the
    /// month with no month named, read only where the words around make it
    /// a date — after `per il`, `entro il`, `non oltre il`, or in a clause
    /// that names a weekday or a month before it — and where nothing
    /// follows that would make it a quantity (`il 15%`, `il 15 per cento`,
    /// `l'articolo 15`, `il 15 maggio` being read elsewhere). Its month is
    /// the reference's, or the one before or after by the tense.
    pub(super) fn bare_day(&self, j: usize, span_start: usize) -> Option<Parts> {
        if span_start == j
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
        if !self.day_ends(last) {
            return None;
        }
        let led = self.toks[span_start..j]
            .iter()
            .any(|t| t.is_any(&["per", "entro", "oltre"]));
        if !led && !self.date_in_clause_before(span_start) && !self.event_verb_before(span_start) {
            return None;
        }
        Some(Parts {
            day: Some(d),
            last,
            ..Parts::default()
        })
    }

    /// True when a bare day ending before token `last` is followed by
    /// nothing that would make it a quantity: the end of the clause or a
    /// conjunction, and not `e il 8%` (the first end of a range of
    /// percentages).
    pub(super) fn day_ends(&self, last: usize) -> bool {
        let ends = self.tok(last).is_none_or(|n| {
            n.kind == TokKind::Punct && n.norm != "/" && n.norm != "-" && n.norm != "%"
                || n.is_any(&["con", "e", "o", "alle", "ma", "quando", "per"])
                    && !self.is(last + 1, "cento")
        });
        if !ends {
            return false;
        }
        let mut k = last + 1;
        if self.tok(k).is_some_and(|t| t.is_any(&["il", "l'"])) {
            k += 1;
        }
        let quantity_follows = self.is(last, "e")
            && self.tok(k).is_some_and(|t| t.is_digits())
            && self.tok(k + 1).is_some_and(|t| {
                t.kind == TokKind::Symbol || t.is_any(&["per", "percento", "punti"])
            });
        !quantity_follows
    }

    /// True when the word before token `i` is a verb of going, coming back,
    /// starting or ending (`è tornato il 27`, `parte il 3`, `scade il 15`):
    /// what follows it is when, not how much (`ha preso il 15` is a share).
    pub(super) fn event_verb_before(&self, i: usize) -> bool {
        const STEMS: &[&str] = &[
            "torn", "ritorn", "rientr", "part", "ripart", "arriv", "giung", "scad", "inizi",
            "comincia", "termin", "chiud", "riapr", "apre", "aprir", "usci", "uscir", "esce",
            "atterr", "sbarc", "decoll", "slitt", "rinvi",
        ];
        let Some(k) = i.checked_sub(1) else {
            return false;
        };
        let t = &self.toks[k];
        // A capital inside a sentence is a name's.
        let name = t.cap && k > 0 && self.toks[k - 1].kind != TokKind::Punct;
        t.is_word()
            && !name
            && STEMS.iter().any(|s| crate::token::has_prefix(&t.norm, s))
            && !t.norm.starts_with("partit")
            && !t.norm.starts_with("parte")
            && !t.norm.starts_with("partecip")
            && !t.norm.starts_with("inizio")
    }

    /// True when the clause before token `i` names a weekday or a month
    /// (`lunedì …, il 15`, `il 3 marzo e il 15`): a day of the month after it
    /// continues the dates of the clause.
    pub(super) fn date_in_clause_before(&self, i: usize) -> bool {
        let lo = i.saturating_sub(TENSE_WINDOW);
        for k in (lo..i).rev() {
            let t = &self.toks[k];
            if t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | ";" | "!" | "?") {
                return false;
            }
            if t.is_word()
                && (month_of(&t.norm, false).is_some()
                    || weekday_of(&t.norm).is_some() && t.norm.len() > 3)
            {
                return true;
            }
        }
        false
    }

    /// A full month name after a preposition (`a maggio`, `nel marzo`).
    pub(super) fn bare_month(&self, j: usize, has_lead: bool) -> Option<Parts> {
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
    pub(super) fn bare_year(&self, j: usize, has_lead: bool) -> Option<Parts> {
        let t = self.tok(j)?;
        let (y, last) = self.year_at(j)?;
        if t.kind == TokKind::Word && !has_lead {
            return None;
        }
        // "superiore a 1000", "pari a 2000": a number compared, not a year.
        let compared = j >= 2
            && self.toks[j - 1].is_any(&["a", "al", "di"])
            && self.toks[j - 2].is_any(&[
                "superiore",
                "inferiore",
                "pari",
                "uguale",
                "maggiore",
                "minore",
                "sopra",
                "sotto",
                "oltre",
            ]);
        if compared {
            return None;
        }
        let after_copyright = j > 0 && self.toks[j - 1].norm == "©";
        if !has_lead && !after_copyright {
            // "1.000" is not a year; "2025 persone" is a count.
            let next = self.tok(last);
            let counted = next.is_some_and(|n| {
                n.kind == TokKind::Word
                    && !crate::figures::lexicon::is_function_word(&n.norm)
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
}

pub(super) fn dmy(a: &str, b: &str, c: &str) -> Option<Parts> {
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

pub(super) fn ymd(a: &str, b: &str, c: &str) -> Option<Parts> {
    let (y, m, d): (i32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    Date::from_ymd(y, m, d)?;
    Some(Parts {
        day: Some(d),
        month: Some(m),
        year: Some(y),
        ..Parts::default()
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn a_bare_day_where_the_words_make_it_a_date() {
        // After "per il" / "entro il": the nearest such day, by the tense.
        check(
            "Il cantiere dovrà chiudere entro il 20.",
            Some("2024-03-12"),
            &[("entro il 20", "date", Some("2024-03-20..2024-03-20"))],
        );
        check(
            "La delegazione era rientrata per il 28, in tempo per il voto.",
            Some("2024-03-12"),
            &[("per il 28", "date", Some("2024-02-28..2024-02-28"))],
        );
        // After a verb of coming back or starting.
        check(
            "Il ministro è rientrato il 9 e ha convocato il consiglio.",
            Some("2024-03-12"),
            &[("il 9", "date", Some("2024-03-09..2024-03-09"))],
        );
        // In a clause that names a weekday.
        check(
            "Lunedì la riunione è saltata e si è tenuta il 14.",
            Some("2024-03-20"),
            &[
                ("Lunedì", "date", Some("2024-03-18..2024-03-18")),
                ("il 14", "date", Some("2024-03-14..2024-03-14")),
            ],
        );
    }

    #[test]
    fn a_bare_day_elsewhere_is_no_date() {
        check(
            "Il Pd ha preso il 15, la Lega il 10.",
            Some("2024-03-12"),
            &[],
        );
        check("Totti ha indossato il 10.", Some("2024-03-12"), &[]);
        check(
            "È salito per il 15% degli intervistati.",
            Some("2024-03-12"),
            &[],
        );
        check("Lo prevede l'articolo 15.", Some("2024-03-12"), &[]);
    }

    #[test]
    fn a_day_and_a_month_abbreviated_after_a_slash() {
        check(
            "Il lotto sarà consegnato per il 3/ott, salvo ritardi.",
            Some("2024-09-02"),
            &[("per il 3/ott", "date", Some("2024-10-03..2024-10-03"))],
        );
    }
}
