//! Plain text: everything is prose; blank lines separate paragraphs.

use super::{Meta, Prose, ProseBuilder};

pub fn parse(source: &str) -> (Prose, Meta) {
    let mut b = ProseBuilder::new();
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut offset = start;
    let mut blank_run = false;
    for line in source[start..].split_inclusive('\n') {
        let is_blank = line.trim().is_empty();
        if is_blank {
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
    (b.finish(source.len()), Meta::default())
}
