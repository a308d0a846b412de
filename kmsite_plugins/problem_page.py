"""The page ``kmsite serve`` shows instead of every page while the content has errors.

A standalone HTML document (no theme, no content), so it renders whatever state the content is in.
Problem text comes from author files: it is escaped by the template, never markup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import jinja2

from .loader import Problem
from .thai.digits import to_thai


@lru_cache(maxsize=None)
def _template() -> jinja2.Template:
    from .render import TEMPLATE_DIR

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("preview/problems.html.j2")


def problem_page(errors: Sequence[Problem], warnings: int, lang: str, digits: str = "thai") -> str:
    """Every error as its ``path:line: field: message`` line (as the terminal prints it), and how many
    warnings the terminal shows; the counts follow the page's digits."""
    from .render import load_labels

    def num(value: int) -> str:
        return to_thai(str(value)) if lang == "th" and digits == "thai" else str(value)

    return _template().render(lang=lang, labels=load_labels(lang), problems=[p.format() for p in errors],
                              count=num(len(errors)), warnings=num(warnings) if warnings else "",
                              thai_digits=lang == "th" and digits == "thai")
