//! `duration-mismatch`: a stated duration that does not fit the range beside it ("the
//! decade-long project, which ran from 2010 to 2015").
//!
//! Why: either the length or one of the years is wrong.
//! Limits: pairs a duration ("decade-long", "12-year", "for three years") with a range
//! only when each is the only one in its sentence. Counting years inclusively or not
//! gives two lengths (2010 to 2015 is five or six years); the duration may differ from
//! the nearer of them by `tolerance` (a share of the duration, at least one year).

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};

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

impl Kind for DurationMismatch {
    fn args(&self) -> Vec<String> {
        ["duration", "years", "range", "actual"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for dur in cx.mentions.durations() {
            let Some(range) = dur.range.and_then(|i| cx.mentions.ranges().get(i)) else {
                continue;
            };
            let (Some(from), Some(to)) = (range.from.year, range.to.year) else {
                continue;
            };
            let length = i32::from(to) - i32::from(from);
            if length < 0 {
                // A reversed range is range-reversed's finding.
                continue;
            }
            let allowed = (f64::from(dur.years) * self.params.tolerance).max(1.0);
            let off = (dur.years - length)
                .abs()
                .min((dur.years - length - 1).abs());
            if f64::from(off) <= allowed {
                continue;
            }
            let actual = if length == 0 {
                "under a year".to_string()
            } else {
                format!("{length} or {} years", length + 1)
            };
            out.push(
                Finding::at(dur.span)
                    .arg("duration", dur.span.text(cx.text))
                    .arg("years", dur.years)
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
