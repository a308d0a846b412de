"""Material's interface labels looked up once per build, not by a macro that rebuilds a table every time.

Material's ``partials/language.html`` answers ``lang.t(key)`` from the theme language's
``partials/languages/<language>.html``, whose ``t`` macro builds that language's whole table (some fifty
labels) at every call, then falls back to English, then to the key: a page asks a dozen times.
``overrides/partials/language.html`` asks :class:`ThemeLabels` instead: the same macros, each key asked
once per language build.
"""

from __future__ import annotations

from typing import Any

import jinja2

__all__ = ["ThemeLabels"]


class ThemeLabels:
    """``kmsite_label(key)``: what Material's ``lang.t(key)`` gives in ``language``, remembered."""

    def __init__(self, env: jinja2.Environment, language: str) -> None:
        self._language: Any = env.get_template(f"partials/languages/{language}.html").module
        self._fallback: Any = env.get_template("partials/languages/en.html").module
        self._known: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        label = self._known.get(key)
        if label is None:
            label = self._known[key] = str(self._language.t(key) or self._fallback.t(key) or key)
        return label
