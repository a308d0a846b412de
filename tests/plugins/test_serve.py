"""``mkdocs serve``: an edit to the content folder triggers a rebuild, and the page shows the edit."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from kmsite_plugins.plugins.site import KmSitePlugin
from tests.conftest import ROOT

OLD_NAME = "องค์การบริหารส่วนตำบลสุโสะ"
NEW_NAME = "องค์การบริหารส่วนตำบลสุโสะใหม่"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(predicate: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_on_an_organisation_edit_and_shows_it(tmp_path: Path):
    for name in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f",
                               str(tmp_path / "mkdocs.yml")], cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    page = f"http://127.0.0.1:{port}/orgs/suso/"
    try:
        assert _wait_for(lambda: OLD_NAME in _get(page), 180), (tmp_path / "serve.log").read_text()[-3000:]
        builds_before = (tmp_path / "serve.log").read_text(encoding="utf-8").count("Building documentation")
        org = tmp_path / "plans/suso/organisation.yml"
        org.write_text(org.read_text(encoding="utf-8").replace(f"name: {OLD_NAME}", f"name: {NEW_NAME}", 1),
                       encoding="utf-8")
        assert _wait_for(lambda: NEW_NAME in _get(page), 180), (tmp_path / "serve.log").read_text()[-3000:]
        text = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert text.count("Building documentation") > builds_before  # the edit itself set off a rebuild
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def test_one_plugin_instance_loads_the_content_again_for_each_build(tmp_path: Path):
    """State is per build: a plugin kept across builds (as MkDocs may keep it) reads the content of each new
    build's config; static-i18n's second language run (the same config object) shares the loaded site."""
    from mkdocs.config import load_config

    for name in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    org = tmp_path / "plans/suso/organisation.yml"
    first = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = first.plugins["kmsite"]
    assert isinstance(plugin, KmSitePlugin)
    plugin.on_config(first)
    assert plugin.site is not None and plugin.site.orgs["suso"].org.name == OLD_NAME
    assert str((tmp_path / "plans").resolve()) in first.watch  # `mkdocs serve` watches the content folder

    org.write_text(org.read_text(encoding="utf-8").replace(f"name: {OLD_NAME}", f"name: {NEW_NAME}", 1),
                   encoding="utf-8")
    second = load_config(str(tmp_path / "mkdocs.yml"))
    plugin.on_config(second)  # the same instance, a new build
    assert plugin.site.orgs["suso"].org.name == NEW_NAME

    loaded = plugin.site
    plugin.on_config(second)  # the same build, another language
    assert plugin.site is loaded


def test_a_preview_of_some_organisations_watches_only_their_folders(tmp_path: Path):
    """MkDocs polls every watched file twice a second: in a large tree, watching all of plans/ for a
    one-organisation preview kept a core busy and delayed reloads."""
    from mkdocs.config import load_config

    for name in ("docs", "overrides", "plans"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    plans = (tmp_path / "plans").resolve()
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["kmsite"]
    assert isinstance(plugin, KmSitePlugin)
    plugin.config.only_orgs = ["suso", "prachantakham"]
    plugin.on_config(config)
    assert str(plans / "suso") in config.watch and str(plans / "prachantakham") in config.watch
    assert str(plans) not in config.watch and str(plans / "pathumthani-pao") not in config.watch

    config = load_config(str(tmp_path / "mkdocs.yml"))  # a folder not made yet: the whole tree, to see it come
    plugin = config.plugins["kmsite"]
    plugin.config.only_orgs = ["suso", "new-org"]
    plugin.on_startup(command="serve", dirty=False)  # under serve the missing folder is an error page
    plugin.on_config(config)
    assert str(plans) in config.watch
