//! Markdown: prose from pulldown-cmark's offset iterator.
//!
//! Code (fenced, indented, inline), raw HTML and comments, autolinks, bare URLs, image
//! text and link destinations are not prose. YAML front matter gives the date and title.

use std::sync::LazyLock;

use crate::re::Regex;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::meta::Meta;
use super::prose::{Prose, ProseBuilder};
use crate::span::Span;

/// Bare URLs inside text: not prose, so "v2.0.2026" in a link never reads as a date.
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+").expect("static regex"));

pub fn parse(source: &str) -> (Prose, Meta) {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut b = ProseBuilder::new();
    let mut meta = Meta::default();
    // Depth of constructs whose text is not prose (code blocks, autolinks, images).
    let mut skip = 0usize;
    // For each open link: whether it is an autolink (its text is a URL, not prose).
    let mut links: Vec<bool> = Vec::new();
    // Front matter (after an optional byte-order mark, with any line endings) is read
    // here; the Markdown parser sees only the body, and its ranges are shifted back.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body = match front_matter_range(source, bom) {
        Some((yaml, body)) => {
            meta = super::front_matter::parse(yaml.text(source));
            body
        }
        None => bom,
    };
    for (event, range) in Parser::new_ext(&source[body..], options).into_offset_iter() {
        let span = Span::from(range).shift(body);
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                b.break_paragraph(span.start);
                skip += 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                skip = skip.saturating_sub(1);
                b.break_paragraph(span.end);
            }
            Event::Start(Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::Image) => skip = skip.saturating_sub(1),
            Event::Start(Tag::Link { link_type, .. }) => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                links.push(autolink);
                skip += usize::from(autolink);
            }
            Event::End(TagEnd::Link) => {
                let autolink = links.pop() == Some(true);
                skip = skip.saturating_sub(usize::from(autolink));
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::Item
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::TableCell
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock,
            ) => b.break_paragraph(span.start),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition
                | TagEnd::HtmlBlock,
            ) => b.break_paragraph(span.end),
            Event::Text(text) if skip == 0 => push_text_without_urls(&mut b, source, span, &text),
            Event::Code(_) if skip == 0 => b.space(span.start),
            Event::InlineHtml(html) | Event::Html(html) => {
                collect_directives(source, span, &html, &mut meta.directives)
            }
            Event::SoftBreak if skip == 0 => b.push_mapped(span, " "),
            Event::HardBreak if skip == 0 => b.push_mapped(span, "\n"),
            Event::Rule => b.break_paragraph(span.start),
            _ => {}
        }
    }
    (b.finish(source.len()), meta)
}

/// The YAML between a `---` first line and the next `---` or `...` line, and where the
/// body starts. Unterminated front matter is not front matter.
fn front_matter_range(source: &str, start: usize) -> Option<(Span, usize)> {
    let rest = source.get(start..)?;
    let mut lines = rest.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first.len();
    let mut offset = yaml_start;
    for line in lines {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((Span::new(yaml_start, offset), offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// Suppression directives in the HTML comments of one raw HTML event.
fn collect_directives(
    source: &str,
    span: Span,
    html: &str,
    out: &mut Vec<super::directive::Directive>,
) {
    if source.get(span.start..span.end) != Some(html) {
        return;
    }
    let mut pos = 0;
    while let Some(open) = html[pos..].find("<!--") {
        let body_start = pos + open + 4;
        let Some(close) = html[body_start..].find("-->") else {
            break;
        };
        let end = body_start + close + 3;
        let body = &html[body_start..body_start + close];
        if let Some(d) = super::directive::parse_comment(body, span.start + body_start) {
            out.push(d);
        }
        pos = end;
    }
}

fn push_text_without_urls(b: &mut ProseBuilder, source: &str, span: Span, text: &str) {
    let verbatim = source.get(span.start..span.end) == Some(text);
    if !verbatim {
        // An escape or entity: keep it whole, mapped to its source.
        b.push_mapped(span, text);
        return;
    }
    let mut last = 0;
    let urls = may_have_url(text).then(|| URL.find_iter(text));
    for m in urls.into_iter().flatten() {
        b.push_verbatim(span.start + last, &text[last..m.start()]);
        b.space(span.start + m.start());
        last = m.end();
    }
    b.push_verbatim(span.start + last, &text[last..]);
}

/// Whether `text` has "://" or "www." (any case), without which [`URL`] cannot match.
fn may_have_url(text: &str) -> bool {
    text.contains("://")
        || text.match_indices('.').any(|(i, _)| {
            i >= 3
                && text
                    .get(i - 3..i)
                    .is_some_and(|w| w.eq_ignore_ascii_case("www"))
        })
}

/// Compile the URL regex now.
pub(crate) fn warm_up() {
    LazyLock::force(&URL);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_code_html_urls_and_front_matter() {
        let src = "---\ntitle: T\ndate: 2026-12-01\n---\n\n# Head\n\nSee `Monday, 1 May` and <!-- hidden --> **bold** text at https://x.org/2026-11-29 now.\n\n```\ncode 31 April\n```\n\n    indented 31 April\n\nLast [link](http://e.com/a) line.\n";
        let (prose, meta) = parse(src);
        assert_eq!(
            meta.date.map(|d| d.0.to_string()),
            Some("2026-12-01".into())
        );
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert!(!prose.text.contains("Monday"), "{}", prose.text);
        assert!(!prose.text.contains("hidden"));
        assert!(!prose.text.contains("April"));
        assert!(!prose.text.contains("x.org"));
        assert!(!prose.text.contains("e.com"));
        assert!(prose.text.contains("bold text at"));
        assert!(prose.text.contains("Last link line."));
        for p in &prose.paragraphs {
            let s = prose.to_source(*p);
            assert!(src.get(s.start..s.end).is_some());
        }
        let bold = prose.text.find("bold").unwrap();
        assert_eq!(prose.to_source(Span::new(bold, bold + 4)).text(src), "bold");
    }
}
