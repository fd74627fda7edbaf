//! `fact-contradiction`: a dated claim about a known entity that disagrees with the
//! knowledge base ("OpenAI, founded in 2012", when it was founded in December 2015).
//!
//! Why: founding, launch and birth dates are copied from article to article, and a
//! wrong one spreads; the knowledge base holds each with its source.
//! Limits: only a date bound to the name by a short pattern: "NAME, founded in 2012",
//! "NAME was launched on 3 May 2020", "NAME, which was released in 2019", through an
//! appositive that names the entity itself ("NAME, the Seattle-based retailer founded
//! in 1996", not "NAME, a partner of the firm founded in ..."), with its founders
//! ("NAME, founded by A and B in 2009"), or opening the sentence ("Founded in 1996,
//! NAME ..."). A claim with
//! anything in between ("launched in the US in 2018", "launched on Android in 2012") is
//! left alone, since products launch more than once. Full dates are allowed a day either
//! way (a launch late on 30 November in California is 1 December in Asia).
//!
//! Typed attributes are compared through short claim patterns bound to the name:
//! "the 175-billion-parameter GPT-3", "OpenAI, which has 1,500 employees" (a number
//! whose noun is the attribute's unit, within its tolerance), "headquartered in CITY",
//! "founded by NAME", "developed by NAME", "X's chief executive, NAME", "X's capital,
//! CITY". A value that changes over time (`from`/`to`) is compared with the value that
//! held on the reference date, and not at all without one; a number `as_of` a date is
//! compared only within a year of it. Text values agree when one starts with the other
//! ("San Francisco, California") or, for people, when the surnames agree.

use std::sync::LazyLock;

use crate::prebuilt::{embedded, Prebuilt};
use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use std::borrow::Cow;

use super::people::identified;
use crate::kb::atlas_index::type_code;
use crate::extract::DateMention;
use crate::kb::{Attribute, EntityRef, Entity, Fact, Value};
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct FactContradiction;

impl FactContradiction {
    pub fn new(_: Params) -> Self {
        FactContradiction
    }
}

impl Build for FactContradiction {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(FactContradiction::new(params))
    }
}

pub(crate) static CLAIM_GAP: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::CLAIM_GAP_PATTERN,
        embedded!("fact-contradiction-claim-gap"),
    )
});

pub(crate) static TEXT_CLAIMS: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::TEXT_CLAIMS_PATTERN,
        embedded!("fact-contradiction-text-claims"),
    )
});

/// The attribute each group of [`TEXT_CLAIMS`] binds.
const TEXT_CLAIM_GROUPS: &[(&str, &str)] = &[
    ("headquarters", "headquarters"),
    ("founder", "founder"),
    ("developer", "developer"),
    ("chief_executive", "chief-executive"),
    ("capital", "capital"),
];

/// The byte length of a capitalised name of up to four words at the start of `s`
/// ("San Francisco", "Sam Altman", "Jean-Luc Picard", "Ludwig van Beethoven").
fn name_len(s: &str) -> Option<usize> {
    fn word(t: &str) -> usize {
        let mut chars = t.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_uppercase() => {}
            _ => return 0,
        }
        chars
            .find(|(_, c)| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '.' | '-')))
            .map_or(t.len(), |(i, _)| i)
    }
    let first = word(s);
    if first == 0 {
        return None;
    }
    let mut end = first;
    for _ in 0..3 {
        let rest = &s[end..];
        let t = rest.trim_start();
        let gap = rest.len() - t.len();
        if gap == 0 {
            break;
        }
        let len = match word(t) {
            0 => ["de ", "van ", "von ", "bin "]
                .iter()
                .find(|p| t.starts_with(**p))
                .map_or(0, |p| p.len() - 1),
            n => n,
        };
        if len == 0 {
            break;
        }
        end += gap + len;
    }
    // A particle does not end a name.
    for p in [" de", " van", " von", " bin"] {
        if s[..end].ends_with(p) {
            end -= p.len();
        }
    }
    Some(end)
}

pub(crate) static PARAMETER_BEFORE: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::PARAMETER_BEFORE_PATTERN,
        embedded!("fact-contradiction-parameter-before"),
    )
});

pub(crate) static HAS_GAP: LazyLock<Prebuilt> = LazyLock::new(|| {
    Prebuilt::one(
        crate::patterns::HAS_GAP_PATTERN,
        embedded!("fact-contradiction-has-gap"),
    )
});

/// The knowledge-base facts a verb in the text speaks of.
/// A word that makes an appositive speak of something other than the entity it
/// follows: a preposition, a possessive, a conjunction, a verb, a relation
/// ("Microsoft, a partner of OpenAI founded in 2015").
fn other_thing(word: &str) -> bool {
    const OTHER: &[&str] = &[
        "of", "for", "with", "from", "to", "in", "on", "at", "by", "about", "behind", "over",
        "under", "after", "before", "like", "including", "whose", "its", "their", "his",
        "her", "our", "and", "or", "but", "which", "that", "who", "was", "were", "is", "are",
        "has", "had", "have", "parent", "subsidiary", "unit", "division", "owner", "rival",
        "competitor", "partner", "successor", "predecessor", "spin-off", "spinoff", "affiliate",
        "sister", "than", "as",
    ];
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    OTHER.iter().any(|o| w.eq_ignore_ascii_case(o))
}

fn facts_for(verb: &str) -> &'static [&'static str] {
    match verb {
        "founded" | "established" | "created" => &["founded"],
        "launched" | "released" | "introduced" => &["launched", "released", "introduced"],
        "unveiled" | "announced" => &["announced"],
        "born" => &["born"],
        "died" => &["died"],
        "signed" => &["signed"],
        "adopted" => &["adopted"],
        "elected" => &["elected"],
        _ => &[],
    }
}

impl Kind for FactContradiction {
    fn args(&self) -> Vec<String> {
        ["entity", "claimed", "known", "source"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let subjects = subjects(cx);
        self.check_dates(cx, &subjects, out);
        for (span, entity) in &subjects {
            if entity.attributes.is_empty() {
                continue;
            }
            check_text_claims(cx, entity, *span, out);
            check_capital_before(cx, entity, *span, out);
            check_number_claims(cx, entity, *span, out);
        }
    }
}

/// Where an entity is named (the span the date claims are read after).
struct Named {
    span: Span,
}

/// The entities the text names, each once, by position: hand-written knowledge first;
/// then imported people the text identifies (a title they held, or their chamber and
/// state, since many people share a legislator's name) and imported countries whose
/// name is no region's too ("Georgia" is left alone).
fn subjects<'a>(cx: &'a CheckContext<'_>) -> Vec<(Span, Cow<'a, Entity>)> {
    let mut out: Vec<(Span, Cow<'a, Entity>)> = cx
        .mentions
        .entities
        .iter()
        .filter_map(|m| cx.kb.entity(m.entity).map(|e| (m.span, Cow::Borrowed(e))))
        .collect();
    let taken = |out: &[(Span, Cow<'a, Entity>)], span: Span| out.iter().any(|(s, _)| s.overlaps(span));
    // An imported record is read only where a claim can follow the name (or, for a
    // capital, precede it): most mentions make none.
    let claim_near = |span: Span| {
        let after = cx.text.get(span.end..).unwrap_or("");
        let before = cx.text.get(..span.start).unwrap_or("");
        [",", " (", "'s", "\u{2019}s", " was ", " is ", " has ", " had ", " which ", " who "]
            .iter()
            .any(|t| after.starts_with(t))
            || before.ends_with("capital of ")
            || before.ends_with("capital city of ")
            || before.ends_with(", ") && {
                // "Founded in 1994, Amazon": a participle just before.
                let from = (before.len().saturating_sub(40)..before.len())
                    .find(|&i| before.is_char_boundary(i))
                    .unwrap_or(before.len());
                let near = &before[from..];
                ["ounded ", "stablished ", "reated ", "aunched ", "eleased ", "ntroduced "]
                    .iter()
                    .any(|v| near.contains(v))
            }
    };
    // Whether each imported person is identified, asked once per person.
    let mut known_people: Vec<(EntityRef, bool)> = Vec::new();
    for p in &cx.mentions.people {
        if !matches!(p.who, EntityRef::Imported(_)) || taken(&out, p.span) || !claim_near(p.span) {
            continue;
        }
        let ok = match known_people.iter().find(|(w, _)| *w == p.who) {
            Some(&(_, ok)) => ok,
            None => {
                let ok = identified(cx, p.who);
                known_people.push((p.who, ok));
                ok
            }
        };
        if !ok {
            continue;
        }
        if let Some(e) = cx.kb.resolve(p.who) {
            out.push((p.span, e));
        }
    }
    let (country, region, company) = (
        type_code("country"),
        type_code("region"),
        type_code("company"),
    );
    for m in &cx.mentions.known {
        if taken(&out, m.span) || !claim_near(m.span) {
            continue;
        }
        let rows: Vec<_> = m.rows.clone().filter_map(|r| cx.kb.atlas.entry(r)).collect();
        let one_of = |ty: u8| {
            let mut of = rows.iter().filter(move |e| e.ty == ty);
            match (of.next(), of.next()) {
                (Some(e), None) => Some(*e),
                _ => None,
            }
        };
        // A company: the claims read (founded, headquartered) are about companies, so
        // one company of the name is enough ("Amazon, founded in 1994" is not the
        // river). A country: one of the name, and no region of it ("Georgia").
        let chosen = one_of(company).or_else(|| {
            one_of(country).filter(|_| !rows.iter().any(|e| e.ty == region))
        });
        let Some(only) = chosen else {
            continue;
        };
        if let Some(r) = cx.kb.atlas.record(only.entity) {
            // "the Amazon" is the river: a company whose name is a common word is
            // written without an article.
            let before = &cx.text.as_bytes()[m.span.start.saturating_sub(4)..m.span.start];
            if r.common_word && before.eq_ignore_ascii_case(b"the ") {
                continue;
            }
            out.push((m.span, Cow::Owned(r.to_entity())));
        }
    }
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// The attributes `name` of `entity` that hold on the reference date; none when the
/// attribute changes over time and the date is unknown.
fn current<'e>(cx: &CheckContext<'_>, entity: &'e Entity, name: &str) -> Vec<&'e Attribute> {
    let all: Vec<&Attribute> = entity
        .attributes
        .iter()
        .filter(|a| a.name == name)
        .collect();
    let dated = all.iter().any(|a| a.from.is_some() || a.to.is_some());
    match (dated, cx.reference.date) {
        (false, _) => all,
        (true, Some(day)) => all.into_iter().filter(|a| a.holds_on(day)).collect(),
        (true, None) => Vec::new(),
    }
}

/// The finding for a text value at `claimed` that disagrees with the `known` values of
/// attribute `attr` of the entity named at `name`.
fn text_contradiction(
    cx: &CheckContext<'_>,
    name: Span,
    claimed: Span,
    attr: &str,
    known: &[&Attribute],
    values: &[String],
) -> Finding {
    let source = known
        .first()
        .map(|a| a.source.to_string())
        .unwrap_or_default();
    Finding::at(claimed)
        .arg("entity", name.text(cx.text))
        .arg("claimed", claimed.text(cx.text))
        .arg("known", known_phrase(attr, values))
        .arg("source", source)
        .label(name, "the entity")
}

/// The text values among `attributes`.
fn text_values(attributes: &[&Attribute]) -> Vec<String> {
    attributes
        .iter()
        .filter_map(|a| match &a.value {
            Value::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

/// Whether `entity` has an attribute called `name` whose value is of the kind `is`.
fn has_attribute(entity: &Entity, name: &str, is: impl Fn(&Value) -> bool) -> bool {
    entity
        .attributes
        .iter()
        .any(|a| a.name == name && is(&a.value))
}

/// Lower case, with dots and the possessive dropped.
fn fold(s: &str) -> String {
    s.trim_end_matches("'s")
        .trim_end_matches("’s")
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

fn text_agrees(attr: &str, claimed: &str, known: &str) -> bool {
    let (c, k) = (fold(claimed), fold(known));
    if c.is_empty() || k.contains(&c) || c.contains(&k) {
        return true;
    }
    let people = matches!(attr, "founder" | "chief-executive");
    people && c.split_whitespace().next_back() == k.split_whitespace().next_back()
}

/// How the message states a known text value.
fn known_phrase(attr: &str, values: &[String]) -> String {
    let list = values.join(" and ");
    match attr {
        "headquarters" => format!("is headquartered in {list}"),
        "founder" => format!("was founded by {list}"),
        "developer" => format!("was developed by {list}"),
        "chief-executive" => format!("was led by chief executive {list} on that date"),
        "capital" => format!("has {list} as its capital"),
        other => format!("has {other} {list}"),
    }
}

fn check_text_claims(cx: &CheckContext<'_>, entity: &Entity, name: Span, out: &mut Vec<Finding>) {
    let Some(after) = cx.text.get(name.end..) else {
        return;
    };
    let mut heads: Vec<(&str, usize)> = Vec::new();
    if let Some(caps) = TEXT_CLAIMS.captures(after) {
        for (group, attr) in TEXT_CLAIM_GROUPS {
            if let Some(m) = caps.name(group) {
                heads.push((attr, m.end()));
            }
        }
    }
    for (attr, re) in &cx.kb.claims {
        if !has_attribute(entity, attr, |v| matches!(v, Value::Text(_))) {
            continue;
        }
        if let Some(m) = re.find(after) {
            heads.push((attr, m.end()));
        }
    }
    for (attr, head_end) in heads {
        let known = current(cx, entity, attr);
        let values = text_values(&known);
        if values.is_empty() {
            continue;
        }
        let rest = &after[head_end..];
        // A known value written out as it is ("the renminbi") agrees, capitalised or not.
        if values.iter().any(|k| {
            rest.get(..k.len())
                .is_some_and(|t| t.eq_ignore_ascii_case(k))
        }) {
            continue;
        }
        let Some(len) = name_len(rest) else {
            continue;
        };
        let claimed = &rest[..len];
        if values.iter().any(|k| text_agrees(attr, claimed, k)) {
            continue;
        }
        let start = name.end + head_end;
        let span = Span::new(start, start + len);
        out.push(text_contradiction(cx, name, span, attr, &known, &values));
    }
}

/// The start of a capitalised name of up to three words ending at `end` ("Sydney",
/// "Buenos Aires", "Kuala Lumpur"), read backwards.
fn name_before(text: &str, end: usize) -> Option<usize> {
    let mut start = end;
    for _ in 0..3 {
        let head = text.get(..start)?;
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            .last()
            .map(|(i, _)| i)?;
        if !head[word_start..].starts_with(char::is_uppercase) {
            break;
        }
        start = word_start;
        if !text[..start].ends_with(' ') {
            break;
        }
        let prev = text[..start - 1].chars().next_back();
        if !prev.is_some_and(char::is_alphabetic) {
            break;
        }
        // Continue only over a capitalised word before.
        let prev_word_start = text[..start - 1]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        if !text[prev_word_start..].starts_with(char::is_uppercase)
            || text[..prev_word_start].trim_end().is_empty()
            || text[..prev_word_start].trim_end().ends_with(['.', '!', '?'])
        {
            break;
        }
        start -= 1;
    }
    (start < end).then_some(start)
}

/// "CITY, the capital of COUNTRY" (the capital written before the country, with
/// nothing between "the" and "capital": "the financial capital of" is another claim).
/// A city on record as a national capital of that country agrees too (a country with
/// several capitals may list one).
fn check_capital_before(cx: &CheckContext<'_>, entity: &Entity, name: Span, out: &mut Vec<Finding>) {
    let Some(before) = cx.text.get(..name.start) else {
        return;
    };
    let Some(head) = before
        .strip_suffix("the capital of ")
        .or_else(|| before.strip_suffix("the capital city of "))
        .or_else(|| before.strip_suffix("capital of "))
    else {
        return;
    };
    let Some(head) = head.strip_suffix(", ") else {
        return;
    };
    let known = current(cx, entity, "capital");
    let values = text_values(&known);
    if values.is_empty() {
        return;
    }
    let Some(start) = name_before(cx.text, head.len()) else {
        return;
    };
    let span = Span::new(start, head.len());
    let claimed = span.text(cx.text);
    if values.iter().any(|k| text_agrees("capital", claimed, k)) {
        return;
    }
    // Only a known city is compared ("It, the capital of" is not a claim), and a city
    // recorded as this country's capital agrees.
    let atlas = &cx.kb.atlas;
    let cities = atlas.entities_named(claimed, "city");
    if cities.is_empty() && cx.kb.lookup(claimed).is_none() {
        return;
    }
    let code = atlas
        .entities_named(&entity.name, "country")
        .first()
        .and_then(|&i| atlas.record(i))
        .and_then(|r| r.id.strip_prefix("iso3166:").map(str::to_string));
    if let Some(code) = code {
        let capital_here = cities.iter().filter_map(|&i| atlas.record(i)).any(|r| {
            r.facts
                .iter()
                .any(|f| f.fact == "capital_of" && f.value.as_deref() == Some(code.as_str()))
        });
        if capital_here {
            return;
        }
    }
    out.push(text_contradiction(cx, name, span, "capital", &known, &values));
}

/// A claimed count: its interval, its noun and its span.
struct Count<'k> {
    low: f64,
    high: f64,
    noun: String,
    /// The attribute a knowledge file's phrasing named; otherwise matched by unit.
    attribute: Option<&'k str>,
    span: Span,
}

fn scale(word: Option<&str>) -> f64 {
    match word {
        Some("million" | "m" | "M") => 1e6,
        Some("billion" | "bn" | "B") => 1e9,
        Some("trillion" | "tn" | "T") => 1e12,
        _ => 1.0,
    }
}

fn singular(noun: &str) -> &str {
    noun.strip_suffix('s').unwrap_or(noun)
}

fn check_number_claims(cx: &CheckContext<'_>, entity: &Entity, name: Span, out: &mut Vec<Finding>) {
    let mut claims = Vec::new();
    // "the 175-billion-parameter GPT-3"
    let before = crate::span::tail(cx.text, name.start, 60);
    if let Some(caps) = PARAMETER_BEFORE.captures(before) {
        if let Some(n) = caps.name("n") {
            let digits: String = n.as_str().chars().filter(|c| *c != ',').collect();
            if let Ok(v) = digits.parse::<f64>() {
                let v = v * scale(caps.name("scale").map(|s| s.as_str()));
                let offset = name.start - before.len();
                let text_end = caps.name("scale").map_or(n.end(), |m| m.end());
                claims.push(Count {
                    low: v,
                    high: v,
                    noun: "parameters".into(),
                    attribute: None,
                    span: Span::new(offset + n.start(), offset + text_end),
                });
            }
        }
    }
    // "OpenAI, which has 1,500 employees"
    let numbers = cx.mentions.numbers();
    let i = numbers.partition_point(|n| n.span.start < name.end);
    if let Some(n) = numbers.get(i) {
        let gap = cx.text.get(name.end..n.span.start).unwrap_or("");
        if HAS_GAP.is_match(gap) && n.is_cardinal() && n.currency.is_none() && !n.quoted {
            if let Some(noun) = &n.noun {
                let end = n.noun_span.map_or(n.span.end, |s| s.end.max(n.span.end));
                claims.push(Count {
                    low: n.low,
                    high: n.high,
                    noun: noun.clone(),
                    attribute: None,
                    span: Span::new(n.span.start, end),
                });
            }
        }
    }
    // A knowledge file's own phrasing: "Old Trafford, which has a capacity of 74,000".
    if let Some(after) = cx.text.get(name.end..) {
        for (attr, re) in &cx.kb.claims {
            if !has_attribute(entity, attr, |v| matches!(v, Value::Number { .. })) {
                continue;
            }
            let Some(m) = re.find(after) else { continue };
            let at = name.end + m.end();
            let j = numbers.partition_point(|n| n.span.start < at);
            let Some(n) = numbers.get(j).filter(|n| n.span.start == at) else {
                continue;
            };
            if n.quoted {
                continue;
            }
            let end = n.noun_span.map_or(n.span.end, |s| s.end.max(n.span.end));
            claims.push(Count {
                low: n.low,
                high: n.high,
                noun: n.noun.clone().unwrap_or_default(),
                attribute: Some(attr),
                span: Span::new(n.span.start, end),
            });
        }
    }
    for claim in claims {
        // A model released in several sizes lists each: any one agrees.
        let known: Vec<&Attribute> = entity
            .attributes
            .iter()
            .filter(|a| match (&a.value, claim.attribute) {
                (Value::Number { .. }, Some(name)) => a.name == name,
                (Value::Number { unit: Some(u), .. }, None) => singular(u) == singular(&claim.noun),
                _ => false,
            })
            .collect();
        let agrees = known.iter().any(|a| match &a.value {
            Value::Number {
                value, tolerance, ..
            } => {
                let slack = value.abs() * tolerance.max(1e-9);
                claim.high >= value - slack && claim.low <= value + slack
            }
            _ => true,
        });
        let Some(attr) = known.last() else {
            continue;
        };
        if agrees {
            continue;
        }
        // A count that changes (a headcount) is compared only near the date it holds.
        if let Some(as_of) = attr.as_of {
            let Some(day) = cx.reference.date else {
                continue;
            };
            let near = (day.year() - as_of.year).abs() <= 1;
            if !near {
                continue;
            }
        }
        let mut known_text = format!("has {}", attr.value);
        if let Some(as_of) = attr.as_of {
            known_text.push_str(&format!(" (as of {as_of})"));
        }
        let claimed = claim.span.text(cx.text).replace('-', " ");
        out.push(
            Finding::at(claim.span)
                .arg("entity", name.text(cx.text))
                .arg("claimed", claimed)
                .arg("known", known_text)
                .arg("source", &attr.source)
                .label(name, "the entity"),
        );
    }
}

impl FactContradiction {
    fn check_dates(
        &self,
        cx: &CheckContext<'_>,
        subjects: &[(Span, Cow<'_, Entity>)],
        out: &mut Vec<Finding>,
    ) {
        let dates = cx.mentions.dates();
        for (span, entity) in subjects {
            let m = Named { span: *span };
            // The first date after the name, if the words between make a claim, or a
            // participle that opens the sentence ("Founded in 1994, Amazon ...").
            let Some((date, verb)) = claim_after(cx, dates, m.span)
                .or_else(|| claim_fronted(cx, dates, m.span))
            else {
                continue;
            };
            let kinds = facts_for(verb);
            let known: Vec<&Fact> = entity
                .starts
                .iter()
                .chain(&entity.ends)
                .filter(|f| kinds.contains(&f.verb))
                .collect();
            let Some((first, last)) = date.bounds() else {
                continue;
            };
            // An imported founding year may be the incorporation, a year after the
            // founding most sources tell (Apple: 1976 and 1977): a year either way.
            let imported = entity.origin == crate::kb::atlas::ORIGIN;
            let agrees = |f: &&Fact| {
                let (mut from, mut to) = (f.date.first_day(), f.date.last_day());
                if f.date.day.is_some() && first == last {
                    from = from.yesterday().unwrap_or(from);
                    to = to.tomorrow().unwrap_or(to);
                }
                if imported && f.verb == "founded" {
                    from = from.saturating_sub(jiff::Span::new().years(1));
                    to = to.saturating_add(jiff::Span::new().years(1));
                }
                first <= to && last >= from
            };
            let Some(fact) = known.first() else {
                continue;
            };
            if known.iter().any(agrees) {
                continue;
            }
            let claimed = date.span.text(cx.text);
            let in_or_on = if date.full_date().is_some() {
                "on"
            } else {
                "in"
            };
            out.push(
                Finding::at(date.span)
                    .arg("entity", m.span.text(cx.text))
                    .arg("claimed", format!("{in_or_on} {claimed}"))
                    .arg("known", {
                        let phrase = fact.date.with_verb(fact.verb);
                        if fact.verb == "died" {
                            phrase
                        } else {
                            format!("was {phrase}")
                        }
                    })
                    .arg("source", &entity.source)
                    .label(m.span, "the entity"),
            );
        }
    }
}

/// The date right after a name and the verb of the claim the words between make
/// ("Amazon, the Seattle-based retailer founded in 1994").
fn claim_after<'d>(
    cx: &CheckContext<'_>,
    dates: &'d [DateMention],
    name: Span,
) -> Option<(&'d DateMention, &'static str)> {
    let date = dates.get(dates.partition_point(|d| d.span.start < name.end))?;
    let gap = cx.text.get(name.end..date.span.start)?;
    let caps = CLAIM_GAP.captures(gap)?;
    // The appositive names the entity itself ("the Seattle-based retailer"), not
    // something of it ("the company whose parent was", "the firm behind the app
    // launched in").
    if caps
        .name("np")
        .is_some_and(|np| np.as_str().split_whitespace().any(other_thing))
    {
        return None;
    }
    Some((date, claim_verb(caps.name("verb")?.as_str())?))
}

/// A participle opening the sentence of a name, with its date: "Founded in 1994,
/// Amazon ...", "Launched on 30 November 2022, ChatGPT ...". The name must follow the
/// comma directly.
fn claim_fronted<'d>(
    cx: &CheckContext<'_>,
    dates: &'d [DateMention],
    name: Span,
) -> Option<(&'d DateMention, &'static str)> {
    let sentence = cx.doc.prose.sentence_at(name.start)?;
    let date = dates[..dates.partition_point(|d| d.span.end <= name.start)].last()?;
    if date.span.start < sentence.start {
        return None;
    }
    let between = cx.text.get(date.span.end..name.start)?;
    if !matches!(between, ", " | ",\u{a0}") {
        return None;
    }
    let lead = cx.text.get(sentence.start..date.span.start)?;
    let words: Vec<&str> = lead.split_whitespace().collect();
    let verb = match words.as_slice() {
        [verb, "in" | "on"] | [verb] => *verb,
        ["First" | "Originally" | "Officially", verb, "in" | "on"] => *verb,
        _ => return None,
    };
    let verb = verb.to_lowercase();
    if !matches!(
        verb.as_str(),
        "founded" | "established" | "created" | "launched" | "released" | "introduced" | "born"
    ) {
        return None;
    }
    Some((date, claim_verb(&verb)?))
}

/// The verb of a claim as the static word [`facts_for`] reads.
fn claim_verb(verb: &str) -> Option<&'static str> {
    [
        "founded",
        "established",
        "created",
        "launched",
        "released",
        "introduced",
        "unveiled",
        "announced",
        "born",
        "died",
        "signed",
        "adopted",
        "elected",
    ]
    .into_iter()
    .find(|v| *v == verb)
}

pub(super) fn warm_up() {
    LazyLock::force(&CLAIM_GAP);
    LazyLock::force(&TEXT_CLAIMS);
    LazyLock::force(&PARAMETER_BEFORE);
    LazyLock::force(&HAS_GAP);
}

#[cfg(test)]
mod tests {

    #[test]
    fn names_are_read_to_their_last_capitalised_word() {
        fn read(s: &str) -> Option<&str> {
            name_len(s).map(|n| &s[..n])
        }
        assert_eq!(read("San Francisco, the city"), Some("San Francisco"));
        assert_eq!(read("Jean-Luc Picard said"), Some("Jean-Luc Picard"));
        assert_eq!(
            read("Ludwig van Beethoven wrote"),
            Some("Ludwig van Beethoven")
        );
        assert_eq!(read("Paris de la"), Some("Paris"));
        assert_eq!(read("Xi’an."), Some("Xi’an."));
        assert_eq!(read("A B C D E F"), Some("A B C D"));
        assert_eq!(read("the city"), None);
        assert_eq!(read(""), None);
    }

    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_typed_attributes_that_disagree() {
        let f = assert_finds(
            &FactContradiction,
            "The <<17-billion>>-parameter GPT-3 was shown.",
            None,
        );
        assert!(
            f.args
                .iter()
                .any(|(_, v)| v == "has 175 billion parameters"),
            "{f:?}"
        );
        assert_finds(
            &FactContradiction,
            "OpenAI, headquartered in <<Seattle>>, hired staff.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "The 175-billion-parameter GPT-3 was shown. OpenAI, headquartered in San Francisco, hired staff.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "OpenAI, which has 1,500 employees, is hiring.",
            None,
        );
    }

    #[test]
    fn flags_a_founding_year_that_disagrees() {
        let f = assert_finds(
            &FactContradiction,
            "OpenAI, founded in <<2012>>, makes ChatGPT.",
            None,
        );
        assert!(
            f.args
                .iter()
                .any(|(_, v)| v == "was founded in December 2015"),
            "{f:?}"
        );
        assert_finds(
            &FactContradiction,
            "ChatGPT was released on <<30 November 2021>>.",
            None,
        );
    }

    #[test]
    fn allows_agreeing_dates_and_loose_claims() {
        assert_clean(
            &FactContradiction,
            "OpenAI, founded in 2015, makes ChatGPT.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "ChatGPT was released on 1 December 2022.",
            None,
        );
        assert_clean(
            &FactContradiction,
            "Instagram was launched on Android in 2012.",
            None,
        );
        assert_clean(&FactContradiction, "Facebook was founded in 2004.", None);
    }

    #[test]
    fn reads_a_founding_claim_through_an_appositive_or_its_founders() {
        for text in [
            "OpenAI, the San Francisco-based laboratory founded in <<2012>>, hired staff.",
            "OpenAI, a research company that was founded in <<2012>>, hired staff.",
            "OpenAI, founded by Sam Altman and Elon Musk in <<2012>>, hired staff.",
            "OpenAI (founded <<2012>>) hired staff.",
            "Founded in <<2012>>, OpenAI hired staff.",
        ] {
            assert_finds(&FactContradiction, text, None);
        }
        for text in [
            "OpenAI, the San Francisco-based laboratory founded in 2015, hired staff.",
            "OpenAI, founded by Sam Altman and Elon Musk in 2015, hired staff.",
            // The appositive speaks of something else.
            "OpenAI, a partner of the firm founded in 2012, hired staff.",
            "OpenAI, the laboratory behind the app launched in 2012, hired staff.",
            "OpenAI, the company whose rival was founded in 2012, hired staff.",
            "Founded in 2015, OpenAI hired staff.",
            "Founded in 2012, the firm that backed OpenAI hired staff.",
        ] {
            assert_clean(&FactContradiction, text, None);
        }
    }
}
