//! `relative-mismatch`: a relative expression that contradicts the explicit date or
//! weekday written beside it ("last month, on 3 December" in a February article;
//! "yesterday (Monday)" when the reference date is a Wednesday).
//!
//! Why: one of the two was not updated when the story moved on.
//! Limits: only a date or weekday written right after the expression ("last month, on
//! 3 December", "yesterday (Monday)") is compared. Readings are generous: "last month"
//! also covers the past 31 days, "two years ago" a year either side. A date without a
//! year takes the year nearest the reference date, and the message says so. Skipped
//! without a reference date.

use serde::Deserialize;

use super::calendar::{day_text, reference_text};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::date::weekday_name;
use crate::extract::{Beside, Relative};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct RelativeMismatch;

impl RelativeMismatch {
    pub fn new(_: Params) -> Self {
        RelativeMismatch
    }
}

impl Build for RelativeMismatch {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(RelativeMismatch::new(params))
    }
}

impl Kind for RelativeMismatch {
    fn args(&self) -> Vec<String> {
        ["relative", "resolved", "explicit", "year_note", "reference"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        for r in cx.mentions.relatives() {
            if matches!(r.value, Relative::Weekday(_)) {
                continue;
            }
            let (Some(beside), Some((first, last))) = (r.beside, r.value.resolve(reference)) else {
                continue;
            };
            let resolved = if first == last {
                format!("{} {}", weekday_name(first.weekday()), day_text(first))
            } else {
                format!("{} to {}", day_text(first), day_text(last))
            };
            let (explicit_span, explicit, year_note, fits) = match beside {
                Beside::Date(i) => {
                    let Some(d) = cx.mentions.dates().get(i) else {
                        continue;
                    };
                    if d.quoted || d.ambiguous || d.is_invalid() {
                        continue;
                    }
                    // "the next year (April 3, 2025 to April 30, 2026)": the bracket defines
                    // the period the words name; it does not restate the calendar.
                    let after = cx.text.get(d.span.end..).unwrap_or("").trim_start();
                    if ["to ", "through ", "until ", "-", "–"]
                        .iter()
                        .any(|l| after.starts_with(l))
                    {
                        continue;
                    }
                    let (bounds, note) = match d.bounds() {
                        Some(b) => (b, String::new()),
                        None if d.is_year_less() => {
                            let Some(near) = d.date_near(reference) else {
                                continue;
                            };
                            (
                                (near, near),
                                format!(
                                    " (taking the year {} from the reference date)",
                                    near.year()
                                ),
                            )
                        }
                        None => continue,
                    };
                    let fits = bounds.0 <= last && first <= bounds.1;
                    (d.span, d.span.text(cx.text).to_string(), note, fits)
                }
                Beside::Weekday(span, w) => {
                    // A weekday says something only beside a single day.
                    if first != last {
                        continue;
                    }
                    (
                        span,
                        weekday_name(w).to_string(),
                        String::new(),
                        first.weekday() == w,
                    )
                }
            };
            if fits {
                continue;
            }
            let mut span = r.span.cover(explicit_span);
            // "yesterday (Monday)": the closing bracket belongs to the pair.
            let gap = cx.text.get(r.span.end..explicit_span.start).unwrap_or("");
            if gap.contains('(') && cx.text.get(span.end..).is_some_and(|t| t.starts_with(')')) {
                span.end += 1;
            }
            out.push(
                Finding::at(span)
                    .arg("relative", r.span.text(cx.text))
                    .arg("resolved", resolved)
                    .arg("explicit", explicit)
                    .arg("year_note", year_note)
                    .arg("reference", reference_text(cx, reference))
                    .label(r.span, "relative to the reference date")
                    .label(explicit_span, "explicit"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_relative_expressions_that_contradict_the_date() {
        let f = assert_finds(
            &RelativeMismatch,
            "The plant closed <<last month, on 3 December>>.",
            Some("2027-02-10"),
        );
        assert!(f
            .args
            .iter()
            .any(|(k, v)| k == "year_note" && v.contains("2026")));
        assert_finds(
            &RelativeMismatch,
            "The talks ended <<yesterday (Monday)>>.",
            Some("2026-11-25"),
        );
        assert_finds(
            &RelativeMismatch,
            "It opened <<two years ago, in 2015>>.",
            Some("2026-11-25"),
        );
    }

    #[test]
    fn allows_matching_pairs() {
        assert_clean(
            &RelativeMismatch,
            "The plant closed last month, on 3 January.",
            Some("2027-02-10"),
        );
        assert_clean(
            &RelativeMismatch,
            "The talks ended yesterday (Tuesday).",
            Some("2026-11-25"),
        );
        assert_clean(
            &RelativeMismatch,
            "The talks ended yesterday, and on Monday the union met.",
            Some("2026-11-25"),
        );
        assert_clean(
            &RelativeMismatch,
            "The talks ended yesterday (Monday).",
            None,
        );
    }

    #[test]
    fn regression_allows_clock_times_beside_today() {
        assert_clean(
            &RelativeMismatch,
            "An advisory issued at 11 a.m. today (1500 UTC) said so.",
            Some("2019-09-01"),
        );
    }
}
