"""What a plan page shows: each section with its timeline and step coverage, and the latest progress."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import OrgContent, PlanEntry, PlanSection
from .announcements import Listed, listed, newest_first
from .progress import ProgressSummary, latest_summary
from .shortlinks import ShortLink, plan_link
from .timeline import Coverage, Timeline, coverage, timeline

__all__ = ["PlanView", "SectionView", "plan_view"]


@dataclass(frozen=True)
class SectionView:
    section: PlanSection
    timeline: Timeline
    coverage: list[Coverage]


@dataclass(frozen=True)
class PlanView:
    content: OrgContent
    entry: PlanEntry
    sections: list[SectionView]
    progress: ProgressSummary | None  # as of the latest dated report; None without one
    announced_by: list[Listed]  # the notices that publish this plan, newest first
    link: ShortLink  # the plan's short link (QR code)


def plan_view(content: OrgContent, entry: PlanEntry) -> PlanView:
    plan = entry.plan
    sections = [SectionView(s, timeline(s, plan.fiscal_year), coverage(s)) for s in plan.sections]
    announced_by = [item for item in newest_first(listed(content)) if item.entry.announcement.announces == entry.key]
    return PlanView(content, entry, sections, latest_summary(plan), announced_by, plan_link(content, entry))
