"""One build's settings, read and checked once: languages, audience, site URL, today's date, digits.

The plugin makes one BuildContext per build (``for_lang`` gives the language being built); page
builders, output writers and the renderer all read it, so a setting has one meaning everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Literal, Optional
from urllib.parse import urlsplit

from ..thai.digits import numbers_in, to_arabic, to_thai
from .parts import DEFAULT_LIST_LIMIT

__all__ = ["BuildContext", "Digits", "build_date", "checked_site_url"]

Digits = Literal["thai", "arabic"]


def build_date() -> date:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def checked_site_url(url: Optional[str]) -> Optional[str]:
    """``site_url`` ending with '/', or None when unset; a ValueError when it is not an absolute http(s) URL."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"site_url: '{url}' is not an absolute http:// or https:// address "
                         "(e.g. 'https://km.example.go.th/')")
    return url if url.endswith("/") else url + "/"


@dataclass(frozen=True)
class BuildContext:
    """What every page and file of one build may know about the build, in the language being built."""

    site_url: Optional[str]  # absolute, ends with '/', or None when mkdocs.yml sets none
    lang: str  # language being built
    default_lang: str
    languages: tuple[str, ...] = ()
    audience: Literal["public", "internal"] = "public"
    digits: Digits = "thai"  # digits of numbers on Thai pages; English pages always use Arabic digits
    directory_urls: bool = True  # False in the offline build: links to pages name index.html
    today: date = field(default_factory=build_date)
    list_limit: int = DEFAULT_LIST_LIMIT  # organisations a site-wide list holds before it splits (views/parts.py)

    @property
    def is_default(self) -> bool:
        return self.lang == self.default_lang

    @property
    def prefix(self) -> str:
        """URL prefix of the language being built: '' or 'en/'."""
        return "" if self.is_default else f"{self.lang}/"

    @property
    def thai_digits(self) -> bool:
        """The one digit rule: Thai digits on Thai pages unless the site chose Arabic; Arabic elsewhere."""
        return self.lang == "th" and self.digits == "thai"

    def number(self, value: object) -> str:
        """``value`` (a number, or a number as text such as a row number ``๑.``) in the page's digits."""
        if value is None:
            return ""
        text = str(value)
        return to_thai(text) if self.thai_digits else to_arabic(text)

    def numbers_in(self, text: str) -> str:
        """The numbers of a site text (a label) in the page's digits; names like ``A4`` are left alone."""
        return numbers_in(text, self.thai_digits)

    def for_lang(self, lang: str) -> BuildContext:
        """The same build in another language."""
        return replace(self, lang=lang)
