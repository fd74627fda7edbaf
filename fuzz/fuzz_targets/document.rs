//! Any bytes, read as Markdown, HTML and text, then every recognizer and rule: no
//! panic, and every span on character boundaries inside the document.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use factlint::cli::RuleSourceArgs;
use factlint::{Document, Engine, EngineOptions, Format};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let (rules, _) = factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))
        .expect("built-in rules");
    Engine::new(rules, EngineOptions::default())
});

fuzz_target!(|data: &[u8]| {
    for format in [Format::Markdown, Format::Html, Format::Text] {
        let Ok(doc) = Document::from_bytes("fuzz", data.to_vec(), format) else {
            continue;
        };
        let checked = ENGINE.check(&doc);
        for d in checked.diagnostics {
            assert!(doc.source.get(d.span.start..d.span.end).is_some());
            for l in &d.labels {
                assert!(doc.source.get(l.span.start..l.span.end).is_some());
            }
        }
    }
});
