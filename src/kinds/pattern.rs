//! `pattern`: a regular expression that should not appear (house style, banned words,
//! known errors). Named captures fill the message; `replacement` (with `$name` or `$1`
//! references) becomes a fix.
//!
//! Limits: the regex is compiled with size limits, so a pathological pattern is
//! rejected when the rule loads. Word boundaries are ASCII (`(?-u:\b)`): Unicode word
//! boundaries are far slower on text full of curly quotes.

use serde::Deserialize;

use super::text::match_case;
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, Prefilter, RuleRegex};
use crate::re::capture_names;
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    pub pattern: String,
    #[serde(default)]
    pub case_sensitive: bool,
    /// Match whole words only (default true).
    #[serde(default = "yes")]
    pub word_boundary: bool,
    /// Replacement text for the fix; `$1` or `$name` refer to captures.
    #[serde(default)]
    pub replacement: Option<String>,
    /// Whether the fix may change meaning (then only `--unsafe-fixes` applies it).
    #[serde(default)]
    pub unsafe_fix: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug)]
pub struct Pattern {
    /// The regex as compiled (its case flag aside); also the engine's prefilter.
    regex: RuleRegex,
    /// Its named groups, in order.
    names: Vec<String>,
    params: Params,
}

impl Build for Pattern {
    type Params = Params;

    fn build(params: Params, when: Compile) -> Result<Self, ParamError> {
        Pattern::with(params, when)
    }
}

impl Pattern {
    /// A rule whose regex compiles now (which checks it).
    pub fn new(params: Params) -> Result<Self, ParamError> {
        Pattern::with(params, Compile::Now)
    }

    pub fn with(params: Params, when: Compile) -> Result<Self, ParamError> {
        let source = if params.word_boundary {
            format!(r"(?-u:\b)(?:{})(?-u:\b)", params.pattern)
        } else {
            params.pattern.clone()
        };
        let invalid = |e: String| ParamError::at("pattern", format!("invalid regex: {e}"));
        let regex =
            RuleRegex::new(vec![source.clone()], params.case_sensitive, when).map_err(invalid)?;
        if when == Compile::Now && regex.get().is_some_and(|r| r.is_match("")) {
            return Err(ParamError::at(
                "pattern",
                "the regex matches the empty string",
            ));
        }
        let names = capture_names(&source).map_err(invalid)?;
        Ok(Pattern {
            regex,
            names,
            params,
        })
    }
}

impl Kind for Pattern {
    fn args(&self) -> Vec<String> {
        let mut args = vec!["match".to_string()];
        args.extend(self.names.iter().cloned());
        args
    }

    fn prefilter(&self) -> Option<Prefilter> {
        Some(Prefilter {
            pattern: self.regex.patterns().join("|"),
            case_sensitive: self.params.case_sensitive,
        })
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(regex) = self.regex.get() else {
            return;
        };
        for caps in regex.captures_iter(cx.text) {
            let Some(m) = caps.get(0) else { continue };
            if m.is_empty() {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            let mut finding = Finding::at(span).arg("match", m.as_str());
            for name in &self.names {
                finding = finding.arg(name, caps.name(name).map_or("", |c| c.as_str()));
            }
            if let Some(replacement) = &self.params.replacement {
                let mut fixed = String::new();
                caps.expand(replacement, &mut fixed);
                let fixed = match_case(m.as_str(), &fixed);
                finding = if self.params.unsafe_fix {
                    finding.unsafe_fix(span, fixed)
                } else {
                    finding.fix(span, fixed)
                };
            }
            out.push(finding);
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn pattern(p: &str, replacement: Option<&str>) -> Pattern {
        Pattern::new(Params {
            pattern: p.into(),
            case_sensitive: false,
            word_boundary: true,
            replacement: replacement.map(String::from),
            unsafe_fix: false,
        })
        .expect("valid")
    }

    #[test]
    fn finds_whole_words_with_captures_and_fixes() {
        let k = pattern(r"(?P<word>irregardless)", Some("regardless"));
        let f = assert_finds(&k, "It went ahead, <<Irregardless>> of the rain.", None);
        assert_eq!(f.fix.map(|f| f.1), Some("Regardless".into()));
        assert!(k.args().contains(&"word".to_string()));
        assert_clean(&k, "Irregardlessness is not a word either.", None);
    }

    #[test]
    fn group_names_read_from_the_syntax_match_the_compiled_regex() {
        for p in [
            r"(?P<a>x)(?:y|(?<b>z(?P<c>w)))+",
            r"(?x) (?P<hour> \d{1,2} ) \s (?P<period> am | pm )",
            r"plain|(unnamed)(?P<named>x)",
        ] {
            let compiled = crate::kinds::compile_regex(p, false).expect("valid");
            let names: Vec<String> = compiled
                .capture_names()
                .flatten()
                .map(String::from)
                .collect();
            assert_eq!(capture_names(p).expect("valid"), names, "{p}");
        }
    }

    #[test]
    fn built_in_rules_compile_on_first_use_and_match_as_eager_ones_do() {
        let params = || Params {
            pattern: r"(?P<word>irregardless)".into(),
            case_sensitive: false,
            word_boundary: true,
            replacement: Some("regardless".into()),
            unsafe_fix: false,
        };
        let lazy = Pattern::with(params(), Compile::OnFirstUse).expect("valid");
        let eager = Pattern::new(params()).expect("valid");
        assert_eq!(lazy.args(), eager.args());
        let text = "It went ahead, <<Irregardless>> of the rain.";
        let a = assert_finds(&lazy, text, None);
        let b = assert_finds(&eager, text, None);
        assert_eq!((a.span, a.fix), (b.span, b.fix));
    }

    #[test]
    fn rejects_empty_and_huge_regexes() {
        assert!(Pattern::new(Params {
            pattern: "a*".into(),
            case_sensitive: false,
            word_boundary: false,
            replacement: None,
            unsafe_fix: false
        })
        .is_err());
        let huge = Pattern::new(Params {
            pattern: r"(\w{100}){100}".into(),
            case_sensitive: false,
            word_boundary: false,
            replacement: None,
            unsafe_fix: false,
        });
        assert!(huge.unwrap_err().message.contains("too large"));
    }
}
