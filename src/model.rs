//! The story as the views need it: the comparison computed once, and the
//! lookups the views make (figure marks in a passage, rows of the side by
//! side, rows of the figures table and their exports, difference density).
//! Pure Rust, no browser: it is tested natively.

use std::collections::HashMap;

use serde::Serialize;
use synoptic_core::compare::explain::Part;
use synoptic_core::compare::statements::{GroupKind, StatementGroup};
use synoptic_core::compare::{compare, Comparison, FigureRef, Verdict};
use synoptic_core::figures::Figure;
use synoptic_core::Article;

use crate::i18n::Lang;

/// What the views know about one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureInfo {
    /// Index of its quantity.
    pub quantity: usize,
    /// The quantity's verdict.
    pub verdict: Verdict,
    /// Why, part by part.
    pub parts: Vec<Part>,
}

/// A figure to highlight inside a passage (byte offsets of the article).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Start in the article's text.
    pub start: usize,
    /// End in the article's text.
    pub end: usize,
    /// Quantity id (`q3`).
    pub quantity: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Explanation of the verdict, part by part.
    pub parts: Vec<Part>,
    /// The figure's id (`f21`).
    pub figure: String,
}

/// The embedded (or imported) story, analysed once.
pub struct Story {
    /// The comparison.
    pub comparison: Comparison,
    info: HashMap<FigureRef, FigureInfo>,
    /// Statement group of each sentence (fact groups).
    pub group_of_sentence: Vec<usize>,
}

impl PartialEq for Story {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Characters of context a Web Annotation's quote selector carries on
/// each side of the exact words.
pub const QUOTE_CONTEXT: usize = 32;

/// The embedded story's comparison, as the build made it (`build.rs`).
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.bin"));

/// A comparison of no articles.
fn empty() -> Comparison {
    Comparison {
        articles: Vec::new(),
        quantities: Vec::new(),
        statements: synoptic_core::compare::statements::Alignment {
            sentences: Vec::new(),
            groups: Vec::new(),
        },
        outlets: Vec::new(),
    }
}

/// The kinds of figure the table and the highlights show (story figures
/// with a measure; bare numbers are left out).
fn shown(f: &Figure) -> bool {
    f.is_story_measure()
}

impl Story {
    /// Analyses and compares the articles (natively and in tests: the
    /// browser build gets its comparisons made, see [`Story::embedded`]).
    pub fn new(articles: &[Article]) -> Story {
        Story::from_comparison(compare(articles, None))
    }

    /// The embedded story, from its analysis made when the app was built.
    pub fn embedded() -> Story {
        Story::from_bytes(EMBEDDED).unwrap_or_else(|_| Story::from_comparison(empty()))
    }

    /// A story from a comparison's bytes ([`Comparison::to_bytes`]: the
    /// worker's answer, the build's analysis of the embedded story); why it
    /// cannot be read otherwise.
    pub fn from_bytes(bytes: &[u8]) -> Result<Story, String> {
        Comparison::from_bytes(bytes).map(Story::from_comparison)
    }

    /// The views' lookups over a comparison.
    pub fn from_comparison(comparison: Comparison) -> Story {
        let mut info = HashMap::new();
        for (qi, q) in comparison.quantities.iter().enumerate() {
            for r in &q.figures {
                info.insert(
                    *r,
                    FigureInfo {
                        quantity: qi,
                        verdict: q.verdict,
                        parts: q.parts.clone(),
                    },
                );
            }
        }
        let mut group_of_sentence = vec![usize::MAX; comparison.statements.sentences.len()];
        for (gi, g) in comparison.statements.groups.iter().enumerate() {
            if g.kind == GroupKind::Fact {
                for m in &g.members {
                    if let Some(slot) = group_of_sentence.get_mut(m.sentence) {
                        *slot = gi;
                    }
                }
            }
        }
        Story {
            comparison,
            info,
            group_of_sentence,
        }
    }

    /// The articles, in order.
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.comparison.articles.iter().map(|a| &a.article)
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.comparison.articles.len()
    }

    /// True with no article.
    pub fn is_empty(&self) -> bool {
        self.comparison.articles.is_empty()
    }

    /// Index of the article with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.comparison
            .articles
            .iter()
            .position(|a| a.article.id == id)
    }

    /// The article at `i`.
    pub fn article(&self, i: usize) -> &Article {
        &self.comparison.articles[i].article
    }

    /// The number of words of the body of the article at `i`.
    pub fn words(&self, i: usize) -> usize {
        self.comparison.articles.get(i).map_or(0, |a| a.words)
    }

    /// What the views know about a figure (story figures only).
    pub fn info(&self, r: FigureRef) -> Option<&FigureInfo> {
        self.info.get(&r)
    }

    /// Quantity counts by verdict.
    pub fn totals(&self) -> [(Verdict, usize); 4] {
        self.comparison.verdict_counts()
    }

    /// Figures to highlight in `start..end` of article `a`, in order, never
    /// overlapping.
    pub fn marks(&self, a: usize, start: usize, end: usize) -> Vec<Mark> {
        let Some(af) = self.comparison.articles.get(a) else {
            return Vec::new();
        };
        let mut out: Vec<Mark> = Vec::new();
        for (fi, f) in af.figures.iter().enumerate() {
            if f.start < start || f.end > end || !shown(f) {
                continue;
            }
            let Some(info) = self.info(FigureRef {
                article: a,
                figure: fi,
            }) else {
                continue;
            };
            if out.last().is_some_and(|m| m.end > f.start) {
                continue;
            }
            out.push(Mark {
                start: f.start,
                end: f.end,
                quantity: self.comparison.quantities[info.quantity].id.clone(),
                verdict: info.verdict,
                parts: info.parts.clone(),
                figure: f.id.clone(),
            });
        }
        out
    }

    /// Groups to show side by side for the selected articles, in reading
    /// order of the first selected article that has them; `differences`
    /// drops groups whose members all agree.
    pub fn rows(&self, selected: &[usize], differences: bool) -> Vec<usize> {
        self.row_order(selected, differences)
            .into_iter()
            .filter_map(|(g, shown)| shown.then_some(g))
            .collect()
    }

    /// Every fact group, each with whether it is shown for the selected
    /// articles (see [`Story::rows`]), in one order that keeps the shown
    /// ones in reading order: a group is placed by the first article that
    /// has it, taking the selected articles first, then the others. Views
    /// that keep hidden rows in the page use it so that showing and hiding
    /// rows moves none of them.
    pub fn row_order(&self, selected: &[usize], differences: bool) -> Vec<(usize, bool)> {
        let groups = &self.comparison.statements.groups;
        let sentences = &self.comparison.statements.sentences;
        let mut rank = vec![usize::MAX; self.len()];
        let unselected = (0..self.len()).filter(|a| !selected.contains(a));
        for (r, a) in selected.iter().copied().chain(unselected).enumerate() {
            if let Some(slot) = rank.get_mut(a) {
                *slot = (*slot).min(r);
            }
        }
        let mut rows: Vec<(usize, usize, usize, bool)> = Vec::new(); // (rank, start, group, shown)
        for (gi, g) in groups.iter().enumerate() {
            if g.kind != GroupKind::Fact {
                continue;
            }
            let Some(first) = g
                .members
                .iter()
                .map(|m| rank.get(m.article).copied().unwrap_or(usize::MAX))
                .min()
            else {
                continue;
            };
            let start = g
                .members
                .iter()
                .filter(|m| rank.get(m.article) == Some(&first))
                .map(|m| sentences[m.sentence].start)
                .min()
                .unwrap_or(0);
            let present = first < selected.len();
            let shown =
                present && !(differences && self.verdict_among(g, selected) == Verdict::Same);
            rows.push((first, start, gi, shown));
        }
        rows.sort();
        rows.into_iter()
            .map(|(_, _, g, shown)| (g, shown))
            .collect()
    }

    /// The ids of the selected articles (indices out of range left out).
    fn ids(&self, selected: &[usize]) -> Vec<&str> {
        selected
            .iter()
            .filter(|&&i| i < self.len())
            .map(|&i| self.article(i).id.as_str())
            .collect()
    }

    /// What a group's explanation says about the selected articles only:
    /// hedges, citations and framing of the others are left out, and so are
    /// the others among the silent (a negation counts only between two
    /// selected articles; framing words, which are the group's, stay whole).
    /// Parts about figures are kept as they are.
    pub fn parts_among(&self, g: &StatementGroup, selected: &[usize]) -> Vec<Part> {
        let ids = self.ids(selected);
        let on = |id: &String| ids.contains(&id.as_str());
        // Where the verdict among them is weaker than the group's, the part
        // that said why (a conflict, the same wording) no longer holds.
        let weaker = self.verdict_among(g, selected) == Verdict::Compatible
            && g.verdict != Verdict::Compatible;
        let mut parts: Vec<Part> = Vec::new();
        if weaker {
            parts.push(Part::SameFact {
                topic: g.topic.clone(),
            });
        }
        parts.extend(
            g.parts
                .iter()
                .filter(|p| {
                    !(weaker
                        && matches!(
                            p,
                            Part::Negates { .. } | Part::Disjoint { .. } | Part::NearIdentical
                        ))
                })
                .filter_map(|p| match p {
                    Part::Hedges { outlet, .. }
                    | Part::Cites { outlet, .. }
                    | Part::OnlyHere { outlet } => on(outlet).then(|| p.clone()),
                    Part::Negates { who, other, .. } => (on(who) && on(other)).then(|| p.clone()),
                    Part::Disjoint { name_a, name_b, .. } => {
                        (on(name_a) && on(name_b)).then(|| p.clone())
                    }
                    Part::Silent { .. } => None,
                    Part::FramingAligned { frame, outlets } => {
                        let outlets: Vec<String> =
                            outlets.iter().filter(|o| on(o)).cloned().collect();
                        (outlets.len() > 1).then(|| Part::FramingAligned {
                            frame: frame.clone(),
                            outlets,
                        })
                    }
                    // The words are the group's, not per outlet: kept whole.
                    Part::FramingOpposed {
                        frame,
                        asserting,
                        assert_words,
                        denying,
                        deny_words,
                    } => {
                        let asserting: Vec<String> =
                            asserting.iter().filter(|o| on(o)).cloned().collect();
                        let denying: Vec<String> =
                            denying.iter().filter(|o| on(o)).cloned().collect();
                        (!asserting.is_empty() && !denying.is_empty()).then(|| {
                            Part::FramingOpposed {
                                frame: frame.clone(),
                                asserting,
                                assert_words: assert_words.clone(),
                                denying,
                                deny_words: deny_words.clone(),
                            }
                        })
                    }
                    _ => Some(p.clone()),
                }),
        );
        // Who is silent among the shown: the group keeps the outlets that
        // have a member, so silence is said here, for the selection only.
        if g.kind == GroupKind::Fact && g.verdict != Verdict::OnlyHere {
            let silent: Vec<String> = selected
                .iter()
                .filter(|&&a| a < self.len() && g.outlets.binary_search(&a).is_err())
                .map(|&a| self.article(a).id.clone())
                .collect();
            if !silent.is_empty() {
                parts.push(Part::Silent { outlets: silent });
            }
        }
        parts
    }

    /// A group's verdict among the selected articles: `only_here` where
    /// one of them has it; the group's own verdict where all its outlets are
    /// selected; otherwise a conflict only if two selected outlets conflict,
    /// the same wording only if the near-identical pair is selected, and
    /// else compatible (the same fact: that much holds for any of them).
    pub fn verdict_among(&self, g: &StatementGroup, selected: &[usize]) -> Verdict {
        let sel = |a: usize| selected.contains(&a);
        let present = selected
            .iter()
            .filter(|a| g.members.iter().any(|m| m.article == **a))
            .count();
        if present < 2 {
            return Verdict::OnlyHere;
        }
        if g.members.iter().all(|m| sel(m.article)) {
            return g.verdict;
        }
        let ids = self.ids(selected);
        // A negation, or figures that cannot both be true, between two of
        // the selected outlets.
        let conflict = g.parts.iter().any(|p| match p {
            Part::Negates { who, other, .. } => {
                ids.contains(&who.as_str()) && ids.contains(&other.as_str())
            }
            Part::Disjoint { name_a, name_b, .. } => {
                ids.contains(&name_a.as_str()) && ids.contains(&name_b.as_str())
            }
            _ => false,
        });
        let pair_selected = g.diff.as_ref().is_some_and(|d| {
            [d.a, d.b]
                .iter()
                .all(|&k| g.members.get(k).is_some_and(|m| sel(m.article)))
        });
        if conflict {
            Verdict::Conflict
        } else if g.verdict == Verdict::Same && pair_selected {
            Verdict::Same
        } else {
            Verdict::Compatible
        }
    }

    /// The figures table.
    pub fn table(
        &self,
        sort: SortKey,
        differences: bool,
        kind: Option<&str>,
        lang: Lang,
    ) -> Vec<TableRow> {
        let mut rows: Vec<TableRow> = Vec::new();
        for q in &self.comparison.quantities {
            let figs: Vec<(usize, &Figure)> = q
                .figures
                .iter()
                .filter_map(|r| self.comparison.figure(*r).map(|f| (r.article, f)))
                .filter(|(_, f)| shown(f))
                .collect();
            let Some((_, first)) = figs.first() else {
                continue;
            };
            if differences && q.verdict == Verdict::Same {
                continue;
            }
            if kind.is_some_and(|k| k != first.kind.as_str()) {
                continue;
            }
            let cells = (0..self.len())
                .map(|a| {
                    figs.iter()
                        .filter(|(fa, _)| *fa == a)
                        .map(|(_, f)| Cell {
                            text: synoptic_core::text::collapse_whitespace(&f.text),
                            qualifier: f.qualifier.map(|q| q.as_str().to_string()),
                            source: f.source.clone(),
                            figure: f.id.clone(),
                        })
                        .collect()
                })
                .collect();
            rows.push(TableRow {
                quantity: q.id.clone(),
                measures: q.label.clone(),
                kind: first.kind.as_str().to_string(),
                verdict: q.verdict,
                explanation: lang.explain(&q.parts),
                cells,
            });
        }
        match sort {
            SortKey::Story => {}
            SortKey::Verdict => rows.sort_by_key(|r| verdict_rank(r.verdict)),
            SortKey::Kind => rows.sort_by(|a, b| a.kind.cmp(&b.kind)),
            SortKey::Measure => rows.sort_by_key(|r| r.measures.to_lowercase()),
        }
        rows
    }

    /// The shown table as CSV: exactly its rows and columns.
    pub fn table_csv(&self, rows: &[TableRow]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec![
            "quantity".to_string(),
            "measures".into(),
            "kind".into(),
            "verdict".into(),
        ];
        header.extend(self.articles().map(|a| match &a.meta.outlet {
            Some(o) => format!("{} ({o})", a.id),
            None => a.id.clone(),
        }));
        header.push("explanation".into());
        // Writing to memory cannot fail.
        let _ = w.write_record(&header);
        for r in rows {
            let mut line = vec![
                r.quantity.clone(),
                r.measures.clone(),
                r.kind.clone(),
                r.verdict.as_str().to_string(),
            ];
            line.extend(r.cells.iter().map(|cells| {
                cells
                    .iter()
                    .map(Cell::summary)
                    .collect::<Vec<_>>()
                    .join(" | ")
            }));
            line.push(r.explanation.clone());
            let _ = w.write_record(&line);
        }
        w.into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// The shown table as JSON.
    pub fn table_json(&self, rows: &[TableRow]) -> String {
        #[derive(Serialize)]
        struct Export<'a> {
            outlets: Vec<&'a str>,
            rows: &'a [TableRow],
        }
        let export = Export {
            outlets: self.articles().map(|a| a.id.as_str()).collect(),
            rows,
        };
        serde_json::to_string_pretty(&export).unwrap_or_else(|_| "{}".into())
    }

    /// The figures of `rows` as W3C Web Annotations (an
    /// `AnnotationCollection` of one page, JSON-LD): one highlighting
    /// annotation per figure, its target the article (its address, else an
    /// `urn:synoptic:` name) with a `TextQuoteSelector` (the exact words and
    /// up to [`QUOTE_CONTEXT`] characters before and after, as other
    /// annotation tools find them again), its body the verdict and why.
    pub fn annotations(&self, rows: &[TableRow], story: &str, lang: Lang) -> String {
        #[derive(Serialize)]
        struct Body<'a> {
            r#type: &'static str,
            value: String,
            format: &'static str,
            language: &'a str,
        }
        #[derive(Serialize)]
        struct Selector<'a> {
            r#type: &'static str,
            exact: &'a str,
            prefix: &'a str,
            suffix: &'a str,
        }
        #[derive(Serialize)]
        struct Target<'a> {
            source: String,
            selector: Selector<'a>,
        }
        #[derive(Serialize)]
        struct Annotation<'a> {
            id: String,
            r#type: &'static str,
            motivation: &'static str,
            body: Body<'a>,
            target: Target<'a>,
        }
        #[derive(Serialize)]
        struct Page<'a> {
            r#type: &'static str,
            items: Vec<Annotation<'a>>,
        }
        #[derive(Serialize)]
        struct Collection<'a> {
            #[serde(rename = "@context")]
            context: &'static str,
            r#type: &'static str,
            label: &'a str,
            total: usize,
            first: Page<'a>,
        }
        let slug: String = story
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let mut items = Vec::new();
        for row in rows {
            for (a, cells) in row.cells.iter().enumerate() {
                let Some(af) = self.comparison.articles.get(a) else {
                    continue;
                };
                let text = af.article.text.as_str();
                for cell in cells {
                    let Some(f) = af.figures.iter().find(|f| f.id == cell.figure) else {
                        continue;
                    };
                    let (Some(exact), Some(before), Some(after)) = (
                        text.get(f.start..f.end),
                        text.get(..f.start),
                        text.get(f.end..),
                    ) else {
                        continue;
                    };
                    let prefix_at = before
                        .char_indices()
                        .rev()
                        .nth(QUOTE_CONTEXT - 1)
                        .map_or(0, |(i, _)| i);
                    let suffix_to = after
                        .char_indices()
                        .nth(QUOTE_CONTEXT)
                        .map_or(after.len(), |(i, _)| i);
                    items.push(Annotation {
                        id: format!("urn:synoptic:{slug}:{}:{}", af.article.id, f.id),
                        r#type: "Annotation",
                        motivation: "highlighting",
                        body: Body {
                            r#type: "TextualBody",
                            value: format!(
                                "{} ({}): {}",
                                lang.verdict(row.verdict),
                                row.quantity,
                                row.explanation
                            ),
                            format: "text/plain",
                            language: lang.code(),
                        },
                        target: Target {
                            source: af.article.meta.url.clone().unwrap_or_else(|| {
                                format!("urn:synoptic:{slug}:{}", af.article.id)
                            }),
                            selector: Selector {
                                r#type: "TextQuoteSelector",
                                exact,
                                prefix: &before[prefix_at..],
                                suffix: &after[..suffix_to],
                            },
                        },
                    });
                }
            }
        }
        let collection = Collection {
            context: "http://www.w3.org/ns/anno.jsonld",
            r#type: "AnnotationCollection",
            label: story,
            total: items.len(),
            first: Page {
                r#type: "AnnotationPage",
                items,
            },
        };
        serde_json::to_string_pretty(&collection).unwrap_or_else(|_| "{}".into())
    }

    /// Difference density along an article: one value per story sentence,
    /// with the sentence index (conflicts weigh most, then compatible
    /// statements and figures, then what only this outlet says).
    pub fn heat(&self, a: usize) -> Vec<(usize, f64)> {
        let sentences = &self.comparison.statements.sentences;
        let groups = &self.comparison.statements.groups;
        let af = &self.comparison.articles[a];
        sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.article == a)
            .map(|(si, s)| {
                let mut score = match groups.get(self.group_of_sentence[si]).map(|g| g.verdict) {
                    Some(Verdict::Conflict) => 3.0,
                    Some(Verdict::Compatible) => 1.0,
                    Some(Verdict::OnlyHere) => 0.5,
                    _ => 0.0,
                };
                if s.hedge.is_some() {
                    score += 0.5;
                }
                for (fi, f) in af.figures.iter().enumerate() {
                    if f.start >= s.start && f.end <= s.end {
                        score += match self
                            .info(FigureRef {
                                article: a,
                                figure: fi,
                            })
                            .map(|i| i.verdict)
                        {
                            Some(Verdict::Conflict) => 3.0,
                            Some(Verdict::Compatible) => 1.5,
                            Some(Verdict::OnlyHere) => 0.5,
                            _ => 0.0,
                        };
                    }
                }
                (si, score)
            })
            .collect()
    }
}

fn verdict_rank(v: Verdict) -> u8 {
    match v {
        Verdict::Conflict => 0,
        Verdict::Compatible => 1,
        Verdict::Same => 2,
        Verdict::OnlyHere => 3,
    }
}

/// How the figures table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Order of first appearance in the story.
    #[default]
    Story,
    /// Conflicts first.
    Verdict,
    /// By kind of figure.
    Kind,
    /// By what is measured.
    Measure,
}

impl SortKey {
    /// All keys.
    pub const ALL: [SortKey; 4] = [
        SortKey::Story,
        SortKey::Verdict,
        SortKey::Kind,
        SortKey::Measure,
    ];

    /// Name in URLs.
    pub fn code(self) -> &'static str {
        match self {
            SortKey::Story => "story",
            SortKey::Verdict => "verdict",
            SortKey::Kind => "kind",
            SortKey::Measure => "measure",
        }
    }

    /// From a URL name.
    pub fn from_code(s: &str) -> SortKey {
        SortKey::ALL
            .into_iter()
            .find(|k| k.code() == s)
            .unwrap_or_default()
    }
}

/// One cell of the figures table: one figure of one outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The words.
    pub text: String,
    /// Its qualifier.
    pub qualifier: Option<String>,
    /// Its cited source.
    pub source: Option<String>,
    /// Figure id.
    pub figure: String,
}

impl Cell {
    fn summary(&self) -> String {
        let mut s = self.text.clone();
        if let Some(q) = &self.qualifier {
            s.push_str(&format!(" [{q}]"));
        }
        if let Some(src) = &self.source {
            s.push_str(&format!(" ({src})"));
        }
        s
    }
}

/// One row of the figures table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableRow {
    /// Quantity id.
    pub quantity: String,
    /// What it measures.
    pub measures: String,
    /// Kind of figure.
    pub kind: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Why.
    pub explanation: String,
    /// Per article, its figures for this quantity.
    pub cells: Vec<Vec<Cell>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        Story::new(&synoptic_core::corpus::embedded())
    }

    #[test]
    fn web_annotations_find_their_words_again() {
        let s = story();
        let rows = s.table(SortKey::Verdict, false, None, Lang::En);
        let json = s.annotations(&rows, "China–Russia", Lang::En);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        let items = v["first"]["items"].as_array().unwrap();
        let cells: usize = rows
            .iter()
            .map(|r| r.cells.iter().map(Vec::len).sum::<usize>())
            .sum();
        assert_eq!(items.len(), cells);
        assert_eq!(v["total"], cells);
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert_eq!(item["motivation"], "highlighting");
            let sel = &item["target"]["selector"];
            assert_eq!(sel["type"], "TextQuoteSelector");
            let quote = format!(
                "{}{}{}",
                sel["prefix"].as_str().unwrap(),
                sel["exact"].as_str().unwrap(),
                sel["suffix"].as_str().unwrap()
            );
            assert!(sel["prefix"].as_str().unwrap().chars().count() <= QUOTE_CONTEXT);
            assert!(sel["suffix"].as_str().unwrap().chars().count() <= QUOTE_CONTEXT);
            // The quote is a passage of one of the articles, found as written.
            assert!(
                s.articles().any(|a| a.text.contains(&quote)),
                "{quote:?} is in no article"
            );
            assert!(item["body"]["value"].as_str().unwrap().contains(": "));
        }
        // A conflict says so in its body.
        assert!(items.iter().any(
            |i| i["body"]["value"].as_str().unwrap().starts_with("conflict")
                || i["body"]["value"]
                    .as_str()
                    .unwrap()
                    .starts_with("compatible")
        ));
    }

    #[test]
    fn the_embedded_story_ships_as_the_analysis_makes_it() {
        let computed = compare(&synoptic_core::corpus::embedded(), None);
        let shipped = Comparison::from_bytes(EMBEDDED).unwrap();
        assert_eq!(
            serde_json::to_string(&shipped).unwrap(),
            serde_json::to_string(&computed).unwrap()
        );
        // What the views make of it is the same too.
        let (a, b) = (Story::embedded(), story());
        assert_eq!(a.group_of_sentence, b.group_of_sentence);
        let (ra, rb) = (
            a.table(SortKey::Verdict, false, None, Lang::It),
            b.table(SortKey::Verdict, false, None, Lang::It),
        );
        assert!(!ra.is_empty());
        assert_eq!(a.table_csv(&ra), b.table_csv(&rb));
        assert!(Story::from_bytes(b"{").is_err());
    }

    #[test]
    fn marks_carry_the_verdict_of_their_quantity() {
        let s = story();
        let a = s.index_of("004").unwrap();
        let art = s.article(a);
        let marks = s.marks(a, 0, art.text.len());
        let trade = marks
            .iter()
            .find(|m| art.text[m.start..m.end].starts_with("227,9"))
            .unwrap();
        assert_eq!(trade.verdict, Verdict::Compatible);
        assert!(marks.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(marks.iter().all(|m| !art.is_chrome_at(m.start)));
    }

    #[test]
    fn row_order_holds_every_fact_group_once_and_the_filter_moves_none() {
        let s = story();
        let groups = &s.comparison.statements.groups;
        let facts = groups.iter().filter(|g| g.kind == GroupKind::Fact).count();
        for sel in [vec![0, 1, 2], vec![0, 2], vec![1]] {
            let plain = s.row_order(&sel, false);
            let diff = s.row_order(&sel, true);
            let mut seen: Vec<usize> = plain.iter().map(|r| r.0).collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), facts);
            assert_eq!(plain.len(), facts);
            let order = |v: &[(usize, bool)]| v.iter().map(|r| r.0).collect::<Vec<_>>();
            assert_eq!(order(&plain), order(&diff), "the filter only hides rows");
            assert!(diff.iter().filter(|r| r.1).count() <= plain.iter().filter(|r| r.1).count());
            // Hidden rows for outlets not selected: absent from every selected one.
            for (g, shown) in &plain {
                let present = groups[*g].members.iter().any(|m| sel.contains(&m.article));
                assert_eq!(*shown, present);
            }
        }
    }

    /// An article `id` of day `date` with a headline and `body`.
    fn dated(id: &str, date: &str, body: &str) -> Article {
        let meta = synoptic_core::article::Metadata {
            date: Some(date.to_string()),
            ..Default::default()
        };
        Article::parse(
            id,
            format!("{id}.txt"),
            format!("Notizie del giorno {id}\n{body}"),
            meta,
        )
    }

    /// Three outlets on one fact: two assert it, the third denies it.
    fn disputed() -> Story {
        let art = |id: &str, body: &str| dated(id, "2025-05-08", body);
        Story::new(&[
            art("a", "Il gasdotto Forza della Siberia 2 sarà costruito dalla Russia e dalla Cina entro il decennio."),
            art("b", "Russia e Cina: il gasdotto Forza della Siberia 2 sarà costruito entro il decennio."),
            art("c", "Il gasdotto Forza della Siberia 2 non sarà costruito dalla Russia e dalla Cina entro il decennio."),
        ])
    }

    #[test]
    fn figures_that_conflict_make_a_conflict_only_among_their_outlets() {
        let art = |id: &str, n: &str| {
            dated(id, "2025-04-03", &format!("Livorno, 3 aprile 2025 – Nell'incendio del porto i danni sono stati stimati in {n} milioni di euro dai periti della Regione."))
        };
        let s = Story::new(&[art("a", "5"), art("b", "5"), art("c", "8")]);
        let g = s
            .comparison
            .statements
            .groups
            .iter()
            .find(|g| g.members.len() == 3)
            .expect("the three sentences are one group");
        assert_eq!(s.verdict_among(g, &[0, 1, 2]), Verdict::Conflict);
        assert_eq!(s.verdict_among(g, &[0, 2]), Verdict::Conflict);
        // The two that give the same figure do not conflict (a group's
        // "same" is for all its outlets: of a part of them, compatible).
        assert_eq!(s.verdict_among(g, &[0, 1]), Verdict::Compatible);
        let why = Lang::En.explain(&s.parts_among(g, &[0, 1]));
        assert!(!why.contains("cannot both"), "{why}");
        let why = Lang::En.explain(&s.parts_among(g, &[1, 2]));
        assert!(why.contains("cannot both"), "{why}");
    }

    #[test]
    fn a_conflict_holds_only_among_the_outlets_in_it() {
        let s = disputed();
        let groups = &s.comparison.statements.groups;
        let g = groups
            .iter()
            .find(|g| g.kind == GroupKind::Fact && g.members.len() == 3)
            .expect("the three sentences are one group");
        assert_eq!(g.verdict, Verdict::Conflict, "{:?}", g.parts);
        assert_eq!(s.verdict_among(g, &[0, 1, 2]), Verdict::Conflict);
        assert_eq!(s.verdict_among(g, &[0, 2]), Verdict::Conflict);
        assert_eq!(s.verdict_among(g, &[1, 2]), Verdict::Conflict);
        // The two that assert it do not conflict.
        assert_ne!(s.verdict_among(g, &[0, 1]), Verdict::Conflict);
        let why = Lang::En.explain(&s.parts_among(g, &[0, 1]));
        assert!(!why.contains("negates"), "{why}");
        assert!(
            why.contains("same fact") || why.contains("near-identical"),
            "{why}"
        );
        assert!(!why.contains("silent"), "{why}");
        assert_eq!(s.verdict_among(g, &[0]), Verdict::OnlyHere);
    }

    #[test]
    fn explanations_among_the_selected_speak_of_them_only() {
        let s = story();
        let groups = &s.comparison.statements.groups;
        let all: Vec<usize> = (0..s.len()).collect();
        let mut trimmed = 0;
        for g in groups {
            let mut every = s.parts_among(g, &all);
            // Silence is said by the view, from the group's outlets.
            if let Some(Part::Silent { outlets }) = every.last().cloned() {
                let want: Vec<String> =
                    g.silent(s.len()).map(|a| s.article(a).id.clone()).collect();
                assert_eq!(outlets, want);
                every.pop();
            }
            assert_eq!(every, g.parts, "all selected: nothing left out");
            let two = s.parts_among(g, &[0, 2]);
            let text = Lang::En.explain(&two);
            let other = &s.article(1).id;
            assert!(!text.contains(other.as_str()), "{text}");
            trimmed += usize::from(two != g.parts);
        }
        assert!(trimmed > 0, "some explanations name the third outlet");
    }

    #[test]
    fn rows_follow_the_first_outlet_and_filter_differences() {
        let s = story();
        let sel = [0, 2];
        let all = s.rows(&sel, false);
        let diff = s.rows(&sel, true);
        assert!(diff.len() <= all.len());
        assert!(!all.is_empty());
        let groups = &s.comparison.statements.groups;
        assert!(diff
            .iter()
            .all(|&g| s.verdict_among(&groups[g], &sel) != Verdict::Same));
    }

    #[test]
    fn table_exports_exactly_the_rows_shown() {
        let s = story();
        let rows = s.table(SortKey::Verdict, true, None, Lang::En);
        assert!(rows.iter().all(|r| r.verdict != Verdict::Same));
        let csv = s.table_csv(&rows);
        assert_eq!(csv.lines().count(), rows.len() + 1);
        assert!(csv.starts_with(
            "quantity,measures,kind,verdict,000 (Smettere di Lavorare),003,004 (CGTN),explanation"
        ));
        let json: serde_json::Value = serde_json::from_str(&s.table_json(&rows)).unwrap();
        assert_eq!(json["rows"].as_array().unwrap().len(), rows.len());
        let only_amounts = s.table(SortKey::Story, false, Some("amount"), Lang::It);
        assert!(only_amounts.iter().all(|r| r.kind == "amount"));
    }

    #[test]
    fn heat_is_highest_where_outlets_differ() {
        let s = story();
        let heat = s.heat(0);
        assert!(!heat.is_empty());
        let sentences = &s.comparison.statements.sentences;
        let (hot, _) = heat.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
        assert!(
            sentences[*hot].text.contains("200 miliardi")
                || sentences[*hot].text.contains("videochiamata"),
            "{}",
            sentences[*hot].text
        );
    }

    #[test]
    fn sort_keys_round_trip() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_code(k.code()), k);
        }
        assert_eq!(SortKey::from_code("nonsense"), SortKey::Story);
    }
}
