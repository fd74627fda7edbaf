//! What the benchmarks share: the generated article, the built-in rules, a check loop.

use std::hint::black_box;
use std::path::Path;

use factlint::cli::RuleSourceArgs;
use factlint::rules::Rule;
use factlint::{Document, Engine, Format};

/// A synthetic news article of roughly `paragraphs` * 400 bytes, with dates, numbers,
/// quotes and markup, written for the benchmark.
pub fn article(seed: usize, paragraphs: usize) -> String {
    let mut s = format!(
        "---\ntitle: Harbour project report {seed}\ndate: 2026-11-{:02}\n---\n\n# Harbour project {seed}\n\n",
        seed % 28 + 1
    );
    for p in 0..paragraphs {
        s.push_str(&format!(
            "The port authority said on Monday, 2{} November 2026 that {} of the {} berths were \
             ready, about {}% of the plan. Officials from the U.S. and Dr. Lee's team met on \
             Nov. {} to review costs of ${}.{}bn, which rose 12 per cent from 2019 to 2025. \
             \"We expect the **second phase** to open in spring 2027,\" she said, citing a \
             [report](https://example.org/r/{p}) published in October 2017.\n\n",
            p % 9,
            p * 3 % 40,
            40 + p % 7,
            p % 100,
            p % 28 + 1,
            p % 9 + 1,
            p % 10,
        ));
    }
    s
}

/// The built-in rule pack, as the binary loads it.
pub fn builtin_rules() -> Vec<Rule> {
    factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))
        .expect("built-in rules load")
        .0
}

/// Load and check every document.
pub fn check_all(engine: &Engine, docs: &[String]) {
    for text in docs {
        let doc = Document::from_text("a.md", text.clone(), Format::Markdown);
        black_box(engine.check(&doc));
    }
}
