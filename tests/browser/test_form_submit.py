"""Every form has a submit button, and submitting never reloads the page: the search form opens the first
result, the knowledge filter applies the choices and moves to the count (announced to screen readers)."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from .pages import page_paths


def test_search_submit_opens_the_first_result(built_site, site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(site_url + page_paths(built_site, "th")["home"], wait_until="load")
        page.locator("[data-md-component=search-query]").click()
        page.keyboard.type("ความรู้")
        # the engine marks its last answer to a query (data-kms-search="done:<query>")
        page.wait_for_selector('[data-md-component=search-result][data-kms-search="done:ความรู้"]', timeout=10_000)
        target = unquote(urlsplit(page.locator(".md-search-result__list a[href]").first.evaluate("a => a.href")).path)
        # the button a screen reader offers (it is visually hidden): a real submit of the form
        with page.expect_navigation():
            page.locator("form[name=search] button[type=submit]").dispatch_event("click")
        assert "query=" not in page.url
        assert unquote(urlsplit(page.url).path) == target
    finally:
        page.close()


def test_knowledge_filter_submit_stays_on_the_page(built_site, site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        url = site_url + page_paths(built_site, "en")["knowledge-store"]
        page.goto(url, wait_until="load")
        form = page.locator("form.kms-kfilter-form")
        select = form.locator("select").first
        value = select.locator("option").nth(1).get_attribute("value") or ""
        select.select_option(value)
        form.locator("button[type=submit]").click()
        page.wait_for_timeout(200)
        assert urlsplit(page.url).path == urlsplit(url).path  # no navigation, only the query string
        assert page.evaluate("document.activeElement.className") == "kms-kfilter-count"
        assert "Showing" in page.inner_text(".kms-kfilter-count")
    finally:
        page.close()
