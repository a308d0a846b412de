"""The package's import graph: the layers of pyproject.toml's import-linter contracts, and a light ``kmsite check``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("jinja2", "segno", "mkdocs", "material", "markupsafe", "mkdocs_static_i18n")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's ``lint-imports`` over the package found at ``root`` with the project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
                           "sys.exit(lint_imports_command())", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=root, env=env, capture_output=True, text=True)


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"Contracts: (\d+) kept, 0 broken", result.stdout)


@pytest.mark.parametrize("module, added, reported", [
    # an upward import: the model asking the views layer for a URL
    ("model/plan.py", "from ..views import urls  # noqa\n", "kmsite_plugins.model.plan -> kmsite_plugins.views.urls"),
    # a cycle inside one layer: progress importing plan, which imports progress
    ("model/progress.py", "from . import plan  # noqa\n", ".progress -> .plan"),
    # a writer of output files importing the loader
    ("outputs/people.py", "from ..loader import load_site  # noqa\n",
     "kmsite_plugins.outputs.people -> kmsite_plugins.loader"),
])
def test_a_new_upward_import_or_cycle_breaks_a_contract(tmp_path: Path, module: str, added: str, reported: str):
    """The contracts catch what they are for: the same check over a copy of the package with one bad import."""
    copy = tmp_path / "kmsite_plugins"
    shutil.copytree(ROOT / "kmsite_plugins", copy, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    path = copy / module
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("from __future__ import annotations\n")
    path.write_text(head + sep + added + rest, encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout[-3000:]
    assert "BROKEN" in result.stdout and reported in result.stdout, result.stdout[-3000:]


def test_kmsite_check_loads_no_template_engine_qr_or_mkdocs():
    """``kmsite check`` needs only the loader: ``-X importtime`` lists every module it imports."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "kmsite_plugins.cli", "check", str(ROOT)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout[-2000:]
    imported = {line.rsplit("|",
                            1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "kmsite_plugins.loader.load" in imported  # the listing is real
    heavy = sorted(name for name in imported if name.split(".")[0] in HEAVY)
    assert heavy == []
    ours = sorted(name for name in imported if name.startswith("kmsite_plugins."))
    layers = {name.split(".")[1] for name in ours}
    assert layers <= {"cli", "loader", "model", "thai"}, ours
