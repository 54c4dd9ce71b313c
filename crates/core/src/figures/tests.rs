//! Figure extraction, end to end: every kind on Italian sentences written
//! for these tests (not from the corpus), the embedded corpus against a
//! reviewed list, and properties that must hold on any input.

use super::*;
use crate::corpus;

fn day(s: &str) -> Option<Date> {
    Date::parse_iso(s)
}

fn figs(text: &str, reference: Option<&str>) -> Vec<Figure> {
    extract_text(text, reference.and_then(day))
}

/// The one figure whose text is `text`.
fn fig<'a>(all: &'a [Figure], text: &str) -> &'a Figure {
    all.iter().find(|f| f.text == text).unwrap_or_else(|| {
        panic!(
            "no figure {text:?} in {:?}",
            all.iter().map(|f| &f.text).collect::<Vec<_>>()
        )
    })
}

fn interval(f: &Figure) -> (Option<f64>, Option<f64>) {
    let v = f.value.expect("a value");
    (v.min, v.max)
}

fn days(f: &Figure) -> (String, String) {
    let t = f.time.expect("days");
    (t.start.to_string(), t.end.to_string())
}

#[test]
fn the_grammar_reads_the_month_names_the_interface_writes() {
    use crate::date::{MONTHS_EN, MONTHS_IT};
    for (i, (it, en)) in MONTHS_IT.iter().zip(MONTHS_EN).enumerate() {
        let m = Some(i as u32 + 1);
        assert_eq!(time::month_of(it, false), m, "{it}");
        assert_eq!(time::month_of(&en.to_lowercase(), false), m, "{en}");
    }
}

#[test]
fn amounts_in_every_currency_and_scale() {
    let all = figs(
        "La manovra vale 30 miliardi di euro; Pechino ha investito 2,5 mld di yuan, Mosca 700 milioni di rubli e la società $ 48,2 milioni, più 1.500 € di bonus.",
        None,
    );
    let cases = [
        ("30 miliardi di euro", "EUR", 30e9),
        ("2,5 mld di yuan", "CNY", 2.5e9),
        ("700 milioni di rubli", "RUB", 700e6),
        ("$ 48,2 milioni", "USD", 48.2e6),
        ("1.500 €", "EUR", 1500.0),
    ];
    for (text, unit, v) in cases {
        let f = fig(&all, text);
        assert_eq!(f.kind, FigureKind::Amount, "{text}");
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
        assert_eq!(interval(f), (Some(v), Some(v)), "{text}");
    }
}

#[test]
fn numbers_in_words_fractions_and_multipliers() {
    let all = figs(
        "Sono arrivati ventitré pullman e quasi la metà dei passeggeri; tre quarti dei fondi sono spesi, i prezzi sono raddoppiati e il debito è il doppio.",
        None,
    );
    assert_eq!(
        interval(fig(&all, "ventitré pullman")),
        (Some(23.0), Some(23.0))
    );
    let half = fig(&all, "quasi la metà");
    assert_eq!(half.kind, FigureKind::Fraction);
    assert_eq!(half.subject.as_deref(), Some("passeggeri"));
    assert!(half.value.unwrap().contains(0.49) && !half.value.unwrap().contains(0.5));
    assert_eq!(interval(fig(&all, "tre quarti")), (Some(0.75), Some(0.75)));
    assert_eq!(fig(&all, "raddoppiati").kind, FigureKind::Multiplier);
    assert_eq!(fig(&all, "doppio").stated, Some(2.0));
    // `i primi cinque`: a count of the first five, not a first of `cinque`;
    // a verb after the counted noun is no adjective of it.
    let all = figs(
        "I primi cinque della classifica saliranno sul palco; le prime 10 squadre passano il turno e per i primi due anni non si paga.",
        None,
    );
    let five = fig(&all, "primi cinque");
    assert_eq!((five.kind, five.stated), (FigureKind::Count, Some(5.0)));
    assert_eq!(fig(&all, "primi due anni").unit.as_deref(), Some("anni"));
    assert_eq!(fig(&all, "10 squadre").unit.as_deref(), Some("squadre"));
    // Seconds are never halves (a half is `mezzo`, `metà`).
    let all = figs(
        "Ha chiuso a due secondi dal vincitore; un quinto dei posti e due terzi dei voti.",
        None,
    );
    let secs = fig(&all, "due secondi");
    assert_eq!(
        (secs.kind, secs.unit.as_deref(), secs.stated),
        (FigureKind::Count, Some("secondi"), Some(2.0))
    );
    assert_eq!(interval(fig(&all, "un quinto")), (Some(0.2), Some(0.2)));
    assert_eq!(fig(&all, "due terzi").kind, FigureKind::Fraction);
    // One second where no noun follows; a second term where one does.
    let all = figs(
        "È arrivata a un secondo dal vincitore; per un secondo mandato servono 40 voti.",
        None,
    );
    let one = fig(&all, "un secondo");
    assert_eq!(
        (one.kind, one.stated, one.unit.as_deref()),
        (FigureKind::Count, Some(1.0), Some("secondo"))
    );
    assert_eq!(fig(&all, "secondo mandato").kind, FigureKind::Ordinal);
}

#[test]
fn percentages_with_qualifiers_and_changes() {
    let all = figs(
        "La disoccupazione è scesa al 6,1 per cento, l'export è cresciuto di oltre il 12% e meno del 5% delle imprese ha chiuso.",
        None,
    );
    let p = fig(&all, "6,1 per cento");
    assert_eq!(
        (p.kind, p.unit.as_deref()),
        (FigureKind::Percent, Some("%"))
    );
    assert!(!p.change, "scesa al: a level, not a change");
    let over = fig(&all, "è cresciuto di oltre il 12%");
    assert_eq!(over.qualifier, Some(Qualifier::Over));
    assert!(over.change);
    assert_eq!(interval(over), (Some(12.0), None));
    let under = fig(&all, "meno del 5%");
    assert_eq!(interval(under), (None, Some(5.0)));
    assert_eq!(under.subject.as_deref(), Some("imprese"));
}

#[test]
fn every_qualifier_bends_the_interval() {
    let all = figs(
        "Almeno 30 morti, fino a 200 feriti, intorno ai 50 dispersi, ben 12 ospedali, non più di 8 elicotteri e circa mille volontari.",
        None,
    );
    assert_eq!(interval(fig(&all, "Almeno 30 morti")), (Some(30.0), None));
    assert!(fig(&all, "Almeno 30 morti").value.unwrap().contains(30.0));
    assert_eq!(
        interval(fig(&all, "fino a 200 feriti")),
        (None, Some(200.0))
    );
    let about = fig(&all, "intorno ai 50 dispersi");
    assert_eq!(about.qualifier, Some(Qualifier::About));
    assert!(about.value.unwrap().contains(46.0) && about.value.unwrap().contains(54.0));
    assert_eq!(
        fig(&all, "ben 12 ospedali").qualifier,
        Some(Qualifier::Emphatic)
    );
    assert_eq!(
        interval(fig(&all, "ben 12 ospedali")),
        (Some(12.0), Some(12.0))
    );
    assert_eq!(
        interval(fig(&all, "non più di 8 elicotteri")),
        (None, Some(8.0))
    );
    assert_eq!(
        interval(fig(&all, "circa mille volontari")),
        (Some(900.0), Some(1100.0))
    );
}

#[test]
fn negation_is_kept() {
    let all = figs(
        "Il governo non ha superato i 3 miliardi di euro di spesa.",
        None,
    );
    let f = fig(&all, "3 miliardi di euro");
    assert!(f.negated);
    assert_eq!(f.qualifier, Some(Qualifier::AtMost));
    assert_eq!(interval(f), (None, Some(3e9)));
}

#[test]
fn ordinals_and_counted_nouns() {
    let all = figs(
        "Per il quarto anno consecutivo la festa celebra il trentesimo anniversario, dopo 7 edizioni e 12 anni di lavori.",
        None,
    );
    let o = fig(&all, "quarto anno consecutivo");
    assert_eq!((o.kind, o.stated), (FigureKind::Ordinal, Some(4.0)));
    let o = fig(&all, "trentesimo anniversario");
    assert_eq!((o.kind, o.stated), (FigureKind::Ordinal, Some(30.0)));
    let c = fig(&all, "7 edizioni");
    assert_eq!(
        (c.kind, c.unit.as_deref()),
        (FigureKind::Count, Some("edizioni"))
    );
    assert_eq!(fig(&all, "12 anni").unit.as_deref(), Some("anni"));
}

#[test]
fn full_partial_and_english_dates() {
    let all = figs(
        "TORINO, 14 settembre 2023 – Il piano, approvato nel luglio 2019 e rivisto nel 2021, scade il 31/12/2027; il comunicato è datato October 2, 2023.",
        None,
    );
    assert_eq!(
        days(fig(&all, "14 settembre 2023")),
        ("2023-09-14".into(), "2023-09-14".into())
    );
    assert_eq!(
        days(fig(&all, "nel luglio 2019")),
        ("2019-07-01".into(), "2019-07-31".into())
    );
    assert_eq!(
        days(fig(&all, "nel 2021")),
        ("2021-01-01".into(), "2021-12-31".into())
    );
    assert_eq!(
        days(fig(&all, "il 31/12/2027")),
        ("2027-12-31".into(), "2027-12-31".into())
    );
    assert_eq!(
        days(fig(&all, "October 2, 2023")),
        ("2023-10-02".into(), "2023-10-02".into())
    );
}

#[test]
fn ranges_and_periods() {
    let all = figs(
        "La mostra resta aperta dal 3 al 9 giugno; tra il 2015 e il 2020 i visitatori sono raddoppiati, nel secondo trimestre sono calati, nell'ultimo decennio sono cresciuti.",
        Some("2024-05-20"),
    );
    assert_eq!(
        days(fig(&all, "dal 3 al 9 giugno")),
        ("2024-06-03".into(), "2024-06-09".into())
    );
    assert_eq!(fig(&all, "dal 3 al 9 giugno").kind, FigureKind::Period);
    assert_eq!(
        days(fig(&all, "tra il 2015 e il 2020")),
        ("2015-01-01".into(), "2020-12-31".into())
    );
    assert_eq!(
        days(fig(&all, "nel secondo trimestre")),
        ("2024-04-01".into(), "2024-06-30".into())
    );
    assert_eq!(
        days(fig(&all, "nell'ultimo decennio")),
        ("2014-05-20".into(), "2024-05-19".into())
    );
}

#[test]
fn relative_dates_need_the_reference() {
    let text = "Ieri sera il consiglio ha votato; lo scorso 12 novembre aveva rinviato, e quest'anno il bilancio chiude in pari.";
    let with = figs(text, Some("2024-03-05"));
    let ieri = fig(&with, "Ieri sera");
    assert_eq!(
        (ieri.kind, ieri.clock.as_deref()),
        (FigureKind::Time, Some("evening"))
    );
    assert_eq!(days(ieri), ("2024-03-04".into(), "2024-03-04".into()));
    assert_eq!(
        days(fig(&with, "lo scorso 12 novembre")),
        ("2023-11-12".into(), "2023-11-12".into())
    );
    assert_eq!(
        days(fig(&with, "quest'anno")),
        ("2024-01-01".into(), "2024-12-31".into())
    );
    assert!(with.iter().filter(|f| f.kind.is_time()).all(|f| f.relative));
    let without = figs(text, None);
    for f in without.iter().filter(|f| f.kind.is_time()) {
        assert_eq!(f.time, None, "{} cannot be resolved", f.text);
        assert!(
            f.note.as_deref().unwrap_or("").contains("unknown"),
            "{} says why",
            f.text
        );
    }
}

#[test]
fn times_of_day() {
    let all = figs(
        "Il vertice è iniziato stamattina alle 9:45 ed è finito alle ore 18.",
        Some("2023-01-10"),
    );
    // A part of the day and its clock are one time.
    let morning = fig(&all, "stamattina alle 9:45");
    assert_eq!(morning.clock.as_deref(), Some("09:45"));
    assert_eq!(days(morning), ("2023-01-10".into(), "2023-01-10".into()));
    let evening = fig(&all, "alle ore 18");
    assert_eq!(evening.clock.as_deref(), Some("18:00"));
    assert_eq!(days(evening).0, "2023-01-10", "the day of the story");
}

/// (text, days, clock) of every time figure of a text.
fn times(text: &str, reference: &str) -> Vec<(String, String, String)> {
    figs(text, Some(reference))
        .iter()
        .filter(|f| f.kind.is_time())
        .map(|f| {
            let d = f
                .time
                .map(|t| {
                    if t.start == t.end {
                        t.start.to_string()
                    } else {
                        format!("{}/{}", t.start, t.end)
                    }
                })
                .unwrap_or_default();
            (f.text.clone(), d, f.clock.clone().unwrap_or_default())
        })
        .collect()
}

fn check_times(text: &str, reference: &str, want: &[(&str, &str, &str)]) {
    let got = times(text, reference);
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn clock_times_in_words_digits_and_ranges() {
    check_times(
        "Il treno è partito alle tre del pomeriggio e arriverà alle 22.10.",
        "2024-05-06",
        &[
            ("alle tre del pomeriggio", "2024-05-06", "15:00"),
            ("alle 22.10", "2024-05-06", "22:10"),
        ],
    );
    check_times(
        "Lo sportello resta aperto dalle 8 alle 13 e tra le 15 e le 17.30.",
        "2024-05-06",
        &[
            ("dalle 8 alle 13", "2024-05-06", "08:00-13:00"),
            ("tra le 15 e le 17.30", "2024-05-06", "15:00-17:30"),
        ],
    );
    check_times(
        "La festa va dalle 21 alle 3 del mattino.",
        "2024-05-06",
        &[(
            "dalle 21 alle 3 del mattino",
            "2024-05-06/2024-05-07",
            "21:00-03:00",
        )],
    );
    check_times(
        "Il gol è arrivato all'una e mezza di notte, verso mezzanotte la festa.",
        "2024-05-06",
        &[
            ("all'una e mezza di notte", "2024-05-06", "01:30"),
            ("verso mezzanotte", "2024-05-06", "00:00"),
        ],
    );
    // Two of them, not a time.
    assert!(times("Le due squadre si sono affrontate.", "2024-05-06").is_empty());
}

#[test]
fn parts_of_the_day_and_their_day() {
    check_times(
        "La scossa è avvenuta nel pomeriggio del 3 aprile; in serata una replica, nella notte la calma.",
        "2024-04-04",
        &[
            ("nel pomeriggio del 3 aprile", "2024-04-03", "afternoon"),
            ("in serata", "2024-04-03", "evening"),
            ("nella notte", "2024-04-03", "night"),
        ],
    );
    check_times(
        "Domattina il vertice, giovedì sera la cena.",
        "2024-04-02",
        &[
            ("Domattina", "2024-04-03", "morning"),
            // No tense: the nearest Thursday, two days on.
            ("giovedì sera", "2024-04-04", "evening"),
        ],
    );
    check_times(
        "Il corteo partirà a mezzogiorno; all'alba i primi arrivi.",
        "2024-04-02",
        &[
            ("a mezzogiorno", "2024-04-02", "midday"),
            ("all'alba", "2024-04-02", "morning"),
        ],
    );
}

#[test]
fn a_clock_with_its_day_and_its_place() {
    check_times(
        "Si vota fino alle 23 di domenica 9 giugno.",
        "2024-06-07",
        &[("fino alle 23 di domenica 9 giugno", "2024-06-09", "23:00")],
    );
    let all = figs(
        "L'annuncio è atteso alle 9 ora di Mosca, le 7 in Italia.",
        Some("2024-06-07"),
    );
    let moscow = fig(&all, "alle 9 ora di Mosca");
    assert_eq!(moscow.zone.as_deref(), Some("Europe/Moscow"));
    let italy = fig(&all, "le 7 in Italia");
    assert_eq!(italy.zone.as_deref(), Some("Europe/Rome"));
    assert_eq!(italy.clock.as_deref(), Some("07:00"));
    // A timestamp: the date and the time written together are one figure;
    // set apart by a bar, two.
    check_times(
        "Ultimo aggiornamento\n14/06/2024 18:22",
        "2024-06-14",
        &[("14/06/2024 18:22", "2024-06-14", "18:22")],
    );
    check_times(
        "14 giugno 2024 | 18:22",
        "2024-06-14",
        &[
            ("14 giugno 2024", "2024-06-14", ""),
            ("18:22", "2024-06-14", "18:22"),
        ],
    );
}

#[test]
fn a_story_datelined_abroad_reads_its_clocks_there() {
    let text = "Vertice a Tokyo sul commercio\nTOKYO, 5 marzo 2024 – I ministri si sono incontrati nel pomeriggio e firmeranno alle 10 di domani.\n5 marzo 2024 | 11:40";
    let a = Article::parse("a", "a.txt", text, crate::Metadata::default());
    let all = extract(&a, Some(Date::from_ymd(2024, 3, 5).unwrap()));
    assert_eq!(
        fig(&all, "nel pomeriggio").zone.as_deref(),
        Some("Asia/Tokyo")
    );
    assert_eq!(
        fig(&all, "alle 10 di domani").zone.as_deref(),
        Some("Asia/Tokyo")
    );
    assert_eq!(days(fig(&all, "alle 10 di domani")).0, "2024-03-06");
    // The page's own timestamp keeps the outlet's time.
    assert_eq!(fig(&all, "11:40").zone, None);
}

#[test]
fn live_blog_entries_start_with_their_time() {
    check_times(
        "21.00 Si chiudono i seggi.\n21.40 Primi dati: 12,50 euro il biglietto.",
        "2024-06-09",
        &[
            ("21.00", "2024-06-09", "21:00"),
            ("21.40", "2024-06-09", "21:40"),
        ],
    );
}

#[test]
fn subject_time_reference_and_source() {
    let all = figs(
        "Secondo l'Istat, nel 2023 la produzione industriale è calata del 2,5%. Il fatturato delle imprese ha raggiunto i 40 miliardi di euro, ha spiegato Maria Bianchi.",
        None,
    );
    let pct = fig(&all, "è calata del 2,5%");
    assert_eq!(pct.subject.as_deref(), Some("produzione industriale"));
    assert_eq!(
        pct.time_ref.as_ref().map(|t| t.text.as_str()),
        Some("nel 2023")
    );
    assert_eq!(pct.source.as_deref(), Some("Istat"));
    assert!(pct.change);
    let amount = fig(&all, "40 miliardi di euro");
    assert_eq!(amount.subject.as_deref(), Some("fatturato delle imprese"));
    assert_eq!(amount.source.as_deref(), Some("Maria Bianchi"));
    assert_eq!(amount.time_ref, None, "no time in its sentence");
}

#[test]
fn source_carries_to_a_reporting_sentence_without_subject() {
    let all = figs(
        "Il dato è eccezionale, ha affermato Paolo Verdi, economista. Ha aggiunto che le esportazioni sono salite a 12 miliardi di euro.",
        None,
    );
    assert_eq!(
        fig(&all, "12 miliardi di euro").source.as_deref(),
        Some("Paolo Verdi")
    );
}

#[test]
fn regression_part_of_day_word_first_in_a_block() {
    // Found by the comparison stories: a line opening with "Giornata"
    // looked one word before it for "metà".
    for text in [
        "Giornata di sciopero nazionale",
        "giornata",
        "Metà giornata",
    ] {
        let _ = figs(text, Some("2024-11-29"));
    }
}

#[test]
fn regression_huge_spans_do_not_overflow() {
    // Found by the property tests: "ultimi 19 miliardi anni" overflowed.
    for text in [
        "negli ultimi 19 miliardi di anni",
        "ultimi 19 miliardi anni",
        "3 miliardi di anni fa",
    ] {
        let _ = figs(text, Some("0001-01-01"));
        let _ = figs(text, Some("9999-12-31"));
    }
}

#[test]
fn names_and_identifiers_are_not_figures() {
    let all = figs(
        "Il G7 di Hiroshima e la legge n. 104 non citano il Covid-19; chiamare il 3331234567.",
        None,
    );
    assert!(
        all.is_empty(),
        "{:?}",
        all.iter().map(|f| &f.text).collect::<Vec<_>>()
    );
}

/// article, text, kind, min, max, first day, last day.
type Row = (
    String,
    String,
    String,
    Option<f64>,
    Option<f64>,
    String,
    String,
);

/// The reviewed list in tests/data/corpus_figures.tsv.
fn expected_corpus() -> Vec<Row> {
    include_str!("../../tests/data/corpus_figures.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            let num = |s: &str| (!s.is_empty()).then(|| s.parse::<f64>().unwrap());
            (
                c[0].to_string(),
                c[1].replace("\\n", "\n"),
                c[2].to_string(),
                num(c[3]),
                num(c[4]),
                c[5].to_string(),
                c[6].to_string(),
            )
        })
        .collect()
}

#[test]
fn corpus_body_figures_are_exactly_the_reviewed_ones() {
    let mut got = Vec::new();
    for a in corpus::embedded() {
        let reference = dateline::reference_date(&a, None).map(|r| r.0);
        for f in extract(&a, reference)
            .into_iter()
            .filter(|f| !f.boilerplate)
        {
            let (min, max) = f.value.map_or((None, None), |v| (v.min, v.max));
            let (s, e) = f.time.map_or((String::new(), String::new()), |t| {
                (t.start.to_string(), t.end.to_string())
            });
            got.push((
                a.id.clone(),
                f.text.clone(),
                f.kind.as_str().to_string(),
                min,
                max,
                s,
                e,
            ));
        }
    }
    assert_eq!(got, expected_corpus());
}

#[test]
fn chrome_figures_are_flagged_and_only_they_are() {
    for a in corpus::embedded() {
        let reference = dateline::reference_date(&a, None).map(|r| r.0);
        for f in extract(&a, reference) {
            assert_eq!(
                f.boilerplate,
                a.is_chrome_at(f.start),
                "{}: {}",
                a.id,
                f.text
            );
        }
    }
    // The footer's numbers are there, and flagged.
    let a = &corpus::embedded()[0];
    let figs = extract(a, None);
    let law = figs
        .iter()
        .find(|f| f.text == "07.03.2001")
        .expect("law date in the footer");
    assert!(law.boilerplate);
}

#[test]
fn corpus_dates_are_read_from_the_text() {
    for a in corpus::embedded() {
        let inferred = dateline::infer(&a).expect("every embedded article states its date");
        assert_eq!(Some(inferred.date.to_string()), a.meta.date, "{}", a.id);
    }
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "oltre",
        "il",
        "più",
        "di",
        "40",
        "volte",
        "227,9",
        "miliardi",
        "dollari",
        "quasi",
        "un",
        "quarto",
        "dal",
        "19",
        "al",
        "20",
        "maggio",
        "2026",
        "nel",
        "primo",
        "trimestre",
        "quest'anno",
        "lo",
        "scorso9",
        "dicembre",
        "%",
        "per",
        "cento",
        "tra",
        "e",
        "ventitré",
        "metà",
        "°",
        "/",
        "-",
        ".",
        ",",
        "secondo",
        "ha",
        "affermato",
        "Rossi",
        "non",
        "mila",
        "ieri",
        "alle",
        "15:30",
        "anni",
        "'70",
        "1.000",
        "€",
        "$",
        "triplicare",
        "ultimi",
        "decennio",
        "fa",
        "29/2",
        "\n",
    ];

    fn check(text: &str, reference: Option<Date>) {
        for f in extract_text(text, reference) {
            assert!(f.start <= f.end && f.end <= text.len());
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            assert_eq!(&text[f.start..f.end], f.text);
            if let Some(v) = f.value {
                if let (Some(a), Some(b)) = (v.min, v.max) {
                    assert!(a <= b, "{}: {a} > {b}", f.text);
                }
            }
            if let Some(t) = f.time {
                assert!(t.start <= t.end, "{}", f.text);
            }
        }
    }

    /// Random inputs on a developer's machine (more with `PROPTEST_CASES`);
    /// a fixed seed in CI, so that a submission's result is reproducible.
    fn config() -> ProptestConfig {
        let rng_seed = if std::env::var_os("CI").is_some() {
            proptest::test_runner::RngSeed::Fixed(0x5EED_2026)
        } else {
            proptest::test_runner::RngSeed::Random
        };
        ProptestConfig {
            rng_seed,
            ..ProptestConfig::with_cases(400)
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn any_text_never_panics(text in "\\PC{0,200}") {
            check(&text, Date::from_ymd(2024, 2, 29));
            check(&text, None);
        }

        #[test]
        fn figure_words_in_any_order(words in proptest::collection::vec(proptest::sample::select(WORDS), 0..40),
                                     y in 1i32..9999, m in 1u32..13, d in 1u32..29) {
            let text = words.join(" ");
            check(&text, Date::from_ymd(y, m, d));
            let glued = words.concat();
            check(&glued, Date::from_ymd(y, m, d));
        }

        #[test]
        fn articles_never_panic(text in "[\\PC\\n]{0,300}") {
            let a = crate::Article::parse("p", "p.txt", text, crate::Metadata::default());
            let r = dateline::reference_date(&a, None).map(|r| r.0);
            let _ = extract(&a, r);
            let _ = crate::report::ArticleReport::new(&a, Date::from_ymd(2020, 1, 1));
        }
    }
}

#[test]
fn holidays_fixed_and_movable() {
    check_times(
        "Gli uffici chiudono a Ferragosto e riaprono dopo l'Immacolata; a Pasquetta 2026 e alla vigilia di Natale gite fuori porta, la Pasqua del 2027 cade tardi.",
        "2025-07-01",
        &[
            ("a Ferragosto", "2025-08-15", ""),
            ("dopo l'Immacolata", "2025-12-08", ""),
            ("a Pasquetta 2026", "2026-04-06", ""),
            ("alla vigilia di Natale", "2025-12-24", ""),
            ("la Pasqua del 2027", "2027-03-28", ""),
        ],
    );
    // The nearest one, or the one the words point to.
    check_times(
        "Lo scorso Capodanno i botti, a San Silvestro la piazza.",
        "2025-03-10",
        &[
            ("Lo scorso Capodanno", "2025-01-01", ""),
            ("a San Silvestro", "2024-12-31", ""),
        ],
    );
    // Not holidays: a town's name and a common noun.
    assert!(times("Il paese natale di Santo Stefano Lodigiano.", "2025-03-10").is_empty());
}

#[test]
fn oggi_meaning_nowadays_is_no_date() {
    check_times(
        "Una volta il fisso costava di più. Oggi no: conviene. Ancora oggi molti pagano in contanti. \
         La residenza richiesta, oggi di 10 anni, resta. Un tempo si pagava in lire, oggi in euro.",
        "2025-06-06",
        &[],
    );
    // The article's day: news in the present, a time, a once-a-month.
    check_times(
        "Oggi il ministro firma il decreto. Il voto si terrà oggi alle 15. Una volta al mese, oggi compreso, si riunisce il consiglio.",
        "2025-06-06",
        &[
            ("Oggi", "2025-06-06", ""),
            ("oggi alle 15", "2025-06-06", "15:00"),
            ("oggi", "2025-06-06", ""),
        ],
    );
}

#[test]
fn weekdays_and_yearless_dates_follow_the_tense() {
    // Thursday 2024-05-16.
    check_times(
        "Martedì il ministro ha firmato il decreto; sabato incontrerà i sindacati.",
        "2024-05-16",
        &[("Martedì", "2024-05-14", ""), ("sabato", "2024-05-18", "")],
    );
    // The same weekday as the article's is never its own day.
    check_times(
        "Giovedì la Camera aveva votato, giovedì prossimo vota il Senato.",
        "2024-05-16",
        &[
            ("Giovedì", "2024-05-09", ""),
            ("giovedì prossimo", "2024-05-23", ""),
        ],
    );
    // Expected (`è atteso`, `sono previste`) is the future, not a past
    // participle; what was (`è stato previsto`) stays the past.
    check_times(
        "Domenica è atteso un lieve rialzo delle temperature.",
        "2025-01-03",
        &[("Domenica", "2025-01-05", "")],
    );
    check_times(
        "Lunedì sono previste piogge; martedì è stato previsto un rialzo, poi smentito.",
        "2025-01-08",
        &[("Lunedì", "2025-01-13", ""), ("martedì", "2025-01-07", "")],
    );
    // A weekday with its date chooses the year the calendar agrees with.
    check_times(
        "La finale si giocherà domenica 4 gennaio.",
        "2025-12-20",
        &[("domenica 4 gennaio", "2026-01-04", "")],
    );
    // A month without its year: before for a past verb, after for a future one.
    check_times(
        "A marzo le vendite erano cresciute; a febbraio arriveranno i nuovi dati.",
        "2024-11-02",
        &[
            ("A marzo", "2024-03-01/2024-03-31", ""),
            ("a febbraio", "2025-02-01/2025-02-28", ""),
        ],
    );
}

#[test]
fn ranges_codes_and_verbal_qualifiers() {
    let all = figs(
        "Il danno vale tra 4 e 6 miliardi di euro, l'inflazione resterà tra il 2 e il 2,5%; i biglietti costano 15-30 euro, il fondo EUR 12 milioni e la quota 40 USD.",
        None,
    );
    assert_eq!(
        interval(fig(&all, "tra 4 e 6 miliardi di euro")),
        (Some(4e9), Some(6e9))
    );
    let pct = fig(&all, "tra il 2 e il 2,5%");
    assert_eq!(
        (pct.kind, interval(pct)),
        (FigureKind::Percent, (Some(2.0), Some(2.5)))
    );
    assert_eq!(interval(fig(&all, "15-30 euro")), (Some(15.0), Some(30.0)));
    let eur = fig(&all, "EUR 12 milioni");
    assert_eq!((eur.unit.as_deref(), eur.stated), (Some("EUR"), Some(12e6)));
    assert_eq!(fig(&all, "40 USD").unit.as_deref(), Some("USD"));
    let all = figs(
        "Le perdite sfiorano il 30%, i prezzi sono quasi raddoppiati e le temperature non supereranno i 25 gradi; sconto per gli under 30.",
        None,
    );
    assert_eq!(fig(&all, "30%").qualifier, Some(Qualifier::Almost));
    assert_eq!(
        fig(&all, "quasi raddoppiati").qualifier,
        Some(Qualifier::Almost)
    );
    assert_eq!(fig(&all, "25 gradi").qualifier, Some(Qualifier::AtMost));
    assert_eq!(fig(&all, "under 30").qualifier, Some(Qualifier::Under));
}

#[test]
fn a_figure_broken_across_hard_wrapped_lines_is_one() {
    let text = "Il governo stanzia per la ricostruzione 750\nmilioni di euro, poi altri fondi.";
    let a = Article::parse("a", "a.txt", text, crate::Metadata::default());
    let all = extract(&a, None);
    assert_eq!(fig(&all, "750\nmilioni di euro").stated, Some(750e6));
}

#[test]
fn what_is_not_a_figure() {
    let none = [
        "Per la prima volta la squadra conquista il primo posto.",
        "Venti e onde forti sul litorale, tre volte tanto.",
        "Chiamate il numero verde 800 123 456 o scrivete a Via Roma 12, 55100 Lucca.",
        "Tredicesime in arrivo per i pensionati.",
        "Il primo ministro ha parlato in prima linea.",
    ];
    for text in none {
        let found: Vec<String> = figs(text, Some("2025-01-10"))
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert!(
            found.iter().all(|t| t == "tre volte"),
            "{text:?} gave {found:?}"
        );
    }
    // What is: the first of a series, numbers with what they count.
    let all = figs(
        "È la prima edizione del festival, con oltre quarant'anni di storia e un'ora di musica.",
        None,
    );
    assert_eq!(fig(&all, "prima edizione").kind, FigureKind::Ordinal);
    assert_eq!(fig(&all, "oltre quarant'anni").stated, Some(40.0));
    assert_eq!(fig(&all, "un'ora").stated, Some(1.0));
}

#[test]
fn periods_of_months_seasons_and_parts() {
    check_times(
        "Nei primi nove mesi dell'anno e nel periodo gennaio-settembre l'export cresce; nel quarto trimestre 2023 era calato.",
        "2024-11-15",
        &[
            ("Nei primi nove mesi dell'anno", "2024-01-01/2024-09-30", ""),
            ("gennaio-settembre", "2024-01-01/2024-09-30", ""),
            ("nel quarto trimestre 2023", "2023-10-01/2023-12-31", ""),
        ],
    );
    check_times(
        "La scorsa estate il caldo, a fine mese i saldi, a metà febbraio arriverà il carnevale.",
        "2024-09-10",
        &[
            ("La scorsa estate", "2024-06-01/2024-08-31", ""),
            ("a fine mese", "2024-09-21/2024-09-30", ""),
            ("a metà febbraio", "2025-02-11/2025-02-20", ""),
        ],
    );
    // Not a month: a sea. Not a time: a percentage after "dell'".
    assert!(times(
        "Esercitazioni nel Mar del Giappone e nel Mar Nero.",
        "2024-09-10"
    )
    .is_empty());
    assert!(
        times("Una crescita dell'11% rispetto al 2023.", "2024-09-10")
            .iter()
            .all(|(t, _, _)| t != "dell'11")
    );
}

/// The figures of `text` analysed as a whole article (blocks, dateline,
/// page structure) dated `date`.
fn article_figures(text: &str, date: &str) -> Vec<Figure> {
    use crate::analysis::analyse;
    use crate::article::{Article, Metadata};
    let meta = Metadata {
        date: Some(date.into()),
        ..Metadata::default()
    };
    analyse(&Article::parse("x", "x.txt", text.to_string(), meta), None).figures
}

#[test]
fn local_clocks_are_read_where_the_story_places_them() {
    let text = "Terremoto in Cile\n\nLa scossa ha colpito il nord del Paese. Secondo i sismologi di Santiago è avvenuta alle 4.12 ora locale. A Tokyo sono le 17.";
    let all = article_figures(text, "2025-06-10");
    let zone = |t: &str| {
        all.iter()
            .find(|f| f.text.contains(t))
            .and_then(|f| f.zone.clone())
    };
    assert_eq!(zone("4.12").as_deref(), Some("America/Santiago"));
    assert_eq!(zone("le 17").as_deref(), Some("Asia/Tokyo"));
}

#[test]
fn live_blog_entries_cross_midnight() {
    let days = |text: &str| {
        article_figures(text, "2025-03-01")
            .iter()
            .filter(|f| f.clock.is_some())
            .map(|f| (f.text.clone(), f.time.map(|t| t.start.to_string())))
            .collect::<Vec<_>>()
    };
    let day = |s: &str| Some(s.to_string());
    // Oldest first: past midnight is the next day, and stays there.
    assert_eq!(
        days("Lo spoglio, la diretta\n\n22:40 – Chiusi i seggi\nSi conta.\n\n00:15 – Primi dati\nAvanti il sindaco.\n\n01:30 – Il risultato\nHa vinto."),
        vec![
            ("22:40".to_string(), day("2025-03-01")),
            ("00:15".to_string(), day("2025-03-02")),
            ("01:30".to_string(), day("2025-03-02")),
        ]
    );
    // Newest first: before midnight is the day before.
    assert_eq!(
        days("Lo spoglio, la diretta\n\n00:15 – Primi dati\nAvanti il sindaco.\n\n22:40 – Chiusi i seggi\nSi conta."),
        vec![
            ("00:15".to_string(), day("2025-03-01")),
            ("22:40".to_string(), day("2025-02-28")),
        ]
    );
}

#[test]
fn bounds_on_weekdays_and_bare_hours() {
    // A Wednesday.
    let all = figs(
        "Il ministero ha chiesto i listini entro venerdì. Il presidio resterà fino a mercoledì, da lunedì sera i turni. Dopo le 13 il titolo ha ceduto, mentre dopo le 13 vittime di ieri è lutto.",
        Some("2025-10-15"),
    );
    let day = |t: &str| {
        let f = fig(&all, t);
        (f.time.map(|d| d.start.to_string()), f.qualifier)
    };
    assert_eq!(
        day("entro venerdì"),
        (Some("2025-10-17".into()), Some(Qualifier::AtMost)),
        "a deadline looks ahead, even in a past clause"
    );
    assert_eq!(
        day("fino a mercoledì"),
        (Some("2025-10-15".into()), Some(Qualifier::AtMost)),
        "today's weekday is today"
    );
    assert_eq!(day("da lunedì sera").1, Some(Qualifier::AtLeast));
    let after = fig(&all, "Dopo le 13");
    assert_eq!(
        (after.clock.as_deref(), after.qualifier),
        (Some("13:00"), Some(Qualifier::Over))
    );
    assert_eq!(fig(&all, "13 vittime").kind, FigureKind::Count);
}

#[test]
fn shares_signed_ranges_and_choices() {
    let all = figs(
        "Un italiano su tre dichiara di comprare online. Minime tra -3 e -6 gradi, poi un rialzo di 2 o 3 gradi. Pensierini da 10-20 euro.",
        None,
    );
    let share = fig(&all, "Un italiano su tre");
    assert_eq!(share.kind, FigureKind::Fraction);
    assert!((share.stated.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(share.subject.as_deref(), Some("italiano"));
    assert!(
        all.iter().all(|f| f.unit.as_deref() != Some("dichiara")),
        "a verb counts nothing"
    );
    assert_eq!(
        interval(fig(&all, "tra -3 e -6 gradi")),
        (Some(-6.0), Some(-3.0))
    );
    let choice = all
        .iter()
        .find(|f| f.text.ends_with("2 o 3 gradi"))
        .unwrap();
    assert_eq!(interval(choice), (Some(2.0), Some(3.0)));
    assert_eq!(interval(fig(&all, "10-20 euro")), (Some(10.0), Some(20.0)));
    let half = figs("Quasi metà dei nuovi iscritti ha meno di trent'anni.", None);
    let half = fig(&half, "Quasi metà");
    assert_eq!(half.kind, FigureKind::Fraction);
    assert_eq!(half.subject.as_deref(), Some("nuovi iscritti"));
}

#[test]
fn road_line_and_platform_numbers_are_no_figures() {
    let all = figs(
        "Chiusa la statale 36 per 10 km. Il treno parte dal binario 4. Code sulla A1 al km 23.",
        None,
    );
    let texts: Vec<&str> = all.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["10 km"]);
}

#[test]
fn zone_offsets_follow_daylight_saving() {
    use crate::figures::lexicon::utc_offset;
    let d = |s: &str| crate::date::Date::parse_iso(s).unwrap();
    assert_eq!(utc_offset("Europe/Rome", d("2025-01-21")), Some(60));
    assert_eq!(utc_offset("Europe/Rome", d("2025-07-01")), Some(120));
    // 2025: summer time from Sunday 30 March to Sunday 26 October.
    assert_eq!(utc_offset("Europe/Rome", d("2025-03-29")), Some(60));
    assert_eq!(utc_offset("Europe/Rome", d("2025-03-30")), Some(120));
    assert_eq!(utc_offset("Europe/Rome", d("2025-10-26")), Some(60));
    assert_eq!(utc_offset("Asia/Shanghai", d("2025-07-01")), Some(480));
    assert_eq!(utc_offset("Asia/Kolkata", d("2025-07-01")), Some(330));
    // 2025: from Sunday 9 March to Sunday 2 November.
    assert_eq!(
        utc_offset("America/Los_Angeles", d("2025-01-07")),
        Some(-480)
    );
    assert_eq!(
        utc_offset("America/Los_Angeles", d("2025-03-09")),
        Some(-420)
    );
    assert_eq!(utc_offset("America/New_York", d("2025-11-02")), Some(-300));
    // The southern summer spans the new year.
    assert_eq!(utc_offset("Australia/Sydney", d("2025-01-07")), Some(660));
    assert_eq!(utc_offset("Australia/Sydney", d("2025-07-01")), Some(600));
    assert_eq!(utc_offset("Mars/Olympus", d("2025-07-01")), None);
}

#[test]
fn a_far_day_of_a_background_paragraph_does_not_date_the_next_ones_night() {
    let all = figs(
        "Titolo di prova\n\nLa scossa più forte degli ultimi anni era stata quella del 20 maggio 2024.\n\nLe repliche. Nella notte sono state registrate altre 44 scosse.\n",
        Some("2025-03-13"),
    );
    let f = fig(&all, "Nella notte");
    assert_eq!(days(f).0, "2025-03-13", "{f:#?}");
    // In its own paragraph, the far day still dates what follows it.
    let all = figs(
        "Titolo di prova\nIl 20 maggio 2024 la terra tremò: nella notte si contarono 30 scosse.\n",
        Some("2025-03-13"),
    );
    assert_eq!(days(fig(&all, "nella notte")).0, "2024-05-20");
}

#[test]
fn the_same_period_of_another_year_is_the_stretch_just_named() {
    let r = Some("2025-11-12");
    // The year named, the months of the period before it.
    let all = figs(
        "Nei primi nove mesi le immatricolazioni sono scese del 2,1% rispetto allo stesso periodo del 2024.",
        r,
    );
    let f = fig(&all, "stesso periodo del 2024");
    assert_eq!(f.kind, FigureKind::Period);
    assert_eq!(days(f), ("2024-01-01".into(), "2024-09-30".into()));
    // The year before, relative; a quarter; the previous sentence.
    let all = figs(
        "Nel secondo trimestre il fatturato è stato di 3,2 milioni. Nello stesso periodo dell'anno precedente era di 2,9 milioni.",
        r,
    );
    let f = fig(&all, "stesso periodo dell'anno precedente");
    assert_eq!(days(f), ("2024-04-01".into(), "2024-06-30".into()));
    // February's last day stays the last day of February.
    let all = figs(
        "A febbraio 2024 i passeggeri erano 1,1 milioni, contro gli 0,9 dello stesso periodo del 2023.",
        r,
    );
    let f = fig(&all, "stesso periodo del 2023");
    assert_eq!(days(f), ("2023-02-01".into(), "2023-02-28".into()));
    // Nothing named before: the whole year, and a note says why.
    let all = figs(
        "Le vendite sono salite del 3% rispetto allo stesso periodo del 2023.",
        r,
    );
    let f = fig(&all, "stesso periodo del 2023");
    assert_eq!(f.kind, FigureKind::Date);
    assert_eq!(days(f), ("2023-01-01".into(), "2023-12-31".into()));
    assert!(f.note.as_deref().is_some_and(|n| n.contains("not named")));
    // A plain year stays a year.
    let all = figs("Nel primo semestre sono cresciute, come nel 2023.", r);
    assert_eq!(
        days(fig(&all, "nel 2023")),
        ("2023-01-01".into(), "2023-12-31".into())
    );
}

#[test]
fn last_night_and_tomorrow_night() {
    let r = Some("2025-03-08");
    for (text, span, day) in [
        (
            "Il crollo è avvenuto la scorsa notte in via Roma.",
            "la scorsa notte",
            "2025-03-07",
        ),
        (
            "Il crollo è avvenuto la notte scorsa in via Roma.",
            "notte scorsa",
            "2025-03-07",
        ),
        (
            "I lavori riprenderanno domani notte sulla A1.",
            "domani notte",
            "2025-03-09",
        ),
    ] {
        let all = figs(text, r);
        let f = fig(&all, span);
        assert_eq!(f.kind, FigureKind::Time, "{text}");
        assert_eq!(f.clock.as_deref(), Some("night"), "{text}");
        assert_eq!(days(f), (day.into(), day.into()), "{text}");
    }
}

#[test]
fn a_part_of_the_day_with_its_article_and_its_day() {
    let r = Some("2025-03-08");
    for (text, span, clock, day) in [
        (
            "Il consiglio si riunirà la sera del 14 marzo.",
            "la sera del 14 marzo",
            "evening",
            "2025-03-14",
        ),
        (
            "La mattina del 3 marzo la nave era già in porto.",
            "La mattina del 3 marzo",
            "morning",
            "2025-03-03",
        ),
        (
            "Il corteo è sfilato il pomeriggio di giovedì 6 marzo.",
            "il pomeriggio di giovedì 6 marzo",
            "afternoon",
            "2025-03-06",
        ),
    ] {
        let all = figs(text, r);
        let f = fig(&all, span);
        assert_eq!(f.kind, FigureKind::Time, "{text}");
        assert_eq!(f.clock.as_deref(), Some(clock), "{text}");
        assert_eq!(days(f), (day.into(), day.into()), "{text}");
    }
    // Without its day, an article and a part of the day are words.
    for text in [
        "Ha passato la notte in questura.",
        "La sera è tranquilla.",
        "Il pomeriggio è lungo.",
    ] {
        assert!(
            figs(text, r).iter().all(|f| f.kind != FigureKind::Time),
            "{text}"
        );
    }
}

#[test]
fn a_qualifier_after_the_preposition_keeps_the_noun_it_complements() {
    for (text, span, subject) in [
        (
            "Il ministro presenta una riforma da oltre 12 miliardi di euro.",
            "oltre 12 miliardi di euro",
            "riforma",
        ),
        (
            "Nel bilancio del Comune resta un disavanzo di oltre 40 milioni.",
            "oltre 40 milioni",
            "disavanzo",
        ),
    ] {
        let all = figs(text, Some("2025-03-08"));
        assert_eq!(fig(&all, span).subject.as_deref(), Some(subject), "{text}");
    }
}

#[test]
fn in_so_many_weeks_is_ahead_of_the_article() {
    let r = Some("2025-03-12");
    let all = figs("Fra due settimane riaprirà il ponte sul Po.", r);
    let f = fig(&all, "Fra due settimane");
    assert_eq!(days(f), ("2025-03-24".into(), "2025-03-30".into()));
    let all = figs("Il cantiere chiuderà tra un mese, dice il sindaco.", r);
    assert_eq!(
        days(fig(&all, "tra un mese")),
        ("2025-04-01".into(), "2025-04-30".into())
    );
    // A range of lengths, and a length of something, are not dates.
    for text in [
        "La pena va tra 6 mesi e 6 anni.",
        "Tra due anni di lavori il ponte sarà pronto.",
    ] {
        assert!(
            figs(text, r).iter().all(|f| f.kind != FigureKind::Date),
            "{text}"
        );
    }
}

#[test]
fn a_weekday_with_a_past_of_an_irregular_participle_is_the_last_one() {
    // Wednesday 12 March 2025.
    let r = Some("2025-03-12");
    for text in [
        "Giovedì si è svolto il consiglio comunale.",
        "Lunedì è morto il fondatore dell'azienda.",
        "Martedì si è sciolto il ghiaccio sul lago.",
    ] {
        let all = figs(text, r);
        let f = all
            .iter()
            .find(|f| f.kind == FigureKind::Date)
            .expect("a weekday");
        let (start, _) = days(f);
        assert!(start.as_str() < "2025-03-12", "{text}: {start}");
    }
}

#[test]
fn a_count_whose_noun_comes_before_the_copula() {
    let r = Some("2025-03-12");
    for (text, span, noun) in [
        ("Dopo la frana i dispersi sono 4.", "4", "dispersi"),
        (
            "Nel pomeriggio le persone evacuate sono salite a 300, secondo la Prefettura.",
            "300",
            "persone",
        ),
    ] {
        let all = figs(text, r);
        let f = fig(&all, span);
        assert_eq!(f.kind, FigureKind::Count, "{text}");
        assert_eq!(f.unit.as_deref(), Some(noun), "{text}");
    }
    // A number inside the clause is not the noun's count.
    let all = figs("I dispersi sono 4 volte quelli dell'anno scorso.", r);
    assert_ne!(fig(&all, "4 volte").unit.as_deref(), Some("dispersi"));
}

#[test]
fn ordinals_with_a_feminine_or_masculine_sign_and_a_bare_decimal() {
    let r = Some("2025-03-12");
    let all = figs(
        "Si apre la 3ª edizione della rassegna, al 5º anno di vita.",
        r,
    );
    for (span, v) in [("3ª edizione", 3.0), ("5º anno", 5.0)] {
        let f = fig(&all, span);
        assert_eq!(f.kind, FigureKind::Ordinal, "{span}");
        assert_eq!(f.stated, Some(v), "{span}");
    }
    let all = figs("Il titolo ha chiuso a ,85 euro per azione.", r);
    let f = fig(&all, ",85 euro");
    assert_eq!(interval(f), (Some(0.85), Some(0.85)));
    // A comma between two numbers stays a comma.
    let all = figs("Sono arrivati in 3, 45 dei quali in barca.", r);
    assert!(all.iter().all(|f| f.stated != Some(0.45)));
}

#[test]
fn a_part_of_a_holiday() {
    let r = Some("2025-12-20");
    let all = figs("La sera di Santo Stefano il rifugio resterà aperto.", r);
    let f = fig(&all, "La sera di Santo Stefano");
    assert_eq!(f.kind, FigureKind::Time);
    assert_eq!(f.clock.as_deref(), Some("evening"));
    assert_eq!(days(f), ("2025-12-26".into(), "2025-12-26".into()));
}

#[test]
fn the_day_of_a_time_with_a_bound_looks_ahead() {
    // Sunday 20 October 2024; a past verb, an end that is tomorrow.
    let r = Some("2024-10-20");
    let all = figs("Il Comune ha chiuso le scuole fino alle 14 di lunedì.", r);
    assert_eq!(
        days(fig(&all, "fino alle 14 di lunedì")),
        ("2024-10-21".into(), "2024-10-21".into())
    );
    // Without a bound, the past verb dates it back.
    let all = figs("Il sindaco ha parlato alle 12 di lunedì.", r);
    assert_eq!(
        days(fig(&all, "alle 12 di lunedì")),
        ("2024-10-14".into(), "2024-10-14".into())
    );
}

#[test]
fn more_of_an_amount_keeps_its_scale_and_unit() {
    let r = Some("2025-12-20");
    let all = figs(
        "La Regione ha stanziato 12 milioni di euro per le strade e altri 3,5 per i ponti.",
        r,
    );
    let f = fig(&all, "3,5");
    assert_eq!(f.kind, FigureKind::Amount);
    assert_eq!(f.unit.as_deref(), Some("EUR"));
    assert_eq!(interval(f), (Some(3.5e6), Some(3.5e6)));
    // A count before it lends nothing.
    let all = figs("Sono arrivati 300 migranti e altri 40 sono attesi.", r);
    assert_eq!(fig(&all, "40").kind, FigureKind::Number);
}

#[test]
fn a_baseline_some_years_ago_is_that_day() {
    let r = Some("2025-06-10");
    let all = figs(
        "Il gasolio costa 12 centesimi in più rispetto a tre anni fa.",
        r,
    );
    assert_eq!(
        days(fig(&all, "a tre anni fa")),
        ("2022-06-10".into(), "2022-06-10".into())
    );
    // Told as a time of the story, the year.
    let all = figs("Tre anni fa il distributore ha chiuso.", r);
    assert_eq!(
        days(fig(&all, "Tre anni fa")),
        ("2022-01-01".into(), "2022-12-31".into())
    );
}

#[test]
fn a_bound_on_a_clock_keeps_its_day_and_a_bound_on_a_day_opens_it() {
    let all = figs(
        "Giovedì 2 novembre, poco dopo le 21, il fiume ha rotto l'argine. Lo sciopero va dalle 20 a fine servizio. Il cantiere resterà chiuso fino al 20 novembre. Piove da lunedì sera.",
        Some("2023-11-06"),
    );
    for (text, day) in [
        ("Giovedì 2 novembre, poco dopo le 21", "2023-11-02"),
        ("dalle 20", "2023-11-06"),
    ] {
        let f = fig(&all, text);
        assert!(f.clock.is_some() && f.qualifier.is_some(), "{text}: {f:?}");
        let t = f.time_extent().unwrap();
        assert_eq!(
            (t.start.to_string(), t.end.to_string()),
            (day.into(), day.into()),
            "{text}"
        );
    }
    for text in ["fino al 20 novembre", "da lunedì sera"] {
        let t = fig(&all, text).time_extent().unwrap();
        assert!(t.len_days() > 31, "{text}: {t:?}");
    }
}

#[test]
fn a_story_told_from_the_evening_into_the_small_hours_crosses_midnight() {
    let all = figs(
        "Martedì sera, alle 21.30, la nave ha lasciato il porto di Civitavecchia. Ha attraccato a Olbia alle 5.40, con due ore di ritardo.",
        Some("2025-03-13"),
    );
    assert_eq!(
        days(fig(&all, "Martedì sera, alle 21.30")),
        ("2025-03-11".into(), "2025-03-11".into())
    );
    assert_eq!(
        days(fig(&all, "alle 5.40")),
        ("2025-03-12".into(), "2025-03-12".into())
    );
    // A time in brackets glosses the one before it in another zone.
    let all = figs(
        "Lunedì alle 19 ora di New York (l'1 in Italia) si chiudono i seggi.",
        Some("2024-11-04"),
    );
    let gloss = fig(&all, "l'1 in Italia");
    assert_eq!(gloss.zone.as_deref(), Some("Europe/Rome"));
    assert_eq!(days(gloss), ("2024-11-04".into(), "2024-11-04".into()));
    // Earlier in the day after a later clock, with no night between: the
    // same day (a story need not be told in order).
    let all = figs(
        "Alle 15 il corteo è partito; alle 10 erano arrivati i primi pullman.",
        Some("2025-03-13"),
    );
    assert_eq!(
        days(fig(&all, "alle 10")),
        ("2025-03-13".into(), "2025-03-13".into())
    );
}

#[test]
fn clocks_after_one_placed_in_its_words_are_read_there_in_its_paragraph() {
    let zone = |text: &str, f: &str| {
        let all = figs(text, Some("2025-01-21"));
        fig(&all, f).zone.clone()
    };
    let moscow = Some("Europe/Moscow".to_string());
    assert_eq!(
        zone(
            "Il colloquio è cominciato alle 10 ora di Mosca ed è finito alle 13.",
            "alle 13"
        ),
        moscow
    );
    // Not the zone of a gloss in brackets.
    assert_eq!(
        zone("La telefonata è cominciata alle 17 ora di Mosca (le 16 in Italia) ed è finita poco dopo le 19.", "poco dopo le 19"),
        moscow
    );
    // A part of the day is the reader's, unless its own words place it.
    assert_eq!(
        zone(
            "Il colloquio è cominciato alle 10 ora di Mosca; i commenti sono arrivati in serata.",
            "in serata"
        ),
        None
    );
    // Another paragraph starts afresh.
    assert_eq!(
        zone(
            "Il colloquio è cominciato alle 10 ora di Mosca.\n\nIl governo ha commentato alle 13.",
            "alle 13"
        ),
        None
    );
}
