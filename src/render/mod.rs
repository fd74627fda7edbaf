//! Renderers: the only code that writes reports. One file per format.

mod compact;
mod human;
mod json;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::error::LoadError;
use crate::reference::ReferenceDate;

pub use human::HumanOptions;

/// Output formats (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Human,
    Compact,
    Json,
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

pub fn renderer(format: OutputFormat, human: HumanOptions) -> Box<dyn Renderer> {
    match format {
        OutputFormat::Human => Box::new(human::Human::new(human)),
        OutputFormat::Compact => Box::new(compact::Compact),
        OutputFormat::Json => Box::new(json::Json::default()),
    }
}
