"""Content is untrusted: hostile values in every string field and body reach HTML, attributes, meta tags,
feeds, exports and search as text, never markup; Chromium opening every page type and searching fires
no dialog. One extra MkDocs build (``sanitize: true``, so Markdown bodies are cleaned too).
"""

from __future__ import annotations

import csv
import html.parser
import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import ROOT, run_mkdocs
from ..payload import PIECES, Injection, inject
from .pages import PAGE_TYPES
from .serve import served

LIVE_BOLD = "kmsb"  # the text of the author's &lt;b&gt;kmsb&lt;/b&gt;, which must never be a <b> element


class _LiveMarkup(html.parser.HTMLParser):
    """Collects markup that would run or that came from an author's value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.open: list[str] = []
        self.data = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert(" in value:
                self.found.append(f"<{tag} {name}={value}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value.startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in ("script", "b"):
            self.open.append(tag)
            self.data = ""

    def handle_data(self, data: str) -> None:
        self.data += data

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag == self.open[-1]:
            self.open.pop()
            if tag == "script" and "alert(" in self.data:
                self.found.append(f"<script>{self.data[:60]}</script>")
            if tag == "b" and LIVE_BOLD in self.data:
                self.found.append(f"<b>{self.data}</b>")


def live_markup(text: str) -> list[str]:
    parser = _LiveMarkup()
    parser.feed(text)
    return parser.found


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Injection, Path]:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "plans", root / "plans")
    for name in ("docs", "overrides"):
        (root / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      content_dir: plans\n", "      content_dir: plans\n      sanitize: true\n")
    assert "sanitize: true" in config
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    injection = inject(root)
    site = root / "site"
    result = run_mkdocs(site, config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr[-4000:]
    return injection, site


def test_payload_reaches_every_kind_of_string_field(hostile: tuple[Injection, Path]) -> None:
    injection, _ = hostile
    names = injection.field_names
    print(f"\n{len(injection.accepted)} hostile values accepted by the loader in {len(names)} model fields; "
          f"{len(injection.refused)} refused and put back")
    # the fields the issue found live, among every other one the walk reaches
    for name in ("name", "name_en", "province", "title", "title_en", "summary", "summary_en", "tags", "issuer",
                 "committees.name", "committees.name_en", "cops.name", "cops.name_en", "body_en"):
        assert name in names, f"{name} was not injected"
    assert len(names) >= 60


def test_no_live_markup_in_any_html_page(hostile: tuple[Injection, Path]) -> None:
    _, site = hostile
    pages = sorted(site.rglob("*.html"))
    shown = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert live_markup(text) == [], page.relative_to(site)
        shown += PIECES[0] in html_text(text)
    assert shown >= 100, f"the payload shows as text on only {shown} of {len(pages)} pages"


def html_text(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(re.sub(r"<[^>]+>", "", text))


def test_titles_and_meta_tags_hold_the_value_as_text(hostile: tuple[Injection, Path]) -> None:
    _, site = hostile
    page = (site / "orgs/suso/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "&lt;img src=x onerror=alert(1)&gt;" in title.group(1) and "<img" not in title.group(1)
    assert "&amp;lt;b&amp;gt;kmsb" in title.group(1)  # the author's &lt;b&gt; shown as written: escaped once more
    og = re.search(r'<meta property="og:title" content="([^"]*)"', page)
    assert og and "&#34;&gt;&lt;img" in og.group(1)


def test_feeds_are_well_formed_and_carry_text(hostile: tuple[Injection, Path]) -> None:
    _, site = hostile
    feeds = sorted(site.rglob("feed.xml"))
    assert feeds
    for feed in feeds:
        tree = ET.parse(feed)  # raises on a feed that is not well-formed
        for element in tree.iter("description"):  # HTML to feed readers; titles are plain text by the RSS spec
            assert live_markup(element.text or "") == [], feed
    for feed in sorted(site.rglob("feed.json")):
        data = json.loads(feed.read_text(encoding="utf-8"))
        for item in data["items"]:
            assert live_markup(item.get("content_html", "")) == [], feed
    assert any(PIECES[0] in (e.text or "") for f in feeds for e in ET.parse(f).iter())


def test_search_index_and_exports_hold_text(hostile: tuple[Injection, Path]) -> None:
    _, site = hostile
    index = [json.loads(p.read_text(encoding="utf-8")) for p in (site / "search").rglob("*.json")]
    strings = [s for data in index for s in _strings(data)]
    assert any(PIECES[0] in s for s in strings)  # the author's text, as text
    assert not any("&#91;" in s or "&amp;lt;" in s for s in strings)  # text, not the pages' character references
    exports = sorted(p for p in site.rglob("*.csv") if p.parent.name == "opendata")  # (attachments are the authors')
    assert exports
    for path in exports:
        with path.open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], path


def _dialogs(page: Any, found: list[str]) -> None:
    def record(dialog: Any) -> None:
        found.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record)


def test_chromium_opens_every_page_type_without_a_dialog(hostile: tuple[Injection, Path], browser: Any) -> None:
    """Two pages of every page type, in both languages."""
    _, site = hostile
    dialogs: list[str] = []
    with served(site) as base:
        page = browser.new_page()
        _dialogs(page, dialogs)
        opened = 0
        for prefix in ("", "en/"):
            for pattern in PAGE_TYPES.values():
                for found in sorted(site.glob(prefix + pattern))[:2]:
                    page.goto(base + found.relative_to(site).as_posix(), wait_until="load")
                    page.wait_for_timeout(100)
                    opened += 1
        page.close()
    print(f"\nopened {opened} pages")
    assert opened >= 2 * len(PAGE_TYPES)
    assert dialogs == []


def test_search_results_fire_no_dialog(hostile: tuple[Injection, Path], browser: Any) -> None:
    """A query matching the payload: results list organisation names, titles and summaries holding it."""
    _, site = hostile
    dialogs: list[str] = []
    with served(site) as base:
        page = browser.new_page()
        _dialogs(page, dialogs)
        page.goto(base, wait_until="load")
        page.locator("[data-md-component=search-query]").click()
        page.keyboard.type("onerror")
        page.wait_for_selector('[data-md-component=search-result][data-kms-search="done:onerror"]',
                               state="attached", timeout=15_000)
        page.wait_for_timeout(1000)  # a handler of an injected <img> would have fired by now
        results = page.locator(".md-search-result__item").count()
        page.close()
    print(f"\n{results} search results for 'onerror'")
    assert results > 0
    assert dialogs == [], dialogs[:3]
