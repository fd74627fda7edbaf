//! Helpers shared by the kinds that check what a text says of known people (age, title,
//! death): which day the text speaks of, ages on a day, office titles as news writes
//! them.

use jiff::civil::Date;

use super::calendar::add_days;
use super::context::CheckContext;
use crate::extract::CueKind;
use crate::kb::{EntityRef, KbDate, Term};
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
/// "Prime Minister". `None` for a word that is not a title.
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
        "Speaker" => "Speaker",
        "Mayor" => "Mayor",
        _ => return None,
    })
}

/// The title of a term, in the long form [`canonical_title`] gives (or as recorded).
pub fn term_title(t: &Term) -> &str {
    canonical_title(&t.title).unwrap_or(&t.title)
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
    let before = text.get(..start)?;
    let trimmed = before.strip_suffix(' ')?;
    // The starts of the last three words, nearest first.
    let mut starts = Vec::new();
    let mut pos = trimmed.len();
    for _ in 0..3 {
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
        }) || lead.ends_with("'s")
            || lead.ends_with("\u{2019}s");
        return Some((Span::new(s, trimmed.len()), title, is_past));
    }
    None
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
/// the same name: always for the hand-written knowledge (notable people, curated); for
/// an imported person, a title they held before one of their mentions ("Rep. Mike
/// Johnson"), or the text naming their chamber or office ("Senate", "Congress",
/// "congressman", ...) and the state they served.
pub fn identified(cx: &CheckContext<'_>, who: EntityRef) -> bool {
    let EntityRef::Imported(i) = who else {
        return true;
    };
    let Some(record) = cx.kb.atlas.record(i) else {
        return false;
    };
    let entity = record.to_entity();
    let titled = cx.mentions.people.iter().filter(|p| p.who == who).any(|p| {
        title_before_any(cx.text, p.span.start)
            .is_some_and(|(_, t, _)| entity.terms.iter().any(|term| term_title(term) == t))
    });
    if titled {
        return true;
    }
    let offices = record.facts.iter().filter(|f| f.fact == "office");
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
    ];
    let chamber = words.iter().any(|w| cx.text.contains(w));
    chamber
        && offices
            .filter_map(|f| f.jurisdiction_name.as_deref())
            .any(|state| cx.text.contains(state))
}

/// Whether `title` was held on some day of `first..=last`, allowing the weeks between an
/// election and taking office (news often uses the new title then) and a few weeks after
/// the end.
pub fn held(terms: &[Term], title: &str, first: Date, last: Date) -> bool {
    terms
        .iter()
        .filter(|t| term_title(t) == title)
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
