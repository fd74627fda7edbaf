//! The arguments of the editor-facing commands, `factlint serve` and `factlint lsp`
//! (built with the `server` feature).

use std::path::PathBuf;

use clap::Args;

/// `factlint serve`
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
    /// Configuration file (default: the nearest .factlint.yaml from the current directory upward)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Extra directory of rule files (repeatable)
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// `factlint lsp`
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because many
    /// editors pass it)
    #[arg(long)]
    pub stdio: bool,
}
