//! `factlint kb import` and `factlint kb stats` through the real binary: a newsroom's
//! CSV or JSON list becomes a knowledge file that the loader and the checks use; every
//! problem of a list is reported in one run, with its row or JSON path, its column and a
//! suggestion; nothing overwrites a file unasked, nothing writes to the input.

mod common;

use std::path::{Path, PathBuf};

use common::{factlint, run, stderr, stdout};

/// A fresh directory under the system temp dir, named for the test.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("factlint-kb-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("knowledge")).expect("scratch dir");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The error report with miette's line wrapping undone, one problem a line, so that a
/// message can be matched whole.
fn flat(report: &str) -> String {
    let mut out = String::new();
    for line in report.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("│ ") {
            // A wrapped message continues.
            out.push(' ');
            out.push_str(rest.trim());
        } else if t.starts_with("× ") || t.starts_with("help: ") {
            out.push('\n');
            out.push_str(t);
        } else if !t.is_empty()
            && line.starts_with("        ")
            && !t.starts_with(['·', '╭', '╰', '│'])
            && !t.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            // A wrapped help continues.
            out.push(' ');
            out.push_str(t);
        }
    }
    out
}

/// Import `file` (with extra arguments); returns (exit code, stdout, flattened stderr).
fn import(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["kb", "import"];
    all.extend_from_slice(args);
    let out = run(&all);
    (out.status.code(), stdout(&out), flat(&stderr(&out)))
}

/// Write `bytes` as `name` in a fresh scratch directory; returns its path.
fn list_file(test: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = scratch(test);
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write list");
    path
}

const SOURCE: &str = "https://newsroom.example.org/style/names";

#[test]
fn imports_csv_with_quotes_bom_and_several_terms() {
    let bytes = std::fs::read("fixtures/kb-import/newsroom.csv").expect("fixture");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "the fixture starts with a BOM"
    );
    let (code, out, err) = import(&[
        "fixtures/kb-import/newsroom.csv",
        "--source",
        SOURCE,
        "--checked",
        "https://second.example.net/list",
    ]);
    assert_eq!(code, Some(0), "{err}");
    // Quoted commas, "" escapes, two rows of one name merged into two terms.
    assert!(
        out.contains(r#"office: "Mayor of Port Ellery, Maine", title: "Mayor", from: "2015-01-05", to: "2019-01-07""#),
        "{out}"
    );
    assert!(
        out.contains(
            r#"office: "Mayor of Port Ellery, Maine", title: "Mayor", from: "2023-01-02"}"#
        ),
        "{out}"
    );
    assert!(out.contains(r#"Known as \"Mags\" on the council"#), "{out}");
    assert_eq!(
        out.matches("- name: \"Maria Alvarez-Stone\"").count(),
        1,
        "{out}"
    );
    insta::assert_snapshot!("newsroom_csv", out);
}

#[test]
fn imports_json_arrays_and_the_entities_object() {
    let (code, out, err) = import(&["fixtures/kb-import/newsroom.json"]);
    assert_eq!(code, Some(0), "{err}");
    insta::assert_snapshot!("newsroom_json", out);

    // A bare array reads the same as `{"entities": [...]}`.
    let text = std::fs::read_to_string("fixtures/kb-import/newsroom.json").expect("fixture");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let bare = list_file(
        "json-array",
        "newsroom.json",
        value["entities"].to_string().as_bytes(),
    );
    let (code, out2, err) = import(&[s(&bare)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, out2);
}

/// The imported file loads with `kb check`, `kb show` finds its entities through
/// `--rules`, and a house spelling from `avoid` is flagged in an article.
#[test]
fn round_trip_an_imported_list_is_used_by_the_checks() {
    let dir = scratch("round-trip");
    let out_file = dir.join("knowledge/newsroom.yaml");
    let (code, out, err) = import(&[
        "fixtures/kb-import/newsroom.csv",
        "--source",
        SOURCE,
        "-o",
        s(&out_file),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty(), "with -o nothing goes to stdout: {out}");

    let check = run(&["kb", "check", s(&out_file)]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).contains("3 entities from the files given"),
        "{}",
        stdout(&check)
    );

    let show = run(&["kb", "show", "--rules", s(&dir), "alvarez-stone"]);
    assert_eq!(show.status.code(), Some(0), "{}", stderr(&show));
    let shown = stdout(&show);
    assert!(shown.starts_with("Maria Alvarez-Stone (person)"), "{shown}");
    assert!(shown.contains("avoid: Maria Alvarez Stone"), "{shown}");
    assert!(
        shown.contains("Mayor of Port Ellery, Maine: 2 January 2023 to present"),
        "{shown}"
    );

    let article = dir.join("article.md");
    std::fs::write(
        &article,
        "Maria Alvarez Stone opened the harbour festival on Saturday.\n",
    )
    .expect("write article");
    let checked = factlint()
        .args([
            "check",
            "--format",
            "compact",
            "--date",
            "2024-06-01",
            "--select",
            "name.misspelled-entity",
            "--rules",
            s(&dir),
            s(&article),
        ])
        .output()
        .expect("factlint runs");
    let found = stdout(&checked);
    assert_eq!(
        checked.status.code(),
        Some(1),
        "{found}{}",
        stderr(&checked)
    );
    assert!(
        found.contains("[name.misspelled-entity]")
            && found.contains(
                "\"Maria Alvarez Stone\" looks like a misspelling of Maria Alvarez-Stone"
            ),
        "{found}"
    );

    // Without the imported knowledge the same article is clean.
    let plain = run(&[
        "check",
        "--format",
        "compact",
        "--date",
        "2024-06-01",
        "--select",
        "name.misspelled-entity",
        s(&article),
    ]);
    assert_eq!(plain.status.code(), Some(0), "{}", stdout(&plain));
}

#[test]
fn refuses_to_overwrite_unless_forced_and_never_writes_the_input() {
    let dir = scratch("overwrite");
    let target = dir.join("out.yaml");
    std::fs::write(&target, "# an editor's file\n").expect("write");
    let args = ["fixtures/kb-import/newsroom.csv", "--source", SOURCE, "-o"];
    let (code, _, err) = import(&[&args[..], &[s(&target)]].concat());
    assert_eq!(code, Some(2));
    assert!(
        err.contains("already exists; pass --force to replace it"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "# an editor's file\n"
    );

    let (code, _, err) = import(&[&args[..], &[s(&target), "--force"]].concat());
    assert_eq!(code, Some(0), "{err}");
    let written = std::fs::read_to_string(&target).expect("read");
    assert!(written.contains("Maria Alvarez-Stone"), "{written}");
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // The input is never the output, --force or not.
    let input = list_file(
        "self",
        "list.csv",
        b"name,source\nAda Lovelace,https://example.org/ada\n",
    );
    let (code, _, err) = import(&[s(&input), "-o", s(&input), "--force"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is the input file"), "{err}");
    assert_eq!(
        std::fs::read(&input).expect("read"),
        b"name,source\nAda Lovelace,https://example.org/ada\n"
    );
}

/// A list with a problem of every kind: all are reported, each with its row and column.
#[test]
fn reports_every_problem_of_a_csv_list_in_one_run() {
    let out = run(&["kb", "import", "fixtures/kb-import/errors.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let report = stderr(&out);
    insta::assert_snapshot!("errors_csv", report);
    let err = flat(&report);
    for expected in [
        "7 problems in knowledge files",
        "errors.csv:2:10: row 2, column `type`: unknown type `organisation`",
        "help: did you mean `organization`?",
        "errors.csv:2:23: row 2, column `born`: `2023-02-30` is not a real date",
        "errors.csv:2:56: row 2, column `to`: the term ends (`to` 2019-01-01) before it begins (`from` 2021-05-01)",
        "errors.csv:3:17: row 3, column `born`: `14/03/1968` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
        "errors.csv:3:32: row 3, column `aliases`: alias `JR` is already a name of `Jane Roe` (row 2)",
        "errors.csv:4:1: row 4, column `name`: `jane roe` is already a name of `Jane Roe` (row 2)",
        "errors.csv:5:1: this quoted field is never closed",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
}

#[test]
fn suggests_the_column_meant() {
    let (code, out, err) = import(&["fixtures/kb-import/misspelt-columns.csv"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains(
            "misspelt-columns.csv:1:1: row 1: unknown column `nmae`\nhelp: did you mean `name`?"
        ),
        "{err}"
    );
    assert!(
        err.contains("misspelt-columns.csv:1:32: row 1: unknown column `sorce`\nhelp: did you mean `source`?"),
        "{err}"
    );
    // With a name column, the rows are checked too.
    let path = list_file(
        "columns",
        "list.csv",
        b"name,typ,born\nAda Lovelace,persn,1815-12-10\n",
    );
    let (code, _, err) = import(&[s(&path), "--source", SOURCE]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("row 1: unknown column `typ`\nhelp: did you mean `type`?"),
        "{err}"
    );
    // An unknown column is never silently dropped, whatever it holds.
    let path = list_file("columns2", "list.csv", b"name,colour\nAda,\n");
    let (code, _, err) = import(&[s(&path), "--source", SOURCE]);
    assert_eq!(code, Some(2));
    assert!(err.contains("row 1: unknown column `colour`"), "{err}");
    assert!(
        err.contains("help: known columns: name, type, aliases"),
        "{err}"
    );
}

#[test]
fn reports_the_remaining_problem_classes() {
    let cases: &[(&str, &[u8], &[&str])] = &[
        ("no name column", b"type,born\nperson,1990\n", &["row 1: the header has no `name` column"]),
        ("empty file", b"", &["the file is empty: a CSV list needs a header row"]),
        (
            "no source",
            b"name\nAda Lovelace\nGrace Hopper\n",
            &[
                "list.csv:2:1: 2 entities have no source URL or Wikidata id: `Ada Lovelace` (row 2), `Grace Hopper` (row 3)",
                "help: add a `source` column",
                "list.csv, is kept in each entity's note",
            ],
        ),
        ("row without a name", b"name,source\n,https://example.org/x\n", &["list.csv:2:1: row 2, column `name`: no name"]),
        (
            "term without office",
            b"name,title,from,source\nAda,Mayor,2020,https://example.org/x\n",
            &["row 2, column `office`: a term needs an office (the title alone is not enough)"],
        ),
        (
            "term without from",
            b"name,office,source\nAda,Mayor of X,https://example.org/x\n",
            &["row 2, column `from`: a term needs the date it began (`from`)"],
        ),
        (
            "died before born",
            b"name,born,died,source\nAda,1990,1980,https://example.org/x\n",
            &["row 2, column `died`: `died` 1980 is before `born` 1990 (row 2, column `born`)"],
        ),
        (
            "avoid is a name",
            b"name,aliases,avoid,source\nAda,Countess,Countess,https://example.org/x\n",
            &["row 2, column `avoid`: `Countess` is a name of `Ada` and cannot also be avoided"],
        ),
        (
            "conflicting rows",
            b"name,born,source\nAda,1815,https://example.org/x\nAda,1816,\n",
            &["row 3, column `born`: `1816` differs from the born `1815` given in row 2 for `Ada`"],
        ),
        (
            "checked not a url",
            b"name,source,checked\nAda,https://example.org/x,the archive\n",
            &["row 2, column `checked`: `the archive` is not an http(s) URL"],
        ),
        (
            "bad wikidata",
            b"name,wikidata\nAda,Q0\n",
            &["row 2, column `wikidata`: `Q0` is not a Wikidata item id such as Q95"],
        ),
        (
            "unknown type without a near name",
            b"name,type,source\nAda,place,https://example.org/x\n",
            &["row 2, column `type`: unknown type `place`", "help: known types: person, company"],
        ),
        (
            "text after a closing quote",
            b"name,source\n\"Ada\" Lovelace,https://example.org/x\n",
            &["list.csv:2:6: text `Lovelace` after the closing quote of a field"],
        ),
        (
            "value beyond the header",
            b"name,source\nAda,https://example.org/x,extra\n",
            &["row 2: a value in column 3 but the header names no column there"],
        ),
        (
            "duplicate column",
            b"name,Name\nAda,Ada\n",
            &["row 1: column `Name` appears twice in the header"],
        ),
        (
            "invalid utf-8",
            b"name,source\nAda \xff,https://example.org/x\n",
            &["list.csv: invalid UTF-8 at byte 16 (line 2); save the list as UTF-8"],
        ),
    ];
    for (what, bytes, expected) in cases {
        let path = list_file(&what.replace(' ', "-"), "list.csv", bytes);
        let (code, out, err) = import(&[s(&path)]);
        assert_eq!(code, Some(2), "{what}: {err}");
        assert!(out.is_empty(), "{what}: {out}");
        for e in *expected {
            assert!(err.contains(e), "{what}: missing `{e}` in:\n{err}");
        }
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
}

#[test]
fn reports_json_problems_by_path() {
    // The folder's long name puts every problem line past 80 columns: a report read from
    // a pipe keeps each line whole (it was once wrapped at the hyphen of `2023-13`).
    let path = list_file(
        "json-errors-in-a-folder-whose-name-is-long-enough-to-pass-eighty-columns",
        "list.json",
        br#"[{"name": "A", "typ": "person", "source": "https://example.org/a"},
 {"name": "B", "type": "compny", "born": "2023-13", "source": "https://example.org/b"},
 {"name": "C", "aliases": [1], "source": "https://example.org/c"},
 {"name": "D", "from": "2020", "to": "2019", "office": "Mayor", "source": "https://example.org/d"},
 {"name": "E", "aliases": ["A"], "source": "https://example.org/e"},
 5]"#,
    );
    let (code, out, err) = import(&[s(&path)]);
    assert_eq!(code, Some(2), "{err}");
    assert!(out.is_empty());
    for expected in [
        "7 problems in knowledge files",
        "list.json:1:23: $[0].typ: unknown key `typ`\nhelp: did you mean `type`?",
        "list.json:2:24: $[1].type: unknown type `compny`\nhelp: did you mean `company`?",
        "$[1].born: `2023-13` is not a real date",
        "list.json:3:28: $[2].aliases[0]: expected a string",
        "$[3].to: the term ends (`to` 2019) before it begins (`from` 2020)",
        "$[4].aliases: alias `A` is already a name of `A` ($[0])",
        "list.json:6:2: $[5]: expected an object",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }

    let path = list_file(
        "json-syntax",
        "list.json",
        br#"{"entities": [{"name": "A",}]}"#,
    );
    let (code, _, err) = import(&[s(&path)]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("list.json:1:28: invalid JSON: trailing comma"),
        "{err}"
    );

    let path = list_file("json-root", "list.json", br#"{"entites": []}"#);
    let (code, _, err) = import(&[s(&path)]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("$.entites: unknown key `entites`\nhelp: did you mean `entities`?"),
        "{err}"
    );
}

#[test]
fn help_lists_every_column_and_type() {
    let out = run(&["kb", "import", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for column in [
        "name", "type", "aliases", "avoid", "born", "died", "founded", "title", "office", "from",
        "to", "source", "wikidata", "checked", "note",
    ] {
        assert!(
            help.contains(&format!("  {column}"))
                || help.contains(&format!(" {column},"))
                || help.contains(&format!(", {column}")),
            "{column}: {help}"
        );
    }
    for t in factlint::kb::TYPES {
        assert!(help.contains(t), "type {t} missing from the help:\n{help}");
    }
}

/// Garbage, huge and odd inputs end with a clear error (exit 2) or a clean import,
/// never a panic.
#[test]
fn never_panics_on_odd_inputs() {
    let mut huge = b"name,source\n".to_vec();
    huge.resize(9 * 1024 * 1024, b'a');
    let deep = format!("{}{}", "[".repeat(120), "]".repeat(120));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("bom-only.csv", b"\xEF\xBB\xBF".to_vec()),
        ("newlines.csv", b"\n\n\r\n\r".to_vec()),
        ("quote.csv", b"\"".to_vec()),
        ("quotes.csv", b"name\n\"\"\"\n\"".to_vec()),
        ("header-only.csv", b"name,source\n".to_vec()),
        ("binary.csv", (0u8..=255).cycle().take(5000).collect()),
        ("utf16.csv", b"\xFF\xFEn\0a\0".to_vec()),
        ("huge.csv", huge),
        ("deep.json", deep.into_bytes()),
        ("deeper.json", "[".repeat(100_000).into_bytes()),
        ("string.json", br#""name""#.to_vec()),
        ("empty.json", Vec::new()),
        (
            "nulls.json",
            br#"[{"name": null, "aliases": null}]"#.to_vec(),
        ),
        (
            "controls.csv",
            b"name,source\nA\x01\x7f\xc2\x85B,https://example.org/x\n".to_vec(),
        ),
        ("list.txt", b"name\nA\n".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = list_file(&format!("odd-{name}"), name, &bytes);
        let out = run(&["kb", "import", s(&path)]);
        let err = stderr(&out);
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "{name}: {:?} {err}",
            out.status
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
        if out.status.code() == Some(2) {
            assert!(
                !err.trim().is_empty(),
                "{name}: an error says what is wrong"
            );
        }
    }
    // Words given as a source are kept in the note of rows without a source.
    let path = list_file(
        "words",
        "list.csv",
        b"name,source,wikidata\nAda,https://example.org/ada,\nGrace,,Q11641\nAlan,,\n",
    );
    let (code, _, err) = import(&[s(&path), "--source", "house style guide 2024"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("1 entity has no source URL or Wikidata id: `Alan` (row 4)"),
        "{err}"
    );
    let path = list_file(
        "words-ok",
        "list.csv",
        b"name,source\nAda,https://example.org/ada\nGrace,house style guide 2024\n",
    );
    let (code, out, err) = import(&[s(&path), "--source", "Q11641"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains(
            "source: {url: \"https://example.org/ada\"}\n  note: \"imported from list.csv\""
        ),
        "{out}"
    );
    assert!(
        out.contains("source: {wikidata: \"Q11641\"}\n  note: \"source: house style guide 2024; imported from list.csv\""),
        "{out}"
    );

    // Control characters survive the round trip as YAML escapes.
    let path = list_file(
        "controls-ok",
        "list.csv",
        b"name,source\nA\x01\x7f\xc2\x85B,https://example.org/x\n",
    );
    let (code, out, err) = import(&[s(&path)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains(r#"- name: "A\u0001\u007F"#), "{out}");
}

/// `kb stats`: the given file's entities by type and by file, and totals that add up.
#[test]
fn stats_count_entities_by_type_and_file() {
    let dir = scratch("stats");
    let file = dir.join("newsroom.yaml");
    let (code, _, err) = import(&[
        "fixtures/kb-import/newsroom.csv",
        "--source",
        SOURCE,
        "-o",
        s(&file),
    ]);
    assert_eq!(code, Some(0), "{err}");

    let human = run(&["kb", "stats", s(&file)]);
    assert_eq!(human.status.code(), Some(0), "{}", stderr(&human));
    let text = stdout(&human).replace(s(&file), "[given]/newsroom.yaml");
    // The built-in knowledge changes as it grows: its numbers are left out of the
    // snapshot, the shape and the given file's line are kept.
    let shown: Vec<String> = text
        .lines()
        .map(|l| {
            // Column widths follow the longest path, which holds the process id.
            let given = l.contains("[given]");
            if l.starts_with("kb stats:")
                || l.starts_with("imported open data")
                || l.starts_with("  ")
            {
                l.split_whitespace()
                    .map(|w| {
                        let digits = w.trim_end_matches([';', ',']);
                        if !given
                            && !digits.is_empty()
                            && digits.chars().all(|c| c.is_ascii_digit())
                        {
                            "N"
                        } else {
                            w
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                l.to_string()
            }
        })
        .filter(|l| !l.starts_with("built-in"))
        .collect();
    // Types in name order: the counts that would order them are left out.
    let mut shown = shown;
    let types_at = shown
        .iter()
        .position(|l| l == "by type:")
        .map_or(0, |i| i + 1);
    let types_end = shown[types_at..]
        .iter()
        .position(String::is_empty)
        .map_or(shown.len(), |i| types_at + i);
    shown[types_at..types_end].sort();
    // The imported open data changes when it is refreshed: its part is checked for its
    // shape (types, and every source with its licence), not snapshotted.
    let imported_at = shown
        .iter()
        .position(|l| l.starts_with("imported open data"))
        .expect("kb stats reports the imported open data");
    let imported = shown.split_off(imported_at);
    assert!(
        imported.iter().any(|l| l == "imported, by type:"),
        "{imported:?}"
    );
    let licensed = imported
        .iter()
        .filter(|l| l.contains("; licence: "))
        .count();
    assert!(
        licensed >= 3,
        "at least three sources with their licences: {imported:?}"
    );
    while shown.last().is_some_and(String::is_empty) {
        shown.pop();
    }
    insta::assert_snapshot!("stats_human", shown.join("\n"));

    let json = run(&["kb", "stats", "--format", "json", s(&file)]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("stats JSON");
    let entities = v["entities"].as_u64().expect("entities");
    let by_origin = v["by_origin"].as_array().expect("by_origin");
    let sum: u64 = by_origin
        .iter()
        .map(|o| o["entities"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(sum, entities);
    let sum: u64 = v["by_type"]
        .as_array()
        .expect("by_type")
        .iter()
        .map(|o| o["entities"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(sum, entities);
    let given: Vec<_> = by_origin.iter().filter(|o| o["group"] == "given").collect();
    assert_eq!(given.len(), 1, "{by_origin:?}");
    assert_eq!(given[0]["file"], s(&file));
    assert_eq!(given[0]["entities"], 3);
    assert!(by_origin
        .iter()
        .any(|o| o["group"] == "built-in" && o["file"] == "rules/knowledge/leaders.yaml"));

    // The same file from a configured rule directory counts as configured.
    std::fs::rename(&file, dir.join("knowledge/newsroom.yaml")).expect("move");
    let json = run(&["kb", "stats", "--format", "json", "--rules", s(&dir)]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("stats JSON");
    assert_eq!(v["entities"].as_u64(), Some(entities));
    assert!(v["by_origin"]
        .as_array()
        .expect("by_origin")
        .iter()
        .any(|o| o["group"] == "configured" && o["entities"] == 3));
}
