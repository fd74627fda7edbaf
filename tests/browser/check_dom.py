"""Check factlint's HTML report as a browser rendered it.

Usage: check_dom.py DOM_FILE JSON_FILE BASE_DIR

Every finding in the JSON report must appear in the rendered DOM as one or more
<mark data-finding=...> elements whose text, in page order, is exactly the flagged
text: the bytes start..end of the source file.
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path


class Marks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # open elements: finding id or None
        self.text = {}  # finding id -> collected text
        self.attrs = {}  # finding id -> attributes of its first mark
        self.files = []  # data-path of each section, in order
        self.summary_links = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "data-path" in a:
            self.files.append(a["data-path"])
        if tag == "a" and a.get("href", "").startswith("#f"):
            self.summary_links.add(a["href"][1:])
        fid = a.get("data-finding") if tag == "mark" else None
        if fid is not None:
            self.text.setdefault(fid, "")
            self.attrs.setdefault(fid, a)
        if tag not in ("meta", "br", "img", "input", "link", "hr"):
            self.stack.append(fid)

    def handle_endtag(self, tag):
        if tag not in ("meta", "br", "img", "input", "link", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for fid in set(f for f in self.stack if f is not None):
            self.text[fid] += data


def main():
    dom_path, json_path, base = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    parser = Marks()
    parser.feed(Path(dom_path).read_text(encoding="utf-8"))
    report = json.loads(Path(json_path).read_text(encoding="utf-8"))
    failures = []
    checked = 0
    for index, f in enumerate(report["files"]):
        source = (base / f["path"]).read_bytes()
        for i, d in enumerate(f["diagnostics"]):
            fid = f"f{index}-{i}"
            want = source[d["span"]["start"]:d["span"]["end"]].decode("utf-8")
            got = parser.text.get(fid)
            checked += 1
            if got != want:
                failures.append(f"{f['path']} {d['rule']}: highlighted {got!r}, flagged {want!r}")
                continue
            attrs = parser.attrs[fid]
            if attrs.get("class") != d["severity"]:
                failures.append(f"{fid}: class {attrs.get('class')!r}, severity {d['severity']}")
            if d["message"] not in attrs.get("title", ""):
                failures.append(f"{fid}: the hover text lacks the message")
            if fid not in parser.summary_links:
                failures.append(f"{fid}: no link to it")
    extra = set(parser.text) - {f"f{i}-{j}" for i, f in enumerate(report["files"]) for j in range(len(f["diagnostics"]))}
    if extra:
        failures.append(f"marks for unknown findings: {sorted(extra)}")
    for msg in failures:
        print("FAIL", msg)
    print(f"browser: {checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
