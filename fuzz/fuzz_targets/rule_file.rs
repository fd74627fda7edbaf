//! Any text as a rule file: an error or rules, never a panic or a hang. Rules that load
//! are run over a short article, so their regexes, the literal prefilter built from them
//! and their messages are exercised too.
#![no_main]

use factlint::{Document, Engine, EngineOptions, Format};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "# Harbour\n\nOn Monday, 3 March 2025, officials said 12 of the 40 berths \
(30%) were ready. The Caf\u{e9} reopened; a re\u{17f}ult of 5 \u{212a}m. \"We expect more,\" she said.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = factlint::rules::load_rule_file("fuzz.yaml", text, false) else {
        return;
    };
    let engine = Engine::new(rules, EngineOptions::default());
    let doc = Document::from_text("fuzz.md", ARTICLE.to_string(), Format::Markdown);
    for d in engine.check(&doc).diagnostics {
        assert!(doc.source.get(d.span.start..d.span.end).is_some());
    }
});
