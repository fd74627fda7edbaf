//! `cargo bench`: checking generated articles with the full built-in rule pack.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factlint::cli::RuleSourceArgs;
use factlint::{Document, Engine, EngineOptions, Format};

/// A synthetic news article of roughly `paragraphs` * 400 bytes, with dates, numbers,
/// quotes and markup, written for the benchmark.
fn article(seed: usize, paragraphs: usize) -> String {
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

fn bench(c: &mut Criterion) {
    let (rules, _) = factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))
        .expect("built-in rules load");
    let engine = Engine::new(rules, EngineOptions::default());
    let docs: Vec<String> = (0..100).map(|i| article(i, 8)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("100 articles, full pack", |b| {
        b.iter(|| {
            for text in &docs {
                let doc = Document::from_text("a.md", text.clone(), Format::Markdown);
                black_box(engine.check(&doc));
            }
        })
    });
    group.finish();

    let one = article(1, 8);
    c.bench_function("load one article (markdown -> prose)", |b| {
        b.iter(|| black_box(Document::from_text("a.md", one.clone(), Format::Markdown)))
    });
    c.bench_function("load built-in rule pack", |b| {
        b.iter(|| black_box(factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
