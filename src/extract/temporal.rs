//! Temporal expressions beyond calendar dates: relative expressions ("yesterday", "last
//! month", "two years ago"), periods (decades, quarters, seasons), ranges ("from 2010 to
//! 2015", "2010-15"), durations ("decade-long", "the 12-year programme"), state anchors
//! ("as of", "currently"), the verbs that govern a date ("was held on", "will take place
//! in", "born in") and ages ("Lee, 45,").
//!
//! One regex reads every expression in one scan; a second step pairs what belongs
//! together (a cue with the date after it, a relative expression with the date beside it,
//! two dates into a range) using only the mentions already found and the text between
//! them.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use crate::re::Captures;
use jiff::civil::{Date, Weekday};

use super::cue::{Anchor, AnchorKind, Cue, CueKind, DateContext};
use super::date::{month_number, weekday_from_name, DateMention};
use crate::document::Prose;
use crate::span::Span;

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        Some(match w.trim_end_matches('s') {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Decade => "decade",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn parse(word: &str) -> Option<Season> {
        Some(match word.to_ascii_lowercase().as_str() {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "autumn" | "fall" => Season::Autumn,
            "winter" => Season::Winter,
            _ => return None,
        })
    }
}

/// A time told relative to the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// "yesterday" (-1), "today" (0), "tomorrow" (1)
    Day(i8),
    /// "last month" (-1), "this year" (0), "next week" (1): a calendar week, month or
    /// year.
    Unit { unit: Unit, offset: i8 },
    /// "the past month" (-1), "the coming week" (1): the unit's length back or ahead of
    /// the reference date, not a calendar period.
    Rolling { unit: Unit, offset: i8 },
    /// "two years ago"
    Ago { n: i32, unit: Unit },
    /// "earlier this week"
    Earlier(Unit),
    /// "later this month"
    Later(Unit),
    /// "on Tuesday", "Friday": a weekday standing alone.
    Weekday(Weekday),
    /// "last Friday" (-1), "this Friday" (0), "next Friday" (1).
    NamedWeekday { weekday: Weekday, offset: i8 },
    /// "this spring" (0), "last winter" (-1)
    Season { season: Season, offset: i8 },
}

/// What a relative expression is written beside: "last month, on 3 December",
/// "yesterday (Monday)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beside {
    /// An index into [`super::Mentions::dates`].
    Date(usize),
    /// A bare weekday and its span.
    Weekday(Span, Weekday),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeMention {
    pub span: Span,
    pub value: Relative,
    pub beside: Option<Beside>,
}

impl Relative {
    /// The days this expression can mean, seen from `reference`, first and last included.
    /// "Last week", "this month", "next year" are calendar periods; a week is read both
    /// Monday to Sunday and Sunday to Saturday (calendars differ), so it spans eight
    /// days. "Two years ago" is generous (a year either side), so that a mismatch is a
    /// real contradiction. A weekday standing alone and seasons have no fixed reading;
    /// "last Friday" has two (see [`Relative::weekday_readings`]), and this gives the
    /// days between them.
    pub fn resolve(self, reference: Date) -> Option<(Date, Date)> {
        let day = |n: i64| reference.checked_add(jiff::Span::new().days(n)).ok();
        let monday = day(-i64::from(reference.weekday().to_monday_zero_offset()))?;
        let week = |n: i64| monday.checked_add(jiff::Span::new().days(n)).ok();
        let (y, m) = (reference.year(), reference.month());
        let month_start = |y: i16, m: i8| Date::new(y, m, 1).ok();
        let month_end = |y: i16, m: i8| Date::new(y, m, super::date::days_in_month(y, m)).ok();
        Some(match self {
            Relative::Day(n) => (day(n.into())?, day(n.into())?),
            Relative::Unit { unit, offset } => {
                let offset = i64::from(offset);
                match unit {
                    // The Sunday before the Monday opens the week on Sunday-first calendars.
                    Unit::Week => (week(7 * offset - 1)?, week(7 * offset + 6)?),
                    Unit::Month => {
                        let first = month_start(y, m)?
                            .checked_add(jiff::Span::new().months(offset))
                            .ok()?;
                        (first, month_end(first.year(), first.month())?)
                    }
                    Unit::Year => {
                        let y = y.checked_add(i16::try_from(offset).ok()?)?;
                        (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)
                    }
                    _ => return None,
                }
            }
            Relative::Rolling { unit, offset } => {
                let length = match unit {
                    Unit::Day => jiff::Span::new().days(1),
                    Unit::Week => jiff::Span::new().weeks(1),
                    Unit::Month => jiff::Span::new().months(1),
                    Unit::Year => jiff::Span::new().years(1),
                    Unit::Decade => jiff::Span::new().years(10),
                };
                if offset < 0 {
                    (reference.checked_sub(length).ok()?, reference)
                } else {
                    (reference, reference.checked_add(length).ok()?)
                }
            }
            Relative::Ago { n, unit } => {
                let n = i64::from(n);
                let (back, slack) = match unit {
                    Unit::Day => (jiff::Span::new().days(n), jiff::Span::new().days(1)),
                    Unit::Week => (jiff::Span::new().weeks(n), jiff::Span::new().weeks(1)),
                    Unit::Month => (jiff::Span::new().months(n), jiff::Span::new().months(1)),
                    Unit::Year => (jiff::Span::new().years(n), jiff::Span::new().years(1)),
                    Unit::Decade => (
                        jiff::Span::new().years(n.checked_mul(10)?),
                        jiff::Span::new().years(5),
                    ),
                };
                let center = reference.checked_sub(back).ok()?;
                (
                    center.checked_sub(slack).ok()?,
                    center.checked_add(slack).ok()?.min(reference),
                )
            }
            Relative::Earlier(unit) => match unit {
                Unit::Week => (week(0)?, reference),
                Unit::Month => (month_start(y, m)?, reference),
                Unit::Year => (Date::new(y, 1, 1).ok()?, reference),
                _ => return None,
            },
            Relative::Later(unit) => match unit {
                Unit::Week => (reference, week(6)?),
                Unit::Month => (reference, month_end(y, m)?),
                Unit::Year => (reference, Date::new(y, 12, 31).ok()?),
                _ => return None,
            },
            Relative::NamedWeekday { weekday, offset } => {
                let readings = Relative::weekday_readings(weekday, offset, reference)?;
                (readings.0.min(readings.1), readings.0.max(readings.1))
            }
            Relative::Weekday(_) | Relative::Season { .. } => return None,
        })
    }

    /// The two days "last Friday" (-1), "this Friday" (0) or "next Friday" (1) can
    /// mean, seen from `reference`: the nearest such day before (or after) it, and the
    /// Friday of last (this, next) calendar week. They are often the same day.
    pub fn weekday_readings(weekday: Weekday, offset: i8, reference: Date) -> Option<(Date, Date)> {
        let today = i64::from(reference.weekday().to_monday_zero_offset());
        let target = i64::from(weekday.to_monday_zero_offset());
        let day = |n: i64| reference.checked_add(jiff::Span::new().days(n)).ok();
        let in_week = |w: i64| day(7 * w + target - today);
        Some(match offset {
            ..=-1 => {
                // The nearest one before today, one to seven days back.
                let back = (today - target + 6).rem_euclid(7) + 1;
                (day(-back)?, in_week(-1)?)
            }
            0 => {
                // "This Friday": the one of this week, or the next one to come.
                let ahead = (target - today).rem_euclid(7);
                (in_week(0)?, day(ahead)?)
            }
            _ => {
                let ahead = (target - today + 6).rem_euclid(7) + 1;
                (day(ahead)?, in_week(1)?)
            }
        })
    }

    /// How the expression reads, for messages.
    pub fn describe(self) -> String {
        match self {
            Relative::Day(-1) => "yesterday".into(),
            Relative::Day(0) => "today".into(),
            Relative::Day(1) => "tomorrow".into(),
            Relative::Day(n) => format!("{n} days from the reference date"),
            Relative::Unit { unit, offset } => format!(
                "{} {}",
                match offset {
                    -1 => "last",
                    0 => "this",
                    _ => "next",
                },
                unit.name()
            ),
            Relative::Rolling { unit, offset } => format!(
                "the {} {}",
                if offset < 0 { "past" } else { "coming" },
                unit.name()
            ),
            Relative::NamedWeekday { weekday, offset } => format!(
                "{} {}",
                match offset {
                    -1 => "last",
                    0 => "this",
                    _ => "next",
                },
                super::date::weekday_name(weekday)
            ),
            Relative::Ago { n, unit } => format!("{n} {}s ago", unit.name()),
            Relative::Earlier(unit) => format!("earlier this {}", unit.name()),
            Relative::Later(unit) => format!("later this {}", unit.name()),
            Relative::Weekday(w) => super::date::weekday_name(w).to_string(),
            Relative::Season { .. } => "a season".into(),
        }
    }
}

/// A named period: "the 1990s", "Q3 2023", "the third quarter", "spring 2024".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Decade(i16),
    Quarter { quarter: i8, year: Option<i16> },
    Season { season: Season, year: i16 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodMention {
    pub span: Span,
    pub value: Period,
}

/// One end of a range, as precise as the text is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Point {
    pub year: Option<i16>,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl Point {
    fn of(d: &DateMention) -> Point {
        Point {
            year: d.year,
            month: d.month,
            day: d.day,
        }
    }

    /// The point as written: "2015", "May 2023", "3 March 2019".
    pub fn describe(self) -> String {
        let month = self.month.map(super::date::month_name).unwrap_or("");
        match (self.day, self.month, self.year) {
            (Some(d), Some(_), Some(y)) => format!("{d} {month} {y}"),
            (None, Some(_), Some(y)) => format!("{month} {y}"),
            (_, _, Some(y)) => y.to_string(),
            (Some(d), Some(_), None) => format!("{d} {month}"),
            _ => month.to_string(),
        }
    }
}

/// "from 2010 to 2015", "between March and May 2023", "2010-15", "2010–2015".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeMention {
    pub span: Span,
    pub from_span: Span,
    pub to_span: Span,
    pub from: Point,
    pub to: Point,
    /// Both ends give their year in the text (nothing was inherited or guessed).
    pub explicit_years: bool,
    /// The words tell a change from one date to another ("moved from 2029 to 2021",
    /// "postponed from May to March"), not a period.
    pub change: bool,
}

/// "a decade-long", "the 12-year programme", "for three years".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DurationMention {
    pub span: Span,
    pub years: i32,
    /// The range the duration describes: the only range in its sentence, an index into
    /// [`super::Mentions::ranges`].
    pub range: Option<usize>,
}

/// A person's age: "Lee, 45,", "aged 45", "the 45-year-old".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeMention {
    pub span: Span,
    pub age: i32,
    /// The birth date in the same sentence ("born in 1990"), an index into
    /// [`super::Mentions::dates`].
    pub born: Option<usize>,
}

/// Everything this module finds.
#[derive(Clone, Debug, Default)]
pub struct Temporal {
    pub relatives: Vec<RelativeMention>,
    pub periods: Vec<PeriodMention>,
    pub ranges: Vec<RangeMention>,
    pub durations: Vec<DurationMention>,
    pub anchors: Vec<Anchor>,
    pub cues: Vec<Cue>,
    pub ages: Vec<AgeMention>,
}

/// The kinds of the cue patterns, which end [`patterns`] in this order.
const CUES: [CueKind; 7] = [
    CueKind::PlannedPast,
    CueKind::Report,
    CueKind::PastEvent,
    CueKind::Future,
    CueKind::Born,
    CueKind::Conditional,
    CueKind::Speech,
];

pub(crate) static TEMPORAL_RE: LazyLock<Prebuilt> =
    LazyLock::new(|| Prebuilt::new(crate::patterns::temporal(), embedded!("temporal")));

pub(crate) static CUE_GAP_RE: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::CUE_GAP_RE_PATTERN,
        embedded!("temporal-cue-gap"),
    )
});

pub(crate) static BESIDE_GAP_RE: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::BESIDE_GAP_RE_PATTERN,
        embedded!("temporal-beside-gap"),
    )
});

/// Text between "as of" and its date that still anchors the state to the date's end.
const END_OF_GAPS: &[&str] = &["the end of", "end of", "the close of", "end-"];

/// The age forms news writes beside a birth date that the one-pass scan does not read,
/// because outside such a sentence they are as often counts as ages: "who is 41",
/// ", now 58,", "which makes her 50", "At 43,", "is 70;", "(80)", "aged 45" in words,
/// ", fifty-nine,". Read only in a sentence that has a "born" date.
static AGE_BESIDE_BIRTH_RE: LazyLock<crate::re::Regex> = LazyLock::new(|| {
    let n = r"(?P<n>[0-9]{1,3}|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|nineteen|eighteen|seventeen|sixteen|hundred))";
    let b = r"(?-u:\b)";
    let end = r"(?:\s+years?\s+old)?(?:\s*[,;.)]|\s+and\s|\s*$)";
    crate::re::Regex::new(&format!(
        r"(?:{b}(?:(?i:who|which|that|she|he|they)\s+(?:is|are)\s+(?:now\s+)?|(?i:now|aged|age)\s+|(?i:makes|making|made)\s+(?:him|her|them)\s+|(?i:at)\s+(?:the\s+age\s+of\s+)?|(?:is|are)\s+)|\(\s*|,\s+){n}{b}{end}"
    ))
    .expect("static regex")
});

/// A number of years written in words or digits: "59", "fifty-nine".
fn age_number(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let lower = s.to_ascii_lowercase();
    let (tens, unit) = lower.split_once('-').unwrap_or((lower.as_str(), ""));
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const UNITS: &[&str] = &[
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(t) = TENS.iter().position(|w| *w == tens) {
        let u = UNITS.iter().position(|w| *w == unit)?;
        return Some(20 + 10 * t as i32 + u as i32);
    }
    if !unit.is_empty() {
        return None;
    }
    number_word(&lower).filter(|n| *n >= 16)
}

/// Ages in the sentences that have a "born" date and no age read yet (see
/// [`AGE_BESIDE_BIRTH_RE`]). The first plausible one that is not part of a date counts.
fn read_ages_beside_births(
    text: &str,
    prose: &Prose,
    dates: &[DateMention],
    contexts: &[DateContext],
    ages: &mut Vec<AgeMention>,
) {
    let mut done: Vec<Span> = Vec::new();
    let mut found = Vec::new();
    for (d, c) in dates.iter().zip(contexts) {
        if !c.cue.is_some_and(|c| c.kind == CueKind::Born) {
            continue;
        }
        let Some(sentence) = prose.sentence_at(d.span.start) else {
            continue;
        };
        if done.contains(&sentence) || ages.iter().any(|a| sentence.contains(a.span)) {
            continue;
        }
        done.push(sentence);
        let Some(body) = text.get(sentence.start..sentence.end) else {
            continue;
        };
        for caps in AGE_BESIDE_BIRTH_RE.captures_iter(body) {
            let Some(m) = caps.name("n") else { continue };
            let span = Span::new(sentence.start + m.start(), sentence.start + m.end());
            // A day or year of a date ("March 31, 1940") is not an age.
            if dates.iter().any(|d| d.span.overlaps(span)) {
                continue;
            }
            let Some(age) = age_number(m.as_str()).filter(|a| (1..=120).contains(a)) else {
                continue;
            };
            found.push(AgeMention {
                span,
                age,
                born: None,
            });
            break;
        }
    }
    ages.extend(found);
    ages.sort_by_key(|a| a.span.start);
}

/// Words before "last night" that make it the final night of something.
const DETERMINERS: &[&str] = &[
    "the", "a", "their", "his", "her", "its", "our", "my", "your", "that", "this", "one", "every",
    "each",
];

/// Words before "from" that make "from X to Y" a change rather than a period.
const CHANGE_WORDS: &[&str] = &[
    "move",
    "moved",
    "moves",
    "moving",
    "up",
    "back",
    "forward",
    "forwards",
    "change",
    "changed",
    "changes",
    "shift",
    "shifted",
    "push",
    "pushed",
    "bring",
    "brought",
    "postpone",
    "postponed",
    "delay",
    "delayed",
    "reschedule",
    "rescheduled",
    "advance",
    "advanced",
    "extend",
    "extended",
    "cut",
    "reduced",
    "lowered",
    "raised",
    "rose",
    "fell",
    "increased",
    "decreased",
    "dropped",
    "switched",
    "revised",
    "amended",
    "corrected",
];

fn number_word(s: &str) -> Option<i32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        "a" | "an" => return Some(1),
        "twenty-five" => return Some(25),
        "thirty" => return Some(30),
        "forty" => return Some(40),
        "fifty" => return Some(50),
        _ => {}
    }
    WORDS.iter().position(|w| *w == lower).map(|i| i as i32)
}

fn span_of(caps: &Captures<'_>, name: &str) -> Option<Span> {
    caps.name(name).map(|m| Span::new(m.start(), m.end()))
}

/// Find the temporal expressions of `prose` and what they say of each of `dates`.
pub fn extract(prose: &Prose, dates: &[DateMention]) -> (Temporal, Vec<DateContext>) {
    let text = prose.text.as_str();
    let mut t = Temporal::default();
    let mut weekdays: Vec<(Span, Weekday)> = Vec::new();
    // Which alternative matched comes with the match; only its own groups are read.
    let first_cue = TEMPORAL_RE.len() - CUES.len();
    for (m, pattern) in TEMPORAL_RE.find_iter_patterns(text) {
        // The cue patterns come last, in the order of `CUES`: which one matched says
        // all there is to say, so their groups are not read.
        if let Some(&kind) = pattern.checked_sub(first_cue).and_then(|i| CUES.get(i)) {
            t.cues.push(Cue {
                span: Span::new(m.start(), m.end()),
                kind,
            });
            continue;
        }
        let Some(caps) = TEMPORAL_RE.captures_of(m, pattern) else {
            continue;
        };
        read(
            text,
            &caps,
            Span::new(m.start(), m.end()),
            &mut t,
            &mut weekdays,
        );
    }
    // A weekday inside a date mention ("Monday, 29 November") belongs to the date.
    // Dates are sorted and do not overlap: only the last one starting before the end of
    // `s` can overlap it (binary searches keep this linear on long documents).
    let inside_date = |s: Span| {
        let i = dates.partition_point(|d| d.span.start < s.end);
        i.checked_sub(1)
            .and_then(|i| dates.get(i))
            .is_some_and(|d| d.span.overlaps(s))
    };
    // "last Sunday, August 9", "last Tuesday (May 21)": the weekday opens the date, and
    // "last" says which week the date must be in.
    for r in t.relatives.iter_mut() {
        if !matches!(r.value, Relative::NamedWeekday { .. }) {
            continue;
        }
        let i = dates.partition_point(|d| d.span.start < r.span.end);
        if let Some(i) = i.checked_sub(1).filter(|&i| {
            dates[i]
                .weekday
                .is_some_and(|w| r.span.contains(w.span) && w.span.start > r.span.start)
        }) {
            r.beside = Some(Beside::Date(i));
        }
    }
    t.relatives
        .retain(|r| r.beside.is_some() || !inside_date(r.span));
    weekdays.retain(|(s, _)| !inside_date(*s));

    // Dates: quotation, hedging, governing cue, anchor.
    let mut contexts = Vec::with_capacity(dates.len());
    for d in dates {
        let mut context = DateContext {
            quoted: prose.is_quoted(d.span.start),
            ..DateContext::default()
        };
        if let Some(sentence) = prose.sentence_at(d.span.start) {
            link(&t, text, sentence, d, &mut context);
        }
        contexts.push(context);
    }

    // Relative expressions: the date or weekday written right after them.
    for r in t.relatives.iter_mut() {
        if r.beside.is_some() {
            continue;
        }
        // "one week from today – March 22": the date is counted from today, not today.
        if matches!(r.value, Relative::Day(_)) {
            let words = last_words(text.get(..r.span.start).unwrap_or(""), 2);
            if words.first().is_some_and(|w| w == "from")
                && words.get(1).is_some_and(|w| Unit::parse(w).is_some())
            {
                continue;
            }
        }
        let next_date = Some(dates.partition_point(|d| d.span.start < r.span.end))
            .filter(|&i| i < dates.len())
            // "today (1500 UTC)" is a clock time: a day is paired only with a day.
            .filter(|&i| !matches!(r.value, Relative::Day(_)) || dates[i].day.is_some())
            .map(|i| (dates[i].span.start, Beside::Date(i)));
        let next_weekday = weekdays
            .get(weekdays.partition_point(|(s, _)| s.start < r.span.end))
            .map(|&(s, w)| (s.start, Beside::Weekday(s, w)));
        let next = match (next_date, next_weekday) {
            (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
            (a, b) => a.or(b),
        };
        r.beside = next
            .filter(|(start, _)| {
                text.get(r.span.end..*start)
                    .is_some_and(|gap| BESIDE_GAP_RE.is_match(gap))
            })
            .map(|(_, b)| b);
        if r.beside.is_none() && !matches!(r.value, Relative::Weekday(_)) {
            let day_only = matches!(r.value, Relative::Day(_));
            r.beside = bracketed_after(text, r.span, dates, &weekdays)
                .filter(|b| !day_only || !matches!(b, Beside::Date(i) if dates[*i].day.is_none()));
        }
    }

    // Ranges made of two dates: "from 2010 to 2015", "between 3 March and 5 May 2019".
    // ("2010–2015" is read by the regex.)
    for pair in dates.windows(2) {
        let [a, b] = pair else { continue };
        let Some(gap) = text.get(a.span.end..b.span.start) else {
            continue;
        };
        let before = text.get(..a.span.start).unwrap_or("");
        let before = before.trim_end();
        let lead = before
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let gap = gap.trim();
        // Two dates of the same form joined by a dash: "July 2, 2015 – January 1, 2016",
        // "May 2019-June 2020" (bare years with a dash are read by the regex).
        let dashed = matches!(gap, "-" | "–" | "—")
            && a.month.is_some()
            && b.month.is_some()
            && a.day.is_some() == b.day.is_some();
        // "(April 27 to May 8, 2022)": a bracket holds the range on its own.
        let bracketed = before.ends_with('(')
            && text
                .get(b.span.end..)
                .is_some_and(|t| t.trim_start().starts_with(')'));
        let joined = match gap {
            "to" | "until" | "till" | "through" => {
                lead == "from" || lead == "years" || lead == "period" || bracketed
            }
            "and" => lead == "between",
            _ => dashed,
        };
        if !joined || a.ambiguous || b.ambiguous {
            continue;
        }
        let lead = if lead == "from" || lead == "between" {
            lead
        } else {
            String::new()
        };
        let mut from = Point::of(a);
        let to = Point::of(b);
        let explicit_years = from.year.is_some() && to.year.is_some();
        if from.year.is_none() {
            // "from 12 December until 1 January 2025": the year the range ends in is the
            // next one.
            let wraps = match (from.month, to.month) {
                // Within one month, days that run backwards are a reversed range.
                (Some(fm), Some(tm)) => fm > tm,
                _ => false,
            };
            from.year = to.year.map(|y| if wraps { y - 1 } else { y });
        }
        // The range starts at "from" or "between" when one is written.
        let start = if lead.is_empty() {
            a.span.start
        } else {
            before.len() - lead.len()
        };
        let change = lead == "from" && is_change(before.get(..before.len() - lead.len()));
        t.ranges.push(RangeMention {
            span: Span::new(start, b.span.end),
            from_span: a.date_span,
            to_span: b.date_span,
            from,
            to,
            explicit_years,
            change,
        });
    }
    // One month written once for a range of days ("5-6 October", "from 17 to 27 July
    // 2024", "between 9 and 5 April", "July 17-27, 2024", "from March 3 to 5") and
    // months joined by a dash before the year ("August-November 2017").
    for d in dates {
        if d.ambiguous || d.weekday.is_some() {
            continue;
        }
        if let Some(r) = days_before(text, d)
            .or_else(|| days_after(text, d))
            .or_else(|| months_before(text, d))
        {
            t.ranges.push(r);
        }
    }
    t.ranges.sort_by_key(|r| r.span.start);

    // Durations and the range in their sentence; ages and the birth date in theirs.
    for dur in t.durations.iter_mut() {
        let Some(sentence) = prose.sentence_at(dur.span.start) else {
            continue;
        };
        let first = t.ranges.partition_point(|r| r.span.start < sentence.start);
        let mut in_sentence = t.ranges[first..]
            .iter()
            .take_while(|r| r.span.start < sentence.end)
            .enumerate()
            .filter(|(_, r)| sentence.contains(r.span));
        if let (Some((i, _)), None) = (in_sentence.next(), in_sentence.next()) {
            dur.range = Some(first + i);
        }
    }
    // A sentence with two durations is left alone: which one the range belongs to is
    // unclear.
    let spans: Vec<Span> = t.durations.iter().map(|d| d.span).collect();
    for dur in t.durations.iter_mut() {
        let Some(sentence) = prose.sentence_at(dur.span.start) else {
            continue;
        };
        if within(&spans, |s| *s, sentence).len() > 1 {
            dur.range = None;
        }
    }
    read_ages_beside_births(text, prose, dates, &contexts, &mut t.ages);
    for age in t.ages.iter_mut() {
        let Some(sentence) = prose.sentence_at(age.span.start) else {
            continue;
        };
        let first = dates.partition_point(|d| d.span.start < sentence.start);
        let mut born = dates[first..]
            .iter()
            .zip(&contexts[first..])
            .take_while(|(d, _)| d.span.start < sentence.end)
            .enumerate()
            .filter(|(_, (d, c))| {
                sentence.contains(d.span) && c.cue.is_some_and(|c| c.kind == CueKind::Born)
            });
        if let (Some((i, _)), None) = (born.next(), born.next()) {
            age.born = Some(first + i);
        }
    }
    t.relatives.retain(|r| {
        !matches!(
            r.value,
            Relative::Weekday(_) | Relative::NamedWeekday { .. }
        ) || r.beside.is_some()
    });
    (t, contexts)
}

/// The date or weekday a relative expression explains in brackets right after it:
/// "on 28 September (last Saturday)", "on Friday (tomorrow)", "in 2015 (last year)".
fn bracketed_after(
    text: &str,
    relative: Span,
    dates: &[DateMention],
    weekdays: &[(Span, Weekday)],
) -> Option<Beside> {
    let before = text.get(..relative.start)?.trim_end().strip_suffix('(')?;
    if !text.get(relative.end..)?.starts_with(')') {
        return None;
    }
    let end = before.trim_end().len();
    let i = dates.partition_point(|d| d.span.start < end);
    if let Some(i) = i.checked_sub(1).filter(|&i| dates[i].span.end == end) {
        return Some(Beside::Date(i));
    }
    weekdays
        .iter()
        .find(|(s, _)| s.end == end)
        .map(|&(s, w)| Beside::Weekday(s, w))
}

/// Whether `word` (lower case) is one of the words that make "from X to Y" a change.
pub fn is_date_change_word(word: &str) -> bool {
    CHANGE_WORDS.contains(&word)
}

/// The last `n` words of `before`, nearest first, letters only, lower case.
pub fn last_words(before: &str, n: usize) -> Vec<String> {
    before
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_ascii_alphabetic())
                .to_ascii_lowercase()
        })
        .collect()
}

/// Whether the words before "from" (`before`, up to it) tell a change of date.
fn is_change(before: Option<&str>) -> bool {
    last_words(before.unwrap_or(""), 2)
        .iter()
        .any(|w| CHANGE_WORDS.contains(&w.as_str()))
}

/// The last word of `s` (letters only, lower case) and where it starts.
fn last_word(s: &str) -> (String, usize) {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    (s.get(start..).unwrap_or("").to_ascii_lowercase(), start)
}

/// A day of the month written as a figure ending `s` ("17", "17th"): its value and start.
fn trailing_day(s: &str) -> Option<(i8, usize)> {
    let s = s.trim_end();
    let s = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|o| {
            s.strip_suffix(o)
                .filter(|r| r.ends_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(s);
    let start = s.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| i + 1);
    let digits = s.get(start..)?;
    // "3.5-6", "1,5-6", "10/5-6", "a5-6": not a lone day.
    let before = s.get(..start).and_then(|b| b.chars().next_back());
    if digits.is_empty()
        || digits.len() > 2
        || before.is_some_and(|c| c.is_alphanumeric() || ".,/:$£€-–".contains(c))
    {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some((day, start))
}

/// "5-6 October", "from 17 to 27 July", "between 9 and 5 April 2024": a day before a
/// day-and-month date.
fn days_before(text: &str, d: &DateMention) -> Option<RangeMention> {
    if d.form != super::date::DateForm::DayMonth || d.day.is_none() || d.month.is_none() {
        return None;
    }
    let before = text.get(..d.span.start)?.trim_end();
    let (first, lead_start, change) = if let Some(rest) = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('–'))
    {
        let (day, start) = trailing_day(rest)?;
        ((day, start), start, false)
    } else {
        let (joint, joint_start) = last_word(before);
        let rest = before.get(..joint_start)?;
        let (day, start) = trailing_day(rest)?;
        let (lead, lead_start) = last_word(rest.get(..start)?);
        let ok = match joint.as_str() {
            "to" | "until" | "till" | "through" => lead == "from",
            "and" => lead == "between",
            _ => false,
        };
        if !ok {
            return None;
        }
        let change = lead == "from" && is_change(rest.get(..lead_start));
        ((day, start), lead_start, change)
    };
    let (day, start) = first;
    let day_len = if day >= 10 { 2 } else { 1 };
    Some(RangeMention {
        span: Span::new(lead_start, d.span.end),
        from_span: Span::new(start, start + day_len),
        to_span: d.date_span,
        from: Point {
            day: Some(day),
            ..Point::of(d)
        },
        to: Point::of(d),
        explicit_years: false,
        change,
    })
}

/// "July 17-27, 2024", "from March 3 to 5": a day after a month-and-day date.
fn days_after(text: &str, d: &DateMention) -> Option<RangeMention> {
    if d.form != super::date::DateForm::MonthDay || d.day.is_none() || d.year.is_some() {
        return None;
    }
    let after = text.get(d.span.end..)?;
    let trimmed = after.trim_start();
    let (rest, lead_start, change) = if let Some(r) = trimmed
        .strip_prefix('-')
        .or_else(|| trimmed.strip_prefix('–'))
    {
        (r.trim_start(), d.span.start, false)
    } else {
        let before = text.get(..d.span.start)?;
        let (lead, lead_start) = last_word(before);
        let word_end = trimmed.find(|c: char| !c.is_ascii_alphabetic())?;
        let joint = trimmed.get(..word_end)?.to_ascii_lowercase();
        let ok = match joint.as_str() {
            "to" | "until" | "till" | "through" => lead == "from",
            "and" => lead == "between",
            _ => false,
        };
        if !ok || !before.get(lead_start + lead.len()..)?.trim().is_empty() {
            return None;
        }
        let change = lead == "from" && is_change(before.get(..lead_start));
        (trimmed.get(word_end..)?.trim_start(), lead_start, change)
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 2 {
        return None;
    }
    let day: i8 = rest.get(..digits)?.parse().ok()?;
    let mut tail = rest.get(digits..)?;
    for o in ["st", "nd", "rd", "th"] {
        tail = tail.strip_prefix(o).unwrap_or(tail);
    }
    // A clock time, a share, a decimal or a month of its own is not the end of this
    // range: "from March 3 to 5 p.m.", "to 5%", "to 5 June".
    let next = tail.trim_start();
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let glued = tail.starts_with(|c: char| c.is_alphanumeric() || c == ':' || c == '%')
        || tail.starts_with('.')
            && tail
                .get(1..)
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    if !(1..=31).contains(&day)
        || glued
        || matches!(
            next_word.as_str(),
            "a" | "p" | "am" | "pm" | "per" | "percent"
        )
        || month_number(&next_word).is_some()
    {
        return None;
    }
    let from_start = text.len() - rest.len();
    let mut end = from_start + digits;
    let mut year = None;
    // The year written once at the end: "July 17-27, 2024".
    let y = tail.strip_prefix(',').unwrap_or(tail);
    let y_trim = y.trim_start();
    if y.len() > y_trim.len() || y.len() < tail.len() {
        let n = y_trim.len()
            - y_trim
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if n == 4 {
            year = y_trim.get(..4).and_then(|s| s.parse().ok());
            end = text.len() - y_trim.len() + 4;
        }
    }
    let from = Point {
        year,
        ..Point::of(d)
    };
    Some(RangeMention {
        span: Span::new(lead_start, end),
        from_span: d.date_span,
        to_span: Span::new(from_start, from_start + digits),
        from,
        to: Point {
            day: Some(day),
            ..from
        },
        explicit_years: false,
        change,
    })
}

/// "August-November 2017": a month and a dash before a month-and-year date.
fn months_before(text: &str, d: &DateMention) -> Option<RangeMention> {
    if d.form != super::date::DateForm::MonthYear || d.month.is_none() {
        return None;
    }
    let before = text.get(..d.span.start)?.trim_end();
    let rest = before
        .strip_suffix('-')
        .or_else(|| before.strip_suffix('–'))?
        .trim_end();
    let (word, start) = last_word(rest);
    let original = rest.get(start..)?;
    // Full month names only: "May-June" but not "Mar-" (an abbreviation or a word).
    let month = month_number(original)?;
    if word.len() < 3 || !original.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let from_span = Span::new(start, start + original.len());
    Some(RangeMention {
        span: Span::new(start, d.span.end),
        from_span,
        to_span: d.date_span,
        from: Point {
            month: Some(month),
            ..Point::of(d)
        },
        to: Point::of(d),
        explicit_years: false,
        change: false,
    })
}

fn read(
    text: &str,
    caps: &Captures<'_>,
    span: Span,
    t: &mut Temporal,
    weekdays: &mut Vec<(Span, Weekday)>,
) {
    let word = |name: &str| caps.name(name).map(|m| m.as_str());
    let relative = |value| RelativeMention {
        span,
        value,
        beside: None,
    };
    if let Some(age) = ["age", "age2", "age3"]
        .iter()
        .find_map(|n| Some((span_of(caps, n)?, word(n)?.parse::<i32>().ok()?)))
    {
        // Only plausible ages; ", 2019," is a year, not an age.
        if (1..=120).contains(&age.1) {
            t.ages.push(AgeMention {
                span: age.0,
                age: age.1,
                born: None,
            });
        }
    } else if let Some(w) = word("day") {
        // "Last night" is the evening before the reference day; "this morning",
        // "this evening" and "earlier today" are the reference day itself; "yesterday
        // evening" and "tomorrow morning" are the day they name.
        let w = w.to_ascii_lowercase();
        // "the last night of the festival", "their last night (3 May)": the final
        // night of something, not the night before the reference day.
        if w.starts_with("last") {
            // The word right before, with no punctuation between ("He left. Last
            // night ..." is the relative).
            let before = text.get(..span.start).unwrap_or("");
            let word = before.split_whitespace().next_back().unwrap_or("");
            let word = word.to_ascii_lowercase();
            if before.ends_with(char::is_whitespace)
                && (DETERMINERS.contains(&word.as_str())
                    || word.ends_with("'s")
                    || word.ends_with("\u{2019}s"))
            {
                return;
            }
        }
        let n = if w.starts_with("yesterday") || w.starts_with("last") {
            -1
        } else if w.starts_with("tomorrow") {
            1
        } else {
            0
        };
        t.relatives.push(relative(Relative::Day(n)));
    } else if let Some(w) = word("early") {
        let Some(unit) = word("early_unit").and_then(Unit::parse) else {
            return;
        };
        t.relatives
            .push(relative(if w.eq_ignore_ascii_case("earlier") {
                Relative::Earlier(unit)
            } else {
                Relative::Later(unit)
            }));
    } else if let Some(dir) = word("dir") {
        let Some(unit) = word("unit").and_then(Unit::parse) else {
            return;
        };
        let dir = dir.to_ascii_lowercase();
        let offset = match dir.as_str() {
            "last" | "past" => -1,
            "this" => 0,
            _ => 1,
        };
        t.relatives
            .push(relative(if dir == "past" || dir == "coming" {
                Relative::Rolling { unit, offset }
            } else {
                Relative::Unit { unit, offset }
            }));
    } else if let Some(dir) = word("sdir") {
        let Some(season) = word("sseason").and_then(Season::parse) else {
            return;
        };
        let offset = match dir.to_ascii_lowercase().as_str() {
            "last" => -1,
            "this" => 0,
            _ => 1,
        };
        t.relatives
            .push(relative(Relative::Season { season, offset }));
    } else if let Some(n) = word("ago_n") {
        let (Some(n), Some(unit)) = (number_word(n), word("ago_unit").and_then(Unit::parse)) else {
            return;
        };
        t.relatives.push(relative(Relative::Ago { n, unit }));
    } else if let Some(wd) = caps.name("wd") {
        if let Some(value) = weekday_from_name(wd.as_str()) {
            let wd_span = Span::new(wd.start(), wd.end());
            weekdays.push((wd_span, value));
            let offset = word("wdir").map(|d| match d.to_ascii_lowercase().as_str() {
                "last" => -1,
                "this" => 0,
                _ => 1,
            });
            t.relatives.push(relative(match offset {
                Some(offset) => Relative::NamedWeekday {
                    weekday: value,
                    offset,
                },
                None => Relative::Weekday(value),
            }));
        }
    } else if let Some(dec) = word("dec") {
        if let Ok(y) = dec.parse() {
            t.periods.push(PeriodMention {
                span,
                value: Period::Decade(y),
            });
        }
    } else if let Some(q) = word("q") {
        let quarter = q.get(1..).and_then(|q| q.parse().ok()).unwrap_or(0);
        t.periods.push(PeriodMention {
            span,
            value: Period::Quarter {
                quarter,
                year: word("qy").and_then(|y| y.parse().ok()),
            },
        });
    } else if let Some(q) = word("qord") {
        let quarter = match q.to_ascii_lowercase().as_str() {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        };
        t.periods.push(PeriodMention {
            span,
            value: Period::Quarter {
                quarter,
                year: word("qy2").and_then(|y| y.parse().ok()),
            },
        });
    } else if let Some(season) = word("season").and_then(Season::parse) {
        if let Some(year) = word("sy").and_then(|y| y.parse().ok()) {
            t.periods.push(PeriodMention {
                span,
                value: Period::Season { season, year },
            });
        }
    } else if let (Some(a), Some(b)) = (caps.name("hy1"), caps.name("hy2")) {
        // "2010-15", "2010-2015"; not an ISO date ("2026-11-29"), a phone number or a
        // longer run of numbers.
        let before = text.get(..a.start()).and_then(|s| s.chars().next_back());
        let after = text.get(b.end()..).and_then(|s| s.chars().next());
        if matches!(before, Some('-' | '–' | '/' | '.' | ',' | '$'))
            || matches!(after, Some('-' | '–' | '/' | '%'))
            || after.is_some_and(|c| c == '.' || c == ',')
                && text
                    .get(b.end() + 1..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(|c| c.is_ascii_digit())
        {
            return;
        }
        let (Ok(from), Ok(to)) = (a.as_str().parse::<i16>(), b.as_str().parse::<i16>()) else {
            return;
        };
        let (to, explicit) = if b.as_str().len() == 2 {
            // The century of the first year; "1998-03" runs into the next one.
            let mut full = from - from % 100 + to;
            if full < from {
                full += 100;
            }
            (full, false)
        } else {
            (to, true)
        };
        t.ranges.push(RangeMention {
            span,
            from_span: Span::new(a.start(), a.end()),
            to_span: Span::new(b.start(), b.end()),
            from: Point {
                year: Some(from),
                ..Point::default()
            },
            to: Point {
                year: Some(to),
                ..Point::default()
            },
            explicit_years: explicit,
            change: false,
        });
    } else if let (Some(mf), Some(mt)) = (caps.name("mf"), caps.name("mt")) {
        let year = word("my").and_then(|y| y.parse().ok());
        t.ranges.push(RangeMention {
            span,
            from_span: Span::new(mf.start(), mf.end()),
            to_span: Span::new(mt.start(), span.end),
            // The first month takes the year only by inference: "from November to
            // February 2023" may start in 2022.
            from: Point {
                year,
                month: month_number(mf.as_str()),
                day: None,
            },
            to: Point {
                year,
                month: month_number(mt.as_str()),
                day: None,
            },
            explicit_years: false,
            change: false,
        });
    } else if let Some(w) = word("dl") {
        let years = if w.eq_ignore_ascii_case("decade") {
            10
        } else {
            100
        };
        t.durations.push(DurationMention {
            span,
            years,
            range: None,
        });
    } else if let Some(n) = word("fn").or(word("hn")) {
        let unit = word("fu").or(word("hu")).unwrap_or("");
        let after = text.get(span.end..).unwrap_or("");
        if after.starts_with("-old") || after.starts_with(" old") || after.starts_with("s-old") {
            return;
        }
        let Some(n) = number_word(n) else { return };
        let years = if unit.to_ascii_lowercase().starts_with("decade") {
            n.saturating_mul(10)
        } else {
            n
        };
        t.durations.push(DurationMention {
            span,
            years,
            range: None,
        });
    } else if let Some(a) = word("anchor") {
        let lower = a.to_ascii_lowercase();
        let kind = if lower.starts_with("as") {
            AnchorKind::AsOf
        } else if lower.ends_with("end of") {
            AnchorKind::EndOf
        } else if lower == "currently" {
            AnchorKind::Currently
        } else if lower == "now" {
            AnchorKind::Now
        } else {
            AnchorKind::ToDate
        };
        t.anchors.push(Anchor { span, kind });
    }
}

/// The cue, anchor and hedging of date `d` in its `sentence`.
fn link(t: &Temporal, text: &str, sentence: Span, d: &DateMention, context: &mut DateContext) {
    let cues = within(&t.cues, |c| c.span, sentence);
    context.hedged = cues.iter().any(|c| {
        sentence.contains(c.span)
            && matches!(
                c.kind,
                CueKind::Conditional | CueKind::Speech | CueKind::PlannedPast
            )
    });
    context.cue = cues
        .iter()
        .rev()
        .find(|c| c.span.end <= d.span.start && sentence.contains(c.span))
        .filter(|c| c.kind.tense().is_some())
        .filter(|c| {
            text.get(c.span.end..d.span.start).is_some_and(|gap| {
                CUE_GAP_RE.is_match(gap)
                    || c.kind == CueKind::Born && matches!(gap.trim(), "" | "the")
            })
        })
        .copied();
    let anchors = within(&t.anchors, |a| a.span, sentence);
    let before = t.anchors.partition_point(|a| a.span.start < d.span.start);
    let immediate = t.anchors[..before]
        .iter()
        .rev()
        .find(|a| a.span.end <= d.span.start && a.kind.is_immediate())
        .filter(|a| {
            text.get(a.span.end..d.span.start).is_some_and(|gap| {
                let gap = gap.trim();
                gap.is_empty()
                        || gap == "the"
                        // "as of the end of 2019", "as at the close of March 2020": the
                        // state at that date's last day, which `bounds` gives.
                        || a.kind == AnchorKind::AsOf && END_OF_GAPS.contains(&gap)
            })
        })
        .copied();
    context.anchor = immediate.or_else(|| {
        anchors
            .iter()
            .find(|a| !a.kind.is_immediate() && sentence.contains(a.span))
            .copied()
    });
}

/// The items (sorted by start) that lie inside `outer`.
fn within<T>(items: &[T], span_of: impl Fn(&T) -> Span, outer: Span) -> &[T] {
    let first = items.partition_point(|i| span_of(i).start < outer.start);
    let rest = &items[first..];
    let len = rest.partition_point(|i| span_of(i).start < outer.end);
    let slice = &rest[..len];
    // Items are contained when they also end inside; trim those that run past the end.
    let keep = slice
        .iter()
        .rposition(|i| outer.contains(span_of(i)))
        .map_or(0, |p| p + 1);
    &slice[..keep]
}

/// The day a year-less day and month most plausibly means, seen from `reference`.
pub fn plausible_date(d: &DateMention, reference: Date) -> Option<Date> {
    d.date_near(reference)
}

/// Load the temporal automata now.
pub(crate) fn warm_up() {
    LazyLock::force(&TEMPORAL_RE);
    LazyLock::force(&CUE_GAP_RE);
    LazyLock::force(&BESIDE_GAP_RE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{date, Locale};

    #[test]
    fn the_cue_patterns_come_last_in_the_order_of_their_kinds() {
        let patterns = crate::patterns::temporal();
        let expected = [
            ("planned", CueKind::PlannedPast),
            ("report", CueKind::Report),
            ("past", CueKind::PastEvent),
            ("future", CueKind::Future),
            ("born", CueKind::Born),
            ("cond", CueKind::Conditional),
            ("speech", CueKind::Speech),
        ];
        let first = patterns.len() - CUES.len();
        for (i, (group, kind)) in expected.iter().enumerate() {
            assert!(
                patterns[first + i].contains(&format!("(?P<{group}>")),
                "{group}"
            );
            assert_eq!(CUES[i], *kind, "{group}");
        }
    }

    fn run(text: &str) -> (Vec<DateMention>, Temporal) {
        let mut dates = Vec::new();
        date::extract(text, Locale::Unknown, &mut dates);
        let prose = Prose::single_block(text);
        let (t, contexts) = extract(&prose, &dates);
        let dates = dates
            .into_iter()
            .zip(contexts)
            .map(|(d, c)| d.with_context(c))
            .collect();
        (dates, t)
    }

    #[test]
    fn reads_relative_expressions_and_resolves_them() {
        let (_, t) = run("Yesterday, last month, two years ago, earlier this week and next year.");
        let values: Vec<_> = t.relatives.iter().map(|r| r.value).collect();
        assert_eq!(
            values,
            vec![
                Relative::Day(-1),
                Relative::Unit {
                    unit: Unit::Month,
                    offset: -1
                },
                Relative::Ago {
                    n: 2,
                    unit: Unit::Year
                },
                Relative::Earlier(Unit::Week),
                Relative::Unit {
                    unit: Unit::Year,
                    offset: 1
                },
            ]
        );
        let reference = Date::new(2027, 2, 10).expect("valid");
        // Last month is the calendar month before: all of January.
        let (a, b) = values[1].resolve(reference).expect("last month");
        assert_eq!(a, Date::new(2027, 1, 1).expect("valid"));
        assert_eq!(b, Date::new(2027, 1, 31).expect("valid"));
        // Wednesday 10 February: last week runs Monday 1 to Sunday 7 February, and
        // from Sunday 31 January on Sunday-first calendars.
        let last_week = Relative::Unit {
            unit: Unit::Week,
            offset: -1,
        };
        assert_eq!(
            last_week.resolve(reference),
            Some((
                Date::new(2027, 1, 31).expect("valid"),
                Date::new(2027, 2, 7).expect("valid")
            ))
        );
        // "Last Monday" said on a Wednesday: two days back, or the Monday before.
        assert_eq!(
            Relative::weekday_readings(Weekday::Monday, -1, reference),
            Some((
                Date::new(2027, 2, 8).expect("valid"),
                Date::new(2027, 2, 1).expect("valid")
            ))
        );
    }

    #[test]
    fn pairs_relative_expressions_with_the_date_beside_them() {
        let (d, t) = run("It closed last month, on 3 December, and reopened yesterday (Monday).");
        assert_eq!(t.relatives[0].beside, Some(Beside::Date(0)));
        assert!(d[0].is_year_less());
        assert!(matches!(
            t.relatives[1].beside,
            Some(Beside::Weekday(_, Weekday::Monday))
        ));
    }

    #[test]
    fn reads_parts_of_the_day_as_the_day_they_fall_on() {
        let (_, t) = run(
            "Last night, this morning, this afternoon, this evening and earlier today; last nightly, this mornings.",
        );
        let values: Vec<_> = t.relatives.iter().map(|r| r.value).collect();
        assert_eq!(
            values,
            vec![
                Relative::Day(-1),
                Relative::Day(0),
                Relative::Day(0),
                Relative::Day(0),
                Relative::Day(0),
            ]
        );
        let text = "The storm hit last night (3 May) and earlier today, 4 May, it eased.";
        let (_, t) = run(text);
        assert_eq!(t.relatives[0].span.text(text), "last night");
        assert_eq!(t.relatives[0].beside, Some(Beside::Date(0)));
        assert_eq!(t.relatives[1].span.text(text), "earlier today");
        assert_eq!(t.relatives[1].beside, Some(Beside::Date(1)));
        // "Yesterday evening (3 May)": the part of the day belongs to the expression.
        let text = "It began yesterday evening (3 May) and ends tomorrow morning.";
        let (_, t) = run(text);
        assert_eq!(t.relatives[0].span.text(text), "yesterday evening");
        assert_eq!(t.relatives[0].value, Relative::Day(-1));
        assert_eq!(t.relatives[0].beside, Some(Beside::Date(0)));
        assert_eq!(t.relatives[1].span.text(text), "tomorrow morning");
        assert_eq!(t.relatives[1].value, Relative::Day(1));
        // The final night of something is not the night before.
        let (_, t) = run("On the last night (3 May) and the festival's last night, 4 May.");
        assert!(t.relatives.is_empty(), "{:?}", t.relatives);
        let (_, t) = run("He left that. Last night, 3 May, it rained.");
        assert_eq!(t.relatives[0].value, Relative::Day(-1));
        // A date further off in the sentence is not beside it.
        let (_, t) = run("This morning the council, which met on 3 May, voted.");
        assert_eq!(t.relatives[0].beside, None);
        // "N days ago" with the date beside it.
        let (_, t) = run("It opened three days ago, on 1 May.");
        assert_eq!(
            t.relatives[0].value,
            Relative::Ago {
                n: 3,
                unit: Unit::Day
            }
        );
        assert_eq!(t.relatives[0].beside, Some(Beside::Date(0)));
    }

    #[test]
    fn reads_ranges_periods_and_durations() {
        let (_, t) = run(
            "The decade-long project ran from 2010 to 2015; in 2010-15, 1998-03 and the 1990s, Q3 2023, the third quarter, spring 2024 and between March and May 2023. Not 2026-11-29.",
        );
        let ranges: Vec<_> = t.ranges.iter().map(|r| (r.from.year, r.to.year)).collect();
        assert_eq!(
            ranges,
            vec![
                (Some(2010), Some(2015)),
                (Some(2010), Some(2015)),
                (Some(1998), Some(2003)),
                (Some(2023), Some(2023)),
            ]
        );
        assert_eq!(t.periods.len(), 4);
        assert_eq!(t.durations[0].years, 10);
        assert_eq!(t.durations[0].range, None, "two ranges in the sentence");
        let (_, t) = run("The 12-year programme ran from 2010 to 2015. A 45-year-old man.");
        assert_eq!(t.durations.len(), 1);
        assert_eq!(t.durations[0].range, Some(0));
        assert_eq!(t.ages[0].age, 45);
    }

    #[test]
    fn links_cues_anchors_and_quotations_to_dates() {
        let (d, _) = run("The final was held on 14 March 2022. As of October 2017, there were 10. \"It will open in 2019,\" she said. If it is held in 2030.");
        assert_eq!(d[0].cue.map(|c| c.kind), Some(CueKind::PastEvent));
        assert_eq!(d[1].anchor.map(|a| a.kind), Some(AnchorKind::AsOf));
        assert!(d[2].quoted && d[2].cue.map(|c| c.kind) == Some(CueKind::Future));
        assert!(d[3].hedged);
        let (d, t) = run("The new chief, 45, who was born in 1990, spoke.");
        assert_eq!(d[0].cue.map(|c| c.kind), Some(CueKind::Born));
        assert_eq!(t.ages[0].born, Some(0));
    }

    #[test]
    fn reads_news_date_forms() {
        let (d, _) =
            run("on Sunday (Nov. 29) and the 29th of November and BEIJING, Feb. 14 (Reuters) -");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].weekday.map(|w| w.value), Some(Weekday::Sunday));
        assert_eq!((d[0].month, d[0].day), (Some(11), Some(29)));
        assert_eq!((d[1].month, d[1].day), (Some(11), Some(29)));
        assert_eq!((d[2].month, d[2].day), (Some(2), Some(14)));
    }
}
