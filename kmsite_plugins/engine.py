"""Which engine builds the site: MkDocs 1.6 or ProperDocs, its maintained drop-in fork.

Both load kmsite's ``mkdocs.plugins`` entry points, Material and static-i18n unchanged; ProperDocs
answers every ``import mkdocs...`` with its own modules. ``KMSITE_ENGINE`` picks one (default mkdocs).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

ENGINES = ("mkdocs", "properdocs")
ENGINE_VARIABLE = "KMSITE_ENGINE"


def engine_name(env: Mapping[str, str] | None = None) -> str:
    """The engine named by ``KMSITE_ENGINE`` (``mkdocs`` when unset); an unknown name is an error."""
    name = (env if env is not None else os.environ).get(ENGINE_VARIABLE, "") or "mkdocs"
    if name not in ENGINES:
        raise ValueError(f"{ENGINE_VARIABLE}={name!r}: expected one of {', '.join(ENGINES)}")
    return name


def use_engine(engine: str) -> None:
    """Make ``engine`` answer this process's ``import mkdocs...`` (kmsite build runs in process).

    ProperDocs must be chosen before MkDocs itself is imported: a RuntimeError says so otherwise.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    loaded = sys.modules.get("mkdocs.config")
    active = "properdocs" if loaded is not None and loaded.__name__.startswith("properdocs") else (
        "mkdocs" if loaded is not None else None)
    if active is not None and active != engine:
        raise RuntimeError(f"engine {engine}: this process already runs {active}; "
                           f"set {ENGINE_VARIABLE}={engine} before it starts")
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401  (aliases mkdocs.* to properdocs.*)


def build_command(engine: str) -> list[str]:
    """The command line that builds a site with ``engine`` (``python -m mkdocs build``)."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    return [sys.executable, "-m", engine, "build"]
