//! Explanations as data: what agrees and what differs, part by part, so
//! that every interface can say it in its own language. [`english`] is the
//! rendering the CLI report uses.

use serde::{Deserialize, Serialize};

pub use super::identity::Evidence;
use crate::figures::Qualifier;

/// One thing an explanation says. Names are article ids; texts are quoted
/// from the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Why two figures are taken to measure the same thing: how sure the
    /// link is (0–100) and what both share.
    Identity {
        /// The identity score, in percent.
        score: u8,
        /// What the two figures share.
        evidence: Vec<Evidence>,
    },
    /// Two times of the same event that cannot both be true (`in mattinata`
    /// against `in serata`, once in one time zone).
    TimesDiffer {
        /// First time, with its zone.
        a: String,
        /// Second time, with its zone.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The same day of the year, whose year one outlet left to be inferred
    /// (`il 9 maggio`): not taken as a different date.
    YearInferred {
        /// First date.
        a: String,
        /// Second date.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// A running count reported on different days, higher in the later
    /// report (a toll that grew): an update, not a contradiction.
    Updated {
        /// The earlier figure's words.
        earlier: String,
        /// The later figure's words.
        later: String,
        /// The earlier report's outlet and day.
        name_earlier: String,
        /// The later report's outlet and day.
        name_later: String,
    },
    /// Two clocks read in different time zones that agree once converted.
    ZoneShift {
        /// First time, with its zone.
        a: String,
        /// Second time, with its zone and converted to the first's.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// Both state the same number.
    SameValue {
        /// First figure's words.
        a: String,
        /// Second figure's words.
        b: String,
    },
    /// The two are in different units of one measure, compared once
    /// converted (`17.000 acri` is about 6.900 ettari).
    Units {
        /// First figure's unit.
        a: String,
        /// Second figure's unit.
        b: String,
    },
    /// Both use the same qualifier.
    SameQualifier,
    /// Both refer to the same period.
    SamePeriod {
        /// The period's words.
        period: String,
    },
    /// The values overlap; one is more precise.
    Precision {
        /// First figure's words.
        a: String,
        /// Second figure's words.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
        /// The article whose figure is more precise.
        more_precise: String,
    },
    /// The values overlap but differ.
    Value {
        /// First figure's words.
        a: String,
        /// Second figure's words.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The qualifiers differ.
    Qualifier {
        /// First qualifier.
        a: Option<Qualifier>,
        /// Second qualifier.
        b: Option<Qualifier>,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The periods differ (or one gives none).
    Period {
        /// First period's words.
        a: Option<String>,
        /// Second period's words.
        b: Option<String>,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The cited sources differ (or one cites none).
    Source {
        /// First source.
        a: Option<String>,
        /// Second source.
        b: Option<String>,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The values cannot both be true.
    Disjoint {
        /// First figure's words.
        a: String,
        /// Second figure's words.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// The values cannot be compared.
    Incomparable,
    /// One event, the same day.
    SameDay {
        /// The day.
        day: String,
        /// First figure's words.
        a: String,
        /// Second figure's words.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// One event, overlapping dates.
    OverlappingDates {
        /// First range.
        a: String,
        /// Second range.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// One event, different dates.
    DatedDifferently {
        /// First range.
        a: String,
        /// Second range.
        b: String,
        /// First article.
        name_a: String,
        /// Second article.
        name_b: String,
    },
    /// A date could not be resolved.
    Unresolved,
    /// Only one outlet reports it.
    OnlyHere {
        /// The article.
        outlet: String,
    },
    /// One outlet negates what another asserts.
    Negates {
        /// The negating article.
        who: String,
        /// The negated term.
        term: String,
        /// The asserting article.
        other: String,
    },
    /// Near-identical wording.
    NearIdentical,
    /// The same fact in other words.
    SameFact {
        /// What the sentences share.
        topic: String,
    },
    /// An outlet hedges.
    Hedges {
        /// The article.
        outlet: String,
        /// The hedge's words.
        hedge: String,
    },
    /// An outlet cites a source.
    Cites {
        /// The article.
        outlet: String,
        /// The source.
        source: String,
    },
    /// Outlets that say nothing of it (the core's groups store the outlets
    /// that have a member; views say who is silent among those they show).
    Silent {
        /// The articles.
        outlets: Vec<String>,
    },
    /// Opposed framing.
    FramingOpposed {
        /// The frame.
        frame: String,
        /// Articles that assert it.
        asserting: Vec<String>,
        /// Their words.
        assert_words: Vec<String>,
        /// Articles that deny it.
        denying: Vec<String>,
        /// Their words.
        deny_words: Vec<String>,
    },
    /// The same framing.
    FramingAligned {
        /// The frame.
        frame: String,
        /// The articles.
        outlets: Vec<String>,
    },
}

fn qualifier_name(q: &Option<Qualifier>) -> &'static str {
    q.map_or("none", Qualifier::as_str)
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One part in English.
pub fn english_part(p: &Part) -> String {
    match p {
        Part::Identity { score, evidence } => {
            let shown: Vec<String> = evidence.iter().map(english_evidence).collect();
            if shown.is_empty() {
                format!("identity {score}%")
            } else {
                format!("identity {score}% ({})", shown.join(", "))
            }
        }
        Part::TimesDiffer {
            a,
            b,
            name_a,
            name_b,
        } => format!("different times of day: {a} ({name_a}) vs {b} ({name_b})"),
        Part::ZoneShift {
            a,
            b,
            name_a,
            name_b,
        } => format!("the same time in different zones: {a} ({name_a}), {b} ({name_b})"),
        Part::YearInferred {
            a,
            b,
            name_a,
            name_b,
        } => format!("the same day of the year, the year inferred: {a} ({name_a}), {b} ({name_b})"),
        Part::Updated {
            earlier,
            later,
            name_earlier,
            name_later,
        } => format!(
            "updated: {earlier} ({name_earlier}), then {later} ({name_later}), reported later"
        ),
        Part::SameValue { a, b } => format!("same value ({a} / {b})"),
        Part::Units { a, b } => format!("compared once {b} are converted to {a}"),
        Part::SameQualifier => "same qualifier".into(),
        Part::SamePeriod { period } => format!("same period ({period})"),
        Part::Precision {
            a,
            b,
            name_a,
            name_b,
            more_precise,
        } => format!("precision: {a} ({name_a}) vs {b} ({name_b}); {more_precise} is more precise"),
        Part::Value {
            a,
            b,
            name_a,
            name_b,
        } => format!("value: {a} ({name_a}) vs {b} ({name_b})"),
        Part::Qualifier {
            a,
            b,
            name_a,
            name_b,
        } => format!(
            "qualifier: {} ({name_a}) vs {} ({name_b})",
            qualifier_name(a),
            qualifier_name(b)
        ),
        Part::Period {
            a,
            b,
            name_a,
            name_b,
        } => match (a, b) {
            (Some(x), Some(y)) => format!("period: {x} ({name_a}) vs {y} ({name_b})"),
            (Some(x), None) => format!("period: {x} ({name_a}), none given ({name_b})"),
            (None, Some(y)) => format!("period: none given ({name_a}), {y} ({name_b})"),
            (None, None) => "period: none given".into(),
        },
        Part::Source {
            a,
            b,
            name_a,
            name_b,
        } => match (a, b) {
            (Some(x), Some(y)) => format!("cited source: {x} ({name_a}) vs {y} ({name_b})"),
            (Some(x), None) => format!("cited source: {x} ({name_a}), none ({name_b})"),
            (None, Some(y)) => format!("cited source: none ({name_a}), {y} ({name_b})"),
            (None, None) => "cited source: none".into(),
        },
        Part::Disjoint {
            a,
            b,
            name_a,
            name_b,
        } => {
            format!("the values cannot both be true: {a} ({name_a}) vs {b} ({name_b})")
        }
        Part::Incomparable => "values cannot be compared".into(),
        Part::SameDay {
            day,
            a,
            b,
            name_a,
            name_b,
        } => format!("same day: {day} ({name_a}: {a}; {name_b}: {b})"),
        Part::OverlappingDates {
            a,
            b,
            name_a,
            name_b,
        } => {
            format!("overlapping dates: {a} ({name_a}) and {b} ({name_b}); one is more precise")
        }
        Part::DatedDifferently {
            a,
            b,
            name_a,
            name_b,
        } => {
            format!("the same event is dated differently: {a} ({name_a}) vs {b} ({name_b})")
        }
        Part::Unresolved => "one of the dates cannot be resolved without the article's date".into(),
        Part::OnlyHere { outlet } => format!("only {outlet} reports it"),
        Part::Negates { who, term, other } => {
            format!("{who} negates \"{term}\", which {other} asserts")
        }
        Part::NearIdentical => "near-identical wording".into(),
        Part::SameFact { topic } => format!("same fact in different words ({topic})"),
        Part::Hedges { outlet, hedge } => format!("{outlet} hedges ({hedge})"),
        Part::Cites { outlet, source } => format!("{outlet} cites {source}"),
        Part::Silent { outlets } => format!("silent: {}", outlets.join(", ")),
        Part::FramingOpposed {
            frame,
            asserting,
            assert_words,
            denying,
            deny_words,
        } => format!(
            "opposed framing of \"{frame}\": {} assert it ({}), {} deny it ({})",
            asserting.join(", "),
            quoted(assert_words),
            denying.join(", "),
            quoted(deny_words)
        ),
        Part::FramingAligned { frame, outlets } => {
            format!("\"{frame}\" framed the same way by {}", outlets.join(", "))
        }
    }
}

/// One piece of evidence of identity, in English.
pub fn english_evidence(e: &Evidence) -> String {
    match e {
        Evidence::Subject { words } => format!("same subject: {}", words.join(", ")),
        Evidence::Context { words } => format!("shared context: {}", words.join(", ")),
        Evidence::Entities { names } => format!("same entities: {}", names.join(", ")),
        Evidence::Period => "same period".into(),
        Evidence::Value => "same value and unit".into(),
        Evidence::Event { event } => format!("same event: {event}"),
    }
}

/// A whole explanation in English.
pub fn english(parts: &[Part]) -> String {
    parts
        .iter()
        .map(english_part)
        .collect::<Vec<_>>()
        .join("; ")
}
