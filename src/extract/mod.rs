//! Mentions: the typed things rules reason about, found in one pass over the prose.

pub mod cue;
pub mod date;
pub mod entity;
mod locale;
pub mod number;
pub mod people;
pub mod temporal;

pub use cue::{Anchor, AnchorKind, Cue, CueKind, DateContext, Tense};
pub use date::{DateForm, DateMention, WeekdayMention};
pub use entity::EntityMention;
pub use locale::Locale;
pub use number::{Bound, NumberKind, NumberMention};
pub use people::PersonMention;
pub use temporal::{
    AgeMention, Beside, DurationMention, PeriodMention, RangeMention, Relative, RelativeMention,
};

use crate::document::Prose;

/// What the extractor needs to know.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExtractOptions {
    pub locale: Locale,
}

/// Every mention in a document, each list sorted by start offset (prose offsets).
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub dates: Vec<DateMention>,
    /// Relative expressions, periods, ranges, durations, anchors, cues and ages.
    pub temporal: temporal::Temporal,
    /// Names of knowledge-base entities (filled by [`extract_with_knowledge`]).
    pub entities: Vec<EntityMention>,
    /// Known people, by full name or by surname after one (filled by
    /// [`extract_with_knowledge`]).
    pub people: Vec<PersonMention>,
    /// Names of the imported knowledge as written, people or not (filled by
    /// [`extract_with_knowledge`]).
    pub known: Vec<crate::kb::atlas::AtlasMatch>,
    /// Quantities, percentages and fractions included (see [`NumberKind`]).
    pub numbers: Vec<NumberMention>,
}

impl Mentions {
    pub fn dates(&self) -> &[DateMention] {
        &self.dates
    }

    pub fn relatives(&self) -> &[RelativeMention] {
        &self.temporal.relatives
    }

    pub fn ranges(&self) -> &[RangeMention] {
        &self.temporal.ranges
    }

    pub fn durations(&self) -> &[DurationMention] {
        &self.temporal.durations
    }

    pub fn ages(&self) -> &[AgeMention] {
        &self.temporal.ages
    }

    /// State anchors ("as of", "currently"); each date also records the one governing it.
    pub fn anchors(&self) -> &[Anchor] {
        &self.temporal.anchors
    }

    pub fn numbers(&self) -> &[NumberMention] {
        &self.numbers
    }
}

/// Load every recognizer's automata (prebuilt, see [`crate::prebuilt`]). They load
/// lazily on first use; calling this on a second thread at start-up overlaps that work
/// with loading the rules.
pub fn warm_up() {
    temporal::warm_up();
    crate::document::markdown::warm_up();
    date::warm_up();
    number::warm_up();
}

/// The recognizers' prebuilt regexes (see [`crate::prebuilt`]).
#[cfg(test)]
pub(crate) fn prebuilt() -> Vec<&'static crate::prebuilt::Prebuilt> {
    vec![
        &temporal::TEMPORAL_RE,
        &date::DATE_RE,
        &number::START_RE,
        &temporal::CUE_GAP_RE,
        &temporal::BESIDE_GAP_RE,
    ]
}

/// Read the mentions of `prose` once; every rule shares the result. Each stage reads
/// what the stages before it produced and produces data of its own: the dates as
/// written, the quantities, the temporal expressions with what they say of each date;
/// the dates are then completed with those contexts.
pub fn extract(prose: &Prose, options: &ExtractOptions) -> Mentions {
    let mut written = Vec::new();
    date::extract(&prose.text, options.locale, &mut written);
    let mut numbers = Vec::new();
    number::extract(&prose.text, &prose.quotations, &written, &mut numbers);
    let (temporal, contexts) = temporal::extract(prose, &written);
    let dates = written
        .into_iter()
        .zip(contexts)
        .map(|(d, c)| d.with_context(c))
        .collect();
    Mentions {
        dates,
        temporal,
        entities: Vec::new(),
        people: Vec::new(),
        known: Vec::new(),
        numbers,
    }
}

/// [`extract`], plus the names of the knowledge base's entities.
pub fn extract_with_knowledge(
    prose: &Prose,
    options: &ExtractOptions,
    kb: &crate::kb::KnowledgeBase,
) -> Mentions {
    let mut mentions = extract(prose, options);
    entity::extract(&prose.text, kb, &mut mentions.entities);
    mentions.known = kb.atlas.find(&prose.text);
    people::extract(
        &prose.text,
        kb,
        &mentions.entities,
        &mentions.known,
        &mut mentions.people,
    );
    mentions
}
