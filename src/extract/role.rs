//! The record of what a number refers to (see [`super::referent`], which reads it):
//! what it counts, whose it is, and its role in its sentence.

use crate::span::Span;

/// What a number is in its sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// A count or an amount of its referent: "52 homes", "$45m".
    #[default]
    Quantity,
    /// A part of a whole given beside it: the 12 of "12 of the 40 firms".
    Part,
    /// The whole of a partition: the 40 of "12 of the 40 firms".
    Whole,
    /// A percentage or a fraction of some whole: "45%", "two-thirds".
    Share,
    /// The size of a change: "rose 40%", "a cut of a third", "up 3 points".
    Change,
    /// The earlier value of a change: the 200 of "from 200 to 250".
    ChangeFrom,
    /// The later value of a change: the 250 of "from 200 to 250".
    ChangeTo,
    /// A factor: the "three" of "three times as many".
    Multiplier,
    /// A position: "21st", "No. 5", "ranked 3".
    Rank,
    /// A year or a time written as a number: "in 2019".
    Time,
    /// A label: "PEB 236", "Flight 370", "#4".
    Identifier,
    /// A street number: "1600 Pennsylvania Avenue", "10 Downing Street".
    Address,
    /// A race or an event named by its distance: "the 1,500 metres", "the 100m final".
    Event,
}

impl Role {
    /// Whether the number is a quantity of something at all: a rank, a year, a label, a
    /// street number or an event's distance is not.
    pub fn is_quantity(self) -> bool {
        !matches!(
            self,
            Role::Rank | Role::Time | Role::Identifier | Role::Address | Role::Event
        )
    }
}

/// What a number counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    /// The singular of the noun counted: "bed" for "367 beds" and "the 367-bed
    /// hospital", "person" for "12 people", "contract" for "the $45m contract" and "the
    /// contract is worth $45m".
    Noun(String),
    /// A sum of money that names nothing it is the value of ("raised $45m").
    Sum,
}

/// What a number refers to (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Referent {
    /// What the number counts, when the grammar shows it.
    pub what: Option<What>,
    /// A word between the number and its noun ("563 new homes").
    pub modifier: Option<String>,
    /// The noun follows the number, so the words after it complete the noun ("homes in
    /// the valley"), not the verb ("raised $45m from investors").
    pub noun_after: bool,
    /// The words of its clause before it that may say whose figure it is, lower case
    /// ("lithium to supply 2 million scooters": lithium, supply).
    /// (The clause before it: see [`Referent::owner_words`].)
    pub owner: Span,
    /// The words that complete the noun after it, up to the clause's end ("with red
    /// flag laws"), lower case; empty when none begin with a preposition.
    /// (Its first words: see [`Referent::complement_words`].)
    pub complement: Option<Span>,
    /// What happened to what it counts, when the clause says so ("killed 52 people",
    /// "the 54 people who died": `death`).
    pub outcome: Option<&'static str>,
    /// It points back to a figure already given: "the 14 victims", "its 1.4 trillion
    /// parameters", "all 14", "the agency's 14 inspectors".
    pub points_back: bool,
    pub role: Role,
    /// For a [`Role::Part`], the index of its whole in [`super::Mentions::numbers`].
    pub whole: Option<usize>,
    /// Its sentence.
    pub sentence: Span,
    /// Its clause: the sentence between the nearest clause marks (",", ";", ":", "—",
    /// "(") around its phrase.
    pub clause: Span,
    /// It is one item of a list of different things: a sentence giving quantities of
    /// several nouns ("400 shotguns; 120 radios; and 30 trucks"), two figures of one noun
    /// ("$4.4 billion for 277 projects, $800 million for 540 projects"), or a line that
    /// opens with a label ("Florida: $213 million").
    pub list_item: bool,
}
