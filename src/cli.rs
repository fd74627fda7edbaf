//! The command line: clap's raw arguments, resolved once into `app::Settings`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Severity;
use crate::render::OutputFormat;

/// Subcommand names; anything else on the command line is a `check` run.
pub const SUBCOMMANDS: &[&str] = &[
    "check",
    "rules",
    "explain",
    "test-rules",
    "kb",
    "completions",
    "man",
    "serve",
    "lsp",
    "help",
];

/// factlint: a fact-checking and consistency linter for news text.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles (the default: `factlint article.md` is `factlint check article.md`)
    Check(CheckArgs),
    /// List every loaded rule: id, severity, one line
    Rules(RuleSourceArgs),
    /// Explain a rule: what it checks, why, and its examples
    Explain {
        /// The rule id, e.g. date.weekday-mismatch
        rule: String,
        #[command(flatten)]
        source: RuleSourceArgs,
    },
    /// Run every rule's own examples; fails if any does not behave as written
    TestRules {
        /// Directories of rule files to test (default: the built-in rules and configured ones)
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        source: RuleSourceArgs,
    },
    /// Validate knowledge files, or show what is known about an entity
    Kb {
        #[command(subcommand)]
        action: KbCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
    /// Check over HTTP: a LanguageTool-compatible API, a JSON API and a web page
    #[cfg(feature = "server")]
    Serve(crate::cli_server::ServeArgs),
    /// Run the language server (LSP) over standard input and output
    #[cfg(feature = "server")]
    Lsp(crate::cli_server::LspArgs),
}

/// `factlint kb ...`
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate knowledge files (default: the built-in ones and configured ones)
    Check {
        /// Knowledge files (YAML) to validate together with the built-in knowledge
        files: Vec<PathBuf>,
        #[command(flatten)]
        source: RuleSourceArgs,
    },
    /// Print everything known about an entity, found by name or alias (any case)
    Show {
        /// The entity's name or one of its aliases
        name: String,
        #[command(flatten)]
        source: RuleSourceArgs,
    },
}

/// Where rules come from.
#[derive(Debug, Args, Default, Clone)]
pub struct RuleSourceArgs {
    /// Configuration file (default: the nearest .factlint.yaml from the first path upward)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Extra directory of rule files (repeatable)
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check; `-` reads standard input (default: the current directory)
    pub paths: Vec<PathBuf>,
    /// The reference (publication) date for every input, YYYY-MM-DD
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    #[command(flatten)]
    pub source: RuleSourceArgs,
    /// Only run these rules (ids or prefixes such as `date.`; repeatable)
    #[arg(long, value_name = "ID")]
    pub select: Vec<String>,
    /// Do not run these rules (ids or prefixes; repeatable)
    #[arg(long, value_name = "ID")]
    pub ignore: Vec<String>,
    /// Exit 1 when a diagnostic at or above this severity is found
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// Name for standard input; its extension picks the format
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Apply safe fixes to the files, then report what remains
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, apply unsafe fixes too (they may change meaning)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff instead of writing them
    #[arg(long)]
    pub diff: bool,
    /// Hide the findings recorded in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (stale entries are dropped)
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings on lines added or changed since this git revision
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Report at most N diagnostics per file
    #[arg(long, value_name = "N")]
    pub max_diagnostics: Option<usize>,
    /// Print diagnostics only: no notes, no progress bar
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    if s.len() != 10 {
        return Err(format!("`{s}` is not a date of the form YYYY-MM-DD"));
    }
    crate::document::parse_iso_date(s)
        .ok_or_else(|| format!("`{s}` is not a valid date of the form YYYY-MM-DD"))
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

/// Insert the default `check` subcommand where none is given.
pub fn with_default_subcommand(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut args = args;
    let first = args.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let is_meta = matches!(first, "-h" | "--help" | "-V" | "--version");
    if !is_meta && !SUBCOMMANDS.contains(&first) {
        args.insert(1.min(args.len()), "check".into());
    }
    args
}
