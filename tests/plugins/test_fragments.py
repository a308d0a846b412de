"""Parts of the theme the same on every page of a place rendered once per place (plugins/fragments.py)."""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from kmsite_plugins.plugins.fragments import FragmentCache

from ..conftest import ROOT, run_mkdocs

CALL = re.compile(r'\{% call kmsite_fragment\("\w+"\) %\}|\{% endcall %\}')


def html_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_the_cached_site_is_byte_for_byte_materials(built_site: Path, tmp_path: Path) -> None:
    """The demo (hand-written pages in the nav, generated pages at every depth, both languages) built with
    overrides/ as they are and with the ``kmsite_fragment`` calls and the label lookup (theme_labels.py) taken
    out: every page the same."""
    project = tmp_path / "project"
    project.mkdir()
    for part in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / part, project / part)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    calls = 0
    for template in (project / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        calls += len(CALL.findall(text))
        template.write_text(CALL.sub("", text), encoding="utf-8")
    assert calls == 14  # tabs, nav, config, search, palette, styles, scripts: opened and closed
    (project / "overrides" / "partials" / "language.html").unlink()  # Material's labels, not theme_labels.py
    site = tmp_path / "site"
    result = run_mkdocs(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    cached, plain = html_files(built_site), html_files(site)
    assert sorted(cached.keys() ^ plain.keys()) == [] and len(cached) > 150
    assert [name for name in cached if cached[name] != plain[name]] == []


def test_a_build_renders_each_fragment_once_per_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Far fewer renders than pages: generated pages share their place's fragments; pages in the nav never do."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    caches: list[FragmentCache] = []
    calls: list[str] = []
    real_render = FragmentCache.render

    def render(self: FragmentCache, name: str, context: Any, caller: Any) -> Any:
        if self not in caches:
            caches.append(self)
        calls.append(name)
        return real_render(self, name, context, caller)

    monkeypatch.setattr(FragmentCache, "render", render)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    config.plugins.on_shutdown()
    assert len(caches) == 2  # one per language build
    renders = sum(cache.renders for cache in caches)
    assert len(calls) > 300 and renders < len(calls) / 3, (renders, len(calls))


def _page(src: str) -> Page:
    return Page(None, File(src, "/docs", "/site", use_directory_urls=True), MkDocsConfig())


def test_pages_share_a_key_only_where_every_link_is_the_same() -> None:
    orgs, about = _page("orgs.md"), _page("about/index.md")
    cache = FragmentCache()
    cache._see(Navigation([orgs, Section("About", [about])], [orgs, about]))
    key = partial(cache.key, "nav")
    assert key(_page("orgs/a/index.md"), "../..") == key(_page("orgs/b/index.md"), "../..")
    # same depth, but the link to orgs/ is "../" from orgs/a/ and "../../orgs/" from people/a/
    assert key(_page("orgs/a/index.md"), "../..") != key(_page("people/a/index.md"), "../..")
    assert key(_page("orgs/a/index.md"), "../..") != key(_page("orgs/a/b/index.md"), "../../..")
    assert key(orgs, "..") is None and key(about, "..") is None  # in the nav: its item is active
    assert key(None, "..") is None
    # the theme's files are targets too: a page whose place shares a folder with one links to it otherwise
    files = FragmentCache(["javascripts/kmsite.js"])
    files._see(Navigation([], []))
    scripts = partial(files.key, "scripts")
    assert scripts(_page("people/a/index.md"), "../..") == scripts(_page("orgs/a/index.md"), "../..")
    assert scripts(_page("javascripts/a/index.md"), "../..") != scripts(_page("orgs/a/index.md"), "../..")
