"""Which KM step (KMP1-7, REC) or change element (CMP1-6) an activity is, read from its own text.

An explicit code wins (``(KMP ๕)``, ``CMP-3``, the typo ``KMIP ๑``); otherwise the OPDC step name
that appears earliest in the text (``การเข้าถึงความรู้…`` → KMP5). Names are compared without spaces,
so line-wrap spaces do not hide them.
"""

from __future__ import annotations

import re

from ..thai.digits import to_arabic

KMP_NAMES: dict[str, tuple[str, ...]] = {
    "KMP1": ("การบ่งชี้ความรู้", "บ่งชี้ความรู้", "การค้นหาความรู้"),
    "KMP2": ("การสร้างและแสวงหาความรู้", "สร้างและแสวงหาความรู้", "การแสวงหาความรู้"),
    "KMP3": ("การจัดความรู้ให้เป็นระบบ", "การจัดการความรู้ให้เป็นระบบ", "จัดความรู้ให้เป็นระบบ"),
    "KMP4": ("การประมวลและกลั่นกรองความรู้", "ประมวลและกลั่นกรองความรู้", "การกลั่นกรองความรู้"),
    "KMP5": ("การเข้าถึงความรู้", "เข้าถึงความรู้"),
    "KMP6": ("การแบ่งปันแลกเปลี่ยนความรู้", "แบ่งปันแลกเปลี่ยนความรู้", "การแลกเปลี่ยนความรู้"),
    "KMP7": ("การเรียนรู้",),
    "REC": ("การยกย่องชมเชย",),
}
CMP_NAMES: dict[str, tuple[str, ...]] = {
    "CMP1": ("การเตรียมการและปรับเปลี่ยนพฤติกรรม", "การเตรียมการ", "ปรับเปลี่ยนพฤติกรรม"),
    "CMP2": ("การสื่อสาร",),
    "CMP3": ("กระบวนการและเครื่องมือ",),
    "CMP4": ("การฝึกอบรมและการเรียนรู้", "การเรียนรู้", "การฝึกอบรม"),
    "CMP5": ("การวัดผล",),
    "CMP6": ("การยกย่องชมเชยและให้รางวัล", "การยกย่องชมเชยและการให้รางวัล", "การยกย่องชมเชย", "การให้รางวัล"),
}
_CODE = re.compile(r"\b(KMI?P|CMP)\s*[-.]?\s*([0-9])", re.IGNORECASE)

KMP_TITLE = re.compile(r"KM\s*Process|Knowledge\s*Management\s*Process|กระบวนการจัดการความรู้", re.IGNORECASE)
CMP_TITLE = re.compile(r"Change\s*Management|กระบวนการบริหารจัดการการเปลี่ยนแปลง|การบริหารการเปลี่ยนแปลง",
                       re.IGNORECASE)


def explicit_step(text: str) -> tuple[str, str] | None:
    """``("KMP5", "KMP ๕")`` for a written code, the second item as written; None without one."""
    match = _CODE.search(to_arabic(text))
    if not match:
        return None
    prefix = "CMP" if match.group(1).upper() == "CMP" else "KMP"
    number = int(match.group(2))
    limit = 6 if prefix == "CMP" else 7
    if not 1 <= number <= limit:
        return None
    start, end = match.span()
    return f"{prefix}{number}", text[start:end]


def named_step(text: str, kind: str | None) -> str | None:
    """The step whose name appears earliest in ``text``; ``kind`` (kmp/cmp) limits the names tried."""
    squashed = re.sub(r"\s+", "", text)
    tables = [KMP_NAMES, CMP_NAMES] if kind is None else [KMP_NAMES if kind == "kmp" else CMP_NAMES]
    best: tuple[int, int, str] | None = None
    for names in tables:
        for step, variants in names.items():
            for name in variants:
                pos = squashed.find(name)
                if pos >= 0:
                    candidate = (pos, -len(name), step)
                    if best is None or candidate < best:
                        best = candidate
    return best[2] if best else None


def step_of(text: str, kind: str | None) -> tuple[str | None, str | None]:
    """(step, written code) of an activity; the code is None when the step came from its name."""
    found = explicit_step(text)
    if found:
        return found
    return named_step(text, kind), None


def kind_of_title(text: str) -> str | None:
    """``cmp`` or ``kmp`` when a title or section row names the table's process, else None."""
    if CMP_TITLE.search(text):
        return "cmp"
    if KMP_TITLE.search(text):
        return "kmp"
    return None
