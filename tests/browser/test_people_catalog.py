"""The people catalogue in headless Chromium at 1280 px: a grid of cards, anchors that land on a card.

The screenshot is written to /work/notes/screens/people-1280.png (outside the repository) for review.
"""

from __future__ import annotations

from pathlib import Path

SCREENSHOT = Path("/work/notes/screens/people-1280.png")


def test_people_catalogue_at_1280(site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    try:
        page.goto(site_url + "orgs/suso/people/", wait_until="load")
        cards = page.locator("article.kms-card")
        assert cards.count() == 6
        boxes = [cards.nth(i).bounding_box() for i in range(3)]
        assert all(b is not None for b in boxes)
        assert len({round(b["y"]) for b in boxes}) == 1, boxes  # three cards side by side
        assert boxes[0]["width"] >= 300
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        # Thai glyphs are drawn with a real Thai font (not boxes): the name has a sensible width
        name_width = page.locator("#chonlakan .kms-card-name").evaluate("e => e.getBoundingClientRect().width")
        assert name_width > 100
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
        # a card anchor (QR codes and other pages link to these) scrolls its card into view
        page.goto(site_url + "orgs/suso/people/#samut", wait_until="load")
        top = page.locator("#samut").evaluate("e => e.getBoundingClientRect().top")
        assert page.evaluate("window.scrollY") > 0 and 0 <= top < 1000 - 100
    finally:
        page.close()


def test_cop_page_at_1280_has_no_horizontal_overflow(site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + "orgs/prachantakham/cops/local-tax/", wait_until="load")
        assert page.locator("table.kms-meetings tbody tr").count() == 2  # the internal meeting is not there
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    finally:
        page.close()


def test_directory_pages_fit_a_phone(site_url, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    paths = ["orgs/suso/cops/project-writing/", "orgs/prachantakham/cops/", "people/", "people/who-knows-what/",
             "orgs/prachantakham/people/who-knows-what/", "en/orgs/prachantakham/cops/local-tax/"]
    too_wide = []
    try:
        for path in paths:
            page.goto(site_url + path, wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                too_wide.append((path, width))
    finally:
        page.close()
    assert too_wide == []
