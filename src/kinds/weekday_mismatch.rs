//! `weekday-mismatch`: a weekday written beside a date must be that date's weekday.
//!
//! Why: "Monday, 29 November 2026" sends readers to the wrong day (it is a Sunday).
//! Either half may be the error, so the fix (the weekday that fits) is unsafe and the
//! help also names the dates near it that do fall on the stated weekday.
//! Limits: only a weekday written directly beside the date ("Monday, 29 November",
//! "29 November (Monday)") is paired with it. A date without a year takes the year that
//! puts it nearest the reference date, and is skipped when there is none.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::date::{month_name, weekday_name};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Check dates written without a year, resolving the year from the reference date.
    #[serde(default = "yes")]
    pub year_less: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug)]
pub struct WeekdayMismatch {
    params: Params,
}

impl WeekdayMismatch {
    pub fn new(params: Params) -> Self {
        WeekdayMismatch { params }
    }
}

impl Build for WeekdayMismatch {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(WeekdayMismatch::new(params))
    }
}

impl Kind for WeekdayMismatch {
    fn args(&self) -> Vec<String> {
        ["date", "stated", "actual", "year_note", "alternative"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for date in cx.mentions.dates() {
            let Some(mut stated) = date.weekday else { continue };
            if date.is_invalid() || date.ambiguous {
                continue;
            }
            // "Thursday to Saturday (August 27-29)": the first weekday pairs with the
            // first day, the weekday beside the bracket with the last.
            let range = weekday_range(cx.text, date.date_span, stated);
            let last_stated = stated;
            if let Some((first, _)) = range {
                stated = first;
            }
            let (day, year_note) = match (date.full_date(), cx.reference.date) {
                (Some(d), _) => (d, String::new()),
                (None, Some(reference)) if self.params.year_less => {
                    let Some(d) = date.date_near(reference) else {
                        continue;
                    };
                    // A year written in the passage ("In August 1908, ... On Friday,
                    // August 14th") is the year the writer means when the weekday fits it.
                    if passage_years(cx, date).any(|y| {
                        jiff::civil::Date::new(y, d.month(), d.day())
                            .is_ok_and(|c| c.weekday() == stated.value)
                    }) {
                        continue;
                    }
                    (
                        d,
                        format!(" (taking the year {} from the reference date)", d.year()),
                    )
                }
                _ => continue,
            };
            let mut day = day;
            if let Some((_, last)) = range {
                if day.weekday() == stated.value {
                    // The first weekday fits: the last must fit the last day.
                    let Ok(end) = jiff::civil::Date::new(day.year(), day.month(), last) else {
                        continue;
                    };
                    stated = last_stated;
                    day = end;
                }
            }
            let actual = day.weekday();
            if actual == stated.value {
                continue;
            }
            // The nearest date with the stated weekday, within three days: the other fix.
            let shift =
                (stated.value.to_monday_zero_offset() - actual.to_monday_zero_offset() + 7) % 7;
            let alt = if shift <= 3 {
                day.checked_add(jiff::Span::new().days(shift))
            } else {
                day.checked_sub(jiff::Span::new().days(7 - shift))
            };
            let alt = alt.ok();
            let alternative = alt.map_or(String::new(), |a| {
                format!("{} {} {}", a.day(), month_name(a.month()), a.year())
            });
            let full_stated = weekday_name(stated.value);
            let full_actual = weekday_name(actual);
            let date_text = format!("{} {} {}", day.day(), month_name(day.month()), day.year());
            let mut finding = Finding::at(date.span)
                    .arg("date", &date_text)
                    .arg("stated", full_stated)
                    .arg("actual", full_actual)
                    .arg("year_note", &year_note)
                    .arg("alternative", &alternative)
                    .label(stated.span, "stated weekday")
                    .label(date.date_span, format!("a {full_actual}"))
                    .unsafe_fix(stated.span, fit_case(cx.text, stated.span, full_actual));
            // The other repair: keep the weekday and move the day, when the nearest
            // date with that weekday is in the same month.
            if let Some(a) = alt.filter(|a| a.month() == day.month() && a.year() == day.year())
            {
                if let Some((span, replacement)) = day_repair(cx.text, date.date_span, day, a) {
                    finding = finding.alternative(span, replacement);
                }
            }
            out.push(finding);
        }
    }
}

/// A weekday range paired with a date range: "Thursday to Saturday (August 27-29)".
/// `stated` is the weekday beside the bracket; returns the first weekday of the range
/// and the last day of the month range.
fn weekday_range(
    text: &str,
    date_span: crate::span::Span,
    stated: crate::extract::date::WeekdayMention,
) -> Option<(crate::extract::date::WeekdayMention, i8)> {
    let between = text.get(stated.span.end..date_span.start)?;
    if !between.contains('(') {
        return None;
    }
    let after = text.get(date_span.end..)?;
    let after = after.trim_start();
    let after = ["-", "–", "to ", "through ", "until ", "till "]
        .iter()
        .find_map(|l| after.strip_prefix(l))?
        .trim_start();
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let last: i8 = after.get(..digits)?.parse().ok()?;
    let before = text.get(..stated.span.start)?.trim_end();
    let before = ["to", "through", "until", "till", "-", "–", "and"]
        .iter()
        .find_map(|l| {
            before
                .strip_suffix(l)
                .filter(|b| !l.chars().all(char::is_alphabetic) || b.ends_with(' '))
        })?
        .trim_end();
    let word_start = before
        .rfind(|c: char| !c.is_alphabetic() && c != '.')
        .map_or(0, |i| i + 1);
    let word = before.get(word_start..)?;
    let value = crate::extract::date::weekday_from_name(word.trim_end_matches('.'))?;
    Some((
        crate::extract::date::WeekdayMention {
            span: crate::span::Span::new(word_start, before.len()),
            value,
        },
        last,
    ))
}

/// The years written in the paragraph of `date` and in the three before it: the passage a
/// year-less date is read in.
fn passage_years<'a>(
    cx: &'a CheckContext<'_>,
    date: &'a crate::extract::DateMention,
) -> impl Iterator<Item = i16> + 'a {
    let prose = &cx.doc.prose;
    let paragraph = prose.paragraph_at(date.span.start);
    let start = paragraph
        .and_then(|p| {
            let i = prose.paragraphs.partition_point(|q| q.start < p.start);
            i.checked_sub(3)
                .or(i.checked_sub(2))
                .or(i.checked_sub(1))
                .and_then(|i| prose.paragraphs.get(i))
        })
        .map_or(paragraph.map_or(date.span.start, |p| p.start), |q| q.start);
    let end = paragraph.map_or(date.span.end, |p| p.end);
    cx.mentions
        .dates()
        .iter()
        .filter(move |d| d.span.start >= start && d.span.end <= end)
        .filter_map(|d| d.year)
}

/// The span of the day's number in the date as written, and that number rewritten to
/// `to`'s day (with its ordinal suffix, if the date has one): "29 November 2026" ->
/// "30". `None` when the day's number is not written once and plainly (numeric dates
/// whose day and month are the same number).
fn day_repair(
    text: &str,
    date_span: crate::span::Span,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Option<(crate::span::Span, String)> {
    let written = date_span.text(text);
    let bytes = written.as_bytes();
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let digits = &written[start..i];
        if digits.len() <= 2 && digits.parse::<i8>().ok() == Some(from.day()) {
            if found.is_some() {
                return None;
            }
            found = Some((start, i));
        }
    }
    let (start, mut end) = found?;
    let suffix = written.get(end..end + 2).unwrap_or("");
    let ordinal = ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s));
    let mut replacement = to.day().to_string();
    if ordinal {
        end += 2;
        replacement.push_str(match (to.day() % 10, to.day() / 10 == 1) {
            (1, false) => "st",
            (2, false) => "nd",
            (3, false) => "rd",
            _ => "th",
        });
    }
    Some((
        crate::span::Span::new(date_span.start + start, date_span.start + end),
        replacement,
    ))
}

/// Write `name` as the stated weekday was written: abbreviated ("Mon." -> "Sun."), or
/// in capitals.
fn fit_case(text: &str, span: crate::span::Span, name: &str) -> String {
    let stated = span.text(text);
    let abbreviated = stated.ends_with('.') || stated.len() <= 5;
    let mut s = if abbreviated && stated.len() < name.len() {
        let letters = stated.trim_end_matches('.').len();
        format!(
            "{}{}",
            &name[..letters.min(name.len())],
            if stated.ends_with('.') { "." } else { "" }
        )
    } else {
        name.to_string()
    };
    if stated.len() > 1 && stated.chars().all(|c| !c.is_lowercase()) {
        s = s.to_uppercase();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> WeekdayMismatch {
        WeekdayMismatch::new(Params { year_less: true })
    }

    #[test]
    fn regression_a_year_less_date_takes_the_year_of_its_passage() {
        // 14 August 1908 was a Friday.
        assert_clean(
            &kind(),
            "The riot began in August 1908. On Friday, August 14th, a crowd gathered.",
            Some("2024-08-16"),
        );
        assert_clean(
            &kind(),
            "The Fall 2022 session runs 14 weeks.\n\nIt begins on Monday, September 12.",
            Some("2021-12-01"),
        );
        // A year in the passage that the weekday does not fit changes nothing.
        assert_finds(
            &kind(),
            "The Spring 2023 session closes on <<Friday, April 9th>>.",
            Some("2023-03-01"),
        );
    }

    #[test]
    fn flags_monday_for_a_sunday() {
        let f = assert_finds(&kind(), "It opened on <<Monday, 29 November 2026>>.", None);
        assert!(f.args.contains(&("actual".into(), "Sunday".into())));
        assert_eq!(f.fix.as_ref().map(|f| f.1.as_str()), Some("Sunday"));
        assert_finds(&kind(), "<<Mon. Nov. 29, 2026>>", None);
        assert_finds(&kind(), "<<29 November 2026 (Monday)>>", None);
    }

    #[test]
    fn resolves_year_less_dates_from_the_reference_date() {
        let f = assert_finds(
            &kind(),
            "Talks start <<Monday, 29 November>>.",
            Some("2026-11-20"),
        );
        assert!(f
            .args
            .iter()
            .any(|(k, v)| k == "year_note" && v.contains("2026")));
        assert_clean(
            &kind(),
            "Talks start Sunday, 29 November.",
            Some("2026-11-20"),
        );
        assert_clean(&kind(), "Talks start Monday, 29 November.", None);
    }

    #[test]
    fn allows_correct_and_unpaired_weekdays() {
        assert_clean(&kind(), "It opened on Sunday, 29 November 2026.", None);
        assert_clean(
            &kind(),
            "On Monday officials said 29 November 2026 was the date.",
            None,
        );
        assert_clean(&kind(), "Friday, January 4, 2019", None);
    }

    #[test]
    fn offers_the_date_with_the_stated_weekday_as_the_other_repair() {
        let text = "It opened on Monday, 29 November 2026.";
        let f = assert_finds(&kind(), "It opened on <<Monday, 29 November 2026>>.", None);
        let (span, replacement) = f.alternatives.first().expect("an alternative");
        assert_eq!((span.text(text), replacement.as_str()), ("29", "30"));
        let text = "Voting ends Wednesday, March 5th, 2026.";
        let f = assert_finds(&kind(), "Voting ends <<Wednesday, March 5th, 2026>>.", None);
        let (span, replacement) = f.alternatives.first().expect("an alternative");
        assert_eq!((span.text(text), replacement.as_str()), ("5th", "4th"));
        // The nearest Monday to Sunday 1 March 2026 is 2 March; to Saturday 31 January
        // 2026 it would be in February, which the day alone cannot say.
        let f = assert_finds(&kind(), "<<Monday, 31 January 2026>>", None);
        assert!(f.alternatives.is_empty());
    }

    #[test]
    fn fixes_keep_the_written_form() {
        let f = assert_finds(&kind(), "<<Mon. Nov. 29, 2026>>", None);
        assert_eq!(f.fix.map(|f| f.1), Some("Sun.".into()));
    }
}
