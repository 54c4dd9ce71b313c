use super::*;

fn one(name: &str, bytes: &[u8]) -> Imported {
    let mut v = import(name, bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(v.len(), 1);
    v.remove(0)
}

#[test]
fn utf8_text_is_kept_byte_for_byte() {
    let t = "\u{feff}Titolo\n\nROMA, 3 marzo 2025 - Sono 12 i feriti.\n";
    let a = one("a.txt", t.as_bytes());
    assert_eq!(a.text, t);
    assert_eq!(a.format, Format::Text);
    assert!(a.notes.is_empty());
    // The date comes from the dateline and is marked as inferred.
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-03"));
    assert_eq!(a.inferred, vec!["date".to_string()]);
}

#[test]
fn other_encodings_are_converted_and_say_so() {
    let latin1 = b"Citt\xe0: il 40% \xe8 salito.\n";
    let a = one("a.txt", latin1);
    assert_eq!(a.text, "Città: il 40% è salito.\n");
    assert!(
        a.notes.iter().any(|n| n.contains("Windows-1252")),
        "{:?}",
        a.notes
    );
    let s = "Città: 12 feriti.\n";
    for (bom, le) in [(true, true), (true, false), (false, true)] {
        let mut b: Vec<u8> = Vec::new();
        if bom {
            b.extend(if le { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
        }
        for u in s.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let a = one("a.txt", &b);
        assert_eq!(a.text.trim_start_matches('\u{feff}'), s);
        assert!(
            a.notes.iter().any(|n| n.contains("UTF-16")),
            "{:?}",
            a.notes
        );
    }
}

#[test]
fn bad_files_say_what_is_wrong() {
    assert_eq!(import("a.txt", b""), Err(ImportError::Empty));
    assert_eq!(import("a.txt", b" \n\t \n"), Err(ImportError::Empty));
    assert_eq!(
        import("a.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(ImportError::Binary)
    );
    let big = vec![b'a'; MAX_BYTES + 1];
    let e = import("a.txt", &big).unwrap_err();
    assert!(e.to_string().contains("10 MB"), "{e}");
    assert!(matches!(
        import("a.json", b"{\"a\": "),
        Err(ImportError::Json(_))
    ));
    assert_eq!(import("a.json", b"[1, 2]"), Err(ImportError::Foreign));
    assert_eq!(
        import(
            "a.json",
            br#"{"format": "synoptic-articles", "version": 9, "articles": []}"#
        ),
        Err(ImportError::NewerSchema { found: 9 })
    );
    let e = import("a.md", b"---\ndate: ieri\n---\nTesto.\n").unwrap_err();
    assert!(e.to_string().contains("date"), "{e}");
    let e = import("a.md", b"---\noutlet: X\nTesto senza fine\n").unwrap_err();
    assert!(matches!(e, ImportError::Invalid(_)), "{e}");
}

#[test]
fn markdown_gives_its_words_and_front_matter() {
    let md = "---\noutlet: \"Il Quotidiano\"\ndate: 2025-01-21\nauthor: Anna Rossi\nurl: https://example.org/a\ntitle: Il vertice\n---\n# Il vertice\n\nSono **12** i [feriti](https://example.org), <script>alert(1)</script>secondo la *Protezione civile*.\n\n- primo punto\n- secondo punto\n";
    let a = one("a.md", md.as_bytes());
    assert_eq!(a.meta.outlet.as_deref(), Some("Il Quotidiano"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-01-21"));
    assert_eq!(a.meta.author.as_deref(), Some("Anna Rossi"));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.org/a"));
    assert!(a.inferred.is_empty());
    assert!(
        a.text
            .contains("Sono 12 i feriti, secondo la Protezione civile."),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("- primo punto\n- secondo punto"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("script") && !a.text.contains('*') && !a.text.contains("]("));
}

#[test]
fn a_saved_page_gives_its_article_and_never_its_scripts() {
    let page = r#"<!doctype html><html lang="it"><head><title>Scossa ai Campi Flegrei - Il Giornale</title>
<meta property="og:site_name" content="Il Giornale di Napoli">
<meta property="article:published_time" content="2025-03-13T08:00:00+01:00">
<script>alert('x')</script></head>
<body><nav><a href="/">Home</a> <a href="/cronaca">Cronaca</a></nav>
<article><h1>Scossa ai Campi Flegrei</h1>
<p onclick="alert(1)">Una scossa di magnitudo 4,4 è stata avvertita nella notte a Pozzuoli, alle 1.25, dalla popolazione di tutta l'area flegrea e di molti quartieri di Napoli.</p>
<p>Secondo l'Osservatorio vesuviano l'ipocentro era a 3 chilometri di profondità; non si segnalano feriti ma una decina di famiglie ha passato la notte in strada per paura di nuove repliche.</p>
<img src=x onerror="alert(2)"><svg><script>alert(3)</script></svg>
<p>Le scuole resteranno chiuse oggi in via precauzionale a Pozzuoli e Bacoli, ha detto il sindaco.</p></article>
<footer>© 2025 Il Giornale di Napoli. Tutti i diritti riservati.</footer></body></html>"#;
    let a = one("pagina.html", page.as_bytes());
    assert_eq!(a.format, Format::Html);
    assert!(a.text.contains("magnitudo 4,4"), "{}", a.text);
    assert!(a.text.contains("3 chilometri di profondità"), "{}", a.text);
    assert!(!a.text.contains("alert"), "{}", a.text);
    assert!(!a.text.contains("Tutti i diritti"), "{}", a.text);
    assert_eq!(a.meta.outlet.as_deref(), Some("Il Giornale di Napoli"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-13"));
    // The same page with another extension is still a page.
    assert_eq!(one("pagina.txt", page.as_bytes()).format, Format::Html);
}

#[test]
fn an_export_round_trips() {
    let a = one(
        "a.md",
        b"---\noutlet: X\ndate: 2025-01-21\n---\nSono 12 i feriti.\n",
    );
    let b = one(
        "b.txt",
        "MILANO, 2 gennaio 2025 - Il 40% è salito.\n".as_bytes(),
    );
    let json = export_json(&[a.clone(), b.clone()]);
    let back = import("storia.json", json.as_bytes()).unwrap();
    assert_eq!(back.len(), 2);
    for (x, y) in back.iter().zip([&a, &b]) {
        assert_eq!(
            (&x.name, &x.text, &x.meta, &x.inferred),
            (&y.name, &y.text, &y.meta, &y.inferred)
        );
    }
    assert_eq!(export_json(&back), json);
}

#[test]
fn the_same_text_twice_is_kept_once() {
    let mut v = vec![
        one("a.txt", b"Sono 12 i feriti.\n"),
        one("b.txt", b"Sono  12 i feriti.\n\n"),
        one("c.txt", b"Sono 13 i feriti.\n"),
    ];
    let said = dedupe(&mut v);
    assert_eq!(v.len(), 2);
    assert_eq!(
        said,
        vec!["b.txt: the same text as a.txt; kept once".to_string()]
    );
}

#[test]
fn any_bytes_give_articles_or_a_message() {
    // A small deterministic generator: no panic on odd bytes in any format.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for n in 0..300 {
        let len = n % 97;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        for name in ["a.txt", "a.md", "a.html", "a.json"] {
            let _ = import(name, &bytes);
        }
    }
}
