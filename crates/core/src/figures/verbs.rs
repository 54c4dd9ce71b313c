//! The verb forms a news clause puts between a subject and its figure, from
//! `data/verbs.txt`: each infinitive there gives its regular forms, and `=`
//! lines list irregular ones. A form is only a verb in context (see
//! [`super::subject`]): `la stima`, `in calo` and `lo Stato` are nouns.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What kind of verb form a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Conjugated: present, imperfect, future, conditional, subjunctive,
    /// remote past (`cala`, `scendeva`, `salirà`, `supererebbe`).
    Finite,
    /// Past participle (`calato`, `scese`): a verb after an auxiliary, an
    /// adjective after a noun (`ricavi attesi`).
    Participle,
    /// Gerund (`superando`): opens a clause of its own.
    Gerund,
    /// Infinitive, maybe with `si` (`aumentare`, `ridursi`).
    Infinitive,
}

/// Regular endings of the three conjugations, after the stem.
const ARE: &[(&str, Form)] = &[
    ("a", Form::Finite),
    ("ano", Form::Finite),
    ("ava", Form::Finite),
    ("avano", Form::Finite),
    ("era", Form::Finite),
    ("eranno", Form::Finite),
    ("erebbe", Form::Finite),
    ("erebbero", Form::Finite),
    ("asse", Form::Finite),
    ("assero", Form::Finite),
    ("arono", Form::Finite),
    ("ino", Form::Finite),
    ("ato", Form::Participle),
    ("ata", Form::Participle),
    ("ati", Form::Participle),
    ("ate", Form::Participle),
    ("ando", Form::Gerund),
    ("are", Form::Infinitive),
    ("arsi", Form::Infinitive),
];

const ERE: &[(&str, Form)] = &[
    ("e", Form::Finite),
    ("ono", Form::Finite),
    ("eva", Form::Finite),
    ("evano", Form::Finite),
    ("era", Form::Finite),
    ("eranno", Form::Finite),
    ("erebbe", Form::Finite),
    ("erebbero", Form::Finite),
    ("esse", Form::Finite),
    ("essero", Form::Finite),
    ("uto", Form::Participle),
    ("uta", Form::Participle),
    ("uti", Form::Participle),
    ("ute", Form::Participle),
    ("endo", Form::Gerund),
    ("ere", Form::Infinitive),
    ("ersi", Form::Infinitive),
];

const IRE: &[(&str, Form)] = &[
    ("iva", Form::Finite),
    ("ivano", Form::Finite),
    ("ira", Form::Finite),
    ("iranno", Form::Finite),
    ("irebbe", Form::Finite),
    ("irebbero", Form::Finite),
    ("isse", Form::Finite),
    ("issero", Form::Finite),
    ("irono", Form::Finite),
    ("ito", Form::Participle),
    ("ita", Form::Participle),
    ("iti", Form::Participle),
    ("ite", Form::Participle),
    ("endo", Form::Gerund),
    ("ire", Form::Infinitive),
    ("irsi", Form::Infinitive),
];

/// Irregular forms ending so are participles (`detto`, `speso`, `scesi`,
/// `posto`); the rest of an `=` line is finite.
const PARTICIPLE_ENDINGS: &[&str] = &[
    "to", "ta", "ti", "te", "so", "sa", "si", "se", "sto", "sta", "sti", "ste",
];

fn table() -> &'static FxHashMap<String, Form> {
    static TABLE: OnceLock<FxHashMap<String, Form>> = OnceLock::new();
    TABLE.get_or_init(|| build(include_str!("../../data/verbs.txt")))
}

/// The forms of a lexicon in the format of `data/verbs.txt`.
fn build(text: &str) -> FxHashMap<String, Form> {
    let mut m = FxHashMap::default();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(forms) = line.strip_prefix('=') {
            for w in forms.split_whitespace() {
                let form = if w.ends_with("are") || w.ends_with("ere") || w.ends_with("ire") {
                    Form::Infinitive
                } else if PARTICIPLE_ENDINGS
                    .iter()
                    .any(|e| crate::token::has_suffix(w, e))
                    && w.len() > 4
                    && !w.ends_with("sse")
                {
                    Form::Participle
                } else {
                    Form::Finite
                };
                m.insert(w.to_string(), form);
            }
            continue;
        }
        let mut parts = line.split_whitespace();
        let Some(inf) = parts.next() else {
            continue;
        };
        let isc = parts.next() == Some("isc");
        regular(inf, isc, &mut m);
    }
    m
}

/// Inserts the regular forms of infinitive `inf`; an irregular form listed
/// on an `=` line wins over a generated one.
fn regular(inf: &str, isc: bool, m: &mut FxHashMap<String, Form>) {
    let (stem, table, ire) = if let Some(s) = inf.strip_suffix("are") {
        (s, ARE, false)
    } else if inf.ends_with("rre") || inf.ends_with("rsi") {
        // ridurre, porre, trarre: irregular throughout, listed on `=` lines.
        m.entry(inf.to_string()).or_insert(Form::Infinitive);
        return;
    } else if let Some(s) = inf.strip_suffix("ere") {
        (s, ERE, false)
    } else if let Some(s) = inf.strip_suffix("ire") {
        (s, IRE, true)
    } else {
        m.entry(inf.to_string()).or_insert(Form::Infinitive);
        return;
    };
    let mut add = |ending: &str, form: Form| {
        let mut w = String::with_capacity(stem.len() + ending.len() + 1);
        w.push_str(stem);
        let front = ending.starts_with(['e', 'i']);
        if table.as_ptr() == ARE.as_ptr() && front {
            // toccare → toccherà; cominciare → comincerà, comincino.
            if stem.ends_with('c') || stem.ends_with('g') {
                w.push('h');
            } else if (stem.ends_with("ci") || stem.ends_with("gi")) && ending.starts_with('e')
                || stem.ends_with('i') && ending.starts_with('i')
            {
                w.pop();
            }
        }
        w.push_str(ending);
        m.entry(w).or_insert(form);
    };
    for &(ending, form) in table {
        add(ending, form);
    }
    if ire {
        if isc {
            add("isce", Form::Finite);
            add("iscono", Form::Finite);
        } else {
            add("e", Form::Finite);
            add("ono", Form::Finite);
        }
    }
}

/// The verb form a folded word is, if it is one.
pub fn form(w: &str) -> Option<Form> {
    table().get(w).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms_of_each_conjugation() {
        let m = build("toccare\ncominciare\nperdere\ndiminuire isc\ndormire\n= detto disse scese");
        let f = |w: &str| m.get(w).copied();
        assert_eq!(f("tocca"), Some(Form::Finite));
        assert_eq!(f("tocchera"), Some(Form::Finite));
        assert_eq!(f("toccato"), Some(Form::Participle));
        assert_eq!(f("comincera"), Some(Form::Finite));
        assert_eq!(f("comincino"), Some(Form::Finite));
        assert_eq!(f("perdeva"), Some(Form::Finite));
        assert_eq!(f("perdendo"), Some(Form::Gerund));
        assert_eq!(f("diminuisce"), Some(Form::Finite));
        assert_eq!(f("diminuito"), Some(Form::Participle));
        assert_eq!(f("diminue"), None, "an -isc- verb has no plain present");
        assert_eq!(f("dorme"), Some(Form::Finite));
        assert_eq!(f("detto"), Some(Form::Participle));
        assert_eq!(f("scese"), Some(Form::Participle), "-se: read as either");
        assert_eq!(f("disse"), Some(Form::Finite));
        assert_eq!(f("tocco"), None, "first persons are left out");
    }

    #[test]
    fn the_lexicon_reads() {
        assert_eq!(form("supera"), Some(Form::Finite));
        assert_eq!(form("scesa"), Some(Form::Participle));
        assert_eq!(form("ridotto"), Some(Form::Participle));
        assert_eq!(form("sono"), Some(Form::Finite));
        assert_eq!(form("raggiungendo"), Some(Form::Gerund));
        assert_eq!(form("commercio"), None);
    }
}
