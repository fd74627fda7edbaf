//! `human`: miette's graphical report for each diagnostic (the sentence, the span
//! underlined, labels and help, the rule id as the code), then a summary line.
//!
//! miette's own sources rescan the whole text for every diagnostic; [`IndexedSource`]
//! answers from the document's line index, so thousands of findings render quickly.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::report::{FileReport, Renderer, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;

/// How the human report looks.
#[derive(Clone, Copy, Debug)]
pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 80,
        }
    }
}

pub struct Human {
    handler: GraphicalReportHandler,
    color: bool,
}

impl Human {
    pub fn new(options: HumanOptions) -> Self {
        let theme = if options.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(options.width)
                .with_links(false)
                .with_context_lines(1),
            color: options.color,
        }
    }
}

/// A document's text with its line index, for miette.
struct IndexedSource<'a> {
    doc: &'a Document,
}

impl SourceCode for IndexedSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &self.doc.source;
        let idx = &self.doc.line_index;
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first_line = idx.line_of(start).saturating_sub(before);
        let last_line =
            (idx.line_of(end.saturating_sub(1).max(start)) + after).min(idx.line_count() - 1);
        let window_start = idx.line_start(first_line);
        let window_end = idx.line_span(text, last_line).end;
        let window = &text.as_bytes()[window_start..window_end.max(window_start)];
        let inner = <[u8] as SourceCode>::read_span(
            window,
            &SourceSpan::from((start - window_start)..(end - window_start)),
            before,
            after,
        )?;
        let data = inner.data();
        // The inner contents start at some offset of the window; shift it back.
        let data_offset = data.as_ptr() as usize - window.as_ptr() as usize;
        Ok(Box::new(MietteSpanContents::new_named(
            self.doc.path.clone(),
            data,
            SourceSpan::from(
                (window_start + data_offset)..(window_start + data_offset + data.len()),
            ),
            first_line + inner.line(),
            // miette counts this column in bytes; the contract counts characters.
            idx.position(text, start).column - 1,
            inner.line_count(),
        )))
    }
}

/// One diagnostic in miette's terms.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: IndexedSource<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let to_span = |s: crate::span::Span| SourceSpan::from(s.start..s.end);
        // miette draws overlapping labels poorly: when the secondary labels lie inside
        // the primary span, they alone are drawn (the first as primary), which marks the
        // same text with more to say.
        let inside: Vec<&crate::diagnostic::Label> = d
            .labels
            .iter()
            .filter(|l| d.span.contains(l.span) && l.span != d.span)
            .collect();
        if !inside.is_empty() && inside.len() == d.labels.len() {
            let labels = inside.into_iter().enumerate().map(move |(i, l)| {
                if i == 0 {
                    LabeledSpan::new_primary_with_span(Some(l.message.clone()), to_span(l.span))
                } else {
                    LabeledSpan::new_with_span(Some(l.message.clone()), to_span(l.span))
                }
            });
            return Some(Box::new(labels));
        }
        let primary = LabeledSpan::new_primary_with_span(None, to_span(d.span));
        let secondary = d
            .labels
            .iter()
            .filter(|l| !l.span.overlaps(d.span))
            .map(move |l| LabeledSpan::new_with_span(Some(l.message.clone()), to_span(l.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

impl Renderer for Human {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let Ok(file) = &report.outcome else {
            return Ok(());
        };
        let mut buf = String::new();
        for d in &file.diagnostics {
            buf.clear();
            let r = Report {
                diagnostic: d,
                source: IndexedSource { doc: &file.doc },
            };
            if self.handler.render_report(&mut buf, &r).is_err() {
                buf = format!(
                    "{}: {} [{}] {}\n",
                    report.path, d.severity, d.rule, d.message
                );
            }
            out.write_all(buf.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let found = s.errors + s.warnings + s.infos;
        let mut line = if found == 0 {
            format!(
                "No problems found in {}",
                plural(s.files - s.failed_files - s.skipped_files, "file")
            )
        } else {
            format!(
                "{}, {}, {} in {}",
                plural(s.errors, "error"),
                plural(s.warnings, "warning"),
                plural(s.infos, "note"),
                plural(s.files, "file")
            )
        };
        if s.failed_files > 0 {
            line.push_str(&format!(
                "; {} could not be read",
                plural(s.failed_files, "file")
            ));
        }
        if s.skipped_files > 0 {
            line.push_str(&format!(
                "; {} skipped",
                plural(s.skipped_files, "binary file")
            ));
        }
        if self.color {
            writeln!(out, "\x1b[1m{line}\x1b[0m")
        } else {
            writeln!(out, "{line}")
        }
    }
}
