use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use factlint::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                factlint::EXIT_FAILURE
            } else {
                0
            });
        }
    };
    // Not locked for the whole run: `factlint lsp` writes its messages from a thread of
    // its own. The buffer takes the lock only when it flushes.
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout());
    let mut err = io::stderr();
    let code = match factlint::run(cli.into_command(), &mut out, &mut err) {
        Ok(code) => code,
        Err(e) => {
            let _ = out.flush();
            let report = miette::Report::new(e);
            let _ = writeln!(err, "{report:?}");
            factlint::EXIT_FAILURE
        }
    };
    if let Err(e) = out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "factlint: error: {e}");
            return ExitCode::from(factlint::EXIT_FAILURE);
        }
    }
    ExitCode::from(code)
}
