//! `future-as-past`: an event told in the past tense ("was held on", "took place in")
//! on a date after the article's reference date.
//!
//! Why: "The final was held on 14 March 2022" in an article dated January 2022 is either
//! a wrong date or a stale draft; readers cannot tell which.
//! Reads the verb that governs the date in its clause ([`tense::governor`]): any past or
//! perfect verb, before the date or after a date that leads the clause. Reported speech
//! does not excuse it ("officials said the vote was held on" a day yet to come).
//! Auxiliaries written into one word count ("we've", "wasn't", "hadn't"), and a date
//! that leads its clause may follow an adverb ("Back on 9 March 2022, ...").
//! Limits: verbs the reader does not know as past (base-form pasts such as "cut",
//! "set") are missed; an infinitive after a past verb ("voted to close the depot in
//! 2025") is left alone, as it names a plan; so are arranging an event ("booked a
//! visit on", "invited members to a rally on") and a date after an event noun ("a
//! state visit on", "the meeting on") or "due" ("bonds due in 2031"). Dates inside
//! quotations, in conditional sentences or after a past plan ("was scheduled for") are
//! skipped. A date without a year is read in the reference year only when that reading
//! is the nearest, within four months, and no other year comes before it in the
//! paragraph. The date must lie
//! more than `min_days` after the reference date, to allow for time zones and late
//! publication. With an inferred reference date (the earliest the text can be), only
//! the extractor's cue right before the date counts. Skipped without a reference date.

use super::tense::{self, Params, Wrong};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::CueKind;

#[derive(Debug)]
pub struct FutureAsPast {
    params: Params,
}

impl FutureAsPast {
    pub fn new(params: Params) -> Self {
        FutureAsPast { params }
    }
}

impl Build for FutureAsPast {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("min_days", params.min_days, 0, 36_500)?;
        Ok(FutureAsPast::new(params))
    }
}

impl Kind for FutureAsPast {
    fn args(&self) -> Vec<String> {
        tense::args()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        let wrong = Wrong::After;
        let dates = tense::tensed(cx, reference, &self.params, wrong, CueKind::PastEvent);
        for (d, cue) in dates {
            out.push(tense::finding(cx, reference, d, cue, "past tense"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> FutureAsPast {
        FutureAsPast::new(Params::default())
    }

    #[test]
    fn flags_past_tense_for_a_later_date() {
        let d = Some("2022-01-20");
        assert_finds(&kind(), "The final was held on <<14 March 2022>>.", d);
        assert_finds(&kind(), "The ceremony took place in <<June 2022>>.", d);
        assert_finds(&kind(), "The founder died in <<2023>>.", d);
    }

    #[test]
    fn flags_any_past_verb_of_the_dates_clause() {
        let d = Some("2022-01-20");
        let k = kind();
        assert_finds(&k, "The bank raised interest rates <<March 12, 2022>>.", d);
        assert_finds(&k, "He died at the age of 81 on <<2 March 2022>>.", d);
        assert_finds(&k, "In <<April 2022>>, the summit took place in Lisbon.", d);
        assert_finds(&k, "Negotiators have reached a deal in <<2023>>.", d);
        assert_finds(&k, "The treaty has been signed on <<July 13th, 2022>>.", d);
        assert_finds(&k, "Officials said the vote was held on <<14 March 2022>>.", d);
        assert_finds(&k, "The council met on the <<3rd of March 2022>>.", d);
        assert_finds(&k, "The final was held on <<14 March>>.", d);
        assert_finds(&k, "He was discharged <<March 2, 2022>> from hospital.", d);
        assert_finds(
            &k,
            "The notice was posted on 4 January 2022 and closed on <<27 April 2022>>.",
            d,
        );
    }

    #[test]
    fn allows_plans_forecasts_and_participles_after_nouns() {
        let d = Some("2022-01-20");
        let k = kind();
        assert_clean(&k, "The order sets a target for half of all cars sold in 2030.", d);
        assert_clean(&k, "The order would have expired in 2032.", d);
        assert_clean(&k, "Mexico committed $68 million in 2023 to the project.", d);
        assert_clean(&k, "The plan will be advanced in May and launched in November 2022.", d);
        assert_clean(&k, "Priorities are laid out in the 2050 Strategy.", d);
        assert_clean(&k, "The council voted to close the depot in 2023.", d);
        assert_clean(&k, "The bank raised its forecast for growth in 2023.", d);
        assert_clean(&k, "The vote was postponed until March 2022.", d);
        assert_clean(&k, "Growth is projected to slow in 2023, the fund said.", d);
    }

    #[test]
    fn reads_auxiliaries_written_into_one_word() {
        let d = Some("2022-01-20");
        let k = kind();
        assert_finds(&k, "We've settled the claim on <<14 March 2022>>.", d);
        assert_finds(&k, "The ferry wasn't sailing on <<2 April 2022>> after all.", d);
        assert_finds(&k, "The permit hadn't been renewed on <<5 May 2022>>.", d);
    }

    #[test]
    fn reads_a_leading_date_after_an_adverb() {
        let d = Some("2022-01-20");
        assert_finds(&kind(), "Back on <<9 March 2022>>, the club sacked its coach.", d);
    }

    #[test]
    fn allows_arranged_events_and_dates_of_event_nouns() {
        let d = Some("2022-01-20");
        let k = kind();
        assert_clean(&k, "The club booked a friendly against Porto on 9 March 2022.", d);
        assert_clean(&k, "The palace announced a state visit to Ghana on 9 March 2022.", d);
        assert_clean(&k, "Staff were told of the inspector's visit on 9 March 2022.", d);
        assert_clean(&k, "The mayor invited residents to a meeting on 9 March 2022.", d);
        assert_clean(&k, "The utility issued bonds due in 2031.", d);
    }

    #[test]
    fn allows_plans_quotes_and_earlier_dates() {
        let d = Some("2022-01-20");
        assert_clean(&kind(), "The final was held on 14 January 2022.", d);
        assert_clean(
            &kind(),
            "The final was scheduled to be held on 14 March 2022.",
            d,
        );
        assert_clean(&kind(), "The final will be held on 14 March 2022.", d);
        assert_clean(
            &kind(),
            "\"The final was held on 14 March 2022,\" he joked.",
            d,
        );
        assert_clean(
            &kind(),
            "If the final was held in 2023, fans would come.",
            d,
        );
        // A year-less date is read in the reference year only when that is nearest.
        assert_clean(&kind(), "The final was held on 14 December.", d);
        assert_clean(&kind(), "The final was held on 14 March 2022.", None);
    }
}
