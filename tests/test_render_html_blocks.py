"""Template-made HTML blocks reach the page as they are: not parsed again by Python-Markdown, the same
HTML and table of contents as before, and marks that author content cannot forge (html_blocks.py)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any, Optional

import lxml.html  # type: ignore[import-untyped]
import markdown  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

from kmsite_plugins import html_blocks
from kmsite_plugins.html_blocks import CLOSE, OPEN, HtmlBlocks, mark
from kmsite_plugins.loader import load_site
from kmsite_plugins.model import SiteModel
from kmsite_plugins.pages import PageSpec, build_pages
from kmsite_plugins.render import Renderer
from kmsite_plugins.sanitize import BodySanitizer
from kmsite_plugins.thai.slug import slugify
from kmsite_plugins.views.context import BuildContext

from .conftest import ROOT

# the demo's mkdocs.yml markdown_extensions
EXTENSIONS: list[Any] = ["attr_list", "md_in_html", "admonition", "def_list", "tables", "toc"]
BODY_TEMPLATES = {"announcement.md.j2", "knowledge_asset.md.j2"}  # the pages with author Markdown bodies
CONFIGS = {"toc": {"permalink": True, "slugify": slugify}}


@cache
def _demo() -> tuple[SiteModel, tuple[PageSpec, ...]]:
    site, _ = load_site(ROOT)
    return site, tuple(build_pages(site))


def _renderer(lang: str, marked: bool, sanitize: bool = False) -> Renderer:
    sanitizer = BodySanitizer(EXTENSIONS, CONFIGS) if sanitize else None
    return Renderer(BuildContext("https://km.example.go.th/", lang, "th", ("th", "en")), None, sanitizer, marked)


def _convert(page: str, marked: bool, spy: Optional[list[str]] = None) -> tuple[str, Any]:
    """A page's Markdown (front matter dropped, as MkDocs does) to HTML and its table of contents."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    md = markdown.Markdown(extensions=EXTENSIONS + ([HtmlBlocks()] if marked else []), extension_configs=CONFIGS)
    if spy is not None:
        md.preprocessors.register(_Spy(md, spy), "spy", 21)  # what html_block (20) gets to parse
    return md.convert(body), md.toc_tokens


class _Spy(Preprocessor):
    def __init__(self, md: markdown.Markdown, seen: list[str]):
        super().__init__(md)
        self.seen = seen

    def run(self, lines: list[str]) -> list[str]:
        self.seen.append("\n".join(lines))
        return lines


def _dom(html: str) -> Any:
    """HTML as a tree to compare: attribute order, whitespace between elements and ``<hr />`` do not count."""
    def norm(el: Any) -> Any:
        kids = [c for c in el if isinstance(c.tag, str)]
        return (el.tag, sorted(el.attrib.items()), " ".join((el.text or "").split()),
                [norm(c) for c in kids], [" ".join((c.tail or "").split()) for c in kids])
    return norm(lxml.html.fragment_fromstring(html, create_parent="div"))


def _one_per_template() -> list[PageSpec]:
    seen: dict[str, PageSpec] = {}
    for spec in _demo()[1]:
        seen.setdefault(spec.template, spec)
    return list(seen.values())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_kind_of_generated_page_converts_to_the_same_html_and_contents(lang: str) -> None:
    specs = _one_per_template()
    assert len(specs) >= 15  # every page kind of the demo
    for sanitize in (False, True):  # author bodies as Markdown for MkDocs, or as sanitised HTML
        old, new = _renderer(lang, False, sanitize), _renderer(lang, True, sanitize)
        for spec in specs if not sanitize else [s for s in specs if s.template in BODY_TEMPLATES]:
            before, toc_before = _convert(old.render(spec), marked=False)
            page = new.render(spec)
            assert OPEN in page, spec.uri
            after, toc_after = _convert(page, marked=True)
            assert _dom(after) == _dom(before), spec.uri
            assert toc_after == toc_before, spec.uri
            assert OPEN not in after and CLOSE not in after and "\x0e" not in after


def test_template_html_never_reaches_the_html_parser() -> None:
    spec = next(s for s in _demo()[1] if s.template == "plan.md.j2")
    seen: list[str] = []
    html, toc = _convert(_renderer("th", True).render(spec), marked=True, spy=seen)
    parsed = seen[0]
    assert "<table" in html and "<table" not in parsed and "<td" not in parsed  # the plan's tables: stashed
    assert parsed.count("<") <= 4  # left: the print block's <div markdown> and </div>
    assert toc and toc[0]["level"] == 1  # its headings are still Markdown, in the table of contents
    # unmarked (main's path), the HTML parser reads every table
    seen.clear()
    _convert(_renderer("th", False).render(spec), marked=False, spy=seen)
    assert seen[0].count("<td") > 20


def test_a_forged_mark_in_author_text_stays_text() -> None:
    _, specs = _demo()
    spec = next(s for s in specs if s.template == "org.md.j2")
    org = spec.context["org"]
    forged = f"{CLOSE}<b>bold</b> [j](javascript:alert(1)){OPEN}"
    original = org.name
    try:
        object.__setattr__(org, "name", "ชื่อ" + forged)
        html, toc = _convert(_renderer("th", True).render(spec), marked=True)
    finally:
        object.__setattr__(org, "name", original)
    assert "<b>" not in html and 'href="javascript' not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "\x0e" not in html and "\x0f" not in html
    assert toc[0]["name"].startswith("ชื่อ")  # the heading holding it is still a heading


def test_a_forged_mark_in_a_sanitised_body_cannot_reopen_markdown() -> None:
    """A sanitised body is HTML inside a stashed block; a forged end of block would hand the rest of it to
    Markdown, where text that nh3 let through (an escaped link) would become a live javascript: link."""
    _, specs = _demo()
    spec = next(s for s in specs if s.template == "announcement.md.j2")
    entry = spec.context["entry"]
    original = entry.body
    try:
        object.__setattr__(entry, "body", f"ก่อน {CLOSE} \\[j\\](javascript:alert(1)) {OPEN} หลัง")
        html, _ = _convert(_renderer("th", True, sanitize=True).render(spec), marked=True)
    finally:
        object.__setattr__(entry, "body", original)
    assert 'href="javascript' not in html
    assert "[j](javascript:alert(1))" in html  # as text


def test_what_python_markdown_treats_specially_is_left_to_it() -> None:
    # a comment, an indented tag, text after an end tag, a script: the rest of the page is not marked
    for page in ("<!-- c -->\n<div>a</div>\n", "  <div>a</div>\n<div>b</div>\n",
                 "<p>a</p> text\n<div>b</div>\n", "<div><script>if (a<b) {}</script></div>\n<p>b</p>\n",
                 '<div markdown="0">\n<p>a</p>\n</div>\n', '<p markdown>\n<p>a</p>\n</p>\n'):
        assert mark(page) == page
    # inline tags and Markdown lines are not blocks; block tags at a line start are, up to their end tag
    assert mark("# t\n\n<span>x</span>\n\n<div>\n<p>a</p>\n</div>\n") == \
        f"# t\n\n<span>x</span>\n\n{OPEN}<div>\n<p>a</p>\n</div>{CLOSE}\n"
    # "markdown" in an attribute's value (author text) is not the attribute
    assert mark('<div title="a markdown b">\n<p>a</p>\n</div>\n').startswith(OPEN + '<div title')
    # a markdown block stays Markdown, the blocks inside it are marked, its headings are left for the toc
    assert mark('<div markdown>\n\n<h2 class="x">h</h2>\n<p>a</p><ul><li>b</li></ul>\n\n</div>\n') == \
        f'<div markdown>\n\n<h2 class="x">h</h2>\n{OPEN}<p>a</p>{CLOSE}{OPEN}<ul><li>b</li></ul>\n{CLOSE}\n\n</div>\n'


_ANY_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.DOTALL)


def _stack_block_end(text: str, start: int) -> Optional[int]:
    """The end of a raw block found tag by tag with a stack of open tags (html_blocks' rule, plainly)."""
    stack: list[str] = []
    for m in _ANY_TAG.finditer(text, start):
        if m.group(2) is None:
            return None
        closing, name = m.group(1), m.group(2).lower()
        if not closing:
            if name in ("script", "style", "textarea"):
                return None
            if not m.group(3).endswith("/") and name != "hr":
                stack.append(name)
            continue
        if name in stack:
            while stack.pop() != name:
                pass
        if not stack:
            return m.end()
    return None


# pieces of raw blocks, with what the shortcut for a start tag, text and end tag must not take as a pair
_PIECES = st.sampled_from([
    "<div>", "</div>", "<DIV>", "</Div>", "<p>", "</p>", "<span>", "</span>", '<span title="a>b">', "<a href='x/'>",
    "</a>", "<br>", "<br/>", "<br />", "<hr>", "</hr>", "<hr/>", "<hr-x>", "</hr-x>", "<script>", "</script>",
    "<Style>", "<textarea>", "<!-- c -->", "<!--", "-->", "<abc>", "</ab>", "<ab>", "</abc>", "<li>", "</li>",
    "<ul>", "</ul>", '<td a="1" b=\'2\'>', "</td >", "<p/>", "<span/>", "</ span>", "< p>", '<span a="', "x", " ",
    "\n", "<", ">", '"', "'", "/", "ก",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_block_ends_are_those_of_a_stack_of_open_tags(text: str) -> None:
    for start in (m.start() for m in re.finditer("<", text)):
        assert html_blocks._block_end(text, start) == _stack_block_end(text, start)


def test_a_start_tag_text_and_end_tag_is_no_pair_unless_both_name_one_open_element() -> None:
    for block, end in (("<p>a</p>", 8), ("<div><abc>x</ab></div>", 22), ("<div><b/>x</b>y</div>", 21),
                       ("<hr>x</hr><p>", 10), ("<div><br>x</br>", None), ("<SPAN>x</span>", 14),
                       ("<div><script>x</script></div>", None), ("<div><span>x</span>", None)):
        assert html_blocks._block_end(block, 0) == _stack_block_end(block, 0) == end


def test_the_key_is_random_per_process() -> None:
    assert len(html_blocks._KEY) == 16 and OPEN.startswith("\x0e") and CLOSE.endswith("\x0e")


def test_author_markdown_bodies_stay_markdown_for_mkdocs_links() -> None:
    """A body's links are Markdown links (elements MkDocs' link rewriting and validation see), not stashed."""
    _, specs = _demo()
    spec = next(s for s in specs if s.template == "knowledge_asset.md.j2")
    entry = spec.context["view"].entry
    original = entry.body
    try:
        object.__setattr__(entry, "body", "ดู [คู่มือ](../other.md#part) และ <span>ข้อความ</span>")
        page = _renderer("th", True).render(spec)
    finally:
        object.__setattr__(entry, "body", original)
    assert "[คู่มือ](../other.md#part)" in html_blocks._MARKED.sub("", page)  # outside every marked block
    html, _ = _convert(page, marked=True)
    assert '<a href="../other.md#part">คู่มือ</a>' in html


def test_the_built_site_holds_the_templates_html_as_written(built_site: Path) -> None:
    """Through MkDocs (the kmsite plugin adds the extension and marks the pages): the plan's coverage block,
    inside the plan's markdown block, is the template's text; md_in_html would have rebuilt it (its
    attributes reordered, its list items put on lines of their own)."""
    page = (built_site / "orgs/suso/plans/undated/index.html").read_text(encoding="utf-8")
    blocks = page.count('<div class="kms-coverage"')
    assert blocks >= 2 and page.count('<div class="kms-coverage" role="group" aria-label="') == blocks
    assert page.count('<ul class="kms-steps"><li class="kms-step') == page.count('<ul class="kms-steps"') >= 2
    assert "\x0e" not in page and "\x0f" not in page


class _EachBlockStashed(Preprocessor):
    """Each marked block its own stash entry (html_blocks before runs were stored together)."""

    def run(self, lines: list[str]) -> list[str]:
        store = self.md.htmlStash.store
        return html_blocks._MARKED.sub(lambda m: "\n" + store(m.group(1)) + "\n\n", "\n".join(lines)).split("\n")


def _convert_stashing(page: str, each_block: bool) -> tuple[str, int]:
    md = markdown.Markdown(extensions=EXTENSIONS + [HtmlBlocks()], extension_configs=CONFIGS)
    if each_block:
        md.preprocessors.register(_EachBlockStashed(md), "kmsite_html_blocks", 25)
    return md.convert(page.split("\n---\n", 1)[1] if page.startswith("---\n") else page), \
        len(md.htmlStash.rawHtmlBlocks)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_run_of_marked_blocks_is_one_stash_entry_with_the_same_html(lang: str) -> None:
    renderer = _renderer(lang, True)
    fewer = 0
    for spec in _one_per_template():
        page = renderer.render(spec)
        html, entries = _convert_stashing(page, each_block=False)
        html_each, entries_each = _convert_stashing(page, each_block=True)
        assert html == html_each, spec.uri  # byte for byte
        assert entries <= entries_each
        fewer += entries < entries_each
    assert fewer >= 10  # most kinds of page have runs of blocks


def test_only_blank_lines_join_marked_blocks_into_one_run() -> None:
    page = mark("<div>a</div>\n\n<p>b</p><p>c</p>\n  \n<div>d</div>\n## h\n<div>e</div>\n")
    html, entries = _convert_stashing(page, each_block=False)
    assert entries == 2  # a, b, c, d together; the heading ends the run; e
    assert html == _convert_stashing(page, each_block=True)[0]
    assert html.startswith("<div>a</div>\n\n<p>b</p>\n<p>c</p>\n\n<div>d</div>\n<h2")
