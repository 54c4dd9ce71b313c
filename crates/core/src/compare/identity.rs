//! Whether two figures of different outlets measure the same thing: a
//! score from explicit evidence, and the evidence itself.
//!
//! Each figure that can be linked gets a [`Profile`], computed once from
//! its analysis: its class (kind and unit), the terms of its subject phrase
//! and their head concept, the entities the subject names and the role each
//! plays (`esportazioni cinesi verso la Russia`: China owns the flow, Russia
//! receives it), the terms of the clause around it (a fixed window inside
//! its sentence, its own words left out), the terms of its whole sentence,
//! the event concepts of the sentence (for dates) and the days its period
//! covers. [`score`] weighs what two profiles share:
//!
//! | evidence | weight |
//! | --- | --- |
//! | subject terms (Dice coefficient) | 0.40 |
//! | terms of the clause around the figure (Dice) | 0.35 |
//! | terms of the sentence (Dice) | 0.25 |
//! | same head concept of the subject | +0.15 |
//! | counts, ordinals: the same counted noun (or synonym, or a unit of the same measure: `ettari`, `acri`) / different ones (`persone` against any: 0) | +0.15 / −0.30 |
//! | subjects name a shared entity / only different ones | +0.10 / excluded |
//! | no subject entity on one side, sentences name only different ones | −0.10 |
//! | two entities in swapped roles (owner and destination) | −0.50 |
//! | same period / one period inside a much longer one | +0.10 / −0.30 |
//! | different days / different months or years | −0.20 / excluded |
//! | a change against a level (`+1,8%`, `all'1,8%`) | −0.15 |
//! | counts of different named parts / a part against a whole | excluded / −0.35 |
//! | both in their articles' headline or lead | +0.10 |
//! | dates: a shared event concept / shared sentence entities | +0.20 / +0.10 |
//!
//! The result is the **identity**: how sure we are that both figures speak
//! of the same quantity or event, before looking at their values. The
//! linker ([`super::quantities`]) adds the evidence of the values (the same
//! value and unit is strong evidence) and decides.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::date::DayRange;
use crate::figures::{Figure, FigureKind};
use crate::lexicon::Term;

/// How many tokens before and after a figure its clause context reaches
/// (inside its sentence).
const CONTEXT_BEFORE: usize = 12;
const CONTEXT_AFTER: usize = 8;

/// How many tokens after a count the names that qualify it may stand
/// (`cinque aerei militari cinesi`).
const MODIFIER_WINDOW: usize = 1;

/// Event concepts a date can date (names in `synonyms.txt`).
const EVENT_CONCEPTS: &[&str] = &[
    "videochiamata",
    "incontri",
    "visite",
    "esercitazioni",
    "guerra",
    "sanzioni",
    "anniversario",
];

/// The role an entity plays in what a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// It owns or makes the quantity (`cinesi`, `della Cina`, `la Cina ha`).
    Owner,
    /// It receives it (`verso la Russia`, `in Russia`).
    Destination,
    /// It is where it comes from (`dalla Russia`).
    Origin,
}

/// What a figure measures, as evidence for linking (computed once).
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile<'a> {
    /// Kind and unit (`amount:USD`, `count:vittim`, `time`).
    pub class: String,
    /// The figure is a date, period or time of day.
    pub is_time: bool,
    /// It is a change (`+4%`, `aumentate del 4%`), not a level.
    pub change: bool,
    /// Its sentence is the article's headline or lead (see [`leads`]).
    pub lead: bool,
    /// A count in a unit of a measure (`ettari`: area), see
    /// [`crate::figures::lexicon::unit_scale`].
    pub measure: Option<&'static str>,
    /// Names right after a count (`cinque aerei cinesi`): which part of
    /// a whole it counts.
    pub modifiers: Vec<Term>,
    /// Head concept of the subject.
    pub head: Option<Term>,
    /// Non-entity terms of the subject phrase, sorted, unique.
    subject: Vec<Term>,
    /// Entities the subject names.
    pub entities: BTreeSet<Term>,
    /// Entities of the subject and the clause, with their roles.
    roles: Vec<(Term, Role)>,
    /// Non-entity terms of the clause around the figure (its own words
    /// left out), sorted, unique.
    local: Vec<Term>,
    /// What its sentence gives every figure of it (shared, computed once
    /// per sentence).
    shared: Rc<SentenceShared>,
    /// Terms of the sentence that occur only among the figure's own words
    /// (left out of its sentence terms).
    own_only: Vec<Term>,
    /// The days its period covers (quantities with a time reference).
    pub period: Option<DayRange>,
    /// The counted noun's first term (counts and ordinals: a concept when
    /// the synonyms name one, else its stem).
    noun: Option<Term>,
    /// The article's text.
    text: &'a str,
}

/// What a sentence gives each of its figures' profiles, computed once for
/// all of them (a sentence may hold thousands of figures).
#[derive(Debug, Default)]
pub(crate) struct SentenceShared {
    /// Non-entity terms of the sentence, sorted, unique.
    terms: Vec<Term>,
    /// How many times each of `terms` occurs in the sentence.
    counts: Vec<usize>,
    /// Entities of the sentence.
    entities: BTreeSet<Term>,
    /// Event concepts of the sentence (dates).
    events: BTreeSet<Term>,
    /// Where the sentence first writes each of its first terms (byte
    /// range), to show evidence.
    words: Vec<(Term, usize, usize)>,
}

/// Each sentence's [`SentenceShared`] of an article, made on first use.
pub(crate) type SentenceCache = Vec<Option<Rc<SentenceShared>>>;

/// One piece of evidence that two figures measure the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Words their subjects share.
    Subject {
        /// The words (as the first figure's sentence writes them).
        words: Vec<String>,
    },
    /// Words the sentences around them share.
    Context {
        /// The words.
        words: Vec<String>,
    },
    /// Entities both name.
    Entities {
        /// Their names.
        names: Vec<String>,
    },
    /// Both refer to the same period.
    Period,
    /// Both state the same value in the same unit.
    Value,
    /// Both date the same event.
    Event {
        /// The event.
        event: String,
    },
}

/// The identity of two figures: a score and its evidence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Identity {
    pub score: f64,
    pub evidence: Vec<Evidence>,
    /// Something rules the link out whatever the values say.
    pub excluded: bool,
    /// What each piece of evidence added to the score (written with the
    /// evidence, for diagnosis).
    pub terms: Vec<(&'static str, f64)>,
}

impl Identity {
    fn add(&mut self, what: &'static str, v: f64, written: bool) {
        self.score += v;
        if written && v != 0.0 {
            self.terms.push((what, v));
        }
    }
}

fn sorted(mut v: Vec<Term>) -> Vec<Term> {
    v.sort();
    v.dedup();
    v
}

/// Dice coefficient of two sorted, unique lists, and what they share.
fn dice<'a>(a: &'a [Term], b: &[Term]) -> (f64, Vec<&'a Term>) {
    if a.is_empty() || b.is_empty() {
        return (0.0, Vec::new());
    }
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    (
        2.0 * shared.len() as f64 / (a.len() + b.len()) as f64,
        shared,
    )
}

/// [`dice`] of two sorted, unique lists, each without a few of its terms
/// (sorted, unique, and all among the list's).
fn dice_without<'a>(
    (a, a_out): (&'a [Term], &[Term]),
    (b, b_out): (&[Term], &[Term]),
) -> (f64, Vec<&'a Term>) {
    let (na, nb) = (a.len() - a_out.len(), b.len() - b_out.len());
    if na == 0 || nb == 0 {
        return (0.0, Vec::new());
    }
    let (_, shared) = dice(a, b);
    let shared: Vec<&Term> = shared
        .into_iter()
        .filter(|t| a_out.binary_search(t).is_err() && b_out.binary_search(t).is_err())
        .collect();
    (2.0 * shared.len() as f64 / (na + nb) as f64, shared)
}

/// The names written as adjectives in a count or right after it (`cinque
/// aerei militari cinesi`): which part of a whole it counts. Names joined
/// by `e` (`cinesi e russi`) make a whole again: none.
fn count_modifiers(a: &Analysis, f: &Figure, sentence_end: usize) -> Vec<Term> {
    let adjective = |k: usize| -> Option<Term> {
        let t = a.tokens.get(k)?;
        if t.cap || t.kind != crate::token::TokKind::Word {
            return None;
        }
        let terms = &a.sentences.get(f.sentence)?.terms.terms;
        let at = terms.partition_point(|(j, _)| *j < k);
        terms
            .get(at)
            .filter(|(j, t)| *j == k && matches!(t, Term::Entity(_)))
            .map(|(_, t)| t.clone())
    };
    let end = (f.last + MODIFIER_WINDOW).min(sentence_end);
    let mut found: Vec<Term> = Vec::new();
    let mut last = None;
    for k in f.first..end.max(f.first) {
        if let Some(t) = adjective(k) {
            found.push(t);
            last = Some(k);
        }
    }
    // `cinesi e russi`: a bounded look at what follows the last name.
    if let Some(k) = last {
        let joined = a
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.is_any(&["e", "o", ","]));
        if joined && k + 2 < sentence_end && adjective(k + 2).is_some() {
            return Vec::new();
        }
    }
    sorted(found)
}

/// The role of an entity from the word before it.
fn role_after(prev: Option<&str>) -> Role {
    match prev {
        Some(
            "verso" | "in" | "nel" | "nella" | "negli" | "nei" | "a" | "al" | "alla" | "ai"
            | "agli" | "per",
        ) => Role::Destination,
        Some("da" | "dalla" | "dal" | "dai" | "dagli" | "dalle" | "dall'") => Role::Origin,
        _ => Role::Owner,
    }
}

/// What sentence `si` of an analysis gives its figures' profiles.
fn sentence_shared(a: &Analysis, si: usize) -> SentenceShared {
    let Some(s) = a.sentences.get(si) else {
        return SentenceShared::default();
    };
    let terms = &s.terms.terms;
    let mut words: Vec<(Term, usize, usize)> = Vec::new();
    for (k, t) in terms {
        if words.len() >= 64 {
            break;
        }
        if !words.iter().any(|(w, _, _)| w == t) {
            let (ws, we) = a.tokens.get(*k).map_or((0, 0), |t| (t.start, t.end));
            words.push((t.clone(), ws, we));
        }
    }
    let mut all: Vec<&Term> = terms
        .iter()
        .map(|(_, t)| t)
        .filter(|t| !matches!(t, Term::Entity(_)))
        .collect();
    all.sort();
    let mut unique: Vec<Term> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for t in all {
        match unique.last() {
            Some(u) if u == t => *counts.last_mut().unwrap_or(&mut 0) += 1,
            _ => {
                unique.push(t.clone());
                counts.push(1);
            }
        }
    }
    SentenceShared {
        terms: unique,
        counts,
        entities: s.terms.entities.clone(),
        events: terms
            .iter()
            .map(|(_, t)| t)
            .filter(|t| matches!(t, Term::Concept(c) if EVENT_CONCEPTS.contains(&c.as_str())))
            .cloned()
            .collect(),
        words,
    }
}

/// What two figures both in their articles' headline or lead add.
const LEAD_BONUS: f64 = 0.1;

/// How many sentences of the story, after its headings, make its lead.
const LEAD_SENTENCES: usize = 2;

/// Which sentences of an analysis are its headline and lead: the headings
/// and the first [`LEAD_SENTENCES`] sentences of the story. News writes
/// the story's main facts there (what, how much, when), so two figures of
/// one class in two leads likely give the same fact.
pub(crate) fn leads(a: &Analysis) -> Vec<bool> {
    let mut out = vec![false; a.sentences.len()];
    let mut body = 0;
    for (k, s) in a.sentences.iter().enumerate() {
        if !s.story {
            continue;
        }
        if s.heading {
            out[k] = true;
        } else if body < LEAD_SENTENCES {
            out[k] = true;
            body += 1;
        } else {
            break;
        }
    }
    out
}

/// The profile of figure `fi` of an analysis with its class. Only the
/// figure's own words, its window and its subject are walked; what its
/// sentence gives comes from `cache` (one slot per sentence).
pub(crate) fn profile<'a>(
    a: &'a Analysis,
    fi: usize,
    class: String,
    cache: &mut SentenceCache,
    lead: bool,
) -> Profile<'a> {
    let f = &a.figures[fi];
    let text = a.article.text.as_str();
    let (Some(s), Some(slot)) = (a.sentences.get(f.sentence), cache.get_mut(f.sentence)) else {
        return Profile {
            class,
            text,
            ..Profile::default()
        };
    };
    let shared = slot
        .get_or_insert_with(|| Rc::new(sentence_shared(a, f.sentence)))
        .clone();
    let terms = &s.terms.terms;
    // The terms whose token lies in `r` (terms are in token order).
    let within = |r: std::ops::Range<usize>| {
        let from = terms.partition_point(|(k, _)| *k < r.start);
        let to = terms.partition_point(|(k, _)| *k < r.end);
        &terms[from..to.max(from)]
    };
    let lo = f.first.saturating_sub(CONTEXT_BEFORE).max(s.tokens.start);
    let hi = (f.last + CONTEXT_AFTER).min(s.tokens.end);
    let own = f.first..f.last;
    let subject_range = f.subject_tokens.clone().unwrap_or(0..0);
    let mut local = Vec::new();
    let mut roles = Vec::new();
    for (k, t) in within(lo..hi.max(lo))
        .iter()
        .chain(within(subject_range.clone()))
    {
        let k = *k;
        if own.contains(&k) {
            continue;
        }
        match t {
            Term::Entity(_) => {
                let prev = k
                    .checked_sub(1)
                    .and_then(|p| a.tokens.get(p))
                    .map(|t| t.norm.as_str());
                roles.push((t.clone(), role_after(prev)));
            }
            _ => local.push(t.clone()),
        }
    }
    roles.sort();
    roles.dedup();
    let modifiers = if matches!(f.kind, FigureKind::Count) {
        count_modifiers(a, f, s.tokens.end)
    } else {
        Vec::new()
    };
    // A term of the sentence only among the figure's own words is not
    // its context.
    let own_terms = within(own.clone());
    let mut own_only: Vec<Term> = own_terms
        .iter()
        .map(|(_, t)| t)
        .filter(|t| !matches!(t, Term::Entity(_)))
        .filter(|t| {
            let inside = own_terms.iter().filter(|(_, u)| u == *t).count();
            let at = shared.terms.binary_search(t).ok();
            at.and_then(|k| shared.counts.get(k)) == Some(&inside)
        })
        .cloned()
        .collect();
    own_only.sort();
    own_only.dedup();
    let (subject, entities, head) = match a.subjects.get(fi) {
        Some(st) => {
            let plain: Vec<Term> = st
                .terms
                .iter()
                .filter(|t| !matches!(t, Term::Entity(_)))
                .cloned()
                .collect();
            let head = plain.first().cloned();
            (sorted(plain), st.entities.clone(), head)
        }
        None => (Vec::new(), BTreeSet::new(), None),
    };
    let period = f
        .time_ref_at
        .and_then(|k| a.figures.get(k))
        .and_then(Figure::time_extent)
        .or_else(|| f.time_ref.as_ref().and_then(|t| t.time));
    let noun = matches!(f.kind, FigureKind::Count | FigureKind::Ordinal)
        .then(|| f.unit.as_deref())
        .flatten()
        .and_then(|u| {
            crate::lexicon::terms(u)
                .into_iter()
                .find(|t| !matches!(t, Term::Entity(_)))
        });
    Profile {
        noun,
        is_time: f.kind.is_time(),
        change: f.change,
        lead,
        measure: (f.kind == FigureKind::Count)
            .then_some(f.unit.as_deref())
            .flatten()
            .and_then(crate::figures::lexicon::unit_scale)
            .map(|(m, _)| m),
        modifiers,
        class,
        head,
        subject,
        entities,
        roles,
        local: sorted(local),
        shared,
        own_only,
        period,
        text,
    }
}

impl Profile<'_> {
    /// Event concepts of its sentence.
    pub fn events(&self) -> &BTreeSet<Term> {
        &self.shared.events
    }

    /// Both count the same part of a whole (or both the whole): `cinque
    /// aerei cinesi` and `11 velivoli` differ without contradicting.
    pub fn same_part(&self, other: &Profile) -> bool {
        self.modifiers == other.modifiers
    }

    /// Their sentences name only different entities while one subject
    /// names none (visits to France, visits to Germany): they may agree,
    /// but disjoint values are two quantities.
    pub fn names_apart(&self, other: &Profile) -> bool {
        (self.entities.is_empty() || other.entities.is_empty())
            && !self.shared.entities.is_empty()
            && !other.shared.entities.is_empty()
            && self.shared.entities.is_disjoint(&other.shared.entities)
    }

    /// Words of its clause besides its own (and names).
    pub fn has_context(&self) -> bool {
        !self.local.is_empty()
    }

    fn shown(&self, terms: &[&Term]) -> Vec<String> {
        terms
            .iter()
            .take(4)
            .map(|t| {
                self.shared
                    .words
                    .iter()
                    .find(|(w, _, _)| w == *t)
                    .and_then(|&(_, s, e)| self.text.get(s..e))
                    .map(str::to_lowercase)
                    .unwrap_or_else(|| t.name().to_string())
            })
            .collect()
    }
}

/// How sure we are that two figures of different outlets measure the
/// same quantity (or date the same event), from everything but their
/// values. See the module documentation for the weights. The evidence is
/// written out only when `want_evidence` (for the links kept).
pub(crate) fn score(a: &Profile, b: &Profile, want_evidence: bool) -> Identity {
    let mut id = Identity::default();
    if a.class != b.class {
        id.excluded = true;
        return id;
    }
    let (local, shared_local) = dice(&a.local, &b.local);
    let (sentence, shared_sentence) = dice_without(
        (&a.shared.terms, &a.own_only),
        (&b.shared.terms, &b.own_only),
    );
    let mut context: Vec<&Term> = shared_local;
    for t in shared_sentence {
        if !context.contains(&t) {
            context.push(t);
        }
    }
    let w = want_evidence;
    if a.lead && b.lead {
        id.add("both in the lead", LEAD_BONUS, w);
    }
    if a.is_time {
        id.add("clause", 0.5 * local, w);
        id.add("sentence", 0.3 * sentence, w);
        if let Some(e) = a.shared.events.intersection(&b.shared.events).next() {
            id.add("event", 0.2, w);
            if want_evidence {
                id.evidence.push(Evidence::Event {
                    event: e.name().to_string(),
                });
            }
        }
        let mut shared = a.shared.entities.intersection(&b.shared.entities);
        if let Some(first) = shared.next() {
            id.add("entities", 0.1, w);
            if want_evidence {
                let names = std::iter::once(first)
                    .chain(shared.take(3))
                    .map(|t| t.name().to_string())
                    .collect();
                id.evidence.push(Evidence::Entities { names });
            }
        }
        if want_evidence && !context.is_empty() {
            id.evidence.push(Evidence::Context {
                words: a.shown(&context),
            });
        }
        return id;
    }
    // Counted nouns: the same (or synonyms) is evidence, different ones
    // count different things unless everything else agrees.
    // `persone` names any group of people: against `sfollati` or
    // `lavoratori` it says nothing either way.
    let people = |t: &Term| matches!(t, Term::Concept(c) if c.as_str() == "persone");
    match (&a.noun, &b.noun) {
        (Some(x), Some(y)) if x == y => id.add("same noun", 0.15, w),
        // Units of one measure (`ettari`, `acri`): what is counted is the
        // same, in other units.
        _ if a.measure.is_some() && a.measure == b.measure => {
            id.add("one measure in other units", 0.15, w)
        }
        (Some(x), Some(y)) if people(x) || people(y) => {}
        (Some(_), Some(_)) => id.add("different nouns", -0.3, w),
        _ => {}
    }
    // Chinese aircraft are a part of all the aircraft, Russian ones
    // another part.
    if a.modifiers != b.modifiers {
        if !a.modifiers.is_empty() && !b.modifiers.is_empty() {
            let shared = a.modifiers.iter().any(|t| b.modifiers.contains(t));
            if !shared {
                id.excluded = true;
                if w {
                    id.terms
                        .push(("counts of different parts", f64::NEG_INFINITY));
                }
                return id;
            }
        }
        id.add("a part against a whole", -0.35, w);
    }
    // A rate is often written both ways (`+1,8%`, `all'1,8%`): a change
    // against a level only counts against.
    if a.change != b.change {
        id.add("a change against a level", -0.15, w);
    }
    // The counted noun already spoke (`same noun`): as the subject too
    // (`10.600 acri`, `cinque morti`, whose subject is `acri`, `morti`)
    // it would count twice for what only says what is counted. An
    // ordinal's noun is what it ranks (`il nono pattugliamento`): there
    // the noun is the subject, and counts as one.
    let noun_out = |p: &Profile, n: &Option<Term>| -> Vec<Term> {
        n.iter()
            .filter(|t| p.subject.binary_search(t).is_ok())
            .cloned()
            .collect()
    };
    let (a_out, b_out) = match (&a.noun, &b.noun) {
        (Some(x), Some(y)) if x == y && a.class == "count" => {
            (noun_out(a, &a.noun), noun_out(b, &b.noun))
        }
        _ => (Vec::new(), Vec::new()),
    };
    let (subject, shared_subject) = dice_without((&a.subject, &a_out), (&b.subject, &b_out));
    id.add("subject", 0.4 * subject, w);
    id.add("clause", 0.35 * local, w);
    id.add("sentence", 0.25 * sentence, w);
    if a.head.is_some() && a.head == b.head {
        id.add("head", 0.15, w);
    }
    if want_evidence {
        if !shared_subject.is_empty() {
            id.evidence.push(Evidence::Subject {
                words: a.shown(&shared_subject),
            });
        }
        context.retain(|t| !shared_subject.contains(t));
        if !context.is_empty() {
            id.evidence.push(Evidence::Context {
                words: a.shown(&context),
            });
        }
    }
    if !a.entities.is_empty() && !b.entities.is_empty() {
        let mut shared = a.entities.intersection(&b.entities).peekable();
        if shared.peek().is_none() {
            // Subjects that name only different entities measure different
            // things, whatever the values say.
            id.excluded = true;
            if w {
                id.terms
                    .push(("subject entities differ", f64::NEG_INFINITY));
            }
            return id;
        }
        id.add("subject entities", 0.1, w);
        if want_evidence {
            let names = shared.take(4).map(|t| t.name().to_string()).collect();
            id.evidence.push(Evidence::Entities { names });
        }
    }
    // Without entities in their subjects, the names of their sentences:
    // visits to France are not visits to Germany.
    if (a.entities.is_empty() || b.entities.is_empty())
        && !a.shared.entities.is_empty()
        && !b.shared.entities.is_empty()
        && a.shared.entities.is_disjoint(&b.shared.entities)
    {
        id.add("sentence entities differ", -0.1, w);
    }
    // One entity in opposite roles: exports of China to Russia are not
    // exports of Russia to China.
    // Only two names whose roles are swapped say so: one name after
    // another preposition is too weak a sign.
    let only = |roles: &[(Term, Role)], t: &Term, r: Role| {
        roles.iter().any(|(u, s)| u == t && *s == r)
            && !roles.iter().any(|(u, s)| u == t && *s != r)
    };
    let opposed = a.roles.iter().any(|(t, r)| {
        only(&a.roles, t, *r)
            && b.roles
                .iter()
                .any(|(bt, br)| bt == t && br != r && only(&b.roles, t, *br))
            && a.roles
                .iter()
                .any(|(u, q)| u != t && q != r && only(&a.roles, u, *q) && only(&b.roles, u, *r))
    });
    if opposed {
        id.add("opposed roles", -0.5, w);
    }
    match (a.period, b.period) {
        (Some(x), Some(y)) if x == y => {
            id.add("period", 0.1, w);
            if want_evidence {
                id.evidence.push(Evidence::Period);
            }
        }
        (Some(x), Some(y)) if x.overlaps(y) => {
            // A month is not January to August, a quarter not its year.
            let (lx, ly) = (x.len_days().max(1), y.len_days().max(1));
            if lx.max(ly) >= 2 * lx.min(ly) {
                id.add("period inside a longer one", -0.3, w);
            }
        }
        // Different months or years: different quantities. Different
        // days may be one event dated differently (itself worth a
        // conflict of the dates), so they only count against.
        (Some(x), Some(y)) if x.len_days().min(y.len_days()) >= 28 => {
            id.excluded = true;
            if w {
                id.terms.push(("periods differ", f64::NEG_INFINITY));
            }
        }
        (Some(_), Some(_)) => id.add("days differ", -0.2, w),
        _ => {}
    }
    id
}

/// The kind of figure whose class says what it measures.
pub(crate) fn class_of(f: &Figure) -> Option<String> {
    Some(match f.kind {
        FigureKind::Amount => format!("amount:{}", f.unit.as_deref().unwrap_or("")),
        FigureKind::Percent => format!("percent:{}", f.unit.as_deref().unwrap_or("%")),
        // Counts and ordinals of different nouns may count the same things
        // (`velivoli` and `aerei`): the noun is evidence, not the class.
        FigureKind::Count => "count".to_string(),
        FigureKind::Ordinal => "ordinal".to_string(),
        FigureKind::Fraction | FigureKind::Multiplier => f.kind.as_str().to_string(),
        FigureKind::Date | FigureKind::Period | FigureKind::Time => "time".to_string(),
        FigureKind::Number => return None,
    })
}
