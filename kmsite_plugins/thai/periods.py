"""Activity periods as written in the ระยะเวลา column of KM action plans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .dates import ThaiDateError, YearMonth, be_to_ce, ce_to_be, fiscal_months, month_number, parse_year
from .digits import to_arabic

__all__ = ["ACCEPTED_PERIODS", "Period", "PeriodKind", "parse_period"]

PeriodKind = Literal["range", "month", "from", "by", "whole_year", "fiscal_from", "fiscal_year"]

ACCEPTED_PERIODS = (
    "'ธ.ค. ๒๕๖๖ - ก.พ. ๒๕๖๗', 'ม.ค. - ก.ย. ๒๕๖๗', 'พ.ค. ๒๕๖๗', 'ก.ค. ๒๕๖๗ เป็นต้นไป', "
    "'ภายในเดือนก.ย. ๒๕๖๗', 'ตลอดปีงบประมาณ', 'ปีงบประมาณ ๒๕๖๖', 'ปีงบประมาณ ๒๕๕๘ เป็นต้นไป'"
)


@dataclass(frozen=True)
class Period:
    """A parsed period; ``start``/``end`` are ``(year_ce, month)``, ``None`` when open."""

    raw: str
    kind: PeriodKind
    start: YearMonth | None = None
    end: YearMonth | None = None
    repeated: bool = False
    """The cell holds the same period twice (a copy-paste defect worth a warning)."""

    @property
    def is_deadline(self) -> bool:
        """True for ``ภายในเดือน…``: the work must be done by ``end``."""
        return self.kind == "by"

    @property
    def is_open_ended(self) -> bool:
        """True for ``… เป็นต้นไป``: the period has no end of its own."""
        return self.kind in ("from", "fiscal_from")

    def months_in(self, fy_be: int) -> list[YearMonth]:
        """The months of fiscal year ``fy_be`` this period covers, in order."""
        return [
            ym for ym in fiscal_months(fy_be)
            if (self.start is None or ym >= self.start) and (self.end is None or ym <= self.end)
        ]


_BULLET = re.compile(r"^[-–—•]\s*")
# "ก. ย." → "ก.ย.": a lone "consonant + dot" after a dot continues the abbreviation.
_SPLIT_ABBR = re.compile(r"(?<=\.)\s+(?=[ก-ฮ]\.(?:[\s0-9\-–—]|$))")
_DASH = re.compile(r"\s*(?:[-–—]|ถึง)\s*")
_TWICE = re.compile(r"(?P<once>.+?)\s*(?P=once)")

_MONTH_YEAR = r"(?P<{0}m>[^0-9\s-]+?)\s*(?P<{0}y>(?:[พค]\.?\s?ศ\.?\s*)?[0-9]+)?"
_SPAN = re.compile(_MONTH_YEAR.format("s") + r"(?: - " + _MONTH_YEAR.format("e") + ")?")
_FISCAL = re.compile(r"(?P<whole>ตลอด)?ปีงบประมาณ(?P<year>(?:พ\.?ศ\.?)?[0-9]+)?(?P<onward>เป็นต้นไป)?")
_BY = re.compile(r"ภายใน(?:เดือน)?\s*(?P<span>.+)")
_FROM = re.compile(r"(?:ตั้งแต่\s*)?(?P<span>.+?)\s*เป็นต้นไป")

_Parsed = tuple[PeriodKind, YearMonth | None, YearMonth | None]


def parse_period(raw: str, fiscal_year_be: int | None = None) -> Period:
    """Parse a period cell; ``fiscal_year_be`` places months written without a year.

    Raises:
        ThaiDateError: unknown month (naming the nearest), a year-less month with
            no fiscal year, a backwards range, or text that is not a period.
    """
    text = _normalise(raw)
    twice = _TWICE.fullmatch(text)
    try:
        kind, start, end = _parse(twice["once"] if twice else text, fiscal_year_be)
    except ThaiDateError as exc:
        if exc.accepted == ACCEPTED_PERIODS:  # about the whole cell: report it as written
            raise ThaiDateError(raw, ACCEPTED_PERIODS, exc.reason) from None
        exc.context = exc.context or raw  # about one month or year: say which cell
        raise
    return Period(raw, kind, start, end, repeated=twice is not None)


def _normalise(raw: str) -> str:
    """Arabic digits, single spaces, no bullet, joined abbreviations, ``" - "`` dashes."""
    text = _BULLET.sub("", " ".join(to_arabic(raw).split()))
    return _DASH.sub(" - ", _SPLIT_ABBR.sub("", text))


def _parse(text: str, fy: int | None) -> _Parsed:
    """Try the fiscal-year forms, then deadline, open-ended, range and month."""
    fiscal = _parse_fiscal(text.replace(" ", ""))  # "ตลอดปีงบ ประมาณ" is line-wrapped
    if fiscal:
        return fiscal
    if by := _BY.fullmatch(text):
        start, end, _ = _span(by["span"], fy)
        return "by", start, end
    if onward := _FROM.fullmatch(text):
        start, _, is_range = _span(onward["span"], fy)
        if is_range:
            raise ThaiDateError(text, ACCEPTED_PERIODS, "an open-ended period starts at one month")
        return "from", start, None
    start, end, is_range = _span(text, fy)
    return ("range" if is_range else "month"), start, end


def _parse_fiscal(compact: str) -> _Parsed | None:
    """``ตลอดปีงบประมาณ``, ``ปีงบประมาณ ๒๕๖๖`` or ``ปีงบประมาณ ๒๕๕๘ เป็นต้นไป``."""
    match = _FISCAL.fullmatch(compact)
    if not match or (match["year"] is None and (not match["whole"] or match["onward"])):
        return None
    if match["year"] is None:
        return "whole_year", None, None
    months = fiscal_months(ce_to_be(parse_year(match["year"])))
    if match["onward"]:
        return "fiscal_from", months[0], None
    return "fiscal_year", months[0], months[-1]


def _span(text: str, fy: int | None) -> tuple[YearMonth, YearMonth, bool]:
    """``"ม.ค. - ก.ย. 2567"`` → start, end and whether it was written as a range."""
    match = _SPAN.fullmatch(text)
    if not match:
        raise ThaiDateError(text, ACCEPTED_PERIODS, "not a period")
    first = _month(match["sm"], text)
    if match["em"] is None:
        ym = _place(first, match["sy"], fy, text)
        return ym, ym, False
    last = _month(match["em"], text)
    start_year = parse_year(match["sy"]) if match["sy"] else None
    end_year = parse_year(match["ey"]) if match["ey"] else None
    # A year written once belongs to both ends, the start moving back a year if needed.
    if start_year is None and end_year is not None:
        start_year = end_year - (first > last)
    elif end_year is None and start_year is not None:
        end_year = start_year + (first > last)
    start = (start_year, first) if start_year is not None else _place(first, None, fy, text)
    end = (end_year, last) if end_year is not None else _place(last, None, fy, text)
    if start > end:
        raise ThaiDateError(text, ACCEPTED_PERIODS, "the period ends before it starts")
    return start, end, True


def _month(token: str, text: str) -> int:
    """A month number; a token that is not month-shaped makes the whole text "not a period"."""
    try:
        return month_number(token)
    except ThaiDateError as exc:
        if exc.suggestions or "." in token:
            raise
        raise ThaiDateError(text, ACCEPTED_PERIODS, "not a period") from None


def _place(month: int, year: str | None, fy: int | None, text: str) -> YearMonth:
    """Use the written year, else put the month inside fiscal year ``fy`` (Oct–Dec: FY−1)."""
    if year:
        return parse_year(year), month
    if fy is None:
        raise ThaiDateError(text, ACCEPTED_PERIODS, "a month without a year needs the plan's fiscal year")
    return be_to_ce(fy) - (month >= 10), month
