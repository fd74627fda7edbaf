//! The scenario factlint was born from, run through the real binary: an article with no
//! date metadata that mentions ChatGPT and gives "1,000 AI firms as of October 2017".

use std::process::Command;

fn run_json(args: &[&str]) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["--format", "json"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("factlint runs");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "JSON output ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn scenario_chatgpt_reports_one_stale_as_of_with_chatgpt_as_evidence() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/dates/scenario-chatgpt.md"
    );
    let json = run_json(&[path]);
    let file = &json["files"][0];
    assert_eq!(file["reference_date"]["source"], "inferred", "{json}");
    assert_eq!(file["reference_date"]["date"], "2022-11-30", "{json}");
    let serious: Vec<&serde_json::Value> = file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "warning" || d["severity"] == "error")
        .collect();
    assert_eq!(serious.len(), 1, "{json}");
    let d = serious[0];
    assert_eq!(d["rule"], "date.stale-as-of");
    assert_eq!(d["severity"], "warning");
    let source = std::fs::read_to_string(path).expect("fixture");
    let (start, end) = (
        d["span"]["start"].as_u64().expect("start") as usize,
        d["span"]["end"].as_u64().expect("end") as usize,
    );
    let flagged = source.get(start..end).expect("span inside the file");
    assert!(
        flagged == "October 2017" || flagged == "as of October 2017",
        "{flagged:?}"
    );
    let message = d["message"].as_str().expect("message");
    assert!(
        message.contains("ChatGPT") && message.contains("30 November 2022"),
        "{message}"
    );
}

#[test]
fn a_publication_date_replaces_the_inferred_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/dates/scenario-chatgpt.md"
    );
    let json = run_json(&["--date", "2018-01-15", path]);
    let file = &json["files"][0];
    assert_eq!(file["reference_date"]["source"], "flag");
    assert_eq!(
        file["diagnostics"].as_array().map(Vec::len),
        Some(0),
        "{json}"
    );
}

#[test]
fn a_users_knowledge_file_changes_the_verdict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let knowledge = dir.path().join("knowledge");
    std::fs::create_dir(&knowledge).expect("knowledge dir");
    std::fs::write(
        knowledge.join("local.yaml"),
        "- name: Harbourbot\n  type: product\n  released: 2024-03-01\n  source: {url: \"https://example.org/harbourbot\"}\n",
    )
    .expect("knowledge file");
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "In 2019, Harbourbot answered questions about ferries.\n",
    )
    .expect("article");
    let article = article.to_str().expect("utf-8 path");
    let rules = dir.path().to_str().expect("utf-8 path");

    let without = run_json(&[article]);
    assert_eq!(without["summary"]["errors"], 0, "{without}");
    let with = run_json(&["--rules", rules, article]);
    assert_eq!(with["summary"]["errors"], 1, "{with}");
    assert_eq!(
        with["files"][0]["diagnostics"][0]["rule"],
        "date.anachronism"
    );
}

#[test]
fn a_broken_knowledge_file_fails_the_run_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let knowledge = dir.path().join("knowledge");
    std::fs::create_dir(&knowledge).expect("knowledge dir");
    std::fs::write(
        knowledge.join("bad.yaml"),
        "- name: Harbourbot\n  type: product\n  released: 2024-02-30\n  source: {url: \"https://example.org\"}\n",
    )
    .expect("knowledge file");
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["--rules", dir.path().to_str().expect("utf-8 path"), "-"])
        .env("NO_COLOR", "1")
        .output()
        .expect("factlint runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.yaml:3:"), "{stderr}");
    assert!(stderr.contains("not a valid date"), "{stderr}");
}

/// `fixtures/clean/timeline-*.md`: realistic articles (false positives found on real
/// news, rewritten) on which the timeline rules report nothing.
#[test]
fn clean_timeline_fixtures_have_no_timeline_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/clean");
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures/clean")
        .filter_map(Result::ok)
        .map(|e| e.path().display().to_string())
        .filter(|p| p.contains("timeline-") && p.ends_with(".md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut args = vec![
        "--select",
        "date.stale-as-of",
        "--select",
        "date.anachronism",
    ];
    args.extend(paths.iter().map(String::as_str));
    let json = run_json(&args);
    assert_eq!(json["summary"]["warnings"], 0, "{json}");
    assert_eq!(json["summary"]["errors"], 0, "{json}");
}

#[test]
fn a_developer_named_through_a_modifier_adds_no_warning() {
    // "French start-up Mistral AI", "Paris-based company Mistral": a modifier before a
    // name is not a value to compare with what is known of it.
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/dates/scenario-chatgpt.md"
    ))
    .expect("fixture");
    let dir = tempfile::tempdir().expect("temp dir");
    for added in [
        "It starts from an open model released by French start-up Mistral AI.",
        "It tuned the model built by Paris-based company Mistral, and a rival uses one from Chinese start-up DeepSeek.",
    ] {
        let text = source.replace(
            "local court records and shipping manifests.",
            &format!("local court records and shipping manifests. {added}"),
        );
        assert_ne!(text, source);
        let path = dir.path().join("article.md");
        std::fs::write(&path, text).expect("write");
        let json = run_json(&[path.to_str().expect("utf-8 path")]);
        let serious: Vec<&serde_json::Value> = json["files"][0]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == "warning" || d["severity"] == "error")
            .collect();
        assert_eq!(serious.len(), 1, "{added}: {json}");
        assert_eq!(serious[0]["rule"], "date.stale-as-of", "{json}");
    }
}
