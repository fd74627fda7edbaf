//! `multiplier`: "doubled", "tripled", "halved", "tenfold" must fit the two numbers
//! given for the change.
//!
//! Why: "doubled from 10 to 25" cannot both be right: 25 is 2.5 times 10.
//! Reads each multiplier word ("doubled", "three times", "cut in half") with the change
//! or comparison it is stated for, and compares B / A with the factor. "More than doubled" allows any ratio of at least 2,
//! "nearly doubled" ratios up to 2; otherwise the ratio may differ from the factor by
//! `tolerance` (a fraction: 0.1 is 10%). "Tenfold" allows 10 to 11 (the word is used
//! both ways).
//! Read in any order: the word before the change or after it ("rose from 243 to 970,
//! almost tripling"), in the next sentence when that points back ("The figure has
//! nearly doubled."), and comparisons ("1,338, three times the 572 recorded in 2022").
//! Limits: a factor written as a fraction or a percentage is `percent-change` business.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};

use super::arithmetic::{no_ratio, tolerance_params, Change};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::numbers::{format_number};
use super::arithmetic::{numbers_in, quoted_note, same_currency};
use crate::extract::{NumberKind, NumberMention};
use crate::span::Span;

tolerance_params! {
    /// Allowed relative gap between the ratio and the factor (0.1 = 10%).
    default = 0.1
}

#[derive(Debug)]
pub struct Multiplier {
    params: Params,
}

impl Multiplier {
    pub fn new(params: Params) -> Self {
        Multiplier { params }
    }
}

impl Build for Multiplier {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        Ok(Multiplier::new(params))
    }
}

pub(crate) static MULTIPLIER_RE: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::MULTIPLIER_RE_PATTERN,
        embedded!("multiplier"),
    )
});

fn fold_factor(word: &str) -> Option<f64> {
    Some(match word.to_ascii_lowercase().as_str() {
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "twenty" => 20.0,
        "hundred" => 100.0,
        d => d.parse().ok()?,
    })
}

impl Kind for Multiplier {
    fn args(&self) -> Vec<String> {
        ["from", "to", "ratio", "stated", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let sentences = &cx.doc.prose.sentences;
        for (k, &sentence) in sentences.iter().enumerate() {
            let Some(s) = text.get(sentence.start..sentence.end) else {
                continue;
            };
            let nums = numbers_in(cx.mentions.numbers(), sentence);
            for caps in MULTIPLIER_RE.captures_iter(s) {
                let (Some(word), Some(whole)) = (caps.name("word"), caps.get(0)) else {
                    continue;
                };
                let lower = word.as_str().to_ascii_lowercase();
                let (factor, fold) = if lower.starts_with("doubl") || lower == "twice" {
                    (2.0, false)
                } else if lower.starts_with("trip") || lower.starts_with("treb") {
                    (3.0, false)
                } else if lower.starts_with("quadrup") {
                    (4.0, false)
                } else if lower.starts_with("halv") || lower.ends_with("half") {
                    (0.5, false)
                } else if let Some(f) = caps.name("fold").and_then(|f| fold_factor(f.as_str())) {
                    (f, true)
                } else if let Some(t) = caps.name("times").and_then(|f| fold_factor(f.as_str())) {
                    (t, false)
                } else {
                    continue;
                };
                let word_span =
                    Span::new(sentence.start + word.start(), sentence.start + word.end());
                let stated_span = Span::new(sentence.start + whole.start(), word_span.end);
                // "three" in "three times" is the factor, not a value.
                let values_here: Vec<&NumberMention> = nums
                    .iter()
                    .filter(|n| n.span.end <= stated_span.start || n.span.start >= stated_span.end)
                    .copied()
                    .collect();
                let Some((a, b)) = values(text, cx.mentions, &values_here, word_span).or_else(|| {
                    // "The figure has nearly doubled." after the change.
                    let prev = k.checked_sub(1).and_then(|j| sentences.get(j))?;
                    points_back(text, sentence, &values_here)
                        .then(|| {
                            let before = numbers_in(cx.mentions.numbers(), *prev);
                            let change = Change::only(cx.mentions, &before)?;
                            Some((change.a, change.b))
                        })
                        .flatten()
                }) else {
                    continue;
                };
                if a.kind != b.kind || a.kind == NumberKind::Fraction || !same_currency(a, b) {
                    continue;
                }
                if no_ratio(a, b) {
                    continue;
                }
                let approx = caps.name("approx").map(|m| m.as_str().to_ascii_lowercase());
                let Some((lo, hi)) = self.allowed(factor, fold, approx.as_deref()) else {
                    continue;
                };
                let rlo = b.low / a.high;
                let rhi = b.high / a.low;
                if rhi >= lo && rlo <= hi {
                    continue;
                }
                let ratio = b.value / a.value;
                out.push(
                    Finding::at(stated_span)
                        .arg("from", a.value_span.text(text))
                        .arg("to", b.value_span.text(text))
                        .arg("ratio", format_number(ratio, 2))
                        .arg("stated", stated_span.text(text))
                        .arg("quoted", quoted_note(&[a, b]))
                        .label(a.value_span, "the earlier value")
                        .label(b.value_span, "the later value")
                        .label(word_span, "the stated factor"),
                );
            }
        }
    }
}

impl Multiplier {
    /// The ratios a factor allows, as written with its approximator.
    fn allowed(&self, factor: f64, fold: bool, approx: Option<&str>) -> Option<(f64, f64)> {
        let tol = self.params.tolerance;
        Some(match approx {
            Some("more than" | "over" | "just over") if factor >= 1.0 => (factor, f64::INFINITY),
            Some("more than" | "over" | "just over") => (0.0, factor),
            Some("nearly" | "almost" | "close to" | "just under") if factor >= 1.0 => {
                (factor * (1.0 - 2.0 * tol), factor)
            }
            Some("nearly" | "almost" | "close to" | "just under") => {
                (factor, factor * (1.0 + 2.0 * tol))
            }
            Some(_) => (factor * (1.0 - 2.0 * tol), factor * (1.0 + 2.0 * tol)),
            None if fold => (factor * (1.0 - tol), (factor + 1.0) * (1.0 + tol)),
            None => (factor * (1.0 - tol), factor * (1.0 + tol)),
        })
    }
}

/// The earlier and later values a multiplier word is stated for, in its sentence:
/// "B, three times the A" (the later value first, the earlier after the word), or the
/// change nearest the word ("doubled from 10 to 25", "rose from 243 to 970, almost
/// tripling", "jumped from 68.4 million to 369.4 million, a tenfold increase").
fn values<'a>(
    text: &str,
    mentions: &crate::extract::Mentions,
    nums: &[&'a NumberMention],
    word: Span,
) -> Option<(&'a NumberMention, &'a NumberMention)> {
    // "stood at 1,338, more than three times the 572 recorded": a comparison.
    let after = nums.iter().position(|n| n.span.start >= word.end);
    if let Some(i) = after {
        let gap = crate::extract::number::gap(text, word, nums[i].span);
        let gap = gap.trim();
        if matches!(gap, "the" | "that of the" | "that of" | "its" | "their" | "")
            && !nums[i].compound
            && i > 0
            && crate::extract::number::gap(text, nums[i - 1].span, word)
                .split_whitespace()
                .count()
                <= 4
        {
            return Some((nums[i], nums[i - 1]));
        }
    }
    let changes = Change::all(mentions, nums);
    changes
        .iter()
        .filter_map(|c| {
            let (first, last) = if c.a.span.start < c.b.span.start {
                (c.a, c.b)
            } else {
                (c.b, c.a)
            };
            let distance = if word.end <= first.span.start {
                text.get(word.end..first.span.start)?
            } else if word.start >= last.span.end {
                text.get(last.span.end..word.start)?
            } else {
                ""
            };
            let lower = distance.to_ascii_lowercase();
            let words = lower.split_whitespace().count();
            let contrast = lower.contains(';')
                || lower
                    .split(|ch: char| !ch.is_ascii_alphabetic())
                    .any(|w| matches!(w, "while" | "whereas" | "but" | "although"));
            (words <= 8 && !contrast).then_some((words, c.a, c.b))
        })
        .min_by_key(|(words, _, _)| *words)
        .map(|(_, a, b)| (a, b))
}

/// Whether a sentence with no numbers of its own opens by pointing back to the change
/// before it: "The figure has nearly doubled.", "That is a tenfold increase.".
fn points_back(text: &str, sentence: Span, nums: &[&NumberMention]) -> bool {
    if !nums.is_empty() {
        return false;
    }
    let lower = sentence.text(text).trim_start().to_ascii_lowercase();
    [
        "the figure", "the number", "the total", "the amount", "the price", "the cost",
        "that ", "this ", "it ", "they ", "the count", "the sum",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

pub(super) fn warm_up() {
    LazyLock::force(&MULTIPLIER_RE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> Multiplier {
        Multiplier::new(Params::default())
    }

    #[test]
    fn reads_treble_as_three_times() {
        assert_finds(
            &kind(),
            "Arrests for shoplifting stood at 1,257, <<treble>> the 687 recorded a year earlier.",
            None,
        );
        assert_clean(
            &kind(),
            "Arrests for shoplifting stood at 2,061, treble the 687 recorded a year earlier.",
            None,
        );
    }

    #[test]
    fn flags_a_factor_the_numbers_do_not_give() {
        let f = assert_finds(&kind(), "Membership <<doubled>> from 10 to 25.", None);
        assert!(f.args.contains(&("ratio".into(), "2.5".into())));
        assert_finds(&kind(), "Fees <<tripled>> to $50 from $20.", None);
        assert_finds(&kind(), "Waiting lists <<halved>> from 800 to 600.", None);
        assert_finds(
            &kind(),
            "Exports rose <<tenfold>> from 3,000 to 12,000 tonnes.",
            None,
        );
    }

    #[test]
    fn allows_factors_that_fit() {
        assert_clean(&kind(), "Membership doubled from 10 to 20.", None);
        assert_clean(&kind(), "Membership more than doubled from 10 to 25.", None);
        assert_clean(&kind(), "Membership nearly doubled from 10 to 19.", None);
        assert_clean(&kind(), "Waiting lists halved from 800 to 410.", None);
        assert_clean(
            &kind(),
            "Exports rose tenfold from 3,000 to 31,000 tonnes.",
            None,
        );
        assert_clean(&kind(), "The bill doubled in size.", None);
    }
}
