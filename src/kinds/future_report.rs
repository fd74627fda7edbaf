//! `future-report`: an explicit date after the reference date described as already
//! reported or measured ("as of 15 March 2026, 300 cases" or "were recorded in June
//! 2026" in an article of January 2026).
//!
//! Why: a figure cannot have been measured on a day that had not yet come; the date or
//! the publication date is wrong.
//! Limits: the date must follow "as of"/"as at" or a report verb ("was recorded",
//! "were reported") directly, or share its sentence with "to date"/"so far". Sentences
//! with a future cue ("as of 1 July 2026 the law will apply"), conditionals or reported
//! speech, quotations and dates without a year are skipped. Skipped without a reference
//! date.

use super::tense::{self, Params, Wrong};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::{AnchorKind, CueKind, DateMention};
use crate::span::Span;

#[derive(Debug)]
pub struct FutureReport {
    params: Params,
}

impl FutureReport {
    pub fn new(params: Params) -> Self {
        FutureReport { params }
    }
}

impl Build for FutureReport {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("min_days", params.min_days, 0, 36_500)?;
        Ok(FutureReport::new(params))
    }
}

/// The report verb or the "as of"/"to date" anchor that tells the date as measured.
fn report_cue(d: &DateMention) -> Option<Span> {
    match (d.cue, d.anchor) {
        (Some(c), _) if c.kind == CueKind::Report => Some(c.span),
        (_, Some(a)) if matches!(a.kind, AnchorKind::AsOf | AnchorKind::ToDate) => Some(a.span),
        _ => None,
    }
}

/// Whether the sentence of `d` has a future cue.
fn in_future_sentence(cx: &CheckContext<'_>, d: &DateMention) -> bool {
    let sentence = cx
        .doc
        .prose
        .sentence_at(d.span.start)
        .filter(|s| s.contains(d.span));
    cx.mentions
        .temporal
        .cues
        .iter()
        .any(|c| c.kind == CueKind::Future && sentence.is_some_and(|s| s.contains(c.span)))
}

/// Whether a date the sentence's "to date" or "as of" does not govern: a target ("by
/// 2027", "until", "before"), a date naming a noun ("the 2023 budget session"), a date in
/// another clause than a "to date" or "so far" ("..., with the programme expanding in
/// 2024"), or a start date in a plan ("I intend to end ... as of January 1, 2023").
fn not_measured(cx: &CheckContext<'_>, d: &DateMention) -> bool {
    let text = cx.text;
    let Some(sentence) = cx.doc.prose.sentence_at(d.span.start) else {
        return false;
    };
    let before = text
        .get(sentence.start..d.span.start)
        .unwrap_or("")
        .to_lowercase();
    let last_words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let target = last_words.first().is_some_and(|w| {
        matches!(
            *w,
            "by" | "until" | "till" | "before" | "through" | "from" | "starting" | "beginning"
        )
    }) || before.trim_end().ends_with("in time for");
    let after = text.get(d.span.end..sentence.end).unwrap_or("");
    let names_a_noun = d.month.is_none()
        && after
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !matches!(w, "and" | "or" | "to" | "through"));
    let sentence_text = sentence.text(text).to_lowercase();
    let plan = sentence_text
        .split(|c: char| !c.is_alphabetic())
        .any(|w| {
            matches!(
                w,
                "intend" | "intends" | "plan" | "plans" | "propose" | "proposes" | "aim" | "aims"
                    | "expect" | "expects" | "shall"
            )
        });
    // A "to date" or "so far" anchor governs its own clause only.
    let other_clause = d.anchor.is_some_and(|a| a.kind == AnchorKind::ToDate) && {
        let (from, to) = match d.anchor {
            Some(a) if a.span.end <= d.span.start => (a.span.end, d.span.start),
            Some(a) => (d.span.end, a.span.start),
            None => (0, 0),
        };
        let between = text.get(from..to).unwrap_or("").to_lowercase();
        between.contains(';')
            || between.contains(", and ")
            || between.contains(", with ")
            || between.contains(", including ")
            || between.contains(" which ")
            || between.contains(", while ")
    };
    target || names_a_noun || plan || other_clause
}

impl Kind for FutureReport {
    fn args(&self) -> Vec<String> {
        tense::args()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        let dates = tense::misdated(cx, reference, &self.params, Wrong::After, report_cue);
        for (d, cue) in dates {
            // "As of 1 July 2026 the rule will apply": a start date, not a report.
            if in_future_sentence(cx, d) || not_measured(cx, d) {
                continue;
            }
            let label = "told as already measured";
            out.push(tense::finding(cx, reference, d, cue, label));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> FutureReport {
        FutureReport::new(Params::default())
    }

    #[test]
    fn flags_figures_measured_after_the_reference_date() {
        let d = Some("2026-01-15");
        assert_finds(
            &kind(),
            "As of <<15 March 2026>>, 300 cases had been confirmed.",
            d,
        );
        assert_finds(&kind(), "Some 40 cases were recorded in <<June 2026>>.", d);
    }

    #[test]
    fn allows_start_dates_and_past_figures() {
        let d = Some("2026-01-15");
        assert_clean(
            &kind(),
            "As of 1 July 2026, the rule will apply to all firms.",
            d,
        );
        assert_clean(
            &kind(),
            "As of 10 January 2026, 300 cases had been confirmed.",
            d,
        );
        assert_clean(&kind(), "As of 15 March, 300 cases had been confirmed.", d);
        assert_clean(
            &kind(),
            "As of 15 March 2026, 300 cases had been confirmed.",
            None,
        );
    }
}
