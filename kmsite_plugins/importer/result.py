"""What an import produces: the draft's mappings, leftovers, findings and counts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Loc


@dataclass
class Leftover:
    loc: Loc
    text: str
    why: str


@dataclass
class Finding:
    """A defect noticed in the source (or a choice the importer had to make), with where it is."""

    code: str
    message: str
    loc: Loc | None = None


@dataclass
class ImportResult:
    source: str
    organisation: dict[str, Any] = field(default_factory=dict)
    committees: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    plan: dict[str, Any] = field(default_factory=dict)
    plan_key: str = "undated"
    raw_cells: list[dict[str, Any]] = field(default_factory=list)  # every imported row: source and raw cells
    labels: list[dict[str, Any]] = field(default_factory=list)  # headings and labels read as structure
    leftovers: list[Leftover] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    checker: list[str] = field(default_factory=list)  # kmsite check's messages on the draft

    def counts(self) -> dict[str, int]:
        org = self.organisation
        sections = self.plan.get("sections", [])
        tables = [t for s in sections for t in s["tables"]]
        return {
            "departments": len(org.get("departments", [])),
            "positions": len(org.get("positions", [])),
            "people": len(org.get("people", [])),
            "committees": len(self.committees),
            "committee members": sum(len(c["members"]) for c in self.committees),
            "focus areas": len(self.plan.get("focus_areas", [])),
            "desired states": len(self.plan.get("desired_states", [])),
            "success factors": len(self.plan.get("success_factors", [])),
            "knowledge topics": len(self.topics),
            "selected knowledge (sections)": len(sections),
            "KMP tables": sum(1 for t in tables if t["kind"] == "kmp"),
            "CMP tables": sum(1 for t in tables if t["kind"] == "cmp"),
            "KMP activities": sum(len(t["rows"]) for t in tables if t["kind"] == "kmp"),
            "CMP activities": sum(len(t["rows"]) for t in tables if t["kind"] == "cmp"),
            "worksheets": len(self.plan.get("worksheets", [])),
            "reviewer": 1 if self.plan.get("reviewer") else 0,
            "approver": 1 if self.plan.get("approver") else 0,
        }
