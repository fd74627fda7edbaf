//! `github`: GitHub Actions workflow commands, one annotation per diagnostic.
//!
//! `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`.
//! GitHub rejects column ranges on multi-line annotations, so those carry lines only.

use std::io::{self, Write};

use super::report::{position, FileReport, Renderer, Summary};
use crate::diagnostic::Severity;

pub struct Github;

/// Escape a workflow command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value: also `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Renderer for Github {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let file = match &report.outcome {
            Ok(file) => file,
            Err(e) if e.is_skip() => return Ok(()),
            Err(e) => {
                return writeln!(
                    out,
                    "::error file={},title=factlint::{}",
                    escape_property(&report.path),
                    escape_data(&e.to_string())
                )
            }
        };
        for d in &file.diagnostics {
            let start = position(&file.doc, d.span.start);
            let end = position(&file.doc, d.span.end);
            let mut props = format!("file={},line={}", escape_property(&report.path), start.line);
            if start.line == end.line {
                props.push_str(&format!(
                    ",col={},endLine={},endColumn={}",
                    start.column, end.line, end.column
                ));
            } else {
                props.push_str(&format!(",endLine={}", end.line));
            }
            props.push_str(&format!(",title={}", escape_property(&d.rule)));
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            writeln!(
                out,
                "::{} {}::{}",
                command(d.severity),
                props,
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }

    fn reports_load_errors(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_expects() {
        assert_eq!(escape_data("50% a\r\nb: c,d"), "50%25 a%0D%0Ab: c,d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
