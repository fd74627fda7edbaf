//! Entities: names from the knowledge base, found in one Aho-Corasick pass over the
//! prose (one automaton per case rule), kept only where they stand as whole words.

use crate::kb::KnowledgeBase;
use crate::span::Span;

/// A name of a known entity, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub span: Span,
    /// Index into [`KnowledgeBase::entities`].
    pub entity: usize,
    /// The text uses a former name ("Twitter" for X).
    pub former: bool,
}

/// Every entity name in `text`, sorted by start; overlapping names keep the longest.
pub fn extract(text: &str, kb: &KnowledgeBase, out: &mut Vec<EntityMention>) {
    out.extend(kb.find(text).into_iter().map(|m| EntityMention {
        span: m.span,
        entity: m.name.entity,
        former: m.name.former,
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_aliases_and_former_names() {
        let kb = crate::kb::load(&[]).expect("built-in knowledge");
        let text = "Users of Chat GPT moved from Twitter; ChatGPTs and xChatGPT are not names.";
        let mut found = Vec::new();
        extract(text, &kb, &mut found);
        let names: Vec<(&str, bool)> = found
            .iter()
            .map(|m| (m.span.text(text), m.former))
            .collect();
        assert_eq!(names, vec![("Chat GPT", false), ("Twitter", true)]);
    }
}
