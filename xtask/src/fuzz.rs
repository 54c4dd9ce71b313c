//! `cargo xtask fuzz`: the cargo-fuzz targets of `fuzz/` (libFuzzer, nightly).
//!
//! Installs what it needs when missing (the nightly toolchain, cargo-fuzz at
//! [`CARGO_FUZZ`]), builds the targets once, then runs each for a while from
//! its seeds (`fuzz/seeds/<target>`, committed) and the corpus it grows
//! (`fuzz/corpus/<target>`, ignored by git), and says per target how many
//! inputs ran and whether one crashed. Crashes, hangs and out-of-memory
//! inputs land in `fuzz/artifacts/<target>/`; any of them fails the command,
//! with the line that reproduces it. Stable stays the default toolchain:
//! only the fuzz commands run with `+nightly`.

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{cmd, output, run, step, Result};

/// The cargo-fuzz release the project uses.
const CARGO_FUZZ: &str = "0.13.2";
/// The fuzz targets, in the order they run.
pub const TARGETS: &[&str] = &[
    "article",
    "compare",
    "metadata",
    "import_text",
    "import_markdown",
    "import_html",
    "import_json",
    "library",
];
/// Longest input libFuzzer makes: whole articles (the embedded ones are
/// 4–7 KB, long features 30), and long enough for recursion to exhaust the
/// browser's 1 MiB of stack.
const MAX_LEN: usize = 32768;
/// An input that runs longer than this (seconds) is reported as a hang.
const TIMEOUT: u64 = 10;
/// What `--smoke` may take in all, build included when already built.
const SMOKE_BUDGET: Duration = Duration::from_secs(120);
/// The least time `--smoke` gives one target, whatever the build cost.
const SMOKE_MIN: u64 = 10;
/// Run time of a target besides its fuzzing (cargo's check, loading seeds).
const RUN_OVERHEAD: Duration = Duration::from_secs(3);

/// What to run.
struct Options {
    seconds: u64,
    targets: Vec<&'static str>,
    smoke: bool,
    keep_going: bool,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut o = Options {
        seconds: 60,
        targets: TARGETS.to_vec(),
        smoke: false,
        keep_going: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" => {
                let v = it.next().ok_or("--seconds needs a number")?;
                o.seconds = v
                    .parse()
                    .ok()
                    .filter(|&s| s > 0)
                    .ok_or_else(|| format!("--seconds {v:?} is not a positive number"))?;
            }
            "--target" => {
                let v = it.next().ok_or("--target needs a name")?;
                let t = TARGETS.iter().find(|t| **t == v.as_str()).ok_or_else(|| {
                    format!("no fuzz target {v:?} (targets: {})", TARGETS.join(", "))
                })?;
                o.targets = vec![t];
            }
            "--smoke" => o.smoke = true,
            "--keep-going" => o.keep_going = true,
            other => return Err(format!("unknown fuzz option {other:?}")),
        }
    }
    Ok(o)
}

/// `cargo xtask fuzz [--seconds N] [--target NAME] [--keep-going] [--smoke]`.
pub fn run_cmd(root: &Path, args: &[String]) -> Result {
    let o = parse(args)?;
    let started = Instant::now();
    step("fuzz: tools");
    ensure_nightly()?;
    ensure_cargo_fuzz()?;
    step("fuzz: build (nightly, coverage instrumentation)");
    let built = Instant::now();
    run(cmd("cargo").args(["+nightly", "fuzz", "build"]).args(BUILD))?;
    println!("built in {:.0} s", built.elapsed().as_secs_f64());
    let seconds = if o.smoke {
        // Share what is left of the budget; a fresh machine's build eats it,
        // and each target still gets its minimum.
        let spent = started.elapsed() + RUN_OVERHEAD * o.targets.len() as u32;
        let left = SMOKE_BUDGET.saturating_sub(spent).as_secs();
        (left / o.targets.len() as u64).max(SMOKE_MIN)
    } else {
        o.seconds
    };
    let mut results = Vec::new();
    for target in &o.targets {
        step(&format!("fuzz: {target} for {seconds} s"));
        results.push(fuzz_target(root, target, seconds, o.keep_going, o.smoke)?);
    }
    step("fuzz: summary");
    let mut failed = Vec::new();
    for r in &results {
        println!("{}", r.line());
        for f in &r.findings {
            println!("  {}", f.display());
            if let Some(m) = r.cause(f) {
                println!("    {m}");
            }
            println!(
                "    reproduce: cargo +nightly fuzz run {} {} {}",
                BUILD.join(" "),
                r.target,
                f.display()
            );
        }
        if !r.findings.is_empty() {
            failed.push(r.target);
        }
    }
    println!(
        "fuzzing took {:.0} s in all",
        started.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz targets found inputs that crash, hang or exhaust memory: {}",
            failed.join(", ")
        ))
    }
}

/// Build options shared by every build and run, so that they share one
/// build: optimised, with debug assertions and overflow checks (cargo-fuzz's
/// default without `-O`), without a sanitizer: the core is safe Rust, and
/// AddressSanitizer made the targets 3–6 times slower. Stack overflows are
/// still caught (`fuzz/src/lib.rs`).
const BUILD: &[&str] = &["--sanitizer", "none"];

fn ensure_nightly() -> Result {
    if let Some(v) = output(cmd("cargo").args(["+nightly", "--version"])) {
        println!("nightly: present ({})", v.trim());
        return Ok(());
    }
    println!("nightly: installing (minimal profile; stable stays the default)");
    run(cmd("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))
}

fn ensure_cargo_fuzz() -> Result {
    let have = output(cmd("cargo").args(["fuzz", "--version"])).unwrap_or_default();
    if have.split_whitespace().any(|w| w == CARGO_FUZZ) {
        println!("cargo-fuzz {CARGO_FUZZ}: present");
        return Ok(());
    }
    println!("cargo-fuzz {CARGO_FUZZ}: installing (compiles for a few minutes, once)");
    let install = |locked: bool| {
        let mut c = cmd("cargo");
        c.args(["install", "cargo-fuzz", "--version", CARGO_FUZZ]);
        if locked {
            c.arg("--locked");
        }
        run(&mut c)
    };
    install(true).or_else(|e| {
        println!("{e}; trying again without --locked");
        install(false)
    })
}

/// What one target's run gave.
struct Outcome {
    target: &'static str,
    seconds: f64,
    executions: Option<u64>,
    /// New crash, hang (`timeout-`) or out-of-memory inputs.
    findings: Vec<PathBuf>,
    /// Panic messages and sanitizer or libFuzzer errors, first seen first.
    messages: Vec<String>,
    /// The message last seen before each input was written, by file name.
    causes: Vec<(String, String)>,
}

impl Outcome {
    /// What made `finding` crash, as far as the log tells.
    fn cause(&self, finding: &Path) -> Option<&str> {
        let name = finding.file_name()?.to_str()?;
        self.causes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, m)| m.as_str())
            .or(self.messages.first().map(String::as_str))
    }

    fn line(&self) -> String {
        let execs = match self.executions {
            Some(n) => format!(
                "{n} executions in {:.0} s ({:.0}/s)",
                self.seconds,
                n as f64 / self.seconds.max(1e-9)
            ),
            None => format!("executions unknown, {:.0} s", self.seconds),
        };
        let verdict = match self.findings.len() {
            0 => "no crash".to_string(),
            1 => "CRASHED (1 input)".to_string(),
            n => format!("CRASHED ({n} inputs)"),
        };
        format!("{}: {execs}, {verdict}", self.target)
    }
}

fn artifacts(dir: &Path) -> BTreeSet<PathBuf> {
    fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                        ["crash-", "timeout-", "oom-", "leak-"]
                            .iter()
                            .any(|k| n.starts_with(k))
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Seeds made from the evaluation stories (`crates/core/tests/data/
/// stories/`), written for each run under `fuzz/target/` and never
/// committed: each article as an `article` input, each metadata record as a
/// `metadata` input, each story (its first four articles) as a `compare`
/// input in that target's format (a header byte, texts separated by 0xFF).
fn story_seeds(root: &Path, target: &str) -> Result<std::path::PathBuf> {
    let out = root.join("fuzz/target/story-seeds").join(target);
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let stories = root.join("crates/core/tests/data/stories");
    let mut dirs: Vec<_> = fs::read_dir(&stories)
        .map_err(|e| format!("cannot read {}: {e}", stories.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let cap = |mut b: Vec<u8>| {
        b.truncate(MAX_LEN);
        b
    };
    for d in dirs {
        let name = d
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut files: Vec<_> = fs::read_dir(&d)
            .map_err(|e| format!("cannot read {}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        let texts: Vec<_> = files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        let write = |file: String, bytes: Vec<u8>| {
            fs::write(out.join(&file), cap(bytes)).map_err(|e| format!("cannot write {file}: {e}"))
        };
        match target {
            "article" | "import_text" => {
                for p in &texts {
                    let stem = p.file_stem().map(|n| n.to_string_lossy().to_string());
                    let bytes =
                        fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                    write(format!("{name}-{}.txt", stem.unwrap_or_default()), bytes)?;
                }
            }
            "metadata" => {
                for p in files
                    .iter()
                    .filter(|p| p.to_string_lossy().ends_with(".meta.json"))
                {
                    let stem = p.file_name().map(|n| n.to_string_lossy().to_string());
                    let bytes =
                        fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                    write(format!("{name}-{}", stem.unwrap_or_default()), bytes)?;
                }
            }
            "compare" => {
                let n = texts.len().min(4);
                if n < 2 {
                    continue;
                }
                // Header bits 0-1: 0 → 2 articles, 1 → 3, 2 → 4.
                let mut bytes = vec![(n - 2) as u8];
                for (k, p) in texts.iter().take(n).enumerate() {
                    if k > 0 {
                        bytes.push(0xFF);
                    }
                    // Each text gets its share of the length limit.
                    let mut t =
                        fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                    t.truncate(MAX_LEN / n - 1);
                    bytes.extend(t);
                }
                write(format!("{name}.bin"), bytes)?;
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Runs one target for `seconds`; with `keep_going`, in libFuzzer's fork
/// mode (one worker), which records a crash and goes on fuzzing. A smoke
/// starts from the seeds alone, as on a fresh clone, whatever corpus long
/// hunts have grown here (reading it again would eat the smoke's time).
fn fuzz_target(
    root: &Path,
    target: &'static str,
    seconds: u64,
    keep_going: bool,
    smoke: bool,
) -> Result<Outcome> {
    let fuzz = root.join("fuzz");
    let corpus = if smoke {
        let scratch = fuzz.join("target/smoke-corpus").join(target);
        let _ = fs::remove_dir_all(&scratch);
        scratch
    } else {
        fuzz.join("corpus").join(target)
    };
    let seeds = fuzz.join("seeds").join(target);
    let stories = story_seeds(root, target)?;
    let artifact_dir = fuzz.join("artifacts").join(target);
    let logs = fuzz.join("logs");
    for d in [&corpus, &artifact_dir, &logs] {
        fs::create_dir_all(d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
    }
    let before = artifacts(&artifact_dir);
    let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    let mut c = cmd("cargo");
    c.args(["+nightly", "fuzz", "run"])
        .args(BUILD)
        .arg(target)
        // New inputs go to the first directory: the corpus, never the seeds.
        .arg(rel(&corpus))
        .arg(rel(&seeds))
        .arg(rel(&stories))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-max_len={MAX_LEN}"))
        .arg(format!("-timeout={TIMEOUT}"))
        .arg("-dict=fuzz/it.dict")
        .arg(format!("-artifact_prefix={}/", rel(&artifact_dir)))
        .arg("-print_final_stats=1");
    if keep_going {
        // Each fork job starts its length limit again from the longest
        // input of the corpus, so lengths never grew past the seeds' 2.5 KB
        // in a 40-minute hunt: let mutations reach the maximum at once.
        c.args([
            "-len_control=0",
            "-fork=1",
            "-ignore_crashes=1",
            "-ignore_timeouts=1",
            "-ignore_ooms=1",
        ]);
    }
    if std::env::var_os("CI").is_some() {
        // The same mutations from one CI run to the next.
        c.arg("-seed=20261201");
    }
    println!("$ {}", crate::describe(&c));
    let log_path = logs.join(if smoke {
        format!("smoke-{target}.log")
    } else {
        format!("{target}.log")
    });
    let mut log = fs::File::create(&log_path)
        .map_err(|e| format!("cannot create {}: {e}", log_path.display()))?;
    let started = Instant::now();
    let mut child = c
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start cargo fuzz: {e}"))?;
    let stderr = child.stderr.take().ok_or("no stderr from cargo fuzz")?;
    let mut reader = BufReader::new(stderr);
    let mut line = Vec::new();
    let mut last_shown = Instant::now();
    let mut stats = Stats::default();
    let mut messages = Vec::new();
    let mut panic_next = false;
    let mut last_message: Option<String> = None;
    let mut causes = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let _ = log.write_all(&line);
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        stats.read(text);
        if panic_next {
            panic_next = false;
            remember(&mut messages, text.trim().to_string());
            if let Some(m) = &mut last_message {
                m.push_str(": ");
                m.push_str(text.trim());
            }
        }
        let notable = [
            "panicked at",
            "synoptic-fuzz:",
            "ERROR:",
            "SUMMARY:",
            "Test unit written",
            "deadly signal",
            "error[",
            "error:",
        ]
        .iter()
        .any(|k| text.contains(k));
        if text.contains("panicked at") {
            remember(&mut messages, text.trim().to_string());
            last_message = Some(text.trim().to_string());
            panic_next = true;
        } else if text.contains("synoptic-fuzz:") || text.contains("ERROR: libFuzzer") {
            remember(&mut messages, text.trim().to_string());
            if !text.contains("deadly signal") || last_message.is_none() {
                last_message = Some(text.trim().to_string());
            }
        }
        if let Some((_, path)) = text.split_once("Test unit written to ") {
            let name = Path::new(path.trim()).file_name();
            if let (Some(name), Some(m)) = (name.and_then(|n| n.to_str()), &last_message) {
                causes.push((name.to_string(), m.clone()));
            }
            last_message = None;
        }
        let status = text.starts_with('#')
            && (text.contains("INITED") || text.contains("DONE") || text.contains("cov:"));
        if notable
            || (status
                && (text.contains("INITED")
                    || text.contains("DONE")
                    || last_shown.elapsed() >= Duration::from_secs(15)))
        {
            println!("  {text}");
            last_shown = Instant::now();
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("cargo fuzz did not finish: {e}"))?;
    let elapsed = started.elapsed().as_secs_f64();
    let findings: Vec<PathBuf> = artifacts(&artifact_dir)
        .difference(&before)
        .map(|p| PathBuf::from(rel(p)))
        .collect();
    println!("  (full log: {})", rel(&log_path));
    if findings.is_empty() && !status.success() && !keep_going {
        return Err(format!(
            "cargo fuzz run {target} failed ({status}) without a crash input; see {}",
            rel(&log_path)
        ));
    }
    Ok(Outcome {
        target,
        seconds: elapsed,
        executions: stats.executions(),
        findings,
        messages,
        causes,
    })
}

fn remember(messages: &mut Vec<String>, m: String) {
    if !m.is_empty() && !messages.contains(&m) && messages.len() < 20 {
        messages.push(m);
    }
}

/// Execution counts read from libFuzzer's output.
#[derive(Default)]
struct Stats {
    /// `stat::number_of_executed_units: N` (final stats, also on a crash).
    final_units: Option<u64>,
    /// `Done N runs in S second(s)`.
    done: Option<u64>,
    /// The last status line, `#N  …` (also fork mode's `#N: cov: …`).
    last_status: Option<u64>,
}

impl Stats {
    fn read(&mut self, line: &str) {
        if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
            self.final_units = n.trim().parse().ok().or(self.final_units);
        } else if let Some(rest) = line.strip_prefix("Done ") {
            self.done = rest
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .or(self.done);
        } else if let Some(rest) = line.strip_prefix('#') {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse::<u64>() {
                if line.contains("cov:") {
                    self.last_status = Some(n.max(self.last_status.unwrap_or(0)));
                }
            }
        }
    }

    fn executions(&self) -> Option<u64> {
        self.final_units.or(self.done).or(self.last_status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn options() {
        let o = parse(&args("--seconds 5 --target compare --keep-going")).unwrap();
        assert_eq!(
            (o.seconds, o.targets, o.keep_going),
            (5, vec!["compare"], true)
        );
        let o = parse(&[]).unwrap();
        assert_eq!(
            (o.seconds, o.targets.len(), o.smoke),
            (60, TARGETS.len(), false)
        );
        assert!(parse(&args("--target nope")).is_err());
        assert!(parse(&args("--seconds 0")).is_err());
        assert!(parse(&args("--seconds")).is_err());
    }

    #[test]
    fn executions_from_libfuzzer_output() {
        let mut s = Stats::default();
        s.read("#2\tINITED cov: 10 ft: 11 corp: 1/1b exec/s: 0 rss: 30Mb");
        s.read("#4096\tpulse  cov: 12 ft: 13 corp: 2/2b lim: 4 exec/s: 2048 rss: 31Mb");
        assert_eq!(s.executions(), Some(4096));
        s.read("Done 5000 runs in 2 second(s)");
        assert_eq!(s.executions(), Some(5000));
        s.read("stat::number_of_executed_units: 5001");
        assert_eq!(s.executions(), Some(5001));
        let mut fork = Stats::default();
        fork.read("#123456: cov: 5557 ft: 23178 corp: 967 exec/s: 105 oom/timeout/crash: 0/0/3 time: 60s job: 12 dft_time: 0");
        assert_eq!(fork.executions(), Some(123456));
    }
}
