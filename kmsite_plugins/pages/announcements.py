"""Announcement pages (ประกาศ), their lists, QR posters, and the views their templates need.

Pages: ``/orgs/<slug>/announcements/<ann-slug>/`` (the notice), ``/orgs/<slug>/announcements/``
and ``/announcements/`` (newest first), and a printable poster with a large QR code for every
organisation (``/orgs/<slug>/poster/``) and plan (``/orgs/<slug>/plans/<key>/poster/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from markupsafe import Markup

from .. import qr as qrcodes
from ..model import AnnouncementEntry, OrgContent, Person, PlanEntry, Position, SiteModel
from ..model.announcement import DEFAULT_CLOSING
from ..outputs import shortlinks
from ..outputs.qr import QR_PNG, QR_SVG, qr_target
from ..thai.dates import format_long_date
from .spec import PageSpec, source_uri
from .urls import announcement_url, announcements_url, org_announcements_url, org_url, plan_url, poster_url

__all__ = ["announcement_pages", "poster_pages", "newest_first", "notice_view", "template_globals"]


@dataclass
class Listed:
    """One announcement with its organisation, for lists."""

    content: OrgContent
    entry: AnnouncementEntry

    @property
    def issued(self) -> date:
        return self.entry.announcement.issued

    @property
    def url(self) -> str:
        return announcement_url(self.content.slug, self.entry.slug)


def listed(content: OrgContent) -> list[Listed]:
    """The announcements of one organisation, for lists."""
    return [Listed(content, e) for e in content.announcements]


def newest_first(items: list[Listed]) -> list[Listed]:
    """Newest date first; on the same day, by organisation and file name (stable)."""
    ordered = sorted(items, key=lambda i: (i.content.slug, i.entry.slug))
    return sorted(ordered, key=lambda i: i.issued, reverse=True)


def announcement_pages(site: SiteModel) -> list[PageSpec]:
    """The site-wide list, a list per organisation, and one page per announcement."""
    every = [Listed(c, e) for c in site.sorted_orgs() for e in c.announcements]
    pages = [PageSpec(source_uri(announcements_url()), "announcements", "announcements.md.j2",
                      {"site": site, "items": newest_first(every), "org_list": None})]
    for content in site.sorted_orgs():
        ctx = {"site": site, "content": content, "org": content.org}
        items = newest_first(listed(content))
        pages.append(PageSpec(source_uri(org_announcements_url(content.slug)), "announcements",
                              "announcements.md.j2", {**ctx, "items": items, "org_list": content}))
        for entry in content.announcements:
            pages.append(PageSpec(source_uri(announcement_url(content.slug, entry.slug)), "announcement",
                                  "announcement.md.j2", {**ctx, "entry": entry, "ann": entry.announcement},
                                  hide=("navigation", "toc")))
    return pages


def poster_pages(site: SiteModel) -> list[PageSpec]:
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


# -- views -------------------------------------------------------------------

@dataclass
class Named:
    """A Thai text with its optional English twin, for ``tx(obj, 'name')``."""

    name: str
    name_en: Optional[str] = None


@dataclass
class SignerView:
    rank: Optional[str]
    rank_en: Optional[str]
    name: Optional[str]
    name_en: Optional[str]
    position: str
    position_en: Optional[str]
    person_id: Optional[str]  # the people card to link, when the signer names a person


@dataclass
class NoticeView:
    issuer: Named
    signer: SignerView
    target_url: Optional[str]  # directory URL of the plan or page announced
    target: Optional[PlanEntry]  # the announced plan, or None for a page
    link: shortlinks.ShortLink
    closing: Optional[Named]  # None: the default formula, shown through a translated label


def _issuer(content: OrgContent, entry: AnnouncementEntry) -> Named:
    """The written issuer, else the parent organisation, else the organisation itself.

    A written issuer that is the name of the organisation or its parent takes their English name.
    """
    ann, org = entry.announcement, content.org
    known = [Named(org.parent.name, org.parent.name_en)] if org.parent else []
    known.append(Named(org.name, org.name_en))
    if not ann.issuer:
        return known[0]
    same = next((k for k in known if k.name == ann.issuer), None)
    return Named(ann.issuer, ann.issuer_en or (same.name_en if same else None))


def _signer(content: OrgContent, entry: AnnouncementEntry) -> SignerView:
    s = entry.announcement.signer
    person = content.lookup(s.ref)
    person = person if isinstance(person, Person) else None
    position = content.lookup(person.position) if person and person.position else None
    position_en = s.position_en or (position.title_en if isinstance(position, Position) else None)
    name_en = s.name_en or (person.name_en if person else None)
    return SignerView(s.rank, s.rank_en, s.name, name_en, s.position, position_en, person.id if person else None)


def notice_view(content: OrgContent, entry: AnnouncementEntry) -> NoticeView:
    """Everything of a notice that is computed rather than written."""
    ann = entry.announcement
    target_entry = content.plan(ann.announces) if ann.announces else None
    target_url = plan_url(content.slug, target_entry.key) if target_entry else ann.page
    closing = None if ann.closing in (None, DEFAULT_CLOSING) and not ann.closing_en else Named(
        ann.closing or DEFAULT_CLOSING, ann.closing_en)
    return NoticeView(_issuer(content, entry), _signer(content, entry), target_url, target_entry,
                      shortlinks.announcement_link(content, entry), closing)


@dataclass
class QrView:
    """QR codes and short URLs of one language tree, for templates."""

    site_url: Optional[str]
    prefix: str  # '' or 'en/'
    png: str = QR_PNG
    svg_file: str = QR_SVG

    @property
    def available(self) -> bool:
        """False without site_url: pages render, and the QR output builder stops the build."""
        return bool(self.site_url)

    def short_url(self, link: shortlinks.ShortLink) -> str:
        return qr_target(qrcodes.require_site_url(self.site_url, "QR code"), self.prefix, link)

    def svg(self, link: shortlinks.ShortLink, title: str) -> Markup:
        return Markup(qrcodes.inline_svg(self.short_url(link), title))


def template_globals(site_url: Optional[str], lang: str, default_lang: str) -> dict[str, Any]:
    """Globals for announcement and poster templates in one language."""
    prefix = "" if lang == default_lang else f"{lang}/"

    def long_date(d: date) -> str:
        """Arabic digits (the ``num`` filter makes them Thai): ``10 เดือน มกราคม พ.ศ. 2567`` / ``10 January 2024``."""
        return format_long_date(d, "th" if lang == "th" else "en", digits="arabic")

    return {
        "notice": notice_view, "long_date": long_date, "qr": QrView(site_url, prefix),
        "org_link": shortlinks.org_link, "plan_link": shortlinks.plan_link,
        "announcement_link": shortlinks.announcement_link, "newest_first": newest_first, "listed": listed,
    }
