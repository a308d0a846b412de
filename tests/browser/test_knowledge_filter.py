"""The /knowledge/ facet filter in headless Chromium: by organisation and type, kept in the URL."""

from __future__ import annotations

import re

from kmsite_plugins.loader import load_site
from kmsite_plugins.model.audience import public_view
from kmsite_plugins.thai.digits import to_thai
from kmsite_plugins.views.knowledge import site_assets
from tests.conftest import ROOT

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def _titles(page) -> list[str]:
    return page.eval_on_selector_all("li.kms-asset:not([hidden]) .kms-asset-title",
                                     "els => els.map(e => e.textContent.trim())")


def test_filter_by_organisation_and_type(built_site, site_url, browser):
    site, _ = load_site(ROOT)
    views = site_assets(public_view(site))
    want = [v.asset.title for v in views if v.content.slug == "prachantakham" and v.asset.type.value == "tacit"]
    assert 0 < len(want) < len([v for v in views if v.content.slug == "prachantakham"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        # a filtered view can be linked: the query string picks the choices
        page.goto(site_url + "knowledge/?org=prachantakham&type=tacit")
        assert page.is_visible("form.kms-kfilter-form")  # the script shows the form
        assert _titles(page) == want  # still in Thai dictionary order
        count = page.inner_text(".kms-kfilter-count")
        assert count == to_thai(f"แสดง {len(want)} จาก {len(views)} รายการ")
        # choosing another organisation and type filters again and updates the address
        page.select_option("select[name=org]", "pathumthani-pao")
        page.select_option("select[name=type]", "explicit")
        want = [v.asset.title for v in views
                if v.content.slug == "pathumthani-pao" and v.asset.type.value == "explicit"]
        assert want and _titles(page) == want
        assert "org=pathumthani-pao" in page.url and "type=explicit" in page.url
        # a combination with nothing in it says so
        page.select_option("select[name=org]", "suso")
        page.select_option("select[name=form]", "regulation")
        assert _titles(page) == [] and page.is_visible(".kms-kfilter-none")
        page.click(".kms-kfilter-form button[type=reset]")
        page.wait_for_function("document.querySelectorAll('li.kms-asset[hidden]').length === 0")
        assert _titles(page) == [v.asset.title for v in views]
        assert "org=" not in page.url
    finally:
        page.close()


def test_english_filter_uses_english_labels_and_arabic_digits(built_site, site_url, browser):
    site, _ = load_site(ROOT)
    views = site_assets(public_view(site))
    tacit = [v for v in views if v.asset.type.value == "tacit"]
    assert 0 < len(tacit) < len(views)
    page = browser.new_page()
    try:
        page.goto(site_url + "en/knowledge/?type=tacit")
        assert page.inner_text("select[name=type] option:checked").startswith("Tacit knowledge")
        count = page.inner_text(".kms-kfilter-count")
        assert re.fullmatch(r"Showing [0-9]+ of [0-9]+", count), count  # Arabic digits ([0-9]: \d takes Thai ones too)
        assert not set(count) & set(THAI_DIGITS), count
        assert count == f"Showing {len(tacit)} of {len(views)}"
    finally:
        page.close()
