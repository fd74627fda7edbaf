//! `stale-as-of`: a present-state statement anchored to a date far older than the
//! article ("the city is home to 1,000 AI firms as of October 2017" in a 2023 story).
//!
//! Why: a figure "as of" a date is offered as the current state; years later it is
//! stale, and readers take it for today's. The message names the evidence that the
//! article is newer: its reference date and where it came from, or, when the date is
//! inferred, the entity or reported date that proves it ("the article mentions
//! ChatGPT, released 30 November 2022").
//! Limits: the anchor is "as of"/"as at" written directly before the date, as the date
//! recognizer reports it (`DateMention::anchor`).
//! The statement must be in the present tense: "as of 2010 the town had 5,000 people"
//! reports the past and is left alone. "currently", "now", "to date" in the sentence
//! apply the stricter threshold. An inferred reference date is a lower bound, and the
//! check fires only when even that bound is too far from the date, so the verdict holds
//! for any later publication date.

use jiff::civil::Date;
use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::cue::AnchorKind;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How many months an "as of" date may lie before the reference date.
    #[serde(default = "default_months")]
    pub months: u32,
    /// The same, when the sentence also says "currently", "now" or "to date".
    #[serde(default = "default_present_months")]
    pub present_months: u32,
}

fn default_months() -> u32 {
    18
}

fn default_present_months() -> u32 {
    6
}

impl Default for Params {
    fn default() -> Self {
        Params {
            months: default_months(),
            present_months: default_present_months(),
        }
    }
}

#[derive(Debug)]
pub struct StaleAsOf {
    params: Params,
}

impl StaleAsOf {
    pub fn new(params: Params) -> Self {
        StaleAsOf { params }
    }
}

impl Build for StaleAsOf {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("months", params.months, 1, 1200)?;
        in_range("present_months", params.present_months, 1, 1200)?;
        Ok(StaleAsOf::new(params))
    }
}


/// Whole months from `a` to `b` (negative when `b` is earlier).
pub(crate) fn months_between(a: Date, b: Date) -> i32 {
    let whole = (i32::from(b.year()) - i32::from(a.year())) * 12 + i32::from(b.month())
        - i32::from(a.month());
    if b.day() < a.day() {
        whole - 1
    } else {
        whole
    }
}

/// "5 years", "20 months".
pub(crate) fn describe_months(months: i32) -> String {
    if months >= 24 {
        format!("{} years", months / 12)
    } else if months == 1 {
        "1 month".to_string()
    } else {
        format!("{months} months")
    }
}

/// The lower-case words of `text`.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

const PRESENT_WORDS: &[&str] = &["currently", "now", "presently"];
const PRESENT_PHRASES: &[&str] = &["to date", "so far", "at present"];
const PAST_VERBS: &[&str] = &["was", "were", "had", "did"];
const PRESENT_VERBS: &[&str] = &[
    "is", "are", "has", "have", "remains", "remain", "stands", "counts", "employs", "hosts",
    "boasts", "numbers", "operates", "operate", "exist", "exists", "holds", "lists", "totals",
    "contains", "includes", "serves", "covers",
    // The verbs news gives a standing figure with ("the library houses 21,031 volumes");
    // bare forms that are as often nouns ("list", "number", "total") are left out.
    "employ", "houses", "runs", "handles", "handle", "hold", "serve", "manages", "manage",
    "owns", "own", "reaches", "oversees", "receives", "receive", "comprises", "comprise",
];

impl Kind for StaleAsOf {
    fn args(&self) -> Vec<String> {
        ["anchor", "date", "age", "at_least", "evidence", "threshold"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        for date in cx.mentions.dates() {
            let Some(anchor_span) = date
                .anchor
                .filter(|a| a.kind == AnchorKind::AsOf && a.span.end <= date.span.start)
                .map(|a| a.span)
            else {
                continue;
            };
            let Some((_, last)) = date.bounds() else {
                continue;
            };
            let Some(sentence) = cx
                .doc
                .prose
                .sentence_at(date.span.start)
                .filter(|s| s.contains(date.span))
            else {
                continue;
            };
            // The sentence without the date itself ("May 2017" is not "may").
            let around = format!(
                "{} {}",
                cx.text.get(sentence.start..date.span.start).unwrap_or(""),
                cx.text.get(date.span.end..sentence.end).unwrap_or("")
            );
            let ws = words(&around);
            let has = |list: &[&str]| ws.iter().any(|w| list.contains(&w.as_str()));
            let lower = around.to_lowercase();
            let present_adverb =
                has(PRESENT_WORDS) || PRESENT_PHRASES.iter().any(|p| lower.contains(p));
            // A past-tense statement reports history, which may be dated as it likes.
            if has(PAST_VERBS) || !(has(PRESENT_VERBS) || present_adverb) {
                continue;
            }
            let threshold = if present_adverb {
                self.params.present_months
            } else {
                self.params.months
            };
            let age = months_between(last, reference);
            if age <= i32::try_from(threshold).unwrap_or(i32::MAX) {
                continue;
            }
            let span = anchor_span.cover(date.span);
            let mut finding = Finding::at(span)
                // "as of the end of" stays whole before "2019".
                .arg(
                    "anchor",
                    cx.text
                        .get(anchor_span.start..date.span.start)
                        .map_or(anchor_span.text(cx.text), str::trim_end),
                )
                .arg("date", date.span.text(cx.text))
                .arg("age", describe_months(age))
                .arg(
                    "at_least",
                    if cx.reference.is_lower_bound() {
                        "at least "
                    } else {
                        ""
                    },
                )
                .arg("evidence", cx.reference.describe(cx.text, cx.kb))
                .arg("threshold", describe_months(threshold as i32));
            if let Some(crate::reference::Evidence::Entity { span, .. }) = cx.reference.evidence {
                finding = finding.label(span, "proves the article is newer");
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> StaleAsOf {
        StaleAsOf::new(Params::default())
    }

    #[test]
    fn flags_an_old_as_of_against_the_reference_date() {
        let f = assert_finds(
            &kind(),
            "The city is home to 1,000 AI firms <<as of October 2017>>.",
            Some("2023-05-01"),
        );
        let evidence = f.args.iter().find(|(k, _)| k == "evidence").map(|(_, v)| v);
        assert_eq!(
            evidence.map(String::as_str),
            Some("the reference date is 1 May 2023 (--date)")
        );
    }

    #[test]
    fn flags_an_old_as_of_against_an_entity_that_is_newer() {
        let f = assert_finds(
            &kind(),
            "Start-ups rival ChatGPT. The city is home to 1,000 AI firms <<as of October 2017>>.",
            None,
        );
        let evidence = f.args.iter().find(|(k, _)| k == "evidence").map(|(_, v)| v);
        assert_eq!(
            evidence.map(String::as_str),
            Some("the article mentions ChatGPT, released 30 November 2022")
        );
    }

    #[test]
    fn allows_past_tense_history_and_recent_dates() {
        assert_clean(
            &kind(),
            "As of October 2017, the city had 1,000 AI firms.",
            Some("2023-05-01"),
        );
        assert_clean(
            &kind(),
            "The city is home to 1,000 AI firms as of October 2022.",
            Some("2023-05-01"),
        );
        assert_clean(
            &kind(),
            "The city is home to 1,000 AI firms as of October 2017.",
            None,
        );
    }

    #[test]
    fn currently_is_stricter() {
        assert_finds(
            &kind(),
            "The plant currently employs 300 people <<as of January 2023>>.",
            Some("2023-12-01"),
        );
        assert_clean(
            &kind(),
            "The plant employs 300 people as of January 2023.",
            Some("2023-12-01"),
        );
    }
}
