//! The sentence around a figure: what it measures, when, and who says so.
//!
//! - [`sentences`] splits a block's tokens into sentences (not at
//!   abbreviations such as `n.` or inside numbers);
//! - the **subject** is the noun phrase a figure measures: the `di …` phrase
//!   after a percentage or fraction (`il 70% dei treni merci`), the counted
//!   noun (`cento esercitazioni`), the verb of events counted in `volte`
//!   (`si sono incontrati … 40 volte`), else the subject of the clause before
//!   the verb (`il commercio bilaterale ha raggiunto i 227,9 miliardi`);
//! - the **time reference** is the nearest date or period of the same
//!   sentence;
//! - the **source** is who the sentence attributes it to (`secondo X`,
//!   `dicono i dati del X`, `ha affermato X`, `come confermato dall'X`),
//!   carried to the next sentence when that one reports with no subject
//!   (`Ha osservato che …`).

use std::ops::Range;

use super::lexicon::{
    is_common_verb, is_function_word, looks_like_verb, ADJECTIVE_ENDINGS, ARTICLES,
};
use super::{subject, Figure};
use crate::token::{has_suffix, is_one_of, Tok, TokKind};

/// A sentence: tokens `first..last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

const ABBREVIATIONS: &[&str] = &[
    "n", "nr", "art", "artt", "p", "pp", "pag", "ecc", "dott", "dr", "sig", "sigg", "on", "prof",
    "mr", "mrs", "ms", "st", "vol", "cap", "co", "inc", "ltd", "corp", "s", "a", "spa", "srl", "u",
    "es", "cfr", "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "sett", "ott",
    "nov", "dic",
];

/// Splits tokens into sentences at `.`, `!`, `?` and `;`.
pub fn sentences(toks: &[Tok], src: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, t) in toks.iter().enumerate() {
        let end = match t.norm.as_str() {
            "!" | "?" | ";" => true,
            "." => {
                let prev_abbrev =
                    i > 0 && toks[i - 1].is_word() && is_one_of(&toks[i - 1].norm, ABBREVIATIONS);
                let next_lower = toks.get(i + 1).is_some_and(|n| {
                    n.text(src)
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
                });
                !(prev_abbrev || next_lower)
            }
            _ => false,
        };
        if end {
            out.push(Sentence { first, last: i + 1 });
            first = i + 1;
        }
    }
    if first < toks.len() {
        out.push(Sentence {
            first,
            last: toks.len(),
        });
    }
    out
}

/// Connectors that may sit inside a noun phrase (`commercio tra i due
/// Paesi`, `gas naturale liquefatto verso la Cina`).
pub(super) const NP_PREPOSITIONS: &[&str] = &[
    "di", "d'", "del", "dello", "della", "dell'", "dei", "degli", "delle", "tra", "fra", "verso",
    "per", "con", "su", "sul", "sulla", "sui", "in", "nel", "nella", "a", "al", "alla", "ai", "da",
    "dal", "dalla", "dall'", "all'", "nell'", "sull'", "nei", "negli", "nelle", "sugli", "sulle",
    "dai", "dagli", "dalle", "agli", "alle", "allo", "nello", "sullo", "dallo",
];

/// Words that never head a noun phrase here.
const NOT_CONTENT: &[&str] = &[
    "ormai", "ancora", "gia", "solo", "soltanto", "pure", "inoltre", "anche",
];

fn is_content(t: &Tok) -> bool {
    match t.kind {
        TokKind::Word => {
            let w = t.norm.as_str();
            !is_function_word(w)
                && !is_common_verb(w)
                && !is_one_of(w, NOT_CONTENT)
                && !w.ends_with('\'')
        }
        TokKind::Digits => true,
        _ => false,
    }
}

fn span_text(toks: &[Tok], src: &str, first: usize, last: usize) -> String {
    let s = toks[first].start;
    let e = toks[last - 1].end;
    crate::text::collapse_whitespace(src.get(s..e).unwrap_or(""))
}

/// How far (in tokens) any walk from a figure goes, back or forward, inside
/// its sentence: enough for the longest subject or source phrase, and a
/// bound that keeps the work per figure constant however long the
/// sentence.
pub const WINDOW: usize = 32;

/// The noun phrase starting at token `k` (after leading articles and
/// prepositions): up to `max` content words with the prepositions between
/// them. Returns the text and the token index past it.
pub fn noun_phrase_after(toks: &[Tok], src: &str, k: usize, max: usize) -> Option<(String, usize)> {
    noun_phrase_range(toks, k, max, src).map(|r| (span_text(toks, src, r.start, r.end), r.end))
}

/// [`noun_phrase_after`] as a token range; at most [`WINDOW`] tokens are
/// looked at.
pub fn noun_phrase_range(toks: &[Tok], k: usize, max: usize, src: &str) -> Option<Range<usize>> {
    let limit = toks.len().min(k.saturating_add(WINDOW));
    let mut i = k;
    while i < limit && (toks[i].is_any(ARTICLES) || toks[i].is_any(NP_PREPOSITIONS)) {
        i += 1;
    }
    let start = i;
    let mut last_content = None;
    let mut words = 0;
    while i < limit {
        let t = &toks[i];
        let gerund = t.norm.ends_with("ando") || t.norm.ends_with("endo");
        if is_content(t) && !(i > start && gerund && !t.is_capitalized(src)) {
            if is_common_verb(&t.norm) || words == max {
                break;
            }
            words += 1;
            last_content = Some(i);
            i += 1;
        } else if t.norm == "-"
            && !t.space_before
            && toks
                .get(i + 1)
                .is_some_and(|n| !n.space_before && is_content(n))
        {
            // A hyphenated compound counts as one word (Cina-Europa).
            last_content = Some(i + 1);
            i += 2;
        } else if t.is_any(NP_PREPOSITIONS)
            || (t.is_any(ARTICLES) && i > start && toks[i - 1].is_any(NP_PREPOSITIONS))
        {
            // Only keep going if a content word follows.
            let mut j = i + 1;
            while j < limit && toks[j].is_any(ARTICLES) {
                j += 1;
            }
            if toks.get(j).is_some_and(is_content) && !toks[j].is_digits() {
                i = j;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    let last = last_content? + 1;
    Some(start..last.min(toks.len()))
}

/// What a clause says of its subject, between the verb and the figure
/// (`è rimasta il principale partner commerciale della Russia per 16 anni`
/// → `principale partner commerciale della Russia`), at most [`WINDOW`]
/// tokens back.
pub(super) fn predicate_before(
    toks: &[Tok],
    src: &str,
    from: usize,
    at: usize,
) -> Option<Range<usize>> {
    let from = from.max(at.saturating_sub(WINDOW));
    let verb = (from..at).rev().find(|&k| {
        let t = &toks[k];
        t.kind == TokKind::Word
            && (is_common_verb(&t.norm) || looks_like_verb(&t.norm))
            && !t.is_capitalized(src)
    })?;
    let mut first = verb + 1;
    let mut last = at;
    while last > first
        && (toks[last - 1].is_any(NP_PREPOSITIONS) || toks[last - 1].is_any(ARTICLES))
    {
        last -= 1;
    }
    while first < last && (toks[first].is_any(ARTICLES) || !is_content(&toks[first])) {
        first += 1;
    }
    if first >= last || (first..last).any(|k| toks[k].kind == TokKind::Punct && toks[k].norm != "-")
    {
        return None;
    }
    Some(first..last)
}

/// The verb of events counted in `volte`, with what follows it up to the
/// figure (`incontrati di persona`, `recato in Russia`), at most [`WINDOW`]
/// tokens back.
pub(super) fn event_before(
    toks: &[Tok],
    src: &str,
    from: usize,
    at: usize,
) -> Option<Range<usize>> {
    let from = from.max(at.saturating_sub(WINDOW));
    let mut k = at;
    while k > from {
        let t = &toks[k - 1];
        let w = t.norm.as_str();
        if t.kind == TokKind::Word
            && looks_like_verb(w)
            && !is_common_verb(w)
            && !t.is_capitalized(src)
        {
            // The phrase from the verb up to the qualifier or number.
            let mut end = at;
            while end > k
                && (toks[end - 1].is_any(ARTICLES)
                    || toks[end - 1]
                        .is_any(&["oltre", "piu", "di", "circa", "quasi", "almeno", "ben"]))
            {
                end -= 1;
            }
            let end = end.max(k);
            return Some(k - 1..end);
        }
        if t.kind == TokKind::Punct && t.norm != "-" && t.norm != "'" {
            return None;
        }
        k -= 1;
    }
    None
}

/// Reporting verbs after which the source follows (`ha affermato Zhao
/// Long`), or before which it stands (`Xi ha detto`).
const REPORTING: &[&str] = &[
    "affermato",
    "detto",
    "dichiarato",
    "spiegato",
    "sottolineato",
    "osservato",
    "confermato",
    "riferito",
    "annunciato",
    "precisato",
    "scritto",
    "riportato",
    "aggiunto",
    "ricordato",
    "dicono",
    "riferiscono",
    "riportano",
    "indicano",
    "mostrano",
    "rivelano",
    "confermano",
    "spiegano",
    "sostengono",
    "affermano",
    "dichiarano",
    "scrivono",
    "parlano",
    "riporta",
    "riferisce",
    "spiega",
    "afferma",
    "dichiara",
    "scrive",
    "sostiene",
    "osserva",
    "precisa",
    "conferma",
    "aggiunge",
    "sottolinea",
    "parla",
    "confidato",
    "citando",
    "presente",
];

/// A reporting verb ([`REPORTING`], looked up in a set: every token of
/// every sentence is asked).
fn is_reporting(t: &Tok) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    t.kind == TokKind::Word
        && SET
            .get_or_init(|| REPORTING.iter().copied().collect())
            .contains(t.norm.as_str())
}

const DATA_WORDS: &[&str] = &[
    "dati",
    "stime",
    "previsioni",
    "statistiche",
    "rapporto",
    "cifre",
    "numeri",
    "ultimi",
    "ultime",
    "ultimo",
    "documenti",
    "calcoli",
];

/// A source's name starting at `k`: a capitalised name with its lower-case
/// attributes (`Ministero del Commercio cinese`), or a short lower-case
/// phrase (`diverse fonti`, `i media statunitensi`).
fn source_after(toks: &[Tok], src: &str, k: usize) -> Option<String> {
    let toks = &toks[..toks.len().min(k.saturating_add(WINDOW))];
    let mut i = k;
    while toks.get(i).is_some_and(|t| {
        t.is_any(ARTICLES)
            || t.is_any(&[
                "ancora", "anche", "quanto", "da", "dal", "dalla", "dall'", "dai", "dagli",
            ])
    }) {
        i += 1;
    }
    // "i dati del", "gli ultimi dati del"
    let mut j = i;
    while toks
        .get(j)
        .is_some_and(|t| t.is_any(DATA_WORDS) || t.is_any(ARTICLES))
    {
        j += 1;
    }
    if j > i
        && toks
            .get(j)
            .is_some_and(|t| t.is_any(&["del", "della", "dell'", "dei", "degli", "delle", "di"]))
    {
        i = j + 1;
    }
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    if t.is_capitalized(src) {
        let start = i;
        let mut last = i + 1;
        let mut m = i + 1;
        while m < toks.len() {
            let n = &toks[m];
            if n.kind == TokKind::Word && n.is_capitalized(src) {
                last = m + 1;
                m += 1;
            } else if (n.is_any(&[
                "di", "d'", "del", "della", "dell'", "degli", "dei", "delle", "per", "e",
            ]) && toks
                .get(m + 1)
                .is_some_and(|x| x.is_capitalized(src) || x.is_any(ARTICLES)))
                || (n.is_any(ARTICLES) && toks.get(m + 1).is_some_and(|x| x.is_capitalized(src)))
            {
                m += 1;
            } else if n.kind == TokKind::Word
                && !n.is_capitalized(src)
                && (is_one_of(&n.norm, NAME_ADJECTIVES)
                    || ADJECTIVE_ENDINGS.iter().any(|e| has_suffix(&n.norm, e))
                        && n.norm.ends_with("ese"))
                && m == last
            {
                // "russo", "cinese", "americano" right after a name
                last = m + 1;
                m += 1;
            } else {
                break;
            }
        }
        return Some(span_text(toks, src, start, last));
    }
    // Lower-case source: "diverse fonti", "media statunitensi", "fonti del
    // Cremlino" — only if it names a kind of source.
    let (np, _) = noun_phrase_after(toks, src, i, 5)?;
    let names_source = np
        .split(|c: char| !c.is_alphabetic())
        .any(|w| SOURCE_NOUNS.contains(&crate::text::lower(w).as_ref()));
    names_source.then_some(np)
}

/// Nouns that name a source when written in lower case.
const SOURCE_NOUNS: &[&str] = &[
    "fonti",
    "fonte",
    "media",
    "analisti",
    "analista",
    "esperti",
    "esperto",
    "portavoce",
    "ministero",
    "ministro",
    "governo",
    "agenzia",
    "agenzie",
    "funzionari",
    "funzionario",
    "documenti",
    "documento",
    "giornale",
    "quotidiano",
    "rapporto",
    "dati",
    "stime",
    "ricercatori",
    "ricercatore",
    "osservatori",
    "diplomatici",
    "diplomatico",
    "stampa",
    "tv",
    "televisione",
    "istituto",
    "ufficio",
    "autorita",
    "autorità",
    "servizi",
    "intelligence",
    "testimoni",
    "sondaggio",
];

/// Lower-case words that qualify a name (`Ministero degli Esteri russo`).
const NAME_ADJECTIVES: &[&str] = &[
    "russo",
    "russa",
    "russi",
    "russe",
    "cinese",
    "cinesi",
    "americano",
    "americana",
    "americani",
    "statunitense",
    "statunitensi",
    "europeo",
    "europea",
    "europei",
    "italiano",
    "italiana",
    "italiani",
    "francese",
    "francesi",
    "tedesco",
    "tedesca",
    "tedeschi",
    "britannico",
    "britannica",
    "britannici",
    "giapponese",
    "ucraino",
    "ucraina",
    "ucraini",
    "turco",
    "turca",
    "indiano",
    "indiana",
    "spagnolo",
    "spagnola",
    "iraniano",
    "israeliano",
    "nazionale",
    "centrale",
    "federale",
    "regionale",
    "internazionale",
    "mondiale",
];

/// The source a sentence attributes its content to.
pub fn attribution(toks: &[Tok], src: &str, s: Sentence) -> Option<String> {
    let range = s.first..s.last;
    for i in range.clone() {
        let t = &toks[i];
        // "secondo X" (not "il secondo")
        if t.is("secondo") && !(i > 0 && toks[i - 1].is_any(super::number::DETERMINERS)) {
            let mut k = i + 1;
            if toks.get(k).is_some_and(|x| x.is("quanto")) {
                k += 1;
                while toks
                    .get(k)
                    .is_some_and(|x| looks_like_verb(&x.norm) || x.is_any(&["reso", "noto"]))
                {
                    k += 1;
                }
            }
            if let Some(name) = source_after(toks, src, k) {
                return Some(name);
            }
        }
        // "come confermato dall'agenzia Tass", "riportato da X"
        if t.is("come") && toks.get(i + 1).is_some_and(is_reporting) {
            if let Some(name) = source_after(toks, src, i + 2) {
                return Some(name);
            }
        }
    }
    for i in range.clone() {
        let t = &toks[i];
        if !is_reporting(t) {
            continue;
        }
        // "ha fatto presente il South China Morning Post"
        let after = i + 1;
        let next = toks.get(after);
        let quote_or_that =
            next.is_none_or(|n| n.is_any(&["che", "\"", ":", ","]) || n.kind == TokKind::Punct);
        if !quote_or_that && after < s.last {
            if let Some(name) = source_after(toks, src, after) {
                return Some(name);
            }
        }
        // "Xi ha detto che…": the subject before the verb.
        let floor = s.first.max(i.saturating_sub(WINDOW));
        let mut k = i;
        while k > floor
            && toks[k - 1].is_any(&[
                "ha",
                "hanno",
                "aveva",
                "avevano",
                "avrebbe",
                "avrebbero",
                "fatto",
                "ha",
            ])
        {
            k -= 1;
        }
        if k > floor {
            let mut start = k;
            while start > floor
                && toks[start - 1].kind == TokKind::Word
                && (toks[start - 1].is_capitalized(src)
                    || toks[start - 1].is_any(&["di", "del", "della", "dell'", "degli"]))
            {
                start -= 1;
            }
            while start < k && !toks[start].is_capitalized(src) {
                start += 1;
            }
            if start < k {
                // Include a lower-case head before the name ("fonti del Dipartimento").
                let mut head = start;
                if head > floor + 1
                    && toks[head - 1].is_any(&["del", "della", "dell'", "di", "degli", "dei"])
                    && is_content(&toks[head - 2])
                {
                    head -= 2;
                }
                return Some(span_text(toks, src, head, k));
            }
        }
    }
    // "fonti del Cremlino" anywhere
    for i in range {
        if toks[i].is("fonti")
            && toks
                .get(i + 1)
                .is_some_and(|x| x.is_any(&["del", "della", "di", "dell'"]))
        {
            return source_after(toks, src, i);
        }
    }
    None
}

/// A sentence that reports without a subject (`Ha osservato che`): its
/// source is the previous sentence's.
pub fn reports_without_subject(toks: &[Tok], s: Sentence) -> bool {
    let mut i = s.first;
    while toks.get(i).is_some_and(|t| t.kind == TokKind::Punct) {
        i += 1;
    }
    toks.get(i)
        .is_some_and(|t| t.is_any(&["ha", "hanno", "aveva"]))
        && toks.get(i + 1).is_some_and(is_reporting)
}

/// Fills in subject, time reference and source of the figures of one
/// sentence `s` (`figs`, in text order, token indices of the block `toks`);
/// `source` is the sentence's attribution. A figure's time reference is
/// the nearest time figure of the sentence (`time_ref_at`: its index in
/// `figs`); every walk is bounded (see [`WINDOW`]), so the work is linear in
/// the sentence's figures.
pub fn annotate(toks: &[Tok], src: &str, s: Sentence, figs: &mut [Figure], source: Option<&str>) {
    // Time figures of the sentence that can be a time reference (a time
    // after "rispetto a" is the baseline of a comparison, not the time the
    // figure refers to).
    let times: Vec<usize> = (0..figs.len())
        .filter(|&m| {
            let f = &figs[m];
            let lo = f.first.saturating_sub(5);
            f.kind.is_time()
                && !toks[lo..f.first.min(toks.len())]
                    .iter()
                    .any(|t| t.is_any(&["rispetto", "confronto", "contro"]))
        })
        .collect();
    for k in 0..figs.len() {
        figs[k].source = source.map(str::to_string);
        if !figs[k].kind.is_time() {
            // The nearest before and the nearest after; the earlier on a tie.
            let after = times.partition_point(|&m| m < k);
            let dist = |m: usize| {
                let (f, t) = (&figs[k], &figs[m]);
                if t.first >= f.last {
                    t.first - f.last
                } else {
                    f.first.saturating_sub(t.last)
                }
            };
            let before = after.checked_sub(1).map(|p| times[p]);
            let next = times.get(after).copied();
            figs[k].time_ref_at = match (before, next) {
                (Some(b), Some(n)) => Some(if dist(n) < dist(b) { n } else { b }),
                (b, n) => b.or(n),
            };
        }
    }
    let clauses = subject::Clauses::new(toks, src, s, figs);
    let read = subject::subjects(&clauses, figs);
    for (f, sub) in figs.iter_mut().zip(read) {
        match sub {
            Some((text, range)) => {
                f.subject = Some(text);
                f.subject_tokens = range;
            }
            None => {
                f.subject = None;
                f.subject_tokens = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn splits_sentences_not_abbreviations() {
        let s = "Lo dice la legge n. 62 del 2001. Poi altro! E 3.5 no.";
        let toks = tokenize(s, 0);
        let ss = sentences(&toks, s);
        assert_eq!(ss.len(), 3);
    }

    #[test]
    fn noun_phrases() {
        let s = "dei treni merci Cina-Europa nell'ambito della Nuova Via";
        let toks = tokenize(s, 0);
        assert_eq!(
            noun_phrase_after(&toks, s, 0, 3).unwrap().0,
            "treni merci Cina-Europa"
        );
        let s = "delle importazioni cinesi di LNG, superando";
        let toks = tokenize(s, 0);
        assert_eq!(
            noun_phrase_after(&toks, s, 0, 6).unwrap().0,
            "importazioni cinesi di LNG"
        );
    }

    fn source_of(s: &str) -> Option<String> {
        let toks = tokenize(s, 0);
        attribution(
            &toks,
            s,
            Sentence {
                first: 0,
                last: toks.len(),
            },
        )
    }

    #[test]
    fn sources() {
        assert_eq!(
            source_of("Secondo l'Istat la disoccupazione è calata.").as_deref(),
            Some("Istat")
        );
        assert_eq!(
            source_of("Nel 2024, dicono i dati della Banca d'Italia, il credito è salito.")
                .as_deref(),
            Some("Banca d'Italia")
        );
        assert_eq!(
            source_of("Il deficit è al 3%, ha affermato Giorgia Meloni, presidente del Consiglio.")
                .as_deref(),
            Some("Giorgia Meloni")
        );
        assert_eq!(
            source_of(
                "Secondo gli ultimi dati del Ministero dell'Economia francese, il debito cresce."
            )
            .as_deref(),
            Some("Ministero dell'Economia francese")
        );
        assert_eq!(
            source_of("Secondo diverse fonti, l'accordo è vicino.").as_deref(),
            Some("diverse fonti")
        );
        assert_eq!(source_of("Il sindaco ha parlato a lungo.").as_deref(), None);
    }
}
