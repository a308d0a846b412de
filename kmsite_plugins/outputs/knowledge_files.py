"""Attachments of knowledge assets, shipped beside the Thai asset page.

Written once (default language tree); the English asset page links to the same file, so a
file is never duplicated per language.
"""

from __future__ import annotations

from ..model import SiteModel
from ..model.content_files import content_file
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
                # the loader's content-file rule, again: a build never ships a file that breaks it
                assert content.folder is not None
                source = content_file(content.folder, view.entry.path.parent, att.file)
                files.append(OutputFile(att.site_path, source.read_bytes()))
    return files
