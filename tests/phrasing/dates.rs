//! Grammars of the date checks.

use jiff::civil::{Date, Weekday};

use super::grammar::{generate, Case, Chooser};

pub fn checks() -> Vec<(&'static str, Vec<Case>)> {
    vec![("date.weekday-mismatch", weekday_mismatch())]
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// A date as news writes it, with its weekday.
fn dated(c: &mut Chooser, weekday: &str, date: Date, year: bool) -> String {
    let month = MONTHS[date.month() as usize - 1];
    let day = date.day();
    let short = &weekday[..3];
    match (c.range(0, 4), year) {
        (0, true) => format!("{weekday}, {month} {day}, {}", date.year()),
        (0, false) => format!("{weekday}, {month} {day}"),
        (1, true) => format!("{weekday} {day} {month} {}", date.year()),
        (1, false) => format!("{weekday} {day} {month}"),
        (2, true) => format!("{weekday}, {day} {month} {}", date.year()),
        (2, false) => format!("{weekday}, {day} {month}"),
        (3, _) => format!("{short}. {month} {day}, {}", date.year()),
        (_, _) => format!("{weekday} ({month} {day}, {})", date.year()),
    }
}

fn weekday_mismatch() -> Vec<Case> {
    const FRAMES: &[&str] = &[
        "The hearing is set for {D}, a court clerk said.",
        "Voters go to the polls on {D}.",
        "The plant closed on {D} after the storm.",
        "On {D}, the committee published its findings.",
        "Talks resumed on {D} in the capital.",
        "The festival opens {D} and runs for a week.",
        "Officials said the road would reopen by {D}.",
        "The company reported its results late on {D}.",
    ];
    generate(600, 2, |c| {
        let year = c.range(2023, 2025) as i16;
        let month = c.range(1, 12) as i8;
        let day = c.range(1, 28) as i8;
        let date = Date::new(year, month, day).ok()?;
        let right = date.weekday();
        let wrong = right.wrapping_add(c.range(1, 6) as i32);
        let frame = *c.pick(FRAMES);
        let with_year = c.chance(2);
        let seed = c.next();
        let bad = frame.replace(
            "{D}",
            &dated(
                &mut Chooser::new(seed),
                weekday_name(wrong),
                date,
                with_year,
            ),
        );
        let good = frame.replace(
            "{D}",
            &dated(
                &mut Chooser::new(seed),
                weekday_name(right),
                date,
                with_year,
            ),
        );
        let article = if with_year {
            "2024-06-12"
        } else {
            match year {
                2023 => "2023-06-12",
                2024 => "2024-06-12",
                _ => "2025-06-12",
            }
        };
        Some(Case::new(bad, good).dated(article))
    })
}
