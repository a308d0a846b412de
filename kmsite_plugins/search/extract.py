"""The text a reader sees in a built page's main article, split into searchable sections.

Sections follow what a reader can link to: the page itself (text before the first
section), every heading h2-h4 with an ``id``, and every element with an ``id`` and the
class ``kms-card`` (people cards, knowledge cards) or a ``data-search-section`` attribute.
Block elements separate text by a space, inline elements do not (``<b>ภาษี</b>ป้าย`` is
``ภาษีป้าย``), as in the browser's ``innerText`` that Ctrl+F searches.

Only the article is read, tokenised by libxml2 (lxml, which python-docx brings) with this
module's ``_Collector`` as the parser target: about three times faster than ``html.parser`` on
the whole page, and the same text (tests/search/test_extract.py compares both on every demo page).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from lxml import etree  # type: ignore[import-untyped]

from .normalise import fold_space

__all__ = ["Section", "PageText", "extract"]

BLOCK = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot "
    "th thead tr ul".split()
)
# Not text of the page: scripts, icons, form controls (Ctrl+F does not find a <select>'s options).
SKIP = frozenset({"script", "style", "template", "noscript", "svg", "button", "select", "option", "textarea"})
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
SECTION_HEADINGS = frozenset({"h2", "h3", "h4"})
# Inline elements shown as blocks by kmsite's CSS: lines of a table cell.
BLOCK_CLASSES = frozenset({"kms-line"})
_CLASS_SPLIT = re.compile(r"\s+")
CARD_TITLES = frozenset({"h2", "h3", "h4", "h5", "h6"})
_NO_CLASSES: frozenset[str] = frozenset()
# lxml hands an element without attributes an empty mapping whose get() is Python code raising KeyError.
_NO_ATTRS: dict[str, Optional[str]] = {}


@lru_cache(maxsize=4096)  # a page's markup repeats the same few class attributes
def _class_set(value: str) -> frozenset[str]:
    return frozenset(_CLASS_SPLIT.split(value))


def _classes(attrs: Mapping[str, Optional[str]]) -> frozenset[str]:
    """The classes of an element."""
    value = attrs.get("class")
    return _class_set(value) if value else _NO_CLASSES


@dataclass
class Section:
    anchor: str  # "" for the page's text before its first section (title "": the page's title is kept once)
    title: str
    text: str = ""


@dataclass
class PageText:
    title: str
    sections: list[Section] = field(default_factory=list)  # the first one is the page's own text (anchor "")


class _Collector:
    """Gathers the article's text from a parser's events: ``start``, ``end``, ``data`` (an lxml parser target).

    Called for every tag and text of every page: the text goes straight to ``sink``, the list it belongs to
    (the h1, a section title, the current section), chosen again only when one of those changes.
    """

    def __init__(self) -> None:
        self.depth = 0  # depth inside the main article; 0 = outside
        self.done = False
        self.skip_depth = 0  # >0 while inside an element whose text is not shown
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, opens_section_title)
        self.sections: list[Section] = [Section("", "")]
        self.parts: list[list[str]] = [[]]
        self.title_parts: Optional[list[str]] = None  # collecting a section title
        self.h1: list[str] = []
        self.in_h1 = False
        self.card_title_pending = False
        self.sink: list[str] = self.parts[-1]  # where text goes now: h1, title_parts or the section's parts

    # --- helpers -------------------------------------------------------
    def _route(self) -> None:
        """Point ``sink`` at the h1 while in it, else at the title being collected, else at the section."""
        if self.in_h1:
            self.sink = self.h1
        elif self.title_parts is not None:
            self.sink = self.title_parts
        else:
            self.sink = self.parts[-1]

    def _open_section(self, anchor: str, title_from_heading: bool) -> None:
        self.sections.append(Section(anchor, ""))
        self.parts.append([])
        self.title_parts = [] if title_from_heading else None
        self.card_title_pending = not title_from_heading
        self._route()

    # --- parser events -----------------------------------------------
    def start(self, tag: str, a: Mapping[str, Optional[str]]) -> None:
        if not self.depth:
            if tag == "article" and not self.done and "md-content__inner" in _classes(a):
                self.depth = 1
            return
        if tag in VOID:
            if tag == "br" or tag == "hr":
                self.sink.append(" ")
            return
        self.depth += 1
        if not a:
            a = _NO_ATTRS
        value = a.get("class")
        classes = _class_set(value) if value else _NO_CLASSES  # _classes(a), without a call per element
        skipped = (self.skip_depth > 0 or tag in SKIP or "headerlink" in classes or "hidden" in a
                   or "data-search-exclude" in a)
        if skipped:
            self.skip_depth += 1
            self.stack.append((tag, True, False))
            return
        opens_title = False
        anchor = a.get("id")
        if tag == "h1" and not self.h1:
            self.in_h1 = True
            self._route()
            opens_title = True
        elif anchor and tag in SECTION_HEADINGS:
            self._open_section(anchor, title_from_heading=True)
            opens_title = True
        elif anchor and ("kms-card" in classes or "data-search-section" in a):
            self._open_section(anchor, title_from_heading=False)
        elif self.card_title_pending and tag in CARD_TITLES:
            self.card_title_pending = False
            self.title_parts = []
            self._route()
            opens_title = True
        if tag in BLOCK or (classes and not classes.isdisjoint(BLOCK_CLASSES)):
            self.sink.append(" ")
        self.stack.append((tag, False, opens_title))

    def end(self, tag: str) -> None:
        if not self.depth or tag in VOID:
            return
        stack = self.stack
        if not stack:  # the main article itself closes
            if tag == "article":
                self.depth = 0
                self.done = True
            return
        if stack[-1][0] != tag and all(open_tag != tag for open_tag, _, _ in stack):
            return  # a stray end tag: ignore it
        # tolerate unclosed elements: pop until the matching tag
        while stack:
            open_tag, skipped, opens_title = stack.pop()
            self.depth -= 1
            if skipped:
                self.skip_depth -= 1
            if opens_title:
                if self.in_h1:
                    self.in_h1 = False
                elif self.title_parts is not None:
                    self.sections[-1].title = fold_space("".join(self.title_parts))
                    self.title_parts = None
                self._route()
            elif not skipped and open_tag in BLOCK:
                self.sink.append(" ")
            if open_tag == tag:
                break

    def data(self, data: str) -> None:
        if self.depth and not self.skip_depth:
            self.sink.append(data)

    def close(self) -> None:
        """The end of the input (lxml's target protocol)."""


def _article(html: str) -> str:
    """The page from its main article to the end of ``<main>`` (sidebars before, footer after: no text of it)."""
    start = html.find('<article class="md-content__inner')
    if start < 0:
        return ""
    end = html.rfind("</main>")
    return html[start:end] if end > start else html[start:]


def collect(html: str, collector: _Collector) -> None:
    """Feed the article of ``html`` to ``collector`` through libxml2's HTML tokeniser."""
    article = _article(html)
    if article:
        parser = etree.HTMLParser(target=collector, remove_comments=True, remove_pis=True)
        parser.feed(article)
        parser.close()


def page_text(collector: _Collector) -> PageText:
    """What a collector gathered, as the page's title and its non-empty sections (an untitled first one)."""
    sections = []
    for section, parts in zip(collector.sections, collector.parts, strict=False):
        section.text = fold_space("".join(parts))
        if section.anchor or section.text:
            sections.append(section)
    if not sections or sections[0].anchor:
        sections.insert(0, Section("", "", ""))
    return PageText(fold_space("".join(collector.h1)), sections)


def extract(html: str) -> PageText:
    """The main article's title (h1) and sections of a built MkDocs Material page."""
    collector = _Collector()
    collect(html, collector)
    return page_text(collector)
