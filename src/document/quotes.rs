//! Quotations: the one place that decides what a speaker says rather than the writer.
//!
//! A quotation opens at “ or " and closes at the next ” or " in its paragraph; one left
//! open runs to the end of the paragraph (a quote continued in the next paragraph opens
//! again there, as news style writes it). Single quotes are left alone: they are far
//! more often apostrophes.

use crate::span::Span;

/// The quotations of `text`, paragraph by paragraph, sorted and disjoint; each span
/// runs from its opening mark to just after its closing one.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs {
        let Some(body) = text.get(para.start..para.end) else {
            continue;
        };
        let mut open: Option<usize> = None;
        for (i, c) in body.char_indices() {
            let at = para.start + i;
            match (c, open) {
                ('“' | '"', None) => open = Some(at),
                ('”' | '"', Some(start)) => {
                    out.push(Span::new(start, at + c.len_utf8()));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            out.push(Span::new(start, para.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paragraphs: Vec<Span> = text
            .split("\n\n")
            .scan(0, |at, p| {
                let span = Span::new(*at, *at + p.len());
                *at += p.len() + 2;
                Some(span)
            })
            .collect();
        find(text, &paragraphs)
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn pairs_straight_and_curly_marks_within_a_paragraph() {
        assert_eq!(
            quoted("He said “we will” and \"it may\" rain."),
            ["“we will”", "\"it may\""]
        );
    }

    #[test]
    fn an_open_quotation_runs_to_the_end_of_its_paragraph_only() {
        assert_eq!(
            quoted("“We will open in May.\n\nThe port is ready."),
            ["“We will open in May."]
        );
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        assert!(quoted("The city's plan, Mayor Lee's 'big idea'.").is_empty());
    }
}
