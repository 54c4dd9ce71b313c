//! Linking figures of different outlets that measure the same quantity, and
//! the verdict on each link.
//!
//! A figure's **key** is its class (amount in a currency, percentage, count
//! of a noun, fraction, multiplier, ordinal, event date) and the concept its
//! subject names (`commercio bilaterale`, `interscambio` and `scambi
//! commerciali` are all `commercio`; `si sono incontrati` and `incontri` are
//! `incontri`). Figures are indexed by key, so only figures that could
//! measure the same thing are ever compared. Two of them are linked when
//! their time references do not exclude each other and the entities their
//! subjects name do not differ (Xi's visits to Russia are not Putin's visits
//! to China). Dates and times are linked when they date the same event:
//! their sentences name the same event concept and share an entity, and both
//! resolve to a day or a few.
//!
//! A link's verdict comes from the intervals and the context:
//! `same` (same value, qualifier, period and source), `compatible`
//! (overlapping; the explanation says what differs: precision, qualifier,
//! period, cited source) or `conflict` (disjoint values, or one event given
//! different days). A quantity's verdict is the worst of its links; a figure
//! no other outlet links to is `only_here`.

use std::collections::BTreeSet;
use std::rc::Rc;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::explain::{english, Part};
use super::{FigureRef, Verdict};
use crate::analysis::Analysis;
use crate::date::DayRange;
use crate::figures::{Figure, FigureKind, Interval, Qualifier};
use crate::lexicon::{lexicons, Term};
use crate::text::collapse_whitespace;

/// A link between two figures of different outlets.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Link {
    /// One figure.
    pub a: FigureRef,
    /// The other.
    pub b: FigureRef,
    /// Their verdict.
    pub verdict: Verdict,
    /// What agrees and what differs, in English.
    pub explanation: String,
    /// The same, part by part, for other languages.
    pub parts: Vec<Part>,
}

/// Figures of different outlets that measure the same quantity (or one
/// figure no one else reports).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Quantity {
    /// Identifier (`q3`).
    pub id: String,
    /// What is measured, for people (`commercio, USD, 2025`).
    pub label: String,
    /// The figures, in article order.
    pub figures: Vec<FigureRef>,
    /// The pairwise links between outlets.
    pub links: Vec<Link>,
    /// The quantity's verdict: the worst of its links.
    pub verdict: Verdict,
    /// Summary of the links, in English.
    pub explanation: String,
    /// The same, part by part.
    pub parts: Vec<Part>,
}

/// What a figure measures, for linking.
#[derive(Debug, Clone)]
struct Key {
    class: String,
    /// Concept of the subject's head word (index key).
    head: Option<Term>,
    /// Entities the subject (or, for dates, the sentence) names.
    entities: Rc<BTreeSet<Term>>,
    /// For dates: event concepts of the sentence.
    events: Rc<BTreeSet<Term>>,
}

/// How many neighbours (in time and value order) a figure is compared with
/// inside its bucket.
const NEIGHBOURS: usize = 8;

/// Event concepts that a date can date (names in `synonyms.txt`).
const EVENT_CONCEPTS: &[&str] = &[
    "videochiamata",
    "incontri",
    "visite",
    "esercitazioni",
    "guerra",
    "sanzioni",
    "anniversario",
];

fn class_of(f: &Figure) -> Option<String> {
    let unit_head = || {
        f.unit
            .as_deref()
            .map(|u| {
                lexicons()
                    .stem_phrase(u)
                    .first()
                    .cloned()
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    Some(match f.kind {
        FigureKind::Amount => format!("amount:{}", f.unit.as_deref().unwrap_or("")),
        FigureKind::Percent => format!("percent:{}", f.unit.as_deref().unwrap_or("%")),
        FigureKind::Count => format!("count:{}", unit_head()),
        FigureKind::Ordinal => format!("ordinal:{}", unit_head()),
        FigureKind::Fraction | FigureKind::Multiplier => f.kind.as_str().to_string(),
        FigureKind::Date | FigureKind::Period | FigureKind::Time => "time".to_string(),
        FigureKind::Number => return None,
    })
}

/// The event concepts and entities of each sentence of an article, shared
/// by the keys of all its dates (computed once per sentence, on demand).
type SentenceKeys = Vec<Option<(Rc<BTreeSet<Term>>, Rc<BTreeSet<Term>>)>>;

fn key_of(
    a: &Analysis,
    fi: usize,
    time_ref_ids: &BTreeSet<usize>,
    sentence_keys: &mut SentenceKeys,
) -> Option<Key> {
    let f = &a.figures[fi];
    if f.boilerplate {
        return None;
    }
    let class = class_of(f)?;
    if f.kind.is_time() {
        // Only dates of events: not the time references of measures, not
        // the article's own dateline.
        if time_ref_ids.contains(&fi) {
            return None;
        }
        let slot = sentence_keys.get_mut(f.sentence)?;
        let (events, entities) = slot
            .get_or_insert_with(|| {
                let terms = &a.sentences[f.sentence].terms;
                let events: BTreeSet<Term> = terms
                    .terms
                    .iter()
                    .map(|(_, t)| t)
                    .filter(
                        |t| matches!(t, Term::Concept(c) if EVENT_CONCEPTS.contains(&c.as_str())),
                    )
                    .cloned()
                    .collect();
                (Rc::new(events), Rc::new(terms.entities.clone()))
            })
            .clone();
        if events.is_empty() {
            return None;
        }
        return Some(Key {
            class,
            head: None,
            entities,
            events,
        });
    }
    let subject = f.subject.as_deref().unwrap_or("");
    // An ordinal ranks items: it measures something only with its "of what"
    // ("25° anniversario della firma"), not with its noun alone ("il primo
    // giornale" and "il secondo giornale" are two newspapers).
    if f.kind == FigureKind::Ordinal && f.unit.as_deref() == Some(subject) {
        return None;
    }
    let st = a.subjects.get(fi)?;
    let head = st
        .terms
        .iter()
        .find(|t| !matches!(t, Term::Entity(_)))
        .cloned()
        .or_else(|| st.terms.first().cloned());
    // A count of a plain noun ("11 volte") needs a subject; without one
    // there is nothing to say it measures the same thing.
    let head = head?;
    Some(Key {
        class,
        head: Some(head),
        entities: Rc::new(st.entities.clone()),
        events: Rc::new(BTreeSet::new()),
    })
}

/// Time references of two figures exclude each other.
fn times_exclude(a: &Figure, b: &Figure, articles: (&Analysis, &Analysis)) -> bool {
    let extent = |f: &Figure, an: &Analysis| {
        f.time_ref_at
            .and_then(|k| an.figures.get(k))
            .and_then(Figure::time_extent)
            .or_else(|| f.time_ref.as_ref().and_then(|t| t.time))
    };
    match (extent(a, articles.0), extent(b, articles.1)) {
        (Some(x), Some(y)) => !x.overlaps(y),
        _ => false,
    }
}

fn can_link(
    ka: &Key,
    kb: &Key,
    fa: &Figure,
    fb: &Figure,
    articles: (&Analysis, &Analysis),
) -> bool {
    if ka.class != kb.class {
        return false;
    }
    if ka.class == "time" {
        // Dates of the same event: the same event concept and a shared
        // entity, each dated to a day or a few (a year or a vague "next
        // months" dates nothing specific enough to compare).
        let shared_event = ka.events.intersection(&kb.events).next().is_some();
        let shared_entity = ka.entities.intersection(&kb.entities).next().is_some();
        let specific = |f: &Figure| f.time_extent().is_some_and(|t| t.len_days() <= 31);
        return shared_event && shared_entity && specific(fa) && specific(fb);
    }
    if times_exclude(fa, fb, articles) {
        return false;
    }
    // Subjects that name different entities measure different things.
    if !ka.entities.is_empty() && !kb.entities.is_empty() && ka.entities.is_disjoint(&kb.entities) {
        return false;
    }
    // A change is not a level.
    if fa.change != fb.change {
        return false;
    }
    true
}

/// Written value of a figure, for explanations.
fn shown(f: &Figure) -> String {
    collapse_whitespace(&f.text)
}

/// The verdict on two linked figures of different outlets, and why.
pub fn judge(fa: &Figure, fb: &Figure, name_a: &str, name_b: &str) -> (Verdict, Vec<Part>) {
    let (na, nb) = (name_a.to_string(), name_b.to_string());
    if fa.kind.is_time() || fb.kind.is_time() {
        return judge_times(fa, fb, na, nb);
    }
    let (Some(va), Some(vb)) = (fa.value, fb.value) else {
        return (Verdict::Compatible, vec![Part::Incomparable]);
    };
    if !va.overlaps(vb) {
        return (
            Verdict::Conflict,
            vec![Part::Disjoint {
                a: shown(fa),
                b: shown(fb),
                name_a: na,
                name_b: nb,
            }],
        );
    }
    let mut differences = Vec::new();
    let mut agreements = Vec::new();
    let same_value = fa.stated.is_some() && fa.stated == fb.stated;
    if same_value {
        agreements.push(Part::SameValue {
            a: shown(fa),
            b: shown(fb),
        });
    } else {
        let width = |v: Interval| match (v.min, v.max) {
            (Some(a), Some(b)) => b - a,
            _ => f64::INFINITY,
        };
        let (wa, wb) = (width(va), width(vb));
        if wa != wb {
            differences.push(Part::Precision {
                a: shown(fa),
                b: shown(fb),
                name_a: na.clone(),
                name_b: nb.clone(),
                more_precise: if wa < wb { na.clone() } else { nb.clone() },
            });
        } else {
            differences.push(Part::Value {
                a: shown(fa),
                b: shown(fb),
                name_a: na.clone(),
                name_b: nb.clone(),
            });
        }
    }
    let qa = fa.qualifier.filter(|q| *q != Qualifier::Emphatic);
    let qb = fb.qualifier.filter(|q| *q != Qualifier::Emphatic);
    if qa != qb {
        differences.push(Part::Qualifier {
            a: qa,
            b: qb,
            name_a: na.clone(),
            name_b: nb.clone(),
        });
    } else if same_value {
        agreements.push(Part::SameQualifier);
    }
    match (fa.time_ref.as_ref(), fb.time_ref.as_ref()) {
        (Some(x), Some(y)) if x.time == y.time => agreements.push(Part::SamePeriod {
            period: x.text.clone(),
        }),
        (None, None) => {}
        (x, y) => differences.push(Part::Period {
            a: x.map(|t| t.text.clone()),
            b: y.map(|t| t.text.clone()),
            name_a: na.clone(),
            name_b: nb.clone(),
        }),
    }
    if fa.source != fb.source {
        differences.push(Part::Source {
            a: fa.source.clone(),
            b: fb.source.clone(),
            name_a: na,
            name_b: nb,
        });
    }
    let verdict = if differences.is_empty() {
        Verdict::Same
    } else {
        Verdict::Compatible
    };
    let mut parts = agreements;
    parts.extend(differences);
    (verdict, parts)
}

/// The verdict on two figures of a comparison, and why (in English): what
/// a reader is told of two members of a quantity that were not judged
/// against each other directly.
pub fn judge_pair(c: &super::Comparison, a: FigureRef, b: FigureRef) -> (Verdict, String) {
    let (Some(fa), Some(fb)) = (c.figure(a), c.figure(b)) else {
        return (Verdict::Compatible, String::new());
    };
    let name = |r: FigureRef| c.articles[r.article].article.id.clone();
    let (verdict, parts) = judge(fa, fb, &name(a), &name(b));
    (verdict, english(&parts))
}

fn judge_times(fa: &Figure, fb: &Figure, name_a: String, name_b: String) -> (Verdict, Vec<Part>) {
    let (Some(ta), Some(tb)) = (fa.time, fb.time) else {
        return (Verdict::Compatible, vec![Part::Unresolved]);
    };
    let show = |t: DayRange| {
        if t.start == t.end {
            t.start.to_string()
        } else {
            format!("{}..{}", t.start, t.end)
        }
    };
    if ta == tb {
        (
            Verdict::Same,
            vec![Part::SameDay {
                day: show(ta),
                a: shown(fa),
                b: shown(fb),
                name_a,
                name_b,
            }],
        )
    } else if ta.overlaps(tb) {
        (
            Verdict::Compatible,
            vec![Part::OverlappingDates {
                a: show(ta),
                b: show(tb),
                name_a,
                name_b,
            }],
        )
    } else {
        (
            Verdict::Conflict,
            vec![Part::DatedDifferently {
                a: show(ta),
                b: show(tb),
                name_a,
                name_b,
            }],
        )
    }
}

/// Union-find over figure references.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn outlet_name(a: &Analysis) -> String {
    a.article.id.clone()
}

/// Links the figures of all articles into quantities.
pub fn link(articles: &[Analysis]) -> Vec<Quantity> {
    // Every story figure with a key.
    let mut refs: Vec<FigureRef> = Vec::new();
    let mut keys: Vec<Key> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let time_refs: BTreeSet<usize> = a.figures.iter().filter_map(|f| f.time_ref_at).collect();
        let mut sentence_keys: SentenceKeys = vec![None; a.sentences.len()];
        for fi in 0..a.figures.len() {
            if let Some(k) = key_of(a, fi, &time_refs, &mut sentence_keys) {
                refs.push(FigureRef {
                    article: ai,
                    figure: fi,
                });
                keys.push(k);
            }
        }
    }
    // Index by class and head concept (events for dates).
    let fig = |r: FigureRef| &articles[r.article].figures[r.figure];
    let mut index: HashMap<(String, Term), Vec<usize>> = HashMap::default();
    for (i, k) in keys.iter().enumerate() {
        let heads: Vec<Term> = if k.class == "time" {
            k.events.iter().cloned().collect()
        } else {
            k.head.iter().cloned().collect()
        };
        for h in heads {
            index.entry((k.class.clone(), h)).or_default().push(i);
        }
    }
    let mut groups = Groups::new(refs.len());
    let mut links: Vec<(usize, usize)> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::<(usize, usize)>::default();
    for bucket in index.values_mut() {
        // A bucket holds the figures of one concept. Sorted by time and
        // value, each figure is compared with its next neighbours only: the
        // groups still form through the chain, and the cost stays linear
        // when a thousand outlets report the same figure.
        bucket.sort_by(|&x, &y| {
            let t = |i: usize| {
                fig(refs[i])
                    .time_ref
                    .as_ref()
                    .and_then(|t| t.time)
                    .map(|t| t.start)
            };
            let v = |i: usize| fig(refs[i]).stated.unwrap_or(f64::NAN);
            t(x).cmp(&t(y))
                .then(v(x).total_cmp(&v(y)))
                .then(refs[x].cmp(&refs[y]))
        });
        for (x, &i) in bucket.iter().enumerate() {
            for &j in bucket[x + 1..].iter().take(NEIGHBOURS) {
                if refs[i].article == refs[j].article || !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                let pair = (&articles[refs[i].article], &articles[refs[j].article]);
                if can_link(&keys[i], &keys[j], fig(refs[i]), fig(refs[j]), pair) {
                    groups.union(i, j);
                    links.push((i, j));
                }
            }
        }
    }
    // Collect groups, in order of their first figure.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for i in 0..refs.len() {
        let root = groups.find(i);
        members.entry(root).or_default().push(i);
    }
    let mut links_of: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
    for &(i, j) in &links {
        links_of.entry(groups.find(i)).or_default().push((i, j));
    }
    let mut ordered: Vec<Vec<usize>> = members.into_values().collect();
    ordered.sort_by_key(|m| refs[m[0]]);
    let mut quantities = Vec::with_capacity(ordered.len());
    for (n, m) in ordered.into_iter().enumerate() {
        let root = groups.find(m[0]);
        let mut qlinks: Vec<Link> = links_of
            .remove(&root)
            .unwrap_or_default()
            .into_iter()
            .map(|(i, j)| {
                let (a, b) = if refs[i] <= refs[j] {
                    (refs[i], refs[j])
                } else {
                    (refs[j], refs[i])
                };
                let (verdict, parts) = judge(
                    fig(a),
                    fig(b),
                    &outlet_name(&articles[a.article]),
                    &outlet_name(&articles[b.article]),
                );
                Link {
                    a,
                    b,
                    verdict,
                    explanation: english(&parts),
                    parts,
                }
            })
            .collect();
        qlinks.sort_by_key(|l| (l.a, l.b));
        let outlets: BTreeSet<usize> = m.iter().map(|&i| refs[i].article).collect();
        let verdict = if outlets.len() < 2 {
            Verdict::OnlyHere
        } else {
            qlinks
                .iter()
                .map(|l| l.verdict)
                .max()
                .unwrap_or(Verdict::Compatible)
        };
        let first = fig(refs[m[0]]);
        let key = &keys[m[0]];
        let label = label_of(first, key);
        let parts = match verdict {
            Verdict::OnlyHere => vec![Part::OnlyHere {
                outlet: outlet_name(&articles[refs[m[0]].article]),
            }],
            _ => qlinks
                .iter()
                .find(|l| l.verdict == verdict)
                .map(|l| l.parts.clone())
                .unwrap_or_default(),
        };
        let explanation = english(&parts);
        let mut figures: Vec<FigureRef> = m.iter().map(|&i| refs[i]).collect();
        figures.sort();
        quantities.push(Quantity {
            id: format!("q{}", n + 1),
            label,
            figures,
            links: qlinks,
            verdict,
            explanation,
            parts,
        });
    }
    quantities
}

fn label_of(f: &Figure, key: &Key) -> String {
    let what = if f.kind.is_time() {
        key.events
            .iter()
            .map(Term::name)
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        f.subject.clone().unwrap_or_else(|| {
            key.head
                .as_ref()
                .map(|t| t.name().to_string())
                .unwrap_or_default()
        })
    };
    let mut parts = vec![what];
    match f.kind {
        FigureKind::Amount | FigureKind::Percent | FigureKind::Count | FigureKind::Ordinal => {
            if let Some(u) = &f.unit {
                parts.push(u.clone());
            }
        }
        FigureKind::Date | FigureKind::Period | FigureKind::Time => parts.push("date".into()),
        _ => parts.push(f.kind.as_str().into()),
    }
    if let Some(t) = &f.time_ref {
        parts.push(t.text.clone());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(", ")
}
