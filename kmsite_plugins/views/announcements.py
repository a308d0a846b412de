"""What announcement pages and lists show: notices with their organisation, issuer, signer and short link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..model import AnnouncementEntry, OrgContent, Person, PlanEntry, Position
from ..model.announcement import DEFAULT_CLOSING
from . import shortlinks
from .urls import announcement_url, plan_url

__all__ = ["Listed", "listed", "newest_first", "NoticeView", "notice_view"]


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
