"""Organisations, their departments, positions and people."""

from __future__ import annotations

from enum import Enum
from pathlib import Path, PurePosixPath
from typing import Annotated, Literal, Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text, Visibility, WebUrl, alias_validator
from .content_files import ContentFileError, content_file

OrgType = Literal["อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "อบจ.", "จังหวัด", "ส่วนราชการ", "กรม", "สถานศึกษา"]


class KmRole(str, Enum):
    """KM roles of the OPDC model; authors may write the code or the Thai name."""

    CEO = "ceo"
    CKO = "cko"  # คุณเอื้อ
    FACILITATOR = "facilitator"  # คุณอำนวย
    PRACTITIONER = "practitioner"  # คุณกิจ
    NOTE_TAKER = "note_taker"  # คุณลิขิต
    NETWORK = "network"  # คุณประสาน
    IT = "it"  # คุณวิศาสตร์


KM_ROLE_ALIASES: dict[str, KmRole] = {
    "CEO": KmRole.CEO, "CKO": KmRole.CKO, "คุณเอื้อ": KmRole.CKO,
    "คุณอำนวย": KmRole.FACILITATOR, "คุณกิจ": KmRole.PRACTITIONER,
    "คุณลิขิต": KmRole.NOTE_TAKER, "คุณประสาน": KmRole.NETWORK, "คุณวิศาสตร์": KmRole.IT,
}


ATTACHED_HONORIFICS = ("นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง")


class ContactKind(str, Enum):
    PHONE = "phone"
    EMAIL = "email"
    LINE = "line"
    OFFICE = "office"


class Contact(StrictModel):
    kind: ContactKind
    value: Text
    visibility: Visibility = Visibility.INTERNAL  # PDPA: internal unless marked public


class Department(StrictModel):
    id: Id
    name: Text
    name_en: Optional[Text] = None


class Position(StrictModel):
    """A post in the organisation; it may have nobody named (seed 001 lists positions only)."""

    id: Id
    title: Text
    title_en: Optional[Text] = None
    department: Optional[Ref] = None
    example: bool = False  # invented demo content, shown as such


class Person(StrictModel):
    id: Id
    honorific: Optional[Text] = None
    name: Text
    name_en: Optional[Text] = None
    position: Optional[Ref] = None
    department: Optional[Ref] = None
    km_roles: list[Annotated[KmRole, alias_validator(KM_ROLE_ALIASES)]] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    photo: Optional[Text] = None
    note: Optional[Text] = None
    note_visibility: Visibility = Visibility.INTERNAL
    example: bool = False  # invented demo content, shown as such

    @property
    def full_name(self) -> str:
        """Thai usage: นาย/นาง/นางสาว and dotted titles attach to the name; ranks take a space."""
        if not self.honorific:
            return self.name
        attached = self.honorific in ATTACHED_HONORIFICS or self.honorific.endswith(".")
        return f"{self.honorific}{'' if attached else ' '}{self.name}"

    @property
    def photo_file(self) -> Optional[str]:
        """The photo's file name in the built site (``<id>.<ext>``, beside the people page), or None."""
        return self.id + PurePosixPath(self.photo).suffix.lower() if self.photo else None


class ParentOrganisation(StrictModel):
    name: Text
    name_en: Optional[Text] = None
    type: Optional[OrgType] = None


class Organisation(StrictModel):
    """Identity of one organisation (``plans/<slug>/organisation.yml``)."""

    name: Text
    name_en: Optional[Text] = None
    short_name: Optional[Text] = None
    type: OrgType
    parent: Optional[ParentOrganisation] = None
    division: Optional[Text] = None
    section: Optional[Text] = None
    district: Optional[Text] = None
    province: Optional[Text] = None
    province_en: Optional[Text] = None
    website: Optional[WebUrl] = None
    description: Optional[Text] = None
    departments: list[Department] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    example: bool = False  # invented demo content, shown as such


def photo_path(folder: Path, photo: str) -> Optional[Path]:
    """The photo file of a person if it passes the content-file rule (content_files.py), else None."""
    try:
        return content_file(folder, folder, photo)
    except ContentFileError:
        return None
