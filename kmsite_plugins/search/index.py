"""A sharded n-gram index of one language tree, written as small static files.

Layout under ``search/<lang>/`` (every file also as ``.js`` for ``file://`` when asked):

- ``manifest.json`` (fetched on every page view, so its size does not grow with the site):
  shard counts, kind labels, UI labels.
- ``starts.json``: the first page id of every page shard (delta-encoded) and its size in bytes
  (fetched by the first query).
- ``o/<n>.json``: organisations hashed to shard ``n`` (FNV-1a of the slug): name and page-id range
  (fetched on an organisation's pages, for the "this organisation only" scope).
- ``g/<n>.json``: for the bigrams and trigrams hashed to shard ``n`` (FNV-1a over UTF-16
  code units), the ids of the pages whose normalised text contains them, delta-encoded; a
  negative number ``-k`` stands for ``k`` further ids, each one more than the previous.
- ``p/<n>.json``: ``{"rows": [[url, title, kind, org, [[anchor, title, text], ...]], ...], "orgs":
  {slug: [name, alias, ...]}}``: pages in id order, and the names of their organisations (result
  tags; the ranking puts an organisation's page first for every name a reader may type for it).

Site-wide list pages would be megabytes as one document: :func:`list_documents` splits them into
their entries or leaves the entries out, by page kind (``ENTRY_RULES``).

A query fetches the shards of a few of its trigrams (a cover of the query), intersects the
page ids, then fetches the page shards of the candidates and keeps the pages whose text
contains the query (exact, so precision is 1); the first result needs the manifest, a
handful of gram shards and one page shard, whatever the size of the site. A broad query (its
candidates' page shards weigh more than ``query.PAGE_BYTES_BUDGET``) is answered with the first
pages found in a bounded number of bytes (``query.stop_broad``).
"""

from __future__ import annotations

import json
import sys
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from typing import Optional, Union

from .extract import Section
from .normalise import normalise

__all__ = ["IndexPage", "build_index", "write_index", "documents", "sort_key", "list_documents", "page_text",
           "fnv1a", "grams_of", "gram_keys", "gram_text", "cover", "encode_ids", "decode_ids", "KIND_ORDER",
           "ENTRY_RULES"]

FORMAT = 2
GRAM_SHARD_BYTES = 16 * 1024  # target size of a gram shard
PAGE_SHARD_BYTES = 24 * 1024  # target size of a page shard
ORG_SHARD_BYTES = 8 * 1024  # target size of an organisation shard
KIND_ORDER = ("page", "orgs", "org", "people", "knowledge", "plan")

SPLIT, OMIT = "split", "omit"
# What becomes of a site-wide list page (no organisation), by kind: SPLIT, each section with an anchor
# (heading, card) a document of its own pointing at it; OMIT, its entries left out of the index, each
# being found where it has a page or section of its own. Either way the page stays a document of its
# title and the first OWN_TEXT_CHARS of its own text (its introduction).
ENTRY_RULES = {
    "home": SPLIT,  # sections (organisations, latest plans, assets, announcements) pointing at themselves
    "orgs": SPLIT,  # the directory's sections by province and type: found by a province, pointing at it
    "people-site": OMIT,  # every card is also on its organisation's people page
    "who-knows": OMIT,  # every entry is also on its organisation's who-knows-what page
    "knowledge-map": OMIT,  # every row is a topic of an organisation's knowledge page (holders, assets)
    "knowledge-index": OMIT,  # every asset has its own page
    "knowledge-tags": OMIT,  # every tag has its own page
    "knowledge-tag": OMIT,  # every asset has its own page
    "announcements": OMIT,  # every announcement has its own page
}
OWN_TEXT_CHARS = 400
# A split page's section longer than this is itself a list of everything (the home page's latest plan of
# every organisation): its first ENTRY_TEXT_CHARS are indexed, its items being found on their own pages.
ENTRY_TEXT_CHARS = 4000


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


def _prefix(text: str, limit: int = OWN_TEXT_CHARS) -> str:
    """The first ``limit`` characters of a text, cut at a space where there is one."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit]


def list_documents(page: IndexPage) -> list[IndexPage]:
    """The documents a page becomes: itself, or for a site-wide list page (``ENTRY_RULES``) its title and
    introduction and, when split, one document per section (url ``page#anchor``, titled like it; the
    first ``ENTRY_TEXT_CHARS`` of its text)."""
    rule = ENTRY_RULES.get(page.kind) if page.org is None else None
    if rule is None:
        return [page]
    own = [Section("", "", _prefix(s.text)) for s in page.sections if not s.anchor][:1] or [Section("", "", "")]
    docs = [IndexPage(page.url, page.title, page.kind, None, own)]
    if rule == SPLIT:
        docs.extend(IndexPage(f"{page.url}#{s.anchor}", s.title or page.title, page.kind, None,
                              [Section("", "", _prefix(s.text, ENTRY_TEXT_CHARS))])
                    for s in page.sections if s.anchor and s.text)
    return docs


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


# A gram as a dict key while the postings are gathered: a bigram or trigram of characters of the Basic
# Multilingual Plane other than NUL as the integer of its UTF-16 code units (bigrams < 2**32 <= trigrams),
# read from the text's bytes in C (memoryview casts) instead of slicing a string per position; any
# other gram as itself.
GramKey = Union[int, str]
_LITTLE = sys.byteorder == "little"
_TRIGRAM = (1 << 48) - 1  # the first three code units of a 64-bit window of four


def gram_keys(norm: str) -> set[GramKey]:
    """The keys (:func:`gram_text`) of every bigram and trigram of a normalised text: :func:`grams_of`."""
    data = _units(norm)
    size = len(data)
    if not _LITTLE or size != 2 * len(norm) or "\0" in norm:  # a character beyond the BMP, a surrogate, NUL
        return {_key(gram) for gram in grams_of(norm)}
    view = memoryview(data)
    keys: set[GramKey] = set()
    for start in (0, 2):  # 32-bit windows at every code unit: the bigrams
        keys.update(view[start:start + (size - start) // 4 * 4].cast("I"))
    windows: set[int] = set()
    for start in (0, 2, 4, 6):  # 64-bit windows: the trigrams but the last, from their distinct 4-grams
        windows.update(view[start:start + (size - start) // 8 * 8].cast("Q"))
    keys.update([window & _TRIGRAM for window in windows])
    if size >= 6:
        keys.add(int.from_bytes(data[-6:], "little"))
    return keys


def _units(text: str) -> bytes:
    """The UTF-16 code units of a text; none for a text with a lone surrogate (it has no UTF-16)."""
    try:
        return text.encode("utf-16-le")
    except UnicodeEncodeError:
        return b""


def _key(gram: str) -> GramKey:
    """The key of one gram, as :func:`gram_keys` makes it."""
    data = _units(gram)
    if len(data) != 2 * len(gram) or "\0" in gram:
        return gram
    return int.from_bytes(data, "little")


def gram_text(key: GramKey) -> str:
    """The gram of a key of :func:`gram_keys`."""
    if isinstance(key, str):
        return key
    return key.to_bytes(4 if key < 1 << 32 else 6, "little").decode("utf-16-le")


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


def encode_ids(ids: Sequence[int]) -> list[int]:
    """Sorted ids: the first, then deltas; a run of consecutive ids as ``-k`` (k more ids)."""
    out: list[int] = []
    if not ids:
        return out
    prev = ids[0]
    out.append(prev)
    run = 0
    for pid in ids[1:]:  # every id of every gram: one comparison with the previous, no indexing
        if pid == prev + 1:
            run += 1
        else:
            if run:
                out.append(-run)
                run = 0
            out.append(pid - prev)
        prev = pid
    if run:
        out.append(-run)
    return out


def decode_ids(codes: Iterable[int]) -> list[int]:
    """The ids of :func:`encode_ids`."""
    ids: list[int] = []
    total = 0
    for code in codes:
        if code < 0:
            ids.extend(range(total + 1, total - code + 1))
            total -= code
        else:
            total = total + code if ids else code
            ids.append(total)
    return ids


def shard_count(estimate: int, target: int) -> int:
    """A power of two of shards holding about ``target`` bytes each."""
    shards = 1
    while shards * target < estimate and shards < 65536:
        shards *= 2
    return shards


def sort_key(page: IndexPage) -> tuple:
    """A document's place in the index: site-wide pages first, then by organisation, kind and URL."""
    kind = KIND_ORDER.index(page.kind) if page.kind in KIND_ORDER else len(KIND_ORDER)
    return (page.org is not None, page.org or "", kind, page.kind, page.url)


# json.dumps with options builds an encoder per call: one for the tens of thousands of rows and grams
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def documents(pages: Iterable[IndexPage]) -> list[IndexPage]:
    """The documents of ``pages`` (:func:`list_documents`) in index order (page ids)."""
    return sorted((doc for page in pages for doc in list_documents(page)), key=sort_key)


def build_index(pages: Iterable[IndexPage], *, lang: str, org_names: dict[str, str],
                kind_labels: dict[str, str], labels: dict[str, str],
                org_aliases: Optional[dict[str, list[str]]] = None,
                gram_shard_bytes: int = GRAM_SHARD_BYTES,
                page_shard_bytes: int = PAGE_SHARD_BYTES,
                org_shard_bytes: int = ORG_SHARD_BYTES) -> dict[str, str]:
    """The index files of one language tree: JSON text by path relative to ``search/<lang>/``.

    Site-wide list pages are split (or their entries left out) by :func:`list_documents`.
    """
    files: dict[str, str] = {}
    write_index(documents(pages), files.__setitem__, lang=lang, org_names=org_names, kind_labels=kind_labels,
                labels=labels, org_aliases=org_aliases, gram_shard_bytes=gram_shard_bytes,
                page_shard_bytes=page_shard_bytes, org_shard_bytes=org_shard_bytes)
    return files


def write_index(ordered: Iterable[IndexPage], emit: Callable[[str, str], None], *, lang: str,
                org_names: dict[str, str], kind_labels: dict[str, str], labels: dict[str, str],
                org_aliases: Optional[dict[str, list[str]]] = None,
                gram_shard_bytes: int = GRAM_SHARD_BYTES,
                page_shard_bytes: int = PAGE_SHARD_BYTES,
                org_shard_bytes: int = ORG_SHARD_BYTES) -> None:
    """The files of :func:`build_index`, each handed to ``emit(path, text)`` as soon as it is made.

    ``ordered``: documents in index order (:func:`documents`), read once, one at a time, so that a
    caller may stream them from disk (search/spill.py); what is held meanwhile is the n-gram postings
    (page ids) and the organisations' page ranges, not the texts.
    """
    aliases = org_aliases or {}

    def names(org: str) -> list[str]:
        name = org_names.get(org, org)
        return [name] + [a for a in aliases.get(org, []) if a != name]

    # pages → page shards of about page_shard_bytes, each with the names of its organisations;
    # grams → page ids, from each page's text as it passes
    shard_starts: list[int] = []
    sizes: list[int] = []  # bytes of each page shard
    current: list[str] = []  # JSON text of the rows of the shard being filled
    current_orgs: dict[str, list[str]] = {}
    size = 0
    postings: defaultdict[GramKey, array] = defaultdict(partial(array, "I"))  # a new gram: ids from none
    orgs: dict[str, dict] = {}  # organisation -> its name and page-id range
    kinds: set[str] = set()
    count = 0

    def flush() -> None:
        rows = "[" + ",".join(current) + "]"
        text = f'{{"rows":{rows},"orgs":{_dump(current_orgs)}}}'
        sizes.append(len(text.encode("utf-8")))
        emit(f"p/{len(shard_starts) - 1}.json", text)

    for pid, page in enumerate(ordered):
        count += 1
        kinds.add(page.kind)
        row = page.row()
        _post(postings, gram_keys(normalise(page_text(row[1], row[4]))), pid)
        if page.org:
            entry = orgs.setdefault(page.org, {"name": org_names.get(page.org, page.org), "range": [pid, pid + 1]})
            entry["range"][1] = pid + 1
        if not current:
            shard_starts.append(pid)
        current.append(_dump(row))
        size += len(current[-1].encode("utf-8"))
        if page.org and page.org not in current_orgs:
            current_orgs[page.org] = names(page.org)
            size += len(_dump(current_orgs[page.org]).encode("utf-8"))
        if size >= page_shard_bytes:
            flush()
            current, current_orgs, size = [], {}, 0
    if current:
        flush()
    deltas = [b - a for a, b in zip([0] + shard_starts, shard_starts, strict=False)]
    emit("starts.json", _dump({"starts": deltas, "sizes": sizes}))

    # grams → their page ids, in shards by hash: each gram's ids encoded in place (no second copy), the
    # shards sized from them, then each gram let go once written into its shard's text
    estimate = 0
    grams = {key: gram_text(key) for key in postings}
    for key, ids in postings.items():
        postings[key] = encoded = array("i", encode_ids(ids))
        estimate += len(grams[key]) * 3 + 6 + 4 * len(encoded)  # ~4 bytes a number
    shards = shard_count(estimate, gram_shard_bytes)
    buckets: list[list[str]] = [[] for _ in range(shards)]
    for key in sorted(postings, key=grams.__getitem__):  # the order of the keys of each shard
        gram = grams.pop(key)
        buckets[fnv1a(gram) % shards].append(f"{_dump(gram)}:{_dump(postings.pop(key).tolist())}")
    for n, bucket in enumerate(buckets):
        emit(f"g/{n}.json", "{" + ",".join(bucket) + "}")
        buckets[n] = []

    # organisations → their page-id range and name, in shards fetched on their pages
    org_shards = shard_count(sum(len(_dump(e).encode("utf-8")) + 20 for e in orgs.values()), org_shard_bytes)
    org_buckets: list[dict[str, dict]] = [{} for _ in range(org_shards)]
    for slug in sorted(orgs):
        org_buckets[fnv1a(slug) % org_shards][slug] = orgs[slug]
    for n, org_bucket in enumerate(org_buckets):
        emit(f"o/{n}.json", _dump(org_bucket))

    manifest = {
        "format": FORMAT, "lang": lang, "pages": count, "gram_shards": shards,
        "page_shards": len(shard_starts), "org_shards": org_shards,
        "kinds": {k: kind_labels[k] for k in sorted(kinds)},
        "labels": labels,
    }
    emit("manifest.json", _dump(manifest))


def _post(postings: defaultdict[GramKey, array], keys: set[GramKey], pid: int) -> None:
    """Append ``pid`` to the page ids of every gram in ``keys`` (in C: map over the keys, no Python loop)."""
    deque(map(array.append, map(postings.__getitem__, keys), repeat(pid)), maxlen=0)


def js_twin(key: str, json_text: str) -> str:
    """The ``.js`` form of an index file, for pages opened from ``file://`` (no fetch there)."""
    return f"(window.__kmsiteSearch=window.__kmsiteSearch||{{}})[{json.dumps(key)}]={json_text};\n"
