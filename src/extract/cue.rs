//! Cues and anchors: the words that say how a date relates to the time of writing.
//! The temporal recognizer finds them; dates record the ones that govern them.

use crate::span::Span;

/// A state anchor: words that tie a figure to a moment, usually the present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub span: Span,
    pub kind: AnchorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorKind {
    /// "as of", "as at"
    AsOf,
    /// "at the end of", "by the end of"
    EndOf,
    /// "currently"
    Currently,
    /// "now"
    Now,
    /// "to date", "so far"
    ToDate,
}

impl AnchorKind {
    /// Whether the anchor governs only the date written right after it.
    pub fn is_immediate(self) -> bool {
        matches!(self, AnchorKind::AsOf | AnchorKind::EndOf)
    }
}

/// A word or phrase that says how a date relates to the time of writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub kind: CueKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// An event told as past: "was held", "took place", "died".
    PastEvent,
    /// A figure told as already reported or measured: "was recorded", "were reported".
    Report,
    /// Future tense or a plan in the present: "will be held", "is scheduled to".
    Future,
    /// A past plan: "was scheduled to", "was expected to". Never an error.
    PlannedPast,
    /// "born", "born in", "born on".
    Born,
    /// "if", "unless", "would", "could", "might", "should", "whether".
    Conditional,
    /// Reported speech: "said", "told", "according to".
    Speech,
}

impl CueKind {
    /// The tense the cue puts its date in.
    pub fn tense(self) -> Option<Tense> {
        match self {
            CueKind::PastEvent | CueKind::Report | CueKind::Born => Some(Tense::Past),
            CueKind::Future => Some(Tense::Future),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// What the temporal expressions say of one date: the cue and anchor that govern it,
/// and whether it is quoted or hedged. One per date, in the order of the dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateContext {
    pub cue: Option<Cue>,
    pub anchor: Option<Anchor>,
    pub quoted: bool,
    pub hedged: bool,
}
