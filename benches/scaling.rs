//! `cargo bench --bench scaling`: how the cost grows with the number of `pattern`
//! rules, with the document size, and with the number of findings to render.

use std::hint::black_box;
use std::time::Duration;

mod common;

use common::{article, builtin_rules, check_all};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use factlint::render::{self, CheckedFile, FileReport, HumanOptions, OutputFormat, Summary};
use factlint::{Document, Engine, EngineOptions, Format};

/// `n` generated `pattern` rules as YAML: the first few name words the articles use (so
/// every run has the same findings), the rest banned words that do not occur, as in a
/// newsroom's long list of terms to avoid.
pub fn pattern_rules_yaml(n: usize) -> String {
    const REAL: [&str; 5] = [
        "berths",
        "second phase",
        "officials",
        "port authority",
        "plan",
    ];
    let mut s = String::new();
    for i in 0..n {
        let pattern = match REAL.get(i) {
            Some(word) => (*word).to_string(),
            None => format!("(?:banned|avoided)-term-{i}|obsolete{i}word"),
        };
        s.push_str(&format!(
            "- id: gen.rule-{i}\n  kind: pattern\n  severity: info\n  message: \"{{match}} (rule {i})\"\n  description: generated\n  params:\n    pattern: \"{pattern}\"\n"
        ));
    }
    s
}

/// (c) 10, 100 and 1,000 generated pattern rules (plus the built-in pack) on 50 articles.
fn rule_count(c: &mut Criterion) {
    let docs: Vec<String> = (0..50).map(|i| article(i, 8)).collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("pattern rules");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(bytes as u64));
    for n in [10, 100, 1000] {
        let mut rules = builtin_rules();
        let generated = factlint::rules::load_rule_file("gen.yaml", &pattern_rules_yaml(n), false)
            .expect("generated rules load");
        rules.extend(generated);
        let engine = Engine::new(rules, EngineOptions::default());
        group.bench_with_input(BenchmarkId::from_parameter(n), &engine, |b, engine| {
            b.iter(|| check_all(engine, &docs))
        });
    }
    group.finish();
}

/// (d) one document of 10 KB to 10 MB, full pack: the time should grow linearly.
fn document_size(c: &mut Criterion) {
    let engine = Engine::new(builtin_rules(), EngineOptions::default());
    let mut group = c.benchmark_group("document size");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    for kb in [10, 100, 1_000] {
        let text = article(7, kb * 1024 / 560 + 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("KB", kb), &text, |b, text| {
            b.iter(|| {
                let doc = Document::from_text("a.md", text.clone(), Format::Markdown);
                black_box(engine.check(&doc))
            })
        });
    }
    group.finish();
}

/// An article with one finding per sentence: `n` sentences of a banned word.
pub fn noisy_article(n: usize) -> String {
    let mut s = String::from("# Many findings\n\n");
    for i in 0..n {
        s.push_str("The match went ahead, irregardless of the weather.");
        s.push(if i % 5 == 4 { '\n' } else { ' ' });
        if i % 5 == 4 {
            s.push('\n');
        }
    }
    s
}

/// (e) thousands of findings rendered in the human format (check done once, outside).
fn render_findings(c: &mut Criterion) {
    let engine = Engine::new(builtin_rules(), EngineOptions::default());
    let doc = Document::from_text("noisy.md", noisy_article(3000), Format::Markdown);
    let checked = engine.check(&doc);
    let count = checked.diagnostics.len();
    let report = FileReport {
        path: "noisy.md".into(),
        outcome: Ok(CheckedFile {
            doc,
            reference: checked.reference,
            diagnostics: checked.diagnostics,
        }),
    };
    let mut summary = Summary::default();
    summary.add(&report);
    let mut group = c.benchmark_group("render human");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Elements(count as u64));
    group.bench_function(BenchmarkId::new("findings", count), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            let mut r = render::renderer(OutputFormat::Human, HumanOptions::default());
            r.file(&mut out, &report).expect("render");
            r.finish(&mut out, &summary).expect("render");
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(benches, rule_count, document_size, render_findings);
criterion_main!(benches);
