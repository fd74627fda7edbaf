//! placeholder
use crate::cli_server::LspArgs;
use crate::error::SetupError;
use std::io::Write;
pub fn run(_args: LspArgs, _err: &mut dyn Write) -> Result<u8, SetupError> {
    Ok(0)
}
