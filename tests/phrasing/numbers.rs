//! Grammars of the number checks.

use super::grammar::{capital, commas, generate, words, Case, Chooser};

pub fn checks() -> Vec<(&'static str, Vec<Case>)> {
    vec![("number.percent-of-total", percent_of_total())]
}

/// Plural nouns a part and its whole count, with a predicate that fits them.
const COUNTED: &[(&str, &str)] = &[
    ("firms", "reported a loss"),
    ("schools", "failed the inspection"),
    ("households", "said they could not pay the bill"),
    ("workers", "took the buyout"),
    ("clinics", "had no doctor on duty"),
    ("councillors", "voted against the plan"),
    ("respondents", "said prices were too high"),
    ("patients", "needed a second operation"),
    ("bridges", "were rated unsafe"),
    ("candidates", "were women"),
    ("flights", "left late"),
    ("stores", "will close by the end of the year"),
    ("applicants", "were turned down"),
    ("members", "backed the strike"),
    ("villages", "have no bus service"),
];

/// A count as news writes it: digits with commas, or words when small.
fn count(c: &mut Chooser, n: u64, start: bool) -> String {
    if n < 100 && c.chance(3) {
        let w = words(n);
        if start {
            capital(&w)
        } else {
            w
        }
    } else {
        commas(n)
    }
}

/// A share as news writes it.
fn share(c: &mut Chooser, value: f64, decimals: bool) -> String {
    let v = if decimals {
        format!("{value:.1}")
    } else {
        format!("{}", value.round() as i64)
    };
    match c.range(0, 3) {
        0 => format!("{v}%"),
        1 => format!("{v} per cent"),
        2 => format!("{v} percent"),
        _ => format!("{v}%"),
    }
}

fn percent_of_total() -> Vec<Case> {
    generate(600, 1, |c| {
        let whole = *c.pick(&[
            20u64, 25, 30, 40, 48, 50, 60, 75, 80, 120, 150, 200, 240, 400, 500, 640, 800, 1200,
            2500, 4000,
        ]);
        let part = c.range(1, whole - 1);
        let true_share = part as f64 * 100.0 / whole as f64;
        let decimals = c.chance(3);
        let offset = c.range(8, 25) as f64;
        let wrong = if true_share + offset < 100.0 {
            true_share + offset
        } else {
            true_share - offset
        };
        if wrong <= 0.0 {
            return None;
        }
        let (noun, predicate) = *c.pick(COUNTED);
        let good = share(c, true_share, decimals);
        let bad = share(c, wrong, decimals);
        let form = c.range(0, 5);
        let join = c.range(0, 4);
        let make = |s: &str, c: &mut Chooser| -> String {
            let apposed = match join {
                0 => format!(" ({s})"),
                1 => format!(", or {s},"),
                2 => format!(", {s},"),
                3 => format!(" — {s} —"),
                _ => format!(", or about {s},"),
            };
            match form {
                0 => format!(
                    "{} of the {} {noun}{apposed} {predicate}.",
                    count(c, part, true),
                    commas(whole)
                ),
                1 => format!(
                    "Of the {} {noun} surveyed, {}{apposed} {predicate}.",
                    commas(whole),
                    count(c, part, false)
                ),
                2 => format!(
                    "{} out of {} {noun}{apposed} {predicate}, the report found.",
                    count(c, part, true),
                    commas(whole)
                ),
                3 => format!(
                    "Among the {} {noun} in the study, {}{apposed} {predicate}.",
                    commas(whole),
                    count(c, part, false)
                ),
                4 => format!(
                    "The agency said {} of its {} {noun}{apposed} {predicate}.",
                    count(c, part, false),
                    commas(whole)
                ),
                _ => format!(
                    "There were {} {noun} in the survey. Of those, {}{apposed} {predicate}.",
                    commas(whole),
                    count(c, part, false)
                ),
            }
        };
        // The same chooser state for both, so the twins differ only in the share.
        let seed = c.next();
        let bad_text = make(&bad, &mut Chooser::new(seed));
        let good_text = make(&good, &mut Chooser::new(seed));
        Some(Case::new(bad_text, good_text))
    })
}
