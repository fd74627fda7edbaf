//! `inconsistent-restatement`: one article should give one figure for one quantity.
//!
//! Why: "12 victims" in the second paragraph and "14 victims" in the sixth leaves the
//! reader to guess which is right; usually one is a stale or mistyped figure.
//! Pairs counts of the same noun written directly after the number ("1.2 trillion
//! parameters", "12 victims"), in the same unit and currency, whose intervals (rounding,
//! approximators) do not overlap.
//! Limits: to stay quiet on real changes, a pair is skipped when either sentence marks
//! change or time ("rose to", "later", "now", "updated", "initially", a date), names a
//! subset or another group ("another", "including", "of them"), or when the noun is a
//! unit of time or measure or a generic group ("people", "years"), or when each
//! sentence names something the other does not (two crashes, two cities). Only the first figure
//! of each noun is compared with later ones.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use super::arithmetic::{numbers_in, quoted_note};
use crate::extract::{Bound, NumberMention};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Relative difference allowed between the two figures (0.0: only their rounding).
    #[serde(default)]
    pub tolerance: f64,
    /// More nouns to skip.
    #[serde(default)]
    pub skip_nouns: Vec<String>,
}

#[derive(Debug)]
pub struct InconsistentRestatement {
    params: Params,
}

impl InconsistentRestatement {
    pub fn new(params: Params) -> Self {
        InconsistentRestatement { params }
    }
}

impl Build for InconsistentRestatement {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("tolerance", params.tolerance, 0.0, 100.0)?;
        Ok(InconsistentRestatement::new(params))
    }
}

/// Nouns that count different groups in the same article as a matter of course.
const GENERIC: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "others",
    "times",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "percent",
    "points",
    "members",
    "cases",
    "countries",
    "states",
    "cities",
    "units",
    "votes",
    "seats",
    "games",
    "goals",
    "matches",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "feet",
    "inches",
    "tonnes",
    "tons",
    "kg",
    "pounds",
    "dollars",
    "euros",
    "degrees",
    "acres",
    "hectares",
    "square",
    "per",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "times",
    "sites",
    "places",
    "families",
    "households",
    "students",
    "schools",
    "companies",
    "firms",
    "groups",
    "players",
    "teams",
    "runs",
    "wickets",
    "laps",
    "rounds",
    "episodes",
    "songs",
    "books",
    "films",
    "pages",
    "words",
    "steps",
    "levels",
    "floors",
    "storeys",
    "stories",
];

/// Words that say a figure changed, or belongs to another time, place or subgroup.
const CHANGE_CUES: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rising",
    "increased",
    "increase",
    "grew",
    "grown",
    "climbed",
    "jumped",
    "fell",
    "fallen",
    "dropped",
    "declined",
    "decreased",
    "now",
    "later",
    "updated",
    "revised",
    "since",
    "earlier",
    "previously",
    "initially",
    "originally",
    "first",
    "then",
    "another",
    "additional",
    "further",
    "more",
    "new",
    "total",
    "totalling",
    "reached",
    "up",
    "down",
    "before",
    "after",
    "last",
    "next",
    "each",
    "per",
    "average",
    "every",
    "including",
    "among",
    "whom",
    "which",
    "other",
    "others",
    "remaining",
    "rest",
    "least",
    "than",
    "nearly",
    "almost",
    "over",
    "estimated",
    "expected",
    "could",
    "would",
    "might",
    "may",
    "plan",
    "plans",
    "planned",
    "target",
    "aims",
    "goal",
    "only",
    "until",
    "by",
    "today",
    "yesterday",
    "tomorrow",
    "ago",
    "year",
    "week",
    "month",
    "also",
    "both",
    "respectively",
    "compared",
    "while",
    "whereas",
    "versus",
    "previous",
    "current",
    "currently",
    "so",
    "far",
    "still",
    "once",
    "again",
    "second",
    "third",
    "fourth",
];

fn singular(noun: &str) -> &str {
    noun.strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with("ch") || s.ends_with("sh") || s.ends_with('x'))
        .unwrap_or_else(|| noun.strip_suffix('s').unwrap_or(noun))
}

fn has_cue(text: &str, sentence: Span, dates: &[crate::extract::DateMention]) -> bool {
    let s = sentence.text(text).to_ascii_lowercase();
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| CHANGE_CUES.contains(&w))
        || dates.iter().any(|d| sentence.contains(d.span))
}

/// Capitalised words after the first word of a sentence: the names it is about.
fn names(text: &str, sentence: Span) -> Vec<String> {
    sentence
        .text(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .map(str::to_lowercase)
        .collect()
}

/// Whether the two sentences are about different named things: each names something
/// the other does not ("the Coastline Air crash" against "the Northway crash").
fn different_subjects(text: &str, a: Span, b: Span) -> bool {
    let (na, nb) = (names(text, a), names(text, b));
    na.iter().any(|n| !nb.contains(n)) && nb.iter().any(|n| !na.contains(n))
}

/// The scale a figure is written in, so "1.2 trillion" and "1,200 billion" compare.
fn eligible(text: &str, n: &NumberMention, skip: &[String]) -> Option<String> {
    let noun = n.noun.as_deref()?;
    let noun_span = n.noun_span?;
    if !n.is_cardinal() || n.compound || n.words && n.value < 10.0 || n.value < 2.0 {
        return None;
    }
    if !matches!(n.bound, Bound::Exact | Bound::Approx) || !noun.ends_with('s') {
        return None;
    }
    // The noun directly follows the number ("12 victims", "1.2 trillion parameters").
    if text.get(n.span.end..noun_span.start) != Some(" ") {
        return None;
    }
    if GENERIC.contains(&noun) || skip.iter().any(|s| s.eq_ignore_ascii_case(noun)) {
        return None;
    }
    Some(format!(
        "{}|{}",
        singular(noun),
        n.currency.as_deref().unwrap_or("")
    ))
}

impl Kind for InconsistentRestatement {
    fn args(&self) -> Vec<String> {
        ["stated", "earlier", "noun", "quoted"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        let sentences = &cx.doc.prose.sentences;
        let dates = cx.mentions.dates();
        let mut first: Vec<(String, &NumberMention, Span)> = Vec::new();
        let mut reported: Vec<String> = Vec::new();
        for &sentence in sentences {
            for n in numbers_in(cx.mentions.numbers(), sentence) {
                let Some(key) = eligible(text, n, &self.params.skip_nouns) else {
                    continue;
                };
                let Some((_, earlier, earlier_sentence)) = first.iter().find(|(k, _, _)| *k == key)
                else {
                    first.push((key, n, sentence));
                    continue;
                };
                if reported.contains(&key) || *earlier_sentence == sentence {
                    continue;
                }
                let tol = self.params.tolerance * earlier.value.abs();
                if !NumberMention::disagrees(earlier.low, earlier.high, n.low, n.high, tol) {
                    continue;
                }
                if has_cue(text, sentence, dates)
                    || has_cue(text, *earlier_sentence, dates)
                    || different_subjects(text, *earlier_sentence, sentence)
                {
                    continue;
                }
                reported.push(key);
                let noun = n.noun.clone().unwrap_or_default();
                out.push(
                    Finding::at(n.value_span)
                        .arg("stated", n.value_span.text(text))
                        .arg("earlier", earlier.value_span.text(text))
                        .arg("noun", &noun)
                        .arg("quoted", quoted_note(&[n, earlier]))
                        .label(earlier.value_span, "first given here")
                        .label(n.value_span, "restated differently"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> InconsistentRestatement {
        InconsistentRestatement::new(Params {
            tolerance: 0.0,
            skip_nouns: vec![],
        })
    }

    #[test]
    fn flags_a_figure_restated_with_another_value() {
        let f = assert_finds(&kind(), "The model has 1.2 trillion parameters.\n\nIts 1.2 trillion parameters are many. Training the <<1.4 trillion>> parameters took weeks.", None);
        assert!(f.args.contains(&("earlier".into(), "1.2 trillion".into())));
        assert_finds(
            &kind(),
            "Police named 12 victims.\n\nThe <<14>> victims were all adults.",
            None,
        );
    }

    #[test]
    fn allows_changes_and_agreeing_figures() {
        assert_clean(
            &kind(),
            "Police named 12 victims.\n\nThe 12 victims were all adults.",
            None,
        );
        assert_clean(
            &kind(),
            "Police named 12 victims.\n\nThe toll later rose to 14 victims.",
            None,
        );
        assert_clean(
            &kind(),
            "About 40 trucks came.\n\nThe 42 trucks were unloaded.",
            None,
        );
        assert_clean(
            &kind(),
            "Police named 12 people.\n\nThe 14 people were all adults.",
            None,
        );
    }
}
