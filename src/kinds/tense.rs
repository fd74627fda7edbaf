//! Helpers shared by the tense kinds (`future-as-past`, `past-as-future`,
//! `future-report`): a date whose cue puts it on one side of the reference date while
//! the date itself lies on the other.
//!
//! Each kind says which cue it reads; the helper applies the common guards (a reference
//! date, no quotation or hedge, a date with a year, `min_days` of slack) and builds the
//! finding with the `date`, `cue` and `reference` placeholders.

use jiff::civil::Date;
use serde::Deserialize;

use super::calendar::{add_days, reference_text};
use super::context::{CheckContext, Finding};
use crate::extract::{CueKind, DateMention};
use crate::reference::DateSource;
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Days on the wrong side of the reference date that are still tolerated.
    #[serde(default = "two")]
    pub min_days: i64,
}

fn two() -> i64 {
    2
}

impl Default for Params {
    fn default() -> Self {
        Params { min_days: 2 }
    }
}

/// The side of the reference date on which a date contradicts its cue.
#[derive(Clone, Copy, Debug)]
pub enum Wrong {
    /// Told as past (or already measured): wrong when it starts after the reference date.
    After,
    /// Told as future: wrong when it ends before the reference date.
    Before,
}

/// The message placeholders every tense kind fills.
pub fn args() -> Vec<String> {
    ["date", "cue", "reference"].map(String::from).to_vec()
}

/// The dates outside quotations and hedges that `cue` picks (it returns the cue's span)
/// and that lie more than `params.min_days` on the `wrong` side of `reference`, each
/// with that span.
pub fn misdated<'a>(
    cx: &'a CheckContext<'_>,
    reference: Date,
    params: &Params,
    wrong: Wrong,
    cue: impl Fn(&DateMention) -> Option<Span> + 'a,
) -> impl Iterator<Item = (&'a DateMention, Span)> + 'a {
    let limit = match wrong {
        Wrong::After => add_days(reference, params.min_days),
        Wrong::Before => add_days(reference, -params.min_days),
    };
    cx.mentions.dates().iter().filter_map(move |d| {
        let cue_span = cue(d)?;
        if d.quoted || d.hedged {
            return None;
        }
        let (first, last) = d.bounds()?;
        let beyond = match wrong {
            Wrong::After => first > limit,
            Wrong::Before => last < limit,
        };
        beyond.then_some((d, cue_span))
    })
}

/// The finding on a misdated date, with `label` on its cue.
pub fn finding(
    cx: &CheckContext<'_>,
    reference: Date,
    d: &DateMention,
    cue: Span,
    label: &str,
) -> Finding {
    Finding::at(d.date_span)
        .arg("date", d.date_span.text(cx.text))
        .arg("cue", cue.text(cx.text))
        .arg("reference", reference_text(cx, reference))
        .label(cue, label)
}

// ---------------------------------------------------------------------------------
// The clause reader: which verb of its clause governs a date, and in what tense.
//
// News dates an event with the verb of the clause the date sits in, before it ("the
// jury delivered its verdict on 17 August 2023") or after it when the date leads the
// clause ("On 17 August 2023, the jury delivered its verdict"). The reader takes the
// nearest verb group on the date's side of the clause and reads its tense from its
// auxiliaries; it never crosses a clause boundary (a comma, a dash, a conjunction, a
// relative pronoun), so a verb of another clause cannot govern the date. It only runs
// for a date already on the wrong side of the reference date, over at most a few
// dozen words around it.

/// The tense of the verb group that governs a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Governor {
    /// A past event: simple past, past or present perfect, past passive ("delivered",
    /// "has been signed", "took place").
    Past(Span),
    /// A future or a present plan ("will sign", "is set to", "plans to", "is
    /// scheduled for").
    Future(Span),
    /// The present of a timetable ("the exhibition opens on", "the law takes effect
    /// on"): a future for a date near the reference date, a story's narrative present
    /// for one long past ("the film opens on 6 June 1944").
    Scheduled(Span),
}

/// A word of a sentence, lower-cased, or a date, or one punctuation mark.
#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    span: Span,
    /// The word as written ("" for a date).
    word: &'t str,
    date: bool,
}

impl Token<'_> {
    fn is(&self, words: &[&str]) -> bool {
        !self.date && words.iter().any(|w| self.word.eq_ignore_ascii_case(w))
    }

    fn lower(&self) -> String {
        self.word.to_ascii_lowercase()
    }

    fn is_word(&self) -> bool {
        !self.date && self.word.starts_with(|c: char| c.is_alphanumeric())
    }
}

/// The most words the reader looks at on either side of a date.
const REACH: usize = 40;

/// The words and marks of `text` in `window`, with the dates of the sentence as
/// single tokens (each date's span is one token, so its commas are not boundaries).
fn tokens<'t>(text: &'t str, window: Span, dates: &[&DateMention]) -> Vec<Token<'t>> {
    let mut out = Vec::new();
    let mut pos = window.start;
    let mut dates = dates.iter().peekable();
    while pos < window.end {
        while dates.peek().is_some_and(|d| d.span.end <= pos) {
            dates.next();
        }
        if let Some(d) = dates.peek().filter(|d| d.span.start <= pos) {
            out.push(Token {
                span: d.span,
                word: "",
                date: true,
            });
            pos = d.span.end;
            continue;
        }
        let Some(c) = text.get(pos..window.end).and_then(|s| s.chars().next()) else {
            break;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let next_date = dates.peek().map_or(window.end, |d| d.span.start.max(pos));
        let end = if c.is_alphanumeric() {
            // A word: letters, digits, inner apostrophes and hyphens ("won't", "mid-May").
            let rest = text.get(pos..next_date).unwrap_or("");
            let mut end = pos;
            let mut chars = rest.char_indices().peekable();
            while let Some((i, ch)) = chars.next() {
                let inner = matches!(ch, '\'' | '’' | '-')
                    && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
                if ch.is_alphanumeric() || inner {
                    end = pos + i + ch.len_utf8();
                } else {
                    break;
                }
            }
            end
        } else {
            pos + c.len_utf8()
        };
        out.push(Token {
            span: Span::new(pos, end),
            word: text.get(pos..end).unwrap_or(""),
            date: false,
        });
        pos = end;
    }
    out
}

/// Marks and words that end a clause: the reader does not look past them.
fn is_boundary(t: &Token<'_>) -> bool {
    if t.date {
        return false;
    }
    if !t.is_word() {
        return !matches!(t.word, "'" | "’" | "." | "$" | "£" | "€" | "%" | "&" | "/");
    }
    t.is(&[
        "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "where", "when",
        "while", "whereas", "because", "although", "though", "unless", "if", "whether", "as",
        "once", "so", "whereby",
    ])
}

/// Words between a verb and its date that give the date to something else: a plan, a
/// forecast, a period ("raised its forecast for growth in 2025", "the anniversary of
/// the attack on 3 March 2015", "ten years since the vote in 2015").
fn is_blocker(t: &Token<'_>) -> bool {
    t.is(&[
        // A verb dated by a relative word ("announced today a concert on 10 June")
        // leaves the date to its object.
        "today",
        "yesterday",
        "tonight",
        "recently",
        "from",
        "for",
        "until",
        "till",
        "through",
        "toward",
        "towards",
        "since",
        "ago",
        "ahead",
        "anniversary",
        "anniversaries",
        "centenary",
        "plan",
        "plans",
        "target",
        "targets",
        "goal",
        "goals",
        "forecast",
        "forecasts",
        "projection",
        "projections",
        "estimate",
        "estimates",
        "outlook",
        "deadline",
        "deadlines",
        "schedule",
        "timetable",
        "date",
        "dates",
        "tour",
        "election",
        "elections",
        "referendum",
        "season",
        "expiry",
        "retirement",
        "crash",
        "attack",
        "attacks",
        "accident",
        "fire",
        "shooting",
        "killing",
        "murder",
        "death",
        "deaths",
        "explosion",
        "blast",
        "storm",
        "flood",
        "floods",
        "flooding",
        "earthquake",
        "riot",
        "riots",
        "protest",
        "protests",
        "incident",
        "events",
        "collapse",
        "war",
        "invasion",
        "coup",
        "massacre",
        "bombing",
        "raid",
        "outbreak",
        // "bonds due in 2030": after a noun, "due" gives the date to the noun ("was due
        // in" is read as a verb before this word is looked at).
        "due",
        "pandemic",
        "summit",
        "conference",
        "olympics",
        "games",
        "championship",
        "tournament",
        "cup",
        "festival",
        "closure",
        "beginning",
        "debut",
        "premiere",
        "crisis",
        "disaster",
        "hurricane",
        "cyclone",
        "typhoon",
        "wildfire",
        "wildfires",
        "previous",
        "earlier",
        "former",
        "original",
        "originally",
        "last",
        "first",
        "earthquakes",
        "crashes",
        "accidents",
        "fires",
        "explosions",
        "storms",
        "summits",
        "conferences",
        "closures",
        "coups",
        "raids",
        "bombings",
        "killings",
        "shootings",
        "murders",
        "incidents",
        "tournaments",
        "festivals",
        "hurricanes",
        "disasters",
        "crises",
        "wars",
        "invasions",
    ])
}

/// Auxiliaries and the words that may stand between them and the main verb.
const BE_PRESENT: &[&str] = &[
    "is", "are", "am", "'s", "’s", "isn't", "isn’t", "aren't", "aren’t",
];
const BE_PAST: &[&str] = &["was", "were", "wasn't", "wasn’t", "weren't", "weren’t"];
const HAVE_PRESENT: &[&str] = &[
    "has",
    "have",
    "'ve",
    "’ve",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
];
const HAVE_PAST: &[&str] = &["had", "hadn't", "hadn’t"];

/// The auxiliary a subject carries in one word: "we'll", "they've", "you're". Reporters
/// quote and write these; "'s" and "'d" are left alone, as each has two readings ("it's
/// been" and "it's due", "we'd signed" and "we'd sign").
fn contracted(word: &str) -> Option<Form> {
    let (head, tail) = word.rsplit_once(['\'', '’'])?;
    if head.is_empty() || !head.chars().all(char::is_alphabetic) {
        return None;
    }
    match tail.to_ascii_lowercase().as_str() {
        "ll" => Some(Form::Will),
        "ve" => Some(Form::HavePresent),
        "re" => Some(Form::BePresent),
        _ => None,
    }
}
const MODALS: &[&str] = &[
    "would",
    "could",
    "might",
    "should",
    "must",
    "may",
    "can",
    "'d",
    "’d",
    "wouldn't",
    "couldn't",
    "shouldn't",
    "mustn't",
    "cannot",
    "can't",
];
const WILL: &[&str] = &["will", "shall", "'ll", "’ll", "won't", "shan't"];

fn is_adverb(t: &Token<'_>) -> bool {
    t.is_word()
        && (t.lower().ends_with("ly") && t.word.len() > 4
            || t.is(&[
                "not",
                "never",
                "also",
                "already",
                "just",
                "yet",
                "still",
                "then",
                "now",
                "first",
                "only",
                "even",
                "finally",
                "eventually",
                "reportedly",
                "again",
                "jointly",
                "formally",
                "officially",
                "quietly",
                "once",
                "soon",
                "n't",
            ]))
}

/// Participles of planning: "scheduled", "set", "due"... A past event is not told
/// with them ("was scheduled for", "had been expected in").
const PLAN_PARTICIPLES: &[&str] = &[
    "scheduled",
    "rescheduled",
    "set",
    "due",
    "expected",
    "planned",
    "slated",
    "fixed",
    "poised",
    "penciled",
    "pencilled",
    "earmarked",
    "timetabled",
    "billed",
    "tipped",
    "likely",
    "unlikely",
    "supposed",
    "meant",
    "intended",
    "going",
    "about",
    "projected",
    "predicted",
    "forecast",
    "forecasted",
    "estimated",
    "anticipated",
    "targeted",
    "budgeted",
    "proposed",
    "promised",
    "pledged",
    "vowed",
    "aimed",
    "hoped",
    "tabled",
    "envisaged",
    "envisioned",
    "foreseen",
    "committed",
    "allocated",
    "requested",
    "appropriated",
    "reserved",
    // Arranging an event is not the event: "booked a visit to the client on".
    "booked",
    "arranged",
    "organised",
    "organized",
    "invited",
    "summoned",
    "designated",
    "needed",
    "required",
];

/// Present verbs that plan ahead before "to": "plans to", "aims to".
const PLAN_VERBS: &[&str] = &[
    "plans",
    "plan",
    "intends",
    "intend",
    "aims",
    "aim",
    "hopes",
    "hope",
    "expects",
    "expect",
    "wants",
    "want",
    "seeks",
    "seek",
    "wishes",
    "wish",
    "vows",
    "vow",
    "pledges",
    "pledge",
    "promises",
    "promise",
    "prepares",
    "prepare",
    "threatens",
    "threaten",
    "proposes",
    "propose",
];

/// Verbs of arranged events whose present progressive tells a plan ("the two leaders
/// are meeting on 7 October"); other verbs in "-ing" after "is" tell what goes on now
/// ("police are investigating an assault on 3 March").
const ARRANGED: &[&str] = &[
    "meeting",
    "visiting",
    "holding",
    "hosting",
    "opening",
    "launching",
    "travelling",
    "traveling",
    "flying",
    "leaving",
    "departing",
    "arriving",
    "returning",
    "signing",
    "voting",
    "playing",
    "performing",
    "presenting",
    "unveiling",
    "releasing",
    "publishing",
    "staging",
    "marrying",
    "touring",
    "testifying",
    "speaking",
    "competing",
];

/// Events that a date after them may belong to, written as nouns: "announced a state
/// visit to Paris on 7 October", "told the client of the meeting on".
const EVENT_NOUNS: &[&str] = &[
    "visit",
    "visits",
    "trip",
    "trips",
    "journey",
    "appointment",
    "appointments",
    "meeting",
    "meetings",
    "hearing",
    "hearings",
    "interview",
    "interviews",
    "wedding",
    "funeral",
    "ceremony",
    "ceremonies",
    "inauguration",
    "launch",
    "opening",
    "reopening",
];

/// Irregular past forms and participles that news dates events with.
const IRREGULAR_PAST: &[&str] = &[
    "took",
    "taken",
    "went",
    "gone",
    "came",
    "met",
    "won",
    "lost",
    "held",
    "made",
    "gave",
    "given",
    "began",
    "begun",
    "saw",
    "seen",
    "fell",
    "fallen",
    "rose",
    "risen",
    "struck",
    "stricken",
    "led",
    "left",
    "ran",
    "spoke",
    "spoken",
    "told",
    "said",
    "sold",
    "bought",
    "brought",
    "built",
    "caught",
    "chose",
    "chosen",
    "drew",
    "drawn",
    "drove",
    "driven",
    "fought",
    "found",
    "flew",
    "flown",
    "froze",
    "frozen",
    "got",
    "gotten",
    "grew",
    "grown",
    "heard",
    "kept",
    "knew",
    "known",
    "laid",
    "lent",
    "meant",
    "paid",
    "rode",
    "ridden",
    "rang",
    "rung",
    "sang",
    "sung",
    "sank",
    "sunk",
    "sat",
    "shot",
    "slept",
    "sought",
    "sent",
    "spent",
    "stood",
    "stole",
    "stolen",
    "stuck",
    "swore",
    "sworn",
    "swept",
    "taught",
    "tore",
    "torn",
    "thought",
    "threw",
    "thrown",
    "understood",
    "woke",
    "woken",
    "wore",
    "worn",
    "wrote",
    "written",
    "became",
    "broke",
    "broken",
    "dealt",
    "dug",
    "did",
    "done",
    "felt",
    "fled",
    "forgave",
    "forgiven",
    "overtook",
    "overseen",
    "oversaw",
    "overcame",
    "undertook",
    "undertaken",
    "underwent",
    "undergone",
    "upheld",
    "withheld",
    "withdrew",
    "withdrawn",
    "rebuilt",
    "retook",
    "rewrote",
    "shook",
    "shaken",
    "shone",
    "sprang",
    "sped",
    "hid",
    "hidden",
    "ate",
    "eaten",
    "bore",
    "borne",
    "forbade",
    "forgot",
    "forgotten",
    "hung",
    "lit",
    "slid",
    "spun",
    "strove",
    "swam",
    "swung",
    "wept",
    "beaten",
    "bitten",
    "blew",
    "blown",
    "mistook",
    "overthrew",
    "overthrown",
    "sold",
    "unwound",
    "mislaid",
    "outgrew",
    "outran",
    "outspent",
    "overheard",
    "overran",
    "oversold",
    "underwrote",
    "upset",
];

/// Words ending in "-ed" that are not verbs.
const NOT_VERBS_ED: &[&str] = &[
    "need",
    "bled",
    "sled",
    "eked",
    "speed",
    "seed",
    "bed",
    "red",
    "shed",
    "bred",
    "hundred",
    "indeed",
    "breed",
    "feed",
    "weed",
    "greed",
    "deed",
    "reed",
    "naked",
    "wicked",
    "sacred",
    "kindred",
    "beloved",
    "rugged",
    "ragged",
    "wretched",
    "crooked",
    "embed",
    "proceed",
    "exceed",
    "succeed",
    "heed",
    "steed",
    "tweed",
    "unprecedented",
    "unexpected",
    "unlimited",
    "unrelated",
    "unidentified",
    "unnamed",
    "undisclosed",
    "unspecified",
    "unscheduled",
    "unannounced",
    "unarmed",
    "unemployed",
    "unmarried",
    "unvaccinated",
    "so-called",
    "aged",
    "based",
    "biased",
    "interested",
    "talented",
    "skilled",
    "advanced",
    "detailed",
    "limited",
    "united",
    "related",
    "sophisticated",
    "dedicated",
    "complicated",
    "renowned",
    "alleged",
    "supposed",
    "concerned",
    "experienced",
    "qualified",
    "assured",
    "armed",
    "wed",
];

/// Words ending in "-ing" that are nouns or prepositions more often than verbs.
const NOT_VERBS_ING: &[&str] = &[
    "during",
    "morning",
    "evening",
    "meeting",
    "meetings",
    "building",
    "buildings",
    "spring",
    "thing",
    "things",
    "something",
    "nothing",
    "anything",
    "everything",
    "king",
    "wing",
    "ring",
    "string",
    "bring",
    "sing",
    "sting",
    "swing",
    "ceiling",
    "wedding",
    "funding",
    "housing",
    "spending",
    "hearing",
    "hearings",
    "ruling",
    "opening",
    "training",
    "offering",
    "briefing",
    "landing",
    "sitting",
    "trading",
    "polling",
    "warning",
    "setting",
    "beginning",
    "ending",
    "shooting",
    "bombing",
    "killing",
    "sibling",
    "being",
    "including",
    "regarding",
    "concerning",
    "following",
    "pending",
    "according",
    "notwithstanding",
    "outstanding",
    "ongoing",
    "upcoming",
    "forthcoming",
    "leading",
    "booking",
    "darling",
    "earning",
    "earnings",
    "savings",
    "findings",
    "proceedings",
    "parking",
    "clothing",
    "lending",
    "heritage",
    "timing",
    "pricing",
    "planning",
    "signing",
    "swearing",
    "sightseeing",
    "reading",
    "recording",
    "filing",
    "listing",
    "rating",
    "ranking",
    "standing",
    "dealing",
    "feeling",
    "marketing",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "this", "these", "those",
    "each", "every", "no", "any", "some", "whose", "new", "much", "long", "newly", "recently",
    "once", "twice", "so", "well", "widely", "highly", "most", "more", "less", "least", "several",
    "many", "few", "two", "three", "four", "five",
];

/// What a token is as a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "signed", "took", "taken": a past form or participle.
    Past,
    /// "signing".
    Ing,
    /// "to" before a verb.
    To,
    Will,
    Modal,
    BePresent,
    BePast,
    /// "be", "been", "being".
    Be,
    HavePresent,
    /// "had".
    HavePast,
    /// "did".
    Did,
    /// "plans", "aims" before "to".
    PlanVerb,
    /// "falls" before "on".
    Falls,
    /// "opens", "takes effect", "comes into force": the present of a timetable.
    Scheduled,
}

/// Verbs whose present tells a timetable, in the third person.
const SCHEDULED: &[&str] = &[
    "opens",
    "reopens",
    "closes",
    "begins",
    "starts",
    "ends",
    "expires",
    "resumes",
    "premieres",
    "convenes",
    "departs",
];

/// How far before the reference date the present of a timetable is still read as a
/// stale future rather than as a story's narrative present.
const SCHEDULED_DAYS: i64 = 183;

/// Bare nouns that follow "to" as a preposition ("opened to traffic").
const TO_NOUNS: &[&str] = &[
    "traffic",
    "court",
    "trial",
    "power",
    "office",
    "prison",
    "jail",
    "hospital",
    "market",
    "school",
    "work",
    "press",
    "print",
    "safety",
    "victory",
    "light",
    "life",
    "death",
    "justice",
    "sea",
    "shore",
    "war",
    "parliament",
    "congress",
    "date",
    "zero",
    "bed",
    "church",
    "town",
    "air",
    "land",
    "order",
    "account",
    "arms",
    "polls",
    "residents",
    "voters",
    "users",
    "customers",
    "investors",
    "shareholders",
    "members",
    "staff",
    "workers",
    "students",
    "patients",
    "families",
    "children",
    "people",
    "women",
    "men",
    "police",
    "reporters",
    "journalists",
    "lawmakers",
    "officials",
    "him",
    "them",
    "us",
    "me",
    "it",
    "whom",
    "what",
    "where",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
    "under",
    "more",
    "less",
    "just",
    "only",
    "both",
    "all",
    "half",
    "one",
    "and",
    "or",
    "local",
    "national",
    "public",
    "private",
    "federal",
    "state",
];

fn form(tokens: &[Token<'_>], i: usize) -> Option<Form> {
    let t = tokens.get(i)?;
    if !t.is_word() {
        return None;
    }
    let lower = t.lower();
    let w = lower.as_str();
    let capitalised = t.word.starts_with(|c: char| c.is_uppercase());
    let after_determiner = || i > 0 && tokens.get(i - 1).is_some_and(|p| p.is(DETERMINERS));
    Some(match w {
        _ if t.is(WILL) => Form::Will,
        _ if t.is(MODALS) => Form::Modal,
        _ if t.is(BE_PRESENT) => Form::BePresent,
        _ if t.is(BE_PAST) => Form::BePast,
        "be" | "been" | "being" => Form::Be,
        _ if t.is(HAVE_PRESENT) => Form::HavePresent,
        _ if t.is(HAVE_PAST) => Form::HavePast,
        _ if contracted(w).is_some() => contracted(w)?,
        "did" | "didn't" => Form::Did,
        "falls" | "fall" => Form::Falls,
        _ if t.is(SCHEDULED) && !capitalised => Form::Scheduled,
        // "takes effect", "takes place", "comes into force", "goes on sale".
        "takes" | "comes" | "goes" => {
            let next = tokens.get(i + 1)?;
            let fixed = match w {
                "takes" => next.is(&["effect", "place"]),
                "comes" => next.is(&["into"]),
                _ => next.is(&["on", "into"]),
            };
            if !fixed {
                return None;
            }
            Form::Scheduled
        }
        "to" => {
            let next = tokens.get(i + 1)?;
            let verb_like = next.is_word()
                && next.word.starts_with(|c: char| c.is_lowercase())
                && !next.word.starts_with(|c: char| c.is_ascii_digit())
                && !next.is(DETERMINERS)
                && !next.is(TO_NOUNS)
                && !next.is(&["her", "its", "their", "his", "our", "your", "my"]);
            if !verb_like {
                return None;
            }
            Form::To
        }
        _ if t.is(PLAN_VERBS)
            && (!capitalised || i == 0)
            && tokens.get(i + 1).is_some_and(|n| n.is(&["to"])) =>
        {
            Form::PlanVerb
        }
        _ if capitalised && i > 0 => return None,
        // "set", "due", "going" are participles of a plan only after "is" or "was".
        "set" | "due" | "going" | "about" | "likely" | "unlikely" | "put" | "cut" | "hit"
        | "shut" => {
            let mut k = i;
            while k > 0 && tokens.get(k - 1).is_some_and(is_adverb) {
                k -= 1;
            }
            let aux = k > 0
                && tokens.get(k - 1).is_some_and(|p| {
                    p.is(BE_PRESENT)
                        || p.is(BE_PAST)
                        || p.is(&["been", "be"])
                        || p.is(HAVE_PRESENT)
                        || p.is(HAVE_PAST)
                        || matches!(
                            contracted(&p.lower()),
                            Some(Form::BePresent | Form::HavePresent)
                        )
                });
            if !aux {
                return None;
            }
            Form::Past
        }
        _ if t.is(IRREGULAR_PAST) => {
            if after_determiner() {
                return None;
            }
            Form::Past
        }
        _ if w.len() > 3 && w.ends_with("ed") && !w.contains('-') => {
            if t.is(NOT_VERBS_ED) || after_determiner() {
                return None;
            }
            Form::Past
        }
        _ if w.len() > 5 && w.ends_with("ing") => {
            // "are meeting", "is opening": after "be" an arranged event's noun in "-ing"
            // is its verb.
            let after_be = t.is(ARRANGED)
                && i > 0
                && tokens.get(i - 1).is_some_and(|p| {
                    p.is(BE_PRESENT)
                        || p.is(BE_PAST)
                        || contracted(&p.lower()) == Some(Form::BePresent)
                });
            if t.is(NOT_VERBS_ING) && !after_be || after_determiner() {
                return None;
            }
            Form::Ing
        }
        _ => return None,
    })
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "this", "that"];
const SPEECH: &[&str] = &[
    "said",
    "told",
    "announced",
    "stated",
    "claimed",
    "confirmed",
    "reported",
    "added",
    "says",
    "tells",
    "announces",
    "reports",
    "confirms",
];

/// Whether the bare past form at `i` (no auxiliary) is the finite verb of its clause
/// rather than a participle after a noun ("vehicles sold in 2030", "the funds provided
/// in 2024"): its subject is a short noun phrase that starts the clause (or follows a
/// speech verb or "that"), or it shares the subject of a past verb before "and".
fn finite(tokens: &[Token<'_>], i: usize, floor: usize) -> bool {
    let mut start = i;
    while start > floor {
        let prev = start - 1;
        if form(tokens, prev).is_some() {
            break;
        }
        start = prev;
    }
    if start == i {
        // "... was posted on 14 January and closed on 27 April": the verb shares the
        // auxiliaries and subject of the conjunct before it.
        if start != floor || floor < 1 {
            return false;
        }
        let and = tokens.get(floor - 1);
        if !and.is_some_and(|a| a.is(&["and", "or", "but"])) {
            return false;
        }
        let mut k = floor - 1;
        let mut seen = 0;
        while k > 0 && seen < REACH {
            k -= 1;
            seen += 1;
            let t = &tokens[k];
            if !t.date && !t.is_word() && t.word != "," {
                return false;
            }
            if form(tokens, k).is_some() {
                let mut f = k;
                while f > 0 && !is_boundary(&tokens[f - 1]) {
                    f -= 1;
                }
                return matches!(group_tense(tokens, k, f), Some(Governor::Past(_)));
            }
        }
        return false;
    }
    let subject = &tokens[start..i];
    let after_speech = start > floor && tokens.get(start - 1).is_some_and(|t| t.is(SPEECH))
        || start == floor
            && floor > 1
            && tokens.get(floor - 1).is_some_and(|t| t.is(&["that"]))
            && tokens.get(floor - 2).is_some_and(|t| t.is(SPEECH));
    let Some(head) = subject.first() else {
        return false;
    };
    // "On 7 January 2022, voters went to the polls."
    let after_date = start >= 2
        && tokens.get(start - 1).is_some_and(|t| t.word == ",")
        && tokens.get(start - 2).is_some_and(|t| t.date);
    let opens = after_date
        || head.is(DETERMINERS)
        || head.is(PRONOUNS)
        || head.word.starts_with(|c: char| c.is_uppercase())
        || after_speech;
    opens
        && subject.len() <= 6
        && subject.iter().all(|t| {
            !t.date
                && (t.is_word() || matches!(t.word, "'" | "’"))
                && !t.word.starts_with(|c: char| c.is_ascii_digit())
                && (!is_preposition(t) || t.is(&["of"]))
        })
}

/// The nearest verb-like token at or before `i` (skipping adverbs), within `floor..`.
fn previous_form(tokens: &[Token<'_>], i: usize, floor: usize) -> Option<(usize, Form)> {
    let mut j = i;
    loop {
        if let Some(f) = form(tokens, j) {
            return Some((j, f));
        }
        let t = tokens.get(j)?;
        if !is_adverb(t) || j <= floor {
            return None;
        }
        j -= 1;
    }
}

/// The tense of the verb group whose last verb-like token is `i`, reading its
/// auxiliaries leftwards no further than `floor`. `None`: not a finite group this
/// reader can date (a modal, a participle, an infinitive of an unknown verb).
fn group_tense(tokens: &[Token<'_>], i: usize, floor: usize) -> Option<Governor> {
    let t = tokens.get(i)?;
    let before = |k: usize| {
        k.checked_sub(1)
            .filter(|&k| k >= floor)
            .and_then(|k| previous_form(tokens, k, floor))
    };
    let span_from = |k: usize| {
        Span::new(
            tokens.get(k).map_or(t.span.start, |s| s.span.start),
            t.span.end,
        )
    };
    match form(tokens, i)? {
        Form::Will => Some(Governor::Future(t.span)),
        Form::Modal => None,
        Form::BePresent | Form::HavePresent => None,
        Form::BePast => Some(Governor::Past(t.span)),
        Form::HavePast | Form::Did => Some(Governor::Past(t.span)),
        Form::Be => match before(i)? {
            (k, Form::Will) => Some(Governor::Future(span_from(k))),
            (k, Form::To) => group_tense(tokens, k, floor),
            _ => None,
        },
        Form::Falls => {
            let on = tokens.get(i + 1).is_some_and(|n| n.is(&["on", "in"]));
            (on && t.word.eq_ignore_ascii_case("falls")).then_some(Governor::Future(t.span))
        }
        // Its own verb group ("the season opens on"), not a relative clause that
        // describes ("the period that begins on").
        Form::Scheduled => {
            let relative = floor > 0 && tokens[floor - 1].is(&["that", "which", "who"]);
            (before(i).is_none() && !relative).then_some(Governor::Scheduled(t.span))
        }
        Form::PlanVerb => {
            let plural_or_third = before(i).is_none();
            plural_or_third.then_some(Governor::Future(t.span))
        }
        Form::To => {
            // "is to sign", "is set to sign", "plans to sign"; "will vote to close",
            // "is slated to vote to close" through the base verb before "to".
            let Some((k, f)) = before(i) else {
                let base = i.checked_sub(2).filter(|&b| b >= floor)?;
                return match form(tokens, base)? {
                    Form::Will => Some(Governor::Future(span_from(base))),
                    Form::To => group_tense(tokens, base, floor),
                    _ => None,
                };
            };
            let plan = tokens.get(k).is_some_and(|p| p.is(PLAN_PARTICIPLES));
            match f {
                Form::BePresent => Some(Governor::Future(span_from(k))),
                Form::PlanVerb => group_tense(tokens, k, floor),
                Form::Past | Form::Ing if plan => match before(k)? {
                    (b, Form::BePresent) => Some(Governor::Future(span_from(b))),
                    _ => None,
                },
                Form::Past | Form::Ing => None,
                _ => None,
            }
        }
        Form::Ing => match before(i) {
            Some((k, Form::BePast)) => Some(Governor::Past(span_from(k))),
            // "are meeting the client on 7 October": the present progressive of an
            // arranged event is its future (the date's kind is checked by the caller).
            Some((k, Form::BePresent)) if t.is(ARRANGED) => Some(Governor::Future(span_from(k))),
            // "will be travelling on 7 March": the future progressive.
            Some((k, Form::Be)) => match before(k)? {
                (w, Form::Will) => Some(Governor::Future(span_from(w))),
                _ => None,
            },
            _ => None,
        },
        Form::Past => {
            let plan = t.is(PLAN_PARTICIPLES);
            match before(i) {
                Some((k, Form::HavePresent | Form::HavePast)) => match before(k) {
                    // "would have expired": a hypothetical; "will have signed": ahead.
                    Some((_, Form::Modal | Form::To)) => None,
                    Some((w, Form::Will)) => Some(Governor::Future(span_from(w))),
                    _ => (!plan).then_some(Governor::Past(span_from(k))),
                },
                Some((k, Form::BePast)) => (!plan).then_some(Governor::Past(span_from(k))),
                Some((k, Form::BePresent)) => plan.then_some(Governor::Future(span_from(k))),
                Some((k, Form::Be)) => match before(k) {
                    Some((w, Form::Will)) => Some(Governor::Future(span_from(w))),
                    // "is to be signed", "is set to be signed".
                    Some((w, Form::To)) if !plan => group_tense(tokens, w, floor),
                    Some((h, Form::HavePresent | Form::HavePast)) if !plan => {
                        Some(Governor::Past(span_from(h)))
                    }
                    _ => None,
                },
                Some((k, Form::Will)) => Some(Governor::Future(span_from(k))),
                Some((_, Form::Modal | Form::To | Form::Did)) => None,
                Some((k, Form::Past)) => group_tense(tokens, k, floor),
                _ => (!plan && finite(tokens, i, floor)).then_some(Governor::Past(t.span)),
            }
        }
    }
}

/// The verb group that governs `d` in its sentence, if the reader can tell.
pub fn governor(cx: &CheckContext<'_>, d: &DateMention) -> Option<Governor> {
    let sentence = cx
        .doc
        .prose
        .sentence_at(d.span.start)
        .filter(|s| s.contains(d.span))?;
    // A window of the sentence around the date, cut back to whole words.
    let from = sentence.start.max(d.span.start.saturating_sub(REACH * 12));
    let to = sentence.end.min(d.span.end + REACH * 12);
    let from = (from..=d.span.start)
        .find(|&p| {
            cx.text.is_char_boundary(p)
                && (p == sentence.start || cx.text[..p].ends_with(char::is_whitespace))
        })
        .unwrap_or(d.span.start);
    let to = (d.span.end..=to)
        .rev()
        .find(|&p| cx.text.is_char_boundary(p))
        .unwrap_or(d.span.end);
    let window = Span::new(from, to);
    let all = cx.mentions.dates();
    let first = all.partition_point(|m| m.span.end <= window.start);
    let near: Vec<&DateMention> = all[first..]
        .iter()
        .take_while(|m| m.span.start < window.end)
        .filter(|m| window.contains(m.span))
        .collect();
    let tokens = tokens(cx.text, window, &near);
    let at = tokens.iter().position(|t| t.date && t.span == d.span)?;
    read_clause(&tokens, at, d)
}

/// Prepositions that put a date on its verb's event.
const AT: &[&str] = &["on", "in", "at", "during"];

fn read_clause(tokens: &[Token<'_>], at: usize, d: &DateMention) -> Option<Governor> {
    // The date phrase: the date, its preposition and "the", "early", "late".
    let mut lead = at;
    while lead > 0
        && tokens
            .get(lead - 1)
            .is_some_and(|t| t.is(&["the", "early", "late", "mid", "mid-", "around"]))
    {
        lead -= 1;
    }
    let prep = lead.checked_sub(1).and_then(|k| tokens.get(k));
    let day = d.day.is_some();
    // "for" only after a present plan ("is scheduled for"); "by" only for a future.
    let the = lead + 1 == at && tokens.get(lead).is_some_and(|t| t.is(&["the"]));
    let (lead, preposition) = match prep {
        Some(p) if p.is(AT) => (lead - 1, Some(PrepKind::At)),
        Some(p) if p.is(&["by"]) => (lead - 1, Some(PrepKind::By)),
        Some(p) if p.is(&["for"]) => (lead - 1, Some(PrepKind::For)),
        Some(p) if p.is(&["until", "till"]) => (lead - 1, Some(PrepKind::Until)),
        // "was held the 23rd of June 2020".
        Some(p)
            if p.is_word()
                && (lead == at || the)
                && day
                && !p.is(DETERMINERS)
                && !is_boundary(p) =>
        {
            // A bare day date after its verb's object: "raised rates March 12, 2023".
            let next = tokens.get(at + 1);
            // It ends the clause or a prepositional phrase follows ("was discharged
            // December 1 from hospital"); a noun would make it a modifier.
            let ends = next
                .is_none_or(|n| !n.is_word() || is_boundary(n) || n.is(AT) || is_preposition(n));
            if !ends || is_preposition(p) {
                return None;
            }
            (lead, None)
        }
        Some(p) if !p.is_word() && lead == at && day => (lead, None),
        None if lead == at && day => (lead, None),
        _ => return None,
    };
    // A date that modifies a noun ("the 2025 budget", "the October 2021 summit", "June
    // 2025's vote") has no verb.
    let the = at > 0 && tokens.get(at - 1).is_some_and(|t| t.is(&["the"]));
    if the
        && !day
        && tokens
            .get(at + 1)
            .is_some_and(|n| n.is_word() && !is_boundary(n) && !is_preposition(n))
    {
        return None;
    }
    if tokens
        .get(at + 1)
        .is_some_and(|n| matches!(n.word, "'" | "’" | "-"))
    {
        return None;
    }
    // Leftwards: the nearest verb group of the clause.
    let mut floor = lead;
    while floor > 0 {
        let t = tokens.get(floor - 1)?;
        if is_boundary(t) {
            break;
        }
        floor -= 1;
    }
    let mut j = lead;
    while j > floor {
        j -= 1;
        // A long object leaves the date to its own nouns ("will procure antivirals for
        // the treatment of patients at risk of hospitalisation in March 2022").
        if lead - j > 8 {
            return None;
        }
        let t = tokens.get(j)?;
        if t.date {
            return None;
        }
        if form(tokens, j).is_some() {
            let g = group_tense(tokens, j, floor)?;
            let object = tokens.get(j + 1..lead).unwrap_or(&[]);
            return check_preposition(g, preposition, tokens, j, day, object);
        }
        // "benefit from these grants in 2021", but "discharged from hospital on".
        let from_place = t.is(&["from"]) && tokens.get(j + 1).is_some_and(|n| n.is(TO_NOUNS));
        // "informed the client of the visit on": the date is the event noun's.
        // A noun after a determiner or a modifier ("a state visit"); after "will", "to"
        // or a pronoun the word is the verb ("will visit the site on").
        let event = t.is(EVENT_NOUNS)
            && j > 0
            && tokens.get(j - 1).is_some_and(|p| {
                p.is_word() && form(tokens, j - 1).is_none() && !p.is(PRONOUNS) && !is_adverb(p)
            });
        // "will look back on 3 March as a turning point": the date is remembered.
        let recalled = t.is(&["back"]) && j > 0 && tokens[j - 1].lower().starts_with("look");
        if (is_blocker(t) || event || recalled) && !from_place {
            return None;
        }
        // "more than 200 flights" counts; "higher than in 2023" compares.
        let compares = t.is(&["than"])
            && !(j > 0
                && tokens
                    .get(j - 1)
                    .is_some_and(|p| p.is(&["more", "less", "fewer"])));
        if compares {
            return None;
        }
    }
    // No verb before the date: a date leading its clause governs the clause's verb
    // ("On 17 August 2023, the jury delivered its verdict").
    // "Back on 7 October 2020, we ...": adverbs may stand before the date phrase.
    let opener = tokens
        .get(floor..lead)
        .is_some_and(|ts| ts.iter().all(|t| is_adverb(t) || t.is(&["back"])));
    if !opener {
        return None;
    }
    let mut k = at + 1;
    if tokens.get(k).is_some_and(|t| t.word == ",") {
        k += 1;
    }
    let start = k;
    while let Some(t) = tokens.get(k) {
        if is_boundary(t) || t.date || k - start > 8 {
            return None;
        }
        if form(tokens, k).is_some() {
            // The group runs on through auxiliaries, adverbs and "to" + verb.
            let mut last = k;
            let mut m = k + 1;
            while let Some(n) = tokens.get(m) {
                match form(tokens, m) {
                    // "we are meeting", "we were visiting": an arranged event's -ing
                    // form belongs to the group.
                    Some(Form::Ing) if !n.is(ARRANGED) => break,
                    None if !is_adverb(n) => break,
                    // "In August 2022, the council voted to close the depot": the date
                    // is the vote's, not the closing's.
                    Some(Form::To)
                        if form(tokens, last) == Some(Form::Past)
                            && !tokens[last].is(PLAN_PARTICIPLES) =>
                    {
                        break;
                    }
                    Some(_) => last = m,
                    None => {}
                }
                m += 1;
            }
            let g = group_tense(tokens, last, start)?;
            return check_preposition(g, preposition, tokens, last, day, &[]);
        }
        k += 1;
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PrepKind {
    At,
    By,
    For,
    /// "until": the end of a state; "will stay closed until" a day gone by is stale,
    /// "was postponed until" a day to come is not past.
    Until,
}

fn is_preposition(t: &Token<'_>) -> bool {
    t.is(&[
        "of", "to", "from", "until", "till", "through", "since", "before", "after", "by", "for",
        "with", "between", "than", "into", "onto", "toward", "towards", "beyond", "within",
        "about", "around", "against", "under", "over", "per", "like",
    ])
}

/// Whether the preposition before the date fits the governor's tense: "for" dates a
/// plan ("is scheduled for"), "by" a deadline ahead; an event in the past takes "on",
/// "in", "at", "during" or none. A present progressive ("are meeting") is a future only
/// with a day ("on 7 October") and a short plain `object` between verb and date: with a
/// month or a year it may tell what goes on now, and a participle in the object dates
/// another event ("are visiting towns hit on 3 March").
fn check_preposition(
    g: Governor,
    prep: Option<PrepKind>,
    tokens: &[Token<'_>],
    verb: usize,
    day: bool,
    object: &[Token<'_>],
) -> Option<Governor> {
    let progressive = form(tokens, verb) == Some(Form::Ing);
    if matches!(g, Governor::Future(_)) && progressive {
        let plain = |t: &Token<'_>| {
            t.is_word()
                && !t.lower().ends_with("ed")
                && !t.is(IRREGULAR_PAST)
                && !t.is(&["hit", "put", "cut", "set", "shut", "hurt", "spread", "cast"])
        };
        if !day || object.len() > 4 || !object.iter().all(plain) {
            return None;
        }
    }
    match (g, prep) {
        (Governor::Past(_), Some(PrepKind::By | PrepKind::For | PrepKind::Until)) => None,
        (Governor::Scheduled(_), Some(PrepKind::By | PrepKind::For | PrepKind::Until)) => None,
        (Governor::Future(_), Some(PrepKind::For)) => {
            // Only a present plan participle dates with "for": "is scheduled for".
            tokens.get(verb)?.is(PLAN_PARTICIPLES).then_some(g)
        }
        _ => Some(g),
    }
}

/// The dates told in the `tense` of `wrong`'s opposite by the verb that governs them
/// (see [`governor`]), or by the extractor's cue of `kind` right before them, that lie
/// more than `params.min_days` on the `wrong` side of `reference`, each with the span
/// of its verb or cue.
///
/// Quiet zones: quotations; sentences with "if", "unless" or "whether"; sentences
/// with a past plan ("was scheduled to"); a verb group with a modal ("would", "could")
/// or a plan participle. Reported speech quiets a past-as-future date only when the
/// speech verb comes first ("the council said the terminal will open in 2017" reports
/// an old plan); "said" does not make a past event possible on a day yet to come.
pub fn tensed<'a>(
    cx: &'a CheckContext<'_>,
    reference: Date,
    params: &Params,
    wrong: Wrong,
    kind: CueKind,
) -> impl Iterator<Item = (&'a DateMention, Span)> + 'a {
    let limit = match wrong {
        Wrong::After => add_days(reference, params.min_days),
        Wrong::Before => add_days(reference, -params.min_days),
    };
    cx.mentions.dates().iter().filter_map(move |d| {
        if d.quoted {
            return None;
        }
        let inferred = cx.reference.source == DateSource::Inferred;
        let (first, last) = match d.bounds() {
            Some(b) => b,
            None => {
                let day = this_year(d, reference).filter(|_| !inferred)?;
                // "In 2022, Fiona made landfall. On October 3, the president visited": a
                // year written before it in its paragraph is the year it is read in.
                if d.year_context
                    .earlier
                    .iter()
                    .any(|&y| y != reference.year())
                {
                    return None;
                }
                (day, day)
            }
        };
        let beyond = match wrong {
            Wrong::After => first > limit,
            Wrong::Before => last < limit,
        };
        if !beyond {
            return None;
        }
        if let Some(c) = d.cue.filter(|c| c.kind == kind && !d.hedged) {
            return Some((d, c.span));
        }
        // An inferred reference date is the earliest the text can be: a past event
        // after it is no contradiction.
        if matches!(wrong, Wrong::After) && inferred || hedged(cx, d, wrong) {
            return None;
        }
        match (governor(cx, d)?, wrong) {
            (Governor::Past(s), Wrong::After) | (Governor::Future(s), Wrong::Before) => {
                Some((d, s))
            }
            (Governor::Scheduled(s), Wrong::Before) => {
                // A week's slack: a release written days before it is published keeps
                // its present ("the waiver begins 30 August").
                let recent = last >= add_days(reference, -SCHEDULED_DAYS);
                let gone = last < add_days(reference, -7);
                (recent && gone && timetable(cx, d, reference)).then_some((d, s))
            }
            _ => None,
        }
    })
}

/// A day and month without a year, read in the reference date's year, as news writes
/// them, when that is also the reading nearest the reference date and lies within
/// four months of it (a date beyond that, or across New Year, may mean another year).
fn this_year(d: &DateMention, reference: Date) -> Option<Date> {
    if !d.is_year_less() || d.ambiguous || d.is_invalid() {
        return None;
    }
    let day = Date::new(reference.year(), d.month?, d.day?).ok()?;
    let near = d.date_near(reference)?;
    let days = day.since(reference).ok()?.get_days().abs();
    (near == day && days <= 120).then_some(day)
}

/// Whether the present of the sentence of `d` is a timetable: not a habit ("opens each
/// year on", "usually closes on"), not reported ("expires on 1 March, the company
/// said"), where the present may be the speaker's, and not a period still running at
/// `reference` ("begins 30 August and ends 16 September").
fn timetable(cx: &CheckContext<'_>, d: &DateMention, reference: Date) -> bool {
    let Some(sentence) = cx.doc.prose.sentence_at(d.span.start) else {
        return false;
    };
    let dates = cx.mentions.dates();
    let first = dates.partition_point(|m| m.span.start < sentence.start);
    let running = dates[first..]
        .iter()
        .take_while(|m| m.span.start < sentence.end)
        .any(|m| {
            m.bounds()
                .or_else(|| m.date_near(reference).map(|n| (n, n)))
                .is_some_and(|(_, end)| end >= reference)
        });
    if running {
        return false;
    }
    let text = sentence.text(cx.text).to_ascii_lowercase();
    let habit = text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "each"
                | "every"
                | "annually"
                | "usually"
                | "normally"
                | "typically"
                | "traditionally"
                | "always"
                | "often"
                | "generally"
                | "regularly"
        )
    });
    let cues = &cx.mentions.temporal.cues;
    let first = cues.partition_point(|c| c.span.start < sentence.start);
    let reported = cues[first..]
        .iter()
        .take_while(|c| c.span.start < sentence.end)
        .any(|c| c.kind == CueKind::Speech);
    !habit && !reported
}

/// Whether the sentence of `d` keeps it from being read as told (see [`tensed`]).
fn hedged(cx: &CheckContext<'_>, d: &DateMention, wrong: Wrong) -> bool {
    let Some(sentence) = cx.doc.prose.sentence_at(d.span.start) else {
        return true;
    };
    if matches!(wrong, Wrong::Before) {
        // "the projected number of students who will receive funds in 2022": a
        // projection keeps its tense after the day has passed.
        let text = sentence.text(cx.text).to_ascii_lowercase();
        let projection = [
            "projected",
            "projection",
            "forecast",
            "estimated",
            "anticipated",
        ];
        if projection.iter().any(|w| text.contains(w)) {
            return true;
        }
    }
    let cues = &cx.mentions.temporal.cues;
    let first = cues.partition_point(|c| c.span.start < sentence.start);
    cues[first..]
        .iter()
        .take_while(|c| c.span.start < sentence.end)
        .any(|c| {
            let word = c.span.text(cx.text).to_ascii_lowercase();
            match c.kind {
                CueKind::PlannedPast => true,
                CueKind::Conditional => matches!(word.as_str(), "if" | "unless" | "whether"),
                CueKind::Speech => match wrong {
                    // A forecast or a promise may name a past event on a later day.
                    Wrong::After => {
                        !matches!(
                            word.as_str(),
                            "said"
                                | "says"
                                | "told"
                                | "tells"
                                | "announced"
                                | "stated"
                                | "claimed"
                                | "reportedly"
                        ) && !word.starts_with("according")
                    }
                    // "The council said the terminal will open in 2017": an old plan.
                    Wrong::Before => {
                        c.span.end <= d.span.start
                            && (matches!(
                                word.as_str(),
                                "said"
                                    | "told"
                                    | "announced"
                                    | "stated"
                                    | "claimed"
                                    | "predicted"
                                    | "promised"
                                    | "warned"
                            ) || word.starts_with("according"))
                    }
                },
                _ => false,
            }
        })
}
