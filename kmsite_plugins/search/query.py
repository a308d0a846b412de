"""The browser's search algorithm in Python, over the written index files.

Used by the tests (same answers as the browser) and by the benchmark (bytes a query
transfers before its first result). Keep in step with ``kmsite-search.js``: a query is
split at spaces into parts, a page matches when its text holds every part (any order); a
Thai query with no match as typed is split into words (ICU here, ``Intl.Segmenter`` in the
browser: the same dictionary) and searched again. The ranking lives in the browser only. A broad
query (found on much of a large site) is answered with the first pages found within a bounded
transfer; the browser's answer may then differ from this one by which shards it had loaded
already (and by the candidates of the query it extends).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .index import cover, decode_ids, fnv1a, page_text
from .normalise import normalise

__all__ = ["Hit", "Searcher", "junctions", "query_parts", "query_grams", "split_parts", "split_words", "word_grams"]

FIRST_BATCH_SHARDS = 2  # page shards verified before the first results are shown
BATCH_SHARDS = 8
MAX_GRAMS = 6  # gram shards fetched for one query at most
MAX_JUNCTIONS = 2  # grams across word boundaries fetched for a query as typed
TYPED_BUDGET = 2  # page shards checked for a splittable query as typed before its words are searched
# A query whose candidates' page shards weigh more than PAGE_BYTES_BUDGET is broad (found on much of a
# national site): the shards already loaded are checked first, then new ones in page order, until
# BROAD_RESULTS pages are found or BROAD_NEW_BYTES were fetched; its answer is those pages. Any other
# query checks every candidate.
PAGE_BYTES_BUDGET = 640 * 1024
BROAD_RESULTS = 20
BROAD_NEW_BYTES = 64 * 1024  # checked a shard at a time
_THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass
class Hit:
    url: str
    title: str
    kind: str
    org: str
    anchors: list[str] = field(default_factory=list)  # sections holding every part
    typed: bool = True  # when the words of a query were searched: whether the page holds it as typed


def query_parts(query: str) -> list[str]:
    """The normalised query split at spaces, each part once, in typed order."""
    return list(dict.fromkeys(p for p in normalise(query).split(" ") if p))


def junctions(part: str) -> list[str]:
    """Trigrams across the word boundaries of a Thai part (few pages hold them unless they hold the part)."""
    if not _THAI.search(part):
        return []
    return [part[b - 1:b + 2] for b in _boundaries(part) if 1 <= b <= len(part) - 2]


def _flat(lists: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(g for lst in lists for g in lst))


def query_grams(parts: list[str]) -> list[str]:
    """Grams whose shards a query fetches: up to ``MAX_JUNCTIONS`` junctions and the covers of its
    parts, ``MAX_GRAMS`` in all (else the first and last of each cover, else one of each first part)."""
    covers = [c for c in map(cover, parts) if c]
    junction = _flat([junctions(p) for p in parts])[:MAX_JUNCTIONS]
    most = MAX_GRAMS - len(junction)
    grams = _flat(covers)
    if len(grams) > most:
        grams = _flat([[c[0], c[-1]] if len(c) > 2 else c for c in covers])
    if len(grams) > most:
        grams = _flat([[c[len(c) >> 1]] for c in covers[:most]])
    return _flat([junction, grams])


def word_grams(parts: list[str], words: list[str]) -> list[str]:
    """Of the grams of the query as typed, those inside one of its words (no other shard to fetch)."""
    grams = [g for g in query_grams(parts) if any(g in w for w in words)]
    return grams or query_grams(words)


def stop_broad(found: int, fetched: int, size: Optional[int]) -> bool:
    """Whether a broad query stops before its next page shard (``size``: bytes to fetch, None: loaded)."""
    return found >= BROAD_RESULTS or (size is not None and fetched + size > BROAD_NEW_BYTES and (fetched or found) > 0)


@functools.lru_cache(maxsize=1)
def _word_breaker() -> Any:
    """ICU's word break iterator for Thai (PyICU has no type hints)."""
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
        self._sizes: dict[str, int] = {}
        self.bytes_read = 0
        self.manifest: dict = self._load("manifest.json")
        self.split: Optional[list[str]] = None  # the words of the last query when it was split
        self.truncated = False  # whether the last query was broad: its answer, the first pages found

    def _load(self, path: str) -> Any:
        if path not in self._cache:
            data = self._read(path)
            self.bytes_read += len(data)
            self._sizes[path] = len(data)
            self._cache[path] = json.loads(data)
        return self._cache[path]

    @property
    def starts(self) -> list[int]:
        """The first page id of every page shard."""
        return list(itertools.accumulate(self._load("starts.json")["starts"]))

    @property
    def shard_sizes(self) -> list[int]:
        """The size in bytes of every page shard."""
        return self._load("starts.json")["sizes"]

    def org(self, slug: str) -> Optional[dict]:
        """An organisation's name and page-id range (from its organisation shard), or None."""
        shard = self._load(f"o/{fnv1a(slug) % self.manifest['org_shards']}.json")
        return shard.get(slug)

    def candidates(self, parts: str | list[str], grams: Optional[list[str]] = None) -> Optional[list[int]]:
        """Page ids whose text contains every gram fetched for the parts (None: too short)."""
        grams = grams or query_grams([parts] if isinstance(parts, str) else parts)
        if not grams:
            return None
        result: Optional[set[int]] = None
        for gram in grams:
            shard = self._load(f"g/{fnv1a(gram) % self.manifest['gram_shards']}.json")
            codes = shard.get(gram)
            if not codes:
                return []
            ids = set(decode_ids(codes))
            result = ids if result is None else result & ids
            if not result:
                return []
        return sorted(result or ())

    def search(self, query: str, org: Optional[str] = None, first_only: bool = False) -> list[Hit]:
        """Pages whose text holds every part of ``query``, else every word of its Thai parts.

        A query whose Thai parts split into more words is checked as typed in at most
        ``TYPED_BUDGET`` page shards; with nothing found, its words are searched: of the pages
        holding them, those holding the query as typed are the answer if any, else all (``split``).
        """
        parts = query_parts(query)
        words = split_parts(parts)
        splittable = len(words) > len(parts)
        self.split = None
        hits = self._search(parts, org, first_only, TYPED_BUDGET if splittable else 0)
        if hits or not splittable:
            return hits or []
        found = self._search(words, org, first_only, 0, typed=parts, grams=word_grams(parts, words)) or []
        typed = [h for h in found if h.typed]
        if typed:
            return typed
        self.split = words
        return found

    def _search(self, parts: list[str], org: Optional[str], first_only: bool, budget: int,
                typed: Optional[list[str]] = None, grams: Optional[list[str]] = None) -> Optional[list[Hit]]:
        """Pages holding every part; None when ``budget`` page shards were checked and none holds them."""
        ids = self.candidates(parts, grams) or []
        if org:
            start, end = (self.org(org) or {"range": [0, 0]})["range"]
            ids = [i for i in ids if start <= i < end]
        starts = self.starts if ids else []
        hits: list[Hit] = []
        by_shard: dict[int, list[int]] = {}
        for pid in ids:
            by_shard.setdefault(bisect.bisect_right(starts, pid) - 1, []).append(pid)
        groups = list(by_shard)
        sizes = self.shard_sizes if groups else []
        broad = sum(sizes[g] for g in groups) > PAGE_BYTES_BUDGET
        if broad:  # the shards already loaded first (no transfer), then the others, most candidates a byte first
            groups.sort(key=lambda g: (f"p/{g}.json" in self._cache and -1.0) or -len(by_shard[g]) / sizes[g])
        # batches as the browser checks them: 2 shards first when there are many (or on a budget), then 8
        # (broad: 1 at a time)
        first = len(groups) > BATCH_SHARDS or budget
        checked, batch_end_at = 0, 1 if broad else FIRST_BATCH_SHARDS if first else BATCH_SHARDS
        self.truncated, fetched = broad, 0
        for n, shard_no in enumerate(groups):
            if broad and n and stop_broad(len(hits), fetched, None if f"p/{shard_no}.json" in self._cache
                                          else sizes[shard_no]):
                break
            if f"p/{shard_no}.json" not in self._cache:
                fetched += sizes[shard_no]
            rows = self._load(f"p/{shard_no}.json")["rows"]
            for pid in by_shard[shard_no]:
                row = rows[pid - starts[shard_no]]
                text = normalise(page_text(row[1], row[4]))
                if all(p in text for p in parts):
                    anchors = [a for a, t, x in row[4] if a and all(p in normalise(f"{t} {x}") for p in parts)]
                    hits.append(Hit(row[0], row[1], row[2], row[3], anchors, all(p in text for p in typed or parts)))
            checked = n + 1
            if checked == batch_end_at:
                more = checked < len(groups)
                if budget and not hits and more and checked >= budget:
                    return None
                if first_only and hits:
                    break
                small = budget and not hits
                batch_end_at += 1 if broad else FIRST_BATCH_SHARDS if small else BATCH_SHARDS
        return hits
