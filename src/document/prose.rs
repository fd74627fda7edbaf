//! The prose of a document: the text rules read, with a map back to source bytes.
//!
//! Markup, code, URLs and front matter are left out, inline markup disappears
//! ("**Monday**, 29 Nov" reads as "Monday, 29 Nov") and entities are decoded. Each piece
//! of prose remembers where it came from: a *linear* segment is a verbatim copy of the
//! source, so every byte maps exactly; a *mapped* segment (a decoded entity, an escape,
//! a paragraph break) maps as a whole to its source range.

use crate::span::Span;

#[derive(Clone, Copy, Debug)]
struct Segment {
    prose: usize,
    src: usize,
    prose_len: usize,
    src_len: usize,
    linear: bool,
}

/// Prose text with its offset map, paragraphs and sentences (all in prose offsets).
#[derive(Clone, Debug, Default)]
pub struct Prose {
    pub text: String,
    segments: Vec<Segment>,
    /// Blocks of running text: paragraphs, headings, list items, table cells.
    pub paragraphs: Vec<Span>,
    /// Sentences, each inside one paragraph.
    pub sentences: Vec<Span>,
    /// Quotations (see [`super::quotes`]), sorted and disjoint.
    pub quotations: Vec<Span>,
}

impl Prose {
    /// `text` as one paragraph and one sentence, mapped verbatim (for tests of the
    /// recognizers).
    #[cfg(test)]
    pub fn single_block(text: &str) -> Prose {
        let all = vec![Span::new(0, text.len())];
        Prose {
            text: text.to_string(),
            segments: Vec::new(),
            quotations: super::quotes::find(text, &all),
            paragraphs: all.clone(),
            sentences: all,
        }
    }

    /// Whether the text at `pos` is inside a quotation.
    pub fn is_quoted(&self, pos: usize) -> bool {
        let i = self.quotations.partition_point(|q| q.start < pos);
        i.checked_sub(1)
            .and_then(|i| self.quotations.get(i))
            .is_some_and(|q| pos < q.end)
    }

    /// The sentence that holds the text at `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        containing(&self.sentences, pos)
    }

    /// The paragraph that holds the text at `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<Span> {
        containing(&self.paragraphs, pos)
    }

    /// Map a prose span to source bytes. Spans inside verbatim text map exactly;
    /// a span touching a decoded entity widens to cover the entity's source.
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        let end = self.map_end(span.end).max(start);
        Span::new(start, end)
    }

    /// Whether `span` maps byte for byte onto the source (so a fix can be applied there).
    pub fn is_verbatim(&self, span: Span) -> bool {
        let Some(i) = self.segment_at(span.start) else {
            return span.is_empty();
        };
        let seg = self.segments[i];
        seg.linear && span.end <= seg.prose + seg.prose_len
    }

    fn segment_at(&self, p: usize) -> Option<usize> {
        // Last segment starting at or before p.
        let i = self.segments.partition_point(|s| s.prose <= p);
        i.checked_sub(1)
    }

    fn map_start(&self, p: usize) -> usize {
        let Some(i) = self.segment_at(p) else {
            return self.segments.first().map_or(0, |s| s.src);
        };
        let seg = self.segments[i];
        if p >= seg.prose + seg.prose_len {
            seg.src + seg.src_len
        } else if seg.linear {
            seg.src + (p - seg.prose)
        } else {
            seg.src
        }
    }

    fn map_end(&self, p: usize) -> usize {
        // Last segment starting strictly before p: an end offset belongs to the text before it.
        let i = self.segments.partition_point(|s| s.prose < p);
        let Some(i) = i.checked_sub(1) else {
            return self.segments.first().map_or(0, |s| s.src);
        };
        let seg = self.segments[i];
        if seg.linear {
            seg.src + (p - seg.prose).min(seg.prose_len)
        } else {
            seg.src + seg.src_len
        }
    }
}

/// The span of sorted, disjoint `spans` that holds `pos` (its start included).
fn containing(spans: &[Span], pos: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start <= pos);
    spans
        .get(i.checked_sub(1)?)
        .copied()
        .filter(|s| pos < s.end || s.is_empty() && pos == s.start)
}

/// Builds [`Prose`] piece by piece while a loader walks the markup.
#[derive(Debug, Default)]
pub struct ProseBuilder {
    prose: Prose,
    para_start: usize,
}

impl ProseBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Text copied verbatim from the source at `src`.
    pub fn push_verbatim(&mut self, src: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let prose = self.prose.text.len();
        if let Some(last) = self.prose.segments.last_mut() {
            if last.linear && last.prose + last.prose_len == prose && last.src + last.src_len == src
            {
                last.prose_len += text.len();
                last.src_len += text.len();
                self.prose.text.push_str(text);
                return;
            }
        }
        self.prose.segments.push(Segment {
            prose,
            src,
            prose_len: text.len(),
            src_len: text.len(),
            linear: true,
        });
        self.prose.text.push_str(text);
    }

    /// Text that stands for the source range `src` (a decoded entity, an escape).
    pub fn push_mapped(&mut self, src: Span, text: &str) {
        if text.is_empty() {
            return;
        }
        self.prose.segments.push(Segment {
            prose: self.prose.text.len(),
            src: src.start,
            prose_len: text.len(),
            src_len: src.len(),
            linear: false,
        });
        self.prose.text.push_str(text);
    }

    /// Text whose source may differ from it: verbatim when it is, mapped otherwise.
    pub fn push_text(&mut self, source: &str, src: Span, text: &str) {
        if source.get(src.start..src.end) == Some(text) {
            self.push_verbatim(src.start, text);
        } else {
            self.push_mapped(src, text);
        }
    }

    /// A space between inline pieces (where inline code or a tag stood), unless one is there.
    pub fn space(&mut self, src: usize) {
        let t = &self.prose.text;
        if t.len() > self.para_start && !t.ends_with(char::is_whitespace) {
            self.push_mapped(Span::new(src, src), " ");
        }
    }

    /// End the current paragraph (if it has text) at source offset `src`.
    pub fn break_paragraph(&mut self, src: usize) {
        let end = self.prose.text.len();
        let text = &self.prose.text[self.para_start..end];
        let trimmed_end = self.para_start + text.trim_end().len();
        let trimmed_start = trimmed_end - text[..trimmed_end - self.para_start].trim_start().len();
        if trimmed_end > trimmed_start {
            self.prose
                .paragraphs
                .push(Span::new(trimmed_start, trimmed_end));
            self.push_mapped(Span::new(src, src), "\n\n");
        }
        self.para_start = self.prose.text.len();
    }

    pub fn finish(mut self, src_end: usize) -> Prose {
        self.break_paragraph(src_end);
        // The trailing separator of the last paragraph is not needed.
        if self.prose.text.ends_with("\n\n") {
            let len = self.prose.text.len() - 2;
            self.prose.text.truncate(len);
            self.prose.segments.pop();
        }
        self.prose.sentences = super::sentences::split(&self.prose.text, &self.prose.paragraphs);
        self.prose.quotations = super::quotes::find(&self.prose.text, &self.prose.paragraphs);
        self.prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_verbatim_and_decoded_text_back_to_source() {
        let source = "<p>AT&amp;T <b>rose</b></p>";
        let mut b = ProseBuilder::new();
        b.push_verbatim(3, "AT");
        b.push_mapped(Span::new(5, 10), "&");
        b.push_verbatim(10, "T ");
        b.push_verbatim(15, "rose");
        let p = b.finish(source.len());
        assert_eq!(p.text, "AT&T rose");
        let rose = Span::new(5, 9);
        assert_eq!(p.to_source(rose).text(source), "rose");
        assert_eq!(p.to_source(Span::new(0, 4)).text(source), "AT&amp;T");
        assert!(p.is_verbatim(rose));
        assert!(!p.is_verbatim(Span::new(0, 4)));
        assert_eq!(p.paragraphs, vec![Span::new(0, 9)]);
    }
}
