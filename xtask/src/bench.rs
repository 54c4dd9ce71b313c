//! `cargo xtask bench [--quick]`: how the analysis scales, how it copes
//! with adversarial inputs, how fast it extracts against peers, and the
//! WebAssembly build; fails when a budget is missed, after printing
//! everything.
//!
//! 1. **Whole CLI process.** `synoptic analyze --format json FILES` run by
//!    `synoptic-bench run` (one process per measurement, stdout to a file):
//!    wall time, the child's own peak resident memory (`wait4`'s
//!    `ru_maxrss`) and the JSON's size; the median of 3 runs when one takes
//!    under 2 s. Single articles of 10 KB to 10 MB, corpora of 10 to 1,000
//!    articles, and adversarial families at two sizes 10× apart (inputs
//!    from `synoptic-bench gen`), then the growth of time and memory for
//!    each 10× of input.
//! 2. **Extraction against peers**, on the same texts (the 1 MB article and
//!    the embedded story): `synoptic-bench extract` (in process),
//!    chrono-node's Italian parser in Node.js and text2num's `alpha2digit`
//!    in Python (`tools/peers/`), MB/s of each.
//! 3. **WebAssembly**: the release build of the extraction in Node.js,
//!    next to the same workload natively.
//!
//! `--quick` runs a reduced set (articles to 1 MB, corpora to 100 articles,
//! adversarial families at a hundredth and a tenth of their sizes, peers on
//! the embedded story, no WebAssembly) to check the harness itself.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{
    cmd, describe, ensure_npm, ensure_wasm_bindgen, ensure_wasm_target, run, step, Result,
};

/// The text2num release the peer runs (PyPI), installed under `.tools/py`.
const TEXT2NUM: &str = "3.1.0";
/// A measured child is killed after this long.
const TIMEOUT_S: u32 = 120;
/// A measured child's address space is limited to this (MB), so a runaway
/// input fails alone instead of taking the machine's memory.
const MEM_LIMIT_MB: u32 = 8192;
/// Runs shorter than this are repeated: the median of 3.
const REPEAT_UNDER_S: f64 = 2.0;
/// Below this a run is dominated by process start-up: no growth ratio.
const STARTUP_S: f64 = 0.05;
/// Budget: each 10× of input takes at most this many times the time.
const GROWTH: f64 = 12.0;
/// Budget: the 10 MB article, seconds.
const ARTICLE_10MB_S: f64 = 5.0;
/// Budgets: 1,000 articles, seconds, peak MB and JSON MB.
const CORPUS_1000_S: f64 = 2.0;
const CORPUS_1000_RSS_MB: f64 = 300.0;
const CORPUS_1000_JSON_MB: f64 = 30.0;
/// Budget: Synoptic's extraction is at least this many times a peer's.
const PEER_FACTOR: f64 = 3.0;

/// One input listed by `synoptic-bench gen`.
#[derive(Debug, Clone)]
struct Input {
    series: String,
    n: usize,
    bytes: usize,
    path: PathBuf,
}

impl Input {
    /// `article`, `corpus` or the family's name.
    fn name(&self) -> String {
        match self.series.strip_prefix("adversarial:") {
            Some(f) => format!("adversarial {f}"),
            None => self.series.clone(),
        }
    }

    /// The size along its series: `10 KB`, `100 articles`, `×5000`.
    fn size(&self) -> String {
        match self.series.as_str() {
            "article" => bytes_label(self.n),
            "corpus" => format!("{} articles", self.n),
            _ => format!("×{}", self.n),
        }
    }

    fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The files it stands for (a directory's, in name order).
    fn files(&self) -> Vec<PathBuf> {
        if !self.path.is_dir() {
            return vec![self.path.clone()];
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&self.path)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        files
    }
}

/// `10 KB`, `1 MB` for sizes in decimal units.
fn bytes_label(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{} MB", n / 1_000_000)
    } else {
        format!("{} KB", n / 1000)
    }
}

/// The `key=value` fields of a machine-readable line starting with `tag`.
fn fields<'a>(text: &'a str, tag: &str) -> Option<Vec<(&'a str, &'a str)>> {
    let line = text
        .lines()
        .find(|l| l.split_whitespace().next() == Some(tag))?;
    Some(
        line.split_whitespace()
            .skip(1)
            .filter_map(|kv| kv.split_once('='))
            .collect(),
    )
}

fn field<T: std::str::FromStr>(f: &[(&str, &str)], key: &str) -> Option<T> {
    f.iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse().ok())
}

/// The conventional name of a Linux signal.
fn signal_name(n: i32) -> &'static str {
    match n {
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        15 => "SIGTERM",
        _ => "",
    }
}

/// One run of a child, as `synoptic-bench run` reported it.
#[derive(Debug, Clone)]
struct Run {
    wall: f64,
    rss_mb: f64,
    out_mb: f64,
    /// None when it exited 0; else `crashed (signal 6 SIGABRT): …`,
    /// `exit 1: …` or `timed out after 120 s`.
    failure: Option<String>,
}

/// The last non-empty line of a child's stderr, shortened.
fn last_words(err: &Path) -> String {
    let text = fs::read_to_string(err).unwrap_or_default();
    let line = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    let mut s: String = line.chars().take(90).collect();
    if s.len() < line.len() {
        s.push('…');
    }
    s
}

/// Runs `argv` once through `synoptic-bench run`, stdout to `out`.
fn measure_once(bench: &Path, argv: &[String], out: &Path, env: &[(&str, &str)]) -> Run {
    let err = out.with_extension("stderr");
    let mut c = cmd(&bench.to_string_lossy());
    c.args(["run", "--timeout", &TIMEOUT_S.to_string()])
        .args(["--mem-limit-mb", &MEM_LIMIT_MB.to_string()])
        .arg("--out")
        .arg(out)
        .arg("--err")
        .arg(&err)
        .arg("--")
        .args(argv);
    for (k, v) in env {
        c.env(k, v);
    }
    let failed = |why: String| Run {
        wall: f64::NAN,
        rss_mb: f64::NAN,
        out_mb: f64::NAN,
        failure: Some(why),
    };
    let report = match c.output() {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            return failed(format!(
                "harness failed: {}",
                String::from_utf8_lossy(&o.stderr).trim()
            ))
        }
        Err(e) => return failed(format!("harness failed: {e}")),
    };
    let Some(f) = fields(&report, "run") else {
        return failed(format!("harness said {report:?}"));
    };
    let status: String = field(&f, "status").unwrap_or_default();
    let why = last_words(&err);
    let with_why = |s: String| {
        if why.is_empty() {
            s
        } else {
            format!("{s}: {why}")
        }
    };
    let failure = if status == "exit:0" {
        None
    } else if status == "timeout" {
        Some(format!("timed out after {TIMEOUT_S} s"))
    } else if let Some(sig) = status.strip_prefix("signal:") {
        let n: i32 = sig.parse().unwrap_or(0);
        Some(with_why(format!("crashed (signal {n} {})", signal_name(n))))
    } else {
        Some(with_why(format!(
            "exit {}",
            status.strip_prefix("exit:").unwrap_or(&status)
        )))
    };
    Run {
        wall: field(&f, "wall_s").unwrap_or(f64::NAN),
        rss_mb: field::<f64>(&f, "maxrss_kib").unwrap_or(f64::NAN) / 1024.0,
        out_mb: field::<f64>(&f, "out_bytes").unwrap_or(f64::NAN) / 1e6,
        failure,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// A measurement: one run, or the median of 3 when the first is short.
fn measure(bench: &Path, argv: &[String], out: &Path) -> (Run, usize) {
    let first = measure_once(bench, argv, out, &[]);
    if first.failure.is_some() || first.wall >= REPEAT_UNDER_S {
        return (first, 1);
    }
    let mut runs = vec![first];
    for _ in 0..2 {
        let r = measure_once(bench, argv, out, &[]);
        if r.failure.is_some() {
            return (r, runs.len() + 1);
        }
        runs.push(r);
    }
    let m = Run {
        wall: median(runs.iter().map(|r| r.wall).collect()),
        rss_mb: median(runs.iter().map(|r| r.rss_mb).collect()),
        out_mb: median(runs.iter().map(|r| r.out_mb).collect()),
        failure: None,
    };
    (m, 3)
}

/// A budget and how it went.
struct Budget {
    /// None: not measured in this run (`--quick`).
    pass: Option<bool>,
    what: String,
    measured: String,
}

impl Budget {
    fn new(pass: bool, what: impl Into<String>, measured: impl Into<String>) -> Budget {
        Budget {
            pass: Some(pass),
            what: what.into(),
            measured: measured.into(),
        }
    }
    fn skipped(what: impl Into<String>) -> Budget {
        Budget {
            pass: None,
            what: what.into(),
            measured: "not measured with --quick".into(),
        }
    }
}

fn flush() {
    let _ = std::io::stdout().flush();
}

/// `cargo xtask bench [--quick]`.
pub fn bench(quick: bool) -> Result {
    let root = crate::root();
    let mut budgets = Vec::new();
    // Sections that could not run at all (a tool that would not install…).
    let mut problems: Vec<String> = Vec::new();

    step("bench: tools");
    println!("{}", load_average());
    let npm = ensure_npm();
    let text2num = ensure_text2num(&root);
    let wasm_tools = if quick {
        Ok(())
    } else {
        ensure_wasm_target().and_then(|_| ensure_wasm_bindgen())
    };
    step("bench: build");
    run(cmd("cargo").args([
        "build",
        "--quiet",
        "--profile",
        "release-native",
        "-p",
        "synoptic-cli",
        "-p",
        "synoptic-bench",
    ]))?;
    let bin = root.join("target/release-native");
    let bench = bin.join("synoptic-bench");
    let synoptic = bin.join("synoptic");

    step("bench: inputs (synoptic-bench gen, fixed seeds)");
    let dir = root.join("target/bench/inputs");
    let mut gen = cmd(&bench.to_string_lossy());
    gen.arg("gen").arg(&dir);
    if quick {
        gen.arg("--quick");
    }
    let inputs = read_manifest(&mut gen)?;
    println!(
        "{} inputs in {}",
        inputs.len(),
        dir.strip_prefix(&root).unwrap_or(&dir).display()
    );

    step(&format!(
        "1. whole CLI process: synoptic analyze --format json FILES > out.json \
         (one process per measurement; median of 3 under {REPEAT_UNDER_S} s; \
         timeout {TIMEOUT_S} s, address space {MEM_LIMIT_MB} MB)"
    ));
    let out_dir = root.join("target/bench/out");
    fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    println!(
        "{:<26} {:>13} {:>10} {:>10} {:>10} {:>10} {:>5}  status",
        "series", "size", "input KB", "time s", "peak MB", "JSON MB", "runs"
    );
    let mut results: Vec<(Input, Run)> = Vec::new();
    for input in inputs.iter().filter(|i| i.series != "embedded") {
        let mut argv = vec![
            synoptic.to_string_lossy().into_owned(),
            "analyze".into(),
            "--format".into(),
            "json".into(),
        ];
        argv.extend(
            input
                .files()
                .iter()
                .map(|p| p.to_string_lossy().into_owned()),
        );
        let out = out_dir.join(format!("{}.json", input.stem()));
        let (r, runs) = measure(&bench, &argv, &out);
        println!(
            "{:<26} {:>13} {:>10.1} {:>10} {:>10} {:>10} {:>5}  {}",
            input.name(),
            input.size(),
            input.bytes as f64 / 1e3,
            num(r.wall, 3),
            num(r.rss_mb, 1),
            num(r.out_mb, 2),
            runs,
            r.failure.as_deref().unwrap_or("ok")
        );
        flush();
        if let Some(why) = &r.failure {
            budgets.push(Budget::new(
                false,
                format!("{} {} runs to completion", input.name(), input.size()),
                why.clone(),
            ));
        }
        results.push((input.clone(), r));
    }

    step(&format!(
        "growth for each 10× of input (time; peak memory), where the smaller run takes ≥ {:.0} ms",
        STARTUP_S * 1000.0
    ));
    growth(&results, &mut budgets);
    absolute_budgets(&results, quick, &mut budgets);

    step("2. extraction throughput against peers, same texts, same run (MB/s, median)");
    let mut texts: Vec<&Input> = Vec::new();
    if !quick {
        texts.extend(
            inputs
                .iter()
                .filter(|i| i.series == "article" && i.n == 1_000_000),
        );
    }
    texts.extend(inputs.iter().filter(|i| i.series == "embedded"));
    let peers_ok = [("chrono-node", npm.clone()), ("text2num", text2num.clone())];
    peers(&bench, &texts, &peers_ok, &out_dir, &mut budgets);

    step(
        "3. WebAssembly: the release build's extraction in Node.js, and the same workload natively",
    );
    if quick {
        println!("skipped with --quick");
    } else if let Err(e) = npm.and(wasm_tools).and_then(|_| wasm(&bench)) {
        println!("failed: {e}");
        problems.push(format!("WebAssembly section: {e}"));
    }

    step("budgets");
    println!("{}", load_average());
    let mut missed = 0;
    for b in &budgets {
        let tag = match b.pass {
            Some(true) => "PASS",
            Some(false) => {
                missed += 1;
                "FAIL"
            }
            None => "SKIP",
        };
        println!("{tag}  {:<58} {}", b.what, b.measured);
    }
    for p in &problems {
        println!("FAIL  {p}");
    }
    let checked = budgets.iter().filter(|b| b.pass.is_some()).count() + problems.len();
    let missed = missed + problems.len();
    if missed > 0 {
        Err(format!("{missed} of {checked} budgets missed"))
    } else {
        println!("all {checked} budgets met");
        Ok(())
    }
}

/// The machine's load (Linux), to read the timings by: on a shared or
/// busy machine every time is longer.
fn load_average() -> String {
    let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let figures: Vec<&str> = load.split_whitespace().take(3).collect();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    if figures.len() == 3 {
        format!(
            "load average {} / {} / {} (1, 5, 15 min) on {cores} cores",
            figures[0], figures[1], figures[2]
        )
    } else {
        format!("load average unknown, {cores} cores")
    }
}

/// A figure with `digits` decimals, or `—` when it was not measured.
fn num(v: f64, digits: usize) -> String {
    if v.is_finite() {
        format!("{v:.digits$}")
    } else {
        "—".into()
    }
}

/// The inputs `synoptic-bench gen` wrote and listed.
fn read_manifest(gen: &mut Command) -> Result<Vec<Input>> {
    println!("$ {}", describe(gen));
    let out = gen
        .output()
        .map_err(|e| format!("cannot run synoptic-bench gen: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "synoptic-bench gen failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let inputs: Vec<Input> = text
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            (f.next()? == "input").then_some(())?;
            Some(Input {
                series: f.next()?.to_string(),
                n: f.next()?.parse().ok()?,
                bytes: f.next()?.parse().ok()?,
                path: PathBuf::from(f.next()?),
            })
        })
        .collect();
    if inputs.is_empty() {
        return Err("synoptic-bench gen listed no input".into());
    }
    Ok(inputs)
}

/// Growth ratios of each series, and their budgets.
fn growth(results: &[(Input, Run)], budgets: &mut Vec<Budget>) {
    for pair in results.windows(2) {
        let [(a, ra), (b, rb)] = pair else { continue };
        if a.series != b.series || b.n != 10 * a.n {
            continue;
        }
        let what = format!("{} {} → {}: time ≤ {GROWTH}×", a.name(), a.size(), b.size());
        let label = format!("{} {} → {}", a.name(), a.size(), b.size());
        let (shown, budget) = match (&ra.failure, &rb.failure) {
            (Some(why), _) => (
                format!("no ratio: the smaller {why}"),
                Budget::new(false, what, format!("smaller {why}")),
            ),
            (None, Some(why)) => {
                // A larger run that timed out still bounds the ratio.
                let bound = if why.starts_with("timed out") && ra.wall >= STARTUP_S {
                    format!(" (≥ {:.0}×)", f64::from(TIMEOUT_S) / ra.wall)
                } else {
                    String::new()
                };
                (
                    format!("no ratio: the larger {why}{bound}"),
                    Budget::new(false, what, format!("larger {why}{bound}")),
                )
            }
            (None, None) if ra.wall < STARTUP_S => {
                // Only a larger run past 12 × the threshold proves a
                // growth over 12×.
                let pass = rb.wall <= GROWTH * STARTUP_S;
                let m = format!(
                    "start-up bound ({:.3} s → {:.3} s{})",
                    ra.wall,
                    rb.wall,
                    if pass {
                        ""
                    } else {
                        ", so more than 12× the time"
                    }
                );
                (m.clone(), Budget::new(pass, what, m))
            }
            (None, None) => {
                let t = rb.wall / ra.wall;
                let m = rb.rss_mb / ra.rss_mb;
                (
                    format!("time {t:>7.2}×   memory {m:>6.2}×"),
                    Budget::new(
                        t <= GROWTH,
                        what,
                        format!("{t:.2}× ({:.3} s → {:.3} s)", ra.wall, rb.wall),
                    ),
                )
            }
        };
        println!("{label:<52} {shown}");
        budgets.push(budget);
    }
    flush();
}

/// The 10 MB article and the 1,000-article corpus.
fn absolute_budgets(results: &[(Input, Run)], quick: bool, budgets: &mut Vec<Budget>) {
    let find = |series: &str, n: usize| {
        results
            .iter()
            .find(|(i, _)| i.series == series && i.n == n)
            .map(|(_, r)| r)
    };
    let check =
        |r: Option<&Run>, what: String, limit: f64, unit: &str, get: fn(&Run) -> f64| match r {
            None if quick => Budget::skipped(what),
            None => Budget::new(false, what, "not measured"),
            Some(Run {
                failure: Some(why), ..
            }) => Budget::new(false, what, why.clone()),
            Some(r) => {
                let v = get(r);
                Budget::new(v <= limit, what, format!("{v:.2} {unit}"))
            }
        };
    let article = find("article", 10_000_000);
    budgets.push(check(
        article,
        format!("article 10 MB: time ≤ {ARTICLE_10MB_S} s"),
        ARTICLE_10MB_S,
        "s",
        |r| r.wall,
    ));
    let corpus = find("corpus", 1000);
    budgets.push(check(
        corpus,
        format!("corpus 1000 articles: time ≤ {CORPUS_1000_S} s"),
        CORPUS_1000_S,
        "s",
        |r| r.wall,
    ));
    budgets.push(check(
        corpus,
        format!("corpus 1000 articles: peak memory ≤ {CORPUS_1000_RSS_MB} MB"),
        CORPUS_1000_RSS_MB,
        "MB",
        |r| r.rss_mb,
    ));
    budgets.push(check(
        corpus,
        format!("corpus 1000 articles: JSON ≤ {CORPUS_1000_JSON_MB} MB"),
        CORPUS_1000_JSON_MB,
        "MB",
        |r| r.out_mb,
    ));
}

/// What a tool's extraction-throughput line said about one text.
struct Throughput {
    mb_s: Option<f64>,
    runs: usize,
    version: Option<String>,
    /// Why there is no figure.
    failure: Option<String>,
}

/// A command that prints an extraction-throughput line for the files it
/// is given.
struct Tool<'a> {
    key: &'static str,
    /// What runs, and where.
    how: String,
    argv: Vec<String>,
    env: Vec<(&'static str, &'a str)>,
}

/// Runs `tool` on `text` through `synoptic-bench run`.
fn throughput(bench: &Path, tool: &Tool, text: &Input, out_dir: &Path) -> Throughput {
    let mut argv = tool.argv.clone();
    argv.push(text.path.to_string_lossy().into_owned());
    let out = out_dir.join(format!("peer-{}-{}.txt", tool.key, text.stem()));
    let r = measure_once(bench, &argv, &out, &tool.env);
    let said = fs::read_to_string(&out).unwrap_or_default();
    let f = fields(&said, "extract").or_else(|| fields(&said, "peer"));
    let failed = |why: String| Throughput {
        mb_s: None,
        runs: 0,
        version: None,
        failure: Some(why),
    };
    match (r.failure, f) {
        (Some(why), _) => failed(why),
        (None, Some(f)) => match field(&f, "mb_s") {
            Some(mb_s) => Throughput {
                mb_s: Some(mb_s),
                runs: field(&f, "runs").unwrap_or(0),
                version: field(&f, "version"),
                failure: None,
            },
            None => failed(format!("no MB/s in {said:?}")),
        },
        (None, None) => failed(format!("no result in {said:?}")),
    }
}

/// Synoptic in process, then each peer, on each text; ratios and budgets.
fn peers(
    bench: &Path,
    texts: &[&Input],
    tools_ready: &[(&str, Result)],
    out_dir: &Path,
    budgets: &mut Vec<Budget>,
) {
    let root = crate::root();
    let py = root.join(".tools/py");
    let py = py.to_string_lossy();
    let node = crate::output(cmd("node").arg("--version"))
        .map(|v| format!("Node.js {}", v.trim().trim_start_matches('v')))
        .unwrap_or_else(|| "Node.js".into());
    let python = crate::output(cmd("python3").arg("--version"))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| "Python".into());
    let tools = [
        Tool {
            key: "Synoptic",
            how: "figures::extract, native, in process".into(),
            argv: vec![bench.to_string_lossy().into_owned(), "extract".into()],
            env: vec![],
        },
        Tool {
            key: "chrono-node",
            how: format!("chrono.it.parse, {node}"),
            argv: vec!["node".into(), "tools/peers/chrono.mjs".into()],
            env: vec![],
        },
        Tool {
            key: "text2num",
            how: format!("alpha2digit \"it\", {python}"),
            argv: vec!["python3".into(), "tools/peers/text2num.py".into()],
            env: vec![("PYTHONPATH", &py)],
        },
    ];
    // rows[tool][text]
    let rows: Vec<Vec<Throughput>> = tools
        .iter()
        .map(|tool| {
            let ready = tools_ready
                .iter()
                .find(|(k, _)| *k == tool.key)
                .map_or(Ok(()), |(_, r)| r.clone());
            texts
                .iter()
                .map(|t| match &ready {
                    Err(e) => Throughput {
                        mb_s: None,
                        runs: 0,
                        version: None,
                        failure: Some(format!("not installed: {e}")),
                    },
                    Ok(()) => throughput(bench, tool, t, out_dir),
                })
                .collect()
        })
        .collect();

    let text_name = |t: &Input| match t.series.as_str() {
        "embedded" => format!("embedded story ({:.1} KB)", t.bytes as f64 / 1e3),
        _ => format!("{} article", bytes_label(t.n)),
    };
    let mut head = format!("{:<52}", "MB/s (runs)");
    for t in texts {
        let _ = write!(head, " {:>26}", text_name(t));
    }
    println!("{head}");
    let mut failures = Vec::new();
    for (tool, row) in tools.iter().zip(&rows) {
        let version = row.iter().find_map(|c| c.version.as_deref());
        let name = match version {
            Some(v) => format!("{} {v} ({})", tool.key, tool.how),
            None => format!("{} ({})", tool.key, tool.how),
        };
        let mut line = format!("{name:<52}");
        for (cell, t) in row.iter().zip(texts) {
            let shown = match (cell.mb_s, &cell.failure) {
                (Some(v), _) => format!("{v:.3} ({})", cell.runs),
                (None, Some(why)) => {
                    failures.push(format!("{} on the {}: {why}", tool.key, text_name(t)));
                    "— (failed)".into()
                }
                (None, None) => "—".into(),
            };
            let _ = write!(line, " {shown:>26}");
        }
        println!("{line}");
    }
    let Some((synoptic, peers)) = rows.split_first() else {
        return;
    };
    for (row, tool) in peers.iter().zip(&tools[1..]) {
        let peer = tool.key;
        let mut line = format!("{:<52}", format!("Synoptic / {peer}"));
        for (k, t) in texts.iter().enumerate() {
            let what = format!(
                "extraction on the {}: Synoptic ≥ {PEER_FACTOR}× {peer}",
                text_name(t)
            );
            match (synoptic[k].mb_s, row[k].mb_s) {
                (Some(s), Some(p)) if p > 0.0 => {
                    let ratio = s / p;
                    let _ = write!(line, " {:>26}", format!("{ratio:.2}×"));
                    budgets.push(Budget::new(
                        ratio >= PEER_FACTOR,
                        what,
                        format!("{ratio:.2}× ({s:.3} vs {p:.3} MB/s)"),
                    ));
                }
                _ => {
                    let _ = write!(line, " {:>26}", "—");
                    let (who, cell) = if synoptic[k].mb_s.is_none() {
                        ("Synoptic", &synoptic[k])
                    } else {
                        (peer, &row[k])
                    };
                    let why = cell.failure.as_deref().unwrap_or("no figure");
                    budgets.push(Budget::new(false, what, format!("{who}: {why}")));
                }
            }
        }
        println!("{line}");
    }
    for f in failures {
        println!("failed: {f}");
    }
    flush();
}

/// text2num for the peer, under `.tools/py`, only when the pinned version
/// is missing.
fn ensure_text2num(root: &Path) -> Result {
    let dir = root.join(".tools/py");
    if dir.join(format!("text2num-{TEXT2NUM}.dist-info")).exists() {
        println!("text2num {TEXT2NUM} (Python): present");
        return Ok(());
    }
    println!("text2num {TEXT2NUM} (Python): installing under .tools/py");
    run(cmd("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--upgrade",
            "--target",
        ])
        .arg(&dir)
        .arg(format!("text2num=={TEXT2NUM}")))
}

/// The WebAssembly build of the extraction (the app's release profile,
/// wasm-opt -Oz) in Node.js, and the same workload natively.
fn wasm(bench: &Path) -> Result {
    let root = crate::root();
    run(&mut cmd(&bench.to_string_lossy()))?;
    run(cmd("cargo").args([
        "build",
        "--quiet",
        "--release",
        "--lib",
        "-p",
        "synoptic-bench",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let out = root.join("target/bench-wasm");
    let wasm = root.join("target/wasm32-unknown-unknown/release/synoptic_bench.wasm");
    run(cmd("wasm-bindgen")
        .args(["--target", "nodejs", "--out-dir"])
        .arg(&out)
        .arg(&wasm))?;
    let bg = out.join("synoptic_bench_bg.wasm");
    run(cmd("wasm-opt")
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "-o",
        ])
        .arg(&bg)
        .arg(&bg))?;
    run(cmd("node").arg("xtask/js/bench-wasm.cjs").arg(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_machine_lines() {
        let f = fields(
            "noise\nrun status=signal:6 wall_s=0.12 maxrss_kib=2048 out_bytes=0\n",
            "run",
        )
        .unwrap();
        assert_eq!(field::<String>(&f, "status").as_deref(), Some("signal:6"));
        assert_eq!(field::<f64>(&f, "wall_s"), Some(0.12));
        assert!(fields("extract x=1", "run").is_none());
    }

    fn run_of(wall: f64, failure: Option<&str>) -> Run {
        Run {
            wall,
            rss_mb: 10.0,
            out_mb: 1.0,
            failure: failure.map(String::from),
        }
    }

    fn input(series: &str, n: usize) -> Input {
        Input {
            series: series.into(),
            n,
            bytes: n,
            path: PathBuf::new(),
        }
    }

    #[test]
    fn growth_budgets() {
        let results = vec![
            (input("article", 10_000), run_of(0.01, None)),
            (input("article", 100_000), run_of(0.5, None)),
            (input("article", 1_000_000), run_of(8.0, None)),
            (input("adversarial:x", 10), run_of(0.2, None)),
            (
                input("adversarial:x", 100),
                run_of(1.0, Some("timed out after 120 s")),
            ),
            (input("adversarial:y", 10), run_of(0.01, None)),
            (input("adversarial:y", 100), run_of(0.9, None)),
        ];
        let mut b = Vec::new();
        growth(&results, &mut b);
        let pass: Vec<Option<bool>> = b.iter().map(|b| b.pass).collect();
        // start-up bound and under 600 ms; 16×; timed out; start-up bound
        // but past 600 ms.
        assert_eq!(pass, [Some(true), Some(false), Some(false), Some(false)]);
        assert!(b[0].measured.starts_with("start-up bound"));
        assert!(b[2].measured.contains("≥ 600×"), "{}", b[2].measured);
    }
}
