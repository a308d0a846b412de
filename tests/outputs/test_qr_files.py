"""QR code files and short links of the built demo site, decoded with a real decoder (zbarimg)."""

from __future__ import annotations

import html as html_lib
import os
import posixpath
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kmsite_plugins.loader import load_site
from kmsite_plugins.outputs import OutputContext, qr
from kmsite_plugins.outputs.qr import qr_files
from kmsite_plugins.views.shortlinks import derived_code, short_links
from tests.conftest import ROOT, must, run_mkdocs
from tests.qr_decode import zbar

SITE_URL = "https://km.example.go.th/"


def redirect_target(site: Path, go_page: Path) -> tuple[Path, str]:
    """Where a /go/ page's meta refresh leads (a built file) and its canonical URL."""
    page = go_page.read_text(encoding="utf-8")
    refresh = must(re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)).group(1)
    canonical = must(re.search(r'<link rel="canonical" href="([^"]+)">', page)).group(1)
    target = posixpath.normpath(posixpath.join(go_page.parent.relative_to(site).as_posix(), html_lib.unescape(refresh)))
    assert f'<a href="{refresh}">' in page  # a visible link too
    return site / target / "index.html", canonical


def qr_pngs(site: Path) -> list[Path]:
    return sorted(site.glob("**/qr.png"))


def test_every_page_with_a_qr_code_has_png_and_svg(built_site: Path):
    site, _ = load_site(ROOT)
    links = short_links(site)
    pngs = qr_pngs(built_site)
    assert len(pngs) == 2 * len(links) == 2 * (3 + 3 + 3)  # orgs, plans, announcements; Thai and English
    for png in pngs:
        assert png.with_suffix(".svg").is_file()
        assert (png.parent / "index.html").is_file()


def test_each_png_decodes_to_the_short_url_that_leads_to_its_page(built_site: Path):
    for png in qr_pngs(built_site):
        decoded = zbar(png)
        assert len(decoded) == 1, (png, decoded)
        url = decoded[0]
        lang = "en/" if png.relative_to(built_site).parts[0] == "en" else ""
        assert re.fullmatch(re.escape(SITE_URL + lang) + r"go/[a-z0-9-]+/", url), url
        go_page = built_site / url[len(SITE_URL):] / "index.html"
        target, canonical = redirect_target(built_site, go_page)
        assert target == png.parent / "index.html"
        assert canonical == SITE_URL + png.parent.relative_to(built_site).as_posix() + "/"


def _png_size_and_dpi(data: bytes) -> tuple[int, float]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = struct.unpack(">I", data[16:20])[0]
    at = data.index(b"pHYs")
    per_metre = struct.unpack(">I", data[at + 4:at + 8])[0]
    return width, per_metre * 0.0254


def test_files_are_sized_for_print(built_site: Path):
    png = built_site / "orgs/pathumthani-pao/announcements/km-plan-2567/qr.png"
    width, dpi = _png_size_and_dpi(png.read_bytes())
    assert round(dpi) == qr.PRINT_DPI
    assert width / dpi * 25.4 >= qr.FILE_SIZE_MM  # at least 10 cm wide at 300 dpi
    svg = png.with_suffix(".svg").read_text(encoding="utf-8")
    assert re.search(r'<svg [^>]*width="100(\.0)?mm" height="100(\.0)?mm"', svg)
    assert f"<title>{SITE_URL}go/" in svg


def test_short_links_redirect_with_canonical_and_visible_link(built_site: Path):
    pages = sorted(built_site.glob("go/*/index.html")) + sorted(built_site.glob("en/go/*/index.html"))
    assert len(pages) == 18
    for go_page in pages:
        target, canonical = redirect_target(built_site, go_page)
        assert target.is_file(), go_page
        assert canonical == SITE_URL + target.parent.relative_to(built_site).as_posix() + "/"
        assert 'name="robots" content="noindex"' in go_page.read_text(encoding="utf-8")


def test_codes_are_stable_across_builds():
    """Printed codes must survive every later build: the derivation is pinned here."""
    assert derived_code("org:suso") == "e5alzr"
    # another process (another hash seed) derives the same codes: nothing depends on the run
    script = "from kmsite_plugins.views.shortlinks import derived_code as d; print(d('org:suso'), d('plan:x:2567'))"
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT,
                           env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert other.stdout.split() == ["e5alzr", derived_code("plan:x:2567")]
    assert derived_code("announcement:pathumthani-pao:km-plan-2567") == "rogrxm"
    assert re.fullmatch(r"[a-z2-7]{6}", derived_code("plan:x:2567"))


def test_two_pages_with_one_code_stop_the_build():
    site, _ = load_site(ROOT)
    entry = site.orgs["suso"].announcements[0]
    entry.announcement = entry.announcement.model_copy(update={"short": derived_code("org:prachantakham")})
    with pytest.raises(ValueError,
                       match="short code '.*' leads to two pages, orgs/prachantakham/ and "
                             "orgs/suso/announcements/km-action-plan/"):
        short_links(site)


def test_qr_files_need_site_url():
    site, _ = load_site(ROOT)
    with pytest.raises(ValueError, match="sets no site_url"):
        qr_files(site, OutputContext(None, "th", "th", ("th",)))
    with pytest.raises(ValueError, match="absolute http"):
        qr.make("orgs/suso/")


def test_build_without_site_url_is_a_clear_error(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\ndocs_dir: {ROOT / 'docs'}\ntheme:\n  name: material\n  language: th\n  font: false\n"
        f"plugins:\n  - kmsite:\n      content_dir: {ROOT / 'plans'}\n", encoding="utf-8")
    result = run_mkdocs(tmp_path / "site", config=config)
    assert result.returncode != 0
    assert "QR codes encode absolute URLs, but mkdocs.yml sets no site_url" in result.stderr
    assert "Traceback" not in result.stderr
