"""Canonical URLs, Open Graph / Twitter-card tags and sitemap.xml over both languages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

from .test_bilingual import parse, thai_pages

SITE_URL = "https://km.example.go.th/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def meta(html: str, attr: str, name: str) -> str | None:
    found = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def page_url(site: Path, page: Path) -> str:
    """The page's URL as MkDocs writes it: non-ASCII path segments percent-encoded."""
    rel = page.parent.relative_to(site).as_posix()
    return SITE_URL if rel == "." else f"{SITE_URL}{quote(rel)}/"


def content_pages(site: Path) -> list[Path]:
    pages = [p for p in thai_pages(site) if parse(p, "").is_page]
    return pages + [site / "en" / p.relative_to(site) for p in pages]


def test_every_page_has_canonical_url_and_sharing_tags(built_site: Path):
    pages = content_pages(built_site)
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        url = page_url(built_site, page)
        assert f'<link rel="canonical" href="{url}">' in html, page
        assert meta(html, "property", "og:url") == url
        assert meta(html, "property", "og:title"), page
        assert meta(html, "property", "og:description"), page
        image = meta(html, "property", "og:image")
        assert image and image.startswith(SITE_URL), page
        assert (built_site / image[len(SITE_URL):]).is_file(), f"{page}: og:image {image} is not in the site"
        assert meta(html, "name", "twitter:card") == "summary_large_image"
        locale = meta(html, "property", "og:locale")
        assert locale == ("en_US" if "/en/" in url else "th_TH"), (page, locale)


def test_sitemap_lists_every_page_of_both_languages_with_alternates(built_site: Path):
    root = ET.parse(built_site / "sitemap.xml").getroot()
    entries = {u.findtext("s:loc", namespaces=NS): {a.get("hreflang"): a.get("href") for a in u.findall("x:link", NS)}
               for u in root.findall("s:url", NS)}
    expected = {page_url(built_site, p) for p in content_pages(built_site)}
    assert expected <= set(entries), sorted(expected - set(entries))[:10]
    for loc, alternates in entries.items():
        assert set(alternates) == {"th", "en"}, loc
        assert loc in alternates.values(), loc
        assert alternates["en"] == (alternates["th"] or "").replace(SITE_URL, SITE_URL + "en/", 1), loc


def test_generated_pages_describe_themselves_for_link_previews(built_site: Path):
    """An organisation, a plan and an announcement shared on LINE show whose they are."""
    org = (built_site / "orgs" / "suso" / "index.html").read_text(encoding="utf-8")
    assert "สุโสะ" in (meta(org, "property", "og:description") or "")
    plan = (built_site / "en" / "orgs" / "suso" / "plans" / "undated" / "index.html").read_text(encoding="utf-8")
    assert "Suso" in (meta(plan, "property", "og:description") or "")
    folder = built_site / "orgs" / "pathumthani-pao" / "announcements"
    notice = next(folder.glob("*/index.html")).read_text(encoding="utf-8")
    assert "องค์การบริหารส่วนจังหวัดปทุมธานี" in (meta(notice, "property", "og:description") or "")
