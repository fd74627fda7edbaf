//! `percent-of-total`: a part, its whole and the share stated for them must agree.
//!
//! Why: "12 of the 40 firms (45%)" is wrong arithmetic in plain sight: 12 of 40 is 30%.
//! Two forms are read inside one sentence: a count, its whole and a share in apposition
//! ("12 of the 40 firms (45%)", "Twelve of the 50 start-ups, or 30 per cent"), and a
//! share, its whole and a count in apposition ("one in five of the 200 workers, or 60",
//! "Of the 40,000 units, three-quarters, or 20,000 units"). The share may also follow
//! the part before the whole ("Just 148 — or 64% — of the 300 stores"), or restate the
//! part after its clause ("12 of the 40 firms reported a loss, which is 30% of the
//! total"; "In all, 280 of them said no — that is 47%").
//! Every number is an interval (its rounding, its approximator), and only intervals
//! further apart than `tolerance` percentage points are reported.
//! Limits: the whole must be written as a number in the same sentence ("more than
//! one-third of the national total" is not checked); counts of different nouns are not
//! compared.

use super::arithmetic::{sentence_numbers, tolerance_params};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::number::{gap};
use crate::numbers::{format_number, format_share};
use super::arithmetic::{phrase_end, quoted_note};
use crate::extract::partition::{
    is_of_link, is_partitive_link, is_qualifier, same_noun,
};
use crate::extract::{NumberKind, NumberMention};
use crate::span::Span;

tolerance_params! {
    /// Allowed gap, in percentage points, beyond the rounding of the numbers given.
    default = 1.0
}

#[derive(Debug)]
pub struct PercentOfTotal {
    params: Params,
}

/// Whether the share after the whole is a share of that whole: nothing after it, or
/// "of the total", "of them", "of the firms". "(45% of them foreign-owned)" describes a
/// different group and is left alone.
fn share_of_the_whole(text: &str, s: &NumberMention, w: &NumberMention) -> bool {
    let rest = text.get(s.value_span.end..).unwrap_or("");
    let end = rest
        .find([')', ',', ';', '.', '—', '\n'])
        .unwrap_or(rest.len());
    let tail = rest.get(..end).unwrap_or("").trim().to_ascii_lowercase();
    if tail.is_empty() {
        return true;
    }
    let Some(of) = tail.strip_prefix("of") else {
        return false;
    };
    let words: Vec<&str> = of
        .split_whitespace()
        .filter(|x| !matches!(*x, "the" | "all" | "those" | "these"))
        .collect();
    match words.as_slice() {
        [] => true,
        [one] => {
            matches!(*one, "total" | "them" | "whole" | "those" | "these")
                || w.noun.as_deref().is_some_and(|n| n == *one)
        }
        _ => false,
    }
}

impl PercentOfTotal {
    pub fn new(params: Params) -> Self {
        PercentOfTotal { params }
    }
}

impl Build for PercentOfTotal {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        Ok(PercentOfTotal::new(params))
    }
}

/// The markers of a share given in apposition, longest first: "(45%)", ", or 45%,",
/// ", 45%,", "— 45% —", ", which is 45%", ", representing 45%".
const APPOSITION_MARKERS: &[&str] = &[
    ", which represents",
    ", which is",
    ", that is",
    ", representing",
    ", or",
    "— or",
    "– or",
    " or",
    "(",
    "—",
    "–",
    " -",
    ",",
];

/// Whether `from..to` holds an apposition marker, after an optional qualifier of the
/// quantity before it (see [`is_qualifier`]).
fn is_apposition(text: &str, from: usize, to: usize) -> bool {
    let Some(g) = text.get(from..to) else {
        return false;
    };
    let g = g.trim_end();
    APPOSITION_MARKERS.iter().any(|m| {
        g.strip_suffix(m.trim_start()).is_some_and(|before| {
            let before = before.trim_end();
            let before = if m.starts_with(',') {
                before
            } else {
                before.strip_suffix(',').unwrap_or(before)
            };
            is_qualifier(before)
        })
    })
}

impl PercentOfTotal {
    /// Part `c` of whole `w` against the stated share `s`.
    fn check_part(
        &self,
        text: &str,
        c: &NumberMention,
        w: &NumberMention,
        s: &NumberMention,
        out: &mut Vec<Finding>,
    ) {
        if !(w.is_cardinal()
            && s.is_share()
            && c.currency == w.currency
            && w.low > 0.0
            && c.value <= w.value
            && share_of_the_whole(text, s, w))
        {
            return;
        }
        let lo = c.low / w.high * 100.0;
        let hi = c.high / w.low * 100.0;
        if !NumberMention::disagrees(lo, hi, s.low, s.high, self.params.tolerance) {
            return;
        }
        let actual = c.value / w.value * 100.0;
        out.push(
            Finding::at(s.value_span)
                .arg("part", c.value_span.text(text))
                .arg("total", w.value_span.text(text))
                .arg("actual", format_share(actual))
                .arg("stated", s.value_span.text(text))
                .arg("quoted", quoted_note(&[c, w, s]))
                .label(c.value_span, "the part")
                .label(w.value_span, "the total")
                .label(s.value_span, "the stated share"),
        );
    }
}

/// The part and the whole a share at `i` is given for in apposition, read in the order
/// the sentence has them (see [`PercentOfTotal::check`]). A ratio share ("291 out of
/// 800") gives its own part and whole as quantities.
fn part_and_whole_before(
    text: &str,
    numbers: &[NumberMention],
    nums: &[&NumberMention],
    i: usize,
) -> Option<(NumberMention, NumberMention)> {
    let s = nums.get(i)?;
    if !s.is_share() {
        return None;
    }
    let p = nums.get(i.checked_sub(1)?)?;
    if !is_apposition(text, phrase_end(p), s.span.start) {
        return None;
    }
    // "291 out of 800 bridges (55.4%)": the ratio is the part and the whole.
    if let Some([(part, part_span), (whole, whole_span)]) = p.ratio {
        let count = |value: f64, span: Span| NumberMention {
            span,
            value_span: span,
            kind: NumberKind::Cardinal,
            value,
            low: value,
            high: value,
            ratio: None,
            ..(*p).clone()
        };
        return Some((count(part, part_span), count(whole, whole_span)));
    }
    if !p.is_cardinal() {
        return None;
    }
    part_and_whole(numbers, nums, i - 1)
}

/// The part and the whole the count `nums[j]` belongs to, as the extractor linked them
/// (see [`crate::extract::partition`]): the count before it as a part of it ("12 of the
/// 40 firms"), else its own whole ("Of the 500 clinics surveyed, 464"; "Of those, 48";
/// "280 of them").
fn part_and_whole(
    numbers: &[NumberMention],
    nums: &[&NumberMention],
    j: usize,
) -> Option<(NumberMention, NumberMention)> {
    let p = nums.get(j)?;
    let whole_of = |n: &NumberMention| n.referent.whole.and_then(|w| numbers.get(w));
    if let Some(q) = j.checked_sub(1).and_then(|k| nums.get(k)) {
        if whole_of(q).is_some_and(|w| std::ptr::eq(w, *p)) {
            return Some(((*q).clone(), (*p).clone()));
        }
    }
    let w = whole_of(p)?;
    Some(((*p).clone(), w.clone()))
}

/// What restates a part as a share after the clause that gives the part: "12 of the 40
/// firms reported a loss, which is 30% of the total", "280 of them said no — that is 47%".
const RESTATEMENTS: &[&str] = &[
    ", which is",
    ", which was",
    ", which are",
    ", which were",
    ", that is",
    "— that is",
    "– that is",
    "— or",
    "— some",
    ", or",
    ", or some",
    ", representing",
    ", accounting for",
    ", making up",
    ", equal to",
];

/// The part and the whole of a share that restates them after a clause: "12 of the 40
/// firms reported a loss, which is 30% of the total" (the part, "of", the whole), or
/// "A survey covered 600 firms. In all, 280 of them said no — that is 47%" (the part
/// "of them", its whole before). The clause between may hold no other number and no
/// contrast, and the share must be of the whole (see [`share_of_the_whole`]).
fn part_and_whole_across_clause(
    text: &str,
    numbers: &[NumberMention],
    nums: &[&NumberMention],
    i: usize,
) -> Option<(NumberMention, NumberMention)> {
    let s = nums.get(i)?;
    let p = nums.get(i.checked_sub(1)?)?;
    if !s.is_share() || !p.is_cardinal() {
        return None;
    }
    let between = text.get(phrase_end(p)..s.span.start)?.to_lowercase();
    let between = between.trim_end();
    let clause = RESTATEMENTS
        .iter()
        .find_map(|m| between.strip_suffix(m))?;
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 14
        || clause.contains([';', '(', ')', ':'])
        || words.iter().any(|w| {
            matches!(
                *w,
                "while" | "whereas" | "but" | "although" | "though" | "and" | "than"
            )
        })
    {
        return None;
    }
    // "12 of the 40 firms ...", "280 of them ...": the part and its whole.
    part_and_whole(numbers, nums, i - 1)
}

/// "Just 148 — or 64% — of the 300 stores", "148 (64%) of the 300 stores": the part,
/// the share in apposition with it, then the whole.
fn part_share_then_whole<'a>(
    text: &str,
    nums: &[&'a NumberMention],
    i: usize,
) -> Option<(&'a NumberMention, &'a NumberMention)> {
    let s = nums.get(i)?;
    let c = nums.get(i.checked_sub(1)?)?;
    let w = nums.get(i + 1)?;
    if !(s.is_share() && c.is_cardinal() && c.noun.is_none() && w.is_cardinal()) {
        return None;
    }
    if !is_apposition(text, c.span.end, s.span.start) {
        return None;
    }
    // The apposition closes ("—", ")", ",") and the partitive link follows.
    let link = gap(text, s.span, w.span);
    let rest = link.trim_start().strip_prefix(['—', '–', ')', ','])?;
    is_partitive_link(rest).then_some((*c, *w))
}

impl Kind for PercentOfTotal {
    fn args(&self) -> Vec<String> {
        ["part", "total", "actual", "stated", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let tol = self.params.tolerance;
        for (_, nums) in sentence_numbers(cx) {
            let nums = &nums;
            for i in 0..nums.len() {
                // A share in apposition with a part of a whole, however the two are
                // linked: "12 of the 40 firms (45%)", "Of the 500 clinics surveyed, 464,
                // or 74 percent,", "Of those, 48 — 86% —", "291 out of 800 (55.4%)".
                if let Some((c, w)) = part_and_whole_before(text, cx.mentions.numbers(), nums, i)
                {
                    self.check_part(text, &c, &w, nums[i], out);
                    continue;
                }
                // "Just 148 — or 64% — of the 300 stores".
                if let Some((c, w)) = part_share_then_whole(text, nums, i) {
                    self.check_part(text, c, w, nums[i], out);
                    continue;
                }
                // "12 of the 40 firms reported a loss, which is 30% of the total".
                if let Some((c, w)) =
                    part_and_whole_across_clause(text, cx.mentions.numbers(), nums, i)
                {
                    self.check_part(text, &c, &w, nums[i], out);
                    continue;
                }
                // Form B: a share of a whole, then the count in apposition.
                let Some(s) = nums.get(i) else { continue };
                if !s.is_share() {
                    continue;
                }
                let (w, c) = match (
                    i.checked_sub(1).and_then(|j| nums.get(j)),
                    nums.get(i + 1),
                    nums.get(i + 2),
                ) {
                    // "one in five of the 200 workers, or 60"
                    (_, Some(w), Some(c))
                        if w.is_cardinal()
                            && is_of_link(&gap(text, s.span, w.span))
                            && c.is_cardinal()
                            && is_apposition(text, phrase_end(w), c.span.start) =>
                    {
                        (*w, *c)
                    }
                    // "Of the 40,000 units, three-quarters, or 20,000 units"
                    (Some(w), Some(c), _)
                        if w.is_cardinal()
                            && c.is_cardinal()
                            && crate::span::tail(text, w.span.start, 64)
                                .trim_end()
                                .to_ascii_lowercase()
                                .ends_with("of the")
                            && gap(text, w.span, s.span)
                                .trim_start_matches(|ch: char| ch.is_ascii_lowercase() || ch == ' ')
                                .trim()
                                == ","
                            && w.noun.is_some()
                            && is_apposition(text, s.span.end, c.span.start) =>
                    {
                        (*w, *c)
                    }
                    _ => continue,
                };
                if !same_noun(w, c) || w.currency != c.currency || w.low <= 0.0 {
                    continue;
                }
                let lo = s.low / 100.0 * w.low;
                let hi = s.high / 100.0 * w.high;
                let count_tol = tol / 100.0 * w.value;
                if NumberMention::disagrees(lo, hi, c.low, c.high, count_tol) {
                    let actual = s.value / 100.0 * w.value;
                    let decimals = if actual < 10.0 { 1 } else { 0 };
                    out.push(
                        Finding::at(c.value_span)
                            .arg("part", s.value_span.text(text))
                            .arg("total", w.value_span.text(text))
                            .arg("actual", format_number(actual, decimals))
                            .arg("stated", c.value_span.text(text))
                            .arg("quoted", quoted_note(&[c, w, s]))
                            .label(s.value_span, "the share")
                            .label(w.value_span, "the total")
                            .label(c.value_span, "the stated part"),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> PercentOfTotal {
        PercentOfTotal::new(Params::default())
    }

    #[test]
    fn flags_a_share_that_does_not_match_part_and_total() {
        let f = assert_finds(&kind(), "Only 12 of the 40 firms (<<45%>>) replied.", None);
        assert!(f.args.contains(&("actual".into(), "30%".into())));
        assert_finds(
            &kind(),
            "Twelve of the 50 start-ups, or <<30 per cent>>, closed.",
            None,
        );
        assert_finds(
            &kind(),
            "One in five of the 200 workers, or <<60>>, left.",
            None,
        );
        assert_finds(
            &kind(),
            "Of the 40,000 units, three-quarters, or <<20,000>> units, sold.",
            None,
        );
    }

    #[test]
    fn reads_a_share_that_restates_a_part_after_its_clause() {
        assert_finds(
            &kind(),
            "Seventy-three of the 240 stores will close, which is <<55%>> of the total.",
            None,
        );
        assert_clean(
            &kind(),
            "Seventy-three of the 240 stores will close, which is 30% of the total.",
            None,
        );
        assert_finds(
            &kind(),
            "A survey covered 600 firms. In all, 280 of them reported a loss — that is <<65 per \
             cent>>.",
            None,
        );
        assert_clean(
            &kind(),
            "A survey covered 600 firms. In all, 280 of them reported a loss — that is 47 per \
             cent.",
            None,
        );
        assert_clean(
            &kind(),
            "Twelve of the 40 firms raised prices, which is 30% more than last year.",
            None,
        );
    }

    #[test]
    fn reads_a_whole_given_after_the_share() {
        assert_finds(
            &kind(),
            "Just 148 — or <<64%>> — of the 300 stores will close.",
            None,
        );
        assert_finds(&kind(), "Just 148 (<<64%>>) of the 300 stores will close.", None);
        assert_clean(&kind(), "Just 148 (49%) of the 300 stores will close.", None);
        assert_finds(
            &kind(),
            "The agency looked at 200 firms, of which 3 (<<9.5%>>) reported a loss.",
            None,
        );
    }

    #[test]
    fn allows_consistent_and_approximate_shares() {
        assert_clean(&kind(), "Only 12 of the 40 firms (30%) replied.", None);
        assert_clean(
            &kind(),
            "Only 12 of the 40 firms (45% of them foreign-owned) replied.",
            None,
        );
        assert_finds(
            &kind(),
            "Only 12 of the 40 firms (<<45%>> of the total) replied.",
            None,
        );
        assert_clean(
            &kind(),
            "Twelve of the 50 start-ups, or about 25 per cent, closed.",
            None,
        );
        assert_clean(
            &kind(),
            "One in five of the 200 workers, or 40, left.",
            None,
        );
        assert_clean(
            &kind(),
            "They won more than one-third of the national total.",
            None,
        );
    }

    #[test]
    fn number_kinds_never_panic_on_odd_text() {
        use crate::kinds::{build, KindName};
        let pieces = [
            "from",
            "to",
            "0",
            "0%",
            "of the",
            "(",
            ")",
            "1.5",
            "doubled",
            "halved",
            "tenfold",
            "a total of",
            "in total",
            ",",
            " or ",
            "“",
            "”",
            "\"",
            "a third",
            "one in",
            "9,999,999,999,999,999,999",
            "-3",
            "–",
            "$",
            "€",
            "bn",
            "percentage points",
            "The",
            "three",
            "companies:",
            "A",
            "and",
            "B",
            ".",
            "\n\n",
            "é",
            "½",
            "victims",
            "per cent",
        ];
        let kinds: Vec<_> = KindName::LIST
            .iter()
            .filter(|k| {
                [
                    "percent-of-total",
                    "percent-change",
                    "percentage-points",
                    "multiplier",
                    "breakdown-sum",
                    "enumeration-count",
                    "inconsistent-restatement",
                ]
                .contains(&k.as_str())
            })
            .map(|&k| {
                build(k, serde_json::Value::Null, crate::kinds::Compile::Now)
                    .expect("defaults are valid")
            })
            .collect();
        assert_eq!(kinds.len(), 7);
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let piece = pieces[(seed >> 33) as usize % pieces.len()];
                text.push_str(piece);
                if seed & 1 == 0 {
                    text.push(' ');
                }
            }
            for k in &kinds {
                let _ = crate::kinds::testing::run(k.as_ref(), &text, None);
            }
        }
    }

    #[test]
    fn says_when_the_numbers_are_quoted() {
        let f = assert_finds(
            &kind(),
            "\"Only 12 of the 40 firms (<<45%>>) replied,\" she said.",
            None,
        );
        assert!(f
            .args
            .contains(&("quoted".into(), " (in a quotation)".into())));
    }
}
