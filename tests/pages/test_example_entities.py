"""``example: true`` on every kind of entity: accepted by the model, tagged on every page showing it, carried into
open data and feeds (a real build of tests/fixtures/forms)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kmsite_plugins.model import Committee, Organisation, Plan
from kmsite_plugins.model.organisation import Person, Position
from kmsite_plugins.model.plan import Activity, PlanSection
from kmsite_plugins.model.progress import ProgressReport

TAG = 'class="kms-example-tag"'
NOTICE = 'class="admonition example kms-example"'
ORG = "orgs/changwat-example/"

MINIMAL: dict[type, dict[str, Any]] = {
    Organisation: {"name": "x", "type": "จังหวัด"},
    Person: {"id": "p", "name": "x"},
    Position: {"id": "p", "title": "x"},
    Committee: {"id": "c", "kind": "other", "name": "x", "members": [{"name": "x", "role": "สมาชิก"}]},
    Activity: {"activity": "x"},
    PlanSection: {"id": "s", "tables": [{"kind": "kmp", "columns": ["activity"], "rows": [{"activity": "x"}]}]},
    ProgressReport: {"round": 6, "date": "2567-03-31", "entries": [{"row": "r", "status": "เสร็จแล้ว"}]},
}
MINIMAL[Plan] = {"title": "x", "sections": [MINIMAL[PlanSection]]}


@pytest.mark.parametrize("model", list(MINIMAL), ids=lambda m: m.__name__)
def test_every_entity_kind_accepts_example(model):
    assert model.model_validate(MINIMAL[model]).example is False
    assert model.model_validate({**MINIMAL[model], "example": True}).example is True


def _page(site: Path, path: str) -> str:
    """The article of a built page (the table of contents repeats headings)."""
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"):html.rindex("</article>")]


def _card(html: str, card_id: str) -> str:
    start = html.index('<article class="kms-card', html.index(f'id="{card_id}"') - 200)
    return html[start:html.index("</article>", start)]


def _row(html: str, marker: str) -> str:
    start = html.index(marker)
    return html[html.rindex("<tr", 0, start):html.index("</tr>", start)]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_organisation_example_notice_and_tag(forms_site, lang):
    assert NOTICE in _page(forms_site, lang + "orgs/example-org/")
    assert NOTICE not in _page(forms_site, lang + ORG)
    index = _page(forms_site, lang + "orgs/")
    item = index[index.index('href="example-org/"'):]
    assert item[:item.index("</li>")].count(TAG) == 1
    real = index[index.index('href="changwat-example/"'):]
    assert TAG not in real[:real.index("</li>")]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_person_and_position_example_tags(forms_site, lang):
    people = _page(forms_site, lang + ORG + "people/")
    assert TAG in _card(people, "invented-person")
    assert TAG in _card(people, "vacant-officer")
    assert TAG not in _card(people, "governor-person") and TAG not in _card(people, "deputy-person")
    org = _page(forms_site, lang + ORG)
    assert TAG in _row(org, 'href="people/#invented-person"')  # the committee seat
    assert TAG not in _row(org, 'href="people/#governor-person"')


@pytest.mark.parametrize("lang", ["", "en/"])
def test_committee_example_tag(forms_site, lang):
    org = _page(forms_site, lang + ORG)
    blocks = re.split(r"<h3 ", org)
    invented = next(b for b in blocks if "คณะทำงานสมมุติ" in b.split("</h3>")[0])
    team = next(b for b in blocks if "ทีมงานการจัดการความรู้ระดับจังหวัด" in b.split("</h3>")[0])
    assert TAG in invented.split("<table")[0]
    assert TAG not in team.split("<table")[0]


@pytest.mark.parametrize("lang", ["", "en/"])
def test_plan_section_activity_and_report_examples(forms_site, lang):
    assert NOTICE in _page(forms_site, lang + ORG + "plans/2569/")
    org = _page(forms_site, lang + ORG)
    plans = {key: li for key, li in re.findall(r'<li><a href="plans/(\d+)/">(.*?)</li>', org, flags=re.S)}
    assert TAG in plans["2569"] and TAG not in plans["2568"]
    plan = _page(forms_site, lang + ORG + "plans/2568/")
    body, progress = plan.split('id="progress"', 1) if 'id="progress"' in plan else plan.split("kms-progress", 1)
    sections = re.split(r'<h2 id="', body)
    real = next(s for s in sections if 'id="section-service-k"' in s)
    invented = next(s for s in sections if 'id="section-invented-section"' in s)
    assert NOTICE in invented.split('id="section-')[0] and NOTICE not in real.split('id="section-')[0]
    assert TAG in _row(plan, "กิจกรรมสมมุติเพื่อทดสอบ")
    assert TAG not in _row(plan, "บ่งชี้ความรู้ที่จำเป็น")
    assert NOTICE in progress


def test_open_data_carries_example(forms_site):
    data = json.loads((forms_site / "opendata/kmsite.json").read_text(encoding="utf-8"))
    orgs = {o["slug"]: o for o in data["organisations"]}
    assert orgs["example-org"]["example"] is True and orgs["changwat-example"]["example"] is False
    org = orgs["changwat-example"]
    assert {p["id"]: p["example"] for p in org["people"]}["invented-person"] is True
    assert {p["id"]: p["example"] for p in org["people"]}["governor-person"] is False
    assert {p["id"]: p["example"] for p in org["positions"]}["vacant-officer"] is True
    assert {c["id"]: c["example"] for c in org["committees"]} == {"km-team": False, "invented-committee": True}
    assert {p["key"]: p["example"] for p in org["plans"]} == {"2568": False, "2569": True}
    sections = {s["id"]: s["example"] for p in org["plans"] for s in p["sections"]}
    assert sections["invented-section"] is True and sections["service-k"] is False
    assert {a["id"]: a["example"] for a in org["activities"] if a["id"]} == {"identify": False, "invented-row": True}
    people_csv = (forms_site / "opendata/people.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r["example"] for r in csv.DictReader(io.StringIO(people_csv))}
    assert rows["invented-person"] != rows["governor-person"]


def test_feeds_mark_items_of_an_example_organisation(forms_site):
    feed = json.loads((forms_site / "orgs/example-org/feed.json").read_text(encoding="utf-8"))
    assert feed["items"] and all("ตัวอย่าง" in item["tags"] for item in feed["items"])
    real = json.loads((forms_site / ORG / "feed.json").read_text(encoding="utf-8"))
    assert real["items"] and not any("ตัวอย่าง" in item["tags"] for item in real["items"])
    rss = (forms_site / "en/orgs/example-org/feed.xml").read_text(encoding="utf-8")
    assert "<category>Example</category>" in rss
