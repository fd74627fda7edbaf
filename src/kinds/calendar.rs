//! Helpers shared by the date kinds: how dates and reference dates read in messages.

use jiff::civil::Date;

use super::context::CheckContext;
use crate::extract::date::month_name;

/// "14 March 2022".
pub fn day_text(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month()), d.year())
}

/// "1 February 2027 (the front matter)", for messages that cite the reference date.
pub fn reference_text(cx: &CheckContext<'_>, reference: Date) -> String {
    format!(
        "{} ({})",
        day_text(reference),
        cx.reference.source.describe()
    )
}

/// `d` plus `n` days, saturating at the calendar's ends.
pub fn add_days(d: Date, n: i64) -> Date {
    // A huge `min_days` from a rule file must not panic: jiff's `days` would.
    jiff::Span::new()
        .try_days(n)
        .ok()
        .and_then(|span| d.checked_add(span).ok())
        .unwrap_or(d)
}
