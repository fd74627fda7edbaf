//! What renderers receive: each file's report, the run's summary, the rules' descriptions;
//! and the [`Renderer`] trait every format implements.

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::error::LoadError;
use crate::reference::ReferenceDate;

/// What reports that describe the rules themselves (SARIF) need to know of each one.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub description: String,
    pub help: Option<String>,
}

impl RuleInfo {
    pub fn of(rule: &crate::rules::Rule) -> RuleInfo {
        RuleInfo {
            id: rule.id.clone(),
            severity: rule.severity,
            description: rule.description.trim().to_string(),
            help: rule.help.as_ref().map(|h| {
                // Placeholders render as themselves: the help as written in the rule file.
                let args: Vec<(String, String)> = h
                    .placeholders()
                    .map(|p| (p.to_string(), format!("{{{p}}}")))
                    .collect();
                h.render(&args)
            }),
        }
    }
}

/// One input's outcome, as renderers see it.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub outcome: Result<CheckedFile, LoadError>,
}

#[derive(Debug)]
pub struct CheckedFile {
    pub doc: Document,
    pub reference: ReferenceDate,
    pub diagnostics: Vec<Diagnostic>,
}

/// 1-based line and column (in Unicode scalar values) of a byte offset.
pub(crate) fn position(doc: &Document, offset: usize) -> crate::span::Position {
    doc.line_index.position(&doc.source, offset)
}

/// Counts over the whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub failed_files: usize,
    pub skipped_files: usize,
}

impl Summary {
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        match &report.outcome {
            Ok(file) => {
                for d in &file.diagnostics {
                    match d.severity {
                        Severity::Error => self.errors += 1,
                        Severity::Warning => self.warnings += 1,
                        Severity::Info => self.infos += 1,
                    }
                }
            }
            Err(e) if e.is_skip() => self.skipped_files += 1,
            Err(_) => self.failed_files += 1,
        }
    }
}

/// A report format. Files arrive in input order; `finish` closes the report.
pub trait Renderer {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Load errors that this format does not carry in its own output go to stderr.
    fn reports_load_errors(&self) -> bool {
        false
    }
}
