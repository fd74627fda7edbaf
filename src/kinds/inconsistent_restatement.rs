//! `inconsistent-restatement`: one article should give one figure for one quantity.
//!
//! Why: "12 victims" in the second paragraph and "14 victims" in the sixth leaves the
//! reader to guess which is right; usually one is a stale or mistyped figure.
//! Pairs counts of the same noun written directly after the number ("1.2 trillion
//! parameters", "12 victims"), in the same unit and currency, whose intervals (rounding,
//! approximators) do not overlap.
//! Like with like: the later figure points back to the first ("the 14 victims", "its",
//! "all") or shares its owner ("a model with ..." twice), and the two are within a
//! factor of two. Limits: to stay quiet on real changes, a pair is skipped when either
//! sentence marks change or another group ("rose to", "later", "now", "another",
//! "including", a date), a time or plan word stands beside the figure, the noun is a
//! unit of time or measure (or a generic group that the later figure does not point
//! back to), the complements differ ("with"/"without"), one is given as a part of the
//! other, either is an inventory or labelled list item, or each sentence names something
//! the other does not (two crashes, two cities). Only the first figure of each noun is
//! compared with later ones.

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

/// Units of time and measure: a count of them is never one referent across an article.
const UNITS: &[&str] = &[
    "times", "years", "months", "weeks", "days", "hours", "minutes", "seconds", "percent",
    "points", "units", "miles", "kilometres", "kilometers", "km", "metres", "meters", "feet",
    "inches", "tonnes", "tons", "kg", "pounds", "dollars", "euros", "degrees", "acres",
    "hectares", "square", "per", "year", "month", "week", "day", "hour", "minute", "runs",
    "wickets", "laps", "rounds", "steps", "levels", "floors", "storeys", "stories", "goals",
    "games", "matches", "votes", "seats",
];

/// Nouns that count different groups in the same article as a matter of course: compared
/// only when the later figure points back to one already given ("the 14 pages").
const GENERIC: &[&str] = &[
    "people", "persons", "men", "women", "children", "others", "members", "cases",
    "countries", "states", "cities", "sites", "places", "families", "households",
    "students", "schools", "companies", "firms", "groups", "players", "teams", "episodes",
    "songs", "books", "films", "pages", "words",
];

/// Words that say a figure changed, or belongs to another group or reckoning, wherever
/// they stand in its sentence.
const CHANGE_CUES: &[&str] = &[
    "rose", "risen", "rise", "rising", "increased", "increase", "grew", "grown", "climbed",
    "jumped", "fell", "fallen", "dropped", "declined", "decreased", "now", "later", "updated",
    "revised", "since", "earlier", "previously", "initially", "originally", "another",
    "additional", "further", "total", "totalling", "reached", "per", "average",
    "including", "includes", "include", "included", "contain", "contains", "among",
    "whom", "other", "others", "remaining", "rest", "respectively", "compared", "whereas",
    "versus", "target", "goal", "aims",
];

/// Words that put a figure at another time or in another set when they stand just
/// before it ("the first 40 homes", "nearly 40 homes", "up to 40", "plans for 40").
const NEAR_CUES: &[&str] = &[
    "new", "first", "then", "last", "next", "year", "week", "month", "today", "yesterday",
    "tomorrow", "ago", "up", "down", "more", "least", "than", "nearly", "almost", "over",
    "could", "might", "only", "until", "by", "also", "both", "so", "far", "still", "once",
    "again", "second", "third", "fourth", "previous", "current", "currently", "which",
    "extra", "some", "each", "every", "plan", "plans", "planned", "estimated", "expected",
    "projected", "forecast", "another",
];

/// Words of time that date a figure when they follow it ("12 victims last week", "40
/// homes so far").
const AFTER_CUES: &[&str] = &[
    "last", "next", "year", "week", "month", "today", "yesterday", "tomorrow", "ago", "so",
    "far", "still", "once", "again", "previously", "currently", "each", "apiece",
];

fn singular(noun: &str) -> &str {
    noun.strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with("ch") || s.ends_with("sh") || s.ends_with('x'))
        .unwrap_or_else(|| noun.strip_suffix('s').unwrap_or(noun))
}

/// Whether the sentence of `n` marks its figure as changed, dated or of another set:
/// a [`CHANGE_CUES`] word anywhere in it, a date, or a [`NEAR_CUES`] word beside the
/// figure.
fn has_cue(
    text: &str,
    sentence: Span,
    n: &NumberMention,
    dates: &[crate::extract::DateMention],
) -> bool {
    let s = sentence.text(text).to_ascii_lowercase();
    if s.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| CHANGE_CUES.contains(&w))
        || dates.iter().any(|d| sentence.contains(d.span))
    {
        return true;
    }
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let before = words(text.get(sentence.start..n.span.start).unwrap_or(""));
    let end = super::arithmetic::phrase_end(n).min(sentence.end);
    let after = words(text.get(end..sentence.end).unwrap_or(""));
    // The figure's own words ("nearly", "over") stand inside its span.
    let own = words(n.span.text(text));
    before
        .iter()
        .rev()
        .take(2)
        .chain(own.iter())
        .any(|w| NEAR_CUES.contains(&w.as_str()))
        || after.iter().take(2).any(|w| AFTER_CUES.contains(&w.as_str()))
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

/// The names a sentence is about; a sentence that opens by pointing back ("These
/// investments", "It", "They") is also about the names of the sentence before.
fn names_in_context(text: &str, sentences: &[Span], s: Span) -> Vec<String> {
    let mut out = names(text, s);
    let first = s
        .text(text)
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if matches!(first, "This" | "These" | "Those" | "That" | "It" | "They" | "Its" | "Their") {
        let i = sentences.partition_point(|x| x.start < s.start);
        if let Some(prev) = i.checked_sub(1).and_then(|j| sentences.get(j)) {
            out.extend(names(text, *prev));
        }
    }
    out
}

/// Whether the two sentences are about different named things: each names something
/// the other does not ("the Coastline Air crash" against "the Northway crash").
fn different_subjects(text: &str, sentences: &[Span], a: Span, b: Span) -> bool {
    let (na, nb) = (
        names_in_context(text, sentences, a),
        names_in_context(text, sentences, b),
    );
    na.iter().any(|n| !nb.contains(n)) && nb.iter().any(|n| !na.contains(n))
}

/// Whether a sentence lists quantities of several things ("400 shotguns; 120 radios;
/// and 30 trucks"): each is an item of an inventory, not a restatement of another.
/// Also a sentence that gives two figures of one noun ("$4.4 billion for 277 projects,
/// $800 million for 540 projects"), and a line that opens with a label ("Florida: $213
/// million for 71,000 survivors"): figures shared out, each of its own part.
fn is_inventory(text: &str, numbers: &[NumberMention], sentence: Span) -> bool {
    let counted: Vec<&str> = numbers_in(numbers, sentence)
        .into_iter()
        .filter(|n| n.is_cardinal())
        .filter_map(|n| n.noun.as_deref())
        .collect();
    let mut distinct = counted.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let labelled = sentence
        .text(text)
        .split_once(':')
        .is_some_and(|(label, _)| {
            let words = label.split_whitespace().count();
            (1..=4).contains(&words) && label.starts_with(|c: char| c.is_uppercase())
        });
    counted.len() >= 3 && distinct.len() >= 2 || distinct.len() < counted.len() || labelled
}

/// How far apart two figures of one referent may be before they are taken for two
/// referents: a slip or a stale figure is rarely more than twice or half the other.
const MAX_RATIO: f64 = 2.0;

/// The words that complete a noun after it, up to the clause's end ("with red flag laws",
/// "to provide housing vouchers"), lower case.
fn complement(text: &str, sentence: Span, n: &NumberMention) -> Vec<String> {
    let end = super::arithmetic::phrase_end(n).min(sentence.end);
    let rest = text.get(end..sentence.end).unwrap_or("");
    let clause = rest.split([',', ';', ':', '—', '(', '.']).next().unwrap_or("");
    let words: Vec<String> = clause
        .split_whitespace()
        .take(4)
        .map(str::to_lowercase)
        .collect();
    match words.first().map(String::as_str) {
        Some("with" | "without" | "in" | "from" | "of" | "for" | "to" | "at" | "on" | "across"
            | "under" | "outside" | "inside") => words,
        _ => Vec::new(),
    }
}

/// Whether both figures carry a complement and the two differ ("states with red flag
/// laws" against "states without red flag laws").
fn different_complements(
    text: &str,
    earlier: &NumberMention,
    earlier_sentence: Span,
    later: &NumberMention,
    later_sentence: Span,
) -> bool {
    let (a, b) = (
        complement(text, earlier_sentence, earlier),
        complement(text, later_sentence, later),
    );
    !a.is_empty() && !b.is_empty() && a.first() != b.first()
        || !a.is_empty()
            && !b.is_empty()
            && a.iter().any(|w| !b.contains(w))
            && b.iter().any(|w| !a.contains(w))
}

/// Words that say nothing of whose quantity a number is.
const NOT_OWNERS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from",
    "into", "through", "about", "some", "approximately", "around", "roughly", "nearly",
    "almost", "over", "more", "than", "have", "has", "had", "having", "is", "are", "was",
    "were", "be", "been", "being", "will", "would", "could", "can", "may", "said", "says",
    "say", "told", "tell", "reported", "reports", "confirmed", "confirms", "named", "counted",
    "listed", "according", "there", "that", "which", "who", "it", "its", "their", "they",
    "them", "this", "these", "those", "he", "she", "his", "her", "we", "our", "you", "your",
    "all", "total", "just", "only", "also", "as", "so", "not", "least", "enough", "up",
];

/// The words before a number in its clause that may name whose quantity it is
/// ("lithium to supply 2 million scooters": lithium, supply).
fn owner_words(text: &str, sentence: Span, n: &NumberMention) -> Vec<String> {
    let before = text.get(sentence.start..n.span.start).unwrap_or("");
    let clause = before.rsplit([',', ';', ':', '—', '(']).next().unwrap_or("");
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.len() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !NOT_OWNERS.contains(&w.as_str()))
        .collect()
}

/// Whether a number points back to a figure already given: "the 14 victims", "its 1.4
/// trillion parameters", "all 14 victims", "the agency's 14 inspectors".
fn points_back(text: &str, n: &NumberMention) -> bool {
    let before = crate::span::tail(text, n.span.start, 32).trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these" | "whose"
    ) || last.ends_with("'s")
        || last.ends_with("’s")
}

/// Whether a later figure that does not point back belongs to another owner: each
/// clause says whose figure it is with a word the other sentence lacks ("enough lithium
/// to supply 2 million scooters" against "enough graphite to supply 1.2 million").
fn different_owners(
    text: &str,
    earlier: &NumberMention,
    earlier_sentence: Span,
    later: &NumberMention,
    later_sentence: Span,
) -> bool {
    if points_back(text, later) {
        return false;
    }
    let (a, b) = (
        owner_words(text, earlier_sentence, earlier),
        owner_words(text, later_sentence, later),
    );
    let a_text = earlier_sentence.text(text).to_lowercase();
    let b_text = later_sentence.text(text).to_lowercase();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(str::to_string)
            .collect()
    };
    let (aw, bw) = (words(&a_text), words(&b_text));
    // A figure with no owner of its own ("47 grants contain ...") is a new group unless
    // it points back.
    b.is_empty() || (a.iter().any(|w| !bw.contains(w)) && b.iter().any(|w| !aw.contains(w)))
}

/// The scale a figure is written in, so "1.2 trillion" and "1,200 billion" compare.
fn eligible(text: &str, n: &NumberMention, skip: &[String]) -> Option<String> {
    let noun = n.noun.as_deref()?;
    let noun_span = n.noun_span?;
    if !n.is_cardinal() || n.compound || n.words && n.value < 10.0 || n.value < 2.0 {
        return None;
    }
    // A plural count ("12 victims"), or a sum of money before what it buys ("the
    // €46.5 million deal").
    if !matches!(n.bound, Bound::Exact | Bound::Approx)
        || !(noun.ends_with('s') || n.currency.is_some())
        || noun.ends_with("ed")
        || noun.ends_with("ing")
    {
        return None;
    }
    // The noun directly follows the number ("12 victims", "1.2 trillion parameters").
    if text.get(n.span.end..noun_span.start) != Some(" ") {
        return None;
    }
    // "21 states and territories" counts a union of two nouns.
    if text.get(noun_span.end..).is_some_and(|rest| {
        rest.starts_with(" and ") || rest.starts_with(" or ")
    }) {
        return None;
    }
    // "16,000 veterans' health care" counts places, not veterans.
    if text
        .get(noun_span.end..)
        .is_some_and(|rest| rest.starts_with(['\'', '’']))
    {
        return None;
    }
    if UNITS.contains(&noun)
        || GENERIC.contains(&noun) && !points_back(text, n)
        || skip.iter().any(|s| s.eq_ignore_ascii_case(noun))
    {
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
        // Values the article gives as a part of another ("55 million of the 80 million
        // doses"): a later mention of the part is not a restatement of the whole.
        let numbers = cx.mentions.numbers();
        let parts: Vec<(f64, f64)> = numbers
            .windows(2)
            .filter(|w| {
                matches!(
                    crate::extract::number::gap(text, w[0].span, w[1].span).trim(),
                    "of" | "of the" | "out of" | "out of the" | "of its" | "of their"
                )
            })
            .map(|w| (w[0].value, w[1].value))
            .collect();
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
                let ratio = earlier.value.max(n.value) / earlier.value.min(n.value).max(1e-9);
                let related = parts.iter().any(|&(p, w)| {
                    (p == n.value && w == earlier.value) || (p == earlier.value && w == n.value)
                });
                if ratio > MAX_RATIO
                    || related
                    || different_complements(text, earlier, *earlier_sentence, n, sentence)
                {
                    continue;
                }
                if has_cue(text, sentence, n, dates)
                    || has_cue(text, *earlier_sentence, earlier, dates)
                    || different_subjects(text, sentences, *earlier_sentence, sentence)
                    || is_inventory(text, cx.mentions.numbers(), sentence)
                    || is_inventory(text, cx.mentions.numbers(), *earlier_sentence)
                    || different_owners(text, earlier, *earlier_sentence, n, sentence)
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
