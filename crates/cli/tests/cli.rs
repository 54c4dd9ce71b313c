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
    std::fs::write(&bin, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let (code, _, err) = synoptic(&["analyze", bin.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not UTF-8"), "{err}");
    let (code, _, err) = synoptic(&["analyze", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown format"), "{err}");
    let (code, _, err) = synoptic(&["analyze", "--date", "2024-02-30"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a valid"), "{err}");
}

#[test]
fn json_has_links_statements_and_outlets() {
    let (code, out, _) = synoptic(&["analyze"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let links = v["links"].as_array().unwrap();
    let trade = links
        .iter()
        .find(|l| {
            l["figures"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "000/f6")
        })
        .expect("the trade quantity");
    assert_eq!(trade["verdict"], "compatible");
    assert!(trade["figures"].as_array().unwrap().len() >= 2);
    for key in ["id", "quantity", "figures", "verdict", "explanation"] {
        assert!(trade.get(key).is_some(), "link lacks {key}");
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
    assert!(statements
        .iter()
        .any(|s| !s["silent"].as_array().unwrap().is_empty()));
    assert_eq!(v["outlets"].as_array().unwrap().len(), 3);
    assert!(v["summary"]["compatible"].as_u64().unwrap() >= 2);
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
