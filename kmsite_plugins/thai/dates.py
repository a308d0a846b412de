"""Thai months, Buddhist-era years, fiscal years and long dates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .digits import to_arabic, to_thai

__all__ = [
    "BE_OFFSET", "MONTHS", "Month", "YearMonth", "ThaiDateError",
    "be_to_ce", "ce_to_be", "fiscal_year_of", "fiscal_year_bounds", "fiscal_months",
    "month_number", "parse_year", "parse_long_date", "parse_date",
    "format_long_date", "format_month",
]

Lang = Literal["th", "en"]
Digits = Literal["thai", "arabic"]
Style = Literal["notice", "plain"]
YearMonth = tuple[int, int]
"""``(year_ce, month)``; tuples compare in calendar order."""

BE_OFFSET = 543
PLAUSIBLE_BE = (2400, 2700)  # years outside are typos or BE/CE mix-ups


@dataclass(frozen=True)
class Month:
    """One calendar month with its Thai abbreviation and names."""

    number: int
    abbr: str
    name_th: str
    name_en: str

    @property
    def abbr_en(self) -> str:
        return self.name_en[:3]


MONTHS: tuple[Month, ...] = tuple(
    Month(i + 1, abbr, th, en)
    for i, (abbr, th, en) in enumerate([
        ("ม.ค.", "มกราคม", "January"), ("ก.พ.", "กุมภาพันธ์", "February"),
        ("มี.ค.", "มีนาคม", "March"), ("เม.ย.", "เมษายน", "April"),
        ("พ.ค.", "พฤษภาคม", "May"), ("มิ.ย.", "มิถุนายน", "June"),
        ("ก.ค.", "กรกฎาคม", "July"), ("ส.ค.", "สิงหาคม", "August"),
        ("ก.ย.", "กันยายน", "September"), ("ต.ค.", "ตุลาคม", "October"),
        ("พ.ย.", "พฤศจิกายน", "November"), ("ธ.ค.", "ธันวาคม", "December"),
    ])
)

ACCEPTED_MONTH = "a month abbreviation ม.ค. … ธ.ค. (dots optional), a Thai month name (มกราคม) or an English one"
ACCEPTED_YEAR = "a year: BE ๒๕๖๗ / 2567, short BE ๖๗, CE 2024, optionally after พ.ศ. or ค.ศ."
ACCEPTED_LONG_DATE = ("a long date such as '๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗', 'วันอาทิตย์ที่ ๑๕ ธันวาคม พ.ศ. ๒๕๕๖', "
                      "'10 มกราคม 2567' or '10 January 2024'")
ACCEPTED_DATE = f"YYYY-MM-DD with a BE or CE year (2567-01-15, 2024-01-15) or {ACCEPTED_LONG_DATE}"


class ThaiDateError(ValueError):
    """A date, month, year or period that cannot be read; says what is accepted."""

    def __init__(
        self,
        value: str,
        accepted: str,
        reason: str = "not understood",
        suggestions: Sequence[str] = (),
        context: str | None = None,
    ) -> None:
        super().__init__(value, accepted)
        self.value = value
        self.accepted = accepted
        self.reason = reason
        self.suggestions = tuple(suggestions)
        self.context = context

    def __str__(self) -> str:
        message = f"{self.reason}: {self.value!r}"
        if self.context and self.context != self.value:
            message += f" in {self.context!r}"
        if self.suggestions:
            *others, last = self.suggestions
            message += f"; did you mean {', '.join(others) + ' or ' if others else ''}{last}?"
        return f"{message} (accepted: {self.accepted})"


# --- years and fiscal years -------------------------------------------------

def be_to_ce(year_be: int) -> int:
    """Buddhist-era year to Common-era year (2567 → 2024)."""
    return year_be - BE_OFFSET


def ce_to_be(year_ce: int) -> int:
    """Common-era year to Buddhist-era year (2024 → 2567)."""
    return year_ce + BE_OFFSET


def fiscal_year_of(d: date) -> int:
    """The BE fiscal year containing ``d`` (October starts the next one)."""
    return ce_to_be(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy_be``: 1 Oct of N−1 to 30 Sep of N."""
    year_ce = be_to_ce(fy_be)
    return date(year_ce - 1, 10, 1), date(year_ce, 9, 30)


def fiscal_months(fy_be: int) -> list[YearMonth]:
    """The 12 ``(year_ce, month)`` of fiscal year ``fy_be``, October first."""
    year_ce = be_to_ce(fy_be)
    return [(year_ce - 1, m) for m in (10, 11, 12)] + [(year_ce, m) for m in range(1, 10)]


_YEAR = re.compile(r"(?:(?P<era>[พค])\.?\s?ศ\.?\s*)?(?P<num>[0-9]+)")


def parse_year(text: str) -> int:
    """Read a year and return it in CE: a 4-digit year above 2400 is BE, 2 digits are short BE."""
    match = _YEAR.fullmatch(to_arabic(text).strip())
    if not match:
        raise ThaiDateError(text, ACCEPTED_YEAR, "not a year")
    era, digits = match["era"], match["num"]
    number = int(digits)
    if len(digits) == 2 and era != "ค":
        return be_to_ce(2500 + number)
    if len(digits) != 4:
        raise ThaiDateError(text, ACCEPTED_YEAR, "a year needs 4 digits (or 2 for short BE)")
    is_be = era == "พ" or (era != "ค" and number >= PLAUSIBLE_BE[0])
    year_ce = be_to_ce(number) if is_be else number
    if not PLAUSIBLE_BE[0] <= ce_to_be(year_ce) <= PLAUSIBLE_BE[1]:
        raise ThaiDateError(text, ACCEPTED_YEAR, _implausible(number, is_be))
    return year_ce


def _implausible(number: int, is_be: bool) -> str:
    """Why a year is out of range, with the BE/CE reading the author may have meant."""
    low, high = PLAUSIBLE_BE
    if is_be:
        hint = f"; a CE year? write ค.ศ. {number}" if low <= ce_to_be(number) <= high else ""
        return f"BE year {number} is outside {low}-{high}{hint}"
    hint = f"; a BE year? write พ.ศ. {number}" if low <= number <= high else ""
    return f"CE year {number} (BE {ce_to_be(number)}) is outside BE {low}-{high}{hint}"


# --- months -----------------------------------------------------------------

def _key(token: str) -> str:
    """Drop dots and spaces: ``"ก. ย."``, ``"ก.ย"`` and ``"กย"`` share one key."""
    return re.sub(r"[.\s]", "", token).lower()


_MONTH_KEYS: dict[str, int] = {
    key: m.number
    for m in MONTHS
    for key in (_key(m.abbr), m.name_th, m.name_en.lower(), m.abbr_en.lower())
}
_MONTH_KEYS["กรกฏาคม"] = 7  # the common misspelling (ฏ for ฎ)
# Dotted words that look like months but are not.
_NOT_MONTHS = {
    "กพร": "not a month (ก.พ.ร. is the agency OPDC, February is ก.พ.)",
    "พศ": "not a month (พ.ศ. is the Buddhist-era marker)",
    "คศ": "not a month (ค.ศ. is the Christian-era marker)",
}
_THAI_ABBREVIATION = re.compile(r"[\u0E01-\u0E4E.\s]+")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance between two strings."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _nearest(token: str) -> tuple[str, ...]:
    """The valid names closest to an unknown Thai token, ties included."""
    if not _THAI_ABBREVIATION.fullmatch(token):
        return ()
    key = _key(token)
    if not key:
        return ()
    looks_abbreviated = "." in token or len(key) <= 3
    names = [m.abbr if looks_abbreviated else m.name_th for m in MONTHS]
    distances = [_distance(key, _key(name)) for name in names]
    best = min(distances)
    if not looks_abbreviated and best > 3:
        return ()
    return tuple(name for name, d in zip(names, distances, strict=False) if d == best)


def month_number(token: str) -> int:
    """Month 1–12 from ``"ก.ย."``, ``"ก.ย"``, ``"กันยายน"`` or ``"September"``.

    Raises:
        ThaiDateError: not a month; for a near miss the nearest months are named.
    """
    key = _key(token)
    if key in _MONTH_KEYS:
        return _MONTH_KEYS[key]
    if key in _NOT_MONTHS:
        raise ThaiDateError(token, ACCEPTED_MONTH, _NOT_MONTHS[key])
    raise ThaiDateError(token, ACCEPTED_MONTH, "unknown month", _nearest(token))


# --- long dates and ISO dates -----------------------------------------------

WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
"""Thai weekday names, Monday first (``date.weekday()`` order)."""
_WEEKDAY_ALIASES = {"พฤหัส": "พฤหัสบดี"}

_LONG_DATE = re.compile(
    r"(?:(?:ประกาศ|สั่ง)\s*)?(?:ณ\s*)?"
    r"(?:วัน\s*(?P<weekday>จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)\s*(?:ที่\s*)?|วันที่\s*)?"
    r"(?P<day>[0-9]{1,2})\s*(?:เดือน\s*)?(?P<month>[^0-9]+?)\s*"
    r"(?P<year>(?:[พค]\.?\s?ศ\.?\s*)?[0-9]{4})"
)
_ISO_DATE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})")


def _make_date(text: str, year_ce: int, month: int, day: int, accepted: str) -> date:
    """``date(...)``, or a ThaiDateError naming the day that does not exist."""
    try:
        return date(year_ce, month, day)
    except ValueError as exc:
        raise ThaiDateError(text, accepted, f"no such day ({exc})") from None


def _squash(text: str) -> str:
    """Arabic digits and single spaces, so line-wrapped cells read like typed ones."""
    return " ".join(to_arabic(text).split())


def parse_long_date(text: str) -> date:
    """Read ``"ประกาศ ณ วันที่ ๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗"`` or ``"10 มกราคม 2567"``."""
    match = _LONG_DATE.fullmatch(_squash(text))
    if not match:
        raise ThaiDateError(text, ACCEPTED_LONG_DATE, "not a long date")
    month = month_number(match["month"])
    year_ce = parse_year(match["year"])
    found = _make_date(text, year_ce, month, int(match["day"]), ACCEPTED_LONG_DATE)
    weekday = match["weekday"]
    if weekday:
        weekday = _WEEKDAY_ALIASES.get(weekday, weekday)
        actual = WEEKDAYS[found.weekday()]
        if weekday != actual:
            raise ThaiDateError(text, ACCEPTED_LONG_DATE, f"that day is a วัน{actual}, not a วัน{weekday}")
    return found


def parse_date(text: str) -> date:
    """Read ``"2567-01-15"`` (BE), ``"2024-01-15"`` (CE) or a long Thai date."""
    iso = _ISO_DATE.fullmatch(to_arabic(text).strip())
    if iso:
        year_ce = parse_year(iso["year"])
        return _make_date(text, year_ce, int(iso["month"]), int(iso["day"]), ACCEPTED_DATE)
    if _LONG_DATE.fullmatch(_squash(text)):
        return parse_long_date(text)
    raise ThaiDateError(text, ACCEPTED_DATE, "not a date")


def _digits(text: str, digits: Digits | None, lang: Lang) -> str:
    """Render digits in the requested system (Thai for ``th``, Arabic for ``en`` by default)."""
    system = digits or ("thai" if lang == "th" else "arabic")
    if system not in ("thai", "arabic"):
        raise ValueError(f"digits must be 'thai' or 'arabic', not {digits!r}")
    return to_thai(text) if system == "thai" else text


def _month(month: int) -> Month:
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month!r}")
    return MONTHS[month - 1]


def format_long_date(
    d: date, lang: Lang = "th", digits: Digits | None = None, style: Style = "notice"
) -> str:
    """``"๑๐ เดือน มกราคม พ.ศ. ๒๕๖๗"`` (notice), ``"๑๐ มกราคม ๒๕๖๗"`` (plain), ``"10 January 2024"`` (en)."""
    month = _month(d.month)
    if lang == "en":
        text = f"{d.day} {month.name_en} {d.year}"
    elif lang == "th" and style == "notice":
        text = f"{d.day} เดือน {month.name_th} พ.ศ. {ce_to_be(d.year)}"
    elif lang == "th" and style == "plain":
        text = f"{d.day} {month.name_th} {ce_to_be(d.year)}"
    else:
        raise ValueError(f"unsupported lang/style: {lang!r}/{style!r}")
    return _digits(text, digits, lang)


def format_month(year_ce: int, month: int, lang: Lang = "th", digits: Digits | None = None) -> str:
    """``"ต.ค. ๒๕๖๖"`` (th, BE) or ``"Oct 2023"`` (en, CE)."""
    m = _month(month)
    if lang == "th":
        text = f"{m.abbr} {ce_to_be(year_ce)}"
    elif lang == "en":
        text = f"{m.abbr_en} {year_ce}"
    else:
        raise ValueError(f"lang must be 'th' or 'en', not {lang!r}")
    return _digits(text, digits, lang)
