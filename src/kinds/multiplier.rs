//! `multiplier`: "doubled", "tripled", "halved", "tenfold" must fit the two numbers
//! given for the change.
//!
//! Why: "doubled from 10 to 25" cannot both be right: 25 is 2.5 times 10.
//! Reads one multiplier word and one "from A to B" (or "to B from A") in a sentence and
//! compares B / A with the factor. "More than doubled" allows any ratio of at least 2,
//! "nearly doubled" ratios up to 2; otherwise the ratio may differ from the factor by
//! `tolerance` (a fraction: 0.1 is 10%). "Tenfold" allows 10 to 11 (the word is used
//! both ways).
//! Limits: one multiplier and one change per sentence.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};

use super::arithmetic::{no_ratio, tolerance_params, Change};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::numbers::{format_number};
use super::arithmetic::{numbers_in, quoted_note, same_currency};
use crate::extract::NumberKind;
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
        let tol = self.params.tolerance;
        for &sentence in &cx.doc.prose.sentences {
            let Some(s) = text.get(sentence.start..sentence.end) else {
                continue;
            };
            let found: Vec<_> = MULTIPLIER_RE.captures_iter(s).collect();
            let [caps] = found.as_slice() else { continue };
            let (Some(word), Some(whole)) = (caps.name("word"), caps.get(0)) else {
                continue;
            };
            let lower = word.as_str().to_ascii_lowercase();
            let (factor, fold) = if lower.starts_with("doubl") {
                (2.0, false)
            } else if lower.starts_with("trip") || lower.starts_with("treb") {
                (3.0, false)
            } else if lower.starts_with("quadrup") {
                (4.0, false)
            } else if lower.starts_with("halv") {
                (0.5, false)
            } else {
                match caps.name("fold").and_then(|f| fold_factor(f.as_str())) {
                    Some(f) => (f, true),
                    None => continue,
                }
            };
            let nums = numbers_in(cx.mentions.numbers(), sentence);
            let Some(Change { a, b, .. }) = Change::only(text, &nums) else {
                continue;
            };
            if a.kind != b.kind || a.kind == NumberKind::Fraction || !same_currency(a, b) {
                continue;
            }
            if no_ratio(a, b) {
                continue;
            }
            let word_span = Span::new(sentence.start + word.start(), sentence.start + word.end());
            // The multiplier must come before the later value ("doubled ... to 25").
            if word_span.start > b.span.start.max(a.span.start) {
                continue;
            }
            let rlo = b.low / a.high;
            let rhi = b.high / a.low;
            let approx = caps.name("approx").map(|m| m.as_str().to_ascii_lowercase());
            let (lo, hi) = match approx.as_deref() {
                Some("more than" | "over" | "just over") if factor >= 1.0 => {
                    (factor, f64::INFINITY)
                }
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
            };
            if rhi >= lo && rlo <= hi {
                continue;
            }
            let ratio = b.value / a.value;
            let stated_span = Span::new(sentence.start + whole.start(), word_span.end);
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
