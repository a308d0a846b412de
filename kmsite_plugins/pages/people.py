"""Pages of the people directory: cards, who knows what, communities of practice, per organisation and site-wide."""

from __future__ import annotations

from typing import Optional

from ..model import SiteModel
from ..views import directory, urls
from ..views.parts import Province
from ..views.people import Card, people_cards
from .spec import PageSpec, source_uri
from .split import split_list

WIDE = ("navigation", "toc")  # card grids and wide tables use the whole width


def people_pages(site: SiteModel, provinces: Optional[list[Province]] = None) -> list[PageSpec]:
    """Per organisation: people cards, who knows what, the CoP list and one page per CoP; then the site-wide pages
    (split by province past the limit).

    The cards of an organisation are made once here and shared by every page that lists people.
    """
    pages: list[PageSpec] = []
    cards: dict[str, list[Card]] = {}
    for content in site.sorted_orgs():
        org_cards = cards[content.slug] = people_cards(content)
        ctx = {"site": site, "content": content, "org": content.org}
        cops = directory.cop_views(content, org_cards)
        pages.append(PageSpec(source_uri(urls.people_url(content.slug)), "people", "people.md.j2",
                              {**ctx, "cards": org_cards, "cops": cops}, hide=WIDE))
        pages.append(PageSpec(source_uri(urls.who_knows_url(content.slug)), "who-knows", "who_knows.md.j2",
                              {**ctx, "index": directory.org_who_knows(content, org_cards), "scope": "org"}))
        pages.append(PageSpec(source_uri(urls.cops_url(content.slug)), "cops", "cops.md.j2", {**ctx, "cops": cops}))
        for view in cops:
            pages.append(PageSpec(source_uri(view.url), "cop", "cop.md.j2", {**ctx, "view": view, "cop": view.cop},
                                  hide=WIDE))
    pages += split_list(site, provinces, urls.site_people_url(), "people-site", "people_site.md.j2",
                        lambda orgs: {"catalogue": directory.site_catalogue(site, cards, orgs)}, "people.site_title")
    pages += split_list(site, provinces, urls.site_who_knows_url(), "who-knows", "who_knows.md.j2",
                        lambda orgs: {"index": directory.site_who_knows(site, cards, orgs), "scope": "site"},
                        "whoknows.title")
    return pages
