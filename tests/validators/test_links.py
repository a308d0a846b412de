"""lychee, offline, over every page of the built demo: no broken link or anchor."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.browser.pages import page_paths
from tests.validators.tools import broken_links

SITE_URL = "https://km.example.go.th/"  # mkdocs.yml's site_url: absolute links are checked against the files


def test_no_broken_link_or_anchor_on_any_page(built_site: Path):
    broken = broken_links(built_site, SITE_URL)
    assert broken == {}


def test_lychee_reports_a_broken_link_and_a_missing_anchor_injected_into_a_copy(built_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / page_paths(site)["org"] / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace("</article>", '<a href="../no-such-org/">x</a> <a href="./#no-such-anchor">y</a>'
                        f' <a href="{SITE_URL}orgs/gone/">z</a></article>', 1)
    page.write_text(html, encoding="utf-8")
    broken = broken_links(site, SITE_URL)
    assert list(broken) == [str(page.resolve())]
    found = " ".join(broken[str(page.resolve())])
    assert "no-such-org" in found and "no-such-anchor" in found and "orgs/gone" in found
