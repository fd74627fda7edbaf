//! `sarif`: one SARIF 2.1.0 log, for code scanning.
//!
//! The driver lists every loaded rule; results carry regions in lines and columns
//! (`columnKind: unicodeCodePoints`, as CONTRACT.md counts columns) and in characters
//! from the start of the file, and fixes where a diagnostic has one.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::report::{position, FileReport, Renderer, RuleInfo, Summary};
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::span::Span;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub struct Sarif {
    rules: Vec<RuleInfo>,
    results: Vec<Value>,
    notifications: Vec<Value>,
}

impl Sarif {
    pub fn new(rules: Vec<RuleInfo>) -> Self {
        Sarif {
            rules,
            results: Vec::new(),
            notifications: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative reference for a path: `/` separators, everything outside the unreserved
/// set percent-encoded, so the result is a valid URI reference.
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(doc: &Document, span: Span) -> Value {
    let start = position(doc, span.start);
    let end = position(doc, span.end);
    let chars = |a: usize, b: usize| doc.source.get(a..b).map_or(0, |t| t.chars().count());
    let offset = chars(0, span.start.min(doc.source.len()));
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
        "charOffset": offset,
        "charLength": chars(span.start, span.end),
    })
}

impl Renderer for Sarif {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let uri = path_uri(&report.path);
        let file = match &report.outcome {
            Ok(file) => file,
            Err(e) => {
                self.notifications.push(json!({
                    "level": if e.is_skip() { "note" } else { "error" },
                    "message": {"text": e.to_string()},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                }));
                return Ok(());
            }
        };
        let doc = &file.doc;
        for d in &file.diagnostics {
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!(" (help: {help})"));
            }
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(doc, d.span),
                    }
                }],
            });
            if let Some(index) = self.rules.iter().position(|r| r.id == d.rule) {
                result["ruleIndex"] = json!(index);
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i,
                            "physicalLocation": {
                                "artifactLocation": {"uri": uri},
                                "region": region(doc, l.span),
                            },
                            "message": {"text": l.message},
                        })
                    })
                    .collect();
            }
            if let Some(fix) = &d.fix {
                let what = if fix.safe { "safe fix" } else { "unsafe fix" };
                result["fixes"] = json!([{
                    "description": {"text": format!("replace with “{}” ({what})", fix.replacement)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": fix
                            .edits()
                            .map(|(span, text)| json!({
                                "deletedRegion": region(doc, span),
                                "insertedContent": {"text": text},
                            }))
                            .collect::<Vec<Value>>(),
                    }],
                }]);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| {
                let short = r.description.lines().next().unwrap_or(&r.id).to_string();
                let mut help = r.description.clone();
                if let Some(h) = &r.help {
                    help.push_str(&format!("\n\nSuggested change: {h}"));
                }
                json!({
                    "id": r.id,
                    "name": r.id,
                    "shortDescription": {"text": if short.is_empty() { r.id.clone() } else { short }},
                    "fullDescription": {"text": if r.description.is_empty() { r.id.clone() } else { r.description.clone() }},
                    "help": {"text": help},
                    "defaultConfiguration": {"level": level(r.severity)},
                })
            })
            .collect();
        let mut run = json!({
            "tool": {"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": std::mem::take(&mut self.results),
        });
        let notifications = std::mem::take(&mut self.notifications);
        run["invocations"] = json!([{
            "executionSuccessful": !notifications.iter().any(|n| n["level"] == "error"),
            "toolExecutionNotifications": notifications,
        }]);
        let log = json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [run],
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }

    fn reports_load_errors(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("./news/a b.md"), "news/a%20b.md");
        assert_eq!(path_uri("é.md"), "%C3%A9.md");
    }
}
