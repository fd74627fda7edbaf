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
                if let Some(d) = super::directive::parse_comment(body, i + 4) {
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
    // The longest reference ("&#x10FFFF;", "&thetasym;") ends within 12 bytes. Look for
    // the ';' among bytes, so a multi-byte character there cannot stop the search.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
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

/// The named character references of HTML 4 (all 252, sorted by name for binary search;
/// the same list as the HTML 4.01 entity sets: Latin-1, symbols and Greek, special).
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("AElig", '\u{c6}'),
    ("Aacute", '\u{c1}'),
    ("Acirc", '\u{c2}'),
    ("Agrave", '\u{c0}'),
    ("Alpha", '\u{391}'),
    ("Aring", '\u{c5}'),
    ("Atilde", '\u{c3}'),
    ("Auml", '\u{c4}'),
    ("Beta", '\u{392}'),
    ("Ccedil", '\u{c7}'),
    ("Chi", '\u{3a7}'),
    ("Dagger", '\u{2021}'),
    ("Delta", '\u{394}'),
    ("ETH", '\u{d0}'),
    ("Eacute", '\u{c9}'),
    ("Ecirc", '\u{ca}'),
    ("Egrave", '\u{c8}'),
    ("Epsilon", '\u{395}'),
    ("Eta", '\u{397}'),
    ("Euml", '\u{cb}'),
    ("Gamma", '\u{393}'),
    ("Iacute", '\u{cd}'),
    ("Icirc", '\u{ce}'),
    ("Igrave", '\u{cc}'),
    ("Iota", '\u{399}'),
    ("Iuml", '\u{cf}'),
    ("Kappa", '\u{39a}'),
    ("Lambda", '\u{39b}'),
    ("Mu", '\u{39c}'),
    ("Ntilde", '\u{d1}'),
    ("Nu", '\u{39d}'),
    ("OElig", '\u{152}'),
    ("Oacute", '\u{d3}'),
    ("Ocirc", '\u{d4}'),
    ("Ograve", '\u{d2}'),
    ("Omega", '\u{3a9}'),
    ("Omicron", '\u{39f}'),
    ("Oslash", '\u{d8}'),
    ("Otilde", '\u{d5}'),
    ("Ouml", '\u{d6}'),
    ("Phi", '\u{3a6}'),
    ("Pi", '\u{3a0}'),
    ("Prime", '\u{2033}'),
    ("Psi", '\u{3a8}'),
    ("Rho", '\u{3a1}'),
    ("Scaron", '\u{160}'),
    ("Sigma", '\u{3a3}'),
    ("THORN", '\u{de}'),
    ("Tau", '\u{3a4}'),
    ("Theta", '\u{398}'),
    ("Uacute", '\u{da}'),
    ("Ucirc", '\u{db}'),
    ("Ugrave", '\u{d9}'),
    ("Upsilon", '\u{3a5}'),
    ("Uuml", '\u{dc}'),
    ("Xi", '\u{39e}'),
    ("Yacute", '\u{dd}'),
    ("Yuml", '\u{178}'),
    ("Zeta", '\u{396}'),
    ("aacute", '\u{e1}'),
    ("acirc", '\u{e2}'),
    ("acute", '\u{b4}'),
    ("aelig", '\u{e6}'),
    ("agrave", '\u{e0}'),
    ("alefsym", '\u{2135}'),
    ("alpha", '\u{3b1}'),
    ("amp", '\u{26}'),
    ("and", '\u{2227}'),
    ("ang", '\u{2220}'),
    ("aring", '\u{e5}'),
    ("asymp", '\u{2248}'),
    ("atilde", '\u{e3}'),
    ("auml", '\u{e4}'),
    ("bdquo", '\u{201e}'),
    ("beta", '\u{3b2}'),
    ("brvbar", '\u{a6}'),
    ("bull", '\u{2022}'),
    ("cap", '\u{2229}'),
    ("ccedil", '\u{e7}'),
    ("cedil", '\u{b8}'),
    ("cent", '\u{a2}'),
    ("chi", '\u{3c7}'),
    ("circ", '\u{2c6}'),
    ("clubs", '\u{2663}'),
    ("cong", '\u{2245}'),
    ("copy", '\u{a9}'),
    ("crarr", '\u{21b5}'),
    ("cup", '\u{222a}'),
    ("curren", '\u{a4}'),
    ("dArr", '\u{21d3}'),
    ("dagger", '\u{2020}'),
    ("darr", '\u{2193}'),
    ("deg", '\u{b0}'),
    ("delta", '\u{3b4}'),
    ("diams", '\u{2666}'),
    ("divide", '\u{f7}'),
    ("eacute", '\u{e9}'),
    ("ecirc", '\u{ea}'),
    ("egrave", '\u{e8}'),
    ("empty", '\u{2205}'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", '\u{3b5}'),
    ("equiv", '\u{2261}'),
    ("eta", '\u{3b7}'),
    ("eth", '\u{f0}'),
    ("euml", '\u{eb}'),
    ("euro", '\u{20ac}'),
    ("exist", '\u{2203}'),
    ("fnof", '\u{192}'),
    ("forall", '\u{2200}'),
    ("frac12", '\u{bd}'),
    ("frac14", '\u{bc}'),
    ("frac34", '\u{be}'),
    ("frasl", '\u{2044}'),
    ("gamma", '\u{3b3}'),
    ("ge", '\u{2265}'),
    ("gt", '\u{3e}'),
    ("hArr", '\u{21d4}'),
    ("harr", '\u{2194}'),
    ("hearts", '\u{2665}'),
    ("hellip", '\u{2026}'),
    ("iacute", '\u{ed}'),
    ("icirc", '\u{ee}'),
    ("iexcl", '\u{a1}'),
    ("igrave", '\u{ec}'),
    ("image", '\u{2111}'),
    ("infin", '\u{221e}'),
    ("int", '\u{222b}'),
    ("iota", '\u{3b9}'),
    ("iquest", '\u{bf}'),
    ("isin", '\u{2208}'),
    ("iuml", '\u{ef}'),
    ("kappa", '\u{3ba}'),
    ("lArr", '\u{21d0}'),
    ("lambda", '\u{3bb}'),
    ("lang", '\u{2329}'),
    ("laquo", '\u{ab}'),
    ("larr", '\u{2190}'),
    ("lceil", '\u{2308}'),
    ("ldquo", '\u{201c}'),
    ("le", '\u{2264}'),
    ("lfloor", '\u{230a}'),
    ("lowast", '\u{2217}'),
    ("loz", '\u{25ca}'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '\u{2039}'),
    ("lsquo", '\u{2018}'),
    ("lt", '\u{3c}'),
    ("macr", '\u{af}'),
    ("mdash", '\u{2014}'),
    ("micro", '\u{b5}'),
    ("middot", '\u{b7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{3bc}'),
    ("nabla", '\u{2207}'),
    ("nbsp", '\u{a0}'),
    ("ndash", '\u{2013}'),
    ("ne", '\u{2260}'),
    ("ni", '\u{220b}'),
    ("not", '\u{ac}'),
    ("notin", '\u{2209}'),
    ("nsub", '\u{2284}'),
    ("ntilde", '\u{f1}'),
    ("nu", '\u{3bd}'),
    ("oacute", '\u{f3}'),
    ("ocirc", '\u{f4}'),
    ("oelig", '\u{153}'),
    ("ograve", '\u{f2}'),
    ("oline", '\u{203e}'),
    ("omega", '\u{3c9}'),
    ("omicron", '\u{3bf}'),
    ("oplus", '\u{2295}'),
    ("or", '\u{2228}'),
    ("ordf", '\u{aa}'),
    ("ordm", '\u{ba}'),
    ("oslash", '\u{f8}'),
    ("otilde", '\u{f5}'),
    ("otimes", '\u{2297}'),
    ("ouml", '\u{f6}'),
    ("para", '\u{b6}'),
    ("part", '\u{2202}'),
    ("permil", '\u{2030}'),
    ("perp", '\u{22a5}'),
    ("phi", '\u{3c6}'),
    ("pi", '\u{3c0}'),
    ("piv", '\u{3d6}'),
    ("plusmn", '\u{b1}'),
    ("pound", '\u{a3}'),
    ("prime", '\u{2032}'),
    ("prod", '\u{220f}'),
    ("prop", '\u{221d}'),
    ("psi", '\u{3c8}'),
    ("quot", '\u{22}'),
    ("rArr", '\u{21d2}'),
    ("radic", '\u{221a}'),
    ("rang", '\u{232a}'),
    ("raquo", '\u{bb}'),
    ("rarr", '\u{2192}'),
    ("rceil", '\u{2309}'),
    ("rdquo", '\u{201d}'),
    ("real", '\u{211c}'),
    ("reg", '\u{ae}'),
    ("rfloor", '\u{230b}'),
    ("rho", '\u{3c1}'),
    ("rlm", '\u{200f}'),
    ("rsaquo", '\u{203a}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201a}'),
    ("scaron", '\u{161}'),
    ("sdot", '\u{22c5}'),
    ("sect", '\u{a7}'),
    ("shy", '\u{ad}'),
    ("sigma", '\u{3c3}'),
    ("sigmaf", '\u{3c2}'),
    ("sim", '\u{223c}'),
    ("spades", '\u{2660}'),
    ("sub", '\u{2282}'),
    ("sube", '\u{2286}'),
    ("sum", '\u{2211}'),
    ("sup", '\u{2283}'),
    ("sup1", '\u{b9}'),
    ("sup2", '\u{b2}'),
    ("sup3", '\u{b3}'),
    ("supe", '\u{2287}'),
    ("szlig", '\u{df}'),
    ("tau", '\u{3c4}'),
    ("there4", '\u{2234}'),
    ("theta", '\u{3b8}'),
    ("thetasym", '\u{3d1}'),
    ("thinsp", '\u{2009}'),
    ("thorn", '\u{fe}'),
    ("tilde", '\u{2dc}'),
    ("times", '\u{d7}'),
    ("trade", '\u{2122}'),
    ("uArr", '\u{21d1}'),
    ("uacute", '\u{fa}'),
    ("uarr", '\u{2191}'),
    ("ucirc", '\u{fb}'),
    ("ugrave", '\u{f9}'),
    ("uml", '\u{a8}'),
    ("upsih", '\u{3d2}'),
    ("upsilon", '\u{3c5}'),
    ("uuml", '\u{fc}'),
    ("weierp", '\u{2118}'),
    ("xi", '\u{3be}'),
    ("yacute", '\u{fd}'),
    ("yen", '\u{a5}'),
    ("yuml", '\u{ff}'),
    ("zeta", '\u{3b6}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

fn named_entity(name: &str) -> Option<char> {
    NAMED_ENTITIES
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .and_then(|i| NAMED_ENTITIES.get(i))
        .map(|&(_, c)| c)
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
    fn regression_an_entity_before_a_multibyte_character_is_decoded() {
        // Byte 12 of the look-ahead falls inside the curly quote.
        assert_eq!(decode_entity("&rsquo;“Hello”"), Some(('’', 7)));
        assert_eq!(decode_entities_to_string("It&rsquo;“s"), "It’“s");
        assert_eq!(decode_entity("&amp;é"), Some(('&', 5)));
    }

    #[test]
    fn decodes_the_named_entities_of_html_4() {
        assert_eq!(
            decode_entities_to_string(
                "&Eacute;cole &bull; caf&eacute; &ndash; &szlig; &Omega; &thetasym; &euro;"
            ),
            "École • café – ß Ω ϑ €"
        );
        assert!(
            NAMED_ENTITIES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted for binary search"
        );
        assert_eq!(decode_entity("&nosuch;"), None);
    }

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
