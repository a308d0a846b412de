"""Knowledge topics: who holds which knowledge (seed 001 §7).

A topic's ``id`` is also its key in the site-wide knowledge map: organisations that use the
same id (``signboard-tax``) are shown together under one topic.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field

from .base import Id, Ref, StrictModel, Text


class KnowledgeTopic(StrictModel):
    id: Id
    no: Optional[Text] = None
    title: Text
    title_en: Optional[Text] = None
    department: Optional[Ref] = None
    department_raw: Optional[Text] = None  # the author's wording
    holders: list[Ref] = Field(default_factory=list)
    holders_raw: Optional[Text] = None
    remarks: Optional[Text] = None
    example: bool = False  # written for the demo, shown as such


class TopicFile(StrictModel):
    """``plans/<slug>/knowledge/topics.yml``."""

    topics: list[KnowledgeTopic] = Field(default_factory=list)
