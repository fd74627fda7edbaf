//! Defects found by reading the code, each kept fixed through the binary.

mod common;

use common::{run, stderr, stdout};

/// A rule directory holding `yaml` as its only rule file.
fn rule_dir(yaml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("house.yaml"), yaml).expect("write rule file");
    dir
}

#[test]
fn regression_a_huge_margin_is_a_rule_file_error_not_a_panic() {
    let dir = rule_dir(
        "- id: date.house-anachronism\n  kind: anachronism\n  severity: warning\n  message: \"{name}\"\n  params:\n    margin_months: 4000000000\n",
    );
    let out = run(&[
        "--rules",
        dir.path().to_str().expect("utf-8 path"),
        "fixtures/clean/council-budget.md",
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("margin_months"), "{err}");
    assert!(err.contains("must be between 0 and 1200"), "{err}");
    // The caret points at the parameter's line.
    assert!(err.contains("house.yaml:6"), "{err}");
}

#[test]
fn parameters_out_of_range_are_rejected_when_rules_load() {
    for (kind, param, value) in [
        ("stale-as-of", "months", "0"),
        ("enumeration-count", "max_count", "100000"),
        ("percent-of-total", "tolerance", "-1"),
        ("future-as-past", "min_days", "-5"),
        ("duration-mismatch", "tolerance", "5"),
    ] {
        let dir = rule_dir(&format!(
            "- id: number.house-{kind}\n  kind: {kind}\n  severity: warning\n  message: \"x\"\n  params:\n    {param}: {value}\n"
        ));
        let out = run(&[
            "--rules",
            dir.path().to_str().expect("utf-8 path"),
            "fixtures/clean/council-budget.md",
        ]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{kind}: {err}");
        assert!(
            err.contains(&format!("`{param}` must be between")),
            "{kind}: {err}"
        );
    }
}

#[test]
fn regression_html_entities_before_multibyte_characters_are_decoded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><body><p>The mayor&rsquo;“s plan&hellip; opened on Monday, 29 November 2026 at the Caf&eacute; &Eacute;toile.</p></body></html>",
    )
    .expect("write page");
    let out = run(&["--format", "json", page.to_str().expect("utf-8 path")]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let diagnostics = &json["files"][0]["diagnostics"];
    let weekday = diagnostics
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "date.weekday-mismatch")
        .expect("the weekday mismatch is found after the entities");
    assert_eq!(
        weekday["message"],
        "29 November 2026 is a Sunday, not a Monday"
    );
    // No finding points into an undecoded entity.
    for d in diagnostics.as_array().expect("diagnostics") {
        assert!(
            !d["message"].as_str().unwrap_or("").contains("&rsquo"),
            "{d}"
        );
    }
}
