//! Mentions: the typed things rules reason about, found in one pass over the prose.

pub mod cue;
pub mod date;
pub mod entity;
mod locale;
pub mod number;
pub mod partition;
pub mod people;
pub mod referent;
pub mod relation;
pub mod role;
pub mod temporal;

pub use cue::{Anchor, AnchorKind, Cue, CueKind, DateContext, Tense};
pub use date::{DateForm, DateMention, WeekdayMention, YearContext};
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
    /// Quantities, percentages and fractions included (see [`NumberKind`]), each with
    /// what it counts and its role (see [`referent::Referent`]).
    pub numbers: Vec<NumberMention>,
    /// The changes between numbers ("from A to B"), indexes into `numbers`.
    pub changes: Vec<relation::ChangeLink>,
}

impl Mentions {
    pub fn dates(&self) -> &[DateMention] {
        &self.dates
    }

    /// The dates whose spans overlap `s`, found by binary search (dates are sorted and
    /// do not overlap each other), so a check that asks this of every mention stays
    /// linear on long documents.
    pub fn dates_overlapping(&self, s: crate::span::Span) -> &[DateMention] {
        let lo = self.dates.partition_point(|d| d.span.end <= s.start);
        let hi = self.dates.partition_point(|d| d.span.start < s.end);
        self.dates.get(lo..hi.max(lo)).unwrap_or(&[])
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

    /// The changes whose values are among `nums` (one sentence's numbers, a subset of
    /// [`Mentions::numbers`]), as indexes into `nums`, in order.
    pub fn changes_among(&self, nums: &[&NumberMention]) -> Vec<relation::FromTo> {
        let (Some(first), Some(last)) = (nums.first(), nums.last()) else {
            return Vec::new();
        };
        let start = |c: &relation::ChangeLink| {
            self.numbers
                .get(c.from.min(c.to))
                .map_or(usize::MAX, |n| n.value_span.start)
        };
        let local = |i: usize| {
            let n = self.numbers.get(i)?;
            nums.iter().position(|m| std::ptr::eq(*m, n))
        };
        let lo = self
            .changes
            .partition_point(|c| start(c) < first.value_span.start);
        self.changes[lo..]
            .iter()
            .take_while(|c| start(c) <= last.value_span.start)
            .filter_map(|c| {
                Some(relation::FromTo {
                    from: local(c.from)?,
                    to: local(c.to)?,
                    stated: match c.stated {
                        Some(s) => Some(local(s)?),
                        None => None,
                    },
                })
            })
            .collect()
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
    referent::read_roles(&prose.text, &prose.sentences, &mut numbers);
    let changes = relation::changes(&prose.text, &prose.sentences, &numbers);
    referent::annotate(&prose.text, &prose.sentences, &changes, &mut numbers);
    let (temporal, contexts) = temporal::extract(prose, &written);
    let mut dates: Vec<DateMention> = written
        .into_iter()
        .zip(contexts)
        .map(|(d, c)| d.with_context(c))
        .collect();
    date::set_year_contexts(&prose.paragraphs, &mut dates);
    Mentions {
        dates,
        temporal,
        entities: Vec::new(),
        people: Vec::new(),
        known: Vec::new(),
        numbers,
        changes,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn a_date_knows_the_years_of_its_paragraph_and_passage() {
        let text = "In 2015 the river flooded on 4 June.\n\nOn 3 October it rose again.\n\n\
                    Then, on 9 May 2019, it fell.\n\nA.\n\nB.\n\nC.\n\nOn 1 March it froze.";
        let (prose, _) = crate::document::markdown::parse(text);
        let m = extract(&prose, &ExtractOptions::default());
        let context = |written: &str| {
            let d = m
                .dates()
                .iter()
                .find(|d| d.span.text(&prose.text) == written);
            d.map(|d| d.year_context.clone())
                .unwrap_or_else(|| panic!("{written} not read: {:?}", m.dates()))
        };
        let june = context("4 June");
        assert_eq!(june.earlier, vec![2015]);
        assert_eq!(june.passage, vec![2015]);
        let october = context("3 October");
        assert!(october.earlier.is_empty());
        assert_eq!(october.passage, vec![2015]);
        assert_eq!(context("9 May 2019").passage, vec![2015, 2019]);
        // Three paragraphs back and no further.
        assert!(context("1 March").passage.is_empty());
    }

    #[test]
    fn dates_overlapping_finds_exactly_the_dates_over_a_span() {
        let text = "On 3 May 2024 and 9 June 2024, then from 1 July to 4 July 2024.";
        let m = extract(&Prose::single_block(text), &ExtractOptions::default());
        let all = m.dates();
        assert!(all.len() >= 3, "{all:?}");
        for (s, e) in [(0, text.len()), (0, 2), (5, 8), (14, 40), (40, 41)] {
            let span = Span::new(s, e);
            let slow: Vec<Span> = all
                .iter()
                .filter(|d| d.span.overlaps(span))
                .map(|d| d.span)
                .collect();
            let fast: Vec<Span> = m.dates_overlapping(span).iter().map(|d| d.span).collect();
            assert_eq!(fast, slow, "{span:?}");
        }
    }
}
