//! What every grammar of the phrasing generator shares: the case, a seeded chooser,
//! number forms, and paragraphs to set cases in when the news corpus is not there.

#![allow(dead_code)]

/// One error sentence (or short passage) and its correct twin.
#[derive(Debug, Clone)]
pub struct Case {
    pub bad: String,
    pub good: String,
    /// The article's date (YYYY-MM-DD); the harness's default when `None`.
    pub date: Option<&'static str>,
    /// Joined to the end of the paragraph before instead of standing alone, so that a
    /// check that reads across sentences meets it in running text.
    pub inline: bool,
}

impl Case {
    pub fn new(bad: impl Into<String>, good: impl Into<String>) -> Self {
        Case {
            bad: bad.into(),
            good: good.into(),
            date: None,
            inline: false,
        }
    }

    pub fn dated(mut self, date: &'static str) -> Self {
        self.date = Some(date);
        self
    }

    pub fn inline(mut self) -> Self {
        self.inline = true;
        self
    }
}

/// A small deterministic generator (xorshift64*), so every run builds the same cases.
pub struct Chooser(u64);

impl Chooser {
    pub fn new(seed: u64) -> Self {
        Chooser(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    pub fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }
}

/// Keep generating until `want` distinct error sentences are made (or the grammar runs
/// dry after many tries); a grammar returns `None` for a combination that does not read.
pub fn generate(
    want: usize,
    seed: u64,
    mut make: impl FnMut(&mut Chooser) -> Option<Case>,
) -> Vec<Case> {
    let mut chooser = Chooser::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < want && tries < want * 50 {
        tries += 1;
        if let Some(case) = make(&mut chooser) {
            if case.bad != case.good && seen.insert(case.bad.clone()) {
                out.push(case);
            }
        }
    }
    out
}

/// 12345 -> "12,345".
pub fn commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0..1,000,000 in words, as news writes them: "forty-two", "three hundred and five",
/// "sixty thousand".
pub fn words(n: u64) -> String {
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    if n < 100 {
        let (t, o) = (n / 10, n % 10);
        return if o == 0 {
            TENS[t as usize].to_string()
        } else {
            format!("{}-{}", TENS[t as usize], ONES[o as usize])
        };
    }
    if n < 1000 {
        let (h, r) = (n / 100, n % 100);
        return if r == 0 {
            format!("{} hundred", ONES[h as usize])
        } else {
            format!("{} hundred and {}", ONES[h as usize], words(r))
        };
    }
    let (th, r) = (n / 1000, n % 1000);
    if r == 0 {
        format!("{} thousand", words(th))
    } else if r < 100 {
        format!("{} thousand and {}", words(th), words(r))
    } else {
        format!("{} thousand {}", words(th), words(r))
    }
}

/// Capitalise the first letter (a sentence that starts with a number in words).
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Paragraphs written for this test, used when the news corpus is not there: ordinary
/// news prose with a few numbers and names, none of them an error.
pub const OWN_PARAGRAPHS: &[&str] = &[
    "The harbour board met on a wet morning to hear from fishermen who say the new quay has made the tides harder to read. Several captains asked for the survey to be repeated before the next season, and the chair promised an answer within weeks.",
    "Residents of the valley have long complained about the single road in and out. When the river rises, as it did twice last winter, the village is cut off and the school bus cannot reach the families on the far bank.",
    "The museum reopened its east wing after a long restoration, with the tapestries rehung in the order the original collector chose. Curators said the light in the gallery had been the hardest thing to get right.",
    "Farmers in the district said the late frost had damaged the blossom on many of the older orchards. Younger trees, planted on the higher slopes, fared better, and some growers expect a normal harvest.",
    "The union said talks would continue next week. Its negotiators want the company to put its offer in writing, and the company says it is ready to do so once the two sides agree on the wording of the pension clause.",
    "Police closed the bridge for most of the afternoon while divers searched the water below. A spokesman asked drivers to avoid the area and thanked the public for reports that helped the search.",
    "The theatre company will tour the coastal towns this summer, playing in halls, churches and, where the weather allows, on the beach. Its director said the aim was to reach people who rarely travel to the city for a show.",
    "Engineers are still studying why the signal system failed during the evening rush. Commuters waited on crowded platforms for more than an hour, and the operator has promised a full account to the transport committee.",
    "The charity runs a kitchen in the old market hall, where volunteers cook for anyone who comes through the door. Its organisers say demand has grown steadily and that they are looking for a larger space.",
    "Scientists aboard the research ship spent the week mapping the sea floor along the ridge. The data, they said, will help explain how the currents carry warm water north and why the fish stocks have shifted.",
    "The mayor defended the plan at a packed public meeting, saying the town could not afford to leave the old mill empty. Opponents questioned the cost and asked why the council had not considered other sites.",
    "The airline said the delays were caused by a shortage of ground staff at the regional airport. Passengers were offered vouchers, and the company said it was hiring to fill the gaps before the holidays.",
    "Teachers at the secondary school have started a reading club that meets in the library at lunch. Pupils choose the books, and the club has grown from a handful of members to a full room.",
    "The court heard that the contract had been signed in a hurry, with several pages left blank. Lawyers for the builder argued that the missing terms had been agreed by telephone and were well understood.",
    "Rangers in the national park reported a good breeding season for the eagles that nest on the northern cliffs. Visitors are asked to keep to the marked paths while the young birds learn to fly.",
    "The bakery on the corner of the square has been run by the same family for generations. Its owners say rising prices for flour and energy have made this the hardest year they can remember.",
    "Health officials urged people to check on elderly neighbours during the heatwave and to keep curtains drawn in the afternoon. Hospitals said they had prepared extra beds in case they were needed.",
    "The orchestra's new conductor chose a programme of works rarely heard in the hall, opening with a suite for strings. Critics praised the playing and the courage of the choice.",
    "Volunteers cleared rubbish from the beach on Saturday, filling sacks with plastic, rope and netting washed ashore after the storms. The organisers plan a second clean-up before the summer crowds arrive.",
    "The ministry said the new rules would be explained to businesses in a series of meetings around the country. Trade groups welcomed the consultation but said the timetable was too short.",
    "A small crowd gathered outside the station to watch the last steam train leave for the museum line. Some had travelled from far away, and many took photographs as it pulled out.",
    "The city library has extended its opening hours after a campaign by students who wanted somewhere quiet to work in the evenings. The change is paid for from the council's reserves for the rest of the year.",
    "Firefighters brought the blaze at the warehouse under control shortly before midnight. No one was hurt, and investigators will return in daylight to look for the cause.",
    "The football club announced that its stadium will be renamed after a local benefactor who left the club a large gift in her will. Supporters' groups said they were consulted and backed the decision.",
];
