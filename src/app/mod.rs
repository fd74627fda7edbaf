//! The application: each command of the command line, from parsed arguments to an exit
//! status. It alone reads files and writes output; everything below it is pure.

mod check;
mod commands;
mod diff_base;
pub mod exit;
#[cfg(feature = "server")]
mod http;
mod kb_import;
#[cfg(feature = "server")]
mod languagetool;
mod load;
#[cfg(feature = "server")]
mod lsp;
pub mod positions;
#[cfg(feature = "server")]
mod serve;
mod settings;

use std::io::Write;

use crate::cli::Command;
use crate::error::SetupError;

pub use load::{load_knowledge, load_rules};
pub use settings::Settings;

/// Run a parsed command line; returns the exit status.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, SetupError> {
    match command {
        Command::Check(args) => check::run(args, out, err),
        Command::Completions { shell } => commands::completions(shell, out),
        Command::Man => commands::man(out),
        Command::Kb { action } => commands::kb(action, out),
        Command::Rules { source } => commands::rules(source, out),
        Command::Explain { rule, source } => commands::explain_rule(rule, source, out),
        Command::TestRules { dirs, source } => commands::test_rules(dirs, source, out),
        #[cfg(feature = "server")]
        Command::Serve(args) => serve::run(args, err),
        #[cfg(feature = "server")]
        Command::Lsp(args) => lsp::run(args, err),
    }
}
