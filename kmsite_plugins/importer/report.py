"""The printed import report: counts per kind, leftovers, defects noticed."""

from __future__ import annotations

from collections import Counter

from .result import ImportResult


def format_report(result: ImportResult, folder: str, files: list[str] | None = None) -> str:
    out = [f"kmsite import {result.source} -> {folder}", "", "Imported:"]
    for kind, count in result.counts().items():
        out.append(f"  {kind:32} {count}")
    out += ["", f"Left over: {len(result.leftovers)} paragraph(s)/cell(s), listed with their source location in "
                f"{folder}/import/leftovers.md"]
    why = Counter(item.why for item in result.leftovers)
    for reason, count in why.most_common():
        out.append(f"  {count:4} {reason}")
    out += ["", f"Defects and choices noticed while importing ({len(result.findings)}):"]
    for finding in result.findings:
        where = f"{finding.loc}: " if finding.loc else ""
        out.append(f"  [{finding.code}] {where}{finding.message}")
    if files:
        out += ["", "Wrote: " + ", ".join(files)]
    out += ["", f"kmsite check on the draft ({len(result.checker)} message(s)):"]
    out += [f"  {line}" for line in result.checker]
    return "\n".join(out) + "\n"
