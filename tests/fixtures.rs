//! Fixture articles through the real binary: snapshots of what an editor sees (the
//! compact lines and the human report), clean articles that must stay clean, and the
//! exactness of every span in the JSON output.

mod common;

use common::{fixtures, run, stdout};
use serde_json::Value;

#[test]
fn fixture_reports_match_snapshots() {
    for path in fixtures() {
        let compact = stdout(&run(&["--format", "compact", &path]));
        let human = stdout(&run(&["--format", "human", &path]));
        let name = path
            .trim_start_matches("fixtures/")
            .replace(['/', '.'], "_");
        insta::assert_snapshot!(
            format!("{name}"),
            format!("$ factlint --format compact {path}\n{compact}\n$ factlint {path}\n{human}")
        );
    }
}

#[test]
fn clean_fixtures_produce_nothing() {
    for path in fixtures()
        .into_iter()
        .filter(|p| p.starts_with("fixtures/clean/"))
    {
        let out = run(&["--format", "compact", "--fail-on", "info", &path]);
        assert_eq!(stdout(&out), "", "{path} should be clean");
        assert_eq!(out.status.code(), Some(0), "{path}");
    }
}

/// Line and character column of a byte offset, computed independently of factlint.
fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let col = std::str::from_utf8(&bytes[line_start..offset])
        .expect("offsets lie on character boundaries")
        .chars()
        .count() as u64
        + 1;
    (line, col)
}

fn check_span(path: &str, bytes: &[u8], span: &Value, expected_text: Option<&str>) {
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert!(start <= end && end <= bytes.len(), "{path}: {span}");
    let text = std::str::from_utf8(&bytes[start..end]).expect("span on char boundaries");
    if let Some(expected) = expected_text {
        assert_eq!(text, expected, "{path}");
    }
    assert_eq!(
        (
            span["line"].as_u64().expect("line"),
            span["column"].as_u64().expect("column")
        ),
        line_col(bytes, start),
        "{path}: start of {text:?}"
    );
    assert_eq!(
        (
            span["end_line"].as_u64().expect("end_line"),
            span["end_column"].as_u64().expect("end_column")
        ),
        line_col(bytes, end),
        "{path}: end of {text:?}"
    );
}

#[test]
fn every_json_span_is_exactly_the_text_it_is_about() {
    let mut checked = 0;
    for path in fixtures() {
        let out = run(&["--format", "json", "--fail-on", "info", &path]);
        let json: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let bytes = std::fs::read(common::root().join(&path)).expect("fixture");
        for d in json["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
        {
            check_span(&path, &bytes, &d["span"], None);
            for l in d["labels"].as_array().into_iter().flatten() {
                check_span(&path, &bytes, &l["span"], None);
            }
            if let Some(fix) = d.get("fix") {
                check_span(&path, &bytes, &fix["span"], None);
            }
            checked += 1;
        }
    }
    assert!(checked > 5, "only {checked} diagnostics checked");
}
