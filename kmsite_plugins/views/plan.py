"""What a plan page shows: each section with its timeline and step coverage, and the latest progress."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import OrgContent, PlanEntry, PlanSection
from .progress import ProgressSummary, latest_summary
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


def plan_view(content: OrgContent, entry: PlanEntry) -> PlanView:
    plan = entry.plan
    sections = [SectionView(s, timeline(s, plan.fiscal_year), coverage(s)) for s in plan.sections]
    return PlanView(content, entry, sections, latest_summary(plan))
