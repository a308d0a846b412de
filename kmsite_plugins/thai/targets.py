"""Indicator targets (เป้าหมายตัวชี้วัด) such as ``อย่างน้อยร้อยละ ๘๐``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .digits import to_arabic

__all__ = ["Comparator", "Target", "UNITS", "parse_target"]

Comparator = Literal["at_least", "more_than", "not_less_than"]

UNITS = ("ช่องทาง", "เรื่อง", "รายการ", "ครั้ง", "ตัวอย่าง", "คน")
_COMPARATORS: dict[str, Comparator] = {
    "อย่างน้อย": "at_least",
    "ไม่น้อยกว่า": "not_less_than",
    "มากกว่า": "more_than",
}
_PER = r"(?:ปี|เดือน|ไตรมาส|สัปดาห์|วัน)ละ"

# A quantity: [per] [comparator] [per] [จำนวน] [ร้อยละ] number [unit].
# "ไม่มากกว่า" (not more than) must not read as "มากกว่า".
_QUANTITY = re.compile(
    rf"(?P<per1>{_PER})?\s*"
    r"(?P<cmp>อย่างน้อย|ไม่น้อยกว่า|(?<!ไม่)มากกว่า)?\s*"
    rf"(?P<per2>{_PER})?\s*"
    r"(?P<count>จำนวน)?\s*"
    r"(?P<percent>ร้อยละ)?\s*"
    r"(?P<number>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)\s*"
    rf"(?P<unit>%|{'|'.join(UNITS)})?"
)


@dataclass(frozen=True)
class Target:
    """A target as written; fields are ``None`` where the text does not say."""

    raw: str
    comparator: Comparator | None = None
    number: float | None = None
    unit: str | None = None
    """``"percent"`` for ร้อยละ or %, else the Thai unit word as written."""
    per: str | None = None
    """How often, e.g. ``"ปีละ"`` (per year)."""


def parse_target(raw: str) -> Target:
    """Read the first quantity of a target cell; free text gives an empty Target.

    A number counts only with a comparator, ``จำนวน``, ``ร้อยละ``/``%`` or a unit,
    so a stray year (``ปีพ.ศ. ๒๕๖๗``) or list number is not taken for a target.
    """
    text = " ".join(to_arabic(raw).split())
    for match in _QUANTITY.finditer(text):
        if not any(match[g] for g in ("cmp", "count", "percent", "unit")):
            continue
        percent = match["percent"] or match["unit"] == "%"
        return Target(
            raw=raw,
            comparator=_COMPARATORS[match["cmp"]] if match["cmp"] else None,
            number=float(match["number"].replace(",", "")),
            unit="percent" if percent else match["unit"],
            per=match["per1"] or match["per2"],
        )
    return Target(raw=raw)
