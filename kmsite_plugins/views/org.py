"""What an organisation page and the organisation index show, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import OrgContent, PlanEntry, SiteModel
from ..thai.collation import thai_sorted
from .announcements import Listed, listed, newest_first
from .people import card_count, latest_plan
from .roster import RosterView, roster_view
from .shortlinks import ShortLink, org_link

__all__ = ["OrgView", "org_view", "ProvinceGroup", "province_groups"]

LATEST_NOTICES = 3  # newest announcements on the organisation page


@dataclass(frozen=True)
class OrgView:
    content: OrgContent
    latest_plan: Optional[PlanEntry]  # the newest plan with a fiscal year, else the first listed
    card_count: int  # people cards (people and unfilled positions)
    notices: list[Listed]  # the newest announcements, newest first
    link: ShortLink  # the organisation's short link (QR code)
    rosters: list[RosterView]  # one per committee, in file order


def org_view(content: OrgContent) -> OrgView:
    notices = newest_first(listed(content))[:LATEST_NOTICES]
    return OrgView(content, latest_plan(content), card_count(content), notices, org_link(content),
                   [roster_view(content, c) for c in content.committees])


@dataclass(frozen=True)
class ProvinceGroup:
    province: Optional[str]  # None: the organisations state no province
    types: list[tuple[str, list[OrgContent]]]  # organisation type → organisations, each in Thai order


def province_groups(site: SiteModel, orgs: Optional[list[OrgContent]] = None) -> list[ProvinceGroup]:
    """Organisations (``orgs``, default all) grouped by province, then by type, each level in Thai order;
    no province last."""
    provinces: dict[Optional[str], dict[str, list[OrgContent]]] = {}
    for content in site.sorted_orgs() if orgs is None else orgs:
        provinces.setdefault(content.org.province, {}).setdefault(content.org.type, []).append(content)
    named = thai_sorted((p for p in provinces if p is not None), key=str)
    order: list[Optional[str]] = [*named, *([None] if None in provinces else [])]
    return [ProvinceGroup(p, sorted(provinces[p].items())) for p in order]
