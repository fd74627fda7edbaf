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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Spanned<String>>,
    /// Second sources: pages the values were compared against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned<String>>,
    pub from: Spanned<Scalar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Spanned<RawSource>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub name: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Spanned<String>>,
    /// `sensitive` (default) or `insensitive`: how names are matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launched: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub began: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elected: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adopted: Option<Spanned<Scalar>>,
    /// The day the name came into use, when it is later than the entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub named: Option<Spanned<Scalar>>,
    /// The name was in public use before the dates recorded (a rumoured successor, a
    /// treaty named while negotiated): it says nothing about when a text was written.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub speculated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolved: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub died: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discontinued: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Spanned<Scalar>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formerly: Vec<Spanned<RawFormer>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Spanned<RawTerm>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Spanned<RawAttribute>>,
    /// Spellings house style avoids ("Open AI"); flagged with the name as the fix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub avoid: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Spanned<RawSource>>,
    /// Free text for editors; not used by checks, so not in the compiled snapshot.
    #[serde(default, skip_serializing)]
    pub note: Option<String>,
}

/// The compiled snapshot of knowledge files: each file's path and its entities. Absent
/// and empty fields are left out of it (it is read at every start).
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
