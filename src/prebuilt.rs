//! The recognizers' regexes, compiled ahead of time.
//!
//! Compiling the temporal, date and number regexes (their NFAs, forward and reverse) was
//! most of a one-article run's start-up. Their search automata are therefore dense DFAs
//! serialised into `src/generated/dfa/` and embedded in the binary: loading one is a
//! validation pass over bytes already in memory, and a dense DFA also searches faster
//! than the lazy DFA the meta regex builds as it goes. Capture groups, which a DFA does
//! not report, come from each pattern's own regex, compiled the first time that pattern
//! matches: an article reads the groups of a few patterns, not of all of them.
//!
//! The files record the patterns they were built from. Should the code's patterns ever
//! differ from them (or the bytes not load), the regex is compiled at run time instead,
//! so a stale file costs speed, never correctness; the test `prebuilt_automata_are_fresh`
//! fails until `FACTLINT_BLESS=1 cargo test --release prebuilt_automata` rewrites them.

use std::sync::OnceLock;

use regex_automata::dfa::{dense, regex::Regex as DfaRegex, Automaton};
use regex_automata::nfa::thompson::{self, backtrack, pikevm, NFA};
use regex_automata::util::captures::Captures as RawCaptures;
use regex_automata::util::pool::Pool;
use regex_automata::util::{syntax, wire::AlignAs};
use regex_automata::{Anchored, Input};

use crate::re::{Captures, Match, Regex};

/// A prebuilt file's bytes, aligned as deserialising a DFA requires.
pub(crate) type Bytes = AlignAs<[u8], u64>;

/// The embedded file of the prebuilt regex `$name`: `src/generated/dfa/$name.dfa`.
macro_rules! embedded {
    ($name:literal) => {{
        static FILE: &$crate::prebuilt::Bytes = &regex_automata::util::wire::AlignAs {
            _align: [],
            bytes: *include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/generated/dfa/",
                $name,
                ".dfa"
            )),
        };
        $crate::prebuilt::Embedded {
            name: $name,
            file: &FILE.bytes,
        }
    }};
}
pub(crate) use embedded;

/// A prebuilt regex's embedded file and its name (the file's stem).
pub(crate) struct Embedded {
    /// Read only by the freshness test.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub file: &'static [u8],
}

/// A prebuilt file: three little-endian `u32` lengths (patterns, forward DFA, reverse
/// DFA) and four bytes of padding, then each part in turn, each padded to 8 bytes. The
/// patterns are the text the automata were built from, one per line.
struct Parts<'a> {
    patterns: &'a [u8],
    forward: &'a [u8],
    reverse: &'a [u8],
}

fn padded(n: usize) -> usize {
    n.div_ceil(8) * 8
}

impl<'a> Parts<'a> {
    fn read(file: &'a [u8]) -> Option<Parts<'a>> {
        let len = |i: usize| -> Option<usize> {
            let b = file.get(i * 4..i * 4 + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (p, f, r) = (len(0)?, len(1)?, len(2)?);
        let at_f = 16 + padded(p);
        let at_r = at_f + padded(f);
        Some(Parts {
            patterns: file.get(16..16 + p)?,
            forward: file.get(at_f..at_f + f)?,
            reverse: file.get(at_r..at_r + r)?,
        })
    }

    #[cfg(test)]
    fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for part in [self.patterns, self.forward, self.reverse] {
            out.extend_from_slice(&u32::try_from(part.len()).expect("small").to_le_bytes());
        }
        out.extend_from_slice(&[0; 4]);
        for part in [self.patterns, self.forward, self.reverse] {
            out.extend_from_slice(part);
            out.resize(padded(out.len()), 0);
        }
        out
    }
}

/// A regex of several patterns (an alternation of them, tried in order) that finds
/// matches with a precompiled DFA and reads groups with the matched pattern's own regex.
pub(crate) struct Prebuilt {
    /// The embedded file's stem (the freshness test rewrites the file by it).
    #[cfg(test)]
    name: &'static str,
    patterns: Vec<String>,
    dfa: Option<DfaRegex<dense::DFA<&'static [u32]>>>,
    /// The search regex compiled at run time, when the DFA cannot serve.
    fallback: OnceLock<Option<Regex>>,
    /// Each pattern's own group reader, compiled when first needed.
    groups: Vec<OnceLock<Option<GroupReader>>>,
}

impl Prebuilt {
    /// The regex of `patterns`, using the embedded automata if they were built from
    /// exactly these patterns and load on this machine.
    pub fn new(patterns: Vec<String>, embedded: Embedded) -> Prebuilt {
        let dfa = Parts::read(embedded.file)
            .filter(|parts| parts.patterns == join(&patterns).as_bytes())
            .and_then(|parts| load(parts.forward, parts.reverse));
        Prebuilt {
            #[cfg(test)]
            name: embedded.name,
            groups: patterns.iter().map(|_| OnceLock::new()).collect(),
            patterns,
            dfa,
            fallback: OnceLock::new(),
        }
    }

    /// The regex of one pattern.
    pub fn one(pattern: &str, embedded: Embedded) -> Prebuilt {
        Prebuilt::new(vec![pattern.to_string()], embedded)
    }

    /// How many patterns it has.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether searches use the embedded DFA.
    #[cfg(test)]
    pub fn is_prebuilt(&self) -> bool {
        self.dfa.is_some()
    }

    fn fallback(&self) -> Option<&Regex> {
        self.fallback
            .get_or_init(|| Regex::new_many(&self.patterns).ok())
            .as_ref()
    }

    /// The first match that starts at or after `start` (a character boundary), with the
    /// index of its pattern; the text before `start` still counts for word boundaries.
    pub fn find_pattern_at<'h>(
        &self,
        haystack: &'h str,
        start: usize,
    ) -> Option<(Match<'h>, usize)> {
        if start > haystack.len() {
            return None;
        }
        if let Some(dfa) = &self.dfa {
            let input = Input::new(haystack).range(start..);
            if let Ok(found) = dfa.try_search(&input) {
                return found.map(|m| {
                    (
                        Match::new(haystack, m.start(), m.end()),
                        m.pattern().as_usize(),
                    )
                });
            }
        }
        self.fallback()?.find_pattern_at(haystack, start)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.find_pattern_at(haystack, 0).map(|(m, _)| m)
    }

    /// Whether the regex matches anywhere: the forward DFA alone, stopping at the first
    /// match state.
    pub fn is_match(&self, haystack: &str) -> bool {
        if let Some(dfa) = &self.dfa {
            let input = Input::new(haystack).earliest(true);
            if let Ok(found) = dfa.forward().try_search_fwd(&input) {
                return found.is_some();
            }
        }
        self.find(haystack).is_some()
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.find_iter_patterns(haystack).map(|(m, _)| m)
    }

    /// The first match with its groups.
    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let (m, pattern) = self.find_pattern_at(haystack, 0)?;
        self.captures_of(m, pattern)
    }

    /// Each match, left to right, with the index of the pattern that matched.
    pub fn find_iter_patterns<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = (Match<'h>, usize)> + 'r
    where
        'h: 'r,
    {
        let mut at = Some(0);
        std::iter::from_fn(move || {
            let (m, pattern) = self.find_pattern_at(haystack, at?)?;
            // An empty match moves the search on by one character.
            at = if m.is_empty() {
                haystack
                    .get(m.end()..)
                    .and_then(|rest| rest.chars().next())
                    .map(|c| m.end() + c.len_utf8())
            } else {
                Some(m.end())
            };
            Some((m, pattern))
        })
    }

    /// The groups of pattern `pattern` matched exactly over `m` (a match this regex
    /// reported for it).
    pub fn captures_of<'h>(&self, m: Match<'h>, pattern: usize) -> Option<Captures<'h>> {
        let own = self
            .groups
            .get(pattern)?
            .get_or_init(|| GroupReader::new(self.patterns.get(pattern)?))
            .as_ref()?;
        let caps = own.read(m)?;
        // (Compare offsets: comparing matches would compare their haystacks too.)
        let whole = caps.get(0)?;
        (whole.range() == m.range()).then_some(caps)
    }

    /// Every match with its groups.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.find_iter_patterns(haystack)
            .filter_map(|(m, pattern)| self.captures_of(m, pattern))
    }
}

type Caches = (backtrack::Cache, pikevm::Cache);
type CacheFn = Box<dyn Fn() -> Caches + Send + Sync>;

/// Reads the groups of a match already found: a forward NFA run by the bounded
/// backtracker (the PikeVM for spans too long for it). Compiling one is a fraction of a
/// full regex (no reverse NFA, no DFA), and anchored on a short span it is quick.
struct GroupReader {
    backtrack: backtrack::BoundedBacktracker,
    pikevm: pikevm::PikeVM,
    caches: Pool<Caches, CacheFn>,
}

impl GroupReader {
    fn new(pattern: &str) -> Option<GroupReader> {
        let nfa = NFA::compiler()
            .syntax(syntax::Config::new())
            .configure(thompson::Config::new())
            .build(pattern)
            .ok()?;
        let backtrack = backtrack::BoundedBacktracker::builder()
            .build_from_nfa(nfa.clone())
            .ok()?;
        let pikevm = pikevm::PikeVM::new_from_nfa(nfa).ok()?;
        let (b, p) = (backtrack.clone(), pikevm.clone());
        let create: CacheFn = Box::new(move || (b.create_cache(), p.create_cache()));
        Some(GroupReader {
            backtrack,
            pikevm,
            caches: Pool::new(create),
        })
    }

    /// The groups of the match of this pattern that starts where `m` starts and lies
    /// within it.
    fn read<'h>(&self, m: Match<'h>) -> Option<Captures<'h>> {
        let input = Input::new(m.haystack())
            .range(m.start()..m.end())
            .anchored(Anchored::Yes);
        let mut caps: RawCaptures = self.pikevm.create_captures();
        let mut caches = self.caches.get();
        let (bt, pv) = &mut *caches;
        if self.backtrack.try_search(bt, &input, &mut caps).is_err() {
            self.pikevm.search(pv, &input, &mut caps);
        }
        caps.is_match()
            .then(|| Captures::from_raw(m.haystack(), caps))
    }
}

/// `pattern` with ASCII case folding: "(?i:may)" matches "May" and "MAY", not the
/// Kelvin sign or the long s (which Unicode folding adds, doubling the automata), while
/// `\s` stays Unicode (a no-break space separates words as a space does).
pub(crate) fn ascii_case(pattern: &str) -> String {
    pattern.replace(r"\s", r"(?u:\s)").replace("(?i:", "(?i-u:")
}

/// The patterns as the file records them.
fn join(patterns: &[String]) -> String {
    let mut out = patterns.join("\n");
    out.push('\n');
    out
}

fn load(
    forward: &'static [u8],
    reverse: &'static [u8],
) -> Option<DfaRegex<dense::DFA<&'static [u32]>>> {
    let (forward, _) = dense::DFA::from_bytes(forward).ok()?;
    let (reverse, _) = dense::DFA::from_bytes(reverse).ok()?;
    Some(DfaRegex::builder().build_from_dfas(forward, reverse))
}

/// Every prebuilt regex.
#[cfg(test)]
pub(crate) fn all() -> Vec<&'static Prebuilt> {
    let mut all = crate::extract::prebuilt();
    all.extend(crate::kinds::prebuilt());
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::dfa::StartKind;
    use regex_automata::nfa::thompson;
    use regex_automata::MatchKind;

    fn dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/generated/dfa")
    }

    /// Build and write the automata of `patterns` as `name.*`.
    fn bless(name: &str, patterns: &[String]) {
        // As `regex_automata::dfa::regex::Builder` builds them, both minimised.
        let forward = dense::Builder::new()
            .configure(
                dense::Config::new()
                    .minimize(true)
                    .start_kind(StartKind::Unanchored),
            )
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many(patterns)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
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
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (forward, fpad) = forward.to_bytes_little_endian();
        let (reverse, rpad) = reverse.to_bytes_little_endian();
        let joined = join(patterns);
        let parts = Parts {
            patterns: joined.as_bytes(),
            forward: &forward[fpad..],
            reverse: &reverse[rpad..],
        };
        std::fs::write(dir().join(format!("{name}.dfa")), parts.write()).expect("write");
    }

    #[test]
    fn prebuilt_automata_are_fresh() {
        let blessing = std::env::var_os("FACTLINT_BLESS").is_some();
        let mut names = std::collections::HashSet::new();
        for regex in all() {
            let (name, patterns) = (regex.name, &regex.patterns);
            assert!(names.insert(name), "two prebuilt regexes write {name}.dfa");
            assert!(
                patterns.iter().all(|p| !p.contains('\n')),
                "{name}: a pattern spans lines"
            );
            let file = std::fs::read(dir().join(format!("{name}.dfa"))).unwrap_or_default();
            let recorded = Parts::read(&file).map(|p| p.patterns.to_vec());
            if recorded.as_deref() != Some(join(patterns).as_bytes()) {
                if blessing {
                    bless(name, patterns);
                } else {
                    panic!(
                        "src/generated/dfa/{name}.dfa is out of date with the code's patterns; \
                         run `FACTLINT_BLESS=1 cargo test --release prebuilt_automata` to rebuild them"
                    );
                }
            } else {
                assert!(
                    regex.is_prebuilt(),
                    "{name}: the embedded automata do not load (or the regex embeds another file)"
                );
            }
        }
        // No file is left over from a regex that is gone.
        for entry in std::fs::read_dir(dir()).expect("the generated directory") {
            let path = entry.expect("an entry").path();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            assert!(
                names.contains(stem),
                "{} belongs to no prebuilt regex",
                path.display()
            );
        }
    }

    /// Every text under `fixtures/`, and every rule example.
    fn sample_texts() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    out.push(text);
                }
            }
        }
        let mut out = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut out,
        );
        for (_, text) in crate::rules::BUILTIN {
            out.push(text.replace("<<", "").replace(">>", ""));
        }
        out
    }

    #[test]
    fn prebuilt_automata_find_what_the_compiled_regex_finds() {
        if std::env::var_os("FACTLINT_BLESS").is_some() {
            return;
        }
        let texts = sample_texts();
        assert!(texts.len() > 20);
        for regex in all() {
            let (name, patterns) = (regex.name, &regex.patterns);
            let compiled = Regex::new_many(patterns).expect("valid");
            for text in &texts {
                let ours: Vec<_> = regex
                    .find_iter_patterns(text)
                    .map(|(m, p)| (m.range(), p))
                    .collect();
                let theirs: Vec<_> = compiled
                    .find_iter_patterns(text)
                    .map(|(m, p)| (m.range(), p))
                    .collect();
                assert_eq!(ours, theirs, "{name}");
                assert_eq!(regex.is_match(text), compiled.is_match(text), "{name}");
                for piece in text.split_inclusive(['.', '\n']) {
                    assert_eq!(
                        regex.is_match(piece),
                        compiled.is_match(piece),
                        "{name}: {piece}"
                    );
                }
                for (m, p) in regex.find_iter_patterns(text) {
                    let a = regex.captures_of(m, p).expect("groups of a match");
                    let b = compiled.captures_of(m, p).expect("groups of a match");
                    let groups = |c: &Captures<'_>| {
                        (0..40)
                            .map(|i| c.get(i).map(|g| g.range()))
                            .collect::<Vec<_>>()
                    };
                    assert_eq!(groups(&a), groups(&b), "{name}: {}", m.as_str());
                }
            }
        }
    }

    #[test]
    fn a_pattern_list_that_differs_falls_back_to_compiling() {
        let stale = Embedded {
            name: "stale",
            file: &[],
        };
        let re = Prebuilt::new(vec![r"(?P<n>[0-9]+)".into(), "[a-z]+".into()], stale);
        assert!(!re.is_prebuilt());
        let found: Vec<(&str, usize)> = re
            .find_iter_patterns("ab 12 cd")
            .map(|(m, p)| (m.as_str(), p))
            .collect();
        assert_eq!(found, vec![("ab", 1), ("12", 0), ("cd", 1)]);
        let caps: Vec<&str> = re
            .captures_iter("x 7 y 42")
            .filter_map(|c| c.name("n"))
            .map(|m| m.as_str())
            .collect();
        assert_eq!(caps, vec!["7", "42"]);
    }
}
