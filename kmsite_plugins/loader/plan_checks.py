"""Checks of a plan's selection worksheets and progress reports, located in the YAML.

Errors: a worksheet candidate whose scores do not cover every criterion exactly
once, a ``chosen`` that names no candidate, repeated ids, a report date that
cannot be read, a report entry naming no activity id of the plan. Warning
``not-top-ranked``: the chosen candidate is not ranked 1.
"""

from __future__ import annotations

from ..model import OrgContent, PlanEntry
from ..model.worksheet import Worksheet
from .checks import duplicates
from .problems import Problems
from .suggest import did_you_mean, listing
from .yaml_source import YamlDoc

Loc = tuple


def _check_worksheet(doc: YamlDoc, problems: Problems, entry: PlanEntry, w: int, sheet: Worksheet) -> None:
    base: Loc = ("worksheets", w)
    criteria = sheet.criterion_ids
    duplicates(doc, problems, ((base + ("criteria", i, "id"), c.id) for i, c in enumerate(sheet.criteria)),
                "criterion id", "ids must be unique within a worksheet")
    duplicates(doc, problems, ((base + ("candidates", i, "id"), c.id) for i, c in enumerate(sheet.candidates)),
                "candidate id", "ids must be unique within a worksheet")
    sections = [s.id for s in entry.plan.sections]
    complete = True
    for c, candidate in enumerate(sheet.candidates):
        loc = base + ("candidates", c)
        missing = sheet.missing_criteria(candidate)
        if missing:
            complete = False
            problems.error_at(doc, loc + ("scores",),
                   f"candidate '{candidate.id}' has no score for {', '.join(missing)}: every candidate needs "
                   f"exactly one score per criterion (criteria: {listing(criteria)})")
        for key in sheet.extra_criteria(candidate):
            complete = False
            problems.error_at(doc, loc + ("scores", key),
                   f"candidate '{candidate.id}' scores '{key}', which is not a criterion of this worksheet"
                   f"{did_you_mean(key, criteria)} (criteria: {listing(criteria)})")
        if candidate.section and candidate.section not in sections:
            problems.error_at(doc, loc + ("section",),
                   f"unknown section '{candidate.section}': no section of this plan has that id"
                   f"{did_you_mean(candidate.section, sections)} (known: {listing(sections)})")
    if sheet.chosen is None:
        return
    candidates = [c.id for c in sheet.candidates]
    chosen = sheet.chosen_result
    if chosen is None:
        problems.error_at(doc, base + ("chosen",),
               f"chosen '{sheet.chosen}' names no candidate of this worksheet"
               f"{did_you_mean(sheet.chosen, candidates)} (candidates: {listing(candidates)})")
    elif complete and chosen.rank != 1:
        top = ", ".join(f"'{r.candidate.id}' ({r.total}/{sheet.max_total})" for r in sheet.top)
        problems.warn_at(doc, base + ("chosen",), f"the chosen candidate '{sheet.chosen}' is ranked {chosen.rank} "
                      f"({chosen.total}/{sheet.max_total}), not 1; ranked 1: {top}",
                      code="not-top-ranked", value=sheet.chosen)


def _check_progress(doc: YamlDoc, problems: Problems, entry: PlanEntry) -> None:
    plan = entry.plan
    rows = [(loc + ("id",), row.id) for loc, _, _, row in plan.rows() if row.id]
    duplicates(doc, problems, rows, "activity id", "ids must be unique within a plan")
    known = list(dict.fromkeys(row_id for _, row_id in rows))
    for i, report in enumerate(plan.progress):
        base: Loc = ("progress", i)
        if report.date.error is not None:
            problems.error_at(doc, base + ("date",), str(report.date.error))
        for j, item in enumerate(report.entries):
            loc = base + ("entries", j, "row")
            if item.row not in known:
                what = (f"known: {listing(known)}" if known
                        else "no activity of this plan has an id yet: add 'id:' to the rows you report on")
                problems.error_at(doc, loc, f"unknown activity '{item.row}': no activity row of this plan has that id"
                                           f"{did_you_mean(item.row, known)} ({what})")
        duplicates(doc, problems, ((base + ("entries", j, "row"), e.row) for j, e in enumerate(report.entries)),
                    "activity", "report each activity once per report")


def check_plan_extras(content: OrgContent, docs: dict[str, YamlDoc], problems: Problems) -> None:
    """Errors and warnings of every plan's worksheets and progress reports."""
    for entry in content.plans:
        doc = docs.get(f"plan:{entry.key}")
        if doc is None:
            continue
        duplicates(doc, problems, ((("sections", i, "id"), s.id) for i, s in enumerate(entry.plan.sections)),
                    "section id", "ids must be unique within a plan (each is the anchor of its section)")
        duplicates(doc, problems, ((("worksheets", w, "id"), s.id) for w, s in enumerate(entry.plan.worksheets)),
                    "worksheet id", "ids must be unique within a plan")
        for w, sheet in enumerate(entry.plan.worksheets):
            _check_worksheet(doc, problems, entry, w, sheet)
        _check_progress(doc, problems, entry)
