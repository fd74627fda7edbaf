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

use serde::Deserialize;

use super::calendar::{add_days, reference_text};
use super::{CheckContext, Finding, Kind};
use crate::extract::{AnchorKind, CueKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Days after the reference date that are still tolerated.
    #[serde(default = "two")]
    pub min_days: i64,
}

fn two() -> i64 {
    2
}

impl Default for Params {
    fn default() -> Self {
        Params { min_days: 2 }
    }
}

#[derive(Debug)]
pub struct FutureReport {
    params: Params,
}

impl FutureReport {
    pub fn new(params: Params) -> Self {
        FutureReport { params }
    }
}

impl Kind for FutureReport {
    fn args(&self) -> Vec<String> {
        ["date", "cue", "reference"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        let limit = add_days(reference, self.params.min_days);
        let sentences = &cx.doc.prose.sentences;
        for d in cx.mentions.dates() {
            let cue_span = match (d.cue, d.anchor) {
                (Some(c), _) if c.kind == CueKind::Report => c.span,
                (_, Some(a)) if matches!(a.kind, AnchorKind::AsOf | AnchorKind::ToDate) => a.span,
                _ => continue,
            };
            if d.quoted || d.hedged {
                continue;
            }
            let Some((first, _)) = d.bounds() else {
                continue;
            };
            if first <= limit {
                continue;
            }
            // "As of 1 July 2026 the rule will apply": a start date, not a report.
            let sentence = sentences.iter().find(|s| s.contains(d.span));
            let future =
                cx.mentions.temporal.cues.iter().any(|c| {
                    c.kind == CueKind::Future && sentence.is_some_and(|s| s.contains(c.span))
                });
            if future {
                continue;
            }
            out.push(
                Finding::at(d.date_span)
                    .arg("date", d.date_span.text(cx.text))
                    .arg("cue", cue_span.text(cx.text))
                    .arg("reference", reference_text(cx, reference))
                    .label(cue_span, "told as already measured"),
            );
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
