"""The kmsite plugin under ``mkdocs serve``: content errors make a page, not a dead build (driven in process).

The browser side (livereload, the open page) is tests/browser/test_live_preview.py.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from kmsite_plugins.plugins.preview import only_orgs

from ..conftest import ROOT, text_of


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for folder in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.setenv("KMSITE_ONLY_ORGS", "suso")  # one organisation: a faster build
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return tmp_path


@pytest.fixture
def configs(project: Path) -> Iterator[Callable[[], MkDocsConfig]]:
    """A fresh config per build, as ``mkdocs serve`` makes one per rebuild (plugin instances are reused)."""
    def get_config() -> MkDocsConfig:
        return load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))

    yield get_config
    get_config().plugins.on_startup(command="build", dirty=False)  # the reused plugin instance leaves serve mode


def test_serve_shows_errors_on_every_page_and_keeps_the_last_good_urls(project: Path, configs) -> None:
    config = configs()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    site = project / "site"
    plan_page = site / "orgs" / "suso" / "plans" / "undated" / "index.html"
    assert "kmsite-problems" not in plan_page.read_text(encoding="utf-8")
    assert not (site / "orgs" / "prachantakham").exists()  # only the selected organisation is built

    plan = project / "plans" / "suso" / "plans" / "undated.md"  # a Markdown plan: break its front matter
    plan.write_text(plan.read_text(encoding="utf-8").replace("---\n", "---\nbroken: [unclosed\n", 1), encoding="utf-8")
    build(configs())  # no exception: serve mode
    for page in (plan_page, site / "index.html", site / "en" / "about" / "index.html", site / "404.html"):
        text = page.read_text(encoding="utf-8")
        assert 'id="kmsite-problems"' in text, page
        assert "plans/suso/plans/undated.md:" in text and "malformed YAML" in text
    assert '<html lang="en">' in (site / "en" / "index.html").read_text(encoding="utf-8")

    plan.write_text(plan.read_text(encoding="utf-8").replace("broken: [unclosed\n", ""), encoding="utf-8")
    build(configs())
    assert "kmsite-problems" not in plan_page.read_text(encoding="utf-8")
    assert "KM" in text_of(plan_page)


def test_a_build_still_stops_on_content_errors(project: Path, configs, caplog) -> None:
    (project / "plans" / "suso" / "organisation.yml").write_text("name: [unclosed\n", encoding="utf-8")
    config = configs()
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort):
        build(config)
    assert "plans/suso/organisation.yml:2: malformed YAML" in caplog.text
    assert not (project / "site" / "index.html").exists()


def test_the_selection_variable_is_read_under_serve_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KMSITE_ONLY_ORGS", "suso, prachantakham,")
    assert only_orgs([], from_env=True) == ["suso", "prachantakham"]
    assert only_orgs([], from_env=False) is None  # a variable left in a shell never shrinks a build
    assert only_orgs(["pathumthani-pao"], from_env=False) == ["pathumthani-pao"]
    monkeypatch.delenv("KMSITE_ONLY_ORGS")
    assert only_orgs([], from_env=True) is None


def test_a_partial_build_warns_so_a_strict_build_refuses_it(project: Path, configs, caplog) -> None:
    config = configs()
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["kmsite"].config["only_orgs"] = ["suso"]
    config.strict = True
    with pytest.raises(Abort, match="warning"):
        build(config)
    assert "only_orgs: building 1 organisation(s) of the tree (suso)" in caplog.text
