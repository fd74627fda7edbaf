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
    #[error("{0}: binary file (it contains NUL or control bytes), skipped")]
    #[diagnostic(code(factlint::binary))]
    Binary(String),
    #[error("{0}: UTF-16 text (it starts with a UTF-16 byte-order mark); read it with --encoding utf-16 or auto")]
    #[diagnostic(code(factlint::encoding))]
    Utf16(String),
    #[error("{path}: not valid {encoding} text; try another --encoding")]
    #[diagnostic(code(factlint::encoding))]
    Undecodable {
        path: String,
        encoding: &'static str,
    },
    #[error("{path}: invalid UTF-8 at byte {offset} (line {line}); save the file as UTF-8, or read it with --encoding auto, windows-1252 or latin1")]
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

/// Which kind of YAML file a [`RuleFileError`] is in; it names the error's heading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileKind {
    /// `.factlint.yaml`
    Config,
    /// A rule file (`rules/*.yaml`, `--rules DIR`).
    #[default]
    Rules,
    /// A knowledge file (`knowledge/*.yaml`).
    Knowledge,
}

impl FileKind {
    /// The diagnostic code, the first line of the report.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Config => "factlint::configuration",
            FileKind::Rules => "factlint::rule_file",
            FileKind::Knowledge => "factlint::knowledge_file",
        }
    }

    /// The file kind in words.
    pub fn noun(self) -> &'static str {
        match self {
            FileKind::Config => "configuration",
            FileKind::Rules => "rule file",
            FileKind::Knowledge => "knowledge file",
        }
    }
}

/// A problem in a rule, knowledge or configuration file, pointing into the YAML.
#[derive(Debug, Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleFileError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub src: NamedSource<String>,
    pub span: SourceSpan,
    pub label: String,
    pub help: Option<String>,
    /// The kind of file, which names the heading (`factlint::configuration`, ...).
    pub file_kind: FileKind,
}

impl Diagnostic for RuleFileError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.file_kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(Some(self.label.clone()), self.span),
        )))
    }
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
        let mut message = tidy_parser_message(&message.into());
        let (start, end) = match runaway_quote(text, start, &message) {
            Some(open) => {
                let close_line = idx.position(text, start).line;
                message = format!("unclosed quote: the string runs on to line {close_line}");
                (open, open + 1)
            }
            None => (start, end),
        };
        let pos = idx.position(text, start);
        let help = unknown_field_help(&message);
        RuleFileError {
            path: path.to_string(),
            line: pos.line,
            column: pos.column,
            label: short_label(&message),
            message,
            src: NamedSource::new(path, text.to_string()),
            span: SourceSpan::from(start..end),
            help,
            file_kind: FileKind::default(),
        }
    }

    /// The same error, in a file of kind `kind`.
    pub fn in_file(mut self, kind: FileKind) -> Self {
        self.file_kind = kind;
        self
    }

    /// Add to the help (after a "did you mean" already there).
    pub fn with_more_help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        self.help = Some(match self.help.take() {
            Some(first) => format!("{first}; {help}"),
            None => help,
        });
        self
    }

    /// Set the help, unless a "did you mean" is already there, which says more.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        if !self
            .help
            .as_deref()
            .is_some_and(|h| h.starts_with("did you mean"))
        {
            self.help = Some(help.into());
        }
        self
    }
}

/// A quote left open runs on until the next quote of its kind, often lines later, where
/// the parser then finds "trailing content after" the string. The mistake is where the
/// string opened: the offset of that opening quote, when it is on an earlier line.
fn runaway_quote(text: &str, at: usize, message: &str) -> Option<usize> {
    let quote = if message.starts_with("invalid trailing content after double-quoted") {
        b'"'
    } else if message.starts_with("invalid trailing content after single-quoted") {
        b'\''
    } else {
        return None;
    };
    let bytes = text.as_bytes();
    let escaped = |i: usize| quote == b'"' && i > 0 && bytes[i - 1] == b'\\';
    let before = bytes.get(..at)?;
    let close = (0..before.len())
        .rev()
        .find(|&i| before[i] == quote && !escaped(i))?;
    let open = (0..close)
        .rev()
        .find(|&i| before[i] == quote && !escaped(i))?;
    text.get(open..close)?.contains('\n').then_some(open)
}

/// The parser appends "at line L, column C", which our own position already says.
fn tidy_parser_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    match first.rfind(" at line ") {
        Some(i) if first[i..].contains(", column ") => first[..i].to_string(),
        _ => first.to_string(),
    }
}

/// serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`"), and
/// "unknown variant" alike: the closest expected name, if one is close.
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("unknown field ")
        .or_else(|| message.strip_prefix("unknown variant "))?;
    let (word, expected) = rest.split_once(", expected ")?;
    let word = word.trim_matches('`');
    let expected = expected.strip_prefix("one of ").unwrap_or(expected);
    let names: Vec<&str> = expected
        .split(", ")
        .map(|n| n.trim().trim_matches('`'))
        .filter(|n| !n.is_empty())
        .collect();
    crate::suggest::did_you_mean(word, names)
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
    #[error("{}", problems_heading(errors.len(), errors.iter().map(|e| e.file_kind.noun())))]
    #[diagnostic(code(factlint::setup))]
    RuleFiles {
        #[related]
        errors: Vec<RuleFileError>,
    },
    /// Problems of several sorts (command line, configuration, rule files), all found
    /// in one run.
    #[error("{}", problems_heading(errors.len(), errors.iter().map(SetupError::noun)))]
    #[diagnostic(code(factlint::setup))]
    Several {
        #[related]
        errors: Vec<SetupError>,
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

    /// Every problem found, under one heading (`None` for none).
    pub fn collect(errors: Vec<SetupError>) -> Option<Self> {
        let mut flat = Vec::new();
        for e in errors {
            match e {
                SetupError::Several { errors } => flat.extend(errors),
                SetupError::RuleFiles { errors } => {
                    flat.extend(errors.into_iter().map(SetupError::from))
                }
                other => flat.push(other),
            }
        }
        if flat.len() <= 1 {
            return flat.pop();
        }
        if flat.iter().all(|e| matches!(e, SetupError::RuleFile(_))) {
            let files = flat
                .into_iter()
                .filter_map(|e| match e {
                    SetupError::RuleFile(e) => Some(*e),
                    _ => None,
                })
                .collect();
            return Some(SetupError::RuleFiles { errors: files });
        }
        Some(SetupError::Several { errors: flat })
    }

    fn noun(&self) -> &'static str {
        match self {
            SetupError::RuleFile(e) => e.file_kind.noun(),
            SetupError::RuleFiles { .. } => FileKind::Rules.noun(),
            SetupError::Io { .. } => "files",
            SetupError::Usage(_) | SetupError::Several { .. } => "command line",
        }
    }
}

/// "3 problems in the configuration and a rule file": the kinds of file, in order of
/// first appearance.
fn problems_heading<'a>(count: usize, nouns: impl Iterator<Item = &'a str>) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for n in nouns {
        if !kinds.contains(&n) {
            kinds.push(n);
        }
    }
    let named: Vec<String> = kinds
        .iter()
        .map(|k| match *k {
            "configuration" | "command line" => format!("the {k}"),
            "files" => "reading files".to_string(),
            other => format!("{other}s"),
        })
        .collect();
    let list = match named.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("{count} problems in {list}")
}

/// The byte range of a parser location in `text` (its span, else its line and column).
pub fn byte_range(text: &str, loc: &serde_saphyr::Location) -> (usize, usize) {
    let span = loc.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => (o as usize, (o + l) as usize),
        _ => {
            // Fall back to line and column (1-based, in characters).
            let idx = crate::span::LineIndex::new(text);
            let line = (loc.line() as usize).saturating_sub(1);
            let start = idx.line_start(line).min(text.len());
            let col = (loc.column() as usize).saturating_sub(1);
            let off = text
                .get(start..)
                .into_iter()
                .flat_map(str::char_indices)
                .nth(col)
                .map_or(text.len(), |(i, _)| start + i);
            (off, off)
        }
    }
}
