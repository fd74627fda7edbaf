//! [`Settings`]: a check run's command line and configuration, resolved once.

use std::io::Write;
use std::path::PathBuf;

use crate::baseline;
use crate::cli::CheckArgs;
use crate::config::PerPathIgnores;
use crate::diagnostic::Severity;
use crate::document::Encoding;
use crate::engine::{Engine, EngineOptions};
use crate::error::SetupError;
use crate::fix::FixMode;
use crate::render::RuleInfo;
use crate::rules::{check_selector, Rule};

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
    pub encoding: Encoding,
}

impl Settings {
    /// Load the configuration, rules and knowledge that `args` name, and check the
    /// options against each other; notes go to `err`.
    pub fn resolve(args: &CheckArgs, err: &mut dyn Write) -> Result<Settings, SetupError> {
        let first = args.paths.first().map(PathBuf::as_path);
        let (mut rules, config) = load_rules(&args.source, first)?;
        let rule_infos: Vec<RuleInfo> = rules.iter().map(RuleInfo::of).collect();
        let known_rules: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
        let ids: Vec<&str> = known_rules.iter().map(String::as_str).collect();
        // Every misspelt rule id on the command line and in the baseline, in one run.
        let mut problems: Vec<SetupError> = Vec::new();
        for (flag, selectors) in [("--select", &args.select), ("--ignore", &args.ignore)] {
            for sel in selectors {
                if let Err(e) = check_selector(sel, &ids) {
                    problems.push(SetupError::Usage(format!("{flag}: {e}")));
                }
            }
        }
        let baseline = match &args.baseline {
            Some(path) => match baseline::Baseline::load(path) {
                Ok(b) => {
                    for (rule, count) in b.rule_counts() {
                        if let Err(e) = check_selector(rule, &ids) {
                            problems.push(SetupError::Usage(format!(
                                "--baseline {}: {count} entries for an {e}",
                                path.display()
                            )));
                        }
                    }
                    Some((b, baseline::PathKey::for_baseline(path)))
                }
                Err(e) => {
                    problems.push(SetupError::Usage(e));
                    None
                }
            },
            None => None,
        };
        let per_path = match PerPathIgnores::new(&config) {
            Ok(p) => p,
            Err(e) => {
                problems.push(e);
                PerPathIgnores::default()
            }
        };
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
        if let Some(e) = SetupError::collect(problems) {
            return Err(e);
        }
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
            encoding: args.encoding,
        })
    }
}
