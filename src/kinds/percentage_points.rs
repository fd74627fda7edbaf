//! `percentage-points`: a change between two percentages must say whether it is the
//! difference (percentage points) or the relative change (per cent).
//!
//! Why: "from 4% to 6%, an increase of 2%" is wrong: the rise is 2 percentage points,
//! a 50% increase. The reverse, "up 50 percentage points" for the same change, is wrong too.
//! Reads a "from A% to B%" change and one figure tied to a change word in the same
//! sentence. A figure in per cent is flagged when it matches the difference but not
//! the relative change; a figure in points when it does not match the difference.
//! Every change of a sentence is read (see `percent-change`), and a figure stated by the
//! next sentence when it points back ("That is a rise of 17 per cent.").
//! A count of "points" ("down 3 points", "a 3-point rise") is a figure in points when it
//! is tied to a change word; "scored 30 points" is not.
//! Limits: `tolerance` is in percentage points.

use super::arithmetic::{direction, is_points, sentence_numbers, tolerance_params, Change};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::number::{is_change_amount};
use crate::numbers::{format_number, format_share};
use crate::extract::{NumberKind, NumberMention};

tolerance_params! {
    /// Allowed gap in percentage points, beyond the rounding of the numbers given.
    default = 0.5
}

#[derive(Debug)]
pub struct PercentagePoints {
    params: Params,
}

impl PercentagePoints {
    pub fn new(params: Params) -> Self {
        PercentagePoints { params }
    }
}

impl Build for PercentagePoints {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        Ok(PercentagePoints::new(params))
    }
}

impl Kind for PercentagePoints {
    fn args(&self) -> Vec<String> {
        ["from", "to", "points", "relative", "stated", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let sentences: Vec<_> = sentence_numbers(cx).collect();
        for (k, (_, nums)) in sentences.iter().enumerate() {
            let changes = Change::all(cx.mentions, nums);
            for change in &changes {
                self.check_change(text, change, nums, &changes, sentences.get(k + 1), out);
            }
        }
    }
}

impl PercentagePoints {
    /// One change of a sentence whose numbers are `nums` (see [`Kind::check`]).
    fn check_change<'a>(
        &self,
        text: &str,
        change: &Change<'a>,
        nums: &[&'a NumberMention],
        changes: &[Change<'a>],
        next: Option<&(crate::span::Span, Vec<&'a NumberMention>)>,
        out: &mut Vec<Finding>,
    ) {
        let tol = self.params.tolerance;
        let (a, b) = (change.a, change.b);
        // Both ends are percentages ("from 4 to 6 per cent" counts too).
        let is_pct = |n: &NumberMention| n.kind == NumberKind::Percent;
        let bare = |n: &NumberMention| {
            n.kind == NumberKind::Cardinal && n.noun.is_none() && n.currency.is_none()
        };
        let forward = change.pair.from < change.pair.to;
        if !(is_pct(a) && is_pct(b) || is_pct(b) && bare(a) && forward) {
            return;
        }
        // A count of "points" only as the size of a change ("down 3 points", "a rise
        // of 3 points"), not "scored 30 points".
        let stated = |n: &NumberMention| {
            n.kind == NumberKind::Points
                || (n.kind == NumberKind::Percent || is_points(n)) && is_change_amount(text, n)
        };
        let p = change.stated_among(text, nums, changes, stated).or_else(|| {
            // "That is a rise of 17 per cent." in the next sentence.
            let [_] = changes else { return None };
            let (span, next_nums) = next?;
            super::arithmetic::stated_next(
                text,
                *span,
                next_nums,
                &[NumberKind::Percent, NumberKind::Points, NumberKind::Cardinal],
            )
            .filter(|&n| n.kind != NumberKind::Cardinal || stated(n))
        });
        let Some(p) = p else { return };
        let dlo = (b.low - a.high).abs().min((b.high - a.low).abs());
        let dhi = (b.low - a.high).abs().max((b.high - a.low).abs());
        let Some((rlo, rhi)) = change.relative_size() else {
            return;
        };
        let matches_diff = !NumberMention::disagrees(dlo, dhi, p.low, p.high, tol);
        let matches_rel = !NumberMention::disagrees(rlo, rhi, p.low, p.high, tol);
        let wrong = match p.kind {
            NumberKind::Percent => matches_diff && !matches_rel,
            _ => !matches_diff,
        };
        if !wrong {
            return;
        }
        let points = (b.value - a.value).abs();
        let relative = change.relative();
        let relative_text =
            format!("a {} {}", format_share(relative.abs()), direction(relative));
        let args = [
            ("points", format_number(points, 2)),
            ("relative", relative_text),
        ];
        // "26 points": the finding shows the unit a count of points has after it.
        let mut shown = p.clone();
        if p.kind == NumberKind::Cardinal {
            shown.value_span.end = super::arithmetic::phrase_end(p);
        }
        out.push(change.finding(text, &shown, "share", args));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> PercentagePoints {
        PercentagePoints::new(Params::default())
    }

    #[test]
    fn flags_points_written_as_per_cent_and_back() {
        let f = assert_finds(
            &kind(),
            "Turnout rose from 4% to 6%, an increase of <<2%>>.",
            None,
        );
        assert!(f.args.contains(&("points".into(), "2".into())));
        assert_finds(
            &kind(),
            "Support rose from 40% to 60%, up <<50 percentage points>>.",
            None,
        );
        assert_finds(
            &kind(),
            "Unemployment fell <<3%>> to 5 per cent from 8 per cent.",
            None,
        );
    }

    #[test]
    fn reads_points_without_percentage() {
        assert_finds(
            &kind(),
            "Turnout rose from 20% to 25%, a rise of <<12 points>>.",
            None,
        );
        assert_finds(&kind(), "Turnout rose from 40% to 46%, a <<3-point>> rise.", None);
        assert_finds(
            &kind(),
            "The rate stands at 30 per cent, <<30 points>> lower than the 43 per cent recorded \
             a year earlier.",
            None,
        );
        assert_clean(&kind(), "Turnout rose from 20% to 25%, a rise of 5 points.", None);
        assert_clean(&kind(), "Turnout rose from 40% to 46%, a 6-point rise.", None);
        assert_clean(
            &kind(),
            "His shooting rose from 40% to 45% as he scored 30 points.",
            None,
        );
    }

    #[test]
    fn reads_the_earlier_share_told_after_the_later() {
        assert_finds(
            &kind(),
            "Over the year the jobless rate slipped <<10.6 percent>> to 5.0 percent, having \
             stood at 15.6 percent last year.",
            None,
        );
        assert_finds(
            &kind(),
            "Approval went down <<16 per cent>>, to 45 per cent in the latest count, from 61 per \
             cent the year before.",
            None,
        );
        assert_finds(
            &kind(),
            "The rate rose from 45 per cent in the same period last year to 63 per cent in the \
             latest count — an <<18%>> rise.",
            None,
        );
        assert_clean(
            &kind(),
            "Over the year the jobless rate slipped 10.6 points to 5.0 percent, having stood at \
             15.6 percent last year.",
            None,
        );
    }

    #[test]
    fn allows_points_and_relative_changes() {
        assert_clean(
            &kind(),
            "Turnout rose from 4% to 6%, an increase of 2 percentage points.",
            None,
        );
        assert_clean(&kind(), "Turnout rose from 4% to 6%, a 50% increase.", None);
        assert_clean(
            &kind(),
            "Support rose from 40% to 60%, up 20 percentage points.",
            None,
        );
    }
}
