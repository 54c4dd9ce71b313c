//! `synoptic-bench`: the analysis core's speed, natively.
//!
//! - no argument: extraction throughput on the embedded corpus (MB/s);
//! - `scale N`: the whole comparison of a synthetic corpus of N articles:
//!   time, size, and the process's peak memory;
//! - `gen DIR [--quick]`: writes the inputs of the scale and adversarial
//!   benchmarks to DIR and lists them, one line each (see `inputs`).
//!
//! Run through `cargo xtask bench`, which also runs the WebAssembly build
//! and the scale series 100, 300, 1,000.

use std::time::{Duration, Instant};

use synoptic_bench::{bytes, embedded, extract_embedded, inputs, synthetic};
use synoptic_core::compare::compare;
use synoptic_core::date::Date;

/// Runs `f` repeatedly for at least `budget`; returns the median seconds per run.
fn median_secs(budget: Duration, mut f: impl FnMut()) -> (f64, usize) {
    let mut samples = Vec::new();
    let start = Instant::now();
    while start.elapsed() < budget || samples.len() < 5 {
        let t = Instant::now();
        f();
        samples.push(t.elapsed().as_secs_f64());
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    (samples[samples.len() / 2], samples.len())
}

/// Peak resident memory of this process, from /proc (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn extraction() {
    let corpus_bytes = bytes(&embedded());
    let iterations = 20;
    let (secs, runs) = median_secs(Duration::from_secs(2), || {
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

fn scale(n: usize) {
    let articles = synthetic::corpus_of(n, 0x5EED + n as u64);
    let size = synthetic::bytes(&articles);
    let fallback = Date::from_ymd(2025, 6, 1);
    let start = Instant::now();
    let c = compare(&articles, fallback);
    let secs = start.elapsed().as_secs_f64();
    let figures: usize = c.articles.iter().map(|a| a.figures.len()).sum();
    let linked = c.quantities.iter().filter(|q| q.figures.len() > 1).count();
    let groups = c
        .statements
        .groups
        .iter()
        .filter(|g| g.members.len() > 1)
        .count();
    println!(
        "scale {n:>5} articles  {:>7.2} MB  {:>8.3} s  peak {:>7.1} MB  ({figures} figures, {linked} linked quantities, {} sentences, {groups} aligned groups)",
        size as f64 / 1e6,
        secs,
        peak_mb().unwrap_or(f64::NAN),
        c.statements.sentences.len()
    );
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

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") => {
            if let Err(e) = gen(&args[1..]) {
                eprintln!("synoptic-bench: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
        Some("scale") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100);
            scale(n);
        }
        _ => extraction(),
    }
    std::process::ExitCode::SUCCESS
}
