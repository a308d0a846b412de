"""Thai dictionary order (leading vowels เ แ โ ใ ไ do not count as the first letter).

Code-point order puts every word starting with เ after every word starting with ฮ;
ICU's Thai collator implements the Royal Institute order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import icu

T = TypeVar("T")


@lru_cache(maxsize=1)
def _collator() -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale("th_TH"))


def sort_key(text: str) -> bytes:
    """A key that orders Thai (and mixed Latin) text as a Thai dictionary does."""
    return _collator().getSortKey(text or "")


def thai_sorted(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:
    return sorted(items, key=lambda item: sort_key(key(item)))
