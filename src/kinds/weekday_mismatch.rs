//! `weekday-mismatch`: a weekday written beside a date must be that date's weekday.
//!
//! Why: "Monday, 29 November 2026" sends readers to the wrong day (it is a Sunday).
//! Either half may be the error, so both repairs are offered, both unsafe: the weekday
//! that fits the date (the fix), and the nearest date with the stated weekday (an
//! alternative). When the date is one of a range or list of dated weekdays in a
//! sentence, none of which fits, and all of which would fit a month or two (or, with the
//! year written, a year or two) away, that month (year) is the first fix and the help
//! says so: a schedule copied into the wrong month keeps its weekdays right.
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
        [
            "date",
            "stated",
            "actual",
            "year_note",
            "alternative",
            "preferred",
        ]
        .map(String::from)
        .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let dates = cx.mentions.dates();
        let read: Vec<Option<Paired>> = dates.iter().map(|d| self.pair(cx, d)).collect();
        for (i, (date, paired)) in dates.iter().zip(&read).enumerate() {
            let Some(paired) = paired else { continue };
            let (day, stated) = (paired.day, paired.stated);
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
            let alternative = alt.map_or(String::new(), day_text);
            let full_stated = weekday_name(stated.value);
            let full_actual = weekday_name(actual);
            let weekday_fix = (
                stated.span,
                fit_case(cx.text, stated.span, full_actual),
            );
            // The repair of the date itself: the day alone when the nearest such date is
            // in the same month ("29" -> "30"), else the date rewritten.
            let date_fix = alt.and_then(|a| {
                if a.month() == day.month() && a.year() == day.year() {
                    day_repair(cx.text, date.date_span, day, a)
                } else {
                    rewrite(cx.text, date.date_span, day, a, date.year.is_some())
                }
            });
            // A range or list of dated weekdays whose weekdays all fit another month (or
            // year): that date is the likely repair, for this date and the others.
            let group: Vec<(jiff::civil::Date, jiff::civil::Weekday)> = cx
                .doc
                .prose
                .sentence_at(date.span.start)
                .map(|sentence| {
                    // The sentence's dates, by binary search (dates are sorted).
                    let lo = dates.partition_point(|d| d.span.end <= sentence.start);
                    let hi = dates.partition_point(|d| d.span.start < sentence.end).max(lo);
                    (lo..hi)
                        .filter(|&j| j == i || sentence.contains(dates[j].span))
                        .chain((i < lo || i >= hi).then_some(i))
                        .filter_map(|j| read.get(j).and_then(Option::as_ref))
                        .flat_map(|p| p.pairs.iter().copied())
                        .collect()
                })
                .unwrap_or_default();
            let consistent = consistent_shift(&group, date.year.is_some()).and_then(|shift| {
                let to = shift.apply(day)?;
                let (span, replacement) =
                    rewrite(cx.text, date.date_span, day, to, date.year.is_some())?;
                Some((shift, to, span, replacement))
            });
            let mut preferred = String::new();
            let mut finding = Finding::at(date.span)
                .arg("date", day_text(day))
                .arg("stated", full_stated)
                .arg("actual", full_actual)
                .arg("year_note", &paired.year_note)
                .arg("alternative", &alternative)
                .label(stated.span, "stated weekday")
                .label(date.date_span, format!("a {full_actual}"));
            if let Some((shift, to, span, replacement)) = consistent {
                let period = match shift {
                    Shift::Month(_) => format!("{} {}", month_name(to.month()), to.year()),
                    Shift::Year(_) => to.year().to_string(),
                };
                let what = match shift {
                    Shift::Month(_) => "month",
                    Shift::Year(_) => "year",
                };
                preferred = format!(
                    "every weekday written with these dates fits {period}, so the {what} is the likely error: {}; or ",
                    day_text(to)
                );
                finding = finding
                    .unsafe_fix(span, replacement)
                    .alternative(weekday_fix.0, weekday_fix.1);
                if let Some((span, replacement)) = date_fix {
                    finding = finding.alternative(span, replacement);
                }
            } else {
                finding = finding.unsafe_fix(weekday_fix.0, weekday_fix.1);
                if let Some((span, replacement)) = date_fix {
                    finding = finding.alternative(span, replacement);
                }
            }
            out.push(finding.arg("preferred", preferred));
        }
        // "Wednesday to Sunday, 9-13 February 2023": a weekday range before a range of
        // days that no date mention carries.
        for r in cx.mentions.ranges() {
            let (Some(fm), Some(fd), Some(tm), Some(td)) =
                (r.from.month, r.from.day, r.to.month, r.to.day)
            else {
                continue;
            };
            let inside: Vec<_> = cx.mentions.dates_overlapping(r.span).iter().collect();
            if inside.iter().any(|d| d.weekday.is_some() || d.ambiguous) {
                continue;
            }
            let Some((w1, w2)) = weekdays_before_range(cx.text, r.span.start) else {
                continue;
            };
            let Some(end_mention) = inside.last() else {
                continue;
            };
            let (end_day, year_note) = match (end_mention.full_date(), cx.reference.date) {
                (Some(d), _) => (d, String::new()),
                (None, Some(reference)) if self.params.year_less => {
                    let Some(d) = end_mention.date_near(reference) else {
                        continue;
                    };
                    (
                        d,
                        format!(" (taking the year {} from the reference date)", d.year()),
                    )
                }
                _ => continue,
            };
            if end_day.month() != tm || end_day.day() != td {
                continue;
            }
            let start_year = r.from.year.unwrap_or(end_day.year());
            let Ok(start_day) = jiff::civil::Date::new(start_year, fm, fd) else {
                continue;
            };
            if year_note.is_empty()
                || !end_mention.year_context.passage.iter().copied().any(|y| {
                    jiff::civil::Date::new(y, tm, td).is_ok_and(|c| c.weekday() == w2.value)
                })
            {
                let (stated, day) = if start_day.weekday() != w1.value {
                    (w1, start_day)
                } else if end_day.weekday() != w2.value {
                    (w2, end_day)
                } else {
                    continue;
                };
                let actual = weekday_name(day.weekday());
                out.push(
                    Finding::at(crate::span::Span::new(w1.span.start, r.span.end))
                        .arg("date", day_text(day))
                        .arg("stated", weekday_name(stated.value))
                        .arg("actual", actual)
                        .arg("year_note", &year_note)
                        .arg("alternative", "")
                        .arg("preferred", "")
                        .label(stated.span, "stated weekday")
                        .unsafe_fix(stated.span, fit_case(cx.text, stated.span, actual)),
                );
            }
        }
    }
}

/// A weekday paired with the day it is written beside, and the pairs of day and weekday
/// the mention gives (two for "Thursday to Saturday (August 27-29)").
struct Paired {
    /// The day checked: the one whose weekday is wrong, if either is.
    day: jiff::civil::Date,
    stated: crate::extract::date::WeekdayMention,
    year_note: String,
    pairs: Vec<(jiff::civil::Date, jiff::civil::Weekday)>,
}

impl WeekdayMismatch {
    /// The day and weekday of `date` to compare, when it has a weekday and a day.
    fn pair(&self, cx: &CheckContext<'_>, date: &crate::extract::DateMention) -> Option<Paired> {
        let mut stated = date.weekday?;
        if date.is_invalid() || date.ambiguous {
            return None;
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
                let d = date.date_near(reference)?;
                // A year written in the passage ("In August 1908, ... On Friday,
                // August 14th") is the year the writer means when the weekday fits it.
                if date.year_context.passage.iter().copied().any(|y| {
                    jiff::civil::Date::new(y, d.month(), d.day())
                        .is_ok_and(|c| c.weekday() == stated.value)
                }) {
                    return None;
                }
                (
                    d,
                    format!(" (taking the year {} from the reference date)", d.year()),
                )
            }
            _ => return None,
        };
        let mut pairs = vec![(day, stated.value)];
        let mut checked = day;
        if let Some((_, last)) = range {
            let end = jiff::civil::Date::new(day.year(), day.month(), last).ok()?;
            pairs.push((end, last_stated.value));
            if day.weekday() == stated.value {
                // The first weekday fits: the last must fit the last day.
                stated = last_stated;
                checked = end;
            }
        }
        Some(Paired {
            day: checked,
            stated,
            year_note,
            pairs,
        })
    }
}

/// How a range or list of dated weekdays would all fit: another month, or another year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shift {
    Month(i32),
    Year(i16),
}

impl Shift {
    /// `d` in the other month or year, with the same day (`None` if it has no such day).
    fn apply(self, d: jiff::civil::Date) -> Option<jiff::civil::Date> {
        match self {
            Shift::Month(k) => {
                let first = d
                    .first_of_month()
                    .checked_add(jiff::Span::new().months(k))
                    .ok()?;
                jiff::civil::Date::new(first.year(), first.month(), d.day()).ok()
            }
            Shift::Year(k) => {
                jiff::civil::Date::new(d.year().checked_add(k)?, d.month(), d.day()).ok()
            }
        }
    }
}

/// The nearest month (or, when the year is written, year) in which every pair of day and
/// weekday fits, when there are at least two pairs and none fits as written. Only a
/// month or two (a year or two) away: further off, a fit is chance.
fn consistent_shift(
    pairs: &[(jiff::civil::Date, jiff::civil::Weekday)],
    year_written: bool,
) -> Option<Shift> {
    if pairs.len() < 2 || pairs.iter().any(|(d, w)| d.weekday() == *w) {
        return None;
    }
    let mut candidates = vec![Shift::Month(1), Shift::Month(-1)];
    if year_written {
        candidates.extend([Shift::Year(-1), Shift::Year(1)]);
    }
    candidates.extend([Shift::Month(2), Shift::Month(-2)]);
    if year_written {
        candidates.extend([Shift::Year(-2), Shift::Year(2)]);
    }
    candidates.into_iter().find(|shift| {
        pairs
            .iter()
            .all(|(d, w)| shift.apply(*d).is_some_and(|s| s.weekday() == *w))
    })
}

/// "14 March 2022".
fn day_text(d: jiff::civil::Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// The date as written (`date_span`), rewritten from `from` to `to` in the same form:
/// the day's number (with its ordinal suffix), the month's name (full or abbreviated, as
/// written) and the year. Returns the smallest whole-word span that changes and its new
/// text. `None` when a part cannot be found once and plainly (numeric dates), or when
/// the year must change and is not written.
fn rewrite(
    text: &str,
    date_span: crate::span::Span,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
    year_written: bool,
) -> Option<(crate::span::Span, String)> {
    if from.year() != to.year() && !year_written {
        return None;
    }
    let written = date_span.text(text);
    let mut out = String::new();
    let (mut day_done, mut month_done) = (false, false);
    let mut rest = written;
    while !rest.is_empty() {
        let len = match rest.find(|c: char| !c.is_alphanumeric()) {
            Some(0) => rest.chars().next().map_or(1, char::len_utf8),
            Some(n) => n,
            None => rest.len(),
        };
        let (token, tail) = rest.split_at(len);
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let n: i32 = digits.parse().ok()?;
            if digits.len() == 4 && n == i32::from(from.year()) {
                out.push_str(&to.year().to_string());
            } else if digits.len() <= 2 && n == i32::from(from.day()) && !day_done {
                day_done = true;
                out.push_str(&to.day().to_string());
                if token.len() > digits.len() {
                    out.push_str(ordinal_suffix(to.day()));
                }
            } else {
                return None;
            }
        } else if let Some(m) = crate::extract::date::month_number(token) {
            if m != from.month() || month_done {
                return None;
            }
            month_done = true;
            out.push_str(&month_as_written(token, to.month()));
        } else {
            out.push_str(token);
        }
        rest = tail;
    }
    if !day_done || !month_done {
        return None;
    }
    // The smallest span of whole words that changes.
    let prefix = written
        .char_indices()
        .zip(out.chars())
        .find(|((_, a), b)| a != b)
        .map_or(written.len().min(out.len()), |((i, _), _)| i);
    let suffix = written
        .chars()
        .rev()
        .zip(out.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>()
        .min(written.len() - prefix)
        .min(out.len() - prefix);
    let is_word = |c: char| c.is_alphanumeric();
    let start = written[..prefix]
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + 1);
    let mut end = written.len() - suffix;
    end += written[end..].find(|c: char| !is_word(c)).unwrap_or(written.len() - end);
    let out_end = out.len() - (written.len() - end);
    Some((
        crate::span::Span::new(date_span.start + start, date_span.start + end),
        out.get(start..out_end)?.to_string(),
    ))
}

fn ordinal_suffix(day: i8) -> &'static str {
    match (day % 10, day / 10 == 1) {
        (1, false) => "st",
        (2, false) => "nd",
        (3, false) => "rd",
        _ => "th",
    }
}

/// Month `m` written as `token` writes its month: "November" -> "December", "Nov" ->
/// "Dec", "NOV" -> "DEC".
fn month_as_written(token: &str, m: i8) -> String {
    let name = month_name(m);
    let lower = token.to_ascii_lowercase();
    let full = token.len() > 4 || ["may", "june", "july"].contains(&lower.as_str());
    let s = if full {
        name.to_string()
    } else {
        name.get(..3).unwrap_or(name).to_string()
    };
    if token.len() > 1 && token.chars().all(|c| c.is_ascii_uppercase()) {
        s.to_uppercase()
    } else {
        s
    }
}

/// A weekday range paired with a date range: "Thursday to Saturday (August 27-29)",
/// "Friday to Sunday, May 19-21".
/// `stated` is the weekday beside the bracket; returns the first weekday of the range
/// and the last day of the month range.
fn weekday_range(
    text: &str,
    date_span: crate::span::Span,
    stated: crate::extract::date::WeekdayMention,
) -> Option<(crate::extract::date::WeekdayMention, i8)> {
    // "Thursday to Saturday (August 27-29)", "Friday to Sunday, May 19-21".
    let between = text.get(stated.span.end..date_span.start)?;
    if !between.contains('(') && between.trim() != "," {
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

/// A weekday range written before a range of days: "Wednesday to Sunday, 9-13 February
/// 2023", "Friday-Sunday, May 19-21". Returns each weekday with its span.
fn weekdays_before_range(
    text: &str,
    start: usize,
) -> Option<(
    crate::extract::date::WeekdayMention,
    crate::extract::date::WeekdayMention,
)> {
    let before = text.get(..start)?.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    let word = |s: &str| -> Option<(crate::extract::date::WeekdayMention, usize)> {
        let word_start = s.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
        let name = s.get(word_start..)?;
        if !name.ends_with("day") {
            return None;
        }
        let value = crate::extract::date::weekday_from_name(name)?;
        Some((
            crate::extract::date::WeekdayMention {
                span: crate::span::Span::new(word_start, s.len()),
                value,
            },
            word_start,
        ))
    };
    let (last, last_start) = word(before)?;
    let rest = before.get(..last_start)?.trim_end();
    let rest = ["to", "through", "until", "till", "-", "–"]
        .iter()
        .find_map(|l| {
            rest.strip_suffix(l)
                .filter(|b| !l.chars().all(char::is_alphabetic) || b.ends_with(' '))
        })?
        .trim_end();
    let (first, _) = word(rest)?;
    Some((first, last))
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
        // The nearest Monday to Saturday 31 January 2026 is in February: the date is
        // rewritten.
        let text = "Monday, 31 January 2026";
        let f = assert_finds(&kind(), "<<Monday, 31 January 2026>>", None);
        let (span, replacement) = f.alternatives.first().expect("an alternative");
        assert_eq!(
            (span.text(text), replacement.as_str()),
            ("31 January", "2 February")
        );
        let text = "Mon. Jan. 31st, 2026";
        let f = assert_finds(&kind(), "<<Mon. Jan. 31st, 2026>>", None);
        let (span, replacement) = f.alternatives.first().expect("an alternative");
        assert_eq!(
            (span.text(text), replacement.as_str()),
            ("Jan. 31st", "Feb. 2nd")
        );
    }

    #[test]
    fn prefers_the_month_in_which_every_weekday_of_a_range_fits() {
        use crate::kinds::testing::run;
        // 12 and 14 March 2027 are a Friday and a Sunday; the weekdays written fit April.
        let text = "The fair runs from Monday, 12 April 2027 to Wednesday, 14 April 2027.";
        assert!(run(&kind(), text, None).is_empty());
        let text = "The fair runs from Monday, 12 March 2027 to Wednesday, 14 March 2027.";
        let found = run(&kind(), text, None);
        assert_eq!(found.len(), 2, "{found:?}");
        for f in &found {
            let (span, replacement, _) = f.fix.clone().expect("a fix");
            assert_eq!((span.text(text), replacement.as_str()), ("March", "April"));
            assert!(f
                .args
                .iter()
                .any(|(k, v)| k == "preferred" && v.contains("April 2027")));
            // The weekday and the nearest date stay on offer.
            assert_eq!(f.alternatives.len(), 2, "{f:?}");
        }
        // Weekdays that fit no one month: the weekday is the first fix.
        let text = "It runs from Monday, 12 March 2027 to Thursday, 14 March 2027.";
        let found = run(&kind(), text, None);
        let fixes: Vec<_> = found.iter().filter_map(|f| f.fix.clone()).map(|f| f.1).collect();
        assert_eq!(fixes, vec!["Friday".to_string(), "Sunday".to_string()]);
    }

    #[test]
    fn prefers_the_year_in_which_every_dated_weekday_fits() {
        // Thursday 4 and Friday 5 March are 2027's; written with 2026.
        let text = "Talks on Thursday, 4 March 2026 and Friday, 5 March 2026 failed.";
        let found = run_kind(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let (span, replacement, _) = found[0].fix.clone().expect("a fix");
        assert_eq!((span.text(text), replacement.as_str()), ("2026", "2027"));
    }

    fn run_kind(text: &str) -> Vec<Finding> {
        crate::kinds::testing::run(&kind(), text, None)
    }

    #[test]
    fn reads_a_weekday_range_before_a_range_of_days() {
        // 19 May 2023 is a Friday.
        assert_clean(
            &kind(),
            "The fair runs Friday to Sunday, May 19-21, and Friday to Sunday, 19-21 May.",
            Some("2023-05-01"),
        );
        assert_finds(
            &kind(),
            "The fair runs <<Saturday to Monday, 19-21 May>>.",
            Some("2023-05-01"),
        );
        assert_finds(
            &kind(),
            "Hearings run <<Wednesday to Sunday, 9-13 February 2023>>.",
            None,
        );
        assert_clean(
            &kind(),
            "Hearings run Thursday to Monday, 9-13 February 2023.",
            None,
        );
    }

    #[test]
    fn fixes_keep_the_written_form() {
        let f = assert_finds(&kind(), "<<Mon. Nov. 29, 2026>>", None);
        assert_eq!(f.fix.map(|f| f.1), Some("Sun.".into()));
    }
}
