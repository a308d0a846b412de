"""Atomic publishing: a failed or interrupted build leaves the previous site byte-identical."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kmsite_plugins.publish import publish

from .conftest import ROOT


def tree_hash(folder: Path) -> str:
    """One hash of every path, file kind and byte under ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<dir>")
    return digest.hexdigest()


def previous_site(parent: Path) -> Path:
    """A published site to protect: pages, an asset and a nested folder."""
    site = parent / "site"
    (site / "orgs/suso").mkdir(parents=True)
    (site / "index.html").write_text("<h1>previous</h1>", encoding="utf-8")
    (site / "orgs/suso/index.html").write_text("<h1>suso</h1>", encoding="utf-8")
    (site / "orgs/suso/qr.png").write_bytes(bytes(range(256)))
    return site


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".site."))


def project(tmp_path: Path) -> Path:
    """A project root with a copy of the demo's content and config (docs and overrides linked)."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for name in ("docs", "overrides"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


def kmsite_build(root: Path) -> subprocess.Popen:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen([sys.executable, "-m", "kmsite_plugins.cli", "build", "-f", str(root / "mkdocs.yml")],
                            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


# -- the publish step on its own ---------------------------------------------------------

def test_success_swaps_in_the_new_site(tmp_path: Path) -> None:
    site = previous_site(tmp_path)

    def build(folder: Path) -> int:
        (folder / "index.html").write_text("<h1>new</h1>", encoding="utf-8")
        return 0

    assert publish(site, build) == 0
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "<h1>new</h1>"
    assert oct(site.stat().st_mode & 0o777) != oct(0o700)  # readable by a web server, not mkdtemp's 0700
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("outcome", ["fails", "crashes"])
def test_failed_build_changes_nothing(tmp_path: Path, outcome: str) -> None:
    site = previous_site(tmp_path)
    before = tree_hash(site)

    def build(folder: Path) -> int:
        (folder / "index.html").write_text("<h1>half</h1>", encoding="utf-8")
        if outcome == "crashes":
            raise RuntimeError("boom")
        return 1

    if outcome == "crashes":
        with pytest.raises(RuntimeError):
            publish(site, build)
    else:
        assert publish(site, build) == 1
    assert tree_hash(site) == before and leftovers(tmp_path) == []


# -- kmsite build, the real MkDocs build ---------------------------------------------------

def test_strict_failure_leaves_the_previous_site_byte_identical(tmp_path: Path) -> None:
    """A content warning fails ``--strict`` only after MkDocs has written every page: into the staging folder."""
    root = project(tmp_path)
    (root / "plans/suso/notes.txt").write_text("not content\n", encoding="utf-8")  # an unknown-file warning
    site = previous_site(root)
    before = tree_hash(site)
    process = kmsite_build(root)
    output, _ = process.communicate(timeout=600)
    assert tree_hash(site) == before and leftovers(root) == []
    assert process.returncode == 1, output[-3000:]
    assert "notes.txt" in output and "is unchanged" in output


def test_sigterm_mid_build_leaves_the_previous_site_byte_identical(tmp_path: Path) -> None:
    root = project(tmp_path)
    site = previous_site(root)
    before = tree_hash(site)
    process = kmsite_build(root)
    deadline = time.monotonic() + 300
    original = {p.relative_to(site) for p in site.rglob("*")}
    while time.monotonic() < deadline:  # wait until MkDocs is writing pages (wherever it writes them)
        writing = [p for p in root.glob(".site.building-*") if any(p.rglob("*.html"))]
        writing += [p for p in site.rglob("*.html") if p.relative_to(site) not in original]
        if writing or process.poll() is not None:
            break
        time.sleep(0.2)
    assert writing, "the build never wrote a page"
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=120)
    assert tree_hash(site) == before and leftovers(root) == []
    assert process.returncode == 130, output[-3000:]
