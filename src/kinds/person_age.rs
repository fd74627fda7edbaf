//! `person-age`: the age given for a known person does not fit their recorded birth
//! date ("Steve Womack, 61," in 2026, when he was born in February 1957).
//!
//! Why: wrong ages are among the most frequent corrections newspapers print, and the
//! birth dates of public figures are on record.
//! Limits: the age must stand right by the name: "NAME, 61,", "NAME (R-Ark.), 61",
//! "NAME (61)", "NAME, aged 61", "the 61-year-old NAME" (a few words between). The day
//! compared is the reference date, which must be known (not inferred). An imported
//! person must be identified by the text (a title they held, before the name or in an
//! appositive after it, a party-and-state tag "(D-Calif.)", or their chamber and
//! state named), since many people share a legislator's name. A passage that
//! speaks of another time (a date far from the reference date, a decade) is left alone,
//! as is an age in a quotation. The age may be one less in the weeks after a birthday
//! (the story may have been written before) and one more just before it. An age that
//! differs by more than `max_difference` years is taken to be another person of the
//! same name, and left alone.

use serde::Deserialize;

use super::calendar::{add_days, day_text};
use super::context::{in_range, Build, CheckContext, Compile, Finding, Kind, ParamError};
use super::people::{ages_between, identified, known_reference, passage_is_dated};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// A larger difference is taken to be a namesake.
    #[serde(default = "default_max")]
    pub max_difference: u32,
}

fn default_max() -> u32 {
    10
}

#[derive(Debug)]
pub struct PersonAge {
    max_difference: i32,
}

impl Build for PersonAge {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("max_difference", params.max_difference, 1, 100)?;
        Ok(PersonAge {
            max_difference: params.max_difference as i32,
        })
    }
}

/// The age written right after a name: ", 61,", " (R-Ark.), 61", " (61)", ", aged 61".
fn age_after(text: &str, end: usize) -> Option<(Span, i32)> {
    let rest = text.get(end..)?;
    let mut at = 0;
    // A short parenthesis (party and state) first.
    if let Some(inner) = rest.strip_prefix(" (") {
        if let Some(close) = inner.find(')').filter(|&c| c <= 24) {
            let inside = &inner[..close];
            if let Some(age) = digits(inside).filter(|d| d.len() == inside.len()) {
                let start = end + 2;
                return Some((Span::new(start, start + age.len()), age.parse().ok()?));
            }
            at = 2 + close + 1;
        }
    }
    let rest = &rest[at..];
    let after_comma = rest.strip_prefix(", ")?;
    let mut skip = 2;
    let mut tail = after_comma;
    for lead in ["aged ", "age ", "now "] {
        if let Some(t) = tail.strip_prefix(lead) {
            skip += lead.len();
            tail = t;
            break;
        }
    }
    let age = digits(tail)?;
    let next = tail[age.len()..].chars().next();
    if !matches!(next, None | Some(',' | ';' | '.' | ')' | ':')) {
        return None;
    }
    // "61." ends the sentence, but "61.5" is not an age.
    if next == Some('.') && tail[age.len() + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let start = end + at + skip;
    Some((Span::new(start, start + age.len()), age.parse().ok()?))
}

/// "the 61-year-old NAME", with at most four words (no punctuation) in between.
fn age_before(text: &str, start: usize) -> Option<(Span, i32)> {
    let head = text.get(start.saturating_sub(80)..start)?;
    let at = head.rfind("-year-old ")?;
    let between = &head[at + "-year-old ".len()..];
    if between.split_whitespace().count() > 4
        || between.contains([',', '.', ';', ':', '(', ')', '"'])
    {
        return None;
    }
    let digits_start = head[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let age = &head[digits_start..at];
    if age.len() > 3 || head[..digits_start].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let base = start - head.len();
    Some((
        Span::new(base + digits_start, base + at),
        age.parse().ok()?,
    ))
}

fn digits(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&n).then(|| &s[..n])
}

impl Kind for PersonAge {
    fn args(&self) -> Vec<String> {
        ["name", "age", "expected", "born", "reference", "source"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = known_reference(cx) else {
            return;
        };
        let mut seen: Vec<Span> = Vec::new();
        for p in &cx.mentions.people {
            let Some((age_span, age)) =
                age_after(cx.text, p.span.end).or_else(|| age_before(cx.text, p.span.start))
            else {
                continue;
            };
            if seen.contains(&age_span)
                || !(1..=120).contains(&age)
                || cx.doc.prose.is_quoted(age_span.start)
                || passage_is_dated(cx, p.span, reference)
            {
                continue;
            }
            if !identified(cx, p.who) {
                continue;
            }
            let Some(entity) = cx.kb.resolve(p.who) else {
                continue;
            };
            let Some(born) = entity.starts.iter().find(|f| f.verb == "born") else {
                continue;
            };
            if entity.ends.iter().any(|f| f.verb == "died") {
                continue;
            }
            // Written up to six weeks before the reference date, or a fortnight after.
            let (young, old) = ages_between(
                born.date,
                add_days(reference, -42),
                add_days(reference, 14),
            );
            if (young..=old).contains(&age)
                || (age - young).abs().min((age - old).abs()) > self.max_difference
            {
                continue;
            }
            let (now_young, now_old) = ages_between(born.date, reference, reference);
            let expected = if now_young == now_old {
                now_young.to_string()
            } else {
                format!("{now_young} or {now_old}")
            };
            seen.push(age_span);
            let mut finding = Finding::at(age_span)
                .arg("name", &entity.name)
                .arg("age", age)
                .arg("expected", &expected)
                .arg("born", born.date)
                .arg("reference", day_text(reference))
                .arg("source", &entity.source)
                .label(p.span, format!("{} was {}", entity.name, born.date.with_verb("born")));
            if now_young == now_old {
                finding = finding.unsafe_fix(age_span, expected);
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_beside_names() {
        let t = "Steve Womack, 61, said";
        assert_eq!(age_after(t, 12).map(|a| a.1), Some(61));
        let t = "Steve Womack (R-Ark.), 61, said";
        assert_eq!(age_after(t, 12).map(|a| a.1), Some(61));
        let t = "Steve Womack (61) said";
        assert_eq!(age_after(t, 12).map(|a| (a.0.text(t), a.1)), Some(("61", 61)));
        let t = "Steve Womack, 61.5 percent";
        assert_eq!(age_after(t, 12), None);
        let t = "Steve Womack, 61 votes";
        assert_eq!(age_after(t, 12), None);
        let t = "the 61-year-old Arkansas Republican Steve Womack";
        let at = t.find("Steve").expect("name");
        assert_eq!(age_before(t, at).map(|a| (a.0.text(t), a.1)), Some(("61", 61)));
        let t = "a 61-year-old, Steve Womack";
        assert_eq!(age_before(t, t.find("Steve").expect("name")), None);
    }
}
