//! Aligning statements: sentences of different outlets that state the same
//! fact, and the framing each outlet gives the story.
//!
//! Every sentence of every story (headline, headings, paragraphs; never
//! chrome) becomes a set of terms ([`crate::lexicon`]: stems, entities
//! through their aliases, synonyms through their concept). Similarity is the
//! cosine of IDF-weighted term sets, plus a bonus when two sentences carry
//! figures of the same [`super::quantities::Quantity`]. Candidates come from
//! an inverted index of the rarer terms only, so a sentence is compared with
//! the few that share something specific with it, never with all.
//!
//! A group's verdict: `conflict` when its members negate what another
//! asserts or frame the relationship in opposite ways, `same` when the
//! wording is nearly identical (a word-level diff is attached), otherwise
//! `compatible`; a sentence no other outlet matches is `only_here`. Each
//! member says whether it is hedged (conditional mood, unnamed sources,
//! leaks: `data/hedges.txt`) and whom it cites.
//!
//! Framing groups gather, for each frame of `data/framing.txt`, the
//! sentences that assert or deny it (`un'alleanza` vs `non alleanza`).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::explain::{english, Part};
use super::quantities::Quantity;
use super::{FigureRef, Verdict};
use crate::analysis::Analysis;
use crate::lexicon::{lexicons, Term};
use crate::text::collapse_whitespace;
use crate::token::TokKind;

/// One sentence of a story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    /// Index of the article.
    pub article: usize,
    /// Byte offset in the article's text.
    pub start: usize,
    /// Byte offset past the end.
    pub end: usize,
    /// The words, whitespace collapsed.
    pub text: String,
    /// A headline or heading rather than running text.
    pub heading: bool,
    /// The hedge it contains (`avrebbe`, `secondo diverse fonti`), if any.
    pub hedge: Option<String>,
    /// Whom it cites.
    pub source: Option<String>,
    /// Frames it asserts (+1) or denies (-1), with the words that do.
    pub frames: Vec<(String, i8, String)>,
    #[serde(skip)]
    terms: Vec<Term>,
    #[serde(skip)]
    negated: BTreeSet<Term>,
    #[serde(skip)]
    figures: Vec<usize>,
    #[serde(skip)]
    words: Vec<crate::lexicon::Name>,
}

/// What a group is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Sentences stating the same fact.
    Fact,
    /// Sentences framing the same relationship.
    Framing,
}

/// A member of a group.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Member {
    /// Index into [`Alignment::sentences`].
    pub sentence: usize,
    /// Index of the article.
    pub article: usize,
    /// For framing groups: +1 asserts the frame, -1 denies it.
    pub polarity: Option<i8>,
    /// For framing groups: the words that frame.
    pub framing_words: Option<String>,
}

/// A word-level difference between two near-identical members.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WordDiff {
    /// First member (index into the group's members).
    pub a: usize,
    /// Second member.
    pub b: usize,
    /// `equal`, `delete` (only in a), `insert` (only in b), with the words.
    pub ops: Vec<(String, String)>,
}

/// Sentences of different outlets that state the same fact or frame the
/// same relationship (or one sentence no one else has).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementGroup {
    /// Identifier (`s4`).
    pub id: String,
    /// Fact or framing.
    pub kind: GroupKind,
    /// What the group is about (its most specific shared terms, or the frame).
    pub topic: String,
    /// The sentences.
    pub members: Vec<Member>,
    /// The articles that have a member, in order. The others are silent
    /// (omission is information too): [`StatementGroup::silent`] lists
    /// them; a group does not store them, so that its size grows with its
    /// members, not with the story.
    pub outlets: Vec<usize>,
    /// The group's verdict.
    pub verdict: Verdict,
    /// Why, in English.
    pub explanation: String,
    /// The same, part by part.
    pub parts: Vec<Part>,
    /// Word-level differences, for near-identical wording.
    pub diff: Option<WordDiff>,
}

impl StatementGroup {
    /// The articles (of `n` in the story) that have no member.
    pub fn silent(&self, n: usize) -> impl Iterator<Item = usize> + '_ {
        (0..n).filter(|a| self.outlets.binary_search(a).is_err())
    }
}

/// All sentences and their groups.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Alignment {
    /// Every story sentence, in article and text order.
    pub sentences: Vec<Sentence>,
    /// Fact groups (every sentence is in exactly one), then framing groups.
    pub groups: Vec<StatementGroup>,
}

/// Minimum similarity for two sentences to state the same fact (they must
/// also share two terms, one of them an entity, a concept or a quantity, or
/// at least four terms).
const THRESHOLD: f64 = 0.24;
/// Longest posting list used to find candidates.
const MAX_POSTINGS: usize = 200;
/// How many of a sentence's rarest terms bring candidates.
const RARE_TERMS: usize = 6;
/// Matches kept per sentence (its best in as many other articles).
const MATCHES_PER_SENTENCE: usize = 12;
/// Members compared pairwise for a group's verdict (the first of each group).
const SAMPLE: usize = 24;
/// Bonus when two sentences carry figures of the same quantity.
const FIGURE_BONUS: f64 = 0.3;

/// The story sentences of every analysed article, as the alignment
/// compares them: everything is read from the analyses (terms, negations,
/// hedges, frames and sources were computed once there).
fn sentences_of(articles: &[Analysis]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let text = &a.article.text;
        for s in a.sentences.iter().filter(|s| s.story) {
            let toks = &a.tokens[s.tokens.clone()];
            if !toks.iter().any(|t| t.kind == TokKind::Word) {
                continue;
            }
            let figures = s
                .figures
                .clone()
                .filter(|&i| !a.figures[i].boilerplate)
                .collect();
            let words = toks
                .iter()
                .filter(|t| t.kind != TokKind::Punct)
                .map(|t| t.norm.clone())
                .collect();
            out.push(Sentence {
                article: ai,
                start: s.start,
                end: s.end,
                text: collapse_whitespace(&text[s.start..s.end]),
                heading: s.heading,
                hedge: s.terms.hedge.clone(),
                source: s.source.clone(),
                frames: s.terms.frames.clone(),
                terms: s.terms.terms.iter().map(|(_, t)| t.clone()).collect(),
                negated: s.terms.negated.clone(),
                figures,
                words,
            });
        }
    }
    out
}

struct Idf {
    weight: HashMap<Term, f64>,
}

impl Idf {
    fn new(table: &HashMap<Term, u32>, df: &[usize], n: usize) -> Idf {
        let n = n.max(1) as f64;
        let weight = table
            .iter()
            .map(|(t, &i)| {
                let boost = match t {
                    Term::Concept(_) => 1.3,
                    _ => 1.0,
                };
                (
                    t.clone(),
                    boost * (1.0 + (n / df[i as usize].max(1) as f64).ln()),
                )
            })
            .collect();
        Idf { weight }
    }

    fn w(&self, t: &Term) -> f64 {
        self.weight.get(t).copied().unwrap_or(1.0)
    }
}

/// The distinct words of a sentence, sorted (for [`word_jaccard`]).
fn word_set(s: &Sentence) -> Vec<&str> {
    let mut w: Vec<&str> = s.words.iter().map(|w| w.as_str()).collect();
    w.sort_unstable();
    w.dedup();
    w
}

/// Jaccard similarity of two sorted word sets, by one merge.
fn word_jaccard(x: &[&str], y: &[&str]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = x.len() + y.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Records `(article, sentence, score)` as a match of a sentence if it is
/// its best in that article and among its best overall.
fn offer(list: &mut Vec<(usize, usize, f64)>, article: usize, sentence: usize, score: f64) {
    if let Some(e) = list.iter_mut().find(|e| e.0 == article) {
        if score > e.2 {
            *e = (article, sentence, score);
        }
        return;
    }
    if list.len() < MATCHES_PER_SENTENCE {
        list.push((article, sentence, score));
        return;
    }
    if let Some((k, _)) = list
        .iter()
        .enumerate()
        .min_by(|a, b| a.1 .2.total_cmp(&b.1 .2))
        .filter(|(_, e)| e.2 < score)
    {
        list[k] = (article, sentence, score);
    }
}

/// Union-find over sentences.
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Aligns the sentences of the articles.
pub fn align(articles: &[Analysis], quantities: &[Quantity]) -> Alignment {
    let sentences = sentences_of(articles);
    let n = sentences.len();
    // Terms interned as numbers; each sentence a sorted set of them.
    let mut table: HashMap<Term, u32> = HashMap::default();
    let mut named: Vec<bool> = Vec::new();
    let ids: Vec<Vec<u32>> = sentences
        .iter()
        .map(|s| {
            let mut v: Vec<u32> = s
                .terms
                .iter()
                .map(|t| {
                    let next = table.len() as u32;
                    *table.entry(t.clone()).or_insert_with(|| {
                        named.push(matches!(t, Term::Entity(_) | Term::Concept(_)));
                        next
                    })
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut df = vec![0usize; table.len()];
    for v in &ids {
        for &t in v {
            df[t as usize] += 1;
        }
    }
    let idf = Idf::new(&table, &df, n);
    let weight: Vec<f64> = {
        let mut w = vec![0.0; table.len()];
        for (t, &i) in &table {
            w[i as usize] = idf.w(t);
        }
        w
    };
    let norms: Vec<f64> = ids
        .iter()
        .map(|v| {
            v.iter()
                .map(|&t| weight[t as usize].powi(2))
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    // Quantity of each (article, figure), for the shared-figure bonus.
    let mut quantity_of: HashMap<(usize, usize), usize> = HashMap::default();
    for (qi, q) in quantities.iter().enumerate() {
        if q.verdict != Verdict::OnlyHere {
            for f in &q.figures {
                quantity_of.insert((f.article, f.figure), qi);
            }
        }
    }
    let sentence_quantities: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| {
            let mut v: Vec<usize> = s
                .figures
                .iter()
                .filter_map(|f| quantity_of.get(&(s.article, *f)).copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    // Inverted index of the rarer terms: a term in more than a fifth of the
    // sentences (or in more than MAX_POSTINGS) finds no candidates.
    let cap = (n / 5).clamp(12, MAX_POSTINGS);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); table.len()];
    for (i, v) in ids.iter().enumerate() {
        for &t in v {
            if df[t as usize] <= cap {
                postings[t as usize].push(i as u32);
            }
        }
    }
    // Per sentence, its best match in each other article, at most
    // MATCHES_PER_SENTENCE of them (the highest scores).
    let mut quantity_sentences: Vec<Vec<u32>> = vec![Vec::new(); quantities.len()];
    for (i, qs) in sentence_quantities.iter().enumerate() {
        for &q in qs {
            if quantity_sentences[q].len() < MAX_POSTINGS {
                quantity_sentences[q].push(i as u32);
            }
        }
    }
    let mut best: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); n]; // (article, sentence, score)
    let mut candidates: Vec<u32> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        // The sentence's rarest indexed terms bring its candidates.
        let mut rare: Vec<u32> = ids[i]
            .iter()
            .copied()
            .filter(|&t| df[t as usize] <= cap)
            .collect();
        rare.sort_by_key(|&t| (df[t as usize], t));
        candidates.clear();
        for &t in rare.iter().take(RARE_TERMS) {
            candidates.extend(
                postings[t as usize]
                    .iter()
                    .copied()
                    .filter(|&j| j as usize > i && sentences[j as usize].article != s.article),
            );
        }
        // Sentences that carry a figure of the same quantity are candidates
        // whatever their words.
        for q in &sentence_quantities[i] {
            candidates.extend(
                quantity_sentences[*q]
                    .iter()
                    .copied()
                    .filter(|&j| j as usize > i && sentences[j as usize].article != s.article),
            );
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            let j = j as usize;
            // Shared terms: merge of two sorted sets.
            let (a, b) = (&ids[i], &ids[j]);
            let (mut x, mut y) = (0, 0);
            let (mut shared, mut dot, mut any_named) = (0usize, 0.0f64, false);
            while x < a.len() && y < b.len() {
                match a[x].cmp(&b[y]) {
                    std::cmp::Ordering::Less => x += 1,
                    std::cmp::Ordering::Greater => y += 1,
                    std::cmp::Ordering::Equal => {
                        let t = a[x] as usize;
                        shared += 1;
                        dot += weight[t].powi(2);
                        any_named |= named[t];
                        x += 1;
                        y += 1;
                    }
                }
            }
            let same_quantity = sentence_quantities[i]
                .iter()
                .any(|q| sentence_quantities[j].binary_search(q).is_ok());
            if shared < 2 || !(any_named || same_quantity || shared >= 4) {
                continue;
            }
            let mut score = dot / (norms[i] * norms[j]).max(1e-9);
            if same_quantity {
                score += FIGURE_BONUS;
            }
            if score < THRESHOLD {
                continue;
            }
            for (x, y) in [(i, j), (j, i)] {
                offer(&mut best[x], sentences[y].article, y, score);
            }
        }
    }
    // Groups from the best matches, strongest first; two groups merge only
    // when no outlet is in both, so no chain pools sentences that do not
    // share the fact (a group holds one sentence of each outlet at most).
    let mut edges: Vec<(f64, usize, usize)> = best
        .iter()
        .enumerate()
        .flat_map(|(x, m)| {
            m.iter()
                .map(move |&(_, y, score)| (score, x.min(y), x.max(y)))
        })
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    edges.dedup_by(|a, b| (a.1, a.2) == (b.1, b.2));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut outlets: Vec<Vec<usize>> = sentences.iter().map(|s| vec![s.article]).collect();
    for (_, x, y) in edges {
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        if rx == ry
            || outlets[rx]
                .iter()
                .any(|o| outlets[ry].binary_search(o).is_ok())
        {
            continue;
        }
        let (root, other) = (rx.min(ry), rx.max(ry));
        parent[other] = root;
        let mut merged = std::mem::take(&mut outlets[other]);
        merged.extend_from_slice(&outlets[root]);
        merged.sort_unstable();
        outlets[root] = merged;
    }
    let mut groups_of: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups_of.entry(r).or_default().push(i);
    }
    let mut ordered: Vec<Vec<usize>> = groups_of.into_values().collect();
    ordered.sort_by_key(|g| g[0]);
    let mut groups: Vec<StatementGroup> = ordered
        .into_iter()
        .map(|g| {
            let mut group = fact_group(&sentences, &g, &idf, articles);
            if let Some(t) =
                quantity_topic(&g, &sentences, &sentence_quantities, quantities, articles)
            {
                for p in &mut group.parts {
                    if let Part::SameFact { topic } = p {
                        topic.clone_from(&t);
                    }
                }
                group.explanation = english(&group.parts);
                group.topic = t;
            }
            figures_speak(
                &mut group,
                &g,
                &sentences,
                &sentence_quantities,
                quantities,
                articles,
            );
            group
        })
        .collect();
    groups.extend(framing_groups(&sentences, articles));
    for (k, g) in groups.iter_mut().enumerate() {
        g.id = format!("s{}", k + 1);
    }
    Alignment { sentences, groups }
}

/// A group's figures have their say in its verdict: two members of
/// different outlets whose figures are linked as a conflict make the group
/// a conflict (the figures named, once per pair of outlets: near-identical
/// wording around `2 milioni` and `3 milioni` is not the same statement),
/// and near-identical wording around figures that agree only within
/// rounding or qualifiers is compatible, not the same. Only the links of
/// the members' own quantities are read.
fn figures_speak(
    group: &mut StatementGroup,
    members: &[usize],
    sentences: &[Sentence],
    sentence_quantities: &[Vec<usize>],
    quantities: &[Quantity],
    articles: &[Analysis],
) {
    if !matches!(group.verdict, Verdict::Same | Verdict::Compatible) {
        return;
    }
    let member_of = |r: FigureRef| {
        members
            .iter()
            .any(|&i| sentences[i].article == r.article && sentences[i].figures.contains(&r.figure))
    };
    let mut shared: Vec<usize> = members
        .iter()
        .flat_map(|&i| sentence_quantities[i].iter().copied())
        .collect();
    shared.sort_unstable();
    shared.dedup();
    let text = |r: FigureRef| {
        articles
            .get(r.article)
            .and_then(|a| a.figures.get(r.figure))
            .map_or_else(String::new, |f| f.text.clone())
    };
    let mut conflicts: Vec<Part> = Vec::new();
    let mut merely_compatible = false;
    for q in shared.iter().filter_map(|&q| quantities.get(q)) {
        for l in &q.links {
            if l.a.article == l.b.article || !member_of(l.a) || !member_of(l.b) {
                continue;
            }
            match l.verdict {
                Verdict::Conflict => {
                    let (name_a, name_b) =
                        (name(articles, l.a.article), name(articles, l.b.article));
                    let named = conflicts.iter().any(|c| {
                        matches!(c, Part::Disjoint { name_a: x, name_b: y, .. }
                            if (*x == name_a && *y == name_b) || (*x == name_b && *y == name_a))
                    });
                    if !named {
                        conflicts.push(Part::Disjoint {
                            a: text(l.a),
                            b: text(l.b),
                            name_a,
                            name_b,
                        });
                    }
                }
                Verdict::Compatible => merely_compatible = true,
                _ => {}
            }
        }
    }
    if !conflicts.is_empty() {
        group.verdict = Verdict::Conflict;
        group.parts.extend(conflicts);
    } else if merely_compatible && group.verdict == Verdict::Same {
        group.verdict = Verdict::Compatible;
    } else {
        return;
    }
    group.explanation = english(&group.parts);
}

/// A group's topic as the text says it, when its members of different
/// outlets share a linked quantity: what that quantity measures and when
/// (`commercio bilaterale nel 2025`).
fn quantity_topic(
    members: &[usize],
    sentences: &[Sentence],
    sentence_quantities: &[Vec<usize>],
    quantities: &[Quantity],
    articles: &[Analysis],
) -> Option<String> {
    let mut seen: Vec<(usize, usize)> = Vec::new(); // (quantity, outlet)
    for &i in members {
        for &q in &sentence_quantities[i] {
            seen.push((q, sentences[i].article));
        }
    }
    seen.sort_unstable();
    seen.dedup();
    let shared = seen.windows(2).find(|w| w[0].0 == w[1].0).map(|w| w[0].0)?;
    let r = quantities.get(shared)?.figures.first()?;
    let f = articles.get(r.article)?.figures.get(r.figure)?;
    if f.kind.is_time() {
        return None;
    }
    let what = collapse_whitespace(f.subject.as_deref()?);
    Some(match &f.time_ref {
        Some(t) => format!("{what} {}", collapse_whitespace(&t.text)),
        None => what,
    })
}

fn name(articles: &[Analysis], i: usize) -> String {
    articles[i].article.id.clone()
}

fn fact_group(
    sentences: &[Sentence],
    members: &[usize],
    idf: &Idf,
    articles: &[Analysis],
) -> StatementGroup {
    let outlets: BTreeSet<usize> = members.iter().map(|&i| sentences[i].article).collect();
    // Topic: the most specific terms the members share (or the first's).
    let mut counts: HashMap<&Term, BTreeSet<usize>> = HashMap::default();
    for &i in members {
        for t in &sentences[i].terms {
            counts.entry(t).or_default().insert(sentences[i].article);
        }
    }
    let mut shared: Vec<(&Term, f64)> = counts
        .iter()
        .filter(|(_, arts)| arts.len() >= outlets.len().min(2))
        .map(|(t, _)| (*t, idf.w(t)))
        .collect();
    shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let topic = shared
        .iter()
        .take(3)
        .map(|(t, _)| surface(t, members.iter().map(|&i| &sentences[i])))
        .collect::<Vec<_>>()
        .join(" · ");
    let member_list: Vec<Member> = members
        .iter()
        .map(|&i| Member {
            sentence: i,
            article: sentences[i].article,
            polarity: None,
            framing_words: None,
        })
        .collect();
    if outlets.len() < 2 {
        return StatementGroup {
            id: String::new(),
            kind: GroupKind::Fact,
            topic,
            members: member_list,
            outlets: outlets.into_iter().collect(),
            verdict: Verdict::OnlyHere,
            explanation: format!(
                "only {} says this",
                name(articles, sentences[members[0]].article)
            ),
            parts: vec![Part::OnlyHere {
                outlet: name(articles, sentences[members[0]].article),
            }],
            diff: None,
        };
    }
    // Conflict: a shared term negated by one member and asserted by another;
    // every such pair of outlets is named (once), so that a view of some of
    // the outlets can tell whether the conflict is among them.
    let sample = &members[..members.len().min(SAMPLE)];
    let mut conflicts: Vec<Part> = Vec::new();
    for &i in sample {
        for &j in sample {
            let (a, b) = (&sentences[i], &sentences[j]);
            if a.article == b.article {
                continue;
            }
            let (who, other) = (name(articles, a.article), name(articles, b.article));
            if conflicts.iter().any(
                |c| matches!(c, Part::Negates { who: w, other: o, .. } if *w == who && *o == other),
            ) {
                continue;
            }
            if let Some(t) = a
                .negated
                .iter()
                .find(|t| b.terms.contains(t) && !b.negated.contains(t))
            {
                conflicts.push(Part::Negates {
                    who,
                    term: t.name().to_string(),
                    other,
                });
            }
        }
    }
    let mut best_pair = (0usize, 0usize, 0.0f64);
    let sets: Vec<Vec<&str>> = sample.iter().map(|&i| word_set(&sentences[i])).collect();
    for (x, &i) in sample.iter().enumerate() {
        for (y, &j) in sample.iter().enumerate().skip(x + 1) {
            if sentences[i].article != sentences[j].article {
                let jac = word_jaccard(&sets[x], &sets[y]);
                if jac > best_pair.2 {
                    best_pair = (x, y, jac);
                }
            }
        }
    }
    let diff = (best_pair.2 >= 0.5).then(|| {
        let (a, b) = (
            &sentences[members[best_pair.0]],
            &sentences[members[best_pair.1]],
        );
        WordDiff {
            a: best_pair.0,
            b: best_pair.1,
            ops: word_diff(&a.text, &b.text),
        }
    });
    let mut parts = Vec::new();
    let verdict = if !conflicts.is_empty() {
        parts.extend(conflicts);
        Verdict::Conflict
    } else if best_pair.2 >= 0.8 {
        parts.push(Part::NearIdentical);
        Verdict::Same
    } else {
        parts.push(Part::SameFact {
            topic: topic.clone(),
        });
        Verdict::Compatible
    };
    for &i in members {
        if let Some(h) = &sentences[i].hedge {
            parts.push(Part::Hedges {
                outlet: name(articles, sentences[i].article),
                hedge: h.clone(),
            });
        }
    }
    let sources: BTreeSet<(String, String)> = members
        .iter()
        .filter_map(|&i| {
            sentences[i]
                .source
                .as_ref()
                .map(|s| (name(articles, sentences[i].article), s.clone()))
        })
        .collect();
    parts.extend(
        sources
            .into_iter()
            .map(|(outlet, source)| Part::Cites { outlet, source }),
    );
    StatementGroup {
        id: String::new(),
        kind: GroupKind::Fact,
        topic,
        members: member_list,
        outlets: outlets.into_iter().collect(),
        verdict,
        explanation: english(&parts),
        parts,
        diff,
    }
}

/// How a term is written in the sentences: stems become the first word
/// that has them (`dat` → `dati`).
fn surface<'a>(t: &Term, mut sentences: impl Iterator<Item = &'a Sentence>) -> String {
    match t {
        Term::Stem(stem) => {
            let lex = lexicons();
            sentences
                .find_map(|s| {
                    let w = s.words.iter().find(|w| lex.stem(w) == *stem)?;
                    // As the text writes it (`solidità`, not the folded
                    // `solidita`).
                    let toks = crate::token::tokenize(&s.text, 0);
                    let t = toks.iter().find(|t| t.norm == *w)?;
                    Some(s.text.get(t.start..t.end).unwrap_or(w).to_lowercase())
                })
                .unwrap_or_else(|| stem.to_string())
        }
        other => other.name().to_string(),
    }
}

/// The largest table (words of one text × words of the other) the word
/// diff fills; beyond it the middle of two long sentences, between what
/// they start and end with alike, is one replacement.
const DIFF_CELLS: usize = 200_000;

/// Word-level diff of two texts: runs of `equal`, `delete` (words of `a`
/// only) and `insert` (words of `b` only), in order, from a longest common
/// subsequence of their words. The common start and end are taken first;
/// the rest is one table, bounded by [`DIFF_CELLS`].
pub fn word_diff(a: &str, b: &str) -> Vec<(String, String)> {
    let wa: Vec<&str> = a.split_whitespace().collect();
    let wb: Vec<&str> = b.split_whitespace().collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |op: &str, word: &str| match out.last_mut() {
        Some((o, t)) if o == op => {
            t.push(' ');
            t.push_str(word);
        }
        _ => out.push((op.to_string(), word.to_string())),
    };
    let head = wa.iter().zip(&wb).take_while(|(x, y)| x == y).count();
    let tail = wa[head..]
        .iter()
        .rev()
        .zip(wb[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&wa[head..wa.len() - tail], &wb[head..wb.len() - tail]);
    for w in &wa[..head] {
        push("equal", w);
    }
    let (n, m) = (ma.len(), mb.len());
    if n.saturating_mul(m) > DIFF_CELLS {
        for w in ma {
            push("delete", w);
        }
        for w in mb {
            push("insert", w);
        }
    } else {
        // lcs[i][j]: longest common subsequence of ma[i..] and mb[j..].
        let width = m + 1;
        let mut lcs = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * width + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        // Deletions before insertions where both would do, as a reader
        // expects "old words, then new words".
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                push("equal", ma[i]);
                i += 1;
                j += 1;
            } else if i < n && (j == m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
                push("delete", ma[i]);
                i += 1;
            } else {
                push("insert", mb[j]);
                j += 1;
            }
        }
    }
    for w in &wa[wa.len() - tail..] {
        push("equal", w);
    }
    out
}

fn framing_groups(sentences: &[Sentence], articles: &[Analysis]) -> Vec<StatementGroup> {
    let mut out = Vec::new();
    for frame in &lexicons().frames {
        let members: Vec<Member> = sentences
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                s.frames
                    .iter()
                    .find(|(f, _, _)| *f == frame.name)
                    .map(|(_, p, w)| Member {
                        sentence: i,
                        article: s.article,
                        polarity: Some(*p),
                        framing_words: Some(w.clone()),
                    })
            })
            .collect();
        let outlets: BTreeSet<usize> = members.iter().map(|m| m.article).collect();
        if outlets.len() < 2 {
            continue;
        }
        let pos: BTreeSet<usize> = members
            .iter()
            .filter(|m| m.polarity == Some(1))
            .map(|m| m.article)
            .collect();
        let neg: BTreeSet<usize> = members
            .iter()
            .filter(|m| m.polarity == Some(-1))
            .map(|m| m.article)
            .collect();
        let opposed = !pos.is_empty() && !neg.is_empty() && pos != neg;
        let ids =
            |set: &BTreeSet<usize>| set.iter().map(|&i| name(articles, i)).collect::<Vec<_>>();
        let words_of = |p: i8| {
            members
                .iter()
                .filter(|m| m.polarity == Some(p))
                .filter_map(|m| m.framing_words.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        };
        let (verdict, parts) = if opposed {
            (
                Verdict::Conflict,
                vec![Part::FramingOpposed {
                    frame: frame.name.clone(),
                    asserting: ids(&pos),
                    assert_words: words_of(1),
                    denying: ids(&neg),
                    deny_words: words_of(-1),
                }],
            )
        } else {
            (
                Verdict::Compatible,
                vec![Part::FramingAligned {
                    frame: frame.name.clone(),
                    outlets: ids(&outlets),
                }],
            )
        };
        let explanation = english(&parts);
        out.push(StatementGroup {
            id: String::new(),
            kind: GroupKind::Framing,
            topic: format!("framing: {}", frame.name),
            members,
            outlets: outlets.into_iter().collect(),
            verdict,
            explanation,
            parts,
            diff: None,
        });
    }
    out
}
