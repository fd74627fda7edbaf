//! Helpers shared by the tense kinds (`future-as-past`, `past-as-future`,
//! `future-report`): a date whose cue puts it on one side of the reference date while
//! the date itself lies on the other.
//!
//! Each kind says which cue it reads; the helper applies the common guards (a reference
//! date, no quotation or hedge, a date with a year, `min_days` of slack) and builds the
//! finding with the `date`, `cue` and `reference` placeholders.

use jiff::civil::Date;
use serde::Deserialize;

use super::calendar::{add_days, reference_text};
use super::context::{CheckContext, Finding};
use crate::extract::{CueKind, DateMention};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Days on the wrong side of the reference date that are still tolerated.
    #[serde(default = "two")]
    pub min_days: i64,
}

fn two() -> i64 {
    2
}

impl Default for Params {
    fn default() -> Self {
        Params { min_days: 2 }
    }
}

/// The side of the reference date on which a date contradicts its cue.
#[derive(Clone, Copy, Debug)]
pub enum Wrong {
    /// Told as past (or already measured): wrong when it starts after the reference date.
    After,
    /// Told as future: wrong when it ends before the reference date.
    Before,
}

/// The message placeholders every tense kind fills.
pub fn args() -> Vec<String> {
    ["date", "cue", "reference"].map(String::from).to_vec()
}

/// For [`misdated`]: the span of a date's cue when it is of `kind`.
pub fn cue(kind: CueKind) -> impl Fn(&DateMention) -> Option<Span> {
    move |d| d.cue.filter(|c| c.kind == kind).map(|c| c.span)
}

/// The dates outside quotations and hedges that `cue` picks (it returns the cue's span)
/// and that lie more than `params.min_days` on the `wrong` side of `reference`, each
/// with that span.
pub fn misdated<'a>(
    cx: &'a CheckContext<'_>,
    reference: Date,
    params: &Params,
    wrong: Wrong,
    cue: impl Fn(&DateMention) -> Option<Span> + 'a,
) -> impl Iterator<Item = (&'a DateMention, Span)> + 'a {
    let limit = match wrong {
        Wrong::After => add_days(reference, params.min_days),
        Wrong::Before => add_days(reference, -params.min_days),
    };
    cx.mentions.dates().iter().filter_map(move |d| {
        let cue_span = cue(d)?;
        if d.quoted || d.hedged {
            return None;
        }
        let (first, last) = d.bounds()?;
        let beyond = match wrong {
            Wrong::After => first > limit,
            Wrong::Before => last < limit,
        };
        beyond.then_some((d, cue_span))
    })
}

/// The finding on a misdated date, with `label` on its cue.
pub fn finding(
    cx: &CheckContext<'_>,
    reference: Date,
    d: &DateMention,
    cue: Span,
    label: &str,
) -> Finding {
    Finding::at(d.date_span)
        .arg("date", d.date_span.text(cx.text))
        .arg("cue", cue.text(cx.text))
        .arg("reference", reference_text(cx, reference))
        .label(cue, label)
}
