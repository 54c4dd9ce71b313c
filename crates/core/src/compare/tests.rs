//! The comparison engine on Italian texts written for these tests, and the
//! worked examples of the embedded corpus.

use super::statements::GroupKind;
use super::*;
use crate::article::Metadata;
use crate::corpus;

fn article(id: &str, date: &str, body: &str) -> Article {
    let meta = Metadata {
        date: Some(date.to_string()),
        ..Metadata::default()
    };
    Article::parse(
        id,
        format!("{id}.txt"),
        format!("Titolo dell'articolo {id} di prova\n{body}"),
        meta,
    )
}

/// The quantity holding a figure whose text is `text` in article `id`.
fn quantity_of<'a>(c: &'a Comparison, id: &str, text: &str) -> &'a quantities::Quantity {
    let ai = c.articles.iter().position(|a| a.article.id == id).unwrap();
    let fi = c.articles[ai]
        .figures
        .iter()
        .position(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text:?} in {id}"));
    c.quantities
        .iter()
        .find(|q| {
            q.figures.contains(&FigureRef {
                article: ai,
                figure: fi,
            })
        })
        .unwrap_or_else(|| panic!("{text:?} is in no quantity"))
}

#[test]
fn same_value_in_words_and_digits_is_same() {
    let c = compare(
        &[
            article(
                "a",
                "2024-05-02",
                "Il sindaco ha incontrato i comitati quaranta volte nel 2023.",
            ),
            article(
                "b",
                "2024-05-03",
                "Nel 2023 il sindaco ha incontrato i comitati 40 volte.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "quaranta volte");
    assert_eq!(q.figures.len(), 2);
    assert_eq!(q.verdict, Verdict::Same, "{}", q.explanation);
}

#[test]
fn disjoint_values_conflict_and_the_explanation_says_so() {
    let c = compare(
        &[
            article("a", "2024-01-10", "Nel 2023 l'interscambio tra Italia e Francia è stato di 12 miliardi di euro."),
            article("b", "2024-01-11", "Gli scambi commerciali tra Italia e Francia hanno toccato nel 2023 i 15 miliardi di euro."),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "12 miliardi di euro");
    assert_eq!(
        q.figures.len(),
        2,
        "interscambio and scambi commerciali are one concept"
    );
    assert_eq!(q.verdict, Verdict::Conflict);
    assert!(
        q.explanation.contains("cannot both be true"),
        "{}",
        q.explanation
    );
}

#[test]
fn qualifier_and_precision_make_compatible() {
    let c = compare(
        &[
            article("a", "2024-02-01", "Secondo Confindustria, nel 2023 il fatturato del turismo ha superato i 30 miliardi di euro."),
            article("b", "2024-02-02", "Nel 2023 il fatturato del turismo è stato di 31,4 miliardi di euro, dice l'Istat."),
        ],
        None,
    );
    let q = quantity_of(&c, "b", "31,4 miliardi di euro");
    assert_eq!(q.verdict, Verdict::Compatible);
    for part in ["precision", "qualifier", "cited source"] {
        assert!(q.explanation.contains(part), "{part} in {}", q.explanation);
    }
}

#[test]
fn different_periods_are_different_quantities() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-10",
                "Nel 2023 l'export di vino ha raggiunto 7 miliardi di euro.",
            ),
            article(
                "b",
                "2025-01-11",
                "Nel 2024 l'export di vino ha raggiunto 8 miliardi di euro.",
            ),
        ],
        None,
    );
    assert_eq!(
        quantity_of(&c, "a", "7 miliardi di euro").verdict,
        Verdict::OnlyHere
    );
    assert_eq!(
        quantity_of(&c, "b", "8 miliardi di euro").verdict,
        Verdict::OnlyHere
    );
}

#[test]
fn counts_of_different_entities_are_not_linked() {
    let c = compare(
        &[
            article(
                "a",
                "2024-03-01",
                "Il ministro ha visitato la Francia 5 volte.",
            ),
            article(
                "b",
                "2024-03-02",
                "Il ministro ha visitato la Germania 5 volte.",
            ),
        ],
        None,
    );
    assert_eq!(quantity_of(&c, "a", "5 volte").verdict, Verdict::OnlyHere);
}

#[test]
fn one_event_dated_differently_conflicts() {
    let c = compare(
        &[
            article(
                "a",
                "2024-03-10",
                "Il vertice tra Macron e Scholz si è tenuto il 3 marzo a Parigi.",
            ),
            article(
                "b",
                "2024-03-11",
                "Macron e Scholz si sono incontrati al vertice di Parigi il 4 marzo.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "il 3 marzo");
    assert_eq!(q.verdict, Verdict::Conflict, "{}", q.explanation);
    assert!(q.explanation.contains("dated differently"));
}

#[test]
fn relative_and_absolute_dates_of_one_event_agree() {
    let c = compare(
        &[
            article(
                "a",
                "2024-06-05",
                "Ieri il premier ha avuto una telefonata con il presidente Biden.",
            ),
            article(
                "b",
                "2024-06-20",
                "Il 4 giugno Biden e il premier hanno avuto un colloquio telefonico.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "Ieri");
    assert_eq!(q.verdict, Verdict::Same, "{}", q.explanation);
}

#[test]
fn statements_align_through_aliases_and_record_the_silent() {
    let c = compare(
        &[
            article(
                "a",
                "2024-01-01",
                "Pechino ha firmato un accordo sul grano con Mosca. Il raccolto è stato scarso.",
            ),
            article(
                "b",
                "2024-01-02",
                "La Cina e la Russia hanno firmato un accordo sul grano.",
            ),
            article("c", "2024-01-03", "Il meteo di domani sarà variabile."),
        ],
        None,
    );
    let g = c
        .statements
        .groups
        .iter()
        .find(|g| g.kind == GroupKind::Fact && g.members.len() >= 2)
        .expect("an aligned group");
    let outlets: Vec<usize> = g.members.iter().map(|m| m.article).collect();
    assert!(outlets.contains(&0) && outlets.contains(&1));
    assert_eq!(g.outlets, vec![0, 1]);
    assert_eq!(g.silent(3).collect::<Vec<_>>(), vec![2]);
    assert_ne!(g.verdict, Verdict::OnlyHere);
}

#[test]
fn negation_makes_a_conflict() {
    let c = compare(
        &[
            article(
                "a",
                "2024-01-01",
                "Il governo ha approvato la riforma delle pensioni in consiglio dei ministri.",
            ),
            article(
                "b",
                "2024-01-02",
                "Il governo non ha approvato la riforma delle pensioni in consiglio dei ministri.",
            ),
        ],
        None,
    );
    let g = c
        .statements
        .groups
        .iter()
        .find(|g| g.members.len() == 2 && g.kind == GroupKind::Fact)
        .expect("aligned");
    assert_eq!(g.verdict, Verdict::Conflict, "{}", g.explanation);
}

#[test]
fn near_identical_wording_is_same_with_a_diff() {
    let c = compare(
        &[
            article("a", "2024-01-01", "Il consiglio comunale di Torino ha approvato il bilancio del 2024 con ventidue voti favorevoli."),
            article("b", "2024-01-02", "Il consiglio comunale di Torino ha approvato il bilancio del 2024 con ventidue voti a favore."),
        ],
        None,
    );
    let g = c
        .statements
        .groups
        .iter()
        .find(|g| g.members.len() == 2)
        .expect("aligned");
    assert_eq!(g.verdict, Verdict::Same, "{}", g.explanation);
    let diff = g.diff.as_ref().expect("word diff");
    assert!(diff
        .ops
        .iter()
        .any(|(op, w)| op == "delete" && w.contains("favorevoli")));
    assert!(diff
        .ops
        .iter()
        .any(|(op, w)| op == "insert" && w.contains("favore")));
}

#[test]
fn hedges_and_sources_are_recorded() {
    let c = compare(
        &[
            article(
                "a",
                "2024-01-01",
                "Secondo diverse fonti, l'azienda avrebbe chiuso lo stabilimento di Brescia.",
            ),
            article(
                "b",
                "2024-01-02",
                "L'azienda ha chiuso lo stabilimento di Brescia, ha confermato Marco Neri.",
            ),
        ],
        None,
    );
    let s = &c.statements.sentences;
    let a = s
        .iter()
        .find(|x| x.article == 0 && x.text.contains("Brescia"))
        .unwrap();
    let b = s
        .iter()
        .find(|x| x.article == 1 && x.text.contains("Brescia"))
        .unwrap();
    assert!(a.hedge.is_some());
    assert!(b.hedge.is_none());
    assert_eq!(b.source.as_deref(), Some("Marco Neri"));
    assert_eq!(c.outlets[0].hedged, 1);
    assert_eq!(c.outlets[1].sources, vec![("Marco Neri".to_string(), 1)]);
}

#[test]
fn opposed_framing_conflicts() {
    let c = compare(
        &[
            article(
                "a",
                "2024-01-01",
                "Roma e Berlino stringono un'alleanza sull'energia.",
            ),
            article(
                "b",
                "2024-01-02",
                "Il ministro precisa: non alleanza, ma un semplice accordo tecnico sull'energia.",
            ),
        ],
        None,
    );
    let g = c
        .statements
        .groups
        .iter()
        .find(|g| g.kind == GroupKind::Framing)
        .expect("a framing group");
    assert_eq!(g.verdict, Verdict::Conflict, "{}", g.explanation);
    assert_eq!(
        g.members.iter().map(|m| m.polarity).collect::<Vec<_>>(),
        vec![Some(1), Some(-1)]
    );
}

// The worked examples of the product specification, on the embedded corpus.

fn corpus_comparison() -> Comparison {
    compare(&corpus::embedded(), None)
}

#[test]
fn worked_example_1_bilateral_trade_is_compatible() {
    let c = corpus_comparison();
    let q = quantity_of(&c, "000", "200 miliardi di dollari");
    let in_004: Vec<&str> = q
        .figures
        .iter()
        .filter(|r| c.articles[r.article].article.id == "004")
        .map(|r| c.figure(*r).unwrap().text.as_str())
        .collect();
    assert!(in_004.contains(&"227,9 miliardi di\n\ndollari"));
    assert_eq!(q.verdict, Verdict::Compatible);
    let link = q
        .links
        .iter()
        .find(|l| c.figure(l.b).unwrap().text.starts_with("227,9"))
        .unwrap();
    assert_eq!(link.verdict, Verdict::Compatible);
    for part in [
        "004 is more precise",
        "qualifier: over (000) vs none (004)",
        "Ministero degli Esteri russo",
        "Ministero del Commercio cinese",
    ] {
        assert!(
            link.explanation.contains(part),
            "{part} in {}",
            link.explanation
        );
    }
}

#[test]
fn worked_example_2_meetings_same_value_different_period() {
    let c = corpus_comparison();
    let q = quantity_of(&c, "003", "oltre quaranta volte");
    let texts: Vec<&str> = q
        .figures
        .iter()
        .map(|r| c.figure(*r).unwrap().text.as_str())
        .collect();
    assert_eq!(texts, vec!["oltre quaranta volte", "più di 40 volte"]);
    assert_eq!(q.verdict, Verdict::Compatible);
    assert!(q.explanation.contains("same value"), "{}", q.explanation);
    assert!(
        q.explanation.contains("same qualifier"),
        "{}",
        q.explanation
    );
    assert!(
        q.explanation
            .contains("period: none given (003), nell'ultimo decennio (004)"),
        "{}",
        q.explanation
    );
}

#[test]
fn worked_example_2_the_meeting_sentences_are_aligned() {
    // Regression: the two sentences carry figures of one quantity, so they
    // meet even when their rarest words differ.
    let c = corpus_comparison();
    let s = &c.statements.sentences;
    let group = c
        .statements
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Fact)
        .find(|g| {
            g.members
                .iter()
                .any(|m| s[m.sentence].text.contains("oltre quaranta volte"))
        })
        .unwrap();
    assert!(group
        .members
        .iter()
        .any(|m| s[m.sentence].text.contains("più di 40 volte")));
    assert_eq!(group.verdict, Verdict::Compatible);
}

#[test]
fn worked_example_3_the_video_call_has_one_date() {
    let c = corpus_comparison();
    let q = quantity_of(&c, "000", "questa mattina");
    let texts: Vec<&str> = q
        .figures
        .iter()
        .map(|r| c.figure(*r).unwrap().text.as_str())
        .collect();
    assert_eq!(texts, vec!["questa mattina", "Il 4 febbraio di quest'anno"]);
    assert_eq!(q.verdict, Verdict::Same);
    assert!(q.explanation.contains("2026-02-04"));
}

#[test]
fn worked_example_4_opposed_framing_of_the_relationship() {
    let c = corpus_comparison();
    let framing: Vec<&statements::StatementGroup> = c
        .statements
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Framing)
        .collect();
    let alliance = framing
        .iter()
        .find(|g| g.topic.ends_with("alleanza"))
        .expect("alliance framing");
    assert_eq!(alliance.verdict, Verdict::Conflict);
    let polarity_of = |g: &statements::StatementGroup, id: &str| -> Vec<i8> {
        g.members
            .iter()
            .filter(|m| c.articles[m.article].article.id == id)
            .filter_map(|m| m.polarity)
            .collect()
    };
    assert!(polarity_of(alliance, "000").contains(&1));
    assert!(polarity_of(alliance, "004").contains(&-1));
    let hostility = framing
        .iter()
        .find(|g| g.topic.contains("ostilita"))
        .expect("hostility framing");
    assert_eq!(hostility.verdict, Verdict::Conflict);
    assert!(
        polarity_of(hostility, "003").contains(&1),
        "anti Usa, avversario"
    );
    assert!(
        polarity_of(hostility, "004").contains(&-1),
        "non ostilità verso terzi"
    );
}

#[test]
fn corpus_profiles_cite_the_right_sources() {
    let c = corpus_comparison();
    let names = |id: &str| -> Vec<String> {
        c.outlets
            .iter()
            .find(|o| o.article == id)
            .unwrap()
            .sources
            .iter()
            .map(|s| s.0.clone())
            .collect()
    };
    assert!(names("000").iter().any(|s| s.contains("Tass")));
    assert!(names("003").contains(&"Wall Street Journal".to_string()));
    assert!(names("003").contains(&"South China Morning Post".to_string()));
    assert!(names("004").contains(&"Ministero del Commercio cinese".to_string()));
    let hedged_003 = c
        .outlets
        .iter()
        .find(|o| o.article == "003")
        .unwrap()
        .hedged;
    assert!(
        hedged_003 >= 2,
        "avrebbe contribuito, sarebbe riuscita, documenti trapelati"
    );
}

#[test]
fn a_comparison_survives_a_round_trip_through_json() {
    // An analysis kept as JSON reads back as the same comparison.
    let c = compare(&crate::corpus::embedded(), None);
    let json = serde_json::to_string(&c).expect("serialises");
    let back: Comparison = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
    assert_eq!(back.verdict_counts(), c.verdict_counts());
    assert_eq!(back.statements.groups.len(), c.statements.groups.len());
    assert!(back
        .articles
        .iter()
        .zip(&c.articles)
        .all(|(a, b)| a.article == b.article
            && a.figures.len() == b.figures.len()
            && a.figures
                .iter()
                .zip(&b.figures)
                .all(|(x, y)| (x.start, x.end, &x.text, x.value)
                    == (y.start, y.end, &y.text, y.value))));
}

#[test]
fn a_damaged_comparison_is_refused_not_misread() {
    let c = compare(&crate::corpus::embedded(), None);
    let json = serde_json::to_string(&c).expect("serialises");
    assert!(serde_json::from_str::<Comparison>(&json[..json.len() / 2]).is_err());
    let bad_date = json.replacen("\"2025-", "\"2025-13-", 1);
    assert_ne!(bad_date, json, "the story has dates");
    assert!(serde_json::from_str::<Comparison>(&bad_date).is_err());
}

/// The verdict and explanation of the link between two figures, if any.
fn link_between<'a>(
    c: &'a Comparison,
    (a, ta): (&str, &str),
    (b, tb): (&str, &str),
) -> Option<&'a quantities::Link> {
    let q = quantity_of(c, a, ta);
    let bi = c.articles.iter().position(|x| x.article.id == b)?;
    let fb = c.articles[bi].figures.iter().position(|f| f.text == tb)?;
    let rb = FigureRef {
        article: bi,
        figure: fb,
    };
    q.links.iter().find(|l| l.a == rb || l.b == rb)
}

#[test]
fn clocks_in_different_zones_agree_once_converted() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-21",
                "Xi Jinping e Vladimir Putin hanno tenuto una videoconferenza alle 8 ora italiana.",
            ),
            article(
                "b",
                "2025-01-21",
                "Xi Jinping ha tenuto una videoconferenza con Vladimir Putin alle 15 ora di Pechino.",
            ),
        ],
        None,
    );
    let l = link_between(
        &c,
        ("a", "alle 8 ora italiana"),
        ("b", "alle 15 ora di Pechino"),
    )
    .expect("the two times of the call are linked");
    assert_eq!(l.verdict, Verdict::Compatible, "{}", l.explanation);
    assert!(
        l.explanation.contains("08:00 Europe/Rome"),
        "{}",
        l.explanation
    );
    assert!(l.explanation.starts_with("identity"), "{}", l.explanation);
}

#[test]
fn morning_and_evening_of_one_event_conflict() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-21",
                "Xi Jinping e Vladimir Putin si sono parlati questa mattina in videoconferenza.",
            ),
            article(
                "b",
                "2025-01-22",
                "Xi Jinping e Vladimir Putin si sono parlati ieri sera in videoconferenza.",
            ),
        ],
        None,
    );
    let l = link_between(&c, ("a", "questa mattina"), ("b", "ieri sera"))
        .expect("the two times of the call are linked");
    assert_eq!(l.verdict, Verdict::Conflict, "{}", l.explanation);
    assert!(l.explanation.contains("different times of day"));
}

#[test]
fn circa_stretches_by_the_precision_of_the_number() {
    let pair = |x: &str, y: &str| {
        compare(
            &[
                article(
                    "a",
                    "2025-01-13",
                    &format!(
                        "Nel 2024 l'interscambio tra Cina e Russia ha raggiunto {x} di dollari."
                    ),
                ),
                article(
                    "b",
                    "2025-01-13",
                    &format!(
                        "Nel 2024 l'interscambio tra Cina e Russia è arrivato a {y} di dollari."
                    ),
                ),
            ],
            None,
        )
    };
    let c = pair("circa 230 miliardi", "227,9 miliardi");
    let q = quantity_of(&c, "a", "circa 230 miliardi di dollari");
    assert_eq!(q.verdict, Verdict::Compatible, "{}", q.explanation);
    // 7 % apart: "circa" does not absorb it.
    let c = pair("circa 245 miliardi", "228 miliardi");
    let q = quantity_of(&c, "a", "circa 245 miliardi di dollari");
    assert_eq!(q.verdict, Verdict::Conflict, "{}", q.explanation);
}

#[test]
fn a_figure_links_to_at_most_one_figure_of_another_outlet() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-13",
                "Nel 2024 le esportazioni della Cina verso la Russia sono state pari a 115,5 miliardi di dollari.",
            ),
            article(
                "b",
                "2025-01-13",
                "Nel 2024 le esportazioni della Cina verso la Russia sono state pari a 115,5 miliardi di dollari. Le esportazioni della Cina verso la Russia erano state di 111 miliardi di dollari nel 2023.",
            ),
        ],
        None,
    );
    for q in &c.quantities {
        let mut outlets: Vec<usize> = q.figures.iter().map(|r| r.article).collect();
        let n = outlets.len();
        outlets.dedup();
        assert_eq!(
            outlets.len(),
            n,
            "{} pools two figures of one outlet",
            q.label
        );
    }
    let q = quantity_of(&c, "a", "115,5 miliardi di dollari");
    assert_eq!(q.figures.len(), 2);
    assert_eq!(q.verdict, Verdict::Same, "{}", q.explanation);
}

#[test]
fn a_growing_toll_reported_later_is_an_update() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-08",
                "Nell'incendio di Los Angeles sono morte cinque persone, secondo i vigili del fuoco.",
            ),
            article(
                "b",
                "2025-01-10",
                "Nell'incendio di Los Angeles sono morte dieci persone, secondo i vigili del fuoco.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "cinque persone");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_eq!(q.verdict, Verdict::Compatible, "{}", q.explanation);
    assert!(q.explanation.contains("updated"), "{}", q.explanation);
}

#[test]
fn a_group_sharing_a_linked_figure_is_named_as_the_text_says_it() {
    let c = corpus_comparison();
    let s = &c.statements.sentences;
    let g = c
        .statements
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Fact && g.outlets.len() > 1)
        .find(|g| {
            g.members
                .iter()
                .any(|m| s[m.sentence].text.contains("227,9"))
        })
        .expect("the trade figures' sentences are grouped");
    assert!(g.topic.contains("nel 2025"), "{}", g.topic);
    assert!(!g.topic.contains('·'), "{}", g.topic);
    // Other groups show the words as the text writes them.
    assert!(c
        .statements
        .groups
        .iter()
        .all(|g| !g.topic.contains("solidita")));
}

#[test]
fn a_statement_group_holds_one_sentence_of_each_outlet_at_most() {
    for c in [
        corpus_comparison(),
        compare(
            &[
                article(
                    "a",
                    "2025-01-21",
                    "Xi e Putin hanno parlato in videoconferenza. Xi e Putin hanno parlato di gas. Xi e Putin hanno parlato di commercio.",
                ),
                article(
                    "b",
                    "2025-01-21",
                    "Xi e Putin hanno parlato di gas in videoconferenza e di commercio.",
                ),
            ],
            None,
        ),
    ] {
        for g in c.statements.groups.iter().filter(|g| g.kind == GroupKind::Fact) {
            let mut outlets: Vec<usize> = g.members.iter().map(|m| m.article).collect();
            let n = outlets.len();
            outlets.sort_unstable();
            outlets.dedup();
            assert_eq!(outlets.len(), n, "group {:?} pools sentences of one outlet", g.topic);
        }
    }
}

#[test]
fn a_yearless_date_on_the_same_day_of_the_year_is_not_a_conflict() {
    let c = compare(
        &[
            article(
                "a",
                "2025-03-01",
                "Xi Jinping sarà a Mosca per le celebrazioni dell'anniversario della vittoria del 9 maggio 2025.",
            ),
            article(
                "b",
                "2025-03-01",
                "Xi Jinping era stato invitato a Mosca per le celebrazioni dell'anniversario della vittoria il 9 maggio.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "9 maggio 2025");
    assert!(q.verdict != Verdict::Conflict, "{}", q.explanation);
}

#[test]
fn a_count_of_a_part_is_no_conflict_with_the_whole() {
    let c = compare(
        &[
            article(
                "a",
                "2024-11-29",
                "Undici velivoli militari cinesi e russi sono entrati nella zona di identificazione aerea sudcoreana.",
            ),
            article(
                "b",
                "2024-11-29",
                "Cinque aerei militari cinesi sono entrati nella zona di identificazione aerea sudcoreana.",
            ),
            article(
                "c",
                "2024-11-29",
                "Sei aerei militari russi sono entrati nella zona di identificazione aerea sudcoreana.",
            ),
        ],
        None,
    );
    for q in &c.quantities {
        assert_ne!(
            q.verdict,
            Verdict::Conflict,
            "{}: {}",
            q.label,
            q.explanation
        );
    }
    // The two parts are never one quantity.
    let q = quantity_of(&c, "b", "Cinque aerei militari");
    assert!(
        q.figures.iter().all(|r| r.article != 2),
        "{}",
        q.explanation
    );
}

#[test]
fn a_change_and_a_level_agree_or_stay_apart() {
    let c = compare(
        &[
            article(
                "a",
                "2024-10-31",
                "L'inflazione di fondo a ottobre segna +1,8% su base annua. Il deficit è previsto al 3,3% del Pil nel 2025.",
            ),
            article(
                "b",
                "2024-10-31",
                "L'inflazione di fondo a ottobre sale all'1,8% su base annua. Il Pil nel 2025 crescerà dell'1,2%.",
            ),
        ],
        None,
    );
    let l = link_between(&c, ("a", "+1,8%"), ("b", "1,8%"));
    assert!(l.is_some(), "{:#?}", quantity_of(&c, "a", "+1,8%"));
    let deficit = quantity_of(&c, "a", "3,3%");
    assert_ne!(
        deficit.verdict,
        Verdict::Conflict,
        "{}",
        deficit.explanation
    );
}

#[test]
fn an_identical_precise_figure_links_with_little_else_shared() {
    // Two wordings with few words in common: the same four-digit value
    // and currency is the evidence.
    let c = compare(
        &[
            article(
                "a",
                "2025-01-14",
                "Mosca ha venduto a Pechino merci per 129,3 miliardi di dollari, secondo le dogane.",
            ),
            article(
                "b",
                "2025-01-14",
                "Le forniture russe dirette in Cina hanno toccato quota 129,3 miliardi di dollari l'anno scorso.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "129,3 miliardi di dollari");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
}

#[test]
fn overlapping_periods_and_one_source_inside_the_other_are_no_difference() {
    let c = compare(
        &[
            article(
                "a",
                "2024-10-31",
                "Secondo le stime preliminari dell'Istat, nel mese di ottobre 2024 l'inflazione sale allo 0,9% su base annua.",
            ),
            article(
                "b",
                "2024-10-31",
                "Secondo le stime preliminari, oggi l'inflazione sale allo 0,9% su base annua.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "0,9%");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_eq!(q.verdict, Verdict::Same, "{}", q.explanation);
}

#[test]
fn a_collective_number_keeps_its_own_range() {
    let c = compare(
        &[
            article(
                "a",
                "2024-11-30",
                "Ieri una decina di aerei militari ha attraversato la zona di identificazione.",
            ),
            article(
                "b",
                "2024-11-30",
                "Ieri undici aerei militari hanno attraversato la zona di identificazione.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "una decina");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_eq!(q.verdict, Verdict::Compatible, "{}", q.explanation);
}

#[test]
fn local_time_is_where_the_story_happens_not_the_dateline() {
    let a = Article::parse(
        "a",
        "a.txt",
        "Incendi in California\n(AGENZIA) - NEW YORK, 08 GEN - Los Angeles brucia. L'incendio è divampato martedì alle 10.30 ora locale sulle colline.",
        Metadata {
            date: Some("2025-01-08".into()),
            ..Metadata::default()
        },
    );
    let c = compare(&[a], None);
    let f = c.articles[0]
        .figures
        .iter()
        .find(|f| f.clock.is_some())
        .expect("a clock");
    assert_eq!(f.zone.as_deref(), Some("America/Los_Angeles"), "{f:#?}");
}

#[test]
fn a_bare_number_is_compared_by_the_noun_before_it_and_never_conflicts() {
    let c = compare(
        &[
            article(
                "a",
                "2025-03-13",
                "Una scossa di magnitudo 4.4 è stata avvertita nella notte ai Campi Flegrei.",
            ),
            article(
                "b",
                "2025-03-13",
                "La scossa di magnitudo 4,4 è stata avvertita nella notte in tutta l'area dei Campi Flegrei. Una replica di magnitudo 2,1 è seguita.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "4.4");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_eq!(q.verdict, Verdict::Same, "{}", q.explanation);
    for q in &c.quantities {
        assert_ne!(q.verdict, Verdict::Conflict, "{}", q.explanation);
    }
}

#[test]
fn word_diff_keeps_common_words_and_marks_the_rest() {
    use crate::compare::statements::word_diff;
    let ops = word_diff(
        "Il commercio è cresciuto del 5% nel 2024",
        "Il commercio bilaterale è cresciuto del 6% nel 2024",
    );
    let ops: Vec<(&str, &str)> = ops.iter().map(|(o, t)| (o.as_str(), t.as_str())).collect();
    assert_eq!(
        ops,
        [
            ("equal", "Il commercio"),
            ("insert", "bilaterale"),
            ("equal", "è cresciuto del"),
            ("delete", "5%"),
            ("insert", "6%"),
            ("equal", "nel 2024"),
        ]
    );
    assert_eq!(
        word_diff("a b", "a b"),
        [("equal".to_string(), "a b".to_string())]
    );
    assert!(word_diff("", "").is_empty());
    // Two long sentences with nothing in common: bounded, every word kept.
    let a = "x ".repeat(3000);
    let b = "y ".repeat(3000);
    let ops = word_diff(&a, &b);
    let words: usize = ops.iter().map(|(_, t)| t.split(' ').count()).sum();
    assert_eq!(words, 6000);
}

#[test]
fn figures_in_a_dateline_sentence_are_compared_but_its_date_is_not() {
    // Agency style: the first sentence runs on from the dateline.
    let text = |n: &str, d: &str| {
        Article::parse(
            n,
            format!("{n}.txt"),
            format!("Incendio al porto\n\nGenova, 14 marzo 2026 - I danni sono stimati in {d} milioni di euro, secondo l'Autorità portuale.\n"),
            Metadata::default(),
        )
    };
    let c = compare(&[text("a", "3"), text("b", "5")], None);
    let q = quantity_of(&c, "a", "3 milioni di euro");
    assert_eq!(q.verdict, Verdict::Conflict, "{:?}", q.explanation);
    assert_eq!(q.figures.len(), 2);
    // The dateline's own date dates the reports: in no quantity.
    let ai = 0;
    let fi = c.articles[ai]
        .figures
        .iter()
        .position(|f| f.text == "14 marzo 2026")
        .unwrap();
    assert!(!c.quantities.iter().any(|q| q.figures.contains(&FigureRef {
        article: ai,
        figure: fi
    })));
}

#[test]
fn a_comparison_survives_a_round_trip_through_its_bytes() {
    // The compact form the page and the worker exchange: the same
    // comparison back, every field (compared through its JSON).
    let c = compare(&crate::corpus::embedded(), None);
    let bytes = c.to_bytes();
    let json = serde_json::to_string(&c).expect("serialises");
    assert!(
        bytes.len() < json.len() / 2,
        "{} vs {}",
        bytes.len(),
        json.len()
    );
    let back = Comparison::from_bytes(&bytes).expect("reads back");
    assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
    // Cut short, or with a byte changed in a date: refused, never misread.
    assert!(Comparison::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Comparison::from_bytes(&[]).is_err());
    let date = b"2025-";
    let at = bytes
        .windows(date.len())
        .position(|w| w == date)
        .expect("the story has dates");
    let mut bad = bytes.clone();
    bad[at + 5] = b'x';
    assert!(Comparison::from_bytes(&bad).is_err());
}

#[test]
fn a_statement_whose_figures_conflict_is_a_conflict_not_the_same() {
    let text = |n: &str| {
        format!("Livorno, 3 aprile 2025 – Nell'incendio del porto i danni sono stati stimati in {n} milioni di euro dai periti della Regione.")
    };
    let group_of = |c: &Comparison| {
        c.statements
            .groups
            .iter()
            .find(|g| g.outlets.len() == 2)
            .cloned()
            .expect("one group of both outlets")
    };
    // The same words around figures that cannot both be true.
    let c = compare(
        &[
            article("a", "2025-04-03", &text("5")),
            article("b", "2025-04-03", &text("8")),
        ],
        None,
    );
    let g = group_of(&c);
    assert_eq!(g.verdict, Verdict::Conflict, "{}", g.explanation);
    assert!(
        g.parts
            .iter()
            .any(|p| matches!(p, explain::Part::Disjoint { a, b, .. }
        if a.contains('5') && b.contains('8'))),
        "{:?}",
        g.parts
    );
    // The same figures: the same statement.
    let c = compare(
        &[
            article("a", "2025-04-03", &text("5")),
            article("b", "2025-04-03", &text("5")),
        ],
        None,
    );
    assert_eq!(group_of(&c).verdict, Verdict::Same);
    // Figures that agree within a qualifier: compatible, not the same.
    let c = compare(
        &[
            article("a", "2025-04-03", &text("5,2")),
            article("b", "2025-04-03", &text("circa 5")),
        ],
        None,
    );
    let g = group_of(&c);
    assert_eq!(g.verdict, Verdict::Compatible, "{}", g.explanation);
}

#[test]
fn what_is_counted_is_not_also_the_evidence_of_what_is_measured() {
    // Two counts of the same noun in two events of one day: the noun says
    // what is counted, not that both count the same thing.
    let c = compare(
        &[
            article("a", "2025-01-09", "Los Angeles, 9 gennaio 2025 – Nel primo rogo, sulle colline, sono già bruciati 10.600 acri di bosco secondo i vigili del fuoco."),
            article("b", "2025-01-09", "Los Angeles, 9 gennaio 2025 – Sulla costa, dove il secondo incendio è partito ieri sera, sono bruciati circa 17.000 acri secondo i vigili del fuoco."),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "10.600 acri");
    assert_ne!(q.verdict, Verdict::Conflict, "{}", q.explanation);
}

#[test]
fn people_counted_as_people_and_as_evacuees_may_be_one_count() {
    let c = compare(
        &[
            article(
                "a",
                "2024-10-20",
                "A Sestri il torrente ha invaso le strade: circa 800 persone sono state evacuate e ospitate in palestre e alberghi.",
            ),
            article(
                "b",
                "2024-10-20",
                "Il bilancio è salito a due vittime. Gli sfollati sono oltre 800.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "circa 800 persone");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_ne!(q.verdict, Verdict::Conflict);
}

#[test]
fn buildings_counted_as_edifici_and_as_strutture_are_one_count() {
    let c = compare(
        &[
            article(
                "a",
                "2025-01-09",
                "A Malibu il fuoco ha distrutto oltre 1.000 edifici, secondo i vigili del fuoco.",
            ),
            article(
                "b",
                "2025-01-09",
                "Più di mille strutture sono andate in fumo tra le colline.",
            ),
        ],
        None,
    );
    let q = quantity_of(&c, "a", "oltre 1.000 edifici");
    assert_eq!(q.figures.len(), 2, "{}", q.explanation);
    assert_ne!(q.verdict, Verdict::Conflict);
}

#[test]
fn one_measure_in_other_units_is_compared_once_converted() {
    let fig = |text: &str| {
        crate::figures::extract_text(&format!("Sono bruciati {text} di bosco."), None)
            .into_iter()
            .find(|f| f.kind == crate::figures::FigureKind::Count)
            .unwrap_or_else(|| panic!("no count in {text:?}"))
    };
    let acres = fig("circa 17.000 acri");
    let (v, parts) = quantities::judge(&acres, &fig("6.900 ettari"), "a", "b");
    assert_eq!(v, Verdict::Compatible, "{parts:?}");
    assert!(parts
        .iter()
        .any(|p| matches!(p, explain::Part::Units { .. })));
    let (v, _) = quantities::judge(&acres, &fig("17.200 ettari"), "a", "b");
    assert_eq!(v, Verdict::Conflict);
    let (v, _) = quantities::judge(
        &fig("fino a 100 miglia orarie"),
        &fig("fino a 160 chilometri orari"),
        "a",
        "b",
    );
    assert_ne!(v, Verdict::Conflict);
    // The same unit written two ways is no conversion.
    let (v, parts) = quantities::judge(&fig("3 kg"), &fig("3 chili"), "a", "b");
    assert_ne!(v, Verdict::Conflict, "{parts:?}");
    assert!(!parts
        .iter()
        .any(|p| matches!(p, explain::Part::Units { .. })));
}
