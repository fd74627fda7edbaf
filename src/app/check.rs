//! `factlint check`: inputs in, diagnostics out, in input order, files in parallel.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::baseline;
use crate::cli::CheckArgs;
use crate::diagnostic::Severity;
use crate::document::directive::DirectiveKind;
use crate::document::{Decoded, Decoding, Document, Encoding, Format};
use crate::engine;
use crate::error::{LoadError, SetupError};
use crate::extract;
use crate::fix;
use crate::kb;
use crate::kinds;
use crate::render::{self, CheckedFile, FileReport, HumanOptions, Summary};
use crate::rules::{check_selector, id_matches, Rule};

use super::exit::{EXIT_CLEAN, EXIT_FAILURE, EXIT_FINDINGS};
use super::settings::Settings;

/// One input of a run.
enum Input {
    Stdin,
    File { path: PathBuf, display: String },
    Missing { display: String, error: LoadError },
}

/// The inputs the paths name, and the directories named on the command line that hold
/// no checkable file.
fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut empty = Vec::new();
    let default = [PathBuf::from(".")];
    let given = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in given {
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
                if found.is_empty() && !paths.is_empty() {
                    empty.push(display.clone());
                }
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
    (inputs, empty)
}

/// What happened to one file besides its diagnostics.
#[derive(Default)]
struct FileExtras {
    fixed: usize,
    diff: Option<String>,
    notes: Vec<String>,
    /// Problems that fail the run (exit 2) but not the file: a malformed suppression
    /// comment, a rule id no rule has.
    errors: Vec<String>,
    failed: bool,
    baseline_entries: Vec<baseline::Entry>,
    /// The file's baseline key and the baseline entries that hid one of its findings.
    baseline_used: Option<(String, Vec<usize>)>,
    hidden: usize,
    /// Unsafe fixes not applied (no `--unsafe-fixes`).
    unsafe_left: usize,
}

/// `factlint check`: check every input, render the findings, apply fixes.
pub fn run(args: CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, SetupError> {
    // The recognizers' automata load on a second core while the rules and the
    // knowledge load; the first document waits for whatever is not ready yet.
    std::thread::spawn(|| {
        extract::warm_up();
        kinds::warm_up();
    });
    std::thread::spawn(kb::builtin);
    let plan = Settings::resolve(&args, err)?;
    let fail_on = plan.fail_on;
    let (inputs, empty) = collect_inputs(&args.paths);
    let mut failed = false;
    for path in &empty {
        // A path named on purpose that holds nothing to check is a mistake in CI.
        failed = true;
        let _ = writeln!(
            err,
            "factlint: warning: no checkable files found under {path} \
             (looked for .md, .markdown, .txt, .html, .htm)"
        );
    }
    if inputs.is_empty() && args.paths.is_empty() && !args.quiet {
        let _ = writeln!(
            err,
            "factlint: note: no checkable files found under the current directory"
        );
    }
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
    let mut renderer = render::renderer_with_rules(args.format, human, plan.rule_infos.clone());
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
    let mut unsafe_left = 0;
    let mut baseline_used: Vec<(String, Vec<usize>)> = Vec::new();
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
            failed |= extras.failed || !extras.errors.is_empty();
            for e in &extras.errors {
                let _ = writeln!(err, "factlint: error: {e}");
            }
            unsafe_left += extras.unsafe_left;
            baseline_used.extend(extras.baseline_used);
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
    if let Some((b, key)) = &plan.baseline {
        if !args.quiet {
            report_stale_baseline(b, key, &baseline_used, args.baseline.as_deref(), err);
        }
    }
    let unsafe_note = (unsafe_left > 0).then(|| {
        format!(
            "; {unsafe_left} unsafe fixes left out (they may change meaning: \
             review them with --diff --unsafe-fixes, apply them with --fix --unsafe-fixes)"
        )
    });
    let unsafe_note = unsafe_note.unwrap_or_default();
    if plan.diff_only {
        if let Err(e) = out.flush() {
            return io_outcome(e);
        }
        if !args.quiet {
            let _ = writeln!(
                err,
                "factlint: note: {fixed} fixes available in {fixed_files} files (not written){unsafe_note}"
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
            "factlint: note: applied {fixed} fixes in {fixed_files} files{unsafe_note}"
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

/// Baseline entries that no longer hide anything: those for files checked in this run
/// that hid no finding, and those for files that no longer exist. A note on standard
/// error, not a failure: a finding that went away is good news, and the run's exit
/// status is about the findings that remain.
fn report_stale_baseline(
    b: &baseline::Baseline,
    key: &baseline::PathKey,
    used: &[(String, Vec<usize>)],
    path: Option<&Path>,
    err: &mut dyn Write,
) {
    let mut live = vec![false; b.entries.len()];
    for i in used.iter().flat_map(|(_, u)| u) {
        if let Some(l) = live.get_mut(*i) {
            *l = true;
        }
    }
    let stale: Vec<&baseline::Entry> = b
        .entries
        .iter()
        .zip(&live)
        .filter(|(e, live)| {
            !**live && (used.iter().any(|(k, _)| *k == e.path) || !key.exists(&e.path))
        })
        .map(|(e, _)| e)
        .collect();
    if stale.is_empty() {
        return;
    }
    let mut files: Vec<&str> = stale.iter().map(|e| e.path.as_str()).collect();
    files.dedup();
    let shown: Vec<&str> = files.iter().take(5).copied().collect();
    let more = if files.len() > shown.len() {
        ", ..."
    } else {
        ""
    };
    let path = path.map_or(String::from("FILE"), |p| p.display().to_string());
    let _ = writeln!(
        err,
        "factlint: note: {} baseline entries no longer match a finding (in {}{more}); \
         run with --write-baseline {path} to prune them",
        stale.len(),
        shown.join(", ")
    );
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

/// The document's suppression comments that are not directives, and the rule ids they
/// name that no rule has, as `PATH:LINE:COL: message`.
fn directive_errors(doc: &Document, known: &[String]) -> Vec<String> {
    let ids: Vec<&str> = known.iter().map(String::as_str).collect();
    let mut errors = Vec::new();
    for d in &doc.directives {
        let pos = doc.line_index.position(&doc.source, d.span.start);
        let at = format!("{}:{}:{}", doc.path, pos.line, pos.column);
        if let DirectiveKind::Malformed(message) = &d.kind {
            errors.push(format!("{at}: {message}"));
            continue;
        }
        for rule in &d.rules {
            if let Err(e) = check_selector(rule, &ids) {
                errors.push(format!("{at}: suppression comment: {e}"));
            }
        }
    }
    errors
}

fn check_input(
    input: &Input,
    plan: &Settings,
    stdin: Option<&[u8]>,
    stdin_name: Option<&str>,
) -> (FileReport, FileExtras) {
    let mut extras = FileExtras::default();
    let (display, loaded) = match input {
        Input::Stdin => {
            let name = stdin_name.unwrap_or("-").to_string();
            let format = stdin_name.map_or(Format::Text, |n| Format::from_path(Path::new(n)));
            let doc = Document::from_bytes_as(
                &name,
                stdin.unwrap_or_default().to_vec(),
                format,
                plan.encoding,
            );
            (name, doc)
        }
        Input::File { path, display } => (
            display.clone(),
            Document::load_as(path, display, plan.encoding),
        ),
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
    let engine = &plan.engine;
    let rules: Vec<&Rule> = engine
        .rules
        .iter()
        .filter(|r| !ignored.iter().any(|sel| id_matches(&r.id, sel)))
        .collect();
    // Rules, then --diff-base, then the baseline.
    let check = |doc: &Document| -> Result<engine::CheckedDocument, String> {
        let mut checked = engine.check_with(doc, &rules, engine.options.date);
        if let (Some(rev), Some(path)) = (&plan.diff_base, file_path) {
            if let Some(ranges) = super::diff_base::changed_lines(path, rev)? {
                checked.diagnostics.retain(|d| {
                    let first = doc.line_index.line_of(d.span.start.min(doc.source.len())) + 1;
                    let last = doc.line_index.line_of(d.span.end.min(doc.source.len())) + 1;
                    ranges.iter().any(|&(a, b)| a <= last && first <= b)
                });
            }
        }
        Ok(checked)
    };
    let baseline_path: Option<&Path> = match input {
        Input::File { path, .. } => Some(path),
        Input::Stdin => stdin_name.map(Path::new),
        Input::Missing { .. } => None,
    };
    let outcome = loaded.and_then(|mut doc| {
        extras.errors = directive_errors(&doc, &engine.options.known_rules);
        if let Some(d) = &doc.decoded {
            if plan.encoding == Encoding::Auto && d.decoding == Decoding::Windows1252 {
                extras.notes.push(format!(
                    "{display} is not UTF-8; read as windows-1252 (choose with --encoding)"
                ));
            }
        }
        let mut checked = check(&doc).map_err(|message| LoadError::Io {
            path: display.clone(),
            message,
        })?;
        if let (Some((b, key)), Some(path)) = (&plan.baseline, baseline_path) {
            let path_key = key.key(path);
            let legacy = display.strip_prefix("./").unwrap_or(&display);
            let used = b.hide(&path_key, legacy, &doc, &mut checked.diagnostics);
            extras.baseline_used = Some((path_key, used));
        }
        if let (Some(key), Some(path)) = (&plan.record_baseline, baseline_path) {
            let path_key = key.key(path);
            extras.baseline_entries = checked
                .diagnostics
                .iter()
                .map(|d| baseline::entry(&path_key, &doc, d))
                .collect();
            // Recorded now, so hidden from now on.
            checked.diagnostics.clear();
        }
        if let Some(mode) = plan.fix {
            extras.unsafe_left = fix::unsafe_left_out(&checked.diagnostics, mode);
            if let Some((new_text, applied)) =
                fix::fixed_text(&doc.source, &checked.diagnostics, mode)
            {
                if plan.diff_only {
                    extras.diff = Some(fix::unified_diff(&display, &doc.source, &new_text));
                    extras.fixed = applied;
                } else if let Some(path) = file_path {
                    let (original, encoded) = match &doc.decoded {
                        None => (doc.source.as_bytes(), Ok(new_text.as_bytes().to_vec())),
                        Some(d) => (&d.original[..], d.encode(&new_text)),
                    };
                    let written = encoded
                        .map_err(|reason| format!("{display}: fixes not written: {reason}"))
                        .and_then(|bytes| {
                            fix::write_atomically(path, original, &bytes).map_err(|e| e.to_string())
                        });
                    match written {
                        Ok(()) => {
                            extras.fixed = applied;
                            let decoded = doc.decoded.take().and_then(|d| {
                                let bytes = d.encode(&new_text).ok()?;
                                Decoded::decode(bytes, d.decoding).map(|(_, d)| Box::new(d))
                            });
                            doc = Document::from_text(&display, new_text, doc.format);
                            doc.decoded = decoded;
                            checked = check(&doc).map_err(|message| LoadError::Io {
                                path: display.clone(),
                                message,
                            })?;
                        }
                        Err(e) => {
                            extras.failed = true;
                            extras.notes.push(e);
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
