"""The pages of the site, from the model only.

Each area of the site (organisations, plans, knowledge, people, announcements, ...)
adds its pages through a builder ``(site, provinces) -> list[PageSpec]`` listed in BUILDERS;
``provinces`` is how site-wide lists split (views/parts.py), None while one page holds them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Optional

from ..model import SiteModel
from ..views import urls
from ..views.org import org_view, province_groups
from ..views.parts import DEFAULT_ENTRY_BUDGET, DEFAULT_LIST_LIMIT, Province, site_parts
from ..views.people import entity_index
from ..views.plan import plan_view
from .announcements import announcement_pages, poster_pages
from .knowledge import knowledge_pages
from .people import people_pages
from .spec import PageSpec, source_uri
from .split import split_list

Builder = Callable[[SiteModel, Optional[list[Province]]], list[PageSpec]]


def org_pages(site: SiteModel, provinces: Optional[list[Province]] = None) -> list[PageSpec]:
    """The organisation index (split by province past the limit), and per organisation its overview and plans."""
    pages = split_list(site, provinces, urls.orgs_url(), "orgs", "orgs.md.j2",
                       lambda orgs: {"provinces": province_groups(site, orgs), "org_count": len(orgs)}, "orgs.title")
    for content in site.sorted_orgs():
        ctx = {"site": site, "content": content, "org": content.org}
        pages.append(PageSpec(source_uri(urls.org_url(content.slug)), "org", "org.md.j2",
                              {**ctx, "view": org_view(content)}))
        for entry in content.plans:
            view = plan_view(content, entry)
            pages.append(PageSpec(source_uri(urls.plan_url(content.slug, entry.key)), "plan", "plan.md.j2",
                                  {**ctx, "entry": entry, "plan": entry.plan, "view": view}, hide=("navigation",)))
    return pages


BUILDERS: list[Builder] = [org_pages, people_pages, knowledge_pages, announcement_pages, poster_pages]


def build_pages(site: SiteModel, list_limit: int = DEFAULT_LIST_LIMIT,
                list_entries: int = DEFAULT_ENTRY_BUDGET) -> list[PageSpec]:
    """Every generated page of the site, in a stable order; a URL made twice is a bug.

    Site-wide lists of more than ``list_limit`` organisations or ``list_entries`` entries are split by province.
    """
    provinces = site_parts(site, list_limit, list_entries)
    pages: list[PageSpec] = []
    for builder in BUILDERS:
        pages.extend(builder(site, provinces))
    entities = entity_index(site)  # what a reference in any page shows (templates look it up, never compute it)
    for page in pages:
        page.context["entities"] = entities
    seen: set[str] = set()
    for page in pages:
        if page.uri in seen:
            raise ValueError(f"two generated pages at {page.uri}")
        seen.add(page.uri)
    return pages
