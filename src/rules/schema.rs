//! The rule-file schema as serde reads it, without validation.
//!
//! A leaf module: `build.rs` includes it to turn the built-in YAML into the compiled JSON
//! snapshot that start-up reads, with the same types the loader reads.

use serde::{Deserialize, Serialize};
use serde_saphyr::{Location, Spanned};

/// The built-in rule files, in load order.
pub const BUILTIN_FILES: &[&str] = &[
    "rules/dates.yaml",
    "rules/facts.yaml",
    "rules/numbers.yaml",
    "rules/style.yaml",
    "rules/workflow.yaml",
    "rules/timeline.yaml",
];

/// One rule as written in YAML. Flat on purpose: flattened or tagged enums would lose
/// the positions of errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub severity: Spanned<String>,
    pub message: Spanned<String>,
    #[serde(default)]
    pub help: Option<Spanned<String>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub params: Option<Spanned<serde_json::Value>>,
    #[serde(default)]
    pub examples: Vec<Spanned<RawExample>>,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
    #[serde(default)]
    pub fixed: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// A rule of the built-in pack as its compiled snapshot stores it: [`RawRule`] without
/// the positions (which only errors need, and the pack has none).
#[derive(Debug, Deserialize, Serialize, PartialEq)]
pub struct PlainRule {
    pub id: String,
    pub kind: String,
    pub severity: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<serde_json::Value>,
    #[serde(default)]
    pub examples: Vec<RawExample>,
}

impl PlainRule {
    pub fn into_raw(self) -> RawRule {
        let at = |v| Spanned::new(v, Location::UNKNOWN, Location::UNKNOWN);
        RawRule {
            id: at(self.id),
            kind: at(self.kind),
            severity: at(self.severity),
            message: at(self.message),
            help: self.help.map(at),
            description: self.description,
            params: self
                .params
                .map(|v| Spanned::new(v, Location::UNKNOWN, Location::UNKNOWN)),
            examples: self
                .examples
                .into_iter()
                .map(|e| Spanned::new(e, Location::UNKNOWN, Location::UNKNOWN))
                .collect(),
        }
    }

    pub fn from_raw(r: RawRule) -> PlainRule {
        PlainRule {
            id: r.id.value,
            kind: r.kind.value,
            severity: r.severity.value,
            message: r.message.value,
            help: r.help.map(|h| h.value),
            description: r.description,
            params: r.params.map(|p| p.value),
            examples: r.examples.into_iter().map(|e| e.value).collect(),
        }
    }
}

/// The compiled snapshot of rule files: each file's path and its rules.
pub type Snapshot = Vec<(String, Vec<PlainRule>)>;

/// Read rule files `(path, text)` into a snapshot, or the first file's error.
pub fn snapshot(files: &[(&str, &str)]) -> Result<Snapshot, String> {
    files
        .iter()
        .map(|(path, text)| {
            let raw: Vec<RawRule> =
                serde_saphyr::from_str(text).map_err(|e| format!("{path}: {e}"))?;
            Ok((
                path.to_string(),
                raw.into_iter().map(PlainRule::from_raw).collect(),
            ))
        })
        .collect()
}
