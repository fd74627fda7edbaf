//! `enumeration-count`: a count followed by the list it announces must match the list.
//!
//! Why: "the three companies, Baidu and Alibaba" names two; "two regulators: the SEC,
//! the FCA and Bafin" names three. Either the count or the list lost an item.
//! Reads a small count (2 to 12, exact) with a plural noun, introduced by a determiner
//! ("the", "its", "both", "all") or followed by a colon, then a list of names (each
//! starting with a capital letter) joined by commas and a final "and"/"or", right after
//! the noun (after ":", ",", "(" or a dash).
//! Limits: only lists of names are counted; lists with "including" or "such as", or
//! without a final "and"/"or", are partial or not lists, and are skipped; nouns of time
//! ("days", "games") are skipped, since a list after them is usually the sentence's subject.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use super::arithmetic::{numbers_in, quoted_note};
use crate::extract::{Bound, NumberMention};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The largest count checked.
    #[serde(default = "default_max")]
    pub max_count: u32,
}

fn default_max() -> u32 {
    12
}

#[derive(Debug)]
pub struct EnumerationCount {
    params: Params,
}

impl EnumerationCount {
    pub fn new(params: Params) -> Self {
        EnumerationCount { params }
    }
}

impl Build for EnumerationCount {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("max_count", params.max_count, 2, 100)?;
        Ok(EnumerationCount::new(params))
    }
}

const TIME_NOUNS: &[&str] = &[
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "minutes",
    "seconds",
    "games",
    "matches",
    "rounds",
    "seasons",
    "times",
    "points",
    "goals",
    "sets",
    "innings",
    "laps",
    "stages",
    "decades",
    "centuries",
    "nights",
    "occasions",
    "votes",
    "percent",
];

const LINKS: &[&str] = &["of", "the", "de", "la", "von", "van", "der", "del", "&"];

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "some", "many", "most", "all", "both", "several", "none",
];

/// Plurals that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &["children", "grandchildren", "men", "women", "people"];

/// How one name in a list is joined to the next.
#[derive(Clone, Copy, PartialEq)]
enum Joint {
    /// ", "
    Comma,
    /// " and ", " or ": between the last two items, or inside a name
    /// ("the Competition and Markets Authority").
    And,
    /// ", and ", ", or ": always between the last two items.
    SerialAnd,
}

/// A list read at some position: the fewest and most items it can hold, and its span.
struct List {
    min: usize,
    max: usize,
    span: Span,
}

/// One name at `pos`: capitalised words, with "of", "the", "&" inside ("Bank of
/// England", "Procter & Gamble"); returns where it ends, or None.
fn read_name(text: &str, pos: usize, limit: usize) -> Option<usize> {
    let rest = text.get(pos..limit)?;
    let lead = rest.len() - rest.trim_start().len();
    let mut p = pos + lead;
    if let Some(r) = text.get(p..limit) {
        if r.starts_with("the ")
            && r.get(4..)
                .is_some_and(|s| s.starts_with(|c: char| c.is_uppercase()))
        {
            p += 4;
        }
    }
    let mut words = 0;
    loop {
        let r = text.get(p..limit)?;
        let w: &str = r
            .split(|c: char| {
                !(c.is_alphanumeric() || c == '-' || c == '.' || c == '&' || c == '\'')
            })
            .next()
            .unwrap_or("");
        if w.is_empty() {
            break;
        }
        let cap = w.starts_with(|c: char| c.is_uppercase());
        let link = LINKS.contains(&w) && words > 0;
        if !(cap || link) {
            break;
        }
        let w = w.trim_end_matches('.');
        p += w.len();
        words += 1;
        let r2 = text.get(p..limit)?;
        if r2.starts_with(' ')
            && r2.get(1..).is_some_and(|s| {
                s.starts_with(|c: char| {
                    c.is_uppercase()
                        || ["of ", "the ", "de ", "& "].iter().any(|l| s.starts_with(l))
                })
            })
        {
            p += 1;
        } else {
            break;
        }
    }
    // A name does not end on a link word ("Bank of").
    (words > 0).then_some(p)
}

/// Read a list of names at `pos`, up to `limit`; None when what follows is not a
/// complete list (no final "and"/"or", or no clause end after it).
///
/// A bare "and" followed by more commas is inside a name ("Ofcom, the Competition and
/// Markets Authority, Ofgem and ..."); when a list has such names, its last bare "and"
/// may be inside one too, so the count is a range.
fn read_list(text: &str, pos: usize, limit: usize) -> Option<List> {
    let mut end = read_name(text, pos, limit)?;
    let mut joints: Vec<Joint> = Vec::new();
    loop {
        let r = text.get(end..limit)?;
        let serial = r
            .strip_prefix(", and ")
            .or_else(|| r.strip_prefix(", or "));
        let (joint, after) = if let Some(a) = serial {
            (Joint::SerialAnd, a)
        } else if let Some(a) = r
            .strip_prefix(" and the ")
            .or_else(|| r.strip_prefix(" or the "))
        {
            // A name does not go on with "and the": "Ofgem and the Pensions Regulator".
            (Joint::SerialAnd, &r[r.len() - a.len() - 4..])
        } else if let Some(a) = r.strip_prefix(" and ").or_else(|| r.strip_prefix(" or ")) {
            (Joint::And, a)
        } else if let Some(a) = r.strip_prefix(", ") {
            (Joint::Comma, a)
        } else {
            break;
        };
        // After a serial "and" the list is over; more names after it mean lists inside
        // a list ("the Departments of Commerce, ..., and State, the National ...").
        if joints.last() == Some(&Joint::SerialAnd) {
            if joint == Joint::Comma && read_name(text, limit - after.len(), limit).is_some() {
                return None;
            }
            break;
        }
        let Some(next) = read_name(text, limit - after.len(), limit) else {
            break;
        };
        joints.push(joint);
        end = next;
        if joints.len() > 20 {
            return None;
        }
    }
    let (&last, inner) = joints.split_last()?;
    if last == Joint::Comma {
        return None;
    }
    if inner.contains(&Joint::SerialAnd) {
        return None;
    }
    let joined = inner.iter().filter(|j| **j == Joint::And).count();
    let max = joints.len() + 1 - joined;
    let min = if last == Joint::And && joined > 0 { max - 1 } else { max };
    // The list must end the clause: punctuation or a lower-case word next.
    let r = text.get(end..limit).unwrap_or("").trim_start();
    let ok_end = r.is_empty()
        || r.starts_with([',', '.', ';', ')', ':', '—', '–', '!', '?', '-'])
        || r.starts_with(|c: char| c.is_lowercase());
    ok_end.then_some(List {
        min,
        max,
        span: Span::new(pos, end),
    })
}

/// Whether every item of the list is one capitalised plural ("Republicans and
/// Democrats"): groups described, not names counted.
fn only_categories(text: &str, span: Span) -> bool {
    span.text(text)
        .split([',', ' '])
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "or"))
        .all(|w| w.ends_with('s') && w.starts_with(|c: char| c.is_uppercase()))
}

/// Whether only sentence-end punctuation follows `end` in the sentence.
fn ends_sentence(text: &str, end: usize, sentence_end: usize) -> bool {
    text.get(end..sentence_end)
        .is_some_and(|r| {
            r.trim()
                .chars()
                .all(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '\'' | '’'))
        })
}

/// Where a count announces its list: the position the list starts at, and whether the
/// list must run to the end of the sentence (a weaker announcement).
fn announces(text: &str, n: &NumberMention, sentence: Span) -> Option<(usize, bool)> {
    let noun_span = n.noun_span?;
    let noun = n.noun.as_deref()?;
    if !(noun.ends_with('s') || IRREGULAR_PLURALS.contains(&noun)) || TIME_NOUNS.contains(&noun) {
        return None;
    }
    // The noun right after the count, or after one or two adjectives ("eight founding
    // nations", "three founding member states").
    let between = text.get(n.span.end..noun_span.start)?;
    if !(between == " "
        || between.starts_with(' ')
            && between.ends_with(' ')
            && between.split_whitespace().count() <= 2
            && between.trim().chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == ' '))
    {
        return None;
    }
    let before = crate::span::tail(text, n.span.start, 64).trim_end();
    // "six of the world's top 10 emitters: A, B, ...": the list is of the six.
    let recent: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    if recent.first().is_some_and(|w| w.eq_ignore_ascii_case("top"))
        || recent.windows(2).any(|w| {
            w[0].eq_ignore_ascii_case("of")
                && (w[1].starts_with(|c: char| c.is_ascii_digit())
                    || NUMBER_WORDS.contains(&w[1].to_ascii_lowercase().as_str()))
        })
    {
        return None;
    }
    let possessive = before.ends_with("'s") || before.ends_with("’s");
    let before = before.to_ascii_lowercase();
    let determiner = possessive
        || ["the", "its", "their", "both", "all", "his", "her", "our"]
            .iter()
            .any(|d| {
                before.ends_with(d)
                    && !before[..before.len() - d.len()]
                        .ends_with(|c: char| c.is_ascii_alphabetic())
            });
    // The count opens the sentence: "Seven teams — A, B and C — have ...".
    let opens = text
        .get(sentence.start..n.span.start)
        .is_some_and(|b| b.trim().chars().all(|c| matches!(c, '"' | '“' | '\'' | '‘')));
    let rest = text.get(noun_span.end..sentence.end)?;
    if let Some(sep) = [": ", ", ", " (", " — ", " – ", " - ", "—"]
        .iter()
        .find(|s| rest.starts_with(**s))
    {
        let start = noun_span.end + sep.len();
        if determiner || opens || sep.starts_with(':') {
            return Some((start, false));
        }
        // "She leaves four daughters, A, B and C.": the list closes the sentence.
        if *sep == ", " {
            return Some((start, true));
        }
        return None;
    }
    // A short predicate before the colon: "Five candidates are standing: A, B and C.",
    // "asked four lenders to take part: A, B and C."; or a short qualifier before a
    // dash: "the five cities bidding for the games — A, B and C — will ...".
    let (colon, sep_len) = match (rest.find(": "), rest.find(" — ")) {
        (Some(c), Some(d)) if d < c => (d, 5),
        (Some(c), _) => (c, 2),
        (None, Some(d)) => (d, 5),
        (None, None) => return None,
    };
    if sep_len == 5 && !determiner {
        return None;
    }
    let words = rest.get(..colon)?;
    let count = words.split_whitespace().count();
    if count == 0
        || count > 5
        || !words
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '\''))
    {
        return None;
    }
    Some((noun_span.end + colon + sep_len, sep_len == 2))
}

/// A list written before "the N nouns": "A, B and C, the three firms that ...". The
/// list must open the sentence and end at the comma before "the".
fn list_before(text: &str, n: &NumberMention, sentence: Span) -> Option<List> {
    let before = text.get(sentence.start..n.span.start)?;
    let trimmed = before.trim_end();
    let lower = trimmed.to_ascii_lowercase();
    let head = lower.strip_suffix("the")?.trim_end();
    let comma = head.strip_suffix(',')?;
    let comma_pos = sentence.start + comma.len();
    let lead = before.len() - before.trim_start().len();
    let list = read_list(text, sentence.start + lead, comma_pos)?;
    (list.span.end == comma_pos).then_some(list)
}

impl Kind for EnumerationCount {
    fn args(&self) -> Vec<String> {
        ["stated", "listed", "noun", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        for &sentence in &cx.doc.prose.sentences {
            for n in numbers_in(cx.mentions.numbers(), sentence) {
                if !n.is_cardinal()
                    || n.bound != Bound::Exact
                    || n.value < 2.0
                    || n.value > f64::from(self.params.max_count)
                    || n.value.fract() != 0.0
                    || n.currency.is_some()
                {
                    continue;
                }
                let (list, tail_start) = if let Some(list) = list_before(text, n, sentence) {
                    let end = n.noun_span.map_or(n.span.end, |s| s.end);
                    (list, end)
                } else {
                    let Some((start, to_end)) = announces(text, n, sentence) else {
                        continue;
                    };
                    let head = text
                        .get(start..sentence.end)
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    if head.starts_with("including")
                        || head.starts_with("such as")
                        || head.starts_with("among")
                    {
                        continue;
                    }
                    let Some(list) = read_list(text, start, sentence.end) else {
                        continue;
                    };
                    if to_end
                        && (!ends_sentence(text, list.span.end, sentence.end)
                            || only_categories(text, list.span))
                    {
                        continue;
                    }
                    let end = list.span.end;
                    (list, end)
                };
                let list_span = list.span;
                let stated = n.value as usize;
                if (list.min..=list.max).contains(&stated) {
                    continue;
                }
                let items = if stated < list.min { list.min } else { list.max };
                // "... France and Italy among them", "... and others": a partial list.
                let tail = text
                    .get(tail_start..sentence.end)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if [
                    "among",
                    "including",
                    "and others",
                    "etc",
                    "such as",
                    "for example",
                    "for instance",
                ]
                .iter()
                .any(|w| tail.contains(w))
                {
                    continue;
                }
                // Another number in the list means it is not a plain list of names.
                if cx
                    .mentions
                    .numbers()
                    .iter()
                    .any(|m| list_span.contains(m.span))
                {
                    continue;
                }
                let noun = n.noun.clone().unwrap_or_default();
                out.push(
                    Finding::at(n.value_span)
                        .arg("stated", n.value_span.text(text))
                        .arg("listed", items)
                        .arg("noun", &noun)
                        .arg("quoted", quoted_note(&[n]))
                        .label(n.value_span, "the stated count")
                        .label(list_span, format!("{items} named")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> EnumerationCount {
        EnumerationCount::new(Params { max_count: 12 })
    }

    #[test]
    fn flags_a_count_the_list_does_not_match() {
        let f = assert_finds(
            &kind(),
            "Regulators fined the <<three>> companies, Baidu and Alibaba, last week.",
            None,
        );
        assert!(f.args.contains(&("listed".into(), "2".into())));
        assert_finds(
            &kind(),
            "The deal needs <<two>> regulators: Ofcom, Ofgem and the Bank of England.",
            None,
        );
    }

    #[test]
    fn allows_matching_and_partial_lists() {
        assert_clean(
            &kind(),
            "Regulators fined the two companies, Baidu and Alibaba, last week.",
            None,
        );
        assert_clean(
            &kind(),
            "The deal needs three regulators: Ofcom, Ofgem and the Bank of England.",
            None,
        );
        assert_clean(
            &kind(),
            "The five companies, including Baidu and Alibaba, were fined.",
            None,
        );
        assert_clean(&kind(), "In three games, Chelsea and Arsenal drew.", None);
        assert_clean(
            &kind(),
            "The 12 states: France, Spain and Italy among them, voted.",
            None,
        );
    }

    #[test]
    fn reads_lists_after_dashes_commas_colons_and_before_the_count() {
        assert_finds(
            &kind(),
            "The <<six>> member states — Italy, Japan, Germany and Spain — met.",
            None,
        );
        assert_finds(&kind(), "She leaves <<five>> daughters, Lucy, Iris, and Maya.", None);
        assert_finds(
            &kind(),
            "<<Three>> candidates are standing: Ann Lee, Bo Chen, Cai Wen and Dev Rao.",
            None,
        );
        assert_finds(
            &kind(),
            "Baidu, Alibaba and Nokia, the <<four>> firms that lead the market, fell.",
            None,
        );
    }

    #[test]
    fn allows_and_inside_names() {
        assert_clean(
            &kind(),
            "The three bodies, Ofgem, the Competition and Markets Authority and Ofcom, agreed.",
            None,
        );
        assert_clean(
            &kind(),
            "The two firms, Procter & Gamble and Johnson & Johnson, agreed.",
            None,
        );
        assert_clean(
            &kind(),
            "It covers four areas: Ports and Shipping, Grid and Storage, Water, Farming and Rural Zones.",
            None,
        );
        assert_clean(&kind(), "He served under seven governors, Democrats and Republicans.", None);
    }
}
