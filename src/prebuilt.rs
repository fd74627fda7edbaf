//! The recognizers' regexes, compiled ahead of time.
//!
//! Compiling the temporal, date and number regexes (their NFAs, forward and reverse) was
//! most of a one-article run's start-up. Their search automata are therefore dense DFAs
//! that `build.rs` builds from [`crate::patterns`] into `OUT_DIR/dfa/` and that are
//! embedded in the binary: loading one is a validation pass over bytes already in
//! memory, and a dense DFA also searches faster than the lazy DFA the meta regex builds
//! as it goes. Capture groups, which a DFA does not report, come from each pattern's own
//! regex, compiled the first time that pattern matches: an article reads the groups of a
//! few patterns, not of all of them.
//!
//! The automata are built from the same pattern functions the code calls, in the same
//! build, so they cannot be stale. Should they not load (a big-endian machine), the
//! regex is compiled at run time instead: slower, never wrong.

use std::sync::OnceLock;

use regex_automata::dfa::{dense, regex::Regex as DfaRegex, Automaton};
use regex_automata::nfa::thompson::{self, backtrack, pikevm, NFA};
use regex_automata::util::captures::Captures as RawCaptures;
use regex_automata::util::pool::Pool;
use regex_automata::util::{syntax, wire::AlignAs};
use regex_automata::{Anchored, Input};

use crate::re::{Captures, Match, Regex};

/// A DFA file's bytes, aligned as deserialising a DFA requires.
pub(crate) type Bytes = AlignAs<[u8], u64>;

/// The embedded automata of the prebuilt regex `$name`, which `build.rs` writes as
/// `OUT_DIR/dfa/$name.fwd` and `.rev`.
macro_rules! embedded {
    ($name:literal) => {{
        static FORWARD: &$crate::prebuilt::Bytes = &regex_automata::util::wire::AlignAs {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/dfa/", $name, ".fwd")),
        };
        static REVERSE: &$crate::prebuilt::Bytes = &regex_automata::util::wire::AlignAs {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/dfa/", $name, ".rev")),
        };
        $crate::prebuilt::Embedded {
            name: $name,
            forward: &FORWARD.bytes,
            reverse: &REVERSE.bytes,
        }
    }};
}
pub(crate) use embedded;

/// A prebuilt regex's embedded automata and its name.
pub(crate) struct Embedded {
    /// Read only by tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub forward: &'static [u8],
    pub reverse: &'static [u8],
}

/// A regex of several patterns (an alternation of them, tried in order) that finds
/// matches with a precompiled DFA and reads groups with the matched pattern's own regex.
pub(crate) struct Prebuilt {
    /// The name of its automata files.
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
    /// The regex of `patterns`, searching with the embedded automata (built from the
    /// same patterns) when they load on this machine.
    pub fn new(patterns: Vec<String>, embedded: Embedded) -> Prebuilt {
        let dfa = load(embedded.forward, embedded.reverse)
            .filter(|dfa| dfa.forward().pattern_len() == patterns.len());
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

    #[test]
    fn every_embedded_automaton_stays_small() {
        // Each automaton is embedded in the binary and validated as it loads at start-up:
        // one that grows past 1.5 MB (a Unicode class repeated in a pattern, say) costs
        // every run milliseconds and the binary megabytes.
        let dir = std::path::Path::new(env!("OUT_DIR")).join("dfa");
        let entries = std::fs::read_dir(&dir).expect("the automata folder");
        for entry in entries.map(|e| e.expect("a readable entry")) {
            let len = entry.metadata().expect("metadata").len();
            assert!(len < 1_500_000, "{}: {len} bytes", entry.path().display());
        }
    }

    #[test]
    fn every_prebuilt_regex_searches_with_its_embedded_automata() {
        let mut names: Vec<&str> = all().iter().map(|r| r.name).collect();
        for regex in all() {
            assert!(
                regex.is_prebuilt(),
                "{}: the automata do not load",
                regex.name
            );
        }
        names.sort_unstable();
        let mut built: Vec<&str> = crate::patterns::all().iter().map(|(n, _)| *n).collect();
        built.sort_unstable();
        assert_eq!(
            names, built,
            "build.rs builds exactly the regexes the code uses"
        );
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
            forward: &[],
            reverse: &[],
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
