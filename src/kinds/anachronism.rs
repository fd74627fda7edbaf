//! `anachronism`: an entity placed in a time before it existed ("In 2015, ChatGPT
//! ..."), or an office title used for someone outside their term ("President Biden
//! said in 2019", when Biden took office in 2021).
//!
//! Why: both are common slips when a story is updated or a background paragraph is
//! reused, and neither can be seen without knowing the timeline.
//! Limits: the date must govern the name directly: "In 2015, [the] NAME" at the start
//! of a clause, or "NAME <verb> in 2015" with a short list of verbs. Existence uses the
//! earliest dated fact of the entity, less a margin (things are built, rumoured and
//! trialled before they are announced); people and names marked `speculated` are left
//! out. Office titles are checked only for titles the person has held in the knowledge
//! base, never after "former", "then-", "ex-" and the like, nor when the person holds
//! the title at the reference date (news names people by their present title in
//! stories about their past); an open term (no end recorded) runs on indefinitely.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use jiff::civil::Date;
use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::{DateMention, EntityMention};
use crate::kb::{Entity, KbDate, Term};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How long before its first recorded date an entity may already be talked about.
    #[serde(default = "default_margin")]
    pub margin_months: u32,
}

fn default_margin() -> u32 {
    24
}

impl Default for Params {
    fn default() -> Self {
        Params {
            margin_months: default_margin(),
        }
    }
}

#[derive(Debug)]
pub struct Anachronism {
    params: Params,
}

impl Anachronism {
    pub fn new(params: Params) -> Self {
        Anachronism { params }
    }
}

impl Build for Anachronism {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("margin_months", params.margin_months, 0, 1200)?;
        Ok(Anachronism::new(params))
    }
}

pub(crate) static LEAD_GAP: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::LEAD_GAP_PATTERN,
        embedded!("anachronism-lead-gap"),
    )
});

pub(crate) static VERB_GAP: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::VERB_GAP_PATTERN,
        embedded!("anachronism-verb-gap"),
    )
});

/// Words before a title that make it no claim about the date ("former President").
const QUALIFIERS: &[&str] = &[
    "former",
    "ex",
    "then",
    "late",
    "future",
    "incoming",
    "outgoing",
    "acting",
    "interim",
    "vice",
    "deputy",
    "designate",
    "elect",
    "would-be",
    "eventual",
    "later",
];

/// Whether `text[..at]` ends with "In " / "in " as a word.
fn preceded_by_in(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let Some(rest) = before
        .strip_suffix("In ")
        .or_else(|| before.strip_suffix("in "))
    else {
        return false;
    };
    rest.chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// The date that governs a name spanning `name_span` (a title included), if any.
fn governing_date<'a>(
    text: &str,
    dates: &'a [DateMention],
    name_span: Span,
) -> Option<&'a DateMention> {
    // Only dates close to the name can govern it: look at those starting within a short
    // window around it (found by binary search), never at the gap to a distant date.
    let first = dates.partition_point(|d| d.span.start + 120 < name_span.start);
    dates[first..]
        .iter()
        .take_while(|d| d.span.start < name_span.end + 40)
        .find(|d| {
            if d.span.end <= name_span.start {
                preceded_by_in(text, d.span.start)
                    && text
                        .get(d.span.end..name_span.start)
                        .is_some_and(|gap| LEAD_GAP.is_match(gap))
            } else if d.span.start >= name_span.end {
                d.span.start - name_span.end < 40
                    && text
                        .get(name_span.end..d.span.start)
                        .is_some_and(|gap| VERB_GAP.is_match(gap))
            } else {
                false
            }
        })
}

/// "President of the United States from 20 January 2021 to 20 January 2025".
fn describe_term(t: &Term) -> String {
    match t.to {
        Some(to) => format!("{} from {} to {}", t.office, t.from, to),
        None => format!("{} from {}", t.office, t.from),
    }
}

/// The title written directly before a mention of `entity`, among those of its terms,
/// with the span from the title to the end of the name.
fn title_before<'e>(text: &str, m: &EntityMention, entity: &'e Entity) -> Option<(&'e str, Span)> {
    let before = text.get(..m.span.start)?.strip_suffix(' ')?;
    let mut titles: Vec<&str> = entity.terms.iter().map(|t| t.title.as_str()).collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    titles.dedup();
    let title = titles.into_iter().find(|t| before.ends_with(t))?;
    let start = before.len() - title.len();
    let prefix = before.get(..start)?;
    // "Vice-President", "then-President": part of another word.
    if prefix
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
    {
        return None;
    }
    let previous = prefix
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    if QUALIFIERS.contains(&previous.as_str()) {
        return None;
    }
    Some((title, Span::new(start, m.span.end)))
}

impl Kind for Anachronism {
    fn args(&self) -> Vec<String> {
        ["subject", "problem", "date", "fact"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let dates = cx.mentions.dates();
        for m in &cx.mentions.entities {
            let Some(entity) = cx.kb.entity(m.entity) else {
                continue;
            };
            if let Some((title, span)) = title_before(cx.text, m, entity) {
                let Some(date) = governing_date(cx.text, dates, span) else {
                    continue;
                };
                let Some((first, last)) = date.bounds() else {
                    continue;
                };
                let terms: Vec<&Term> = entity.terms.iter().filter(|t| t.title == title).collect();
                if terms.iter().any(|t| t.overlaps(first, last)) {
                    continue;
                }
                // The title the person holds when the article is written may name them
                // in a story about their past ("In 2024, President Trump promised ...",
                // written in 2025): news uses it so.
                if cx
                    .reference
                    .date
                    .is_some_and(|r| terms.iter().any(|t| t.overlaps(r, r)))
                {
                    continue;
                }
                let held = terms
                    .iter()
                    .map(|t| describe_term(t))
                    .collect::<Vec<_>>()
                    .join(" and ");
                out.push(
                    Finding::at(span)
                        .arg("subject", span.text(cx.text))
                        .arg(
                            "problem",
                            format!("was {} {title}", not_in_office(&terms, first, last)),
                        )
                        .arg("date", date.span.text(cx.text))
                        .arg("fact", format!("{} was {held}", entity.name))
                        .label(date.span, "the date"),
                );
                continue;
            }
            if entity.kind == "person" || entity.speculated {
                continue;
            }
            let Some(fact) = entity.first_fact() else {
                continue;
            };
            let Some(date) = governing_date(cx.text, dates, m.span) else {
                continue;
            };
            let Some((_, last)) = date.bounds() else {
                continue;
            };
            // Checked: the loader bounds the margin, but a panic is never an outcome.
            let limit = jiff::Span::new()
                .try_months(i64::from(self.params.margin_months))
                .ok()
                .and_then(|margin| fact.date.first_day().checked_sub(margin).ok())
                .unwrap_or(Date::MIN);
            if last >= limit {
                continue;
            }
            out.push(
                Finding::at(m.span)
                    .arg("subject", m.span.text(cx.text))
                    .arg("problem", "did not exist yet")
                    .arg("date", date.span.text(cx.text))
                    .arg(
                        "fact",
                        format!("it was {}", describe_fact(fact.verb, fact.date)),
                    )
                    .label(date.span, "the date"),
            );
        }
    }
}

/// "not yet" before every term, "no longer" after them all, "not" between two.
fn not_in_office(terms: &[&Term], first: Date, last: Date) -> &'static str {
    let starts = terms.iter().map(|t| t.from.first_day()).min();
    let ends = terms
        .iter()
        .map(|t| t.to.map_or(Date::MAX, |to| to.last_day()))
        .max();
    match (starts, ends) {
        (Some(s), _) if last < s => "not yet",
        (_, Some(e)) if first > e => "no longer",
        _ => "not",
    }
}

fn describe_fact(verb: &str, date: KbDate) -> String {
    date.with_verb(verb)
}

pub(super) fn warm_up() {
    LazyLock::force(&LEAD_GAP);
    LazyLock::force(&VERB_GAP);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> Anachronism {
        Anachronism::new(Params::default())
    }

    #[test]
    fn flags_an_entity_before_it_existed() {
        assert_finds(
            &kind(),
            "In 2015, <<ChatGPT>> changed how students wrote.",
            None,
        );
        assert_finds(&kind(), "<<ChatGPT>> said in 2016 that it was new.", None);
    }

    #[test]
    fn flags_a_title_outside_the_term() {
        let f = assert_finds(
            &kind(),
            "<<President Biden>> said in 2019 that it mattered.",
            None,
        );
        assert!(
            f.args.iter().any(|(_, v)| v.contains("20 January 2021")),
            "{f:?}"
        );
        assert_finds(
            &kind(),
            "In 2012, <<Prime Minister Boris Johnson>> opened it.",
            None,
        );
    }

    #[test]
    fn regression_a_present_title_in_a_story_about_the_past_is_allowed() {
        // Written in 2025, when he holds the office again.
        assert_clean(
            &kind(),
            "In 2024, President Trump promised to seal the border.",
            Some("2025-06-01"),
        );
        // Written in 2023, when he did not: the title is out of place.
        assert_finds(
            &kind(),
            "In 2022, <<President Trump>> promised to seal the border.",
            Some("2023-06-01"),
        );
    }

    #[test]
    fn allows_terms_dates_within_margin_and_qualified_titles() {
        assert_clean(
            &kind(),
            "President Biden said in 2022 that it mattered.",
            None,
        );
        assert_clean(
            &kind(),
            "Former President Obama said in 2019 that it mattered.",
            None,
        );
        assert_clean(
            &kind(),
            "Vice President Biden said in 2012 that it mattered.",
            None,
        );
        assert_clean(
            &kind(),
            "In 2021, ChatGPT's future makers trained models.",
            None,
        );
        assert_clean(
            &kind(),
            "In 2015, OpenAI was founded; ChatGPT came in 2022.",
            None,
        );
        assert_clean(
            &kind(),
            "President Trump said in 2025 that it mattered.",
            None,
        );
        assert_clean(&kind(), "In 2019, Biden said he would run.", None);
    }
}
