//! What every kind shares: the [`Kind`] trait, the [`CheckContext`] a kind reads, the
//! [`Finding`]s it reports, and how it is built from a rule's parameters ([`Build`]).

use std::fmt::Display;

use serde::de::DeserializeOwned;

use crate::document::Document;
use crate::extract::{Locale, Mentions};
use crate::kb::KnowledgeBase;
use crate::re::compile_regexes;
use crate::reference::ReferenceDate;
use crate::span::Span;

/// What a kind sees of one document.
pub struct CheckContext<'a> {
    pub doc: &'a Document,
    /// The prose text; every span a kind reports is an offset into it.
    pub text: &'a str,
    pub mentions: &'a Mentions,
    pub reference: ReferenceDate,
    pub locale: Locale,
    /// Entities and their dated facts.
    pub kb: &'a KnowledgeBase,
}

/// One finding of a kind, before the engine turns it into a diagnostic.
#[derive(Clone, Debug, Default)]
pub struct Finding {
    pub span: Span,
    pub args: Vec<(String, String)>,
    pub labels: Vec<(Span, String)>,
    pub fix: Option<(Span, String, bool)>,
    /// Further places the fix edits the same way, applied together with it (a name
    /// respelled at every place it is written the other way).
    pub fix_also: Vec<(Span, String)>,
    /// Other repairs, each an alternative to `fix` (a weekday mismatch is repaired by
    /// the weekday or by the date): offered to editors one by one, never applied by
    /// `--fix`.
    pub alternatives: Vec<(Span, String)>,
}

impl Finding {
    pub fn at(span: Span) -> Self {
        Finding {
            span,
            ..Finding::default()
        }
    }

    /// A value for the rule's message placeholders.
    pub fn arg(mut self, name: &str, value: impl Display) -> Self {
        self.args.push((name.to_string(), value.to_string()));
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push((span, message.into()));
        self
    }

    /// A fix that only restores house style.
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some((span, replacement.into(), true));
        self
    }

    /// A fix that may change meaning (the other half of a contradiction may be wrong).
    pub fn unsafe_fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some((span, replacement.into(), false));
        self
    }

    /// Another place the fix edits, applied together with it.
    pub fn fix_also(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix_also.push((span, replacement.into()));
        self
    }

    /// Another repair, an alternative to the fix; always unsafe (it changes meaning).
    pub fn alternative(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.alternatives.push((span, replacement.into()));
        self
    }
}

/// A check implemented once in Rust.
pub trait Kind: Send + Sync + std::fmt::Debug {
    /// The placeholders this kind fills in messages and help texts.
    fn args(&self) -> Vec<String>;
    /// Whether the kind needs a reference date (it is then skipped without one).
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>);
    /// A regex that matches somewhere in a text whenever `check` could find anything in
    /// it. The engine takes the literals every match must begin with, scans each
    /// document once for all kinds' literals together, and skips the kinds none of whose
    /// literals occur, so the cost of many such rules hardly grows with their number.
    fn prefilter(&self) -> Option<Prefilter> {
        None
    }
}

/// What [`Kind::prefilter`] returns: a regex and whether it ignores case.
#[derive(Clone, Debug)]
pub struct Prefilter {
    pub pattern: String,
    pub case_sensitive: bool,
}

/// How a kind is built from its rule's `params:`: the one thing a kind's file adds
/// besides [`Kind`], so that registering it is one line in `kinds/mod.rs`.
pub trait Build: Kind + Sized + 'static {
    /// The rule's parameters, decoded strictly (`#[serde(deny_unknown_fields)]`, with
    /// `#[serde(default)]` for what may be left out).
    type Params: DeserializeOwned;
    /// The kind, or why its parameters are not acceptable (a value out of range).
    /// `when` says when a regex among the parameters compiles.
    fn build(params: Self::Params, when: Compile) -> Result<Self, ParamError>;
}

/// A parameter error: the message, and the parameter it concerns when known.
#[derive(Debug)]
pub struct ParamError {
    pub message: String,
    pub param: Option<&'static str>,
}

impl ParamError {
    pub fn new(message: impl Into<String>) -> Self {
        ParamError {
            message: message.into(),
            param: None,
        }
    }

    pub fn at(param: &'static str, message: impl Into<String>) -> Self {
        ParamError {
            message: message.into(),
            param: Some(param),
        }
    }
}

/// Check that parameter `param` lies within `min..=max` (and, for numbers with a
/// fraction, that it is a number at all): values out of range are rejected when the
/// rule loads, with an error pointing at the parameter.
pub fn in_range<T: PartialOrd + Display + Copy>(
    param: &'static str,
    value: T,
    min: T,
    max: T,
) -> Result<(), ParamError> {
    // `!(a <= b)` rather than `a > b`: a NaN compares false either way.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    if !(min <= value && value <= max) {
        return Err(ParamError::at(
            param,
            format!("`{param}` must be between {min} and {max}, not {value}"),
        ));
    }
    Ok(())
}

/// Decode a kind's parameters into its own strict struct.
pub fn params<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ParamError> {
    let value = if value.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        value
    };
    serde_json::from_value(value).map_err(|e| ParamError::new(e.to_string()))
}

/// A rule's regex (one or several patterns, see [`compile_regexes`]). A rule from a
/// user's file compiles it when it loads, which is how a bad pattern is reported there;
/// the built-in pack's rules (whose regexes its tests compile) wait until a document
/// needs theirs, so a run pays only for the rules its documents can trigger.
#[derive(Debug)]
pub struct RuleRegex {
    patterns: Vec<String>,
    case_sensitive: bool,
    compiled: std::sync::OnceLock<Option<crate::re::Regex>>,
}

/// When a rule's regex compiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compile {
    /// Now: the pattern is checked as the rule loads.
    Now,
    /// On first use: for patterns already known to compile (the built-in pack).
    OnFirstUse,
}

impl RuleRegex {
    pub fn new(patterns: Vec<String>, case_sensitive: bool, when: Compile) -> Result<Self, String> {
        let compiled = std::sync::OnceLock::new();
        if when == Compile::Now {
            let _ = compiled.set(Some(compile_regexes(&patterns, case_sensitive)?));
        }
        Ok(RuleRegex {
            patterns,
            case_sensitive,
            compiled,
        })
    }

    /// The compiled regex; `None` only if a pattern trusted to compile did not.
    pub fn get(&self) -> Option<&crate::re::Regex> {
        self.compiled
            .get_or_init(|| compile_regexes(&self.patterns, self.case_sensitive).ok())
            .as_ref()
    }

    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }
}
