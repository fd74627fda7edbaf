//! Mentions: the typed things rules reason about, found in one pass over the prose.

pub mod date;
pub mod number;

use serde::Deserialize;

pub use date::{DateForm, DateMention, WeekdayMention};
pub use number::{Bound, NumberKind, NumberMention};

use crate::document::Prose;

/// The order of day and month in numeric dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Locale {
    /// 11/29/2026
    #[serde(rename = "en-US")]
    EnUs,
    /// 29/11/2026
    #[serde(rename = "en-GB")]
    EnGb,
    /// Unknown: only numeric dates whose order is evident are read.
    #[default]
    #[serde(skip)]
    Unknown,
}

/// What the extractor needs to know.
#[derive(Clone, Copy, Debug, Default)]
pub struct ExtractOptions {
    pub locale: Locale,
}

/// Every mention in a document, each list sorted by start offset (prose offsets).
#[derive(Clone, Debug, Default)]
pub struct Mentions {
    pub dates: Vec<DateMention>,
    /// Quantities, percentages and fractions included (see [`NumberKind`]).
    pub numbers: Vec<NumberMention>,
}

impl Mentions {
    pub fn dates(&self) -> &[DateMention] {
        &self.dates
    }

    pub fn numbers(&self) -> &[NumberMention] {
        &self.numbers
    }
}

/// Read the mentions of `prose` once; every rule shares the result.
pub fn extract(prose: &Prose, options: &ExtractOptions) -> Mentions {
    let mut mentions = Mentions::default();
    date::extract(&prose.text, options.locale, &mut mentions.dates);
    number::extract(&prose.text, &mentions.dates, &mut mentions.numbers);
    mentions
}
