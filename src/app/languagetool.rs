//! LanguageTool's HTTP API (`/v2/check`, `/v2/languages`), answered with factlint's
//! findings, so that LanguageTool clients (browser add-ons with a custom server,
//! LibreOffice, editor plugins, `language_tool_python` in remote mode) show them as
//! they are.
//!
//! A request carries `text`, or `data`: the text as annotated parts,
//! `{"annotation": [{"text": "..."}, {"markup": "<b>", "interpretAs": ""}]}`, of which
//! the text parts and the `interpretAs` of markup are checked. Offsets and lengths in
//! the answer count UTF-16 code units (Java's string indices, as LanguageTool does) of
//! the text as sent, markup included. `date=YYYY-MM-DD` (factlint's own field) sets the
//! reference date; the answer's `referenceDate` says which date was used and where it
//! came from.

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{parse_iso_date, Document, Format};
use crate::engine::Engine;
use crate::reference::DateSource;
use crate::rules::{id_matches, Rule};
use crate::span::Span;

use super::positions::{floor_char_boundary, utf16_len, PositionMap};

/// The English variants factlint answers for; any other language is refused.
const LANGUAGES: &[(&str, &str)] = &[
    ("English", "en"),
    ("English (US)", "en-US"),
    ("English (GB)", "en-GB"),
    ("English (Australian)", "en-AU"),
    ("English (Canadian)", "en-CA"),
    ("English (New Zealand)", "en-NZ"),
    ("English (South African)", "en-ZA"),
];

/// Characters of context on each side of a match, as LanguageTool's default.
const CONTEXT_CHARS: usize = 40;

/// `GET /v2/languages`
pub fn languages() -> Value {
    LANGUAGES
        .iter()
        .map(|(name, code)| json!({"name": name, "code": "en", "longCode": code}))
        .collect()
}

/// One annotated part of `data`.
#[derive(Debug)]
struct Part {
    /// Byte range in the checked text.
    checked: Span,
    /// Byte range in the text as sent.
    original: Span,
    markup: bool,
}

/// A parsed `/v2/check` request.
#[derive(Debug)]
pub struct CheckRequest {
    /// The text as sent (markup included).
    pub original: String,
    /// The text that is checked (markup replaced by its `interpretAs`).
    pub checked: String,
    parts: Option<Vec<Part>>,
    /// The language as asked (`auto` answers as `en-US`).
    pub language: String,
    pub date: Option<Date>,
    disabled_rules: Vec<String>,
    enabled_rules: Vec<String>,
    enabled_only: bool,
    disabled_categories: Vec<String>,
    enabled_categories: Vec<String>,
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

impl CheckRequest {
    /// Read the form fields of a request; the error is the message for a 400.
    pub fn parse(fields: &[(String, String)]) -> Result<CheckRequest, String> {
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        let language = get("language").unwrap_or("auto").trim().to_string();
        let known = language == "auto"
            || LANGUAGES
                .iter()
                .any(|(_, code)| code.eq_ignore_ascii_case(&language));
        if !known {
            return Err(format!(
                "factlint checks English only: '{language}' is not one of auto, {}",
                LANGUAGES
                    .iter()
                    .map(|(_, c)| *c)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let date = match get("date").map(str::trim).filter(|d| !d.is_empty()) {
            None => None,
            Some(d) => Some(
                parse_iso_date(d)
                    .filter(|_| d.len() == 10)
                    .ok_or_else(|| format!("date: '{d}' is not a date of the form YYYY-MM-DD"))?,
            ),
        };
        let (original, checked, parts) = match (get("text"), get("data")) {
            (Some(text), None) => (text.to_string(), text.to_string(), None),
            (None, Some(data)) => {
                let (original, checked, parts) = parse_annotation(data)?;
                (original, checked, Some(parts))
            }
            (Some(_), Some(_)) => {
                return Err("give either 'text' or 'data', not both".into());
            }
            (None, None) => return Err("missing 'text' or 'data' parameter".into()),
        };
        Ok(CheckRequest {
            original,
            checked,
            parts,
            language,
            date,
            disabled_rules: get("disabledRules").map(list).unwrap_or_default(),
            enabled_rules: get("enabledRules").map(list).unwrap_or_default(),
            enabled_only: get("enabledOnly").is_some_and(|v| v == "true"),
            disabled_categories: get("disabledCategories").map(list).unwrap_or_default(),
            enabled_categories: get("enabledCategories").map(list).unwrap_or_default(),
        })
    }

    /// Whether a rule runs for this request.
    fn runs(&self, rule: &Rule) -> bool {
        let category = category_id(&rule.id);
        let named = |list: &[String]| list.iter().any(|s| id_matches(&rule.id, s));
        let in_category = |list: &[String]| list.iter().any(|c| c.eq_ignore_ascii_case(&category));
        if self.enabled_only {
            return named(&self.enabled_rules) || in_category(&self.enabled_categories);
        }
        !named(&self.disabled_rules) && !in_category(&self.disabled_categories)
    }

    /// A byte offset of the checked text in the text as sent (`end`: the offset ends a
    /// span, so a position inside markup maps to the markup's end).
    fn to_original(&self, offset: usize, end: bool) -> usize {
        let Some(parts) = &self.parts else {
            return offset;
        };
        let holds = |p: &&Part| {
            if end {
                p.checked.start < offset && offset <= p.checked.end
            } else {
                p.checked.start <= offset && offset < p.checked.end
            }
        };
        match parts.iter().find(holds) {
            Some(p) if p.markup => {
                if end {
                    p.original.end
                } else {
                    p.original.start
                }
            }
            Some(p) => p.original.start + (offset - p.checked.start).min(p.original.len()),
            None if end && offset == 0 => 0,
            None => self.original.len(),
        }
    }
}

/// Read LanguageTool's annotation JSON into the text as sent, the checked text and the
/// parts that map one onto the other.
fn parse_annotation(data: &str) -> Result<(String, String, Vec<Part>), String> {
    let bad = |why: &str| {
        format!("data: {why}; expected {{\"annotation\": [{{\"text\": \"...\"}}, {{\"markup\": \"...\", \"interpretAs\": \"...\"}}]}}")
    };
    let value: Value =
        serde_json::from_str(data).map_err(|e| bad(&format!("not valid JSON ({e})")))?;
    let items = value
        .get("annotation")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no 'annotation' array"))?;
    let (mut original, mut checked, mut parts) = (String::new(), String::new(), Vec::new());
    for (i, item) in items.iter().enumerate() {
        let obj = item
            .as_object()
            .ok_or_else(|| bad(&format!("annotation {i} is not an object")))?;
        let field = |name: &str| -> Result<Option<&str>, String> {
            match obj.get(name) {
                None => Ok(None),
                Some(Value::String(s)) => Ok(Some(s)),
                Some(_) => Err(bad(&format!("annotation {i}: '{name}' is not a string"))),
            }
        };
        let (sent, read, markup) = match (field("text")?, field("markup")?) {
            (Some(text), None) => (text, text, false),
            (None, Some(markup)) => (markup, field("interpretAs")?.unwrap_or(""), true),
            _ => {
                return Err(bad(&format!(
                    "annotation {i} has neither or both of 'text' and 'markup'"
                )))
            }
        };
        let o = original.len();
        let c = checked.len();
        original.push_str(sent);
        checked.push_str(read);
        parts.push(Part {
            checked: Span::new(c, checked.len()),
            original: Span::new(o, original.len()),
            markup,
        });
    }
    Ok((original, checked, parts))
}

/// `rule.category` of LanguageTool: one per rule family.
fn category_id(rule: &str) -> String {
    rule.split('.').next().unwrap_or("").to_ascii_uppercase()
}

fn category_name(rule: &str) -> String {
    match rule.split('.').next().unwrap_or("") {
        "date" => "Dates".into(),
        "number" => "Numbers".into(),
        "fact" => "Facts".into(),
        "name" => "Names".into(),
        "style" => "House style".into(),
        "claim" => "Claims".into(),
        other => {
            let mut chars = other.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        }
    }
}

/// LanguageTool's issue type, which clients use for colour.
fn issue_type(rule: &str) -> &'static str {
    match rule.split('.').next().unwrap_or("") {
        "style" => "style",
        "name" => "misspelling",
        _ => "inconsistency",
    }
}

/// The first sentence of a rule's description.
fn short_description(rule: Option<&Rule>, id: &str) -> String {
    let Some(rule) = rule else {
        return id.to_string();
    };
    let text = rule
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match text.find(". ") {
        Some(i) => text[..=i].to_string(),
        None => text,
    }
}

/// Check a request; the JSON answer.
pub fn check(engine: &Engine, request: &CheckRequest) -> Value {
    let rules: Vec<&Rule> = engine.rules.iter().filter(|r| request.runs(r)).collect();
    let doc = Document::from_text("text", request.checked.clone(), Format::Text);
    let checked = engine.check_with(&doc, &rules, request.date);
    let map = PositionMap::new(&request.original);
    let matches: Vec<Value> = checked
        .diagnostics
        .iter()
        .map(|d| match_json(engine, request, &doc, &map, d))
        .collect();
    let code = if request.language == "auto" {
        "en-US"
    } else {
        LANGUAGES
            .iter()
            .map(|(_, c)| *c)
            .find(|c| c.eq_ignore_ascii_case(&request.language))
            .unwrap_or("en-US")
    };
    let name = LANGUAGES
        .iter()
        .find(|(_, c)| *c == code)
        .map_or("English", |(n, _)| n);
    let source = match checked.reference.source {
        DateSource::Flag => "request",
        DateSource::FrontMatter => "front-matter",
        DateSource::HtmlMeta => "html-meta",
        DateSource::Dateline => "dateline",
        DateSource::Inferred => "inferred",
        DateSource::None => "none",
    };
    json!({
        "software": {
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": null,
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": {"incompleteResults": false},
        "language": {
            "name": name,
            "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0, "source": "factlint"},
        },
        "referenceDate": {
            "date": checked.reference.date.map(|d| d.to_string()),
            "source": source,
        },
        "matches": matches,
    })
}

/// One LanguageTool match for one diagnostic.
fn match_json(
    engine: &Engine,
    request: &CheckRequest,
    doc: &Document,
    map: &PositionMap,
    d: &Diagnostic,
) -> Value {
    let text = &request.original;
    // The match covers the diagnostic and its fixes; each replacement rewrites the whole
    // match, as LanguageTool's replacements do. A fix of several places gives its first
    // place here (the match would otherwise cover the text between them); the other
    // places are matches of their own the next time the text is checked.
    let mut checked_span = d.span;
    for fix in d.fix.iter().chain(&d.alternatives) {
        checked_span = checked_span.cover(fix.span);
    }
    let replacement = |fix: &Fix| -> Option<String> {
        let before = doc.source.get(checked_span.start..fix.span.start)?;
        let after = doc.source.get(fix.span.end..checked_span.end)?;
        Some(format!("{before}{}{after}", fix.replacement))
    };
    let replacements: Vec<Value> = d
        .fix
        .iter()
        .chain(&d.alternatives)
        .filter_map(|f| {
            let value = replacement(f)?;
            let mut r = json!({"value": value});
            if !f.safe {
                r["shortDescription"] = json!("check the source first: this may change meaning");
            }
            Some(r)
        })
        .collect();
    let start = floor_char_boundary(text, request.to_original(checked_span.start, false));
    let end = floor_char_boundary(text, request.to_original(checked_span.end, true)).max(start);
    let offset = map.utf16_offset(text, start);
    let length = map.utf16_offset(text, end) - offset;
    let rule = engine.rules.iter().find(|r| r.id == d.rule);
    let message = match &d.help {
        Some(help) => format!("{} — {help}", d.message),
        None => d.message.clone(),
    };
    json!({
        "message": message,
        "shortMessage": "",
        "replacements": replacements,
        "offset": offset,
        "length": length,
        "context": context(text, start, end),
        "sentence": sentence(request, doc, d.span),
        "type": {"typeName": "Other"},
        "rule": {
            "id": d.rule,
            "description": short_description(rule, &d.rule),
            "issueType": issue_type(&d.rule),
            "category": {"id": category_id(&d.rule), "name": category_name(&d.rule)},
            "isPremium": false,
        },
        "ignoreForIncompleteSentence": false,
        "contextForSureMatch": 0,
        "severity": d.severity.as_str(),
        "help": d.help,
    })
}

/// LanguageTool's `context`: up to 40 characters either side of the match, line breaks
/// as spaces, `...` where cut; `offset` and `length` in UTF-16 units within it.
fn context(text: &str, start: usize, end: usize) -> Value {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let left_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let right_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let left = before.get(left_start..).unwrap_or("");
    let middle = text.get(start..end).unwrap_or("");
    let right = after.get(..right_end).unwrap_or("");
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut out = String::new();
    if left_start > 0 {
        out.push_str("...");
    }
    out.push_str(&clean(left));
    let offset = utf16_len(&out);
    out.push_str(&clean(middle));
    out.push_str(&clean(right));
    if right_end < after.len() {
        out.push_str("...");
    }
    json!({"text": out, "offset": offset, "length": utf16_len(middle)})
}

/// The sentence the diagnostic starts in, from the text as sent.
fn sentence(request: &CheckRequest, doc: &Document, span: Span) -> String {
    let found = doc
        .prose
        .sentences
        .iter()
        .map(|s| doc.prose.to_source(*s))
        .find(|s| s.start <= span.start && span.start < s.end.max(s.start + 1));
    let Some(s) = found else {
        return String::new();
    };
    let start = request.to_original(s.start, false);
    let end = request.to_original(s.end, true);
    request
        .original
        .get(start..end)
        .unwrap_or("")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn maps_annotated_markup_back_to_the_text_as_sent() {
        let data = r#"{"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"test"},{"markup":"</b>"},{"markup":"<p>","interpretAs":"\n\n"},{"text":"end"}]}"#;
        let r =
            CheckRequest::parse(&fields(&[("data", data), ("language", "en-US")])).expect("parses");
        assert_eq!(r.original, "A <b>test</b><p>end");
        assert_eq!(r.checked, "A test\n\nend");
        let test = r.checked.find("test").expect("test");
        assert_eq!(r.to_original(test, false), 5);
        assert_eq!(r.to_original(test + 4, true), 9);
        let end = r.checked.find("end").expect("end");
        assert_eq!(
            r.to_original(end, false),
            r.original.find("end").expect("end")
        );
        assert_eq!(r.to_original(r.checked.len(), true), r.original.len());
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in [
            vec![("language", "en-US")],
            vec![("text", "x"), ("language", "de-DE")],
            vec![("text", "x"), ("date", "2026-02-30")],
            vec![("text", "x"), ("data", "{}")],
            vec![("data", "{\"annotation\": [{\"text\": 1}]}")],
            vec![("data", "{\"annotation\": [{}]}")],
            vec![("data", "[")],
        ] {
            assert!(CheckRequest::parse(&fields(&bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn context_counts_utf16_and_marks_cuts() {
        let text = format!("{}😀 Monday here", "x".repeat(60));
        let start = text.find("Monday").expect("Monday");
        let c = context(&text, start, start + 6);
        let ctx = c["text"].as_str().expect("text");
        assert!(ctx.starts_with("..."), "{ctx}");
        let offset = c["offset"].as_u64().expect("offset") as usize;
        let units: Vec<u16> = ctx.encode_utf16().collect();
        assert_eq!(
            String::from_utf16_lossy(&units[offset..offset + 6]),
            "Monday"
        );
    }
}
