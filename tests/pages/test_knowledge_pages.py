"""The knowledge store in a real build of the demo: maps, asset pages, browsing, tags, both languages."""

from __future__ import annotations

import re
from pathlib import Path

from kmsite_plugins.labels import load_labels
from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import public_view
from kmsite_plugins.thai.collation import thai_sorted
from kmsite_plugins.views.knowledge import site_assets, tag_index
from tests.conftest import ROOT, must, read_front_matter, read_yaml, text_of

LEADING_VOWELS = "เแโใไ"


def _public_assets():
    site, problems = load_site(ROOT)
    assert not problems.errors
    return site_assets(public_view(site))


def _front_matter(path: Path) -> dict:
    return read_front_matter(path)


def test_prachantakham_map_lists_fifteen_topics_with_departments_and_holders(built_site: Path):
    topics = read_yaml(ROOT / "plans/prachantakham/knowledge/topics.yml")["topics"]
    org = read_yaml(ROOT / "plans/prachantakham/organisation.yml")
    dept_names = {d["id"]: d["name"] for d in org["departments"]}
    html = (built_site / "orgs/prachantakham/knowledge/index.html").read_text(encoding="utf-8")
    people = (built_site / "orgs/prachantakham/people/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="([a-z0-9-]+)">(.*?)</tr>', html, flags=re.S)
    assert len(topics) == 15
    assert [r[0] for r in rows] == [t["id"] for t in topics]
    for (_, row), topic in zip(rows, topics, strict=False):
        assert topic["title"] in re.sub(r"<[^>]+>", "", row)
        assert dept_names[topic["department"]] in row
        for holder in topic["holders"]:
            assert f'href="../people/#{holder}"' in row  # a people card or a position anchor ...
            assert re.search(rf'id="{holder}"', people)  # ... that exists on the people page


def test_map_links_topics_to_their_assets(built_site: Path):
    html = (built_site / "orgs/prachantakham/knowledge/index.html").read_text(encoding="utf-8")
    row = must(re.search(r'<tr id="signboard-tax">(.*?)</tr>', html, flags=re.S)).group(1)
    assert 'href="signboard-tax-guide/"' in row
    assert (built_site / "orgs/prachantakham/knowledge/signboard-tax-guide/index.html").exists()


def test_site_map_groups_the_same_topic_across_organisations(built_site: Path):
    html = (built_site / "knowledge/map/index.html").read_text(encoding="utf-8")
    start = html.index('<tr id="signboard-tax">')
    group = html[start:html.index("<th", start + 30)]
    assert "orgs/prachantakham/knowledge/#signboard-tax" in group
    assert "orgs/suso/knowledge/#signboard-tax" in group


def test_asset_page_shows_fields_attachment_and_thai_dates(built_site: Path):
    page = built_site / "orgs/prachantakham/knowledge/signboard-tax-guide/index.html"
    html = page.read_text(encoding="utf-8")
    text = text_of(page)
    for label in ("ส่วนราชการ", "ประเภทความรู้", "ผู้มีความรู้", "เจ้าภาพ", "แท็ก", "กิจกรรมในแผน", "วันที่จัดทำ",
                  "เอกสารแนบ"):
        assert label in text, label
    assert "๕ กุมภาพันธ์ ๒๕๖๗" in text  # created: 2567-02-05, BE with Thai digits
    assert "๑ มีนาคม ๒๕๖๗" in text  # reviewed: ๑ มีนาคม ๒๕๖๗
    href = must(re.search(r'<a href="([^"]+signboard-tax-checklist\.csv)"', html)).group(1)
    shipped = (page.parent / href).resolve()
    source = ROOT / "plans/prachantakham/knowledge/files/signboard-tax-checklist.csv"
    assert shipped.read_bytes() == source.read_bytes()
    assert "CSV" in text and "KB" in text
    assert 'href="../../people/#revenue-officer"' in html
    assert 'href="../../plans/undated/"' in html


def test_english_asset_page_has_english_labels_ce_dates_and_the_same_attachment(built_site: Path):
    page = built_site / "en/orgs/prachantakham/knowledge/signboard-tax-guide/index.html"
    html = page.read_text(encoding="utf-8")
    text = text_of(page)
    assert '<html lang="en"' in html
    assert "Guide to filing and paying the signboard tax" in text
    for label in ("Department", "Knowledge type", "Knowledge holders", "Attachments", "Created", "Last reviewed"):
        assert label in text
    assert "5 February 2024" in text and "1 March 2024" in text
    href = must(re.search(r'<a href="([^"]+signboard-tax-checklist\.csv)"', html)).group(1)
    csv = "orgs/prachantakham/knowledge/signboard-tax-guide/files/signboard-tax-checklist.csv"
    assert (page.parent / href).resolve() == (built_site / csv)
    assert 'lang="th"' in html  # the Thai body, marked as Thai


def test_every_knowledge_page_has_an_english_twin_without_thai_labels(built_site: Path):
    content = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "plans").rglob("knowledge/*.*"))
    labels = [v for k, v in load_labels("th").items()
              if k.startswith("knowledge.") and "{" not in v and v not in content and re.search(r"[\u0E00-\u0E7F]", v)]
    thai = [p.relative_to(built_site) for p in (built_site / "knowledge").rglob("index.html")]
    thai += [p.relative_to(built_site) for p in (built_site / "orgs").glob("*/knowledge/**/index.html")]
    assert len(thai) > 20 and len(labels) > 50
    for rel in thai:
        twin = built_site / "en" / rel
        assert twin.exists(), rel
        assert '<html lang="en"' in twin.read_text(encoding="utf-8")
        text = text_of(twin)
        assert [label for label in labels if label in text] == [], rel


def test_knowledge_index_lists_public_assets_in_thai_dictionary_order(built_site: Path):
    views = _public_assets()
    html = (built_site / "knowledge/index.html").read_text(encoding="utf-8")
    shown = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'class="kms-asset-title"[^>]*>(.*?)</a>', html)]
    titles = [v.asset.title for v in views]
    assert shown == titles
    assert shown == thai_sorted(shown)
    assert shown != sorted(shown), "the demo must have titles whose code-point order differs"
    leading = {t[0] for t in shown if t[0] in LEADING_VOWELS}
    assert leading == set(LEADING_VOWELS), leading  # demo titles start with each of เ แ โ ใ ไ
    # a leading vowel is not the first letter: ไข… (ข) sorts before คู่… (ค) and before ถอด… (ถ)
    first = next(t for t in shown if t.startswith("ไข"))
    assert shown.index(first) < shown.index(next(t for t in shown if t.startswith("คู่มือ")))


def test_knowledge_index_carries_facet_data_for_every_asset(built_site: Path):
    html = (built_site / "knowledge/index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="kms-asset" data-org="([^"]*)" data-dept="[^"]*" data-type="([^"]*)" '
                       r'data-form="([^"]*)"'
                       r' data-step="[^"]*" data-year="(\d*)" data-tags="[^"]*">', html)
    views = _public_assets()
    assert [(v.content.slug, v.asset.type.value, v.asset.form.value, str(v.year)) for v in views] == list(items)
    for facet in ("org", "dept", "type", "form", "step", "year", "tags"):
        assert f'<select name="{facet}">' in html
    assert 'value="prachantakham"' in html and 'value="tacit"' in html


def test_tag_pages_list_their_assets(built_site: Path):
    views = _public_assets()
    tags = tag_index(views)
    assert len(tags) >= 5
    index = (built_site / "knowledge/tags/index.html").read_text(encoding="utf-8")
    for tv in tags:
        page = built_site / "knowledge/tags" / tv.tag.slug / "index.html"
        text = text_of(page)
        for view in tv.assets:
            assert view.asset.title in text
        assert f'href="{tv.tag.slug}/"' in index
    shared = next(tv for tv in tags if tv.tag.name == "การจัดการความรู้")
    assert {v.content.slug for v in shared.assets} == {"pathumthani-pao", "suso"}


def test_draft_and_internal_assets_have_no_public_page(built_site: Path):
    for path in (ROOT / "plans").glob("*/knowledge/*.md"):
        meta = _front_matter(path)
        page = built_site / f"orgs/{path.parent.parent.name}/knowledge/{path.stem}/index.html"
        hidden = meta.get("status") in ("draft", "ฉบับร่าง", "ร่าง") or meta.get("visibility") == "internal"
        assert page.exists() is not hidden, path.name
    assert any(_front_matter(p).get("status") == "ฉบับร่าง" for p in (ROOT / "plans").glob("*/knowledge/*.md"))


def test_org_page_links_feeds_and_open_data(built_site: Path):
    html = (built_site / "orgs/suso/index.html").read_text(encoding="utf-8")
    for href in ("./feed.xml", "./feed.json", "../../opendata/schema.json", "opendata/suso.json",
                 "opendata/assets.csv"):
        assert href in html, href
    assert '<link rel="alternate" type="application/rss+xml" href="./feed.xml">' in html
    en = (built_site / "en/orgs/suso/index.html").read_text(encoding="utf-8")
    href = must(re.search(r'href="([^"]*suso\.json)"', en)).group(1)
    assert (built_site / "en/orgs/suso" / href).resolve() == built_site / "orgs/suso/opendata/suso.json"


def test_english_body_when_written_else_the_thai_body_marked_as_the_original(built_site: Path):
    note = load_labels("en")["fallback.title"]
    translated = text_of(built_site / "en/orgs/pathumthani-pao/knowledge/km-techniques/index.html")
    assert "Why this knowledge" in translated and "ทำไมจึงเลือก" not in translated and note not in translated
    html = (built_site / "en/orgs/prachantakham/knowledge/signboard-tax-guide/index.html").read_text(encoding="utf-8")
    assert note in html
    assert re.search(r'<div class="kms-asset-body" lang="th">\s*<h2 id="[^"]*">ใครต้องเสียภาษีป้าย', html)
    thai = text_of(built_site / "orgs/pathumthani-pao/knowledge/km-techniques/index.html")
    assert "ทำไมจึงเลือก" in thai and "Why this knowledge" not in thai
