"""The other sheets of the OPDC KM toolkit a plan may carry: worksheets 1 and 3, form 1 and the
sufficiency-economy grid. Every cell is the author's text; nothing here is computed."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .base import StrictModel, Text


class KpiRow(StrictModel):
    """A row of worksheet 1: a KPI of the performance agreement and who answers for it."""

    no: Optional[Text] = None  # ตัวชี้วัดที่
    kpi: Text  # ชื่อตัวชี้วัดตามคำรับรองการปฏิบัติราชการ
    agencies: Optional[Text] = None  # ส่วนราชการที่รับผิดชอบ
    remarks: Optional[Text] = None  # หมายเหตุ


class KpiSummary(StrictModel):
    """ใบงานที่ 1: the KPIs of one strategic issue."""

    strategic_issue: Optional[Text] = None  # ประเด็นยุทธศาสตร์ที่ …
    goal: Optional[Text] = None  # เป้าประสงค์ …
    year: Optional[Text] = None  # (ปี …) as written
    rows: list[KpiRow] = Field(min_length=1)
    example: bool = False  # invented demo content, shown as such


class ProcessStep(StrictModel):
    """A row of worksheet 3: one work process step, the knowledge it needs, the agencies involved."""

    step: Text  # กระบวนการทำงาน
    knowledge: Optional[Text] = None  # องค์ความรู้ที่จำเป็น
    agencies: Optional[Text] = None  # ส่วนราชการที่เกี่ยวข้อง


class ProcessKnowledge(StrictModel):
    """ใบงานที่ 3: the knowledge needed by each work process of one KPI."""

    strategic_issue: Optional[Text] = None
    kpi: Optional[Text] = None  # ตัวชี้วัด
    steps: list[ProcessStep] = Field(min_length=1)
    example: bool = False  # invented demo content, shown as such


class KnowledgeClass(StrictModel):
    """A row of form 1: a piece of knowledge needed and its classification."""

    knowledge: Text  # องค์ความรู้ที่จำเป็น
    knowledge_type: Optional[Text] = None  # ประเภทองค์ความรู้ (e.g. ความรู้ฝังลึก / ความรู้ชัดแจ้ง) as written
    source: Optional[Text] = None  # แหล่งความรู้ / ผู้มีความรู้ as written
    remarks: Optional[Text] = None


class KnowledgeClassification(StrictModel):
    """แบบฟอร์ม 1: the knowledge needed for one strategic issue, classified."""

    strategic_issue: Optional[Text] = None
    rows: list[KnowledgeClass] = Field(min_length=1)
    example: bool = False  # invented demo content, shown as such


class SufficiencyGrid(StrictModel):
    """การนำปรัชญาของเศรษฐกิจพอเพียงประกอบการพิจารณากำหนดองค์ความรู้: one strategic issue."""

    strategic_issue: Optional[Text] = None
    moderation: Optional[Text] = None  # ความพอประมาณ
    reasonableness: Optional[Text] = None  # ความมีเหตุมีผล
    immunity: Optional[Text] = None  # ความมีภูมิคุ้มกันที่ดี
    knowledge_condition: Optional[Text] = None  # เงื่อนไขความรู้
    virtue_condition: Optional[Text] = None  # เงื่อนไขคุณธรรม
    km_scope: Optional[Text] = None  # องค์ประกอบที่จำเป็น หรือขอบเขต KM คือ …
    example: bool = False  # invented demo content, shown as such
