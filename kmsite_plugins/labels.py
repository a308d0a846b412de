"""Labels of the page templates per language (``templates/labels/<lang>.yml``): a leaf module.

Outputs (feeds, short-link pages), the search plugin and the renderer read the same labels;
nothing here imports the rest of the package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from ruamel.yaml import YAML

__all__ = ["TEMPLATE_DIR", "MissingLabel", "load_labels"]

TEMPLATE_DIR = Path(str(resources.files("kmsite_plugins") / "templates"))


class MissingLabel(KeyError):
    """A template asked for a label that no labels file defines."""


@cache
def load_labels(lang: str) -> dict[str, str]:
    """``labels/<lang>.yml`` plus every ``labels/<lang>/<area>.yml``; a key defined twice is an error."""
    paths = [TEMPLATE_DIR / "labels" / f"{lang}.yml", *sorted((TEMPLATE_DIR / "labels" / lang).glob("*.yml"))]
    labels: dict[str, str] = {}
    for path in paths:
        found = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
        twice = sorted(set(labels).intersection(found))
        if twice:
            raise ValueError(f"{path}: labels defined in another file too: {', '.join(twice)}")
        labels.update(found)
    return labels
