"""Knowledge assets: front matter of ``plans/<slug>/knowledge/<asset-slug>.md``.

Authors may write the English code (``tacit``, ``manual``) or the Thai word
(``ความรู้ฝังลึก``, ``คู่มือ``) for the type, form and review status; the model
keeps the code.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text, Visibility, alias_validator
from .plan import Step
from .values import ThaiDate


class KnowledgeType(str, Enum):
    TACIT = "tacit"  # ความรู้ฝังลึก
    EXPLICIT = "explicit"  # ความรู้ชัดแจ้ง


class AssetForm(str, Enum):
    MANUAL = "manual"  # คู่มือ
    LESSONS_LEARNED = "lessons_learned"  # ถอดบทเรียน
    REPORT = "report"  # รายงาน
    MINUTES = "minutes"  # รายงานการประชุม
    TRAINING_SUMMARY = "training_summary"  # สรุปการอบรม
    REGULATION = "regulation"  # ระเบียบ / กฎหมาย
    ELEARNING = "elearning"  # บทเรียนออนไลน์
    VIDEO = "video"  # วีดิทัศน์
    ARTICLE = "article"  # บทความ
    CHECKLIST = "checklist"  # รายการตรวจสอบ
    OTHER = "other"  # อื่น ๆ


class ReviewStatus(str, Enum):
    DRAFT = "draft"  # ฉบับร่าง: never public
    REVIEWED = "reviewed"  # ทบทวนแล้ว
    APPROVED = "approved"  # อนุมัติแล้ว
    OUTDATED = "outdated"  # ล้าสมัย


TYPE_ALIASES: dict[str, KnowledgeType] = {
    "ความรู้ฝังลึก": KnowledgeType.TACIT, "ความรู้ที่ฝังอยู่ในคน": KnowledgeType.TACIT,
    "tacit knowledge": KnowledgeType.TACIT,
    "ความรู้ชัดแจ้ง": KnowledgeType.EXPLICIT, "ความรู้ที่ชัดเจน": KnowledgeType.EXPLICIT,
    "explicit knowledge": KnowledgeType.EXPLICIT,
}

FORM_ALIASES: dict[str, AssetForm] = {
    "คู่มือ": AssetForm.MANUAL, "คู่มือการปฏิบัติงาน": AssetForm.MANUAL,
    "ถอดบทเรียน": AssetForm.LESSONS_LEARNED, "บทเรียน": AssetForm.LESSONS_LEARNED,
    "รายงาน": AssetForm.REPORT,
    "รายงานการประชุม": AssetForm.MINUTES, "บันทึกการประชุม": AssetForm.MINUTES,
    "สรุปการอบรม": AssetForm.TRAINING_SUMMARY, "สรุปผลการฝึกอบรม": AssetForm.TRAINING_SUMMARY,
    "ระเบียบ": AssetForm.REGULATION, "กฎหมาย": AssetForm.REGULATION, "ระเบียบ/กฎหมาย": AssetForm.REGULATION,
    "บทเรียนออนไลน์": AssetForm.ELEARNING, "e-learning": AssetForm.ELEARNING,
    "วีดิทัศน์": AssetForm.VIDEO, "วิดีโอ": AssetForm.VIDEO,
    "บทความ": AssetForm.ARTICLE,
    "รายการตรวจสอบ": AssetForm.CHECKLIST, "แบบตรวจสอบ": AssetForm.CHECKLIST,
    "อื่น ๆ": AssetForm.OTHER, "อื่นๆ": AssetForm.OTHER,
}

STATUS_ALIASES: dict[str, ReviewStatus] = {
    "ฉบับร่าง": ReviewStatus.DRAFT, "ร่าง": ReviewStatus.DRAFT,
    "ทบทวนแล้ว": ReviewStatus.REVIEWED, "อนุมัติแล้ว": ReviewStatus.APPROVED,
    "ล้าสมัย": ReviewStatus.OUTDATED,
}


KnowledgeTypeField = Annotated[KnowledgeType, alias_validator(TYPE_ALIASES)]
AssetFormField = Annotated[AssetForm, alias_validator(FORM_ALIASES)]
ReviewStatusField = Annotated[ReviewStatus, alias_validator(STATUS_ALIASES)]


class Attachment(StrictModel):
    """A file shipped beside the asset page; ``file`` is relative to the asset's folder."""

    file: Text
    title: Optional[Text] = None
    title_en: Optional[Text] = None


class KnowledgeAsset(StrictModel):
    title: Text
    title_en: Optional[Text] = None
    summary: Text
    summary_en: Optional[Text] = None
    body_en: Optional[Text] = None  # English text of the body (Markdown); else the Thai body is shown, marked
    department: Optional[Ref] = None
    type: KnowledgeTypeField
    form: AssetFormField
    km_step: Optional[Step] = None  # the KM step it came from (KMP1-7, CMP1-6, REC)
    holders: list[Ref] = Field(default_factory=list)  # people or positions
    owner: Optional[Ref] = None  # เจ้าภาพ: a person, position or department
    cop: Optional[Id] = None  # a CoP id of cops.yml
    topics: list[Id] = Field(default_factory=list)  # knowledge topic ids of knowledge/topics.yml
    tags: list[Text] = Field(default_factory=list)
    plan_activity: Optional[Text] = None  # "<plan key>/<activity id>"
    source_url: Optional[Text] = None  # ที่มาของเนื้อหา; http(s) only, checked in loader/asset_checks.py
    attachments: list[Attachment] = Field(default_factory=list)
    created: ThaiDate  # as written, with its value (None when unreadable: the loader reports it)
    reviewed: Optional[ThaiDate] = None
    status: Optional[ReviewStatusField] = None  # None: the source states no review status
    visibility: Visibility = Visibility.PUBLIC
    example: bool = False  # written for the demo, shown as such

    @property
    def is_public(self) -> bool:
        """Drafts and internal assets never reach a public build."""
        return self.status is not ReviewStatus.DRAFT and self.visibility is Visibility.PUBLIC
