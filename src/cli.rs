//! The command line: clap's raw arguments, resolved once into `app::Settings`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::Severity;
use crate::render::OutputFormat;

/// factlint: a fact-checking and consistency linter for news text.
///
/// With no subcommand, factlint checks the paths given (the current directory by
/// default): `factlint article.md` is `factlint check article.md`, and the options
/// below are the checking options. `--config` and `--rules` go with every subcommand,
/// before or after its name.
#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about,
    long_about = None,
    subcommand_value_name = "COMMAND",
    override_usage = "factlint [check] [OPTIONS] [PATHS]...\n       factlint [--config FILE] [--rules DIR] <COMMAND>"
)]
pub struct Cli {
    #[command(flatten)]
    pub source: RuleSourceArgs,
    #[command(flatten)]
    pub check: CheckArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parse a command line. The checking options written before another subcommand's
    /// name (`factlint --format json rules`) would do nothing there, so they are an error.
    pub fn parse_args(
        args: impl IntoIterator<Item = impl Into<std::ffi::OsString> + Clone>,
    ) -> Result<Cli, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let mut command = Cli::command();
        let matches = command.try_get_matches_from_mut(args)?;
        if let Some((name, _)) = matches.subcommand() {
            let checking = CheckArgs::augment_args(clap::Command::new("check"));
            for arg in checking.get_arguments() {
                let id = arg.get_id().as_str();
                if matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine) {
                    let shown = arg
                        .get_long()
                        .map_or_else(|| format!("`{id}`"), |l| format!("--{l}"));
                    return Err(command.error(
                        clap::error::ErrorKind::ArgumentConflict,
                        format!(
                            "{shown} is a checking option: it does nothing with `factlint {name}` \
                             (write `factlint check {shown} ...`)"
                        ),
                    ));
                }
            }
        }
        Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))
    }

    /// The command to run (`check` when none is named), with the rule sources given
    /// anywhere on the command line.
    pub fn into_command(self) -> Command {
        let source = self.source;
        let mut command = self.command.unwrap_or(Command::Check(self.check));
        match &mut command {
            Command::Check(args) => args.source = source,
            Command::Rules { source: s }
            | Command::Explain { source: s, .. }
            | Command::TestRules { source: s, .. } => {
                *s = source;
            }
            Command::Kb { action } => match action {
                KbCommand::Check { source: s, .. }
                | KbCommand::Show { source: s, .. }
                | KbCommand::Stats { source: s, .. } => {
                    *s = source;
                }
                KbCommand::Import { .. } => {}
            },
            #[cfg(feature = "server")]
            Command::Serve(args) => args.source = source,
            #[cfg(feature = "server")]
            Command::Lsp(_) => {}
            Command::Completions { .. } | Command::Man => {}
        }
        command
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles (the default: `factlint article.md` is `factlint check article.md`)
    Check(CheckArgs),
    /// List every loaded rule: id, severity, one line
    Rules {
        #[arg(skip)]
        source: RuleSourceArgs,
    },
    /// Explain a rule: what it checks, why, and its examples
    Explain {
        /// The rule id, e.g. date.weekday-mismatch
        rule: String,
        #[arg(skip)]
        source: RuleSourceArgs,
    },
    /// Run every rule's own examples; fails if any does not behave as written
    TestRules {
        /// Directories of rule files to test (default: the built-in rules and configured ones)
        dirs: Vec<PathBuf>,
        #[arg(skip)]
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
    Serve(ServeArgs),
    /// Run the language server (LSP) over standard input and output
    #[cfg(feature = "server")]
    Lsp(LspArgs),
}

/// `factlint kb ...`
#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate knowledge files (default: the built-in ones and configured ones)
    Check {
        /// Knowledge files (YAML) to validate together with the built-in knowledge
        files: Vec<PathBuf>,
        #[arg(skip)]
        source: RuleSourceArgs,
    },
    /// Print everything known about an entity, found by name or alias (any case)
    Show {
        /// The entity's name or one of its aliases
        name: String,
        #[arg(skip)]
        source: RuleSourceArgs,
    },
    /// Convert a newsroom's own list (CSV or JSON) into a knowledge file
    #[command(after_help = IMPORT_HELP)]
    Import {
        /// The list: a .csv file with a header row, or a .json file
        file: PathBuf,
        /// Write the knowledge file here (default: standard output)
        #[arg(short, long, value_name = "OUT.yaml")]
        output: Option<PathBuf>,
        /// Where the list's facts come from, for rows without a `source`: a URL, a
        /// Wikidata id (Q95) or words (kept in each entity's note)
        #[arg(long = "source", value_name = "URL-OR-TEXT")]
        provenance: Option<String>,
        /// A second source every value was compared against, an http(s) URL (repeatable)
        #[arg(long, value_name = "URL")]
        checked: Vec<String>,
        /// Replace OUT.yaml if it exists
        #[arg(long)]
        force: bool,
    },
    /// Count entities, facts and terms by type and by file
    Stats {
        /// Knowledge files (YAML) to count with the built-in and configured knowledge
        files: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_name = "FORMAT", default_value = "human", value_parser = ["human", "json"])]
        format: String,
        #[arg(skip)]
        source: RuleSourceArgs,
    },
}

/// The columns `factlint kb import` reads, shown under its help.
const IMPORT_HELP: &str = "\
Columns (CSV header, any case) or keys (JSON objects):
  name       the entity's name (required)
  type       person (default), company, organization, institution, product,
             ai-model, platform, software, country, city, currency, event,
             disease, treaty
  aliases    other names, separated by `;` or `|`
  avoid      house spellings to flag, separated by `;` or `|`
  born, died, founded
             dates: YYYY, YYYY-MM or YYYY-MM-DD
  office, title, from, to
             a term in office (title: the word written before the name, e.g.
             Mayor; from/to: dates). Several rows of one name make one entity
             with several terms
  source     a web page or a Wikidata id (Q95); other words go in the note
  wikidata   a Wikidata id
  checked    second sources (http(s) URLs), separated by `;`
  note       free text for editors

A CSV file is UTF-8 (a byte-order mark is fine), comma-separated (or `;` or
tab when the header has no comma), with quoted fields as spreadsheets write
them. A JSON file is an array of objects, or an object with an `entities`
array; aliases, avoid and checked may be arrays.

Every entity needs a source URL or Wikidata id, from its row or --source.
All problems are reported at once (exit 2); nothing is written unless the
knowledge file loads.";

/// Where rules come from: options of every subcommand, written before or after it.
#[derive(Debug, Args, Default, Clone)]
pub struct RuleSourceArgs {
    /// Configuration file (default: the nearest .factlint.yaml from the first path upward)
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Extra directory of rule files (repeatable)
    #[arg(long = "rules", value_name = "DIR", global = true)]
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
    /// The rule sources (`--config`, `--rules`), read as options of every subcommand.
    #[arg(skip)]
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
    /// How to read the inputs' bytes: auto (UTF-8; UTF-16 by its byte-order mark; else
    /// Windows-1252, with a note), utf-8, windows-1252, latin1 or utf-16
    #[arg(long, value_name = "ENCODING", default_value = "auto", value_parser = parse_encoding)]
    pub encoding: crate::document::Encoding,
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

fn parse_encoding(s: &str) -> Result<crate::document::Encoding, String> {
    s.parse()
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

// The editor-facing commands, `factlint serve` and `factlint lsp` (feature `server`).

/// `factlint serve`
#[cfg(feature = "server")]
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Anything but a loopback address lets other machines in
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0 picks a free one; the address is printed on stderr)
    #[arg(long, default_value_t = 8081)]
    pub port: u16,
    /// Largest request body, in bytes; larger requests are answered 413
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub max_body: usize,
    /// Time limit for one request, in seconds: reading it, then checking it
    #[arg(long, value_name = "SECONDS", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
    /// Checks run at once (default: the number of cores)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Connections open at once; more are answered 503
    #[arg(long, value_name = "N", default_value_t = 256,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_connections: u32,
    /// `--config` and `--rules`, which the command line takes before or after `serve`
    /// (the configuration is otherwise the nearest .factlint.yaml from the current
    /// directory upward).
    #[arg(skip)]
    pub source: RuleSourceArgs,
}

/// `factlint lsp`
#[cfg(feature = "server")]
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because many
    /// editors pass it)
    #[arg(long)]
    pub stdio: bool,
}
