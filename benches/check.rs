//! `cargo bench`: checking generated articles with the full built-in rule pack.

use std::hint::black_box;
use std::path::Path;

mod common;

use common::{article, builtin_rules, check_all};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use factlint::cli::RuleSourceArgs;
use factlint::{Document, Engine, EngineOptions, Format};

fn bench(c: &mut Criterion) {
    let engine = Engine::new(builtin_rules(), EngineOptions::default());
    let docs: Vec<String> = (0..100).map(|i| article(i, 8)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();

    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("100 articles, full pack", |b| {
        b.iter(|| check_all(&engine, &docs))
    });
    group.finish();

    let one = article(1, 8);
    c.bench_function("load one article (markdown -> prose)", |b| {
        b.iter(|| black_box(Document::from_text("a.md", one.clone(), Format::Markdown)))
    });
    c.bench_function("load built-in rule pack", |b| {
        b.iter(|| {
            black_box(factlint::load_rules(
                &RuleSourceArgs::default(),
                Some(Path::new("/")),
            ))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
