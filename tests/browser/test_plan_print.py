"""The plan page as a person sees it and prints it (A4 landscape)."""

from __future__ import annotations

import re
from pathlib import Path


def test_plan_prints_on_a4_landscape_with_repeated_headers(browser, site_url, tmp_path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "orgs/pathumthani-pao/plans/2567/")
    assert page.locator("table.kms-kmp, table.kms-cmp").count() == 4
    page.emulate_media(media="print")
    # navigation is hidden in print
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").first.is_hidden()
    display = page.evaluate("getComputedStyle(document.querySelector('table.kms-plan-table thead')).display")
    assert display == "table-header-group"
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes, "no pages in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 841.92) < 2 and abs(float(height) - 595.92) < 2  # A4 landscape
    page.close()


def test_plan_tables_scroll_inside_the_page_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + "orgs/pathumthani-pao/plans/2567/")
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= 360
    wrap = page.locator(".kms-table-wrap").first
    # tables are laid out when they come near the screen (content-visibility: auto, kmsite.css)
    wrap.scroll_into_view_if_needed()
    page.wait_for_function("el => el.scrollWidth > el.clientWidth", arg=wrap.element_handle(), timeout=5_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
