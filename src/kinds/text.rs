//! Text helpers the kinds share.

/// Capitalise the replacement when the match starts a sentence with a capital.
pub fn match_case(found: &str, replacement: &str) -> String {
    let starts_upper = found.chars().next().is_some_and(char::is_uppercase);
    let all_upper = found.chars().filter(|c| c.is_alphabetic()).count() > 1
        && found.chars().all(|c| !c.is_lowercase());
    if all_upper {
        return replacement.to_uppercase();
    }
    let mut chars = replacement.chars();
    match chars.next() {
        Some(first) if starts_upper && first.is_lowercase() => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => replacement.to_string(),
    }
}
