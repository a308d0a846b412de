"""Form 2 (the KM Action Plan) with every header line, renamed labels in both languages, the nine columns and the
reviewer/approver foot; seat words of the roster forms shown as written (a real build of tests/fixtures/forms)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import must

PLAN = "orgs/changwat-example/plans/2568/"


def _article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.rindex("</article>")]


def _text(html: str) -> str:
    """Visible text, digits read as Arabic (Thai pages print Thai digits, the build's digit rule)."""
    return to_arabic(re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip())


def _header(page: str, section: str) -> list[tuple[str, str]]:
    dl = must(re.search(rf'<dl class="kms-plan-header" id="section-{section}">(.*?)</dl>', page, flags=re.S)).group(1)
    return [(_text(dt), _text(dd)) for dt, dd in re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>", dl, flags=re.S)]


TH_HEADER = [
    ("หน้าที่", "1/2"),
    ("ประเด็นยุทธศาสตร์", "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาคุณภาพชีวิต"),
    ("องค์ความรู้ที่จำเป็น (K)", "การให้บริการประชาชนแบบเบ็ดเสร็จ"),
    ("เจ้าภาพผู้รับผิดชอบองค์ความรู้", "หัวหน้ากลุ่มงานยุทธศาสตร์"),
    ("ตัวชี้วัด (KPI) ตามคำรับรอง", "ร้อยละความพึงพอใจของผู้รับบริการ"),
    ("เป้าหมายตัวชี้วัดตามคำรับรอง", "ร้อยละ 85"),
]
EN_HEADER = [
    ("Page ( หน้าที่ )", "1/2"),  # renamed in Thai only: ours, then the plan's
    ("Strategic issue", "ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาคุณภาพชีวิต"),
    ("Knowledge needed (K)", "การให้บริการประชาชนแบบเบ็ดเสร็จ"),
    ("Knowledge owner", "หัวหน้ากลุ่มงานยุทธศาสตร์"),
    ("Outcome KPIs ( ตัวชี้วัด (KPI) ตามคำรับรอง )", "ร้อยละความพึงพอใจของผู้รับบริการ"),
    ("Target of the agreed KPI (custom)", "ร้อยละ 85"),
]
TH_COLUMNS = ["ลำดับ", "กิจกรรมการจัดการความรู้", "ระยะเวลา", "ตัวชี้วัด", "เป้าหมาย", "กลุ่มเป้าหมาย", "ผู้รับผิดชอบ",
              "สถานะ", "หมายเหตุ"]
EN_COLUMNS = ["No.", "KM activity (custom)", "Period", "Indicator", "Goal", "Target group", "Responsible", "Status",
              "Remarks"]
TH_ROW = ["1", "บ่งชี้ความรู้ที่จำเป็น", "ต.ค. 2567", "รายการองค์ความรู้", "1 รายการ", "ทีมงาน KM",
          "ทีมงาน KM จังหวัด หัวหน้ากลุ่มงานยุทธศาสตร์", "เสร็จแล้ว", "หมายเหตุแถวแรก"]


@pytest.mark.parametrize(("lang", "unit", "header", "columns"), [
    ("", "ชื่อส่วนราชการ / จังหวัด: จังหวัดตัวอย่างทดสอบ", TH_HEADER, TH_COLUMNS),
    ("en/", "Government unit / province: จังหวัดตัวอย่างทดสอบ", EN_HEADER, EN_COLUMNS),
])
def test_form2_header_lines_and_nine_columns(forms_site, lang, unit, header, columns):
    page = _article(forms_site, lang + PLAN)
    assert unit in _text(page)
    assert _header(page, "service-k") == header
    table = must(re.search(r'<table class="kms-plan-table kms-kmp">(.*?)</table>', page, flags=re.S)).group(1)
    assert [_text(th) for th in re.findall(r"<th scope=\"col\">(.*?)</th>", table, flags=re.S)] == columns
    first = must(re.search(r"<tr data-step=\"KMP1\">(.*?)</tr>", table, flags=re.S)).group(1)
    cells = [_text(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", first, flags=re.S)]
    expected = TH_ROW if not lang else [*TH_ROW[:7], "Done", TH_ROW[8]]
    assert cells == expected


@pytest.mark.parametrize(("lang", "reviewer", "approver"), [
    ("", "ผู้ทบทวน", "ผู้อนุมัติ"), ("en/", "Reviewed by", "Approved by"),
])
def test_form2_foot_has_captions_names_and_lines_to_sign_on(forms_site, lang, reviewer, approver):
    page = _article(forms_site, lang + PLAN)
    foot = must(re.search(r'<div class="kms-signatures">(.*?)</div>\s*</div>', page, flags=re.S)).group(1)
    blocks = re.findall(r'<div class="kms-sign kms-sign-(\w+)">(.*?)</div>', foot + "</div>", flags=re.S)
    assert [who for who, _ in blocks] == ["reviewer", "approver"]
    (_, rev), (_, app) = blocks
    assert rev.count('class="kms-sign-line"') == 1 and app.count('class="kms-sign-line"') == 1
    captions = {"": ("ผู้บริหารสูงสุดด้านการจัดการความรู้ (CKO)", "ผู้บริหารสูงสุดของส่วนราชการ (CEO)"),
                "en/": ("Chief Knowledge Officer (CKO)", "Chief Executive Officer of the organisation (CEO)")}[lang]
    assert _text(rev).startswith(f"{reviewer} :") and _text(app).startswith(f"{approver} :")
    assert "( นางรองผู้ว่า สมมุติ" in _text(rev) and _text(rev).endswith(captions[0])
    assert "( นายผู้ว่า สมมุติ" in _text(app) and _text(app).endswith(captions[1])


def test_seat_words_as_written_on_thai_pages_translated_on_english(forms_site):
    def roles(path: str) -> list[str]:
        page = _article(forms_site, path)
        team = page[page.index("ทีมงานการจัดการความรู้ระดับจังหวัด"):]
        team = team[:team.index("</table>")]
        rows = re.findall(r"<tr>(.*?)</tr>", team, flags=re.S)[1:]
        return [_text(re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)[2]) for row in rows]

    assert roles("orgs/changwat-example/") == ["CEO", "CKO", "หัวหน้าทีม", "รองหัวหน้า", "KM Team", "เลขาฯ",
                                               "ผู้ช่วยเลขฯ"]
    assert roles("en/orgs/changwat-example/") == ["CEO", "CKO", "Team leader", "Deputy team leader", "KM team",
                                                  "Secretary", "Assistant secretary"]
