//! Issue 15: nothing on the command line is silently off. Every typo in a rule id, a
//! directive, a configuration or rule file, every path and every fix either works or
//! says why, through the binary as a user meets it.

mod common;

use std::path::Path;
use std::process::Output;

use common::{factlint, run, stderr, stdout};
use serde_json::Value;

const WEEKDAY: &str = "fixtures/dates/weekday.md";

/// A temporary folder holding `files`.
fn workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

/// A report as words: miette's wrapping, gutters and hyphen breaks undone.
fn flat(report: &str) -> String {
    report
        .lines()
        .map(|l| l.trim_start().trim_start_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    factlint()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("factlint runs")
}

const ARTICLE: &str = "---\ndate: 2026-12-01\n---\n\nThe summit opened on Monday, 29 November 2026, irregardless of the rain.\n";

// ---- 1. unknown rule ids are errors everywhere ----

#[test]
fn a_misspelt_rule_id_in_a_flag_is_an_error_with_the_closest_id() {
    let out = run(&["--select", "date.weekday-mismach", "fixtures/dates"]);
    assert_eq!(out.status.code(), Some(2));
    let err = flat(&stderr(&out));
    assert!(
        err.contains("--select: unknown rule `date.weekday-mismach`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `date.weekday-mismatch`?"),
        "{err}"
    );
    assert!(
        !stdout(&out).contains("No problems found"),
        "{}",
        stdout(&out)
    );
    // A prefix must match a rule too; both flags are reported in one run.
    let out = run(&["--select", "dat.", "--ignore", "style.irregardles", WEEKDAY]);
    assert_eq!(out.status.code(), Some(2));
    let err = flat(&stderr(&out));
    assert!(err.contains("no rule id starts with `dat.`"), "{err}");
    assert!(err.contains("did you mean `date.`?"), "{err}");
    assert!(err.contains("did you mean `style.irregardless`?"), "{err}");
    // Good ids and prefixes still work.
    assert_eq!(
        run(&["--select", "date", "--ignore", "style.", WEEKDAY])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn misspelt_rule_ids_in_the_configuration_point_at_each_one() {
    let ws = workspace(&[
        (
            ".factlint.yaml",
            b"select: [date.weekday-mismach]\nignore: [styl.]\nseverity:\n  date.invlid: error\nper-path-ignores:\n  \"a/**\": [style.irregardles]\n",
        ),
        ("a.md", ARTICLE.as_bytes()),
    ]);
    let out = run_in(ws.path(), &["a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = flat(&stderr(&out));
    for needle in [
        "4 problems in the configuration",
        "factlint::configuration",
        ".factlint.yaml:1:10: unknown rule `date.weekday-mismach`",
        "did you mean `date.weekday-mismatch`?",
        ".factlint.yaml:2:10: no rule id starts with `styl.`",
        "did you mean `style.`?",
        ".factlint.yaml:4:3: unknown rule `date.invlid`",
        "did you mean `date.invalid`?",
        ".factlint.yaml:6:12: unknown rule `style.irregardles`",
        "did you mean `style.irregardless`?",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(!err.contains("factlint::rule_file"), "{err}");
}

#[test]
fn an_unknown_rule_in_a_suppression_comment_fails_the_run_at_the_comment() {
    let text = "---\ndate: 2026-12-01\n---\n\n<!-- factlint-disable-next-line date.weekday-mismach -->\nThe summit opened on Monday, 29 November 2026.\n";
    let ws = workspace(&[("a.md", text.as_bytes())]);
    let out = run_in(ws.path(), &["--format", "compact", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("a.md:5:6: suppression comment: unknown rule `date.weekday-mismach`; did you mean `date.weekday-mismatch`?"),
        "{err}"
    );
    // The finding it meant to silence is still reported.
    assert!(
        stdout(&out).contains("[date.weekday-mismatch]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_misspelt_directive_is_reported_with_the_intended_spelling() {
    for (written, intended) in [
        (
            "factlint-disable-nextline date.weekday-mismatch",
            "factlint-disable-next-line",
        ),
        ("factlint:disable date.", "factlint-disable"),
        (
            "factlint-ignor date.weekday-mismatch \"Monday\"",
            "factlint-ignore",
        ),
    ] {
        let text = format!(
            "Intro.\n\n<!-- {written} -->\nThe summit opened on Monday, 29 November 2026.\n"
        );
        let ws = workspace(&[("a.md", text.as_bytes())]);
        let out = run_in(ws.path(), &["--date", "2026-12-01", "a.md"]);
        assert_eq!(out.status.code(), Some(2), "{written}");
        let err = stderr(&out);
        assert!(err.contains("a.md:3:6:"), "{written}: {err}");
        assert!(
            err.contains(&format!("did you mean `{intended}`?")),
            "{written}: {err}"
        );
    }
}

#[test]
fn a_baseline_naming_an_unknown_rule_is_an_error() {
    let baseline = br#"{"version": 1, "entries": [{"rule": "date.weekday-mismach", "path": "a.md", "text": "x", "before": "", "after": ""}]}"#;
    let ws = workspace(&[("a.md", ARTICLE.as_bytes()), ("b.json", baseline)]);
    let out = run_in(ws.path(), &["--baseline", "b.json", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = flat(&stderr(&out));
    assert!(
        err.contains("1 entries for an unknown rule `date.weekday-mismach`"),
        "{err}"
    );
    assert!(
        err.contains("did you mean `date.weekday-mismatch`?"),
        "{err}"
    );
}

// ---- 2. configuration and rule-file problems: all in one run, each placed ----

#[test]
fn every_configuration_and_rule_file_problem_comes_in_one_run() {
    let ws = workspace(&[
        (".factlint.yaml", b"fail-on: error\nrules: [house]\nfail-of: warning\n"),
        (
            "extra/a.yaml",
            b"- id: style.a\n  kind: patern\n  severity: warnng\n  message: \"{match}\"\n",
        ),
        (
            "extra/b.yaml",
            b"- id: style.b\n  kind: pattern\n  severity: info\n  message: \"{mach}\"\n  params:\n    pattern: foo\n",
        ),
        (
            "extra/c.yaml",
            b"- id: style.c\n  kind: pattern\n  severity: info\n  mesage: x\n",
        ),
        ("a.md", ARTICLE.as_bytes()),
    ]);
    let out = run_in(ws.path(), &["--rules", "extra", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out).replace(&ws.path().display().to_string(), "WS");
    let words = flat(&err);
    for needle in [
        "problems in the configuration and rule files",
        "factlint::configuration",
        ".factlint.yaml:3:1: unknown field `fail-of`",
        "did you mean `fail-on`?",
        "extra/a.yaml:2:9: unknown rule kind `patern`",
        "did you mean `pattern`?",
        "extra/a.yaml:3:13: unknown severity `warnng`",
        "did you mean `warning`?",
        "extra/b.yaml:4:12: unknown placeholder `{mach}`",
        "did you mean `{match}`?",
        "extra/c.yaml:4:3: unknown field `mesage`",
        "did you mean `message`?",
    ] {
        assert!(words.contains(needle), "missing {needle:?} in:\n{err}");
    }
    insta::assert_snapshot!("all_problems_in_one_run", err);
}

#[test]
fn every_rule_of_a_file_that_does_not_read_is_reported_at_its_field() {
    let rules = "- id: style.one\n  kind: pattern\n  severity: warning\n  mesage: hi\n  params:\n    pattern: x\n- id: style.two\n  kind: pattern\n  severity: warning\n  message: hi\n  parms:\n    pattern: y\n";
    let dir = workspace(&[
        ("house/house.yaml", rules.as_bytes()),
        ("a.md", ARTICLE.as_bytes()),
    ]);
    let out = run_in(dir.path(), &["--rules", "house", "a.md"]);
    let err = flat(&stderr(&out));
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("house.yaml:4:3: unknown field `mesage`"),
        "{err}"
    );
    assert!(err.contains("did you mean `message`?"), "{err}");
    assert!(
        err.contains("house.yaml:11:3: unknown field `parms`"),
        "{err}"
    );
    assert!(err.contains("did you mean `params`?"), "{err}");
}

#[test]
fn an_unclosed_quote_points_at_the_quote() {
    let ws = workspace(&[
        (
            "house/a.yaml",
            b"- id: style.a\n  kind: pattern\n  severity: info\n  message: \"avoid {match}\n  description: plain\n  help: \"write it out\"\n  params:\n    pattern: foo\n",
        ),
        ("a.md", ARTICLE.as_bytes()),
    ]);
    let out = run_in(ws.path(), &["--rules", "house", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("house/a.yaml:4:12: unclosed quote"), "{err}");
    insta::assert_snapshot!("unclosed_quote", err);
    // In the configuration too, where it used to point at the first line.
    let ws = workspace(&[
        (
            ".factlint.yaml",
            b"fail-on: error\nselect: [\"date.weekday-mismatch]\n",
        ),
        ("a.md", ARTICLE.as_bytes()),
    ]);
    let err = stderr(&run_in(ws.path(), &["a.md"]));
    assert!(err.contains(".factlint.yaml:2:10: unclosed quote"), "{err}");
}

// ---- 3. baselines keyed on the baseline file's folder ----

#[test]
fn a_baseline_matches_from_any_directory_and_however_paths_are_written() {
    let ws = workspace(&[
        ("news/a.md", ARTICLE.as_bytes()),
        ("news/b.md", ARTICLE.as_bytes()),
    ]);
    let root = ws.path();
    let out = run_in(
        root,
        &["--write-baseline", ".factlint-baseline.json", "news"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let baseline = root.join(".factlint-baseline.json");
    let absolute = baseline.display().to_string();
    let news = root.join("news");
    let absolute_news = news.display().to_string();
    for (dir, args) in [
        (&news, vec!["--baseline", "../.factlint-baseline.json", "."]),
        (
            &news,
            vec!["--baseline", "../.factlint-baseline.json", "a.md", "./b.md"],
        ),
        (&news, vec!["--baseline", absolute.as_str(), "."]),
        (
            &root.to_path_buf(),
            vec!["--baseline", "./.factlint-baseline.json", "./news"],
        ),
        (
            &root.to_path_buf(),
            vec![
                "--baseline",
                ".factlint-baseline.json",
                absolute_news.as_str(),
            ],
        ),
    ] {
        let out = run_in(dir, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?} in {dir:?}:\n{}",
            stdout(&out)
        );
        assert!(
            !stderr(&out).contains("no longer match"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn stale_baseline_entries_are_noted_so_they_can_be_pruned() {
    let article = "---\ndate: 2026-12-01\n---\n\nThe summit opened on Monday, 29 November 2026.\n\nIt went ahead, irregardless.\n";
    let ws = workspace(&[
        ("news/a.md", article.as_bytes()),
        ("news/b.md", article.as_bytes()),
    ]);
    let root = ws.path();
    run_in(root, &["--write-baseline", "base.json", "news"]);
    // One finding fixed in a.md, b.md deleted: three entries no longer match.
    std::fs::write(
        root.join("news/a.md"),
        article.replace("irregardless", "regardless"),
    )
    .unwrap();
    std::fs::remove_file(root.join("news/b.md")).unwrap();
    let out = run_in(root, &["--baseline", "base.json", "news"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a stale entry is a note, not a failure"
    );
    let err = stderr(&out);
    assert!(
        err.contains("factlint: note: 3 baseline entries no longer match a finding (in news/a.md, news/b.md); run with --write-baseline base.json to prune them"),
        "{err}"
    );
}

// ---- 4. fixes never damage text ----

#[test]
fn a_fix_ending_at_a_full_stop_keeps_exactly_one() {
    let ws = workspace(&[("a.md", b"The meeting starts at 10 a.m. in the morning.\n")]);
    let out = run_in(ws.path(), &["--fix", "a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(ws.path().join("a.md")).unwrap(),
        "The meeting starts at 10 a.m.\n"
    );
}

#[test]
fn diff_and_fix_say_how_many_unsafe_fixes_were_left_out() {
    // The weekday's fix is unsafe: the date may be the mistake, not the weekday.
    let text = "It opened on Monday, 29 November 2026.\n";
    let ws = workspace(&[("a.md", text.as_bytes())]);
    let out = run_in(ws.path(), &["--date", "2026-12-01", "--diff", "a.md"]);
    let err = stderr(&out);
    assert!(
        err.contains("0 fixes available in 0 files (not written); 1 unsafe fixes left out"),
        "{err}"
    );
    assert!(err.contains("--diff --unsafe-fixes"), "{err}");
    assert!(err.contains("--fix --unsafe-fixes"), "{err}");
    let out = run_in(ws.path(), &["--date", "2026-12-01", "--fix", "a.md"]);
    assert!(
        stderr(&out).contains("applied 0 fixes in 0 files; 1 unsafe fixes left out"),
        "{}",
        stderr(&out)
    );
    let out = run_in(
        ws.path(),
        &["--date", "2026-12-01", "--diff", "--unsafe-fixes", "a.md"],
    );
    assert!(
        stdout(&out).contains("+It opened on Sunday"),
        "{}",
        stdout(&out)
    );
    assert!(!stderr(&out).contains("left out"), "{}", stderr(&out));
}

// ---- 5. help and paths ----

#[test]
fn rule_sources_go_before_or_after_a_subcommand() {
    let ws = workspace(&[("house/empty.yaml", b"")]);
    let house = ws.path().join("house").display().to_string();
    for args in [
        vec!["--rules", house.as_str(), "kb", "show", "OpenAI"],
        vec!["kb", "show", "OpenAI", "--rules", house.as_str()],
        vec!["--config", "/dev/null", "rules"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("no such file"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // A checking option before another subcommand would do nothing: it is an error.
    let out = run(&["--format", "json", "rules"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--format is a checking option"),
        "{}",
        stderr(&out)
    );
    // `factlint article.md` is still `factlint check article.md`.
    assert_eq!(stdout(&run(&[WEEKDAY])), stdout(&run(&["check", WEEKDAY])));
}

#[test]
fn top_level_help_shows_the_checking_options() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for option in [
        "--select",
        "--ignore",
        "--format",
        "--fix",
        "--baseline",
        "--encoding",
        "kb",
    ] {
        assert!(help.contains(option), "missing {option} in:\n{help}");
    }
}

#[test]
fn a_named_path_with_nothing_to_check_is_a_warning_and_exit_2() {
    let ws = workspace(&[("empty/notes.csv", b"a,b\n")]);
    let out = run_in(ws.path(), &["empty"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("factlint: warning: no checkable files found under empty"),
        "{}",
        stderr(&out)
    );
    // The default, the current directory, holding nothing: a note and exit 0.
    let out = factlint()
        .current_dir(ws.path().join("empty"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("no checkable files found under the current directory"));
}

// ---- 6. encodings ----

#[test]
fn a_windows_1252_article_is_read_with_a_note_and_spans_count_its_bytes() {
    // "Café “Mon” ..." in Windows-1252: é, “ and ” are one byte each.
    let bytes = b"---\ndate: 2026-12-01\n---\n\nCaf\xe9 \x93news\x94: it opened on Monday, 29 November 2026.\n";
    let ws = workspace(&[("a.md", bytes)]);
    let out = run_in(ws.path(), &["--format", "json", "a.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a.md is not UTF-8; read as windows-1252"),
        "{}",
        stderr(&out)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["rule"], "date.weekday-mismatch");
    let (start, end) = (
        d["span"]["start"].as_u64().unwrap() as usize,
        d["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], b"Monday, 29 November 2026");
    assert_eq!(d["span"]["column"], 27);
    // Strict UTF-8 still refuses it.
    let out = run_in(ws.path(), &["--encoding", "utf-8", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid UTF-8 at byte 29"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_utf16_article_is_read_by_its_byte_order_mark() {
    let text = "---\ndate: 2026-12-01\n---\n\nIt opened on Monday, 29 November 2026.\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let ws = workspace(&[("a.md", &bytes)]);
    let out = run_in(ws.path(), &["--format", "json", "a.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let span = &json["files"][0]["diagnostics"][0]["span"];
    let start = span["start"].as_u64().unwrap() as usize;
    let at = text.find("Monday").unwrap();
    assert_eq!(start, 2 + 2 * at, "BOM plus two bytes a character");
    // --fix writes UTF-16 back, BOM included.
    let out = run_in(ws.path(), &["--fix", "--unsafe-fixes", "a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut fixed = vec![0xFF, 0xFE];
    fixed.extend(
        text.replace("Monday", "Sunday")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    assert_eq!(std::fs::read(ws.path().join("a.md")).unwrap(), fixed);
}

#[test]
fn fix_writes_back_in_the_files_encoding_or_says_why_not() {
    let bytes =
        b"---\ndate: 2026-12-01\n---\n\nCaf\xe9 opened on Monday, 29 November 2026; price 5 EUR.\n";
    let rule = b"- id: style.euro-sign\n  kind: pattern\n  severity: info\n  message: \"write the sign\"\n  params:\n    pattern: \"EUR\"\n    replacement: \"\xe2\x82\xac\"\n";
    let ws = workspace(&[("a.md", bytes), ("house/euro.yaml", rule)]);
    // Windows-1252 has the euro sign (0x80): both fixes are written in that encoding.
    let out = run_in(
        ws.path(),
        &["--rules", "house", "--fix", "--unsafe-fixes", "a.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(ws.path().join("a.md")).unwrap(),
        b"---\ndate: 2026-12-01\n---\n\nCaf\xe9 opened on Sunday, 29 November 2026; price 5 \x80.\n"
    );
    // Latin-1 has no euro sign: nothing is written, and the run says why.
    std::fs::write(ws.path().join("a.md"), bytes).unwrap();
    let out = run_in(
        ws.path(),
        &[
            "--rules",
            "house",
            "--encoding",
            "latin1",
            "--fix",
            "--unsafe-fixes",
            "a.md",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("a.md: fixes not written"), "{err}");
    assert!(err.contains("latin1 cannot write"), "{err}");
    assert_eq!(std::fs::read(ws.path().join("a.md")).unwrap(), bytes);
}

#[test]
fn binary_files_are_still_binary_whatever_the_encoding() {
    let png = b"\x89PNG\r\n\x1a\n\xff\xd8 IHDR \x01\x02\x03 data";
    let ws = workspace(&[("photo.md", png)]);
    let out = run_in(ws.path(), &["photo.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("binary file"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("windows-1252"), "{}", stderr(&out));
}
