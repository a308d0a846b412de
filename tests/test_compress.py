"""Pre-compressed copies (kmsite build --compress): .gz and .br beside every text file of the site."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import brotli

from kmsite_plugins.cli import build
from kmsite_plugins.compress import compress_site
from tests.conftest import ROOT


def test_compress_site_writes_gzip_and_brotli_that_decompress_to_the_file(tmp_path: Path):
    page = tmp_path / "a" / "index.html"
    page.parent.mkdir()
    page.write_text("<p>ประกาศองค์การบริหารส่วนจังหวัด</p>\n" * 200, encoding="utf-8")
    (tmp_path / "tiny.css").write_text("a{}", encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"\x00" * 4000)
    report = compress_site(tmp_path)
    assert gzip.decompress((tmp_path / "a" / "index.html.gz").read_bytes()) == page.read_bytes()
    assert brotli.decompress((tmp_path / "a" / "index.html.br").read_bytes()) == page.read_bytes()
    assert not (tmp_path / "tiny.css.gz").exists()  # too small to gain anything
    assert not (tmp_path / "font.woff2.gz").exists()  # already compressed formats are left alone
    assert report.files == 1 and report.brotli_bytes < report.gzip_bytes < report.original_bytes
    first = (tmp_path / "a" / "index.html.gz").read_bytes()
    compress_site(tmp_path)
    assert (tmp_path / "a" / "index.html.gz").read_bytes() == first  # same input, same bytes (no timestamp)


def test_kmsite_build_compress_writes_them_for_the_whole_site(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    assert build(ROOT / "mkdocs.yml", site_dir=str(site), compress=True) == 0
    pages = list(site.rglob("index.html"))
    assert len(pages) > 100
    for page in pages:
        assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
        assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
    css = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert css.with_name(css.name + ".br").exists()
    assert not list(site.rglob("*.woff2.gz")) and not list(site.rglob("*.png.gz"))
    assert "KMSITE_COMPRESS" not in os.environ
