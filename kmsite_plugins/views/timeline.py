"""The fiscal-year timeline and KM-step coverage of a plan section (computed, not drawn)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Activity, PlanSection, TableKind
from ..model.plan import CMP_STEPS, KMP_STEPS
from ..thai.dates import YearMonth, ce_to_be, fiscal_months
from ..thai.periods import Period

# Fiscal months in order: ต.ค. (10) … ก.ย. (9).
FISCAL_MONTH_ORDER = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)


@dataclass
class TimelineRow:
    step: Optional[str]
    label: str  # first line of the activity cell
    raw_period: str
    months: list[bool]  # 12 fiscal months, ต.ค. first
    deadline: Optional[int] = None  # index of the deadline month (ภายในเดือน…)
    open_ended: bool = False  # runs on past the fiscal year (… เป็นต้นไป)
    error: Optional[str] = None  # the period could not be placed


@dataclass
class Timeline:
    fiscal_year: Optional[int]  # BE; None when the plan states none
    months: list[YearMonth | tuple[None, int]]
    rows: list[TimelineRow] = field(default_factory=list)


def _fiscal_year_of(ym: YearMonth) -> int:
    year_ce, month = ym
    return ce_to_be(year_ce + 1 if month >= 10 else year_ce)


def _placed(period: Period, fy: Optional[int]) -> list[bool]:
    """Which of the 12 fiscal months the period covers (month-of-year when the plan has no year)."""
    if period.start is None and period.end is None:
        return [True] * 12
    year = fy or _fiscal_year_of(period.end or period.start)  # type: ignore[arg-type]
    covered = {month for _, month in period.months_in(year)}
    return [month in covered for month in FISCAL_MONTH_ORDER]


def _row(activity: Activity, fy: Optional[int]) -> Optional[TimelineRow]:
    read = activity.parsed_period
    if read is None:
        return None
    text, period = read.raw, read.value
    if period is None:
        return TimelineRow(activity.step, activity.title, text, [False] * 12, error=str(read.error))
    months = _placed(period, fy)
    deadline = None
    if period.is_deadline and period.end:
        deadline = FISCAL_MONTH_ORDER.index(period.end[1])
    return TimelineRow(activity.step, activity.title, activity.period or text, months, deadline, period.is_open_ended)


def timeline(section: PlanSection, fiscal_year: Optional[int]) -> Timeline:
    """One bar per activity of the section, over the twelve fiscal months."""
    months: list = list(fiscal_months(fiscal_year)) if fiscal_year else [(None, m) for m in FISCAL_MONTH_ORDER]
    result = Timeline(fiscal_year, months)
    for table in section.tables:
        for activity in table.rows:
            row = _row(activity, fiscal_year)
            if row:
                result.rows.append(row)
    return result


@dataclass
class Coverage:
    kind: TableKind
    steps: list[tuple[str, bool]]  # (step, covered)
    labelled: bool  # the rows name their steps at all
    has_table: bool  # the section has a table of this kind

    @property
    def missing(self) -> list[str]:
        return [step for step, covered in self.steps if not covered]


def coverage(section: PlanSection) -> list[Coverage]:
    """Which of KMP1-7 and CMP1-6 the section's tables cover."""
    result = []
    for kind, steps in ((TableKind.KMP, KMP_STEPS), (TableKind.CMP, CMP_STEPS)):
        tables = [t for t in section.tables if t.kind is kind]
        covered = {r.step for t in tables for r in t.rows if r.step}
        result.append(Coverage(kind, [(s, s in covered) for s in steps], bool(covered), bool(tables)))
    return result
