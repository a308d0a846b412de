"""Announcement pages (ประกาศ), their lists and QR posters.

Pages: ``/orgs/<slug>/announcements/<ann-slug>/`` (the notice), ``/orgs/<slug>/announcements/``
and ``/announcements/`` (newest first), and a printable poster with a large QR code for every
organisation (``/orgs/<slug>/poster/``) and plan (``/orgs/<slug>/plans/<key>/poster/``).
"""

from __future__ import annotations

from typing import Optional

from ..model import SiteModel
from ..views import shortlinks
from ..views.announcements import Listed, listed, newest_first, notice_view
from ..views.parts import Province
from ..views.urls import announcement_url, announcements_url, org_announcements_url, org_url, plan_url, poster_url
from .spec import PageSpec, source_uri
from .split import split_list

__all__ = ["announcement_pages", "poster_pages"]


def announcement_pages(site: SiteModel, provinces: Optional[list[Province]] = None) -> list[PageSpec]:
    """The site-wide list (split by province past the limit), a list per organisation, and one page per
    announcement."""
    pages = split_list(site, provinces, announcements_url(), "announcements", "announcements.md.j2",
                       lambda orgs: {"items": newest_first([Listed(c, e) for c in orgs for e in c.announcements]),
                                     "org_list": None}, "ann.list_title")
    for content in site.sorted_orgs():
        ctx = {"site": site, "content": content, "org": content.org}
        items = newest_first(listed(content))
        pages.append(PageSpec(source_uri(org_announcements_url(content.slug)), "announcements",
                              "announcements.md.j2", {**ctx, "items": items, "org_list": content}))
        for entry in content.announcements:
            pages.append(PageSpec(source_uri(announcement_url(content.slug, entry.slug)), "announcement",
                                  "announcement.md.j2", {**ctx, "entry": entry, "ann": entry.announcement,
                                                         "notice": notice_view(content, entry)},
                                  hide=("navigation", "toc")))
    return pages


def poster_pages(site: SiteModel, provinces: Optional[list[Province]] = None) -> list[PageSpec]:
    """A one-page A4 poster with a large QR code for every organisation and plan."""
    pages = []
    for content in site.sorted_orgs():
        ctx = {"site": site, "content": content, "org": content.org}
        link = shortlinks.org_link(content)
        pages.append(PageSpec(source_uri(poster_url(org_url(content.slug))), "poster", "poster.md.j2",
                              {**ctx, "link": link, "entry": None}, hide=("navigation", "toc")))
        for entry in content.plans:
            link = shortlinks.plan_link(content, entry)
            pages.append(PageSpec(source_uri(poster_url(plan_url(content.slug, entry.key))), "poster",
                                  "poster.md.j2", {**ctx, "link": link, "entry": entry}, hide=("navigation", "toc")))
    return pages
