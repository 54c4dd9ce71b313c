//! The cross-outlet comparison: which figures measure the same quantity and
//! whether they agree, which sentences state the same fact, who hedges and
//! who is cited.
//!
//! Reach for [`compare`] with the articles of one story: it extracts every
//! article's figures ([`crate::figures`]), links figures of different
//! outlets that measure the same quantity ([`quantities`]), groups sentences
//! that state the same fact ([`statements`]) and profiles each outlet.
//!
//! ```
//! use synoptic_core::{compare::{compare, Verdict}, Article, Metadata};
//! let a = Article::parse("a", "a.txt", "Titolo del primo giornale\nNel 2023 l'export italiano ha superato i 600 miliardi di euro, secondo l'Istat.", Metadata::default());
//! let b = Article::parse("b", "b.txt", "Titolo del secondo giornale\nNel 2023 le esportazioni italiane hanno raggiunto i 626 miliardi di euro.", Metadata::default());
//! let c = compare(&[a, b], None);
//! let export = c
//!     .quantities
//!     .iter()
//!     .find(|q| q.figures.iter().any(|r| c.figure(*r).unwrap().text == "626 miliardi di euro"))
//!     .unwrap();
//! assert_eq!(export.figures.len(), 2);
//! assert_eq!(export.verdict, Verdict::Compatible); // more than 600 vs 626: overlapping
//! ```
//!
//! Nothing here compares everything with everything: figures are indexed by
//! kind, unit and the concept they measure, sentences by their rarer terms,
//! so the cost grows close to linearly with the corpus.

pub mod explain;
pub mod identity;
pub mod quantities;
pub mod statements;

use serde::{Deserialize, Serialize};

pub use crate::analysis::analyse;
use crate::analysis::Analysis;
use crate::article::Article;
use crate::date::Date;
use crate::figures::{dateline, Figure};

/// A verdict on a link or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Same value and qualifier (same wording, for statements).
    Same,
    /// Overlapping, but precision, qualifier, period or source differ.
    Compatible,
    /// Cannot both be true (disjoint values, different dates, opposed framing).
    Conflict,
    /// No other outlet reports it.
    OnlyHere,
}

impl Verdict {
    /// A stable machine name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::OnlyHere => "only_here",
        }
    }
}

/// One article with its extracted figures and reference date: what a
/// comparison keeps of each [`Analysis`] once it is made.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleFigures {
    /// The article.
    pub article: Article,
    /// The date relative times were resolved against.
    pub reference: Option<(Date, dateline::Origin)>,
    /// The date as read from its text, if it could be.
    #[serde(default)]
    pub inferred: Option<dateline::Inferred>,
    /// Its figures (body and chrome).
    pub figures: Vec<Figure>,
    /// The number of words of its body ([`Article::word_count`]).
    pub words: usize,
}

impl From<Analysis> for ArticleFigures {
    fn from(a: Analysis) -> Self {
        ArticleFigures {
            article: a.article,
            reference: a.reference,
            inferred: a.inferred,
            figures: a.figures,
            words: a.words,
        }
    }
}

/// A figure of the corpus: article index and figure index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FigureRef {
    /// Index of the article.
    pub article: usize,
    /// Index of the figure in that article.
    pub figure: usize,
}

/// What one outlet looks like across the story.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OutletProfile {
    /// Article id.
    pub article: String,
    /// Sources the article's sentences cite, with how many sentences cite each.
    pub sources: Vec<(String, usize)>,
    /// Sentences of the story.
    pub sentences: usize,
    /// Of which hedged.
    pub hedged: usize,
    /// Statement groups only this outlet has.
    pub only_here_statements: usize,
    /// Quantities only this outlet reports.
    pub only_here_figures: usize,
}

/// The comparison of a story. It serialises and deserialises whole, so an
/// analysis can be kept or moved (to storage, across a worker's message)
/// and used again without redoing it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Comparison {
    /// The articles with their figures.
    pub articles: Vec<ArticleFigures>,
    /// Quantities: linked figures (and figures no one else reports).
    pub quantities: Vec<quantities::Quantity>,
    /// Sentences and their groups (facts, then framing).
    pub statements: statements::Alignment,
    /// One profile per article.
    pub outlets: Vec<OutletProfile>,
}

impl Comparison {
    /// The comparison as compact bytes (postcard), for storage or a
    /// worker's message: what [`Comparison::from_bytes`] reads back.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// A comparison from [`Comparison::to_bytes`]'s bytes; why not, if
    /// they are not one (damaged, or of another version of the types).
    pub fn from_bytes(bytes: &[u8]) -> Result<Comparison, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// The figure a reference points at.
    pub fn figure(&self, r: FigureRef) -> Option<&Figure> {
        self.articles.get(r.article)?.figures.get(r.figure)
    }

    /// Counts of quantities by verdict (only those reported by at least one
    /// outlet's story, chrome excluded).
    pub fn verdict_counts(&self) -> [(Verdict, usize); 4] {
        let mut out = [
            (Verdict::Same, 0),
            (Verdict::Compatible, 0),
            (Verdict::Conflict, 0),
            (Verdict::OnlyHere, 0),
        ];
        for q in &self.quantities {
            if let Some(slot) = out.iter_mut().find(|(v, _)| *v == q.verdict) {
                slot.1 += 1;
            }
        }
        out
    }
}

/// Compares the articles of one story; `fallback` is the reference date of
/// articles with no date of their own: [`analyse`] on each article, then
/// [`compare_analysed`].
pub fn compare(articles: &[Article], fallback: Option<Date>) -> Comparison {
    compare_analysed(articles.iter().map(|a| analyse(a, fallback)).collect())
}

/// The second step of [`compare`]: links the figures of analysed articles
/// into quantities and aligns their statements. It only reads the
/// analyses (their tokens, sentences, terms and figures), then keeps what
/// the comparison shows of each.
pub fn compare_analysed(analysed: Vec<Analysis>) -> Comparison {
    let quantities = quantities::link(&analysed);
    let statements = statements::align(&analysed, &quantities);
    let outlets = profiles(&analysed, &quantities, &statements);
    Comparison {
        articles: analysed.into_iter().map(ArticleFigures::from).collect(),
        quantities,
        statements,
        outlets,
    }
}

/// Each outlet's profile, in one pass over sentences, groups and
/// quantities (never articles × sentences).
fn profiles(
    articles: &[Analysis],
    quantities: &[quantities::Quantity],
    alignment: &statements::Alignment,
) -> Vec<OutletProfile> {
    let n = articles.len();
    let mut sources: Vec<Vec<(String, usize)>> = vec![Vec::new(); n];
    let mut sentences = vec![0usize; n];
    let mut hedged = vec![0usize; n];
    for s in &alignment.sentences {
        let Some(k) = (s.article < n).then_some(s.article) else {
            continue;
        };
        sentences[k] += 1;
        if s.hedge.is_some() {
            hedged[k] += 1;
        }
        if let Some(src) = &s.source {
            match sources[k].iter_mut().find(|(name, _)| name == src) {
                Some(e) => e.1 += 1,
                None => sources[k].push((src.clone(), 1)),
            }
        }
    }
    let mut only_here_statements = vec![0usize; n];
    for g in alignment
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::OnlyHere)
    {
        for &k in &g.outlets {
            if let Some(c) = only_here_statements.get_mut(k) {
                *c += 1;
            }
        }
    }
    let mut only_here_figures = vec![0usize; n];
    for q in quantities.iter().filter(|q| q.verdict == Verdict::OnlyHere) {
        let mut seen: Vec<usize> = q.figures.iter().map(|f| f.article).collect();
        seen.sort_unstable();
        seen.dedup();
        for k in seen {
            if let Some(c) = only_here_figures.get_mut(k) {
                *c += 1;
            }
        }
    }
    articles
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let mut sources = std::mem::take(&mut sources[k]);
            sources.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            OutletProfile {
                article: a.article.id.clone(),
                sources,
                sentences: sentences[k],
                hedged: hedged[k],
                only_here_statements: only_here_statements[k],
                only_here_figures: only_here_figures[k],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
