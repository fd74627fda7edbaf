//! The module graph of `src/`: which file imports which, read from `use crate::…`,
//! `use super::…` and paths in code such as `crate::kinds::compile_regex(…)`. Two rules
//! keep the layers one-way (span, re, error at the bottom, then document/, extract/,
//! kinds/, engine, render/, and the app on top):
//!
//! (a) no import cycle between files;
//! (b) no file imports an item *defined* in its folder's `mod.rs` (`lib.rs` for `src/`):
//!     children import siblings (`kinds/context.rs`); a `mod.rs` is an index.
//!
//! A path resolves to the file that defines the item: `crate::a::b::Item` goes to
//! `a/b.rs` or `a/b/mod.rs` when `b` is a module file, else to `a.rs` or `a/mod.rs`; when
//! that file only brings `Item` in (`pub use child::Item;`), the `use` is followed.
//! A folder's `mod.rs` may import its children. A child importing its parent `mod.rs` is
//! reported by (b) alone, so (a) lists the loops through other files, such as
//! `document/markdown.rs -> suppress.rs -> document/mod.rs -> document/markdown.rs`.
//! Comments, literals and `#[cfg(test)]` items are skipped (tests may reach anywhere);
//! `main.rs` is the binary's root and sees the library as `factlint::`. The reader is a
//! tokenizer, not a parser: a `use` in an inline module binds for the whole file.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::Path;

type Segs = Vec<String>;
type Tok = (String, usize);
/// (importer, imported) -> the names imported, with their lines.
type Edges = BTreeMap<(String, String), Vec<(String, usize)>>;
type Adj = BTreeMap<String, BTreeSet<String>>;

/// The tokens of `src` with their lines: words (identifiers, `$crate`), `::` and single
/// punctuation. Comments and string and char literals are dropped; lifetimes stay.
fn lex(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let n = c.len();
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let word = |k: usize| at(k).is_alphanumeric() || at(k) == '_';
    let (mut toks, mut i, mut line) = (Vec::new(), 0, 1);
    while i < n {
        // A raw string (r"…", r#"…"#, br"…") starts at an `r` that ends no identifier.
        let raw = !word(i.wrapping_sub(1)) || at(i - 1) == 'b' && !word(i.wrapping_sub(2));
        let hashes = (i + 1..n).take_while(|&k| c[k] == '#').count();
        // Where the comment, literal or token at `i` ends, and whether it is a token.
        let (end, token) = match (c[i], at(i + 1)) {
            ('/', '/') => ((i..n).find(|&k| c[k] == '\n').unwrap_or(n), false),
            ('/', '*') => {
                let (mut depth, mut k) = (1, i + 2);
                while k < n && depth > 0 {
                    match (c[k], at(k + 1)) {
                        ('/', '*') => (depth, k) = (depth + 1, k + 2),
                        ('*', '/') => (depth, k) = (depth - 1, k + 2),
                        _ => k += 1,
                    }
                }
                (k, false)
            }
            ('"', _) => {
                let mut k = i + 1;
                while k < n && c[k] != '"' {
                    k += if c[k] == '\\' { 2 } else { 1 };
                }
                (k + 1, false)
            }
            ('\'', '\\') => ((i + 3..n).find(|&k| c[k] == '\'').unwrap_or(n) + 1, false),
            ('\'', _) if at(i + 2) == '\'' => (i + 3, false),
            ('r', _) if raw && at(i + 1 + hashes) == '"' => {
                let close = |k: &usize| c[*k] == '"' && (1..=hashes).all(|m| at(k + m) == '#');
                let end = (i + 2 + hashes..n).find(close);
                (end.map_or(n, |k| k + 1 + hashes), false)
            }
            (':', ':') => (i + 2, true),
            (ch, _) if word(i) || ch == '$' && word(i + 1) => {
                ((i + 1..n).find(|&k| !word(k)).unwrap_or(n), true)
            }
            (ch, _) => (i + 1, !ch.is_whitespace()),
        };
        let end = end.min(n);
        if token {
            toks.push((c[i..end].iter().collect(), line));
        }
        line += c[i..end].iter().filter(|&&ch| ch == '\n').count();
        i = end;
    }
    toks
}

fn is_word(t: &str) -> bool {
    t.starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
}

/// One `use` leaf: its path (a glob's ends in `*`), the name it binds, its line.
type Leaf = (Segs, Option<String>, usize);

/// Parse the use tree at `toks[i]` under `prefix` into `leaves`; returns the index after.
fn parse_use(toks: &[Tok], mut i: usize, prefix: &[String], leaves: &mut Vec<Leaf>) -> usize {
    let tok = |k: usize| toks.get(k).map_or("", |t| t.0.as_str());
    if tok(i) == "{" {
        i += 1;
        while !matches!(tok(i), "}" | "") {
            i = parse_use(toks, i, prefix, leaves);
            i += usize::from(tok(i) == ",");
        }
        return i + 1;
    }
    let (mut segs, line) = (prefix.to_vec(), toks.get(i).map_or(0, |t| t.1));
    while tok(i) != "{" {
        segs.push(tok(i).to_string());
        i += 1;
        if tok(i) != "::" {
            break;
        }
        i += 1;
    }
    if tok(i) == "{" {
        return parse_use(toks, i, &segs, leaves);
    }
    if segs.last().is_some_and(|s| s == "self") {
        segs.pop();
    }
    let mut name = segs.last().filter(|s| *s != "*").cloned();
    if tok(i) == "as" {
        name = Some(tok(i + 1).to_string());
        i += 2;
    }
    leaves.push((segs, name.filter(|n| n != "_"), line));
    i
}

/// A path a file writes: the module it is written in, the path, its line, and whether
/// it is in a `use` (else in code).
struct Ref(Segs, Segs, usize, bool);

struct File {
    rel: String,
    module: Segs,
    /// Name bound by a `use` -> (module the `use` is in, path).
    bindings: HashMap<String, (Segs, Segs)>,
    refs: Vec<Ref>,
}

impl File {
    /// Read `src/<rel>`: its `use` leaves and the paths in its code.
    fn new(rel: &str, text: &str) -> File {
        let mut module: Segs = rel[..rel.len() - 3].split('/').map(String::from).collect();
        if rel == "lib.rs" || module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let (rel, bindings, refs) = (format!("src/{rel}"), HashMap::new(), Vec::new());
        let mut file = File {
            rel,
            module,
            bindings,
            refs,
        };
        let toks = lex(text);
        let tok = |k: usize| toks.get(k).map_or("", |t| t.0.as_str());
        // The module at `i` (inline `mod x { … }` included), and the depth of each block.
        let (mut ctx, mut opened, mut depth, mut i) = (file.module.clone(), vec![], 0, 0);
        while i < toks.len() {
            let after_colons = i > 0 && tok(i - 1) == "::";
            if ["#", "[", "cfg", "(", "test", ")", "]"]
                .iter()
                .enumerate()
                .all(|(k, t)| tok(i + k) == *t)
            {
                // Skip the marked item: to `;` or `,` outside brackets, past the `}` of its
                // block, or up to the bracket that closes the enclosing one.
                let mut d = 0;
                i += 7;
                while let Some((t, _)) = toks.get(i) {
                    d += match t.as_str() {
                        "(" | "[" | "{" => 1,
                        ")" | "]" | "}" => -1,
                        _ => 0,
                    };
                    if d < 0 {
                        break;
                    }
                    i += 1;
                    if d == 0 && matches!(t.as_str(), ";" | "," | "}") {
                        break;
                    }
                }
                continue;
            }
            match tok(i) {
                "{" => depth += 1,
                "}" => {
                    depth -= 1;
                    if opened.last().is_some_and(|&d| d > depth) {
                        opened.pop();
                        ctx.pop();
                    }
                }
                "mod" if tok(i + 2) == "{" => {
                    ctx.push(tok(i + 1).to_string());
                    opened.push(depth + 1);
                }
                "use" if !after_colons => {
                    let mut leaves = Vec::new();
                    i = parse_use(&toks, i + 1, &[], &mut leaves);
                    for (segs, name, line) in leaves {
                        if let Some(name) = name {
                            file.bindings.insert(name, (ctx.clone(), segs.clone()));
                        }
                        file.refs.push(Ref(ctx.clone(), segs, line, true));
                    }
                    continue;
                }
                t if is_word(t) && tok(i + 1) == "::" && is_word(tok(i + 2)) && !after_colons => {
                    let (mut segs, line) = (vec![t.to_string()], toks[i].1);
                    while tok(i + 1) == "::" && is_word(tok(i + 2)) {
                        segs.push(tok(i + 2).to_string());
                        i += 2;
                    }
                    file.refs.push(Ref(ctx.clone(), segs, line, false));
                }
                _ => {}
            }
            i += 1;
        }
        file
    }
}

/// The library's files by module path: `[]` is lib.rs, `["kinds"]` is kinds/mod.rs.
struct Crate(BTreeMap<Segs, File>);

impl Crate {
    /// The crate-absolute path of `segs`, written in module `ctx` of `file`; `None` for
    /// other crates and local names.
    fn absolute(&self, file: &File, ctx: &[String], segs: &[String], depth: usize) -> Option<Segs> {
        let head = segs.first()?.as_str();
        let up = segs
            .iter()
            .take_while(|s| *s == "super" || *s == "self")
            .count();
        if head == "crate" || head == "$crate" {
            Some(segs[1..].to_vec())
        } else if up > 0 {
            let supers = segs[..up].iter().filter(|s| *s == "super").count();
            Some([&ctx[..ctx.len().saturating_sub(supers)], &segs[up..]].concat())
        } else if self.0.contains_key(&[ctx, &segs[..1]].concat()) {
            Some([ctx, segs].concat())
        } else {
            let (bctx, bsegs) = file.bindings.get(head).filter(|_| depth < 8)?;
            Some(
                [
                    self.absolute(file, bctx, bsegs, depth + 1)?,
                    segs[1..].to_vec(),
                ]
                .concat(),
            )
        }
    }

    /// The file that defines `path` and the item named there (`None` for a module),
    /// following a `use` that brings the item into that file.
    fn target(&self, path: &[String], depth: usize) -> (&File, Option<String>) {
        let k = (0..=path.len())
            .rev()
            .find(|&k| self.0.contains_key(&path[..k]));
        let k = k.expect("src/lib.rs");
        let file = &self.0[&path[..k]];
        let Some(item) = path.get(k) else {
            return (file, None);
        };
        let bound = file.bindings.get(item).filter(|_| depth < 8);
        let again = bound.and_then(|(ctx, segs)| self.absolute(file, ctx, segs, 0));
        match again.filter(|a| a[..] != path[..=k]) {
            Some(a) => self.target(&[a, path[k + 1..].to_vec()].concat(), depth + 1),
            None => (file, Some(item.clone())),
        }
    }

    /// Every import between two files. In code, a path counts when its first segment
    /// names a module file (`crate`, `super`, a child, a `use`d module), not a type.
    fn edges(&self) -> Edges {
        let mut edges = Edges::new();
        for file in self.0.values() {
            for Ref(ctx, segs, line, in_use) in &file.refs {
                let glob = segs.last().is_some_and(|s| s == "*");
                let segs = &segs[..segs.len() - usize::from(glob)];
                let is_module = |p: Segs| self.0.contains_key(&p);
                if segs.is_empty()
                    || !in_use
                        && !self
                            .absolute(file, ctx, &segs[..1], 0)
                            .is_some_and(is_module)
                {
                    continue;
                }
                let Some(path) = self.absolute(file, ctx, segs, 0) else {
                    continue;
                };
                let (to, item) = self.target(&path, 0);
                let name = if glob {
                    "*".into()
                } else {
                    item.unwrap_or(segs.join("::"))
                };
                if to.rel != file.rel {
                    let names = edges.entry((file.rel.clone(), to.rel.clone())).or_default();
                    if !names.contains(&(name.clone(), *line)) {
                        names.push((name, *line));
                    }
                }
            }
        }
        edges
    }
}

/// Whether `b` is the `mod.rs` (or `lib.rs`) of a folder that holds `a`.
fn parent_mod(a: &str, b: &str) -> bool {
    let folder = if b == "src/lib.rs" {
        Some("src/")
    } else {
        b.strip_suffix("mod.rs")
    };
    folder.is_some_and(|f| f.ends_with('/') && a != b && a.starts_with(f))
}

/// Every import, and the graph (a) checks: all but child -> parent `mod.rs`, see (b).
fn graph(files: Vec<File>) -> (Edges, Adj) {
    let edges = Crate(files.into_iter().map(|f| (f.module.clone(), f)).collect()).edges();
    let mut adj = Adj::new();
    for (a, b) in edges.keys().filter(|(a, b)| !parent_mod(a, b)) {
        adj.entry(a.clone()).or_default().insert(b.clone());
    }
    (edges, adj)
}

fn src_graph() -> (Edges, Adj) {
    fn read(dir: &Path, rel: &str, files: &mut Vec<File>) {
        for entry in std::fs::read_dir(dir).expect("read src/") {
            let path = entry.expect("read src/").path();
            let name = format!("{rel}{}", path.file_name().unwrap().to_string_lossy());
            if path.is_dir() {
                read(&path, &format!("{name}/"), files);
            } else if name.ends_with(".rs") && name != "main.rs" {
                files.push(File::new(&name, &std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        "",
        &mut files,
    );
    graph(files)
}

/// The files reachable from `from` (itself included) through `within` (all files when
/// empty), each mapped to the file it was first reached from.
fn reach<'a>(adj: &'a Adj, from: &'a str, within: &[&str]) -> HashMap<&'a str, &'a str> {
    let (mut prev, mut queue) = (HashMap::from([(from, from)]), VecDeque::from([from]));
    while let Some(v) = queue.pop_front() {
        for w in adj.get(v).into_iter().flatten().map(String::as_str) {
            if (within.is_empty() || within.contains(&w)) && !prev.contains_key(w) {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    prev
}

fn names(uses: &[(String, usize)]) -> String {
    let names: Vec<String> = uses
        .iter()
        .map(|(n, l)| format!("{n} (line {l})"))
        .collect();
    names.join(", ")
}

#[test]
fn files_import_each_other_one_way() {
    let (edges, adj) = src_graph();
    assert!(edges.len() > 20, "the reader found almost no imports");
    let reaches: BTreeMap<&str, _> = adj
        .keys()
        .map(|v| (v.as_str(), reach(&adj, v, &[])))
        .collect();
    let (mut report, mut seen) = (String::new(), Vec::new());
    for (v, r) in &reaches {
        // The files that `v` reaches and that reach `v` back: a strongly connected group.
        let back = |w: &&str| reaches.get(w).is_some_and(|b| b.contains_key(v));
        let mut group: Vec<&str> = r.keys().copied().filter(back).collect();
        group.sort();
        if group.len() < 2 || seen.contains(&group) {
            continue;
        }
        report += &format!("{} files in a loop: {}\n", group.len(), group.join(", "));
        let (mut cycles, mut lines) = (Vec::<Vec<&str>>::new(), String::new());
        for &a in &group {
            for b in adj[a].iter().filter(|b| group.contains(&b.as_str())) {
                let uses = names(&edges[&(a.to_string(), b.clone())]);
                lines += &format!("  {a} -> {b}: {uses}\n");
                // The shortest way back from b to a closes a cycle through a -> b.
                let prev = reach(&adj, b, &group);
                let mut cycle = vec![a];
                while cycle.last() != Some(&b.as_str()) {
                    cycle.push(prev[cycle.last().unwrap()]);
                }
                cycle.reverse();
                let start = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap();
                cycle.rotate_left(start);
                if !cycles.contains(&cycle) {
                    cycles.push(cycle);
                }
            }
        }
        for cycle in &cycles {
            report += &format!("  cycle: {} -> {}\n", cycle.join(" -> "), cycle[0]);
        }
        report += &lines;
        seen.push(group);
    }
    assert!(
        report.is_empty(),
        "import cycles between files; move the named items so imports run one way:\n{report}"
    );
}

#[test]
fn children_do_not_import_their_parent_mod_rs() {
    let (edges, _) = src_graph();
    let children = edges.iter().filter(|((a, b), _)| parent_mod(a, b));
    let report: String = children
        .map(|((a, b), uses)| format!("  {a} -> {b}: {}\n", names(uses)))
        .collect();
    assert!(report.is_empty(), "files importing items defined in their folder's mod.rs (or lib.rs); move each item into a sibling file:\n{report}");
}

#[test]
fn the_reader_resolves_paths_as_documented() {
    let files = [
        ("lib.rs", "mod a; mod b;\npub fn run() {}"),
        ("a/mod.rs", "mod x;\npub use x::Thing;\npub fn defined() {}"),
        ("a/x.rs", "use super::defined; // crate::b::f\nfn f() { (\"crate::b::f\", '\"'); }"),
        ("b.rs", "use crate::a::{self, Thing as T};\nfn g() { a::x::helper(); }\n#[cfg(test)]\nmod tests { use crate::run; }"),
    ];
    let (edges, _) = graph(
        files
            .iter()
            .map(|(rel, text)| File::new(rel, text))
            .collect(),
    );
    let found: Vec<String> = edges
        .iter()
        .map(|((a, b), uses)| format!("{a} -> {b}: {}", names(uses)))
        .collect();
    let want = [
        "src/a/mod.rs -> src/a/x.rs: Thing (line 2)",
        "src/a/x.rs -> src/a/mod.rs: defined (line 1)",
        "src/b.rs -> src/a/mod.rs: crate::a (line 1)",
        "src/b.rs -> src/a/x.rs: Thing (line 1), helper (line 2)",
    ];
    assert_eq!(found, want);
}
