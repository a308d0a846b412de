"""``kmsite build`` builds each language in its own process: the same site as the sequential build."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kmsite_plugins.plugins.language_builds import _move_over

from ..conftest import ENGINE, ROOT

# The theme's 404 page is the one file written by every language's build, last by English: its language
# switcher links each language's home page however the languages are built (overrides/partials/alternate.html),
# so no file differs.
DIFFERS: set[str] = set()


def files_of(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def apart_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("apart") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KMSITE_ENGINE": ENGINE}
    result = subprocess.run([sys.executable, "-m", "kmsite_plugins.cli", "build", "-d", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Building 'en' documentation" in result.stderr and "Building 'th' documentation" in result.stderr
    notes = [line for line in result.stderr.splitlines() if ": note: " in line]
    assert notes and len(notes) == len(set(notes))  # the content's problems are printed once, not per language
    return site


def test_same_files_and_bytes_as_the_sequential_build(built_site: Path, apart_site: Path) -> None:
    sequential, apart = files_of(built_site), files_of(apart_site)
    assert sorted(apart) == sorted(sequential)
    changed = sorted(path for path in sequential if sequential[path] != apart[path])
    assert changed == sorted(DIFFERS)
    # what a reader follows across languages, checked by name as well as by bytes above
    for path in ("sitemap.xml", "index.html", "en/index.html", "orgs/suso/index.html", "en/orgs/suso/index.html",
                 "search/search_index.json", "search/th/manifest.json", "search/en/manifest.json"):
        assert (apart_site / path).read_bytes() == (built_site / path).read_bytes(), path


def test_every_language_switcher_and_sitemap_alternate(apart_site: Path) -> None:
    page = (apart_site / "en/orgs/suso/index.html").read_text(encoding="utf-8")
    assert 'href="../../../orgs/suso/" hreflang="th"' in page and 'href="./" hreflang="en"' in page
    for lang in ("th", "en"):  # each language's process wrote its own index
        assert len(list((apart_site / "search" / lang).rglob("*.json"))) > 1
    sitemap = (apart_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://km.example.go.th/en/orgs/suso/</loc>" in sitemap
    assert 'hreflang="th" href="https://km.example.go.th/orgs/suso/"' in sitemap
    assert not list(apart_site.parent.glob(".site.*"))  # no language's folder left beside the site


def test_404_links_each_language_home(apart_site: Path) -> None:
    page = (apart_site / "404.html").read_text(encoding="utf-8")
    assert '<a href="/" hreflang="th"' in page and '<a href="/en/" hreflang="en"' in page


def test_build_alone_marks_one_language_and_stops_the_nested_builds() -> None:
    from mkdocs.config import load_config

    from kmsite_plugins.plugins.languages import build_alone, languages

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert languages(config) == languages(config).__class__("th", ("th", "en"), "th", alone=False)
    build_alone(config, "en")
    langs = languages(config)
    assert (langs.current, langs.alone, langs.all) == ("en", True, ("th", "en"))
    assert vars(config.plugins["i18n"])["building"]  # static-i18n then builds no other language after this one
    with pytest.raises(ValueError, match="'fr' is not a language"):
        build_alone(config, "fr")


def test_a_killed_language_build_leaves_no_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A child's scratch files (spill.py: gigabytes at national scale) go into a folder its parent removes,
    even when the child dies without cleaning up (killed, as the parent stops children on an interrupt)."""
    import signal
    import tempfile

    from mkdocs.config import load_config

    from kmsite_plugins.plugins.language_builds import build_languages_apart

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    config = load_config(str(ROOT / "mkdocs.yml"))
    made = tmp_path / "made.txt"

    def run(built: object) -> int:  # a build that makes its scratch folder, then is killed
        scratch = tempfile.mkdtemp(prefix="kmsite-spill-")
        with made.open("a", encoding="utf-8") as out:
            out.write(scratch + "\n")
        os.kill(os.getpid(), signal.SIGKILL)
        return 0

    status = build_languages_apart(config, tmp_path / "site", run)
    folders = made.read_text(encoding="utf-8").split()
    assert status != 0 and len(folders) == 2
    assert not any(Path(folder).exists() for folder in folders)


def test_a_languages_folder_is_moved_in_one_rename_and_shared_files_are_replaced(tmp_path: Path) -> None:
    """The merge of a language's folder into the site: a tree the site lacks is renamed (same inode, not
    copied file by file); files both have take the later language's bytes; folders both have are merged."""
    part, site = tmp_path / "part", tmp_path / "site"
    for path, text in {"en/orgs/a/index.html": "en a", "en/index.html": "en", "404.html": "en 404",
                       "assets/shared.js": "en js", "assets/en-only.css": "css"}.items():
        (part / path).parent.mkdir(parents=True, exist_ok=True)
        (part / path).write_text(text)
    for path, text in {"index.html": "th", "404.html": "th 404", "assets/shared.js": "th js"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text)
    en_inode = (part / "en").stat().st_ino
    _move_over(part, site)
    assert (site / "en").stat().st_ino == en_inode
    assert {str(p.relative_to(site)): p.read_text() for p in site.rglob("*") if p.is_file()} == {
        "index.html": "th", "404.html": "en 404", "assets/shared.js": "en js", "assets/en-only.css": "css",
        "en/index.html": "en", "en/orgs/a/index.html": "en a"}
    assert [p for p in part.rglob("*") if p.is_file()] == []
