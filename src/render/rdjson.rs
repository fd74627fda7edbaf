//! `rdjson`: reviewdog's diagnostic format, one JSON document, fixes as suggestions.
//!
//! reviewdog counts columns in bytes (UTF-8), 1-based, end exclusive.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::report::{FileReport, Renderer, Summary};
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::span::Span;

#[derive(Default)]
pub struct Rdjson {
    diagnostics: Vec<Value>,
}

fn range(doc: &Document, span: Span) -> Value {
    let at = |offset: usize| {
        let offset = offset.min(doc.source.len());
        let line = doc.line_index.line_of(offset);
        let column = offset.saturating_sub(doc.line_index.line_start(line)) + 1;
        json!({"line": line + 1, "column": column})
    };
    json!({"start": at(span.start), "end": at(span.end)})
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

impl Renderer for Rdjson {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let Ok(file) = &report.outcome else {
            return Ok(());
        };
        let doc = &file.doc;
        for d in &file.diagnostics {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(" (");
                message.push_str(help);
                message.push(')');
            }
            let mut v = json!({
                "message": message,
                "location": {"path": report.path, "range": range(doc, d.span)},
                "severity": severity(d.severity),
                "code": {"value": d.rule},
            });
            if let Some(fix) = &d.fix {
                v["suggestions"] =
                    json!([{"range": range(doc, fix.span), "text": fix.replacement}]);
            }
            self.diagnostics.push(v);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let doc = json!({
            "source": {"name": "factlint"},
            "diagnostics": std::mem::take(&mut self.diagnostics),
        });
        serde_json::to_writer(&mut *out, &doc)?;
        writeln!(out)
    }
}
