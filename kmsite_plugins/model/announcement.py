"""Announcements (ประกาศ): front matter of ``plans/<slug>/announcements/<slug>.md``."""

from __future__ import annotations

from typing import Optional

from .base import StrictModel, Text


class Signer(StrictModel):
    rank: Optional[Text] = None  # e.g. พลตำรวจโท
    name: Text  # shown in parentheses
    position: Text
    ref: Optional[Text] = None


class Announcement(StrictModel):
    title: Text  # เรื่อง …
    title_en: Optional[Text] = None
    issuer: Optional[Text] = None  # defaults to the organisation (or its parent)
    number: Optional[Text] = None  # ที่ ๑๘๔๐/๒๕๖๔
    date: Text  # kept as written; parsed by the Thai-date module
    closing: Text = "จึงประกาศให้ทราบโดยทั่วกัน"
    signer: Signer
    announces: Optional[Text] = None  # a plan key (fiscal year) this announcement publishes
    example: bool = False
