"""The banner of an internal (staff) build: on every page, so that nobody publishes one by mistake."""

from __future__ import annotations

import re

from ..render import Renderer

_BODY = re.compile(r"<body[^>]*>", re.IGNORECASE)
_NOINDEX = '<meta name="robots" content="noindex, nofollow">'


def with_internal_banner(html: str, renderer: Renderer) -> str:
    """``html`` with the banner right after ``<body>`` and a noindex robots tag in ``<head>``."""
    banner = renderer.env.get_template("partials/internal_banner.html.j2").render()
    match = _BODY.search(html)
    if match is None:  # not a full page (a fragment): leave it alone
        return html
    html = html[:match.end()] + banner + html[match.end():]
    return html.replace("</head>", _NOINDEX + "</head>", 1)
