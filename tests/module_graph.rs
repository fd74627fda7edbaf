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

type Segs = Vec<String>;
type Tok = (String, usize);
/// (importer, imported) -> the lines and names imported.
type Edges = BTreeMap<(String, String), BTreeSet<(usize, String)>>;
type Adj = BTreeMap<String, BTreeSet<String>>;

const CFG_TEST: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];

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
            // (Block comments are taken as not nested: the crate has none.)
            ('/', '*') => {
                let end = (i + 2..n).find(|&k| c[k] == '*' && at(k + 1) == '/');
                (end.map_or(n, |k| k + 2), false)
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

/// The index after the item that starts at `toks[i]`: past a `;` or `,` outside
/// brackets or the `}` of its block, or at the bracket that closes the enclosing one.
fn skip_item(toks: &[Tok], mut i: usize) -> usize {
    let mut depth = 0;
    while let Some((t, _)) = toks.get(i) {
        depth += match t.as_str() {
            "(" | "[" | "{" => 1,
            ")" | "]" | "}" => -1,
            _ => 0,
        };
        if depth < 0 {
            break;
        }
        i += 1;
        if depth == 0 && matches!(t.as_str(), ";" | "," | "}") {
            break;
        }
    }
    i
}

#[derive(Default)]
struct File {
    rel: String,
    module: Segs,
    /// Name bound by a `use` -> (module the `use` is in, path).
    bindings: HashMap<String, (Segs, Segs)>,
    /// Each path written: (module it is in, path (a glob's ends in `*`), line, in a `use`).
    refs: Vec<(Segs, Segs, usize, bool)>,
}

impl File {
    /// Read `src/<rel>`: the names its `use`s bind and the paths it writes.
    fn new(rel: &str, text: &str) -> File {
        let mut module: Segs = rel[..rel.len() - 3].split('/').map(String::from).collect();
        if rel == "lib.rs" || module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let mut file = File::default();
        (file.rel, file.module) = (format!("src/{rel}"), module);
        let toks = lex(text);
        let tok = |k: usize| toks.get(k).map_or("", |t| t.0.as_str());
        // The module at `i` (inline `mod x { … }` included) and the depth of each block.
        let (mut ctx, mut opened, mut depth, mut i) = (file.module.clone(), vec![], 0, 0);
        while i < toks.len() {
            let after_colons = i > 0 && tok(i - 1) == "::";
            match tok(i) {
                "#" if (1..7).all(|k| tok(i + k) == CFG_TEST[k]) => {
                    i = skip_item(&toks, i + 7);
                    continue;
                }
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
                    i = file.read_use(&toks, i + 1, &[], &ctx);
                    continue;
                }
                t if is_word(t) && tok(i + 1) == "::" && is_word(tok(i + 2)) && !after_colons => {
                    let (mut segs, line) = (vec![t.to_string()], toks[i].1);
                    while tok(i + 1) == "::" && is_word(tok(i + 2)) {
                        segs.push(tok(i + 2).to_string());
                        i += 2;
                    }
                    file.refs.push((ctx.clone(), segs, line, false));
                }
                _ => {}
            }
            i += 1;
        }
        file
    }

    /// Record the use tree at `toks[i]`, under `prefix`, written in module `ctx`;
    /// returns the index after it.
    fn read_use(&mut self, toks: &[Tok], mut i: usize, prefix: &[String], ctx: &Segs) -> usize {
        let tok = |k: usize| toks.get(k).map_or("", |t| t.0.as_str());
        if tok(i) == "{" {
            i += 1;
            while !matches!(tok(i), "}" | "") {
                i = self.read_use(toks, i, prefix, ctx);
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
            return self.read_use(toks, i, &segs, ctx);
        }
        if segs.last().is_some_and(|s| s == "self") {
            segs.pop();
        }
        let mut name = segs.last().filter(|s| *s != "*").cloned();
        if tok(i) == "as" {
            name = Some(tok(i + 1).to_string());
            i += 2;
        }
        if let Some(name) = name.filter(|n| n != "_") {
            self.bindings.insert(name, (ctx.clone(), segs.clone()));
        }
        self.refs.push((ctx.clone(), segs, line, true));
        i
    }
}

/// The library's files by module path: `[]` is lib.rs, `["kinds"]` is kinds/mod.rs.
struct Crate(BTreeMap<Segs, File>);

impl Crate {
    /// The crate-absolute path of `segs`, written in module `ctx` of `file`; `None` for
    /// other crates and local names.
    fn absolute(&self, file: &File, ctx: &[String], segs: &[String], depth: usize) -> Option<Segs> {
        let head = segs.first()?.as_str();
        let up = segs.iter().take_while(|s| is_up(s)).count();
        if head == "crate" || head == "$crate" {
            Some(segs[1..].to_vec())
        } else if up > 0 {
            let supers = segs[..up].iter().filter(|s| *s == "super").count();
            Some([&ctx[..ctx.len().saturating_sub(supers)], &segs[up..]].concat())
        } else if self.0.contains_key(&[ctx, &segs[..1]].concat()) {
            Some([ctx, segs].concat())
        } else {
            let (bctx, bsegs) = file.bindings.get(head).filter(|_| depth < 8)?;
            let base = self.absolute(file, bctx, bsegs, depth + 1)?;
            Some([base, segs[1..].to_vec()].concat())
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
}

fn is_up(s: &str) -> bool {
    s == "super" || s == "self"
}

/// Whether `b` is the `mod.rs` (or `lib.rs`) of a folder that holds `a`.
fn parent_mod(a: &str, b: &str) -> bool {
    let folder = b
        .strip_suffix("mod.rs")
        .or((b == "src/lib.rs").then_some("src/"));
    folder.is_some_and(|f| f.ends_with('/') && a != b && a.starts_with(f))
}

/// Every import between two files, and the graph (a) checks: all but those of (b).
fn graph(files: Vec<File>) -> (Edges, Adj) {
    let krate = Crate(files.into_iter().map(|f| (f.module.clone(), f)).collect());
    let (mut edges, mut adj) = (Edges::new(), Adj::new());
    for file in krate.0.values() {
        for (ctx, segs, line, in_use) in &file.refs {
            let glob = segs.last().is_some_and(|s| s == "*");
            let segs = &segs[..segs.len() - usize::from(glob)];
            // In code, a path counts when it starts at a module (`crate`, `super`, a child,
            // a `use`d module), not at a type or a variable.
            let head = krate.absolute(file, ctx, &segs[..segs.len().min(1)], 0);
            let counts = *in_use || head.is_some_and(|h| krate.0.contains_key(&h));
            let Some(path) = krate.absolute(file, ctx, segs, 0).filter(|_| counts) else {
                continue;
            };
            let (to, item) = krate.target(&path, 0);
            if to.rel != file.rel {
                let name = item.unwrap_or(segs.join("::") + if glob { "::*" } else { "" });
                let key = (file.rel.clone(), to.rel.clone());
                edges.entry(key).or_default().insert((*line, name));
            }
        }
    }
    for (a, b) in edges.keys().filter(|(a, b)| !parent_mod(a, b)) {
        adj.entry(a.clone()).or_default().insert(b.clone());
    }
    (edges, adj)
}

fn src_graph() -> (Edges, Adj) {
    fn read(dir: &std::path::Path, rel: &str, files: &mut Vec<File>) {
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
    let (src, mut files) = (concat!(env!("CARGO_MANIFEST_DIR"), "/src"), Vec::new());
    read(std::path::Path::new(src), "", &mut files);
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

/// One report line: importer -> imported: each name with its line.
fn edge_line(edges: &Edges, a: &str, b: &str) -> String {
    let uses = &edges[&(a.to_string(), b.to_string())];
    let each = uses.iter().map(|(l, n)| format!("{n} (line {l})"));
    format!("  {a} -> {b}: {}\n", each.collect::<Vec<_>>().join(", "))
}

#[test]
fn files_import_each_other_one_way() {
    let (edges, adj) = src_graph();
    assert!(edges.len() > 20, "the reader found almost no imports");
    let reaches: BTreeMap<&str, _> = adj.keys().map(|v| (&v[..], reach(&adj, v, &[]))).collect();
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
            for b in adj[a].iter().filter(|b| group.contains(&&b[..])) {
                lines += &edge_line(&edges, a, b);
                // The shortest way back from b to a closes a cycle through a -> b.
                let prev = reach(&adj, b, &group);
                let mut cycle = vec![a];
                while cycle.last() != Some(&&b[..]) {
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
    let why = "import cycles between files; move the named items so imports run one way";
    assert!(report.is_empty(), "{why}:\n{report}");
}

#[test]
fn children_do_not_import_their_parent_mod_rs() {
    let (edges, _) = src_graph();
    let children = edges.keys().filter(|(a, b)| parent_mod(a, b));
    let report: String = children.map(|(a, b)| edge_line(&edges, a, b)).collect();
    let why = "files that import items defined in their folder's mod.rs (or lib.rs); \
               move each item into a sibling file";
    assert!(report.is_empty(), "{why}:\n{report}");
}

#[test]
fn the_reader_resolves_paths_as_documented() {
    let files = [
        ("lib.rs", "mod a; mod b; mod c; mod d; pub fn run() {}"),
        ("a/mod.rs", "mod x;\npub use x::Thing;\npub fn defined() {}"),
        ("a/x.rs", "use super::defined; // use crate::b;"),
        ("b.rs", "use crate::a::{self, Thing};\nfn g() { a::x::f() }"),
        ("c.rs", "#[cfg(test)]\nmod tests {\n    use crate::run;\n}"),
        ("d.rs", "fn f() { ('\"', \"crate::b\", r#\"crate::b\"#); }"),
    ];
    let (edges, _) = graph(Vec::from(files.map(|(rel, text)| File::new(rel, text))));
    let found: String = edges.keys().map(|(a, b)| edge_line(&edges, a, b)).collect();
    let want = "  src/a/mod.rs -> src/a/x.rs: Thing (line 2)
  src/a/x.rs -> src/a/mod.rs: defined (line 1)
  src/b.rs -> src/a/mod.rs: crate::a (line 1)
  src/b.rs -> src/a/x.rs: Thing (line 1), f (line 2)
";
    assert_eq!(found, want);
}
