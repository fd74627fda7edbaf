//! YAML front matter: the publication date, the title and factlint's own settings.

use serde::Deserialize;

use super::{parse_iso_date, Meta, MetaDateSource};

#[derive(Deserialize, Default)]
#[serde(default)]
struct FrontMatter {
    date: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    factlint: Option<FactlintFrontMatter>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FactlintFrontMatter {
    ignore: Vec<String>,
}

/// Read what factlint needs from front matter; anything malformed is simply absent.
pub fn parse(yaml: &str) -> Meta {
    let fm: FrontMatter = serde_saphyr::from_str(yaml).unwrap_or_default();
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
