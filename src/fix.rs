//! Fixes: `--fix` (safe fixes), `--unsafe-fixes` (all), `--diff` (show, do not write).
//!
//! Fixes are applied in one pass in order of position; a fix overlapping one already
//! applied is left out, and the re-check after writing reports its finding again.
//! Writing is atomic: a temporary file in the same directory, the original's
//! permissions, then a rename; nothing is written if the file changed since it was read.

use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::engine::apply_fixes;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixMode {
    Safe,
    Unsafe,
}

impl FixMode {
    fn allows(self, safe: bool) -> bool {
        safe || self == FixMode::Unsafe
    }
}

/// The fixed text and the number of fixes applied, or `None` when nothing applies.
pub fn fixed_text(
    source: &str,
    diagnostics: &[Diagnostic],
    mode: FixMode,
) -> Option<(String, usize)> {
    let fixes = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| mode.allows(f.safe));
    let (text, applied) = apply_fixes(source, fixes);
    (applied > 0 && text != source).then_some((text, applied))
}

/// How many of the diagnostics' fixes `mode` leaves out (unsafe ones in safe mode).
pub fn unsafe_left_out(diagnostics: &[Diagnostic], mode: FixMode) -> usize {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| !mode.allows(f.safe))
        .count()
}

/// A unified diff of `old` to `new` for `path`, with three lines of context.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0} changed since it was read; not fixed")]
    Changed(String),
    #[error("cannot write the fixes to {path}: {source}")]
    Io { path: String, source: io::Error },
}

/// Replace `path`'s content `original` with `new`, atomically, keeping permissions.
pub fn write_atomically(path: &Path, original: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let display = path.display().to_string();
    let io_err = |source| WriteError::Io {
        path: display.clone(),
        source,
    };
    let current = std::fs::read(path).map_err(io_err)?;
    if current != original {
        return Err(WriteError::Changed(display));
    }
    let meta = std::fs::metadata(path).map_err(io_err)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-fix-")
        .tempfile_in(dir)
        .map_err(io_err)?;
    tmp.write_all(new).map_err(io_err)?;
    tmp.as_file().sync_all().map_err(io_err)?;
    std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io_err)?;
    // Last check just before the rename: an editor may have saved meanwhile.
    let current = std::fs::read(path).map_err(io_err)?;
    if current != original {
        return Err(WriteError::Changed(display));
    }
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};
    use crate::span::Span;

    fn with_fix(start: usize, end: usize, replacement: &str, safe: bool) -> Diagnostic {
        Diagnostic {
            rule: "style.x".into(),
            severity: Severity::Info,
            message: String::new(),
            span: Span::new(start, end),
            labels: Vec::new(),
            help: None,
            fix: Some(Fix::one(Span::new(start, end), replacement, safe)),
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn applies_one_of_two_overlapping_fixes_and_unsafe_only_when_asked() {
        let d = [
            with_fix(0, 5, "A", true),
            with_fix(3, 8, "B", true),
            with_fix(9, 10, "C", false),
        ];
        let src = "abcdefghij";
        assert_eq!(
            fixed_text(src, &d, FixMode::Safe),
            Some(("Afghij".into(), 1))
        );
        assert_eq!(
            fixed_text(src, &d, FixMode::Unsafe),
            Some(("AfghiC".into(), 2))
        );
    }

    #[test]
    fn refuses_to_write_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "new content").expect("write");
        assert!(matches!(
            write_atomically(&path, b"old content", b"fixed"),
            Err(WriteError::Changed(_))
        ));
        write_atomically(&path, b"new content", b"fixed").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "fixed");
    }
}
