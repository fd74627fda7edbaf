//! `factlint kb check` and `factlint kb show` through the real binary, and user knowledge
//! files added with `--rules` changing verdicts.

mod common;

use std::path::PathBuf;

use common::{factlint, run, stderr, stdout};

/// A fresh directory under the system temp dir, named for the test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("factlint-kb-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("knowledge")).expect("scratch dir");
    dir
}

#[test]
fn kb_check_accepts_the_built_in_knowledge() {
    let out = run(&["kb", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("entities"), "{text}");
    assert!(text.contains("ok"), "{text}");
}

#[test]
fn kb_check_points_into_a_broken_file() {
    let dir = scratch("broken");
    let file = dir.join("bad.yaml");
    std::fs::write(
        &file,
        "- name: Foo Corp\n  type: company\n  founded: 2022-02-30\n  source: {url: https://example.com}\n",
    )
    .expect("write");
    let out = run(&["kb", "check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("not a valid date"), "{err}");
    assert!(err.contains("bad.yaml:3"), "{err}");

    let good = dir.join("good.yaml");
    std::fs::write(
        &good,
        "- name: Foo Corp\n  type: company\n  founded: 2022-02-03\n  source: {url: https://example.com}\n",
    )
    .expect("write");
    let out = run(&["kb", "check", good.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 entities from the files given"));
}

#[test]
fn kb_check_rejects_an_attribute_without_a_source() {
    let dir = scratch("nosource");
    let file = dir.join("k.yaml");
    std::fs::write(
        &file,
        "- name: Foo Corp\n  type: company\n  source: {wikidata: Q1}\n  attributes:\n    - {name: employees, number: 40, unit: employees}\n",
    )
    .expect("write");
    let out = run(&["kb", "check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("needs a `source`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn kb_show_finds_an_entity_by_alias_in_any_case() {
    let out = run(&["kb", "show", "gpt-3"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("GPT-3 (ai-model)"), "{text}");
    assert!(text.contains("rules/knowledge/ai.yaml"), "{text}");
    assert!(
        text.contains("parameters: 175 billion parameters"),
        "{text}"
    );
    assert!(text.contains("source:"), "{text}");
}

#[test]
fn kb_show_fails_clearly_for_an_unknown_name() {
    let out = run(&["kb", "show", "Nonexistent Widget Co"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no entity named `Nonexistent Widget Co`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_user_attribute_overrides_the_built_in_one() {
    let dir = scratch("override");
    std::fs::write(
        dir.join("knowledge/mine.yaml"),
        "- name: OpenAI\n  type: company\n  source: {url: https://example.com/openai}\n  attributes:\n    - {name: headquarters, text: Seattle, source: {url: https://example.com/hq}}\n",
    )
    .expect("write");
    let rules = dir.to_str().expect("utf-8 path");
    let out = run(&["kb", "show", "--rules", rules, "OpenAI"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("headquarters: Seattle"), "{text}");
    assert!(!text.contains("San Francisco"), "{text}");

    // The verdicts follow: the built-in city is now the contradiction.
    let article = dir.join("a.md");
    std::fs::write(
        &article,
        "OpenAI, headquartered in San Francisco, released a model.\n",
    )
    .expect("write");
    let path = article.to_str().expect("utf-8 path");
    let builtin = run(&["--format", "compact", "--select", "fact.", path]);
    assert_eq!(builtin.status.code(), Some(0), "{}", stdout(&builtin));
    let mine = run(&[
        "--format", "compact", "--select", "fact.", "--rules", rules, path,
    ]);
    assert_eq!(mine.status.code(), Some(1));
    assert!(stdout(&mine).contains("Seattle"), "{}", stdout(&mine));
    let _ = factlint;
}

#[test]
fn a_knowledge_file_adds_its_own_claim_phrasings() {
    let dir = scratch("phrasings");
    std::fs::write(
        dir.join("knowledge/clubs.yaml"),
        r#"- name: Harbour City FC
  type: organization
  source: {url: https://example.com/club}
  attributes:
    - {name: stadium, text: Quayside Park, claims: ["plays (?:its )?home games at", "'s home ground,?"], source: {url: https://example.com/ground}}
    - {name: capacity, number: 31000, unit: seats, tolerance: 0.02, claims: ["(?:, which )?(?:has|holds) a capacity of"], source: {url: https://example.com/ground}}
"#,
    )
    .expect("write");
    let rules = dir.to_str().expect("utf-8 path");
    let article = dir.join("a.md");
    let check = |text: &str| {
        std::fs::write(&article, text).expect("write");
        let path = article.to_str().expect("utf-8 path");
        run(&[
            "--format", "compact", "--select", "fact.", "--rules", rules, path,
        ])
    };

    // A text value under the file's own phrasing: the wrong ground is flagged, with
    // the known value; the right one (in either phrasing) is not.
    let out = check("Harbour City FC plays its home games at Riverside Stadium.\n");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("Riverside Stadium"), "{text}");
    assert!(text.contains("Quayside Park"), "{text}");
    let out = check("Harbour City FC's home ground, Quayside Park, was full.\n");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A number under the file's own phrasing, compared within the tolerance.
    let out = check("Harbour City FC has a capacity of 45,000 seats.\n");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("31,000"), "{}", stdout(&out));
    let out = check("Harbour City FC has a capacity of 31,200 seats.\n");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // Without the file, nothing is known and nothing is flagged.
    std::fs::write(
        &article,
        "Harbour City FC plays its home games at Riverside Stadium.\n",
    )
    .expect("write");
    let path = article.to_str().expect("utf-8 path");
    let out = run(&["--format", "compact", "--select", "fact.", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn a_broken_claim_phrasing_is_reported_in_the_yaml() {
    let dir = scratch("badphrasing");
    let file = dir.join("k.yaml");
    std::fs::write(
        &file,
        "- name: Foo Corp\n  type: company\n  source: {url: https://example.com}\n  attributes:\n    - {name: mascot, text: Otter, claims: [\"mascot (is\"], source: {url: https://example.com}}\n",
    )
    .expect("write");
    let out = run(&["kb", "check", file.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid claim phrasing"), "{err}");
    assert!(err.contains("k.yaml:5"), "{err}");
}
