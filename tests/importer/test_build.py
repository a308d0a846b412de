"""The drafts of the three seeds build with the real MkDocs build and show their plan pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kmsite_plugins.importer import import_file
from tests.importer.nothing_lost import REPO, SEED_FILES

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="shared/seeds not beside the repository")


def test_seed_drafts_build(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    (tmp_path / "plans").mkdir()
    keys = {}
    for path in SEED_FILES:
        result, _, _ = import_file(path, f"seed-{path.name[:3]}", None, "yaml", tmp_path)
        keys[f"seed-{path.name[:3]}"] = (result.plan_key, result.plan["sections"][0]["tables"][0]["rows"][0])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    for slug, (key, row) in keys.items():
        page = (tmp_path / "site" / "orgs" / slug / "plans" / key / "index.html").read_text(encoding="utf-8")
        first_line = row["activity"].splitlines()[0]
        assert first_line.split()[0] in page
