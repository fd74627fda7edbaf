//! YAML front matter: the publication date, the title and factlint's own settings.

use serde::Deserialize;

use super::meta::{parse_iso_date, Meta, MetaDateSource};

#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
struct FrontMatter {
    date: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    factlint: Option<FactlintFrontMatter>,
}

#[derive(Deserialize, Default, Debug, PartialEq)]
#[serde(default)]
struct FactlintFrontMatter {
    ignore: Vec<String>,
}

/// Read what factlint needs from front matter; anything malformed is simply absent.
pub fn parse(yaml: &str) -> Meta {
    let fm: FrontMatter =
        simple(yaml).unwrap_or_else(|| serde_saphyr::from_str(yaml).unwrap_or_default());
    let date = fm
        .date
        .as_ref()
        .and_then(|v| {
            v.as_str()
                .map(str::to_string)
                .or_else(|| Some(v.to_string()))
        })
        .and_then(|s| parse_iso_date(&s))
        .map(|d| (d, MetaDateSource::FrontMatter));
    let title = fm.title.and_then(|t| match t {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    });
    Meta {
        date,
        title,
        ignore: fm.factlint.map(|f| f.ignore).unwrap_or_default(),
        directives: Vec::new(),
    }
}

/// Front matter of flat `key: value` lines with plain or simply quoted values (nearly
/// all of it), read without the YAML parser; `None` for anything else, which the parser
/// then reads.
fn simple(yaml: &str) -> Option<FrontMatter> {
    let mut fm = FrontMatter::default();
    let mut seen: Vec<&str> = Vec::new();
    for line in yaml.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with(|c: char| c.is_whitespace() || "-?:[]{}&*!|>%@`\"'#,".contains(c)) {
            return None;
        }
        let (key, rest) = line.split_once(':')?;
        if key.trim_end() != key || key.contains(['"', '\'', '#', '{', '[', '\t']) {
            return None;
        }
        if !(rest.is_empty() || rest.starts_with(' ')) {
            return None;
        }
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = scalar(rest.trim())?;
        match key {
            "date" => fm.date = value,
            "title" => fm.title = value,
            // Its settings are a nested mapping: the parser reads those.
            "factlint" => return None,
            _ => {}
        }
    }
    Some(fm)
}

/// A one-line scalar: `None` when it needs the YAML parser, `Some(None)` for null.
fn scalar(v: &str) -> Option<Option<serde_json::Value>> {
    use serde_json::Value;
    if v.is_empty() || matches!(v, "~" | "null" | "Null" | "NULL") {
        return Some(None);
    }
    if let Some(inner) = v.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        if inner.contains(['"', '\\']) {
            return None;
        }
        return Some(Some(Value::String(inner.to_string())));
    }
    if let Some(inner) = v.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'')?;
        if inner.contains('\'') {
            return None;
        }
        return Some(Some(Value::String(inner.to_string())));
    }
    // Plain scalars: anything that YAML might read as a number, a boolean or a
    // structure goes to the parser; a date-like or word-like string does not.
    if v.contains(" #")
        || v.contains('\t')
        || v.starts_with(|c: char| "[]{}&*!|>%@`,?-:#".contains(c))
        || v.contains(": ")
        || v.ends_with(':')
        || (v.starts_with(|c: char| c.is_ascii_digit() || "+.".contains(c)) && !iso_like(v))
        || matches!(
            v.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
        )
    {
        return None;
    }
    Some(Some(Value::String(v.to_string())))
}

/// `2019-01-12`, or that with a time (`2019-01-12T10:00:00Z`): the only plain scalars
/// starting with a digit read here; numbers and the like go to the parser.
fn iso_like(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (b.len() == 10
            || (b[10] == b'T'
                && b[11..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || b":.+-Z".contains(c))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the quick reader accepts, it reads as the YAML parser does.
    #[test]
    fn the_quick_reader_agrees_with_the_yaml_parser() {
        let samples = [
            "title: A plain title\ndate: 2019-01-12\n",
            "title: \"Quoted: with a colon\"\ndate: 2024-05-02\nsource: \"https://example.org/a\"\n",
            "title: 'It''s quoted'\n",
            "title: 'single'\ndate: 2020-02-29T10:00:00Z\n",
            "date:\ntitle: ~\n",
            "title: 2024\n",
            "title: yes\n",
            "title: A # comment\n",
            "title: [a, b]\n",
            "factlint:\n  ignore: [date.stale-as-of]\n",
            "title: x\ntitle: y\n",
            "  indented: 1\n",
            "title: \"escaped \\\" quote\"\n",
            "# a comment\n\ntitle: after a comment\r\ndate: 2019-01-12\r\n",
            "license_url: \"https://creativecommons.org/licenses/by/2.5/\"\n",
            "key:value\n",
        ];
        for yaml in samples {
            let full: FrontMatter = serde_saphyr::from_str(yaml).unwrap_or_default();
            if let Some(quick) = simple(yaml) {
                assert_eq!(quick, full, "{yaml:?}");
            }
        }
        assert!(simple("title: A plain title\ndate: 2019-01-12\n").is_some());
        assert!(simple("factlint:\n  ignore: [x]\n").is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 3000, ..Default::default() })]
        /// On generated front matter, too: when the quick reader answers, the parser agrees.
        #[test]
        fn the_quick_reader_agrees_on_generated_front_matter(
            yaml in "((title|date|tags|x-y|factlint| title)(:| :|:  )[ a-zA-Z0-9\"'#:.\\~&*!|>%@{},?+_\t-]{0,16}\r?\n){0,4}"
        ) {
            let full: FrontMatter = serde_saphyr::from_str(&yaml).unwrap_or_default();
            if let Some(quick) = simple(&yaml) {
                proptest::prop_assert_eq!(quick, full, "{:?}", yaml);
            }
        }
    }
}
