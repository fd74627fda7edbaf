//! `inconsistent-restatement`: one article should give one figure for one quantity.
//!
//! Why: "12 victims" in the second paragraph and "14 victims" in the sixth leaves the
//! reader to guess which is right; usually one is a stale or mistyped figure.
//! Pairs counts of one referent, in the same currency, whose intervals (rounding,
//! approximators) do not overlap. The referent is read once for every check by the
//! extractor (`crate::extract::referent`): the singular of the noun counted,
//! read after the number, behind one modifier ("563 new homes"), in irregular and
//! invariant plurals ("people"/"persons", "children", "aircraft"), through a hyphenated
//! compound ("the 367-bed hospital" counts beds), or for a sum of money the thing said
//! to be worth it ("the contract is worth $45m"); a sum with no noun is compared only
//! when it points back ("spend the $13.8m") to the sum just before it.
//! Like with like: the later figure points back ("the 14 victims", "its", "all", "its
//! fleet of") or shares its owner ("a model with ..." twice), names the same outcome
//! when both name one ("killed 52 people" and "the 54 people who died", not "the 45
//! injured"), adds no modifier of its own, and the two are within a factor of two; a
//! rank, a year, a label, a street number or a race distance is never a count.
//! Limits: to stay quiet on real changes, a pair is skipped when either
//! sentence marks change or another group ("rose to", "later", "now", "another",
//! "including", a date), a time or plan word stands beside the figure, the noun is a
//! unit of time or measure (or a generic group that the later figure does not point
//! back to), the complements differ ("with"/"without"), one is given as a part of the
//! other, either is an inventory or labelled list item, or each sentence names something
//! the other does not (two crashes, two cities). A later figure is compared with the
//! last earlier figure of its noun, and not at all when it agrees with any of them.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use super::arithmetic::{numbers_in, quoted_note};
use crate::extract::referent::{Role, What};
use crate::extract::{Bound, NumberMention};
use crate::span::Span;

/// How many earlier figures with distinct values are kept per referent: more than this
/// many different figures of one thing make an inventory, not a restatement.
const SEEN_PER_REFERENT: usize = 32;

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
    // A threshold is another quantity than a count of what one has ("1,500 delegates are
    // required"; "had 1,562, more than the number needed").
    "required", "requires", "require", "requirement", "needed", "needs", "threshold",
    "minimum", "maximum", "quota", "majority",
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

/// The [`NEAR_CUES`] that say a figure is planned rather than of another time.
const PLAN_WORDS: &[&str] = &["plan", "plans", "planned"];

/// Whether a noun's singular is one of the [`GENERIC`] groups.
fn is_generic(lemma: &str) -> bool {
    GENERIC
        .iter()
        .any(|g| crate::lexicon::noun_lemma(g) == lemma)
}

/// Words of time that date a figure when they follow it ("12 victims last week", "40
/// homes so far").
const AFTER_CUES: &[&str] = &[
    "last", "next", "year", "week", "month", "today", "yesterday", "tomorrow", "ago", "so",
    "far", "still", "once", "again", "previously", "currently", "each", "apiece",
];

/// Whether the sentence of `n` marks its figure as changed, dated or of another set:
/// a [`CHANGE_CUES`] word anywhere in it, a date, or a [`NEAR_CUES`] word beside the
/// figure.
fn has_cue(
    text: &str,
    sentence: Span,
    n: &NumberMention,
    dates: &[crate::extract::DateMention],
    plans_ok: bool,
) -> bool {
    let s = sentence.text(text).to_ascii_lowercase();
    let all: Vec<&str> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let change = all.iter().enumerate().any(|(i, w)| {
        CHANGE_CUES.contains(w) && !(*w == "among" && ranks(all.get(i + 1..).unwrap_or(&[])))
    });
    if change || dates.iter().any(|d| sentence.contains(d.span)) {
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
        .filter(|w| !(plans_ok && PLAN_WORDS.contains(&w.as_str())))
        .any(|w| NEAR_CUES.contains(&w.as_str()))
        || after.iter().take(2).any(|w| AFTER_CUES.contains(&w.as_str()))
}

/// Whether the words after "among" rank the subject ("among the youngest in Europe",
/// "among the most visited") rather than set it in a larger group ("among them 12
/// children").
fn ranks(after: &[&str]) -> bool {
    match after {
        ["the", w, ..] => w.ends_with("est") || matches!(*w, "most" | "least" | "top" | "best" | "worst"),
        _ => false,
    }
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

/// How far apart two figures of one referent may be before they are taken for two
/// referents: a slip or a stale figure is rarely more than twice or half the other.
const MAX_RATIO: f64 = 2.0;

/// Whether both figures carry a complement and the two differ ("states with red flag
/// laws" against "states without red flag laws").
fn different_complements(text: &str, earlier: &NumberMention, later: &NumberMention) -> bool {
    let (a, b) = (
        earlier.referent.complement_words(text),
        later.referent.complement_words(text),
    );
    !a.is_empty() && !b.is_empty() && a.first() != b.first()
        || !a.is_empty()
            && !b.is_empty()
            && a.iter().any(|w| !b.contains(w))
            && b.iter().any(|w| !a.contains(w))
}

/// Whether a later figure that does not point back belongs to another owner: each
/// clause says whose figure it is with a word the other sentence lacks ("enough lithium
/// to supply 2 million scooters" against "enough graphite to supply 1.2 million").
fn different_owners(text: &str, earlier: &NumberMention, later: &NumberMention) -> bool {
    if later.referent.points_back {
        return false;
    }
    let (a, b) = (
        earlier.referent.owner_words(text),
        later.referent.owner_words(text),
    );
    let words = |s: Span| -> Vec<String> {
        s.text(text)
            .to_lowercase()
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(str::to_string)
            .collect()
    };
    let (aw, bw) = (words(earlier.referent.sentence), words(later.referent.sentence));
    // A figure with no owner of its own ("47 grants contain ...") is a new group unless
    // it points back.
    b.is_empty() || (a.iter().any(|w| !bw.contains(w)) && b.iter().any(|w| !aw.contains(w)))
}

/// Whether the words before `n` say it is the whole of its group: "all four passengers",
/// "all of the 12 victims", "all the".
fn names_all(text: &str, n: &NumberMention) -> bool {
    let before = crate::span::tail(text, n.span.start, 16)
        .trim_end()
        .to_ascii_lowercase();
    ["all", "all the", "all of the", "all of its", "all of their"]
        .iter()
        .any(|w| {
            before
                .strip_suffix(w)
                .is_some_and(|b| b.is_empty() || b.ends_with([' ', '(', '"', '\n']))
        })
}

/// Whether a noun (singular or plural) is a unit of time or measure.
fn is_unit(lemma: &str) -> bool {
    UNITS.contains(&lemma) || UNITS.contains(&format!("{lemma}s").as_str())
}

/// What this check compares `n` under, from its referent (see
/// [`crate::extract::referent`]): the singular of what it counts and its currency
/// ("bed|" for "367 beds" and "the 367-bed hospital", "contract|$" for "the contract is
/// worth $45m", "|$" for a sum that names nothing). `None` for what is not a plain count
/// of two or more: a share, a bounded figure ("more than 40"), a rank, a year, a label,
/// an address, a unit of time or measure, or a noun the rule skips.
fn key(n: &NumberMention, skip: &[String]) -> Option<String> {
    if !n.is_cardinal() || n.value < 2.0 || !n.referent.role.is_quantity() {
        return None;
    }
    if !matches!(n.bound, Bound::Exact | Bound::Approx) {
        return None;
    }
    let lemma = match n.referent.what.as_ref()? {
        What::Noun(lemma) => lemma.as_str(),
        What::Sum => "",
    };
    let skipped = is_unit(lemma)
        || skip
            .iter()
            .any(|s| crate::lexicon::noun_lemma(&s.to_ascii_lowercase()) == lemma);
    if skipped {
        return None;
    }
    let currency = n.currency.as_deref().unwrap_or("");
    Some(format!("{lemma}|{currency}"))
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
        // Per referent, its earlier figures with distinct values, the latest last (at
        // most SEEN_PER_REFERENT of them, so a long document stays linear).
        let mut seen: std::collections::HashMap<String, Vec<(&NumberMention, Span)>> =
            std::collections::HashMap::new();
        // Values the article gives as a part of another ("55 million of the 80 million
        // doses"): a later mention of the part is not a restatement of the whole.
        let numbers = cx.mentions.numbers();
        let parts: Vec<(f64, f64)> = numbers
            .iter()
            .filter(|n| n.referent.role == Role::Part)
            .filter_map(|n| Some((n.value, numbers.get(n.referent.whole?)?.value)))
            .collect();
        let mut reported: Vec<String> = Vec::new();
        // The last sum of money read in each currency: what a later "the $13.8m" with
        // no noun points back to.
        let mut last_sum: Vec<(String, String, &NumberMention, Span)> = Vec::new();
        for &sentence in sentences {
            for n in numbers_in(cx.mentions.numbers(), sentence) {
                let Some(key) = key(n, &self.params.skip_nouns) else {
                    continue;
                };
                let currency = n.currency.clone().unwrap_or_default();
                let sum_before = last_sum
                    .iter()
                    .find(|(c, ..)| *c == currency)
                    .map(|(_, r, m, s)| (r.clone(), *m, *s));
                if n.currency.is_some() {
                    last_sum.retain(|(c, ..)| *c != currency);
                    last_sum.push((currency.clone(), key.clone(), n, sentence));
                }
                let found = if key.starts_with('|') {
                    // A sum with no noun is compared only when it points back ("spend
                    // the $13.8m on"), and then with the sum just before it, when that
                    // has no noun either; "of the $2bn" gives a part of it.
                    let of_the = crate::span::tail(text, n.span.start, 8)
                        .trim_end()
                        .to_ascii_lowercase()
                        .ends_with("of the");
                    match sum_before {
                        Some((before, m, s))
                            if before == key && n.referent.points_back && !of_the =>
                        {
                            Some((m, s))
                        }
                        _ => None,
                    }
                } else {
                    // The figure a later one points back to is the last of its noun
                    // before it; a later figure that agrees with any of them restates
                    // that one.
                    let same = seen.entry(key.clone()).or_default();
                    let agrees = same.iter().any(|(m, _)| {
                        let tol = self.params.tolerance * m.value.abs();
                        !NumberMention::disagrees(m.low, m.high, n.low, n.high, tol)
                    });
                    let last = same.last().copied();
                    same.retain(|(m, _)| (m.low, m.high) != (n.low, n.high));
                    if same.len() >= SEEN_PER_REFERENT {
                        same.remove(0);
                    }
                    same.push((n, sentence));
                    match last {
                        Some(found) if !agrees => Some(found),
                        _ => continue,
                    }
                };
                let Some((earlier, earlier_sentence)) = found else {
                    continue;
                };
                let earlier_sentence = &earlier_sentence;
                if reported.contains(&key) || *earlier_sentence == sentence {
                    continue;
                }
                // A small number in words that points back ("the two men") often names
                // a part of the group given before; a larger one cannot.
                // "All four passengers", "both" or "all of the" name the whole group.
                let small = |m: &NumberMention| m.words && m.value < 10.0;
                if (small(n) || small(earlier)) && n.value <= earlier.value && !names_all(text, n) {
                    continue;
                }
                let lemma = key.split('|').next().unwrap_or("");
                // A generic group ("people", "pages") is the same group only when the
                // later figure points back to it ("the 14 people").
                if is_generic(lemma) && !n.referent.points_back {
                    continue;
                }
                // "the 400 affordable homes" after "563 homes" may be a part of them.
                let modifier = &n.referent.modifier;
                if modifier.is_some() && *modifier != earlier.referent.modifier {
                    continue;
                }
                let outcomes = (earlier.referent.outcome, n.referent.outcome);
                if matches!(outcomes, (Some(a), Some(b)) if a != b) {
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
                    || n.referent.noun_after
                        && earlier.referent.noun_after
                        && different_complements(text, earlier, n)
                {
                    continue;
                }
                // A figure planned ("plans for 563 homes") is the one a later "the 563
                // homes" points back to, when that has no cue of its own.
                let later_cue = has_cue(text, sentence, n, dates, false);
                let plans_ok = !later_cue && n.referent.points_back;
                if later_cue
                    || has_cue(text, *earlier_sentence, earlier, dates, plans_ok)
                    || different_subjects(text, sentences, *earlier_sentence, sentence)
                    || n.referent.list_item
                    || earlier.referent.list_item
                    || different_owners(text, earlier, n)
                {
                    continue;
                }
                reported.push(key.clone());
                let noun = [n, earlier]
                    .iter()
                    .find_map(|m| {
                        m.noun
                            .clone()
                            .filter(|w| crate::lexicon::plural_lemma(w).is_some() || m.currency.is_some())
                    })
                    .unwrap_or_else(|| match lemma {
                        "" => "sum".to_string(),
                        l if n.currency.is_some() => l.to_string(),
                        l => format!("{l}s"),
                    });
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
    fn flags_a_smaller_figure_that_names_the_whole_group() {
        assert_finds(
            &kind(),
            "The small plane carried six passengers and a pilot.\n\n\
             Rescuers said all <<four>> passengers were taken to hospital.",
            None,
        );
        assert_clean(
            &kind(),
            "The small plane carried six passengers and a pilot.\n\n\
             Rescuers said four passengers were taken to hospital.",
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
            "Police named 12 people.\n\nOfficers said 14 people were all adults.",
            None,
        );
    }

    #[test]
    fn flags_a_generic_group_the_later_figure_points_back_to() {
        assert_finds(
            &kind(),
            "The blast killed 52 people.\n\nThe names of the <<54>> people who died were read out.",
            None,
        );
        assert_finds(
            &kind(),
            "The storm cut power to 200 households.\n\nCrews reconnected the <<240>> households.",
            None,
        );
    }

    #[test]
    fn compares_small_numbers_in_words_only_upwards() {
        assert_finds(
            &kind(),
            "The ferry was carrying four passengers.\n\nAll <<six>> passengers were taken off.",
            None,
        );
        assert_clean(
            &kind(),
            "Police arrested four suspects.\n\nThe two suspects were charged.",
            None,
        );
    }

    #[test]
    fn regression_threshold_is_not_a_count() {
        assert_clean(
            &kind(),
            "For the party, 1,500 delegates are required to win.\n\nAfter the contests in Ohio, Lane has collected 1,562 delegates.",
            None,
        );
    }

    #[test]
    fn allows_groups_with_different_outcomes() {
        assert_clean(
            &kind(),
            "The blast killed 30 people.\n\nThe 45 people injured were taken to hospital.",
            None,
        );
    }

    #[test]
    fn compares_with_the_last_figure_of_the_noun() {
        assert_finds(
            &kind(),
            "A fire last year killed 300 people.\n\nThe explosion killed 52 people.\n\nRelatives of the <<54>> people who died met.",
            None,
        );
        assert_clean(
            &kind(),
            "Police named 12 victims.\n\nA second list gave 14 victims.\n\nThe 12 victims were adults.",
            None,
        );
        assert_finds(
            &kind(),
            "The nursery looks after 163 children from the estate.\n\nStaff led all <<111>> children to the park.",
            None,
        );
    }

    #[test]
    fn reads_irregular_plurals_and_compounds() {
        assert_finds(
            &kind(),
            "The airline flies 139 aircraft.\n\nIts fleet of <<101>> aircraft is young.",
            None,
        );
        assert_finds(
            &kind(),
            "The hospital will have 367 beds.\n\nBuilding the <<376>>-bed hospital cost more.",
            None,
        );
        assert_finds(
            &kind(),
            "The school has 150 children.\n\nAll <<160>> children were sent home.",
            None,
        );
        assert_clean(
            &kind(),
            "The hospital will have 367 beds.\n\nThe 376-year-old hospital is closing.",
            None,
        );
        assert_finds(
            &kind(),
            "The airline flies 139 aircraft on its routes.\n\nIts fleet of <<101>> aircraft is among the youngest in Europe.",
            None,
        );
        assert_clean(
            &kind(),
            "The airline flies 139 aircraft on its routes.\n\nAmong them are 101 aircraft built in Europe.",
            None,
        );
    }

    #[test]
    fn reads_the_thing_a_sum_is_the_value_of() {
        assert_finds(
            &kind(),
            "The contract is worth $45m, officials said.\n\nThe <<$50m>> contract was awarded.",
            None,
        );
        assert_finds(
            &kind(),
            "The firm raised $21.9m from investors.\n\nIt will spend the <<$13.8m>> on hires.",
            None,
        );
        assert_clean(
            &kind(),
            "The firm raised $21.9m from investors.\n\nIt will spend the $1.9 trillion American Rescue Plan money.",
            None,
        );
    }

    #[test]
    fn reads_a_modifier_between_number_and_noun() {
        assert_finds(
            &kind(),
            "The council approved plans for 563 new homes.\n\nResidents say the <<647>> homes will strain the school.",
            None,
        );
        assert_clean(
            &kind(),
            "The council approved 563 homes.\n\nResidents welcomed the 400 affordable homes.",
            None,
        );
    }

    #[test]
    fn reads_plural_lemmas() {
        use crate::lexicon::plural_lemma;
        assert_eq!(plural_lemma("beds").as_deref(), Some("bed"));
        assert_eq!(plural_lemma("countries").as_deref(), Some("country"));
        assert_eq!(plural_lemma("people").as_deref(), Some("person"));
        assert_eq!(plural_lemma("persons").as_deref(), Some("person"));
        assert_eq!(plural_lemma("buses").as_deref(), Some("bus"));
        assert_eq!(plural_lemma("churches").as_deref(), Some("church"));
        assert_eq!(plural_lemma("aircraft").as_deref(), Some("aircraft"));
        assert_eq!(plural_lemma("hospital"), None);
        assert_eq!(plural_lemma("analysis"), None);
    }
}
