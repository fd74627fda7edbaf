//! `compact`: one line per diagnostic, `PATH:LINE:COL: SEVERITY [RULE] MESSAGE`.

use std::io::{self, Write};

use super::report::{FileReport, Renderer, Summary};

pub struct Compact;

impl Renderer for Compact {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let Ok(file) = &report.outcome else {
            return Ok(());
        };
        let doc = &file.doc;
        for d in &file.diagnostics {
            let pos = doc.line_index.position(&doc.source, d.span.start);
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                report.path, pos.line, pos.column, d.severity, d.rule, d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
