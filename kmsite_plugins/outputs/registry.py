"""Every output builder of the site, in a stable order."""

from __future__ import annotations

from typing import Callable

from ..model import SiteModel
from .spec import OutputContext, OutputFile

OutputBuilder = Callable[[SiteModel, OutputContext], list[OutputFile]]

BUILDERS: list[OutputBuilder] = []


def build_outputs(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    files: list[OutputFile] = []
    for builder in BUILDERS:
        files.extend(builder(site, ctx))
    seen: set[str] = set()
    for out in files:
        if out.path in seen:
            raise ValueError(f"two output files at {out.path}")
        seen.add(out.path)
    return files
