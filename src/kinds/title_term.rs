//! `title-term`: a known person named by an office title they did not hold at the
//! reference date ("Rep. NAME says" after NAME moved to the Senate; "President NAME"
//! years after the term ended).
//!
//! Why: an outdated or premature title is a classic correction, and terms of office are
//! on record.
//! Limits: only a title written right before the name ("Sen.", "Senator", "Rep.",
//! "Congresswoman", "Gov.", "President", "Vice President", "Prime Minister", "PM", ...)
//! and only for a person on record as having held that very title at some time (a
//! title never recorded for them says nothing: the record may be incomplete), and
//! only when the person speaks or acts at the time of writing ("says", "will", "is",
//! "said on Monday"): news names people by the title they had when it tells of the
//! past ("appointed by President X", "under Senator Y"). Titles
//! after "former", "then-", "ex-", "late" are past titles and fine. The day compared is
//! the reference date, which must be known; a passage that speaks of another time (a
//! date far from the reference date, a decade) and quotations are left alone; the
//! weeks between an election and taking office, and a few weeks after leaving it, are
//! allowed.
//!
//! A country or state written with the title binds it to that place's office: before
//! it ("French President", "Germany's Chancellor", "Arkansas Sen.") or after the name
//! ("Prime Minister X of Japan"). Then only the person's terms of that place count, so
//! a president of one country is not taken for another's; a place whose office they
//! never held says nothing. Without a place, a term of that title anywhere counts.
//!
//! A chief executive ("CEO X", "chief executive X", "Chief Executive Officer X") is
//! bound the same way to the company written before the title ("Apple CEO X",
//! "Apple's chief executive X"): only their terms at that company count, and a company
//! they never led on record says nothing.

use serde::Deserialize;

use super::calendar::day_text;
use super::context::{Build, CheckContext, Compile, Finding, Kind, ParamError};
use super::people::{
    held, known_reference, name_words_before, passage_is_dated, place_after_name,
    place_before_title, recent_action_after, term_is_of, title_before_lead, title_fits,
    TitleLead,
};
use crate::span::Span;

/// The long form of "CEO", "chief executive" and "Chief Executive Officer".
const CHIEF_EXECUTIVE: &str = "Chief Executive";

/// The company written with a chief executive's title, as candidates longest first with
/// their spans: the owner of a possessive ("Apple's chief executive") or one to three
/// capitalised words right before the title ("General Motors CEO", "Apple CEO").
fn company_before_title(text: &str, title_span: Span, lead: TitleLead) -> Vec<(String, Span)> {
    if let Some(owner) = lead.possessive {
        return vec![(owner.text(text).to_string(), owner)];
    }
    let Some(head) = text.get(..title_span.start).and_then(|h| h.strip_suffix(' ')) else {
        return Vec::new();
    };
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w.ends_with('.')
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '.'))
    };
    let mut out: Vec<(String, Span)> = name_words_before(head, is_name_word)
        .into_iter()
        .map(|from| (head[from..].to_string(), Span::new(from, head.len())))
        .collect();
    out.reverse();
    out
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Params {}

#[derive(Debug)]
pub struct TitleTerm;

impl Build for TitleTerm {
    type Params = Params;

    fn build(_: Params, _: Compile) -> Result<Self, ParamError> {
        Ok(TitleTerm)
    }
}

impl Kind for TitleTerm {
    fn args(&self) -> Vec<String> {
        ["name", "title", "reference", "terms", "source"]
            .map(String::from)
            .to_vec()
    }

    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(reference) = known_reference(cx) else {
            return;
        };
        for p in &cx.mentions.people {
            let Some((title_span, title, lead)) = title_before_lead(cx.text, p.span.start)
            else {
                continue;
            };
            if lead.past {
                continue;
            }
            // "Apple CEO X": the company binds a chief executive's title as a place
            // binds a head of government's.
            let ceo = title == CHIEF_EXECUTIVE;
            let before = if ceo {
                None
            } else {
                place_before_title(cx.kb, cx.text, title_span, lead)
            };
            // A possessive other than a place ("Trump's Vice President") names another
            // relation than an office held.
            if lead.possessive.is_some() && before.is_none() && !ceo {
                continue;
            }
            // "Norwegian Prime Minister X": the place words belong to the title and
            // "former" goes before them; "Germany's Chancellor X" keeps its possessive.
            let mut title_span = match &before {
                Some((_, place_span)) if lead.possessive.is_none() => place_span.cover(title_span),
                _ => title_span,
            };
            let after = if ceo {
                None
            } else {
                place_after_name(cx.kb, cx.text, p.span.end)
            };
            let name_end = after.as_ref().map_or(p.span.end, |(_, end)| *end);
            let mut place = before.map(|(place, _)| place).or(after.map(|(place, _)| place));
            // The title is a claim about the time of writing only when the person
            // speaks or acts then ("President X said on Monday"); "appointed by
            // President X" and "under President X" speak of the past.
            if recent_action_after(cx.text, name_end).is_none() {
                continue;
            }
            if cx.doc.prose.is_quoted(title_span.start) || passage_is_dated(cx, p.span, reference)
            {
                continue;
            }
            let Some(entity) = cx.kb.resolve(p.who) else {
                continue;
            };
            if ceo {
                // The longest words before the title that name the company of one of the
                // person's terms ("General Motors CEO"); words naming no company they led
                // ("SpaceX CEO" for a chief executive of Tesla on record) say nothing.
                let written = company_before_title(cx.text, title_span, lead);
                let bound = written.iter().find(|(company, _)| {
                    entity
                        .terms
                        .iter()
                        .any(|t| title_fits(t, title) && term_is_of(cx.kb, t, company))
                });
                match bound {
                    Some((company, span)) => {
                        if lead.possessive.is_none() {
                            title_span = span.cover(title_span);
                        }
                        place = Some(company.clone());
                    }
                    None if !written.is_empty() => continue,
                    None => {}
                }
            }
            let of_place = |t: &&crate::kb::Term| {
                place
                    .as_deref()
                    .is_none_or(|place| term_is_of(cx.kb, t, place))
            };
            let terms: Vec<_> = entity
                .terms
                .iter()
                .filter(|t| title_fits(t, title))
                .filter(of_place)
                .collect();
            let in_place: Vec<_> = terms.iter().map(|t| (*t).clone()).collect();
            if terms.is_empty() || held(&in_place, title, reference, reference) {
                continue;
            }
            // Chief executives are on record for their recent terms only: a title used
            // before the first term on record says nothing ("Twitter CEO Jack Dorsey" in
            // 2007, when an earlier term may be missing).
            if ceo && terms.iter().all(|t| reference < t.from.first_day()) {
                continue;
            }
            // Someone who has died is named by the title they had ("the late Sen. X").
            if entity.ends.iter().any(|f| f.verb == "died") {
                continue;
            }
            let list = terms
                .iter()
                .map(|t| {
                    let to = t.to.map_or_else(|| "open".to_string(), |d| d.to_string());
                    format!("{} from {} to {}", t.office, t.from, to)
                })
                .collect::<Vec<_>>()
                .join("; ");
            // What they held that day, if anything is on record.
            let then = entity
                .terms
                .iter()
                .find(|t| t.overlaps(reference, reference))
                .map(|t| format!("; on that day: {} since {}", t.office, t.from))
                .unwrap_or_default();
            let list = format!("{list}{then}");
            let span = title_span.cover(p.span);
            let mut finding = Finding::at(span)
                .arg("name", &entity.name)
                .arg("title", cx.text[title_span.start..title_span.end].trim())
                .arg("reference", day_text(reference))
                .arg("terms", &list)
                .arg("source", &entity.source)
                .label(title_span, format!("not {title} on {}", day_text(reference)));
            let ended = terms.iter().all(|t| t.to.is_some_and(|to| to.last_day() < reference));
            if ended {
                let starts_sentence = cx
                    .doc
                    .prose
                    .sentence_at(title_span.start)
                    .is_some_and(|s| s.start == title_span.start);
                let former = if starts_sentence { "Former" } else { "former" };
                finding = finding.unsafe_fix(
                    title_span,
                    format!("{former} {}", title_span.text(cx.text)),
                );
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::testing::{assert_clean, assert_finds};

    const DAY: Option<&str> = Some("2026-06-10");

    #[test]
    fn flags_a_leader_named_by_a_nationality_and_an_outdated_title() {
        let f = assert_finds(
            &TitleTerm,
            "<<Norwegian Prime Minister Erna Solberg>> said on Monday that revenue would fall.",
            DAY,
        );
        assert!(f.args.iter().any(|(k, v)| k == "terms" && v.contains("of Norway")));
        assert_finds(
            &TitleTerm,
            "Germany's <<Chancellor Olaf Scholz>> said on Monday that the plan was sound.",
            DAY,
        );
        assert_finds(
            &TitleTerm,
            "<<Prime Minister Fumio Kishida>> of Japan said on Monday that the yen was stable.",
            DAY,
        );
    }

    #[test]
    fn a_place_inside_a_longer_name_does_not_bind_the_title() {
        // "Bank of Canada Governor": the office is the bank's; Carney left it in 2013.
        assert_finds(
            &TitleTerm,
            "Bank of Canada <<Governor Mark Carney>> said on Monday that rates would fall.",
            DAY,
        );
    }

    #[test]
    fn allows_a_title_of_a_country_whose_office_the_person_never_held() {
        // Bolsonaro's presidency was Brazil's: an Italian one is not on record, so the
        // record says nothing of it.
        assert_clean(
            &TitleTerm,
            "Italian President Jair Bolsonaro says the vote was fair.",
            DAY,
        );
        assert_finds(
            &TitleTerm,
            "<<Brazilian President Jair Bolsonaro>> says the vote was fair.",
            DAY,
        );
    }

    #[test]
    fn allows_current_and_former_foreign_leaders() {
        for text in [
            "French President Emmanuel Macron said on Monday that the talks would go on.",
            "Japanese Prime Minister Sanae Takaichi said on Monday that the yen was stable.",
            "Former Norwegian Prime Minister Erna Solberg said on Monday that revenue would fall.",
            "Ex-Chancellor Olaf Scholz said on Monday that he would write a book.",
            "Trump's Vice President JD Vance said on Monday that the bill would pass.",
        ] {
            assert_clean(&TitleTerm, text, DAY);
        }
    }

    #[test]
    fn binds_a_chief_executive_to_the_company_written_before_the_title() {
        let f = assert_finds(
            &TitleTerm,
            "<<Twitter CEO Jack Dorsey>> said on Monday that the app would grow.",
            DAY,
        );
        assert!(f.args.iter().any(|(k, v)| k == "terms" && v.contains("of Twitter")));
        assert_finds(
            &TitleTerm,
            "<<Microsoft chief executive Steve Ballmer>> said on Monday that sales rose.",
            DAY,
        );
        for text in [
            "Apple CEO Tim Cook said on Monday that sales rose.",
            "Apple's chief executive Tim Cook said on Monday that sales rose.",
            "SpaceX CEO Elon Musk said on Monday that the launch went well.",
            "Former Twitter CEO Jack Dorsey said on Monday that bitcoin would rise.",
            "Twitter co-founder Jack Dorsey said on Monday that bitcoin would rise.",
        ] {
            assert_clean(&TitleTerm, text, DAY);
        }
    }

    #[test]
    fn a_chief_executive_title_before_the_first_term_on_record_says_nothing() {
        // An earlier term may be missing from the record: Dorsey's is from 2015.
        assert_clean(
            &TitleTerm,
            "Twitter CEO Jack Dorsey said on Monday that the service would grow.",
            Some("2008-03-04"),
        );
    }
}
