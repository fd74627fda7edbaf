use std::io::{self, BufWriter, IsTerminal, Write};
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
    // Error reports are wrapped to the terminal's width only when a person reads them
    // there; in logs and pipes a line stays whole, so a path or a quoted value is never
    // broken at a hyphen and a script can match the line.
    let wrap = io::stderr().is_terminal();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(miette::MietteHandlerOpts::new().wrap_lines(wrap).build())
    }));
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
