//! The diagnostics factlint reports: our own serde types with byte spans.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info){}",
                crate::suggest::did_you_mean(other, ["error", "warning", "info"])
                    .map_or(String::new(), |d| format!("; {d}"))
            )),
        }
    }
}

/// A secondary span with a short note ("the total", "stated weekday").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A replacement for a span of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
    /// Safe fixes only restore house style; unsafe ones may change meaning (a weekday
    /// rewritten to fit a date that may itself be the error).
    pub safe: bool,
    /// Further edits of the same repair, applied together with it (one name spelled one
    /// way at every place of the article). Empty for a fix of one place.
    pub also: Vec<Edit>,
}

/// One more replacement of a [`Fix`] that edits several places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Fix {
    /// A fix of one place.
    pub fn one(span: Span, replacement: impl Into<String>, safe: bool) -> Self {
        Fix {
            span,
            replacement: replacement.into(),
            safe,
            also: Vec::new(),
        }
    }

    /// Every place the fix edits, the first one first: `(span, replacement)`.
    pub fn edits(&self) -> impl Iterator<Item = (Span, &str)> {
        std::iter::once((self.span, self.replacement.as_str()))
            .chain(self.also.iter().map(|e| (e.span, e.replacement.as_str())))
    }
}

/// One finding of one rule in one document, in source byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Other repairs, alternatives to `fix` (all unsafe): offered one by one in editors
    /// and never applied by `--fix`.
    pub alternatives: Vec<Fix>,
}
