"""Ids for what a document names only in Thai: ICU's Thai-Latin romanisation, shortened, unique."""

from __future__ import annotations

import re
from functools import lru_cache

import icu


@lru_cache(maxsize=1)
def _romaniser() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Thai-Latin; Latin-ASCII")


class IdMaker:
    """Makes ids such as ``phu-xanwy-kark`` (from ผู้อำนวยการ…); a repeated id gets ``-2``, ``-3``."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, text: str, fallback: str, words: int = 5) -> str:
        latin = _romaniser().transliterate(text).lower()
        parts = [p for p in re.split(r"[^a-z0-9]+", latin) if p][:words]
        base = "-".join(parts)[:40].strip("-") or fallback
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate
