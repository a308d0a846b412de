"""The ``sanitize: true`` site option: Markdown bodies rendered to HTML and cleaned with nh3.

By default a Markdown body (of an asset or an announcement, and ``body_en``) keeps MkDocs' trust
model: its HTML is published as written. A portal of many organisations should turn sanitising
on: scripts, event handlers, ``javascript:`` links, iframes and styles are removed, so one
organisation's author cannot run script on another's pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import markdown  # type: ignore[import-untyped]
import nh3

__all__ = ["BodySanitizer"]

_TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
         "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
         "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
         "tfoot", "th", "thead", "tr", "u", "ul"}
_ATTRIBUTES = {"*": {"class", "lang", "title"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
               "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
               "ol": {"start"}, **{f"h{n}": {"id"} for n in range(1, 7)}}
_SCHEMES = {"http", "https", "mailto"}


class BodySanitizer:
    """Markdown → HTML with the site's Markdown extensions, then an allow-list of tags, attributes and URL schemes."""

    def __init__(self, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None):
        self.extensions = list(extensions)
        self.configs = dict(configs or {})

    def __call__(self, body: str) -> str:
        html = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs).convert(body)
        return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                         link_rel="noopener noreferrer", strip_comments=True)
