//! Fixes never damage text: every fix of every built-in rule, applied to generated
//! sentences around the rules' own bad examples, leaves no doubled punctuation or space
//! and brings in no new finding on a second check.

use std::collections::HashMap;

use factlint::fix::{fixed_text, FixMode};
use factlint::{check_text, Format};
use proptest::prelude::*;

/// Each bad example's text and where its flagged span ends.
fn seeds() -> Vec<(String, usize, Option<jiff::civil::Date>)> {
    factlint::rules::load_builtin()
        .expect("the built-in rules load")
        .iter()
        .flat_map(|r| r.examples.iter())
        .filter_map(|e| e.expected.map(|(_, end)| (e.text.clone(), end, e.date)))
        .collect()
}

/// How often each marker of damage occurs: doubled marks, a space before a mark. A
/// full stop before a comma counts unless it ends an abbreviation ("at 7 a.m., polls").
fn damage(text: &str) -> Vec<usize> {
    let mut counts: Vec<usize> = [
        "..", ",,", ";;", "!!", "??", ",.", "  ", " .", " ,", " ;", " !", " ?",
    ]
    .iter()
    .map(|m| text.matches(m).count())
    .collect();
    let stop_comma = text
        .match_indices(".,")
        .filter(|&(i, _)| !ends_abbreviation(&text[..i]))
        .count();
    counts.push(stop_comma);
    counts
}

/// Whether the text before a full stop ends an abbreviation written with stops
/// ("a.m", "U.S"): a letter after another stop.
fn ends_abbreviation(before: &str) -> bool {
    let mut chars = before.chars().rev();
    matches!(
        (chars.next(), chars.next()),
        (Some(c), Some('.')) if c.is_alphabetic()
    )
}

fn rule_counts(text: &str, date: Option<jiff::civil::Date>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for d in check_text(text, Format::Markdown, date).expect("rules load") {
        *counts.entry(d.rule).or_default() += 1;
    }
    counts
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn every_fix_joins_the_text_cleanly_and_adds_no_finding(
        seed in any::<prop::sample::Index>(),
        cut in any::<bool>(),
        mark in prop::sample::select(vec![".", "!", "?", ",", ";", ":", "", " and more."]),
        prefix in prop::sample::select(vec!["", "Officials said so. ", "In brief: "]),
        suffix in prop::sample::select(vec!["", " Nothing else changed.", "\n\nA new paragraph."]),
    ) {
        let seeds = seeds();
        let (text, end, date) = seed.get(&seeds).clone();
        // Either the example as written, or cut right after the flagged text and ended
        // with another mark (so that a fix meets the sentence's punctuation).
        let body = if cut {
            format!("{}{mark}", &text[..end])
        } else {
            text.clone()
        };
        let text = format!("{prefix}{body}{suffix}\n");
        let diagnostics = check_text(&text, Format::Markdown, date).expect("rules load");
        let Some((fixed, _)) = fixed_text(&text, &diagnostics, FixMode::Unsafe) else {
            return Ok(());
        };
        let (before, after) = (damage(&text), damage(&fixed));
        prop_assert!(
            before.iter().zip(&after).all(|(b, a)| a <= b),
            "fixing damaged the text:\n{text:?}\n->\n{fixed:?}"
        );
        let old = rule_counts(&text, date);
        for (rule, n) in rule_counts(&fixed, date) {
            prop_assert!(
                n <= old.get(&rule).copied().unwrap_or(0),
                "fixing brought in {rule}:\n{text:?}\n->\n{fixed:?}"
            );
        }
    }
}

#[test]
fn regression_an_abbreviation_before_a_comma_is_not_damage() {
    assert_eq!(
        damage("Polls open at 7 a.m., then close."),
        damage("Polls open.")
    );
    assert_ne!(damage("Polls open., then close."), damage("Polls open."));
}

#[test]
fn regression_time_of_day_fix_keeps_one_full_stop() {
    let text = "The meeting starts at 10 a.m. in the morning.";
    let diagnostics = check_text(text, Format::Markdown, None).expect("rules load");
    let (fixed, _) = fixed_text(text, &diagnostics, FixMode::Safe).expect("a fix");
    assert_eq!(fixed, "The meeting starts at 10 a.m.");
}
