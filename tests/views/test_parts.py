"""Site-wide lists split by province (views/parts.py) and the pages made of them (pages/split.py)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kmsite_plugins.labels import load_labels
from kmsite_plugins.loader import load_site
from kmsite_plugins.pages import build_pages
from kmsite_plugins.pages.split import INDEX_KINDS
from kmsite_plugins.render import Renderer
from kmsite_plugins.views.context import BuildContext
from kmsite_plugins.views.home import HOME_PLANS, home_view
from kmsite_plugins.views.parts import entries, province_key, site_parts
from tests.conftest import ROOT

SPLIT_LISTS = ("orgs/", "knowledge/", "knowledge/map/", "people/", "people/who-knows-what/", "announcements/")


@pytest.fixture(scope="module")
def demo():
    site, problems = load_site(ROOT)
    assert not problems.errors
    return site


def test_within_the_limit_nothing_is_split(demo) -> None:
    assert site_parts(demo, 3) is None
    uris = {p.uri for p in build_pages(demo, 3)}
    assert not any("/province/" in uri for uri in uris)
    assert {f"{url}index.md" for url in SPLIT_LISTS} <= uris
    assert len(home_view(demo, list_limit=3).orgs) == 3


def test_past_the_limit_each_list_is_an_index_of_province_pages(demo) -> None:
    provinces = site_parts(demo, 2)
    assert provinces is not None
    # three provinces in Thai order, keyed by their English names
    assert [p.key for p in provinces] == ["trang", "pathum-thani", "prachin-buri"]
    assert all(len(p.parts) == 1 and len(p.orgs) == 1 for p in provinces)
    pages = {p.uri: p for p in build_pages(demo, 2)}
    for url in SPLIT_LISTS:
        index = pages[f"{url}index.md"]
        assert index.kind in INDEX_KINDS and index.template == "province_index.md.j2"
        for province in provinces:
            part = pages[f"{url}province/{province.key}/index.md"]
            assert part.context["part"].orgs == province.orgs
            assert part.kind == index.kind.removesuffix("-provinces")


def test_a_province_past_the_limit_continues_on_numbered_pages() -> None:
    demo, _ = load_site(ROOT)  # changed below: not the shared fixture
    for content in demo.orgs.values():  # every organisation in one province
        content.org.province, content.org.province_en = "ตรัง", "Trang"
    provinces = site_parts(demo, 2)
    assert provinces is not None and len(provinces) == 1
    parts = provinces[0].parts
    assert [part.key for part in parts] == ["trang/", "trang/2/"]
    assert [len(part.orgs) for part in parts] == [2, 1]
    assert parts[0].next is parts[1] and parts[1].previous is parts[0] and parts[0].previous is None
    uris = {p.uri for p in build_pages(demo, 2)}
    assert "people/who-knows-what/province/trang/2/index.md" in uris


def test_province_keys_are_ascii_url_segments() -> None:
    assert province_key("ปทุมธานี", "Pathum Thani") == "pathum-thani"
    assert province_key(None, None) == "none"
    thai_only = province_key("นาคำ", None)
    assert re.fullmatch(r"p-[0-9a-f]{8}", thai_only) and thai_only == province_key("นาคำ", "")


def test_every_index_kind_has_a_search_label() -> None:
    for lang in ("th", "en"):
        labels = load_labels(lang)
        for kind in INDEX_KINDS:
            assert labels[f"search.kind.{kind}"], (lang, kind)


def test_past_the_limit_the_home_page_shows_counts_and_a_selection(demo) -> None:
    home = home_view(demo, list_limit=2)
    assert home.bounded and home.orgs == [] and home.org_count == 3 and home.province_count == 3
    assert len(home.current_plans) <= HOME_PLANS and len(home.latest_plans) <= HOME_PLANS


def test_a_tag_of_many_assets_continues_on_numbered_pages(demo, monkeypatch) -> None:
    from kmsite_plugins.pages import knowledge

    monkeypatch.setattr(knowledge, "TAG_PAGE", 1)
    tags = [p for p in knowledge.knowledge_pages(demo) if p.kind == "knowledge-tag"]
    first = next(p for p in tags if p.context["pager"]["total"] > 1)
    pager = first.context["pager"]
    assert len(first.context["assets"]) == 1 and len(pager["urls"]) == pager["total"]
    assert {f"{u}index.md" for u in pager["urls"]} <= {p.uri for p in tags}
    assert pager["urls"][1] == pager["urls"][0] + "2/"
    second = next(p for p in tags if p.uri == f"{pager['urls'][1]}index.md")
    for directory_urls, link in ((True, 'href="../" rel="prev"'), (False, 'href="../index.html" rel="prev"')):
        ctx = BuildContext(None, "en", "th", ("th", "en"), directory_urls=directory_urls)
        html = Renderer(ctx).render(second)
        assert link in html and "page 2 of" in html


def test_every_split_page_renders_with_links_in_both_url_styles(demo) -> None:
    pages = build_pages(demo, 2)
    for lang in ("th", "en"):
        for directory_urls in (True, False):
            renderer = Renderer(BuildContext(None, lang, "th", ("th", "en"), directory_urls=directory_urls))
            for spec in pages:
                if spec.kind in INDEX_KINDS:
                    html = renderer.render(spec)
                    link = "province/trang/" + ("" if directory_urls else "index.html")
                    assert f'href="{link}"' in html, spec.uri
                elif spec.context.get("part"):
                    html = renderer.render(spec)
                    back = "../../" + ("" if directory_urls else "index.html")
                    assert f'href="{back}"' in html, spec.uri


def test_an_entry_budget_splits_a_site_of_few_organisations(demo) -> None:
    assert site_parts(demo, 60, budget=1000) is None
    provinces = site_parts(demo, 60, budget=20)  # 30, 78 and 27 entries: every organisation alone
    assert provinces is not None and [len(p.orgs) for p in provinces] == [1, 1, 1]
    assert all(sum(entries(c) for c in part.orgs) <= 20 or len(part.orgs) == 1
               for p in provinces for part in p.parts)


def test_the_links_between_knowledge_and_its_holders_count_as_entries(demo) -> None:
    """Who knows what shows each holder under each topic and asset: more holders, a longer page, more weight."""
    content = next(c for c in demo.sorted_orgs() if c.topics and c.assets and c.org.people)
    topic = content.topics[0]
    extra = [p.id for p in content.org.people[:3]]
    heavier = replace(content, topics=[topic.model_copy(update={"holders": [*topic.holders, *extra]}),
                                       *content.topics[1:]])
    assert entries(heavier) == entries(content) + len(extra)
    entry = content.assets[0]
    bare = replace(entry, asset=entry.asset.model_copy(update={"owner": None, "holders": []}))
    lighter = replace(content, assets=[bare, *content.assets[1:]])
    assert entries(lighter) == entries(content) - len(entry.asset.holders) - (entry.asset.owner is not None)
