//! Periods and ranges: `dal 19 al 20 maggio`, `tra il 2017 e il 2024`,
//! `2024-2025`, `da gennaio ad aprile`, quarters and halves (`il quarto
//! trimestre 2018`, `nel primo semestre`), decades (`anni '70`), seasons
//! (`la scorsa estate`), named periods (`questo mese`, `la prossima
//! settimana`, `il weekend`) and their parts (`a fine mese`, `all'inizio
//! del prossimo anno`), nth days (`il primo martedì di ottobre`).

use super::*;

impl Ctx<'_> {
    /// Ranges: `dal 19 al 20 maggio`, `tra il 2017 e il 2024`, `2024-2025`,
    /// `dal 4 settembre all'8 settembre`, `19-20 novembre`, `da gennaio ad
    /// aprile`, `da oggi fino a domenica`.
    pub(super) fn range_expr(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
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
            &[
                &["-"],
                &["/"],
                &["fino", "al"],
                &["fino", "all'"],
                &["fino", "a"],
            ]
        };
        let mut matched = false;
        let mut until = false;
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
                until = sep[0] == "fino";
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
        // Unopened, "fino al" joins two years only ("nel 2014 fino al
        // 2018"; the 7 of "G7 fino al 31 dicembre" is no day).
        let years = l.year.is_some() && l.month.is_none() && l.day.is_none();
        if !opened && (!like || until && !years) {
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
        // "novembre 19-20": the right day in the left's month.
        if r.day.is_some() && r.month.is_none() && l.day.is_some() && l.month.is_some() {
            r.month = l.month;
            r.year = r.year.or(l.year);
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
    pub(super) fn endpoint(&self, i: usize, opened: bool) -> Option<End> {
        if let Some(p) = self.date_part(i) {
            return Some(End::Parts(p));
        }
        if !opened {
            return None;
        }
        // "dal duemila fino al duemilaquattordici": a year in words.
        if let Some((y, last)) = self.year_at(i) {
            return Some(End::Parts(Parts {
                year: Some(y),
                last,
                ..Parts::default()
            }));
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
            .or_else(|| self.compound(i, i))
            // `tra fine gennaio e la prima metà di febbraio`: the article.
            .or_else(|| {
                matches!(self.w(i), "la" | "il" | "l'" | "lo" | "le" | "i")
                    .then(|| self.compound(i + 1, i))
                    .flatten()
            })?;
        Some(End::Figure(Box::new(rel)))
    }

    /// One side of a range: a day (with optional month/year), a month with
    /// a year, or a year.
    pub(super) fn date_part(&self, i: usize) -> Option<Parts> {
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
    pub(super) fn quarter(&self, j: usize, span_start: usize) -> Option<Figure> {
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
        } else if let Some((y, after)) = self
            .year_at(last)
            .filter(|_| self.tok(last).is_some_and(Tok::is_digits))
        {
            // "il quarto trimestre 2018"
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
    pub(super) fn decade(&self, j: usize, span_start: usize) -> Option<Figure> {
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
    pub(super) fn season(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
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
        // A season needs a year or a clear deictic to be a time figure.
        if relative && k == j && span_start == j {
            return None;
        }
        let of_year = |y: i32| -> Option<DayRange> {
            let start = DayRange::month(y, m0)?.start;
            let end = if m1 > 12 {
                DayRange::month(y + 1, m1 - 12)?.end
            } else {
                DayRange::month(y, m1)?.end
            };
            Some(DayRange::new(start, end))
        };
        // Without a year: "questa estate" is this year's; "la scorsa
        // primavera" the last one over before the article, "il prossimo
        // inverno" the next one to begin after it.
        let range = match (year, self.reference) {
            (Some(y), _) => of_year(y),
            (None, Some(r)) => {
                let mut s = of_year(r.year);
                match shift {
                    -1 => {
                        if s.is_some_and(|s| s.end >= r) {
                            s = of_year(r.year - 1);
                        }
                        if s.is_some_and(|s| s.end >= r) {
                            s = of_year(r.year - 2);
                        }
                    }
                    1 if s.is_some_and(|s| s.start <= r) => s = of_year(r.year + 1),
                    _ => {}
                }
                s
            }
            (None, None) => None,
        }
        .map(|s| (s, relative));
        Some(self.found_range(FigureKind::Period, span_start, last, range, relative))
    }

    /// A named period: `questo mese`, `la prossima settimana`, `l'anno
    /// scorso`, `luglio [2024]`, `2027`, `il weekend`. With `bare`, a unit
    /// word alone (`mese` in `fine mese`) means the current one.
    /// Returns (range, unit, relative, last).
    pub(super) fn period_spec(
        &self,
        i: usize,
        bare: bool,
    ) -> Option<(DayRange, Unit, bool, usize)> {
        self.period_spec_at(i, bare, true)
    }

    /// [`Ctx::period_spec`]; a month name is read only when `months`, so
    /// that the year after a month (`luglio dell'anno scorso`) is read by
    /// one more call at most: the depth never depends on the text.
    pub(super) fn period_spec_at(
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
            // Without its year: the tense says which ("a fine marzo era",
            // "a metà febbraio arriverà").
            let year = match self.tense_near(i) {
                Some(Lead::Past) if m > r.month => r.year - 1,
                Some(Lead::Next) if m < r.month => r.year + 1,
                _ => r.year,
            };
            return Some((DayRange::month(year, m)?, Unit::Month, true, after));
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
                // "la settimana dopo la prossima", "l'anno dopo il
                // prossimo": the one after next, where no noun follows
                // (`dopo il prossimo vertice` is after the summit).
                ("dopo", "la" | "il" | "l'")
                    if matches!(self.w(last + 2), "prossima" | "prossimo")
                        && self.tok(last + 3).is_none_or(|t| {
                            !t.is_word() || crate::figures::lexicon::is_function_word(&t.norm)
                        }) =>
                {
                    last += 3;
                    Some(2)
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
    pub(super) fn compound(&self, j: usize, span_start: usize) -> Option<Figure> {
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
            // Halves: `la prima metà di febbraio`, `nella seconda metà
            // dell'anno`.
            ("prima", "meta") => Some((5, j + 2)),
            ("seconda", "meta") => Some((6, j + 2)),
            ("inizio", _) => Some((1, j + 1)),
            ("fine", _) if self.w(j + 1) != "settimana" || span_start < j => Some((3, j + 1)),
            ("meta", _) => Some((2, j + 1)),
            ("resto", _) => Some((4, j + 1)),
            _ => None,
        };
        if let Some((which, after)) = part {
            let (range, _, relative, last) = self.period_spec(after, true)?;
            // The start, middle and end of a month or a year are its first
            // ten days, days 11 to 20, its last ten days (of a week: its
            // first, middle and last days).
            let len = range.len_days();
            let part = if len >= 28 { 10 } else { (len / 3).max(1) };
            let sub = match which {
                1 => DayRange::new(range.start, range.start.add_days(part - 1)),
                2 if (28..=31).contains(&len) => {
                    DayRange::new(range.start.add_days(10), range.start.add_days(19))
                }
                2 => {
                    let mid = range.start.add_days(len / 2);
                    DayRange::new(mid.add_days(-(part / 2)), mid.add_days(part - part / 2 - 1))
                }
                3 => DayRange::new(range.end.add_days(-(part - 1)), range.end),
                // A year's halves are its semesters; a month's, its first
                // 14 or 15 days and the rest.
                5 | 6 if len >= 365 => {
                    let y = range.start.year;
                    let (a, b) = if which == 5 { (1, 6) } else { (7, 12) };
                    DayRange::months(y, a, b)?
                }
                5 => DayRange::new(range.start, range.start.add_days(len / 2 - 1)),
                6 => DayRange::new(range.start.add_days(len / 2), range.end),
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
        // The week or month of a day: "la settimana del 16 settembre".
        if let Some(unit) = self.tok(j).and_then(|t| {
            if t.is("settimana") {
                Some(Unit::Week)
            } else if t.is("mese") {
                Some(Unit::Month)
            } else {
                None
            }
        }) {
            if self.is(j + 1, "del") || self.is(j + 1, "dell'") {
                if let Some(day) = self.single_date(j + 2, j + 2, Lead::Plain) {
                    let within = day
                        .time
                        .filter(|t| t.len_days() == 1)
                        .and_then(|t| match unit {
                            Unit::Week => Some(week_of(t.start)),
                            _ => DayRange::month(t.start.year, t.start.month),
                        });
                    if day.time.is_none_or(|t| t.len_days() == 1) {
                        return Some(relative_found(
                            FigureKind::Period,
                            day.last,
                            within,
                            day.relative,
                        ));
                    }
                }
            }
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
            // `l'ultimo giorno di ottobre 2015`, `il primo giorno dell'anno`:
            // only with the month or year it is of.
            let day = what.is("giorno");
            if weekday.is_none() && !week && !day {
                return None;
            }
            let (outer, relative, last) = match self.period_spec(j + 2, false) {
                Some((range, Unit::Month | Unit::Year, rel, last)) => (range, rel, last),
                _ if day => return None,
                _ => {
                    let d = r?;
                    (DayRange::month(d.year, d.month)?, true, j + 2)
                }
            };
            if day {
                let d = if n == 0 {
                    outer.end
                } else {
                    outer.start.add_days(n as i64 - 1)
                };
                return Some(relative_found(
                    FigureKind::Date,
                    last,
                    Some(DayRange::day(d)),
                    relative,
                ));
            }
            let range = if let Some(wd) = weekday {
                let days: Vec<Date> = (0..outer.len_days())
                    .map(|k| outer.start.add_days(k))
                    .filter(|d| d.weekday() == wd)
                    .collect();
                let pick = if n == 0 { days.last() } else { days.get(n - 1) };
                pick.map(|d| DayRange::day(*d))
            } else {
                // A week belongs to the month or year that holds its
                // Thursday, as ISO 8601 numbers them: the first week of
                // 2015 begins on 29 December 2014, the last of July 2017
                // ends on the 30th.
                let first_thursday = (0..7)
                    .map(|k| outer.start.add_days(k))
                    .find(|d| d.weekday() == 3)?;
                let weeks: Vec<DayRange> = (0..)
                    .map(|k| week_of(first_thursday.add_days(7 * k)))
                    .take_while(|w| w.start.add_days(3) <= outer.end)
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
            }) || span_start < j
                // "settimana corrente", "mese in arrivo": the unit and the
                // word after it that places it.
                || self.tok(j).is_some_and(|t| {
                    t.is_any(&["settimana", "mese", "anno", "weekend"]) && last > j + 1
                });
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

/// One side of a range.
pub(super) enum End {
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
pub(super) enum Unit {
    Week,
    Weekend,
    Month,
    Year,
}

impl Ctx<'_> {
    /// `i primi nove mesi dell'anno`, `nei primi sei mesi del 2024`: the
    /// first months of a year (the article's, unless the text names one).
    pub(super) fn first_months(&self, j: usize, span_start: usize) -> Option<Figure> {
        if !self.tok(j)?.is_any(&["primi", "prime"]) {
            return None;
        }
        let n = self.numbers.read(self.toks, j + 1)?;
        if n.ordinal || n.fraction || n.value.fract() != 0.0 || !(1.0..=12.0).contains(&n.value) {
            return None;
        }
        if !self.is(n.last, "mesi") {
            return None;
        }
        let mut last = n.last + 1;
        let mut relative = true;
        let year = if let Some((y, after)) = self.this_year_suffix(last) {
            last = after;
            y
        } else if self.is(last, "dell'") && self.is(last + 1, "anno") {
            last += 2;
            self.reference.map(|r| r.year)
        } else if let Some((y, after)) = self.year_after(last, &[], true) {
            relative = false;
            last = after;
            Some(y)
        } else {
            self.reference.map(|r| r.year)
        };
        let range = year.and_then(|y| DayRange::months(y, 1, n.value as u32));
        Some(self.found_range(
            FigureKind::Period,
            span_start,
            last,
            range.map(|r| (r, relative)),
            relative,
        ))
    }

    /// `gennaio-ottobre`, `gennaio-settembre 2024`: months joined by a dash.
    pub(super) fn month_range(&self, j: usize, span_start: usize) -> Option<Figure> {
        let (m0, after) = self.month_at(j, false)?;
        let dash = self
            .tok(after)
            .filter(|t| t.norm == "-" && !t.space_before)?;
        let _ = dash;
        if self.tok(after + 1).is_none_or(|t| t.space_before) {
            return None;
        }
        let (m1, mut last) = self.month_at(after + 1, false)?;
        let mut year = None;
        let mut relative = true;
        if let Some((y, a)) = self.year_after(last, &[], true) {
            year = Some(y);
            relative = false;
            last = a;
        } else if let Some((y, a)) = self.this_year_suffix(last) {
            year = y;
            last = a;
        }
        let year = year.or(self.reference.map(|r| r.year));
        let range = year.and_then(|y| {
            if m1 >= m0 {
                DayRange::months(y, m0, m1)
            } else {
                Some(DayRange::new(
                    DayRange::month(y, m0)?.start,
                    DayRange::month(y + 1, m1)?.end,
                ))
            }
        });
        let mut f = self.found_range(
            FigureKind::Period,
            span_start,
            last,
            range.map(|r| (r, relative)),
            relative,
        );
        f.qualifier = Some(Qualifier::Range);
        Some(f)
    }
}

/// How far back [`same_period`] looks for the period a `stesso periodo`
/// mirrors: figures, and sentences.
const MIRROR_FIGURES: usize = 8;
const MIRROR_SENTENCES: usize = 2;

/// `rispetto allo stesso periodo del 2024`, `nello stesso periodo
/// dell'anno precedente`: the grammar reads the year; these words make it
/// the same stretch of that year as the period the story has just named
/// (`nei primi dieci mesi dell'anno` → January–October 2024). The period is
/// the nearest earlier one within a year, at most [`MIRROR_FIGURES`]
/// figures and [`MIRROR_SENTENCES`] sentences back; with none, the figure
/// stays the whole year and its note says so. Figures are the article's,
/// in text order, token indices into `tokens`.
pub(crate) fn same_period(tokens: &[Tok], figures: &mut [Figure]) {
    for k in 0..figures.len() {
        let f = &figures[k];
        let Some(year) = whole_year(f) else {
            continue;
        };
        // `stesso periodo` right before the year, or before its `del`.
        let word = |i: usize| tokens.get(i).map(|t| t.norm.as_str());
        let mut at = f.first;
        if at > 0 && matches!(word(at - 1), Some("del" | "di" | "dello" | "dell'")) {
            at -= 1;
        }
        if at < 2 || word(at - 1) != Some("periodo") || word(at - 2) != Some("stesso") {
            continue;
        }
        let first = at - 2;
        let sentence = f.sentence;
        let mirrored = figures[k.saturating_sub(MIRROR_FIGURES)..k]
            .iter()
            .rev()
            .take_while(|p| p.sentence + MIRROR_SENTENCES >= sentence)
            .find_map(|p| {
                let t = p.time?;
                let within_a_year = t.start.year == t.end.year
                    && whole_year(p).is_none()
                    && t.len_days() > 1
                    && matches!(p.kind, FigureKind::Period | FigureKind::Date);
                within_a_year.then(|| (t, p.text.clone()))
            });
        let f = &mut figures[k];
        f.first = first;
        match mirrored.and_then(|(t, text)| Some((shifted(t, year)?, text))) {
            Some((days, text)) => {
                f.kind = FigureKind::Period;
                f.time = Some(days);
                f.note = Some(format!("the same stretch of {year} as \"{text}\""));
            }
            None => {
                f.note = Some(format!(
                    "the same period of {year}: the period it mirrors is not named nearby, so the whole year"
                ));
            }
        }
    }
}

/// The year a date figure covers whole (`2024`, `dell'anno precedente`).
fn whole_year(f: &Figure) -> Option<i32> {
    let t = f.time?;
    let whole = f.kind == FigureKind::Date
        && t.start.year == t.end.year
        && (t.start.month, t.start.day) == (1, 1)
        && (t.end.month, t.end.day) == (12, 31);
    whole.then_some(t.start.year)
}

/// `t` (within one year) moved to `year`, the last day of a month kept the
/// last (29 February → 28).
fn shifted(t: DayRange, year: i32) -> Option<DayRange> {
    let move_to = |d: Date, last: bool| {
        let end_of_month = d.day == days_in_month(d.year, d.month);
        let day = if last && end_of_month {
            days_in_month(year, d.month)
        } else {
            d.day.min(days_in_month(year, d.month))
        };
        Date::from_ymd(year, d.month, day)
    };
    Some(DayRange::new(
        move_to(t.start, false)?,
        move_to(t.end, true)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn halves_of_a_month_and_of_a_year_and_a_range_between_parts() {
        // February 2026 has 28 days: halves of 14.
        check(
            "Le domande si presentano nella prima metà di febbraio 2026.",
            None,
            &[(
                "prima metà di febbraio 2026",
                "period",
                Some("2026-02-01..2026-02-14"),
            )],
        );
        check(
            "Il cantiere riparte nella seconda metà di marzo 2025.",
            None,
            &[(
                "seconda metà di marzo 2025",
                "period",
                Some("2025-03-16..2025-03-31"),
            )],
        );
        // A year's halves are its semesters.
        check(
            "Nella seconda metà del 2024 i prezzi sono scesi.",
            None,
            &[(
                "seconda metà del 2024",
                "period",
                Some("2024-07-01..2024-12-31"),
            )],
        );
        // Between the end of one month and the first half of the next.
        check(
            "I lavori si faranno tra fine gennaio e la prima metà di febbraio.",
            Some("2025-09-30"),
            &[(
                "tra fine gennaio e la prima metà di febbraio",
                "period",
                Some("2026-01-22..2026-02-14"),
            )],
        );
    }

    #[test]
    fn the_first_or_last_day_of_a_month_or_year() {
        check(
            "Il bando scade l'ultimo giorno di ottobre 2015.",
            None,
            &[(
                "l'ultimo giorno di ottobre 2015",
                "date",
                Some("2015-10-31..2015-10-31"),
            )],
        );
        check(
            "La norma si applica il primo giorno del 2027.",
            None,
            &[(
                "il primo giorno del 2027",
                "date",
                Some("2027-01-01..2027-01-01"),
            )],
        );
        // A day of nothing said is no date.
        check(
            "Il primo giorno di scuola è stato tranquillo.",
            Some("2025-09-15"),
            &[],
        );
    }

    #[test]
    fn weeks_numbered_by_their_thursday() {
        // 1 January 2026 is a Thursday: its week is the first of 2026.
        check(
            "nella prima settimana del 2026",
            None,
            &[(
                "prima settimana del 2026",
                "period",
                Some("2025-12-29..2026-01-04"),
            )],
        );
    }

    #[test]
    fn the_week_or_month_of_a_day_and_the_one_after_next() {
        check(
            "I saldi partono la settimana del 5 gennaio.",
            Some("2025-12-10"),
            &[(
                "settimana del 5 gennaio",
                "period",
                Some("2026-01-05..2026-01-11"),
            )],
        );
        check(
            "Il voto slitta alla settimana dopo la prossima.",
            Some("2024-03-12"),
            &[(
                "alla settimana dopo la prossima",
                "period",
                Some("2024-03-25..2024-03-31"),
            )],
        );
        check(
            "Il bilancio della settimana corrente",
            Some("2024-03-12"),
            &[(
                "settimana corrente",
                "period",
                Some("2024-03-11..2024-03-17"),
            )],
        );
    }

    #[test]
    fn ranges_of_years_and_days_after_a_month() {
        check(
            "I dati vanno dal duemila fino al duemilacinque.",
            None,
            &[(
                "dal duemila fino al duemilacinque",
                "period",
                Some("2000-01-01..2005-12-31"),
            )],
        );
        check(
            "Il festival, marzo 8-10, a Parma.",
            Some("2024-02-01"),
            &[("marzo 8-10", "period", Some("2024-03-08..2024-03-10"))],
        );
        // "fino al" after anything but a year opens no range.
        check(
            "la presidenza del G7 fino al 31 dicembre",
            Some("2024-11-07"),
            &[(
                "fino al 31 dicembre",
                "date",
                Some("2024-12-31..2024-12-31"),
            )],
        );
    }

    #[test]
    fn a_month_and_a_short_year() {
        check(
            "le piene dell'ottobre 96",
            None,
            &[("dell'ottobre 96", "date", Some("1996-10-01..1996-10-31"))],
        );
        check(
            "i conti chiusi nel 2019.11",
            None,
            &[("nel 2019.11", "date", Some("2019-11-01..2019-11-30"))],
        );
    }
}
