"""The browser's search algorithm in Python, over the written index files.

Used by the tests (same answers as the browser) and by the benchmark (bytes a query
transfers before its first result). Keep in step with ``kmsite-search.js``: a query is
split at spaces into parts, a page matches when its text holds every part (any order); a
Thai query with no match as typed is split into words (ICU here, ``Intl.Segmenter`` in the
browser: the same dictionary) and searched again. The ranking lives in the browser only.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .index import cover, fnv1a, page_text
from .normalise import normalise

__all__ = ["Hit", "Searcher", "junctions", "query_parts", "query_grams", "split_parts", "split_words"]

FIRST_BATCH_SHARDS = 2  # page shards verified before the first results are shown
BATCH_SHARDS = 8
MAX_GRAMS = 8  # gram shards fetched for one query at most
_THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass
class Hit:
    url: str
    title: str
    kind: str
    org: str
    anchors: list[str] = field(default_factory=list)  # sections holding every part


def query_parts(query: str) -> list[str]:
    """The normalised query split at spaces, each part once, in typed order."""
    return list(dict.fromkeys(p for p in normalise(query).split(" ") if p))


def junctions(part: str) -> list[str]:
    """Trigrams across the word boundaries of a Thai part (few pages hold them unless they hold the part)."""
    if not _THAI.search(part):
        return []
    return [part[b - 1:b + 2] for b in _boundaries(part) if 1 <= b <= len(part) - 2]


def query_grams(parts: list[str]) -> list[str]:
    """Grams whose shards a query fetches: every part's junctions and cover while few, else fewer per part."""
    def flat(lists: list[list[str]]) -> list[str]:
        return list(dict.fromkeys(g for lst in lists for g in lst))

    covers = [c for c in (flat([junctions(p), cover(p)]) for p in parts) if c]

    every = flat(covers)
    if len(every) <= MAX_GRAMS:
        return every
    ends = flat([[c[0], c[-1]] if len(c) > 2 else c for c in covers])
    if len(ends) <= MAX_GRAMS:
        return ends
    longest = sorted(covers, key=len, reverse=True)[:MAX_GRAMS]  # stable, as JavaScript's sort
    return flat([[c[len(c) >> 1]] for c in longest])


@functools.lru_cache(maxsize=1)
def _word_breaker():  # type: ignore[no-untyped-def]
    import icu

    return icu.BreakIterator.createWordInstance(icu.Locale("th"))


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """ICU's word segments of a text: (start, end) in code points, and whether word-like (letters, digits)."""
    breaker = _word_breaker()
    breaker.setText(text)
    units = [0]  # code point offset of every UTF-16 offset ICU reports
    for ch in text:
        units.extend([units[-1] + 1] * (2 if ord(ch) > 0xFFFF else 1))
    out, start = [], breaker.first()
    for end in breaker:
        # rule status >= 100 (UBRK_WORD_NUMBER and above): word-like, as Intl.Segmenter's isWordLike
        out.append((units[start], units[end], breaker.getRuleStatus() >= 100))
        start = end
    return out


def _boundaries(text: str) -> list[int]:
    return [start for start, _, _ in _segments(text)]


def split_words(text: str) -> list[str]:
    """The words (letters or digits) of a text by ICU's word segmentation, as ``Intl.Segmenter`` splits it."""
    return [text[start:end] for start, end, word in _segments(text) if word]


def split_parts(parts: list[str]) -> list[str]:
    """Thai parts split into words; other parts kept (the browser's ``splitParts``)."""
    out: list[str] = []
    for part in parts:
        words = (split_words(part) or [part]) if _THAI.search(part) else [part]
        out.extend(words)
    return list(dict.fromkeys(out))


class Searcher:
    """Answers queries from ``search/<lang>/`` and counts the bytes it read (each file once)."""

    def __init__(self, root: Path | Callable[[str], bytes]):
        self._read = root if callable(root) else (lambda path: (Path(root) / path).read_bytes())
        self._cache: dict[str, object] = {}
        self.bytes_read = 0
        self.manifest: dict = self._load("manifest.json")  # type: ignore[assignment]
        self.split: Optional[list[str]] = None  # the words of the last query when it was split

    def _load(self, path: str) -> object:
        if path not in self._cache:
            data = self._read(path)
            self.bytes_read += len(data)
            self._cache[path] = json.loads(data)
        return self._cache[path]

    def candidates(self, parts: str | list[str]) -> Optional[list[int]]:
        """Page ids whose text contains every gram fetched for the parts (None: too short)."""
        grams = query_grams([parts] if isinstance(parts, str) else parts)
        if not grams:
            return None
        result: Optional[set[int]] = None
        for gram in grams:
            shard = self._load(f"g/{fnv1a(gram) % self.manifest['gram_shards']}.json")
            deltas = shard.get(gram)  # type: ignore[union-attr]
            if not deltas:
                return []
            ids, total = set(), 0
            for d in deltas:
                total += d
                ids.add(total)
            result = ids if result is None else result & ids
            if not result:
                return []
        return sorted(result or ())

    def search(self, query: str, org: Optional[str] = None, first_only: bool = False) -> list[Hit]:
        """Pages whose text holds every part of ``query``, else every word of its Thai parts."""
        parts = query_parts(query)
        self.split = None
        hits = self._search(parts, org, first_only)
        if not hits:
            words = split_parts(parts)
            if len(words) > len(parts):
                self.split = words
                hits = self._search(words, org, first_only)
        return hits

    def _search(self, parts: list[str], org: Optional[str], first_only: bool) -> list[Hit]:
        ids = self.candidates(parts) or []
        if org:
            start, end = self.manifest["orgs"].get(org, {"range": [0, 0]})["range"]
            ids = [i for i in ids if start <= i < end]
        starts = self.manifest["page_shards"]
        hits: list[Hit] = []
        by_shard: dict[int, list[int]] = {}
        for pid in ids:
            by_shard.setdefault(bisect.bisect_right(starts, pid) - 1, []).append(pid)
        groups = list(by_shard)
        # Small answers in one go; large ones show the first pages while the rest are checked.
        first = FIRST_BATCH_SHARDS if len(groups) > BATCH_SHARDS else BATCH_SHARDS
        for n, shard_no in enumerate(groups):
            rows = self._load(f"p/{shard_no}.json")
            for pid in by_shard[shard_no]:
                row = rows[pid - starts[shard_no]]  # type: ignore[index]
                text = normalise(page_text(row[1], row[4]))
                if all(p in text for p in parts):
                    anchors = [a for a, t, x in row[4] if a and all(p in normalise(f"{t} {x}") for p in parts)]
                    hits.append(Hit(row[0], row[1], row[2], row[3], anchors))
            batch_end = n + 1 == first or (n + 1 > first and (n + 1 - first) % BATCH_SHARDS == 0)
            if first_only and hits and batch_end:
                break
        return hits
