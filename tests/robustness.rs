//! Hostile and broken inputs through the real binary: a clear report, never a crash,
//! never a hang, and the other inputs still checked.

mod common;

use std::time::{Duration, Instant};

use common::{factlint, stderr, stdout};
use serde_json::Value;

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn utf16_empty_and_nul_files_are_reported_not_crashed_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Monday".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(p.join("a-utf16.txt"), utf16).unwrap();
    std::fs::write(p.join("b-empty.md"), "").unwrap();
    std::fs::write(p.join("c-nul.txt"), b"text\0more").unwrap();
    std::fs::write(
        p.join("d-good.md"),
        "It opened on Monday, 29 November 2026.",
    )
    .unwrap();
    // Strict UTF-8: the UTF-16 file is an error (by default it is read by its BOM).
    let out = factlint()
        .args(["--format", "json", "--encoding", "utf-8"])
        .arg(p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let json = json_of(&out);
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 4);
    assert!(files[0]["error"].as_str().unwrap().contains("UTF-16"));
    assert_eq!(files[1]["diagnostics"].as_array().unwrap().len(), 0);
    assert!(files[2]["error"].as_str().unwrap().contains("binary file"));
    assert_eq!(files[3]["diagnostics"][0]["rule"], "date.weekday-mismatch");
}

/// 60 MB through the binary: minutes in a debug build, seconds in a release one. `.ci/run`
/// runs it on the release build (`cargo test --release --test robustness -- --ignored`).
#[test]
#[ignore = "60 MB of input: run on the release build (.ci/run does)"]
fn huge_files_and_huge_lines_finish_and_keep_exact_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    // 10 MB on a single line, with one error at the very end.
    let mut line = "The council met and talked. ".repeat(10 * 1024 * 1024 / 28);
    let at = line.len();
    line.push_str("Monday, 29 November 2026.");
    std::fs::write(p.join("long-line.txt"), &line).unwrap();
    // About 50 MB of paragraphs.
    let para = "Officials said on Sunday, 29 November 2026 that 12 of the 40 firms had filed.\n\n";
    std::fs::write(p.join("big.md"), para.repeat(50 * 1024 * 1024 / para.len())).unwrap();
    let start = Instant::now();
    let out = factlint()
        .args(["--format", "json"])
        .arg(p.join("long-line.txt"))
        .arg(p.join("big.md"))
        .output()
        .expect("run");
    assert!(
        start.elapsed() < Duration::from_secs(300),
        "took {:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json = json_of(&out);
    let d = &json["files"][0]["diagnostics"][0];
    assert_eq!(d["span"]["start"].as_u64(), Some(at as u64));
    assert_eq!(d["span"]["column"].as_u64(), Some(at as u64 + 1));
    assert_eq!(json["files"][1]["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn deeply_nested_markdown_and_unterminated_front_matter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    let quotes = format!("{} Monday, 29 November 2026\n", ">".repeat(5000));
    std::fs::write(p.join("quotes.md"), quotes).unwrap();
    let mut lists = String::new();
    for depth in 0..2000 {
        lists.push_str(&"  ".repeat(depth));
        lists.push_str("- item\n");
    }
    std::fs::write(p.join("lists.md"), lists).unwrap();
    std::fs::write(
        p.join("open-front-matter.md"),
        "---\ntitle: never closed\ndate: 2026-12-01\n\nIt opened on Monday, 29 November 2026.\n",
    )
    .unwrap();
    let out = factlint()
        .args(["--format", "json"])
        .arg(p)
        .output()
        .expect("run");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let json = json_of(&out);
    let files = json["files"].as_array().expect("files");
    assert_eq!(files.len(), 3);
    // Unterminated front matter is not front matter; the text is still checked.
    assert_ne!(files[1]["reference_date"]["source"], "front-matter");
    assert_eq!(files[1]["diagnostics"][0]["rule"], "date.weekday-mismatch");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_paths_do_not_stop_the_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::create_dir(p.join("a")).unwrap();
    std::os::unix::fs::symlink(p, p.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(p.join("a/self.md"), p.join("a/self.md")).unwrap();
    std::fs::write(
        p.join("a/good.md"),
        "It opened on Monday, 29 November 2026.",
    )
    .unwrap();
    let secret = p.join("secret.md");
    std::fs::write(&secret, "Fine.").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = factlint()
        .args(["--format", "json"])
        .arg(p.join("a"))
        .arg(&secret)
        .arg(p.join("a/self.md"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let json = json_of(&out);
    let files = json["files"].as_array().expect("files");
    let good = files
        .iter()
        .find(|f| f["path"].as_str().unwrap().ends_with("good.md"))
        .expect("good.md");
    assert_eq!(good["diagnostics"][0]["rule"], "date.weekday-mismatch");
    let looped = files.last().expect("the self-link");
    assert!(looped["error"].is_string(), "{looped}");
    // Root reads any file; elsewhere the unreadable file is an error entry.
    if std::fs::read(&secret).is_err() {
        let entry = files
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with("secret.md"))
            .unwrap();
        assert!(entry["error"]
            .as_str()
            .unwrap()
            .contains("permission denied"));
    }
}

#[test]
fn inputs_are_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.md");
    let text = "It opened on Monday, 29 November 2026, irregardless.\n";
    std::fs::write(&file, text).unwrap();
    let before = std::fs::metadata(&file).unwrap().modified().unwrap();
    for format in ["human", "compact", "json"] {
        factlint()
            .args(["--format", format])
            .arg(&file)
            .output()
            .expect("run");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    assert_eq!(
        std::fs::metadata(&file).unwrap().modified().unwrap(),
        before
    );
}
