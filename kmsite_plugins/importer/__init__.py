"""``kmsite import``: a Word file or a text export of an OPDC plan → a draft organisation folder.

Layers: readers (``docx_reader``, ``text_reader``) produce the common ``document`` model; the
``assemble`` pass places paragraphs and cells using ``labels``, ``fields``, ``steps``, ``people``,
``rejoin`` and ``worksheets``; ``draft_writer`` writes our format; ``report`` prints what happened.
The importer uses thai, model and loader only (no MkDocs, Jinja or segno).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..loader import load_site
from .assemble import Assembler
from .document import Document
from .draft_writer import Format, markdown_available, write_draft
from .report import format_report
from .result import Finding, ImportResult


class ImportInputError(ValueError):
    """The file cannot be read as a Word document or a UTF-8 text export."""


def read_document(path: Path) -> Document:
    if path.suffix.lower() == ".docx":
        import zipfile

        from docx.opc.exceptions import PackageNotFoundError

        from .docx_reader import read_docx

        try:
            return read_docx(path)
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
            raise ImportInputError(f"not a Word (.docx) file that can be read ({exc}); save it again as .docx "
                                   "from Word or LibreOffice, or export it as text") from None
    from .text_reader import read_text

    try:
        return read_text(path)
    except UnicodeDecodeError:
        raise ImportInputError("not UTF-8 text: export the document as UTF-8 text, or give the .docx") from None


def _check_draft(result: ImportResult, slug: str, fmt: Format) -> tuple[list[str], bool]:
    """kmsite check's messages on the draft alone (written to a scratch tree), and whether its plan loaded."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans" / slug
        write_draft(result, folder, fmt, "")
        site, problems = load_site(Path(tmp))
        org = site.orgs.get(slug)
        loaded = bool(org and org.plans) or not result.plan.get("sections")
        return [p.format() for p in problems.sorted()], loaded


def import_file(path: Path, slug: str, fiscal_year: int | None = None, fmt: Format | None = None,
                root: Path = Path(".")) -> tuple[ImportResult, Path, str]:
    """Import ``path`` as ``plans/<slug>/`` under ``root``; returns the result, the folder and the report."""
    chosen: Format = fmt or ("markdown" if markdown_available() else "yaml")
    plans = root / "plans" if (root / "plans").is_dir() else root
    folder = plans / slug
    if folder.exists():
        raise FileExistsError(f"{folder} already exists; choose another --org slug or remove it")
    doc = read_document(path)
    result = Assembler(doc, fiscal_year).run()
    result.checker, loaded = _check_draft(result, slug, chosen)
    if not loaded and fmt is None and chosen == "markdown":
        # this version's loader does not read Markdown plans yet: write the YAML form, which it does read
        chosen = "yaml"
        result.findings.append(Finding("format", "the loader here does not read Markdown plans yet; the plan is "
                                       "written as YAML (convert it later, or use --format markdown)", None))
        result.checker, _ = _check_draft(result, slug, chosen)
    with tempfile.TemporaryDirectory() as tmp:
        names = [str(p.relative_to(tmp)) for p in write_draft(result, Path(tmp), chosen, "")]
    report = format_report(result, str(folder), names)
    write_draft(result, folder, chosen, report)
    return result, folder, report
