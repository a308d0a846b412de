"""Shared fixtures: a copy of the demo content, and one real MkDocs build per test session."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Optional

import pytest

from kmsite_plugins.engine import build_command, engine_name

ROOT = Path(__file__).resolve().parent.parent
# KMSITE_ENGINE=properdocs runs the whole suite on ProperDocs: builds in a subprocess use its command,
# and in this process every `import mkdocs...` (tests that build in-process) gets ProperDocs' modules.
ENGINE = engine_name()
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A project root holding a copy of the demo plans/ that a test may break."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    return tmp_path


def run_mkdocs(site_dir: Path, *extra: str, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [*build_command(ENGINE), "--strict", "-f", str(config), "-d", str(site_dir), *extra],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built once with the real MkDocs, Material and static-i18n."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(site)
    assert result.returncode == 0, result.stderr[-4000:]
    return site


def script(name: str) -> ModuleType:
    """A script of ``scripts/`` loaded as a module (``script("generate_orgs").generate(...)``)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def must(match: Optional[re.Match[str]]) -> re.Match[str]:
    """A regex match the test needs: a clear failure instead of ``None.group``."""
    assert match is not None, "expected text not found"
    return match


def read_yaml(path: Path) -> dict:
    """A demo YAML file as the loader reads it (ruamel, dates kept as text)."""
    from kmsite_plugins.loader.yaml_source import load_yaml_file

    return load_yaml_file(path).data


def read_plan(path: Path) -> dict:
    """A demo plan (``.yml`` or the Markdown form ``.md``) as the mapping the loader validates."""
    from kmsite_plugins.loader.plan_markdown import read_plan_markdown
    from kmsite_plugins.loader.problems import Problems

    if path.suffix != ".md":
        return read_yaml(path)
    problems = Problems(root=path.parent)
    doc = read_plan_markdown(path, problems)
    assert doc is not None, [p.format() for p in problems.items]
    return doc.data


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


FORMS_FIXTURE = ROOT / "tests/fixtures/forms"


def build_content(site: Path, content: Path) -> subprocess.CompletedProcess:
    """A real build of the project's mkdocs.yml over another content folder (``content/plans``)."""
    config = site.parent / f"{site.name}-mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}", 1)
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}", 1)
    text = text.replace("content_dir: plans", f"content_dir: {content / 'plans'}", 1)
    config.write_text(text, encoding="utf-8")
    return run_mkdocs(site, config=config)


@pytest.fixture(scope="session")
def forms_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The forms fixture (tests/fixtures/forms: a province on the OPDC forms), built once."""
    site = tmp_path_factory.mktemp("forms-site") / "site"
    result = build_content(site, FORMS_FIXTURE)
    assert result.returncode == 0, result.stderr[-4000:]
    return site
