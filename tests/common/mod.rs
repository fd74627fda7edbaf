//! Helpers shared by the integration tests: run the real binary from the crate root.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The factlint binary, run from the crate root with a clean environment for output.
pub fn factlint() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factlint"));
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::null());
    cmd
}

pub fn run(args: &[&str]) -> Output {
    factlint().args(args).output().expect("factlint runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every fixture article, relative to the crate root, in sorted order.
pub fn fixtures() -> Vec<String> {
    let mut out = Vec::new();
    collect(&root().join("fixtures"), &mut out);
    out.sort();
    out.into_iter()
        .map(|p| {
            p.strip_prefix(root())
                .expect("under root")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("md" | "txt" | "html" | "htm" | "markdown")
        ) {
            out.push(p);
        }
    }
}
