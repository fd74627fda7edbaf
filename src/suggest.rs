//! "Did you mean ...?": the known names closest to a misspelt one.
//!
//! Damerau-Levenshtein distance (a swapped pair of letters is one edit, the commonest
//! typo), accepting at most a third of the longer name's length in edits, so that
//! `date.weekday-mismach` finds `date.weekday-mismatch` but `x` finds nothing.

/// The known names closest to `word`, best first (at most three, ties in the order
/// given). Empty when nothing is close.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word_len = word.chars().count();
    let mut scored: Vec<(usize, usize, &str)> = known
        .into_iter()
        .enumerate()
        .filter_map(|(i, name)| {
            let d = strsim::damerau_levenshtein(word, name);
            let limit = (word_len.max(name.chars().count()) / 3).max(1);
            (d <= limit && name != word).then_some((d, i, name))
        })
        .collect();
    scored.sort_unstable();
    scored.dedup_by(|a, b| a.2 == b.2);
    scored.into_iter().take(3).map(|(_, _, n)| n).collect()
}

/// `did you mean `a`?`, `did you mean `a` or `b`?`, or `None` when nothing is close.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let found: Vec<String> = closest(word, known)
        .into_iter()
        .map(str::to_string)
        .collect();
    phrase(&found)
}

/// `did you mean `a` or `b`?` for names already chosen, or `None` for none.
pub fn phrase(names: &[String]) -> Option<String> {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [init @ .., last] => Some(format!("did you mean {} or {last}?", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_dropped_or_swapped_letter_and_nothing_for_noise() {
        let known = [
            "date.weekday-mismatch",
            "date.invalid",
            "style.irregardless",
        ];
        assert_eq!(
            closest("date.weekday-mismach", known),
            ["date.weekday-mismatch"]
        );
        assert_eq!(closest("date.invlaid", known), ["date.invalid"]);
        assert!(closest("x", known).is_empty());
        assert_eq!(
            did_you_mean("mesage", ["message", "help"]).as_deref(),
            Some("did you mean `message`?")
        );
        assert_eq!(did_you_mean("zzz", ["message"]), None);
    }
}
