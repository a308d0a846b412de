"""Pre-compressed copies of a built site's text files (``x.html.gz``, ``x.html.br`` beside ``x.html``).

Web servers send them as they are (nginx ``gzip_static``/``brotli_static``, Apache with rewrite rules,
GitLab Pages), so pages travel compressed without compressing on every request; see docs/operate/deploy.md.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"})
MIN_BYTES = 256  # smaller files gain nothing from compression
BROTLI_QUALITY = 9  # 11 saves a further ~4% at ten times the time; a build of 20,000 pages must stay quick


@dataclass(frozen=True)
class CompressionReport:
    files: int
    original_bytes: int
    gzip_bytes: int
    brotli_bytes: int


def compress_site(site_dir: Path) -> CompressionReport:
    """Write a ``.gz`` and a ``.br`` beside every text file of ``site_dir``; the same input, the same bytes."""
    files = original = gz_total = br_total = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        if len(data) < MIN_BYTES:
            continue
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        br = brotli.compress(data, quality=BROTLI_QUALITY)
        path.with_name(path.name + ".gz").write_bytes(gz)
        path.with_name(path.name + ".br").write_bytes(br)
        files += 1
        original += len(data)
        gz_total += len(gz)
        br_total += len(br)
    return CompressionReport(files, original, gz_total, br_total)
