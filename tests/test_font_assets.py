"""The Sarabun fonts kmsite ships are npm @fontsource/sarabun's files, with their licence; every build carries them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT, script

SHIPPED = ROOT / "kmsite_plugins" / "assets" / "fonts" / "sarabun"
SOURCE = ROOT / "node_modules" / "@fontsource" / "sarabun"


def _update_fonts() -> ModuleType:
    return script("update_fonts")


def test_the_shipped_fonts_are_the_npm_packages_files_with_the_ofl():
    assert SOURCE.exists(), "npm ci installs @fontsource/sarabun (package-lock.json)"
    fonts = sorted(SHIPPED.glob("*.woff2"))
    assert [f.name for f in fonts] == sorted(name for name, _ in _update_fonts().font_faces())
    for font in fonts:
        assert font.read_bytes() == (SOURCE / "files" / font.name).read_bytes(), font.name
    licence = (SHIPPED / "OFL.txt").read_text(encoding="utf-8")
    assert licence == (SOURCE / "LICENSE").read_text(encoding="utf-8") and "SIL Open Font License" in licence
    css = (SHIPPED / "sarabun.css").read_text(encoding="utf-8")
    for name, face in _update_fonts().font_faces():
        assert face in css and f"url(./{name})" in css


def test_every_build_ships_the_fonts_and_their_licence_and_names_them_first(built_site: Path):
    for shipped in SHIPPED.iterdir():
        assert (built_site / "assets" / "fonts" / "sarabun" / shipped.name).read_bytes() == shipped.read_bytes()
    page = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    links = [line for line in page.splitlines() if 'rel="stylesheet"' in line]
    extra = [line for line in links if "assets/stylesheets/" not in line]  # after Material's own
    assert "assets/fonts/sarabun/sarabun.css" in extra[0]
    assert 'rel="preload" href="../assets/fonts/sarabun/sarabun-thai-400-normal.woff2" as="font"' in page
