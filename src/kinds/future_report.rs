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
            if in_future_sentence(cx, d) {
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
