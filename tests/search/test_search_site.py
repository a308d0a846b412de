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
    assert (th.org("suso") or {}).get("name") == "องค์การบริหารส่วนตำบลสุโสะ"
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


def test_site_wide_list_pages_are_indexed_as_their_entries_or_not_at_all(built_site: Path):
    th = Searcher(built_site / "search" / "th")
    rows = [row for path in (built_site / "search" / "th" / "p").glob("*.json")
            for row in json.loads(path.read_text(encoding="utf-8"))["rows"]]
    by_kind: dict[str, list[str]] = {}
    for row in rows:
        by_kind.setdefault(row[2], []).append(row[0])
    assert by_kind["people-site"] == ["people/"]  # every card is on its organisation's people page
    assert len(by_kind["home"]) > 3 and all(u.startswith("#") for u in by_kind["home"][1:])
    assert "people/who-knows-what/" in [h.url for h in th.search("ใครรู้อะไร")]  # the page itself still
    entries = [h for h in th.search("องค์การบริหารส่วนตำบลสุโสะ") if h.kind in ("home", "orgs") and "#" in h.url]
    assert entries  # an organisation's entry on the home page or the directory, with its anchor


def test_the_demo_is_small_enough_that_every_query_is_checked_in_full(built_site: Path):
    """Broad queries stop early only on large sites: on the demo every candidate page is checked."""
    from kmsite_plugins.search.query import PAGE_BYTES_BUDGET

    for lang in ("th", "en"):
        sizes = json.loads((built_site / "search" / lang / "starts.json").read_text(encoding="utf-8"))["sizes"]
        assert sum(sizes) < PAGE_BYTES_BUDGET
