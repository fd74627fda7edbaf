//! `past-as-future`: an event told in the future tense ("will be held on", "is
//! scheduled for") on a date before the article's reference date.
//!
//! Why: "The vote will be held on 3 March 2018" in an article of April 2018 is stale: the
//! vote either happened or moved.
//! Reads the verb group that governs the date in its clause ([`tense::governor`]):
//! "will" (also "we'll", "will be travelling", "will stay closed until"), "is to", "is
//! set/due/scheduled/expected/slated to", "is going to", "plans/intends/aims to", "is
//! scheduled for", the present progressive of an arranged event with a day ("are
//! meeting on"), before the date or after a date that leads the clause. The present of
//! a timetable ("closes on", "takes effect on") counts for a date gone by more than a
//! week and less than six months (older, it is a story's narrative present), outside
//! habits, reported speech and periods still running.
//! Limits: a long object between verb and date, or one that names its own event ("will
//! examine the crash on", "will hold hearings on"), leaves the date alone; so does a
//! progressive whose object holds a participle ("are visiting towns hit on"). Dates
//! inside quotations, in conditional sentences, in projections, after a past plan or
//! after a speech verb that reports the plan ("the council said it will open in 2017")
//! are skipped (a quoted plan is a fact about the plan). A date without a year is read
//! as in `future-as-past`. The date must end more than `min_days` before the reference
//! date. Skipped without a reference date.

use super::tense::{self, Params, Wrong};
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError, in_range};
use crate::extract::CueKind;

#[derive(Debug)]
pub struct PastAsFuture {
    params: Params,
}

impl PastAsFuture {
    pub fn new(params: Params) -> Self {
        PastAsFuture { params }
    }
}

impl Build for PastAsFuture {
    type Params = Params;

    fn build(params: Params, _: Compile) -> Result<Self, ParamError> {
        in_range("min_days", params.min_days, 0, 36_500)?;
        Ok(PastAsFuture::new(params))
    }
}

impl Kind for PastAsFuture {
    fn args(&self) -> Vec<String> {
        tense::args()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = cx.reference.date else {
            return;
        };
        let wrong = Wrong::Before;
        let dates = tense::tensed(cx, reference, &self.params, wrong, CueKind::Future);
        for (d, cue) in dates {
            out.push(tense::finding(cx, reference, d, cue, "future tense"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    fn kind() -> PastAsFuture {
        PastAsFuture::new(Params::default())
    }

    #[test]
    fn flags_future_tense_for_an_earlier_date() {
        let d = Some("2018-04-10");
        assert_finds(&kind(), "The vote will be held on <<3 March 2018>>.", d);
        assert_finds(&kind(), "The plant is scheduled to open in <<2017>>.", d);
        assert_finds(&kind(), "The race will take place in <<March 2018>>.", d);
    }

    #[test]
    fn flags_any_future_or_plan_of_the_dates_clause() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_finds(&k, "She will announce her resignation on <<21 March 2018>>.", d);
        assert_finds(&k, "The sides are to sign a truce on <<July 5, 2017>>.", d);
        assert_finds(&k, "The mayor is due to open the bridge in <<2017>>.", d);
        assert_finds(&k, "The firm aims to reopen the plant in <<March 2018>>.", d);
        assert_finds(&k, "On <<14 March 2018>>, the mayor is set to unveil the plan.", d);
        assert_finds(&k, "The hearing is set for <<2018-03-02>>.", d);
        assert_finds(&k, "The bill will be passed on <<3 March 2018>>, officials said.", d);
    }

    #[test]
    fn allows_past_plans_modifiers_and_other_clauses() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_clean(&k, "The mayor was set to open the bridge in 2017.", d);
        assert_clean(&k, "The mayor had been expected to open the bridge in 2017.", d);
        assert_clean(&k, "It will build on the November 2017 proposed rule.", d);
        assert_clean(&k, "The inquiry will examine the crash on 3 March 2018.", d);
        assert_clean(&k, "The law, which took effect in 2017, will be reviewed.", d);
        assert_clean(&k, "Towns hit by earthquakes in 2017 will be rebuilt.", d);
        assert_clean(&k, "If the vote had been held in 2017, the outcome could differ.", d);
    }

    #[test]
    fn reads_contracted_will_and_arranged_progressives() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_finds(&k, "She'll open the hospital's new ward on <<6 March 2018>>.", d);
        assert_finds(&k, "They're due to sign the lease on <<6 March 2018>>.", d);
        assert_finds(&k, "The two presidents are meeting in Helsinki on <<6 March 2018>>.", d);
        assert_finds(&k, "On <<6 March 2018>>, the orchestra is performing in Vienna.", d);
    }

    #[test]
    fn reads_future_progressives_until_and_timetables() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_finds(&k, "The minister will be touring the region on <<6 March 2018>>.", d);
        assert_finds(&k, "The pool will stay open until <<6 March 2018>>.", d);
        assert_finds(&k, "The new speed limit takes effect on <<6 March 2018>>.", d);
        assert_finds(&k, "The consultation closes on <<28 February 2018>>.", d);
        assert_finds(&k, "On <<6 March 2018>>, the ban comes into force.", d);
    }

    #[test]
    fn allows_narrative_habitual_reported_and_running_presents() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_clean(&k, "The film opens on 6 June 1944, on a beach in Normandy.", d);
        assert_clean(&k, "The fair usually opens on 6 March 2018 and every spring.", d);
        assert_clean(&k, "The lease expires on 6 March 2018, the landlord said.", d);
        assert_clean(&k, "The levy begins on 6 March 2018 and ends on 30 June 2018.", d);
        assert_clean(&k, "Figures cover the quarter that begins on 1 January 2018.", d);
        assert_clean(&k, "The pool opens on 5 April 2018 after repairs.", d);
        assert_clean(&k, "The pool was closed until 6 March 2018.", d);
    }

    #[test]
    fn allows_ongoing_work_on_past_events() {
        let d = Some("2018-04-10");
        let k = kind();
        assert_clean(&k, "Detectives are investigating a burglary on 6 March 2018.", d);
        assert_clean(&k, "Crews are visiting farms hit on 6 March 2018 by hail.", d);
        assert_clean(&k, "The gallery is opening more rooms in 2017.", d);
        assert_clean(&k, "Fans will look back on 6 March 2018 for years.", d);
    }

    #[test]
    fn allows_quoted_plans_past_plans_and_later_dates() {
        let d = Some("2018-04-10");
        assert_clean(&kind(), "The vote will be held on 3 May 2018.", d);
        assert_clean(&kind(), "The vote was scheduled for 3 March 2018.", d);
        assert_clean(
            &kind(),
            "\"The vote will be held on 3 March 2018,\" she had said.",
            d,
        );
        assert_clean(&kind(), "The minister said it will open in 2017.", d);
        assert_clean(&kind(), "The race will take place in April 2018.", d);
        assert_clean(&kind(), "The vote will be held on 3 March 2018.", None);
    }
}
