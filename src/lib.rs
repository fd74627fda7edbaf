//! factlint: a fact-checking and consistency linter for news text.
//!
//! The pipeline runs one way:
//! bytes -load-> [`Document`] -extract-> [`extract::Mentions`] -kinds-> findings
//! -engine-> [`Diagnostic`]s -render-> output.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod error;
pub mod examples;
pub mod extract;
pub mod fix;
pub mod kb;
pub mod kinds;
mod prebuilt;
pub mod re;
pub mod reference;
pub mod render;
pub mod rules;
pub mod span;
pub mod suppress;

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, Format};
pub use engine::{Engine, EngineOptions};
pub use error::{LoadError, RuleFileError, SetupError};

use cli::{CheckArgs, Command, KbCommand, RuleSourceArgs};
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
        Command::Completions { shell } => {
            let mut cmd = <cli::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "factlint", &mut buf);
            write_io(out.write_all(&buf))?;
            Ok(EXIT_CLEAN)
        }
        Command::Man => {
            let cmd = <cli::Cli as clap::CommandFactory>::command();
            let mut buf = Vec::new();
            write_io(clap_mangen::Man::new(cmd).render(&mut buf))?;
            write_io(out.write_all(&buf))?;
            Ok(EXIT_CLEAN)
        }
        Command::Kb { action } => run_kb(action, out),
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
                    return Err(SetupError::from_rule_errors(errors));
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

/// `kb check` and `kb show`: knowledge errors exit 2 through [`SetupError`].
fn run_kb(action: KbCommand, out: &mut dyn Write) -> Result<u8, SetupError> {
    match action {
        KbCommand::Check { files, source } => {
            let kb = if files.is_empty() {
                let (_, config) = load_rules(&source, None)?;
                load_knowledge(&rule_dirs(&source, &config))?
            } else {
                let mut texts = Vec::new();
                for file in &files {
                    let display = file.display().to_string();
                    let text = std::fs::read_to_string(file).map_err(|e| SetupError::Io {
                        path: display.clone(),
                        message: e.to_string(),
                    })?;
                    texts.push((display, text));
                }
                std::sync::Arc::new(kb::load(&texts).map_err(SetupError::from_rule_errors)?)
            };
            let mut origins: Vec<&str> = kb.entities.iter().map(|e| e.origin.as_str()).collect();
            origins.sort_unstable();
            origins.dedup();
            let facts: usize = kb.entities.iter().map(kb::Entity::fact_count).sum();
            write_io(writeln!(
                out,
                "kb check: {} entities, {} facts in {} files: ok",
                kb.entities.len(),
                facts,
                origins.len()
            ))?;
            if !files.is_empty() {
                let mine = kb
                    .entities
                    .iter()
                    .filter(|e| files.iter().any(|f| f.display().to_string() == e.origin))
                    .count();
                write_io(writeln!(out, "{mine} entities from the files given"))?;
            }
            Ok(EXIT_CLEAN)
        }
        KbCommand::Show { name, source } => {
            let (_, config) = load_rules(&source, None)?;
            let kb = load_knowledge(&rule_dirs(&source, &config))?;
            let Some(entity) = kb.lookup(&name) else {
                return Err(SetupError::Usage(format!(
                    "no entity named `{name}` in the knowledge base; `factlint kb check` validates knowledge files"
                )));
            };
            write_io(show_entity(entity, out))?;
            Ok(EXIT_CLEAN)
        }
    }
}

fn show_entity(e: &kb::Entity, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({})", e.name, e.kind)?;
    writeln!(out, "  file: {}", e.origin)?;
    writeln!(out, "  source: {}", e.source)?;
    if !e.source.checked.is_empty() {
        writeln!(out, "  checked against: {}", e.source.checked.join(", "))?;
    }
    if !e.aliases.is_empty() {
        writeln!(out, "  aliases: {}", e.aliases.join(", "))?;
    }
    if !e.avoid.is_empty() {
        writeln!(out, "  avoid: {}", e.avoid.join(", "))?;
    }
    for f in e.starts.iter().chain(&e.ends) {
        writeln!(out, "  {}", f.date.with_verb(f.verb))?;
    }
    if let Some(named) = e.named {
        writeln!(out, "  {}", named.with_verb("named"))?;
    }
    for f in &e.formerly {
        writeln!(out, "  formerly {} until {}", f.name, f.until)?;
    }
    for t in &e.terms {
        let to =
            t.to.map_or_else(|| "present".to_string(), |d| d.to_string());
        writeln!(out, "  {}: {} to {}", t.office, t.from, to)?;
    }
    for a in &e.attributes {
        let mut line = format!("  {}: {}", a.name, a.value);
        if let kb::Value::Number { tolerance, .. } = a.value {
            if tolerance > 0.0 {
                line.push_str(&format!(" (±{}%)", tolerance * 100.0));
            }
        }
        if a.from.is_some() || a.to.is_some() {
            let from = a.from.map_or_else(|| "?".to_string(), |d| d.to_string());
            let to =
                a.to.map_or_else(|| "present".to_string(), |d| d.to_string());
            line.push_str(&format!(", {from} to {to}"));
        }
        if let Some(as_of) = a.as_of {
            line.push_str(&format!(", as of {as_of}"));
        }
        line.push_str(&format!("; source: {}", a.source));
        if !a.source.checked.is_empty() {
            line.push_str(&format!(
                "; checked against: {}",
                a.source.checked.join(", ")
            ));
        }
        if a.origin != e.origin {
            line.push_str(&format!("; file: {}", a.origin));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
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
    if files.is_empty() {
        // The built-in knowledge alone: shared, and built ahead by the warm-up.
        return Ok(kb::builtin());
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

/// Per-run settings that every file's check needs.
struct CheckPlan<'a> {
    engine: &'a Engine,
    per_path: config::PerPathIgnores,
    baseline: Option<(baseline::Baseline, baseline::PathKey)>,
    record_baseline: Option<baseline::PathKey>,
    diff_base: Option<String>,
    fix: Option<fix::FixMode>,
    diff_only: bool,
    max_diagnostics: Option<usize>,
}

/// What happened to one file besides its diagnostics.
#[derive(Default)]
struct FileExtras {
    fixed: usize,
    diff: Option<String>,
    notes: Vec<String>,
    failed: bool,
    baseline_entries: Vec<baseline::Entry>,
    hidden: usize,
}

fn run_check(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, SetupError> {
    // The recognizers' regexes compile on a second core while the rules and the
    // knowledge load; the first document waits for whatever is not ready yet.
    std::thread::spawn(|| {
        extract::warm_up();
        kinds::warm_up();
    });
    std::thread::spawn(kb::builtin);
    let first = args.paths.first().map(PathBuf::as_path);
    let (mut rules, config) = load_rules(&args.source, first)?;
    let rule_infos: Vec<render::RuleInfo> = rules.iter().map(render::RuleInfo::of).collect();
    let known_rules: Vec<String> = rules.iter().map(|r| r.id.clone()).collect();
    let per_path = config::PerPathIgnores::new(&config)?;
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
    let fix_mode = (args.fix || args.diff).then_some(if args.unsafe_fixes {
        fix::FixMode::Unsafe
    } else {
        fix::FixMode::Safe
    });
    if args.unsafe_fixes && fix_mode.is_none() && !args.quiet {
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
    let plan = CheckPlan {
        engine: &engine,
        per_path,
        baseline,
        record_baseline: args
            .write_baseline
            .as_deref()
            .map(baseline::PathKey::for_baseline),
        diff_base: args.diff_base.clone(),
        fix: fix_mode,
        diff_only: args.diff,
        max_diagnostics: args.max_diagnostics,
    };
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
    let mut renderer = render::renderer_with_rules(args.format, human, rule_infos);
    let progress = (!args.quiet
        && io::stderr().is_terminal()
        && inputs.len() >= PROGRESS_MIN_FILES)
        .then(|| {
            let bar = indicatif::ProgressBar::new(inputs.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
    let mut summary = Summary::default();
    let mut failed = false;
    let mut worst: Option<Severity> = None;
    let mut new_baseline = Vec::new();
    let (mut fixed, mut fixed_files, mut any_diff) = (0, 0, false);
    // Check in parallel, report in input order, a chunk at a time to bound memory.
    // One file (a pre-commit hook's usual call) needs no thread pool.
    let sequential = inputs.len() == 1;
    let chunk = if sequential {
        1
    } else {
        64 * rayon::current_num_threads().max(1)
    };
    for batch in inputs.chunks(chunk) {
        let check = |input: &Input| {
            let checked = check_input(
                input,
                &plan,
                stdin_bytes.as_deref(),
                args.stdin_filename.as_deref(),
            );
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            checked
        };
        let reports: Vec<(FileReport, FileExtras)> = if sequential {
            batch.iter().map(check).collect()
        } else {
            batch.par_iter().map(check).collect()
        };
        for (report, extras) in reports {
            failed |= extras.failed;
            if !args.quiet || extras.failed {
                for note in &extras.notes {
                    let kind = if extras.failed { "error" } else { "note" };
                    let _ = writeln!(err, "factlint: {kind}: {note}");
                }
            }
            if extras.hidden > 0 && !args.quiet {
                let _ = writeln!(
                    err,
                    "factlint: note: {} more diagnostics in {} not shown (--max-diagnostics)",
                    extras.hidden, report.path
                );
            }
            new_baseline.extend(extras.baseline_entries);
            if extras.fixed > 0 {
                fixed += extras.fixed;
                fixed_files += 1;
            }
            if plan.diff_only {
                if let Some(diff) = &extras.diff {
                    any_diff = true;
                    if let Err(e) = out.write_all(diff.as_bytes()) {
                        return io_outcome(e);
                    }
                }
                if let Err(e) = &report.outcome {
                    if !e.is_skip() {
                        failed = true;
                        let _ = writeln!(err, "factlint: error: {e}");
                    }
                }
                continue;
            }
            summary.add(&report);
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
            if let Err(e) = renderer.file(out, &report) {
                return io_outcome(e);
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(path) = &args.write_baseline {
        let count = new_baseline.len();
        let b = baseline::Baseline {
            version: 1,
            entries: new_baseline,
        };
        std::fs::write(path, b.to_json()).map_err(|e| SetupError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        if !args.quiet {
            let _ = writeln!(
                err,
                "factlint: note: wrote {count} findings to the baseline {}",
                path.display()
            );
        }
    }
    if plan.diff_only {
        if let Err(e) = out.flush() {
            return io_outcome(e);
        }
        if !args.quiet {
            let _ = writeln!(
                err,
                "factlint: note: {fixed} fixes available in {fixed_files} files (not written)"
            );
        }
        return Ok(if failed {
            EXIT_FAILURE
        } else if any_diff {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    if let Err(e) = renderer.finish(out, &summary).and_then(|()| out.flush()) {
        return io_outcome(e);
    }
    if args.fix && !args.quiet {
        let _ = writeln!(
            err,
            "factlint: note: applied {fixed} fixes in {fixed_files} files"
        );
    }
    Ok(if failed {
        EXIT_FAILURE
    } else if worst.is_some_and(|w| w >= fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// A progress bar appears (on a terminal) from this many files on.
const PROGRESS_MIN_FILES: usize = 16;

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
    plan: &CheckPlan<'_>,
    stdin: Option<&[u8]>,
    stdin_name: Option<&str>,
) -> (FileReport, FileExtras) {
    let mut extras = FileExtras::default();
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
    let file_path = match input {
        Input::File { path, .. } => Some(path.as_path()),
        _ => None,
    };
    let ignored = match input {
        Input::File { path, .. } => plan.per_path.for_path(path),
        Input::Stdin => stdin_name.map_or(Vec::new(), |n| plan.per_path.for_path(Path::new(n))),
        Input::Missing { .. } => Vec::new(),
    };
    let engine = plan.engine;
    let rules: Vec<&Rule> = engine
        .rules
        .iter()
        .filter(|r| !ignored.iter().any(|sel| id_matches(&r.id, sel)))
        .collect();
    // Rules, then --diff-base, then the baseline.
    let check = |doc: &Document| -> Result<engine::CheckedDocument, String> {
        let mut checked = engine.check_with(doc, &rules, engine.options.date);
        if let (Some(rev), Some(path)) = (&plan.diff_base, file_path) {
            if let Some(ranges) = diff_base::changed_lines(path, rev)? {
                checked.diagnostics.retain(|d| {
                    let first = doc.line_index.line_of(d.span.start.min(doc.source.len())) + 1;
                    let last = doc.line_index.line_of(d.span.end.min(doc.source.len())) + 1;
                    ranges.iter().any(|&(a, b)| a <= last && first <= b)
                });
            }
        }
        if let Some((b, key)) = &plan.baseline {
            b.hide(&key.key(&display), doc, &mut checked.diagnostics);
        }
        Ok(checked)
    };
    let outcome = loaded.and_then(|mut doc| {
        let mut checked = check(&doc).map_err(|message| LoadError::Io {
            path: display.clone(),
            message,
        })?;
        if let Some(key) = &plan.record_baseline {
            let path_key = key.key(&display);
            extras.baseline_entries = checked
                .diagnostics
                .iter()
                .map(|d| baseline::entry(&path_key, &doc, d))
                .collect();
            // Recorded now, so hidden from now on.
            checked.diagnostics.clear();
        }
        if let Some(mode) = plan.fix {
            if let Some((new_text, applied)) =
                fix::fixed_text(&doc.source, &checked.diagnostics, mode)
            {
                if plan.diff_only {
                    extras.diff = Some(fix::unified_diff(&display, &doc.source, &new_text));
                    extras.fixed = applied;
                } else if let Some(path) = file_path {
                    match fix::write_atomically(path, &doc.source, &new_text) {
                        Ok(()) => {
                            extras.fixed = applied;
                            doc = Document::from_text(&display, new_text, doc.format);
                            checked = check(&doc).map_err(|message| LoadError::Io {
                                path: display.clone(),
                                message,
                            })?;
                        }
                        Err(e) => {
                            extras.failed = true;
                            extras.notes.push(e.to_string());
                        }
                    }
                } else {
                    extras
                        .notes
                        .push("standard input is not rewritten by --fix; use --diff".into());
                }
            }
        }
        if let Some(max) = plan.max_diagnostics {
            if checked.diagnostics.len() > max {
                extras.hidden = checked.diagnostics.len() - max;
                checked.diagnostics.truncate(max);
            }
        }
        Ok(CheckedFile {
            doc,
            reference: checked.reference,
            diagnostics: checked.diagnostics,
        })
    });
    (
        FileReport {
            path: display,
            outcome,
        },
        extras,
    )
}

/// `--diff-base`: the lines of a file added or changed since a git revision.
mod diff_base {
    use std::path::Path;
    use std::process::Command;

    /// 1-based inclusive line ranges added or changed in `path` since `rev`, or `None`
    /// when git does not track the file (it is new in its entirety).
    pub fn changed_lines(path: &Path, rev: &str) -> Result<Option<Vec<(usize, usize)>>, String> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = path.file_name().unwrap_or(path.as_os_str());
        let git = |args: &[&str]| {
            Command::new("git")
                .arg("-C")
                .arg(dir)
                .args(args)
                .arg("--")
                .arg(name)
                .output()
                .map_err(|e| format!("--diff-base needs git: {e}"))
        };
        let tracked = git(&["ls-files", "--error-unmatch"])?;
        if !tracked.status.success() {
            let stderr = String::from_utf8_lossy(&tracked.stderr);
            if stderr.contains("not a git repository") {
                return Err(format!("--diff-base: {}", stderr.trim()));
            }
            return Ok(None);
        }
        let diff = git(&["diff", "-U0", "--no-color", "--no-ext-diff", rev])?;
        if !diff.status.success() {
            return Err(format!(
                "git diff {rev} failed: {}",
                String::from_utf8_lossy(&diff.stderr).trim()
            ));
        }
        Ok(Some(parse_hunks(&String::from_utf8_lossy(&diff.stdout))))
    }

    /// The new-side line ranges of `@@ -a,b +c,d @@` hunk headers.
    pub fn parse_hunks(diff: &str) -> Vec<(usize, usize)> {
        diff.lines()
            .filter_map(|l| l.strip_prefix("@@ "))
            .filter_map(|l| l.split(' ').find(|p| p.starts_with('+')))
            .filter_map(|p| {
                let p = &p[1..];
                let (start, count) = match p.split_once(',') {
                    Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
                    None => (p.parse::<usize>().ok()?, 1),
                };
                (count > 0).then(|| (start, start + count - 1))
            })
            .collect()
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn reads_new_side_ranges_of_hunks() {
            let diff =
                "diff --git a/x b/x\n@@ -1 +1 @@\n-a\n+b\n@@ -5,0 +6,3 @@\n+c\n@@ -9,2 +11,0 @@\n";
            assert_eq!(super::parse_hunks(diff), [(1, 1), (6, 8)]);
        }
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
