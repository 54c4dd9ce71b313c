//! Any bytes as an article: segmentation, the reference date and every
//! figure, then the invariants that hold on any input (spans on character
//! boundaries that give back the figure's words, blocks in order, bounded
//! intervals and day ranges in order).
#![no_main]

use libfuzzer_sys::fuzz_target;
use synoptic_core::date::Date;
use synoptic_core::figures::{self, dateline};
use synoptic_core::{Article, Metadata};

fuzz_target!(init: synoptic_fuzz::install_overflow_handler(), |data: &[u8]| {
    let data = data.to_vec();
    synoptic_fuzz::with_browser_stack(move || check(&data));
});

fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    // Half the inputs get a caller's fallback date (a leap day), so that
    // relative times are resolved even without a dateline.
    let fallback = if data.len() % 2 == 0 {
        Date::from_ymd(2024, 2, 29)
    } else {
        None
    };
    let article = Article::parse("f", "f.txt", text, Metadata::default());
    let reference = dateline::reference_date(&article, fallback).map(|r| r.0);
    let found = figures::extract(&article, reference);

    let text = &article.text;
    let mut last_end = 0;
    for b in &article.blocks {
        assert!(
            b.start <= b.end && b.end <= text.len(),
            "block {}..{} out of a text of {} bytes",
            b.start,
            b.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(b.start) && text.is_char_boundary(b.end),
            "block {}..{} not on character boundaries",
            b.start,
            b.end
        );
        assert!(
            b.start >= last_end,
            "block {}..{} starts before the previous block's end {last_end}",
            b.start,
            b.end
        );
        last_end = b.end;
    }
    for f in &found {
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "figure {} {}..{} out of a text of {} bytes",
            f.id,
            f.start,
            f.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "figure {} {}..{} not on character boundaries",
            f.id,
            f.start,
            f.end
        );
        assert_eq!(&text[f.start..f.end], f.text, "figure {} words", f.id);
        if let Some(v) = f.value {
            if let (Some(min), Some(max)) = (v.min, v.max) {
                assert!(min <= max, "figure {} {:?}: {min} > {max}", f.id, f.text);
            }
        }
        if let Some(t) = f.time {
            assert!(t.start <= t.end, "figure {} {:?}: {t:?}", f.id, f.text);
        }
    }
}
