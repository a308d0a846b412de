"""The public view of the site model: everything marked internal removed before rendering.

Removing internal content from the model (rather than hiding it in templates) means no
page, feed, export, search index or image of a public build can carry it. The loaded
model is never changed: pydantic objects are copied with ``model_copy`` and the
containers with ``dataclasses.replace``, so one loaded site can give both views.
"""

from __future__ import annotations

from dataclasses import replace

from .base import Visibility
from .cop import Cop, Meeting
from .organisation import Organisation, Person
from .site import AssetEntry, OrgContent, SiteModel

PUBLIC = Visibility.PUBLIC


def for_audience(site: SiteModel, audience: str) -> SiteModel:
    """``internal`` keeps everything; ``public`` drops what is not public (see public_view)."""
    if audience == "internal":
        return site
    return public_view(site)


def public_view(site: SiteModel) -> SiteModel:
    """A copy of ``site`` with only what may be published to everyone."""
    return replace(site, orgs={slug: _public_org(content) for slug, content in site.orgs.items()})


def _public_org(content: OrgContent) -> OrgContent:
    cops_shown = {cop.id for cop in content.cops if cop.visibility is PUBLIC}
    assets = [_public_asset(entry, cops_shown) for entry in content.assets if entry.asset.is_public]
    published = {entry.slug for entry in assets}
    cops = [_public_cop(cop, published) for cop in content.cops if cop.id in cops_shown]
    # _index=None: the entity lookup must point at the public copies of the people.
    return replace(content, org=_public_organisation(content.org), assets=assets, cops=cops, _index=None)


def _public_asset(entry: AssetEntry, cops_shown: set[str]) -> AssetEntry:
    """An asset of an internal CoP no longer names it (its page is not in the public build)."""
    if entry.asset.cop is None or entry.asset.cop in cops_shown:
        return entry
    return replace(entry, asset=entry.asset.model_copy(update={"cop": None}))


def _public_organisation(org: Organisation) -> Organisation:
    return org.model_copy(update={"people": [_public_person(p) for p in org.people]})


def _public_person(person: Person) -> Person:
    """Contacts not marked public and a note not marked public are dropped (PDPA)."""
    update: dict[str, object] = {"contacts": [c for c in person.contacts if c.visibility is PUBLIC]}
    if person.note_visibility is not PUBLIC:
        update["note"] = None
    return person.model_copy(update=update)


def _public_cop(cop: Cop, published_assets: set[str]) -> Cop:
    meetings = [_public_meeting(m, published_assets) for m in cop.meetings if m.visibility is PUBLIC]
    update: dict[str, object] = {"meetings": meetings}
    if cop.note_visibility is not PUBLIC:
        update.update(note=None, note_en=None)
    return cop.model_copy(update=update)


def _public_meeting(meeting: Meeting, published_assets: set[str]) -> Meeting:
    """A public meeting keeps links only to assets that are published too."""
    return meeting.model_copy(update={"assets": [a for a in meeting.assets if a in published_assets]})
