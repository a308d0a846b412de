"""Rejoin Thai words split by line-wrap spaces, only where ICU's Thai dictionary says the join is a word.

``ประชา สัมพันธ์`` → ``ประชาสัมพันธ์`` because ICU finds no word boundary at the space once it is
removed; ``ความรู้ ความสามารถ`` stays, because ``ความรู้|ความสามารถ`` are two words either way. A
hyphen before the break (``ราช- การ``) is a wrap hyphen and goes with the space. Line breaks inside
a cell are treated the same, except before a list item (``-``, ``•``, ``๑)``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import icu

_THAI = "\u0E01-\u0E4E"
# a Thai letter, an optional wrap hyphen, whitespace (spaces or one line break), a Thai letter
_LETTER = r"[\u0E01-\u0E45\u0E47-\u0E4E]"  # Thai letters and marks, not ๆ (its space is the author's)
_GAP = re.compile(rf"(?<={_LETTER})(-?)([ \t]+|[ \t]*\n[ \t]*)(?={_LETTER})")
_WINDOW = 24  # characters of context on each side given to ICU


@lru_cache(maxsize=1)
def _breaker() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale("th_TH"))


def _boundaries(text: str) -> list[int]:
    breaker = _breaker()
    breaker.setText(text)
    return list(breaker)


@lru_cache(maxsize=4096)
def _is_word(text: str) -> bool:
    """ICU's dictionary segments ``text`` as exactly one word."""
    return _boundaries(text) == [len(text)]


def _segments(text: str) -> list[str]:
    bounds = [0] + _boundaries(text)
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def joins_a_word(left: str, right: str) -> bool:
    """True when the end of ``left`` and the start of ``right`` form one dictionary word.

    Each side is segmented on its own; the last one or two words of the left and the first one or two
    of the right are tried: ``ประชา|สัมพันธ์`` → ``ประชาสัมพันธ์``, ``ปี|งบ`` + ``ประมาณ`` →
    ``ปีงบประมาณ``. Segmenting the joined text instead would accept ICU's guesses across the gap
    (``รายงานผล อย่างน้อย`` would give ``ผลอ|ย่าง``).
    """
    tail, head = _segments(left), _segments(right)
    for i in (1, 2):
        for j in (1, 2):
            if i <= len(tail) and j <= len(head) and _is_word("".join(tail[-i:]) + "".join(head[:j])):
                return True
    return False


def rejoin(text: str) -> str:
    """The text with line-wrap gaps inside dictionary words removed; everything else as written."""
    out: list[str] = []
    pos = 0
    for match in _GAP.finditer(text):
        left = text[max(0, match.start() - _WINDOW):match.start()]
        right = text[match.end():match.end() + _WINDOW]
        newline = "\n" in match.group(2)
        if newline and re.match(r"[-–•*]|[0-9๐-๙]+[.)]", right):
            continue
        left_word = re.split(r"[^\u0E01-\u0E4E]", left)[-1]
        right_word = re.split(r"[^\u0E01-\u0E4E]", right)[0]
        if right[len(right_word):len(right_word) + 1] == "." or left[:-len(left_word) or None][-1:] == ".":
            continue  # an abbreviation (อบต., ก.พ.) is its own word
        if left_word and right_word and joins_a_word(left_word, right_word):
            out.append(text[pos:match.start()])
            pos = match.end()
    out.append(text[pos:])
    return "".join(out)
