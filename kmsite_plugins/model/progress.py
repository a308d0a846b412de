"""Progress reports on a KM Action Plan (OPDC practice: at 6, 9 and 12 months).

A report names activity rows by their ``id`` and gives each a status, with an
optional note and evidence. The summary as of a date is a view (views/progress.py).
"""

from __future__ import annotations

from datetime import date as Date
from enum import Enum
from typing import Annotated, Literal, Optional

from pydantic import BeforeValidator, Field

from ..thai.digits import parse_int
from .base import Id, StrictModel, Text
from .values import ThaiDate


class ActivityStatus(str, Enum):
    NOT_STARTED = "ยังไม่เริ่ม"
    IN_PROGRESS = "กำลังดำเนินการ"
    DONE = "เสร็จแล้ว"
    CANCELLED = "ยกเลิก"

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
    date: ThaiDate  # Thai long date or ISO (BE or CE) as written, with its value
    note: Optional[Text] = None
    entries: list[ProgressEntry] = Field(min_length=1)
    example: bool = False  # invented demo content, shown as such

    @property
    def parsed_date(self) -> Optional[Date]:
        """The report date, or None when it cannot be read (``kmsite check`` reports it)."""
        return self.date.value

    def formatted_date(self, lang: Literal["th", "en"] = "th") -> str:
        """The date in the page language (``๓๑ มีนาคม ๒๕๖๗``, ``31 March 2024``), else as written."""
        return self.date.formatted(lang)

    def entry_for(self, row_id: str) -> Optional[ProgressEntry]:
        """The last entry of this report naming ``row_id``."""
        return next((e for e in reversed(self.entries) if e.row == row_id), None)
