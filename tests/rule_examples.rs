//! Every example of every built-in rule, as one test that lists all failures.

use std::path::Path;

use factlint::cli::RuleSourceArgs;
use factlint::examples::run_examples;
use factlint::{Engine, EngineOptions};

#[test]
fn every_builtin_rule_example_behaves_as_written() {
    let (rules, _) = factlint::load_rules(&RuleSourceArgs::default(), Some(Path::new("/")))
        .expect("the built-in rules load");
    assert!(!rules.is_empty());
    for rule in &rules {
        assert!(
            rule.examples.iter().any(|e| e.is_bad()) && rule.examples.iter().any(|e| !e.is_bad()),
            "{} needs bad and good examples",
            rule.id
        );
    }
    let engine = Engine::new(Vec::new(), EngineOptions::default());
    let refs: Vec<_> = rules.iter().collect();
    let (failures, count) = run_examples(&engine, &refs);
    let report: Vec<String> = failures
        .iter()
        .map(|f| {
            format!(
                "{} ({}): {}\n    {}",
                f.rule, f.origin, f.problem, f.example
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {count} examples failed:\n{}",
        failures.len(),
        report.join("\n")
    );
}
