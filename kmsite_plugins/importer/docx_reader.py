"""Word files (.docx) read with python-docx: body paragraphs and tables in document order.

Merged cells are understood from the table grid: a cell spanning columns (``gridSpan``) is one cell
with ``span``; a vertically merged cell (``vMerge``) repeats its text into the rows it covers, marked
``merged_from`` so its text counts once. A table inside a cell becomes its own table right after its
parent, located as ``table 3.1``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from .document import Cell, Document, Loc, Paragraph, Row, Table

_HEADING_STYLE = re.compile(r"(?:heading|หัวเรื่อง)\s*([0-9])", re.IGNORECASE)


def _paragraph_text(p: Any, parent: Any) -> str:
    return str(DocxParagraph(p, parent).text)


def _heading_level(p: Any, parent: Any) -> int:
    style = DocxParagraph(p, parent).style
    name = style.name if style is not None and style.name else ""
    match = _HEADING_STYLE.search(name)
    return int(match.group(1)) if match else (1 if name.lower() == "title" else 0)


class _DocxReader:
    def __init__(self, path: Path):
        self.name = path.name
        self.doc = docx.Document(str(path))
        self.out = Document(source=self.name)
        self.paragraphs = 0
        self.tables = 0

    def read(self) -> Document:
        body = self.doc.element.body
        for child in body.iterchildren():
            if child.tag == qn("w:p"):
                self.paragraphs += 1
                text = _paragraph_text(child, self.doc)
                loc = Loc(self.name, paragraph=self.paragraphs)
                self.out.blocks.append(Paragraph(text=text.strip(), loc=loc, heading=_heading_level(child, self.doc)))
            elif child.tag == qn("w:tbl"):
                self.tables += 1
                self.table(child, str(self.tables), None)
        return self.out

    def table(self, tbl: Any, ident: str, parent: Loc | None) -> None:
        table = Table(rows=[], loc=Loc(self.name, table=ident), nested_in=parent)
        self.out.blocks.append(table)
        nested: list[tuple[Any, Loc]] = []
        above: dict[int, Cell] = {}  # grid column → the cell a vertical merge continues
        for r, tr in enumerate(tbl.iterchildren(qn("w:tr")), 1):
            cells: list[Cell] = []
            col = 0
            for tc in tr.iterchildren(qn("w:tc")):
                span = int(tc.grid_span or 1)
                loc = Loc(self.name, table=ident, row=r, cell=col + 1)
                texts = []
                for child in tc.iterchildren():
                    if child.tag == qn("w:p"):
                        texts.append(_paragraph_text(child, self.doc))
                    elif child.tag == qn("w:tbl"):
                        nested.append((child, loc))
                text = "\n".join(t for t in texts).strip()
                merge = tc.vMerge
                if merge == "continue" and col in above:
                    origin = above[col]
                    cell = Cell(text=origin.text, raw="", loc=loc, col=col, span=span, merged_from=origin.loc)
                else:
                    cell = Cell(text=text, raw=text, loc=loc, col=col, span=span)
                    if merge == "restart":
                        above[col] = cell
                    else:
                        above.pop(col, None)
                cells.append(cell)
                col += span
            table.rows.append(Row(cells=cells, loc=Loc(self.name, table=ident, row=r)))
        for k, (child, loc) in enumerate(nested, 1):
            self.table(child, f"{ident}.{k}", loc)


def read_docx(path: Path) -> Document:
    return _DocxReader(path).read()
