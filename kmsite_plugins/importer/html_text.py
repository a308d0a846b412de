"""HTML fragments inside exported cells (``<p>…</p> <p><u>…</u></p>``) → plain text, one line per block."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def has_html(text: str) -> bool:
    return bool(_TAG.search(text))


def html_to_text(text: str) -> str:
    """Block elements become line breaks; inline markup (``<u>``, ``<b>``) is dropped, its words kept."""
    if not has_html(text):
        return text
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    lines = [" ".join(line.split()) for line in "".join(collector.parts).splitlines()]
    return "\n".join(line for line in lines if line)
