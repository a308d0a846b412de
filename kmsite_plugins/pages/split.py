"""Site-wide list pages that split by province past the list limit (views/parts.py).

Under the limit a list is one page, as it always was. Past it, the list's URL holds an index of
provinces (kind ``<kind>-provinces``, template ``province_index.md.j2``) and each part is a page of
the list's own template and kind, made from that part's organisations only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

from ..model import OrgContent, SiteModel
from ..views.parts import Province
from ..views.urls import province_part_url
from .spec import PageSpec, source_uri

__all__ = ["INDEX_KINDS", "split_list"]

INDEX_TEMPLATE = "province_index.md.j2"
INDEX_KINDS = ("orgs-provinces", "knowledge-index-provinces", "knowledge-map-provinces", "people-site-provinces",
               "who-knows-provinces", "announcements-provinces")
"""The kinds of the province indexes: list pages that hold links and counts only."""

ListContext = Callable[[list[OrgContent]], dict[str, Any]]


def split_list(site: SiteModel, provinces: Optional[list[Province]], list_url: str, kind: str, template: str,
               context: ListContext, title_key: str, hide: tuple[str, ...] = ()) -> list[PageSpec]:
    """The list at ``list_url`` as one page, or past the limit as a province index and one page per part.

    ``context(orgs)`` gives the list template's context for some organisations; ``title_key`` is
    the label of the list's title, which the index and every part show.
    """
    base: dict[str, Any] = {"site": site, "part": None, "list_url": list_url, "title_key": title_key}
    if provinces is None:
        return [PageSpec(source_uri(list_url), kind, template, {**base, **context(site.sorted_orgs())}, hide=hide)]
    index_kind = f"{kind}-provinces"
    if index_kind not in INDEX_KINDS:
        raise ValueError(f"{index_kind}: not in INDEX_KINDS (a split list's index needs a search label)")
    pages = [PageSpec(source_uri(list_url), index_kind, INDEX_TEMPLATE,
                      {**base, "provinces": provinces, "org_count": sum(len(p.orgs) for p in provinces)})]
    for province in provinces:
        for part in province.parts:
            pages.append(PageSpec(source_uri(province_part_url(list_url, part.key)), kind, template,
                                  {**base, **context(part.orgs), "part": part}, hide=hide))
    return pages
