//! `relative-mismatch`: a relative expression that contradicts the explicit date or
//! weekday written beside it ("last month, on 3 December" in a February article;
//! "yesterday (Monday)" when the reference date is a Wednesday).
//!
//! Why: one of the two was not updated when the story moved on.
//! Limits: only a date or weekday written right beside the expression is compared
//! ("last month, on 3 December", "yesterday (Monday)", "tomorrow — on 4 May", "on 28
//! September (last Saturday)"). "Last week", "this month", "next year" are calendar
//! periods (a week runs Monday to Sunday or Sunday to Saturday); a story may be written
//! late the day before its reference date, so a period as seen from up to
//! `boundary_tolerance_days` earlier also fits. "The past month" is the month before the
//! reference date; "two years ago" covers a year either side; "last Friday" is the
//! nearest Friday before the reference date or the Friday of last week. A date without
//! a year takes the year nearest the reference date, and the message says so. Skipped
//! without a reference date.

use serde::Deserialize;

use super::calendar::{add_days, day_text, reference_text};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::date::{month_name, weekday_name};
use crate::extract::{Beside, Relative};
use crate::span::Span;
use jiff::civil::Date;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How many days before the reference date the story may have been written: a
    /// calendar period ("last week", "this month") seen from any of those days fits.
    #[serde(default)]
    pub boundary_tolerance_days: u8,
}

#[derive(Debug, Default)]
pub struct RelativeMismatch {
    params: Params,
}

impl RelativeMismatch {
    pub fn new(params: Params) -> Self {
        RelativeMismatch { params }
    }
}

impl Build for RelativeMismatch {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(RelativeMismatch::new(params))
    }
}

/// "23 to 29 November 2026", "30 November to 6 December 2026", "1 January 2027".
fn period_text(first: Date, last: Date) -> String {
    if first == last {
        day_text(first)
    } else if first.year() != last.year() {
        format!("{} to {}", day_text(first), day_text(last))
    } else if first.month() != last.month() {
        format!(
            "{} {} to {}",
            first.day(),
            month_name(first.month()),
            day_text(last)
        )
    } else {
        format!("{} to {}", first.day(), day_text(last))
    }
}

/// How the reading of `value` seen from `reference` is told in the message, and what a
/// date that does not fit is not ("in it", "that day").
fn reading_text(value: Relative, reference: Date) -> Option<(String, &'static str)> {
    let weekday_day = |d: Date| format!("{} {}", weekday_name(d.weekday()), day_text(d));
    Some(match value {
        Relative::Unit { unit, offset } => {
            let (first, last) = value.resolve(reference)?;
            let text = match unit {
                crate::extract::temporal::Unit::Month => {
                    format!("{} {}", month_name(first.month()), first.year())
                }
                crate::extract::temporal::Unit::Year => first.year().to_string(),
                // Named Monday to Sunday; the Sunday before also fits.
                _ => {
                    let _ = offset;
                    period_text(add_days(first, 1), last)
                }
            };
            (text, "in it")
        }
        Relative::NamedWeekday {
            weekday,
            offset,
        } => {
            let (a, b) = Relative::weekday_readings(weekday, offset, reference)?;
            if a == b {
                (weekday_day(a), "that day")
            } else {
                (
                    format!("{} or {}", weekday_day(a.min(b)), day_text(a.max(b))),
                    "either",
                )
            }
        }
        _ => {
            let (first, last) = value.resolve(reference)?;
            if first == last {
                (weekday_day(first), "that day")
            } else {
                (period_text(first, last), "in it")
            }
        }
    })
}

/// "The day before yesterday" is two days back, "the day after tomorrow" two ahead: the
/// expression, widened over its lead words, and its value.
fn two_days_off(text: &str, value: Relative, span: Span) -> (Relative, Span) {
    let lead = match value {
        Relative::Day(-1) => "the day before",
        Relative::Day(1) => "the day after",
        _ => return (value, span),
    };
    let before = text.get(..span.start).unwrap_or("").trim_end();
    let Some(start) = before.len().checked_sub(lead.len()) else {
        return (value, span);
    };
    let word_start = before
        .get(..start)
        .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()));
    match before.get(start..) {
        Some(w) if w.eq_ignore_ascii_case(lead) && word_start => {
            let Relative::Day(n) = value else {
                return (value, span);
            };
            (Relative::Day(n * 2), Span::new(start, span.end))
        }
        _ => (value, span),
    }
}

impl Kind for RelativeMismatch {
    fn args(&self) -> Vec<String> {
        [
            "relative",
            "resolved",
            "explicit",
            "year_note",
            "reference",
            "in_it",
        ]
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
            let (value, rel_span) = two_days_off(cx.text, r.value, r.span);
            let (Some(beside), Some((mut first, mut last))) = (r.beside, value.resolve(reference))
            else {
                continue;
            };
            // Calendar periods as seen from the days the story may have been written.
            if matches!(
                value,
                Relative::Unit { .. } | Relative::Earlier(_) | Relative::Later(_)
            ) {
                let tolerance = i64::from(self.params.boundary_tolerance_days);
                if let Some((a, b)) = value.resolve(add_days(reference, -tolerance)) {
                    first = first.min(a);
                    last = last.max(b);
                }
            }
            let Some((resolved, in_it)) = reading_text(value, reference) else {
                continue;
            };
            let readings = match value {
                Relative::NamedWeekday { weekday, offset } => {
                    Relative::weekday_readings(weekday, offset, reference)
                }
                _ => None,
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
                    let fits = match readings {
                        // "last Sunday, 9 August": a day, and one of the two readings.
                        Some((a, b)) => {
                            if bounds.0 != bounds.1 {
                                continue;
                            }
                            bounds.0 == a || bounds.0 == b
                        }
                        None => bounds.0 <= last && first <= bounds.1,
                    };
                    // The date alone, without the weekday the expression shares with it.
                    (d.date_span, d.date_span.text(cx.text).to_string(), note, fits)
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
            let mut span = rel_span.cover(explicit_span);
            // "yesterday (Monday)", "on Friday (tomorrow)": the closing bracket belongs to
            // the pair.
            let covered = span.text(cx.text);
            if covered.contains('(')
                && !covered.contains(')')
                && cx.text.get(span.end..).is_some_and(|t| t.starts_with(')'))
            {
                span.end += 1;
            }
            out.push(
                Finding::at(span)
                    .arg("relative", rel_span.text(cx.text))
                    .arg("resolved", resolved)
                    .arg("explicit", explicit)
                    .arg("year_note", year_note)
                    .arg("reference", reference_text(cx, reference))
                    .arg("in_it", in_it)
                    .label(rel_span, "relative to the reference date")
                    .label(explicit_span, "explicit"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> RelativeMismatch {
        RelativeMismatch::new(Params {
            boundary_tolerance_days: 1,
        })
    }

    fn message_args(f: &Finding) -> (String, String, String) {
        let get = |k: &str| {
            f.args
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        (get("resolved"), get("explicit"), get("in_it"))
    }

    #[test]
    fn reads_the_day_before_yesterday_as_two_days_back() {
        let d = Some("2025-10-08");
        let k = kind();
        assert_clean(&k, "Crews returned the day before yesterday, on 6 October.", d);
        assert_clean(&k, "Talks resume the day after tomorrow, on 10 October.", d);
        assert_finds(
            &k,
            "Crews returned <<the day before yesterday, on 5 October>>.",
            d,
        );
        assert_finds(&k, "Talks resume <<the day after tomorrow, on 9 October>>.", d);
        assert_finds(&k, "Crews returned <<yesterday, on 6 October>>.", d);
    }

    #[test]
    fn reads_last_month_as_the_calendar_month_before() {
        // 3 February is within 31 days of 20 February but not in January.
        let f = assert_finds(
            &kind(),
            "The depot closed <<last month, on 3 February 2027>>.",
            Some("2027-02-20"),
        );
        assert_eq!(
            message_args(&f),
            ("January 2027".into(), "3 February 2027".into(), "in it".into())
        );
        assert_clean(
            &kind(),
            "The depot closed last month, on 31 January 2027.",
            Some("2027-02-01"),
        );
        // Written late on 31 December, published on 1 January: November is last month.
        assert_clean(
            &kind(),
            "The depot closed last month, on 30 November 2026.",
            Some("2027-01-01"),
        );
        assert_finds(
            &kind(),
            "The depot closed <<last month, on 29 November 2026>>.",
            Some("2027-01-03"),
        );
        let f = assert_finds(
            &kind(),
            "Fares rise <<this month, on 8 January 2027>>.",
            Some("2026-12-10"),
        );
        assert_eq!(message_args(&f).0, "December 2026");
        assert_clean(
            &kind(),
            "Fares rise next month, on 8 January 2027.",
            Some("2026-12-10"),
        );
    }

    #[test]
    fn reads_last_week_as_the_calendar_week_before() {
        // Wednesday 2 December 2026: last week is Monday 23 to Sunday 29 November.
        let f = assert_finds(
            &kind(),
            "The mayor resigned <<last week, on 1 December>>.",
            Some("2026-12-02"),
        );
        assert_eq!(message_args(&f).0, "23 to 29 November 2026");
        assert_clean(
            &kind(),
            "The mayor resigned last week, on 27 November.",
            Some("2026-12-02"),
        );
        // A week that starts on Sunday: 22 November.
        assert_clean(
            &kind(),
            "The mayor resigned last week, on 22 November.",
            Some("2026-12-02"),
        );
        assert_finds(
            &kind(),
            "The mayor resigned <<last week, on 21 November>>.",
            Some("2026-12-02"),
        );
        assert_finds(
            &kind(),
            "The bridge reopens <<next week, on 3 December>>.",
            Some("2026-12-02"),
        );
    }

    #[test]
    fn reads_the_past_month_as_the_days_before_the_reference_date() {
        assert_clean(
            &kind(),
            "Prices rose in the past month, on 3 February 2027.",
            Some("2027-02-20"),
        );
    }

    #[test]
    fn reads_relative_words_after_the_date_and_after_dashes() {
        assert_finds(
            &kind(),
            "The mill burned down on <<28 September (last Saturday)>>.",
            Some("2024-11-20"),
        );
        assert_clean(
            &kind(),
            "The mill burned down on 16 November (last Saturday).",
            Some("2024-11-20"),
        );
        assert_finds(
            &kind(),
            "The line opens <<Friday (tomorrow)>>.",
            Some("2024-11-20"),
        );
        assert_clean(&kind(), "The line opens Thursday (tomorrow).", Some("2024-11-20"));
        assert_finds(
            &kind(),
            "The mill burned down <<yesterday — Monday>>.",
            Some("2024-11-20"),
        );
        assert_finds(
            &kind(),
            "The mill burned down in <<2019 (last year)>>.",
            Some("2024-11-20"),
        );
        assert_clean(
            &kind(),
            "The mill burned down in 2023 (last year).",
            Some("2024-11-20"),
        );
    }

    #[test]
    fn reads_last_friday_with_its_date() {
        // Wednesday 20 November 2024: last Saturday is 16 November.
        assert_finds(
            &kind(),
            "The strike ended <<last Saturday, 26 October>>.",
            Some("2024-11-20"),
        );
        assert_clean(
            &kind(),
            "The strike ended last Saturday, 16 November.",
            Some("2024-11-20"),
        );
        assert_finds(
            &kind(),
            "The strike ended <<last Saturday (October 26)>>.",
            Some("2024-11-20"),
        );
        assert_clean(
            &kind(),
            "The strike ended last Saturday, on November 16.",
            Some("2024-11-20"),
        );
        // Said on a Wednesday, "last Monday" may be two days back or the Monday before.
        assert_clean(
            &kind(),
            "The strike ended last Monday, on November 11.",
            Some("2024-11-20"),
        );
        assert_clean(
            &kind(),
            "The strike ended last Monday, on November 18.",
            Some("2024-11-20"),
        );
    }

    #[test]
    fn flags_relative_expressions_that_contradict_the_date() {
        let f = assert_finds(
            &kind(),
            "The plant closed <<last month, on 3 December>>.",
            Some("2027-02-10"),
        );
        assert!(f
            .args
            .iter()
            .any(|(k, v)| k == "year_note" && v.contains("2026")));
        assert_finds(
            &kind(),
            "The talks ended <<yesterday (Monday)>>.",
            Some("2026-11-25"),
        );
        assert_finds(
            &kind(),
            "It opened <<two years ago, in 2015>>.",
            Some("2026-11-25"),
        );
    }

    #[test]
    fn allows_matching_pairs() {
        assert_clean(
            &kind(),
            "The plant closed last month, on 3 January.",
            Some("2027-02-10"),
        );
        assert_clean(
            &kind(),
            "The talks ended yesterday (Tuesday).",
            Some("2026-11-25"),
        );
        assert_clean(
            &kind(),
            "The talks ended yesterday, and on Monday the union met.",
            Some("2026-11-25"),
        );
        assert_clean(
            &kind(),
            "The talks ended yesterday (Monday).",
            None,
        );
    }

    #[test]
    fn regression_allows_clock_times_beside_today() {
        assert_clean(
            &kind(),
            "An advisory issued at 11 a.m. today (1500 UTC) said so.",
            Some("2019-09-01"),
        );
    }
}
