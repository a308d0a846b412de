"""The common document model both readers produce: paragraphs and tables, each with its source location."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Loc:
    """Where a piece of text came from: ``file:line`` (text export) or ``file table T row R cell C`` (DOCX)."""

    source: str
    line: int | None = None
    table: str | None = None  # "3" or "3.1" for a table nested in table 3
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.source}:{self.line}" + (f" cell {self.cell}" if self.cell and self.cell > 1 else "")
        if self.table is not None:
            where = f"table {self.table}"
            if self.row is not None:
                where += f" row {self.row}"
            if self.cell is not None:
                where += f" cell {self.cell}"
            return f"{self.source} {where}"
        return f"{self.source} paragraph {self.paragraph}"


@dataclass
class Paragraph:
    text: str
    loc: Loc
    heading: int = 0  # heading level when the source marks one (Word style, Markdown #), else 0
    raw_lines: list[int] = field(default_factory=list)  # further source lines joined into this paragraph


@dataclass
class Cell:
    """One cell; ``text`` is plain text (HTML removed), ``raw`` exactly as read."""

    text: str
    raw: str
    loc: Loc
    col: int = 0  # grid column where the cell starts
    span: int = 1  # grid columns it covers (Word gridSpan)
    merged_from: Loc | None = None  # set on the rows a vertically merged cell repeats into
    flattened: bool = False  # a one-line export of a cell whose list items were run together


@dataclass
class Row:
    cells: list[Cell]
    loc: Loc

    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    def filled(self) -> list[Cell]:
        return [c for c in self.cells if c.text.strip()]


@dataclass
class Table:
    rows: list[Row]
    loc: Loc
    nested_in: Loc | None = None


Block = Paragraph | Table


@dataclass
class Document:
    source: str
    blocks: list[Block] = field(default_factory=list)

    def items(self) -> Iterator[tuple[Loc, str]]:
        """Every non-empty paragraph and cell (the units nothing may drop)."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                if block.text.strip():
                    yield block.loc, block.text
            else:
                for row in block.rows:
                    for cell in row.cells:
                        if cell.text.strip() and cell.merged_from is None:
                            yield cell.loc, cell.text
