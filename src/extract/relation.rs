//! Relations between the numbers of a sentence, read once for every check: which two
//! values are the two ends of a change ("from A to B", "to B from A", "B, up P from
//! A"), and the figure the wording ties to that change.

use super::number::gap;
use super::{NumberKind, NumberMention};
use crate::span::Span;

/// Where a quantity's phrase ends: after its noun when it has one.
pub fn phrase_end(n: &NumberMention) -> usize {
    n.noun_span.map_or(n.span.end, |s| s.end.max(n.span.end))
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

/// A change between two numbers of one sentence, as indexes into
/// [`super::Mentions::numbers`]: the earlier value, the later value and the figure the
/// wording ties to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeLink {
    pub from: usize,
    pub to: usize,
    pub stated: Option<usize>,
}

/// The indexes of the numbers whose value starts inside `sentence`. `numbers` is sorted
/// by start, so this is a binary search.
pub fn indexes_in(numbers: &[NumberMention], sentence: Span) -> std::ops::Range<usize> {
    let first = numbers.partition_point(|n| n.value_span.start < sentence.start);
    let last = numbers.partition_point(|n| n.value_span.start < sentence.end);
    first..last.max(first)
}

/// Every change of every sentence, read once (see [`from_to_pairs`]), in order. Numbers
/// that are not quantities (a year, a label, a street number, a race distance: see
/// [`super::role::Role::is_quantity`]) are no value of a change.
pub fn changes(text: &str, sentences: &[Span], numbers: &[NumberMention]) -> Vec<ChangeLink> {
    let mut out = Vec::new();
    for &sentence in sentences {
        let idx: Vec<usize> = indexes_in(numbers, sentence)
            .filter(|&i| {
                let n = &numbers[i];
                sentence.contains(n.span)
                    && n.kind != NumberKind::Ordinal
                    && n.referent.role.is_quantity()
            })
            .collect();
        if idx.len() < 2 {
            continue;
        }
        let nums: Vec<&NumberMention> = idx.iter().map(|&i| &numbers[i]).collect();
        out.extend(from_to_pairs(text, &nums).into_iter().map(|p| ChangeLink {
            from: idx[p.from],
            to: idx[p.to],
            stated: p.stated.map(|s| idx[s]),
        }));
    }
    out
}
