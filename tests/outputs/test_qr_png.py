"""The PNG writer of qr.py: segno's image, drawn a row at a time; inline SVGs drawn once per URL."""

from __future__ import annotations

import io
import math
import struct
import zlib

import pytest
import segno

from kmsite_plugins.outputs import qr


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks (type, data), the image data decompressed: the image, whatever the compression."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    out, pos = [], 8
    while pos < len(png):
        size = struct.unpack(">I", png[pos:pos + 4])[0]
        kind, data = png[pos + 4:pos + 8], png[pos + 8:pos + 8 + size]
        assert struct.unpack(">I", png[pos + 8 + size:pos + 12 + size])[0] == zlib.crc32(kind + data)
        out.append((kind, zlib.decompress(data) if kind == b"IDAT" else data))
        pos += 12 + size
    return out


def segno_png(url: str, size_mm: float, dpi: int) -> bytes:
    code = qr.make(url)
    out = io.BytesIO()
    code.save(out, kind="png", scale=math.ceil(size_mm / 25.4 * dpi / qr._modules(code)), border=qr.BORDER, dpi=dpi)
    return out.getvalue()


@pytest.mark.parametrize("url", ["https://km.example.go.th/go/ab3/", "https://km.example.go.th/en/go/suso-2567/",
                                 "https://x.th/", "https://km.example.go.th/" + "ก" * 40])
@pytest.mark.parametrize(("size_mm", "dpi"), [(qr.FILE_SIZE_MM, qr.PRINT_DPI), (20.0, 72)])
def test_png_is_segnos_png(url: str, size_mm: float, dpi: int) -> None:
    """The chunks and pixels of segno's own PNG; only the compression level differs."""
    assert chunks(qr.png_bytes(url, size_mm, dpi)) == chunks(segno_png(url, size_mm, dpi))


def test_inline_svg_is_drawn_once_per_url_and_title(monkeypatch: pytest.MonkeyPatch) -> None:
    qr.inline_svg.cache_clear()
    drawn: list[str] = []
    original = segno.QRCode.svg_inline

    def counting(self: segno.QRCode, **kwargs: object) -> str:
        drawn.append(str(kwargs.get("title")))
        return original(self, **kwargs)

    monkeypatch.setattr(segno.QRCode, "svg_inline", counting)
    first = qr.inline_svg("https://km.example.go.th/go/ab3/", "QR <ab3>")
    assert qr.inline_svg("https://km.example.go.th/go/ab3/", "QR <ab3>") == first
    qr.inline_svg("https://km.example.go.th/en/go/ab3/", "QR <ab3>")
    assert drawn == ["QR <ab3>", "QR <ab3>"]
    assert 'aria-label="QR &lt;ab3&gt;"' in first
