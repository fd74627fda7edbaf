//! The command line as scripts and CI meet it (CONTRACT.md): exit codes, formats,
//! standard input, colour, unreadable inputs, broken rule files.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::{factlint, run, stderr, stdout};
use serde_json::Value;

const WEEKDAY: &str = "fixtures/dates/weekday.md";
const CLEAN: &str = "fixtures/clean/council-budget.md";

#[test]
fn exit_codes_follow_the_contract() {
    assert_eq!(run(&[CLEAN]).status.code(), Some(0));
    assert_eq!(run(&[WEEKDAY]).status.code(), Some(1));
    assert_eq!(run(&["check", WEEKDAY]).status.code(), Some(1));
    // Raising the bar above the finding's severity makes the run pass.
    let style = "fixtures/style/house-style.md";
    assert_eq!(run(&["--fail-on", "error", style]).status.code(), Some(0));
    assert_eq!(run(&["--fail-on", "info", style]).status.code(), Some(1));
    assert_eq!(run(&["--date", "2026-02-30", CLEAN]).status.code(), Some(2));
    assert_eq!(run(&["--format", "yaml", CLEAN]).status.code(), Some(2));
    assert_eq!(run(&["no/such/file.md"]).status.code(), Some(2));
}

#[test]
fn human_report_underlines_the_date_and_names_the_weekday() {
    let out = run(&[WEEKDAY]);
    let text = stdout(&out);
    assert!(
        text.contains("29 November 2026 is a Sunday, not a Monday"),
        "{text}"
    );
    assert!(text.contains("date.weekday-mismatch"));
    assert!(text.contains("Monday, 29 November 2026"));
    assert!(text.contains("help: write Sunday"));
    assert!(!text.contains('\x1b'), "no colour when not a terminal");
}

#[test]
fn json_matches_the_contract_field_by_field() {
    let out = run(&["--format", "json", WEEKDAY]);
    assert_eq!(out.status.code(), Some(1));
    let json: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(json["version"], 1);
    assert_eq!(json["tool"]["name"], "factlint");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let file = &json["files"][0];
    assert_eq!(file["path"], WEEKDAY);
    assert_eq!(file["reference_date"]["date"], "2026-12-01");
    assert_eq!(file["reference_date"]["source"], "front-matter");
    let d = &file["diagnostics"][0];
    assert_eq!(d["rule"], "date.weekday-mismatch");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "29 November 2026 is a Sunday, not a Monday");
    let bytes = std::fs::read(common::root().join(WEEKDAY)).expect("fixture");
    let span = &d["span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], "Monday, 29 November 2026".as_bytes());
    assert_eq!(
        (span["line"].as_u64(), span["column"].as_u64()),
        (Some(8), Some(45))
    );
    assert_eq!(
        (span["end_line"].as_u64(), span["end_column"].as_u64()),
        (Some(8), Some(69))
    );
    assert_eq!(d["labels"][0]["message"], "stated weekday");
    let label = &d["labels"][0]["span"];
    assert_eq!(
        &bytes[label["start"].as_u64().unwrap() as usize..label["end"].as_u64().unwrap() as usize],
        b"Monday"
    );
    assert_eq!(d["fix"]["replacement"], "Sunday");
    assert!(d["help"].as_str().unwrap().starts_with("write Sunday"));
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
}

#[test]
fn compact_is_one_line_per_finding() {
    let text = stdout(&run(&["--format", "compact", WEEKDAY]));
    assert_eq!(
        text,
        "fixtures/dates/weekday.md:8:45: error [date.weekday-mismatch] 29 November 2026 is a Sunday, not a Monday\n"
    );
}

#[test]
fn reads_standard_input_with_a_name() {
    let mut child = factlint()
        .args(["--format", "compact", "--stdin-filename", "story.md", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"---\ndate: 2026-12-01\n---\n\nIt opened on Monday, 29 November 2026.\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "story.md:5:14: error [date.weekday-mismatch] 29 November 2026 is a Sunday, not a Monday\n"
    );
}

#[test]
fn date_flag_overrides_the_front_matter() {
    let out = run(&["--format", "json", "--date", "2026-12-05", WEEKDAY]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["files"][0]["reference_date"]["source"], "flag");
    assert_eq!(json["files"][0]["reference_date"]["date"], "2026-12-05");
}

#[test]
fn an_unreadable_file_among_good_ones_is_reported_and_the_rest_checked() {
    let out = run(&["--format", "json", CLEAN, "missing.md", WEEKDAY]);
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["path"], CLEAN);
    assert!(files[1]["error"].as_str().unwrap().contains("no such file"));
    assert_eq!(files[2]["diagnostics"][0]["rule"], "date.weekday-mismatch");
    let human = run(&[CLEAN, "missing.md", WEEKDAY]);
    assert_eq!(human.status.code(), Some(2));
    assert!(stderr(&human).contains("missing.md: no such file"));
    assert!(stdout(&human).contains("Sunday"));
}

#[test]
fn directories_are_walked_in_sorted_order_honouring_gitignore() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(p.join(".gitignore"), "drafts/\n").unwrap();
    std::fs::create_dir(p.join("drafts")).unwrap();
    std::fs::write(p.join("drafts/x.md"), "Monday, 29 November 2026").unwrap();
    std::fs::write(p.join("b.md"), "Monday, 29 November 2026").unwrap();
    std::fs::write(p.join("a.txt"), "Fine.").unwrap();
    std::fs::write(p.join("image.png"), [0u8, 1, 2]).unwrap();
    let out = factlint()
        .args(["--format", "json"])
        .arg(p)
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let paths: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(paths, vec!["a.txt", "b.md"]);
}

#[test]
fn no_color_and_pipes_never_get_escape_codes() {
    let out = factlint()
        .arg(WEEKDAY)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(!stdout(&out).contains('\x1b'));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = factlint()
        .args(["--format", "compact", "fixtures"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn binary_files_are_skipped_with_a_note_and_invalid_utf8_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = dir.path().join("photo.md");
    std::fs::write(&bin, b"GIF89a\x00\x01\x02").unwrap();
    let bad = dir.path().join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 opens on Monday").unwrap();
    let out = factlint().arg(&bin).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("binary file"), "{}", stderr(&out));
    // Strict UTF-8 (`--encoding utf-8`) refuses it; the default reads it as
    // Windows-1252 with a note (tests/cli_errors.rs covers the encodings).
    let out = factlint()
        .args(["--encoding", "utf-8"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid UTF-8 at byte 3 (line 1)"),
        "{}",
        stderr(&out)
    );
    let out = factlint().arg(&bad).output().expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("read as windows-1252"),
        "{}",
        stderr(&out)
    );
}

fn broken_rules(yaml: &str) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("house.yaml"), yaml).unwrap();
    let out = factlint()
        .args(["--rules"])
        .arg(dir.path())
        .arg(CLEAN)
        .output()
        .expect("run");
    (dir, out)
}

#[test]
fn a_rule_file_with_an_unknown_field_points_at_it() {
    let (dir, out) = broken_rules(
        "- id: style.house-word\n  kind: pattern\n  severity: warning\n  message: \"avoid {match}\"\n  colour: red\n  params:\n    pattern: utilise\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let file = dir.path().join("house.yaml").display().to_string();
    assert!(err.contains(&format!("{file}:5:3")), "{err}");
    assert!(err.contains("unknown field"), "{err}");
    insta::assert_snapshot!("unknown_field", err.replace(&file, "house.yaml"));
}

#[test]
fn a_rule_file_with_bad_indentation_points_at_it() {
    let (dir, out) = broken_rules(
        "- id: style.house-word\n  kind: pattern\n    severity: warning\n  message: x\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let file = dir.path().join("house.yaml").display().to_string();
    assert!(err.contains(&format!("{file}:3:")), "{err}");
    insta::assert_snapshot!("bad_indentation", err.replace(&file, "house.yaml"));
}

#[test]
fn rule_file_errors_cover_kinds_params_placeholders_and_regexes() {
    let (_d, out) = broken_rules(
        "- id: style.a\n  kind: nonsense\n  severity: warning\n  message: x\n- id: style.b\n  kind: pattern\n  severity: loud\n  message: \"{nope}\"\n  params:\n    pattern: \"(\\\\w{100}){100}\"\n- id: Bad_Id\n  kind: consistency\n  severity: info\n  message: \"{whatever}\"\n  params:\n    variants: [a, b]\n",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for needle in [
        "unknown rule kind `nonsense`",
        "unknown severity `loud`",
        "too large",
        "not of the form family.kebab-name",
        "unknown placeholder `{whatever}`",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn a_user_rule_replaces_the_builtin_with_its_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("override.yaml"),
        "- id: date.weekday-mismatch\n  kind: weekday-mismatch\n  severity: info\n  message: \"{date}: {actual}\"\n",
    )
    .unwrap();
    let out = factlint()
        .args(["--format", "compact", "--rules"])
        .arg(dir.path())
        .arg(WEEKDAY)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "fixtures/dates/weekday.md:8:45: info [date.weekday-mismatch] 29 November 2026: Sunday\n"
    );
}

#[test]
fn select_and_ignore_take_ids_and_prefixes() {
    let style = "fixtures/style/house-style.md";
    let only = stdout(&run(&[
        "--format",
        "compact",
        "--select",
        "style.irregardless",
        style,
    ]));
    assert_eq!(only.lines().count(), 1, "{only}");
    let none = stdout(&run(&["--format", "compact", "--ignore", "style.", style]));
    assert_eq!(none, "");
    let family = stdout(&run(&["--format", "compact", "--select", "style", style]));
    assert_eq!(family.lines().count(), 4, "{family}");
}

#[test]
fn config_file_sets_severity_ignore_fail_on_and_locale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(
        p.join(".factlint.yaml"),
        "ignore: [style.irregardless]\nseverity:\n  date.: warning\nfail-on: error\nlocale: en-US\n",
    )
    .unwrap();
    std::fs::write(
        p.join("a.md"),
        "---\ndate: 2026-12-01\n---\n\nSigned 11/29/2026, Monday, 29 November 2026, irregardless.\n",
    )
    .unwrap();
    let out = factlint()
        .args(["--format", "compact"])
        .arg(p.join("a.md"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("warning [date.weekday-mismatch]"), "{text}");
    assert!(!text.contains("irregardless"), "{text}");
    // en-US reads 13/29/2026 as month 13.
    std::fs::write(p.join("b.md"), "Signed 13/29/2026.\n").unwrap();
    let text = stdout(
        &factlint()
            .args(["--format", "compact"])
            .arg(p.join("b.md"))
            .output()
            .unwrap(),
    );
    assert!(text.contains("[date.invalid]"), "{text}");
    // A broken configuration is exit 2 with its position.
    std::fs::write(p.join(".factlint.yaml"), "fail-on: sometimes\n").unwrap();
    let out = factlint().arg(p.join("a.md")).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(".factlint.yaml:1:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rules_explain_and_test_rules_work() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let list = stdout(&out);
    assert!(list.contains("date.weekday-mismatch"));
    assert!(list.contains("date.invalid"));
    let out = run(&["explain", "date.weekday-mismatch"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("<<Monday, 29 November 2026>>"), "{text}");
    assert!(text.contains("Not flagged:"));
    assert_eq!(run(&["explain", "date.nope"]).status.code(), Some(2));
    let out = run(&["test-rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains(" passed, 0 failed"));
}

#[test]
fn test_rules_fails_on_a_wrong_example() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("house.yaml"),
        "- id: style.utilise\n  kind: pattern\n  severity: info\n  message: \"{match}\"\n  params:\n    pattern: utilise\n  examples:\n    - bad: \"We <<use>> it.\"\n    - good: \"We utilise it.\"\n",
    )
    .unwrap();
    let out = factlint()
        .arg("test-rules")
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("FAIL style.utilise"), "{text}");
    assert!(text.contains("0 passed, 2 failed"), "{text}");
}
