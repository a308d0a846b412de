"""Problems found in content: every one says where (file:line), which field, what and why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .yaml_source import YamlDoc

Loc = Sequence["str | int"]  # a path inside a YAML document: ("people", 2, "name")


def field_path(loc: Loc) -> str:
    """``('people', 2, 'name')`` → ``people[3].name`` (1-based items read better)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # a warning the author has acknowledged in the content


@dataclass(frozen=True)
class Problem:
    """One content problem, printed as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""
    value: str = ""

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        label = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        fld = f"{self.field}: " if self.field else ""
        ack = ""
        if self.severity is Severity.WARNING and self.code and self.code != "stale-acknowledgement":
            value = f", value: {self.value!r}" if self.value else ""
            ack = f" [to acknowledge: acknowledged: - {{code: {self.code}{value}, note: ...}}]"
        return f"{where}: {label}{fld}{self.message}{ack}"


@dataclass
class Problems:
    """Collects problems across the whole tree so that all are reported at once."""

    root: Path
    items: list[Problem] = field(default_factory=list)
    # folder -> its resolved path: a large tree reports thousands of problems from the same few folders
    _resolved: dict[Path, Path] = field(default_factory=dict, repr=False, compare=False)

    def _resolve(self, folder: Path) -> Path:
        found = self._resolved.get(folder)
        if found is None:
            found = self._resolved[folder] = folder.resolve()
        return found

    def rel(self, path: Path) -> str:
        try:  # the file as named: a symbolic link is not followed (it may lead nowhere)
            return str((self._resolve(path.parent) / path.name).relative_to(self._resolve(self.root)))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, fld: str, message: str, *,
            severity: Severity = Severity.ERROR, code: str = "", value: str = "") -> None:
        self.items.append(Problem(self.rel(path), line, fld, message, severity, code, value))

    def error(self, path: Path, line: int, fld: str, message: str) -> None:
        self.add(path, line, fld, message)

    def warn(self, path: Path, line: int, fld: str, message: str, *, code: str, value: str = "") -> None:
        self.add(path, line, fld, message, severity=Severity.WARNING, code=code, value=value)

    def error_at(self, doc: YamlDoc, loc: Loc, message: str) -> None:
        """An error at the line of ``loc`` in a loaded document."""
        self.error(doc.path, doc.line_of(loc), field_path(loc), message)

    def warn_at(self, doc: YamlDoc, loc: Loc, message: str, *, code: str, value: str = "") -> None:
        self.warn(doc.path, doc.line_of(loc), field_path(loc), message, code=code, value=value)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.NOTE]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.path, p.line, p.field))


class ContentError(Exception):
    """Raised at a boundary (CLI, plugin) when the content has errors."""

    def __init__(self, problems: Problems):
        self.problems = problems
        lines = [p.format() for p in problems.sorted() if p.severity is Severity.ERROR]
        super().__init__(f"{len(lines)} error(s) in content:\n" + "\n".join(lines))
