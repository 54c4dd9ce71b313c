//! Named days: holidays and feasts, fixed (`Natale`, `il 25 aprile` is
//! read as a date elsewhere, `Ferragosto`, `l'Immacolata`, `San
//! Silvestro`, `la vigilia di Natale`) and movable (`Pasqua`,
//! `Pasquetta`, `il Venerdì santo`, `Pentecoste`), in the year the text
//! says (`Natale 2022`, `Santo Stefano del 2024`, `lo scorso Natale`) or,
//! without one, the occurrence nearest the article's date.

use super::*;

/// A holiday: a fixed day of the year, or days after Easter Sunday.
#[derive(Debug, Clone, Copy)]
enum Day {
    Fixed(u32, u32),
    Easter(i64),
    /// The `n`th weekday (0 = Monday) of a month: Thanksgiving is the
    /// fourth Thursday of November.
    Nth(u32, u32, u32),
    /// The Chinese New Year: a lunar date, from a table.
    Lunar,
}

/// The Chinese New Year's day, 2000–2030 (month, day).
const LUNAR_NEW_YEAR: &[(u32, u32)] = &[
    (2, 5),
    (1, 24),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 9),
    (1, 29),
    (2, 18),
    (2, 7),
    (1, 26),
    (2, 14),
    (2, 3),
    (1, 23),
    (2, 10),
    (1, 31),
    (2, 19),
    (2, 8),
    (1, 28),
    (2, 16),
    (2, 5),
    (1, 25),
    (2, 12),
    (2, 1),
    (1, 22),
    (2, 10),
    (1, 29),
    (2, 17),
    (2, 6),
    (1, 26),
    (2, 13),
    (2, 3),
];

/// The holidays, by their folded words (longest first where one is the
/// start of another).
const HOLIDAYS: &[(&[&str], Day)] = &[
    (&["capodanno", "cinese"], Day::Lunar),
    (&["capodanno", "lunare"], Day::Lunar),
    (&["giorno", "di", "natale"], Day::Fixed(12, 25)),
    (&["giorno", "del", "ringraziamento"], Day::Nth(11, 3, 4)),
    (&["festa", "del", "ringraziamento"], Day::Nth(11, 3, 4)),
    (&["ringraziamento"], Day::Nth(11, 3, 4)),
    (&["thanksgiving"], Day::Nth(11, 3, 4)),
    (&["festa", "della", "mamma"], Day::Nth(5, 6, 2)),
    (&["primo", "giorno", "di", "quaresima"], Day::Easter(-46)),
    (&["vigilia", "di", "natale"], Day::Fixed(12, 24)),
    (&["vigilia", "di", "capodanno"], Day::Fixed(12, 31)),
    (&["vigilia", "di", "pasqua"], Day::Easter(-1)),
    (&["notte", "di", "san", "silvestro"], Day::Fixed(12, 31)),
    (&["natale"], Day::Fixed(12, 25)),
    (&["santo", "stefano"], Day::Fixed(12, 26)),
    (&["san", "silvestro"], Day::Fixed(12, 31)),
    (&["capodanno"], Day::Fixed(1, 1)),
    (&["epifania"], Day::Fixed(1, 6)),
    (&["befana"], Day::Fixed(1, 6)),
    (&["san", "valentino"], Day::Fixed(2, 14)),
    (&["festa", "della", "donna"], Day::Fixed(3, 8)),
    (&["festa", "del", "papa"], Day::Fixed(3, 19)),
    (&["san", "giuseppe"], Day::Fixed(3, 19)),
    (&["festa", "della", "liberazione"], Day::Fixed(4, 25)),
    (&["festa", "dei", "lavoratori"], Day::Fixed(5, 1)),
    (&["festa", "del", "lavoro"], Day::Fixed(5, 1)),
    (&["festa", "della", "repubblica"], Day::Fixed(6, 2)),
    (&["ferragosto"], Day::Fixed(8, 15)),
    (&["ognissanti"], Day::Fixed(11, 1)),
    (&["tutti", "i", "santi"], Day::Fixed(11, 1)),
    (&["giorno", "dei", "morti"], Day::Fixed(11, 2)),
    (&["commemorazione", "dei", "defunti"], Day::Fixed(11, 2)),
    (&["immacolata"], Day::Fixed(12, 8)),
    (&["immacolata", "concezione"], Day::Fixed(12, 8)),
    (&["pasquetta"], Day::Easter(1)),
    (&["lunedi", "dell'", "angelo"], Day::Easter(1)),
    (&["lunedi", "di", "pasqua"], Day::Easter(1)),
    (&["pasqua"], Day::Easter(0)),
    (&["domenica", "delle", "palme"], Day::Easter(-7)),
    (&["giovedi", "santo"], Day::Easter(-3)),
    (&["venerdi", "santo"], Day::Easter(-2)),
    (&["sabato", "santo"], Day::Easter(-1)),
    (&["martedi", "grasso"], Day::Easter(-47)),
    (&["mercoledi", "delle", "ceneri"], Day::Easter(-46)),
    (&["ascensione"], Day::Easter(39)),
    (&["pentecoste"], Day::Easter(49)),
    (&["corpus", "domini"], Day::Easter(60)),
];

/// True if the name of a holiday begins with the word `w`.
fn begins_holiday(w: &str) -> bool {
    static FIRST: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    FIRST
        .get_or_init(|| HOLIDAYS.iter().map(|(words, _)| words[0]).collect())
        .contains(w)
}

/// Easter Sunday of a Gregorian year (the anonymous algorithm).
pub fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd(year, month as u32, day as u32)
}

fn day_in(day: Day, year: i32) -> Option<Date> {
    match day {
        Day::Fixed(m, d) => Date::from_ymd(year, m, d),
        Day::Easter(offset) => Some(easter(year)?.add_days(offset)),
        Day::Nth(month, weekday, n) => {
            let first = Date::from_ymd(year, month, 1)?;
            let to = (weekday + 7 - first.weekday()) % 7;
            let d = first.add_days((to + 7 * (n - 1)) as i64);
            (d.month == month).then_some(d)
        }
        Day::Lunar => {
            let (m, d) = LUNAR_NEW_YEAR.get(usize::try_from(year - 2000).ok()?)?;
            Date::from_ymd(year, *m, *d)
        }
    }
}

impl Ctx<'_> {
    /// A named day at `j`: its words (after an optional article or
    /// `scorso`/`prossimo`), then an optional year (`Natale 2022`, `Santo
    /// Stefano del 2024`, `l'Epifania dello scorso anno`).
    pub(super) fn named_day(&self, j: usize, span_start: usize, lead: Lead) -> Option<Figure> {
        let mut k = j;
        if self.tok(k)?.is_any(&["la", "il", "l'", "lo"]) {
            k += 1;
        }
        let mut shift = match lead {
            Lead::Past => -1,
            Lead::Next => 1,
            _ => 0,
        };
        match self.w(k) {
            "scorso" | "scorsa" => {
                shift = -1;
                k += 1;
            }
            "prossimo" | "prossima" => {
                shift = 1;
                k += 1;
            }
            _ => {}
        }
        if !begins_holiday(self.w(k)) {
            return None;
        }
        let (words, day) = HOLIDAYS
            .iter()
            .find(|(words, _)| words.iter().enumerate().all(|(n, w)| self.is(k + n, w)))?;
        // A holiday is a name: written with a capital (`Natale`, not
        // `natale` in "città natale"), except the words after its first.
        // Names of days are capitalised (Natale, Pasqua); in lower case
        // only a name opening with giorno or primo (il giorno di natale, il
        // primo giorno di quaresima), festa or vigilia, or one after a
        // preposition that dates it (a natale, per pasqua, al capodanno
        // cinese): "città natale" is no Christmas.
        let dated = k > 0
            && self.tok(k - 1).is_some_and(|t| {
                t.is_any(&["a", "al", "per", "dopo", "entro", "di", "da", "fino"])
            });
        let first = self.tok(k)?;
        let allowed = first.cap
            || first.is_any(&["vigilia", "festa"])
            || words.len() > 2 && first.is_any(&["giorno", "primo"])
            || dated && first.is_any(&["natale", "pasqua", "ferragosto", "capodanno"]);
        if !allowed {
            return None;
        }
        let mut last = k + words.len();
        // "Santo Stefano Lodigiano", "Pasqua Rossi": part of a longer name.
        if self
            .tok(last)
            .is_some_and(|t| t.is_word() && t.cap && !t.newline_before)
        {
            return None;
        }
        match self.w(last) {
            "scorso" | "scorsa" => {
                shift = -1;
                last += 1;
            }
            "prossimo" | "prossima" => {
                shift = 1;
                last += 1;
            }
            _ => {}
        }
        let mut year = None;
        if let Some((y, after)) = self.year_after(last, &[","], true) {
            year = Some(y);
            last = after;
        } else if let Some((y, after)) = self.this_year_suffix(last) {
            year = y;
            last = after;
        }
        let mut f = Figure::new(FigureKind::Date, span_start, last);
        let date = match (year, self.reference) {
            (Some(y), _) => day_in(*day, y),
            (None, Some(r)) => {
                f.relative = true;
                f.note = Some("the occurrence nearest the article's date".into());
                let around = [r.year - 1, r.year, r.year + 1]
                    .into_iter()
                    .filter_map(|y| day_in(*day, y))
                    .filter(|d| match shift {
                        -1 => *d < r,
                        1 => *d > r,
                        _ => true,
                    });
                if shift < 0 {
                    around.max()
                } else if shift > 0 {
                    around.min()
                } else {
                    around.min_by_key(|d| (d.to_days() - r.to_days()).abs())
                }
            }
            (None, None) => {
                f.relative = true;
                f.note = Some("relative time: the article's date is unknown".into());
                None
            }
        };
        f.time = date.map(DayRange::day);
        Some(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sundays() {
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2019, 4, 21),
            (2000, 4, 23),
        ] {
            assert_eq!(easter(y), Date::from_ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn nth_weekdays_and_lunar_new_year() {
        // Thanksgiving, the fourth Thursday of November.
        assert_eq!(
            day_in(Day::Nth(11, 3, 4), 2024),
            Date::from_ymd(2024, 11, 28)
        );
        assert_eq!(
            day_in(Day::Nth(11, 3, 4), 2010),
            Date::from_ymd(2010, 11, 25)
        );
        // Mother's Day, the second Sunday of May.
        assert_eq!(day_in(Day::Nth(5, 6, 2), 2025), Date::from_ymd(2025, 5, 11));
        assert_eq!(day_in(Day::Lunar, 2024), Date::from_ymd(2024, 2, 10));
        assert_eq!(day_in(Day::Lunar, 1990), None);
    }
}
