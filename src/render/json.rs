//! `json`: one JSON document, exactly as CONTRACT.md describes, streamed file by file.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::report::{FileReport, Renderer, Summary};
use crate::document::Document;
use crate::span::Span;

#[derive(Default)]
pub struct Json {
    started: bool,
}

fn span_json(doc: &Document, span: Span) -> Value {
    let start = doc.line_index.position(&doc.source, span.start);
    let end = doc.line_index.position(&doc.source, span.end);
    // Offsets count the file's own bytes, also when it was decoded from another encoding.
    json!({
        "start": doc.original_offset(span.start),
        "end": doc.original_offset(span.end),
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
    })
}

/// The JSON object for one file (also used by other machine formats' tests).
pub fn file_json(report: &FileReport) -> Value {
    match &report.outcome {
        Err(e) => json!({
            "path": report.path,
            "error": e.to_string(),
            "diagnostics": [],
        }),
        Ok(file) => {
            let doc = &file.doc;
            let diagnostics: Vec<Value> = file
                .diagnostics
                .iter()
                .map(|d| {
                    let mut v = json!({
                        "rule": d.rule,
                        "severity": d.severity.as_str(),
                        "message": d.message,
                        "span": span_json(doc, d.span),
                    });
                    if !d.labels.is_empty() {
                        v["labels"] = d
                            .labels
                            .iter()
                            .map(|l| json!({"span": span_json(doc, l.span), "message": l.message}))
                            .collect();
                    }
                    if let Some(help) = &d.help {
                        v["help"] = json!(help);
                    }
                    if let Some(fix) = &d.fix {
                        v["fix"] = json!({
                            "span": span_json(doc, fix.span),
                            "replacement": fix.replacement,
                            "safe": fix.safe,
                        });
                        // The other places one repair edits, applied together with it.
                        if !fix.also.is_empty() {
                            v["fix"]["also"] = fix
                                .also
                                .iter()
                                .map(|e| {
                                    json!({
                                        "span": span_json(doc, e.span),
                                        "replacement": e.replacement,
                                    })
                                })
                                .collect();
                        }
                    }
                    if !d.alternatives.is_empty() {
                        v["alternatives"] = d
                            .alternatives
                            .iter()
                            .map(|f| {
                                json!({
                                    "span": span_json(doc, f.span),
                                    "replacement": f.replacement,
                                    "safe": f.safe,
                                })
                            })
                            .collect();
                    }
                    v
                })
                .collect();
            json!({
                "path": report.path,
                "reference_date": {
                    "date": file.reference.date.map(|d| d.to_string()),
                    "source": file.reference.source,
                },
                "diagnostics": diagnostics,
            })
        }
    }
}

impl Renderer for Json {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if !self.started {
            write!(
                out,
                "{{\"version\":1,\"tool\":{{\"name\":\"factlint\",\"version\":\"{}\"}},\"files\":[",
                env!("CARGO_PKG_VERSION")
            )?;
            self.started = true;
        } else {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &file_json(report))?;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.started {
            write!(
                out,
                "{{\"version\":1,\"tool\":{{\"name\":\"factlint\",\"version\":\"{}\"}},\"files\":[",
                env!("CARGO_PKG_VERSION")
            )?;
        }
        let s = json!({
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
        });
        writeln!(out, "],\"summary\":{s}}}")
    }

    fn reports_load_errors(&self) -> bool {
        true
    }
}
