"""Views of the knowledge store, without a build: Thai dictionary order, facets, topic groups."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kmsite_plugins.model import AssetEntry, KnowledgeAsset, KnowledgeTopic, Organisation, OrgContent, SiteModel
from kmsite_plugins.views.knowledge import facets, site_assets, site_topic_map, tag_index, tag_slug

# Dictionary order puts a word under its first consonant, not under its leading vowel เ แ โ ใ ไ.
WORDS = ["ไก่", "ใบไม้", "โรงเรียน", "แมว", "เกลือ", "ขนม", "กา"]
DICTIONARY_ORDER = ["กา", "เกลือ", "ไก่", "ขนม", "ใบไม้", "แมว", "โรงเรียน"]


def _org(slug: str, name: str, assets: list[tuple[str, dict]], topics: Sequence[KnowledgeTopic] = ()) -> OrgContent:
    org = Organisation(name=name, type="อบต.")
    entries = [AssetEntry(f"a{i}", KnowledgeAsset(**{"title": title, "summary": "-", "type": "tacit", "form": "manual",
                                                     "created": f"2567-01-0{i + 1}", **extra}), "", Path(f"/x/a{i}.md"))
               for i, (title, extra) in enumerate(assets)]
    return OrgContent(slug=slug, org=org, assets=entries, topics=list(topics))


def test_assets_sort_in_thai_dictionary_order_not_code_point_order():
    site = SiteModel({"x": _org("x", "องค์การบริหารส่วนตำบลเอ", [(w, {}) for w in WORDS])})
    titles = [v.asset.title for v in site_assets(site)]
    assert titles == DICTIONARY_ORDER
    assert sorted(WORDS) != DICTIONARY_ORDER  # code-point order puts เ แ โ ใ ไ after ฮ


def test_tags_sort_in_dictionary_order_and_fold_case():
    site = SiteModel({"x": _org("x", "ก", [("หนึ่ง", {"tags": ["ไฟป่า", "ขยะ", "e-LAAS"]}), ("สอง", {"tags": ["E-LAAS",
                                                                                                              "เกษตร"]})])})
    tags = tag_index(site_assets(site))
    assert [t.tag.name for t in tags if t.tag.slug != "e-laas"] == ["เกษตร", "ขยะ", "ไฟป่า"]
    assert [len(t.assets) for t in tags if t.tag.slug == "e-laas"] == [2]
    assert tag_slug("ภาษีท้องถิ่น") == "ภาษีท้องถิ่น" and tag_slug("e-LAAS") == "e-laas"


def test_facets_count_only_values_that_occur():
    a = _org("a", "ข", [("หนึ่ง", {"km_step": "KMP 2"}), ("สอง", {"type": "ความรู้ชัดแจ้ง", "form": "ถอดบทเรียน"})])
    b = _org("b", "ก", [("สาม", {})])
    views = site_assets(SiteModel({"a": a, "b": b}))
    found = {f.key: [(value, n) for value, _, n in f.options] for f in facets(views, [b, a])}
    assert found["org"] == [("b", 1), ("a", 2)]
    assert found["type"] == [("explicit", 1), ("tacit", 2)]
    assert found["form"] == [("lessons_learned", 1), ("manual", 2)]
    assert found["step"] == [("KMP2", 1)]
    assert found["year"] == [("2024", 3)]
    assert "dept" not in found and "tags" not in found  # nothing to choose from
    assert "org" not in {f.key for f in facets(views[:1], [a])}  # one organisation: no organisation facet


def test_site_map_groups_topics_by_id_across_organisations():
    tax = dict(id="signboard-tax", title="ภาษีป้าย")
    a = _org("a", "ข", [("คู่มือ", {"topics": ["signboard-tax"]})], [KnowledgeTopic(**tax)])
    b = _org("b", "ก", [], [KnowledgeTopic(**tax), KnowledgeTopic(id="elderly", title="เบี้ยยังชีพ")])
    groups = site_topic_map(SiteModel({"a": a, "b": b}))
    assert [g.id for g in groups] == ["elderly", "signboard-tax"]  # เบี้ย (บ) before ภาษี (ภ)
    tax_group = groups[1]
    assert [c.slug for c, _ in tax_group.rows] == ["b", "a"]  # organisations in Thai order of names
    assert [len(row.assets) for _, row in tax_group.rows] == [0, 1]
