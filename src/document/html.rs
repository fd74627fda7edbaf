//! HTML: body text with exact byte ranges.
//!
//! A small tokenizer rather than a full HTML5 tree builder: a linter needs the text
//! between tags with its source offsets, not a DOM, and must never fail on broken markup.
//! `script`, `style`, `template`, `noscript`, `head` (except `<title>`) and comments are
//! not prose; block-level tags end a paragraph; entities are decoded and mapped back to
//! their source range. The publication date comes from
//! `<meta property="article:published_time">`, `<meta name="date">` or the first
//! `<time datetime>`.

use super::meta::{parse_iso_date, Meta, MetaDateSource};
use super::prose::{Prose, ProseBuilder};
use crate::span::Span;

/// Tags whose content is never prose.
const RAW_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "svg", "math",
];

/// Tags that start or end a block of running text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "head",
    "html",
];

pub fn parse(source: &str) -> (Prose, Meta) {
    let mut b = ProseBuilder::new();
    let mut meta = Meta::default();
    let mut published: Option<jiff::civil::Date> = None;
    let mut meta_date: Option<jiff::civil::Date> = None;
    let mut time_date: Option<jiff::civil::Date> = None;
    let bytes = source.as_bytes();
    let mut i = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let mut text_start = i;
    let mut in_head = false;
    let mut in_title = false;
    let mut title = String::new();
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        // Text before this '<'.
        flush_text(
            &mut b,
            source,
            text_start,
            i,
            in_head && !in_title,
            in_title,
            &mut title,
        );
        if source[i..].starts_with("<!--") {
            let end = source[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |e| i + 4 + e + 3);
            if let Some(body) = source.get(i + 4..end.saturating_sub(3).max(i + 4)) {
                if let Some(d) = crate::suppress::parse_comment(body, i + 4) {
                    meta.directives.push(d);
                }
            }
            i = end;
            text_start = i;
            continue;
        }
        if source[i..].starts_with("<!") || source[i..].starts_with("<?") {
            let end = source[i..].find('>').map_or(bytes.len(), |e| i + e + 1);
            i = end;
            text_start = i;
            continue;
        }
        let Some(tag) = read_tag(source, i) else {
            // A lone '<' is text.
            i += 1;
            continue;
        };
        let name = tag.name.as_str();
        if !tag.closing {
            match name {
                "meta" => {
                    let key = tag
                        .attr(source, "property")
                        .or_else(|| tag.attr(source, "name"))
                        .map(|k| k.to_ascii_lowercase());
                    let content = tag.attr(source, "content");
                    match (key.as_deref(), content) {
                        (Some("article:published_time"), Some(c)) => {
                            published = published.or_else(|| parse_iso_date(&c))
                        }
                        (Some("date" | "dc.date" | "pubdate"), Some(c)) => {
                            meta_date = meta_date.or_else(|| parse_iso_date(&c))
                        }
                        _ => {}
                    }
                }
                "time" => {
                    if let Some(dt) = tag.attr(source, "datetime") {
                        time_date = time_date.or_else(|| parse_iso_date(&dt));
                    }
                }
                "head" => in_head = true,
                "title" => in_title = true,
                _ => {}
            }
        } else {
            match name {
                "head" => in_head = false,
                "title" => in_title = false,
                _ => {}
            }
        }
        if BLOCK.contains(&name) {
            b.break_paragraph(i);
        } else if matches!(name, "td" | "th" | "img" | "input") {
            b.space(i);
        }
        i = tag.end;
        if !tag.closing && !tag.self_closing && RAW_TEXT.contains(&name) {
            // Skip to the matching close tag, case-insensitively.
            let close = format!("</{name}");
            i = find_ascii_ci(source, i, &close).unwrap_or(bytes.len());
        }
        text_start = i;
    }
    flush_text(
        &mut b,
        source,
        text_start,
        bytes.len(),
        in_head && !in_title,
        in_title,
        &mut title,
    );
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    meta.title = (!title.is_empty()).then_some(title);
    meta.date = published
        .or(meta_date)
        .or(time_date)
        .map(|d| (d, MetaDateSource::HtmlMeta));
    (b.finish(source.len()), meta)
}

fn flush_text(
    b: &mut ProseBuilder,
    source: &str,
    start: usize,
    end: usize,
    skip: bool,
    in_title: bool,
    title: &mut String,
) {
    if start >= end || skip {
        return;
    }
    let Some(text) = source.get(start..end) else {
        return;
    };
    if in_title {
        title.push_str(&decode_entities_to_string(text));
        return;
    }
    let mut last = 0;
    let mut pos = 0;
    while let Some(amp) = text[pos..].find('&') {
        let at = pos + amp;
        if let Some((decoded, len)) = decode_entity(&text[at..]) {
            b.push_verbatim(start + last, &text[last..at]);
            let mut buf = [0u8; 4];
            b.push_mapped(
                Span::new(start + at, start + at + len),
                decoded.encode_utf8(&mut buf),
            );
            last = at + len;
            pos = last;
        } else {
            pos = at + 1;
        }
    }
    b.push_verbatim(start + last, &text[last..]);
}

fn decode_entities_to_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        match decode_entity(&rest[amp..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[amp + len..];
            }
            None => {
                out.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decode the entity at the start of `s` ("&amp;", "&#8217;", "&#x2019;").
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let semi = s.get(..s.len().min(12))?.find(';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        named_entity(body)?
    };
    Some((c, semi + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "times" => '×',
        "minus" => '−',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        _ => return None,
    })
}

struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    /// Byte range of the attribute text inside the tag.
    attrs: Span,
    end: usize,
}

impl Tag {
    /// The value of attribute `want` (quoted or bare), entities decoded.
    fn attr(&self, source: &str, want: &str) -> Option<String> {
        let s = self.attrs.text(source);
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let name_start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
                i += 1;
            }
            let name = &s[name_start..i];
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let vs = i + 1;
                    i = vs;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    value = &s[vs..i];
                    i = (i + 1).min(b.len());
                } else {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &s[vs..i];
                }
            }
            if name.eq_ignore_ascii_case(want) {
                return Some(decode_entities_to_string(value));
            }
            if name_start == i {
                i += 1;
            }
        }
        None
    }
}

/// Read a tag starting at `<` at `start`; `None` when it is not a tag.
fn read_tag(source: &str, start: usize) -> Option<Tag> {
    let b = source.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name = source[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    // Find the closing '>' outside quotes.
    let mut quote: Option<u8> = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'"' | b'\'') => quote = Some(b[i]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => break,
            _ => {}
        }
        i += 1;
    }
    let attrs_end = i.min(b.len());
    let self_closing = attrs_end > attrs_start && b[attrs_end - 1] == b'/';
    Some(Tag {
        name,
        closing,
        self_closing,
        attrs: Span::new(attrs_start, attrs_end),
        end: (i + 1).min(b.len()),
    })
}

fn find_ascii_ci(source: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = source.as_bytes().get(from..)?;
    let n = needle.as_bytes();
    hay.windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_body_text_dates_and_entities() {
        let src = "<html><head><title>A &amp; B</title><meta property=\"article:published_time\" content=\"2026-12-01T08:00:00Z\"><style>p{}</style></head><body><p>On <b>Monday</b>, 29&nbsp;November 2026 AT&amp;T said</p><script>var x = '31 April';</script><p>Next</p></body></html>";
        let (prose, meta) = parse(src);
        assert_eq!(meta.title.as_deref(), Some("A & B"));
        assert_eq!(
            meta.date.map(|d| d.0.to_string()),
            Some("2026-12-01".into())
        );
        assert!(
            prose
                .text
                .contains("On Monday, 29\u{a0}November 2026 AT&T said"),
            "{:?}",
            prose.text
        );
        assert!(!prose.text.contains("April"));
        assert!(!prose.text.contains("p{}"));
        let at = prose.text.find("AT&T").unwrap();
        assert_eq!(prose.to_source(Span::new(at, at + 4)).text(src), "AT&amp;T");
        let mon = prose.text.find("Monday").unwrap();
        assert_eq!(prose.to_source(Span::new(mon, mon + 6)).text(src), "Monday");
        assert_eq!(prose.paragraphs.len(), 2);
    }

    #[test]
    fn survives_broken_markup() {
        for src in [
            "<",
            "<p",
            "<p class='x",
            "a < b > c",
            "&#xFFFFFFFF; &#0; &",
            "<script>never closed",
            "<!-- open",
        ] {
            let (prose, _) = parse(src);
            for p in &prose.paragraphs {
                let s = prose.to_source(*p);
                assert!(src.get(s.start..s.end).is_some());
            }
        }
    }
}
