//! `synoptic-bench`: the analysis core's speed, natively.
//!
//! - no argument: extraction throughput on the embedded corpus (MB/s);
//! - `gen DIR [--quick]`: writes the inputs of `cargo xtask bench` to DIR
//!   and lists them, one line each (see `inputs`);
//! - `extract FILE...`: extraction alone, in process (`Article::parse`, the
//!   reference date, `figures::extract`) over the files, median of several
//!   runs: one line `extract bytes=… runs=… median_s=… mb_s=… figures=…`;
//! - `run [--timeout SECS] [--mem-limit-mb MB] --out FILE [--err FILE] --
//!   CMD ARGS...` (Linux): runs CMD with stdout to FILE and prints one line
//!   `run status=… wall_s=… maxrss_kib=… out_bytes=…`, the child's own peak
//!   memory (see `child`).
//!
//! `cargo xtask bench` drives all of these, with the WebAssembly build and
//! the peers.

#[cfg(target_os = "linux")]
mod child;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use synoptic_bench::{bytes, embedded, extract_embedded, inputs};
use synoptic_core::figures::{dateline, extract};
use synoptic_core::{Article, Metadata};

const USAGE: &str = "usage: synoptic-bench
       synoptic-bench gen DIR [--quick]
       synoptic-bench extract FILE...
       synoptic-bench run [--timeout SECS] [--mem-limit-mb MB] --out FILE [--err FILE] -- CMD ARGS...";

/// Runs `f` repeatedly for at least `budget` and `min_runs` runs; returns
/// the median seconds per run and the number of runs.
fn median_secs(budget: Duration, min_runs: usize, mut f: impl FnMut()) -> (f64, usize) {
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < min_runs {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    (samples[samples.len() / 2], samples.len())
}

fn extraction() {
    let corpus_bytes = bytes(&embedded());
    let iterations = 20;
    let (secs, runs) = median_secs(Duration::from_secs(2), 5, || {
        std::hint::black_box(extract_embedded(std::hint::black_box(iterations)));
    });
    let mb = (corpus_bytes * iterations as usize) as f64 / 1e6;
    println!("native extraction (parse + figures), embedded corpus ({corpus_bytes} bytes) × {iterations}, median of {runs} runs:");
    println!(
        "  {:.2} ms per corpus, {:.2} MB/s",
        secs * 1000.0 / f64::from(iterations),
        mb / secs
    );
}

/// Files named on the command line; a directory stands for its files, in
/// name order.
fn files_of(args: &[String]) -> Result<Vec<(String, String)>, String> {
    let mut paths = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(&p)
                .map_err(|e| format!("{a}: {e}"))?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            inside.sort();
            paths.extend(inside);
        } else {
            paths.push(p);
        }
    }
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, text))
        })
        .collect()
}

/// Extraction alone over `files`: parse (segmentation, chrome), reference
/// date, figures. A first run warms up (or is the only run when it takes
/// 5 s or more), then at least 3 runs and 2 seconds; the median. The peers
/// in `tools/peers/` are timed the same way.
fn extract_files(args: &[String]) -> Result<(), String> {
    // `--runs N`: exactly N runs, not timed (to count instructions under
    // callgrind, which is repeatable where wall time is not).
    if let [flag, n, rest @ ..] = args {
        if flag == "--runs" {
            let n: usize = n
                .parse()
                .map_err(|_| format!("--runs {n:?}: not a number"))?;
            let files = files_of(rest)?;
            let mut figures = 0;
            for _ in 0..n {
                for (name, text) in &files {
                    let a = Article::parse(
                        name.as_str(),
                        name.as_str(),
                        text.as_str(),
                        Metadata::default(),
                    );
                    let reference = dateline::reference_date(&a, None).map(|r| r.0);
                    figures += extract(&a, reference).len();
                }
            }
            println!("extract runs={n} figures={figures}");
            return Ok(());
        }
    }
    let files = files_of(args)?;
    if files.is_empty() {
        return Err("extract: no file".into());
    }
    let total: usize = files.iter().map(|(_, t)| t.len()).sum();
    let once = || {
        let mut n = 0;
        for (name, text) in &files {
            let a = Article::parse(
                name.as_str(),
                name.as_str(),
                text.as_str(),
                Metadata::default(),
            );
            let reference = dateline::reference_date(&a, None).map(|r| r.0);
            n += extract(&a, reference).len();
        }
        n
    };
    let t = Instant::now();
    let figures = once();
    let first = t.elapsed().as_secs_f64();
    let (secs, runs) = if first >= 5.0 {
        (first, 1)
    } else {
        median_secs(Duration::from_secs(2), 3, || {
            std::hint::black_box(once());
        })
    };
    println!(
        "extract bytes={total} runs={runs} median_s={secs:.6} mb_s={:.3} figures={figures}",
        total as f64 / 1e6 / secs
    );
    Ok(())
}

fn gen(args: &[String]) -> Result<(), String> {
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("gen: no directory")?;
    let quick = args.iter().any(|a| a == "--quick");
    let written = inputs::generate(dir.as_ref(), quick).map_err(|e| format!("gen: {e}"))?;
    for i in written {
        println!("{}", i.line());
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn run(args: &[String]) -> Result<(), String> {
    let split = args
        .iter()
        .position(|a| a == "--")
        .ok_or("run: no `-- CMD`")?;
    let (opts, argv) = (&args[..split], &args[split + 1..]);
    let value = |name: &str| {
        opts.iter()
            .position(|a| a == name)
            .and_then(|i| opts.get(i + 1))
    };
    let number = |name: &str, default: f64| -> Result<f64, String> {
        value(name).map_or(Ok(default), |v| {
            v.parse()
                .map_err(|_| format!("run: {name} {v:?} is not a number"))
        })
    };
    let out = value("--out").ok_or("run: no --out FILE")?;
    let err = value("--err");
    let timeout = Duration::from_secs_f64(number("--timeout", 120.0)?);
    let limit = number("--mem-limit-mb", 0.0)?;
    let limit = (limit > 0.0).then_some((limit * 1024.0 * 1024.0) as u64);
    let m = child::measure(argv, out.as_ref(), err.map(AsRef::as_ref), timeout, limit)
        .map_err(|e| format!("run {}: {e}", argv.join(" ")))?;
    println!("{}", m.line());
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn run(_: &[String]) -> Result<(), String> {
    Err("run: measuring a child's peak memory needs Linux (wait4)".into())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        None => {
            extraction();
            Ok(())
        }
        Some("gen") => gen(rest),
        Some("extract") => extract_files(rest),
        Some("run") => run(rest),
        Some(_) => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synoptic-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
