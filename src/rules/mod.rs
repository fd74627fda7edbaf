//! Rule files: the YAML schema, loading with validation, and the examples runner.
//!
//! A rule file is a YAML list of rules. Loading checks everything once (unknown fields,
//! unknown kinds, parameters, placeholders, regexes, duplicate ids, examples) and reports
//! each problem as a [`RuleFileError`] pointing at the line and column in the file.

use std::path::Path;

use serde_saphyr::Spanned;

pub mod schema;
pub use schema::{snapshot, PlainRule, RawExample, RawRule, Snapshot};

use crate::diagnostic::Severity;
use crate::error::{byte_range, RuleFileError};
use crate::kinds::{self, Kind, KindName};

/// The built-in rule pack `(path, text)`, embedded at build time (`build.rs` writes the
/// list from [`schema::BUILTIN_FILES`]).
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// The built-in pack read by `build.rs` from [`BUILTIN`] into JSON ([`Snapshot`]):
/// reading it is a fraction of parsing the YAML. Should the YAML not parse, `build.rs`
/// writes `null`, and the pack is loaded from the YAML, which reports the problem.
const COMPILED: &str = include_str!(concat!(env!("OUT_DIR"), "/rules.json"));

/// The built-in rule pack: from the compiled snapshot, its regexes compiled when first
/// needed; from the YAML (checking everything) should the snapshot fail to read.
pub fn load_builtin() -> Result<Vec<Rule>, Vec<RuleFileError>> {
    if let Some(rules) = load_compiled() {
        return Ok(rules);
    }
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in BUILTIN {
        match load_rule_file(path, text, true) {
            Ok(loaded) => rules.extend(loaded),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

fn load_compiled() -> Option<Vec<Rule>> {
    let files: Snapshot = serde_json::from_str(COMPILED).ok()?;
    if files.len() != BUILTIN.len() {
        return None;
    }
    let mut rules = Vec::new();
    for ((path, plain), (builtin_path, text)) in files.into_iter().zip(BUILTIN) {
        if path != *builtin_path {
            return None;
        }
        for p in plain {
            rules.push(build_rule(builtin_path, text, p.into_raw(), Origin::Compiled).ok()?);
        }
    }
    Some(rules)
}

/// Where a rule comes from, which decides what loading it checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// A user's file: everything is checked, regexes compile now.
    User,
    /// The built-in YAML: also needs good and bad examples.
    BuiltinYaml,
    /// The compiled snapshot of the built-in YAML, which the tests check: regexes
    /// compile on first use.
    Compiled,
}

/// A message template with `{name}` placeholders (`{{` and `}}` are literal braces).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Literal(String),
    Arg(String),
}

impl Template {
    /// Parse a template; the error gives the byte offset of the problem.
    pub fn parse(s: &str) -> Result<Template, (usize, String)> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    lit.push('}');
                }
                '{' => {
                    let rest = &s[i + 1..];
                    let Some(close) = rest.find('}') else {
                        return Err((
                            i,
                            "unclosed `{` in template (write `{{` for a brace)".into(),
                        ));
                    };
                    let name = &rest[..close];
                    if name.is_empty()
                        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        return Err((i, format!("`{{{name}}}` is not a placeholder name")));
                    }
                    if !lit.is_empty() {
                        parts.push(Part::Literal(std::mem::take(&mut lit)));
                    }
                    parts.push(Part::Arg(name.to_string()));
                    for _ in 0..=name.chars().count() {
                        chars.next();
                    }
                }
                '}' => {
                    return Err((
                        i,
                        "unmatched `}` in template (write `}}` for a brace)".into(),
                    ))
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            parts.push(Part::Literal(lit));
        }
        Ok(Template { parts })
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Arg(a) => Some(a.as_str()),
            Part::Literal(_) => None,
        })
    }

    pub fn render(&self, args: &[(String, String)]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Literal(l) => out.push_str(l),
                Part::Arg(a) => {
                    if let Some((_, v)) = args.iter().find(|(k, _)| k == a) {
                        out.push_str(v);
                    }
                }
            }
        }
        out
    }
}

/// One example of a rule: text it must flag (with the span) or must leave alone.
#[derive(Clone, Debug)]
pub struct Example {
    /// The text with `<<`/`>>` markers removed.
    pub text: String,
    /// For a bad example, the byte range the rule must report.
    pub expected: Option<(usize, usize)>,
    pub fixed: Option<String>,
    pub date: Option<jiff::civil::Date>,
    /// The example as written, markers included.
    pub written: String,
}

impl Example {
    pub fn is_bad(&self) -> bool {
        self.expected.is_some()
    }
}

/// A loaded, validated rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind_name: KindName,
    pub kind: Box<dyn Kind>,
    pub severity: Severity,
    pub message: Template,
    pub help: Option<Template>,
    pub description: String,
    pub examples: Vec<Example>,
    /// The file the rule came from.
    pub origin: String,
}

impl Rule {
    /// Whether `selector` (a rule id or an id prefix such as `date.` or `date`) names it.
    pub fn matches(&self, selector: &str) -> bool {
        id_matches(&self.id, selector)
    }
}

pub fn id_matches(id: &str, selector: &str) -> bool {
    if id == selector {
        return true;
    }
    if let Some(rest) = id.strip_prefix(selector) {
        return selector.ends_with('.') || rest.starts_with('.');
    }
    false
}

/// Check that `selector` (a rule id, or a prefix such as `date.` or `date`) names at
/// least one of `known` rule ids. The error says what is wrong and, when one is close,
/// which ids were probably meant.
pub fn check_selector(selector: &str, ids: &[&str]) -> Result<(), SelectorError> {
    if ids.iter().any(|id| id_matches(id, selector)) {
        return Ok(());
    }
    let mut families: Vec<&str> = ids
        .iter()
        .filter_map(|id| id.split_once('.'))
        .map(|(f, _)| f)
        .collect();
    families.sort_unstable();
    families.dedup();
    let is_prefix = selector.ends_with('.') || !selector.contains('.');
    let help = if is_prefix {
        let bare = selector.trim_end_matches('.');
        let close: Vec<String> = crate::suggest::closest(bare, families.iter().copied())
            .into_iter()
            .map(|f| format!("{f}."))
            .collect();
        crate::suggest::phrase(&close)
    } else {
        None
    }
    .or_else(|| crate::suggest::did_you_mean(selector, ids.iter().copied()));
    let families: Vec<String> = families.iter().map(|f| format!("{f}.")).collect();
    Err(SelectorError {
        message: if is_prefix && selector.ends_with('.') {
            format!("no rule id starts with `{selector}`")
        } else {
            format!("unknown rule `{selector}`")
        },
        help: help.unwrap_or_else(|| {
            format!(
                "`factlint rules` lists the rule ids; prefixes: {}",
                families.join(", ")
            )
        }),
    })
}

/// A rule id or prefix that names no loaded rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub message: String,
    /// "did you mean ...?", or where to find the ids.
    pub help: String,
}

impl std::fmt::Display for SelectorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}; {}", self.message, self.help)
    }
}

/// The names of the rule kinds, for "did you mean".
fn kind_names() -> impl Iterator<Item = &'static str> {
    KindName::names()
}

/// Whether `id` has the form `family.kebab-name`.
pub fn valid_id(id: &str) -> bool {
    let Some((family, name)) = id.split_once('.') else {
        return false;
    };
    let kebab = |s: &str| {
        !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--")
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    kebab(family) && kebab(name)
}

/// Parse and validate one rule file. `builtin` rules must carry good and bad examples.
pub fn load_rule_file(
    path: &str,
    text: &str,
    builtin: bool,
) -> Result<Vec<Rule>, Vec<RuleFileError>> {
    let raw: Vec<RawRule> = match serde_saphyr::from_str::<Option<Vec<RawRule>>>(text) {
        Ok(r) => r.unwrap_or_default(),
        Err(e) => {
            // The strict reading stops at the first rule it cannot read; when the YAML
            // itself is sound, read each rule on its own to report every one of them.
            let each = problems_of_each_rule(path, text);
            if each.len() > 1 {
                return Err(each);
            }
            let (start, end) = e.location().map_or((0, 0), |l| byte_range(text, &l));
            let message = e.without_snippet().to_string();
            let message = message.lines().next().unwrap_or("invalid YAML").to_string();
            return Err(vec![RuleFileError::new(path, text, start, end, message)
                .with_help(
                    "a rule file is a YAML list of rules, each with id, kind, severity and message",
                )]);
        }
    };
    let mut errors = Vec::new();
    let mut rules = Vec::new();
    let origin = if builtin {
        Origin::BuiltinYaml
    } else {
        Origin::User
    };
    for r in raw {
        match build_rule(path, text, r, origin) {
            Ok(rule) => rules.push(rule),
            Err(e) => errors.extend(e),
        }
    }
    // Duplicate ids within one file.
    for (i, a) in rules.iter().enumerate() {
        if rules[..i].iter().any(|b| b.id == a.id) {
            let at = text.find(&format!("id: {}", a.id)).map_or(0, |p| p + 4);
            errors.push(RuleFileError::new(
                path,
                text,
                at,
                at + a.id.len(),
                format!("duplicate rule id `{}`", a.id),
            ));
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The rules of a file of sound YAML that do not read as rules (an unknown or missing
/// field, a value of the wrong type), each reported at the field it names, else at the
/// rule's start. Rules that read are validated once these are fixed.
fn problems_of_each_rule(path: &str, text: &str) -> Vec<RuleFileError> {
    let Ok(Some(items)) = serde_saphyr::from_str::<Option<Vec<Spanned<serde_json::Value>>>>(text)
    else {
        return Vec::new();
    };
    let starts: Vec<usize> = items
        .iter()
        .map(|i| byte_range(text, &i.referenced).0.min(text.len()))
        .collect();
    let mut out = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let Err(e) = serde_json::from_value::<RawRule>(item.value.clone()) else {
            continue;
        };
        let start = starts[n];
        let end = starts.get(n + 1).copied().unwrap_or(text.len()).max(start);
        let message = e.to_string();
        // serde names the field between backticks: point at it in this rule's text.
        let field = message.split('`').nth(1).unwrap_or("");
        let at = (!field.is_empty())
            .then(|| text.get(start..end)?.find(&format!("{field}:")))
            .flatten()
            .map_or((start, start), |i| (start + i, start + i + field.len()));
        let help = field_help(&message, field);
        let error = RuleFileError::new(path, text, at.0, at.1, message);
        out.push(match help {
            Some(h) => error.with_help(h),
            None => error,
        });
    }
    out
}

/// "did you mean `message`?" for an unknown field of a rule.
fn field_help(message: &str, field: &str) -> Option<String> {
    const FIELDS: &[&str] = &[
        "id",
        "kind",
        "severity",
        "message",
        "help",
        "description",
        "params",
        "examples",
    ];
    message
        .starts_with("unknown field")
        .then(|| crate::suggest::did_you_mean(field, FIELDS.iter().copied()))
        .flatten()
}

fn build_rule(
    path: &str,
    text: &str,
    r: RawRule,
    origin: Origin,
) -> Result<Rule, Vec<RuleFileError>> {
    let builtin = origin != Origin::User;
    let when = if origin == Origin::Compiled {
        kinds::Compile::OnFirstUse
    } else {
        kinds::Compile::Now
    };
    let mut errors = Vec::new();
    let err_at = |loc: &serde_saphyr::Location, msg: String| {
        let (s, e) = byte_range(text, loc);
        RuleFileError::new(path, text, s, e, msg)
    };
    if !valid_id(&r.id.value) {
        errors.push(
            err_at(&r.id.referenced, format!("rule id `{}` is not of the form family.kebab-name", r.id.value))
                .with_help("for example `date.weekday-mismatch`; families: date, number, fact, name, style, claim"),
        );
    }
    let severity = match r.severity.value.parse::<Severity>() {
        Ok(s) => Some(s),
        Err(e) => {
            // "unknown severity `x` (expected ...); did you mean `y`?": the guess is help.
            let (message, help) = match e.split_once("; ") {
                Some((m, h)) => (m.to_string(), Some(h.to_string())),
                None => (e, None),
            };
            let err = err_at(&r.severity.referenced, message);
            errors.push(match help {
                Some(h) => err.with_help(h),
                None => err,
            });
            None
        }
    };
    let kind_name = KindName::parse(&r.kind.value);
    if kind_name.is_none() {
        let known: Vec<&str> = kind_names().collect();
        let list = format!("known kinds: {}", known.join(", "));
        errors.push(
            err_at(
                &r.kind.referenced,
                format!("unknown rule kind `{}`", r.kind.value),
            )
            .with_help(
                crate::suggest::did_you_mean(&r.kind.value, known.iter().copied()).unwrap_or(list),
            ),
        );
    }
    let params_value = r
        .params
        .as_ref()
        .map_or(serde_json::Value::Null, |p| p.value.clone());
    let kind = kind_name.and_then(|k| match kinds::build(k, params_value, when) {
        Ok(kind) => Some(kind),
        Err(pe) => {
            let (mut s, mut e) = match &r.params {
                Some(p) => byte_range(text, &p.referenced),
                None => byte_range(text, &r.kind.referenced),
            };
            // Point at the parameter itself when the error names one.
            // (The span of a mapping may be empty: search a little way past its start.)
            if let (Some(param), Some(_)) = (pe.param, &r.params) {
                let window_end = e.max(s + 4096).min(text.len());
                if let Some(found) = text
                    .get(s..window_end)
                    .and_then(|t| t.find(&format!("{param}:")))
                {
                    s += found;
                    e = s + param.len();
                }
            }
            errors.push(RuleFileError::new(
                path,
                text,
                s,
                e,
                format!("invalid params for kind `{}`: {}", r.kind.value, pe.message),
            ));
            None
        }
    });
    let mut parse_template = |t: &Spanned<String>| -> Option<Template> {
        match Template::parse(&t.value) {
            Ok(tpl) => {
                if let Some(kind) = &kind {
                    let args = kind.args();
                    for p in tpl.placeholders() {
                        if !args.iter().any(|a| a == p) {
                            let provides = format!(
                                "kind `{}` provides: {}",
                                r.kind.value,
                                args.iter()
                                    .map(|a| format!("{{{a}}}"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            );
                            let close: Vec<String> =
                                crate::suggest::closest(p, args.iter().map(String::as_str))
                                    .into_iter()
                                    .map(|a| format!("{{{a}}}"))
                                    .collect();
                            errors.push(
                                err_at(&t.referenced, format!("unknown placeholder `{{{p}}}`"))
                                    .with_help(match crate::suggest::phrase(&close) {
                                        Some(d) => format!("{d} ({provides})"),
                                        None => provides,
                                    }),
                            );
                        }
                    }
                }
                Some(tpl)
            }
            Err((_, msg)) => {
                errors.push(err_at(&t.referenced, msg));
                None
            }
        }
    };
    let message = parse_template(&r.message);
    let help = r.help.as_ref().and_then(&mut parse_template);
    let mut examples = Vec::new();
    for ex in &r.examples {
        match parse_example(&ex.value) {
            Ok(e) => examples.push(e),
            Err(msg) => errors.push(err_at(&ex.referenced, msg)),
        }
    }
    if builtin && (!examples.iter().any(Example::is_bad) || !examples.iter().any(|e| !e.is_bad())) {
        errors.push(err_at(
            &r.id.referenced,
            format!(
                "built-in rule `{}` needs at least one bad and one good example",
                r.id.value
            ),
        ));
    }
    match (errors.is_empty(), kind, kind_name, severity, message) {
        (true, Some(kind), Some(kind_name), Some(severity), Some(message)) => Ok(Rule {
            id: r.id.value,
            kind_name,
            kind,
            severity,
            message,
            help,
            description: r.description.unwrap_or_default().trim().to_string(),
            examples,
            origin: path.to_string(),
        }),
        _ => Err(errors),
    }
}

fn parse_example(raw: &RawExample) -> Result<Example, String> {
    let date = match &raw.date {
        Some(d) => Some(
            crate::document::parse_iso_date(d)
                .ok_or_else(|| format!("example date `{d}` is not a valid YYYY-MM-DD date"))?,
        ),
        None => None,
    };
    match (&raw.bad, &raw.good) {
        (Some(bad), None) => {
            let start = bad
                .find("<<")
                .ok_or("a bad example marks the expected span with <<...>>")?;
            let close = bad
                .find(">>")
                .ok_or("a bad example marks the expected span with <<...>>")?;
            if close < start || bad.matches("<<").count() != 1 || bad.matches(">>").count() != 1 {
                return Err("a bad example has exactly one <<...>> span".into());
            }
            let text = bad.replacen("<<", "", 1).replacen(">>", "", 1);
            Ok(Example {
                text,
                expected: Some((start, close - 2)),
                fixed: raw.fixed.clone(),
                date,
                written: bad.clone(),
            })
        }
        (None, Some(good)) => {
            if raw.fixed.is_some() {
                return Err("`fixed` belongs to a bad example".into());
            }
            Ok(Example {
                text: good.clone(),
                expected: None,
                fixed: None,
                date,
                written: good.clone(),
            })
        }
        _ => Err("an example has either `bad` or `good`".into()),
    }
}

/// Every rule file (`*.yaml`, `*.yml`) directly inside `dir`, in name order.
pub fn rule_files_in(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_rules_match_the_yaml() {
        let files: Vec<(&str, &str)> = BUILTIN.to_vec();
        let expected =
            serde_json::to_string(&snapshot(&files).expect("the YAML parses")).expect("serialises");
        assert_eq!(COMPILED, expected, "build.rs compiles the built-in YAML");
        // The snapshot gives the rules the YAML gives, and the YAML checks them all
        // (regexes compiled, examples present, no duplicate ids).
        let from_snapshot = load_compiled().expect("the snapshot loads");
        let from_yaml: Vec<Rule> = BUILTIN
            .iter()
            .flat_map(|(path, text)| {
                load_rule_file(path, text, true).unwrap_or_else(|e| panic!("{path}: {e:?}"))
            })
            .collect();
        let summary = |r: &Rule| {
            format!(
                "{} {:?} {:?} {:?} {:?} {} {:?} {} {:?} {:?}",
                r.id,
                r.kind_name,
                r.severity,
                r.message,
                r.help,
                r.description,
                r.examples,
                r.origin,
                r.kind.args(),
                r.kind.prefilter().map(|p| (p.pattern, p.case_sensitive)),
            )
        };
        assert_eq!(
            from_snapshot.iter().map(summary).collect::<Vec<_>>(),
            from_yaml.iter().map(summary).collect::<Vec<_>>()
        );
    }

    #[test]
    fn templates_parse_placeholders_and_braces() {
        let t = Template::parse("{a} is {{b}} {c}").expect("valid");
        assert_eq!(t.placeholders().collect::<Vec<_>>(), vec!["a", "c"]);
        assert_eq!(
            t.render(&[("a".into(), "x".into()), ("c".into(), "y".into())]),
            "x is {b} y"
        );
        assert!(Template::parse("{open").is_err());
        assert!(Template::parse("close}").is_err());
    }

    #[test]
    fn ids_are_family_dot_kebab() {
        assert!(valid_id("date.weekday-mismatch"));
        assert!(!valid_id("Date.x"));
        assert!(!valid_id("date"));
        assert!(!valid_id("date.-x"));
        assert!(id_matches("date.x", "date."));
        assert!(id_matches("date.x", "date"));
        assert!(!id_matches("dates.x", "date"));
    }

    #[test]
    fn unknown_fields_point_into_the_yaml() {
        let yaml = "- id: style.x\n  kind: pattern\n  severity: warning\n  mesage: hi\n";
        let errs = load_rule_file("r.yaml", yaml, false).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 4, "{}", errs[0].message);
    }

    #[test]
    fn bad_params_and_placeholders_are_reported() {
        let yaml = "- id: style.x\n  kind: pattern\n  severity: warning\n  message: \"{nope}\"\n  params:\n    pattern: \"(\"\n";
        let errs = load_rule_file("r.yaml", yaml, false).unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.message.contains("invalid regex") && e.line == 6),
            "{errs:?}"
        );
    }
}
