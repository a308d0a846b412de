"""Attachments of knowledge assets, shipped beside the Thai asset page.

Written once (default language tree); the English asset page links to the same file, so a
file is never duplicated per language.
"""

from __future__ import annotations

from ..model import SiteModel
from ..views.knowledge import asset_views
from .spec import OutputContext, OutputFile

__all__ = ["asset_attachment_files"]


def asset_attachment_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """``orgs/<slug>/knowledge/<asset>/<file>`` for every attachment of a published asset."""
    if not ctx.is_default:
        return []
    files = []
    for content in site.sorted_orgs():
        for view in asset_views(content):
            for att in view.attachments:
                # kmsite check has reported a missing file as an error; a build never gets here with one
                files.append(OutputFile(att.site_path, att.source.read_bytes()))
    return files
