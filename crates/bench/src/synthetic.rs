//! Synthetic inputs for the benchmarks: varied Italian news articles built
//! from templates, random but reproducible (a fixed seed), with the
//! sentences of the embedded corpus mixed in. No two articles are the same:
//! subjects, countries, sources, numbers, qualifiers, dates and the order of
//! sentences all vary.

use synoptic_core::{corpus, Article, Metadata};

/// xorshift64*: small, fast, reproducible.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "l'interscambio commerciale",
    "l'export di vino",
    "la produzione industriale",
    "il debito pubblico",
    "il fatturato del turismo",
    "la spesa per la difesa",
    "l'import di gas naturale",
    "il numero di visitatori",
    "la produzione di acciaio",
    "il traffico merci",
    "la vendita di auto elettriche",
    "il prezzo del grano",
    "il bilancio della sanità",
    "l'occupazione femminile",
    "il numero di start-up",
    "la produzione di energia solare",
];
const COUNTRIES: &[&str] = &[
    "Italia",
    "Francia",
    "Germania",
    "Spagna",
    "Cina",
    "Russia",
    "India",
    "Brasile",
    "Giappone",
    "Canada",
    "Turchia",
    "Egitto",
    "Polonia",
    "Grecia",
    "Portogallo",
    "Messico",
];
const SOURCES: &[&str] = &[
    "l'Istat",
    "la Banca d'Italia",
    "Eurostat",
    "il Fondo monetario internazionale",
    "l'Ocse",
    "Confindustria",
    "il ministero dell'Economia",
    "la Commissione europea",
    "Coldiretti",
    "l'agenzia Reuters",
];
const PEOPLE: &[&str] = &[
    "Mario Rossi",
    "Giulia Bianchi",
    "Paolo Verdi",
    "Anna Neri",
    "Luca Ferri",
    "Sara Conti",
    "Marco Gallo",
    "Elena Greco",
];
const EVENTS: &[&str] = &[
    "un vertice",
    "una visita di Stato",
    "una telefonata",
    "un incontro bilaterale",
    "una conferenza stampa",
];
const QUALIFIERS: &[&str] = &[
    "", "oltre ", "quasi ", "circa ", "più di ", "almeno ", "meno di ",
];
const SCALES: &[&str] = &["milioni", "miliardi", "mila"];
const CURRENCIES: &[&str] = &["euro", "dollari", "yuan"];
const MONTHS: &[&str] = &synoptic_core::date::MONTHS_IT;
const HEDGES: &[&str] = &["avrebbe", "sarebbe", "", "", ""];
const VERBS: &[&str] = &[
    "ha raggiunto",
    "ha superato",
    "ha toccato",
    "si è attestato a",
    "è arrivato a",
];
const CHANGES: &[&str] = &[
    "è cresciuto del",
    "è calato del",
    "è aumentato di",
    "è diminuito del",
];

fn number(r: &mut Rng) -> String {
    let whole = 1 + r.below(900);
    if r.below(3) == 0 {
        format!("{whole},{}", r.below(10))
    } else {
        whole.to_string()
    }
}

fn sentence(r: &mut Rng, year: i32) -> String {
    let subject = r.pick(SUBJECTS);
    let country = r.pick(COUNTRIES);
    let other = r.pick(COUNTRIES);
    let source = r.pick(SOURCES);
    match r.below(10) {
        0 => format!(
            "Nel {} {} tra {country} e {other} {} {}{} {} di {}, secondo {source}.",
            year - r.below(3) as i32,
            subject,
            r.pick(VERBS),
            r.pick(QUALIFIERS),
            number(r),
            r.pick(SCALES),
            r.pick(CURRENCIES)
        ),
        1 => format!(
            "Secondo {source}, {subject} in {country} {} {},{}% rispetto all'anno precedente.",
            r.pick(CHANGES),
            r.below(40),
            r.below(10)
        ),
        2 => format!(
            "{} e {} hanno tenuto {} il {} {} {}, ha detto {}.",
            r.pick(PEOPLE),
            r.pick(PEOPLE),
            r.pick(EVENTS),
            1 + r.below(28),
            r.pick(MONTHS),
            year,
            r.pick(PEOPLE)
        ),
        3 => format!(
            "La delegazione di {country} {} firmato {} accordi con {other} negli ultimi {} anni.",
            if r.below(2) == 0 { "ha" } else { r.pick(HEDGES) },
            2 + r.below(30),
            2 + r.below(9)
        ),
        4 => format!(
            "Tra il {} e il {} {country} ha condotto {}{} esercitazioni con {other}.",
            year - 8 + r.below(3) as i32,
            year - 1,
            r.pick(QUALIFIERS),
            10 + r.below(120)
        ),
        5 => format!(
            "Quasi un {} delle importazioni di {country} arriva da {other}, spiegano i dati di {source}.",
            r.pick(&["quarto", "terzo", "quinto"]),
        ),
        6 => format!(
            "Nel primo trimestre di quest'anno {subject} {} {} {} di {}.",
            r.pick(VERBS),
            number(r),
            r.pick(SCALES),
            r.pick(CURRENCIES)
        ),
        7 => format!(
            "Secondo diverse fonti, {country} {} pronta a {} la produzione entro il {}.",
            r.pick(&["sarebbe", "è", "sarebbe"]),
            r.pick(&["raddoppiare", "triplicare", "dimezzare", "aumentare"]),
            year + 1 + r.below(5) as i32
        ),
        8 => format!(
            "Il ministro {} ha visitato {country} {} volte dal {}.",
            r.pick(PEOPLE),
            2 + r.below(15),
            year - 10 + r.below(5) as i32
        ),
        _ => format!(
            "{country} e {other} {} un'alleanza strategica, mentre {} parla di non alleanza.",
            r.pick(&["rafforzano", "costruiscono", "discutono"]),
            r.pick(PEOPLE)
        ),
    }
}

/// Bytes of a corpus.
pub fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text.len()).sum()
}

/// The body paragraphs of the embedded corpus, whitespace collapsed (the
/// longer ones only), mixed into synthetic articles.
fn real_paragraphs() -> Vec<String> {
    corpus::embedded()
        .iter()
        .flat_map(|a| {
            a.body()
                .map(|b| synoptic_core::text::collapse_whitespace(b.text(&a.text)))
                .collect::<Vec<_>>()
        })
        .filter(|p| p.len() > 60)
        .collect()
}

/// A headline, a blank line and the start of a dateline (`ROMA, 3 marzo
/// 2024 – `).
fn opening(r: &mut Rng, year: i32) -> String {
    let mut text = format!(
        "{}: {} e {} secondo {}\n\n",
        r.pick(COUNTRIES),
        r.pick(SUBJECTS),
        r.pick(EVENTS),
        r.pick(SOURCES)
    );
    text.push_str(&format!(
        "ROMA, {} {} {year} – ",
        1 + r.below(28),
        r.pick(MONTHS)
    ));
    text
}

/// The text of one long article of at least `size` bytes (and at most one
/// paragraph more): a headline, a dateline, then paragraphs of 3 to 6
/// sentences separated by blank lines, about one in ten sentences taken
/// from the embedded corpus. The same seed gives the same text.
pub fn article_text(size: usize, seed: u64) -> String {
    let mut r = Rng::new(seed);
    let real = real_paragraphs();
    let year = 2018 + r.below(8) as i32;
    let mut text = opening(&mut r, year);
    while text.len() < size {
        let sentences = 3 + r.below(4);
        for s in 0..sentences {
            if s > 0 {
                text.push(' ');
            }
            if r.below(10) == 0 {
                text.push_str(&real[r.below(real.len())]);
            } else {
                text.push_str(&sentence(&mut r, year));
            }
        }
        text.push_str("\n\n");
    }
    text
}

/// `n` articles of 12 to 30 sentences each.
pub fn corpus_of(n: usize, seed: u64) -> Vec<Article> {
    let mut r = Rng::new(seed);
    let real = real_paragraphs();
    (0..n)
        .map(|k| {
            let year = 2018 + r.below(8) as i32;
            let mut text = opening(&mut r, year);
            let sentences = 12 + r.below(19);
            for s in 0..sentences {
                if r.below(10) == 0 {
                    text.push_str(&real[r.below(real.len())]);
                } else {
                    text.push_str(&sentence(&mut r, year));
                }
                text.push(if s % 4 == 3 { '\n' } else { ' ' });
                if s % 4 == 3 {
                    text.push('\n');
                }
            }
            text.push_str("\n\nShare\n© 2025 Editore Srl - P.IVA 01234567890\n");
            let meta = Metadata::default();
            Article::parse(format!("{k:04}"), format!("{k:04}.txt"), text, meta)
        })
        .collect()
}
