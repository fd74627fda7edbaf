//! `range-reversed`: a range whose end comes before its start ("from 2019 to 2017",
//! "2019–2017", "between 5 May 2020 and 3 March 2020").
//!
//! Why: one of the two ends is a typo; the reader cannot tell which.
//! Limits: both ends must give their year in the text; a change told with "from ... to"
//! ("moved from 2029 to 2021", "postponed from ...") is not a range. "From November to February" and
//! "1998-03" (read as 1998 to 2003) cross a year boundary and are never reversed.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct RangeReversed;

impl RangeReversed {
    pub fn new(_: Params) -> Self {
        RangeReversed
    }
}

impl Build for RangeReversed {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(RangeReversed::new(params))
    }
}

impl Kind for RangeReversed {
    fn args(&self) -> Vec<String> {
        ["from", "to"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for r in cx.mentions.ranges() {
            if r.change && !quantity_change(cx.text, r.span.start) {
                continue;
            }
            let key = |p: crate::extract::temporal::Point| (p.year, p.month, p.day);
            let (from, to) = (key(r.from), key(r.to));
            let reversed = if r.explicit_years {
                // Compare only at the precision both ends share.
                match (from, to) {
                    ((Some(a), _, _), (Some(b), _, _)) if a != b => a > b,
                    ((_, Some(a), _), (_, Some(b), _)) if a != b => a > b,
                    ((_, Some(_), Some(a)), (_, Some(_), Some(b))) => a > b,
                    _ => false,
                }
            } else {
                // The year written once: only days of one month can be told reversed
                // ("from 20 to 18 March 2020"); two months may straddle a new year.
                match (from, to) {
                    ((_, Some(m), Some(a)), (_, Some(n), Some(b))) => m == n && a > b,
                    _ => false,
                }
            };
            if reversed {
                out.push(
                    Finding::at(r.span)
                        .arg("from", r.from.describe())
                        .arg("to", r.to.describe())
                        .label(r.from_span, "start")
                        .label(r.to_span, "end"),
                );
            }
        }
    }
}

/// Verbs of quantity, which tell how a figure moved over a period ("output fell sharply
/// from 2019 to 2021"), not that a date was changed.
const QUANTITY_VERBS: &[&str] = &[
    "rose",
    "fell",
    "increased",
    "decreased",
    "dropped",
    "grew",
    "declined",
    "climbed",
    "sharply",
    "steadily",
];

/// Whether the "from ... to" range at `start` follows a verb of quantity rather than one
/// of a changed date ("moved", "postponed"): the two words before it are checked.
fn quantity_change(text: &str, start: usize) -> bool {
    let words = crate::extract::temporal::last_words(text.get(..start).unwrap_or(""), 2);
    words.iter().any(|w| QUANTITY_VERBS.contains(&w.as_str()))
        && !words.iter().any(|w| {
            !QUANTITY_VERBS.contains(&w.as_str())
                && crate::extract::temporal::is_date_change_word(w)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_ranges_that_end_before_they_start() {
        assert_finds(&RangeReversed, "It ran <<from 2019 to 2017>>.", None);
        assert_finds(&RangeReversed, "In <<2019–2017>> it grew.", None);
        assert_finds(&RangeReversed, "In <<2019-2017>> it grew.", None);
        assert_finds(
            &RangeReversed,
            "Output fell sharply <<from 2019 to 2017>>.",
            None,
        );
        assert_finds(&RangeReversed, "It was shut <<from 20 to 18 March 2020>>.", None);
        assert_finds(
            &RangeReversed,
            "It was shut <<from March 20 to March 18, 2020>>.",
            None,
        );
        assert_finds(
            &RangeReversed,
            "It was shut <<July 2, 2015 – January 1, 2015>>.",
            None,
        );
        assert_finds(
            &RangeReversed,
            "The survey covered the years <<2003 to 1999>>.",
            None,
        );
        assert_finds(
            &RangeReversed,
            "It was shut <<between 5 May 2020 and 3 March 2020>>.",
            None,
        );
    }

    #[test]
    fn allows_ranges_in_order_and_across_years() {
        assert_clean(
            &RangeReversed,
            "It ran from 2017 to 2019 and in 1998-03.",
            None,
        );
        assert_clean(
            &RangeReversed,
            "It ran from November to February 2023.",
            None,
        );
        assert_clean(
            &RangeReversed,
            "It ran from 20 December to 5 January 2020.",
            None,
        );
        assert_clean(&RangeReversed, "Dated 2026-11-29.", None);
    }

    #[test]
    fn regression_allows_changed_deadlines() {
        assert_clean(
            &RangeReversed,
            "Support was moved up from May 2029 to December 31, 2021.",
            None,
        );
        assert_clean(&RangeReversed, "The date moved from 2028 to 2024.", None);
    }
}
