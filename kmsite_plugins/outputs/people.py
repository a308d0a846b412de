"""Photos of the people directory, copied beside each organisation's people page."""

from __future__ import annotations

from ..model import SiteModel
from ..model.organisation import photo_path
from ..views import urls
from .spec import OutputContext, OutputFile


def photo_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """``<lang prefix>orgs/<slug>/people/photos/<person-id>.<ext>`` for every person with a photo.

    Written once per language tree so that a page links its photo with a plain relative path.
    The loader has already reported a missing file as an error, so none is skipped silently here.
    """
    files: list[OutputFile] = []
    for content in site.sorted_orgs():
        if content.folder is None:
            continue
        for person in content.org.people:
            if not person.photo:
                continue
            source = photo_path(content.folder, person.photo)
            if source is None or not source.is_file():
                raise ValueError(f"photo of '{person.id}' not found: {person.photo}")
            files.append(OutputFile(f"{ctx.prefix}{urls.people_url(content.slug)}photos/{person.photo_file}",
                                    source.read_bytes()))
    return files
