//! `consistency`: an article should use one of a set of variants of a term ("per cent"
//! and "percent", "e-mail" and "email"). The variant used most wins (ties go to the one
//! listed first, the house preference). The article gets one finding, at the first use
//! of another variant, with every other use as a label and one safe fix that rewrites
//! all of them to the winner.
//!
//! Limits: variants are literal phrases matched as whole words; case-insensitive unless
//! `case_sensitive` is set (for "ERNIE Bot" against "Ernie Bot").

use serde::Deserialize;

use super::text::match_case;
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, Prefilter, RuleRegex};
use crate::span::Span;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The variants, the house preference first.
    pub variants: Vec<String>,
    #[serde(default)]
    pub case_sensitive: bool,
}

#[derive(Debug)]
pub struct Consistency {
    /// One pattern per variant, longest first.
    regex: RuleRegex,
    /// The variant each pattern matches (an index into `variants`).
    order: Vec<usize>,
    variants: Vec<String>,
    case_sensitive: bool,
}

impl Build for Consistency {
    type Params = Params;

    fn build(params: Params, when: Compile) -> Result<Self, ParamError> {
        Consistency::with(params, when)
    }
}

impl Consistency {
    /// A rule whose regex compiles now.
    pub fn new(params: Params) -> Result<Self, ParamError> {
        Consistency::with(params, Compile::Now)
    }

    pub fn with(params: Params, when: Compile) -> Result<Self, ParamError> {
        if params.variants.len() < 2 {
            return Err(ParamError::at("variants", "list at least two variants"));
        }
        if params.variants.iter().any(|v| v.trim().is_empty()) {
            return Err(ParamError::at("variants", "a variant is empty"));
        }
        // Longest first, so "e-mail address" is not read as "e-mail".
        let mut order: Vec<usize> = (0..params.variants.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(params.variants[i].len()));
        let patterns = order
            .iter()
            .map(|&i| {
                format!(
                    r"(?-u:\b){}(?-u:\b)",
                    regex_syntax::escape(&params.variants[i]).replace(' ', r"\s+")
                )
            })
            .collect();
        let regex = RuleRegex::new(patterns, params.case_sensitive, when)
            .map_err(|e| ParamError::at("variants", e))?;
        Ok(Consistency {
            regex,
            order,
            variants: params.variants,
            case_sensitive: params.case_sensitive,
        })
    }
}

impl Kind for Consistency {
    fn args(&self) -> Vec<String> {
        ["found", "preferred", "count"].map(String::from).to_vec()
    }

    fn prefilter(&self) -> Option<Prefilter> {
        Some(Prefilter {
            pattern: self.regex.patterns().join("|"),
            case_sensitive: self.case_sensitive,
        })
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(regex) = self.regex.get() else {
            return;
        };
        let mut uses: Vec<(usize, Span)> = Vec::new();
        for (m, pattern) in regex.find_iter_patterns(cx.text) {
            if let Some(&i) = self.order.get(pattern) {
                uses.push((i, Span::new(m.start(), m.end())));
            }
        }
        let mut counts = vec![0usize; self.variants.len()];
        for &(i, _) in &uses {
            counts[i] += 1;
        }
        if counts.iter().filter(|&&c| c > 0).count() < 2 {
            return;
        }
        let max = counts.iter().copied().max().unwrap_or(0);
        let winner = counts.iter().position(|&c| c == max).unwrap_or(0);
        let preferred = &self.variants[winner];
        let replacement = |span: Span| {
            if self.case_sensitive {
                preferred.clone()
            } else {
                match_case(span.text(cx.text), preferred)
            }
        };
        // One finding for the article: at the first use of another variant, with every
        // other use as a label and one fix that rewrites all of them.
        let Some(&(_, first)) = uses.iter().find(|&&(i, _)| i != winner) else {
            return;
        };
        let found = first.text(cx.text);
        let mut finding = Finding::at(first)
            .arg("found", found)
            .arg("preferred", preferred)
            .arg("count", counts[winner])
            .fix(first, replacement(first));
        for &(i, span) in &uses {
            if span == first {
                continue;
            }
            if i == winner {
                finding = finding.label(span, format!("“{}”", span.text(cx.text)));
            } else {
                finding = finding
                    .label(span, format!("also “{}”", span.text(cx.text)))
                    .fix_also(span, replacement(span));
            }
        }
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind(v: &[&str], case_sensitive: bool) -> Consistency {
        Consistency::new(Params {
            variants: v.iter().map(|s| s.to_string()).collect(),
            case_sensitive,
        })
        .expect("valid")
    }

    #[test]
    fn flags_the_minority_variant() {
        let k = kind(&["per cent", "percent"], false);
        let f = assert_finds(
            &k,
            "Up 5 per cent, then 6 per cent, then 7 <<percent>>.",
            None,
        );
        assert_eq!(f.fix.map(|f| f.1), Some("per cent".into()));
        // Two uses of the minority variant: one finding, one fix for both.
        let f = assert_finds(
            &k,
            "Up 5 per cent, 6 per cent, 7 per cent, then 8 <<percent>> and 9 Percent.",
            None,
        );
        assert_eq!(f.labels.len(), 4, "{f:?}");
        assert_eq!(f.fix_also, vec![(Span::new(60, 67), "Per cent".to_string())]);
        assert_clean(&k, "Up 5 per cent, then a percentage.", None);
    }

    #[test]
    fn ties_go_to_the_house_preference() {
        let k = kind(&["ERNIE Bot", "Ernie Bot"], true);
        assert_finds(&k, "ERNIE Bot and <<Ernie Bot>>.", None);
    }
}
