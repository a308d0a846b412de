"""Plan pages on desktops (1280 and 1920 px): activity tables and the whole 12-month timeline fit the window without
sideways scrolling, headers stay in view; on a phone (360 px) tables scroll inside their frame. Screenshots are
written to ``$KMSITE_SHOTS`` when it is set, to be looked at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from .serve import served

PLANS = ["orgs/pathumthani-pao/plans/2567/", "en/orgs/pathumthani-pao/plans/2567/", "orgs/suso/plans/undated/"]
FORMS_PLAN = "orgs/changwat-example/plans/2568/"

FITS = """() => {
  // every table laid out, as when the reader scrolls to it (screens skip far tables: content-visibility)
  document.querySelectorAll('.kms-table-wrap').forEach(w => { w.style.contentVisibility = 'visible'; });
  const vw = document.documentElement.clientWidth;
  const wraps = [...document.querySelectorAll('.kms-plan-print .kms-table-wrap')];
  const months = [...document.querySelectorAll('th.kms-tl-month')];
  return {
    page: document.documentElement.scrollWidth - vw,
    wraps: wraps.map(w => w.scrollWidth - w.clientWidth),
    tables: wraps.map(w => w.querySelector('table').getBoundingClientRect().right - vw),
    months: months.length,
    monthsOut: months.filter(m => {
      const r = m.getBoundingClientRect(); return r.left < 0 || r.right > vw + 0.5;
    }).length,
    toc: getComputedStyle(document.querySelector('.md-sidebar--secondary')).display,
  };
}"""


@pytest.fixture(scope="session")
def forms_url(forms_site: Path) -> Iterator[str]:
    with served(forms_site) as url:
        yield url


def _shot(page, name: str) -> None:
    folder = os.environ.get("KMSITE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("width", [1280, 1920])
@pytest.mark.parametrize("path", PLANS)
def test_plan_fits_a_desktop_window(browser, site_url, path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url + path)
    found = page.evaluate(FITS)
    assert found["page"] <= 0, found  # no sideways scrolling of the page
    assert found["wraps"] and max(found["wraps"]) <= 0, found  # nor inside any table frame
    assert max(found["tables"]) <= 0, found  # every table's last column is on screen
    assert found["months"] % 12 == 0 and found["months"] > 0 and found["monthsOut"] == 0, found
    assert found["toc"] == "none"
    page.locator("table.kms-timeline").first.scroll_into_view_if_needed()
    _shot(page, f"plan-{path.replace('/', '_')}{width}")
    page.close()


@pytest.mark.parametrize("width", [1280, 1920])
def test_forms_plan_fits_a_desktop_window(browser, forms_url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(forms_url + FORMS_PLAN)
    found = page.evaluate(FITS)
    assert found["page"] <= 0 and max(found["wraps"]) <= 0 and found["monthsOut"] == 0, found
    _shot(page, f"forms-plan-{width}")
    page.close()


def test_table_headers_stay_in_view_while_a_long_table_scrolls(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 700})
    page.goto(site_url + PLANS[0])
    table = page.locator("table.kms-kmp").first
    box = table.bounding_box()
    assert box and box["height"] > 900  # taller than the window
    page.evaluate(f"window.scrollBy(0, {box['y'] + 400})")
    header = page.evaluate("""() => {
      const t = document.querySelector('table.kms-kmp'); const th = t.querySelector('thead th');
      const bar = document.querySelector('.md-header').getBoundingClientRect();
      return {th: th.getBoundingClientRect().top, table: t.getBoundingClientRect().top, bar: bar.bottom};
    }""")
    assert header["table"] < 0  # the table's top has scrolled away...
    assert abs(header["th"] - header["bar"]) <= 2, header  # ...its header sits under the site header
    _shot(page, "plan-sticky-header-1280")
    page.close()


@pytest.mark.parametrize("path", [PLANS[0], PLANS[1]])
def test_phone_keeps_tables_scrolling_inside_their_frame(browser, site_url, path):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + path)
    found = page.evaluate(FITS)
    assert found["page"] <= 0, found
    assert max(found["wraps"]) > 0  # the wide tables scroll inside their frames
    overflow = page.evaluate("getComputedStyle(document.querySelector('.kms-plan-print .kms-table-wrap')).overflowX")
    assert overflow == "auto"
    page.locator("table.kms-kmp").first.scroll_into_view_if_needed()
    _shot(page, f"plan-phone-{path.replace('/', '_')}")
    page.close()
