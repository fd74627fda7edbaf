//! `name-inconsistent`: one known entity spelled two ways in one article ("Ernie Bot"
//! and "ERNIE Bot", "Erdogan" and "Erdoğan", "Dmitry Medvedev" and "Dmitri Medvedev").
//!
//! Why: readers take two spellings for two people or products, and house style wants
//! one. The first spelling in the article sets the style; later variants are flagged
//! with it as the fix.
//! Limits: only names of the knowledge base, and only variants: the same name up to
//! case, accents, spaces and hyphens, or a spelling one or two letters away (of names
//! of six letters or more). A short form ("Biden" after "Joe Biden") is not a variant;
//! nor is a fuller form ("Donald J. Trump"), a former name, or a name inside a
//! quotation (a quote keeps its own spelling).

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::EntityMention;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct NameInconsistent;

impl NameInconsistent {
    pub fn new(_: Params) -> Self {
        NameInconsistent
    }
}

impl Build for NameInconsistent {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(NameInconsistent::new(params))
    }
}

/// Lower case, common Latin accents folded, spaces, hyphens and dots removed.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ğ' => 'g',
            'ñ' => 'n',
            'ş' => 's',
            'ō' => 'o',
            other => other,
        })
        .collect()
}

/// Levenshtein distance, giving up (returning `limit + 1`) past `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0).min(limit + 1)
}

/// Whether two spellings of one entity are variants of one name.
fn variants(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    // A name with a word more or fewer ("Donald J. Trump") is a fuller form, not a variant.
    let tokens = |s: &str| -> Vec<String> { s.split_whitespace().map(normalise).collect() };
    let (ta, tb) = (tokens(a), tokens(b));
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if short.len() < long.len() && short.iter().all(|t| long.contains(t)) {
        return false;
    }
    let (na, nb) = (normalise(a), normalise(b));
    if na == nb {
        return true;
    }
    let long = na.chars().count() >= 6 && nb.chars().count() >= 6;
    let same_start = na.chars().take(3).eq(nb.chars().take(3));
    long && same_start && distance(&na, &nb, 2) <= 2
}


impl Kind for NameInconsistent {
    fn args(&self) -> Vec<String> {
        ["found", "first", "entity"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let mentions: Vec<&EntityMention> = cx
            .mentions
            .entities
            .iter()
            .filter(|m| !m.former && !cx.doc.prose.is_quoted(m.span.start))
            .collect();
        // Each entity's distinct spellings so far, in order of first use: a long article
        // repeats a few spellings many times, so this stays short.
        let mut seen: std::collections::HashMap<usize, Vec<&str>> =
            std::collections::HashMap::new();
        for m in &mentions {
            let found = m.span.text(cx.text);
            let spellings = seen.entry(m.entity).or_default();
            // The first earlier spelling of this entity that this one is a variant of.
            let first = spellings.iter().copied().find(|f| variants(f, found));
            if !spellings.contains(&found) {
                spellings.push(found);
            }
            let Some(first) = first else {
                continue;
            };
            let name = cx.kb.entity(m.entity).map_or("", |e| e.name.as_str());
            out.push(
                Finding::at(m.span)
                    .arg("found", found)
                    .arg("first", first)
                    .arg("entity", name)
                    .fix(m.span, first),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_a_second_spelling() {
        assert_finds(
            &NameInconsistent,
            "Ernie Bot launched. Users liked <<ERNIE Bot>>.",
            None,
        );
        assert_finds(
            &NameInconsistent,
            "Erdoğan spoke. Later <<Erdogan>> left.",
            None,
        );
        assert_finds(
            &NameInconsistent,
            "Dmitry Medvedev spoke. Later <<Dmitri Medvedev>> left.",
            None,
        );
    }

    #[test]
    fn allows_short_forms_former_names_and_quotes() {
        assert_clean(
            &NameInconsistent,
            "Joe Biden spoke. Later Biden left.",
            None,
        );
        assert_clean(
            &NameInconsistent,
            "Donald Trump spoke. Donald J. Trump signed.",
            None,
        );
        assert_clean(
            &NameInconsistent,
            "Erdoğan spoke. \"Erdogan is right,\" a voter said.",
            None,
        );
    }
}
