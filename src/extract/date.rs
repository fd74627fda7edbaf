//! Dates: full dates with an optional weekday, month-day, month-year, numeric and ISO
//! dates, and years. One regex, one pass over the prose.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use crate::re::Captures;
use jiff::civil::{Date, Weekday};

use super::cue::{Anchor, Cue, DateContext};
use super::locale::Locale;
use crate::span::Span;

/// How a date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateForm {
    /// "29 November 2026", "29th of November"
    DayMonth,
    /// "November 29, 2026", "Nov. 29"
    MonthDay,
    /// "2026-11-29"
    Iso,
    /// "29/11/2026", "11/29/2026"
    Numeric,
    /// "October 2017"
    MonthYear,
    /// "2017"
    Year,
}

/// A weekday written beside a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekdayMention {
    pub span: Span,
    pub value: Weekday,
}

/// A date as written. Fields hold what the text says, so "31 April" keeps day 31.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The whole mention, weekday included.
    pub span: Span,
    /// The date without its weekday.
    pub date_span: Span,
    pub form: DateForm,
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
    pub weekday: Option<WeekdayMention>,
    /// A numeric date whose day and month order cannot be told (3/4/2026 with no locale).
    pub ambiguous: bool,
    /// The verb or cue that governs the date ("was held on", "will take place in",
    /// "born in"), when it stands directly before it.
    pub cue: Option<Cue>,
    /// The state anchor that ties the date to the present ("as of", "currently").
    pub anchor: Option<Anchor>,
    /// Inside a quotation.
    pub quoted: bool,
    /// In a sentence that is conditional ("if", "would") or reported speech ("said").
    pub hedged: bool,
    /// The years written around the date, in which a date without a year is read (see
    /// [`YearContext`]).
    pub year_context: YearContext,
}

/// The years a date is read among: a day and month without a year take the year of
/// their passage ("The 2027 festival opens on Friday, June 4"; "In the 2015 floods ...
/// On 3 October the river rose"), not the publication's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearContext {
    /// The distinct years written in its paragraph before it, in order.
    pub earlier: Vec<i16>,
    /// The distinct years written in its paragraph and the three paragraphs before it
    /// (a heading with a year included), in order: the passage it is read in.
    pub passage: Vec<i16>,
}

/// Record each date's [`YearContext`]: `dates` sorted by start, `paragraphs` the
/// document's paragraphs in order. Each date's window is found by binary search.
pub fn set_year_contexts(paragraphs: &[Span], dates: &mut [DateMention]) {
    let starts: Vec<(usize, Option<i16>)> = dates.iter().map(|d| (d.span.start, d.year)).collect();
    let years_in = |from: usize, to: usize| -> Vec<i16> {
        let lo = starts.partition_point(|&(s, _)| s < from);
        let hi = starts.partition_point(|&(s, _)| s < to);
        let mut out: Vec<i16> = Vec::new();
        for &(_, y) in starts.get(lo..hi.max(lo)).unwrap_or(&[]) {
            if let Some(y) = y.filter(|y| !out.contains(y)) {
                out.push(y);
            }
        }
        out
    };
    for d in dates.iter_mut() {
        let p = paragraphs.partition_point(|p| p.end <= d.span.start);
        let Some(paragraph) = paragraphs.get(p).filter(|q| q.start <= d.span.start) else {
            continue;
        };
        let first = paragraphs
            .get(p.saturating_sub(3))
            .map_or(paragraph.start, |q| q.start);
        d.year_context = YearContext {
            earlier: years_in(paragraph.start, d.span.start),
            passage: years_in(first, paragraph.end),
        };
    }
}

impl DateMention {
    /// The date as written, completed with what the temporal expressions say of it.
    pub fn with_context(self, context: DateContext) -> DateMention {
        DateMention {
            cue: context.cue,
            anchor: context.anchor,
            quoted: context.quoted,
            hedged: context.hedged,
            ..self
        }
    }

    /// The calendar date, when the text gives a valid day, month and year.
    pub fn full_date(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?).ok()
    }

    /// Whether the text names a day that no calendar has ("31 April", month 13).
    /// A year-less 29 February is possible (a leap year) and so is not invalid.
    pub fn is_invalid(&self) -> bool {
        if self.ambiguous {
            return false;
        }
        match (self.month, self.day) {
            (Some(m), _) if !(1..=12).contains(&m) => true,
            (Some(m), Some(d)) => {
                let max = days_in_month(self.year.unwrap_or(2000), m);
                d < 1 || d > max
            }
            _ => false,
        }
    }

    /// The first and last day the mention can mean, when it names a year: a full date
    /// is one day, "October 2017" a month, "2017" a year. A year-less date has none.
    pub fn bounds(&self) -> Option<(Date, Date)> {
        if self.ambiguous || self.is_invalid() {
            return None;
        }
        let y = self.year?;
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.full_date().map(|d| (d, d)),
            (Some(m), None) => Some((
                Date::new(y, m, 1).ok()?,
                Date::new(y, m, days_in_month(y, m)).ok()?,
            )),
            _ => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
        }
    }

    /// Whether the text gives a day and a month but no year ("29 November", "Nov 29").
    pub fn is_year_less(&self) -> bool {
        self.year.is_none() && self.month.is_some() && self.day.is_some()
    }

    /// The date in the year that puts it nearest `reference` (within about six months),
    /// for a day and month written without a year.
    pub fn date_near(&self, reference: Date) -> Option<Date> {
        if let Some(d) = self.full_date() {
            return Some(d);
        }
        let (m, d) = (self.month?, self.day?);
        let y = reference.year();
        [y - 1, y, y + 1]
            .into_iter()
            .filter_map(|y| Date::new(y, m, d).ok())
            .min_by_key(|c| {
                c.since(reference)
                    .map(|s| s.get_days().abs())
                    .unwrap_or(i32::MAX)
            })
    }
}

pub use crate::lexicon::{days_in_month, month_name, month_number};

fn weekday_of(n: i8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n).ok()
}

pub fn weekday_from_name(name: &str) -> Option<Weekday> {
    crate::lexicon::WEEKDAYS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .and_then(|&(_, w)| weekday_of(w))
}

pub fn weekday_name(w: Weekday) -> &'static str {
    let n = w.to_monday_one_offset();
    crate::lexicon::WEEKDAYS
        .iter()
        .find(|(_, v)| *v == n)
        .map_or("", |(n, _)| n)
}

pub(crate) static DATE_RE: LazyLock<Prebuilt> =
    LazyLock::new(|| Prebuilt::new(crate::patterns::date(), embedded!("date")));

/// Find every date mention in `text`.
pub fn extract(text: &str, locale: Locale, out: &mut Vec<DateMention>) {
    for caps in DATE_RE.captures_iter(text) {
        if let Some(m) = read(text, &caps, locale) {
            out.push(m);
        }
    }
}

fn num<T: std::str::FromStr>(caps: &Captures<'_>, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// Two-letter weekday abbreviations ("Mo", "Tu", ...), read only before a date.
const TWO_LETTER_WEEKDAYS: [(&str, Weekday); 7] = [
    ("Mo", Weekday::Monday),
    ("Tu", Weekday::Tuesday),
    ("We", Weekday::Wednesday),
    ("Th", Weekday::Thursday),
    ("Fr", Weekday::Friday),
    ("Sa", Weekday::Saturday),
    ("Su", Weekday::Sunday),
];

/// Words after which a two-letter weekday may follow in running text ("on Tu 3 March",
/// "from Mo, 7 October to Fr, 11 October"). After any other word, "and" included, it
/// may be a name ("told Mo 3 May", "Salah and Mo 3 May").
const BEFORE_TWO_LETTER: &[&str] = &["on", "from", "until", "till", "to"];

/// Whether the two-letter weekday starting at `start` stands where a weekday can: at the
/// start of a line or after punctuation (a dateline, a table cell, a list), or after a
/// preposition.
fn two_letter_weekday_fits(text: &str, start: usize) -> bool {
    let line = text.get(..start).unwrap_or("");
    let line = line.rsplit('\n').next().unwrap_or("").trim_end();
    match line.chars().next_back() {
        None => true,
        Some(c) if c.is_alphanumeric() => {
            let word = line
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            BEFORE_TWO_LETTER.contains(&word)
        }
        // "'Mo 3 May'" would be a name in a quotation as much as a weekday.
        Some(c) => !matches!(c, '\'' | '"' | '\u{2018}' | '\u{201c}'),
    }
}

fn read(text: &str, caps: &Captures<'_>, locale: Locale) -> Option<DateMention> {
    let whole = caps.get(0)?;
    if caps.name("na").is_some() && caps.name("ny").is_none() {
        // A day and month in numbers: not part of a longer number or date ("1/4/23",
        // "4/23/26", "2.4/5", "4/5%").
        let (na, nb) = (caps.name("na")?, caps.name("nb")?);
        let before = text.get(..na.start()).unwrap_or("").chars().next_back();
        let after = text.get(nb.end()..).unwrap_or("");
        if matches!(before, Some('/' | '.' | '-' | '$' | '£' | '€'))
            || after.starts_with(['/', '-', '%'])
            || after.starts_with(['.', ',', ':'])
                && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
    }
    let mut span = Span::new(whole.start(), whole.end());
    let mut date_end = whole.end();
    let wd1 = caps.name("wd1").or(caps.name("wd1s"));
    if let Some(close) = caps.name("close") {
        // "Sunday (Nov. 29)": the bracket belongs to the mention only when the weekday
        // opened it.
        let opened = wd1
            .and_then(|wd| text.get(wd.end()..close.start()))
            .is_some_and(|between| between.contains('('));
        if !opened {
            span.end = close.start();
        }
        date_end = close.start();
    }
    let weekday = ["wd1", "wd1s", "wd2", "wd3"].iter().find_map(|n| {
        let m = caps.name(n)?;
        // "The Sun, 3 June 2022" cites a newspaper: a weekday abbreviation without its
        // full stop after "the" is a name, not a weekday.
        let dotless = !m.as_str().ends_with('.') && m.as_str().len() <= 5;
        let before = text.get(..m.start()).unwrap_or("").trim_end();
        if *n == "wd1"
            && dotless
            && (before.ends_with(" the") || before.ends_with(" The") || before == "The")
        {
            return None;
        }
        let name = m.as_str().trim_end_matches('.');
        if *n == "wd1s" && !two_letter_weekday_fits(text, m.start()) {
            return None;
        }
        let value = if *n == "wd1s" {
            TWO_LETTER_WEEKDAYS
                .iter()
                .find(|(two, _)| *two == name)
                .map(|&(_, w)| w)?
        } else {
            weekday_from_name(name)?
        };
        Some(WeekdayMention {
            span: Span::new(m.start(), m.end()),
            value,
        })
    });
    if weekday.is_none() && caps.name("na").is_some() && caps.name("ny").is_none() {
        // Without its weekday, "3/4" is a fraction or a score.
        return None;
    }
    // "Tuesday night (3 May)": the date starts after the part of the day.
    let wd1_end = caps.name("part").or(wd1).map(|m| m.end());
    let mut date_span = span;
    if let (Some(wd_end), None) = (wd1_end, weekday) {
        // The name before the date is not a weekday: the mention is the date alone.
        let rest = text.get(wd_end..date_end).unwrap_or("");
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace())
                .len();
        span.start = wd_end + skip;
        date_span = span;
        date_span.end = date_end;
    } else if let Some(wd_end) = wd1_end {
        // The date starts after "Monday, ".
        let rest = text.get(wd_end..date_end).unwrap_or("");
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c == ',' || c == '.' || c == '(' || c.is_whitespace())
                .len();
        let rest2 = text.get(wd_end + skip..date_end).unwrap_or("");
        let skip2 = if rest2.starts_with("the ") { 4 } else { 0 };
        date_span.start = wd_end + skip + skip2;
    }
    date_span.end = date_end.max(date_span.start);
    if let Some(wd) = caps.name("wd2").or(caps.name("wd3")) {
        // "29 November (Sunday)", "April 15, 2020, a Wednesday": the date ends before
        // the bracket or the comma.
        let before = text.get(date_span.start..wd.start()).unwrap_or("");
        let trimmed = before.trim_end();
        let trimmed = trimmed
            .strip_suffix(" an")
            .or_else(|| trimmed.strip_suffix(" a"))
            .unwrap_or(trimmed);
        let trimmed = trimmed.trim_end_matches(|c: char| c == '(' || c == ',' || c.is_whitespace());
        date_span.end = date_span.start + trimmed.len();
    }
    let mention = |form, year, month, day, ambiguous| DateMention {
        span,
        date_span,
        form,
        year,
        month,
        day,
        weekday,
        ambiguous,
        cue: None,
        anchor: None,
        quoted: false,
        hedged: false,
        year_context: YearContext::default(),
    };
    if let Some(y) = caps.name("yr") {
        // A bare year: not part of a larger number ("1,2019", "2019.5", "$2019"), a
        // percentage or a range written with a slash.
        let before = text[..y.start()].chars().next_back();
        let after = &text[y.end()..];
        if matches!(
            before,
            Some('$' | '£' | '€' | '#' | '/' | '.' | ',' | '-' | '+')
        ) || after.starts_with('%')
            || after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with('/')
        {
            return None;
        }
        let year = y.as_str().parse().ok();
        return Some(mention(DateForm::Year, year, None, None, false));
    }
    let month_of = |name: &str| month_number(name.trim_end_matches('.'));
    if let Some(m) = caps.name("m1") {
        return Some(mention(
            DateForm::DayMonth,
            num(caps, "y1"),
            month_of(m.as_str()),
            num(caps, "d1"),
            false,
        ));
    }
    if let Some(m) = caps.name("m2") {
        return Some(mention(
            DateForm::MonthDay,
            num(caps, "y2"),
            month_of(m.as_str()),
            num(caps, "d2"),
            false,
        ));
    }
    if let Some(m) = caps.name("m3") {
        return Some(mention(
            DateForm::MonthYear,
            num(caps, "y3"),
            month_of(m.as_str()),
            None,
            false,
        ));
    }
    if caps.name("iy").is_some() {
        return Some(mention(
            DateForm::Iso,
            num(caps, "iy"),
            num(caps, "im"),
            num(caps, "id"),
            false,
        ));
    }
    if caps.name("ny").is_none() && caps.name("na").is_some() {
        // A day and month beside a weekday: a number above 12 is the day whatever the
        // locale; two small numbers take the locale's order, or stay ambiguous.
        let (a, b): (i8, i8) = (num(caps, "na")?, num(caps, "nb")?);
        if !(1..=31).contains(&a) || !(1..=31).contains(&b) || a > 12 && b > 12 {
            return None;
        }
        let (month, day, ambiguous) = match locale {
            _ if a > 12 => (b, a, false),
            _ if b > 12 => (a, b, false),
            Locale::EnUs => (a, b, false),
            Locale::EnGb => (b, a, false),
            Locale::Unknown => (a, b, true),
        };
        return Some(mention(
            DateForm::Numeric,
            None,
            Some(month),
            Some(day),
            ambiguous,
        ));
    }
    if caps.name("ny").is_some() {
        let (a, b): (i8, i8) = (num(caps, "na")?, num(caps, "nb")?);
        let year = num(caps, "ny");
        let (month, day, ambiguous) = match locale {
            Locale::EnUs => (a, b, false),
            Locale::EnGb => (b, a, false),
            // Without a locale only an order that one number rules out is read.
            Locale::Unknown if a > 12 && b <= 12 => (b, a, false),
            Locale::Unknown if b > 12 && a <= 12 => (a, b, false),
            Locale::Unknown if a > 12 && b > 12 => (a, b, false),
            Locale::Unknown => (a, b, true),
        };
        return Some(mention(
            DateForm::Numeric,
            year,
            Some(month),
            Some(day),
            ambiguous,
        ));
    }
    None
}

/// Load the date automata now (start-up does it on another thread while rules load).
pub(crate) fn warm_up() {
    LazyLock::force(&DATE_RE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<DateMention> {
        let mut out = Vec::new();
        extract(text, Locale::Unknown, &mut out);
        out
    }

    #[test]
    fn reads_full_dates_with_weekdays() {
        for (text, wd, date) in [
            (
                "on Monday, 29 November 2026 we",
                "Monday",
                "29 November 2026",
            ),
            ("Monday, November 29, 2026", "Monday", "November 29, 2026"),
            ("Mon. Nov. 29, 2026", "Mon.", "Nov. 29, 2026"),
            ("29 November 2026 (Sunday)", "Sunday", "29 November 2026"),
            ("Friday, January 4, 2019", "Friday", "January 4, 2019"),
        ] {
            let d = dates(text);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let w = d[0].weekday.expect("weekday");
            assert_eq!(w.span.text(text), wd, "{text}");
            assert_eq!(d[0].date_span.text(text), date, "{text}");
        }
        let d = dates("2026-11-29");
        assert_eq!(d[0].full_date(), Date::new(2026, 11, 29).ok());
    }

    #[test]
    fn reads_month_year_and_years() {
        let d = dates("as of October 2017, in 2019 and 1,2019 or 2019.5 or 45%");
        let forms: Vec<_> = d.iter().map(|m| (m.form, m.year)).collect();
        assert_eq!(
            forms,
            vec![
                (DateForm::MonthYear, Some(2017)),
                (DateForm::Year, Some(2019))
            ]
        );
    }

    #[test]
    fn finds_invalid_dates_and_never_guesses_numeric_order() {
        assert!(dates("31 April 2026")[0].is_invalid());
        assert!(dates("29 February 2023")[0].is_invalid());
        assert!(!dates("29 February 2024")[0].is_invalid());
        assert!(!dates("29 February")[0].is_invalid());
        assert!(dates("32 May")[0].is_invalid());
        assert!(dates("13/13/2026")[0].is_invalid());
        let d = dates("3/4/2026");
        assert!(d[0].ambiguous && d[0].full_date().is_some() && !d[0].is_invalid());
        assert_eq!(
            dates("29/11/2026")[0].full_date(),
            Date::new(2026, 11, 29).ok()
        );
        assert!(dates("may 5").is_empty());
    }

    fn dates_in(text: &str, locale: Locale) -> Vec<DateMention> {
        let mut out = Vec::new();
        extract(text, locale, &mut out);
        out
    }

    #[test]
    fn reads_two_letter_weekdays_right_before_a_date() {
        for (text, wd, value, date) in [
            (
                "Mo, 7 October 2014: talks",
                "Mo",
                Weekday::Monday,
                "7 October 2014",
            ),
            ("Tu 3 March", "Tu", Weekday::Tuesday, "3 March"),
            ("Opening: Sa., 4 May", "Sa.", Weekday::Saturday, "4 May"),
            (
                "The vote is on We 6 May 2026.",
                "We",
                Weekday::Wednesday,
                "6 May 2026",
            ),
        ] {
            let d = dates(text);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let w = d[0].weekday.expect("weekday");
            assert_eq!((w.span.text(text), w.value), (wd, value), "{text}");
            assert_eq!(d[0].date_span.text(text), date, "{text}");
        }
    }

    #[test]
    fn reads_a_weekday_with_its_part_of_the_day() {
        for (text, date) in [
            ("It rained on Tuesday night (3 May).", "3 May"),
            ("Sunday morning, 29 November 2026", "29 November 2026"),
            ("Fri evening 4/23", "4/23"),
        ] {
            let d = dates(text);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            assert!(d[0].weekday.is_some(), "{text}");
            assert_eq!(d[0].date_span.text(text), date, "{text}");
        }
        // A part of the day with no weekday, or a weekday with another word, is not read.
        let text = "Saturday Night Live, 3 May";
        assert!(dates(text).iter().all(|d| d.weekday.is_none()));
        let text = "Friday nights 3 May";
        assert!(dates(text).iter().all(|d| d.weekday.is_none()));
    }

    #[test]
    fn leaves_two_letter_words_and_names_alone() {
        // Alone, after an ordinary word, in lower case or in a quotation, the two
        // letters are a word or a name; the date stays a date.
        for text in [
            "We met on 3 March.",
            "Sa and Su wrote on 3 March.",
            "Goals came from Salah and Mo 3 May.",
            "we 3 March",
            "\"Su 3 May\"",
        ] {
            let d = dates(text);
            assert!(d.iter().all(|d| d.weekday.is_none()), "{text}: {d:?}");
        }
        assert_eq!(
            dates("told Mo 3 May")[0].span.text("told Mo 3 May"),
            "3 May"
        );
    }

    #[test]
    fn reads_a_numeric_day_and_month_beside_a_weekday() {
        let text = "On Monday, 31/10 the polls closed.";
        let d = dates(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].month, d[0].day, d[0].year),
            (Some(10), Some(31), None)
        );
        assert!(d[0].is_year_less() && !d[0].ambiguous);
        assert_eq!(d[0].date_span.text(text), "31/10");
        let text = "Fri 4/23 and 4/23 (Fri)";
        let d = dates(text);
        assert_eq!(d.len(), 2, "{d:?}");
        for m in &d {
            assert_eq!((m.month, m.day), (Some(4), Some(23)));
            assert_eq!(m.weekday.map(|w| w.value), Some(Weekday::Friday));
        }
        assert_eq!(d[1].date_span.text(text), "4/23");
        // A number above 12 is the day whatever the locale.
        let d = dates_in("Fri 4/23", Locale::EnGb);
        assert_eq!((d[0].month, d[0].day), (Some(4), Some(23)));
        // Two small numbers: the locale's order, or ambiguous without one.
        assert!(dates("Mon 3/4")[0].ambiguous);
        let d = dates_in("Mon 3/4", Locale::EnGb);
        assert_eq!(
            (d[0].month, d[0].day, d[0].ambiguous),
            (Some(4), Some(3), false)
        );
        let d = dates_in("Mon 3/4", Locale::EnUs);
        assert_eq!((d[0].month, d[0].day), (Some(3), Some(4)));
        // With a year it is the numeric date it was.
        let d = dates("Fri 4/23/2027");
        assert_eq!(d[0].year, Some(2027));
    }

    #[test]
    fn leaves_fractions_scores_and_ratios_alone() {
        for text in [
            "3/4 of voters agreed.",
            "They won 6/4 in the final.",
            "A 24/7 service.",
            "Friday 1/4/23 was",
            "Friday 4/23/26 was",
            "Friday 4/5% up",
            "Fri 31/31",
            "Fri 0/4",
            "2021/4/23 (Fri)",
        ] {
            let d = dates(text);
            assert!(
                d.iter().all(|d| d.year.is_some() || d.month.is_none()),
                "{text}: {d:?}"
            );
        }
    }
}
