"""Normalisation, text extraction and the sharded index with its reference query."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kmsite_plugins.search.extract import Section, extract
from kmsite_plugins.search.index import IndexPage, build_index, cover, fnv1a, page_text
from kmsite_plugins.search.normalise import normalise
from kmsite_plugins.search.query import Searcher

KINDS = {"page": "หน้าเว็บ", "people": "บุคลากร", "plan": "แผน KM"}


def test_normalise_folds_digits_case_and_space_one_char_for_one():
    assert normalise("ปี ๒๕๖๗\n\t KM  Team") == "ปี 2567 km team"
    assert normalise("a\u200bb") == "ab"  # zero-width space is invisible to Ctrl+F
    text = "İstanbul ๑"  # İ lowercases to two characters: kept, so positions still match
    assert len(normalise(text)) == len(text)


def test_fnv1a_matches_javascript_over_utf16_units():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # reference value of 32-bit FNV-1a
    assert fnv1a("😀") != fnv1a("\ud83d")  # astral characters count as two UTF-16 units


def test_cover_grams_span_the_whole_query():
    assert cover("ก") == []
    assert cover("km") == ["km"]
    assert cover("ภาษีป้าย") == ["ภาษ", "ีป้", "้าย"]
    assert cover("abcd") == ["abc", "bcd"]


PAGE = """<html><nav>เมนู ภาษี</nav><article class="md-content__inner md-typeset">
<h1 id="t">บุคลากร<a class="headerlink" href="#t">¶</a></h1><p>คำนำ <b>ภาษี</b>ป้าย</p>
<div class="kms-cards"><article class="kms-card" id="somchai"><h2 class="kms-card-name">นายสมชาย ใจดี</h2>
<p>นักวิชาการ<br>คลัง</p><select><option>ตัวเลือก</option></select></article></div>
<h2 id="more">เพิ่มเติม</h2><p hidden>ซ่อน</p><p>ท้าย</p><script>var x = "สคริปต์";</script>
</article><footer>ท้ายเว็บ</footer></html>"""


def test_extract_reads_the_article_as_shown_and_splits_sections():
    page = extract(PAGE)
    assert page.title == "บุคลากร"
    assert [(s.anchor, s.title) for s in page.sections] == [("", ""), ("somchai", "นายสมชาย ใจดี"),
                                                           ("more", "เพิ่มเติม")]  # the page's title once
    assert page.sections[0].text == "คำนำ ภาษีป้าย"  # inline <b> joins, permalink sign dropped
    assert page.sections[1].text == "นักวิชาการ คลัง"  # <br> separates; form controls are not text
    assert page.sections[2].text == "ท้าย"  # hidden and script text dropped
    text = page_text(page.title, [(s.anchor, s.title, s.text) for s in page.sections])
    assert text == "บุคลากร คำนำ ภาษีป้าย นายสมชาย ใจดี นักวิชาการ คลัง เพิ่มเติม ท้าย"  # no menu, no footer


def _pages() -> list[IndexPage]:
    return [
        IndexPage("", "หน้าแรก", "page", None, [Section("", "หน้าแรก", "การจัดการความรู้ ปีงบประมาณ ๒๕๖๗")]),
        IndexPage("orgs/a/people/", "บุคลากร", "people", "a",
                  [Section("", "บุคลากร", ""), Section("somchai", "นายสมชาย ใจดี", "ผู้อำนวยการกองช่าง")]),
        IndexPage("orgs/a/plans/1/", "แผน", "plan", "a", [Section("", "แผน", "งบประมาณ 2567 ภาษีป้าย")]),
        IndexPage("orgs/b/plans/1/", "แผน", "plan", "b", [Section("", "แผน", "ภาษี ป้าย งบ ประมาณ")]),
    ]


def _write(tmp_path: Path, pages: list[IndexPage], **kw) -> Searcher:
    files = build_index(pages, lang="th", org_names={"a": "อบต.ก", "b": "อบต.ข"}, kind_labels=KINDS,
                        labels={"search.scope": "เฉพาะ {org}"}, **kw)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return Searcher(tmp_path)


def test_index_finds_what_ctrl_f_finds(tmp_path: Path):
    searcher = _write(tmp_path, _pages(), page_shard_bytes=100)
    urls = lambda q, **kw: sorted(h.url for h in searcher.search(q, **kw))  # noqa: E731
    assert urls("งบประมาณ") == ["", "orgs/a/plans/1/"]  # inside ปีงบประมาณ too; not "งบ ประมาณ"
    assert urls("ภาษีป้าย") == ["orgs/a/plans/1/"]  # "ภาษี ป้าย" is not the typed phrase
    assert urls("2567") == urls("๒๕๖๗") == ["", "orgs/a/plans/1/"]
    assert urls("สมชาย ใจดี") == ["orgs/a/people/"]
    assert searcher.search("สมชาย")[0].anchors == ["somchai"]
    assert urls("ผู้อำนวยการ") == ["orgs/a/people/"]
    assert urls("ภาษี", org="a") == ["orgs/a/plans/1/"] and urls("ภาษี", org="b") == ["orgs/b/plans/1/"]
    assert urls("ก") == [] and urls("ไม่มีคำนี้") == []


def test_manifest_lists_orgs_as_page_ranges_and_kind_labels(tmp_path: Path):
    _write(tmp_path, _pages())
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["orgs"]["a"] == {"name": "อบต.ก", "range": [1, 3]}
    assert manifest["kinds"] == {"page": "หน้าเว็บ", "people": "บุคลากร", "plan": "แผน KM"}


THAI = st.sampled_from(list("กขคงจนมยรลวสหอะาิีึืุูเแโไ่้็์ ") + ["12", "๑๒", "KM"])


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(THAI, min_size=1, max_size=40).map("".join), min_size=1, max_size=8),
       pick=st.integers(0, 7), start=st.integers(0, 39), length=st.integers(2, 8))
def test_any_substring_of_a_page_finds_exactly_the_pages_containing_it(tmp_path_factory, texts, pick, start, length):
    pages = [IndexPage(f"p{i}/", f"หน้า{i}", "page", None, [Section("", f"หน้า{i}", t)]) for i, t in enumerate(texts)]
    source = pages[pick % len(pages)].text
    query = source[start % len(source):][:length]
    searcher = _write(tmp_path_factory.mktemp("idx"), pages, page_shard_bytes=64, gram_shard_bytes=64)
    found = {h.url for h in searcher.search(query)}
    q = normalise(query)
    expected = {p.url for p in pages if q in normalise(p.text)} if len(q) >= 2 else set()
    assert found == expected
