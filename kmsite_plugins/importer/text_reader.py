"""Text exports of Word plans: tab-separated rows, one-cell-per-line tables, Markdown pipe tables.

Rules (general, from the shape of exported OPDC documents):

* a line whose text (after any indentation) still holds a tab is a table row, one cell per tab;
  rows separated only by blank lines belong to one table; trailing empty cells are a merged row;
* a block of indented one-cell lines that are all column headers starts a *one cell per line* table:
  every following indented line starts a cell, an unindented line continues the cell above, and rows
  are cut at the header's cell count or at a new row number;
* ``| a | b |`` lines are Markdown table rows; ``|---|`` and ``--- -- ---`` lines are rules, not text;
* ``#`` headings, ``**bold**`` and ``\\*`` escapes are Markdown markup around the author's words.
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import Cell, Document, Loc, Paragraph, Row, Table
from .html_text import html_to_text
from .labels import header_key

RULE_LINE = re.compile(r"^[\s\-|:–—_.…]*$")
ROW_NUMBER = re.compile(r"^[0-9๐-๙]{1,3}\s*[.)]?$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BOLD = re.compile(r"\*\*(.*?)\*\*")


def is_rule(text: str) -> bool:
    """A line of only table rules and punctuation (``|---|``, ``--- -- ---``, ``- | | |``, ``……``)."""
    return bool(RULE_LINE.match(text))


def clean_markdown(text: str) -> str:
    text = _BOLD.sub(r"\1", text)
    return text.replace("\\*", "*").replace("\\_", "_").strip()


class _Reader:
    def __init__(self, path: Path, name: str):
        self.name = name
        self.lines = path.read_text(encoding="utf-8-sig").splitlines()
        self.doc = Document(source=name)
        self.table: Table | None = None
        self.tables = 0

    def loc(self, line: int) -> Loc:
        return Loc(self.name, line=line)

    def new_table(self, line: int) -> Table:
        self.tables += 1
        table = Table(rows=[], loc=Loc(self.name, line=line, table=str(self.tables)))
        self.doc.blocks.append(table)
        return table

    def cell(self, raw: str, line: int, col: int) -> Cell:
        text = html_to_text(clean_markdown(raw)) if raw.strip() else ""
        loc = Loc(self.name, line=line, cell=col + 1)
        return Cell(text=text, raw=raw, loc=loc, col=col, flattened="\n" not in text)

    def read(self) -> Document:
        i = 0
        while i < len(self.lines):
            i = self.step(i)
        return self.doc

    def step(self, i: int) -> int:
        line = self.lines[i]
        number = i + 1
        body = line.lstrip(" \t")
        if not body.strip():
            return i + 1  # blank: a table goes on across blank lines
        if is_rule(body):
            return i + 1
        if body.startswith("|"):
            cells = body.strip().strip("|").split("|")
            self.add_row([c.strip() for c in cells], number)
            return i + 1
        if "\t" in body:
            self.add_row([c.strip() for c in body.split("\t")], number)
            return i + 1
        if line[:1] == "\t" or line.startswith(" \t"):
            end = self.header_block(i)
            if end is not None:
                return self.cell_table(i, end)
        self.table = None
        previous = self.doc.blocks[-1] if self.doc.blocks else None
        if line.startswith(" " * 8) and isinstance(previous, Paragraph) and i > 0 and self.lines[i - 1].strip():
            wrapped = html_to_text(clean_markdown(body))  # a wrapped line of the paragraph above
            previous.text = previous.text.rstrip() + " " + wrapped
            previous.raw_lines.append(number)
            return i + 1
        heading = _HEADING.match(body)
        text = html_to_text(clean_markdown(heading.group(2) if heading else body))
        level = len(heading.group(1)) if heading else 0
        self.doc.blocks.append(Paragraph(text=text, loc=self.loc(number), heading=level))
        return i + 1

    def add_row(self, raws: list[str], number: int) -> None:
        if self.table is None:
            self.table = self.new_table(number)
        cells = [self.cell(raw, number, col) for col, raw in enumerate(raws)]
        self.table.rows.append(Row(cells=cells, loc=Loc(self.name, line=number, table=self.table.loc.table)))

    # -- one cell per line -------------------------------------------------------
    def header_block(self, i: int) -> int | None:
        """End index of a run of indented one-cell lines that are all column headers (3 or more)."""
        j = i
        while j < len(self.lines) and self.lines[j][:1] == "\t" and "\t" not in self.lines[j][1:] \
                and self.lines[j].strip():
            j += 1
        labels = [self.lines[k].strip() for k in range(i, j)]
        if len(labels) >= 3 and all(header_key(label) for label in labels):
            return j
        return None

    def cell_table(self, start: int, header_end: int) -> int:
        self.table = None
        table = self.new_table(start + 1)
        header = [self.cell(self.lines[k].strip(), k + 1, 0) for k in range(start, header_end)]
        for c, cell in enumerate(header):
            cell.col = c
        table.rows.append(Row(cells=header, loc=Loc(self.name, line=start + 1, table=table.loc.table)))
        width = len(header)
        cells: list[Cell] = []
        i = header_end
        blank_before = False
        while i < len(self.lines):
            line = self.lines[i]
            if line[:1] == "\t" and not line.strip():
                cells.append(self.cell("", i + 1, 0))  # an empty cell is a lone tab
            elif not line.strip():
                blank_before = True
                i += 1
                continue
            elif line[:1] == "\t" and "\t" not in line[1:]:
                cells.append(self.cell(line.strip(), i + 1, 0))
            elif line[:1] not in (" ", "\t") and cells and not blank_before:
                last = cells[-1]
                last.raw += "\n" + line.strip()
                last.text = (last.text + "\n" + html_to_text(clean_markdown(line))).strip("\n")
                last.flattened = False
            else:
                break
            blank_before = False
            i += 1
        for row in _cut_rows(cells, width):
            for col, cell in enumerate(row):
                cell.col = col
            table.rows.append(Row(cells=row, loc=Loc(self.name, line=row[0].loc.line, table=table.loc.table)))
        return i


def _cut_rows(cells: list[Cell], width: int) -> list[list[Cell]]:
    """Rows of at most ``width`` cells; a row number starts a new row once the row is nearly full."""
    rows: list[list[Cell]] = []
    current: list[Cell] = []
    for cell in cells:
        starts_row = bool(ROW_NUMBER.match(cell.text.strip())) and len(current) >= max(1, width - 2)
        if current and (len(current) >= width or starts_row):
            rows.append(current)
            current = []
        current.append(cell)
    if current:
        rows.append(current)
    return rows


def read_text(path: Path) -> Document:
    return _Reader(path, path.name).read()
