//! First-load size of the release bundle: every file of `dist/` that the page
//! loads, raw and gzipped (level 9, as a static server would send it), with
//! the total checked against a budget.

use std::fmt;
use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// The gzipped first load must stay under this (HTML, JS, WASM, CSS, the
/// embedded story's analysis in the WebAssembly's data). The analysis code
/// is not in it: it lives in the worker, loaded when a reader's own story
/// needs it.
pub const BUDGET_GZIP_BYTES: u64 = 360 * 1024;

/// The analysis worker's script, glue and module (gzipped): the analysis,
/// file import and the readability extraction of saved pages.
pub const WORKER_BUDGET_GZIP_BYTES: u64 = 900 * 1024;

/// One file of the bundle.
pub struct Entry {
    name: String,
    kind: &'static str,
    raw: u64,
    gzip: u64,
}

/// Sizes of the bundle.
pub struct Report {
    entries: Vec<Entry>,
}

fn kind_of(name: &str) -> &'static str {
    // The analysis worker's script and module load when a reader's own
    // story needs them, not with the page (precached all the same).
    if name.starts_with("synoptic-worker-") || name.starts_with("analysis-") {
        return "worker";
    }
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "html",
        "js" | "mjs" => "js",
        "wasm" => "wasm",
        "css" => "css",
        _ => "other",
    }
}

fn gzip_len(bytes: &[u8]) -> std::io::Result<u64> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes)?;
    Ok(enc.finish()?.len() as u64)
}

/// Measures every file directly in `dist` (first-load files live at its top).
pub fn measure(dist: &Path) -> Result<Report, String> {
    let dir = fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    let mut entries = Vec::new();
    for item in dir.flatten() {
        let path = item.path();
        if !path.is_file() {
            continue;
        }
        let name = item.file_name().to_string_lossy().into_owned();
        let bytes = fs::read(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
        entries.push(Entry {
            kind: kind_of(&name),
            raw: bytes.len() as u64,
            gzip: gzip_len(&bytes).map_err(|e| e.to_string())?,
            name,
        });
    }
    if !entries.iter().any(|e| e.kind == "wasm") {
        return Err(format!("{} holds no .wasm: build first", dist.display()));
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.gzip));
    Ok(Report { entries })
}

impl Report {
    fn first_load(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| matches!(e.kind, "html" | "js" | "wasm" | "css"))
    }

    /// Gzipped bytes of HTML, JS, WASM and CSS.
    fn worker(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.kind == "worker")
    }

    pub fn total_gzip(&self) -> u64 {
        self.first_load().map(|e| e.gzip).sum()
    }

    /// Fails if the first load is over budget.
    pub fn check_budget(&self) -> Result<(), String> {
        let worker: u64 = self.worker().map(|e| e.gzip).sum();
        if worker == 0 {
            return Err(
                "the bundle has no analysis worker (synoptic-worker-*.js, analysis-*.js)".into(),
            );
        }
        if worker > WORKER_BUDGET_GZIP_BYTES {
            return Err(format!(
                "the analysis worker is {} gzipped, over its budget of {}",
                kb(worker),
                kb(WORKER_BUDGET_GZIP_BYTES)
            ));
        }
        let total = self.total_gzip();
        if total > BUDGET_GZIP_BYTES {
            Err(format!(
                "first load is {} gzipped, over the budget of {}",
                kb(total),
                kb(BUDGET_GZIP_BYTES)
            ))
        } else {
            Ok(())
        }
    }
}

fn kb(n: u64) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<48} {:>6} {:>11} {:>11}",
            "file", "kind", "raw", "gzip"
        )?;
        for e in &self.entries {
            writeln!(
                f,
                "{:<48} {:>6} {:>11} {:>11}",
                e.name,
                e.kind,
                kb(e.raw),
                kb(e.gzip)
            )?;
        }
        for kind in ["html", "js", "wasm", "css"] {
            let gz: u64 = self
                .entries
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.gzip)
                .sum();
            writeln!(
                f,
                "{:<48} {:>6} {:>11} {:>11}",
                format!("  {kind} total"),
                "",
                "",
                kb(gz)
            )?;
        }
        let worker: u64 = self.worker().map(|e| e.gzip).sum();
        writeln!(
            f,
            "analysis worker, loaded for a reader's own story (precached): {} gzipped (budget {})",
            kb(worker),
            kb(WORKER_BUDGET_GZIP_BYTES)
        )?;
        let raw: u64 = self.first_load().map(|e| e.raw).sum();
        writeln!(
            f,
            "first load (html+js+wasm+css): {} raw, {} gzipped (budget {})",
            kb(raw),
            kb(self.total_gzip()),
            kb(BUDGET_GZIP_BYTES)
        )
    }
}
