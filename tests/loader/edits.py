"""Break a copy of the demo on purpose, and read back what `kmsite check` says."""

from __future__ import annotations

from pathlib import Path

from kmsite_plugins.loader import Severity, load_site


def replace_in(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text in a demo file; return the 1-based line of the first replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems_of(root: Path, severity: Severity = Severity.ERROR) -> list[str]:
    """Every problem of one severity, formatted as `kmsite check` prints it."""
    _, problems = load_site(root)
    return [p.format() for p in problems.items if p.severity is severity]


def errors(root: Path) -> list[str]:
    return problems_of(root, Severity.ERROR)
