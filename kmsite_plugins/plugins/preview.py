"""Serve mode of the kmsite plugin: content errors become a page in the browser, not a dead build.

Under ``mkdocs serve`` (and ``kmsite serve``) a content error does not stop the rebuild: every page,
the 404 page included, is replaced by the list of problems, and the URLs of the last good build stay
served, so the open page reloads into that list and back into the content once the files are fixed.
Builds (``mkdocs build``, ``kmsite build``) still stop on content errors.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Optional

from ..loader import Problems
from ..problem_page import problem_page
from ..views.context import BuildContext

ONLY_ORGS_ENV = "KMSITE_ONLY_ORGS"  # comma-separated organisation slugs: what `kmsite serve --org` sets


def only_orgs(configured: list[str], from_env: bool) -> Optional[list[str]]:
    """The organisations to build: the plugin's ``only_orgs`` option, else (under serve only, so that a variable
    left in a shell never makes a partial build) ``KMSITE_ONLY_ORGS``; None for all."""
    if configured:
        return configured
    if not from_env:
        return None
    slugs = [s.strip() for s in os.environ.get(ONLY_ORGS_ENV, "").split(",") if s.strip()]
    return slugs or None


class Preview:
    """Whether this is a serve session, and the content problems the open pages must show."""

    def __init__(self) -> None:
        self.serving = False
        self.problems: Optional[Problems] = None  # set while the content has errors
        self._good_uris: set[str] = set()  # generated pages of the last build without errors

    @property
    def broken(self) -> bool:
        return self.problems is not None

    def loaded(self, problems: Problems, uris: Iterable[str]) -> None:
        """Record a load's outcome and, when it has no errors, the generated pages it makes."""
        if problems.errors:
            self.problems = problems
        else:
            self.problems = None
            self._good_uris = set(uris)

    def stub_uris(self) -> list[str]:
        """Generated pages to keep while broken, so that an open page is still there to reload."""
        return sorted(self._good_uris)

    def page(self, ctx: BuildContext) -> str:
        """The problems, in the language and digits of the page they replace."""
        assert self.problems is not None
        return problem_page([p.format() for p in self.problems.errors], len(self.problems.warnings), ctx)
