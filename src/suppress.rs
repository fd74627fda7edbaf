//! Suppression directives: comments in an article that silence findings.
//!
//! Markdown and HTML: `<!-- factlint-disable-next-line RULE -- reason -->`,
//! `<!-- factlint-disable RULE -->` ... `<!-- factlint-enable RULE -->` and
//! `<!-- factlint-ignore RULE "exact text" -->` (one finding whose flagged text is that
//! text). Plain text: the same on a line of its own, `factlint: disable-next-line RULE`.
//! RULE is one or more rule ids or prefixes (`date.`), separated by spaces or commas;
//! none means every rule. The document loaders collect directives with their spans;
//! the engine applies them and reports those that silenced nothing.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::id_matches;
use crate::span::Span;

/// What a directive does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// Findings that start on the line after the directive.
    DisableNextLine,
    /// Findings from here to the matching `enable` (or the end of the document).
    Disable,
    Enable,
    /// One finding whose flagged text is exactly this.
    Ignore(String),
    /// A comment that is meant as a directive but is not one (`factlint-disable-nextline`,
    /// `factlint:disable`, an `ignore` without its quoted text): it silences nothing, and
    /// the run reports it as an error with the intended spelling.
    Malformed(String),
}

/// The directive verbs, as written after `factlint-`.
const VERBS: &[&str] = &["disable-next-line", "disable", "enable", "ignore"];

/// One directive and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Rule ids or prefixes; empty means every rule.
    pub rules: Vec<String>,
    /// The whole comment (or line) in source offsets.
    pub span: Span,
    pub reason: Option<String>,
}

/// Read the directive in `body`, an HTML comment's text that starts at source offset
/// `body_start`. The directive's span is the comment's text without the `<!--`/`-->`
/// and surrounding spaces. Anything else is not a directive.
pub fn parse_comment(body: &str, body_start: usize) -> Option<Directive> {
    let trimmed = body.trim();
    let start = body_start + (body.len() - body.trim_start().len());
    let span = Span::new(start, start + trimmed.len());
    if let Some(rest) = trimmed.strip_prefix("factlint-") {
        return Some(parse_directive(rest, span, "factlint-"));
    }
    // `factlint:disable`, `factlint disable`, `FactLint-disable`: meant as a directive.
    let head = trimmed.get(..8)?;
    if !head.eq_ignore_ascii_case("factlint") {
        return None;
    }
    let rest = trimmed[8..].trim_start_matches([':', '_', '-', ' ', '\t']);
    let written = trimmed.split_whitespace().next().unwrap_or(trimmed);
    if rest.len() == trimmed.len() - 8 {
        // "factlinting" and such: a word, not a directive.
        return None;
    }
    let verb = rest.split_whitespace().next().unwrap_or("");
    let intended = closest_verb(verb).unwrap_or("disable");
    Some(malformed(
        span,
        format!("`{written}` is not a factlint directive; did you mean `factlint-{intended}`?"),
    ))
}

/// Read a plain-text directive line: `factlint: disable RULE -- reason`.
pub fn parse_text_line(line: &str, span: Span) -> Option<Directive> {
    let rest = line.trim().strip_prefix("factlint:")?;
    Some(parse_directive(rest.trim_start(), span, "factlint: "))
}

fn malformed(span: Span, message: String) -> Directive {
    Directive {
        kind: DirectiveKind::Malformed(message),
        rules: Vec::new(),
        span,
        reason: None,
    }
}

/// The verb closest to a misspelt one.
fn closest_verb(verb: &str) -> Option<&'static str> {
    let lower = verb.to_ascii_lowercase();
    if let Some(v) = VERBS.iter().find(|v| **v == lower) {
        return Some(v);
    }
    crate::suggest::closest(&lower, VERBS.iter().copied())
        .first()
        .copied()
}

fn parse_directive(text: &str, span: Span, prefix: &str) -> Directive {
    let (verb, rest) = match text.find(char::is_whitespace) {
        Some(i) => (&text[..i], &text[i..]),
        None => (text, ""),
    };
    let (mut rest, reason) = match rest.find(" --") {
        Some(i) if rest[i + 3..].is_empty() || rest[i + 3..].starts_with(char::is_whitespace) => (
            &rest[..i],
            Some(rest[i + 3..].trim().to_string()).filter(|r| !r.is_empty()),
        ),
        _ => (rest, None),
    };
    let kind = match verb {
        "disable-next-line" => DirectiveKind::DisableNextLine,
        "disable" => DirectiveKind::Disable,
        "enable" => DirectiveKind::Enable,
        "ignore" => {
            let quoted = rest.find('"').zip(rest.rfind('"'));
            match quoted {
                Some((open, close)) if close > open + 1 => {
                    let text = rest[open + 1..close].to_string();
                    rest = &rest[..open];
                    DirectiveKind::Ignore(text)
                }
                _ => {
                    return malformed(
                        span,
                        format!(
                            "`{prefix}ignore` needs the flagged text in double quotes: \
                             `{prefix}ignore RULE \"exact text\"`"
                        ),
                    )
                }
            }
        }
        other => {
            let message = match closest_verb(other) {
                Some(v) => format!(
                    "`{prefix}{other}` is not a factlint directive; did you mean `{prefix}{v}`?"
                ),
                None => format!(
                    "`{prefix}{other}` is not a factlint directive; directives are {}",
                    VERBS
                        .iter()
                        .map(|v| format!("`{prefix}{v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return malformed(span, message);
        }
    };
    let rules = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Directive {
        kind,
        rules,
        span,
        reason,
    }
}

impl Directive {
    fn covers_rule(&self, rule: &str) -> bool {
        self.rules.is_empty() || self.rules.iter().any(|sel| id_matches(rule, sel))
    }

    /// The directive as written, for messages: `disable-next-line date.`.
    pub fn describe(&self) -> String {
        let verb = match &self.kind {
            DirectiveKind::DisableNextLine => "disable-next-line",
            DirectiveKind::Disable => "disable",
            DirectiveKind::Enable => "enable",
            DirectiveKind::Ignore(_) => "ignore",
            DirectiveKind::Malformed(_) => "malformed",
        };
        verb.to_string()
    }

    /// The rules named, for messages.
    pub fn rule_list(&self) -> String {
        if self.rules.is_empty() {
            "every rule".to_string()
        } else {
            self.rules.join(", ")
        }
    }
}

/// Remove the diagnostics that `doc`'s directives silence. Returns the directives that
/// silenced nothing, except those naming a rule in `idle` (loaded but not run on this
/// document, so it cannot be told whether they are needed).
pub fn apply<'d>(
    doc: &'d Document,
    diagnostics: &mut Vec<Diagnostic>,
    idle: &[&str],
) -> Vec<&'d Directive> {
    let directives = &doc.directives;
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    let mut keep = vec![true; diagnostics.len()];
    let line_of = |offset: usize| doc.line_index.line_of(offset.min(doc.source.len()));
    // Where each `disable` ends: the next `enable` that names one of its rules (or none).
    let region_end = |i: usize, d: &Directive| {
        directives[i + 1..]
            .iter()
            .find(|e| {
                e.kind == DirectiveKind::Enable
                    && (e.rules.is_empty()
                        || d.rules.is_empty()
                        || e.rules.iter().any(|r| d.rules.contains(r)))
            })
            .map_or(usize::MAX, |e| e.span.start)
    };
    for (i, dir) in directives.iter().enumerate() {
        match &dir.kind {
            DirectiveKind::Enable | DirectiveKind::Malformed(_) => {}
            DirectiveKind::DisableNextLine => {
                let target = line_of(dir.span.end.saturating_sub(1).max(dir.span.start)) + 1;
                for (k, d) in diagnostics.iter().enumerate() {
                    if line_of(d.span.start) == target && dir.covers_rule(&d.rule) {
                        keep[k] = false;
                        used[i] = true;
                    }
                }
            }
            DirectiveKind::Disable => {
                let end = region_end(i, dir);
                for (k, d) in diagnostics.iter().enumerate() {
                    if dir.span.end <= d.span.start
                        && d.span.start < end
                        && dir.covers_rule(&d.rule)
                    {
                        keep[k] = false;
                        used[i] = true;
                    }
                }
            }
            DirectiveKind::Ignore(text) => {
                let candidates = || {
                    diagnostics.iter().enumerate().filter(|(k, d)| {
                        keep[*k]
                            && dir.covers_rule(&d.rule)
                            && d.span.text(&doc.source) == text.as_str()
                    })
                };
                // The first match after the directive, else the first before it.
                let pick = candidates()
                    .find(|(_, d)| d.span.start >= dir.span.end)
                    .or_else(|| candidates().next())
                    .map(|(k, _)| k);
                if let Some(k) = pick {
                    keep[k] = false;
                    used[i] = true;
                }
            }
        }
    }
    let mut k = 0;
    diagnostics.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    directives
        .iter()
        .zip(used)
        .filter(|(d, used)| {
            !used
                && d.kind != DirectiveKind::Enable
                && !matches!(d.kind, DirectiveKind::Malformed(_))
                && !d
                    .rules
                    .iter()
                    .any(|sel| idle.iter().any(|id| id_matches(id, sel)))
        })
        .map(|(d, _)| d)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_directives_with_reasons_and_text() {
        let d = parse_comment(
            " factlint-disable-next-line date.weekday-mismatch, style. -- the source says so ",
            0,
        )
        .expect("directive");
        assert_eq!(d.kind, DirectiveKind::DisableNextLine);
        assert_eq!(d.rules, ["date.weekday-mismatch", "style."]);
        assert_eq!(d.reason.as_deref(), Some("the source says so"));
        let d = parse_comment(r#"factlint-ignore style.irregardless "irregardless""#, 0)
            .expect("directive");
        assert_eq!(d.kind, DirectiveKind::Ignore("irregardless".into()));
        assert_eq!(d.rules, ["style.irregardless"]);
        let d = parse_text_line("factlint: enable", Span::new(0, 1)).expect("directive");
        assert_eq!((d.kind, d.rules.len()), (DirectiveKind::Enable, 0));
        assert!(parse_comment("a note", 0).is_none());
        assert!(parse_comment("factlinting is fun", 0).is_none());
        let malformed = |body: &str| match parse_comment(body, 0).map(|d| d.kind) {
            Some(DirectiveKind::Malformed(m)) => m,
            other => panic!("{body}: {other:?}"),
        };
        assert!(malformed("factlint-disabel x").contains("did you mean `factlint-disable`?"));
        assert!(malformed("factlint-disable-nextline x")
            .contains("did you mean `factlint-disable-next-line`?"));
        assert!(malformed("factlint:disable x").contains("did you mean `factlint-disable`?"));
        assert!(malformed("factlint-ignor x").contains("did you mean `factlint-ignore`?"));
        assert!(malformed(r#"factlint-ignore x ""#).contains("double quotes"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
        #[test]
        fn never_panics_on_any_comment_or_document(
            body in "(factlint-|factlint: )?(disable|enable|ignore|disable-next-line)?[ a-z.,\"é-]{0,30}( --)?.{0,10}",
        ) {
            let _ = parse_comment(&body, 3);
            let _ = parse_text_line(&body, Span::new(0, body.len()));
            for format in [crate::document::Format::Markdown, crate::document::Format::Html, crate::document::Format::Text] {
                let text = format!("<!-- {body} -->\n{body}\nfactlint: {body}\n<!--{body}");
                let _ = crate::check_text(&text, format, None).expect("the built-in rules load");
            }
        }
    }
}
