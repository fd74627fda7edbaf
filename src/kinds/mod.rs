//! Rule kinds: the checks implemented in Rust, each configured by YAML rules.
//!
//! A kind is pure: it reads the document's prose and mentions through a
//! [`CheckContext`] and pushes [`Finding`]s in prose offsets. The engine fills in the
//! rule's message, maps spans to the source and applies severities and suppressions.

mod age_mismatch;
mod anachronism;
mod arithmetic;
mod breakdown_sum;
mod calendar;
mod consistency;
mod duration_mismatch;
mod enumeration_count;
mod fact_contradiction;
mod future_as_past;
mod future_report;
mod inconsistent_restatement;
mod invalid_date;
mod misspelled_entity;
mod multiplier;
mod name_inconsistent;
mod past_as_future;
mod pattern;
mod percent_change;
mod percent_of_total;
mod percentage_points;
mod range_reversed;
mod relative_mismatch;
mod stale_as_of;
mod tense;
mod unattributed_statistic;
mod unused_suppression;
mod weekday_mismatch;

/// Load the automata of the regexes the built-in kinds use (see [`crate::extract::warm_up`]).
pub fn warm_up() {
    multiplier::warm_up();
    unattributed_statistic::warm_up();
    anachronism::warm_up();
    fact_contradiction::warm_up();
}

use std::fmt::Display;

/// The kinds' prebuilt regexes (see [`crate::prebuilt`]).
#[cfg(test)]
pub(crate) fn prebuilt() -> Vec<&'static crate::prebuilt::Prebuilt> {
    vec![
        &multiplier::MULTIPLIER_RE,
        &unattributed_statistic::CLAIM,
        &unattributed_statistic::ATTRIBUTION,
        &anachronism::LEAD_GAP,
        &anachronism::VERB_GAP,
        &fact_contradiction::CLAIM_GAP,
        &fact_contradiction::TEXT_CLAIMS,
        &fact_contradiction::PARAMETER_BEFORE,
        &fact_contradiction::HAS_GAP,
    ]
}

use serde::de::DeserializeOwned;

use crate::document::Document;
use crate::extract::{Locale, Mentions};
use crate::kb::KnowledgeBase;
use crate::reference::ReferenceDate;
use crate::span::Span;

pub use age_mismatch::AgeMismatch;
pub use anachronism::Anachronism;
pub use breakdown_sum::BreakdownSum;
pub use consistency::Consistency;
pub use duration_mismatch::DurationMismatch;
pub use enumeration_count::EnumerationCount;
pub use fact_contradiction::FactContradiction;
pub use future_as_past::FutureAsPast;
pub use future_report::FutureReport;
pub use inconsistent_restatement::InconsistentRestatement;
pub use invalid_date::InvalidDate;
pub use misspelled_entity::MisspelledEntity;
pub use multiplier::Multiplier;
pub use name_inconsistent::NameInconsistent;
pub use past_as_future::PastAsFuture;
pub use pattern::Pattern;
pub use percent_change::PercentChange;
pub use percent_of_total::PercentOfTotal;
pub use percentage_points::PercentagePoints;
pub use range_reversed::RangeReversed;
pub use relative_mismatch::RelativeMismatch;
pub use stale_as_of::StaleAsOf;
pub use unattributed_statistic::UnattributedStatistic;
pub use unused_suppression::UnusedSuppression;
pub use weekday_mismatch::WeekdayMismatch;

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

/// Every kind a rule file can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindName {
    Pattern,
    Consistency,
    WeekdayMismatch,
    InvalidDate,
    AgeMismatch,
    DurationMismatch,
    FutureAsPast,
    FutureReport,
    PastAsFuture,
    RangeReversed,
    RelativeMismatch,
    UnusedSuppression,
    StaleAsOf,
    Anachronism,
    FactContradiction,
    NameInconsistent,
    MisspelledEntity,
    PercentOfTotal,
    PercentChange,
    PercentagePoints,
    Multiplier,
    BreakdownSum,
    EnumerationCount,
    InconsistentRestatement,
    UnattributedStatistic,
}

impl KindName {
    pub const ALL: &'static [(&'static str, KindName)] = &[
        ("pattern", KindName::Pattern),
        ("consistency", KindName::Consistency),
        ("weekday-mismatch", KindName::WeekdayMismatch),
        ("invalid-date", KindName::InvalidDate),
        ("age-mismatch", KindName::AgeMismatch),
        ("duration-mismatch", KindName::DurationMismatch),
        ("future-as-past", KindName::FutureAsPast),
        ("future-report", KindName::FutureReport),
        ("past-as-future", KindName::PastAsFuture),
        ("range-reversed", KindName::RangeReversed),
        ("relative-mismatch", KindName::RelativeMismatch),
        ("unused-suppression", KindName::UnusedSuppression),
        ("stale-as-of", KindName::StaleAsOf),
        ("anachronism", KindName::Anachronism),
        ("fact-contradiction", KindName::FactContradiction),
        ("name-inconsistent", KindName::NameInconsistent),
        ("misspelled-entity", KindName::MisspelledEntity),
        ("percent-of-total", KindName::PercentOfTotal),
        ("percent-change", KindName::PercentChange),
        ("percentage-points", KindName::PercentagePoints),
        ("multiplier", KindName::Multiplier),
        ("breakdown-sum", KindName::BreakdownSum),
        ("enumeration-count", KindName::EnumerationCount),
        (
            "inconsistent-restatement",
            KindName::InconsistentRestatement,
        ),
        ("unattributed-statistic", KindName::UnattributedStatistic),
    ];

    pub fn parse(name: &str) -> Option<KindName> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, k)| k)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
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

/// Decode a kind's parameters into its own strict struct.
pub fn params<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, ParamError> {
    let value = if value.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        value
    };
    serde_json::from_value(value).map_err(|e| ParamError::new(e.to_string()))
}

/// Build the kind `name` from a rule's parameters: the registry.
/// `when` says when the regexes of `pattern` and `consistency` rules compile.
pub fn build(
    name: KindName,
    value: serde_json::Value,
    when: Compile,
) -> Result<Box<dyn Kind>, ParamError> {
    Ok(match name {
        KindName::Pattern => Box::new(Pattern::with(params(value)?, when)?),
        KindName::Consistency => Box::new(Consistency::with(params(value)?, when)?),
        KindName::WeekdayMismatch => Box::new(WeekdayMismatch::new(params(value)?)),
        KindName::InvalidDate => Box::new(InvalidDate::new(params(value)?)),
        KindName::AgeMismatch => Box::new(AgeMismatch::new(params(value)?)),
        KindName::DurationMismatch => Box::new(DurationMismatch::new(params(value)?)),
        KindName::FutureAsPast => Box::new(FutureAsPast::new(params(value)?)),
        KindName::FutureReport => Box::new(FutureReport::new(params(value)?)),
        KindName::PastAsFuture => Box::new(PastAsFuture::new(params(value)?)),
        KindName::RangeReversed => Box::new(RangeReversed::new(params(value)?)),
        KindName::RelativeMismatch => Box::new(RelativeMismatch::new(params(value)?)),
        KindName::UnusedSuppression => {
            params::<serde_json::Value>(value)?;
            Box::new(UnusedSuppression)
        }
        KindName::StaleAsOf => Box::new(StaleAsOf::new(params(value)?)),
        KindName::Anachronism => Box::new(Anachronism::new(params(value)?)),
        KindName::FactContradiction => Box::new(FactContradiction::new(params(value)?)),
        KindName::NameInconsistent => Box::new(NameInconsistent::new(params(value)?)),
        KindName::MisspelledEntity => Box::new(MisspelledEntity::new(params(value)?)),
        KindName::PercentOfTotal => Box::new(PercentOfTotal::new(params(value)?)),
        KindName::PercentChange => Box::new(PercentChange::new(params(value)?)),
        KindName::PercentagePoints => Box::new(PercentagePoints::new(params(value)?)),
        KindName::Multiplier => Box::new(Multiplier::new(params(value)?)),
        KindName::BreakdownSum => Box::new(BreakdownSum::new(params(value)?)),
        KindName::EnumerationCount => Box::new(EnumerationCount::new(params(value)?)),
        KindName::InconsistentRestatement => Box::new(InconsistentRestatement::new(params(value)?)),
        KindName::UnattributedStatistic => Box::new(UnattributedStatistic::new(params(value)?)),
    })
}

/// Compile a user regex with limits, so a hostile pattern cannot exhaust memory.
pub fn compile_regex(pattern: &str, case_sensitive: bool) -> Result<crate::re::Regex, String> {
    compile_regexes(&[pattern], case_sensitive)
}

/// [`compile_regex`] for several patterns tried in order (see [`crate::re::Regex::new_many`]).
pub fn compile_regexes<P: AsRef<str>>(
    patterns: &[P],
    case_sensitive: bool,
) -> Result<crate::re::Regex, String> {
    let options = crate::re::Options {
        case_insensitive: !case_sensitive,
        size_limit: 1 << 20,
        dfa_size_limit: 2 << 20,
        nest_limit: 64,
    };
    crate::re::Regex::build_many(patterns, options).map_err(|e| match e {
        crate::re::Error::TooBig(limit) => format!(
            "the regex is too large once compiled (over {limit} bytes); simplify it or split it into several rules"
        ),
        crate::re::Error::Syntax(s) => {
            // The parser's message draws a caret under the pattern; keep its last line.
            let last = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(&s);
            last.trim().trim_start_matches("error: ").to_string()
        }
        crate::re::Error::Other(s) => s,
    })
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

/// The names of the capture groups of `pattern`, in order, read from its syntax alone
/// (no compilation).
pub fn capture_names(pattern: &str) -> Result<Vec<String>, String> {
    use regex_syntax::ast::{Ast, GroupKind};
    fn walk(ast: &Ast, out: &mut Vec<String>) {
        match ast {
            Ast::Group(g) => {
                if let GroupKind::CaptureName { name, .. } = &g.kind {
                    out.push(name.name.clone());
                }
                walk(&g.ast, out);
            }
            Ast::Repetition(r) => walk(&r.ast, out),
            Ast::Alternation(a) => a.asts.iter().for_each(|a| walk(a, out)),
            Ast::Concat(c) => c.asts.iter().for_each(|a| walk(a, out)),
            _ => {}
        }
    }
    let ast = regex_syntax::ast::parse::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    walk(&ast, &mut out);
    Ok(out)
}

#[cfg(test)]
pub(crate) mod testing {
    //! `assert_finds` / `assert_clean` with `<<...>>` markers, as in rule examples.

    use super::*;
    use crate::document::Format;
    use crate::extract::{extract_with_knowledge, ExtractOptions};

    pub fn run(kind: &dyn Kind, text: &str, date: Option<&str>) -> Vec<Finding> {
        let doc = Document::from_text("test.md", text.to_string(), Format::Markdown);
        let kb = crate::kb::builtin();
        let mentions = extract_with_knowledge(&doc.prose, &ExtractOptions::default(), &kb);
        let flag = date.and_then(crate::document::parse_iso_date);
        let reference = crate::reference::resolve(flag, &doc, &mentions, &kb);
        let cx = CheckContext {
            doc: &doc,
            text: &doc.prose.text,
            mentions: &mentions,
            reference,
            locale: Locale::Unknown,
            kb: &kb,
        };
        let mut out = Vec::new();
        kind.check(&cx, &mut out);
        out.into_iter()
            .map(|mut f| {
                f.span = doc.prose.to_source(f.span);
                f
            })
            .collect()
    }

    /// Exactly one finding, on the text between `<<` and `>>`.
    pub fn assert_finds(kind: &dyn Kind, marked: &str, date: Option<&str>) -> Finding {
        let start = marked.find("<<").expect("<< marker");
        let end = marked.find(">>").expect(">> marker") - 2;
        let text = marked.replace("<<", "").replace(">>", "");
        let found = run(kind, &text, date);
        assert_eq!(found.len(), 1, "{marked}: {found:?}");
        assert_eq!(found[0].span.text(&text), &text[start..end], "{marked}");
        found.into_iter().next().expect("one finding")
    }

    pub fn assert_clean(kind: &dyn Kind, text: &str, date: Option<&str>) {
        let found = run(kind, text, date);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}
