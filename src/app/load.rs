//! Loading the rules, the configuration and the knowledge a run uses.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::RuleSourceArgs;
use crate::config::{self, LoadedConfig};
use crate::error::{FileKind, RuleFileError, SetupError};
use crate::kb;
use crate::rules::{self, id_matches, Rule};

/// Built-in rules, then configured directories, then `--rules` directories. A rule
/// whose id is already loaded replaces the earlier one.
///
/// Every problem is reported in one run: a broken configuration, each broken rule
/// file, and rule ids the configuration names that no rule has (checked only when all
/// rule files loaded, since a broken file's ids are unknown).
pub fn load_rules(
    source: &RuleSourceArgs,
    first_path: Option<&Path>,
) -> Result<(Vec<Rule>, LoadedConfig), SetupError> {
    let mut problems: Vec<SetupError> = Vec::new();
    let config_path = match &source.config {
        Some(path) => Some(path.clone()),
        None => config::discover(first_path.unwrap_or(Path::new(""))),
    };
    let config = match config_path.as_deref().map(config::load) {
        Some(Ok(c)) => c,
        Some(Err(e)) => {
            problems.push(e);
            LoadedConfig::default()
        }
        None => LoadedConfig::default(),
    };
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    match rules::load_builtin() {
        Ok(loaded) => merge(&mut rules, loaded),
        Err(e) => errors.extend(e),
    }
    for dir in &rule_dirs(source, &config) {
        if let Err(e) = load_dir(dir, &mut rules, &mut errors) {
            problems.push(e);
        }
    }
    let files_loaded = errors.is_empty() && problems.is_empty();
    problems.extend(errors.into_iter().map(SetupError::from));
    if files_loaded {
        let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        problems.extend(
            config
                .check_selectors(&ids)
                .into_iter()
                .map(SetupError::from),
        );
    }
    if let Some(e) = SetupError::collect(problems) {
        return Err(e);
    }
    for (selector, severity) in &config.config.severity {
        for rule in rules.iter_mut().filter(|r| id_matches(&r.id, selector)) {
            rule.severity = *severity;
        }
    }
    Ok((rules, config))
}

/// The rule directories of a run: configured ones, then `--rules` ones.
pub fn rule_dirs(source: &RuleSourceArgs, config: &LoadedConfig) -> Vec<PathBuf> {
    config
        .config
        .rules
        .iter()
        .map(|d| config.dir.join(d))
        .chain(source.rules.iter().cloned())
        .collect()
}

/// The built-in knowledge, then the `knowledge/` folder of each rule directory.
pub fn load_knowledge(dirs: &[PathBuf]) -> Result<Arc<kb::KnowledgeBase>, SetupError> {
    let mut files = Vec::new();
    for dir in dirs {
        let folder = dir.join("knowledge");
        if !folder.is_dir() {
            continue;
        }
        let found = rules::rule_files_in(&folder).map_err(|e| SetupError::Io {
            path: folder.display().to_string(),
            message: format!("cannot read knowledge directory: {e}"),
        })?;
        for file in found {
            let display = file.display().to_string();
            let text = std::fs::read_to_string(&file).map_err(|e| SetupError::Io {
                path: display.clone(),
                message: e.to_string(),
            })?;
            files.push((display, text));
        }
    }
    if files.is_empty() {
        // The built-in knowledge alone: shared, and built ahead by the warm-up.
        return Ok(kb::builtin());
    }
    kb::load(&files).map(Arc::new).map_err(knowledge_errors)
}

/// Knowledge-file errors, headed as such.
pub fn knowledge_errors(errors: Vec<RuleFileError>) -> SetupError {
    SetupError::from_rule_errors(
        errors
            .into_iter()
            .map(|e| e.in_file(FileKind::Knowledge))
            .collect(),
    )
}

pub fn load_dir(
    dir: &Path,
    rules: &mut Vec<Rule>,
    errors: &mut Vec<RuleFileError>,
) -> Result<(), SetupError> {
    let files = rules::rule_files_in(dir).map_err(|e| SetupError::Io {
        path: dir.display().to_string(),
        message: format!("cannot read rule directory: {e}"),
    })?;
    for file in files {
        let display = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| SetupError::Io {
            path: display.clone(),
            message: e.to_string(),
        })?;
        match rules::load_rule_file(&display, &text, false) {
            Ok(loaded) => merge(rules, loaded),
            Err(e) => errors.extend(e),
        }
    }
    Ok(())
}

fn merge(rules: &mut Vec<Rule>, loaded: Vec<Rule>) {
    for rule in loaded {
        match rules.iter_mut().find(|r| r.id == rule.id) {
            Some(existing) => *existing = rule,
            None => rules.push(rule),
        }
    }
}
