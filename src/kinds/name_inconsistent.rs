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

/// `s` with its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// Whether the mention is the first word of its sentence (an opening quotation mark or
/// bracket may stand before it), where a capital says nothing about the name.
fn begins_sentence(cx: &CheckContext<'_>, m: &EntityMention) -> bool {
    cx.doc.prose.sentence_at(m.span.start).is_some_and(|s| {
        cx.text
            .get(s.start..m.span.start)
            .is_some_and(|before| before.chars().all(|c| matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '*' | '_' | ' ')))
    })
}

/// Whether the mention stands between capitalised words, as in the name of an office or
/// a plan ("National Mpox Response Team").
fn in_title_case(cx: &CheckContext<'_>, m: &EntityMention) -> bool {
    let capital = |w: Option<&str>| {
        w.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let before = cx.text.get(..m.span.start).unwrap_or("");
    let after = cx.text.get(m.span.end..).unwrap_or("");
    let previous = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next());
    let next = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
    capital(previous) || capital(next)
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
        // Each entity's distinct spellings so far, in order of first use, with whether
        // that use began a sentence: a long article repeats a few spellings many times,
        // so this stays short.
        let mut seen: std::collections::HashMap<usize, Vec<(&str, bool)>> =
            std::collections::HashMap::new();
        let mut reported: std::collections::HashMap<(usize, &str), usize> =
            std::collections::HashMap::new();
        for m in &mentions {
            let found = m.span.text(cx.text);
            // A capital at a sentence's start, or inside a title-case name ("the White
            // House Mpox Response Team"), says nothing about how the name is spelled.
            let initial = begins_sentence(cx, m) || in_title_case(cx, m);
            let spellings = seen.entry(m.entity).or_default();
            // The first earlier spelling of this entity that this one is a variant of.
            let first = spellings
                .iter()
                .find(|&&(f, f_initial)| {
                    // A sentence's first word takes a capital: "Mpox spread" and "cases
                    // of mpox" are one spelling.
                    let case_of_start = (initial || f_initial) && lower_first(f) == lower_first(found);
                    !case_of_start && variants(f, found)
                })
                .map(|&(f, _)| f);
            if !spellings.iter().any(|&(f, i)| f == found && i == initial) {
                spellings.push((found, initial));
            }
            let Some(first) = first else {
                continue;
            };
            // One finding per variant spelling: its later uses are labels of the first.
            if let Some(i) = reported.get(&(m.entity, found)) {
                if let Some(finding) = out.get_mut(*i) {
                    finding.labels.push((m.span, "written this way again".to_string()));
                }
                continue;
            }
            let name = cx.kb.entity(m.entity).map_or("", |e| e.name.as_str());
            reported.insert((m.entity, found), out.len());
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
    fn regression_a_capital_at_a_sentence_start_or_in_a_title_is_not_a_spelling() {
        assert_clean(
            &NameInconsistent,
            "Cases of mpox rose. Mpox spreads by contact. The State Mpox Response Team met.",
            None,
        );
        // Mid-sentence and alone, the capital is a second spelling.
        assert_finds(
            &NameInconsistent,
            "Cases of mpox rose, and officials said <<Mpox>> spreads by contact.",
            None,
        );
    }

    #[test]
    fn reports_each_variant_once_with_its_other_places_as_labels() {
        let f = assert_finds(
            &NameInconsistent,
            "Erdoğan spoke. Later <<Erdogan>> left. Then Erdogan returned, and Erdogan ate.",
            None,
        );
        assert_eq!(f.labels.len(), 2, "{f:?}");
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
