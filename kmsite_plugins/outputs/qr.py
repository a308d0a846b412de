"""QR codes with segno: inline SVG for pages, and ``qr.png``/``qr.svg`` beside every printable page.

Each file encodes the page's absolute short URL in the language being built
(``https://…/go/<code>/`` or ``https://…/en/go/<code>/``), sized for print (10 cm at 300 dpi).

A QR code always encodes an absolute URL; there is none without ``site_url``
(``require_site_url`` says so clearly). Error correction M (15 %) survives a
creased or slightly dirty notice board print and keeps short URLs at version 2-3.
"""

from __future__ import annotations

import html
import io
import math
import struct
import zlib
from functools import lru_cache
from typing import Optional

import segno

from ..model import SiteModel
from ..views.shortlinks import short_links
from ..views.urls import QR_PNG, QR_SVG, absolute
from .spec import OutputContext, OutputFile

__all__ = ["make", "inline_svg", "png_bytes", "svg_bytes", "require_site_url", "qr_files", "PRINT_DPI", "FILE_SIZE_MM"]

ERROR_LEVEL = "m"
BORDER = 4  # the quiet zone the standard asks for, in modules
PRINT_DPI = 300
FILE_SIZE_MM = 100.0  # the downloadable files: 10 cm wide, enough for an A4 poster
_MM_PER_INCH = 25.4
PNG_LEVEL = 7  # zlib level of the PNG files (see png_bytes)


def require_site_url(site_url: Optional[str], what: str) -> str:
    """``site_url`` or a ValueError that tells the author what to set."""
    if not site_url:
        raise ValueError(
            f"{what}: QR codes encode absolute URLs, but mkdocs.yml sets no site_url; "
            "add e.g. 'site_url: https://km.example.go.th/' (the address the site is published at)"
        )
    return site_url


@lru_cache(maxsize=8192)
def make(url: str) -> segno.QRCode:
    """The QR code of an absolute URL (http or https); cached: a page's code is drawn three times."""
    if not url.startswith(("http://", "https://")):
        raise ValueError(f"a QR code needs an absolute http(s) URL, not {url!r}")
    return segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)


@lru_cache(maxsize=4096)
def inline_svg(url: str, title: str, css_class: str = "kms-qr-svg") -> str:
    """An ``<svg>`` element with a viewBox only, so CSS decides its printed size; drawn once per URL and title
    (an organisation's code shows on its page, its poster and its announcements)."""
    svg = make(url).svg_inline(scale=1, border=BORDER, title=title, svgclass=css_class,
                               lineclass=None, omitsize=True, dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(title)}" ', 1)


def _modules(code: segno.QRCode) -> int:
    return int(code.symbol_size(scale=1, border=BORDER)[0])


def _png_chunk(name: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + name + data + struct.pack(">I", zlib.crc32(name + data))


def png_bytes(url: str, size_mm: float = FILE_SIZE_MM, dpi: int = PRINT_DPI) -> bytes:
    """A black-on-white PNG at least ``size_mm`` wide at ``dpi`` (whole pixels per module).

    The image segno's PNG writer makes (1-bit greyscale; each module row once, then PNG's "Up"
    filter for its repeats), written a row at a time instead of a pixel at a time: ten times faster.
    Compressed at zlib level 7, not segno's 9: files about 10 % larger (1.2 KB), in a quarter of the time.
    """
    code = make(url)
    scale = math.ceil(size_mm / _MM_PER_INCH * dpi / _modules(code))
    quiet = "1" * BORDER * scale  # white is 1, black 0
    width = len(code.matrix[0]) * scale + 2 * len(quiet)
    pad = "0" * (-width % 8)
    row_bytes = (width + len(pad)) // 8

    def scanline(bits: str) -> bytes:
        return b"\0" + int(bits + pad, 2).to_bytes(row_bytes, "big")

    dark, light = "0" * scale, "1" * scale
    border = scanline("1" * width) * (BORDER * scale)
    repeats = (b"\2" + bytes(row_bytes)) * (scale - 1)
    rows = (scanline(quiet + "".join(dark if module else light for module in row) + quiet) + repeats
            for row in code.matrix)
    idat = border + b"".join(rows) + border
    per_metre = int(dpi // 0.0254)
    return b"".join((b"\x89PNG\r\n\x1a\n",
                     _png_chunk(b"IHDR", struct.pack(">2I5B", width, width, 1, 0, 0, 0, 0)),
                     _png_chunk(b"pHYs", struct.pack(">LLB", per_metre, per_metre, 1)),
                     _png_chunk(b"IDAT", zlib.compress(idat, PNG_LEVEL)), _png_chunk(b"IEND", b"")))


def svg_bytes(url: str, size_mm: float = FILE_SIZE_MM, title: Optional[str] = None) -> bytes:
    """A standalone SVG file whose width and height are ``size_mm`` millimetres."""
    code = make(url)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=size_mm / _modules(code), unit="mm", border=BORDER,
              title=title or url, xmldecl=True, svgclass=None, lineclass=None,
              dark="#000", light="#fff")
    return out.getvalue()


def qr_files(site: SiteModel, ctx: OutputContext) -> list[OutputFile]:
    """``qr.png`` and ``qr.svg`` beside every organisation, plan and announcement page."""
    links = short_links(site)
    if not links:
        return []
    site_url = require_site_url(ctx.site_url, "QR code files")
    files = []
    for link in links:
        target = absolute(site_url, ctx.prefix + link.go)
        folder = ctx.prefix + link.url
        files.append(OutputFile(folder + QR_PNG, png_bytes(target)))
        files.append(OutputFile(folder + QR_SVG, svg_bytes(target)))
    return files
