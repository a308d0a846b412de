"""Shared fixtures: a copy of the demo content, and one real MkDocs build per test session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A project root holding a copy of the demo plans/ that a test may break."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    return tmp_path


def run_mkdocs(site_dir: Path, *extra: str, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once with the real MkDocs, Material and static-i18n."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def must(match: Optional[re.Match[str]]) -> re.Match[str]:
    """A regex match the test needs: a clear failure instead of ``None.group``."""
    assert match is not None, "expected text not found"
    return match


def read_yaml(path: Path) -> dict:
    """A demo YAML file as the loader reads it (ruamel, dates kept as text)."""
    from kmsite_plugins.loader.yaml_source import load_yaml_file

    return load_yaml_file(path).data


def read_front_matter(path: Path) -> dict:
    """The front matter of a demo Markdown file, as the loader reads it."""
    from kmsite_plugins.loader.yaml_source import load_front_matter

    return load_front_matter(path)[0].data


def text_of(html_path: Path) -> str:
    """Visible text of a built page's article, whitespace folded."""
    import html as html_lib
    import re

    page = html_path.read_text(encoding="utf-8")
    start, end = page.find("<article"), page.find("</article>")
    body = page[start:end] if start >= 0 else page
    text = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", html_lib.unescape(text))
