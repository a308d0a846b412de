"""Warnings an author has reviewed: ``acknowledged:`` entries in a content file.

A real document keeps its defects (a copied template names another
organisation, a step is missing). Once an editor has reviewed one, the file
says so and the warning becomes a note: still printed by ``kmsite check``, no
longer failing ``mkdocs build --strict``. An acknowledgement that matches
nothing is itself a warning, so stale ones do not pile up.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional

from pydantic import ValidationError

from ..model.base import StrictModel, Text
from ..thai.digits import to_arabic
from .problems import Problem, Problems, Severity
from .pydantic_errors import report_validation_error
from .yaml_source import YamlDoc


class Ack(StrictModel):
    code: Text
    value: Text = ""
    note: Text


class AckList(StrictModel):
    acknowledged: list[Ack]


@dataclass
class AckEntry:
    """One acknowledgement, where it is written, and whether a warning matched it."""

    path: str
    line: int
    ack: Ack
    used: bool = False


class Acknowledgements:
    def __init__(self) -> None:
        self.entries: list[AckEntry] = []

    def collect(self, raw: Optional[Any], doc: YamlDoc, problems: Problems) -> None:
        if raw is None:
            return
        try:
            parsed = AckList.model_validate({"acknowledged": raw})
        except ValidationError as exc:
            report_validation_error(exc, doc, AckList, problems)
            return
        for i, ack in enumerate(parsed.acknowledged):
            self.entries.append(AckEntry(problems.rel(doc.path), doc.line_of(("acknowledged", i)), ack))

    def by_file_and_code(self) -> dict[tuple[str, str], list[AckEntry]]:
        """The entries of each (file, code), in the order they were collected."""
        found: dict[tuple[str, str], list[AckEntry]] = {}
        for entry in self.entries:
            found.setdefault((entry.path, entry.ack.code), []).append(entry)
        return found

    def apply(self, problems: Problems) -> None:
        """Downgrade acknowledged warnings to notes; warn about acknowledgements that match nothing.

        A warning is matched against the entries of its own file and code only (one dict look-up, so a
        tree with thousands of warnings and acknowledgements is not checked pair by pair).
        """
        candidates = self.by_file_and_code()
        for i, problem in enumerate(problems.items):
            if problem.severity is not Severity.WARNING:
                continue
            for entry in candidates.get((problem.path, problem.code), ()):
                ack = entry.ack
                # digits are digits: an acknowledged "5." matches a row numbered "๕."
                if to_arabic(ack.value) in to_arabic(problem.value):
                    entry.used = True
                    problems.items[i] = replace(problem, severity=Severity.NOTE,
                                                message=f"{problem.message} [acknowledged: {ack.note}]")
                    break
        # An organisation with errors was not fully checked: its acknowledgements cannot be judged.
        broken = {_org_folder(p.path) for p in problems.errors}
        for entry in self.entries:
            if not entry.used and _org_folder(entry.path) not in broken:
                problems.items.append(_stale(entry))


def _org_folder(path: str) -> str:
    """``plans/suso/plans/2567.yml`` → ``plans/suso``."""
    return "/".join(path.split("/")[:2])


def _stale(entry: AckEntry) -> Problem:
    return Problem(entry.path, entry.line, "acknowledged",
                   f"acknowledgement of '{entry.ack.code}' {entry.ack.value!r} matches no warning in this file; "
                   f"remove it",
                   Severity.WARNING, "stale-acknowledgement", entry.ack.value)
