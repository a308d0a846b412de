"""Communities of practice (ชุมชนนักปฏิบัติ)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text, Visibility


class Meeting(StrictModel):
    date: Text  # Thai or ISO date, kept as written
    topic: Text
    learned: Optional[Text] = None
    assets: list[Id] = Field(default_factory=list)
    visibility: Visibility = Visibility.PUBLIC


class Cop(StrictModel):
    id: Id
    name: Text
    name_en: Optional[Text] = None
    practice: Text
    facilitator: Optional[Ref] = None  # คุณอำนวย
    note_taker: Optional[Ref] = None  # คุณลิขิต
    members: list[Ref] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    example: bool = False  # invented demo content, shown as such


class CopFile(StrictModel):
    """``plans/<slug>/cops.yml``."""

    cops: list[Cop] = Field(default_factory=list)
