//! Random and adversarial text never panics, and every span lies on character
//! boundaries inside the document.

use std::path::Path;
use std::sync::LazyLock;

use factlint::cli::RuleSourceArgs;
use factlint::{Document, Engine, EngineOptions, Format};
use proptest::prelude::*;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let (rules, _) = factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))
        .expect("built-in rules");
    Engine::new(rules, EngineOptions::default())
});

/// Pieces that exercise the readers: markup, dates, numbers, entities, odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Monday, 29 November 2026".to_string()),
        Just("31 April".to_string()),
        Just("Nov. 29".to_string()),
        Just("13/13/2026".to_string()),
        Just("2026-02-30".to_string()),
        Just("---\n".to_string()),
        Just("date: 2026-12-01\n".to_string()),
        Just("```\n".to_string()),
        Just("`code`".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<p>".to_string()),
        Just("</b>".to_string()),
        Just("&amp;".to_string()),
        Just("&#8217;".to_string()),
        Just("&#x110000;".to_string()),
        Just("[link](http://x.y/2026-11-29)".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{a0}".to_string()),
        Just("“".to_string()),
        Just("—".to_string()),
        Just("per cent".to_string()),
        Just("percent".to_string()),
        Just("40%".to_string()),
        Just("1,000".to_string()),
        "[a-zA-Z0-9 .,;:!?()'\"-]{0,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, format: Format) {
    let doc = Document::from_text("p", text.to_string(), format);
    for p in &doc.prose.paragraphs {
        let s = doc.prose.to_source(*p);
        assert!(text.get(s.start..s.end).is_some(), "paragraph {s:?}");
    }
    let checked = ENGINE.check(&doc);
    for d in checked.diagnostics {
        let spans = std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .chain(d.fix.iter().map(|f| f.span));
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{s:?} in {} bytes",
                text.len()
            );
            assert!(
                text.get(s.start..s.end).is_some(),
                "{s:?} not on char boundaries"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn markdown_never_panics(text in document()) {
        check(&text, Format::Markdown);
    }

    #[test]
    fn html_never_panics(text in document()) {
        check(&text, Format::Html);
    }

    #[test]
    fn text_never_panics(text in document()) {
        check(&text, Format::Text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for format in [Format::Markdown, Format::Html, Format::Text] {
            if let Ok(doc) = Document::from_bytes("b", bytes.clone(), format) {
                let _ = ENGINE.check(&doc);
            }
        }
    }
}
