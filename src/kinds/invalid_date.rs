//! `invalid-date`: a date that no calendar has ("31 April", "29 February 2023",
//! "32 May", month 13 in a numeric date).
//!
//! Why: an impossible date is always a typo, and a reader cannot tell which half is wrong.
//! Limits: a year-less 29 February is allowed (it may be a leap year); numeric dates
//! whose day/month order is unknown are not read at all.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::date::{days_in_month, month_name};

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
    fn allows_real_days() {
        assert_clean(
            &InvalidDate,
            "on 30 April 2026, 29 February 2024 and 29 February.",
            None,
        );
        assert_clean(&InvalidDate, "on 3/4/2026", None);
    }
}
