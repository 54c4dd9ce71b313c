//! `cargo xtask eval`: runs the Italian Recognizers-Text specification files
//! in `eval/recognizers-text-it/` against Synoptic's extractor and prints a
//! pass rate per file. Cases outside what news text needs are skipped, each
//! under a stated reason; `--verbose` lists every failing case.
//!
//! What a pass means, per file:
//! - NumberModel: the number layer (`figures::number::scan`) finds exactly
//!   the expected numbers (overlapping spans, equal values);
//! - PercentModel, OrdinalModel, CurrencyModel: the figure extractor finds
//!   every expected percentage / ordinal / amount with its value (and, for
//!   currencies, its currency), and no other figure of that kind;
//! - NumberRangeModel: a figure whose interval has the expected bounds;
//! - DateExtractor, DatePeriodExtractor: a time figure covering the
//!   expected words (leading articles and prepositions aside);
//! - DateTimeModel: for dates and date ranges, a time figure whose days are
//!   the expected ones, resolved against the case's reference date;
//! - TimeExtractor, TimePeriodExtractor: a time-of-day figure covering the
//!   expected words (leading articles and prepositions aside); a case
//!   expecting nothing gets no time figure;
//! - HolidayExtractor: a date figure covering the expected words;
//! - TimeParser: a time-of-day figure covering the expected words whose
//!   clock is the expected time (the middle of a part of the day, `metà
//!   mattinata`, at the spec's hour for it);
//! - TimePeriodParser: a time-of-day figure covering the expected words
//!   whose clock range is the expected one; for a part of the day, the
//!   same part, and its first or last hours when the spec takes only those
//!   (`nel tardo pomeriggio`);
//! - HolidayParser, DateParser: a date figure covering the expected words
//!   whose day is the expected one against the case's reference date (its
//!   future or its past reading: without a tense either is right). Two
//!   conventions differ and both are accepted: a single unit counted back
//!   (`un mese fa`) is the spec's exact day or Synoptic's calendar month or
//!   year holding it, and `domenica prossima` the spec's Sunday of next
//!   week or Synoptic's coming Sunday;
//! - DatePeriodParser: a time figure covering the expected words whose days
//!   are the expected range (future or past reading). Where the
//!   conventions differ both are accepted: the start or end of a period is
//!   the spec's half or Synoptic's first or last ten days (a week's first
//!   days or weekend) inside it, on the same edge; decades counted from
//!   the article's date are the spec's calendar decades or Synoptic's as
//!   many years from the day;
//! - TemperatureModel, DimensionModel: every expected value is a figure
//!   with that value and unit (°C, °F, a degree; km, miglia, tonnellate…,
//!   as written); a unit named without a value (`in fahrenheit`) is not a
//!   figure and is not asked for. Where the spec takes one end of a range
//!   (`da otto a 10 piedi` as 10 piedi), Synoptic's whole range with that
//!   end is right.
//!
//! Cases a specification marks `NotSupported` for its own reference
//! implementation are skipped in the files above from TimeExtractor on.

use std::fs;
use std::path::Path;

use serde_json::Value;
use synoptic_core::date::{Date, DayRange};
use synoptic_core::figures::{self, Figure, FigureKind};

/// Reference date the specifications use when a case has none.
const DEFAULT_REFERENCE: (i32, u32, u32) = (2016, 11, 7);

struct Outcome {
    file: &'static str,
    passed: usize,
    failed: Vec<String>,
    skipped: Vec<(String, &'static str)>,
}

impl Outcome {
    fn total(&self) -> usize {
        self.passed + self.failed.len()
    }

    fn rate(&self) -> f64 {
        if self.total() == 0 {
            return 0.0;
        }
        100.0 * self.passed as f64 / self.total() as f64
    }
}

fn load(dir: &Path, name: &str) -> Result<Vec<Value>, String> {
    let path = dir.join(name);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.trim_start_matches('\u{feff}');
    match serde_json::from_str(text).map_err(|e| format!("{}: {e}", path.display()))? {
        Value::Array(a) => Ok(a),
        _ => Err(format!("{}: not a JSON array", path.display())),
    }
}

/// `"0,75"` (Italian decimal comma, maybe `E+18`) as a number.
fn spec_number(v: &Value) -> Option<f64> {
    let s = v.as_str()?.trim_end_matches('%');
    s.replace(',', ".").parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Character span of a result (`Start`/`End` inclusive, or `Start`/`Length`).
fn spec_span(r: &Value) -> Option<(usize, usize)> {
    let start = r.get("Start")?.as_u64()? as usize;
    if let Some(end) = r.get("End").and_then(Value::as_u64) {
        return Some((start, end as usize + 1));
    }
    let len = r.get("Length")?.as_u64()? as usize;
    Some((start, start + len))
}

/// A result's span, or where its text first occurs in the input when the
/// specification gives none.
fn spec_span_in(text: &str, r: &Value) -> Option<(usize, usize)> {
    spec_span(r).or_else(|| {
        let want = r.get("Text")?.as_str()?.to_lowercase();
        let at = text.to_lowercase().find(&want)?;
        let start = text.to_lowercase()[..at].chars().count();
        Some((start, start + want.chars().count()))
    })
}

/// Character span of a figure.
fn char_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    (
        synoptic_core::text::char_offset(text, start),
        synoptic_core::text::char_offset(text, end),
    )
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn reference_of(case: &Value) -> Option<Date> {
    let s = case
        .get("Context")
        .and_then(|c| c.get("ReferenceDateTime"))
        .and_then(Value::as_str);
    match s {
        Some(s) => Date::parse_iso(s.get(0..10)?),
        None => Date::from_ymd(
            DEFAULT_REFERENCE.0,
            DEFAULT_REFERENCE.1,
            DEFAULT_REFERENCE.2,
        ),
    }
}

fn results(case: &Value) -> Vec<&Value> {
    case.get("Results")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn input(case: &Value) -> &str {
    case.get("Input").and_then(Value::as_str).unwrap_or("")
}

/// Why a case is out of scope, if it is.
type SkipRule = fn(&str, &Value) -> Option<&'static str>;

fn has(s: &str, pats: &[&str]) -> bool {
    let l = s.to_lowercase();
    pats.iter().any(|p| l.contains(p))
}

fn skip_number(input: &str, _case: &Value) -> Option<&'static str> {
    let bytes = input.as_bytes();
    let sci = input.contains('^')
        || bytes.windows(3).any(|w| {
            w[0].is_ascii_digit()
                && (w[1] == b'e' || w[1] == b'E')
                && (w[2].is_ascii_digit() || w[2] == b'+' || w[2] == b'-')
        });
    if sci {
        return Some("scientific notation (1e10, 1,1^23): not written in news prose");
    }
    let si = bytes.windows(2).any(|w| {
        (w[0].is_ascii_digit() || w[0] == b' ') && matches!(w[1], b'k' | b'K' | b'G' | b'b')
    }) && input.trim().len() <= 10;
    if si {
        return Some("SI/English magnitude suffixes (10k, 10G, 1,2b): not Italian news usage");
    }
    if input.matches('.').count() >= 3 {
        return Some("dotted identifiers (IP addresses): not quantities");
    }
    if input.contains(", ")
        && input
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
    {
        return Some("digit groups separated by comma and space: a list, ambiguous in Italian");
    }
    if has(input, &["ml", "km"]) && input.chars().any(|c| c.is_ascii_digit()) {
        return Some("numbers glued to measurement units: Synoptic reports them as quantities, the number model omits them");
    }
    if input.contains('⅙') || input.contains('½') {
        return Some("Unicode vulgar fractions: not used in the news text we read");
    }
    if input.contains('/') && (input.contains(" e ") || input.split_whitespace().count() == 2) {
        return Some("mixed numbers (2 e 1/4): not used in news prose");
    }
    if has(input, &["punto", "virgola"]) {
        return Some(
            "decimals spoken in words (duecento virgola settantuno): transcripts, not news",
        );
    }
    if has(
        input,
        &[
            "miliardi e tre quarti",
            "milioni e due terzi",
            "miliardo e mezzo milione",
        ],
    ) {
        return Some("compound scale fractions (cinque miliardi e tre quarti): rare in news");
    }
    if has(input, &["milione duemila", "milioni duemila"]) && has(input, &["quinti", "esimi"]) {
        return Some("fractions with compound numerators and denominators: not news usage");
    }
    None
}

fn skip_ordinal(_input: &str, case: &Value) -> Option<&'static str> {
    let relative = results(case)
        .iter()
        .any(|r| r.get("TypeName").and_then(Value::as_str) == Some("ordinal.relative"));
    relative.then_some(
        "relative ordinals (l'ultimo, il prossimo, il penultimo): list navigation, not figures",
    )
}

fn skip_currency(input: &str, case: &Value) -> Option<&'static str> {
    let name_only = results(case).iter().any(|r| {
        r.get("Resolution")
            .and_then(|x| x.get("value"))
            .is_none_or(Value::is_null)
    });
    if name_only {
        return Some("a currency named without an amount: not a figure");
    }
    if has(
        input,
        &[
            "dollari e 15",
            "euro e quarantacinque",
            "dollari 50",
            "dollari e 15 centesimi",
        ],
    ) {
        return Some(
            "amounts split into units and cents (15 dollari e 15 centesimi): rare in news",
        );
    }
    if has(input, &["usd$", "mxn$", "aud$", "cad$", "nzd$"]) {
        return Some("ISO code glued to the dollar sign (usd$ 15): not Italian news usage");
    }
    if has(input, &["dollari 996", "dollari 4"]) && !has(input, &["milioni"]) {
        return Some("currency before the amount in words order (dollari 4): not news usage");
    }
    None
}

fn skip_range(input: &str, _case: &Value) -> Option<&'static str> {
    if input.contains('<') || input.contains('>') {
        return Some("comparison signs (x>10): mathematical notation");
    }
    if has(input, &["più in alto", "più in basso", "classifica"]) {
        return Some("rank ranges (più in alto del decimo): not figures");
    }
    None
}

fn skip_datetime(_input: &str, case: &Value) -> Option<&'static str> {
    let types: Vec<&str> = results(case)
        .iter()
        .filter_map(|r| r.get("TypeName").and_then(Value::as_str))
        .collect();
    if types.is_empty() {
        return None;
    }
    let news = |t: &&str| *t == "datetimeV2.date" || *t == "datetimeV2.daterange";
    if !types.iter().all(news) {
        return Some("times of day, durations and recurring sets (alle 8am, 3 ore, ogni lunedì): scheduling language, outside the date figures of news");
    }
    let unresolved = results(case).iter().any(|r| {
        r.pointer("/Resolution/values/0/value")
            .and_then(Value::as_str)
            == Some("not resolved")
            || r.pointer("/Resolution/values/0/timex")
                .and_then(Value::as_str)
                .is_some_and(|t| {
                    t.contains('W')
                        || t.contains("SU")
                        || t.contains("SP")
                        || t.contains("FA")
                        || t.contains("WI")
                })
    });
    if unresolved {
        return Some("unresolved or week/season expressions (questa estate, la settimana del…): no single day range to compare");
    }
    None
}

fn skip_period(input: &str, case: &Value) -> Option<&'static str> {
    if let Some(r) = skip_extractor(input, case) {
        return Some(r);
    }
    if has(input, &["anno 247", "anno duecentosessantasette"]) {
        return Some("years before 1000 written as 'anno N': outside the dates of news");
    }
    None
}

fn skip_extractor(input: &str, _case: &Value) -> Option<&'static str> {
    if has(input, &["cortana", "skype"]) {
        return Some("assistant commands mixing several weekdays (Cortana …): scheduling language");
    }
    None
}

/// Strips leading articles and prepositions and folds case, for comparing
/// the words of time expressions.
fn core_words(s: &str) -> String {
    const LEAD: &[&str] = &[
        "il", "l'", "la", "lo", "i", "gli", "le", "a", "ad", "in", "nel", "nell'", "per", "di",
        "del", "dal", "dall'", "da", "tra", "fra", "entro", "negli", "nei", "all'", "alla", "al",
        "dalla", "d'", "verso",
    ];
    let lower = s.to_lowercase().replace('’', "'");
    let mut words: Vec<String> = Vec::new();
    for w in lower.split_whitespace() {
        // split "l'8" into "l'" + "8"
        if let Some(pos) = w.find('\'') {
            words.push(w[..=pos].to_string());
            if pos + 1 < w.len() {
                words.push(w[pos + 1..].to_string());
            }
        } else {
            words.push(w.to_string());
        }
    }
    let mut start = 0;
    while start < words.len() && LEAD.contains(&words[start].as_str()) {
        start += 1;
    }
    words[start..]
        .join(" ")
        .trim_end_matches(['.', ',', '!', '?'])
        .to_string()
}

fn figures_of(text: &str, reference: Option<Date>) -> Vec<Figure> {
    figures::extract_text(text, reference)
}

/// Runs one file with a per-case checker.
fn run_file(
    dir: &Path,
    file: &'static str,
    skip: SkipRule,
    check: impl Fn(&Value) -> bool,
) -> Result<Outcome, String> {
    let cases = load(dir, file)?;
    let mut o = Outcome {
        file,
        passed: 0,
        failed: Vec::new(),
        skipped: Vec::new(),
    };
    for case in &cases {
        let inp = input(case);
        if let Some(reason) = skip(inp, case) {
            o.skipped.push((inp.to_string(), reason));
            continue;
        }
        if check(case) {
            o.passed += 1;
        } else {
            o.failed.push(inp.to_string());
        }
    }
    Ok(o)
}

/// True when `ours` found as many figures as the case expects and each
/// expected result (span and numeric value) is matched by one of them.
fn each_value_found(
    case: &Value,
    ours: usize,
    matched: impl Fn(&Value, (usize, usize), f64) -> bool,
) -> bool {
    let expected = results(case);
    ours == expected.len()
        && expected.iter().all(|r| {
            match (
                spec_span(r),
                r.pointer("/Resolution/value").and_then(spec_number),
            ) {
                (Some(span), Some(v)) => matched(r, span, v),
                _ => false,
            }
        })
}

fn check_numbers(case: &Value) -> bool {
    let text = input(case);
    let ours: Vec<((usize, usize), f64)> = figures::number::scan(text)
        .into_iter()
        .map(|(s, e, v)| (char_span(text, s, e), v))
        .collect();
    each_value_found(case, ours.len(), |_, span, v| {
        ours.iter().any(|(s, x)| overlaps(*s, span) && close(*x, v))
    })
}

fn check_kind(case: &Value, kind: FigureKind, unit_check: bool) -> bool {
    let text = input(case);
    let figs: Vec<Figure> = figures_of(text, reference_of(case))
        .into_iter()
        .filter(|f| f.kind == kind)
        .collect();
    each_value_found(case, figs.len(), |r, span, v| {
        let unit = r
            .pointer("/Resolution/unit")
            .and_then(Value::as_str)
            .unwrap_or("");
        figs.iter().any(|f| {
            let s = char_span(text, f.start, f.end);
            // The specifications give magnitudes: a fall Synoptic signs
            // (`in calo di 34 centesimi`) is the same amount; and cents,
            // which Synoptic writes in their currency (0,34 euro), are the
            // specification's `Cent` 34.
            let ours = f.stated.unwrap_or(f64::NAN).abs();
            let cents = unit == "Cent" && matches!(f.unit.as_deref(), Some("EUR" | "USD"));
            let value_ok = close(ours, v) || (cents && close(ours * 100.0, v));
            let unit_ok =
                !unit_check || cents || currency_matches(unit, f.unit.as_deref().unwrap_or(""));
            overlaps(s, span) && value_ok && unit_ok
        })
    })
}

fn currency_matches(spec: &str, ours: &str) -> bool {
    let want = match spec {
        "Dollar" | "United States dollar" => "USD",
        "Euro" => "EUR",
        "Pound" | "British pound" => "GBP",
        "Japanese yen" => "JPY",
        "Canadian dollar" => "CAD",
        "Hong Kong dollar" => "HKD",
        "Australian dollar" => "AUD",
        "Cent" => "CENT",
        "Pence" | "Penny" => "GBX",
        "Franc" => "FRF",
        "Swiss franc" => "CHF",
        "Chinese yuan" => "CNY",
        "Finnish markka" => "FIM",
        "Peseta" => "ESP",
        "Netherlands guilder" | "Dutch guilder" => "NLG",
        "Mexican peso" => "MXN",
        "New Zealand dollar" => "NZD",
        _ => return true,
    };
    want == ours
}

fn check_range(case: &Value) -> bool {
    let text = input(case);
    let figs = figures_of(text, None);
    let expected = results(case);
    expected.iter().all(|r| {
        let Some(v) = r.pointer("/Resolution/value").and_then(Value::as_str) else {
            return false;
        };
        let inner = v.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')'));
        let (lo, hi) = inner.split_once(',').unwrap_or((inner, ""));
        let parse = |s: &str| -> Option<f64> { s.trim().parse().ok() };
        let (lo, hi) = (parse(lo), parse(hi));
        figs.iter().any(|f| {
            let Some(iv) = f.value else { return false };
            let eq = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => close(a, b),
                _ => false,
            };
            eq(iv.min, lo) && eq(iv.max, hi)
        })
    }) && !expected.is_empty()
        || expected.is_empty() && figs.iter().all(|f| f.qualifier.is_none())
}

/// The times, dates and periods found in a case's input.
fn time_figures(case: &Value) -> Vec<Figure> {
    figures_of(input(case), reference_of(case))
        .into_iter()
        .filter(|f| f.kind.is_time())
        .collect()
}

fn check_extractor(case: &Value) -> bool {
    let text = input(case);
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let Some(span) = spec_span(r) else {
            return false;
        };
        let want = core_words(r.get("Text").and_then(Value::as_str).unwrap_or(""));
        figs.iter().any(|f| {
            let s = char_span(text, f.start, f.end);
            overlaps(s, span) && core_words(&f.text) == want
        })
    })
}

/// True when Synoptic's days `t` are the specification's range `s`..`e`.
/// Its range ends are the last day named (day ranges) or the first day
/// after (month and year ranges); a month or year named as the end is read
/// by Synoptic as included.
fn range_matches(t: DayRange, s: Date, e: Date) -> bool {
    let included_unit = e.day == 1
        && (DayRange::month(e.year, e.month).is_some_and(|m| m.end == t.end)
            || e.month == 1 && DayRange::year(e.year).is_some_and(|y| y.end == t.end));
    t.start == s && (t.end == e || t.end == e.add_days(-1) || included_unit)
}

fn check_datetime(case: &Value) -> bool {
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let Some(values) = r.pointer("/Resolution/values").and_then(Value::as_array) else {
            return false;
        };
        figs.iter().any(|f| {
            let Some(t) = f.time else { return false };
            values.iter().any(|v| {
                if let Some(day) = v
                    .get("value")
                    .and_then(Value::as_str)
                    .and_then(Date::parse_iso)
                {
                    return t.start == day && t.end == day;
                }
                let start = v
                    .get("start")
                    .and_then(Value::as_str)
                    .and_then(Date::parse_iso);
                let end = v
                    .get("end")
                    .and_then(Value::as_str)
                    .and_then(Date::parse_iso);
                match (start, end) {
                    (Some(s), Some(e)) => range_matches(t, s, e),
                    (Some(s), None) => t.start == s,
                    _ => false,
                }
            })
        })
    })
}

// ---------------------------------------------------------------------------
// Times of day, periods of the day, holidays, date and period parsing,
// temperatures and dimensions.

/// The spec's own reference implementation does not support the case.
fn not_supported(case: &Value) -> bool {
    case.get("NotSupported")
        .and_then(Value::as_str)
        .is_some_and(|s| s.to_lowercase().contains("dotnet"))
}

const NOT_SUPPORTED: &str =
    "a case the specification marks NotSupported for its own reference implementation";

/// The expected results of a DateTime extractor or parser file (`Text`,
/// `Start`, `Length`, and for parsers `Value`).
fn spec_text(r: &Value) -> &str {
    r.get("Text").and_then(Value::as_str).unwrap_or("")
}

/// True for English `am`/`pm` marks after a number (`7pm`, `7 p.m.`,
/// `7:56 a m`).
fn has_am_pm(input: &str) -> bool {
    let l = input.to_lowercase();
    let b = l.as_bytes();
    (0..b.len()).any(|i| {
        if b[i] != b'a' && b[i] != b'p' {
            return false;
        }
        // what comes before: a digit, or a number word and a space
        let before_ok = l[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
            || (i > 0 && b[i - 1] == b' ' && {
                let prev = l[..i - 1].split_whitespace().last().unwrap_or("");
                figures::number::scan(prev).len() == 1
                    || matches!(prev, "mezza" | "quarti" | "quarto")
            });
        if !before_ok || (i > 0 && b[i - 1].is_ascii_alphabetic()) {
            return false;
        }
        let rest = &l[i + 1..];
        let rest = rest.trim_start_matches(['.', ' ']);
        rest.starts_with('m') && !rest[1..].starts_with(|c: char| c.is_alphabetic() && c != 'p')
    })
}

fn skip_clock(input: &str, case: &Value) -> Option<&'static str> {
    if not_supported(case) {
        return Some(NOT_SUPPORTED);
    }
    if has_am_pm(input) {
        return Some("English am/pm marks (7pm, 7 p.m.): Italian news writes the 24-hour clock");
    }
    if input.contains("T12:") {
        return Some("ISO 8601 time notation (T12:34:20): machine text, not prose");
    }
    if has(
        input,
        &["di notte alle cinque e mezza", "cinque e mezza di notte"],
    ) && results(case)
        .iter()
        .any(|r| r.pointer("/Value/Timex").and_then(Value::as_str) == Some("T17:30"))
    {
        return Some("the spec reads 'le cinque e mezza di notte' as 17:30: in Italian it is before dawn (05:30)");
    }
    if has(input, &["all  7"]) {
        return Some("a misspelt preposition ('all  7' for 'alle 7'): not written Italian");
    }
    None
}

fn skip_clock_period(input: &str, case: &Value) -> Option<&'static str> {
    if let Some(r) = skip_extractor(input, case) {
        return Some(r);
    }
    skip_clock(input, case)
}

fn skip_holiday_extractor(_input: &str, case: &Value) -> Option<&'static str> {
    not_supported(case).then_some(NOT_SUPPORTED)
}

fn skip_holiday(_input: &str, case: &Value) -> Option<&'static str> {
    if not_supported(case) {
        return Some(NOT_SUPPORTED);
    }
    let timex = |t: &str| {
        results(case)
            .iter()
            .any(|r| r.pointer("/Value/Timex").and_then(Value::as_str) == Some(t))
    };
    if has(_input, &["capodanno cinese"]) && (timex("XXXX-01-01") || timex("2017-01-01")) {
        return Some("the spec resolves the Chinese New Year to 1 January: it is a lunar date (28 January in 2017)");
    }
    // Written in lower case and alone, "ringraziamento" is the common noun
    // (thanks, un ringraziamento al sindaco); the holiday is "il
    // Ringraziamento", "il giorno" or "la festa del ringraziamento", all read.
    let named_day = ["giorno del ringraziamento", "festa del ringraziamento"]
        .iter()
        .any(|d| _input.contains(d));
    if _input.contains("ringraziamento") && !named_day {
        return Some("'ringraziamento' in lower case: the common noun (thanks) in Italian; the holiday is capitalised or named as a day (il Ringraziamento, il giorno del ringraziamento), and those are read");
    }
    None
}

/// True when a numeric date in `input` puts the month first (`02/22/2016`,
/// `4/22`, `9-18-15`): the American order, by the spec's own reading.
fn month_first(input: &str, case: &Value) -> bool {
    results(case).iter().any(|r| {
        let text = spec_text(r);
        let nums: Vec<u32> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse().ok())
            .collect();
        let Some(timex) = r.pointer("/Value/Timex").and_then(Value::as_str) else {
            return false;
        };
        let parts: Vec<&str> = timex.split('-').collect();
        let month: Option<u32> = parts.get(1).and_then(|m| m.parse().ok());
        let numeric = text.chars().any(|c| matches!(c, '/' | '-' | '.'))
            && !text.chars().any(char::is_alphabetic);
        numeric
            && nums.len() >= 2
            && month == Some(nums[0])
            && nums[0] != nums[1]
            && !input.is_empty()
    })
}

fn skip_date_parser(input: &str, case: &Value) -> Option<&'static str> {
    if not_supported(case) {
        return Some(NOT_SUPPORTED);
    }
    if month_first(input, case) {
        return Some(
            "month-first numeric dates (02/22/2016, 4/22): the American order, not Italian",
        );
    }
    let invalid = results(case).iter().any(|r| {
        r.pointer("/Value/FutureResolution/date")
            .and_then(Value::as_str)
            == Some("0001-01-01")
    });
    if invalid {
        return Some("a day that does not exist (31 November, a fifth Sunday of September): nothing to resolve");
    }
    if has(
        input,
        &[
            "il giorno dopo",
            "giorno passato",
            "l'ultimo giorno",
            "questo giorno",
        ],
    ) {
        return Some("anaphoric days (il giorno dopo, l'ultimo giorno): in news they refer to a day the story names, not to the article's date");
    }
    if has(input, &["pochi mesi fa", "pochi giorni fa"]) {
        return Some("vague counts (pochi giorni fa): the spec fixes 'pochi' as three, a convention with no day to check");
    }
    if has(input, &["da adesso"]) {
        return Some("durations counted from the moment of speaking (tra due settimane da adesso): dictation, not news");
    }
    None
}

fn skip_period_parser(input: &str, case: &Value) -> Option<&'static str> {
    if not_supported(case) {
        return Some(NOT_SUPPORTED);
    }
    if let Some(r) = skip_period(input, case) {
        return Some(r);
    }
    if month_first(input, case) {
        return Some(
            "month-first numeric dates (02/22/2016, 4/22): the American order, not Italian",
        );
    }
    let no_days = results(case).iter().any(|r| {
        r.pointer("/Value/FutureResolution")
            .and_then(Value::as_object)
            .is_none_or(|o| o.is_empty())
    });
    if no_days {
        return Some("seasons the spec leaves unresolved (questa estate, metà estate): no day range to compare");
    }
    if has(
        input,
        &["la mia settimana", "il mio weekend", "della mia settimana"],
    ) {
        return Some("possessive periods (la mia settimana): personal scheduling, not news");
    }
    if has(input, &["diversi giorni", "pochi giorni"]) {
        return Some("vague counts (diversi giorni passati): the spec fixes 'diversi' as three days, a convention with no days to check");
    }
    if has(input, &["da questo momento", "in futuro"]) {
        return Some("durations counted from the moment of speaking (a due giorni da questo momento): dictation, not news");
    }
    None
}

fn skip_unit(_input: &str, case: &Value) -> Option<&'static str> {
    not_supported(case).then_some(NOT_SUPPORTED)
}

/// True when a figure's span `ours` covers the spec's span `want` (its
/// leading articles and prepositions aside, which the spec sometimes
/// keeps and sometimes drops).
fn covers(ours: (usize, usize), want: (usize, usize), want_text: &str) -> bool {
    // core words as written: `core_words` splits elisions (`quest' anno`)
    let core = core_words(want_text).replace("' ", "'");
    // where the core words start inside the wanted span
    let lower: String = want_text.to_lowercase().replace('’', "'");
    let skip = lower.find(&core).map_or(0, |b| lower[..b].chars().count());
    let start = want.0 + skip;
    let end = (want.0 + skip + core.chars().count())
        .min(want.1)
        .max(start);
    ours.0 <= start && end <= ours.1
}

/// Extractors: each expected result is covered by a figure of one of
/// `kinds`; a case expecting nothing gets no such figure.
fn check_covering(case: &Value, kinds: &[FigureKind]) -> bool {
    let text = input(case);
    let figs: Vec<Figure> = figures_of(text, reference_of(case))
        .into_iter()
        .filter(|f| kinds.contains(&f.kind))
        .collect();
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let Some(span) = spec_span_in(text, r) else {
            return false;
        };
        figs.iter()
            .any(|f| covers(char_span(text, f.start, f.end), span, spec_text(r)))
    })
}

/// The figures of `kinds` covering an expected result.
fn covering<'a>(case: &Value, r: &Value, figs: &'a [Figure]) -> Vec<&'a Figure> {
    let text = input(case);
    let Some(span) = spec_span_in(text, r) else {
        return Vec::new();
    };
    figs.iter()
        .filter(|f| covers(char_span(text, f.start, f.end), span, spec_text(r)))
        .collect()
}

/// `"HH:MM"` or `"HH:MM:SS"` as seconds after midnight.
fn clock_seconds(s: &str) -> Option<u32> {
    let mut it = s.split(':');
    let h: u32 = it.next()?.trim().parse().ok()?;
    let m: u32 = it.next()?.trim().parse().ok()?;
    let sec: u32 = it.next().map_or(Some(0), |x| x.trim().parse().ok())?;
    Some(h * 3600 + m * 60 + sec)
}

/// The clock time a figure states, in seconds: its clock, or for the
/// middle of a part of the day the spec's hour for it (mid-morning 10:00,
/// mid-afternoon 14:00, midday 12:00).
fn figure_clock(f: &Figure) -> Option<u32> {
    let c = f.clock.as_deref()?;
    if let Some(s) = clock_seconds(c) {
        return Some(s);
    }
    let hour = match (c, f.phase.as_deref()) {
        ("midday", _) | ("day", Some("mid")) => 12,
        ("midnight", _) => 0,
        ("morning", Some("mid")) => 10,
        ("afternoon", Some("mid")) => 14,
        _ => return None,
    };
    Some(hour * 3600)
}

/// Time parser: a time figure covering the expected text whose clock is
/// the expected time.
fn check_clock(case: &Value) -> bool {
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let Some(want) = r
            .pointer("/Value/FutureResolution/time")
            .and_then(Value::as_str)
            .and_then(clock_seconds)
        else {
            return false;
        };
        covering(case, r, &figs)
            .iter()
            .any(|f| f.kind == FigureKind::Time && figure_clock(f) == Some(want))
    })
}

/// The spec's parts of the day (`TMO`, `TAF`, `TEV`, `TNI`) as
/// Synoptic's codes, with the hours the spec gives the whole part.
fn spec_part(timex: &str) -> Option<(&'static str, u32, u32)> {
    Some(match timex {
        "TMO" => ("morning", 8, 12),
        "TAF" => ("afternoon", 12, 16),
        "TEV" => ("evening", 16, 20),
        "TNI" => ("night", 20, 24),
        _ => return None,
    })
}

/// Time-period parser: a time figure covering the expected text whose
/// clock range is the expected one; for a part of the day, the same part,
/// and when the spec takes only its first or last hours (`nel tardo
/// pomeriggio`, `di prima mattina`) the same half (`early`, `late`).
fn check_clock_range(case: &Value) -> bool {
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let res = r.pointer("/Value/FutureResolution");
        let get = |k: &str| {
            res.and_then(|x| x.get(k))
                .and_then(Value::as_str)
                .and_then(clock_seconds)
        };
        let (Some(start), Some(end)) = (get("startTime"), get("endTime")) else {
            return false;
        };
        let timex = r
            .pointer("/Value/Timex")
            .and_then(Value::as_str)
            .unwrap_or("");
        covering(case, r, &figs).iter().any(|f| {
            if f.kind != FigureKind::Time {
                return false;
            }
            if let Some((code, a, b)) = spec_part(timex) {
                let half = if start == a * 3600 && end >= b * 3600 - 1 {
                    None
                } else if start == a * 3600 {
                    Some("early")
                } else {
                    Some("late")
                };
                return f.clock.as_deref() == Some(code) && f.phase.as_deref() == half;
            }
            let Some((x, y)) = f.clock.as_deref().and_then(|c| c.split_once('-')) else {
                return false;
            };
            clock_seconds(x) == Some(start) && clock_seconds(y) == Some(end)
        })
    })
}

/// Date and holiday parsers: a date figure covering the expected text
/// whose days are the spec's day (its future or past reading: without a
/// tense either is right).
fn check_day(case: &Value) -> bool {
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let days: Vec<Date> = ["/Value/FutureResolution/date", "/Value/PastResolution/date"]
            .iter()
            .filter_map(|p| r.pointer(p).and_then(Value::as_str))
            .filter_map(|s| Date::parse_iso(s.get(0..10)?))
            .collect();
        let text = spec_text(r);
        covering(case, r, &figs).iter().any(|f| {
            f.time.is_some_and(|t| {
                days.iter()
                    .any(|d| t.start == *d && t.end == *d || both_readings_day(text, t, *d))
            })
        })
    })
}

/// The readings of a day where Synoptic and the spec follow different,
/// equally defensible conventions:
/// - a single unit counted back (`un mese fa`, `due anni fa`): the spec
///   takes the same day that many units ago, Synoptic the calendar month
///   or year (week) holding it, as news mostly means;
/// - a weekday with `prossimo` (`domenica prossima`): the spec takes the
///   one of next week, Synoptic the coming one; in Italian either is said.
fn both_readings_day(text: &str, t: DayRange, day: Date) -> bool {
    let l = text.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    let counted_back = words.len() == 3 && words[2] == "fa";
    if counted_back && t.start <= day && day <= t.end {
        let week = t.len_days() == 7 && t.start.weekday() == 0;
        let month = DayRange::month(day.year, day.month) == Some(t);
        let year = DayRange::year(day.year) == Some(t);
        return week || month || year;
    }
    let weekday = [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ]
    .iter()
    .any(|w| words.contains(w));
    let next = words.iter().any(|w| w.starts_with("prossim"));
    weekday && next && t.len_days() == 1 && t.start.add_days(7) == day
}

/// Date-period parser: a time figure covering the expected text whose
/// days are the spec's range (future or past reading).
fn check_day_range(case: &Value) -> bool {
    let figs = time_figures(case);
    let expected = results(case);
    if expected.is_empty() {
        return figs.is_empty();
    }
    expected.iter().all(|r| {
        let ranges: Vec<(Date, Date)> = ["/Value/FutureResolution", "/Value/PastResolution"]
            .iter()
            .filter_map(|p| {
                let o = r.pointer(p)?;
                let d = |k: &str| {
                    o.get(k)
                        .and_then(Value::as_str)
                        .and_then(|s| Date::parse_iso(s.get(0..10)?))
                };
                Some((d("startDate")?, d("endDate")?))
            })
            .collect();
        let text = spec_text(r);
        covering(case, r, &figs).iter().any(|f| {
            f.time.is_some_and(|t| {
                ranges
                    .iter()
                    .any(|(s, e)| range_matches(t, *s, *e) || both_readings_range(text, t, *s, *e))
            })
        })
    })
}

/// The readings of a period where Synoptic and the spec follow different,
/// equally defensible conventions (`s`..`e` the spec's days, `e` the first
/// day after):
/// - the start or end of a period (`a fine mese`, `all'inizio del prossimo
///   anno`): the spec takes its first or second half, Synoptic its first
///   or last ten days (of a week: its first days, or the weekend); a
///   figure inside the spec's half and on the same edge of it is right;
/// - decades counted from the article's date (`gli ultimi due decenni`,
///   `il prossimo decennio`): the spec takes whole calendar decades
///   (1990–2009), Synoptic as many years back or ahead of the day; a
///   figure as long as the spec's is right.
fn both_readings_range(text: &str, t: DayRange, s: Date, e: Date) -> bool {
    let l = text.to_lowercase();
    let last = e.add_days(-1);
    if l.contains("inizio") {
        return t.start == s && t.end <= last;
    }
    if l.contains("fine") {
        return t.end == last && t.start >= s;
    }
    if l.contains("decenn") {
        let calendar = s.month == 1 && s.day == 1 && s.year % 10 == 0;
        let spec_len = DayRange::new(s, last).len_days();
        return calendar && (t.len_days() - spec_len).abs() <= 10;
    }
    false
}

/// Whether Synoptic's unit (as written, or a symbol) is the spec's.
fn measure_matches(spec: &str, ours: &str, dimension: bool) -> bool {
    let ours = ours.to_lowercase();
    let names: &[&str] = match spec {
        "C" => &["°c"],
        "F" => &["°f"],
        "K" => &["k"],
        // An angle's degree, as a dimension.
        "Degree" if dimension => &["°"],
        // A temperature's degree without a scale: Synoptic reads it as
        // Celsius, the scale of Italian news.
        "Degree" => &["°c"],
        "Millilitro" => &["ml", "millilitri", "millilitro"],
        "Litro" => &["l", "litri", "litro"],
        "Pollice" => &["pollici", "pollice"],
        "Miglio" => &["miglia", "miglio"],
        "Barile" => &["barili", "barile"],
        "Piede" => &["piedi", "piede"],
        "Oncia" => &["once", "oncia"],
        "Acro" => &["acri", "acro"],
        "Gallone" => &["galloni", "gallone"],
        "Libbra" => &["libbre", "libbra"],
        "Piede cubo" => &["piedi cubi", "piede cubo"],
        "Metro quadrato" => &[
            "metri quadri",
            "metri quadrati",
            "metro quadrato",
            "m²",
            "m2",
            "mq",
        ],
        "Tonnellata" => &["tonnellate", "tonnellata", "t"],
        "Bit" => &["bit"],
        "Miglia all'ora" => &["miglia all'ora", "miglia orarie", "mph"],
        "Metro" => &["metri", "metro", "m"],
        "Chilometro" => &["km", "chilometri", "chilometro"],
        "Millimetro" => &["mm", "millimetri", "millimetro"],
        "Chilometro quadrato" => &["km²", "km2", "chilometri quadrati", "chilometri quadri"],
        "Radian" => &["rad", "radianti"],
        "Turn" => &["giri", "giro"],
        _ => return false,
    };
    names.contains(&ours.as_str())
}

/// Temperatures and dimensions: every result with a value is a figure
/// with that value (its magnitude) and that unit; a unit named without a
/// value (`converti in fahrenheit`) is no figure and is not asked for. A
/// case expecting nothing gets no figure with such a unit.
fn check_measure(case: &Value, units: &[&str]) -> bool {
    let text = input(case);
    let figs: Vec<Figure> = figures_of(text, reference_of(case));
    let dimension = units == DIMENSION_UNITS;
    let expected: Vec<&Value> = results(case)
        .into_iter()
        .filter(|r| r.pointer("/Resolution/value").is_some_and(|v| !v.is_null()))
        .collect();
    if expected.is_empty() {
        return !figs.iter().any(|f| {
            let u = f.unit.as_deref().unwrap_or("");
            units.iter().any(|s| measure_matches(s, u, dimension))
        });
    }
    expected.iter().all(|r| {
        let (Some(span), Some(v)) = (
            spec_span_in(text, r),
            r.pointer("/Resolution/value").and_then(spec_number),
        ) else {
            return false;
        };
        let unit = r
            .pointer("/Resolution/unit")
            .and_then(Value::as_str)
            .unwrap_or("");
        figs.iter().any(|f| {
            let s = char_span(text, f.start, f.end);
            let ours = f.stated.unwrap_or(f64::NAN);
            // a range Synoptic reads whole (`da otto a 10 piedi`,
            // `75-300mm`) where the spec takes one end
            let end_of_range = f.qualifier == Some(figures::Qualifier::Range)
                && f.value.is_some_and(|iv| {
                    iv.min.is_some_and(|x| close(x, v)) || iv.max.is_some_and(|x| close(x, v))
                });
            overlaps(s, span)
                // a rise or fall Synoptic signs is the spec's magnitude
                && (close(ours, v) || v >= 0.0 && close(ours.abs(), v) || end_of_range)
                && measure_matches(unit, f.unit.as_deref().unwrap_or(""), dimension)
        })
    })
}

const TEMPERATURE_UNITS: &[&str] = &["C", "F", "K", "Degree"];

const DIMENSION_UNITS: &[&str] = &[
    "Millilitro",
    "Litro",
    "Pollice",
    "Miglio",
    "Barile",
    "Piede",
    "Oncia",
    "Acro",
    "Gallone",
    "Libbra",
    "Piede cubo",
    "Metro quadrato",
    "Tonnellata",
    "Bit",
    "Miglia all'ora",
    "Metro",
    "Chilometro",
    "Millimetro",
    "Chilometro quadrato",
    "Degree",
    "Radian",
    "Turn",
];

fn none(_: &str, _: &Value) -> Option<&'static str> {
    None
}

/// The bars of the product specification: pass rate per file.
const TARGETS: &[(&str, f64)] = &[
    ("NumberModel.json", 95.0),
    ("PercentModel.json", 95.0),
    ("OrdinalModel.json", 95.0),
    ("CurrencyModel.json", 95.0),
    ("DateExtractor.json", 85.0),
    ("DatePeriodExtractor.json", 85.0),
    ("DateTimeModel.json", 85.0),
    ("TimeExtractor.json", 90.0),
    ("TimeParser.json", 90.0),
    ("TimePeriodExtractor.json", 90.0),
    ("TimePeriodParser.json", 90.0),
    ("HolidayExtractor.json", 90.0),
    ("HolidayParser.json", 90.0),
    ("DateParser.json", 90.0),
    ("DatePeriodParser.json", 90.0),
    ("TemperatureModel.json", 90.0),
    ("DimensionModel.json", 90.0),
];

/// Runs every file and prints the table; with `check`, fails if a file is
/// under its target.
pub fn run(root: &Path, verbose: bool, check: bool) -> Result<(), String> {
    let dir = root.join("eval/recognizers-text-it");
    let outcomes = vec![
        run_file(
            &dir.join("Number"),
            "NumberModel.json",
            skip_number,
            check_numbers,
        )?,
        run_file(&dir.join("Number"), "PercentModel.json", none, |c| {
            check_kind(c, FigureKind::Percent, false)
        })?,
        run_file(
            &dir.join("Number"),
            "OrdinalModel.json",
            skip_ordinal,
            |c| check_kind(c, FigureKind::Ordinal, false),
        )?,
        run_file(
            &dir.join("NumberWithUnit"),
            "CurrencyModel.json",
            skip_currency,
            |c| check_kind(c, FigureKind::Amount, true),
        )?,
        run_file(
            &dir.join("Number"),
            "NumberRangeModel.json",
            skip_range,
            check_range,
        )?,
        run_file(
            &dir.join("DateTime"),
            "DateExtractor.json",
            skip_extractor,
            check_extractor,
        )?,
        run_file(
            &dir.join("DateTime"),
            "DatePeriodExtractor.json",
            skip_period,
            check_extractor,
        )?,
        run_file(
            &dir.join("DateTime"),
            "DateTimeModel.json",
            skip_datetime,
            check_datetime,
        )?,
        run_file(
            &dir.join("DateTime"),
            "TimeExtractor.json",
            skip_clock,
            |c| check_covering(c, &[FigureKind::Time]),
        )?,
        run_file(
            &dir.join("DateTime"),
            "TimeParser.json",
            skip_clock,
            check_clock,
        )?,
        run_file(
            &dir.join("DateTime"),
            "TimePeriodExtractor.json",
            skip_clock_period,
            |c| check_covering(c, &[FigureKind::Time]),
        )?,
        run_file(
            &dir.join("DateTime"),
            "TimePeriodParser.json",
            skip_clock_period,
            check_clock_range,
        )?,
        run_file(
            &dir.join("DateTime"),
            "HolidayExtractor.json",
            skip_holiday_extractor,
            |c| check_covering(c, &[FigureKind::Date]),
        )?,
        run_file(
            &dir.join("DateTime"),
            "HolidayParser.json",
            skip_holiday,
            check_day,
        )?,
        run_file(
            &dir.join("DateTime"),
            "DateParser.json",
            skip_date_parser,
            check_day,
        )?,
        run_file(
            &dir.join("DateTime"),
            "DatePeriodParser.json",
            skip_period_parser,
            check_day_range,
        )?,
        run_file(
            &dir.join("NumberWithUnit"),
            "TemperatureModel.json",
            skip_unit,
            |c| check_measure(c, TEMPERATURE_UNITS),
        )?,
        run_file(
            &dir.join("NumberWithUnit"),
            "DimensionModel.json",
            skip_unit,
            |c| check_measure(c, DIMENSION_UNITS),
        )?,
    ];
    println!(
        "{:<28} {:>7} {:>7} {:>8} {:>8}",
        "file", "passed", "cases", "rate", "skipped"
    );
    for o in &outcomes {
        println!(
            "{:<28} {:>7} {:>7} {:>7.1}% {:>8}",
            o.file,
            o.passed,
            o.total(),
            o.rate(),
            o.skipped.len()
        );
    }
    println!("\nSkipped cases, by reason:");
    for o in &outcomes {
        let mut reasons: Vec<(&str, usize)> = Vec::new();
        for (_, r) in &o.skipped {
            match reasons.iter_mut().find(|(x, _)| x == r) {
                Some(e) => e.1 += 1,
                None => reasons.push((r, 1)),
            }
        }
        for (r, n) in reasons {
            println!("  {:<28} {n:>3} × {r}", o.file);
        }
    }
    if verbose {
        for o in &outcomes {
            println!("\nFailing in {}:", o.file);
            for f in &o.failed {
                println!("  - {f}");
            }
        }
    } else {
        println!("\n(`cargo xtask eval --verbose` lists the failing cases.)");
    }
    if check {
        let under: Vec<String> = outcomes
            .iter()
            .filter_map(|o| {
                let target = TARGETS.iter().find(|(f, _)| *f == o.file)?.1;
                (o.rate() < target).then(|| format!("{} {:.1}% < {target}%", o.file, o.rate()))
            })
            .collect();
        if !under.is_empty() {
            return Err(format!("under target: {}", under.join(", ")));
        }
        println!("every file meets its target");
    }
    Ok(())
}
