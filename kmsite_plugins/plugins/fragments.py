"""Theme fragments rendered once per language and place, not once per page (national scale).

Material renders its tabs, its navigation, its ``__config`` script, the search dialog, the palette, and
the stylesheet and script links into every page. For a page that is not in the navigation (every page
kmsite generates) the HTML of these parts depends on nothing of the page but where it is: the links are
relative to the page, and nothing in them is active. A language of 1,000 organisations has some 27,000
such pages and few distinct places.

``overrides/`` (base.html, main.html, partials/search.html, partials/palette.html) wraps those parts in
``{% call kmsite_fragment("name") %}...{% endcall %}``. The cache key is the fragment's name and what it
can depend on: the page's ``base_url`` and the link to every navigation target and theme file as the
``url`` filter writes it from this page. A page in the navigation (its item is active, and Material puts
its table of contents there) is always rendered, never cached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Optional

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

__all__ = ["FragmentCache"]


def _targets(items: list[Any]) -> Iterator[str]:
    """The URL of every page and link of a navigation, depth first."""
    for item in items:
        if isinstance(item, (Page, Link)):
            yield item.url
        if isinstance(item, Section):
            yield from _targets(item.children)


class FragmentCache:
    """One language build's rendered fragments (a new one per build: ``on_env``).

    ``targets``: files the fragments link to besides the navigation (the theme's assets, ``extra_css``,
    ``extra_javascript``): a page's place is also how it reaches them.
    """

    def __init__(self, targets: Iterable[str] = ()) -> None:
        self._extra = list(targets)
        self._nav: Optional[Navigation] = None  # the build's navigation, read from the first page's context
        self._targets: list[str] = []
        self._pages: set[int] = set()
        self._done: dict[tuple[Any, ...], Markup] = {}
        self._place: tuple[Any, Optional[tuple[Any, ...]]] = (None, None)  # (page, its place): the last page's
        self.renders = 0  # fragments rendered, not taken from the cache (tests)

    def _see(self, nav: Optional[Navigation]) -> None:
        if nav is self._nav:
            return
        self._nav, self._done = nav, {}
        self._targets = (list(_targets(nav.items)) if nav is not None else []) + self._extra
        self._pages = {id(page) for page in nav.pages} if nav is not None else set()

    def place(self, page: Any, base_url: str) -> Optional[tuple[Any, ...]]:
        """Where ``page`` is, as its fragments see it: ``base_url`` and its link to every target; None for
        what must be rendered every time (no page, or a page in the nav)."""
        if self._place[0] is page:
            return self._place[1]
        place = None
        if isinstance(page, Page) and id(page) not in self._pages:
            place = (base_url, *(normalize_url(target, page) for target in self._targets))
        self._place = (page, place)
        return place

    def key(self, name: str, page: Any, base_url: str) -> Optional[tuple[Any, ...]]:
        """The key of ``name`` on ``page``; None where it must be rendered (no page, or a page in the nav)."""
        place = self.place(page, base_url)
        return None if place is None else (name, *place)

    def render(self, name: str, context: Context, caller: Callable[[], str]) -> Markup:
        """The fragment ``name`` as ``caller`` renders it on the context's page, or as it did on the same place."""
        self._see(context.get("nav"))
        key = self.key(name, context.get("page"), str(context.get("base_url", "")))
        if key is not None and key in self._done:
            return self._done[key]
        self.renders += 1
        html = Markup(caller())
        if key is not None:
            self._done[key] = html
        return html

    def global_function(self) -> Callable[..., Markup]:
        """``kmsite_fragment(name)`` for ``{% call %}`` in the theme's templates."""

        @pass_context
        def kmsite_fragment(context: Context, name: str, caller: Callable[[], str]) -> Markup:
            return self.render(name, context, caller)

        return kmsite_fragment
