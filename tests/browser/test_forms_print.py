"""Printing a plan (PDF by Chromium, text per page by pdftotext): a short worksheet never splits across pages; a
long one repeats its column headers on every page and prints its totals once, under its last rows."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from kmsite_plugins.thai.digits import to_arabic

from .serve import served

PLAN = "orgs/changwat-example/plans/2568/"


@pytest.fixture(scope="module")
def pages(browser, forms_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    """The printed plan page, as text, one string per printed page."""
    pdf = tmp_path_factory.mktemp("print") / "plan.pdf"
    with served(forms_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + PLAN)
        page.emulate_media(media="print")
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
        page.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    yield [to_arabic(p) for p in text.split("\f") if p.strip()]  # Thai pages print Thai digits


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_short_worksheet_is_on_one_page(pages):
    holding = [i for i, p in enumerate(pages) if "ร้อยละความพึงพอใจของผู้รับบริการ" in p and "ลำดับ" in p]
    title = [i for i, p in enumerate(pages) if "ใบงานที่ 2 การคัดเลือกตัวชี้วัด" in p]
    assert len(title) == 1
    page = pages[title[0]]
    for cell in ("มีความสำคัญต่อกระบวนการตามยุทธศาสตร์", "อื่น ๆ (ระบุ) มีข้อมูลพร้อมสำหรับติดตามผล", "13 / 15", "3 / 15"):
        assert cell in page, cell
    assert title[0] in holding


def test_long_worksheet_repeats_headers_and_prints_totals_once(pages):
    spans = [i for i, p in enumerate(pages) if "ของใบงานยาวเพื่อทดสอบการพิมพ์หลายหน้า" in p]
    assert len(spans) >= 2, "the 60-criterion sheet should need more than one page"
    for i in spans:  # the candidates' column headers on every page the sheet is printed on
        assert "องค์ความรู้ ก" in pages[i] and "องค์ความรู้ ข" in pages[i], i
    totals = [i for i, p in enumerate(pages) if "300 / 300" in p]
    assert totals == [spans[-1]]  # the total once, on the sheet's last page
    assert sum(_squash(p).count("300 / 300") for p in pages) == 1
    last = pages[spans[-1]]
    assert last.index("เกณฑ์ข้อที่ 60 ") < last.index("300 / 300")


def test_worksheets_and_short_tables_are_kept_whole_in_print(browser, forms_site: Path):
    """What keeps them whole wherever the page breaks fall (the PDF above shows one case)."""
    with served(forms_site) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + PLAN)
        page.emulate_media(media="print")
        found = page.evaluate("""() => ({
          sheets: [...document.querySelectorAll('.kms-worksheet-block')].map(e => getComputedStyle(e).breakInside),
          short: [...document.querySelectorAll('.kms-table-wrap.kms-keep')].map(e => getComputedStyle(e).breakInside),
          tfoot: [...document.querySelectorAll('table.kms-worksheet tfoot')].map(e => getComputedStyle(e).display),
          thead: [...document.querySelectorAll('table.kms-worksheet thead')].map(e => getComputedStyle(e).display),
        })""")
        page.close()
    assert len(found["sheets"]) == 6 and set(found["sheets"]) == {"avoid"}  # 4 toolkit sheets, 2 selection sheets
    assert found["short"] and set(found["short"]) == {"avoid"}
    assert found["tfoot"] == ["table-row-group"] * 2  # a footer group would repeat under every page's rows
    assert found["thead"] == ["table-header-group"] * 2
