//! Helpers shared by the kinds that check what a text says of known people (age, title,
//! death): which day the text speaks of, ages on a day, office titles as news writes
//! them.

use jiff::civil::Date;

use super::calendar::add_days;
use super::context::CheckContext;
use super::namesakes::is_common_name;
use crate::extract::CueKind;
use crate::kb::atlas_index::type_code;
use crate::kb::{EntityRef, KbDate, KnowledgeBase, Term};
use crate::reference::DateSource;
use crate::span::Span;

/// The reference date when it is known, not inferred: an inferred date is only the
/// earliest the text can be, which says nothing of a person's age or office on the day.
pub fn known_reference(cx: &CheckContext<'_>) -> Option<Date> {
    match cx.reference.source {
        DateSource::Inferred | DateSource::None => None,
        _ => cx.reference.date,
    }
}

/// Whether the passage around `span` (its paragraph) speaks of another time than the
/// reference date: a date or year in it (other than a birth date), or a decade. Such a
/// passage may name people by the age or title they had then.
pub fn passage_is_dated(cx: &CheckContext<'_>, span: Span, reference: Date) -> bool {
    let Some(paragraph) = cx.doc.prose.paragraph_at(span.start) else {
        return true;
    };
    let dated = cx.mentions.dates().iter().any(|d| {
        paragraph.contains(d.span)
            && d.bounds().is_some_and(|(first, last)| {
                // A date within a few weeks of the reference date is the news itself.
                last < add_days(reference, -45) || first > add_days(reference, 45)
            })
            // A birth date speaks of the person, not of the passage's time.
            && !d.cue.is_some_and(|c| c.kind == CueKind::Born)
    });
    dated
        || cx
            .mentions
            .temporal
            .periods
            .iter()
            .any(|p| paragraph.contains(p.span))
}

/// Where the last one to three words of `head` start, each separated by one space and
/// each taken by `is_name_word`, nearest first: the starts of the phrases ending at the
/// end of `head` that may name a place or a company ("York", "New York").
pub fn name_words_before(head: &str, is_name_word: impl Fn(&str) -> bool) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut start = head.len();
    for _ in 0..3 {
        let word_start = head[..start]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word_start == start || !is_name_word(&head[word_start..start]) {
            break;
        }
        starts.push(word_start);
        if word_start == 0 || !head[..word_start].ends_with(' ') {
            break;
        }
        start = word_start - 1;
    }
    starts
}

/// A person's age on `day`, for a birth date known to the day.
fn age_on(born: Date, day: Date) -> i32 {
    let before_birthday = (day.month(), day.day()) < (born.month(), born.day());
    i32::from(day.year()) - i32::from(born.year()) - i32::from(before_birthday)
}

/// The ages a person born on `born` (as precisely as known) can have on some day of
/// `first..=last`: the youngest and the oldest.
pub fn ages_between(born: KbDate, first: Date, last: Date) -> (i32, i32) {
    (
        age_on(born.last_day(), first),
        age_on(born.first_day(), last),
    )
}

/// An office title as written before a name, in its long form: "Sen." is "Senator",
/// "Rep." and "Congresswoman" are "Representative", "Gov." is "Governor", "PM" is
/// "Prime Minister", "CEO" and "chief executive" are "Chief Executive", "Treasury
/// Secretary" is "Secretary of the Treasury", "House Speaker" is "Speaker". A
/// congressional leader's title keeps the chamber when it is written ("Senate Majority
/// Leader") and a party leader's stands for either side ("Senate Republican Leader" is
/// "Senate Leader"): [`title_fits`] says which terms such a title names. `None` for words
/// that are no title.
pub fn canonical_title(written: &str) -> Option<&'static str> {
    let t = written.trim().trim_end_matches('.');
    Some(match t {
        "Sen" | "Senator" | "U.S. Sen" | "US Sen" | "U.S. Senator" => "Senator",
        "Rep" | "Representative" | "Congressman" | "Congresswoman" | "U.S. Rep" | "US Rep" => {
            "Representative"
        }
        "Gov" | "Governor" => "Governor",
        "Pres" | "President" => "President",
        "Vice President" | "VP" => "Vice President",
        "PM" | "Prime Minister" => "Prime Minister",
        "Chancellor" => "Chancellor",
        "Secretary-General" => "Secretary-General",
        "Speaker" | "House Speaker" | "Speaker of the House" => "Speaker",
        "Mayor" => "Mayor",
        "CEO"
        | "Chief Executive"
        | "Chief Executive Officer"
        | "chief executive"
        | "chief executive officer" => "Chief Executive",
        "Attorney General" => "Attorney General",
        "Chief Justice" => "Chief Justice",
        "Majority Leader" => "Majority Leader",
        "Minority Leader" => "Minority Leader",
        "Majority Whip" => "Majority Whip",
        "Minority Whip" => "Minority Whip",
        "Senate Majority Leader" => "Senate Majority Leader",
        "Senate Minority Leader" => "Senate Minority Leader",
        "House Majority Leader" => "House Majority Leader",
        "House Minority Leader" => "House Minority Leader",
        "Senate Majority Whip" => "Senate Majority Whip",
        "Senate Minority Whip" => "Senate Minority Whip",
        "House Majority Whip" => "House Majority Whip",
        "House Minority Whip" => "House Minority Whip",
        "Senate Republican Leader" | "Senate Democratic Leader" | "Senate GOP Leader" => {
            "Senate Leader"
        }
        "House Republican Leader" | "House Democratic Leader" | "House GOP Leader" => {
            "House Leader"
        }
        "President pro tempore" | "Senate President pro tempore" | "President Pro Tempore" => {
            "President pro tempore"
        }
        _ => return department_secretary(t),
    })
}

/// The heads of the United States executive departments, in the long form, with the
/// department words news writes before "Secretary" ("Treasury Secretary", "HHS
/// Secretary") or after "Secretary of" ("Secretary of the Treasury").
const DEPARTMENT_SECRETARIES: &[(&str, &[&str])] = &[
    ("Secretary of State", &["State"]),
    ("Secretary of the Treasury", &["Treasury", "the Treasury"]),
    ("Secretary of Defense", &["Defense", "Defence", "War"]),
    ("Secretary of the Interior", &["Interior", "the Interior"]),
    ("Secretary of Agriculture", &["Agriculture"]),
    ("Secretary of Commerce", &["Commerce"]),
    ("Secretary of Labor", &["Labor"]),
    (
        "Secretary of Health and Human Services",
        &["Health and Human Services", "HHS"],
    ),
    (
        "Secretary of Housing and Urban Development",
        &["Housing and Urban Development", "HUD"],
    ),
    ("Secretary of Transportation", &["Transportation"]),
    ("Secretary of Energy", &["Energy"]),
    ("Secretary of Education", &["Education"]),
    ("Secretary of Veterans Affairs", &["Veterans Affairs", "VA"]),
    (
        "Secretary of Homeland Security",
        &["Homeland Security", "DHS"],
    ),
];

/// "Secretary of the Treasury", "Treasury Secretary", "Defense Secretary": the head of a
/// United States executive department, in the long form. "State Secretary" is another
/// office (a junior minister in many countries) and is not read.
fn department_secretary(t: &str) -> Option<&'static str> {
    if let Some(dept) = t.strip_prefix("Secretary of ") {
        return DEPARTMENT_SECRETARIES
            .iter()
            .find(|(_, words)| words.contains(&dept))
            .map(|(long, _)| *long);
    }
    let dept = t.strip_suffix(" Secretary")?;
    DEPARTMENT_SECRETARIES
        .iter()
        .find(|(long, words)| {
            *long != "Secretary of State" && words.contains(&dept) && !dept.starts_with("the ")
        })
        .map(|(long, _)| *long)
}

/// The title of a term, in the long form [`canonical_title`] gives (or as recorded).
pub fn term_title(t: &Term) -> &str {
    canonical_title(&t.title).unwrap_or(&t.title)
}

/// Whether a term is of the office a title written before a name (in the long form
/// [`canonical_title`] gives) names: the same title, or a congressional leader's title
/// written without its chamber ("Majority Leader" for a Senate Majority Leader) or
/// without its side ("Senate Republican Leader" for the Senate Majority or Minority
/// Leader).
pub fn title_fits(term: &Term, written: &str) -> bool {
    let held = term_title(term);
    if held == written {
        return true;
    }
    let chamber_added = ["Senate ", "House "]
        .iter()
        .any(|chamber| held.strip_prefix(chamber) == Some(written));
    let side = |chamber: &str| {
        written == format!("{chamber} Leader")
            && [" Majority Leader", " Minority Leader"]
                .iter()
                .any(|role| held == format!("{chamber}{role}"))
    };
    chamber_added || side("Senate") || side("House")
}

/// The title written right before `start` ("Sen. ", "Vice President ", "U.S. Rep. "),
/// as its span and long form, unless a word before it makes it a past or other title
/// ("former", "then-", "ex-", "late", "future", "acting", "-elect", a possessive).
pub fn title_before(text: &str, start: usize) -> Option<(Span, &'static str)> {
    title_before_any(text, start).and_then(|(span, title, past)| (!past).then_some((span, title)))
}

/// The title written right before `start`, past or present: its span, long form, and
/// whether a word before it makes it a past title ("former", "late", ...).
pub fn title_before_any(text: &str, start: usize) -> Option<(Span, &'static str, bool)> {
    title_before_lead(text, start).map(|(span, title, lead)| {
        let other = lead.past || lead.possessive.is_some();
        (span, title, other)
    })
}

/// What stands right before a title: a word making it past, a possessive ("Trump's",
/// "Germany's": its span).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TitleLead {
    pub past: bool,
    pub possessive: Option<Span>,
}

/// The title written right before `start`, its long form, and what stands before it.
pub fn title_before_lead(text: &str, start: usize) -> Option<(Span, &'static str, TitleLead)> {
    let before = text.get(..start)?;
    let trimmed = before.strip_suffix(' ')?;
    // The starts of the last six words, nearest first ("Secretary of Health and Human
    // Services" is the longest title read).
    let mut starts = Vec::new();
    let mut pos = trimmed.len();
    for _ in 0..6 {
        let head = &trimmed[..pos];
        let word_start = head
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if word_start == pos {
            break;
        }
        starts.push(word_start);
        match head[..word_start].chars().next_back() {
            Some(' ') => pos = word_start - 1,
            _ => break,
        }
    }
    for &s in starts.iter().rev() {
        let written = &trimmed[s..];
        let Some(title) = canonical_title(written) else {
            continue;
        };
        // The three words before the title are all that is read: lowercase only those.
        let head = &trimmed[..s];
        let from = head.char_indices().rev().nth(48).map_or(0, |(i, _)| i);
        let lead = head[from..].to_lowercase();
        let lead = lead.trim_end();
        let past = [
            "former", "then-", "then", "ex-", "late", "future", "acting", "incoming", "outgoing",
            "retired", "fellow", "ex",
        ];
        // "former US President", "then-Arkansas Rep.": a word or two may stand between.
        let near: Vec<&str> = lead.rsplit(char::is_whitespace).take(3).collect();
        let is_past = near.iter().any(|w| {
            past.iter()
                .any(|p| *w == *p || (p.ends_with('-') && w.starts_with(p)))
        });
        let head_trimmed = head.trim_end();
        let possessive = ["'s", "\u{2019}s"].iter().find_map(|suffix| {
            let owner = head_trimmed.strip_suffix(suffix)?;
            let owner_start = owner
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201c}'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            Some(Span::new(owner_start, owner.len()))
        });
        let lead = TitleLead {
            past: is_past,
            possessive,
        };
        return Some((Span::new(s, trimmed.len()), title, lead));
    }
    None
}

/// Nationality words and short names news writes for a country, with the country's
/// name in the knowledge ("French President", "UK Prime Minister").
const NATIONALITIES: &[(&str, &str)] = &[
    ("American", "United States"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("British", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("French", "France"),
    ("German", "Germany"),
    ("Italian", "Italy"),
    ("Spanish", "Spain"),
    ("Portuguese", "Portugal"),
    ("Dutch", "Netherlands"),
    ("Belgian", "Belgium"),
    ("Irish", "Ireland"),
    ("Austrian", "Austria"),
    ("Swiss", "Switzerland"),
    ("Swedish", "Sweden"),
    ("Norwegian", "Norway"),
    ("Danish", "Denmark"),
    ("Finnish", "Finland"),
    ("Polish", "Poland"),
    ("Czech", "Czechia"),
    ("Hungarian", "Hungary"),
    ("Romanian", "Romania"),
    ("Greek", "Greece"),
    ("Turkish", "Turkey"),
    ("Russian", "Russia"),
    ("Ukrainian", "Ukraine"),
    ("Israeli", "Israel"),
    ("Egyptian", "Egypt"),
    ("Iranian", "Iran"),
    ("Iraqi", "Iraq"),
    ("Saudi", "Saudi Arabia"),
    ("Pakistani", "Pakistan"),
    ("Indian", "India"),
    ("Bangladeshi", "Bangladesh"),
    ("Chinese", "China"),
    ("Japanese", "Japan"),
    ("South Korean", "South Korea"),
    ("North Korean", "North Korea"),
    ("Taiwanese", "Taiwan"),
    ("Vietnamese", "Vietnam"),
    ("Thai", "Thailand"),
    ("Malaysian", "Malaysia"),
    ("Singaporean", "Singapore"),
    ("Indonesian", "Indonesia"),
    ("Philippine", "Philippines"),
    ("Filipino", "Philippines"),
    ("Australian", "Australia"),
    ("New Zealand", "New Zealand"),
    ("Canadian", "Canada"),
    ("Mexican", "Mexico"),
    ("Brazilian", "Brazil"),
    ("Argentine", "Argentina"),
    ("Argentinian", "Argentina"),
    ("Chilean", "Chile"),
    ("Colombian", "Colombia"),
    ("Peruvian", "Peru"),
    ("Venezuelan", "Venezuela"),
    ("South African", "South Africa"),
    ("Nigerian", "Nigeria"),
    ("Kenyan", "Kenya"),
    ("Ethiopian", "Ethiopia"),
];

/// The place `words` name, as the knowledge spells it: a nationality word ("French"),
/// or the name of a country or first-level division the knowledge knows ("Japan",
/// "Germany", "Arkansas"). `None` for other words ("Democratic", "Trump").
pub fn place_named(kb: &KnowledgeBase, words: &str) -> Option<String> {
    let words = words.trim();
    if let Some((_, country)) = NATIONALITIES.iter().find(|(w, _)| *w == words) {
        return Some((*country).to_string());
    }
    if !words.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let country = type_code("country");
    let region = type_code("region");
    kb.atlas
        .lookup(words)
        .into_iter()
        .filter(|e| e.ty == country || e.ty == region)
        .find_map(|e| kb.atlas.record(e.entity))
        .map(|r| r.name)
        .or_else(|| {
            kb.lookup(words)
                .filter(|e| e.kind == "country")
                .map(|e| e.name.clone())
        })
}

/// Whether two place names are one place: the same words, or names of one country or
/// division in the knowledge ("Turkey" and "Türkiye", "Czech Republic" and "Czechia").
fn same_place(kb: &KnowledgeBase, a: &str, b: &str) -> bool {
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let key = |name: &str| {
        let country = type_code("country");
        let region = type_code("region");
        let mut ids: Vec<u32> = kb
            .atlas
            .lookup(name)
            .into_iter()
            .filter(|e| e.ty == country || e.ty == region)
            .map(|e| e.entity)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    let (ka, kb_ids) = (key(a), key(b));
    ka.iter().any(|i| kb_ids.contains(i))
}

/// Whether `term` is an office of `place`: its jurisdiction or that one's country, or a
/// place its office's name names ("Governor of the Bank of Canada" is of Canada too).
pub fn term_is_of(kb: &KnowledgeBase, term: &Term, place: &str) -> bool {
    term.is_of(place)
        || [&term.jurisdiction, &term.country]
            .into_iter()
            .flatten()
            .any(|p| same_place(kb, p, place))
        || term.office.match_indices(place).any(|(at, _)| {
            let before = term.office[..at].chars().next_back();
            let after = term.office[at + place.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// The place written right before a title: one to three words ("French", "South
/// Korean", "New Zealand", "Arkansas") or a possessive ("Germany's"), and the span of
/// those words. `None` when the words there name no place.
pub fn place_before_title(
    kb: &KnowledgeBase,
    text: &str,
    title_span: Span,
    lead: TitleLead,
) -> Option<(String, Span)> {
    if let Some(owner) = lead.possessive {
        return place_named(kb, owner.text(text)).map(|place| (place, owner));
    }
    let head = text.get(..title_span.start)?.strip_suffix(' ')?;
    // The last three words before the title, as phrases ending at the title, longest
    // first ("New York" before "York"). Only words written as a name are read: a word
    // ending a sentence ("the United Kingdom. President X"), a dash or a dateline in
    // capitals ("WASHINGTON – President X") ends the phrase.
    let is_name_word = |w: &str| {
        NATIONALITIES.iter().any(|(n, _)| *n == w)
            || w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
    };
    let phrases = name_words_before(head, is_name_word);
    let (place, span) = phrases.iter().rev().find_map(|&from| {
        let span = Span::new(from, head.len());
        place_named(kb, span.text(text)).map(|place| (place, span))
    })?;
    // "Bank of Canada Governor": the place ends a longer name, whose office it is.
    (!head[..span.start].ends_with(" of ")).then_some((place, span))
}

/// "of PLACE" right after a name ("Prime Minister Fumio Kishida of Japan"): the place
/// and the end of its words.
pub fn place_after_name(kb: &KnowledgeBase, text: &str, end: usize) -> Option<(String, usize)> {
    let rest = text.get(end..)?.strip_prefix(" of ")?;
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    let offset = text.len() - rest.len();
    // Up to three capitalised words ("the United Kingdom", "South Korea").
    let mut words_end = 0;
    let mut best = None;
    for (i, word) in rest.split(' ').take(3).enumerate() {
        let clean = word.trim_end_matches([',', '.', ';', ':', ')']);
        if !clean.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        words_end += if i == 0 { 0 } else { 1 } + clean.len();
        if let Some(place) = place_named(kb, &rest[..words_end]) {
            best = Some((place, offset + words_end));
        }
        if clean.len() != word.len() {
            break;
        }
    }
    best
}

/// Verbs of being and holding on, right after a name: with [`ACTING_VERBS`], the
/// present, the future and the present perfect that place a person at the time of
/// writing ("is", "will", "remains").
const STATE_VERBS: &[&str] = &[
    "is",
    "will",
    "continues",
    "faces",
    "leads",
    "heads",
    "remains",
];

/// Past verbs that say the same with a time word after them ("said on Monday").
const PAST_VERBS: &[&str] = &[
    "said",
    "told",
    "announced",
    "warned",
    "urged",
    "signed",
    "visited",
    "met",
    "called",
    "vowed",
    "promised",
    "denied",
    "rejected",
    "praised",
    "criticised",
    "criticized",
    "spoke",
    "addressed",
    "unveiled",
    "launched",
    "introduced",
];

/// Time words after a past verb that place it at the time of writing.
const RECENT: &[&str] = &[
    "on monday",
    "on tuesday",
    "on wednesday",
    "on thursday",
    "on friday",
    "on saturday",
    "on sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "this week",
    "this morning",
    "tonight",
    "last night",
    "earlier today",
];

/// The verb after a name (past an appositive ", 61," or a parenthesis "(R-Ark.)") when
/// it says the person speaks or acts at the time of writing: "says", "will", "is",
/// "said on Monday", "told reporters today". Its span.
pub fn recent_action_after(text: &str, end: usize) -> Option<Span> {
    recent_verb_after(text, end, true)
}

/// Verbs of speaking or doing, in the present: a person reported doing them now is
/// alive ("is" and "will" are left out: "is remembered", "will be buried").
const ACTING_VERBS: &[&str] = &[
    "says",
    "tells",
    "announces",
    "warns",
    "urges",
    "wants",
    "plans",
    "hopes",
    "believes",
    "thinks",
    "calls",
    "argues",
    "insists",
    "expects",
    "signs",
    "visits",
    "meets",
    "vows",
    "promises",
    "denies",
    "rejects",
    "backs",
    "supports",
    "opposes",
    "praises",
    "criticises",
    "criticizes",
    "writes",
    "posts",
    "tweets",
];

/// [`recent_action_after`] for speaking and doing only: what a dead person cannot do.
pub fn recent_deed_after(text: &str, end: usize) -> Option<Span> {
    recent_verb_after(text, end, false)
}

fn recent_verb_after(text: &str, end: usize, states: bool) -> Option<Span> {
    let mut at = end;
    let rest = text.get(end..)?;
    if let Some(inner) = rest.strip_prefix(" (") {
        let close = inner.find(')').filter(|&c| c <= 30)?;
        at += 2 + close + 1;
    } else if let Some(inner) = rest.strip_prefix(", ") {
        // An appositive: up to 80 bytes, closed by a comma, with no verb of its own.
        if let Some(close) = inner.get(..inner.len().min(80)).and_then(|t| t.find(',')) {
            let between = &inner[..close];
            // "X, who died in 2022, is remembered": the appositive says it.
            if between.contains("died") || between.contains("late") {
                return None;
            }
            if !between.contains(['.', ';', '"', '\u{201c}']) {
                at += 2 + close + 1;
            }
        }
    }
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let word_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let verb = &rest[..word_end];
    let span = Span::new(at + 1, at + 1 + word_end);
    if ACTING_VERBS.contains(&verb) || states && STATE_VERBS.contains(&verb) {
        return Some(span);
    }
    if PAST_VERBS.contains(&verb) {
        let after = rest[word_end..].to_ascii_lowercase();
        let mut after = after.trim_start_matches([' ', ',']);
        // "told reporters on Monday", "said in a statement on Monday".
        for skip in [
            "reporters ",
            "in a statement ",
            "in an interview ",
            "the crowd ",
        ] {
            if let Some(a) = after.strip_prefix(skip) {
                after = a;
            }
        }
        if RECENT.iter().any(|r| after.starts_with(r)) {
            return Some(span);
        }
    }
    None
}

/// Whether the text shows that a person it names is the known one, not someone else of
/// the same name. A hand-written person (notable, curated; with the imported record
/// merged with it) is taken to be meant unless their name is a common one ("Mike
/// Johnson", see [`is_common_name`]). Any other person is identified by a title they
/// held before one of their mentions ("Rep. Mike Johnson") or in an appositive after
/// it ("Nancy Pelosi, the former House speaker"), a party-and-state tag of a state they
/// served ("Nancy Pelosi (D-Calif.)"), or the text naming their chamber or office
/// ("Senate", "Congress", "governor", ...) and the state they served.
pub fn identified(cx: &CheckContext<'_>, who: EntityRef) -> bool {
    let curated = match who {
        EntityRef::Local(_) => true,
        EntityRef::Imported(i) => cx.kb.local_of(i).is_some(),
    };
    let Some(entity) = cx.kb.resolve(who) else {
        return false;
    };
    if curated && !is_common_name(&entity.name) {
        return true;
    }
    let served = |state: &str| {
        entity
            .terms
            .iter()
            .any(|t| t.jurisdiction.as_deref() == Some(state))
    };
    let holds = |t: &str| entity.terms.iter().any(|term| title_fits(term, t));
    let titled = cx.mentions.people.iter().filter(|p| p.who == who).any(|p| {
        title_before_any(cx.text, p.span.start).is_some_and(|(_, t, _)| holds(t))
            || party_state_after(cx.text, p.span.end).is_some_and(served)
            || title_after(cx.text, p.span.end).is_some_and(holds)
    });
    if titled {
        return true;
    }
    let words = [
        "Senate",
        "Senator",
        "Sen.",
        "Congress",
        "congressman",
        "congresswoman",
        "Congressman",
        "Congresswoman",
        "House of Representatives",
        "Rep.",
        "lawmaker",
        "White House",
        "governor",
        "Governor",
        "Gov.",
    ];
    let chamber = words.iter().any(|w| cx.text.contains(w));
    chamber
        && entity
            .terms
            .iter()
            .filter(|t| t.jurisdiction.as_deref() != Some("United States"))
            .filter_map(|t| t.jurisdiction.as_deref())
            .any(|state| cx.text.contains(state))
}

/// US states as news writes them after a party letter ("D-Calif.", "R-N.Y.", "I-VT"):
/// the AP abbreviations, the postal codes and the names AP leaves whole.
const STATES: &[(&str, &[&str])] = &[
    ("Alabama", &["Ala", "AL"]),
    ("Alaska", &["Alaska", "AK"]),
    ("Arizona", &["Ariz", "AZ"]),
    ("Arkansas", &["Ark", "AR"]),
    ("California", &["Calif", "Cal", "CA"]),
    ("Colorado", &["Colo", "CO"]),
    ("Connecticut", &["Conn", "CT"]),
    ("Delaware", &["Del", "DE"]),
    ("Florida", &["Fla", "FL"]),
    ("Georgia", &["Ga", "GA"]),
    ("Hawaii", &["Hawaii", "HI"]),
    ("Idaho", &["Idaho", "ID"]),
    ("Illinois", &["Ill", "IL"]),
    ("Indiana", &["Ind", "IN"]),
    ("Iowa", &["Iowa", "IA"]),
    ("Kansas", &["Kan", "Kans", "KS"]),
    ("Kentucky", &["Ky", "KY"]),
    ("Louisiana", &["La", "LA"]),
    ("Maine", &["Maine", "ME"]),
    ("Maryland", &["Md", "MD"]),
    ("Massachusetts", &["Mass", "MA"]),
    ("Michigan", &["Mich", "MI"]),
    ("Minnesota", &["Minn", "MN"]),
    ("Mississippi", &["Miss", "MS"]),
    ("Missouri", &["Mo", "MO"]),
    ("Montana", &["Mont", "MT"]),
    ("Nebraska", &["Neb", "Nebr", "NE"]),
    ("Nevada", &["Nev", "NV"]),
    ("New Hampshire", &["N.H", "NH"]),
    ("New Jersey", &["N.J", "NJ"]),
    ("New Mexico", &["N.M", "NM"]),
    ("New York", &["N.Y", "NY"]),
    ("North Carolina", &["N.C", "NC"]),
    ("North Dakota", &["N.D", "ND"]),
    ("Ohio", &["Ohio", "OH"]),
    ("Oklahoma", &["Okla", "OK"]),
    ("Oregon", &["Ore", "Oreg", "OR"]),
    ("Pennsylvania", &["Pa", "Penn", "PA"]),
    ("Rhode Island", &["R.I", "RI"]),
    ("South Carolina", &["S.C", "SC"]),
    ("South Dakota", &["S.D", "SD"]),
    ("Tennessee", &["Tenn", "TN"]),
    ("Texas", &["Texas", "Tex", "TX"]),
    ("Utah", &["Utah", "UT"]),
    ("Vermont", &["Vt", "VT"]),
    ("Virginia", &["Va", "VA"]),
    ("Washington", &["Wash", "WA"]),
    ("West Virginia", &["W.Va", "W. Va", "WV"]),
    ("Wisconsin", &["Wis", "Wisc", "WI"]),
    ("Wyoming", &["Wyo", "WY"]),
];

/// The state of a party-and-state tag right after a name: "Nancy Pelosi (D-Calif.)",
/// "Mitch McConnell, R-Ky.,", "(I-VT)", "(R-Texas)". A district number may follow
/// ("D-N.Y.-14"). `None` without a tag.
pub fn party_state_after(text: &str, end: usize) -> Option<&'static str> {
    let rest = text.get(end..)?;
    let rest = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix(", "))?;
    let rest = ["D", "R", "I", "Ind", "Dem", "Rep"].iter().find_map(|p| {
        rest.strip_prefix(p)
            .and_then(|r| r.strip_prefix(['-', '\u{2013}']))
    })?;
    let stop = rest.find([')', ',', ';']).filter(|&i| i <= 16)?;
    let tag = rest[..stop].trim();
    // A district after the state ("N.Y.-14").
    let tag = tag
        .rsplit_once(['-', '\u{2013}'])
        .filter(|(_, d)| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .map_or(tag, |(state, _)| state);
    let tag = tag.trim_end_matches('.');
    STATES
        .iter()
        .find(|(name, short)| *name == tag || short.contains(&tag))
        .map(|(name, _)| *name)
}

/// An office title in an appositive right after a name, in the long form
/// [`canonical_title`] gives: "Nancy Pelosi, the former House speaker,", "Mitch
/// McConnell, the Senate minority leader", "Bernard Sanders, a Democratic senator from
/// Vermont". Party and state words before the title are passed over; "state senator"
/// and other lesser offices read as no title.
pub fn title_after(text: &str, end: usize) -> Option<&'static str> {
    let mut rest = text.get(end..)?.strip_prefix(", ")?;
    // An age first: "Nancy Pelosi, 83, the former House speaker".
    let age = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&age) {
        rest = rest[age..].strip_prefix(", ")?;
    }
    let clause = &rest[..rest
        .find([',', ';', '.', ')', '('])
        .unwrap_or(rest.len())
        .min(80)];
    let mut words = clause.split_whitespace().peekable();
    while words
        .next_if(|w| {
            matches!(
                *w,
                "the" | "a" | "an" | "former" | "then-" | "longtime" | "veteran" | "current"
            )
        })
        .is_some()
    {}
    while words
        .next_if(|w| {
            matches!(
                *w,
                "Democratic" | "Republican" | "GOP" | "Democrat" | "U.S."
            ) || STATES.iter().any(|(name, _)| name == w)
        })
        .is_some()
    {}
    let words: Vec<&str> = words.take(6).collect();
    let title_case = |w: &str| -> String {
        if matches!(w, "of" | "the" | "and" | "pro" | "tempore") {
            return w.to_string();
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    // The title ends the appositive or a place follows it ("senator from Vermont");
    // "president of the local union" is another office.
    (1..=words.len()).rev().find_map(|n| {
        if words
            .get(n)
            .is_some_and(|w| !matches!(*w, "from" | "for" | "since" | "who"))
        {
            return None;
        }
        let phrase: Vec<String> = words[..n].iter().map(|w| title_case(w)).collect();
        canonical_title(&phrase.join(" "))
    })
}

/// Whether `title` was held on some day of `first..=last`, allowing the weeks between an
/// election and taking office (news often uses the new title then) and a few weeks after
/// the end.
pub fn held(terms: &[Term], title: &str, first: Date, last: Date) -> bool {
    terms
        .iter()
        .filter(|t| title_fits(t, title))
        .any(|t| t.overlaps(add_days(first, -31), add_days(last, 75)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_before_names() {
        let text =
            "Sen. Womack and former Rep. Dooley met Vice President Vance and U.S. Rep. Duncan.";
        let at = |name: &str| text.find(name).expect("name");
        assert_eq!(
            title_before(text, at("Womack")).map(|t| t.1),
            Some("Senator")
        );
        assert_eq!(title_before(text, at("Dooley")), None);
        assert_eq!(
            title_before(text, at("Vance")).map(|t| (t.0.text(text), t.1)),
            Some(("Vice President", "Vice President"))
        );
        assert_eq!(
            title_before(text, at("Duncan")).map(|t| t.1),
            Some("Representative")
        );
        assert_eq!(title_before("Womack said", 0), None);
        let text = "between US President Donald Trump and former US Vice President Joe Biden";
        assert_eq!(title_before(text, text.find("Joe").expect("name")), None);
        assert!(title_before(text, text.find("Donald").expect("name")).is_some());
    }

    #[test]
    fn cabinet_and_congressional_leadership_titles() {
        let title = |text: &str| {
            let at = text.find("Name").expect("name");
            title_before(text, at).map(|(span, t)| (span.text(text).to_string(), t))
        };
        let long = |text: &str| title(text).map(|(_, t)| t);
        assert_eq!(
            title("He met Secretary of Health and Human Services Name Here."),
            Some((
                "Secretary of Health and Human Services".to_string(),
                "Secretary of Health and Human Services"
            ))
        );
        assert_eq!(
            long("Treasury Secretary Name said"),
            Some("Secretary of the Treasury")
        );
        assert_eq!(
            long("Secretary of the Treasury Name said"),
            Some("Secretary of the Treasury")
        );
        assert_eq!(
            long("Secretary of War Name said"),
            Some("Secretary of Defense")
        );
        assert_eq!(
            long("HHS Secretary Name said"),
            Some("Secretary of Health and Human Services")
        );
        assert_eq!(
            long("Secretary of State Name said"),
            Some("Secretary of State")
        );
        assert_eq!(long("Attorney General Name said"), Some("Attorney General"));
        assert_eq!(long("House Speaker Name said"), Some("Speaker"));
        assert_eq!(long("Speaker of the House Name said"), Some("Speaker"));
        assert_eq!(
            long("Senate Majority Leader Name said"),
            Some("Senate Majority Leader")
        );
        assert_eq!(
            long("Senate Republican Leader Name said"),
            Some("Senate Leader")
        );
        // A junior minister abroad, a bare "Secretary", a former holder: no title read.
        assert_eq!(long("State Secretary Name said"), None);
        assert_eq!(long("Secretary Name said"), None);
        assert_eq!(long("former Defense Secretary Name said"), None);
        assert_eq!(long("former Secretary of State Name said"), None);
    }

    #[test]
    fn party_and_state_tags_after_names() {
        let state =
            |text: &str| party_state_after(text, text.find(" (").or(text.find(", ")).expect("tag"));
        assert_eq!(state("Pelosi (D-Calif.) said"), Some("California"));
        assert_eq!(state("McConnell, R-Ky., said"), Some("Kentucky"));
        assert_eq!(state("Sanders (I-VT) said"), Some("Vermont"));
        assert_eq!(state("Cruz (R-Texas) said"), Some("Texas"));
        assert_eq!(state("Ocasio-Cortez (D-N.Y.-14) said"), Some("New York"));
        assert_eq!(state("Manchin (D-W.Va.) said"), Some("West Virginia"));
        assert_eq!(state("Smith (R-Nowhere) said"), None);
        assert_eq!(state("Smith (born 1950) said"), None);
    }

    #[test]
    fn titles_in_an_appositive_after_names() {
        let title = |text: &str| title_after(text, text.find(", ").expect("comma"));
        assert_eq!(
            title("Pelosi, the former House speaker, said"),
            Some("Speaker")
        );
        assert_eq!(
            title("Pelosi, 83, the former House speaker, said"),
            Some("Speaker")
        );
        assert_eq!(
            title("McConnell, the Senate minority leader, said"),
            Some("Senate Minority Leader")
        );
        assert_eq!(
            title("Sanders, a Democratic senator from Vermont, said"),
            Some("Senator")
        );
        assert_eq!(
            title("Rubio, the secretary of state, said"),
            Some("Secretary of State")
        );
        assert_eq!(title("Smith, a state senator, said"), None);
        assert_eq!(title("Smith, the president of the local union, said"), None);
        assert_eq!(title("Smith, the Iowa Republican, said"), None);
    }

    #[test]
    fn leadership_titles_fit_terms_with_or_without_the_chamber() {
        let term = |title: &str| Term {
            office: format!("{title} (test)"),
            title: title.to_string(),
            from: KbDate::parse("2021-01-03").expect("date"),
            to: None,
            jurisdiction: None,
            country: None,
        };
        let senate_leader = term("Senate Majority Leader");
        assert!(title_fits(&senate_leader, "Senate Majority Leader"));
        assert!(title_fits(&senate_leader, "Majority Leader"));
        assert!(title_fits(&senate_leader, "Senate Leader"));
        assert!(!title_fits(&senate_leader, "House Majority Leader"));
        assert!(!title_fits(&senate_leader, "House Leader"));
        assert!(!title_fits(&senate_leader, "Minority Leader"));
        assert!(!title_fits(&senate_leader, "Majority Whip"));
        let vice = term("Vice President");
        assert!(!title_fits(&vice, "President"));
        assert!(title_fits(
            &term("Treasury Secretary"),
            "Secretary of the Treasury"
        ));
    }

    #[test]
    fn places_bound_to_titles() {
        let kb = crate::kb::load(&[]).expect("built-in knowledge");
        let place = |text: &str| {
            let at = text.find("Name").expect("name");
            let (span, _, lead) = title_before_lead(text, at).expect("title");
            place_before_title(&kb, text, span, lead).map(|(p, s)| (p, s.text(text).to_string()))
        };
        let named = |p: &str, s: &str| Some((p.to_string(), s.to_string()));
        assert_eq!(place("French President Name"), named("France", "French"));
        assert_eq!(
            place("South Korean President Name"),
            named("South Korea", "South Korean")
        );
        assert_eq!(place("U.S. President Name"), named("United States", "U.S."));
        assert_eq!(
            place("Germany's Chancellor Name"),
            named("Germany", "Germany")
        );
        assert_eq!(place("Arkansas Sen. Name"), named("Arkansas", "Arkansas"));
        assert_eq!(place("Democratic Sen. Name"), None);
        assert_eq!(place("the United Kingdom. President Name"), None);
        assert_eq!(place("WASHINGTON – President Name"), None);
        assert_eq!(place("Bank of Canada Governor Name"), None);
        assert_eq!(place("Trump's Vice President Name"), None);
        let text = "Prime Minister Name Here of the United Kingdom said";
        let end = text.find(" of").expect("of");
        assert_eq!(
            place_after_name(&kb, text, end).map(|(p, e)| (p, &text[e..])),
            Some(("United Kingdom".to_string(), " said"))
        );
        assert_eq!(place_after_name(&kb, "Name of state", 4), None);
    }

    #[test]
    fn terms_of_a_place() {
        let kb = crate::kb::load(&[]).expect("built-in knowledge");
        let term = |jurisdiction: &str, country: &str| Term {
            office: "Office".into(),
            title: "President".into(),
            from: KbDate::parse("2020").expect("date"),
            to: None,
            jurisdiction: Some(jurisdiction.into()),
            country: Some(country.into()),
        };
        assert!(term_is_of(
            &kb,
            &term("Illinois", "United States"),
            "United States"
        ));
        assert!(term_is_of(
            &kb,
            &term("Illinois", "United States"),
            "Illinois"
        ));
        assert!(term_is_of(
            &kb,
            &term("Czechia", "Czechia"),
            "Czech Republic"
        ));
        assert!(!term_is_of(&kb, &term("France", "France"), "Germany"));
        let bank = Term {
            office: "Governor of the Bank of Canada".into(),
            ..term("Bank of Canada", "Bank of Canada")
        };
        assert!(term_is_of(&kb, &bank, "Canada"));
        assert!(!term_is_of(&kb, &bank, "Can"));
    }

    #[test]
    fn ages_on_a_day() {
        let born = KbDate::parse("1957-02-18").expect("date");
        let day = Date::constant(2026, 2, 17);
        assert_eq!(ages_between(born, day, day), (68, 68));
        let day = Date::constant(2026, 2, 18);
        assert_eq!(ages_between(born, day, day), (69, 69));
        let year = KbDate::parse("1957").expect("year");
        assert_eq!(ages_between(year, day, day), (68, 69));
    }
}
