"""Pages say only what is true (a real build of tests/fixtures/forms): each test failed on the old behaviour."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from kmsite_plugins.thai.digits import to_arabic
from tests.conftest import must

ORG = "orgs/changwat-example/"


def _article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.rindex("</article>")]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("lang", ["", "en/"])
def test_no_plan_heading_without_items_on_the_organisation_page(forms_site, lang):
    """The latest plan has focus areas but no desired states and no success factors: only its heading shows."""
    org = _article(forms_site, lang + ORG)
    headings = [_text(h).replace("¶", "").strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", org, flags=re.S)]
    wanted = {"": ("ขอบเขต KM (KM Focus Areas)", "เป้าหมาย KM (Desired State)",
                   "ปัจจัยแห่งความสำเร็จ (Key Success Factors)"),
              "en/": ("KM focus areas", "KM desired states", "Key success factors")}[lang]
    assert wanted[0] in headings
    assert wanted[1] not in headings and wanted[2] not in headings
    for h2 in re.split(r"<h2", org)[1:]:  # no heading anywhere is followed by an empty list
        assert not re.search(r'<ol class="kms-list[^"]*">\s*</ol>', h2)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_knowledge_link_counts_what_the_knowledge_page_shows(forms_site, lang):
    """No topics and two assets: the link does not say the store is empty."""
    knowledge = _article(forms_site, lang + ORG + "knowledge/")
    assets = knowledge.count('class="kms-asset-title"')
    assert assets == 2
    org = _article(forms_site, lang + ORG)
    link = _text(must(re.search(r'<a href="knowledge/">(.*?)</a>', org)).group(1))
    numbers = [int(n) for n in re.findall(r"\d+", to_arabic(link))]
    assert numbers == [0, assets], link


@pytest.mark.parametrize(("lang", "shown", "not_shown"), [("", "ไม่ระบุ", "ทบทวนแล้ว"), ("en/", "Not stated", "Reviewed")])
def test_unstated_asset_status_is_not_stated(forms_site, lang, shown, not_shown):
    page = _article(forms_site, lang + ORG + "knowledge/unstated-status/")
    status = must(re.search(r"<dt>(?:สถานะ|Status)</dt><dd>(.*?)</dd>", page)).group(1)
    assert status == shown and not_shown not in _text(page)
    approved = _article(forms_site, lang + ORG + "knowledge/approved-note/")
    assert re.search(r"<dt>(?:สถานะ|Status)</dt><dd>(อนุมัติแล้ว|Approved)</dd>", approved)


def test_unstated_status_is_null_in_open_data(forms_site):
    import json
    data = json.loads((forms_site / "opendata/kmsite.json").read_text(encoding="utf-8"))
    assets = {a["slug"]: a["status"] for o in data["organisations"] for a in o["assets"]}
    assert assets["unstated-status"] is None and assets["approved-note"] == "approved"


@pytest.mark.parametrize("lang", ["", "en/"])
def test_responsible_party_named_by_text_and_reference_shows_once(forms_site, lang):
    plan = _article(forms_site, lang + ORG + "plans/2568/")
    row = must(re.search(r"<tr data-step=\"KMP1\">(.*?)</tr>", plan, flags=re.S)).group(1)
    cell = must(re.search(r'<td class="kms-col-responsible">(.*?)</td>', row, flags=re.S)).group(1)
    assert _text(cell).count("หัวหน้ากลุ่มงานยุทธศาสตร์") == 1
    assert 'href="../../people/#strategy-head"' in cell  # shown as the link
    assert "ทีมงาน KM จังหวัด" in _text(cell)  # the party named by text only stays
    owner = must(re.search(r"<dt>[^<]*</dt><dd>((?:(?!</dd>).)*strategy-head.*?)</dd>", plan, flags=re.S)).group(1)
    assert _text(owner).count("หัวหน้ากลุ่มงานยุทธศาสตร์") == 1


def test_statuses_and_labels_translated_on_english_pages(forms_site):
    plan = _article(forms_site, "en/" + ORG + "plans/2568/")
    statuses = [_text(c).strip() for c in re.findall(r'<td class="kms-col-status">(.*?)</td>', plan, flags=re.S)]
    assert statuses == ["Done", "In progress"]
    thai = _article(forms_site, ORG + "plans/2568/")
    assert [_text(c).strip() for c in re.findall(r'<td class="kms-col-status">(.*?)</td>', thai, flags=re.S)] == [
        "เสร็จแล้ว", "กำลังดำเนินการ"]
    org = _text(_article(forms_site, "en/" + ORG))
    assert "Type Province" in org
    for word in ("เสร็จแล้ว", "กำลังดำเนินการ", "ทบทวนแล้ว", "หัวหน้าทีม", "เลขานุการ", "จังหวัด Type"):
        assert word not in org
