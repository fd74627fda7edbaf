//! Loading the rules, the configuration and the knowledge a run uses.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::RuleSourceArgs;
use crate::config::{self, LoadedConfig};
use crate::error::{RuleFileError, SetupError};
use crate::kb;
use crate::rules::{self, id_matches, Rule};

/// Built-in rules, then configured directories, then `--rules` directories. A rule
/// whose id is already loaded replaces the earlier one.
pub fn load_rules(
    source: &RuleSourceArgs,
    first_path: Option<&Path>,
) -> Result<(Vec<Rule>, LoadedConfig), SetupError> {
    let config = match &source.config {
        Some(path) => config::load(path)?,
        None => match config::discover(first_path.unwrap_or(Path::new(""))) {
            Some(path) => config::load(&path)?,
            None => LoadedConfig::default(),
        },
    };
    let mut rules: Vec<Rule> = Vec::new();
    let mut errors = Vec::new();
    match rules::load_builtin() {
        Ok(loaded) => merge(&mut rules, loaded),
        Err(e) => errors.extend(e),
    }
    let dirs: Vec<PathBuf> = config
        .config
        .rules
        .iter()
        .map(|d| config.dir.join(d))
        .chain(source.rules.iter().cloned())
        .collect();
    for dir in &dirs {
        load_dir(dir, &mut rules, &mut errors)?;
    }
    if !errors.is_empty() {
        return Err(SetupError::from_rule_errors(errors));
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
    kb::load(&files)
        .map(Arc::new)
        .map_err(|errors| SetupError::RuleFiles { errors })
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
