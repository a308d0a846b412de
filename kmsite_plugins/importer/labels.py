"""Column headers of the OPDC forms, by their Thai labels and the variants organisations write.

Labels are compared without spaces and trailing punctuation, so ``เอกสารที่แสดงผลสำเร็จ ของงาน``
(a line-wrap space) and ``ผู้รับผิดชอบ :`` are recognised. Keys of activity tables are the plan
model's column keys; other tables (topics, rosters, selection, worksheets) have their own keys.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.plan import CELL_COLUMNS

_LABELS: dict[str, tuple[str, ...]] = {
    # activity tables (แบบฟอร์ม 2 and its variants)
    "no": ("ลำดับ", "ลำดับที่", "ที่", "ข้อ", "no"),
    "activity": ("กิจกรรม", "กิจกรรมการจัดการความรู้", "กิจกรรม/โครงการ", "โครงการ/กิจกรรม", "ขั้นตอน/กิจกรรม",
                 "กิจกรรมที่ดำเนินการ", "กระบวนการ/กิจกรรม"),
    "method": ("วิธีการสู่ความสำเร็จ", "วิธีการ", "วิธีดำเนินการ", "วิธีการดำเนินการ", "วิธีจัดการสู่ความสำเร็จ",
               "วิธีการดำเนินงาน"),
    "period": ("ระยะเวลา", "ระยะเวลาดำเนินการ", "ระยะเวลาดำเนินงาน", "ช่วงเวลา", "ช่วงเวลาดำเนินการ"),
    "indicator": ("ตัวชี้วัด", "ตัวชี้วัดความสำเร็จ", "ตัวชี้วัด(kpi)"),
    "indicator_target": ("เป้าหมายตัวชี้วัด", "ค่าเป้าหมาย", "ค่าเป้าหมายตัวชี้วัด", "เป้าหมายของตัวชี้วัด"),
    "goal": ("เป้าหมาย", "ผลที่คาดว่าจะได้รับ"),
    "target_group": ("กลุ่มเป้าหมาย", "กลุ่มเป้าหมายผู้เข้าร่วม"),
    "responsible": ("ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "ผู้รับผิดชอบหลัก", "หน่วยงานรับผิดชอบ"),
    "evidence": ("เอกสารที่แสดงผลสำเร็จของงาน", "เอกสารที่แสดงผลสำเร็จ", "หลักฐานแสดงผลสำเร็จ", "หลักฐาน"),
    "status": ("สถานะ", "สถานะการดำเนินงาน", "สถานะการดำเนินการ"),
    "remarks": ("หมายเหตุ",),
    # knowledge identification (who knows what)
    "topic": ("เรื่อง", "องค์ความรู้", "ชื่อองค์ความรู้", "ความรู้ที่จำเป็น", "องค์ความรู้ที่จำเป็น", "หัวข้อความรู้"),
    "department": ("ส่วนราชการ", "หน่วยงาน", "สำนัก/กอง", "กอง/สำนัก", "ส่วนราชการ/หน่วยงาน"),
    "holders": ("ผู้มีความรู้", "ผู้ถือความรู้", "ผู้รู้", "บุคคลที่มีความรู้", "ผู้มีองค์ความรู้"),
    # KM team rosters (ใบงานที่ 5 / 6)
    "name": ("ชื่อ-สกุล", "ชื่อ-นามสกุล", "ชื่อสกุล", "ชื่อ"),
    "position": ("ตำแหน่ง", "ตำแหน่งงาน"),
    "role": ("ทำหน้าที่เป็น", "บทบาท", "หน้าที่", "ทำหน้าที่"),
    "contact": ("หมายเลขโทรศัพท์e-mail", "หมายเลขโทรศัพท์", "โทรศัพท์", "e-mail", "email", "หมายเลขโทรศัพท์/e-mail"),
    # knowledge selection (ตารางองค์ความรู้ที่เลือก)
    "selected": ("องค์ความรู้ที่เลือก", "ชื่อองค์ความรู้ที่เลือก"),
    "knowledge_type": ("ประเภทขององค์ความรู้", "ประเภทองค์ความรู้", "ประเภท"),
    "reason": ("เหตุผลที่เลือก", "เหตุผลที่เลือกองค์ความรู้"),
    # selection worksheets (ใบงานที่ 2 / 4)
    "criterion": ("เกณฑ์", "เกณฑ์การพิจารณา", "ปัจจัย", "เกณฑ์การคัดเลือก", "ปัจจัยที่ใช้พิจารณา", "เกณฑ์การให้คะแนน"),
}


def normalise_label(text: str) -> str:
    return re.sub(r"[\s:：*]+", "", text).strip(".").lower()


_BY_LABEL: dict[str, str] = {normalise_label(label): key for key, labels in _LABELS.items() for label in labels}

ACTIVITY_KEYS = frozenset(CELL_COLUMNS)


def header_key(text: str) -> str | None:
    """The column key of a header label, or None when the text is not a known header."""
    return _BY_LABEL.get(normalise_label(text))


def header_keys(texts: Sequence[str]) -> list[str | None]:
    return [header_key(t) if t.strip() else None for t in texts]


def table_kind(texts: Sequence[str]) -> str | None:
    """What a header row heads: ``activity``, ``topics``, ``roster``, ``selection``, or None."""
    known = [k for k in header_keys(texts) if k]
    keys = set(known)
    filled = [t for t in texts if t.strip()]
    if "activity" in keys and len(keys & ACTIVITY_KEYS) >= 3 and 2 * len(known) >= len(filled):
        return "activity"  # columns the model has no key for (งบประมาณ …) stay, as leftovers
    if len(filled) < 2 or len(keys) < max(2, len(filled) - 1):
        return None  # any other header row is (nearly) all labels
    if "selected" in keys:
        return "selection"
    if "holders" in keys and "topic" in keys:
        return "topics"
    if "name" in keys or ("position" in keys and "role" in keys):
        return "roster"
    return None
