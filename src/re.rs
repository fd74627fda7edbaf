//! Regexes for the recognizers and the rule kinds: regex-automata's meta regex with its
//! literal prefilter turned off, behind the small part of the `regex` API factlint uses.
//!
//! Why not `regex::Regex`: building a prefilter (the literal sets of a case-insensitive
//! word list, and the Teddy or Aho-Corasick searcher over them) costs more than the rest
//! of the compilation put together, often four times as much, and it is paid at every
//! start of the process. factlint's regexes run over short documents, or only where the
//! engine's own literal scan says a rule can match, so the searcher rarely pays for
//! itself. Matching semantics are those of `regex` (leftmost-first, UTF-8, Unicode
//! classes); only the speed of the first step of a search differs.

use std::fmt;

use regex_automata::meta;
use regex_automata::util::captures::Captures as RawCaptures;
use regex_automata::util::syntax;

/// A compiled regex.
#[derive(Clone, Debug)]
pub struct Regex {
    inner: meta::Regex,
}

/// Why a regex did not compile.
#[derive(Debug)]
pub enum Error {
    /// The pattern is not a valid regex; the parser's message.
    Syntax(String),
    /// The compiled regex would exceed the size limit (in bytes).
    TooBig(usize),
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax(s) | Error::Other(s) => write!(f, "{s}"),
            Error::TooBig(limit) => write!(f, "the compiled regex exceeds {limit} bytes"),
        }
    }
}

impl std::error::Error for Error {}

/// Options for [`Regex::build`].
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub case_insensitive: bool,
    /// Bytes of compiled program allowed.
    pub size_limit: usize,
    /// Bytes of lazy DFA cache per search thread.
    pub dfa_size_limit: usize,
    pub nest_limit: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            case_insensitive: false,
            size_limit: 10 << 20,
            dfa_size_limit: 2 << 20,
            nest_limit: 250,
        }
    }
}

impl Regex {
    /// Compile `pattern` with the default options.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        Regex::build(pattern, Options::default())
    }

    pub fn build(pattern: &str, options: Options) -> Result<Regex, Error> {
        Regex::build_many(&[pattern], options)
    }

    /// One regex of several patterns, tried in order at each position (as an alternation
    /// of them would be): [`Regex::find_iter_patterns`] says which one matched, and
    /// [`Regex::captures_of`] reads the groups of that one alone.
    pub fn new_many<P: AsRef<str>>(patterns: &[P]) -> Result<Regex, Error> {
        Regex::build_many(patterns, Options::default())
    }

    pub fn build_many<P: AsRef<str>>(patterns: &[P], options: Options) -> Result<Regex, Error> {
        let inner = meta::Builder::new()
            .configure(
                meta::Config::new()
                    .auto_prefilter(false)
                    .nfa_size_limit(Some(options.size_limit))
                    .onepass_size_limit(Some(options.size_limit))
                    .dfa_size_limit(Some(options.size_limit))
                    .hybrid_cache_capacity(options.dfa_size_limit),
            )
            .syntax(
                syntax::Config::new()
                    .case_insensitive(options.case_insensitive)
                    .nest_limit(options.nest_limit),
            )
            .build_many(patterns)
            .map_err(|e| {
                if let Some(limit) = e.size_limit() {
                    Error::TooBig(limit)
                } else if let Some(s) = e.syntax_error() {
                    Error::Syntax(s.to_string())
                } else {
                    Error::Other(e.to_string())
                }
            })?;
        Ok(Regex { inner })
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.inner.is_match(haystack)
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        self.inner
            .find(haystack)
            .map(|m| Match::new(haystack, m.start(), m.end()))
    }

    pub fn find_iter<'r, 'h>(&'r self, haystack: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner
            .find_iter(haystack)
            .map(move |m| Match::new(haystack, m.start(), m.end()))
    }

    pub fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.inner.create_captures();
        self.inner.captures(haystack, &mut caps);
        caps.is_match().then_some(Captures { haystack, caps })
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.inner
            .captures_iter(haystack)
            .map(move |caps| Captures { haystack, caps })
    }

    /// Each match with the index of the pattern that matched.
    pub fn find_iter_patterns<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> impl Iterator<Item = (Match<'h>, usize)> + 'r
    where
        'h: 'r,
    {
        self.inner.find_iter(haystack).map(move |m| {
            (
                Match::new(haystack, m.start(), m.end()),
                m.pattern().as_usize(),
            )
        })
    }

    /// The first match that starts at or after `start` (a character boundary), with the
    /// index of its pattern; the text before `start` still counts for word boundaries.
    pub fn find_pattern_at<'h>(
        &self,
        haystack: &'h str,
        start: usize,
    ) -> Option<(Match<'h>, usize)> {
        let input = regex_automata::Input::new(haystack).range(start..);
        self.inner.search(&input).map(|m| {
            (
                Match::new(haystack, m.start(), m.end()),
                m.pattern().as_usize(),
            )
        })
    }

    /// The groups of pattern `pattern` matched exactly over `m` (a match that
    /// [`Regex::find_iter_patterns`] reported for it).
    pub fn captures_of<'h>(&self, m: Match<'h>, pattern: usize) -> Option<Captures<'h>> {
        let pid = regex_automata::PatternID::new(pattern).ok()?;
        let mut caps = self.inner.create_captures();
        let input = regex_automata::Input::new(m.haystack)
            .range(m.start..m.end)
            .anchored(regex_automata::Anchored::Pattern(pid));
        self.inner.search_captures(&input, &mut caps);
        caps.is_match().then_some(Captures {
            haystack: m.haystack,
            caps,
        })
    }

    /// The names of the capture groups in order, `None` for unnamed ones (group 0 first).
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> {
        self.inner
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
    }
}

/// A match: its byte range in the text it was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub(crate) fn new(haystack: &'h str, start: usize, end: usize) -> Self {
        Match {
            haystack,
            start,
            end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    /// The text this match was found in.
    pub fn haystack(&self) -> &'h str {
        self.haystack
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn as_str(&self) -> &'h str {
        self.haystack.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match.
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    haystack: &'h str,
    caps: RawCaptures,
}

impl<'h> Captures<'h> {
    pub(crate) fn from_raw(haystack: &'h str, caps: RawCaptures) -> Self {
        Captures { haystack, caps }
    }

    /// Group `i` (0 is the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps
            .get_group(i)
            .map(|s| Match::new(self.haystack, s.start, s.end))
    }

    /// The group called `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Match::new(self.haystack, s.start, s.end))
    }

    /// Append `replacement` to `dst` with `$name`, `${name}` and `$1` replaced by groups.
    pub fn expand(&self, replacement: &str, dst: &mut String) {
        self.caps
            .interpolate_string_into(self.haystack, replacement, dst);
    }
}

/// Compile a user regex with limits, so a hostile pattern cannot exhaust memory.
pub fn compile_regex(pattern: &str, case_sensitive: bool) -> Result<Regex, String> {
    compile_regexes(&[pattern], case_sensitive)
}

/// [`compile_regex`] for several patterns tried in order (see [`Regex::new_many`]).
pub fn compile_regexes<P: AsRef<str>>(
    patterns: &[P],
    case_sensitive: bool,
) -> Result<Regex, String> {
    let options = Options {
        case_insensitive: !case_sensitive,
        size_limit: 1 << 20,
        dfa_size_limit: 2 << 20,
        nest_limit: 64,
    };
    Regex::build_many(patterns, options).map_err(|e| match e {
        Error::TooBig(limit) => format!(
            "the regex is too large once compiled (over {limit} bytes); simplify it or split it into several rules"
        ),
        Error::Syntax(s) => {
            // The parser's message draws a caret under the pattern; keep its last line.
            let last = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or(&s);
            last.trim().trim_start_matches("error: ").to_string()
        }
        Error::Other(s) => s,
    })
}

/// The names of the capture groups of `pattern`, in order, read from its syntax alone
/// (no compilation).
pub fn capture_names(pattern: &str) -> Result<Vec<String>, String> {
    use regex_syntax::ast::{Ast, GroupKind};
    fn walk(ast: &Ast, out: &mut Vec<String>) {
        match ast {
            Ast::Group(g) => {
                if let GroupKind::CaptureName { name, .. } = &g.kind {
                    out.push(name.name.clone());
                }
                walk(&g.ast, out);
            }
            Ast::Repetition(r) => walk(&r.ast, out),
            Ast::Alternation(a) => a.asts.iter().for_each(|a| walk(a, out)),
            Ast::Concat(c) => c.asts.iter().for_each(|a| walk(a, out)),
            _ => {}
        }
    }
    let ast = regex_syntax::ast::parse::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    walk(&ast, &mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_the_regex_crate() {
        let re = Regex::new(r"(?P<d>\d+)-(?P<m>[a-z]+)|x").expect("valid");
        let hay = "at 12-may and 3-june, x";
        let ours: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let theirs: Vec<(usize, usize)> = regex::Regex::new(r"(?P<d>\d+)-(?P<m>[a-z]+)|x")
            .expect("valid")
            .find_iter(hay)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(ours, theirs);
        let caps = re.captures(hay).expect("a match");
        assert_eq!(caps.name("d").map(|m| m.as_str()), Some("12"));
        assert_eq!(caps.name("m").map(|m| m.as_str()), Some("may"));
        assert_eq!(caps.get(0).map(|m| m.as_str()), Some("12-may"));
        let mut out = String::new();
        caps.expand("$m $d", &mut out);
        assert_eq!(out, "may 12");
        let names: Vec<Option<&str>> = re.capture_names().collect();
        assert_eq!(names, vec![None, Some("d"), Some("m")]);
        let (later, pattern) = re.find_pattern_at(hay, 10).expect("a later match");
        assert_eq!((later.as_str(), pattern), ("3-june", 0));
    }

    #[test]
    fn several_patterns_match_as_their_alternation_does() {
        let parts = [r"(?P<a>\d+)-(?P<b>\d+)", r"(?P<w>[a-z]+)", r"\d+"];
        let many = Regex::new_many(&parts).expect("valid");
        let one = Regex::new(&parts.join("|")).expect("valid");
        let hay = "12-3 and 45, x7 then 9-";
        let a: Vec<(usize, usize)> = many
            .find_iter_patterns(hay)
            .map(|(m, _)| (m.start(), m.end()))
            .collect();
        let b: Vec<(usize, usize)> = one.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        assert_eq!(a, b);
        let (m, p) = many.find_iter_patterns(hay).next().expect("a match");
        assert_eq!(p, 0);
        let caps = many.captures_of(m, p).expect("groups");
        assert_eq!(caps.name("b").map(|m| m.as_str()), Some("3"));
        let (m, p) = many.find_iter_patterns(hay).nth(1).expect("a match");
        assert_eq!((p, m.as_str()), (1, "and"));
        assert_eq!(
            many.captures_of(m, p)
                .and_then(|c| c.name("w"))
                .map(|m| m.as_str()),
            Some("and")
        );
    }

    #[test]
    fn empty_matches_do_not_split_characters() {
        let re = Regex::new(r"").expect("valid");
        assert_eq!(re.find_iter("é").count(), 2);
    }

    #[test]
    fn limits_and_syntax_errors_are_reported() {
        assert!(matches!(Regex::new("(a"), Err(Error::Syntax(_))));
        let small = Options {
            size_limit: 1000,
            ..Options::default()
        };
        assert!(matches!(
            Regex::build(r"\w{50}", small),
            Err(Error::TooBig(_))
        ));
        let ci = Options {
            case_insensitive: true,
            ..Options::default()
        };
        assert!(Regex::build("abc", ci).expect("valid").is_match("xABCx"));
    }
}
