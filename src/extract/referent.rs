//! What each number refers to, read once for every check: the thing it counts (the
//! singular of its head noun, with a modifier), whose it is (the words of its clause
//! before it), what completes it after the noun, what happened to what it counts
//! ("killed", "injured"), whether it points back to a figure already given, whether it
//! stands in a list of different things, and its role in the sentence: a count, a part
//! or the whole of a partition, a share, a change or one of its two values, a rank, a
//! year, an identifier, a street number or a race distance.
//!
//! "destroyed 52 homes" and "the 52 homes destroyed" have one referent (`home`, outcome
//! `destruction`); "the 367-bed hospital" counts beds; "the contract is worth $45m" is
//! the value of a contract. Checks compare like with like through this record instead
//! of reading the words around a number themselves.

use super::relation::{phrase_end, ChangeLink};
pub use super::role::{Referent, Role, What};
use super::{NumberKind, NumberMention};
use crate::span::Span;

/// Give every number in `numbers` (sorted, of `text`) the role its own form and the
/// words beside it show: a rank, a year, a label, a street number, a race distance, a
/// share or a change, else a quantity. [`annotate`] completes the roles that relations
/// between numbers give.
pub fn read_roles(text: &str, sentences: &[Span], numbers: &mut [NumberMention]) {
    for n in numbers.iter_mut() {
        n.referent.sentence = sentence_of(sentences, n.span).unwrap_or(Span::new(0, text.len()));
        n.referent.role = local_role(text, n.referent.sentence, n);
    }
}

/// Read the referent of every number in `numbers` (sorted, of `text`, their own roles
/// read by [`read_roles`]), given the sentences of the text and the changes between
/// numbers.
pub fn annotate(
    text: &str,
    sentences: &[Span],
    changes: &[ChangeLink],
    numbers: &mut [NumberMention],
) {
    let mut roles: Vec<(Role, Option<usize>)> =
        numbers.iter().map(|n| (n.referent.role, None)).collect();
    for c in changes {
        for (i, role) in [(c.from, Role::ChangeFrom), (c.to, Role::ChangeTo)] {
            if let Some(r) = roles.get_mut(i) {
                r.0 = role;
            }
        }
        if let Some(r) = c.stated.and_then(|s| roles.get_mut(s)) {
            r.0 = Role::Change;
        }
    }
    // "12 of the 40 firms", "Of those, 48": a part and its whole (see
    // [`super::partition`]).
    for (i, whole) in super::partition::wholes(text, sentences, numbers)
        .into_iter()
        .enumerate()
    {
        let Some(w) = whole else { continue };
        if roles[i].0 == Role::Quantity {
            roles[i].0 = Role::Part;
        }
        roles[i].1 = Some(w);
        if roles[w].0 == Role::Quantity {
            roles[w].0 = Role::Whole;
        }
    }
    let mut list_items = vec![false; numbers.len()];
    for &sentence in sentences {
        let range = super::relation::indexes_in(numbers, sentence);
        if is_inventory(text, &numbers[range.clone()], sentence) {
            for i in range {
                list_items[i] = true;
            }
        }
    }
    for (i, n) in numbers.iter_mut().enumerate() {
        let sentence = n.referent.sentence;
        let (role, whole) = roles[i];
        let (what, modifier, noun_after) = match what_counted(text, sentence, n) {
            Some((what, modifier, noun_after)) => (Some(what), modifier, noun_after),
            None => (None, None, false),
        };
        n.referent = Referent {
            what,
            modifier,
            noun_after,
            owner: owner_clause(text, sentence, n),
            complement: complement(text, sentence, n),
            outcome: outcome(text, sentence, n),
            points_back: points_back(text, n),
            role,
            whole,
            sentence,
            clause: clause(text, sentence, n),
            list_item: list_items[i],
        };
    }
}

/// The sentence holding `span`.
fn sentence_of(sentences: &[Span], span: Span) -> Option<Span> {
    let i = sentences.partition_point(|s| s.end <= span.start);
    sentences.get(i).copied().filter(|s| s.start <= span.start)
}

/// The role a number has by its own form and the words beside it (a change's values
/// and parts are read from their relations afterwards).
fn local_role(text: &str, sentence: Span, n: &NumberMention) -> Role {
    match n.kind {
        NumberKind::Ordinal => return Role::Rank,
        NumberKind::Points => return Role::Change,
        NumberKind::Percent | NumberKind::Fraction => {
            return if super::number::is_change_amount(text, n) {
                Role::Change
            } else {
                Role::Share
            };
        }
        NumberKind::Cardinal => {}
    }
    let before = crate::span::tail(text, n.span.start, 24).to_ascii_lowercase();
    let last = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let after = crate::span::head(text, n.span.end, 24);
    let next = after.split_whitespace().next().unwrap_or("");
    if matches!(last, "ranked" | "ranks" | "rank" | "no." | "number") || last.ends_with('#') {
        return Role::Rank;
    }
    if n.noun.as_deref() == Some("times") || next == "fold" {
        return Role::Multiplier;
    }
    if looks_like_year(text, n) {
        return Role::Time;
    }
    if is_address(text, n) {
        return Role::Address;
    }
    if is_event(text, n) {
        return Role::Event;
    }
    if is_identifier(text, n, sentence.start) {
        return Role::Identifier;
    }
    Role::Quantity
}

/// A year written as a number ("in 2019"): four digits, no noun, no currency.
fn looks_like_year(text: &str, n: &NumberMention) -> bool {
    n.noun.is_none()
        && n.currency.is_none()
        && (1800.0..=2100.0).contains(&n.value)
        && n.value_span.text(text).chars().all(|c| c.is_ascii_digit())
}

/// Whether the number stands in brackets of its own: "(586)".
pub fn bracketed(text: &str, n: &NumberMention) -> bool {
    text.get(..n.value_span.start)
        .is_some_and(|b| b.ends_with('('))
        && text
            .get(n.value_span.end..)
            .is_some_and(|a| a.starts_with(')'))
}

/// A number right after a name or "No." labels something ("PEB 236", "Flight 370",
/// "No. 10"); it counts nothing. A capitalised word that opens the sentence ("Some 40
/// homes") or a possessive ("Apple's 40 stores") is not such a name.
fn is_identifier(text: &str, n: &NumberMention, sentence_start: usize) -> bool {
    let before = crate::span::tail(text, n.span.start, 24);
    if !before.ends_with(' ') || bracketed(text, n) || n.currency.is_some() {
        return false;
    }
    let trimmed = before.trim_end();
    let word = trimmed
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word_start = n.span.start - (before.len() - trimmed.len()) - word.len();
    let opens = text
        .get(sentence_start.min(word_start)..word_start)
        .is_some_and(|t| t.trim().is_empty());
    let name = word.starts_with(|c: char| c.is_uppercase())
        && !word.ends_with([',', ';', ':', '.'])
        && !word.ends_with("'s")
        && !word.ends_with("’s")
        && !opens;
    name || word.eq_ignore_ascii_case("no.") || word.ends_with('#')
}

/// Street types after a street number.
const STREETS: &[&str] = &[
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Ave.",
    "Road",
    "Rd",
    "Rd.",
    "Boulevard",
    "Blvd",
    "Blvd.",
    "Lane",
    "Drive",
    "Way",
    "Place",
    "Square",
    "Court",
    "Terrace",
    "Highway",
    "Parkway",
    "Crescent",
];

/// A street number: a whole number followed by one to three capitalised words, the last a
/// street type ("1600 Pennsylvania Avenue", "10 Downing Street").
fn is_address(text: &str, n: &NumberMention) -> bool {
    if n.currency.is_some() || n.value.fract() != 0.0 || n.words {
        return false;
    }
    let after = crate::span::head(text, n.value_span.end, 64);
    if !after.starts_with(' ') {
        return false;
    }
    let words: Vec<&str> = after.split_whitespace().take(4).collect();
    for (i, w) in words.iter().enumerate().skip(1) {
        let w = w.trim_end_matches([',', ';', ')', '.']);
        if STREETS.contains(&w) {
            return words[..i]
                .iter()
                .all(|x| x.starts_with(|c: char| c.is_uppercase()));
        }
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return false;
        }
    }
    false
}

/// Distances that name races and events.
const EVENT_UNITS: &[&str] = &["m", "metres", "meters", "metre", "meter", "km", "k", "mile"];

/// Words that follow an event's distance.
const EVENT_WORDS: &[&str] = &[
    "final",
    "finals",
    "hurdles",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "relay",
    "steeplechase",
    "race",
    "sprint",
    "title",
    "heats",
    "heat",
    "semi-final",
    "semifinal",
    "world",
    "record",
    "gold",
    "event",
];

/// A race named by its distance: "the 1,500 metres", "won the 100m final", "the 400m
/// hurdles": a distance before an event word, or after "the" with nothing counted after
/// it ("the 40 metres of road" is a length).
fn is_event(text: &str, n: &NumberMention) -> bool {
    if n.currency.is_some() {
        return false;
    }
    let written = n.value_span.text(text);
    // "100m" may have been read as a hundred million: its letter is the unit.
    let (unit, rest) = match written.strip_suffix(['m', 'k']) {
        Some(digits) if digits.ends_with(|c: char| c.is_ascii_digit()) => (
            written.get(digits.len()..).unwrap_or(""),
            text.get(n.value_span.end..).unwrap_or(""),
        ),
        _ => {
            let after = text.get(n.value_span.end..).unwrap_or("").trim_start();
            let len = after
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(after.len());
            (
                after.get(..len).unwrap_or(""),
                after.get(len..).unwrap_or(""),
            )
        }
    };
    if !EVENT_UNITS.contains(&unit.to_ascii_lowercase().as_str()) {
        return false;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let word = next.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let before = crate::span::tail(text, n.span.start, 12)
        .trim_end()
        .to_ascii_lowercase();
    let the = before.ends_with(" the") || before == "the" || before.ends_with("'s");
    let ends = word.is_empty()
        || next.ends_with([',', '.', ';', ':'])
        || matches!(
            word,
            "in" | "at"
                | "on"
                | "and"
                | "with"
                | "for"
                | "when"
                | "after"
                | "before"
                | "was"
                | "is"
                | "last"
                | "this"
        );
    EVENT_WORDS.contains(&word) || the && ends
}

/// Words that say nothing of whose quantity a number is.
const NOT_OWNERS: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "through",
    "about",
    "some",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "have",
    "has",
    "had",
    "having",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "named",
    "counted",
    "listed",
    "according",
    "there",
    "that",
    "which",
    "who",
    "it",
    "its",
    "their",
    "they",
    "them",
    "this",
    "these",
    "those",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "your",
    "all",
    "total",
    "just",
    "only",
    "also",
    "as",
    "so",
    "not",
    "least",
    "enough",
    "up",
];

/// Clause marks: where the words of a number's clause stop.
const CLAUSE_MARKS: [char; 5] = [',', ';', ':', '—', '('];

/// The clause of `n` inside `sentence`: from the clause mark before it (see
/// [`owner_clause`]) to the next one after its phrase.
fn clause(text: &str, sentence: Span, n: &NumberMention) -> Span {
    let before = owner_clause(text, sentence, n);
    let lead = before.text(text);
    let start = before.start + (lead.len() - lead.trim_start().len());
    let from = phrase_end(n).min(sentence.end);
    let end = text
        .get(from..sentence.end)
        .and_then(|a| a.find([',', ';', ':', '—', '(', ')']))
        .map_or(sentence.end, |i| from + i);
    Span::new(start, end.max(from))
}

/// The clause before a number, where the words that say whose quantity it is stand.
fn owner_clause(text: &str, sentence: Span, n: &NumberMention) -> Span {
    let before = text.get(sentence.start..n.span.start).unwrap_or("");
    let start = before.rfind(CLAUSE_MARKS).map_or(0, |i| i + 1);
    Span::new(
        sentence.start + start,
        n.span.start.max(sentence.start + start),
    )
}

impl Referent {
    /// The words before the number in its clause that may name whose quantity it is
    /// ("lithium to supply 2 million scooters": lithium, supply), lower case.
    pub fn owner_words(&self, text: &str) -> Vec<String> {
        self.owner
            .text(text)
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| w.len() >= 3)
            .map(str::to_lowercase)
            .filter(|w| !NOT_OWNERS.contains(&w.as_str()))
            .collect()
    }

    /// The words that complete the noun after it ("with red flag laws"), at most four,
    /// lower case; none when they do not begin with a preposition.
    pub fn complement_words(&self, text: &str) -> Vec<String> {
        self.complement.map_or_else(Vec::new, |s| {
            s.text(text)
                .split_whitespace()
                .map(str::to_lowercase)
                .collect()
        })
    }
}

/// Where the words that complete a noun after it stand, up to the clause's end and at
/// most four words ("with red flag laws", "to provide housing vouchers"), when they
/// begin with a preposition.
fn complement(text: &str, sentence: Span, n: &NumberMention) -> Option<Span> {
    let end = phrase_end(n).min(sentence.end);
    let rest = text.get(end..sentence.end).unwrap_or("");
    let clause = rest
        .split([',', ';', ':', '—', '(', '.'])
        .next()
        .unwrap_or("");
    let mut words = clause.split_whitespace();
    let first = words.next()?.to_lowercase();
    let second = words.next().map(str::to_lowercase);
    match (first.as_str(), second.as_deref()) {
        // "led all 111 children to the park": where the verb took them, not which
        // children; a sum "to the states" does say whose it is.
        ("to", Some("the" | "a" | "an" | "their" | "its" | "his" | "her"))
            if n.currency.is_none() =>
        {
            return None;
        }
        (
            "with" | "without" | "in" | "from" | "of" | "for" | "to" | "at" | "on" | "across"
            | "under" | "outside" | "inside",
            _,
        ) => {}
        _ => return None,
    }
    // From the first word to the end of the fourth (offsets of the words inside
    // `clause`, which they are slices of).
    let offset = |w: &str| w.as_ptr() as usize - clause.as_ptr() as usize;
    let first = clause.split_whitespace().next()?;
    let last = clause.split_whitespace().take(4).last()?;
    Some(Span::new(
        end + offset(first),
        end + offset(last) + last.len(),
    ))
}

/// Whether a number points back to a figure already given: "the 14 victims", "its 1.4
/// trillion parameters", "all 14 victims", "the agency's 14 inspectors".
fn points_back(text: &str, n: &NumberMention) -> bool {
    let before = crate::span::tail(text, n.span.start, 48).trim_end();
    let mut words = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(str::to_lowercase);
    let mut last = words.next().unwrap_or_default();
    // The pointer may stand before a collective: "its fleet of 101 aircraft", "the
    // group of 12 suspects".
    if last == "of" {
        let collective = words.next().unwrap_or_default();
        if collective.chars().all(|c| c.is_ascii_lowercase()) && !collective.is_empty() {
            last = words.next().unwrap_or_default();
        }
    }
    matches!(
        last.as_str(),
        "the" | "its" | "their" | "his" | "her" | "our" | "all" | "those" | "these" | "whose"
    ) || last.ends_with("'s")
        || last.ends_with("’s")
}

/// The thing a sum of money is the value of when it is named before the sum: "the
/// contract is worth $45m", "a deal valued at £12m", "the stadium cost €80m".
fn money_head_before(text: &str, sentence: Span, n: &NumberMention) -> Option<String> {
    let before = text.get(sentence.start..n.span.start)?;
    let clause = before.rsplit(CLAUSE_MARKS).next()?;
    let words: Vec<String> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut i = words.len();
    let last = |i: usize| {
        i.checked_sub(1)
            .and_then(|j| words.get(j))
            .map(String::as_str)
    };
    match (last(i.saturating_sub(1)), last(i)) {
        (_, Some("worth" | "cost" | "costs")) => i -= 1,
        (Some("valued" | "priced"), Some("at")) => i -= 2,
        _ => return None,
    }
    while matches!(
        last(i),
        Some("is" | "was" | "are" | "were" | "be" | "been" | "will" | "would" | "now" | "to")
    ) {
        i -= 1;
    }
    let noun = last(i)?;
    if NOT_OWNERS.contains(&noun) || !noun.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(crate::lexicon::noun_lemma(noun))
}

/// What `n` counts, with a modifier and whether the noun follows it: a plural noun after
/// the number, perhaps behind one modifier ("12 victims", "563 new homes", "101
/// aircraft"); the noun of a hyphenated compound ("the 367-bed hospital"); for a sum of
/// money, the noun after it ("the €46.5 million deal") or the thing said to be worth it
/// ("the contract is worth $45m"), else [`What::Sum`]. `None` when the grammar does not
/// show it, or the number is a union of two nouns ("21 states and territories").
fn what_counted(
    text: &str,
    sentence: Span,
    n: &NumberMention,
) -> Option<(What, Option<String>, bool)> {
    if !n.is_cardinal() {
        return None;
    }
    if n.compound {
        // "the 367-bed hospital": a count of beds written as the hospital's adjective.
        // Only a compound that stands before a noun, of two parts ("10-year-old" is
        // an age), and not of money ("a $45-million deal" reads its scale there).
        if n.currency.is_some() {
            return None;
        }
        let rest = text.get(n.span.end..)?.strip_prefix('-')?;
        let word_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = rest.get(..word_len)?;
        let after = rest.get(word_len..)?;
        let next_is_noun = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()));
        if word.is_empty() || !next_is_noun || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        return Some((What::Noun(crate::lexicon::noun_lemma(word)), None, true));
    }
    let after_noun = |noun_span: Span| {
        let modifier = text
            .get(n.span.end..noun_span.start)?
            .strip_prefix(' ')?
            .strip_suffix(' ');
        // The noun directly follows the number, or behind one lower-case word.
        let modifier = match modifier {
            None => None,
            Some(m) if !m.is_empty() && m.chars().all(|c| c.is_ascii_lowercase()) => {
                Some(m.to_string())
            }
            Some(_) => return None,
        };
        let rest = text.get(noun_span.end..)?;
        // "21 states and territories" counts a union of two nouns ("six passengers and
        // a pilot" does not); "16,000 veterans' health care" counts places, not veterans.
        let joined = rest
            .strip_prefix(" and ")
            .or_else(|| rest.strip_prefix(" or "))
            .is_some_and(|next| !starts_new_phrase(next));
        if joined || rest.starts_with(['\'', '’']) {
            return None;
        }
        Some(modifier)
    };
    let noun_read = n.noun.as_deref().zip(n.noun_span).and_then(|(noun, span)| {
        let modifier = after_noun(span)?;
        if noun.ends_with("ed") || noun.ends_with("ing") {
            return None;
        }
        // A plural count ("12 victims"), or a sum of money before what it buys.
        let lemma = match crate::lexicon::plural_lemma(noun) {
            Some(lemma) => lemma,
            None if n.currency.is_some() => noun.to_string(),
            None => return None,
        };
        Some((lemma, modifier))
    });
    match noun_read {
        Some((lemma, modifier)) => Some((What::Noun(lemma), modifier, true)),
        None if n.currency.is_some() && n.noun.is_none() => {
            // A sum with nothing after it that could be a noun, not a name ("the $1.9
            // trillion American Rescue Plan").
            let next = text.get(n.span.end..)?.trim_start_matches([' ', '\u{a0}']);
            if next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '-') {
                return None;
            }
            let what = money_head_before(text, sentence, n).map_or(What::Sum, What::Noun);
            Some((what, None, false))
        }
        None => None,
    }
}

/// Whether the words after "and" open a phrase of their own ("and a pilot", "and the
/// crew", "and 12 crew", "and Paris") rather than a second noun of one count ("and
/// territories").
fn starts_new_phrase(next: &str) -> bool {
    let word = next.split_whitespace().next().unwrap_or("");
    word.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase())
        || matches!(
            word,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "some"
                | "several"
        )
}

/// What happened to the people or things a figure counts, when its clause says so: the
/// verb before the number ("killed 52 people") or the words after the noun ("the 54
/// people who died", "homes damaged"). Two figures whose outcomes differ count
/// different groups ("killed 30" and "the 45 injured").
const OUTCOMES: &[(&str, &[&str])] = &[
    (
        "death",
        &[
            "killed",
            "kill",
            "kills",
            "killing",
            "died",
            "die",
            "dead",
            "deaths",
            "perished",
            "lost",
            "fatalities",
            "fatal",
            "dying",
        ],
    ),
    (
        "injury",
        &[
            "injured", "injuring", "injuries", "wounded", "wounding", "hurt", "injures",
        ],
    ),
    ("missing", &["missing", "unaccounted"]),
    (
        "arrest",
        &[
            "arrested",
            "detained",
            "charged",
            "held",
            "jailed",
            "convicted",
            "arrests",
        ],
    ),
    (
        "rescue",
        &[
            "rescued",
            "evacuated",
            "displaced",
            "freed",
            "released",
            "saved",
        ],
    ),
    ("damage", &["damaged", "damaging"]),
    (
        "destruction",
        &[
            "destroyed",
            "destroying",
            "razed",
            "flattened",
            "levelled",
            "leveled",
        ],
    ),
    ("hospital", &["hospitalised", "hospitalized", "treated"]),
    ("infection", &["infected", "sickened", "ill"]),
];

/// The outcome named beside `n` (see [`OUTCOMES`]).
fn outcome(text: &str, sentence: Span, n: &NumberMention) -> Option<&'static str> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect()
    };
    let before = words(
        text.get(sentence.start..n.span.start)
            .unwrap_or("")
            .rsplit(CLAUSE_MARKS)
            .next()
            .unwrap_or(""),
    );
    let end = phrase_end(n).min(sentence.end);
    let after = words(
        text.get(end..sentence.end)
            .unwrap_or("")
            .split([',', ';', ':', '—', '(', '.'])
            .next()
            .unwrap_or(""),
    );
    let after = after
        .iter()
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "who"
                    | "that"
                    | "which"
                    | "were"
                    | "was"
                    | "have"
                    | "had"
                    | "has"
                    | "been"
                    | "are"
                    | "is"
                    | "reported"
                    | "confirmed"
                    | "believed"
                    | "later"
            )
        })
        .take(1);
    let find = |w: &str| {
        OUTCOMES
            .iter()
            .find(|(_, ws)| ws.contains(&w))
            .map(|&(c, _)| c)
    };
    before
        .iter()
        .rev()
        .take(3)
        .chain(after)
        .find_map(|w| find(w))
}

/// Whether a sentence (whose numbers are `numbers`) lists quantities of several things
/// (see [`Referent::list_item`]).
fn is_inventory(text: &str, numbers: &[NumberMention], sentence: Span) -> bool {
    let counted: Vec<&str> = numbers
        .iter()
        .filter(|n| sentence.contains(n.span) && n.kind == NumberKind::Cardinal)
        .filter_map(|n| n.noun.as_deref())
        .collect();
    let mut distinct = counted.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let labelled = sentence
        .text(text)
        .split_once(':')
        .is_some_and(|(label, _)| {
            let words = label.split_whitespace().count();
            (1..=4).contains(&words) && label.starts_with(|c: char| c.is_uppercase())
        });
    counted.len() >= 3 && distinct.len() >= 2 || distinct.len() < counted.len() || labelled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};

    /// The numbers of `text` read as a Markdown document, so that its sentences split.
    fn numbers(text: &str) -> Vec<NumberMention> {
        let (prose, _) = crate::document::markdown::parse(text);
        assert_eq!(prose.text, text, "the test text is plain prose");
        extract(&prose, &ExtractOptions::default()).numbers
    }

    fn find<'a>(ns: &'a [NumberMention], text: &str, written: &str) -> &'a NumberMention {
        ns.iter()
            .find(|n| n.value_span.text(text) == written)
            .unwrap_or_else(|| panic!("{written} not read in {ns:?}"))
    }

    #[test]
    fn one_referent_in_either_word_order() {
        let text = "The fire destroyed 52 homes. Officials counted the 52 homes destroyed.";
        let ns = numbers(text);
        assert_eq!(ns.len(), 2);
        for n in &ns {
            assert_eq!(n.referent.what, Some(What::Noun("home".into())), "{n:?}");
            assert_eq!(n.referent.outcome, Some("destruction"), "{n:?}");
            assert_eq!(n.referent.role, Role::Quantity);
        }
        assert!(!ns[0].referent.points_back);
        assert!(ns[1].referent.points_back);
    }

    #[test]
    fn reads_compounds_modifiers_and_sums() {
        let text = "The 367-bed hospital opened. It built 563 new homes. \
                    The contract is worth $45m. They raised $12m from investors.";
        let ns = numbers(text);
        let beds = find(&ns, text, "367");
        assert_eq!(beds.referent.what, Some(What::Noun("bed".into())));
        let homes = find(&ns, text, "563");
        assert_eq!(homes.referent.modifier.as_deref(), Some("new"));
        let worth = find(&ns, text, "$45m");
        assert_eq!(worth.referent.what, Some(What::Noun("contract".into())));
        let raised = find(&ns, text, "$12m");
        assert_eq!(raised.referent.what, Some(What::Sum));
        assert_eq!(
            raised.referent.owner_words(text),
            vec!["raised".to_string()]
        );
    }

    #[test]
    fn reads_roles() {
        let text = "Of the firms, 12 of the 40 firms were fined. Sales rose from 200 to 250, \
                    a 25% increase. He ranked 3 in the poll. She won the 1,500 metres final. \
                    The office at 10 Downing Street. Flight 370 vanished in 2014. \
                    Some 30 people came, and 45% of them stayed.";
        let ns = numbers(text);
        let role = |w: &str| find(&ns, text, w).referent.role;
        assert_eq!(role("12"), Role::Part);
        assert_eq!(role("40"), Role::Whole);
        assert_eq!(role("200"), Role::ChangeFrom);
        assert_eq!(role("250"), Role::ChangeTo);
        assert_eq!(role("25%"), Role::Change);
        assert_eq!(role("3"), Role::Rank);
        assert_eq!(role("1,500"), Role::Event);
        assert_eq!(role("10"), Role::Address);
        // A flight's number and a year count nothing (the first is not even read).
        assert!(ns
            .iter()
            .filter(|n| [370.0, 2014.0].contains(&n.value))
            .all(|n| !n.referent.role.is_quantity()));
        assert_eq!(role("30"), Role::Quantity);
        assert_eq!(role("45%"), Role::Share);
        let part = find(&ns, text, "12");
        let whole = part.referent.whole.map(|i| ns[i].value);
        assert_eq!(whole, Some(40.0));
    }

    #[test]
    fn street_numbers_are_no_values_of_a_change() {
        let text = "The bakery moved from 12 Harbour Road to 40 Harbour Road, doubling its space.";
        let (prose, _) = crate::document::markdown::parse(text);
        let m = extract(&prose, &ExtractOptions::default());
        let roles: Vec<Role> = m.numbers.iter().map(|n| n.referent.role).collect();
        assert_eq!(roles, vec![Role::Address, Role::Address]);
        assert!(m.changes.is_empty(), "{:?}", m.changes);
    }

    #[test]
    fn a_counted_race_distance_is_not_an_event() {
        let text = "Crews cleared 40 metres of road. Runners finished the 100m final.";
        let ns = numbers(text);
        assert_eq!(find(&ns, text, "40").referent.role, Role::Quantity);
        let race = ns
            .iter()
            .find(|n| n.value_span.text(text).starts_with("100"));
        assert_eq!(race.map(|n| n.referent.role), Some(Role::Event));
    }

    #[test]
    fn marks_lists_of_different_things() {
        let text =
            "Police seized 400 shotguns, 120 radios and 30 trucks. The 12 victims were named.";
        let ns = numbers(text);
        assert!(find(&ns, text, "400").referent.list_item);
        assert!(!find(&ns, text, "12").referent.list_item);
    }

    #[test]
    fn reads_clauses_and_complements() {
        let text = "Officials said 21 states with red flag laws, unlike others, reported cuts.";
        let ns = numbers(text);
        let n = find(&ns, text, "21");
        assert_eq!(
            n.referent.clause.text(text),
            "Officials said 21 states with red flag laws"
        );
        assert_eq!(
            n.referent.complement.map(|s| s.text(text)),
            Some("with red flag laws")
        );
        assert_eq!(
            n.referent.complement_words(text),
            ["with", "red", "flag", "laws"]
        );
        assert_eq!(n.referent.owner_words(text), ["officials"]);
        let text = "They built 40 homes in the old river valley near town.";
        let ns = numbers(text);
        let homes = find(&ns, text, "40");
        assert_eq!(
            homes.referent.complement_words(text),
            ["in", "the", "old", "river"]
        );
        let text = "Staff led all 111 children to the park.";
        let ns = numbers(text);
        assert!(find(&ns, text, "111").referent.complement.is_none());
    }
}
