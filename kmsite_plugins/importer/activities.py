"""Activity tables: header recognition, repeated headers, section rows, KM steps, periods, raw cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..thai.dates import ThaiDateError, month_number
from ..thai.periods import parse_period
from .document import Cell, Loc, Row, Table
from .labels import ACTIVITY_KEYS, header_key, header_keys, normalise_label, table_kind
from .rejoin import rejoin
from .result import Finding
from .steps import kind_of_title, step_of


@dataclass
class BuiltTable:
    kind: str | None
    columns: list[dict[str, str]]
    rows: list[dict[str, Any]]
    raw: list[dict[str, Any]]
    locs: list[Loc] = field(default_factory=list)
    title: str | None = None
    loc: Loc | None = None
    consumed: list[Loc] = field(default_factory=list)


def find_header(table: Table) -> int | None:
    for i, row in enumerate(table.rows):
        if table_kind(row.texts()) == "activity":
            return i
    return None


def month_grid(row: Row) -> dict[int, str] | None:
    """Grid column → month of a header row of month names (the Gantt form of ระยะเวลา), else None."""
    months: dict[int, str] = {}
    for cell in row.cells:
        if cell.merged_from is not None or not cell.text.strip():
            continue
        try:
            month_number(cell.text.strip())
        except ThaiDateError:
            return None
        months[cell.col] = cell.text.strip()
    return months if len(months) >= 3 else None


def _same_header(row: Row, header: Row) -> bool:
    a = [normalise_label(t) for t in row.texts() if t.strip()]
    b = [normalise_label(t) for t in header.texts() if t.strip()]
    return a == b


_INLINE_ITEM = re.compile(r"(?<=\S) (?=- \S)|(?<=[^\sA-Za-z]) (?=[๐-๙0-9]{1,2}\) \S)")
_THAI_DASH = re.compile(r"(?<=[\u0E01-\u0E4E]) - (?=[\u0E01-\u0E4E])")


def unflatten(text: str) -> str:
    """List items a one-line export ran together (``หัวข้อ - ก - ข``) back on their own lines.

    A cell is split when it starts with an item, holds two items or more, or joins two Thai phrases with
    `` - ``; a dash between numbers or abbreviations (``๑ - ๒``, ``ธ.ค. - ม.ค.``) is a range and stays.
    """
    items = len(re.findall(r"(?<=\S) - (?=\S)", text))
    if not (text.startswith("- ") and items >= 1) and items < 2 and not _THAI_DASH.search(text):
        return text
    return _INLINE_ITEM.sub("\n", text)


def _cell_value(cell: Cell, key: str) -> str:
    text = cell.text.strip()
    if cell.flattened and key not in ("period", "no"):
        text = unflatten(text)
    return rejoin(text)


class ActivityBuilder:
    """Turns one source table (or its continuation) into one or more plan tables."""

    def __init__(self, fiscal_year: int | None, findings: list[Finding]):
        self.fy = fiscal_year
        self.findings = findings
        self.months: dict[int, str] | None = None
        self.marks: list[Loc] = []  # month names and ticks of a month grid: structure, read into periods
        self.unplaced: list[Loc] = []  # cells of columns the plan model has no field for (they become leftovers)
        self.spanning: list[Loc] = []  # header labels over sub-columns (structure: the sub-labels are the columns)

    def build(self, table: Table, header_at: int, title_kind: str | None, title: str | None) -> list[BuiltTable]:
        header = table.rows[header_at]
        keys = header_keys(header.texts())
        by_col: dict[int, str] = {}
        columns: list[dict[str, str]] = []
        for cell, key in zip(header.cells, keys, strict=False):
            if key in ACTIVITY_KEYS and key not in by_col.values():
                by_col[cell.col] = key
                columns.append({"key": key, "header": cell.text.strip()})
        consumed = [c.loc for c in header.cells if c.text.strip() and c.col in by_col]
        self.unplaced += [c.loc for c in header.cells if c.text.strip() and c.col not in by_col]
        first = header_at + 1
        self.months = month_grid(table.rows[first]) if first < len(table.rows) else None
        if self.months:
            self.marks += [c.loc for c in table.rows[first].cells if c.text.strip() and c.merged_from is None]
            if "period" not in by_col.values():
                columns.append({"key": "period", "header": "ระยะเวลา"})
            for col in self.months:
                by_col.pop(col, None)
            first += 1
        elif first < len(table.rows) and (sub := self._sub_header(table.rows[first])):
            # a second header row under a spanning label (เป้าหมาย → ตัวชี้วัด | ค่าเป้าหมาย)
            for cell, key in sub:
                parent = next((c for c in header.cells if c.col <= cell.col < c.col + c.span), None)
                if parent is not None and parent.col in by_col and parent.loc in consumed:
                    consumed.remove(parent.loc)
                    self.spanning.append(parent.loc)
                by_col[cell.col] = key
                consumed.append(cell.loc)
            heads = {c.col: c.text.strip() for c in header.cells} | {c.col: c.text.strip() for c, _ in sub}
            columns = []
            for col in sorted(by_col):
                if by_col[col] not in [c["key"] for c in columns]:
                    columns.append({"key": by_col[col], "header": heads.get(col, by_col[col])})
            first += 1
        built: list[BuiltTable] = []
        current = BuiltTable(kind=title_kind, columns=columns, rows=[], raw=[], title=title, loc=table.loc)
        built.append(current)
        for row in table.rows[first:]:
            filled = row.filled()
            if not filled:
                continue
            if _same_header(row, header):
                consumed += [c.loc for c in filled]
                self.findings.append(Finding("repeated-header", "header row repeated (a page break); dropped", row.loc))
                continue
            wide = len(row.cells) == 1 or filled[0].span > 1 or len(header.cells) > 2
            if len(filled) == 1 and wide \
                    and kind_of_title(filled[0].text) and not re.match(r"^\s*[0-9๐-๙]", filled[0].text):
                # a section row of a combined table: "กระบวนการบริหารจัดการการเปลี่ยนแปลง (CMP)"
                consumed.append(filled[0].loc)
                if current.rows:
                    current = BuiltTable(kind=kind_of_title(filled[0].text), columns=columns, rows=[], raw=[],
                                         title=filled[0].text.strip(), loc=row.loc)
                    built.append(current)
                else:
                    current.kind, current.title = kind_of_title(filled[0].text), filled[0].text.strip()
                continue
            self._row(row, by_col, current, consumed)
        for item in built:
            item.consumed = consumed
            if item.kind is None:
                item.kind = self._kind_from_steps(item)
            self._steps(item)
        return [b for b in built if b.rows]

    def _row(self, row: Row, by_col: dict[int, str], table: BuiltTable, consumed: list[Loc]) -> None:
        values: dict[str, Any] = {}
        raw: dict[str, Any] = {"source": str(row.loc), "cells": {}}
        marked: list[str] = []
        for cell in row.cells:
            key = by_col.get(cell.col)
            if not cell.text.strip():
                continue
            if self.months and cell.col in self.months:
                marked.append(self.months[cell.col])
                raw["cells"].setdefault("period_marks", {})[self.months[cell.col]] = cell.raw
                self.marks.append(cell.loc)
                continue
            if key is None:
                raw.setdefault("unplaced", []).append({"at": str(cell.loc), "text": cell.text})
                self.unplaced.append(cell.loc)
                continue
            values[key] = cell.text.strip() if key == "no" else _cell_value(cell, key)
            raw["cells"][key] = cell.raw
            if cell.merged_from is None:
                consumed.append(cell.loc)
        if marked and self.months:
            values["period"] = self._marked_period(marked, row.loc)
        if not values:
            return
        values.setdefault("activity", "")
        if "period" in values:
            self._period(values, row.loc)
        table.rows.append(values)
        table.raw.append(raw)
        table.locs.append(row.loc)

    def _period(self, values: dict[str, Any], loc: Loc) -> None:
        text = values["period"]
        try:
            period = parse_period(text, self.fy)
        except ThaiDateError as exc:
            if exc.suggestions and exc.value in text:
                choices = self._fitting(text, exc.value, exc.suggestions)
                guess = text.replace(exc.value, choices[0], 1)
                others = f" (also possible: {', '.join(choices[1:])})" if len(choices) > 1 else ""
                values.setdefault("corrections", {})["period"] = {
                    "value": guess,
                    "note": f"kmsite import: '{exc.value}' is not a month; the nearest valid month "
                            f"'{choices[0]}' is a guess to check{others}",
                }
                self.findings.append(Finding("invalid-month", f"'{exc.value}' in period '{text}' is not a month; "
                                             f"draft carries a correction to check: '{guess}'{others}", loc))
            else:
                self.findings.append(Finding("bad-period", f"period '{text}': {exc}", loc))
            return
        if period.repeated:
            self.findings.append(Finding("repeated-period", f"the period '{text}' is written twice", loc))

    @staticmethod
    def _sub_header(row: Row) -> list[tuple[Cell, str]] | None:
        """The labelled cells of a second header row, when every own cell of the row is an activity label."""
        own = [c for c in row.cells if c.text.strip() and c.merged_from is None]
        keys = [header_key(c.text) for c in own]
        if not own or not all(k in ACTIVITY_KEYS for k in keys) or any(k in ("no", "activity") for k in keys):
            return None
        return [(c, k) for c, k in zip(own, keys, strict=True) if k]

    def _marked_period(self, marked: list[str], loc: Loc) -> str:
        """The months ticked in a month grid as one period: ``ต.ค. - ธ.ค.``; gaps are reported."""
        order = list(self.months.values()) if self.months else marked
        positions = [order.index(m) for m in marked]
        if positions != list(range(positions[0], positions[-1] + 1)):
            self.findings.append(Finding("month-gaps", f"months {', '.join(marked)} are ticked with gaps; the period "
                                         f"is written from the first to the last", loc))
        return marked[0] if len(marked) == 1 else f"{marked[0]} - {marked[-1]}"

    def _fitting(self, text: str, bad: str, suggestions: tuple[str, ...]) -> list[str]:
        """Nearest months first that make the period parse and fall in the fiscal year (in fiscal order)."""
        fits: list[tuple[int, str]] = []
        for month in suggestions:
            try:
                period = parse_period(text.replace(bad, month, 1), self.fy)
            except ThaiDateError:
                continue
            if self.fy and period.start and not period.months_in(self.fy):
                continue
            start = period.start[1] if period.start else 0
            fits.append(((start - 10) % 12, month))
        ordered = [m for _, m in sorted(fits)]
        return ordered + [m for m in suggestions if m not in ordered]

    @staticmethod
    def _kind_from_steps(table: BuiltTable) -> str:
        votes = {"kmp": 0, "cmp": 0}
        for row in table.rows:
            step, _ = step_of(row.get("activity", ""), None)
            if step:
                votes["cmp" if step.startswith("CMP") else "kmp"] += 1
        return "cmp" if votes["cmp"] > votes["kmp"] else "kmp"

    def _steps(self, table: BuiltTable) -> None:
        for row, loc in zip(table.rows, table.locs, strict=False):
            step, written = step_of(row.get("activity", ""), table.kind)
            if step is None:
                self.findings.append(Finding("no-step", f"row '{row.get('no', '?')}' ({row.get('activity', '')[:40]}): "
                                             f"no KM step recognised; step left empty", loc))
                continue
            if (step.startswith("CMP")) != (table.kind == "cmp"):
                self.findings.append(Finding("step-kind", f"row '{row.get('no', '?')}' names {written or step} in a "
                                             f"{table.kind.upper() if table.kind else '?'} table", loc))
                if not written:
                    continue
            if written and re.search(r"KMIP", written, re.IGNORECASE):
                self.findings.append(Finding("step-typo", f"'{written}' read as {step}", loc))
            row["step"] = step
