"""RSS 2.0 and JSON Feed 1.1 of new and updated knowledge assets and announcements.

One feed per organisation (``orgs/<slug>/feed.xml``, ``orgs/<slug>/feed.json``) and one for the
whole site (``feed.xml``, ``feed.json``), in every language tree (English under ``en/``).
Feeds need absolute links: without ``site_url`` no feed is written and a warning says why
(``mkdocs build --strict`` then fails, ``mkdocs serve`` keeps going).

An asset enters a feed with its newest date (created or reviewed): its entry id carries that
date, so a review shows up again in feed readers.
"""

from __future__ import annotations

import html
import json
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from email.utils import format_datetime
from typing import Optional

from ..labels import load_labels
from ..model import OrgContent, SiteModel
from ..views.knowledge import asset_views
from ..views.urls import absolute, announcement_url, org_url
from .spec import OutputContext, OutputFile

__all__ = ["feed_files", "FEED_LIMIT", "FeedItem", "feed_items"]

log = logging.getLogger("mkdocs.plugins.kmsite.feeds")

FEED_LIMIT = 50  # newest entries per feed
BANGKOK = timezone(timedelta(hours=7))
ATOM = "http://www.w3.org/2005/Atom"
JSON_FEED = "https://jsonfeed.org/version/1.1"


@dataclass
class FeedItem:
    kind: str  # "asset" | "announcement"
    content: OrgContent
    url: str  # directory URL relative to a language root
    title: str
    summary: str
    published: date
    modified: Optional[date] = None
    tags: list[str] = field(default_factory=list)
    author: str = ""  # the organisation's name in the feed's language
    example: bool = False  # invented content (the item's or its organisation's ``example: true``)

    @property
    def newest(self) -> date:
        return max(self.published, self.modified or self.published)


def _text(obj: object, name: str, lang: str, default_lang: str) -> str:
    """A content field in the feed's language (English falls back to the Thai original)."""
    thai = getattr(obj, name, None) or ""
    return thai if lang == default_lang else (getattr(obj, f"{name}_en", None) or thai)


def _summary_of(body: str, limit: int = 280) -> str:
    """The first paragraph of a Markdown body, as plain text."""
    para = next((p for p in body.strip().split("\n\n") if p.strip() and not p.lstrip().startswith("#")), "")
    text = " ".join(para.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def feed_items(content: OrgContent, lang: str, default_lang: str) -> list[FeedItem]:
    """Assets with a readable date and every announcement of one organisation."""
    items = []
    for view in asset_views(content):
        if view.created is None:
            continue
        a = view.asset
        items.append(FeedItem("asset", content, view.url, _text(a, "title", lang, default_lang),
                              _text(a, "summary", lang, default_lang), view.created, view.reviewed, list(a.tags),
                              _text(content.org, "name", lang, default_lang), a.example or content.org.example))
    for entry in content.announcements:
        ann = entry.announcement
        summary = ann.body_en if lang != default_lang and ann.body_en else entry.body
        items.append(FeedItem("announcement", content, announcement_url(content.slug, entry.slug),
                              _text(ann, "title", lang, default_lang), _summary_of(summary), ann.issued,
                              author=_text(content.org, "name", lang, default_lang),
                              example=ann.example or content.org.example))
    return items


def _newest_first(items: list[FeedItem]) -> list[FeedItem]:
    ordered = sorted(items, key=lambda i: (i.content.slug, i.url))
    return sorted(ordered, key=lambda i: i.newest, reverse=True)[:FEED_LIMIT]


def _moment(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), BANGKOK)


@dataclass
class _Feed:
    title: str
    description: str
    home: str  # absolute URL of the page the feed is about; the feed files sit in its folder
    lang: str
    items: list[FeedItem]
    labels: dict[str, str]
    prefix: str
    site_url: str

    def link(self, item: FeedItem) -> str:
        return absolute(self.site_url, self.prefix + item.url)

    def entry_id(self, item: FeedItem) -> str:
        return f"{self.link(item)}#{item.newest.isoformat()}"

    def rss(self) -> str:
        ET.register_namespace("atom", ATOM)
        rss = ET.Element("rss", {"version": "2.0"})
        channel = ET.SubElement(rss, "channel")
        for tag, text in (("title", self.title), ("link", self.home), ("description", self.description),
                          ("language", self.lang), ("generator", "kmsite")):
            ET.SubElement(channel, tag).text = text
        ET.SubElement(channel, f"{{{ATOM}}}link", {"href": self.home + "feed.xml", "rel": "self",
                                                  "type": "application/rss+xml"})
        if self.items:
            ET.SubElement(channel, "lastBuildDate").text = format_datetime(_moment(self.items[0].newest))
        for item in self.items:
            node = ET.SubElement(channel, "item")
            ET.SubElement(node, "title").text = item.title
            ET.SubElement(node, "link").text = self.link(item)
            ET.SubElement(node, "guid", {"isPermaLink": "false"}).text = self.entry_id(item)
            # RSS descriptions are HTML to readers: the summary goes in as text (titles are plain text by the spec)
            ET.SubElement(node, "description").text = html.escape(item.summary, quote=False)
            ET.SubElement(node, "pubDate").text = format_datetime(_moment(item.newest))
            ET.SubElement(node, "category").text = self.labels[f"knowledge.feed.kind.{item.kind}"]
            for tag in item.tags:
                ET.SubElement(node, "category").text = tag
            if item.example:
                ET.SubElement(node, "category").text = self.labels["example.title"]
        ET.indent(rss)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n"

    def json_feed(self) -> str:
        items = []
        for item in self.items:
            entry = {
                "id": self.entry_id(item), "url": self.link(item), "title": item.title,
                "summary": item.summary, "content_text": item.summary,
                "date_published": _moment(item.published).isoformat(),
                "tags": [self.labels[f"knowledge.feed.kind.{item.kind}"], *item.tags,
                         *([self.labels["example.title"]] if item.example else [])],
                "authors": [{"name": item.author,
                             "url": absolute(self.site_url, self.prefix + org_url(item.content.slug))}],
            }
            if item.modified:
                entry["date_modified"] = _moment(item.modified).isoformat()
            items.append(entry)
        feed = {"version": JSON_FEED, "title": self.title, "home_page_url": self.home,
                "feed_url": self.home + "feed.json", "description": self.description,
                "language": self.lang, "items": items}
        return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def feed_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """The site-wide feeds and one pair per organisation, in the language being built."""
    if ctx.site_url is None:
        log.warning("feeds need absolute links: set site_url in mkdocs.yml; no RSS or JSON feed was written")
        return []
    labels = load_labels(ctx.lang)
    every: list[FeedItem] = []
    feeds: list[tuple[str, _Feed]] = []
    for content in site.sorted_orgs():
        items = feed_items(content, ctx.lang, ctx.default_lang)
        every.extend(items)
        folder = ctx.prefix + org_url(content.slug)
        name = _text(content.org, "name", ctx.lang, ctx.default_lang)
        feeds.append((folder, _Feed(labels["knowledge.feed.title.org"].format(org=name),
                                    labels["knowledge.feed.description"],
                                    absolute(ctx.site_url, folder), ctx.lang,
                                    _newest_first(items), labels, ctx.prefix, ctx.site_url)))
    home = absolute(ctx.site_url, ctx.prefix)
    feeds.append((ctx.prefix, _Feed(labels["knowledge.feed.title.site"].format(site=labels["knowledge.title"]),
                                    labels["knowledge.feed.description"], home, ctx.lang,
                                    _newest_first(every), labels, ctx.prefix, ctx.site_url)))
    files = []
    for folder, feed in feeds:
        files.append(OutputFile(f"{folder}feed.xml", feed.rss()))
        files.append(OutputFile(f"{folder}feed.json", feed.json_feed()))
    return files
