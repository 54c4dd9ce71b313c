//! `synoptic`: Synoptic's analysis on the command line.
//!
//! ```text
//! synoptic analyze [--format json|csv|table] [--pretty|--compact] [--date YYYY-MM-DD] [FILE...]
//! ```
//!
//! With no FILE, the embedded corpus is analysed. A FILE may have a metadata
//! record beside it (`<stem>.meta.json`, the format of `assets/corpus/`).
//! `--date` is the reference date for files whose own date is neither in
//! their metadata nor in their text.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use synoptic_core::date::Date;
use synoptic_core::report::{ArticleReport, Report};
use synoptic_core::{corpus, Article, Metadata};

const USAGE: &str =
    "usage: synoptic analyze [--format json|csv|table] [--pretty|--compact] [--date YYYY-MM-DD] [FILE...]

Analyses news articles (plain text) and compares them: figures, links
between outlets, aligned statements. With no FILE, analyses the embedded
corpus.

  --format json       the whole report (default): indented at a terminal,
                      one line when written to a file or a pipe
  --pretty, --compact indent the JSON, or not, wherever it goes
  --format csv        one row per figure
  --format table      the figures table: one row per quantity, one column per outlet
  --date YYYY-MM-DD   reference date for files whose own date is unknown
  -h, --help          this help";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Table,
}

#[derive(Debug)]
struct Args {
    format: Format,
    date: Option<Date>,
    files: Vec<PathBuf>,
    /// Indent the JSON: `Some` when asked, else only for a terminal.
    pretty: Option<bool>,
}

fn parse_args() -> Result<Option<Args>, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut command: Option<String> = None;
    let mut args = Args {
        format: Format::Json,
        date: None,
        files: Vec::new(),
        pretty: None,
    };
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("format") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                args.format = match v.to_string_lossy().as_ref() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "table" => Format::Table,
                    other => {
                        return Err(format!("unknown format {other:?}: use json, csv or table"))
                    }
                };
            }
            Long("pretty") => args.pretty = Some(true),
            Long("compact") => args.pretty = Some(false),
            Long("date") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                let s = v.to_string_lossy();
                args.date = Some(
                    Date::parse_iso(&s)
                        .ok_or_else(|| format!("--date {s:?} is not a valid YYYY-MM-DD day"))?,
                );
            }
            Value(v) if command.is_none() => command = Some(v.to_string_lossy().into_owned()),
            Value(v) => args.files.push(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match command.as_deref() {
        Some("analyze") => Ok(Some(args)),
        Some(other) => Err(format!("unknown command {other:?}")),
        None => Ok(None),
    }
}

/// A short id for a file: its leading number (`000_abc.txt` → `000`) if it
/// has one, else its stem; made unique.
fn file_id(path: &Path, used: &mut HashSet<String>) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    let prefix = stem.split(['_', '-', '.']).next().unwrap_or("");
    let base = if !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_digit()) {
        prefix.to_string()
    } else {
        stem
    };
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Reads the files; errors are reported and the file skipped.
fn load(files: &[PathBuf]) -> (Vec<Article>, Vec<String>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut used = HashSet::new();
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                errors.push(format!("{}: cannot read: {e}", path.display()));
                continue;
            }
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Text, Markdown, a saved page or an export: the app's reading.
        let imported = match synoptic_import::import(&name, &bytes) {
            Ok(v) => v,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let meta_path = path.with_extension("meta.json");
        let sidecar = match read_sidecar(&meta_path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(format!(
                    "{}: {e}; the article is analysed without it",
                    meta_path.display()
                ));
                None
            }
        };
        let several = imported.len() > 1;
        for mut a in imported {
            // What was done to read it is said, not an error.
            for note in &a.notes {
                eprintln!("synoptic: {}: {note}", path.display());
            }
            // The report infers the reference date itself, and says so.
            if a.inferred.iter().any(|f| f == "date") {
                a.meta.date = None;
            }
            let meta = match (&sidecar, several) {
                (Some(m), false) => m.clone(),
                _ => a.meta,
            };
            let id_path = if several {
                PathBuf::from(&a.name)
            } else {
                path.clone()
            };
            let shown = if several {
                a.name.clone()
            } else {
                name.clone()
            };
            articles.push(Article::parse(
                file_id(&id_path, &mut used),
                shown,
                a.text,
                meta,
            ));
        }
    }
    (articles, errors)
}

/// The metadata record beside an article: `None` when there is none, an
/// error saying what is wrong when there is one that cannot be used.
fn read_sidecar(path: &Path) -> Result<Option<Metadata>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) if path.is_dir() => return Err("is a directory, not a metadata record".into()),
        Err(e) => return Err(format!("cannot read the metadata record: {e}")),
    };
    let json = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the metadata record is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let json = json.strip_prefix('\u{feff}').unwrap_or(&json);
    Metadata::from_json(json)
        .map(Some)
        .map_err(|e| e.to_string())
}

fn fmt_num(v: Option<f64>) -> String {
    v.map(|x| {
        if x.fract() == 0.0 && x.abs() < 1e18 {
            format!("{}", x as i64)
        } else {
            format!("{x}")
        }
    })
    .unwrap_or_default()
}

fn write_csv(report: &Report, out: impl Write) -> Result<(), Failure> {
    let mut w = csv::Writer::from_writer(out);
    let header = [
        "article",
        "outlet",
        "id",
        "text",
        "start",
        "end",
        "kind",
        "min",
        "max",
        "time_start",
        "time_end",
        "unit",
        "qualifier",
        "subject",
        "time_ref",
        "source",
        "boilerplate",
        "clock",
        "phase",
        "zone",
    ];
    w.write_record(header)?;
    for a in &report.articles {
        write_article_rows(&mut w, a)?;
    }
    w.flush()?;
    Ok(())
}

fn write_article_rows(w: &mut csv::Writer<impl Write>, a: &ArticleReport) -> Result<(), Failure> {
    for f in &a.figures {
        let (min, max) = f
            .value
            .as_ref()
            .map(|v| (fmt_num(v.min), fmt_num(v.max)))
            .unwrap_or_default();
        let (ts, te) = f
            .time
            .map(|t| (t.start.to_string(), t.end.to_string()))
            .unwrap_or_default();
        let record = [
            a.id.clone(),
            a.outlet.clone().unwrap_or_default(),
            f.id.clone(),
            f.text.clone(),
            f.start.to_string(),
            f.end.to_string(),
            f.kind.as_str().to_string(),
            min,
            max,
            ts,
            te,
            f.unit.clone().unwrap_or_default(),
            f.qualifier
                .map(|q| q.as_str().to_string())
                .unwrap_or_default(),
            f.subject.clone().unwrap_or_default(),
            f.time_ref
                .as_ref()
                .map(|t| t.text.clone())
                .unwrap_or_default(),
            f.source.clone().unwrap_or_default(),
            f.boilerplate.to_string(),
            f.clock.clone().unwrap_or_default(),
            f.phase.clone().unwrap_or_default(),
            f.zone.clone().unwrap_or_default(),
        ];
        w.write_record(&record)?;
    }
    Ok(())
}

/// The figures table: one row per quantity, one column per outlet; a cell
/// holds that outlet's figures for the quantity, with qualifier and source.
fn write_table(report: &Report, out: impl Write) -> Result<(), Failure> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec![
        "quantity".to_string(),
        "measures".into(),
        "verdict".into(),
        "explanation".into(),
    ];
    for a in &report.articles {
        header.push(match &a.outlet {
            Some(o) => format!("{} ({})", a.id, o),
            None => a.id.clone(),
        });
    }
    w.write_record(&header)?;
    for q in &report.quantities {
        let mut row = vec![
            q.id.clone(),
            q.quantity.clone(),
            q.verdict.as_str().to_string(),
            q.explanation.clone(),
        ];
        for a in &report.articles {
            let cells: Vec<String> = q
                .members
                .iter()
                .filter_map(|id| id.split_once('/'))
                .filter(|(art, _)| *art == a.id)
                .filter_map(|(_, fid)| a.figures.iter().find(|f| f.id == fid))
                .map(|f| {
                    let mut cell = f.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if let Some(q) = f.qualifier {
                        cell.push_str(&format!(" [{}]", q.as_str()));
                    }
                    if let Some(s) = &f.source {
                        cell.push_str(&format!(" ({s})"));
                    }
                    cell
                })
                .collect();
            row.push(cells.join(" | "));
        }
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// Why a run stopped.
#[derive(Debug)]
enum Failure {
    /// Bad usage: the message and the usage text, exit 2.
    Usage(String),
    /// Writing the report failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Output(e)
    }
}

impl From<csv::Error> for Failure {
    fn from(e: csv::Error) -> Self {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Failure::Output(e),
            other => Failure::Output(io::Error::other(format!("{other:?}"))),
        }
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Self {
        Failure::Output(e.into())
    }
}

fn run() -> Result<bool, Failure> {
    let Some(args) = parse_args().map_err(Failure::Usage)? else {
        println!("{USAGE}");
        return Ok(true);
    };
    let (articles, errors) = if args.files.is_empty() {
        (corpus::embedded(), Vec::new())
    } else {
        load(&args.files)
    };
    for e in &errors {
        eprintln!("synoptic: {e}");
    }
    let report = Report::new(&articles, args.date);
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    match args.format {
        Format::Json => {
            // Indented for a person at a terminal, one line for a file or a
            // pipe (a third of the size, for the same data).
            if args.pretty.unwrap_or_else(|| io::stdout().is_terminal()) {
                serde_json::to_writer_pretty(&mut out, &report)?;
            } else {
                serde_json::to_writer(&mut out, &report)?;
            }
            writeln!(out)?;
        }
        Format::Csv => write_csv(&report, &mut out)?,
        Format::Table => write_table(&report, &mut out)?,
    }
    out.flush()?;
    Ok(errors.is_empty())
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // The reader stopped reading (`synoptic analyze | head`): nothing
        // is wrong, as for any filter.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("synoptic: cannot write the report: {e}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(e)) => {
            eprintln!("synoptic: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
