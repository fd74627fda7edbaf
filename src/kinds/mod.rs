//! Rule kinds: the checks implemented in Rust, each configured by YAML rules.
//!
//! A kind is pure: it reads the document's prose and mentions through a
//! [`CheckContext`] and pushes [`Finding`]s in prose offsets. The engine fills in the
//! rule's message, maps spans to the source and applies severities and suppressions.
//!
//! Adding a kind is two edits: its file (the [`Kind`] and [`Build`] implementations,
//! documented in its `//!` comment) and one line in [`registry!`] below. CONTRIBUTING.md
//! walks through an example.

mod arithmetic;
mod calendar;
mod context;
mod namesakes;
mod people;
mod tense;
mod text;

pub use crate::re::{capture_names, compile_regex, compile_regexes};
pub use context::{
    in_range, params, Build, CheckContext, Compile, Finding, Kind, ParamError, Prefilter, RuleRegex,
};

/// The registry: `module::Kind` for each kind a rule file can name. A kind's YAML name
/// is its type's name in kebab case (`WeekdayMismatch` is `kind: weekday-mismatch`),
/// derived by serde.
macro_rules! registry {
    ($($module:ident::$kind:ident),* $(,)?) => {
        $(
            mod $module;
            pub use $module::$kind;
        )*

        /// Every kind a rule file can name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum KindName {
            $($kind),*
        }

        impl KindName {
            /// Every kind, in registry order.
            pub const LIST: &'static [KindName] = &[$(KindName::$kind),*];
        }

        /// Build the kind `name` from a rule's parameters.
        pub fn build(
            name: KindName,
            value: serde_json::Value,
            when: Compile,
        ) -> Result<Box<dyn Kind>, ParamError> {
            Ok(match name {
                $(KindName::$kind => Box::new(<$kind as Build>::build(params(value)?, when)?),)*
            })
        }
    };
}

registry! {
    pattern::Pattern,
    consistency::Consistency,
    weekday_mismatch::WeekdayMismatch,
    invalid_date::InvalidDate,
    age_mismatch::AgeMismatch,
    duration_mismatch::DurationMismatch,
    future_as_past::FutureAsPast,
    future_report::FutureReport,
    past_as_future::PastAsFuture,
    range_reversed::RangeReversed,
    relative_mismatch::RelativeMismatch,
    unused_suppression::UnusedSuppression,
    stale_as_of::StaleAsOf,
    anachronism::Anachronism,
    fact_contradiction::FactContradiction,
    name_inconsistent::NameInconsistent,
    misspelled_entity::MisspelledEntity,
    person_age::PersonAge,
    title_term::TitleTerm,
    death_status::DeathStatus,
    percent_of_total::PercentOfTotal,
    percent_change::PercentChange,
    percentage_points::PercentagePoints,
    multiplier::Multiplier,
    breakdown_sum::BreakdownSum,
    enumeration_count::EnumerationCount,
    inconsistent_restatement::InconsistentRestatement,
    unattributed_statistic::UnattributedStatistic,
}

impl KindName {
    /// The kind's name as rule files write it.
    pub fn as_str(self) -> &'static str {
        static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            KindName::LIST
                .iter()
                .map(|k| match serde_json::to_value(k) {
                    Ok(serde_json::Value::String(s)) => s,
                    _ => String::new(),
                })
                .collect()
        });
        KindName::LIST
            .iter()
            .position(|k| *k == self)
            .and_then(|i| NAMES.get(i))
            .map_or("", String::as_str)
    }

    /// The kind a rule file names, if any.
    pub fn parse(name: &str) -> Option<KindName> {
        KindName::LIST.iter().copied().find(|k| k.as_str() == name)
    }

    /// Every kind's name, in registry order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        KindName::LIST.iter().map(|k| k.as_str())
    }
}

/// Load the automata of the regexes the built-in kinds use (see [`crate::extract::warm_up`]).
pub fn warm_up() {
    multiplier::warm_up();
    unattributed_statistic::warm_up();
    anachronism::warm_up();
    fact_contradiction::warm_up();
}

/// The kinds' prebuilt regexes (see [`crate::prebuilt`]).
#[cfg(test)]
pub(crate) fn prebuilt() -> Vec<&'static crate::prebuilt::Prebuilt> {
    vec![
        &multiplier::MULTIPLIER_RE,
        &unattributed_statistic::CLAIM,
        &unattributed_statistic::ATTRIBUTION,
        &anachronism::LEAD_GAP,
        &anachronism::VERB_GAP,
        &fact_contradiction::CLAIM_GAP,
        &fact_contradiction::TEXT_CLAIMS,
        &fact_contradiction::PARAMETER_BEFORE,
        &fact_contradiction::HAS_GAP,
    ]
}

pub mod testing {
    //! `assert_finds` / `assert_clean` with `<<...>>` markers, as in rule examples: for
    //! a kind's unit tests, here and in CONTRIBUTING.md's worked example.

    use super::*;
    use crate::document::{Document, Format};
    use crate::extract::Locale;
    use crate::extract::{extract_with_knowledge, ExtractOptions};

    pub fn run(kind: &dyn Kind, text: &str, date: Option<&str>) -> Vec<Finding> {
        let doc = Document::from_text("test.md", text.to_string(), Format::Markdown);
        let kb = crate::kb::builtin();
        let mentions = extract_with_knowledge(&doc.prose, &ExtractOptions::default(), &kb);
        let flag = date.and_then(crate::document::parse_iso_date);
        let reference = crate::reference::resolve(flag, &doc, &mentions, &kb);
        let cx = CheckContext {
            doc: &doc,
            text: &doc.prose.text,
            mentions: &mentions,
            reference,
            locale: Locale::Unknown,
            kb: &kb,
        };
        let mut out = Vec::new();
        kind.check(&cx, &mut out);
        out.into_iter()
            .map(|mut f| {
                f.span = doc.prose.to_source(f.span);
                f
            })
            .collect()
    }

    /// Exactly one finding, on the text between `<<` and `>>`.
    pub fn assert_finds(kind: &dyn Kind, marked: &str, date: Option<&str>) -> Finding {
        let start = marked.find("<<").expect("<< marker");
        let end = marked.find(">>").expect(">> marker") - 2;
        let text = marked.replace("<<", "").replace(">>", "");
        let found = run(kind, &text, date);
        assert_eq!(found.len(), 1, "{marked}: {found:?}");
        assert_eq!(found[0].span.text(&text), &text[start..end], "{marked}");
        found.into_iter().next().expect("one finding")
    }

    pub fn assert_clean(kind: &dyn Kind, text: &str, date: Option<&str>) {
        let found = run(kind, text, date);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}
