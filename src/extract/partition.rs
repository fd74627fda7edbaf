//! Parts and wholes: which count is a part of which ("12 of the 40 firms"; "Of the 500
//! clinics surveyed, 464 ..."; "There were 50 workers. Of those, 48 ..."; "280 of them"),
//! read once for every check, with the words that link a part, a share or a qualifier
//! to its whole.

use super::relation::phrase_end;
use super::{NumberKind, NumberMention};
use crate::span::Span;

/// "of", "of the", "out of the": the link from a share to its whole.
pub fn is_of_link(g: &str) -> bool {
    let t = g.trim();
    matches!(
        t,
        "of" | "of the" | "out of" | "out of the" | "of all" | "of its" | "of their" | "of those"
    )
}

/// The link from a count to its whole: "of", "out of", then at most a determiner or a
/// possessive ("12 of the 40", "12 out of 40", "12 of its 40", "12 of the city's 40").
pub fn is_partitive_link(g: &str) -> bool {
    let lower = g.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let rest = match words.as_slice() {
        ["of", rest @ ..] | ["out", "of", rest @ ..] => rest,
        _ => return false,
    };
    let determiner = |w: &str| {
        matches!(
            w,
            "the" | "all" | "its" | "their" | "our" | "his" | "her" | "those" | "these"
        )
    };
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'");
    match rest {
        [] => true,
        [d] => determiner(d) || possessive(d),
        ["all", "the"] | ["all", "of", "the"] => true,
        ["the", p] => possessive(p),
        _ => false,
    }
}

/// Words that may qualify a quantity before a share is given for it: "in the study",
/// "surveyed", "polled last month", "across the region".
pub fn is_qualifier(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    let Some(first) = words.first() else {
        return true;
    };
    words.len() <= 4
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’')
        })
        && matches!(
            *first,
            "in" | "at"
                | "on"
                | "from"
                | "across"
                | "nationwide"
                | "overall"
                | "surveyed"
                | "polled"
                | "questioned"
                | "interviewed"
                | "asked"
                | "inspected"
                | "studied"
                | "sampled"
                | "tested"
                | "examined"
                | "checked"
                | "counted"
                | "reviewed"
                | "listed"
                | "registered"
                | "taking"
                | "who"
        )
}

/// The words of the sentence before `pos`, lower case and trimmed.
pub fn clause_before(text: &str, sentence: Span, pos: usize) -> String {
    text.get(sentence.start..pos)
        .unwrap_or("")
        .trim()
        .to_lowercase()
}

/// Whether `lead` (the sentence before a whole) introduces the whole of a partition at
/// the start of a clause: "Of the", "Among", "Out of", "Of its", after nothing or a comma.
pub fn introduces_whole(lead: &str) -> bool {
    const LINKS: &[&str] = &[
        "of the",
        "of",
        "among the",
        "among",
        "out of the",
        "out of",
        "of its",
        "of their",
        "of all the",
        "of all",
    ];
    LINKS.iter().any(|l| {
        lead.strip_suffix(l).is_some_and(|before| {
            let before = before.trim_end();
            (before.is_empty() || before.ends_with(',') || before.ends_with(':'))
                && (before.is_empty() || !before.ends_with(char::is_alphanumeric))
        })
    })
}

/// "Of those,", "Among them,": a part of a whole named before.
pub fn refers_to_whole(lead: &str) -> bool {
    let lead = lead.trim_end_matches(',').trim_end();
    [
        "of those",
        "of them",
        "of these",
        "among them",
        "among those",
        "among these",
        "of that number",
        "of the total",
        "of whom",
        "of which",
    ]
    .iter()
    .any(|l| {
        lead.strip_suffix(l).is_some_and(|before| {
            let before = before.trim_end();
            before.is_empty() || before.ends_with(',') || before.ends_with(" and")
        })
    })
}

pub fn same_noun(a: &NumberMention, b: &NumberMention) -> bool {
    match (&a.noun, &b.noun) {
        (Some(x), Some(y)) => x.trim_end_matches('s') == y.trim_end_matches('s'),
        _ => true,
    }
}

/// For each number of `numbers` (sorted, with their roles read), the index of the whole
/// it is a part of, found in its sentence or, for "Of those, 48" and "48 of them", the
/// sentence before.
pub fn wholes(text: &str, sentences: &[Span], numbers: &[NumberMention]) -> Vec<Option<usize>> {
    let mut out = vec![None; numbers.len()];
    let counts = |sentence: Span| -> Vec<usize> {
        super::relation::indexes_in(numbers, sentence)
            .filter(|&i| {
                let n = &numbers[i];
                sentence.contains(n.span)
                    && n.kind == NumberKind::Cardinal
                    && n.referent.role.is_quantity()
            })
            .collect()
    };
    let mut before: Vec<usize> = Vec::new();
    for &sentence in sentences {
        let idx = counts(sentence);
        for (j, &i) in idx.iter().enumerate() {
            let p = &numbers[i];
            // "12 of the 40 firms": the part, its link, the whole.
            if let Some(&w) = idx.get(j + 1) {
                let whole = &numbers[w];
                if (p.noun.is_none() || same_noun(p, whole))
                    && is_partitive_link(&super::number::gap(text, p.span, whole.span))
                {
                    out[i] = Some(w);
                    continue;
                }
            }
            // "Of the 500 clinics surveyed, 464": the whole first.
            if let Some(&q) = j.checked_sub(1).and_then(|k| idx.get(k)) {
                let whole = &numbers[q];
                if whole.noun.is_some()
                    && same_noun(whole, p)
                    && introduces_whole(&clause_before(text, sentence, whole.span.start))
                    && text
                        .get(phrase_end(whole)..p.span.start)
                        .and_then(|g| g.trim().strip_suffix(','))
                        .is_some_and(is_qualifier)
                {
                    out[i] = Some(q);
                    continue;
                }
            }
            // "Of those, 48" and "48 of them": the whole is the last count with a noun
            // before, in this sentence or the one before.
            let after = crate::span::head(text, p.span.end, 24)
                .trim_start()
                .to_lowercase();
            let back = refers_to_whole(&clause_before(text, sentence, p.span.start))
                || ["of them", "of those", "of these"]
                    .iter()
                    .any(|l| after.starts_with(l));
            if back {
                let whole = idx[..j]
                    .iter()
                    .rev()
                    .chain(before.iter().rev())
                    .copied()
                    .find(|&w| numbers[w].noun.is_some());
                if let Some(w) =
                    whole.filter(|&w| same_noun(&numbers[w], p) && p.value <= numbers[w].value)
                {
                    out[i] = Some(w);
                }
            }
        }
        before = idx;
    }
    out
}
