//! The words the recognizers know: month and weekday names, number words.
//!
//! A leaf module (no imports from the crate), so that `build.rs` can include it to build
//! the recognizers' automata from the same tables the code reads.

/// Month names and abbreviations with their numbers (1 = January).
pub const MONTHS: &[(&str, i8)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sept", 9),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Weekday names and abbreviations with their numbers (1 = Monday).
pub const WEEKDAYS: &[(&str, i8)] = &[
    ("Monday", 1),
    ("Tuesday", 2),
    ("Wednesday", 3),
    ("Thursday", 4),
    ("Friday", 5),
    ("Saturday", 6),
    ("Sunday", 7),
    ("Mon", 1),
    ("Tues", 2),
    ("Tue", 2),
    ("Wed", 3),
    ("Thurs", 4),
    ("Thur", 4),
    ("Thu", 4),
    ("Fri", 5),
    ("Sat", 6),
    ("Sun", 7),
];

/// Number words below twenty.
pub const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// Multiples of ten.
pub const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words.
pub const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Fraction denominators ("two-thirds", "a quarter").
pub const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// The number of days in `month` of `year` (0 for a month that does not exist).
pub fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// The name of month `m` (1-12), or "".
pub fn month_name(m: i8) -> &'static str {
    MONTHS.iter().find(|(_, v)| *v == m).map_or("", |(n, _)| n)
}

/// The number of a month name or abbreviation, in any ASCII case.
pub fn month_number(name: &str) -> Option<i8> {
    MONTHS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, m)| m)
}

/// Plurals whose singular is not the word less its -s, and nouns whose plural is the
/// singular ("aircraft"), each with the singular (its lemma).
pub const PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("children", "child"),
    ("men", "man"),
    ("women", "woman"),
    ("aircraft", "aircraft"),
    ("spacecraft", "spacecraft"),
    ("staff", "staff"),
    ("personnel", "personnel"),
    ("cattle", "cattle"),
    ("sheep", "sheep"),
    ("deer", "deer"),
    ("fish", "fish"),
    ("livestock", "livestock"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("teeth", "tooth"),
    ("feet", "foot"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("thieves", "thief"),
    ("wolves", "wolf"),
    ("shelves", "shelf"),
    ("series", "series"),
    ("species", "species"),
];

/// The singular of a noun read as a plural ("beds": "bed", "countries": "country",
/// "children": "child", "aircraft": "aircraft"); `None` when the word does not read as
/// a plural ("bus", "analysis", "hospital"). Lower-case input.
pub fn plural_lemma(word: &str) -> Option<String> {
    if let Some(&(_, lemma)) = PLURALS.iter().find(|(p, _)| *p == word) {
        return Some(lemma.to_string());
    }
    if word.len() < 3
        || !word.ends_with('s')
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
    {
        return None;
    }
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return Some(format!("{stem}y"));
    }
    if let Some(stem) = word.strip_suffix("es").filter(|s| {
        s.ends_with("ss")
            || s.ends_with("us")
            || s.ends_with("ch")
            || s.ends_with("sh")
            || s.ends_with('x')
    }) {
        return Some(stem.to_string());
    }
    word.strip_suffix('s').map(str::to_string)
}

/// The singular of a noun, plural or not ("beds" and "bed": "bed").
pub fn noun_lemma(word: &str) -> String {
    plural_lemma(word).unwrap_or_else(|| word.to_string())
}
