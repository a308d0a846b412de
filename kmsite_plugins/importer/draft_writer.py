"""Write the draft organisation folder: our YAML (or the Markdown plan form) plus ``import/`` notes.

``import/`` holds what is not content yet: ``leftovers.md`` (every paragraph and cell the importer
could not place, with its source location), ``cells.yml`` (every imported row's raw cells and
source) and ``report.txt``. The loader knows the folder and never publishes it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from .result import ImportResult, Leftover

Format = Literal["markdown", "yaml"]


def _literal(node: Any) -> Any:
    """Multi-line strings as ``|`` blocks, so cells read as the author wrote them."""
    if isinstance(node, dict):
        return {k: _literal(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_literal(v) for v in node]
    if isinstance(node, str) and "\n" in node:
        return LiteralScalarString(node)
    return node


def dump_yaml(data: Any, header: str = "") -> str:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(_literal(data), out)
    return header + out.getvalue()


def plan_markdown(plan: dict[str, Any]) -> str:
    """The Markdown plan form, written by helper mdplan's dumper."""
    from ..loader.plan_markdown_dump import dump_plan_markdown

    return str(dump_plan_markdown(plan))


def markdown_available() -> bool:
    try:
        from ..loader import plan_markdown_dump  # noqa: F401
    except ImportError:
        return False
    return True


def leftovers_markdown(result: ImportResult) -> str:
    """Leftovers in runs of neighbours with the same reason; every item keeps its own source location."""
    lines = [f"# Leftovers of `kmsite import {result.source}`", "",
             "Everything below was in the source but could not be placed in the draft. Each LEFTOVER run gives",
             "why, and each item its source location. Move what matters into the content files, then delete",
             "this folder (it is never published).", ""]
    runs: list[list[Leftover]] = []
    for item in result.leftovers:
        if runs and runs[-1][-1].why == item.why and _neighbours(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        span = str(run[0].loc) if len(run) == 1 else f"{run[0].loc} … {run[-1].loc} ({len(run)} items)"
        lines += [f"## LEFTOVER {span}", "", f"*{run[0].why}*", ""]
        for item in run:
            first, *rest = item.text.splitlines() or [""]
            lines.append(f"- `{item.loc}` {first}")
            lines.extend(f"  {line}" for line in rest)
        lines.append("")
    return "\n".join(lines)


def _neighbours(a: Leftover, b: Leftover) -> bool:
    if a.loc.line is not None and b.loc.line is not None:
        return 0 <= b.loc.line - a.loc.line <= 3
    if a.loc.paragraph is not None and b.loc.paragraph is not None:
        return 0 <= b.loc.paragraph - a.loc.paragraph <= 2
    return a.loc.table is not None and a.loc.table == b.loc.table


def write_draft(result: ImportResult, folder: Path, fmt: Format, report: str) -> list[Path]:
    written: list[Path] = []

    def put(rel: str, text: str) -> None:
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)

    note = f"# Draft made by kmsite import from {result.source}: review it, then run kmsite check.\n"
    put("organisation.yml", dump_yaml(result.organisation, note))
    if result.committees:
        put("committees.yml", dump_yaml({"committees": result.committees}, note))
    if result.topics:
        put("knowledge/topics.yml", dump_yaml({"topics": result.topics}, note))
    if result.plan.get("sections"):
        if fmt == "markdown":
            put(f"plans/{result.plan_key}.md", plan_markdown(result.plan))
        else:
            put(f"plans/{result.plan_key}.yml", dump_yaml(result.plan, note))
    put("import/leftovers.md", leftovers_markdown(result))
    put("import/cells.yml", dump_yaml({"source": result.source, "labels": result.labels, "rows": result.raw_cells}))
    put("import/report.txt", report)
    return written
