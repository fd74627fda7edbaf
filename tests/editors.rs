//! End-to-end: the language server and the HTTP server with real clients (pytest-lsp,
//! language_tool_python, requests, and the page in Debian's headless Chromium through
//! Playwright). `tests/editors/run.sh` installs what is missing, so this runs in CI
//! (`CI` set) or with `FACTLINT_E2E=1` (`build.rs` then sets `cfg(factlint_e2e)`);
//! elsewhere `cargo test` lists it as ignored, with the reason.
#![cfg(feature = "server")]

mod common;

use std::process::Command;

#[test]
#[cfg_attr(
    not(factlint_e2e),
    ignore = "end-to-end: needs pytest-lsp, language_tool_python, Playwright (PyPI) and Chromium (Debian); runs in CI or with FACTLINT_E2E=1"
)]
fn editors_see_and_fix_findings_through_real_clients() {
    let out = Command::new("bash")
        .arg(common::root().join("tests/editors/run.sh"))
        .env("FACTLINT_BIN", env!("CARGO_BIN_EXE_factlint"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tests/editors/run.sh failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}
