"""Selection worksheets (ใบงาน 2 / 4): criteria rows × candidate columns scored 5/3/1, with the
sheet's own total and rank rows checked against the computed ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.worksheet import competition_ranks, parse_score
from ..thai.digits import to_arabic
from .document import Loc, Row, Table
from .ids import IdMaker
from .people import strip_number
from .result import Finding

TOTAL = re.compile(r"^รวม")
RANK = re.compile(r"อันดับ")


@dataclass
class SheetRead:
    mapping: dict[str, Any]
    used: list[Loc] = field(default_factory=list)
    checked: list[Loc] = field(default_factory=list)  # the sheet's own totals and ranks (computed, not stored)


def _score(text: str) -> int | None:
    try:
        return parse_score(text).value
    except ValueError:
        return None


def _number(text: str) -> int | None:
    match = re.search(r"[0-9]+", to_arabic(text))
    return int(match.group(0)) if match else None


def read_worksheet(table: Table, findings: list[Finding]) -> SheetRead | None:
    """A worksheet when most body rows score every candidate; None for any other table."""
    if len(table.rows) < 3:
        return None
    header = table.rows[0]
    candidates = [c for c in header.cells[1:] if c.text.strip()]
    if len(candidates) < 2:
        return None
    def all_scores(row: Row) -> bool:
        cells = row.cells[1:1 + len(candidates)]
        return len(row.cells) > 1 and all(_score(c.text) is not None for c in cells)

    scored = [r for r in table.rows[1:] if all_scores(r) and not TOTAL.match(r.cells[0].text.strip())]
    if len(scored) < 2:
        return None
    ids = IdMaker()
    used = [c.loc for c in header.filled()]
    checked: list[Loc] = []
    criteria: list[dict[str, Any]] = []
    cands: list[dict[str, Any]] = []
    for cell in candidates:
        cands.append({"id": ids.make(cell.text, "candidate"), "name": " ".join(cell.text.split()), "scores": {}})
    totals_written: list[int | None] | None = None
    ranks_written: list[int | None] | None = None
    for row in table.rows[1:]:
        label = row.cells[0].text.strip() if row.cells else ""
        values = [c.text.strip() for c in row.cells[1:1 + len(cands)]]
        if row in scored:
            crit_id = ids.make(label, "criterion")
            criteria.append({"id": crit_id, "name": strip_number(" ".join(label.split()))[1] or label})
            for cand, value in zip(cands, values, strict=False):
                cand["scores"][crit_id] = value
        elif TOTAL.match(label):
            totals_written = [_number(v) for v in values]
            checked += [c.loc for c in row.filled()]
            continue
        elif RANK.search(label):
            ranks_written = [_number(v) for v in values]
            checked += [c.loc for c in row.filled()]
            continue
        else:
            continue
        used += [c.loc for c in row.filled()]
    kind = "knowledge" if any("องค์ความรู้" in c.text for c in header.cells[:1]) or "องค์ความรู้" in header.cells[0].text \
        else "kpi"
    totals = [sum(parse_score(v).value for v in c["scores"].values()) for c in cands]
    ranks = competition_ranks(totals)
    if totals_written:
        for cand, written, total in zip(cands, totals_written, totals, strict=False):
            if written is not None and written != total:
                findings.append(Finding("worksheet-total", f"'{cand['name'][:30]}': the sheet's total {written} "
                                        f"does not add up (the scores sum to {total})", table.loc))
    if ranks_written:
        for cand, written, rank in zip(cands, ranks_written, ranks, strict=False):
            if written is not None and written != rank:
                findings.append(Finding("worksheet-rank", f"'{cand['name'][:30]}': the sheet ranks it {written}, "
                                        f"its total ranks {rank}", table.loc))
    mapping: dict[str, Any] = {"id": f"worksheet-{table.loc.table or 1}".replace(".", "-"), "kind": kind,
                               "title": " ".join(header.cells[0].text.split()) or None,
                               "criteria": criteria, "candidates": cands}
    top = [c["id"] for c, r in zip(cands, ranks, strict=False) if r == 1]
    if len(top) == 1:
        mapping["chosen"] = top[0]
    return SheetRead({k: v for k, v in mapping.items() if v is not None}, used, checked)
