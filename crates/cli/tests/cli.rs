//! The `synoptic` binary as users run it.

use std::process::Command;

fn synoptic(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("synoptic-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn embedded_corpus_as_json_follows_the_schema() {
    let (code, out, _) = synoptic(&["analyze"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let a = &articles[2];
    assert_eq!(a["id"], "004");
    assert_eq!(a["outlet"], "CGTN");
    assert_eq!(a["date"], "2026-05-18");
    let trade = a["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"].as_str().unwrap().starts_with("227,9"))
        .unwrap();
    for key in [
        "id",
        "text",
        "start",
        "end",
        "kind",
        "value",
        "time",
        "unit",
        "qualifier",
        "subject",
        "time_ref",
        "source",
        "boilerplate",
    ] {
        assert!(trade.get(key).is_some(), "missing {key}");
    }
    assert_eq!(trade["kind"], "amount");
    assert_eq!(trade["value"]["min"], 227_900_000_000.0);
    assert_eq!(trade["unit"], "USD");
    assert_eq!(trade["subject"], "commercio bilaterale");
    assert_eq!(trade["source"], "Ministero del Commercio cinese");
    assert_eq!(trade["time_ref"]["text"], "nel 2025");
    // Offsets are characters into the file's text.
    let text = include_str!("../../../assets/corpus/004_a73895d0e51bd42b.txt");
    let (s, e) = (
        trade["start"].as_u64().unwrap() as usize,
        trade["end"].as_u64().unwrap() as usize,
    );
    let slice: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, trade["text"].as_str().unwrap());
    // Unbounded ends are null.
    let over = articles[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "200 miliardi di dollari")
        .unwrap();
    assert_eq!(over["value"]["min"], 200_000_000_000.0);
    assert!(over["value"]["max"].is_null());
    assert_eq!(over["qualifier"], "over");
}

#[test]
fn csv_has_one_row_per_figure() {
    let (code, out, _) = synoptic(&["analyze", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("article,outlet,id,text,start,end,kind,min,max"));
    assert!(out.contains("003,,f3,oltre quaranta volte,"));
}

#[test]
fn date_option_resolves_relative_times_of_undated_files() {
    let path = temp_file(
        "nota.txt",
        "Il comitato si è riunito ieri e si riunirà di nuovo il prossimo lunedì.\n",
    );
    let (code, out, _) = synoptic(&["analyze", "--date", "2024-03-06", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = &v["articles"][0];
    assert!(a["date"].is_null(), "the file states no date");
    assert_eq!(a["reference_date"]["origin"], "fallback");
    let ieri = a["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "ieri")
        .unwrap();
    assert_eq!(ieri["time"]["start"], "2024-03-05");
    // Without --date the relative time stays unresolved, and says so.
    let (_, out, _) = synoptic(&["analyze", path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ieri = &v["articles"][0]["figures"][0];
    assert!(ieri["time"].is_null());
    assert!(ieri["note"].as_str().unwrap().contains("unknown"));
}

#[test]
fn a_file_with_its_own_date_and_metadata() {
    let path = temp_file(
        "100_test.txt",
        "Un titolo di prova qui\nROMA, 2 marzo 2024 – Ieri il voto.\n",
    );
    std::fs::write(
        path.with_extension("meta.json"),
        r#"{"outlet": "Prova", "kind": "newspaper"}"#,
    )
    .unwrap();
    let (code, out, _) = synoptic(&["analyze", "--date", "2000-01-01", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["id"], "100");
    assert_eq!(a["outlet"], "Prova");
    assert_eq!(a["date"], "2024-03-02");
    assert_eq!(a["reference_date"]["origin"], "text");
}

#[test]
fn bad_input_gets_a_clear_message() {
    let (code, _, err) = synoptic(&["analyze", "/nonexistent/file.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
    let bin = temp_file("binary.txt", "");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, _, err) = synoptic(&["analyze", bin.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not text"), "{err}");
    // Latin-1 is read, and the message says it was converted.
    let latin1 = temp_file("latin1.txt", "");
    std::fs::write(&latin1, b"Citt\xe0: il 40% \xe8 salito.\n").unwrap();
    let (code, out, err) = synoptic(&["analyze", latin1.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Windows-1252"), "{err}");
    assert!(out.contains("40%"), "{out}");
    let (code, _, err) = synoptic(&["analyze", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format"), "{err}");
    let (code, _, err) = synoptic(&["analyze", "--date", "2024-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a valid"), "{err}");
}

#[test]
fn json_has_quantities_statements_and_outlets() {
    let (code, out, _) = synoptic(&["analyze"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let quantities = v["quantities"].as_array().unwrap();
    let trade = quantities
        .iter()
        .find(|l| {
            l["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "000/f6")
        })
        .expect("the trade quantity");
    assert_eq!(trade["verdict"], "compatible");
    assert!(trade["members"].as_array().unwrap().len() >= 2);
    for key in [
        "id",
        "quantity",
        "members",
        "verdict",
        "explanation",
        "pairs_compared",
        "conflicts",
        "conflicts_total",
    ] {
        assert!(trade.get(key).is_some(), "quantity lacks {key}");
    }
    // Only pairs that disagree are listed.
    for q in quantities {
        for p in q["conflicts"].as_array().unwrap() {
            assert_eq!(p["verdict"], "conflict");
        }
        assert!(
            q["conflicts"].as_array().unwrap().len() as u64
                <= q["conflicts_total"].as_u64().unwrap()
        );
    }
    let statements = v["statements"].as_array().unwrap();
    let framing = statements
        .iter()
        .find(|s| s["topic"] == "framing: alleanza")
        .expect("alliance framing");
    assert_eq!(framing["verdict"], "conflict");
    let member = &framing["members"][0];
    for key in ["article", "text", "start", "end", "hedged", "source"] {
        assert!(member.get(key).is_some(), "member lacks {key}");
    }
    // Silence is the complement of the outlets: groups neither list the
    // silent nor explain them in prose.
    for s in statements {
        assert!(s.get("silent").is_none());
        assert!(!s["explanation"].as_str().unwrap().contains("silent"));
        let outlets: Vec<&str> = s["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap())
            .collect();
        for m in s["members"].as_array().unwrap() {
            assert!(outlets.contains(&m["article"].as_str().unwrap()));
        }
    }
    assert!(statements
        .iter()
        .any(|s| s["outlets"].as_array().unwrap().len() < 3));
    assert_eq!(v["outlets"].as_array().unwrap().len(), 3);
    assert!(v["summary"]["compatible"].as_u64().unwrap() >= 2);
}

#[test]
fn sidecars_that_cannot_be_used_are_reported_by_name() {
    let text = "Il titolo del pezzo di prova\nROMA, 1 marzo 2024 - Il testo cita 200 persone.";
    let cases: [(&str, &[u8], &str); 5] = [
        ("latin1", b"{\"outlet\": \"Citt\xe0\"}", "not UTF-8"),
        ("list", b"[]", "JSON object"),
        ("kindnull", b"{\"kind\": null}", "\"kind\" must be one of"),
        ("broken", b"{\"outlet\": ", "metadata is not valid"),
        ("unknown", b"{\"colour\": \"red\"}", "unknown field"),
    ];
    for (name, sidecar, want) in cases {
        let article = temp_file(&format!("{name}.txt"), text);
        std::fs::write(article.with_extension("meta.json"), sidecar).unwrap();
        let (code, out, err) = synoptic(&["analyze", article.to_str().unwrap()]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains(&format!("{name}.meta.json")), "{name}: {err}");
        assert!(err.contains(want), "{name}: {err}");
        // Nothing lost: the article is still analysed.
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["articles"].as_array().unwrap().len(), 1, "{name}");
    }
    // A directory where the sidecar would be.
    let article = temp_file("dir.txt", text);
    std::fs::create_dir_all(article.with_extension("meta.json")).unwrap();
    let (code, _, err) = synoptic(&["analyze", article.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("dir.meta.json") && err.contains("directory"),
        "{err}"
    );
    // A byte-order mark before the JSON is fine.
    let article = temp_file("bom.txt", text);
    std::fs::write(
        article.with_extension("meta.json"),
        "\u{feff}{\"outlet\": \"Prova\"}",
    )
    .unwrap();
    let (code, out, err) = synoptic(&["analyze", article.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"outlet\":\"Prova\""), "{out}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_synoptic"))
        .args(["analyze"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read a little, then close the pipe, as `| head` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn text_as_users_have_it() {
    // A byte-order mark, lone CR line ends, no-break spaces in numbers.
    let text = "\u{feff}Home Notizie Mondo\rIl titolo del pezzo di prova\rROMA, 3 marzo 2024 - Sono arrivate 1\u{a0}000 persone e 1\u{202f}000\u{202f}000 di euro.\rShare\r";
    let path = temp_file("mac.txt", text);
    let (code, out, err) = synoptic(&["analyze", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let a = &v["articles"][0];
    assert_eq!(a["title"], "Il titolo del pezzo di prova");
    assert_eq!(a["date"], "2024-03-03");
    let figs = a["figures"].as_array().unwrap();
    let people = figs
        .iter()
        .find(|f| f["text"] == "1\u{a0}000 persone")
        .expect("1 000 persone");
    assert_eq!(people["value"]["min"], 1000.0);
    assert_eq!(people["boilerplate"], false);
    let euros = figs
        .iter()
        .find(|f| f["text"] == "1\u{202f}000\u{202f}000 di euro")
        .expect("1 000 000 di euro");
    assert_eq!(euros["value"]["min"], 1_000_000.0);
    assert_eq!(euros["unit"], "EUR");
    // Offsets still point into the original text (the BOM is a character).
    let s = people["start"].as_u64().unwrap() as usize;
    let e = people["end"].as_u64().unwrap() as usize;
    let slice: String = text.chars().skip(s).take(e - s).collect();
    assert_eq!(slice, "1\u{a0}000 persone");
}

#[test]
fn figures_table_has_one_column_per_outlet() {
    let (code, out, _) = synoptic(&["analyze", "--format", "table"]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next().unwrap(),
        "quantity,measures,verdict,explanation,000 (Smettere di Lavorare),003,004 (CGTN)"
    );
    let meetings = out
        .lines()
        .find(|l| l.contains("oltre quaranta volte"))
        .expect("meetings row");
    assert!(meetings.contains("compatible"));
    assert!(meetings.contains("più di 40 volte [over] (Zhao Long)"));
}

#[test]
fn json_is_one_line_in_a_pipe_unless_asked() {
    let (_, compact, _) = synoptic(&["analyze"]);
    assert_eq!(compact.trim_end().lines().count(), 1);
    let (_, pretty, _) = synoptic(&["analyze", "--pretty"]);
    assert!(pretty.lines().count() > 100);
    let a: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let b: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(a, b);
    assert!(compact.len() * 3 < pretty.len() * 2);
}

#[test]
fn times_of_day_carry_their_clock_part_of_day_and_zone() {
    let path = temp_file(
        "orari.txt",
        "Il colloquio è iniziato alle 15 ora di Pechino ed è finito in serata.\n",
    );
    let (code, out, err) = synoptic(&["analyze", "--date", "2025-01-21", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let figs = v["articles"][0]["figures"].as_array().unwrap();
    let at = |text: &str| {
        figs.iter()
            .find(|f| f["text"] == text)
            .unwrap_or_else(|| panic!("no {text}"))
    };
    let beijing = at("alle 15 ora di Pechino");
    assert_eq!(beijing["clock"], "15:00");
    assert_eq!(beijing["zone"], "Asia/Shanghai");
    let evening = at("in serata");
    assert_eq!(evening["clock"], "evening");
    assert!(evening.get("zone").is_none() && evening.get("phase").is_none());
    let (code, out, _) = synoptic(&[
        "analyze",
        "--format",
        "csv",
        "--date",
        "2025-01-21",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out
        .lines()
        .next()
        .unwrap()
        .ends_with(",boilerplate,clock,phase,zone"));
    assert!(out.contains(",false,15:00,,Asia/Shanghai\n"), "{out}");
    assert!(out.contains(",false,evening,,\n"), "{out}");
}
