"""factlint serve answered through language_tool_python's remote-server mode (a real
LanguageTool client) and through plain HTTP with requests; offsets on non-ASCII text."""

import os

import language_tool_python
import requests

URL = os.environ["FACTLINT_URL"]
TEXT = "😀 “東京” — the summit opened on Monday, 29 November 2026. 👍🏽 It closed on Friday, 4 December 2026."


def test_language_tool_python_remote_mode_sees_and_fixes_findings():
    tool = language_tool_python.LanguageTool("en-US", remote_server=URL)
    matches = tool.check(TEXT)
    assert [m.rule_id for m in matches] == ["date.weekday-mismatch"], matches
    m = matches[0]
    # language_tool_python turns UTF-16 offsets into Python (code point) offsets.
    assert TEXT[m.offset : m.offset + m.error_length] == "Monday, 29 November 2026"
    assert m.replacements[:2] == ["Sunday, 29 November 2026", "Monday, 30 November 2026"]
    assert m.category == "DATE"
    fixed = language_tool_python.utils.correct(TEXT, matches)
    assert "opened on Sunday, 29 November 2026." in fixed
    assert tool.check(fixed) == []
    tool.close()


def test_plain_http_utf16_offsets_and_reference_date():
    r = requests.post(
        URL + "/v2/check",
        data={"text": "On Thursday, 4 December 😀 the vote.", "language": "en-GB", "date": "2026-11-20"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["referenceDate"] == {"date": "2026-11-20", "source": "request"}
    m = body["matches"][0]
    units = "On Thursday, 4 December 😀 the vote.".encode("utf-16-le")
    flagged = units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le")
    assert flagged == "Thursday, 4 December"
    langs = requests.get(URL + "/v2/languages", timeout=30).json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs


def test_api_check_contract_over_http():
    r = requests.post(
        URL + "/api/check",
        json={"text": "It opened on Monday, 29 November 2026.", "format": "text", "path": "a.txt"},
        timeout=30,
    )
    assert r.status_code == 200, r.text
    file = r.json()["files"][0]
    assert file["diagnostics"][0]["rule"] == "date.weekday-mismatch"
    bad = requests.post(URL + "/api/check", data=b"\xff\xfe", timeout=30)
    assert bad.status_code == 400 and "error" in bad.json()
    big = requests.post(URL + "/api/check", data=b"x" * (3 * 1024 * 1024), timeout=30)
    assert big.status_code == 413
