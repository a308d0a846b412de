"""Site search in a real headless Chromium: typed into Material's search box, kmsite's engine behind it."""

from __future__ import annotations

import json
import re
import shutil
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from kmsite_plugins.search.query import Searcher
from kmsite_plugins.thai.digits import to_arabic

from .serve import served


def items(page) -> list[list[str]]:
    """Every result item as its links (site paths): the page first, then its sections."""
    hrefs = page.eval_on_selector_all(".md-search-result__item",
                                      "els => els.map(e => [...e.querySelectorAll('a')].map(a => a.href))")
    return [[unquote(urlsplit(h).path) + ("#" + unquote(urlsplit(h).fragment) if urlsplit(h).fragment else "")
             for h in links] for links in hrefs]


def search(browser, url: str, query: str, *, scoped: bool = False) -> tuple[Any, list[str]]:
    """Open ``url``, type ``query`` into the search box, return the tab and the result links (site paths)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url, wait_until="load")
    page.locator("[data-md-component=search-query]").click()
    if scoped:
        page.locator(".kms-search-scope input").check()
    page.keyboard.type(query)  # Thai text arrives as input events only, as from an input method
    # the engine marks its last answer to a query (data-kms-search="done:<query>")
    page.wait_for_selector(f'[data-md-component=search-result][data-kms-search="done:{query}"]', timeout=10_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    paths = [unquote(urlsplit(link).path) + ("#" + unquote(urlsplit(link).fragment) if urlsplit(link).fragment else "")
             for link in links]
    return page, paths


def test_a_person_is_found_by_name_on_their_card(browser, site_url):
    page, paths = search(browser, site_url + "orgs/suso/", "ชลกานต์")
    try:
        assert paths[0] == "/orgs/suso/people/", paths[:3]  # the organisation's people page first
        assert "/orgs/suso/people/#chonlakan" in paths
        first = page.locator(".md-search-result__item").first
        tags = first.locator(".md-tag").all_inner_texts()
        assert tags == ["บุคลากร", "องค์การบริหารส่วนตำบลสุโสะ"]  # kind of page, organisation
        assert first.locator("mark", has_text="ชลกานต์").count() >= 1
    finally:
        page.close()


@pytest.mark.parametrize("name, org_page", [("ประจันตคาม", "/orgs/prachantakham/"),
                                            ("ปทุมธานี", "/orgs/pathumthani-pao/")])
def test_an_organisation_is_found_by_its_thai_name(browser, site_url, name, org_page):
    page, paths = search(browser, site_url, name)
    try:
        assert org_page in paths
        assert all(not p.startswith("/en/") for p in paths)  # the Thai tree searches Thai pages
    finally:
        page.close()


def test_a_word_inside_a_longer_word_and_thai_digits(browser, site_url):
    page, paths = search(browser, site_url, "งบประมาณ")  # inside ปีงบประมาณ
    try:
        assert "/orgs/pathumthani-pao/plans/2567/" in paths
    finally:
        page.close()
    page, thai = search(browser, site_url, "๒๕๖๗")
    page.close()
    page, arabic = search(browser, site_url, "2567")
    page.close()
    pages = {p.split("#")[0] for p in thai}
    assert pages == {p.split("#")[0] for p in arabic} and "/orgs/pathumthani-pao/plans/2567/" in pages


def test_english_pages_are_found_by_english_words(browser, site_url):
    page, paths = search(browser, site_url + "en/", "community of practice")
    try:
        assert "/en/about/cop/" in paths
        assert all(p.startswith("/en/") for p in paths)
    finally:
        page.close()


def test_results_can_be_limited_to_the_organisation_being_read(browser, site_url):
    page, everywhere = search(browser, site_url + "orgs/suso/", "งบประมาณ")
    page.close()
    assert any(p.startswith("/orgs/prachantakham/") for p in everywhere)
    page, scoped = search(browser, site_url + "orgs/suso/", "งบประมาณ", scoped=True)
    try:
        assert scoped and all(p.startswith("/orgs/suso/") for p in scoped), scoped
        assert "สุโสะ" in page.locator(".kms-search-scope").inner_text()
    finally:
        page.close()
    # outside an organisation there is nothing to limit to (asked once a search has been answered)
    page, paths = search(browser, site_url + "about/", "งบประมาณ")
    try:
        assert paths and page.locator(".kms-search-scope").count() == 0
    finally:
        page.close()


def test_keyboard_enter_opens_the_best_result(browser, site_url):
    page, paths = search(browser, site_url, "ภาษีป้าย")
    try:
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert unquote(urlsplit(page.url).path) == paths[0]
    finally:
        page.close()


def test_browser_normalises_hashes_and_covers_queries_like_the_indexer(browser, site_url):
    from kmsite_plugins.search.index import cover, fnv1a
    from kmsite_plugins.search.normalise import normalise

    samples = ["ปีงบประมาณ ๒๕๖๗", "  KM\tTeam\u200b ", "ผู้อำนวยการกองช่าง", "İstanbul", "e-LAAS 😀"]
    page = browser.new_page()
    try:
        page.goto(site_url, wait_until="load")
        got = page.evaluate("s => s.map(x => [kmsiteSearch.normalise(x), kmsiteSearch.fnv1a(x),"
                            " kmsiteSearch.cover(kmsiteSearch.normalise(x))])", samples)
    finally:
        page.close()
    assert got == [[normalise(x), fnv1a(x), cover(normalise(x))] for x in samples]


def _holding(built_site, query: str) -> set[str]:
    """Site paths of the Thai pages whose indexed text holds every part of the query (the Python twin)."""
    searcher = Searcher(built_site / "search" / "th")
    return {"/" + unquote(h.url) for h in searcher.search(query)}


def result_count(page) -> int:
    """The number of results Material reports (it renders the items 10 at a time, as the list scrolls)."""
    meta = page.locator(".md-search-result__meta").inner_text()
    found = re.search(r"\d+", to_arabic(meta))
    return int(found.group(0)) if found else 0


def test_two_thai_words_in_any_order_find_the_pages_holding_both(browser, site_url, built_site):
    page, paths = search(browser, site_url, "ภาษี คู่มือ")  # the title reads คู่มือ ... ภาษีป้าย: other order
    try:
        pages = [p for p in paths if "#" not in p]
        assert pages[0] == "/orgs/prachantakham/knowledge/signboard-tax-guide/"  # both words in its title
        holding = _holding(built_site, "ภาษี คู่มือ")
        assert set(pages) <= holding and result_count(page) == len(holding) > 1
        assert page.locator(".kms-search-note").is_hidden() or page.locator(".kms-search-note").count() == 0
        first = page.locator(".md-search-result__item").first
        assert set(first.locator("h1 mark, h2 mark").all_inner_texts()) >= {"คู่มือ", "ภาษี"}  # each word marked
    finally:
        page.close()
    assert _holding(built_site, "ภาษี คู่มือ") == _holding(built_site, "คู่มือ ภาษี")
    assert not _holding(built_site, "ภาษี คู่มือ ไม่มีคำนี้เลย")


def test_a_thai_word_and_a_number_in_either_digits(browser, site_url, built_site):
    page, thai = search(browser, site_url, "แผน ๒๕๖๗")
    count = result_count(page)
    page.close()
    page, arabic = search(browser, site_url, "2567 แผน")
    assert result_count(page) == count == len(_holding(built_site, "แผน 2567"))
    page.close()
    pages = [p for p in thai if "#" not in p]
    assert set(pages) == {p for p in arabic if "#" not in p} and set(pages) <= _holding(built_site, "แผน 2567")
    assert "/orgs/pathumthani-pao/plans/2567/" in pages
    assert "/orgs/suso/plans/undated/" not in pages  # a plan page without the year is not a result


def test_an_unspaced_phrase_not_on_any_page_is_searched_as_its_words(browser, site_url):
    # the page is titled คู่มือการยื่นแบบและชำระภาษีป้าย: the phrase as typed is on no page
    page, paths = search(browser, site_url, "คู่มือภาษีป้าย")
    try:
        assert paths[0] == "/orgs/prachantakham/knowledge/signboard-tax-guide/"
        note = page.locator(".kms-search-note")
        assert note.is_visible()
        assert note.inner_text() == "ไม่พบคำค้นนี้ตรงตัว แสดงผลที่มีทุกคำ: คู่มือ · ภาษี · ป้าย"
        words = page.evaluate("kmsiteSearch.splitParts(kmsiteSearch.queryParts('คู่มือภาษีป้าย'))")
        assert words == ["คู่มือ", "ภาษี", "ป้าย"]
    finally:
        page.close()
    page, paths = search(browser, site_url, "ภาษีป้าย")  # on pages as typed: not split
    try:
        assert paths and (page.locator(".kms-search-note").count() == 0 or page.locator(".kms-search-note").is_hidden())
    finally:
        page.close()


def test_the_split_notice_is_in_english_on_english_pages(browser, site_url):
    page, paths = search(browser, site_url + "en/", "คู่มือภาษีป้าย")
    try:
        assert paths and all(p.startswith("/en/") for p in paths)
        assert page.locator(".kms-search-note").inner_text() == (
            "No page has this exact text; showing pages with every word: คู่มือ · ภาษี · ป้าย")
    finally:
        page.close()


@pytest.mark.parametrize("query, meant", [
    ("ประจันตคาม", ["/orgs/prachantakham/"]),  # an organisation's name: its page
    ("ปทุมธานี", ["/orgs/pathumthani-pao/"]),  # the parent organisation's province
    ("องค์การบริหารส่วนตำบลสุโสะ", ["/orgs/suso/"]),
    ("ใครรู้อะไร", ["/people/who-knows-what/"]),  # a title: the site-wide page, not an organisation's
    ("แดงนุ้ย ชลกานต์", ["/orgs/suso/people/", "/orgs/suso/people/#chonlakan"]),  # a person: their card
    ("คู่มือการยื่นแบบและชำระภาษีป้าย", ["/orgs/prachantakham/knowledge/signboard-tax-guide/"]),
])
def test_the_page_meant_comes_first(browser, site_url, query, meant):
    page, _ = search(browser, site_url, query)
    try:
        first = items(page)[0]
        assert first[:len(meant)] == meant, items(page)[:3]
    finally:
        page.close()


def test_english_words_in_any_order(browser, site_url):
    page, paths = search(browser, site_url + "en/", "store knowledge")
    try:
        assert "/en/knowledge/" in paths and all(p.startswith("/en/") for p in paths)
    finally:
        page.close()


HOSTILE = '<img src=x onerror="window.__pwned=1"><b>ตัวหนา</b>'


def test_authors_strings_reach_the_result_list_as_text_never_markup(browser, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    folder = site / "search" / "th"
    for shard in sorted((folder / "o").glob("*.json")):  # the organisation's name for the scope checkbox
        orgs = json.loads(shard.read_text(encoding="utf-8"))
        if "suso" in orgs:
            orgs["suso"]["name"] = HOSTILE + "อบต."
        shard.write_text(json.dumps(orgs, ensure_ascii=False), encoding="utf-8")
    for shard in sorted((folder / "p").glob("*.json")):
        data = json.loads(shard.read_text(encoding="utf-8"))
        if "suso" in data["orgs"]:  # its names, for the results' tags
            data["orgs"]["suso"][0] = HOSTILE + "อบต."
        for row in data["rows"]:
            if row[0] == "orgs/suso/people/":
                row[1] = HOSTILE + " ชลกานต์"
                row[4] = [[a, HOSTILE + t, HOSTILE + x] for a, t, x in row[4]]
        shard.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with served(site) as url:
        page, paths = search(browser, url, "ชลกานต์")  # the gram index is the built one: search a built word
        try:
            assert "/orgs/suso/people/" in paths
            result = page.locator(".md-search-result")
            assert result.locator("img, b").count() == 0
            assert page.evaluate("window.__pwned") is None
            text = result.inner_text()
            assert '<img src=x onerror="window.__pwned=1">' in text and HOSTILE + "อบต." in text
            assert result.locator("mark", has_text="ชลกานต์").count() >= 1  # marks are still made
        finally:
            page.close()


def test_browser_splits_queries_and_picks_grams_like_the_python_twin(browser, site_url):
    from kmsite_plugins.search.query import query_grams, query_parts, split_parts

    samples = ["คู่มือภาษีป้าย", "ผู้อำนวยการ กองคลัง", "ยุทธศาสตร์งบประมาณบุคลากร ๒๕๖๗", "KM plan ภาษี",
               "การจัดการความรู้ ชุมชนนักปฏิบัติ ยุทธศาสตร์ ประจำปีงบประมาณ ตัวชี้วัด ผู้รับผิดชอบ", "ใครรู้อะไร?"]
    page = browser.new_page()
    try:
        page.goto(site_url, wait_until="load")
        got = page.evaluate("s => s.map(x => { const p = kmsiteSearch.queryParts(x);"
                            " return [p, kmsiteSearch.splitParts(p), kmsiteSearch.queryGrams(p)]; })", samples)
    finally:
        page.close()
    assert got == [[query_parts(x), split_parts(query_parts(x)), query_grams(query_parts(x))] for x in samples]


def test_ranking_titles_then_phrase_then_kind(browser, built_site, tmp_path):
    """Pages told apart by one rule each, in an index of their own served with the demo's pages."""
    from kmsite_plugins.search.extract import Section
    from kmsite_plugins.search.index import IndexPage, build_index

    filler = " ".join(["ข้อความอื่นที่ไม่เกี่ยวข้อง"] * 12)

    def page(url: str, title: str, kind: str, text: str) -> IndexPage:
        return IndexPage(url, title, kind, None, [Section("", "", text)])

    pages = [
        page("a/", "หน้าหนึ่ง", "page", f"ป้าย {filler} ภาษี"),  # scattered, a page of the rest
        page("b/", "หน้าสอง", "page", f"{filler} ภาษี ป้าย {filler}"),  # the words as typed, one phrase
        page("c/", "หน้าสาม", "plan", f"ป้าย {filler} ภาษี"),  # scattered, a plan
        page("d/", "ภาษี ป้าย", "page", filler),  # both words in the title
    ]
    files = build_index(pages, lang="th", org_names={}, kind_labels={"page": "หน้า", "plan": "แผน"},
                        labels={"search.scope": "{org}", "search.scope_hint": "", "search.split": "{words}"})
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("th"))
    for rel, text in files.items():
        (site / "search" / "th" / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / "search" / "th" / rel).write_text(text, encoding="utf-8")
    with served(site) as url:
        page_, paths = search(browser, url, "ภาษี ป้าย")
        page_.close()
    assert paths == ["/d/", "/b/", "/c/", "/a/"]


def test_typing_a_query_a_character_at_a_time_fetches_each_shard_once(browser, site_url):
    """Every keystroke is a query; shards are cached for the page's life, so none is fetched twice."""
    query = "การจัดการความรู้"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/search/" in r.url else None)
    try:
        page.goto(site_url, wait_until="load")
        page.locator("[data-md-component=search-query]").click()
        page.wait_for_function("() => document.querySelector('[data-md-component=search-result]')")
        for n, ch in enumerate(query):
            page.keyboard.type(ch)
            page.wait_for_timeout(200 if n % 3 else 20)  # a pause now and then: each prefix is answered
        page.wait_for_selector(f'[data-md-component=search-result][data-kms-search="done:{query}"]', timeout=10_000)
        assert items(page)
        shards = [p for p in fetched if re.search(r"/search/th/(g|p|o)/", p)]
        assert shards and len(shards) == len(set(shards)), sorted(shards)
        assert fetched.count("/search/th/manifest.json") == 1
        answered = page.evaluate("document.querySelector('[data-md-component=search-result]')"
                                 ".getAttribute('data-kms-search')")
        assert answered == f"done:{query}"
    finally:
        page.close()


def test_a_page_view_fetches_a_manifest_without_organisations(browser, site_url):
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/search/" in r.url else None)
    try:
        page.goto(site_url + "orgs/suso/", wait_until="load")
        page.locator("[data-md-component=search-query]").click()
        page.wait_for_selector(".kms-search-scope")  # the organisation's name from its organisation shard
        assert "สุโสะ" in page.locator(".kms-search-scope").inner_text()
        assert [p for p in fetched if "/search/th/" in p][0] == "/search/th/manifest.json"
        assert not [p for p in fetched if re.search(r"/search/th/(g|p)/", p)]  # nothing else until a query
    finally:
        page.close()
