//! `name-inconsistent`: one known entity spelled two ways in one article ("Ernie Bot"
//! and "ERNIE Bot", "Erdogan" and "Erdoğan", "Dmitry Medvedev" and "Dmitri Medvedev").
//!
//! Why: readers take two spellings for two people or products, and house style wants
//! one. The first spelling in the article sets the style; later variants are flagged
//! with it as the fix.
//! Limits: only names of the knowledge base, and only variants: the same name up to
//! case, accents, spaces and hyphens, or a spelling one or two letters away (of names
//! of six letters or more). A short form ("Biden" after "Joe Biden") is not a variant;
//! nor is a fuller form ("Donald J. Trump"), a former name, or a name inside a
//! quotation (a quote keeps its own spelling).

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use crate::extract::EntityMention;
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct NameInconsistent;

impl NameInconsistent {
    pub fn new(_: Params) -> Self {
        NameInconsistent
    }
}

impl Build for NameInconsistent {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(NameInconsistent::new(params))
    }
}

/// Lower case, common Latin accents folded, spaces, hyphens and dots removed.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ğ' => 'g',
            'ñ' => 'n',
            'ş' => 's',
            'ō' => 'o',
            other => other,
        })
        .collect()
}

/// Levenshtein distance, giving up (returning `limit + 1`) past `limit`.
fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0).min(limit + 1)
}

/// Whether two spellings of one entity are variants of one name.
fn variants(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    // A name with a word more or fewer ("Donald J. Trump") is a fuller form, not a variant.
    let tokens = |s: &str| -> Vec<String> { s.split_whitespace().map(normalise).collect() };
    let (ta, tb) = (tokens(a), tokens(b));
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if short.len() < long.len() && short.iter().all(|t| long.contains(t)) {
        return false;
    }
    let (na, nb) = (normalise(a), normalise(b));
    if na == nb {
        return true;
    }
    let long = na.chars().count() >= 6 && nb.chars().count() >= 6;
    let same_start = na.chars().take(3).eq(nb.chars().take(3));
    long && same_start && distance(&na, &nb, 2) <= 2
}

/// `s` with its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// Whether the mention is the first word of its sentence (an opening quotation mark or
/// bracket may stand before it), where a capital says nothing about the name.
fn begins_sentence(cx: &CheckContext<'_>, m: &EntityMention) -> bool {
    cx.doc.prose.sentence_at(m.span.start).is_some_and(|s| {
        cx.text
            .get(s.start..m.span.start)
            .is_some_and(|before| before.chars().all(|c| matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '*' | '_' | ' ')))
    })
}

/// Where a name's case comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Setting {
    /// Its own spelling.
    Plain,
    /// A sentence's start or a title: the first letter's case says nothing.
    Title,
    /// A line in capitals: no letter's case says anything.
    Capitals,
}

/// Short words a title leaves in lower case ("Preparedness for Mpox").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "the", "to", "up", "via", "vs", "with",
];

/// Where the mention's case comes from: its own spelling, or the setting it stands in:
/// between capitalised words ("the State Mpox Response Team"), a title-case heading
/// ("Key Updates on Preparedness for Mpox:"), or words in capitals ("SUPPORTING MPOX
/// TESTING").
fn setting(cx: &CheckContext<'_>, m: &EntityMention) -> Setting {
    let line_start = cx
        .text
        .get(..m.span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = cx
        .text
        .get(m.span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(cx.text.len(), |i| m.span.end + i);
    let before = cx.text.get(line_start..m.span.start).unwrap_or("");
    let after = cx.text.get(m.span.end..line_end).unwrap_or("");
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // Up to four words on each side, within the clause (a word ending in a stop, colon
    // or semicolon closes it).
    let mut near: Vec<String> = Vec::new();
    for (i, w) in before.split_whitespace().rev().take(4).enumerate() {
        if i > 0 && w.ends_with(['.', ':', ';', '!', '?']) {
            break;
        }
        near.push(word(w));
    }
    let previous = near.first().cloned();
    let mut next = None;
    if !after.starts_with(['.', ':', ';', '!', '?', ',', ')']) {
        for w in after.split_whitespace().take(4) {
            next.get_or_insert_with(|| word(w));
            near.push(word(w));
            if w.ends_with(['.', ':', ';', '!', '?', ',']) {
                break;
            }
        }
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words: Vec<&String> = near
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let all_caps = !words.is_empty() && words.iter().all(|w| !w.chars().any(char::is_lowercase));
    let content: Vec<&&String> = words
        .iter()
        .filter(|w| !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    if all_caps {
        Setting::Capitals
    } else if previous.as_deref().is_some_and(capital)
        || next.as_deref().is_some_and(capital)
        || (content.len() >= 2 && content.iter().all(|w| capital(w)))
    {
        Setting::Title
    } else {
        Setting::Plain
    }
}

/// One place a name is written, with the spelling it counts as.
struct Place<'t> {
    span: Span,
    found: &'t str,
    /// The spelling this place counts as: its own text, or for a capital at a sentence
    /// start (or inside a title) the spelling written elsewhere that differs only by it.
    key: &'t str,
    setting: Setting,
}

/// How many times, in words for two.
fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// `replacement` with the capital of the place's first letter where the place's
/// capital comes from its position (a sentence's first word).
fn respell(place: &Place<'_>, replacement: &str) -> String {
    let capital = place.found.chars().next().is_some_and(char::is_uppercase);
    if place.setting != Setting::Plain && capital {
        let mut chars = replacement.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    } else {
        replacement.to_string()
    }
}

impl NameInconsistent {
    /// Reports one entity's places: one finding per set of spellings that are variants
    /// of each other, at the first place written other than the preferred spelling.
    fn report(
        &self,
        cx: &CheckContext<'_>,
        entity: usize,
        places: &[Place<'_>],
        out: &mut Vec<Finding>,
    ) {
        // The distinct spellings in order of first use, with how often each is written.
        let mut spellings: Vec<(&str, usize)> = Vec::new();
        for p in places {
            match spellings.iter_mut().find(|(k, _)| *k == p.key) {
                Some((_, n)) => *n += 1,
                None => spellings.push((p.key, 1)),
            }
        }
        if spellings.len() < 2 {
            return;
        }
        // Spellings joined when one is a variant of another (rarely more than one group:
        // "Biden" and "Joe Biden" are forms, not variants).
        let mut group: Vec<usize> = (0..spellings.len()).collect();
        for i in 0..spellings.len() {
            for j in 0..i {
                if variants(spellings[j].0, spellings[i].0) {
                    let (gi, gj) = (group[i], group[j]);
                    for g in group.iter_mut() {
                        if *g == gi {
                            *g = gj;
                        }
                    }
                }
            }
        }
        let record = cx.kb.entity(entity);
        let name = record.map_or("", |e| e.name.as_str());
        let mut groups: Vec<usize> = group.clone();
        groups.sort_unstable();
        groups.dedup();
        for g in groups {
            let members: Vec<(&str, usize)> = spellings
                .iter()
                .zip(&group)
                .filter(|&(_, &gg)| gg == g)
                .map(|(&s, _)| s)
                .collect();
            if members.len() < 2 {
                continue;
            }
            // The house form (the knowledge base's own name) when the article uses it,
            // else the spelling written most, else the first.
            let most = members.iter().map(|&(_, n)| n).max().unwrap_or(0);
            let most_used: Vec<&str> = members
                .iter()
                .filter(|&&(_, n)| n == most)
                .map(|&(k, _)| k)
                .collect();
            let (preferred, why) = match members.iter().find(|&&(k, _)| k == name) {
                Some(&(house, _)) => (house, "the house spelling"),
                None if most_used.len() == 1 => (most_used[0], "the spelling used most"),
                None => (most_used[0], "the spelling used first"),
            };
            let in_group = |p: &&Place<'_>| members.iter().any(|&(k, _)| k == p.key);
            let others: Vec<&Place<'_>> = places
                .iter()
                .filter(in_group)
                .filter(|p| p.key != preferred)
                .collect();
            let Some(first) = others.first() else {
                continue;
            };
            let listed: Vec<String> = members
                .iter()
                .map(|&(k, n)| format!("“{k}” {}", times(n)))
                .collect();
            let spelled = match listed.as_slice() {
                [a, b] => format!("{a} and {b}"),
                _ => listed.join(", "),
            };
            let mut finding = Finding::at(first.span)
                .arg("found", first.found)
                .arg("first", members[0].0)
                .arg("preferred", preferred)
                .arg("why", why)
                .arg("spellings", spelled)
                .arg("entity", name)
                .fix(first.span, respell(first, preferred));
            for p in places.iter().filter(in_group) {
                if std::ptr::eq(p, *first) {
                    continue;
                }
                if p.key == preferred {
                    finding = finding.label(p.span, format!("“{preferred}”"));
                } else {
                    finding = finding
                        .label(p.span, format!("also “{}”", p.found))
                        .fix_also(p.span, respell(p, preferred));
                }
            }
            out.push(finding);
        }
    }
}

impl Kind for NameInconsistent {
    fn args(&self) -> Vec<String> {
        ["found", "first", "preferred", "why", "spellings", "entity"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        // Each entity's places in order, entities in order of first mention.
        let mut entities: Vec<(usize, Vec<Place<'_>>)> = Vec::new();
        for m in cx
            .mentions
            .entities
            .iter()
            .filter(|m| !m.former && !cx.doc.prose.is_quoted(m.span.start))
        {
            let found = m.span.text(cx.text);
            // A capital at a sentence's start, or inside a title-case name ("the White
            // House Mpox Response Team"), says nothing about how the name is spelled.
            let setting = match setting(cx, m) {
                Setting::Plain if begins_sentence(cx, m) => Setting::Title,
                other => other,
            };
            let place = Place {
                span: m.span,
                found,
                key: found,
                setting,
            };
            match entities.iter_mut().find(|(e, _)| *e == m.entity) {
                Some((_, places)) => places.push(place),
                None => entities.push((m.entity, vec![place])),
            }
        }
        for (entity, places) in &mut entities {
            // "Mpox spread" at a sentence's start is the "mpox" written elsewhere.
            // "MPOX" in a line of capitals is any spelling written elsewhere in capitals.
            let plain: Vec<&str> = places
                .iter()
                .filter(|p| p.setting == Setting::Plain)
                .map(|p| p.found)
                .collect();
            for p in places.iter_mut() {
                let same = |k: &&&str| match p.setting {
                    Setting::Plain => false,
                    Setting::Title => lower_first(k) == lower_first(p.found),
                    Setting::Capitals => k.to_uppercase() == p.found.to_uppercase(),
                };
                if let Some(&k) = plain.iter().find(same) {
                    p.key = k;
                }
            }
            self.report(cx, *entity, places, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_a_second_spelling() {
        assert_finds(
            &NameInconsistent,
            "Ernie Bot launched. Users liked <<ERNIE Bot>>.",
            None,
        );
        assert_finds(
            &NameInconsistent,
            "Erdoğan spoke. Later <<Erdogan>> left.",
            None,
        );
        assert_finds(
            &NameInconsistent,
            "Dmitry Medvedev spoke. Later <<Dmitri Medvedev>> left.",
            None,
        );
    }

    #[test]
    fn regression_a_capital_at_a_sentence_start_or_in_a_title_is_not_a_spelling() {
        assert_clean(
            &NameInconsistent,
            "Cases of mpox rose. Mpox spreads by contact. The State Mpox Response Team met.",
            None,
        );
        // Mid-sentence and alone, the capital is a second spelling.
        assert_finds(
            &NameInconsistent,
            "Cases of mpox rose, and officials said <<Mpox>> spreads by contact.",
            None,
        );
    }

    #[test]
    fn reports_an_entity_once_with_every_place_and_one_fix_for_all() {
        // Three places written "Erdogan" against one "Erdoğan": the spelling used most
        // wins, the finding stands at the first place written the other way.
        let f = assert_finds(
            &NameInconsistent,
            "<<Erdoğan>> spoke. Later Erdogan left. Then Erdogan returned, and Erdogan ate.",
            None,
        );
        assert_eq!(f.labels.len(), 3, "{f:?}");
        assert_eq!(f.fix.as_ref().map(|f| f.1.as_str()), Some("Erdogan"));
        assert!(f.fix_also.is_empty(), "{f:?}");
        // Two against two: the first spelling wins, and one fix respells both places.
        let f = assert_finds(
            &NameInconsistent,
            "Erdoğan spoke and Erdoğan left. <<Erdogan>> returned; Erdogan ate.",
            None,
        );
        assert_eq!(f.fix.as_ref().map(|f| f.1.as_str()), Some("Erdoğan"));
        assert_eq!(f.fix_also.len(), 1, "{f:?}");
        assert_eq!(f.labels.len(), 3, "{f:?}");
        let why = f.args.iter().find(|(k, _)| k == "why").map(|(_, v)| v.as_str());
        assert_eq!(why, Some("the spelling used first"));
    }

    #[test]
    fn the_house_spelling_wins_when_the_article_uses_it() {
        // "Ernie Bot" is the knowledge base's name; "ERNIE Bot" its alias.
        let f = assert_finds(
            &NameInconsistent,
            "<<ERNIE Bot>> launched. ERNIE Bot stalled, and Ernie Bot recovered.",
            None,
        );
        assert_eq!(f.fix.as_ref().map(|f| f.1.as_str()), Some("Ernie Bot"));
        assert_eq!(f.fix_also.len(), 1, "{f:?}");
    }

    #[test]
    fn regression_a_name_in_a_heading_takes_the_heading_s_case() {
        let text = "Cases of mpox rose.\n\nSUPPORTING MPOX TESTING AND CARE\n\nKey Steps in Preparing for Mpox: clinics opened.\n\nMpox vaccines reached 40 clinics.";
        assert_clean(&NameInconsistent, text, None);
    }

    #[test]
    fn a_respelling_at_a_sentence_start_keeps_its_capital() {
        let p = Place {
            span: Span::new(0, 4),
            found: "MPOX",
            key: "MPOX",
            setting: Setting::Title,
        };
        assert_eq!(respell(&p, "mpox"), "Mpox");
        let p = Place {
            setting: Setting::Plain,
            ..p
        };
        assert_eq!(respell(&p, "mpox"), "mpox");
    }

    #[test]
    fn allows_short_forms_former_names_and_quotes() {
        assert_clean(
            &NameInconsistent,
            "Joe Biden spoke. Later Biden left.",
            None,
        );
        assert_clean(
            &NameInconsistent,
            "Donald Trump spoke. Donald J. Trump signed.",
            None,
        );
        assert_clean(
            &NameInconsistent,
            "Erdoğan spoke. \"Erdogan is right,\" a voter said.",
            None,
        );
    }
}
