//! The engine: runs the selected rules over one document and turns their findings into
//! diagnostics (messages filled in, spans mapped to the source, sorted, de-duplicated).

use std::sync::Arc;

use aho_corasick::AhoCorasick;

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Edit, Fix, Label};
use crate::document::Document;
use crate::extract::{self, ExtractOptions, Locale};
use crate::kb::KnowledgeBase;
use crate::kinds::{CheckContext, Finding, KindName};
use crate::reference::{self, ReferenceDate};
use crate::rules::{id_matches, Rule};
use crate::span::Span;
use crate::suppress;

/// Settings that apply to every document of a run.
#[derive(Clone, Debug)]
pub struct EngineOptions {
    /// `--date`: overrides what documents say about themselves.
    pub date: Option<Date>,
    pub locale: Locale,
    /// Every loaded rule id, selected or not: a suppression naming a rule that did not
    /// run on a document is not reported as unused.
    pub known_rules: Vec<String>,
    /// Entities and dated facts (the built-in knowledge unless the run loads more).
    pub kb: Arc<KnowledgeBase>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            date: None,
            locale: Locale::default(),
            kb: crate::kb::builtin(),
            known_rules: Vec::new(),
        }
    }
}

/// The result of checking one document.
#[derive(Debug)]
pub struct CheckedDocument {
    pub reference: ReferenceDate,
    pub diagnostics: Vec<Diagnostic>,
}

/// The loaded rules and the options to run them with.
#[derive(Debug, Default)]
pub struct Engine {
    pub rules: Vec<Rule>,
    pub options: EngineOptions,
    /// One scan for every kind with a prefilter (the `pattern` rules), built once.
    prefilter: Option<LiteralScan>,
}

/// The literals the kinds' prefilter regexes must begin with, in one Aho-Corasick
/// automaton: a document is scanned once, and a kind runs only when one of its own
/// literals occurs in it. A kind whose regex yields no usable literals always runs.
#[derive(Debug)]
struct LiteralScan {
    /// ASCII case-insensitive: one automaton serves rules with and without case.
    literals: AhoCorasick,
    /// The slot of each literal's kind.
    owner: Vec<usize>,
    /// The address of each kind (its box) to its slot. A kind not found here runs.
    index: foldhash::HashMap<usize, usize>,
    slots: usize,
}

fn kind_key(kind: &dyn crate::kinds::Kind) -> usize {
    kind as *const dyn crate::kinds::Kind as *const () as usize
}

/// Characters whose simple case folding is an ASCII letter (the long s and the Kelvin
/// sign): a case-insensitive regex matches them where an ASCII-folding scan does not,
/// so a document that has one runs every rule.
fn has_exotic_fold(text: &str) -> bool {
    text.contains(['\u{17F}', '\u{212A}'])
}

/// The literals every match of `pattern` begins with, or `None` when there is no short
/// list of them (the rule then always runs). Case-insensitive literals stop before the
/// first non-ASCII byte, since the scan folds only ASCII case.
fn prefix_literals(pattern: &str, case_sensitive: bool) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    // Parsed with case: the scan itself ignores ASCII case for every literal.
    let hir = regex_syntax::ParserBuilder::new()
        .nest_limit(64)
        .build()
        .parse(pattern)
        .ok()?;
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_total(64);
    let seq = extractor.extract(&hir);
    let mut out = Vec::new();
    for lit in seq.literals()? {
        let bytes = lit.as_bytes();
        let bytes = if case_sensitive {
            bytes
        } else {
            let ascii = bytes
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(bytes.len());
            &bytes[..ascii]
        };
        if bytes.is_empty() {
            return None;
        }
        out.push(bytes.to_vec());
    }
    (!out.is_empty()).then_some(out)
}

impl LiteralScan {
    fn build(rules: &[Rule]) -> Option<LiteralScan> {
        let mut literals = Vec::new();
        let mut owner = Vec::new();
        let mut index = foldhash::HashMap::default();
        for rule in rules {
            let Some(spec) = rule.kind.prefilter() else {
                continue;
            };
            let Some(lits) = prefix_literals(&spec.pattern, spec.case_sensitive) else {
                continue;
            };
            let slot = index.len();
            index.insert(kind_key(&*rule.kind), slot);
            for lit in lits {
                literals.push(lit);
                owner.push(slot);
            }
        }
        if index.is_empty() {
            return None;
        }
        let literals = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&literals)
            .ok()?;
        Some(LiteralScan {
            literals,
            owner,
            slots: index.len(),
            index,
        })
    }

    /// Which slots have a literal in `text`; `None` when every kind must run.
    fn scan(&self, text: &str) -> Option<Vec<bool>> {
        if has_exotic_fold(text) {
            return None;
        }
        let mut hit = vec![false; self.slots];
        let mut left = self.slots;
        for m in self.literals.find_overlapping_iter(text) {
            let slot = self.owner[m.pattern().as_usize()];
            if !hit[slot] {
                hit[slot] = true;
                left -= 1;
                if left == 0 {
                    break;
                }
            }
        }
        Some(hit)
    }
}

impl Engine {
    pub fn new(rules: Vec<Rule>, options: EngineOptions) -> Self {
        let prefilter = LiteralScan::build(&rules);
        Engine {
            rules,
            options,
            prefilter,
        }
    }

    /// The same engine without its prefilter: every rule runs on every document.
    pub fn without_prefilter(mut self) -> Self {
        self.prefilter = None;
        self
    }

    /// Check one document with every rule.
    pub fn check(&self, doc: &Document) -> CheckedDocument {
        let rules: Vec<&Rule> = self.rules.iter().collect();
        self.check_with(doc, &rules, self.options.date)
    }

    /// Check one document with the given rules and reference date flag.
    pub fn check_with(
        &self,
        doc: &Document,
        rules: &[&Rule],
        date: Option<Date>,
    ) -> CheckedDocument {
        let kb = &*self.options.kb;
        let mentions = extract::extract_with_knowledge(
            &doc.prose,
            &ExtractOptions {
                locale: self.options.locale,
            },
            kb,
        );
        let reference = reference::resolve(date, doc, &mentions, kb);
        let cx = CheckContext {
            doc,
            text: &doc.prose.text,
            mentions: &mentions,
            reference,
            locale: self.options.locale,
            kb,
        };
        let mut diagnostics = Vec::new();
        let mut findings = Vec::new();
        let mut running: Vec<&Rule> = Vec::with_capacity(rules.len());
        let matched = self
            .prefilter
            .as_ref()
            .and_then(|p| Some((p, p.scan(&doc.prose.text)?)));
        for rule in rules {
            if doc.meta.ignore.iter().any(|sel| id_matches(&rule.id, sel)) {
                continue;
            }
            running.push(rule);
            if let Some((p, m)) = &matched {
                if let Some(&i) = p.index.get(&kind_key(&*rule.kind)) {
                    if !m[i] {
                        continue;
                    }
                }
            }
            findings.clear();
            rule.kind.check(&cx, &mut findings);
            diagnostics.extend(findings.drain(..).map(|f| to_diagnostic(doc, rule, f)));
        }
        self.suppress(doc, &running, &mut diagnostics);
        diagnostics.sort_by(|a, b| {
            (a.span.start, &a.rule, a.span.end).cmp(&(b.span.start, &b.rule, b.span.end))
        });
        diagnostics.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
        CheckedDocument {
            reference,
            diagnostics,
        }
    }
}

impl Engine {
    /// Apply the document's suppression directives, then report the unused ones when
    /// the `unused-suppression` rule runs.
    fn suppress(&self, doc: &Document, running: &[&Rule], diagnostics: &mut Vec<Diagnostic>) {
        if doc.directives.is_empty() {
            return;
        }
        let running_ids: foldhash::HashSet<&str> = running.iter().map(|r| r.id.as_str()).collect();
        let idle: Vec<&str> = self
            .options
            .known_rules
            .iter()
            .map(String::as_str)
            .filter(|id| !running_ids.contains(id))
            .collect();
        let unused = suppress::apply(doc, diagnostics, &idle);
        let Some(rule) = running
            .iter()
            .find(|r| r.kind_name == KindName::UnusedSuppression)
        else {
            return;
        };
        for directive in unused {
            let args = vec![
                ("directive".to_string(), directive.describe()),
                ("rules".to_string(), directive.rule_list()),
            ];
            diagnostics.push(Diagnostic {
                rule: rule.id.clone(),
                severity: rule.severity,
                message: rule.message.render(&args),
                span: directive.span,
                labels: Vec::new(),
                help: rule
                    .help
                    .as_ref()
                    .map(|h| h.render(&args))
                    .filter(|h| !h.trim().is_empty()),
                fix: None,
                alternatives: Vec::new(),
            });
        }
    }
}

fn to_diagnostic(doc: &Document, rule: &Rule, f: Finding) -> Diagnostic {
    let prose = &doc.prose;
    let also = f.fix_also;
    let fix = f.fix.and_then(|(span, replacement, safe)| {
        // A fix is offered only where the prose is a verbatim copy of the source; a fix
        // of several places keeps the places that are.
        prose.is_verbatim(span).then(|| {
            let mut fix = tidy_fix(
                &doc.source,
                Fix::one(prose.to_source(span), replacement, safe),
            );
            fix.also = also
                .into_iter()
                .filter(|(span, _)| prose.is_verbatim(*span))
                .map(|(span, replacement)| {
                    let one = tidy_fix(
                        &doc.source,
                        Fix::one(prose.to_source(span), replacement, safe),
                    );
                    Edit {
                        span: one.span,
                        replacement: one.replacement,
                    }
                })
                .collect();
            fix
        })
    });
    let alternatives = f
        .alternatives
        .into_iter()
        .filter(|(span, _)| prose.is_verbatim(*span))
        .map(|(span, replacement)| Fix::one(prose.to_source(span), replacement, false))
        .collect();
    Diagnostic {
        alternatives,
        rule: rule.id.clone(),
        severity: rule.severity,
        message: rule.message.render(&f.args),
        span: prose.to_source(f.span),
        labels: f
            .labels
            .into_iter()
            .map(|(span, message)| Label {
                span: prose.to_source(span),
                message,
            })
            .collect(),
        help: rule
            .help
            .as_ref()
            .map(|h| h.render(&f.args))
            .filter(|h| !h.trim().is_empty()),
        fix,
    }
}

/// A fix that joins the text around it cleanly: a replacement ending in a full stop
/// ("10 a.m.") takes over the sentence's own full stop rather than doubling it, and an
/// empty replacement takes one of the spaces around it (none before punctuation).
fn tidy_fix(source: &str, mut fix: Fix) -> Fix {
    let before = source.get(..fix.span.start).unwrap_or("");
    let after = source.get(fix.span.end..).unwrap_or("");
    if fix.replacement.ends_with('.') && after.starts_with('.') && !after.starts_with("..") {
        fix.span.end += 1;
    } else if fix.replacement.is_empty() {
        if before.ends_with(' ')
            && (after.starts_with(' ') || after.starts_with([',', '.', ';', ':', '!', '?']))
        {
            fix.span.start -= 1;
        } else if before.is_empty() && after.starts_with(' ') {
            fix.span.end += 1;
        }
    }
    fix
}

/// Apply non-overlapping fixes (in order of position) to `source`. Returns the new text
/// and how many fixes were applied; an overlapping fix is left for a later run. A fix of
/// several places is applied whole or not at all.
pub fn apply_fixes<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> (String, usize) {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    // The edits taken so far, each fix's edits taken only if none overlaps one taken
    // (touching is fine) and each span lies on character boundaries of the source.
    let mut taken: Vec<(Span, &str)> = Vec::new();
    let mut applied = 0;
    for fix in fixes {
        let edits: Vec<(Span, &str)> = fix.edits().collect();
        let fits = edits.iter().enumerate().all(|(i, (span, _))| {
            source.get(span.start..span.end).is_some()
                && !taken
                    .iter()
                    .chain(&edits[..i])
                    .any(|(t, _)| span.start < t.end && t.start < span.end || span.start == t.start)
        });
        if fits {
            taken.extend(edits);
            applied += 1;
        }
    }
    taken.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out = String::with_capacity(source.len());
    let mut last = 0;
    for (span, replacement) in taken {
        out.push_str(&source[last..span.start]);
        out.push_str(replacement);
        last = span.end;
    }
    out.push_str(&source[last..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    const RULES: &str = r#"
- id: test.end-result
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "end (?P<w>result)"
    replacement: "$w"
- id: test.result
  kind: pattern
  severity: warning
  message: "{match}"
  params:
    pattern: "result"
    case_sensitive: true
- id: test.result-any-case
  kind: pattern
  severity: warning
  message: "{match}"
  params:
    pattern: "RESULT"
- id: test.sult
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "sult"
    word_boundary: false
- id: test.never
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "zebra crossing"
- id: test.dup
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "(?P<w>end)"
- id: test.cafe
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "café (?:au )?lait|Éclair"
- id: test.kilo
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "kilos?"
- id: test.digits
  kind: pattern
  severity: info
  message: "{match}"
  params:
    pattern: "[0-9]+ ?km"
"#;

    fn engine() -> Engine {
        let rules = crate::rules::load_rule_file("test.yaml", RULES, false).expect("rules load");
        Engine::new(rules, EngineOptions::default())
    }

    #[test]
    fn a_fix_of_several_places_applies_whole_or_not_at_all() {
        let source = "aa bb cc dd";
        let mut group = Fix::one(Span::new(0, 2), "AA", true);
        group.also = vec![Edit {
            span: Span::new(6, 8),
            replacement: "CC".into(),
        }];
        // Alone, both places change.
        assert_eq!(
            apply_fixes(source, [&group]),
            ("AA bb CC dd".to_string(), 1)
        );
        // After a fix that overlaps one of its places, none of them changes.
        let mut late = Fix::one(Span::new(6, 8), "CC", true);
        late.also = vec![Edit {
            span: Span::new(1, 2),
            replacement: "A".into(),
        }];
        let first = Fix::one(Span::new(0, 2), "xx", true);
        assert_eq!(
            apply_fixes(source, [&late, &first]),
            ("xx bb cc dd".to_string(), 1)
        );
        // A fix between its places is applied with it.
        let middle = Fix::one(Span::new(3, 5), "BB", true);
        assert_eq!(
            apply_fixes(source, [&middle, &group]),
            ("AA BB CC dd".to_string(), 2)
        );
    }

    #[test]
    fn prefilter_keeps_findings_identical() {
        let with = engine();
        assert!(with.prefilter.is_some());
        let without = engine().without_prefilter();
        for text in [
            "The end result was a Result, and the END RESULT was insulting.",
            "Nothing to see here.",
            "",
            "resultant sultana: end, results, end result.",
            "CAFÉ AU LAIT, Café lait and an éclair; ÉCLAIR.",
            // The Kelvin sign and the long s fold to k and s: every rule runs.
            "Five \u{212A}ILOS, a re\u{17F}ult.",
            "12 km, 3km, 40 KM.",
        ] {
            let doc = Document::from_text("a.md", text.to_string(), Format::Markdown);
            let a = with.check(&doc).diagnostics;
            let b = without.check(&doc).diagnostics;
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{text}");
        }
        let doc = Document::from_text(
            "a.md",
            "The end result was a Result, and insulting.".into(),
            Format::Markdown,
        );
        let ids: Vec<String> = with
            .check(&doc)
            .diagnostics
            .into_iter()
            .map(|d| d.rule)
            .collect();
        assert!(ids.contains(&"test.end-result".to_string()), "{ids:?}");
        assert!(ids.contains(&"test.sult".to_string()), "{ids:?}");
        assert!(!ids.contains(&"test.never".to_string()), "{ids:?}");
    }

    #[test]
    fn prefix_literals_stop_at_case_folded_non_ascii() {
        assert_eq!(
            prefix_literals("café|tea", false),
            Some(vec![b"caf".to_vec(), b"tea".to_vec()])
        );
        assert_eq!(
            prefix_literals("café", true),
            Some(vec!["café".as_bytes().to_vec()])
        );
        // No literal every match begins with: the rule always runs.
        assert_eq!(prefix_literals("Éclair", false), None);
        assert_eq!(prefix_literals(r"\w+ing", false), None);
        assert_eq!(prefix_literals("(", false), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]
        /// Generated pattern and consistency rules and texts: the literal prefilter never
        /// changes findings.
        #[test]
        fn the_prefilter_never_changes_findings(
            words in proptest::collection::vec("[a-zA-Zéſ]{1,6}", 1..6),
            case_sensitive in proptest::bool::ANY,
            text in "[a-zA-Z éÉſ\u{212A}.,]{0,80}",
            repeat in proptest::bool::ANY,
        ) {
            let mut yaml = String::new();
            for (i, w) in words.iter().enumerate() {
                yaml.push_str(&format!(
                    "- id: gen.r{i}\n  kind: pattern\n  severity: info\n  message: \"{{match}}\"\n  params:\n    pattern: \"{w}|x{w}y\"\n    case_sensitive: {case_sensitive}\n    word_boundary: false\n"
                ));
            }
            // And a consistency rule over the first two words (which also prefilters).
            if let [a, b, ..] = &words[..] {
                if !a.eq_ignore_ascii_case(b) {
                    yaml.push_str(&format!(
                        "- id: gen.consistent\n  kind: consistency\n  severity: info\n  message: \"{{found}}\"\n  params:\n    variants: [\"{a}\", \"{b} {a}\"]\n    case_sensitive: {case_sensitive}\n"
                    ));
                }
            }
            let rules = crate::rules::load_rule_file("gen.yaml", &yaml, false).expect("rules load");
            let with = Engine::new(rules, EngineOptions::default());
            let rules = crate::rules::load_rule_file("gen.yaml", &yaml, false).expect("rules load");
            let without = Engine::new(rules, EngineOptions::default()).without_prefilter();
            // Half the texts also hold every word, so rules fire.
            let text = if repeat { format!("{text} {} {}", words.join(" "), words.join(". ")) } else { text };
            let doc = Document::from_text("a.md", text.clone(), Format::Markdown);
            let a = format!("{:?}", with.check(&doc).diagnostics);
            let b = format!("{:?}", without.check(&doc).diagnostics);
            proptest::prop_assert_eq!(a, b, "{:?}", text);
        }
    }

    #[test]
    fn rules_outside_the_engine_still_run() {
        let outside = crate::rules::load_rule_file("test.yaml", RULES, false).expect("rules load");
        let engine = engine();
        let doc = Document::from_text("a.md", "The end result.".into(), Format::Markdown);
        let refs: Vec<&Rule> = outside.iter().collect();
        let found = engine.check_with(&doc, &refs, None).diagnostics;
        assert!(found.iter().any(|d| d.rule == "test.end-result"));
    }
}
