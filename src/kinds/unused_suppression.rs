//! `unused-suppression`: a suppression directive that silenced nothing.
//! Why: a stale `factlint-disable` hides the next real error written in its range.
//! The check needs every other rule's findings, so the engine produces these findings
//! after applying suppressions (`suppress::apply`); the kind itself finds nothing.

use serde::Deserialize;

use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};

/// The kind takes no parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug, Default)]
pub struct UnusedSuppression;

impl Build for UnusedSuppression {
    type Params = Params;

    fn build(_: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(UnusedSuppression)
    }
}

impl Kind for UnusedSuppression {
    fn args(&self) -> Vec<String> {
        vec!["directive".into(), "rules".into()]
    }

    fn check(&self, _cx: &CheckContext<'_>, _out: &mut Vec<Finding>) {}
}
