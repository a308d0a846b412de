"""``kmsite import``: a Word file or a text export of an OPDC plan → a draft organisation folder.

Layers: readers (``docx_reader``, ``text_reader``) produce the common ``document`` model; the
``assemble`` pass places paragraphs and cells using ``labels``, ``fields``, ``steps``, ``people``,
``rejoin`` and ``worksheets``; ``draft_writer`` writes our format; ``report`` prints what happened.
The importer uses thai, model and loader only (no MkDocs, Jinja or segno).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Optional

from ..loader import load_site
from .assemble import Assembler
from .document import Document
from .draft_writer import Format, markdown_available, write_draft
from .report import format_report
from .result import ImportResult


def read_document(path: Path) -> Document:
    if path.suffix.lower() == ".docx":
        from .docx_reader import read_docx

        return read_docx(path)
    from .text_reader import read_text

    return read_text(path)


def _check_draft(result: ImportResult, slug: str, fmt: Format) -> list[str]:
    """kmsite check's messages on the draft alone (written to a scratch tree)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans" / slug
        write_draft(result, folder, fmt, "")
        _, problems = load_site(Path(tmp))
        return [p.format() for p in problems.sorted()]


def import_file(path: Path, slug: str, fiscal_year: Optional[int] = None, fmt: Optional[Format] = None,
                root: Path = Path(".")) -> tuple[ImportResult, Path, str]:
    """Import ``path`` as ``plans/<slug>/`` under ``root``; returns the result, the folder and the report."""
    fmt = fmt or ("markdown" if markdown_available() else "yaml")
    plans = root / "plans" if (root / "plans").is_dir() else root
    folder = plans / slug
    if folder.exists():
        raise FileExistsError(f"{folder} already exists; choose another --org slug or remove it")
    doc = read_document(path)
    result = Assembler(doc, fiscal_year).run()
    result.checker = _check_draft(result, slug, fmt)
    report = format_report(result, str(folder))
    write_draft(result, folder, fmt, report)
    return result, folder, report
