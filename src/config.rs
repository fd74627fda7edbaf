//! `.factlint.yaml`: project settings, found from the first path upward.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::Severity;
use crate::error::{FileKind, RuleFileError, SetupError};
use crate::extract::Locale;

pub const CONFIG_NAME: &str = ".factlint.yaml";

/// The configuration file's schema.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Extra rule directories, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity overrides: `{rule-id-or-prefix: error|warning|info}`.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub fail_on: Option<Severity>,
    /// Day/month order of numeric dates: `en-US` (11/29/2026) or `en-GB` (29/11/2026).
    #[serde(default)]
    pub locale: Option<Locale>,
    /// Rules to skip for some files: `{"archive/**": [style.]}`. Globs are relative to
    /// the configuration file's directory; `*` does not cross `/`, `**` does.
    #[serde(default)]
    pub per_path_ignores: BTreeMap<String, Vec<String>>,
}

/// Compiled `per-path-ignores`.
#[derive(Debug, Default)]
pub struct PerPathIgnores {
    dir: PathBuf,
    globs: Vec<(globset::GlobMatcher, Vec<String>)>,
}

impl PerPathIgnores {
    pub fn new(loaded: &LoadedConfig) -> Result<PerPathIgnores, SetupError> {
        let mut globs = Vec::new();
        for (pattern, rules) in &loaded.config.per_path_ignores {
            let glob = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    SetupError::Usage(format!(
                        "per-path-ignores in {}: `{pattern}` is not a valid glob: {e}",
                        loaded
                            .path
                            .as_ref()
                            .map_or(String::from(CONFIG_NAME), |p| p.display().to_string())
                    ))
                })?;
            globs.push((glob.compile_matcher(), rules.clone()));
        }
        let dir = std::path::absolute(&loaded.dir).unwrap_or_else(|_| loaded.dir.clone());
        Ok(PerPathIgnores { dir, globs })
    }

    /// The rule ids or prefixes ignored for `path` (as given on the command line).
    pub fn for_path(&self, path: &Path) -> Vec<&str> {
        if self.globs.is_empty() {
            return Vec::new();
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let relative = absolute.strip_prefix(&self.dir).unwrap_or(path);
        let relative = relative.strip_prefix("./").unwrap_or(relative);
        self.globs
            .iter()
            .filter(|(g, _)| g.is_match(relative))
            .flat_map(|(_, rules)| rules.iter().map(String::as_str))
            .collect()
    }
}

/// A loaded configuration and the directory its relative paths start from.
#[derive(Debug, Default)]
pub struct LoadedConfig {
    pub config: Config,
    pub dir: PathBuf,
    pub path: Option<PathBuf>,
    /// The file's text, for errors that point into it.
    pub text: String,
    /// Every rule id or prefix the file names, with where it is written.
    selectors: Vec<Spanned<String>>,
}

/// Where the configuration names rules (`select`, `ignore`, `severity` keys,
/// `per-path-ignores` lists), read a second time with positions; anything else is
/// ignored here, as [`Config`] has read it already.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Selectors {
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: HashMap<Spanned<String>, serde::de::IgnoredAny>,
    #[serde(default)]
    per_path_ignores: HashMap<String, Vec<Spanned<String>>>,
}

impl LoadedConfig {
    /// An error for each rule id or prefix the file names that no rule in `ids` has.
    pub fn check_selectors(&self, ids: &[&str]) -> Vec<RuleFileError> {
        let display = self
            .path
            .as_ref()
            .map_or(String::from(CONFIG_NAME), |p| p.display().to_string());
        self.selectors
            .iter()
            .filter_map(|sel| {
                let e = crate::rules::check_selector(&sel.value, ids).err()?;
                let (start, end) = crate::error::byte_range(&self.text, &sel.referenced);
                Some(
                    RuleFileError::new(&display, &self.text, start, end, e.message)
                        .with_help(e.help)
                        .in_file(FileKind::Config),
                )
            })
            .collect()
    }
}

/// The nearest `.factlint.yaml` from `start` upward.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = if start.as_os_str().is_empty() || start == Path::new("-") {
        std::env::current_dir().ok()?
    } else {
        std::path::absolute(start).ok()?
    };
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

pub fn load(path: &Path) -> Result<LoadedConfig, SetupError> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| SetupError::Io {
        path: display.clone(),
        message: e.to_string(),
    })?;
    let config: Config = match serde_saphyr::from_str::<Option<Config>>(&text) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => {
            let (start, end) = e
                .location()
                .map_or((0, 0), |l| crate::error::byte_range(&text, &l));
            let message = e.without_snippet().to_string();
            let message = message.lines().next().unwrap_or("invalid YAML").to_string();
            return Err(RuleFileError::new(&display, &text, start, end, message)
                .in_file(FileKind::Config)
                .with_help(
                    "see README.md, \"Configuration\", for the keys a configuration file takes",
                )
                .into());
        }
    };
    // The text parsed as a `Config`, so it parses as this looser view too.
    let located = serde_saphyr::from_str::<Option<Selectors>>(&text)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut selectors = located.select;
    selectors.extend(located.ignore);
    selectors.extend(located.severity.into_keys());
    selectors.extend(located.per_path_ignores.into_values().flatten());
    selectors.sort_by_key(|s| (s.referenced.line(), s.referenced.column()));
    Ok(LoadedConfig {
        config,
        dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        path: Some(path.to_path_buf()),
        text,
        selectors,
    })
}
