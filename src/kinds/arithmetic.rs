//! Helpers shared by the arithmetic kinds (`percent-change`, `percentage-points`,
//! `percent-of-total`, `multiplier`, `breakdown-sum`): a `tolerance` parameter, the
//! numbers of each sentence, the one "from A to B" change of a sentence, the figure
//! stated for it and the relative change it makes.

use super::context::{CheckContext, Finding};
use crate::extract::number::gap;
use crate::extract::{NumberKind, NumberMention};
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
    /// Every change of a sentence whose numbers are `nums`, in order.
    pub fn all(text: &str, nums: &[&'a NumberMention]) -> Vec<Self> {
        from_to_pairs(text, nums)
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
    pub fn only(text: &str, nums: &[&'a NumberMention]) -> Option<Self> {
        let pairs = from_to_pairs(text, nums);
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

/// The numbers inside `sentence`, ordinals left out. `numbers` is sorted by start, so
/// this is a binary search, not a scan per sentence.
pub fn numbers_in(numbers: &[NumberMention], sentence: Span) -> Vec<&NumberMention> {
    let first = numbers.partition_point(|n| n.value_span.start < sentence.start);
    numbers
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.value_span.start < sentence.end)
        .filter(|n| sentence.contains(n.span) && n.kind != NumberKind::Ordinal)
        .collect()
}

/// Where a quantity's phrase ends: after its noun when it has one.
pub fn phrase_end(n: &NumberMention) -> usize {
    n.noun_span.map_or(n.span.end, |s| s.end.max(n.span.end))
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

/// A change written "from A to B" or "to B from A" (indexes into the slice), with the
/// figure stated for it when the wording ties one to it ("B, up P from A").
#[derive(Clone, Copy, Debug)]
pub struct FromTo {
    pub from: usize,
    pub to: usize,
    pub stated: Option<usize>,
}

/// What may stand between a stated change and the earlier value after it: "286, down
/// 58 per cent from 924", "119,844, 90 percent higher than the 56,798".
const BACK_LINKS: &[&str] = &[
    "from",
    "from the",
    "from a",
    "from an",
    "on",
    "on the",
    "compared with",
    "compared with the",
    "compared to",
    "compared to the",
    "than",
    "than the",
    "than a",
    "higher than",
    "higher than the",
    "lower than",
    "lower than the",
    "more than the",
    "less than the",
    "up from",
    "up from the",
    "down from",
    "down from the",
    "over",
    "over the",
];

/// What links a later value ("to B") to the earlier one after it: "to 5%, from 7%",
/// "to 5%, having stood at 7% last year".
const EARLIER_LINKS: &[&str] = &[
    "from",
    "from the",
    "from a",
    "having stood at",
    "having been",
    "after standing at",
];

/// Whether the words between two values of a change say when one was counted ("in the
/// same period last year", "a decade ago"), and hold no contrast ("while", "but").
fn says_when(between: &str) -> bool {
    let words = || {
        between
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    words().any(|w| {
        matches!(
            w,
            "year"
                | "years"
                | "month"
                | "months"
                | "quarter"
                | "week"
                | "decade"
                | "ago"
                | "earlier"
                | "before"
                | "last"
                | "previous"
                | "prior"
                | "period"
                | "count"
                | "pandemic"
        ) || w.len() == 4 && w.starts_with(['1', '2']) && w.parse::<u32>().is_ok()
    }) && !between.contains(';')
        && !words().any(|w| matches!(w, "while" | "whereas" | "but" | "although" | "though"))
}

/// Every "from A to B" and "to B from A" among `nums` (one sentence's numbers).
pub fn from_to_pairs(text: &str, nums: &[&NumberMention]) -> Vec<FromTo> {
    let mut out = Vec::new();
    for i in 0..nums.len().saturating_sub(1) {
        let (a, b) = (nums[i], nums[i + 1]);
        let before = crate::span::tail(text, a.span.start, 64)
            .trim_end()
            .to_ascii_lowercase();
        let g = gap(text, a.span, b.span);
        let words = g.split_whitespace().count();
        let ends_word = |s: &str, w: &str| {
            s.ends_with(w) && !s[..s.len() - w.len()].ends_with(|c: char| c.is_ascii_alphanumeric())
        };
        // Up to four words between the values ("from 68,195 barrels a day to"), or seven
        // when they say when the first value was counted ("from 45% in the same period
        // last year to 63%").
        let fits = words <= 4 || words <= 7 && says_when(&g);
        let g = g.trim();
        if ends_word(&before, "from") && (g.ends_with(" to") && fits || g == "to") {
            out.push(FromTo {
                from: i,
                to: i + 1,
                stated: None,
            });
        } else if ends_word(&before, "to")
            && (EARLIER_LINKS.iter().any(|l| ends_word(g, l)) && fits || EARLIER_LINKS.contains(&g))
        {
            out.push(FromTo {
                from: i + 1,
                to: i,
                stated: None,
            });
        }
    }
    // "B, up P from A", "B, P higher than A": the later value, the change, the earlier.
    for j in 1..nums.len().saturating_sub(1) {
        let (b, p, a) = (nums[j - 1], nums[j], nums[j + 1]);
        if out
            .iter()
            .any(|f| [f.from, f.to].iter().any(|&k| k + 1 >= j && k <= j + 1))
        {
            continue;
        }
        if !(p.is_share() || is_points(p)) || b.is_share() != a.is_share() || b.kind != a.kind {
            continue;
        }
        let back = text
            .get(phrase_end(p).min(a.span.start)..a.span.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        if !BACK_LINKS.contains(&back.trim()) {
            continue;
        }
        let lead = text
            .get(phrase_end(b).min(p.span.start)..p.span.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        let lead_words = lead.split_whitespace().count();
        let changes = crate::extract::number::is_change_amount(text, p)
            || p.kind == NumberKind::Points
            || back.trim().starts_with("higher")
            || back.trim().starts_with("lower");
        if changes
            && lead_words <= 6
            && !lead.contains(';')
            && !lead
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| matches!(w, "while" | "whereas" | "but" | "although" | "and"))
        {
            out.push(FromTo {
                from: j + 1,
                to: j - 1,
                stated: Some(j),
            });
        }
    }
    // "B, down from A — a fall of P": the later value, then the earlier one after "up
    // from" or "down from"; the figure is found beside them as for "from A to B".
    for j in 1..nums.len() {
        let (b, a) = (nums[j - 1], nums[j]);
        if out
            .iter()
            .any(|f| [f.from, f.to].iter().any(|&k| k + 1 >= j && k <= j))
            || b.is_share() != a.is_share()
            || b.kind != a.kind
        {
            continue;
        }
        let link = text
            .get(phrase_end(b).min(a.span.start)..a.span.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some((head, rest)) = link
            .split_once("up from")
            .or_else(|| link.split_once("down from"))
        else {
            continue;
        };
        // A time may qualify the later value first ("B in 2023, up from A"); the link
        // opens a new phrase (after a comma or a dash) and reaches the earlier value.
        let head = head.trim_end();
        let opens = head.is_empty() || head.ends_with([',', '—', '–']);
        let head_words: Vec<&str> = head.split_whitespace().collect();
        if !(opens
            && head_words.len() <= 5
            && !head.contains(';')
            && !head_words.iter().any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_ascii_alphabetic()),
                    "while" | "whereas" | "but" | "although" | "and"
                )
            })
            && matches!(rest.trim(), "" | "the" | "a" | "an"))
        {
            continue;
        }
        out.push(FromTo {
            from: j,
            to: j - 1,
            stated: None,
        });
    }
    out.sort_by_key(|f| f.from.min(f.to));
    out
}

/// A figure in percentage points: "2 percentage points", "2pp", or a count of "points"
/// ("down 3 points"), which beside a change between two percentages can only be points
/// of a percentage.
pub fn is_points(n: &NumberMention) -> bool {
    n.kind == NumberKind::Points
        || n.kind == NumberKind::Cardinal
            && n.currency.is_none()
            && matches!(n.noun.as_deref(), Some("points" | "point"))
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
