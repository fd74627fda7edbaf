//! Helpers shared by the arithmetic kinds (`percent-change`, `percentage-points`,
//! `percent-of-total`, `multiplier`, `breakdown-sum`): a `tolerance` parameter, the
//! numbers of each sentence, the one "from A to B" change of a sentence, the figure
//! stated for it and the relative change it makes.

use super::context::{CheckContext, Finding};
pub use crate::extract::relation::{is_points, phrase_end, FromTo};
use crate::extract::{Mentions, NumberKind, NumberMention};
use crate::span::Span;

/// A kind's `Params`: one `tolerance` with the doc comment and default given.
macro_rules! tolerance_params {
    ($(#[doc = $doc:expr])* default = $default:expr) => {
        #[derive(Debug, ::serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Params {
            $(#[doc = $doc])*
            #[serde(default = "default_tolerance")]
            pub tolerance: f64,
        }

        fn default_tolerance() -> f64 {
            $default
        }

        impl Default for Params {
            fn default() -> Self {
                Params {
                    tolerance: default_tolerance(),
                }
            }
        }
    };
}

pub(super) use tolerance_params;

/// Each sentence of the document with its numbers (see [`numbers_in`]).
pub fn sentence_numbers<'a>(
    cx: &CheckContext<'a>,
) -> impl Iterator<Item = (Span, Vec<&'a NumberMention>)> + 'a {
    let numbers = cx.mentions.numbers();
    let sentences = &cx.doc.prose.sentences;
    sentences.iter().map(move |&s| (s, numbers_in(numbers, s)))
}

/// A change written "from A to B" or "to B from A": where its values stand among the
/// sentence's numbers, and the earlier value `a` and the later value `b`.
pub struct Change<'a> {
    pub pair: FromTo,
    pub a: &'a NumberMention,
    pub b: &'a NumberMention,
}

impl<'a> Change<'a> {
    /// Every change of a sentence whose numbers are `nums`, in order, as the extractor
    /// read them (see [`crate::extract::relation`]).
    pub fn all(mentions: &Mentions, nums: &[&'a NumberMention]) -> Vec<Self> {
        mentions
            .changes_among(nums)
            .into_iter()
            .filter_map(|pair| {
                Some(Change {
                    pair,
                    a: nums.get(pair.from)?,
                    b: nums.get(pair.to)?,
                })
            })
            .collect()
    }

    /// The figure stated for this change among several in one sentence: the one the
    /// wording ties to it, else the nearest number `accept` takes that is not a value of
    /// any change and stands closer to this change than to the others.
    pub fn stated_among(
        &self,
        text: &str,
        nums: &[&'a NumberMention],
        all: &[Change<'a>],
        accept: impl Fn(&NumberMention) -> bool,
    ) -> Option<&'a NumberMention> {
        if let Some(i) = self.pair.stated {
            return nums.get(i).copied().filter(|n| accept(n));
        }
        if all.len() == 1 {
            return self.stated(text, nums, accept);
        }
        let values: Vec<usize> = all.iter().flat_map(|c| [c.pair.from, c.pair.to]).collect();
        let distance = |c: &Change<'_>, n: &NumberMention| {
            let (lo, hi) = (
                c.a.span.start.min(c.b.span.start),
                c.a.span.end.max(c.b.span.end),
            );
            if n.span.end <= lo {
                lo - n.span.end
            } else {
                n.span.start.saturating_sub(hi)
            }
        };
        let stated_elsewhere: Vec<usize> = all.iter().filter_map(|c| c.pair.stated).collect();
        nums.iter()
            .enumerate()
            .filter(|(i, n)| !values.contains(i) && !stated_elsewhere.contains(i) && accept(n))
            .map(|(_, n)| *n)
            .filter(|n| near_change(text, self.a, self.b, n))
            .filter(|n| {
                let mine = distance(self, n);
                all.iter()
                    .filter(|c| c.pair.from != self.pair.from)
                    .all(|c| distance(c, n) > mine)
            })
            .min_by_key(|n| distance(self, n))
    }

    /// The change of a sentence whose numbers are `nums`, when it has exactly one.
    pub fn only(mentions: &Mentions, nums: &[&'a NumberMention]) -> Option<Self> {
        let pairs = mentions.changes_among(nums);
        let [pair] = pairs.as_slice() else {
            return None;
        };
        Some(Change {
            pair: *pair,
            a: nums.get(pair.from)?,
            b: nums.get(pair.to)?,
        })
    }

    /// The figure stated for the change: the only number other than its two values that
    /// `accept` takes, when it stands by the change.
    pub fn stated(
        &self,
        text: &str,
        nums: &[&'a NumberMention],
        accept: impl Fn(&NumberMention) -> bool,
    ) -> Option<&'a NumberMention> {
        let stated: Vec<_> = nums
            .iter()
            .enumerate()
            .filter(|&(i, n)| i != self.pair.from && i != self.pair.to && accept(n))
            .map(|(_, n)| *n)
            .collect();
        let [p] = stated.as_slice() else {
            return None;
        };
        near_change(text, self.a, self.b, p).then_some(*p)
    }

    /// (b - a) / a in per cent, from the values as written.
    pub fn relative(&self) -> f64 {
        (self.b.value - self.a.value) / self.a.value * 100.0
    }

    /// The bounds of (b - a) / a in per cent over the intervals of a and b, as a size:
    /// negated for a fall, since the change word gives the sign.
    pub fn relative_size(&self) -> Option<(f64, f64)> {
        let (a, b) = (self.a, self.b);
        if no_ratio(a, b) {
            return None;
        }
        let lo = (b.low - a.high) / a.high * 100.0;
        let hi = (b.high - a.low) / a.low * 100.0;
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        Some(if b.value >= a.value {
            (lo, hi)
        } else {
            (-hi, -lo)
        })
    }

    /// The finding on the stated change `p`: `from` and `to`, then `args`, then `stated`
    /// and `quoted`; the labels call the two values the earlier and the later `what`.
    pub fn finding(
        &self,
        text: &str,
        p: &NumberMention,
        what: &str,
        args: [(&str, String); 2],
    ) -> Finding {
        let (a, b) = (self.a, self.b);
        let [(n1, v1), (n2, v2)] = args;
        Finding::at(p.value_span)
            .arg("from", a.value_span.text(text))
            .arg("to", b.value_span.text(text))
            .arg(n1, v1)
            .arg(n2, v2)
            .arg("stated", p.value_span.text(text))
            .arg("quoted", quoted_note(&[a, b, p]))
            .label(a.value_span, format!("the earlier {what}"))
            .label(b.value_span, format!("the later {what}"))
            .label(p.value_span, "the stated change")
    }
}

/// Whether b / a has no finite bounds: `a` not above zero, or either value unbounded.
pub fn no_ratio(a: &NumberMention, b: &NumberMention) -> bool {
    a.low <= 0.0 || !a.high.is_finite() || !b.high.is_finite()
}

/// "increase" for a relative change at or above zero, "decrease" below.
pub fn direction(relative: f64) -> &'static str {
    if relative >= 0.0 {
        "increase"
    } else {
        "decrease"
    }
}

/// The numbers inside `sentence` that are quantities: ordinals, years, labels, street
/// numbers and race distances left out (see [`crate::extract::referent::Role`]). `numbers` is sorted by start, so
/// this is a binary search, not a scan per sentence.
pub fn numbers_in(numbers: &[NumberMention], sentence: Span) -> Vec<&NumberMention> {
    let first = numbers.partition_point(|n| n.value_span.start < sentence.start);
    numbers
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.value_span.start < sentence.end)
        .filter(|n| {
            sentence.contains(n.span)
                && n.kind != NumberKind::Ordinal
                && n.referent.role.is_quantity()
        })
        .collect()
}

/// " (in a quotation)" when any of `nums` is quoted, else "".
pub fn quoted_note(nums: &[&NumberMention]) -> &'static str {
    if nums.iter().any(|n| n.quoted) {
        " (in a quotation)"
    } else {
        ""
    }
}

/// Whether `p` belongs to the change from `a` to `b`: inside it or a few words from it,
/// with no contrast ("while", "but", ";") between.
pub fn near_change(text: &str, a: &NumberMention, b: &NumberMention, p: &NumberMention) -> bool {
    let (first, last) = if a.span.start < b.span.start {
        (a, b)
    } else {
        (b, a)
    };
    // Counted from the end of the later value's phrase: "34,098 barrels a day over five
    // years, a drop of 50%" has its unit before the words that link the change.
    let between = if p.span.end <= first.span.start {
        text.get(p.span.end..first.span.start)
    } else if p.span.start >= last.span.end {
        text.get(phrase_end(last).min(p.span.start)..p.span.start)
    } else {
        Some("")
    };
    let Some(between) = between else { return false };
    let lower = between.to_ascii_lowercase();
    // A new clause about another time: "..., and is down 10 points since the election",
    // "..., when they rose 10%". "between 2019 and 2023" is one period.
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let new_clause = tokens.iter().enumerate().any(|(k, w)| {
        *w == "when"
            || *w == "and"
                && !k
                    .checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
    });
    if new_clause {
        return false;
    }
    // Ten words leave room for a time ("in the same period last year, a fall of 31%").
    lower.split_whitespace().count() <= 10
        && !lower.contains(';')
        && !lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "while" | "whereas" | "but" | "although" | "though" | "compared"
            )
        })
}

/// Whether two quantities are in the same currency, or one leaves it implied
/// ("from 10 to 25 euros").
pub fn same_currency(a: &NumberMention, b: &NumberMention) -> bool {
    a.currency.is_none() || b.currency.is_none() || a.currency == b.currency
}

/// The change stated by the sentence after a change: one that opens by pointing back
/// ("That is", "This is", "It was", "The increase is") and states one percentage.
pub fn stated_next<'a>(
    text: &str,
    next: crate::span::Span,
    nums: &[&'a NumberMention],
    kinds: &[NumberKind],
) -> Option<&'a NumberMention> {
    let [p] = nums else { return None };
    if !kinds.contains(&p.kind) {
        return None;
    }
    let lead = text.get(next.start..p.span.start)?.to_ascii_lowercase();
    let lead = lead.trim();
    let opens = [
        "that ",
        "this ",
        "it ",
        "the increase",
        "the rise",
        "the fall",
        "the drop",
        "the decline",
        "the decrease",
        "the cut",
        "the reduction",
        "the jump",
        "the growth",
        "the change",
        "the gain",
        "the loss",
        "the climb",
        "the leap",
        "the surge",
        "the slump",
    ];
    let change_word = lead.split_whitespace().any(|w| {
        matches!(
            w,
            "increase"
                | "rise"
                | "fall"
                | "drop"
                | "decline"
                | "decrease"
                | "cut"
                | "reduction"
                | "jump"
                | "growth"
                | "change"
                | "gain"
                | "loss"
                | "is"
                | "was"
                | "represents"
                | "marks"
                | "climb"
                | "leap"
                | "surge"
                | "slump"
                | "amounts"
                | "amounted"
        )
    });
    (opens.iter().any(|o| lead.starts_with(o))
        && change_word
        && lead.split_whitespace().count() <= 8)
        .then_some(*p)
}
