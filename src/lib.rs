//! factlint: a fact-checking and consistency linter for news text.
//!
//! The pipeline runs one way:
//! bytes -load-> [`Document`] -extract-> [`extract::Mentions`] -kinds-> findings
//! -engine-> [`Diagnostic`]s -render-> output.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod error;
pub mod examples;
pub mod extract;
pub mod kb;
pub mod kinds;
pub mod reference;
pub mod render;
pub mod rules;
pub mod span;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, Format};
pub use engine::{Engine, EngineOptions};
pub use error::{LoadError, RuleFileError, SetupError};

use cli::{CheckArgs, Command, RuleSourceArgs};
use config::LoadedConfig;
use render::{CheckedFile, FileReport, HumanOptions, Summary};
use rules::{id_matches, Rule};

/// Exit statuses (CONTRACT.md).
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

/// Run a parsed command line; returns the exit status.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, SetupError> {
    match command {
        Command::Check(args) => run_check(args, out, err),
        Command::Rules(source) => {
            let (rules, _) = load_rules(&source, None)?;
            write_io(list_rules(&rules, out))?;
            Ok(EXIT_CLEAN)
        }
        Command::Explain { rule, source } => {
            let (rules, _) = load_rules(&source, None)?;
            let Some(r) = rules.iter().find(|r| r.id == rule) else {
                return Err(SetupError::Usage(format!(
                    "no rule `{rule}`; `factlint rules` lists them"
                )));
            };
            write_io(explain(r, out))?;
            Ok(EXIT_CLEAN)
        }
        Command::TestRules { dirs, source } => {
            let (rules, config) = if dirs.is_empty() {
                load_rules(&source, None)?
            } else {
                let mut rules = Vec::new();
                let mut errors = Vec::new();
                for dir in &dirs {
                    load_dir(dir, &mut rules, &mut errors)?;
                }
                if !errors.is_empty() {
                    return Err(SetupError::RuleFiles { errors });
                }
                (rules, LoadedConfig::default())
            };
            let mut knowledge_dirs = rule_dirs(&source, &config);
            knowledge_dirs.extend(dirs.iter().cloned());
            let engine = Engine::new(
                Vec::new(),
                EngineOptions {
                    kb: load_knowledge(&knowledge_dirs)?,
                    ..EngineOptions::default()
                },
            );
            let refs: Vec<&Rule> = rules.iter().collect();
            let (failures, count) = examples::run_examples(&engine, &refs);
            for f in &failures {
                write_io(writeln!(
                    out,
                    "FAIL {} ({}): {}\n    example: {}",
                    f.rule, f.origin, f.problem, f.example
                ))?;
            }
            write_io(writeln!(
                out,
                "test-rules: {} passed, {} failed",
                count - failures.len(),
                failures.len()
            ))?;
            Ok(if failures.is_empty() {
                EXIT_CLEAN
            } else {
                EXIT_FINDINGS
            })
        }
    }
}

fn write_io(r: io::Result<()>) -> Result<(), SetupError> {
    r.map_err(|e| SetupError::Io {
        path: "<stdout>".into(),
        message: e.to_string(),
    })
}

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
    for (name, text) in rules::BUILTIN {
        match rules::load_rule_file(name, text, true) {
            Ok(loaded) => merge(&mut rules, loaded),
            Err(e) => errors.extend(e),
        }
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
        return Err(SetupError::RuleFiles { errors });
    }
    for (selector, severity) in &config.config.severity {
        for rule in rules.iter_mut().filter(|r| id_matches(&r.id, selector)) {
            rule.severity = *severity;
        }
    }
    Ok((rules, config))
}

/// The rule directories of a run: configured ones, then `--rules` ones.
fn rule_dirs(source: &RuleSourceArgs, config: &LoadedConfig) -> Vec<PathBuf> {
    config
        .config
        .rules
        .iter()
        .map(|d| config.dir.join(d))
        .chain(source.rules.iter().cloned())
        .collect()
}

/// The built-in knowledge, then the `knowledge/` folder of each rule directory.
pub fn load_knowledge(dirs: &[PathBuf]) -> Result<std::sync::Arc<kb::KnowledgeBase>, SetupError> {
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
    kb::load(&files)
        .map(std::sync::Arc::new)
        .map_err(|errors| SetupError::RuleFiles { errors })
}

fn load_dir(
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

fn list_rules(rules: &[Rule], out: &mut dyn Write) -> io::Result<()> {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in rules {
        let line = r.description.lines().next().unwrap_or("");
        writeln!(out, "{:width$}  {:7}  {}", r.id, r.severity.as_str(), line)?;
    }
    Ok(())
}

fn explain(r: &Rule, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} ({}, kind `{}`)",
        r.id,
        r.severity,
        r.kind_name.as_str()
    )?;
    writeln!(out, "defined in {}\n", r.origin)?;
    if !r.description.is_empty() {
        writeln!(out, "{}\n", r.description)?;
    }
    let bad: Vec<_> = r.examples.iter().filter(|e| e.is_bad()).collect();
    let good: Vec<_> = r.examples.iter().filter(|e| !e.is_bad()).collect();
    if !bad.is_empty() {
        writeln!(out, "Flagged (the <<marked>> text is reported):")?;
        for e in bad {
            writeln!(out, "  - {}", e.written)?;
            if let Some(f) = &e.fixed {
                writeln!(out, "    fixed: {f}")?;
            }
            if let Some(d) = e.date {
                writeln!(out, "    (reference date {d})")?;
            }
        }
    }
    if !good.is_empty() {
        writeln!(out, "Not flagged:")?;
        for e in good {
            writeln!(out, "  - {}", e.written)?;
            if let Some(d) = e.date {
                writeln!(out, "    (reference date {d})")?;
            }
        }
    }
    Ok(())
}

/// One input of a run.
enum Input {
    Stdin,
    File { path: PathBuf, display: String },
    Missing { display: String, error: LoadError },
}

fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let display = path.display().to_string();
        match std::fs::metadata(path) {
            Err(e) => inputs.push(Input::Missing {
                error: LoadError::io(&display, e),
                display,
            }),
            Ok(m) if m.is_dir() => {
                let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(path)
                    .require_git(false)
                    .follow_links(false)
                    .build()
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
                    .map(ignore::DirEntry::into_path)
                    .filter(|p| Format::is_checked_extension(p))
                    .collect();
                found.sort();
                for p in found {
                    let display = p.strip_prefix("./").unwrap_or(&p).display().to_string();
                    inputs.push(Input::File { path: p, display });
                }
            }
            Ok(_) => inputs.push(Input::File {
                path: path.clone(),
                display,
            }),
        }
    }
    inputs
}

fn run_check(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, SetupError> {
    let first = args.paths.first().map(PathBuf::as_path);
    let (mut rules, config) = load_rules(&args.source, first)?;
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
    let engine = Engine::new(
        rules,
        EngineOptions {
            date: args.date,
            locale: config.config.locale.unwrap_or_default(),
            kb: load_knowledge(&rule_dirs(&args.source, &config))?,
        },
    );
    let inputs = collect_inputs(&args.paths);
    let stdin_bytes = if inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        let mut buf = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| SetupError::Io {
                path: "<stdin>".into(),
                message: e.to_string(),
            })?;
        Some(buf)
    } else {
        None
    };
    let stdout_tty = io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let human = HumanOptions {
        color: stdout_tty && !no_color,
        width: if stdout_tty { 100 } else { 80 },
    };
    let mut renderer = render::renderer(args.format, human);
    let mut summary = Summary::default();
    let mut failed = false;
    let mut worst: Option<Severity> = None;
    // Check in parallel, report in input order, a chunk at a time to bound memory.
    let chunk = 64 * rayon::current_num_threads().max(1);
    for batch in inputs.chunks(chunk) {
        let reports: Vec<FileReport> = batch
            .par_iter()
            .map(|input| {
                check_input(
                    input,
                    &engine,
                    stdin_bytes.as_deref(),
                    args.stdin_filename.as_deref(),
                )
            })
            .collect();
        for report in &reports {
            summary.add(report);
            match &report.outcome {
                Ok(f) => {
                    for d in &f.diagnostics {
                        worst = worst.max(Some(d.severity));
                    }
                }
                Err(e) => {
                    if !e.is_skip() {
                        failed = true;
                    }
                    if !renderer.reports_load_errors() || e.is_skip() {
                        let kind = if e.is_skip() { "note" } else { "error" };
                        let _ = writeln!(err, "factlint: {kind}: {e}");
                    }
                }
            }
            if let Err(e) = renderer.file(out, report) {
                return io_outcome(e);
            }
        }
    }
    if let Err(e) = renderer.finish(out, &summary).and_then(|()| out.flush()) {
        return io_outcome(e);
    }
    Ok(if failed {
        EXIT_FAILURE
    } else if worst.is_some_and(|w| w >= fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// A closed pipe (`factlint ... | head`) ends the run quietly.
fn io_outcome(e: io::Error) -> Result<u8, SetupError> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(EXIT_CLEAN)
    } else {
        Err(SetupError::Io {
            path: "<stdout>".into(),
            message: e.to_string(),
        })
    }
}

fn check_input(
    input: &Input,
    engine: &Engine,
    stdin: Option<&[u8]>,
    stdin_name: Option<&str>,
) -> FileReport {
    let (display, loaded) = match input {
        Input::Stdin => {
            let name = stdin_name.unwrap_or("-").to_string();
            let format = stdin_name.map_or(Format::Text, |n| Format::from_path(Path::new(n)));
            let doc = Document::from_bytes(&name, stdin.unwrap_or_default().to_vec(), format);
            (name, doc)
        }
        Input::File { path, display } => (display.clone(), Document::load(path, display)),
        Input::Missing { display, error } => (
            display.clone(),
            Err(match error {
                LoadError::Io { path, message } => LoadError::Io {
                    path: path.clone(),
                    message: message.clone(),
                },
                other => LoadError::Io {
                    path: display.clone(),
                    message: other.to_string(),
                },
            }),
        ),
    };
    let outcome = loaded.map(|doc| {
        let checked = engine.check(&doc);
        CheckedFile {
            doc,
            reference: checked.reference,
            diagnostics: checked.diagnostics,
        }
    });
    FileReport {
        path: display,
        outcome,
    }
}

/// Check one text with the built-in rules (for tests and embedding).
pub fn check_text(text: &str, format: Format, date: Option<jiff::civil::Date>) -> Vec<Diagnostic> {
    let Ok((rules, _)) = load_rules(&RuleSourceArgs::default(), Some(Path::new("/"))) else {
        return Vec::new();
    };
    let engine = Engine::new(
        rules,
        EngineOptions {
            date,
            ..Default::default()
        },
    );
    let doc = Document::from_text("input", text.to_string(), format);
    engine.check(&doc).diagnostics
}
