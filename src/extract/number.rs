//! Quantities: numbers in digits or words, with their scale, currency, percentage or
//! fraction form, approximator and the noun they count. One regex finds where a number
//! may start; a small hand parser reads the rest around it.
//!
//! Every quantity is an interval: "38.7%" covers 38.65-38.75 (the rounding its
//! precision implies), "about 40%" covers 35-45, "more than 40" is open above. Dates,
//! times, scores, phone numbers and identifiers ("COVID-19", "No. 5", "A380") are not
//! quantities; ordinals ("21st") are kept apart as [`NumberKind::Ordinal`].

use crate::lexicon::{DENOMINATORS, SCALES, TENS, UNITS};
use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};

use super::date::DateMention;
use crate::span::Span;

/// What a quantity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A count or an amount: "40,000", "twelve", "$3bn".
    Cardinal,
    /// "60%", "60 per cent", "sixty percent".
    Percent,
    /// "2 percentage points", "2pp".
    Points,
    /// "two-thirds", "a fifth", "half", "one in five", "nine out of 10".
    Fraction,
    /// "21st": a position, never a quantity.
    Ordinal,
}

/// How the text bounds the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// "about", "around", "roughly", "some", "an estimated".
    Approx,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "more than", "over".
    Over,
    /// "just over", "slightly more than": a little above the number, not far above it.
    JustOver,
    /// "at least".
    AtLeast,
    /// "fewer than", "less than", "under", "below".
    Under,
    /// "up to", "as many as".
    AtMost,
    /// A range: "36 to 40", "between 20 and 30".
    Range,
}

/// One quantity as written.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberMention {
    /// The whole mention, approximator, currency and unit included ("more than 40%").
    pub span: Span,
    /// The number itself with its unit ("40%").
    pub value_span: Span,
    pub kind: NumberKind,
    /// The value as written: 40 for "40%", 1.75e12 for "1.75 trillion", and for a
    /// fraction its share in per cent (75 for "three-quarters").
    pub value: f64,
    /// The interval the text commits to.
    pub low: f64,
    pub high: f64,
    pub bound: Bound,
    /// "$", "£", "€", "¥" or a currency name ("yuan").
    pub currency: Option<String>,
    /// Written in words ("twelve").
    pub words: bool,
    /// The noun counted, lower case, when the grammar shows it ("firms").
    pub noun: Option<String>,
    pub noun_span: Option<Span>,
    /// The number is the first half of a hyphenated compound ("10-year-old").
    pub compound: bool,
    /// Inside quotation marks.
    pub quoted: bool,
    /// For a share written as a ratio ("291 out of 800", "one in five"): the part and
    /// the whole as written, each with its value.
    pub ratio: Option<[(f64, Span); 2]>,
    /// What it counts and its role in its sentence, read once all numbers are known
    /// (see [`super::referent`]).
    pub referent: super::role::Referent,
}

impl NumberMention {
    /// A percentage or a fraction: a share of some whole.
    pub fn is_share(&self) -> bool {
        matches!(self.kind, NumberKind::Percent | NumberKind::Fraction)
    }

    pub fn is_cardinal(&self) -> bool {
        self.kind == NumberKind::Cardinal
    }

    /// Whether the two intervals are further apart than `tolerance`.
    pub fn disagrees(low: f64, high: f64, other_low: f64, other_high: f64, tolerance: f64) -> bool {
        low > other_high + tolerance || other_low > high + tolerance
    }
}

/// Approximators, each before any shorter one it ends with ("just over" before "over").
const APPROXIMATORS: &[(&str, Bound)] = &[
    ("just over", Bound::JustOver),
    ("slightly over", Bound::JustOver),
    ("a little over", Bound::JustOver),
    ("just more than", Bound::JustOver),
    ("slightly more than", Bound::JustOver),
    ("a little more than", Bound::JustOver),
    ("well over", Bound::Over),
    ("more than", Bound::Over),
    ("over", Bound::Over),
    ("in excess of", Bound::Over),
    ("upwards of", Bound::Over),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("just under", Bound::Nearly),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("roughly", Bound::Approx),
    ("approximately", Bound::Approx),
    ("some", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("estimated", Bound::Approx),
    ("an average of", Bound::Approx),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("fewer than", Bound::Under),
    ("less than", Bound::Under),
    ("under", Bound::Under),
    ("below", Bound::Under),
];

/// Verbs after which "up to" is where a change ends ("went up to 350"), not a bound.
const MOVES_UP_TO: &[&str] = &[
    "went", "go", "goes", "going", "gone", "shot", "shoots", "moved", "moves", "edged", "edges",
    "crept", "creeps", "ticked", "ticks", "inched", "inches", "climbed", "climbs", "jumped",
    "jumps", "rose", "risen", "rises", "pushed", "pushes", "bumped", "ramped", "stepped",
    "revised", "marked", "scaled",
];

/// Currency names written after the number.
const CURRENCY_NAMES: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "yuan", "renminbi", "yen", "rupees", "rubles", "roubles",
    "pesos", "francs", "won", "reais", "rand", "dinars", "shekels", "lira", "naira", "kroner",
    "kronor", "krona", "ringgit", "baht", "usd", "eur", "gbp", "cny", "jpy",
];

/// Words after a number that are not the noun it counts.
const NOT_NOUNS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "per",
    "than",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "can",
    "may",
    "said",
    "says",
    "more",
    "less",
    "fewer",
    "each",
    "times",
    "percent",
    "cent",
    "that",
    "who",
    "which",
    "while",
    "when",
    "where",
    "after",
    "before",
    "into",
    "since",
    "until",
    "over",
    "under",
    "about",
    "around",
    "out",
    "up",
    "down",
    "also",
    "all",
    "other",
    "others",
    "not",
    "so",
    "if",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "again",
    "ago",
    "later",
    "earlier",
    "only",
    "just",
    "still",
    "yet",
    "then",
    "now",
    "being",
    "did",
    "do",
    "does",
    "against",
    "between",
    "among",
    "through",
    "during",
    "without",
    "within",
    "across",
    "behind",
    "like",
    "off",
    "onto",
    "upon",
    "via",
    "versus",
    "vs",
    "respectively",
    "apiece",
    "instead",
    "too",
    "either",
    "neither",
    "both",
    "another",
    "st",
    "nd",
    "rd",
    "th",
];

pub(crate) static START_RE: LazyLock<Prebuilt> =
    LazyLock::new(|| Prebuilt::new(crate::patterns::number(), embedded!("number")));

/// The next word at `pos` (after spaces): its span and text. Words are ASCII letters
/// with inner hyphens or apostrophes.
fn word_at(text: &str, pos: usize) -> Option<(Span, &str)> {
    let rest = text.get(pos..)?;
    let skip = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\t']).len();
    if skip > 3 || rest.get(skip..)?.starts_with('\n') {
        return None;
    }
    let start = pos + skip;
    let s = text.get(start..)?;
    let mut end = 0;
    let bytes = s.as_bytes();
    while end < bytes.len() {
        let b = bytes[end];
        if b.is_ascii_alphabetic()
            || ((b == b'-' || b == b'\'')
                && end > 0
                && bytes.get(end + 1).is_some_and(|n| n.is_ascii_alphabetic()))
        {
            end += 1;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    Some((Span::new(start, start + end), s.get(..end)?))
}

/// The word ending just before `pos` (after skipping spaces), lower case.
fn word_before(text: &str, pos: usize) -> Option<(Span, String)> {
    let head = text.get(..pos)?;
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if head.len() - trimmed.len() > 4 {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some((
        Span::new(start, trimmed.len()),
        trimmed.get(start..)?.to_ascii_lowercase(),
    ))
}

fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// A number in words starting at `pos`: its end and value, and whether it ended in a
/// fraction denominator ("two-thirds": value 66.67 as a share).
struct Words {
    end: usize,
    value: f64,
    fraction: bool,
}

fn parse_words(text: &str, pos: usize) -> Option<Words> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut end = pos;
    let mut cursor = pos;
    let mut seen = 0usize;
    // What the last token was: 0 none, 1 unit/teen, 2 tens, 3 hundred, 4 scale, 5 "a".
    let mut last = 0u8;
    while let Some((span, word)) = word_at(text, cursor) {
        if span.start > cursor
            && text
                .get(cursor..span.start)
                .is_some_and(|g| g.contains('\n'))
        {
            break;
        }
        // A hyphen joins "forty-two" and "two-thirds": split the word there.
        let (head, tail) = match word.split_once('-') {
            Some((h, t)) => (h, Some(t)),
            None => (word, None),
        };
        let lower = head.to_ascii_lowercase();
        let head_end = span.start + head.len();
        let mut consumed = false;
        if (lower == "a" || lower == "an") && seen == 0 {
            last = 5;
            consumed = true;
        } else if lower == "and" && matches!(last, 3 | 4) && seen > 0 {
            // "one hundred and twenty": only when a number word follows.
            let next = word_at(text, head_end)
                .map(|(_, w)| w.split('-').next().unwrap_or("").to_ascii_lowercase());
            if next.is_some_and(|n| lookup(UNITS, &n).is_some() || lookup(TENS, &n).is_some()) {
                cursor = head_end;
                continue;
            }
            break;
        } else if let Some(v) = lookup(UNITS, &lower) {
            if matches!(last, 1 | 5) {
                break;
            }
            if last == 2 && v >= 10.0 {
                break;
            }
            current += v;
            last = 1;
            consumed = true;
        } else if let Some(v) = lookup(TENS, &lower) {
            if matches!(last, 1 | 2 | 5) {
                break;
            }
            current += v;
            last = 2;
            consumed = true;
        } else if lower == "hundred" {
            if !matches!(last, 1 | 5) {
                break;
            }
            current = current.max(1.0) * 100.0;
            last = 3;
            consumed = true;
        } else if lower == "dozen" {
            if !matches!(last, 1 | 5) {
                break;
            }
            current = current.max(1.0) * 12.0;
            last = 3;
            consumed = true;
        } else if let Some(v) = lookup(SCALES, &lower) {
            if last == 0 || last == 4 {
                break;
            }
            total += current.max(1.0) * v;
            current = 0.0;
            last = 4;
            consumed = true;
        } else if lower == "half" && seen == 0 && last == 0 {
            // "half of the 40 staff", "half the seats": a share; "first half" is not.
            let next = word_at(text, head_end).map(|(_, w)| w.to_ascii_lowercase());
            let prev = word_before(text, span.start).map(|(_, w)| w);
            if tail.is_none()
                && matches!(next.as_deref(), Some("of" | "the"))
                && !matches!(
                    prev.as_deref(),
                    Some("first" | "second" | "a" | "the" | "and" | "by")
                )
            {
                return Some(Words {
                    end: head_end,
                    value: 50.0,
                    fraction: true,
                });
            }
            // "cut by half", "a reduction of half": the size of a change.
            if tail.is_none() && is_half_change(text, span.start, next.as_deref()) {
                return Some(Words {
                    end: head_end,
                    value: 50.0,
                    fraction: true,
                });
            }
            break;
        } else if let Some(d) = lookup(DENOMINATORS, &lower) {
            // "a third", "two-thirds", "one half": a numerator must come first.
            if matches!(last, 1 | 5) && current <= 10.0 && seen <= 1 {
                let numerator = if last == 5 { 1.0 } else { current.max(1.0) };
                if numerator < d {
                    return Some(Words {
                        end: head_end,
                        value: numerator / d * 100.0,
                        fraction: true,
                    });
                }
            }
            break;
        }
        if !consumed {
            break;
        }
        seen += 1;
        end = head_end;
        cursor = head_end;
        if tail.is_some() {
            // Continue inside the hyphenated word: "forty-two", "two-thirds".
            cursor = head_end + 1;
        }
    }
    // "a" alone, or "a" before a non-number, is no number.
    if seen == 0 || (last == 5) {
        return None;
    }
    Some(Words {
        end,
        value: total + current,
        fraction: false,
    })
}

/// Whether "half" at `start`, before the word `next` (`None` at punctuation), is the size
/// of a change: after "by" ("fell by half", "cut by half to 300") or after "of" behind a
/// change noun ("a reduction of half"), and ending the phrase there ("by half an hour",
/// "by half the amount" are not).
fn is_half_change(text: &str, start: usize, next: Option<&str>) -> bool {
    let ends = next.is_none_or(|w| {
        matches!(
            w,
            "to" | "from"
                | "in"
                | "over"
                | "during"
                | "since"
                | "between"
                | "last"
                | "this"
                | "compared"
                | "year"
                | "on"
                | "after"
                | "within"
                | "and"
                | "while"
                | "but"
        )
    });
    let Some((prev_span, prev)) = word_before(text, start) else {
        return false;
    };
    ends && match prev.as_str() {
        "by" => true,
        "of" => word_before(text, prev_span.start).is_some_and(|(_, w)| {
            matches!(
                w.as_str(),
                "increase"
                    | "rise"
                    | "jump"
                    | "gain"
                    | "climb"
                    | "growth"
                    | "decrease"
                    | "drop"
                    | "fall"
                    | "decline"
                    | "cut"
                    | "reduction"
                    | "loss"
            )
        }),
        _ => false,
    }
}

/// Half the unit of the last digit written: 0.05 for "38.7", 0.5 for "40".
fn half_unit(digits: &str) -> f64 {
    match digits.split_once('.') {
        Some((_, frac)) => 0.5 * 10f64.powi(-(frac.len() as i32)),
        None => 0.5,
    }
}

/// Half the unit of the last non-zero digit: 5 for "40", 50 for "1,200".
fn half_round_unit(value: f64) -> f64 {
    let mut unit = 1.0;
    let v = value.abs().round();
    if v == 0.0 || (value - v).abs() > 1e-9 {
        return 0.5;
    }
    while unit < 1e15 && (v / (unit * 10.0)).fract().abs() < 1e-9 {
        unit *= 10.0;
    }
    unit / 2.0
}

/// The interval an approximator commits the number `value` (with half-unit `half`) to.
fn interval(value: f64, half: f64, bound: Bound) -> (f64, f64) {
    let approx = (half_round_unit(value) * if half < 0.5 { half / 0.5 } else { 1.0 })
        .max(value.abs() * 0.05)
        .min(value.abs() * 0.25)
        .max(half);
    match bound {
        Bound::Exact | Bound::Range => (value - half, value + half),
        Bound::Approx => (value - approx, value + approx),
        Bound::Nearly => (value - 2.0 * approx, value + half),
        Bound::Over => (value - half, f64::INFINITY),
        // "just over 40%" is 40-44%, as "nearly 40%" is 36-40%.
        Bound::JustOver => (value - half, value + 2.0 * approx),
        Bound::AtLeast => (value - half, f64::INFINITY),
        Bound::Under | Bound::AtMost => (0.0, value + half),
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Find every quantity in `text`, skipping numbers inside `dates`; `quotations` (its
/// quotation spans, sorted) mark the quoted ones.
pub fn extract(
    text: &str,
    quotations: &[Span],
    dates: &[DateMention],
    out: &mut Vec<NumberMention>,
) {
    let mut pos = 0;
    while pos < text.len() {
        let Some((whole, pattern)) = START_RE.find_pattern_at(text, pos) else {
            break;
        };
        let start = whole.start();
        let mut next = whole.end().max(pos + 1);
        if let Some(d) = crate::span::overlapping(dates, |d| d.span, Span::new(start, start + 1)) {
            pos = next.max(d.span.end);
            continue;
        }
        let found = if pattern == 0 {
            read_digits(text, start, whole.end())
        } else {
            parse_words(text, start).and_then(|w| read_words(text, start, w))
        };
        if let Some(mut m) = found {
            next = next.max(m.value_span.end);
            if crate::span::overlapping(dates, |d| d.span, m.value_span).is_some() {
                pos = next;
                continue;
            }
            m.quoted = crate::span::overlapping(quotations, |q| *q, m.value_span)
                .is_some_and(|q| q.contains(m.value_span));
            out.push(m);
        } else {
            // Skip the rest of a digit run (a phone number, an identifier).
            let rest = text.get(next..).unwrap_or("");
            next += rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        }
        pos = next;
        while pos < text.len() && !text.is_char_boundary(pos) {
            pos += 1;
        }
    }
    carry_scale(text, out);
    merge_ranges(text, out);
}

/// Read a number written in digits at `start..end`, with what surrounds it.
fn read_digits(text: &str, start: usize, end: usize) -> Option<NumberMention> {
    let digits = text.get(start..end)?;
    let before = text.get(..start)?;
    let after = text.get(end..)?;
    let prev = before.chars().next_back();
    // Part of a word or identifier: "A380", "G7", "COVID-19", "#3", "v1.2".
    if prev.is_some_and(|c| {
        is_ident_char(c) || matches!(c, '#' | '/' | '.' | ':' | '-' | '+' | '\'' | '@')
    }) && !(prev == Some('-') && before.len() >= 2 && before[..before.len() - 1].ends_with(' '))
    {
        return None;
    }
    // A decimal point followed by more digits ("1.2.3"), a time ("6:30"), a slash
    // ("3/4"), a score or serial ("3-1", "555-1234"), a version.
    let mut chars = after.chars();
    let c1 = chars.next();
    let c2 = chars.next();
    if matches!(c1, Some('-' | '–')) && c2.is_some_and(|c| c.is_ascii_digit()) {
        return read_dash_range(text, start, end);
    }
    if matches!(c1, Some('.' | ':' | '/' | ',')) && c2.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // "No. 5", "number 5", "Article 5", "Flight 370", "Route 66": labels, not counts.
    if let Some((_, w)) = word_before(text, start) {
        if matches!(
            w.as_str(),
            "no" | "nos"
                | "number"
                | "article"
                | "section"
                | "chapter"
                | "flight"
                | "route"
                | "room"
                | "page"
                | "pages"
                | "level"
                | "grade"
                | "category"
                | "model"
                | "version"
                | "season"
                | "episode"
                | "week"
                | "day"
                | "stage"
                | "round"
                | "game"
                | "match"
                | "phase"
                | "line"
                | "platform"
                | "gate"
                | "channel"
                | "highway"
                | "interstate"
                | "bus"
                | "resolution"
                | "rule"
                | "paragraph"
                | "item"
                | "district"
                | "ward"
                | "unit"
                | "block"
                | "lot"
                | "jersey"
                | "shirt"
                | "group"
                | "team"
                | "mark"
                | "apollo"
                | "boeing"
                | "airbus"
                | "windows"
                | "iphone"
                | "galaxy"
                | "covid"
        ) {
            return None;
        }
    }
    // Times: "6am", "6 p.m.", "6.30pm".
    let lower_after: String = after
        .chars()
        .take(6)
        .collect::<String>()
        .to_ascii_lowercase();
    let la = lower_after.trim_start();
    if la.starts_with("am")
        || la.starts_with("pm")
        || la.starts_with("a.m")
        || la.starts_with("p.m")
        || la.starts_with("gmt")
        || la.starts_with("utc")
        || la.starts_with("hrs")
        || la.starts_with("h ")
    {
        return None;
    }
    // Ordinals: "21st", "3rd".
    if let Some(suffix) = after.get(..2) {
        if matches!(suffix, "st" | "nd" | "rd" | "th")
            && !after
                .get(2..3)
                .is_some_and(|c| c.chars().all(is_ident_char))
        {
            let value: f64 = digits.replace(',', "").parse().ok()?;
            return Some(bare(start, end + 2, NumberKind::Ordinal, value));
        }
    }
    // Decades "1990s" and other letters glued to the digits, except units read below.
    let glued: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let glued_lower = glued.to_ascii_lowercase();
    if !glued.is_empty()
        && !matches!(
            glued_lower.as_str(),
            "bn" | "m" | "mn" | "k" | "tn" | "pc" | "pp" | "trn" | "b"
        )
    {
        return None;
    }
    // Phone numbers: digit groups separated by spaces, dots or hyphens.
    if digits.len() >= 3 && !digits.contains(',') && !digits.contains('.') {
        let tail = after.trim_start_matches([' ', '.']);
        if tail.len() < after.len()
            && tail.chars().take(3).filter(|c| c.is_ascii_digit()).count() == 3
            && after.len() - tail.len() == 1
            && tail.get(3..4) != Some(",")
        {
            return None;
        }
        // An area code: "(555) 123-4567", "(020) 7946 0000". A bracketed number
        // alone ("Dijon (586)", "(2019)") is a count.
        if prev == Some('(') && after.starts_with(')') && is_phone_rest(&after[1..]) {
            return None;
        }
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let half = half_unit(digits);
    let mut m = bare(start, end, NumberKind::Cardinal, value);
    read_prefix(text, &mut m);
    read_unit(text, &mut m, half, glued_lower.as_str());
    Some(m)
}

/// Whether `rest` (the text after an area code's closing bracket) goes on as a phone
/// number: a group of three or more digits, then a separator and more digits.
fn is_phone_rest(rest: &str) -> bool {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let group = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[group..];
    group >= 3
        && after.starts_with(['-', ' ', '.'])
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// "20-30%" is a range of percentages; "3-1" (a score) and "555-1234" are not numbers.
fn read_dash_range(text: &str, start: usize, end: usize) -> Option<NumberMention> {
    let first: f64 = text.get(start..end)?.replace(',', "").parse().ok()?;
    let dash = text.get(end..)?.chars().next()?.len_utf8();
    let second_start = end + dash;
    let rest = text.get(second_start..)?;
    let len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let second_digits = rest.get(..len)?.trim_end_matches('.');
    let second: f64 = second_digits.parse().ok()?;
    let after = rest.get(second_digits.len()..)?;
    let lower = head(after, 10).to_ascii_lowercase();
    let percent =
        after.starts_with('%') || lower.starts_with(" per cent") || lower.starts_with(" percent");
    if !percent || second < first {
        return None;
    }
    let mut m = bare(
        start,
        second_start + second_digits.len(),
        NumberKind::Cardinal,
        second,
    );
    read_unit(text, &mut m, half_unit(second_digits), "");
    m.low = first - half_unit(text.get(start..end)?);
    m.bound = Bound::Range;
    Some(m)
}

fn bare(start: usize, end: usize, kind: NumberKind, value: f64) -> NumberMention {
    NumberMention {
        span: Span::new(start, end),
        value_span: Span::new(start, end),
        kind,
        value,
        low: value,
        high: value,
        bound: Bound::Exact,
        currency: None,
        words: false,
        noun: None,
        noun_span: None,
        compound: false,
        quoted: false,
        ratio: None,
        referent: Default::default(),
    }
}

/// Read a number written in words.
fn read_words(text: &str, start: usize, w: Words) -> Option<NumberMention> {
    let written = text.get(start..w.end)?.to_ascii_lowercase();
    let prev = text.get(..start)?.chars().next_back();
    if prev.is_some_and(|c| is_ident_char(c) || c == '-') {
        return None;
    }
    if w.fraction {
        let mut m = bare(start, w.end, NumberKind::Fraction, w.value);
        m.words = true;
        read_prefix(text, &mut m);
        // Spoken fractions are loose: "a third" stands for 31-36%.
        m.low = w.value - 2.5;
        m.high = w.value + 2.5;
        apply_bound(&mut m, 2.5);
        read_noun(text, &mut m);
        return Some(m);
    }
    let mut m = bare(start, w.end, NumberKind::Cardinal, w.value);
    m.words = true;
    if written.starts_with("a ") || written.starts_with("an ") {
        // "a hundred", "a dozen": approximate by nature.
        m.bound = Bound::Approx;
    }
    read_prefix(text, &mut m);
    read_unit(text, &mut m, 0.5, "");
    Some(m)
}

/// An approximator or bound just before the number ("more than", "about").
fn read_prefix(text: &str, m: &mut NumberMention) {
    let Some(head) = text.get(..m.span.start) else {
        return;
    };
    // A currency symbol first: "$3bn", "US$4", "£20".
    let mut cut = head.len();
    for sym in [
        "US$", "A$", "C$", "HK$", "NZ$", "S$", "R$", "$", "£", "€", "¥", "₹",
    ] {
        if head.ends_with(sym) {
            m.currency = Some(sym.to_string());
            cut = head.len() - sym.len();
            break;
        }
    }
    let head = head.get(..cut).unwrap_or("");
    let trimmed = head.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == head.len() && cut == m.span.start {
        // "over40": no space, no approximator.
        if !head.is_empty() {
            return;
        }
    }
    // Only the last words can hold an approximator: lowercase a short window, not all
    // the text before the number (that made long documents quadratic).
    let lower = crate::span::tail(trimmed, trimmed.len(), 48).to_ascii_lowercase();
    for &(phrase, bound) in APPROXIMATORS {
        if lower.ends_with(phrase) {
            let at = trimmed.len() - phrase.len();
            let ok_start = at == 0
                || !trimmed
                    .get(..at)
                    .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_alphanumeric()));
            if !ok_start {
                continue;
            }
            // "went up to 350", "has edged up to 4%": a change reaching the number, not
            // a ceiling on it.
            if phrase == "up to"
                && word_before(trimmed, at).is_some_and(|(_, w)| MOVES_UP_TO.contains(&w.as_str()))
            {
                break;
            }
            // "some" and "over" only directly before the number ("some 40 people").
            m.bound = bound;
            m.span.start = at;
            break;
        }
    }
    if m.currency.is_some() && m.span.start == m.value_span.start {
        m.span.start = cut;
        m.value_span.start = cut;
    } else if m.currency.is_some() {
        m.value_span.start = cut;
    }
}

/// Percent, points, scale words and currency names after the number, then the noun.
fn read_unit(text: &str, m: &mut NumberMention, mut half: f64, glued: &str) {
    let mut end = m.value_span.end;
    let mut scale = 1.0;
    match glued {
        "bn" | "b" => scale = 1e9,
        "tn" | "trn" => scale = 1e12,
        "mn" => scale = 1e6,
        "m" | "k" => {
            // "4.5m" is millions beside a currency or before a count of people;
            // otherwise it may be metres ("100m sprint").
            let after = word_at(text, end + 1).map(|(_, w)| w.to_ascii_lowercase());
            let people = after.as_deref().is_some_and(|w| {
                matches!(
                    w,
                    "people"
                        | "users"
                        | "residents"
                        | "customers"
                        | "viewers"
                        | "subscribers"
                        | "households"
                        | "voters"
                        | "jobs"
                        | "barrels"
                        | "tonnes"
                        | "tons"
                        | "homes"
                        | "visitors"
                        | "copies"
                        | "doses"
                        | "passengers"
                        | "children"
                        | "workers"
                        | "members"
                        | "downloads"
                        | "followers"
                        | "vaccinations"
                )
            });
            if m.currency.is_some() || people {
                scale = if glued == "k" { 1e3 } else { 1e6 };
            } else {
                m.compound = true;
            }
        }
        "pc" => m.kind = NumberKind::Percent,
        "pp" => m.kind = NumberKind::Points,
        _ => {}
    }
    end += glued.len();
    let rest = text.get(end..).unwrap_or("");
    let lower: String = rest
        .chars()
        .take(40)
        .collect::<String>()
        .to_ascii_lowercase();
    let space = lower.len() - lower.trim_start_matches([' ', '\u{a0}']).len();
    let l = lower.trim_start_matches([' ', '\u{a0}']);
    let word_end = |s: &str, n: usize| {
        !s.get(n..n + 1)
            .is_some_and(|c| c.chars().all(is_ident_char))
    };
    if m.kind == NumberKind::Cardinal {
        if let Some(r) = l.strip_prefix('%') {
            m.kind = NumberKind::Percent;
            end += space + 1;
            let r2 = r.trim_start();
            if r2.starts_with("point") {
                m.kind = NumberKind::Points;
                end += r.len() - r2.len() + if r2.starts_with("points") { 6 } else { 5 };
            }
        } else if l.starts_with("percentage point") || l.starts_with("percentage-point") {
            m.kind = NumberKind::Points;
            let n = if l.starts_with("percentage points") {
                17
            } else {
                16
            };
            end += space + n;
        } else if (l.starts_with("per cent") || l.starts_with("per-cent")) && word_end(l, 8) {
            m.kind = NumberKind::Percent;
            end += space + 8;
        } else if l.starts_with("percent") && word_end(l, 7) {
            m.kind = NumberKind::Percent;
            end += space + 7;
        } else if glued.is_empty() {
            for (w, v) in SCALES
                .iter()
                .chain(&[("bn", 1e9), ("tn", 1e12), ("mln", 1e6)])
            {
                if l.starts_with(w) && word_end(l, w.len()) && space <= 1 {
                    scale = *v;
                    end += space + w.len();
                    break;
                }
            }
        }
        if m.kind == NumberKind::Percent {
            let rest2 = crate::span::head(text, end, 64).to_ascii_lowercase();
            let t = rest2.trim_start();
            if t.starts_with("point") || t.starts_with("percentage point") {
                m.kind = NumberKind::Points;
                let n = if t.starts_with("points") {
                    6
                } else if t.starts_with("point") {
                    5
                } else if t.starts_with("percentage points") {
                    17
                } else {
                    16
                };
                end += rest2.len() - t.len() + n;
            }
        }
    }
    // A currency name: "2.3 billion yuan", "40 euros".
    if m.kind == NumberKind::Cardinal {
        if let Some((span, w)) = word_at(text, end) {
            let lw = w.to_ascii_lowercase();
            if CURRENCY_NAMES.contains(&lw.as_str()) {
                m.currency = Some(lw);
                end = span.end;
            }
        }
    }
    m.value *= scale;
    half *= scale;
    if matches!(m.kind, NumberKind::Percent | NumberKind::Points) && m.words {
        half = 0.5;
    }
    // "a 2-percentage-point rise": points, written as an adjective.
    if m.kind == NumberKind::Cardinal {
        let after = crate::span::head(text, end, 24).to_ascii_lowercase();
        if let Some(n) = ["-percentage-points", "-percentage-point"]
            .iter()
            .find(|p| after.starts_with(*p) && word_end(&after, p.len()))
        {
            m.kind = NumberKind::Points;
            end += n.len();
        }
    }
    m.value_span.end = end;
    m.span.end = end;
    if end < text.len() && text.get(end..end + 1) == Some("-") {
        m.compound = true;
        // "a 6-point rise": a count of points, told as an adjective (the kinds decide
        // whether they are points of a percentage).
        let after = crate::span::head(text, end, 8).to_ascii_lowercase();
        if after.starts_with("-point") && word_end(&after, 6) {
            m.noun = Some("points".to_string());
            m.noun_span = Some(Span::new(end + 1, end + 6));
        }
    }
    let h = if m.bound == Bound::Approx && m.words {
        half_round_unit(m.value).max(half)
    } else {
        half
    };
    apply_bound(m, h);
    read_noun(text, m);
}

fn apply_bound(m: &mut NumberMention, half: f64) {
    let (lo, hi) = if m.kind == NumberKind::Fraction && m.bound == Bound::Exact {
        (m.value - half, m.value + half)
    } else {
        interval(m.value, half, m.bound)
    };
    m.low = lo;
    m.high = hi;
}

/// The longest start of `s` of at most `n` bytes that ends on a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// The noun a quantity counts: the next word, or the word after "of the" for a share.
fn read_noun(text: &str, m: &mut NumberMention) {
    let mut pos = m.span.end;
    if text.get(pos..pos + 1) == Some("-") {
        // "10-year-old": the compound is an adjective, not a count.
        return;
    }
    if m.is_share() {
        let rest = text.get(pos..).unwrap_or("");
        let head = head(rest, 20);
        let lower = head.to_ascii_lowercase();
        let Some(r) = lower.strip_prefix(" of ") else {
            return;
        };
        pos += head.len() - r.len();
        for article in ["the ", "all ", "its ", "their ", "his ", "her "] {
            if r.starts_with(article) {
                pos += article.len();
                break;
            }
        }
    }
    let Some((span, w)) = word_at(text, pos) else {
        return;
    };
    let lw = w.to_ascii_lowercase();
    if NOT_NOUNS.contains(&lw.as_str()) || lookup(UNITS, &lw).is_some() {
        return;
    }
    // Capitalised words are names ("5 Downing Street"), not counted nouns, unless
    // the noun is an acronym in a plural ("40 MPs").
    if w.starts_with(|c: char| c.is_ascii_uppercase()) && !w.ends_with('s') {
        return;
    }
    m.noun = Some(lw);
    m.noun_span = Some(span);
    // One adjective may come first ("12 confirmed victims"); take a second word
    // when the first does not look plural and the second does.
    if w.ends_with('s') {
        return;
    }
    let Some((span2, w2)) = word_at(text, span.end) else {
        return;
    };
    let l2 = w2.to_ascii_lowercase();
    if l2.ends_with('s')
        && !NOT_NOUNS.contains(&l2.as_str())
        && !w2.starts_with(|c: char| c.is_ascii_uppercase())
        && l2 != "was"
        && l2 != "is"
        && l2 != "has"
    {
        m.noun = Some(l2);
        m.noun_span = Some(span2);
    }
}

/// The scale word of the second of two linked values, when the first has none: "from 14
/// to 70 million", "between 3 and 4bn", "$2-3 billion" mean millions and billions both.
fn carry_scale(text: &str, out: &mut [NumberMention]) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else {
            continue;
        };
        let Some(b_text) = text.get(b.value_span.start..b.value_span.end) else {
            continue;
        };
        let b_lower = b_text.to_ascii_lowercase();
        let Some(factor) = SCALES
            .iter()
            .chain(&[("bn", 1e9), ("tn", 1e12), ("mln", 1e6), ("m", 1e6)])
            .find(|(w, _)| {
                // "70 million", "$70m", "15 million dollars", "3bn euros".
                b_lower
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                    .any(|t| t == *w || t.strip_suffix(w).is_some_and(|n| n.parse::<f64>().is_ok()))
            })
            .map(|(_, f)| *f)
        else {
            continue;
        };
        let a_text = text.get(a.value_span.start..a.value_span.end).unwrap_or("");
        let bare = a_text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '$' | '£' | '€' | '¥'));
        if !bare || a.kind != NumberKind::Cardinal || b.kind != NumberKind::Cardinal {
            continue;
        }
        if a.value >= 1000.0 || a.value * factor > b.value * 1000.0 || a.noun.is_some() {
            continue;
        }
        let gap = text
            .get(a.span.end..b.span.start)
            .unwrap_or("x")
            .trim()
            .to_ascii_lowercase();
        let before = crate::span::tail(text, a.span.start, 16).to_ascii_lowercase();
        let before = before.trim_end();
        let linked = match gap.as_str() {
            "-" | "–" | "to" => true,
            "and" => before.ends_with("between"),
            _ => false,
        };
        if !linked {
            continue;
        }
        a.value *= factor;
        a.low *= factor;
        a.high *= factor;
        if a.currency.is_none() {
            a.currency.clone_from(&b.currency);
        }
    }
}

/// Join "36 to 40", "20-30%" and "between 20 and 30 percent" into one range.
fn merge_ranges(text: &str, out: &mut Vec<NumberMention>) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let gap = text
            .get(a.span.end..b.span.start)
            .unwrap_or("x")
            .to_ascii_lowercase();
        let raw_before = crate::span::tail(text, a.span.start, 64);
        let tail_start = a.span.start - raw_before.len();
        let before = raw_before.to_ascii_lowercase();
        let before = before.trim_end();
        let joined = match gap.trim() {
            "-" | "–" | "to" => {
                !before.ends_with("from")
                    && a.bound == Bound::Exact
                    && !is_change_amount(text, a)
                    && !text
                        .get(b.span.end..)
                        .unwrap_or("")
                        .trim_start()
                        .starts_with("from")
            }
            "and" => before.ends_with("between"),
            _ => false,
        };
        let ratio = matches!(gap.as_str(), " in " | " out of ")
            && a.kind == NumberKind::Cardinal
            && b.kind == NumberKind::Cardinal
            && a.noun.is_none()
            && b.value > a.value
            && a.value >= 1.0
            && b.value <= 1000.0
            && a.bound == Bound::Exact;
        if ratio {
            // "one in five", "nine out of 10": a share.
            let b = out.remove(i + 1);
            let a = &mut out[i];
            let share = a.value / b.value * 100.0;
            a.ratio = Some([(a.value, a.value_span), (b.value, b.value_span)]);
            a.kind = NumberKind::Fraction;
            a.value = share;
            a.low = share - 2.5;
            a.high = share + 2.5;
            a.span.end = b.span.end;
            a.value_span.end = b.value_span.end;
            a.noun = None;
            a.noun_span = None;
            // "nine out of 10 doctors": the noun follows the whole, as after a count.
            // "one in five of the 200 workers": else the noun after "of the".
            a.kind = NumberKind::Cardinal;
            read_noun(text, a);
            a.kind = NumberKind::Fraction;
            if a.noun.is_none() {
                read_noun(text, a);
            }
            i += 1;
            continue;
        }
        let same =
            a.kind == b.kind || (a.kind == NumberKind::Cardinal && b.kind != NumberKind::Ordinal);
        if joined && same && b.value >= a.value && a.noun.is_none() {
            let b = out.remove(i + 1);
            let a = &mut out[i];
            a.span.end = b.span.end;
            a.value_span.end = b.value_span.end;
            a.kind = b.kind;
            a.high = b.high;
            a.bound = Bound::Range;
            a.noun = b.noun;
            a.noun_span = b.noun_span;
            a.currency = a.currency.take().or(b.currency);
            if before.ends_with("between") {
                // `before` is the tail before the old start, spaces trimmed: the word
                // ends where it ends.
                a.span.start = tail_start + before.len() - "between".len();
            }
        }
        i += 1;
    }
}

/// The text between two spans, lower case ("" when they overlap or are reversed).
pub fn gap(text: &str, a: Span, b: Span) -> String {
    text.get(a.end..b.start).unwrap_or("").to_ascii_lowercase()
}

/// Whether `share` states the size of a change: "rose 25%", "up 25%", "a 25% increase",
/// "an increase of 25%", "by 25%".
pub fn is_change_amount(text: &str, share: &NumberMention) -> bool {
    let before = word_before(text, share.span.start).map(|(_, w)| w);
    // "a 6-point rise", "30 points lower": the word after the points.
    let points = matches!(share.noun.as_deref(), Some("points" | "point"));
    let end = match share.noun_span {
        Some(noun) if share.compound || points => noun.end,
        _ => share.span.end,
    };
    let after = word_at(text, end).map(|(_, w)| w.to_ascii_lowercase());
    let before2 = crate::span::tail(text, share.span.start, 64)
        .trim_end()
        .to_ascii_lowercase();
    matches!(
        before.as_deref(),
        Some(
            "rose"
                | "rise"
                | "rises"
                | "risen"
                | "grew"
                | "grown"
                | "increased"
                | "jumped"
                | "climbed"
                | "gained"
                | "fell"
                | "fallen"
                | "dropped"
                | "declined"
                | "decreased"
                | "slipped"
                | "slid"
                | "plunged"
                | "plummeted"
                | "tumbled"
                | "sank"
                | "surged"
                | "soared"
                | "up"
                | "down"
                | "by"
                | "shrank"
                | "shrunk"
                | "lost"
                | "added"
                | "expanded"
                | "contracted"
                | "rising"
                | "falling"
                | "increasing"
                | "decreasing"
                | "dropping"
                | "growing"
                | "jumping"
                | "slumped"
                | "leapt"
                | "leaped"
                | "dipped"
                | "edged"
                | "eased"
                | "advanced"
                | "retreated"
                | "rebounded"
                | "spiked"
                | "sagged"
                | "crashed"
                | "skyrocketed"
                | "rocketed"
                | "ballooned"
                | "widened"
                | "narrowed"
                | "grows"
                | "falls"
                | "drops"
                | "climbs"
                | "jumps"
                | "gains"
                | "increases"
                | "decreases"
                | "declines"
                | "cut"
                | "slashed"
                | "reduced"
                | "raised"
                | "lifted"
                | "lowered"
                | "boosted"
                | "trimmed"
        )
    ) || matches!(
        after.as_deref(),
        Some(
            "increase"
                | "higher"
                | "lower"
                | "leap"
                | "slide"
                | "rise"
                | "jump"
                | "gain"
                | "growth"
                | "drop"
                | "fall"
                | "decline"
                | "decrease"
                | "reduction"
                | "surge"
                | "hike"
                | "climb"
                | "cut"
                | "slump"
                | "plunge"
        )
    ) || [
        "increase of",
        "rise of",
        "drop of",
        "fall of",
        "decline of",
        "decrease of",
        "growth of",
        "gain of",
        "jump of",
        "reduction of",
        "cut of",
        "climb of",
        "leap of",
        "surge of",
        "slump of",
        "slide of",
        "plunge of",
        "hike of",
    ]
    .iter()
    .any(|p| before2.ends_with(p))
}

/// Whether the change word before `share` says it went down.
pub fn change_is_down(text: &str, share: &NumberMention) -> Option<bool> {
    let before = word_before(text, share.span.start).map(|(_, w)| w);
    let after = word_at(text, share.span.end).map(|(_, w)| w.to_ascii_lowercase());
    let down = [
        "fell",
        "fallen",
        "dropped",
        "declined",
        "decreased",
        "slipped",
        "slid",
        "plunged",
        "plummeted",
        "tumbled",
        "sank",
        "down",
        "shrank",
        "shrunk",
        "lost",
        "contracted",
        "falling",
        "decreasing",
        "dropping",
        "drop",
        "fall",
        "decline",
        "decrease",
        "reduction",
        "cut",
        "slump",
        "plunge",
    ];
    let up = [
        "rose",
        "rise",
        "rises",
        "risen",
        "grew",
        "grown",
        "increased",
        "jumped",
        "climbed",
        "gained",
        "surged",
        "soared",
        "up",
        "added",
        "expanded",
        "rising",
        "increasing",
        "growing",
        "jumping",
        "increase",
        "jump",
        "gain",
        "growth",
        "surge",
        "hike",
        "climb",
    ];
    for w in [before.as_deref(), after.as_deref()].into_iter().flatten() {
        if down.contains(&w) {
            return Some(true);
        }
        if up.contains(&w) {
            return Some(false);
        }
    }
    None
}

/// Load the number automata now.
pub(crate) fn warm_up() {
    LazyLock::force(&START_RE);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<NumberMention> {
        let mut dates = Vec::new();
        super::super::date::extract(text, super::super::Locale::Unknown, &mut dates);
        let quotations = crate::document::quotes::find(text, &[Span::new(0, text.len())]);
        let mut out = Vec::new();
        extract(text, &quotations, &dates, &mut out);
        out
    }

    #[test]
    fn a_share_followed_by_a_split_character_is_read_without_overflow() {
        // Byte 20 after "one-third" falls inside U+FEFF: the look-ahead must not assume
        // it read 20 bytes (found by fuzzing).
        let found = numbers("It is one-third of the national t\u{feff}otal.");
        assert_eq!(found.len(), 1);
    }

    fn one(text: &str) -> NumberMention {
        let n = numbers(text);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        n.into_iter().next().expect("one")
    }

    #[test]
    fn reads_digits_scales_and_currencies() {
        let m = one("It cost $3bn last year");
        assert_eq!(m.value, 3e9);
        assert_eq!(m.currency.as_deref(), Some("$"));
        assert_eq!(m.span.text("It cost $3bn last year"), "$3bn");
        let m = one("a 1.75 trillion parameter model");
        assert_eq!(m.value, 1.75e12);
        let m = one("worth 2.3 billion yuan");
        assert_eq!(m.currency.as_deref(), Some("yuan"));
        let m = one("There were 40,000 units");
        assert_eq!(m.value, 40000.0);
        assert_eq!(m.noun.as_deref(), Some("units"));
        let m = one("about 4.5m people");
        assert_eq!(m.value, 4.5e6);
    }

    #[test]
    fn reads_words_and_fractions() {
        assert_eq!(one("twelve firms").value, 12.0);
        assert_eq!(one("forty thousand fans").value, 40000.0);
        assert_eq!(one("a hundred days").value, 100.0);
        assert_eq!(one("two dozen eggs").value, 24.0);
        assert_eq!(one("one hundred and twenty boats").value, 120.0);
        assert_eq!(one("forty-two boats").value, 42.0);
        let m = one("two-thirds of voters");
        assert_eq!(m.kind, NumberKind::Fraction);
        assert!((m.value - 66.67).abs() < 0.01);
        assert_eq!(m.noun.as_deref(), Some("voters"));
        assert_eq!(one("a fifth of them").kind, NumberKind::Fraction);
        assert_eq!(one("three-quarters of it").value, 75.0);
        let m = numbers("one in five of the 200 workers")[0].clone();
        assert_eq!((m.kind, m.value), (NumberKind::Fraction, 20.0));
        assert_eq!(one("nine out of 10 doctors").value, 90.0);
        // A range opened by "between" starts at "between", wherever it stands.
        let text =
            "The long opening sentence comes first here. Prices rose between 20 and 30 percent.";
        let m = numbers(text)[0].clone();
        assert_eq!(m.span.text(text), "between 20 and 30 percent");
        assert_eq!(one("half of the staff").value, 50.0);
        assert!(numbers("in the first half of the year").is_empty());
    }

    #[test]
    fn reads_percentages_with_precision() {
        let m = one("turnout was 38.7%");
        assert!((m.low - 38.65).abs() < 1e-9 && (m.high - 38.75).abs() < 1e-9);
        let m = one("about 40% of them");
        assert_eq!((m.low, m.high), (35.0, 45.0));
        assert_eq!(one("60 per cent").kind, NumberKind::Percent);
        assert_eq!(one("sixty percent").kind, NumberKind::Percent);
        assert_eq!(one("2 percentage points").kind, NumberKind::Points);
        let m = one("more than 40 people");
        assert_eq!(m.bound, Bound::Over);
        assert!(m.high.is_infinite());
    }

    #[test]
    fn skips_dates_times_scores_and_identifiers() {
        assert!(numbers("on 29 November 2026 at 6am").is_empty());
        assert!(numbers("won 3-1 at 6:30").is_empty());
        assert!(numbers("COVID-19 and the A380, flight No. 5").is_empty());
        assert!(numbers("call 555-123-4567").is_empty());
        assert_eq!(one("the 21st time").kind, NumberKind::Ordinal);
        assert!(numbers("in the 1990s").is_empty());
    }

    #[test]
    fn reads_just_over_as_a_little_above() {
        let m = one("up just over 51% from last year");
        assert_eq!(m.bound, Bound::JustOver);
        assert!(m.low < 51.0 && m.high > 51.0 && m.high < 60.0);
        assert_eq!(one("well over 200 homes").bound, Bound::Over);
    }

    #[test]
    fn reads_up_to_after_a_verb_of_change_as_where_it_ended() {
        let m = one("Admissions went up to 350 this year");
        assert_eq!((m.bound, m.low, m.high), (Bound::Exact, 349.5, 350.5));
        assert_eq!(one("fines of up to 350 dollars").bound, Bound::AtMost);
    }

    #[test]
    fn reads_half_as_the_size_of_a_change() {
        let m = numbers("Output was cut by half, from 300 tonnes")[0].clone();
        assert_eq!((m.kind, m.value), (NumberKind::Fraction, 50.0));
        let m = numbers("Sales fell by half to 200")[0].clone();
        assert_eq!(m.kind, NumberKind::Fraction);
        assert_eq!(one("a reduction of half.").kind, NumberKind::Fraction);
        assert!(numbers("delayed by half an hour").is_empty());
        assert!(numbers("grew by half the amount").is_empty());
    }

    #[test]
    fn reads_a_bracketed_count_that_is_no_area_code() {
        let text = "split between Dijon (586) and Lyon (1,129)";
        let n = numbers(text);
        assert_eq!(n.len(), 2, "{n:?}");
        assert_eq!(n[0].value, 586.0);
        assert!(numbers("call (555) 123-4567 today").is_empty());
        assert!(numbers("call (020) 7946 0000 today")
            .iter()
            .all(|n| n.value != 20.0));
    }

    #[test]
    fn joins_ranges() {
        let m = one("between 36 and 40 people");
        assert_eq!(m.bound, Bound::Range);
        assert_eq!(m.noun.as_deref(), Some("people"));
        assert_eq!(one("20-30% of them").kind, NumberKind::Percent);
    }

    #[test]
    fn marks_quoted_numbers() {
        let n = numbers("He said \"40 people died\" and 12 left.");
        assert!(n[0].quoted && !n[1].quoted);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "$",
            "1.",
            "1,",
            "a",
            "an hundred",
            "½ 3‑1 ５",
            "9-",
            "–3",
            "€",
            "\"1",
        ] {
            let _ = numbers(t);
        }
    }
}
