"""The pages each organisation gets, from the model only."""

from __future__ import annotations

from ..model import SiteModel
from .spec import PageSpec


def org_url(slug: str) -> str:
    return f"orgs/{slug}/"


def plan_url(slug: str, key: str) -> str:
    return f"orgs/{slug}/plans/{key}/"


def build_pages(site: SiteModel) -> list[PageSpec]:
    """Every generated page of the site, in a stable order."""
    pages = [PageSpec("orgs/index.md", "orgs", "orgs.md.j2", {"site": site})]
    for content in site.sorted_orgs():
        base = f"orgs/{content.slug}"
        ctx = {"site": site, "content": content, "org": content.org}
        pages.append(PageSpec(f"{base}/index.md", "org", "org.md.j2", ctx))
        pages.append(PageSpec(f"{base}/people/index.md", "people", "people.md.j2", ctx))
        pages.append(PageSpec(f"{base}/knowledge/index.md", "knowledge", "knowledge.md.j2", ctx))
        for entry in content.plans:
            pages.append(PageSpec(f"{base}/plans/{entry.key}/index.md", "plan", "plan.md.j2",
                                  {**ctx, "entry": entry, "plan": entry.plan}, hide=("navigation",)))
    return pages
