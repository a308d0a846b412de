"""Search pages kept on disk during a build (search/spill.py) and the index written file by file from them."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from typing import Any

from kmsite_plugins.search.extract import Section
from kmsite_plugins.search.index import IndexPage, build_index, documents, write_index
from kmsite_plugins.search.spill import PageSpill

from .test_search_index import KINDS_ALL, _build_national, _national


def test_index_files_are_the_same_bytes_as_before_streaming() -> None:
    # sha256 of build_index(_national(200)) by the in-memory index of main (a05caf9), before write_index
    files = _build_national(200)
    digest = hashlib.sha256(json.dumps(sorted(files.items()), ensure_ascii=False).encode()).hexdigest()
    assert len(files) == 81
    assert digest == "0cdd92d946cb9e12d0f60de707c9d2972927b82feee7687ee85c0032a499b429"


def test_pages_read_back_from_the_spill_give_the_same_documents_and_index() -> None:
    pages = _national(40)
    spill = PageSpill()
    for page in pages:
        spill.add(page)
    assert list(spill.pages()) == pages and len(spill) == len(pages)
    assert list(spill.documents()) == documents(pages)
    assert spill.kinds == {p.kind for p in pages}
    streamed: dict[str, str] = {}
    options: dict[str, Any] = {"lang": "th", "org_names": {}, "kind_labels": KINDS_ALL, "labels": {}}
    write_index(spill.documents(), streamed.__setitem__, **options)
    assert streamed == build_index(pages, **options)
    spill.close()


def test_the_spill_holds_no_page_text_in_memory() -> None:
    spill = PageSpill()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(100):  # 100 pages of 20,000 Thai characters: 4 MB as Python text
            spill.add(IndexPage(f"orgs/o{n}/plans/1/", "แผน", "plan", f"o{n}", [Section("", "", "ภาษีป้าย" * 2500)]))
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < 200_000, held  # places and sort keys only
    assert next(spill.documents()).sections[0].text == "ภาษีป้าย" * 2500
    spill.close()
