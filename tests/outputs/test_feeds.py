"""RSS 2.0 and JSON Feed of new knowledge and announcements, read back with a real feed parser."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path

import feedparser
import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import public_view
from kmsite_plugins.outputs import OutputContext
from kmsite_plugins.outputs.feeds import feed_files, feed_items
from tests.conftest import ROOT

SITE_URL = "https://km.example.go.th/"  # mkdocs.yml's site_url


def _feeds(built_site: Path) -> list[Path]:
    found = [built_site / "feed.xml", built_site / "en/feed.xml"]
    found += sorted(built_site.glob("orgs/*/feed.xml")) + sorted(built_site.glob("en/orgs/*/feed.xml"))
    return found


def test_every_rss_feed_parses_with_absolute_links(built_site: Path):
    feeds = _feeds(built_site)
    assert len(feeds) == 2 + 2 * 3
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "rss20"
        assert parsed.feed.link.startswith(SITE_URL)
        for entry in parsed.entries:
            assert entry.link.startswith(SITE_URL), entry.link
            local = built_site / entry.link[len(SITE_URL):] / "index.html"
            assert local.exists(), entry.link
            assert entry.published_parsed is not None


def test_json_feeds_parse_and_match_the_rss(built_site: Path):
    for rss in _feeds(built_site):
        path = rss.with_name("feed.json")
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["feed_url"] == SITE_URL + str(path.relative_to(built_site))
        # feedparser 6.0 reads no JSON Feed: check what the JSON Feed 1.1 spec requires instead
        assert data["title"] and data["home_page_url"].startswith(SITE_URL)
        assert {"id", "url", "title", "date_published"} <= set(data["items"][0])
        assert [i["url"] for i in data["items"]] == [e.link for e in feedparser.parse(rss.read_bytes()).entries]
        for item in data["items"]:
            assert item["url"].startswith(SITE_URL) and item["id"].startswith(SITE_URL)
            assert datetime.fromisoformat(item["date_published"]).utcoffset() == timedelta(hours=7)


def test_site_feed_has_assets_and_announcements_newest_first(built_site: Path):
    parsed = feedparser.parse((built_site / "feed.xml").read_bytes())
    links = [e.link for e in parsed.entries]
    assert any("/knowledge/" in link for link in links)
    assert any("/announcements/" in link for link in links)
    dates = [e.published_parsed for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    english = feedparser.parse((built_site / "en/feed.xml").read_bytes())
    assert all(e.link.startswith(SITE_URL + "en/") for e in english.entries)
    titles = {e.title for e in english.entries}
    assert "Guide to filing and paying the signboard tax" in titles


def test_a_reviewed_asset_is_dated_by_its_review():
    site, _ = load_site(ROOT)
    items = feed_items(public_view(site).orgs["pathumthani-pao"], "th", "th")
    item = next(i for i in items if i.url.endswith("legal-repository/"))
    assert item.published.isoformat() == "2024-05-31" and item.newest.isoformat() == "2024-08-15"


def test_without_site_url_no_feed_is_written_and_a_warning_says_why(caplog: pytest.LogCaptureFixture):
    site, _ = load_site(ROOT)
    ctx = OutputContext(None, "th", "th", ("th", "en"))
    with caplog.at_level(logging.WARNING):
        assert feed_files(site, ctx) == []
    assert any("site_url" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
