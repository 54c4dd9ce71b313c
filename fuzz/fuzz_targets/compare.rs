//! Any bytes as a story of two to four articles: the whole comparison and
//! its JSON report, then every figure a quantity, a link or the report
//! names must be a real figure.
//!
//! Input: the first byte is a header, the rest are the texts separated by
//! 0xFF bytes (never part of UTF-8). Header bits 0–1 give the number of
//! articles (0 → 2, 1 → 3, 2 → 4, 3 → 2; missing texts are empty, extra
//! separators stay in the last text); bit 7 set gives a fallback date built
//! from bits 0–6.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use synoptic_core::compare;
use synoptic_core::date::Date;
use synoptic_core::report::Report;
use synoptic_core::{Article, Metadata};

const SEPARATOR: u8 = 0xFF;

fuzz_target!(init: synoptic_fuzz::install_overflow_handler(), |data: &[u8]| {
    let data = data.to_vec();
    synoptic_fuzz::with_browser_stack(move || check(&data));
});

fn check(data: &[u8]) {
    let Some((&header, rest)) = data.split_first() else {
        return;
    };
    let count = 2 + usize::from(header & 0b11) % 3;
    let fallback = if header & 0x80 != 0 {
        let h = u32::from(header & 0x7f);
        Date::from_ymd(1990 + h as i32, 1 + h % 12, 1 + h % 28)
    } else {
        None
    };
    let texts: Vec<&[u8]> = rest.splitn(count, |&b| b == SEPARATOR).collect();
    let articles: Vec<Article> = (0..count)
        .map(|i| {
            let bytes = texts.get(i).copied().unwrap_or_default();
            let text = String::from_utf8_lossy(bytes).into_owned();
            let id = format!("{i:03}");
            let file = format!("{id}.txt");
            Article::parse(id, file, text, Metadata::default())
        })
        .collect();

    let c = compare::compare(&articles, fallback);
    assert_eq!(c.articles.len(), articles.len(), "one analysis per article");
    for q in &c.quantities {
        for r in &q.figures {
            assert!(c.figure(*r).is_some(), "{}: no figure {r:?}", q.id);
        }
        for l in &q.links {
            assert!(
                c.figure(l.a).is_some(),
                "{}: link to no figure {:?}",
                q.id,
                l.a
            );
            assert!(
                c.figure(l.b).is_some(),
                "{}: link to no figure {:?}",
                q.id,
                l.b
            );
        }
    }

    let report = Report::from_comparison(&c);
    let ids: HashSet<String> = report
        .articles
        .iter()
        .flat_map(|a| a.figures.iter().map(move |f| format!("{}/{}", a.id, f.id)))
        .collect();
    for q in &report.quantities {
        for f in &q.members {
            assert!(ids.contains(f), "{}: report names no figure {f}", q.id);
        }
        assert!(q.conflicts.len() <= q.conflicts_total);
        for p in &q.conflicts {
            assert!(ids.contains(&p.a), "{}: pair names no figure {}", q.id, p.a);
            assert!(ids.contains(&p.b), "{}: pair names no figure {}", q.id, p.b);
        }
    }
    let outlets: HashSet<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    for s in &report.statements {
        for o in &s.outlets {
            assert!(outlets.contains(o.as_str()), "{}: no outlet {o}", s.id);
        }
    }
    serde_json::to_string(&report).expect("the report serialises");
}
