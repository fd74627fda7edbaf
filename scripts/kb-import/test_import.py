"""Self-test of the knowledge import: the agreement rule and the output format.

    python3 -m unittest scripts/kb-import/test_import.py

Every input here is a tiny invented dataset written for the test; none of it is a
real record.
"""

import csv
import importlib.util
import json
import tempfile
import unittest
from pathlib import Path

_spec = importlib.util.spec_from_file_location("kb_import", Path(__file__).with_name("import.py"))
kb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(kb)


def write_json(path: Path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_csv(path: Path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def make_sources(root: Path):
    # Two invented countries. Freedonia: every source agrees on the capital; the
    # currency is given by one source only. Sylvania: the capital is disputed.
    write_json(root / "mledoze-countries" / "countries.json", [
        {"cca2": "FD", "name": {"common": "Freedonia", "official": "Republic of Freedonia"},
         "altSpellings": ["FD"], "capital": ["Port Marx"], "currencies": {"FDD": {"name": "Freedonian dollar"}}},
        {"cca2": "SY", "name": {"common": "Sylvania", "official": "Kingdom of Sylvania"},
         "altSpellings": [], "capital": ["Oldtown"], "currencies": {"SYL": {"name": "Sylvanian lira"}}},
    ])
    write_json(root / "geonames" / "countries.json", {
        "FD": {"geonameid": 901, "name": "Freedonia", "iso": "FD", "fips": "FZ", "capital": "Port Marx",
               "currencycode": "XXX", "currencyname": "Other"},
        "SY": {"geonameid": 902, "name": "Sylvania", "iso": "SY", "fips": "SV", "capital": "Newtown",
               "currencycode": "SYL", "currencyname": "Sylvanian Lira"},
    })
    write_json(root / "factbook" / "europe" / "fz.json", {
        "Government": {"Country name": {"conventional short form": {"text": "Freedonia"},
                                        "conventional long form": {"text": "Republic of Freedonia"}},
                       "Capital": {"name": {"text": "Port Marx"}}},
        "Economy": {"Exchange rates": {"Currency": {"text": "Freedonian dollars (FDD) per US dollar -"}}},
    })
    # Cities: Port Marx is in both city lists at nearly the same place; Lonely Hill is
    # in one list only; "Twin Falls" in the second list is 300 km away (another town).
    write_json(root / "geonames" / "cities500.json", {
        "1": {"geonameid": 1001, "name": "Port Marx", "asciiname": "Port Marx", "latitude": 10.0, "longitude": 20.0,
              "countrycode": "FD", "population": 50000, "alternatenames": ["Portmarx"]},
        "2": {"geonameid": 1002, "name": "Twin Falls", "asciiname": "Twin Falls", "latitude": 13.0, "longitude": 20.0,
              "countrycode": "FD", "population": 900, "alternatenames": []},
        "3": {"geonameid": 1003, "name": "Sao Bento", "asciiname": "Sao Bento", "latitude": 11.0, "longitude": 21.0,
              "countrycode": "FD", "population": 9000, "alternatenames": ["São Bento"]},
    })
    write_json(root / "simplemaps" / "cities.json", [
        {"city": "Port Marx", "city_ascii": "Port Marx", "lat": "10.01", "lng": "20.02", "iso2": "FD",
         "capital": "primary", "population": "50000", "id": "77", "admin_name": "Uplands"},
        {"city": "Lonely Hill", "city_ascii": "Lonely Hill", "lat": "9.0", "lng": "19.0", "iso2": "FD",
         "capital": "", "population": "1000", "id": "78"},
        {"city": "Twin Falls", "city_ascii": "Twin Falls", "lat": "10.3", "lng": "20.0", "iso2": "FD",
         "capital": "", "population": "2000", "id": "79"},
        {"city": "São Bento", "city_ascii": "Sao Bento", "lat": "11.0", "lng": "21.0", "iso2": "FD",
         "capital": "", "population": "9000", "id": "80"},
    ])
    # People: Ada Example is in all three person sources; Bo Sample's birth dates
    # differ; Cy Nobody is in one source only.
    write_json(root / "congress-legislators" / "legislators-current.json", [
        {"id": {"bioguide": "E000001", "wikidata": "Q900001"},
         "name": {"first": "Ada", "last": "Example", "official_full": "Ada Example"},
         "bio": {"birthday": "1950-03-04"},
         "terms": [{"type": "rep", "start": "2003-01-07", "end": "2005-01-03", "state": "OH", "district": 3},
                   {"type": "sen", "start": "2007-01-04", "end": "2013-01-03", "state": "OH", "class": 1}]},
        {"id": {"bioguide": "S000002", "wikidata": "Q900002"},
         "name": {"first": "Bo", "last": "Sample"}, "bio": {"birthday": "1960-05-06"}, "terms": []},
        {"id": {"bioguide": "N000003"}, "name": {"first": "Cy", "last": "Nobody"},
         "bio": {"birthday": "1970-01-02"}, "terms": []},
    ])
    write_csv(root / "wikidata-politicians" / "politicians.csv",
              ["politician", "politicianDescription", "image", "name_in_native_language", "date_of_birth", "country"],
              [["http://www.wikidata.org/entity/Q900001", "", "", "Ada Example", "1950-03-04T00:00:00Z", "US"],
               ["http://www.wikidata.org/entity/Q900002", "", "", "Bo Sample", "1961-05-06T00:00:00Z", "US"]])
    write_csv(root / "voteview" / "HSall_members.csv",
              ["congress", "chamber", "icpsr", "state_abbrev", "bioname", "bioguide_id", "born", "died"],
              [["108", "House", "1", "OH", "EXAMPLE, Ada", "E000001", "1950", ""],
               ["110", "Senate", "1", "OH", "EXAMPLE, Ada", "E000001", "1950", ""],
               ["111", "Senate", "1", "OH", "EXAMPLE, Ada", "E000001", "1950", ""]])
    # Ada's Senate term spans the 110th to 112th Congresses; the 112th is missing
    # above, so that term is not confirmed. Her House term (108th) is.
    # Bioguide: Ada (House 108th, with the same birth date) and Hal Oldtimer, who is in
    # congress-legislators' historical CSV only (no dated terms). Bioguide has him in
    # the House for Ohio in the 80th to 82nd Congresses, sworn in during the 80th;
    # Voteview lists the 80th and 81st only, so the run kept is 1948-1951.
    write_json(root / "bioguide" / "E000001.json", {
        "usCongressBioId": "E000001", "givenName": "Ada", "familyName": "Example", "birthDate": "1950-03-04",
        "jobPositions": [{"job": {"name": "Representative"}, "congressAffiliation": {
            "congress": {"congressNumber": 108, "congressType": "USCongress", "startDate": "2003-01-03", "endDate": "2005-01-03"},
            "represents": {"regionCode": "OH"}}}]})
    def pos(n, start, end, jstart=None):
        p = {"job": {"name": "Representative"}, "congressAffiliation": {
            "congress": {"congressNumber": n, "congressType": "USCongress", "startDate": start, "endDate": end},
            "represents": {"regionCode": "OH"}}}
        if jstart:
            p["startDate"] = jstart
        return p
    write_json(root / "bioguide" / "H000004.json", {
        "usCongressBioId": "H000004", "givenName": "Hal", "middleName": "Q.", "familyName": "Oldtimer",
        "birthDate": "1900", "birthCirca": True, "deathDate": "1970-02-03",
        "profileText": "A Representative from Ohio; lieutenant governor of Ohio, 1940-1944; "
                       "Governor of Ohio, 1953-1957; Governor of Ohio from January 5, 1959, to January 7, 1963.",
        "jobPositions": [pos(80, "1947-01-03", "1949-01-03", "1948-05-01"), pos(81, "1949-01-03", "1951-01-03"),
                         pos(82, "1951-01-03", "1953-01-03")]})
    write_csv(root / "congress-legislators" / "legislators-historical.csv",
              ["last_name", "first_name", "middle_name", "full_name", "birthday", "type", "state", "bioguide_id"],
              [["Oldtimer", "Hal", "", "", "1900-07-08", "rep", "OH", "H000004"]])
    with open(root / "voteview" / "HSall_members.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["80", "House", "2", "OH", "OLDTIMER, Hal", "H000004", "", ""],
                                 ["81", "House", "2", "OH", "OLDTIMER, Hal", "H000004", "", ""],
                                 # Someone else sits in the 112th and 113th: the roster
                                 # covers them, so Ada's missing 112th is a real gap.
                                 ["112", "House", "3", "PA", "OTHER, Ivo", "O000009", "", ""],
                                 ["113", "House", "3", "PA", "OTHER, Ivo", "O000009", "", ""]])
    # Governors (state-year rows): Hal Oldtimer's first term as governor agrees with his
    # Bioguide profile; for the second the list gives 1959-1961, the profile 1963.
    write_csv(root / "us-governors" / kb.GOV_FILE, ["governor", "state", "time_in_office", "party", "year"],
              [["Hal Q. Oldtimer", "Ohio", "1953 - 1955", "Whig", "1953"],
               ["Hal Q. Oldtimer", "Ohio", "1955 - 1957", "Whig", "1955"],
               ["Hal Oldtimer", "Ohio", "1959 - 1961", "Whig", "1959"],
               ["Ivo Other", "Ohio", "1957 - 1959", "Whig", "1958"],
               ["Ivo Other", "Ohio", "2019 - 2023", "Whig", "2020"]])
    (root / "wordlist").mkdir(parents=True, exist_ok=True)
    (root / "wordlist" / "words").write_text("Paris\nport\nmarx\nfalls\nhill\n", encoding="utf-8")
    write_json(root / "factbook" / "europe" / "fz.json", {
        "Government": {"Country name": {"conventional short form": {"text": "Freedonia"},
                                        "conventional long form": {"text": "Republic of Freedonia"}},
                       "Capital": {"name": {"text": "Port Marx"}},
                       "Administrative divisions": {"text": "2 provinces (<em>provincias</em>); Hill Country (Uplands)*, Nowhere"}},
        "Economy": {"Exchange rates": {"Currency": {"text": "Freedonian dollars (FDD) per US dollar -"}}},
    })


class Helpers(unittest.TestCase):
    def test_norm_folds_case_accents_and_punctuation(self):
        self.assertEqual(kb.norm("São Tomé"), kb.norm("Sao Tome"))
        self.assertEqual(kb.norm("St. John's"), "st johns")
        self.assertEqual(kb.norm("Graaff-Reinet"), kb.norm("graaff reinet"))
        self.assertNotEqual(kb.norm("Cincinnati"), kb.norm("Cincinatti"))

    def test_dates_agree_at_the_common_precision(self):
        self.assertEqual(kb.date_agree("1961-08-04", "1961-08-04"), "1961-08-04")
        self.assertEqual(kb.date_agree("1961-08-04", "1961"), "1961")
        self.assertEqual(kb.date_agree("1961-08", "1961-08-04"), "1961-08")
        self.assertIsNone(kb.date_agree("1961-08-04", "1961-08-05"))
        self.assertIsNone(kb.date_agree("1961", "1962"))
        self.assertIsNone(kb.date_agree("1961", None))

    def test_parse_date_accepts_only_real_dates(self):
        self.assertEqual(kb.parse_date("2001-02-03"), "2001-02-03")
        self.assertEqual(kb.parse_date("2001"), "2001")
        self.assertIsNone(kb.parse_date("2001-02-30"))
        self.assertIsNone(kb.parse_date("circa 1900"))

    def test_wikidata_first_of_january_is_read_as_a_year(self):
        self.assertEqual(kb.wikidata_date("1974-01-01T00:00:00Z"), "1974")
        self.assertEqual(kb.wikidata_date("1974-03-02T00:00:00Z"), "1974-03-02")

    def test_sources_from_one_upstream_are_not_independent(self):
        self.assertTrue(kb.independent(["geonames", "simplemaps"]))
        self.assertFalse(kb.independent(["geonames"]))
        self.assertFalse(kb.independent(["geonames", "geonames"]))

    def test_factbook_divisions(self):
        self.assertEqual(kb.factbook_divisions("3 states; Bayern (Bavaria), Berlin*, Sachsen-Anhalt (Saxony-Anhalt)"),
                         [("Bayern", ["Bavaria"]), ("Berlin", []), ("Sachsen-Anhalt", ["Saxony-Anhalt"])])
        self.assertEqual(kb.factbook_divisions("none"), [])

    def test_common_word_flag(self):
        class E:
            def __init__(self, name):
                self.name = name
        ents = [E("Mobile"), E("Nice"), E("Paris"), E("Salt Lake City")]
        kb.mark_common_words(ents, {"mobile", "nice", "salt", "lake", "city"})
        self.assertEqual([getattr(e, "common_word", False) for e in ents], [True, True, False, False])

    def test_date_agreement_picks_the_fullest_shared_value(self):
        self.assertEqual(kb.agree_date({"bioguide": "1950-03-04", "congress-legislators": "1950-03-04", "wikidata-politicians": "1950"}),
                         ("1950-03-04", ["bioguide", "congress-legislators"]))
        self.assertEqual(kb.agree_date({"bioguide": "1950", "wikidata-politicians": "1950-03-04"}),
                         ("1950", ["bioguide", "wikidata-politicians"]))
        self.assertIsNone(kb.agree_date({"bioguide": "1950", "wikidata-politicians": "1951-03-04"}))
        self.assertIsNone(kb.agree_date({"bioguide": "1950"}))

    def test_office_term_agreement_rule(self):
        kb.COVERAGE.update({"bioguide": 119, "voteview": 119})
        t = {"type": "sen", "start": "2007-01-04", "end": "2013-01-03", "state": "OH"}
        full = {"service": {("Senate", "OH"): {110, 111, 112}}}
        part = {"service": {("Senate", "OH"): {110, 111}}}
        other = {"service": {("Senate", "PA"): {110, 111, 112}}}
        f, why = kb.office_term(t, full, None)
        self.assertEqual((f["from"], f["to"], f["sources"]), ("2007-01-04", "2013-01-03", ["bioguide", "congress-legislators"]))
        self.assertEqual(f["titles"], ["Sen.", "Senator"])
        f, why = kb.office_term(t, part, other)
        self.assertIsNone(f)
        self.assertIn("not confirmed", why)
        f, why = kb.office_term(t, None, full)
        self.assertEqual(f["sources"], ["congress-legislators", "voteview"])
        # a presidential term ends on 20 January, a few days into the next Congress
        prez = {"type": "prez", "start": "2009-01-20", "end": "2013-01-20"}
        f, _ = kb.office_term(prez, {"service": {("President", "US"): {111, 112}}}, None)
        self.assertEqual((f["office"], f["jurisdiction"], f["titles"]), ("President of the United States", "US", ["President"]))

    def test_a_running_term_is_confirmed_up_to_the_sources_coverage(self):
        # Re-elected in 2024: the 119th Congress is listed, the 120th and 121st are not
        # yet; the term keeps its scheduled end.
        kb.COVERAGE.update({"bioguide": 118, "voteview": 119})
        t = {"type": "sen", "start": "2025-01-03", "end": "2031-01-03", "state": "MN"}
        vv = {"service": {("Senate", "MN"): {119}}}
        f, _ = kb.office_term(t, None, vv)
        self.assertEqual((f["to"], f["sources"]), ("2031-01-03", ["congress-legislators", "voteview"]))
        # Bioguide, compiled before the term began, confirms nothing of it.
        f, why = kb.office_term(t, {"service": {("Senate", "MN"): {118}}}, None)
        self.assertIsNone(f)
        # A term ended before the coverage still needs every Congress.
        t = {"type": "sen", "start": "2019-01-03", "end": "2025-01-03", "state": "MN"}
        f, _ = kb.office_term(t, None, {"service": {("Senate", "MN"): {116}}})
        self.assertIsNone(f)

    def test_back_to_back_terms_are_joined_with_the_common_sources(self):
        a = kb.office_fact("rep", "CA", "1987-06-02", "1989-01-03", ["congress-legislators", "voteview", "bioguide"])
        b = kb.office_fact("rep", "CA", "1989-01-03", "1991-01-03", ["congress-legislators", "voteview"])
        c = kb.office_fact("rep", "CA", "1995-01-03", "1997-01-03", ["congress-legislators", "voteview"])
        d = kb.office_fact("rep", "CA", "1997-01-03", "1999-01-03", ["bioguide", "wikidata-politicians"])
        got = kb.merge_terms([d, c, b, a])
        self.assertEqual([(f["from"], f["to"], f["sources"]) for f in got],
                         [("1987-06-02", "1991-01-03", ["congress-legislators", "voteview"]),
                          ("1995-01-03", "1997-01-03", ["congress-legislators", "voteview"]),
                          ("1997-01-03", "1999-01-03", ["bioguide", "wikidata-politicians"])])

    def test_voteview_members_index_congress_numbers_from_row_order(self):
        old = kb.VV_MIN_SENATE, kb.VV_MIN_HOUSE
        try:
            with tempfile.TemporaryDirectory() as d:
                root = Path(d)
                (root / "voteview").mkdir()
                rows = ["bioguide_id\ticpsr\tchamber\tstate_abbrev",
                        "A1\t1\tHouse\tGA", "B1\t2\tSenate\tDE",         # 1st Congress
                        "\t9\tPresident\tUSA", "A1\t1\tHouse\tGA", "B1\t2\tSenate\tDE",   # 2nd
                        "A1\t1\tSenate\tGA",                               # still the 2nd
                        "A1\t1\tHouse\tVA"]                                 # 3rd, with no Senate row
                (root / "voteview" / "members_index.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
                rep = kb.Report()
                kb.VV_MIN_HOUSE = 0
                kb.VV_MIN_SENATE = 0
                vv = kb.voteview_service(root, rep)
                self.assertEqual(dict(vv["A1"]["service"]), {("House", "GA"): {1, 2}, ("Senate", "GA"): {2}, ("House", "VA"): {3}})
                self.assertEqual(dict(vv["B1"]["service"]), {("Senate", "DE"): {1, 2}})
                kb.VV_MIN_HOUSE = 1
                kb.VV_MIN_SENATE = 1
                self.assertEqual(kb.voteview_service(root, kb.Report()), {})   # the 3rd has no Senate row
        finally:
            kb.VV_MIN_SENATE, kb.VV_MIN_HOUSE = old

    def test_bioguide_profile_reader(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            write_json(root / "bioguide" / "X000001.json", {"data": {
                "usCongressBioId": "X000001", "givenName": "José", "unaccentedGivenName": "Jose", "familyName": "Núñez",
                "unaccentedFamilyName": "Nunez", "nickName": "Pepe", "birthDate": "1801-02-03", "deathDate": "1870",
                "deathCirca": True,
                "jobPositions": [
                    {"job": {"name": "Senator"}, "startDate": "1830-05-06",
                     "congressAffiliation": {"congress": {"congressNumber": 21, "congressType": "USCongress",
                                                          "startDate": "1829-03-04", "endDate": "1831-03-03"},
                                             "represents": {"regionCode": "NY"}}},
                    {"job": {"name": "Delegate"}, "congressAffiliation": {"congress": {"congressNumber": 3, "congressType": "ContinentalCongress"}}},
                    {"job": {"name": "Speaker Of The House"}, "congressAffiliation": {"congress": {"congressNumber": 22, "congressType": "USCongress"}}}]}})
            bg = kb.bioguide_profiles(root, kb.Report())
            rec = bg["X000001"]
            self.assertIn("José Núñez", rec["names"])
            self.assertIn("Jose Nunez", rec["names"])
            self.assertIn("Pepe Núñez", rec["names"])
            self.assertEqual((rec["born"], rec["died"]), ("1801-02-03", None))
            self.assertEqual(dict(rec["service"]), {("Senate", "NY"): {21}})
            self.assertEqual(rec["spans"][("Senate", "NY", 21)], ("1830-05-06", "1831-03-03"))

    def test_governor_terms_read_from_profiles(self):
        text = ("A Representative from Indiana; lieutenant governor of Utah, 1977-1984; unsuccessful candidate "
                "for Governor of Utah in 1988; Governor of Indiana, 2013-2017; elected Governor of Tennessee in "
                "1974 and served from January 18, 1975, until January 17, 1979; governor of Maine 1995-2003; "
                "Governor of Florida, 2019-present; Governor of the Federal Reserve, 1990-1994; aide to the "
                "Governor of Ohio, 1960-1962")
        self.assertEqual(kb.profile_governor_terms(text), [
            ("IN", "2013", "2017"), ("TN", "1975-01-18", "1979-01-17"), ("ME", "1995", "2003"), ("FL", "2019", None)])

    def test_governor_term_agreement_rule(self):
        nga = {("OH", "oldtimer"): [("Hal Oldtimer", 2001, 2009), ("Hal Oldtimer", 2015, 2023)],
               ("OH", "other"): [("Ivo Other", 2009, 2011)], "last_year": 2020}
        rep = kb.Report()
        def run(*terms):
            return list(kb.governor_terms({"governor": list(terms)}, ["Hal Oldtimer"], nga, rep))
        # same first and last year: kept at year precision, with both sources
        [(f, why)] = run(("OH", "2001-01-08", "2009-01-12"))
        self.assertIsNone(why)
        self.assertEqual((f["office"], f["jurisdiction"], f["titles"], f["from"], f["to"], f["sources"]),
                         ("Governor of Ohio", "US-OH", ["Gov.", "Governor"], "2001", "2009", ["bioguide", "us-governors"]))
        # a running term stays open when the list's term runs past its last year
        [(f, why)] = run(("OH", "2015", None))
        self.assertEqual((f["from"], "to" in f), ("2015", False))
        # first or last years that differ, another state, another first name: dropped
        self.assertEqual(run(("OH", "2002", "2009"))[0][1], "governor term: first years differ")
        self.assertEqual(run(("OH", "2001", "2008"))[0][1], "governor term: last years differ")
        self.assertIn("no such governor", run(("IN", "2001", "2009"))[0][1])
        self.assertIsNone(list(kb.governor_terms({"governor": [("OH", "2001", "2009")]}, ["Ann Oldtimer"], nga, rep))[0][0])
        self.assertIn(("Hal Oldtimer (Ohio)", "governor from", "bioguide=2002; us-governors=2001"), rep.disagreements)

    def test_leadership_titles_of_congress_legislators(self):
        self.assertEqual(kb.cl_leadership_title("Senate Majority Leader", "senate"), "Senate Majority Leader")
        self.assertEqual(kb.cl_leadership_title("Minority Whip", "house"), "House Minority Whip")
        self.assertEqual(kb.cl_leadership_title("Speaker of the House", "house"), "Speaker")
        self.assertEqual(kb.cl_leadership_title("Speaker", "house"), "Speaker")
        self.assertEqual(kb.cl_leadership_title("President Pro Tempore of the Senate", "senate"), "President pro tempore")
        self.assertIsNone(kb.cl_leadership_title("House Majority Leader", "senate"))
        self.assertIsNone(kb.cl_leadership_title("Assistant Senate Majority Leader", "senate"))
        self.assertIsNone(kb.cl_leadership_title("Senate Republican Conference Chair", "senate"))

    def test_congress_numbers_in_words(self):
        self.assertEqual(kb.congress_number("One Hundred Sixteenth"), 116)
        self.assertEqual(kb.congress_number("One Hundredth"), 100)
        self.assertEqual(kb.congress_number("Eighty-fourth"), 84)
        self.assertEqual(kb.congress_number("Sixtieth"), 60)
        self.assertEqual(kb.congress_number("Forty-eight"), 48)
        self.assertIsNone(kb.congress_number("Fortnightly"))
        self.assertEqual(kb.profile_congresses("One Hundred Tenth, One Hundred Eleventh, and One Hundred Twelfth "
                                               "through One Hundred Fourteenth Congresses"), [110, 111, 112, 113, 114])
        self.assertEqual(kb.profile_congresses("One Hundred Fourth Congress to One Hundred Seventh Congress"),
                         [104, 105, 106, 107])
        self.assertEqual(kb.profile_congresses("Eightieth Congress and Eighty-third Congress"), [80, 83])
        self.assertIsNone(kb.profile_congresses("One Hundred Ninth Congress, September 28, 2005"))

    def test_leadership_terms_read_from_profiles(self):
        house = {("House", "OH"): set(range(100, 119))}
        senate = {("Senate", "KY"): set(range(100, 119))}
        both = {("House", "OH"): {100, 101}, ("Senate", "OH"): set(range(102, 119))}
        read = kb.profile_leadership_terms
        # years, with a running term and two spans
        self.assertEqual(read("A Senator from Kentucky; minority leader (2007-2015; 2021-); majority leader "
                              "(2015-2021)", senate),
                         [("Senate Majority Leader", "2015", "2021"), ("Senate Minority Leader", "2007", "2015"),
                          ("Senate Minority Leader", "2021", None)])
        # with the caucus chair named, and full dates
        self.assertEqual(read("majority leader and Democratic caucus chairman (2021-)", senate),
                         [("Senate Majority Leader", "2021", None)])
        self.assertEqual(read("president pro tempore (December 17, 2012-January 3, 2015; January 20, "
                              "2021-January 3, 2023)", senate),
                         [("President pro tempore", "2012-12-17", "2015-01-03"),
                          ("President pro tempore", "2021-01-20", "2023-01-03")])
        self.assertEqual(read("president pro tempore (January 3, 2023-)", senate),
                         [("President pro tempore", "2023-01-03", None)])
        # Congresses: one, two, a range, a list with a range; runs become terms
        self.assertEqual(read("Speaker of the House of Representatives (One Hundred Sixteenth and One Hundred "
                              "Seventeenth Congresses)", house), [("Speaker", "2019", "2023")])
        self.assertEqual(read("majority leader (One Hundred Fourth through One Hundred Sixth Congresses)", house),
                         [("House Majority Leader", "1995", "2001")])
        self.assertEqual(read("minority whip (One Hundred Eighth, One Hundred Ninth, and One Hundred Twelfth "
                              "through One Hundred Fifteenth Congresses)", house),
                         [("House Minority Whip", "2003", "2007"), ("House Minority Whip", "2011", "2019")])
        self.assertEqual(read("Speaker of the House (One Hundred Eighteenth Congress).", house),
                         [("Speaker", "2023", "2025")])
        # the chamber is the one the member sat in when the post began
        self.assertEqual(read("majority whip (One Hundredth Congress); majority leader (2003-2007)", both),
                         [("House Majority Whip", "1987", "1989"), ("Senate Majority Leader", "2003", "2007")])
        # not read: a party whip (no side), acting and assistant posts, a state
        # legislature's leader (no bracket), a bracket with a part not understood
        self.assertEqual(read("Republican party whip (2003-2007); Democratic whip (1999-2005); acting majority "
                              "leader (2005-2006); assistant Democratic leader (2017-2023); member of the state "
                              "assembly, 2002-2007, minority leader, 2004-2006; minority leader (January 3-20, "
                              "2001; June 6, 2001-January 6, 2003)", senate), [])

    def test_leadership_agreement_rule(self):
        rep = kb.Report()
        kb.COVERAGE["bioguide"] = 118

        def run(bterms, aterms, left=None):
            brec = {"leadership": bterms}
            return list(kb.leadership_terms(brec, {"terms": aterms, "left": left}, "Ada Leader", rep))
        # agree: same title, first and last years; written at the precision both give
        [(f, why)] = run([("Senate Majority Leader", "2015", "2021")],
                         {"Senate Majority Leader": [("2015-01-03", "2021-01-20")]})
        self.assertIsNone(why)
        self.assertEqual((f["office"], f["titles"], f["jurisdiction"], f["country_name"], f["from"], f["to"],
                          f["sources"]),
                         ("Majority Leader of the United States Senate", ["Senate Majority Leader"], "US",
                          "United States", "2015", "2021", ["bioguide", "congress-legislators"]))
        [(f, _)] = run([("President pro tempore", "2012-12-17", "2015-01-03")],
                       {"President pro tempore": [("2012-12-17", "2015-01-03")]})
        self.assertEqual((f["from"], f["to"]), ("2012-12-17", "2015-01-03"))
        # open end in the profile, an end in congress-legislators: kept open, listed
        [(f, why)] = run([("Senate Majority Leader", "2021", None)],
                         {"Senate Majority Leader": [("2021-01-20", "2025-01-03")]})
        self.assertEqual((why, f["from"], "to" in f), (None, "2021", False))
        self.assertIn(("Ada Leader (Senate Majority Leader)", "leadership to",
                       "bioguide=running; congress-legislators=2025-01-03"), rep.disagreements)
        # a post in the Congress the profile was compiled in counts as running
        [(f, why)] = run([("Speaker", "2023", "2025")], {"Speaker": [("2023-10-25", None)]})
        self.assertEqual((why, f["from"], "to" in f), (None, "2023", False))
        # a member who left Congress: no end in congress-legislators, kept open, listed
        [(f, why)] = run([("Speaker", "2015", "2019")], {"Speaker": [("2015-10-29", None)]}, left="2019-01-02")
        self.assertEqual((why, "to" in f), (None, False))
        # an end in the profile, running in congress-legislators: dropped
        [(f, why)] = run([("House Minority Leader", "2011", "2019")], {"House Minority Leader": [("2011-01-05", None)]})
        self.assertEqual((f, why), (None, "leadership term: Bioguide says ended, congress-legislators says running"))
        # first or last years that differ: dropped and listed
        self.assertEqual(run([("House Majority Whip", "2013", "2019")], {"House Majority Whip": [("2014-08-01", "2019-01-03")]}),
                         [(None, "leadership term: first years differ or one source only"),
                          (None, "leadership term in congress-legislators only")])
        [(f, why)] = run([("House Majority Whip", "2011", "2015")], {"House Majority Whip": [("2011-01-05", "2014-07-31")]})
        self.assertEqual((f, why), (None, "leadership term: last years differ"))
        self.assertIn(("Ada Leader (House Majority Whip)", "leadership to", "bioguide=2015; congress-legislators=2014-07-31"),
                      rep.disagreements)
        # one term of a title missing from one source: every term of that title stays out
        got = run([("Speaker", "2007", "2011"), ("Speaker", "2019", "2023")], {"Speaker": [("2019-01-03", "2023-01-03")]})
        self.assertEqual([g[0] for g in got], [None, None])
        self.assertIn("leadership term agreed, left out with the member's other terms of that title", [g[1] for g in got])
        # a title one source gives only
        self.assertEqual(run([("House Minority Whip", "2001", "2003")], {}),
                         [(None, "leadership term in Bioguide only")])
        self.assertEqual(run([], {"Senate Majority Leader": [("2025-01-03", None)]}),
                         [(None, "leadership term in congress-legislators only")])

    def test_leadership_roles_joined_from_the_newest_version(self):
        with tempfile.TemporaryDirectory() as d:
            root = Path(d)
            path = root / "congress-legislators" / kb.LEADERSHIP_FILE
            path.parent.mkdir(parents=True)
            rows = [("c1", "2020-05-01", "X000001", "Majority Leader", "senate", "2015-01-06", "2017-01-03"),
                    ("c2", "2024-05-01", "X000001", "Senate Majority Leader", "senate", "2015-01-03", "2017-01-03"),
                    ("c2", "2024-05-01", "X000001", "Senate Majority Leader", "senate", "2017-01-03", "2019-01-03"),
                    ("c2", "2024-05-01", "X000001", "Senate Minority Leader", "senate", "2021-01-20", ""),
                    ("c1", "2020-05-01", "X000002", "Speaker", "house", "2015-10-29", ""),
                    ("c2", "2024-05-01", "X000003", "Senate Republican Conference Chair", "senate", "2019-01-03", "")]
            path.write_text("commit\tdate\tbioguide\ttitle\tchamber\tstart\tend\n"
                            + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
            got = kb.cl_leadership(root, kb.Report())
        self.assertEqual(got["X000001"], {"terms": {"Senate Majority Leader": [("2015-01-03", "2019-01-03")],
                                                    "Senate Minority Leader": [("2021-01-20", None)]}, "left": None})
        self.assertEqual(got["X000002"], {"terms": {"Speaker": [("2015-10-29", None)]}, "left": "2020-05-01"})
        self.assertNotIn("X000003", got)

    def test_company_names(self):
        self.assertEqual(kb.company_key("The Home Depot, Inc."), "home depot")
        self.assertEqual(kb.company_key("Alphabet Inc. (Class A)"), "alphabet")
        self.assertEqual(kb.company_key("LyondellBasell Industries N.V."), "lyondellbasell industries")
        self.assertEqual(kb.company_key("Procter & Gamble Company (The)"), kb.company_key("The Procter and Gamble Company"))
        self.assertEqual(kb.company_key("UnitedHealth Group Incorporated"), "unitedhealth")
        self.assertEqual(kb.company_key("Lilly (Eli)"), kb.company_key("Eli Lilly and Company"))
        self.assertEqual(kb.company_display("Amazon.com, Inc."), "Amazon")
        self.assertEqual(kb.company_display("The Home Depot, Inc."), "Home Depot")
        self.assertEqual(kb.company_display("Organon & Co."), "Organon")
        self.assertEqual(kb.company_display("UnitedHealth Group"), "UnitedHealth Group")
        self.assertEqual(kb.company_display("Hartford (The)"), "Hartford")
        self.assertEqual(kb.company_display("3M Company"), "3M")

    def test_company_founding_years_and_cities(self):
        self.assertEqual(kb.sp500_year("1902"), "1902")
        self.assertEqual(kb.sp500_year("2013 (1888)"), "2013")
        self.assertIsNone(kb.sp500_year("1975/1977 (1997)"))
        self.assertIsNone(kb.sp500_year(""))
        self.assertEqual(kb.summary_years("X was founded in 1976 and is headquartered in Y."), ["1976"])
        self.assertEqual(kb.summary_years("X was incorporated in 1977 and is based in Y."), ["1977"])
        self.assertEqual(kb.summary_years("X was incorporated in 1977. X was founded in 1976."), ["1976"])
        self.assertEqual(kb.summary_years("Its founders sold it in 1990."), [])
        self.assertEqual(kb.city_key("St. Paul"), kb.city_key("Saint Paul"))
        self.assertEqual(kb.city_key("New York City"), kb.city_key("New York"))

    def test_congress_numbers(self):
        self.assertEqual(kb.congress_of("1789-03-04"), 1)
        self.assertEqual(kb.congress_of("1793-03-03"), 2)
        self.assertEqual(kb.congress_of("2021-01-03"), 117)
        self.assertEqual(kb.congress_of("2021-01-02"), 116)


def make_company_sources(root: Path):
    # Two versions of the S&P list (the newer one wins for a company in both) and one
    # FinanceDatabase country folder. Invented companies:
    #   Acme Widgets   both give 1901 and Springfield: kept, with the alias "Acme Widgets Inc."
    #   Globex         1950 against 1951: dropped, listed as a disagreement
    #   Initech        in the S&P list only: dropped
    #   Hooli          S&P "Hooli (Class A)", FinanceDatabase "Hooli Search Holdings, Inc."
    #                  under the same ticker; "1998 (1890)" against 1998: kept as "Hooli"
    #   Anvil          an ordinary word; the summary says only "incorporated in 1920"
    #   Tyrell         CIK changed between versions: one company, the newer CIK kept
    header = ["Symbol", "Security", "GICS Sector", "GICS Sub-Industry", "Headquarters Location",
              "Date added", "CIK", "Founded"]
    write_csv(root / "sp500" / "constituents" / "2023-01-01-aaaa.csv", header, [
        ["ACME", "Acme Widgets Inc.", "", "", "Springfield, Freedonia", "", "0000000101", "1901"],
        ["TYR", "Tyrell Corporation", "", "", "Oldtown, Freedonia", "", "0000000106", "1980"],
    ])
    write_csv(root / "sp500" / "constituents" / "2024-01-01-bbbb.csv", header, [
        ["ACME", "Acme Widgets", "", "", "Springfield, Freedonia", "", "0000000101", "1901"],
        ["GLBX", "Globex", "", "", "Port Marx, Freedonia", "", "0000000102", "1950"],
        ["INIT", "Initech", "", "", "Austin, Texas", "", "0000000103", "1990"],
        ["HOOL", "Hooli (Class A)", "", "", "Palo Alto, California", "", "0000000104", "1998 (1890)"],
        ["ANVL", "Anvil Co.", "", "", "St. Louis, Missouri", "", "0000000105", "1920"],
        ["TYR", "Tyrell", "", "", "Oldtown, Freedonia", "", "0000000107", "1980"],
    ])
    def listing(name, summary, city, country):
        return {"short_name": name.upper(), "long_name": name, "summary": summary, "city": city, "country": country}
    write_json(root / "financedatabase" / "Freedonia" / "Industrials" / "Machinery.json", {
        "ACME": listing("Acme Widgets, Inc.", "Acme makes widgets. Acme Widgets, Inc. was founded in 1901 and is "
                        "headquartered in Springfield, Freedonia.", "Springfield", "Freedonia"),
        "ACME.F": listing("Acme Widgets, Inc.", "A German listing. It was founded in 1899.", "Springfield", "Freedonia"),
        "GLBX": listing("Globex Corporation", "Globex Corporation was founded in 1951 and is based in Port Marx.",
                        "Port Marx", "Freedonia"),
        "HOOL": listing("Hooli Search Holdings, Inc.", "Hooli Search Holdings, Inc. was founded in 1998 and is "
                        "headquartered in Palo Alto, California.", "Palo Alto", "United States"),
        "ANVL": listing("Anvil Company", "Anvil Company was incorporated in 1920 and is based in Saint Louis, Missouri.",
                        "Saint Louis", "United States"),
        "TYR": listing("Tyrell Corp.", "Tyrell Corp. was founded in 1980 and is headquartered in Oldtown.",
                       "Oldtown", "Freedonia"),
    })
    with open(root / "wordlist" / "words", "a", encoding="utf-8") as f:
        f.write("anvil\n")


def make_leader_sources(root: Path):
    # Heads of state and government of the invented countries, in three Factbook
    # versions and two versions of the Wikidata export:
    #   Rufus Firefly    President of Freedonia 2015-2021: both agree (start year, and the
    #                    next holder's start year = Wikidata's end year): kept
    #   Gloria Teasdale  President of Freedonia since 2021, running in both: kept open
    #   Chicolini Pastrami  Prime Minister of Freedonia: since 2019 against 2018: dropped,
    #                    listed as a disagreement
    #   Vera Marcal      Prime Minister of Sylvania 2021-2022: kept
    #   Trentino Vasco   Prime Minister of Sylvania 2016-2021 in both, back in 2022 in the
    #                    Factbook only: his terms stay out (the record would miss one)
    rows = [
        ("c1", "2020-01-02", "europe/fz.json", "President Rufus FIREFLY (since 12 March 2015)",
         "Prime Minister Chicolini PASTRAMI (since 1 May 2019)"),
        ("c1", "2020-01-02", "europe/sv.json", "King BERTRAND (since 1999)",
         "Prime Minister Trentino VASCO (since 4 April 2016); Deputy Prime Minister Ana ROSE (since 2017)"),
        ("c2", "2021-07-01", "europe/fz.json", "President Gloria TEASDALE (since 3 June 2021)",
         "Prime Minister Chicolini PASTRAMI (since 1 May 2019)"),
        ("c2", "2021-07-01", "europe/sv.json", "King BERTRAND (since 1999)",
         "Prime Minister V&eacute;ra MARCAL (since 5 May 2021)"),
        ("c3", "2022-11-03", "europe/fz.json", "President Gloria TEASDALE (since 3 June 2021)",
         "Prime Minister Chicolini PASTRAMI (since 1 May 2019)"),
        ("c3", "2022-11-03", "europe/sv.json", "King BERTRAND (since 1999)",
         "Prime Minister Trentino VASCO (since 9 September 2022)"),
    ]
    path = root / "factbook-leaders" / "executive.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("commit\tdate\tfile\tchief_of_state\thead_of_government\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    header = ["countryid", "country", "position", "positionLabel", "officeholder", "officeholderLabel",
              "start_year", "end_year"]
    write_csv(root / "wikidata-world-leaders" / "2021-08-26-a.csv", header, [
        ["Q1", "Freedonia", "Q10", "President of Freedonia", "Q100", "Rufus Firefly", "2015", "2021"],
        ["Q1", "Freedonia", "Q10", "President of Freedonia", "Q101", "Gloria Teasdale", "2021", ""],
        ["Q1", "Freedonia", "Q11", "Prime Minister of Freedonia", "Q102", "Chicolini Pastrami", "2018", ""],
    ])
    write_csv(root / "wikidata-world-leaders" / "2022-10-10-b.csv", header, [
        ["Q1", "Freedonia", "Q10", "President of Freedonia", "Q101", "Gloria Teasdale", "2021", ""],
        ["Q1", "Freedonia", "Q11", "Prime Minister of Freedonia", "Q102", "Chicolini Pastrami", "2018", ""],
        ["Q2", "Sylvania", "Q12", "Prime Minister of Sylvania", "Q103", "Trentino Vasco", "2016", "2021"],
        ["Q2", "Sylvania", "Q12", "Prime Minister of Sylvania", "Q104", "Véra Marcal", "2021", "2022"],
        ["Q2", "Sylvania", "Q13", "monarch of Sylvania", "Q105", "Bertrand", "1999", ""],
    ])


class Pipeline(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = Path(cls.tmp.name)
        make_sources(root / "src")
        make_company_sources(root / "src")
        make_leader_sources(root / "src")
        kb.run(root / "src", root / "out")
        cls.out = root / "out"
        cls.entities = {}
        cls.lines = (cls.out / "entities.jsonl").read_text(encoding="utf-8").splitlines()
        for line in cls.lines:
            e = json.loads(line)
            cls.entities[e["id"]] = e

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def facts(self, eid, fact):
        return [f for f in self.entities[eid].get("facts", []) if f["fact"] == fact]

    def test_capital_kept_when_sources_agree_and_dropped_when_they_differ(self):
        cap = self.facts("iso3166:FD", "capital")
        self.assertEqual([f["value"] for f in cap], ["Port Marx"])
        self.assertEqual(cap[0]["sources"], ["cia-factbook", "geonames", "mledoze-countries", "simplemaps"])
        self.assertEqual(self.facts("iso3166:SY", "capital"), [])
        dis = (self.out / "disagreements.tsv").read_text(encoding="utf-8")
        self.assertIn("Sylvania\tcapital\tgeonames=Newtown; mledoze-countries=Oldtown", dis)

    def test_currency_needs_two_sources(self):
        self.assertEqual([f["value"] for f in self.facts("iso3166:FD", "currency")], ["FDD"])
        syl = self.facts("iso3166:SY", "currency")
        self.assertEqual([(f["value"], f.get("label")) for f in syl], [("SYL", "Sylvanian lira")])

    def test_country_aliases_only_when_two_sources_give_them(self):
        aliases = [a["name"] for a in self.entities["iso3166:FD"].get("aliases", [])]
        self.assertEqual(aliases, ["Republic of Freedonia"])
        self.assertNotIn("aliases", self.entities["iso3166:SY"])  # official name from one source only

    def test_city_kept_only_when_both_lists_have_it_nearby(self):
        names = sorted(e["name"] for e in self.entities.values() if e["type"] == "city")
        self.assertEqual(names, ["Port Marx", "São Bento"])
        pm = self.entities["geonames:1001"]
        self.assertEqual(self.facts("geonames:1001", "capital_of")[0]["value"], "FD")
        self.assertEqual(pm["name_sources"], ["geonames", "simplemaps"])
        sb = self.entities["geonames:1003"]
        self.assertEqual([a["name"] for a in sb["aliases"]], ["Sao Bento"])

    def test_person_values_follow_the_agreement_rule(self):
        ada = self.entities["Q900001"]
        self.assertEqual(ada["name"], "Ada Example")
        self.assertEqual(self.facts("Q900001", "born")[0]["value"], "1950-03-04")
        offices = self.facts("Q900001", "office")
        self.assertEqual(len(offices), 1, offices)
        self.assertEqual(offices[0]["office"], "Member of the United States House of Representatives")
        # congress-legislators' full dates, kept because Bioguide and Voteview list
        # her in the House for Ohio in the 108th Congress
        self.assertEqual((offices[0]["from"], offices[0]["to"], offices[0]["jurisdiction"]), ("2003-01-07", "2005-01-03", "US-OH"))
        self.assertIn("Rep.", offices[0]["titles"])
        self.assertEqual(offices[0]["sources"], ["bioguide", "congress-legislators", "voteview"])
        self.assertEqual(self.facts("Q900001", "born")[0]["sources"], ["bioguide", "congress-legislators", "wikidata-politicians"])
        bo = self.entities["Q900002"]
        self.assertEqual(self.facts("Q900002", "born"), [])  # 1960 vs 1961: stays out
        self.assertEqual(bo["name"], "Bo Sample")
        self.assertNotIn("bioguide:N000003", self.entities)
        dis = (self.out / "disagreements.tsv").read_text(encoding="utf-8")
        self.assertIn("Bo Sample\tborn\tcongress-legislators=1960-05-06; wikidata-politicians=1961-05-06", dis)

    def test_historical_member_terms_need_bioguide_and_voteview(self):
        hal = self.entities["bioguide:H000004"]
        self.assertEqual(hal["name"], "Hal Oldtimer")
        offices = [f for f in self.facts("bioguide:H000004", "office") if not f["office"].startswith("Governor")]
        self.assertEqual([(f["from"], f["to"], f["jurisdiction"], f["sources"]) for f in offices],
                         [("1948", "1951", "US-OH", ["bioguide", "voteview"])])
        # Bioguide's birth year is marked circa: only congress-legislators gives one
        self.assertEqual(self.facts("bioguide:H000004", "born"), [])
        report = (self.out / "REPORT.md").read_text(encoding="utf-8")
        self.assertIn("| office term | Congress listed by Bioguide, not by Voteview, for that chamber and state | 1 |", report)

    def test_governor_terms_need_bioguide_and_the_governors_list(self):
        offices = [f for f in self.facts("bioguide:H000004", "office") if f["office"].startswith("Governor")]
        self.assertEqual([(f["office"], f["from"], f["to"], f["jurisdiction"], f["titles"], f["sources"]) for f in offices],
                         [("Governor of Ohio", "1953", "1957", "US-OH", ["Gov.", "Governor"], ["bioguide", "us-governors"])])
        dis = (self.out / "disagreements.tsv").read_text(encoding="utf-8")
        self.assertIn("Hal Oldtimer (Ohio)\tgovernor to\tbioguide=1963-01-07; us-governors=1961", dis)
        report = (self.out / "REPORT.md").read_text(encoding="utf-8")
        self.assertIn("| office term | governor term: last years differ | 1 |", report)

    def test_regions_and_common_words(self):
        reg = [e for e in self.entities.values() if e["type"] == "region"]
        self.assertEqual([(e["id"], e["name"]) for e in reg], [("region:FD:uplands", "Uplands")])
        self.assertEqual(reg[0]["facts"][0]["ref"], "iso3166:FD")
        # 'falls' is in the word list but 'Twin Falls' is two words; no city is one word here
        self.assertFalse(any(e.get("common_word") for e in self.entities.values() if e["type"] != "company"))

    def test_output_format(self):
        ids = [json.loads(l)["id"] for l in self.lines]
        self.assertEqual(ids, sorted(ids))
        for e in self.entities.values():
            self.assertTrue({"id", "type", "name", "name_sources"} <= set(e))
            self.assertGreaterEqual(len(e["name_sources"]), 2)
            for f in e.get("facts", []):
                self.assertGreaterEqual(len(f["sources"]), 2, f)
                for k in ("value", "from", "to"):
                    if k in f and f["fact"] in ("born", "died", "office"):
                        self.assertRegex(f[k], r"^\d{4}(-\d{2}(-\d{2})?)?$")
        names = (self.out / "names.tsv").read_text(encoding="utf-8").splitlines()
        self.assertTrue(names[0].startswith("# key\tid\tkind\ttype\tform"))
        rows = [r.split("\t") for r in names[1:]]
        self.assertTrue(all(len(r) == 5 for r in rows))
        keys = [r[0].encode("utf-8") for r in rows]
        self.assertEqual(keys, sorted(keys))
        self.assertIn(["sao bento", "geonames:1003", "alias", "city", "Sao Bento"], rows)
        report = (self.out / "REPORT.md").read_text(encoding="utf-8")
        # two members of Congress and three heads of state or government
        self.assertIn("People with at least one dated office: 5.", report)

    def test_companies_follow_the_agreement_rule(self):
        comp = {e["name"]: e for e in self.entities.values() if e["type"] == "company"}
        self.assertEqual(sorted(comp), ["Acme Widgets", "Anvil", "Hooli", "Tyrell"])
        acme = comp["Acme Widgets"]
        self.assertEqual(acme["id"], "cik:101")
        self.assertEqual(acme["name_sources"], ["financedatabase", "sp500"])
        self.assertEqual(acme["aliases"], [{"name": "Acme Widgets Inc.", "sources": ["financedatabase", "sp500"]}])
        # the primary listing's summary speaks for the company, not the Frankfurt one
        self.assertEqual(self.facts("cik:101", "founded"),
                         [{"fact": "founded", "value": "1901", "sources": ["financedatabase", "sp500"]}])
        self.assertEqual(self.facts("cik:101", "headquarters"),
                         [{"fact": "headquarters", "value": "Springfield", "sources": ["financedatabase", "sp500"],
                           "country": "FD", "ref": "iso3166:FD"}])
        # 'Hooli (Class A)' matched by ticker and leading words; the S&P bracket year is a predecessor's
        self.assertEqual(self.facts("cik:104", "founded")[0]["value"], "1998")
        self.assertNotIn("aliases", comp["Hooli"])
        # 'incorporated in' read as the founding statement; 'St. Louis' = 'Saint Louis'; an ordinary word
        self.assertEqual(self.facts("cik:105", "founded")[0]["value"], "1920")
        self.assertEqual(self.facts("cik:105", "headquarters")[0]["value"], "St. Louis")
        self.assertEqual(self.facts("cik:105", "headquarters")[0]["country"], "US")
        self.assertTrue(comp["Anvil"].get("common_word"))
        self.assertFalse(acme.get("common_word"))
        # the CIK of the newest list version is kept
        self.assertEqual(comp["Tyrell"]["id"], "cik:107")
        dis = (self.out / "disagreements.tsv").read_text(encoding="utf-8")
        self.assertIn("Globex (cik:102)\tfounded\tfinancedatabase=1951; sp500=1950", dis)
        self.assertFalse(any(e["name"] in ("Globex", "Initech") for e in comp.values()))
        names = (self.out / "names.tsv").read_text(encoding="utf-8")
        self.assertIn("acme widgets inc\tcik:101\talias\tcompany\tAcme Widgets Inc.\n", names)

    def test_leader_terms_follow_the_agreement_rule(self):
        def terms(eid):
            return [(f["office"], f["from"], f.get("to")) for f in self.facts(eid, "office")]
        self.assertEqual(terms("Q100"), [("President of Freedonia", "2015", "2021")])
        self.assertEqual(terms("Q101"), [("President of Freedonia", "2021", None)])
        self.assertEqual(terms("Q104"), [("Prime Minister of Sylvania", "2021", "2022")])
        term = self.facts("Q100", "office")[0]
        self.assertEqual((term["jurisdiction"], term["jurisdiction_name"], term["country"], term["country_name"]),
                         ("FD", "Freedonia", "FD", "Freedonia"))
        self.assertEqual(term["sources"], ["cia-factbook-leaders", "wikidata-world-leaders"])
        self.assertEqual(self.entities["Q100"]["name"], "Rufus Firefly")
        self.assertEqual(self.entities["Q104"]["name"], "Véra Marcal")
        # start years differ; a return to office one source does not know; a monarch
        self.assertNotIn("Q102", self.entities)
        self.assertNotIn("Q103", self.entities)
        self.assertNotIn("Q105", self.entities)
        dis = (self.out / "disagreements.tsv").read_text(encoding="utf-8")
        self.assertIn("Chicolini Pastrami\tPrime Minister of Freedonia from\t"
                      "cia-factbook-leaders=2019-05-01; wikidata-world-leaders=2018", dis)
        report = (self.out / "REPORT.md").read_text(encoding="utf-8")
        self.assertIn("| leader term | another term of the same office and person not confirmed | 1 |", report)

    def test_factbook_leader_entries(self):
        self.assertEqual(kb.factbook_leader("President Emmanuel MACRON (since 14 May 2017)"),
                         ("President", "Emmanuel MACRON", "2017-05-14"))
        self.assertEqual(kb.factbook_leader("Federal Chancellor Karl EXAMPLE (since May 2020); Vice Chancellor X"),
                         ("Chancellor", "Karl EXAMPLE", "2020-05"))
        self.assertEqual(kb.factbook_leader("Prime Minister &Eacute;lise EXEMPLE (since 16 May 2022)")[1],
                         "Élise EXEMPLE")
        for text in ("Interim President Ann OTHER (since 2 June 2020)",
                     "President of the Government Pedro EXAMPLE (since 2 June 2018)",
                     "Queen MARY II (since 2000)", "President Ann OTHER", "vacant (since 7 September 2025)"):
            self.assertIsNone(kb.factbook_leader(text), text)
        self.assertEqual(kb.leader_name_keys('Joko "Jokowi" WIDODO'), {"joko jokowi widodo", "joko widodo"})

    def test_office_terms_name_their_country(self):
        for e in self.entities.values():
            for f in e.get("facts", []):
                if f["fact"] == "office":
                    self.assertIn("country", f, e["id"])
                    self.assertIn("country_name", f, e["id"])

    def test_deterministic(self):
        with tempfile.TemporaryDirectory() as d:
            kb.run(Path(self.tmp.name) / "src", Path(d))
            for name in ("entities.jsonl", "names.tsv", "REPORT.md", "disagreements.tsv"):
                self.assertEqual((Path(d) / name).read_bytes(), (self.out / name).read_bytes(), name)


if __name__ == "__main__":
    unittest.main()
