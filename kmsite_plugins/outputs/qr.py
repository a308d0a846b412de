"""QR code files beside every organisation, plan and announcement page: ``qr.png`` and ``qr.svg``.

Each code encodes the page's absolute short URL in the language being built
(``https://…/go/<code>/`` or ``https://…/en/go/<code>/``), sized for print
(10 cm at 300 dpi). Without ``site_url`` there is no absolute URL: a ValueError
that the plugin reports as a build error.
"""

from __future__ import annotations

from .. import qr
from ..model import SiteModel
from ..pages.urls import absolute
from .shortlinks import ShortLink, short_links
from .spec import OutputContext, OutputFile

__all__ = ["qr_files", "qr_target", "QR_PNG", "QR_SVG"]

QR_PNG = "qr.png"
QR_SVG = "qr.svg"


def qr_target(site_url: str, prefix: str, link: ShortLink) -> str:
    """What a printed code encodes: the absolute short URL of one language tree."""
    return absolute(site_url, prefix + link.go)


def qr_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    links = short_links(site)
    if not links:
        return []
    site_url = qr.require_site_url(ctx.site_url, "QR code files")
    files = []
    for link in links:
        target = qr_target(site_url, ctx.prefix, link)
        folder = ctx.prefix + link.url
        files.append(OutputFile(folder + QR_PNG, qr.png_bytes(target)))
        files.append(OutputFile(folder + QR_SVG, qr.svg_bytes(target)))
    return files
