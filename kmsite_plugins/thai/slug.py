"""Heading anchors that keep Thai readable (``pymdownx.slugs`` drops Thai vowel marks)."""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^\w\u0E00-\u0E7F\- ]", re.UNICODE)


def slugify(value: str, separator: str = "-") -> str:
    """``"๑. คณะทำงาน KM"`` → ``"๑-คณะทำงาน-km"``; combining Thai marks are kept."""
    text = unicodedata.normalize("NFC", value).strip().lower()
    text = _DROP.sub("", text)
    return re.sub(r"[\s\-]+", separator, text).strip(separator)
