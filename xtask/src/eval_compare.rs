//! `cargo xtask eval-compare [--verbose] [--check] [PREFIX]`: the
//! cross-outlet comparison on the evaluation stories
//! (`crates/core/tests/data/stories/`, format in its README): stories told
//! by three to six outlets, each with hand-made gold quantities (figures of
//! different outlets that measure the same thing, with a verdict on every
//! pair), look-alike figures that must stay apart, and statement clusters.
//!
//! Every story is compared as the app compares it (each article with its
//! `.meta.json`). A figure of ours stands for a gold member when its span
//! overlaps the member's text (or one of its `also` restatements) in the
//! same article. A **predicted link** is a pair of figures of different
//! outlets in one of our quantities; its verdict is the link's, or, for two
//! members the quantity did not judge directly, [`judge_pair`]'s. Per
//! story, then per split:
//!
//! - **link precision**: predicted links whose two figures stand for
//!   members of one gold quantity / predicted links;
//! - **link recall**: gold pairs with at least one predicted link / gold
//!   pairs;
//! - **verdict accuracy**: gold pairs found with the gold's verdict / gold
//!   pairs found;
//! - **planted conflicts found**: planted conflicts found as conflicts;
//! - **false conflicts**: predicted links called conflicts that the gold
//!   does not call conflicts (a wrong link included);
//! - **look-alikes linked**: `distinct` pairs we link (they count in the
//!   precision too);
//! - **statements** (reported, no target yet): the same precision and
//!   recall over pairs of sentences of different outlets, for the gold's
//!   clusters and our fact groups.
//!
//! `--check` fails when the `measure` split (the half not used for tuning)
//! misses a target: precision ≥ 90 %, recall ≥ 80 %, every planted conflict
//! found, at most one false conflict in any story.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use serde_json::Value;
use synoptic_core::compare::quantities::{diagnose, judge_pair};
use synoptic_core::compare::{analyse, compare, statements::GroupKind};
use synoptic_core::compare::{Comparison, FigureRef, Verdict};
use synoptic_core::{Article, Metadata};

use crate::eval_news::locate;

/// Targets of `--check`, on the `measure` split.
const PRECISION: f64 = 90.0;
const RECALL: f64 = 80.0;
const FALSE_CONFLICTS_PER_STORY: usize = 1;

/// Where a gold figure or clause is: article id and byte spans (the first
/// is the member, the others its restatements).
#[derive(Clone)]
struct Place {
    article: String,
    spans: Vec<(usize, usize)>,
    text: String,
}

struct GoldPair {
    a: String,
    b: String,
    verdict: Verdict,
    planted: bool,
}

struct GoldQuantity {
    what: String,
    members: Vec<Place>,
    pairs: Vec<GoldPair>,
}

struct Story {
    id: String,
    split: String,
    articles: Vec<Article>,
    quantities: Vec<GoldQuantity>,
    distinct: Vec<(Place, Place)>,
    statements: Vec<(String, Vec<Place>)>,
}

fn str_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn verdict_of(s: &str) -> Option<Verdict> {
    match s {
        "same" => Some(Verdict::Same),
        "compatible" => Some(Verdict::Compatible),
        "conflict" => Some(Verdict::Conflict),
        _ => None,
    }
}

/// A gold place: `article`, `text`, `n` and (for members) `also`.
fn place(v: &Value, texts: &BTreeMap<String, String>, story: &str) -> Result<Place, String> {
    let article = str_of(v, "article").ok_or(format!("{story}: an entry without article"))?;
    let text = texts
        .get(&article)
        .ok_or(format!("{story}: no article {article:?}"))?;
    let mut spans = Vec::new();
    let mut first = String::new();
    let entries = std::iter::once(v).chain(
        v.get("also")
            .and_then(Value::as_array)
            .into_iter()
            .flatten(),
    );
    for e in entries {
        let t = str_of(e, "text").ok_or(format!("{story}/{article}: an entry without text"))?;
        let n = e.get("n").and_then(Value::as_u64).unwrap_or(1) as usize;
        let span = locate(text, &t, n).ok_or(format!(
            "{story}/{article}: {t:?} (occurrence {n}) not in the text"
        ))?;
        if first.is_empty() {
            first = t;
        }
        spans.push(span);
    }
    Ok(Place {
        article,
        spans,
        text: first,
    })
}

fn load(dir: &Path, prefix: &str) -> Result<Vec<Story>, String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix))
        .collect();
    names.sort();
    let mut stories = Vec::new();
    for id in names {
        let folder = dir.join(&id);
        let mut files: Vec<String> = fs::read_dir(&folder)
            .map_err(|e| format!("{id}: {e}"))?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        files.sort();
        let mut texts = BTreeMap::new();
        let mut articles = Vec::new();
        for f in files {
            let outlet = f.trim_end_matches(".txt").to_string();
            let text = fs::read_to_string(folder.join(&f)).map_err(|e| format!("{id}/{f}: {e}"))?;
            let meta_path = folder.join(format!("{outlet}.meta.json"));
            let meta_text = fs::read_to_string(&meta_path)
                .map_err(|e| format!("{id}/{outlet}.meta.json: {e}"))?;
            let meta = Metadata::from_json(&meta_text)
                .map_err(|e| format!("{id}/{outlet}.meta.json: {e}"))?;
            articles.push(Article::parse(&*outlet, f.clone(), text.clone(), meta));
            texts.insert(outlet, text);
        }
        let gold_text = fs::read_to_string(folder.join("gold.json"))
            .map_err(|e| format!("{id}/gold.json: {e}"))?;
        let g: Value =
            serde_json::from_str(&gold_text).map_err(|e| format!("{id}/gold.json: {e}"))?;
        let mut quantities = Vec::new();
        for q in g["quantities"].as_array().into_iter().flatten() {
            let members = q["members"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|m| place(m, &texts, &id))
                .collect::<Result<Vec<_>, _>>()?;
            let mut pairs = Vec::new();
            for p in q["pairs"].as_array().into_iter().flatten() {
                let verdict = str_of(p, "verdict")
                    .as_deref()
                    .and_then(verdict_of)
                    .ok_or(format!("{id}: a pair without a valid verdict"))?;
                pairs.push(GoldPair {
                    a: str_of(p, "a").unwrap_or_default(),
                    b: str_of(p, "b").unwrap_or_default(),
                    verdict,
                    planted: p.get("planted").and_then(Value::as_bool).unwrap_or(false),
                });
            }
            quantities.push(GoldQuantity {
                what: str_of(q, "what").unwrap_or_default(),
                members,
                pairs,
            });
        }
        let mut distinct = Vec::new();
        for d in g["distinct"].as_array().into_iter().flatten() {
            distinct.push((place(&d["a"], &texts, &id)?, place(&d["b"], &texts, &id)?));
        }
        let mut statements = Vec::new();
        for s in g["statements"].as_array().into_iter().flatten() {
            let members = s["members"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|m| place(m, &texts, &id))
                .collect::<Result<Vec<_>, _>>()?;
            statements.push((str_of(s, "what").unwrap_or_default(), members));
        }
        stories.push(Story {
            split: str_of(&g, "split").unwrap_or_default(),
            id,
            articles,
            quantities,
            distinct,
            statements,
        });
    }
    Ok(stories)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Counts of one story or split.
#[derive(Default, Clone, Copy)]
struct Tally {
    predicted: usize,
    predicted_right: usize,
    gold_pairs: usize,
    found: usize,
    verdict_right: usize,
    planted: usize,
    planted_found: usize,
    false_conflicts: usize,
    distinct: usize,
    distinct_linked: usize,
    st_predicted: usize,
    st_predicted_right: usize,
    st_gold: usize,
    st_found: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.predicted += o.predicted;
        self.predicted_right += o.predicted_right;
        self.gold_pairs += o.gold_pairs;
        self.found += o.found;
        self.verdict_right += o.verdict_right;
        self.planted += o.planted;
        self.planted_found += o.planted_found;
        self.false_conflicts += o.false_conflicts;
        self.distinct += o.distinct;
        self.distinct_linked += o.distinct_linked;
        self.st_predicted += o.st_predicted;
        self.st_predicted_right += o.st_predicted_right;
        self.st_gold += o.st_gold;
        self.st_found += o.st_found;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The gold quantities (index) a figure of ours stands for a member of,
/// with the member's outlet.
fn members_of(story: &Story, c: &Comparison, r: FigureRef) -> Vec<usize> {
    story
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.members.iter().any(|m| stands_for(m, c, r)))
        .map(|(k, _)| k)
        .collect()
}

fn stands_for(p: &Place, c: &Comparison, r: FigureRef) -> bool {
    let Some(f) = c.figure(r) else {
        return false;
    };
    c.articles[r.article].article.id == p.article
        && p.spans.iter().any(|&s| overlaps(s, (f.start, f.end)))
}

/// Every predicted link of a comparison, with its verdict.
fn predicted_links(c: &Comparison) -> Vec<(FigureRef, FigureRef, Verdict, String)> {
    let mut out = Vec::new();
    for q in &c.quantities {
        for (x, &a) in q.figures.iter().enumerate() {
            for &b in &q.figures[x + 1..] {
                if a.article == b.article {
                    continue;
                }
                let (verdict, why) = match q
                    .links
                    .iter()
                    .find(|l| (l.a == a && l.b == b) || (l.a == b && l.b == a))
                {
                    Some(l) => (l.verdict, l.explanation.clone()),
                    None => judge_pair(c, a, b),
                };
                out.push((a, b, verdict, why));
            }
        }
    }
    out
}

fn score(story: &Story, c: &Comparison, verbose: bool) -> Tally {
    // With --verbose, why each missed pair was not linked.
    let analyses: Vec<_> = if verbose {
        story.articles.iter().map(|a| analyse(a, None)).collect()
    } else {
        Vec::new()
    };
    let mut t = Tally::default();
    let links = predicted_links(c);
    let id_of = |r: FigureRef| c.articles[r.article].article.id.as_str();
    let show = |r: FigureRef| {
        let f = c.figure(r).map(|f| f.text.clone()).unwrap_or_default();
        format!("{}:{f:?}", id_of(r))
    };
    // Precision, false conflicts.
    for (a, b, verdict, why) in &links {
        t.predicted += 1;
        let (qa, qb) = (members_of(story, c, *a), members_of(story, c, *b));
        let shared: Vec<usize> = qa.iter().filter(|k| qb.contains(k)).copied().collect();
        let right = !shared.is_empty();
        t.predicted_right += usize::from(right);
        let gold_conflict = shared.iter().any(|&k| {
            story.quantities[k].pairs.iter().any(|p| {
                p.verdict == Verdict::Conflict
                    && ((p.a == id_of(*a) && p.b == id_of(*b))
                        || (p.a == id_of(*b) && p.b == id_of(*a)))
            })
        });
        if *verdict == Verdict::Conflict && !gold_conflict {
            t.false_conflicts += 1;
            if verbose {
                println!("    false conflict: {} ~ {}: {why}", show(*a), show(*b));
            }
        } else if !right && verbose {
            println!(
                "    wrong link ({}): {} ~ {}",
                verdict.as_str(),
                show(*a),
                show(*b)
            );
        }
    }
    // Recall, verdicts, planted conflicts.
    for q in &story.quantities {
        for p in &q.pairs {
            t.gold_pairs += 1;
            t.planted += usize::from(p.planted);
            let (Some(ma), Some(mb)) = (
                q.members.iter().find(|m| m.article == p.a),
                q.members.iter().find(|m| m.article == p.b),
            ) else {
                continue;
            };
            let found_links: Vec<&(FigureRef, FigureRef, Verdict, String)> = links
                .iter()
                .filter(|(a, b, _, _)| {
                    (stands_for(ma, c, *a) && stands_for(mb, c, *b))
                        || (stands_for(ma, c, *b) && stands_for(mb, c, *a))
                })
                .collect();
            let found: Vec<Verdict> = found_links.iter().map(|l| l.2).collect();
            if found.is_empty() {
                if verbose {
                    println!(
                        "    missed ({}{}): {}:{:?} ~ {}:{:?} [{}]",
                        p.verdict.as_str(),
                        if p.planted { ", planted" } else { "" },
                        p.a,
                        ma.text,
                        p.b,
                        mb.text,
                        q.what
                    );
                    let first = |m: &Place| {
                        c.articles.iter().enumerate().find_map(|(ai, x)| {
                            (0..x.figures.len())
                                .map(|fi| FigureRef {
                                    article: ai,
                                    figure: fi,
                                })
                                .find(|&r| {
                                    // The member's own text, not its `also`.
                                    x.article.id == m.article
                                        && c.figure(r).is_some_and(|f| {
                                            m.spans
                                                .first()
                                                .is_some_and(|&s| overlaps(s, (f.start, f.end)))
                                        })
                                })
                        })
                    };
                    match (first(ma), first(mb)) {
                        (Some(x), Some(y)) => println!("      {}", diagnose(&analyses, x, y)),
                        (x, y) => println!(
                            "      not read as figures:{}{}",
                            if x.is_none() { " the first" } else { "" },
                            if y.is_none() { " the second" } else { "" }
                        ),
                    }
                }
                continue;
            }
            t.found += 1;
            // The verdict a reader sees: the worst of the links found.
            let ours = found.iter().copied().max().unwrap_or(Verdict::Compatible);
            if ours == p.verdict {
                t.verdict_right += 1;
            } else if verbose {
                println!(
                    "    verdict {} for {}: {}:{:?} ~ {}:{:?} [{}]",
                    ours.as_str(),
                    p.verdict.as_str(),
                    p.a,
                    ma.text,
                    p.b,
                    mb.text,
                    q.what
                );
                if let Some(l) = found_links.iter().find(|l| l.2 == ours) {
                    println!("      {}", l.3);
                }
            }
            if p.planted && ours == Verdict::Conflict {
                t.planted_found += 1;
            }
        }
    }
    // Look-alikes.
    for (x, y) in &story.distinct {
        t.distinct += 1;
        let linked = links.iter().any(|(a, b, _, _)| {
            (stands_for(x, c, *a) && stands_for(y, c, *b))
                || (stands_for(x, c, *b) && stands_for(y, c, *a))
        });
        if linked {
            t.distinct_linked += 1;
            if verbose {
                println!(
                    "    look-alikes linked: {}:{:?} ~ {}:{:?}",
                    x.article, x.text, y.article, y.text
                );
            }
        }
    }
    // Statements: pairs of sentences of different outlets.
    let al = &c.statements;
    let sentence_places: Vec<(String, (usize, usize))> = al
        .sentences
        .iter()
        .map(|s| (c.articles[s.article].article.id.clone(), (s.start, s.end)))
        .collect();
    let cluster_of = |k: usize| -> BTreeSet<usize> {
        let (art, span) = &sentence_places[k];
        story
            .statements
            .iter()
            .enumerate()
            .filter(|(_, (_, ms))| {
                ms.iter()
                    .any(|m| &m.article == art && m.spans.iter().any(|&s| overlaps(s, *span)))
            })
            .map(|(i, _)| i)
            .collect()
    };
    let mut found_pairs: BTreeSet<(usize, String, String)> = BTreeSet::new();
    for g in al.groups.iter().filter(|g| g.kind == GroupKind::Fact) {
        for (x, a) in g.members.iter().enumerate() {
            for b in &g.members[x + 1..] {
                if a.article == b.article {
                    continue;
                }
                t.st_predicted += 1;
                let (ca, cb) = (cluster_of(a.sentence), cluster_of(b.sentence));
                let shared: Vec<usize> = ca.intersection(&cb).copied().collect();
                if !shared.is_empty() {
                    t.st_predicted_right += 1;
                }
                for k in shared {
                    let (pa, pb) = (
                        sentence_places[a.sentence].0.clone(),
                        sentence_places[b.sentence].0.clone(),
                    );
                    found_pairs.insert((k, pa.clone().min(pb.clone()), pa.max(pb)));
                }
            }
        }
    }
    for (k, (_, ms)) in story.statements.iter().enumerate() {
        let outlets: BTreeSet<&str> = ms.iter().map(|m| m.article.as_str()).collect();
        let outlets: Vec<&str> = outlets.into_iter().collect();
        for (x, a) in outlets.iter().enumerate() {
            for b in &outlets[x + 1..] {
                t.st_gold += 1;
                let key = (
                    k,
                    a.to_string().min(b.to_string()),
                    a.to_string().max(b.to_string()),
                );
                t.st_found += usize::from(found_pairs.contains(&key));
            }
        }
    }
    t
}

fn row(name: &str, t: &Tally) -> String {
    format!(
        "{name:<34} {:>5.1}% ({:>3}/{:<3}) {:>5.1}% ({:>3}/{:<3}) {:>5.1}% {:>3}/{:<3} {:>4} {:>3}/{:<3} {:>5.1}% {:>5.1}%",
        pct(t.predicted_right, t.predicted),
        t.predicted_right,
        t.predicted,
        pct(t.found, t.gold_pairs),
        t.found,
        t.gold_pairs,
        pct(t.verdict_right, t.found),
        t.planted_found,
        t.planted,
        t.false_conflicts,
        t.distinct_linked,
        t.distinct,
        pct(t.st_predicted_right, t.st_predicted),
        pct(t.st_found, t.st_gold),
    )
}

pub fn run(root: &Path, verbose: bool, check: bool, prefix: &str) -> Result<(), String> {
    let dir = root.join("crates/core/tests/data/stories");
    let stories = load(&dir, prefix)?;
    if stories.is_empty() {
        return Err(format!("no stories in {}", dir.display()));
    }
    println!(
        "{:<34} {:>17} {:>17} {:>6} {:>7} {:>4} {:>7} {:>6} {:>6}",
        "story",
        "link precision",
        "link recall",
        "verdict",
        "planted",
        "f.c.",
        "look-al",
        "st.P",
        "st.R"
    );
    let mut splits: BTreeMap<String, (Tally, usize)> = BTreeMap::new();
    for s in &stories {
        let c = compare(&s.articles, None);
        if verbose {
            println!("{}", s.id);
        }
        let t = score(s, &c, verbose);
        println!("{}", row(&format!("{} [{}]", s.id, s.split), &t));
        let e = splits.entry(s.split.clone()).or_default();
        e.0.add(&t);
        e.1 = e.1.max(t.false_conflicts);
    }
    println!();
    for (split, (t, worst)) in &splits {
        println!("{}", row(&format!("all {split}"), t));
        println!("{:<34} most false conflicts in one story: {worst}", "");
    }
    println!(
        "\ncolumns: link precision and recall over cross-outlet pairs of figures; verdict accuracy \
         of the gold pairs found; planted conflicts found as conflicts; false conflicts; \
         look-alike pairs linked; statement-pair precision and recall (no target yet)"
    );
    println!(
        "targets on the measure split: precision ≥ {PRECISION}%, recall ≥ {RECALL}%, every planted \
         conflict found, at most {FALSE_CONFLICTS_PER_STORY} false conflict in a story"
    );
    if !check {
        return Ok(());
    }
    let Some((t, worst)) = splits.get("measure") else {
        return Err("no story of the measure split".into());
    };
    let mut missed = Vec::new();
    if pct(t.predicted_right, t.predicted) < PRECISION {
        missed.push(format!(
            "precision {:.1}%",
            pct(t.predicted_right, t.predicted)
        ));
    }
    if pct(t.found, t.gold_pairs) < RECALL {
        missed.push(format!("recall {:.1}%", pct(t.found, t.gold_pairs)));
    }
    if t.planted_found < t.planted {
        missed.push(format!(
            "planted conflicts {}/{}",
            t.planted_found, t.planted
        ));
    }
    if *worst > FALSE_CONFLICTS_PER_STORY {
        missed.push(format!("{worst} false conflicts in one story"));
    }
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "eval-compare under its targets: {}",
            missed.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_story_loads_and_scores_within_its_gold() {
        let stories = load(&crate::root().join("crates/core/tests/data/stories"), "").unwrap();
        assert!(stories.len() >= 12, "{} stories", stories.len());
        for s in &stories {
            assert!(
                s.split == "tune" || s.split == "measure",
                "{}: {}",
                s.id,
                s.split
            );
            let t = score(s, &compare(&s.articles, None), false);
            assert!(t.gold_pairs > 0, "{} has no gold pairs", s.id);
            assert!(
                t.predicted_right <= t.predicted && t.found <= t.gold_pairs,
                "{}",
                s.id
            );
            assert!(
                t.planted_found <= t.planted && t.verdict_right <= t.found,
                "{}",
                s.id
            );
        }
    }
}
