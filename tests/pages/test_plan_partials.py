"""The worksheet and progress partials, rendered with the real Renderer in both languages."""

from __future__ import annotations

import re

import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.model import Organisation, OrgContent, Plan, PlanEntry
from kmsite_plugins.render import Renderer
from kmsite_plugins.thai.digits import to_thai
from kmsite_plugins.views.context import BuildContext
from kmsite_plugins.views.plan import PlanView, plan_view
from tests.conftest import ROOT


def render(name: str, view: PlanView, lang: str = "th") -> str:
    renderer = Renderer(BuildContext(None, lang, "th", ("th", "en")))
    return renderer.env.get_template(f"partials/{name}.html.j2").render(plan=view.entry.plan, view=view, t=renderer.t)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def demo_plan() -> PlanView:
    site, problems = load_site(ROOT)
    assert problems.errors == []
    content = site.orgs["pathumthani-pao"]
    return plan_view(content, content.plans[0])


@pytest.fixture(scope="module")
def bare_plan() -> PlanView:
    site, _ = load_site(ROOT)
    content = site.orgs["suso"]
    return plan_view(content, content.plans[0])


@pytest.mark.parametrize("name", ["worksheets", "progress"])
def test_nothing_without_worksheets_or_reports(name, bare_plan):
    assert not bare_plan.entry.plan.worksheets and not bare_plan.entry.plan.progress
    assert render(name, bare_plan) == ""
    assert render(name, bare_plan, "en") == ""


def test_worksheets_th(demo_plan):
    html = render("worksheets", demo_plan)
    assert html.count('<table class="kms-plan-table kms-worksheet') == 2
    assert html.count("ตัวอย่างเนื้อหา") == 2  # each example sheet says so
    # scores, totals, percentages and ranks in Thai digits on a Thai page (the site's default digits)
    assert "มาก (๕)" in html and "ปานกลาง (๓)" in html and "น้อย (๑)" in html
    knowledge = html[html.index('id="worksheet-knowledge-selection"'):]
    rank_row = knowledge[knowledge.index('<tr class="kms-rank">'):]
    rank_row = rank_row[:rank_row.index("</tr>")]
    assert text(rank_row).split() == ["ลำดับ", "๑", "๒", "๓", "(เท่ากัน)", "๓", "(เท่ากัน)", "๕"]
    assert "<strong>๒๓</strong> / ๒๕" in knowledge and "๙๒%" in knowledge and "๗๖%" in knowledge
    # the chosen candidate is highlighted in its header and marked as chosen
    assert re.search(r'class="kms-candidate kms-chosen">เทคนิคการบริหารจัดการองค์ความรู้ \(KM\)<br><mark>✓ ที่เลือก</mark>',
                     knowledge)


def test_worksheets_en(demo_plan):
    html = render("worksheets", demo_plan, "en")
    assert "Knowledge selection worksheet (example)" in html
    assert "High (5)" in html and "Medium (3)" in html and "Low (1)" in html
    assert "3 (tie)" in html and "Example content" in html


def test_progress_th(demo_plan):
    html = render("progress", demo_plan)
    assert "ข้อมูล ณ วันที่ ๓๑ มีนาคม ๒๕๖๗ (รายงานรอบ ๖ เดือน)" in html
    assert "ตัวอย่างเนื้อหา" in html
    counts = text(html[html.index('<table class="kms-progress-counts">'):html.index("</table>")])
    for label, n in [("เสร็จแล้ว", 2), ("กำลังดำเนินการ", 7), ("ยังไม่เริ่ม", 2), ("ยกเลิก", 1),
                     ("ยังไม่มีการรายงาน", 14), ("ล่าช้ากว่าแผน", 1), ("กิจกรรมทั้งหมด", 26)]:
        assert f"{label} {to_thai(str(n))} " in counts
    late = html[html.index('<ul class="kms-late">'):]
    late = late[:late.index("</ul>")]
    assert late.count("<li") == 1 and 'data-row="pub-kmp1"' in late
    assert "ธ.ค. ๒๕๖๖ - ก.พ. ๒๕๖๗" in late


def test_progress_en(demo_plan):
    html = render("progress", demo_plan, "en")
    assert "As of 31 March 2024 (6-month report)" in html
    assert "Late activities" in html and "Cancelled" in html


def test_everything_is_escaped_and_only_web_links_are_links():
    plan = Plan.model_validate({
        "title": "แผน", "fiscal_year": 2567,
        "sections": [{"id": "s", "tables": [{"kind": "kmp", "columns": ["activity", "period"], "rows": [
            {"id": "x", "activity": "<script>alert(1)</script>", "period": "ต.ค. ๒๕๖๖"}]}]}],
        "worksheets": [{"id": "w", "kind": "kpi", "title": "<b>sheet</b>",
                        "criteria": [{"id": "c", "name": "a & b"}],
                        "candidates": [{"id": "k", "name": "<i>kpi</i>", "scores": {"c": "มาก"}}], "chosen": "k"}],
        "progress": [{"round": 12, "date": "2567-09-30", "entries": [
            {"row": "x", "status": "กำลังดำเนินการ", "note": "<img src=x>",
             "evidence": ["https://example.go.th/a?b=1&c=2", "javascript:alert(1)"]}]}],
    })
    content = OrgContent(slug="x", org=Organisation.model_validate({"name": "x", "type": "อบต."}))
    view = plan_view(content, PlanEntry("2567", plan))
    sheets = render("worksheets", view)
    assert "<b>" not in sheets and "&lt;b&gt;sheet&lt;/b&gt;" in sheets
    assert "&lt;i&gt;kpi&lt;/i&gt;" in sheets and "a &amp; b" in sheets
    progress = render("progress", view)
    assert "<script>" not in progress and "&lt;script&gt;" in progress
    assert "<img" not in progress
    assert '<a href="https://example.go.th/a?b=1&amp;c=2">' in progress
    assert 'href="javascript' not in progress and "javascript:alert(1)" in progress
    assert 'class="kms-late"' in progress  # October's activity is late on 30 September's report
