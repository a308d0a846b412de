"""sitemap.xml for every page of every language, with hreflang alternates and lastmod.

static-i18n writes its sitemap during the default-language build, before the other
languages (and before pages generated after its own hook) exist; this one is written
once every language has been built.

- Past ``max_urls`` pages (the protocol's limit is 50,000 URLs a file) or ``max_bytes`` bytes
  (10 MB: no output file of the site is larger; the protocol allows 50 MB) ``sitemap.xml`` becomes
  a sitemap index of ``sitemap-1.xml``, ``sitemap-2.xml``, ...
- Every page's hreflang alternates are here, as absolute URLs: pages carry none in their head,
  because Material's script fetches ``sitemap.xml`` beside every ``<link rel="alternate">``.
- For the same reason a section sitemap is written beside every feed (``orgs/<slug>/feed.xml``
  is announced by ``<link rel="alternate">``): it lists the pages under that folder, so the
  fetch finds a real sitemap instead of a 404.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .chunks import bounded_chunks

MAX_URLS = 50_000  # per sitemap file (sitemaps.org protocol)
MAX_BYTES = 10_000_000  # per sitemap file: below the protocol's 50 MB, the size bound of every output file
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
_TAIL = "</urlset>\n"


@dataclass
class SitemapEntry:
    loc: str  # absolute URL
    alternates: dict[str, str] = field(default_factory=dict)  # language -> absolute URL


def _url_xml(entry: SitemapEntry, lastmod: date | None) -> str:
    """One ``<url>`` element and its line break."""
    lines = [f"  <url>\n    <loc>{escape(entry.loc)}</loc>"]
    if lastmod is not None:
        lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
    for lang, href in sorted(entry.alternates.items()):
        lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>')
    lines.append("  </url>\n")
    return "\n".join(lines)


def sitemap_xml(entries: Iterable[SitemapEntry], lastmod: date | None = None) -> str:
    """One ``<urlset>``: each page with its lastmod and its hreflang alternates."""
    return _HEAD + "".join(_url_xml(e, lastmod) for e in sorted(entries, key=lambda e: e.loc)) + _TAIL


def _chunks(ordered: list[SitemapEntry], lastmod: date | None, max_urls: int, max_bytes: int) -> list[list[str]]:
    """The ``<url>`` elements of ``ordered`` in files of at most ``max_urls`` URLs and ``max_bytes`` bytes."""
    budget = max_bytes - len((_HEAD + _TAIL).encode("utf-8"))
    blocks = [_url_xml(entry, lastmod) for entry in ordered]
    return bounded_chunks(blocks, lambda block: len(block.encode("utf-8")), max_urls, budget)


def sitemap_index_xml(locs: list[str], lastmod: date | None = None) -> str:
    """A ``<sitemapindex>`` naming each sitemap file by its absolute URL."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for loc in locs:
        lines.append(f"  <sitemap>\n    <loc>{escape(loc)}</loc>")
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        lines.append("  </sitemap>")
    lines.append("</sitemapindex>\n")
    return "\n".join(lines)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    # mtime=0: the same content gives the same bytes on every build
    path.with_name(path.name + ".gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def feed_sections(site_dir: Path) -> set[str]:
    """Folders of a built site with a ``feed.xml`` (``orgs/suso/``), which get a section sitemap ("" for the root)."""
    sections = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("feed.xml")}
    return {s.removeprefix("./") for s in sections}


def write_sitemap(site_dir: Path, entries: list[SitemapEntry], site_url: str = "", *,
                  lastmod: date | None = None, max_urls: int = MAX_URLS, max_bytes: int = MAX_BYTES,
                  sections: Iterable[str] = ()) -> list[Path]:
    """Write ``sitemap.xml`` (an index past ``max_urls`` pages or ``max_bytes`` bytes) and a section sitemap in
    each folder of ``sections`` (URL paths relative to the site root, e.g. ``orgs/suso/``); returns the files
    written."""
    if max_urls < 1:
        raise ValueError(f"max_urls: {max_urls}: expected a positive number of URLs per sitemap")
    ordered = sorted(entries, key=lambda e: e.loc)
    written: list[Path] = []
    chunks = _chunks(ordered, lastmod, max_urls, max_bytes)
    if len(chunks) == 1:
        _write(site_dir / "sitemap.xml", _HEAD + "".join(chunks[0]) + _TAIL)
        written.append(site_dir / "sitemap.xml")
    else:
        for number, chunk in enumerate(chunks, start=1):
            _write(site_dir / f"sitemap-{number}.xml", _HEAD + "".join(chunk) + _TAIL)
            written.append(site_dir / f"sitemap-{number}.xml")
        locs = [f"{site_url}sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
        _write(site_dir / "sitemap.xml", sitemap_index_xml(locs, lastmod))
        written.append(site_dir / "sitemap.xml")
    locs = [e.loc for e in ordered]
    for section in sorted(set(sections) - {""}):
        prefix = site_url + section
        # the URLs under a folder are one run of the sorted list: found by bisection, not by a scan of
        # every URL for every folder (2,000 folders of 55,000 URLs at 1,000 organisations: a minute)
        start = bisect_left(locs, prefix)
        end = start
        while end < len(locs) and locs[end].startswith(prefix):
            end += 1
        inside = ordered[start:end]
        if inside:  # a folder's sitemap may only list URLs under that folder
            path = site_dir / section / "sitemap.xml"
            # a section of a large site is split the same way, under its own folder
            written += write_sitemap(path.parent, inside, prefix, lastmod=lastmod, max_urls=max_urls,
                                     max_bytes=max_bytes)
    return written
