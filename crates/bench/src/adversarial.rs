//! Adversarial inputs: texts shaped to make the extractor's lookahead,
//! chaining or per-sentence work grow faster than the text. Each family is
//! one small generator of `n` repetitions of its unit; `cargo xtask bench`
//! runs each at two sizes 10× apart and checks that the time grows about
//! as the text does.

/// One family: a name, the generator, and the smaller `n` of the full run
/// (the larger is 10× that; `--quick` runs a hundredth of each).
pub struct Family {
    /// A short name, also the input file's stem.
    pub name: &'static str,
    /// `n` repetitions of the family's unit.
    pub generate: fn(usize) -> String,
    /// The smaller size of the full run.
    pub n: usize,
}

/// Every family, in the order the bench prints them.
pub const FAMILIES: &[Family] = &[
    Family {
        name: "due-e",
        generate: due_e,
        n: 5_000,
    },
    Family {
        name: "months",
        generate: months,
        n: 5_000,
    },
    Family {
        name: "anni-fa",
        generate: years_ago,
        n: 2_000,
    },
    Family {
        name: "dates",
        generate: dates,
        n: 2_000,
    },
    Family {
        name: "numbers",
        generate: numbers,
        n: 5_000,
    },
    Family {
        name: "tra-il",
        generate: ranges,
        n: 2_000,
    },
    Family {
        name: "miliardi-di",
        generate: scales,
        n: 5_000,
    },
    Family {
        name: "sources",
        generate: sources,
        n: 10_000,
    },
    Family {
        name: "long-line",
        generate: long_line,
        n: 2_000,
    },
    Family {
        name: "nbsp-groups",
        generate: nbsp_groups,
        n: 5_000,
    },
];

const MONTHS: &[&str] = &synoptic_core::date::MONTHS_IT;

/// `due e due e due e … tre.`: a number-word chain that never closes
/// (`due e` is how Italian joins number words).
pub fn due_e(n: usize) -> String {
    let mut s = "due e ".repeat(n);
    s.push_str("tre.");
    s
}

/// `gennaio febbraio marzo … dicembre gennaio …`: `n` month names in a row,
/// each of which can start a date or a period.
pub fn months(n: usize) -> String {
    let mut s: String = (0..n).map(|i| MONTHS[i % 12]).collect::<Vec<_>>().join(" ");
    s.push('.');
    s
}

/// `10000 anni e 10000 anni e … fa`: one "time ago" whose amount is a chain
/// of `n` terms, resolved only by the `fa` at the very end.
pub fn years_ago(n: usize) -> String {
    let mut s = "10000 anni e ".repeat(n);
    s.push_str("fa.");
    s
}

/// `il 3 marzo 2024, il 4 marzo 2024, …`: `n` full dates in one sentence
/// (commas only, no full stop until the end).
pub fn dates(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let day = 1 + i % 28;
        let month = MONTHS[(i / 28) % 12];
        let year = 2000 + (i / 336) % 30;
        s.push_str(&format!("il {day} {month} {year}, "));
    }
    s.push_str("e poi basta.");
    s
}

/// `12, 13, 14, …`: `n` numbers in one sentence.
pub fn numbers(n: usize) -> String {
    let mut s: String = (12..12 + n)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    s.push('.');
    s
}

/// `tra il 2017 e il 2024 tra il 2017 e il 2024 …`: `n` ranges with no
/// punctuation between them (each end can also open the next range).
pub fn ranges(n: usize) -> String {
    let mut s = "tra il 2017 e il 2024 ".repeat(n);
    s.push('.');
    s
}

/// `227,9 miliardi di miliardi di … dollari`: an amount followed by `n`
/// scale words, each of which multiplies the one before.
pub fn scales(n: usize) -> String {
    let mut s = String::from("227,9 ");
    s.push_str(&"miliardi di ".repeat(n));
    s.push_str("dollari.");
    s
}

/// `secondo l'Istat, secondo Eurostat, …, il Pil è cresciuto del 2%`: `n`
/// cited sources in one sentence before its one figure.
pub fn sources(n: usize) -> String {
    const WHO: &[&str] = &[
        "l'Istat",
        "Eurostat",
        "la Banca d'Italia",
        "l'Ocse",
        "il Fondo monetario internazionale",
        "Confindustria",
        "l'agenzia Reuters",
        "il ministero dell'Economia",
    ];
    let mut s = String::new();
    for i in 0..n {
        s.push_str("secondo ");
        s.push_str(WHO[i % WHO.len()]);
        s.push_str(", ");
    }
    s.push_str("il Pil è cresciuto del 2% nel 2024.");
    s
}

/// A realistic article of `n` sentences on one line: no line break, so the
/// whole text is a single block.
pub fn long_line(n: usize) -> String {
    let text = crate::synthetic::article_text(n * 130, 0x10_4E);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `1 234 567 …` with no-break spaces (U+00A0) between thousands: one
/// number of `n` digit groups, then a narrow no-break space (U+202F) before
/// its unit, as typeset French and Swiss texts write them.
pub fn nbsp_groups(n: usize) -> String {
    let mut s = String::from("Il totale è di 1");
    for i in 0..n {
        s.push('\u{a0}');
        s.push_str(&format!("{:03}", (i * 137) % 1000));
    }
    s.push_str("\u{202f}euro.");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_grow_with_n() {
        for f in FAMILIES {
            let small = (f.generate)(10);
            let large = (f.generate)(100);
            assert!(large.len() > 5 * small.len(), "{}", f.name);
            assert!(!large.contains('\n'), "{} has a line break", f.name);
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(due_e(2), "due e due e tre.");
        assert_eq!(years_ago(2), "10000 anni e 10000 anni e fa.");
        assert_eq!(numbers(3), "12, 13, 14.");
        assert!(dates(2).starts_with("il 1 gennaio 2000, il 2 gennaio 2000, "));
        assert!(nbsp_groups(2).contains("1\u{a0}000\u{a0}137\u{202f}euro"));
    }
}
