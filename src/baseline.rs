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

/// Where baseline paths are relative to: the baseline file's directory.
#[derive(Clone, Debug)]
pub struct PathKey {
    dir: PathBuf,
}

impl PathKey {
    pub fn for_baseline(file: &Path) -> PathKey {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        PathKey {
            dir: absolute.parent().map(Path::to_path_buf).unwrap_or_default(),
        }
    }

    /// `path` relative to the baseline's directory, with `/` separators.
    pub fn key(&self, path: &str) -> String {
        let p = Path::new(path);
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let relative = absolute.strip_prefix(&self.dir).unwrap_or(p);
        relative.to_string_lossy().replace('\\', "/")
    }
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

    /// Remove from `diagnostics` the findings this baseline records (each entry hides
    /// one). Returns how many were hidden.
    pub fn hide(&self, path_key: &str, doc: &Document, diagnostics: &mut Vec<Diagnostic>) -> usize {
        let mut remaining: HashMap<&Entry, usize> = HashMap::new();
        for e in self.entries.iter().filter(|e| e.path == path_key) {
            *remaining.entry(e).or_default() += 1;
        }
        if remaining.is_empty() {
            return 0;
        }
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let e = entry(path_key, doc, d);
            match remaining.get_mut(&e) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - diagnostics.len()
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
