"""Knowledge assets: front matter of ``plans/<slug>/knowledge/<asset-slug>.md``."""

from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text, Visibility
from .plan import Step


class KnowledgeType(str, Enum):
    TACIT = "tacit"  # ความรู้ฝังลึก
    EXPLICIT = "explicit"  # ความรู้ชัดแจ้ง


class AssetForm(str, Enum):
    MANUAL = "manual"  # คู่มือ
    LESSONS_LEARNED = "lessons_learned"  # ถอดบทเรียน
    REPORT = "report"
    MINUTES = "minutes"
    TRAINING_SUMMARY = "training_summary"
    REGULATION = "regulation"
    ELEARNING = "elearning"
    VIDEO = "video"
    ARTICLE = "article"
    OTHER = "other"


class ReviewStatus(str, Enum):
    DRAFT = "draft"  # never public
    REVIEWED = "reviewed"
    APPROVED = "approved"
    OUTDATED = "outdated"


class Attachment(StrictModel):
    file: Text  # path relative to the asset file; must exist
    title: Optional[Text] = None


class KnowledgeAsset(StrictModel):
    title: Text
    title_en: Optional[Text] = None
    summary: Text
    summary_en: Optional[Text] = None
    department: Optional[Ref] = None
    type: KnowledgeType
    form: AssetForm
    km_step: Optional[Step] = None
    holders: list[Ref] = Field(default_factory=list)  # people or positions
    owner: Optional[Ref] = None
    cop: Optional[Id] = None  # a CoP id of cops.yml
    topics: list[Id] = Field(default_factory=list)  # knowledge topic ids of knowledge/topics.yml
    tags: list[Text] = Field(default_factory=list)
    plan_activity: Optional[Text] = None  # "<plan key>/<activity id>"
    source_url: Optional[Text] = None
    attachments: list[Attachment] = Field(default_factory=list)
    created: Text  # kept as written; parsed by the Thai-date module
    reviewed: Optional[Text] = None
    status: ReviewStatus = ReviewStatus.REVIEWED
    visibility: Visibility = Visibility.PUBLIC
    example: bool = False  # written for the demo, shown as such
