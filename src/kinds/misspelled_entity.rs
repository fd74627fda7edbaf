//! `misspelled-entity`: a near-miss spelling of a known two-word name ("Xi Jingping",
//! "Angela Merkle", "Emanuel Macron"), with the right spelling as the fix.
//!
//! Why: a misspelt name is the most visible error a news story can make, and a spell
//! checker knows neither the right spelling nor that the word is a name.
//! Limits: names of the knowledge base written as two words; one word must match
//! exactly and the other be one edit away (a transposition counts as one): a letter
//! replaced or swapped in a word of six letters or more, added or dropped in one of
//! seven or more, so "Li Qiang" and "Li Jiang" or "Mark Carney" and "Mark Carey" (other
//! people) are never confused. A word that is itself part of a known name is not a
//! misspelling. The pairs of capitalised words are read from the prose here, since the
//! extractor only reports names it knows.
//!
//! House spellings: an entity's `avoid:` spellings ("Open AI" for OpenAI) are flagged
//! wherever they stand as words, with the canonical name as a safe fix.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct MisspelledEntity;

impl MisspelledEntity {
    pub fn new(_: Params) -> Self {
        MisspelledEntity
    }
}

impl Build for MisspelledEntity {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(MisspelledEntity::new(params))
    }
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
fn osa(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    if let Some(first) = d.first_mut() {
        for (j, cell) in first.iter_mut().enumerate() {
            *cell = j;
        }
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Capitalised words of `text` with their spans (runs of letters; ASCII is read byte by
/// byte, other characters decoded).
fn capitalised_words(text: &str) -> Vec<(Span, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i <= bytes.len() {
        let (letter, len) = match bytes.get(i) {
            None => (false, 1),
            Some(b) if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
            Some(_) => {
                let c = text.get(i..).and_then(|t| t.chars().next());
                (
                    c.is_some_and(char::is_alphabetic),
                    c.map_or(1, char::len_utf8),
                )
            }
        };
        match (start, letter) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text.get(s..i).unwrap_or("");
                if word.chars().next().is_some_and(char::is_uppercase) {
                    out.push((Span::new(s, i), word));
                }
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    out
}

impl Kind for MisspelledEntity {
    fn args(&self) -> Vec<String> {
        ["found", "name"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for m in cx.kb.find_avoided(cx.text) {
            if let Some(e) = cx.kb.entity(m.name.entity) {
                out.push(
                    Finding::at(m.span)
                        .arg("found", m.span.text(cx.text))
                        .arg("name", &e.name)
                        .fix(m.span, e.name.clone()),
                );
            }
        }
        // Two-word names, and every word of every name (never a misspelling itself).
        let names = cx.kb.two_word_names();
        // Entity spans by start, with the furthest end so far: a span lies inside some
        // entity exactly when an entity starting at or before it reaches its end.
        let mut entity_spans: Vec<crate::span::Span> =
            cx.mentions.entities.iter().map(|m| m.span).collect();
        entity_spans.sort();
        let mut furthest = Vec::with_capacity(entity_spans.len());
        let mut end = 0;
        for s in &entity_spans {
            end = end.max(s.end);
            furthest.push(end);
        }
        let inside_entity = |span: crate::span::Span| {
            let n = entity_spans.partition_point(|s| s.start <= span.start);
            n > 0 && furthest[n - 1] >= span.end
        };
        let words = capitalised_words(cx.text);
        for w in words.windows(2) {
            let [(s1, w1), (s2, w2)] = [w[0], w[1]];
            // Adjacent: one space between the words.
            if cx.text.get(s1.end..s2.start) != Some(" ") {
                continue;
            }
            let span = s1.cover(s2);
            if inside_entity(span) {
                continue;
            }
            // A letter swapped or replaced in a word of six letters or more; a letter
            // added or dropped only from seven ("Carey" is not "Carney").
            let near = |found: &str, right: &str| {
                let (lf, lr) = (found.chars().count(), right.chars().count());
                found != right
                    && (lr >= 7 || (lr >= 6 && lf == lr))
                    && !names.known_words.contains(found)
                    && osa(found, right) == 1
            };
            let by_first = names.by_first.get(w1).into_iter().flatten();
            let by_second = names.by_second.get(w2).into_iter().flatten();
            let mut candidates: Vec<usize> = by_first.chain(by_second).copied().collect();
            candidates.sort_unstable();
            let hit = candidates.into_iter().find_map(|i| {
                let (first, second, name) = &names.pairs[i];
                ((w1 == first && near(w2, second)) || (w2 == second && near(w1, first)))
                    .then_some(name)
            });
            if let Some(name) = hit {
                out.push(
                    Finding::at(span)
                        .arg("found", span.text(cx.text))
                        .arg("name", name)
                        .unsafe_fix(span, name.clone()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_near_misses_of_known_names() {
        assert_finds(
            &MisspelledEntity,
            "<<Xi Jingping>> met the delegation.",
            None,
        );
        assert_finds(
            &MisspelledEntity,
            "Chancellor <<Angela Merkle>> spoke.",
            None,
        );
        assert_finds(&MisspelledEntity, "<<Emanuel Macron>> spoke.", None);
        let f = assert_finds(&MisspelledEntity, "<<Open AI>> released a model.", None);
        assert_eq!(f.fix.map(|x| x.1), Some("OpenAI".to_string()));
    }

    #[test]
    fn allows_right_spellings_and_other_people() {
        assert_clean(
            &MisspelledEntity,
            "Xi Jinping met Li Qiang and Li Jiang.",
            None,
        );
        assert_clean(&MisspelledEntity, "Mark Carey and Mark Carney met.", None);
        assert_clean(&MisspelledEntity, "Boris Johnson met Boris Becker.", None);
    }
}
