//! The phrasing generator: the test of whether a check reads every way reporters write
//! the same thing, not only the phrasings of its own examples.
//!
//! For each check, a small grammar (`tests/phrasing/*.rs`) combines the parts news is
//! written with (link words, word orders, apposition markers, number forms, verbs,
//! sentence splits) into at least 500 sentences that hold the error, each with a correct
//! twin that differs only in the value that makes it right. Each sentence is set inside
//! real paragraphs (the news corpus at `../shared/corpus/news` when it is there, or
//! `FACTLINT_PHRASING_CORPUS`; otherwise paragraphs written for this test) and the whole
//! article is checked with the built-in rules.
//!
//! - recall: the share of error sentences on which the check reports inside the sentence;
//! - twin false alarms: correct twins on which it reports inside the sentence.
//!
//! `scripts/recall.sh` prints the table. The test asserts, per check, that recall is at
//! least the floor written below and that no twin is flagged. The project's target is a
//! recall of 0.95 for every check; a floor below it records where a check stands today,
//! so that recall can only go up.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factlint::{Document, Engine, EngineOptions, Format};

#[path = "phrasing/dates.rs"]
mod dates;
#[path = "phrasing/grammar.rs"]
mod grammar;
#[path = "phrasing/numbers.rs"]
mod numbers;

use grammar::Case;

/// The recall every check is built to reach.
const TARGET: f64 = 0.95;

/// Where a check stands below the target today. A check not listed must reach
/// [`TARGET`]. Raise a floor when a check improves; never lower one.
const FLOORS: &[(&str, f64)] = &[
    ("number.percent-of-total", 1.00),
    ("number.percent-change", 0.99),
    ("number.percentage-points", 1.00),
    ("number.multiplier", 0.96),
    ("number.breakdown-sum", 1.00),
    ("number.enumeration-count", 0.98),
    ("number.inconsistent-restatement", 0.98),
    ("date.weekday-mismatch", 0.98),
    ("date.invalid", 1.00),
    ("date.future-as-past", 0.99),
    ("date.past-as-future", 0.99),
    ("date.relative-mismatch", 1.00),
    ("date.range-reversed", 1.00),
    ("date.duration-mismatch", 1.00),
    ("date.age-mismatch", 1.00),
    ("date.stale-as-of", 0.99),
];

/// At least this many error sentences (and as many twins) per check.
const MIN_CASES: usize = 500;

/// The reference date of an article whose case names none.
const DEFAULT_DATE: &str = "2024-06-12";

struct Row {
    rule: &'static str,
    cases: usize,
    caught: usize,
    twins_flagged: usize,
    missed: Vec<String>,
    flagged: Vec<String>,
}

/// Paragraphs to set the cases in: real news when the corpus is here, else our own.
fn context_paragraphs() -> Vec<String> {
    let dir = std::env::var_os("FACTLINT_PHRASING_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/news"));
    let mut paragraphs = corpus_paragraphs(&dir);
    if paragraphs.len() < 20 {
        paragraphs = grammar::OWN_PARAGRAPHS
            .iter()
            .map(|p| p.to_string())
            .collect();
    }
    paragraphs
}

/// Body paragraphs of the corpus's articles (no headings, lists or dateline lines), in
/// file order, each short enough to keep a document small.
fn corpus_paragraphs(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let body = match text.strip_prefix("---\n") {
            Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, b)| b),
            None => &text,
        };
        for p in body.split("\n\n") {
            let p = p.trim();
            let words = p.split_whitespace().count();
            if (25..=120).contains(&words)
                && !p.starts_with('#')
                && !p.starts_with('-')
                && !p.starts_with('*')
                && !p.starts_with('>')
                && !p.starts_with('|')
                && !p.contains('\n')
            {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// An article: front matter with the reference date, a paragraph before the case, the
/// case (its own paragraph, or joined to the paragraph before when it asks), a paragraph
/// after. Returns the text and the byte range of the case.
fn article(
    case_text: &str,
    date: &str,
    before: &str,
    after: &str,
    inline: bool,
) -> (String, std::ops::Range<usize>) {
    let mut text = format!("---\ntitle: Phrasing test\ndate: {date}\n---\n\n{before}");
    text.push_str(if inline { " " } else { "\n\n" });
    let start = text.len();
    text.push_str(case_text);
    let end = text.len();
    let _ = write!(text, "\n\n{after}\n");
    (text, start..end)
}

fn flagged(engine: &Engine, rule: &str, text: String, range: &std::ops::Range<usize>) -> bool {
    let doc = Document::from_text("phrasing.md", text, Format::Markdown);
    engine
        .check(&doc)
        .diagnostics
        .iter()
        .any(|d| d.rule == rule && d.span.start < range.end && d.span.end > range.start)
}

/// With `FACTLINT_PHRASING_DUMP=DIR`, the first articles a check missed or flagged are
/// written there, to run factlint on by hand.
fn dump(rule: &str, what: &str, n: usize, text: &str) {
    if n >= 20 {
        return;
    }
    if let Some(dir) = std::env::var_os("FACTLINT_PHRASING_DUMP") {
        let dir = PathBuf::from(dir);
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("{rule}-{what}-{n:02}.md")), text);
    }
}

fn measure(engine: &Engine, rule: &'static str, cases: &[Case], paragraphs: &[String]) -> Row {
    let mut row = Row {
        rule,
        cases: cases.len(),
        caught: 0,
        twins_flagged: 0,
        missed: Vec::new(),
        flagged: Vec::new(),
    };
    for (i, case) in cases.iter().enumerate() {
        let before = &paragraphs[(i * 7) % paragraphs.len()];
        let after = &paragraphs[(i * 7 + 3) % paragraphs.len()];
        let date = case.date.unwrap_or(DEFAULT_DATE);
        let (bad, range) = article(&case.bad, date, before, after, case.inline);
        if flagged(engine, rule, bad.clone(), &range) {
            row.caught += 1;
        } else {
            dump(rule, "missed", row.missed.len(), &bad);
            row.missed.push(case.bad.clone());
        }
        let (good, range) = article(&case.good, date, before, after, case.inline);
        if flagged(engine, rule, good.clone(), &range) {
            dump(rule, "twin", row.flagged.len(), &good);
            row.twins_flagged += 1;
            row.flagged.push(case.good.clone());
        }
    }
    row
}

fn floor(rule: &str) -> f64 {
    FLOORS
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or(TARGET, |(_, f)| *f)
}

fn table(rows: &[Row], paragraphs: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "phrasing generator: {} checks, set in {paragraphs} context paragraphs; target recall {TARGET}",
        rows.len()
    );
    let _ = writeln!(
        out,
        "{:34} {:>6} {:>8} {:>7} {:>13} {:>6}",
        "check", "cases", "caught", "recall", "twins flagged", "floor"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:34} {:>6} {:>8} {:>7.3} {:>13} {:>6.2}",
            r.rule,
            r.cases,
            r.caught,
            r.caught as f64 / r.cases.max(1) as f64,
            r.twins_flagged,
            floor(r.rule)
        );
    }
    out
}

/// Samples of what a check missed or flagged, for the one who works on it.
fn samples(rows: &[Row], per_rule: usize) -> String {
    let mut out = String::new();
    for r in rows {
        if r.missed.is_empty() && r.flagged.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n== {} ==", r.rule);
        for m in r.missed.iter().take(per_rule) {
            let _ = writeln!(out, "  missed:  {m}");
        }
        for f in r.flagged.iter().take(per_rule) {
            let _ = writeln!(out, "  twin:    {f}");
        }
    }
    out
}

#[test]
fn every_check_reads_every_phrasing() {
    let (rules, _) = factlint::load_rules(
        &factlint::cli::RuleSourceArgs::default(),
        Some(Path::new("/")),
    )
    .expect("the built-in rules load");
    let engine = Engine::new(rules, EngineOptions::default());
    let paragraphs = context_paragraphs();

    let mut groups: Vec<(&'static str, Vec<Case>)> = Vec::new();
    groups.extend(numbers::checks());
    groups.extend(dates::checks());

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (rule, cases) in &groups {
        assert!(
            engine.rules.iter().any(|r| r.id == *rule),
            "{rule} is not a built-in rule"
        );
        let mut seen = std::collections::HashSet::new();
        for c in cases {
            assert!(seen.insert(&c.bad), "{rule}: a sentence twice: {}", c.bad);
            assert_ne!(c.bad, c.good, "{rule}: a twin equal to its error");
        }
        if cases.len() < MIN_CASES {
            problems.push(format!(
                "{rule}: {} cases, fewer than {MIN_CASES}",
                cases.len()
            ));
        }
        let row = measure(&engine, rule, cases, &paragraphs);
        let recall = row.caught as f64 / row.cases.max(1) as f64;
        if recall + 1e-9 < floor(rule) {
            problems.push(format!(
                "{rule}: recall {recall:.3} is below its floor {:.2}",
                floor(rule)
            ));
        }
        if row.twins_flagged > 0 {
            problems.push(format!(
                "{rule}: {} correct twins flagged",
                row.twins_flagged
            ));
        }
        rows.push(row);
    }
    let report = table(&rows, paragraphs.len());
    println!("{report}");
    let detail = std::env::var("FACTLINT_PHRASING_SAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    println!("{}", samples(&rows, detail));
    assert!(problems.is_empty(), "{}\n{report}", problems.join("\n"));
}
