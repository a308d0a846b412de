"""The pages of the site, from the model only.

Each area of the site (organisations, plans, knowledge, people, announcements, ...)
adds its pages through a builder ``(site) -> list[PageSpec]`` listed in BUILDERS.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import SiteModel
from ..views import urls
from ..views.org import org_view, province_groups
from ..views.people import entity_index
from ..views.plan import plan_view
from .announcements import announcement_pages, poster_pages
from .knowledge import knowledge_pages
from .people import people_pages
from .spec import PageSpec, source_uri

Builder = Callable[[SiteModel], list[PageSpec]]


def org_pages(site: SiteModel) -> list[PageSpec]:
    """The organisation index, and per organisation its overview, knowledge and plans."""
    pages = [PageSpec(source_uri(urls.orgs_url()), "orgs", "orgs.md.j2",
                      {"site": site, "provinces": province_groups(site)})]
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


def build_pages(site: SiteModel) -> list[PageSpec]:
    """Every generated page of the site, in a stable order; a URL made twice is a bug."""
    pages: list[PageSpec] = []
    for builder in BUILDERS:
        pages.extend(builder(site))
    entities = entity_index(site)  # what a reference in any page shows (templates look it up, never compute it)
    for page in pages:
        page.context["entities"] = entities
    seen: set[str] = set()
    for page in pages:
        if page.uri in seen:
            raise ValueError(f"two generated pages at {page.uri}")
        seen.add(page.uri)
    return pages
