//! The reading conventions of a newsroom.

use serde::Deserialize;

/// The order of day and month in numeric dates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum Locale {
    /// 11/29/2026
    #[serde(rename = "en-US")]
    EnUs,
    /// 29/11/2026
    #[serde(rename = "en-GB")]
    EnGb,
    /// Unknown: only numeric dates whose order is evident are read.
    #[default]
    #[serde(skip)]
    Unknown,
}
