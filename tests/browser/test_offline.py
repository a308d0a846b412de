"""The offline build opens from file:// (a shared drive, a USB stick): pages, navigation, search."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from ..conftest import run_mkdocs


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("offline")
    os.environ["KMSITE_OFFLINE"] = "true"
    try:
        result = run_mkdocs(site)
    finally:
        del os.environ["KMSITE_OFFLINE"]
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_links_name_files_so_they_open_without_a_server(offline_site: Path):
    html = (offline_site / "orgs" / "suso" / "index.html").read_text(encoding="utf-8")
    assert 'href="people/index.html"' in html or 'href="./people/index.html"' in html
    assert 'href="people/"' not in html


def test_browsing_from_the_file_system(offline_site: Path, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        page.locator(".md-tabs a", has_text="หน่วยงาน").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/orgs/index.html")
        page.locator("article.md-content__inner a", has_text="สุโสะ").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/orgs/suso/index.html")
        page.locator("article.md-content__inner a[href$='people/index.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/orgs/suso/people/index.html")
        assert page.locator(".kms-card").count() >= 6
        # the language switcher leads to the English twin, as a file
        english = page.locator(".md-select__link[hreflang='en']").first.get_attribute("href")
        assert english and english.endswith("index.html"), english
    finally:
        page.close()
    assert not errors, errors
    assert requests and all(url.startswith(("file:", "data:", "blob:")) for url in requests), \
        sorted({u for u in requests if not u.startswith("file:")})
    html = (offline_site / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html
    assert not re.search(r'src="https?://', html), "a script or image from another host"


def test_search_works_from_the_file_system(offline_site: Path, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((offline_site / "index.html").as_uri(), wait_until="load")
        page.locator(".md-search__input").first.click()
        page.keyboard.type("สุโสะ")
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert results.count() >= 1
        assert "สุโสะ" in page.locator(".md-search-result").inner_text()
    finally:
        page.close()


def test_every_link_and_image_names_a_file(offline_site: Path):
    """From file:// a link to a folder shows a directory listing: every local href/src must be a file."""
    missing = []
    for page in offline_site.rglob("*.html"):
        if page.name == "404.html":  # only ever served by a web server, with site-absolute links
            continue
        html = page.read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"#?]+)[^"]*"', html):
            if re.match(r"^[a-z]+:|^//", ref):
                continue
            if not (page.parent / unquote(ref)).resolve().is_file():
                missing.append(f"{page.relative_to(offline_site)} -> {ref}")
    assert missing == [], missing[:10]
