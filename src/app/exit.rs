//! Exit statuses (CONTRACT.md).

/// No diagnostic at or above `--fail-on`.
pub const EXIT_CLEAN: u8 = 0;
/// At least one diagnostic at or above `--fail-on`.
pub const EXIT_FINDINGS: u8 = 1;
/// The run itself failed: bad arguments, an invalid config or rule file, an unreadable input.
pub const EXIT_FAILURE: u8 = 2;
