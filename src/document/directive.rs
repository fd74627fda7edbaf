//! Suppression directives as written in a document: comments that silence findings.
//!
//! The document loaders read them (with their spans) while they read the prose; the
//! engine applies them (`suppress::apply`). See `suppress` for the syntax.

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
