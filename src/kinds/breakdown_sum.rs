//! `breakdown-sum`: the parts of one whole must add up to it.
//!
//! Why: "A (10), B (20), 40 in total" and a poll whose answers add up to 115% are
//! arithmetic a reader can redo, and a wrong sum means a wrong figure somewhere.
//! Two forms inside one sentence:
//! - parts and a stated total: a total marked as such ("a total of 40", "40 in total",
//!   "totalling 40") and at least two parts that are either in brackets ("Lyon (12)")
//!   or count the same noun as the total. With "including" or "of whom" the parts may
//!   be a subset, so only a sum above the total is reported.
//! - shares of one whole: three or more percentages in one list, none bound to a
//!   different whole ("of state seats", "of congressional seats"), whose lowest values
//!   (after rounding) still add past 100% + `tolerance`.
//!
//! Limits: sentences about rates, changes or comparisons ("rate", "rose", "compared",
//! "respectively") are skipped for shares; shares of different wholes and lists of
//! separate rates are not breakdowns and are left alone.

use serde::Deserialize;

use super::arithmetic::sentence_numbers;
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::number::{gap, is_change_amount};
use crate::numbers::{format_number, format_share};
use super::arithmetic::{from_to_pairs, quoted_note};
use crate::extract::{Bound, NumberKind, NumberMention};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// For shares: percentage points allowed past 100, beyond the rounding of each share.
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    /// For counts: how far the sum of the parts may be from the total.
    #[serde(default)]
    pub count_tolerance: f64,
}

fn default_tolerance() -> f64 {
    1.0
}

impl Default for Params {
    fn default() -> Self {
        Params {
            tolerance: default_tolerance(),
            count_tolerance: 0.0,
        }
    }
}

#[derive(Debug)]
pub struct BreakdownSum {
    params: Params,
}

impl BreakdownSum {
    pub fn new(params: Params) -> Self {
        BreakdownSum { params }
    }
}

impl Build for BreakdownSum {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        in_range("count_tolerance", params.count_tolerance, 0.0, 1e12)?;
        Ok(BreakdownSum::new(params))
    }
}

/// Words that make a list of percentages something other than one whole split up.
const NOT_A_BREAKDOWN: &[&str] = &[
    "rate",
    "rates",
    "compared",
    "respectively",
    "rose",
    "fell",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "up",
    "down",
    "from",
    "growth",
    "grew",
    "each",
    "per",
    "higher",
    "lower",
    "more",
    "less",
    "than",
    "versus",
    "vs",
    "while",
    "whereas",
    "likely",
    "margin",
    "turnout",
    "approval",
    "chance",
    "probability",
    "odds",
    "accuracy",
    "efficacy",
    "interest",
    "inflation",
    "unemployment",
    "yield",
    "return",
    "returns",
    "tax",
    "vat",
    "discount",
    "average",
    "median",
    "least",
    "most",
    "only",
    "both",
    "either",
    "also",
];

fn is_total(text: &str, n: &NumberMention) -> bool {
    let before = crate::span::tail(text, n.span.start, 64)
        .trim_end()
        .to_ascii_lowercase();
    let after = crate::span::head(text, super::arithmetic::phrase_end(n), 64)
        .trim_start()
        .to_ascii_lowercase();
    before.ends_with("a total of")
        || before.ends_with("totalling")
        || before.ends_with("totaling")
        || before.ends_with("in total,")
        || after.starts_with("in total")
        || after.starts_with("in all")
        || after.starts_with("altogether")
}

/// Whether the word just before `n` is `word` (any case).
fn word_before_is(text: &str, n: &NumberMention, word: &str) -> bool {
    crate::span::tail(text, n.span.start, 24)
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// The whole a share is "of", as written up to the end of its list item: "of all Welsh
/// engineers" in "40% of all Welsh engineers, 50% ...". Lower case, determiners dropped.
fn of_phrase(text: &str, s: &NumberMention) -> Option<String> {
    let rest = crate::span::head(text, s.span.end, 80);
    let rest = rest.strip_prefix(" of ")?;
    let end = rest
        .find([',', ';', '.', ')', '—', '\n'])
        .unwrap_or(rest.len());
    let item = rest.get(..end)?.to_lowercase();
    let item = item.split(" and ").next().unwrap_or("");
    let words: Vec<&str> = item
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "all" | "those" | "these" | "its" | "their"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Lines along which a population is split; a list whose labels fall on two of them
/// describes overlapping subgroups.
const DIMENSIONS: &[&[&str]] = &[
    &["women", "men", "female", "male", "girls", "boys", "nonbinary"],
    &[
        "black", "white", "hispanic", "latino", "latina", "latinx", "asian", "native",
        "african", "immigrant", "immigrants", "foreign-born", "indigenous", "aapi",
    ],
    &["democrats", "republicans", "independents", "democratic", "republican"],
    &["young", "older", "seniors", "elderly", "aged", "retirees", "youth", "teens"],
    &["urban", "rural", "suburban"],
];

/// How many of the [`DIMENSIONS`] the labels after the shares fall on ("41 percent
/// Hispanic", "56 percent women").
fn dimensions(text: &str, shares: &[&NumberMention]) -> usize {
    let mut seen = [false; DIMENSIONS.len()];
    for s in shares {
        let after = crate::span::head(text, s.span.end, 40).to_lowercase();
        let label = after.split([',', ';', '.']).next().unwrap_or("");
        for w in label.split_whitespace().take(3) {
            for (i, d) in DIMENSIONS.iter().enumerate() {
                if d.contains(&w) {
                    seen[i] = true;
                }
            }
        }
    }
    seen.iter().filter(|&&b| b).count()
}

impl BreakdownSum {
    fn check_counts(
        &self,
        text: &str,
        sentence_text: &str,
        nums: &[&NumberMention],
        out: &mut Vec<Finding>,
    ) {
        let totals: Vec<_> = nums
            .iter()
            .filter(|n| n.is_cardinal() && is_total(text, n))
            .collect();
        let [total] = totals.as_slice() else { return };
        let bracketed = |n: &NumberMention| {
            text.get(..n.value_span.start)
                .is_some_and(|b| b.ends_with('('))
                && text
                    .get(n.value_span.end..)
                    .is_some_and(|a| a.starts_with(')'))
        };
        let parts: Vec<&NumberMention> = nums
            .iter()
            .filter(|n| {
                !std::ptr::eq(**n, **total)
                    && n.is_cardinal()
                    && !n.compound
                    && n.currency == total.currency
                    && (bracketed(n)
                        || (n.noun.is_some() && n.noun == total.noun && n.bound == Bound::Exact))
            })
            .copied()
            .collect();
        if parts.len() < 2 || total.bound != Bound::Exact {
            return;
        }
        // Parts counted by noun must be one coordinated list ("20 boats in May and 25
        // boats in June"), not figures scattered through a long sentence.
        if parts.iter().any(|p| !bracketed(p)) {
            for w in parts.windows(2) {
                let g = gap(text, w[0].span, w[1].span);
                let around_total =
                    total.span.start > w[0].span.start && total.span.end < w[1].span.end;
                if around_total
                    || g.split_whitespace().count() > 5
                    || !(g.contains(',') || g.contains(" and "))
                {
                    return;
                }
            }
        }
        let lower = sentence_text.to_ascii_lowercase();
        let subset = [
            "including",
            "of whom",
            "of which",
            "among",
            "such as",
            "at least",
            "more than",
            "others",
            "rest",
            "remaining",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let lo: f64 = parts.iter().map(|p| p.low).sum();
        let hi: f64 = parts.iter().map(|p| p.high).sum();
        let tol = self.params.count_tolerance;
        let wrong = if subset {
            lo > total.high + tol
        } else {
            NumberMention::disagrees(lo, hi, total.low, total.high, tol)
        };
        if !wrong {
            return;
        }
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        let mut all: Vec<&NumberMention> = parts.clone();
        all.push(total);
        let mut f = Finding::at(total.value_span)
            .arg("sum", format_number(sum, 2))
            .arg("total", total.value_span.text(text))
            .arg("quoted", quoted_note(&all));
        for p in &parts {
            f = f.label(p.value_span, "a part");
        }
        out.push(f.label(total.value_span, "the stated total"));
    }

    fn check_shares(
        &self,
        text: &str,
        sentence_text: &str,
        nums: &[&NumberMention],
        out: &mut Vec<Finding>,
    ) {
        let shares: Vec<&NumberMention> = nums
            .iter()
            .filter(|n| n.kind == NumberKind::Percent)
            .copied()
            .collect();
        if shares.len() < 3 {
            return;
        }
        // Other numbers may stand around the list ("among the three candidates"), not in it.
        let (Some(first), Some(last)) = (shares.first(), shares.last()) else {
            return;
        };
        let list_span = first.span.cover(last.span);
        if nums
            .iter()
            .any(|n| !n.is_share() && list_span.contains(n.span))
        {
            return;
        }
        let lower = sentence_text.to_ascii_lowercase();
        if lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| NOT_A_BREAKDOWN.contains(&w))
        {
            return;
        }
        // Changes ("cut by 52%", "rose 4%") are not parts of anything.
        if shares
            .iter()
            .any(|s| is_change_amount(text, s) || word_before_is(text, s, "by"))
        {
            return;
        }
        // One whole: no share bound to a different "of ..." phrase ("40% of all Welsh
        // engineers, 50% of all Welsh teachers" are shares of two groups).
        let mut wholes: Vec<String> = shares.iter().filter_map(|s| of_phrase(text, s)).collect();
        wholes.sort();
        wholes.dedup();
        if wholes.len() > 1 {
            return;
        }
        // Subgroups along different lines ("44 percent immigrant, 17 percent Black and
        // 58 percent women") overlap; they are not one whole split up.
        if dimensions(text, &shares) > 1 {
            return;
        }
        // A list: consecutive shares close together, joined by commas, "and" or "while".
        for w in shares.windows(2) {
            let g = gap(text, w[0].span, w[1].span);
            if g.split_whitespace().count() > 8
                || !(g.contains(',') || g.contains(" and ") || g.contains(';'))
            {
                return;
            }
        }
        if shares
            .iter()
            .any(|s| !matches!(s.bound, Bound::Exact | Bound::Approx))
        {
            return;
        }
        let lo: f64 = shares.iter().map(|s| s.low).sum();
        if lo <= 100.0 + self.params.tolerance {
            return;
        }
        let sum: f64 = shares.iter().map(|s| s.value).sum();
        let Some(last) = shares.last() else { return };
        let mut f = Finding::at(shares[0].value_span.cover(last.value_span))
            .arg("sum", format_share(sum))
            .arg("total", "100%")
            .arg("quoted", quoted_note(&shares));
        for s in &shares {
            f = f.label(s.value_span, "a share");
        }
        out.push(f);
    }
}

impl Kind for BreakdownSum {
    fn args(&self) -> Vec<String> {
        ["sum", "total", "quoted"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        for (sentence, nums) in sentence_numbers(cx) {
            if nums.len() < 3 || !from_to_pairs(text, &nums).is_empty() {
                continue;
            }
            let sentence_text = sentence.text(text);
            self.check_counts(text, sentence_text, &nums, out);
            self.check_shares(text, sentence_text, &nums, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> BreakdownSum {
        BreakdownSum::new(Params::default())
    }

    #[test]
    fn flags_parts_that_miss_the_total() {
        let f = assert_finds(
            &kind(),
            "Seats went to Lyon (10), Nice (20) and Metz (5), <<40>> in total.",
            None,
        );
        assert!(f.args.contains(&("sum".into(), "35".into())));
        assert_finds(
            &kind(),
            "A total of <<50>> boats were lost: 20 boats in May and 25 boats in June.",
            None,
        );
    }

    #[test]
    fn flags_shares_past_one_hundred() {
        assert_finds(
            &kind(),
            "Asked about the plan, <<60% said yes, 35% said no and 15%>> were unsure.",
            None,
        );
    }

    #[test]
    fn allows_sums_that_fit_and_separate_wholes() {
        assert_clean(
            &kind(),
            "Seats went to Lyon (10), Nice (20) and Metz (10), 40 in total.",
            None,
        );
        assert_clean(
            &kind(),
            "Asked about the plan, 52% said yes, 38% said no and 11% were unsure.",
            None,
        );
        assert_clean(
            &kind(),
            "The party won 45% of state seats, 40% of congressional seats and 30% of city posts.",
            None,
        );
        assert_clean(
            &kind(),
            "Mortality rates were 60% in Alba, 50% in Bran and 45% in Cluj.",
            None,
        );
        assert_clean(&kind(), "A total of 40 people, including 10 people from Lyon and 20 people from Nice, were there.", None);
    }
}
