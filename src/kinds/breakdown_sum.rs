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
use super::arithmetic::quoted_note;
use crate::extract::referent::{bracketed, Role};
use crate::extract::{Bound, NumberKind, NumberMention};
use crate::span::Span;

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

/// Answers to a poll question, as written after a share.
const POLL_ANSWERS: &[&str] = &[
    "yes", "no", "unsure", "undecided", "favour", "favor", "against", "opposed", "backed",
    "supported", "support", "oppose", "view", "know", "neither",
];

/// Words of change that rule a list out even when its labels are poll answers.
const CHANGE_WORDS: &[&str] = &[
    "rose", "fell", "increase", "increased", "decrease", "decreased", "up", "down", "growth",
    "grew", "compared", "respectively", "than", "versus", "vs",
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
        || before.ends_with("in all,")
        || before.ends_with("totalled")
        || before.ends_with("totaled")
        || before.ends_with("totals")
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

/// Words that, written between a whole and the first of its parts, announce the parts:
/// "The 1,846 arrests were split between ...", "The $149.8 million budget is divided into".
const SPLIT_WORDS: &[&str] = &[
    "split between",
    "split among",
    "split into",
    "divided into",
    "divided between",
    "divided among",
    "made up of",
    "consists of",
    "consisting of",
    "comprises",
    "comprising",
    "broken down into",
];

/// Words that make the parts a subset of the whole.
const SUBSET_WORDS: &[&str] = &[
    "including",
    "of whom",
    "of which",
    "among",
    "such as",
    "at least",
    "more than",
    "others",
];

/// Nouns a part may not count: a duration or a date is not a share of a count.
const NOT_PART_NOUNS: &[&str] = &[
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "minutes",
    "percent", "points",
];

/// Whether `n` can be the whole: an exact count or amount ("The 43-member council" too).
fn can_be_whole(text: &str, n: &NumberMention) -> bool {
    n.is_cardinal()
        && n.bound == Bound::Exact
        && n.referent.role != Role::Time
        && (n.value.fract() == 0.0 || n.currency.is_some())
        && (!n.compound
            || ["-member", "-strong", "-seat"]
                .iter()
                .any(|w| crate::span::head(text, n.value_span.end, 10).starts_with(w)))
}

/// Whether `p` can be a part of `total`.
fn can_be_part(total: &NumberMention, p: &NumberMention) -> bool {
    p.is_cardinal()
        && !p.compound
        && p.bound == Bound::Exact
        && p.currency == total.currency
        && p.referent.role.is_quantity()
        && !p
            .noun
            .as_deref()
            .is_some_and(|w| NOT_PART_NOUNS.contains(&w))
}

/// Whether `g`, the text between two numbers, joins two items of one list.
fn coordinated(g: &str) -> bool {
    g.split_whitespace().count() <= 5
        && (g.contains(',') || g.contains(" and "))
        && !["including", "of whom", "of which"]
            .iter()
            .any(|w| g.contains(w))
}

/// The parts listed right after the whole: the numbers from `from` on, each joined to the
/// one before as items of one list. None when a number in the list cannot be a part.
fn parts_after<'a>(
    text: &str,
    total: &NumberMention,
    nums: &[&'a NumberMention],
    from: usize,
) -> Option<Vec<&'a NumberMention>> {
    let mut parts: Vec<&NumberMention> = Vec::new();
    for &n in nums.iter().filter(|n| n.span.start >= from) {
        if let Some(prev) = parts.last() {
            if !coordinated(&gap(text, prev.span, n.span)) {
                break;
            }
        }
        if !can_be_part(total, n) {
            return None;
        }
        parts.push(n);
    }
    Some(parts)
}

/// How the whole leads into its parts, when the text says so between them: a colon or a
/// dash ("Police arrested 28 people: 13 men and 15 women", "The 35 people on board — six
/// passengers and 29 crew —"), a verb of splitting ("were split between", "is made up
/// of"), or a sentence opened by "Of the N ...,". Returns whether the parts may be a
/// subset: "Of the 66 firms, 13 are in Ohio and eight in Iowa" need not name them all.
fn leads_into_parts(
    text: &str,
    sentence: Span,
    total: &NumberMention,
    first: &NumberMention,
) -> Option<bool> {
    let between = text.get(super::arithmetic::phrase_end(total)..first.span.start)?;
    let lower = between.to_ascii_lowercase();
    if lower.split_whitespace().count() > 8 {
        return None;
    }
    let end = lower.trim_end();
    if end.ends_with(':') {
        return Some(false);
    }
    if end.ends_with('—') || end.ends_with('–') {
        // A dash that closes an aside ("120 talks—35 from its leaders—six trips") does
        // not open a list.
        let dashes = text
            .get(sentence.start..total.span.start)
            .map_or(0, |b| b.matches(['—', '–']).count());
        return (dashes % 2 == 0).then_some(false);
    }
    // "The 432 seats went 87 to the Greens, ...": the verb alone, right before the list.
    if SPLIT_WORDS.iter().any(|w| lower.contains(w)) || lower.trim() == "went" {
        return Some(false);
    }
    let opened_by_of = text
        .get(sentence.start..total.span.start)
        .is_some_and(|b| b.trim().eq_ignore_ascii_case("of the"));
    (opened_by_of && end.ends_with(',')).then_some(true)
}

/// `sum` written like the amount `like`: "$149.9 million" for "$149.8 million".
fn money_like(like: &str, sum: f64) -> String {
    let lower = like.to_ascii_lowercase();
    let prefix: String = like
        .chars()
        .take_while(|c| !c.is_ascii_digit())
        .collect();
    let (scale, word) = if lower.contains("billion") {
        (1e9, " billion")
    } else if lower.ends_with("bn") {
        (1e9, "bn")
    } else if lower.contains("million") {
        (1e6, " million")
    } else if lower.ends_with('m') {
        (1e6, "m")
    } else {
        (1.0, "")
    };
    format!("{prefix}{}{word}", format_number(sum / scale, 2))
}

impl BreakdownSum {
    fn check_counts(
        &self,
        text: &str,
        sentence: Span,
        nums: &[&NumberMention],
        out: &mut Vec<Finding>,
    ) {
        let sentence_text = sentence.text(text);
        let totals: Vec<_> = nums
            .iter()
            .filter(|n| n.is_cardinal() && is_total(text, n))
            .collect();
        let found = if let [total] = totals.as_slice() {
            self.marked_total(text, total, nums)
                .map(|(t, p)| (t, p, false))
        } else {
            None
        };
        // No total marked as such: a whole that leads into a list of its parts.
        let found = found.or_else(|| {
            if !totals.is_empty() {
                return None;
            }
            nums.iter().enumerate().find_map(|(i, total)| {
                let first = nums.get(i + 1)?;
                if !can_be_whole(text, total) {
                    return None;
                }
                let partial = leads_into_parts(text, sentence, total, first)?;
                let parts = parts_after(text, total, nums, first.span.start)?;
                Some((*total, parts, partial))
            })
        });
        let Some((total, parts, partial)) = found else {
            return;
        };
        self.report(text, sentence_text, total, &parts, partial, out);
    }

    /// Parts of a total marked as such ("a total of 40", "40 in total").
    fn marked_total<'a>(
        &self,
        text: &str,
        total: &'a NumberMention,
        nums: &[&'a NumberMention],
    ) -> Option<(&'a NumberMention, Vec<&'a NumberMention>)> {
        if total.bound != Bound::Exact {
            return None;
        }
        let parts: Vec<&NumberMention> = nums
            .iter()
            .filter(|n| {
                !std::ptr::eq(**n, total)
                    && n.is_cardinal()
                    && !n.compound
                    && n.currency == total.currency
                    && (bracketed(text, n)
                        || (n.noun.is_some() && n.noun == total.noun && n.bound == Bound::Exact))
            })
            .copied()
            .collect();
        if parts.len() >= 2 {
            // Parts counted by noun must be one coordinated list ("20 boats in May and 25
            // boats in June"), not figures scattered through a long sentence.
            if parts.iter().any(|p| !bracketed(text, p)) {
                for w in parts.windows(2) {
                    let g = gap(text, w[0].span, w[1].span);
                    let around_total =
                        total.span.start > w[0].span.start && total.span.end < w[1].span.end;
                    if around_total
                        || g.split_whitespace().count() > 5
                        || !(g.contains(',') || g.contains(" and "))
                    {
                        return None;
                    }
                }
            }
            return Some((total, parts));
        }
        if !can_be_whole(text, total) {
            return None;
        }
        // Parts listed right after the total ("totalled 1,010: 185 in Rennes, ...").
        let i = nums.iter().position(|n| std::ptr::eq(*n, total))?;
        if let Some(first) = nums.get(i + 1) {
            let between = text
                .get(super::arithmetic::phrase_end(total)..first.span.start)
                .unwrap_or("")
                .to_ascii_lowercase();
            if between.split_whitespace().count() <= 6
                && (between.contains(':')
                    || between.contains('—')
                    || between.contains('–')
                    || between.contains("including")
                    || SPLIT_WORDS.iter().any(|w| between.contains(w)))
            {
                let parts = parts_after(text, total, nums, first.span.start)?;
                return Some((total, parts));
            }
        }
        // Parts listed right before it: "19 men and 14 women, 33 in total".
        let before = text.get(..total.span.start)?.trim_end();
        if i >= 2 && (before.ends_with(',') || before.ends_with('—')) {
            let mut parts: Vec<&NumberMention> = vec![nums[i - 1]];
            let last_gap = gap(text, nums[i - 1].span, total.span);
            if last_gap.split_whitespace().count() > 3 {
                return None;
            }
            for j in (0..i - 1).rev() {
                if !coordinated(&gap(text, nums[j].span, nums[j + 1].span)) {
                    break;
                }
                parts.insert(0, nums[j]);
            }
            if parts.iter().any(|p| !can_be_part(total, p)) {
                return None;
            }
            return Some((total, parts));
        }
        None
    }

    fn report(
        &self,
        text: &str,
        sentence_text: &str,
        total: &NumberMention,
        parts: &[&NumberMention],
        partial: bool,
        out: &mut Vec<Finding>,
    ) {
        if parts.len() < 2 || total.bound != Bound::Exact {
            return;
        }
        let lower = sentence_text.to_ascii_lowercase();
        // "the remaining 46", "the other 46": the last part closes the list.
        let closed = parts.last().is_some_and(|p| {
            ["remaining", "other", "rest"]
                .iter()
                .any(|w| word_before_is(text, p, w))
        });
        // Whole words only: "arrested" holds "rest".
        let words: String = lower
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
            .collect();
        let words = format!(" {} ", words.split_whitespace().collect::<Vec<_>>().join(" "));
        let has = |w: &str| words.contains(&format!(" {w} "));
        let subset = SUBSET_WORDS.iter().any(|w| has(w))
            || (partial && !closed)
            || (!closed && ["rest", "remaining"].iter().any(|w| has(w)));
        let lo: f64 = parts.iter().map(|p| p.low).sum();
        let hi: f64 = parts.iter().map(|p| p.high).sum();
        // Sums of amounts in millions carry float error.
        let tol = self.params.count_tolerance + total.value.abs() * 1e-9;
        let wrong = if subset {
            lo > total.high + tol
        } else {
            NumberMention::disagrees(lo, hi, total.low, total.high, tol)
        };
        if !wrong {
            return;
        }
        let sum: f64 = parts.iter().map(|p| p.value).sum();
        let mut all: Vec<&NumberMention> = parts.to_vec();
        all.push(total);
        let sum_text = if total.currency.is_some() {
            money_like(total.value_span.text(text), sum)
        } else {
            format_number(sum, 2)
        };
        let mut f = Finding::at(total.value_span)
            .arg("sum", sum_text)
            .arg("total", total.value_span.text(text))
            .arg("quoted", quoted_note(&all));
        for p in parts {
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
        // Answers to one question ("said yes", "against", "undecided") split one whole,
        // whatever the question was about ("Asked whether the tax should rise, ...").
        let answers = shares
            .iter()
            .filter(|s| {
                let label = crate::span::head(text, s.span.end, 30).to_ascii_lowercase();
                label
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .any(|w| POLL_ANSWERS.contains(&w))
            })
            .count();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let against_breakdown = words.iter().enumerate().any(|(i, w)| {
            let next = words.get(i + 1).copied().unwrap_or("");
            match *w {
                // "per cent" is the share itself.
                "per" => next != "cent",
                // "from 20%" starts a change; "came from gas" names a part.
                "from" => next.starts_with(|c: char| c.is_ascii_digit()),
                w => {
                    NOT_A_BREAKDOWN.contains(&w) && (answers < 2 || CHANGE_WORDS.contains(&w))
                }
            }
        });
        if against_breakdown {
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
        let mut previous: Vec<&NumberMention> = Vec::new();
        for (sentence, nums) in sentence_numbers(cx) {
            let before = std::mem::replace(&mut previous, nums.clone());
            // "Last year 150 jobs were cut. Of these, 89 were in Dijon, ...": the whole
            // is the one count of the sentence before.
            if let ([total], Some(first)) = (before.as_slice(), nums.first()) {
                let opener = sentence.text(text).trim_start().to_ascii_lowercase();
                if ["of these,", "of them,", "of those,"]
                    .iter()
                    .any(|o| opener.starts_with(o))
                    && total.noun.is_some()
                    && can_be_whole(text, total)
                {
                    if let Some(parts) = parts_after(text, total, &nums, first.span.start) {
                        if parts.len() == nums.len() {
                            self.report(text, sentence.text(text), total, &parts, true, out);
                        }
                    }
                }
            }
            if nums.len() < 3 || !cx.mentions.changes_among(&nums).is_empty() {
                continue;
            }
            let sentence_text = sentence.text(text);
            self.check_counts(text, sentence, &nums, out);
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

    #[test]
    fn flags_wholes_that_lead_into_their_parts() {
        assert_finds(&kind(), "Police arrested <<30>> people: 12 men and 15 women.", None);
        assert_finds(
            &kind(),
            "The <<4,846>> arrests were split between Dijon (1,586), Bordeaux (1,129) and Metz (1,482).",
            None,
        );
        assert_finds(
            &kind(),
            "Of the <<120>> shops inspected, 40 were in Leeds, 30 in York and the remaining 60 in Hull.",
            None,
        );
        assert_finds(
            &kind(),
            "Last year <<150>> jobs were cut. Of these, 89 were in Dijon, 51 in Lyon and the other 68 in Rennes.",
            None,
        );
        assert_finds(
            &kind(),
            "The course drew 19 men and 14 women, <<27>> in total.",
            None,
        );
    }

    #[test]
    fn allows_subsets_asides_and_labels() {
        assert_clean(
            &kind(),
            "Of the 66 lenders given awards, 13 are credit unions, eight are in Maine and one in Iowa.",
            None,
        );
        assert_clean(
            &kind(),
            "The scheme ran 90 workshops—20 led by mayors—four site tours and 65 newsletters.",
            None,
        );
        assert_clean(
            &kind(),
            "She sat on six panels – Panel 236, Panel 241 and Panel 242.",
            None,
        );
        assert_clean(&kind(), "Police arrested 27 people: 12 men and 15 women.", None);
    }
}
