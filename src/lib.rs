//! factlint: a fact-checking and consistency linter for news text.
//!
//! The pipeline runs one way:
//! bytes -load-> [`Document`] -extract-> [`extract::Mentions`] -kinds-> findings
//! -engine-> [`Diagnostic`]s -render-> output, driven by [`app`].
//!
//! Modules, from the bottom up (each imports only from modules listed before it):
//! `span`, `re`, `error`, `lexicon`, `patterns`, `prebuilt`, `diagnostic`; `document`;
//! `extract`; `kb`; `kinds`; `rules`, `examples`; `engine`, `suppress`; `render`, `fix`,
//! `baseline`, `config`; `cli_server`, `cli`; `app`.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod baseline;
pub mod cli;
#[cfg(feature = "server")]
pub mod cli_server;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod error;
pub mod examples;
pub mod extract;
pub mod fix;
pub mod kb;
pub mod kinds;
pub mod lexicon;
pub mod numbers;
pub mod patterns;
mod prebuilt;
pub mod re;
pub mod reference;
pub mod render;
pub mod rules;
pub mod span;
pub mod suppress;

pub use app::exit::{EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS};
pub use app::{load_knowledge, load_rules, run};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, Format};
pub use engine::{Engine, EngineOptions};
pub use error::{LoadError, RuleFileError, SetupError};

/// CONTRIBUTING.md's examples run as doctests: the worked example of a new kind and of a
/// new rule compile and pass against the crate as it is.
#[doc = include_str!("../CONTRIBUTING.md")]
#[cfg(doctest)]
pub struct ContributingExamples;

/// Check one text with the built-in rules (for tests and embedding).
pub fn check_text(
    text: &str,
    format: Format,
    date: Option<jiff::civil::Date>,
) -> Result<Vec<Diagnostic>, SetupError> {
    let rules = rules::load_builtin().map_err(SetupError::from_rule_errors)?;
    let engine = Engine::new(
        rules,
        EngineOptions {
            date,
            ..Default::default()
        },
    );
    let doc = Document::from_text("input", text.to_string(), format);
    Ok(engine.check(&doc).diagnostics)
}
