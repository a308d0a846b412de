"""Cutting an ordered list into pieces bounded in count and in weight (sitemap files, list pages)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def bounded_chunks(items: Iterable[T], weight: Callable[[T], int], max_count: int, max_weight: int) -> list[list[T]]:
    """``items`` in order, cut so that each piece holds at most ``max_count`` items and ``max_weight`` of their
    weight; an item heavier than ``max_weight`` alone is a piece of its own. Always at least one piece."""
    chunks: list[list[T]] = [[]]
    size = 0
    for item in items:
        n = weight(item)
        if chunks[-1] and (len(chunks[-1]) >= max_count or size + n > max_weight):
            chunks.append([])
            size = 0
        chunks[-1].append(item)
        size += n
    return chunks
