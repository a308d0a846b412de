"""Site search in a real headless Chromium: typed into Material's search box, kmsite's engine behind it."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import pytest


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
