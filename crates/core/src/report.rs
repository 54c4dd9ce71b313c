//! The machine-readable report: what `synoptic analyze` prints as JSON, and
//! what exports build on. Offsets here are **character** offsets into the
//! article's text (not bytes, converted through one [`CharIndex`] per
//! article), dates are `YYYY-MM-DD`, unbounded interval ends are `null`.
//!
//! The report grows with the story, not with its square: a quantity lists
//! its members and only the pairs that disagree (at most
//! [`MAX_PAIRS`] of them, with the total), and a statement group lists the
//! outlets that have a member, not those that are silent.

use serde::Serialize;

use crate::article::Article;
use crate::compare::statements::{GroupKind, WordDiff};
use crate::compare::{compare, Comparison, Verdict};
use crate::date::{Date, DayRange};
use crate::figures::{self, dateline, Figure, Interval};
use crate::text::CharIndex;

/// The most disagreeing pairs a quantity lists (the total is given).
pub const MAX_PAIRS: usize = 20;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// One entry per article, in input order.
    pub articles: Vec<ArticleReport>,
    /// Quantities: figures of different outlets linked as measuring the same
    /// thing, with their verdict (and figures no one else reports).
    pub quantities: Vec<QuantityReport>,
    /// Statement groups: facts, then framing.
    pub statements: Vec<StatementReport>,
    /// One profile per outlet.
    pub outlets: Vec<OutletReport>,
    /// Quantities by verdict.
    pub summary: Summary,
}

/// Quantities by verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Same value everywhere.
    pub same: usize,
    /// Overlapping values.
    pub compatible: usize,
    /// Disjoint values or dates.
    pub conflict: usize,
    /// Reported by one outlet only.
    pub only_here: usize,
}

/// One quantity.
#[derive(Debug, Clone, Serialize)]
pub struct QuantityReport {
    /// Id (`q3`).
    pub id: String,
    /// What is measured.
    pub quantity: String,
    /// Its figures, `article/figure` (`004/f21`).
    pub members: Vec<String>,
    /// Verdict: `same`, `compatible`, `conflict`, `only_here`.
    pub verdict: Verdict,
    /// Why.
    pub explanation: String,
    /// How many pairs of its figures were compared.
    pub pairs_compared: usize,
    /// The pairs that disagree (conflicts), at most [`MAX_PAIRS`].
    pub conflicts: Vec<PairReport>,
    /// How many pairs disagree in all.
    pub conflicts_total: usize,
}

/// A link between two figures.
#[derive(Debug, Clone, Serialize)]
pub struct PairReport {
    /// One figure id.
    pub a: String,
    /// The other.
    pub b: String,
    /// Their verdict.
    pub verdict: Verdict,
    /// Why.
    pub explanation: String,
}

/// A member of a statement group.
#[derive(Debug, Clone, Serialize)]
pub struct MemberReport {
    /// Article id.
    pub article: String,
    /// The sentence.
    pub text: String,
    /// Character offset in the article's text.
    pub start: usize,
    /// Character offset past the end.
    pub end: usize,
    /// Hedged (conditional, unnamed sources, leaks).
    pub hedged: bool,
    /// The hedge words.
    pub hedge: Option<String>,
    /// Whom it cites.
    pub source: Option<String>,
    /// Framing groups: +1 asserts, -1 denies.
    pub polarity: Option<i8>,
    /// Framing groups: the framing words.
    pub framing_words: Option<String>,
}

/// A statement group.
#[derive(Debug, Clone, Serialize)]
pub struct StatementReport {
    /// Id (`s4`).
    pub id: String,
    /// `fact` or `framing`.
    pub kind: GroupKind,
    /// What it is about.
    pub topic: String,
    /// The sentences.
    pub members: Vec<MemberReport>,
    /// Ids of the articles that have a member; every other article of the
    /// report is silent on it.
    pub outlets: Vec<String>,
    /// Verdict.
    pub verdict: Verdict,
    /// Why.
    pub explanation: String,
    /// Word-level differences of two near-identical members.
    pub diff: Option<WordDiff>,
}

/// One outlet across the story.
#[derive(Debug, Clone, Serialize)]
pub struct OutletReport {
    /// Article id.
    pub article: String,
    /// Sources its sentences cite, most cited first: `[name, sentences]`.
    pub sources: Vec<(String, usize)>,
    /// Story sentences.
    pub sentences: usize,
    /// Of which hedged.
    pub hedged: usize,
    /// Share of hedged sentences.
    pub hedged_share: f64,
    /// Statements only this outlet makes.
    pub only_here_statements: usize,
    /// Quantities only this outlet reports.
    pub only_here_figures: usize,
}

/// The reference date of an article and where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceDate {
    /// The day relative times were resolved against.
    pub date: Date,
    /// `metadata`, `text` or `fallback`.
    pub origin: dateline::Origin,
}

/// One article of the report.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    /// Short id.
    pub id: String,
    /// File name.
    pub file: String,
    /// Outlet name, `null` if the text does not name it.
    pub outlet: Option<String>,
    /// The article's own date (`YYYY-MM-DD`), `null` if unknown.
    pub date: Option<Date>,
    /// Where the date came from and what relative times were resolved against.
    pub reference_date: Option<ReferenceDate>,
    /// The date as read from the text, if it could be.
    pub inferred_date: Option<InferredReport>,
    /// Headline or display title.
    pub title: String,
    /// Body word count.
    pub words: usize,
    /// Every figure, body and chrome.
    pub figures: Vec<FigureReport>,
}

/// The date read from an article's text, with character offsets.
#[derive(Debug, Clone, Serialize)]
pub struct InferredReport {
    /// The day.
    pub date: Date,
    /// What it was read from.
    pub evidence: dateline::Evidence,
    /// Character offset of the words it was read from.
    pub start: usize,
    /// Character offset past them.
    pub end: usize,
}

/// A numeric value: `min`/`max`, `null` when unbounded.
#[derive(Debug, Clone, Serialize)]
pub struct ValueReport {
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// Lower bound included.
    pub min_inclusive: bool,
    /// Upper bound included.
    pub max_inclusive: bool,
}

impl From<Interval> for ValueReport {
    fn from(i: Interval) -> Self {
        ValueReport {
            min: i.min,
            max: i.max,
            min_inclusive: i.min_inclusive,
            max_inclusive: i.max_inclusive,
        }
    }
}

/// A time reference of a figure.
#[derive(Debug, Clone, Serialize)]
pub struct TimeRefReport {
    /// The words (`nel 2025`).
    pub text: String,
    /// Id of the time figure.
    pub figure: String,
    /// Its days.
    pub time: Option<DayRange>,
}

/// One figure of the report.
#[derive(Debug, Clone, Serialize)]
pub struct FigureReport {
    /// Id, unique in the article.
    pub id: String,
    /// The words, verbatim.
    pub text: String,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset past the last character.
    pub end: usize,
    /// Kind.
    pub kind: figures::FigureKind,
    /// Numeric value (quantities).
    pub value: Option<ValueReport>,
    /// Days (dates, periods, times).
    pub time: Option<DayRange>,
    /// Part of day or clock time.
    pub clock: Option<String>,
    /// Part of day of a clock time (`morning` for `alle 8 del mattino`);
    /// absent when none (these two are left out rather than `null`: a
    /// thousand articles have a hundred thousand figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// The time zone a clock is read in, where the text places it (`ora
    /// di Pechino`, a dateline abroad); absent: the outlet's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// Qualifier.
    pub qualifier: Option<figures::Qualifier>,
    /// Stated number, before the qualifier.
    pub stated: Option<f64>,
    /// Place value of the last written digit.
    pub precision: Option<f64>,
    /// Negated.
    pub negated: bool,
    /// A change rather than a level.
    pub change: bool,
    /// What it measures.
    pub subject: Option<String>,
    /// The time the sentence refers it to.
    pub time_ref: Option<TimeRefReport>,
    /// Who the sentence attributes it to.
    pub source: Option<String>,
    /// In page chrome.
    pub boilerplate: bool,
    /// Resolved against the reference date.
    pub relative: bool,
    /// What could not be resolved, or how it was.
    pub note: Option<String>,
}

impl FigureReport {
    fn new(chars: &CharIndex, f: &Figure) -> FigureReport {
        FigureReport {
            id: f.id.clone(),
            text: f.text.clone(),
            start: chars.char_at(f.start),
            end: chars.char_at(f.end),
            kind: f.kind,
            value: f.value.map(Into::into),
            time: f.time,
            clock: f.clock.clone(),
            phase: f.phase.clone(),
            zone: f.zone.clone(),
            unit: f.unit.clone(),
            qualifier: f.qualifier,
            stated: f.stated,
            precision: f.precision,
            negated: f.negated,
            change: f.change,
            subject: f.subject.clone(),
            time_ref: f.time_ref.as_ref().map(|t| TimeRefReport {
                text: t.text.clone(),
                figure: t.figure.clone(),
                time: t.time,
            }),
            source: f.source.clone(),
            boilerplate: f.boilerplate,
            relative: f.relative,
            note: f.note.clone(),
        }
    }
}

impl ArticleReport {
    /// Analyses one article; `fallback` is the reference date for an
    /// article whose date is neither set nor in its text.
    pub fn new(article: &Article, fallback: Option<Date>) -> ArticleReport {
        let a = crate::analysis::analyse(article, fallback);
        let chars = CharIndex::new(&a.article.text);
        ArticleReport::of(&a.into(), &chars)
    }

    /// The report of an analysed article, with the character table of its
    /// text.
    pub fn of(a: &crate::compare::ArticleFigures, chars: &CharIndex) -> ArticleReport {
        let article = &a.article;
        let reference = a.reference;
        ArticleReport {
            id: article.id.clone(),
            file: article.file.clone(),
            outlet: article.meta.outlet.clone(),
            date: reference
                .filter(|r| r.1 != dateline::Origin::Fallback)
                .map(|r| r.0),
            reference_date: reference.map(|(date, origin)| ReferenceDate { date, origin }),
            inferred_date: a.inferred.map(|i| InferredReport {
                date: i.date,
                evidence: i.evidence,
                start: chars.char_at(i.start),
                end: chars.char_at(i.end),
            }),
            title: article.display_title(),
            words: a.words,
            figures: a
                .figures
                .iter()
                .map(|f| FigureReport::new(chars, f))
                .collect(),
        }
    }
}

impl Report {
    /// Analyses and compares every article.
    pub fn new(articles: &[Article], fallback: Option<Date>) -> Report {
        Report::from_comparison(&compare(articles, fallback))
    }

    /// The report of a comparison already made.
    pub fn from_comparison(c: &Comparison) -> Report {
        let fid = |r: crate::compare::FigureRef| {
            format!(
                "{}/{}",
                c.articles[r.article].article.id, c.articles[r.article].figures[r.figure].id
            )
        };
        let aid = |i: usize| c.articles[i].article.id.clone();
        let chars: Vec<CharIndex> = c
            .articles
            .iter()
            .map(|a| CharIndex::new(&a.article.text))
            .collect();
        let articles = c
            .articles
            .iter()
            .zip(&chars)
            .map(|(a, ix)| ArticleReport::of(a, ix))
            .collect();
        let quantities = c
            .quantities
            .iter()
            .map(|q| {
                let conflicts: Vec<&crate::compare::quantities::Link> = q
                    .links
                    .iter()
                    .filter(|l| l.verdict == Verdict::Conflict)
                    .collect();
                QuantityReport {
                    id: q.id.clone(),
                    quantity: q.label.clone(),
                    members: q.figures.iter().map(|r| fid(*r)).collect(),
                    verdict: q.verdict,
                    explanation: q.explanation.clone(),
                    pairs_compared: q.links.len(),
                    conflicts_total: conflicts.len(),
                    conflicts: conflicts
                        .into_iter()
                        .take(MAX_PAIRS)
                        .map(|l| PairReport {
                            a: fid(l.a),
                            b: fid(l.b),
                            verdict: l.verdict,
                            explanation: l.explanation.clone(),
                        })
                        .collect(),
                }
            })
            .collect();
        let sentences = &c.statements.sentences;
        let statements = c
            .statements
            .groups
            .iter()
            .map(|g| StatementReport {
                id: g.id.clone(),
                kind: g.kind,
                topic: g.topic.clone(),
                members: g
                    .members
                    .iter()
                    .map(|m| {
                        let s = &sentences[m.sentence];
                        let ix = &chars[s.article];
                        MemberReport {
                            article: aid(s.article),
                            text: s.text.clone(),
                            start: ix.char_at(s.start),
                            end: ix.char_at(s.end),
                            hedged: s.hedge.is_some(),
                            hedge: s.hedge.clone(),
                            source: s.source.clone(),
                            polarity: m.polarity,
                            framing_words: m.framing_words.clone(),
                        }
                    })
                    .collect(),
                outlets: g.outlets.iter().map(|&i| aid(i)).collect(),
                verdict: g.verdict,
                explanation: g.explanation.clone(),
                diff: g.diff.clone(),
            })
            .collect();
        let outlets = c
            .outlets
            .iter()
            .map(|o| OutletReport {
                article: o.article.clone(),
                sources: o.sources.clone(),
                sentences: o.sentences,
                hedged: o.hedged,
                hedged_share: if o.sentences == 0 {
                    0.0
                } else {
                    o.hedged as f64 / o.sentences as f64
                },
                only_here_statements: o.only_here_statements,
                only_here_figures: o.only_here_figures,
            })
            .collect();
        let counts = c.verdict_counts();
        let count = |v: Verdict| counts.iter().find(|(x, _)| *x == v).map_or(0, |x| x.1);
        Report {
            articles,
            quantities,
            statements,
            outlets,
            summary: Summary {
                same: count(Verdict::Same),
                compatible: count(Verdict::Compatible),
                conflict: count(Verdict::Conflict),
                only_here: count(Verdict::OnlyHere),
            },
        }
    }
}
