"""Progress reports on a KM Action Plan (OPDC practice: at 6, 9 and 12 months).

A report names activity rows by their ``id`` and gives each a status, with an
optional note and evidence. The summary is computed as of a date (by default
the latest report's): each activity's status is the one in the latest report
on or before that date that mentions it, else the row's own ``status``. An
activity is late when its period ended before that date and it is neither
done nor cancelled; open-ended periods end with the plan's fiscal year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING, Annotated, Literal, Optional

from pydantic import BeforeValidator, Field

from ..thai.dates import ThaiDateError, fiscal_year_bounds, format_long_date, parse_date
from ..thai.digits import parse_int
from ..thai.periods import parse_period
from .base import Id, StrictModel, Text
from .plan import ActivityStatus

if TYPE_CHECKING:
    from .plan import Activity, Plan, PlanSection

ROUNDS: tuple[int, ...] = (6, 9, 12)
"""The OPDC reporting rounds, in months into the fiscal year."""

CLOSED = (ActivityStatus.DONE, ActivityStatus.CANCELLED)
"""Statuses that can never be late."""


def _round(value: object) -> object:
    number = value
    if isinstance(value, str):
        try:
            number = parse_int(value)
        except ValueError:
            number = None
    if isinstance(number, int) and not isinstance(number, bool) and number in ROUNDS:
        return number
    raise ValueError(f"'{value}' is not a reporting round: use 6, 9 or 12 (months; Thai or Arabic digits)")


def _text_list(value: object) -> object:
    """One evidence item may be written without the list brackets."""
    return [value] if isinstance(value, str) else value


Round = Annotated[int, BeforeValidator(_round)]


class ProgressEntry(StrictModel):
    """The status of one activity row (named by its ``id``) in one report."""

    row: Id
    status: ActivityStatus
    note: Optional[Text] = None
    evidence: Annotated[list[Text], BeforeValidator(_text_list)] = Field(default_factory=list)


class ProgressReport(StrictModel):
    """A 6-, 9- or 12-month progress report on the plan's activities."""

    round: Round
    date: Text  # Thai long date or ISO (BE or CE), kept as written
    note: Optional[Text] = None
    entries: list[ProgressEntry] = Field(min_length=1)
    example: bool = False  # invented demo content, shown as such

    @property
    def parsed_date(self) -> Optional[Date]:
        """The report date, or None when it cannot be read (``kmsite check`` reports it)."""
        try:
            return parse_date(self.date)
        except ThaiDateError:
            return None

    @property
    def sort_key(self) -> Date:
        """The report date for ordering; unreadable dates sort first."""
        return self.parsed_date or Date.min

    def formatted_date(self, lang: Literal["th", "en"] = "th") -> str:
        """The date in the page language (``๓๑ มีนาคม ๒๕๖๗``, ``31 March 2024``), else as written."""
        parsed = self.parsed_date
        return format_long_date(parsed, lang, style="plain") if parsed else self.date

    def entry_for(self, row_id: str) -> Optional[ProgressEntry]:
        """The last entry of this report naming ``row_id``."""
        return next((e for e in reversed(self.entries) if e.row == row_id), None)

    def summary(self, plan: "Plan") -> Optional["ProgressSummary"]:
        """The plan's progress as of this report's date."""
        return summarise(plan, self.parsed_date) if self.parsed_date else None


def activity_ids(plan: "Plan") -> list[str]:
    """The ids of the plan's activity rows, in plan order (repeats kept)."""
    return [row.id for _, _, _, row in plan.rows() if row.id]


def period_end(text: Optional[str], fiscal_year: Optional[int]) -> Optional[Date]:
    """The last day of a period cell; open-ended and whole-year periods end with the fiscal year.

    None when there is no period, it cannot be read, or it is open-ended without a fiscal year.
    """
    if not text:
        return None
    try:
        period = parse_period(text, fiscal_year)
    except ThaiDateError:
        return None
    if period.end is not None:
        year, month = period.end
        return Date(year, month, calendar.monthrange(year, month)[1])
    return fiscal_year_bounds(fiscal_year)[1] if fiscal_year else None


@dataclass(frozen=True)
class ActivityProgress:
    """One activity as of the summary date."""

    section: "PlanSection"
    activity: "Activity"
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


def dated_reports(plan: "Plan", as_of: Optional[Date] = None) -> list[tuple[Date, ProgressReport]]:
    """Reports with a readable date on or before ``as_of``, oldest first (ties keep the author's order)."""
    dated = [(r.parsed_date, r) for r in plan.progress]
    found = [(d, r) for d, r in dated if d is not None and (as_of is None or d <= as_of)]
    return sorted(found, key=lambda pair: pair[0])


def summarise(plan: "Plan", as_of: Optional[Date] = None) -> Optional[ProgressSummary]:
    """The plan's progress as of ``as_of`` (default: the latest report's date).

    None when no report has a readable date and no ``as_of`` is given.
    """
    reports = dated_reports(plan, as_of)
    if as_of is None:
        if not reports:
            return None
        as_of = reports[-1][0]
    latest_entry: dict[str, ProgressEntry] = {}
    for _, report in reports:  # oldest first: later reports overwrite
        for entry in report.entries:
            latest_entry[entry.row] = entry
    activities = []
    for _, section, _, row in plan.rows():
        entry = latest_entry.get(row.id) if row.id else None
        status = entry.status if entry else row.status
        end = period_end(row.corrected("period"), plan.fiscal_year)
        late = end is not None and end < as_of and status not in CLOSED
        activities.append(ActivityProgress(section, row, status, entry, end, late))
    return ProgressSummary(as_of, reports[-1][1] if reports else None, activities)
