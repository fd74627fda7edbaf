//! `unattributed-statistic`: a statistic about the world (a share of a population, a
//! rate, a large count of people or things, a ranking) stated as a standing fact with no
//! source anywhere a reader could see it.
//!
//! Why: a figure without a source is the first thing a fact-checker asks about; the rule
//! is a triage hint for the editor (info level), never a verdict.
//!
//! What it reads, in order:
//! - the figure: a percentage or a fraction (not a change, "rose 2%"), a count of at
//!   least 10,000 things that are not units of measure, or a ranking ("ranked third").
//!   Sums of money and superlatives are not read: on news and press releases they are
//!   almost always the article's own subject (a budget, a deal, a price, "the largest
//!   investment in our history"), and a source is rarely what they lack.
//! - how the sentence states it: as a standing fact, the figure opening its clause with
//!   a present-tense verb after it ("More than 40 million Americans rely on ..."), or
//!   after a copula or a verb of holding or making up ("buildings represent 35%",
//!   "women hold 28% of the seats", "unemployment fell to 4.2%"). A figure that is the
//!   object of what someone does ("invested $2bn", "trained 100,000 workers", "forced
//!   58,000 people to flee") is that actor's action, the article's own event, and a past
//!   count ("12 people died") is the news itself.
//! - what it is about: a figure beside the writer's own programme ("we", "our", a plan,
//!   a budget, a law, funding, a grant, the administration), beside a price, a tax, a
//!   tariff, a market or a vote, inside a plan or a forecast ("will", "would", "aims
//!   to"), in a question or a definition is skipped.
//! - where a source may be: its sentence and paragraph (a reporting word, a named
//!   report, survey, study, poll or data, a quotation, a link), the paragraph before
//!   (skipping headings; words inside quotations do not count there), the first
//!   sentence of the paragraph after, and the article's opening (a report, study,
//!   survey, poll or data it is built on).
//!
//! Limits: precision over recall. Several figures in one sentence are a comparison for
//! the number rules and are not read; only the first statistic of a sentence is
//! reported; headings, headlines in title case, interview answers and quoted figures are
//! skipped. README.md gives its measured rate and precision.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::referent::Role;
use crate::extract::{NumberKind, NumberMention};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct UnattributedStatistic;

impl UnattributedStatistic {
    pub fn new(_: Params) -> Self {
        UnattributedStatistic
    }
}

impl Build for UnattributedStatistic {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(UnattributedStatistic::new(params))
    }
}

pub(crate) static CLAIM: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::CLAIM_PATTERN,
        embedded!("unattributed-statistic-claim"),
    )
});

pub(crate) static ATTRIBUTION: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::ATTRIBUTION_PATTERN,
        embedded!("unattributed-statistic-attribution"),
    )
});

/// Verbs after which a figure is a state of the subject: a copula, a verb of holding or
/// making up. "buildings represent 35%", "care workers, who are 90% women".
const STATE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "remain", "remains", "remained", "represent",
    "represents", "represented", "hold", "holds", "held", "control", "controls",
    "controlled", "comprise", "comprises", "comprised", "constitute", "constitutes",
    "constituted", "total", "totals", "totalled", "totaled", "exceed", "exceeds",
    "exceeded", "affect", "affects",
];

/// Verbs of change before "to": "fell to 4.2%" states the level reached.
const CHANGE_VERBS: &[&str] = &[
    "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls", "climbed",
    "climbs", "dropped", "drops", "declined", "declines", "grew", "grows", "grown",
    "increased", "decreased", "jumped", "slipped", "reached", "surged", "soared",
    "plunged", "edged",
];

/// Verbs before "at": "stood at 4%", "is at 40%".
const LEVEL_VERBS: &[&str] = &[
    "stood", "stands", "stand", "is", "are", "was", "were", "remained", "remains",
    "hovered", "hovers", "sits", "sat", "peaked",
];

/// Words that may stand between the verb and the figure, or open a clause before a
/// figure that is its subject.
const FILLERS: &[&str] = &[
    "now", "currently", "still", "only", "just", "nearly", "almost", "roughly", "about",
    "around", "already", "also", "typically", "usually", "generally", "overall", "some",
    "and", "but", "while", "whereas", "yet", "so", "today", "nationally", "globally",
    "worldwide", "nationwide", "approximately", "over", "more", "than", "less", "fewer",
];

/// Words of the writer's own doing: first person, or the programme, plan, law, budget
/// or money an organisation reports about itself.
const OWN_ACTION: &[&str] = &[
    "we", "our", "us", "program", "programs", "programme", "programmes", "plan", "plans",
    "initiative", "initiatives", "act", "law", "budget", "funding", "funds", "funded",
    "grant", "grants", "investment", "investments", "invested", "administration",
    "president", "president's", "administration's", "enrolled", "served", "participants",
    "recipients", "applicants", "beneficiaries", "eligible", "qualify", "benefit",
    "benefits", "benefited", "benefiting", "benefitted", "benefitting", "receive",
    "receives", "receiving", "received", "assistance",
];

/// Words of prices, taxes, markets and votes: a rate someone sets or a result the news
/// reports, not a statistic to source.
const PRICE_WORDS: &[&str] = &[
    "tariff", "tariffs", "tax", "taxes", "taxed", "duty", "duties", "discount", "price",
    "prices", "priced", "cost", "costs", "fee", "fees", "premium", "premiums",
    "interest", "yield", "yields", "stock", "stocks", "shares", "index", "bond", "bonds",
    "dollar", "euro", "oil", "match", "reimbursement", "vote", "votes", "voted", "ballots",
    "margin", "stake", "stakes", "owned", "ownership", "discounted", "levy", "off",
    "markup", "commission", "royalty", "dividend",
];

/// A plan, a forecast or a condition: the writer's claim about what will be.
const PLAN_WORDS: &[&str] = &[
    "will", "would", "could", "might", "should", "shall", "can", "goal", "goals",
    "target", "targets", "projected", "expected", "aims", "aim", "seeks", "seek",
    "intends", "proposes", "proposed", "proposal", "if", "unless", "pledged",
    "pledge", "promise", "promised", "means", "defined", "refers",
];

/// Units of measure: a count of them describes a thing, not a population.
const UNITS: &[&str] = &[
    "square", "feet", "foot", "meters", "metres", "miles", "kilometres", "kilometers",
    "km", "tons", "tonnes", "barrels", "cubic", "acres", "hectares", "gallons", "litres",
    "liters", "kilograms", "kg", "pounds", "megawatts", "gigawatts", "mw", "gw", "kwh",
    "watts", "volts", "bytes", "calories", "steps", "words", "pages", "points", "votes",
    "doses", "tests", "hours", "minutes", "seconds", "days", "years", "km2", "sq",
];

/// Irregular past forms: a figure opening a clause with one of these after it is a past
/// event ("60% went to ...", "20,000 people fled").
const PAST_FORMS: &[&str] = &[
    "was", "were", "had", "did", "went", "came", "got", "gave", "took", "made", "rose",
    "fell", "grew", "saw", "began", "left", "paid", "won", "lost", "spent", "sent",
    "brought", "bought", "built", "ran", "met", "held", "told", "said", "found",
    "became", "chose", "fled", "drew", "sold", "led", "kept", "thought", "felt",
];

/// Words after a percentage that make it a comparison ("20% faster than before"), which
/// the number rules read.
const COMPARATIVES: &[&str] = &[
    "faster", "slower", "fewer", "more", "less", "higher", "lower", "greater", "smaller",
    "larger", "bigger", "cheaper", "above", "below", "over", "under",
];

/// Words that name a document the figures of an article come from, for its opening.
/// Not "according to" or "research": a lede's "according to police" sources the news
/// event, and "invest in research" names no document.
const SOURCE_WORDS: &[&str] = &[
    "report", "survey", "surveys", "study", "poll", "polls", "census", "data",
    "statistics", "analysis",
];

/// The lower-case ASCII words of `text`, apostrophes and hyphens kept inside words
/// ("active-duty" is one word).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_ascii_lowercase())
        .collect()
}

/// Whether a sentence is written in title case, as a headline is: most of its words of
/// four letters or more are capitalised.
fn is_title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 4 && capitalised * 4 >= long.len() * 3
}

fn any_in(words: &[String], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(&w.as_str()))
}

/// The clause of `sentence` around `figure`: from the last clause mark before it to the
/// first after it (commas inside the figure belong to the figure).
fn clause(text: &str, sentence: Span, figure: Span) -> (Span, Span) {
    let marks = [',', ';', ':', '–', '—', '(', ')', '"', '“', '”'];
    let head = text.get(sentence.start..figure.start).unwrap_or("");
    let start = head
        .rfind(marks)
        .map_or(sentence.start, |i| {
            sentence.start + i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let tail = text.get(figure.end..sentence.end).unwrap_or("");
    let end = tail.find(marks).map_or(sentence.end, |i| figure.end + i);
    (Span::new(start, figure.start), Span::new(figure.end, end))
}

/// Whether the clause states `figure` as a standing fact: after a copula or a verb of
/// holding, as the level a change reached, or opening the clause with a present-tense
/// verb after it.
fn stated_as_fact(text: &str, before: Span, after: Span) -> bool {
    let mut before = words(before.text(text));
    while before.last().is_some_and(|w| FILLERS.contains(&w.as_str())) {
        before.pop();
    }
    let after = words(after.text(text));
    let last = before.last().map(String::as_str);
    let second = before.len().checked_sub(2).and_then(|i| before.get(i)).map(String::as_str);
    match (second, last) {
        (_, None) => {
            // The figure opens its clause: its verb must be in the present; a past verb
            // tells the news itself ("12 people died", "8 million were served").
            let past = after.iter().take(7).any(|w| {
                PAST_FORMS.contains(&w.as_str()) || (w.len() > 3 && w.ends_with("ed"))
            });
            !past && after.len() >= 2
        }
        (_, Some(w)) if STATE_VERBS.contains(&w) => true,
        (Some(v), Some("to")) => CHANGE_VERBS.contains(&v),
        (Some(v), Some("at")) => LEVEL_VERBS.contains(&v),
        (Some(v), Some("for")) => matches!(v, "account" | "accounts" | "accounted"),
        (Some(v), Some("up")) => matches!(v, "make" | "makes" | "made"),
        _ => false,
    }
}

/// Whether `n` is a figure the rule reads: a share that is not a change, or a count of
/// at least 10,000 things that are not units of measure.
fn is_statistic(text: &str, n: &NumberMention) -> bool {
    if n.quoted || n.compound {
        return false;
    }
    // A digit and a separator just before: a number the extractor split ("1,5 million"
    // in a text with decimal commas), not one to read.
    let head = text.get(..n.span.start).unwrap_or("");
    if head.ends_with([',', '.'])
        && head
            .get(..head.len() - 1)
            .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let next = text
        .get(n.span.end..)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|w| words(w).into_iter().next());
    let next = next.as_deref();
    match n.kind {
        // A whole ("100% electric") is a property, not a statistic; a share compared
        // ("20% faster") is a change.
        NumberKind::Percent => {
            n.value < 100.0
                && n.referent.role == Role::Share
                && !next.is_some_and(|w| COMPARATIVES.contains(&w))
        }
        // "a third of", "one in five"; not "a fifth-generation farmer".
        NumberKind::Fraction => n.ratio.is_some() || next == Some("of"),
        NumberKind::Cardinal => {
            n.currency.is_none()
                && !n.words
                && n.referent.role.is_quantity()
                && n.value >= 10_000.0
                && n.noun.as_deref().is_some_and(|noun| !UNITS.contains(&noun))
        }
        _ => false,
    }
}

/// The statistic a sentence states as a fact of the world, if any: its only figure, when
/// it is a statistic stated as a standing fact and not about a price, a plan or the
/// writer's own doing; or else a ranking.
fn statistic(cx: &CheckContext<'_>, sentence: Span) -> Option<Span> {
    let numbers = cx.mentions.numbers();
    let first = numbers.partition_point(|n| n.span.start < sentence.start);
    let in_sentence: Vec<_> = numbers
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.span.start < sentence.end)
        .filter(|n| !n.compound && n.kind != NumberKind::Ordinal)
        .collect();
    let text = sentence.text(cx.text).trim_end();
    // Several figures in one sentence are a comparison or a breakdown ("from 6% to
    // 7.5%", "48 of the 120 seats, or 40%"), which the number rules check against each
    // other; only a figure standing alone is read. A sentence without figures may state
    // a ranking.
    let (figure, span) = match in_sentence.as_slice() {
        [n] if is_statistic(cx.text, n) => (Some(*n), n.span),
        [] => {
            let m = CLAIM.find_iter(text).next()?;
            (
                None,
                Span::new(sentence.start + m.start(), sentence.start + m.end()),
            )
        }
        _ => return None,
    };
    // A question asks. The writer's own programme anywhere in the sentence ("Since the
    // law passed, 478,000 veterans receive ..."), a plan or a forecast, a definition or
    // a headline states nothing to source.
    if text.ends_with('?') || is_title_case(text) {
        return None;
    }
    let sentence_words = words(text);
    if any_in(&sentence_words, PLAN_WORDS) || any_in(&sentence_words, OWN_ACTION) {
        return None;
    }
    let Some(n) = figure else {
        return Some(span);
    };
    let (before, after) = clause(cx.text, sentence, n.span);
    let clause_words = words(Span::new(before.start, after.end).text(cx.text));
    let priced = n.kind != NumberKind::Cardinal && any_in(&clause_words, PRICE_WORDS);
    (!priced && stated_as_fact(cx.text, before, after)).then_some(span)
}

/// Whether `span` names a source: a reporting word, a quotation or a link.
fn attributed(cx: &CheckContext<'_>, span: Span) -> bool {
    let text = span.text(cx.text);
    let quotes = crate::span::overlapping(&cx.doc.prose.quotations, |q| *q, span);
    if ATTRIBUTION.is_match(text) || quotes.is_some() {
        return true;
    }
    linked(cx, span)
}

fn linked(cx: &CheckContext<'_>, span: Span) -> bool {
    let source = cx.doc.prose.to_source(span);
    cx.doc
        .source
        .get(source.start..source.end)
        .is_some_and(|s| s.contains("](") || s.contains("http") || s.contains("<a "))
}

/// Whether a neighbouring paragraph names a source in the writer's own words: a
/// reporting word outside any quotation (a quotation there is someone's speech, not the
/// source of a figure further on), or a link.
fn attributed_nearby(cx: &CheckContext<'_>, span: Span) -> bool {
    let text = span.text(cx.text);
    let prose = &cx.doc.prose;
    ATTRIBUTION
        .find_iter(text)
        .any(|m| !prose.is_quoted(span.start + m.start()))
        || linked(cx, span)
}

/// Whether a paragraph is a heading or a caption: no sentence ends it.
fn is_heading(text: &str) -> bool {
    !text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '\'', '’', ')'])
}

impl Kind for UnattributedStatistic {
    fn args(&self) -> Vec<String> {
        ["statistic"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let prose = &cx.doc.prose;
        // The article's opening: its first two paragraphs of running text. An article
        // built on a report, a survey or a data release names it there, and its figures
        // come from it.
        let opening: Vec<Span> = prose
            .paragraphs
            .iter()
            .filter(|p| !is_heading(p.text(cx.text)))
            .take(2)
            .copied()
            .collect();
        let sourced = opening
            .iter()
            .any(|p| any_in(&words(p.text(cx.text)), SOURCE_WORDS));
        if sourced {
            return;
        }
        for (index, &paragraph) in prose.paragraphs.iter().enumerate() {
            let text = paragraph.text(cx.text).trim_end();
            // From the first interview answer on, paragraphs are the interviewee's words.
            if text.starts_with("((") {
                break;
            }
            if is_heading(text) {
                continue;
            }
            let first = prose
                .sentences
                .partition_point(|s| s.start < paragraph.start);
            let mut checked = false;
            for &sentence in prose.sentences.get(first..).unwrap_or(&[]) {
                if sentence.start >= paragraph.end {
                    break;
                }
                let Some(span) = statistic(cx, sentence) else {
                    continue;
                };
                if !checked {
                    if attributed(cx, paragraph) || self.neighbours_attribute(cx, index) {
                        break;
                    }
                    checked = true;
                }
                out.push(Finding::at(span).arg("statistic", span.text(cx.text)));
            }
        }
    }
}

impl UnattributedStatistic {
    /// Whether the paragraph before `index` (the one before a heading, when a heading
    /// comes between) or the first sentence of the paragraph after names a source.
    fn neighbours_attribute(&self, cx: &CheckContext<'_>, index: usize) -> bool {
        let prose = &cx.doc.prose;
        let before = prose
            .paragraphs
            .get(..index)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(2)
            .find(|p| !is_heading(p.text(cx.text)));
        if before.is_some_and(|&p| attributed_nearby(cx, p)) {
            return true;
        }
        let next = prose.paragraphs.get(index + 1).and_then(|p| {
            let i = prose.sentences.partition_point(|s| s.start < p.start);
            prose.sentences.get(i).filter(|s| s.start < p.end)
        });
        next.is_some_and(|&s| attributed_nearby(cx, s))
    }
}

pub(super) fn warm_up() {
    LazyLock::force(&CLAIM);
    LazyLock::force(&ATTRIBUTION);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_standing_figures_without_a_source() {
        let k = UnattributedStatistic;
        assert_finds(&k, "Unemployment fell to <<4.2%>> last year.", None);
        assert_finds(&k, "The city was <<ranked third>> for air quality.", None);
        assert_finds(
            &k,
            "<<More than 40 million>> Americans rely on food aid every month.",
            None,
        );
        assert_finds(
            &k,
            "In the region, farms account for <<about 30 percent>> of water use.",
            None,
        );
        assert_finds(&k, "Nurses, who are <<85 percent>> women, are in short supply.", None);
    }

    #[test]
    fn allows_attributed_figures() {
        let k = UnattributedStatistic;
        assert_clean(
            &k,
            "Unemployment fell to 4.2%, the statistics office said.",
            None,
        );
        assert_clean(
            &k,
            "Unemployment fell to 4.2% last year. That is according to the central bank.",
            None,
        );
        assert_clean(
            &k,
            "The labour ministry published its quarterly figures on Monday.\n\n\
             Unemployment fell to 4.2% over the summer.",
            None,
        );
        assert_clean(
            &k,
            "A survey of 2,000 households by the housing charity was released on Monday.\n\n\
             Rents rose again in the spring.\n\nNearly 40% of tenants are behind on rent.",
            None,
        );
    }

    #[test]
    fn allows_actions_events_and_prices() {
        let k = UnattributedStatistic;
        // The subject's own action, and the news event itself.
        assert_clean(&k, "The foundation trained 120,000 teachers last year.", None);
        assert_clean(&k, "About 40,000 people marched through the capital.", None);
        assert_clean(&k, "The storm forced 58,000 residents to leave their homes.", None);
        // Money, prices, taxes and market moves.
        assert_clean(&k, "The bridge cost $2.4 billion.", None);
        assert_clean(&k, "The new tariff is 25% on all steel imports.", None);
        assert_clean(&k, "Shares in the company were 3% lower at the close.", None);
        // The writer's own programme, a plan, a superlative.
        assert_clean(&k, "Over 90% of our grants are to rural towns.", None);
        assert_clean(&k, "The plan would cut emissions to 40% of 2005 levels.", None);
        assert_clean(&k, "It is the largest dam in Africa.", None);
    }

    #[test]
    fn allows_questions_headings_quotes_and_interviews() {
        let k = UnattributedStatistic;
        assert_clean(&k, "Are 60% of voters really undecided?", None);
        assert_clean(&k, "# Unemployment is 4.2%", None);
        assert_clean(&k, "He called it \"a state where 90% are poor\".", None);
        assert_clean(
            &k,
            "The interview follows.\n\n((Ann Lee)) Thanks.\n\nAbout 90% of it is done.",
            None,
        );
        assert_clean(&k, "Twelve people attended the meeting.", None);
    }
}
