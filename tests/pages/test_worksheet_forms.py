"""Worksheets 2 and 4 of the OPDC toolkit on the built plan page: header, criteria (an "อื่น ๆ" one), candidates, 5/3/1
scores, totals, a tie in the ranks, in Thai and English (a real build of tests/fixtures/forms)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import must

PLAN = "orgs/changwat-example/plans/2568/"


def _text(html: str) -> str:
    """Visible text, digits read as Arabic (Thai pages print Thai digits, the build's digit rule)."""
    return to_arabic(re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip())


def _sheet(site: Path, lang: str, sheet: str) -> str:
    html = (site / (lang + PLAN) / "index.html").read_text(encoding="utf-8")
    start = html.index(f'id="worksheet-block-{sheet}"')
    return html[start:html.index('<div class="kms-worksheet-block"', start + 1)
                if '<div class="kms-worksheet-block"' in html[start + 1:] else html.index("</section>", start)]


def _rows(sheet: str, part: str) -> list[list[str]]:
    body = must(re.search(rf"<{part}>(.*?)</{part}>", sheet, flags=re.S)).group(1)
    return [[_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, flags=re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)]


@pytest.mark.parametrize(("lang", "words", "labels"), [
    ("", ("มาก (5)", "ปานกลาง (3)", "น้อย (1)"), ("ประเด็นยุทธศาสตร์", "คะแนนรวม", "ลำดับ", "เท่ากัน")),
    ("en/", ("High (5)", "Medium (3)", "Low (1)"), ("Strategic issue", "Total", "Rank", "tie")),
])
def test_kpi_worksheet_every_field_with_a_tie_and_an_other_criterion(forms_site, lang, words, labels):
    sheet = _sheet(forms_site, lang, "kpi-selection")
    title = "ใบงานที่ 2 การคัดเลือกตัวชี้วัด" if not lang else "Worksheet 2, KPI selection"
    assert title in _text(sheet.split("</h3>")[0])
    assert f"{labels[0]} ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาคุณภาพชีวิต" in _text(sheet)
    head = _rows(sheet, "thead")[0]
    assert head[1:] == ["ร้อยละความพึงพอใจของผู้รับบริการ ✓ " + ("ที่เลือก" if not lang else "chosen"),
                        "จำนวนเรื่องร้องเรียนที่ลดลง", "ระยะเวลาให้บริการเฉลี่ย"]
    body = _rows(sheet, "tbody")
    other = "อื่น ๆ (ระบุ) มีข้อมูลพร้อมสำหรับติดตามผล" if not lang else "Other: data ready for follow-up"
    assert [r[0] for r in body] == ["มีความสำคัญต่อกระบวนการตามยุทธศาสตร์", "เกิดประโยชน์ต่อประชาชนหรือผู้รับบริการ", other]
    high, medium, low = words
    assert body[0][1:] == [high, high, low] and body[1][1:] == [high, medium, low]
    assert body[2][1:] == [medium, high, low]
    foot = _rows(sheet, "tfoot")
    assert foot[0] == [labels[1], "13 / 15", "13 / 15", "3 / 15"]
    rank = foot[-1]
    assert rank[0] == labels[2] and rank[1:] == [f"1 ({labels[3]})", f"1 ({labels[3]})", "3"]
