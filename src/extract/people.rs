//! People: known persons named in the text, from the hand-written knowledge and the
//! imported one, and the later mentions of them by surname alone ("Womack said").
//!
//! An imported name is taken only when it is a full name (two words or more) that
//! names exactly one known person; a name shared by two people, or also the name of a
//! place, stays out. A surname is followed through the text only when one person named
//! in it has that surname.

use crate::kb::atlas::AtlasMatch;
use crate::kb::atlas_index::{type_code, FLAG_ALIAS};
use crate::kb::{EntityRef, KnowledgeBase};
use crate::span::Span;

use super::entity::EntityMention;

/// A known person, as named in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonMention {
    pub span: Span,
    pub who: EntityRef,
    /// Named by surname alone, after a full mention.
    pub surname_only: bool,
}

/// The people named in `text`, sorted by start.
pub fn extract(
    text: &str,
    kb: &KnowledgeBase,
    entities: &[EntityMention],
    known: &[AtlasMatch],
    out: &mut Vec<PersonMention>,
) {
    let person = type_code("person");
    for m in entities {
        if kb.entity(m.entity).is_some_and(|e| e.kind == "person") {
            out.push(PersonMention {
                span: m.span,
                who: EntityRef::Local(m.entity),
                surname_only: false,
            });
        }
    }
    // The hand-written names are sorted by start and do not overlap.
    let overlaps = |span: Span| {
        let i = entities.partition_point(|e| e.span.end <= span.start);
        entities.get(i).is_some_and(|e| e.span.overlaps(span))
    };
    let mut surnames: Vec<(String, EntityRef, usize)> = Vec::new();
    for m in known {
        let written = m.span.text(text);
        if !written.contains(char::is_whitespace) || overlaps(m.span) {
            continue;
        }
        let rows: Vec<_> = m.rows.clone().filter_map(|r| kb.atlas.entry(r)).collect();
        let Some(first) = rows.first() else { continue };
        if rows
            .iter()
            .any(|e| e.ty != person || e.entity != first.entity)
        {
            continue;
        }
        let who = EntityRef::Imported(first.entity);
        out.push(PersonMention {
            span: m.span,
            who,
            surname_only: false,
        });
        // An alias such as a nickname is not followed by surname.
        if first.flags & FLAG_ALIAS == 0 || rows.len() == 1 {
            if let Some(last) = written.split_whitespace().last() {
                let surname = last.trim_end_matches(['.', ',']);
                let seen = surnames.iter().any(|(s, w, _)| *w == who && s == surname);
                if !seen
                    && surname.chars().count() > 2
                    && !matches!(surname, "Jr" | "Sr" | "II" | "III")
                {
                    surnames.push((surname.to_string(), who, m.span.end));
                }
            }
        }
    }
    follow_surnames(text, kb, &surnames, out);
    out.sort_by_key(|p| p.span.start);
    out.dedup_by_key(|p| p.span);
}

/// The mentions of each surname after its person's full name, where one person named in
/// the text has that surname and the word stands alone (no capitalised word beside it).
fn follow_surnames(
    text: &str,
    kb: &KnowledgeBase,
    surnames: &[(String, EntityRef, usize)],
    out: &mut Vec<PersonMention>,
) {
    let full: Vec<Span> = out.iter().map(|p| p.span).collect();
    for (surname, who, after) in surnames {
        if surnames.iter().any(|(s, w, _)| s == surname && w != who) {
            continue;
        }
        // A surname that is also a known place or another known name is not followed.
        if kb
            .atlas
            .lookup(surname)
            .iter()
            .any(|e| e.ty != type_code("person"))
            || kb.lookup(surname).is_some_and(|e| e.kind != "person")
        {
            continue;
        }
        let first = out
            .iter()
            .filter(|p| p.who == *who)
            .map(|p| p.span.end)
            .min();
        let from = first.unwrap_or(*after);
        let mut at = from;
        while let Some(found) = text.get(at..).and_then(|t| t.find(surname.as_str())) {
            let start = at + found;
            let end = start + surname.len();
            at = end;
            let span = Span::new(start, end);
            if full.iter().any(|f| f.overlaps(span)) || !stands_alone(text, span) {
                continue;
            }
            out.push(PersonMention {
                span,
                who: *who,
                surname_only: true,
            });
        }
    }
}

/// No letter touches the word, and no capitalised word stands right before or after it
/// ("Womack" in "Womack County" or "Steve Womack" is not a surname on its own).
fn stands_alone(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let after = &text[span.end..];
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        || after.chars().next().is_some_and(char::is_alphanumeric)
    {
        return false;
    }
    let capitalised_next =
        |s: &str| s.starts_with(' ') && s[1..].chars().next().is_some_and(char::is_uppercase);
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("\u{2019}s"))
        .unwrap_or(after);
    if capitalised_next(after) {
        return false;
    }
    let prev_word = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next());
    !prev_word.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_title(w))
}

/// Titles written before a surname ("Sen. Womack", "President Biden").
pub fn is_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Sen"
            | "Senator"
            | "Rep"
            | "Representative"
            | "Congressman"
            | "Congresswoman"
            | "President"
            | "Gov"
            | "Governor"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Secretary"
            | "Speaker"
            | "Leader"
            | "Judge"
            | "Justice"
            | "Mayor"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<(String, bool)> {
        let kb = crate::kb::load(&[]).expect("built-in knowledge");
        let mut entities = Vec::new();
        super::super::entity::extract(text, &kb, &mut entities);
        let mut out = Vec::new();
        let known = kb.atlas.find(text);
        extract(text, &kb, &entities, &known, &mut out);
        out.iter()
            .map(|p| (p.span.text(text).to_string(), p.surname_only))
            .collect()
    }

    #[test]
    fn full_names_then_surnames() {
        let found = people(
            "Rep. Steve Womack spoke first. Womack said the bill would pass; Sen. Womack is wrong. Womack County voted.",
        );
        assert_eq!(found[0], ("Steve Womack".to_string(), false));
        assert!(found.contains(&("Womack".to_string(), true)), "{found:?}");
        assert_eq!(
            found.iter().filter(|f| f.0 == "Womack").count(),
            2,
            "{found:?}"
        );
    }

    #[test]
    fn a_surname_alone_is_not_a_person() {
        assert!(people("Womack said the bill would pass.").is_empty());
    }
}
