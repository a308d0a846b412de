"""Announcements as a phone and a printer see them: the QR code read by zbarimg, the short link followed
in headless Chromium, and print-to-PDF on exactly one A4 portrait page with the QR code at the bottom."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import must
from tests.qr_decode import zbar

SITE_URL = "https://km.example.go.th/"  # site_url of mkdocs.yml; mapped to the local server below
ANNOUNCEMENTS = ["orgs/pathumthani-pao/announcements/km-plan-2567/",
                 "orgs/prachantakham/announcements/knowledge-holders/",
                 "orgs/suso/announcements/km-action-plan/"]
A4_PT = (595.28, 841.89)


def pdf_pages(pdf: Path) -> tuple[int, float, float]:
    """Page count and size in points, from pdfinfo (poppler)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(must(re.search(r"^Pages:\s+(\d+)", info, re.M)).group(1))
    width, height = map(float, must(re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)).groups())
    return pages, width, height


def print_pdf(browser, url: str, pdf: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(url)
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_qr_on_the_page_decodes_to_the_short_url_that_opens_the_page(browser, site_url, tmp_path, lang):
    path = lang + ANNOUNCEMENTS[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    try:
        page.goto(site_url + path)
        shot = tmp_path / "qr.png"
        page.locator(".kms-notice-qr svg").screenshot(path=str(shot))
        decoded = zbar(shot)
        assert len(decoded) == 1
        short = decoded[0]
        assert re.fullmatch(re.escape(SITE_URL + lang) + r"go/[a-z0-9-]+/", short)
        assert page.locator(".kms-qr-url").inner_text() == short  # printed under the code too
        # Follow it as a phone would, with the site's address mapped to the local server.
        page.goto(short.replace(SITE_URL, site_url))
        page.wait_for_url(site_url + path)
        assert page.locator("h1.kms-notice-head").count() == 1
        assert page.locator("link[rel=canonical]").get_attribute("href") == SITE_URL + path
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("path", ANNOUNCEMENTS)
def test_announcement_prints_on_one_a4_portrait_page_with_the_qr_at_the_bottom(browser, site_url, tmp_path, path, lang):
    pdf = tmp_path / "notice.pdf"
    print_pdf(browser, site_url + lang + path, pdf)
    pages, width, height = pdf_pages(pdf)
    assert pages == 1
    assert abs(width - A4_PT[0]) <= 2 and abs(height - A4_PT[1]) <= 2
    # The printed code reads, and it sits in the bottom fifth of the sheet (100 dpi: 827 x 1169 px).
    short = zbar_page(pdf, tmp_path)
    assert re.fullmatch(re.escape(SITE_URL + lang) + r"go/[a-z0-9-]+/", short)
    assert zbar_page(pdf, tmp_path, "-y", "935", "-H", "234") == short


def zbar_page(pdf: Path, tmp_path: Path, *crop: str) -> str:
    """The one code zbarimg reads on the PDF's page rendered at 100 dpi (optionally a crop of it)."""
    out = tmp_path / ("crop" if crop else "whole")
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", *crop, str(pdf), str(out)], check=True)
    decoded = zbar(out.with_suffix(".png"))
    assert len(decoded) == 1, decoded
    return decoded[0]


def test_printed_notice_uses_the_official_layout(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + ANNOUNCEMENTS[0])
        page.emulate_media(media="print")
        for hidden in (".md-header", ".md-footer", ".md-sidebar--primary", ".kms-notice-after"):
            assert page.locator(hidden).first.is_hidden(), hidden
        style = page.evaluate("""() => {
            const cs = e => getComputedStyle(document.querySelector(e));
            return {page: cs('body').page, font: cs('.kms-notice').fontFamily, size: cs('.kms-notice').fontSize,
                    head: cs('.kms-notice-head').textAlign, indent: cs('.kms-notice-body p').textIndent};
        }""")
    finally:
        page.close()
    assert style["page"] == "kms-notice"
    assert "Laksaman" in style["font"] and style["font"].startswith('"TH Sarabun New"')
    assert style["size"] == "21.3333px"  # 16 pt
    assert style["head"] == "center"
    assert abs(float(style["indent"][:-2]) - 94.5) < 1  # 2.5 cm first-line indent


@pytest.mark.parametrize("path", ["orgs/suso/poster/", "en/orgs/pathumthani-pao/plans/2567/poster/"])
def test_poster_prints_one_page_with_a_large_qr(browser, site_url, tmp_path, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + path)
        page.emulate_media(media="print")
        width_px = page.locator(".kms-poster-qr svg").bounding_box()["width"]
        assert width_px / 96 * 2.54 >= 10  # at least 10 cm on paper
        pdf = tmp_path / "poster.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    pages, width, height = pdf_pages(pdf)
    assert (pages, round(width), round(height)) == (1, 595, 842)
    lang = "en/" if path.startswith("en/") else ""
    assert re.fullmatch(re.escape(SITE_URL + lang) + r"go/[a-z0-9-]+/", zbar_page(pdf, tmp_path))
