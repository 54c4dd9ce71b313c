//! `synoptic-bench gen`: the input files of `cargo xtask bench`, written
//! to a directory and listed on stdout, one tab-separated line each:
//!
//! ```text
//! input <series> <n> <bytes> <path>
//! ```
//!
//! `series` is `article` (one long article, `n` its target size in bytes),
//! `corpus` (a directory of `n` synthetic articles), `adversarial:<family>`
//! (`n` repetitions of the family's unit) or `embedded` (the embedded
//! story's texts, the peers' second input). Every input is reproducible:
//! the same seeds give the same bytes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::adversarial::FAMILIES;
use crate::synthetic;

/// One input of the bench.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// `article`, `corpus`, `adversarial:<family>` or `embedded`.
    pub series: String,
    /// The size along the series: bytes, articles or repetitions.
    pub n: usize,
    /// Bytes of text written.
    pub bytes: usize,
    /// A file, or a directory of files (`corpus`, `embedded`).
    pub path: PathBuf,
}

impl Input {
    /// Its manifest line.
    pub fn line(&self) -> String {
        format!(
            "input\t{}\t{}\t{}\t{}",
            self.series,
            self.n,
            self.bytes,
            self.path.display()
        )
    }
}

/// Single-article sizes: 10 KB to 10 MB (1 MB with `quick`).
pub fn article_sizes(quick: bool) -> &'static [usize] {
    if quick {
        &[10_000, 100_000, 1_000_000]
    } else {
        &[10_000, 100_000, 1_000_000, 10_000_000]
    }
}

/// Corpus sizes: 10 to 1,000 articles (100 with `quick`).
pub fn corpus_sizes(quick: bool) -> &'static [usize] {
    if quick {
        &[10, 100]
    } else {
        &[10, 100, 1000]
    }
}

/// The two repetition counts of an adversarial family: its `n` and 10×
/// that, or a hundredth of each with `quick` (enough to check the harness,
/// in seconds even where the growth is quadratic).
pub fn adversarial_sizes(n: usize, quick: bool) -> [usize; 2] {
    if quick {
        [n / 100, n / 10]
    } else {
        [n, 10 * n]
    }
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

/// An empty directory at `path` (what was there is removed).
fn fresh_dir(path: &Path) -> io::Result<()> {
    if path.exists() {
        fs::remove_dir_all(path)?;
    }
    fs::create_dir_all(path)
}

/// Writes every input of the full run (or of `quick`) under `dir`.
pub fn generate(dir: &Path, quick: bool) -> io::Result<Vec<Input>> {
    fs::create_dir_all(dir)?;
    let mut inputs = Vec::new();
    for &size in article_sizes(quick) {
        let text = synthetic::article_text(size, 0xA27_1C1E + size as u64);
        let path = dir.join(format!("article-{size}.txt"));
        write(&path, &text)?;
        inputs.push(Input {
            series: "article".into(),
            n: size,
            bytes: text.len(),
            path,
        });
    }
    for &n in corpus_sizes(quick) {
        let path = dir.join(format!("corpus-{n}"));
        fresh_dir(&path)?;
        let articles = synthetic::corpus_of(n, 0x5EED + n as u64);
        for a in &articles {
            write(&path.join(&a.file), &a.text)?;
        }
        inputs.push(Input {
            series: "corpus".into(),
            n,
            bytes: synthetic::bytes(&articles),
            path,
        });
    }
    for f in FAMILIES {
        for n in adversarial_sizes(f.n, quick) {
            let text = (f.generate)(n);
            let path = dir.join(format!("adversarial-{}-{n}.txt", f.name));
            write(&path, &text)?;
            inputs.push(Input {
                series: format!("adversarial:{}", f.name),
                n,
                bytes: text.len(),
                path,
            });
        }
    }
    let path = dir.join("embedded");
    fresh_dir(&path)?;
    let mut bytes = 0;
    for f in synoptic_core::corpus::FILES {
        write(&path.join(f.file), f.text)?;
        bytes += f.text.len();
    }
    inputs.push(Input {
        series: "embedded".into(),
        n: synoptic_core::corpus::FILES.len(),
        bytes,
        path,
    });
    Ok(inputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_grow_tenfold() {
        for quick in [true, false] {
            for s in [article_sizes(quick), corpus_sizes(quick)] {
                assert!(s.windows(2).all(|w| w[1] == 10 * w[0]));
            }
            for f in FAMILIES {
                let [a, b] = adversarial_sizes(f.n, quick);
                assert_eq!(b, 10 * a, "{}", f.name);
            }
        }
    }

    #[test]
    fn articles_are_reproducible_and_about_their_size() {
        let a = synthetic::article_text(10_000, 7);
        assert_eq!(a, synthetic::article_text(10_000, 7));
        assert!(a.len() >= 10_000 && a.len() < 13_000, "{}", a.len());
        // A headline, then paragraphs separated by blank lines.
        let paragraphs: Vec<&str> = a.split("\n\n").filter(|p| !p.is_empty()).collect();
        assert!(paragraphs.len() > 10);
        assert!(paragraphs[0].len() < 200 && !paragraphs[0].contains('\n'));
    }
}
