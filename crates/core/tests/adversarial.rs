//! Inputs a user can produce that once crashed, stalled or misread the
//! analysis, run as a browser runs WebAssembly: on a thread with a 1 MB
//! stack, in a build with overflow checks on (tests always have them).
//! Speed is measured by `cargo xtask bench`, not here; these tests pin that
//! every input gives an answer, and the right one.

use synoptic_core::compare::compare;
use synoptic_core::date::Date;
use synoptic_core::report::Report;
use synoptic_core::{analysis::analyse, Article, Metadata};

/// Runs `f` on a thread with a 1 MB stack (a stack overflow aborts the
/// test binary, so a deep recursion fails the run).
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic")
}

fn article(text: String) -> Article {
    Article::parse("a", "a.txt", text, Metadata::default())
}

fn reference() -> Option<Date> {
    Date::from_ymd(2025, 6, 1)
}

/// The whole pipeline on one text: analysis, comparison with a copy,
/// report and JSON.
fn everything(text: String) -> usize {
    let a = article(text);
    let mut b = a.clone();
    b.id = "b".into();
    let c = compare(&[a, b], reference());
    let r = Report::from_comparison(&c);
    serde_json::to_string(&r).expect("serialises").len()
}

#[test]
fn a_long_chain_of_number_words_and_e() {
    // Once read by a recursion as deep as the chain.
    on_small_stack(|| everything(format!("Titolo di prova\n\n{}\n", "due e ".repeat(30_000))));
}

#[test]
fn a_long_run_of_month_names() {
    // Once read by a recursion as deep as the run (5,000 names overflowed
    // a 1 MB stack).
    const MONTHS: [&str; 12] = synoptic_core::date::MONTHS_IT;
    let run: Vec<&str> = (0..40_000).map(|i| MONTHS[i % 12]).collect();
    on_small_stack(move || everything(format!("Titolo di prova\n\nnel {}\n", run.join(" "))));
}

#[test]
fn a_chain_of_years_ago_does_not_overflow_or_invent_a_date() {
    let text = format!(
        "Titolo di prova\n\nSuccesse {}10000 anni fa.\n",
        "10000 anni e ".repeat(3_000)
    );
    on_small_stack(move || {
        let an = analyse(&article(text), reference());
        for f in an.figures.iter().filter(|f| f.kind.is_time()) {
            // 40,000 years before 2025 is no calendar day: no date at all,
            // and a note that says why (never a clamped 9999-05-01).
            if let Some(t) = f.time {
                assert!(
                    t.start.year > 1 && t.end.year < 9999,
                    "{:?} {:?}",
                    f.text,
                    t
                );
            } else {
                assert!(
                    f.note.as_deref().unwrap_or("").contains("calendar"),
                    "{:?}",
                    f.note
                );
            }
        }
    });
}

#[test]
fn thousands_of_dates_numbers_ranges_and_sources_in_one_sentence() {
    let dates: Vec<String> = (0..4_000)
        .map(|i| format!("il {} marzo {}", 1 + i % 28, 1990 + i % 30))
        .collect();
    let numbers: Vec<String> = (0..8_000).map(|i| (i % 997).to_string()).collect();
    let families = [
        dates.join(", "),
        numbers.join(", "),
        "tra il 2017 e il 2024 ".repeat(4_000),
        "miliardi di ".repeat(10_000),
        "secondo l'Istat, secondo Eurostat, secondo la Banca d'Italia, ".repeat(2_000),
        "Xi ha detto, Putin ha detto, il ministro Wang Yi ha affermato, ".repeat(2_000),
        "100 anni fa, ".repeat(5_000),
    ];
    for body in families {
        on_small_stack(move || everything(format!("Titolo di prova\n\n{body}\n")));
    }
}

#[test]
fn one_long_line_and_many_tiny_lines() {
    let sentence = "Nel 2024 l'export verso la Cina è salito del 12,5% a 40 miliardi di euro, secondo l'Istat. ";
    on_small_stack(move || everything(format!("Titolo di prova\n\n{}\n", sentence.repeat(2_000))));
    on_small_stack(|| everything("3\n".repeat(20_000)));
}

#[test]
fn no_break_spaces_separate_thousands() {
    let text = "Titolo di prova per i numeri\n\nHanno partecipato 1\u{a0}000 persone, con un costo di 1\u{202f}000\u{202f}000 di euro e 12\u{2009}500 volontari.\n";
    let an = analyse(&article(text.into()), reference());
    let value = |t: &str| {
        let f = an.figures.iter().find(|f| f.text == t).unwrap_or_else(|| {
            panic!(
                "{t:?} in {:?}",
                an.figures.iter().map(|f| &f.text).collect::<Vec<_>>()
            )
        });
        f.value.and_then(|v| v.min)
    };
    assert_eq!(value("1\u{a0}000 persone"), Some(1000.0));
    assert_eq!(value("1\u{202f}000\u{202f}000 di euro"), Some(1e6));
    assert_eq!(value("12\u{2009}500 volontari"), Some(12_500.0));
}

#[test]
fn a_byte_order_mark_and_old_line_ends() {
    let bom = "\u{feff}Home Notizie Mondo\nIl titolo del pezzo di prova\nIl testo dice che 200 persone sono arrivate.\n";
    assert_eq!(
        article(bom.into()).display_title(),
        "Il titolo del pezzo di prova"
    );
    for sep in ["\r", "\r\n", "\u{2028}", "\u{2029}"] {
        let text = [
            "Il titolo del pezzo di prova",
            "ROMA, 3 marzo 2024 - Il testo dice che 200 persone sono arrivate.",
            "Share",
            "",
        ]
        .join(sep);
        let a = article(text);
        assert_eq!(a.display_title(), "Il titolo del pezzo di prova", "{sep:?}");
        let an = analyse(&a, None);
        assert_eq!(
            an.reference.map(|r| r.0.to_string()).as_deref(),
            Some("2024-03-03"),
            "{sep:?}"
        );
        let people = an
            .figures
            .iter()
            .find(|f| f.text == "200 persone")
            .expect("200 persone");
        assert!(!people.boilerplate, "{sep:?}");
    }
}

#[test]
fn the_report_of_many_outlets_grows_with_the_story_not_its_square() {
    // A story of 200 outlets that all say the same: every group's size is
    // its members, never the 200 silent ones of another group.
    let text = "Il titolo comune della storia\n\nNel 2024 l'interscambio tra Italia e Cina ha raggiunto i 70 miliardi di euro, secondo l'Istat.\n\nUna frase che dice altro del meteo di domani a Roma.\n";
    let articles: Vec<Article> = (0..200)
        .map(|i| Article::parse(format!("{i:03}"), "x.txt", text, Metadata::default()))
        .collect();
    let c = compare(&articles, reference());
    let json = serde_json::to_string(&Report::from_comparison(&c)).unwrap();
    let per_article = json.len() / 200;
    assert!(per_article < 40_000, "{per_article} bytes per article");
    for q in &c.quantities {
        assert!(
            q.links.len() <= 16 * q.figures.len(),
            "{} links for {} figures",
            q.links.len(),
            q.figures.len()
        );
    }
}

/// The fuzz target `article` on one of its saved inputs: parse, reference
/// date (its fallback when the input's length is even, as the target
/// does), extraction, on the browser's stack.
fn article_target(bytes: &'static [u8]) {
    on_small_stack(move || {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let fallback = (bytes.len() % 2 == 0)
            .then(|| Date::from_ymd(2024, 2, 29))
            .flatten();
        let a = article(text);
        let reference = synoptic_core::figures::dateline::reference_date(&a, fallback).map(|r| r.0);
        for f in synoptic_core::figures::extract(&a, reference) {
            assert_eq!(a.text.get(f.start..f.end), Some(f.text.as_str()));
        }
    });
}

#[test]
fn regression_deep_number_chain() {
    article_target(include_bytes!(
        "../../../fuzz/regressions/article/deep-number-chain"
    ));
}

#[test]
fn regression_month_names_in_a_row() {
    article_target(include_bytes!(
        "../../../fuzz/regressions/article/month-names-in-a-row"
    ));
}

#[test]
fn regression_many_figures_in_one_sentence() {
    article_target(include_bytes!(
        "../../../fuzz/regressions/article/many-figures-in-one-sentence"
    ));
}

#[test]
fn regression_years_ago_month_overflow() {
    article_target(include_bytes!(
        "../../../fuzz/regressions/article/years-ago-month-overflow"
    ));
}
