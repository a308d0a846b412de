"""KM Action Plans: selected knowledge, KM-process and change-management tables.

Every cell keeps the author's raw Thai text. Where the source has a defect
(an invalid month, a wrong number), ``corrections`` carries the corrected value
beside the raw one; parsers read the correction, pages show both.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Annotated, Literal, Optional

from pydantic import BeforeValidator, Field, PrivateAttr, model_validator

from ..thai.digits import to_arabic
from .base import Id, Ref, StrictModel, Text, ThaiInt
from .progress import ActivityStatus, ProgressReport
from .values import ActivityPeriod, read_period
from .worksheet import Worksheet

ColumnKey = Literal[
    "no", "activity", "method", "period", "indicator", "indicator_target", "goal",
    "target_group", "responsible", "evidence", "status", "remarks",
]
CELL_COLUMNS: tuple[str, ...] = ColumnKey.__args__  # type: ignore[attr-defined]

KMP_STEPS = tuple(f"KMP{i}" for i in range(1, 8))
CMP_STEPS = tuple(f"CMP{i}" for i in range(1, 7))
STEPS = KMP_STEPS + CMP_STEPS + ("REC",)


def _step(value: object) -> object:
    """Accept 'KMP 1', 'kmp๑', 'CMP-3'; 'REC' is the recognition row some KMP tables add."""
    if isinstance(value, str):
        text = re.sub(r"[\s\-_]", "", to_arabic(value)).upper()
        if text in STEPS:
            return text
        raise ValueError(f"'{value}' is not a KM step: use KMP1..KMP7, CMP1..CMP6 or REC (recognition)")
    return value


Step = Annotated[str, BeforeValidator(_step)]


class TableKind(str, Enum):
    KMP = "kmp"  # KM Process (กระบวนการจัดการความรู้)
    CMP = "cmp"  # Change Management Process (กระบวนการบริหารจัดการการเปลี่ยนแปลง)


class Column(StrictModel):
    key: ColumnKey
    header: Optional[Text] = None  # the author's header when it differs from ours


def _column(value: object) -> object:
    return {"key": value} if isinstance(value, str) else value


class Correction(StrictModel):
    value: Text
    note: Text


class Activity(StrictModel):
    """One row of a plan table; cells are the author's text."""

    id: Optional[Id] = None  # lets progress reports name the row
    no: Optional[Text] = None
    step: Optional[Step] = None
    activity: Text
    method: Optional[Text] = None
    period: Optional[Text] = None
    indicator: Optional[Text] = None
    indicator_target: Optional[Text] = None
    goal: Optional[Text] = None
    target_group: Optional[Text] = None
    responsible: Optional[Text] = None
    responsible_refs: list[Ref] = Field(default_factory=list)
    evidence: Optional[Text] = None
    status: Optional[ActivityStatus] = None
    remarks: Optional[Text] = None
    corrections: dict[ColumnKey, Correction] = Field(default_factory=dict)
    _period: Optional[ActivityPeriod] = PrivateAttr(default=None)

    @property
    def parsed_period(self) -> Optional[ActivityPeriod]:
        """The period cell (corrected) read with the plan's fiscal year; None when the row has no period.

        Read once, when the plan is validated (``Plan._read_periods``).
        """
        return self._period

    @property
    def title(self) -> str:
        """The first line of the activity cell (its heading, without the bullet list)."""
        lines = [line.strip() for line in self.activity.splitlines() if line.strip()]
        return lines[0] if lines else ""

    def cell(self, key: str) -> Optional[str]:
        return getattr(self, key)

    def corrected(self, key: str) -> Optional[str]:
        """The corrected value of a cell when the author's text has a known defect."""
        fix = self.corrections.get(key)  # type: ignore[call-overload]
        return fix.value if fix else self.cell(key)


class ActivityTable(StrictModel):
    kind: TableKind
    title: Optional[Text] = None
    columns: list[Annotated[Column, BeforeValidator(_column)]] = Field(min_length=1)
    rows: list[Activity] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_have_columns(self) -> ActivityTable:
        keys = {c.key for c in self.columns}
        for i, row in enumerate(self.rows):
            for key in CELL_COLUMNS:
                if key not in keys and key not in ("status",) and row.cell(key):
                    raise ValueError(
                        f"row {i + 1} fills '{key}' but the table's columns do not include it "
                        f"(columns: {', '.join(sorted(keys))})"
                    )
        return self


class PlanSection(StrictModel):
    """One selected knowledge (or desired state) with its activity tables."""

    id: Id
    knowledge: Optional[Text] = None  # ชื่อองค์ความรู้ที่เลือก
    knowledge_type: Optional[Text] = None  # ประเภทองค์ความรู้
    owner: Optional[Text] = None  # เจ้าภาพผู้รับผิดชอบ (as written)
    owner_ref: Optional[Ref] = None
    strategic_issue: Optional[Text] = None
    reason: Optional[Text] = None
    outcome_kpis: list[Text] = Field(default_factory=list)
    desired_state: Optional[Text] = None
    measurable_unit: Optional[Text] = None  # หน่วยที่วัดผลได้เป็นรูปธรรม
    tables: list[ActivityTable] = Field(min_length=1)

    @property
    def heading(self) -> str:
        return self.knowledge or self.desired_state or self.id


class Plan(StrictModel):
    """``plans/<slug>/plans/<key>.yml``: one KM plan of one fiscal year."""

    title: Text
    title_en: Optional[Text] = None
    fiscal_year: Optional[ThaiInt] = Field(default=None, ge=2400, le=2700)
    unit: Optional[Text] = None  # ชื่อหน่วยงาน as written on the plan form
    focus_areas: list[Text] = Field(default_factory=list)
    desired_states: list[Text] = Field(default_factory=list)
    success_factors: list[Text] = Field(default_factory=list)
    sections: list[PlanSection] = Field(min_length=1)
    reviewer: Optional[Ref] = None  # ผู้ทบทวน (CKO)
    approver: Optional[Ref] = None  # ผู้อนุมัติ (CEO)
    worksheets: list[Worksheet] = Field(default_factory=list)  # KPI / knowledge selection sheets
    progress: list[ProgressReport] = Field(default_factory=list)  # 6-, 9- and 12-month reports

    @model_validator(mode="after")
    def _read_periods(self) -> Plan:
        """Read every period cell once, with this plan's fiscal year (months written without a year need it)."""
        for _, _, _, row in self.rows():
            text = row.corrected("period")
            row._period = read_period(text, self.fiscal_year) if text else None
        return self

    def rows(self) -> Iterator[tuple[tuple, PlanSection, ActivityTable, Activity]]:
        """Every activity row with its YAML location ``("sections", s, "tables", t, "rows", r)``."""
        for s, section in enumerate(self.sections):
            for t, table in enumerate(section.tables):
                for r, row in enumerate(table.rows):
                    yield ("sections", s, "tables", t, "rows", r), section, table, row


def activity_ids(plan: Plan) -> list[str]:
    """The ids of the plan's activity rows, in plan order (repeats kept)."""
    return [row.id for _, _, _, row in plan.rows() if row.id]
