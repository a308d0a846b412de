"""Committees: the KM team, the monitoring and evaluation committee, and others."""

from __future__ import annotations

from enum import Enum
from typing import Literal, Optional

from pydantic import Field, model_validator

from .base import Id, Ref, StrictModel, Text

CommitteeRole = Literal[
    "ประธานกรรมการ", "รองประธานกรรมการ", "กรรมการ", "เลขานุการ", "กรรมการและเลขานุการ",
    "ผู้ช่วยเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ", "ที่ปรึกษา",
    "CEO", "CKO", "หัวหน้าทีม", "รองหัวหน้าทีม", "KM Team", "ผู้จัดทำ", "สมาชิก",
]


class CommitteeKind(str, Enum):
    KM_TEAM = "km_team"
    EVALUATION = "evaluation"
    OTHER = "other"


class Member(StrictModel):
    """A seat on a committee, held by a person or a position of the organisation.

    ``name`` keeps a name as the source writes it; a member with a name but no ``ref``
    is someone the organisation file does not list yet (``kmsite check`` warns).
    """

    no: Optional[Text] = None  # the row number as written, kept to spot skipped/repeated numbers
    ref: Optional[Ref] = None
    name: Optional[Text] = None
    role: CommitteeRole
    role_raw: Optional[Text] = None  # the author's wording when it differs (e.g. "เป็นประธานกรรมการ")

    @model_validator(mode="after")
    def _someone(self) -> Member:
        if not self.ref and not self.name:
            raise ValueError("a member needs ref: (a person or position id) or name: (as written)")
        return self


class Committee(StrictModel):
    id: Id
    kind: CommitteeKind
    name: Text
    name_en: Optional[Text] = None
    appointed_by: Optional[Text] = None  # e.g. the order number and date
    reports_to: Optional[Ref] = None
    report_frequency: Optional[Text] = None
    duties: list[Text] = Field(default_factory=list)
    members: list[Member] = Field(min_length=1)


class CommitteeFile(StrictModel):
    """``plans/<slug>/committees.yml``."""

    committees: list[Committee] = Field(default_factory=list)
