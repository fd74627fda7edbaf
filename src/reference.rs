//! The reference date of a document: the day it speaks from ("today").
//!
//! In order: `--date`; front matter or HTML meta; a dateline (a paragraph at the top
//! that is only a full date, such as "Friday, January 4, 2019"); an inferred lower bound;
//! otherwise none.
//!
//! The inferred bound is the later of two dates the text proves it is no older than:
//! the newest "publicly known since" date of the entities it names (ChatGPT cannot be
//! written about before 30 November 2022), and the latest full date it reports as past.
//! It is a lower bound, not the publication date: checks may use it only in ways that
//! stay right for any later publication date.

use jiff::civil::Date;
use serde::Serialize;

use crate::document::{Document, MetaDateSource};
use crate::extract::Mentions;
use crate::kb::{KbDate, KnowledgeBase};
use crate::span::Span;

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

/// What an inferred reference date rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A name known only since `since` (prose span of the mention).
    Entity {
        span: Span,
        entity: usize,
        verb: &'static str,
        since: KbDate,
    },
    /// A full date the text reports as past.
    Date { span: Span, date: Date },
}

/// A document's reference date and its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReferenceDate {
    /// For [`DateSource::Inferred`], the earliest possible date of the text.
    pub date: Option<Date>,
    pub source: DateSource,
    /// For an inferred date: what proves the text is no older.
    pub evidence: Option<Evidence>,
}

impl ReferenceDate {
    pub const NONE: ReferenceDate = ReferenceDate {
        date: None,
        source: DateSource::None,
        evidence: None,
    };

    fn known(date: Date, source: DateSource) -> ReferenceDate {
        ReferenceDate {
            date: Some(date),
            source,
            evidence: None,
        }
    }

    /// Whether the date is only a lower bound of the publication date.
    pub fn is_lower_bound(&self) -> bool {
        self.source == DateSource::Inferred
    }

    /// The evidence in words, for messages: "the article mentions ChatGPT, released
    /// 30 November 2022", or "the reference date is 1 March 2024 (the front matter)".
    pub fn describe(&self, text: &str, kb: &KnowledgeBase) -> String {
        match (self.evidence, self.date) {
            (
                Some(Evidence::Entity {
                    span,
                    verb,
                    since,
                    entity,
                }),
                _,
            ) => {
                let written = span.text(text);
                let name = if written.is_empty() {
                    kb.entity(entity).map_or("", |e| e.name.as_str())
                } else {
                    written
                };
                format!("the article mentions {name}, {}", since.with_verb(verb))
            }
            (Some(Evidence::Date { date, .. }), _) => {
                format!("the article reports {} as past", KbDate::from_date(date))
            }
            (None, Some(date)) => format!(
                "the reference date is {} ({})",
                KbDate::from_date(date),
                self.source.describe()
            ),
            (None, None) => String::new(),
        }
    }
}

/// Decide the reference date of `doc`.
pub fn resolve(
    flag: Option<Date>,
    doc: &Document,
    mentions: &Mentions,
    kb: &KnowledgeBase,
) -> ReferenceDate {
    if let Some(date) = flag {
        return ReferenceDate::known(date, DateSource::Flag);
    }
    if let Some((date, source)) = doc.meta.date {
        let source = match source {
            MetaDateSource::FrontMatter => DateSource::FrontMatter,
            MetaDateSource::HtmlMeta => DateSource::HtmlMeta,
        };
        return ReferenceDate::known(date, source);
    }
    if let Some(date) = dateline(doc, mentions) {
        return ReferenceDate::known(date, DateSource::Dateline);
    }
    infer(doc, mentions, kb).unwrap_or(ReferenceDate::NONE)
}

/// The inferred lower bound: the later of the newest entity and the latest past date.
fn infer(doc: &Document, mentions: &Mentions, kb: &KnowledgeBase) -> Option<ReferenceDate> {
    let entity = mentions
        .entities
        .iter()
        .filter_map(|m| {
            let fact = kb.entity(m.entity)?.known_since(m.former)?;
            Some((
                fact.date.first_day(),
                Evidence::Entity {
                    span: m.span,
                    entity: m.entity,
                    verb: fact.verb,
                    since: fact.date,
                },
            ))
        })
        // The newest; on a tie, the first mention.
        .fold(None, |best: Option<(Date, Evidence)>, c| match best {
            Some(b) if b.0 >= c.0 => Some(b),
            _ => Some(c),
        });
    let text = &doc.prose.text;
    let reported = mentions
        .dates()
        .iter()
        .filter_map(|d| {
            let date = d.full_date()?;
            let sentence = doc
                .prose
                .sentence_at(d.span.start)
                .filter(|s| s.contains(d.span))?;
            // The sentence around the date, without the date ("3 May" is not "may").
            let around = format!(
                "{} {}",
                text.get(sentence.start..d.span.start).unwrap_or(""),
                text.get(d.span.end..sentence.end).unwrap_or("")
            );
            let before = crate::span::tail(text, d.span.start, 64);
            (!doc.prose.is_quoted(d.span.start) && reported_as_past(&around, before))
                .then_some((date, Evidence::Date { span: d.span, date }))
        })
        .max_by_key(|(date, _)| *date);
    let (date, evidence) = match (entity, reported) {
        (Some(e), Some(r)) => {
            if r.0 > e.0 {
                r
            } else {
                e
            }
        }
        (e, r) => e.or(r)?,
    };
    Some(ReferenceDate {
        date: Some(date),
        source: DateSource::Inferred,
        evidence: Some(evidence),
    })
}

/// Whether a full date is reported as past: its sentence (`sentence`, the date left
/// out) has a past-tense verb and no
/// word of the future or of a plan, and the date is not a limit ("until 3 May").
/// Deliberately narrow: a future date taken for a past one would make the bound wrong.
fn reported_as_past(sentence: &str, before: &str) -> bool {
    const PAST: &[&str] = &[
        "was",
        "were",
        "had",
        "said",
        "announced",
        "reported",
        "died",
        "launched",
        "released",
        "opened",
        "held",
        "began",
        "happened",
        "occurred",
        "took",
    ];
    const NOT_PAST: &[&str] = &[
        "will",
        "would",
        "shall",
        "could",
        "may",
        "might",
        "scheduled",
        "expected",
        "plan",
        "plans",
        "planned",
        "due",
        "until",
        "till",
        "before",
        "next",
        "upcoming",
        "deadline",
        "if",
        "unless",
        "forecast",
        "projected",
    ];
    const LIMITS: &[&str] = &["by", "until", "till", "before", "through", "from", "to"];
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let previous = before
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    has(PAST) && !has(NOT_PAST) && !LIMITS.contains(&previous.as_str())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::extract::{extract_with_knowledge, ExtractOptions};

    fn reference(text: &str) -> (ReferenceDate, String) {
        let doc = Document::from_text("t.md", text.to_string(), Format::Markdown);
        let kb = crate::kb::builtin();
        let mentions = extract_with_knowledge(&doc.prose, &ExtractOptions::default(), &kb);
        let r = resolve(None, &doc, &mentions, &kb);
        (r, r.describe(&doc.prose.text, &kb))
    }

    #[test]
    fn infers_a_lower_bound_from_the_newest_entity() {
        let (r, why) = reference("Start-ups here compete with ChatGPT and Google.");
        assert_eq!(r.source, DateSource::Inferred);
        assert_eq!(r.date, Date::new(2022, 11, 30).ok());
        assert_eq!(
            why,
            "the article mentions ChatGPT, released 30 November 2022"
        );
    }

    #[test]
    fn a_past_date_beats_an_older_entity() {
        let (r, why) =
            reference("ChatGPT was discussed at the meeting, which was held on 3 May 2024.");
        assert_eq!(r.date, Date::new(2024, 5, 3).ok());
        assert_eq!(why, "the article reports 3 May 2024 as past");
    }

    #[test]
    fn future_dates_and_speculated_names_prove_nothing() {
        let (r, _) = reference("The vote will be held on 3 May 2031. GPT-4 was mentioned.");
        assert_eq!(r, ReferenceDate::NONE);
    }

    #[test]
    fn regression_quoted_future_date_is_not_reported_as_past() {
        let (r, _) = reference(
            "The commissioner said, \"the framework is enough to start trading on 1 July 2021.\"",
        );
        assert_eq!(r, ReferenceDate::NONE);
        let (r, _) = reference("She said: \u{201c}We open on 1 July 2021\u{201d}, and left.");
        assert_eq!(r, ReferenceDate::NONE);
    }

    #[test]
    fn renamed_names_date_from_the_rename() {
        let (r, why) = reference("Posts on X, formerly Twitter, spread fast.");
        assert_eq!(r.date, Date::new(2023, 7, 23).ok());
        assert!(why.contains("named 23 July 2023"), "{why}");
        let (r, _) = reference("Posts on Twitter spread fast.");
        assert_eq!(r.date, Date::new(2006, 7, 1).ok());
    }
}
