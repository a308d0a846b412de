"""The browser's search algorithm in Python, over the written index files.

Used by the tests (same answers as the browser) and by the benchmark (bytes a query
transfers before its first result). Keep in step with ``kmsite-search.js``.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .index import cover, fnv1a, page_text
from .normalise import normalise

__all__ = ["Hit", "Searcher"]

FIRST_BATCH_SHARDS = 2  # page shards verified before the first results are shown
BATCH_SHARDS = 8


@dataclass
class Hit:
    url: str
    title: str
    kind: str
    org: str
    anchors: list[str] = field(default_factory=list)  # sections containing the query


class Searcher:
    """Answers queries from ``search/<lang>/`` and counts the bytes it read (each file once)."""

    def __init__(self, root: Path | Callable[[str], bytes]):
        self._read = root if callable(root) else (lambda path: (Path(root) / path).read_bytes())
        self._cache: dict[str, object] = {}
        self.bytes_read = 0
        self.manifest: dict = self._load("manifest.json")  # type: ignore[assignment]

    def _load(self, path: str) -> object:
        if path not in self._cache:
            data = self._read(path)
            self.bytes_read += len(data)
            self._cache[path] = json.loads(data)
        return self._cache[path]

    def candidates(self, norm: str) -> Optional[list[int]]:
        """Page ids whose text contains every gram of the query's cover (None: too short)."""
        grams = cover(norm)
        if not grams:
            return None
        result: Optional[set[int]] = None
        for gram in grams:
            shard = self._load(f"g/{fnv1a(gram) % self.manifest['gram_shards']}.json")
            deltas = shard.get(gram)  # type: ignore[attr-defined]
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
        """Pages whose text contains ``query`` (normalised), optionally of one organisation only."""
        norm = normalise(query)
        ids = self.candidates(norm) or []
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
                if norm in normalise(page_text(row[1], row[4])):
                    anchors = [a for a, t, x in row[4] if a and norm in normalise(f"{t} {x}")]
                    hits.append(Hit(row[0], row[1], row[2], row[3], anchors))
            batch_end = n + 1 == first or (n + 1 > first and (n + 1 - first) % BATCH_SHARDS == 0)
            if first_only and hits and batch_end:
                break
        return hits
