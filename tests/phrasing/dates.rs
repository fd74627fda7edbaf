//! Grammars of the date checks.
//!
//! Every date in a case is built with jiff from the article's date, so that an error
//! sentence is wrong for that date and its twin right. Dates without a year are kept
//! within a few months of the article's date, where the year a reader (and the news
//! convention of leaving out the current year) gives them is not in doubt.

use jiff::civil::{Date, Weekday};
use jiff::{ToSpan, Unit};

use super::grammar::{capital, commas, generate, words, Case, Chooser};

pub fn checks() -> Vec<(&'static str, Vec<Case>)> {
    vec![
        ("date.weekday-mismatch", weekday_mismatch()),
        ("date.invalid", invalid_date()),
        ("date.future-as-past", future_as_past()),
        ("date.past-as-future", past_as_future()),
        ("date.relative-mismatch", relative_mismatch()),
        ("date.range-reversed", range_reversed()),
        ("date.duration-mismatch", duration_mismatch()),
        ("date.age-mismatch", age_mismatch()),
        ("date.stale-as-of", stale_as_of()),
    ]
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

/// Month abbreviations as British papers write them, day first and no full stop.
const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Month abbreviations as news agencies write them (short months stay whole).
const ABBR: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
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

/// An article date for a case: it lives as long as the test.
fn stamp(d: Date) -> &'static str {
    Box::leak(d.to_string().into_boxed_str())
}

fn shift(d: Date, days: i64) -> Date {
    d.checked_add(days.days()).expect("a date in range")
}

/// A day in `first..=last` of the years given (days 1 to 28, so any month has it).
fn some_date(c: &mut Chooser, first: i16, last: i16) -> Date {
    let y = c.range(first as u64, last as u64) as i16;
    let m = c.range(1, 12) as i8;
    let d = c.range(1, 28) as i8;
    Date::new(y, m, d).expect("a valid date")
}

fn month(d: Date) -> &'static str {
    MONTHS[d.month() as usize - 1]
}

fn ordinal(n: i8) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// How many day-date forms [`day_date`] knows.
const DAY_FORMS: u64 = 8;

/// A day as news writes it, in form `form`, with or without its year.
fn day_date(form: u64, d: Date, year: bool) -> String {
    let (m, a, n, y) = (month(d), ABBR[d.month() as usize - 1], d.day(), d.year());
    let o = ordinal(n);
    match (form % DAY_FORMS, year) {
        (0, true) => format!("{m} {n}, {y}"),
        (1, true) => format!("{n} {m} {y}"),
        (2, true) => format!("{a} {n}, {y}"),
        (3, true) => format!("{m} {o}, {y}"),
        (4, true) => format!("{o} {m} {y}"),
        (5, true) => format!("the {o} of {m} {y}"),
        (6, true) => format!("{y}-{:02}-{n:02}", d.month()),
        (7, true) => format!("{n} {} {y}", SHORT[d.month() as usize - 1]),
        (1 | 7, false) => format!("{n} {m}"),
        (2, false) => format!("{a} {n}"),
        (3, false) => format!("{m} {o}"),
        (4, false) => format!("{o} {m}"),
        (5, false) => format!("the {o} of {m}"),
        (_, _) => format!("{m} {n}"),
    }
}

// ---------------------------------------------------------------------------------------
// date.weekday-mismatch

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

/// More ways news sets a weekday beside a date: abbreviations, ordinals, the weekday
/// after the date, numeric dates that read one way only.
fn dated_more(form: u64, w: Weekday, d: Date, year: bool) -> String {
    let name = weekday_name(w);
    let short = &name[..3];
    let tues = match w {
        Weekday::Tuesday => "Tues.",
        Weekday::Thursday => "Thurs.",
        Weekday::Wednesday => "Wed.",
        _ => "",
    };
    let (m, a, n, y) = (month(d), ABBR[d.month() as usize - 1], d.day(), d.year());
    let o = ordinal(n);
    let yr = |s: String| if year { format!("{s} {y}") } else { s };
    let yc = |s: String| if year { format!("{s}, {y}") } else { s };
    match form % 13 {
        0 => format!("{name} ({})", yc(format!("{m} {n}"))),
        1 => format!("{short}, {}", yr(format!("{n} {m}"))),
        2 => format!("{name} {}", yr(format!("{o} {m}"))),
        3 => format!("{name}, the {o} of {}", yr(m.to_string())),
        4 => format!("{} ({name})", yc(format!("{m} {n}"))),
        5 => format!("{}, a {name},", yc(format!("{m} {n}"))),
        6 => format!("{name} {}", yc(format!("{m} {n}"))),
        7 => format!("{name}, {}", yc(format!("{m} {o}"))),
        8 if !tues.is_empty() => format!("{tues} {}", yc(format!("{a} {n}"))),
        8 => format!(
            "{short} {}",
            yr(format!("{n} {}", SHORT[d.month() as usize - 1]))
        ),
        9 if year => format!("{name}, {y}-{:02}-{n:02}", d.month()),
        10 if year && n > 12 => format!("{name} {n}/{:02}/{y}", d.month()),
        11 if year && n > 12 => format!("{name}, {}/{n}/{y}", d.month()),
        12 => format!("{} ({short})", yr(format!("{n} {m}"))),
        _ => format!("{name}, {}", yr(format!("{n} {m}"))),
    }
}

/// An article date near `d` (for dates without a year: the year nearest it is `d`'s).
fn near(c: &mut Chooser, d: Date) -> Date {
    shift(d, c.range(0, 120) as i64 - 60)
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
    const MORE: &[&str] = &[
        "The inquiry sits again on {D}, its chair said.",
        "Trading was halted on {D} after the outage.",
        "{D}: polls open at 7 a.m. across the state.",
        "The strike, called for {D}, was later suspended.",
        "Ticket holders were told to arrive early on {D}.",
        "The minister flies to Brussels on {D} for the summit.",
        "Rain is forecast for {D}, the weather service said.",
        "He was last seen on {D} near the harbour.",
        "Applications close at noon on {D}.",
        "Until {D}, the museum is closed for repairs.",
        "The bill goes before the Senate on {D}.",
        "By {D}, most of the snow had melted.",
    ];
    const RANGES: &[&str] = &[
        "The fair runs {R}.",
        "Roads around the stadium will be closed {R}.",
        "The union called a strike {R}.",
        "Polling stations were open {R}.",
        "Hearings were held {R} in the old courthouse.",
        "The museum will open late {R}.",
    ];
    let mut cases = generate(300, 2, |c| {
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
        // A date without a year is read in the year nearest the article's date: the
        // article is set within two months of it (a mid-June article would put a date
        // in late December in the year before, on another weekday).
        let article = if with_year {
            "2024-06-12"
        } else {
            stamp(near(c, date))
        };
        Some(Case::new(bad, good).dated(article))
    });
    cases.extend(generate(200, 21, |c| {
        let date = some_date(c, 2019, 2026);
        let right = date.weekday();
        let wrong = right.wrapping_add(c.range(1, 6) as i32);
        let with_year = c.chance(2);
        let form = c.next();
        let frame = *c.pick(MORE);
        let put = |w| {
            let d = dated_more(form, w, date, with_year);
            let d = if frame.starts_with("{D}") {
                capital(&d)
            } else {
                d
            };
            frame
                .replace("{D}", &d)
                .replace(",,", ",")
                .replace(", .", ".")
        };
        let article = if with_year {
            shift(date, c.range(0, 700) as i64 - 350)
        } else {
            near(c, date)
        };
        Some(Case::new(put(wrong), put(right)).dated(stamp(article)))
    }));
    cases.extend(generate(120, 22, |c| {
        let start = some_date(c, 2019, 2026);
        let end = shift(start, c.range(1, 4) as i64);
        let off = c.range(1, 6) as i32;
        let with_year = c.chance(2);
        let form = c.range(0, 5);
        let frame = *c.pick(RANGES);
        let put = |w1: Weekday, w2: Weekday| {
            let (n1, n2) = (weekday_name(w1), weekday_name(w2));
            let (m1, m2) = (month(start), month(end));
            let (d1, d2) = (start.day(), end.day());
            let y = if with_year {
                format!(", {}", end.year())
            } else {
                String::new()
            };
            let same = start.month() == end.month();
            let r = match form {
                0 if same => format!("from {n1} to {n2} ({m1} {d1}-{d2}{y})"),
                1 if same => format!("{n1} to {n2}, {d1}-{d2} {m1}{}", y.replace(',', "")),
                2 => format!("from {n1}, {m1} {d1}, to {n2}, {m2} {d2}{y}"),
                3 => format!("between {n1}, {m1} {d1}, and {n2}, {m2} {d2}{y}"),
                4 => format!(
                    "from {n1} {d1} {m1} until {n2} {d2} {m2}{}",
                    y.replace(',', "")
                ),
                _ => format!("{n1}, {m1} {d1}, through {n2}, {m2} {d2}{y}"),
            };
            frame.replace("{R}", &r)
        };
        let bad = put(
            start.weekday().wrapping_add(off),
            end.weekday().wrapping_add(off),
        );
        let good = put(start.weekday(), end.weekday());
        let article = if with_year && c.chance(2) {
            shift(start, c.range(0, 700) as i64 - 350)
        } else {
            near(c, start)
        };
        Some(Case::new(bad, good).dated(stamp(article)))
    }));
    cases
}

// ---------------------------------------------------------------------------------------
// date.invalid

/// A day, month and year that may not exist, written as news writes dates.
fn loose_date(form: u64, y: i16, m: i8, n: i8, year: bool) -> String {
    let (mn, a) = (MONTHS[m as usize - 1], ABBR[m as usize - 1]);
    let o = ordinal(n);
    match (form % 11, year) {
        (0, true) => format!("{mn} {n}, {y}"),
        (1, true) => format!("{n} {mn} {y}"),
        (2, true) => format!("{a} {n}, {y}"),
        (3, true) => format!("{mn} {o}, {y}"),
        (4, true) => format!("{o} {mn} {y}"),
        (5, true) => format!("the {o} of {mn} {y}"),
        (6, true) => format!("{y}-{m:02}-{n:02}"),
        (7, true) => format!("{n}/{m:02}/{y}"),
        (8, true) => format!("{m}/{n}/{y}"),
        (9, true) => format!("{n} {} {y}", SHORT[m as usize - 1]),
        (10, true) => format!("{mn} {n} {y}"),
        (1 | 7 | 9, false) => format!("{n} {mn}"),
        (2, false) => format!("{a} {n}"),
        (3, false) => format!("{mn} {o}"),
        (4, false) => format!("{o} {mn}"),
        (5, false) => format!("the {o} of {mn}"),
        (_, false) => format!("{mn} {n}"),
        (_, true) => format!("{mn} {n}, {y}"),
    }
}

fn invalid_date() -> Vec<Case> {
    const FRAMES: &[&str] = &[
        "The deadline for applications is {D}.",
        "Filings closed on {D}, the regulator said.",
        "The lease, signed {D}, runs for five years.",
        "Ballots must be postmarked by {D}.",
        "The letter is dated {D} and bears the minister's signature.",
        "Work on the bridge is due to finish on {D}.",
        "The festival's closing night falls on {D}.",
        "Police said the break-in was reported on {D}.",
        "The new fares take effect {D}.",
        "The company's fiscal quarter ended {D}.",
        "Registration stays open until {D}.",
        "According to the minutes, the board met on {D}.",
        "In the week ending {D}, rainfall was twice the average.",
        "The judge adjourned the case to {D}.",
        "Tickets bought before {D} will be honoured.",
        "The report, published {D}, runs to 200 pages.",
        "{D} is the last day to claim the rebate.",
        "The ship is expected to dock on {D}, the port authority said.",
        "Her contract runs through {D}.",
        "The figures cover the period up to {D}.",
        "A memorial service will be held on {D} at the cathedral.",
        "Residents have until {D} to comment on the plans.",
    ];
    const SPANS: &[&str] = &[
        "The conference runs {R}.",
        "Hearings were held {R} at the county court.",
        "The town marks its founding with a fair {R}.",
        "Trains will not run {R} while the tracks are replaced.",
    ];
    let mut cases = generate(480, 3, |c| {
        let year = c.range(2018, 2027) as i16;
        let leap = |y: i16| Date::new(y, 2, 29).is_ok();
        let with_year = !c.chance(4);
        // (month, wrong day, right day, right year)
        let (m, bad_day, good_day, good_year) = match c.range(0, 9) {
            0..=4 => {
                let m = *c.pick(&[4i8, 6, 9, 11]);
                (m, 31, *c.pick(&[30i8, 30, 29, 1]), year)
            }
            5 | 6 => (2, *c.pick(&[30i8, 31]), 28, year),
            7 | 8 => {
                if leap(year) {
                    return None;
                }
                if c.chance(2) {
                    (2, 29, 28, year)
                } else {
                    let to = *c.pick(&[2020i16, 2024, 2028, 2016]);
                    (2, 29, 29, to)
                }
            }
            _ => {
                let m = c.range(1, 12) as i8;
                (m, *c.pick(&[32i8, 33, 35]), *c.pick(&[22i8, 23, 25]), year)
            }
        };
        // 29 February without a year may be a leap day; 31 April without one is not.
        let with_year = with_year || (m == 2 && bad_day == 29);
        let form = c.next();
        if !with_year && [6, 8].contains(&(form % 11)) {
            return None;
        }
        let frame = *c.pick(FRAMES);
        let put = |y: i16, d: i8| {
            let s = loose_date(form, y, m, d, with_year);
            let s = if frame.starts_with("{D}") {
                capital(&s)
            } else {
                s
            };
            frame.replace("{D}", &s)
        };
        Some(Case::new(put(year, bad_day), put(good_year, good_day)))
    });
    cases.extend(generate(120, 31, |c| {
        let year = c.range(2018, 2027) as i16;
        let m = *c.pick(&[4i8, 6, 9, 11, 2]);
        let last = if m == 2 { 28 } else { 30 };
        if m == 2 && Date::new(year, 2, 29).is_ok() {
            return None;
        }
        let (mn, a) = (MONTHS[m as usize - 1], ABBR[m as usize - 1]);
        let len = c.range(1, 4) as i8;
        // 29 February without a year may be a leap day.
        let year_s = if m == 2 || c.chance(2) {
            format!(" {year}")
        } else {
            String::new()
        };
        let form = c.range(0, 4);
        let put = |end: i8| {
            let start = end - len;
            let r = match form {
                0 => format!("from {mn} {start} to {end}{}", year_s.replace(' ', ", ")),
                1 => format!("on {start}-{end} {mn}{year_s}"),
                2 => format!(
                    "between {a} {start} and {a} {end}{}",
                    year_s.replace(' ', ", ")
                ),
                3 => format!("from {start} to {end} {mn}{year_s}"),
                _ => format!("on {mn} {start}-{end}{}", year_s.replace(' ', ", ")),
            };
            r
        };
        let frame = *c.pick(SPANS);
        let bad = frame.replace("{R}", &put(last + 1));
        let good = frame.replace("{R}", &put(last));
        Some(Case::new(bad, good))
    }));
    cases
}

// ---------------------------------------------------------------------------------------
// date.future-as-past and date.past-as-future

/// How an event's verb takes a tense.
#[derive(Clone, Copy, PartialEq)]
enum Voice {
    /// "voted", "will vote".
    Active,
    /// "was signed", "will be signed".
    Passive,
    /// "died": no plan or future twin reads well.
    Final,
}

/// An event news dates: subject, plural, base, past, participle, object, what follows.
struct Event {
    subject: &'static str,
    plural: bool,
    base: &'static str,
    past: &'static str,
    participle: &'static str,
    object: &'static str,
    post: &'static str,
    voice: Voice,
}

const fn ev(
    subject: &'static str,
    plural: bool,
    verb: [&'static str; 3],
    object: &'static str,
    post: &'static str,
    voice: Voice,
) -> Event {
    Event {
        subject,
        plural,
        base: verb[0],
        past: verb[1],
        participle: verb[2],
        object,
        post,
        voice,
    }
}

use Voice::{Active, Final, Passive};

const EVENTS: &[Event] = &[
    ev(
        "The council",
        false,
        ["vote", "voted", "voted"],
        "",
        " to close the old depot",
        Active,
    ),
    ev(
        "The board",
        false,
        ["approve", "approved", "approved"],
        " the budget",
        "",
        Active,
    ),
    ev(
        "Lawmakers",
        true,
        ["pass", "passed", "passed"],
        " the housing bill",
        "",
        Active,
    ),
    ev(
        "The minister",
        false,
        ["announce", "announced", "announced"],
        " her resignation",
        "",
        Active,
    ),
    ev(
        "The chief executive",
        false,
        ["testify", "testified", "testified"],
        "",
        " before the Senate committee",
        Active,
    ),
    ev(
        "Inspectors",
        true,
        ["inspect", "inspected", "inspected"],
        " the site",
        "",
        Active,
    ),
    ev(
        "The treaty",
        false,
        ["", "", "signed"],
        "",
        " in Geneva",
        Passive,
    ),
    ev(
        "The central bank",
        false,
        ["raise", "raised", "raised"],
        " interest rates",
        "",
        Active,
    ),
    ev(
        "The company",
        false,
        ["release", "released", "released"],
        " its annual report",
        "",
        Active,
    ),
    ev(
        "The summit",
        false,
        ["take place", "took place", "taken place"],
        "",
        " in Lisbon",
        Active,
    ),
    ev(
        "The new bridge",
        false,
        ["open", "opened", "opened"],
        "",
        " to traffic",
        Active,
    ),
    ev(
        "The jury",
        false,
        ["deliver", "delivered", "delivered"],
        " its verdict",
        "",
        Active,
    ),
    ev(
        "The two sides",
        true,
        ["sign", "signed", "signed"],
        " a ceasefire",
        "",
        Active,
    ),
    ev(
        "The final",
        false,
        ["", "", "played"],
        "",
        " before a full stadium",
        Passive,
    ),
    ev(
        "The museum",
        false,
        ["reopen", "reopened", "reopened"],
        " its east wing",
        "",
        Active,
    ),
    ev(
        "The suspect",
        false,
        ["", "", "arrested"],
        "",
        " at his home",
        Passive,
    ),
    ev(
        "The mayor",
        false,
        ["unveil", "unveiled", "unveiled"],
        " the new masterplan",
        "",
        Active,
    ),
    ev(
        "Nurses",
        true,
        ["walk", "walked", "walked"],
        " off the job",
        "",
        Active,
    ),
    ev(
        "The court",
        false,
        ["rule", "ruled", "ruled"],
        "",
        " in favour of the tenants",
        Active,
    ),
    ev(
        "Voters",
        true,
        ["go", "went", "gone"],
        " to the polls",
        "",
        Active,
    ),
    ev(
        "The new senator",
        false,
        ["", "", "sworn in"],
        "",
        "",
        Passive,
    ),
    ev(
        "The prime minister",
        false,
        ["meet", "met", "met"],
        " union leaders",
        "",
        Active,
    ),
    ev(
        "The airline",
        false,
        ["cancel", "cancelled", "cancelled"],
        " more than 200 flights",
        "",
        Active,
    ),
    ev(
        "The inquiry's report",
        false,
        ["", "", "published"],
        "",
        "",
        Passive,
    ),
    ev(
        "Firefighters",
        true,
        ["bring", "brought", "brought"],
        " the blaze under control",
        "",
        Active,
    ),
    ev(
        "The former mayor",
        false,
        ["die", "died", "died"],
        "",
        " at the age of 81",
        Final,
    ),
    ev(
        "The agency",
        false,
        ["launch", "launched", "launched"],
        " the weather satellite",
        "",
        Active,
    ),
    ev(
        "The contract",
        false,
        ["", "", "awarded"],
        "",
        " to a local firm",
        Passive,
    ),
    ev(
        "The governor",
        false,
        ["sign", "signed", "signed"],
        " the budget into law",
        "",
        Active,
    ),
    ev(
        "The band",
        false,
        ["play", "played", "played"],
        " its farewell concert",
        "",
        Active,
    ),
    ev(
        "The steelworks",
        false,
        ["", "", "shut down"],
        "",
        "",
        Passive,
    ),
    ev(
        "Shareholders",
        true,
        ["reject", "rejected", "rejected"],
        " the takeover bid",
        "",
        Active,
    ),
    ev(
        "The striker",
        false,
        ["sign", "signed", "signed"],
        " a new contract",
        "",
        Active,
    ),
    ev(
        "The ministry",
        false,
        ["publish", "published", "published"],
        " the guidance",
        "",
        Active,
    ),
    ev(
        "Police",
        true,
        ["search", "searched", "searched"],
        " the warehouse",
        "",
        Active,
    ),
    ev(
        "The festival",
        false,
        ["", "", "held"],
        "",
        " on the old airfield",
        Passive,
    ),
    ev(
        "The patient",
        false,
        ["", "", "discharged"],
        "",
        " from hospital",
        Passive,
    ),
    ev(
        "The regulator",
        false,
        ["fine", "fined", "fined"],
        " the bank",
        "",
        Active,
    ),
    ev(
        "Negotiators",
        true,
        ["reach", "reached", "reached"],
        " a deal",
        "",
        Active,
    ),
    ev(
        "The president",
        false,
        ["visit", "visited", "visited"],
        " the flooded towns",
        "",
        Active,
    ),
];

const SPEAKERS: &[&str] = &[
    "a spokeswoman",
    "officials",
    "the chair",
    "an aide",
    "a statement",
    "organisers",
];

/// The form a verb is written in.
#[derive(Clone, Copy)]
enum Tense {
    Past,
    Perfect,
    Future,
    /// A present cue of the future ("is scheduled to", "plans to"), singular.
    Cue(&'static str),
    /// A past plan ("was scheduled to", "had planned to"), singular.
    Plan(&'static str),
    /// "If ... had voted", after "had".
    Had,
}

fn plural_cue(cue: &str) -> String {
    if let Some(rest) = cue.strip_prefix("is ") {
        return format!("are {rest}");
    }
    if let Some(rest) = cue.strip_prefix("was ") {
        return format!("were {rest}");
    }
    for (one, many) in [
        ("plans to", "plan to"),
        ("intends to", "intend to"),
        ("aims to", "aim to"),
        ("hopes to", "hope to"),
    ] {
        if cue == one {
            return many.to_string();
        }
    }
    cue.to_string()
}

fn verb(e: &Event, t: Tense) -> String {
    let (was, has) = if e.plural {
        ("were", "have")
    } else {
        ("was", "has")
    };
    let passive = e.voice == Passive;
    let p = e.participle;
    match t {
        Tense::Past if passive => format!("{was} {p}"),
        Tense::Past => e.past.to_string(),
        Tense::Perfect if passive => format!("{has} been {p}"),
        Tense::Perfect => format!("{has} {p}"),
        Tense::Future if passive => format!("will be {p}"),
        Tense::Future => format!("will {}", e.base),
        Tense::Had if passive => format!("had been {p}"),
        Tense::Had => format!("had {p}"),
        Tense::Cue(c) | Tense::Plan(c) => {
            let c = if e.plural {
                plural_cue(c)
            } else {
                c.to_string()
            };
            if passive {
                format!("{c} be {p}")
            } else {
                format!("{c} {}", e.base)
            }
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// "a eight-week strike" -> "an eight-week strike", "a 80-year-old" -> "an 80-year-old",
/// "a architect" -> "an architect".
fn an(s: String) -> String {
    let mut out = s.replace(" a architect", " an architect");
    for lead in ["eight", "eleven", "8", "11", "18"] {
        out = out
            .replace(&format!(" a {lead}-"), &format!(" an {lead}-"))
            .replace(&format!("A {lead}-"), &format!("An {lead}-"));
    }
    for tens in 80..90 {
        out = out.replace(&format!(" a {tens}-"), &format!(" an {tens}-"));
    }
    out
}

/// The event's clause with the date phrase in place `place`.
fn clause(e: &Event, v: &str, when: &str, place: u64, start: bool) -> String {
    let s = if start {
        e.subject.to_string()
    } else {
        lower_first(e.subject)
    };
    let (o, p) = (e.object, e.post);
    match place {
        0 => format!("{s} {v}{o} {when}{p}"),
        1 => format!("{s} {v}{o}{p} {when}"),
        _ if start => format!("{}, {} {v}{o}{p}", capital(when), lower_first(e.subject)),
        _ => format!("{when}, {} {v}{o}{p}", lower_first(e.subject)),
    }
}

/// A date on the wrong side of the article's date, and one on the right side, written
/// alike: (phrase with its preposition, twin phrase, or `None` when the form does not
/// fit).
#[derive(Clone, Copy, PartialEq)]
enum Side {
    After,
    Before,
}

fn sided(c: &mut Chooser, reference: Date, wrong: Side) -> Option<(String, String, bool)> {
    let sign = |s: Side| if s == Side::After { 1i64 } else { -1 };
    let right = if wrong == Side::After {
        Side::Before
    } else {
        Side::After
    };
    let form = c.next();
    // The wrong date, the right one, and whether "on" may be dropped (a day date).
    match c.range(0, 19) {
        0..=10 => {
            let bad = shift(reference, sign(wrong) * c.range(4, 330) as i64);
            let good = shift(reference, sign(right) * c.range(4, 330) as i64);
            let on = if c.chance(4) { "" } else { "on " };
            Some((
                format!("{on}{}", day_date(form, bad, true)),
                format!("{on}{}", day_date(form, good, true)),
                on.is_empty(),
            ))
        }
        11..=15 => {
            // No year: the current year, by news convention and as the nearest one.
            let bad = shift(reference, sign(wrong) * c.range(4, 100) as i64);
            let good = shift(reference, sign(right) * c.range(4, 100) as i64);
            if bad.year() != reference.year() || good.year() != reference.year() {
                return None;
            }
            let on = if c.chance(4) { "" } else { "on " };
            Some((
                format!("{on}{}", day_date(form, bad, false)),
                format!("{on}{}", day_date(form, good, false)),
                on.is_empty(),
            ))
        }
        16..=18 => {
            let step = |s: Side, n: i64| -> Option<Date> {
                let first = reference.first_of_month();
                let d = first.checked_add((sign(s) * n).months()).ok()?;
                let ok = match s {
                    Side::After => d > shift(reference, 3),
                    Side::Before => d.last_of_month() < shift(reference, -3),
                };
                ok.then_some(d)
            };
            let bad = step(wrong, c.range(1, 9) as i64)?;
            let good = step(right, c.range(1, 9) as i64)?;
            let m = |d: Date| format!("in {} {}", month(d), d.year());
            Some((m(bad), m(good), false))
        }
        _ => {
            let n = c.range(1, 3) as i16;
            let y = reference.year();
            let (bad, good) = if wrong == Side::After {
                (y + n, y - n)
            } else {
                (y - n, y + n)
            };
            Some((format!("in {bad}"), format!("in {good}"), false))
        }
    }
}

fn future_as_past() -> Vec<Case> {
    const PLANS: &[&str] = &[
        "was scheduled to",
        "was due to",
        "was expected to",
        "was set to",
        "was supposed to",
    ];
    generate(620, 4, |c| {
        let reference = some_date(c, 2019, 2025);
        let e = c.pick(EVENTS);
        let (when, when_twin, bare) = sided(c, reference, Side::After)?;
        let place = if bare { 0 } else { c.range(0, 2) };
        let tense = if c.chance(5) && e.voice != Final {
            Tense::Perfect
        } else {
            Tense::Past
        };
        let v = verb(e, tense);
        let speaker = *c.pick(SPEAKERS);
        let kind = c.range(0, 99);
        let (bad, good) = match kind {
            0..=7 => {
                // Reported: what officials say happened cannot have happened yet.
                let said = if speaker == "a statement" {
                    "A statement said".to_string()
                } else {
                    format!("{} said", capital(speaker))
                };
                let place = place.min(1);
                (
                    format!("{said} {}.", clause(e, &v, &when, place, false)),
                    format!("{said} {}.", clause(e, &v, &when_twin, place, false)),
                )
            }
            60..=73 if e.voice != Final => (
                format!("{}.", clause(e, &v, &when, place, true)),
                format!(
                    "{}.",
                    clause(e, &verb(e, Tense::Future), &when, place, true)
                ),
            ),
            74..=85 if e.voice != Final => {
                let plan = *c.pick(PLANS);
                let plan = Tense::Plan(plan);
                (
                    format!("{}.", clause(e, &v, &when, place, true)),
                    format!("{}.", clause(e, &verb(e, plan), &when, place, true)),
                )
            }
            86..=92 if e.voice != Final => {
                let v = verb(e, Tense::Past);
                (
                    format!(
                        "{}, a step few had expected.",
                        clause(e, &v, &when, 1, true)
                    ),
                    format!(
                        "If {}, it would be a step few had expected.",
                        clause(e, &v, &when, 1, false)
                    ),
                )
            }
            93..=99 if e.voice != Final && speaker != "a statement" => (
                format!("{}, {speaker} said.", clause(e, &v, &when, 1, true)),
                format!(
                    "\"{},\" {speaker} said.",
                    clause(e, &verb(e, Tense::Future), &when, 1, true)
                ),
            ),
            _ => (
                format!("{}.", clause(e, &v, &when, place, true)),
                format!("{}.", clause(e, &v, &when_twin, place, true)),
            ),
        };
        Some(Case::new(bad, good).dated(stamp(reference)))
    })
}

fn past_as_future() -> Vec<Case> {
    const CUES: &[&str] = &[
        "is to",
        "plans to",
        "is scheduled to",
        "is expected to",
        "is set to",
        "is due to",
        "is slated to",
        "intends to",
        "is going to",
        "aims to",
    ];
    /// Cues that need a subject that can plan.
    const AGENT: &[&str] = &["plans to", "intends to", "aims to"];
    const PLANS: &[&str] = &[
        "was scheduled to",
        "was to",
        "had been expected to",
        "was due to",
    ];
    const NOUNS: &[(&str, &str)] = &[
        ("The vote on the new constitution", "is scheduled for"),
        ("The hearing", "is set for"),
        ("The launch", "is planned for"),
        ("Polling day", "is fixed for"),
        ("The opening ceremony", "is due on"),
        ("The sentencing", "is expected on"),
        ("The first flight from the new terminal", "is scheduled for"),
        ("A decision on the merger", "is expected by"),
        ("The deadline for bids", "falls on"),
        ("Completion of the works", "is planned for"),
    ];
    let mut cases = generate(520, 5, |c| {
        let reference = some_date(c, 2019, 2025);
        let e = c.pick(EVENTS);
        if e.voice == Final {
            return None;
        }
        let (when, when_twin, bare) = sided(c, reference, Side::Before)?;
        let place = if bare { 0 } else { c.range(0, 2) };
        let tense = if c.chance(3) {
            Tense::Future
        } else {
            let cue = *c.pick(CUES);
            let agent = e.voice == Active
                && !e.subject.contains("summit")
                && !e.subject.contains("bridge")
                && !e.subject.contains("museum");
            if AGENT.contains(&cue) && !agent {
                return None;
            }
            Tense::Cue(cue)
        };
        let v = verb(e, tense);
        let speaker = *c.pick(SPEAKERS);
        let (bad, good) = match c.range(0, 99) {
            60..=73 => (
                format!("{}.", clause(e, &v, &when, place, true)),
                format!("{}.", clause(e, &verb(e, Tense::Past), &when, place, true)),
            ),
            74..=86 => {
                let plan = *c.pick(PLANS);
                let plan = Tense::Plan(plan);
                (
                    format!("{}.", clause(e, &v, &when, place, true)),
                    format!("{}.", clause(e, &verb(e, plan), &when, place, true)),
                )
            }
            87..=93 if speaker != "a statement" => (
                format!("{}, {speaker} said.", clause(e, &v, &when, 1, true)),
                format!(
                    "\"{},\" {speaker} had said at the time.",
                    clause(e, &v, &when, 1, true)
                ),
            ),
            94..=99 => (
                format!(
                    "{}, and the outcome could change everything.",
                    clause(e, &v, &when, 1, true)
                ),
                format!(
                    "If {}, the outcome could have changed everything.",
                    clause(e, &verb(e, Tense::Had), &when, 1, false)
                ),
            ),
            _ => (
                format!("{}.", clause(e, &v, &when, place, true)),
                format!("{}.", clause(e, &v, &when_twin, place, true)),
            ),
        };
        Some(Case::new(bad, good).dated(stamp(reference)))
    });
    cases.extend(generate(100, 51, |c| {
        let reference = some_date(c, 2019, 2025);
        let (noun, cue) = *c.pick(NOUNS);
        let (when, when_twin, _) = sided(c, reference, Side::Before)?;
        // "scheduled for on 3 May" does not read: the cue brings its own preposition.
        let strip = |w: &str| {
            w.strip_prefix("on ")
                .or_else(|| w.strip_prefix("in ").filter(|_| !cue.ends_with(" on")))
                .unwrap_or(w)
                .to_string()
        };
        let (when, when_twin) = (strip(&when), strip(&when_twin));
        let cue = match cue.strip_suffix(" on") {
            Some(short) if when.starts_with("in ") => short,
            _ => cue,
        };
        let past = cue.replacen("is ", "was ", 1).replace("falls", "fell");
        let bad = format!("{noun} {cue} {when}.");
        let good = if c.chance(3) {
            format!("{noun} {past} {when}.")
        } else {
            format!("{noun} {cue} {when_twin}.")
        };
        Some(Case::new(bad, good).dated(stamp(reference)))
    }));
    cases
}

// ---------------------------------------------------------------------------------------
// date.relative-mismatch

fn relative_mismatch() -> Vec<Case> {
    const PAST: &[&str] = &[
        "The bakery on the high street closed {R}.",
        "The minister resigned {R}, citing ill health.",
        "{R}, the committee met behind closed doors.",
        "The strike ended {R} after three weeks.",
        "Police made two arrests {R}, a spokesman said.",
        "The mill burned down {R}.",
        "Shares in the company fell sharply {R}.",
        "The ferry ran aground {R} off the northern coast.",
        "The club sacked its manager {R}.",
        "A jury acquitted the former director {R}.",
    ];
    const FUTURE: &[&str] = &[
        "The new line opens {R}.",
        "The council will vote on the plan {R}.",
        "{R}, the union will decide whether to strike.",
        "The minister is due to visit the site {R}.",
        "Results are expected {R}.",
        "The court will hand down its ruling {R}.",
    ];
    generate(640, 6, |c| {
        let reference = some_date(c, 2019, 2025);
        let year = c.chance(4);
        let form = c.next();
        let day = |d: Date| day_date(form, d, year);
        let wd = |d: Date| weekday_name(d.weekday()).to_string();
        let week_start = shift(
            reference,
            -i64::from(reference.weekday().to_monday_zero_offset()),
        );
        let months_back = |n: i64, dd: i8| -> Date {
            let m = reference
                .first_of_month()
                .checked_add((-n).months())
                .expect("in range");
            Date::new(m.year(), m.month(), dd.min(m.days_in_month())).expect("valid")
        };
        let pick_day = |c: &mut Chooser| c.range(1, 28) as i8;
        let other_weekday = |c: &mut Chooser, d: Date| {
            weekday_name(d.weekday().wrapping_add(c.range(1, 6) as i32)).to_string()
        };
        // (frame is future, relative words, right value, wrong value)
        let (future, rel, right, wrong) = match c.range(0, 12) {
            0 => {
                let y = shift(reference, -1);
                (false, "yesterday".to_string(), wd(y), other_weekday(c, y))
            }
            1 => {
                let y = shift(reference, -1);
                let off = c.range(3, 40) as i64;
                (false, "yesterday".to_string(), day(y), day(shift(y, -off)))
            }
            2 => {
                let t = shift(reference, 1);
                (true, "tomorrow".to_string(), wd(t), other_weekday(c, t))
            }
            3 => {
                let t = shift(reference, 1);
                let off = c.range(3, 40) as i64;
                (true, "tomorrow".to_string(), day(t), day(shift(t, off)))
            }
            4 => {
                let good = shift(week_start, -(c.range(1, 7) as i64));
                let bad = shift(reference, -(c.range(30, 90) as i64));
                (false, "last week".to_string(), day(good), day(bad))
            }
            5 => {
                let d = pick_day(c);
                let good = months_back(1, d);
                let bad = months_back(c.range(3, 5) as i64, d);
                (false, "last month".to_string(), day(good), day(bad))
            }
            6 => {
                let d = pick_day(c);
                let good = months_back(-1, d);
                let bad = months_back(c.range(2, 4) as i64, d);
                (true, "next month".to_string(), day(good), day(bad))
            }
            7 => {
                if reference.day() < 4 {
                    return None;
                }
                let good = Date::new(
                    reference.year(),
                    reference.month(),
                    c.range(1, reference.day() as u64 - 2) as i8,
                )
                .ok()?;
                let bad = months_back(c.range(2, 4) as i64, good.day());
                (false, "earlier this month".to_string(), day(good), day(bad))
            }
            8 => {
                let n = c.range(2, 12) as i16;
                let good = reference.year() - n;
                let bad = good - c.range(3, 6) as i16;
                let n_words = if n == 10 && c.chance(2) {
                    "a decade".to_string()
                } else if n < 10 || c.chance(2) {
                    words(n as u64)
                } else {
                    n.to_string()
                };
                (
                    false,
                    format!("{n_words} years ago"),
                    format!("in {good}"),
                    format!("in {bad}"),
                )
            }
            9 => {
                let good = reference.year() - 1;
                let bad = good - c.range(2, 6) as i16;
                (
                    false,
                    "last year".to_string(),
                    format!("in {good}"),
                    format!("in {bad}"),
                )
            }
            10 => {
                let good = shift(reference, -14);
                let bad = shift(reference, -(c.range(45, 120) as i64));
                (false, "two weeks ago".to_string(), day(good), day(bad))
            }
            11 => {
                // The latest such weekday, and in last week: both readings agree.
                let today = reference.weekday().to_monday_zero_offset() as u64;
                if today == 6 {
                    return None;
                }
                let good = shift(week_start, c.range(today + 1, 6) as i64 - 7);
                let bad = shift(good, -7 * c.range(3, 8) as i64);
                let w = wd(good);
                (false, format!("last {w}"), day(good), day(bad))
            }
            _ => (
                false,
                "today".to_string(),
                wd(reference),
                other_weekday(c, reference),
            ),
        };
        let future = future || (rel == "today" && c.chance(2));
        let frame = if future {
            *c.pick(FUTURE)
        } else {
            *c.pick(PAST)
        };
        let join = c.range(0, 5);
        let put = |value: &str| {
            let weekday = value.ends_with("day") && !value.contains(' ');
            let on = if value.starts_with("in ") || weekday && join != 4 {
                ""
            } else {
                "on "
            };
            let r = match join {
                0 | 1 => format!("{rel}, {on}{value}"),
                2 => format!("{rel} ({value})"),
                3 => format!("{rel}, {value},"),
                4 => format!("{on}{value} ({rel})"),
                _ => format!("{rel} — {on}{value} —"),
            };
            let r = if frame.starts_with("{R}") {
                capital(&r)
            } else {
                r
            };
            frame
                .replace("{R}", &r)
                .replace(",,", ",")
                .replace(", .", ".")
                .replace(",.", ".")
                .replace(" —.", ".")
                .replace(" —,", ",")
        };
        Some(Case::new(put(&wrong), put(&right)).dated(stamp(reference)))
    })
}

// ---------------------------------------------------------------------------------------
// date.range-reversed

fn range_reversed() -> Vec<Case> {
    const YEARS: &[&str] = &[
        "The pilot scheme ran {R} in three towns.",
        "She served as the city's mayor {R}.",
        "Output at the mine fell sharply {R}.",
        "The survey covered the years {Y}.",
        "Rents in the capital doubled {R}, the study found.",
        "Records for the period {P} were lost in the fire.",
        "The {P} drought emptied the reservoirs.",
        "The company was led by its founder {R}.",
        "He played for the club {R}, scoring 80 goals.",
        "The museum was closed for repairs {R}.",
        "Data from {R} show a steady rise in admissions.",
        "The bridge was rebuilt in stages ({P}).",
    ];
    const DAYS: &[&str] = &[
        "The road was closed {R}.",
        "The exhibition ran {R} at the city gallery.",
        "Voting took place {R}.",
        "The festival will be held {R}.",
        "Refunds apply to tickets bought {R}.",
        "The border crossing stayed shut {R}, officials said.",
        "Flights were grounded {R} after the eruption.",
        "The offer is valid {R}.",
    ];
    const MOVED: &[&str] = &["was brought forward", "was moved", "was pulled forward"];
    let mut cases = generate(320, 7, |c| {
        let a = c.range(1985, 2024) as i16;
        let b = a + c.range(1, 12) as i16;
        let frame = *c.pick(YEARS);
        let form = c.range(0, 5);
        let put = |x: i16, y: i16| {
            let r = match form {
                0 => format!("from {x} to {y}"),
                1 => format!("between {x} and {y}"),
                2 => format!("from {x} until {y}"),
                3 => format!("in {x}–{y}"),
                4 => format!("in {x}-{y}"),
                _ => format!("from {x} through {y}"),
            };
            let p = if form % 2 == 0 {
                format!("{x}–{y}")
            } else {
                format!("{x}-{y}")
            };
            let yrs = if form < 3 {
                format!("{x} to {y}")
            } else {
                p.clone()
            };
            let r = if frame.starts_with("Data from") {
                r.trim_start_matches("from ")
                    .trim_start_matches("in ")
                    .replace(" until ", " to ")
                    .replace(" through ", " to ")
                    .replace("between ", "")
                    .replace(" and ", " to ")
            } else {
                r
            };
            frame
                .replace("{R}", &r)
                .replace("{P}", &p)
                .replace("{Y}", &yrs)
        };
        Some(Case::new(put(b, a), put(a, b)))
    });
    cases.extend(generate(240, 71, |c| {
        let first = some_date(c, 2015, 2025);
        let second = shift(first, c.range(3, 200) as i64);
        let frame = *c.pick(DAYS);
        let f1 = c.range(0, 3);
        let shape = c.range(0, 5);
        let months = c.chance(5) && first.month() != second.month();
        let put = |x: Date, y: Date| {
            let (dx, dy) = if months {
                (
                    format!("{} {}", month(x), x.year()),
                    format!("{} {}", month(y), y.year()),
                )
            } else {
                (day_date(f1, x, true), day_date(f1, y, true))
            };
            let r = match shape {
                0 => format!("from {dx} to {dy}"),
                1 => format!("between {dx} and {dy}"),
                2 => format!("from {dx} until {dy}"),
                3 => format!("{dx} – {dy}"),
                4 => format!("{dx}–{dy}"),
                _ => format!("from {dx} through {dy}"),
            };
            frame.replace("{R}", &r)
        };
        Some(Case::new(put(second, first), put(first, second)))
    }));
    // Within one month, the year written once at the end.
    cases.extend(generate(60, 72, |c| {
        let y = c.range(2015, 2025);
        let m = MONTHS[c.range(0, 11) as usize];
        let a = c.range(1, 20);
        let b = a + c.range(2, 8);
        let frame = *c.pick(DAYS);
        let shape = c.range(0, 2);
        let put = |x: u64, z: u64| {
            let r = match shape {
                0 => format!("from {x} to {z} {m} {y}"),
                1 => format!("from {m} {x} to {m} {z}, {y}"),
                _ => format!("between {x} and {z} {m} {y}"),
            };
            frame.replace("{R}", &r)
        };
        Some(Case::new(put(b, a), put(a, b)))
    }));
    // A change of date told with "from ... to" is no range: the same years, reversed,
    // are right after "was moved" (the twin), wrong after "ran".
    cases.extend(generate(60, 73, |c| {
        let a = c.range(2015, 2030) as i16;
        let b = a + c.range(1, 6) as i16;
        let what = *c.pick(&[
            "The opening of the new terminal",
            "The census",
            "The final phase of the works",
            "The stadium's renovation",
        ]);
        let moved = *c.pick(MOVED);
        let bad = format!("{what} ran from {b} to {a}, the council said.");
        let good = format!("{what} {moved} from {b} to {a}, the council said.");
        Some(Case::new(bad, good))
    }));
    cases
}

// ---------------------------------------------------------------------------------------
// date.duration-mismatch

/// A length of two units or more stated for a range of `actual` units that no counting
/// gives (neither inclusive nor exclusive, give or take one): off by at least two units
/// and by more than a third.
fn wrong_length(c: &mut Chooser, actual: i64, max: i64) -> Option<i64> {
    let s = c.range(2, max as u64) as i64;
    let off = (s - actual)
        .abs()
        .min((s - (actual - 1)).abs())
        .min((s - (actual + 1)).abs());
    let far = off >= 2 && off * 3 > s.max(actual);
    far.then_some(s)
}

/// A count in words (small) or figures.
fn count_word(c: &mut Chooser, n: i64) -> String {
    if n <= 10 && !c.chance(4) {
        words(n as u64)
    } else {
        n.to_string()
    }
}

fn duration_mismatch() -> Vec<Case> {
    const YEARS: &[&str] = &[
        "The {L}-year restoration, which ran {R}, cost more than planned.",
        "The {L}-year programme ran {R}.",
        "She chaired the board for {N} years, {R}.",
        "During his {N} years as coach ({P}), the team won two titles.",
        "The {L}-year project ({P}) rebuilt the harbour wall.",
        "The conflict lasted {N} years, {R}.",
        "A {L}-year study conducted {R} followed 4,000 children.",
        "The {L}-year-long drought, {R}, ruined thousands of farms.",
        "He spent {N} years in exile, {R}, before returning home.",
        "The school's {L}-year closure ({P}) ended last spring.",
    ];
    const DAYS: &[&str] = &[
        "The {L}-{U} festival runs {R}.",
        "The {L}-{U} trial ({P}) ended in an acquittal.",
        "Workers staged a {L}-{U} strike {R}.",
        "The exhibition will run for {N} {U}s, {R}.",
        "The {L}-{U} closure of the tunnel, {R}, caused long delays.",
        "Delegates met for {N} {U}s, {R}, in the capital.",
        "A {L}-{U} heatwave ({P}) broke records across the region.",
        "The ship was held in port for {N} {U}s, {R}.",
    ];
    const MONTHS_F: &[&str] = &[
        "The {L}-month strike, {R}, shut every port.",
        "A {L}-month pilot ran {R}.",
        "The bridge was closed for {N} months, {R}.",
        "The {L}-month campaign ({P}) raised $2 million.",
    ];
    let mut cases = generate(260, 8, |c| {
        let a = c.range(1970, 2020) as i64;
        let len = c.range(2, 16) as i64;
        let b = a + len;
        let stated = wrong_length(c, len, 25)?;
        if stated < 2 {
            return None;
        }
        let frame = *c.pick(YEARS);
        let shape = c.range(0, 3);
        let decade = c.chance(3);
        let put = |n: i64, ch: &mut Chooser| {
            let r = match shape {
                0 => format!("from {a} to {b}"),
                1 => format!("between {a} and {b}"),
                2 => format!("from {a} until {b}"),
                _ => format!("in {a}-{b}"),
            };
            let l = count_word(ch, n);
            let (long, adj) = if n == 10 && decade {
                ("decade-long".to_string(), "decade-long".to_string())
            } else {
                (format!("{l}-year-long"), format!("{l}-year"))
            };
            frame
                .replace("{L}-year-long", &long)
                .replace("{L}-year", &adj)
                .replace("{N}", &count_word(ch, n))
                .replace("{R}", &r)
                .replace("{P}", &format!("{a}–{b}"))
        };
        let seed = c.next();
        let bad = put(stated, &mut Chooser::new(seed));
        let good = put(len, &mut Chooser::new(seed));
        Some(Case::new(an(bad), an(good)))
    });
    cases.extend(generate(250, 81, |c| {
        let start = some_date(c, 2016, 2025);
        let weeks = c.chance(3);
        let days = if weeks {
            7 * c.range(1, 6) as i64
        } else {
            c.range(2, 21) as i64
        };
        let end = shift(start, days - 1);
        let actual = if weeks { days / 7 } else { days };
        let stated = wrong_length(c, actual, if weeks { 10 } else { 30 })?;
        if weeks && stated < 2 {
            return None;
        }
        let unit = if weeks { "week" } else { "day" };
        let frame = *c.pick(DAYS);
        let with_year = c.chance(3);
        let y = if with_year {
            format!(", {}", end.year())
        } else {
            String::new()
        };
        let same = start.month() == end.month();
        let (m1, m2, d1, d2) = (month(start), month(end), start.day(), end.day());
        let shape = c.range(0, 5);
        let r = match shape {
            0 if same => format!("from {m1} {d1} to {d2}{y}"),
            1 if same => format!("{d1}-{d2} {m1}{}", y.replace(',', "")),
            2 => format!("between {m1} {d1} and {m2} {d2}{y}"),
            3 => format!("from {d1} {m1} until {d2} {m2}{}", y.replace(',', "")),
            4 if same => format!("{m1} {d1}-{d2}{y}"),
            _ => format!("from {m1} {d1} to {m2} {d2}{y}"),
        };
        let p = if same {
            format!("{m1} {d1}-{d2}{y}")
        } else {
            format!("{m1} {d1} to {m2} {d2}{y}")
        };
        let seed = c.next();
        let put = |n: i64| {
            let mut ch = Chooser::new(seed);
            frame
                .replace("{L}", &count_word(&mut ch, n))
                .replace("{N}", &count_word(&mut ch, n))
                .replace("{U}", unit)
                .replace("{R}", &r)
                .replace("{P}", &p)
                .replace(" 1 days", " 1 day")
        };
        let article = shift(start, c.range(0, 400) as i64 - 100);
        Some(Case::new(an(put(stated)), an(put(actual))).dated(stamp(article)))
    }));
    cases.extend(generate(110, 82, |c| {
        let y = c.range(2010, 2024);
        let m1 = c.range(1, 9) as i64;
        let m2 = m1 + c.range(2, 12 - m1 as u64) as i64;
        let actual = m2 - m1 + 1;
        let stated = wrong_length(c, actual, 24)?;
        if stated < 2 {
            return None;
        }
        let (a, b) = (MONTHS[m1 as usize - 1], MONTHS[m2 as usize - 1]);
        let r = match c.range(0, 2) {
            0 => format!("from {a} to {b} {y}"),
            1 => format!("between {a} and {b} {y}"),
            _ => format!("from {a} {y} to {b} {y}"),
        };
        let p = format!("{a}-{b} {y}");
        let frame = *c.pick(MONTHS_F);
        let seed = c.next();
        let put = |n: i64| {
            let mut ch = Chooser::new(seed);
            frame
                .replace("{L}", &count_word(&mut ch, n))
                .replace("{N}", &count_word(&mut ch, n))
                .replace("{R}", &r)
                .replace("{P}", &p)
        };
        Some(Case::new(an(put(stated)), an(put(actual))))
    }));
    cases
}

// ---------------------------------------------------------------------------------------
// date.age-mismatch

fn age_mismatch() -> Vec<Case> {
    const NAMES: &[(&str, &str, &str)] = &[
        ("Maria Okafor", "she", "her"),
        ("Tomas Lindqvist", "he", "him"),
        ("Priya Raman", "she", "her"),
        ("Daniel Mercer", "he", "him"),
        ("Ana Beltran", "she", "her"),
        ("Kwame Mensah", "he", "him"),
        ("Helen Varga", "she", "her"),
        ("Jonas Weber", "he", "him"),
        ("Leila Haddad", "she", "her"),
        ("Samuel Ortiz", "he", "him"),
        ("Grace Mwangi", "she", "her"),
        ("Pavel Novak", "he", "him"),
    ];
    const PLACES: &[&str] = &[
        "Lagos",
        "Gdansk",
        "Porto",
        "Cork",
        "Nairobi",
        "Leeds",
        "Valparaiso",
    ];
    const ROLES: &[&str] = &[
        "novelist",
        "striker",
        "surgeon",
        "singer",
        "architect",
        "diplomat",
    ];
    const FRAMES: &[&str] = &[
        "{N}, {A}, who was {B}, takes up the post next month.",
        "{N}, {A}, was {B} in {P}.",
        "Aged {A}, {N} was {B} and grew up in {P}.",
        "{N}, {A}, {B}, is the youngest member of the cabinet.",
        "The {A}-year-old, {B}, has run the company since last year.",
        "{Bc}, {N}, {A}, trained as an engineer before entering politics.",
        "{N} ({A}), who was {B}, was sworn in on Monday.",
        "{N}, who is {A} and was {B}, declined to comment.",
        "At {A}, {N}, {B}, is the oldest candidate in the race.",
        "{N} was {B}, which makes {him} {A}.",
        "{N}, now {A}, was {B} to a family of farmers in {P}.",
        "{N} is {A}; {he} was {B}.",
        "The {A}-year-old {R} was {B} in {P}.",
        "{N}, a {A}-year-old {R} {B}, won the award.",
        "{N}, {A}, a {R} {B} in {P}, leads the delegation.",
    ];
    generate(620, 9, |c| {
        let reference = some_date(c, 2019, 2026);
        let (name, he, him) = *c.pick(NAMES);
        let place = *c.pick(PLACES);
        let role = *c.pick(ROLES);
        let age = c.range(19, 90) as i64;
        let form = c.next();
        let kind = c.range(0, 12);
        // (birth phrase after "born", the ages that fit, one of them)
        let (born, fits): (String, Vec<i64>) = match kind {
            0..=5 => {
                let y = reference.year() as i64 - age;
                (format!("in {y}"), vec![age - 1, age])
            }
            6..=10 => {
                let birth = shift(reference, -(age * 365 + c.range(0, 364) as i64));
                let exact = i64::from(birth.until((Unit::Year, reference)).ok()?.get_years());
                let on = if c.chance(4) { "" } else { "on " };
                (format!("{on}{}", day_date(form, birth, true)), vec![exact])
            }
            _ => {
                // A month and a year: exact unless the birthday month is the article's.
                let birth = shift(reference, -(age * 365 + c.range(0, 364) as i64));
                if birth.month() == reference.month() {
                    return None;
                }
                let exact = i64::from(birth.until((Unit::Year, reference)).ok()?.get_years());
                (format!("in {} {}", month(birth), birth.year()), vec![exact])
            }
        };
        let good = fits[c.range(0, fits.len() as u64 - 1) as usize];
        let bad = good + (c.range(3, 12) as i64) * if c.chance(2) { 1 } else { -1 };
        if bad < 16 || fits.iter().any(|f| (f - bad).abs() < 2) {
            return None;
        }
        let frame = *c.pick(FRAMES);
        let words_age = c.chance(10) && frame.contains(", {A},");
        let put = |a: i64| {
            let a = if words_age {
                words(a as u64)
            } else {
                a.to_string()
            };
            let b = format!("born {born}");
            frame
                .replace("{Bc}", &capital(&b))
                .replace("{B}", &b)
                .replace("{N}", name)
                .replace("{A}", &a)
                .replace("{P}", place)
                .replace("{R}", role)
                .replace("{he}", he)
                .replace("{him}", him)
        };
        if c.chance(20) {
            // An age at death fits the year of death, not the article's date: a twin the
            // check must not hold against today.
            let died = reference.year() as i64 - c.range(3, 12) as i64;
            let by = died - age;
            let now = reference.year() as i64 - by;
            let bad_age = age + (c.range(3, 8) as i64) * if c.chance(2) { 1 } else { -1 };
            if (bad_age - now).abs() < 2 || (bad_age - now + 1).abs() < 2 {
                return None;
            }
            let put = |a: i64| {
                format!("{name}, who died in {died} aged {a}, was born in {by} in {place}.")
            };
            return Some(Case::new(put(bad_age), put(age)).dated(stamp(reference)));
        }
        Some(Case::new(an(put(bad)), an(put(good))).dated(stamp(reference)))
    })
}

// ---------------------------------------------------------------------------------------
// date.stale-as-of

fn stale_as_of() -> Vec<Case> {
    const FIGURES: &[(&str, &str, &str, &str)] = &[
        (
            "The city",
            "is home to",
            "was home to",
            "{n} artificial intelligence firms",
        ),
        ("The hospital trust", "employs", "employed", "{n} nurses"),
        (
            "The pension fund",
            "holds",
            "held",
            "${m} million in assets",
        ),
        (
            "The network",
            "operates",
            "operated",
            "{n} charging stations",
        ),
        (
            "The heritage register",
            "lists",
            "listed",
            "{n} protected buildings",
        ),
        ("The school district", "serves", "served", "{n} pupils"),
        ("The union", "has", "had", "{n} members"),
        ("The region", "counts", "counted", "{n} wind turbines"),
        ("The charity", "runs", "ran", "{s} food banks"),
        ("The island", "has", "had", "a population of {n}"),
        ("The company", "employs", "employed", "{n} people worldwide"),
        ("The library", "houses", "housed", "{n} volumes"),
        ("The waiting list", "stands at", "stood at", "{n} families"),
        ("Unemployment in the province", "is", "was", "{p} percent"),
        ("The national debt", "totals", "totalled", "${b} billion"),
        ("The state", "has", "had", "{n} registered voters"),
        ("The app", "has", "had", "{n} daily users"),
        (
            "The vaccination campaign",
            "has reached",
            "had reached",
            "{n} people",
        ),
        ("There", "are", "were", "{n} licensed taxis in the city"),
        (
            "The park",
            "is home to",
            "was home to",
            "{s} breeding pairs of eagles",
        ),
        ("The airport", "handles", "handled", "{n} flights a week"),
        ("Factories in the zone", "employ", "employed", "{n} workers"),
        ("The shelter", "houses", "housed", "{s} rescued dogs"),
        ("The bus fleet", "numbers", "numbered", "{s} vehicles"),
        ("The scheme", "covers", "covered", "{n} households"),
    ];
    const SOURCES: &[&str] = &[
        "the agency's website says",
        "according to the ministry",
        "the annual report shows",
        "its website says",
    ];
    generate(620, 10, |c| {
        let reference = some_date(c, 2019, 2026);
        let (subject, present, past, rest) = *c.pick(FIGURES);
        let months_back = |n: i64| -> Date {
            reference
                .first_of_month()
                .checked_add((-n).months())
                .expect("in range")
        };
        let old = months_back(c.range(24, 96) as i64);
        let recent = months_back(c.range(1, 4) as i64);
        let day = |d: Date, ch: &mut Chooser| {
            Date::new(
                d.year(),
                d.month(),
                ch.range(1, d.days_in_month() as u64) as i8,
            )
            .expect("valid")
        };
        let (old_day, recent_day) = (day(old, c), day(recent, c));
        if recent_day >= reference {
            return None;
        }
        let form = c.range(0, 7);
        let df = c.next();
        let write = |d: Date, dd: Date, is_old: bool| match form {
            0..=2 => format!("{} {}", month(d), d.year()),
            3 | 4 => day_date(df % 3, dd, true),
            5 if is_old => d.year().to_string(),
            5 => reference.year().to_string(),
            6 if is_old => format!("the end of {}", d.year()),
            6 => format!("the end of {} {}", month(d), d.year()),
            _ => format!("{} {}", ABBR[d.month() as usize - 1], d.year()),
        };
        let n = commas(c.range(120, 90_000));
        let fig = rest
            .replace("{n}", &n)
            .replace("{s}", &c.range(12, 400).to_string())
            .replace("{m}", &commas(c.range(40, 900)))
            .replace("{b}", &c.range(2, 90).to_string())
            .replace("{p}", &format!("{}.{}", c.range(3, 14), c.range(0, 9)));
        let adverb = if c.chance(4) {
            Some(*c.pick(&["now", "currently"]))
        } else {
            None
        };
        let with_adverb = |v: &str| match adverb {
            None => v.to_string(),
            Some(a) => match v.split_once(' ') {
                Some((first, more)) if ["is", "are"].contains(&first) || v == "has reached" => {
                    format!("{first} {a} {more}")
                }
                None if ["is", "are"].contains(&v) => format!("{v} {a}"),
                _ => format!("{a} {v}"),
            },
        };
        let anchor = if c.chance(8) { "as at" } else { "as of" };
        let shape = c.range(0, 6);
        let source = *c.pick(SOURCES);
        let put = |verb: &str, when: &str| {
            let s = subject;
            let l = lower_first(subject);
            match shape {
                0 | 1 => format!("{s} {verb} {fig} {anchor} {when}."),
                2 => format!("{} {when}, {l} {verb} {fig}.", capital(anchor)),
                3 if s != "There" => format!("{s}, {anchor} {when}, {verb} {fig}."),
                4 => format!("According to the latest figures, {l} {verb} {fig} {anchor} {when}."),
                5 => format!("{s} {verb} {fig} {anchor} {when}, {source}."),
                _ => format!("{s} {verb} {fig} {anchor} {when}."),
            }
        };
        let bad = put(&with_adverb(present), &write(old, old_day, true));
        let good = if c.chance(3) {
            // History: the old figure told in the past tense.
            put(past, &write(old, old_day, true))
        } else {
            put(&with_adverb(present), &write(recent, recent_day, false))
        };
        Some(Case::new(bad, good).dated(stamp(reference)))
    })
}
