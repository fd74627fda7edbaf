//! The reference date of a document: the day it speaks from ("today").
//!
//! In order: `--date`; front matter or HTML meta; a dateline (a paragraph at the top
//! that is only a full date, such as "Friday, January 4, 2019"); otherwise none.

use jiff::civil::Date;
use serde::Serialize;

use crate::document::{Document, MetaDateSource};
use crate::extract::Mentions;

/// Where the reference date came from (CONTRACT.md's `reference_date.source`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    Flag,
    FrontMatter,
    HtmlMeta,
    Dateline,
    Inferred,
    None,
}

impl DateSource {
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::Flag => "--date",
            DateSource::FrontMatter => "the front matter",
            DateSource::HtmlMeta => "the page's metadata",
            DateSource::Dateline => "the dateline",
            DateSource::Inferred => "inferred from the text",
            DateSource::None => "unknown",
        }
    }
}

/// A document's reference date and its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: Option<Date>,
    pub source: DateSource,
}

impl ReferenceDate {
    pub const NONE: ReferenceDate = ReferenceDate {
        date: None,
        source: DateSource::None,
    };
}

/// Decide the reference date of `doc`.
pub fn resolve(flag: Option<Date>, doc: &Document, mentions: &Mentions) -> ReferenceDate {
    if let Some(date) = flag {
        return ReferenceDate {
            date: Some(date),
            source: DateSource::Flag,
        };
    }
    if let Some((date, source)) = doc.meta.date {
        return ReferenceDate {
            date: Some(date),
            source: match source {
                MetaDateSource::FrontMatter => DateSource::FrontMatter,
                MetaDateSource::HtmlMeta => DateSource::HtmlMeta,
            },
        };
    }
    if let Some(date) = dateline(doc, mentions) {
        return ReferenceDate {
            date: Some(date),
            source: DateSource::Dateline,
        };
    }
    ReferenceDate::NONE
}

/// A full date standing alone as one of the first three paragraphs.
fn dateline(doc: &Document, mentions: &Mentions) -> Option<Date> {
    let text = &doc.prose.text;
    for para in doc.prose.paragraphs.iter().take(3) {
        let date = mentions.dates().iter().find(|d| para.contains(d.span))?;
        let p = para.text(text).trim_end_matches(['.', ' ']);
        if date.span.len() == p.len() {
            return date.full_date();
        }
    }
    None
}
