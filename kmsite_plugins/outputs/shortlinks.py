"""The redirect pages of short links: ``<lang prefix>go/<code>/index.html`` per short link.

Each is a static HTML page (meta refresh, canonical link, visible link), rendered through the
site's Jinja environment from ``outputs/shortlink.html.j2``, so a theme override applies.
"""

from __future__ import annotations

from ..model import SiteModel
from ..views.shortlinks import short_links
from ..views.urls import absolute, relative_url
from .spec import OutputContext, OutputFile

__all__ = ["shortlink_files", "TEMPLATE"]

TEMPLATE = "outputs/shortlink.html.j2"


def shortlink_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """One redirect page per short link, to be rendered through the site's templates."""
    files = []
    for link in short_links(site):
        target = relative_url(link.go, link.url, ctx.directory_urls)
        canonical = absolute(ctx.site_url, ctx.prefix + link.url) if ctx.site_url else None
        files.append(OutputFile(ctx.prefix + link.go + "index.html", template=TEMPLATE,
                                context={"target": target, "canonical": canonical}))
    return files
