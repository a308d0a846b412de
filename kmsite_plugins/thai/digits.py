"""Thai digits (๐-๙) and Arabic digits (0-9): convert and parse."""

from __future__ import annotations

import re

__all__ = ["THAI_DIGITS", "ARABIC_DIGITS", "to_arabic", "to_thai", "numbers_in", "parse_int"]

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_PAIRS_TO_ARABIC = tuple(zip(THAI_DIGITS, ARABIC_DIGITS, strict=True))
# str.translate looks every character of a non-ASCII text up in a table (slow for a page of Thai);
# from this length on, ten C-level replaces are faster (a whole page's search text: 100 times).
_LONG = 64
# ASCII only: int() would also accept other scripts' digits.
_INTEGER = re.compile(r"[+-]?[0-9]+")


def to_arabic(s: str) -> str:
    """Replace Thai digits with Arabic ones; leave everything else untouched."""
    if len(s) < _LONG:
        return s.translate(_TO_ARABIC)
    for thai, arabic in _PAIRS_TO_ARABIC:
        s = s.replace(thai, arabic)
    return s


def to_thai(s: str) -> str:
    """Replace Arabic digits with Thai ones; leave everything else untouched."""
    return s.translate(_TO_THAI)


# A run of digits that is not part of a Latin name such as "A4" or "KMP1".
_NUMBER = re.compile(r"(?<![A-Za-z])[0-9\u0E50-\u0E59]+(?![A-Za-z])")


def numbers_in(s: str, thai: bool) -> str:
    """The numbers of a text in Thai (``thai``) or Arabic digits; digits inside Latin names are left alone."""
    convert = to_thai if thai else to_arabic
    return _NUMBER.sub(lambda m: convert(m[0]), s)


def parse_int(s: str) -> int:
    """Parse ``"๒๕๖๗"``, ``"2567"`` or mixed digits, ignoring surrounding spaces.

    Raises:
        ValueError: the text is not a whole number in Thai or Arabic digits.
    """
    text = to_arabic(s).strip()
    if not _INTEGER.fullmatch(text):
        raise ValueError(
            f"not a whole number: {s!r} (expected digits ๐-๙ or 0-9, e.g. ๒๕๖๗ or 2567)"
        )
    return int(text)
