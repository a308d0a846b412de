"""public_view: what is not public leaves the model; the loaded model itself is never changed."""

from __future__ import annotations

from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import for_audience, public_view
from kmsite_plugins.model.base import Visibility
from tests.conftest import ROOT


def _site():
    site, problems = load_site(ROOT)
    assert problems.errors == []
    return site


def _dump(site) -> dict:
    return {slug: (c.org.model_dump(), [cop.model_dump() for cop in c.cops], [a.slug for a in c.assets])
            for slug, c in site.orgs.items()}


def test_internal_keeps_the_loaded_model_as_is():
    site = _site()
    assert for_audience(site, "internal") is site


def test_public_view_drops_every_internal_item():
    public = public_view(_site())
    for content in public.orgs.values():
        for person in content.org.people:
            assert all(c.visibility is Visibility.PUBLIC for c in person.contacts)
            assert person.note is None or person.note_visibility is Visibility.PUBLIC
        for cop in content.cops:
            assert cop.visibility is Visibility.PUBLIC
            assert cop.note is None or cop.note_visibility is Visibility.PUBLIC
            assert all(m.visibility is Visibility.PUBLIC for m in cop.meetings)
            published = {a.slug for a in content.assets}
            assert all(slug in published for m in cop.meetings for slug in m.assets)
        for entry in content.assets:
            assert entry.asset.visibility is Visibility.PUBLIC and entry.asset.status.value != "draft"
            assert entry.asset.cop is None or entry.asset.cop in {c.id for c in content.cops}


def test_public_view_keeps_public_items_and_the_demo_has_both_kinds():
    site = _site()
    public = public_view(site)
    kept = dropped = 0
    for slug, content in site.orgs.items():
        for person, shown in zip(content.org.people, public.orgs[slug].org.people, strict=False):
            assert person.id == shown.id and person.name == shown.name
            kept += len(shown.contacts)
            dropped += len(person.contacts) - len(shown.contacts)
    assert kept > 0 and dropped > 0
    suso = public.orgs["suso"]
    assert [m.date for m in suso.cops[0].meetings] == [m.date for m in site.orgs["suso"].cops[0].meetings
                                                       if m.visibility is Visibility.PUBLIC]
    assert "km-publicity" not in {c.id for c in public.orgs["pathumthani-pao"].cops}  # an internal CoP


def test_public_view_does_not_change_the_loaded_model():
    site = _site()
    before = _dump(site)
    public_view(site)
    assert _dump(site) == before


def test_lookups_of_the_public_view_see_the_public_people():
    public = public_view(_site())
    suso = public.orgs["suso"]
    person = suso.lookup("chonlakan")
    assert person is next(p for p in suso.org.people if p.id == "chonlakan")
    assert all(c.visibility is Visibility.PUBLIC for c in person.contacts)
