//! `cargo xtask eval-news [--verbose] [--check] [PREFIX]`: the figure
//! extractor on the Italian news evaluation set
//! (`crates/core/tests/data/news/`, format in its README): articles written
//! in the styles of real outlets, each with a hand-checked gold list of its
//! body figures.
//!
//! Every article is analysed as the app analyses it (its reference date as
//! the metadata date). A gold figure and an extracted story figure are
//! paired when their spans overlap (one to one, largest overlap first); a
//! gold date or time left unpaired also counts as read when it lies inside
//! an extracted day-and-clock figure that is right for it and for the gold
//! figure it is paired with (the gold lists some such apart).
//! A pair is **right** when the value is: for quantities the number as
//! stated (or the stated range) and the qualifier; for dates, periods and
//! times the days, and the part of day, clock, zone and bound where the gold
//! gives them. Then, per split (`tune`, `measure`), per family and per kind:
//!
//! - **recall**: gold figures paired and right / gold figures;
//! - **precision**: extracted story figures paired and right / extracted
//!   story figures (a figure of the page chrome counted as story, a trap
//!   taken for a figure, a figure split in two: all count against it);
//! - **value+unit F1**: the harmonic mean of recall and precision where the
//!   unit must be right too (quantities);
//! - **subject accuracy**: of the right quantities whose gold names what
//!   they measure, those whose subject shares a head noun with the gold's
//!   (the head of one among the content words of the other; names are
//!   never heads).
//!
//! `--check` fails when a split misses a target: recall and precision
//! ≥ 97 %, subject accuracy ≥ 80 %.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::Value;
use synoptic_core::analysis::analyse;
use synoptic_core::date::Date;
use synoptic_core::figures::{Figure, FigureKind, Qualifier};
use synoptic_core::lexicon::lexicons;
use synoptic_core::token::tokenize;
use synoptic_core::{Article, Metadata};

/// Targets of `--check`, per split.
const RECALL: f64 = 97.0;
const PRECISION: f64 = 97.0;
const SUBJECT: f64 = 80.0;

/// One gold figure, located in its text.
struct Gold {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    family: String,
    value: Option<Value>,
    unit: Option<String>,
    qualifier: Option<String>,
    days: Option<String>,
    clock: Option<String>,
    zone: Option<String>,
    subject: Option<String>,
}

impl Gold {
    fn is_time(&self) -> bool {
        matches!(self.kind.as_str(), "date" | "period" | "time")
    }
}

/// One article of the set.
struct Case {
    id: String,
    split: String,
    reference: String,
    text: String,
    gold: Vec<Gold>,
    traps: Vec<(usize, usize, String)>,
    chrome: Vec<(usize, usize, String)>,
}

/// Counts of one row of a table.
#[derive(Default, Clone, Copy)]
struct Tally {
    gold: usize,
    found: usize,
    extracted: usize,
    correct: usize,
    unit_gold: usize,
    unit_right: usize,
    unit_extracted: usize,
    subject_gold: usize,
    subject_right: usize,
}

impl Tally {
    fn recall(&self) -> f64 {
        pct(self.found, self.gold)
    }
    fn precision(&self) -> f64 {
        pct(self.correct, self.extracted)
    }
    fn unit_f1(&self) -> f64 {
        let r = pct(self.unit_right, self.unit_gold);
        let p = pct(self.unit_right, self.unit_extracted);
        if r + p == 0.0 {
            0.0
        } else {
            2.0 * r * p / (r + p)
        }
    }
    fn subject(&self) -> f64 {
        pct(self.subject_right, self.subject_gold)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// One split's tallies: overall, by family, by kind.
type Tables = (Tally, BTreeMap<String, Tally>, BTreeMap<String, Tally>);

/// Byte range of the `n`-th occurrence (1-based, any start position).
pub(crate) fn locate(text: &str, needle: &str, n: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut seen = 0;
    while let Some(k) = text.get(from..)?.find(needle) {
        let at = from + k;
        seen += 1;
        if seen == n {
            return Some((at, at + needle.len()));
        }
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

fn str_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn spans(
    text: &str,
    list: Option<&Value>,
    id: &str,
) -> Result<Vec<(usize, usize, String)>, String> {
    let mut out = Vec::new();
    for e in list.and_then(Value::as_array).into_iter().flatten() {
        let t = str_of(e, "text").ok_or(format!("{id}: an entry without text"))?;
        let n = e.get("n").and_then(Value::as_u64).unwrap_or(1) as usize;
        let (s, e) =
            locate(text, &t, n).ok_or(format!("{id}: {t:?} (occurrence {n}) not in the text"))?;
        out.push((s, e, t));
    }
    Ok(out)
}

fn load(dir: &Path, prefix: &str) -> Result<Vec<Case>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".gold.json") && n.starts_with(prefix))
        .collect();
    names.sort();
    let mut cases = Vec::new();
    for name in names {
        let id = name.trim_end_matches(".gold.json").to_string();
        let gold_text = fs::read_to_string(dir.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        let g: Value = serde_json::from_str(&gold_text).map_err(|e| format!("{name}: {e}"))?;
        let text = fs::read_to_string(dir.join(format!("{id}.txt")))
            .map_err(|e| format!("{id}.txt: {e}"))?;
        let mut gold = Vec::new();
        for f in g["figures"].as_array().into_iter().flatten() {
            let t = str_of(f, "text").ok_or(format!("{id}: a figure without text"))?;
            let n = f.get("n").and_then(Value::as_u64).unwrap_or(1) as usize;
            let (start, end) = locate(&text, &t, n)
                .ok_or(format!("{id}: {t:?} (occurrence {n}) not in the text"))?;
            gold.push(Gold {
                start,
                end,
                text: t,
                kind: str_of(f, "kind").unwrap_or_default(),
                family: str_of(f, "family").unwrap_or_else(|| "plain".into()),
                value: f.get("value").cloned().filter(|v| !v.is_null()),
                unit: str_of(f, "unit"),
                qualifier: str_of(f, "qualifier"),
                days: str_of(f, "days"),
                clock: str_of(f, "clock"),
                zone: str_of(f, "zone"),
                subject: str_of(f, "subject"),
            });
        }
        let reference = str_of(&g, "reference")
            .filter(|d| Date::parse_iso(d).is_some())
            .ok_or(format!("{name}: no valid reference date"))?;
        cases.push(Case {
            split: str_of(&g, "split").unwrap_or_default(),
            reference,
            traps: spans(&text, g.get("not_figures"), &id)?,
            chrome: spans(&text, g.get("chrome_figures"), &id)?,
            id,
            text,
            gold,
        });
    }
    Ok(cases)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The number as stated, with its sign (a fall is negative).
fn signed_stated(f: &Figure) -> Option<f64> {
    f.stated
}

fn quantity_value_right(g: &Gold, f: &Figure) -> bool {
    let Some(v) = &g.value else {
        return false;
    };
    let value_ok = match v {
        Value::Array(a) if a.len() == 2 => {
            let (lo, hi) = (a[0].as_f64(), a[1].as_f64());
            let iv = f.value;
            match (lo, hi, iv) {
                (Some(lo), Some(hi), Some(iv)) => {
                    iv.min.is_some_and(|m| close(m, lo)) && iv.max.is_some_and(|m| close(m, hi))
                }
                _ => false,
            }
        }
        v => match (v.as_f64(), signed_stated(f)) {
            (Some(want), Some(got)) => close(want, got),
            _ => false,
        },
    };
    let qualifier_ok = match (g.qualifier.as_deref(), f.qualifier) {
        (None, None) => true,
        (None, Some(Qualifier::Emphatic)) | (Some("emphatic"), None) => true,
        (Some("range"), _) if matches!(v, Value::Array(_)) => true,
        (Some(q), Some(ours)) => q == ours.as_str(),
        _ => false,
    };
    value_ok && qualifier_ok
}

/// A time bound as the core writes it.
fn bound_of(q: &str) -> Option<Qualifier> {
    Some(match q {
        "before" => Qualifier::Under,
        "after" => Qualifier::Over,
        "since" => Qualifier::AtLeast,
        "until" | "by" => Qualifier::AtMost,
        _ => return None,
    })
}

fn time_value_right(g: &Gold, f: &Figure) -> bool {
    let days_ok = match (&g.days, f.time) {
        (Some(d), Some(t)) => {
            let (a, b) = d.split_once('/').unwrap_or((d, d));
            t.start.to_string() == a && t.end.to_string() == b
        }
        (None, None) => true,
        _ => false,
    };
    let clock_ok = match &g.clock {
        Some(c) => f.clock.as_deref() == Some(c.as_str()),
        None => true,
    };
    let zone_ok = match &g.zone {
        Some(z) => f.zone.as_deref() == Some(z.as_str()),
        None => true,
    };
    let bound = |q: Option<Qualifier>| {
        q.filter(|q| {
            matches!(
                q,
                Qualifier::Under | Qualifier::Over | Qualifier::AtLeast | Qualifier::AtMost
            )
        })
    };
    let bound_ok = match g.qualifier.as_deref().and_then(bound_of) {
        Some(want) => bound(f.qualifier) == Some(want),
        None => bound(f.qualifier).is_none(),
    };
    days_ok && clock_ok && zone_ok && bound_ok
}

fn is_quantity(k: FigureKind) -> bool {
    !k.is_time()
}

fn right(g: &Gold, f: &Figure) -> bool {
    if g.is_time() {
        f.kind.is_time() && time_value_right(g, f)
    } else {
        is_quantity(f.kind) && quantity_value_right(g, f)
    }
}

/// Content-word stems of a phrase, and the stem of its head: the first
/// content word that is not a name (capitalised, not the phrase's first
/// word), so that `Russia` is not the head of what a figure measures.
fn stems(s: &str) -> (Vec<String>, Option<String>) {
    let lex = lexicons();
    let mut all = Vec::new();
    let mut head = None;
    for (i, t) in tokenize(s, 0).iter().enumerate() {
        if !t.is_word() || lex.is_stop(&t.norm) || t.norm.ends_with('\'') {
            continue;
        }
        let stem = lex.stem(&t.norm).to_string();
        if head.is_none() && !(t.cap && i > 0) {
            head = Some(stem.clone());
        }
        all.push(stem);
    }
    (all, head)
}

fn unit_right(g: &Gold, f: &Figure) -> bool {
    match (g.unit.as_deref(), f.unit.as_deref()) {
        (None, None) => true,
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) => {
            let (x, y) = (stems(a).0, stems(b).0);
            !x.is_empty() && x.first() == y.first()
        }
        _ => false,
    }
}

/// The subject is right when the head noun of either phrase is among the
/// content words of the other (`prigionieri` for `scambio di prigionieri`;
/// not `Russia` for `interscambio tra Cina e Russia`).
fn subject_right(g: &Gold, f: &Figure) -> bool {
    let Some(want) = &g.subject else {
        return false;
    };
    let Some(ours) = f.subject.as_deref() else {
        return false;
    };
    let (gold_all, gold_head) = stems(want);
    let (ours_all, ours_head) = stems(ours);
    gold_head.is_some_and(|h| ours_all.contains(&h))
        || ours_head.is_some_and(|h| gold_all.contains(&h))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// The whole evaluation.
pub fn run(root: &Path, verbose: bool, check: bool, prefix: &str) -> Result<(), String> {
    let dir = root.join("crates/core/tests/data/news");
    let cases = load(&dir, prefix)?;
    if cases.is_empty() {
        return Err(format!("no gold files in {}", dir.display()));
    }
    // split → (overall, per family, per kind)
    let mut splits: BTreeMap<String, Tables> = BTreeMap::new();
    let mut leaks: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        let meta = Metadata {
            date: Some(case.reference.clone()),
            ..Metadata::default()
        };
        let article = Article::parse(
            &*case.id,
            format!("{}.txt", case.id),
            case.text.clone(),
            meta,
        );
        let analysis = analyse(&article, None);
        let ours: Vec<&Figure> = analysis.figures.iter().filter(|f| !f.boilerplate).collect();
        // Pairs by overlap, largest first, one to one.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, g) in case.gold.iter().enumerate() {
            for (fi, f) in ours.iter().enumerate() {
                let o = overlap((g.start, g.end), (f.start, f.end));
                if o > 0 {
                    pairs.push((o, gi, fi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut gold_of: Vec<Option<usize>> = vec![None; ours.len()];
        let mut ours_of: Vec<Option<usize>> = vec![None; case.gold.len()];
        for (_, gi, fi) in pairs {
            if ours_of[gi].is_none() && gold_of[fi].is_none() {
                ours_of[gi] = Some(fi);
                gold_of[fi] = Some(gi);
            }
        }
        // A day with its clock is one time figure (`sabato 2 gennaio alle
        // 20`, `02.01.2024 09:41`) where the gold may list the date and the
        // time apart: a gold date or time left unpaired counts as read when
        // it lies inside a time figure paired with (and right for) another
        // gold figure, and is right for it too.
        for (g, paired) in case.gold.iter().zip(ours_of.iter_mut()) {
            if paired.is_some() || !g.is_time() {
                continue;
            }
            let inside = ours.iter().enumerate().find(|&(fi, f)| {
                f.kind == FigureKind::Time
                    && f.start <= g.start
                    && g.end <= f.end
                    && gold_of[fi].is_some_and(|other| right(&case.gold[other], f))
                    && right(g, f)
            });
            if let Some((fi, _)) = inside {
                *paired = Some(fi);
            }
        }
        let (all, by_family, by_kind) = splits.entry(case.split.clone()).or_default();
        let leak = leaks.entry(case.split.clone()).or_default();
        for (gi, g) in case.gold.iter().enumerate() {
            let matched = ours_of[gi].map(|fi| ours[fi]);
            let ok = matched.is_some_and(|f| right(g, f));
            for t in [
                &mut *all,
                by_family.entry(g.family.clone()).or_default(),
                by_kind.entry(g.kind.clone()).or_default(),
            ] {
                t.gold += 1;
                t.found += usize::from(ok);
                if !g.is_time() {
                    t.unit_gold += 1;
                    if matched.is_some_and(|f| ok && unit_right(g, f)) {
                        t.unit_right += 1;
                    }
                    if ok && g.subject.is_some() {
                        t.subject_gold += 1;
                        t.subject_right +=
                            usize::from(matched.is_some_and(|f| subject_right(g, f)));
                    }
                }
            }
            if verbose && !ok {
                match matched {
                    Some(f) => println!(
                        "{} {:<8} wrong  {:?} → ours {:?} {} {}",
                        case.id,
                        g.family,
                        g.text,
                        f.text,
                        f.kind.as_str(),
                        describe(f)
                    ),
                    None => println!(
                        "{} {:<8} missed {:?} ({})",
                        case.id, g.family, g.text, g.kind
                    ),
                }
            }
            if verbose
                && ok
                && !g.is_time()
                && g.subject.is_some()
                && !matched.is_some_and(|f| subject_right(g, f))
            {
                println!(
                    "{} subject  {:?}: gold {:?}, ours {:?}",
                    case.id,
                    g.text,
                    g.subject.as_deref().unwrap_or(""),
                    matched.and_then(|f| f.subject.as_deref()).unwrap_or("")
                );
            }
        }
        for (fi, f) in ours.iter().enumerate() {
            let family = gold_of[fi]
                .map(|gi| case.gold[gi].family.clone())
                .unwrap_or_else(|| "(none)".into());
            let kind = f.kind.as_str().to_string();
            let ok = gold_of[fi].is_some_and(|gi| right(&case.gold[gi], f));
            let quantity = gold_of[fi].map_or(!f.kind.is_time(), |gi| !case.gold[gi].is_time());
            for t in [
                &mut *all,
                by_family.entry(family).or_default(),
                by_kind.entry(kind).or_default(),
            ] {
                t.extracted += 1;
                t.correct += usize::from(ok);
                if quantity {
                    t.unit_extracted += 1;
                }
            }
            if gold_of[fi].is_none() {
                let span = (f.start, f.end);
                let in_chrome = case.chrome.iter().any(|c| overlap((c.0, c.1), span) > 0);
                let trap = case.traps.iter().any(|c| overlap((c.0, c.1), span) > 0);
                leak.0 += usize::from(in_chrome);
                leak.1 += usize::from(trap);
                if verbose {
                    let why = if in_chrome {
                        "chrome"
                    } else if trap {
                        "trap"
                    } else {
                        "extra"
                    };
                    println!(
                        "{} {:<8} {:?} {} {}",
                        case.id,
                        why,
                        f.text,
                        f.kind.as_str(),
                        describe(f)
                    );
                }
            }
        }
    }
    let mut failed = Vec::new();
    for (split, (all, by_family, by_kind)) in &splits {
        let (chrome, traps) = leaks.get(split).copied().unwrap_or_default();
        let articles = cases.iter().filter(|c| &c.split == split).count();
        println!(
            "\nsplit {split}: {articles} articles, {} gold figures, {} extracted story figures; \
             {chrome} taken from page chrome, {traps} traps taken for figures",
            all.gold, all.extracted
        );
        println!(
            "{:<14} {:>6} {:>8} {:>10} {:>11} {:>9}",
            "", "gold", "recall", "precision", "value+unit", "subject"
        );
        let row = |name: &str, t: &Tally| {
            println!(
                "{:<14} {:>6} {:>7.1}% {:>9.1}% {:>11} {:>8}",
                name,
                t.gold,
                t.recall(),
                t.precision(),
                if t.unit_gold == 0 {
                    "-".to_string()
                } else {
                    format!("{:.1}%", t.unit_f1())
                },
                if t.subject_gold == 0 {
                    "-".to_string()
                } else {
                    format!("{:.1}%", t.subject())
                }
            );
        };
        row("all", all);
        println!("by family");
        for (k, t) in by_family {
            row(&format!("  {k}"), t);
        }
        println!("by kind");
        for (k, t) in by_kind {
            row(&format!("  {k}"), t);
        }
        if all.recall() < RECALL {
            failed.push(format!("{split}: recall {:.1}% < {RECALL}%", all.recall()));
        }
        if all.precision() < PRECISION {
            failed.push(format!(
                "{split}: precision {:.1}% < {PRECISION}%",
                all.precision()
            ));
        }
        if all.subject() < SUBJECT {
            failed.push(format!(
                "{split}: subject accuracy {:.1}% < {SUBJECT}%",
                all.subject()
            ));
        }
    }
    println!("\ntargets per split: recall ≥ {RECALL}%, precision ≥ {PRECISION}%, subject accuracy ≥ {SUBJECT}%");
    if failed.is_empty() {
        println!("every split meets its targets");
    } else {
        for f in &failed {
            println!("missed: {f}");
        }
    }
    if check && !failed.is_empty() {
        return Err(format!("{} target(s) missed", failed.len()));
    }
    Ok(())
}

fn describe(f: &Figure) -> String {
    let mut parts = Vec::new();
    if let Some(v) = f.stated {
        parts.push(format!("stated {v}"));
    }
    if let Some(v) = f.value {
        parts.push(format!("[{:?}, {:?}]", v.min, v.max));
    }
    if let Some(t) = f.time {
        parts.push(format!("{}..{}", t.start, t.end));
    }
    if let Some(c) = &f.clock {
        parts.push(format!("clock {c}"));
    }
    if let Some(z) = &f.zone {
        parts.push(format!("zone {z}"));
    }
    if let Some(u) = &f.unit {
        parts.push(format!("unit {u}"));
    }
    if let Some(q) = f.qualifier {
        parts.push(format!("q {}", q.as_str()));
    }
    parts.join(" ")
}
