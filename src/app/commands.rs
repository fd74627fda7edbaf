//! The commands besides `check`: rules, explain, test-rules, kb, completions, man.

use std::io::{self, Write};
use std::sync::Arc;

use crate::cli::{KbCommand, RuleSourceArgs};
use crate::config::LoadedConfig;
use crate::engine::{Engine, EngineOptions};
use crate::error::SetupError;
use crate::examples;
use crate::kb;
use crate::rules::Rule;

use super::exit::{EXIT_CLEAN, EXIT_FINDINGS};
use super::load::{load_dir, load_knowledge, load_rules, rule_dirs};

/// `factlint completions SHELL`
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<u8, SetupError> {
    let mut cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "factlint", &mut buf);
    write_io(out.write_all(&buf))?;
    Ok(EXIT_CLEAN)
}

/// `factlint man`
pub fn man(out: &mut dyn Write) -> Result<u8, SetupError> {
    let cmd = <crate::cli::Cli as clap::CommandFactory>::command();
    let mut buf = Vec::new();
    write_io(clap_mangen::Man::new(cmd).render(&mut buf))?;
    write_io(out.write_all(&buf))?;
    Ok(EXIT_CLEAN)
}

/// `factlint rules`
pub fn rules(source: RuleSourceArgs, out: &mut dyn Write) -> Result<u8, SetupError> {
    let (rules, _) = load_rules(&source, None)?;
    write_io(list_rules(&rules, out))?;
    Ok(EXIT_CLEAN)
}

/// `factlint explain RULE`
pub fn explain_rule(
    rule: String,
    source: RuleSourceArgs,
    out: &mut dyn Write,
) -> Result<u8, SetupError> {
    let (rules, _) = load_rules(&source, None)?;
    let Some(r) = rules.iter().find(|r| r.id == rule) else {
        return Err(SetupError::Usage(format!(
            "no rule `{rule}`; `factlint rules` lists them"
        )));
    };
    write_io(explain(r, out))?;
    Ok(EXIT_CLEAN)
}

/// `factlint test-rules [DIR ...]`
pub fn test_rules(
    dirs: Vec<std::path::PathBuf>,
    source: RuleSourceArgs,
    out: &mut dyn Write,
) -> Result<u8, SetupError> {
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

/// `kb check`, `kb show`, `kb import` and `kb stats`: knowledge errors and import
/// problems exit 2 through [`SetupError`].
pub fn kb(action: KbCommand, out: &mut dyn Write) -> Result<u8, SetupError> {
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
                Arc::new(kb::load(&texts).map_err(super::load::knowledge_errors)?)
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
            let local = kb.lookup(&name);
            let mut imported: Vec<u32> = kb.atlas.lookup(&name).iter().map(|e| e.entity).collect();
            imported.dedup();
            if local.is_none() && imported.is_empty() {
                return Err(SetupError::Usage(format!(
                    "no entity named `{name}` in the knowledge base; `factlint kb check` validates knowledge files"
                )));
            }
            if let Some(entity) = local {
                write_io(show_entity(entity, out))?;
            }
            for (n, i) in imported.into_iter().enumerate() {
                if let Some(record) = kb.atlas.record(i) {
                    if n > 0 || local.is_some() {
                        write_io(writeln!(out))?;
                    }
                    write_io(show_record(&record, out))?;
                    if let Some(entity) = kb.local_of(i) {
                        write_io(writeln!(
                            out,
                            "  merged with {} ({}): its terms of an office replace these of that office; the other values here complete it",
                            entity.name, entity.origin
                        ))?;
                    }
                }
            }
            Ok(EXIT_CLEAN)
        }
        KbCommand::Import {
            file,
            output,
            provenance,
            checked,
            force,
        } => super::kb_import::import(
            &super::kb_import::ImportRequest {
                input: file,
                output,
                source: provenance,
                checked,
                force,
            },
            out,
        ),
        KbCommand::Stats {
            files,
            format,
            source,
        } => {
            let (_, config) = load_rules(&source, None)?;
            let (kb, given) = knowledge_with_files(&rule_dirs(&source, &config), &files)?;
            let rows = super::kb_import::stat_rows(&kb, &given);
            let imported = kb::atlas::stats(&kb.atlas);
            if format == "json" {
                let mut buf = Vec::new();
                write_io(super::kb_import::print_stats(rows, true, &mut buf))?;
                let mut doc: serde_json::Value =
                    serde_json::from_slice(&buf).unwrap_or(serde_json::Value::Null);
                if let Some(map) = doc.as_object_mut() {
                    let mut value = serde_json::to_value(&imported).unwrap_or_default();
                    if let Some(m) = value.as_object_mut() {
                        m.insert(
                            "sources".into(),
                            kb::atlas::SOURCES
                                .iter()
                                .map(|(k, d, l)| serde_json::json!({"key": k, "dataset": d, "licence": l}))
                                .collect(),
                        );
                    }
                    map.insert("imported".into(), value);
                }
                let text = serde_json::to_string_pretty(&doc).unwrap_or_default();
                write_io(writeln!(out, "{text}"))?;
            } else {
                write_io(super::kb_import::print_stats(rows, false, out))?;
                write_io(print_imported(&imported, out))?;
            }
            Ok(EXIT_CLEAN)
        }
    }
}

/// The built-in knowledge, the `knowledge/` folders of `dirs`, then `files`; with the
/// names the given files go by as entity origins.
fn knowledge_with_files(
    dirs: &[std::path::PathBuf],
    files: &[std::path::PathBuf],
) -> Result<(Arc<kb::KnowledgeBase>, Vec<String>), SetupError> {
    let read = |path: &std::path::Path| {
        let display = path.display().to_string();
        std::fs::read_to_string(path)
            .map(|text| (display.clone(), text))
            .map_err(|e| SetupError::Io {
                path: display,
                message: e.to_string(),
            })
    };
    let mut texts = Vec::new();
    for dir in dirs {
        let folder = dir.join("knowledge");
        if !folder.is_dir() {
            continue;
        }
        let found = crate::rules::rule_files_in(&folder).map_err(|e| SetupError::Io {
            path: folder.display().to_string(),
            message: format!("cannot read knowledge directory: {e}"),
        })?;
        for file in found {
            texts.push(read(&file)?);
        }
    }
    let mut given = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match read(file) {
            Ok(t) => {
                given.push(t.0.clone());
                texts.push(t);
            }
            Err(e) => problems.push(e),
        }
    }
    if let Some(e) = SetupError::collect(problems) {
        return Err(e);
    }
    if texts.is_empty() {
        return Ok((kb::builtin(), given));
    }
    let kb = kb::load(&texts).map_err(super::load::knowledge_errors)?;
    Ok((Arc::new(kb), given))
}

/// The imported knowledge's counts, by type and by source with its licence.
fn print_imported(s: &kb::atlas::Stats, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "\nimported open data (data/knowledge/entities.jsonl): {} entities; {} people with {} dated office terms; {} birth dates",
        s.entities, s.people_with_offices, s.office_terms, s.birth_dates
    )?;
    writeln!(out, "\nimported, by type:")?;
    for (k, n) in &s.by_type {
        writeln!(out, "  {k:12}  {n:>6}")?;
    }
    writeln!(out, "\nimported, by source (entities with a value from it; each value agrees with a second source):")?;
    for (k, n) in &s.by_source {
        let (dataset, licence) = kb::atlas::SOURCES
            .iter()
            .find(|(key, _, _)| key == k)
            .map_or(("?", "?"), |(_, d, l)| (*d, *l));
        writeln!(out, "  {k:22}  {n:>6}  {dataset}; licence: {licence}")?;
    }
    Ok(())
}

/// An imported entity: every value with the sources that agree on it.
fn show_record(r: &kb::atlas::Record, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} ({}, {})", r.name, r.kind, r.id)?;
    writeln!(
        out,
        "  file: data/knowledge/entities.jsonl (imported open data)"
    )?;
    writeln!(out, "  name: sources {}", r.name_sources.join(", "))?;
    if !r.ids.is_empty() {
        let ids: Vec<String> = r.ids.iter().map(|(k, v)| format!("{k} {v}")).collect();
        writeln!(out, "  ids: {}", ids.join(", "))?;
    }
    for a in &r.aliases {
        writeln!(out, "  alias {}: sources {}", a.name, a.sources.join(", "))?;
    }
    for f in &r.facts {
        let value = if f.fact == "office" {
            let to = f.to.as_deref().unwrap_or("open");
            format!(
                "{}{} from {} to {to}",
                f.office.as_deref().unwrap_or("?"),
                f.jurisdiction_name
                    .as_deref()
                    .map(|j| format!(" ({j})"))
                    .unwrap_or_default(),
                f.from.as_deref().unwrap_or("?")
            )
        } else {
            let mut v = f.value.clone().unwrap_or_default();
            if let Some(label) = &f.label {
                v.push_str(&format!(" ({label})"));
            }
            v
        };
        writeln!(
            out,
            "  {}: {value}; sources {}",
            f.fact,
            f.sources.join(", ")
        )?;
    }
    Ok(())
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
