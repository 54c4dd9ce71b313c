//! One analysed article: the representation every later stage reads.
//!
//! [`analyse`] reads an [`Article`] once — its blocks are tokenised once,
//! cut into sentences once, its figures found once with their context, and
//! (for the comparison) the terms, entities, hedges and frames of every
//! story sentence computed once — and returns an [`Analysis`]. The
//! comparison ([`crate::compare`]) and the report ([`crate::report`]) only
//! read it: nothing downstream tokenises, splits sentences or stems again,
//! and byte offsets become character offsets through the article's one
//! [`CharIndex`].
//!
//! ```text
//! Article { text, blocks }
//!   └─ tokens (per block, article byte offsets)
//!        └─ sentences (per block; attribution of each, once)
//!             └─ figures (grammar on the block's tokens; context from the sentence)
//!             └─ terms, entities, negations, hedge, frames (story sentences)
//! ```
//!
//! ```
//! use synoptic_core::{analysis::analyse, Article, Metadata};
//! let a = Article::parse("a", "a.txt", "Titolo del pezzo di prova\nNel 2024 l'export è cresciuto del 12%.", Metadata::default());
//! let an = analyse(&a, None);
//! assert_eq!(an.sentences.iter().filter(|s| s.story).count(), 2);
//! let pct = an.figures.iter().find(|f| f.text == "è cresciuto del 12%").unwrap();
//! assert_eq!(an.sentences[pct.sentence].figures.clone().count(), 2);
//! ```
//!
//! Every walk here is bounded by its sentence and a fixed window, and no
//! function recurses to a depth the text controls (see ARCHITECTURE.md).

use std::collections::BTreeSet;
use std::ops::Range;

use crate::article::Article;
use crate::chrome::BlockKind;
use crate::date::Date;
use crate::figures::{self, context, dateline, number::Reader, Figure};
use crate::lexicon::{lexicons, Term};
use crate::text::CharIndex;
use crate::token::{tokenize_into, Tok, TokKind};

/// One sentence of an article (of its story or of its chrome).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of its block in [`Article::blocks`].
    pub block: usize,
    /// Its tokens, `first..last` in [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset past its last character.
    pub end: usize,
    /// Part of the story (headline, heading, paragraph), not chrome.
    pub story: bool,
    /// A headline or heading rather than running text.
    pub heading: bool,
    /// Whom it attributes its content to (`secondo …`), carried from the
    /// previous story sentence when it reports without a subject.
    pub source: Option<String>,
    /// Its figures, a range of [`Analysis::figures`] (figures are in text
    /// order, and a figure belongs to the sentence of its first token).
    pub figures: Range<usize>,
    /// What comparison needs of a story sentence (empty for chrome, and
    /// when the analysis was made for figures only).
    pub terms: Terms,
}

/// The terms of a story sentence, computed once for every comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Its terms in order (stems, entities, concepts), with the index of
    /// the token each starts at.
    pub terms: Vec<(usize, Term)>,
    /// The entities it names (aliases and capitalised names).
    pub entities: BTreeSet<Term>,
    /// Terms negated in it (`non …`, `nessun …`).
    pub negated: BTreeSet<Term>,
    /// The hedge it contains (`avrebbe`, `secondo diverse fonti`).
    pub hedge: Option<String>,
    /// Frames it asserts (+1) or denies (-1), with the words that do.
    pub frames: Vec<(String, i8, String)>,
}

/// What a figure measures, as terms (for linking).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubjectTerms {
    /// Terms of the subject phrase.
    pub terms: Vec<Term>,
    /// Entities the subject names.
    pub entities: BTreeSet<Term>,
}

/// One article, analysed once.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The article.
    pub article: Article,
    /// The date read from its text, if any.
    pub inferred: Option<dateline::Inferred>,
    /// The date relative times were resolved against, and its origin.
    pub reference: Option<(Date, dateline::Origin)>,
    /// Every token of every block, in text order.
    pub tokens: Vec<Tok>,
    /// The tokens of each block (parallel to the article's blocks).
    pub block_tokens: Vec<Range<usize>>,
    /// Every sentence, in text order.
    pub sentences: Vec<Sentence>,
    /// Every figure (story and chrome), in text order.
    pub figures: Vec<Figure>,
    /// Terms of each figure's subject (parallel to `figures`; empty when
    /// the analysis was made for figures only).
    pub subjects: Vec<SubjectTerms>,
    /// Words of the body ([`Article::word_count`]).
    pub words: usize,
    /// Byte → character offsets of the text.
    pub chars: CharIndex,
}

/// Analyses an article for comparison: figures with their context, and
/// the terms of every story sentence. `fallback` is the reference date of
/// an article whose date is neither in its metadata nor in its text.
pub fn analyse(article: &Article, fallback: Option<Date>) -> Analysis {
    let inferred = dateline::infer(article);
    let reference = dateline::reference_from(article, inferred, fallback);
    let Read {
        tokens,
        block_tokens,
        mut sentences,
        figures,
    } = read(article, reference.map(|r| r.0));
    let text = article.text.as_str();
    let lex = lexicons();
    for s in sentences.iter_mut().filter(|s| s.story) {
        s.terms = sentence_terms(&tokens[s.tokens.clone()], s.tokens.start, text);
    }
    let subjects = figures
        .iter()
        .map(|f| match f.subject_tokens.clone() {
            Some(r) if r.end <= tokens.len() && r.start < r.end => {
                let toks = &tokens[r];
                let terms: Vec<Term> = lex.terms_of(toks).into_iter().map(|(_, t)| t).collect();
                let entities = entities_of(toks, &terms, true);
                SubjectTerms { terms, entities }
            }
            _ => SubjectTerms::default(),
        })
        .collect();
    let words = article
        .blocks
        .iter()
        .zip(&block_tokens)
        .filter(|(b, _)| matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph))
        .map(|(_, r)| crate::token::count_words(&tokens[r.clone()]))
        .sum();
    let chars = CharIndex::new(text);
    Analysis {
        article: article.clone(),
        inferred,
        reference,
        tokens,
        block_tokens,
        sentences,
        figures,
        subjects,
        words,
        chars,
    }
}

/// The figures of an article only (no terms): what [`figures::extract`]
/// returns.
pub(crate) fn figures_only(article: &Article, reference: Option<Date>) -> Vec<Figure> {
    read(article, reference).figures
}

/// What [`read`] makes of an article: its tokens, sentences and figures.
struct Read {
    tokens: Vec<Tok>,
    block_tokens: Vec<Range<usize>>,
    sentences: Vec<Sentence>,
    figures: Vec<Figure>,
}

/// Tokens, sentences (with their attribution, without terms) and figures
/// (with their context and clocks placed) of an article, relative times
/// resolved against `reference`.
fn read(article: &Article, reference: Option<Date>) -> Read {
    let text = article.text.as_str();
    let numbers = Reader::default();
    let mut tokens: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut block_tokens = Vec::with_capacity(article.blocks.len());
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut figures: Vec<Figure> = Vec::new();
    let mut carried: Option<String> = None;
    let mut days = figures::time::DayContext::default();
    for (bi, b) in article.blocks.iter().enumerate() {
        let first = tokens.len();
        if let Some(slice) = text.get(b.start..b.end) {
            tokenize_into(slice, b.start, &mut tokens);
        }
        let range = first..tokens.len();
        block_tokens.push(range.clone());
        let toks = &tokens[range.clone()];
        let story = b.kind.is_story();
        let heading = matches!(b.kind, BlockKind::Headline | BlockKind::Heading);
        // Figures of the block, token indices local to the block.
        let mut found = figures::find(toks, text, reference, &numbers);
        for f in &mut found {
            f.boilerplate = !story;
        }
        // A time of day without its day: the day the story was on.
        figures::time::settle_days(&mut found, toks, &mut days, reference);
        // Sentences of the block, and the figures each holds.
        let mut next_fig = 0;
        for s in context::sentences(toks, text) {
            if s.first >= s.last {
                continue;
            }
            let mut source = context::attribution(toks, text, s);
            if story {
                if source.is_none() && context::reports_without_subject(toks, s) {
                    source = carried.clone();
                }
                if source.is_some() {
                    carried.clone_from(&source);
                }
            }
            let fig_start = next_fig;
            while next_fig < found.len() && found[next_fig].first < s.last {
                next_fig += 1;
            }
            let si = sentences.len();
            let own = &mut found[fig_start..next_fig];
            context::annotate(toks, text, s, own, source.as_deref());
            figures::implied::counted_after_copula(toks, own);
            let base = figures.len() + fig_start;
            for f in own.iter_mut() {
                f.sentence = si;
                // From the sentence's figures to the article's.
                f.time_ref_at = f.time_ref_at.map(|k| base + k);
            }
            sentences.push(Sentence {
                block: bi,
                tokens: first + s.first..first + s.last,
                start: toks[s.first].start,
                end: toks[s.last - 1].end,
                story,
                heading,
                source,
                figures: figures.len() + fig_start..figures.len() + next_fig,
                terms: Terms::default(),
            });
        }
        // Figures after the last sentence cannot exist (sentences cover the
        // block), but a defensive bound keeps every figure placed.
        for f in &mut found[next_fig..] {
            f.sentence = sentences.len().saturating_sub(1);
        }
        for mut f in found {
            f.first += first;
            f.last += first;
            f.subject_tokens = f.subject_tokens.map(|r| r.start + first..r.end + first);
            figures.push(f);
        }
    }
    figures::time::same_period(&tokens, &mut figures);
    for (k, f) in figures.iter_mut().enumerate() {
        f.id = figure_id(k + 1);
        let s = tokens[f.first].start;
        let e = tokens[f.last.saturating_sub(1).max(f.first)].end;
        f.start = s;
        f.end = e;
        f.text = text.get(s..e).unwrap_or("").to_string();
    }
    figures::resolve_time_refs(&mut figures);
    local_clocks(&tokens, &sentences, &mut figures);
    place_clocks(article, &block_tokens, &mut figures);
    figures::implied::elided_scale(&tokens, &mut figures);
    figures::implied::implied_currency(&tokens, &mut figures);
    Read {
        tokens,
        block_tokens,
        sentences,
        figures,
    }
}

/// The id of the `n`th figure of an article (`f12`), written without the
/// formatting machinery (an article has thousands).
fn figure_id(n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - k);
    id.push('f');
    id.extend(digits[k..].iter().map(|&d| char::from(d)));
    id
}

/// The zone of a place named at token `k` (one to three capitalised
/// words: `Pyongyang`, `Stati Uniti`, `Corea del Nord`), and its length.
fn place_at(tokens: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    if !tokens.get(k).is_some_and(|t| t.is_word() && t.cap) {
        return None;
    }
    let mut best = figures::time::zone_of_place(&tokens[k].norm).map(|z| (z, 1));
    // Names of two or three words (`Stati Uniti`, `Corea del Nord`): only
    // then is a name built.
    if tokens.get(k + 1).is_some_and(Tok::is_word)
        && figures::lexicon::starts_place_name(&tokens[k].norm)
    {
        let mut name = tokens[k].norm.to_string();
        for n in 2..=3 {
            let Some(t) = tokens.get(k + n - 1).filter(|t| t.is_word()) else {
                break;
            };
            name.push(' ');
            name.push_str(&t.norm);
            if let Some(z) = figures::time::zone_of_place(&name) {
                best = Some((z, n));
            }
        }
    }
    best
}

/// Clocks read where the story says they are: `alle 6.53 ora locale` at
/// the last place with a zone named before it (`Pyongyang ha lanciato …`,
/// the headline's `Giappone`, a dateline's), `Negli Stati Uniti sono le
/// 5:34` at the place of its clause, and a clock after one whose words
/// placed it, in the same paragraph, there too (`alle 20.59 ora di
/// Pechino … alle 3.32`; not after a gloss in brackets, `(le 16 in
/// Italia)`). One pass over the tokens, with the figures in
/// text order; the clause is looked at [`figures::context::WINDOW`] tokens
/// back at most.
fn local_clocks(tokens: &[Tok], sentences: &[Sentence], figures: &mut [Figure]) {
    // Most articles have no clock left to place: no walk at all; and the
    // walk ends at the last clock to place.
    let Some(end) = figures
        .iter()
        .rposition(|f| f.clock.is_some() && f.zone.is_none() && !f.boilerplate)
    else {
        return;
    };
    let mut last_place: Option<&'static str> = None;
    // The last clock of the block and the zone its own words gave it: the
    // clocks after it in its paragraph are read there too (`alle 20.59 ora
    // di Pechino … alle 3.32`).
    let mut stated: Option<(usize, String)> = None;
    let block_of = |f: &Figure| sentences.get(f.sentence).map_or(usize::MAX, |s| s.block);
    let mut k = 0;
    for f in figures[..=end].iter_mut() {
        while k < f.first.min(tokens.len()) {
            // Only a capitalised word can name a place.
            if !(tokens[k].is_word() && tokens[k].cap) {
                k += 1;
                continue;
            }
            match place_at(tokens, k) {
                Some((z, n)) => {
                    last_place = Some(z);
                    k += n;
                }
                None => k += 1,
            }
        }
        if f.clock.is_none() || f.boilerplate {
            continue;
        }
        if let Some(z) = &f.zone {
            // Not a gloss in brackets (`alle 17 ora di Mosca (le 16 in
            // Italia) e conclusa poco dopo le 19`: Moscow's 19).
            if !figures::time::in_brackets(tokens, f) {
                stated = Some((block_of(f), z.clone()));
            }
            continue;
        }
        let span = &tokens[f.first..f.last.min(tokens.len())];
        let local = span
            .windows(2)
            .any(|w| w[0].is_any(&["ora", "ore"]) && w[1].is_any(&["locale", "locali"]));
        let lo = sentences
            .get(f.sentence)
            .map_or(0, |s| s.tokens.start)
            .max(f.first.saturating_sub(figures::context::WINDOW));
        if local {
            // A place of its sentence (`atterrerà a Chengdu alle 6:55 ora
            // locale`), else the last place named (`Los Angeles brucia.
            // … alle 10.30 ora locale` under a New York dateline: local is
            // where it happens), else the dateline's.
            let here = (lo..f.first).rev().find_map(|i| place_at(tokens, i));
            if let Some((z, _)) = here {
                f.zone = Some(z.to_string());
            } else if let Some(z) = last_place {
                f.zone = Some(z.to_string());
            }
            continue;
        }
        // "In Giappone sono le 16", "Negli Stati Uniti erano le 5:34".
        let j = if tokens.get(f.first).is_some_and(|t| t.is_any(&["le", "l'"])) {
            f.first
        } else {
            f.first.saturating_sub(1).max(f.first.min(1))
        };
        let told = j > 0 && tokens[j - 1].is_any(&["sono", "erano", "saranno", "era", "sara"]);
        if !told {
            // A clock, not a part of the day (`in serata` is the reader's
            // evening unless the text says where).
            if let Some((b, z)) = &stated {
                if f.has_clock_time() && *b == block_of(f) {
                    f.zone = Some(z.clone());
                }
            }
            continue;
        }
        let place = (lo + 1..j - 1).rev().find_map(|i| {
            tokens[i - 1]
                .is_any(&["in", "a", "nel", "nella", "negli", "nei", "nelle"])
                .then(|| place_at(tokens, i))
                .flatten()
        });
        if let Some((z, _)) = place {
            f.zone = Some(z.to_string());
        }
    }
}

/// Clocks of a story datelined abroad (`PECHINO, 4 febbraio –`) are read
/// there: each story time of day without a place of its own gets the
/// dateline's zone, except the page's own timestamps (a line that is
/// little more than a date and a time), which keep the outlet's.
fn place_clocks(article: &Article, block_tokens: &[Range<usize>], figures: &mut [Figure]) {
    let Some(zone) = dateline::place(article).and_then(|p| figures::time::zone_of_place(&p)) else {
        return;
    };
    if zone == "Europe/Rome" {
        return;
    }
    // A block is a timestamp when, its figures aside, a few letters at
    // most are left (`Aggiornato alle`, `|`).
    let text = article.text.as_str();
    let mut timestamp = vec![false; article.blocks.len()];
    let mut k = 0;
    // Letters are counted only as far as the limit: a paragraph of the
    // story is no timestamp after its first words.
    const LETTERS: usize = 16;
    let count = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .take(LETTERS + 1)
            .count()
    };
    for (bi, (b, r)) in article.blocks.iter().zip(block_tokens).enumerate() {
        let mut letters = 0;
        let mut at = b.start;
        while k < figures.len() && figures[k].first < r.end {
            let f = &figures[k];
            if f.first >= r.start && letters <= LETTERS {
                letters += count(text.get(at..f.start.max(at)).unwrap_or(""));
                at = at.max(f.end);
            }
            k += 1;
        }
        if letters <= LETTERS {
            letters += count(text.get(at..b.end.max(at)).unwrap_or(""));
        }
        timestamp[bi] = letters <= LETTERS;
    }
    let mut bi = 0;
    for f in figures.iter_mut() {
        while bi + 1 < block_tokens.len() && block_tokens[bi].end <= f.first {
            bi += 1;
        }
        if f.boilerplate || f.clock.is_none() || f.zone.is_some() || timestamp[bi] {
            continue;
        }
        f.zone = Some(zone.to_string());
    }
}

/// Entities among `terms` (aliases) and the capitalised names of `toks`
/// (not the first word, nor one after a full stop, nor a stop word).
fn entities_of(toks: &[Tok], terms: &[Term], first_is_start: bool) -> BTreeSet<Term> {
    let lex = lexicons();
    let mut out: BTreeSet<Term> = terms
        .iter()
        .filter(|t| matches!(t, Term::Entity(_)))
        .cloned()
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let first = (i == 0 && first_is_start)
            || i > 0
                && toks[i - 1].kind == TokKind::Punct
                && matches!(toks[i - 1].norm.as_str(), "." | "!" | "?" | ":");
        if t.kind == TokKind::Word
            && !first
            && t.cap
            && t.norm.chars().count() > 1
            && !lex.is_stop(&t.norm)
        {
            match lex.alias_of(t) {
                Some(e) => out.insert(e),
                None => out.insert(Term::Entity(t.norm.clone())),
            };
        }
    }
    out
}

/// The terms of one story sentence (tokens `toks`, the first at index
/// `base` of the article's tokens).
fn sentence_terms(toks: &[Tok], base: usize, text: &str) -> Terms {
    let lex = lexicons();
    let stems = lex.stems_of(toks);
    let local = lex.terms_from(toks, &stems);
    let mut negated = BTreeSet::new();
    for (k, term) in &local {
        let lo = k.saturating_sub(2);
        if toks[lo..*k]
            .iter()
            .any(|t| t.is("non") || t.is("nessun") || t.is("nessuna"))
        {
            negated.insert(term.clone());
        }
    }
    let word_stems = crate::lexicon::Lexicons::word_stems(toks, &stems);
    let hedge = lex.hedge_in(&word_stems).map(str::to_string);
    let frames = lex.frames_in(&word_stems, toks, text);
    let plain: Vec<Term> = local.iter().map(|(_, t)| t.clone()).collect();
    let entities = entities_of(toks, &plain, true);
    Terms {
        terms: local.into_iter().map(|(k, t)| (base + k, t)).collect(),
        entities,
        negated,
        hedge,
        frames,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Metadata;

    #[test]
    fn sentences_hold_their_figures_and_terms() {
        let a = Article::parse(
            "a",
            "a.txt",
            "Il commercio cresce ancora\nSecondo l'Istat nel 2024 l'export è salito del 12%. Ha aggiunto che a marzo 2025 le vendite erano 40 milioni di euro.\nShare",
            Metadata::default(),
        );
        let an = analyse(&a, None);
        let story: Vec<&Sentence> = an.sentences.iter().filter(|s| s.story).collect();
        assert_eq!(story.len(), 3);
        assert!(story[0].heading);
        assert_eq!(story[1].source.as_deref(), Some("Istat"));
        assert_eq!(
            story[2].source.as_deref(),
            Some("Istat"),
            "carried to a sentence that reports without a subject"
        );
        for (si, s) in an.sentences.iter().enumerate() {
            for f in &an.figures[s.figures.clone()] {
                assert_eq!(f.sentence, si);
                assert!(s.start <= f.start && f.end <= s.end);
            }
        }
        assert!(story[1]
            .terms
            .terms
            .iter()
            .any(|(_, t)| *t == Term::Concept("esportazioni".into())));
        assert!(story[1]
            .terms
            .entities
            .contains(&Term::Entity("istat".into())));
        assert_eq!(an.subjects.len(), an.figures.len());
    }

    #[test]
    fn words_are_counted_as_readers_count_them() {
        for a in crate::corpus::embedded() {
            let an = analyse(&a, None);
            let unicode = a.word_count();
            // Unicode's boundaries join a few more tokens than ours (`1.500€`);
            // the counts are the same to within a percent.
            assert!(
                an.words.abs_diff(unicode) * 100 <= unicode,
                "{}: {} vs {unicode}",
                a.id,
                an.words
            );
        }
    }

    #[test]
    fn figure_ids_count_from_one() {
        for n in [1, 9, 10, 12, 99, 100, 12345, usize::MAX] {
            assert_eq!(figure_id(n), format!("f{n}"));
        }
    }

    #[test]
    fn figures_only_matches_the_full_analysis() {
        for a in crate::corpus::embedded() {
            let full = analyse(&a, None);
            let only = figures_only(&a, full.reference.map(|r| r.0));
            assert_eq!(full.figures, only, "{}", a.id);
        }
    }
}
