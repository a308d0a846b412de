"""Template-made HTML blocks that Python-Markdown stores as they are instead of parsing them again.

A generated page is Markdown for MkDocs: headings and labels for the table of contents, author Markdown
bodies, and many raw HTML blocks made by our templates. Python-Markdown runs every raw block through
``html.parser`` (and md_in_html rebuilds those inside ``markdown`` blocks as element trees) only to
publish them unchanged: most of a generated page's conversion time. So the renderer marks each top-level
block our templates made (``mark``) and the ``HtmlBlocks`` extension puts the marked text straight into
the page's HTML stash, where Python-Markdown's own raw-HTML pass would have put it; a run of marked blocks
with only blank lines between them is one stash entry, one paragraph for Python-Markdown to carry through
its block, inline and serialising passes instead of one per block.

The marks carry a random key drawn once per process, and their two control characters are removed from
author text (``render.text``) and bodies, so author content can neither open nor close a mark. Only
what Python-Markdown would itself treat as one raw block is marked (a block-level tag at the start of a
line, up to its matching end tag at the end of a line); ``markdown`` blocks stay Markdown (their headings
feed the table of contents) while the blocks inside them are marked. Anything else (indented tags,
text after an end tag, ``script``, comments) is left, with the rest of the page, to Python-Markdown.
"""

from __future__ import annotations

import re
import secrets
from typing import Any, Optional

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]
from markdown.util import BLOCK_LEVEL_ELEMENTS  # type: ignore[import-untyped]

__all__ = ["HtmlBlocks", "MARK_CHARS", "SI", "SO", "mark", "strip_marks"]

_KEY = secrets.token_hex(8)  # one per process: the renderer and the extension of a build share it
# the marks' characters (render.py's body placeholders too): kept by Python-Markdown (unlike STX/ETX) and
# str.splitlines (unlike \x1e)
SO, SI = "\x0e", "\x0f"
OPEN = f"{SO}{_KEY}{SI}"
CLOSE = f"{SI}{_KEY}{SO}"
MARK_CHARS = {ord(SO): None, ord(SI): None}  # str.translate table: the marks' characters removed
_MARKED = re.compile(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), re.DOTALL)

# Python-Markdown's (and md_in_html's) classes of block-level tags
_BLOCK = frozenset(BLOCK_LEVEL_ELEMENTS)
_SPAN_CONTENT = frozenset({"address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p",
                           "summary", "td", "th"})
_RAW_CONTENT = frozenset({"canvas", "math", "option", "pre", "script", "style", "textarea"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_MARKDOWN_BLOCK = _BLOCK - _SPAN_CONTENT - _RAW_CONTENT - {"hr"}  # a ``markdown`` attribute makes these Markdown

_START = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# A tag's name and attributes (up to its '/>' or '>'), read once: possessive, so a failed match never retries
# shorter names or other splits of the attributes (which are not ambiguous: quoted values are read whole).
_NAME = r"([A-Za-z][A-Za-z0-9-]*+)"
_ATTRS = r"(?:[^>\"'/]++|/(?!>)|\"[^\"]*+\"|'[^']*+')*+"
# A token of a raw block: a comment; a start tag, text and the end tag with the same name (no effect on the
# stack of open tags: most of a page); or a start or end tag (its '/', its name and a self-closing '/').
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?!(?i:hr|script|style|textarea)(?![A-Za-z0-9-]))" + _NAME + _ATTRS + r">[^<]*+</\1>"
    r"|<(/?)" + _NAME + _ATTRS + r"(/?)>",
    re.DOTALL)
_NOT_HTML = frozenset({"script", "style", "textarea"})  # start tags of content that is not HTML
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")  # attribute values, where author text may say "markdown"
_MD_ATTR = re.compile(r"\smarkdown(?=[\s=/]|$)")
_ATTR_VALUE = re.compile(r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_BLANK_LINE = re.compile(r"[ ]*\n[ ]*\n")  # Python-Markdown keeps a newline in a raw block followed by one


def strip_marks(value: str) -> str:
    """Author content without the marks' two control characters (invisible, and not valid HTML text)."""
    return value.translate(MARK_CHARS)


def _markdown_attr(attributes: str) -> Optional[str]:
    """The value of a start tag's md_in_html ``markdown`` attribute ("markdown" when it has none), or None."""
    found = _MD_ATTR.search(_QUOTED.sub(lambda m: "_" * len(m.group()), attributes))
    if found is None:
        return None
    value = _ATTR_VALUE.match(attributes, found.end())
    return value.group(1).strip("\"'") if value else "markdown"


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _block_end(text: str, start: int) -> Optional[int]:
    """Where the raw block opened at ``start`` ends, as Python-Markdown's HTML extractor finds it: the end
    tag that empties its stack of open tags. None where that is not plain (a comment or script inside)."""
    stack: list[str] = []
    for m in _TOKEN.finditer(text, start):
        pair, closing, name, self_closing = m.groups()
        if pair is not None:  # pushed and popped at once
            if not stack:
                return m.end()
            continue
        if name is None:
            return None  # a comment: Python-Markdown treats some as blocks of their own
        name = name.lower()
        if closing:
            if name in stack:
                while stack.pop() != name:
                    pass
            if not stack:
                return m.end()
        elif name in _NOT_HTML:
            return None  # content that is not HTML
        elif not self_closing and name != "hr":
            stack.append(name)
    return None


def mark(markdown: str) -> str:
    """Mark every top-level raw HTML block that Python-Markdown would store unparsed (see module doc).

    ``markdown`` must hold no author Markdown (the renderer puts bodies in after this): every tag in it
    was written by a template, and author text in it is escaped.
    """
    out: list[str] = []
    markdown_blocks: list[str] = []  # the open ``markdown`` blocks around this line
    pos, size = 0, len(markdown)
    in_tail = False  # pos is after an end tag on its line, where Python-Markdown starts a block at a block tag
    while pos < size:
        eol = _line_end(markdown, pos)
        start = _START.match(markdown, pos, eol)
        name = start.group(1).lower() if start else ""
        if in_tail and (not start or name not in _BLOCK or _markdown_attr(start.group(2)) is not None
                        or markdown_blocks and name in _HEADINGS):
            break
        if not start or name not in _BLOCK:
            if markdown.startswith((" <", "  <", "   <", "<!"), pos):
                break  # an indented tag or a comment or declaration: Python-Markdown's rules, the rest its
            if markdown_blocks and markdown.startswith(f"</{markdown_blocks[-1]}>", pos):
                markdown_blocks.pop()
            out.append(markdown[pos:eol + 1])
            pos = eol + 1
            continue
        markdown_attr = _markdown_attr(start.group(2))
        if markdown_attr is not None:
            if (name not in _MARKDOWN_BLOCK or markdown_attr not in ("1", "markdown", "block")
                    or markdown[start.end():eol].strip()):
                break  # raw or span-level Markdown, or text after the tag: md_in_html's rules, the rest its
            markdown_blocks.append(name)
            out.append(markdown[pos:eol + 1])  # a Markdown block: its lines are marked as the page's are
            pos = eol + 1
            continue
        end = start.end() if name == "hr" else _block_end(markdown, pos)
        if end is None:
            break
        after = _line_end(markdown, end)
        tail = markdown[end:after]
        in_tail = bool(tail.strip())
        if in_tail and (not tail.lstrip(" ").startswith("<") or markdown_blocks and name in _HEADINGS):
            break  # text after the end tag: Python-Markdown's rules for a "tail", the rest its
        if in_tail:  # another block starts after this one on the line (checked above, in the next round)
            spaces = len(tail) - len(tail.lstrip(" "))
            out.append(OPEN + markdown[pos:end] + CLOSE + tail[:spaces])
            pos = end + spaces
            continue
        if markdown_blocks and name in _HEADINGS:
            # md_in_html makes a heading that opens a block in a markdown block an element of the page's tree:
            # a table-of-contents entry with an id and a permalink. (Headings deeper in a block stay raw HTML,
            # as before: the equality test over every page kind keeps this in step with md_in_html.)
            out.append(markdown[pos:after + 1])
        else:
            keep_newline = _BLANK_LINE.match(markdown, end) is not None
            out.append(OPEN + markdown[pos:end] + ("\n" if keep_newline else "") + CLOSE + markdown[end:after + 1])
        pos = after + 1
    out.append(markdown[pos:])
    return "".join(out)


class _StashMarked(Preprocessor):
    """Marked blocks into the HTML stash, after whitespace normalisation (30), before raw HTML (20)."""

    def run(self, lines: list[str]) -> list[str]:
        source = "\n".join(lines)
        if OPEN not in source:
            return lines
        out: list[str] = []
        run: list[str] = []  # the blocks of a run of marks with only whitespace between them
        pos = 0
        for m in _MARKED.finditer(source):
            between = source[pos:m.start()]
            if run and between.strip(" \n"):  # text between (tabs are spaces by now: NormalizeWhitespace)
                out.append(self._store(run))
                run = []
            if not run:
                out.append(between)
            run.append(m.group(1))
            pos = m.end()
        if run:
            out.append(self._store(run))
        out.append(source[pos:])
        return "".join(out).split("\n")

    def _store(self, blocks: list[str]) -> str:
        """Consecutive blocks as one stash entry: the HTML Python-Markdown makes of them one by one (each its
        own paragraph, joined by a newline), with one paragraph to parse and serialise instead of many."""
        return "\n" + self.md.htmlStash.store("\n".join(blocks)) + "\n\n"


class HtmlBlocks(Extension):
    """Python-Markdown extension: blocks marked by ``mark`` reach the HTML as they are, not parsed again."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(_StashMarked(md), "kmsite_html_blocks", 25)

    def __repr__(self) -> str:
        return "HtmlBlocks()"

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, HtmlBlocks)

    def __hash__(self) -> int:
        return hash(HtmlBlocks)
