"""Sarabun, shipped with the site, on screen and in print, whatever Thai fonts the system has
(this machine has the TLWG fonts: Laksaman, Loma, Garuda, ...)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ANNOUNCEMENT = "orgs/pathumthani-pao/announcements/km-plan-2567/"  # seed 002, Pathum Thani PAO


def pdf_fonts(pdf: Path) -> list[str]:
    """Names of the fonts a PDF embeds, subset prefixes removed (poppler's pdffonts)."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in lines[2:] if line.strip()]


def test_the_announcement_prints_with_sarabun_only(browser, site_url, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + ANNOUNCEMENT)
        page.emulate_media(media="print")
        page.evaluate("document.fonts.ready")
        pdf = tmp_path / "notice.pdf"
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    fonts = pdf_fonts(pdf)
    assert any(name.startswith("Sarabun") for name in fonts), fonts
    assert [name for name in fonts if not name.startswith("Sarabun")] == []


def test_the_page_shows_sarabun_loaded_from_the_site(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fonts: list[str] = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") else None)
    try:
        page.goto(site_url + ANNOUNCEMENT, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        loaded = page.evaluate("""() => [...document.fonts].filter(f => f.status === 'loaded')
            .map(f => f.family.replaceAll('"', '').replaceAll("'", '') + ' ' + f.weight)""")
        rendered = page.evaluate("getComputedStyle(document.querySelector('.kms-notice')).fontFamily")
    finally:
        page.close()
    assert "Sarabun 400" in loaded, loaded
    assert rendered.split(",")[0].strip("\"' ") == "Sarabun"
    assert fonts and all(url.startswith(site_url + "assets/fonts/sarabun/") for url in fonts), fonts
