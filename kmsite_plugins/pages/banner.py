"""The banner of an internal (staff) build: on every page, so that nobody publishes one by mistake."""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

import jinja2

from ..render import Renderer

_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
_NOINDEX = '<meta name="robots" content="noindex, nofollow">'
_RENDERED: WeakKeyDictionary[jinja2.Environment, str] = WeakKeyDictionary()  # per Renderer (its Jinja env)


def internal_banner(renderer: Renderer) -> str:
    """The banner's HTML in the renderer's language, rendered once per Renderer."""
    if renderer.env not in _RENDERED:
        _RENDERED[renderer.env] = renderer.env.get_template("partials/internal_banner.html.j2").render()
    return _RENDERED[renderer.env]


def with_internal_banner(html: str, renderer: Renderer) -> str:
    """``html`` with the banner right after ``<body>`` and a noindex robots tag in ``<head>``."""
    match = _BODY.search(html)
    if match is None:  # not a full page (a fragment): leave it alone
        return html
    html = html[:match.end()] + internal_banner(renderer) + html[match.end():]
    return html.replace("</head>", _NOINDEX + "</head>", 1)
