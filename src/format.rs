//! Formatting values for people: dates and counts in the interface language.

use crate::i18n::Lang;

/// `2026-02-04` → `4 febbraio 2026` / `4 February 2026`. Anything that is not a
/// `YYYY-MM-DD` day is returned as it is.
pub fn long_date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts[..] {
        if let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) {
            if (1..=12).contains(&m) && (1..=31).contains(&d) && y.len() == 4 {
                return format!("{d} {} {y}", lang.month(m));
            }
        }
    }
    iso.to_string()
}

/// A count with thousands separators in the language's style (`1.234` /
/// `1,234`).
pub fn count(n: usize, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::It => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(long_date("2026-02-04", Lang::It), "4 febbraio 2026");
        assert_eq!(long_date("2026-05-18", Lang::En), "18 May 2026");
        assert_eq!(long_date("maggio", Lang::En), "maggio");
        assert_eq!(long_date("2026-13-01", Lang::En), "2026-13-01");
    }

    #[test]
    fn counts() {
        assert_eq!(count(0, Lang::It), "0");
        assert_eq!(count(999, Lang::En), "999");
        assert_eq!(count(1234, Lang::It), "1.234");
        assert_eq!(count(1234567, Lang::En), "1,234,567");
    }
}
