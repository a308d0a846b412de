"""Announcements (ประกาศ): front matter of ``plans/<slug>/announcements/<slug>.md``.

The body after the front matter is the notice's Markdown text. The date keeps the author's
text beside its value (``issued``); a date that cannot be read is a validation error naming
the accepted forms.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from pydantic import Field, field_validator

from .base import StrictModel, Text
from .values import ReadableDate

SHORT_CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,31}$")
_PAGE_RE = re.compile(r"^(?![a-z][a-z0-9+.-]*:)(?!/)(?!.*\.\.)[^\s?#]*/$")
DEFAULT_CLOSING = "จึงประกาศให้ทราบโดยทั่วกัน"  # the closing formula of a notice when none is written


class Signer(StrictModel):
    rank: Optional[Text] = None  # e.g. พลตำรวจโท, printed above the name
    rank_en: Optional[Text] = None
    name: Optional[Text] = None  # shown in parentheses; left blank "(          )" when the source names nobody
    name_en: Optional[Text] = None
    position: Text
    position_en: Optional[Text] = None  # else the referenced person's position title_en
    ref: Optional[Text] = None  # a person id of the organisation (links to the people card)


class AnnouncementAttachment(StrictModel):
    """A file published with the notice (เอกสารแนบท้ายประกาศ), relative to the announcement file
    (checked by model/content_files.py, the rule for every file content names)."""

    file: Text
    title: Optional[Text] = None
    title_en: Optional[Text] = None

    @property
    def name(self) -> str:
        """The published file name (the last path segment)."""
        return self.file.rsplit("/", 1)[-1]


class Announcement(StrictModel):
    title: Text  # เรื่อง …
    title_en: Optional[Text] = None
    issuer: Optional[Text] = None  # ประกาศ<issuer>; defaults to the organisation's parent, else the organisation
    issuer_en: Optional[Text] = None
    number: Optional[Text] = None  # ที่ ๑๘๔๐/๒๕๖๔
    date: ReadableDate  # as written, with its value (see ``issued``)
    closing: Optional[Text] = None  # default: DEFAULT_CLOSING (shown through a label, so it is translated)
    closing_en: Optional[Text] = None
    body_en: Optional[Text] = None  # English text of the body (Markdown); else the Thai body is shown, marked
    signer: Signer
    announces: Optional[Text] = None  # a plan key (fiscal year) of the organisation this notice publishes
    page: Optional[Text] = None  # or a page of the site it announces: a directory URL such as "orgs/suso/knowledge/"
    attachments: list[AnnouncementAttachment] = Field(default_factory=list)
    short: Optional[Text] = None  # explicit short code for /go/<short>/ (default: derived from org and slug)
    example: bool = False  # written for the demo, shown as such

    @field_validator("short")
    @classmethod
    def _short_code(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not SHORT_CODE_RE.match(value):
            raise ValueError(f"'{value}' is not a valid short code: 2-32 characters a-z, 0-9 and '-', starting with a "
                             f"letter or digit")
        return value

    @field_validator("page")
    @classmethod
    def _site_page(cls, value: Optional[str]) -> Optional[str]:
        if value is not None and not _PAGE_RE.match(value):
            raise ValueError(f"'{value}' is not a page of this site: write its directory URL relative to the site "
                             f"root, "
                             "ending with '/' (e.g. orgs/suso/knowledge/)")
        return value

    @property
    def issued(self) -> dt.date:
        """The date of the notice (ประกาศ ณ วันที่ …); validation made sure it is readable."""
        assert self.date.value is not None
        return self.date.value
