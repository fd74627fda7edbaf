//! Every rule's own examples, run as tests (`factlint test-rules`, `cargo test`).

use crate::document::{Document, Format};
use crate::engine::{apply_fixes, Engine};
use crate::rules::Rule;

/// One example that did not behave as written.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    pub example: String,
    pub problem: String,
}

/// Run the examples of `rules`; returns the failures and the number of examples run.
pub fn run_examples(engine: &Engine, rules: &[&Rule]) -> (Vec<ExampleFailure>, usize) {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in rules {
        for ex in &rule.examples {
            count += 1;
            if let Err(problem) = run_one(engine, rule, ex) {
                failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    origin: rule.origin.clone(),
                    example: ex.written.clone(),
                    problem,
                });
            }
        }
    }
    (failures, count)
}

fn run_one(engine: &Engine, rule: &Rule, ex: &crate::rules::Example) -> Result<(), String> {
    let doc = Document::from_text("example.md", ex.text.clone(), Format::Markdown);
    let found = engine.check_with(&doc, &[rule], ex.date).diagnostics;
    let describe_in = |src: &str, d: &crate::diagnostic::Diagnostic| {
        format!("{:?} ({})", d.span.text(src), d.message)
    };
    let describe = |d: &crate::diagnostic::Diagnostic| {
        format!("{:?} ({})", d.span.text(&doc.source), d.message)
    };
    match ex.expected {
        None => {
            if let Some(d) = found.first() {
                return Err(format!("good example was flagged: {}", describe(d)));
            }
        }
        Some((start, end)) => {
            let want = &ex.text[start..end];
            match found.as_slice() {
                [] => return Err(format!("bad example was not flagged (expected {want:?})")),
                [d] => {
                    if (d.span.start, d.span.end) != (start, end) {
                        return Err(format!("flagged {} instead of {want:?}", describe(d)));
                    }
                    if let Some(fixed) = &ex.fixed {
                        let Some(fix) = &d.fix else {
                            return Err("no fix was offered".into());
                        };
                        let (text, _) = apply_fixes(&doc.source, [fix]);
                        if &text != fixed {
                            return Err(format!("the fix gives {text:?}, not {fixed:?}"));
                        }
                        let again = Document::from_text("example.md", text, Format::Markdown);
                        if let Some(d) = engine
                            .check_with(&again, &[rule], ex.date)
                            .diagnostics
                            .first()
                        {
                            return Err(format!(
                                "the fixed text is still flagged: {}",
                                describe_in(&again.source, d)
                            ));
                        }
                    }
                }
                many => {
                    return Err(format!(
                        "expected one finding, got {}: {}",
                        many.len(),
                        many.iter().map(describe).collect::<Vec<_>>().join("; ")
                    ))
                }
            }
        }
    }
    Ok(())
}
