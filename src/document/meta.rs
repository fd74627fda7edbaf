//! What a document says about itself: its date, title and suppressions.

use jiff::civil::Date;

/// Where a document's own publication date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaDateSource {
    FrontMatter,
    HtmlMeta,
}

/// What a document says about itself.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    pub date: Option<(Date, MetaDateSource)>,
    pub title: Option<String>,
    /// Rule ids (or prefixes) that front matter asks to ignore: `factlint: {ignore: [...]}`.
    pub ignore: Vec<String>,
    /// Suppression directives written in the document, in source order.
    pub directives: Vec<super::directive::Directive>,
}

/// Read a date written as `YYYY-MM-DD`, optionally followed by a time (`T...` or ` ...`).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'');
    let head = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year: i16 = head[..4].parse().ok()?;
    let month: i8 = head[5..7].parse().ok()?;
    let day: i8 = head[8..10].parse().ok()?;
    Date::new(year, month, day).ok()
}
