"""The home page at a glance: organisations, this fiscal year's plans with progress, newest assets and notices."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import for_audience
from kmsite_plugins.views.home import home_view

from ..conftest import ROOT, text_of


def test_plans_of_the_current_fiscal_year_come_first_with_their_progress():
    site, _ = load_site(ROOT)
    view = home_view(site, today=date(2024, 3, 1))  # fiscal year 2567
    assert view.fiscal_year == 2567
    current = {(g.content.slug, g.entry.key) for g in view.current_plans}
    assert ("pathumthani-pao", "2567") in current
    glance = next(g for g in view.current_plans if g.content.slug == "pathumthani-pao")
    assert glance.progress is not None and glance.progress.total > 0
    assert glance.percent_done is not None and 0 <= glance.percent_done <= 100
    # organisations without a plan this year show their latest one instead, never twice
    latest = {g.content.slug for g in view.latest_plans}
    assert "pathumthani-pao" not in latest
    assert latest | {s for s, _ in current} == {c.slug for c in site.orgs.values() if c.plans}


def test_a_new_fiscal_year_starts_in_october():
    site, _ = load_site(ROOT)
    assert home_view(site, today=date(2024, 9, 30)).fiscal_year == 2567
    assert home_view(site, today=date(2024, 10, 1)).fiscal_year == 2568
    assert not home_view(site, today=date(2024, 10, 1)).current_plans


def test_newest_assets_and_announcements_are_newest_first():
    site, _ = load_site(ROOT)
    view = home_view(site, today=date(2026, 11, 21))
    assert view.assets and view.announcements
    updated = [a.updated for a in view.assets if a.updated is not None]
    assert len(updated) == len(view.assets)
    assert updated == sorted(updated, reverse=True)
    issued = [a.issued for a in view.announcements]
    assert issued == sorted(issued, reverse=True)


def test_built_home_page_links_every_organisation_and_the_newest_items(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    site = for_audience(load_site(ROOT)[0], "public")  # what the demo build publishes
    for content in site.orgs.values():
        assert f'href="orgs/{content.slug}/"' in html
    view = home_view(site)
    for asset in view.assets:
        assert f'href="{asset.url}"' in html
    for item in view.announcements:
        assert f'href="{item.url}"' in html
    assert 'for="__search"' in html  # the search button opens Material's search
    text = text_of(built_site / "index.html")
    assert "องค์ความรู้ล่าสุด" in text and "ประกาศล่าสุด" in text
    english = text_of(built_site / "en" / "index.html")
    assert "Newest knowledge assets" in english and "Newest announcements" in english
