//! The patterns of the prebuilt regexes: the recognizers' and the kinds' fixed regexes.
//!
//! `build.rs` includes this file (and [`crate::lexicon`]) to build each regex's search
//! automata ahead of time, and the code reads the same functions to find groups, so the
//! two cannot drift apart. It imports nothing from the crate but the lexicon.

use crate::lexicon::{DENOMINATORS, MONTHS, TENS, UNITS, WEEKDAYS};

/// Every prebuilt regex: the name of its automata files and its patterns (a match
/// reports which pattern matched, tried in order).
pub fn all() -> Vec<(&'static str, Vec<String>)> {
    let one = |p: &str| vec![p.to_string()];
    vec![
        ("temporal", temporal()),
        ("temporal-cue-gap", one(CUE_GAP_RE_PATTERN)),
        ("temporal-beside-gap", one(BESIDE_GAP_RE_PATTERN)),
        ("date", date()),
        ("number", number()),
        ("multiplier", one(MULTIPLIER_RE_PATTERN)),
        ("unattributed-statistic-claim", one(CLAIM_PATTERN)),
        (
            "unattributed-statistic-attribution",
            one(ATTRIBUTION_PATTERN),
        ),
        ("anachronism-lead-gap", one(LEAD_GAP_PATTERN)),
        ("anachronism-verb-gap", one(VERB_GAP_PATTERN)),
        ("fact-contradiction-claim-gap", one(CLAIM_GAP_PATTERN)),
        ("fact-contradiction-text-claims", one(TEXT_CLAIMS_PATTERN)),
        (
            "fact-contradiction-parameter-before",
            one(PARAMETER_BEFORE_PATTERN),
        ),
        ("fact-contradiction-has-gap", one(HAS_GAP_PATTERN)),
    ]
}

/// `pattern` with ASCII case folding: "(?i:may)" matches "May" and "MAY", not the
/// Kelvin sign or the long s (which Unicode folding adds, doubling the automata), while
/// `\s` stays Unicode (a no-break space separates words as a space does).
pub fn ascii_case(pattern: &str) -> String {
    pattern.replace(r"\s", r"(?u:\s)").replace("(?i:", "(?i-u:")
}

// ---------------------------------------------------------------------------------
// Temporal expressions (`extract::temporal`).

const NUMBER: &str = r"[0-9]{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty-five|thirty|forty|fifty|a|an)";
const YEAR: &str = r"1[5-9][0-9][0-9]|20[0-9][0-9]";
const FULL_MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAY_NAMES: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// The temporal expressions, one pattern per kind (ages before durations; the cues last,
/// in the order of `extract::temporal::CUES`).
pub fn temporal() -> Vec<String> {
    let b = r"(?-u:\b)";
    let alternatives = [
        // Ages come before durations: "45-year-old" is an age, not a duration.
        r",\s+(?P<age>[0-9]{1,3}),".to_string(),
        format!(r"{b}(?i:aged)\s+(?P<age2>[0-9]{{1,3}}){b}"),
        format!(r"{b}(?P<age3>[0-9]{{1,3}})-year-old{b}"),
        format!(
            r"{b}(?P<day>(?i:(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|last\s+night|earlier\s+today|this\s+(?:morning|afternoon|evening))){b}"
        ),
        format!(
            r"{b}(?P<early>(?i:earlier|later))\s+(?i:this)\s+(?P<early_unit>(?i:week|month|year)){b}"
        ),
        format!(r"{b}(?P<dir>(?i:last|next|this|past|coming))\s+(?P<unit>(?i:week|month|year)){b}"),
        format!(
            r"{b}(?P<sdir>(?i:last|next|this))\s+(?P<sseason>(?i:spring|summer|autumn|fall|winter)){b}"
        ),
        format!(
            r"{b}(?P<ago_n>{NUMBER})\s+(?P<ago_unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago){b}"
        ),
        format!(
            r"{b}(?:(?:(?i:on)|(?P<wdir>(?i:last|this|next|coming)))\s+)?(?P<wd>{WEEKDAY_NAMES}){b}"
        ),
        format!(r"{b}(?:(?i:the)\s+)?(?P<dec>(?:1[5-9]|20)[0-9]0)s{b}"),
        format!(r"{b}(?P<q>Q[1-4])\s+(?P<qy>{YEAR}){b}"),
        format!(
            r"{b}(?i:the)\s+(?P<qord>(?i:first|second|third|fourth))\s+(?i:quarter)(?:\s+(?i:of)\s+(?P<qy2>{YEAR}))?{b}"
        ),
        format!(
            r"{b}(?P<season>(?i:spring|summer|autumn|winter))\s+(?:(?i:of)\s+)?(?P<sy>{YEAR}){b}"
        ),
        format!(r"{b}(?P<hy1>{YEAR})[-–](?P<hy2>[0-9]{{4}}|[0-9]{{2}}){b}"),
        format!(
            r"{b}(?i:from|between)\s+(?P<mf>{FULL_MONTHS})\s+(?i:to|and|until|through)\s+(?P<mt>{FULL_MONTHS}),?\s+(?P<my>{YEAR}){b}"
        ),
        format!(r"{b}(?P<dl>(?i:decade|century))-long{b}"),
        format!(
            r"{b}(?i:for)\s+(?:(?i:the\s+(?:past|last|next|first))\s+)?(?P<fn>{NUMBER})\s+(?P<fu>(?i:years|decades)){b}"
        ),
        format!(r"{b}(?P<hn>{NUMBER})-(?P<hu>(?i:year|decade))(?:-long)?{b}"),
        format!(
            r"{b}(?P<anchor>(?i:as\s+of|as\s+at|at\s+the\s+end\s+of|by\s+the\s+end\s+of|currently|to\s+date|so\s+far|now)){b}"
        ),
        format!(
            r"{b}(?P<planned>(?i:(?:was|were)\s+(?:originally\s+)?(?:scheduled|expected|set|due|planned|slated|supposed|meant|intended))){b}"
        ),
        format!(
            r"{b}(?P<report>(?i:(?:was|were|had\s+been)\s+(?:reported|recorded|measured|registered|counted|published|released))){b}"
        ),
        format!(
            r"{b}(?P<past>(?i:(?:was|were|had\s+been)\s+(?:held|staged|played|hosted|signed|launched|opened|inaugurated|unveiled|killed|founded)|took\s+place|happened|occurred|died|began|ended)){b}"
        ),
        format!(
            r"{b}(?P<future>(?i:will\s+(?:not\s+)?(?:be\s+)?[a-z]+(?:\s+place)?|(?:is|are)\s+(?:scheduled|expected|set|due|planned|slated)\s+(?:to\s+(?:be\s+)?[a-z]+(?:\s+place)?|for)|(?:is|are)\s+to\s+be\s+[a-z]+|(?:is|are)\s+going\s+to\s+(?:be\s+)?[a-z]+)){b}"
        ),
        format!(r"{b}(?P<born>(?i:born))(?:\s+(?i:in|on))?{b}"),
        format!(r"{b}(?P<cond>(?i:if|unless|would|could|might|should|whether)){b}"),
        format!(
            r"{b}(?P<speech>(?i:said|says|told|tells|announced|stated|claimed|according\s+to|predicted|promised|warned|reportedly|expects|plans|hopes)){b}"
        ),
    ];
    alternatives.iter().map(|p| ascii_case(p)).collect()
}

/// Text allowed between a cue and the date it governs: "was held on", "took place in
/// early", "died on". Anything else (a clause, another noun) breaks the link.
pub const CUE_GAP_RE_PATTERN: &str =
    r"^\s+(?:(?:on|in|at|during)\s+)?(?:(?:early|late|mid-?)\s*)?$";

/// Text allowed between a relative expression and the date or weekday beside it:
/// "last month, on 3 December", "yesterday (Monday)", "today, 4 May", "tomorrow — on
/// 24 October" (a dash sets the date off as a comma does).
pub const BESIDE_GAP_RE_PATTERN: &str = r"^\s*(?:[,(—–]|--)\s*(?:(?:on|in)\s+)?(?:the\s+)?$";

// ---------------------------------------------------------------------------------
// Dates (`extract::date`).

/// An alternation of names in Title case and capitals, each with its own ending: full
/// names end at a word boundary; abbreviations end with a period or (when
/// `abbreviation_dot_optional`) at a word boundary.
fn alternation(
    names: impl Iterator<Item = &'static str>,
    abbreviation_dot_optional: bool,
) -> String {
    let mut alts: Vec<String> = Vec::new();
    for n in names {
        // Full names end at a word boundary; "Thurs" and "Sept" are abbreviations.
        let full = n.ends_with("day")
            || n.len() > 5
            || matches!(n, "March" | "April" | "June" | "July" | "May");
        let ending = if full {
            r"(?-u:\b)"
        } else if abbreviation_dot_optional {
            r"(?:\.|(?-u:\b))"
        } else {
            r"\."
        };
        alts.push(format!("{n}{ending}"));
        alts.push(format!("{}{ending}", n.to_ascii_uppercase()));
    }
    alts.join("|")
}

/// The date forms, one pattern each: a day and month, a month and day, a month and year,
/// ISO, numeric (each with an optional weekday before or after), a day and month in
/// numbers beside a weekday, and a bare year. Where several forms can begin at one
/// position, the earlier pattern wins ("Fri 4/23/2026" is a numeric date with its year).
pub fn date() -> Vec<String> {
    let month = format!("(?:{})", alternation(MONTHS.iter().map(|(n, _)| *n), true));
    // Weekday abbreviations are written with or without a full stop ("Thurs. Nov. 24",
    // "Sat, 3 June 2022", "6 October (Wed)"); a weekday is read only beside a date.
    let weekday = format!(
        "(?:{})",
        alternation(WEEKDAYS.iter().map(|(n, _)| *n), true)
    );
    let full_weekday = format!(
        "(?:{})",
        alternation(
            WEEKDAYS
                .iter()
                .map(|(n, _)| *n)
                .filter(|n| n.ends_with("day")),
            false
        )
    );
    let ord = r"(?:st|nd|rd|th)?";
    let day_month = format!(
        r"(?P<d1>[0-9]{{1,2}}){ord}(?:\s+of)?\s+(?P<m1>{month})(?:,?\s+(?P<y1>[0-9]{{4}})\b)?"
    );
    let month_day =
        format!(r"(?P<m2>{month})\s+(?P<d2>[0-9]{{1,2}}){ord}\b(?:,?\s+(?P<y2>[0-9]{{4}})\b)?");
    let month_year = format!(r"(?P<m3>{month}),?\s+(?P<y3>[0-9]{{4}})\b");
    let iso = r"(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})\b".to_string();
    let numeric = r"(?P<na>[0-9]{1,2})/(?P<nb>[0-9]{1,2})/(?P<ny>[0-9]{4})\b".to_string();
    let year = r"(?P<yr>1[5-9][0-9][0-9]|20[0-9][0-9])\b";
    let ascii_boundaries = |p: String| {
        p.replace(r"\b", r"(?-u:\b)")
            .replace(r"(?-u:(?-u:\b))", r"(?-u:\b)")
    };
    // Two-letter weekday abbreviations ("Mo, 7 October 2014", "Sa. 4 May") are words
    // and names elsewhere ("We", "Su"): read only in Title case, right before a date.
    let two_letter = r"(?P<wd1s>(?:Mo|Tu|We|Th|Fr|Sa|Su)\.?)(?:,?\s+)";
    // A part of the day may follow the weekday: "on Tuesday night (3 May)".
    let part = r"(?P<part>\s+(?:night|morning|afternoon|evening))?";
    let before = format!(r"(?:(?P<wd1>{weekday}){part}(?:,?\s+(?:the\s+)?|\s*\(\s*)|{two_letter})");
    let mut out: Vec<String> = [day_month, month_day, month_year, iso, numeric]
        .into_iter()
        .map(|form| {
            ascii_boundaries(format!(
                r"\b{before}?(?:{form})(?:\s*\((?P<wd2>{weekday})\)|,\s+an?\s+(?P<wd3>{full_weekday})|(?P<close>\)))?"
            ))
        })
        .collect();
    // A day and month in numbers without a year ("Monday, 31/10", "4/23 (Fri)") only
    // beside a weekday: alone, "3/4" is a fraction, a score or a ratio.
    let day_and_month = r"(?P<na>[0-9]{1,2})/(?P<nb>[0-9]{1,2})\b";
    out.push(ascii_boundaries(format!(
        r"\b{before}{day_and_month}(?P<close>\))?"
    )));
    out.push(ascii_boundaries(format!(
        r"\b{day_and_month}\s*\((?P<wd2>{weekday})\)"
    )));
    out.push(ascii_boundaries(format!(r"\b{year}")));
    out
}

// ---------------------------------------------------------------------------------
// Quantities (`extract::number`).

/// Where a quantity may start: digits, or a number word (with "a"/"an" before it).
pub fn number() -> Vec<String> {
    let words = UNITS
        .iter()
        .chain(TENS)
        .map(|(w, _)| *w)
        .chain(["hundred", "thousand", "dozen", "half", "million", "billion"])
        .chain(DENOMINATORS.iter().map(|(w, _)| *w))
        .collect::<Vec<_>>()
        .join("|");
    // Pattern 0: digits; pattern 1: words.
    let words = format!(r"(?i:(?-u:\b)(?:an?\s+)?(?:{words})(?-u:\b))");
    vec![
        r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?".to_string(),
        ascii_case(&words),
    ]
}

// ---------------------------------------------------------------------------------
// The kinds' fixed regexes.

pub const MULTIPLIER_RE_PATTERN: &str = r"(?i)(?-u:\b)(?:(?P<approx>more than|nearly|almost|over|roughly|about|close to|just over|just under)\s+)?(?P<word>doubled|doubling|doubles|double|twice|tripled|trebled|tripling|trebling|triples|trebles|triple|treble|quadrupled|quadrupling|quadruples|halved|halving|halves|cut\s+in\s+half|(?P<fold>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|[0-9]+)-?fold|(?P<times>two|three|four|five|six|seven|eight|nine|ten|twenty|[0-9]+(?:\.[0-9]+)?)\s+times)(?-u:\b)";

/// Rankings ("ranked third"): a claim that comes from some list or index.
pub const CLAIM_PATTERN: &str = r"(?i)(?-u:\b)ranked\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[0-9]+(?:st|nd|rd|th))(?-u:\b)";

/// Words that attribute a claim to someone or something.
pub const ATTRIBUTION_PATTERN: &str = r"(?i)(?-u:\b)(?:according\s+to|said|says|say|saying|told|tells|reported|reports|reporting|estimated|estimates|estimate|announced|announcement|stated|statement|confirmed|cited|quoted|claimed|claims|indicated|showed|shows|found|published|released|report|survey|surveys|study|studies|poll|polls|census|data|figures|statistics|research|researchers|analysis|analysts|officials|sources|per\s+cent\s+of\s+respondents|spokes(?:man|woman|person)|wrote|writes|noted|predicted|forecast|projected|expects?|believed?|polling|polled|votes?|ballots?|results|counted|reportedly|average|sentenced|ruled|ruling|approved|voted|adopted|passed)(?-u:\b)";

/// Between "In 2015" and the name: ", " and at most "the" and two capitalised words
/// ("In 2019, U.S. President ...").
pub const LEAD_GAP_PATTERN: &str = r"^,\s+(?:the\s+)?(?:(?:[A-Z][A-Za-z.]*|U\.S\.)\s+){0,2}$";

/// Between the name and "in 2015": a verb of the events a date pins down. "founded",
/// "launched" and the like are left to `fact-contradiction`, which knows those dates.
pub const VERB_GAP_PATTERN: &str = r"^\s+(?:was\s+|were\s+)?(?:said|told|announced|wrote|visited|signed|met|declared|promised|stated|tweeted|spoke|vowed|pledged|reached|became|added|reported)\s+(?:in|on)\s+$";

/// Between the name and the date: the verb of a dated fact and "in"/"on".
pub const CLAIM_GAP_PATTERN: &str = concat!(
    r"^(?:,\s+|\s+\(|\s+)",
    // An appositive before the verb: "Amazon, the Seattle-based retailer founded in".
    // (ASCII word classes: Unicode ones multiply the automaton's size many times over.)
    r"(?:(?:a|an|the)\s+(?P<np>(?:[A-Za-z0-9.&'’-]+\s+){1,5}?))?",
    r"(?:(?:which|that|who)\s+)?(?:(?:was|were|is|had\s+been)\s+)?",
    r"(?:first\s+|originally\s+|officially\s+)?",
    r"(?P<verb>founded|established|created|launched|released|introduced|unveiled|announced|born|died|signed|adopted|elected)",
    // "founded by Elon Musk and JB Straubel in".
    r"(?:\s+by(?:\s+[A-Z][A-Za-z0-9.'’-]*){1,4}(?:\s+and(?:\s+[A-Z][A-Za-z0-9.'’-]*){1,4})?)?",
    r"\s+(?:(?:in|on)\s+)?$",
);

/// Generic claim phrasings read right after an entity's name, one named group per
/// attribute; the value follows. Knowledge files add their own (`claims:`).
pub const TEXT_CLAIMS_PATTERN: &str = concat!(
    r"^(?:(?P<headquarters>,?\s+(?:(?:which|that)\s+is\s+|is\s+)?headquartered\s+in\s+)",
    r"|(?P<founder>,?\s+(?:(?:which|that)\s+)?(?:was\s+)?(?:co-?)?founded\s+by\s+)",
    r"|(?P<developer>,?\s+(?:which\s+|that\s+)?(?:was\s+)?developed\s+by\s+)",
    r"|(?P<chief_executive>(?:'s|’s)\s+(?:chief\s+executive(?:\s+officer)?|CEO),?\s+)",
    r"|(?P<capital>(?:'s|’s)\s+capital,?\s+))",
);

/// "the 175-billion-parameter GPT-3", "a 65bn-parameter LLaMA": the text just before a name.
pub const PARAMETER_BEFORE_PATTERN: &str = r"(?P<n>[0-9][[0-9],]*(?:\.[0-9]+)?)(?:[- ]?(?P<scale>million|billion|trillion|bn|m|tn|[MBT]))?[- ]parameters?\s+$";

/// Between a name and a count of its own: "OpenAI, which has 1,500 employees".
pub const HAS_GAP_PATTERN: &str =
    r"^(?:,\s+(?:which|that|who)\s+|\s+)(?:has|had|employs|employed)\s+$";
