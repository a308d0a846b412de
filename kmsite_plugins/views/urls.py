"""Directory URLs of every generated page, relative to a language root; one place to change them."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Optional


def orgs_url() -> str:
    return "orgs/"


def org_url(slug: str) -> str:
    return f"orgs/{slug}/"


def plan_url(slug: str, key: str) -> str:
    return f"orgs/{slug}/plans/{key}/"


def people_url(slug: str) -> str:
    return f"orgs/{slug}/people/"


def person_url(slug: str, card_id: str) -> str:
    """A people card: an anchor on the organisation's people page."""
    return f"orgs/{slug}/people/#{card_id}"


def who_knows_url(slug: str) -> str:
    """Who knows what in one organisation: topic → people and person → topics."""
    return f"orgs/{slug}/people/who-knows-what/"


def cops_url(slug: str) -> str:
    return f"orgs/{slug}/cops/"


def site_people_url() -> str:
    """The site-wide card catalogue."""
    return "people/"


def site_who_knows_url() -> str:
    return "people/who-knows-what/"


def knowledge_url(slug: str) -> str:
    return f"orgs/{slug}/knowledge/"


def topic_url(slug: str, topic_id: str) -> str:
    """A knowledge topic: a row of the organisation's knowledge map."""
    return f"orgs/{slug}/knowledge/#{topic_id}"


def asset_url(slug: str, asset_slug: str) -> str:
    return f"orgs/{slug}/knowledge/{asset_slug}/"


def cop_url(slug: str, cop_id: str) -> str:
    return f"orgs/{slug}/cops/{cop_id}/"


def announcement_url(slug: str, ann_slug: str) -> str:
    return f"orgs/{slug}/announcements/{ann_slug}/"


def org_announcements_url(slug: str) -> str:
    return f"orgs/{slug}/announcements/"


def announcements_url() -> str:
    return "announcements/"


def poster_url(page_url: str) -> str:
    """The printable poster of an organisation or plan page."""
    return f"{page_url}poster/"


def knowledge_index_url() -> str:
    return "knowledge/"


def knowledge_map_url() -> str:
    return "knowledge/map/"


def tags_url() -> str:
    return "knowledge/tags/"


def province_part_url(list_url: str, key: str) -> str:
    """A page of a site-wide list split by province (views/parts.py).

    ``people/`` and ``trang/2/`` → ``people/province/trang/2/``.
    """
    return f"{list_url}province/{key}"


def absolute(site_url: str, url: str) -> str:
    """An absolute URL from ``site_url`` (which ends with '/')."""
    return site_url.rstrip("/") + "/" + url.lstrip("/")


QR_PNG = "qr.png"
QR_SVG = "qr.svg"
"""The QR image files written beside every page that has a short link."""


def qr_png_url(page_url: str) -> str:
    return f"{page_url}{QR_PNG}"


def _segments(url: str) -> Optional[list[str]]:
    """The path segments of a plain site-root-relative URL; None for an absolute path or one with '.'/'..'."""
    if url.startswith("/"):
        return None
    parts = [part for part in url.split("/") if part]
    return None if "." in parts or ".." in parts else parts


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath(path or ".", start or ".")`` without its abspath/normpath calls (the working
    folder cancels out of two plain relative paths); other paths go to ``posixpath.relpath`` itself."""
    to, base = _segments(path), _segments(start)
    if to is None or base is None:
        return posixpath.relpath(path or ".", start or ".")
    common, shorter = 0, min(len(to), len(base))
    while common < shorter and to[common] == base[common]:
        common += 1
    rel = [".."] * (len(base) - common) + to[common:]
    return "/".join(rel) if rel else "."


def relative_url(from_url: str, to_url: str, directory_urls: bool = True) -> str:
    """Relative link between two directory URLs of the same language tree.

    ``to_url`` may carry a ``#fragment``. Without directory URLs (the offline build, opened
    from file://) the link names the ``index.html`` file, which a browser does not add itself.
    """
    path, hash_, fragment = to_url.partition("#")
    rel = _relpath(path, from_url)
    link = "./" if rel == "." else rel.rstrip("/") + "/"
    if not directory_urls:
        link = "index.html" if link == "./" else link + "index.html"
    return link + hash_ + fragment


def links_from(from_url: str, directory_urls: bool = True) -> Callable[[str], str]:
    """``relative_url`` from one page, each target's link computed once (a page links many to the same)."""
    links: dict[str, str] = {}

    def link(to_url: str) -> str:
        found = links.get(to_url)
        if found is None:
            found = links[to_url] = relative_url(from_url, to_url, directory_urls)
        return found

    return link


def file_url(url: str, directory_urls: bool = True) -> str:
    """A directory URL as MkDocs writes it: "orgs/suso/" or, without directory URLs, "orgs/suso/index.html"."""
    return url if directory_urls else url + "index.html"


CSV_TABLES = ("activities", "topics", "assets", "people")
"""The open-data tables also published as CSV files (``<table>.csv``), in this order."""
