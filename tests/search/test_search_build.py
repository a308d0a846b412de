"""How the search plugin runs inside a real MkDocs build (in this process, to watch its calls)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

import kmsite_plugins.plugins.search as search_plugin
from tests.conftest import ROOT


def test_each_language_index_is_built_once_and_materials_index_is_empty(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    calls: Counter[str] = Counter()
    real = search_plugin.write_index

    def counting(docs: Any, emit: Any, **kw: Any) -> Any:
        calls[kw["lang"]] += 1
        return real(docs, emit, **kw)

    monkeypatch.setattr(search_plugin, "write_index", counting)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)

    assert calls == {"th": 1, "en": 1}
    # Material's search plugin keeps its search box but indexes nothing (static-i18n gathers no entries).
    material: Any = config.plugins["material/search"]
    assert material.search_index.entries == []
    # the root file is kmsite's manifest, written again after static-i18n rewrote Material's index
    root = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert root["docs"] == [] and root["kmsite"]["default"] == "th"
    assert not (tmp_path / "site" / "search" / "search_index.js").exists()  # only offline builds need it
    th = json.loads((tmp_path / "site" / "search" / "th" / "manifest.json").read_text(encoding="utf-8"))
    assert th["pages"] > 50
