//! `invalid-date`: a date that no calendar has ("31 April", "29 February 2023",
//! "32 May", month 13 in a numeric date).
//!
//! Why: an impossible date is always a typo, and a reader cannot tell which half is wrong.
//! Limits: a year-less 29 February is allowed (it may be a leap year); numeric dates
//! whose day/month order is unknown are not read at all.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::date::{days_in_month, month_name};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct InvalidDate;

impl InvalidDate {
    pub fn new(_: Params) -> Self {
        InvalidDate
    }
}

impl Build for InvalidDate {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(InvalidDate::new(params))
    }
}

impl Kind for InvalidDate {
    fn args(&self) -> Vec<String> {
        ["date", "reason"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for date in cx.mentions.dates() {
            if !date.is_invalid() {
                continue;
            }
            let reason = match (date.month, date.day) {
                (Some(m), _) if !(1..=12).contains(&m) => format!("there is no month {m}"),
                (Some(2), Some(29)) => format!(
                    "{} is not a leap year",
                    date.year.map_or(String::new(), |y| y.to_string())
                ),
                (Some(m), Some(d)) if d < 1 => format!("{} has no day {d}", month_name(m)),
                (Some(m), Some(_)) => format!(
                    "{} has only {} days",
                    month_name(m),
                    days_in_month(date.year.unwrap_or(2001), m)
                ),
                _ => continue,
            };
            out.push(
                Finding::at(date.date_span)
                    .arg("date", date.date_span.text(cx.text))
                    .arg("reason", reason),
            );
        }
        // A day written alone inside a range of days: "April 30-31", "from June 28 to
        // 31, 2025" (the month is written once, with the other day).
        for r in cx.mentions.ranges() {
            // One finding for a range: a date of it already reported is enough.
            if cx
                .mentions
                .dates_overlapping(r.span)
                .iter()
                .any(|x| r.span.overlaps(x.span) && x.is_invalid())
            {
                continue;
            }
            for (point, span) in [(r.from, r.from_span), (r.to, r.to_span)] {
                let (Some(m), Some(d)) = (point.month, point.day) else {
                    continue;
                };
                if cx
                    .mentions
                    .dates_overlapping(span)
                    .iter()
                    .any(|x| x.date_span.overlaps(span))
                    || !(1..=12).contains(&m)
                {
                    continue;
                }
                let max = days_in_month(point.year.unwrap_or(2000), m);
                if (1..=max).contains(&d) {
                    continue;
                }
                let reason = match (m, point.year) {
                    (2, Some(y)) if d == 29 => format!("{y} is not a leap year"),
                    _ => format!("{} has only {max} days", month_name(m)),
                };
                let written = r.from_span.cover(r.to_span).cover(Span::new(r.span.end, r.span.end));
                out.push(
                    Finding::at(span)
                        .arg("date", written.text(cx.text))
                        .arg("reason", reason)
                        .label(written, "the range"),
                );
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_impossible_days() {
        let f = assert_finds(&InvalidDate, "due on <<31 April 2026>>.", None);
        assert!(f.args.iter().any(|(_, v)| v == "April has only 30 days"));
        let f = assert_finds(&InvalidDate, "on <<29 February 2023>>", None);
        assert!(f.args.iter().any(|(_, v)| v == "2023 is not a leap year"));
        assert_finds(&InvalidDate, "on <<2026-13-01>>", None);
        assert_finds(&InvalidDate, "on <<June 31>>", None);
    }

    #[test]
    fn flags_impossible_days_inside_a_range() {
        let f = assert_finds(&InvalidDate, "a fair on April 30-<<31>>, 2024.", None);
        assert!(f.args.iter().any(|(_, v)| v == "April 30-31, 2024"));
        assert_finds(&InvalidDate, "held from June 28 to <<31>> at the court.", None);
        let f = assert_finds(&InvalidDate, "from February 25 to <<29>>, 2018.", None);
        assert!(f.args.iter().any(|(_, v)| v == "2018 is not a leap year"));
        assert_finds(&InvalidDate, "on 30-<<31 February 2026>>", None);
        assert_clean(&InvalidDate, "from February 25 to 29, 2024 and June 28-30.", None);
    }

    #[test]
    fn allows_real_days() {
        assert_clean(
            &InvalidDate,
            "on 30 April 2026, 29 February 2024 and 29 February.",
            None,
        );
        assert_clean(&InvalidDate, "on 3/4/2026", None);
    }
}
