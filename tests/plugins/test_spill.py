"""A language build keeps generated files and converted pages on disk until written (plugins/spill.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config

from kmsite_plugins.plugins.site import KmSitePlugin
from kmsite_plugins.plugins.spill import Spill

from ..conftest import ROOT


def test_parked_text_comes_back_once_and_sources_are_the_bytes_given() -> None:
    spill = Spill()
    spill.park(1, "<p>ภาษีป้าย 😀</p>")
    spill.park(2, "")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "kmsite"  # as during on_files
    page = spill.file(config, "orgs/a/index.md", "หน้า\r\nสอง\n")
    png = spill.file(config, "qr/a.png", b"\x89PNG")
    assert page.content_bytes == "หน้า\r\nสอง\n".encode() and page.content_string == "หน้า\r\nสอง\n"
    assert png.content_bytes == b"\x89PNG" and png.abs_src_path == page.abs_src_path  # one data file
    assert not str(page.abs_src_path).startswith(config.docs_dir)  # static-i18n: not a file of docs_dir
    page.content_string = "แก้"  # a plugin's own content replaces the spilled bytes
    assert page.content_bytes == "แก้".encode() and png.content_bytes == b"\x89PNG"
    assert spill.take(1) == "<p>ภาษีป้าย 😀</p>" and spill.take(2) == "" and spill.parked == 0
    assert spill.take(1) is None
    spill.close()
    assert not os.path.exists(spill.folder)


def test_pages_wait_on_disk_between_conversion_and_writing(tmp_path: Path, monkeypatch: Any) -> None:
    """At ``on_env`` (every page converted, none written yet) no page holds its HTML and no generated file
    its content; each page is written with its HTML all the same, and the scratch folder goes at shutdown."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    seen: dict[str, Any] = {}
    real_on_env = KmSitePlugin.on_env

    def on_env(self: KmSitePlugin, env: Any, config: Any, files: Any) -> Any:
        if "pages" not in seen:  # the default language's build
            spill = getattr(self, "_spill", None)
            pages = [f.page for f in files.documentation_pages() if f.page is not None]
            generated = [f for f in files if f.generated_by == "kmsite"]
            seen.update(pages=len(pages), holding=[p.file.src_uri for p in pages if p.content],
                        parked=spill.parked if spill else 0, generated=len(generated),
                        in_memory=[f.src_uri for f in generated if f.abs_src_path is None],
                        folder=spill.folder if spill else None)
        return real_on_env(self, env, config, files)

    monkeypatch.setattr(KmSitePlugin, "on_env", on_env)
    site = tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    assert seen["pages"] > 50 and seen["holding"] == [] and seen["parked"] == seen["pages"]
    assert seen["generated"] > 50 and seen["in_memory"] == []
    html = (site / "orgs" / "suso" / "index.html").read_text(encoding="utf-8")
    assert '<article class="md-content__inner' in html and "<h1" in html
    assert Path(seen["folder"]).is_dir()
    config.plugins.on_shutdown()
    assert not Path(seen["folder"]).exists()
