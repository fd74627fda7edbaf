//! Builds what the binary embeds from the sources it is compiled from, into `OUT_DIR`:
//!
//! - `dfa/NAME.fwd`, `dfa/NAME.rev`: the search automata (dense DFAs, forward and
//!   reverse) of each prebuilt regex of `src/patterns.rs`;
//! - `rules.json`, `knowledge.json`: the built-in rule and knowledge YAML read into the
//!   loader's own schema types, as JSON, which start-up reads much faster than YAML;
//! - `builtin_rules.rs`, `builtin_knowledge.rs`: the list of built-in files, each
//!   embedded with `include_str!`.
//!
//! Nothing generated is committed: an edit to a pattern or a YAML file is in the next
//! binary. The modules included here are leaves (they import nothing from the crate but
//! each other), so this script and the crate read the very same code.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/kb/atlas_index.rs"]
#[allow(dead_code)]
mod atlas_index;
#[path = "src/kb/schema.rs"]
#[allow(dead_code)]
mod kb_schema;
#[path = "src/lexicon.rs"]
#[allow(dead_code)]
mod lexicon;
#[path = "src/patterns.rs"]
#[allow(dead_code)]
mod patterns;
#[path = "src/rules/schema.rs"]
#[allow(dead_code)]
mod rule_schema;

use regex_automata::dfa::{dense, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::MatchKind;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for watched in [
        "build.rs",
        "src/lexicon.rs",
        "src/patterns.rs",
        "src/rules/schema.rs",
        "src/kb/schema.rs",
        "src/kb/atlas_index.rs",
        "rules",
        "data/knowledge/names.tsv",
        "data/knowledge/entities.jsonl",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    // The end-to-end tests need outside tools; they run in CI or when asked, and are
    // reported as ignored (with the reason) elsewhere.
    println!("cargo::rustc-check-cfg=cfg(factlint_e2e)");
    println!("cargo:rerun-if-env-changed=CI");
    println!("cargo:rerun-if-env-changed=FACTLINT_E2E");
    let set = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|v| !v.is_empty() && v != "false")
    };
    if set("CI").is_some() || set("FACTLINT_E2E").as_deref() == Some("1") {
        println!("cargo:rustc-cfg=factlint_e2e");
    }

    let dfa_dir = out.join("dfa");
    fs::create_dir_all(&dfa_dir).expect("create OUT_DIR/dfa");
    for (name, patterns) in patterns::all() {
        build_automata(&dfa_dir, name, &patterns);
    }

    let rules = read_all(rule_schema::BUILTIN_FILES);
    write_list(&out.join("builtin_rules.rs"), rule_schema::BUILTIN_FILES);
    let texts: Vec<(&str, &str)> = rules.iter().map(|(p, t)| (*p, t.as_str())).collect();
    write_snapshot(&out.join("rules.json"), rule_schema::snapshot(&texts));

    let knowledge = read_all(kb_schema::BUILTIN_FILES);
    write_list(&out.join("builtin_knowledge.rs"), kb_schema::BUILTIN_FILES);
    let texts: Vec<(&str, &str)> = knowledge.iter().map(|(p, t)| (*p, t.as_str())).collect();
    write_snapshot(&out.join("knowledge.json"), kb_schema::snapshot(&texts));

    build_atlas(&out);
}

/// The imported knowledge: `entities.jsonl` copied as it is (records are parsed one at
/// a time, when a check needs one) and the name index of `names.tsv`
/// (see `src/kb/atlas_index.rs`). Without the data files both are empty.
fn build_atlas(out: &Path) {
    let records = fs::read("data/knowledge/entities.jsonl").unwrap_or_default();
    let names = fs::read_to_string("data/knowledge/names.tsv").unwrap_or_default();
    let mut starts: Vec<u32> = Vec::new();
    let mut ids: std::collections::HashMap<&str, (u32, bool)> = Default::default();
    let mut at = 0usize;
    for line in records.split_inclusive(|b| *b == b'\n') {
        let text = std::str::from_utf8(line).expect("entities.jsonl is UTF-8");
        let id = text
            .strip_prefix("{\"id\":\"")
            .and_then(|t| t.split('"').next())
            .unwrap_or_else(|| panic!("entities.jsonl line {}: no leading id", starts.len() + 1));
        let common = text.contains("\"common_word\":true");
        ids.insert(id, (starts.len() as u32, common));
        starts.push(at as u32);
        at += line.len();
    }
    starts.push(at as u32);
    let mut rows = Vec::new();
    for line in names
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [key, id, kind, ty, _form] = cols[..] else {
            panic!("names.tsv: not five columns: {line:?}");
        };
        let &(entity, common) = ids
            .get(id)
            .unwrap_or_else(|| panic!("names.tsv: unknown entity {id}"));
        let mut flags = 0;
        if kind == "alias" {
            flags |= atlas_index::FLAG_ALIAS;
        }
        if common {
            flags |= atlas_index::FLAG_COMMON_WORD;
        }
        rows.push(atlas_index::Row {
            key: key.to_string(),
            ty: atlas_index::type_code(ty),
            flags,
            entity,
        });
    }
    rows.sort_by(|a, b| {
        a.key
            .as_bytes()
            .cmp(b.key.as_bytes())
            .then(a.entity.cmp(&b.entity))
    });
    write(&out.join("atlas.idx"), &atlas_index::write(&rows, &starts));
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    write(&out.join("atlas.jump"), &atlas_index::write_jump(&keys));
    write(
        &out.join("atlas.filter"),
        &atlas_index::write_filter(rows.iter().map(|r| r.key.as_str())),
    );
    write(&out.join("entities.jsonl"), &records);
}

/// The forward and reverse DFAs of `patterns`, as `regex_automata::dfa::regex::Builder`
/// builds them (both minimised), written little-endian without their alignment padding.
fn build_automata(dir: &Path, name: &str, patterns: &[String]) {
    let forward = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .start_kind(StartKind::Unanchored),
        )
        .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
        .build_many(patterns)
        .unwrap_or_else(|e| panic!("prebuilt regex {name}: {e}"));
    let reverse = dense::Builder::new()
        .configure(
            dense::Config::new()
                .minimize(true)
                .prefilter(None)
                .specialize_start_states(false)
                .start_kind(StartKind::Anchored)
                .match_kind(MatchKind::All),
        )
        .thompson(
            thompson::Config::new()
                .reverse(true)
                .which_captures(thompson::WhichCaptures::None),
        )
        .build_many(patterns)
        .unwrap_or_else(|e| panic!("prebuilt regex {name}: {e}"));
    let (forward, fpad) = forward.to_bytes_little_endian();
    let (reverse, rpad) = reverse.to_bytes_little_endian();
    write(&dir.join(format!("{name}.fwd")), &forward[fpad..]);
    write(&dir.join(format!("{name}.rev")), &reverse[rpad..]);
}

fn read_all(files: &[&'static str]) -> Vec<(&'static str, String)> {
    files
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
            (*path, text)
        })
        .collect()
}

/// `&[(path, include_str!(...)), ...]`: an expression the crate `include!`s.
fn write_list(target: &Path, files: &[&str]) {
    let mut code = String::from("&[\n");
    for path in files {
        code.push_str(&format!(
            "    ({path:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{path}\"))),\n"
        ));
    }
    code.push(']');
    write(target, code.as_bytes());
}

/// The snapshot as JSON; `null` when the YAML does not parse, so that the crate still
/// builds and its loader reports the problem with a caret into the file.
fn write_snapshot<T: serde::Serialize>(target: &Path, snapshot: Result<T, String>) {
    let json = match snapshot {
        Ok(s) => serde_json::to_string(&s).expect("a snapshot serialises"),
        Err(e) => {
            println!("cargo:warning=built-in YAML does not parse ({e}); factlint will report it");
            "null".to_string()
        }
    };
    write(target, json.as_bytes());
}

/// Write only when the bytes differ, so an unchanged file keeps its time stamp.
fn write(path: &Path, bytes: &[u8]) {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return;
    }
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
