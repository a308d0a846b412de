"""Normalisation, text extraction and the sharded index with its reference query."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kmsite_plugins.search.extract import Section, extract
from kmsite_plugins.search.index import (
    ENTRY_TEXT_CHARS,
    IndexPage,
    _key,
    build_index,
    cover,
    decode_ids,
    encode_ids,
    fnv1a,
    gram_keys,
    gram_text,
    grams_of,
    list_documents,
    page_text,
)
from kmsite_plugins.search.normalise import normalise
from kmsite_plugins.search.query import BROAD_RESULTS, Searcher, junctions, query_grams, query_parts

KINDS = {"page": "หน้าเว็บ", "people": "บุคลากร", "plan": "แผน KM"}
KINDS_ALL = {**KINDS, "home": "หน้าแรก", "people-site": "บุคลากร", "org": "หน่วยงาน"}


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
    files = build_index(pages, lang="th", org_names={"a": "อบต.ก", "b": "อบต.ข"}, kind_labels=KINDS_ALL,
                        labels={"search.scope": "เฉพาะ {org}"}, **kw)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return Searcher(tmp_path)


def test_index_finds_what_ctrl_f_finds(tmp_path: Path):
    searcher = _write(tmp_path, _pages(), page_shard_bytes=100)
    urls = lambda q, **kw: sorted(h.url for h in searcher.search(q, **kw))  # noqa: E731
    assert urls("งบประมาณ") == ["", "orgs/a/plans/1/"]  # inside ปีงบประมาณ too; not "งบ ประมาณ"
    assert urls("ภาษีป้าย") == ["orgs/a/plans/1/"]  # found as typed: "ภาษี ป้าย" elsewhere is not split for
    assert searcher.split is None
    assert urls("2567") == urls("๒๕๖๗") == ["", "orgs/a/plans/1/"]
    assert urls("สมชาย ใจดี") == ["orgs/a/people/"]
    assert searcher.search("สมชาย")[0].anchors == ["somchai"]
    assert urls("ผู้อำนวยการ") == ["orgs/a/people/"]
    assert urls("ภาษี", org="a") == ["orgs/a/plans/1/"] and urls("ภาษี", org="b") == ["orgs/b/plans/1/"]
    assert urls("ก") == [] and urls("ไม่มีคำนี้") == []


def test_several_words_in_any_order_each_matched_as_one_word(tmp_path: Path):
    searcher = _write(tmp_path, _pages(), page_shard_bytes=100)
    urls = lambda q: sorted(h.url for h in searcher.search(q))  # noqa: E731
    assert urls("ป้าย ภาษี") == ["orgs/a/plans/1/", "orgs/b/plans/1/"]  # any order, adjacent or not
    assert urls("ประมาณ ๒๕๖๗") == ["", "orgs/a/plans/1/"]  # part of a word; Thai digits as Arabic
    assert urls("ใจดี ผู้อำนวยการ") == ["orgs/a/people/"]
    assert searcher.search("ใจดี ผู้อำนวยการ")[0].anchors == ["somchai"]  # the card holding both
    assert urls("ภาษี ไม่มีคำนี้") == []  # every part is required
    assert searcher.split == ["ภาษี", "ไม่มี", "คำ", "นี้"]  # nothing as typed: split, still nothing


def test_an_unspaced_thai_query_not_on_any_page_is_searched_as_its_words(tmp_path: Path):
    searcher = _write(tmp_path, _pages(), page_shard_bytes=100)
    assert sorted(h.url for h in searcher.search("ป้ายภาษีงบ")) == ["orgs/a/plans/1/", "orgs/b/plans/1/"]
    assert searcher.split == ["ป้าย", "ภาษี", "งบ"]


def test_long_queries_fetch_a_bounded_number_of_gram_shards():
    parts = query_parts("การจัดการความรู้ ชุมชนนักปฏิบัติ ยุทธศาสตร์ ประจำปีงบประมาณ ๒๕๖๗ ตัวชี้วัด")
    grams = query_grams(parts)
    assert len(grams) <= 6
    assert set(grams) & set(junctions(parts[0]))  # the phrase as typed narrows the candidates
    assert query_grams(["ภาษีป้าย", "km"]) == ["ีป้", "ภาษ", "้าย", "km"]  # the junction, then the covers
    assert len(query_grams(["ภาษีป้าย", "km", "plan"])) <= 6


def test_orgs_are_page_ranges_in_org_shards_and_the_manifest_has_kind_labels(tmp_path: Path):
    searcher = _write(tmp_path, _pages())
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert "orgs" not in manifest
    assert searcher.org("a") == {"name": "อบต.ก", "range": [1, 3]}
    assert manifest["kinds"] == KINDS
    shard = json.loads((tmp_path / "p/0.json").read_text(encoding="utf-8"))
    assert shard["orgs"] == {"a": ["อบต.ก"], "b": ["อบต.ข"]}  # the names of its pages' organisations


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 300), unique=True).map(sorted))
def test_page_ids_encode_as_deltas_and_runs(ids):
    codes = encode_ids(ids)
    assert decode_ids(codes) == ids
    assert len(codes) <= len(ids)
    if ids and ids == list(range(ids[0], ids[0] + len(ids))):
        assert len(codes) <= 2  # a run of consecutive ids: two numbers


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["ก", "๒", "a", " ", "\0", "é", "\uffff", "\U0001f600", "\ud800"]),
               max_size=12))
def test_gram_keys_are_the_grams_one_key_each_whatever_the_text(text: str) -> None:
    # BMP texts take the UTF-16 path, others (beyond the BMP, NUL, a lone surrogate) the grams one by one:
    # either way a gram has the same key, so that its page ids gather under one key
    keys = gram_keys(text)
    assert {gram_text(key) for key in keys} == grams_of(text)
    assert keys == {_key(gram) for gram in grams_of(text)}


def _national(n_orgs: int) -> list[IndexPage]:
    """A site of n organisations: their pages and site-wide list pages listing every organisation."""
    pages: list[IndexPage] = []
    home = [Section("", "", "ยินดีต้อนรับ การจัดการความรู้")]
    people = [Section("", "", "บุคลากรทุกหน่วยงาน")]
    for i in range(n_orgs):
        slug = f"org{i:04d}"
        name = f"องค์การบริหารส่วนตำบลทดสอบ{i}"
        home.append(Section(slug, name, f"{name} อำเภอเมือง จังหวัดทดสอบ ภาษีป้าย การจัดการความรู้"))
        cards = [Section(f"p{j}", f"นายสมชาย{i}x{j} ใจดี", f"ผู้อำนวยการกองคลัง {name} ความรู้ด้านภาษีป้าย")
                 for j in range(5)]
        people.extend(Section(f"{slug}-{c.anchor}", c.title, c.text) for c in cards)
        pages.append(IndexPage(f"orgs/{slug}/", name, "org", slug, [Section("", "", f"{name} จังหวัดทดสอบ")]))
        pages.append(IndexPage(f"orgs/{slug}/people/", "บุคลากร", "people", slug, [Section("", "", "")] + cards))
        pages.append(IndexPage(f"orgs/{slug}/plans/1/", "แผนการจัดการความรู้", "plan", slug,
                               [Section("", "", "การจัดการความรู้ ภาษีป้าย งบประมาณ 2567 " * 30)]))
    pages.append(IndexPage("", "หน้าแรก", "home", None, home))
    pages.append(IndexPage("people/", "บุคลากรทั้งหมด", "people-site", None, people))
    return pages


def _build_national(n_orgs: int) -> dict[str, str]:
    pages = _national(n_orgs)
    names = {p.org: p.title for p in pages if p.kind == "org" and p.org}
    aliases = {org: [name, name.replace("องค์การบริหารส่วนตำบล", "อบต."), "จังหวัดทดสอบ"] for org, name in names.items()}
    return build_index(pages, lang="th", org_names=names, org_aliases=aliases, kind_labels=KINDS_ALL,
                       labels={"search.scope": "เฉพาะ {org}"})


def test_manifest_and_every_shard_stay_bounded_as_organisations_grow():
    largest: dict[int, dict[str, int]] = {}
    for n in (20, 200):
        files = _build_national(n)
        sizes: dict[str, int] = {}
        for rel, text in files.items():
            kind = rel.split("/")[0] if "/" in rel else rel
            sizes[kind] = max(sizes.get(kind, 0), len(text.encode("utf-8")))
        largest[n] = sizes
    small, big = largest[20], largest[200]
    assert big["manifest.json"] < small["manifest.json"] + 20 < 2_000  # nothing per organisation (counts only)
    assert big["starts.json"] < 4_000
    assert big["p"] <= 2 * 24 * 1024 and big["o"] <= 2 * 8 * 1024
    assert big["g"] <= 2 * 16 * 1024  # common grams too: runs of ids cost two numbers
    assert big["p"] < 1.5 * small["p"] + 10_000 and big["g"] < 1.5 * small["g"] + 10_000


def test_entries_of_a_site_wide_list_page_are_separately_findable(tmp_path: Path):
    pages = _national(3)
    docs = [d for p in pages for d in list_documents(p)]
    assert len([d for d in docs if d.kind == "home"]) == 4  # the page's own text and its 3 entries
    assert [d.url for d in docs if d.kind == "people-site"] == ["people/"]  # cards: on the org's people page
    searcher = _write(tmp_path, pages)
    hits = searcher.search("องค์การบริหารส่วนตำบลทดสอบ1 ")
    assert "#org0001" in [h.url for h in hits]
    entry = next(h for h in hits if h.url == "#org0001")
    assert entry.title == "องค์การบริหารส่วนตำบลทดสอบ1" and entry.kind == "home"
    assert "#org0002" not in [h.url for h in searcher.search("ทดสอบ1 อำเภอ")]  # one entry's text, not the list's
    assert {h.url for h in searcher.search("นายสมชาย1x3")} == {"orgs/org0001/people/"}
    assert {h.url for h in searcher.search("บุคลากรทุกหน่วยงาน")} == {"people/"}  # the page's own text
    big = list_documents(IndexPage("", "หน้าแรก", "home", None, [Section("plans", "แผนล่าสุด", "แผน " * 100_000)]))
    assert len(big[1].text) <= ENTRY_TEXT_CHARS + 20  # a section listing everything: bounded too


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
    parts = query_parts(query)
    words = searcher.split or parts  # the words searched: the query's parts, or the words they split into
    holding = {p.url for p in pages if all(w in normalise(p.text) for w in words)}
    if any(len(w) >= 2 for w in words):
        assert found == holding
    else:
        assert found == set()
    if searcher.split:  # split only when nothing holds the parts as typed
        assert not [p for p in pages if all(w in normalise(p.text) for w in parts)]


def test_a_broad_query_shows_the_first_pages_found_within_a_bounded_transfer(tmp_path: Path):
    for rel, text in _build_national(200).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    searcher = Searcher(tmp_path)
    hits = searcher.search("การจัดการความรู้")  # on every plan and every home-page entry
    assert searcher.truncated and len(hits) >= BROAD_RESULTS
    assert searcher.bytes_read < 300_000
    narrow = Searcher(tmp_path)
    assert {h.url for h in narrow.search("นายสมชาย150x3")} == {"orgs/org0150/people/"}
    assert not narrow.truncated  # every candidate checked
    everywhere = Searcher(tmp_path)
    assert everywhere.search("ผู้อำนวยการกองคลัง")  # 1,000 cards on 200 pages: broad too
    assert everywhere.truncated and everywhere.bytes_read < 300_000
