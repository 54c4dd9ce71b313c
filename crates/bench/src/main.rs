//! `synoptic-bench`: extraction throughput of the analysis core, natively.
//! Run through `cargo xtask bench`, which also runs the WebAssembly build.

use std::time::{Duration, Instant};

use synoptic_bench::{bytes, embedded, extract_embedded};

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

fn main() {
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
