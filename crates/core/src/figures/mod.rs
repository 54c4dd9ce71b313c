//! Figures: every quantity and time an article states, exactly.
//!
//! A [`Figure`] is an amount (`227,9 miliardi di dollari`), a percentage
//! (`oltre il 140%`), a count (`11 volte`, `circa cento esercitazioni`), a
//! fraction (`quasi un quarto`), a multiplier (`triplicare`), an ordinal
//! (`25° anniversario`), a date or period (`4 febbraio 2026`, `tra il 2017 e
//! il 2024`, `nel primo trimestre`), or a time of day (`questa mattina`).
//! Each has its exact span, a normalised value as an [`Interval`] (the
//! qualifier — `oltre`, `quasi`, `circa` — changes the interval) or a
//! [`DayRange`], its unit, what it measures, the time it refers to and the
//! source the sentence attributes it to.
//!
//! Reach for [`extract`] on an [`Article`] (figures of body and chrome, the
//! latter flagged `boilerplate`), or [`extract_text`] on any text.
//!
//! ```
//! use synoptic_core::date::Date;
//! use synoptic_core::figures::{extract_text, FigureKind};
//! let reference = Date::from_ymd(2025, 3, 1);
//! let figs = extract_text("Nel 2024 l'export è cresciuto di quasi il 12%, secondo l'Istat.", reference);
//! let pct = figs.iter().find(|f| f.kind == FigureKind::Percent).unwrap();
//! assert_eq!(pct.text, "è cresciuto di quasi il 12%");
//! assert!(pct.value.unwrap().contains(11.5) && !pct.value.unwrap().contains(12.0));
//! assert_eq!(pct.time_ref.as_ref().unwrap().text, "Nel 2024");
//! assert_eq!(pct.source.as_deref(), Some("Istat"));
//! ```
//!
//! The pipeline, run once per article by [`crate::analysis`]:
//! [`crate::token`] cuts a block into tokens; [`time`] finds dates and
//! periods; [`quantity`] finds every other figure and its qualifier;
//! [`context`] splits sentences and fills in subject, time reference and
//! source. [`dateline`] infers an article's own date. Nothing here panics on
//! any input; what cannot be resolved is said in [`Figure::note`].

pub mod context;
pub mod dateline;
pub(crate) mod implied;
pub mod lexicon;
pub mod number;
pub mod quantity;
pub mod subject;
pub mod time;
pub mod verbs;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::chrome::BlockKind;
use crate::date::{Date, DayRange};
use crate::token::Tok;

/// What kind of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Money: a number with a currency.
    Amount,
    /// A percentage or percentage points.
    Percent,
    /// A number with what it counts (`11 volte`, `16 anni`).
    Count,
    /// A number with nothing counted after it.
    #[default]
    Number,
    /// An ordinal (`25°`, `terzo`).
    Ordinal,
    /// A fraction (`un quarto`, `metà`).
    Fraction,
    /// A multiplicative change (`triplicare`, `il doppio`).
    Multiplier,
    /// A day, month or year (`4 febbraio 2026`, `nel marzo 2013`, `nel 2019`).
    Date,
    /// A range or period of days (`dal 19 al 20 maggio`, `nel primo trimestre`).
    Period,
    /// A time of day (`questa mattina`, `alle 15:30`).
    Time,
}

impl FigureKind {
    /// A stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Amount => "amount",
            FigureKind::Percent => "percent",
            FigureKind::Count => "count",
            FigureKind::Number => "number",
            FigureKind::Ordinal => "ordinal",
            FigureKind::Fraction => "fraction",
            FigureKind::Multiplier => "multiplier",
            FigureKind::Date => "date",
            FigureKind::Period => "period",
            FigureKind::Time => "time",
        }
    }

    /// True for dates, periods and times of day.
    pub fn is_time(self) -> bool {
        matches!(
            self,
            FigureKind::Date | FigureKind::Period | FigureKind::Time
        )
    }
}

/// How a qualifier bends the stated value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `oltre`, `più di`, `superato`: strictly more.
    Over,
    /// `almeno`, `non meno di`: at least.
    AtLeast,
    /// `meno di`, `sotto`: strictly less.
    Under,
    /// `fino a`, `al massimo`, `non più di`: at most.
    AtMost,
    /// `circa`, `intorno a`, `una trentina`: around.
    About,
    /// `quasi`, `poco meno di`: just under.
    Almost,
    /// `ben`: emphasis, value unchanged.
    Emphatic,
    /// `tra X e Y`, `X-Y`: a stated range.
    Range,
}

impl Qualifier {
    /// A stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::Under => "under",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Almost => "almost",
            Qualifier::Emphatic => "emphatic",
            Qualifier::Range => "range",
        }
    }
}

/// A set of numbers: bounds may be missing (unbounded) or open.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// Lower bound; `None` is unbounded.
    pub min: Option<f64>,
    /// Upper bound; `None` is unbounded.
    pub max: Option<f64>,
    /// The lower bound belongs to the set.
    pub min_inclusive: bool,
    /// The upper bound belongs to the set.
    pub max_inclusive: bool,
}

impl Interval {
    /// Exactly `v`.
    pub fn exact(v: f64) -> Interval {
        Interval {
            min: Some(v),
            max: Some(v),
            min_inclusive: true,
            max_inclusive: true,
        }
    }

    /// `[a, b]`.
    pub fn closed(a: f64, b: f64) -> Interval {
        Interval {
            min: Some(a.min(b)),
            max: Some(a.max(b)),
            min_inclusive: true,
            max_inclusive: true,
        }
    }

    /// The interval a qualifier makes of a stated value.
    pub fn qualified(v: f64, q: Option<Qualifier>) -> Interval {
        let tol = (v.abs() * 0.1).max(f64::MIN_POSITIVE);
        match q {
            None | Some(Qualifier::Emphatic) | Some(Qualifier::Range) => Interval::exact(v),
            Some(Qualifier::Over) => Interval {
                min: Some(v),
                max: None,
                min_inclusive: false,
                max_inclusive: false,
            },
            Some(Qualifier::AtLeast) => Interval {
                min: Some(v),
                max: None,
                min_inclusive: true,
                max_inclusive: false,
            },
            Some(Qualifier::Under) => Interval {
                min: None,
                max: Some(v),
                min_inclusive: false,
                max_inclusive: false,
            },
            Some(Qualifier::AtMost) => Interval {
                min: None,
                max: Some(v),
                min_inclusive: false,
                max_inclusive: true,
            },
            Some(Qualifier::About) => Interval::closed(v - tol, v + tol),
            Some(Qualifier::Almost) => Interval {
                min: Some(v - tol),
                max: Some(v),
                min_inclusive: true,
                max_inclusive: false,
            },
        }
    }

    /// True if `x` is in the set.
    pub fn contains(self, x: f64) -> bool {
        let above = match self.min {
            None => true,
            Some(m) if self.min_inclusive => x >= m,
            Some(m) => x > m,
        };
        let below = match self.max {
            None => true,
            Some(m) if self.max_inclusive => x <= m,
            Some(m) => x < m,
        };
        above && below
    }

    /// True if the two sets share a number.
    pub fn overlaps(self, other: Interval) -> bool {
        let lo_ok = |a: Interval, b: Interval| match (a.max, b.min) {
            (Some(amax), Some(bmin)) => {
                amax > bmin || (amax == bmin && a.max_inclusive && b.min_inclusive)
            }
            _ => true,
        };
        lo_ok(self, other) && lo_ok(other, self)
    }
}

/// The time a figure refers to, as its sentence says it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRef {
    /// The words (`nel 2025`).
    pub text: String,
    /// The id of the time figure that says it.
    pub figure: String,
    /// The days it covers, when known.
    pub time: Option<DayRange>,
}

/// One figure: what the grammar finds (over token indices) and, once
/// placed in its article, its span, text, context and id. The grammar and
/// everything after it use this one type.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Figure {
    /// Identifier, unique in its article (`f12`).
    pub id: String,
    /// Byte offset of the first character in the article's text.
    pub start: usize,
    /// Byte offset past the last character.
    pub end: usize,
    /// The words, verbatim.
    pub text: String,
    /// What kind of figure.
    pub kind: FigureKind,
    /// Normalised value (quantities).
    pub value: Option<Interval>,
    /// The number as written, before the qualifier (`200` in `oltre 200`).
    pub stated: Option<f64>,
    /// Place value of the last written digit (`227,9 miliardi` → 1e8).
    pub precision: Option<f64>,
    /// Days covered (dates, periods, times of day).
    pub time: Option<DayRange>,
    /// Part of the day (`morning`, `15:30`) for times of day.
    pub clock: Option<String>,
    /// Which hours of its part of the day a time takes: `early` (`nel
    /// primo pomeriggio`, `di prima mattina`), `mid` (`a metà mattinata`),
    /// `late` (`in tarda serata`, `a notte fonda`); none for the whole part
    /// or a clock.
    #[serde(default)]
    pub phase: Option<String>,
    /// Where the clock is read (an IANA zone: `Asia/Shanghai`), when the
    /// text places it (`ora di Pechino`, a dateline `PECHINO, …`).
    #[serde(default)]
    pub zone: Option<String>,
    /// Unit: ISO currency, `%`, `pp`, `×`, or the counted noun.
    pub unit: Option<String>,
    /// The qualifier, if any.
    pub qualifier: Option<Qualifier>,
    /// The words of the qualifier (`più di`, `superato`; they may lie
    /// outside the span, for verbs).
    pub qualifier_text: Option<String>,
    /// The figure is negated (`non … 200`).
    pub negated: bool,
    /// The figure is a change (`aumentate del 14,7%`), not a level.
    pub change: bool,
    /// What it measures (`commercio bilaterale`, `incontri`).
    pub subject: Option<String>,
    /// The time the sentence says it refers to.
    pub time_ref: Option<TimeRef>,
    /// Who the sentence attributes it to.
    pub source: Option<String>,
    /// In page chrome, not in the story.
    pub boilerplate: bool,
    /// A relative time resolved against the reference date.
    pub relative: bool,
    /// What could not be resolved, or how it was.
    pub note: Option<String>,
    /// First token (in the article's tokens once placed; in its block's
    /// while the grammar runs).
    #[serde(skip)]
    pub first: usize,
    /// One past the last token.
    #[serde(skip)]
    pub last: usize,
    /// Index of its sentence in the analysis.
    #[serde(skip)]
    pub sentence: usize,
    /// The tokens of its subject phrase, when it was read from the text.
    #[serde(skip)]
    pub subject_tokens: Option<std::ops::Range<usize>>,
    /// The figure (index in the article) that gives its time reference.
    #[serde(skip)]
    pub time_ref_at: Option<usize>,
}

impl Figure {
    /// A bare figure of `kind` over tokens `first..last`, as the grammar
    /// makes it.
    pub fn new(kind: FigureKind, first: usize, last: usize) -> Figure {
        Figure {
            kind,
            first,
            last,
            ..Figure::default()
        }
    }
}

impl Figure {
    /// True for a time of day given as a clock (`alle 15`, `08:30-17:00`),
    /// not as a part of the day (`in serata`, whose `clock` is `evening`).
    pub fn has_clock_time(&self) -> bool {
        self.clock
            .as_deref()
            .is_some_and(|c| c.starts_with(|ch: char| ch.is_ascii_digit()))
    }

    /// True for a figure of the story that measures something: what the
    /// views show (not page chrome, not a bare number).
    pub fn is_story_measure(&self) -> bool {
        !self.boilerplate && self.kind != FigureKind::Number
    }

    /// The days a time figure allows once its bound is applied: `dal 2013`
    /// (since) runs from 2013 on, `entro il 2030` (by) up to the end of
    /// 2030, `prima del 20 aprile` (before) up to the 19th; an open end is
    /// the calendar's first or last day. Its own days for any other figure,
    /// and for a clock with its bound (`poco dopo le 21`, `entro le 18`):
    /// the bound is on the hour, not on the day (a part of the day keeps
    /// its bound on the days: `da lunedì sera` runs on).
    pub fn time_extent(&self) -> Option<DayRange> {
        let t = self.time?;
        if self.has_clock_time() {
            return Some(t);
        }
        let first = Date::from_days(i64::MIN);
        let last = Date::from_days(i64::MAX);
        Some(match self.qualifier {
            Some(Qualifier::AtLeast) => DayRange::new(t.start, last),
            Some(Qualifier::Over) => DayRange::new(t.end.add_days(1), last),
            Some(Qualifier::AtMost) => DayRange::new(first, t.end),
            Some(Qualifier::Under) => DayRange::new(first, t.start.add_days(-1)),
            _ => t,
        })
    }
}

/// The figures of one block's tokens, in text order, with block-local token
/// indices: time expressions first, then every other quantity among the
/// tokens they left. Context (subject, time reference, source) is added by
/// [`context::annotate`], one sentence at a time.
pub fn find(
    toks: &[Tok],
    text: &str,
    reference: Option<Date>,
    numbers: &number::Reader,
) -> Vec<Figure> {
    numbers.begin(toks.len());
    let mut found = time::find(toks, text, reference, numbers);
    let mut taken = vec![false; toks.len()];
    for f in &found {
        for x in taken.iter_mut().take(f.last.min(toks.len())).skip(f.first) {
            *x = true;
        }
    }
    found.extend(quantity::find(toks, text, &taken, numbers));
    numbers.end();
    found.sort_by_key(|f| (f.first, f.last));
    found
}

/// Fills in every figure's [`TimeRef`] from the figure its sentence refers
/// it to (`time_ref_at`, set by [`context::annotate`]).
pub(crate) fn resolve_time_refs(figures: &mut [Figure]) {
    for k in 0..figures.len() {
        let Some(m) = figures[k].time_ref_at else {
            continue;
        };
        if let Some(t) = figures.get(m) {
            let r = TimeRef {
                text: t.text.clone(),
                figure: t.id.clone(),
                time: t.time,
            };
            figures[k].time_ref = Some(r);
        }
    }
}

/// The figures of an article: body and chrome (flagged `boilerplate`), in
/// text order, with relative times resolved against `reference` (usually
/// [`dateline::reference_date`]).
pub fn extract(article: &Article, reference: Option<Date>) -> Vec<Figure> {
    crate::analysis::figures_only(article, reference)
}

/// The figures of any text, taken as one story block per non-blank line.
pub fn extract_text(text: &str, reference: Option<Date>) -> Vec<Figure> {
    let mut article = Article::parse("text", "text", "", crate::Metadata::default());
    article.text = text.to_string();
    article.blocks = crate::chrome::lines(text)
        .into_iter()
        .map(|(start, end)| crate::chrome::Block {
            start,
            end,
            kind: BlockKind::Paragraph,
            rule: std::borrow::Cow::Borrowed("one line of a plain text"),
        })
        .collect();
    extract(&article, reference)
}

#[cfg(test)]
mod tests;
