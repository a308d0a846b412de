"""Header fields of the plan form (``ชื่อองค์ความรู้ที่เลือก : …``) and the narrative headings."""

from __future__ import annotations

import re

# label pattern (spaces free) → plan-section key; order matters (longer labels first)
_FIELDS: tuple[tuple[str, str], ...] = (
    (r"ชื่อองค์ความรู้ที่เลือก|องค์ความรู้ที่จำเป็น(?:\(K\))?|ชื่อองค์ความรู้", "knowledge"),
    (r"เจ้าภาพ(?:ผู้รับผิดชอบ)?(?:ของ)?(?:องค์ความรู้)?", "owner"),
    (r"ประเด็นยุทธศาสตร์(?:ที่)?", "strategic_issue"),
    (r"เหตุผลที่เลือก(?:องค์ความรู้)?", "reason"),
    (r"ตัวชี้วัดผลสัมฤทธิ์|ตัวชี้วัด\(KPI\)ตามคำรับรอง|ตัวชี้วัดตามคำรับรอง", "outcome_kpis"),
    (r"เป้าหมายตัวชี้วัดตามคำรับรอง", "kpi_target"),
    (r"เป้าหมายKM(?:\(DesiredState\))?|DesiredState", "desired_state"),
    (r"หน่วยที่วัดผลได้เป็นรูปธรรม", "measurable_unit"),
    (r"ประเภท(?:ของ)?องค์ความรู้", "knowledge_type"),
    (r"ชื่อหน่วยงาน|ชื่อส่วนราชการ(?:/จังหวัด)?|หน่วยงาน", "unit"),
    (r"ผู้ทบทวน", "reviewer"),
    (r"ผู้อนุมัติ", "approver"),
)
_FIELD_RES = [(re.compile(rf"^\s*(?:{pattern})\s*[:：]\s*(?P<value>.+)$", re.S), key) for pattern, key in _FIELDS]


def _squash_label(text: str) -> tuple[str, str]:
    """Split ``label : value`` and drop spaces from the label only."""
    label, sep, value = text.partition(":")
    if not sep:
        label, sep, value = text.partition("：")
    return re.sub(r"\s+", "", label), value


def header_field(text: str) -> tuple[str, str] | None:
    """(section key, value) of a form header line, or None."""
    label, value = _squash_label(text)
    if not value.strip():
        return None
    for regex, key in _FIELD_RES:
        if regex.match(f"{label}:{value}"):
            return key, " ".join(value.split())
    return None


NARRATIVE: tuple[tuple[str, str], ...] = (
    (r"ขอบเขตKM|KMFocusArea|ขอบเขตการจัดการความรู้", "focus_areas"),
    (r"เป้าหมายKM|DesiredState|เป้าหมายการจัดการความรู้", "desired_states"),
    (r"ปัจจัยแห่งความสำเร็จ|KeySuccessFactor", "success_factors"),
)
COMMITTEE_HEADING = re.compile(r"คณะทำงาน|คณะกรรมการ|คณะผู้จัดทำ|KMTeam|ทีมงาน")


def narrative_heading(text: str) -> str | None:
    """The plan list a short heading introduces (focus areas, desired states, success factors)."""
    squashed = re.sub(r"\s+", "", text)
    if len(squashed) > 90:
        return None
    squashed = re.sub(r"^[-•*#·]*(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[.)]*)?", "", squashed)  # numbering and markup
    for pattern, key in NARRATIVE:
        if re.match(pattern, squashed, re.IGNORECASE):
            return key
    return None


LIST_ITEM = re.compile(r"^\s*(?:[-•*·]\s*)?\(?(?:(?P<multi>[0-9๐-๙]+(?:\.[0-9๐-๙]+)+)\.?\s+"
                       r"|[0-9๐-๙]+\s*(?P<style>\)\.|\)|\.))\s*(?P<body>\S.*)$", re.S)
BULLET_ITEM = re.compile(r"^\s*[-•*·]\s+(?P<body>\S.*)$", re.S)
SECTION_HEADING = re.compile(r"^\s*[0-9๐-๙]+\s*\.?\s*[^\s0-9๐-๙)]")


def list_item(text: str) -> tuple[str, str] | None:
    """(marker style, body) of a numbered list item such as ``๑) …``, ``๒). …``, ``- ๓) …``."""
    match = LIST_ITEM.match(text)
    if not match:
        return None
    return ("x.y" if match.group("multi") else match.group("style")), match.group("body").strip()
