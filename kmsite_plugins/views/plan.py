"""What a plan page shows: each section with its timeline and step coverage, and the latest progress."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import OrgContent, PlanEntry, PlanSection
from ..model.plan import Activity
from .announcements import Listed, listed, newest_first
from .progress import ProgressSummary, latest_summary
from .shortlinks import ShortLink, plan_link
from .timeline import Coverage, Timeline, coverage, timeline

__all__ = ["PlanView", "SectionView", "plan_view", "responsible_text", "unnamed_lines"]

_BULLET = re.compile(r"^\s*[-•·]\s*")


@dataclass(frozen=True)
class SectionView:
    section: PlanSection
    timeline: Timeline
    coverage: list[Coverage]
    responsible: list[list[str]]  # per table, per row: the responsible cell, parties its references link left out
    owner_rest: str  # the owner line, less the party owner_ref links


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
    sections = [SectionView(s, timeline(s, plan.fiscal_year), coverage(s),
                            [[responsible_text(content, row) for row in table.rows] for table in s.tables],
                            unnamed_lines(content, s.owner, [s.owner_ref]) if s.owner_ref else s.owner or "")
                for s in plan.sections]
    announced_by = [item for item in newest_first(listed(content)) if item.entry.announcement.announces == entry.key]
    return PlanView(content, entry, sections, latest_summary(plan), announced_by, plan_link(content, entry))


def _names_of(content: OrgContent, ref: str) -> set[str]:
    """The ways a referenced person or position may be written: name, name with honorific, title."""
    item = content.lookup(ref)
    names = {getattr(item, key, None) for key in ("name", "full_name", "title", "name_en", "title_en")}
    return {" ".join(n.split()) for n in names if isinstance(n, str) and n}


def unnamed_lines(content: OrgContent, text: str | None, refs: list[str]) -> str:
    """``text`` without the lines that only name a party ``refs`` already link: each party shown once."""
    if not text or not refs:
        return text or ""
    named = set().union(*(_names_of(content, ref) for ref in refs))
    return "\n".join(line for line in text.splitlines() if " ".join(_BULLET.sub("", line).split()) not in named)


def responsible_text(content: OrgContent, row: Activity) -> str:
    """The responsible cell without the lines naming a party its ``responsible_refs`` link."""
    return unnamed_lines(content, row.responsible, row.responsible_refs)
