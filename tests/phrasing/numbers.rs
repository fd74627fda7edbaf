//! Grammars of the number checks.

use super::grammar::{capital, commas, generate, words, Case, Chooser};

pub fn checks() -> Vec<(&'static str, Vec<Case>)> {
    let mut of_total = percent_of_total();
    of_total.extend(percent_of_total_more());
    vec![
        ("number.percent-of-total", of_total),
        ("number.percent-change", percent_change()),
        ("number.percentage-points", percentage_points()),
        ("number.multiplier", multiplier()),
        ("number.breakdown-sum", breakdown_sum()),
        ("number.enumeration-count", enumeration_count()),
        (
            "number.inconsistent-restatement",
            inconsistent_restatement(),
        ),
    ]
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

// ---------------------------------------------------------------------------------------
// Shared parts of the change grammars.

/// Put a stated value into a sentence template: `<aP>` takes the article the value
/// needs ("a 40%", "an 18%"), `<P>` the bare value.
fn fill(template: &str, value: &str) -> String {
    capital(
        &template
            .replace("<aP>", &format!("{} {value}", article(value)))
            .replace("<P>", value),
    )
}

/// "a" or "an" before a number as it is read aloud.
fn article(s: &str) -> &'static str {
    let lead: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let s = s.to_ascii_lowercase();
    if s.starts_with('8')
        || lead == "11"
        || lead == "18"
        || s.starts_with("eight")
        || s.starts_with("eleven")
    {
        "an"
    } else {
        "a"
    }
}

/// Lower-case the first letter of a subject used inside a sentence.
fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// A percentage as written: `form` picks the sign.
fn percent_text(v: f64, decimals: usize, form: u64) -> String {
    let n = format!("{v:.decimals$}");
    match form {
        0 => format!("{n}%"),
        1 => format!("{n} per cent"),
        2 => format!("{n} percent"),
        _ => format!("{n}%"),
    }
}

/// How the two amounts of a change are written. Values are whole numbers in the
/// form's own unit (for `Scaled`, tenths of a million).
#[derive(Clone, Copy)]
enum Form {
    /// 12,437
    Count,
    /// sixty thousand (whole thousands)
    Words,
    /// $1,250
    Money(&'static str),
    /// $3.4 million, £450m, €1.2bn, 2.5 million tonnes
    Scaled(&'static str, &'static str, bool),
    /// 45,000 tonnes
    Unit(&'static str),
}

impl Form {
    /// A starting value that reads naturally in this form.
    fn base(self, c: &mut Chooser) -> u64 {
        match self {
            Form::Count => {
                if c.chance(2) {
                    c.range(60, 999)
                } else {
                    c.range(1_000, 90_000)
                }
            }
            Form::Words => c.range(10, 90) * 1000,
            Form::Money(_) => c.range(120, 9_000),
            Form::Scaled("", ..) => c.range(20, 900),
            Form::Scaled(..) => {
                if c.chance(2) {
                    c.range(20, 300)
                } else {
                    c.range(30, 900) * 10
                }
            }
            Form::Unit(_) => c.range(400, 90_000),
        }
    }

    /// The nearest value this form can write.
    fn snap(self, x: f64) -> u64 {
        let x = x.max(1.0);
        match self {
            Form::Words => ((x / 1000.0).round().max(1.0) as u64) * 1000,
            Form::Scaled(..) if x >= 10_000.0 => ((x / 1000.0).round() as u64) * 1000,
            _ => x.round() as u64,
        }
    }

    /// Whether the form can write the value.
    fn writable(self, v: u64) -> bool {
        match self {
            Form::Words => (1_000..=99_000).contains(&v),
            // Only money runs into billions: "$1.2bn", not "1.2bn members".
            Form::Scaled(sym, ..) => {
                v >= 10 && (v < 10_000 || !sym.is_empty() && v.is_multiple_of(1000))
            }
            _ => v >= 10,
        }
    }

    /// Half the last written digit: how far the written value may be from the true one.
    fn half(self, v: u64) -> f64 {
        match self {
            Form::Words => 500.0,
            Form::Scaled(..) if v >= 10_000 && v.is_multiple_of(10_000) => 5_000.0,
            Form::Scaled(..) if v >= 10_000 => 500.0,
            Form::Scaled(..) if v.is_multiple_of(10) => 5.0,
            Form::Scaled(..) => 0.5,
            _ => 0.5,
        }
    }

    fn write(self, v: u64) -> String {
        match self {
            Form::Count => commas(v),
            Form::Words => words(v),
            Form::Money(sym) => format!("{sym}{}", commas(v)),
            Form::Unit(unit) => format!("{}{unit}", commas(v)),
            Form::Scaled(sym, unit, short) => {
                let (num, scale) = if v >= 10_000 {
                    let t = v / 1000;
                    let n = if t.is_multiple_of(10) {
                        (t / 10).to_string()
                    } else {
                        format!("{}.{}", t / 10, t % 10)
                    };
                    (n, if short { "bn" } else { " billion" })
                } else {
                    let n = if v.is_multiple_of(10) {
                        commas(v / 10)
                    } else {
                        format!("{}.{}", v / 10, v % 10)
                    };
                    (n, if short { "m" } else { " million" })
                };
                format!("{sym}{num}{scale}{unit}")
            }
        }
    }
}

/// What changes, and in which forms its amounts are written.
#[derive(Clone, Copy)]
enum Domain {
    Count,
    /// Counts that run into millions (passengers, visitors).
    Crowd,
    SmallMoney,
    BigMoney,
    Quantity(&'static str),
}

/// Subjects of a change: the subject, whether it takes a plural verb, and its domain.
const CHANGE_SUBJECTS: &[(&str, bool, Domain)] = &[
    ("Ticket sales", true, Domain::Crowd),
    ("The number of applications", false, Domain::Count),
    ("Enrolment at the college", false, Domain::Count),
    ("Membership of the club", false, Domain::Count),
    ("Arrests for shoplifting", true, Domain::Count),
    ("Visitor numbers", true, Domain::Crowd),
    ("Complaints to the regulator", true, Domain::Count),
    ("Passenger numbers at the airport", true, Domain::Crowd),
    ("The number of reported burglaries", false, Domain::Count),
    ("Hospital admissions", true, Domain::Count),
    ("The waiting list", false, Domain::Count),
    ("Average monthly rent", false, Domain::SmallMoney),
    ("The annual fee", false, Domain::SmallMoney),
    ("The average household bill", false, Domain::SmallMoney),
    ("The price of a season ticket", false, Domain::SmallMoney),
    ("Revenue", false, Domain::BigMoney),
    ("Net profit", false, Domain::BigMoney),
    ("The council's budget", false, Domain::BigMoney),
    ("The deficit", false, Domain::BigMoney),
    ("Spending on roads", false, Domain::BigMoney),
    ("Operating costs", true, Domain::BigMoney),
    ("The pension fund", false, Domain::BigMoney),
    ("Output", false, Domain::Quantity(" tonnes")),
    ("Exports", true, Domain::Quantity(" tonnes")),
    ("Oil production", false, Domain::Quantity(" barrels a day")),
    (
        "Installed solar capacity",
        false,
        Domain::Quantity(" megawatts"),
    ),
    ("The grain harvest", false, Domain::Quantity(" tonnes")),
];

fn form_for(c: &mut Chooser, d: Domain) -> Form {
    let sym = *c.pick(&["$", "$", "£", "€"]);
    match d {
        Domain::Count => {
            if c.chance(6) {
                Form::Words
            } else {
                Form::Count
            }
        }
        Domain::Crowd => match c.range(0, 5) {
            0 => Form::Words,
            1 | 2 => Form::Scaled("", "", c.chance(3)),
            _ => Form::Count,
        },
        Domain::SmallMoney => Form::Money(sym),
        Domain::BigMoney => Form::Scaled(sym, "", c.chance(2)),
        Domain::Quantity(unit) => {
            if unit == " tonnes" && c.chance(3) {
                Form::Scaled("", unit, false)
            } else {
                Form::Unit(unit)
            }
        }
    }
}

const UP_VERBS: &[&str] = &[
    "rose",
    "climbed",
    "jumped",
    "surged",
    "grew",
    "increased",
    "went up",
    "soared",
    "leapt",
];
const DOWN_VERBS: &[&str] = &[
    "fell",
    "slid",
    "plunged",
    "dropped",
    "slumped",
    "declined",
    "decreased",
    "shrank",
    "tumbled",
    "was cut",
];
const UP_NOUNS: &[&str] = &["increase", "rise", "jump", "gain", "climb"];
const DOWN_NOUNS: &[&str] = &["decrease", "drop", "fall", "decline", "cut", "reduction"];
/// When the earlier value was counted.
const EARLIER: &[&str] = &[
    " a year earlier",
    " last year",
    " in 2022",
    " the year before",
    " a decade ago",
    " before the pandemic",
    " in the same period last year",
];
/// When the later value was counted.
const LATER: &[&str] = &[
    "",
    " this year",
    " in 2023",
    " last month",
    " in the latest count",
];
/// A span of time at the end of a sentence.
const SPAN: &[&str] = &[
    "",
    "",
    " last year",
    " over five years",
    " in the year to March",
    " between 2019 and 2023",
    " during the quarter",
];

/// The interval of a relative change in per cent (its size) when each value may be off
/// by its half-digit.
fn change_interval(a: f64, ha: f64, b: f64, hb: f64) -> (f64, f64) {
    let corners = [
        ((b - hb) / (a + ha) - 1.0).abs(),
        ((b + hb) / (a - ha) - 1.0).abs(),
        ((b - hb) / (a - ha) - 1.0).abs(),
        ((b + hb) / (a + ha) - 1.0).abs(),
    ];
    let lo = corners.iter().cloned().fold(f64::MAX, f64::min) * 100.0;
    let hi = corners.iter().cloned().fold(f64::MIN, f64::max) * 100.0;
    (lo, hi)
}

/// How a stated change is hedged: the word and what it lets the value be.
#[derive(Clone, Copy, PartialEq)]
enum Hedge {
    Exact,
    About,
    Nearly,
    MoreThan,
}

/// A stated size of change for a true size `v` under a hedge, or `None` when the hedge
/// does not fit the value.
fn hedged_value(v: f64, hedge: Hedge) -> Option<f64> {
    match hedge {
        Hedge::Exact | Hedge::About => Some(v.round()),
        Hedge::Nearly => {
            let up = v.ceil();
            (up - v > 0.1 && up - v < 0.8).then_some(up)
        }
        Hedge::MoreThan => {
            let down = v.floor();
            (v - down > 0.2 && down >= 1.0).then_some(down)
        }
    }
}

fn hedge_word(c: &mut Chooser, hedge: Hedge) -> &'static str {
    const ABOUT: &[&str] = &["about ", "roughly ", "some ", "around "];
    const NEARLY: &[&str] = &["nearly ", "almost ", "just under "];
    const MORE: &[&str] = &["more than ", "over ", "just over "];
    match hedge {
        Hedge::Exact => "",
        Hedge::About => c.pick::<&str>(ABOUT),
        Hedge::Nearly => c.pick::<&str>(NEARLY),
        Hedge::MoreThan => c.pick::<&str>(MORE),
    }
}

/// One correct change clause, to sit beside a wrong one in the same sentence.
fn correct_clause(c: &mut Chooser, skip: &str) -> Option<String> {
    let &(subject, _, domain) = c.pick(CHANGE_SUBJECTS);
    if subject == skip {
        return None;
    }
    let form = form_for(c, domain);
    let a = form.base(c);
    let up = c.chance(2);
    let p = c.range(5, 60) as f64 / 100.0;
    let b = form.snap(a as f64 * if up { 1.0 + p } else { 1.0 - p });
    if !form.writable(b) || b == a {
        return None;
    }
    let size = ((b as f64 - a as f64) / a as f64).abs() * 100.0;
    let stated = percent_text(size.round(), 0, c.range(0, 2));
    let (_, plural, _) = *CHANGE_SUBJECTS.iter().find(|s| s.0 == subject)?;
    let verb = match *c.pick(if up { UP_VERBS } else { DOWN_VERBS }) {
        "was cut" if plural => "were cut",
        v => v,
    };
    let (aw, bw) = (form.write(a), form.write(b));
    Some(match c.range(0, 2) {
        0 => format!("{} {verb} {stated} to {bw} from {aw}", lower(subject)),
        1 => format!("{} {verb} from {aw} to {bw}", lower(subject)),
        _ => format!("{} {verb} {stated}, from {aw} to {bw}", lower(subject)),
    })
}

/// A change given as a fraction: the words and the size in per cent.
const CHANGE_FRACTIONS: &[(&str, f64)] = &[
    ("a tenth", 10.0),
    ("a fifth", 20.0),
    ("a quarter", 25.0),
    ("a third", 100.0 / 3.0),
    ("half", 50.0),
    ("two-thirds", 200.0 / 3.0),
];

/// "fell by a third, from 300 to 200": the fraction is the value that is wrong.
fn fraction_change(c: &mut Chooser) -> Option<Case> {
    let &(subject, plural, domain) = c.pick(CHANGE_SUBJECTS);
    let form = form_for(c, domain);
    let a = form.base(c);
    let up = c.chance(2);
    let &(good, size) = c.pick(CHANGE_FRACTIONS);
    let &(bad, bad_size) = c.pick(CHANGE_FRACTIONS);
    if (bad_size - size).abs() < 8.0 || (!up && size > 50.0) {
        return None;
    }
    let b = form.snap(
        a as f64
            * if up {
                1.0 + size / 100.0
            } else {
                1.0 - size / 100.0
            },
    );
    if !form.writable(b) || b == a {
        return None;
    }
    // The twin's fraction within the 2.5 points a fraction covers, at any rounding.
    let (lo, hi) = change_interval(a as f64, form.half(a), b as f64, form.half(b));
    if lo < size - 2.5 || hi > size + 2.5 {
        return None;
    }
    let mut verb = *c.pick(if up { UP_VERBS } else { DOWN_VERBS });
    if plural && verb == "was cut" {
        verb = "were cut";
    }
    let noun = *c.pick(if up { UP_NOUNS } else { DOWN_NOUNS });
    let an = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let (aw, bw) = (form.write(a), form.write(b));
    let span = *c.pick(SPAN);
    let template = match c.range(0, 2) {
        0 => format!("{subject} {verb} by <P>{span}, from {aw} to {bw}."),
        1 => format!("{subject} {verb} from {aw} to {bw}{span}, {an} {noun} of <P>."),
        _ => format!("{subject} {verb} by <P> to {bw} from {aw}."),
    };
    Some(Case::new(fill(&template, bad), fill(&template, good)))
}

fn percent_change() -> Vec<Case> {
    generate(600, 11, |c| {
        if c.chance(10) {
            return fraction_change(c);
        }
        let &(subject, plural, domain) = c.pick(CHANGE_SUBJECTS);
        let form = form_for(c, domain);
        let a = form.base(c);
        let up = c.chance(2) || matches!(domain, Domain::SmallMoney) && c.chance(2);
        let p = if up {
            c.range(4, 150) as f64 / 100.0
        } else {
            c.range(4, 75) as f64 / 100.0
        };
        let b = form.snap(a as f64 * if up { 1.0 + p } else { 1.0 - p });
        if !form.writable(b) || b == a || (b > a) != up {
            return None;
        }
        let (af, bf) = (a as f64, b as f64);
        let size = ((bf - af) / af).abs() * 100.0;
        if size < 3.0 {
            return None;
        }
        let (lo, hi) = change_interval(af, form.half(a), bf, form.half(b));
        let hedge = match c.range(0, 7) {
            0 => Hedge::About,
            1 => Hedge::Nearly,
            2 => Hedge::MoreThan,
            _ => Hedge::Exact,
        };
        let good_value = hedged_value(size, hedge)?;
        // The wrong size: off by a clear margin, taken against the new value instead of
        // the old one, or the difference itself read as a percentage.
        let wrong = match c.range(0, 4) {
            0 => (bf - af).abs() / bf * 100.0,
            1 if (bf - af).abs() < 100.0 && matches!(form, Form::Count) => (bf - af).abs(),
            2 => size - c.range(8, 30) as f64,
            _ => size + c.range(8, 40) as f64,
        }
        .round();
        let slack = if hedge == Hedge::Exact { 0.5 } else { 5.0 };
        if wrong < 1.0 || (!up && wrong >= 100.0) {
            return None;
        }
        if wrong + slack > lo - 3.5 && wrong - slack < hi + 3.5 {
            return None;
        }
        let pform = c.range(0, 2);
        let h = hedge_word(c, hedge);
        // "more than 40%" for a rise of 56% is true, if loose: no error to find. Only
        // "just over" says the size is close to the figure.
        if matches!(h, "more than " | "over ") && wrong < size {
            return None;
        }
        let good = format!("{h}{}", percent_text(good_value, 0, pform));
        let bad = format!("{h}{}", percent_text(wrong, 0, pform));
        let hedged = hedge != Hedge::Exact;

        let (aw, bw) = (form.write(a), form.write(b));
        let mut verb = *c.pick(if up { UP_VERBS } else { DOWN_VERBS });
        if plural && verb == "was cut" {
            verb = "were cut";
        }
        let noun = *c.pick(if up { UP_NOUNS } else { DOWN_NOUNS });
        let updown = if up { "up" } else { "down" };
        let be = if plural { "were" } else { "was" };
        let has = if plural { "have" } else { "has" };
        let span = *c.pick(SPAN);
        let (t1, t2) = (*c.pick(EARLIER), *c.pick(LATER));
        let by = if c.chance(3) { "by " } else { "" };
        let sl = lower(subject);
        // "a 25% rise" reads only without a hedge; "a rise of about 25%" reads either way.
        let a_noun = |c: &mut Chooser| {
            if hedged || c.chance(2) {
                format!(
                    "{} {noun} of <P>",
                    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
                        "an"
                    } else {
                        "a"
                    }
                )
            } else {
                format!("<aP> {noun}")
            }
        };
        let template = match c.range(0, 13) {
            13 => format!(
                "{subject} {be} {bw}{t2}, {updown} from {aw}{t1} — {}.",
                a_noun(c)
            ),
            0 => format!("{subject} {verb} from {aw} to {bw}{span}, {}.", a_noun(c)),
            1 => format!("{subject} {verb} {by}<P> to {bw} from {aw}{span}."),
            2 => format!("{subject} {verb} {by}<P>{span}, from {aw} to {bw}."),
            3 => format!("{subject} {be} {bw}{t2}, {updown} <P> from {aw}{t1}."),
            4 => format!("{subject} {verb} to {bw}{t2} from {aw}{t1}, {}.", a_noun(c)),
            5 => {
                let next = match c.range(0, 2) {
                    0 => format!("That is {}.", a_noun(c)),
                    1 => format!("That amounts to {}.", a_noun(c)),
                    _ => format!("The {noun} is <P>, the figures show."),
                };
                format!("{subject} {verb} from {aw} to {bw}{span}. {next}")
            }
            6 => format!(
                "{subject} now {} at {bw}, {updown} <P> from {aw}{t1}.",
                if plural { "stand" } else { "stands" }
            ),
            7 => format!(
                "{subject} reached {bw}{t2}, <P> {} than the {aw} recorded{t1}.",
                if up { "higher" } else { "lower" }
            ),
            8 => {
                let other = correct_clause(c, subject)?;
                if c.chance(2) {
                    format!(
                        "{subject} {verb} from {aw} to {bw}, {}, while {other}.",
                        a_noun(c)
                    )
                } else {
                    format!(
                        "{} {verb} {by}<P> to {bw} from {aw}, and {other}.",
                        capital(&sl)
                    )
                }
            }
            9 => {
                let other = correct_clause(c, subject)?;
                format!(
                    "{}, while {sl} {verb} {by}<P> to {bw} from {aw}.",
                    capital(&other)
                )
            }
            10 => format!(
                "{subject} {has} {} since 2019, from {aw} to {bw}, {}.",
                if up { "grown" } else { "fallen" },
                a_noun(c)
            ),
            11 => format!("{} took {sl} from {aw} to {bw}{span}.", capital(&a_noun(c))),
            _ => format!("{subject} {verb} {by}<P> year on year, to {bw} from {aw}."),
        };
        Some(Case::new(fill(&template, &bad), fill(&template, &good)))
    })
}

/// Rates and shares whose changes are told in per cent or in points.
const RATES: &[&str] = &[
    "Unemployment",
    "Turnout",
    "The jobless rate",
    "Support for the plan",
    "The party's share of the vote",
    "The vaccination rate",
    "Inflation",
    "The poverty rate",
    "The president's approval rating",
    "The share of pupils passing the exam",
    "The savings rate",
    "The dropout rate",
    "The home-ownership rate",
    "The proportion of renters",
];

fn percentage_points() -> Vec<Case> {
    generate(600, 21, |c| {
        let subject = *c.pick(RATES);
        let decimals = usize::from(c.chance(4));
        let scale = if decimals == 1 { 10.0 } else { 1.0 };
        // Whole percentages, or tenths of one.
        let a_units = c.range((3.0 * scale) as u64, (80.0 * scale) as u64);
        let d_units = c.range((1.0 * scale) as u64, (25.0 * scale) as u64);
        let up = c.chance(2);
        if !up && d_units + (scale as u64) >= a_units {
            return None;
        }
        let b_units = if up {
            a_units + d_units
        } else {
            a_units - d_units
        };
        if b_units as f64 > 95.0 * scale {
            return None;
        }
        let (a, b) = (a_units as f64 / scale, b_units as f64 / scale);
        let diff = (b - a).abs();
        let rel = diff / a * 100.0;
        // The relative change and the difference must be far apart even when each
        // percentage is at the edge of its rounding.
        let half = 0.5 / scale;
        let (rlo, rhi) = change_interval(a, half, b, half);
        if rlo < diff + 2.0 * half + 3.0 || rhi > 400.0 {
            return None;
        }
        let pform = c.range(0, 2);
        let pa = percent_text(a, decimals, pform);
        let pb = percent_text(b, decimals, pform);
        let diff_text = format!("{diff:.decimals$}");
        let points_word = |c: &mut Chooser, v: &str| -> String {
            let one = v == "1";
            match (c.range(0, 3), one) {
                (0, false) => format!("{v} points"),
                (0, true) => format!("{v} point"),
                (_, false) => format!("{v} percentage points"),
                (_, true) => format!("{v} percentage point"),
            }
        };
        // The error: the difference given in per cent; or a figure in points that is
        // not the difference (the relative change, or a slip).
        let (bad, good, adjective) = match c.range(0, 4) {
            0 | 1 => {
                let bad = percent_text(diff, decimals, pform);
                let good = if c.chance(3) {
                    percent_text(rel.round(), 0, pform)
                } else {
                    points_word(c, &diff_text)
                };
                (bad, good, false)
            }
            2 => {
                // Adjective form: "a 6% rise" / "a 6-point rise".
                let bad = percent_text(diff, decimals, 0);
                let good = if c.chance(2) {
                    format!("{diff_text}-percentage-point")
                } else {
                    format!("{diff_text}-point")
                };
                (bad, good, true)
            }
            _ => {
                let wrong = if c.chance(2) {
                    rel.round()
                } else {
                    (diff + c.range(3, 9) as f64).round()
                };
                if (wrong - diff).abs() < 3.0 {
                    return None;
                }
                let unit = c.range(0, 2);
                let with = |v: &str| {
                    let s = if v == "1" { "" } else { "s" };
                    match unit {
                        0 => format!("{v} point{s}"),
                        _ => format!("{v} percentage point{s}"),
                    }
                };
                (with(&format!("{wrong:.0}")), with(&diff_text), false)
            }
        };
        let verb = *c.pick(if up {
            &["rose", "climbed", "jumped", "increased", "went up"][..]
        } else {
            &["fell", "dropped", "slipped", "declined", "went down"][..]
        });
        let noun = *c.pick(if up { UP_NOUNS } else { DOWN_NOUNS });
        let an = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let updown = if up { "up" } else { "down" };
        let (t1, t2) = (*c.pick(EARLIER), *c.pick(LATER));
        let span = *c.pick(SPAN);
        let template = if adjective {
            match c.range(0, 2) {
                0 => format!("{subject} {verb} from {pa} to {pb}{span}, <aP> {noun}."),
                1 => format!("{subject} {verb} from {pa}{t1} to {pb}{t2} — <aP> {noun}."),
                _ => format!(
                    "<aP> {noun} took {} from {pa} to {pb}{span}.",
                    lower(subject)
                ),
            }
        } else {
            match c.range(0, 8) {
                0 => format!("{subject} {verb} from {pa} to {pb}{span}, {an} {noun} of <P>."),
                1 => format!("{subject} {verb} <P> to {pb} from {pa}{span}."),
                2 => format!("{subject} was {pb}{t2}, {updown} <P> from {pa}{t1}."),
                3 => format!("{subject} {verb} by <P>{span}, from {pa} to {pb}."),
                4 => {
                    format!("{subject} {verb} from {pa} to {pb}{span}. That is {an} {noun} of <P>.")
                }
                5 => format!(
                    "{subject} stands at {pb}, <P> {} than the {pa} recorded{t1}.",
                    if up { "higher" } else { "lower" }
                ),
                6 => format!("{subject} {verb} <P>, to {pb}{t2}, from {pa}{t1}."),
                7 => format!(
                    "{subject} went from {pa}{t1} to {pb}{t2}, {updown} <P>, the figures show."
                ),
                _ => format!(
                    "Over the year {} {verb} <P> to {pb}, having stood at {pa}{t1}.",
                    lower(subject)
                ),
            }
        };
        Some(Case::new(fill(&template, &bad), fill(&template, &good)))
    })
}

/// How a multiplier word binds the ratio.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// "doubled": the factor, give or take a tenth.
    Exact,
    /// "more than doubled": at least the factor.
    More,
    /// "nearly doubled": a little under the factor.
    Nearly,
    /// "fivefold": the factor (or a little over).
    Fold,
}

/// Multiplier words: the past tense, the perfect, the participle (after a change), a
/// comparison ("twice the"), the factor and how it binds.
const MULTIPLIERS: &[(&str, &str, &str, &str, f64, Bound)] = &[
    (
        "doubled",
        "doubled",
        "doubling",
        "double",
        2.0,
        Bound::Exact,
    ),
    ("doubled", "doubled", "doubling", "twice", 2.0, Bound::Exact),
    (
        "tripled",
        "tripled",
        "tripling",
        "three times",
        3.0,
        Bound::Exact,
    ),
    (
        "trebled",
        "trebled",
        "trebling",
        "treble",
        3.0,
        Bound::Exact,
    ),
    (
        "quadrupled",
        "quadrupled",
        "quadrupling",
        "four times",
        4.0,
        Bound::Exact,
    ),
    ("halved", "halved", "halving", "half", 0.5, Bound::Exact),
    (
        "was cut in half",
        "been cut in half",
        "halving",
        "half",
        0.5,
        Bound::Exact,
    ),
    (
        "more than doubled",
        "more than doubled",
        "more than doubling",
        "more than double",
        2.0,
        Bound::More,
    ),
    (
        "more than tripled",
        "more than tripled",
        "more than tripling",
        "more than three times",
        3.0,
        Bound::More,
    ),
    (
        "nearly doubled",
        "nearly doubled",
        "nearly doubling",
        "nearly twice",
        2.0,
        Bound::Nearly,
    ),
    (
        "almost tripled",
        "almost tripled",
        "almost tripling",
        "almost three times",
        3.0,
        Bound::Nearly,
    ),
    (
        "rose threefold",
        "risen threefold",
        "a threefold increase",
        "three times",
        3.0,
        Bound::Fold,
    ),
    (
        "grew fivefold",
        "grown fivefold",
        "a fivefold increase",
        "five times",
        5.0,
        Bound::Fold,
    ),
    (
        "jumped tenfold",
        "jumped tenfold",
        "a tenfold increase",
        "ten times",
        10.0,
        Bound::Fold,
    ),
    (
        "increased four-fold",
        "increased four-fold",
        "a four-fold rise",
        "four times",
        4.0,
        Bound::Fold,
    ),
];

fn multiplier() -> Vec<Case> {
    generate(600, 31, |c| {
        let &(subject, plural, domain) = c.pick(CHANGE_SUBJECTS);
        let &(past, perfect, participle, compare, factor, bound) = c.pick(MULTIPLIERS);
        // The ratio of the correct twin and of the error.
        let (good_ratio, bad_ratio) = match bound {
            Bound::Exact => {
                let good = factor * (1.0 + (c.range(0, 6) as f64 - 3.0) / 100.0);
                let e = c.range(30, 70) as f64 / 100.0;
                let bad = if c.chance(2) && factor >= 2.0 {
                    factor * (1.0 - e.min(0.45))
                } else {
                    factor * (1.0 + e)
                };
                (good, bad)
            }
            Bound::More => (
                factor * (1.0 + c.range(5, 40) as f64 / 100.0),
                factor * c.range(55, 82) as f64 / 100.0,
            ),
            Bound::Nearly => (
                factor * c.range(88, 97) as f64 / 100.0,
                if c.chance(2) {
                    factor * c.range(50, 70) as f64 / 100.0
                } else {
                    factor * (1.0 + c.range(25, 50) as f64 / 100.0)
                },
            ),
            Bound::Fold => (
                factor * (1.0 + c.range(0, 4) as f64 / 100.0),
                factor * c.range(40, 70) as f64 / 100.0,
            ),
        };
        if factor > 1.0 && bad_ratio < 1.2 {
            return None;
        }
        let up = factor > 1.0;
        let span = *c.pick(SPAN);
        let (t1, t2) = (*c.pick(EARLIER), *c.pick(LATER));
        let has = if plural { "have" } else { "has" };
        let verb = *c.pick(if up { UP_VERBS } else { &DOWN_VERBS[..4] });
        let shape = c.range(0, 9);

        // Shape 8 writes the scale once, after the second value: "from 3 to 12 million".
        let scale_once = shape == 8;
        let form = if scale_once {
            let unit = match domain {
                Domain::Quantity(" tonnes") => " tonnes",
                Domain::Crowd => "",
                _ => return None,
            };
            Form::Scaled("", unit, false)
        } else {
            form_for(c, domain)
        };
        let a = if scale_once {
            c.range(2, 40) * 10
        } else {
            form.base(c)
        };
        let snap = |x: f64| {
            if scale_once {
                ((x / 10.0).round() as u64) * 10
            } else {
                form.snap(x)
            }
        };
        let (bg, bb) = (snap(a as f64 * good_ratio), snap(a as f64 * bad_ratio));
        if !form.writable(bg) || !form.writable(bb) || bg == bb || bg == a || bb == a {
            return None;
        }
        // Check the ratios after rounding: the twin inside its band, the error outside
        // every band the word allows, even at the edges of the written values.
        let af = a as f64;
        let good_actual = bg as f64 / af;
        let ok_good = match bound {
            Bound::Exact => (good_actual / factor - 1.0).abs() <= 0.04,
            Bound::More => good_actual >= factor * 1.03,
            Bound::Nearly => good_actual >= factor * 0.86 && good_actual < factor,
            Bound::Fold => good_actual >= factor && good_actual <= factor * 1.06,
        };
        let ha = if scale_once { 5.0 } else { form.half(a) };
        let hb = if scale_once { 5.0 } else { form.half(bb) };
        let (blo, bhi) = ((bb as f64 - hb) / (af + ha), (bb as f64 + hb) / (af - ha));
        let ok_bad = match bound {
            Bound::Exact | Bound::Fold => bhi < factor * 0.75 || blo > factor * 1.25,
            Bound::More => bhi < factor * 0.85,
            Bound::Nearly => bhi < factor * 0.75 || blo > factor * 1.2,
        };
        if !ok_good || !ok_bad {
            return None;
        }
        let aw = if scale_once {
            commas(a / 10)
        } else {
            form.write(a)
        };
        let template = match shape {
            0 => format!("{subject} {past} from {aw} to <P>{span}."),
            1 => format!("{subject} {past} to <P> from {aw}{span}."),
            2 => format!("{subject} {past}{span}, from {aw} to <P>."),
            3 => format!("{subject} {has} {perfect} since 2019, to <P> from {aw}."),
            4 => format!("{subject} {verb} from {aw} to <P>{span}, {participle}."),
            5 => format!("{subject} {past} in five years — from {aw} to <P>."),
            6 => format!("{subject} {verb} from {aw}{t1} to <P>{t2}. The figure has {perfect}."),
            7 => format!("{subject} stood at <P>{t2}, {compare} the {aw} recorded{t1}."),
            _ => format!("{subject} {past}, from {aw} to <P>{span}."),
        };
        let template = if plural {
            template.replace("was cut in half", "were cut in half")
        } else {
            template
        };
        Some(Case::new(
            fill(&template, &form.write(bb)),
            fill(&template, &form.write(bg)),
        ))
    })
}

const PLACES: &[&str] = &[
    "Lyon", "Nice", "Metz", "Lille", "Nantes", "Bordeaux", "Toulouse", "Rennes", "Dijon",
];
const PARTIES: &[&str] = &[
    "Labour",
    "the Conservatives",
    "the Greens",
    "the Liberal Democrats",
    "independents",
    "Reform UK",
    "the SNP",
];
const CANDIDATES: &[&str] = &[
    "Ms Okafor",
    "Mr Brandt",
    "Ms Lindqvist",
    "Mr Moreau",
    "Ms Haddad",
    "Mr Novak",
];
/// Things counted by place: noun, the verb that befell them.
const COUNTED_BY_PLACE: &[(&str, &str)] = &[
    ("jobs", "cut"),
    ("homes", "damaged"),
    ("flights", "cancelled"),
    ("cases", "recorded"),
    ("complaints", "filed"),
    ("schools", "closed"),
    ("arrests", "made"),
];

/// `n` distinct items of a list, in the chooser's order.
fn distinct<'a>(c: &mut Chooser, items: &[&'a str], n: usize) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    while out.len() < n {
        let x = *c.pick(items);
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// "A, B and C" (with or without the serial comma).
fn and_list(items: &[String], serial: bool) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        2 => format!("{} and {}", items[0], items[1]),
        n => {
            let head = items[..n - 1].join(", ");
            format!(
                "{head}{} and {}",
                if serial { "," } else { "" },
                items[n - 1]
            )
        }
    }
}

fn breakdown_sum() -> Vec<Case> {
    generate(600, 41, |c| {
        if c.chance(5) || c.chance(4) {
            breakdown_shares(c)
        } else {
            breakdown_counts(c)
        }
    })
}

/// Parts and a stated total of counts (or money).
fn breakdown_counts(c: &mut Chooser) -> Option<Case> {
    let shape = c.range(0, 12);
    let k = if matches!(shape, 5 | 8 | 9 | 11 | 12) {
        2
    } else {
        3
    };
    let small = matches!(shape, 6 | 8 | 9 | 11);
    let parts: Vec<u64> = (0..k)
        .map(|_| {
            if small {
                c.range(2, 30)
            } else if shape == 0 {
                c.range(5, 250)
            } else {
                c.range(12, 900)
            }
        })
        .collect();
    let sum: u64 = parts.iter().sum();
    // Which value is wrong: the total (even shapes of the chooser) or one part.
    let delta = (sum as f64 * c.range(6, 30) as f64 / 100.0)
        .round()
        .max(2.0) as u64;
    let subset = shape == 12;
    let (good_total, bad_total, good_parts, bad_parts) = if subset {
        // "including": only parts past the total are wrong.
        let good_total = sum + c.range(0, sum / 2);
        (
            good_total,
            sum - delta.min(sum - 1),
            parts.clone(),
            parts.clone(),
        )
    } else if c.chance(2) {
        let bad = if c.chance(2) || delta >= sum {
            sum + delta
        } else {
            sum - delta
        };
        (sum, bad, parts.clone(), parts.clone())
    } else {
        let j = c.range(0, k as u64 - 1) as usize;
        let mut bad_parts = parts.clone();
        bad_parts[j] = if c.chance(2) || delta >= parts[j] {
            parts[j] + delta
        } else {
            parts[j] - delta
        };
        (sum, sum, parts.clone(), bad_parts)
    };
    let serial = c.chance(3);
    let places = distinct(c, PLACES, k);
    let parties = distinct(c, PARTIES, k);
    let &(noun, verb) = c.pick(COUNTED_BY_PLACE);
    let num = |n: u64| {
        if small && n < 10 {
            words(n)
        } else {
            commas(n)
        }
    };
    let money = |n: u64| {
        if n.is_multiple_of(10) {
            format!("${} million", n / 10)
        } else {
            format!("${}.{} million", n / 10, n % 10)
        }
    };
    let write = |total: u64, parts: &[u64]| -> String {
        let in_places: Vec<String> = parts
            .iter()
            .zip(&places)
            .map(|(n, p)| format!("{} in {p}", num(*n)))
            .collect();
        let list = and_list(&in_places, serial);
        match shape {
            0 => {
                let items: Vec<String> = parts
                    .iter()
                    .zip(&parties)
                    .map(|(n, p)| format!("{} to {p}", num(*n)))
                    .collect();
                format!("The {} seats went {}.", commas(total), and_list(&items, serial))
            }
            1 => format!("A total of {} {noun} were {verb}: {list}.", commas(total)),
            2 => {
                let rest = format!(
                    "{}, {} in {} and the remaining {} in {}",
                    format_args!("{} were in {}", num(parts[0]), places[0]),
                    num(parts[1]),
                    places[1],
                    num(parts[2]),
                    places[2]
                );
                format!("Of the {} {noun} {verb} last year, {rest}.", commas(total))
            }
            3 => {
                let items: Vec<String> = parts
                    .iter()
                    .zip(&places)
                    .map(|(n, p)| format!("{p} ({})", num(*n)))
                    .collect();
                format!(
                    "The {} {noun} were split between {}.",
                    commas(total),
                    and_list(&items, serial)
                )
            }
            4 => format!(
                "The number of {noun} {verb} totalled {}: {list}.",
                commas(total)
            ),
            5 => format!("In all, {} {noun} were {verb} — {list}.", commas(total)),
            6 => {
                let adj = ["Labour", "Conservative", "Green", "Liberal Democrat"];
                let items: Vec<String> = parts
                    .iter()
                    .zip(adj.iter())
                    .map(|(n, p)| format!("{} {p}", num(*n)))
                    .collect();
                format!(
                    "The {}-member council is made up of {} councillors.",
                    total,
                    and_list(&items, serial)
                )
            }
            7 => format!(
                "Last year {} {noun} were {verb}. Of these, {} were in {}, {} in {} and the other {} in {}.",
                commas(total),
                num(parts[0]),
                places[0],
                num(parts[1]),
                places[1],
                num(parts[2]),
                places[2]
            ),
            8 => format!(
                "The {} people on board — {} passengers and {} crew members — were rescued.",
                num(total),
                num(parts[0]),
                num(parts[1])
            ),
            9 => format!(
                "Police arrested {} people: {} men and {} women.",
                num(total),
                num(parts[0]),
                num(parts[1])
            ),
            10 => {
                let items: Vec<String> = parts
                    .iter()
                    .zip(["staff", "equipment", "buildings"])
                    .map(|(n, p)| format!("{} for {p}", money(*n)))
                    .collect();
                format!(
                    "The {} budget is divided into {}.",
                    money(total),
                    and_list(&items, serial)
                )
            }
            11 => format!(
                "The course drew {} men and {} women, {} in total.",
                num(parts[0]),
                num(parts[1]),
                num(total)
            ),
            _ => format!(
                "A total of {} staff, including {} from {} and {} from {}, signed the letter.",
                commas(total),
                num(parts[0]),
                places[0],
                num(parts[1]),
                places[1]
            ),
        }
    };
    if shape == 10 && (good_total < 10 || bad_total < 10) {
        return None;
    }
    Some(Case::new(
        write(bad_total, &bad_parts),
        write(good_total, &good_parts),
    ))
}

/// Shares of one whole that add past 100%.
fn breakdown_shares(c: &mut Chooser) -> Option<Case> {
    let shape = c.range(0, 9);
    let k = if shape == 7 { 4 } else { 3 };
    // The twin's shares: all of the whole for a poll, up to 4 points short of it for a
    // vote or a budget (other candidates, other items).
    let short = if matches!(shape, 0 | 1 | 2 | 5) {
        0
    } else {
        c.range(0, 4)
    };
    let total = 100 - short;
    let mut shares = Vec::new();
    let mut left = total;
    for i in 0..k {
        let rest = (k - i - 1) as u64;
        let s = if rest == 0 {
            left
        } else {
            c.range(3, left - 3 * rest)
        };
        shares.push(s);
        left -= s;
    }
    if shares.iter().any(|&s| s < 3) {
        return None;
    }
    let j = c.range(0, k as u64 - 1) as usize;
    let delta = (105 - total) + c.range(0, 15);
    let mut bad = shares.clone();
    bad[j] += delta;
    if bad[j] > 97 {
        return None;
    }
    let form = c.range(0, 2);
    let candidates = distinct(c, CANDIDATES, 3);
    let write = |s: &[u64]| -> String {
        let p: Vec<String> = s.iter().map(|&v| percent_text(v as f64, 0, form)).collect();
        match shape {
            0 => format!(
                "In the poll, {} backed the plan, {} opposed it and {} had no view.",
                p[0], p[1], p[2]
            ),
            1 => format!(
                "Asked whether the tax should rise, {} said yes, {} said no and {} were unsure.",
                p[0], p[1], p[2]
            ),
            2 => format!(
                "The vote split {}, {} and {} between the three candidates.",
                p[0], p[1], p[2]
            ),
            3 => format!(
                "{} won {} of the vote, {} {} and {} {}.",
                candidates[0], p[0], candidates[1], p[1], candidates[2], p[2]
            ),
            4 => format!(
                "Salaries take {} of the budget, buildings {} and equipment {}.",
                p[0], p[1], p[2]
            ),
            5 => format!(
                "Respondents were divided: {} in favour, {} against and {} undecided.",
                p[0], p[1], p[2]
            ),
            6 => format!(
                "The company earns {} of its sales in Europe, {} in Asia and {} in the Americas.",
                p[0], p[1], p[2]
            ),
            7 => format!(
                "Last year {} of the country's electricity came from gas, {} from wind, {} from nuclear plants and {} from coal.",
                p[0], p[1], p[2], p[3]
            ),
            8 => format!(
                "{} took {}, ahead of {} on {} and {} on {}.",
                candidates[0], p[0], candidates[1], p[1], candidates[2], p[2]
            ),
            _ => format!(
                "The votes went to {} ({}), {} ({}) and {} ({}).",
                candidates[0], p[0], candidates[1], p[1], candidates[2], p[2]
            ),
        }
    };
    Some(Case::new(write(&bad), write(&shares)))
}

/// Groups a count announces a list of: nouns, names, and sentences with `{N}` (the
/// count), `{Ncap}` (the count starting a sentence), `{noun}`, `{list}` and `{BOTH}`
/// ("Both" or "All three").
type Group = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

const GROUPS: &[Group] = &[
    (
        &["companies", "firms", "groups"],
        &[
            "Baidu", "Alibaba", "Tencent", "Siemens", "Nokia", "Ericsson", "Unilever", "Shell",
            "Airbus", "Toyota", "Samsung", "Philips", "Bayer",
        ],
        &[
            "Regulators fined the {N} {noun}, {list}, last week.",
            "{Ncap} {noun}, {list}, said they would appeal the ruling.",
            "The deal was struck by the {N} {noun} — {list} — after months of talks.",
            "The {N} {noun} ({list}) control most of the market.",
            "The lawsuit names {N} {noun}: {list}.",
            "{list}, the {N} {noun} that dominate the market, all reported lower profits.",
            "{BOTH} {noun}, {list}, denied any wrongdoing.",
        ],
    ),
    (
        &["banks", "lenders"],
        &[
            "Barclays",
            "HSBC",
            "Lloyds",
            "NatWest",
            "Santander",
            "Deutsche Bank",
            "BNP Paribas",
            "UBS",
            "ING",
            "Commerzbank",
        ],
        &[
            "The {N} {noun}, {list}, agreed to pay the fine.",
            "{Ncap} {noun} — {list} — have pulled out of the scheme.",
            "Shares in the {N} {noun}, {list}, fell sharply on the news.",
            "The government has asked {N} {noun} to take part: {list}.",
        ],
    ),
    (
        &["countries", "nations", "member states"],
        &[
            "France",
            "Germany",
            "Italy",
            "Spain",
            "Poland",
            "Japan",
            "South Korea",
            "New Zealand",
            "the Netherlands",
            "Brazil",
            "Kenya",
            "Canada",
            "Norway",
        ],
        &[
            "Talks between the {N} {noun}, {list}, broke down on the last night.",
            "The treaty was signed by {N} {noun}: {list}.",
            "Ministers from the {N} {noun} — {list} — met to settle the budget.",
            "The bloc's {N} founding {noun}, {list}, still set its agenda.",
        ],
    ),
    (
        &["men", "suspects", "defendants"],
        &[
            "Ahmed Khan",
            "Luis Moreno",
            "Tom Walsh",
            "Peter Novak",
            "Daniel Okafor",
            "Marco Rossi",
            "Jan Kowalski",
            "Sean Byrne",
        ],
        &[
            "Police charged the {N} {noun}, {list}, with fraud.",
            "The {N} {noun} — {list} — were remanded in custody.",
            "Prosecutors say the {N} {noun}, {list}, ran the scheme together.",
            "{BOTH} {noun}, {list}, deny the charges.",
        ],
    ),
    (
        &["children", "daughters", "grandchildren"],
        &[
            "Amanda", "Rebecca", "Sofia", "Hannah", "Lucy", "Maya", "Chloe", "Grace", "Iris",
            "Nina",
        ],
        &[
            "He is survived by his wife and their {N} {noun}, {list}.",
            "She leaves {N} {noun}, {list}.",
            "The couple's {N} {noun}, {list}, all work in the family business.",
        ],
    ),
    (
        &["regulators", "agencies", "watchdogs"],
        &[
            "Ofcom",
            "Ofgem",
            "the Bank of England",
            "the Competition and Markets Authority",
            "the Financial Conduct Authority",
            "the Pensions Regulator",
        ],
        &[
            "The deal needs approval from {N} {noun}: {list}.",
            "The {N} {noun}, {list}, will publish joint guidance.",
        ],
    ),
    (
        &["candidates", "contenders", "finalists"],
        &[
            "Maria Lopez",
            "Ken Adams",
            "Priya Shah",
            "Olga Ivanova",
            "Tariq Aziz",
            "Emma Clarke",
            "Hugo Berger",
        ],
        &[
            "{Ncap} {noun} are standing: {list}.",
            "The {N} {noun}, {list}, met for a televised debate.",
            "The prize will go to one of the {N} {noun}: {or_list}.",
        ],
    ),
    (
        &["founders", "co-founders"],
        &[
            "Ana Ruiz",
            "Bo Chen",
            "Cai Wen",
            "Dev Patel",
            "Eli Stone",
            "Farah Malik",
        ],
        &[
            "Its {N} {noun}, {list}, met at university.",
            "The start-up's {N} {noun} — {list} — still own most of the shares.",
        ],
    ),
    (
        &["cities"],
        &[
            "Lyon", "Milan", "Oslo", "Brisbane", "Porto", "Krakow", "Leipzig", "Valencia",
        ],
        &[
            "The {N} {noun} bidding for the games — {list} — will present their plans next month.",
            "Flights to the {N} {noun}, {list}, were cancelled.",
        ],
    ),
    (
        &["clubs", "teams"],
        &[
            "Arsenal",
            "Chelsea",
            "Everton",
            "Liverpool",
            "Leeds United",
            "Aston Villa",
            "Brighton",
        ],
        &[
            "The league fined the {N} {noun}, {list}, for breaking spending rules.",
            "{Ncap} {noun} — {list} — have asked for the decision to be reviewed.",
        ],
    ),
];

fn enumeration_count() -> Vec<Case> {
    generate(600, 51, |c| {
        let &(nouns, names, frames) = c.pick(GROUPS);
        let noun = *c.pick(nouns);
        let frame = *c.pick(frames);
        let k = c.range(2, (names.len() as u64).min(6)) as usize;
        let listed: Vec<String> = distinct(c, names, k)
            .into_iter()
            .map(String::from)
            .collect();
        let bad = match c.range(0, 3) {
            0 => k - 1,
            1 | 2 => k + 1,
            _ => k + 2,
        };
        if bad < 2 {
            return None;
        }
        if frame.contains("{BOTH}") && bad != 2 && k != 2 {
            return None;
        }
        let digits = c.chance(8) && !frame.contains("{Ncap}");
        let serial = c.chance(3);
        let list = and_list(&listed, serial);
        let or_list = list.replacen(" and ", " or ", 1);
        let write = |n: usize| {
            let w = if digits {
                n.to_string()
            } else {
                words(n as u64)
            };
            let both = if n == 2 {
                "Both".to_string()
            } else {
                format!("All {}", words(n as u64))
            };
            frame
                .replace("{Ncap}", &capital(&w))
                .replace("{N}", &w)
                .replace("{BOTH}", &both)
                .replace("{noun}", noun)
                .replace("{or_list}", &or_list)
                .replace("{list}", &list)
        };
        Some(Case::new(write(bad), write(k)))
    })
}

/// How the restated value is written.
#[derive(Clone, Copy, PartialEq)]
enum Measure {
    /// 140 homes (or "twelve" when small)
    Count,
    /// 1.2 trillion parameters, 70 billion parameters
    Big,
    /// $45 million, £1.2bn
    Money,
}

/// One thing stated twice: the first statement and the restatement, each with `{V}`,
/// and the largest value that reads (for big numbers: 1 when trillions read too).
const RESTATED: &[(&str, &str, Measure, u64)] = &[
    (
        "The fire destroyed {V} homes on the edge of the town, the fire service said.",
        "Insurers have begun visiting the {V} homes, and some owners may wait months for a payout.",
        Measure::Count,
        3000,
    ),
    (
        "The carmaker said it would cut {V} jobs at its northern plants.",
        "Union leaders said the {V} jobs could not be replaced in the region.",
        Measure::Count,
        9000,
    ),
    (
        "The ferry was carrying {V} passengers when it ran aground.",
        "All {V} passengers were taken off by lifeboat before dark.",
        Measure::Count,
        2500,
    ),
    (
        "The new model has {V} parameters, the lab said.",
        "Training its {V} parameters took weeks on thousands of chips.",
        Measure::Big,
        1,
    ),
    (
        "The hospital will have {V} beds when it opens.",
        "Building the {V}-bed hospital has cost more than planned.",
        Measure::Count,
        1200,
    ),
    (
        "The contract is worth {V}, according to the tender documents.",
        "The {V} contract was awarded without a public tender.",
        Measure::Money,
        0,
    ),
    (
        "Police have identified {V} suspects in the case.",
        "The {V} suspects are expected to appear in court.",
        Measure::Count,
        40,
    ),
    (
        "The council approved plans for {V} new homes on the site.",
        "Residents say the {V} homes will put pressure on the local school.",
        Measure::Count,
        3000,
    ),
    (
        "The charity relies on {V} volunteers across the region.",
        "Its {V} volunteers kept the kitchen open through the winter.",
        Measure::Count,
        2000,
    ),
    (
        "The survey questioned {V} adults about their savings.",
        "Of the {V} adults questioned, most said they had put nothing aside.",
        Measure::Count,
        9000,
    ),
    (
        "The museum holds {V} paintings, most of them in storage.",
        "Cataloguing the {V} paintings has taken the curators years.",
        Measure::Count,
        9000,
    ),
    (
        "The storm cut power to {V} households across the county.",
        "Engineers worked through the night to reconnect the {V} households.",
        Measure::Count,
        9000,
    ),
    (
        "The wind farm will have {V} turbines off the coast.",
        "Each of the {V} turbines will stand taller than the cathedral spire.",
        Measure::Count,
        300,
    ),
    (
        "The school has {V} pupils, the head teacher said.",
        "All {V} pupils were sent home when the heating failed.",
        Measure::Count,
        2500,
    ),
    (
        "The bill runs to {V} pages.",
        "Few members had read all {V} pages before the debate.",
        Measure::Count,
        3000,
    ),
    (
        "The airline flies {V} aircraft on its regional routes.",
        "Its fleet of {V} aircraft is among the youngest in Europe.",
        Measure::Count,
        300,
    ),
    (
        "The council signed a {V} deal with the builder.",
        "Critics say the {V} deal was rushed through.",
        Measure::Money,
        0,
    ),
    (
        "The rebels have released {V} hostages, the government said.",
        "The {V} hostages were flown to the capital for medical checks.",
        Measure::Count,
        200,
    ),
    (
        "The company raised {V} from investors in its latest round.",
        "The firm plans to spend the {V} on new hires.",
        Measure::Money,
        0,
    ),
    (
        "The survey has mapped {V} stars, the researchers wrote.",
        "Charting the {V} stars took more than a decade.",
        Measure::Big,
        0,
    ),
    // The same group told with another verb, in another number form of the noun, or
    // with the noun inside a compound first and after the number later.
    (
        "The explosion killed {V} people, the health ministry said.",
        "Relatives of the {V} people who died gathered outside the morgue.",
        Measure::Count,
        400,
    ),
    (
        "Authorities said {V} persons had been displaced by the flooding.",
        "The {V} people displaced are sheltering in schools and sports halls.",
        Measure::Count,
        5000,
    ),
    (
        "The nursery looks after {V} children from the estate.",
        "Staff led all {V} children to the park when the alarm sounded.",
        Measure::Count,
        300,
    ),
    (
        "The developer will build {V} affordable flats on the site.",
        "The {V} affordable flats will be let at social rents.",
        Measure::Count,
        2000,
    ),
    (
        "The {V}-room hotel stands on the seafront.",
        "Its {V} rooms are booked for most of the summer.",
        Measure::Count,
        900,
    ),
];

/// Sentences with no numbers, to stand between a statement and its restatement.
const FILLERS: &[&str] = &[
    "Officials did not say when the work would begin.",
    "Critics have questioned the timing of the announcement.",
    "The details were set out in a statement on the organisation's website.",
    "Several local groups said they had not been consulted.",
    "A spokesperson declined to comment further.",
];

fn inconsistent_restatement() -> Vec<Case> {
    generate(600, 61, |c| {
        let &(first, again, measure, limit) = c.pick(RESTATED);
        // The first value, the wrong restatement, and how each is written.
        let (one, bad, good) = match measure {
            Measure::Count => {
                let n = if c.chance(4) || limit <= 40 {
                    c.range(3, 20.min(limit))
                } else {
                    c.range(21, limit)
                };
                let d = ((n as f64) * c.range(10, 40) as f64 / 100.0)
                    .round()
                    .max(2.0) as u64;
                // Never below 2: "the 1 jobs" is not English.
                let m = if c.chance(2) || d + 2 > n {
                    n + d
                } else {
                    n - d
                };
                let as_words = n <= 20 && c.chance(2);
                let first = if as_words { words(n) } else { commas(n) };
                // The restatement in digits, or in words when small.
                let again_words = as_words && m <= 20 && c.chance(2);
                let w = |v: u64| {
                    if again_words {
                        words(v)
                    } else {
                        commas(v)
                    }
                };
                (first, w(m), w(n))
            }
            Measure::Big => {
                let (scale, n) = if limit == 1 && c.chance(2) {
                    ("trillion", c.range(10, 90))
                } else {
                    ("billion", c.range(20, 900))
                };
                let d = ((n as f64) * c.range(12, 40) as f64 / 100.0)
                    .round()
                    .max(2.0) as u64;
                let m = if c.chance(2) { n + d } else { n - d };
                let w = |v: u64| {
                    if scale == "trillion" {
                        if v.is_multiple_of(10) {
                            format!("{} trillion", v / 10)
                        } else {
                            format!("{}.{} trillion", v / 10, v % 10)
                        }
                    } else {
                        format!("{} billion", commas(v))
                    }
                };
                (w(n), w(m), w(n))
            }
            Measure::Money => {
                let sym = *c.pick(&["$", "£", "€"]);
                let short = c.chance(3);
                let n = c.range(12, 900);
                let d = ((n as f64) * c.range(12, 40) as f64 / 100.0)
                    .round()
                    .max(2.0) as u64;
                let m = if c.chance(2) { n + d } else { n - d };
                let w = |v: u64| {
                    let num = if v.is_multiple_of(10) {
                        (v / 10).to_string()
                    } else {
                        format!("{}.{}", v / 10, v % 10)
                    };
                    format!("{sym}{num}{}", if short { "m" } else { " million" })
                };
                (w(n), w(m), w(n))
            }
        };
        let opening = first.replace("{V}", &one);
        let join = match c.range(0, 3) {
            0 => " ".to_string(),
            1 | 2 => "\n\n".to_string(),
            _ => format!("\n\n{}\n\n", c.pick(FILLERS)),
        };
        let restate = |v: &str| {
            let s = again.replace("{V}", v);
            // A sentence does not start with a number in digits.
            let s = if s.starts_with(|ch: char| ch.is_ascii_digit()) {
                format!("In all, {s}")
            } else {
                capital(&s)
            };
            format!("{opening}{join}{s}")
        };
        let case = Case::new(restate(&bad), restate(&good));
        Some(if c.chance(4) { case.inline() } else { case })
    })
}

/// Fractions news gives a share as: the words, numerator, denominator.
const FRACTIONS: &[(&str, u64, u64)] = &[
    ("a third", 1, 3),
    ("two-thirds", 2, 3),
    ("a quarter", 1, 4),
    ("three-quarters", 3, 4),
    ("half", 1, 2),
    ("a fifth", 1, 5),
    ("two-fifths", 2, 5),
    ("three-fifths", 3, 5),
    ("a tenth", 1, 10),
    ("one in five", 1, 5),
    ("one in four", 1, 4),
    ("three in ten", 3, 10),
    ("nine in ten", 9, 10),
    ("one in three", 1, 3),
];

/// More ways of giving a part, its whole and the share: fractions, "which is", "of
/// them" after the whole, words between part and whole, the share first.
fn percent_of_total_more() -> Vec<Case> {
    generate(400, 2, |c| {
        let whole = *c.pick(&[
            30u64, 40, 60, 80, 120, 150, 200, 240, 300, 600, 900, 1200, 2400,
        ]);
        let (noun, predicate) = *c.pick(COUNTED);
        let shape = c.range(0, 9);
        let decimals = c.chance(4);
        if shape <= 1 {
            // A fraction of the whole, with the count in apposition: the count is wrong.
            let &(frac, num, den) = c.pick(FRACTIONS);
            if whole % den != 0 {
                return None;
            }
            let part = whole * num / den;
            let off = (whole as f64 * c.range(8, 25) as f64 / 100.0).round() as u64;
            let wrong = if part + off < whole && (c.chance(2) || off >= part) {
                part + off
            } else if off < part {
                part - off
            } else {
                return None;
            };
            let write = |v: u64| {
                match shape {
                0 => format!(
                    "{} of the {} {noun}, or {}, {predicate}.",
                    capital(frac),
                    commas(whole),
                    commas(v)
                ),
                _ => format!(
                    "The inspectors found that {frac} of the {} {noun} in the district — {} in all — {predicate}.",
                    commas(whole),
                    commas(v)
                ),
            }
            };
            return Some(Case::new(write(wrong), write(part)));
        }
        let part = c.range(1, whole - 1);
        let true_share = part as f64 * 100.0 / whole as f64;
        if shape == 2 {
            // The share first, the count in apposition: the count is wrong.
            let shown = true_share.round();
            if (shown - true_share).abs() > 0.01 && !decimals {
                return None;
            }
            let off = (whole as f64 * c.range(8, 25) as f64 / 100.0).round() as u64;
            let wrong = if part + off < whole && c.chance(2) {
                part + off
            } else if off < part {
                part - off
            } else {
                return None;
            };
            let stated = share(c, true_share, false);
            let write = |v: u64| {
                format!(
                    "{} of the {} {noun}, or {}, {predicate}.",
                    capital(&stated),
                    commas(whole),
                    commas(v)
                )
            };
            return Some(Case::new(write(wrong), write(part)));
        }
        let offset = c.range(8, 25) as f64;
        let wrong = if true_share + offset < 100.0 {
            true_share + offset
        } else {
            true_share - offset
        };
        if wrong <= 0.0 {
            return None;
        }
        let seed = c.next();
        let good = share(&mut Chooser::new(seed), true_share, decimals);
        let bad = share(&mut Chooser::new(seed), wrong, decimals);
        let seed = c.next();
        let make = |s: &str| -> String {
            let c = &mut Chooser::new(seed);
            match shape {
                3 => format!(
                    "{} of the {} {noun} {predicate}, which is {s} of the total.",
                    count(c, part, true),
                    commas(whole)
                ),
                4 => format!(
                    "The inspectors looked at {} {noun}. Of them, {} ({s}) {predicate}.",
                    commas(whole),
                    count(c, part, false)
                ),
                5 => format!(
                    "{} of the {} private {noun} in the region ({s}) {predicate}.",
                    count(c, part, true),
                    commas(whole)
                ),
                6 => format!(
                    "{} of the city's {} {noun}, or {s}, {predicate}.",
                    count(c, part, true),
                    commas(whole)
                ),
                7 => format!(
                    "The agency looked at a total of {} {noun}, of which {} ({s}) {predicate}.",
                    commas(whole),
                    count(c, part, false)
                ),
                8 => format!(
                    "Just {} — or {s} — of the {} {noun} that took part in the study {predicate}.",
                    count(c, part, false),
                    commas(whole)
                ),
                _ => format!(
                    "A survey covered {} {noun}. In all, {} of them {predicate} — that is {s}.",
                    commas(whole),
                    count(c, part, false)
                ),
            }
        };
        Some(Case::new(make(&bad), make(&good)))
    })
}
