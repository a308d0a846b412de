"""sitemap.xml for every page of every language, with hreflang alternates.

static-i18n writes its sitemap during the default-language build, before the other
languages (and before pages generated after its own hook) exist; this one is written
once every language has been built.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass
class SitemapEntry:
    loc: str  # absolute URL
    alternates: dict[str, str] = field(default_factory=dict)  # language -> absolute URL


def sitemap_xml(entries: list[SitemapEntry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in sorted(entries, key=lambda e: e.loc):
        lines.append(f"  <url>\n    <loc>{escape(entry.loc)}</loc>")
        for lang, href in sorted(entry.alternates.items()):
            lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def write_sitemap(site_dir: Path, entries: list[SitemapEntry]) -> None:
    text = sitemap_xml(entries)
    (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
    # mtime=0: the same content gives the same bytes on every build
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
