//! Times of day: clock times (`alle 15:30`, `alle ore 9`, `ore 15.30`).

use super::*;

impl Ctx<'_> {
    /// `alle 15:30`, `alle ore 9`, `ore 15.30`.
    pub(super) fn clock_time(&self, j: usize, span_start: usize) -> Option<Figure> {
        let mut k = j;
        let lead = self
            .tok(k)
            .is_some_and(|t| t.is_any(&["alle", "ore", "dalle"]));
        if !lead && span_start == j {
            // A bare 15:30.
            let (h, m, last) = self.hh_mm(k, true)?;
            let mut f = Figure::new(FigureKind::Time, span_start, last);
            f.clock = Some(format!("{h:02}:{m:02}"));
            return Some(f);
        }
        if self.is(k, "alle") || self.is(k, "dalle") {
            k += 1;
        }
        if self.is(k, "ore") {
            k += 1;
        }
        let (h, m, last) = self.hh_mm(k, false)?;
        if k == j {
            return None;
        }
        let mut f = Figure::new(FigureKind::Time, span_start, last);
        f.clock = Some(format!("{h:02}:{m:02}"));
        Some(f)
    }

    pub(super) fn hh_mm(&self, k: usize, need_minutes: bool) -> Option<(u32, u32, usize)> {
        let t = self.tok(k)?;
        if t.kind != TokKind::Digits {
            return None;
        }
        // "15.30" is one token; only after "alle"/"ore" is it a time.
        if let Some((a, b)) = t.norm.split_once('.') {
            if need_minutes {
                return None;
            }
            let (h, m): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            return (h < 24 && m < 60 && b.len() == 2).then_some((h, m, k + 1));
        }
        let h: u32 = t.norm.parse().ok()?;
        if h >= 24 || t.norm.len() > 2 {
            return None;
        }
        if self.is_punct(k + 1, ":") {
            let mt = self
                .tok(k + 2)
                .filter(|m| m.is_digits() && m.norm.len() == 2)?;
            let m: u32 = mt.norm.parse().ok()?;
            return (m < 60).then_some((h, m, k + 3));
        }
        (!need_minutes).then_some((h, 0, k + 1))
    }
}

pub(super) fn part_of_day(w: &str) -> &'static str {
    match w {
        "mattina" | "mattinata" | "mattino" => "morning",
        "pomeriggio" => "afternoon",
        "sera" | "serata" => "evening",
        _ => "night",
    }
}
