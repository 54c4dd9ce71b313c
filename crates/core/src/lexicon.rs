//! The comparison engine's lexicons, read once from the data files in
//! `crates/core/data/` (documented in its README): stop words, entity
//! aliases, synonyms, hedges and framing words.
//!
//! [`terms`] turns a text into the terms that statement similarity and
//! figure linking compare: Snowball stems of content words, with entities
//! (`Pechino` → `cina`) and synonyms (`interscambio` → `commercio`) replaced
//! by their canonical name.
//!
//! ```
//! use synoptic_core::lexicon::{terms, Term};
//! let t = terms("L'interscambio tra Pechino e Mosca");
//! assert!(t.contains(&Term::Concept("commercio".into())));
//! assert!(t.contains(&Term::Entity("cina".into())));
//! assert!(t.contains(&Term::Entity("russia".into())));
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use compact_str::CompactString;
use rust_stemmers::{Algorithm, Stemmer};

use crate::token::{tokenize, Tok, TokKind};

const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const ALIASES: &str = include_str!("../data/aliases.txt");
const SYNONYMS: &str = include_str!("../data/synonyms.txt");
const HEDGES: &str = include_str!("../data/hedges.txt");
const FRAMING: &str = include_str!("../data/framing.txt");

/// The text of a term: stems and names are short, kept inline (no
/// allocation to make or copy one).
pub type Name = CompactString;

/// A term of comparison.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// A named entity, by its canonical name (`cina`).
    Entity(Name),
    /// A concept of the synonym lexicon (`commercio`).
    Concept(Name),
    /// Any other content word, as its Snowball stem.
    Stem(Name),
}

impl Term {
    /// The name to show.
    pub fn name(&self) -> &str {
        match self {
            Term::Entity(s) | Term::Concept(s) | Term::Stem(s) => s,
        }
    }
}

/// A frame of opposed framing (`alleanza`) and its words.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The frame's name.
    pub name: String,
    /// Stem sequences that assert it.
    pub assert: Vec<Vec<Name>>,
    /// Stem sequences that deny it.
    pub deny: Vec<Vec<Name>>,
}

/// What a sequence of [`Lexicons`]'s index is: the hedge at an index, or
/// entry `entry` of a frame's assertions or denials.
#[derive(Debug, Clone, Copy)]
enum Seq {
    Hedge(usize),
    Assert { frame: usize, entry: usize },
    Deny { frame: usize, entry: usize },
}

/// A lexicon entry: its stems, the folded words an entry written `=word`
/// must have exactly, and its term.
type Phrase = (Vec<Name>, Option<Box<[String]>>, Term);

/// All lexicons, prepared.
pub struct Lexicons {
    stemmer: Stemmer,
    stop: HashSet<String>,
    /// Multi-word entries by their first stem: (stems, the folded words
    /// an entry written `=word` must have exactly, term).
    phrases: HashMap<Name, Vec<Phrase>>,
    /// Hedges: their stems and their words.
    hedges: Vec<(Vec<Name>, String)>,
    /// Every hedge and frame sequence by its first stem: (sequence,
    /// what it is), so a sentence is scanned once for all of them.
    seqs: HashMap<Name, Vec<(Vec<Name>, Seq)>>,
    /// Framing lexicon.
    pub frames: Vec<Frame>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

impl Lexicons {
    fn load() -> Lexicons {
        let stemmer = Stemmer::create(Algorithm::Italian);
        let stop: HashSet<String> = lines(STOPWORDS)
            .flat_map(|l| l.split_whitespace())
            .map(str::to_string)
            .collect();
        let mut lex = Lexicons {
            stemmer,
            stop,
            phrases: HashMap::default(),
            hedges: Vec::new(),
            seqs: HashMap::default(),
            frames: Vec::new(),
        };
        for (data, entity) in [(ALIASES, true), (SYNONYMS, false)] {
            for line in lines(data) {
                let Some((head, rest)) = line.split_once(':') else {
                    continue;
                };
                let canonical = head.trim().to_string();
                let term = if entity {
                    Term::Entity(canonical.as_str().into())
                } else {
                    Term::Concept(canonical.as_str().into())
                };
                for alias in std::iter::once(head).chain(rest.split(',')) {
                    // `=relazioni`: these very words (the plural, not
                    // `relazione`, a report, which shares its stem).
                    let (alias, exact) = match alias.trim().strip_prefix('=') {
                        Some(a) => (a, true),
                        None => (alias, false),
                    };
                    let stems = lex.stem_phrase(alias);
                    let forms = exact.then(|| {
                        tokenize(alias, 0)
                            .iter()
                            .filter(|t| t.kind != TokKind::Punct)
                            .map(|t| t.norm.to_string())
                            .collect()
                    });
                    if let Some(first) = stems.first().cloned() {
                        lex.phrases
                            .entry(first)
                            .or_default()
                            .push((stems, forms, term.clone()));
                    }
                }
            }
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|(s, _, _)| std::cmp::Reverse(s.len()));
        }
        lex.hedges = lines(HEDGES)
            .map(|l| (lex.stem_phrase(l), l.to_string()))
            .collect();
        for line in lines(FRAMING) {
            let Some((name, rest)) = line.split_once(':') else {
                continue;
            };
            let mut frame = Frame {
                name: name.trim().to_string(),
                assert: Vec::new(),
                deny: Vec::new(),
            };
            for entry in rest.split(',') {
                let entry = entry.trim();
                if let Some(w) = entry.strip_prefix('+') {
                    frame.assert.push(lex.stem_phrase(w));
                } else if let Some(w) = entry.strip_prefix('-') {
                    frame.deny.push(lex.stem_phrase(w));
                }
            }
            lex.frames.push(frame);
        }
        let mut seqs: HashMap<Name, Vec<(Vec<Name>, Seq)>> = HashMap::default();
        let mut add = |seq: &Vec<Name>, what: Seq| {
            if let Some(first) = seq.first() {
                seqs.entry(first.clone())
                    .or_default()
                    .push((seq.clone(), what));
            }
        };
        for (k, (h, _)) in lex.hedges.iter().enumerate() {
            add(h, Seq::Hedge(k));
        }
        for (f, frame) in lex.frames.iter().enumerate() {
            for (e, a) in frame.assert.iter().enumerate() {
                add(a, Seq::Assert { frame: f, entry: e });
            }
            for (e, d) in frame.deny.iter().enumerate() {
                add(d, Seq::Deny { frame: f, entry: e });
            }
        }
        lex.seqs = seqs;
        lex
    }

    /// Every hedge and frame sequence found in `stems`: (what, position),
    /// by one scan.
    fn seqs_in<S: AsRef<str>>(&self, stems: &[S]) -> Vec<(Seq, usize)> {
        let mut out = Vec::new();
        for (i, st) in stems.iter().enumerate() {
            let Some(cands) = self.seqs.get(st.as_ref()) else {
                continue;
            };
            for (seq, what) in cands {
                let fits = stems.len() - i >= seq.len()
                    && stems[i..i + seq.len()]
                        .iter()
                        .zip(seq)
                        .all(|(a, b)| a.as_ref() == b.as_str());
                if fits {
                    out.push((*what, i));
                }
            }
        }
        out
    }

    /// The stem of one folded word (elided articles keep their apostrophe).
    pub fn stem(&self, word: &str) -> Name {
        if word.ends_with('\'') {
            return Name::from(word);
        }
        thread_local! {
            static MEMO: std::cell::RefCell<HashMap<Name, Name>> = std::cell::RefCell::new(HashMap::default());
        }
        MEMO.with(|memo| {
            if let Some(s) = memo.borrow().get(word) {
                return s.clone();
            }
            let stem = Name::from(self.stemmer.stem(word).as_ref());
            let mut memo = memo.borrow_mut();
            if memo.len() > 100_000 {
                memo.clear();
            }
            memo.insert(Name::from(word), stem.clone());
            stem
        })
    }

    /// Stems of the words of a phrase, folded as the tokenizer folds them.
    pub fn stem_phrase(&self, phrase: &str) -> Vec<Name> {
        tokenize(phrase, 0)
            .iter()
            .filter(|t| t.kind != TokKind::Punct)
            .map(|t| self.stem(&t.norm))
            .collect()
    }

    /// True for a stop word (folded form).
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }

    /// The hedge a sequence of stems contains, if any: its words (the
    /// first in the lexicon's order when several are there).
    pub fn hedge_in<S: AsRef<str>>(&self, stems: &[S]) -> Option<&str> {
        self.seqs_in(stems)
            .into_iter()
            .filter_map(|(w, _)| match w {
                Seq::Hedge(k) => Some(k),
                _ => None,
            })
            .min()
            .map(|k| self.hedges[k].1.as_str())
    }

    /// The entity a single word names through the alias lexicon
    /// (`Pechino` → `cina`), if any.
    pub fn alias_of(&self, t: &Tok) -> Option<Term> {
        match self.terms_of(std::slice::from_ref(t)).into_iter().next() {
            Some((_, e @ Term::Entity(_))) => Some(e),
            _ => None,
        }
    }

    /// Frames a sentence asserts or denies, from the stems of its words
    /// (`stems`, one per non-punctuation token of `toks`); a denial hides
    /// the assertion inside it (`non alleanza` is not also `alleanza`).
    /// Returns (frame, +1 or -1, the words as written).
    pub fn frames_in<S: AsRef<str>>(
        &self,
        stems: &[S],
        toks: &[Tok],
        src: &str,
    ) -> Vec<(String, i8, String)> {
        let words: Vec<&Tok> = toks.iter().filter(|t| t.kind != TokKind::Punct).collect();
        let shown = |i: usize, n: usize| -> String {
            match (words.get(i), words.get(i + n - 1)) {
                (Some(a), Some(b)) => {
                    crate::text::collapse_whitespace(src.get(a.start..b.end).unwrap_or(""))
                }
                _ => String::new(),
            }
        };
        // Per frame, the first denial entry found and the first assertion
        // entry found (in the lexicon's order), each at its first place.
        let mut deny: Vec<Option<(usize, usize)>> = vec![None; self.frames.len()];
        let mut assert: Vec<Option<(usize, usize)>> = vec![None; self.frames.len()];
        let keep = |slot: &mut Option<(usize, usize)>, entry: usize, at: usize| match slot {
            Some((e, _)) if *e <= entry => {}
            _ => *slot = Some((entry, at)),
        };
        // Locutions whose words are not the frame's: "nei confronti di"
        // (towards) says nothing of a confrontation.
        let norm = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let masked: Vec<&str> = stems
            .iter()
            .enumerate()
            .map(|(i, st)| {
                let locution = norm(i) == "confronti"
                    && i > 0
                    && matches!(norm(i - 1), "nei" | "dei")
                    && matches!(
                        norm(i + 1),
                        "di" | "del" | "della" | "dello" | "dei" | "degli" | "delle" | "dell'"
                    );
                if locution {
                    ""
                } else {
                    st.as_ref()
                }
            })
            .collect();
        for (what, at) in self.seqs_in(&masked) {
            match what {
                Seq::Deny { frame, entry } => keep(&mut deny[frame], entry, at),
                Seq::Assert { frame, entry } => keep(&mut assert[frame], entry, at),
                Seq::Hedge(_) => {}
            }
        }
        let mut out = Vec::new();
        for (f, frame) in self.frames.iter().enumerate() {
            if let Some((e, at)) = deny[f] {
                out.push((frame.name.clone(), -1, shown(at, frame.deny[e].len())));
            } else if let Some((e, at)) = assert[f] {
                out.push((frame.name.clone(), 1, shown(at, frame.assert[e].len())));
            }
        }
        out
    }

    /// Terms of tokens `toks` (words only), in order, with their token
    /// index: multi-word entities and synonyms first, then single stems.
    pub fn terms_of(&self, toks: &[Tok]) -> Vec<(usize, Term)> {
        self.terms_from(toks, &self.stems_of(toks))
    }

    /// The stem of every word of `toks` (punctuation left out), or the
    /// folded word where it has none: what hedges and frames are matched
    /// on. `stems` is [`Lexicons::stems_of`] of the same tokens.
    pub fn word_stems<'a>(toks: &'a [Tok], stems: &'a [Option<Name>]) -> Vec<&'a str> {
        toks.iter()
            .zip(stems)
            .filter(|(t, _)| t.kind != TokKind::Punct)
            .map(|(t, st)| st.as_deref().unwrap_or(t.norm.as_str()))
            .collect()
    }

    /// The stem of every word token (`None` for other tokens).
    pub fn stems_of(&self, toks: &[Tok]) -> Vec<Option<Name>> {
        toks.iter()
            .map(|t| (t.kind == TokKind::Word).then(|| self.stem(&t.norm)))
            .collect()
    }

    /// [`Lexicons::terms_of`] with the stems already computed.
    pub fn terms_from(&self, toks: &[Tok], stems: &[Option<Name>]) -> Vec<(usize, Term)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some(stem) = &stems[i] else {
                i += 1;
                continue;
            };
            // Longest phrase starting here.
            let mut matched = None;
            if let Some(cands) = self.phrases.get(stem) {
                for (seq, forms, term) in cands {
                    let ok = seq
                        .iter()
                        .enumerate()
                        .all(|(k, s)| stems.get(i + k).and_then(|x| x.as_ref()) == Some(s))
                        && forms.as_deref().is_none_or(|forms: &[String]| {
                            forms
                                .iter()
                                .enumerate()
                                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.norm == *w))
                        });
                    if ok {
                        matched = Some((seq.len(), term.clone()));
                        break;
                    }
                }
            }
            if let Some((n, term)) = matched {
                out.push((i, term));
                i += n;
                continue;
            }
            let w = toks[i].norm.as_str();
            if !self.is_stop(w) && !w.ends_with('\'') && w.chars().count() > 2 {
                out.push((i, Term::Stem(stem.clone())));
            }
            i += 1;
        }
        out
    }
}

/// The lexicons, loaded on first use.
pub fn lexicons() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(Lexicons::load)
}

/// Entities a text names: the aliases of `aliases.txt` and any other
/// capitalised word that is not the first of the text nor a stop word
/// (`Macron`, `Parigi`).
pub fn entities(text: &str) -> std::collections::BTreeSet<Term> {
    terms_and_entities(text).1
}

/// [`terms`] and [`entities`] of a text, reading it once.
pub fn terms_and_entities(text: &str) -> (Vec<Term>, std::collections::BTreeSet<Term>) {
    let lex = lexicons();
    let toks = tokenize(text, 0);
    let terms: Vec<Term> = lex.terms_of(&toks).into_iter().map(|(_, t)| t).collect();
    let mut out: std::collections::BTreeSet<Term> = terms
        .iter()
        .filter(|t| matches!(t, Term::Entity(_)))
        .cloned()
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let first = i == 0
            || toks[i - 1].kind == TokKind::Punct
                && matches!(toks[i - 1].norm.as_str(), "." | "!" | "?" | ":");
        if t.kind == TokKind::Word
            && !first
            && t.is_capitalized(text)
            && t.norm.chars().count() > 1
            && !lex.is_stop(&t.norm)
        {
            let as_alias = lex.terms_of(std::slice::from_ref(t));
            match as_alias.first() {
                Some((_, Term::Entity(e))) => out.insert(Term::Entity(e.clone())),
                _ => out.insert(Term::Entity(t.norm.clone())),
            };
        }
    }
    (terms, out)
}

/// The terms of a text, in order (see the module docs).
pub fn terms(text: &str) -> Vec<Term> {
    lexicons()
        .terms_of(&tokenize(text, 0))
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = lexicons();
        assert!(lex.is_stop("della"));
        assert!(!lex.frames.is_empty());
        assert!(lex
            .frames
            .iter()
            .all(|f| !f.assert.is_empty() || !f.deny.is_empty()));
    }

    #[test]
    fn entities_synonyms_and_stems() {
        let t = terms("Gli scambi commerciali tra Washington e gli Stati Uniti d'America crescono");
        assert_eq!(
            t.iter()
                .filter(|x| **x == Term::Entity("usa".into()))
                .count(),
            3
        );
        assert!(t.contains(&Term::Concept("commercio".into())));
        assert!(t
            .iter()
            .any(|x| matches!(x, Term::Stem(s) if s.starts_with("cresc"))));
        // Inflections meet through the stemmer.
        assert_eq!(terms("incontri"), terms("incontrati"));
    }

    #[test]
    fn an_entry_of_its_very_words_is_not_its_stems() {
        let partnership = Term::Concept("partenariato".into());
        assert!(terms("le relazioni tra Roma e Parigi").contains(&partnership));
        // `relazione`, a report, shares the stem of `relazioni`.
        assert!(!terms("la relazione dei periti sul crollo").contains(&partnership));
    }

    fn frames(text: &str) -> Vec<(String, i8, String)> {
        let lex = lexicons();
        let toks = tokenize(text, 0);
        let stems = lex.stems_of(&toks);
        lex.frames_in(&Lexicons::word_stems(&toks, &stems), &toks, text)
    }

    #[test]
    fn a_locution_is_not_its_words_frame() {
        let f = frames("Pechino ha adottato misure nei confronti degli Stati Uniti.");
        assert!(f.iter().all(|(name, _, _)| name != "confronto"), "{f:?}");
        let f = frames("Tra le due potenze è in corso un confronto aperto.");
        assert!(
            f.iter()
                .any(|(name, pol, _)| name == "confronto" && *pol == 1),
            "{f:?}"
        );
    }

    #[test]
    fn hedges() {
        let lex = lexicons();
        let stems = lex.stem_phrase("La Russia avrebbe fornito tecnologie");
        assert!(lex.hedge_in(&stems).is_some());
        let stems = lex.stem_phrase("La Russia ha fornito tecnologie");
        assert!(lex.hedge_in(&stems).is_none());
    }
}
