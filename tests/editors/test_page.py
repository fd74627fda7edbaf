"""The page at / in headless Chromium (Debian's, driven by Playwright): type an article,
see the highlight, apply a fix, see it gone. Screenshots go to $ARTIFACTS."""

import os

from playwright.sync_api import expect, sync_playwright

URL = os.environ["FACTLINT_URL"]
ARTIFACTS = os.environ["ARTIFACTS"]
CHROME = os.environ["CHROME"]


def test_type_see_highlight_and_fix():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROME,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        outside = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(URL) else None)
        page.goto(URL + "/")
        page.fill("#date", "2026-12-02")
        page.click("#text")
        page.keyboard.type("# Summit 😀 “東京”\n\nThe summit opened on Monday, 29 November 2026, officials said.\n", delay=5)
        page.wait_for_selector("mark.error", timeout=15000)
        marked = "".join(page.locator("mark").all_inner_texts())
        assert marked == "Monday, 29 November 2026", marked
        cards = page.locator(".finding")
        assert cards.count() == 1
        assert "is a Sunday, not a Monday" in cards.first.inner_text()
        buttons = cards.first.locator("button.fix")
        assert buttons.count() == 2
        assert "Reference date 2026-12-02" in page.inner_text("#status")
        page.screenshot(path=os.path.join(ARTIFACTS, "page-finding.png"))
        buttons.nth(0).click()
        page.wait_for_selector("mark", state="detached", timeout=15000)
        value = page.input_value("#text")
        assert "opened on Sunday, 29 November 2026," in value, value
        expect(page.locator("#count")).to_have_text("No findings", timeout=15000)
        page.screenshot(path=os.path.join(ARTIFACTS, "page-fixed.png"))
        browser.close()
        assert outside == [], outside
