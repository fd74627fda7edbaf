//! `unattributed-statistic`: a sentence with a statistic (a percentage, a large count of
//! something, a superlative such as "the largest" or "a record", a ranking such as
//! "ranked third") and no attribution in its sentence or paragraph.
//!
//! Why: a figure without a source is the first thing a fact-checker asks about; the rule
//! is a triage hint for the editor (info level), never a verdict.
//! Limits: precision over recall. Attribution is any reporting verb ("said", "told",
//! "reported", "estimated", "according to", ...), a named report, survey, study, poll,
//! census or data, a poll or a vote count, a link, or a quotation in the paragraph.
//! Headings (a paragraph that does not end a sentence), interview answers and quoted
//! figures are skipped. Counts must be of at least 10,000
//! things, or money of at least a million, and stand alone in the sentence (several
//! figures are a comparison or breakdown for the number rules). Only the first statistic
//! of a sentence is reported.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::number::{is_change_amount};
use crate::extract::NumberKind;
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

/// The statistic a sentence states, if any: the first percentage, large count, large sum
/// of money, superlative or ranking.
fn statistic(cx: &CheckContext<'_>, sentence: Span) -> Option<Span> {
    let mut found: Option<Span> = None;
    let mut keep = |s: Span| {
        if found.is_none_or(|f| s.start < f.start) {
            found = Some(s);
        }
    };
    let numbers = cx.mentions.numbers();
    let first = numbers.partition_point(|n| n.span.start < sentence.start);
    let in_sentence: Vec<_> = numbers
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.span.start < sentence.end)
        .filter(|n| !n.compound && n.kind != NumberKind::Ordinal)
        .collect();
    // Several figures in one sentence are a comparison or a breakdown ("from 6% to
    // 7.5%", "48 of the 120 seats, or 40%"), which the number rules check against each
    // other; only a figure standing alone is flagged.
    let figures: &[_] = if in_sentence.len() == 1 {
        &in_sentence
    } else {
        &[]
    };
    for n in figures.iter().copied() {
        // A change ("will rise 2%") is a plan or a comparison, not a level to source.
        if n.quoted || (n.kind == NumberKind::Percent && is_change_amount(cx.text, n)) {
            continue;
        }
        let hit = match n.kind {
            NumberKind::Percent => true,
            NumberKind::Cardinal if n.currency.is_some() => n.value >= 1e6,
            NumberKind::Cardinal => n.value >= 10_000.0 && n.noun.is_some() && !n.words,
            _ => false,
        };
        if hit {
            keep(n.span);
            break;
        }
    }
    let text = sentence.text(cx.text);
    // "one of the largest", "some of the biggest": hedged, not a checkable ranking.
    let hedged = |at: usize| {
        let before = text.get(..at).unwrap_or("").trim_end().to_ascii_lowercase();
        before.ends_with(" of") || before.ends_with("among")
    };
    if let Some(m) = CLAIM.find_iter(text).find(|m| !hedged(m.start())) {
        keep(Span::new(
            sentence.start + m.start(),
            sentence.start + m.end(),
        ));
    }
    found
}

/// Whether the paragraph names a source: a reporting word, a quotation or a link.
fn attributed(cx: &CheckContext<'_>, paragraph: Span) -> bool {
    let text = paragraph.text(cx.text);
    let quotes = crate::span::overlapping(&cx.doc.prose.quotations, |q| *q, paragraph);
    if ATTRIBUTION.is_match(text) || quotes.is_some() {
        return true;
    }
    let source = cx.doc.prose.to_source(paragraph);
    cx.doc
        .source
        .get(source.start..source.end)
        .is_some_and(|s| s.contains("](") || s.contains("http") || s.contains("<a "))
}

impl Kind for UnattributedStatistic {
    fn args(&self) -> Vec<String> {
        ["statistic"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let prose = &cx.doc.prose;
        for &paragraph in &prose.paragraphs {
            let text = paragraph.text(cx.text).trim_end();
            // From the first interview answer on, paragraphs are the interviewee's words.
            if text.starts_with("((") {
                break;
            }
            // A heading or a caption: no sentence ends it.
            if !text.ends_with(['.', '!', '?', '"', '”', '\'', '’', ')']) {
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
                    if attributed(cx, paragraph) {
                        break;
                    }
                    checked = true;
                }
                out.push(Finding::at(span).arg("statistic", span.text(cx.text)));
            }
        }
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
    fn flags_figures_without_a_source() {
        let k = UnattributedStatistic;
        assert_finds(&k, "Unemployment fell to <<4.2%>> last year.", None);
        assert_finds(&k, "It is <<the largest>> dam in Africa.", None);
        assert_finds(&k, "The city was <<ranked third>> for air quality.", None);
        assert_finds(&k, "Sales reached <<a record>> in March.", None);
    }

    #[test]
    fn allows_attributed_and_small_figures() {
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
        assert_clean(&k, "Twelve people attended the meeting.", None);
        assert_clean(&k, "It is one of the largest fairs in Canada.", None);
        assert_clean(
            &k,
            "The interview follows.\n\n((Ann Lee)) Thanks.\n\nAbout 90% of it is done.",
            None,
        );
        assert_clean(&k, "# Unemployment falls to 4.2%", None);
        assert_clean(&k, "He called it \"the largest fraud in history\".", None);
    }
}
