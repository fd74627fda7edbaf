//! The workflow features as a user meets them: the real binary on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn factlint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.env_remove("NO_COLOR").env("CI", "true");
    cmd
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    factlint()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run factlint")
}

/// A temporary directory holding copies of the given articles.
fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn mixed() -> String {
    std::fs::read_to_string(data("articles/mixed.md")).expect("fixture")
}

fn json_diagnostics(o: &Output) -> Vec<Value> {
    let v: Value = serde_json::from_slice(&o.stdout).expect("json output");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .collect()
}

fn rules_of(o: &Output) -> Vec<String> {
    json_diagnostics(o)
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

// ---- formats ----

#[test]
fn github_format_writes_escaped_annotations() {
    let ws = workspace(&[("a, b.md", &mixed())]);
    let o = run_in(ws.path(), &["--format", "github", "a, b.md"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let first = out.lines().next().expect("one annotation");
    assert!(
        first.starts_with(
            "::error file=a%2C b.md,line=8,col=22,endLine=8,endColumn=46,title=date.weekday-mismatch::29 November 2026 is a Sunday, not a Monday%0Ahelp: "
        ),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("::warning ")), "{out}");
    assert!(out.lines().any(|l| l.starts_with("::notice ")), "{out}");
    assert!(out.lines().all(|l| l.starts_with("::")), "{out}");
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(data("sarif-schema-2.1.0.json")).expect("schema"),
    )
    .expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let ws = workspace(&[
        ("news/mixed.md", &mixed()),
        ("news/clean.md", "Nothing here.\n"),
        ("news/bad.txt", "bad \u{0}\u{0} bytes"),
    ]);
    let o = run_in(ws.path(), &["--format", "sarif", "news"]);
    let log: Value = serde_json::from_slice(&o.stdout).expect("sarif json");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for r in rules {
        assert!(r["shortDescription"]["text"].is_string());
        assert!(r["help"]["text"].is_string());
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().expect("results");
    let weekday = results
        .iter()
        .find(|r| r["ruleId"] == "date.weekday-mismatch")
        .expect("weekday result");
    assert_eq!(weekday["level"], "error");
    let loc = &weekday["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "news/mixed.md");
    let region = &loc["region"];
    assert_eq!(
        (region["startLine"].clone(), region["startColumn"].clone()),
        (8.into(), 22.into())
    );
    let start = region["charOffset"].as_u64().expect("offset") as usize;
    let len = region["charLength"].as_u64().expect("length") as usize;
    let text: String = mixed().chars().skip(start).take(len).collect();
    assert_eq!(text, "Monday, 29 November 2026");
    assert!(
        weekday["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            == "Sunday"
    );
    assert!(results
        .iter()
        .all(|r| rules.iter().any(|x| x["id"] == r["ruleId"])));
}

#[test]
fn rdjson_output_carries_suggestions() {
    let ws = workspace(&[("a.md", &mixed())]);
    let o = run_in(ws.path(), &["--format", "rdjson", "a.md"]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("rdjson");
    assert_eq!(v["source"]["name"], "factlint");
    let diags = v["diagnostics"].as_array().expect("diagnostics");
    let d = diags
        .iter()
        .find(|d| d["code"]["value"] == "style.percent-consistency")
        .expect("percent finding");
    assert_eq!(d["severity"], "WARNING");
    assert_eq!(d["location"]["path"], "a.md");
    assert_eq!(d["suggestions"][0]["text"], "percent");
    assert_eq!(d["location"]["range"]["start"]["line"], 9);
}

#[test]
fn html_format_is_one_self_contained_page() {
    let ws = workspace(&[("a.md", &mixed()), ("b.md", "<b>x</b> & y\n")]);
    let o = run_in(ws.path(), &["--format", "html", "a.md", "b.md"]);
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("<script src")
    );
    assert!(page.contains("<table id=\"by-rule\">"));
    assert!(page.contains("href=\"#f0-0\""));
    assert!(page.contains("data-finding=\"f0-0\""));
    assert!(page.contains("&lt;b&gt;x&lt;/b&gt; &amp; y"));
    assert!(page.contains(">Monday, 29 November 2026</mark>"), "{page}");
}

// ---- suppressions ----

const SUPPRESSED_MD: &str = "---
date: 2026-12-01
---

<!-- factlint-disable-next-line date.weekday-mismatch -- the organisers' own wording -->
The council meets on Monday, 29 November 2026, the chair said.

<!-- factlint-disable style. -->
The end result was, irregardless, a draw.
<!-- factlint-enable style. -->
The free gift was a free gift. <!-- factlint-ignore style.redundant-phrase \"free gift\" -->

<!-- factlint-disable-next-line date. -->
Nothing to see.
";

#[test]
fn markdown_directives_silence_exactly_what_they_name() {
    let ws = workspace(&[("a.md", SUPPRESSED_MD)]);
    let o = run_in(ws.path(), &["--format", "json", "a.md"]);
    let diags = json_diagnostics(&o);
    let found: Vec<(String, u64)> = diags
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // One "free gift" is ignored, the other is reported; the unused directive is noted.
    assert_eq!(
        found,
        [
            ("style.redundant-phrase".to_string(), 11),
            ("style.unused-suppression".to_string(), 13),
        ],
        "{diags:#?}"
    );
    assert_eq!(diags[0]["span"]["column"], 21);
    assert_eq!(diags[1]["severity"], "info");
}

#[test]
fn html_and_text_directives_work_too() {
    let ws = workspace(&[
        (
            "a.html",
            "<p>x</p><!-- factlint-disable-next-line date. -->\n<p>Monday, 29 November 2026</p>\n<p>Monday, 29 November 2026</p>",
        ),
        (
            "b.txt",
            "The end result was a draw.\nfactlint: disable-next-line style.redundant-phrase -- quoted\nThe end result was a draw.\n",
        ),
    ]);
    let o = run_in(
        ws.path(),
        &[
            "--format",
            "compact",
            "--date",
            "2026-12-01",
            "a.html",
            "b.txt",
        ],
    );
    let out = stdout(&o);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "a.html:3:4: error [date.weekday-mismatch] 29 November 2026 is a Sunday, not a Monday",
            "b.txt:1:5: info [style.redundant-phrase] “end result” is redundant",
        ],
        "{out}"
    );
}

#[test]
fn config_per_path_ignores_and_front_matter_ignores() {
    let text = "The end result was a draw on Monday, 29 November 2026.\n";
    let ws = workspace(&[
        (".factlint.yaml", "per-path-ignores:\n  \"archive/**\": [style.]\n"),
        ("archive/2020/a.md", text),
        ("news/a.md", text),
        (
            "news/b.md",
            "---\nfactlint: {ignore: [date.]}\n---\nThe end result was a draw on Monday, 29 November 2026.\n",
        ),
    ]);
    let o = run_in(
        ws.path(),
        &["--format", "json", "--date", "2026-12-01", "."],
    );
    let v: Value = serde_json::from_slice(&o.stdout).expect("json");
    let rules_in = |i: usize| -> Vec<String> {
        v["files"][i]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(v["files"][0]["path"], "archive/2020/a.md");
    assert_eq!(rules_in(0), ["date.weekday-mismatch"]);
    assert_eq!(
        rules_in(1),
        ["style.redundant-phrase", "date.weekday-mismatch"]
    );
    assert_eq!(rules_in(2), ["style.redundant-phrase"]);
}

#[test]
fn directives_for_rules_not_run_are_not_called_unused() {
    let ws = workspace(&[("a.md", SUPPRESSED_MD)]);
    let o = run_in(
        ws.path(),
        &["--format", "json", "--ignore", "date.", "a.md"],
    );
    assert!(!rules_of(&o).contains(&"style.unused-suppression".to_string()));
}

#[test]
fn every_built_in_rule_example_passes() {
    let o = factlint().arg("test-rules").output().expect("run");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

// ---- fixes ----

#[test]
fn diff_prints_fixes_and_writes_nothing() {
    let ws = workspace(&[("a.md", &mixed())]);
    let o = run_in(ws.path(), &["--diff", "a.md"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("--- a/a.md\n+++ b/a.md\n@@ "), "{out}");
    assert!(
        out.contains("\n-The end result was, irregardless, a draw.\n"),
        "{out}"
    );
    assert!(
        out.contains("\n+The result was, regardless, a draw.\n"),
        "{out}"
    );
    // Safe fixes only: the weekday stays.
    assert!(!out.contains("+The council meets on Sunday"), "{out}");
    assert_eq!(
        std::fs::read_to_string(ws.path().join("a.md")).expect("read"),
        mixed()
    );
    let o = run_in(ws.path(), &["--diff", "--unsafe-fixes", "a.md"]);
    assert!(stdout(&o).contains("+The council meets on Sunday"));
}

#[cfg(unix)]
#[test]
fn fix_writes_safe_fixes_keeps_permissions_and_reports_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(&[("a.md", &mixed())]);
    let path = ws.path().join("a.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let o = run_in(ws.path(), &["--fix", "--format", "json", "a.md"]);
    assert_eq!(rules_of(&o), ["date.weekday-mismatch"]);
    let fixed = std::fs::read_to_string(&path).expect("read");
    assert!(
        fixed.contains("3 percent spoiled")
            && fixed.contains("The result was, regardless, a draw.")
    );
    assert!(fixed.contains("Monday, 29 November"));
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(ws.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "a.md")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let o = run_in(
        ws.path(),
        &["--fix", "--unsafe-fixes", "--format", "json", "a.md"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(rules_of(&o).is_empty());
}

#[test]
fn one_spelling_problem_is_one_finding_whose_fix_respells_every_place() {
    let article = "---\ndate: 2024-03-02\n---\n\nPresident Zelenskyy met the envoys on Friday. \
Zelensky said the talks were useful.\n\nLater, Zelenskyy flew home, and Zelensky's office \
said a second round would follow.\n";
    let ws = workspace(&[("a.md", article)]);
    let o = run_in(ws.path(), &["--format", "json", "a.md"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let found = &v["files"][0]["diagnostics"];
    let names: Vec<&serde_json::Value> = found
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["rule"] == "name.inconsistent")
        .collect();
    assert_eq!(names.len(), 1, "{found}");
    let d = names[0];
    assert_eq!(d["labels"].as_array().map(Vec::len), Some(3), "{d}");
    assert_eq!(d["fix"]["replacement"], "Zelenskyy", "{d}");
    assert_eq!(d["fix"]["also"].as_array().map(Vec::len), Some(1), "{d}");
    let o = run_in(ws.path(), &["--fix", "--format", "json", "a.md"]);
    assert!(
        !rules_of(&o).contains(&"name.inconsistent".to_string()),
        "{}",
        stdout(&o)
    );
    let fixed = std::fs::read_to_string(ws.path().join("a.md")).expect("read");
    assert!(!fixed.contains("Zelensky "), "{fixed}");
    assert!(fixed.contains("Zelenskyy's office"), "{fixed}");
}

#[test]
fn no_option_but_fix_writes_to_an_article() {
    let ws = workspace(&[("a.md", &mixed())]);
    for args in [
        &["a.md"][..],
        &["--unsafe-fixes", "a.md"],
        &["--diff", "--unsafe-fixes", "a.md"],
        &["--format", "sarif", "a.md"],
    ] {
        run_in(ws.path(), args);
        assert_eq!(
            std::fs::read_to_string(ws.path().join("a.md")).expect("read"),
            mixed()
        );
    }
}

/// Every fixture with fixes: after `--fix --unsafe-fixes`, a second run reports none of
/// the findings that had a fix.
#[test]
fn a_second_run_after_fix_reports_none_of_the_fixed_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut fixtures = Vec::new();
    for dir in [root.join("fixtures"), root.join("tests/data/articles")] {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
            {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p
                    .extension()
                    .is_some_and(|x| x == "md" || x == "txt" || x == "html")
                {
                    fixtures.push(p);
                }
            }
        }
    }
    let mut with_fixes = 0;
    for fixture in fixtures {
        let name = fixture
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&fixture).expect("fixture");
        let ws = workspace(&[(name.as_str(), text.as_str())]);
        let before = json_diagnostics(&run_in(ws.path(), &["--format", "json", &name]));
        let fixable: Vec<&Value> = before.iter().filter(|d| d.get("fix").is_some()).collect();
        if fixable.is_empty() {
            continue;
        }
        with_fixes += 1;
        run_in(
            ws.path(),
            &["--fix", "--unsafe-fixes", "--format", "json", &name],
        );
        let after = json_diagnostics(&run_in(ws.path(), &["--format", "json", &name]));
        for d in &after {
            assert!(
                d.get("fix").is_none(),
                "{name}: still fixable after --fix: {d}"
            );
        }
        assert!(after.len() < before.len(), "{name}");
    }
    assert!(with_fixes >= 2);
}

#[test]
fn overlapping_fixes_apply_one_and_report_the_other() {
    // A user rule whose fix overlaps the built-in "end result" fix.
    let ws = workspace(&[
        (
            "rules/overlap.yaml",
            "- id: style.result-draw\n  kind: pattern\n  severity: warning\n  message: \"“{match}”\"\n  params:\n    pattern: \"result was a draw\"\n    replacement: \"match was drawn\"\n",
        ),
        ("a.md", "The end result was a draw.\n"),
    ]);
    let o = run_in(
        ws.path(),
        &["--rules", "rules", "--fix", "--format", "json", "a.md"],
    );
    let fixed = std::fs::read_to_string(ws.path().join("a.md")).expect("read");
    assert_eq!(fixed, "The result was a draw.\n");
    assert_eq!(rules_of(&o), ["style.result-draw"]);
}

// ---- baseline ----

#[test]
fn baseline_hides_recorded_findings_across_edits_elsewhere() {
    let ws = workspace(&[("news/a.md", &mixed())]);
    let o = run_in(ws.path(), &["--write-baseline", "baseline.json", "news"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let b: Value = serde_json::from_str(
        &std::fs::read_to_string(ws.path().join("baseline.json")).expect("baseline"),
    )
    .expect("json");
    let entries = b["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["path"], "news/a.md");
    assert_eq!(entries[0]["text"], "Monday, 29 November 2026");
    // Edit elsewhere: a new paragraph at the top moves every line; add one new finding.
    let edited = mixed().replace(
        "# Budget vote\n",
        "# Budget vote\n\nA new paragraph, irregardless of the old ones.\n",
    );
    std::fs::write(ws.path().join("news/a.md"), &edited).expect("edit");
    let o = run_in(
        ws.path(),
        &["--baseline", "baseline.json", "--format", "json", "news"],
    );
    let diags = json_diagnostics(&o);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["rule"], "style.irregardless");
    assert_eq!(diags[0]["span"]["line"], 8);
    // Fix one recorded finding; the next write drops its entry.
    std::fs::write(
        ws.path().join("news/a.md"),
        edited.replace("The end result", "The result"),
    )
    .expect("edit");
    run_in(ws.path(), &["--write-baseline", "baseline.json", "news"]);
    let b: Value = serde_json::from_str(
        &std::fs::read_to_string(ws.path().join("baseline.json")).expect("baseline"),
    )
    .expect("json");
    let rules: Vec<&str> = b["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["rule"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(rules.len(), 4, "{rules:?}");
    assert!(!rules.contains(&"style.redundant-phrase"));
}

#[test]
fn an_unreadable_baseline_is_a_usage_error() {
    let ws = workspace(&[("a.md", "Fine.\n"), ("b.json", "not json")]);
    let o = run_in(ws.path(), &["--baseline", "b.json", "a.md"]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- --diff-base ----

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn diff_base_reports_only_changed_lines() {
    let old = "The end result was a draw.\nThe match went ahead, irregardless of the weather.\n";
    let ws = workspace(&[
        ("news/a.md", old),
        ("news/b.md", "The end result was a draw.\n"),
    ]);
    git(ws.path(), &["init", "-q"]);
    git(ws.path(), &["add", "."]);
    git(ws.path(), &["commit", "-q", "-m", "articles"]);
    let new = format!("{old}Shoppers got a free gift.\n");
    std::fs::write(ws.path().join("news/a.md"), new).expect("edit");
    std::fs::write(ws.path().join("news/c.md"), "Irregardless, new.\n").expect("new file");
    let o = run_in(
        ws.path(),
        &["--diff-base", "HEAD", "--format", "compact", "news"],
    );
    let out = stdout(&o);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "news/a.md:3:16: info [style.redundant-phrase] “free gift” is redundant",
            "news/c.md:1:1: warning [style.irregardless] “Irregardless” is not standard English",
        ],
        "{out}"
    );
    let o = run_in(ws.path(), &["--diff-base", "no-such-rev", "news/a.md"]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- batch comfort ----

#[test]
fn max_diagnostics_and_quiet() {
    let ws = workspace(&[("a.md", &mixed())]);
    let o = run_in(
        ws.path(),
        &["--max-diagnostics", "2", "--format", "json", "a.md"],
    );
    assert_eq!(rules_of(&o).len(), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("2 more diagnostics"));
    let o = run_in(
        ws.path(),
        &["--quiet", "--max-diagnostics", "2", "--diff", "a.md"],
    );
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let o = factlint()
            .args(["completions", shell])
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("diff-base"), "{shell}");
    }
    let o = factlint().arg("man").output().expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with(".ie"), "{}", stdout(&o));
}

#[test]
fn github_annotations_drop_columns_for_multi_line_spans() {
    let ws = workspace(&[
        (
            "rules/r.yaml",
            "- id: style.vote-was\n  kind: pattern\n  severity: warning\n  message: \"50%: “{match}”\"\n  params:\n    pattern: \"vote was\"\n",
        ),
        ("a.md", "The vote\nwas close.\n"),
    ]);
    let o = run_in(
        ws.path(),
        &["--rules", "rules", "--format", "github", "a.md"],
    );
    assert_eq!(
        stdout(&o),
        "::warning file=a.md,line=1,endLine=2,title=style.vote-was::50%25: “vote was”\n"
    );
}
