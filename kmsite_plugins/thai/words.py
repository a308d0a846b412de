"""Cut Thai text at a word boundary: Thai has no spaces between words, so ICU's dictionary finds them."""

from __future__ import annotations

from functools import lru_cache

import icu


@lru_cache(maxsize=1)
def _words() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale("th_TH"))


def shorten(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` if it has at most ``limit`` characters, else its longest prefix ending at a word boundary, plus ``…``.

    A first word longer than ``limit`` is kept whole rather than cut inside.
    """
    if len(text) <= limit:
        return text
    breaks = _words()
    breaks.setText(text)
    cut = 0
    for boundary in breaks:
        if boundary > limit:
            break
        cut = boundary
    if cut == 0:
        cut = breaks.following(0)
    return text[:cut].rstrip() + ellipsis
