//! `age-mismatch`: an age that does not fit the birth date beside it ("the new chief
//! executive, 45, who was born in 1990" in a 2026 article).
//!
//! Why: the age or the birth year is wrong; readers notice.
//! Limits: pairs an age (", 45,", "aged 45", "45-year-old") with the only "born in/on"
//! date in its sentence. With only a birth year the age may be either of two values
//! (the birthday may not have come yet). An age that fits another date of its sentence
//! ("who died in 2019 aged 70") is left alone. Skipped without a reference date.

use serde::Deserialize;

use super::calendar::reference_text;
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct AgeMismatch;

impl AgeMismatch {
    pub fn new(_: Params) -> Self {
        AgeMismatch
    }
}

impl Build for AgeMismatch {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(AgeMismatch::new(params))
    }
}

impl Kind for AgeMismatch {
    fn args(&self) -> Vec<String> {
        ["age", "born", "expected", "reference"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        for age in cx.mentions.ages() {
            let Some(born) = age.born.and_then(|i| cx.mentions.dates().get(i)) else {
                continue;
            };
            let Some(year) = born.year else { continue };
            let years = i32::from(reference.year()) - i32::from(year);
            let (low, high) = match born.full_date() {
                Some(b) => {
                    let before_birthday =
                        (reference.month(), reference.day()) < (b.month(), b.day());
                    let exact = years - i32::from(before_birthday);
                    (exact, exact)
                }
                None => (years - 1, years),
            };
            if (low..=high).contains(&age.age) || high < 0 {
                continue;
            }
            // "who died in 2019 aged 70", "in 2010, aged 30,": an age at another date of
            // its sentence fits that date, not the reference date.
            if other_dates_in_sentence(cx, age.span.start, born)
                .any(|(y, _)| (i32::from(y) - i32::from(year) - 1..=i32::from(y) - i32::from(year)).contains(&age.age))
            {
                continue;
            }
            let expected = if low == high {
                low.to_string()
            } else {
                format!("{low} or {high}")
            };
            out.push(
                Finding::at(age.span)
                    .arg("age", age.age)
                    .arg("born", born.date_span.text(cx.text))
                    .arg("expected", expected)
                    .arg("reference", reference_text(cx, reference))
                    .label(born.date_span, "birth date"),
            );
        }
    }
}

/// The years of the dates in the sentence at `pos` other than the birth date.
fn other_dates_in_sentence<'a>(
    cx: &'a CheckContext<'_>,
    pos: usize,
    born: &'a crate::extract::DateMention,
) -> impl Iterator<Item = (i16, crate::span::Span)> + 'a {
    let sentence = cx.doc.prose.sentence_at(pos);
    cx.mentions
        .dates()
        .iter()
        .filter(move |d| d.span != born.span && sentence.is_some_and(|s| s.contains(d.span)))
        .filter_map(|d| Some((d.year?, d.span)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    #[test]
    fn flags_ages_that_do_not_fit_the_birth_year() {
        let d = Some("2026-05-01");
        assert_finds(
            &AgeMismatch,
            "The new chief executive, <<45>>, who was born in 1990, starts today.",
            d,
        );
        assert_finds(&AgeMismatch, "Aged <<50>>, she was born on 3 June 1980.", d);
    }

    #[test]
    fn allows_ages_off_by_a_birthday() {
        let d = Some("2026-05-01");
        assert_clean(
            &AgeMismatch,
            "The chief, 36, who was born in 1990, starts.",
            d,
        );
        assert_clean(
            &AgeMismatch,
            "The chief, 35, who was born in 1990, starts.",
            d,
        );
        assert_clean(&AgeMismatch, "Aged 45, she was born on 3 June 1980.", d);
        // The age at another date of the sentence.
        assert_clean(
            &AgeMismatch,
            "Ana Ruiz, who died in 2019 aged 70, was born in 1949 in Lima.",
            d,
        );
        assert_finds(
            &AgeMismatch,
            "Ana Ruiz, who died in 2019 aged <<60>>, was born in 1949 in Lima.",
            d,
        );
        assert_clean(
            &AgeMismatch,
            "The chief, 45, who was born in 1990, starts.",
            None,
        );
    }
}
