//! The machine-readable report: what `synoptic analyze` prints as JSON, and
//! what exports build on. Offsets here are **character** offsets into the
//! article's text (not bytes), dates are `YYYY-MM-DD`, unbounded interval
//! ends are `null`.

use serde::Serialize;

use crate::article::Article;
use crate::date::{Date, DayRange};
use crate::figures::{self, dateline, Figure, Interval};
use crate::text::char_offset;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// One entry per article, in input order.
    pub articles: Vec<ArticleReport>,
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
    fn new(text: &str, f: &Figure) -> FigureReport {
        FigureReport {
            id: f.id.clone(),
            text: f.text.clone(),
            start: char_offset(text, f.start),
            end: char_offset(text, f.end),
            kind: f.kind,
            value: f.value.map(Into::into),
            time: f.time,
            clock: f.clock.clone(),
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
        let reference = dateline::reference_date(article, fallback);
        let figs = figures::extract(article, reference.map(|r| r.0));
        ArticleReport {
            id: article.id.clone(),
            file: article.file.clone(),
            outlet: article.meta.outlet.clone(),
            date: reference
                .filter(|r| r.1 != dateline::Origin::Fallback)
                .map(|r| r.0),
            reference_date: reference.map(|(date, origin)| ReferenceDate { date, origin }),
            inferred_date: dateline::infer(article).map(|i| InferredReport {
                date: i.date,
                evidence: i.evidence,
                start: char_offset(&article.text, i.start),
                end: char_offset(&article.text, i.end),
            }),
            title: article.display_title(),
            words: article.word_count(),
            figures: figs
                .iter()
                .map(|f| FigureReport::new(&article.text, f))
                .collect(),
        }
    }
}

impl Report {
    /// Analyses every article.
    pub fn new(articles: &[Article], fallback: Option<Date>) -> Report {
        Report {
            articles: articles
                .iter()
                .map(|a| ArticleReport::new(a, fallback))
                .collect(),
        }
    }
}
