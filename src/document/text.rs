//! Plain text: everything is prose; blank lines separate paragraphs.

use super::directive::parse_text_line;
use super::meta::Meta;
use super::prose::{Prose, ProseBuilder};
use crate::span::Span;

pub fn parse(source: &str) -> (Prose, Meta) {
    let mut b = ProseBuilder::new();
    let mut meta = Meta::default();
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut offset = start;
    let mut blank_run = false;
    for line in source[start..].split_inclusive('\n') {
        let is_blank = line.trim().is_empty();
        let directive = line
            .trim_start()
            .starts_with("factlint:")
            .then(|| {
                let trimmed = line.trim_end().len();
                parse_text_line(line, Span::new(offset, offset + trimmed))
            })
            .flatten();
        if let Some(d) = directive {
            // A directive line is not prose.
            meta.directives.push(d);
            b.break_paragraph(offset);
            blank_run = true;
        } else if is_blank {
            if !blank_run {
                b.break_paragraph(offset);
            }
            blank_run = true;
        } else {
            blank_run = false;
            b.push_verbatim(offset, line);
        }
        offset += line.len();
    }
    (b.finish(source.len()), meta)
}
