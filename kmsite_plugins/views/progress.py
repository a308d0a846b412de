"""A plan's progress as of a date, computed from its progress reports.

Each activity's status is the one in the latest report on or before that date that
mentions it, else the row's own ``status``. An activity is late when its period ended
before that date and it is neither done nor cancelled; open-ended periods end with the
plan's fiscal year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date as Date
from typing import Optional

from ..model.plan import Activity, Plan, PlanSection
from ..model.progress import CLOSED, ActivityStatus, ProgressEntry, ProgressReport
from ..model.values import ActivityPeriod
from ..thai.dates import fiscal_year_bounds


def period_end(read: Optional[ActivityPeriod]) -> Optional[Date]:
    """The last day of a period cell; open-ended and whole-year periods end with the fiscal year.

    None when there is no period, it cannot be read, or it is open-ended without a fiscal year.
    """
    if read is None or read.value is None:
        return None
    period, fiscal_year = read.value, read.fiscal_year
    if period.end is not None:
        year, month = period.end
        return Date(year, month, calendar.monthrange(year, month)[1])
    return fiscal_year_bounds(fiscal_year)[1] if fiscal_year else None


@dataclass(frozen=True)
class ActivityProgress:
    """One activity as of the summary date."""

    section: PlanSection
    activity: Activity
    status: Optional[ActivityStatus]  # None: no report and no status on the row
    entry: Optional[ProgressEntry]  # the latest report entry naming the row, if any
    period_end: Optional[Date]
    late: bool

    @property
    def title(self) -> str:
        return self.activity.title


@dataclass(frozen=True)
class ProgressSummary:
    """Counts by status and the late activities of a plan, as of a date."""

    as_of: Date
    report: Optional[ProgressReport]  # the latest report on or before ``as_of``
    activities: list[ActivityProgress]

    def count(self, status: Optional[ActivityStatus]) -> int:
        return sum(1 for a in self.activities if a.status is status)

    @property
    def done(self) -> int:
        return self.count(ActivityStatus.DONE)

    @property
    def in_progress(self) -> int:
        return self.count(ActivityStatus.IN_PROGRESS)

    @property
    def not_started(self) -> int:
        return self.count(ActivityStatus.NOT_STARTED)

    @property
    def cancelled(self) -> int:
        return self.count(ActivityStatus.CANCELLED)

    @property
    def unreported(self) -> int:
        """Activities with no status at all (never reported, none on the row)."""
        return self.count(None)

    @property
    def total(self) -> int:
        return len(self.activities)

    @property
    def late(self) -> list[ActivityProgress]:
        return [a for a in self.activities if a.late]

    @property
    def report_rows(self) -> list[tuple[ProgressEntry, Optional[ActivityProgress]]]:
        """The latest report's entries, each with the activity it names (None if unknown)."""
        if self.report is None:
            return []
        by_id = {a.activity.id: a for a in self.activities if a.activity.id}
        return [(entry, by_id.get(entry.row)) for entry in self.report.entries]


def dated_reports(plan: Plan, as_of: Optional[Date] = None) -> list[tuple[Date, ProgressReport]]:
    """Reports with a readable date on or before ``as_of``, oldest first (ties keep the author's order)."""
    dated = [(r.parsed_date, r) for r in plan.progress]
    found = [(d, r) for d, r in dated if d is not None and (as_of is None or d <= as_of)]
    return sorted(found, key=lambda pair: pair[0])


def summarise(plan: Plan, as_of: Optional[Date] = None) -> Optional[ProgressSummary]:
    """The plan's progress as of ``as_of`` (default: the latest report's date).

    None when no report has a readable date and no ``as_of`` is given.
    """
    reports = dated_reports(plan, as_of)
    if as_of is None:
        if not reports:
            return None
        as_of = reports[-1][0]
    latest_entry: dict[str, ProgressEntry] = {}
    entry: Optional[ProgressEntry]
    for _, report in reports:  # oldest first: later reports overwrite
        for entry in report.entries:
            latest_entry[entry.row] = entry
    activities = []
    for _, section, _, row in plan.rows():
        entry = latest_entry.get(row.id) if row.id else None
        status = entry.status if entry else row.status
        end = period_end(row.parsed_period)
        late = end is not None and end < as_of and status not in CLOSED
        activities.append(ActivityProgress(section, row, status, entry, end, late))
    return ProgressSummary(as_of, reports[-1][1] if reports else None, activities)


def latest_summary(plan: Plan) -> Optional[ProgressSummary]:
    """The plan's progress as of its latest dated report (None without one): the one "latest progress" rule."""
    return summarise(plan) if dated_reports(plan) else None
