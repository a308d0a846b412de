"""Every output builder of the site, in a stable order."""

from __future__ import annotations

from collections.abc import Callable

from ..model import SiteModel
from .announcements import attachment_files
from .feeds import feed_files
from .knowledge_files import asset_attachment_files
from .opendata import opendata_files
from .people import photo_files
from .qr import qr_files
from .shortlinks import shortlink_files
from .spec import OutputContext, OutputFile

OutputBuilder = Callable[[SiteModel, OutputContext], list[OutputFile]]

BUILDERS: list[OutputBuilder] = [shortlink_files, qr_files, attachment_files, photo_files, asset_attachment_files,
                                 feed_files, opendata_files]


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
