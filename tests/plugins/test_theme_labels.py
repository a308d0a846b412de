"""Material's interface labels looked up once per build (plugins/theme_labels.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from mkdocs.config import load_config

from kmsite_plugins.plugins.theme_labels import ThemeLabels

from ..conftest import ROOT

KEY = re.compile(r'^\s*"([a-z.]+)":', re.MULTILINE)


@pytest.mark.parametrize("language", ["th", "en", "fr"])
def test_every_label_is_materials(language: str) -> None:
    """Each key of the Thai and English tables, a key only English has, and an unknown key: the label
    Material's own language.html gives (a language without a key falls back to English, then the key)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = config.theme.get_env()
    material: Any = env.get_template("partials/language.html", globals={"config": {"theme": {"language": language}}})
    labels = ThemeLabels(env, language)
    keys = set(KEY.findall((ROOT / "overrides" / "partials" / "languages" / "th.html").read_text(encoding="utf-8")))
    assert len(keys) > 40
    for key in sorted(keys) + ["no.such.label"]:
        assert labels(key) == str(material.module.t(key)), key
    assert labels("no.such.label") == "no.such.label"


def test_a_label_is_looked_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    labels = ThemeLabels(config.theme.get_env(), "th")
    asked: list[str] = []
    real = labels._language.t
    def t(key: str) -> str:
        asked.append(key)
        return str(real(key))

    monkeypatch.setattr(labels._language, "t", t)
    assert labels("search") == labels("search") == labels("search") != ""
    assert asked == ["search"]
