"""A sharded n-gram index of one language tree, written as small static files.

Layout under ``search/<lang>/`` (every file also as ``.js`` for ``file://`` when asked):

- ``manifest.json``: shard counts, first page id of every page shard, organisations with
  their page-id range, kind labels, UI labels.
- ``g/<n>.json``: for the bigrams and trigrams hashed to shard ``n`` (FNV-1a over UTF-16
  code units), the ids of the pages whose normalised text contains them, delta-encoded.
- ``p/<n>.json``: pages ``[url, title, kind, org, [[anchor, title, text], ...]]`` in id order.

A query fetches the shards of a few of its trigrams (a cover of the query), intersects the
page ids, then fetches the page shards of the candidates and keeps the pages whose text
contains the query (exact, so precision is 1); the first result needs the manifest, a
handful of gram shards and one page shard, whatever the size of the site.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Optional

from .extract import Section
from .normalise import normalise

__all__ = ["IndexPage", "build_index", "page_text", "fnv1a", "grams_of", "cover", "KIND_ORDER"]

FORMAT = 1
GRAM_SHARD_BYTES = 64 * 1024  # target size of a gram shard
PAGE_SHARD_BYTES = 48 * 1024  # target size of a page shard
KIND_ORDER = ("page", "orgs", "org", "people", "knowledge", "plan")


@dataclass
class IndexPage:
    url: str  # relative to the site root, with the language prefix ("en/orgs/suso/")
    title: str
    kind: str
    org: Optional[str]  # organisation slug, or None for site-wide pages
    sections: list[Section] = field(default_factory=list)

    def row(self) -> list:
        """The page as a row of a page shard."""
        return [self.url, self.title, self.kind, self.org or "", [[s.anchor, s.title, s.text] for s in self.sections]]

    @property
    def text(self) -> str:
        return page_text(self.title, [(s.anchor, s.title, s.text) for s in self.sections])


def page_text(title: str, sections: Iterable[Sequence[str]]) -> str:
    """A page's text as Ctrl+F sees it, from its title and ``(anchor, title, text)`` sections.

    The browser (``pageText`` in kmsite-search.js) joins a page row the same way.
    """
    parts = [title] + [f"{t} {x}" if a else x for a, t, x in sections]
    return " ".join(p for p in parts if p)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, as JavaScript's ``charCodeAt`` sees them."""
    h = 0x811C9DC5
    data = text.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def grams_of(norm: str) -> set[str]:
    """Every bigram and trigram of a normalised text."""
    out = {norm[i:i + 2] for i in range(len(norm) - 1)}
    out.update(norm[i:i + 3] for i in range(len(norm) - 2))
    return out


def cover(query: str) -> list[str]:
    """Grams a page must contain to contain ``query``: trigrams every 3 characters and the last one."""
    if len(query) < 2:
        return []
    if len(query) == 2:
        return [query]
    starts = list(range(0, len(query) - 2, 3))
    if starts[-1] != len(query) - 3:
        starts.append(len(query) - 3)
    return list(dict.fromkeys(query[i:i + 3] for i in starts))


def _sort_key(page: IndexPage) -> tuple:
    kind = KIND_ORDER.index(page.kind) if page.kind in KIND_ORDER else len(KIND_ORDER)
    return (page.org is not None, page.org or "", kind, page.kind, page.url)


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def build_index(pages: Iterable[IndexPage], *, lang: str, org_names: dict[str, str],
                kind_labels: dict[str, str], labels: dict[str, str],
                gram_shard_bytes: int = GRAM_SHARD_BYTES,
                page_shard_bytes: int = PAGE_SHARD_BYTES) -> dict[str, str]:
    """The index files of one language tree: JSON text by path relative to ``search/<lang>/``."""
    ordered = sorted(pages, key=_sort_key)
    files: dict[str, str] = {}

    # pages → page shards of about page_shard_bytes
    shard_starts: list[int] = []
    current: list[str] = []  # JSON text of the rows of the shard being filled
    size = 0
    texts: list[str] = []  # page texts in id order
    for pid, page in enumerate(ordered):
        row = page.row()
        texts.append(page_text(row[1], row[4]))
        if not current:
            shard_starts.append(pid)
        current.append(_dump(row))
        size += len(current[-1].encode("utf-8"))
        if size >= page_shard_bytes:
            files[f"p/{len(shard_starts) - 1}.json"] = "[" + ",".join(current) + "]"
            current, size = [], 0
    if current:
        files[f"p/{len(shard_starts) - 1}.json"] = "[" + ",".join(current) + "]"

    # grams → page ids
    postings: dict[str, array] = {}
    for pid, text in enumerate(texts):
        for gram in grams_of(normalise(text)):
            found = postings.get(gram)
            if found is None:
                postings[gram] = found = array("I")
            found.append(pid)
    estimate = sum(len(g) * 3 + 4 + 2 * len(ids) for g, ids in postings.items())
    shards = 1
    while shards * gram_shard_bytes < estimate and shards < 65536:
        shards *= 2
    buckets: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for gram in sorted(postings):
        ids = postings[gram]
        buckets[fnv1a(gram) % shards][gram] = [ids[0]] + [b - a for a, b in zip(ids, ids[1:], strict=False)]
    for n, bucket in enumerate(buckets):
        files[f"g/{n}.json"] = _dump(bucket)

    orgs: dict[str, dict] = {}
    for pid, page in enumerate(ordered):
        if page.org:
            entry = orgs.setdefault(page.org, {"name": org_names.get(page.org, page.org), "range": [pid, pid + 1]})
            entry["range"][1] = pid + 1
    manifest = {
        "format": FORMAT, "lang": lang, "pages": len(ordered), "gram_shards": shards,
        "page_shards": shard_starts, "orgs": orgs,
        "kinds": {k: kind_labels[k] for k in sorted({p.kind for p in ordered})},
        "labels": labels,
    }
    files["manifest.json"] = _dump(manifest)
    return files


def js_twin(key: str, json_text: str) -> str:
    """The ``.js`` form of an index file, for pages opened from ``file://`` (no fetch there)."""
    return f"(window.__kmsiteSearch=window.__kmsiteSearch||{{}})[{json.dumps(key)}]={json_text};\n"
