//! What a figure measures: its **subject**, read from the clause around it.
//!
//! The rules, tried in order for a figure that is not a time:
//!
//! 1. what the grammar already read (`raddoppiati i prezzi`), or the counted
//!    noun of a count (`cento esercitazioni`) unless it is a measure unit
//!    (`289 chilometri`, `due ore`: those measure something else);
//! 2. a baseline (`contro i 97,3 milioni`, `rispetto ai 1.350`) and a
//!    figure in brackets (`(+6,4%)`) measure what the figure before them
//!    measures;
//! 3. the `di …` phrase after a share or an amount (`il 70% dei treni`);
//! 4. a continuation after a comma with no words of its own (`…, in
//!    crescita dell'11%`, `…, cioè 200 euro in meno`) measures what the
//!    previous figure measures;
//! 5. the noun the figure complements (`ricavi per 1,42 miliardi`, `un
//!    utile netto di 118,6 milioni`, `ricavi 2024 a EUR 182,4 milioni`,
//!    `Benzina sotto 1,70 euro`), or the noun it stands beside (`La pena più
//!    alta, 20 anni, …`);
//! 6. the subject of the clause, before its verb (`il commercio bilaterale
//!    ha raggiunto i 227,9 miliardi`), across inserts (`, secondo l'Istat,`)
//!    and relative clauses (`la rata, che dovrebbe scendere a 740 euro`),
//!    or after the figure when the verb opens the clause (`È durata più di
//!    due ore la telefonata`, `Sono 2.118 le persone`);
//! 7. what the previous figure of the sentence measures.
//!
//! Verbs come from [`super::verbs`], read in context: a form after an
//! article, a preposition or a number is a noun (`la stima`, `in calo`),
//! a participle is a verb after an auxiliary or right before its figure and
//! an adjective after a noun (`ricavi attesi`). Time figures are skipped in
//! every walk (`ricavi 2024 a …`) and other figures end a phrase. Every walk
//! stays in its sentence and within [`WINDOW`] tokens of the figure.

use std::ops::Range;

use super::context::{
    event_before, noun_phrase_range, predicate_before, Sentence, NP_PREPOSITIONS as INNER, WINDOW,
};
use super::lexicon::{is_function_word, WordSet, ARTICLES};
use super::verbs::{self, Form};
use super::{Figure, FigureKind};
use crate::token::{is_one_of, Tok, TokKind};

/// Words a finite verb never follows: articles, prepositions, determiners.
const NOT_BEFORE_VERB: &[&str] = &[
    "il", "lo", "la", "l'", "i", "gli", "le", "un", "una", "uno", "un'", "di", "d'", "a", "ad",
    "da", "in", "con", "su", "per", "tra", "fra", "del", "dello", "della", "dell'", "dei", "degli",
    "delle", "al", "allo", "alla", "all'", "ai", "agli", "alle", "dal", "dallo", "dalla", "dall'",
    "dai", "dagli", "dalle", "nel", "nello", "nella", "nell'", "nei", "negli", "nelle", "sul",
    "sullo", "sulla", "sull'", "sui", "sugli", "sulle", "questo", "questa", "questi", "queste",
    "quel", "quello", "quella", "quei", "quelli", "quelle", "ogni", "nessun", "nessuna", "ciascun",
    "alcuni", "alcune", "suo", "sua", "suoi", "sue", "loro", "nostro", "nostra", "vostro", "tale",
    "tali", "cui",
];

/// Adjectives that sit between an article and a noun (`la prima stima`,
/// `il nuovo calo`).
const PRENOMINAL: &[&str] = &[
    "primo",
    "prima",
    "primi",
    "prime",
    "secondo",
    "seconda",
    "terzo",
    "terza",
    "ultimo",
    "ultima",
    "ultimi",
    "ultime",
    "nuovo",
    "nuova",
    "nuovi",
    "nuove",
    "grande",
    "gran",
    "forte",
    "lieve",
    "leggero",
    "leggera",
    "piccolo",
    "piccola",
    "ulteriore",
    "stesso",
    "stessa",
    "altro",
    "altra",
    "vero",
    "vera",
    "nettto",
    "maggiore",
    "minore",
];

/// Auxiliaries before a participle.
const AUX: &[&str] = &[
    "e",
    "sono",
    "era",
    "erano",
    "sara",
    "saranno",
    "sia",
    "siano",
    "fosse",
    "fossero",
    "stato",
    "stata",
    "stati",
    "state",
    "ha",
    "hanno",
    "aveva",
    "avevano",
    "avra",
    "avranno",
    "abbia",
    "abbiano",
    "avesse",
    "avrebbe",
    "avrebbero",
    "sarebbe",
    "sarebbero",
    "viene",
    "vengono",
    "venne",
    "verra",
    "resta",
    "restano",
    "rimane",
    "rimangono",
    "risulta",
    "risultano",
    "si",
];

/// Little words between a verb and its subject: clitics and adverbs.
const CLITICS: &[&str] = &[
    "si", "non", "ne", "ci", "gia", "anche", "ancora", "ormai", "pure", "mai", "solo", "soltanto",
    "invece", "infatti", "quindi", "dunque", "poi", "intanto", "oggi", "ieri", "ora", "sempre",
    "appena", "quasi", "ben",
];

/// Words that open a clause of their own: a subject is not looked for
/// before them.
const CLAUSE_OPENERS: &[&str] = &[
    "mentre", "ma", "pero", "quando", "poiche", "perche", "se", "dove", "benche", "sebbene",
    "anche se", "oppure", "ossia", "cioe",
];

/// Adverbs that are no part of a noun phrase (`soprattutto pensierini`).
const ADVERBS: &[&str] = &[
    "soprattutto",
    "addirittura",
    "ormai",
    "proprio",
    "insomma",
    "comunque",
    "tuttavia",
    "inoltre",
    "anzi",
    "spesso",
    "circa",
    "persino",
    "perfino",
    "almeno",
    "appena",
];

/// Fillers between a comma and a figure that continues the previous one.
const CONTINUATION: &[&str] = &[
    "cioe", "ossia", "ovvero", "pari", "a", "al", "ai", "con", "un", "una", "uno", "un'", "appena",
    "quasi", "circa", "e", "ed", "ma", "in", "il", "lo", "la", "l'", "i", "gli", "le", "di", "del",
    "dell'", "della", "dei", "degli", "delle", "oltre", "ben", "solo", "soltanto", "poco", "piu",
    "meno", "mentre", "per", "su",
];

/// Prepositions by which a figure complements a noun (`ricavi per`,
/// `utile di`, `prezzo a`, `tasso al`, `benzina sotto`).
const COMPLEMENT: &[&str] = &[
    "di", "d'", "del", "dello", "della", "dell'", "dei", "degli", "delle", "da", "dal", "dai",
    "dalla", "dall'", "per", "a", "ad", "al", "allo", "alla", "all'", "ai", "agli", "alle", "tra",
    "fra", "sotto", "sopra", "oltre", "sui", "sul", "sulla", "sull'", "su", "in",
];

/// Words that make a preposition of more than one word (`pari a`,
/// `intorno ai`, `fino a`).
const COMPLEMENT_LEAD: &[&str] = &["pari", "intorno", "attorno", "fino", "vicino", "superiore"];

/// Count units besides [`TIME_UNITS`] that measure something other than
/// what is counted.
const MEASURES: &[&str] = &[
    "km",
    "chilometri",
    "chilometro",
    "metri",
    "metro",
    "centimetri",
    "millimetri",
    "mm",
    "cm",
    "m",
    "gradi",
    "grado",
    "kwh",
    "mwh",
    "gwh",
    "gigawatt",
    "megawatt",
    "watt",
    "kw",
    "mw",
    "gw",
    "litri",
    "litro",
    "tonnellate",
    "chili",
    "chilogrammi",
    "kg",
    "grammi",
    "ettari",
    "punti",
    "punto",
    "nodi",
    "miglia",
    "piedi",
    "magnitudo",
    "volte",
];

/// Time units: a duration or an age, also a measure.
const TIME_UNITS: &[&str] = &[
    "anni",
    "anno",
    "mesi",
    "mese",
    "giorni",
    "giorno",
    "settimane",
    "settimana",
    "ore",
    "ora",
    "minuti",
    "minuto",
    "secondi",
    "decenni",
    "secoli",
];

/// Change nouns: `un aumento del 5%` measures what grew, not the growth.
pub const CHANGE_NOUNS: &[&str] = &[
    "aumento",
    "calo",
    "crescita",
    "incremento",
    "rialzo",
    "ribasso",
    "diminuzione",
    "riduzione",
    "contrazione",
    "flessione",
    "balzo",
    "crollo",
    "progresso",
    "miglioramento",
    "peggioramento",
    "taglio",
];

/// Nouns of a level reached (`il record di`, `la soglia dei`).
const LEVELS: &[&str] = &[
    "record",
    "massimo",
    "minimo",
    "picco",
    "soglia",
    "quota",
    "livello",
    "tetto",
    "valore",
    "cifra",
    "totale",
    "traguardo",
    "muro",
];

/// `in media`, `in tutto`: adverbials, not nouns.
const ADVERBIAL_IN: &[&str] = &[
    "media",
    "tutto",
    "totale",
    "pratica",
    "particolare",
    "sostanza",
];

/// Baseline words: the figure after them is what another was compared to.
const BASELINE: &[&str] = &["contro", "rispetto", "confronto", "paragone"];

/// How a token of the sentence takes part in a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Free,
    /// Part of a time figure: skipped by every walk.
    Time,
    /// Part of another figure: ends a phrase.
    Figure,
}

/// One sentence read for subjects.
pub struct Clauses<'a> {
    toks: &'a [Tok],
    src: &'a str,
    s: Sentence,
    marks: Vec<Mark>,
    /// The figure being read: its own tokens are free to its walks.
    own: std::cell::Cell<(usize, usize)>,
}

/// What the clause before a figure holds.
enum Clause {
    /// Its subject.
    Subject(Range<usize>),
    /// A verb with nothing before it in the clause.
    VerbFirst,
    /// A verb after a phrase with a preposition (`sulla città sono caduti
    /// …`, `al vincitore vanno …`): the figure is the subject, after the
    /// verb; the phrase is what it is said of.
    Oblique(Range<usize>),
    /// Nothing to go on.
    Unknown,
}

impl<'a> Clauses<'a> {
    /// The sentence `s` of block tokens `toks`, with its figures `figs`.
    pub fn new(toks: &'a [Tok], src: &'a str, s: Sentence, figs: &[Figure]) -> Self {
        let mut marks = vec![Mark::Free; s.last.saturating_sub(s.first)];
        for f in figs {
            let m = if f.kind.is_time() {
                Mark::Time
            } else {
                Mark::Figure
            };
            for k in f.first.max(s.first)..f.last.min(s.last) {
                marks[k - s.first] = m;
            }
        }
        Clauses {
            toks,
            src,
            s,
            marks,
            own: std::cell::Cell::new((0, 0)),
        }
    }

    fn mark(&self, k: usize) -> Mark {
        let (a, b) = self.own.get();
        if (a..b).contains(&k) {
            return Mark::Free;
        }
        k.checked_sub(self.s.first)
            .and_then(|i| self.marks.get(i))
            .copied()
            .unwrap_or(Mark::Free)
    }

    fn tok(&self, k: usize) -> Option<&Tok> {
        (k >= self.s.first && k < self.s.last)
            .then(|| self.toks.get(k))
            .flatten()
    }

    fn is(&self, k: usize, words: &[&str]) -> bool {
        self.tok(k).is_some_and(|t| t.is_any(words))
    }

    fn punct(&self, k: usize) -> bool {
        self.tok(k)
            .is_some_and(|t| t.kind == TokKind::Punct && t.norm != "-" && t.norm != "'")
    }

    fn text(&self, r: &Range<usize>) -> String {
        let s = self.toks[r.start].start;
        let e = self.toks[r.end - 1].end;
        crate::text::collapse_whitespace(self.src.get(s..e).unwrap_or(""))
    }

    /// The lowest token a backward walk from `at` may reach: the sentence
    /// start, [`WINDOW`] tokens back, or just after a clause boundary.
    fn floor(&self, at: usize) -> usize {
        let lo = self.s.first.max(at.saturating_sub(WINDOW));
        let mut k = at;
        while k > lo {
            let t = &self.toks[k - 1];
            if t.is_any(&[":", ";", "«", "»", "\"", "“", "”", "(", ")"]) || t.is_any(CLAUSE_OPENERS)
            {
                return k;
            }
            k -= 1;
        }
        lo
    }

    /// The verb form token `k` is in its context, if it is a verb.
    fn verb(&self, k: usize) -> Option<Form> {
        let t = self.tok(k)?;
        if t.kind != TokKind::Word || self.mark(k) != Mark::Free {
            return None;
        }
        let w = t.norm.as_str();
        let form = if w == "e" || w == "e'" {
            let text = t.text(self.src);
            let accented = text.starts_with(['è', 'È', 'é'])
                || text.ends_with('\'')
                || text.ends_with('’')
                || self
                    .src
                    .get(t.end..)
                    .is_some_and(|r| r.starts_with(['\'', '’']));
            accented.then_some(Form::Finite)?
        } else {
            verbs::form(w)?
        };
        // A capital inside a sentence is a name (Fermo, Vola).
        if t.cap && k > self.s.first && !self.punct(k - 1) {
            return None;
        }
        if k > self.s.first {
            let p = &self.toks[k - 1];
            static NOT_BEFORE: WordSet = WordSet::new(NOT_BEFORE_VERB);
            let after_noun_marker = NOT_BEFORE.contains(&p.norm)
                || (p.is_digits() && self.mark(k - 1) == Mark::Free)
                || (p.is_any(PRENOMINAL) && k >= self.s.first + 2 && self.is(k - 2, ARTICLES));
            if after_noun_marker && form != Form::Infinitive {
                return None;
            }
        }
        Some(form)
    }

    /// True if a participle at `k` is a verb: after an auxiliary (an adverb
    /// may sit between) or right before the figure at `at`.
    fn participle_is_verb(&self, k: usize, at: usize) -> bool {
        let aux = |j: usize| self.is(j, AUX) && self.verb(j).is_some() || self.is(j, &["si"]);
        if k > self.s.first && aux(k - 1) {
            return true;
        }
        if k > self.s.first + 1 && self.is(k - 1, CLITICS) && aux(k - 2) {
            return true;
        }
        // `sceso sotto il 2%`, `cresciuti del 14%`: only little words between.
        (k + 1..at).all(|j| {
            self.tok(j)
                .is_some_and(|t| is_function_word(&t.norm) || t.kind == TokKind::Punct)
        }) && !(k > self.s.first && self.is_noun(k - 1))
    }

    /// A word that can be part of a noun phrase.
    fn is_noun(&self, k: usize) -> bool {
        let Some(t) = self.tok(k) else {
            return false;
        };
        match t.kind {
            TokKind::Word => {
                let w = t.norm.as_str();
                let verb = match self.verb(k) {
                    Some(Form::Finite | Form::Gerund | Form::Infinitive) => true,
                    // `sono saliti`: a verb; `ricavi attesi`: an adjective.
                    Some(Form::Participle) => {
                        k > self.s.first && self.is(k - 1, AUX) && self.verb(k - 1).is_some()
                    }
                    None => false,
                };
                let adverb = w.len() > 7 && w.ends_with("mente") || is_one_of(w, ADVERBS);
                // `Vogliamo recuperare …`: a first person plural.
                let first_plural = w.len() > 5 && w.ends_with("iamo");
                !is_function_word(w)
                    && !w.ends_with('\'')
                    && !verb
                    && !adverb
                    && !first_plural
                    && (!is_one_of(w, CLITICS) || t.cap && k > self.s.first)
            }
            TokKind::Digits => self.mark(k) == Mark::Free,
            _ => false,
        }
    }

    /// The noun phrase ending at `end` (exclusive), collected backwards no
    /// lower than `floor`: content words with the prepositions and articles
    /// between them (`commercio tra i due Paesi`, `pena più alta`), time
    /// figures skipped at its end, a figure inside only after a preposition
    /// (`Euribor a 3 mesi`).
    fn phrase_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let mut e = end;
        if e > floor && self.mark(e - 1) == Mark::Time {
            // A time at the phrase's end, with its preposition (`biglietto
            // per il weekend di Pasqua`).
            while e > floor && self.mark(e - 1) == Mark::Time {
                e -= 1;
            }
            while e > floor && (self.is(e - 1, INNER) || self.is(e - 1, ARTICLES)) {
                e -= 1;
            }
        }
        let mut start = e;
        let mut words = 0;
        let mut i = e;
        while i > floor && words < 8 {
            let k = i - 1;
            let t = &self.toks[k];
            if self.mark(k) != Mark::Free {
                // A figure inside the phrase, after a preposition.
                let mut j = k;
                while j > floor && self.mark(j - 1) == self.mark(k) {
                    j -= 1;
                }
                if words > 0 && j > floor + 1 && self.is(j - 1, INNER) && self.is_noun(j - 2) {
                    i = j - 1;
                    continue;
                }
                break;
            }
            if self.is_noun(k) {
                if words == 0 && start == e {
                    e = k + 1;
                }
                words += 1;
                start = k;
                i = k;
            } else if t.norm == "-" && !t.space_before {
                i = k;
            } else if t.is_any(&["piu", "meno", "e"])
                && words > 0
                && k > floor
                && self.is_noun(k - 1)
                && self.verb(k).is_none()
            {
                // la pena più alta; andata e ritorno
                i = k;
            } else if t.is_any(INNER) && words > 0 {
                if k > floor && self.is_noun(k - 1) {
                    i = k;
                } else {
                    break;
                }
            } else if t.is_any(ARTICLES) && words > 0 && k > floor && self.is(k - 1, INNER) {
                i = k;
            } else {
                break;
            }
        }
        (words > 0).then_some(start..e)
    }

    /// The noun phrase starting at `k`, cut before any figure.
    fn phrase_after(&self, k: usize, max: usize) -> Option<Range<usize>> {
        let r = noun_phrase_range(self.toks, k, max, self.src)?;
        if self.mark(r.start) != Mark::Free || r.start >= self.s.last {
            return None;
        }
        let end = (r.start..r.end.min(self.s.last))
            .find(|&j| self.mark(j) != Mark::Free)
            .unwrap_or(r.end.min(self.s.last));
        let mut end = end;
        while end > r.start && !self.is_noun(end - 1) {
            end -= 1;
        }
        (end > r.start).then_some(r.start..end)
    }

    /// The clause subject for a figure whose words begin at `at` (`verb`:
    /// a verb inside its span, such as `supera i 100 milioni`).
    fn clause(&self, at: usize, verb: Option<usize>) -> Clause {
        let floor = self.floor(at);
        let mut v = verb;
        if v.is_none() {
            let mut k = at;
            while k > floor {
                let i = k - 1;
                if self.mark(i) == Mark::Time {
                    k -= 1;
                    continue;
                }
                if self.punct(i) {
                    return Clause::Unknown;
                }
                match self.verb(i) {
                    Some(Form::Finite | Form::Gerund | Form::Infinitive) => {
                        v = Some(i);
                        break;
                    }
                    Some(Form::Participle) if self.participle_is_verb(i, at) => {
                        v = Some(i);
                        break;
                    }
                    _ => {}
                }
                k -= 1;
            }
        }
        let Some(v) = v else {
            return Clause::Unknown;
        };
        if self.verb(v) == Some(Form::Gerund) && v > floor && self.punct(v - 1) {
            // `…, superando i 200 miliardi`: the subject is the main clause's.
            return Clause::Unknown;
        }
        // Back over the verb group and its clitics.
        let mut k = v;
        while k > floor
            && (self.verb(k - 1).is_some() || self.is(k - 1, CLITICS) && !self.toks[k - 1].cap)
        {
            k -= 1;
        }
        let mut floor_here = floor;
        // `la rata, che (nel 2024) dovrebbe …`: the antecedent.
        let mut j = k;
        while j > floor && self.mark(j - 1) == Mark::Time {
            j -= 1;
        }
        let relative = j > floor && self.is(j - 1, &["che"]);
        if relative {
            k = j - 1;
            if k > floor && self.is(k - 1, &[","]) {
                k -= 1;
            }
        }
        // An insert between commas (`, secondo l'Istat,`, `, cresciuto del
        // 5%,`): the subject is before it.
        if k > floor && self.is(k - 1, &[","]) {
            let open = (floor..k - 1).rev().find(|&j| self.is(j, &[","]));
            match open {
                Some(o) if self.opens_insert(o + 1) => {
                    k = o;
                    floor_here = floor;
                }
                _ => {
                    return Clause::Unknown;
                }
            }
        }
        if k <= floor_here {
            return Clause::VerbFirst;
        }
        match self.phrase_before(k, floor_here) {
            // `sulla città sono caduti 175 millimetri`: a subject follows no
            // preposition; the figure is the subject, after its verb.
            Some(r) if !relative && r.start > floor_here && self.is(r.start - 1, INNER) => {
                Clause::Oblique(r)
            }
            Some(r) => Clause::Subject(r),
            None if (floor_here..k).all(|j| !self.is_noun(j)) => Clause::VerbFirst,
            None => Clause::Unknown,
        }
    }

    /// True if the words at `k` open an insert (`secondo l'Istat`, `come
    /// previsto`, `che …`, a participle or gerund).
    fn opens_insert(&self, k: usize) -> bool {
        self.is(
            k,
            &[
                "secondo", "come", "che", "stando", "per", "a", "al", "in", "nel", "nella", "con",
                "dopo", "tra", "fra", "da", "dal", "dalla", "oltre", "pur", "anche",
            ],
        ) || matches!(
            self.tok(k).and_then(|t| verbs::form(&t.norm)),
            Some(Form::Participle | Form::Gerund)
        )
    }

    /// The noun the figure `f` complements (`ricavi per 1,42 miliardi`,
    /// `Benzina sotto 1,70 euro`), or stands beside between commas.
    fn complemented(&self, f: &Figure) -> Option<Range<usize>> {
        let floor = self.floor(f.first);
        // The preposition: the span's first word or the one before it.
        let mut p = if self.is(f.first, COMPLEMENT) || self.is(f.first, COMPLEMENT_LEAD) {
            f.first
        } else if f.first > floor && self.is(f.first - 1, COMPLEMENT) {
            f.first - 1
        } else if f.first > floor + 1
            && self.is(f.first - 1, &["quota"])
            && self.is(f.first - 2, COMPLEMENT)
        {
            // `vendite a quota 40 milioni`
            f.first - 2
        } else {
            return self.appositive(f, floor);
        };
        while p > floor && self.is(p - 1, COMPLEMENT_LEAD) {
            p -= 1;
        }
        // `una manovra da oltre 35 miliardi`, `un buco di oltre 2 miliardi`:
        // the qualifier opens the span, the preposition is the one before.
        if p == f.first
            && p > floor
            && self.is(p, &["oltre", "sotto", "sopra"])
            && self.is(p - 1, COMPLEMENT)
        {
            p -= 1;
        }
        let mut e = p;
        while e > floor && self.mark(e - 1) == Mark::Time {
            e -= 1;
        }
        // `saliti in media del 18%`: an adverbial, not a noun.
        if e > floor + 1 && self.is(e - 2, &["in"]) && self.is(e - 1, ADVERBIAL_IN) {
            e -= 2;
        }
        if e <= floor || !self.is_noun(e - 1) {
            return None;
        }
        if let Some(Form::Participle) = self.verb(e - 1) {
            // `è salito a`: a verb; `ricavi attesi tra`: a modifier.
            if e - 1 > floor && !self.is_noun(e - 2) {
                return None;
            }
        }
        let r = self.phrase_before(e, floor)?;
        let head = self.toks[r.start].norm.as_str();
        if f.change && CHANGE_NOUNS.contains(&head) {
            return None;
        }
        // `ha toccato il record di 244,8 miliardi`: a level reached by the
        // clause's subject.
        let reached = r.start > floor + 1 && self.is(r.start - 1, ARTICLES) && {
            let mut v = r.start - 1;
            while v > floor && self.mark(v - 1) == Mark::Time {
                v -= 1;
            }
            v > floor && self.verb(v - 1).is_some()
        };
        if LEVELS.contains(&head) && reached {
            if let Clause::Subject(s) = self.clause(r.start, None) {
                return Some(s);
            }
        }
        Some(r)
    }

    /// `La pena più alta, 20 anni, è andata …`: the phrase before the comma.
    fn appositive(&self, f: &Figure, floor: usize) -> Option<Range<usize>> {
        let comma_before = f.first > floor + 1 && self.is(f.first - 1, &[","]);
        let after_ok = self.tok(f.last).is_none_or(|t| t.is_any(&[",", ".", ")"]));
        if !(comma_before && after_ok) {
            return None;
        }
        let c = f.first - 1;
        let r = self.phrase_before(c, floor)?;
        // Only a bare phrase: `Il governo ha stanziato 5 milioni, 2 per …`
        // has a verb before.
        (floor..r.start)
            .all(|j| self.verb(j).is_none())
            .then_some(r)
    }

    /// The word (`contro`, `rispetto`) that makes `f` a baseline.
    fn is_baseline(&self, f: &Figure) -> bool {
        let lo = f.first.saturating_sub(3).max(self.s.first);
        (lo..f.first + 1).any(|j| self.is(j, BASELINE))
    }

    /// True if only fillers lie between a comma after `prev_end` and `f`.
    fn continues(&self, prev_end: usize, f: &Figure) -> bool {
        let Some(c) = (prev_end..f.first).find(|&j| self.is(j, &[","])) else {
            return false;
        };
        (prev_end..c).all(|j| self.punct(j) || self.mark(j) != Mark::Free)
            && (c + 1..f.first).all(|j| self.is(j, CONTINUATION) || self.punct(j))
    }

    /// A verb inside a figure's span, before its number (`supera i 100
    /// milioni`, `è calata del 2,5%`).
    fn verb_in(&self, f: &Figure) -> Option<usize> {
        let digits = (f.first..f.last)
            .find(|&k| self.toks[k].is_digits())
            .unwrap_or(f.first);
        (f.first..digits)
            .find(|&k| {
                self.toks[k].kind == TokKind::Word
                    && verbs::form(&self.toks[k].norm).is_some()
                    && !self.toks[k].is_any(&["e", "ha"])
            })
            .or_else(|| (f.first..digits).find(|&k| self.verb(k).is_some()))
    }
}

/// A subject: its words and, when read from the text, their tokens.
pub type Subject = (String, Option<Range<usize>>);

/// What each figure of a sentence measures (`figs`: the sentence's figures
/// in text order, with their token spans): the words and their tokens.
pub fn subjects(c: &Clauses<'_>, figs: &[Figure]) -> Vec<Option<Subject>> {
    let mut out: Vec<Option<Subject>> = Vec::with_capacity(figs.len());
    // The previous non-time figure with a subject: (index, subject).
    let mut previous: Option<(usize, Subject)> = None;
    for (k, f) in figs.iter().enumerate() {
        if f.kind.is_time() {
            out.push(None);
            continue;
        }
        c.own.set((f.first, f.last));
        let read = subject_of(c, f, previous.as_ref().map(|(i, s)| (&figs[*i], s)));
        let read = match read {
            Some((sub, _))
                if f.change && CHANGE_NOUNS.contains(&crate::text::lower(&sub).as_ref()) =>
            {
                previous
                    .as_ref()
                    .map(|(_, s)| s.clone())
                    .or(Some((sub, None)))
            }
            other => other,
        };
        let read = read.or_else(|| previous.as_ref().map(|(_, s)| s.clone()));
        if let Some(s) = &read {
            previous = Some((k, s.clone()));
        }
        out.push(read);
    }
    out
}

fn subject_of(
    c: &Clauses<'_>,
    f: &Figure,
    previous: Option<(&Figure, &Subject)>,
) -> Option<Subject> {
    let phrase = |r: Range<usize>| (c.text(&r), Some(r));
    if let Some(sub) = &f.subject {
        // Unless the grammar's phrase runs into another figure.
        let clean = f
            .subject_tokens
            .as_ref()
            .is_none_or(|r| r.clone().all(|k| c.mark(k) == Mark::Free));
        if clean {
            return Some((sub.clone(), f.subject_tokens.clone()));
        }
    }
    let unit = f.unit.as_deref().unwrap_or("");
    let unit_first = crate::text::lower(unit.split(' ').next().unwrap_or(""));
    let unit_first = unit_first.as_ref();
    let measure = MEASURES.contains(&unit_first) || TIME_UNITS.contains(&unit_first);
    let counted = || {
        Some(unit.to_string())
            .filter(|u| !u.is_empty() && !u.starts_with(|ch: char| ch.is_ascii_digit()))
            .map(|u| (u, f.subject_tokens.clone()))
    };
    if matches!(f.kind, FigureKind::Count | FigureKind::Ordinal) && !measure {
        if let Some(s) = counted() {
            return Some(s);
        }
    }
    // A baseline or a bracketed figure: what the figure before measures.
    if let Some((_, s)) = previous {
        let bracket = f.first > c.s.first && c.is(f.first - 1, &["("]);
        if c.is_baseline(f) || bracket {
            return Some(s.clone());
        }
    }
    let after_di = |k: usize| {
        c.is(
            k,
            &["di", "del", "della", "dell'", "dei", "degli", "delle", "d'"],
        )
        .then(|| c.phrase_after(k, 6))
        .flatten()
        .map(phrase)
    };
    if matches!(
        f.kind,
        FigureKind::Percent
            | FigureKind::Fraction
            | FigureKind::Amount
            | FigureKind::Number
            | FigureKind::Ordinal
    ) || measure
    {
        if let Some(s) = after_di(f.last) {
            return Some(s);
        }
    }
    if let Some((p, s)) = previous {
        if c.continues(p.last, f) {
            return Some(s.clone());
        }
    }
    if let Some(r) = c.complemented(f) {
        return Some(phrase(r));
    }
    let (at, verb) = (f.first, c.verb_in(f));
    if unit_first == "volte" {
        // Events counted: `si sono incontrati di persona 40 volte`.
        if let Some(r) = event_before(c.toks, c.src, c.floor(at), at) {
            return Some(phrase(r));
        }
    }
    match c.clause(at, verb) {
        Clause::Subject(r) => return Some(phrase(r)),
        clause @ (Clause::VerbFirst | Clause::Oblique(_)) => {
            // `È durata più di due ore la telefonata`, `Sono 2.118 le persone`.
            let mut k = f.last;
            while c.mark(k) == Mark::Time && k < c.s.last {
                k += 1;
            }
            if c.is(k, ARTICLES) {
                if let Some(r) = c.phrase_after(k, 6) {
                    return Some(phrase(r));
                }
            }
            if let Clause::Oblique(r) = clause {
                return Some(phrase(r));
            }
        }
        Clause::Unknown => {}
    }
    if TIME_UNITS.contains(&unit_first) {
        // `è rimasta il principale partner della Russia per 16 anni`.
        if let Some(r) = predicate_before(c.toks, c.src, c.floor(at), at) {
            return Some(phrase(r));
        }
    }
    if previous.is_some() {
        return None;
    }
    if matches!(f.kind, FigureKind::Count | FigureKind::Ordinal)
        && !TIME_UNITS.contains(&unit_first)
    {
        return counted();
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::figures::{self};

    /// The subject of the figure whose text is `fig` in sentence `s`.
    fn subject(s: &str, fig: &str) -> Option<String> {
        let all = figures::extract_text(s, None);
        let f = all
            .iter()
            .find(|f| f.text == fig)
            .unwrap_or_else(|| panic!("no figure {fig:?} in {all:#?}"));
        f.subject.clone()
    }

    #[test]
    fn the_noun_a_figure_complements() {
        assert_eq!(
            subject(
                "La società ha chiuso l'anno con un fatturato di 3,2 miliardi di euro.",
                "3,2 miliardi di euro"
            )
            .as_deref(),
            Some("fatturato")
        );
        assert_eq!(
            subject(
                "Vendite 2025 a quota 40 milioni per il marchio.",
                "40 milioni"
            )
            .as_deref(),
            Some("Vendite")
        );
        assert_eq!(
            subject("Gasolio sotto 1,60 euro al litro.", "sotto 1,60 euro").as_deref(),
            Some("Gasolio")
        );
    }

    #[test]
    fn the_clause_subject_across_inserts() {
        assert_eq!(
            subject(
                "Il prezzo del grano, secondo la Coldiretti, è sceso a 28 euro al quintale.",
                "28 euro"
            )
            .as_deref(),
            Some("prezzo del grano")
        );
        assert_eq!(
            subject(
                "Nel 2023 la spesa delle famiglie si è fermata a 9 miliardi.",
                "9 miliardi"
            )
            .as_deref(),
            Some("spesa delle famiglie")
        );
        assert_eq!(
            subject(
                "È durato quasi tre ore il vertice tra i ministri.",
                "quasi tre ore"
            )
            .as_deref(),
            Some("vertice tra i ministri")
        );
    }

    #[test]
    fn baselines_and_continuations_follow_the_figure_before() {
        let s = "Il gruppo ha registrato un utile di 52 milioni, in aumento del 9%, contro i 47 milioni del 2024.";
        assert_eq!(subject(s, "52 milioni").as_deref(), Some("utile"));
        assert_eq!(subject(s, "in aumento del 9%").as_deref(), Some("utile"));
        assert_eq!(subject(s, "47 milioni").as_deref(), Some("utile"));
    }

    #[test]
    fn levels_relatives_and_adverbials() {
        assert_eq!(
            subject(
                "L'export di vino ha toccato il massimo di 8 miliardi di euro.",
                "8 miliardi di euro"
            )
            .as_deref(),
            Some("export di vino")
        );
        assert_eq!(
            subject(
                "Le iscrizioni, che nel 2024 sono calate del 3%, restano basse.",
                "sono calate del 3%"
            )
            .as_deref(),
            Some("iscrizioni")
        );
        assert_eq!(
            subject(
                "Gli affitti nelle città universitarie sono saliti in media del 12%.",
                "12%"
            )
            .as_deref(),
            Some("affitti nelle città universitarie")
        );
        // A phrase after a preposition is no subject: the figure is.
        assert_eq!(
            subject("Ai comuni andranno 600 milioni.", "600 milioni").as_deref(),
            Some("comuni")
        );
        assert_eq!(
            subject("Sono 4.500 gli sfollati ospitati negli alberghi.", "4.500").as_deref(),
            Some("sfollati ospitati negli alberghi")
        );
    }

    #[test]
    fn adverbs_and_first_persons_are_no_subjects() {
        assert_eq!(
            subject(
                "Gli italiani regaleranno soprattutto libri da 15 euro.",
                "15 euro"
            )
            .as_deref(),
            Some("libri")
        );
        assert_eq!(
            subject("Vogliamo raggiungere almeno il 75%.", "almeno il 75%"),
            None
        );
    }

    #[test]
    fn a_noun_is_not_a_verb_after_an_article() {
        // `la stima` and `la costa` are nouns; `stima` would be a verb.
        assert_eq!(
            subject(
                "La stima della Banca d'Italia è di 2 miliardi.",
                "2 miliardi"
            )
            .as_deref(),
            Some("stima della Banca d'Italia")
        );
    }

    #[test]
    fn counts_keep_their_noun_but_not_a_measure() {
        assert_eq!(
            subject("Sono arrivati 300 volontari.", "300 volontari").as_deref(),
            Some("volontari")
        );
        assert_eq!(
            subject(
                "La fila, 4 chilometri, ha bloccato il casello.",
                "4 chilometri"
            )
            .as_deref(),
            Some("fila")
        );
    }
}
