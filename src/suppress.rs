//! Suppression directives: comments in an article that silence findings.
//!
//! Markdown and HTML: `<!-- factlint-disable-next-line RULE -- reason -->`,
//! `<!-- factlint-disable RULE -->` ... `<!-- factlint-enable RULE -->` and
//! `<!-- factlint-ignore RULE "exact text" -->` (one finding whose flagged text is that
//! text). Plain text: the same on a line of its own, `factlint: disable-next-line RULE`.
//! RULE is one or more rule ids or prefixes (`date.`), separated by spaces or commas;
//! none means every rule. The document loaders collect directives with their spans;
//! the engine applies them and reports those that silenced nothing.

use crate::diagnostic::Diagnostic;
use crate::document::directive::{Directive, DirectiveKind};
use crate::document::Document;
use crate::rules::id_matches;

/// Whether `directive` applies to rule `rule`.
fn covers_rule(directive: &Directive, rule: &str) -> bool {
    directive.rules.is_empty() || directive.rules.iter().any(|sel| id_matches(rule, sel))
}

/// Remove the diagnostics that `doc`'s directives silence. Returns the directives that
/// silenced nothing, except those naming a rule in `idle` (loaded but not run on this
/// document, so it cannot be told whether they are needed).
pub fn apply<'d>(
    doc: &'d Document,
    diagnostics: &mut Vec<Diagnostic>,
    idle: &[&str],
) -> Vec<&'d Directive> {
    let directives = &doc.directives;
    if directives.is_empty() {
        return Vec::new();
    }
    let mut used = vec![false; directives.len()];
    let mut keep = vec![true; diagnostics.len()];
    let line_of = |offset: usize| doc.line_index.line_of(offset.min(doc.source.len()));
    // Where each `disable` ends: the next `enable` that names one of its rules (or none).
    let region_end = |i: usize, d: &Directive| {
        directives[i + 1..]
            .iter()
            .find(|e| {
                e.kind == DirectiveKind::Enable
                    && (e.rules.is_empty()
                        || d.rules.is_empty()
                        || e.rules.iter().any(|r| d.rules.contains(r)))
            })
            .map_or(usize::MAX, |e| e.span.start)
    };
    for (i, dir) in directives.iter().enumerate() {
        match &dir.kind {
            DirectiveKind::Enable | DirectiveKind::Malformed(_) => {}
            DirectiveKind::DisableNextLine => {
                let target = line_of(dir.span.end.saturating_sub(1).max(dir.span.start)) + 1;
                for (k, d) in diagnostics.iter().enumerate() {
                    if line_of(d.span.start) == target && covers_rule(dir, &d.rule) {
                        keep[k] = false;
                        used[i] = true;
                    }
                }
            }
            DirectiveKind::Disable => {
                let end = region_end(i, dir);
                for (k, d) in diagnostics.iter().enumerate() {
                    if dir.span.end <= d.span.start
                        && d.span.start < end
                        && covers_rule(dir, &d.rule)
                    {
                        keep[k] = false;
                        used[i] = true;
                    }
                }
            }
            DirectiveKind::Ignore(text) => {
                let candidates = || {
                    diagnostics.iter().enumerate().filter(|(k, d)| {
                        keep[*k]
                            && covers_rule(dir, &d.rule)
                            && d.span.text(&doc.source) == text.as_str()
                    })
                };
                // The first match after the directive, else the first before it.
                let pick = candidates()
                    .find(|(_, d)| d.span.start >= dir.span.end)
                    .or_else(|| candidates().next())
                    .map(|(k, _)| k);
                if let Some(k) = pick {
                    keep[k] = false;
                    used[i] = true;
                }
            }
        }
    }
    let mut k = 0;
    diagnostics.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    directives
        .iter()
        .zip(used)
        .filter(|(d, used)| {
            !used
                && d.kind != DirectiveKind::Enable
                && !matches!(d.kind, DirectiveKind::Malformed(_))
                && !d
                    .rules
                    .iter()
                    .any(|sel| idle.iter().any(|id| id_matches(id, sel)))
        })
        .map(|(d, _)| d)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::directive::{parse_comment, parse_text_line};
    use crate::span::Span;

    #[test]
    fn reads_directives_with_reasons_and_text() {
        let d = parse_comment(
            " factlint-disable-next-line date.weekday-mismatch, style. -- the source says so ",
            0,
        )
        .expect("directive");
        assert_eq!(d.kind, DirectiveKind::DisableNextLine);
        assert_eq!(d.rules, ["date.weekday-mismatch", "style."]);
        assert_eq!(d.reason.as_deref(), Some("the source says so"));
        let d = parse_comment(r#"factlint-ignore style.irregardless "irregardless""#, 0)
            .expect("directive");
        assert_eq!(d.kind, DirectiveKind::Ignore("irregardless".into()));
        assert_eq!(d.rules, ["style.irregardless"]);
        let d = parse_text_line("factlint: enable", Span::new(0, 1)).expect("directive");
        assert_eq!((d.kind, d.rules.len()), (DirectiveKind::Enable, 0));
        assert!(parse_comment("a note", 0).is_none());
        assert!(parse_comment("factlinting is fun", 0).is_none());
        let malformed = |body: &str| match parse_comment(body, 0).map(|d| d.kind) {
            Some(DirectiveKind::Malformed(m)) => m,
            other => panic!("{body}: {other:?}"),
        };
        assert!(malformed("factlint-disabel x").contains("did you mean `factlint-disable`?"));
        assert!(malformed("factlint-disable-nextline x")
            .contains("did you mean `factlint-disable-next-line`?"));
        assert!(malformed("factlint:disable x").contains("did you mean `factlint-disable`?"));
        assert!(malformed("factlint-ignor x").contains("did you mean `factlint-ignore`?"));
        assert!(malformed(r#"factlint-ignore x ""#).contains("double quotes"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
        #[test]
        fn never_panics_on_any_comment_or_document(
            body in "(factlint-|factlint: )?(disable|enable|ignore|disable-next-line)?[ a-z.,\"é-]{0,30}( --)?.{0,10}",
        ) {
            let _ = parse_comment(&body, 3);
            let _ = parse_text_line(&body, Span::new(0, body.len()));
            for format in [crate::document::Format::Markdown, crate::document::Format::Html, crate::document::Format::Text] {
                let text = format!("<!-- {body} -->\n{body}\nfactlint: {body}\n<!--{body}");
                let _ = crate::check_text(&text, format, None).expect("the built-in rules load");
            }
        }
    }
}
