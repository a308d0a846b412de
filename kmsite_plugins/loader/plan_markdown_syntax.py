"""The words of the Markdown plan form: headings and field labels the parser accepts and the writer uses.

A plan in Markdown (``plans/<org>/plans/<year>.md``) names its parts with the Thai words
of the printed OPDC form. Each entry here is ``key → (label written by the writer,
other accepted spellings…)``; the model's key itself (``period``) is accepted too.
Labels match whatever their spacing and case (``เอกสารที่แสดงผลสำเร็จ ของงาน``).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model.plan import CELL_COLUMNS

PARTS: Mapping[str, tuple[str, ...]] = {
    "focus_areas": ("ขอบเขต KM (KM Focus Areas)", "ขอบเขต KM", "ขอบเขตการจัดการความรู้", "KM Focus Areas"),
    "desired_states": ("เป้าหมาย KM (Desired State)", "เป้าหมาย KM", "เป้าหมายการจัดการความรู้", "Desired State"),
    "success_factors": ("ปัจจัยแห่งความสำเร็จ (Key Success Factors)", "ปัจจัยแห่งความสำเร็จ", "Key Success Factor"),
}
"""Level-2 headings (``## …``) of the plan's narrative lists; a heading matches when it starts with a label."""

TABLE_KINDS: Mapping[str, tuple[str, ...]] = {
    "cmp": ("กระบวนการบริหารจัดการการเปลี่ยนแปลง (Change Management Process)", "บริหารจัดการการเปลี่ยนแปลง",
            "Change Management", "CMP"),
    "kmp": ("กระบวนการจัดการความรู้ (KM Process)", "กระบวนการจัดการความรู้", "KM Process", "KMP"),
}
"""Level-3 headings (``### …``) of activity tables; a heading matches when it contains a label (CMP tried first)."""

SECTION_FIELDS: Mapping[str, tuple[str, ...]] = {
    "knowledge": ("ชื่อองค์ความรู้ที่เลือก", "องค์ความรู้ที่เลือก", "ชื่อองค์ความรู้", "องค์ความรู้ที่จำเป็น"),
    "knowledge_type": ("ประเภทองค์ความรู้",),
    "owner": ("เจ้าภาพผู้รับผิดชอบองค์ความรู้", "เจ้าภาพผู้รับผิดชอบขององค์ความรู้", "เจ้าภาพผู้รับผิดชอบ", "เจ้าภาพ"),
    "owner_ref": ("รหัสเจ้าภาพ",),
    "strategic_issue": ("ประเด็นยุทธศาสตร์", "ประเด็นยุทธศาสตร์ที่"),
    "reason": ("เหตุผลที่เลือกองค์ความรู้", "เหตุผลที่เลือก"),
    "outcome_kpis": ("ตัวชี้วัดผลสัมฤทธิ์",),
    "desired_state": ("เป้าหมาย KM (Desired State)", "เป้าหมาย KM"),
    "measurable_unit": ("หน่วยที่วัดผลได้เป็นรูปธรรม",),
}
"""``- label: value`` items under a section heading (``## … {#id}``)."""

SECTION_LISTS = ("outcome_kpis",)
"""Section fields that hold a list (one nested ``- item`` each)."""

TABLE_FIELDS: Mapping[str, tuple[str, ...]] = {"title": ("ชื่อตาราง",)}
"""``- label: value`` items under a table heading, before its rows."""

COLUMN_HEADERS: Mapping[str, tuple[str, ...]] = {
    "no": ("ลำดับ", "ที่", "ลำดับที่"),
    "activity": ("กิจกรรม", "กิจกรรมการจัดการความรู้", "โครงการ/กิจกรรม", "กิจกรรม/โครงการ"),
    "method": ("วิธีการสู่ความสำเร็จ", "วิธีจัดการสู่ความสำเร็จ", "วิธีการ", "วิธีการดำเนินการ"),
    "period": ("ระยะเวลา", "ระยะเวลาดำเนินการ", "ช่วงเวลา"),
    "indicator": ("ตัวชี้วัด", "ตัวชี้วัด (KPI)", "ตัวชี้วัดความสำเร็จ"),
    "indicator_target": ("เป้าหมายตัวชี้วัด", "เป้าหมายของตัวชี้วัด", "ค่าเป้าหมาย"),
    "goal": ("เป้าหมาย",),
    "target_group": ("กลุ่มเป้าหมาย",),
    "responsible": ("ผู้รับผิดชอบ", "ผู้รับผิดชอบหลัก"),
    "evidence": ("เอกสารที่แสดงผลสำเร็จของงาน", "เอกสาร/หลักฐาน", "หลักฐานแสดงผลสำเร็จ"),
    "status": ("สถานะ",),
    "remarks": ("หมายเหตุ",),
}
"""Column headers of activity tables; the first is our default (the page's own label)."""

ROW_FIELDS: Mapping[str, tuple[str, ...]] = {
    "id": ("รหัส", "รหัสกิจกรรม"),
    "step": ("ขั้นตอน", "ขั้นตอน KM"),
    "responsible_refs": ("รหัสผู้รับผิดชอบ",),
}
"""Row fields that are not columns of the printed table (extra table columns or ``- label:`` items)."""

CORRECTION_PREFIX = "แก้ไข"
"""``- แก้ไข ระยะเวลา: <corrected value>`` then ``เหตุผล: <note>`` on a following line."""

CORRECTION_NOTE = ("เหตุผล", "note")


def norm(label: str) -> str:
    """The form labels are compared in: no spaces, no bold markers, case-folded."""
    return "".join(label.replace("**", "").split()).casefold()


def split_key_suffix(label: str) -> tuple[str, str | None]:
    """``"ที่ (no)"`` → ``("ที่", "no")``: an author's own header for a known column; else ``(label, None)``."""
    text = label.strip()
    if text.endswith(")") and "(" in text:
        head, _, key = text[:-1].rpartition("(")
        if key.strip() in CELL_COLUMNS and head.strip():
            return head.strip(), key.strip()
    return text, None


def lookup(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Normalised label (and the key itself) → key."""
    found: dict[str, str] = {}
    for key, labels in table.items():
        for label in (key, *labels):
            found.setdefault(norm(label), key)
    return found


def header_key(header: str) -> tuple[str | None, str | None]:
    """A table header → ``(column key, header to keep)``; the header is None when it is our default.

    ``(None, None)`` when the header names no column.
    """
    text, key = split_key_suffix(header)
    if key:
        return key, text
    for k, labels in COLUMN_HEADERS.items():
        if text in (k, labels[0]):
            return k, None
    key = lookup(COLUMN_HEADERS).get(norm(text))
    return (key, text) if key else (None, None)


def written_header(key: str, header: str | None) -> str:
    """The header the writer prints for a column; reads back as the same ``(key, header)``."""
    if header is None:
        return COLUMN_HEADERS[key][0]
    return header if header_key(header) == (key, header) else f"{header} ({key})"


def accepted(table: Mapping[str, tuple[str, ...]]) -> str:
    """The writer's labels of a table, for messages."""
    return ", ".join(labels[0] for labels in table.values())
