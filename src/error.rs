//! Errors at each boundary: loading inputs, reading configuration, reading rule files.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// An input that could not be read as a document. The run goes on with the others.
#[derive(Debug, Error, Diagnostic)]
pub enum LoadError {
    #[error("{path}: {message}")]
    #[diagnostic(code(factlint::io))]
    Io { path: String, message: String },
    #[error("{0}: is a directory")]
    #[diagnostic(code(factlint::io))]
    IsDirectory(String),
    #[error("{path}: file is {size} bytes, more than the limit of {limit}")]
    #[diagnostic(code(factlint::too_large))]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{0}: binary file (it contains NUL bytes), skipped")]
    #[diagnostic(code(factlint::binary))]
    Binary(String),
    #[error("{0}: UTF-16 text is not supported; save the file as UTF-8")]
    #[diagnostic(code(factlint::encoding))]
    Utf16(String),
    #[error("{path}: invalid UTF-8 at byte {offset} (line {line}); save the file as UTF-8")]
    #[diagnostic(code(factlint::encoding))]
    InvalidUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
}

impl LoadError {
    pub fn io(path: &str, e: std::io::Error) -> Self {
        let message = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        LoadError::Io {
            path: path.to_string(),
            message,
        }
    }

    /// Binary files are skipped with a note rather than failing the run.
    pub fn is_skip(&self) -> bool {
        matches!(self, LoadError::Binary(_))
    }
}

/// A problem in a rule, knowledge or configuration file, pointing into the YAML.
#[derive(Debug, Error, Diagnostic)]
#[error("{path}:{line}:{column}: {message}")]
#[diagnostic(code(factlint::rule_file))]
pub struct RuleFileError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl RuleFileError {
    /// An error at byte range `start..end` of the YAML text `text` from `path`.
    pub fn new(
        path: &str,
        text: &str,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(text, start.min(text.len()));
        let end = floor_char_boundary(text, end.clamp(start, text.len()));
        let idx = crate::span::LineIndex::new(text);
        let pos = idx.position(text, start);
        let message = tidy_parser_message(&message.into());
        RuleFileError {
            path: path.to_string(),
            line: pos.line,
            column: pos.column,
            label: short_label(&message),
            message,
            src: NamedSource::new(path, text.to_string()),
            span: SourceSpan::from(start..end),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// The parser appends "at line L, column C", which our own position already says.
fn tidy_parser_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    match first.rfind(" at line ") {
        Some(i) if first[i..].contains(", column ") => first[..i].to_string(),
        _ => first.to_string(),
    }
}

/// A label short enough to sit under the YAML: the message up to ", expected ...".
fn short_label(message: &str) -> String {
    let short = message.split(", expected").next().unwrap_or(message);
    if short.chars().count() <= 60 {
        short.to_string()
    } else {
        "here".to_string()
    }
}

pub(crate) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Errors that end a run before any document is checked (exit 2).
#[derive(Debug, Error, Diagnostic)]
pub enum SetupError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    RuleFile(#[from] Box<RuleFileError>),
    #[error("{} problems in rule files", errors.len())]
    #[diagnostic(code(factlint::rule_file))]
    RuleFiles {
        #[related]
        errors: Vec<RuleFileError>,
    },
    #[error("{path}: {message}")]
    #[diagnostic(code(factlint::config))]
    Io { path: String, message: String },
    #[error("{0}")]
    #[diagnostic(code(factlint::usage))]
    Usage(String),
}

impl From<RuleFileError> for SetupError {
    fn from(e: RuleFileError) -> Self {
        SetupError::RuleFile(Box::new(e))
    }
}

impl SetupError {
    /// One problem stands alone; several are listed under one heading.
    pub fn from_rule_errors(mut errors: Vec<RuleFileError>) -> Self {
        if errors.len() == 1 {
            if let Some(e) = errors.pop() {
                return e.into();
            }
        }
        SetupError::RuleFiles { errors }
    }
}
