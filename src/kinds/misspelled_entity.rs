//! `misspelled-entity`: a near-miss spelling of a known two-word name ("Xi Jingping",
//! "Angela Merkle", "Emanuel Macron"), with the right spelling as the fix.
//!
//! Why: a misspelt name is the most visible error a news story can make, and a spell
//! checker knows neither the right spelling nor that the word is a name.
//! Limits: names of the knowledge base written as two words; one word must match
//! exactly and the other be one edit away (a transposition counts as one): a letter
//! replaced or swapped in a word of six letters or more, added or dropped in one of
//! seven or more, so "Li Qiang" and "Li Jiang" or "Mark Carney" and "Mark Carey" (other
//! people) are never confused. A word that is itself part of a known name is not a
//! misspelling, nor is a surname some imported person has ("Alberto Gonzalez" is not
//! "Alberto Gonzales"). The pairs of capitalised words are read from the prose here, since the
//! extractor only reports names it knows.
//!
//! House spellings: an entity's `avoid:` spellings ("Open AI" for OpenAI) are flagged
//! wherever they stand as words, with the canonical name as a safe fix.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct MisspelledEntity;

impl MisspelledEntity {
    pub fn new(_: Params) -> Self {
        MisspelledEntity
    }
}

impl Build for MisspelledEntity {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(MisspelledEntity::new(params))
    }
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
fn osa(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    if let Some(first) = d.first_mut() {
        for (j, cell) in first.iter_mut().enumerate() {
            *cell = j;
        }
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// Capitalised words of `text` with their spans (runs of letters; ASCII is read byte by
/// byte, other characters decoded).
fn capitalised_words(text: &str) -> Vec<(Span, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i <= bytes.len() {
        let (letter, len) = match bytes.get(i) {
            None => (false, 1),
            Some(b) if b.is_ascii() => (b.is_ascii_alphabetic(), 1),
            Some(_) => {
                let c = text.get(i..).and_then(|t| t.chars().next());
                (
                    c.is_some_and(char::is_alphabetic),
                    c.map_or(1, char::len_utf8),
                )
            }
        };
        match (start, letter) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text.get(s..i).unwrap_or("");
                if word.chars().next().is_some_and(char::is_uppercase) {
                    out.push((Span::new(s, i), word));
                }
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    out
}

impl Kind for MisspelledEntity {
    fn args(&self) -> Vec<String> {
        ["found", "name", "why"].map(String::from).to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for m in cx.kb.find_avoided(cx.text) {
            if let Some(e) = cx.kb.entity(m.name.entity) {
                out.push(
                    Finding::at(m.span)
                        .arg("found", m.span.text(cx.text))
                        .arg("name", &e.name)
                        .arg("why", " (the house spelling)")
                        .fix(m.span, e.name.clone()),
                );
            }
        }
        // Two-word names, and every word of every name (never a misspelling itself).
        let names = cx.kb.two_word_names();
        // Entity spans by start, with the furthest end so far: a span lies inside some
        // entity exactly when an entity starting at or before it reaches its end.
        let mut entity_spans: Vec<crate::span::Span> =
            cx.mentions.entities.iter().map(|m| m.span).collect();
        entity_spans.sort();
        let mut furthest = Vec::with_capacity(entity_spans.len());
        let mut end = 0;
        for s in &entity_spans {
            end = end.max(s.end);
            furthest.push(end);
        }
        let inside_entity = |span: crate::span::Span| {
            let n = entity_spans.partition_point(|s| s.start <= span.start);
            n > 0 && furthest[n - 1] >= span.end
        };
        let words = capitalised_words(cx.text);
        // Surnames already looked up (each lookup scans the name index).
        let mut surnames: Vec<(String, bool)> = Vec::new();
        let mut imported_surname = |word: &str| -> bool {
            if let Some(&(_, known)) = surnames.iter().find(|(w, _)| *w == word) {
                return known;
            }
            let known = is_imported_surname(cx, word);
            surnames.push((word.to_string(), known));
            known
        };
        for w in words.windows(2) {
            let [(s1, w1), (s2, w2)] = [w[0], w[1]];
            // Adjacent: one space between the words.
            if cx.text.get(s1.end..s2.start) != Some(" ") {
                continue;
            }
            let span = s1.cover(s2);
            if inside_entity(span) {
                continue;
            }
            // A letter swapped or replaced in a word of six letters or more; a letter
            // added or dropped only from seven ("Carey" is not "Carney").
            // "Dayton-Paris Agreements" is part of another name.
            if cx.text[..span.start].ends_with('-') {
                continue;
            }
            let near = |found: &str, right: &str| {
                let (lf, lr) = (found.chars().count(), right.chars().count());
                found != right
                    // The plural of a name's word is another thing ("Agreements").
                    && found.strip_suffix('s') != Some(right)
                    && (lr >= 7 || (lr >= 6 && lf == lr))
                    && !names.known_words.contains(found)
                    && (osa(found, right) == 1
                        // A double moved ("Schwarzenneger"), from seven letters.
                        || lr >= 7 && doubling_variants(found).0.iter().any(|v| v == right))
            };
            let by_first = names.by_first.get(w1).into_iter().flatten();
            let by_second = names.by_second.get(w2).into_iter().flatten();
            let mut candidates: Vec<usize> = by_first.chain(by_second).copied().collect();
            candidates.sort_unstable();
            let hit = candidates.into_iter().find_map(|i| {
                let (first, second, name) = &names.pairs[i];
                ((w1 == first && near(w2, second) && !imported_surname(w2))
                    || (w2 == second && near(w1, first)))
                    .then_some(name)
            });
            if let Some(name) = hit {
                out.push(
                    Finding::at(span)
                        .arg("found", span.text(cx.text))
                        .arg("name", name)
                        .arg("why", "")
                        .unsafe_fix(span, name.clone()),
                );
            }
        }
        imported_near_misses(cx, &words, &inside_entity, out);
    }
}

/// Whether `word` is the last word of an imported person's name: a surname some known
/// person has ("Gonzalez" beside "Gonzales") is a name of its own, not a misspelling.
/// Read only for a near miss, which is rare, so the whole name index is scanned.
fn is_imported_surname(cx: &CheckContext<'_>, word: &str) -> bool {
    use crate::kb::atlas_index::{norm, type_code};
    let atlas = &cx.kb.atlas;
    let key = norm(word);
    let person = type_code("person");
    atlas
        .prefix_rows("")
        .filter_map(|i| atlas.entry(i))
        .any(|e| e.ty == person && e.key.rsplit(' ').next() == Some(key.as_str()))
}

/// How the titles [`super::people::title_before`] reads end.
const TITLE_ENDINGS: &[&str] = &[
    "Sen.", "Sen", "Senator", "Rep.", "Rep", "Representative", "Congressman", "Congresswoman",
    "Gov.", "Gov", "Governor", "President", "Pres.", "Prime Minister", "PM", "Chancellor",
    "Secretary-General", "Speaker", "Mayor", "Secretary", "State", "Treasury", "Defense",
    "Interior", "Agriculture", "Commerce", "Labor", "Services", "Development", "Transportation",
    "Energy", "Education", "Affairs", "Security", "General", "Justice", "Leader", "Whip",
    "House", "tempore",
];

/// Words before which a place name stands ("in Cincinatti", "from Pittsburg").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "to", "near", "outside", "at", "across", "around", "towards", "toward",
];

/// Near misses of the imported names (people, places), read with the context that
/// makes the entity plausible:
/// - two capitalised words whose first is a known person's first name and whose second
///   is one edit from that person's surname ("Mark Zuckerburg"), under the same length
///   rules as above and with the same first letter;
/// - one capitalised word after a place preposition whose doubled letters, moved,
///   added or dropped, give a known place name ("in Cincinatti", "to Missisippi").
///
/// The written form must not be a known name itself.
fn imported_near_misses(
    cx: &CheckContext<'_>,
    words: &[(Span, &str)],
    inside_entity: &dyn Fn(Span) -> bool,
    out: &mut Vec<Finding>,
) {
    use crate::kb::atlas_index::{norm, type_code};
    let atlas = &cx.kb.atlas;
    if atlas.is_empty() {
        return;
    }
    // The known names are sorted by start and do not overlap.
    let known = &cx.mentions.known;
    let known_at = |span: Span| {
        let i = known.partition_point(|m| m.span.end <= span.start);
        known.get(i).is_some_and(|m| m.span.overlaps(span))
    };
    let reported: std::cell::RefCell<Vec<Span>> = std::cell::RefCell::new(
        out.iter().map(|f| f.span).collect(),
    );
    let mut push = |span: Span, name: &str, why: String| {
        if reported.borrow().iter().any(|s| s.overlaps(span)) {
            return;
        }
        reported.borrow_mut().push(span);
        out.push(
            Finding::at(span)
                .arg("found", span.text(cx.text))
                .arg("name", name)
                .arg("why", format!(" ({why})"))
                .unsafe_fix(span, name.to_string()),
        );
    };
    let person = type_code("person");
    for (i, &(span, word)) in words.iter().enumerate() {
        if inside_entity(span) || known_at(span) || cx.doc.prose.is_quoted(span.start) {
            continue;
        }
        // A person: a title they held, their first name, and their surname one edit
        // away; not inside a longer run of capitalised words ("Robert William Forden").
        let joined = |a: Span, b: Span| cx.text.get(a.end..b.start) == Some(" ");
        // Only a word some known person's name starts with can be a first name.
        // A title must stand right before (checked first by its last byte: a full stop
        // or a letter then a space).
        let titled = cx.text[..span.start].strip_suffix(' ').is_some_and(|b| {
            TITLE_ENDINGS.iter().any(|t| b.ends_with(t))
        });
        let candidate = titled
            && words
                .get(i + 1)
                .is_some_and(|&(s2, w2)| joined(span, s2) && w2.len() >= 5)
            && atlas.may_start_name(word);
        let title = if candidate {
            super::people::title_before(cx.text, span.start)
        } else {
            None
        };
        let longer = i
            .checked_sub(1)
            .and_then(|p| words.get(p))
            .is_some_and(|&(p, _)| joined(p, span) && title.is_none())
            || words
                .get(i + 2)
                .is_some_and(|&(n, _)| words.get(i + 1).is_some_and(|&(s2, _)| joined(s2, n)));
        if let (Some(&(s2, w2)), Some((_, title)), false) = (words.get(i + 1), title, longer) {
            if joined(span, s2)
                && !known_at(s2)
                && !inside_entity(s2)
                && w2.chars().count() >= 5
            {
                let first = norm(word);
                let second = norm(w2);
                if let Some(initial) = second.chars().next() {
                    let prefix = format!("{first} {initial}");
                    let mut hit: Option<(String, String)> = None;
                    let mut ambiguous = false;
                    for r in atlas.prefix_rows(&prefix) {
                        let Some(e) = atlas.entry(r) else { continue };
                        let Some(surname) = e.key.strip_prefix(&format!("{first} ")) else {
                            continue;
                        };
                        if e.ty != person || surname.contains(' ') {
                            continue;
                        }
                        let (lf, lr) = (second.chars().count(), surname.chars().count());
                        let one_edit = (lr >= 7 || (lr >= 6 && lf == lr)) && osa(&second, surname) == 1;
                        // A doubled letter added, dropped or moved, in any length.
                        let (moved, one) = doubling_variants(&second);
                        let doubling = lr >= 5 && moved.iter().chain(&one).any(|v| v == surname);
                        if surname != second && (one_edit || doubling) {
                            let Some(record) = atlas.record(e.entity) else { continue };
                            let held = record
                                .to_entity()
                                .terms
                                .iter()
                                .any(|t| super::people::title_fits(t, title));
                            if !held {
                                continue;
                            }
                            // The name as written with this first name ("Chuck
                            // Schumer", an alias of "Charles E. Schumer").
                            let form = std::iter::once(&record.name)
                                .chain(record.aliases.iter().map(|a| &a.name))
                                .find(|n| norm(n) == e.key)
                                .unwrap_or(&record.name)
                                .clone();
                            if hit.as_ref().is_some_and(|h| h.0 != form) {
                                ambiguous = true;
                            }
                            hit = Some((form, record.kind.clone()));
                        }
                    }
                    // The written surname must not be a name of its own.
                    if !ambiguous && atlas.lookup(w2).is_empty() {
                        if let Some((name, _)) = hit {
                            let whole = span.cover(s2);
                            push(
                                whole,
                                &name,
                                format!("a {title} on record with this first name"),
                            );
                            continue;
                        }
                    }
                }
            }
        }
        // A place after a preposition: doubled letters moved, added or dropped.
        if word.chars().count() < 6 {
            continue;
        }
        let before = cx.text[..span.start].trim_end_matches(' ');
        let preposition = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "in Haaland v. Brackeen": a party to a case, not a place.
        let after = &cx.text[span.end..];
        if before.len() + 1 != span.start
            || !PLACE_PREPOSITIONS.contains(&preposition)
            || atlas.may_start_name(word) && !atlas.lookup(word).is_empty()
            || after.starts_with(" v. ")
            || after.starts_with(" v ")
            || after.starts_with(" vs")
        {
            continue;
        }
        let key = norm(word);
        // A double moved, for any place; a double added or dropped only for a country
        // or region (a city of the other spelling is too often another town).
        let places = ["city", "country", "region"].map(type_code);
        let large = ["country", "region"].map(type_code);
        let (moved, one) = doubling_variants(&key);
        let candidates = moved
            .into_iter()
            .map(|v| (v, &places[..]))
            .chain(one.into_iter().map(|v| (v, &large[..])));
        let found = candidates.into_iter().find_map(|(v, types)| {
            if !atlas.may_start_name(&v) {
                return None;
            }
            atlas
                .lookup(&v)
                .into_iter()
                .find(|e| types.contains(&e.ty))
                .and_then(|e| atlas.record(e.entity))
        });
        if let Some(record) = found.filter(|_| cx.kb.lookup(word).is_none()) {
            let country = record.values("country").next().unwrap_or("").to_string();
            let why = if country.is_empty() {
                format!("a {} on record", record.kind)
            } else {
                format!("a {} in {country} on record", record.kind)
            };
            push(span, &record.name, why);
        }
    }
}

/// The spellings of `word` with a double moved ("cincinatti" -> "cincinnati": one
/// doubled letter made single and another doubled), and those with one doubled letter
/// made single or one letter doubled.
fn doubling_variants(word: &str) -> (Vec<String>, Vec<String>) {
    let chars: Vec<char> = word.chars().collect();
    let undouble = |c: &[char]| -> Vec<Vec<char>> {
        (1..c.len())
            .filter(|&i| c[i] == c[i - 1])
            .map(|i| {
                let mut v = c.to_vec();
                v.remove(i);
                v
            })
            .collect()
    };
    let double = |c: &[char]| -> Vec<Vec<char>> {
        (0..c.len())
            .filter(|&i| c[i].is_alphabetic() && (i == 0 || c[i - 1] != c[i]))
            .filter(|&i| c.get(i + 1) != Some(&c[i]))
            .map(|i| {
                let mut v = c.to_vec();
                v.insert(i, c[i]);
                v
            })
            .collect()
    };
    let finish = |v: Vec<Vec<char>>| -> Vec<String> {
        let mut out: Vec<String> = v
            .into_iter()
            .map(|v| v.into_iter().collect::<String>())
            .filter(|v| v != word)
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let singles = undouble(&chars);
    let moved: Vec<Vec<char>> = singles.iter().flat_map(|s| double(s)).collect();
    let mut one = singles;
    one.extend(double(&chars));
    (finish(moved), finish(one))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_near_misses_of_known_names() {
        assert_finds(
            &MisspelledEntity,
            "<<Xi Jingping>> met the delegation.",
            None,
        );
        assert_finds(
            &MisspelledEntity,
            "Chancellor <<Angela Merkle>> spoke.",
            None,
        );
        assert_finds(&MisspelledEntity, "<<Emanuel Macron>> spoke.", None);
        // A double moved in a hand-written name.
        assert_finds(&MisspelledEntity, "<<Arnold Schwarzenneger>> spoke.", None);
        assert_clean(&MisspelledEntity, "Arnold Schwarzenegger spoke.", None);
        let f = assert_finds(&MisspelledEntity, "<<Open AI>> released a model.", None);
        assert_eq!(f.fix.map(|x| x.1), Some("OpenAI".to_string()));
    }

    #[test]
    fn doubled_letters_moved_added_or_dropped() {
        let (moved, _) = doubling_variants("cincinatti");
        assert!(moved.contains(&"cincinnati".to_string()), "{moved:?}");
        let (moved, one) = doubling_variants("carribean");
        assert!(moved.contains(&"caribbean".to_string()), "{moved:?}");
        assert!(!one.contains(&"caribbean".to_string()));
        let (_, one) = doubling_variants("missisippi");
        assert!(one.contains(&"mississippi".to_string()), "{one:?}");
    }

    #[test]
    fn flags_near_misses_of_imported_names() {
        assert_finds(&MisspelledEntity, "The team flew in from <<Cincinatti>> on Friday.", None);
        assert_clean(&MisspelledEntity, "The team flew in from Cincinnati on Friday.", None);
        assert_finds(&MisspelledEntity, "Rep. <<Steve Wommack>> spoke first.", None);
        assert_clean(&MisspelledEntity, "Rep. Steve Womack spoke first.", None);
    }

    #[test]
    fn allows_right_spellings_and_other_people() {
        assert_clean(
            &MisspelledEntity,
            "Xi Jinping met Li Qiang and Li Jiang.",
            None,
        );
        assert_clean(&MisspelledEntity, "Mark Carey and Mark Carney met.", None);
        assert_clean(&MisspelledEntity, "Boris Johnson met Boris Becker.", None);
        // "Gonzalez" is the surname of known people: not a misspelling of Gonzales.
        assert_clean(
            &MisspelledEntity,
            "Alberto Gonzalez, a senior adviser at the agency, spoke first.",
            None,
        );
    }
}
