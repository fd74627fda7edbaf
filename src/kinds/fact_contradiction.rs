//! `fact-contradiction`: a dated claim about a known entity that disagrees with the
//! knowledge base ("OpenAI, founded in 2012", when it was founded in December 2015).
//!
//! Why: founding, launch and birth dates are copied from article to article, and a
//! wrong one spreads; the knowledge base holds each with its source.
//! Limits: only a date bound to the name by a short pattern: "NAME, founded in 2012",
//! "NAME was launched on 3 May 2020", "NAME, which was released in 2019". A claim with
//! anything in between ("launched in the US in 2018", "launched on Android in 2012") is
//! left alone, since products launch more than once. Full dates are allowed a day either
//! way (a launch late on 30 November in California is 1 December in Asia). Typed
//! attributes (numbers, text values) are not compared yet.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::stale_as_of::period;
use super::{CheckContext, Finding, Kind};
use crate::kb::Fact;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct FactContradiction;

impl FactContradiction {
    pub fn new(_: Params) -> Self {
        FactContradiction
    }
}

/// Between the name and the date: the verb of a dated fact and "in"/"on".
static CLAIM_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:,\s+|\s+)(?:(?:which|that|who)\s+)?(?:(?:was|were|is|had\s+been)\s+)?(?:first\s+)?(?P<verb>founded|established|created|launched|released|introduced|unveiled|announced|born|signed|adopted|elected)\s+(?:in|on)\s+$",
    )
    .expect("valid regex")
});

/// The knowledge-base facts a verb in the text speaks of.
fn facts_for(verb: &str) -> &'static [&'static str] {
    match verb {
        "founded" | "established" | "created" => &["founded"],
        "launched" | "released" | "introduced" => &["launched", "released", "introduced"],
        "unveiled" | "announced" => &["announced"],
        "born" => &["born"],
        "signed" => &["signed"],
        "adopted" => &["adopted"],
        "elected" => &["elected"],
        _ => &[],
    }
}

impl Kind for FactContradiction {
    fn args(&self) -> Vec<String> {
        ["entity", "claimed", "known", "source"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let dates = cx.mentions.dates();
        for m in &cx.mentions.entities {
            let Some(entity) = cx.kb.entity(m.entity) else {
                continue;
            };
            // The first date after the name, if the words between make a claim.
            let start = dates.partition_point(|d| d.span.start < m.span.end);
            let Some(date) = dates.get(start) else {
                continue;
            };
            let Some(gap) = cx.text.get(m.span.end..date.span.start) else {
                continue;
            };
            let Some(caps) = CLAIM_GAP.captures(gap) else {
                continue;
            };
            let verb = caps.name("verb").map_or("", |v| v.as_str());
            let kinds = facts_for(verb);
            let known: Vec<&Fact> = entity
                .starts
                .iter()
                .filter(|f| kinds.contains(&f.verb))
                .collect();
            let Some((first, last)) = period(date) else {
                continue;
            };
            let agrees = |f: &&Fact| {
                let (mut from, mut to) = (f.date.first_day(), f.date.last_day());
                if f.date.day.is_some() && first == last {
                    from = from.yesterday().unwrap_or(from);
                    to = to.tomorrow().unwrap_or(to);
                }
                first <= to && last >= from
            };
            let Some(fact) = known.first() else {
                continue;
            };
            if known.iter().any(agrees) {
                continue;
            }
            let claimed = date.span.text(cx.text);
            let in_or_on = if date.full_date().is_some() {
                "on"
            } else {
                "in"
            };
            out.push(
                Finding::at(date.span)
                    .arg("entity", m.span.text(cx.text))
                    .arg("claimed", format!("{in_or_on} {claimed}"))
                    .arg("known", fact.date.with_verb(fact.verb))
                    .arg("source", &entity.source)
                    .label(m.span, "the entity"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_a_founding_year_that_disagrees() {
        let f = assert_finds(
            &FactContradiction,
            "OpenAI, founded in <<2012>>, makes ChatGPT.",
            None,
        );
        assert!(
            f.args.iter().any(|(_, v)| v == "founded in December 2015"),
            "{f:?}"
        );
        assert_finds(
            &FactContradiction,
            "ChatGPT was released on <<30 November 2021>>.",
            None,
        );
    }

    #[test]
    fn allows_agreeing_dates_and_loose_claims() {
        assert_clean(
            &FactContradiction,
            "OpenAI, founded in 2015, makes ChatGPT.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "ChatGPT was released on 1 December 2022.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "Instagram was launched on Android in 2012.",
            None,
        );
        assert_clean(&FactContradiction, "Facebook was founded in 2004.", None);
    }
}
