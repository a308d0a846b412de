"""A language's search pages kept on disk while its site is built, read back one document at a time.

The index is made at the end of a language's build from every page's text; held in memory until then,
that text grows with the site (hundreds of megabytes at national scale). :class:`PageSpill` appends
each page to a file as a JSON line and keeps only each document's place in the index (``sort_key``)
and where its page is in the file; :meth:`PageSpill.documents` then yields the documents in index
order for :func:`~.index.write_index`, the same documents :func:`~.index.documents` makes in memory.
"""

from __future__ import annotations

import json
import os
import tempfile
import weakref
from collections.abc import Iterator
from typing import Optional

from .extract import Section
from .index import IndexPage, list_documents, sort_key

__all__ = ["PageSpill"]


def _record(page: IndexPage) -> dict:
    """A page as the JSON object of its line: ``dataclasses.asdict`` without its deep copy of every text."""
    return {"url": page.url, "title": page.title, "kind": page.kind, "org": page.org,
            "sections": [{"anchor": s.anchor, "title": s.title, "text": s.text} for s in page.sections]}


def _page(line: bytes) -> IndexPage:
    data = json.loads(line)
    return IndexPage(data["url"], data["title"], data["kind"], data["org"], [Section(**s) for s in data["sections"]])


class PageSpill:
    """Search pages in a temporary file (removed by :meth:`close`, or when collected)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="kmsite-search-")  # noqa: SIM115 (closed by close())
        self._close = weakref.finalize(self, self._file.close)
        self._places: list[tuple[int, int]] = []  # (offset, length) of each page's line
        self._docs: list[tuple[tuple, int, int]] = []  # (sort key, page number, document number in the page)
        self.kinds: set[str] = set()

    def add(self, page: IndexPage) -> None:
        """Write ``page`` to the file; remember where each of its documents goes in the index."""
        line = json.dumps(_record(page), ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        number = len(self._places)
        self._places.append((self._file.seek(0, os.SEEK_END), len(line)))
        self._file.write(line)
        self.kinds.add(page.kind)
        for n, doc in enumerate(list_documents(page)):
            self._docs.append((sort_key(doc), number, n))

    def __len__(self) -> int:
        return len(self._places)

    def _read(self, number: int) -> IndexPage:
        offset, length = self._places[number]
        self._file.seek(offset)
        return _page(self._file.read(length))

    def pages(self) -> Iterator[IndexPage]:
        """Every page, in the order added."""
        for number in range(len(self._places)):
            yield self._read(number)

    def documents(self) -> Iterator[IndexPage]:
        """Every page's documents in index order, read from the file one page at a time."""
        last: Optional[tuple[int, list[IndexPage]]] = None  # the documents of the page read last
        for _, number, n in sorted(self._docs, key=lambda d: d[0]):
            if last is None or last[0] != number:
                last = (number, list_documents(self._read(number)))
            yield last[1][n]

    def close(self) -> None:
        self._places.clear()
        self._docs.clear()
        self._close()
