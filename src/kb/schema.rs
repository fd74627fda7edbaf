//! The knowledge-file schema as serde reads it, without validation.
//!
//! A leaf module: `build.rs` includes it to turn the built-in YAML into the compiled JSON
//! snapshot that start-up reads, with the same types the loader reads. Flat, with spans,
//! so errors point at the offending value.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_saphyr::Spanned;

/// The built-in knowledge files, in load order.
pub const BUILTIN_FILES: &[&str] = &[
    "rules/knowledge/ai.yaml",
    "rules/knowledge/tech.yaml",
    "rules/knowledge/leaders.yaml",
    "rules/knowledge/leaders-world.yaml",
    "rules/knowledge/officials.yaml",
    "rules/knowledge/cabinet.yaml",
    "rules/knowledge/congress.yaml",
    "rules/knowledge/governors.yaml",
    "rules/knowledge/countries.yaml",
    "rules/knowledge/institutions.yaml",
];

/// A scalar read as text whether YAML typed it as a string or a number (`2006`).
#[derive(Debug, Clone)]
pub struct Scalar(pub String);

impl Serialize for Scalar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2022-11-30, 2006-07 or 1998")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[serde(default)]
    pub wikidata: Option<Spanned<String>>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// Second sources: pages the values were compared against.
    #[serde(default)]
    pub checked: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawFormer {
    pub name: Spanned<String>,
    pub until: Spanned<Scalar>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub office: Spanned<String>,
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    pub from: Spanned<Scalar>,
    #[serde(default)]
    pub to: Option<Spanned<Scalar>>,
    /// The place the office is of, when "OFFICE of PLACE" does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Spanned<String>>,
    /// The country of that place, when it is not a country itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAttribute {
    pub name: Spanned<String>,
    #[serde(default)]
    pub number: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub tolerance: Option<f64>,
    #[serde(default)]
    pub date: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub source: Option<Spanned<RawSource>>,
    #[serde(default)]
    pub as_of: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub from: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub to: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub claims: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub name: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// `sensitive` (default) or `insensitive`: how names are matched.
    #[serde(default)]
    pub case: Option<Spanned<String>>,
    #[serde(default)]
    pub announced: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub founded: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub launched: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub released: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub introduced: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub signed: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub born: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub began: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub elected: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub adopted: Option<Spanned<Scalar>>,
    /// The day the name came into use, when it is later than the entity.
    #[serde(default)]
    pub named: Option<Spanned<Scalar>>,
    /// The name was in public use before the dates recorded (a rumoured successor, a
    /// treaty named while negotiated): it says nothing about when a text was written.
    #[serde(default)]
    pub speculated: bool,
    #[serde(default)]
    pub dissolved: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub died: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub discontinued: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub ended: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub formerly: Vec<Spanned<RawFormer>>,
    #[serde(default)]
    pub terms: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub attributes: Vec<Spanned<RawAttribute>>,
    /// Spellings house style avoids ("Open AI"); flagged with the name as the fix.
    #[serde(default)]
    pub avoid: Vec<Spanned<String>>,
    #[serde(default)]
    pub source: Option<Spanned<RawSource>>,
    /// Free text for editors; not used by checks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The compiled snapshot of knowledge files: each file's path and its entities.
pub type Snapshot = Vec<(String, Vec<Spanned<RawEntity>>)>;

/// Read knowledge files `(path, text)` into a snapshot, or the first file's error.
pub fn snapshot(files: &[(&str, &str)]) -> Result<Snapshot, String> {
    files
        .iter()
        .map(|(path, text)| {
            let raw: Option<Vec<Spanned<RawEntity>>> =
                serde_saphyr::from_str(text).map_err(|e| format!("{path}: {e}"))?;
            Ok((path.to_string(), raw.unwrap_or_default()))
        })
        .collect()
}
