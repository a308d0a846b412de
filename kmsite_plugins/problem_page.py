"""The page ``kmsite serve`` shows instead of every page while the content has errors.

A standalone HTML document (no theme, no content), so it renders whatever state the content is in.
Problem text comes from author files: it is escaped by the template, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import jinja2

from .labels import TEMPLATE_DIR, load_labels
from .views.context import BuildContext


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("preview/problems.html.j2")


def problem_page(errors: Sequence[str], warnings: int, ctx: BuildContext) -> str:
    """Every error as its ``path:line: field: message`` line (as the terminal prints it), and how many
    warnings the terminal shows; the counts follow the page's digits."""
    return _template().render(lang=ctx.lang, labels=load_labels(ctx.lang), problems=list(errors),
                              count=ctx.number(len(errors)), warnings=ctx.number(warnings) if warnings else "",
                              thai_digits=ctx.thai_digits)
