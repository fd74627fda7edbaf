//! [`Settings`]: a check run's command line and configuration, resolved once.

use std::io::Write;
use std::path::PathBuf;

use crate::baseline;
use crate::cli::CheckArgs;
use crate::config::PerPathIgnores;
use crate::diagnostic::Severity;
use crate::engine::{Engine, EngineOptions};
use crate::error::SetupError;
use crate::fix::FixMode;
use crate::render::RuleInfo;
use crate::rules::Rule;

use super::load::{load_knowledge, load_rules, rule_dirs};

/// Everything a check run needs besides its inputs: the engine with the selected rules
/// and the knowledge, and what to do with the findings.
pub struct Settings {
    pub engine: Engine,
    /// Every loaded rule, selected or not (for renderers that describe rules).
    pub rule_infos: Vec<RuleInfo>,
    pub per_path: PerPathIgnores,
    pub fail_on: Severity,
    pub baseline: Option<(baseline::Baseline, baseline::PathKey)>,
    pub record_baseline: Option<baseline::PathKey>,
    pub diff_base: Option<String>,
    pub fix: Option<FixMode>,
    pub diff_only: bool,
    pub max_diagnostics: Option<usize>,
}

impl Settings {
    /// Load the configuration, rules and knowledge that `args` name, and check the
    /// options against each other; notes go to `err`.
    pub fn resolve(args: &CheckArgs, err: &mut dyn Write) -> Result<Settings, SetupError> {
        let first = args.paths.first().map(PathBuf::as_path);
        let (mut rules, config) = load_rules(&args.source, first)?;
        let rule_infos: Vec<RuleInfo> = rules.iter().map(RuleInfo::of).collect();
        let known_rules: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
        let per_path = PerPathIgnores::new(&config)?;
        let selected = |r: &Rule, select: &[String], ignore: &[String]| {
            (select.is_empty() || select.iter().any(|s| r.matches(s)))
                && !ignore.iter().any(|s| r.matches(s))
        };
        rules.retain(|r| selected(r, &config.config.select, &config.config.ignore));
        rules.retain(|r| selected(r, &args.select, &args.ignore));
        let fail_on = args
            .fail_on
            .or(config.config.fail_on)
            .unwrap_or(Severity::Warning);
        if let Some(rev) = &args.diff_base {
            if rev.starts_with('-') || rev.is_empty() {
                return Err(SetupError::Usage(format!(
                    "--diff-base: `{rev}` is not a git revision"
                )));
            }
        }
        let baseline = match &args.baseline {
            Some(path) => Some((
                baseline::Baseline::load(path).map_err(SetupError::Usage)?,
                baseline::PathKey::for_baseline(path),
            )),
            None => None,
        };
        let fix = (args.fix || args.diff).then_some(if args.unsafe_fixes {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        });
        if args.unsafe_fixes && fix.is_none() && !args.quiet {
            let _ = writeln!(
                err,
                "factlint: note: --unsafe-fixes applies only with --fix or --diff"
            );
        }
        let engine = Engine::new(
            rules,
            EngineOptions {
                date: args.date,
                locale: config.config.locale.unwrap_or_default(),
                known_rules,
                kb: load_knowledge(&rule_dirs(&args.source, &config))?,
            },
        );
        Ok(Settings {
            engine,
            rule_infos,
            per_path,
            fail_on,
            baseline,
            record_baseline: args
                .write_baseline
                .as_deref()
                .map(baseline::PathKey::for_baseline),
            diff_base: args.diff_base.clone(),
            fix,
            diff_only: args.diff,
            max_diagnostics: args.max_diagnostics,
        })
    }
}
