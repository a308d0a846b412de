"""Worksheets 1 and 3, form 1, the sufficiency-economy grid and the roster forms' header and contact column, with
every field on the Thai and English pages (a real build of tests/fixtures/forms)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from kmsite_plugins.model import Plan
from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import FORMS_FIXTURE, must, read_yaml

PLAN_YML = FORMS_FIXTURE / "plans/changwat-example/plans/2568.yml"


def _text(html: str) -> str:
    """Visible text, digits read as Arabic (Thai pages print Thai digits, the build's digit rule)."""
    return to_arabic(re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip())


def _block(site: Path, path: str, block_id: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    start = html.index(f'id="{block_id}"')
    end = html.find('<div class="kms-worksheet-block', start + 1)
    return _text(html[start:end if end > 0 else html.index("</section>", start)])


LABELS = {
    "": {"ws1": ["ใบงานที่ 1 ตัวชี้วัดตามประเด็นยุทธศาสตร์", "ประเด็นยุทธศาสตร์", "เป้าประสงค์", "ปี", "ตัวชี้วัดที่",
                 "ชื่อตัวชี้วัดตามคำรับรองการปฏิบัติราชการ", "ส่วนราชการที่รับผิดชอบ", "หมายเหตุ"],
         "ws3": ["ใบงานที่ 3", "กระบวนการทำงาน", "องค์ความรู้ที่จำเป็น", "ส่วนราชการที่เกี่ยวข้อง"],
         "form1": ["แบบฟอร์ม 1", "ประเภทองค์ความรู้", "แหล่งความรู้ / ผู้มีความรู้"],
         "se": ["ความพอประมาณ", "ความมีเหตุมีผล", "ความมีภูมิคุ้มกันที่ดี", "เงื่อนไขความรู้", "เงื่อนไขคุณธรรม",
                "องค์ประกอบที่จำเป็น หรือขอบเขต KM คือ"]},
    "en/": {"ws1": ["Worksheet 1: KPIs by strategic issue", "Strategic issue", "Goal", "Year", "KPI no.",
                    "KPI of the performance agreement", "Responsible agencies", "Remarks"],
            "ws3": ["Worksheet 3", "Work process", "Knowledge needed", "Agencies involved"],
            "form1": ["Form 1", "Knowledge type", "Source / holders of the knowledge"],
            "se": ["Moderation", "Reasonableness", "Self-immunity", "Knowledge condition", "Virtue condition",
                   "KM scope"]},
}


def _values(node: object) -> list[str]:
    """Every text value of a YAML node (the content a form's page must show)."""
    if isinstance(node, dict):
        return [v for key, value in node.items() if key != "example" for v in _values(value)]
    if isinstance(node, list):
        return [v for item in node for v in _values(item)]
    return [str(node)]


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize(("key", "field", "block"), [
    ("ws1", "kpi_summaries", "worksheet-1-1"), ("ws3", "process_knowledge", "worksheet-3-1"),
    ("form1", "knowledge_classification", "form-1-1"), ("se", "sufficiency", "sufficiency-1"),
])
def test_every_field_of_each_form_on_both_pages(forms_site, lang, key, field, block):
    text = _block(forms_site, lang + "orgs/changwat-example/plans/2568/", block)
    for label in LABELS[lang][key]:
        assert label in text, label
    content = read_yaml(PLAN_YML)[field][0]
    for value in _values(content):
        assert value in text, value
    # the fixture fills every field of the form's model (``example`` aside)
    annotation = Plan.model_fields[field].annotation
    assert annotation is not None
    model = annotation.__args__[0]  # list[Model]
    assert set(content) == set(model.model_fields) - {"example"}
    rows = next((name for name in ("rows", "steps") if name in content), None)
    if rows:
        row_model = model.model_fields[rows].annotation.__args__[0]
        assert set().union(*(set(r) for r in content[rows])) == set(row_model.model_fields)


@pytest.mark.parametrize(("lang", "labels"), [
    ("", ("ประเด็นยุทธศาสตร์", "เป้าประสงค์", "องค์ความรู้ที่จำเป็น", "ส่วนราชการ/องค์กร", "หมายเลขโทรศัพท์ E-mail")),
    ("en/", ("Strategic issue", "Goal", "Knowledge needed", "Agency / organisation", "Phone, e-mail")),
])
def test_roster_header_and_public_contact_column(forms_site, lang, labels):
    html = (forms_site / lang / "orgs/changwat-example/index.html").read_text(encoding="utf-8")
    start = html.index('class="kms-plan-header kms-roster-header"')
    roster = html[start:html.index("</table>", start)]
    text = _text(roster)
    for label, value in zip(labels[:4], ("ประเด็นยุทธศาสตร์ที่ 1 การพัฒนาคุณภาพชีวิต", "ประชาชนได้รับบริการที่รวดเร็ว",
                                     "การให้บริการประชาชนแบบเบ็ดเสร็จ", "จังหวัดตัวอย่างทดสอบ"), strict=True):
        assert f"{label} {value}" in text
    assert re.findall(r"<th>(.*?)</th>", roster)[-1] == labels[4]
    ceo = must(re.search(r"<tr>(?:(?!</tr>).)*governor-person.*?</tr>", roster, flags=re.S)).group(0)
    assert 'href="tel:011112222"' in ceo and 'href="mailto:governor@example.go.th"' in ceo
    assert "9999" not in html  # the deputy's internal phone stays off the public site
    other = html[html.index("คณะทำงานสมมุติ", html.index("<article")):]
    other = other[:other.index("</table>")]
    assert labels[4] not in other  # no member of that committee has a public contact: no column
