"""Which engine builds the site: MkDocs 1.6 or ProperDocs, its maintained drop-in fork.

Both load kmsite's ``mkdocs.plugins`` entry points, Material and static-i18n unchanged; ProperDocs
answers every ``import mkdocs...`` with its own modules. ``KMSITE_ENGINE`` picks one (default mkdocs).
"""

from __future__ import annotations

import os
import sys
from typing import Mapping, Optional

ENGINES = ("mkdocs", "properdocs")
ENGINE_VARIABLE = "KMSITE_ENGINE"


def engine_name(env: Optional[Mapping[str, str]] = None) -> str:
    """The engine named by ``KMSITE_ENGINE`` (``mkdocs`` when unset); an unknown name is an error."""
    name = (env if env is not None else os.environ).get(ENGINE_VARIABLE, "") or "mkdocs"
    if name not in ENGINES:
        raise ValueError(f"{ENGINE_VARIABLE}={name!r}: expected one of {', '.join(ENGINES)}")
    return name


def build_command(engine: str) -> list[str]:
    """The command line that builds a site with ``engine`` (``python -m mkdocs build``)."""
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    return [sys.executable, "-m", engine, "build"]
