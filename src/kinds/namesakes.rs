//! Common names: a person named "Mike Johnson" in a story is often not the Speaker.
//!
//! The checks that compare a known person's record with the text (age, death, founding
//! claims) take a hand-written person to be meant whenever their name is written,
//! except when both their given name and their surname are among the most common in
//! English-language news: then, as for imported people, the text must identify them
//! (a title they held, a party-and-state tag, their chamber and state).

/// Given names (and the short forms news uses) common enough that a name made of one
/// of them and a common surname is shared by many people.
#[rustfmt::skip]
const GIVEN: &[&str] = &[
    "aaron", "adam", "al", "alan", "albert", "alex", "alexander", "alice", "amanda", "amy",
    "andrew", "andy", "angela", "ann", "anna", "anne", "anthony", "art", "barbara", "ben",
    "benjamin", "beth", "betty", "bill", "billy", "bob", "bobby", "brad", "brandon",
    "brent", "brian", "bruce", "carl", "carlos", "carol", "catherine", "charles", "charlie",
    "chris", "christina", "christine", "christopher", "chuck", "cindy", "craig", "dan",
    "daniel", "danny", "dave", "david", "dean", "debbie", "deborah", "dennis", "derek",
    "diane", "dick", "don", "donald", "donna", "doug", "douglas", "ed", "eddie", "edward",
    "elizabeth", "emily", "emma", "eric", "frank", "fred", "gary", "george", "glenn",
    "gordon", "grant", "greg", "gregory", "harold", "harry", "heather", "helen", "henry",
    "jack", "jacob", "james", "jamie", "jane", "janet", "jason", "jay", "jeff", "jeffrey",
    "jennifer", "jenny", "jerome", "jerry", "jessica", "jim", "jimmy", "joe", "joel",
    "john", "johnny", "jon", "jonathan", "jose", "joseph", "josh", "joshua", "joyce",
    "juan", "judy", "julie", "justin", "karen", "kate", "katherine", "kathleen", "kathy",
    "katie", "keith", "kelly", "ken", "kenneth", "kevin", "kim", "kimberly", "kurt", "kyle",
    "larry", "laura", "lauren", "lee", "leo", "linda", "lisa", "liz", "lori", "luis",
    "marc", "margaret", "maria", "mark", "mary", "matt", "matthew", "melissa", "michael",
    "michelle", "mike", "nancy", "neil", "nicholas", "nick", "pam", "pamela", "pat",
    "patricia", "patrick", "paul", "peter", "phil", "philip", "ralph", "randy", "ray",
    "raymond", "rebecca", "richard", "rick", "rob", "robert", "ron", "ronald", "roy",
    "russell", "ruth", "ryan", "sam", "samuel", "sandra", "sarah", "scott", "sean", "shane",
    "sharon", "spencer", "stan", "stephanie", "stephen", "steve", "steven", "sue", "susan",
    "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy", "tony", "travis",
    "troy", "tyler", "vincent", "walter", "warren", "wayne", "wes", "wesley", "will",
    "william", "zach",
];

/// Surnames common enough that many people share a name made with them.
#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "abbott", "adams", "allen", "alvarez", "anderson", "bailey", "baker", "barnes", "bell",
    "bennett", "brennan", "brooks", "brown", "bryant", "burke", "butler", "byrne",
    "campbell", "carney", "carter", "castillo", "chavez", "clark", "cole", "coleman",
    "collins", "cook", "cooper", "cox", "cruz", "daly", "davis", "diaz", "doyle", "duffy",
    "edwards", "ellis", "evans", "fisher", "fitzgerald", "flores", "foley", "ford",
    "foster", "gallagher", "garcia", "gibson", "gomez", "gonzales", "gonzalez", "graham",
    "gray", "green", "griffin", "hall", "hamilton", "harris", "hayes", "henderson",
    "hernandez", "hill", "howard", "hughes", "jackson", "james", "jenkins", "johnson",
    "jones", "jordan", "kelly", "kemp", "kennedy", "kim", "king", "lee", "lewis", "long",
    "lopez", "lynch", "maguire", "marshall", "martin", "martinez", "mccarthy", "mcdonald",
    "miller", "mitchell", "moore", "morgan", "morris", "murphy", "murray", "myers",
    "nelson", "nguyen", "nolan", "obrien", "owens", "parker", "patel", "patterson", "perez",
    "perry", "peterson", "phillips", "powell", "price", "quinn", "ramirez", "reed",
    "reilly", "reyes", "richardson", "rivera", "roberts", "robinson", "rodriguez", "rogers",
    "ross", "russell", "ryan", "sanchez", "sanders", "scott", "simmons", "smith", "stein",
    "stewart", "sullivan", "taylor", "thomas", "thompson", "torres", "turner", "walker",
    "wallace", "walsh", "ward", "washington", "watson", "wells", "west", "white",
    "williams", "wilson", "wood", "woods", "wright", "young",
];

/// Whether `name` is a common one: two words, a common given name and a common surname
/// ("Mike Johnson", "Tom Price"). A middle name or initial, a suffix, or an uncommon
/// word makes a name distinctive ("Robert F. Kennedy Jr.", "Barack Obama").
pub fn is_common_name(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    match &words[..] {
        [given, surname] => {
            GIVEN.binary_search(&given.as_str()).is_ok()
                && SURNAMES.binary_search(&surname.as_str()).is_ok()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_sorted_for_binary_search() {
        assert!(GIVEN.windows(2).all(|w| w[0] < w[1]));
        assert!(SURNAMES.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn common_and_distinctive_names() {
        for name in [
            "Mike Johnson",
            "Tom Price",
            "Wes Moore",
            "Chuck Schumer",
            "John Kerry",
        ] {
            let expected = matches!(name, "Mike Johnson" | "Tom Price" | "Wes Moore");
            assert_eq!(is_common_name(name), expected, "{name}");
        }
        for name in [
            "Barack Obama",
            "Robert F. Kennedy Jr.",
            "Gavin Newsom",
            "Mike Pence",
        ] {
            assert!(!is_common_name(name), "{name}");
        }
    }
}
