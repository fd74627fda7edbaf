//! A sentence splitter for English news prose.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
//! whitespace and a capital letter, a digit or an opening quote, unless the word before
//! the stop is an abbreviation that does not end sentences ("Dr.", "U.S.", "Nov. 29",
//! "J. Smith"). Paragraph ends always end a sentence.

use crate::span::Span;

/// Abbreviations after which a capital letter usually does not start a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "no",
    "nos", "vol", "inc", "corp", "ltd", "co", "bros", "vs", "v", "etc", "approx", "est", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "rd", "e.g",
    "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "ph.d",
];

/// Split every paragraph of `text` into sentences.
pub fn split(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for &para in paragraphs {
        split_paragraph(text, para, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let Some(p) = text.get(para.start..para.end) else {
        return;
    };
    let bytes = p.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next full stop, exclamation or question mark.
        let Some(next) = bytes
            .get(i..)
            .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
        else {
            break;
        };
        i += next;
        let b = bytes[i];
        let mut end = i + 1;
        // Closing quotes and brackets belong to the sentence they close.
        loop {
            let rest = &p[end..];
            let c = rest.chars().next();
            match c {
                Some('"' | '\'' | ')' | ']' | '”' | '’' | '.' | '!' | '?') => {
                    end += c.map_or(1, char::len_utf8)
                }
                _ => break,
            }
        }
        let rest = &p[end..];
        let after_ws = rest.trim_start();
        let ws = rest.len() - after_ws.len();
        if ws > 0 && starts_sentence(after_ws) && !(b == b'.' && is_abbreviation(&p[..i])) {
            push_trimmed(p, para.start, start, end, out);
            start = end + ws;
            i = start;
            continue;
        }
        i = end;
    }
    push_trimmed(p, para.start, start, p.len(), out);
}

fn push_trimmed(p: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(
            base + start + lead,
            base + start + lead + trimmed.len(),
        ));
    }
}

fn starts_sentence(s: &str) -> bool {
    match s.chars().next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '“' | '‘' | '\'' | '(' | '[') => true,
        _ => false,
    }
}

/// Whether the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. Smith"); "U.S" and "e.g" have inner dots.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[Span::new(0, text.len())])
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_and_dates_whole() {
        assert_eq!(
            sentences(
                "Dr. Lee met U.S. officials on Nov. 29 in Geneva. Talks ended. J. Smith left!"
            ),
            vec![
                "Dr. Lee met U.S. officials on Nov. 29 in Geneva.",
                "Talks ended.",
                "J. Smith left!"
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said: “It is over.” Then he left. 'Why?' she asked."),
            vec![
                "He said: “It is over.”",
                "Then he left.",
                "'Why?' she asked."
            ]
        );
    }

    #[test]
    fn decimals_and_lower_case_do_not_split() {
        assert_eq!(
            sentences("Prices rose 1.5 per cent. in March, e.g. in shops."),
            vec!["Prices rose 1.5 per cent. in March, e.g. in shops."]
        );
    }
}
