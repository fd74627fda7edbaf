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

const LINKS: &[&str] = &["of", "the", "de", "la", "von", "van", "der", "del", "and"];

/// Read a list of names at `pos`; returns the number of items and its span, or None
/// when what follows is not a complete list (no final "and"/"or").
fn read_list(text: &str, pos: usize, limit: usize) -> Option<(usize, Span)> {
    let mut items = 0;
    let mut cursor = pos;
    let mut closed = false;
    let mut end;
    loop {
        // One item: capitalised words, with "of"/"the" inside ("Bank of England").
        let rest = text.get(cursor..limit)?;
        let lead = rest.len() - rest.trim_start().len();
        let mut p = cursor + lead;
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
            if !(cap || (link && w != "and")) {
                break;
            }
            if words == 0 && !cap {
                break;
            }
            let w = w.trim_end_matches('.');
            p += w.len();
            words += 1;
            let r2 = text.get(p..limit)?;
            if r2.starts_with(' ')
                && r2.get(1..).is_some_and(|s| {
                    s.starts_with(|c: char| {
                        c.is_uppercase() || ["of ", "the ", "de "].iter().any(|l| s.starts_with(l))
                    })
                })
            {
                p += 1;
            } else {
                break;
            }
        }
        if words == 0 {
            return None;
        }
        items += 1;
        end = p;
        if closed {
            break;
        }
        let r = text.get(p..limit)?;
        if let Some(after) = r
            .strip_prefix(", and ")
            .or_else(|| r.strip_prefix(" and "))
            .or_else(|| r.strip_prefix(", or "))
            .or_else(|| r.strip_prefix(" or "))
        {
            closed = true;
            cursor = limit - after.len();
        } else if let Some(after) = r.strip_prefix(", ") {
            cursor = limit - after.len();
        } else {
            return None;
        }
        if items > 20 {
            return None;
        }
    }
    // The list must end the clause: punctuation or a lower-case word next.
    let r = text.get(end..limit).unwrap_or("");
    let ok_end = r.is_empty()
        || r.starts_with([',', '.', ';', ')', ':', '—', '–', '!', '?'])
        || r.starts_with(' ')
            && r.get(1..)
                .is_some_and(|s| s.starts_with(|c: char| c.is_lowercase()));
    ok_end.then_some((items, Span::new(pos, end)))
}

fn announces(text: &str, n: &NumberMention) -> Option<usize> {
    let noun_span = n.noun_span?;
    let noun = n.noun.as_deref()?;
    if !noun.ends_with('s') || TIME_NOUNS.contains(&noun) || noun_span.start != n.span.end + 1 {
        return None;
    }
    let before = crate::span::tail(text, n.span.start, 64)
        .trim_end()
        .to_ascii_lowercase();
    let determiner = ["the", "its", "their", "both", "all", "his", "her", "our"]
        .iter()
        .any(|d| {
            before.ends_with(d)
                && !before[..before.len() - d.len()].ends_with(|c: char| c.is_ascii_alphabetic())
        });
    let rest = text.get(noun_span.end..)?;
    let sep = [": ", ", ", " (", " — ", " – ", " - ", "—"]
        .iter()
        .find(|s| rest.starts_with(**s))?;
    if !(determiner || sep.starts_with(':')) {
        return None;
    }
    Some(noun_span.end + sep.len())
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
                let Some(start) = announces(text, n) else {
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
                let Some((items, list_span)) = read_list(text, start, sentence.end) else {
                    continue;
                };
                if items as f64 == n.value {
                    continue;
                }
                // "... France and Italy among them", "... and others": a partial list.
                let tail = text
                    .get(list_span.end..sentence.end)
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
}
