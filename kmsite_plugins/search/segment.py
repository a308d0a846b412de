"""Word boundaries with ICU (PyICU), the same rules as ``Intl.Segmenter`` in the browser.

Matching is by substring (Ctrl+F); boundaries only rank results: a query that starts and
ends on word boundaries (``ภาษี`` in ``ภาษี ป้าย``) ranks above one inside a longer word
(``งาน`` inside ``หน่วยงาน``).
"""

from __future__ import annotations

from functools import lru_cache

import icu

__all__ = ["boundaries", "words", "is_word_match"]


@lru_cache(maxsize=4)
def _breaker(locale: str) -> "icu.BreakIterator":
    return icu.BreakIterator.createWordInstance(icu.Locale(locale))


def boundaries(text: str, locale: str = "th") -> list[int]:
    """Word boundary offsets of ``text`` (Python string indices), including 0 and len(text)."""
    if not text:
        return [0]
    breaker = _breaker(locale)
    utext = icu.UnicodeString(text)
    breaker.setText(utext)
    # ICU counts UTF-16 code units; map them to Python indices (differs only for astral characters).
    if all(ord(c) < 0x10000 for c in text):
        return [0] + [b for b in breaker if b != 0]
    unit_to_index: dict[int, int] = {}
    unit = 0
    for i, c in enumerate(text):
        unit_to_index[unit] = i
        unit += 2 if ord(c) >= 0x10000 else 1
    unit_to_index[unit] = len(text)
    breaker.setText(utext)
    return [0] + [unit_to_index[b] for b in breaker if b != 0]


def words(text: str, locale: str = "th") -> list[str]:
    """The words of ``text`` (spaces and punctuation dropped)."""
    cuts = boundaries(text, locale)
    parts = (text[a:b] for a, b in zip(cuts, cuts[1:]))
    return [p for p in parts if any(c.isalnum() for c in p)]


def is_word_match(text: str, start: int, end: int, locale: str = "th") -> bool:
    """Whether ``text[start:end]`` begins and ends on word boundaries."""
    cuts = set(boundaries(text, locale))
    return start in cuts and end in cuts
