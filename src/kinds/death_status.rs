//! `death-status`: "the late NAME" for someone alive at the reference date, or a person
//! reported speaking or acting now after their recorded death.
//!
//! Why: both are among the most embarrassing corrections, and deaths and terms of
//! office are on record.
//! Limits: alive means known to be alive: a recorded death after the reference date,
//! or an office held at the reference date or later (an imported term of office that
//! is still open was held when the data was compiled). Nobody is taken to be alive for
//! lack of a recorded death. A reported action must say it is recent: "says", "tells",
//! or "said"/"told"/"announced" with "on Monday", "today", "yesterday", "this week".
//! An imported person must be identified by the text (a title they held, or their
//! chamber and state named). The reference date must be known; quotations are left
//! alone; the week after a
//! death is allowed (statements made before it are still reported).

use serde::Deserialize;

use super::calendar::{add_days, day_text};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use super::people::{identified, known_reference, recent_deed_after};
use crate::kb::Entity;
use crate::span::Span;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct DeathStatus;

impl Build for DeathStatus {
    type Params = Params;

    fn build(_: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(DeathStatus)
    }
}

/// "the late " (and "the late Sen. ") right before `start`: the span of "late".
fn late_before(text: &str, start: usize) -> Option<Span> {
    let head = text.get(start.saturating_sub(40)..start)?;
    let lower = head.to_ascii_lowercase();
    let at = lower.rfind("late ")?;
    let between = &head[at + 5..];
    // At most one title word between "late" and the name.
    if between.split_whitespace().count() > 2 || between.contains([',', ';', ':', '"']) {
        return None;
    }
    if !between.is_empty() && !between.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let before = lower[..at].trim_end();
    let det = ["the", "our", "his", "her", "their"]
        .iter()
        .find(|d| before.ends_with(*d) && !before[..before.len() - d.len()].ends_with(char::is_alphanumeric))?;
    let base = start - head.len();
    Some(Span::new(base + before.len() - det.len(), base + at + 4))
}

/// Whether the person is known to be alive on `day`: a recorded death later, or an
/// office held then or later.
fn known_alive(e: &Entity, day: jiff::civil::Date, imported: bool) -> bool {
    if let Some(died) = e.ends.iter().find(|f| f.verb == "died") {
        return died.date.first_day() > day;
    }
    e.terms.iter().any(|t| match t.to {
        Some(to) => to.first_day() > day && t.from.first_day() <= to.first_day(),
        // An open imported term was held when the data was compiled.
        None => imported,
    })
}

impl Kind for DeathStatus {
    fn args(&self) -> Vec<String> {
        ["name", "problem", "reference", "evidence", "source"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = known_reference(cx) else {
            return;
        };
        for p in &cx.mentions.people {
            if cx.doc.prose.is_quoted(p.span.start) {
                continue;
            }
            let late = late_before(cx.text, p.span.start);
            let action = if late.is_none() {
                recent_deed_after(cx.text, p.span.end)
            } else {
                None
            };
            if late.is_none() && action.is_none() {
                continue;
            }
            if !identified(cx, p.who) {
                continue;
            }
            let Some(entity) = cx.kb.resolve(p.who) else {
                continue;
            };
            let imported = matches!(p.who, crate::kb::EntityRef::Imported(_));
            if let Some(late) = late {
                if !known_alive(&entity, reference, imported) {
                    continue;
                }
                let evidence = match entity.ends.iter().find(|f| f.verb == "died") {
                    Some(d) => format!("{} {}", entity.name, d.date.with_verb("died")),
                    None => {
                        let t = entity
                            .terms
                            .iter()
                            .find(|t| t.to.is_none_or(|to| to.first_day() > reference));
                        match t {
                            Some(t) => format!(
                                "{} was in office as {} (term from {} to {})",
                                entity.name,
                                t.office,
                                t.from,
                                t.to.map_or_else(|| "present".to_string(), |d| d.to_string())
                            ),
                            None => format!("{} was alive then", entity.name),
                        }
                    }
                };
                out.push(
                    Finding::at(late.cover(p.span))
                        .arg("name", &entity.name)
                        .arg("problem", "is called \"the late\" but was alive")
                        .arg("reference", day_text(reference))
                        .arg("evidence", evidence)
                        .arg("source", &entity.source)
                        .label(late, "says the person has died"),
                );
            } else if let Some(action) = action {
                let Some(died) = entity.ends.iter().find(|f| f.verb == "died") else {
                    continue;
                };
                if died.date.last_day() >= add_days(reference, -7) {
                    continue;
                }
                out.push(
                    Finding::at(p.span.cover(action))
                        .arg("name", &entity.name)
                        .arg("problem", "is reported acting now but had died")
                        .arg("reference", day_text(reference))
                        .arg("evidence", format!("{} {}", entity.name, died.date.with_verb("died")))
                        .arg("source", &entity.source)
                        .label(action, "reported as recent"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_imported_senator_alive_at_the_date() {
        use crate::kinds::testing::assert_finds;
        assert_finds(
            &DeathStatus,
            "The room will be named after <<the late Sen. Susan Collins>>, whose staff drafted the bill.",
            Some("2026-04-14"),
        );
    }

    #[test]
    fn late_and_recent_actions() {
        let t = "a tribute to the late Sen. John Doe";
        assert!(late_before(t, t.find("John").expect("name")).is_some());
        let t = "a tribute to the late John Doe";
        assert_eq!(late_before(t, t.find("John").expect("name")).map(|s| s.text(t)), Some("the late"));
        let t = "the talks ran late. John Doe";
        assert!(late_before(t, t.find("John").expect("name")).is_none());
        let t = "John Doe said on Monday that";
        assert!(recent_deed_after(t, 8).is_some());
        let t = "John Doe, 61, told reporters on Monday that";
        assert!(recent_deed_after(t, 8).is_some());
        let t = "John Doe said in 1998 that";
        assert!(recent_deed_after(t, 8).is_none());
        let t = "John Doe took office in a storm";
        assert!(recent_deed_after(t, 8).is_none());
        let t = "John Doe, who died in 2021, is still remembered";
        assert!(recent_deed_after(t, 8).is_none());
        let t = "John Doe is remembered in his town";
        assert!(recent_deed_after(t, 8).is_none());
    }
}
