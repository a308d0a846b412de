"""Normalisation shared by the index (Python) and the query (JavaScript, same rules).

The stored text keeps what the page shows; only matching uses the normalised form.
Every rule maps one character to at most one character, so that positions in the
normalised text map back to the shown text (for snippets and highlighting).
"""

from __future__ import annotations

import re
import unicodedata

from ..thai.digits import to_arabic

__all__ = ["fold_space", "normalise"]

_SPACE = re.compile(r"\s+")
# Characters Ctrl+F does not see: zero-width space/joiners, soft hyphen, BOM. Removed by a regular
# expression: str.translate looks every character of a Thai text up in a dict, ten times slower.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff]")


def fold_space(text: str) -> str:
    """NFC, invisible characters removed, every run of whitespace one space, stripped."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text).strip()


def _lower(ch: str) -> str:
    """Lower case, or the character itself where lower case is longer (``İ``): positions must hold."""
    low = ch.lower()
    return low if len(low) == 1 else ch


def normalise(text: str) -> str:
    """Text as matching sees it: ``"ปี ๒๕๖๗  KM"`` → ``"ปี 2567 km"``; length of fold_space(text)."""
    folded = to_arabic(fold_space(text))
    low = folded.lower()
    if len(low) == len(folded):  # the usual case: no character changed its length
        return low
    return "".join(map(_lower, folded))
