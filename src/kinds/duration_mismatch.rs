//! `duration-mismatch`: a stated duration that does not fit the range beside it ("the
//! decade-long project, which ran from 2010 to 2015", "the 10-day festival, June 3 to
//! June 30", "a 21-month pilot between August and November 2012").
//!
//! Why: either the length or one of the ends is wrong.
//! Limits: pairs a duration in days, weeks, months, years or decades ("10-day",
//! "three-week", "decade-long", "for three years", "lasted four years", "his five years
//! as coach") with a range only when each is the only one in its sentence and at most a
//! few words lie between them, none of them "and" (which starts another clause). A
//! spelled-out length ("four years") counts only after a word that makes it a length
//! ("for", "lasted", "spent", "his"); "four years later" is not one. The temporal
//! extractor reads year lengths only, so the kind reads the lengths of every unit itself.
//! Counting inclusively or not gives two lengths ("June 3 to June 9" is six or seven
//! days); the duration may differ from the nearer of them by `tolerance` (a share of the
//! duration, at least one unit; for weeks, at least half a week).

use std::sync::LazyLock;

use serde::Deserialize;

use jiff::civil::Date;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::temporal::{Point, Unit};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Allowed difference, as a share of the stated duration (at least one year).
    #[serde(default = "fifth")]
    pub tolerance: f64,
}

fn fifth() -> f64 {
    0.2
}

impl Default for Params {
    fn default() -> Self {
        Params { tolerance: 0.2 }
    }
}

#[derive(Debug)]
pub struct DurationMismatch {
    params: Params,
}

impl DurationMismatch {
    pub fn new(params: Params) -> Self {
        DurationMismatch { params }
    }
}

impl Build for DurationMismatch {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 1.0)?;
        Ok(DurationMismatch::new(params))
    }
}

/// A length of time: "10-day", "three-week-long", "decade-long", "for three years",
/// "lasted four years", "his five years".
static LENGTH_RE: LazyLock<Option<crate::re::Regex>> = LazyLock::new(|| {
    let number = r"[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-[a-z]+|thirty|forty|fifty";
    let unit = r"days?|weeks?|months?|years?|decades?";
    let lead = r"for|lasted|lasting|lasts|last|spent|spend|spends|spending|took|taking|his|her|their|its|over";
    let pattern = format!(
        r"(?i-u)\b(?:(?P<dl>decade|century)-long|(?P<hn>{number}|a|an)-(?P<hu>{unit})(?:-long)?|(?P<lead>{lead})\s+(?:the\s+(?:past|last|first|next)\s+)?(?P<sn>{number})\s+(?P<su>{unit}))\b"
    );
    crate::re::Regex::new(&pattern).ok()
});

/// A duration read from the text: its span, its number and unit.
struct Length {
    span: Span,
    n: i64,
    unit: Unit,
}

fn number_value(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const UNITS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen",
    ];
    let w = word.to_ascii_lowercase();
    if w == "a" || w == "an" {
        return Some(1);
    }
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as i64);
    }
    let (tens, rest) = w.split_once('-').unwrap_or((w.as_str(), ""));
    let t = match tens {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        _ => return None,
    };
    let u = if rest.is_empty() {
        0
    } else {
        UNITS.iter().position(|u| *u == rest).filter(|&i| (1..10).contains(&i))? as i64
    };
    Some(t + u)
}

fn unit_of(word: &str) -> Option<Unit> {
    Some(match word.to_ascii_lowercase().trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Year,
        _ => return None,
    })
}

/// The lengths of time written in `sentence`.
fn lengths(text: &str, sentence: Span) -> Vec<Length> {
    let Some(re) = LENGTH_RE.as_ref() else {
        return Vec::new();
    };
    let Some(s) = text.get(sentence.start..sentence.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for caps in re.captures_iter(s) {
        let Some(m) = caps.get(0) else { continue };
        let after = s.get(m.end()..).unwrap_or("").to_ascii_lowercase();
        // "45-year-old", "four years later", "two years ago": an age or a time, not a length.
        if ["-old", " old", "s-old", " ago", " later", " earlier", " after", " before", " on"]
            .iter()
            .any(|w| after.starts_with(w))
        {
            continue;
        }
        let word = |name: &str| caps.name(name).map(|g| g.as_str());
        let (n, unit, start) = if let Some(dl) = word("dl") {
            let years = if dl.eq_ignore_ascii_case("decade") { 10 } else { 100 };
            (Some(years), Some(Unit::Year), m.start())
        } else if let (Some(n), Some(u)) = (word("hn"), word("hu")) {
            (number_value(n), unit_of(u), m.start())
        } else if let (Some(n), Some(u), Some(g)) = (word("sn"), word("su"), caps.name("sn")) {
            let start = if word("lead").is_some_and(|l| {
                ["his", "her", "their", "its"].contains(&l.to_ascii_lowercase().as_str())
            }) {
                g.start()
            } else {
                m.start()
            };
            (number_value(n), unit_of(u), start)
        } else {
            (None, None, 0)
        };
        let (Some(n), Some(unit)) = (n, unit) else {
            continue;
        };
        let (n, unit) = if unit == Unit::Decade {
            (n * 10, Unit::Year)
        } else {
            (n, unit)
        };
        out.push(Length {
            span: Span::new(sentence.start + start, sentence.start + m.end()),
            n,
            unit,
        });
    }
    out
}

/// The range's length in `unit`, counted exclusively (the inclusive count is one more).
fn range_length(from: Point, to: Point, unit: Unit) -> Option<i64> {
    let year_known = from.year.is_some() && to.year.is_some();
    match unit {
        Unit::Year | Unit::Decade => Some(i64::from(to.year?) - i64::from(from.year?)),
        Unit::Month => {
            let (a, b) = (i64::from(from.month?), i64::from(to.month?));
            let months = if year_known {
                (i64::from(to.year?) - i64::from(from.year?)) * 12 + b - a
            } else if b >= a {
                b - a
            } else {
                b + 12 - a
            };
            Some(months)
        }
        Unit::Day | Unit::Week => {
            // Years left unsaid are the same one, or the next when the months wrap.
            let y = to.year.or(from.year).unwrap_or(2001);
            let start_year = from.year.unwrap_or(y);
            let mut a = Date::new(start_year, from.month?, from.day?).ok()?;
            let b = Date::new(y, to.month?, to.day?).ok()?;
            if a > b && !year_known {
                a = Date::new(start_year - 1, from.month?, from.day?).ok()?;
            }
            let days = i64::from(a.until(b).ok()?.get_days());
            Some(days)
        }
    }
}

impl Kind for DurationMismatch {
    fn args(&self) -> Vec<String> {
        ["duration", "years", "range", "actual"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let ranges = cx.mentions.ranges();
        for (i, range) in ranges.iter().enumerate() {
            if range.change {
                continue;
            }
            let Some(sentence) = cx.doc.prose.sentence_at(range.span.start) else {
                continue;
            };
            if !sentence.contains(range.span) {
                continue;
            }
            let others = ranges
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && sentence.contains(r.span));
            if others {
                continue;
            }
            let found = lengths(cx.text, sentence);
            let [dur] = found.as_slice() else { continue };
            if dur.span.overlaps(range.span) {
                continue;
            }
            // Beside each other: a few words apart, no new clause between.
            let (left, right) = if dur.span.end <= range.span.start {
                (dur.span.end, range.span.start)
            } else {
                (range.span.end, dur.span.start)
            };
            let gap = cx.text.get(left..right).unwrap_or("");
            let words = gap.split_whitespace().count();
            if words > 5 || gap.split_whitespace().any(|w| w.eq_ignore_ascii_case("and")) || gap.contains(';') {
                continue;
            }
            let Some(length) = range_length(range.from, range.to, dur.unit) else {
                continue;
            };
            if length < 0 {
                // A reversed range is range-reversed's finding.
                continue;
            }
            let (stated, low, high, allowed, unit) = match dur.unit {
                Unit::Week => {
                    let days = dur.n * 7;
                    (days, length, length + 1, (days as f64 * self.params.tolerance).max(3.5), Unit::Day)
                }
                u => (
                    dur.n,
                    length,
                    length + 1,
                    (dur.n as f64 * self.params.tolerance).max(1.0),
                    u,
                ),
            };
            let off = (stated - low).abs().min((stated - high).abs());
            if off as f64 <= allowed {
                continue;
            }
            let name = unit.name();
            let actual = if unit == Unit::Year && low == 0 {
                "under a year".to_string()
            } else {
                format!("{low} or {high} {name}s")
            };
            out.push(
                Finding::at(dur.span)
                    .arg("duration", dur.span.text(cx.text))
                    .arg("years", dur.n)
                    .arg("range", range.span.text(cx.text))
                    .arg("actual", actual)
                    .label(range.span, "the range"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> DurationMismatch {
        DurationMismatch::new(Params::default())
    }

    #[test]
    fn flags_durations_that_do_not_fit_the_range() {
        assert_finds(
            &kind(),
            "The <<decade-long>> project, which ran from 2010 to 2015, ended.",
            None,
        );
        assert_finds(
            &kind(),
            "The <<12-year>> programme ran from 2010 to 2015.",
            None,
        );
        assert_finds(
            &kind(),
            "He led it <<for three years>>, from 2010 to 2016.",
            None,
        );
    }

    #[test]
    fn allows_fitting_durations_and_unpaired_ones() {
        assert_clean(
            &kind(),
            "The decade-long project ran from 2010 to 2019.",
            None,
        );
        assert_clean(&kind(), "The five-year plan ran from 2010 to 2015.", None);
        assert_clean(&kind(), "He led it for six years, from 2010 to 2015.", None);
        assert_clean(
            &kind(),
            "A 12-year-old girl visited from 2010 to 2015.",
            None,
        );
        assert_clean(&kind(), "A 12-year plan. It ran from 2010 to 2015.", None);
    }
}
