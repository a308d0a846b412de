"""The home page at a glance: organisations, this fiscal year's plans with progress, newest assets and notices.

Past the list limit (views/parts.py) the page stays bounded: instead of every organisation it shows
their count with a link to the directory, and at most ``HOME_PLANS`` plans of each table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Optional

from ..model import OrgContent, PlanEntry, SiteModel
from ..thai.dates import fiscal_year_of
from .announcements import Listed, listed, newest_first
from .knowledge import AssetView, site_assets
from .parts import DEFAULT_LIST_LIMIT
from .people import latest_plan
from .progress import ProgressSummary, latest_summary

NEWEST = 5  # newest assets and announcements shown
HOME_PLANS = 10  # plans in each table of a site past the list limit


def build_date() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


@dataclass
class PlanGlance:
    content: OrgContent
    entry: PlanEntry
    progress: Optional[ProgressSummary]  # the latest progress report's summary, if any

    @property
    def percent_done(self) -> Optional[int]:
        if not self.progress or not self.progress.total:
            return None
        return round(100 * self.progress.done / self.progress.total)


@dataclass
class HomeView:
    today: date
    fiscal_year: int  # BE, the fiscal year of the build date
    orgs: list[OrgContent]  # every organisation, or none past the list limit (org_count says how many)
    current_plans: list[PlanGlance]  # plans of this fiscal year (past the limit, the first HOME_PLANS)
    latest_plans: list[PlanGlance]  # otherwise each organisation's newest plan (likewise)
    assets: list[AssetView]
    announcements: list[Listed]
    org_count: int = 0
    province_count: int = 0
    current_count: int = 0  # plans of this fiscal year in all
    latest_count: int = 0

    @property
    def bounded(self) -> bool:
        """The site is past the list limit: the page shows counts and a selection."""
        return len(self.orgs) < self.org_count


def _glance(content: OrgContent, entry: PlanEntry) -> PlanGlance:
    return PlanGlance(content, entry, latest_summary(entry.plan))


def home_view(site: SiteModel, today: Optional[date] = None, list_limit: int = DEFAULT_LIST_LIMIT) -> HomeView:
    today = today or build_date()
    fy = fiscal_year_of(today)
    orgs = site.sorted_orgs()
    current = [_glance(c, e) for c in orgs for e in c.plans if e.plan.fiscal_year == fy]
    with_current = {g.content.slug for g in current}
    latest = [_glance(c, e) for c in orgs if c.slug not in with_current and (e := latest_plan(c))]
    assets = sorted(site_assets(site), key=lambda a: (a.updated or date.min, a.slug), reverse=True)[:NEWEST]
    notices = newest_first([item for c in orgs for item in listed(c)])[:NEWEST]
    provinces = len({c.org.province for c in orgs if c.org.province})
    if len(orgs) <= list_limit:
        return HomeView(today, fy, orgs, current, latest, assets, notices, len(orgs), provinces, len(current),
                        len(latest))
    return HomeView(today, fy, [], current[:HOME_PLANS], latest[:HOME_PLANS], assets, notices, len(orgs), provinces,
                    len(current), len(latest))
