//! `percent-change`: a percentage change stated beside its two values must match them.
//!
//! Why: "rose from 200 to 250, a 40% increase" is checkable on the page: it is 25%.
//! Reads every change of a sentence: "from A to B", "to B from A", "to B, having stood
//! at A", "B, up P from A", "B, P higher than A", "B, down from A — a fall of P"; and for
//! each the percentage or fraction tied to it ("rose 25%", "up 25%", "a 25% increase",
//! "an increase of 25%", "fell by a third", "cut by half"): the one the wording ties to
//! it, else the nearest change amount that belongs to no other change, else one stated
//! by the next sentence when it points back ("That is an increase of 134%."). The
//! stated size is compared with (B - A) / A.
//! Every number is an interval (rounding, approximators); differences within
//! `tolerance` percentage points are allowed.
//! Limits: a change between two percentages described by their difference is
//! `percentage-points`' business. A fraction covers 2.5 points either side ("a third"
//! is 31-36%); "more than P" is open above, "just over P" a little above P.

use super::arithmetic::{direction, sentence_numbers, stated_next, tolerance_params, Change};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::referent::Role;
use crate::numbers::{format_share};
use super::arithmetic::{same_currency};
use crate::extract::{NumberKind, NumberMention};

tolerance_params! {
    /// Allowed gap in percentage points, beyond the rounding of the numbers given.
    default = 1.0
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

impl Build for PercentChange {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        Ok(PercentChange::new(params))
    }
}

impl Kind for PercentChange {
    fn args(&self) -> Vec<String> {
        ["from", "to", "actual", "direction", "stated", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let sentences: Vec<_> = sentence_numbers(cx).collect();
        for (k, (_, nums)) in sentences.iter().enumerate() {
            let changes = Change::all(cx.mentions, nums);
            // A percentage or a fraction ("fell by a third", "a rise of half").
            let stated = |n: &NumberMention| n.is_share() && n.referent.role == Role::Change;
            for change in &changes {
                let p = change
                    .stated_among(text, nums, &changes, stated)
                    .or_else(|| {
                        // "That is an increase of 164%." in the next sentence.
                        let [_] = changes.as_slice() else { return None };
                        let (next, next_nums) = sentences.get(k + 1)?;
                        stated_next(text, *next, next_nums, &[NumberKind::Percent])
                    });
                let Some(p) = p else { continue };
                self.check_change(text, change, p, out);
            }
        }
    }
}

impl PercentChange {
    fn check_change(
        &self,
        text: &str,
        change: &Change<'_>,
        p: &NumberMention,
        out: &mut Vec<Finding>,
    ) {
        let (a, b) = (change.a, change.b);
        let percents = a.kind == NumberKind::Percent || b.kind == NumberKind::Percent;
        if percents {
            // Between two percentages: if the stated figure is the difference in
            // points, `percentage-points` reports it.
            let diff = (b.value - a.value).abs();
            if (diff - p.value).abs() <= self.params.tolerance {
                return;
            }
        } else if a.kind != NumberKind::Cardinal
            || b.kind != NumberKind::Cardinal
            || !same_currency(a, b)
        {
            return;
        }
        // The stated figure is a size; the change word gives the sign.
        let Some((alo, ahi)) = change.relative_size() else {
            return;
        };
        if !NumberMention::disagrees(alo, ahi, p.low, p.high, self.params.tolerance) {
            return;
        }
        let actual = change.relative();
        let args = [
            ("actual", format_share(actual.abs())),
            ("direction", direction(actual).to_string()),
        ];
        out.push(change.finding(text, p, "value", args));
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
    fn reads_a_change_given_as_a_fraction() {
        assert_finds(
            &kind(),
            "Output fell by <<a third>>, from 300 tonnes to 150 tonnes.",
            None,
        );
        assert_finds(
            &kind(),
            "Spending fell from $262m to $196.5m, a cut of <<half>>.",
            None,
        );
        assert_clean(
            &kind(),
            "Output fell by half, from 300 tonnes to 150 tonnes.",
            None,
        );
        assert_clean(&kind(), "Revenue grew by a fifth to $18m from $15m.", None);
    }

    #[test]
    fn reads_the_earlier_value_after_up_from_or_down_from() {
        assert_finds(
            &kind(),
            "Sales were 54.8 million this year, down from 75.1 million a decade ago \
             — a reduction of <<37%>>.",
            None,
        );
        assert_clean(
            &kind(),
            "Sales were 54.8 million this year, down from 75.1 million a decade ago \
             — a reduction of 27%.",
            None,
        );
    }

    #[test]
    fn regression_figure_in_a_later_clause_is_not_the_change() {
        assert_clean(
            &kind(),
            "Sales were 500 loaves this spring, up from 400 in 2022, when they rose 10%.",
            None,
        );
        assert_clean(
            &kind(),
            "Sales were 500 loaves this spring, up from 400 last year, and are up 10% since May.",
            None,
        );
    }

    #[test]
    fn reads_hedged_changes() {
        assert_finds(
            &kind(),
            "Net profit was $11.8 million, up just over <<51%>> from $5.8 million.",
            None,
        );
        assert_clean(
            &kind(),
            "Net profit was $11.8 million, up just over 100% from $5.8 million.",
            None,
        );
        assert_finds(
            &kind(),
            "Admissions went up to 350 this year from 154 in 2022, a <<136 per cent>> gain.",
            None,
        );
        assert_clean(
            &kind(),
            "The fund slid to £9.7m from £17.3m in the same period last year, a fall of 44 per cent.",
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
