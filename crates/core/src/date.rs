//! Calendar days and ranges of days, without a clock.
//!
//! [`Date`] is a proleptic Gregorian day; [`DayRange`] an inclusive range of
//! days, the normalised value of every time figure (`nel 2019` is
//! 2019-01-01..2019-12-31). The core never reads the system clock: relative
//! dates are resolved against an article's own publication date.
//!
//! ```
//! use synoptic_core::date::{Date, DayRange};
//! let d = Date::from_ymd(2026, 2, 4).unwrap();
//! assert_eq!(d.to_string(), "2026-02-04");
//! assert_eq!(d.add_days(-35).to_string(), "2025-12-31");
//! assert_eq!(DayRange::year(2019).unwrap().end.to_string(), "2019-12-31");
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (astronomical numbering; only 1..=9999 are built by this crate).
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of the month, 1..=31.
    pub day: u32,
}

/// Italian month names, January first (the date grammar reads them, the
/// interface writes them).
pub const MONTHS_IT: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// English month names, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// True for leap years of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days of `month` in `year` (0 for a month out of range).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The day, if it exists (years 1..=9999).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` days after 1970-01-01, clamped to years 1..=9999.
    pub fn from_days(days: i64) -> Date {
        let min = Date {
            year: 1,
            month: 1,
            day: 1,
        };
        let max = Date {
            year: 9999,
            month: 12,
            day: 31,
        };
        let days = days.clamp(min.to_days(), max.to_days());
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The day `n` days later (earlier if negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(n))
    }

    /// The same day `n` months later, clamped to the month's last day.
    pub fn add_months(self, n: i32) -> Date {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let year = total.div_euclid(12).clamp(1, 9999) as i32;
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The day `n` days later, if it lies in years 1..=9999 (for offsets
    /// read from a text, which must not turn into a clamped, wrong day).
    pub fn checked_add_days(self, n: i64) -> Option<Date> {
        let days = self.to_days().checked_add(n)?;
        let d = Date::from_days(days);
        (d.to_days() == days).then_some(d)
    }

    /// The same day `n` months later (clamped to the month's last day), if
    /// it lies in years 1..=9999.
    pub fn checked_add_months(self, n: i32) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        let year = total.div_euclid(12);
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(self.add_months(n))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    /// Reads what `serialize` writes: `YYYY-MM-DD`, a real day.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD day: {s:?}")))
    }
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DayRange {
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
}

impl DayRange {
    /// A single day.
    pub fn day(d: Date) -> DayRange {
        DayRange { start: d, end: d }
    }

    /// From `start` to `end`, in whichever order they come.
    pub fn new(a: Date, b: Date) -> DayRange {
        DayRange {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Option<DayRange> {
        let start = Date::from_ymd(year, month, 1)?;
        let end = Date::from_ymd(year, month, days_in_month(year, month))?;
        Some(DayRange { start, end })
    }

    /// A whole year.
    pub fn year(year: i32) -> Option<DayRange> {
        Some(DayRange {
            start: Date::from_ymd(year, 1, 1)?,
            end: Date::from_ymd(year, 12, 31)?,
        })
    }

    /// Months `first..=last` of a year (quarters, semesters, seasons).
    pub fn months(year: i32, first: u32, last: u32) -> Option<DayRange> {
        Some(DayRange {
            start: DayRange::month(year, first)?.start,
            end: DayRange::month(year, last)?.end,
        })
    }

    /// The smallest range covering both.
    pub fn span(self, other: DayRange) -> DayRange {
        DayRange {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// True if the ranges share at least one day.
    pub fn overlaps(self, other: DayRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Number of days covered.
    pub fn len_days(self) -> i64 {
        self.end.to_days() - self.start.to_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for days in [-700_000, -1, 0, 1, 10_957, 20_000, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::from_ymd(2000, 3, 1).unwrap().to_days(), 11_017);
    }

    #[test]
    fn arithmetic() {
        let d = Date::from_ymd(2024, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(-2).to_string(), "2023-11-30");
        assert_eq!(d.add_days(366).to_string(), "2025-01-31");
        assert_eq!(Date::from_ymd(2026, 2, 4).unwrap().weekday(), 2);
        assert_eq!(Date::from_days(i64::MAX).year, 9999);
        assert_eq!(d.add_days(i64::MIN).year, 1);
        // Regression (found by the property tests): no overflow on huge spans.
        assert_eq!(d.add_months(i32::MAX).year, 9999);
        assert_eq!(d.add_months(i32::MIN).year, 1);
        // Offsets read from a text say when they leave the calendar.
        assert_eq!(d.checked_add_months(-12).unwrap().to_string(), "2023-01-31");
        assert!(d.checked_add_months(12 * 8000).is_none());
        assert!(d.checked_add_days(-800_000).is_none());
        assert_eq!(d.checked_add_days(1).unwrap().to_string(), "2024-02-01");
    }

    #[test]
    fn invalid_days() {
        assert!(Date::from_ymd(2025, 2, 29).is_none());
        assert!(Date::from_ymd(2025, 0, 1).is_none());
        assert!(Date::from_ymd(0, 1, 1).is_none());
        assert!(Date::parse_iso("2025-02-30").is_none());
        assert!(Date::parse_iso("2025-2-3").is_none());
        assert_eq!(Date::parse_iso("2024-02-29").unwrap().day, 29);
    }

    #[test]
    fn ranges() {
        let q1 = DayRange::months(2026, 1, 3).unwrap();
        assert_eq!(q1.len_days(), 90);
        let feb = DayRange::month(2026, 2).unwrap();
        assert!(q1.overlaps(feb));
        assert!(!DayRange::year(2025).unwrap().overlaps(feb));
        assert_eq!(
            DayRange::year(2017)
                .unwrap()
                .span(DayRange::year(2024).unwrap())
                .len_days(),
            8 * 365 + 2
        );
    }
}
