"""Nothing grows without bound: as the number of organisations grows 4×, the largest page and the
largest output file stay about the same size, because site-wide lists split by province past the
list limit (views/parts.py), the home page shows a selection and open data is per organisation.

Two trees from scripts/generate_orgs.py (N=6 and N=24) are built for real with ``list_limit: 4``;
the small one without directory URLs (the offline style), so the split pages' links are checked in both.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from ..conftest import run_mkdocs, script

LIMIT = 4
ENTRIES = 30  # entries (people, topics, assets, notices) a list page holds: a province's people pages continue
SMALL, LARGE = 6, 24
# Files that list every page or organisation by design, each with its own bound: the sitemap
# (split past 10 MB, kmsite_plugins/sitemap.py), the open-data index (one short entry per
# organisation), and the search index, which the search engine's own bounds cover.
LINEAR_BY_DESIGN = ("sitemap.xml", "opendata/index.json", "search/")
SITE_WIDE = ("orgs/", "knowledge/", "knowledge/map/", "people/", "people/who-knows-what/", "announcements/")


def _generate(n: int, outdir: Path, directory_urls: bool) -> Path:
    script("generate_orgs").generate(n, outdir, seed=1)
    config = outdir / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - kmsite:\n" in text
    text = text.replace("  - kmsite:\n", f"  - kmsite:\n      list_limit: {LIMIT}\n      list_entries: {ENTRIES}\n", 1)
    config.write_text(text + f"use_directory_urls: {str(directory_urls).lower()}\n", encoding="utf-8")
    return config


def _sizes(site: Path) -> tuple[dict[str, int], dict[str, int]]:
    """HTML pages and other output files (relative path → bytes), without the .gz/.br copies."""
    pages: dict[str, int] = {}
    files: dict[str, int] = {}
    for path in site.rglob("*"):
        if not path.is_file() or path.suffix in (".gz", ".br"):
            continue
        rel = path.relative_to(site).as_posix()
        (pages if path.suffix == ".html" else files)[rel] = path.stat().st_size
    return pages, files


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = {}
    for n in (SMALL, LARGE):
        root = tmp_path_factory.mktemp(f"n{n}")
        config = _generate(n, root / "project", directory_urls=n == LARGE)
        result = run_mkdocs(root / "site", config=config)
        assert result.returncode == 0, result.stderr[-4000:]
        out[n] = root / "site"
    return out


def test_the_largest_page_and_file_grow_far_less_than_the_site(builds: dict[int, Path]) -> None:
    (small_pages, small_files), (large_pages, large_files) = _sizes(builds[SMALL]), _sizes(builds[LARGE])
    assert len(large_pages) > 3 * len(small_pages)  # the site did grow
    bounded = {k: v for k, v in large_files.items() if not any(k.startswith(p) or k.endswith(p)
                                                               for p in LINEAR_BY_DESIGN)}
    small_bounded = {k: v for k, v in small_files.items() if not any(k.startswith(p) or k.endswith(p)
                                                                     for p in LINEAR_BY_DESIGN)}
    biggest_page = max(large_pages, key=lambda k: large_pages[k])
    assert large_pages[biggest_page] <= 1.5 * max(small_pages.values()), biggest_page
    biggest_file = max(bounded, key=lambda k: bounded[k])
    assert bounded[biggest_file] <= 1.5 * max(small_bounded.values()), biggest_file
    for lang in ("", "en/"):  # every site-wide list and the home page, in both languages
        for url in (*SITE_WIDE, ""):
            rel = f"{lang}{url}index.html"
            assert large_pages[rel] <= 1.5 * small_pages[rel], rel


def test_site_wide_lists_are_split_into_province_pages(builds: dict[int, Path]) -> None:
    site = builds[LARGE]
    continued: set[str] = set()
    for lang in ("", "en/"):
        for url in SITE_WIDE:
            index = (site / f"{lang}{url}index.html").read_text(encoding="utf-8")
            parts = sorted((site / lang / url / "province").glob("*/index.html"))
            assert len(parts) >= 2, url
            for part in parts:
                assert f'href="province/{part.parent.name}/"' in index, (url, part)
            for second in (site / lang / url / "province").glob("*/2/index.html"):  # a province continued
                assert 'rel="prev"' in second.read_text(encoding="utf-8"), second
                continued.add(lang + url)
    # the people lists pass ENTRIES in some province (about 20 people an organisation)
    assert {"people/", "people/who-knows-what/", "en/people/", "en/people/who-knows-what/"} <= continued
    assert not (site / "opendata" / "kmsite.json").exists() and (site / "opendata" / "index.json").is_file()
    assert (builds[SMALL] / "orgs" / "province").is_dir()  # N=6 is past the limit of 4 too


def _broken_links(site: Path, page: Path, directory_urls: bool) -> list[str]:
    """Relative links of ``page`` to pages or files that the build did not write."""
    broken = []
    for href in re.findall(r'href="([^"#:?]*)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
        if not href or href.startswith("/"):
            continue
        target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), href)))
        if href.endswith("/"):
            if not directory_urls or not (target / "index.html").is_file():
                broken.append(href)
        elif not target.exists():
            broken.append(href)
    return broken


@pytest.mark.parametrize("n", [SMALL, LARGE])
def test_every_link_of_the_split_pages_resolves(builds: dict[int, Path], n: int) -> None:
    site = builds[n]
    for lang in ("", "en/"):
        for url in SITE_WIDE:
            pages = [site / f"{lang}{url}index.html", *(site / lang / url / "province").rglob("index.html")]
            assert len(pages) > 2
            for page in pages:
                assert _broken_links(site, page, directory_urls=n == LARGE) == [], page
        assert _broken_links(site, site / lang / "index.html", directory_urls=n == LARGE) == []
