//! Word lists of the figure grammar, in folded form (lower case, straight
//! apostrophes, no accents on vowels: `più` is `piu`).
//!
//! Grammar words live here so that they can be read and extended in one
//! place; the matching logic lives in [`super::quantity`], [`super::time`]
//! and [`super::context`].

use super::Qualifier;

/// Qualifiers before a number, longest first. A determiner may follow
/// (`oltre il 140%`); `verbal` ones (`superato`) stay outside the span.
pub const QUALIFIERS: &[(&[&str], Qualifier, bool)] = &[
    (
        &["piu", "grande", "o", "uguale", "a"],
        Qualifier::AtLeast,
        false,
    ),
    (
        &["piu", "grandi", "o", "uguali", "a"],
        Qualifier::AtLeast,
        false,
    ),
    (&["maggiore", "o", "uguale", "a"], Qualifier::AtLeast, false),
    (&["maggiori", "o", "uguali", "a"], Qualifier::AtLeast, false),
    (
        &["piu", "piccolo", "o", "uguale", "a"],
        Qualifier::AtMost,
        false,
    ),
    (
        &["piu", "piccoli", "o", "uguali", "a"],
        Qualifier::AtMost,
        false,
    ),
    (&["minore", "o", "uguale", "a"], Qualifier::AtMost, false),
    (&["minori", "o", "uguali", "a"], Qualifier::AtMost, false),
    (&["piu", "grande", "di"], Qualifier::Over, false),
    (&["piu", "grandi", "di"], Qualifier::Over, false),
    (&["piu", "piccolo", "di"], Qualifier::Under, false),
    (&["piu", "piccoli", "di"], Qualifier::Under, false),
    (&["maggiore", "di"], Qualifier::Over, false),
    (&["maggiori", "di"], Qualifier::Over, false),
    (&["minore", "di"], Qualifier::Under, false),
    (&["minori", "di"], Qualifier::Under, false),
    (&["piu", "o", "meno"], Qualifier::About, false),
    (&["al", "piu"], Qualifier::AtMost, false),
    (&["al", "di", "sopra", "di"], Qualifier::Over, false),
    (&["al", "di", "sotto", "di"], Qualifier::Under, false),
    (&["poco", "piu", "di"], Qualifier::Over, false),
    (&["poco", "meno", "di"], Qualifier::Almost, false),
    (&["non", "piu", "di"], Qualifier::AtMost, false),
    (&["non", "meno", "di"], Qualifier::AtLeast, false),
    (&["non", "oltre"], Qualifier::AtMost, false),
    (&["ben", "oltre"], Qualifier::Over, false),
    (&["piu", "di"], Qualifier::Over, false),
    (&["piu", "del"], Qualifier::Over, false),
    (&["piu", "dei"], Qualifier::Over, false),
    (&["piu", "della"], Qualifier::Over, false),
    (&["piu", "delle"], Qualifier::Over, false),
    (&["piu", "degli"], Qualifier::Over, false),
    (&["piu", "dell'"], Qualifier::Over, false),
    (&["meno", "di"], Qualifier::Under, false),
    (&["meno", "del"], Qualifier::Under, false),
    (&["meno", "dei"], Qualifier::Under, false),
    (&["meno", "della"], Qualifier::Under, false),
    (&["meno", "delle"], Qualifier::Under, false),
    (&["meno", "degli"], Qualifier::Under, false),
    (&["superiore", "a"], Qualifier::Over, false),
    (&["superiore", "al"], Qualifier::Over, false),
    (&["superiore", "ai"], Qualifier::Over, false),
    (&["superiori", "a"], Qualifier::Over, false),
    (&["inferiore", "a"], Qualifier::Under, false),
    (&["inferiore", "al"], Qualifier::Under, false),
    (&["inferiori", "a"], Qualifier::Under, false),
    (&["fino", "a"], Qualifier::AtMost, false),
    (&["fino", "al"], Qualifier::AtMost, false),
    (&["fino", "ai"], Qualifier::AtMost, false),
    (&["fino", "alla"], Qualifier::AtMost, false),
    (&["fino", "all'"], Qualifier::AtMost, false),
    (&["al", "massimo"], Qualifier::AtMost, false),
    (&["come", "minimo"], Qualifier::AtLeast, false),
    (&["intorno", "a"], Qualifier::About, false),
    (&["intorno", "al"], Qualifier::About, false),
    (&["intorno", "ai"], Qualifier::About, false),
    (&["intorno", "all'"], Qualifier::About, false),
    (&["attorno", "a"], Qualifier::About, false),
    (&["attorno", "al"], Qualifier::About, false),
    (&["attorno", "ai"], Qualifier::About, false),
    (&["all'", "incirca"], Qualifier::About, false),
    (&["oltre"], Qualifier::Over, false),
    (&["sopra"], Qualifier::Over, false),
    (&["sotto"], Qualifier::Under, false),
    (&["almeno"], Qualifier::AtLeast, false),
    (&["perlomeno"], Qualifier::AtLeast, false),
    (&["circa"], Qualifier::About, false),
    (&["approssimativamente"], Qualifier::About, false),
    (&["pressappoco"], Qualifier::About, false),
    (&["quasi"], Qualifier::Almost, false),
    (&["ben"], Qualifier::Emphatic, false),
    (&["superato"], Qualifier::Over, true),
    (&["superata"], Qualifier::Over, true),
    (&["superati"], Qualifier::Over, true),
    (&["superate"], Qualifier::Over, true),
    (&["supera"], Qualifier::Over, true),
    (&["superano"], Qualifier::Over, true),
    (&["superando"], Qualifier::Over, true),
    (&["superare"], Qualifier::Over, true),
    (&["oltrepassato"], Qualifier::Over, true),
    (&["supereranno"], Qualifier::Over, true),
    (&["superera"], Qualifier::Over, true),
    (&["superava"], Qualifier::Over, true),
    (&["superavano"], Qualifier::Over, true),
    (&["superi"], Qualifier::Over, true),
    (&["superino"], Qualifier::Over, true),
    (&["sfiorano"], Qualifier::Almost, true),
    (&["sfiorava"], Qualifier::Almost, true),
    (&["sfioravano"], Qualifier::Almost, true),
    (&["sfiorare"], Qualifier::Almost, true),
    (&["sfiorati"], Qualifier::Almost, true),
    (&["sfiorate"], Qualifier::Almost, true),
    (&["over"], Qualifier::Over, false),
    (&["under"], Qualifier::Under, false),
    (&["entro"], Qualifier::AtMost, false),
    (&["entro", "i"], Qualifier::AtMost, false),
    (&["entro", "le"], Qualifier::AtMost, false),
    (&["piu", "che"], Qualifier::Over, false),
    (&["sfiorato"], Qualifier::Almost, true),
    (&["sfiorata"], Qualifier::Almost, true),
    (&["sfiora"], Qualifier::Almost, true),
    (&["sfiorando"], Qualifier::Almost, true),
];

/// Determiners that may sit between a qualifier and its number.
pub const ARTICLES: &[&str] = &["il", "lo", "la", "l'", "i", "gli", "le"];

/// Words that approximate a count by themselves (`una trentina di`).
pub const APPROX_COUNTS: &[(&str, f64)] = &[
    ("decina", 10.0),
    ("dozzina", 12.0),
    ("quindicina", 15.0),
    ("ventina", 20.0),
    ("trentina", 30.0),
    ("quarantina", 40.0),
    ("cinquantina", 50.0),
    ("sessantina", 60.0),
    ("settantina", 70.0),
    ("ottantina", 80.0),
    ("novantina", 90.0),
    ("centinaio", 100.0),
    ("migliaio", 1000.0),
];

/// Vague plural quantities (`decine di`, `centinaia di`): their interval.
pub const VAGUE_COUNTS: &[(&str, f64, f64)] = &[
    ("decine", 20.0, 99.0),
    ("dozzine", 24.0, 99.0),
    ("centinaia", 200.0, 999.0),
    ("migliaia", 2000.0, 9999.0),
    ("milioni", 2e6, 9.99e8),
    ("miliardi", 2e9, 9.99e11),
];

/// Currency words after a number (with or without `di`), and the ISO code.
/// Multi-word names first.
pub const CURRENCY_WORDS: &[(&[&str], &str)] = &[
    (&["dollari", "australiani"], "AUD"),
    (&["dollari", "canadesi"], "CAD"),
    (&["dollari", "neozelandesi"], "NZD"),
    (&["dollari", "di", "hong", "kong"], "HKD"),
    (&["dollari", "statunitensi"], "USD"),
    (&["dollari", "americani"], "USD"),
    (&["dollari", "usa"], "USD"),
    (&["franchi", "svizzeri"], "CHF"),
    (&["marchi", "finlandesi"], "FIM"),
    (&["fiorini", "olandesi"], "NLG"),
    (&["dollari"], "USD"),
    (&["dollaro"], "USD"),
    (&["euro"], "EUR"),
    (&["yuan"], "CNY"),
    (&["renminbi"], "CNY"),
    (&["rmb"], "CNY"),
    (&["rubli"], "RUB"),
    (&["rublo"], "RUB"),
    (&["sterline"], "GBP"),
    (&["sterlina"], "GBP"),
    (&["pence"], "GBX"),
    (&["penny"], "GBX"),
    (&["yen"], "JPY"),
    (&["franchi"], "FRF"),
    (&["pesetas"], "ESP"),
    (&["marchi"], "DEM"),
    (&["fiorini"], "NLG"),
    (&["lire"], "ITL"),
    (&["rupie"], "INR"),
    (&["won"], "KRW"),
    (&["centesimi", "di", "dollaro"], "USD¢"),
    (&["centesimi", "di", "euro"], "EUR¢"),
    (&["centesimi"], "EUR¢"),
    (&["centesimo"], "EUR¢"),
    (&["cent"], "EUR¢"),
    (&["usd"], "USD"),
    (&["eur"], "EUR"),
    (&["cny"], "CNY"),
    (&["rub"], "RUB"),
    (&["gbp"], "GBP"),
];

/// Currency signs, and the letters that may be glued before `$`.
pub fn currency_sign(sign: &str, prefix: Option<&str>) -> Option<&'static str> {
    Some(match (sign, prefix) {
        ("$", Some("us" | "usd")) => "USD",
        ("$", Some("c" | "cad" | "ca")) => "CAD",
        ("$", Some("hk" | "hkd")) => "HKD",
        ("$", Some("a" | "aud" | "au")) => "AUD",
        ("$", Some("nzd" | "nz")) => "NZD",
        ("$", Some("mxn")) => "MXN",
        ("$", None) => "USD",
        ("€", None) => "EUR",
        ("£", None) => "GBP",
        ("¥", None) => "JPY",
        ("₽", None) => "RUB",
        _ => return None,
    })
}

/// Nouns after which `primo`/`prima` is no rank of anything counted: an
/// idiom or a title (`la prima volta`, `il primo posto`, `prima serata`,
/// `primo ministro`).
pub const FIRST_IDIOMS: &[&str] = &[
    "volta",
    "volte",
    "posto",
    "piano",
    "pagina",
    "linea",
    "stima",
    "stime",
    "cintura",
    "preoccupazione",
    "banco",
    "ministro",
    "ministra",
    "luce",
    "vista",
    "mano",
    "fila",
    "classe",
    "impressione",
    "battuta",
    "firma",
    "pietra",
    "visione",
    "mossa",
    "cittadina",
    "donna",
    "uomo",
    "persona",
    "ora",
    "mattina",
    "parte",
    "fase",
    "linea",
    "squadra",
    "tempo",
];

/// Beginnings of change words that mean a fall: a change after them is
/// negative (`in calo del 5,7%` is −5,7%).
pub const FALL_STEMS: &[&str] = &[
    "calo",
    "cali",
    "calat",
    "cala",
    "calano",
    "diminu",
    "sces",
    "scende",
    "scendono",
    "ridott",
    "riduzion",
    "contrazion",
    "flession",
    "ribass",
    "crollat",
    "crollo",
    "crolla",
    "perso",
    "persa",
    "persi",
    "perdita",
    "perde",
    "perdono",
    "arretrat",
    "arretra",
    "flett",
    "contratt",
    "dimezz",
    "taglio",
    "tagliat",
    "discesa",
    "frenat",
    "rallentat",
];

/// Nouns that `un`/`una`/`uno` counts rather than introduces: people and
/// casualties, units of time and measure (`un morto`, `una vittima`,
/// `un'ora di ritardo`, `un anno`). Any noun after `un solo` / `una sola`.
pub const ONE_COUNTS: &[&str] = &[
    "morto",
    "morta",
    "vittima",
    "ferito",
    "ferita",
    "disperso",
    "dispersa",
    "persona",
    "donna",
    "uomo",
    "bambino",
    "bambina",
    "ragazzo",
    "ragazza",
    "anziano",
    "anziana",
    "arrestato",
    "arrestata",
    "indagato",
    "indagata",
    "fermato",
    "fermata",
    "sopravvissuto",
    "passeggero",
    "passeggera",
    "cittadino",
    "turista",
    "migrante",
    "soldato",
    "militare",
    "agente",
    "operaio",
    "studente",
    "anno",
    "mese",
    "giorno",
    "settimana",
    "ora",
    "minuto",
    "decennio",
    "secolo",
    "chilometro",
    "metro",
    "litro",
    "chilo",
    "chilogrammo",
    "tonnellata",
    "punto",
    "gol",
    "voto",
    "seggio",
    "medaglia",
];

/// Word beginnings that make a number a change rather than a level when
/// they come right before `di`/`del` and the number (`aumentate di`, `con un
/// calo del`).
pub const CHANGE_STEMS: &[&str] = &[
    "aumentat",
    "aumento",
    "aumenti",
    "aumenta",
    "crescit",
    "cresciut",
    "cresce",
    "crescon",
    "salit",
    "sale",
    "salgono",
    "increment",
    "rialz",
    "balz",
    "calo",
    "cali",
    "calat",
    "cala",
    "calano",
    "diminu",
    "sces",
    "scende",
    "scendono",
    "ridott",
    "riduzion",
    "ridott",
    "contrazion",
    "flession",
    "ribass",
    "crollat",
    "crollo",
    "impennat",
    "rincar",
    "guadagnat",
    "perso",
    "persa",
    "perdita",
    "progress",
    "avanzat",
    "arretrat",
    "ampliat",
];

/// Verbs of multiplication and their factor (matched by stem).
pub const MULTIPLIER_STEMS: &[(&str, f64)] = &[
    ("raddoppi", 2.0),
    ("triplic", 3.0),
    ("quadruplic", 4.0),
    ("quintuplic", 5.0),
    ("decuplic", 10.0),
    ("centuplic", 100.0),
    ("dimezz", 0.5),
];

/// Nouns of multiplication after an article (`il doppio`).
pub const MULTIPLIER_NOUNS: &[(&str, f64)] = &[
    ("doppio", 2.0),
    ("triplo", 3.0),
    ("quadruplo", 4.0),
    ("quintuplo", 5.0),
    ("decuplo", 10.0),
];

/// Function words: never the noun a number counts, never a subject head.
pub const FUNCTION_WORDS: &[&str] = &[
    "il", "lo", "la", "l'", "i", "gli", "le", "un", "una", "uno", "un'", "di", "d'", "a", "ad",
    "da", "in", "con", "su", "per", "tra", "fra", "del", "dello", "della", "dell'", "dei", "degli",
    "delle", "al", "allo", "alla", "all'", "ai", "agli", "alle", "dal", "dallo", "dalla", "dall'",
    "dai", "dagli", "dalle", "nel", "nello", "nella", "nell'", "nei", "negli", "nelle", "sul",
    "sullo", "sulla", "sull'", "sui", "sugli", "sulle", "col", "coi", "e", "ed", "o", "od", "ma",
    "che", "chi", "cui", "non", "si", "ci", "ne", "se", "come", "piu", "meno", "anche", "gia",
    "ancora", "solo", "circa", "oltre", "quasi", "ben", "almeno", "fino", "verso", "contro",
    "dopo", "prima", "durante", "mentre", "quando", "dove", "questo", "questa", "questi", "queste",
    "quello", "quella", "quelli", "quelle", "quest'", "quell'", "suo", "sua", "suoi", "sue",
    "loro", "nostro", "nostra", "ogni", "tutto", "tutti", "tutta", "tutte", "altro", "altri",
    "altra", "altre", "stesso", "stessa", "stessi", "stesse", "cosi", "poi", "ora", "sempre",
    "mai", "molto", "molti", "molte", "poco", "pochi", "poche", "tanto", "tanti", "e'", "the",
    "of", "and",
];

/// Auxiliaries and common verbs: they end a subject noun phrase.
pub const VERBS: &[&str] = &[
    "e",
    "sono",
    "era",
    "erano",
    "sara",
    "saranno",
    "sia",
    "siano",
    "fu",
    "furono",
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
    "avrebbe",
    "avrebbero",
    "sarebbe",
    "sarebbero",
    "puo",
    "possono",
    "deve",
    "devono",
    "dicono",
    "dice",
    "risulta",
    "risultano",
    "resta",
    "restano",
    "rimane",
    "rimangono",
    "rimasto",
    "rimasta",
    "rimasti",
    "rimaste",
    "vale",
    "valgono",
    "conta",
    "contano",
    "tocca",
    "toccano",
    "raggiunge",
    "raggiungono",
    "supera",
    "superano",
    "arriva",
    "arrivano",
    "ammonta",
    "ammontano",
    "copre",
    "coprono",
    "rappresenta",
    "rappresentano",
    "attraversa",
    "attraversano",
    "continua",
    "continuano",
];

/// Common adjective endings: a word with one of them after a counted noun
/// belongs to it (`anni consecutivi`, `esercitazioni militari`).
pub const ADJECTIVE_ENDINGS: &[&str] = &[
    "ivi", "ive", "ivo", "iva", "ali", "ale", "ari", "aria", "ario", "arie", "ici", "iche", "ico",
    "ica", "esi", "ese", "ani", "ane", "ano", "ana", "enti", "ente", "anti", "ante", "eschi",
    "esche", "ziali", "nali", "unti", "iunti", "iunte",
];

/// Past participles and gerund endings: verbs, not nouns.
pub fn looks_like_verb(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "ando",
        "endo",
    ];
    is_common_verb(w) || (w.len() > 5 && ENDINGS.iter().any(|e| crate::token::has_suffix(w, e)))
}

/// A list of words looked up as a set, built the first time it is asked.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: std::sync::OnceLock::new(),
        }
    }

    /// True if `w` is one of the words.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(w)
    }
}

/// True for a function word.
pub fn is_function_word(w: &str) -> bool {
    static SET: WordSet = WordSet::new(FUNCTION_WORDS);
    SET.contains(w)
}

/// True for one of the [`VERBS`].
pub fn is_common_verb(w: &str) -> bool {
    static SET: WordSet = WordSet::new(VERBS);
    SET.contains(w)
}

/// One zone of `data/zones.txt`: standard offset from UTC in minutes and
/// daylight-saving rule.
struct Zone {
    offset: i32,
    rule: &'static str,
}

/// `data/zones.txt`: places → zone name, zone name → offsets.
struct Zones {
    places: rustc_hash::FxHashMap<&'static str, &'static str>,
    zones: rustc_hash::FxHashMap<&'static str, Zone>,
    /// First words of the places of more than one word.
    first_words: rustc_hash::FxHashSet<&'static str>,
}

fn zones() -> &'static Zones {
    static ZONES: std::sync::OnceLock<Zones> = std::sync::OnceLock::new();
    ZONES.get_or_init(|| {
        let mut z = Zones {
            places: rustc_hash::FxHashMap::default(),
            zones: rustc_hash::FxHashMap::default(),
            first_words: rustc_hash::FxHashSet::default(),
        };
        for line in include_str!("../../data/zones.txt").lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            // `Asia/Kolkata +5:30: …`: the places follow the last field.
            let Some((head, places)) = line.split_once(": ") else {
                continue;
            };
            let mut fields = head.split_whitespace();
            let Some(name) = fields.next() else {
                continue;
            };
            let offset = fields.next().and_then(parse_offset).unwrap_or(0);
            let rule = fields.next().unwrap_or("");
            z.zones.insert(name, Zone { offset, rule });
            for p in places.split(',') {
                let p = p.trim();
                if let Some((first, _)) = p.split_once(' ') {
                    z.first_words.insert(first);
                }
                z.places.insert(p, name);
            }
        }
        z
    })
}

/// `+1`, `-5`, `+5:30` → minutes.
fn parse_offset(s: &str) -> Option<i32> {
    let (sign, rest) = match s.as_bytes().first()? {
        b'-' => (-1, &s[1..]),
        b'+' => (1, &s[1..]),
        _ => (1, s),
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    Some(sign * (h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?))
}

/// The time zone of a place (folded name: `pechino`, `hong kong`), from
/// `data/zones.txt`.
pub fn zone_of(place: &str) -> Option<&'static str> {
    zones().places.get(place).copied()
}

/// The offset from UTC, in minutes, of a zone of `data/zones.txt` on a day
/// (daylight saving by the zone's rule, changing at the start of its day).
pub fn utc_offset(zone: &str, day: crate::date::Date) -> Option<i32> {
    use crate::date::Date;
    let z = zones().zones.get(zone)?;
    // The `n`-th (1-based; 0 = last) `weekday` (0 = Monday) of a month.
    let nth = |month: u32, weekday: u32, n: u32| -> Option<Date> {
        if n == 0 {
            let last = crate::date::days_in_month(day.year, month);
            let d = Date::from_ymd(day.year, month, last)?;
            let back = (d.weekday() + 7 - weekday) % 7;
            Some(d.add_days(-i64::from(back)))
        } else {
            let d = Date::from_ymd(day.year, month, 1)?;
            let ahead = (weekday + 7 - d.weekday()) % 7;
            Some(d.add_days(i64::from(ahead + 7 * (n - 1))))
        }
    };
    let between = |a: Option<Date>, b: Option<Date>| match (a, b) {
        (Some(a), Some(b)) => day >= a && day < b,
        _ => false,
    };
    let outside = |a: Option<Date>, b: Option<Date>| match (a, b) {
        (Some(a), Some(b)) => day >= a || day < b,
        _ => false,
    };
    let summer = match z.rule {
        "eu" => between(nth(3, 6, 0), nth(10, 6, 0)),
        "us" => between(nth(3, 6, 2), nth(11, 6, 1)),
        "eg" => between(nth(4, 4, 0), nth(10, 3, 0)),
        // Southern hemisphere: summer time spans the new year.
        "au" => outside(nth(10, 6, 1), nth(4, 6, 1)),
        "cl" => outside(nth(9, 6, 1), nth(4, 6, 1)),
        _ => false,
    };
    Some(z.offset + if summer { 60 } else { 0 })
}

/// True if the name of a place of more than one word (`hong kong`) starts
/// with the word `w`.
pub fn starts_place_name(w: &str) -> bool {
    zones().first_words.contains(w)
}

/// Units of one measure that outlets write differently (`ettari` and
/// `acri`, `chilometri orari` and `miglia orarie`, `chili` and `kg`), as
/// the measure and what one unit is in its base unit.
pub fn unit_scale(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "ettari" | "ettaro" | "ha" => ("area", 1.0),
        "acri" | "acro" => ("area", 0.404_685_642_24),
        "chilometri quadrati" | "chilometro quadrato" | "km quadrati" | "kmq" | "km2" => {
            ("area", 100.0)
        }
        "metri quadrati" | "metro quadrato" | "mq" => ("area", 0.0001),
        "chilometri" | "chilometro" | "km" => ("length", 1.0),
        "miglia" | "miglio" => ("length", 1.609_344),
        "miglia nautiche" | "miglio nautico" => ("length", 1.852),
        "metri" | "metro" => ("length", 0.001),
        "chilometri orari" | "chilometri all'ora" | "km orari" => ("speed", 1.0),
        "miglia orarie" | "miglia all'ora" => ("speed", 1.609_344),
        "nodi" | "nodo" => ("speed", 1.852),
        "chili" | "chilo" | "chilogrammi" | "chilogrammo" | "kg" => ("mass", 1.0),
        "libbre" | "libbra" => ("mass", 0.453_592_37),
        "tonnellate" | "tonnellata" => ("mass", 1000.0),
        "grammi" | "grammo" => ("mass", 0.001),
        _ => return None,
    })
}
