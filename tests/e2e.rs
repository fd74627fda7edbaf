//! End-to-end checks with real outside tools: the HTML report in headless Chromium and
//! the pre-commit hook through the real `pre-commit` package. They install what they
//! need (Debian's chromium, pre-commit from PyPI), so they run in CI (`CI` set) or when
//! `FACTLINT_E2E=1` (`build.rs` then sets `cfg(factlint_e2e)`); elsewhere `cargo test`
//! lists them as ignored, with the reason.

mod common;

use std::process::Command;

fn run_script(script: &str) {
    let out = Command::new("bash")
        .arg(common::root().join(script))
        .env("FACTLINT_BIN", env!("CARGO_BIN_EXE_factlint"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{script} failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains(" passed, 0 failed"), "{script}:\n{stdout}");
}

#[test]
#[cfg_attr(
    not(factlint_e2e),
    ignore = "end-to-end: needs Chromium; runs in CI or with FACTLINT_E2E=1"
)]
fn html_report_highlights_exact_spans_in_chromium() {
    run_script("tests/browser/run.sh");
}

#[test]
#[cfg_attr(
    not(factlint_e2e),
    ignore = "end-to-end: needs pre-commit from PyPI; runs in CI or with FACTLINT_E2E=1"
)]
fn pre_commit_hook_passes_clean_articles_and_fails_on_errors() {
    run_script("tests/precommit/run.sh");
}
