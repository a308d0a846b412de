"""KMSITE_ENGINE and kmsite build --engine pick MkDocs 1.6 or ProperDocs."""

from __future__ import annotations

import sys

import pytest

from kmsite_plugins.cli import main
from kmsite_plugins.engine import build_command, engine_name


def test_the_engine_is_mkdocs_unless_named():
    assert engine_name({}) == "mkdocs"
    assert engine_name({"KMSITE_ENGINE": ""}) == "mkdocs"
    assert engine_name({"KMSITE_ENGINE": "properdocs"}) == "properdocs"
    assert build_command("properdocs") == [sys.executable, "-m", "properdocs", "build"]


def test_an_unknown_engine_is_a_clear_error(capsys, monkeypatch):
    with pytest.raises(ValueError, match="KMSITE_ENGINE='mkdocs2': expected one of mkdocs, properdocs"):
        engine_name({"KMSITE_ENGINE": "mkdocs2"})
    monkeypatch.setenv("KMSITE_ENGINE", "mkdocs2")
    assert main(["build"]) == 2
    assert "expected one of mkdocs, properdocs" in capsys.readouterr().err
    monkeypatch.delenv("KMSITE_ENGINE")
    assert main(["build", "--engine", "sphinx"]) == 2
    assert "engine 'sphinx': expected one of mkdocs, properdocs" in capsys.readouterr().err


def test_properdocs_is_installed_and_runs_kmsite_plugins():
    from importlib.metadata import entry_points

    import properdocs.plugins

    plugins = properdocs.plugins.get_plugins()
    assert {"kmsite", "kmsite-search", "i18n", "material/search"} <= set(plugins)
    assert any(ep.name == "kmsite" for ep in entry_points(group="mkdocs.plugins"))


def test_the_suites_engine_answers_mkdocs_imports_and_the_other_cannot_take_over():
    import mkdocs.config

    from kmsite_plugins.engine import use_engine
    from tests.conftest import ENGINE

    active = "properdocs" if mkdocs.config.__name__.startswith("properdocs") else "mkdocs"
    assert active == ENGINE
    use_engine(active)
    other = "mkdocs" if active == "properdocs" else "properdocs"
    with pytest.raises(RuntimeError, match=f"already runs {active}"):
        use_engine(other)
