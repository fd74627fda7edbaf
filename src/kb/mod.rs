//! The knowledge base: entities with their names and dated facts, from
//! `rules/knowledge/*.yaml` (built in) and the `knowledge/` folder of each rule directory.
//!
//! A knowledge file is a YAML list of entities. Each has a canonical `name`, `aliases`,
//! a `type`, dated facts (`announced`, `founded`, `launched`, `released`, ... and the
//! ends `dissolved`, `died`, ...), former names (`formerly`), office `terms` and typed
//! `attributes`, and a `source`. Loading validates everything and reports problems as
//! [`RuleFileError`]s pointing into the YAML, as rule files do.
//!
//! Dates may be written to the day (`2022-11-30`), the month (`2006-07`) or the year
//! (`1998`): a fact is recorded only as precisely as it is known.

use std::fmt;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use jiff::civil::Date;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::error::{byte_range, RuleFileError};
use crate::lexicon::{days_in_month, month_name};
use crate::span::Span;

pub mod atlas;
pub mod atlas_index;
pub mod schema;
pub use atlas::Atlas;
use schema::{RawEntity, RawSource, Scalar};

/// The built-in knowledge files `(path, text)`, embedded at build time
/// (`build.rs` writes the list from [`schema::BUILTIN_FILES`]).
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_knowledge.rs"));

/// Entity types a knowledge file may use.
pub const TYPES: &[&str] = &[
    "person",
    "company",
    "organization",
    "institution",
    "product",
    "ai-model",
    "platform",
    "software",
    "country",
    "city",
    "currency",
    "event",
    "disease",
    "treaty",
];

/// A date known to the day, the month or the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct KbDate {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl KbDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
    pub fn parse(s: &str) -> Option<KbDate> {
        let mut parts = s.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: i16 = year_text.parse().ok()?;
        let num = |p: Option<&str>| -> Option<Option<i8>> {
            match p {
                None => Some(None),
                Some(t) if t.len() == 2 => t.parse().ok().map(Some),
                Some(_) => None,
            }
        };
        let month = num(parts.next())?;
        let day = num(parts.next())?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d < 1 || d > days_in_month(year, m) {
                    return None;
                }
            }
        }
        Some(KbDate { year, month, day })
    }

    /// A full calendar date.
    pub fn from_date(d: Date) -> KbDate {
        KbDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// The first day of the period the date names.
    pub fn first_day(&self) -> Date {
        Date::new(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)).unwrap_or(Date::MIN)
    }

    /// The last day of the period the date names.
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = self
            .day
            .unwrap_or_else(|| days_in_month(self.year, month).max(1));
        Date::new(self.year, month, day).unwrap_or(Date::MAX)
    }

    /// "released 30 November 2022", "founded in July 2006", "born in 1942".
    pub fn with_verb(&self, verb: &str) -> String {
        if self.day.is_some() {
            format!("{verb} {self}")
        } else {
            format!("{verb} in {self}")
        }
    }
}

impl fmt::Display for KbDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {}", month_name(m), self.year),
            (Some(m), None) => write!(f, "{} {}", month_name(m), self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// Where a fact comes from: a Wikidata item and/or a web page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub wikidata: Option<String>,
    pub url: Option<String>,
    /// Second, independent records the values were compared against (`checked:`).
    pub checked: Vec<String>,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.wikidata, &self.url) {
            (Some(q), Some(u)) => write!(f, "Wikidata {q}, {u}"),
            (Some(q), None) => write!(f, "Wikidata {q}"),
            (None, Some(u)) => write!(f, "{u}"),
            (None, None) => write!(f, "no source"),
        }
    }
}

/// A dated fact: what happened (`released`, `founded`, `died`, ...) and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub verb: &'static str,
    pub date: KbDate,
}

/// Every verb a [`Fact`] may carry: the dated fields of a knowledge entry, and `named`.
pub const VERBS: &[&str] = &[
    "announced",
    "founded",
    "launched",
    "released",
    "introduced",
    "signed",
    "born",
    "began",
    "elected",
    "adopted",
    "dissolved",
    "died",
    "discontinued",
    "ended",
    "named",
];

/// A [`Fact`] as stored in the compiled knowledge.
#[derive(Deserialize)]
struct StoredFact {
    verb: String,
    date: KbDate,
}

impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fact, D::Error> {
        let f = StoredFact::deserialize(d)?;
        let verb = VERBS
            .iter()
            .copied()
            .find(|v| *v == f.verb)
            .ok_or_else(|| de::Error::custom(format!("unknown fact `{}`", f.verb)))?;
        Ok(Fact { verb, date: f.date })
    }
}

/// A name the entity no longer uses, valid until `until`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerName {
    pub name: String,
    pub until: KbDate,
}

/// A term in office. `to` is absent while the term is open (or its end is not recorded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub office: String,
    /// The title written before the name ("President", "Prime Minister").
    pub title: String,
    pub from: KbDate,
    pub to: Option<KbDate>,
    /// The place the office is of ("France", "Illinois"), when recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    /// The country of that place ("United States" for Illinois; "France" for France).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

impl Term {
    /// Whether the office is of `place` (a country's or a state's name as the knowledge
    /// writes it): its jurisdiction or the jurisdiction's country.
    pub fn is_of(&self, place: &str) -> bool {
        [&self.jurisdiction, &self.country]
            .into_iter()
            .flatten()
            .any(|p| p.eq_ignore_ascii_case(place))
    }

    /// Whether some day of `first..=last` falls inside the term.
    pub fn overlaps(&self, first: Date, last: Date) -> bool {
        let starts = self.from.first_day();
        let ends = self.to.map_or(Date::MAX, |t| t.last_day());
        first <= ends && last >= starts
    }
}

/// A typed attribute value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    Number {
        value: f64,
        unit: Option<String>,
        /// Relative tolerance (0.05 = 5%).
        tolerance: f64,
    },
    Date(KbDate),
    Text(String),
}

/// An attribute with its source and the date it holds as of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    pub name: String,
    pub value: Value,
    pub source: Source,
    pub as_of: Option<KbDate>,
    /// The period the value held (a chief executive's tenure); `to` absent while it holds.
    pub from: Option<KbDate>,
    pub to: Option<KbDate>,
    /// The file the attribute came from (a user file may override one built-in attribute).
    pub origin: String,
    /// Phrasings that claim this attribute, as regexes of the text between an entity's
    /// name and the value ("plays its home games at"); they apply to every entity with
    /// an attribute of this name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
}

impl Attribute {
    /// Whether the value held on `day`: always, for an attribute without `from`/`to`.
    pub fn holds_on(&self, day: Date) -> bool {
        let starts = self.from.map_or(Date::MIN, |f| f.first_day());
        let ends = self.to.map_or(Date::MAX, |t| t.last_day());
        starts <= day && day <= ends
    }
}

/// "175 billion", "1.75 trillion", "1,500": large round numbers in words, as news writes them.
pub fn human_number(value: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            let n = crate::numbers::format_number(value / scale, 3);
            return format!("{n} {word}");
        }
    }
    crate::numbers::format_number(value, 2)
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number { value, unit, .. } => {
                let n = human_number(*value);
                match unit {
                    Some(u) => write!(f, "{n} {u}"),
                    None => write!(f, "{n}"),
                }
            }
            Value::Date(d) => write!(f, "{d}"),
            Value::Text(t) => write!(f, "{t}"),
        }
    }
}

/// One entity of the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub case_insensitive: bool,
    /// Facts that begin the entity's public life, in file order.
    pub starts: Vec<Fact>,
    /// Facts that end it.
    pub ends: Vec<Fact>,
    pub formerly: Vec<FormerName>,
    /// The day the current name came into use, when later than the entity.
    pub named: Option<KbDate>,
    /// The name was used before the recorded dates, so it dates no text.
    pub speculated: bool,
    pub terms: Vec<Term>,
    pub attributes: Vec<Attribute>,
    /// Spellings house style avoids ("Open AI" for OpenAI).
    pub avoid: Vec<String>,
    pub source: Source,
    /// The file the entity came from.
    pub origin: String,
}

impl Entity {
    /// How many facts the entity records: dated facts, former names, terms, attributes.
    pub fn fact_count(&self) -> usize {
        self.starts.len()
            + self.ends.len()
            + self.formerly.len()
            + self.terms.len()
            + self.attributes.len()
            + usize::from(self.named.is_some())
    }

    /// Whether `name` is one of the entity's names (canonical, alias, former), ignoring case.
    pub fn is_named(&self, name: &str) -> bool {
        let name = name.trim();
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .chain(self.formerly.iter().map(|f| &f.name))
            .any(|n| {
                n.len() == name.len() && n.eq_ignore_ascii_case(name)
                    || n.chars()
                        .flat_map(char::to_lowercase)
                        .eq(name.chars().flat_map(char::to_lowercase))
            })
    }

    /// The earliest fact that starts the entity (its existence as far as we know).
    pub fn first_fact(&self) -> Option<&Fact> {
        // On a tie prefer the fact that is not a mere announcement ("released").
        self.starts
            .iter()
            .min_by_key(|f| (f.date.first_day(), f.verb == "announced"))
    }

    /// Since when a text can have used this name: nothing for a speculated name; for
    /// the current name of a renamed entity, the day it was named or the end of its
    /// last former name; otherwise its first fact.
    pub fn known_since(&self, former: bool) -> Option<Fact> {
        if self.speculated {
            return None;
        }
        if !former {
            let renamed = self.formerly.iter().map(|f| f.until).max();
            let later = match (self.named, renamed) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            if let Some(date) = later {
                return Some(Fact {
                    verb: "named",
                    date,
                });
            }
        }
        self.first_fact().cloned()
    }
}

impl atlas::Record {
    /// The record as a knowledge-base [`Entity`], so that the checks read imported and
    /// hand-written knowledge alike. Office terms carry their long title ("Senator");
    /// the checks expand abbreviations.
    pub fn to_entity(&self) -> Entity {
        let mut starts = Vec::new();
        let mut ends = Vec::new();
        let mut terms = Vec::new();
        let mut attributes = Vec::new();
        let source = Source {
            wikidata: self.ids.get("wikidata").cloned(),
            url: Some(format!("open data: {}", self.name_sources.join(", "))),
            checked: Vec::new(),
        };
        for f in &self.facts {
            let date = f.value.as_deref().and_then(KbDate::parse);
            match (f.fact.as_str(), date) {
                ("born", Some(date)) => starts.push(Fact { verb: "born", date }),
                ("founded", Some(date)) => starts.push(Fact {
                    verb: "founded",
                    date,
                }),
                ("died", Some(date)) => ends.push(Fact { verb: "died", date }),
                ("dissolved", Some(date)) => ends.push(Fact {
                    verb: "dissolved",
                    date,
                }),
                ("office", _) => {
                    let from = f.from.as_deref().and_then(KbDate::parse);
                    let (Some(office), Some(from)) = (&f.office, from) else {
                        continue;
                    };
                    let title = f
                        .titles
                        .iter()
                        .find(|t| !t.ends_with('.'))
                        .or(f.titles.first())
                        .cloned()
                        .unwrap_or_default();
                    terms.push(Term {
                        office: office.clone(),
                        title,
                        from,
                        to: f.to.as_deref().and_then(KbDate::parse),
                        jurisdiction: f
                            .jurisdiction_name
                            .clone()
                            .or_else(|| place_of_office(office)),
                        country: f.country_name.clone(),
                    });
                }
                // Head offices move and the records carry no dates, so they are not
                // compared.
                ("capital" | "currency", _) => {
                    if let Some(v) = &f.value {
                        attributes.push(Attribute {
                            name: f.fact.clone(),
                            value: Value::Text(v.clone()),
                            source: Source {
                                url: Some(format!("open data: {}", f.sources.join(", "))),
                                ..Source::default()
                            },
                            as_of: None,
                            from: None,
                            to: None,
                            origin: atlas::ORIGIN.into(),
                            claims: Vec::new(),
                        });
                    }
                }
                _ => {}
            }
        }
        Entity {
            name: self.name.clone(),
            kind: self.kind.clone(),
            aliases: self.aliases.iter().map(|a| a.name.clone()).collect(),
            case_insensitive: false,
            starts,
            ends,
            formerly: Vec::new(),
            named: None,
            speculated: false,
            terms,
            attributes,
            avoid: Vec::new(),
            source,
            origin: atlas::ORIGIN.into(),
        }
    }
}

/// The place an office is of, as its name says: "President of Brazil" is of Brazil,
/// "Prime Minister of the United Kingdom" of the United Kingdom. `None` for a name
/// without "of".
pub fn place_of_office(office: &str) -> Option<String> {
    let (_, place) = office.split_once(" of ")?;
    let place = place.trim();
    let place = place.strip_prefix("the ").unwrap_or(place);
    (!place.is_empty()).then(|| place.to_string())
}

/// An entity of the hand-written knowledge (an index into
/// [`KnowledgeBase::entities`]) or of the imported one (an [`Atlas`] entity number).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityRef {
    Local(usize),
    Imported(u32),
}

/// Which name of an entity a pattern is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRef {
    pub entity: usize,
    /// A former name ("Twitter" for X).
    pub former: bool,
}

/// A name of an entity found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub span: Span,
    pub name: NameRef,
}

/// All entities, with one automaton per case rule over every name.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub entities: Vec<Entity>,
    sensitive: Option<(AhoCorasick, Vec<NameRef>)>,
    insensitive: Option<(AhoCorasick, Vec<NameRef>)>,
    /// Spellings house style avoids, matched with case.
    avoided: Option<(AhoCorasick, Vec<NameRef>)>,
    /// Claim phrasings from knowledge files: (attribute, regex anchored after a name).
    pub claims: Vec<(String, crate::re::Regex)>,
    /// The two-word names, indexed for near-miss lookups; built on first use.
    two_word: std::sync::OnceLock<TwoWordNames>,
    /// The imported knowledge (`data/knowledge/`), read in place.
    pub atlas: Atlas,
    /// Which hand-written people are also imported records; found on first use.
    links: std::sync::OnceLock<Links>,
}

/// The hand-written people who are also in the imported knowledge, both ways: a
/// hand-written entity's index and the imported record's entity number.
#[derive(Debug, Default)]
struct Links {
    by_local: foldhash::HashMap<usize, u32>,
    by_record: foldhash::HashMap<u32, usize>,
}

impl Links {
    /// Link each hand-written person to the one imported person that is surely the
    /// same: the record with the Wikidata id the entry gives, or, for an entry without
    /// one, the only imported person of its names whose birth year and offices agree
    /// (a birth year in both that is the same, or a term of an office in both that
    /// starts the same year). A name shared by two imported people links nothing.
    fn new(entities: &[Entity], atlas: &Atlas) -> Links {
        let mut links = Links::default();
        for (i, e) in entities.iter().enumerate() {
            if e.kind != "person" {
                continue;
            }
            let mut candidates: Vec<u32> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .filter(|n| n.contains(' '))
                .flat_map(|n| atlas.entities_named(n, "person"))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let records: Vec<(u32, atlas::Record)> = candidates
                .into_iter()
                .filter_map(|c| atlas.record(c).map(|r| (c, r)))
                .collect();
            let chosen = match &e.source.wikidata {
                Some(q) => {
                    let same: Vec<_> = records
                        .iter()
                        .filter(|(_, r)| r.ids.get("wikidata") == Some(q) || &r.id == q)
                        .collect();
                    match same[..] {
                        [(c, _)] => Some(*c),
                        _ => None,
                    }
                }
                None => match &records[..] {
                    [(c, r)] if agrees(e, &r.to_entity()) => Some(*c),
                    _ => None,
                },
            };
            if let Some(c) = chosen {
                if links.by_record.contains_key(&c) {
                    continue;
                }
                links.by_local.insert(i, c);
                links.by_record.insert(c, i);
            }
        }
        links
    }
}

/// Whether a hand-written person without a Wikidata id and an imported one of the same
/// name are one person: the same birth year when both give one, else an office of both
/// whose term starts the same year.
fn agrees(local: &Entity, imported: &Entity) -> bool {
    let born = |e: &Entity| {
        e.starts
            .iter()
            .find(|f| f.verb == "born")
            .map(|f| f.date.first_day().year())
    };
    if let (Some(a), Some(b)) = (born(local), born(imported)) {
        return a == b;
    }
    local.terms.iter().any(|l| {
        imported.terms.iter().any(|t| {
            t.office.eq_ignore_ascii_case(&l.office)
                && t.from.first_day().year() == l.from.first_day().year()
        })
    })
}

/// A hand-written person completed by their imported record: the hand-written entry's
/// values stand, and its terms of an office replace the imported terms of that office;
/// the record adds its other names, its other offices' terms and the birth or death
/// dates the entry does not give.
fn merged(local: &Entity, imported: Entity) -> Entity {
    let mut e = local.clone();
    // The message names both records the values may come from.
    if e.source.wikidata.is_none() {
        e.source.wikidata = imported.source.wikidata;
    }
    e.source.url = match (e.source.url.take(), imported.source.url) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    };
    for name in std::iter::once(imported.name).chain(imported.aliases) {
        if !e.is_named(&name) {
            e.aliases.push(name);
        }
    }
    for f in imported.starts {
        if !e.starts.iter().any(|g| g.verb == f.verb) {
            e.starts.push(f);
        }
    }
    for f in imported.ends {
        if !e.ends.iter().any(|g| g.verb == f.verb) {
            e.ends.push(f);
        }
    }
    let offices: Vec<String> = e.terms.iter().map(|t| t.office.to_lowercase()).collect();
    e.terms.extend(
        imported
            .terms
            .into_iter()
            .filter(|t| !offices.contains(&t.office.to_lowercase())),
    );
    e
}

/// The names of two alphabetic words ("Xi Jinping"), by first and by second word, and
/// every word of every name.
#[derive(Debug, Default)]
pub struct TwoWordNames {
    /// (first word, second word, whole name).
    pub pairs: Vec<(String, String, String)>,
    // (foldhash: these are looked up for every pair of capitalised words of every
    // document, where SipHash's resistance to chosen keys buys nothing.)
    pub by_first: foldhash::HashMap<String, Vec<usize>>,
    pub by_second: foldhash::HashMap<String, Vec<usize>>,
    pub known_words: foldhash::HashSet<String>,
}

impl TwoWordNames {
    fn new(entities: &[Entity]) -> Self {
        let mut t = TwoWordNames::default();
        for e in entities {
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                t.known_words
                    .extend(name.split_whitespace().map(String::from));
                let words: Vec<&str> = name.split_whitespace().collect();
                if let [first, second] = words[..] {
                    if first.chars().chain(second.chars()).all(char::is_alphabetic) {
                        let i = t.pairs.len();
                        t.by_first.entry(first.to_string()).or_default().push(i);
                        t.by_second.entry(second.to_string()).or_default().push(i);
                        t.pairs
                            .push((first.to_string(), second.to_string(), name.clone()));
                    }
                }
            }
        }
        t
    }
}

/// The regex of a claim phrasing, read right after an entity's name: optional comma and
/// spaces, the phrasing (any case), then spaces.
pub fn claim_regex(phrasing: &str) -> Result<crate::re::Regex, String> {
    let re = crate::re::compile_regex(&format!(r"^,?\s*(?:{phrasing})\s*"), false)?;
    if re.is_match("") {
        return Err("the phrasing matches empty text".into());
    }
    Ok(re)
}

impl KnowledgeBase {
    /// Build the automata over the entities' names.
    pub fn new(entities: Vec<Entity>) -> KnowledgeBase {
        let mut sens: (Vec<String>, Vec<NameRef>) = Default::default();
        let mut ins: (Vec<String>, Vec<NameRef>) = Default::default();
        let mut avoid: (Vec<String>, Vec<NameRef>) = Default::default();
        for (i, e) in entities.iter().enumerate() {
            for a in &e.avoid {
                avoid.0.push(a.clone());
                avoid.1.push(NameRef {
                    entity: i,
                    former: false,
                });
            }
            let target = if e.case_insensitive {
                &mut ins
            } else {
                &mut sens
            };
            let current = std::iter::once(&e.name).chain(&e.aliases);
            for name in current {
                target.0.push(name.clone());
                target.1.push(NameRef {
                    entity: i,
                    former: false,
                });
            }
            for f in &e.formerly {
                target.0.push(f.name.clone());
                target.1.push(NameRef {
                    entity: i,
                    former: true,
                });
            }
        }
        let build = |(names, refs): (Vec<String>, Vec<NameRef>), fold: bool| {
            if names.is_empty() {
                return None;
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(fold)
                .build(&names)
                .ok()
                .map(|ac| (ac, refs))
        };
        let mut claims: Vec<(String, crate::re::Regex)> = Vec::new();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for a in entities.iter().flat_map(|e| &e.attributes) {
            for c in &a.claims {
                if seen.contains(&(a.name.as_str(), c.as_str())) {
                    continue;
                }
                seen.push((&a.name, c));
                if let Ok(re) = claim_regex(c) {
                    claims.push((a.name.clone(), re));
                }
            }
        }
        KnowledgeBase {
            sensitive: build(sens, false),
            insensitive: build(ins, true),
            avoided: build(avoid, false),
            claims,
            two_word: std::sync::OnceLock::new(),
            entities,
            atlas: Atlas::builtin(),
            links: std::sync::OnceLock::new(),
        }
    }

    /// The two-word names, indexed (built on first use).
    pub fn two_word_names(&self) -> &TwoWordNames {
        self.two_word
            .get_or_init(|| TwoWordNames::new(&self.entities))
    }

    pub fn entity(&self, i: usize) -> Option<&Entity> {
        self.entities.get(i)
    }

    /// An entity of either store: a hand-written one, or an imported record read now.
    /// A person in both is one entity, the hand-written values first (see [`merged`]).
    pub fn resolve(&self, r: EntityRef) -> Option<std::borrow::Cow<'_, Entity>> {
        use std::borrow::Cow;
        let links = self.links();
        match r {
            EntityRef::Local(i) => {
                let local = self.entities.get(i)?;
                match links.by_local.get(&i).and_then(|&c| self.atlas.record(c)) {
                    Some(record) => Some(Cow::Owned(merged(local, record.to_entity()))),
                    None => Some(Cow::Borrowed(local)),
                }
            }
            EntityRef::Imported(c) => {
                let record = self.atlas.record(c)?.to_entity();
                match links.by_record.get(&c).and_then(|&i| self.entities.get(i)) {
                    Some(local) => Some(Cow::Owned(merged(local, record))),
                    None => Some(Cow::Owned(record)),
                }
            }
        }
    }

    /// The hand-written person an imported record is merged with, if any.
    pub fn local_of(&self, record: u32) -> Option<&Entity> {
        let i = *self.links().by_record.get(&record)?;
        self.entities.get(i)
    }

    /// The imported record a hand-written entity is merged with, if any.
    pub fn record_of(&self, local: usize) -> Option<u32> {
        self.links().by_local.get(&local).copied()
    }

    fn links(&self) -> &Links {
        self.links
            .get_or_init(|| Links::new(&self.entities, &self.atlas))
    }

    /// The entity one of whose names is `name`, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.is_named(name))
    }

    /// Every spelling house style avoids in `text`, as a whole word, sorted by start.
    pub fn find_avoided(&self, text: &str) -> Vec<NameMatch> {
        let Some((ac, refs)) = &self.avoided else {
            return Vec::new();
        };
        ac.find_iter(text)
            .filter_map(|m| {
                let span = Span::new(m.start(), m.end());
                let name = *refs.get(m.pattern().as_usize())?;
                stands_alone(text, span).then_some(NameMatch { span, name })
            })
            .collect()
    }

    /// Every entity name in `text` that stands as a word of its own, sorted by start;
    /// where two overlap the longer wins.
    pub fn find(&self, text: &str) -> Vec<NameMatch> {
        let mut found = Vec::new();
        for (ac, refs) in [&self.sensitive, &self.insensitive].into_iter().flatten() {
            for m in ac.find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if !stands_alone(text, span) {
                    continue;
                }
                if let Some(&name) = refs.get(m.pattern().as_usize()) {
                    found.push(NameMatch { span, name });
                }
            }
        }
        found.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<NameMatch> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_some_and(|l| l.span.end > m.span.start) {
                continue;
            }
            out.push(m);
        }
        out
    }
}

/// Word boundaries for a name: no letter, digit or underscore on either side, and no
/// ".5" or "-2" continuing a versioned name ("GPT-4" is not found in "GPT-4.5").
fn stands_alone(text: &str, span: Span) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let before = text.get(..span.start).and_then(|t| t.chars().next_back());
    if before.is_some_and(word) {
        return false;
    }
    let mut after = text.get(span.end..).map(str::chars).into_iter().flatten();
    match after.next() {
        Some(c) if word(c) => false,
        Some('.' | '-' | ',') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        // "Xi'an" is not "Xi"; "Xi's" is.
        Some('\'' | '\u{2019}') => !after.next().is_some_and(|c| c.is_alphabetic() && c != 's'),
        _ => true,
    }
}

/// The built-in knowledge base, loaded once. Its files are validated by tests; should
/// one fail to load here, the knowledge base is empty rather than the program failing.
pub fn builtin() -> Arc<KnowledgeBase> {
    static KB: LazyLock<Arc<KnowledgeBase>> =
        LazyLock::new(|| Arc::new(load(&[]).unwrap_or_else(|_| KnowledgeBase::new(Vec::new()))));
    KB.clone()
}

/// The built-in files as `build.rs` read them ([`schema::Snapshot`] as JSON), so that
/// start-up reads no YAML. Should the YAML not parse, `build.rs` writes `null` and the
/// files are loaded from the YAML, which reports the problem.
const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));

/// The built-in entities: built from the compiled snapshot (whose files the tests
/// validate, so the checks for duplicate names are left out), or from the YAML should
/// the snapshot not read.
fn builtin_entities() -> Result<Vec<Entity>, Vec<RuleFileError>> {
    let compiled = serde_json::from_str::<Option<schema::Snapshot>>(COMPILED)
        .ok()
        .flatten()
        .filter(|files| files.len() == BUILTIN.len());
    let Some(files) = compiled else {
        return load_builtin_yaml();
    };
    let mut entities = Vec::new();
    for ((path, raw), (_, text)) in files.iter().zip(BUILTIN) {
        let mut cx = FileCx {
            path,
            text,
            errors: Vec::new(),
        };
        for r in raw {
            if let Some(e) = build_entity(&mut cx, &r.value, &r.referenced) {
                entities.push(e);
            }
        }
        if !cx.errors.is_empty() {
            return load_builtin_yaml();
        }
    }
    Ok(entities)
}

/// Parse and validate the built-in YAML files; two entities of one name are an error.
fn load_builtin_yaml() -> Result<Vec<Entity>, Vec<RuleFileError>> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in BUILTIN {
        match load_file(path, text) {
            Ok(loaded) => {
                for e in loaded {
                    if let Some(existing) = entities.iter().find(|x| same_name(&x.name, &e.name)) {
                        let at = text.find(&e.name).unwrap_or(0);
                        errors.push(RuleFileError::new(
                            path,
                            text,
                            at,
                            at + e.name.len(),
                            format!(
                                "duplicate entity `{}` (also in {})",
                                e.name, existing.origin
                            ),
                        ));
                    } else {
                        entities.push(e);
                    }
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(entities)
    } else {
        Err(errors)
    }
}

/// The built-in entities, then `user` files `(path, text)` in order. A user entity with
/// the name of an earlier entity replaces it; two entities of one name in one file are an
/// error.
pub fn load(user: &[(String, String)]) -> Result<KnowledgeBase, Vec<RuleFileError>> {
    let mut entities = builtin_entities()?;
    let mut errors = Vec::new();
    for (path, text) in user {
        match load_file(path, text) {
            Ok(loaded) => {
                for e in loaded {
                    match entities.iter_mut().find(|x| same_name(&x.name, &e.name)) {
                        Some(existing) => {
                            // The user's entity wins; built-in attributes it does not
                            // restate are kept.
                            let mut e = e;
                            let kept: Vec<Attribute> = existing
                                .attributes
                                .drain(..)
                                .filter(|a| !e.attributes.iter().any(|b| b.name == a.name))
                                .collect();
                            e.attributes.splice(0..0, kept);
                            *existing = e;
                        }
                        None => entities.push(e),
                    }
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(KnowledgeBase::new(entities))
    } else {
        Err(errors)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

struct FileCx<'a> {
    path: &'a str,
    text: &'a str,
    errors: Vec<RuleFileError>,
}

impl FileCx<'_> {
    fn error(&mut self, loc: &serde_saphyr::Location, message: impl Into<String>) {
        let (s, e) = byte_range(self.text, loc);
        self.errors
            .push(RuleFileError::new(self.path, self.text, s, e, message));
    }

    fn date(&mut self, raw: &Spanned<Scalar>) -> Option<KbDate> {
        let parsed = KbDate::parse(&raw.value.0);
        if parsed.is_none() {
            let (s, e) = byte_range(self.text, &raw.referenced);
            self.errors.push(
                RuleFileError::new(
                    self.path,
                    self.text,
                    s,
                    e,
                    format!("`{}` is not a valid date", raw.value.0),
                )
                .with_help("write YYYY-MM-DD, or YYYY-MM or YYYY when only that much is known"),
            );
        }
        parsed
    }

    fn source(&mut self, raw: &Spanned<RawSource>) -> Source {
        let mut source = Source::default();
        if let Some(q) = &raw.value.wikidata {
            let ok = q.value.strip_prefix('Q').is_some_and(|n| {
                !n.is_empty() && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
            });
            if ok {
                source.wikidata = Some(q.value.clone());
            } else {
                self.error(
                    &q.referenced,
                    format!("`{}` is not a Wikidata item id such as Q95", q.value),
                );
            }
        }
        if let Some(u) = &raw.value.url {
            if u.value.starts_with("https://") || u.value.starts_with("http://") {
                source.url = Some(u.value.clone());
            } else {
                self.error(
                    &u.referenced,
                    format!("`{}` is not an http(s) URL", u.value),
                );
            }
        }
        for c in &raw.value.checked {
            if c.value.starts_with("https://") || c.value.starts_with("http://") {
                source.checked.push(c.value.clone());
            } else {
                self.error(
                    &c.referenced,
                    format!("`{}` is not an http(s) URL", c.value),
                );
            }
        }
        if raw.value.wikidata.is_none() && raw.value.url.is_none() {
            self.error(&raw.referenced, "a source needs `wikidata`, `url` or both");
        }
        source
    }
}

/// Parse and validate one knowledge file.
pub fn load_file(path: &str, text: &str) -> Result<Vec<Entity>, Vec<RuleFileError>> {
    let raw: Vec<Spanned<RawEntity>> =
        match serde_saphyr::from_str::<Option<Vec<Spanned<RawEntity>>>>(text) {
            Ok(r) => r.unwrap_or_default(),
            Err(e) => {
                let (start, end) = e.location().map_or((0, 0), |l| byte_range(text, &l));
                let message = e.without_snippet().to_string();
                let message = message.lines().next().unwrap_or("invalid YAML").to_string();
                return Err(vec![RuleFileError::new(path, text, start, end, message)
                    .with_help(
                    "a knowledge file is a YAML list of entities, each with name, type and source",
                )]);
            }
        };
    let mut cx = FileCx {
        path,
        text,
        errors: Vec::new(),
    };
    let mut entities: Vec<Entity> = Vec::new();
    let mut names: Vec<(String, usize)> = Vec::new();
    for r in &raw {
        let Some(e) = build_entity(&mut cx, &r.value, &r.referenced) else {
            continue;
        };
        // Every name (canonical, alias, former) belongs to one entity of the file.
        let all = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(e.formerly.iter().map(|f| &f.name));
        for n in all {
            if let Some((_, owner)) = names.iter().find(|(m, _)| same_name(m, n)) {
                let other = entities.get(*owner).map_or("", |x| x.name.as_str());
                let what = if same_name(other, &e.name) {
                    format!("duplicate entity `{}`", e.name)
                } else {
                    format!("the name `{n}` is already used by `{other}`")
                };
                cx.error(&r.value.name.referenced, what);
            }
        }
        let index = entities.len();
        names.extend(
            std::iter::once(e.name.clone())
                .chain(e.aliases.iter().cloned())
                .chain(e.formerly.iter().map(|f| f.name.clone()))
                .map(|n| (n, index)),
        );
        entities.push(e);
    }
    if cx.errors.is_empty() {
        Ok(entities)
    } else {
        Err(cx.errors)
    }
}

fn build_entity(cx: &mut FileCx<'_>, r: &RawEntity, at: &serde_saphyr::Location) -> Option<Entity> {
    let before = cx.errors.len();
    let name = r.name.value.trim().to_string();
    if name.is_empty() {
        cx.error(&r.name.referenced, "an entity needs a non-empty name");
    }
    if !TYPES.contains(&r.kind.value.as_str()) {
        let (s, e) = byte_range(cx.text, &r.kind.referenced);
        cx.errors.push(
            RuleFileError::new(
                cx.path,
                cx.text,
                s,
                e,
                format!("unknown entity type `{}`", r.kind.value),
            )
            .with_help(format!("known types: {}", TYPES.join(", "))),
        );
    }
    let case_insensitive = match &r.case {
        None => false,
        Some(c) if c.value == "sensitive" => false,
        Some(c) if c.value == "insensitive" => true,
        Some(c) => {
            cx.error(
                &c.referenced,
                format!("`case` is `sensitive` or `insensitive`, not `{}`", c.value),
            );
            false
        }
    };
    let mut aliases = Vec::new();
    for a in &r.aliases {
        let v = a.value.trim();
        if v.is_empty() {
            cx.error(&a.referenced, "an alias cannot be empty");
        } else {
            aliases.push(v.to_string());
        }
    }
    let mut dated = |list: &[(&'static str, &Option<Spanned<Scalar>>)]| {
        let mut out = Vec::new();
        for (verb, raw) in list {
            if let Some(raw) = raw {
                if let Some(date) = cx.date(raw) {
                    out.push(Fact { verb, date });
                }
            }
        }
        out
    };
    let starts = dated(&[
        ("announced", &r.announced),
        ("founded", &r.founded),
        ("launched", &r.launched),
        ("released", &r.released),
        ("introduced", &r.introduced),
        ("signed", &r.signed),
        ("born", &r.born),
        ("began", &r.began),
        ("elected", &r.elected),
        ("adopted", &r.adopted),
    ]);
    let ends = dated(&[
        ("dissolved", &r.dissolved),
        ("died", &r.died),
        ("discontinued", &r.discontinued),
        ("ended", &r.ended),
    ]);
    let named = r.named.as_ref().and_then(|d| cx.date(d));
    if let (Some(first), Some(end)) = (
        starts.iter().map(|f| f.date.first_day()).min(),
        ends.iter().map(|f| f.date.last_day()).max(),
    ) {
        if end < first {
            cx.error(&r.name.referenced, "the entity ends before it begins");
        }
    }
    let mut formerly = Vec::new();
    for f in &r.formerly {
        let until = cx.date(&f.value.until);
        if f.value.name.value.trim().is_empty() {
            cx.error(&f.value.name.referenced, "a former name cannot be empty");
        }
        if let Some(until) = until {
            formerly.push(FormerName {
                name: f.value.name.value.trim().to_string(),
                until,
            });
        }
    }
    let mut terms = Vec::new();
    for t in &r.terms {
        let from = cx.date(&t.value.from);
        let to = t.value.to.as_ref().and_then(|d| cx.date(d));
        if let (Some(from), Some(to)) = (from, to) {
            if to.last_day() < from.first_day() {
                if let Some(raw_to) = &t.value.to {
                    cx.error(&raw_to.referenced, "a term cannot end before it begins");
                }
            }
        }
        let office = t.value.office.value.trim().to_string();
        if office.is_empty() {
            cx.error(&t.value.office.referenced, "a term needs an office");
        }
        let title = t
            .value
            .title
            .as_ref()
            .map_or_else(|| office.clone(), |s| s.value.trim().to_string());
        let jurisdiction = t
            .value
            .jurisdiction
            .as_ref()
            .map(|j| j.value.trim().to_string())
            .or_else(|| place_of_office(&office));
        // A place given without its country is a country itself ("President of France").
        let country = t
            .value
            .country
            .as_ref()
            .map(|c| c.value.trim().to_string())
            .or_else(|| jurisdiction.clone());
        if let Some(from) = from {
            terms.push(Term {
                office,
                title,
                from,
                to,
                jurisdiction,
                country,
            });
        }
    }
    let mut attributes = Vec::new();
    for a in &r.attributes {
        let raw = &a.value;
        let kinds = [raw.number.is_some(), raw.date.is_some(), raw.text.is_some()];
        let value = match kinds {
            [true, false, false] => {
                let tolerance = raw.tolerance.unwrap_or(0.0);
                if !(0.0..1.0).contains(&tolerance) {
                    cx.error(
                        &a.referenced,
                        "`tolerance` is a fraction from 0 up to 1 (0.05 = 5%)",
                    );
                }
                raw.number.map(|value| Value::Number {
                    value,
                    unit: raw.unit.clone(),
                    tolerance,
                })
            }
            [false, true, false] => raw.date.as_ref().and_then(|d| cx.date(d)).map(Value::Date),
            [false, false, true] => raw.text.clone().map(Value::Text),
            _ => {
                cx.error(
                    &a.referenced,
                    "an attribute has exactly one of `number`, `date` or `text`",
                );
                None
            }
        };
        if (raw.unit.is_some() || raw.tolerance.is_some()) && raw.number.is_none() {
            cx.error(
                &a.referenced,
                "`unit` and `tolerance` belong to a `number` attribute",
            );
        }
        let as_of = raw.as_of.as_ref().and_then(|d| cx.date(d));
        let from = raw.from.as_ref().and_then(|d| cx.date(d));
        let to = raw.to.as_ref().and_then(|d| cx.date(d));
        if let (Some(f), Some(t), Some(raw_to)) = (from, to, &raw.to) {
            if t.last_day() < f.first_day() {
                cx.error(
                    &raw_to.referenced,
                    "an attribute cannot end before it begins",
                );
            }
        }
        if raw.name.value.trim().is_empty() {
            cx.error(&raw.name.referenced, "an attribute needs a name");
        }
        let source = match &raw.source {
            Some(s) => cx.source(s),
            None => {
                cx.error(
                    &raw.name.referenced,
                    format!("attribute `{}` needs a `source`", raw.name.value),
                );
                Source::default()
            }
        };
        let mut claims = Vec::new();
        for c in &raw.claims {
            match claim_regex(&c.value) {
                Ok(_) => claims.push(c.value.clone()),
                Err(e) => cx.error(&c.referenced, format!("invalid claim phrasing: {e}")),
            }
        }
        if let Some(value) = value {
            attributes.push(Attribute {
                name: raw.name.value.trim().to_string(),
                value,
                source,
                as_of,
                from,
                to,
                origin: cx.path.to_string(),
                claims,
            });
        }
    }
    let mut avoid = Vec::new();
    for a in &r.avoid {
        let v = a.value.trim();
        if v.is_empty() {
            cx.error(&a.referenced, "an avoided spelling cannot be empty");
        } else if v == name || aliases.iter().any(|x| x == v) {
            cx.error(
                &a.referenced,
                format!("`{v}` is a name of the entity and cannot also be avoided"),
            );
        } else {
            avoid.push(v.to_string());
        }
    }
    let source = match &r.source {
        Some(s) => cx.source(s),
        None => {
            let (s, _) = byte_range(cx.text, at);
            let (ns, ne) = byte_range(cx.text, &r.name.referenced);
            let (s, e) = if ns >= s { (ns, ne) } else { (s, s) };
            cx.errors.push(
                RuleFileError::new(
                    cx.path,
                    cx.text,
                    s,
                    e,
                    format!("entity `{name}` has no `source`"),
                )
                .with_help("add `source: {wikidata: Q..., url: https://...}` (either or both)"),
            );
            Source::default()
        }
    };
    (cx.errors.len() == before).then(|| Entity {
        name,
        kind: r.kind.value.clone(),
        aliases,
        case_insensitive,
        starts,
        ends,
        formerly,
        named,
        speculated: r.speculated,
        terms,
        attributes,
        avoid,
        source,
        origin: cx.path.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The host of an http(s) URL, without `www.`.
    fn host(url: &str) -> &str {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        host.strip_prefix("www.").unwrap_or(host)
    }

    /// Load errors, one a line, for a test's panic message.
    fn messages(errors: &[RuleFileError]) -> String {
        errors
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The compiled snapshot gives the entities the YAML gives.
    #[test]
    fn compiled_knowledge_matches_the_yaml() {
        let expected = serde_json::to_string(&schema::snapshot(BUILTIN).expect("the YAML parses"))
            .expect("serialises");
        assert_eq!(COMPILED, expected, "build.rs compiles the built-in YAML");
        assert_eq!(
            builtin_entities().expect("the snapshot loads"),
            load_builtin_yaml().expect("built-in YAML loads")
        );
    }

    /// Every built-in value was compared with a second record: each source lists at
    /// least one `checked` page, on another site than the primary record and not a copy
    /// of Wikipedia or Wikidata.
    #[test]
    fn every_builtin_fact_has_a_second_source() {
        let entities = load_builtin_yaml().unwrap_or_else(|e| panic!("{}", messages(&e)));
        let mut missing = Vec::new();
        for e in &entities {
            let sources = std::iter::once((e.name.clone(), &e.source)).chain(
                e.attributes
                    .iter()
                    .map(|a| (format!("{} / {}", e.name, a.name), &a.source)),
            );
            for (what, source) in sources {
                let primary = source.url.as_deref().map(host);
                let independent = source.checked.iter().any(|c| {
                    let h = host(c);
                    Some(h) != primary
                        && !h.ends_with("wikipedia.org")
                        && !h.ends_with("wikidata.org")
                });
                if !independent {
                    missing.push(what);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "no independent second source for: {}",
            missing.join(", ")
        );
    }

    #[test]
    fn builtin_knowledge_loads() {
        let kb = load(&[]).unwrap_or_else(|e| panic!("{}", messages(&e)));
        assert!(kb.entities.len() >= 150, "{}", kb.entities.len());
    }

    #[test]
    fn dates_parse_to_their_precision() {
        let d = KbDate::parse("2022-11-30").expect("valid");
        assert_eq!(d.to_string(), "30 November 2022");
        assert_eq!(d.with_verb("released"), "released 30 November 2022");
        let m = KbDate::parse("2006-07").expect("valid");
        assert_eq!(m.last_day().to_string(), "2006-07-31");
        assert_eq!(m.with_verb("launched"), "launched in July 2006");
        assert!(KbDate::parse("2023-02-29").is_none());
        assert!(KbDate::parse("2023-13").is_none());
        assert!(KbDate::parse("23-01-01").is_none());
    }

    #[test]
    fn errors_point_into_the_yaml() {
        let yaml = "- name: Foo\n  type: product\n  released: 2022-02-30\n  source: {url: https://example.com}\n";
        let errs = load_file("k.yaml", yaml).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 3, "{}", errs[0].message);

        let yaml = "- name: Foo\n  type: product\n  relased: 2022-02-03\n  source: {url: https://example.com}\n";
        let errs = load_file("k.yaml", yaml).unwrap_err();
        assert_eq!(errs[0].line, 3, "{}", errs[0].message);

        let yaml = "- name: Foo\n  type: product\n  released: 2022\n";
        let errs = load_file("k.yaml", yaml).unwrap_err();
        assert!(
            errs[0].message.contains("no `source`"),
            "{}",
            errs[0].message
        );
        assert_eq!(errs[0].line, 1);

        let yaml = "- name: Foo\n  type: product\n  source: {wikidata: Q1}\n- name: foo\n  type: product\n  source: {wikidata: Q2}\n";
        let errs = load_file("k.yaml", yaml).unwrap_err();
        assert!(errs[0].message.contains("duplicate entity"), "{errs:?}");
        assert_eq!(errs[0].line, 4);

        let yaml = "- name: Foo\n  type: product\n  source: {wikidata: Q1}\n  attributes:\n    - {name: size, number: 3}\n";
        let errs = load_file("k.yaml", yaml).unwrap_err();
        assert!(errs[0].message.contains("needs a `source`"), "{errs:?}");
        assert_eq!(errs[0].line, 5);
    }

    #[test]
    fn names_match_as_whole_words_only() {
        let kb = load(&[]).expect("built-in knowledge");
        let text = "ChatGPT and GPT-4.5 but not GPT-4x; GPT-4 is here. chatgpt. Xi'an";
        let found: Vec<&str> = kb.find(text).iter().map(|m| m.span.text(text)).collect();
        assert!(found.contains(&"ChatGPT"));
        assert!(found.contains(&"GPT-4"));
        assert!(!found.contains(&"chatgpt"));
        assert!(!found.contains(&"Xi"));
        assert_eq!(found.iter().filter(|f| **f == "GPT-4").count(), 1);
    }

    #[test]
    fn user_entities_replace_builtin_ones() {
        let user = "- name: ChatGPT\n  type: product\n  released: 2022-12-01\n  source: {url: https://example.com}\n".to_string();
        let kb = load(&[("mine.yaml".into(), user)]).expect("valid");
        let e = kb
            .entities
            .iter()
            .find(|e| e.name == "ChatGPT")
            .expect("ChatGPT");
        assert_eq!(e.origin, "mine.yaml");
    }

    #[test]
    fn a_hand_written_person_is_completed_by_their_imported_record() {
        // Mike Pence: the hand-written entry gives the vice-presidency alone; the
        // imported record adds his birth date, the House and the governorship.
        let kb = builtin();
        let i = kb
            .entities
            .iter()
            .position(|e| e.name == "Mike Pence")
            .expect("Mike Pence is hand-written");
        let record = kb.record_of(i).expect("linked to the imported record");
        assert_eq!(
            kb.local_of(record).map(|e| e.name.as_str()),
            Some("Mike Pence")
        );
        for r in [EntityRef::Local(i), EntityRef::Imported(record)] {
            let e = kb.resolve(r).expect("resolves");
            assert_eq!(e.origin, "rules/knowledge/leaders.yaml");
            let born = e.starts.iter().find(|f| f.verb == "born").expect("born");
            assert_eq!(born.date.to_string(), "7 June 1959");
            let offices: Vec<&str> = e.terms.iter().map(|t| t.office.as_str()).collect();
            assert!(offices.contains(&"Governor of Indiana"), "{offices:?}");
            // The office both give appears once: the hand-written term.
            let vp: Vec<_> = e
                .terms
                .iter()
                .filter(|t| t.office == "Vice President of the United States")
                .collect();
            assert_eq!(vp.len(), 1);
            assert!(e
                .source
                .url
                .as_deref()
                .is_some_and(|u| u.contains("open data")));
        }
    }

    #[test]
    fn hand_written_terms_of_an_office_replace_the_imported_ones() {
        let date = |s: &str| KbDate::parse(s).expect("date");
        let term = |office: &str, from: &str, to: Option<&str>| Term {
            office: office.into(),
            title: "Senate Majority Leader".into(),
            from: date(from),
            to: to.map(date),
            jurisdiction: None,
            country: None,
        };
        let mut local = Entity {
            name: "Pat Example".into(),
            kind: "person".into(),
            aliases: Vec::new(),
            case_insensitive: false,
            starts: Vec::new(),
            ends: Vec::new(),
            formerly: Vec::new(),
            named: None,
            speculated: false,
            terms: vec![term(
                "Majority Leader of the United States Senate",
                "2021-01-20",
                Some("2025-01-03"),
            )],
            attributes: Vec::new(),
            avoid: Vec::new(),
            source: Source::default(),
            origin: "mine.yaml".into(),
        };
        let mut imported = local.clone();
        imported.name = "Patricia Example".into();
        imported.terms = vec![
            term("Majority Leader of the United States Senate", "2021", None),
            term("United States Senator", "1999", None),
        ];
        imported.starts = vec![Fact {
            verb: "born",
            date: date("1950-11-23"),
        }];
        local.starts = vec![Fact {
            verb: "born",
            date: date("1950"),
        }];
        let e = merged(&local, imported.clone());
        assert_eq!(e.terms.len(), 2);
        assert_eq!(e.terms[0].to, Some(date("2025-01-03")));
        assert_eq!(e.terms[1].office, "United States Senator");
        assert!(e.is_named("Patricia Example"));
        // The hand-written birth date stands.
        assert_eq!(e.starts.len(), 1);
        assert_eq!(e.starts[0].date, date("1950"));
        // A birth year in both that differs is two people.
        local.starts = vec![Fact {
            verb: "born",
            date: date("1961"),
        }];
        assert!(!agrees(&local, &imported));
        local.starts.clear();
        local.terms[0].from = date("2022-01-20");
        assert!(!agrees(&local, &imported), "no office starts the same year");
        local.terms[0].from = date("2021");
        assert!(agrees(&local, &imported));
    }
}
