"""The search index of the built demo site (one real MkDocs build, shared by the session)."""

from __future__ import annotations

import json
from pathlib import Path

from kmsite_plugins.search.query import Searcher


def test_root_index_is_a_small_manifest_for_materials_bundle(built_site: Path):
    root = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert root["docs"] == [] and root["kmsite"]["languages"] == {"th": "", "en": "en/"}
    assert (built_site / "search" / "search_index.json").stat().st_size < 2000
    assert not list((built_site / "search" / "th").rglob("*.js"))  # .js twins only for offline builds


def test_every_language_tree_has_its_own_index_of_what_pages_show(built_site: Path):
    th, en = Searcher(built_site / "search" / "th"), Searcher(built_site / "search" / "en")
    assert th.manifest["orgs"]["suso"]["name"] == "องค์การบริหารส่วนตำบลสุโสะ"
    person = [h for h in th.search("ชลกานต์") if h.url == "orgs/suso/people/"]
    assert person and "chonlakan" in person[0].anchors and person[0].kind == "people" and person[0].org == "suso"
    assert any(h.url == "about/km-process/" and h.kind == "page" for h in th.search("KM Process"))
    assert {h.url for h in en.search("community of practice")} >= {"en/about/cop/"}
    knowledge = en.search("knowledge")
    assert knowledge and all(h.url.startswith("en/") for h in knowledge)


def test_pages_excluded_from_search_are_not_indexed_and_say_so(built_site: Path):
    th = Searcher(built_site / "search" / "th")
    hits = th.search("สุโสะ")  # on the poster, and on many other pages
    assert hits and not [h for h in hits if "/poster/" in h.url]
    html = (built_site / "orgs" / "suso" / "poster" / "index.html").read_text(encoding="utf-8")
    assert '<article class="md-content__inner md-typeset" data-search-exclude>' in html
