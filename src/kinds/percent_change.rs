//! `percent-change`: a percentage change stated beside its two values must match them.
//!
//! Why: "rose from 200 to 250, a 40% increase" is checkable on the page: it is 25%.
//! Reads a "from A to B" (or "to B from A") change and one percentage tied to a change
//! word ("rose 25%", "up 25%", "a 25% increase", "an increase of 25%") in the same
//! sentence, and compares the stated size of the change with (B - A) / A.
//! Every number is an interval (rounding, approximators); differences within
//! `tolerance` percentage points are allowed.
//! Limits: only one change and one stated percentage per sentence; a change between two
//! percentages described by their difference is `percentage-points`' business.

use serde::Deserialize;

use super::{CheckContext, Finding, Kind};
use crate::extract::number::{
    format_share, from_to_pairs, is_change_amount, near_change, numbers_in, quoted_note,
    same_currency,
};
use crate::extract::{NumberKind, NumberMention};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Allowed gap in percentage points, beyond the rounding of the numbers given.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
}

fn default_tolerance() -> f64 {
    1.0
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance: default_tolerance(),
        }
    }
}

#[derive(Debug)]
pub struct PercentChange {
    params: Params,
}

impl PercentChange {
    pub fn new(params: Params) -> Self {
        PercentChange { params }
    }
}

/// The bounds of (b - a) / a in per cent, over the intervals of a and b.
pub(crate) fn relative_change(a: &NumberMention, b: &NumberMention) -> Option<(f64, f64)> {
    if a.low <= 0.0 || !a.high.is_finite() || !b.high.is_finite() {
        return None;
    }
    let lo = (b.low - a.high) / a.high * 100.0;
    let hi = (b.high - a.low) / a.low * 100.0;
    Some((lo.min(hi), lo.max(hi)))
}

impl Kind for PercentChange {
    fn args(&self) -> Vec<String> {
        ["from", "to", "actual", "direction", "stated", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        for &sentence in &cx.doc.prose.sentences {
            let nums = numbers_in(cx.mentions.numbers(), sentence);
            let pairs = from_to_pairs(text, &nums);
            let [pair] = pairs.as_slice() else { continue };
            let (Some(a), Some(b)) = (nums.get(pair.from), nums.get(pair.to)) else {
                continue;
            };
            let stated: Vec<_> = nums
                .iter()
                .enumerate()
                .filter(|&(i, n)| {
                    i != pair.from
                        && i != pair.to
                        && n.kind == NumberKind::Percent
                        && is_change_amount(text, n)
                })
                .map(|(_, n)| *n)
                .collect();
            let [p] = stated.as_slice() else { continue };
            if !near_change(text, a, b, p) {
                continue;
            }
            let percents = a.kind == NumberKind::Percent || b.kind == NumberKind::Percent;
            if percents {
                // Between two percentages: if the stated figure is the difference in
                // points, `percentage-points` reports it.
                let diff = (b.value - a.value).abs();
                if (diff - p.value).abs() <= self.params.tolerance {
                    continue;
                }
            } else if a.kind != NumberKind::Cardinal
                || b.kind != NumberKind::Cardinal
                || !same_currency(a, b)
            {
                continue;
            }
            let Some((lo, hi)) = relative_change(a, b) else {
                continue;
            };
            // The stated figure is a size; the change word gives the sign.
            let (alo, ahi) = if b.value >= a.value {
                (lo, hi)
            } else {
                (-hi, -lo)
            };
            if !NumberMention::disagrees(alo, ahi, p.low, p.high, self.params.tolerance) {
                continue;
            }
            let actual = (b.value - a.value) / a.value * 100.0;
            let direction = if actual >= 0.0 {
                "increase"
            } else {
                "decrease"
            };
            out.push(
                Finding::at(p.value_span)
                    .arg("from", a.value_span.text(text))
                    .arg("to", b.value_span.text(text))
                    .arg("actual", format_share(actual.abs()))
                    .arg("direction", direction)
                    .arg("stated", p.value_span.text(text))
                    .arg("quoted", quoted_note(&[a, b, p]))
                    .label(a.value_span, "the earlier value")
                    .label(b.value_span, "the later value")
                    .label(p.value_span, "the stated change"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> PercentChange {
        PercentChange::new(Params::default())
    }

    #[test]
    fn flags_a_change_that_does_not_match_its_values() {
        let f = assert_finds(
            &kind(),
            "Sales rose from 200 to 250, a <<40%>> increase.",
            None,
        );
        assert!(f.args.contains(&("actual".into(), "25%".into())));
        assert_finds(&kind(), "Output fell <<20%>> to 45,000 from 50,000.", None);
        assert_finds(
            &kind(),
            "Visits were up <<30%>> year on year to 100 from 80.",
            None,
        );
    }

    #[test]
    fn allows_consistent_changes() {
        assert_clean(&kind(), "Sales rose from 200 to 250, a 25% increase.", None);
        assert_clean(&kind(), "Output fell 10% to 45,000 from 50,000.", None);
        assert_clean(
            &kind(),
            "Visits were up 25% year on year to 100 from 80.",
            None,
        );
        assert_clean(&kind(), "Prices rose about 30% from $1.50 to $1.99.", None);
        assert_clean(
            &kind(),
            "Turnout rose from 4% to 6%, an increase of 2%.",
            None,
        );
    }
}
