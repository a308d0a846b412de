"""Communities of practice (ชุมชนนักปฏิบัติ): who meets around which practice, and what they learned."""

from __future__ import annotations

from datetime import date as Date
from typing import Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text, Visibility
from .values import ReadableDate


class Meeting(StrictModel):
    """One entry of a CoP's meeting log."""

    date: ReadableDate  # as written (2567-01-15, BE or CE, or a long Thai date), with its value
    topic: Text
    topic_en: Optional[Text] = None
    learned: Optional[Text] = None  # what was learned (the lesson, in the group's words)
    learned_en: Optional[Text] = None
    attendees: list[Ref] = Field(default_factory=list)  # people or positions of the organisation
    assets: list[Id] = Field(default_factory=list)  # knowledge asset slugs (knowledge/<slug>.md) it produced
    visibility: Visibility = Visibility.PUBLIC  # internal: only in the staff build

    @property
    def day(self) -> Date:
        assert self.date.value is not None  # validation made sure it is readable
        return self.date.value


class Cop(StrictModel):
    id: Id
    name: Text
    name_en: Optional[Text] = None
    practice: Text  # the shared practice or question the group works on
    practice_en: Optional[Text] = None
    topics: list[Id] = Field(default_factory=list)  # knowledge topic ids of knowledge/topics.yml
    facilitator: Optional[Ref] = None  # คุณอำนวย
    note_taker: Optional[Ref] = None  # คุณลิขิต
    members: list[Ref] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    note: Optional[Text] = None  # e.g. where and how often the group meets
    note_en: Optional[Text] = None
    note_visibility: Visibility = Visibility.INTERNAL
    visibility: Visibility = Visibility.PUBLIC  # internal: the whole CoP only in the staff build
    example: bool = False  # invented demo content, shown as such

    def everyone(self) -> list[str]:
        """Facilitator, note-taker and members, each once, in that order."""
        refs = [r for r in (self.facilitator, self.note_taker, *self.members) if r]
        return list(dict.fromkeys(refs))


class CopFile(StrictModel):
    """``plans/<slug>/cops.yml``."""

    cops: list[Cop] = Field(default_factory=list)
