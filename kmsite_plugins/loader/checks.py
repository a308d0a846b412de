"""Rules several checks share: ids given twice, ids that name nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .problems import Loc, Problems, field_path
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc


def duplicates(doc: YamlDoc, problems: Problems, items: Iterable[tuple[Loc, str]], what: str, rule: str) -> None:
    """An error for every value already given earlier in the same scope, naming where."""
    seen: dict[str, Loc] = {}
    for loc, value in items:
        if value in seen:
            problems.error_at(doc, loc, f"{what} '{value}' is already given at {field_path(seen[value])}: {rule}")
        else:
            seen[value] = loc


def unknown_id(doc: YamlDoc, problems: Problems, loc: Loc, value: str, known: Sequence[str], what: str,
               where: str) -> None:
    """``value`` must be one of ``known`` (the ids of ``what`` in ``where``); say what exists."""
    if value not in known:
        problems.error_at(doc, loc, f"unknown {what} '{value}': {where} has no such id{did_you_mean(value, known)} "
                                    f"(known: {listing(known)})")
