"""The public view of the site model: everything marked internal removed before rendering.

Removing internal content from the model (rather than hiding it in templates) means no
page, feed, export, search index or image of a public build can carry it.
"""

from __future__ import annotations

from .site import SiteModel


def for_audience(site: SiteModel, audience: str) -> SiteModel:
    """``internal`` keeps everything; ``public`` drops what is not public (see public_view)."""
    if audience == "internal":
        return site
    return public_view(site)


def public_view(site: SiteModel) -> SiteModel:
    # Filled in by the people/CoP work (issue 5): contacts, notes, drafts, internal meetings.
    return site
