"""Attachments of announcements (เอกสารแนบท้ายประกาศ), published beside the Thai notice page.

Written once (default language); the English page links to the same file.
"""

from __future__ import annotations

from ..model import SiteModel
from ..model.content_files import content_file
from ..views.urls import announcement_url
from .spec import OutputContext, OutputFile

__all__ = ["attachment_files"]


def attachment_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    if not ctx.is_default:
        return []
    files = []
    for content in site.sorted_orgs():
        for entry in content.announcements:
            if entry.path is None or content.folder is None:
                continue
            folder = announcement_url(content.slug, entry.slug)
            for att in entry.announcement.attachments:
                source = content_file(content.folder, entry.path.parent, att.file)  # the loader's rule, again
                files.append(OutputFile(folder + att.name, source.read_bytes()))
    return files
