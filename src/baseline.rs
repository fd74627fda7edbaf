//! Baselines: `--write-baseline FILE` records the current findings, `--baseline FILE`
//! hides them on later runs.
//!
//! A finding is recorded by rule, file, flagged text and a little of the text around it
//! on its line, never by line number, so it survives edits elsewhere in the file. Each
//! entry hides one finding. Writing a baseline records only what is found now, so
//! entries that no longer match are dropped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::document::Document;

/// Characters of context kept on each side of the flagged text.
const CONTEXT_CHARS: usize = 24;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub rule: String,
    pub path: String,
    pub text: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// Where baseline paths are relative to: the baseline file's directory, resolved
/// through canonical paths, so the same file has the same key whichever directory
/// factlint runs from and however the path is written (relative, absolute, `./`).
#[derive(Clone, Debug)]
pub struct PathKey {
    dir: PathBuf,
}

impl PathKey {
    pub fn for_baseline(file: &Path) -> PathKey {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let dir = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        PathKey {
            dir: canonical(&dir),
        }
    }

    /// `path` relative to the baseline's directory, with `/` separators (`..` where the
    /// file lies outside it).
    pub fn key(&self, path: &Path) -> String {
        let file = canonical(path);
        let relative = relative_to(&file, &self.dir).unwrap_or(file);
        relative.to_string_lossy().replace('\\', "/")
    }

    /// The file a key names, if it exists.
    pub fn exists(&self, key: &str) -> bool {
        self.dir.join(key).exists()
    }
}

/// The canonical form of `path`; for a path that does not exist (yet), its absolute
/// form with `.` and `..` resolved as far as the existing part allows.
fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) if parent != absolute => canonical(parent).join(name),
        _ => absolute,
    }
}

/// `path` relative to `base` (both absolute), going up with `..` where needed.
fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    // Different roots (another Windows drive): no relative path.
    if p.first() != b.first() {
        return None;
    }
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(out)
}

/// The baseline entry for one diagnostic.
pub fn entry(path_key: &str, doc: &Document, d: &Diagnostic) -> Entry {
    let source = &doc.source;
    let line = doc.line_index.line_of(d.span.start.min(source.len()));
    let line_span = doc.line_index.line_span(source, line);
    let before = source
        .get(line_span.start.min(d.span.start)..d.span.start)
        .unwrap_or("");
    let before: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(CONTEXT_CHARS)..]
            .iter()
            .collect()
    };
    let after = source
        .get(d.span.end..line_span.end.max(d.span.end))
        .unwrap_or("")
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    Entry {
        rule: d.rule.clone(),
        path: path_key.to_string(),
        text: d.span.text(source).to_string(),
        before,
        after,
    }
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a factlint baseline: {e}", path.display()))
    }

    /// Remove from `diagnostics` the findings this baseline records for the file keyed
    /// `path_key` (each entry hides one). `legacy_key` is the key older versions wrote
    /// for a file outside the baseline's directory (the path as given), still honoured.
    /// Returns the indices of the entries used.
    pub fn hide(
        &self,
        path_key: &str,
        legacy_key: &str,
        doc: &Document,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<usize> {
        let mut remaining: HashMap<Entry, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if e.path == path_key || e.path == legacy_key {
                let mut key = e.clone();
                key.path = path_key.to_string();
                remaining.entry(key).or_default().push(i);
            }
        }
        let mut used = Vec::new();
        if remaining.is_empty() {
            return used;
        }
        diagnostics.retain(|d| {
            let e = entry(path_key, doc, d);
            match remaining.get_mut(&e).and_then(Vec::pop) {
                Some(i) => {
                    used.push(i);
                    false
                }
                None => true,
            }
        });
        used
    }

    /// How many entries each rule id has, in order of first appearance.
    pub fn rule_counts(&self) -> Vec<(&str, usize)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for e in &self.entries {
            match counts.iter_mut().find(|(r, _)| *r == e.rule) {
                Some((_, n)) => *n += 1,
                None => counts.push((&e.rule, 1)),
            }
        }
        counts
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
