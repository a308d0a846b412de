"""Opening any page asks only the site itself: no fonts, scripts or images from anyone else."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .pages import PAGE_TYPES, page_paths


@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_request_only_the_site(lang, built_site, site_url, browser):
    own = urlsplit(site_url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        for path in page_paths(built_site, lang).values():
            page.goto(site_url + path, wait_until="networkidle")
            # open the search, which loads the index and its worker
            page.keyboard.press("/")
            page.wait_for_timeout(200)
    finally:
        context.close()
    assert len(requests) >= len(PAGE_TYPES)
    foreign = sorted({u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own})
    assert not foreign, f"requests to other hosts: {foreign}"
    other = sorted({u for u in requests if urlsplit(u).scheme not in ("http", "https", "data", "blob")})
    assert not other, f"unexpected request schemes: {other}"
