"""Every page type loads without a failed request (no 404) and without a console error or warning."""

from __future__ import annotations

import pytest

from tests.browser.pages import page_paths


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_request_fails_and_the_console_stays_clean(lang, built_site, site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    failed: list[str] = []
    console: list[str] = []
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    # a request the next navigation cancels (net::ERR_ABORTED) is no fault of the page
    context.on("requestfailed", lambda r: failed.append(f"{r.failure} {r.url}") if "ABORTED" not in (r.failure or "")
               else None)
    page = context.new_page()
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    try:
        for path in page_paths(built_site, lang).values():
            page.goto(site_url + path, wait_until="networkidle")
            page.keyboard.press("/")  # the search loads its index and worker
            page.wait_for_load_state("networkidle")
            page.keyboard.press("Escape")
    finally:
        context.close()
    assert failed == [], failed
    assert console == [], console
