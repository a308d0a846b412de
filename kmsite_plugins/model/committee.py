"""Committees: the KM team, the monitoring and evaluation committee, and others."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Literal, Optional

from pydantic import BeforeValidator, Field, model_validator

from .base import Id, Ref, StrictModel, Text

CommitteeRole = Literal[
    "ประธานกรรมการ", "รองประธานกรรมการ", "กรรมการ", "เลขานุการ", "กรรมการและเลขานุการ",
    "ผู้ช่วยเลขานุการ", "กรรมการและผู้ช่วยเลขานุการ", "ที่ปรึกษา",
    "CEO", "CKO", "หัวหน้าทีม", "รองหัวหน้าทีม", "KM Team", "ผู้จัดทำ", "สมาชิก",
]


COMMITTEE_ROLES: tuple[str, ...] = CommitteeRole.__args__  # type: ignore[attr-defined]

ROLE_ALIASES: dict[str, str] = {
    # OPDC roster forms (worksheets 5 and 6) abbreviate seats; orders spell them out.
    "รองหัวหน้า": "รองหัวหน้าทีม", "หัวหน้า": "หัวหน้าทีม",
    "ผู้ช่วยเลขฯ": "ผู้ช่วยเลขานุการ", "ผู้ช่วยเลขา": "ผู้ช่วยเลขานุการ", "ผู้ช่วยเลขานุการฯ": "ผู้ช่วยเลขานุการ",
    "เลขาฯ": "เลขานุการ", "เลขา": "เลขานุการ", "เลขานุการฯ": "เลขานุการ",
    "กรรมการและเลขาฯ": "กรรมการและเลขานุการ", "กรรมการและผู้ช่วยเลขาฯ": "กรรมการและผู้ช่วยเลขานุการ",
    "ประธาน": "ประธานกรรมการ", "รองประธาน": "รองประธานกรรมการ",
    "เป็นประธานกรรมการ": "ประธานกรรมการ", "เป็นรองประธานกรรมการ": "รองประธานกรรมการ",
    "เป็นกรรมการ": "กรรมการ", "เป็นกรรมการและเลขานุการ": "กรรมการและเลขานุการ",
    "km team": "KM Team", "ทีมงาน km": "KM Team", "ทีม km": "KM Team", "คณะทำงาน": "KM Team",
    "ceo": "CEO", "cko": "CKO",
}
"""Spellings of a seat as forms and orders write them → the role; the author's wording is kept in ``role_raw``."""


def _seat(value: str) -> str:
    return " ".join(value.split())


def _check_role(value: object) -> object:
    if isinstance(value, str) and value not in COMMITTEE_ROLES:
        raise ValueError(
            f"'{value}' is not a committee role: use one of {', '.join(COMMITTEE_ROLES)} "
            f"(form spellings such as {', '.join(list(ROLE_ALIASES)[:6])} are read too); for other wording, "
            f"write the nearest role in role: and the source's own words in role_raw:")
    return value


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
    role: Annotated[CommitteeRole, BeforeValidator(_check_role)]
    role_raw: Optional[Text] = None  # the author's wording when it differs (e.g. "เป็นประธานกรรมการ")

    @model_validator(mode="before")
    @classmethod
    def _seat_word(cls, data: Any) -> Any:
        """A form's spelling of the seat (``รองหัวหน้า``, ``ผู้ช่วยเลขฯ``) becomes the role; the raw text is kept."""
        if not isinstance(data, dict) or not isinstance(data.get("role"), str):
            return data
        written = _seat(data["role"])
        if written in COMMITTEE_ROLES:
            return {**data, "role": written}
        role = ROLE_ALIASES.get(written) or ROLE_ALIASES.get(written.lower())
        if role is None:
            return data  # the role field's own check names what is accepted
        return {**data, "role": role, "role_raw": data.get("role_raw") or data["role"].strip()}

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
    # the header of the roster forms (worksheets 5 and 6): the team of one strategic issue or agency
    strategic_issue: Optional[Text] = None  # ประเด็นยุทธศาสตร์
    goal: Optional[Text] = None  # เป้าประสงค์
    knowledge: Optional[Text] = None  # ชื่อองค์ความรู้ที่จำเป็น
    agency: Optional[Text] = None  # ส่วนราชการ/องค์กร
    example: bool = False  # invented demo content, shown as such


class CommitteeFile(StrictModel):
    """``plans/<slug>/committees.yml``."""

    committees: list[Committee] = Field(default_factory=list)
